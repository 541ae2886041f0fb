"""The main screen's lists shown unread only (`MainScreen` is built on it): `L` shows only the
unread headlines, and in the feed list only the feeds with unread ones (and those failing, their
`!` in sight), or everything again, as newsboat's `show-read-articles` and `show-read-feeds`. The
reader opens as it was left (the config's `[ui] unread_only`: as it first opens). `!` lists only
the feeds marked `!`, read or not (`main_failing`): the feed list's other filter, drawn here.

A row read while its list is shown stays in it, marked read, until the list is left (another
feed, `L` again), as newsboat and Miniflux keep it: the headline under the cursor never vanishes
as it is read, nor when a refresh or a sync elsewhere brings the list in again. `A` and `C` are
asked to clear the list, so the rows they mark go at once (`U` brings them back). A feed read to
its end stays in the feed list while it is shown, and while the cursor moves in the feed list.
"Saved" lists every saved article, read or not (one unsaved while it is shown stays, its ★ gone,
until the list is left: `s` again saves it back), and `F`'s hits are every article found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

from ...failing_feeds import last_failed
from ...feed_tags import all_tags
from ...reports import Headline
from ..headlines import ARCHIVE_VIEW, LIBRARY_VIEWS, SAVED_VIEW, tag_view
from ..keymap import keymap_of
from ..search_feed_counts import SearchFeedCounts
from ..widgets.main.border_title import set_border_title
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from .main_full_text import lists_hits

if TYPE_CHECKING:
    from ..app import ReaderApp

FEEDS = "Feeds"
UNREAD_FEEDS = "Feeds · unread"
"""The feed list's title, all of them or unread only (22 cells wide at 80 columns)."""
FAILING_FEEDS = "Failing"
"""Its title while it lists only the feeds marked `!` (`main_failing`), their count after it:
"Failing (57)", whole in the 20 cells the list has at 110 columns."""
COUNTING = "Feeds · counting…"
"""Its title while the start reads the rest of the headlines: no counts yet, every feed."""
READING = " · reading the rest…"
"""What a list's title says after its name while the start reads the rest of the headlines."""


