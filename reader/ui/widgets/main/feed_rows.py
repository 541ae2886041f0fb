"""A row of the feed list drawn: its mark, the feed's (safe) name cut to its column as the
terminal draws it, and its unread count on the right, one line high and drawn once per width
(`OneLine`), without a Rich table where the row has room (`FeedRow`)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual
from textual.widget import Widget

from ...cell_width import NamesApart, fit_to_cells, terminal_cells
from ...display import isolated


class OneLine(RichVisual):
    """A row of the list, one line high whatever it holds, drawn once per width and style.

    Textual measured a Rich table's height by drawing it, every row each time the list changed,
    and drew every row on screen again (120 feeds: ~170 ms, then ~100 ms, of the event loop
    on a busy machine for one count that changed): a row changed is a new one of these, the
    others keep what they drew."""

    def __init__(self, widget: Widget, renderable: RenderableType) -> None:
        super().__init__(widget, renderable)
        self._drawn: dict[tuple[int, int | None, Style], list[Strip]] = {}

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        key = (width, height, style)
        strips = self._drawn.get(key)
        if strips is None:
            if len(self._drawn) > 8:  # a few styles (highlighted, hovered…) at a few widths
                self._drawn.clear()
            strips = self._drawn[key] = super().render_strips(width, height, style, options)
        return strips


class FeedTitle:
    """A feed's (safe) title cut to its column as the terminal draws it (`fit_to_cells`): cut
    by Rich's measure, a Devanagari one ran past the list's border. Titles cut alike are cut
    in the middle instead (`NamesApart`), so that the rows say which feed is which."""

    def __init__(self, shown: Text, names: NamesApart) -> None:
        # A Text, as only display.plain makes them here: the title is safe by its type.
        self.shown = shown
        self._names = names
        names.add(shown.plain)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, max(1, terminal_cells(self.shown.plain)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        cut = self._names.fit(self.shown.plain, options.max_width)
        uncounted, shown, padding = fit_to_cells(cut, options.max_width)
        # An Arabic or Hebrew name in its isolate, so that a terminal with bidi keeps the
        # unread count after the padding on the right, where the other rows have theirs.
        yield Segment(f"{uncounted}{isolated(shown)}{padding}")


class FeedRow:
    """One option: its `mark` (a feed failing, one with articles to fetch), the (safe) title,
    cut to fit, and the unread count on the right, a blank before each: the line `feed_grid`
    draws, made here without the table's measuring and layout, which took ~85 % of a row's
    drawing (the first screen draws every row of the list at once)."""

    def __init__(self, title: Text | FeedTitle, unread: int, mark: Text, depth: int = 0) -> None:
        self._title, self._unread, self._mark = title, unread, mark
        self._depth = depth
        """Folders the row is in (`folder_rows`): the title set in so many steps."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = Text(str(self._unread) if self._unread else "", style="dim")
        room = options.max_width - 3 - count.cell_len  # the title's, past the blanks
        if self._mark.cell_len != 1 or room < 1:
            yield feed_grid(self._title, count, self._mark)  # no room: the table's own collapse
            return
        yield _plain_segment(console, self._mark)
        yield _BLANK
        if self._depth:
            # Set in, but never past half the title's room: a narrow list keeps names to read.
            indent = min(INDENT * self._depth, room // 2)
            room -= indent
            yield Segment(" " * indent, RichStyle())
        if isinstance(self._title, Text):
            cut = options.update(width=room, justify="left", no_wrap=True, overflow="ellipsis")
            yield from console.render_lines(self._title, cut, style=RichStyle(), pad=True)[0]
        else:
            yield from self._title.__rich_console__(console, options.update_width(room))
        yield _BLANK
        if count:
            yield _plain_segment(console, count)


def _plain_segment(console: Console, text: Text) -> Segment:
    """`text`, of one style and no spans (a mark, a count), as one segment as a table draws it."""
    return Segment(text.plain, console.get_style(text.style) if text.style else None)


INDENT = 2
"""Cells a row is set in per folder it is in (newsraft's and a file manager's tree alike)."""

_BLANK = Segment(" ", RichStyle())
"""The blank before a row's title and before its count, as `feed_grid` pads them."""


def feed_grid(title: Text | FeedTitle, count: Text, mark: Text) -> Table:
    """The row as a table of three columns, which `FeedRow` draws alike where it has room."""
    grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(mark, title, count)
    return grid
