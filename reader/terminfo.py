"""What the terminal's terminfo entry says it can show: colours or none (a VT100, a VT220, a
monochrome terminal), as `tput colors` reads it. The TUI and the CLI take a terminal without
colours as NO_COLOR asks (acc42a A9): its cursor row and matches in reverse video, and no colour
codes written, which such a terminal ignores or shows as litter, so the cursor row was
invisible there (white on blue, in neither).

Read from the compiled entry itself, not through `curses.setupterm`: that one reads a terminal
once in a process and answers for it ever after, whatever TERM is then, and it costs a library
load at the start of every run."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_MAX_COLORS = 13
"""The index of `colors` (max_colors) among terminfo's numeric capabilities (term(5))."""
_MAGIC_16BIT, _MAGIC_32BIT = 0o432, 0o1036
"""The two headers of a compiled entry: its numbers in 2 bytes, or (ncurses 6.1) in 4."""
FEW_COLOURS = 8
"""Fewer colours than this (or none said: -1) and the terminal is taken as having none."""


def _entry_dirs() -> list[Path]:
    """Where ncurses looks for an entry, in its order (terminfo(5))."""
    dirs: list[str] = []
    if own := os.environ.get("TERMINFO"):
        dirs.append(own)
    dirs.append(os.path.expanduser("~/.terminfo"))
    for listed in os.environ.get("TERMINFO_DIRS", "").split(":"):
        dirs.append(listed or "/usr/share/terminfo")  # an empty one: the system's
    dirs += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
    return [Path(d) for d in dirs]


def _entry(term: str) -> bytes | None:
    """The compiled terminfo entry of `term`, or None when there is none."""
    if not term or "/" in term or term.startswith("."):
        return None
    for directory in _entry_dirs():
        # Under its first letter (Linux), or that letter's hex code (macOS, some BSDs).
        for sub in (term[0], f"{ord(term[0]):02x}"):
            try:
                return (directory / sub / term).read_bytes()
            except OSError:
                continue
    return None


def colours_of(entry: bytes) -> int:
    """The `colors` an entry gives: -1 when it says none (absent, or cancelled), or when the
    entry can't be read (taken as saying nothing)."""
    if len(entry) < 12:
        return -1
    magic, names, bools, numbers = (
        int.from_bytes(entry[i : i + 2], "little") for i in (0, 2, 4, 6)
    )
    if magic not in (_MAGIC_16BIT, _MAGIC_32BIT) or numbers <= _MAX_COLORS:
        return -1
    size = 2 if magic == _MAGIC_16BIT else 4
    start = 12 + names + bools
    start += start % 2  # the numbers start on an even byte
    at = start + _MAX_COLORS * size
    raw = entry[at : at + size]
    if len(raw) < size:
        return -1
    value = int.from_bytes(raw, "little", signed=True)
    return value if value >= 0 else -1


@lru_cache(maxsize=8)
def terminal_colours(term: str) -> int | None:
    """The colours terminfo gives `term`; None when it has no entry for it (then nothing is
    known, and nothing is taken away)."""
    entry = _entry(term)
    return None if entry is None else colours_of(entry)


def colourless_terminal() -> bool:
    """Whether TERM's terminfo entry says it shows fewer than 8 colours (`tput colors` -1 for
    vt100, vt220): drawn as under NO_COLOR. A COLORTERM set says otherwise (the terminal
    itself tells of its colours, over an entry shared with older ones)."""
    if os.environ.get("COLORTERM"):
        return False
    colours = terminal_colours(os.environ.get("TERM", ""))
    return colours is not None and colours < FEW_COLOURS


def no_colour_asked() -> bool:
    """No colour to draw: NO_COLOR set and not empty (no-color.org: an empty one asks
    nothing), or a terminal that has none (`colourless_terminal`)."""
    return bool(os.environ.get("NO_COLOR")) or colourless_terminal()
