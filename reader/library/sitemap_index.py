"""A sitemap read as a feed (`sitemap_feed`) over the network: one served gzip'd inflated, and of
a sitemap index the newest of its sitemaps fetched, for `feed_refresh` to parse with it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from ..models import ErrorKind, FetchError, Reach, Response
from ..sitemap_feed import index_sitemaps, is_sitemap_index, unpacked

Fetch = Callable[[str, Reach, int], Awaitable[Response]]
"""A feed's fetch of an address (`LibraryFeedRefresh.fetch_feed`) under the class of address the
index came through (its sitemaps reach no further), to so many bytes at most."""


async def sitemap_pages(
    response: Response, fetch: Fetch, most: int
) -> tuple[Response, tuple[bytes, ...]]:
    """`response` (a feed's answer) inflated when it came as a gzip file, and when it is a
    sitemap index, the bodies of its newest sitemaps (`index_sitemaps`), each inflated: `most`
    bytes (the feed's limit) the index and they together, one past what is left not read, nor
    those after it. A sitemap that fails is passed over; when every one failed, the last
    failure is raised (the feed's, as its index's would be)."""
    import asyncio  # here: `reader feeds` and `list` import this module, and no event loop

    from ..sitemap_feed import NotASitemap

    if response.body.startswith(b"\x1f\x8b"):
        body = await asyncio.to_thread(unpacked, response.body, most, response.url)
        response = replace(response, body=body)
    if not is_sitemap_index(response.body):
        return response, ()
    try:
        addresses = await asyncio.to_thread(index_sitemaps, response.body, response.url)
    except NotASitemap:
        return response, ()  # its parse says what is wrong with it
    left = most - len(response.body)
    bodies: list[bytes] = []
    failure: FetchError | None = None
    for address in addresses:
        if left <= 0:
            break
        try:
            answer = await fetch(address, response.reach, left)
            body = await asyncio.to_thread(unpacked, answer.body, left, address)
        except FetchError as error:
            if error.kind is ErrorKind.TOO_LARGE:
                break  # the feed's limit reached: those after it are older still
            failure = error
            continue
        left -= len(body)
        bodies.append(body)
    if not bodies and failure is not None:
        raise failure
    return response, tuple(bodies)
