"""What a `Store` keeps of the article pages that timed out on their last tries, one sync after
another: how many tries in a row, and when the last was (`timing_out` says what a sync makes of
it). Kept under `timeouts:KEY` as "COUNT TIME"; gone once the page answers, or is cached."""

from __future__ import annotations

import time
from contextlib import suppress

from ..keys import article_key
from .directory import _reporting_storage_errors
from .key_ranges import rows_with_prefix
from .taken_down import StoreTakenDown

TIMEOUTS = "timeouts:"


@_reporting_storage_errors
class StoreTimedOutPages(StoreTakenDown):
    """The article pages a `Store` found timing out, try after try."""

    def count_timeout(self, url: str) -> int:
        """Count a try of the page at `url` that timed out, now: how many have, in a row."""
        key = TIMEOUTS + article_key(url)
        with self._articles.transact():
            tries = _tries(self._articles.get(key)) + 1
            self._articles.set(key, f"{tries} {time.time()!r}")
        return tries

    def timeouts_of(self, url: str) -> int:
        """How many tries of the page at `url` in a row timed out (0: its last did not)."""
        return _tries(self._articles.get(TIMEOUTS + article_key(url)))

    def answered(self, url: str) -> None:
        """The page at `url` answered (whatever it said): its timeouts in a row are over."""
        self._articles.delete(TIMEOUTS + article_key(url))

    def timeouts(self) -> dict[str, tuple[int, float]]:
        """How many tries in a row timed out of each page so found, and when the last did
        (epoch seconds), by key."""
        found: dict[str, tuple[int, float]] = {}
        for key, value in rows_with_prefix(self._articles, TIMEOUTS):
            with suppress(ValueError, AttributeError):
                tries, at = value.split(" ")
                found[key] = (int(tries), float(at))
        return found


def _tries(value: object) -> int:
    """The count of a `timeouts:` record (0 for none, or one unreadable)."""
    try:
        return int(str(value).split(" ")[0]) if value is not None else 0
    except ValueError:
        return 0
