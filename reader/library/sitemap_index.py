"""A sitemap read as a feed (`sitemap_feed`) over the network: one served gzip'd inflated, and of
a sitemap index the newest of its sitemaps fetched, indexes within it followed, for
`feed_refresh` to parse with it.

What was read under an index is kept (`SitemapRead`, `Store.sitemap_reads`): each sitemap's
ETag and Last-Modified, and the sitemaps each index led to. An index that answers 304 Not
Modified (or its same bytes) still has its sitemaps asked, each with its own validators
(`changed_sitemaps`): a news site's index of days or months is seldom written again when the
day's sitemap is, and its `<lastmod>` is often left as it was, so its new stories were missed
until the index changed. Unchanged, each answers 304, a few hundred bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from ..models import ErrorKind, FetchError, Reach, Response
from ..plural import size_text
from ..sitemap_feed import INDEX_DEPTH, INDEX_SITEMAPS, index_sitemaps, is_sitemap_index, unpacked

Fetch = Callable[[str, Reach, int, str | None, str | None], Awaitable[Response]]
"""A feed's fetch of an address (`LibraryFeedRefresh.fetch_feed`) under the class of address the
index came through (its sitemaps reach no further), to so many bytes at most, with the ETag and
Last-Modified it was last read with (None, None: asked whole)."""

OWN = ""
"""The feed's own index among the kept (`Kept`): its address may move; what it led to stays."""


@dataclass(frozen=True)
class SitemapRead:
    """A sitemap, or an index within the feed's, as last read under a feed's sitemap index."""

    etag: str | None = None
    last_modified: str | None = None
    led_to: tuple[str, ...] = ()
    """Of an index, the sitemaps it led to, newest first (its chosen `index_sitemaps`)."""
    index: bool = False
    printed: str = ""
    """A digest of its bytes: the same again from a server that sends no validators is told
    as a 304 would be, as a feed's are (`Feed.body_print`)."""


Kept = Mapping[str, SitemapRead]
"""What was read under a feed's sitemap index, by address (its own under `OWN`)."""


def kept_record(kept: Kept) -> dict[str, list[Any]]:
    """`kept` as the store keeps it (JSON)."""
    return {
        a: [r.etag, r.last_modified, list(r.led_to), r.index, r.printed] for a, r in kept.items()
    }


def kept_from(record: Any) -> dict[str, SitemapRead]:
    """What `kept_record` wrote, read back; what is not as it writes it (damaged, or another
    version's) left out: its sitemaps are then asked whole again, nothing lost."""
    kept: dict[str, SitemapRead] = {}
    for address, value in record.items() if isinstance(record, dict) else ():
        if not (isinstance(value, list) and len(value) == 5):
            continue
        etag, modified, led_to, index, printed = value
        if (
            all(v is None or isinstance(v, str) for v in (etag, modified))
            and isinstance(led_to, list)
            and all(isinstance(a, str) for a in led_to)
            and isinstance(printed, str)
        ):
            kept[address] = SitemapRead(etag, modified, tuple(led_to), index is True, printed)
    return kept


@dataclass(frozen=True)
class SitemapPages:
    """The sitemaps read under a feed's sitemap index."""

    bodies: tuple[bytes, ...]
    """The sitemaps read (those that changed, of an index that did not), inflated."""
    kept: dict[str, SitemapRead]
    """What to keep of them for the next refresh (`Kept`)."""
    passed_over: tuple[str, ...] = ()
    """Each sitemap that failed, passed over: its address and why, a problem of the feed's."""


async def sitemap_pages(
    response: Response, fetch: Fetch, most: int
) -> tuple[Response, SitemapPages | None]:
    """`response` (a feed's answer) inflated when it came as a gzip file, and when it is a
    sitemap index, the bodies of its newest sitemaps (`index_sitemaps`), each inflated, an index
    among them followed in its place (`INDEX_DEPTH` deep, `INDEX_SITEMAPS` sitemaps in all):
    `most` bytes (the feed's limit) the index and they together, one past what is left not
    read (an older one that fits is: a day's sitemap too large lost the index's every other).
    A sitemap that fails is passed over, said (`passed_over`); when every one failed, the last
    failure is raised (the feed's, as its index's would be), naming it. None: no sitemap
    index."""
    import asyncio  # here: `reader feeds` and `list` import this module, and no event loop

    if response.body.startswith(b"\x1f\x8b"):
        body = await asyncio.to_thread(unpacked, response.body, most, response.url)
        response = replace(response, body=body)
    if not is_sitemap_index(response.body):
        return response, None
    walk = _Walk(fetch, response, most - len(response.body), {})
    walk.read[OWN] = SitemapRead()  # its validators are the feed's own (`Feed.etag`)
    await walk.index(response.body, response.url, OWN, 1)
    if not walk.bodies and walk.failure is not None:
        raise walk.failure
    return response, SitemapPages(tuple(walk.bodies), walk.read, tuple(walk.passed_over))


