"""The main screen's subscriptions, changed without leaving the reader: `a` adds a feed by its
address or a site's (the feed found as `reader add` finds it), `R` renames the feed shown (in the
feed list, or whose headlines are shown; empty: its own title again), `D` or Delete removes it
once the user says yes; on a search feed's row, those two are the search feed's
(`MainSearchFeeds`). The work is the app's (`app_feeds`): the network in a worker, the store
written off the screen's loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import events
from textual.binding import Binding
from textual.screen import Screen

from ...models import Feed
from ...plural import plural
from ..display import plain
from ..headlines import view_search_feed
from ..keymap import keymap_of
from ..messages import FoldersFolded
from ..widgets.main.feed_list import FeedList

if TYPE_CHECKING:
    from ..app import ReaderApp


def no_feed(what: str) -> str:
    """What `R` or `D` (`what` they do) says on a list that is no one feed's ("All feeds",
    "Saved", a tag's): "choose one in the feed list (Tab) first" was said to one already in it,
    on the "All feeds" row (acc44a A19)."""
    return (
        f"This list is not one feed's: move to a feed's own row in the feed list (Tab, then j"
        f" or k) to {what} it."
    )


def removal_question(asked: str, headlines: int, saved: int, many: bool = False) -> str:
    """`D`'s question (`asked`: "Remove “Harbour Ledger”?"), saying what goes with the feed and
    what stays: of one feed, or of `many` (the failing ones listed)."""
    its, it = ("their", "them") if many else ("its", "it")
    question = (
        f"{asked} {its.capitalize()} {plural(headlines, 'headline')} and their read marks go;"
        f" the articles cached from {it} stay until the cache's limits evict them"
    )
    if saved:
        question += (
            f", and {its} {plural(saved, 'saved article stays', 'saved articles stay')} in Saved"
        )
    return question + "."


class MainScreenFeeds(Screen[None]):
    """`a`, `R` and `D` over the feed list (see `MainScreen`)."""

    BINDINGS = [
        # On the key bar while the feed list is in use (`reader.tcss`: hidden otherwise), where
        # a newcomer looked for how to add a feed (acc45 A11).
        Binding("a", "add_feed", "Add feed"),
        Binding("R", "rename_feed", "Rename feed", show=False),
        Binding("D,delete", "remove_feed", "Remove"),
        # newsboat's `r` (its `R` is every feed, `r` here): the feed or tag shown alone.
        Binding("ctrl+r", "refresh_shown", "Refresh feed", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.feed_url: str | None = None

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def _feed_shown(self) -> Feed | None:
        """The feed highlighted in the feed list, whose headlines are shown; None on "All
        feeds", "Saved" or a search's hits."""
        return self.query_one(FeedList).feeds.get(self.feed_url or "")

    def _ask_line(
        self,
        question: str,
        hint: str,
        answered: Callable[[str], None],
        value: str = "",
        check: Callable[[str], str] | None = None,
        refused: str = "",
    ) -> None:
        """The one-line question of `a` and `R`; `answered` hears the line on Enter (not Esc),
        but one `check` refuses (says why), which stays in the dialog to be mended."""
        from ..dialogs.feed_input import FeedInputScreen

        def entered(line: str | None) -> None:
            if line is not None:
                answered(line)

        self.app.push_screen(
            FeedInputScreen(question, value=value, hint=hint, check=check, refused=refused),
            entered,
        )

    def action_add_feed(self, value: str = "") -> None:
        """`a`: the "Add a feed" line, holding `value` (an address pasted on the lists)."""
        self.reader.ask_to_add_feed(value)

    def on_paste(self, event: events.Paste) -> None:
        """A paste on the lists (the search line keeps its own): one address opens "Add a
        feed" with it in the line, Enter away from added; anything else says where addresses
        go. It was ignored, unsaid: one who pasted before pressing `a` had no hint (acc45b B6)."""
        event.stop()
        from ...typed_address import typed_address

        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) == 1 and typed_address(lines[0]).url:
            self.action_add_feed(lines[0])
            return
        key = keymap_of(self.app).key("add_feed", "the headlines")
        said = "Nothing here takes a paste"
        if key is not None:
            said += f": to add a feed, press {key} and paste its address into that line."
        self.notify(said, timeout=4, markup=False)

    def fold_folders(self, closed: frozenset[tuple[str, ...]]) -> None:
        """The feed list's folders folded as the reader was left (before its first rows)."""
        self.query_one(FeedList).closed = closed

    def on_folders_folded(self, message: FoldersFolded) -> None:
        self.reader.keep_folded_folders(message.closed)

    def action_refresh_shown(self) -> None:
        self.reader.refresh_view(self.feed_url)

    def _feed_to_change(
        self, what: str, search_feed: Callable[[], None], asks: bool = False
    ) -> Feed | None:
        """The feed `R` or `D` (`what` they do) changes, the one shown (`_feed_shown`); None
        where the reader refuses it (but for a question, `asks`: refused in it), on a list of
        no one feed (said so), and on a search feed's row, where `search_feed` does it to the
        search feed instead."""
        search = view_search_feed(self.feed_url) is not None
        feed = None if search else self._feed_shown()
        # A feed's new name is asked all the same (`asks`), Enter refusing it: the name typed
        # next is not taken for keys (acc49a A10).
        if (feed is None or not asks) and self.reader.refuses(what):
            return None
        if search:
            search_feed()
            return None
        if feed is None:
            self.notify(no_feed(what), timeout=3, markup=False)
        return feed

    def action_rename_feed(self) -> None:
        feed = self._feed_to_change("rename", self.rename_search_feed, asks=True)
        if feed is None:
            return
        shown = plain(feed.display_title, max_length=60).plain
        before = plain(feed.display_title).plain
        own = plain(feed.title, max_length=60).plain if feed.title else "its address"

        def answered(name: str) -> None:
            if name.strip() != before:  # Enter on the name as it was: no name of the user's
                self.reader.rename_feed(feed.url, name)

        self._ask_line(
            f"Rename “{shown}”",
            f"Emptied: back to its own title ({own}) · Esc: as it was",
            answered,
            value=before,
            refused=self.reader.refusal("rename"),
        )

    if TYPE_CHECKING:

        def remove_search_feed(self) -> None: ...  # `MainSearchFeeds`'

        def removes_failing(self) -> bool: ...  # `MainScreenFailing`'

        def remove_failing(self) -> None: ...

        def rename_search_feed(self) -> None: ...  # `MainSearchFeeds`'

    def action_remove_feed(self) -> None:
        from ..dialogs.confirm import ConfirmScreen

        if self.removes_failing():
            if not self.reader.refuses("remove"):
                self.remove_failing()
            return
        feed = self._feed_to_change("remove", self.remove_search_feed)
        if feed is None:
            return
        index = self.reader.index
        headlines = index.view(feed.url)
        name = plain(feed.display_title, max_length=60).plain
        question = removal_question(
            f"Remove “{name}”?", len(headlines), sum(h.saved for h in headlines)
        )
        question += " (y / n)"
        urls = [f.url for f in index.feeds]
        place = urls.index(feed.url) if feed.url in urls else -1
        others = urls[place + 1 : place + 2] or urls[max(place - 1, 0) : place]
        then_show = others[0] if others and place >= 0 else None

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader.remove_feed(feed.url, then_show)

        self.app.push_screen(ConfirmScreen(question), answered)
