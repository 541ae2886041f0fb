"""How many cells a terminal gives text (`terminal_cells`): Rich's measure and what it doesn't
count, spacing combining marks, emoji skin tones, and the few ambiguous-width CJK signs such
terminals draw wide. The one measure for the reader's rows and the command line's lines alike
(a search's snippets); `reader.ui.cell_width` fits text to a row with it.

Rich, and so Textual, gives a spacing combining mark (Unicode's Mc: Devanagari's "ा" and "ि",
Bengali's "া", Tamil's "ி", Sinhala's, Myanmar's …) no cell, as if it sat on the letter before
it. Terminals that measure characters by wcwidth (xterm, VTE's, Konsole, tmux, screen) draw it
in a cell of its own: a line of Hindi wrapped to 80 cells by Rich's measure takes about 90
there, and what passed the screen's edge was never seen. Terminals that measure grapheme
clusters draw such a line in fewer cells, which only leaves it short: so text is wrapped to fit
the wider measure.

The same terminals give two cells to an emoji's skin tone (U+1F3FB–1F3FF: "👍🏽" takes four in
tmux, Rich counts two, the tone none), two to a wide spacing mark (Hangul's tone dots "〮",
Rich: none) and two to the circled numbers on black squares "㉈"–"㉏" (ambiguous in width:
wcwidth, as xterm's and glibc's, takes the CJK block they are in as wide; Rich, one). Every
other ambiguous-width character a Chinese or Japanese article uses (“ ” ① ○ ─ ※ …) takes
one cell in both, as do a flag's two regional indicators ("🇫🇷": one each, two in all).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from rich.cells import cell_len

_FIRST_MARK = "\u0903"
"""No character Rich undercounts comes before Devanagari's visarga, a spacing mark."""
_SKIN_TONES = ("\U0001f3fb", "\U0001f3ff")
_WIDE_AMBIGUOUS = ("\u3248", "\u324f")
"""Circled numbers on black squares: ambiguous in width, in a block wcwidth takes as wide."""


@cache
def _uncounted(char: str) -> int:
    """The cells a wcwidth terminal gives `char` beyond the installed Rich's measure: a spacing
    mark Rich gives no cell (all 445 of Unicode 15's in Rich 15), a skin tone, a sign of
    `_WIDE_AMBIGUOUS`. Asked of each character as it is first met: a list of them all, made at
    the first text outside ASCII, took 25–100 ms of the first article opened."""
    rich = cell_len(char)
    if unicodedata.category(char) == "Mc" and rich == 0:
        return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    if _SKIN_TONES[0] <= char <= _SKIN_TONES[1] or (
        _WIDE_AMBIGUOUS[0] <= char <= _WIDE_AMBIGUOUS[1]
    ):
        return max(0, 2 - rich)
    return 0


def uncounted_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth beyond Rich's `cell_len`."""
    if text.isascii():
        return 0
    return sum(text.count(char) * _uncounted(char) for char in set(text) if char >= _FIRST_MARK)


def terminal_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth: Rich's `cell_len` and
    what it leaves uncounted."""
    return cell_len(text) + uncounted_cells(text)


def cut_to_cells(text: str, cells: int) -> str:
    """The longest start of `text` that takes at most `cells` terminal cells
    (`terminal_cells`), cut between characters (a cluster Rich measures as one, an emoji
    family, may lose its last members)."""
    if terminal_cells(text) <= cells:
        return text
    # Measured whole each time: Rich 15 measures a cluster ("👨‍👩‍👧") as a whole, not by its
    # characters. At most ~9 measures of a title of 500 characters.
    fits, over = 0, len(text)
    while over - fits > 1:
        middle = (fits + over) // 2
        if terminal_cells(text[:middle]) <= cells:
            fits = middle
        else:
            over = middle
    return text[:fits]