async def changed_sitemaps(response: Response, kept: Kept, fetch: Fetch, most: int) -> SitemapPages:
    """Of a sitemap index that answered `response`, 304 Not Modified (or its same bytes), the
    sitemaps read under it last (`kept`) asked again with their own validators: the bodies of
    those that changed (an index within it that changed read afresh), and what to keep now. A
    sitemap that fails is passed over, kept as it was: the index said nothing changed."""
    walk = _Walk(fetch, response, most, kept)
    walk.known.add(response.url)
    walk.read[OWN] = kept[OWN]
    await walk.each(kept[OWN].led_to, 1)
    return SitemapPages(tuple(walk.bodies), walk.read)


class _Walk:
    """One sitemap index's sitemaps read, newest first, an index among them in its place."""

    def __init__(self, fetch: Fetch, response: Response, left: int, kept: Kept) -> None:
        self.fetch = fetch
        self.reach = response.reach
        self.left = left
        """Bytes of the feed's limit not yet read."""
        self.host = urlsplit(response.url).hostname
        """The feed's own host: an index within it names no other's sitemaps."""
        self.kept = kept
        """What was read under the index before, asked for with its validators ({}: the index
        changed, and what it names is read whole)."""
        self.read: dict[str, SitemapRead] = {}
        """What was read now, to keep (`Kept`)."""
        self.bodies: list[bytes] = []
        """The sitemaps (`<urlset>`, or what came in their place) read, inflated."""
        self.sitemaps = 0
        """The sitemaps read, or found unchanged: `INDEX_SITEMAPS` of them and the walk ends."""
        self.failure: FetchError | None = None
        """The last sitemap's failure, its address named."""
        self.passed_over: list[str] = []
        """The sitemaps that failed: each one's address and why (`SitemapPages.passed_over`)."""
        self.known: set[str] = set()
        """The addresses read or being read: an index naming one (itself, one above it, one
        another index named) is not asked again, and a loop of indexes ends."""

    @property
    def done(self) -> bool:
        return self.left <= 0 or self.sitemaps >= INDEX_SITEMAPS

    async def index(self, body: bytes, url: str, address: str, depth: int) -> None:
        """The sitemaps the index in `body` (read from `url`, kept under `address`, `depth`
        indexes down) names, read newest first till the walk is `done`."""
        import asyncio

        from ..sitemap_feed import NotASitemap

        self.known.add(url)
        try:
            named = await asyncio.to_thread(index_sitemaps, body, url, self.host, set(self.known))
        except NotASitemap:
            return  # the feed's own: its parse says what is wrong with it; one within, passed over
        self.read[address] = replace(self.read[address], led_to=tuple(named), index=True)
        await self.each(named, depth)

    async def each(self, named: Iterable[str], depth: int) -> None:
        """The sitemaps an index `depth` indexes down names, `named`, read in turn."""
        for address in named:
            if self.done:
                return
            if address in self.known:
                continue  # read meanwhile, under another index
            self.known.add(address)
            was = self.kept.get(address)
            read = await self._read(address, was)
            if read is None:
                if was is not None:
                    self.read[address] = was  # asked again next time
                continue
            answer, printed = read
            if was is not None and (answer.not_modified or printed == was.printed):
                if not answer.not_modified:  # its same bytes: validators it sends now kept
                    was = replace(was, etag=answer.etag, last_modified=answer.last_modified)
                self.read[address] = was
                if not was.index:
                    self.sitemaps += 1
                elif depth < INDEX_DEPTH:
                    await self.each(was.led_to, depth + 1)
                continue
            index = is_sitemap_index(answer.body)  # one too deep to follow told as one all the same
            self.read[address] = SitemapRead(answer.etag, answer.last_modified, (), index, printed)
            if not index:
                self.sitemaps += 1
                self.bodies.append(answer.body)
            elif depth < INDEX_DEPTH:
                await self.index(answer.body, answer.url, address, depth + 1)

    async def _read(self, address: str, was: SitemapRead | None) -> tuple[Response, str] | None:
        """The answer of `address` asked with what it was read with before (`was`), its body
        inflated, and the digest of its bytes ("" for a 304's); None when it failed (the
        failure kept) or the feed's limit was reached."""
        import asyncio

        etag, modified = (was.etag, was.last_modified) if was is not None else (None, None)
        try:
            answer = await self.fetch(address, self.reach, self.left, etag, modified)
            if answer.not_modified:
                return answer, ""
            # Inflating and hashing up to the feed's 20 MB are CPU work: off the loop.
            body, printed = await asyncio.to_thread(_inflated, answer.body, self.left, address)
        except FetchError as error:
            why = error.message
            if error.kind is ErrorKind.TOO_LARGE and error.url == address:
                # Fetched to what is left of the feed's limit: "larger than 0.0021 MB" is no size.
                why = f"larger than the {size_text(self.left)} left of the feed's size limit"
            self.passed_over.append(f"a sitemap of its index passed over: {address} ({why})")
            # Raised, when every one failed, as the feed's own failure: which sitemap, and why.
            self.failure = replace(error, message=f"its sitemap {address} could not be read: {why}")
            return None
        self.left -= len(body)
        return replace(answer, body=body), printed


def _inflated(body: bytes, most: int, url: str) -> tuple[bytes, str]:
    """`body` inflated (`unpacked`), and a digest of it."""
    body = unpacked(body, most, url)
    return body, hashlib.blake2b(body, digest_size=16).hexdigest()
