"""The pictures kept of each cached article (`reader.pictures`), beside it in the articles'
cache: a record of each picture (kept, or why not) under `pictures:KEY`, and each distinct
picture's bytes once, by their hash, under `picture-bytes:SHA`, whichever articles show it (a
site's lead image, a map reused across a series, one agency photo in three outlets: a library
of 25,200 pages kept one per article, acc45c C5), written together in one transaction. So a
kill mid-download leaves nothing counted as kept (diskcache's file of a value written before
its row is an orphan `reader repair` drops). Beside each picture's bytes, the articles
showing it (`picture_users`), written with their records: an article's eviction or removal
takes its record with it (`articles._ARTICLE_PREFIXES`) and, in the same transaction, the bytes
of the pictures it was the last to show; the size limit counts each article's share of them.

Readers before kept an article's pictures' bytes one after another under `picture-data:KEY`,
each record saying where its own begin ("at"): read as they are, and moved to the shared bytes
by the next sync (`fold_older_pictures`), or when the article's pictures are written again
(`put_pictures`); dropped with the article."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from ..keys import article_key
from ..pictures import (
    KeptPicture,
    counted_tries,
    off_the_onion_said,
    page_in_place,
    past_every_articles,
    refused_picture,
)
from .articles import ONION_PICTURES, PICTURES_OWED
from .directory import _reporting_storage_errors
from .key_ranges import keys_with_prefix, prefix_range, rows_with_prefix, scanned
from .picture_users import (
    _SIZE,
    PICTURE_BYTES,
    PICTURE_USER,
    PICTURE_USERS,
    StorePictureUsers,
    _parsed,
    _user_row,
)

PICTURES = "pictures:"
PICTURE_DATA = "picture-data:"
"""Per article key, its kept pictures' bytes one after another, as readers before kept them."""
PICTURE_WRITES = "picture-writes"
"""How many times articles' pictures have been written (`put_pictures`), bumped in the same
transaction as each: a count of every article's pictures made outside that transaction holds
in it while this has not moved (an article gone since only leaves more room)."""


def _picture(url: str, held: object) -> KeptPicture | None:
    if not isinstance(held, dict):
        return None
    if held.get("sha"):
        return KeptPicture(
            url, str(held["sha"]), str(held.get("type") or ""), int(held.get("size") or 0)
        )
    why = str(held.get("why") or "not kept")
    # An older reader's web page answer (no count kept) is owed, refused for good or not.
    pages = held.get("pages")
    older = pages is None and page_in_place(why)
    again = bool(held.get("again")) or older
    return KeptPicture(url, why=why, again=again, pages=pages if isinstance(pages, int) else 0)


def _shared(record: object) -> dict[str, int]:
    """The kept pictures whose bytes are shared (`PICTURE_BYTES`) an article's record names: their
    sizes by hash. An older reader's ("at": in the article's own `PICTURE_DATA`) are not."""
    if not isinstance(record, dict):
        return {}
    return {
        str(held["sha"]): int(held.get("size") or 0)
        for held in record.values()
        if isinstance(held, dict) and held.get("sha") and "at" not in held
    }


