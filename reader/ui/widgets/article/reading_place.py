"""Where the reader is in an article's text, kept across a re-wrap (a resize, a theme).

A screen line number means nothing once the paragraphs are wrapped for another width: the
place is the paragraph at the top of the view and the character its top line starts with, and
it is found again in the new layout. A paragraph searched as one run (a wrapped paragraph, a
code block) keeps its character; a table, whose lines are runs of their own, keeps the same
share of its lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the app imports `Place` before its first screen, which needs no text matching
    from .find_in_article import LineMap


@dataclass(frozen=True)
class Place:
    """A place in an article's paragraphs, independent of the width they are wrapped for."""

    paragraph: int
    offset: int | None = None
    """The character of the paragraph's text the line starts with (None: see `line`)."""
    line: int = 0
    """Without an offset: the line of the paragraph, out of `lines`."""
    lines: int = 1
    above: int = 0
    """Blank lines above the paragraph at the top of the view (the gap before it)."""

    def record(self) -> dict[str, int]:
        """The place as the store keeps it (see `Library.remember_place`)."""
        return {key: value for key, value in asdict(self).items() if value is not None}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Place | None:
        """The place a `record` keeps; None when it is no such record (a damaged one, or one
        of another version's making)."""
        names = {field.name for field in fields(cls)}
        if "paragraph" not in record or not set(record) <= names:
            return None
        if any(type(value) is not int or value < 0 for value in record.values()):
            return None
        return cls(**record)


def place_at(extents: list[range], runs: LineMap, top: int) -> Place | None:
    """The place shown on screen line `top` (None: no text there)."""
    starts = [extent.start for extent in extents]
    p = bisect_right(starts, top) - 1
    if p < 0 or top >= extents[-1].stop:
        return None
    extent = extents[p]
    if top >= extent.stop:  # the blank lines before the next paragraph
        return Place(p + 1, above=extents[p + 1].start - top)
    run = _only_run(extent, runs)
    if run is not None:
        for line, start, _end, _cell in runs.runs[run].pieces:
            if line == top:
                return Place(p, offset=start)
    return Place(p, line=top - extent.start, lines=len(extent))


def line_of(place: Place, extents: list[range], runs: LineMap) -> int | None:
    """The screen line `place` is on now (None: the article has fewer paragraphs now)."""
    if place.paragraph >= len(extents):
        return None
    extent = extents[place.paragraph]
    if place.above:
        return extent.start - place.above
    run = _only_run(extent, runs) if place.offset is not None else None
    if run is not None and place.offset is not None:
        pieces = runs.runs[run].pieces
        k = bisect_right(runs.piece_ends[run], place.offset)
        return pieces[min(k, len(pieces) - 1)][0]
    line = place.line * len(extent) // max(1, place.lines)
    return extent.start + min(line, max(0, len(extent) - 1))


def place_of(run: int, offset: int, extents: list[range], runs: LineMap) -> Place | None:
    """Character `offset` of run `run` as a place (None: a table's, whose runs are its lines
    as wrapped for one width)."""
    line = runs.runs[run].pieces[0][0]
    paragraph = bisect_right([extent.start for extent in extents], line) - 1
    if paragraph < 0 or _only_run(extents[paragraph], runs) != run:
        return None
    return Place(paragraph, offset=offset)


def run_of(place: Place, extents: list[range], runs: LineMap) -> tuple[int, int] | None:
    """The run and character a `place_of` is now (None: that paragraph isn't one run now)."""
    if place.offset is None or place.paragraph >= len(extents):
        return None
    run = _only_run(extents[place.paragraph], runs)
    return None if run is None else (run, place.offset)


def _only_run(extent: range, runs: LineMap) -> int | None:
    """The run of the paragraph drawn on `extent` when it is searched as one (not a table's)."""
    first = bisect_left(runs.last_lines, extent.start)
    last = bisect_left(runs.last_lines, extent.stop)
    return first if last - first == 1 else None
