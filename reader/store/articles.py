"""Articles in the store: each cleaned article with its raw page, the feed's own text of it and
its later pages when it is split over several; its other addresses; the marks of one missing
text or cached in part; the links known to be no article, and why the last try to fetch one
failed."""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..codec import (
    article_date,
    article_from_dict,
    article_to_dict,
    marks_from_dict,
    text_from_dict,
)
from ..dates import BELIEVED_AHEAD, stated_iso
from ..keys import article_key
from ..models import Article, Entry, TextMarks
from ..raw_pages import pack_page_list, unpack_page_list, unpack_raw_page
from ..sniff import PDF_REFUSALS
from ..urls import site_of
from .caches import remap
from .directory import _reporting_storage_errors
from .key_ranges import dict_with_prefix, keys_with_prefix, prefix_range, rows_with_prefix, scanned
from .record_json import packed_record
from .shown_ids import SHOWN_AS
from .taken_down import GONE_ENDED, GONE_SINCE
from .timed_out_pages import TIMEOUTS, StoreTimedOutPages

_TIMES_INDEX = "Cache_key_store_time"
"""The articles' cache's index of every key with its time stored (`article_times`)."""
_DATED = "dated:"
"""Per article key, the date its article says it was published (`stated_iso`), "" for none:
beside the record, so a list of 10,000 headlines reads every one in one query."""
AHEAD = "ahead:"
"""Per article key, when its page says it was published (epoch seconds), where that is more
than `BELIEVED_AHEAD` after its retrieval: the clock behind as it was cached, or a page dated
ahead. `_DATED` holds it too, as the page gave it; a prune reads this one beside every cached
article's time (`dates.retrieved_as_believed`). A page undated, retrieved under a clock its
server was ahead of by as much (`Article.served_at`): when the server answered."""

# Per article key: the cleaned article, its raw page, the feed's own text of it (the fallback
# for a page that gives little, kept so re-extraction can use it offline), when it was last
# opened (an earlier version's: `reading_times`), why it is no article, its later pages when
# it is split over several, a mark when some of those are missing (`Article.incomplete`), why
# the last try to fetch it failed, when the site last said it is gone (`gone`), when its page
# was last found too slow to read (`slow`), where the reader left it (an earlier version's),
# and when the size limit left it out (`left_out`), the date its page gives (`page_dates`), its earlier versions and the
# mark of one changed since last read (`versions`), and the ids of the headlines that listed it
# once no feed does (`shown_ids`). ("also:" keys are the article's other addresses, keyed by
# those: `aliased`.)
KEPT_BY = "kept-by:"
"""Per article key, whose copy of its text the article cached is (`Article.kept_by`: "wallabag")
while a sync is to ask for its page, whose article takes its place; "" once the page answered
that it holds none (a PDF, a page to sign in: `settle_copy`). None for the page's own text."""
LIVE = "live:"
"""Per article key, a live blog still running (`Article.live`): when its text last changed as
the copy says (`_last_change`; epoch seconds), for a sync to ask for its page again while it
runs; when lists date and order it by (`_last_change` but for a sync's finding: its page's own
time of update); and its address (`live_blogs`). None for any other article. Kept before the
second time was: "CHANGED ADDRESS", listed as changed."""
VALIDATORS = "validators:"
"""Per article key, the ETag and Last-Modified its first page came with, for a sync asking for
a live blog's page again to ask "changed since?" (a 304 costs no page)."""
_COPIES_MARKED = "copies-marked"
"""In the state cache: when the copies cached before `KEPT_BY` marks were kept were marked
(`mark_copies_cached_before`)."""
PICTURES_OWED = "pictures-owed:"
"""Per article key, the link of a cached article some of whose pictures are neither kept nor
refused for good (never tried: a sync stopped before them, or run with `--no-pictures`; or
failed for a reason that may pass): the next sync fetches them (`Library.sync`)."""

ONION_PICTURES = "onion-pictures:"
"""Per article key, the link of a cached onion service's article some of whose pictures, on the
clearnet, were left out while `[network] onion_clearnet_pictures` was off
(`pictures.off_the_onion`): refused for good while it stays off, fetched by the sync after it
is turned on (`Library.keep_owed_pictures`) or when the article is next opened."""

_PICTURES_MARKED = "pictures-owed-marked"
"""In the state cache: when the articles cached before `PICTURES_OWED` marks were kept were
marked (`mark_pictures_owed_before`)."""
_PAGES_MARKED = "pictures-owed-marked-pages"
"""In the state cache: when the articles whose pictures an older reader refused for good for a
web page answering in their place (`pictures.page_in_place`: a Wi-Fi login page, acc46b A1)
were marked, by the same pass made once again."""
_MARKED_AT_ONCE = 200


