"""Lines for a terminal, wrapped at words to its width: the terminal itself breaks a line
mid-word at its edge ("al / ready cached" at 40 columns: acc42a A11; a headline of `reader
list`, an article's lines of `reader show`: acc45b B7; a "reader: …" line saying what went wrong,
a command's or the reader's at its exit: acc46d D9). Output that is not a terminal's (a
pipe, a file) is left as it is: a script reads its lines whole."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import TextIO


def terminal_width(stream: TextIO) -> int | None:
    """The columns of the terminal `stream` writes to, or None off one (a pipe, a file)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (OSError, ValueError):  # no file descriptor (a test's stream), or no size to ask
        return None


def size_from_the_terminal() -> None:
    """On a terminal, its own size, not an exported COLUMNS and LINES (a wrapper's or a shell
    rc's, stale once the window is resized over ssh), which Textual and Rich believe before
    the terminal: the reader was drawn 200 columns wide in an 80-column window, and each row of
    `sync`'s progress wrapped and scrolled (acc51a A10). Off one (a pipe, cron's log) the
    reader writes lines as they are, at no width, and the programs it starts (a pager) ask the
    terminal, as newsboat's screen does."""
    streams = (sys.stdout, sys.stderr)
    if any(stream is not None and stream.isatty() for stream in streams):
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)


def at_words(text: str, width: int | None, hang: str = "") -> str:
    """`text` wrapped at its words into lines of `width` cells at most (by the terminal's
    measure: a Japanese feed's name takes two a character; Chinese and Japanese broken by their
    own rules, `line_breaks.folded`), the rest of a line under its lead and `hang` further in;
    a word longer than a line stays whole on one of its own (an address, copied, must not be
    broken), as the terminal then wraps it. `width` None: as it is."""
    if width is None or width <= 0:
        return text
    # Here: a pipe's `reader list` (a shell loop's) loads no line-breaking rules.
    from .line_breaks import folded

    return folded(text, width, hang)


def said_on_stderr(line: str) -> None:
    """`line` ("reader: …", what went wrong) on stderr: on a terminal broken at words to its
    width, not mid-word at its edge ("did you mea / n tag:?" at 40 columns: acc46d D9); off one
    (a pipe, cron's log) one line, as it is. OSError when stderr is gone."""
    print(at_words(line, terminal_width(sys.stderr)), file=sys.stderr)


def said_on_stderr_if_there(line: str) -> None:
    """`line` as `said_on_stderr` says it, written straight to stderr's file, and dropped if
    that is gone (a terminal that hung up refuses it: EIO). Printed, the line stayed in Python's
    buffer, whose flush failed again at the exit and made the exit status 1."""
    with suppress(OSError, ValueError):  # ValueError: no file under it (a test's stream)
        sys.stderr.flush()
        said = at_words(line, terminal_width(sys.stderr)) + "\n"
        os.write(sys.stderr.fileno(), said.encode(sys.stderr.encoding or "utf-8", "replace"))
