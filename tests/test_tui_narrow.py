"""The main screen on narrow terminals, driven with Pilot on the synced demo data.

Under 80 columns the feed list hides until Tab brings it in, under 120 it narrows; the headline
row narrows its source column (and the date loses its year) before the title loses its room,
then the title gives a third of it to a source of 10 cells, cut with "…", before the source
goes; the key bar keeps `?` (help) in sight. At 120 columns and more, nothing of that shows.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Footer

from reader.ui.app import ReaderApp
from reader.ui.display import when
from reader.ui.widgets.main.feed_list import FEWEST, FLOOR, SHARE, FeedList
from reader.ui.widgets.main.headline_table import (
    MARKER_CELLS,
    SOURCE_MIN_WIDTH,
    SOURCE_WIDTH,
    TIME_WIDTH,
    TITLE_MIN,
    TITLE_ROOM,
    Columns,
    HeadlineTable,
    columns_for,
)
from tests.tui_pilot import running, screen_text, table


def feeds(app: ReaderApp) -> FeedList:
    return app.screen.query_one(FeedList)


def key_bar(app: ReaderApp) -> str:
    """The footer's line as the terminal shows it."""
    return screen_text(app).splitlines()[-1]


def title_shown(app: ReaderApp, position: int = 0) -> str:
    """The longest start of the headline's title that is on screen (before any `…`)."""
    title = table(app).rows[position].entry.title
    text = screen_text(app)
    cells = next(n for n in range(len(title), 0, -1) if title[:n] in text)
    return title[:cells]


def test_at_60_columns_the_titles_take_the_width(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (60, 30), prefetch=False) as (app, _pilot):
            assert app.screen.has_class("-narrow")
            assert not feeds(app).display  # hidden: the headlines get the whole width
            assert table(app).size.width >= 56
            for position in range(3):
                shown = title_shown(app, position)
                assert len(shown) >= TITLE_MIN, shown
            # The date without its year, and the feed in 10 cells ("All feeds" mixes them).
            entry = table(app).rows[0].entry
            short_date = when(entry.published or entry.updated, short=True)
            line = next(line for line in screen_text(app).splitlines() if title_shown(app) in line)
            source = _narrow(entry.feed_title)
            assert f"{short_date}  {source}  {title_shown(app)}" in line
            # The help key stays in sight, with the key that opens a headline.
            assert "? Help" in key_bar(app)
            assert "⏎ Open" in key_bar(app)
            assert "tab Feeds/headlines" in key_bar(app)

    asyncio.run(run())


def test_at_60_columns_tab_brings_the_feed_list_and_takes_it_away(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (60, 30), prefetch=False) as (app, pilot):
            await pilot.press("tab")
            await pilot.pause()
            assert feeds(app).display and app.screen.focused is feeds(app)
            assert "Feeds" in screen_text(app).splitlines()[0]
            assert feeds(app).size.width > 20  # feed titles readable beside the headlines
            await pilot.press("tab")
            await pilot.pause()
            assert not feeds(app).display
            assert isinstance(app.screen.focused, HeadlineTable)
            # Shift+Tab too: with two panes, the previous one is the other one.
            await pilot.press("shift+tab")
            await pilot.pause()
            assert feeds(app).display and app.screen.focused is feeds(app)
            # Choosing a feed: its headlines, full width again, the cursor in them.
            await pilot.press("j", "j", "enter")  # past "Saved", the first feed
            await pilot.pause()
            chosen = feeds(app).selected_url
            assert chosen is not None
            assert not feeds(app).display
            assert isinstance(app.screen.focused, HeadlineTable)
            assert {h.entry.feed_url for h in table(app).rows} == {chosen}
            assert len(title_shown(app)) >= 40
            # The help fits the narrow screen.
            await pilot.press("question_mark")
            await pilot.pause()
            assert "this help" in screen_text(app)

    asyncio.run(run())


