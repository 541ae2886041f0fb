"""What a program the reader starts wrote on its error output, as a line says it: the first line
with anything on it, cut to `SAID_AT_MOST`, and whether there is more (`lines_written`), kept
elsewhere (the TUI's errors.log). One rule for a `[[command]]` (`user_commands`) and a browser
(`ui.browser`); each face makes the line safe through its own door (`safe.safe_line`, the
screen's `display.plain`). No `textual` here, and nothing imported: cheap to import anywhere.
"""

from __future__ import annotations

SAID_AT_MOST = 300
"""Characters of a program's first line of errors said."""


def first_written(text: str) -> str:
    """The first line of `text` with anything on it, as written ("" for none): untrusted, to be
    made safe before it is said."""
    return next((line for line in text.splitlines() if line.strip()), "")


def lines_written(text: str) -> int:
    """How many lines of `text` have anything on them."""
    return sum(1 for line in text.splitlines() if line.strip())
