"""The reading view's search line: `/`, the query as it is typed, and how many matches."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widgets import Input, Static

from ...cell_width import terminal_cells
from ...display import plain
from ...messages import SearchClosed, SearchEdited
from ...unknown_keys import character_of, hand_on, key_after_escape
from ..cell_input import CellInput
from ..key_bar import KeyBar


class QueryInput(CellInput):
    """The query's line. Keys typed after the Enter or Esc that closes it, in the same burst
    (a paste, keys bunched over SSH: `/word`, Enter, `n n`), are not the query's: the app
    holds them until the search has closed (`key_settling`: `SearchClosed` is on its way).
    Esc and a key read as one Alt+key are the two keys here too (`unknown_keys`)."""

    async def _on_key(self, event: events.Key) -> None:
        if (bare := key_after_escape(self.screen, event.key)) is not None:
            # Esc and a key arriving together (ssh, tmux's escape-time), read as Alt+key: the
            # key went into the query, and the line stayed open. Esc's, then the key's.
            event.stop()
            event.prevent_default()
            self.post_message(SearchClosed(None))
            hand_on(self, bare, character_of(bare, event.character))
            return
        await super()._on_key(event)


class SearchBar(Horizontal):
    """One line in place of the key bar while a search is typed. Enter keeps the search, Esc
    drops it; every edit is posted as it happens so the view follows the query."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's

    # mutt's and Emacs's abort too, Ctrl-G and Ctrl-C (acc52c C3); Ctrl-C with text selected
    # in the line copies it (`Input.action_copy`, which passes it on here when none is).
    BINDINGS = [Binding("escape,ctrl+g,ctrl+c", "cancel", "Cancel search", show=False)]

    _PROMPT_CELLS = 2
    """The stylesheet's width of the prompt "/" (and its padding)."""

    def __init__(self) -> None:
        super().__init__()
        self._prompt_cells = self._PROMPT_CELLS

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt")
        yield QueryInput(compact=True, select_on_focus=False, id="search-input")
        yield Static(id="search-count")

    @property
    def input(self) -> QueryInput:
        return self.query_one("#search-input", QueryInput)

    def set_prompt(self, text: str | None) -> None:
        """The prompt before the query: `text` (`F`'s "Find in articles:"), followed by a
        space, or `/` again (None)."""
        prompt = self.query_one("#search-prompt", Static)
        if text is None:
            prompt.update("/")
            prompt.styles.width = None  # the stylesheet's again
            self._prompt_cells = self._PROMPT_CELLS
        else:
            shown = plain(text)
            # Its padding's cell, then the text, then a space before the query: `plain`
            # drops the one `text` ends with ("Find in articles:nurses", acc40c R1).
            self._prompt_cells = terminal_cells(shown.plain) + 2
            prompt.update(shown)
            prompt.styles.width = self._prompt_cells
        self._fit_count()

    def start(self) -> None:
        """An empty query, the cursor in it."""
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
        self._fit_count()

    def _fit_count(self) -> None:
        """The line at the right gives way to the query: it takes what the prompt and the
        query (and the cursor after it) leave, cut short with "…". `F`'s hint, "Enter
        searches every cached article", hid the query typed at 45 columns (acc40c R1)."""
        width = self.size.width
        if not width:
            return  # not laid out yet: fitted at its first `on_resize`
        room = width - self._prompt_cells - terminal_cells(self.input.value) - 1
        count = self.query_one("#search-count", Static)
        count.styles.max_width = max(room, 0)

    def on_resize(self) -> None:
        self._fit_count()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # A paste may bring escape sequences and controls: they would reach the terminal as
        # they are. The query keeps the text, which comes back here as a new change.
        clean = plain(event.value, multiline=True).plain.replace("\t", " ").replace("\n", " ")
        if clean != event.value:
            self.input.value = clean
            return
        self._fit_count()
        self.post_message(SearchEdited(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchClosed(event.value))

    def action_cancel(self) -> None:
        self.post_message(SearchClosed(None))


def show_search_line(screen: DOMNode, shown: bool) -> None:
    """The search line in place of the key bar at the foot of `screen` (`shown`), or the key
    bar back. Set on the two bars: a class of the screen's restyled and drew again every
    widget of it at each change, 50–110 ms on a year's list for `/`, `F`, and again for their
    Enter or Esc (benchmarks/tui_loop_stalls.py); 10–30 ms so."""
    for bar in screen.query(SearchBar):
        if shown:
            bar.display = True
        else:
            bar.styles.clear_rule("display")  # the stylesheet's: none
    for keys in screen.query(KeyBar):
        if shown:
            keys.display = False
        else:
            keys.styles.clear_rule("display")


def search_line_shown(screen: DOMNode) -> bool:
    """`screen`'s search line is open (`show_search_line`). Among the screen's children alone,
    where both screens put it, with no query: asked by every binding's `check_action` each
    time a held key looks at the bindings, a query of the screen was most of each `n` of a
    burst."""
    return any(isinstance(bar, SearchBar) and bar.display for bar in screen.children)
