"""A one-line question over the screen: the address of a feed to add (`a`), a feed's new name
(`R`), an article's tags (`#`, completed from those in use), a note (`a`). Enter answers with the
line as typed (pasted text too, its lines joined by a space), Esc answers nothing."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Input, Static

from ..display import plain
from ..unknown_keys import character_of, hand_on, key_after_escape
from ..widgets.cell_input import CellInput
from ..widgets.key_bar import KeyBar
from .modal import Dialog

MAX_TYPED = 2000
"""As long a line as the input takes: an address, a name (`feed_names.MAX_NAME_LENGTH`)."""


class _Line(CellInput):
    """The dialog's line. Esc and a key arriving together (ssh, tmux's escape-time), read as
    Alt+key, went into the line as the key: Esc's (no answer), then the key's, as in the
    search lines (`search_bar`)."""

    async def _on_key(self, event: events.Key) -> None:
        if (bare := key_after_escape(self.screen, event.key)) is not None:
            event.stop()
            event.prevent_default()
            self.screen.dismiss(None)
            hand_on(self, bare, character_of(bare, event.character))
            return
        await super()._on_key(event)


class FeedInputScreen(Dialog[str | None]):
    """Asks `question` (plain text), the line prefilled with `value`; `hint` under it says what
    an answer does; `suggester` completes what is typed. Dismisses with the line typed, None
    for Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # Shown only: Enter is the line's own (`Input.Submitted`).
        Binding("enter", "noop", "OK", show=True),
    ]

    AUTO_FOCUS = ""
    """The line is focused by `on_mount`, unscrolled: Textual's own focus scrolled to centre
    it, on to the panel's end at 20x5 (the hint alone shown)."""

    def __init__(
        self,
        question: str,
        value: str = "",
        hint: str = "",
        suggester: Suggester | None = None,
        check: Callable[[str], str] | None = None,
        refused: str = "",
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.hint = f"{refused} · Esc closes this" if refused else hint
        self.suggester = suggester
        self.check = check
        """Why a line can't be the answer ("" when it can): said under it, the dialog kept open
        with the line as typed, so that mending it is a few keys, not typing it again."""
        if refused:
            # Nothing typed can be kept (a full disk, a read-only library): asked all the
            # same, said so under the line, and Enter refuses it, the line kept to copy. A
            # question refused before it opened sent the note typed next to the keys: "pack
            # the charger" moved to another article and copied its address (acc49a A10).
            self.check = lambda _line: f"{refused}: what is typed stays here to copy"

    def compose(self) -> ComposeResult:
        yield KeyBar()
        # Scrolled: at 20x5 the question's lines hid the line typed in, below the screen.
        with VerticalScroll(id="feed-input-panel", can_focus=False):
            yield Static(plain(self.question, max_length=300), id="feed-input-question")
            # The prefilled name is a title from the web (or the user's): made safe like any.
            shown = plain(self.value, max_length=MAX_TYPED).plain
            if self.value.endswith(", ") and shown.endswith(","):
                shown += " "  # a list to type on after (the tags' line): the cursor after it
            yield _Line(
                value=shown,
                max_length=MAX_TYPED,
                select_on_focus=False,
                compact=True,
                suggester=self.suggester,
                id="feed-input",
            )
            if self.hint:
                yield Static(plain(self.hint, max_length=300), id="feed-input-hint")
            if self.check is not None:
                yield Static("", id="feed-input-refusal")

    def on_mount(self) -> None:
        line = self.query_one(Input)
        line.focus(scroll_visible=False)
        # Once laid out: at 20x5 the panel was left scrolled to the hint, the line out of view.
        self.call_after_refresh(self._line_in_view)

    def _line_in_view(self) -> None:
        """The line on the panel's last row when the question and hint are more than it
        shows: the question's start is `up` away."""
        panel = self.query_one("#feed-input-panel", VerticalScroll)
        line = self.query_one(Input).virtual_region
        top = max(0, line.bottom - panel.scrollable_content_region.height)
        panel.scroll_to(y=top, animate=False, immediate=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.check is not None and (refused := self.check(event.value)):
            said = self.query_one("#feed-input-refusal", Static)
            said.update(plain(refused, max_length=400))
            said.display = True
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_noop(self) -> None:
        """Enter reaches the line first (`on_input_submitted`)."""
