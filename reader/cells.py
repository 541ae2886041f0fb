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

What a terminal draws as one (a letter and its marks, an emoji with its skin tone, selector and
the members a joiner adds, a flag's two letters: `clusters`) is never cut apart where a line is
folded or a row cut (`cut_to_cells`, `fold_to_cells`): a family "👨‍👩‍👧‍👦" folded in a table's
cell showed as two families of two, the first line ending in a joiner.
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
_TEXT_SELECTOR = "\ufe0e"
"""VS15, "drawn as text": one cell in Rich's measure and the terminal's alike."""
_JOINER = "\u200d"
_NON_JOINER = "\u200c"
ONE_CELL_EACH = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u0400-\u0482\u048a-\u052f\u2000-\u200a\u2010-\u2027\u2030-\u205f]*"
)
"""Text every character of which takes one cell, in a terminal (`terminal_cells`) as in Rich,
and starts a cluster of its own: Latin with its accents as one character, Cyrillic, the
dashes and quotes. Its cells are its length and any cut is between clusters: a feed list of
9,550 names ("Big blog 200 – Städte & Dörfer") measured each by halves before the first
screen (~0.4 s of the event loop, acc43a A19). Checked, code point by code point, by a test."""
_JOINERS = re.compile(f"{_JOINER}{{2,}}")
_JOINED_AGAIN = re.compile(f"(?<={_JOINER}){_JOINER}+")
_STACKERS = ("\u17d2", "\u1039")
"""Khmer's coeng and Myanmar's virama: the consonant after one is written below the one before
it, in the same cluster (a line cut after one showed the base without its subscript, "ក្" /
"រ", and a headline cut there a stray sign before its "…")."""
_JOINING_NEXT = (_JOINER, *_STACKERS)
_REGIONAL = ("\U0001f1e6", "\U0001f1ff")
"""The regional indicators: two of them a flag ("🇫🇷" is F and R)."""
_TAGS = ("\U000e0020", "\U000e007f")
"""Tag characters: a subdivision's flag ("🏴 + gbsct + cancel tag") is spelt in them."""


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
    if ONE_CELL_EACH.fullmatch(text):
        return len(text)
    if _SELECTOR in text or _JOINER in text:
        return _joined_cells(text)
    return cell_len(text) + sum(
        text.count(char) * _uncounted(char) for char in set(text) if char >= _FIRST_MARK
    )


@cache
def _widened(char: str) -> bool:
    """Whether Rich counts `char` one cell wider for a selector after it ("☀" → "☀️")."""
    return cell_len(char + _SELECTOR) > cell_len(char)


def rich_agreeing(text: str, keep_length: bool = False) -> str:
    """`text` without the selectors Rich widens an emoji for and wcwidth terminals don't, so
    that Rich's measure is never more than `terminal_cells` ("☀️" → "☀": one cell in both,
    drawn as the sign rather than as its picture). A row fitted by the terminal's measure can
    make up for cells Rich doesn't count (`reader.ui.cell_width.rich_only_cells`), not for
    cells it counts and the terminal doesn't draw: the row ended short, the pane's border
    drawn inside it.

    `keep_length`: each such selector made the one for text (VS15), and a joiner after a
    joiner a non-joiner, so that the text is as long as it was, its offsets (a search's
    matches, a link's words, a passage chosen) where they were; `as_written` undoes it."""
    if _JOINER * 2 in text:  # Rich skips the second of two joiners, then counts what follows
        if keep_length:
            text = _JOINED_AGAIN.sub(lambda run: _NON_JOINER * len(run.group()), text)
        else:
            text = _JOINERS.sub(_JOINER, text)
    if _SELECTOR not in text:
        return text
    if keep_length:
        return "".join(
            _TEXT_SELECTOR if char == _SELECTOR and at and _widened(text[at - 1]) else char
            for at, char in enumerate(text)
        )
    return "".join(
        char
        for at, char in enumerate(text)
        if not (char == _SELECTOR and at and _widened(text[at - 1]))
    )


def as_written(text: str) -> str:
    """A text `rich_agreeing(…, keep_length=True)` gave, with its selectors and joiners as the
    page wrote them: what is copied from the screen is the article's text. (A page's own VS15
    after such a sign comes back as VS16: no text tells the two apart, and no page was seen to
    write one.)"""
    if _TEXT_SELECTOR in text:
        text = "".join(
            _SELECTOR if char == _TEXT_SELECTOR and at and _widened(text[at - 1]) else char
            for at, char in enumerate(text)
        )
    if _JOINER + _NON_JOINER in text:
        text = re.sub(f"(?<=[{_JOINER}{_NON_JOINER}]){_NON_JOINER}", _JOINER, text)
    return text


@cache
def _joining(char: str) -> int:
    """1: `char` is drawn with the character before it, a mark (nonspacing, enclosing or
    spacing: UAX #29's Extend and SpacingMark), a selector, a joiner, a skin tone, a tag
    character, a Hangul vowel or final jamo; 2: a regional indicator, the second of a pair
    drawn as one flag; 0: it starts a cluster."""
    if char < "\u0300":
        return 0
    if _REGIONAL[0] <= char <= _REGIONAL[1]:
        return 2
    return int(
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in (_JOINER, _NON_JOINER)
        or _SKIN_TONES[0] <= char <= _SKIN_TONES[1]
        or _TAGS[0] <= char <= _TAGS[1]
        or "\u1160" <= char <= "\u11ff"
    )


