"""The pictures kept of each cached article (`reader.pictures`), beside it in the articles'
cache: a record of each picture (kept, or why not) under `pictures:KEY`, and the kept ones'
bytes one after another under `picture-data:KEY`, written together in one transaction. So a
kill mid-download leaves nothing counted as kept (diskcache's file of a value written before
its row is an orphan `reader repair` drops), and an article's eviction or removal takes its
pictures with it (`articles._ARTICLE_PREFIXES`), and the size limit counts them
(`usage._SIZED`)."""

from __future__ import annotations

from typing import Any

from ..keys import article_key
from ..pictures import KeptPicture, page_in_place, past_every_articles
from .articles import PICTURES_OWED
from .directory import _reporting_storage_errors
from .key_ranges import prefix_range
from .moved_stories import StoreMovedStories

PICTURES = "pictures:"
PICTURE_DATA = "picture-data:"
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
    return KeptPicture(url, why=why, again=bool(held.get("again")) or page_in_place(why))


@_reporting_storage_errors
class StorePictures(StoreMovedStories):
    """The kept pictures of a `Store`'s articles."""

    def pictures(self, url: str) -> list[KeptPicture]:
        """What is known of the pictures of the article at `url`, in the article's order."""
        found = self._load(self._articles, PICTURES + article_key(url), {})
        if not isinstance(found, dict):
            return []
        return [p for u, held in found.items() if (p := _picture(u, held)) is not None]

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
        data = self._value(self._articles, PICTURE_DATA + key)
        if not isinstance(data, bytes):
            return None
        start = int(held.get("at") or 0)
        body = data[start : start + kept.size]
        return (kept, body) if digest(body) == kept.sha else None

    def put_pictures(
        self,
        url: str,
        pictures: list[KeptPicture],
        bodies: dict[str, bytes],
        most: int | None = None,
        counted: tuple[int, int] | None = None,
        each_most: int | None = None,
    ) -> list[KeptPicture] | None:
        """Keep what is known of the article's `pictures`, the bytes of the kept ones given in
        `bodies` by address (each checked by its caller), in one transaction; what was kept,
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
        one after another through the turns while one download is slow)."""
        key = article_key(url)
        if most is not None and counted is None:
            counted = self._pictures_counted(but=key)
        with self._articles.transact():
            if f"article:{key}" not in self._articles:
                return None
            writes = self._value(self._articles, PICTURE_WRITES, 0)
            writes = writes if isinstance(writes, int) else 0
            room = None
            if most is not None:
                assert counted is not None  # made above when not given
                since = writes - counted[1]  # articles' pictures written since the count
                adding = sum(len(bodies[p.url]) for p in pictures if p.kept and p.url in bodies)
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
            self._articles.set(PICTURE_WRITES, writes + 1)
            kept: list[KeptPicture] = []
            record: dict[str, Any] = {}
            data = bytearray()
            for picture in pictures:
                body = bodies.get(picture.url)
                if picture.kept and body is not None and room is not None and len(body) > room:
                    assert most is not None  # `room` is counted only for it
                    picture = KeptPicture(picture.url, why=past_every_articles(most), again=True)
                if picture.kept and body is not None:
                    record[picture.url] = {
                        "sha": picture.sha,
                        "type": picture.media_type,
                        "size": len(body),
                        "at": len(data),
                    }
                    data += body
                    room = None if room is None else room - len(body)
                else:
                    record[picture.url] = {"why": picture.why or "not kept"}
                    if picture.again:
                        record[picture.url]["again"] = True
                kept.append(picture)
            if data:
                self._articles.set(PICTURE_DATA + key, bytes(data))
            else:
                self._articles.delete(PICTURE_DATA + key)
            self._save(self._articles, PICTURES + key, record)
            self.owe_pictures(url, not all(p.settled for p in kept), key)
        return kept

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
        data = self._value(self._articles, PICTURE_DATA + key)
        if not isinstance(found, dict) or not isinstance(data, bytes):
            return {}
        bodies: dict[str, bytes] = {}
        for address, held in found.items():
            kept = _picture(address, held)
            if kept is None or not kept.kept or not isinstance(held, dict):
                continue
            start = int(held.get("at") or 0)
            body = data[start : start + kept.size]
            if digest(body) == kept.sha:
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
            "SELECT SUM(CASE WHEN filename IS NULL THEN length(value) ELSE size END), "
            "(SELECT value FROM Cache WHERE key = ? AND raw = 1) "
            "FROM Cache WHERE key >= ? AND key < ? AND key != ?"
        )
        bounds = (PICTURE_WRITES, *prefix_range(PICTURE_DATA), PICTURE_DATA + but)
        total, writes = self._articles._sql(query, bounds).fetchone()
        return int(total or 0), writes if isinstance(writes, int) else 0

    def _pictures_total(self, but: str = "") -> int:
        """`pictures_total`, less the pictures of the article whose key is `but`."""
        query = (
            "SELECT SUM(CASE WHEN filename IS NULL THEN length(value) ELSE size END) "
            "FROM Cache WHERE key >= ? AND key < ? AND key != ?"
        )
        bounds = (*prefix_range(PICTURE_DATA), PICTURE_DATA + but)
        (total,) = self._articles._sql(query, bounds).fetchone()
        return int(total or 0)

    def pictures_count(self) -> int:
        """How many articles have pictures kept."""
        query = "SELECT COUNT(*) FROM Cache WHERE key >= ? AND key < ?"
        (count,) = self._articles._sql(query, prefix_range(PICTURE_DATA)).fetchone()
        return int(count or 0)
