"""The line under each row of a search's hits (`Hit.line`: its snippet, its byline), given to
the headline list as it draws its rows: a hit found without its line (`Hit.pending`: a common
word's thousands, most never scrolled to) is asked for the first time its row is drawn, and
shows `PENDING` until it comes (`MainFullText`'s `_fill_lines`, in a thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..full_text import Hit

PENDING = "…"
"""A pending hit's line, until its own is worked out (a fraction of a second)."""


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

    def hit(self, entry_id: str) -> Hit | None:
        """The hit of `entry_id`'s row, as it is now."""
        return self._hits.get(entry_id)

    def fill(self, hits: Iterable[Hit]) -> None:
        """The `hits` (of rows listed) with their lines now."""
        for hit in hits:
            if hit.headline.entry.id in self._hits:
                self._hits[hit.headline.entry.id] = hit