_NOT_ASCII = re.compile("[^\x00-\x7f]+")


def clusters(text: str) -> tuple[list[int], list[int]]:
    """`cluster_starts` and `cluster_cells` in one pass (a Chinese article's lines are
    measured so at each width). An ASCII character always starts a cluster of its own (what
    joins one is beyond ASCII, and tmux draws an ASCII letter after a joiner apart): a run of
    them is taken whole, the rest a character at a time."""
    starts: list[int] = []
    cells: list[int] = []
    done = 0
    for run in _NOT_ASCII.finditer(text):
        first, end = run.span()
        if first > done:
            starts.extend(range(done, first))
            cells.extend(map(_char_cells, text[done:first]))
        _clustered(text, first, end, starts, cells)
        done = end
    if done < len(text):
        starts.extend(range(done, len(text)))
        cells.extend(map(_char_cells, text[done:]))
    return starts, cells


def _clustered(text: str, first: int, end: int, starts: list[int], cells: list[int]) -> None:
    """`clusters` of `text[first:end]`, a run beyond ASCII, added to `starts` and `cells`."""
    joined = flag_half = False  # the cluster so far is more than its first character
    previous = text[first - 1] if first else ""
    for at in range(first, end):
        char = text[at]
        kind = _joining(char)
        if at and (kind == 1 or (kind == 2 and flag_half) or previous in _JOINING_NEXT):
            cells.append(0)
            joined, flag_half = True, False
        else:
            if joined:
                cluster = text[starts[-1] : at]
                cells[starts[-1]] = max(cell_len(cluster), terminal_cells(cluster))
                joined = False
            starts.append(at)
            cells.append(_char_cells(char))
            flag_half = kind == 2
        previous = char
    if joined:
        cluster = text[starts[-1] : end]
        cells[starts[-1]] = max(cell_len(cluster), terminal_cells(cluster))


def cluster_starts(text: str) -> list[int]:
    """Where each of `text`'s clusters starts, what a terminal draws as one (a grapheme
    cluster, as tmux joins them): a character and the marks, selectors and skin tone after
    it; a character after a joiner (not an ASCII one: tmux draws that apart), or after Khmer's
    coeng or Myanmar's virama (`_STACKERS`); a flag's two regional indicators, paired from the
    first of a run."""
    return clusters(text)[0]


def cluster_cells(text: str) -> list[int]:
    """Per character of `text`, the cells of the cluster it starts (`cluster_starts`) in the
    wider of Rich's measure and the terminal's, so that a line of them fits in both; none for
    the characters inside a cluster."""
    return clusters(text)[1]


def fold_to_cells(text: str, cells: int) -> list[str]:
    """`text` folded into pieces of at most `cells` cells (`cluster_cells`), between clusters
    only: a cluster wider than `cells` is a piece of its own."""
    pieces: list[str] = []
    start = taken = 0
    for at, width in enumerate(cluster_cells(text)):
        if width and taken + width > cells and at > start:
            pieces.append(text[start:at])
            start, taken = at, 0
        taken += width
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def cut_to_cells(text: str, cells: int) -> str:
    """The longest start of `text` that takes at most `cells` terminal cells
    (`terminal_cells`), cut between clusters (`cluster_starts`): a family cut after its first
    members was another family, or a letter without its accent another word."""
    if terminal_cells(text) <= cells:
        return text
    if ONE_CELL_EACH.fullmatch(text):
        return text[: max(cells, 0)]
    # Measured whole each time: Rich 15 measures a cluster ("👨‍👩‍👧") as a whole, not by its
    # characters. At most ~9 measures of a title of 500 characters.
    fits, over = 0, len(text)
    while over - fits > 1:
        middle = (fits + over) // 2
        if terminal_cells(text[:middle]) <= cells:
            fits = middle
        else:
            over = middle
    if fits and not text.isascii():
        fits = max(
            (start for start in cluster_starts(text[: fits + 1]) if start <= fits), default=0
        )
        # Thai or Lao cut where a syllable starts, never after a vowel written before its
        # consonant ("…ภาษาไทยที่ไ…", acc41c C11). Imported here, by the first such cut: the
        # screen's start makes none of most libraries' titles.
        from .syllables import syllable_start

        fits = syllable_start(text, fits)
    return text[:fits]


def middle_cut(text: str, cells: int) -> str:
    """`text` cut to at most `cells` terminal cells, two thirds before a "…" and the rest after
    it ("https://example.org/news/2024/…/story.html"); whole when it fits. The link list's
    addresses and the command line's lines naming a link (a feed's 1 MB link was a 1 MB line
    of every sync's, its reason cut off: acc37b I2) are cut so."""
    if cell_len(text) <= cells:
        return text
    head_cells = (cells - 1) * 2 // 3
    tail_cells = cells - 1 - head_cells
    head = _cells_from(text, head_cells)
    tail = _cells_from(text[::-1], tail_cells)[::-1]
    return f"{head}…{tail}"


def _cells_from(text: str, cells: int) -> str:
    """The longest start of `text` that takes at most `cells` cells."""
    taken = 0
    for n, char in enumerate(text):
        taken += cell_len(char)
        if taken > cells:
            return text[:n]
    return text
