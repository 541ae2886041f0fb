"""One story, one row: a feed's item republished under another id taken for the headline it
was (`republished`), and the read mark of an article listed by several feeds carried to each
of them (`StoreStoryRows`)."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from difflib import SequenceMatcher
from typing import Any

from ..keys import link_key, saved_article_id
from ..models import Entry, StoreError
from .directory import _reporting_storage_errors
from .record_json import decode_one
from .shown_ids import UNLISTED, StoreShownIds


def _aliases_key(url: str) -> str:
    return f"aliases:{url}"


def _read_where_key(article_key: str) -> str:
    return f"read-where:{article_key}"


def _listed_keys_key(url: str) -> str:
    # Apart from the list, which holds each key in its record: the keys alone are read to
    # tell which feeds list an article (a year's 250 feeds' lists decoded took seconds).
    return f"article-keys:{url}"


def republished(fresh: Sequence[Entry], known: Mapping[str, Entry]) -> dict[str, str]:
    """Of `fresh` (every item a feed carries now), those new to it that are an item it listed
    before, under another id, by the id that item has (`known`, its headlines as kept): the
    feed no longer carries that one, and the new one has its headline and its date and links
    to its article (`keys.link_key`: the link as `canonical_url` reads it, `utm_` parameters
    left out), under whose key its saved mark, tags, highlights and copies are kept. A feed
    republishing a story with a new GUID, or with its link tracked, made a second row of it,
    unread and counted new (acc39b Q1). Not by `urls.page_address` (a trailing "/"): two such
    addresses may be two pages, and the article's marks would not follow it. A page a feed
    lists several times (a live page: each update its own item, headline and time) stays a
    row an item: its items' headlines or dates differ."""
    new = [e for e in fresh if e.id not in known and e.link]
    if not new:
        return {}
    carried = {e.id for e in fresh}
    gone: dict[str, list[Entry]] = {}
    for entry in known.values():
        if entry.id not in carried and entry.link:
            gone.setdefault(link_key(entry.link), []).append(entry)
    if not gone:
        return {}
    found: dict[str, str] = {}
    for entry in new:
        same = [
            was
            for was in gone.get(link_key(entry.link), ())
            if was.title == entry.title
            and was.published == entry.published
            and was.id not in found.values()
        ]
        if len(same) == 1:
            found[entry.id] = same[0].id
    return found


def readdressed(
    fresh: Sequence[Entry], known: Mapping[str, Entry], text_of: Callable[[Entry], str]
) -> dict[str, str]:
    """Of `fresh` (every item a feed carries now), those new to it at another address than
    an item it listed before and no longer carries, under another id, that are that item: the
    same headline, the same date (given) and the same text (`text_of`: a print of the feed's
    text, "" for none), one for one. A story republished under a new address and GUID, the
    old item gone from the feed, was two rows, the old one read, the new one unread (acc47b
    F7). Taken for the old one, the item's link then changed as a new slug's does: its article
    and what the user kept of it are moved there (`Store.move_article`) and its page read as
    a copy of it. Never by headline and date alone: an item with no text in its feed stays its
    own, and so does one whose text differs (a live page's next update, a series' next
    part under one headline). Those of one address are `republished`'s."""
    new = [e for e in fresh if e.id not in known and e.link]
    if not new:
        return {}
    carried = {e.id for e in fresh}
    gone: dict[tuple[str, object], list[Entry]] = {}
    for entry in known.values():
        if entry.id not in carried and entry.link and entry.published is not None:
            gone.setdefault((entry.title, entry.published), []).append(entry)
    if not gone:
        return {}
    # The texts of those of a new item's headline and date alone (a feed keeps 2,000).
    told: dict[tuple[str, object, str], list[Entry]] = {}
    for entry in new:
        if (entry.title, entry.published) in gone and (text := text_of(entry)):
            told.setdefault((entry.title, entry.published, text), []).append(entry)
    found: dict[str, str] = {}
    for (title, published, text), now in told.items():
        was = [
            e
            for e in gone[(title, published)]
            if text_of(e) == text and link_key(e.link) != link_key(now[0].link)
        ]
        if len(now) == 1 and len(was) == 1:  # one for one: else nothing tells them apart
            found[now[0].id] = was[0].id
    return found


