"""The order of the feed list (`[ui] feed_order`, newsboat's `feed-sort-order`): as subscribed
(imported), by name, or the feed with the newest story first. `J`/`K`, the next feed with unread
headlines and the feed list all follow it, since they read the one list it orders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Feed

FEED_ORDERS = ("subscribed", "title", "newest")
"""`subscribed`: the order the feeds were added (an OPML file's, imported); `title`: by the name
shown (yours, else the feed's own), case and accents aside, a Cyrillic, Arabic, Persian or Thai alphabet's letters in
its order (`collation`); `newest`: the feed with the newest
story first, those with none last."""


def ordered_feeds(
    feeds: Sequence[Feed], order: str, newest: Mapping[str, float] | None = None
) -> list[Feed]:
    """`feeds` (as subscribed) in `order`; `newest`: each feed's newest story's time, epoch
    seconds, by its URL (for "newest": a feed missing from it has no story). Ties keep the
    order subscribed."""
    if order == "title":
        # Here: their tables are not in every command's start (the config reads this module).
        from .collation import title_key

        return sorted(feeds, key=lambda feed: title_key(feed.display_title))
    if order == "newest":
        times = newest or {}
        return sorted(feeds, key=lambda feed: -times.get(feed.url, float("-inf")))
    return list(feeds)
