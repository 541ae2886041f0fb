"""The keys a newsboat user catches up with (acc22's G2-G5, G8), driven with Pilot on the synced
demo data: `A` marks the list shown read and `U` takes it back, `C` asks and marks every feed,
`n` (no search) and `u` go to the next unread headline, on into the next feed, `u` does it from
an article, `q` in a feed's headlines goes back to the feed list and `Q` quits, a key that does
nothing says so, and one feed's list has no feed column."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from reader.ui.app import ReaderApp
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import Columns, HeadlineTable, columns_for
from tests.tui_pilot import notices_raised, open_row, running, screen_text, status, table, until


async def choose_feed(pilot: Pilot[object], number: int) -> None:
    """Tab to the feed list, down to the `number`th feed (0: the first after "Saved"), Enter:
    its headlines, in use."""
    await pilot.press("tab", "g", *(["j"] * (number + 2)), "enter")
    # The keys after Tab are held until its focus is in: on a loaded machine Enter was still
    # held when the press was over.
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await until(
        pilot,
        lambda: not app._typed_ahead and isinstance(app.screen.focused, HeadlineTable),
        "the feed's headlines",
    )


def unread_of(app: ReaderApp, feed_url: str | None) -> int:
    return app.index.unread_in(feed_url)


def test_A_marks_the_feed_read_U_takes_it_back_and_C_asks_first(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            total = unread_of(app, None)
            await choose_feed(pilot, 1)
            feed_url = screen.feed_url
            assert feed_url is not None
            in_feed = unread_of(app, feed_url)
            assert 0 < in_feed < total
            await pilot.press("A")
            await pilot.pause()
            assert all(h.read for h in table(app).rows)
            assert unread_of(app, feed_url) == 0 and unread_of(app, None) == total - in_feed
            assert f"Marked {in_feed} headlines of " in status(app)
            assert "U marks them unread again" in status(app)
            assert "Marked" in screen_text(app)  # the status line on screen says it
            await pilot.press("U")
            await pilot.pause()
            assert unread_of(app, None) == total and not any(h.read for h in table(app).rows)
            assert f"Marked {in_feed} headlines unread again." in status(app)

            # In the feed list `n` goes to the next feed with unread headlines, round the end.
            urls = [feed.url for feed in app.index.feeds]
            assert len(urls) == 3 and urls[1] == feed_url
            await pilot.press("tab", "n")
            await pilot.pause()
            assert isinstance(app.screen.focused, FeedList)
            assert screen.feed_url == urls[2] == screen.query_one(FeedList).selected_url
            await pilot.press("A", "n")  # the last feed read: on to the first
            await pilot.pause()
            assert unread_of(app, urls[2]) == 0 and screen.feed_url == urls[0]
            await pilot.press("U", "n")
            await pilot.pause()
            assert unread_of(app, None) == total and screen.feed_url == feed_url
            await pilot.press("tab")
            await pilot.pause()
            assert isinstance(app.screen.focused, HeadlineTable)

            # From the feed list, on another feed: that feed's.
            await pilot.press("tab", "j")
            await pilot.pause()
            assert isinstance(app.screen.focused, FeedList)
            other = screen.feed_url
            assert other not in (None, feed_url)
            await pilot.press("A")
            await pilot.pause()
            assert unread_of(app, other) == 0
            assert unread_of(app, feed_url) == in_feed

            # `C` asks; `n` leaves everything as it was, `y` marks every feed.
            left = unread_of(app, None)
            await pilot.press("C")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            assert f"Mark all {left} unread headlines of every feed read?" in screen_text(app)
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the answer")
            assert unread_of(app, None) == left
            await pilot.press("C")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            await pilot.press("y")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the answer")
            assert unread_of(app, None) == 0
            assert f"Marked {left} headlines of every feed read" in status(app)
        # Kept in the store: read again from it, every headline is read.
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            assert unread_of(app, None) == 0

    asyncio.run(run())


def test_n_walks_the_unread_headlines_on_into_the_next_feed(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await choose_feed(pilot, 0)
            first_feed = screen.feed_url
            rows = table(app).rows
            assert len(rows) >= 3
            # The second headline read: `n` from the first skips it.
            app.set_read(rows[1].entry, True)
            await pilot.pause()
            table(app).cursor = 0
            await pilot.press("n")
            assert table(app).cursor == 2
            # `N` goes back to the unread one before.
            await pilot.press("N")
            assert table(app).cursor == 0
            # Every other headline of the feed read: `n` goes on into the next feed with unread.
            for headline in table(app).rows[1:]:
                app.set_read(headline.entry, True)
            await pilot.pause()
            await pilot.press("m")  # the one under the cursor too
            await pilot.pause()
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("n")
            await pilot.pause()
            assert screen.feed_url not in (None, first_feed)
            current = table(app).current
            assert current is not None and not current.read
            assert current.entry.feed_url == screen.feed_url
            assert any(note.startswith("On to ") for note in raised)
            assert screen.query_one(FeedList).selected_url == screen.feed_url
            # With a search kept, `n` is its next match again.
            await pilot.press("slash", *"a", "enter")
            await pilot.pause()
            assert screen.headline_query == "a"
            assert "for “a” (n / N" in status(app)

    asyncio.run(run())


def test_u_in_an_article_reads_the_next_unread_one(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await choose_feed(pilot, 0)
            rows = table(app).rows
            app.set_read(rows[1].entry, True)
            await pilot.pause()
            article = await open_row(pilot, 0)
            await pilot.press("u")
            await until(pilot, lambda: article.position == 2 and article.loaded, "the next unread")
            # `p` is still the previous article of the list, read or not (Ctrl-P as newsboat's).
            await pilot.press("p")
            await until(pilot, lambda: article.position == 1 and article.loaded, "the one before")
            await pilot.press("ctrl+p")
            await until(pilot, lambda: article.position == 0 and article.loaded, "the first")
            await pilot.press("ctrl+n")
            await until(pilot, lambda: article.position == 1 and article.loaded, "the next")
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


def test_q_goes_back_to_the_feed_list_and_Q_quits(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(70, 24)) as pilot:  # narrow: the feed list hides
            await asyncio.wait_for(app.ready.wait(), 40)
            await choose_feed(pilot, 0)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            # The feed list hidden, and shown again, at the focus's move: later than a pause
            # on a busy machine.
            await until(pilot, lambda: not screen.has_class("-feeds-active"), "the feeds hidden")
            await pilot.press("j", "q")
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "the feed list")
            assert app.is_running
            await until(pilot, lambda: screen.has_class("-feeds-active"), "the feeds shown")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen.focused, HeadlineTable), "a feed")
            await pilot.press("escape")  # Esc goes back as well
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "the feed list")
            assert app.is_running
            await pilot.press("enter", "Q")
            await pilot.pause()
        assert app.return_code in (0, None) and app.library is None

        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(140, 30)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 40)
            await choose_feed(pilot, 0)
            await pilot.press("h")  # vim's left: the feed list; right: the headlines
            await pilot.pause()
            assert isinstance(app.screen.focused, FeedList)
            await pilot.press("l")
            await pilot.pause()
            assert isinstance(app.screen.focused, HeadlineTable)
            await pilot.press("q")  # back to the feed list…
            await pilot.pause()
            assert app.is_running
            await pilot.press("q")  # …where `q` quits
            await pilot.pause()
        assert app.library is None

    asyncio.run(run())


def test_a_key_that_does_nothing_says_so(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            # Read as raised: shown for 2.5 s, a notice was gone before a loaded machine looked.
            raised = notices_raised(app)
            await pilot.press("x")
            await until(pilot, lambda: "x: no such key here — ? lists the keys" in raised, "x")
            raised.clear()
            await pilot.press("j", "m", "m")  # keys that act: what they did, not "no such key"
            await pilot.pause()
            assert [said.split(":")[0] for said in raised] == ["Marked read", "Marked unread"]
            raised.clear()
            await pilot.press("slash", "x", "enter")  # typed in the search line: its query
            await pilot.pause()
            assert raised == []
            article = await open_row(pilot, 0)
            await pilot.press("colon")
            await until(pilot, lambda: ":: no such key here — ? lists the keys" in raised, ":")
            assert isinstance(app.screen, ArticleScreen) and article.loaded

    asyncio.run(run())


def test_one_feeds_headlines_have_no_feed_column(synced_dir: Path) -> None:
    # The source's cells go to the title; the date is as it would be beside a source.
    for width in range(2, 200):
        with_source, without = columns_for(width), columns_for(width, source=False)
        assert without == Columns(with_source.time, 0)
    assert columns_for(86, source=False).prefix < columns_for(86).prefix

    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            name = table(app).rows[0].entry.feed_title
            assert table(app).show_source
            headlines = screen_text(app).splitlines()[1:5]
            assert any(name[:12] in line.split("││", 1)[-1] for line in headlines)
            await choose_feed(pilot, 0)
            assert not table(app).show_source
            name = table(app).rows[0].entry.feed_title
            title = table(app).rows[0].entry.title
            first = screen_text(app).splitlines()[1].split("││", 1)[-1]
            assert name[:12] not in first, first
            assert title[:60] in first, first

    asyncio.run(run())


def test_keys_in_one_burst_after_tab_act_on_the_pane_tab_moved_to(synced_dir: Path) -> None:
    """`Tab m` arriving together (typed ahead, pasted, a slow link): `m` is the feed list's,
    which has no such key, so no headline's read mark flips (it did: Tab's focus waited for
    the queue, and `m` reached the headlines first). Then `Tab j` in a burst moves the
    headlines' cursor, not the feed list's."""

    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen) and isinstance(screen.focused, HeadlineTable)
            marks = [h.read for h in table(app).rows]
            for key, char in (("tab", "\t"), ("m", "m")):  # queued before either is handled
                app.post_message(events.Key(key, char))
            # Waited for, not looked for after 0.3 s: `m` is held until Tab's focus is in, a
            # while on a loaded machine (a full run at load 45 saw the cursor not moved yet).
            await until(
                pilot,
                lambda: isinstance(screen.focused, FeedList) and not app._typed_ahead,
                "Tab, then m handed on",
            )
            await pilot.pause()
            assert [h.read for h in table(app).rows] == marks
            cursor = table(app).cursor
            for key, char in (("tab", "\t"), ("j", "j")):
                app.post_message(events.Key(key, char))
            await until(
                pilot,
                lambda: (
                    isinstance(screen.focused, HeadlineTable) and table(app).cursor == cursor + 1
                ),
                "Tab, then j on the headlines",
            )

    asyncio.run(run())


def test_esc_and_a_key_arriving_together_are_both_taken(synced_dir: Path) -> None:
    """Over ssh, or in tmux (its escape-time), Esc and the next key come together and Textual
    reads them as Alt+key: Esc j in an article went back to nothing and said "j: no such key
    here". Sent on as the two keys: back to the list, then one headline down."""

    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            await open_row(pilot, 2)
            raised = notices_raised(app)  # none raised, not merely none left on screen
            await pilot.press("alt+j")
            await until(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the list")
            await pilot.pause()
            assert table(app).cursor == 3
            assert raised == []
            await open_row(pilot, 2)
            await pilot.press("alt+shift+g")  # Esc G: back, and to the last headline
            await until(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the list")
            await pilot.pause()
            assert table(app).cursor == len(table(app).rows) - 1
            await pilot.press("alt+x")  # Esc x: x is no key here, and says so as x
            # The x handed on after the Esc has acted: a moment later on a busy machine.
            said = "x: no such key here — ? lists the keys"
            await until(pilot, lambda: said in raised, "the notice of x")
            await pilot.press("ctrl+c")  # in the reader's words, not Textual's "ctrl+q"
            ctrl_c = "Ctrl-C does not quit the reader: Q does"
            await until(pilot, lambda: raised[-1:] == [ctrl_c], "the notice of Ctrl-C")

    asyncio.run(run())
