"""A text box's caret through a resize of the terminal: the search line (`F`) and the add-feed
box, a query longer than the narrower line, the window made narrower (tmux's resize-pane, a
phone turned). The caret stood past the line's edge, scrolled out of it, the terminal's own
cursor (a screen reader's, an input method's) where the box had been, until a key was pressed
(acc45b B8, narrow46)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui_pilot import keys_handled, running, until

QUERY = "harbour ferries return after winter quay"


def _caret_shown(app: object) -> bool:
    """The focused box's caret is inside the part of the box drawn (its cells, and the one after
    them Textual keeps for a caret past the end), and the terminal's cursor on it."""
    box = app.focused  # type: ignore[attr-defined]
    assert isinstance(box, Input), box
    inside = 0 <= box._cursor_offset - round(box.scroll_x) <= box.scrollable_content_region.width
    return inside and app.cursor_position == box.cursor_screen_offset  # type: ignore[attr-defined]


@pytest.mark.parametrize("opened", [("F",), ("a",)])
def test_the_caret_stays_in_view_through_a_resize(synced_dir: Path, opened: tuple[str]) -> None:
    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            await pilot.press(*opened, *("space" if c == " " else c for c in QUERY))
            await keys_handled(pilot)
            await until(pilot, lambda: isinstance(app.focused, Input), "a box focused")
            assert app.focused.value.endswith("quay")  # type: ignore[union-attr]
            await until(pilot, lambda: _caret_shown(app), "the caret shown before")
            for size in [(30, 12), (24, 10), (80, 24)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await until(pilot, lambda: _caret_shown(app), f"the caret shown at {size}")

    asyncio.run(run())
