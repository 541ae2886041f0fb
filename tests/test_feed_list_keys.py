"""With the feed list in use, the keys that act on a headline (`m`, `s`, `o`) are neither in the
key bar nor done: they acted on the headline under the other list's cursor, out of sight on a
narrow terminal. Back in the headlines, they are both again. Driven with Pilot on the synced
demo data."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import running, screen_text, table, until

HEADLINE_KEYS = ("m Read/unread", "s Save", "o Original")


def _key_bar(text: str) -> str:
    return text.splitlines()[-1]


def _bar_of(pilot: Pilot[object], headline_keys: bool) -> Callable[[], bool]:
    """Whether the key bar is the headlines' (`headline_keys`) or the feed list's, made whole
    ("tab" is in both lists'): it is made again after the focus moved, when a busy machine gets
    to it, and one of its draws on the way differed from the last bar without being the next
    one whole (Textual's idle wait at its first look)."""

    def made() -> bool:
        bar = _key_bar(screen_text(pilot.app))
        offered = [key in bar for key in HEADLINE_KEYS]
        return "tab Feeds/headlines" in bar and (
            all(offered) if headline_keys else not any(offered)
        )

    return made


def test_headline_keys_are_not_offered_or_done_from_the_feed_list(
    synced_dir: Path, browser: list[str]
) -> None:
    async def run() -> None:
        async with running(synced_dir, (160, 30), prefetch=False) as (app, pilot):
            await until(pilot, _bar_of(pilot, headline_keys=True), "the headlines' keys")
            await pilot.press("tab")
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "the feeds")
            await until(pilot, _bar_of(pilot, headline_keys=False), "the feed list's keys")
            headline = table(app).current
            assert headline is not None and not headline.read and not headline.saved
            await pilot.press("m", "s", "o")
            await pilot.pause()
            current = table(app).current
            assert current is not None and not current.read and not current.saved
            assert browser == []
            # In the headlines, the same keys act on the headline under the cursor.
            await pilot.press("tab")
            await until(pilot, _bar_of(pilot, headline_keys=True), "the headlines' keys")
            await pilot.press("m", "o")
            # The address `o` opens is read off the event loop: waited for, not one refresh.
            await until(pilot, lambda: bool(browser), "the browser handed an address")
            current = table(app).current
            assert current is not None and current.read  # once: m in the feed list did nothing
            assert browser == [current.entry.link] and not current.saved  # nor did o and s

    asyncio.run(run())
