"""A yes-or-no question over the screen (`C`: "Mark all 131 unread headlines read?"), as newsboat's
`confirm-mark-all-feeds-read` asks: `y` says yes, `n` or Esc no. Enter takes the answer the
question says is its default, and only then: it is the key typed ahead to open a headline, and
`D`'s answer can't be taken back (acc28b D17).

Any other key is said to be no answer ("y or n (Esc: no)", acc44a A4): it was swallowed unseen.
And once one has come, the keys after it are taken as typed ahead (an address typed for the
next `a`, not read the question): they answer nothing, `y` and `n` among them, until Enter ends
them; the `n` of "news" closed the question and the rest ran as the list's keys (`s` saved a
headline, `o` opened a browser)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...marks import terminal_words
from ..display import plain
from ..unknown_keys import key_after_escape
from ..widgets.key_bar import KeyBar
from .modal import Dialog

_ANSWERS = frozenset({"y", "n", "q", "escape"})
_MOVES = frozenset({"down", "j", "up", "k", "space", "pagedown", "pageup"})
"""The keys that scroll a question longer than the terminal's rows (its bindings)."""


class ConfirmScreen(Dialog[bool]):
    """Asks `question` (plain text); dismisses with True for yes. `default`: what Enter
    answers (None: Enter answers nothing, said so)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape,q", "answer(False)", "No"),
        # A question longer than a small terminal's rows (`D`'s at 20x5) scrolls to its end,
        # its "(y / n)": keys no answer takes, the scrollbar showing there is more.
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
        Binding("space,pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
    ]
    CURSOR_AT = "#confirm-panel"
    """Where the terminal cursor goes, for a screen reader to read the question."""

    def __init__(self, question: str, default: bool | None = None) -> None:
        super().__init__()
        self.question = question
        self.default = default
        self.typed_over = False
        """Keys other than an answer came: those after them are typed ahead, until Enter."""

    def compose(self) -> ComposeResult:
        yield KeyBar()
        # Cut only past what a screen holds: at 300 characters an offer to save a page lost
        # its question, after three lines on the feeds looked for (acc31c W16).
        question = terminal_words(self.question)  # "Remove "…"?" where “ ” can't be drawn
        with VerticalScroll(id="confirm-scroll", can_focus=False):
            yield Static(plain(question, max_length=1500), id="confirm-panel")
        yield Static("", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one("#confirm-scroll", VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + lines, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        """A page down (up: -1), the last line of one the first of the next."""
        height = self.query_one("#confirm-scroll", VerticalScroll).scrollable_content_region.height
        self.action_scroll(pages * max(1, height - 1))

    async def on_key(self, event: events.Key) -> None:
        if event.key == "escape" or key_after_escape(self, event.key) is not None:
            return  # Esc is always an answer, no; Esc and a key together: `Dialog.on_key`'s
        if event.key in _ANSWERS | _MOVES and not self.typed_over:
            return  # the bindings answer, or scroll
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            if self.default is not None and not self.typed_over:
                self.dismiss(self.default)
                return
            self.typed_over = False  # the keys typed ahead end with it
        else:
            self.typed_over = True
        self._say_keys()

    def _say_keys(self) -> None:
        """Under the question: what answers it, and why the last key did not."""
        enter = {True: "; Enter: yes", False: "; Enter: no", None: ""}[self.default]
        said = f"y or n (Esc: no{enter})"
        if self.typed_over:
            said = f"Keys typed here are no answer: Enter, then {said}"
        keys = self.query_one("#confirm-keys", Static)
        keys.update(said)
        keys.display = True
