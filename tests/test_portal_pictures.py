"""Pictures a Wi-Fi login page answered for (the hotel's session ended after the articles' text
came): owed to the next sync, not refused for good, and the page said in the sync's one line when
it answered for pictures of several hosts; a library an older reader left them refused in gets
them at its next sync (acc46b A1). A site's own "not found" page, sent as 200 where a picture it
lost was asked (a soft 404), is owed for `PAGE_SYNCS` syncs alone, then refused for good and
asked no more; a login page's syncs are not counted (soft46).

Served by real servers on 127.0.0.1 and 127.0.0.2 (pytest-httpserver), the pictures real PNG
and JPEG bytes; the login page the one of `test_portal`, at the picture's address or after a
302 to a portal's own server."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.keys import article_key
from reader.pictures import PAGE_SYNCS
from reader.store import Store
from reader.store.articles import PICTURES_OWED
from tests.cli_run import run_reader
from tests.picture_bytes import jpeg, png
from tests.served_feed import own_http_server, serve_one_item
from tests.test_kept_pictures import TITLE, page
from tests.test_owed_pictures import asked, kept, serve_crane, subscribed
from tests.test_portal import PORTAL

LOGIN_LINE = "the network answered with a login page (Welcome to Harbourside Free WiFi)"


class Hotel:
    """The news site on 127.0.0.1 (its feed, its story and its lead picture), its pictures'
    server on 127.0.0.2, and the network's portal on 127.0.0.1, which catches every picture
    while `catching` is set: its page at the picture's address, or a 302 to it."""

    def __init__(self, site: HTTPServer, pictures: HTTPServer, portal: HTTPServer) -> None:
        self.catching = threading.Event()
        self.redirect = False
        self.portal = portal
        base = site.url_for("").rstrip("/")
        self.link = f"{base}/story.html"
        self.feed = serve_one_item(site, "Port News", TITLE, self.link)
        crane = pictures.url_for("/crane.jpg")
        two = page(base).split('<figure><img src="/map.svg"')[0] + "</article></body></html>"
        story = two.replace('src="/crane.jpg"', f'src="{crane}"')
        site.expect_request("/story.html").respond_with_data(story, content_type="text/html")
        site.expect_request("/lead.png").respond_with_handler(self._caught(png(), "image/png"))
        pictures.expect_request("/crane.jpg").respond_with_handler(
            self._caught(jpeg(), "image/jpeg")
        )
        portal.expect_request("/login").respond_with_data(PORTAL, content_type="text/html")

    def _caught(self, body: bytes, kind: str) -> Callable[[Request], Response]:
        def answer(request: Request) -> Response:
            if not self.catching.is_set():
                return Response(body, content_type=kind)
            if self.redirect:
                where = self.portal.url_for("/login") + f"?orig={quote(request.url, safe='')}"
                return Response("", status=302, headers={"Location": where})
            return Response(PORTAL, content_type="text/html; charset=utf-8")

        return answer


@pytest.fixture
def hotel() -> Iterator[Hotel]:
    with (
        own_http_server() as site,
        own_http_server("127.0.0.2") as pictures,
        own_http_server() as portal,
    ):
        yield Hotel(site, pictures, portal)


@pytest.mark.parametrize("redirect", [False, True], ids=["page", "302"])
def test_pictures_a_login_page_answered_come_with_the_next_sync(
    data_dir: Path, hotel: Hotel, redirect: bool
) -> None:
    hotel.redirect = redirect
    subscribed(data_dir, hotel.feed)
    hotel.catching.set()
    caught = run_reader(data_dir, "sync")
    said = caught.stdout + caught.stderr
    assert LOGIN_LINE in said  # one line for the page, not one per picture
    assert said.count("login page") == 1, said
    assert "1 article without their pictures (the next sync fetches them)" in said
    assert kept(data_dir, hotel.link) == {"lead.png": False, "crane.jpg": False}
    hotel.catching.clear()
    logged_in = run_reader(data_dir, "sync")
    assert logged_in.returncode == 0, logged_in.stderr
    assert kept(data_dir, hotel.link) == {"lead.png": True, "crane.jpg": True}
    assert "login page" not in logged_in.stdout + logged_in.stderr


def refused_for_good_by_an_older_reader(data_dir: Path, link: str) -> None:
    """The pictures of the article at `link` as a reader from before this fix left them: the
    web page's answer recorded as refused for good, the article owing none, no pass made."""
    store = Store(data_dir)
    try:
        key = article_key(link)
        records = store._load(store._articles, "pictures:" + key, {})
        for record in records.values():
            assert "(sent as text/html" in record["why"]
            record.pop("again", None)
            record.pop("pages", None)  # counted by readers since (`PAGE_SYNCS`)
        store._save(store._articles, "pictures:" + key, records)
        store._articles.delete(PICTURES_OWED + key)
        store._state.delete("pictures-owed-marked-pages")
    finally:
        store.close()


def test_pictures_an_older_reader_refused_for_a_web_page_come_with_the_next_sync(
    data_dir: Path, hotel: Hotel
) -> None:
    subscribed(data_dir, hotel.feed)
    hotel.catching.set()
    run_reader(data_dir, "sync")
    refused_for_good_by_an_older_reader(data_dir, hotel.link)
    hotel.catching.clear()
    logged_in = run_reader(data_dir, "sync")
    assert logged_in.returncode == 0, logged_in.stderr
    assert kept(data_dir, hotel.link) == {"lead.png": True, "crane.jpg": True}


def test_pictures_a_login_page_answered_for_several_syncs_still_come(
    data_dir: Path, hotel: Hotel
) -> None:
    subscribed(data_dir, hotel.feed)
    hotel.catching.set()
    for _ in range(PAGE_SYNCS + 1):
        caught = run_reader(data_dir, "sync")
        assert "(the next sync fetches them)" in caught.stdout + caught.stderr
    hotel.catching.clear()
    logged_in = run_reader(data_dir, "sync")
    assert logged_in.returncode == 0, logged_in.stderr
    assert kept(data_dir, hotel.link) == {"lead.png": True, "crane.jpg": True}


NOT_FOUND = (
    "<!doctype html><html><head><title>Page not found - Port News</title></head><body>"
    "<h1>Sorry, we couldn't find that page</h1><p>Try the search box or the home page.</p>"
    "</body></html>"
)


def test_a_sites_own_not_found_page_for_a_picture_is_owed_for_some_syncs_alone(
    data_dir: Path,
) -> None:
    with own_http_server() as site:
        # The picture is gone: the site answers with its own page, as 200 (a soft 404).
        gone = Response(NOT_FOUND, content_type="text/html")
        feed, link = serve_crane(site, lambda request: gone)
        subscribed(data_dir, feed)
        for number in range(1, PAGE_SYNCS + 2):
            synced = run_reader(data_dir, "sync")
            assert synced.returncode == 0, synced.stderr
            said = synced.stdout + synced.stderr
            owed = "1 article without their pictures (the next sync fetches them)" in said
            assert owed == (number < PAGE_SYNCS), (number, said)
            assert asked(site, "/crane.jpg") == min(number, PAGE_SYNCS)
        assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": False}
        shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
        (crane,) = (p for p in json.loads(shown.stdout)["pictures"] if not p["kept"])
        assert "(sent as text/html)" in crane["why"], crane
