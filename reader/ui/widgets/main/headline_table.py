"""The headline list: a virtualised table drawn with the Line API.

Only the rows on screen are ever rendered (and cached), so 10,000 headlines load and scroll as
fast as 10. Each row shows: an unread marker, an "available offline" marker, the time, the
source and the title. On a narrow table the source column narrows, then the date loses its year,
then the title gives up some of its room to a source of 10 cells (at 80 columns "All feeds" mixes
sixty feeds: which one a headline is from is worth a third of a title), then the source goes,
then the date (see `columns_for`). One feed's list has no source column: its pane's title names
the feed. A list given `details` (a text search's hits, with their snippets) gives each row a
second line, dimmed, under the time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ....feed_names import source_name
from ....feed_tags import hashed_tags
from ....marks import CUT_MARK, UNREAD_MARK, as_letter, offline_mark, saved_mark
from ....models import Entry
from ....reports import LIVE_WORD, Headline, listed_at, saved_moment
from ....url_display import shown_url
from ...cell_width import NamesApart, fit_to_cells
from ...display import isolated, plain, when
from ...hit_lines import HitLines, to_its_match
from ...messages import ColumnsHidden, DayTurned, HeadlineChosen
from ..article.scroll_keys import (
    BOTTOM_KEYS,
    DOWN_KEYS,
    HALF_PAGE_DOWN_KEYS,
    HALF_PAGE_UP_KEYS,
    PAGE_DOWN_KEYS,
    PAGE_UP_KEYS,
    TOP_KEYS,
    UP_KEYS,
)
from .border_title import fit_title, set_border_title

MARKER_CELLS = 6
"""Cells before the time: margin, unread, margin, offline, saved, margin."""
TIME_WIDTH = 10
SHORT_TIME_WIDTH = 5
"""`MM-DD` or `HH:MM`: the date without its year, on a narrow table."""
SOURCE_WIDTH = 18
SOURCE_MIN_WIDTH = 10
"""Narrower than this, a source says too little ("Northwi…"): the column goes instead."""
SOURCE_MAX_WIDTH = 26
GAP = 2
"""Blank cells after the time and after the source."""
GAP_TEXT = " " * GAP
TITLE_ROOM = 40
"""Cells the title keeps before the source and then the date give up theirs."""
TITLE_MIN = 28
"""Cells the title gives up room down to, to keep a source of SOURCE_MIN_WIDTH cells."""
TITLE_WIDE = 100
"""With more room than this for the title, the source column widens (up to SOURCE_MAX_WIDTH)."""


@dataclass(frozen=True)
class Columns:
    """How wide the time and source columns of a row are (0: not shown) at one table width."""

    time: int
    source: int

    @property
    def prefix(self) -> int:
        """Cells before the title."""
        time = self.time + GAP if self.time else 0
        source = self.source + GAP if self.source else 0
        return MARKER_CELLS + time + source


@lru_cache(maxsize=64)
def columns_for(width: int, source: bool = True) -> Columns:
    """The columns of a table `width` cells wide: the title keeps TITLE_ROOM cells while the
    source narrows and the date drops its year, then TITLE_MIN cells while the source is at its
    narrowest; then the source goes and last the date. Without
    `source` (one feed's headlines, named by the pane's title) the title has its cells too;
    the date is the same."""
    spare = width - MARKER_CELLS - TITLE_ROOM  # cells the time and the source may take
    full = TIME_WIDTH + GAP + SOURCE_WIDTH + GAP
    if not source:  # the date as it would be beside a source, the source's cells the title's
        return Columns(columns_for(width).time, 0)
    if spare >= full:
        wider = width - MARKER_CELLS - full - TITLE_WIDE
        return Columns(TIME_WIDTH, min(SOURCE_MAX_WIDTH, SOURCE_WIDTH + max(0, wider)))
    short = SHORT_TIME_WIDTH + GAP
    if spare >= short + SOURCE_MIN_WIDTH + GAP:
        return Columns(SHORT_TIME_WIDTH, min(SOURCE_WIDTH, spare - short - GAP))
    if width - MARKER_CELLS - TITLE_MIN >= short + SOURCE_MIN_WIDTH + GAP:
        return Columns(SHORT_TIME_WIDTH, SOURCE_MIN_WIDTH)
    if spare >= short:
        return Columns(SHORT_TIME_WIDTH, 0)
    return Columns(0, 0)


@dataclass(frozen=True)
class _RowStyles:
    """The final style of each column of a row (base, then the column's, then the cursor's)."""

    blank: Style
    marker: Style
    offline: Style
    time: Style
    source: Style
    heading: Style

    @classmethod
    def resolve(
        cls, component: Callable[[str], Style], is_cursor: bool, read: bool, base: Style
    ) -> _RowStyles:
        cursor = component("headline-table--cursor") if is_cursor else Style.null()

        def final(name: str | None) -> Style:
            # As `Text.render` then `Strip.apply_style` combine them, so both paths agree.
            own = component(name) if name else Style.null()
            return base + (own + cursor)

        return cls(
            blank=final(None),
            marker=final("headline-table--marker"),
            offline=final("headline-table--offline"),
            time=final("headline-table--time"),
            source=final("headline-table--source"),
            heading=final("headline-table--read" if read else "headline-table--unread"),
        )


@lru_cache(maxsize=1024)
def _source_cell(clean: str, width: int) -> tuple[str, str]:
    """A (display-safe) feed title cut or padded to exactly `width` cells, as a terminal draws
    it (`fit_to_cells`): the cells only Rich counts, and the title with its padding. A few
    feeds, many rows."""
    uncounted, shown, padding = fit_to_cells(clean, width)
    # An Arabic or Hebrew name in its isolate, the padding outside it: in a terminal with
    # bidi it and an Arabic title after it made one run, each drawn in the other's column.
    return uncounted, isolated(shown) + padding


class HeadlineTable(ScrollView, can_focus=True):
    """Headlines of the selected feed, newest first, with a row cursor."""

    BINDINGS = [
        Binding(DOWN_KEYS, "cursor_down", "Down", show=False),
        Binding(UP_KEYS, "cursor_up", "Up", show=False),
        # The reading view's page keys too (less's space / b, vim's Ctrl-F / Ctrl-B): space
        # alone paging down, with nothing to page back up, was a trap.
        Binding(PAGE_DOWN_KEYS, "page_down", "Page down", show=False),
        Binding(PAGE_UP_KEYS, "page_up", "Page up", show=False),
        Binding(HALF_PAGE_DOWN_KEYS, "half_page(1)", "Half a page down", show=False),
        Binding(HALF_PAGE_UP_KEYS, "half_page(-1)", "Half a page up", show=False),
        Binding(TOP_KEYS, "first", "First", show=False),
        Binding(BOTTOM_KEYS, "last", "Last", show=False),
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
        "headline-table--failed",
        "headline-table--detail",
    }

    # repaint=False: watch_cursor refreshes the two rows that change, not the whole table.
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Position of the highlighted row in `rows`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Headline] = []
        self._empty_text = "Loading headlines…"
        self._position_index: dict[str, int] | None = {}
        # A few pages: a row redraws in ~25 µs, and every cached strip (~17 objects with its caches)
        # is walked by each full garbage collection.
        self._strips: LRUCache[tuple[int, int, bool, int], Strip] = LRUCache(256)
        self._base: Style | None = None
        self._styles: dict[tuple[bool, bool], _RowStyles] = {}
        self._typed_ahead: list[Callable[[], None]] | None = []
        """The moves and Enter typed while the headlines were still loading, to replay on them
        (None once they are shown): `j j Enter` typed as the reader starts opens the third."""
        self._title = (Text(), "")
        """The feed's name and the count after it, fitted to the border by `_fit_title`."""
        self.placed = False
        """Whether the user has put the cursor where it is (a key, a click, a search, back
        from an article): on a list just shown it is on the first row by itself, and stays
        on the newest headline as a refresh brings them (`refill`)."""
        self._placing = False
        """Set while the list itself moves the cursor (not the user)."""
        self.show_source = True
        """Whether rows name their feed: not in one feed's list, whose title names it (as
        newsboat's article list shows the feed only in a query feed)."""
        self.by_saving = False
        """Whether rows are dated by when their article was saved ("Saved", "Archive", lists
        ordered by it), not by when it was published."""
        self._hidden_said = ""
        """What `_say_hidden` last said."""
        self.names: Mapping[str, str] = {}
        """Feed address → the user's name for it, which rows name the feed by (`source_name`)."""
        self._sources = NamesApart()
        """The sources the rows name, cut so that they differ (`fit_apart`): six feeds of one
        publisher read "Harbour T…" alike in "All feeds" (acc36 S3), as the feed list's did."""
        self._sources_stale = True
        """The rows changed since `_sources` was filled (`_source`)."""
        self.details: Mapping[str, str] | None = None
        """Entry id → the second line of its row (a search's snippet, "" for none); None: a
        row is one line."""
        self.also_in: Callable[[str], list[str]] = _nowhere_else
        """Entry id → the names of the other feeds listing its article, which its row says
        after its title in a list that shows it once ("All feeds": acc39b Q3)."""
        self.now: Callable[[], datetime] = _local_now
        """The clock rows' times are read by: "19:43" today, the date before."""
        self._drawn_on: date | None = None
        """The day the rows were drawn on (`_day_turned`)."""
        self.plain = False
        """The plain layout's (`[ui] plain`): the marks as letters (`marks.as_letter`)."""

    DAY_CHECK_SECONDS = 60.0
    """How often the table looks whether the day turned. Looked at, not timed to midnight: a
    machine asleep across it holds a timer back by as long as it slept."""

    def on_mount(self) -> None:
        self.plain = bool(getattr(self.app, "plain", False))
        self._drawn_on = self.now().date()
        self.set_interval(self.DAY_CHECK_SECONDS, self._day_turned)

    def _day_turned(self) -> None:
        """The rows drawn again once the day has turned: a row's bare time is today's, and
        a reader left open across midnight showed yesterday's "19:43" as if today until its
        list was made again (acc43c C1)."""
        today = self.now().date()
        if today != self._drawn_on:
            self._drawn_on = today
            self._strips.clear()
            self.refresh()
            self.post_message(DayTurned())

    @property
    def row_lines(self) -> int:
        """The lines each row takes: two with `details`."""
        return 1 if self.details is None else 2

    def _lines(self) -> int:
        return len(self.rows) * self.row_lines

    # -- data ----------------------------------------------------------------------------------
    @property
    def _positions(self) -> dict[str, int]:
        """Entry id → row."""
        if self._position_index is None:
            self._position_index = {h.entry.id: i for i, h in enumerate(self.rows)}
        return self._position_index

    @property
    def current(self) -> Headline | None:
        """The highlighted headline, if any."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_headlines(
        self,
        rows: list[Headline],
        keep: str | None = None,
        *,
        show_source: bool = True,
        by_saving: bool = False,
        names: Mapping[str, str] | None = None,
        details: Mapping[str, str] | None = None,
        also_in: Callable[[str], list[str]] | None = None,
    ) -> None:
        """Show `rows`, naming their feed (by the user's `names` for feeds, where given) or
        not, each with a second line of its `details` when given; the cursor stays on the
        entry with id `keep` when it is still listed."""
        shown = self._shown_lines()
        self.rows = rows
        self.show_source = show_source
        self.by_saving = by_saving
        self.names = names or {}
        self._sources_stale = True
        self.details = details
        self.also_in = also_in or _nowhere_else
        self._position_index = None  # built when first asked: a feed switch may never need it
        self._strips.clear()
        self.virtual_size = Size(self.size.width, self._lines())
        position = self._positions.get(keep, 0) if keep else 0
        self.placed = keep is not None  # on the headline it was on, or one chosen for the user
        self._place(min(position, max(0, len(rows) - 1)))
        self._repaint_changed(shown)
        typed, self._typed_ahead = self._typed_ahead, None
        for action in typed or ():
            action()

    def refill(self, rows: list[Headline]) -> None:
        """Show `rows`, the list with headlines just come in, keeping the user's place: the
        cursor stays on the headline they put it on, and on the screen's line it was on when
        the list was scrolled (the rows come in above it out of sight). A cursor the user has
        not moved stays on the first row: the newest headline, as they come in."""
        current, cursor, top = self.current, self.cursor, round(self.scroll_y)
        self.rows = rows
        self._sources_stale = True
        self._position_index = None
        self._strips.clear()
        self.virtual_size = Size(self.size.width, self._lines())
        position = 0
        if current is not None and (self.placed or top):
            position = self._positions.get(current.entry.id, min(cursor, len(rows) - 1))
        if top:
            down = (position - cursor) * self.row_lines
            self.scroll_to(y=max(0, top + down), animate=False, immediate=True)
        self._place(max(0, position))
        self.refresh()
        typed, self._typed_ahead = self._typed_ahead, None
        for action in typed or ():
            action()

    @property
    def empty_text(self) -> str:
        """What the table says when it has no rows."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        # Repainted here: set before the rows, it is already in the lines `set_headlines`
        # compares with, which found nothing changed and left the old words on the screen.
        if text != self._empty_text:
            self._empty_text = text
            if not self.rows:
                self.refresh()

    def _shown_lines(self) -> tuple[float, list[Strip]]:
        """Where the list is scrolled to and the lines it shows there, as `render_line` draws
        them: to be compared with those of the rows set next (`_repaint_changed`)."""
        height = self.scrollable_content_region.height
        return self.scroll_y, [self.render_line(y) for y in range(height)]

    def _repaint_changed(self, shown: tuple[float, list[Strip]]) -> None:
        """Repaint the lines that differ from those `shown` before, not the whole list: a
        refresh bringing nothing new lists the same headlines again, and each repaint of the
        list cost ~9 KB at 80x24 to a phone over ssh (acc40c R2)."""
        scroll_y, before = shown
        if scroll_y != self.scroll_y or not before:
            self.refresh()
            return
        for y, line in enumerate(before):
            if self.render_line(y) != line:
                self.refresh_line(y + round(scroll_y))

    def _place(self, position: int) -> None:
        """Move the cursor for the list (the user's place, `placed`, is left as it was)."""
        self._placing = True
        try:
            self.cursor = position
        finally:
            self._placing = False

    def _typed_early(self, action: Callable[[], None]) -> bool:
        """True (and `action` kept for later) while the headlines are still loading."""
        if self._typed_ahead is None:
            return False
        self._typed_ahead.append(action)
        return True

    def update_headlines(self, changed: Iterable[Headline]) -> None:
        """Replace the rows of these entries (a read flag or the offline marker changed)."""
        for headline in changed:
            position = self._positions.get(headline.entry.id)
            if position is not None:
                self.rows[position] = headline
                # Only this row's strips: a sync marks hundreds of rows cached, one at a time.
                width = self.scrollable_content_region.width
                for line in range(self.row_lines):
                    self._strips.discard((position, width, False, line))
                    self._strips.discard((position, width, True, line))
                self._refresh_row(position)

    def lists(self, entry_id: str) -> bool:
        """Whether the entry is one of the rows."""
        return entry_id in self._positions

    def move_to(self, entry_id: str) -> None:
        """Put the cursor on an entry (after reading it elsewhere)."""
        position = self._positions.get(entry_id)
        if position is not None:
            self.cursor = position

    # -- cursor --------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def _refresh_row(self, position: int) -> None:
        for line in range(self.row_lines):
            self.refresh_line(position * self.row_lines + line)

    def watch_cursor(self, old: int, new: int) -> None:
        self.placed = self.placed or not self._placing
        self._refresh_row(old)
        self._refresh_row(new)
        self._cursor_in_view()
        self._say_hidden()

    def _say_hidden(self) -> None:
        """Tell the screen what the selected row is too narrow to show (`ColumnsHidden`), when
        that changes: its feed and date, gone from the rows under about 60 columns."""
        headline, width = self.current, self.scrollable_content_region.width
        line = ""
        if headline is not None and width > 0:
            columns = columns_for(width, self.show_source)
            entry = headline.entry
            said = [
                self._source_name(entry) if self.show_source and not columns.source else "",
                "" if columns.time else self._dated(headline),
            ]
            line = " · ".join(part for part in said if part)
        if line != self._hidden_said:
            self._hidden_said = line
            self.post_message(ColumnsHidden(line))

    def _dated(self, headline: Headline, short: bool | None = None) -> str:
        """A row's time: when its article was saved in the lists ordered by it (`by_saving`),
        else as `reader list` dates it (`listed_at`: a live blog's last update); `short` as the
        time column fits (None: the line saying what the row is too narrow to show, which says
        which it is)."""
        saved = saved_moment(headline) if self.by_saving else None
        if short is None:
            return f"saved {when(saved)}" if saved else when(listed_at(headline))
        return when(saved or listed_at(headline), self.now(), short=short)

    def selected_line(self) -> int | None:
        """The line of the view the cursor's row starts on, where the terminal cursor goes for a
        screen reader (`reading_cursor`); with no rows, the top one (the line saying why)."""
        if not self.rows:
            return 0
        return self.cursor * self.row_lines - round(self.scroll_y)

    def _cursor_in_view(self) -> None:
        """Scroll as little as shows the cursor's row whole."""
        height = self.scrollable_content_region.height or 1
        top = round(self.scroll_y)
        first, last = self.cursor * self.row_lines, (self.cursor + 1) * self.row_lines - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=max(0, last - height + 1), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        if not self._typed_early(self.action_cursor_down):
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if not self._typed_early(self.action_cursor_up):
            self.cursor -= 1

    def _page(self) -> int:
        """The rows a page key moves by: a screenful but one."""
        return max(1, self.scrollable_content_region.height // self.row_lines - 1)

    def action_page_down(self) -> None:
        if not self._typed_early(self.action_page_down):
            self.cursor += self._page()

    def action_page_up(self) -> None:
        if not self._typed_early(self.action_page_up):
            self.cursor -= self._page()

    def action_half_page(self, direction: int) -> None:
        """Ctrl-D / Ctrl-U as in vim: the view and the cursor half a screen of rows on together,
        the cursor keeping its line of the screen (at the list's end, where the view can't
        move, the cursor alone), so the eye finds it where it was."""
        if self._typed_early(lambda: self.action_half_page(direction)):
            return
        rows = max(1, self.scrollable_content_region.height // self.row_lines // 2)
        top = round(self.scroll_y) + direction * rows * self.row_lines
        self.scroll_to(y=max(0, top), animate=False, immediate=True)
        self.cursor += direction * rows

    def action_first(self) -> None:
        if not self._typed_early(self.action_first):
            self.cursor = 0

    def action_last(self) -> None:
        if not self._typed_early(self.action_last):
            self.cursor = len(self.rows) - 1

    def action_line(self, row: int) -> None:
        """vim's `10G`: the 10th headline, or the last (`counts`)."""
        if not self._typed_early(lambda: self.action_line(row)):
            self.cursor = row - 1

    def action_choose(self) -> None:
        if not self._typed_early(self.action_choose) and self.current is not None:
            self.post_message(HeadlineChosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = (offset.y + round(self.scroll_y)) // self.row_lines
        if 0 <= position < len(self.rows):
            self.cursor = position
            self.post_message(HeadlineChosen(position))

    def set_title(self, name: Text, tail: str) -> None:
        """The border's title: the feed's `name` (through `plain`), then `tail` (the count)."""
        self._title = (name, tail)
        self._fit_title()

    # -- drawing -------------------------------------------------------------------------------
    def _fit_title(self) -> None:
        # "╭─ " before the title, " ─╮" at least after it (Textual's `render_row`).
        set_border_title(self, fit_title(*self._title, self.outer_size.width - 6))

    def on_resize(self, _event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._lines())
        self._strips.clear()
        self._fit_title()
        self._say_hidden()
        # A terminal made lower left the cursor below the view, no row lit, until a key
        # (acc29a K6); once the new height is laid out.
        self.call_after_refresh(self._cursor_in_view)

    def on_focus(self) -> None:
        self._forget_styles()

    def on_blur(self) -> None:
        self._forget_styles()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_styles()

    def redraw_details(self) -> None:
        """Draw the rows again: their `details` (a search's lines) changed."""
        self._strips.clear()
        self.refresh()

    def _forget_styles(self) -> None:
        # The cursor's colours depend on focus; a theme or CSS change alters every style.
        self._strips.clear()
        self._styles.clear()
        self._base = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position, line = divmod(y + round(self.scroll_y), self.row_lines)
        base = self._base_style()
        if not self.rows:
            # Folded, not cut: "None of the 2 feeds could be fetched (…). Press r to retry."
            # is what to do, and the pane beside a feed list as wide as its names is narrower.
            style = self.get_component_rich_style("headline-table--empty")
            folded = Text(self.empty_text, style=style).wrap(self.app.console, max(1, width - 1))
            if y >= len(folded):
                return Strip.blank(width, base)
            return self._strip(Text(" ") + folded[y], width, base)
        if position >= len(self.rows):
            return Strip.blank(width, base)
        key = (position, width, position == self.cursor, line)
        strip = self._strips.get(key)
        if strip is None:
            headline, is_cursor = self.rows[position], position == self.cursor
            if line:
                strip = self._render_detail(headline, width, is_cursor, base)
            else:
                strip = self._render_row(headline, width, is_cursor, base)
            self._strips[key] = strip
        return strip

    def _render_detail(self, headline: Headline, width: int, is_cursor: bool, base: Style) -> Strip:
        """A row's second line: its `details`, dimmed, from under the time to the row's end
        (in the cursor's colours with the row above it: one hit, two lines)."""
        text = (self.details or {}).get(headline.entry.id, "")
        styles = self._row_styles(is_cursor, headline.read, base)
        detail = base + (
            self.get_component_rich_style("headline-table--detail")
            + (
                self.get_component_rich_style("headline-table--cursor")
                if is_cursor
                else Style.null()
            )
        )
        room = width - MARKER_CELLS
        if room < 1:
            return Strip([Segment(" " * width, styles.blank)], width)
        line = plain(text, max_length=500).plain
        if isinstance(self.details, HitLines):
            entry_id = headline.entry.id
            word, lead = self.details.word(entry_id), self.details.lead(entry_id)
            line = to_its_match(line, word, room, CUT_MARK, lead)
        uncounted, shown, padding = fit_to_cells(line, room)
        segments = [Segment(" " * MARKER_CELLS, styles.blank)]
        if uncounted:
            segments.append(Segment(uncounted, styles.blank))
        if shown:
            segments.append(Segment(isolated(shown), detail))
        if padding:
            segments.append(Segment(padding, styles.blank))
        return Strip(segments, width)

    def _base_style(self) -> Style:
        # `rich_style` walks every ancestor's styles (~20 µs); a scrolled page asks once per
        # line. It changes only when styles do, which also clears the cached strips.
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _row_styles(self, is_cursor: bool, read: bool, base: Style) -> _RowStyles:
        key = (is_cursor, read)
        styles = self._styles.get(key)
        if styles is None:
            styles = _RowStyles.resolve(self.get_component_rich_style, is_cursor, read, base)
            self._styles[key] = styles
        return styles

    def _render_row(self, headline: Headline, width: int, is_cursor: bool, base: Style) -> Strip:
        columns = columns_for(width, self.show_source)
        room = width - columns.prefix  # cells left for the title
        if room < 1:
            return self._render_row_text(headline, width, is_cursor, base)
        # The same segments (text, boundaries, styles) as `_render_row_text`, built without a
        # `Text`: a page of new rows (pagedown, G) costs 36 of these in one frame.
        entry = headline.entry
        styles = self._row_styles(is_cursor, headline.read, base)
        title = plain(self._title_of(headline), max_length=500).plain
        # Measured as the terminal draws it (Devanagari's vowel signs take a cell each, which
        # Rich counts as none): a title cut by Rich's measure pushed the border off the row.
        uncounted, title, padding = fit_to_cells(title, room)
        blank = styles.blank
        unread, offline, saved = self._marks(headline)
        segments = [
            Segment(" ", blank),
            Segment(unread, styles.marker),
            Segment(" ", blank),
            Segment(offline, styles.offline),
            Segment(saved, styles.marker),
            Segment(" ", blank),
        ]
        if columns.time:
            moment = self._dated(headline, columns.time < TIME_WIDTH)
            segments.append(Segment(moment.ljust(columns.time), styles.time))
            segments.append(Segment(GAP_TEXT, blank))
        if columns.source:
            uncounted_source, source = _source_cell(
                self._source(entry, columns.source), columns.source
            )
            if uncounted_source:
                segments.append(Segment(uncounted_source, blank))
            segments.append(Segment(source, styles.source))
            segments.append(Segment(GAP_TEXT, blank))
        if uncounted:
            segments.append(Segment(uncounted, blank))
        if title:
            segments.append(Segment(isolated(title), styles.heading))
        if padding:
            segments.append(Segment(padding, blank))
        return Strip(segments, width)

    def _marks(self, headline: Headline) -> tuple[str, str, str]:
        """The row's unread, offline and saved marks: letters in the plain layout."""
        marks = (
            " " if headline.read else UNREAD_MARK,
            offline_mark(headline),
            saved_mark(headline),
        )
        if not self.plain:
            return marks
        unread, offline, saved = map(as_letter, marks)
        return unread, offline, saved

    def _render_row_text(
        self, headline: Headline, width: int, is_cursor: bool, base: Style
    ) -> Strip:
        """A row through `rich.text.Text`: the reference `_render_row` matches, used when the
        table is too narrow for the title (the cut then falls in the fixed columns)."""
        style = self.get_component_rich_style
        columns = columns_for(width, self.show_source)
        entry = headline.entry
        title_style = style("headline-table--read" if headline.read else "headline-table--unread")
        unread, offline, saved = self._marks(headline)
        row = Text(" ", end="")
        row.append(unread, style("headline-table--marker"))
        row.append(" ")
        row.append(offline, style("headline-table--offline"))
        row.append(saved, style("headline-table--marker"))
        row.append(" ")
        if columns.time:
            moment = self._dated(headline, columns.time < TIME_WIDTH)
            row.append(moment.ljust(columns.time), style("headline-table--time"))
            row.append(GAP_TEXT)
        if columns.source:
            source = Text(self._source(entry, columns.source), style("headline-table--source"))
            source.truncate(columns.source, overflow="ellipsis", pad=True)
            row.append_text(source)
            row.append(GAP_TEXT)
        row.append_text(plain(self._title_of(headline), title_style, max_length=500))
        if is_cursor:
            row.truncate(width, overflow="ellipsis", pad=True)  # so the cursor spans the row
            row.stylize(style("headline-table--cursor"))
        return self._strip(row, width, base)

    def _source(self, entry: Entry, cells: int) -> str:
        """The (display-safe) name of `entry`'s feed as its row shows it in `cells` cells: cut
        in the middle where the rows' sources cut at the end read alike (`NamesApart`)."""
        name = self._source_name(entry)
        if len(name) <= cells // 2 or (len(name) <= cells and name.isascii()):
            return name  # it fits: no other's cut can read like it, no row need be looked at
        if self._sources_stale:
            self._sources_stale = False
            self._sources.clear()
            # Every row's feed looked at (51,220 rows of a year's cache: 25 ms at load 24, half
            # what `_positions` takes), once the rows change and a source is cut.
            one_each = {(h.entry.feed_url, h.entry.feed_title): h.entry for h in self.rows}
            for one in one_each.values():
                self._sources.add(self._source_name(one))
        return self._sources.fit(name, cells)

    def _title_of(self, headline: Headline) -> str:
        """What the row shows after its source: its title (`shown_title`), and the other
        feeds listing its article where the list shows it once."""
        title = shown_title(headline)
        others = self.also_in(headline.entry.id) if self.show_source else []
        return f"{title} (also in {', '.join(others)})" if others else title

    def _source_name(self, entry: Entry) -> str:
        return plain(source_name(entry, self.names), max_length=200).plain

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(base).crop_extend(0, width, base)


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _nowhere_else(_entry_id: str) -> list[str]:
    return []


def shown_title(headline: Headline) -> str:
    """A row's title, its article's tags after it ("… #fishing #long read"), and "(live)"
    after a live blog's still running, listed by its last update (acc48c C11)."""
    entry = headline.entry
    title = entry.title or shown_url(entry.link) or "(untitled)"
    if headline.live_at:
        title = f"{title}  ({LIVE_WORD})"
    return f"{title}  {hashed_tags(headline.tags)}" if headline.tags else title
