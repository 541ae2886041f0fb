"""A page's own clock in its text: "Page generated at 08:15:54", "Updated 10:42", "3 minutes
ago", a time a page stamps itself with at every request. A copy differing from the one before
only there is no new copy (`Store.renew_article`): else each fetch kept one ("changed since …:
kept as copy 5"), and the cap on copies kept dropped the copy where a real correction was first
seen to make room for them (acc47b F6).

Told apart from a time the story gives (a race run in 2:01:39, corrected to 2:01:09; a fire
crew called at 19:45, corrected to 20:05) by what it reads, every other word the same, in each
copy as of when that copy was made (acc48d D1: only the newer one was read so, and a time
corrected to the minute of a fetch was taken for the clock, the copy's words overwritten):
- a time of day, to the second or the minute, that is the older copy's retrieval (or check)
  time, changed to the newer copy's, to `CLOCK_SLACK` seconds, in any time zone (zones differ
  by whole half hours but a few, which are left as copies);
- or, for either, the time a cache on the way (a CDN) says the page was made, kept since
  (`made_by_cache`: its Age, or the server's Date it kept);
- a time "ago" ("3 minutes ago", "an hour ago", "just now") that grew by the time between the
  two, to its unit: no more, and no less (acc48d D9: "12 minutes ago" to "2 minutes ago" is
  another time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

CLOCK_SLACK = 10
"""Seconds between a page's stamp and its retrieval still read as its clock: a slow page is
stamped as it starts to be sent, and the two clocks may differ by a few seconds."""
_ZONES_APART = 1800
"""Seconds any two usual time zones' clocks differ by a multiple of: their minutes and seconds
are the same within each half hour."""
_DAY = 86400
_STAMP = re.compile(
    # A time of day, alone (not a part of "1:02:03:04" or of "3.14:15:92"), to the second or
    # the minute; a colon after it with no figure next is the words' ("Updated 12:31: the
    # council said", acc48d D9), and can't be a part of a longer time.
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d|:\d)"
    # A time ago, in figures or "a"/"an", or "just now".
    r"|(?<![\w.,])(?P<n>\d+|an?)\s+(?P<unit>sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day)s?\s+ago\b"
    r"|\bjust\s+now\b",
    re.IGNORECASE,
)
_UNITS = {"sec": 1, "min": 60, "hr": 3600, "day": _DAY}


def only_clock_changed(
    old: str, new: str, made: Sequence[datetime], before: Sequence[datetime]
) -> bool:
    """Whether `new`, made at one of the times `made` (its retrieval, and when a cache on the
    way says it made it), says what `old`, made at one of the times `before` (when it was read,
    and when a cache said), says but for the page's clock: its times of day and its times ago,
    each changed one read as the clock in both (see the module's note). False with no time
    known for either."""
    if not made or not before or old == new:
        return False
    old, new = _differing(old, new)
    old_parts, new_parts = list(_parts(old)), list(_parts(new))
    if len(old_parts) != len(new_parts):
        return False
    for was, now in zip(old_parts, new_parts, strict=True):
        if isinstance(was, str) or isinstance(now, str):
            if was != now:
                return False  # words between them, or a stamp for words: another text
        elif was[0] != now[0] and not _clock(was, now, made, before):
            return False
    return True


def made_by_cache(date_header: str, age: str, retrieved: datetime) -> tuple[datetime, ...]:
    """When a page retrieved at `retrieved` was made, as a cache on the way says it kept it:
    its `age` in seconds before then, and the server's Date (a cache keeps the one it was
    sent) where that is before it by more than `CLOCK_SLACK`; none of them said, ()."""
    from email.utils import parsedate_to_datetime  # here: every command imports the store

    made = []
    kept = age.strip()
    if kept.isascii() and kept.isdigit() and 0 < int(kept) < _DAY:
        made.append(retrieved - timedelta(seconds=int(kept)))
    try:
        served = parsedate_to_datetime(date_header.strip())
    except (TypeError, ValueError, IndexError):
        return tuple(made)
    if served.tzinfo is None:  # "-0000": UTC, as HTTP dates are
        served = served.replace(tzinfo=retrieved.tzinfo)
    if timedelta(seconds=CLOCK_SLACK) < retrieved - served < timedelta(days=1):
        made.append(served)
    return tuple(made)


def _parts(text: str) -> Iterator[str | re.Match[str]]:
    """`text` as the words between its stamps (strings, "" between two side by side) and its
    stamps (matches)."""
    at = 0
    for stamp in _STAMP.finditer(text):
        yield text[at : stamp.start()]
        yield stamp
        at = stamp.end()
    yield text[at:]


def _clock(
    was: re.Match[str], now: re.Match[str], made: Sequence[datetime], before: Sequence[datetime]
) -> bool:
    """The stamp `was` of a copy made at one of the times `before` changed to `now` in one made
    at one of the times `made`, as a page's clock changes."""
    if was["h"] is not None and now["h"] is not None:
        if (was["s"] is None) != (now["s"] is None):
            return False
        return any(_at(was, at) for at in before) and any(_at(now, at) for at in made)
    if was["h"] is None and now["h"] is None:
        step = max(_step(was), _step(now))
        grown = _ago(now) - _ago(was)
        return any(
            abs(grown - (at - then).total_seconds()) <= step + CLOCK_SLACK
            for at in made
            for then in before
        )
    return False


