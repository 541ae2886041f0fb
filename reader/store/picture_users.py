"""The articles showing each picture whose bytes are kept once for them all (`PICTURE_BYTES`):
a row an article (`PICTURE_USER`), written in the transaction of its record, so that the bytes
go with the last of them, forgotten, evicted or pruned (`_use`), and the size limit counts each
article's share of them (`cached_articles`). Format-7 readers kept them in one list a picture
(`PICTURE_USERS`), read and rewritten whole by each article's put: read as they are, made rows
as the picture is next touched (`_unlisted`)."""

from __future__ import annotations

import json
from dataclasses import replace

from ..keys import article_key
from .directory import _reporting_storage_errors
from .key_ranges import any_with_prefix, keys_with_prefix, prefix_range, rows_with_prefix, scanned
from .moved_stories import StoreMovedStories
from .usage import CachedArticle

PICTURE_BYTES = "picture-bytes:"
"""Per SHA-256 of a kept picture's bytes, those bytes: kept once for every article showing it."""
PICTURE_USER = "picture-user:"
"""`picture-user:SHA:KEY`: the article under KEY shows the picture whose bytes' SHA-256 is SHA
(`PICTURE_BYTES`), written with its record: the bytes go with the last such row (`_use`), and
each article's share of them is counted from them (`cached_articles`). A row a pair, so that an
article's put or drop costs the same whatever the number showing the picture: as one list (the
format-7 readers' `PICTURE_USERS`) each read and rewrote it whole: a put of a picture 1,000
articles show took 1.9× one of a picture of its own, at 5,000 (a site's logo on each of a year's
stories; the list past 32 KB, a file of diskcache's rewritten each time) 29×, 8 ms, a sync's
puts O(n²); now 0.9-1.0× at both (`benchmarks/pictures_put.py --users`, load 8-12)."""
PICTURE_USERS = "picture-users:"
"""Per SHA-256, the keys of the articles showing it in one list, as format-7 readers kept them:
read as they are (`_picture_users`), made `PICTURE_USER` rows as the picture is next touched
(`_unlisted`) or by `reader repair` (`unshown_pictures`)."""
_SIZE = "CASE WHEN filename IS NULL THEN length(value) ELSE size END"


@_reporting_storage_errors
class StorePictureUsers(StoreMovedStories):
    """Which articles of a `Store` show each picture kept once."""

    def _use(self, key: str, added: set[str], dropped: set[str], keep: bool = False) -> None:
        """The article under `key` counted among the articles showing each picture of `added`
        (by the hash of its shared bytes), and no longer among those of `dropped`, whose bytes
        go with their last (not with `keep`). Of the caller's transaction. Only an article
        counted among them takes them with it: a row lost keeps its bytes for good, never
        leaves another article without them. A write or two a picture, and a step into the
        keys' index, however many articles show it."""
        articles = self._articles
        for sha in added | dropped:
            self._unlisted(sha)
            row = _user_row(sha, key)
            if sha in added:
                articles.set(row, 1)
            elif (
                articles.delete(row)
                and not keep
                and not any_with_prefix(articles, _user_row(sha, ""))
            ):
                articles.delete(PICTURE_BYTES + sha)

    def _unlisted(self, sha: str) -> None:
        """The list of the articles showing the picture `sha` a format-7 reader kept
        (`PICTURE_USERS`) made a row each (`PICTURE_USER`), in the caller's transaction: a
        kill leaves the list or the rows, never neither. Once a picture, as long as the list
        is (~60 µs an article: 0.24-0.37 s for a picture 5,000 show); after, a look for a key
        not there."""
        articles = self._articles
        listed = self._load(articles, PICTURE_USERS + sha)
        if listed is None:
            return
        for user in _keys(listed):
            articles.set(_user_row(sha, user), 1)
        articles.delete(PICTURE_USERS + sha)

    def _picture_users(self) -> dict[str, set[str]]:
        """Per picture (the hash of its shared bytes), the keys of the articles showing it:
        their rows (`PICTURE_USER`), and the lists a format-7 reader kept (`PICTURE_USERS`)
        of those not touched since, read as they are (a directory that reader left, read
        without upgrading it: `reader cache` on it)."""
        users: dict[str, set[str]] = {}
        for pair in keys_with_prefix(self._articles, PICTURE_USER):
            sha, _, key = pair.partition(":")
            users.setdefault(sha, set()).add(key)
        for sha, value in rows_with_prefix(self._articles, PICTURE_USERS):
            listed = _parsed(value) if isinstance(value, str) else None
            if listed is None:  # kept in a file: a picture of thousands of articles
                listed = self._load(self._articles, PICTURE_USERS + sha, [])
            users.setdefault(sha, set()).update(_keys(listed))
        return users

    # -- the size limit's view: each article's share of the bytes it shows --------------------
    def cached_articles(self) -> list[CachedArticle]:
        """`cached_articles`, each with its share of the shared pictures it shows (each
        picture's bytes divided among the articles showing it): together they are what the
        shared bytes take, and evicting every article showing one frees all of it."""
        found = super().cached_articles()
        shares = self._picture_shares()
        return [replace(a, size=a.size + shares[a.key]) if a.key in shares else a for a in found]

    def article_size(self, url: str) -> int:
        size = super().article_size(url)
        return size + self._picture_shares().get(article_key(url), 0) if size else 0

    def cached_total(self) -> tuple[int, int]:
        total, saved = super().cached_total()
        query = f"SELECT SUM({_SIZE}) FROM Cache WHERE key >= ? AND key < ?"
        (shared,) = self._articles._sql(query, prefix_range(PICTURE_BYTES)).fetchone()
        return total + int(shared or 0), saved

    def _picture_shares(self) -> dict[str, int]:
        """Per article key, its share of the shared pictures' bytes it shows, in a few queries."""
        query = f"SELECT substr(key, ?), {_SIZE} FROM Cache WHERE key >= ? AND key < ?"
        bounds = (len(PICTURE_BYTES) + 1, *prefix_range(PICTURE_BYTES))
        sizes = {sha: int(size or 0) for sha, size in scanned(self._articles, query, bounds)}
        shares: dict[str, int] = {}
        for sha, users in self._picture_users().items():
            size = sizes.get(sha, 0)
            for n, key in enumerate(sorted(users)):
                # Divided whole: the first takes what is left over, so the shares add up.
                share = size // len(users) + (size % len(users) if n == 0 else 0)
                shares[key] = shares.get(key, 0) + share
        return shares


def _user_row(sha: str, key: str) -> str:
    """The key of the row saying the article under `key` shows the picture `sha`
    (`PICTURE_USER`); with no `key`, what every such row of the picture starts with."""
    return f"{PICTURE_USER}{sha}:{key}"


def _keys(listed: object) -> list[str]:
    """The article keys of a format-7 reader's list of a picture's articles (`PICTURE_USERS`);
    none of one damaged."""
    return [u for u in listed if isinstance(u, str)] if isinstance(listed, list) else []


def _parsed(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        return None
