"""The tracking parameters a feed's link carries ("?utm_source=rss&mc_cid=…") go to no site: the
page is asked for without them (cached under the feed's link as ever), and a link in the text
("?utm_source=article&fbclid=…") opens and is exported without them, as `o` and citations already
left them out (acc48a A5). One list, `urls.without_tracking`'s, for a click tracker's redirect
too; a link in the text through another host's click tracker is exported as its destination.
Real parts: the page, its feed and a click tracker served on 127.0.0.1, the CLI as `run_reader`
runs it, the reading view driven with Pilot."""

from __future__ import annotations

import asyncio
import json
import webbrowser
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli_run import run_reader
from tests.served_feed import own_http_server, serve_one_item
from tests.tui_pilot import reading, subscribe, until

TITLE = "Harbour board doubles the dredging contract"
TRACKED = "utm_source=rss&utm_medium=feed&mc_cid=abc3&mc_eid=READER-7"
IN_TEXT = "id=7&utm_source=article&utm_medium=inline&fbclid=IwAR0xyz&gclid=G-1"


def page(background: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>
<p>The harbour board doubled the dredging contract last spring without a vote of its
members, papers obtained by the Courier show, and the <a href="{background}">background</a>
to the first contract is told elsewhere.</p>
<p>Nobody mentioned a second phase at the meeting, councillors who were there said, and the
minutes record none; the board said the extension was routine and had been reported.</p>
<p>Its annual accounts, published in the autumn, list the extension on their last page, under
a heading that names neither the contractor nor the sum it was paid.</p>
</article></body></html>"""


@pytest.fixture
def site(data_dir: Path) -> Iterator[HTTPServer]:
    """The story, linked by the feed with tracking parameters, its article fetched and cached
    (a `Library` download, as a sync's): the server, its log kept."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    background = server.url_for("/background.html") + "?" + IN_TEXT
    server.expect_request("/story.html").respond_with_data(
        page(background.replace("&", "&amp;")), content_type="text/html; charset=utf-8"
    )
    link = (server.url_for("/story.html") + "?" + TRACKED).replace("&", "&amp;")
    subscribe(data_dir, [serve_one_item(server, "Coastal Courier", TITLE, link)], 1)
    yield server
    server.stop()


def test_a_page_is_asked_for_without_the_feeds_tracking_parameters(
    data_dir: Path, site: HTTPServer
) -> None:
    (asked,) = [request for request, _ in site.log if request.path == "/story.html"]
    assert asked.query_string == b""
    link = site.url_for("/story.html") + "?" + TRACKED
    shown = run_reader(data_dir, "show", "--offline", "--format", "markdown", link)
    assert shown.returncode == 0, shown.stderr  # cached under the feed's link
    assert "Nobody mentioned a second phase" in shown.stdout
    # A link in the text, exported: its own parameter kept, the trackers' not.
    background = site.url_for("/background.html")
    assert f"({background}?id=7)" in shown.stdout or f"(<{background}?id=7>)" in shown.stdout
    for tracker in ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid"):
        assert tracker not in shown.stdout, tracker


def test_a_link_in_the_text_opens_without_its_tracking_parameters(
    data_dir: Path, site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    # The desktop's browser is the boundary: what it was handed is recorded.
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    background = site.url_for("/background.html") + "?id=7"

    async def run() -> None:
        async with reading(data_dir, "dredging", (100, 40)) as (_app, pilot, _body):
            await pilot.press("tab", "enter")  # the link "background", followed
            await until(pilot, lambda: bool(opened), "the browser handed the link")
            assert opened == [background]
            await pilot.press("L", "1", "enter")  # the link list's first, the same link
            await until(pilot, lambda: len(opened) == 2, "the browser handed it again")
            assert opened[1] == background

    asyncio.run(run())


def show_json(data_dir: Path, link: str) -> dict[str, object]:
    """`reader show --offline --format json` of the article cached for `link`."""
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def test_a_click_trackers_redirect_is_followed_without_its_tracking_parameters(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """A feed's link through a click tracker whose 302 sends to the story with "utm_*" and
    "fbclid" on it, its destination not in its query: the publisher is asked for the story
    clean, and it is kept at that clean address (acc48a A5)."""
    with own_http_server() as tracker:
        story = own_server.url_for("/story.html")
        own_server.expect_request("/story.html").respond_with_data(
            page(own_server.url_for("/background.html")), content_type="text/html"
        )
        click = tracker.url_for("/click/7") + "?utm_campaign=daily"
        tracker.expect_request("/click/7").respond_with_response(
            Response(status=302, headers={"Location": f"{story}?{IN_TEXT}"})
        )
        feed = serve_one_item(own_server, "Coastal Courier", TITLE, click.replace("&", "&amp;"))
        subscribe(data_dir, [feed], 1)
        (clicked,) = [request for request, _ in tracker.log]
    (asked,) = [request for request, _ in own_server.log if request.path == "/story.html"]
    assert asked.query_string == b"id=7"
    shown = show_json(data_dir, click)
    assert shown["url"] == f"{story}?id=7"
    assert "Nobody mentioned a second phase" in str(shown["markdown"])
    assert clicked.query_string == b""  # the tracker's own address, its parameter not sent


def test_a_feeds_link_through_a_click_tracker_asks_the_publisher_alone(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """A feed's every link through a click tracker carrying the story whole in its query
    (Google Alerts' "google.com/url?url=…", a newsletter's "click?u=…"), the story's own
    "?utm_source=rss" in it: the publisher is asked for the story clean and the tracker not at
    all, the article kept under the feed's link as ever (its key), at the story's address. The
    tracker was asked each time, the reader's click counted (privacy49's leftover)."""
    with own_http_server() as tracker:
        story = own_server.url_for("/story.html")
        own_server.expect_request("/story.html").respond_with_data(
            page(own_server.url_for("/background.html")), content_type="text/html"
        )
        tracked = f"{story}?utm_source=rss&utm_medium=feed&id=7"
        click = tracker.url_for("/click") + "?u=" + quote(tracked, safe="") + "&mc_cid=abc3"
        tracker.expect_request("/click").respond_with_response(
            Response(status=302, headers={"Location": tracked})
        )
        feed = serve_one_item(own_server, "Coastal Courier", TITLE, click.replace("&", "&amp;"))
        subscribe(data_dir, [feed], 1)
        assert tracker.log == []
    (asked,) = [request for request, _ in own_server.log if request.path == "/story.html"]
    assert asked.query_string == b"id=7"
    shown = show_json(data_dir, click)  # found under the feed's link, the tracker's
    assert shown["url"] == f"{story}?id=7"
    assert "Nobody mentioned a second phase" in str(shown["markdown"])
    listed = run_reader(data_dir, "list", "--json")
    assert [item["link"] for item in json.loads(listed.stdout)] == [click]


def test_an_article_cached_under_a_tracked_link_is_found_as_before(
    data_dir: Path, site: HTTPServer
) -> None:
    """The cache key stays the feed's link, its tracking parameters and all (`article_key`):
    an article cached under a tracked address is found by it, offline, and a later sync asks
    nothing of it again; the campaign's "CMP" and "ref=rss", left in a key, too."""
    link = site.url_for("/story.html") + "?" + TRACKED
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    asked = [request for request, _ in site.log if request.path == "/story.html"]
    assert len(asked) == 1 and asked[0].query_string == b""
    with own_http_server() as campaign:
        campaign.expect_request("/story.html").respond_with_data(
            page(campaign.url_for("/b.html")), content_type="text/html"
        )
        shared = campaign.url_for("/story.html") + "?CMP=share_btn_url&ref=rss&id=3"
        feed = serve_one_item(campaign, "Coastal Courier", TITLE, shared.replace("&", "&amp;"))
        subscribe(data_dir, [feed], 1)
        assert run_reader(data_dir, "sync").returncode == 0
        asked = [request for request, _ in campaign.log if request.path == "/story.html"]
        assert [request.query_string for request in asked] == [b"id=3"]
    assert "Nobody mentioned" in str(show_json(data_dir, shared)["markdown"])


def test_a_site_that_redirects_until_its_parameter_is_there_is_still_read(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """A site whose page redirects to itself with "utm_source" on until that is there: followed
    as sent once the clean address was asked, not round its redirects till the hop limit."""
    story = own_server.url_for("/story.html")

    def answer(request: Request) -> Response:
        if "utm_source" not in request.args:
            return Response(status=302, headers={"Location": f"{story}?utm_source=site"})
        return Response(page(story), content_type="text/html")

    own_server.expect_request("/story.html").respond_with_handler(answer)
    subscribe(data_dir, [serve_one_item(own_server, "Coastal Courier", TITLE, story)], 1)
    asked = [request.query_string for request, _ in own_server.log if request.path == "/story.html"]
    assert asked == [b"", b"utm_source=site"]
    assert "Nobody mentioned a second phase" in str(show_json(data_dir, story)["markdown"])


def test_a_link_through_a_click_tracker_is_exported_as_its_destination(
    data_dir: Path, own_server: HTTPServer, tmp_path: Path
) -> None:
    """An in-text link through another host's click tracker, its destination whole in its
    query ("?u=https%3A%2F%2F…"), is written in every export as that destination, without its
    tracking parameters; the article's own host's "?redirect=" and a tracker's parameter that
    is no address are left as they are (acc48a A5)."""
    background = own_server.url_for("/background.html")
    tracked = f"{background}?{IN_TEXT}"
    click = "http://t.example/click?u=" + quote(tracked, safe="") + "&utm_campaign=daily"
    account = own_server.url_for("/account") + "?redirect=https%3A%2F%2Fnews.example%2Fa"
    no_address = "http://t.example/go?to=spring-issue"
    html = page(click).replace(
        "</article>",
        f'<p>Readers can <a href="{account}">sign in</a> to comment, or <a href="'
        f"{no_address}\">read the spring issue</a> of the board's newsletter.</p></article>",
    )
    story = own_server.url_for("/story.html")
    own_server.expect_request("/story.html").respond_with_data(html, content_type="text/html")
    subscribe(data_dir, [serve_one_item(own_server, "Coastal Courier", TITLE, story)], 1)
    written = {}
    for form in ("markdown", "html", "epub", "text"):
        out = tmp_path / f"export.{form}"
        done = run_reader(data_dir, "export", "--format", form, "-o", str(out))
        assert done.returncode == 0, done.stderr
        if form == "epub":
            with zipfile.ZipFile(out) as book:
                names = [n for n in book.namelist() if n.endswith(".xhtml") and "nav" not in n]
                written[form] = "".join(book.read(n).decode() for n in names)
        else:
            written[form] = out.read_text(encoding="utf-8")
    for form, text in written.items():
        text = text.replace("&amp;", "&")
        assert f"{background}?id=7" in text, form
        assert "t.example/click" not in text, form
        for tracker in ("utm_", "fbclid", "gclid"):
            assert tracker not in text, (form, tracker)
        assert account in text, form
        assert no_address in text, form


def test_googles_own_redirect_is_read_by_its_q() -> None:
    """Gmail's and Google Docs' links go through google.com/url?q=…, the commonest tracker a
    reporter pastes from mail; "q" is a search's words anywhere else (acc49c C6)."""
    from reader.urls import click_destination

    assert click_destination("https://www.google.com/url?q=https://example.org/x&sa=D") == (
        "https://example.org/x"
    )
    assert click_destination("https://google.co.uk/url?q=https%3A%2F%2Fexample.org%2Fy") == (
        "https://example.org/y"
    )
    assert click_destination("https://www.google.com/search?q=https://example.org/x") == ""
    assert click_destination("https://duckduckgo.com/url?q=https://example.org/x") == ""


@pytest.mark.parametrize("insisted", ["utm_source=feed", "utm_source=feed&ref=rss"])
def test_a_page_refreshing_until_its_parameter_is_there_is_still_read(
    data_dir: Path, own_server: HTTPServer, insisted: str
) -> None:
    """A page whose meta refresh sends back to itself with its tracking parameter on until
    that is there: followed as sent once the clean address was asked, as an HTTP redirect is.
    It looped to "more than 5 redirects" ("ref=rss" is left in a cache key, so the refresh was
    followed, and asked clean each time), or the "Redirecting…" page was read as the article
    ("utm_source" alone: the refresh taken for one to the page itself)."""
    story = own_server.url_for("/story.html")

    def answer(request: Request) -> Response:
        if "utm_source" not in request.args:
            return Response(
                f'<html><head><meta http-equiv="refresh" content="0; url={story}?{insisted}">'
                "<title>Redirecting…</title></head><body>Redirecting…</body></html>",
                content_type="text/html",
            )
        return Response(page(story), content_type="text/html")

    own_server.expect_request("/story.html").respond_with_handler(answer)
    subscribe(data_dir, [serve_one_item(own_server, "Coastal Courier", TITLE, story)], 1)
    asked = [request.query_string for request, _ in own_server.log if request.path == "/story.html"]
    assert asked == [b"", insisted.encode()]
    assert "Nobody mentioned a second phase" in str(show_json(data_dir, story)["markdown"])


def test_the_address_a_headlines_page_is_asked_at() -> None:
    """`page_asked`: past a click tracker on another host (Google Alerts' "url=", two deep),
    without the tracking parameters; a site's own page sending back to itself ("?redirect=")
    and a link with no whole address in its query are asked as they are."""
    from reader.urls import page_asked

    story = "https://news.example/2026/12/harbour.html"
    alert = "https://www.google.com/url?rct=j&sa=t&url=" + quote(story + "?utm_source=alert")
    assert page_asked(alert + "&ct=ga&usg=AOvVaw1") == story
    mailer = "https://t.example/c?u=" + quote(alert, safe="")
    assert page_asked(mailer) == story
    sign_in = "https://news.example/login?redirect=https%3A%2F%2Fnews.example%2Fmembers"
    assert page_asked(sign_in) == sign_in
    assert page_asked("https://t.example/go?to=spring-issue&mc_cid=3") == (
        "https://t.example/go?to=spring-issue"
    )
