"""A PDF line ending in a hyphen: a word broken there ("contrac-" "tor") is whole again, a
compound that has its hyphen anyway ("self-" "employed", "follow-" "up", "Baden-"
"Württemberg") keeps it, so the writer's word is quoted and found as written.

With no dictionary at hand, the document is its own: a word it spells whole elsewhere is
joined, a compound it spells with its hyphen elsewhere keeps it; else a part that English
hyphenates ("self-", "-based", "-up") or a capital after the hyphen keeps it, as careful
PDF-to-text tools do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHENATED_HEADS = frozenset({"self", "half", "quasi", "cross", "well"})
"""First parts English writes with a hyphen ("self-employed", "half-year"), before a part of
four letters or more ("self-ish" is "selfish" broken). Not "ex": "ex-pected" is a word broken."""
_HYPHENATED_TAILS = frozenset(
    {"up", "based", "led", "owned", "run", "funded", "related", "term", "free", "wide"}
    | {"scale", "level", "elect", "making", "style"}
)
"""Last parts English writes with a hyphen ("follow-up", "state-owned", "long-term"). Not
"old" nor "born": "thresh-old" and "stub-born" are words broken."""


class Vocabulary:
    """The words a document spells, whole and hyphenated, to tell its broken words from its
    compounds at a line's end."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: set[str] = set()
        for text in texts:
            self.words.update(word.casefold() for word in _WORD.findall(text))

    def joined(self, text: str, line: str) -> str:
        """`text`, ending in a hyphen after a word, and the next `line`, as one text."""
        head = _WORD.findall(text)[-1] if _WORD.search(text) else ""
        tail = _WORD.match(line)
        whole = line[: tail.end()] if tail else ""
        if not whole:
            return f"{text} {line}"
        first = head.rsplit("-", 1)[-1].casefold()
        last = whole.split("-", 1)[0].casefold()
        if f"{first}{last}" in self.words:
            return text[:-1] + line
        capitals = whole.isupper() and head.isupper()  # a heading in capitals: no sign
        if (whole[0].isupper() and not capitals) or f"{first}-{last}" in self.words:
            return text + line
        if (first in _HYPHENATED_HEADS and len(last) >= 4) or last in _HYPHENATED_TAILS:
            return text + line
        if whole[0].islower() or capitals:
            return text[:-1] + line
        return f"{text} {line}"
