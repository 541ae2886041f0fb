"""The last things the reader said, in full (`P`), as vim's `:messages` and mutt's
`<error-history>` list them: the status line's lines and the notices, newest first, each at the
time it was said. A line cut at a narrow width, or a notice gone after its few seconds, was lost
for good: at 40 columns a failing feed's reason and every summary ended in "…" (acc42a A5)."""

from __future__ import annotations

import time
from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..display import plain
from ..widgets.key_bar import KeyBar
from .scrolled import ScrolledDialog

NOTHING_SAID = "Nothing said yet."


def said_text(said: Iterable[tuple[float, str]]) -> Text:
    """`said` (when, what: oldest first) as the list shows it, newest first, a blank line between
    two: each line the reader's own words, or a server's, kept as plain text."""
    text = Text(end="")
    for number, (when, line) in enumerate(reversed(list(said))):
        if number:
            text.append("\n\n")
        text.append(time.strftime("%H:%M:%S", time.localtime(when)) + "  ", "bold")
        text.append_text(plain(line, max_length=2000))
    return text or Text(NOTHING_SAID)


class MessagesScreen(ScrolledDialog):
    """A panel over the screen listing what was said (`said_text`); `P`, Esc or q closes it."""

    PANEL = "messages-panel"
    BINDINGS = [Binding("P", "app.show_messages", show=False)]  # its key, as set, closes it

    def __init__(self, said: Iterable[tuple[float, str]]) -> None:
        super().__init__()
        self.said = list(said)

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with VerticalScroll(id="messages-panel") as panel:
            panel.border_title = "Messages, newest first"
            yield Static(said_text(self.said), id="messages-text")
