"""The main screen's headline list as it is shown (`MainScreen` is built on it): its rows, of a
feed, a tag, every feed, the saved articles or `F`'s hits, filled in as a refresh or the start
brings them; its title and the line under it saying the feed's last sync or failure; and what
it says when it is empty."""

from __future__ import annotations

from datetime import datetime

from rich.style import Style
from rich.text import Text

from ...feed_names import listed_names
from ...models import Feed
from ..display import feed_name, plain, when
from ..headlines import (
    ARCHIVE_VIEW,
    LIBRARY_VIEWS,
    SAVED_VIEW,
    of_feeds,
    view_search_feed,
    view_tag,
)
from ..widgets.main.border_title import set_border_title
from ..widgets.main.feed_list import ALL_FEEDS, ARCHIVE, SAVED, FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.main.row_names import group_name
from .main_full_text import SEARCH_VIEW, MainFullText
from .main_marks import MainScreenMarks


class MainScreenList(MainScreenMarks, MainFullText):
    """The headlines shown, their title and what an empty list says (see `MainScreen`)."""

    def __init__(self) -> None:
        super().__init__()
        self._places: dict[str | None, str] = {}
        """The headline the cursor was on in each list the user left (`leave_list`)."""
        self._left_at: str | None = None
        """The headline the cursor was on when the reader was last left (`reopen`), until the
        list shows it, or the user moves or leaves the list first."""
        self._reopening = False
        """`reopen` named the list to show first (`show_left_list`)."""

    def show_view(self, keep: str | None = None) -> None:
        self._show_list(keep)

    def reopen(self, view: str | None, entry_id: str | None) -> None:
        """Open on the list the reader was left on (`view`, None: "All feeds"), the cursor on
        the headline `entry_id` when it is still there: quitting and starting again lost the
        feed and the story a reader was on (acc29a K9). A feed removed since: "All feeds"
        (`MainScreen.on_headlines_changed`)."""
        self.feed_url = None if view == SEARCH_VIEW else view
        self._left_at, self._reopening = entry_id, True

    def left_list(self, reading: str | None) -> tuple[str | None, str | None]:
        """The list shown and the headline under its cursor, kept as the reader quits for its
        next start (`reopen`): the article being `reading` when it is one of the list's; of a
        text search's hits, "All feeds" (they are found again with `F`)."""
        table = self.query_one(HeadlineTable)
        here = reading if reading is not None and table.lists(reading) else None
        if here is None and table.current is not None:
            here = table.current.entry.id
        return (None if self.feed_url == SEARCH_VIEW else self.feed_url), here

    def reopened_folder(self) -> None:
        """The list `reopen` named, a tag's no row shows, taken for the folder so named: a
        folder's view was its tag's, as the list left was kept before folders had views of
        their own (a library of lead 50)."""
        feed_list = self.query_one(FeedList)
        tag = view_tag(self.feed_url) if self._reopening else None
        if tag is not None and not feed_list.holds(self.feed_url):
            self.feed_url = feed_list.folder_named(tag) or self.feed_url

    def show_left_list(self) -> bool:
        """The list `reopen` named shown, as the start first draws its headlines (True), the
        cursor on the headline left when the list has it (the rest of the headlines still
        being read: once they are in, `_fill_rest`), else on a feed's first unread."""
        if not self._reopening:
            return False
        self._reopening = False
        if view_search_feed(self.feed_url) is not None and self.search_feed(self.feed_url) is None:
            # A search feed taken away since (told by the headlines' read: it reads them).
            self.feed_url = None
        self.query_one(FeedList).select(self.feed_url)
        if self.search_feed(self.feed_url) is not None:
            self._left_at = None  # its hits are found again, the newest first
            self.show_search_feed()
            return True
        self._show_list(keep=self._left_at)
        self._place_left()
        return True

    def _place_left(self) -> None:
        """The cursor on the headline `reopen` named, or (every headline read, it is gone) on
        the list's first unread; until every headline is in, the list's own place."""
        table = self.query_one(HeadlineTable)
        at = self._left_at
        if at is None:
            return
        if table.lists(at):
            table.move_to(at)
        elif not self.reader.index.whole:
            table.placed = False  # not the user's: `refill` keeps the first row
            return
        elif (first := self.first_unread_in(self.feed_url)) is not None:
            table.move_to(first)
        self._left_at = None

    def leave_list(self) -> None:
        """Note the headline under the cursor of the list about to give way, for when the
        user comes back to it (`place_in`)."""
        self._left_at = None
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self._places[self.feed_url] = headline.entry.id

    def place_in(self, feed_url: str | None) -> str | None:
        """Where the cursor goes in a list shown again: the headline it was on when the user
        left it (newsboat keeps a list's place while it runs; the first row, forgotten, lost
        a reader's place among 300, acc29a K15), else a feed's or a tag's first unread one,
        however the feed was reached (the feed list, `J`, `n`), else the first row."""
        if (kept := self._places.get(feed_url)) is not None:
            return kept
        return self.first_unread_in(feed_url)

    def first_unread_in(self, feed_url: str | None) -> str | None:
        """The first unread headline of a feed or a tag (None for the other lists)."""
        if feed_url in (None, *LIBRARY_VIEWS, SEARCH_VIEW) or view_search_feed(feed_url):
            return None
        listed = self.in_list_order(self.reader.index.view(feed_url))
        first = next((h for h in listed if not h.read), None)
        return first.entry.id if first else None

    def _also_in(self, entry_id: str) -> list[str]:
        """The names of the other feeds listing the article of the headline `entry_id`, as
        the feed list names them: "All feeds" lists it once (`HeadlineIndex.view`)."""
        index = self.reader.index
        urls = index.also_in(entry_id)
        if not urls:
            return []
        feeds = {feed.url: feed for feed in index.feeds}
        return [feeds[u].display_title if u in feeds else u for u in urls]

    def show_feed(self, feed_url: str | None) -> None:
        """Show a feed's headlines, or a row's (None: "All feeds"), selected in the feed list
        too, the cursor on its first unread one."""
        if feed_url != self.feed_url:
            self.reader.notice_over()
            self.leave_list()
        self.feed_url = feed_url
        self.query_one(FeedList).select(feed_url)
        self._show_list(keep=self.first_unread_in(feed_url))

    def _show_list(self, keep: str | None = None) -> None:
        table = self.query_one(HeadlineTable)
        searched = self.showing_hits
        rows = self.text_rows() if searched else self.listed_rows(self.feed_url)
        table.empty_text = self._empty_text()
        table.set_headlines(
            rows,
            keep=keep,
            show_source=self.feed_url in (None, *LIBRARY_VIEWS)
            or of_feeds(self.feed_url)
            or (searched and not self.hits_of_one_feed),
            by_saving=self.feed_url in LIBRARY_VIEWS and not searched,
            names=listed_names(self.reader.index.feeds),
            details=self.text_details() if searched else None,
            also_in=self._also_in if self.feed_url is None or searched else None,
        )
        self.note_listed(self.feed_url)
        # What `q` and Esc do follows the list (back to the feeds from a feed's, quit from
        # "All feeds"'): the key bar said "q Quit" on a feed `J`, `K` or `t` had shown.
        self.refresh_bindings()
        if self.unread_only:
            self.show_feeds()  # a feed left, read to its end, goes
        self._title()
        self.show_hits_note()
        feed = self.query_one(FeedList).feeds.get(self.feed_url or "")
        if feed is not None and feed.last_error:
            self.reader.say_while_shown(
                f"{feed.display_title}: last fetch failed: {feed.last_error}"
            )
        self.reader.prefetch(rows)

    def _fill_list(self, feed_urls: frozenset[str]) -> None:
        """The headlines of the feeds a refresh has just brought in join the list shown (none:
        it has just started), the cursor left where the user had it (`HeadlineTable.refill`)."""
        table = self.query_one(HeadlineTable)
        table.empty_text = self._empty_text()
        index = self.reader.index
        if any(index.lists_feed(self.feed_url, url) for url in feed_urls):
            table.refill(self.listed_rows(self.feed_url))
            self.note_listed(self.feed_url)
        elif not table.rows:
            table.refresh()
        self._title()

    def _fill_rest(self) -> None:
        """Every headline is in, the start having read the newest first: they join the list
        shown, the cursor and the view left where the user has them (`HeadlineTable.refill`)."""
        table = self.query_one(HeadlineTable)
        table.empty_text = self._empty_text()
        if not self.showing_hits:  # `F` waited for them (`ReaderApp.run_action`)
            table.refill(self.listed_rows(self.feed_url))
            self.note_listed(self.feed_url)
        if table.placed:  # the user moved meanwhile: where they are stands
            self._left_at = None
        self._place_left()
        self._title()

    def _empty_text(self) -> str:
        """What the list says when it has no headlines."""
        if self.showing_hits:
            return self.text_empty()
        if not self.reader.index.whole:
            return "Reading the headlines…"
        if self.feed_url == ARCHIVE_VIEW:
            archive = self.key_of("archive")
            return "Nothing archived now" + (
                f": {archive} on a saved article archives it." if archive else "."
            )
        if self.feed_url == SAVED_VIEW:
            save = self.key_of("save")
            return "Nothing saved yet" + (
                f": {save} on a headline keeps its article for good." if save else "."
            )
        if nothing := self.nothing_unread():
            return nothing
        if not self.reader.index.feeds:
            if elsewhere := self.reader.library_elsewhere:
                return self.reader.index.saved_note(f"No feeds here: {elsewhere}.")
            add = self.key_of("add_feed")
            press = f"press {add} to add one by its address (or try `reader demo`)" if add else ""
            return self.reader.index.saved_note(f"No feeds yet: {press or 'try `reader demo`'}.")
        if fetching := self.reader.fetching_note():
            return fetching
        if self.feed_url is None and self.reader.nothing_fetched:
            return self.reader.nothing_fetched
        feed = self.query_one(FeedList).feeds.get(self.feed_url or "")
        refresh, sync = self.key_of("refresh"), self.key_of("sync")
        if feed is not None and feed.last_error:
            retry = f" Press {refresh} to retry." if refresh else ""
            return f"This feed's last fetch failed (the line below says why).{retry}"
        press = [f"{refresh} to refresh the feeds"] if refresh else []
        press += [f"{sync} to sync everything for offline"] if sync else []
        return "No headlines yet." + (f" Press {', '.join(press)}." if press else "")

    def _title(self) -> None:
        table = self.query_one(HeadlineTable)
        feed_list = self.query_one(FeedList)
        feed = feed_list.feeds.get(self.feed_url or "")
        if feed is not None:
            name = feed_name(feed, feed_list.apart, max_length=60)
        elif self.showing_hits:
            name = self.text_title()
        elif (group := group_name(self.feed_url)) is not None:
            name = group
        else:
            name = Text(
                {SAVED_VIEW: SAVED, ARCHIVE_VIEW: ARCHIVE}.get(self.feed_url or "", ALL_FEEDS)
            )
        table.set_title(name, self.count_tail(self.feed_url, table.rows))
        failed = table.get_component_rich_style("headline-table--failed")
        health = (
            _feed_health(
                feed,
                failed,
                table.now(),
                self.reader.index.offline_in(feed.url),
                table.size.width,
            )
            if feed
            else ""
        )
        set_border_title(table, health, subtitle=True)


