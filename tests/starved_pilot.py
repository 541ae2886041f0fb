"""A pytest plugin that runs Pilot tests as a starved machine does: Textual's `wait_for_idle`
(in every `pilot.press` and `pilot.pause`) takes the process for idle at its first look, as it
does when the process gets no CPU to show it busy (load 30 on two cores). A test that asserts
after a pause what only comes later (a key held by the reader, a screen popped, the key bar
drawn at a refresh, a worker's or a thread's result) then fails at once, where at load it fails
one run in hundreds. Its fix: wait for the state it needs (`tui_pilot.until`, `on_top`,
`keys_handled`). Not loaded by default:

    PYTHONPATH=. python -m pytest -p tests.starved_pilot tests/test_x.py

Races are not all lost at every run: run a suspect a few times."""

from __future__ import annotations

import asyncio

import textual.app
import textual.pilot


async def _idle_at_first_look(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    await asyncio.sleep(0.001)


textual.app.wait_for_idle = _idle_at_first_look  # type: ignore[assignment]
textual.pilot.wait_for_idle = _idle_at_first_look  # type: ignore[assignment]
