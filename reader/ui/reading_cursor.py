"""Where the terminal's own cursor is put after each frame: at the start of the row a list has
selected (the headlines, the feed list, the link list), at the top line of a view that scrolls
(an article, the help), as newsboat, mutt and tig put it.

Screen readers on a terminal (Orca, speakup, BRLTTY's cursor tracking, NVDA over ssh) read
"the line the cursor is on" after each key. The reader left it on the top-left corner of the
screen, whatever was selected, so `j` read the frame's title, or nothing (acc42a A1). Hidden
(Textual hides it) or not, it moves: a screen reader follows it all the same.

Textual's way of placing it is `App.cursor_position`, written to the terminal after each frame;
its text boxes (`Input`, `TextArea`) set it themselves at their insertion point, and still do:
a list or a view sets it here, just before the frame is written (`ReaderAppLifecycle._display`),
so it is where the row is drawn in that frame, after any scroll or resize. A one-line box's is
set here too, at its caret: Textual sets it only as the caret moves, and a resize that moved
the box (the search line at the screen's foot) left it where the box had been (acc45b B8).
"""

from __future__ import annotations

import sys
from typing import Protocol, runtime_checkable

from textual.css.query import NoMatches
from textual.geometry import Offset
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList


@runtime_checkable
class SelectedRow(Protocol):
    """A widget that knows which of its lines shows the row selected."""

    def selected_line(self) -> int | None:
        """The line of the widget's view (0: its top line) the selected row starts on; None
        when there is none."""


def option_line(options: OptionList) -> int | None:
    """The line of an option list's view the highlighted option starts on."""
    highlighted = options.highlighted
    if highlighted is None:
        return None
    # Textual's map, as its last drawing filled it: read, not brought up to date (which may
    # resize the list, from within the frame being written).
    first = options._line_cache.index_to_line.get(highlighted)
    return None if first is None else first - round(options.scroll_y)


def cursor_place(screen: Screen[object]) -> Offset | None:
    """Where the terminal cursor goes on `screen`, in screen cells (a one-line box's caret);
    None to leave it where the focused widget put it (a text area) or where it is (nothing to
    point at)."""
    widget = screen.focused
    if isinstance(widget, Input):
        return widget.cursor_screen_offset
    if _is_text_area(widget):
        return None
    if widget is None:
        widget = _unfocused_text(screen)
    if widget is None or not widget.region:
        return None
    area = widget.scrollable_content_region
    line: int | None = 0
    if isinstance(widget, OptionList):
        line = option_line(widget)
    elif isinstance(widget, SelectedRow):
        line = widget.selected_line()
    if line is None or not 0 <= line < area.height:
        line = 0  # out of view (a scroll under way): the view's top line
    return Offset(area.x, area.y + line)


def _is_text_area(widget: Widget | None) -> bool:
    """Whether `widget` is a Textual `TextArea`. Its module is not imported for this check: the
    reader's screens have none, and importing it (its document, edit history and themes) cost
    every start ~15 ms of CPU before the first screen. A widget can be one only once some code
    imported it."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)


def _unfocused_text(screen: Screen[object]) -> Widget | None:
    """The text a screen with nothing to focus reads first (a yes-or-no question): named by the
    screen's `CURSOR_AT`, a selector."""
    selector = getattr(screen, "CURSOR_AT", "")
    if not selector:
        return None
    try:
        return screen.query_one(selector)
    except NoMatches:
        return None
