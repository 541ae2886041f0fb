"""What a `Store` keeps of the times a cached story's page, fetched again, was not taken for
its copy: a page giving much less than the copy (a paywall's teaser in a long story's place), a
page to sign in, one titled as another story. The copy stays as it was, and the refusal was said
once by the sync and forgotten: a fact-checker reading the copy later had no sign the page had
changed and was not taken (copies48). Kept under a key of its own an older reader leaves alone.
"""

from __future__ import annotations

import time

from ..keys import article_key
from ..models import RefusedRead
from .dated_lists import moment, read_records, with_record
from .directory import _reporting_storage_errors
from .key_ranges import keys_with_prefix
from .reading_times import StoreReadingTimes

REFUSED_READS = "refused-read:"
"""Per article key, the times its page fetched again was not taken for the copy (JSON list:
`RefusedRead`'s fields, times in epoch seconds)."""
REFUSED_ASKED_AGAIN = 24 * 3600
"""Seconds a sync leaves a page it refused before asking for it again, its feed telling of no
change since (`last_refused`): a paywall's teaser was fetched and said again by every sync
(acc48d D6), and a wall lifted is found within a day."""


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
            record = {"at": time.time(), "why": why}
            self._save(self._articles, REFUSED_READS + key, with_record(refused, record))

    def refused_reads(self, url: str) -> list[RefusedRead]:
        """The times `url`'s page was fetched again and not taken for its copy, oldest
        first."""
        refused = self._load(self._articles, REFUSED_READS + article_key(url), [])
        return read_records(refused, lambda one: RefusedRead(moment(one["at"]), str(one["why"])))

    def last_refused(self) -> dict[str, float]:
        """By article key, when its page was last refused (epoch seconds), for those refused
        within `REFUSED_ASKED_AGAIN`: what a sync compares the time its feed says the story was
        updated with, as with its download (`renewable`)."""
        now, found = time.time(), {}
        for key in keys_with_prefix(self._articles, REFUSED_READS):
            refused = self._load(self._articles, REFUSED_READS + key, [])
            times = [
                one["at"]
                for one in (refused if isinstance(refused, list) else ())
                if isinstance(one, dict) and isinstance(one.get("at"), int | float)
            ]
            if times and now - max(times) < REFUSED_ASKED_AGAIN:
                found[key] = float(max(times))
        return found
