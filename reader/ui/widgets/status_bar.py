"""The status line: what the app is doing right now (refreshing, syncing, the last error), and
what the screen has to say about itself (the reading view's search: "Match 3 of 12"); at its
right end, a count typed before a key (`5` of `5j`), as vim shows it, else the screen's ruler
(the reading view's "42% · 4 min left", as `less` shows how far in it is) where the line leaves
room for it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...marks import terminal_words
from ..collector import forget_watchers
from ..display import plain


class StatusBar(Static):
    """One line of plain text mirrored from the app's `status`, after the screen's own `note`
    when it has one; never interpreted as markup."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's
    COMPONENT_CLASSES = {"status-bar--note", "status-bar--warning"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._note = ""
        self._warning = False
        """The note says something went wrong ("No match for …"): styled so (`reader.tcss`)."""
        self._ruler = ""
        """What the screen says at the line's right end ("" for nothing): our own words."""

    def on_mount(self) -> None:
        # The app's status is the single source; every screen's bar shows the same line.
        self.watch(self.app, "status", self._show)
        self.watch(self.app, "count_typed", self._show_count, init=False)

    def on_unmount(self) -> None:
        # Else the app keeps this bar (and every article screen's) until its status changes.
        forget_watchers(self.app, self)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._note and self.is_mounted:  # the note's colours are the theme's
            self._show(getattr(self.app, "status", ""))

    @property
    def note(self) -> str:
        """This screen's own line ("" for none)."""
        return self._note

    def show_note(self, note: str, *, warning: bool = False) -> None:
        """This screen's own line, shown first ("" for none); `warning`: in the colours of
        what went wrong, as the search line says it while the query is typed."""
        self._note, self._warning = note, warning
        self._show(getattr(self.app, "status", ""))

    def show_ruler(self, ruler: str) -> None:
        """This screen's words at the line's right end ("" for none): how far in it is."""
        if ruler != self._ruler:
            self._ruler = ruler
            self._show(getattr(self.app, "status", ""))

    def _show_count(self, _count: str) -> None:
        self._show(getattr(self.app, "status", ""))

    def _show(self, status: str) -> None:
        # The reader's own words: "--" for "—" where a dash can't be drawn (`terminal_words`).
        line = plain(terminal_words(status), max_length=500)
        if self._note:
            component = "status-bar--warning" if self._warning else "status-bar--note"
            note = terminal_words(self._note)
            note = plain(note, self.get_component_rich_style(component), max_length=300)
            line = Text.assemble(note, "  │  ", line) if line.plain else note
        count = getattr(self.app, "count_typed", "")
        width = self.content_region.width
        # `layout=False`: one row, the screen's width, whatever it says: a new line is this
        # row repainted, not the screen laid out again at each step of a refresh's progress.
        if count:
            self.update(_with_right_end(line, Text(f" {count}", style="bold"), width), layout=False)
        elif self._ruler and line.cell_len + len(self._ruler) + 2 <= width:
            # Only where the line leaves room: a link's address, a search's place come first.
            self.update(_with_right_end(line, Text(f" {self._ruler}"), width), layout=False)
        else:
            self.update(line, layout=False)

    def on_resize(self) -> None:
        if self._ruler or getattr(self.app, "count_typed", ""):  # set at the new right end
            self._show(getattr(self.app, "status", ""))


def _with_right_end(line: Text, right: Text, width: int) -> Text:
    """The line, and at its right end (of `width` cells) the count typed (digits only: no
    stranger's text) or the screen's ruler, the line cut short before it rather than them.
    One text, as the line alone is: what reads the bar reads both."""
    if not right.plain.strip() or width <= right.cell_len:
        return line
    line = line.copy()
    line.truncate(width - right.cell_len, overflow="ellipsis", pad=True)
    return Text.assemble(line, right, no_wrap=True)