RETOLD_ALIKE = 0.8
"""How alike (difflib's ratio, 0 to 1) the words of a post with no link and no GUID must be
to the one it replaces, the only one of its date either way, for the two to be one item
(`retitled`): a typo fixed in a micro-post, whose title is its text's start."""


def retitled(
    fresh: Sequence[Entry], known: Mapping[str, Entry], text_of: Callable[[Entry], str]
) -> dict[str, str]:
    """Of `fresh` (every item a feed carries now), those with no link new to it that are an
    item with no link it listed before, its id made of its title (no GUID): the title
    corrected, the id was new and the item's highlights, read mark and tags stayed with the
    old one, which the feed no longer carries. The same item when its date is the same (or
    both have none) and its text is the same (`text_of`: a print of the feed's text, "" for
    none), one for one; else, for a dated one, when it and the one it replaces are the only
    ones of their date and their words alike (`RETOLD_ALIKE`: a micro-post's typo, its title
    its text's start). By the id its story is kept under, as `republished` gives them."""
    new = [e for e in fresh if e.id not in known and not e.link]
    if not new:
        return {}
    carried = {e.id for e in fresh}
    gone = [e for e in known.values() if e.id not in carried and not e.link]
    if not gone:
        return {}
    found: dict[str, str] = {}
    by_date: dict[object, tuple[list[Entry], list[Entry]]] = {}
    for entry in new:
        by_date.setdefault(entry.published, ([], []))[1].append(entry)
    for entry in gone:  # those of a date no new item has are not looked at (their texts)
        if entry.published in by_date:
            by_date[entry.published][0].append(entry)
    for when, (was, now) in by_date.items():
        texts: dict[str, list[Entry]] = {}
        for entry in was:
            if text := text_of(entry):
                texts.setdefault(text, []).append(entry)
        told = [text_of(entry) for entry in now]
        times = Counter(told)
        taken: set[str] = set()
        left_new = []
        for entry, text in zip(now, told, strict=True):
            same = texts.get(text, []) if text else []
            # One for one: two notes of one text and date are told by nothing else.
            if len(same) == 1 and times[text] == 1:
                found[entry.id] = same[0].id
                taken.add(same[0].id)
            else:
                left_new.append(entry)
        left_was = [e for e in was if e.id not in taken]
        alone = when is not None and len(left_was) == 1 and len(left_new) == 1 == len(now)
        if alone and _alike(left_was[0], left_new[0]) >= RETOLD_ALIKE:
            found[left_new[0].id] = left_was[0].id
    return found


_ALIKE_CHARS = 600


def _alike(was: Entry, now: Entry) -> float:
    """How alike two items' words are (0 to 1): their titles and the start of their text,
    as a headline of a list holds it."""
    # Their starts: a typo fixed near the top is what this is for, and difflib's time grows
    # with the square of the length (a feed of 2,000 long posts retitled at once).
    before = f"{was.title}\n{was.summary[:_ALIKE_CHARS]}"
    after = f"{now.title}\n{now.summary[:_ALIKE_CHARS]}"
    return SequenceMatcher(None, before, after, autojunk=False).ratio()


def as_kept(fresh: Iterable[Entry], aliases: Mapping[str, str]) -> list[Entry]:
    """`fresh` with each republished item (`aliases`: its id → the id it is kept under) under
    the id its story had: one row, its read mark, id and highlights kept."""
    return [dataclasses.replace(e, id=aliases[e.id]) if e.id in aliases else e for e in fresh]


