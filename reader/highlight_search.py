"""Highlights found in a text given a part at a time at its end: a huge article is laid out in
slices, each adding runs of text, and looking for every highlight in the whole text again at
each slice took 7 ms of the event loop per slice at 5.6 MB (a slice's own work is 12).

Each part is searched once, and the places found are those `highlights.find_passage` finds in
the whole text: a match found stays one (the parts are joined by a line break, which no word
runs on through), and the search goes on from where a match may still be under way at the text's
end, the last words being the first of a highlight's."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .highlights import Highlight, passage_pattern

_WORD = re.compile(r"\w+")


@dataclass
class _Sought:
    """One highlight's search so far."""

    pattern: re.Pattern[str] | None
    words: list[str]
    near: float
    starts: list[int] = field(default_factory=list)
    """Where each place of its words starts, in order."""
    ends: list[int] = field(default_factory=list)
    resume: int = 0
    """Where the search goes on when the text grows."""


class GrowingSearch:
    """Where `highlights` are in a text given by `extend` a part at a time (a line break
    between two parts), as `find_passage` finds them in the text so far."""

    def __init__(self, highlights: Sequence[Highlight]) -> None:
        self._sought = [
            _Sought(passage_pattern(h.words), _WORD.findall(h.words), h.near) for h in highlights
        ]
        self.texts: list[str] = []
        """The parts given, in order."""
        self.starts: list[int] = []
        """Where each part starts in the text they make."""
        self.length = 0

    def extend(self, texts: Sequence[str]) -> None:
        """`texts` added at the end of the text, each after a line break, and searched."""
        if not texts:
            return
        first = len(self.texts)
        for text in texts:
            self.starts.append(self.length + 1 if self.texts else 0)
            self.texts.append(text)
            self.length = self.starts[-1] + len(text)
        for sought in self._sought:
            if sought.pattern is not None:
                self._search(sought, first)

    def _search(self, sought: _Sought, first: int) -> None:
        """Search `sought` from where it was left, in the parts from there to the end."""
        assert sought.pattern is not None
        part = min(first, bisect_right(self.starts, sought.resume) - 1)
        base = self.starts[part]
        text = "\n".join(self.texts[part:])
        end = sought.resume - base
        for match in sought.pattern.finditer(text, max(0, end)):
            end = match.end()
            if match.start() and _WORD.match(text, match.start() - 1):
                continue  # the end of a longer word, as `find_passage` skips it
            sought.starts.append(base + match.start())
            sought.ends.append(base + match.end())
        sought.resume = max(base + end, self._under_way(sought.words))

    def _under_way(self, words: list[str]) -> int:
        """Where a place of `words` would start that the text's end cuts short (its last
        words the first of `words`): the earliest such; none, the text's end."""
        need = len(words) - 1
        tail: list[tuple[int, str]] = []
        for part in range(len(self.texts) - 1, -1, -1):
            if len(tail) >= need:
                break
            found = _WORD.finditer(self.texts[part])
            tail[:0] = [(self.starts[part] + m.start(), m.group()) for m in found]
        tail = tail[-need:] if need else []
        for count in range(len(tail), 0, -1):
            if [word for _, word in tail[-count:]] == words[:count]:
                return tail[-count][0]
        return self.length

    def places(self) -> list[tuple[int, int] | None]:
        """Per highlight, where it is in the text so far (start, end): of several places, the
        nearest to where it was kept; None when it is not there."""
        out: list[tuple[int, int] | None] = []
        for sought in self._sought:
            if not sought.starts:
                out.append(None)
                continue
            wanted = sought.near * self.length
            k = bisect_left(sought.starts, wanted)
            # The nearer of the places either side; of two as near, the first.
            if k == len(sought.starts) or (
                k and wanted - sought.starts[k - 1] <= sought.starts[k] - wanted
            ):
                k -= 1
            out.append((sought.starts[k], sought.ends[k]))
        return out
