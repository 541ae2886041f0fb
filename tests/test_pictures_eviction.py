"""The pictures kept of an article go with it: a removed feed's articles keep theirs as they keep
their text, and `reader forget` and `reader cache prune` (the size limit's eviction, and age's)
take them with the article, leaving no bytes behind in the cache (rows nor files) and `reader
cache`'s totals right after each. The same pictures shown by two articles (one agency photo in
two outlets) are kept once, and stay while one article shows them (acc45c C5).

Served by real servers on 127.0.0.1 (pytest-httpserver); the cache read as diskcache keeps it
(its SQLite table and its files of large values)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.picture_bytes import jpeg, png
from tests.served_feed import serve_one_item
from tests.test_kept_pictures import TITLE, page

LARGE = png(120, 120, noise=True)  # 43 KB: over diskcache's 32 KB, a file of its own


@pytest.fixture
def servers() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    both = (HTTPServer(host="127.0.0.1", port=0), HTTPServer(host="127.0.0.1", port=0))
    for server in both:
        server.start()
    yield both
    for server in both:
        if server.is_running():
            server.stop()


def serve(server: HTTPServer, name: str) -> tuple[str, str]:
    """A feed of one story whose pictures are kept: a PNG, a JPEG, and one large PNG."""
    base = server.url_for("").rstrip("/")
    link = f"{base}/story.html"
    feed = serve_one_item(server, name, TITLE, link)
    html = page(base).replace("/map.svg", "/lead.png")  # kept once: one address
    server.expect_request("/story.html").respond_with_data(html, content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_data(jpeg(), content_type="image/jpeg")
    server.expect_request("/chart.png").respond_with_data(png(8, 8), content_type="image/png")
    server.expect_request("/aerial.png").respond_with_data(LARGE, content_type="image/png")
    return feed, link


KEPT = len(png()) + len(jpeg()) + len(png(8, 8)) + len(LARGE)
"""The bytes of one story's pictures kept."""


def kept_offline(data_dir: Path, link: str) -> dict[bytes, int]:
    """The bytes of each picture the article at `link` has kept, read as the reader opens one
    (checked against its hash), and how many of its pictures show them."""
    from reader.library import Library

    lib = Library(data_dir)
    try:
        bodies = [lib.kept_picture(link, p.url) for p in lib.pictures_of(link) if p.kept]
    finally:
        lib.close()
    found: dict[bytes, int] = {}
    for held in bodies:
        assert held is not None
        found[held[1]] = found.get(held[1], 0) + 1
    return found


def cache_totals(data_dir: Path) -> dict[str, int]:
    shown = run_reader(data_dir, "cache", "--json")
    assert shown.returncode == 0, shown.stderr
    held = json.loads(shown.stdout)
    return {k: held[k] for k in ("articles", "pictures_bytes", "pictures_articles")}


def pictures_held(data_dir: Path) -> tuple[int, int, int, list[str]]:
    """Of the articles' cache as it is on disk: the articles' records of their pictures, the
    pictures' bytes (each distinct picture's once), those of no cached article (a record or
    bytes of an article gone, bytes no record names), and the files no row names (orphan
    bytes)."""
    folder = data_dir / "articles"
    with sqlite3.connect(folder / "cache.db") as db:
        rows = db.execute(
            "SELECT key, value FROM Cache WHERE key LIKE 'picture%' OR key LIKE 'article:%'"
        ).fetchall()
        named = {name for (name,) in db.execute("SELECT filename FROM Cache") if name}
    articles = {key.partition(":")[2] for key, _ in rows if key.startswith("article:")}
    records = {key: value for key, value in rows if key.startswith("pictures:")}
    own = [key for key, _ in rows if key.startswith("picture-data:")]
    shown = {
        held["sha"] for v in records.values() for held in json.loads(v).values() if "sha" in held
    }
    shared = [key.partition(":")[2] for key, _ in rows if key.startswith("picture-bytes:")]
    orphans = [key for key in [*records, *own] if key.partition(":")[2] not in articles]
    orphans += [sha for sha in shared if sha not in shown]
    files = [
        str(path.relative_to(folder))
        for path in folder.rglob("*.val")
        if str(path.relative_to(folder)) not in named
    ]
    return len(records), len(own) + len(shared), len(orphans), files


def pictures_on_disk(data_dir: Path) -> int:
    """The bytes the pictures' rows of the articles' cache take (in their row or their file)."""
    with sqlite3.connect(data_dir / "articles" / "cache.db") as db:
        query = (
            "SELECT SUM(CASE WHEN filename IS NULL THEN length(value) ELSE size END) FROM Cache "
            "WHERE key LIKE 'picture-data:%' OR key LIKE 'picture-bytes:%'"
        )
        (total,) = db.execute(query).fetchone()
    return int(total or 0)


def test_the_pictures_go_with_their_article_and_leave_nothing_behind(
    data_dir: Path, servers: tuple[HTTPServer, HTTPServer]
) -> None:
    (feed_a, link_a), (feed_b, link_b) = (serve(s, n) for s, n in zip(servers, "AB", strict=True))
    for feed in (feed_a, feed_b):
        assert run_reader(data_dir, "add", feed).returncode == 0
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    for server in servers:
        server.stop()  # offline from here
    # The two stories show the same four pictures (from two sites): their bytes kept once.
    assert cache_totals(data_dir) == {"articles": 2, "pictures_bytes": KEPT, "pictures_articles": 2}
    assert pictures_on_disk(data_dir) == KEPT  # main: twice
    assert pictures_held(data_dir) == (2, 4, 0, [])
    assert any((data_dir / "articles").rglob("*.val"))  # the large pictures: files

    # A removed feed's article keeps its pictures as it keeps its text.
    assert run_reader(data_dir, "remove", feed_a).returncode == 0
    assert cache_totals(data_dir)["pictures_bytes"] == KEPT

    forgot = run_reader(data_dir, "forget", link_a)
    assert forgot.returncode == 0, forgot.stderr
    # The other story still shows them: kept, whole, for it.
    assert cache_totals(data_dir) == {"articles": 1, "pictures_bytes": KEPT, "pictures_articles": 1}
    assert pictures_held(data_dir) == (1, 4, 0, [])
    assert kept_offline(data_dir, link_b) == {png(): 1, jpeg(): 1, png(8, 8): 1, LARGE: 1}

    pruned = run_reader(data_dir, "cache", "prune", "--max-size", "1KB")
    assert pruned.returncode == 0, pruned.stderr + pruned.stdout
    assert cache_totals(data_dir) == {"articles": 0, "pictures_bytes": 0, "pictures_articles": 0}
    assert pictures_held(data_dir) == (0, 0, 0, [])
    assert not list((data_dir / "articles").rglob("*.val"))
    shown = run_reader(data_dir, "show", "--offline", link_b)
    assert shown.returncode != 0  # evicted, its pictures with it
