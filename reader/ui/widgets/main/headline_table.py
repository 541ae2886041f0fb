"""The headline list: a virtualised table drawn with the Line API.

Only the rows on screen are ever rendered (and cached), so 10,000 headlines load and scroll as
fast as 10. Each row shows: an unread marker, an "available offline" marker, the time, the
source and the title.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ....library import Headline
from ...display import plain, when
from ...messages import HeadlineChosen

UNREAD_MARK = "●"
OFFLINE_MARK = "↓"
SAVED_MARK = "★"
TIME_WIDTH = 10
SOURCE_WIDTH = 18


class HeadlineTable(ScrollView, can_focus=True):
    """Headlines of the selected feed, newest first, with a row cursor."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("enter", "choose", "Open"),
    ]

    COMPONENT_CLASSES = {
        "headline-table--cursor",
        "headline-table--unread",
        "headline-table--read",
        "headline-table--marker",
        "headline-table--offline",
        "headline-table--time",
        "headline-table--source",
        "headline-table--empty",
    }

    # repaint=False: watch_cursor refreshes the two rows that change, not the whole table.
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Position of the highlighted row in `rows`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Headline] = []
        self.empty_text = "Loading headlines…"
        """What the table says when it has no rows."""
        self._positions: dict[str, int] = {}
        self._strips: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)

    # -- data ----------------------------------------------------------------------------------
    @property
    def current(self) -> Headline | None:
        """The highlighted headline, if any."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_headlines(self, rows: list[Headline], keep: str | None = None) -> None:
        """Show `rows`; the cursor stays on the entry with id `keep` when it is still listed."""
        self.rows = rows
        self._positions = {h.entry.id: i for i, h in enumerate(rows)}
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        position = self._positions.get(keep, 0) if keep else 0
        self.cursor = min(position, max(0, len(rows) - 1))
        self.refresh()

    def update_headlines(self, changed: Iterable[Headline]) -> None:
        """Replace the rows of these entries (a read flag or the offline marker changed)."""
        for headline in changed:
            position = self._positions.get(headline.entry.id)
            if position is not None:
                self.rows[position] = headline
                self._strips.clear()
                self.refresh_line(position)

    def move_to(self, entry_id: str) -> None:
        """Put the cursor on an entry (after reading it elsewhere)."""
        position = self._positions.get(entry_id)
        if position is not None:
            self.cursor = position

    # -- cursor --------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        height = self.scrollable_content_region.height or 1
        top = round(self.scroll_y)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(HeadlineChosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = offset.y + round(self.scroll_y)
        if 0 <= position < len(self.rows):
            self.cursor = position
            self.post_message(HeadlineChosen(position))

    # -- drawing -------------------------------------------------------------------------------
    def on_resize(self, _event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self._strips.clear()

    def on_focus(self) -> None:
        self._strips.clear()

    def on_blur(self) -> None:
        self._strips.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = y + round(self.scroll_y)
        base = self.rich_style
        if not self.rows:
            if y != 0:
                return Strip.blank(width, base)
            style = self.get_component_rich_style("headline-table--empty")
            return self._strip(Text(" " + self.empty_text, style=style), width, base)
        if position >= len(self.rows):
            return Strip.blank(width, base)
        key = (position, width, position == self.cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(self.rows[position], width, position == self.cursor, base)
            self._strips[key] = strip
        return strip

    def _render_row(self, headline: Headline, width: int, is_cursor: bool, base: Style) -> Strip:
        style = self.get_component_rich_style
        entry = headline.entry
        title_style = style("headline-table--read" if headline.read else "headline-table--unread")
        row = Text(" ", end="")
        row.append(" " if headline.read else UNREAD_MARK, style("headline-table--marker"))
        row.append(" ")
        row.append(OFFLINE_MARK if headline.cached else " ", style("headline-table--offline"))
        row.append(SAVED_MARK if headline.saved else " ", style("headline-table--marker"))
        row.append(" ")
        row.append(
            when(entry.published or entry.updated).ljust(TIME_WIDTH), style("headline-table--time")
        )
        row.append("  ")
        source = plain(entry.feed_title, style("headline-table--source"), max_length=200)
        source.truncate(SOURCE_WIDTH, overflow="ellipsis", pad=True)
        row.append_text(source)
        row.append("  ")
        row.append_text(
            plain(entry.title or entry.link or "(untitled)", title_style, max_length=500)
        )
        if is_cursor:
            row.truncate(width, overflow="ellipsis", pad=True)  # so the cursor spans the row
            row.stylize(style("headline-table--cursor"))
        return self._strip(row, width, base)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(base).crop_extend(0, width, base)
