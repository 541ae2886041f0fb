"""A sitemap of an index that can't be read (acc47c C4): passed over with a line naming it and
why, the index's other sitemaps read; when none can be, the failure names the sitemap. The
real `reader add` against an index served on 127.0.0.1."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_sitemap_feed import URLSET, _add, _index, _listed, _url


@pytest.fixture
def small_limit(data_dir: Path) -> None:
    """A feed's size limit of 20 KB: a gzip'd sitemap inflating past it stands for one past
    the 20 MB a feed is read to."""
    (data_dir / "config.toml").write_text("[network]\nfeed_max_bytes = 20000\n")


def _serve_bomb(server: HTTPServer, path: str) -> str:
    # 200 KB of pages gzip'd to a few KB: the index's newest, served as a file.
    many = "".join(
        _url(server.url_for(f"/news/filler-{n}.html"), "2026-12-06") for n in range(3000)
    )
    server.expect_request(path).respond_with_data(
        gzip.compress(URLSET.format(urls=many).encode()), content_type="application/x-gzip"
    )
    return server.url_for(path)


def test_an_oversized_sitemap_of_an_index_is_passed_over_named_and_the_rest_read(
    httpserver: HTTPServer, data_dir: Path, small_limit: None, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = _serve_bomb(httpserver, "/s/2026-12-06.xml.gz")
    good = httpserver.url_for("/news/harbour-dues-rise.html")
    httpserver.expect_request("/s/2026-12-05.xml").respond_with_data(
        URLSET.format(urls=_url(good, "2026-12-05")), content_type="application/xml"
    )
    index = _index(
        httpserver, [("/s/2026-12-05.xml", "2026-12-05"), ("/s/2026-12-06.xml.gz", "2026-12-06")]
    )
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        index, content_type="application/xml"
    )
    code, out, err = _add(data_dir, httpserver.url_for("/sitemap.xml"), capsys)
    assert (code, err) == (0, "")
    assert [item["link"] for item in _listed(data_dir, capsys)] == [good]
    assert f"warning: a sitemap of its index passed over: {bomb} (larger than the " in out
    assert "left of the feed's size limit)" in out


def test_an_index_whose_every_sitemap_is_oversized_fails_naming_it_and_why(
    httpserver: HTTPServer, data_dir: Path, small_limit: None, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = _serve_bomb(httpserver, "/s/2026-12-06.xml.gz")
    index = _index(httpserver, [("/s/2026-12-06.xml.gz", "2026-12-06")])
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        index, content_type="application/xml"
    )
    code, _, err = _add(data_dir, httpserver.url_for("/sitemap.xml"), capsys)
    assert code == 1
    assert f"its first fetch failed: its sitemap {bomb} could not be read: larger than the " in err
