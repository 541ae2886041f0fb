"""The reading view's search line: `/`, the query as it is typed, and how many matches."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from ...display import plain
from ...messages import SearchClosed, SearchEdited
from ...unknown_keys import character_of, hand_on, key_after_escape


class QueryInput(Input):
    """The query's line. Keys that come after the Enter or Esc that closes it, in the same
    burst (a paste, keys bunched over SSH: `/word`, Enter, `n n`), are already on their way
    to it before the search is closed; typed in, they would make the query "wordnn". They are
    held (`take_held`) and handed on once the search has closed, to whatever has the focus
    then, in the order they came. Esc and a key read as one Alt+key are the two keys here too
    (`unknown_keys`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.closing = False
        """Enter or Esc has come: the keys after it are not the query's."""
        self._held: list[tuple[str, str | None]] = []

    def start(self) -> None:
        """A new query: its keys are its own again."""
        self.closing = False
        self._held = []

    def take_held(self) -> list[tuple[str, str | None]]:
        held, self._held = self._held, []
        return held

    async def _on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
            # The screen's focus, not `has_focus`: that follows its Blur event, which comes
            # after the search closed and took what was held, and a key then was lost.
            if self.screen.focused is self:
                self._held.append((event.key, event.character))
            else:  # the search closed while it was on its way: on to the focus now
                hand_on(self, event.key, event.character)
            return
        if event.key in ("enter", "escape"):
            self.closing = True  # before the keys queued behind it are read
        elif (bare := key_after_escape(self.screen, event.key)) is not None:
            # Esc and a key arriving together (ssh, tmux's escape-time), read as Alt+key: the
            # key went into the query, and the line stayed open. Esc's, then the key's.
            event.stop()
            event.prevent_default()
            self.closing = True
            self._held.append((bare, character_of(bare, event.character)))
            self.post_message(SearchClosed(None))
            return
        await super()._on_key(event)


class SearchBar(Horizontal):
    """One line in place of the key bar while a search is typed. Enter keeps the search, Esc
    drops it; every edit is posted as it happens so the view follows the query."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's

    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt")
        yield QueryInput(compact=True, select_on_focus=False, id="search-input")
        yield Static(id="search-count")

    @property
    def input(self) -> QueryInput:
        return self.query_one("#search-input", QueryInput)

    def start(self) -> None:
        """An empty query, the cursor in it."""
        self.input.start()
        self.input.value = ""
        self.show_count("")
        # Now, not at the next turn of the event loop as `focus()` does: the keys already
        # queued after `/` must find the search line focused.
        self.screen.set_focus(self.input)

    def show_count(self, line: str, missing: bool = False) -> None:
        """The line at the right ("Match 3 of 12", "No match for “xyz”"): plain text, as it may
        quote the query."""
        count = self.query_one("#search-count", Static)
        count.set_class(missing, "-missing")
        count.update(plain(line, max_length=200) if line else Text())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # A paste may bring escape sequences and controls: they would reach the terminal as
        # they are. The query keeps the text, which comes back here as a new change.
        clean = plain(event.value, multiline=True).plain.replace("\t", " ").replace("\n", " ")
        if clean != event.value:
            self.input.value = clean
            return
        self.post_message(SearchEdited(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchClosed(event.value))

    def action_cancel(self) -> None:
        self.post_message(SearchClosed(None))
