"""Lines for a terminal, wrapped at words to its width: the terminal itself breaks a line
mid-word at its edge ("al / ready cached" at 40 columns: acc42a A11)."""

from __future__ import annotations

import os
from typing import TextIO

from ..cells import terminal_cells


def terminal_width(stream: TextIO) -> int | None:
    """The columns of the terminal `stream` writes to, or None off one (a pipe, a file)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (OSError, ValueError):  # no file descriptor (a test's stream), or no size to ask
        return None


def at_words(text: str, width: int | None) -> str:
    """`text` wrapped at its spaces into lines of `width` cells at most (by the terminal's
    measure: a Japanese feed's name takes two a character); a word longer than a line stays
    whole on one of its own (an address, copied, must not be broken), as the terminal then
    wraps it. `width` None: as it is."""
    if width is None or width <= 0:
        return text
    lines: list[str] = []
    line, cells = "", 0
    for word in text.split(" "):
        size = terminal_cells(word)
        if line and cells + 1 + size > width:
            lines.append(line)
            line, cells = word, size
        else:
            line, cells = (f"{line} {word}", cells + 1 + size) if line else (word, size)
    lines.append(line)
    return "\n".join(lines)
