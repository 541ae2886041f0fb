"""Where "next unread" goes (`n` in the headlines with no search, `u` there and in an article):
the next unread headline of the list, round its end, then the first unread of the next feed with
any, as newsboat's `n` walks every unread article across the feeds."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..models import Feed
from ..reports import Headline


def next_unread(
    rows: Sequence[Headline],
    cursor: int,
    step: int = 1,
    read: Callable[[Headline], bool] | None = None,
) -> int | None:
    """The position of the next unread row after `cursor` (`step` -1: before it), round the
    ends of the list, never `cursor` itself; None when no other row is unread. `read` tells a
    row's flag when `rows` may be stale (an article's copy of the list)."""
    is_read = read or (lambda headline: headline.read)
    count = len(rows)
    for offset in range(1, count):
        position = (cursor + offset * step) % count
        if not is_read(rows[position]):
            return position
    return None


def wrapped(cursor: int, position: int, step: int) -> bool:
    """Whether going from `cursor` to `position` went round an end of the list."""
    return position < cursor if step > 0 else position > cursor


def next_feed_with_unread(
    feeds: Sequence[Feed], current: str | None, unread: Mapping[str, int]
) -> Feed | None:
    """The first feed after `current` in the feed list's order that has unread headlines, round
    the end; None when no other feed has any."""
    urls = [feed.url for feed in feeds]
    start = urls.index(current) + 1 if current in urls else 0
    for offset in range(len(feeds)):
        feed = feeds[(start + offset) % len(feeds)]
        if feed.url != current and unread.get(feed.url, 0):
            return feed
    return None


def feed_beside(feeds: Sequence[str], current: str | None, step: int) -> str | None:
    """The feed after (`step` 1) or before (-1) `current` in the feed list's order, round the
    ends (newsboat's next-feed / prev-feed, `J` / `K`); from a list that is no feed's ("All
    feeds", "Saved", a search's hits), the first or the last. A step of more (`3J`, `J` held
    down) goes so many on, round and on. None with no other feed."""
    if not feeds or list(feeds) == [current]:
        return None
    if current not in feeds:
        return feeds[(step - 1 if step > 0 else step) % len(feeds)]
    return feeds[(list(feeds).index(current) + step) % len(feeds)]
