"""Two texts as the stretches they share and those one alone has, word by word: the words
compared (punctuation at a word's edge apart, figures whole), and the spans built from a
matcher's opcodes, each text's own spacing kept exactly; for `copy_changes`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

SpanKind = Literal["same", "removed", "added"]

_ABSORBED = 2
"""Words the same between two changes that go with them when one of the changes is at least
`_REWRITE` words: a sentence rewritten reads as the old one and the new, not as a comb of
single words ("[-The-]{+A+} spokesman [-said-]{+told+} the…")."""
_REWRITE = 3

# What is compared: a word or figure (`£3m`, `3.5%`, `1,200`, `12:30`, `e-mail`, a URL: from
# and to a character no punctuation), an abbreviation (`U.S.`), a mark of punctuation at a
# word's edge alone ("Ruiz," is "Ruiz" and ",": a name with a comma after it is the same name),
# and a character of Chinese or Japanese alone (written with no spaces: "3億円" is a changed
# figure, not a changed sentence). `Words` keeps the whitespace between them, so that both
# copies' own spacing is given back exactly; `word_and_space` (a word with the
# whitespace after it) is how the faces count words shown.
_UNSPACED = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_EDGE = ".,;:!?…()\\[\\]{}\"'“”‘’«»¿¡—"
_KEY = (
    f"[{_UNSPACED}]"
    f"|(?:[^\\W\\d_]\\.){{2,}}(?![^\\s{_UNSPACED}{_EDGE}])"
    f"|[^\\s{_UNSPACED}{_EDGE}](?:[^\\s{_UNSPACED}]*[^\\s{_UNSPACED}{_EDGE}])?"
    f"|[{_EDGE}]"
)


# Compiled on first use, not at import: the three cost a sync's start-up ~13 ms of CPU, and
# only a corrected article's comparison needs them.
@cache
def keys() -> re.Pattern[str]:
    """The words compared, one match each."""
    return re.compile(_KEY)


@cache
def _split() -> re.Pattern[str]:
    return re.compile(f"({_KEY})")


@cache
def word_and_space() -> re.Pattern[str]:
    """A word with the whitespace after it."""
    return re.compile(f"[{_UNSPACED}]\\s*|[^\\s{_UNSPACED}]+\\s*")


@dataclass(frozen=True)
class Span:
    """A stretch of text the two copies share ("same"), or only the older ("removed") or the
    newer ("added") has."""

    kind: SpanKind
    text: str


def whole(old: str, new: str) -> list[Span]:
    """`old` removed and `new` added, each in one piece."""
    return [Span(kind, text) for kind, text in (("removed", old), ("added", new)) if text]


Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Words:
    """A text as the words compared (`keys`) and the whitespace before each and after the
    last (`gaps`, one more): `gaps[0] + keys[0] + gaps[1] + … + gaps[-1]` is the text."""

    keys: list[str]
    gaps: list[str]

    @classmethod
    def of(cls, text: str) -> Words:
        # Every character but whitespace is some word's: what is between them is spacing.
        parts = _split().split(text)
        return cls(parts[1::2], parts[::2])

    def text(self, start: int, end: int) -> str:
        """Words `start` to `end` and the whitespace between them."""
        if start >= end:
            return ""
        return self.keys[start] + "".join(
            map(str.__add__, self.gaps[start + 1 : end], self.keys[start + 1 : end])
        )


def spans_from(old: Words, new: Words, opcodes: Iterable[Opcode]) -> list[Span]:
    """`old` and `new` as spans, by a matcher's `opcodes` for their `keys`."""
    spans: list[Span] = []
    ops = [op for op in _absorbed(opcodes) if op[0] != "equal" or op[2] > op[1]]
    # Each change takes the whitespace on both sides of it: the copies' own, the same where
    # they have the same (`_changed`). What is left is that at the text's ends and between
    # words the same.
    if ops and ops[0][0] == "equal":
        _spacing(spans, old.gaps[0], new.gaps[0])
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            _changed(spans, old, new, i1, i2, j1, j2)
        elif old.gaps[i1 + 1 : i2] == new.gaps[j1 + 1 : j2]:
            _add(spans, "same", new.text(j1, j2))
        else:  # the same words, spaced otherwise ("said ." and "said.")
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if i > i1:
                    _spacing(spans, old.gaps[i], new.gaps[j])
                _add(spans, "same", new.keys[j])
    if ops and ops[-1][0] == "equal":
        _spacing(spans, old.gaps[-1], new.gaps[-1])
    return spans


def _spacing(spans: list[Span], old: str, new: str) -> None:
    if old == new:
        _add(spans, "same", new)
    else:
        _add(spans, "removed", old)
        _add(spans, "added", new)


def _changed(spans: list[Span], old: Words, new: Words, i1: int, i2: int, j1: int, j2: int) -> None:
    """Words `old[i1:i2]` changed for `new[j1:j2]` (one side may have none), and the
    whitespace on either side: the same on both copies outside the marks, as git shows it
    ("[-3m-]{+4m+} on"); where words are only removed or added, the space before them goes
    with them ("Ruiz[-, Tom Keane-] and", "clear[- by Easter-].")."""
    removed, added = old.text(i1, i2), new.text(j1, j2)
    before, after = (old.gaps[i1], new.gaps[j1]), (old.gaps[i2], new.gaps[j2])
    if not added:
        _one_side(spans, "removed", removed, before[0], after[0], new.gaps[j1])
        return
    if not removed:
        _one_side(spans, "added", added, before[1], after[1], old.gaps[i1])
        return
    if before[0] == before[1]:
        _add(spans, "same", before[0])
        before = ("", "")
    shared = after[0] if after[0] == after[1] else ""
    if shared:
        after = ("", "")
    _add(spans, "removed", before[0] + removed + after[0])
    _add(spans, "added", before[1] + added + after[1])
    _add(spans, "same", shared)


def _one_side(
    spans: list[Span], kind: SpanKind, words: str, before: str, after: str, gap: str
) -> None:
    """`words`, between the whitespace `before` and `after`, which one copy alone has: the
    other has the one `gap` there, shared with one side, the other inside the marks."""
    if gap == after:
        _add(spans, kind, before + words)
        _add(spans, "same", after)
    elif gap == before:
        _add(spans, "same", before)
        _add(spans, kind, words + after)
    else:
        text = before + words + after
        _add(spans, "removed", text if kind == "removed" else gap)
        _add(spans, "added", gap if kind == "removed" else text)


def _add(spans: list[Span], kind: SpanKind, text: str) -> None:
    if not text:
        return
    if spans and spans[-1].kind == kind:
        spans[-1] = Span(kind, spans[-1].text + text)
    else:
        spans.append(Span(kind, text))


def _absorbed(opcodes: Iterable[Opcode]) -> list[Opcode]:
    """`opcodes` with each short run of words the same between two changes taken into them
    when either is a rewrite (`_ABSORBED`, `_REWRITE`), the two one change."""
    merged: list[Opcode] = []
    for op in opcodes:
        if op[0] == "equal" or len(merged) < 2:
            merged.append(op)
            continue
        same, change = merged[-1], merged[-2]
        if same[0] == "equal" and change[0] != "equal" and same[2] - same[1] <= _ABSORBED:
            widest = max(change[2] - change[1], change[4] - change[3], op[2] - op[1], op[4] - op[3])
            if widest >= _REWRITE:
                merged[-2:] = [("replace", change[1], op[2], change[3], op[4])]
                continue
        merged.append(op)
    return merged
