"""The main screen's search of the headlines by their titles (`MainScreen` is built on it): `/`
opens the search line, the cursor going to the first match as the query is typed; Enter keeps the
search for `n` / `N` (round the list's end, said so), Esc in the line goes back to where the
cursor and the search were, and Esc after Enter clears it. The status line says where the kept
search stands. `F`'s search of the articles' text shares the line (`main_full_text`). With the
feed list in use, `/` finds a feed by its name the same way (its `n` / `N` and Esc too)."""

from __future__ import annotations

from ..messages import SearchClosed, SearchEdited
from ..widgets.article.search_bar import SearchBar, search_line_shown, show_search_line
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar
from .main_full_text import SEARCH_VIEW
from .main_hit_tags import MainHitTags
from .main_search_feeds import MainSearchFeeds


class MainScreenSearch(MainSearchFeeds, MainHitTags):
    """`/`, `n` / `N` over the kept search, and Esc clearing it (see `MainScreen`)."""

    def __init__(self) -> None:
        super().__init__()
        self.headline_query = ""
        """The headline search kept (Enter in the search line), until Esc clears it."""
        self._origin = 0
        self._before_search = ""
        """The cursor's row and the search kept when `/` was pressed: Esc goes back to them."""
        self.feed_query = ""
        """The search of the feeds' names kept (`/` in the feed list, then Enter)."""
        self._finding_feed = False
        """The search line open was opened in the feed list: it finds a feed by its name."""

    def keys_of(self, *actions: str) -> str:
        raise NotImplementedError  # MainScreenMarks'

    def among(self) -> str:
        raise NotImplementedError  # MainScreenUnread's

    @property
    def searching(self) -> bool:
        """The search line is open."""
        return search_line_shown(self)

    @property
    def feed_search_kept(self) -> bool:
        """`n` / `N` and Esc act on the search of the feeds' names: the feed list is in use
        and one is kept."""
        return bool(self.feed_query) and isinstance(self.focused, FeedList)

    def action_search(self) -> None:
        feeds = self.query_one(FeedList)
        if self.focused is feeds:
            self._finding_feed = True
            # Counted as if every folder were open: a feed in one folded is found too.
            self._origin, self._before_search = feeds.searched_at(), self.feed_query
            show_search_line(self, True)
            self.query_one(SearchBar).start()
            return
        table = self.query_one(HeadlineTable)
        self._origin, self._before_search = table.cursor, self.headline_query
        show_search_line(self, True)
        self.query_one(SearchBar).start()

    def on_search_edited(self, message: SearchEdited) -> None:
        message.stop()
        if self._finding_feed:
            self._find_feed(message.query)
            return
        if self.typing_text_query:
            return  # searched on Enter: a scan of the cache on each letter would lag
        from ..widgets.main.headline_search import matching, next_match  # see `_show_search`

        table = self.query_one(HeadlineTable)
        table.cursor = self._origin  # each edit looks again from where `/` was pressed
        found = matching(table.rows, message.query)
        bar = self.query_one(SearchBar)
        if not message.query.strip():
            bar.show_count("")
            return
        if not found:
            nothing = f"No headline matches “{message.query}”{self.among()}"
            bar.show_count(f"{nothing}{self.wider_search()}", missing=True)
            return
        row = next_match(found, self._origin, 1, here=True)
        table.cursor = self._origin if row is None else row
        bar.show_count(_position(found, table.cursor))

    def _find_feed(self, query: str) -> None:
        """The feed list's cursor to the first feed whose name `query` finds from where `/` was
        pressed (moved once: each feed it rests on shows its headlines)."""
        from ..widgets.main.headline_search import matching_names, next_match

        feeds = self.query_one(FeedList)
        bar = self.query_one(SearchBar)
        found = matching_names(feeds.searched_names, query)
        row = next_match(found, self._origin, 1, here=True)
        feeds.highlight_searched(self._origin if row is None else row)
        if not query.strip():
            bar.show_count("")
        elif not found:
            nothing = f"No feed's name holds “{query}”{self._among_feeds()}"
            bar.show_count(f"{nothing}{self.wider_search('feeds')}", missing=True)
        else:
            bar.show_count(_position(found, feeds.searched_at(), "Feed"))

    def _among_feeds(self) -> str:
        return " among those with unread ones" if self.unread_only else ""

    def on_search_closed(self, message: SearchClosed) -> None:
        message.stop()
        if self._finding_feed:
            self._feed_search_closed(message.query)
            return
        table = self.query_one(HeadlineTable)
        show_search_line(self, False)
        self.set_focus(table)  # now: the keys held behind its close go to it
        if self.text_search_closed(message.query):
            return
        if message.query is None:  # Esc: back to the row and the search there were
            table.cursor = self._origin
            self.headline_query = self._before_search
        else:
            self.headline_query = message.query.strip() and message.query
        self._show_search()

    def _feed_search_closed(self, query: str | None) -> None:
        feeds = self.query_one(FeedList)
        self._finding_feed = False
        show_search_line(self, False)
        self.set_focus(feeds)
        if query is None:  # Esc: back to the feed and the search there were
            feeds.highlight_searched(self._origin)
            self.feed_query = self._before_search
        else:
            self.feed_query = query.strip() and query
        self._show_search()

    def action_step_match(self, step: int) -> None:
        from ..widgets.main.headline_search import (  # see `_show_search`
            matching,
            matching_names,
            next_match,
        )

        table = self.query_one(HeadlineTable)
        feeds = self.query_one(FeedList)
        in_feeds = self.feed_search_kept
        if in_feeds:
            cursor = feeds.searched_at()
            found = matching_names(feeds.searched_names, self.feed_query)
        else:
            cursor = table.cursor
            found = matching(table.rows, self.headline_query)
        row = next_match(found, cursor, step)
        if row is None:
            self.app.bell()
        else:
            wrapped = row <= cursor if step > 0 else row >= cursor
            if in_feeds:
                feeds.highlight_searched(row)
            else:
                table.cursor = row
            if wrapped and len(found) > 1:
                where = "top" if step > 0 else "bottom"
                self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
        self._show_search()

    def action_clear_search(self) -> None:
        if self.feed_search_kept:
            self.feed_query = ""
            self._show_search()
            return
        if not self.headline_query and self.feed_url == SEARCH_VIEW:
            self.leave_text_search()
            return
        self.headline_query = ""
        self._show_search()

    def _show_search(self) -> None:
        """Where the kept search stands, in the status line ("" once it is cleared)."""
        note, missing = "", False
        if self.feed_search_kept:
            from ..widgets.main.headline_search import matching_names

            feeds = self.query_one(FeedList)
            found = matching_names(feeds.searched_names, self.feed_query)
            if found:
                note = f"{_position(found, feeds.searched_at(), 'Feed')} for “{self.feed_query}”"
                note += f" ({self._search_keys()})"
            else:
                nothing = f"No feed's name holds “{self.feed_query}”{self._among_feeds()}"
                note, missing = f"{nothing} (Esc clears){self.wider_search('feeds')}", True
        elif self.headline_query:
            # Imported when first used: the reading view's text matching (folding, line
            # breaking) is no part of the first screen, which waited on it.
            from ..widgets.main.headline_search import matching

            table = self.query_one(HeadlineTable)
            found = matching(table.rows, self.headline_query)
            if found:
                position = _position(found, table.cursor)
                note = f"{position} for “{self.headline_query}” ({self._search_keys()})"
            else:
                nothing = f"No headline matches “{self.headline_query}”{self.among()}"
                note, missing = f"{nothing} (Esc clears){self.wider_search()}", True
        self.query_one(StatusBar).show_note(note, warning=missing)

    def _search_keys(self) -> str:
        steps = self.keys_of("next_match", "previous_match")
        return f"{steps}, Esc clears" if steps else "Esc clears"


def _position(found: list[int], cursor: int | None, noun: str = "Headline") -> str:
    """ "Headline 2 of 5" (of those the search finds), or how many when the cursor is on none."""
    if cursor in found:
        return f"{noun} {found.index(cursor) + 1} of {len(found)}"
    return f"{len(found)} {noun.lower()}s match"
