"""The search of every cached article (`reader list --search`, the reader's `F`): the headlines
given and the cached articles no feed lists any more (the cache is the archive: a feed removed,
or entries dropped past the ones a feed keeps), found by `full_text.search`, narrowed first by
the data directory's index (`search_index`) when it can be opened and written; else a scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING

from ..feed_tags import saved_tags
from ..full_text import Hit, KeptCopy, MarksOf, Query, search
from ..indexed_search import caught_up, headlines_hold_none, index_cached, opened_index
from ..keys import link_key
from ..reports import Headline, across_feeds, merged_newest_first, saved_time
from ..search_bodies import Kept, KeptBodies
from ..search_index import KeySet, index_path
from ..searched_notes import notes_by_key, notes_may_hold
from ..store.shown_ids import UNLISTED

if TYPE_CHECKING:
    from ..store import Store
    from .kept_articles import LibraryKeptArticles

__all__ = ["TextSearch", "detailed", "in_tag_lists", "index_cached", "search_cached"]


@dataclass(frozen=True)
class TextSearch:
    """What a search found, and how."""

    hits: list[Hit]
    indexed: bool
    """The index narrowed the articles read (False: every one was read, a scan)."""
    unlisted: int
    """The cached articles no headline given lists that were searched too."""


def search_cached(
    lib: LibraryKeptArticles,
    headlines: Sequence[Headline],
    query: Query,
    *,
    unlisted: bool = True,
    unread_only: bool = False,
    stopped: Callable[[], bool] = lambda: False,
    indexing: Callable[[int, int], None] = lambda done, total: None,
    use_index: bool = True,
    listed_too: Iterable[Headline] = (),
    page: Callable[[list[Hit]], None] | None = None,
    details: int | None = None,
    unindexed: Callable[[str], None] = lambda why: None,
) -> TextSearch:
    """The `headlines` (newest first) `query` finds, and with `unlisted` the cached articles
    none of them links to (each as a headline of no feed, under its site's name, as a saved one
    no feed lists is; with `unread_only`, those not marked read). With `unlisted`, a search of
    every feed's, as "All feeds" lists them: an article several feeds list is one hit
    (`reports.across_feeds`: the newest of its rows found; a search feed listed it twice). `indexing` is told first how
    many articles the index has to catch up with when that takes a while (`INDEXING_NOTE_FROM`),
    and how many of them it has indexed after each batch (done, total; in this thread): a
    year's first search after the index's form changed takes minutes (acc33b B3).
    Without `use_index`, a scan of every article (what benchmarks/search.py compares with).
    `listed_too`: the headlines a list leaves out of those searched (outside its dates, read):
    their articles are theirs, not searched as ones no headline lists (a saved story came back
    under a second id, unread and feedless, acc30a J21).
    With `page`, the newest headlines are searched first, in runs (`_chunks`), and `page` is
    given the hits found so far after each run but the last that found more: the first of
    them shown while the rest are looked for. A group of words the index names no article
    and no headline for (the `headlines` being the store's) finds nothing, told at once. A word
    it leaves out (`-word`) is looked for only in the texts the index names for it
    (`_Unheld`). `details`: how many of the first hits are given their line (snippet, byline,
    place), the rest left `Hit.pending` for `detailed` to work out when shown (None: every
    one): a common word's 29,000 hits took twice as long with theirs (acc37a H4).
    `unindexed` is told why, before it, when the search scans every article for want of the
    index (`indexed_search.why_unused`: the disk full, say).
    """
    store = lib.store
    notes = notes_by_key(store)
    signature = store.article_signature()  # before the times: one stored between tells
    stored = store.article_times()
    candidates: list[KeySet | None] | None = None
    unheld = _Unheld(stored, [])
    with opened_index(store, use_index, unindexed) as index:
        if index is not None:
            caught_up(index, store, signature, stored, indexing)
            known = sorted(stored)  # the keys found held as these strings (`shared_keys`)
            candidates = [index.candidates(word.typed, known, word.prefix) for word in query.words]
            if headlines_hold_none(index, store, query, candidates) and not notes_may_hold(
                query, notes
            ):
                return TextSearch([], True, 0)
            if signature is not None:  # what was written meanwhile is told by it (`_Unheld`)
                excluded = [index.candidates(w.typed, known, w.prefix) for w in query.excluded]
                unheld = _Unheld(stored, excluded)
    # Its texts kept by the index caught up: what a hit past those given their line is
    # confirmed by (`search_bodies`).
    bodies = KeptBodies(index_path(store.root), stored) if candidates is not None else None
    try:
        return _searched(
            lib,
            headlines,
            query,
            (candidates, unheld, bodies, notes),
            (signature, stored),
            unlisted=unlisted,
            unread_only=unread_only,
            stopped=stopped,
            listed_too=listed_too,
            page=page,
            details=details,
        )
    finally:
        if bodies is not None:
            bodies.close()
        store.articles_map_let_go()  # every article it looked in was read (acc48b B1)


def _searched(
    lib: LibraryKeptArticles,
    headlines: Sequence[Headline],
    query: Query,
    told: tuple[list[KeySet | None] | None, _Unheld, KeptBodies | None, dict[str, str]],
    caught_up_with: tuple[tuple[object, ...] | None, dict[str, float]],
    *,
    unlisted: bool,
    unread_only: bool,
    stopped: Callable[[], bool],
    listed_too: Iterable[Headline],
    page: Callable[[list[Hit]], None] | None,
    details: int | None,
) -> TextSearch:
    """`search_cached`'s search, with what the index `told` (per word the articles that may
    hold it, the words left out an article can't hold, the texts it keeps) as it was caught up
    with the articles (their signature and times)."""
    candidates, unheld, bodies, notes = told
    signature, stored = caught_up_with
    store = lib.store
    rows = list(headlines)
    extra: list[Headline] = []
    if unlisted:
        # A dict's keys: a set of 20,000 takes three times the memory (2 MB, acc45c C2).
        listed = dict.fromkeys(h.key or link_key(h.entry.link) for h in chain(rows, listed_too))
        keys = {key for key in stored if key not in listed}  # not a copy of every key first
        for keys_of_group in query.per_group(candidates) if candidates is not None else ():
            if keys_of_group is not None:
                # An unlisted one's title is indexed with its text; its notes are no index's.
                keys = {key for key in keys if key in keys_of_group or key in notes}
        if query.narrowed:  # no feed's: its own tags alone, read before its headline is made
            saved = store.saved()
            keys = {key for key in keys if query.tagged_so(saved_tags(saved.get(key)))}
        extra = _unlisted_headlines(lib, keys, unread_only)
        rows = merged_newest_first(rows, extra)
    if query.narrowed:
        rows = in_tag_lists(store, rows, query)
        rows = [h for h in rows if query.is_so(h)]  # `is:corrected`

    text, copies = _readers(lib)

    def kept(headline: Headline) -> Kept | None:
        return bodies(headline.key) if bodies is not None and headline.key else None

    def searched(
        rows: list[Headline],
        unheld: _Unheld = unheld,
        details: int | None = details,
        kept: Callable[[Headline], Kept | None] | None = kept,
    ) -> list[Hit]:
        if kept is not None and bodies is not None and candidates is not None:
            # Those the index names for a word of each group: the texts the search will read.
            may: KeySet | None = None
            for keys in query.per_group(candidates):
                may = keys if may is None else may if keys is None else may & keys
            bodies.expect([h.key for h in rows if h.key and (may is None or h.key in may)])
        return search(
            rows,
            query,
            text,
            stopped=stopped,
            # Without its kept text, an article cached anew since the index told of it: what
            # it names is of the copy before, which may have held none of the words.
            candidates=candidates if kept is not None else None,
            copies=copies,
            unheld=unheld,
            summary_of=store.feed_summary,
            details=details,
            kept=kept,
            notes=notes,
        )

    redone_of: dict[tuple[int, int | None], list[Hit]] = {}  # by the row's id: rows are kept

    def checked(hits: list[Hit], rows: list[Headline]) -> list[Hit]:
        """The `hits` of `rows`, those of the articles cached anew since the index told of
        them searched again. What the index told of an article (a word it can't hold,
        `_Unheld`; its text, `bodies`) is of the copy cached when it caught up: one cached
        again (or at all) since is looked in whole, its record read, whatever the index named.
        With its texts, any article cached since is: not only those whose text it gave, whose
        20,000 keys were kept for this (2 MB of a common word's search, acc45c C2), and one it
        named for no word, its copy then holding none, is found by its words now."""
        if bodies is None and not unheld.told:
            return hits
        again = _written_since(store, signature, stored)
        if bodies is None:  # it told only of words the hits' texts can't hold
            again &= {_key(hit.headline) for hit in hits}
        if not again:
            return hits
        whole = _Unheld(stored, [])
        pending = {hit.headline.entry.id: hit.pending for hit in hits}
        redone: list[Hit] = []
        for row in rows:
            if _key(row) not in again:
                continue
            details = 0 if pending.get(row.entry.id, True) else None
            # Once a search: each page's check is of every hit so far, and searched each
            # article cached anew since the index caught up again at every page.
            found = redone_of.get((id(row), details))
            if found is None:
                found = redone_of[id(row), details] = searched([row], whole, details, None)
            redone += found
        order = {row.entry.id: n for n, row in enumerate(rows)}
        kept_hits = [hit for hit in hits if _key(hit.headline) not in again]
        return sorted([*kept_hits, *redone], key=lambda hit: order[hit.headline.entry.id])

    if page is None:
        hits = searched(rows)
    else:
        hits, done = [], 0
        chunks = list(_chunks(rows))
        for n, chunk in enumerate(chunks, 1):
            if stopped():
                break
            done += len(chunk)
            found = searched(chunk, details=None if details is None else details - len(hits))
            if found and n < len(chunks):  # the last run's are the whole list returned
                # Checked as the whole list is: a page's hits stay the first of the next's.
                hits = checked([*hits, *found], rows[:done])
                # A copy: the caller may keep it while the search goes on.
                page(_one_row_each(hits) if unlisted else list(hits))
            else:
                hits += found
    hits = checked(hits, rows)
    if unlisted:
        hits = _one_row_each(hits)
    return TextSearch(hits, candidates is not None, len(extra))


def _one_row_each(hits: list[Hit]) -> list[Hit]:
    """`hits` (of every feed's headlines, newest first) an article several feeds list once,
    as "All feeds" lists it (`across_feeds`)."""
    # The hits themselves picked, not a set of every one kept made first (20,000: 2.6 MB).
    return list(across_feeds(hits, attrgetter("headline")))


def _key(headline: Headline) -> str:
    return headline.key or link_key(headline.entry.link)


def _written_since(
    store: Store, signature: tuple[object, ...] | None, stored: dict[str, float]
) -> set[str]:
    """The keys of the articles cached, again or at all, since the index was caught up with
    `stored` (their `signature` then)."""
    if store.article_signature() == signature:
        return set()
    return {key for key, at in store.article_times().items() if stored.get(key) != at}


def _readers(
    lib: LibraryKeptArticles,
) -> tuple[
    Callable[[Headline], tuple[str, str, MarksOf, str] | None],
    Callable[[Headline], list[KeptCopy]],
]:
    """What a search reads of a headline: its cached article's text, byline, marks (struck runs, headings) and
    own title (`full_text.search`'s `cached_text`), and its kept earlier copies."""
    store = lib.store

    def text(headline: Headline) -> tuple[str, str, MarksOf, str] | None:
        if not headline.key:
            return lib.searched(headline.entry)
        # Read by its key: no address made canonical again for each.
        found = store.searched_by_key(headline.key)
        return None if found is None else (found[2], found[1], found[3], found[0])

    copied = store.copied_keys()

    def copies(headline: Headline) -> list[KeptCopy]:
        key = headline.key or link_key(headline.entry.link)
        return store.searched_copies(key) if key in copied else []

    return text, copies


def detailed(lib: LibraryKeptArticles, hits: Sequence[Hit], query: Query) -> list[Hit]:
    """The `hits` (of `query`, by `search_cached`) with their lines worked out where pending
    (`Hit.pending`): each one's article read and matched again, as a search of it alone
    finds it. One no longer found so (its article cached anew meanwhile) is kept as found,
    no longer pending, with no line of its own."""
    pending = [hit for hit in hits if hit.pending]
    if not pending:
        return list(hits)
    text, copies = _readers(lib)
    keys = {hit.headline.key or link_key(hit.headline.entry.link) for hit in pending}
    # Named by "the index" for every word: each one read, whatever its list says of its cache.
    again = search(
        [hit.headline for hit in pending],
        query,
        text,
        candidates=[keys] * len(query.words),
        copies=copies,
        summary_of=lib.store.feed_summary,
        notes=notes_by_key(lib.store),
    )
    lib.store.articles_map_let_go()
    found = {hit.headline.entry.id: hit for hit in again}
    return [
        found.get(hit.headline.entry.id) or replace(hit, pending=False) if hit.pending else hit
        for hit in hits
    ]


class _Unheld:
    """By a cached article's key, the words a query leaves out (by their place in
    `Query.excluded`) that the index tells its text can't hold: not looked for in it
    (`full_text.search`'s `unheld`), where an absent word was looked for through every hit's
    whole text (a third of a year's `F harbour -sofia`). The index tells of the articles as
    they were when it caught up (`stored`); one cached again since is looked in whole
    (`written_since`)."""

    def __init__(self, stored: dict[str, float], excluded: list[KeySet | None]) -> None:
        self._stored = stored
        self._excluded = [(n, keys) for n, keys in enumerate(excluded) if keys is not None]
        self.told = False
        """It told of a word unheld: the hits are checked against what was written since."""

    def __call__(self, key: str) -> list[int]:
        if not self._excluded or key not in self._stored:  # not indexed: it can't tell
            return []
        absent = [n for n, keys in self._excluded if key not in keys]
        self.told = self.told or bool(absent)
        return absent


def in_tag_lists(store: Store, rows: list[Headline], query: Query) -> list[Headline]:
    """The `rows` in the lists of the tags `query` names (`tag:NAME`), as `--tag` and the
    feed list's tag rows make them: a headline's article filed under the tag, or its feed."""
    feed_tags = {feed.url: feed.tags for feed in store.feeds()}
    # Told once a feed for the headlines of no tags of their own, nearly all of a year's 51,000
    # (each told apart took ~0.1 s).
    by_feed = {url: query.tagged_so(tags) for url, tags in feed_tags.items()}
    untagged = query.tagged_so(())
    return [
        h
        for h in rows
        if (
            query.tagged_so((*h.tags, *feed_tags.get(h.entry.feed_url, ())))
            if h.tags
            else by_feed.get(h.entry.feed_url, untagged)
        )
    ]


FIRST_ROWS = 100
"""The newest headlines searched first when the hits come in pages (`search_cached`'s `page`):
a common word's first hits within a fraction of a second of reading, not after every one of
a year's 50,000 (76 s, acc30b P2); 100, a few screenfuls of a common word's hits, not 500
(0.45 s of reading before the first page)."""


def _chunks(rows: list[Headline]) -> Iterator[list[Headline]]:
    """`rows` in runs of `FIRST_ROWS`, each next twice as long: few pages, the first soon."""
    start, size = 0, FIRST_ROWS
    while start < len(rows):
        yield rows[start : start + size]
        start, size = start + size, size * 2


def _unlisted_headlines(
    lib: LibraryKeptArticles, keys: set[str], unread_only: bool
) -> list[Headline]:
    store = lib.store
    saved = store.saved()
    partial = store.partial_keys()
    gone = store.gone_keys()
    copied = store.corrected_keys()
    read = store.read_ids(UNLISTED)
    shown = store.shown_ids()
    out = []
    for key in keys:
        record = saved.get(key)
        record = record if isinstance(record, dict) else {"url": key}
        entry = lib.unlisted_entry(key, record, shown.get(key, [""])[0])
        if unread_only and entry.id in read:
            continue
        retracted, by_feed = store.retraction(key) if key in copied else ("", False)
        out.append(
            Headline(
                entry,
                entry.id in read,
                cached=True,
                saved=key in saved,
                partial=key in partial,
                key=key,
                taken_down=key in gone,
                corrected=key in copied,
                retracted=retracted,
                retracted_by_feed=by_feed,
                tags=saved_tags(saved.get(key)),
                archived=bool(record.get("archived")),
                saved_at=saved_time(saved.get(key)),
            )
        )
    return out
