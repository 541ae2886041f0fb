"""The reading view: one article of the list the user came from, with next/previous."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from ...library import Headline
from ...models import UNREACHABLE, FetchError, StoreError
from ..widgets.article.article_body import ArticleBody
from ..widgets.key_bar import KeyBar
from ..widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from ..app import ReaderApp

FETCHING = "Fetching article…"
FROM_FEED = "this is the text the feed carried. Press o for the original."


class ArticleScreen(Screen[str | None]):
    """Shows `headlines[position]`; dismisses with the id of the entry shown last."""

    # Width classes for the key bar's rules in reader.tcss (as on the main screen).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("n", "next", "Next"),
        Binding("p", "previous", "Previous"),
        Binding("o", "open_original", "Original"),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("s", "toggle_saved", "Save"),
    ]

    def __init__(self, headlines: list[Headline], position: int) -> None:
        super().__init__()
        self.headlines = headlines
        """The list the article was opened from: `n` and `p` walk it."""
        self.position = position
        self.loaded = False
        """True once the current article (or its failure) is on screen."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def headline(self) -> Headline:
        return self.headlines[self.position]

    def compose(self) -> ComposeResult:
        yield ArticleBody(id="article")
        yield StatusBar(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ArticleBody).focus()
        self._show(self.position)

    def _show(self, position: int) -> None:
        self.position = position
        self.loaded = False
        entry = self.headline.entry
        self.query_one(ArticleBody).show_notice(entry, FETCHING)
        # exclusive: pressing n quickly cancels the wait for the previous article (its download
        # still completes into the cache in the background).
        self.run_worker(self._load(position), group="article", exclusive=True, exit_on_error=False)

    async def _load(self, position: int) -> None:
        entry = self.headlines[position].entry
        body = self.query_one(ArticleBody)
        try:
            article = await self.reader.read_article(entry)
        except FetchError as error:
            message = error.message[:1].upper() + error.message[1:]
            from_feed = None
            if error.kind in UNREACHABLE:
                with suppress(FetchError, StoreError):  # then only the reason is shown
                    from_feed = await self.reader.read_feed_text(entry)
            if from_feed is not None:
                # Offline, or the site is down: what the feed carried is better than nothing.
                body.show_article(entry, from_feed, f"{message.rstrip('.')}: {FROM_FEED}")
            else:
                hint = "Press o to open the original in your browser." if entry.link else ""
                # "…; open the original link in a browser" is the CLI's hint; the view has its own.
                message = message.split("; open the original", 1)[0]
                body.show_notice(entry, message, hint, error=True)
        except Exception as error:  # a bug must show as a line, not take the reader down
            body.show_notice(
                entry, f"Could not show this article: {type(error).__name__}", error=True
            )
        else:
            body.show_article(entry, article)
        self.loaded = True

    # -- actions -------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(self.headline.entry.id)

    def action_next(self) -> None:
        if self.position + 1 < len(self.headlines):
            self._show(self.position + 1)
        else:
            self.notify("That was the last article of the list.")

    def action_previous(self) -> None:
        if self.position > 0:
            self._show(self.position - 1)
        else:
            self.notify("This is the first article of the list.")

    def action_open_original(self) -> None:
        self.reader.open_original(self.headline.entry.link)

    def action_toggle_saved(self) -> None:
        self.reader.toggle_saved(self.headline.entry)

    def action_toggle_read(self) -> None:
        read = self.reader.toggle_read(self.headline.entry)
        self.notify("Marked as read." if read else "Marked as unread.")
