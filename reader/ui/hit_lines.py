"""The line under each row of a search's hits (`Hit.line`: its snippet, its byline), given to
the headline list as it draws its rows: a hit found without its line (`Hit.pending`: a common
word's thousands, most never scrolled to) is asked for the first time its row is drawn, and
shows `PENDING` until it comes (`MainFullText`'s `_fill_lines`, in a thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from .cell_width import terminal_cells

if TYPE_CHECKING:
    from ..full_text import Hit

PENDING = "…"
"""A pending hit's line, until its own is worked out (a fraction of a second)."""

# Of a line cut to show its match, the share of the room kept before the match: what leads up to
# it, and most of the room for what follows.
_BEFORE_MATCH = 3
# The room a match needs after a lead kept before it (`to_its_match`): the words found and a few
# round them; a narrower row shows the match without the lead.
_MATCH_ROOM = 20


def to_its_match(line: str, word: str, room: int, cut_mark: str, lead: str = "") -> str:
    """`line`, when the first match of `word` in it would fall past `room` characters, cut at
    its start (`cut_mark` before it) so the match shows with a few words before it: at 40
    columns every hit read "…waited for months for an answ…", the word searched for never on
    screen (acc42a A13). The row's own fitting then cuts its end to the cells. A `lead` the
    line starts with (`Hit.copy_lead`: the earlier copy matched) stays, the rest cut after it
    while `_MATCH_ROOM` is left for it (acc47e E7)."""
    if lead and line.startswith(lead + " · "):
        start = len(lead) + 3
        left = room - terminal_cells(line[:start])
        if left >= _MATCH_ROOM:
            return line[:start] + to_its_match(line[start:], word, left, cut_mark)
    at, end = _found(line, word)
    if at < 0 or terminal_cells(line[:end]) <= room - len(cut_mark):
        return line
    start = max(0, at - room // _BEFORE_MATCH)
    space = line.find(" ", start, at)  # at the next word's start, none cut in half
    if space >= 0:
        start = space + 1
    return cut_mark + line[start:]


def _found(line: str, word: str) -> tuple[int, int]:
    """Where in `line` the first match of `word` begins and ends, case folded; (-1, -1) when
    none. Lowered letter for letter and mapped back: a letter whose lower case is longer ("İ"
    is two) put a place found in the lowered line past the match in the line itself, and a
    line of Turkish names was cut to nothing but its mark."""
    if not word:
        return -1, -1
    lowered: list[str] = []
    of: list[int] = []  # the line's index of each lowered character
    for i, letter in enumerate(line):
        low = letter.lower()
        lowered.append(low)
        of.extend([i] * len(low))
    wanted = word.lower()
    at = "".join(lowered).find(wanted)
    if at < 0:
        return -1, -1
    return of[at], of[at + len(wanted) - 1] + 1


class HitLines(Mapping[str, str]):
    """By entry id, the line under each of `hits`' rows; `want` told of a pending one's id
    when its line is first read (a row drawn)."""

    def __init__(self, hits: Sequence[Hit], want: Callable[[str], None]) -> None:
        self._hits = {hit.headline.entry.id: hit for hit in hits}
        self._want = want

    def __getitem__(self, entry_id: str) -> str:
        hit = self._hits[entry_id]
        if hit.pending:
            self._want(entry_id)
            return PENDING
        return hit.line

    def __iter__(self) -> Iterator[str]:
        return iter(self._hits)

    def __len__(self) -> int:
        return len(self._hits)

    def word(self, entry_id: str) -> str:
        """The word `entry_id`'s line is of: where a narrow row cuts it to show (`to_its_match`)."""
        hit = self._hits.get(entry_id)
        return "" if hit is None or hit.pending or not hit.snippet else hit.word

    def lead(self, entry_id: str) -> str:
        """The start of `entry_id`'s line that a cut to its match keeps (`Hit.copy_lead`)."""
        hit = self._hits.get(entry_id)
        return "" if hit is None or hit.pending or not hit.version else hit.copy_lead

    def hit(self, entry_id: str) -> Hit | None:
        """The hit of `entry_id`'s row, as it is now."""
        return self._hits.get(entry_id)

    def fill(self, hits: Iterable[Hit]) -> None:
        """The `hits` (of rows listed) with their lines now."""
        for hit in hits:
            if hit.headline.entry.id in self._hits:
                self._hits[hit.headline.entry.id] = hit


class HitsOpenedAt(Mapping[str, "Hit"]):
    """By entry id, the hits of `lines` the reading view opens at (`MainFullText.first_words`):
    found by a word of their text, in an earlier copy, in the reader's note, or pending (told
    once placed). Read from `lines` when asked, as they are then: a dict of them all was made
    at each article opened from a common word's 20,000 hits (search46)."""

    def __init__(self, lines: HitLines) -> None:
        self._lines = lines

    def __getitem__(self, entry_id: str) -> Hit:
        hit = self._lines.hit(entry_id)
        if hit is None or not (hit.word or hit.version or hit.noted or hit.pending):
            raise KeyError(entry_id)
        return hit

    def __iter__(self) -> Iterator[str]:
        return (entry_id for entry_id in self._lines if entry_id in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)
