"""A list of options moved by the vim keys the README promises everywhere (j / k, g / G), for
the feed list and the link list alike: Textual's `OptionList` knows only the arrows, Home and
End, so without these a `j` there would silently do nothing."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """An `OptionList` that also moves with j / k and goes to its ends with g / G."""

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
