"""A key handed on as the reader closes: held past its time on a busy machine (`key_settling`),
it came to the app once its screens were gone, and Textual's bindings raised ScreenStackError
at the exit (seen in a full run at load 18: test_catch_up_keys)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events

from reader.ui.app import ReaderApp


def test_a_key_handed_on_after_the_screens_are_gone_is_dropped(tmp_path: Path) -> None:
    app = ReaderApp(tmp_path / "data", refresh_on_start=False)
    key = events.Key("j", "j")
    # As `_hand_on_typed_ahead` leaves it: the key handed on anyway, its wait over.
    app._holding_keys, app._handed_on, app._handed_anyway = False, key, True

    async def run() -> None:
        assert not app.screen_stack
        await app.on_event(key)
        app._typed_ahead = (events.Key("k", "k"),)
        app._hand_on_typed_ahead()

    asyncio.run(run())
