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
one cell in both, as do a flag's two regional indicators ("🇫🇷": one each, two in all). The
Hangul fillers "ㅤ" (U+3164) and its half-width kin (U+FFA0) are blank letters Rich gives no
cell: tmux draws them in two and one.

Rich also counts more than these terminals draw: it takes an emoji's variation selector
(U+FE0F, VS16) as widening a narrow character to two cells ("❤️", "☀️", "⚠️", a keycap "1️⃣",
"🏳️‍🌈"), where wcwidth gives the selector none (tmux 3.3a draws each in one cell). And tmux
joins the character after a zero-width joiner (one outside ASCII) to the one before it,
whatever its width: a family "👩‍👩‍👧‍👦" takes its first member's two cells, as Rich counts it,
"🏳️‍🌈" its flag's one. (xterm does not join: a family takes eight cells there; the reader
measures as tmux, as the terminal these were measured in.)
Textual can't be made to count fewer cells than Rich does, so a text fitted to a row is shown
without the selectors Rich widens for (`rich_agreeing`): one cell in every measure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rich.cells import cell_len

_FIRST_MARK = "\u0903"
"""No character Rich undercounts comes before Devanagari's visarga, a spacing mark."""
_SKIN_TONES = ("\U0001f3fb", "\U0001f3ff")
_WIDE_AMBIGUOUS = ("\u3248", "\u324f")
"""Circled numbers on black squares: ambiguous in width, in a block wcwidth takes as wide."""
_BLANK_LETTERS = {"\u3164": 2, "\uffa0": 1}
"""The Hangul fillers Rich gives no cell (Default_Ignorable), and the cells terminals draw."""
_SELECTOR = "\ufe0f"
_JOINER = "\u200d"
_JOINERS = re.compile(f"{_JOINER}{{2,}}")


@cache
def _uncounted(char: str) -> int:
    """The cells a wcwidth terminal gives `char` beyond the installed Rich's measure: a spacing
    mark Rich gives no cell (all 445 of Unicode 15's in Rich 15), a skin tone, a sign of
    `_WIDE_AMBIGUOUS`, a Hangul filler. Asked of each character as it is first met: a list of
    them all, made at the first text outside ASCII, took 25–100 ms of the first article opened."""
    rich = cell_len(char)
    if unicodedata.category(char) == "Mc" and rich == 0:
        return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    if _SKIN_TONES[0] <= char <= _SKIN_TONES[1] or (
        _WIDE_AMBIGUOUS[0] <= char <= _WIDE_AMBIGUOUS[1]
    ):
        return max(0, 2 - rich)
    return max(0, _BLANK_LETTERS.get(char, 0) - rich)


@cache
def _char_cells(char: str) -> int:
    return cell_len(char) + _uncounted(char)


def _joined_cells(text: str) -> int:
    """`text`'s cells as tmux draws it: each character's (a selector none), and a character
    after a zero-width joiner in the cell of the one before it. tmux reads ASCII apart: an
    ASCII letter after a joiner takes its cell."""
    cells = 0
    after_joiner = False
    for char in text:
        if char == _JOINER:
            after_joiner = True
            continue
        if not (after_joiner and char >= "\x80"):
            cells += _char_cells(char)
        after_joiner = False
    return cells


def uncounted_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth beyond Rich's `cell_len`:
    fewer than none when Rich widens an emoji for its selector (see `rich_agreeing`)."""
    if text.isascii():
        return 0
    return terminal_cells(text) - cell_len(text)


def terminal_cells(text: str) -> int:
    """The cells `text` takes in a terminal that measures by wcwidth (tmux's joining of
    zero-width joiners with it): Rich's `cell_len`, with what it leaves uncounted and without
    what it adds for an emoji's selector."""
    if text.isascii():
        return cell_len(text)
    if _SELECTOR in text or _JOINER in text:
        return _joined_cells(text)
    return cell_len(text) + sum(
        text.count(char) * _uncounted(char) for char in set(text) if char >= _FIRST_MARK
    )


@cache
def _widened(char: str) -> bool:
    """Whether Rich counts `char` one cell wider for a selector after it ("☀" → "☀️")."""
    return cell_len(char + _SELECTOR) > cell_len(char)


def rich_agreeing(text: str) -> str:
    """`text` without the selectors Rich widens an emoji for and wcwidth terminals don't, so
    that Rich's measure is never more than `terminal_cells` ("☀️" → "☀": one cell in both,
    drawn as the sign rather than as its picture). A row fitted by the terminal's measure can
    make up for cells Rich doesn't count (`reader.ui.cell_width.rich_only_cells`), not for
    cells it counts and the terminal doesn't draw: the row ended short, the pane's border
    drawn inside it."""
    if _JOINER * 2 in text:  # Rich skips the second of two joiners, then counts what follows
        text = _JOINERS.sub(_JOINER, text)
    if _SELECTOR not in text:
        return text
    return "".join(
        char
        for at, char in enumerate(text)
        if not (char == _SELECTOR and at and _widened(text[at - 1]))
    )


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
