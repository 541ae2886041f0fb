"""No site's cookie goes to another (`reader.cookies`): one set for a parent domain (`Domain=.0.0.1`
from 127.0.0.1, as `.co.uk` or `.github.io` from one site under it) is kept for its setter alone;
a site's own cookie check across its redirects still works (acc29c S1); none outlives its fetch
(acc48a A1)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cookies import HostOnlyCookies
from reader.fetch import Fetcher
from reader.models import FetchError


def at(server: HTTPServer, path: str) -> str:
    """`path` on `server` by its address (`url_for` names it "localhost")."""
    return f"http://{server.host}:{server.port}{path}"


PAGE = "<html><body><article><p>The harbour reopened on Friday.</p></article></body></html>"


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    """A site at 127.0.0.1."""
    return own_server


def _sent(jar: httpx.Cookies, url: str) -> str:
    request = httpx.Request("GET", url)
    jar.set_cookie_header(request)
    return request.headers.get("cookie", "")


@pytest.mark.parametrize(
    ("setter", "domain", "others"),
    [
        ("a.evil.co.uk", ".co.uk", ["bbc.co.uk", "www.bbc.co.uk"]),
        ("evil.github.io", ".github.io", ["victim.github.io"]),
        ("evil.blogspot.com", "blogspot.com", ["victim.blogspot.com"]),
        ("127.0.0.1", ".0.0.1", ["10.0.0.1", "1.0.0.1"]),
        ("www.example.org", "example.org", ["example.org", "news.example.org"]),
    ],
)
def test_a_cookie_for_a_parent_domain_goes_to_no_other_site(
    setter: str, domain: str, others: list[str]
) -> None:
    """The fetcher's jar as httpx uses it (no address here can be served from a test: the
    hosts are the point). Before, each went to every one of `others`."""
    jar = httpx.Cookies(HostOnlyCookies())
    answer = httpx.Response(
        200,
        headers=[
            ("Set-Cookie", f"planted=SECRET; Domain={domain}; Path=/"),
            ("Set-Cookie", "own=MINE; Path=/"),
        ],
        request=httpx.Request("GET", f"http://{setter}/feed.xml"),
    )
    jar.extract_cookies(answer)
    for other in others:
        assert _sent(jar, f"http://{other}/story.html") == ""
    assert _sent(jar, f"http://{setter}/story.html") == "planted=SECRET; own=MINE"


def test_a_sites_cookies_go_back_to_it_alone(site: HTTPServer) -> None:
    """A real site's cookies, one for a parent domain among them: back to that site across its
    redirects, and only there (its neighbour on the same machine, by another name, a hop of the
    same chain, has none)."""
    planted = Response("", status=302, headers={"Location": f"http://localhost:{site.port}/hop"})
    planted.headers.add("Set-Cookie", "feedsid=FEED-SECRET; Path=/")
    planted.headers.add("Set-Cookie", "dots=SECRET-DOTS; Domain=.0.0.1; Path=/")
    site.expect_request("/feed.xml").respond_with_response(planted)
    back = Response("", status=302, headers={"Location": at(site, "/again.html")})
    site.expect_request("/hop").respond_with_response(back)
    site.expect_request("/again.html").respond_with_data(PAGE, content_type="text/html")

    async def go() -> None:
        async with Fetcher() as fetcher:
            await fetcher.get(at(site, "/feed.xml"))

    asyncio.run(go())
    by_name = next(r for r, _ in site.log if r.path == "/hop")
    by_address = next(r for r, _ in site.log if r.path == "/again.html")
    assert "cookie" not in by_name.headers
    assert by_address.headers["cookie"] == "feedsid=FEED-SECRET; dots=SECRET-DOTS"


def test_a_cookie_lasts_one_fetch_alone(site: HTTPServer) -> None:
    """A CDN's or a click tracker's cookie, set as one picture or link was fetched, is sent with
    none of the fetches after it: they could tie together every picture and click-through of a
    sync, or of a reader open for hours, behind a shared address (acc48a A1: 239 of 240)."""
    tagged = Response(b"GIF89a", content_type="image/gif")
    tagged.headers.add("Set-Cookie", "cdn_uid=CDN-COOKIE-1; Path=/")
    site.expect_request("/first.gif").respond_with_response(tagged)
    site.expect_request("/second.gif").respond_with_data(b"GIF89a", content_type="image/gif")

    async def go() -> None:
        async with Fetcher() as fetcher:
            await fetcher.get(at(site, "/first.gif"))
            await fetcher.get(at(site, "/second.gif"))
            await fetcher.get(at(site, "/second.gif"))

    asyncio.run(go())
    later = [r for r, _ in site.log if r.path == "/second.gif"]
    assert len(later) == 2
    assert all("cookie" not in r.headers for r in later)


def test_a_cookie_check_across_a_sites_redirects_still_passes(site: HTTPServer) -> None:
    """A site that sets a cookie (for its own host, named) and sends the browser back to the
    page, which it answers only with the cookie (else round again, to the redirect cap): what a
    reader that kept no cookies would fail."""

    def story(request: Request) -> Response:
        if request.cookies.get("check") == "1":
            return Response(PAGE, content_type="text/html")
        answer = Response("", status=302, headers={"Location": "/story.html"})
        answer.headers.add("Set-Cookie", "check=1; Domain=127.0.0.1; Path=/")
        return answer

    site.expect_request("/story.html").respond_with_handler(story)

    async def go() -> bytes:
        async with Fetcher() as fetcher:
            return (await fetcher.get(at(site, "/story.html"))).body

    try:
        body = asyncio.run(go())
    except FetchError as error:
        pytest.fail(str(error))
    assert b"harbour reopened" in body
