"""On the Linux console (TERM=linux) the reader draws only glyphs its fonts have: ↗ ★ ✓ Δ ⏎ ▌
↪ and the scroll bars' eighth blocks are in none of console-setup's Lat15, Uni2, Uni3 or
Terminus fonts, which showed each as their replacement glyph (acc35a E13). The marks are read
as the process starts, so the reader runs in a process of its own, driven by Pilot there, on
the synced demo data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui_pilot import script_output

MISSING = set("↗★✓Δ⏎▌▐↪▣✎⌕▁▂▃▄▅▆▇▉▊▋▍▎▏")
"""Glyphs the reader may draw that the console's usual fonts lack."""

SCRIPT = """
import asyncio, sys
from pathlib import Path
from reader.marks import SAVED_MARK
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import on_top, running, screen_text, until

async def main() -> None:
    async with running(Path(sys.argv[1]), (80, 24), prefetch=False, notifications=True) as (
        app,
        pilot,
    ):
        await pilot.press("s")  # saved: its mark in the row
        await until(
            pilot,
            lambda: "Saved for good" in screen_text(app) and SAVED_MARK in screen_text(app),
            "the notice and the row's mark",
        )
        print(screen_text(app))
        await pilot.press("enter")  # an article, its scroll bar
        screen = await on_top(pilot, ArticleScreen, "the reading view")
        await until(pilot, lambda: screen.takes_keys, "the article drawn")
        print(screen_text(app))

asyncio.run(main())
"""


def _screens(data: Path, term: str) -> str:
    return script_output(SCRIPT, data, {"TERM": term})


@pytest.mark.parametrize("term", ["linux"])
def test_the_linux_console_gets_glyphs_its_fonts_have(synced_dir: Path, term: str) -> None:
    shown = _screens(synced_dir, term)
    assert "Saved for good" in shown
    assert "Enter Open" in shown  # the key bar, where Textual writes ⏎
    assert not MISSING & set(shown), sorted(MISSING & set(shown))


def test_other_terminals_keep_the_marks(synced_dir: Path) -> None:
    shown = _screens(synced_dir, "xterm-256color")
    assert "⏎ Open" in shown and "★" in shown
