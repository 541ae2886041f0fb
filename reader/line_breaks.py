"""Where a line may break: Chinese and Japanese, by the rules of their typesetting (kinsoku).

Rich breaks a line at spaces only, and folds a longer stretch at whatever cell the column ends:
a paragraph of Chinese, one "word" to it, had lines starting with "。" or "」" and lines ending
with "「". Here Chinese and Japanese break between any two of their characters, except before a
mark no line may start with (closing brackets and quotes, stops and commas, small kana, "ー",
"々", "…": JIS X 4051's) or after one no line may end with (opening brackets and quotes). Such
a mark is never hung past the column's edge (no cell is there to hang it in, and a terminal cuts
what passes it): the character before it is carried onto the next line with it (oidashi), so
the line is a cell or two short. Thai sets no space between its words (a space ends a phrase):
a run of it breaks where a syllable surely starts or ends, before a vowel written ahead of its
consonant ("เ แ โ ใ ไ") and after "ะ", "ำ", "ๆ", "ฯ" or a silenced letter's "์", and is never
folded after such a vowel (Rich left "แ" at a line's end, cut from the "จ้ง" it is read after).
Lao, written as Thai is, breaks by the same rules with its own letters ("ເ ແ ໂ ໃ ໄ" first, "ະ",
"ຳ", "ໆ", "ຯ" last); Khmer and Myanmar, which set no spaces either, break where a syllable
starts: at a consonant or an independent vowel, not one written below the one before it (after
Khmer's coeng "្", Myanmar's virama "္"), nor one that may end the syllable before (a Khmer
consonant without a vowel sign of its own, one Myanmar's asat "်" silences).
Rich folded a line of them at whatever cell the column ended, inside a syllable ("ຫຼ" / "າຍ").
The reading view wraps by these rules (`ui/widgets/article/line_breaks`), and so does the
command line on a terminal (`folded`: `reader show`, `reader list`), whose lines the terminal
itself broke at its edge mid-word, mid-address, before a "。" (acc45b B7).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, pairwise

from rich.cells import get_character_cell_size

from .cells import clusters, terminal_cells
from .marks import terminal_words
from .models import IDEOGRAPHS
from .syllables import LAO as _LAO
from .syllables import LAO_LEADING as _LAO_LEADING
from .syllables import LEADING_VOWELS, STARTS
from .syllables import THAI as _THAI

STAND_IN = "\ue000"
"""Holds a no-break space while a text is wrapped: one cell wide, no whitespace, and no line
breaks on either side of it."""
# Han, kana, their punctuation (not the ideographic space: a space), full-width forms and
# half-width katakana: a line may break between any two (not Hangul: Korean sets spaces
# between its words).
_ANYWHERE = (
    f"{IDEOGRAPHS}\u3001-\u303f\u3100-\u312f\u31a0-\u31ff\u3200-\u33ff"
    "\ufe30-\ufe4f\uff01-\uff9f\uffe0-\uffee"
)
# No line starts with these: closing brackets and quotes, stops, commas, colons, ? and !, the
# dots between the parts of a name ("卡尔·马克思"), small kana, the prolonged sound mark,
# iteration marks, leaders, and units written after a figure.
_NO_START = re.escape(
    "’”）〕］｝〉》」』】〙〗〟｠)]}»›｣"
    "‐゠–〜～？！‼⁇⁈⁉?!・·‧：；:;･。．.｡、，,､"
    "ヽヾゝゞ々〻ーｰ…‥"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
    "%％‰℃°′″￠" + STAND_IN
)
# No line ends with these: opening brackets and quotes, and signs written before a figure.
_NO_END = re.escape("‘“（〔［｛〈《「『【〘〖〝｟([{«‹｢￥＄￡＃" + STAND_IN)
_KHMER = "\u1780-\u17ff"
_MYANMAR = "\u1000-\u109f"
# Where a Khmer or Myanmar syllable starts: a consonant or an independent vowel. A Khmer
# consonant with no vowel sign, coeng or sign of its own after it may end the syllable before
# instead ("ច្រើន"'s "ន"): only a consonant written with one is surely a syllable's first.
_KHMER_STARTS = "[\u1780-\u17a2][\u17b6-\u17d3\u17dd]|[\u17a3-\u17b3]"
_MYANMAR_STARTS = "\u1000-\u1021\u1023-\u102a\u103f"
_VIRAMA = "\u1039"
"""Myanmar's stacker, which writes the consonant after it below the one before (as Khmer's
coeng does): one cluster with it (`cells.clusters`), never a line's start."""
_ASAT = "\u103a"
"""Myanmar's killer: the consonant it follows ends the syllable before, it starts none."""
CLUSTERED = re.compile(
    f"[{_ANYWHERE}{_THAI}{_LAO}{_KHMER}{_MYANMAR}\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\u200d]"
)
"""Text Rich's folding doesn't break as it should: Chinese, Japanese, Thai, Lao, Khmer and
Myanmar, and what it cuts
apart of a cluster a terminal draws as one, a flag's regional indicators, a skin tone (Rich: two
cells of their own) and a joiner (Rich joins an ASCII letter after it, tmux doesn't)."""
# Where a line may break: after spaces (as Rich), beside a Chinese or Japanese character, or
# where a Thai syllable surely starts or ends (not between two leading vowels: "เเ" is "แ"
# typed in two); never before a mark no line starts with, nor after one no line ends with.
_BREAK = re.compile(
    rf"(?:(?<=\s)(?=\S)|(?<=[{_ANYWHERE}])(?=\S)|(?<=\S)(?=[{_ANYWHERE}])"
    rf"|{STARTS}"
    rf"|(?<=[{_KHMER}])(?={_KHMER_STARTS})"
    rf"|(?<=[{_MYANMAR}])(?<!{_VIRAMA})(?=[{_MYANMAR_STARTS}](?![{_ASAT}{_VIRAMA}])))"
    rf"(?![{_NO_START}])(?<![{_NO_END}])"
)
_UNFOLDED = re.compile(
    f"(?<=[{LEADING_VOWELS}{_LAO_LEADING}])"
    "|(?=[\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f\u0eb0\u0eb2\u0eb3\u0ec6\u0eaf])"
)
"""Where a stretch of Thai or Lao with no break in a line's width is never folded: after a
vowel written before its consonant, or before one written after it ("ะ", "า", "ำ"; "ະ", "າ",
"ຳ") or a sign that ends a word ("ๆ", "ฯ"; "ໆ", "ຯ"); they take a cell of their own, as a
consonant does."""