def test_at_80_columns_the_feed_list_narrows(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (80, 30), prefetch=False) as (app, pilot):
            assert app.screen.has_class("-medium")
            assert feeds(app).display and FEWEST <= feeds(app).outer_size.width <= FLOOR
            # "All feeds": the source in 10 cells, the title in the 31 left.
            width = table(app).scrollable_content_region.width
            assert columns_for(width) == Columns(5, SOURCE_MIN_WIDTH)
            assert len(title_shown(app)) >= TITLE_MIN
            entry = table(app).rows[0].entry
            assert f"  {_narrow(entry.feed_title)}  {title_shown(app)}" in screen_text(app)
            # The idle line, the unread count first, fits whole.
            status = screen_text(app).splitlines()[-2].strip()
            assert status == app.status and status.startswith(f"{app.index.unread_in(None)} unread")
            assert "? Help" in key_bar(app)
            await pilot.press("tab")
            await pilot.pause()
            assert app.screen.focused is feeds(app)
            await pilot.press("tab")
            await pilot.pause()
            assert isinstance(app.screen.focused, HeadlineTable)
            assert feeds(app).display

    asyncio.run(run())


def test_at_120_columns_the_layout_is_unchanged(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            assert app.screen.has_class("-wide")
            assert feeds(app).display
            assert FEWEST <= feeds(app).outer_size.width <= int(120 * SHARE)
            width = table(app).scrollable_content_region.width
            assert columns_for(width) == Columns(TIME_WIDTH, SOURCE_WIDTH)
            # Full date, the source cut to 18 cells, then the title.
            entry = table(app).rows[0].entry
            source = entry.feed_title[: SOURCE_WIDTH - 1] + "…"
            if len(entry.feed_title) <= SOURCE_WIDTH:
                source = entry.feed_title.ljust(SOURCE_WIDTH)
            row = f"{when(entry.published or entry.updated)}  {source}  {title_shown(app)}"
            assert row in screen_text(app)
            bar = app.screen.query_one(Footer)
            assert bar.display
            for key in ("⏎ Open", "m Read/unread", "s Save", "o Original", "S Sync offline"):
                assert key in key_bar(app)
            assert "? Help" in key_bar(app)
            # Tab still moves between the two panes, both shown.
            await pilot.press("tab")
            await pilot.pause()
            assert app.screen.focused is feeds(app)
            await pilot.press("tab")
            await pilot.pause()
            assert isinstance(app.screen.focused, HeadlineTable)

    asyncio.run(run())


def test_the_title_keeps_its_room_before_the_other_columns() -> None:
    """Whatever the width, the source and the date give way first; on a wide table the source
    widens, but only once the title has all it needs."""
    for width in range(1, 260):
        columns = columns_for(width)
        title = width - columns.prefix
        if columns.source == SOURCE_MIN_WIDTH:  # the title gives up some room for it
            assert title >= TITLE_MIN, width
        else:
            assert title >= min(width - MARKER_CELLS, TITLE_ROOM), width
        assert columns.time in (0, 5, TIME_WIDTH)
        assert not columns.source or columns.time  # the source goes before the date
        if columns.source > SOURCE_WIDTH:
            assert title >= 100
    assert columns_for(86) == Columns(TIME_WIDTH, SOURCE_WIDTH)  # 120 columns: as before


def test_rows_drawn_directly_match_rich_text_at_every_column_layout(synced_dir: Path) -> None:
    """The segment path and the `Text` reference agree where the columns change shape."""
    changes = [w for w in range(2, 200) if columns_for(w) != columns_for(w - 1)]
    widths = sorted({w + d for w in changes for d in (-1, 0, 1)})

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, _pilot):
            widget = table(app)
            base = widget.rich_style
            for headline in widget.rows[:4]:
                for width in widths:
                    for cursor in (False, True):
                        fast = widget._render_row(headline, width, cursor, base)
                        reference = widget._render_row_text(headline, width, cursor, base)
                        assert fast.cell_length == width
                        assert list(fast) == list(reference), (width, cursor)

    asyncio.run(run())


def _narrow(feed_title: str) -> str:
    """A feed's title in the narrowest source column: cut with "…", or padded."""
    if len(feed_title) <= SOURCE_MIN_WIDTH:
        return feed_title.ljust(SOURCE_MIN_WIDTH)
    return feed_title[: SOURCE_MIN_WIDTH - 1] + "…"
