"""A page's own clock in its text: "Page generated at 08:15:54", a time of day a page stamps
itself with at every request. A copy differing from the one before only there is no new copy
(`Store.renew_article`): else each fetch kept one ("changed since …: kept as copy 5"), and the
cap on copies kept dropped the copy where a real correction was first seen to make room for
them (acc47b F6).

Told apart from a time the story gives (a race run in 2:01:39, corrected to 2:01:09) by what it
reads: the newer copy's time is the time it was retrieved, to `CLOCK_SLACK` seconds, in any time
zone (zones differ by whole half hours but a few, which are left as copies), and nothing else
changed."""

from __future__ import annotations

import re
from datetime import datetime

CLOCK_SLACK = 10
"""Seconds between a page's stamp and its retrieval still read as its clock: a slow page is
stamped as it starts to be sent, and the two clocks may differ by a few seconds."""
_ZONES_APART = 1800
"""Seconds any two usual time zones' clocks differ by a multiple of: their minutes and seconds
are the same within each half hour."""
# A time of day to the second, alone (not a part of "1:02:03:04" or of "3.14:15:92").
_CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d):([0-5]\d)(?![\d:])")


def only_clock_changed(old: str, new: str, retrieved: datetime | None) -> bool:
    """Whether `new`, retrieved at `retrieved`, says what `old` says but for its times of day
    to the second, each one that changed the clock at its retrieval (`CLOCK_SLACK`)."""
    if retrieved is None or old == new:
        return False
    old, new = _differing(old, new)
    old_parts, new_parts = _CLOCK.split(old), _CLOCK.split(new)
    # Text, then hours, minutes and seconds of each time, then text: [t, h, m, s, t, …].
    if len(old_parts) != len(new_parts) or old_parts[::4] != new_parts[::4]:
        return False
    now = (retrieved.minute * 60 + retrieved.second) % _ZONES_APART
    for at in range(1, len(new_parts), 4):
        if old_parts[at : at + 3] == new_parts[at : at + 3]:
            continue
        _hours, minutes, seconds = new_parts[at : at + 3]
        apart = abs((int(minutes) * 60 + int(seconds)) % _ZONES_APART - now)
        if min(apart, _ZONES_APART - apart) > CLOCK_SLACK:
            return False
    return True


_STEP = 4096
"""Characters compared at a time looking for where two texts part (`_differing`)."""


def _differing(old: str, new: str) -> tuple[str, str]:
    """The stretches of `old` and `new` between the start and the end they share, widened to
    the whitespace round them (no time runs across it): a 500,000-word page whose figure
    changed is searched for times where it changed, not through its 3 MB (0.5 s at load)."""
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
    while start > 0 and not old[start - 1].isspace():
        start -= 1
    while end > 0 and not old[-end].isspace():
        end -= 1
    return old[start : len(old) - end], new[start : len(new) - end]
