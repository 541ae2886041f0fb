"""Links saved to read later (`reader save URL`, no feed listing them) kept right: one whose later
page failed to come is read on by the next sync, by saving it again and by `show --refresh`
(acc31c W14); one saved while its site is down is kept as a link, fetched by the next sync
(W8). Real pages on 127.0.0.1 (pytest-httpserver), a real store on a temp dir, the CLI's own
`main`."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.extract import to_text
from reader.library import Library
from tests.test_next_page import BUSY, PARAGRAPHS, TITLE, review_page, serve

REVIEW = "/reviews/marram-4/"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _review(server: HTTPServer, third_page: bool) -> str:
    """The three-page review served, its page 3 answering 500 unless `third_page`; its address."""
    server.clear_all_handlers()
    pages = {REVIEW: review_page(1), f"{REVIEW}2/": review_page(2)}
    serve(server, pages | ({f"{REVIEW}3/": review_page(3)} if third_page else {}))
    server.expect_request(f"{REVIEW}3/").respond_with_data("busy", status=500)
    return server.url_for(REVIEW)


def _whole(data: Path, link: str) -> bool:
    async def read() -> bool:
        async with Library(data, workers="thread") as lib:
            article = lib.cached_article(link)
            assert article is not None
            text = to_text(article)
            return not article.incomplete and all(
                p in text for n in (1, 2, 3) for p in PARAGRAPHS[n]
            )

    return asyncio.run(read())


def _saved_in_part(server: HTTPServer, data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    link = _review(server, third_page=False)
    code, _, _ = cli(capsys, data, "save", link)
    assert code == 0
    assert not _whole(data, link)
    _review(server, third_page=True)
    server.clear_log()
    return link


def test_save_says_what_did_not_come(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Said at once, not only by `show` later ("saved for good" alone, acc31c W14)."""
    link = _review(httpserver, third_page=False)
    code, printed, _ = cli(capsys, tmp_path / "data", "save", link)
    assert code == 0
    assert printed.splitlines() == [
        f"saved for good: {TITLE}",
        f"not all of it: page 3 did not come ({BUSY}); the next sync reads on",
    ]
    # Asked as a first download asks (its retries), not once more at once for the save.
    asked = [r.path for r, _ in httpserver.log].count(f"{REVIEW}3/")
    httpserver.clear_log()
    assert cli(capsys, tmp_path / "shown", "show", link)[0] == 0
    assert [r.path for r, _ in httpserver.log].count(f"{REVIEW}3/") == asked


