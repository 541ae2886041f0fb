"""What a `Store` keeps of the times a cached story's page, fetched again, was not taken for
its copy: a page giving much less than the copy (a paywall's teaser in a long story's place), a
page to sign in, one titled as another story. The copy stays as it was, and the refusal was said
once by the sync and forgotten: a fact-checker reading the copy later had no sign the page had
changed and was not taken (copies48). Kept under a key of its own an older reader leaves alone.
"""

from __future__ import annotations

import time
from contextlib import suppress

from ..keys import article_key
from ..models import RefusedRead
from .directory import _reporting_storage_errors
from .reading_times import StoreReadingTimes
from .taken_down import _moment

REFUSED_READS = "refused-read:"
"""Per article key, the times its page fetched again was not taken for the copy (JSON list:
`RefusedRead`'s fields, times in epoch seconds)."""
_REFUSED_KEPT = 10
"""How many refusals of one story's page are kept: the latest."""


@_reporting_storage_errors
class StoreRefusedReads(StoreReadingTimes):
    """The pages a `Store`'s cached stories were fetched again as and not taken for."""

    def note_refused(self, url: str, why: str) -> None:
        """Keep that `url`'s page, fetched again now, was not taken for the copy cached, and
        `why` (a line: "the page gave 31 words of its own, the copy cached 96 …")."""
        key = article_key(url)
        if f"article:{key}" not in self._articles:
            return  # no copy it was refused for
        with self._articles.transact():
            refused = self._load(self._articles, REFUSED_READS + key, [])
            refused = refused if isinstance(refused, list) else []
            refused.append({"at": time.time(), "why": why})
            self._save(self._articles, REFUSED_READS + key, refused[-_REFUSED_KEPT:])

    def refused_reads(self, url: str) -> list[RefusedRead]:
        """The times `url`'s page was fetched again and not taken for its copy, oldest
        first."""
        refused = self._load(self._articles, REFUSED_READS + article_key(url), [])
        found = []
        for one in refused if isinstance(refused, list) else ():
            with suppress(KeyError, TypeError, ValueError, OverflowError, OSError):
                found.append(RefusedRead(_moment(one["at"]), str(one["why"])))
        return found