NARROW = 60
"""Columns under which the offline count is said in its short form ("12/40 offline")."""


def _feed_health(
    feed: Feed, failed: Style, now: datetime, offline: tuple[int, int] = (0, 0), width: int = 0
) -> Text:
    """The selected feed's last success and last error (in the theme's `failed` style), under
    its headlines, with how many of its articles are readable offline: a time today's as of
    `now` (the list's clock), another day's a date. A refresh brings its headlines alone:
    "synced" said its articles were in too, which misled a traveller (acc45 A6)."""
    parts = Text()
    cached, listed = offline
    if listed:
        short = 0 < width < NARROW
        parts.append(f"{cached}/{listed} offline" if short else f"{cached} of {listed} offline")
    if feed.last_success:
        if parts:
            parts.append(" · ")
        parts.append(f"refreshed {when(feed.last_success, now)}")
    if feed.last_error:
        if parts:
            parts.append(" · ")
        since = feed.failing_since
        ago = (
            f" (failing since {when(since, now)})" if since and since != feed.last_error_at else ""
        )
        parts.append(f"failed {when(feed.last_error_at, now)}{ago}: ", style=failed)
        parts.append_text(plain(feed.last_error, max_length=80))
    elif feed.problem:
        parts.append(" · ")
        parts.append_text(plain(feed.problem, max_length=80))
    if not feed.last_success and not feed.last_error:
        parts.append(" · " if parts else "")
        parts.append("never refreshed")
    return parts