Spans = Sequence[tuple[int, int]]
"""Stretches of a text: (start, end) each."""

# Spaces no line may break at: Rich breaks at any whitespace, a no-break one too ("3 €",
# "10 000"), and French sets a space, often a plain one, before ? ! : ; » and after «: a line
# began with a lone "?" or "»". Each is held by a stand-in that is no space while wrapping.
# Nor the plain space a figure's thousands are grouped with ("3 000", "12 500 000": Russian,
# French, Ukrainian…), which search reads as one figure: a line ended "будут 3" and the next
# began "000 шаров." (acc38a J9). A group of one to three digits before it (a year's four, "in
# 2026 300 people", are two numbers), and three after. A table's cells are held so too: a cell
# "12 000 €" broke before its "€" (ext40).
NO_BREAK = re.compile(
    r"[\u00a0\u202f\u2007]|[ \t](?=[?!:;»](?:\s|$|[.,)»]))|(?:(?<=^«)|(?<=\s«))[ \t]"
    r"|(?:(?<=(?<!\d)\d)|(?<=(?<!\d)\d\d)|(?<=(?<!\d)\d{3})|(?<=\d \d{3})) (?=\d{3}(?!\d))"
)
# What each of them needs in the text: found in one scan, where `NO_BREAK`'s lookarounds are
# tried at each character (a table's 15,000 cells, most of them a word or a figure, took 8%
# longer to lay out).
MAY_HOLD = re.compile(r"[\u00a0\u202f\u2007?!:;«»]|\d \d")


def breaks(line: str, width: int, keep: Spans = ()) -> list[int]:
    """Where to break `line` so that no piece is wider than `width` cells: at the last place
    it may break before the edge (as Rich's `divide_line` at its words), none inside a stretch
    of `keep`; a stretch wider than a whole line is folded by cells."""
    # Found from the edge back, not word by word from the start: in Chinese almost every
    # character is a place to break, and a paragraph is thousands of them. Each cluster's
    # cells on its first character: a fold found by cells falls between two clusters (a
    # flag folded after "🇫" read "🇷🇩🇪…" on, every flag after it two other letters).
    if line.isascii():
        ends = list(accumulate(map(_cells, line), initial=0))
        starts = None
    else:
        clustered, cells = clusters(line)
        ends = list(accumulate(cells, initial=0))
        starts = set(clustered)
    last = len(line.rstrip())
    out: list[int] = []
    start = 0
    while ends[last] - ends[start] > width:
        fold = max(start + 1, bisect_right(ends, ends[start] + width, start) - 1)
        while starts is not None and fold < last and fold not in starts:
            fold += 1  # a cluster wider than the line: a line of its own
        fold = _thai_fold(line, start, fold, starts)
        edge = fold
        while edge < last and line[edge].isspace():
            edge += 1  # spaces at the end of a line are dropped, so they may pass the edge
        at = edge
        while at > start and not _may_break(line, at, keep, starts):
            at -= 1
        start = at if at > start else fold
        out.append(start)
    return out


