"""A news site's sitemap index of indexes (one a year, each of its months' sitemaps) followed to
its newest sitemaps, a loop of indexes ended; and a sitemap index that answers 304 Not Modified
whose sitemaps changed read all the same. The real commands against a site on 127.0.0.1."""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.sitemap_feed import INDEX_DEPTH
from tests.test_sitemap_feed import URLSET, _add, _index, _listed, _serve_home, _url


@pytest.fixture(autouse=True)
def _not_found(httpserver: HTTPServer) -> None:
    httpserver.no_handler_status_code = 404


def _month(server: HTTPServer, path: str, month: str) -> str:
    """A month's sitemap of one story, "Story of MONTH"; the story's address."""
    story = server.url_for(f"/news/{month}/story-of-{month}.html")
    server.expect_request(path).respond_with_data(
        URLSET.format(urls=_url(story, f"{month}-15T08:00:00Z")), content_type="application/xml"
    )
    return story


def _asked(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


def test_an_index_of_yearly_indexes_is_followed_to_its_newest_months_and_a_loop_ends(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sitemap.xml names a yearly index each year (and itself); 2026's names January and
    February and, newest of all, the index above it and itself: the three newest months are
    read, 2026's two and 2025's December, no older month, nothing asked twice."""
    home = _serve_home(httpserver)
    top = _index(
        httpserver,
        [
            ("/sitemap.xml", "2026-02-20"),
            ("/y/2025.xml", "2025-12-31"),
            ("/y/2026.xml", "2026-02-16"),
        ],
    )
    httpserver.expect_request("/sitemap.xml").respond_with_data(top, content_type="application/xml")
    year = _index(
        httpserver,
        [
            ("/m/2026-01.xml", "2026-01-31"),
            ("/sitemap.xml", "2026-02-20"),
            ("/y/2026.xml", "2026-02-19"),
            ("/m/2026-02.xml", "2026-02-16"),
        ],
    )
    httpserver.expect_request("/y/2026.xml").respond_with_data(year, content_type="application/xml")
    httpserver.expect_request("/y/2025.xml").respond_with_data(
        _index(
            httpserver,
            [(f"/m/2025-{m}.xml", f"2025-{m}-28") for m in ("10", "11", "12")],
        ),
        content_type="application/xml",
    )
    months = ["2026-02", "2026-01", "2025-12", "2025-11", "2025-10"]
    stories = [_month(httpserver, f"/m/{month}.xml", month) for month in months]
    code, out, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"no feed; following its sitemap {httpserver.url_for('/sitemap.xml')}")
    assert [item["link"] for item in _listed(data_dir, capsys)] == stories[:3]
    asked = _asked(httpserver)
    assert {"/m/2025-11.xml", "/m/2025-10.xml"}.isdisjoint(asked)
    assert asked.count("/sitemap.xml") == 1  # by `add`, not again as its own or 2026's sitemap
    assert asked.count("/y/2026.xml") == 1


def test_indexes_are_followed_no_deeper_than_the_depth(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An index within an index within the index is read; the index it names is not followed."""
    home = _serve_home(httpserver)
    chain = ["/sitemap.xml", "/a.xml", "/b.xml", "/c.xml", "/d.xml"]
    assert INDEX_DEPTH == 3
    for n, path in enumerate(chain[:-1]):
        listed = [(chain[n + 1], "2026-02-01")]
        if n == INDEX_DEPTH - 1:
            listed.append(("/m/2026-01.xml", "2026-01-31"))
        httpserver.expect_request(path).respond_with_data(
            _index(httpserver, listed), content_type="application/xml"
        )
    january = _month(httpserver, "/m/2026-01.xml", "2026-01")
    _month(httpserver, "/d.xml", "2026-02")
    code, _, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert [item["link"] for item in _listed(data_dir, capsys)] == [january]
    assert "/d.xml" not in _asked(httpserver)


class _Site:
    """Documents served with an ETag of their bytes, 304 to a request naming it."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.served: dict[str, str] = {}

    def serve(self, path: str, body: str) -> None:
        if path not in self.served:
            self.server.expect_request(path).respond_with_handler(partial(self._answer, path))
        self.served[path] = body

    def _answer(self, path: str, request: Request) -> Response:
        body = self.served[path]
        tag = f'"{hashlib.sha1(body.encode()).hexdigest()[:12]}"'
        if request.headers.get("If-None-Match") == tag:
            return Response(status=304, headers={"ETag": tag})
        return Response(body, content_type="application/xml", headers={"ETag": tag})


def _asked_since(server: HTTPServer, start: int) -> list[tuple[str, int, bool]]:
    """Each request since the `start`th: its path, its answer's status, whether it was asked
    with an ETag."""
    return [
        (request.path, answer.status_code, "If-None-Match" in request.headers)
        for request, answer in server.log[start:]
    ]


def test_an_index_answering_304_still_has_its_sitemaps_asked_each_with_its_own_etag(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A news site's index of years, and 2026's of months, are not written again when
    February's sitemap is (their <lastmod> left as it was): both answer 304, and February's
    sitemap asked with its own ETag gives its new story; January's and December's answer 304.
    Nothing changed, a sync asks each with its ETag again, and reads nothing."""
    site = _Site(httpserver)
    home = _serve_home(httpserver)
    site.serve(
        "/sitemap.xml",
        _index(httpserver, [("/y/2025.xml", "2025-12-31"), ("/y/2026.xml", "2026-02-16")]),
    )
    site.serve(
        "/y/2026.xml",
        _index(httpserver, [("/m/2026-01.xml", "2026-01-31"), ("/m/2026-02.xml", "2026-02-16")]),
    )
    site.serve("/y/2025.xml", _index(httpserver, [("/m/2025-12.xml", "2025-12-31")]))

    def story(month: str, day: str, name: str) -> tuple[str, str]:
        link = httpserver.url_for(f"/news/{month}/{name}.html")
        return link, _url(link, f"{month}-{day}T08:00:00Z")

    (dec, dec_url), (jan, jan_url) = story("2025-12", "20", "dec"), story("2026-01", "20", "jan")
    (feb, feb_url), (later, later_url) = (
        story("2026-02", "10", "feb"),
        story("2026-02", "17", "ferry"),
    )
    site.serve("/m/2025-12.xml", URLSET.format(urls=dec_url))
    site.serve("/m/2026-01.xml", URLSET.format(urls=jan_url))
    site.serve("/m/2026-02.xml", URLSET.format(urls=feb_url))
    code, _, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert [item["link"] for item in _listed(data_dir, capsys)] == [feb, jan, dec]

    site.serve("/m/2026-02.xml", URLSET.format(urls=later_url + feb_url))
    start = len(httpserver.log)
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles", "-q"]) == 0
    assert [item["link"] for item in _listed(data_dir, capsys)] == [later, feb, jan, dec]
    assert sorted(_asked_since(httpserver, start)) == [
        ("/m/2025-12.xml", 304, True),
        ("/m/2026-01.xml", 304, True),
        ("/m/2026-02.xml", 200, True),
        ("/sitemap.xml", 304, True),
        ("/y/2025.xml", 304, True),
        ("/y/2026.xml", 304, True),
    ]
    start = len(httpserver.log)
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles", "-q"]) == 0
    assert {status for _, status, _ in _asked_since(httpserver, start)} == {304}
    assert len(_asked_since(httpserver, start)) == 6
    assert [item["link"] for item in _listed(data_dir, capsys)] == [later, feb, jan, dec]


def test_a_daily_index_answering_304_still_gives_the_days_new_story(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An index of days whose <lastmod> is not moved as today's sitemap grows: its 304 is no
    word on today's sitemap, asked with its own ETag."""
    site = _Site(httpserver)
    home = _serve_home(httpserver)
    site.serve(
        "/sitemap.xml",
        _index(httpserver, [("/d/1.xml", "2026-12-01"), ("/d/2.xml", "2026-12-02")]),
    )
    first = httpserver.url_for("/news/harbour-dues-rise.html")
    later = httpserver.url_for("/news/ferry-late.html")
    site.serve("/d/1.xml", URLSET.format(urls=""))
    site.serve("/d/2.xml", URLSET.format(urls=_url(first, "2026-12-02T08:00:00Z")))
    assert _add(data_dir, home, capsys)[0] == 0
    site.serve(
        "/d/2.xml",
        URLSET.format(urls=_url(first, "2026-12-02T08:00:00Z") + _url(later, "2026-12-02T09:00Z")),
    )
    start = len(httpserver.log)
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles", "-q"]) == 0
    assert [item["title"] for item in _listed(data_dir, capsys)] == [
        "Ferry late",
        "Harbour dues rise",
    ]
    assert sorted(_asked_since(httpserver, start)) == [
        ("/d/1.xml", 304, True),
        ("/d/2.xml", 200, True),
        ("/sitemap.xml", 304, True),
    ]


def test_an_index_served_again_the_same_without_validators_still_has_its_sitemaps_read(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server that sends no ETag nor Last-Modified: the index's same bytes are taken for a
    304, and its sitemaps are still read, the grown one's new story listed."""
    home = _serve_home(httpserver)
    index = _index(httpserver, [("/d/1.xml", "2026-12-01"), ("/d/2.xml", "2026-12-02")])
    httpserver.expect_request("/sitemap.xml").respond_with_data(index, content_type="text/xml")
    first = httpserver.url_for("/news/harbour-dues-rise.html")
    later = httpserver.url_for("/news/ferry-late.html")
    day = [_url(first, "2026-12-02T08:00:00Z")]
    httpserver.expect_request("/d/1.xml").respond_with_data(URLSET.format(urls=""))
    httpserver.expect_request("/d/2.xml").respond_with_handler(
        lambda _: Response(URLSET.format(urls="".join(day)), content_type="text/xml")
    )
    assert _add(data_dir, home, capsys)[0] == 0
    day.append(_url(later, "2026-12-02T09:00:00Z"))
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles", "-q"]) == 0
    titles = [item["title"] for item in _listed(data_dir, capsys)]
    assert titles == ["Ferry late", "Harbour dues rise"]
