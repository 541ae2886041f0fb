"""The feed list on the left: "All feeds", "Saved" (every article saved for good, a feed's or
not, with their count), then every subscription with its unread count."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....models import Feed
from ...cell_width import fit_to_cells, terminal_cells
from ...display import plain
from ...headlines import SAVED_VIEW
from ...messages import FeedSelected
from ..vim_list import VimOptionList

ERROR_MARK = "!"
ALL_FEEDS = "All feeds"
SAVED = "Saved"


class FeedList(VimOptionList):
    """Pick the feed whose headlines the table shows; a `!` marks a feed whose last fetch failed."""

    COMPONENT_CLASSES = {"feed-list--failed"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._urls: list[str | None] = [None, SAVED_VIEW]
        """The feed URL of each option, by position (None: all feeds; `SAVED_VIEW`)."""
        self.feeds: dict[str, Feed] = {}
        self._shown: tuple[int, tuple[tuple[str, str, int, bool], ...]] | None = None
        """What the rows show now (saved; url, title, unread, failing), to skip rebuilding the
        same."""

    @property
    def selected_url(self) -> str | None:
        index = self.highlighted
        return self._urls[index] if index is not None and index < len(self._urls) else None

    def set_feeds(self, feeds: list[Feed], unread: Mapping[str, int], saved: int) -> None:
        """Show these feeds with their unread counts, and how many articles are `saved`,
        keeping the highlighted feed."""
        shown = (
            saved,
            tuple(
                (f.url, f.display_title, unread.get(f.url, 0), bool(f.last_error)) for f in feeds
            ),
        )
        self.feeds = {feed.url: feed for feed in feeds}
        if shown == self._shown:
            # Unchanged (an article arrived, a flag moved in another feed…): rebuilding 50 rows
            # of Rich tables would cost ~20 ms of the event loop for nothing.
            return
        self._shown = shown
        keep = self.selected_url
        self._urls = [None, SAVED_VIEW, *(feed.url for feed in feeds)]
        failed = self.get_component_rich_style("feed-list--failed")
        options = [
            Option(_row(Text(ALL_FEEDS, style="bold"), sum(unread.values()), None), "all"),
            Option(_row(Text(SAVED, style="bold"), saved, None), "saved"),
        ]
        for position, feed in enumerate(feeds):
            title = _FeedTitle(plain(feed.display_title, max_length=200))
            mark = failed if feed.last_error else None
            options.append(Option(_row(title, unread.get(feed.url, 0), mark), f"feed-{position}"))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.highlighted = self._urls.index(keep) if keep in self._urls else 0

    def select(self, feed_url: str | None) -> None:
        """Highlight this feed's row, quietly: the screen shows its headlines itself."""
        if feed_url in self._urls:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self._urls.index(feed_url)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(FeedSelected(self.selected_url))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter (or a click) on a feed: its headlines are already shown; go read them.
        event.stop()
        self.post_message(FeedSelected(self.selected_url))
        self.screen.focus_next()


class _FeedTitle:
    """A feed's (safe) title cut to its column as the terminal draws it (`fit_to_cells`): cut
    by Rich's measure, a Devanagari one ran past the list's border."""

    def __init__(self, shown: Text) -> None:
        # A Text, as only display.plain makes them here: the title is safe by its type.
        self.shown = shown

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, max(1, terminal_cells(self.shown.plain)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment("".join(fit_to_cells(self.shown.plain, options.max_width)))


def _row(title: Text | _FeedTitle, unread: int, failed: Style | None) -> Table:
    """One option: the (safe) title, cut to fit, and the unread count on the right; a feed
    whose last fetch `failed` marked in that style."""
    grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    mark = Text(" ") if failed is None else Text(ERROR_MARK, style=failed)
    grid.add_row(mark, title, Text(str(unread) if unread else "", style="dim"))
    return grid
