"""The main screen: feeds on the left, the selected feed's headlines on the right.

On a narrow terminal (under 80 columns) the feed list shows only while it has focus: Tab brings
it in beside the headlines and Tab (or Enter on a feed) puts it away again, so the headlines get
the whole width the rest of the time. Under 120 columns it is narrower. The widths, and which
keys the key bar leaves out, are in `reader.tcss` (`MainScreen.-narrow`, `MainScreen.-medium`).

`/` finds headlines by their titles, in the feed list feeds by their names (`main_search`): the
cursor goes to the first match as the query is typed, Enter keeps the search for `n` / `N`, Esc
in the search line goes back to where the cursor was, and Esc after Enter clears the search. With no search kept, `n` / `N` (and `u`)
go to the next / previous unread headline, on into the next feed with unread ones (`unread`).
`q` or Esc in a feed's headlines go back to the feed list, as newsboat's `q` goes back a level;
`A`, `C` and `U` mark many headlines at once (`main_marks`). A key that does nothing here says so.
`F` searches the cached articles' text too, of the list shown (`main_full_text`); `a`, `R` and
`D` add, rename and remove feeds (`main_feeds`).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal

from ...feed_names import names_of
from ...feed_tags import all_tags
from ...models import Feed
from ...plural import plural
from ...reports import Headline
from ..display import plain, when
from ..headlines import SAVED_VIEW, tag_view, view_tag
from ..messages import FeedSelected, HeadlineChosen, HeadlinesChanged
from ..unknown_keys import say_if_unbound
from ..unread import feed_beside, next_feed_with_unread, next_unread, wrapped
from ..widgets.article.search_bar import SearchBar
from ..widgets.key_bar import KeyBar
from ..widgets.main.feed_list import ALL_FEEDS, SAVED, FeedList, tag_name
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar
from .main_feeds import MainScreenFeeds
from .main_full_text import SEARCH_VIEW
from .main_marks import MainScreenMarks
from .main_search import MainScreenSearch
from .main_unread import FEEDS

_HEADLINE_ACTIONS = frozenset({"toggle_read", "toggle_saved", "open_original"})
"""The keys that act on the headline under the cursor (`m`, `s`, `o`)."""


class MainScreen(MainScreenMarks, MainScreenFeeds, MainScreenSearch):
    """Feed list, headline table, status line and the key footer."""

    AUTO_FOCUS = "#headlines"

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
        Binding("q", "back_to_feeds", "Feeds"),
        Binding("escape", "back_to_feeds", "Feeds", show=False),
        Binding("F", "search_text", "Find in articles", show=False, priority=True),
        # newsboat's next-feed / prev-feed (its users bind them to J / K, free here).
        Binding("J", "step_feed(1)", "Next feed", show=False),
        Binding("K", "step_feed(-1)", "Previous feed", show=False),
        # newsboat's `t` picks a tag: here the next tag's row, its feeds' headlines together,
        # round the end; `T` back, as `N` is `n`'s and vim's `T` is `t`'s (newsboat's `T`
        # clears the tag chosen: "All feeds" is a row above the tags here).
        Binding("t", "step_tag(1)", "Next tag", show=False),
        Binding("T", "step_tag(-1)", "Previous tag", show=False),
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

    def on_mount(self) -> None:
        self.query_one(FeedList).border_title = FEEDS
        self.query_one(HeadlineTable).focus()

    # -- messages ------------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        if not self.searching:
            await say_if_unbound(self, event)

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

    def on_headlines_changed(self, message: HeadlinesChanged) -> None:
        table = self.query_one(HeadlineTable)
        feeds = self.query_one(FeedList)
        self.show_feeds()
        if message.whole:
            self._fill_rest()
            return
        if message.filled is not None:
            self._fill_list(message.filled)
            return
        if message.changed is not None:
            if self.feed_url == SAVED_VIEW and _saving_changed(table, message.changed):
                # `s` in the saved view (or in an article opened from it): the article leaves
                # the view now, the cursor going on to the next; saved again, it comes back.
                unsaved = {h.entry.id for h in message.changed if not h.saved}
                self._show_list(keep=_next_kept(table, unsaved))
                return
            if self.filtered(self.feed_url) and self._unread_again(message.changed):
                # `U` after `A`; `m` in an article read from another list: back in the list.
                self._show_list(keep=table.current.entry.id if table.current else None)
                return
            table.update_headlines(message.changed)
            self._title()
            return
        if self.feed_url not in (None, SAVED_VIEW, SEARCH_VIEW) and not feeds.holds(self.feed_url):
            self.feed_url = None  # the feed was removed meanwhile (a tag's last feed untagged)
        # The cursor stays on the headline the user put it on; one they never moved stays on
        # the first row, the newest (as `HeadlineTable.refill` keeps it while feeds come in).
        placed = table.current if table.placed else None
        self._show_list(keep=placed.entry.id if placed else None)

    def on_feed_selected(self, message: FeedSelected) -> None:
        if message.feed_url != self.feed_url:
            self.feed_url = message.feed_url
            self.reader.notice_over()  # `A`'s count was of the list left
            self._show_list()

    def on_headline_chosen(self, message: HeadlineChosen) -> None:
        from .article import ArticleScreen  # here: the reading view imports this module's app

        table = self.query_one(HeadlineTable)
        screen = ArticleScreen(list(table.rows), message.position)
        if self.feed_url == SEARCH_VIEW:
            screen.find_first = self.first_words()
        self.app.push_screen(screen, self._returned)

    def _returned(self, entry_id: str | None) -> None:
        # Back from reading: highlight the article read last, as a reader expects.
        if entry_id:
            self.query_one(HeadlineTable).move_to(entry_id)

    def show_view(self, keep: str | None = None) -> None:
        self._show_list(keep)

    def _show_list(self, keep: str | None = None) -> None:
        table = self.query_one(HeadlineTable)
        searched = self.feed_url == SEARCH_VIEW
        rows = self.text_rows() if searched else self.listed_rows(self.feed_url)
        table.empty_text = self._empty_text()
        table.set_headlines(
            rows,
            keep=keep,
            show_source=self.feed_url in (None, SAVED_VIEW)
            or view_tag(self.feed_url) is not None
            or (searched and not self.hits_of_one_feed),
            names=names_of(self.reader.index.feeds),
            details=self.text_details() if searched else None,
        )
        self.note_listed(self.feed_url)
        if self.unread_only:
            self.show_feeds()  # a feed left, read to its end, goes
        self._title()
        self.show_hits_note()
        feed = self.query_one(FeedList).feeds.get(self.feed_url or "")
        if feed is not None and feed.last_error:
            self.reader.status = f"{feed.display_title}: last fetch failed: {feed.last_error}"
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
        if self.feed_url != SEARCH_VIEW:  # `F` waited for them (`ReaderApp.run_action`)
            table.refill(self.listed_rows(self.feed_url))
            self.note_listed(self.feed_url)
        self._title()

    def _empty_text(self) -> str:
        """What the list says when it has no headlines."""
        if self.feed_url == SEARCH_VIEW:
            return self.text_empty()
        if not self.reader.index.whole:
            return "Reading the headlines…"
        if self.feed_url == SAVED_VIEW:
            save = self.key_of("save")
            return "Nothing saved yet" + (
                f": {save} on a headline keeps its article for good." if save else "."
            )
        if nothing := self.nothing_unread():
            return nothing
        if not self.reader.index.feeds:
            add = self.key_of("add_feed")
            press = f"press {add} to add one by its address (or try `reader demo`)" if add else ""
            return f"No feeds yet: {press or 'try `reader demo`'}."
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
        feed = self.query_one(FeedList).feeds.get(self.feed_url or "")
        if feed is not None:
            name = plain(feed.display_title, max_length=60)
        elif self.feed_url == SEARCH_VIEW:
            name = self.text_title()
        elif (tag := view_tag(self.feed_url)) is not None:
            name = tag_name(tag)
        else:
            name = Text(SAVED if self.feed_url == SAVED_VIEW else ALL_FEEDS)
        table.set_title(name, self.count_tail(self.feed_url, table.rows))
        failed = table.get_component_rich_style("headline-table--failed")
        table.border_subtitle = _feed_health(feed, failed) if feed else ""

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
            return in_headlines and self.feed_url is not None and not self.searching
        if action == "next_unread":  # in the feed list: `n` to the next feed with unread
            in_feeds = isinstance(self.focused, FeedList)
            return not self.searching and (not in_feeds or parameters == (1,))
        if action == "undo_marking":
            return bool(self._unmarked) and not self.searching
        if action.startswith("mark_") or action in (
            "to_pane",
            "step_feed",
            "step_tag",
            "toggle_feed_list",
        ):
            return not self.searching
        # `m`, `s`, `o` are neither offered nor done from the feed list: they acted on the
        # headline under the list's cursor, out of the user's mind there (and out of sight on
        # a narrow terminal, where the feed list takes the headlines' place).
        return action not in _HEADLINE_ACTIONS or not isinstance(self.focused, FeedList)

    # -- actions -------------------------------------------------------------------------------
    def action_switch_pane(self) -> None:
        feeds = self.query_one(FeedList)
        if self.focused is feeds:
            self._focus_now(self.query_one(HeadlineTable))
        else:
            self.add_class("-feeds-active")  # shown first: a hidden widget can't take focus
            self._focus_now(feeds)

    def _focus_now(self, widget: HeadlineTable | FeedList) -> None:
        """Focus `widget` before the next key is handled: `Widget.focus` waits for the queue,
        and a burst ("Tab o", typed ahead or pasted) had `o` open the headline under the
        cursor from the feed list Tab had moved to. A widget not yet shown (the feed list on a
        narrow terminal, its class just set) is focused once its styles say it is."""
        self.set_focus(widget)
        if self.focused is not widget:
            widget.focus()

    def action_toggle_feed_list(self) -> None:
        """Put the feed list away, the headlines taking the whole width (Tab still brings it
        in while in use, as under 80 columns), or show it again; kept for the next start."""
        hidden = not self.has_class("-feeds-hidden")
        self.set_class(hidden, "-feeds-hidden")
        if hidden and isinstance(self.focused, FeedList):
            self._focus_now(self.query_one(HeadlineTable))
        self.reader.keep_feeds_hidden(hidden)
        tab = self.key_of("switch_pane")
        shows = f" ({tab} shows it while in use)" if tab and hidden else ""
        self.reader.status = ("Feed list put away" + shows) if hidden else "Feed list shown"

    def action_to_pane(self, feeds: bool) -> None:
        if feeds != isinstance(self.focused, FeedList):
            self.action_switch_pane()

    def action_back_to_feeds(self) -> None:
        self.action_switch_pane()

    def action_next_unread(self, step: int) -> None:
        """The next (`step` 1) or previous unread headline of the list, round its end; with
        none left in a feed, the first unread of the next feed with any (`n` after `n`: every
        unread headline of every feed, as newsboat's `n`). In the feed list, the next feed
        with unread headlines."""
        if isinstance(self.focused, FeedList):
            index = self.reader.index
            feed = next_feed_with_unread(index.feeds, self.feed_url, index.unread_counts())
            if feed is None:
                self.notify("No other feed has unread headlines.", timeout=3, markup=False)
            else:
                self.show_feed(feed.url)
            return
        table = self.query_one(HeadlineTable)
        row = next_unread(table.rows, table.cursor, step)
        if row is not None:
            if wrapped(table.cursor, row, step):
                where = "top" if step > 0 else "bottom"
                self.notify(f"Next unread: round to the {where}.", timeout=2, markup=False)
            table.cursor = row
            return
        feed = self.next_feed() if step > 0 else None
        if feed is not None:
            self.show_feed(feed.url)
            count = plural(self.reader.index.unread_in(feed.url), "unread headline")
            name = plain(feed.display_title, max_length=60).plain
            self.notify(f"On to {name}: {count}.", timeout=3, markup=False)
        else:
            here = table.current
            left = "this one is the last" if here and not here.read else "none left"
            self.notify(f"No other unread headline: {left}.", timeout=3, markup=False)

    def action_step_feed(self, step: int) -> None:
        """The next (`step` 1) or previous feed of the feed list as it is shown, round its
        ends, its headlines shown with the cursor on the first unread (newsboat's next-feed,
        prev-feed); from "All feeds", "Saved" or a search's hits, the first or the last."""
        urls = list(self.query_one(FeedList).feeds)
        feed_url = feed_beside(urls, self.feed_url, step)
        if feed_url is None:
            self.notify("There is no other feed.", timeout=3, markup=False)
            return
        here = self.feed_url
        self.show_feed(feed_url)
        if here in urls and wrapped(urls.index(here), urls.index(feed_url), step):
            where = "first" if step > 0 else "last"
            self.notify(f"Round to the {where} feed.", timeout=2, markup=False)

    def action_step_tag(self, step: int) -> None:
        """The next (`step` 1) or previous tag of the feed list, round its ends, its feeds'
        headlines shown together; from any other list, the first or the last tag."""
        index = self.reader.index
        if self.unread_only and index.whole:  # as `J` passes over read feeds (acc28c C4)
            tags = [tag for tag, count in index.tags() if count or tag_view(tag) == self.feed_url]
        else:
            tags = all_tags(index.feeds)
        views = [tag_view(tag) for tag in tags]
        view = feed_beside(views, self.feed_url, step)
        if view is None:
            there = "no other tag" if views else "no tags: `reader tag FEED TAG` gives one"
            self.notify(f"The feeds have {there}.", timeout=3, markup=False)
            return
        self.show_feed(view)

    def next_feed(self) -> Feed | None:
        """The feed after the one shown (in the feed list's order) with unread headlines,
        when one feed is shown: "All feeds", "Saved" and a tag's feeds have no next."""
        if self.feed_url in (None, SAVED_VIEW) or view_tag(self.feed_url) is not None:
            return None
        index = self.reader.index
        return next_feed_with_unread(index.feeds, self.feed_url, index.unread_counts())

    def show_feed(self, feed_url: str) -> None:
        """Show a feed's headlines (selected in the feed list too), the cursor on its first
        unread one."""
        if feed_url != self.feed_url:
            self.reader.notice_over()
        self.feed_url = feed_url
        self.query_one(FeedList).select(feed_url)
        first = next((h for h in self.reader.index.view(feed_url) if not h.read), None)
        self._show_list(keep=first.entry.id if first else None)

    def action_toggle_read(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.toggle_read(headline.entry)

    def action_toggle_saved(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.toggle_saved(headline.entry)

    def action_open_original(self) -> None:
        headline = self.query_one(HeadlineTable).current
        if headline is not None:
            self.reader.open_original(headline.entry.address)


def _saving_changed(table: HeadlineTable, changed: tuple[Headline, ...]) -> bool:
    """Whether the saved view no longer lists its saved articles: one of them `changed` to
    unsaved, or one it doesn't list to saved."""
    listed = {h.entry.id for h in table.rows}
    return any(h.saved != (h.entry.id in listed) for h in changed)


def _next_kept(table: HeadlineTable, gone: set[str]) -> str | None:
    """The row the cursor goes to when the `gone` ones leave the list: its own, else the
    next one staying, else the one before."""
    rows, cursor = table.rows, table.cursor
    staying = (h.entry.id for h in (*rows[cursor:], *reversed(rows[:cursor])))
    return next((entry_id for entry_id in staying if entry_id not in gone), None)


def _feed_health(feed: Feed, failed: Style) -> Text:
    """The selected feed's last success and last error (in the theme's `failed` style), under
    its headlines."""
    parts = Text()
    if feed.last_success:
        parts.append(f"synced {when(feed.last_success)}")
    if feed.last_error:
        if parts:
            parts.append(" · ")
        since = feed.failing_since
        ago = f" (failing since {when(since)})" if since and since != feed.last_error_at else ""
        parts.append(f"failed {when(feed.last_error_at)}{ago}: ", style=failed)
        parts.append_text(plain(feed.last_error, max_length=80))
    elif feed.problem:
        parts.append(" · ")
        parts.append_text(plain(feed.problem, max_length=80))
    return parts or Text("never synced")
