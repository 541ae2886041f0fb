"""Live blogs a sync asks for again: a live blog's feed item often says the same all day (its
standfirst, "Entries so far: 12"), so its feed's word (`retold`) never sent a sync back to its
page, and the reader showed a blog hours stale as just refreshed (acc48c C1). While a blog runs
(`Article.live`) each sync asks for its page, "changed since?" (a 304 costs no page); once its
coverage ends (`coverageEndTime`, the live marker gone) or it has not changed for `LIVE_FOR`,
the rule of any story holds again."""

from __future__ import annotations

import time

LIVE_FOR = 2 * 24 * 3600.0
"""How long after its last change a live blog is asked for at every sync (seconds): one left
running, its coverage never declared ended, is not asked for for ever."""


def live_running(
    live: dict[str, tuple[float, str, float]], now: float | None = None
) -> dict[str, tuple[float, str, float]]:
    """Of the live blogs `live` (`Store.live_blogs`: when each last changed and its address, by
    key), those still running: changed within `LIVE_FOR`."""
    now = time.time() if now is None else now
    return {key: kept for key, kept in live.items() if now - kept[0] < LIVE_FOR}
