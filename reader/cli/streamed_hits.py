"""`reader list --search`'s hits printed as the search finds them (`search_cached`'s pages):
a year's common word printed its first line after the whole search, half a minute on (search41),
and a pipe's reader that has seen enough (`| head`) now stops the search."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..full_text import Hit
    from ..reports import Headline

__all__ = ["StreamedHits"]


class StreamedHits:
    """Given a search's hits so far (each time all of them, the first as before), prints the
    rows they list (`listed`: one row an article, within the dates asked) past those printed,
    by `printed` (given the hits their lines are of), and sends them on at once."""

    def __init__(
        self,
        listed: Callable[[list[Hit]], list[Headline]],
        printed: Callable[[list[Headline], list[Hit]], None],
    ) -> None:
        self._listed = listed
        self._printed = printed
        self.rows: list[Headline] = []
        """The rows printed so far, in the order they were."""
        self._printed_ids: set[int] = set()

    def __call__(self, hits: list[Hit]) -> None:
        # Told by which rows were printed, not how many: a hit printed may be gone from the
        # next list (its article cached anew without the words, `text_search`'s check), and
        # counting left out as many of the next page's first rows, never printed (review41).
        rows = [h for h in self._listed(hits) if id(h) not in self._printed_ids]
        if rows:
            self._printed(rows, hits)
            sys.stdout.flush()  # a pipe's reader has them now, not when its buffer fills
            self.rows += rows  # kept: their ids stay theirs while the search goes on
            self._printed_ids.update(id(h) for h in rows)