def settled_record(held: dict[str, object]) -> bool:
    """Whether a picture's record (`put_pictures`) is kept, or refused for good."""
    from ..pictures import page_in_place

    if held.get("sha"):
        return True
    why = held.get("why")
    return bool(why) and not held.get("again") and not page_in_place(str(why))


_ARTICLE_PREFIXES = (
    "article:",
    "raw:",
    "fallback:",
    "read-at:",
    "not-article:",
    "pages:",
    "incomplete:",
    "partial:",
    "failed:",
    "gone:",
    GONE_SINCE,
    GONE_ENDED,
    "slow:",
    TIMEOUTS,
    "place:",
    "pictures:",
    "picture-data:",
    PICTURES_OWED,
    ONION_PICTURES,
    "left-out:",
    _DATED,
    AHEAD,
    "versions:",
    "renewed:",
    "changed-entries:",
    "corrected-entries:",
    "copies-dropped:",
    "grown:",
    "retraction-ended:",
    "refused-read:",
    "told:",
    SHOWN_AS,
    KEPT_BY,
    LIVE,
    VALIDATORS,
)


def _may_answer_for(address: str, article: Article) -> bool:
    """Whether `article` may be found by `address`, another than its link: where its fetch
    ended, or an address on that site. A page's `<link rel=canonical>` naming another site
    made the attacker's cached copy answer `reader show https://www.bbc.co.uk/news/world-1`."""
    if not article.url:
        return False
    return article_key(address) == article_key(article.url) or _site(address) == _site(article.url)


