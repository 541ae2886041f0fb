"""A headline its feed leaves undated (an RSS item without pubDate, as many small outlets'
and press offices' feeds are) is dated by its article's page once that is cached: in `reader
list` and its JSON, in the order newest first, in `--since`/`--before` and in search hits; the
feed's own date wins when it gives one. A data directory whose articles were cached before the
pages' dates were kept beside them reads each once and keeps it (acc25a J3, J6). Real pages on
127.0.0.1 (pytest-httpserver), a real store."""

from __future__ import annotations

import json
from pathlib import Path

import diskcache
import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

STORIES = {
    # path: (title, the page's JSON-LD datePublished or "", the feed's pubDate or "", text)
    "/2026/11/20/quay-contract": (
        "Quay contract costs twice what the council was told",
        "2026-11-20T09:30:00+01:00",
        "",
        "The contract to rebuild the north quay will cost the town twice the figure councillors "
        "approved in the spring, according to papers the harbour board released on Thursday. ",
    ),
    "/2026/03/15/dredger-tender": (
        "Dredger tender reopened after one bid",
        "2026-03-15",
        "",
        "The harbour board has reopened the tender for dredging the inner basin after a single "
        "company answered it, and will now accept bids until the end of April. ",
    ),
    "/2026/01/10/pier-lights": (
        "Pier lights to be replaced before summer",
        "2025-12-01T10:00:00Z",  # the page's own date of an older draft: the feed's wins
        "Sat, 10 Jan 2026 08:00:00 +0000",
        "Every lamp on the east pier will be replaced with a shielded one before the summer, "
        "the harbour board said, after complaints from the observatory across the bay. ",
    ),
    "/notes/harbour-history": (
        "A short history of the harbour contract",
        "",
        "",
        "The first harbour contract was signed when the quay was still timber, and the town has "
        "argued over who pays for its upkeep in every decade since. ",
    ),
}


def _page(title: str, published: str, text: str) -> str:
    """An article page as a small paper publishes it: its date in JSON-LD alone."""
    ld = (
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published})
        + "</script>"
        if published
        else ""
    )
    paragraphs = "".join(f"<p>{text}{n}</p>" for n in ("First.", "Second.", "Third.", "Fourth."))
    return (
        f"<!doctype html><html><head><title>{title} | Harbour Ledger</title>{ld}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        "<footer>© Harbour Ledger</footer></body></html>"
    )


def _serve(server: HTTPServer) -> str:
    items = []
    for path, (title, published, feed_date, text) in STORIES.items():
        server.expect_request(path).respond_with_data(
            _page(title, published, text), content_type="text/html"
        )
        date = f"<pubDate>{feed_date}</pubDate>" if feed_date else ""
        link = server.url_for(path)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>{date}</item>"
        )
    server.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>'
        f"{''.join(items)}</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([*args, "--data-dir", str(data)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listed(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    status, out, err = run(data, capsys, "list", "--json", *args)
    assert status == 0, err
    return json.loads(out)


def _titles(rows: list[dict[str, object]]) -> list[str]:
    return [str(row["title"]).split()[0] for row in rows]


@pytest.fixture
def synced(tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "home"
    assert run(data, capsys, "add", _serve(httpserver))[0] == 0
    # The headlines alone first: only the feed's dates.
    assert run(data, capsys, "sync", "--no-articles", "-q")[0] == 0
    before = listed(data, capsys)
    assert _titles(before)[0] == "Pier" and [row["published"] for row in before[1:]] == [None] * 3
    assert run(data, capsys, "sync", "-q")[0] == 0
    return data


def test_a_cached_page_dates_the_headline_its_feed_left_undated(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(synced, capsys)
    assert _titles(rows) == ["Quay", "Dredger", "Pier", "A"]
    by_title = {str(row["title"]): row["published"] for row in rows}
    assert by_title[STORIES["/2026/11/20/quay-contract"][0]] == "2026-11-20T09:30:00+01:00"
    assert by_title[STORIES["/2026/03/15/dredger-tender"][0]] == "2026-03-15"  # a date alone
    # The feed's date wins over the page's; a page with none leaves its headline undated.
    assert by_title[STORIES["/2026/01/10/pier-lights"][0]] == "2026-01-10T08:00:00+00:00"
    assert by_title[STORIES["/notes/harbour-history"][0]] is None

    status, out, _ = run(synced, capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert "2026-11-20" in lines[0] and "Quay contract" in lines[0]
    assert "2026-03-15" in lines[1] and "Dredger tender" in lines[1]
    assert lines[-1].split("  ")[1].strip() == "" and "short history" in lines[-1]


def test_list_since_and_before_narrow_by_the_pages_dates_too(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _titles(listed(synced, capsys, "--since", "2026-03-01")) == ["Quay", "Dredger"]
    assert _titles(listed(synced, capsys, "--since", "2026-03")) == ["Quay", "Dredger"]
    assert _titles(listed(synced, capsys, "--before", "2026-03-01")) == ["Pier"]
    between = listed(synced, capsys, "--since", "2026-01-01", "--before", "2026-11-01")
    assert _titles(between) == ["Dredger", "Pier"]
    # Narrowing a search: the undated history holds "harbour" too, and is left out.
    hits = listed(synced, capsys, "--search", "harbour", "board", "--since", "2026-03-01")
    assert _titles(hits) == ["Quay", "Dredger"] and all(hit["snippet"] for hit in hits)
    everything = listed(synced, capsys, "--search", "harbour")
    assert _titles(everything) == ["Quay", "Dredger", "Pier", "A"]
    assert (
        _titles(listed(synced, capsys, "--unread", "--feed", "Harbour Ledger", "--since", "7d"))
        == []
    )
    status, _, err = run(synced, capsys, "list", "--since", "last spring")
    assert status == 2 and "not a date or an age" in err
    # Ends of the calendar: one line, or every headline, never a traceback.
    for empty in ("", " "):
        status, _, err = run(synced, capsys, "list", "--since", empty)
        assert status == 2 and "not a date or an age" in err
    for everything in ("0001-01-01", "99999999999999999999d", "1900-01"):
        assert len(listed(synced, capsys, "--since", everything)) == 3  # the dated ones
    assert listed(synced, capsys, "--before", "0001-01-01") == []
    status, _, err = run(synced, capsys, "list", "--since", "2099-01-01", "--before", "2026-01")
    assert status == 2 and err.count("\n") == 1 and "is not before --before" in err
    # mark-read's --before reads the same dates: the undated history is left as it is.
    status, out, _ = run(synced, capsys, "mark-read", "--before", "2026-11")
    assert status == 0 and out.startswith("Marked 2 headlines")
    assert [row["read"] for row in listed(synced, capsys)] == [False, True, True, False]


def test_articles_cached_before_dates_were_kept_are_dated_once_read(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a reader from before kept them: no page dates beside the articles.
    with diskcache.Cache(str(synced / "articles")) as articles:
        dated = [key for key in articles.iterkeys() if str(key).startswith("dated:")]
        assert len(dated) == len(STORIES)
        for key in dated:
            del articles[key]
    rows = listed(synced, capsys)
    assert _titles(rows) == ["Quay", "Dredger", "Pier", "A"]
    assert rows[0]["published"] == "2026-11-20T09:30:00+01:00"
    with diskcache.Cache(str(synced / "articles")) as articles:
        kept = {
            str(key): articles[key] for key in articles.iterkeys() if str(key).startswith("dated:")
        }
    # Read for the undated headlines (the dated one's page is not asked), and kept.
    assert sorted(kept.values()) == ["", "2026-03-15", "2026-11-20T09:30:00+01:00"]
