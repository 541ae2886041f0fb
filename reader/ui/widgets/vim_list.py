"""A list of options moved by the vim keys the README promises everywhere (j / k, g / G,
Ctrl-D / Ctrl-U), for the feed list and the link list alike: Textual's `OptionList` knows only
the arrows, PgUp / PgDn, Home and End, so without these a `j` there would silently do
nothing."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import OptionList

from .article.scroll_keys import (
    HALF_PAGE_DOWN_KEYS,
    HALF_PAGE_UP_KEYS,
    PAGE_DOWN_KEYS,
    PAGE_UP_KEYS,
)

_REVERSE = Style(reverse=True)


class VimOptionList(OptionList):
    """An `OptionList` that also moves with j / k, half a page with Ctrl-D / Ctrl-U and goes
    to its ends with g / G, its cursor in reverse video when the theme says so."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding(HALF_PAGE_DOWN_KEYS, "half_page(1)", "Half a page down", show=False),
        Binding(HALF_PAGE_UP_KEYS, "half_page(-1)", "Half a page up", show=False),
        # A page as in the headlines (less's space and b, vim's Ctrl-F and Ctrl-B): they did
        # nothing here, silently (acc29a K10).
        Binding(PAGE_DOWN_KEYS, "page_down", "Page down", show=False),
        Binding(PAGE_UP_KEYS, "page_up", "Page up", show=False),
    ]

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """The next (`direction` 1) or previous option, stopping at the ends as the headlines
        do (and vim, less, newsboat): Textual's went round them, silently, and `j` held down
        to reach the bottom ended anywhere (acc29a K12). Going round is `J` / `K`'s, saying so."""
        at = self.highlighted
        if at is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        target = at + direction
        while 0 <= target < self.option_count and self.get_option_at_index(target).disabled:
            target += direction
        if 0 <= target < self.option_count:
            self.highlighted = target

    def action_line(self, row: int) -> None:
        """vim's `10G`: the 10th row, or the last (`counts`); a row that can't be chosen (a
        separator), the next that can."""
        if not self.option_count:
            return
        target = max(0, min(row, self.option_count) - 1)
        while target < self.option_count - 1 and self.get_option_at_index(target).disabled:
            target += 1
        self.highlighted = target

    def action_half_page(self, direction: int) -> None:
        """Ctrl-D / Ctrl-U as in vim and the headlines: the view and the highlight half a
        screen of lines on together (an option of two lines counts two, as PgDn counts them),
        the highlight keeping its line of the screen."""
        highlighted = self.highlighted
        if highlighted is None or not self.option_count:
            return
        self._update_lines()
        lines = max(1, self.scrollable_content_region.height // 2)
        line = self._index_to_line[highlighted] + direction * lines
        target = self._lines[max(0, min(line, len(self._lines) - 1))][0]
        self.scroll_to(y=max(0, self.scroll_y + direction * lines), animate=False, immediate=True)
        self.highlighted = target

    def on_resize(self, _event: events.Resize) -> None:
        # Textual wraps the options again for the new width but keeps the scroll offset in
        # lines: the option the cursor is on went out of view, paragraphs away.
        self.call_after_refresh(self.scroll_to_highlight)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        # Textual draws an option's cursor in its colours, bold, italic or underlined, and drops
        # the reverse video the terminal theme and NO_COLOR give it (their block cursor): the
        # feed list's and the link list's cursor could not be seen. It is put back here.
        highlighted = self.highlighted
        if highlighted is None or not strip.cell_length:
            return strip
        first = next(iter(strip), None)
        meta = first.style.meta if first is not None and first.style is not None else {}
        if meta.get("option") != highlighted:
            return strip
        if not self.get_component_rich_style("option-list--option-highlighted").reverse:
            return strip
        return strip.apply_style(_REVERSE)
