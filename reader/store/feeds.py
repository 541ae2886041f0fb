"""Subscriptions and their entries in the store: the feeds subscribed, each feed's state, its
entries (newest first, up to MAX_ENTRIES_PER_FEED, an entry's full text kept apart), the ids
read, and the ids of the headlines dropped for good (`retention`) that the feed still carries."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from ..codec import (
    CONTENT_PRINT,
    SEEN,
    SUMMARY_APART,
    content_print,
    entry_from_dict,
    entry_to_dict,
    feed_from_dict,
    feed_to_dict,
    seen_at,
    summary_print,
)
from ..config import DEFAULT_LIMITS
from ..dates import CLAIM_AHEAD
from ..discussion_links import became_discussion
from ..feed_names import folded
from ..feed_tags import Folder, with_folders, with_tags, without_tags
from ..keys import ARTICLE_KEY_VERSION, link_key
from ..models import FEED_CONTENT_MARK, SUMMARY_HELD, Entry, Feed
from ..plural import plural
from ..safe import safe_line
from ..sitemap_feed import addressed
from ..urls import password_apart
from .directory import _reporting_storage_errors
from .key_ranges import keys_with_prefix
from .record_json import decode_one, json_items
from .shown_ids import UNLISTED
from .story_rows import StoreStoryRows, as_kept, readdressed, republished, retitled

ImportedFeed = (
    tuple[str, str, str, Sequence[str], Sequence[Folder], str]
    | tuple[str, str, str, Sequence[str], Sequence[Folder]]
)
"""A feed a file names, as `add_feeds` takes it: its url, title, name, tags, folder paths and
the site it belongs to (left out, or "", for none)."""

MAX_ENTRIES_PER_FEED = DEFAULT_LIMITS.max_feed_items
DROPPED_KEPT_AT_LEAST = 30 * 86400
"""Seconds a dropped headline's id is kept even once its feed no longer carries the item: a
feed that flickers (a cache serving an older copy of it now and then, a "most read" list) would
otherwise bring it back, new and unread, the next time it carried it."""
_from_iso = datetime.fromisoformat
_SUBSCRIPTIONS = "subscriptions"
# When every list's long summaries were kept apart (`cut_summaries`): none left to cut since.
_SUMMARIES_APART = "summaries_apart"
# An entry's record holds its article's cache key, and the version of `article_key` that made
# it: read back instead of made again from the link at every list (a reader from before them
# ignores both; one with another version makes the key again).
_KEY = "article_key"
_CHANGED = "changed_at"
_CACHED = "cached_at"
_REFRESHED = "refreshed_at"
_KEY_VERSION = "key_version"
# When an entry was first kept (epoch seconds): retention counts an undated one's age from
# it, having no story time to count from, and the size limit ranks an unread one by the
# earlier of it and its story's time (`limit`: a feed dating its items anew at every fetch
# can't keep them the newest).
_SEEN = SEEN
# How a record without a date is written (`_save`'s compact JSON of `entry_to_dict`): told
# without decoding a feed's list (`entry_records_lazily`).
_NO_PUBLISHED = '"published":null'
_NO_UPDATED = '"updated":null'
# Up to this many articles marked, the other feeds' headlines of them are found in the lists'
# text; more, by reading the lists.
_FOUND_IN_TEXT = 8


_ANSWER_KEPT = ("etag", "last_modified", "body_print")
"""What a feed's record keeps of its last answer, to fetch or parse only a changed one."""


def _feed_key(url: str) -> str:
    return f"feed:{url}"


def _entries_key(url: str) -> str:
    return f"entries:{url}"


def _read_key(url: str) -> str:
    return f"read:{url}"


def _page_titled_key(url: str) -> str:
    """Set for a feed read from a sitemap (`Store.title_pages`)."""
    return f"page-titled:{url}"


def _sitemap_reads_key(url: str) -> str:
    """What a sitemap index feed led to (`StoreSitemapReads`)."""
    return f"sitemap-reads:{url}"


def _imported_read_key(url: str) -> str:
    # The headlines an import of another reader's marks marked read: marked once, never again,
    # so one the user marked unread since stays so at the rerun the import asks for (acc43a A4).
    return f"imported-read:{url}"


def _imported_tags_key(url: str) -> str:
    # The tags imports filed the feed under: one the user took off since stays off (acc43a A4).
    return f"imported-tags:{url}"


def _opened_key(url: str) -> str:
    # Apart from the read marks, which `A`, `C` and an import set in bulk: when each of the
    # feed's headlines was last opened in the reader, which only reading sets (acc34a C2).
    return f"opened:{url}"


def _dropped_key(url: str) -> str:
    return f"dropped:{url}"


def _dropped_links_key(url: str) -> str:
    # Apart from the ids, which every merge of the feed reads: the links are wanted only by
    # `reader show` of a dropped id (`dropped_headline`).
    return f"dropped-links:{url}"


def _content_key(entry_id: str) -> str:
    # Apart from the feed's entry list, which every start reads whole: full texts would make
    # that list megabytes, and they are wanted only when an article page gives little.
    return f"content:{entry_id}"


def _summary_key(entry_id: str) -> str:
    # Apart from the list too: the whole of a summary longer than a list's record holds
    # (`SUMMARY_APART`), wanted only where the feed's text is shown or stands for the article.
    return f"summary:{entry_id}"


def _stored_key(record: dict[str, Any]) -> str | None:
    """The article key kept in an entry's record, when this `article_key` made it; else None
    (a record written before keys were kept, or by a reader whose keys differ)."""
    key = record.get(_KEY)
    right = record.get(_KEY_VERSION) == ARTICLE_KEY_VERSION and isinstance(key, str)
    return key if right else None


def _record(
    entry: Entry, kept: tuple[str, str], seen: float, apart: str, content: str | None = None
) -> dict[str, Any]:
    """An entry's record, with its article key: `kept`'s (the link it was made from, the
    key) when the link is still that one, else made now; and when it was first kept
    (`seen`). A summary longer than `SUMMARY_HELD` holds its start, the whole kept apart
    (`_summary_key`, written by the caller) and its fingerprint in the record; `apart`: that
    of the whole of one only the start of which `entry` holds (`Entry.summary_cut`).
    `content`: the fingerprint of the item's full text (`CONTENT_PRINT`), None for none."""
    link, key = kept
    key = key if link == entry.link and link else link_key(entry.link)
    record = {**entry_to_dict(entry), _KEY: key, _KEY_VERSION: ARTICLE_KEY_VERSION, _SEEN: seen}
    if content is not None:
        record[CONTENT_PRINT] = content
    if entry.summary_cut:
        record[SUMMARY_APART] = apart
    elif len(entry.summary) > SUMMARY_HELD:
        # A feed carrying its articles whole in their summaries (Medium's, Hugo's: 5-20 KB
        # each) made every start read and decode megabytes of them a feed.
        record["summary"] = entry.summary[:SUMMARY_HELD]
        record[SUMMARY_APART] = summary_print(entry.summary)
    return record


def _summary_held(record: dict[str, Any]) -> bool:
    """The record holds a summary whole that its list now keeps apart: written before they
    were (`_record`)."""
    summary = record.get("summary")
    return isinstance(summary, str) and len(summary) > SUMMARY_HELD and SUMMARY_APART not in record


