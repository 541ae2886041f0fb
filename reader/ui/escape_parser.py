"""The terminal's input read as Textual's parser reads it, except that Esc and any key typed
with it (in one read: ssh's packet, tmux's `escape-time`, or within the Esc's wait) are one
Alt+key, as Esc and a letter are.

Textual's parser (8.2) reads Esc with a letter as Alt+letter, but Esc with a digit as a macOS
Option character ("\\x1b3" is "£", "\\x1b5" "∞"), Esc with `/`, `?`, `:`, Space, Enter, `[`, `#`…
as the key alone ("slash", "enter": the Esc lost), Esc with `b` or `f` as Ctrl-Left/Right and
Esc with Tab as Shift-Tab. A vim user's `Esc 5j` or `Esc /` did the wrong thing in the screen
Esc should have left, or said "£: no such key here" (acc52c C1). Here each is an Alt+key, which
`unknown_keys.escape_then_key` takes as Esc, then the key, when nothing is bound to it."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser

from .key_names import typed_key

ESC = "\x1b"


class EscapeParser(XTermParser):
    """Textual's `XTermParser`, reading Esc and any one typed key after it as Alt+key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        keys = list(super()._sequence_to_key_events(sequence, alt))
        # Two ways the Esc comes: with the key in a sequence Textual knows ("\x1b3"), or in
        # front of it, Textual's sequence not completed by the time the Esc's wait was over
        # (`alt`: "\x1b/" read again a character at a time). A longer sequence is a key's
        # own (an arrow, F5): as Textual reads it.
        if len(sequence) == 2 and sequence[0] == ESC and keys:
            typed = sequence[1]
        elif alt and len(sequence) == 1:
            typed = sequence
        else:
            return keys
        if all(key.key.startswith("alt+") for key in keys):
            return keys  # Alt+j: Textual's already
        name = typed_key(typed)
        if name is None:  # Esc Backspace: Ctrl-W, deleting a word, as readline's Alt-Backspace
            return keys
        return [events.Key(f"alt+{name}", typed)]
