"""A one-line input whose cursor stands where the terminal draws the end of what is typed.

Textual places the cursor (the terminal's own, and the input's scroll) by Rich's measure, which
gives Hindi's, Bengali's and Tamil's spacing vowel signs ("ि", "ा", "ो") no cell, where xterm,
VTE, Konsole and tmux draw each in one (`reader.cells`): after "ज़िला अस्पतालों" the cursor stood
four cells inside the word, and the line, drawn wider than measured, pushed what follows it on
the row (a hint) past the edge (acc38a J11). Here the cursor is placed by the terminal's
measure, and the row ends with as many cells Rich counts and the terminal doesn't draw.

Textual scrolls the line to its caret only as the caret moves: a terminal made narrower than
what was typed (tmux's resize-pane, a phone turned) left the caret past the line's edge, none
shown until a key was pressed (acc45b B8). Here a resize scrolls it back into view."""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Input

from ...plural import plural
from ..cell_width import rich_only_cells, terminal_cells, uncounted_cells

_WORD_KEYS = {"alt+b": "cursor_left_word", "alt+f": "cursor_right_word"}
"""Esc b / Esc f (Alt-b, Alt-f): a word back and on, as readline's; iTerm sends them for
Option-Left and Option-Right. Textual read them as Ctrl-Left/Right; the reader's parser reads
them as Alt+b/f (`escape_parser`), which a line would otherwise take as Esc, then the letter.
Bound (not only taken here) so that `unknown_keys.key_after_escape` sees them bound."""


class CellInput(Input):
    """An `Input` measured as the terminal draws it, that keeps every line of a paste."""

    BINDINGS = [Binding(key, action, show=False) for key, action in _WORD_KEYS.items()]

    async def _on_key(self, event: events.Key) -> None:
        # Before `Input`'s, which types an Alt+key's character ("b") ahead of any binding.
        if (action := _WORD_KEYS.get(event.key)) is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
            return
        await super()._on_key(event)

    def _position_to_cell(self, position: int) -> int:
        return terminal_cells(expand_tabs_inline(self.value[:position], 4))

    def _on_resize(self, event: events.Resize) -> None:
        # After the layout that gave the new size: the scroll's room is known then.
        self.call_after_refresh(self._caret_in_view)

    def _caret_in_view(self) -> None:
        """The line scrolled to its caret, as Textual does when the caret moves, and the caret
        drawn at once (not in a blink's dark half)."""
        caret = Region(self._cursor_offset, 0, width=1, height=1)
        self.scroll_to_region(caret, force=True, animate=False)
        if self.has_focus:
            self._restart_blink()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        extra = uncounted_cells(self.value) if y == 0 and not self.password else 0
        if extra <= 0:
            return strip
        # The text is drawn `extra` cells wider than measured: as many of the blanks after it
        # go, and blanks the terminal steps back over take their place in Rich's count. Before
        # the text: the row's last cell (the cursor's room past the end) is cut off by the
        # compositor, and with it what was put there.
        length = strip.cell_length
        kept = strip.crop(0, max(length - extra, 0))
        return Strip([Segment(rich_only_cells(extra), self.rich_style), *kept], length)

    def _on_paste(self, event: events.Paste) -> None:
        # Input keeps a paste's first line only: a note pasted from a mail or a phone in two
        # lines lost its second, unsaid (acc33a A14), and a search (`F`, `/`) its words after
        # the first line (acc45b B5). Every line kept, joined by a space (the line holds one);
        # what the line has no room for said, not dropped unsaid.
        event.stop()
        event.prevent_default()
        joined = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        if not joined:
            return
        start, end = sorted(self.selection)
        room = self.max_length - (len(self.value) - (end - start)) if self.max_length else None
        if room is not None and len(joined) > room:
            joined = joined[: max(room, 0)]
            self.notify(
                f"Only the first {plural(max(room, 0), 'character')} of what was pasted kept: "
                f"the line holds {self.max_length} at most.",
                severity="warning",
                markup=False,
            )
        self.replace(joined, start, end)
