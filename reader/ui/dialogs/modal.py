"""The screen every dialog is drawn on: the one behind shows through, set back.

In "dark" and "light" Textual tints the screen behind with the dialog's translucent background
(reader.tcss's `$background 60%`). The terminal's own colours can't be blended: an ANSI colour
given a transparency is taken as solid, and the dialog stood on a blank screen as if the reader
had gone. There (":ansi", so under NO_COLOR too) the dialog's background is transparent and the
screen behind is drawn in the terminal's faint text instead, which terminals honour without
colours."""

from __future__ import annotations

from typing import TypeVar

from rich.console import RenderableType
from textual import events
from textual.await_complete import AwaitComplete
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen

from ..themes import DimmedScreen
from ..unknown_keys import escape_then_key

Result = TypeVar("Result")

SHORT = 24
"""A terminal lower than this many rows gives a dialog's panel no blank rows of padding."""
SLIM = 40
"""A terminal narrower than this many columns gives a dialog's panel no columns of padding, and
its scrollbar one cell."""


class Dialog(ModalScreen[Result]):
    """A modal screen whose screen behind is dimmed in the terminal's own colours. Esc and a
    key arriving together (one Alt+key to Textual) are Esc, then the key, as in the views.
    The keys typed after its answer wait for what the answer does (`answer_work`)."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]
    """`-short`: the panel's rows go to its text, not to blank ones above and below it
    (`reader.tcss`): at 40x15 the help gave 2 of its 10 rows to padding, at 20x8 2 of 4."""
    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (SLIM, "-roomy")]
    """`-slim`: the panel's columns go to its text, not to padding (`reader.tcss`): at 20
    columns a link's text had 9 cells of its 18 ("Councillo / rs")."""

    async def on_key(self, event: events.Key) -> None:
        await escape_then_key(self, event)

    def dismiss(self, result: Result | None = None) -> AwaitComplete:
        # Here, for every dialog: the keys after the answer are held from now, not from when
        # its callback runs (on the queue of the screen that asked, where a key typed after
        # it could act first). Textual's own list of callbacks (pinned by uv.lock): no public
        # way to reach the one the answer goes to.
        answers = getattr(self.app, "answers", None)
        callbacks = self._result_callbacks
        if answers is not None and callbacks and callbacks[-1].callback is not None:
            callbacks[-1].callback = answers.acting_on(callbacks[-1].callback)
        return super().dismiss(result)

    def render(self) -> RenderableType:
        behind = super().render()
        if isinstance(behind, BackgroundScreen) and self.app.native_ansi_color:
            return DimmedScreen(behind.screen, behind.color)
        return behind
