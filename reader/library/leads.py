"""How far an article's download may be led (`address_class`): from a feed's link, no more
private an address than the feed came from; from each page on (its refresh, its next page, its
AMP version), no more private than the addresses that page came through. An address the user
gave (`reader show URL`) may go anywhere, and its redirects and pages as far as it went.

The ceiling is the download's own: a context variable, which each download's task (and a sync's
renewal of one article) sets as it starts, so the downloads running at once each keep theirs.
"""

from __future__ import annotations

from contextlib import suppress
from contextvars import ContextVar
from typing import TYPE_CHECKING

from ..address_class import Reach, resolved_reach
from ..models import Entry, StoreError
from ..store import Store
from ..store.shown_ids import UNLISTED

if TYPE_CHECKING:
    from ..proxies import Route

CEILING: ContextVar[Reach | None] = ContextVar("reader_download_ceiling", default=None)
"""The most private class of address the download this task is making may reach next; None
while it is the user's own and no page of it has come yet."""

FILE_LINK: ContextVar[bool] = ContextVar("reader_file_link", default=False)
"""The download this task makes of a saved link no feed lists is of a link from a file (an
import's, `store.saved.FROM_FILE`), asked for by an import or a sync, not the user: it may reach
public addresses only. Checked on the address each connection reaches, not on what the name
resolved to at import: a name resolving to a public address then and to 127.0.0.1 at the
sync (DNS rebinding, or an import made offline, when nothing resolved) is refused."""


async def start_download(
    store: Store, reaches: dict[str, Reach], entry: Entry | None, route: Route
) -> None:
    """Start this task's download of `entry`'s article (None: of an address the user gave)
    under the ceiling its lead sets. A saved link no feed lists has no lead but the user's
    own saving it: opened, it is fetched wherever it is (acc32a A2: a saved intranet link was
    refused "from a public address", a feed's that there was not)."""
    unlisted = entry is None or entry.feed_url == UNLISTED
    if unlisted:
        CEILING.set(Reach.PUBLIC if FILE_LINK.get() else None)
    else:
        CEILING.set(await feed_ceiling(store, reaches, entry, route))


async def feed_ceiling(
    store: Store, reaches: dict[str, Reach], entry: Entry, route: Route
) -> Reach:
    """How private an address `entry`'s link may lead to: the class its feed's last fetch came
    through (`reaches`, this run's, else the store's); for a feed never fetched by a reader
    that kept it, the class its address resolves to now (not looked up here when `route`
    sends its requests through a proxy)."""
    known = reaches.get(entry.feed_url)
    if known is None:
        feed = None
        with suppress(StoreError):
            feed = store.feed(entry.feed_url)
        known = feed.reach if feed is not None else None
        if known is None:
            known = await resolved_reach(entry.feed_url, route.proxy_for(entry.feed_url))
        reaches[entry.feed_url] = known
    return known
