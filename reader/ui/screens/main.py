"""The main screen: feeds on the left, the selected feed's headlines on the right.

On a narrow terminal (under 80 columns) the feed list shows only while it has focus: Tab brings
it in beside the headlines and Tab (or Enter on a feed) puts it away again, so the headlines get
the whole width the rest of the time. Under 120 columns it is narrower. The widths, and which
keys the key bar leaves out, are in `reader.tcss` (`MainScreen.-narrow`, `MainScreen.-medium`).
Under 60 columns the feed list in use takes the headlines' place, the whole width (`-one-pane`).

`/` finds headlines by their titles, in the feed list feeds by their names (`main_search`): the
cursor goes to the first match as the query is typed, Enter keeps the search for `n` / `N`, Esc
in the search line goes back to where the cursor was, and Esc after Enter clears the search. With no search kept, `n` / `N` (and `u`)
go to the next / previous unread headline, on into the next feed with unread ones (`unread`).
`q` or Esc in a feed's headlines go back to the feed list, as newsboat's `q` goes back a level;
`A`, `C` and `U` mark many headlines at once (`main_marks`). A key that does nothing here says so.
`F` searches the cached articles' text too, of the list shown (`main_full_text`); `a`, `R` and
`D` add, rename and remove feeds (`main_feeds`). The list shown, its title and its empty line are
`main_list`'s; moving to the next unread headline, feed or tag `main_moves`'; `!`, the failing
feeds alone, `main_failing`'s; Tab, `q` and `f`
between and over the two panes `main_panes`'. Here: the screen put together, the messages its
widgets post, and which keys act when.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal

from ...reports import Headline
from ..headlines import LIBRARY_VIEWS, SAVED_VIEW
from ..messages import (
    ColumnsHidden,
    DayTurned,
    FeedSelected,
    HeadlineChosen,
    HeadlinesChanged,
)
from ..unknown_keys import say_if_unbound
from ..widgets.article.search_bar import SearchBar
from ..widgets.key_bar import KeyBar
from ..widgets.main.border_title import set_border_title
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar
from .main_failing import MainScreenFailing
from .main_feeds import MainScreenFeeds
from .main_full_text import SEARCH_VIEW
from .main_moves import MainScreenMoves
from .main_panes import ONE_PANE, MainScreenPanes
from .main_search import MainScreenSearch
from .main_unread import FEEDS

_HEADLINE_ACTIONS = frozenset(
    {"toggle_read", "toggle_saved", "open_original", "tag_article", "toggle_archived"}
    | {"user_command"}
)
"""The keys that act on the headline under the cursor (`m`, `s`, `o`, `#`, `E`, and the user's
`[[command]]`s')."""


class MainScreen(
    MainScreenMoves, MainScreenFailing, MainScreenPanes, MainScreenFeeds, MainScreenSearch
):
    """Feed list, headline table, status line and the key footer."""

    AUTO_FOCUS = "#headlines"

    takes_counts = True
    """A count before a key (`5j`, `10G`) counts in the headlines and the feed list (`counts`)."""

    command_place = "headlines"
    """Where the user's `[[command]]`s bind their keys (`KeyMap.bindings_of`)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]
    """Classes by terminal width: `reader.tcss` narrows or hides the feed list and the key bar."""

    BINDINGS = [
        # Not `app.focus_next`: on a narrow terminal the feed list is hidden (so out of the
        # focus chain) until Tab brings it in. With two panes, next and previous are the same.
        Binding("tab", "switch_pane", "Feeds/headlines", show=True),
        Binding("shift+tab", "switch_pane", "Feeds/headlines", show=False),
        # vim's left and right (sfeed_curses' too): the feed list, the headlines.
        Binding("h", "to_pane(True)", "Feeds", show=False),
        Binding("l", "to_pane(False)", "Headlines", show=False),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("s", "toggle_saved", "Save"),
        Binding("o", "open_original", "Original"),
        # The mark a tag has in the lists ("#fishing").
        Binding("number_sign", "tag_article", "Tag", show=False),
        # Gmail's archive key, shifted: `e` is many a Colemak user's `down` (its `j`).
        Binding("E", "toggle_archived", "Archive", show=False),
        # priority: from the feed list too, whose keys would take it otherwise.
        Binding("slash", "search", "Find", show=False, priority=True),
        Binding("n", "step_match(1)", "Next match", show=False),
        Binding("N", "step_match(-1)", "Prev match", show=False),
        # With no search kept, `n` is newsboat's "next unread" (`u` always is, as in an
        # article, where `n` is the next article of the list).
        Binding("n,u", "next_unread(1)", "Next unread", show=False),
        Binding("N", "next_unread(-1)", "Prev unread", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        # Back a level, as newsboat's `q`: from a feed's headlines to the feed list; from the
        # feed list, or "All feeds", `q` quits (the app's binding), and `Q` quits anywhere.
        # In `F`'s hits `q` goes back to the list searched, and the key bar says so: it said
        # "q Feeds" there (acc52c C4). Before the other: the first a key's `check_action` allows.
        Binding("q", "back_to_feeds(True)", "Back"),
        Binding("q", "back_to_feeds", "Feeds"),
        Binding("escape", "back_to_feeds", "Feeds", show=False),
        # The feed list alone on a narrow screen (`-one-pane`): Esc back to the headlines, as
        # it closes the other screens over them.
        Binding("escape", "leave_feeds", "Headlines", show=False),
        Binding("F", "search_text", "Find in articles", show=False, priority=True),
        # newsboat's next-feed / prev-feed (its users bind them to J / K, free here).
        Binding("J", "step_feed(1)", "Next feed", show=False),
        Binding("K", "step_feed(-1)", "Previous feed", show=False),
        # newsboat's `t` picks a tag: here the next tag's row, its feeds' headlines together,
        # round the end; `T` back, as `N` is `n`'s and vim's `T` is `t`'s (newsboat's `T`
        # clears the tag chosen: "All feeds" is a row above the tags here).
        Binding("t", "step_tag(1)", "Next tag", show=False),
        Binding("T", "step_tag(-1)", "Previous tag", show=False),
        # The feeds marked `!` among hundreds (acc49d D1): vim's `]` / `[` pairs of next /
        # previous of a kind, as an article's headings are.
        Binding("right_square_bracket", "step_failing(1)", "Next failing feed", show=False),
        Binding("left_square_bracket", "step_failing(-1)", "Previous failing feed", show=False),
        # The headlines the whole width, at any width: newsboat shows one list at a time.
        Binding("f", "toggle_feed_list", "Feed list", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield FeedList(id="feeds")
            yield HeadlineTable(id="headlines")
        yield StatusBar(id="status")
        yield SearchBar()
        yield KeyBar()

    def _compositor_refresh(self) -> None:
        # While the start holds its first frame (`ReaderAppLifecycle._first_frame_held`) no
        # update is written, so none is made: each was the screen's changed lines drawn
        # (the headlines in, the feed list fitted, the key bar made: ~40-60 ms of CPU before
        # the first frame, five updates or more) and dropped. The hold's end repaints the
        # screen whole (`_show_first_frame`), from its widgets as they are then.
        if self.reader.first_frame_held and self is self.app.screen:
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()

    def on_screen_resume(self) -> None:
        # The width's class (`HORIZONTAL_BREAKPOINTS`) given before Textual styles the screen
        # again as it is shown (`Screen._on_screen_resume`, which runs after this), not at its
        # next Resize: at the start that Resize came next, added the class and styled every
        # widget of the screen once more (~30 ms of CPU before the first frame at load 14).
        # Back from an article the terminal may have been resized meanwhile: right at once.
        width = self.app.size.width
        wide_enough = self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS)
        classes = {name: name in wide_enough for _at, name in self.HORIZONTAL_BREAKPOINTS}
        classes["-one-pane"] = width < ONE_PANE
        self.update_classes(classes, update=False)

    def on_mount(self) -> None:
        if not self.query(FeedList):
            return  # the reader quit as it started (`q` typed ahead): its widgets are gone
        set_border_title(self.query_one(FeedList), FEEDS)
        self.query_one(HeadlineTable).focus()

    # -- messages ------------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        if not self.searching and not self.back_from_all_feeds(event):
            await say_if_unbound(self, event)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_panes(event.size.width)
        for bar in self.query(StatusBar):  # its rows: the height's too (none as it quits)
            bar.fit()
        for feeds in self.query(FeedList):  # none once the reader quit as it started
            feeds.fit_width(event.size.width)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # `-feeds-active`: the feed list is the pane in use, so a narrow screen shows it.
        # While `/` finds a feed, the feed list stays in use: on a narrow screen it stays shown,
        # its cursor moving as the query is typed.
        in_feeds = isinstance(event.widget, FeedList) or self._finding_feed
        self.set_class(in_feeds, "-feeds-active")
        if in_feeds and self.unread_only:
            self.show_feeds()  # those read to their end while it was out of use go now
        if self.feed_query and not self.searching:
            self._show_search()  # the feeds' search is kept in the feed list, shown there only

    def on_day_turned(self, message: DayTurned) -> None:
        self._title()  # its feed's "refreshed 19:42" was yesterday's: a date now

    def on_columns_hidden(self, message: ColumnsHidden) -> None:
        """The selected headline's feed and date, which its row is too narrow for, at the
        status line's end (else first: `StatusBar.show_ruler`), as mutt's index says them."""
        self.query_one(StatusBar).show_ruler(message.line)

    def on_headlines_changed(self, message: HeadlinesChanged) -> None:
        table = self.query_one(HeadlineTable)
        feeds = self.query_one(FeedList)
        self.show_feeds()
        if message.whole or (message.changed is None and message.filled is None):
            self.count_search_feeds()  # the headlines read anew
        if message.whole:
            self._fill_rest()
            self.search_after_the_rest()
            return
        if message.filled is not None:
            self._fill_list(message.filled)
            return
        if message.changed is not None:
            if self.feed_url in LIBRARY_VIEWS and _saved_elsewhere(
                table, message.changed, self.feed_url != SAVED_VIEW
            ):
                # Saved in an article the view doesn't list: it joins the view. One unsaved
                # here stays, its ★ gone, till the view is left (`listed_rows`): `s` again
                # keeps it, where it left at once, unnamed (acc31c W20).
                self._show_list(keep=table.current.entry.id if table.current else None)
                return
            if self.filtered(self.feed_url) and self._unread_again(message.changed):
                # `U` after `A`; `m` in an article read from another list: back in the list.
                self._show_list(keep=table.current.entry.id if table.current else None)
                return
            table.update_headlines(message.changed)
            self._title()
            return
        self.reopened_folder()
        if self.feed_url not in (None, *LIBRARY_VIEWS, SEARCH_VIEW) and not feeds.holds(
            self.feed_url
        ):
            self.feed_url = None  # the feed was removed meanwhile (a tag's last feed untagged)
            self._left_at = None  # nor is the headline left in it (`reopen`) in "All feeds"
        if self.show_left_list():
            return
        # The cursor stays on the headline the user put it on; one they never moved stays on
        # the first row, the newest (as `HeadlineTable.refill` keeps it while feeds come in).
        placed = table.current if table.placed else None
        self._show_list(keep=placed.entry.id if placed else None)

    def on_feed_selected(self, message: FeedSelected) -> None:
        if message.feed_url != self.feed_url:
            self.leave_list()
            self.feed_url = message.feed_url
            self.reader.notice_over()  # `A`'s count was of the list left
            if self.search_feed(message.feed_url) is not None:
                self.show_search_feed()
                return
            self._show_list(keep=self.place_in(message.feed_url))

    def on_headline_chosen(self, message: HeadlineChosen) -> None:
        from .article import ArticleScreen  # here: the reading view imports this module's app

        table = self.query_one(HeadlineTable)
        screen = ArticleScreen(list(table.rows), message.position)
        if self.showing_hits:
            screen.find_first = self.first_words()
        self.app.push_screen(screen, self._returned)

    def _returned(self, entry_id: str | None) -> None:
        # Back from reading: highlight the article read last, as a reader expects.
        if entry_id:
            self.query_one(HeadlineTable).move_to(entry_id)

    def _unread_again(self, changed: tuple[Headline, ...]) -> bool:
        """Whether a headline of the list shown unread only, not in it, is unread again."""
        table = self.query_one(HeadlineTable)
        return any(
            not h.read
            and self.reader.index.lists_feed(self.feed_url, h.entry.feed_url)
            and not table.lists(h.entry.id)
            for h in changed
        )

    # -- which keys act ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "search_text"):
            return not self.searching  # `/` typed in the query is a character of it
        if action == "clear_search" and self.feed_url == SEARCH_VIEW:
            return not self.searching
        if action in ("step_match", "clear_search"):
            kept = self.headline_query or self.feed_search_kept
            return bool(kept) and not self.searching
        if action == "back_to_feeds":
            in_headlines = isinstance(self.focused, HeadlineTable)
            in_hits = self.feed_url == SEARCH_VIEW
            back = in_headlines and self.feed_url is not None and not self.searching
            return back and (parameters != (True,) or in_hits)
        if action == "leave_feeds":
            alone = self.has_class("-one-pane") and isinstance(self.focused, FeedList)
            return alone and not self.searching
        if action == "next_unread":  # in the feed list: `n` to the next feed with unread
            in_feeds = isinstance(self.focused, FeedList)
            return not self.searching and (not in_feeds or parameters == (1,))
        if action == "undo_marking":
            return self.reader.marking_to_undo() and not self.searching
        if action == "user_command" and self.searching:
            return False
        if action.startswith("mark_") or action in (
            "to_pane",
            "step_feed",
            "step_tag",
            "step_failing",
            "toggle_feed_list",
        ):
            return not self.searching
        # `m`, `s`, `o` are neither offered nor done from the feed list: they acted on the
        # headline under the list's cursor, out of the user's mind there (and out of sight on
        # a narrow terminal, where the feed list takes the headlines' place).
        return action not in _HEADLINE_ACTIONS or not isinstance(self.focused, FeedList)

    # -- actions -------------------------------------------------------------------------------
    def action_back_to_feeds(self, _from_hits: bool = False) -> None:
        """`q` back a level: from `F`'s hits, to the list searched, as `Esc` goes (they stayed
        on screen beside the feed list, a `q` from quitting: acc41a A13; newsboat's search
        results are left with `q`); else to the feed list. `_from_hits`: the hits' own binding,
        there to name it in the key bar ("q Back")."""
        if self.feed_url == SEARCH_VIEW:
            self.leave_text_search()
            return
        super().action_back_to_feeds()

    def action_toggle_read(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.toggle_read(headline.entry)

    def action_toggle_saved(self) -> None:
        table = self.query_one(HeadlineTable)
        headline = table.current
        if headline is not None:
            # The cursor now stays on it as the list is drawn again: on the first row, never
            # moved, it went to a newer save come meanwhile, which `s` again then unsaved.
            table.placed = True
            self.reader.toggle_saved(headline.entry)

    def action_toggle_archived(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.toggle_archived(headline.entry)

    def action_tag_article(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.edit_tags(headline.entry)

    def action_user_command(self, number: int) -> None:
        """The user's command `number` on the headline under the cursor."""
        from ..user_command_runs import RunOn, run_user_command

        headline = self.query_one(HeadlineTable).current
        if headline is None:
            self.notify("No headline here to run it on.")
            return
        run_user_command(self.reader, number, RunOn(headline.entry))

    def action_open_original(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            # The address its citation gives, as the reading view's `o` opens (acc30a J9).
            self.reader.open_headline(headline.entry)


def _saved_elsewhere(
    table: HeadlineTable, changed: tuple[Headline, ...], archive: bool = False
) -> bool:
    """Whether one of the articles `changed` is saved now (archived, for the `archive`), and
    not a row of the view of those."""
    return any(h.saved and h.archived == archive and not table.lists(h.entry.id) for h in changed)
