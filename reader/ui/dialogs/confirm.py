"""A yes-or-no question over the screen (`C`: "Mark all 131 unread headlines read?"), as newsboat's
`confirm-mark-all-feeds-read` asks: `y` says yes, `n` or Esc no. Enter says neither: it is the key
typed ahead to open a headline, and `D`'s answer can't be taken back (acc28b D17)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ...marks import terminal_words
from ..display import plain
from ..widgets.key_bar import KeyBar
from .modal import Dialog


class ConfirmScreen(Dialog[bool]):
    """Asks `question` (plain text); dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape,q", "answer(False)", "No"),
    ]
    CURSOR_AT = "#confirm-panel"
    """Where the terminal cursor goes, for a screen reader to read the question."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield KeyBar()
        # Cut only past what a screen holds: at 300 characters an offer to save a page lost
        # its question, after three lines on the feeds looked for (acc31c W16).
        question = terminal_words(self.question)  # "Remove "…"?" where “ ” can't be drawn
        yield Static(plain(question, max_length=1500), id="confirm-panel")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
