"""The terminal's input read as Textual's parser reads it, except that a bracketed paste is text
whatever it holds.

Textual's parser (8.2) takes an ESC inside a paste as the start of a sequence; one it does not
know (a colour, `ESC [0m`, from `tmux capture-pane -e`, a `script` log, a coloured log file) is
handed back as key events, up to 32 characters, its ESC as "^": the paste's line break was Enter
and its letters the keys they are. Pasting "ledger ESC [0m LF Dy" into `/` unsubscribed a feed,
"harbour ESC [0m LF Q" quit the reader (acc51c C1). Here a paste's characters are held until
its end comes, its escape sequences taken out, and only then given to Textual's parser, which
makes them one `Paste` event, as it does a paste with no ESC in it. The line it goes to removes
the rest (control characters, line breaks: `CellInput._on_paste`).
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import suppress

from textual._parser import ParseEOF, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START
from textual.message import Message

from .display import pasted_text
from .escape_parser import EscapeParser


def _ended(textual: Generator[Read1 | Peek1, str, None]) -> None:
    """Textual's parse told the input has ended: it sends what it holds (a lone Esc) and returns."""
    with suppress(StopIteration):
        textual.throw(ParseEOF())


class PasteParser(EscapeParser):
    """Textual's `XTermParser` (with Esc and a key as Alt+key: `EscapeParser`), with a
    bracketed paste's text cleaned before it reads it."""

    def parse(self, token_callback: TokenCallback[Message]) -> Generator[Read1 | Peek1, str, None]:
        # Textual's own parse, driven from here a character at a time: what it is sent and
        # what it awaits pass through, but between the paste's start and end, which it has
        # seen start, the characters are held here, and sent on, cleaned, with the end.
        textual = super().parse(token_callback)
        awaiting = next(textual)
        recent = ""  # the last characters sent on: the paste's start is seen in them
        while True:
            try:
                character = yield awaiting
            except ParseTimeout as timeout:  # a lone Esc waited long enough: the Esc key
                awaiting = textual.throw(timeout)
                continue
            except ParseEOF:
                _ended(textual)
                return
            awaiting = textual.send(character)
            recent = (recent + character)[-len(BRACKETED_PASTE_START) :]
            if recent != BRACKETED_PASTE_START:
                continue
            recent = ""
            held = ""
            while not held.endswith(BRACKETED_PASTE_END):
                try:
                    held += yield self.read1()  # no timeout: a paste waits for its end
                except ParseEOF:  # the terminal gone mid-paste: nobody to paste for
                    _ended(textual)
                    return
            for character in pasted_text(held.removesuffix(BRACKETED_PASTE_END)):
                awaiting = textual.send(character)
            for character in BRACKETED_PASTE_END:
                awaiting = textual.send(character)