def _told_anew(
    before: Entry,
    apart: str | None,
    now: Entry,
    page_titled: bool = False,
    rewritten: bool = False,
) -> bool:
    """The item `now` (fresh from its feed) says something else than its record did
    (`before`, with `apart`, its `SUMMARY_APART`): its title, its summary, whole, or its full
    text (`rewritten`: its print not the one kept; a correction carried there alone: acc45a
    A1). Of a sitemap's item (`page_titled`), its address's words headed by its page's title
    is not."""
    if rewritten:
        return True
    if before.title != now.title and not (page_titled and addressed(before.title, before.link)):
        return True
    if (
        before.link
        and now.link
        and link_key(before.link) != link_key(now.link)
        and not became_discussion(before, now)
    ):
        return True  # the story at another address (`Store.move_article`: acc44c C14)
    if before.summary_cut and not now.summary_cut:  # its record holds the start alone
        return len(now.summary) <= SUMMARY_HELD or summary_print(now.summary) != apart
    return before.summary != now.summary


class Told(NamedTuple):
    """What an item said before its feed told it anew (`StoreFeeds.told`): its title, its
    summary, the address it linked, which a correction's new slug changes (acc44c C14), and
    its full text."""

    title: str
    summary: str
    link: str
    content: str
    """Its full text, when that changed (a correction carried there alone: acc45a A1); ""."""


def _listed_dates(entry: Entry, before: Entry | None, now: datetime) -> Entry:
    """`entry` (fresh from its feed, read at `now`) dated as its list dates it: a date more
    than `CLAIM_AHEAD` after `now` kept apart as the feed's claim, the item listed as of when
    it was first read (its record's date, else its first sighting, else `now`). For good: a
    refresh giving the claim its record keeps gets the record's dates, whatever the clock says
    by then (a clock a day fast re-dated it to the claim, set right again to the moment: the
    story wandered up the list as if new). A claim the feed corrects to a date not ahead is
    believed, and so is one not ahead of the item's first reading (`dates.claim_not_ahead`,
    read so from its record)."""
    if before is not None and before.claimed in (entry.published, entry.updated) and before.claimed:
        return dataclasses.replace(
            entry, published=before.published, updated=before.updated, claimed=before.claimed
        )
    limit = now + CLAIM_AHEAD
    ahead = [n for n in ("published", "updated") if (w := getattr(entry, n)) and w > limit]
    if not ahead:
        return entry
    first = now
    if before is not None and before.first_seen is not None:
        first = min(now, datetime.fromtimestamp(before.first_seen, UTC))
    changes: dict[str, datetime | None] = {"claimed": getattr(entry, ahead[0])}
    for name in ahead:
        was = getattr(before, name) if before is not None else None
        changes[name] = was if was is not None and was <= limit else first
    return dataclasses.replace(entry, **changes)


def _redated(entry: Entry, before: Entry | None) -> bool:
    """`entry` is an item its feed dates once (an Atom entry with an `<updated>` and no
    `<published>`; the date given as both) whose date moved later since its record (`before`)."""
    return (
        before is not None
        and before.published is not None
        and entry.updated is not None
        and entry.published == entry.updated
        and entry.updated > before.published
    )


def _published_kept(entries: list[Entry], known: Mapping[str, Entry]) -> list[Entry]:
    """`entries` (a feed's, fresh), each whose one date moved later since its record in `known`
    (`_redated`) taken for an update of it: its publication stays the first date, the new one
    its time of update. As the feed gave it, an old story came first of every list as if new,
    and its correction was never fetched (`retold.updated_since` saw no update; acc34a C3).
    Not so when most of them moved (three at least): a feed that dates every item anew at each
    fetch, as if it were new (acc28a H10), tells no update of any; they stay as given."""
    moved = {e.id for e in entries if _redated(e, known.get(e.id))}
    listed_before = sum(1 for e in entries if e.id in known)
    if not moved or (len(moved) >= 3 and 2 * len(moved) > listed_before):
        return entries
    return [
        dataclasses.replace(e, published=known[e.id].published) if e.id in moved else e
        for e in entries
    ]


def _newest_first(entry: Entry) -> tuple[int, float]:
    when = entry.published or entry.updated
    return (0, -when.timestamp()) if when else (1, 0.0)


def _checked_id(record: dict[str, Any]) -> str:
    """A record's entry id, when `entry_from_dict` would decode it (else its error raised)."""
    entry_id, _ = record["id"], record["feed_url"]  # first: a record no dict raises TypeError
    for field in ("published", "updated"):
        if when := record.get(field):
            _from_iso(when)
    return entry_id


def _by_feed(entries: Iterable[Entry]) -> dict[str, list[str]]:
    """The ids of `entries`, by feed."""
    by_feed: dict[str, list[str]] = {}
    for entry in entries:
        by_feed.setdefault(entry.feed_url, []).append(entry.id)
    return by_feed


def _keys_by_feed(entries: Iterable[Entry]) -> dict[str, set[str]]:
    """The article keys of `entries` (of a feed's: not of those no feed lists), by feed."""
    keys: dict[str, set[str]] = {}
    for entry in entries:
        if entry.link and entry.feed_url != UNLISTED:
            keys.setdefault(entry.feed_url, set()).add(link_key(entry.link))
    return keys


def keyed(
    record: dict[str, Any], held: int | None = None, cached: Container[str] = ()
) -> tuple[Entry, str]:
    """An entry of `StoreFeeds.entry_records` decoded, with its article key (as
    `keyed_entries` gives them, `held` and `cached` too); raises KeyError, TypeError or
    ValueError for a damaged one."""
    if not isinstance(record, dict):
        raise TypeError(f"an entry's record is a {type(record).__name__}")
    key = _key_of(record)
    if held and key and key in cached:
        held = 0  # the article's text is what a search reads
    return entry_from_dict(record, held), key


def records_lazily(raw: Any) -> tuple[Iterator[Any], bool]:
    """`StoreFeeds.entry_records_lazily` of a feed's list kept as `raw` (None: none kept)."""
    if not isinstance(raw, str):
        return iter(()), True
    # Told from the text, not from every record decoded: a list with a record lacking
    # `published` and one lacking `updated` may hold one lacking both.
    undated = _NO_PUBLISHED in raw and _NO_UPDATED in raw
    return json_items(raw), not undated


def feeds_brought_back(count: int, would: bool = False) -> str:
    """Said of `count` feeds brought back to a list of subscriptions damaged (`_given_back`,
    `recover_subscriptions`); `would` be, by a dry run."""
    their = "its own record" if count == 1 else "their own records"
    return f"{plural(count, 'feed')} {'would be ' if would else ''}brought back from {their}"


def _key_of(record: dict[str, Any]) -> str:
    """The article key of `record`'s entry: the one kept with it, else made now."""
    link = record.get("link") or ""
    key = _stored_key(record)
    if key is None:
        return link_key(link)
    # Most keys are the link itself: its string, not a copy (5 MB of a year's headlines).
    return link if key == link else key