def _thai_fold(line: str, start: int, fold: int, starts: set[int] | None) -> int:
    """`fold` moved back, past clusters, to where a Thai or Lao vowel is not cut from the
    consonant it is read with (`_UNFOLDED`); where it was if no such place is after `start`."""
    back = fold
    while back - 1 > start and _UNFOLDED.match(line, back):
        back -= 1
        while starts is not None and back - 1 > start and back not in starts:
            back -= 1
    return back if back > start and (starts is None or back in starts) else fold


def _may_break(line: str, at: int, keep: Spans, starts: set[int] | None) -> bool:
    return (
        _BREAK.match(line, at) is not None
        and (starts is None or at in starts)
        and not any(s < at < e for s, e in keep)
    )


@lru_cache(maxsize=4096)
def _cells(char: str) -> int:
    """The cells of `char`, as Rich measures it alone."""
    return get_character_cell_size(char)


_LEAD = re.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:•|\d{1,3}[.)])[ \t]+)?")
"""A line's lead, which the rest of it is set under once broken: its indent, a quotation's ">"
marks, a list item's marker ("• ", "3. ": `reader show`'s, its "Links:" list's)."""
_OWN_LINE_AT = 8
"""No piece is set in fewer cells than this after its lead: a line under a deep lead starts
at the terminal's edge instead."""


def folded(text: str, width: int, hang: str = "") -> str:
    """`text`, each of its lines broken to at most `width` cells as a terminal draws them
    (`terminal_cells`) where a line may break (`breaks`): the terminal broke them at its edge,
    mid-word. The rest of a line is set under its lead (`_LEAD`: indent, ">" marks, a list
    item's marker), `hang` further in. A word no break may be made in that is wider than the
    line (an address) stays whole, on a line of its own: copied, it is the whole address.

    Measured as the terminal is given it: on the Linux console or in an ASCII locale "—" is
    written "--" and "…" "..." (`marks.terminal_words`), cells wider; swapped after the
    breaking, a line of them went past the width."""
    text = terminal_words(text)
    return "\n".join(
        piece for line in text.split("\n") for piece in _folded_line(line, width, hang)
    )


def _folded_line(line: str, width: int, hang: str) -> list[str]:
    if terminal_cells(line) <= width:
        return [line]
    line = line.expandtabs(8)
    lead = _LEAD.match(line).group()  # type: ignore[union-attr]  # it matches at least ""
    under = re.sub(r"[^>\s]", " ", lead) + hang  # ">" marks kept, the marker's cells blank
    if width - terminal_cells(under) < _OWN_LINE_AT:
        under = ""
    room = width - terminal_cells(under)
    pieces = _pieces(line[len(lead) :], width - terminal_cells(lead), room)
    return [lead + pieces[0], *(under + piece for piece in pieces[1:])]


def _pieces(text: str, first: int, room: int) -> list[str]:
    """`text` in pieces, the first of at most `first` cells, the rest of `room`; a word wider
    than `room` that only spaces may break (an address) a piece of its own, whole."""
    out: list[str] = []
    at = 0
    for word in re.finditer(r"\S+", text):
        whole = word.group()
        # No character takes more than two cells: most words are not measured at all.
        if len(whole) * 2 <= room or terminal_cells(whole) <= room or CLUSTERED.search(whole):
            continue
        if before := text[at : word.start()].strip():
            out += _broken(before, first if not out else room, room)
        out.append(whole)
        at = word.end()
    rest = text[at:].strip() if out else text
    if rest or not out:
        out += _broken(rest, first if not out else room, room)
    return out


def _broken(text: str, first: int, room: int) -> list[str]:
    """`text` broken into lines where a line may (`breaks`), never at a no-break space
    (`NO_BREAK`): the first of at most `first` terminal cells, the others `room`."""
    held = NO_BREAK.sub(STAND_IN, text) if MAY_HOLD.search(text) else text
    cut = _cuts(held, first)[:1]
    if cut:
        cut += [cut[0] + later for later in _cuts(held[cut[0] :], room)]
    return _cut_at(text, cut)


def _cut_at(text: str, cut: list[int]) -> list[str]:
    """`text` cut at each of `cut`, the spaces that ended each piece left out."""
    return [text[start:end].rstrip() for start, end in pairwise([0, *cut, len(text)])]


def _cuts(text: str, width: int) -> list[int]:
    """`breaks` at `width`, narrowed until every piece fits as a terminal draws it (Rich's
    measure, which `breaks` takes, gives a Hindi vowel sign no cell)."""
    narrower = width
    while True:
        cut = breaks(text, max(narrower, 1))
        over = max(map(terminal_cells, _cut_at(text, cut))) - width
        if over <= 0 or narrower <= _OWN_LINE_AT:
            return cut
        narrower = max(_OWN_LINE_AT, narrower - over)
