"""The help (`?`) over the reader: its keys list is set out once a width, not at each of
Textual's calls for it, so opening it again costs the event loop little."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.table import Table

from reader.cli import main
from reader.search_syntax import SEARCH_RULES
from reader.ui.dialogs import help as help_dialog
from reader.ui.dialogs.help import HelpScreen
from tests.tui_pilot import running, screen_text, until


def test_the_help_opened_again_does_not_set_its_keys_out_again(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys list is rendered once a width: Textual asked for it five times each time `?`
    was pressed (its height, then its lines, and again once the scrollbar showed), a table of
    64 rows each time, which held the event loop a quarter of a second (over a second on a
    busy machine). Counted by a wrapper round the real function that sets them out."""
    set_out: list[int] = []
    real = help_dialog._keys_table

    def counted(sections: help_dialog.KeyRows) -> Table:
        set_out.append(1)
        return real(sections)

    monkeypatch.setattr(help_dialog, "_keys_table", counted)
    monkeypatch.setattr(help_dialog, "_rendered", {}, raising=False)

    async def run() -> tuple[int, int, str]:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            counts = []
            for _ in range(2):
                await pilot.press("question_mark")
                await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
                await pilot.pause()
                counts.append(len(set_out))
                shown = screen_text(app)
                await pilot.press("escape")
                await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "closed")
            return counts[0], counts[1], shown

    first, second, shown = asyncio.run(run())
    assert 1 <= first <= 2  # at the panel's width, and without its scrollbar's two cells
    assert second == first  # opened again: nothing set out again
    assert "refresh every feed" in shown


def test_the_help_gives_the_search_rules_list_help_gives(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`F`'s row says how a query is written as `reader list --help` says it (one text,
    `SEARCH_RULES`): phrases, `-word`, `OR` and `tag:NAME` were in the one, not the other."""

    async def run() -> str:
        async with running(synced_dir, (160, 100), prefetch=False) as (app, pilot):
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.pause()
            return screen_text(app)

    shown = asyncio.run(run())
    (row,) = [line for line in shown.splitlines() if " F " in line]
    assert "find articles by their text or byline" in row
    said = " ".join(shown.split())
    for rule in ("double quotes", "-word or NOT word", "A OR B either", "tag:NAME", "-tag:NAME"):
        assert rule in said, rule
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    assert " ".join(SEARCH_RULES.split()) in " ".join(capsys.readouterr().out.split())