@_reporting_storage_errors
class StoreFeeds(StoreStoryRows):
    """The feeds, entries and read flags of a `Store`."""

    tags_filed: dict[str, list[str]] = {}  # none yet: each `add_feeds` sets its own
    """By address, the tags the last `add_feeds` filed each feed under that it lacked: an
    import run again said "2 feeds filed under 2 tags" of feeds filed so by the first (acc50b)."""

    # -- feeds -------------------------------------------------------------------------------
    def feed_urls(self) -> list[str]:
        urls = self._load(self._state, _SUBSCRIPTIONS, [], keep_aside=True)
        return [u for u in urls if isinstance(u, str)]

    def feeds(self) -> list[Feed]:
        """Every feed subscribed to, in order (one read each: `StoreFeedBatches` reads them
        in a few)."""
        return [self.feed(url) or Feed(url) for url in self.feed_urls()]

    def feed(self, url: str) -> Feed | None:
        """The feed subscribed to at `url`, None when no record is kept. A damaged record is
        dropped with a copy kept aside: it holds the user's own (its name, its tags), which no
        fetch gives back."""
        data = self._load(self._state, _feed_key(url), keep_aside=True)
        if data is None:
            return None
        try:
            return feed_from_dict(data)
        except (KeyError, TypeError, ValueError):
            held = json.dumps(data, ensure_ascii=False)
            self._drop_damaged(self._state, _feed_key(url), held)
            return None

    def add_feed(
        self, url: str, title: str = "", name: str = "", tags: tuple[str, ...] = ()
    ) -> bool:
        """Subscribe, under `title` until the feed says its own, the user's `name` for it and
        `tags`; False when already subscribed. Kept under `url` without its password, which its
        record keeps (`urls.password_apart`). A reader open elsewhere is told (`changed_at`)."""
        url, password = password_apart(url)
        with self._state.transact():
            urls = self.feed_urls()
            if url in urls:
                return False
            self._save(self._state, _SUBSCRIPTIONS, [*urls, url])
            if self._value(self._state, _feed_key(url)) is None:
                feed = Feed(url, title=title, name=name, tags=tags, password=password)
                self._save(self._state, _feed_key(url), feed_to_dict(feed))
            self.note_changed()
        return True

    def add_feeds(self, wanted: Iterable[ImportedFeed]) -> list[bool]:
        """`add_feed` of each (url, title, name, tags, folders, site) of `wanted` as one change,
        each feed filed under its tags and in its folders too (`tag_feed`, `Feed.folders`),
        subscribed already or not, and given its site where it has none yet (one never fetched,
        or whose feed names none): the subscription list
        read and written once, not once a feed and again once a tagged feed (an OPML file of
        8,000 feeds rewrote it 8,000 times, 98 s: acc41b B3). Whether each was added (False
        when subscribed already, or earlier in `wanted`)."""
        done = []
        self.tags_filed = filed = {}
        with self._state.transact():
            urls = self.feed_urls()
            subscribed = set(urls)
            changed: dict[str, Feed] = {}  # the records to write, each once
            given: dict[str, set[str]] = {}  # the tags imports filed each feed under
            given_before: dict[str, set[str]] = {}  # as read, to write only those changed
            for address, title, name, tags, paths, *sites in wanted:
                url, password = password_apart(address)
                site = sites[0] if sites else ""
                done.append(url not in subscribed)
                if done[-1]:
                    subscribed.add(url)
                    urls.append(url)
                    if self._value(self._state, _feed_key(url)) is None:
                        changed[url] = Feed(
                            url, title=title, name=name, site_url=site, password=password
                        )
                if not tags and not site:
                    continue
                feed = changed.get(url) or self.feed(url)
                if feed is None:
                    continue
                if site and not feed.site_url:
                    # A fetch's own link replaces it (`refresh_feed`); until then it is where a
                    # dead feed's new home is looked for (acc49d D4).
                    feed = changed[url] = dataclasses.replace(feed, site_url=site)
                if not tags:
                    continue
                # A path whose folder the user untagged stays in the record, left out of the
                # export (`feed_folders`) as the tag is of a second import (below).
                if (placed := with_folders(feed.folders, paths)) != feed.folders:
                    feed = changed[url] = dataclasses.replace(feed, folders=placed)
                if url not in given:
                    # Folded again: a key an earlier reader folded otherwise (an em dash,
                    # before it was "--": env51) is the tag it was.
                    kept = self._load(self._state, _imported_tags_key(url), [])
                    given_before[url] = set(kept)
                    given[url] = {folded(t) for t in kept if isinstance(t, str)}
                # A tag an import gave before that the feed lacks now was taken off by the
                # user: an import again leaves it off (acc43a A4).
                has = {folded(tag) for tag in feed.tags}
                tags = [
                    t
                    for t in with_tags((), tags)
                    if folded(t) in has or folded(t) not in given[url]
                ]
                given[url].update(folded(tag) for tag in with_tags((), tags))
                if (more := with_tags(feed.tags, tags)) != feed.tags:
                    changed[url] = dataclasses.replace(feed, tags=more)
                    filed.setdefault(url, []).extend(t for t in more if t not in feed.tags)
            for url, feed in changed.items():
                self._save(self._state, _feed_key(url), feed_to_dict(feed))
            for url, tags in given.items():
                if tags != given_before[url]:  # a re-import of 9,550 feeds wrote each again
                    self._save(self._state, _imported_tags_key(url), sorted(tags))
            if any(done):
                self._save(self._state, _SUBSCRIPTIONS, urls)
            if changed or any(done):
                self.note_changed()
        return done

    def recover_subscriptions(self, also: Sequence[str] = ()) -> list[str]:
        """The feeds the list of subscriptions lacks brought back to it, each from its own
        record (`_feeds_unlisted`): the list lost (its record damaged, dropped and kept aside),
        or cut short by a reader from before `_given_back`. With the list lost whole, the feeds
        `also` names too (whose own records were lost with it: `reader repair` read them from
        the damaged file's index); the addresses brought back (with the store read only, as
        for `reader repair --dry-run`: those it would bring back, nothing written)."""
        with self._state.transact():
            urls = self.feed_urls()
            back = self._feeds_unlisted(urls)
            if not urls:
                back += [url for url in dict.fromkeys(also) if url not in back]
            if back and not self.read_only:
                self._save(self._state, _SUBSCRIPTIONS, [*urls, *back])
                self.note_changed()
        return back

    def _feeds_unlisted(self, urls: Sequence[Any]) -> list[str]:
        """The feeds whose own records are kept that `urls` (the list of subscriptions, or what
        is left of it) lacks, in the order they were first kept: a feed removed has its record
        deleted with it, in the same change (`remove_feed`), so each one kept is subscribed."""
        listed = {url for url in urls if isinstance(url, str)}
        kept = keys_with_prefix(self._state, _feed_key(""), in_order=True)
        return [url for url in kept if url not in listed]

    def _given_back(
        self, key: str, whole: list[Any] | dict[str, Any] | None
    ) -> tuple[list[Any] | dict[str, Any] | None, str]:
        # A list of subscriptions damaged, lost whole or cut short, is made again from each
        # feed's own record: those after a cut were gone from every list, though their
        # headlines and marks were kept (acc50b B12).
        if key != _SUBSCRIPTIONS or isinstance(whole, dict):
            return super()._given_back(key, whole)
        back = self._feeds_unlisted(whole or [])
        if not back:
            return whole, ""
        self.given_back[key] = len(back)
        return [*(whole or []), *back], feeds_brought_back(len(back))

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe and forget the feed's headlines; cached article text stays (it may be
        shared). A refresh fetching the feed meanwhile, here or in another process, writes
        nothing of it back (`merge_entries`, `put_feed`); a reader open elsewhere is told
        (`changed_at`)."""
        with self._state.transact():
            urls = self.feed_urls()
            if url not in urls:
                return False
            read = self.read_ids(url)
            entries = self.keyed_entries(url)
            self._keep_unlisted((e.id, k, e.id in read) for e, k in entries)
            self._save(self._state, _SUBSCRIPTIONS, [u for u in urls if u != url])
            for entry, _ in entries:
                self._state.delete(_content_key(entry.id))
                self._state.delete(_summary_key(entry.id))
            for key in (
                _feed_key(url),
                _entries_key(url),
                _read_key(url),
                _opened_key(url),
                _imported_read_key(url),
                _imported_tags_key(url),
                _dropped_key(url),
                _dropped_links_key(url),
                _page_titled_key(url),
                _sitemap_reads_key(url),
            ):
                self._state.delete(key)
            self.forget_aliases(url)
            self.note_changed()
        return True

    def put_feed(self, feed: Feed) -> Feed:
        """Keep what a fetch learned of a subscribed feed; returns it as kept. Its name, tags
        and folders stay those stored, which `name_feed`, `tag_feed` and `add_feeds` alone set: a
        rename while the feed was fetched (in another process: `reader rename` beside the
        reader's refresh) is not undone."""
        with self._state.transact():
            if feed.url not in self.feed_urls():
                return feed
            if stored := self.feed(feed.url):
                feed = dataclasses.replace(
                    feed,
                    name=stored.name,
                    tags=stored.tags,
                    folders=stored.folders,
                    password=stored.password,
                )
            self._save(self._state, _feed_key(feed.url), feed_to_dict(feed))
        return feed

    def give_password(self, url: str, password: str) -> Feed | None:
        """Fetch and export a subscribed feed with `password` from now on (`Feed.password`),
        its headlines, marks and name kept; None when not subscribed. A refresh under way
        keeps it (`put_feed`); the next asks with it."""
        return self._changed_feed(url, password=password)

    def name_feed(self, url: str, name: str) -> Feed | None:
        """Give a subscribed feed the user's `name` ("": none, its own title shown again);
        None when not subscribed."""
        return self._changed_feed(url, name=name)

    def _changed_feed(self, url: str, **changes: Any) -> Feed | None:
        """A subscribed feed's record with `changes` made, kept; None when not subscribed."""
        with self._state.transact():
            feed = self.feed(url) if url in self.feed_urls() else None
            if feed is None:
                return None
            feed = dataclasses.replace(feed, **changes)
            self._save(self._state, _feed_key(url), feed_to_dict(feed))
        return feed

    def tag_feed(
        self, url: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> Feed | None:
        """File a subscribed feed under the tags of `add` too, and no longer under those of
        `remove` (case aside, `feed_tags`); None when not subscribed. A reader open elsewhere
        is told (`changed_at`)."""
        with self._state.transact():
            feed = self.feed(url) if url in self.feed_urls() else None
            if feed is None:
                return None
            tags = with_tags(without_tags(feed.tags, remove), add)
            if tags != feed.tags:
                feed = dataclasses.replace(feed, tags=tags)
                self._save(self._state, _feed_key(url), feed_to_dict(feed))
                self.note_changed()
        return feed

    # -- entries -----------------------------------------------------------------------------
    def entries(self, feed_url: str) -> list[Entry]:
        return [entry for entry, _ in self._records(feed_url)]

    def keyed_entries(
        self, feed_url: str, held: int | None = None, cached: Container[str] = ()
    ) -> list[tuple[Entry, str]]:
        """A feed's entries, each with its article's cache key (`keys.article_key` of its
        link, "" for none): the one kept with it, else made now. `held`: each summary cut to
        that many characters (`entry_from_dict`; None: whole), to none of them where the
        article is cached (its key in `cached`)."""
        data = self._load(self._state, _entries_key(feed_url), [])
        try:
            return [keyed(d, held, cached) for d in data]
        except (KeyError, TypeError, ValueError):
            self._drop_damaged(self._state, _entries_key(feed_url))
            return []

    def entry_ids(self, feed_url: str) -> list[str]:
        """The ids of a feed's entries, as `entries` lists them, without making each entry:
        what `reader feeds` and `reader cache` count, over a year's 43,000. Checked as `entries`
        reads them (a damaged list dropped)."""
        data = self._load(self._state, _entries_key(feed_url), [])
        try:
            return [_checked_id(d) for d in data]
        except (KeyError, TypeError, ValueError):
            self._drop_damaged(self._state, _entries_key(feed_url))
            return []

    def entry_keys(self, feed_url: str) -> list[tuple[str, bool]]:
        """Of each of a feed's entries, as `keyed_entries` lists them, the article key, and
        whether it is an episode of a podcast with no page of its own (enclosures, no link),
        without making each entry: what a sync's recap counts (`not_offline`) over a year's
        51,000. Checked as `entry_ids` checks them."""
        data = self._load(self._state, _entries_key(feed_url), [])
        try:
            out = []
            for record in data:
                _checked_id(record)
                link = record.get("link") or ""
                key = _stored_key(record)
                out.append(
                    (
                        key if key is not None else link_key(link),
                        not link and bool(entry_from_dict(record).enclosures),
                    )
                )
            return out
        except (KeyError, TypeError, ValueError, AttributeError):
            self._drop_damaged(self._state, _entries_key(feed_url))
            return []

    def entry_records(self, feed_url: str) -> Any:
        """A feed's entries as kept (a list, newest first), not decoded (`keyed` decodes one):
        a list printed as it is read decodes only what it prints (`reader list | head`). Not
        checked: one found damaged is to be read by `keyed_entries`, which drops it."""
        return self._load(self._state, _entries_key(feed_url), [])

    def entry_records_lazily(self, feed_url: str) -> tuple[Iterator[Any], bool]:
        """`entry_records`, each decoded as it is asked for (the newest screenful of a year's
        library decodes a few hundred of its 43,000); and whether every record is dated by its
        feed, so that the list's order is theirs as kept (an undated one is listed by the date
        of its cached page: anywhere). Not checked; a damaged list yields what comes before
        the damage, and is dropped when read whole."""
        return records_lazily(self._value(self._state, _entries_key(feed_url)))

    def _records(self, feed_url: str) -> list[tuple[Entry, dict[str, Any]]]:
        """A feed's entries with the records they were read from (a damaged list dropped)."""
        data = self._load(self._state, _entries_key(feed_url), [])
        try:
            return [(entry_from_dict(d), d) for d in data]
        except (KeyError, TypeError, ValueError):
            self._drop_damaged(self._state, _entries_key(feed_url))
            return []

    def merge_entries(
        self,
        feed_url: str,
        fresh: Iterable[Entry],
        keys: Mapping[str, str] | None = None,
        whole: bool = False,
    ) -> list[Entry]:
        """Add or update a feed's entries; returns those that are new. Old entries are kept
        (a feed shows only its latest items), up to MAX_ENTRIES_PER_FEED. `keys`: the fresh
        entries' article keys by id, made where they were parsed (else made here). Nothing is
        written for a feed not subscribed: one removed while a refresh fetched it. An item
        retention dropped (`dropped`) is not taken back; `whole`: `fresh` is every item the
        feed carries now, and those dropped that it no longer carries are forgotten."""
        return self.merge(feed_url, fresh, keys, whole)[0]

    def merge(
        self,
        feed_url: str,
        fresh: Iterable[Entry],
        keys: Mapping[str, str] | None = None,
        whole: bool = False,
        page_titles: bool = False,
        served: datetime | None = None,
    ) -> tuple[list[Entry], bool, tuple[Entry, ...], tuple[Entry, ...], tuple[int, int]]:
        """`merge_entries`, whether the feed's entries changed in the store (False when they
        are as kept: a feed fetched again whole, its server asking no `If-None-Match`, with
        nothing new: its list is not written again, nor read again by a reader), the entries
        as kept before of the items told anew (their title or summary changed), `fresh`
        as a sync judges them: each publication kept where its one date moved
        (`_published_kept`), and the headlines listed before that newer ones pushed past
        MAX_ENTRIES_PER_FEED: how many, and how many of them unread. `page_titles`: `fresh`
        is a sitemap's (`sitemap_feed`), its items headed by their addresses' words till their
        pages are read (`_page_titled`). `served`: when the feed's server said it answered,
        where that says this computer's clock was wrong (`dates.served_time`): the moment the
        items are judged and first seen at, as a citation's "Retrieved" is (acc46a A1)."""
        mine = [e for e in fresh if e.feed_url == feed_url]  # an entry belongs to its own feed only
        with self._state.transact():
            if feed_url not in self.feed_urls():
                return [], False, (), (), (0, 0)
            # A republished item under the id its story is kept under (`republished`).
            aliases = self.aliases(feed_url) if whole else {}
            if aliases:
                mine = as_kept(mine, aliases)
                if keys:
                    keys = {aliases.get(i, i): k for i, k in keys.items()}
            if dropped := self.dropped(feed_url):
                # Read in this write's transaction: a retention run in another process (cron's
                # sync beside the reader's refresh) is either all seen or not begun.
                if whole and mine:  # an empty answer (a glitch) is no sign that items went
                    self._keep_dropped(feed_url, dropped, {e.id for e in mine})
                mine = [e for e in mine if e.id not in dropped]
            records = self._records(feed_url)
            known = {e.id: e for e, _ in records}
            if page_titles:
                mine = [self._page_titled(e, known.get(e.id)) for e in mine]
                if self._state.get(_page_titled_key(feed_url)) is None:
                    self._state.set(_page_titled_key(feed_url), True)
            if whole and (again := self._republished(mine, records)):
                aliases.update(again)
                mine = as_kept(mine, again)
                if keys:
                    keys = {again.get(i, i): k for i, k in keys.items()}
            # One moment for the merge: dates ahead of it, first-seen times; the server's
            # where it said the clock was wrong, or a clock set in the past dates them all.
            now = served.timestamp() if served is not None else time.time()
            moment = datetime.fromtimestamp(now, UTC)
            # What a sync judges the items by: as the feed gives them, a date far ahead
            # and all (`updated_since` takes one for an update), each publication kept.
            judged = _published_kept(mine, known)
            stored = []
            for fresh_one, as_judged in zip(mine, judged, strict=True):
                made = _listed_dates(fresh_one, known.get(fresh_one.id), moment)
                if as_judged.published != fresh_one.published:  # kept: not ahead, it was read
                    made = dataclasses.replace(made, published=as_judged.published)
                stored.append(made)
            mine = stored
            # Each entry's key is written with it: kept from its record while its link is the
            # same, made for a new or moved one (and for a record written without one).
            kept = {e.id: (e.link, k) for e, d in records if (k := _stored_key(d)) is not None}
            seen = {e.id: at for e, d in records if (at := seen_at(d)) is not None}
            apart = {e.id: d.get(SUMMARY_APART) for e, d in records if SUMMARY_APART in d}
            # The print of each item's full text as kept, and fresh: those that differ were
            # rewritten (an item no full text was kept for, none).
            content_was = {
                e.id: p for e, d in records if isinstance(p := d.get(CONTENT_PRINT), str)
            }
            fresh_print = {e.id: content_print(e.content) for e in mine if e.content}
            for e in mine:
                # A record from before the prints: its full text kept whole is what the feed's
                # is compared with, once (its print written now), not taken for a change.
                unprinted = e.content and e.id in known and e.id not in content_was
                if unprinted and (held := self.entry_content(e.id)):
                    content_was[e.id] = content_print(held)
            rewritten = {i for i, p in fresh_print.items() if content_was.get(i, p) != p}
            content_now = {**content_was, **fresh_print}
            if keys:
                kept.update((e.id, (e.link, keys[e.id])) for e in mine if e.id in keys)
            new = [e for e in mine if e.id not in known]
            # An item's full text is written when the item is new or it changed (its date or
            # its print), not at every refresh of its feed (a feed carries up to 2,000 of them).
            changed = [
                e
                for e in mine
                if e.content
                and (
                    e.id not in known
                    or known[e.id].updated != e.updated
                    or e.id in rewritten
                    or e.id not in content_was
                )
            ]
            # An item told anew (its title or summary changed) whose article is cached: what
            # it said before is kept for the next sync to judge (`retold`), however many
            # refreshes (the reader's on opening) come first.
            retold = [
                (self._told_before(known[e.id], e.id in rewritten), e)
                for e in mine
                if e.id in known
                and _told_anew(
                    known[e.id], apart.get(e.id), e, page_titles, rewritten=e.id in rewritten
                )
            ]
            known.update((e.id, e) for e in mine)
            ordered = sorted(known.values(), key=_newest_first)
            listed = ordered[:MAX_ENTRIES_PER_FEED]
            written = [
                # Whole seconds: 43,000 records carry it, and nothing needs it finer.
                _record(
                    e,
                    kept.get(e.id, ("", "")),
                    seen.get(e.id, int(now)),
                    apart.get(e.id, ""),
                    content_now.get(e.id),
                )
                for e in listed
            ]
            # A feed served whole again with nothing new (most are, every refresh): 2,000
            # records not encoded and written again for nothing, 60 times at a reader's start.
            changed_list = written != [d for _, d in records]
            if changed_list:
                self._save(self._state, _entries_key(feed_url), written)
                self.keep_listed_keys(feed_url, written)
            if aliases:
                self.keep_aliases(feed_url, aliases, {e.id for e in listed})
            if new:
                # An article read in another feed is read here too, as it comes (acc39b Q3).
                key_of = {d["id"]: d[_KEY] for d in written}
                fresh_keys = ((e.id, key_of.get(e.id, "")) for e in new)
                if read := self.read_elsewhere(feed_url, fresh_keys):
                    ids = self.read_ids(feed_url) | read
                    self._save(self._state, _read_key(feed_url), sorted(ids))
            for entry in changed:
                self._state.set(_content_key(entry.id), entry.content)
            for entry, record in zip(listed, written, strict=True):
                # A long summary whole, apart: new, changed, or held by its record till now.
                print_ = record.get(SUMMARY_APART)
                if print_ is not None and not entry.summary_cut and print_ != apart.get(entry.id):
                    self._state.set(_summary_key(entry.id), entry.summary)
            trimmed = (0, 0)
            if going := ordered[MAX_ENTRIES_PER_FEED:]:
                read = self.read_ids(feed_url)
                self._keep_unlisted((e.id, link_key(e.link), e.id in read) for e in going)
                # Said by the refresh (acc43c C7: "41 new headlines" as 40 others left the
                # list unsaid): those a reader was shown, not new ones past it at once.
                before = {e.id for e, _ in records}
                was_listed = [e.id for e in going if e.id in before]
                trimmed = (len(was_listed), sum(i not in read for i in was_listed))
            for dropped in going:
                self._state.delete(_content_key(dropped.id))
                self._state.delete(_summary_key(dropped.id))
        for before, entry in retold:
            self._note_told(link_key(entry.link), before)
        return new, changed_list, tuple(before for before, _ in retold), tuple(judged), trimmed

    def _page_titled(self, fresh: Entry, before: Entry | None) -> Entry:
        """`fresh`, whose headline a sitemap gave as its address's words (`addressed`),
        headed by its page's title once its article is cached (acc45 A3): the title kept
        in its record, else the cached article's."""
        if not addressed(fresh.title, fresh.link):
            return fresh
        if before is not None and not addressed(before.title, before.link):
            return dataclasses.replace(fresh, title=before.title)
        record = self._load(self._articles, f"article:{link_key(fresh.link)}")
        title = record.get("title") if isinstance(record, dict) else None
        if isinstance(title, str) and title.strip():
            return dataclasses.replace(
                fresh, title=safe_line(title, DEFAULT_LIMITS.max_title_length)
            )
        return fresh

    def title_pages(self, feed_urls: Iterable[str]) -> bool:
        """The items of those of `feed_urls` read from a sitemap headed by their addresses'
        words (`_page_titled`) headed by their pages' titles once their articles are cached:
        by the sync that cached them, not at the sitemap's next change (a 304 reads none of
        it). Whether any was."""
        titled = False
        with self._state.transact():
            for url in feed_urls:
                if self._state.get(_page_titled_key(url)) is None:
                    continue
                records = self._records(url)
                written = []
                for entry, record in records:
                    now = self._page_titled(entry, None)
                    written.append({**record, "title": now.title})
                if written != [d for _, d in records]:
                    self._save(self._state, _entries_key(url), written)
                    titled = True
            if titled:
                self.note_changed()
        return titled

    def _republished(
        self, fresh: list[Entry], records: list[tuple[Entry, dict[str, Any]]]
    ) -> dict[str, str]:
        """The feed's items new to it that are one it listed before, by the id that one has:
        at its address (`republished`), with no link (`retitled`), or at another address
        (`readdressed`), each told by a print of its text: of its summary whole (a record
        holding its start has the whole's print), else of its full text."""
        known = {e.id: e for e, _ in records}
        apart = {e.id: d.get(SUMMARY_APART) for e, d in records}

        def text_of(entry: Entry) -> str:
            if entry.id in known:  # as kept: its full text apart, its summary maybe cut
                if isinstance(print_ := apart.get(entry.id), str):
                    return print_
                if entry.summary:
                    return summary_print(entry.summary)
                content = self._state.get(_content_key(entry.id), "")
                return summary_print(content) if isinstance(content, str) and content else ""
            text = entry.summary or entry.content
            return summary_print(text) if text else ""

        found = republished(fresh, known) | retitled(fresh, known, text_of)
        taken = set(found.values())
        moved = readdressed([e for e in fresh if e.id not in found], known, text_of)
        return found | {new: was for new, was in moved.items() if was not in taken}

    def _keep_unlisted(self, going: Iterable[tuple[str, str, bool]]) -> None:
        """The headlines `going` (id, article key, whether read) leave their feed: each cached
        article keeps the id it was listed under, and a read one stays read
        (`_keep_shown_ids`). In the caller's transaction."""
        if read := self._keep_shown_ids(going):
            ids = self.read_ids(UNLISTED)
            if not read <= ids:
                self._save(self._state, _read_key(UNLISTED), sorted(ids | read))

    def dropped(self, feed_url: str) -> dict[str, float]:
        """The ids of the feed's headlines retention dropped that the feed still carried, and
        when each was dropped (epoch seconds)."""
        data = self._load(self._state, _dropped_key(feed_url), {})
        if not isinstance(data, dict):
            self._drop_damaged(self._state, _dropped_key(feed_url))
            return {}
        return {k: float(v) for k, v in data.items() if isinstance(v, int | float)}

    def _keep_dropped(self, feed_url: str, dropped: dict[str, float], carried: set[str]) -> None:
        """Of the headlines dropped, forget those the feed no longer carries (`carried`: the
        ids of every item it carries now) once they were dropped DROPPED_KEPT_AT_LEAST ago. So
        at most the items of one answer (MAX_ENTRIES_PER_FEED) and those dropped in the last
        month are kept, however long the feed carries them."""
        since = time.time() - DROPPED_KEPT_AT_LEAST
        still = {k: v for k, v in dropped.items() if k in carried or v > since}
        if len(still) == len(dropped):
            return
        if still:
            self._save(self._state, _dropped_key(feed_url), still)
        else:
            self._state.delete(_dropped_key(feed_url))
        links = self.dropped_links(feed_url)
        if links.keys() - still.keys():  # a link goes with its id
            if kept := {k: v for k, v in links.items() if k in still}:
                self._save(self._state, _dropped_links_key(feed_url), kept)
            else:
                self._state.delete(_dropped_links_key(feed_url))

    def dropped_links(self, feed_url: str) -> dict[str, str]:
        """The links of the feed's headlines retention dropped, by id, for as long as their ids
        are kept (none for those dropped before links were kept)."""
        data = self._load(self._state, _dropped_links_key(feed_url), {})
        if not isinstance(data, dict):
            self._drop_damaged(self._state, _dropped_links_key(feed_url))
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def keep_told(self, key: str, before: Entry) -> None:
        """Keep what an item said before (`before`) for a sync to judge again: its article
        could not be fetched again this time (a page of it did not come). Its summary whole,
        as its next telling is compared with (`_whole`: a list's entry may hold its start)."""
        self._note_told(key, self._whole(before))

    def _note_told(self, key: str, before: Entry) -> None:
        """Keep what an item said before it was told anew, for its cached article (the
        first telling since a sync last judged it: a summary that ticks at every refresh
        is compared with the oldest, not the last)."""
        if not key or f"raw:{key}" not in self._articles or f"told:{key}" in self._articles:
            return
        said = {"title": before.title, "summary": before.summary, "link": before.link}
        if before.content:  # its full text changed (`_told_before`)
            said["content"] = before.content
        self._save(self._articles, f"told:{key}", said)

    def told(self) -> dict[str, Told]:
        """What the items of the cached articles told anew since a sync last judged them
        said before, by article key."""
        found: dict[str, Told] = {}
        for key in keys_with_prefix(self._articles, "told:"):
            record = self._load(self._articles, f"told:{key}")
            if isinstance(record, dict):
                found[key] = Told(
                    str(record.get("title", "")),
                    str(record.get("summary", "")),
                    str(record.get("link", "")),  # none kept before session 45
                    str(record.get("content", "")),  # "" when that did not change
                )
        return found

    def forget_told(self, key: str) -> None:
        self._articles.delete(f"told:{key}")

    def note_changed(self) -> None:
        """Mark the headlines or the cache changed by a refresh, a sync, a feed added or removed,
        for a reader open in another window to read them again (`changed_at`)."""
        self._state.set(_CHANGED, time.time())

    def changed_at(self) -> float:
        """When a refresh, a sync or a removal last changed the headlines or the cache, in any
        process (0 when none has said so)."""
        at = self._value(self._state, _CHANGED)
        return float(at) if isinstance(at, int | float) else 0.0

    def note_refreshed(self) -> None:
        """Mark a feed refreshed (it answered, new headlines or not) by a refresh or a sync in
        this process or another: when the headlines were last current (`refreshed_at`)."""
        self._state.set(_REFRESHED, time.time())

    def refreshed_at(self) -> float:
        """When a refresh or a sync in any process last refreshed a feed (0 when none has
        said so): what the open reader's status line says, a cron's sync too (acc46c F3)."""
        at = self._value(self._state, _REFRESHED)
        return float(at) if isinstance(at, int | float) else 0.0

    def note_cached(self) -> None:
        """Mark articles cached by a sync still running, or evicted by a prune (`cached_at`):
        a reader open in another window reads again which are cached, not every headline."""
        self._state.set(_CACHED, time.time())

    def cached_at(self) -> float:
        """When a sync running in any process last said it cached articles (0 when none
        has)."""
        at = self._value(self._state, _CACHED)
        return float(at) if isinstance(at, int | float) else 0.0

    def keep_keys(self, feed_url: str) -> None:
        """Write the article keys into a feed's entries kept without them (a store from before
        keys were kept, or written with other keys), and keep apart the long summaries its
        records hold whole (`_summary_held`): a feed that never changes is never merged again,
        and its keys would be made again at every read."""
        data = self._load(self._state, _entries_key(feed_url), [])
        if isinstance(data, list) and all(
            isinstance(d, dict) and _stored_key(d) is not None and not _summary_held(d)
            for d in data
        ):
            return
        self.merge_entries(feed_url, ())

    def _list_lost(self, key: str) -> None:
        if key == _SUBSCRIPTIONS and self.given_back.get(key):
            self.note_changed()  # feeds brought back (`_given_back`): a reader open elsewhere
        # A conditional fetch, answered "not modified", would bring none of the list back, nor
        # would the same answer, passed over by its print (`body_print`).
        if not key.startswith("entries:"):
            return
        feed_key = _feed_key(key.removeprefix("entries:"))
        record = self._load(self._state, feed_key)
        if isinstance(record, dict) and any(record.get(k) for k in _ANSWER_KEPT):
            self._save(self._state, feed_key, {**record, **dict.fromkeys(_ANSWER_KEPT)})

    def _marked_new(self) -> None:
        # A new directory's lists are written cut: none to cut once (a write saved at every
        # start, which a store held by another program made wait).
        if self._value(self._state, _SUBSCRIPTIONS) is None:
            self._state.set(_SUMMARIES_APART, time.time())

    def summaries_to_cut(self) -> bool:
        """Whether lists written before long summaries were kept apart may be left
        (`cut_summaries` not yet run to its end on this directory, open to write)."""
        return not self.read_only and self._value(self._state, _SUMMARIES_APART) is None

    def cut_summaries(
        self,
        stopped: Callable[[], bool] = lambda: False,
        starting: Callable[[int], None] | None = None,
    ) -> int:
        """Once for a directory: every feed's list whose records hold long summaries whole
        (written before they were kept apart, `_record`) written again, each holding its
        start, the whole kept apart; how many lists were. Every start read and decoded them
        whole (a feed carrying its articles in their summaries: 5-20 KB a record). A feed at a
        time, in its own transaction: one stopped (`stopped`, a reader quitting) or killed
        part way leaves each list whole or cut, and the next goes on. `starting` is told, once,
        before the first list is written, how many feeds are left to look at (a few seconds'
        work on a library of a year: said, not left for the user to take for a hang)."""
        cut = 0
        urls = self.feed_urls()
        for n, url in enumerate(urls):
            if stopped():
                return cut
            records, _ = self.entry_records_lazily(url)
            try:
                held = any(isinstance(d, dict) and _summary_held(d) for d in records)
            except ValueError:  # damaged: left to the reading that copies it aside
                held = False
            if held:
                if not cut and starting is not None:
                    starting(len(urls) - n)
                self.merge_entries(url, ())
                cut += 1
        self._state.set(_SUMMARIES_APART, time.time())
        return cut

    def entry_content(self, entry_id: str) -> str:
        """The feed's full text of an entry (see `Entry.content`), or ""."""
        value = self._value(self._state, _content_key(entry_id))
        return value if isinstance(value, str) else ""

    def feed_html(self, entry: Entry) -> str:
        """The text the feed carried for `entry`: its full content (in hand when fresh from the
        feed, else kept here), else its summary, whole: a headline listed holds its start
        (`SUMMARY_HELD`), the rest read from its record. Extraction's fallback and the offline
        view. Without an aggregator's pointers to the item's own addresses at its end (its
        "Comments" link, "Article URL: …"), which the header names: they were all the text of
        an item linking to a file (acc49b B8), in the view and the exports alike."""
        from ..aggregator_chrome import without_aggregator_chrome  # an item read, not a start's

        own = (entry.link, entry.comments)
        content = without_aggregator_chrome(entry.content or self.entry_content(entry.id), own)
        # Marked as the whole text, not a summary: the extractor tells them apart by it.
        if content:
            return FEED_CONTENT_MARK + content
        return without_aggregator_chrome(self.feed_summary(entry), own)

    def feed_summary(self, entry: Entry) -> str:
        """`entry`'s summary whole when a list held only its start (`Entry.summary_cut`): kept
        apart (`_summary_key`) when longer than its record holds, else read from its record
        in its feed's list, the record alone decoded, not the list (a feed of 2,000 items each
        whole in its summary, as a list from before they were kept apart holds them: 40 MB);
        the start held when neither has it any more."""
        if not entry.summary_cut:
            return entry.summary
        whole = self._value(self._state, _summary_key(entry.id))
        if isinstance(whole, str):
            return whole
        raw = self._value(self._state, _entries_key(entry.feed_url))
        if not isinstance(raw, str):
            return entry.summary
        # Found by its text: each record opens with its id, as `_save` writes it; else (a list
        # written otherwise) decoded record by record up to it.
        at = raw.find(f'{{"id":{json.dumps(entry.id, ensure_ascii=False)},')
        try:
            records = iter([decode_one(raw, at)[0]]) if at >= 0 else json_items(raw)
        except ValueError:  # damaged
            records = iter(())
        for record in records:
            if isinstance(record, dict) and record.get("id") == entry.id:
                summary = record.get("summary")
                return summary if isinstance(summary, str) else entry.summary
        return entry.summary

    def _told_before(self, before: Entry, rewritten: bool) -> Entry:
        """What an item told anew said before, as its record (`before`) and its full text
        kept apart have it: its summary whole, and its full text when that was `rewritten`,
        read before the new one is written in its place."""
        before = self._whole(before)
        if not rewritten:
            return before
        return dataclasses.replace(before, content=self.entry_content(before.id))

    def _whole(self, entry: Entry) -> Entry:
        """`entry`, decoded from its record, with its summary whole (`feed_summary`)."""
        if not entry.summary_cut:
            return entry
        return dataclasses.replace(entry, summary=self.feed_summary(entry), summary_cut=False)

    def read_ids(self, feed_url: str) -> set[str]:
        # The user's own, which no fetch gives back: a damaged record is copied aside first
        # (acc31a F15: every read mark of the feed dropped, no copy kept).
        return set(self._load(self._state, _read_key(feed_url), [], keep_aside=True))

    def set_read(
        self,
        entry: Entry,
        read: bool,
        opened_at: float | None = None,
        others: Sequence[Entry] | None = None,
    ) -> None:
        """`opened_at`: the entry's article was opened then (epoch seconds), as well. The
        headlines of other feeds listing its article are marked as well: `others`, where the
        caller knows them (the reader's index), else found (`_mark_elsewhere`)."""
        with self._state.transact():
            ids = self.read_ids(entry.feed_url)
            ids.add(entry.id) if read else ids.discard(entry.id)
            self._save(self._state, _read_key(entry.feed_url), sorted(ids))
            if entry.feed_url != UNLISTED and entry.link:
                keys = {entry.feed_url: {link_key(entry.link)}}
                self._mark_elsewhere(keys, read, search=others is None)
                for feed_url, other in _by_feed(others or ()).items():
                    self.set_read_many(feed_url, other, read)
            if opened_at is not None:
                opened = self.opened_at(entry.feed_url)
                opened[entry.id] = opened_at
                self._save(self._state, _opened_key(entry.feed_url), opened)

    def imported_read(self, feed_url: str) -> set[str]:
        """The ids of the feed's headlines an import of another reader's marks marked read."""
        return set(self._load(self._state, _imported_read_key(feed_url), []))

    def note_imported_read(self, feed_url: str, entry_ids: Iterable[str]) -> None:
        """Keep that an import marked the feed's `entry_ids` read (`imported_read`)."""
        with self._state.transact():
            ids = self.imported_read(feed_url) | set(entry_ids)
            self._save(self._state, _imported_read_key(feed_url), sorted(ids))

    def opened_at(self, feed_url: str) -> dict[str, float]:
        """When each of the feed's headlines was last opened in the reader (epoch seconds),
        by id: those marked read without being opened (`A`, `C`, an import) are not in it."""
        data = self._load(self._state, _opened_key(feed_url), {}, keep_aside=True)
        if not isinstance(data, dict):
            return {}
        return {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)}

    def set_read_many(
        self, feed_url: str, entry_ids: Iterable[str], read: bool, keys: Iterable[str] = ()
    ) -> None:
        """Mark many of one feed's entries at once: one write, not one per entry (`A` on a
        feed of 2,000 headlines); with `keys`, their articles', where they were marked noted
        in the same transaction (`_note_read_where`)."""
        with self._state.transact():
            ids = self.read_ids(feed_url)
            ids.update(entry_ids) if read else ids.difference_update(entry_ids)
            self._save(self._state, _read_key(feed_url), sorted(ids))
            if marked := set(keys) - {""}:
                self._note_read_where(marked, feed_url, read)

    def mark_entries(self, entries: Iterable[Entry], read: bool, elsewhere: bool = True) -> None:
        """Mark many entries of any feeds, a write per feed, and (`elsewhere`) the headlines
        of other feeds listing their articles as well (`mark_elsewhere`), every list read
        once."""
        entries = list(entries)
        # A transaction a feed, its marks and the note of where they were made together, as
        # before the marks followed their articles: `A` over a year's 250 feeds held the
        # state for every one in one (a sync beside it waited), and a store held by another
        # program mid-way kept nothing rather than the feeds written before it
        # (test_busy_store_quit). The other feeds' headlines after, in one more.
        by_feed: dict[str, list[Entry]] = {}
        for entry in entries:
            by_feed.setdefault(entry.feed_url, []).append(entry)
        for feed_url, of_feed in by_feed.items():
            keys = _keys_by_feed(of_feed).get(feed_url, set())
            self.set_read_many(feed_url, [e.id for e in of_feed], read, keys)
        if elsewhere:
            with self._state.transact():
                self._mark_elsewhere(_keys_by_feed(entries), read, noted=True)

    def mark_elsewhere(self, entries: Iterable[Entry], read: bool) -> None:
        """Mark read (or unread) the headlines of other feeds than theirs listing the articles
        of `entries` (`_mark_elsewhere`)."""
        with self._state.transact():
            self._mark_elsewhere(_keys_by_feed(entries), read)

    def _mark_elsewhere(
        self, keys: Mapping[str, set[str]], read: bool, search: bool = True, noted: bool = False
    ) -> None:
        """Mark read (or unread) the headlines listing the articles of `keys` (by the feed
        they were marked in) in the other feeds: one article read is read wherever it is
        listed (acc39b Q3: read in one feed, it stayed unread and counted in the other). Not
        a feed's own others of it: a live page it lists as several items, each its own. Where
        each was read is noted, for a feed that lists it later (`read_elsewhere`); not
        `search`, the other feeds' headlines are left to the caller (which knows them). In
        the caller's transaction."""
        every = set().union(*keys.values()) - {""} if keys else set()
        if not every:
            return
        if not noted:  # `noted`: already, with the marks
            for feed_url, marked in keys.items():
                self._note_read_where(marked, feed_url, read)
        if not search:
            return
        for url in self.feed_urls():
            wanted = set().union(*(k for u, k in keys.items() if u != url)) - {""}
            if not wanted or not (found := self._ids_listing(url, wanted)):
                continue
            ids = self.read_ids(url)
            now = ids | found if read else ids - found
            if now != ids:
                self._save(self._state, _read_key(url), sorted(now))

    def _ids_listing(self, feed_url: str, keys: set[str]) -> set[str]:
        """The ids of the feed's headlines whose article key is in `keys`: a few found in the
        list's text (`listed_in`: an article opened reads no list whole), many by reading it."""
        if not keys & self.listed_keys(feed_url):
            return set()  # most feeds: their keys alone read, not their list
        return {str(d["id"]) for _, d in self.records_listing(feed_url, keys)}

    def records_listing(self, feed_url: str, keys: set[str]) -> list[tuple[str, dict[str, Any]]]:
        """The records of the feed's headlines whose article key is in `keys`, each with its
        key, in its list's order: a few found in the list's text (`records_in_text`), many by
        reading it."""
        if len(keys) <= _FOUND_IN_TEXT:
            return [(d["article_key"], d) for d in self.records_in_text(feed_url, keys)]
        records = self.entry_records(feed_url)
        if not isinstance(records, list):
            return []
        found = ((_key_of(d), d) for d in records if isinstance(d, dict) and "id" in d)
        return [(key, d) for key, d in found if key in keys]
