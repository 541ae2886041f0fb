"""What `reader list --search` says on stderr beside its hits: the index's first take of the
cache, "nothing" (told by the index alone when it can, no headline read), and a sync under way
in the data directory, whose articles not cached yet are searched by their feed's text only."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import data_dir
from ..plural import plural
from ..safe import safe_line
from .common import config_of, err
from .date_args import dates_named

if TYPE_CHECKING:
    from ..search_query import Query
    from ..store import Store


def holds_nothing(args: argparse.Namespace, query: Query, store: Store | None = None) -> bool:
    """Whether the search index tells that no headline and no cached article holds `query`
    (`indexed_search.holds_nothing`), the headlines unread (a year's: a second); said so when
    it does, with a sync under way named. Without the library's `store`, a store of the
    directory opened alone: the library's import (a fifth of a second) is not waited for
    either."""
    from ..indexed_search import holds_nothing as index_holds_nothing
    from ..search_widening import widenings

    def told(store: Store) -> bool:
        syncing = store.sync_under_way()
        said = indexing_said(syncing)
        if not index_holds_nothing(store, query, said, _headlines_indexing):
            return False
        if any(not index_holds_nothing(store, wider, said) for wider in widenings(query)):
            return False  # searched, to say what its words widened find (`widened_note`)
        err(none_holds(query, args.since, args.before))
        say_syncing(syncing)
        return True

    if store is not None:
        return told(store)
    from ..store import Store

    config_of(args)  # a config that doesn't read is said, as every command says it
    alone = Store(data_dir(args.data_dir), upgrade=False)  # reading only
    try:
        return told(alone)
    finally:
        alone.close()


def none_holds(
    query: Query, since: str | None, before: str | None, outside: int = 0, unread: bool = False
) -> str:
    """What a search that found nothing says: in the dates given, with how many it found
    outside them; with `unread` (`--unread`), of those unread (a search feed's hits all read
    are no news, not nowhere)."""
    which = "no unread headline" if unread else "no headline"
    if since is None and before is None:
        return f"{which} or cached article holds {query.described()}"
    dates = safe_line(dates_named(since, before), 80)
    return f"{which} or cached article {dates} holds {query.described()}" + (
        f" ({outside:,} outside those dates)" if outside else ""
    )


def say_syncing(pid: int | None, uncached: int = 0) -> None:
    """Said after a search's answer while a sync (process `pid`) caches articles: what it has
    not cached yet (`uncached` of the headlines searched) was searched by its feed's text only,
    so an article it fetches next may hold the words where its summary doesn't."""
    if pid is None:
        return
    those = f" ({plural(uncached, 'headline')} by their feed's text alone)" if uncached else ""
    err(
        f"a sync (pid {pid}) is under way: what it has not cached yet isn't searched{those};"
        " search again once it ends"
    )


def indexing_said(syncing: int | None) -> Callable[[int, int], None]:
    """What a search says once, before the index's catch-up: a line of progress a batch would
    scroll a script's log. Once for good, but for the articles a sync under way (process
    `syncing`) caches, taken in by each search until it ends (and indexes them itself)."""

    def say(done: int, total: int) -> None:
        if done:
            return
        if syncing is not None:
            err(
                f"indexing {plural(total, 'article')} cached since the last search"
                f" (a sync is under way, pid {syncing})…"
            )
            return
        err(
            f"indexing {plural(total, 'cached article')} for search"
            " (once: later searches index only what is new)…"
        )

    return say


def scanning_said() -> Callable[[str], None]:
    """What a search says, once, when it reads every article for want of the index (why: the
    disk full, say): 3 times as long, and on a full disk nothing said why (acc45c C4)."""
    said: list[str] = []

    def say(why: str) -> None:
        if not said:
            said.append(why)
            err(f"searching without the index: {why}; slower")

    return say


def _headlines_indexing(done: int, total: int) -> None:
    """Said once, before the index first takes in the feeds' headlines (a year's: seconds)."""
    if done == 0:
        err("indexing every feed's headlines for search (once)…")
