"""`L` shows only the unread headlines, and in the feed list only the feeds with unread ones (or
failing); a row read while its list is shown stays until the list is left; "Saved" is never
filtered; `A` clears the list and `U` brings it back; the reader opens as it was left, unless the
config's `[ui] unread_only` changed since. Driven with Pilot on the synced demo data, a feed read
to its end before the reader opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.config import load_config
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from reader.ui.widgets.status_bar import StatusBar
from tests.tui_pilot import running, screen_text, started, table, until


def _read_one_feed_and_some(directory: Path) -> tuple[str, int]:
    """Mark every headline of the first feed read, and every other one of the rest: the read
    feed's address, and how many headlines are left unread."""

    async def run() -> tuple[str, int]:
        async with Library(directory, workers="thread") as lib:
            first = lib.feeds()[0].url
            every = lib.headlines()
            read = [h.entry for n, h in enumerate(every) if h.entry.feed_url == first or n % 2]
            lib.mark_many_read(read, True)
            return first, len(every) - len(read)

    return asyncio.run(run())


def _title(app: ReaderApp) -> str:
    return str(app.screen.query_one(HeadlineTable).border_title)


def _feeds_listed(app: ReaderApp) -> set[str]:
    return set(app.screen.query_one(FeedList).feeds)


def test_unread_only_keeps_what_is_read_in_sight_until_the_list_is_left(
    synced_dir: Path,
) -> None:
    read_feed, unread = _read_one_feed_and_some(synced_dir)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            every = len(table(app).rows)
            assert any(h.read for h in table(app).rows)
            assert read_feed in _feeds_listed(app)
            await pilot.press("L")
            await pilot.pause()
            rows = table(app).rows
            assert len(rows) == unread and not any(h.read for h in rows)
            assert f"All feeds · unread only · {unread} of {every}" in _title(app)
            said = (
                f"Unread only: {unread} of {every} headlines, and feeds with unread · L shows all"
            )
            assert app.status == said
            assert app.screen.query_one(FeedList).border_title == "Feeds · unread"
            # The feed read to its end is not listed; the others are.
            assert read_feed not in _feeds_listed(app)
            assert len(_feeds_listed(app)) == len(app.index.feeds) - 1
            # A headline read (`m`, or opened) stays where it was, marked read.
            await pilot.press("j", "m")
            await pilot.pause()
            marked = table(app).current
            assert marked is not None and marked.read and table(app).cursor == 1
            assert f"unread only · {unread - 1} of {every}" in _title(app)
            # A reload (a sync in another window, the refresh's end) keeps it too.
            await app.reload(freeze=False)
            await pilot.pause()
            assert table(app).current == marked
            # Left (a feed chosen, then "All feeds" again), the list is of unread ones only.
            await pilot.press("tab", "j", "j")
            await pilot.pause()
            await pilot.press("g")
            await pilot.pause()
            await until(pilot, lambda: app.screen.feed_url is None, "All feeds again")
            assert not any(h.read for h in table(app).rows)
            assert len(table(app).rows) == unread - 1
            # `L` again: everything, the cursor on the headline it was on.
            await pilot.press("tab")
            here = table(app).current
            await pilot.press("L")
            await pilot.pause()
            assert len(table(app).rows) == every and table(app).current == here
            assert app.status == "Every headline, read or not · L: unread only"
            assert f"All feeds · {unread - 1} unread of {every}" in _title(app)
            assert read_feed in _feeds_listed(app)

    asyncio.run(run())


def test_saved_is_never_filtered_and_a_marked_list_empties(synced_dir: Path) -> None:
    read_feed, _unread = _read_one_feed_and_some(synced_dir)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            # Save a read headline: "Saved" lists it, unread only or not.
            position = next(n for n, h in enumerate(table(app).rows) if h.read)
            table(app).cursor = position
            await pilot.press("s", "L")
            await pilot.pause()
            await pilot.press("tab", "j")  # "Saved"
            await pilot.pause()
            saved = table(app).rows
            assert len(saved) == 1 and saved[0].read and saved[0].saved
            assert "unread only" not in _title(app)
            # A feed's list: `A` marks it read and it empties, saying how to see them all.
            await pilot.press("j")
            await pilot.pause()
            feed = app.screen.feed_url
            assert feed not in (None, read_feed)
            count = len(table(app).rows)
            assert count and not any(h.read for h in table(app).rows)
            await pilot.press("enter", "A")
            await pilot.pause()
            assert table(app).rows == []
            assert "Nothing unread here: L shows the read ones too." in screen_text(app)
            assert app.screen.feed_url == feed and feed in _feeds_listed(app)
            # `U` brings them back, unread.
            await pilot.press("U")
            await until(pilot, lambda: len(table(app).rows) == count, "the rows back")
            assert not any(h.read for h in table(app).rows)
            # `/` finding nothing says it looked among the unread only.
            await pilot.press("slash", *"zzzq", "enter")
            await pilot.pause()
            note = app.screen.query_one(StatusBar).note
            assert note == (
                "No headline matches “zzzq” among the unread (L shows all) (Esc clears); F in All"
                " feeds searches every article"
            )

    asyncio.run(run())


def test_the_reader_opens_as_it_was_left_unless_the_config_changed(synced_dir: Path) -> None:
    _read_feed, unread = _read_one_feed_and_some(synced_dir)
    config_file = synced_dir / "config.toml"

    async def rows_shown(config_text: str | None = None, toggle: bool = False) -> int:
        if config_text is not None:
            config_file.write_text(config_text, encoding="utf-8")
        config = load_config(config_file)
        app = ReaderApp(synced_dir, refresh_on_start=False, config=config)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 24)) as pilot:
            await started(pilot)
            if toggle:
                await pilot.press("L")
                await pilot.pause()
            shown = len(table(app).rows)
        return shown

    async def run() -> None:
        every = await rows_shown()
        assert every > unread
        assert await rows_shown(toggle=True) == unread
        assert await rows_shown() == unread  # as it was left
        # The config's setting, changed, is in force again; `L` then is remembered over it.
        assert await rows_shown("[ui]\nunread_only = true\n") == unread
        assert await rows_shown(toggle=True) == every
        assert await rows_shown() == every
        assert await rows_shown("[ui]\nunread_only = false\n") == every

    asyncio.run(run())
