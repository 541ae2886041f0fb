"""Keys typed while the reader starts, before Textual has the terminal.

Python and the reader load for a second or more (several on a busy machine); a user who knows
the keys types on meanwhile (`j j j Enter`), as vim and less let them. The terminal is still in
line mode then: what is typed waits in its buffer, echoed, and Enter comes as a line feed
("\\n"), which Textual, once it reads the terminal itself, takes for Ctrl-J. So the whole lines
typed by then are read here first (`typed_ahead`) and made keys as they were meant
(`keys_of`); the app acts on them once its headlines are on screen. What is typed after the
last Enter is read by Textual as it comes, after these.
"""

from __future__ import annotations

import os
import re
import select
import sys

from textual import events
from textual.keys import _character_to_key

_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?", re.DOTALL)
"""An escape sequence (an arrow key's "\\x1b[B"), or a lone Esc."""
_SEQUENCE_KEYS = {
    "\x1b[A": "up",
    "\x1b[B": "down",
    "\x1b[C": "right",
    "\x1b[D": "left",
    "\x1bOA": "up",
    "\x1bOB": "down",
    "\x1bOC": "right",
    "\x1bOD": "left",
    "\x1b[5~": "pageup",
    "\x1b[6~": "pagedown",
    "\x1b": "escape",
}
_CONTROL_KEYS = {"\n": "enter", "\r": "enter", "\t": "tab"}
_MOST = 4096
"""No more is read: a paste into a starting terminal is not a user's keys."""


def typed_ahead() -> str:
    """The whole lines typed at the terminal before the reader took it; "" when there are none
    or stdin is no terminal. Only read, never waited for."""
    try:
        fd = sys.stdin.fileno()
        if not os.isatty(fd):
            return ""
        read = b""
        # In line mode the terminal is readable once a line is whole.
        while len(read) < _MOST and select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, _MOST)
            if not chunk:
                break
            read += chunk
    except (OSError, ValueError):  # no stdin, a closed one
        return ""
    return read.decode("utf-8", "replace")


def keys_of(text: str) -> list[events.Key]:
    """The keys `text` was typed with: a line feed is Enter, an arrow's sequence the arrow; an
    escape sequence of another key is left out (its letters would be commands)."""
    keys: list[events.Key] = []
    at = 0
    while at < len(text):
        if text[at] == "\x1b":
            match = _SEQUENCE.match(text, at)
            assert match is not None  # a lone Esc matches
            if (name := _SEQUENCE_KEYS.get(match.group())) is not None:
                keys.append(events.Key(name, "\x1b" if name == "escape" else None))
            at = match.end()
            continue
        char = text[at]
        at += 1
        if char in _CONTROL_KEYS:
            keys.append(events.Key(_CONTROL_KEYS[char], "\r" if char == "\n" else char))
        elif char.isprintable():
            keys.append(events.Key(_character_to_key(char), char))
    return keys
