"""What a `Store` keeps of the stories whose pages were found taken down (`gone`): when, with
what status, how the page said so when that was no 404 or 410 (sent on to its site's front
page), and the takedowns that ended, the page giving the story again.

The mark an older reader reads is `gone:KEY`, "TIME STATUS": for a page that said so otherwise
it holds status 0 (not known, "the page was gone"), the status it gave and how kept under
`gone-since:KEY` beside it, which that reader leaves alone (acc47b F3: such a page was kept
and cited as "answered 404", a status it never gave). A mark made again after it is told by
its time: a `gone-since` of another time is no longer its own.
"""

from __future__ import annotations

import json
import time
from typing import Any

from ..keys import article_key
from ..models import Takedown
from .dated_lists import moment, read_records, with_record
from .directory import _reporting_storage_errors
from .feed_batches import StoreFeedBatches
from .key_ranges import keys_with_prefix

GONE_SINCE = "gone-since:"
"""Of a story found taken down: since when, with what status and how (JSON)."""
GONE_ENDED = "gone-ended:"
"""Of a story whose page gave it again after it was found taken down: each takedown, a list
(JSON: `Takedown`'s fields), for its header to say it was down (acc47b F9: forgotten)."""


@_reporting_storage_errors
class StoreTakenDown(StoreFeedBatches):
    """The stories a `Store` found taken down."""

    def mark_gone(self, url: str, status: int = 0, how: str = "") -> None:
        """Record that the site said now that the story at `url` is gone: with `status` (404,
        410; 0 when not known), or, `how` the page said so otherwise (`soft_gone`: "sent on to
        its site's front page (…), not the story"), the status it gave (301, 200). A cached
        copy stays; caching the page again clears the mark (`_gone_ended`)."""
        key, at = article_key(url), time.time()
        since = self._gone_since(key)
        with self._articles.transact():
            # Text, not the tuple readers before 29 kept (a pickle: `DataDisk` reads those).
            self._articles.set(f"gone:{key}", f"{at!r} {0 if how else status}")
            first = since["since"] if since else at  # still down: since it was first found so
            record = {"at": at, "since": first, "status": status, "how": how}
            self._articles.set(GONE_SINCE + key, json.dumps(record))

    def gone(self) -> dict[str, float]:
        """When each story the site said was gone was last said so (epoch seconds), by key."""
        return {key: self._gone_record(key)[0] for key in self.gone_keys()}

    def gone_keys(self) -> set[str]:
        """The keys of the stories the site said were gone (`gone`), in one query."""
        return set(keys_with_prefix(self._articles, "gone:"))

    def gone_at(self, url: str) -> tuple[float, int] | None:
        """When the site last said the story at `url` is gone (epoch seconds), and with what
        HTTP status (0: not known); None when it has not, or answered since."""
        key = article_key(url)
        return self._gone_record(key) if f"gone:{key}" in self._articles else None

    def gone_how(self, url: str) -> tuple[int, str] | None:
        """Of a story found gone (`gone_at`), the status its page gave and how it said so
        when that was no 404 or 410 (`mark_gone`'s `how`); None for a 404 or 410, and for a
        mark an older reader made."""
        since = self._gone_since(article_key(url))
        return (since["status"], since["how"]) if since and since["how"] else None

    def takedowns_ended(self, url: str) -> list[Takedown]:
        """The takedowns of the story at `url` that ended, its page giving it again, oldest
        first."""
        return read_records(
            self._load(self._articles, GONE_ENDED + article_key(url), []), _takedown
        )

    def _gone_ended(self, key: str) -> None:
        """The story under `key` cached again: its mark cleared, the takedown it said kept
        among those ended (in the caller's transaction)."""
        if f"gone:{key}" not in self._articles:
            return
        at, status = self._gone_record(key)
        since = self._gone_since(key)
        record = {
            "since": since["since"] if since else at,
            "until": time.time(),
            "status": since["status"] if since else status,
            "how": since["how"] if since else "",
        }
        ended = self._load(self._articles, GONE_ENDED + key, [])
        self._save(self._articles, GONE_ENDED + key, with_record(ended, record))
        self._articles.delete(f"gone:{key}")
        self._articles.delete(GONE_SINCE + key)

    def _gone_since(self, key: str) -> dict[str, Any] | None:
        """The `gone-since` record of the mark under `key`, None when there is none or it is
        another mark's (made before it, by an older reader)."""
        raw = self._value(self._articles, GONE_SINCE + key)
        if not isinstance(raw, str) or f"gone:{key}" not in self._articles:
            return None
        try:
            record = json.loads(raw)
            at, since = float(record["at"]), float(record["since"])
            status, how = int(record["status"]), str(record.get("how") or "")
        except (KeyError, TypeError, ValueError):
            return None
        if at != self._gone_record(key)[0]:
            return None
        return {"at": at, "since": since, "status": status, "how": how}

    def _gone_record(self, key: str) -> tuple[float, int]:
        at = self._value(self._articles, f"gone:{key}")
        # A bare time: a mark made before the status was kept.
        if isinstance(at, (int, float)):
            return float(at), 0
        if isinstance(at, str):
            at = tuple(at.split())
        if isinstance(at, tuple) and len(at) == 2:
            try:
                return float(at[0]), int(at[1])
            except (TypeError, ValueError):
                pass
        return 0.0, 0


def _takedown(one: Any) -> Takedown:
    """An ended takedown of `GONE_ENDED`'s list."""
    return Takedown(
        moment(one["since"]), moment(one["until"]), int(one["status"]), str(one.get("how") or "")
    )
