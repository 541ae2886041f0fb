"""Whether a feed tells a story differently from the sync before: an update of it, for the
many feeds (RSS 2.0 with one pubDate) that never give a time of update (`retold`); or, for
those that do, whether that time is after the page's download (`updated_since`) and not the
feed's own build time stamped on every item (`stamped_times`). A sync fetches such a story's
page again (`LibrarySync`), keeping the copy it had as an earlier version.

The item's full text (`Entry.content`: RSS content:encoded, Atom content) is judged as its
summary is: a correction carried there alone, the description kept as it was (acc45a A1).

A title changed in any way counts: a correction's headline ("6m euros" for "9m") is how most
news sites tell one in their feed. A summary counts when its words changed beyond what a
feed changes at every fetch on its own (a view counter, "updated 5 minutes ago"): three
words or more, numbers aside; a smaller change (a figure, a word) counts once the copy is a
day old, so a feed whose summaries tick at every fetch costs a story one fetch a day, not one
a sync."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from ..dates import not_ahead
from ..models import Entry

SUMMARY_NOISE_WORDS = 3
"""Words (numbers aside) a summary must change by to count at once as an update."""
SMALL_CHANGE_AFTER = 24 * 3600.0
"""A smaller change of a summary counts once the copy is this old (seconds)."""

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def _words(html: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(_TAG.sub(" ", html)))


def _title(text: str) -> str:
    return " ".join(text.split()).casefold()


def retold(before: Entry | None, now: Entry, downloaded: float) -> bool:
    """`now` is told differently from `before` (what the feed said of the same item at the
    sync before, None for a new item): its title, or its summary or its full text beyond
    noise (a full text `before` doesn't hold, or `now`, is none to compare); the copy of its
    page was downloaded at `downloaded` (epoch seconds)."""
    # A sync asks of every headline it lists, most told as before: only a changed one is
    # worth counting the words of (51,000 headlines' summaries cost seconds at each sync).
    if before is None or (
        before.title == now.title
        and before.summary == now.summary
        and (before.content == now.content or not before.content or not now.content)
    ):
        return False
    if _title(before.title) != _title(now.title):
        return bool(before.title.strip() and now.title.strip())  # a title only now given: no
    changes = [
        _change(b, n) for b, n in ((before.summary, now.summary), (before.content, now.content))
    ]
    if max(changes) >= SUMMARY_NOISE_WORDS:
        return True
    return max(changes) > 0 and time.time() - downloaded >= SMALL_CHANGE_AFTER


def _change(was_html: str, said_html: str) -> float:
    """How much the text `said_html` tells other than `was_html`: 0 for the same words, or
    for one only now given or no more (no news); else the words changed, numbers aside, and
    a fraction for numbers alone."""
    if was_html == said_html:
        return 0
    was, said = _words(was_html), _words(said_html)
    if was == said or not was or not said:
        return 0
    changed = (was - said) + (said - was)
    return sum(n for w, n in changed.items() if not w.isdigit()) or 0.5


def stamped_times(entries: Iterable[Entry]) -> set[datetime]:
    """The update times a feed stamps on most of its items (three or more), its own build
    time: no sign that any of them changed, and every copy would be fetched again at each
    sync."""
    times = Counter(e.updated for e in entries if e.updated is not None)
    total = sum(times.values())
    return {t for t, n in times.items() if n >= 3 and 2 * n > total}


def updated_since(entry: Entry, downloaded: float) -> bool:
    """The feed says `entry` changed after its page was downloaded (epoch seconds): it gives a
    time of update later than its publication (an RSS item's one date is given as both: no
    update) and later than the download. A time of update far ahead of now is none: a feed
    stuck on a wrong date ("2031"), its item's publication put back to when it was first seen
    (`Store` keeps no date ahead), would have it fetched again at every sync (acc40b P4)."""
    updated = entry.updated
    if updated is None or (entry.published is not None and updated <= entry.published):
        return False
    if not_ahead(updated, datetime.now(UTC)) is not updated:
        return False
    return updated.timestamp() > downloaded
