"""A sitemap read as a feed (`sitemap_feed`) over the network: one served gzip'd inflated, and of
a sitemap index the newest of its sitemaps fetched, indexes within it followed, for
`feed_refresh` to parse with it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from urllib.parse import urlsplit

from ..models import ErrorKind, FetchError, Reach, Response
from ..sitemap_feed import INDEX_DEPTH, INDEX_SITEMAPS, index_sitemaps, is_sitemap_index, unpacked

Fetch = Callable[[str, Reach, int], Awaitable[Response]]
"""A feed's fetch of an address (`LibraryFeedRefresh.fetch_feed`) under the class of address the
index came through (its sitemaps reach no further), to so many bytes at most."""


async def sitemap_pages(
    response: Response, fetch: Fetch, most: int
) -> tuple[Response, tuple[bytes, ...]]:
    """`response` (a feed's answer) inflated when it came as a gzip file, and when it is a
    sitemap index, the bodies of its newest sitemaps (`index_sitemaps`), each inflated, an index
    among them followed in its place (`INDEX_DEPTH` deep, `INDEX_SITEMAPS` sitemaps in all):
    `most` bytes (the feed's limit) the index and they together, one past what is left not
    read, nor those after it. A sitemap that fails is passed over; when every one failed, the
    last failure is raised (the feed's, as its index's would be)."""
    import asyncio  # here: `reader feeds` and `list` import this module, and no event loop

    if response.body.startswith(b"\x1f\x8b"):
        body = await asyncio.to_thread(unpacked, response.body, most, response.url)
        response = replace(response, body=body)
    if not is_sitemap_index(response.body):
        return response, ()
    walk = _Walk(fetch, response.reach, most - len(response.body), urlsplit(response.url).hostname)
    await walk.index(response.body, response.url, 1)
    if not walk.bodies and walk.failure is not None:
        raise walk.failure
    return response, tuple(walk.bodies)


class _Walk:
    """One sitemap index's sitemaps read, newest first, an index among them in its place."""

    def __init__(self, fetch: Fetch, reach: Reach, left: int, host: str | None) -> None:
        self.fetch = fetch
        self.reach = reach
        self.left = left
        """Bytes of the feed's limit not yet read."""
        self.host = host
        """The feed's own host: an index within it names no other's sitemaps."""
        self.bodies: list[bytes] = []
        """The sitemaps (`<urlset>`, or what came in their place) read, inflated."""
        self.failure: FetchError | None = None
        self.full = False
        """The feed's limit reached: nothing more is asked."""
        self.known: set[str] = set()
        """The addresses read or being read: an index naming one (itself, one above it, one
        another index named) is not asked again, and a loop of indexes ends."""

    @property
    def done(self) -> bool:
        return self.full or self.left <= 0 or len(self.bodies) >= INDEX_SITEMAPS

    async def index(self, body: bytes, url: str, depth: int) -> None:
        """The sitemaps the index in `body` (read from `url`, `depth` indexes down) names,
        read newest first till the walk is `done`."""
        import asyncio

        from ..sitemap_feed import NotASitemap

        self.known.add(url)
        try:
            named = await asyncio.to_thread(index_sitemaps, body, url, self.host, set(self.known))
        except NotASitemap:
            return  # the feed's own: its parse says what is wrong with it; one within, passed over
        for address in named:
            if self.done:
                return
            if address in self.known:
                continue  # read meanwhile, under another index
            self.known.add(address)
            read = await self._read(address)
            if read is None:
                continue
            found, sitemap = read
            if not is_sitemap_index(sitemap):
                self.bodies.append(sitemap)
            elif depth < INDEX_DEPTH:
                await self.index(sitemap, found, depth + 1)

    async def _read(self, address: str) -> tuple[str, bytes] | None:
        """The address `address` answered from and its body inflated; None when it failed (the
        failure kept) or the feed's limit was reached."""
        import asyncio

        try:
            answer = await self.fetch(address, self.reach, self.left)
            body = await asyncio.to_thread(unpacked, answer.body, self.left, address)
        except FetchError as error:
            if error.kind is ErrorKind.TOO_LARGE:
                self.full = True  # the feed's limit reached: those after it are older still
            else:
                self.failure = error
            return None
        self.left -= len(body)
        return answer.url, body