def _at(stamp: re.Match[str], moment: datetime) -> bool:
    """The time of day `stamp` is `moment`'s in some time zone, to `CLOCK_SLACK` (a stamp to
    the minute is its minute's start)."""
    since = moment.minute * 60 + moment.second - int(stamp["m"]) * 60 - int(stamp["s"] or 0)
    apart = since % _ZONES_APART  # 0 to the half hour
    late = CLOCK_SLACK + (0 if stamp["s"] is not None else 60)
    return apart <= late or _ZONES_APART - apart <= CLOCK_SLACK


def _unit(stamp: re.Match[str]) -> str:
    """A time ago's unit, as `_UNITS` names it."""
    unit = stamp["unit"].lower()
    return "hr" if unit.startswith("h") else unit[:3]


def _step(stamp: re.Match[str]) -> int:
    """Seconds a time ago is counted in: it says the same for as long ("just now": a minute)."""
    return _UNITS[_unit(stamp)] if stamp["unit"] else 60


def _ago(stamp: re.Match[str]) -> int:
    """A time ago in seconds ("just now": 0)."""
    if stamp["n"] is None:
        return 0
    count = 1 if stamp["n"].lower() in ("a", "an") else int(stamp["n"])
    return count * _UNITS[_unit(stamp)]


_STEP = 4096
"""Characters compared at a time looking for where two texts part (`_differing`)."""
_AROUND = 40
"""Characters of the text two copies share kept on each side of where they differ: a stamp's
words round the figure that changed ("3 minutes ago", "10:42 a.m.") are read with it."""


def _differing(old: str, new: str) -> tuple[str, str]:
    """The stretches of `old` and `new` between the start and the end they share, widened by
    `_AROUND` and to the whitespace round them (no stamp runs across it): a 500,000-word page
    whose figure changed is searched for times where it changed, not through its 3 MB (0.5 s
    at load)."""
    most = min(len(old), len(new))
    start = 0
    while start < most and old[start : start + _STEP] == new[start : start + _STEP]:
        start += _STEP
    while start < most and old[start] == new[start]:
        start += 1
    start = min(start, most)
    end, left = 0, most - start  # the end shared, not reaching into the start
    while (
        end + _STEP <= left
        and old[-end - _STEP : len(old) - end] == new[-end - _STEP : len(new) - end]
    ):
        end += _STEP
    while end < left and old[-end - 1] == new[-end - 1]:
        end += 1
    start, end = max(start - _AROUND, 0), max(end - _AROUND, 0)
    while start > 0 and not old[start - 1].isspace():
        start -= 1
    while end > 0 and not old[-end].isspace():
        end -= 1
    return old[start : len(old) - end], new[start : len(new) - end]
