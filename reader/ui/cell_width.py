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

import re
import unicodedata
from functools import cache

from rich.cells import cell_len


@cache
def _uncounted() -> re.Pattern[str]:
    # Found once, when the first text outside ASCII is measured (10 ms): the spacing marks the
    # installed Rich gives no cell (all 445 of Unicode 15's in Rich 15).
    marks = "".join(
        char
        for char in map(chr, range(0x300, 0x20000))
        if unicodedata.category(char) == "Mc" and cell_len(char) == 0
    )
    return re.compile(f"[{re.escape(marks)}]" if marks else r"(?!)")


def uncounted_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth beyond Rich's `cell_len`."""
    if text.isascii():
        return 0
    return len(_uncounted().findall(text))
