"""The search index as a search uses it (`search_index`): opened, caught up with the cache (its
articles, and its headlines: `search_headlines`), and asked, for `library.text_search`'s search
of every cached article and for the answer it gives alone, "nothing", with no headline read
(`holds_nothing`). Outside the library: `reader list --search` tells a word no article holds
without importing it (a fifth of a second of its start).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .errors import Unwritable
from .safe import safe_line
from .search_index import KeySet, SearchIndex, drop_index, open_index
from .searched_notes import notes_by_key, notes_may_hold

if TYPE_CHECKING:
    from .search_query import Query
    from .store import Store

INDEXING_NOTE_FROM = 300
"""Articles to index before a search from which it says so first (a few seconds)."""


def index_cached(
    store: Store,
    progress: Callable[[int, int], None] = lambda done, total: None,
    headlines: bool = True,
) -> int:
    """The data directory's search index brought up to date with the cache, as a sync ends: it
    has just cached the articles, and the first search after it found thousands to index
    first (75 s for a year's sync, acc30b P2). The articles indexed; 0 when there is no index
    to be had (a read-only directory) or it is busy or damaged: the next search catches up
    then, as it does with a sync of an older version. `progress` is told the articles indexed
    and to index, before the first and after each batch (in this thread). Without
    `headlines`, the articles alone (a sync's catch-up while it goes on: its end does both)."""
    with opened_index(store) as index:
        if index is None:
            return 0
        signature = store.article_signature()
        done = index.catch_up(store.article_times(), store.indexed, progress)
        if signature is not None:  # read before the articles: one cached since tells
            index.note_caught_up_with(signature)
        # The headlines too, as a sync changed them: the next search tells "nothing" at once.
        if headlines:
            index.catch_up_headlines(store.headline_lists(), store.headline_words)
        return done
    return 0  # busy, the disk full, damaged: the next search catches up


def compact_index(store: Store) -> None:
    """The search index brought up to date with a cache a prune has just evicted articles
    from, and the room their rows took given back to the disk: made anew when the rows left
    behind (a contentless index can't delete one) would outnumber the live ones, however few,
    and the file's free pages returned (the evicted articles' kept texts, most of their room) (acc40c R3: a prune to 1 MB left the index at 1.4 MB,
    the directory at 3.2 times the limit). Quietly nothing when the index is busy, damaged or
    can't be had: the next search catches it up, as ever."""
    with opened_index(store) as index:
        if index is None:
            return
        signature = store.article_signature()
        index.catch_up(store.article_times(), store.indexed, tight=True)
        if signature is not None:
            index.note_caught_up_with(signature)
        index.give_back_room()


def holds_nothing(
    store: Store,
    query: Query,
    indexing: Callable[[int, int], None] = lambda done, total: None,
    headlines_indexing: Callable[[int, int], None] = lambda done, total: None,
) -> bool:
    """Whether the index tells that no headline and no cached article holds `query` (no word of
    one of its groups is in any), with the headlines unread: "nothing" at once, where reading
    a year's 51,000 headlines to search them took a second (acc33b B9's leftover). False when
    it can't tell: no index, a word too short for it, one it may hold. The index is caught up
    first, as a search catches it up (`indexing` told as `search_cached` tells it), and its
    headlines (`headlines_indexing` told of a first one's lists, `search_headlines`)."""
    if not query.words:
        return False
    signature = store.article_signature()
    with opened_index(store) as index:
        if index is None:
            return False
        caught_up(index, store, signature, None, indexing)
        index.catch_up_headlines(store.headline_lists(), store.headline_words, headlines_indexing)
        # An article no feed lists is searched when the index names it (`search_cached`).
        nothing = any(
            all(index.may_hold(query.words[n].typed, query.words[n].prefix) is False for n in group)
            for group in query.groups
        )
        # The reader's notes are in no index (`searched_notes`): read when it holds nothing.
        return nothing and not notes_may_hold(query, notes_by_key(store))
    return False


def headlines_hold_none(
    index: SearchIndex, store: Store, query: Query, candidates: list[KeySet | None]
) -> bool:
    """Whether, of a group of `query` whose words the index names no article for
    (`candidates`, per word), no headline may hold a word either, as the store has them (its
    headlines' part caught up first): then nothing is found, and no headline's title need be
    looked in (a year's 51,550, ~0.5 s of `F`)."""
    unheld = [group for group in query.groups if all(candidates[n] == set() for n in group)]
    if not unheld:
        return False
    index.catch_up_headlines(store.headline_lists(), store.headline_words)
    return any(
        not any(
            index.headlines_may_hold(query.words[n].typed, query.words[n].prefix) for n in group
        )
        for group in unheld
    )


@contextmanager
def opened_index(
    store: Store, use_index: bool = True, unused: Callable[[str], None] | None = None
) -> Iterator[SearchIndex | None]:
    """The data directory's index, None when there is none to be had (a read-only directory,
    `use_index` False). An error of the index ends the block quietly, what it was to tell
    untold (a scan finds all): locked past its wait, the disk full, or damaged (then dropped,
    made again by the next search). `unused` is told why, in a few words (`why_unused`), when
    the index was asked for and could not be had or ended so: a search then scans every
    article, 3 times as long, and a full disk's said nothing (acc45c C4)."""
    refused: list[sqlite3.Error] = []
    index = None
    if use_index and not store.read_only:
        index = open_index(store.root, refused)
    if index is None:
        if use_index and unused is not None:
            unused(why_unused(store, refused[0] if refused else None))
        yield None
        return
    damaged = False
    try:
        yield index
    except sqlite3.OperationalError as error:
        if unused is not None:
            unused(why_unused(store, error))
    except sqlite3.DatabaseError as error:
        damaged = True
        if unused is not None:
            unused(why_unused(store, error))
    finally:
        index.close()
        if damaged:
            drop_index(store.root)


def why_unused(store: Store, error: sqlite3.Error | None) -> str:
    """Why a search goes without the index, to follow "searching without the index: ": the
    store's own reason when it was opened to read only, else the index's `error`'s."""
    said = str(error or "").lower()
    if store.read_only_tag == Unwritable.DISK_FULL or "full" in said:
        return "the disk is full, so it could not be updated"
    if store.read_only or "readonly" in said or "unable to open" in said:
        return "the data directory can't be written, so it could not be updated"
    if "locked" in said or "busy" in said:
        return "another program was writing it"
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return "it was damaged (the next search makes it again)"
    return f"it could not be read ({safe_line(said, 80) or 'no reason given'})"


def caught_up(
    index: SearchIndex,
    store: Store,
    signature: tuple[object, ...] | None,
    stored: dict[str, float] | None,
    indexing: Callable[[int, int], None],
) -> None:
    """`index` brought up to date with the cached articles (`stored`, read from the `store`
    when None), `indexing` told how it goes when that takes a while (`INDEXING_NOTE_FROM`).
    Nothing read when the index was last found up to date with the articles as their
    `signature` (`Store.article_signature`, read before `stored`) tells them; noted so after."""
    if signature is not None and index.caught_up_with(signature):
        return
    stored = store.article_times() if stored is None else stored
    behind, gone = index.behind(stored)
    if len(behind) >= INDEXING_NOTE_FROM:
        index.catch_up(stored, store.indexed, indexing)
    elif behind or gone:
        index.catch_up(stored, store.indexed)
    if signature is not None:  # read before the articles: one cached since tells
        index.note_caught_up_with(signature)
