"""The main screen's marking of many headlines at once (`MainScreen` is built on it): `A` marks
the list shown read (a feed's, every feed's on "All feeds", the saved ones on "Saved"), `C` every
feed's once the user says yes (newsboat's `A` and `C`), and `U` marks unread again those the last
of them marked; the status line says how many."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ...plural import plural
from ...reports import Headline
from ..display import plain
from ..headlines import ARCHIVE_VIEW, SAVED_VIEW, view_search_feed
from ..keymap import keymap_of
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.main.row_names import group_name, search_name
from .main_full_text import SEARCH_VIEW, lists_hits
from .main_unread import MainScreenUnread


class MainScreenMarks(MainScreenUnread):
    """`A`, `C` and `U` over the headlines shown (see `MainScreen`)."""

    if TYPE_CHECKING:

        @property
        def hits_coming(self) -> bool: ...  # `MainFullText`'s

    BINDINGS = [
        Binding("A", "mark_list_read", "Mark feed read", show=False),
        Binding("C", "mark_everything_read", "Mark all read", show=False),
        Binding("U", "undo_marking", "Undo marking", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.feed_url: str | None = None
        """The feed whose headlines are shown (None: all feeds; `SAVED_VIEW`: saved articles)."""

    def key_of(self, action: str) -> str | None:
        """The key in force that a message names for `action` here (`KeyMap.key`)."""
        return keymap_of(self.app).key(action, "the headlines")

    def keys_of(self, *actions: str) -> str:
        """The keys in force of `actions` here together, "n / N" (`KeyMap.keys_of`)."""
        return keymap_of(self.app).keys_of("the headlines", *actions)

    def action_mark_list_read(self) -> None:
        """`A`: every headline of the list shown read (a feed's, the saved, a search's hits);
        on "All feeds", every feed's once confirmed, as `C`."""
        if self.feed_url is None:
            # "All feeds" is every feed: asked first, as `C` is (the row the reader starts on,
            # and newsboat's `A` marks the one feed under the cursor: acc41a A4).
            self.action_mark_everything_read()
            return
        name = self._list_name()
        if lists_hits(self.feed_url) and self.hits_coming:
            # Those shown would be marked, not those still to come that its row counts.
            key = self.key_of("mark_list_read") or "A"
            self.reader.say_for_now(f"Still searching: {key} marks {name}'s hits once all found.")
            return
        if lists_hits(self.feed_url):
            rows = list(self.query_one(HeadlineTable).rows)
        else:
            rows = self.reader.index.view(self.feed_url)
        self._mark_read(rows, f"of {name}", f"in {name}")

    def action_mark_everything_read(self) -> None:
        """`C`: every feed's headlines read, once confirmed (newsboat asks too)."""
        from ..dialogs.confirm import ConfirmScreen

        unread = self.reader.index.unread_in(None)
        if not unread:
            self.reader.status = "Nothing unread in any feed."
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._mark_read(self.reader.index.headlines, "of every feed", "")

        question = f"Mark all {plural(unread, 'unread headline')} of every feed read? (y / n)"
        self.app.push_screen(ConfirmScreen(question), answered)

    def _mark_read(self, headlines: list[Headline], of: str, nothing_in: str) -> None:
        marked = self.reader.mark_many(headlines, True)
        if marked:
            self.reader.remember_marking(marked)
            count = plural(len(marked), "headline")
            undo = self.key_of("undo_marking")
            again = f" · {undo} marks them unread again" if undo else ""
            self.reader.say_for_now(f"Marked {count} {of} read{again}")
            self.drop_read()
        elif nothing_in:
            self.reader.say_for_now(f"Nothing unread {nothing_in}.")
        self.refresh_bindings()

    def action_undo_marking(self) -> None:
        again = self.reader.mark_many(self.reader.take_marking(), False)
        self.reader.say_for_now(f"Marked {plural(len(again), 'headline')} unread again.")
        self.refresh_bindings()

    def _list_name(self) -> str:
        feed = self.query_one(FeedList).feeds.get(self.feed_url or "")
        if feed is not None:
            return plain(feed.display_title, max_length=60).plain
        if (group := group_name(self.feed_url)) is not None:
            return group.plain
        if (search := view_search_feed(self.feed_url)) is not None:
            return search_name(search, self.reader.plain).plain
        if self.feed_url == SEARCH_VIEW:
            return "the search's hits"
        return {SAVED_VIEW: "Saved", ARCHIVE_VIEW: "Archive"}.get(self.feed_url or "", "every feed")