def test_a_saved_link_missing_a_page_is_read_on_by_the_next_sync(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    link = _saved_in_part(httpserver, data, capsys)
    code, printed, _ = cli(capsys, data, "sync")
    assert code == 0, printed
    assert [r.path for r, _ in httpserver.log] == [f"{REVIEW}3/"]  # page 3 alone, not 1 and 2
    assert _whole(data, link)


def test_saving_it_again_reads_on(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    link = _saved_in_part(httpserver, data, capsys)
    code, printed, _ = cli(capsys, data, "save", link)
    assert code == 0 and "not all of it" not in printed
    assert printed.startswith("already saved: Tide gauge review")
    assert _whole(data, link)


def test_show_refresh_reads_on_rather_than_refusing_the_first_page(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    link = _saved_in_part(httpserver, data, capsys)
    code, _, said = cli(capsys, data, "show", "--refresh", link)
    assert code == 0
    assert "the pages missing came: the article is whole now" in said
    assert [r.path for r, _ in httpserver.log] == [f"{REVIEW}3/"]
    assert _whole(data, link)


STORY = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour storm closes the ferry | Coast Courier</title></head><body><article>
<h1>Harbour storm closes the ferry</h1>
<p>The harbour ferry stayed tied up all of Saturday as a storm drove waves over the breakwater,
and the crossing will not run again before Monday morning, its operator said.</p>
<p>Passengers were told to take the long road round the estuary, a drive of an hour and a half,
and the council opened the school hall for those who could not travel at all.</p>
<p>The harbour master said the breakwater had held, though its lamp was lost to the sea.</p>
</article></body></html>"""


def test_a_link_saved_while_its_site_is_down_is_kept_and_fetched_by_the_next_sync(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader save URL` with the site answering 503 lost the link (acc31c W8): it is kept in
    Saved, not readable offline yet, and the next sync fetches it."""
    data = tmp_path / "data"
    httpserver.expect_request("/storm.html").respond_with_data("down", status=503)
    link = httpserver.url_for("/storm.html")
    code, printed, _ = cli(capsys, data, "save", link)
    assert code == 0
    assert printed.startswith("saved as a link, not fetched yet (")
    assert printed.rstrip().endswith("): the next sync fetches it")
    code, printed, _ = cli(capsys, data, "list", "--saved", "--not-offline", "--ids")
    assert code == 0 and len(printed.split()) == 1
    httpserver.clear_all_handlers()
    httpserver.expect_request("/storm.html").respond_with_data(STORY, content_type="text/html")
    code, printed, _ = cli(capsys, data, "sync")
    assert code == 0
    code, printed, _ = cli(capsys, data, "list", "--saved", "--not-offline", "--ids")
    assert printed.strip() == ""
    code, printed, _ = cli(capsys, data, "show", "--offline", link)
    assert code == 0 and "the breakwater had held" in printed


def test_a_link_no_server_answers_is_kept_too_but_not_a_page_that_is_no_article(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    httpserver.expect_request("/nothing.html").respond_with_data("no", status=404)
    code, _, said = cli(capsys, data, "save", httpserver.url_for("/nothing.html"))
    assert code != 0 and "404" in said  # nothing to read later there: refused as before
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, printed, _ = cli(capsys, data, "save", f"http://127.0.0.1:{port}/later.html")
    assert code == 0 and printed.startswith("saved as a link, not fetched yet (")
    code, printed, _ = cli(capsys, data, "list", "--saved", "--ids")
    assert len(printed.split()) == 1


def _page(title: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return STORY.replace("Harbour storm closes the ferry", title).replace(
        "<head>", f"<head>{link}", 1
    )


def _saved_rows(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, printed, _ = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(printed)
    return rows


def test_a_short_link_is_saved_as_the_story_it_leads_to_which_its_feed_lists(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shortener's link (301, 302, then the story with utm_ parameters) saved before its
    feed was subscribed to: the feed's headline is the saved one, cached, and Saved lists it
    once (it listed the short link's copy beside the feed's, unstarred: acc31c W4)."""
    story = "/2026/12/04/lifeboat-rescue.html"
    httpserver.expect_request("/s/k3bX9").respond_with_data(
        "", status=301, headers={"Location": "/r/click"}
    )
    httpserver.expect_request("/r/click").respond_with_data(
        "", status=302, headers={"Location": f"{story}?utm_source=share&utm_medium=sms"}
    )
    httpserver.expect_request(story).respond_with_data(
        _page("Lifeboat crew rescue three"), content_type="text/html"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>'
        f"<item><title>Lifeboat crew rescue three</title><link>{httpserver.url_for(story)}</link>"
        "<guid>lifeboat</guid></item></channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    data = tmp_path / "data"
    code, printed, _ = cli(capsys, data, "save", httpserver.url_for("/s/k3bX9"))
    assert code == 0 and printed.startswith("saved for good: Lifeboat crew rescue three")
    assert cli(capsys, data, "add", httpserver.url_for("/feed.xml"))[0] == 0
    rows = _saved_rows(data, capsys)
    assert [(r["feed_title"], r["title"], r["cached"]) for r in rows] == [
        ("Harbour Ledger", "Lifeboat crew rescue three", True)
    ]
    # Saving the feed's headline now is saving the same story again.
    code, printed, _ = cli(capsys, data, "save", str(rows[0]["id"]))
    assert printed.startswith("already saved: ")
    assert len(_saved_rows(data, capsys)) == 1


@pytest.mark.parametrize(
    "other", ["/amp/politics/council-vote.html", "/politics/council-vote.html?ref=hn"]
)
def test_an_amp_link_or_a_ref_link_of_a_story_saved_is_the_same_story(
    other: str, httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's own canonical address finds the story saved: "already saved", one entry."""
    canonical = httpserver.url_for("/politics/council-vote.html")
    title = "Council votes to sell harbour car park"
    httpserver.expect_request("/politics/council-vote.html").respond_with_data(
        _page(title, canonical), content_type="text/html"
    )
    httpserver.expect_request("/amp/politics/council-vote.html").respond_with_data(
        _page(title, canonical), content_type="text/html"
    )
    data = tmp_path / "data"
    assert cli(capsys, data, "save", canonical)[0] == 0
    code, printed, _ = cli(capsys, data, "save", httpserver.url_for(other))
    assert code == 0 and printed.startswith(f"already saved: {title}")
    rows = _saved_rows(data, capsys)
    assert [r["link"] for r in rows] == [canonical]
    # One story, one copy: the link's own copy (fetched to find the story) was a second
    # story in searches, unread and unsaved (acc33a A12).
    code, printed, _ = cli(capsys, data, "list", "--search", "car park", "--json")
    assert code == 0
    assert [row["link"] for row in json.loads(printed)] == [canonical]
    # A tracking variant saved again: the address first saved stays the one listed.
    cli(capsys, data, "save", f"{canonical}?fbclid=IwAR0abc")
    assert [r["link"] for r in _saved_rows(data, capsys)] == [canonical]


def test_a_page_declaring_another_story_canonical_is_saved_apart(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site declaring one address on every page (its section's) makes no two stories one."""
    section = httpserver.url_for("/news/")
    for path, title in (
        ("/news/a.html", "Ferry strike ends"),
        ("/news/b.html", "Lamp lost at sea"),
    ):
        httpserver.expect_request(path).respond_with_data(
            _page(title, section), content_type="text/html"
        )
    data = tmp_path / "data"
    for path in ("/news/a.html", "/news/b.html"):
        _, printed, _ = cli(capsys, data, "save", httpserver.url_for(path))
        assert printed.startswith("saved for good: ")
    assert len(_saved_rows(data, capsys)) == 2