def _site(url: str) -> str:
    """`site_of`, but an address by number is its own site: 10.0.0.1 is not 127.0.0.1's."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host if host.replace(".", "").isdigit() or ":" in host else site_of(url)


def _other_addresses(key: str, article: Article) -> set[str]:
    """The keys of an article's addresses other than its link's `key`, which a citation names
    and a reader may ask for (`reader show URL`): where the link's redirects ended, and the
    canonical address the page declares on that site, unless that is a site's home page (some
    sites declare theirs on every page)."""
    addresses = {article_key(article.url)} if article.url else set()
    if canonical := declared_address(article):
        addresses.add(article_key(canonical))
    return addresses - {key}


def declared_address(article: Article) -> str:
    """The canonical address `article`'s page declares, when the article may be found by it:
    on its own site, and no site's home page (some sites declare theirs on every page); ""
    otherwise."""
    canonical = article.canonical_url
    if canonical and urlsplit(canonical).path.strip("/") and _may_answer_for(canonical, article):
        return canonical
    return ""


def _stated(moment: datetime | None) -> str:
    return stated_iso(moment) if moment else ""


def _last_change(article: Article, found_changed: bool) -> float:
    """When the live blog `article` last changed, as its copy tells (epoch seconds): the time
    of update its page gives (its dateModified, its newest entry's; not one its feed gave in
    the page's place), never after the copy's retrieval; else that retrieval. A copy a sync
    `found_changed` changed at its retrieval, whatever time its page gives. The first
    retrieval is no change of a page that dates itself: a blog its publisher never closed,
    last updated a week before it was first cached, was asked for again for two days and
    `reader list` dated it by that retrieval."""
    retrieved = article.fetched_at.timestamp() if article.fetched_at else time.time()
    if article.updated is None or article.updated_by_feed or found_changed:
        return retrieved
    return min(article.updated.timestamp(), retrieved)


def _article_record(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":"))


@_reporting_storage_errors
class StoreArticles(StoreTimedOutPages):
    """The cached articles of a `Store`, and what is known of links not cached."""

    _times_indexed = False
    """`article_times` has its index (`_index_article_times`)."""
    _times_kept: tuple[tuple[object, ...], dict[str, float]] | None = None
    """`article_times`' last answer, with the count, latest and summed times it was read at."""

    # -- articles ----------------------------------------------------------------------------
    def article_keys(self) -> set[str]:
        """The keys of every cached article, in one query (for lists of thousands). One kept
        in a file of its own whose file is gone is among them until a sync drops it
        (`drop_missing_files`) or it is opened: asking for each row's file costs a read of the
        table, not of its index (46 → 250 ms over a year's 51,550)."""
        return self._keys_with_prefix("article:")

    def drop_missing_files(self) -> set[str]:
        """The articles kept in files of their own whose files are gone (a lost write, a
        backup that skipped them), their rows dropped and reported as damaged records are:
        listed ↓ and passed over by every sync, they opened as "not in the cache" (acc31a
        F17). Their keys, for a sync to fetch them again."""
        rows = rows_with_prefix(self._articles, "article:", "filename", present=True)
        folder = Path(self._articles.directory)
        gone = set()
        for key, filename in rows:
            if not (folder / filename).is_file():
                self._value(self._articles, f"article:{key}")  # dropped, read again first (`_get`)
                if f"article:{key}" not in self._articles:
                    gone.add(key)
        return gone

    def not_article_keys(self, again: Callable[[object], bool] | None = None) -> set[str]:
        """The keys of every link known not to be an article page, in one query; those whose
        reason `again` says is to be fetched again (a limit since raised) left out."""
        rows = rows_with_prefix(self._articles, "not-article:")
        return {
            key
            for key, why in rows
            if not _pdf_unread_then(why) and not (again is not None and again(why))
        }

    def copies_to_replace(self) -> set[str]:
        """The keys of the articles cached as the copy another app kept of their text whose
        pages a sync is to ask for (`KEPT_BY`), in one query."""
        return {key for key, app in rows_with_prefix(self._articles, KEPT_BY) if app}

    def mark_copies_cached_before(self, keys: Iterable[str]) -> None:
        """Mark (`KEPT_BY`) those of the articles of `keys` (the saved ones: an import saves
        what it caches so) that are another app's copy, cached by a reader from before the
        marks (33's wallabag copies, whose pages no sync then asked for), once a directory."""
        if self.read_only or self._value(self._state, _COPIES_MARKED) is not None:
            return
        for key in keys:
            if KEPT_BY + key in self._articles:
                continue
            data = self._load(self._articles, f"article:{key}")
            if isinstance(data, dict) and isinstance(app := data.get("kept_by"), str) and app:
                self._articles.set(KEPT_BY + key, app)
        self._state.set(_COPIES_MARKED, time.time())

    def mark_pictures_owed_before(self, links: dict[str, str]) -> int:
        """Mark (`PICTURES_OWED`) the cached articles owing pictures that a reader from before
        the marks cached (sync44's: their pictures never fetched, no sync asked for them),
        once a directory: every article read once, in the caller's thread. Each is marked
        under its link in `links` (by key: its headline's), else under its own address when
        that is its key (not one it was redirected to). Made once again for the pictures an
        older reader refused for good for a web page in their place (`_PAGES_MARKED`). How many."""
        marks = (_PICTURES_MARKED, _PAGES_MARKED)
        if self.read_only or all(self._value(self._state, m) is not None for m in marks):
            return 0
        marked = 0
        keys = sorted(self.article_keys() - self._keys_with_prefix(PICTURES_OWED))
        # A few hundred to a transaction: one each cost a fifth of the pass's time; all in
        # one would hold the store from the open reader for the whole pass.
        for start in range(0, len(keys), _MARKED_AT_ONCE):
            with self._articles.transact():
                for key in keys[start : start + _MARKED_AT_ONCE]:
                    marked += self._mark_owed_before(key, links.get(key, ""))
        for mark in marks:
            self._state.set(mark, time.time())
        return marked

    def _mark_owed_before(self, key: str, link: str) -> bool:
        """`mark_pictures_owed_before` of the article of `key`: whether it owes some."""
        data = self._load(self._articles, f"article:{key}")
        try:
            article = article_from_dict(data) if isinstance(data, dict) else None
        except (KeyError, TypeError, ValueError, IndexError):
            return False  # damaged: dropped when it is opened, as ever
        if article is None:
            return False
        link = link or (article.url if article_key(article.url) == key else "")
        if link:
            self._mark_pictures_owed(key, link, article)
        return bool(link) and PICTURES_OWED + key in self._articles

    def is_kept_copy(self, url: str) -> bool:
        """Whether the article cached for `url` is another app's copy (`KEPT_BY`)."""
        return KEPT_BY + article_key(url) in self._articles

    def settle_copy(self, url: str) -> None:
        """The page of `url`, cached as another app's copy, answered with no article (a PDF,
        a page to sign in): the copy stays, and syncs no longer ask for the page."""
        key = article_key(url)
        if KEPT_BY + key in self._articles:
            self._articles.set(KEPT_BY + key, "")

    def page_dates(self) -> dict[str, str]:
        """When each cached article says it was published (ISO 8601 as `stated_iso` writes
        it, "" when it says nothing), by key, in one query: what dates a headline its feed
        left undated. An article cached before these were kept has none here (`page_date`)."""
        rows = rows_with_prefix(self._articles, _DATED)
        return {key: value for key, value in rows if isinstance(value, str)}

    def listed_page_dates(self) -> dict[str, str]:
        """`page_dates` as a list orders the headlines they date: a page dated ahead of now
        as of when it was read (its row's time of writing), not first for good. One whose time
        has come since was read under a clock behind, and is listed as the page dates it."""
        dated = self.page_dates()
        query = "SELECT key, value, store_time FROM Cache WHERE key >= ? AND key < ?"
        now = time.time()
        for key, at, stored in scanned(self._articles, query, (AHEAD, AHEAD[:-1] + ";")):
            name = str(key)[len(AHEAD) :]
            if isinstance(at, float) and at > now and name in dated:
                dated[name] = stated_iso(datetime.fromtimestamp(min(stored, now), UTC))
        return dated

    def page_date(self, key: str) -> str:
        """When the article cached under `key` says it was published, as `page_dates` gives
        it, read from its record: for an article cached before these were kept, then kept
        (`keep_page_dates`) for the lists after."""
        data = self._load(self._articles, f"article:{key}")
        try:
            return _stated(article_date(data)) if isinstance(data, dict) else ""
        except (KeyError, TypeError, ValueError):
            return ""  # `article` drops a damaged record when it is opened

    def retraction(self, key: str) -> tuple[str, bool]:
        """What the article cached under `key` says became of its story (`Article.retracted`),
        and whether its feed's headline alone says so (`retracted_by_feed`), read from its
        record: ("", False) for nothing of the kind, or a damaged record."""
        data = self._load(self._articles, f"article:{key}")
        if not isinstance(data, dict):
            return "", False
        page, feed = data.get("retracted"), data.get("feed_retracted")
        said = page or feed
        return (said, not page) if isinstance(said, str) and said else ("", False)

    def keep_page_dates(self, dates: dict[str, str]) -> None:
        """Keep the dates `page_date` read, in one transaction."""
        with self._articles.transact():
            for key, stated in dates.items():
                self._articles.set(_DATED + key, stated)

    def _keys_with_prefix(self, prefix: str) -> set[str]:
        """The article keys of the cached records of one kind (`prefix`: "gone:", "failed:")."""
        return set(keys_with_prefix(self._articles, prefix))

    def renewable(self) -> dict[str, float]:
        """When the (first) page of each cached article was downloaded (epoch seconds), by
        key, in one query: what a sync compares with the time its feed says it was updated
        (an article still missing pages is read on from its last page, not again)."""
        rows = rows_with_prefix(self._articles, "raw:", "store_time")
        unread = self.incomplete_keys()
        downloaded = {key: float(at) for key, at in rows}
        return {key: at for key, at in downloaded.items() if key not in unread}

    def article(self, url: str) -> Article | None:
        """The cached article, or None; a damaged record is dropped and reported as a problem."""
        key = f"article:{article_key(url)}"
        data = self._load(self._articles, key)
        if data is None:
            return None
        try:
            return article_from_dict(data)
        except (KeyError, TypeError, ValueError, IndexError):
            self._drop_damaged(self._articles, key)
            return None

    def article_times(self) -> dict[str, float]:
        """When each cached article was stored (epoch seconds), by key, in one query: what the
        search index (`search_index`) compares with what it indexed. The same dict again (not
        to be changed) while the articles are as they were, told by their count, latest and
        summed times through the times' index: ~6 ms on a year's 51,220, against ~35 ms read
        anew before every `F`. Storing one (in any process) makes it the latest; dropping one
        changes the count."""
        signature = self.article_signature()
        if signature is not None:
            kept = self._times_kept
            if kept is not None and kept[0] == signature:
                return kept[1]
        times = dict_with_prefix(self._articles, "article:", "store_time")
        # Read after the signature: a change between the two reads again next time.
        self._times_kept = None if signature is None else (signature, times)
        return times

    def article_signature(self) -> tuple[object, ...] | None:
        """The cached articles' count, latest and summed times of storing, through the times'
        index (~6 ms on a year's 51,220): they change whenever an article is stored (in any
        process: it is the latest) or dropped (the count). None when there is no such index
        (a directory open to read only), where the sums would read every row."""
        self._index_article_times()
        if not self._times_indexed:
            return None
        query = (
            "SELECT count(*), max(store_time), total(store_time) FROM Cache"
            " WHERE key >= ? AND key < ?"
        )
        return tuple(self._articles._sql(query, prefix_range("article:")).fetchone())

    def _index_article_times(self) -> None:
        """Give `article_times` an index of its own, once a directory: read through the
        cache's, every article's row was visited for its time, each on pages of its record
        (a year's 51,220: 0.6 s before every `F` and every search, 0.07 s by the index's ~4 MB;
        acc30b P2). Made (a second a year's cache) at the first search or sync that finds none;
        a directory open to read only, or the cache busy past its wait, reads without it."""
        if self._times_indexed or self.read_only:
            return
        cache = self._articles
        with suppress(sqlite3.OperationalError):  # busy, the disk full: read without it
            cache._sql(f"CREATE INDEX IF NOT EXISTS {_TIMES_INDEX} ON Cache (key, store_time)")
            self._times_indexed = True

    def searched_by_key(self, key: str) -> tuple[str, str, str, Callable[[], TextMarks]] | None:
        """The cached article's title, byline ("" for none) and text as a search reads them
        (`codec.text_from_dict`), and where its struck-through runs and headings are in the
        text, worked out when asked (`codec.marks_from_dict`: for a hit's line), by its key, without
        rebuilding the article (None: not cached, or a damaged record)."""
        data = self._load(self._articles, f"article:{key}")
        if not isinstance(data, dict):
            return None
        try:
            text = text_from_dict(data)
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # `article` drops a damaged record when it is opened
        title, author = data.get("title"), data.get("author")
        return (
            title if isinstance(title, str) else "",
            author if isinstance(author, str) else "",
            text,
            partial(marks_from_dict, data),
        )

    def articles_map_let_go(self) -> None:
        """The pages of the articles' file that this thread's reads left mapped, unmapped now
        (`caches.remap`): after a search has read every article it looked in."""
        remap(self._articles._con, self._articles.sqlite_mmap_size)

    def article_text(self, url: str) -> str | None:
        """The cached article's text as a search reads it (`codec.text_from_dict`), or None."""
        return self.article_text_by_key(article_key(url))

    def article_text_by_key(self, key: str) -> str | None:
        """`article_text` by the article's key (as a list's headline has it)."""
        data = self._load(self._articles, f"article:{key}")
        if not isinstance(data, dict):
            return None
        try:
            return text_from_dict(data)
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # `article` drops a damaged record when it is opened

    def article_heading(self, url: str) -> Article | None:
        """The cached article without its text (no blocks): its title, dates, author and
        site, as a list shows it, without rebuilding every paragraph of it."""
        data = self._load(self._articles, f"article:{article_key(url)}")
        if not isinstance(data, dict):
            return None
        try:
            return article_from_dict({**data, "blocks": [], "anchors": None})
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # `article` drops a damaged record when it is opened

    def put_article(
        self,
        url: str,
        article: Article,
        packed_page: bytes | None = None,
        fallback_html: str = "",
        page_gave_it: bool = True,
    ) -> None:
        """Cache an article, with its raw page as `pack_raw_page` made it and the feed's own
        text of it (what extraction falls back on), in one transaction. Not `page_gave_it` (a
        copy another app kept): a mark of its page found taken down stays as it is."""
        key = article_key(url)
        record = _article_record(article)
        with self._articles.transact():
            if packed_page is not None:
                self._articles.set(f"raw:{key}", packed_page)
                self._articles.delete(f"pages:{key}")  # a first page fetched again starts over
                if fallback_html:
                    self._articles.set(f"fallback:{key}", zlib.compress(fallback_html.encode(), 1))
                else:
                    self._articles.delete(f"fallback:{key}")
            self._articles.set(f"article:{key}", packed_record(record))
            self._articles.delete(f"failed:{key}")
            if page_gave_it:
                self._gone_ended(key)
            self._articles.delete(f"slow:{key}")
            self._articles.delete(TIMEOUTS + key)
            self._articles.delete(f"left-out:{key}")
            # An article cached at the address is one now: the copy of its text an app kept,
            # where the page was a PDF, is read here, not sent to the browser.
            self._articles.delete(f"not-article:{key}")
            self._mark_missing_text(key, article)
            self._mark_pictures_owed(key, url, article)
            self._put_dated(key, article)
            self._mark_live(key, article)
            if not article.kept_by:
                self._articles.delete(KEPT_BY + key)
            elif KEPT_BY + key not in self._articles:  # extracted again: settled or not, as was
                self._articles.set(KEPT_BY + key, article.kept_by)
            for address in _other_addresses(key, article):
                self._articles.set(f"also:{address}", url)

    def dated_by_feed_again(self, entries: Iterable[Entry]) -> None:
        """The cached articles of `entries` dated by their feed (`published_by_feed`: their
        pages gave no date) dated as `entries` give it now, read anew by a newer
        `FEED_READING_VERSION`: an older reader's UTC for a zone-less pubDate stayed in the
        list (which takes a cached page's zone) and the citation (acc51d D2). Once, at that
        sync: only the records marked so are rebuilt."""
        with self._articles.transact():
            for entry in entries:
                if not entry.link or (published := entry.feeds_published) is None:
                    continue
                key = article_key(entry.link)
                data = self._load(self._articles, f"article:{key}")
                if not isinstance(data, dict) or not data.get("published_by_feed"):
                    continue
                try:
                    article = article_from_dict(data)
                except (KeyError, TypeError, ValueError, IndexError):
                    continue  # dropped as damaged when it is opened
                # Compared as written: 09:00 UTC equals 09:00 with no zone as datetimes.
                if article.published and stated_iso(article.published) == stated_iso(published):
                    continue
                updated = entry.feeds_updated if article.updated_by_feed else article.updated
                article = replace(article, published=published, updated=updated)
                self._articles.set(f"article:{key}", packed_record(_article_record(article)))
                self._put_dated(key, article)

    def has_article(self, url: str) -> bool:
        """Whether the article of `url` is cached (its file there, as `article_keys` asks)."""
        query = "SELECT filename FROM Cache WHERE key = ? AND raw = 1"
        rows = self._articles._sql(query, (f"article:{article_key(url)}",)).fetchall()
        folder = Path(self._articles.directory)
        return bool(rows) and (rows[0][0] is None or (folder / rows[0][0]).is_file())

    def other_addresses(self) -> dict[str, str]:
        """Every article's other addresses (`aliased`'s records), read in one query: each
        one's key → the link its article was cached under (a Google News link that ended at
        the outlet's story: the story's key → the Google News link)."""
        rows = rows_with_prefix(self._articles, "also:")
        return {key: link for key, link in rows if isinstance(link, str)}

    def aliased(self, url: str) -> str | None:
        """The link an article was cached under, when `url` is another address of it: the
        page a redirect ended at, or the canonical address the page declares (`put_article`).
        May name an article pruned since: reading that link says so. A story moved more than
        once (a live blog's slug following each headline, `move_article`) is followed from
        address to address: the first slug named the one after it, since moved on too, and only
        the three latest found the story (acc48c C10)."""
        link = self._value(self._articles, f"also:{article_key(url)}")
        if not isinstance(link, str):
            return None
        seen = {article_key(url)}
        while f"article:{article_key(link)}" not in self._articles and len(seen) < _MOVES_FOLLOWED:
            seen.add(article_key(link))
            later = self._value(self._articles, f"also:{article_key(link)}")
            if not isinstance(later, str) or article_key(later) in seen:
                break
            link = later
        # One a cache made before aliases were checked may hold: another site's canonical.
        article = self.article(link)
        return None if article is not None and not _may_answer_for(url, article) else link

    def _put_dated(self, key: str, article: Article) -> None:
        """Keep beside an article being put when its page says it was published (`_DATED`),
        and that time apart when it is after the retrieval by more than a day (`AHEAD`). The
        page's date as it gave it: put back to the retrieval, a sync under a clock reset to
        2000 had its articles listed "(the page: 2000-01-01)" for good (acc31a F7); a list
        puts a date still ahead back to when it was read (`listed_page_dates`)."""
        published, retrieved = article.published, article.fetched_at
        self._articles.set(_DATED + key, _stated(published))
        if (
            published is not None
            and retrieved is not None
            and published - retrieved > BELIEVED_AHEAD
        ):
            self._articles.set(AHEAD + key, published.timestamp())
        elif article.served_at is not None:  # an undated story: its server's time instead
            self._articles.set(AHEAD + key, article.served_at.timestamp())
        else:
            self._articles.delete(AHEAD + key)

    def _mark_live(self, key: str, article: Article) -> None:
        """Mark an article being put as a live blog still running (`LIVE`), or no more."""
        if article.live:
            # A copy with earlier ones kept is one a sync found changed, at its retrieval.
            at = _last_change(article, f"versions:{key}" in self._articles)
            # Listed by the time its page gives, never after the retrieval, however the
            # sync found it: a 06:00 sync listed last night's blog above the morning's
            # stories (acc49c C4).
            listed = _last_change(article, False)
            # One short string, kept in the row: read with the others in one query.
            self._articles.set(LIVE + key, f"{at:.0f} {listed:.0f} {article.url}")
        else:
            self._articles.delete(LIVE + key)

    def live_blogs(self) -> dict[str, tuple[float, str, float]]:
        """The live blogs still running (`LIVE`), by key: when each last changed, its address
        as cached and when lists date it, in one query."""
        found: dict[str, tuple[float, str, float]] = {}
        for key, kept in rows_with_prefix(self._articles, LIVE):
            at, _, rest = kept.partition(" ") if isinstance(kept, str) else ("", "", "")
            listed, _, url = rest.partition(" ")
            with suppress(ValueError):
                if not url:  # kept before the listing's time was: "CHANGED ADDRESS"
                    found[key] = (float(at), listed, float(at))
                else:
                    found[key] = (float(at), url, float(listed))
        return found

    def page_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified the first page of `url`'s article came with (`VALIDATORS`)."""
        kept = self._value(self._articles, VALIDATORS + article_key(url))
        if isinstance(kept, list) and len(kept) == 2:
            return tuple(v if isinstance(v, str) else None for v in kept)  # type: ignore[return-value]
        return None, None

    def keep_page_validators(self, url: str, etag: str | None, modified: str | None) -> None:
        """Keep the validators the first page of `url`'s article came with (none: dropped)."""
        if etag or modified:
            self._articles.set(VALIDATORS + article_key(url), [etag, modified])
        else:
            self._articles.delete(VALIDATORS + article_key(url))

    def _mark_missing_text(self, key: str, article: Article) -> None:
        """Mark an article being put as missing text for a sync to read on, and as cached only
        in part (both, one or none)."""
        if article.incomplete and not article.incomplete_for_good:
            self._articles.set(f"incomplete:{key}", 1)
        else:
            self._articles.delete(f"incomplete:{key}")
        if article.in_part:  # what a list marks apart from a whole article
            self._articles.set(f"partial:{key}", 1)
        else:
            self._articles.delete(f"partial:{key}")

    def _mark_pictures_owed(self, key: str, url: str, article: Article) -> None:
        """Mark an article being put as owing its pictures (`PICTURES_OWED`) when it has any
        not kept nor refused for good yet: the mark goes once they are (`put_pictures`)."""
        from ..pictures import article_pictures

        wanted = [] if article.unkept else article_pictures(article)
        held = self._load(self._articles, "pictures:" + key, {})
        held = held if isinstance(held, dict) else {}
        settled = {u for u, p in held.items() if isinstance(p, dict) and settled_record(p)}
        if any(address not in settled for address in wanted):
            self._articles.set(PICTURES_OWED + key, url)
        else:
            self._articles.delete(PICTURES_OWED + key)

    def pictures_owed_keys(self) -> set[str]:
        """The keys of the cached articles owing some of their pictures (`_mark_pictures_owed`),
        in one query of each."""
        return self._keys_with_prefix(PICTURES_OWED) & self.article_keys()

    def pictures_owed(self, onion_left: bool = False) -> dict[str, str]:
        """The cached articles owing some of their pictures: their links by key; with
        `onion_left`, those of onion services' articles whose clearnet pictures were left out
        (`ONION_PICTURES`) too."""
        links = {}
        keys = {PICTURES_OWED: self.pictures_owed_keys()}
        if onion_left:
            keys[ONION_PICTURES] = self._keys_with_prefix(ONION_PICTURES) & self.article_keys()
        for prefix, owed in keys.items():
            for key in owed:
                link = self._value(self._articles, prefix + key)
                if isinstance(link, str):
                    links[key] = link
        return links

    def is_incomplete(self, url: str) -> bool:
        """The article cached for `url` lacks some of its text, for a sync to read on
        (`Article.incomplete`, not for good)."""
        return f"incomplete:{article_key(url)}" in self._articles

    def partial_keys(self) -> set[str]:
        """The keys of the cached articles that are not all of the article (see
        `_mark_missing_text`), in one query. Marked when cached: an article cached before the
        mark existed has none until it is extracted again."""
        return self._keys_with_prefix("partial:")

    def incomplete_keys(self) -> set[str]:
        """The keys of the cached articles missing some of their text for a sync to read on,
        in one query."""
        return self._keys_with_prefix("incomplete:")

    def add_article_page(
        self, url: str, article: Article, page_url: str, packed_page: bytes
    ) -> None:
        """Cache `article` with one more of its pages: the raw page `page_url` gave, as
        `pack_raw_page` made it, kept after those before it (`later_pages`)."""
        key = article_key(url)
        record = _article_record(article)
        with self._articles.transact():
            try:
                pages = [*self._page_list(key), (page_url, packed_page)]
            except ValueError:  # damaged: the pages before are lost, this one is kept
                pages = [(page_url, packed_page)]
            self._articles.set(f"pages:{key}", pack_page_list(pages))
            self._articles.set(f"article:{key}", packed_record(record))
            self._articles.delete(f"failed:{key}")
            self._mark_missing_text(key, article)
            self._put_dated(key, article)

    def later_pages(self, url: str) -> list[tuple[str, bytes, str]]:
        """The raw pages after the first of an article split over several, in order: each
        page's address, the page as downloaded and its Content-Type."""
        try:
            return [
                (page_url, *unpack_raw_page(blob))
                for page_url, blob in self._page_list(article_key(url))
            ]
        except (ValueError, zlib.error, TypeError, UnicodeDecodeError):
            self._drop_damaged(self._articles, f"pages:{article_key(url)}")
            return []

    def _page_list(self, key: str) -> list[tuple[str, bytes]]:
        blob = self._value(self._articles, f"pages:{key}")
        return unpack_page_list(blob) if isinstance(blob, bytes) else []

    def fallback_html(self, url: str) -> str:
        """The feed's own text kept beside an article's raw page, or ""."""
        blob = self._value(self._articles, f"fallback:{article_key(url)}")
        try:
            return zlib.decompress(blob).decode() if isinstance(blob, bytes) else ""
        except (zlib.error, UnicodeDecodeError):
            self._drop_damaged(self._articles, f"fallback:{article_key(url)}")
            return ""

    def not_an_article(self, url: str, again: Callable[[object], bool] | None = None) -> str | None:
        """Why a link is known not to be an article page (e.g. its content type), or None; None
        too when `again` says that reason is to be fetched again (`not_article_keys`)."""
        value = self._value(self._articles, f"not-article:{article_key(url)}")
        if again is not None and again(value):
            return None
        return value if isinstance(value, str) and not _pdf_unread_then(value) else None

    def mark_not_an_article(self, url: str, reason: str) -> None:
        self._articles.set(f"not-article:{article_key(url)}", reason)

    def last_failure(self, url: str) -> str | None:
        """Why the last try to fetch an article not cached failed, or None."""
        value = self._value(self._articles, f"failed:{article_key(url)}")
        return value if isinstance(value, str) else None

    def failed_keys(self) -> set[str]:
        """The keys of the articles whose last fetch failed (kept until cached), one query."""
        return self._keys_with_prefix("failed:")

    def mark_failed(self, url: str, reason: str) -> None:
        self._articles.set(f"failed:{article_key(url)}", reason)

    def withdraw_failed(self, url: str, reason: str) -> None:
        """Take back the failure `mark_failed` noted of `url` for `reason`, known since for
        none of the article's (a Wi-Fi login page's); one noted since for another stays."""
        key = f"failed:{article_key(url)}"
        if self._value(self._articles, key) == reason:
            self._articles.delete(key)

    def mark_slow(self, url: str) -> None:
        """Record that the page of `url` took longer to read than a worker may take
        (`time_limit.within_time`), or was larger than a page is read (`too_large_links`),
        now: a sync leaves it for a day (`gone.asked_lately`)."""
        self._articles.set(f"slow:{article_key(url)}", repr(time.time()))

    def slow(self) -> dict[str, float]:
        """When each page too slow to read was last found so (epoch seconds), by key."""
        found: dict[str, float] = {}
        for key, value in rows_with_prefix(self._articles, "slow:"):
            with suppress(TypeError, ValueError):
                found[key] = float(value)
        return found

    def raw_page(self, url: str) -> tuple[bytes, str] | None:
        """The page as downloaded and its Content-Type header, or None."""
        blob = self._value(self._articles, f"raw:{article_key(url)}")
        if blob is None:
            return None
        try:
            return unpack_raw_page(blob)
        except (zlib.error, TypeError, AttributeError):
            self._drop_damaged(self._articles, f"raw:{article_key(url)}")
            return None

    def delete_article(self, key: str) -> None:
        for prefix in _ARTICLE_PREFIXES:
            self._articles.delete(prefix + key)

    def forget_article(self, url: str) -> bool:
        """Everything kept of the article at `url` dropped (`delete_article`), and its other
        addresses with it (`aliased`), in one transaction; whether it had a copy cached."""
        key = article_key(url)
        article = self.article(url)
        with self._articles.transact():
            had = f"article:{key}" in self._articles or f"raw:{key}" in self._articles
            for address in _other_addresses(key, article) if article is not None else ():
                if self._value(self._articles, f"also:{address}") == url:
                    self._articles.delete(f"also:{address}")
            self.delete_article(key)
        return had


_MOVES_FOLLOWED = 1000
"""How many addresses `aliased` follows a story through at most: a loop of aliases (each naming
the next, the last the first) ends; a minute-synced live blog changes its slug far fewer times."""


def _pdf_unread_then(why: object) -> bool:
    """`why` a link is no article page was given before PDFs were read for their text (every
    PDF was "not an article page (application/pdf)"), or before a web page over the size cap
    was a failure asked again a day later ("larger than 10 MB, not downloaded …": one endless
    answer condemned a 20 KB page for good, acc37b I6): the link is one to fetch again, not to
    send to the browser for good."""
    return isinstance(why, str) and (
        why.startswith("larger than ")
        or (
            why.startswith("not an article page (application/pdf")
            and not any(f"({refused})" in why for refused in PDF_REFUSALS)
        )
    )