@_reporting_storage_errors
class StorePictures(StorePictureUsers):
    """The kept pictures of a `Store`'s articles."""

    def pictures(self, url: str) -> list[KeptPicture]:
        """What is known of the pictures of the article at `url`, in the article's order."""
        found = self._load(self._articles, PICTURES + article_key(url), {})
        if not isinstance(found, dict):
            return []
        return [p for u, held in found.items() if (p := _picture(u, held)) is not None]

    def refused_pictures_keys(self, keys: set[str]) -> set[str]:
        """Of `keys`, articles owing pictures (`pictures_owed_keys`), those whose every picture
        owed is one its site refused (`pictures.refused_picture`): owed for a few tries alone,
        not for the next sync to fetch."""
        refused = set()
        for key in keys:
            found = self._load(self._articles, PICTURES + key, {})
            if not isinstance(found, dict):
                continue
            owed = [p for u, held in found.items() if (p := _picture(u, held)) and not p.settled]
            if owed and all(refused_picture(p.why) for p in owed):
                refused.add(key)
        return refused

    def picture_bytes(self, url: str, picture: str) -> tuple[KeptPicture, bytes] | None:
        """The kept picture at address `picture` of the article at `url`, and its bytes; None
        when it is not kept (or its bytes are damaged: they must be what was kept)."""
        from ..pictures import digest

        key = article_key(url)
        found = self._load(self._articles, PICTURES + key, {})
        held = found.get(picture) if isinstance(found, dict) else None
        kept = _picture(picture, held)
        if kept is None or not kept.kept or not isinstance(held, dict):
            return None
        body = self._kept_body(key, kept, held, {})
        return (kept, body) if body is not None and digest(body) == kept.sha else None

    def _kept_body(
        self, key: str, kept: KeptPicture, held: dict[str, Any], own: dict[str, object]
    ) -> bytes | None:
        """The bytes of the kept picture `kept` (its record `held`) of the article under `key`:
        shared, or in the article's own data as an older reader kept them ("at"), read once
        into `own`."""
        if "at" not in held:
            body = self._value(self._articles, PICTURE_BYTES + kept.sha)
            return body if isinstance(body, bytes) else None
        if "data" not in own:
            own["data"] = self._value(self._articles, PICTURE_DATA + key)
        data = own["data"]
        if not isinstance(data, bytes):
            return None
        start = int(held.get("at") or 0)
        return data[start : start + kept.size]

    def put_pictures(
        self,
        url: str,
        pictures: list[KeptPicture],
        bodies: dict[str, bytes],
        most: int | None = None,
        counted: tuple[int, int] | None = None,
        each_most: int | None = None,
        wrote: dict[str, int] | None = None,
    ) -> list[KeptPicture] | None:
        """Keep what is known of the article's `pictures`, the bytes of the kept ones given in
        `bodies` by address (each checked by its caller; one whose bytes another article keeps
        may come without: `KeptPicture.size` says them), in one transaction; what was kept,
        or None when nothing was: the article has left the cache meanwhile (evicted as they
        came). With `most`, every article's pictures together stay within `most` bytes: a
        picture past it is not kept, to be asked again (`again`) once eviction makes room.

        Every article's pictures are counted as of the transaction, every writer's already in
        (four articles' pictures coming at once each counted their room against the same
        total, and passed 1 GB by up to 80 MB): by a count made before it, outside its lock,
        when no article's pictures were written since (`PICTURE_WRITES`), else again under
        it. A count takes 30 ms at 10,000 articles' pictures, and made under the lock every
        writer waited for it (`benchmarks/pictures_put.py`).

        `counted`: that count made earlier by the caller (`pictures_counted`, as its download
        began), so that a put far from the cap counts nothing more. Articles' pictures written
        since it leave it short by at most `each_most` bytes a write (one article's cap): while
        that much more still fits, nothing is counted again; else it is, under the lock. How
        many were written since is not bounded by the articles under way at once (others come
        one after another through the turns while one download is slow).

        `wrote`: the hashes of the bytes this put wrote, their sizes, added to it (one another
        article keeps is not: a sync says what it stored, not each article's count of it)."""
        key = article_key(url)
        if most is not None and counted is None:
            counted = self._pictures_counted(but=key)
        articles = self._articles
        with articles.transact():
            if f"article:{key}" not in articles:
                return None
            had = set(_shared(self._load(articles, PICTURES + key, {})))
            # Each distinct picture's bytes once: one another article keeps costs nothing more.
            stored = {p.sha for p in pictures if p.kept and PICTURE_BYTES + p.sha in articles}
            writes = self._value(articles, PICTURE_WRITES, 0)
            writes = writes if isinstance(writes, int) else 0
            room = None
            if most is not None:
                assert counted is not None  # made above when not given
                since = writes - counted[1]  # articles' pictures written since the count
                adding = sum(
                    len(bodies[p.url])
                    for p in pictures
                    if p.kept and p.url in bodies and p.sha not in stored
                )
                if since == 0:
                    room = most - counted[0]
                elif (
                    since > 0
                    and each_most is not None
                    and counted[0] + since * each_most + adding <= most
                ):
                    pass  # whatever came since, this still fits: `room` None, nothing refused
                else:  # another article's came meanwhile, and may have filled it
                    room = most - self._pictures_total(but=key)
            articles.set(PICTURE_WRITES, writes + 1)
            kept: list[KeptPicture] = []
            record: dict[str, Any] = {}
            for picture in pictures:
                body = bodies.get(picture.url)
                cost = 0 if picture.sha in stored else len(body) if body is not None else 0
                if picture.kept and body is None and picture.sha not in stored:
                    # Another article's bytes it was to share, gone meanwhile: asked again.
                    picture = KeptPicture(picture.url, why="its bytes are kept no more", again=True)
                if picture.kept and room is not None and cost > room:
                    assert most is not None  # `room` is counted only for it
                    picture = KeptPicture(picture.url, why=past_every_articles(most), again=True)
                if picture.kept:
                    if body is not None and picture.sha not in stored:
                        articles.set(PICTURE_BYTES + picture.sha, body)
                        stored.add(picture.sha)
                        if wrote is not None:
                            wrote[picture.sha] = len(body)
                    size = len(body) if body is not None else picture.size
                    record[picture.url] = {
                        "sha": picture.sha,
                        "type": picture.media_type,
                        "size": size,
                    }
                    room = None if room is None else room - cost
                else:
                    record[picture.url] = {"why": picture.why or "not kept"}
                    if picture.again:
                        record[picture.url]["again"] = True
                    if counted_tries(picture):
                        record[picture.url]["pages"] = picture.pages
                kept.append(picture)
            articles.delete(PICTURE_DATA + key)  # an older reader's: its bytes are shared now
            self._save(articles, PICTURES + key, record)
            shown = set(_shared(record))
            self._use(key, shown - had, had - shown)
            self.owe_pictures(url, not all(p.settled for p in kept), key)
            if any(off_the_onion_said(p.why) for p in kept):
                self._articles.set(ONION_PICTURES + key, url)
            else:
                self._articles.delete(ONION_PICTURES + key)
        return kept

    def fold_older_pictures(self) -> tuple[int, int]:
        """The pictures an older reader kept of each article, its own copies one after another
        (`PICTURE_DATA`), moved to the bytes kept once (`PICTURE_BYTES`): one several articles
        show then kept once, an upgraded library shrinking without fetching them again (acc46d
        D5: 20 articles each kept their own copy of one site's lead image). Safe from data
        format 7 on, which no reader that read them there opens. Each article's in one
        transaction, a few together: a kill between loses none. How many articles, and the
        bytes freed; ~1 ms an article of two pictures (`benchmarks/pictures_fold.py`)."""
        if self.read_only:
            return 0, 0
        keys = sorted(self._keys_with_prefix(PICTURE_DATA))
        if not keys:
            return 0, 0
        before = self._pictures_total()
        for start in range(0, len(keys), _FOLDED_AT_ONCE):
            with self._articles.transact():
                for key in keys[start : start + _FOLDED_AT_ONCE]:
                    self._fold(key)
        return len(keys), before - self._pictures_total()

    def _fold(self, key: str) -> None:
        """`fold_older_pictures` of the article under `key`, in the caller's transaction. A
        picture whose bytes are not what was kept (damaged) is asked for again, as a shared
        one whose bytes went is (`put_pictures`)."""
        from ..pictures import digest

        articles = self._articles
        found = self._load(articles, PICTURES + key, {})
        record: dict[str, Any] = {}
        own: dict[str, object] = {}
        owed = False
        for address, held in (found if isinstance(found, dict) else {}).items():
            kept = _picture(address, held)
            if kept is None or not kept.kept or not isinstance(held, dict) or "at" not in held:
                record[address] = held
                continue
            body = self._kept_body(key, kept, held, own)
            if body is None or digest(body) != kept.sha:
                record[address] = {"why": "its bytes are kept no more", "again": True}
                owed = True
                continue
            if PICTURE_BYTES + kept.sha not in articles:
                articles.set(PICTURE_BYTES + kept.sha, body)
            record[address] = {"sha": kept.sha, "type": kept.media_type, "size": len(body)}
        articles.delete(PICTURE_DATA + key)
        if isinstance(found, dict):
            self._save(articles, PICTURES + key, record)
        self._use(key, set(_shared(record)), set())
        data = self._load(articles, f"article:{key}") if owed else None
        if isinstance(data, dict) and isinstance(url := data.get("url"), str) and url:
            self.owe_pictures(url, True, key)

    def delete_article(self, key: str) -> None:
        """`delete_article`, and the bytes of its pictures no other article shows, in one
        transaction."""
        with self._articles.transact():
            had = _shared(self._load(self._articles, PICTURES + key, {}))
            super().delete_article(key)
            self._use(key, set(), set(had))

    def move_article(self, old: str, new: str) -> bool:
        """`move_article`, its pictures then shown by the article at `new` (`PICTURE_USER`),
        in a transaction after: a kill between leaves them shown by the old one's key, which
        no article has, so that they are kept for good, never lost."""
        if not super().move_article(old, new):
            return False
        was, now = article_key(old), article_key(new)
        with self._articles.transact():
            shown = set(_shared(self._load(self._articles, PICTURES + now, {})))
            self._use(now, shown, set())
            self._use(was, set(), shown, keep=True)
        return True

    def owe_pictures(self, url: str, owed: bool, key: str = "") -> None:
        """Mark the cached article at `url` as owing some of its pictures, or not
        (`articles.PICTURES_OWED`)."""
        key = key or article_key(url)
        if owed:
            self._articles.set(PICTURES_OWED + key, url)
        else:
            self._articles.delete(PICTURES_OWED + key)

    def kept_picture_data(self, url: str) -> dict[str, bytes]:
        """The bytes of every kept picture of the article at `url`, by address (their record
        and bytes read once; one whose bytes are not what was kept is left out)."""
        from ..pictures import digest

        key = article_key(url)
        found = self._load(self._articles, PICTURES + key, {})
        if not isinstance(found, dict):
            return {}
        bodies: dict[str, bytes] = {}
        own: dict[str, object] = {}
        for address, held in found.items():
            kept = _picture(address, held)
            if kept is None or not kept.kept or not isinstance(held, dict):
                continue
            body = self._kept_body(key, kept, held, own)
            if body is not None and digest(body) == kept.sha:
                bodies[address] = body
        return bodies

    def pictures_total(self) -> int:
        """The bytes every article's kept pictures take, in one query."""
        return self._pictures_total()

    def pictures_counted(self, url: str) -> tuple[int, int]:
        """The bytes every other article's kept pictures take than the one at `url`'s, and how
        many times articles' pictures had been written then: `put_pictures`'s `counted`."""
        return self._pictures_counted(but=article_key(url))

    def _pictures_counted(self, but: str) -> tuple[int, int]:
        """`_pictures_total(but)`, and how many times articles' pictures had been written
        then (`PICTURE_WRITES`), read in one statement: of one moment of the cache."""
        query = (
            f"SELECT SUM({_SIZE}), (SELECT value FROM Cache WHERE key = ? AND raw = 1) "
            f"FROM Cache WHERE {_KEPT_BYTES}"
        )
        bounds = (PICTURE_WRITES, *_kept_bounds(but))
        total, writes = self._articles._sql(query, bounds).fetchone()
        return int(total or 0), writes if isinstance(writes, int) else 0

    def _pictures_total(self, but: str = "") -> int:
        """`pictures_total`, less the pictures an older reader kept of the article whose key
        is `but` (its own: shared ones are every article's)."""
        query = f"SELECT SUM({_SIZE}) FROM Cache WHERE {_KEPT_BYTES}"
        (total,) = self._articles._sql(query, _kept_bounds(but)).fetchone()
        return int(total or 0)

    def pictures_count(self) -> int:
        """How many articles have pictures kept: whose record names one (a record kept in a
        file, too long for its row, is counted so: one of many pictures)."""
        query = (
            "SELECT COUNT(*) FROM Cache WHERE key >= ? AND key < ? "
            "AND (typeof(value) != 'text' OR instr(value, '\"sha\":') > 0)"
        )
        (count,) = self._articles._sql(query, prefix_range(PICTURES)).fetchone()
        return int(count or 0)

    def unshown_pictures(self, drop: bool = False) -> tuple[int, int]:
        """How many pictures' shared bytes (`PICTURE_BYTES`) no article's record names, and
        their size: an older reader's `forget` or eviction took an article's record and left
        them (acc46d D5). With `drop`, they are deleted, and the rows of the articles showing
        each picture (`PICTURE_USER`) made what their records say (a format-7 reader's lists
        of them, `PICTURE_USERS`, dropped), in one transaction: bytes a record names are
        never dropped. For `reader repair`, no writer running."""
        articles = self._articles
        with articles.transact() if drop else nullcontext():
            shown: dict[str, list[str]] = {}
            for key, value in rows_with_prefix(articles, PICTURES):
                record = _parsed(value) if isinstance(value, str) else None
                if record is None:  # kept in a file: an article of many pictures
                    record = self._load(articles, PICTURES + key, {})
                for sha in _shared(record):
                    shown.setdefault(sha, []).append(key)
            query = f"SELECT substr(key, ?), {_SIZE} FROM Cache WHERE key >= ? AND key < ?"
            bounds = (len(PICTURE_BYTES) + 1, *prefix_range(PICTURE_BYTES))
            sizes = {sha: int(size or 0) for sha, size in scanned(articles, query, bounds)}
            unshown = {sha: size for sha, size in sizes.items() if sha not in shown}
            if drop:
                for sha in unshown:
                    articles.delete(PICTURE_BYTES + sha)
                for sha in keys_with_prefix(articles, PICTURE_USERS):
                    articles.delete(PICTURE_USERS + sha)
                rows = {PICTURE_USER + pair for pair in keys_with_prefix(articles, PICTURE_USER)}
                wanted = {
                    _user_row(sha, key)
                    for sha, keys in shown.items()
                    if sha in sizes
                    for key in keys
                }
                for row in rows - wanted:
                    articles.delete(row)
                for row in wanted - rows:
                    articles.set(row, 1)
        return len(unshown), sum(unshown.values())


_FOLDED_AT_ONCE = 50
"""Articles whose older pictures are folded in one transaction (`fold_older_pictures`): one
each cost most of the time in commits; all in one would hold the store from the open reader."""

_KEPT_BYTES = "((key >= ? AND key < ? AND key != ?) OR (key >= ? AND key < ?))"
"""The kept pictures' bytes, those an older reader kept of one article left out."""


def _kept_bounds(but: str) -> tuple[str, ...]:
    return (*prefix_range(PICTURE_DATA), PICTURE_DATA + but, *prefix_range(PICTURE_BYTES))
