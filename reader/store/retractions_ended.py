"""What a `Store` keeps of a story's retraction or withdrawal that ended, its page and its
feed's headline no longer saying it, and which kept copy first said the one said now.

A feed's "Withdrawn: …" over a page unchanged is kept as a copy of its own (`retraction`),
but that copy says the page's words; the headline dropping "Withdrawn:" again checks it in
place, and the word went with no copy or note saying it was ever said. Kept as takedowns that
ended are (`taken_down`), under a key of its own an older reader leaves alone.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import suppress
from datetime import datetime
from typing import Any

from ..keys import article_key
from ..models import Article, RetractionEnded
from .dated_lists import moment, read_records, with_record
from .directory import _reporting_storage_errors
from .refused_reads import StoreRefusedReads

RETRACTIONS_ENDED = "retraction-ended:"
"""Per article key, each retraction or withdrawal said of its story that ended (JSON list:
`RetractionEnded`'s fields, times in epoch seconds)."""


def said_in(data: Any) -> tuple[str, bool]:
    """What a copy's record says of its story (`Article.retracted`) and whether the feed's
    headline alone says it; ("", False) for nothing, and for a record that can't be read."""
    if not isinstance(data, dict):
        return "", False
    if page := data.get("retracted"):
        return str(page), False
    if feed := data.get("feed_retracted"):
        return str(feed), True
    return "", False


def first_saying(records: Iterable[Any]) -> int:
    """Which of `records` (copies' records oldest first, the latest last) first said what the
    latest says of the story, each after it saying the same (1: the oldest); 0 for a latest
    saying nothing."""
    said = [said_in(record) for record in records]
    if not said or not said[-1][0]:
        return 0
    first = len(said)
    while first > 1 and said[first - 2] == said[-1]:
        first -= 1
    return first


@_reporting_storage_errors
class StoreRetractionsEnded(StoreRefusedReads):
    """The retractions of a `Store`'s stories that ended."""

    def _note_retraction_ended(self, key: str, records: list[Any], article: Article) -> None:
        """Keep that what the copies' `records` (oldest first, the latest cached last) said of
        the story under `key` ended with `article`, fetched again and saying nothing of the
        kind, if they said it (in the caller's transaction)."""
        said, by_feed = said_in(records[-1] if records else None)
        if not said or article.retracted:
            return
        first = records[first_saying(records) - 1]
        since = None
        with suppress(KeyError, TypeError, ValueError):
            since = datetime.fromisoformat(first["fetched_at"]).timestamp()
        # Checked unchanged, `article` is dated from the copy before, and found so now.
        now = article.checked_at or article.fetched_at
        until = now.timestamp() if now else time.time()
        ended = self._load(self._articles, RETRACTIONS_ENDED + key, [])
        record = {
            "said": said,
            "by": "feed" if by_feed else "page",
            "since": since if since is not None else until,
            "until": until,
        }
        self._save(self._articles, RETRACTIONS_ENDED + key, with_record(ended, record))

    def retractions_ended(self, url: str) -> list[RetractionEnded]:
        """The retractions and withdrawals said of the story at `url` that ended, oldest
        first."""
        ended = self._load(self._articles, RETRACTIONS_ENDED + article_key(url), [])
        return read_records(ended, _retraction_ended)


def _retraction_ended(one: Any) -> RetractionEnded:
    """An ended retraction of `RETRACTIONS_ENDED`'s list."""
    return RetractionEnded(
        str(one["said"]), one["by"] == "feed", moment(one["since"]), moment(one["until"])
    )
