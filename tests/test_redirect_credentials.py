"""A name and password a redirect's Location (or a page's refresh) names are never sent (acc50a A4: a 302 to
"http://admin:hunter2@other.host/" sent them there as Basic auth); the user's own, in the
address they gave, go only to that address's origin, its redirects there included.

Two pytest-httpserver servers on 127.0.0.1 (two ports: two origins), each request's
Authorization header logged."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.fetch import Fetcher
from reader.library import Library
from tests.test_library import ARTICLE


@pytest.fixture
def other() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def basic(credentials: str) -> str:
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def fetched(url: str) -> bytes:
    async def run() -> bytes:
        async with Fetcher() as fetcher:
            return (await fetcher.get(url)).body

    return asyncio.run(run())


def authorizations(server: HTTPServer, path: str) -> list[str | None]:
    return [r.headers.get("Authorization") for r, _ in server.log if r.path == path]


def test_credentials_a_redirect_names_are_not_sent_to_its_host(
    httpserver: HTTPServer, other: HTTPServer
) -> None:
    landing = other.url_for("/p/plain.html").replace("://", "://admin:hunter2@")
    httpserver.expect_request("/r/userinfo").respond_with_data(
        "", status=302, headers={"Location": landing}
    )
    other.expect_request("/p/plain.html").respond_with_data("<p>plain</p>")
    assert fetched(httpserver.url_for("/r/userinfo")) == b"<p>plain</p>"
    assert authorizations(other, "/p/plain.html") == [None]


def test_the_users_own_credentials_go_to_their_origin_alone(
    httpserver: HTTPServer, other: HTTPServer
) -> None:
    own = httpserver.url_for("/feed").replace("://", "://me:s3cret@")
    # Moved on the same host: the user's own go with it. Then a Location naming others for
    # that origin: still the user's. Then another origin: none.
    httpserver.expect_request("/feed").respond_with_data(
        "", status=301, headers={"Location": "/feed2"}
    )
    named = httpserver.url_for("/feed3").replace("://", "://admin:hunter2@")
    httpserver.expect_request("/feed2").respond_with_data(
        "", status=302, headers={"Location": named}
    )
    httpserver.expect_request("/feed3").respond_with_data(
        "", status=302, headers={"Location": other.url_for("/feed4")}
    )
    other.expect_request("/feed4").respond_with_data("<rss/>")
    assert fetched(own) == b"<rss/>"
    assert authorizations(httpserver, "/feed2") == [basic("me:s3cret")]
    assert authorizations(httpserver, "/feed3") == [basic("me:s3cret")]
    assert authorizations(other, "/feed4") == [None]


def test_credentials_a_page_refresh_names_are_not_sent_either(
    httpserver: HTTPServer, other: HTTPServer, data_dir: Path
) -> None:
    landing = other.url_for("/story.html").replace("://", "://admin:hunter2@")
    httpserver.expect_request("/s/7Hq").respond_with_data(
        f'<html><head><meta http-equiv="refresh" content="0; url={landing}"></head></html>',
        content_type="text/html",
    )
    other.expect_request("/story.html").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8"
    )

    async def go() -> None:
        async with Library(data_dir) as lib:
            await lib.article(httpserver.url_for("/s/7Hq"))

    asyncio.run(go())
    assert authorizations(other, "/story.html") == [None]