class MainScreenUnread(Screen[None]):
    """`L`, and the lists as it has them shown (see `MainScreen`)."""

    BINDINGS = [Binding("L", "toggle_unread_only", "Unread only", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.feed_url: str | None = None
        self.unread_only = False
        """Only the unread headlines, and the feeds with unread ones, are listed (`L`)."""
        self._listed: tuple[str | None, bool] | None = None
        """The list the table holds (its feed, and whether unread only): the rows read in it
        stay while it is shown again (a reload, a refresh filling it)."""
        self.failing_only = False
        """Only the feeds marked `!` are listed (`!`: `main_failing`), and no tag or search."""
        self.search_feed_counts = SearchFeedCounts()
        """Each search feed's hits, as last counted (`MainFullText.count_search_feeds`), and
        the unread among them, its row's count."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def show_view(self, keep: str | None = None) -> None:
        raise NotImplementedError  # MainScreen's `_show_list`

    def filtered(self, feed_url: str | None) -> bool:
        """Whether the list of `feed_url` is shown unread only ("Saved" and a search's hits
        never are)."""
        return self.unread_only and feed_url not in LIBRARY_VIEWS and not lists_hits(feed_url)

    def listed_rows(self, feed_url: str | None) -> list[Headline]:
        """The headlines of `feed_url`'s list as shown: all, or the unread ones and those read
        since the list was shown (of "Saved": those unsaved since), in the lists' order."""
        index = self.reader.index
        if feed_url == SAVED_VIEW:
            keep: set[str] = set()
            if self._listed == (feed_url, False):
                shown = self.query_one(HeadlineTable).rows
                keep = {h.entry.id for h in shown if not h.saved or h.archived}
            rows = index.saved_view(keep)
        elif feed_url == ARCHIVE_VIEW:
            keep = set()
            if self._listed == (feed_url, False):
                shown = self.query_one(HeadlineTable).rows
                keep = {h.entry.id for h in shown if not (h.saved and h.archived)}
            rows = index.archive_view(keep)
        elif not self.filtered(feed_url):
            rows = index.view(feed_url)
        else:
            keep = set()
            if self._listed == (feed_url, True):
                keep = {h.entry.id for h in self.query_one(HeadlineTable).rows if h.read}
            rows = index.unread_view(feed_url, keep)
        return self.in_list_order(rows)

    def kept_rows(self) -> list[Headline]:
        """The rows "Saved" (or the archive) shows though no longer saved: unsaved while it
        is shown, kept till it is left (`listed_rows`), across a reload too."""
        if self.feed_url not in LIBRARY_VIEWS or self._listed != (self.feed_url, False):
            return []
        return [h for h in self.query_one(HeadlineTable).rows if not h.saved]

    def in_list_order(self, rows: list[Headline]) -> list[Headline]:
        """`rows`, newest first and a list of their own (as the index's views make them), in
        the order the lists show them: oldest first under `[ui] oldest_first`."""
        if self.reader.config.oldest_first:
            rows.reverse()
        return rows

    def note_listed(self, feed_url: str | None) -> None:
        """The table now holds `feed_url`'s list (`listed_rows`)."""
        self._listed = (feed_url, self.filtered(feed_url))

    def show_feeds(self) -> None:
        """The feed list: every feed, or those with unread headlines, failing, or in use."""
        index = self.reader.index
        feed_list = self.query_one(FeedList)
        if not index.whole:  # the counts of the newest alone would be wrong: none yet
            feed_list.set_feeds(index.feeds, {}, 0, [(tag, 0) for tag in all_tags(index.feeds)])
            set_border_title(feed_list, COUNTING)
            return
        unread = index.unread_counts()
        feeds = index.feeds
        in_use = self.focused is feed_list
        if self.unread_only:
            feeds = [
                feed
                for feed in feeds
                if unread[feed.url]
                or feed.last_error
                or feed.url == self.feed_url
                or (in_use and feed.url in feed_list.feeds)
            ]
        if self.failing_only:  # every feed whose last fetch failed, read or not, together
            # Those alone: the healthy feed open at `!` was a row more than "Failing (3)"
            # counted, `D` there offering to remove it (acc50c C5). One listed that a refresh
            # mends stays while open, as `L` keeps a feed read to its end.
            mended = self.feed_url if feed_list.flat and feed_list.holds(self.feed_url) else None
            feeds = [f for f in index.feeds if last_failed(f) or f.url == mended]
        tags = [] if self.failing_only else index.tags()
        if self.unread_only:  # a tag row read to its end goes as its feeds do (acc28c C4)
            tags = [
                (tag, count)
                for tag, count in tags
                if count
                or tag_view(tag) == self.feed_url
                or (in_use and feed_list.holds(tag_view(tag)))
            ]
        archived = index.archived
        # The archive's row while there is one, or while it is shown (its last taken out).
        archive = archived if archived or self.feed_url == ARCHIVE_VIEW else None
        searches = [] if self.failing_only else self.search_feed_rows()
        every = index.unread_in(None)  # an article several feeds list counted once
        saved = index.saved - archived
        to_fetch = index.short_of_offline()
        feed_list.flat = self.failing_only  # none hidden in a folder folded
        apart = index.tags_apart()  # their rows beside a folder of their name
        feed_list.set_feeds(feeds, unread, saved, tags, archive, searches, every, to_fetch, apart)
        title = UNREAD_FEEDS if self.unread_only else FEEDS
        if self.failing_only:
            title = f"{FAILING_FEEDS} ({sum(last_failed(f) for f in feeds)})"
        set_border_title(feed_list, title)

    def search_feed_rows(self) -> list[tuple[str, int]]:
        """Each search feed's name and its unread hits, as last counted, for the feed list."""
        index, counts = self.reader.index, self.search_feed_counts
        return [(feed.name, counts.unread(index, feed.name)) for feed in index.search_feeds]

    def count_tail(self, feed_url: str | None, rows: Sequence[Headline]) -> str:
        """What the list's title says after its name: how many are unread, of how many."""
        index = self.reader.index
        if lists_hits(feed_url):
            return f" · {sum(not h.read for h in rows)} unread of {len(rows)}"
        if not index.whole:
            return READING
        unread = index.unread_in(feed_url)
        if self.filtered(feed_url):
            return f" · unread only · {unread} of {index.count_in(feed_url)}"
        if feed_url == SAVED_VIEW:  # not the rows unsaved (or archived), still listed
            return f" · {unread} unread of {sum(h.saved and not h.archived for h in rows)}"
        if feed_url == ARCHIVE_VIEW:
            return f" · {sum(h.saved and h.archived for h in rows)} archived"
        return f" · {unread} unread of {len(rows)}"

    def nothing_unread(self) -> str:
        """What a list shown unread only says when it has no row though its feed has
        headlines ("" otherwise)."""
        if not self.filtered(self.feed_url) or not self.reader.index.count_in(self.feed_url):
            return ""
        key = keymap_of(self.app).key("unread_only", "the headlines")
        where = "in any feed" if self.feed_url is None else "here"
        return f"Nothing unread {where}" + (f": {key} shows the read ones too." if key else ".")

    def among(self) -> str:
        """What a search finding nothing adds when the list is shown unread only."""
        if not self.filtered(self.feed_url):
            return ""
        key = keymap_of(self.app).key("unread_only", "the headlines")
        return f" among the unread ({key} shows all)" if key else " among the unread"

    def drop_read(self) -> None:
        """After `A` or `C`: a list shown unread only lets the headlines they marked go."""
        if self.filtered(self.feed_url):
            self._listed = None
            self.show_view()

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.reader.keep_unread_only(self.unread_only)
        table = self.query_one(HeadlineTable)
        here = table.current
        keep = here.entry.id if here is not None else None
        if self.filtered(self.feed_url) and here is not None and here.read:
            keep = _nearest_unread(table.rows, table.cursor)
        self._listed = None  # a list shown anew: none of its rows read is kept
        self.show_view(keep=keep)
        self.show_feeds()
        key = keymap_of(self.app).key("unread_only", "the headlines") or ""
        index = self.reader.index
        if self.unread_only:
            counts = f"{index.unread_in(None)} of {index.count_in(None)} headlines"
            note = f"Unread only: {counts}, and feeds with unread"
            again = f" · {key} shows all" if key else ""
        else:
            note, again = "Every headline, read or not", f" · {key}: unread only" if key else ""
        self.reader.status = note + again


def _nearest_unread(rows: Sequence[Headline], cursor: int) -> str | None:
    """The unread row nearest after `cursor`, else before it: where the cursor goes when the
    read one it was on leaves the list."""
    after = (h for h in rows[cursor:] if not h.read)
    before = (h for h in reversed(rows[:cursor]) if not h.read)
    found = next(after, None) or next(before, None)
    return found.entry.id if found is not None else None
