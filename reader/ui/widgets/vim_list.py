"""A list of options moved by the vim keys the README promises everywhere (j / k, g / G), for
the feed list and the link list alike: Textual's `OptionList` knows only the arrows, Home and
End, so without these a `j` there would silently do nothing."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import OptionList

_REVERSE = Style(reverse=True)


class VimOptionList(OptionList):
    """An `OptionList` that also moves with j / k and goes to its ends with g / G, its cursor
    in reverse video when the theme says so."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

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
