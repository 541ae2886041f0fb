"""The main screen's two panes (`MainScreen` is built on it): Tab, `h` and `l` between the
feed list and the headlines, `q` back from a feed's headlines to the feeds (and from "All feeds'"
a back key that does not quit), and `f` putting the
feed list away, the headlines the whole width (kept for the next start). Under `ONE_PANE`
columns the feed list in use takes the whole width, in the headlines' place (`reader.tcss`,
`MainScreen.-one-pane`), as newsboat shows one list at a time."""

from __future__ import annotations

from textual import events
from textual.css.query import QueryType
from textual.widget import Widget

from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from .main_marks import MainScreenMarks

ONE_PANE = 60
"""Under this many columns the feed list, while in use, is shown alone, the whole width: beside
the headlines at 40 columns each had 18 cells, a feed's name cut at 12 letters (acc42a A19)."""


class MainScreenPanes(MainScreenMarks):
    """The feed list and the headlines, focused and shown (see `MainScreen`)."""

    def fit_panes(self, width: int) -> None:
        """The class (`-one-pane`) saying the terminal's `width` shows one pane at a time."""
        self.set_class(width < ONE_PANE, "-one-pane")

    def action_switch_pane(self) -> None:
        feeds = self.query_one(FeedList)
        if self.focused is feeds:
            self._focus_now(self.query_one(HeadlineTable))
        else:
            self.add_class("-feeds-active")  # shown first: a hidden widget can't take focus
            self._focus_now(feeds)

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """From the feed list (Enter on a feed), on to the headlines: under `ONE_PANE` columns
        they are out of sight while the feed list is in use, and so out of the focus chain
        Textual moves along (the focus stayed in the feed list)."""
        if isinstance(self.focused, FeedList) and selector == "*":
            self._focus_now(self.query_one(HeadlineTable))
            return self.focused
        return super().focus_next(selector)

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

    def action_leave_feeds(self) -> None:
        """Esc in the feed list shown alone (`-one-pane`): back to the headlines."""
        self.action_to_pane(False)

    def action_back_to_feeds(self) -> None:
        self.action_switch_pane()

    def back_from_all_feeds(self, event: events.Key) -> bool:
        """A letter `back` has (`[keys]`) that nothing takes in "All feeds"' headlines: back
        to the feed list, as from a feed's. `q`, quitting there (the app's), still quits;
        newsraft's `h` (`back = ["h", "q", "escape"]`) said "h: no such key here" (acc51b B9).
        Not Esc, pressed again to be sure a search or a prompt is gone: a second one moved to
        the feed list. Called from the screen's `on_key`, before the bindings are tried; True
        when it went back."""
        if self.feed_url is not None or not isinstance(self.focused, HeadlineTable):
            return False
        if not event.is_printable or event.key in self.active_bindings:
            return False
        bound = self._bindings.key_to_bindings.get(event.key, ())
        if not any(binding.action == "back_to_feeds" for binding in bound):
            return False
        event.stop()
        event.prevent_default()
        self.action_switch_pane()
        return True
