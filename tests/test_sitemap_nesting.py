"""A news site's sitemap index of indexes (one a year, each of its months' sitemaps) followed to
its newest sitemaps, a loop of indexes ended; and a sitemap index that answers 304 Not Modified
whose sitemaps changed read all the same. The real commands against a site on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

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
