"""Every saved article can be found again with `reader list --saved`: one saved by its address
that no feed lists (read it later), one its feed dropped (past the entries kept per feed), one
whose feed was removed. Each is listed with its own title and site, opened by the id the list
gives it, and unsaved by it. Real pages on 127.0.0.1 (pytest-httpserver), a real store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.store.feeds as store_feeds
from reader.cli import main
from reader.keys import looks_like_entry_id

FERRY = (
    "The night ferry to the outer islands will sail twice a week from January, the harbour "
    "board said on Tuesday, after a winter in which the only crossing was the morning boat. "
)
BRIDGE = (
    "Engineers inspecting the old swing bridge found rust in two of its four bearings, and the "
    "council has closed it to lorries until the repairs planned for the spring are done. "
)
MARKET = (
    "The covered market reopens on Saturday with forty stalls, half of them new, after a year "
    "in which the roof was replaced and the floor relaid in the stone of the original hall. "
)


def _page(title: str, site: str, published: str, text: str) -> str:
    """A news article page as a small paper publishes it."""
    paragraphs = "".join(f"<p>{text}{n}</p>" for n in ("One.", "Two.", "Three.", "Four."))
    return (
        f"<!doctype html><html><head><title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        "<footer>© The paper</footer></body></html>"
    )


ITEMS = {
    "ferry": ("Night ferry returns", "/news/ferry.html", "Fri, 20 Nov 2026 08:00:00 +0000"),
    "bridge": (
        "Swing bridge shut to lorries",
        "/news/bridge.html",
        "Sat, 28 Nov 2026 08:00:00 +0000",
    ),
    "market": ("Covered market reopens", "/news/market.html", "Tue, 01 Dec 2026 08:00:00 +0000"),
}
"""The feed's items of the stories `_serve_pages` serves: title, path, RFC 822 date."""


