"""Where a line of Chinese or Japanese may break, by the rules of their typesetting (kinsoku).

Rich breaks a line at spaces only, and folds a longer stretch at whatever cell the column ends:
a paragraph of Chinese, one "word" to it, had lines starting with "。" or "」" and lines ending
with "「". Here Chinese and Japanese break between any two of their characters, except before a
mark no line may start with (closing brackets and quotes, stops and commas, small kana, "ー",
"々", "…": JIS X 4051's) or after one no line may end with (opening brackets and quotes). Such
a mark is never hung past the column's edge (no cell is there to hang it in, and a terminal cuts
what passes it): the character before it is carried onto the next line with it (oidashi), so
the line is a cell or two short. Korean, Latin and the rest still break at spaces only; a
paragraph with no Chinese or Japanese in it is left to Rich alone (most text, and the fastest).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Literal

from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.containers import Lines
from rich.text import Text

from ....models import IDEOGRAPHS

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
_CJK = re.compile(f"[{_ANYWHERE}]")
# Where a line may break: after spaces (as Rich), or beside a Chinese or Japanese character;
# never before a mark no line starts with, nor after one no line ends with.
_BREAK = re.compile(
    rf"(?:(?<=\s)(?=\S)|(?<=[{_ANYWHERE}])(?=\S)|(?<=\S)(?=[{_ANYWHERE}]))"
    rf"(?![{_NO_START}])(?<![{_NO_END}])"
)


Spans = Sequence[tuple[int, int]]
"""Stretches of a text: (start, end) each."""


def wrap(
    text: Text,
    console: Console,
    width: int,
    justify: Literal["default", "center"] = "default",
    keep: Spans = (),
) -> list[Text]:
    """`text` wrapped to lines of at most `width` cells, as `Text.wrap` with overflow "fold",
    breaking Chinese and Japanese by their rules. `keep`: stretches set whole on one line
    when they fit one (they may nest: the inner ones are kept whole when the outer one does
    not fit)."""
    plain = text.plain
    if not keep and (plain.isascii() or _CJK.search(plain) is None):
        return list(text.wrap(console, width, justify=justify, overflow="fold"))
    held = [(start, end) for start, end in keep if cell_len(plain[start:end]) <= width]
    out = Lines()
    at = 0
    for line in text.split(allow_blank=True):
        length = len(line.plain)
        inside = [(s - at, e - at) for s, e in held if at <= s and e <= at + length]
        at += length + 1
        if "\t" in line.plain:
            line.expand_tabs(8)  # as `Text.wrap`: a tab's width is known once expanded
            inside = []  # and the stretches are no longer where they were
        pieces = line.divide(_breaks(line.plain, width, inside))
        for piece in pieces:
            piece.rstrip_end(width)
        pieces.justify(console, width, justify=justify, overflow="fold")
        for piece in pieces:
            piece.truncate(width, overflow="fold")
        out.extend(pieces)
    return list(out)


def _breaks(line: str, width: int, keep: Spans = ()) -> list[int]:
    """Where to break `line` so that no piece is wider than `width` cells: at the last place
    it may break before the edge (Rich's `divide_line`, with these places in place of its
    words), none inside a stretch of `keep`; a stretch wider than a whole line is folded by
    cells."""
    places = _places(line)
    if keep:
        places = (at for at in places if not any(s < at < e for s, e in keep))
    out: list[int] = []
    used = 0
    start = 0
    for end in chain(places, (len(line),)):
        word = line[start:end]
        length = cell_len(word.rstrip())
        if used + length <= width:
            used += cell_len(word)
        elif length > width:
            folds = chop_cells(word, width)
            for fold in folds[:-1]:
                if start:
                    out.append(start)
                start += len(fold)
            if start:
                out.append(start)
            used = cell_len(folds[-1])
        elif used and start:
            out.append(start)
            used = cell_len(word)
        start = end
    return out


def _places(line: str) -> Iterable[int]:
    return (found.start() for found in _BREAK.finditer(line))
