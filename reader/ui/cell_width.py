"""The cells a terminal gives text that Rich's measure doesn't count: spacing combining marks.

Rich, and so Textual, gives a spacing combining mark (Unicode's Mc: Devanagari's "ा" and "ि",
Bengali's "া", Tamil's "ி", Sinhala's, Myanmar's …) no cell, as if it sat on the letter before
it. Terminals that measure characters by wcwidth (xterm, VTE's, Konsole, tmux, screen) draw it
in a cell of its own: a line of Hindi wrapped to 80 cells by Rich's measure takes about 90
there, and what passed the screen's edge was never seen. Terminals that measure grapheme
clusters draw such a line in fewer cells, which only leaves it short: so text is wrapped to fit
the wider measure.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from rich.cells import cell_len

_FIRST_MARK = "\u0903"
"""No spacing combining mark comes before Devanagari's visarga."""


@cache
def _uncounted(char: str) -> bool:
    """`char` is a spacing mark the installed Rich gives no cell (all 445 of Unicode 15's in
    Rich 15). Asked of each character as it is first met: a list of them all, made at the first
    text outside ASCII, took 25–100 ms of the first article opened."""
    return unicodedata.category(char) == "Mc" and cell_len(char) == 0


def uncounted_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth beyond Rich's `cell_len`."""
    if text.isascii():
        return 0
    return sum(text.count(char) for char in set(text) if char >= _FIRST_MARK and _uncounted(char))