def _serve_feed(server: HTTPServer, items: list[tuple[str, str, str]]) -> str:
    """An RSS feed at /feed.xml of these (title, path, RFC 822 date) items; its address."""
    body = "".join(
        f"<item><title>{title}</title><link>{server.url_for(path)}</link>"
        f"<guid>{server.url_for(path)}</guid><pubDate>{date}</pubDate></item>"
        for title, path, date in items
    )
    server.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        f"{body}</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def _serve_pages(server: HTTPServer) -> None:
    pages = {
        "/news/ferry.html": ("Night ferry returns", "2026-11-20T08:00:00Z", FERRY),
        "/news/bridge.html": ("Swing bridge shut to lorries", "2026-11-28T08:00:00Z", BRIDGE),
        "/news/market.html": ("Covered market reopens", "2026-12-01T08:00:00Z", MARKET),
    }
    for path, (title, published, text) in pages.items():
        server.expect_request(path).respond_with_data(
            _page(title, "Harbour Gazette", published, text), content_type="text/html"
        )


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([*args, "--data-dir", str(data)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def saved_json(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    status, out, _ = run(data, capsys, "list", "--saved", "--json")
    assert status == 0
    return json.loads(out)


def test_saved_by_address_is_listed_opened_and_unsaved(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "home"
    _serve_pages(httpserver)
    feed = _serve_feed(
        httpserver,
        [ITEMS["market"]],
    )
    run(data, capsys, "add", feed)
    assert run(data, capsys, "sync")[0] == 0
    status, out, _ = run(data, capsys, "save", httpserver.url_for("/news/market.html"))
    assert status == 0
    # Read it later: a page no feed lists, saved by its address.
    status, out, _ = run(data, capsys, "save", httpserver.url_for("/news/ferry.html"))
    assert status == 0 and "Night ferry returns" in out

    listed = saved_json(data, capsys)
    # The last saved first (acc43a A14), whatever the pages' dates.
    assert [h["title"] for h in listed] == ["Night ferry returns", "Covered market reopens"]
    ferry = listed[0]
    assert ferry["feed"] is None and ferry["feed_title"] == "Harbour Gazette"
    assert ferry["saved"] and ferry["cached"] and not ferry["read"]
    assert ferry["link"] == httpserver.url_for("/news/ferry.html")
    assert ferry["published"].startswith("2026-11-20")
    assert looks_like_entry_id(str(ferry["id"]))

    status, out, _ = run(data, capsys, "list", "--saved")
    line = next(line for line in out.splitlines() if "Night ferry" in line)
    # Dated by when it was saved, as the list is ordered (acc43a A14).
    saved = datetime.fromisoformat(ferry["saved_at"]).astimezone().strftime("%Y-%m-%d")
    assert line.startswith(f"{ferry['id']}  saved {saved}")
    assert "Harbour Gazette: Night ferry returns" in line
    # Not a feed's headline: the plain list is the feeds'.
    assert "Night ferry" not in run(data, capsys, "list")[1]

    # The same id every time, and it opens the article without the network.
    assert saved_json(data, capsys)[0]["id"] == ferry["id"]
    httpserver.clear()
    status, out, _ = run(data, capsys, "show", str(ferry["id"]), "--offline")
    assert status == 0 and "The night ferry to the outer islands" in out

    status, out, _ = run(data, capsys, "unsave", str(ferry["id"]))
    assert status == 0 and out.startswith("unsaved")
    assert [h["title"] for h in saved_json(data, capsys)] == ["Covered market reopens"]
    # Cached until pruned, as `unsave` says: its id still opens it (a search finds it too, as
    # every cached article no feed lists), until the cache lets it go.
    status, out, _ = run(data, capsys, "show", str(ferry["id"]), "--offline")
    assert status == 0 and "The night ferry to the outer islands" in out
    assert run(data, capsys, "cache", "prune", "--max-size", "1B")[0] == 0
    status, _, err = run(data, capsys, "show", str(ferry["id"]), "--offline")
    assert status == 1 and "no article with id" in err


def test_an_entry_its_feed_dropped_stays_listed_when_saved(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_feeds, "MAX_ENTRIES_PER_FEED", 2)
    data = tmp_path / "home"
    _serve_pages(httpserver)
    feed = _serve_feed(
        httpserver,
        [
            ITEMS["bridge"],
            ITEMS["ferry"],
        ],
    )
    run(data, capsys, "add", feed)
    assert run(data, capsys, "sync")[0] == 0
    assert saved_json(data, capsys) == []
    status, out, _ = run(data, capsys, "list", "--json")
    ferry_id = next(h["id"] for h in json.loads(out) if h["title"] == "Night ferry returns")
    assert run(data, capsys, "save", ferry_id)[0] == 0

    # The feed moves on: two newer stories, and only two entries are kept per feed.
    httpserver.clear()
    _serve_pages(httpserver)
    _serve_feed(
        httpserver,
        [
            ITEMS["market"],
            ITEMS["bridge"],
        ],
    )
    assert run(data, capsys, "sync")[0] == 0
    status, out, _ = run(data, capsys, "list", "--json")
    assert "Night ferry returns" not in [h["title"] for h in json.loads(out)]

    listed = saved_json(data, capsys)
    assert [h["title"] for h in listed] == ["Night ferry returns"]
    ferry = listed[0]
    assert ferry["feed_title"] == "Harbour Gazette" and ferry["cached"]
    # The id the list gives it opens it, and so does the one it was saved by.
    httpserver.clear()
    for wanted in (str(ferry["id"]), ferry_id):
        status, out, _ = run(data, capsys, "show", wanted, "--offline")
        assert status == 0 and "The night ferry to the outer islands" in out
    assert run(data, capsys, "unsave", ferry_id)[0] == 0
    assert saved_json(data, capsys) == []


def test_a_saved_article_outlives_its_removed_feed(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "home"
    _serve_pages(httpserver)
    feed = _serve_feed(
        httpserver,
        [
            ITEMS["bridge"],
            ITEMS["market"],
        ],
    )
    run(data, capsys, "add", feed)
    assert run(data, capsys, "sync")[0] == 0
    status, out, _ = run(data, capsys, "list", "--json")
    ids = {h["title"]: h["id"] for h in json.loads(out)}
    assert run(data, capsys, "save", ids["Swing bridge shut to lorries"])[0] == 0
    assert run(data, capsys, "save", httpserver.url_for("/news/ferry.html"))[0] == 0

    assert run(data, capsys, "remove", feed)[0] == 0
    assert json.loads(run(data, capsys, "list", "--json")[1]) == []
    listed = saved_json(data, capsys)
    # The last saved first, whatever the pages' own dates (acc43a A14).
    assert [h["title"] for h in listed] == ["Night ferry returns", "Swing bridge shut to lorries"]
    assert all(h["feed"] is None and h["feed_title"] == "Harbour Gazette" for h in listed)
    status, out, _ = run(data, capsys, "list", "--saved", "--unread")
    assert "Swing bridge" in out and "Night ferry" in out

    httpserver.clear()
    bridge = str(listed[1]["id"])
    status, out, _ = run(data, capsys, "show", bridge, "--offline")
    assert status == 0 and "Engineers inspecting the old swing bridge" in out
    assert run(data, capsys, "unsave", bridge)[0] == 0
    assert [h["title"] for h in saved_json(data, capsys)] == ["Night ferry returns"]
