"""The status line: what the app is doing right now (refreshing, syncing, the last error), and
what the screen has to say about itself (the reading view's search: "Match 3 of 12")."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..collector import forget_watchers
from ..display import plain


class StatusBar(Static):
    """One line of plain text mirrored from the app's `status`, after the screen's own `note`
    when it has one; never interpreted as markup."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._note = ""

    def on_mount(self) -> None:
        # The app's status is the single source; every screen's bar shows the same line.
        self.watch(self.app, "status", self._show)

    def on_unmount(self) -> None:
        # Else the app keeps this bar (and every article screen's) until its status changes.
        forget_watchers(self.app, self)

    @property
    def note(self) -> str:
        return self._note

    @note.setter
    def note(self, note: str) -> None:
        """This screen's own line, shown first ("" for none)."""
        self._note = note
        self._show(getattr(self.app, "status", ""))

    def _show(self, status: str) -> None:
        line = plain(status, max_length=500)
        if self._note:
            note = plain(self._note, "bold", max_length=300)
            line = Text.assemble(note, "  │  ", line) if line.plain else note
        self.update(line)
