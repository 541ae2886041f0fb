"""The other addresses a cached article is found by (`reader show URL`): where its fetch ended,
and the canonical address its page declares on its own site; never another site's, which
would let any page answer for a newspaper's address."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.library import Library

STORY = """<!doctype html><html><head><title>Crane arrives at the harbour</title>
<link rel="canonical" href="{canonical}"></head><body><article>
<h1>Crane arrives at the harbour</h1>
<p>Harbour officials said the new crane would be operating by the end of the month, after a
barge brought its parts across the bay on Tuesday morning and a team of riggers began work.</p>
<p>The crane replaces one that served the quay for forty years. Dock workers watched from the
breakwater as the first section was lifted into place in a steady wind from the west.</p>
</article></body></html>"""


def _read(data_dir: Path, url: str) -> None:
    async def go() -> None:
        async with Library(data_dir, workers="thread") as lib:
            await lib.article(url)

    asyncio.run(go())


def _resolved(data_dir: Path, address: str) -> object:
    async def go() -> object:
        async with Library(data_dir, workers="thread") as lib:
            return lib.resolve(address)

    return asyncio.run(go())


def test_another_sites_canonical_never_finds_the_page(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, `reader show https://www.bbc.co.uk/news/world-1` printed this page, online or
    offline, and `reader save` kept it for good."""
    forged = "https://www.bbc.co.uk/news/world-1"
    httpserver.expect_request("/canon.html").respond_with_data(
        STORY.format(canonical=forged), content_type="text/html"
    )
    _read(data_dir, httpserver.url_for("/canon.html"))
    assert _resolved(data_dir, forged) == forged  # fetched from its own site, not aliased
    assert main(["--data-dir", str(data_dir), "show", "--offline", forged]) == 1
    shown = capsys.readouterr()
    assert "Crane arrives" not in shown.out
    assert "not in the cache" in shown.err


def test_a_canonical_on_the_pages_own_site_finds_it(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    canonical = httpserver.url_for("/news/2026/crane-arrives")
    httpserver.expect_request("/canon.html").respond_with_data(
        STORY.format(canonical=canonical), content_type="text/html"
    )
    link = httpserver.url_for("/canon.html")
    _read(data_dir, link)
    assert _resolved(data_dir, canonical) == link
    assert main(["--data-dir", str(data_dir), "show", "--offline", canonical]) == 0
    assert "Crane arrives at the harbour" in capsys.readouterr().out


def test_an_alias_an_older_cache_recorded_for_another_site_is_not_followed(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A cache written before aliases were checked holds `also:` records for another site's
    canonical: they are not followed."""
    from reader.keys import article_key
    from reader.store import Store

    forged = "https://www.bbc.co.uk/news/world-1"
    link = httpserver.url_for("/canon.html")
    httpserver.expect_request("/canon.html").respond_with_data(
        STORY.format(canonical=forged), content_type="text/html"
    )
    _read(data_dir, link)
    store = Store(data_dir)
    try:
        store._articles.set(f"also:{article_key(forged)}", link)  # as the old code wrote it
        assert store.aliased(forged) is None
    finally:
        store.close()