@_reporting_storage_errors
class StoreStoryRows(StoreShownIds):
    """The ids a feed's republished items are kept under, and where each article listed by
    several feeds was read."""

    def aliases(self, feed_url: str) -> dict[str, str]:
        """The feed's republished items' ids, each with the id its story is kept under."""
        data = self._load(self._state, _aliases_key(feed_url), {})
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def keep_aliases(self, feed_url: str, aliases: dict[str, str], listed: set[str]) -> None:
        """Keep `aliases` of those still listed (`listed`: the ids of the feed's headlines)."""
        kept = {k: v for k, v in aliases.items() if v in listed}
        if kept == self.aliases(feed_url):
            return
        if kept:
            self._save(self._state, _aliases_key(feed_url), kept)
        else:
            self._state.delete(_aliases_key(feed_url))

    def forget_aliases(self, feed_url: str) -> None:
        if (listing := self._listing) is not None:
            listing[1].pop(feed_url, None)
        self._state.delete(_aliases_key(feed_url))
        self._state.delete(_listed_keys_key(feed_url))

    # -- which feeds list an article ---------------------------------------------------------
    _listing: tuple[float, dict[str, set[str]]] | None = None
    """Each feed's article keys (`listed_keys`), with the `changed_at` they were read at (this
    process's writes of them since kept in it): `_feeds_listing`."""

    def keep_listed_keys(self, feed_url: str, records: Iterable[dict[str, Any]]) -> None:
        """Keep the article keys of a feed's list as written (`records`). In the caller's
        transaction."""
        keys = sorted({k for d in records if isinstance(k := d.get("article_key"), str) and k})
        if (listing := self._listing) is not None:
            listing[1][feed_url] = set(keys)
        self._save(self._state, _listed_keys_key(feed_url), keys)

    def _feeds_listing(self, keys: set[str], but: str) -> dict[str, set[str]]:
        """Of `keys`, each another feed than `but` lists, with those feeds. Their keys read
        once for the store as it last changed (`changed_at`), not for every feed a sync
        brings (a year's 250 feeds' keys: ~0.05 s), and kept by this process's writes."""
        stamp = self.changed_at()  # type: ignore[attr-defined]
        if self._listing is None or self._listing[0] != stamp:
            urls = self.feed_urls()  # type: ignore[attr-defined]
            self._listing = (stamp, {url: self.listed_keys(url) for url in urls})
        found: dict[str, set[str]] = {}
        # A copy: a refresh's threads write other feeds' keys meanwhile (a feed added).
        for url, listed in list(self._listing[1].items()):
            if url != but:
                for key in keys & listed:
                    found.setdefault(key, set()).add(url)
        return found

    def listed_keys(self, feed_url: str) -> set[str]:
        """The article keys of the feed's headlines: as kept with its list, else (a list
        written before they were) read from the list."""
        data = self._load(self._state, _listed_keys_key(feed_url), None)
        if isinstance(data, list):
            return {k for k in data if isinstance(k, str)}
        keys = {key for key, _ in self.entry_keys(feed_url) if key}  # type: ignore[attr-defined]
        if not self.read_only:
            with suppress(StoreError):  # kept the next time its list is written
                self._save(self._state, _listed_keys_key(feed_url), sorted(keys))
        return keys

    # -- an article read in one feed, read in the others -------------------------------------
    def read_where(self, key: str) -> set[str]:
        """The feeds in which the article of `key` was marked read (since this was kept)."""
        data = self._load(self._state, _read_where_key(key), [])
        return {u for u in data if isinstance(u, str)} if isinstance(data, list) else set()

    def _note_read_where(self, keys: Iterable[str], feed_url: str, read: bool) -> None:
        """Note `keys` read in `feed_url` (or, `read` False, unread everywhere). In the
        caller's transaction."""
        for key in keys:
            if not key:
                continue
            if not read:
                self._state.delete(_read_where_key(key))
                continue
            where = self.read_where(key)
            if feed_url not in where:
                self._save(self._state, _read_where_key(key), sorted(where | {feed_url}))

    def read_elsewhere(self, feed_url: str, keyed: Iterable[tuple[str, str]]) -> set[str]:
        """Of `keyed` (a feed's new headlines: id, article key), the ids of those whose
        article was read in another feed: noted so (`_note_read_where`), or, noted nowhere,
        marked read there by a reader from before the notes (`_read_unnoted`). In the
        caller's transaction."""
        found: set[str] = set()
        unnoted: dict[str, list[str]] = {}
        for entry_id, key in keyed:
            if not key:
                continue
            if where := self.read_where(key):
                if where - {feed_url}:
                    found.add(entry_id)
            else:
                unnoted.setdefault(key, []).append(entry_id)
        if unnoted:
            for key, where in self._read_unnoted(feed_url, set(unnoted)).items():
                found.update(unnoted[key])
                self._note_read_where({key}, where, True)  # not looked for again
        return found

    def _read_unnoted(self, feed_url: str, keys: set[str]) -> dict[str, str]:
        """Of `keys` (articles no note says were read anywhere), those another feed lists
        read, each with such a feed: a mark made before where it was made was noted (a story
        read in one feed last month came unread in another listing it now). The feeds
        listing them are told by their keys (`_feeds_listing`), their ids found in those
        feeds' lists' text (`listed_in`): no list read whole, no note written ahead for a
        year's read articles."""
        found: dict[str, str] = {}
        read: dict[str, set[str]] = {}
        listing = self._feeds_listing(keys, feed_url)
        for key, urls in listing.items():
            for url in sorted(urls):
                if url not in read:
                    read[url] = self.read_ids(url)  # type: ignore[attr-defined]
                if read[url] and self.listed_in(url, {key}) & read[url]:
                    found[key] = url
                    break
        # A saved article no other feed lists, read as one of no feed: its mark is kept
        # under none, by the id it was listed under (acc51b B0: it came unread with the feed
        # added after). Listed by another, that feed's mark is the one.
        rest = keys - {key for key, urls in listing.items() if urls}
        if rest and (unlisted := self.read_ids(UNLISTED)):  # type: ignore[attr-defined]
            for key in rest:
                if (self.shown_id(key) or saved_article_id(key)) in unlisted:
                    found[key] = UNLISTED
        return found

    def listed_in(self, feed_url: str, keys: set[str]) -> set[str]:
        """The ids of the feed's headlines whose article key is in `keys` (`records_in_text`)."""
        return {str(record["id"]) for record in self.records_in_text(feed_url, keys)}

    def records_in_text(self, feed_url: str, keys: set[str]) -> list[dict[str, Any]]:
        """The records of the feed's headlines whose article key is in `keys`, in the list's
        order, found in its text (each record holds its key) and decoded alone: a few of a
        list, not the list."""
        raw = self._value(self._state, f"entries:{feed_url}")
        if not isinstance(raw, str):
            return []
        found: dict[int, dict[str, Any]] = {}
        for key in keys:
            needle = f'"article_key":{json.dumps(key, ensure_ascii=False)}'
            at = raw.find(needle)
            while at >= 0:
                start = raw.rfind('{"id":', 0, at)
                record = _record_at(raw, start)
                if record is not None and record.get("article_key") == key:
                    found[start] = record
                at = raw.find(needle, at + len(needle))
        return [found[at] for at in sorted(found)]

    def records_of_ids(self, feed_url: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The records of the feed's headlines of `ids` (entry ids), by id, found in its
        list's text (each record starts with its id) and decoded alone: what a few
        highlights of items with no link name, not a list of 2,000 decoded for them."""
        raw = self._value(self._state, f"entries:{feed_url}")
        if not isinstance(raw, str):
            return {}
        found: dict[str, dict[str, Any]] = {}
        for entry_id in ids:
            record = _record_at(raw, raw.find(f'{{"id":{json.dumps(entry_id)}'))
            if record is not None and record.get("id") == entry_id:
                found[entry_id] = record
        return found


def _record_at(raw: str, start: int) -> dict[str, Any] | None:
    if start < 0:
        return None
    try:
        record = decode_one(raw, start)[0]
    except ValueError:
        return None
    return record if isinstance(record, dict) and "id" in record else None
