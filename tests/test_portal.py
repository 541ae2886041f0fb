"""A Wi-Fi login page ("captive portal") answering in every page's place: a sync, an article
opened or the reader's prefetch caches none of it, says so in one line, and keeps what was
cached before; back on the real network, the next sync fetches the articles."""

from __future__ import annotations

import asyncio
import http.server
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from reader.cli import main
from reader.library import Library
from reader.models import Article, ErrorKind, FetchError
from reader.reports import FeedResult
from tests.tui_pilot import running, table, until

PORTAL = """<!DOCTYPE html><html><head><title>Welcome to Harbourside Free WiFi</title></head>
<body><div class="portal"><h1>Welcome to Harbourside Free WiFi</h1>
<p>To get online, please accept the terms and conditions below. Free access is limited to
forty minutes per day per device, after which you may buy a day pass at the desk.</p>
<p>By connecting you agree to our acceptable use policy. We may collect information about
your device to provide the service and to improve it for every guest of the terminal.</p>
<form action="/login" method="post"><input type="checkbox" name="accept"> I accept
<button>Connect</button></form></div></body></html>"""

SIGN_IN = """<!DOCTYPE html><html><head><title>Sign in to your Quay Media account</title></head>
<body><main><h1>Sign in to keep reading</h1><p>One account for every paper of the group.</p>
<form action="/session" method="post"><input type="email" name="email">
<input type="password" name="password"><button>Continue</button></form></main></body></html>"""

_ASKED = 0


def portal_with_token(asked: str) -> str:
    """The login page as most networks send it: a fresh token in a hidden field, the address
    asked for echoed in the form's address, a hidden field and a line, and the time."""
    global _ASKED
    _ASKED += 1
    token = f"{_ASKED:08x}{id(asked):x}"
    return PORTAL.replace(
        '<form action="/login" method="post">',
        f'<form action="/login?continue={asked}" method="post">'
        f'<input type="hidden" name="csrf" value="{token}">'
        f'<input type="hidden" name="orig" value="{asked}">',
    ).replace(
        "</div></body>",
        f"<p>You asked for {asked}. Session {token[:8]}, 16:{_ASKED % 60:02d}:07.</p></div></body>",
    )


def portal_echoing_path(path: str, host: str = "") -> str:
    """The login page echoing the path asked for without its scheme (acc46b A3): alone
    ("requested /ferry.html"), or after its host ("127.0.0.1:8701/ferry.html")."""
    global _ASKED
    _ASKED += 1
    return PORTAL.replace(
        "</div></body>", f"<p>Session {_ASKED:09d} · requested {host}{path}</p></div></body>"
    )


def big_portal_with_token(asked: str) -> str:
    """The login page with a token, past 32 KB as many are: its CSS framework, its logo (a
    `data:` picture) and an icon (an SVG) inline (acc42c C12's leftover)."""
    rules = "".join(f".c{n}{{margin:{n}px auto;padding:4px 8px;color:#0a5}}" for n in range(900))
    logo = "<img alt='Harbourside' src='data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUg" * 500
    icon = "<svg viewBox='0 0 24 24'>" + "<path d='M12 2L2 7l10 5 10-5-10-5z'/>" * 60
    return (
        portal_with_token(asked)
        .replace("</head>", f"<style>{rules}</style></head>")
        .replace("<body>", f"<body>{logo}'>{icon}</svg>")
    )


def big_portal_in_capitals(asked: str) -> str:
    """The big login page as older portal kits write its tags: `<STYLE>`, `<SVG>`."""
    page = (
        big_portal_with_token(asked).replace("<style>", "<STYLE>").replace("</style>", "</STYLE>")
    )
    return page.replace("<svg", "<SVG").replace("</svg>", "</SVG>")


def big_portal_with_script(asked: str) -> str:
    """The big login page with its script framework inline too (40 KB of it)."""
    script = "".join(f"function f{n}(a){{return a*{n}+1;}}" for n in range(1500))
    return big_portal_with_token(asked).replace("</head>", f"<Script>{script}</Script></head>")


BIG_PORTALS = {
    "big-token": big_portal_with_token,
    "big-token-capitals": big_portal_in_capitals,
    "big-token-script": big_portal_with_script,
}
"""The login pages past 32 KB carrying a token, by the shape `_Handler` answers with."""


STORIES = {
    "/ferry.html": ("Ferry timetable cut for winter", "The island ferry will sail twice a day"),
    "/school.html": ("School roof repaired before term", "Builders finished the school roof"),
    "/lifeboat.html": ("Lifeboat crew rescues two walkers", "The lifeboat crew were called out"),
}


def story_page(title: str, lede: str) -> str:
    paragraphs = "".join(
        f"<p>{lede} on a {day} of the season, the harbour office said in a statement read out at "
        f"the quay, and passengers were asked to check the board before they travel.</p>"
        for day in ("Monday", "Wednesday", "Friday")
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Quay Gazette</title></head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def quay_items(url: Callable[[str], str]) -> str:
    """The RSS items of `STORIES`, each at the address `url` makes of its path."""
    return "".join(
        f"<item><title>{title}</title><link>{url(path)}</link><guid>{path}</guid>"
        f"<description>{lede}, the feed says.</description></item>"
        for path, (title, lede) in STORIES.items()
    )


class QuaySite(http.server.ThreadingHTTPServer):
    """A news site on 127.0.0.1; `portal` makes every answer the login page ("page"), or a 302
    to it first ("redirect"), as airport and hotel networks do before one logs in; or, its
    feed answered, a 302 to `login` on another host, keeping the address ("orig")."""

    portal = ""
    login = ""  # the network's login page `portal` "orig" sends every page but the feed on to
    asked: list[str]
    # The paths a publisher group's sign-in page (at `login`) stands before, the others read
    # as ever; and how long the others take to come.
    walled: frozenset[str] = frozenset()
    slow = 0.0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def feed(self) -> str:
        items = quay_items(self.url)
        items += (
            f"<item><title>Harbour master resigns</title><link>{self.url('/gone.html')}</link>"
            "<guid>gone</guid><description>The harbour master has resigned.</description></item>"
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title>'
            f"{items}</channel></rss>"
        )

    def twice(self) -> str:
        """One story listed twice, at the two addresses the site serves it at."""
        title = STORIES["/ferry.html"][0]
        items = "".join(
            f"<item><title>{title}</title><link>{self.url(path)}</link><guid>{path}</guid></item>"
            for path in ("/ferry.html", "/world/ferry.html")
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title>'
            f"{items}</channel></rss>"
        )

    def live_feed(self) -> str:
        """A live blog's entries, each linking to the blog's one page with a query of its own
        and headlined as the entry, not as the page."""
        items = "".join(
            f"<item><title>{title}</title><link>{self.url(f'/live.html?block={n}')}</link>"
            f"<guid>live-{n}</guid></item>"
            for n, (title, _) in enumerate(STORIES.values())
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette live</title>'
            f"{items}</channel></rss>"
        )


LIVE = ("Storm Idris live: gales close the quay", "Gusts of ninety miles an hour reached the quay")


class _Handler(http.server.BaseHTTPRequestHandler):
    server: QuaySite

    def do_GET(self) -> None:
        self.server.asked.append(self.path)
        if self.server.portal in ("orig", "page-after-feeds"):
            # After the feeds came: to the network's own login server, the address kept.
            if self.path == "/feed.xml":
                self._send(200, "application/rss+xml", self.server.feed())
                return
            if self.server.portal == "page-after-feeds":
                self._send(200, "text/html; charset=utf-8", PORTAL)
                return
            asked = quote(self.server.url(self.path), safe="")
            self.send_response(302)
            self.send_header("Location", f"{self.server.login}?orig={asked}&sid={len(asked)}")
            self.end_headers()
            return
        if self.path in self.server.walled:
            asked = quote(self.server.url(self.path), safe="")
            self.send_response(302)
            self.send_header("Location", f"{self.server.login}?client=quay&return={asked}")
            self.end_headers()
            return
        if self.server.portal == "sign-in":
            self._send(200, "text/html; charset=utf-8", SIGN_IN)
            return
        if self.path in STORIES:
            time.sleep(self.server.slow)
        if self.server.portal == "redirect" and self.path != "/portal":
            self.send_response(302)
            self.send_header("Location", "/portal")
            self.end_headers()
            return
        if self.path == "/r/ferry" and not self.server.portal:  # a tracker's link
            self.send_response(301)
            self.send_header("Location", "/ferry.html")
            self.end_headers()
        elif self.server.portal == "token":
            self._send(
                200, "text/html; charset=utf-8", portal_with_token(self.server.url(self.path))
            )
        elif self.server.portal in ("path", "host-path"):
            host = self.headers["Host"] if self.server.portal == "host-path" else ""
            self._send(200, "text/html; charset=utf-8", portal_echoing_path(self.path, host))
        elif self.server.portal in BIG_PORTALS:
            page = BIG_PORTALS[self.server.portal](self.server.url(self.path))
            self._send(200, "text/html; charset=utf-8", page)
        elif self.server.portal == "511":  # RFC 6585's status for a network's login page
            self._send(511, "text/html; charset=utf-8", PORTAL)
        elif self.server.portal:
            self._send(200, "text/html; charset=utf-8", PORTAL)
        elif self.path == "/feed.xml":
            self._send(200, "application/rss+xml", self.server.feed())
        elif self.path == "/twice.xml":
            self._send(200, "application/rss+xml", self.server.twice())
        elif self.path == "/live.xml":
            self._send(200, "application/rss+xml", self.server.live_feed())
        elif self.path.startswith("/live.html?block="):  # one page, whatever the entry
            self._send(200, "text/html; charset=utf-8", story_page(*LIVE))
        elif self.path == "/world/ferry.html":  # the same story under another section
            self._send(200, "text/html; charset=utf-8", story_page(*STORIES["/ferry.html"]))
        elif self.path in STORIES:
            self._send(200, "text/html; charset=utf-8", story_page(*STORIES[self.path]))
        else:
            self._send(404, "text/html", "<html><body>File not found</body></html>")

    def _send(self, status: int, content_type: str, text: str) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _quay_site() -> Iterator[QuaySite]:
    server = QuaySite(("127.0.0.1", 0), _Handler)
    server.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site() -> Iterator[QuaySite]:
    yield from _quay_site()


def _run(directory: Path, *argv: str) -> int:
    return main(["--data-dir", str(directory), *argv])


def _opening(article: Article | None) -> str:
    return article.blocks[0].text[:60] if article is not None and article.blocks else ""


async def _cached(directory: Path) -> dict[str, str]:
    """Each headline's cached article text (its first 60 characters), "" when not cached."""
    async with Library(directory) as lib:
        return {h.entry.title: _opening(lib.cached_article(h.entry)) for h in lib.headlines()}


async def _gone_reason(directory: Path) -> str:
    async with Library(directory) as lib:
        return lib.store.last_failure(next(u for u in _links(lib) if "gone" in u)) or ""


def _links(lib: Library) -> list[str]:
    return [h.entry.link for h in lib.headlines()]


def _cache_ferry_only(site: QuaySite, data_dir: Path) -> None:
    """Headlines known, the ferry story cached, the others not yet (an interrupted sync)."""
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0

    async def one() -> None:
        async with Library(data_dir) as lib:
            ferry = next(h.entry for h in lib.headlines() if h.entry.link.endswith("/ferry.html"))
            await lib.article(ferry)
            gone = next(h.entry for h in lib.headlines() if h.entry.link.endswith("/gone.html"))
            with pytest.raises(FetchError):
                await lib.article(gone)

    asyncio.run(one())


@pytest.mark.parametrize("shape", ["page", "redirect"])
def test_a_sync_behind_a_login_page_caches_none_of_it_and_says_so_once(
    site: QuaySite, data_dir: Path, shape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _cache_ferry_only(site, data_dir)
    before = asyncio.run(_cached(data_dir))
    assert before["Ferry timetable cut for winter"].startswith("The island ferry")
    capsys.readouterr()

    site.portal = shape
    assert _run(data_dir, "sync") == 1
    err = capsys.readouterr().err
    said = "the network answered with a login page (Welcome to Harbourside Free WiFi): log in and sync again"
    assert err.count(said) == 1
    assert "feed failed" not in err and "article failed" not in err
    # The page is the one failure: the summary and its last line agree that the articles it
    # answered for were not fetched (acc29b T16: "161 failed", then "1 failed").
    assert re.search(r", 0 failed$", err, re.MULTILINE), err
    assert re.search(
        r"^not readable offline: \d+ not fetched \(a login page answered\)", err, re.M
    ), err
    assert asyncio.run(_cached(data_dir)) == before  # nothing cached from it, nothing lost
    assert asyncio.run(_gone_reason(data_dir)).startswith("HTTP 404")  # not the login page's

    site.portal = ""
    assert _run(data_dir, "sync") == 0  # the 404 story is named once, as taken down
    after = asyncio.run(_cached(data_dir))
    assert after["School roof repaired before term"].startswith("Builders finished the school")
    assert after["Lifeboat crew rescues two walkers"].startswith("The lifeboat crew")
    assert after["Ferry timetable cut for winter"] == before["Ferry timetable cut for winter"]


def test_articles_opened_one_by_one_behind_a_login_page_are_not_cached(
    site: QuaySite, data_dir: Path
) -> None:
    """No feed fetched to give it away (the reader opened on headlines already known): the
    first article's answer alone is a page to accept terms, not cached (`login_page`); the
    second article given the same page shows it for the network's login page."""
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0
    site.portal = "page"

    async def open_two() -> tuple[bool, FetchError, list[str]]:
        async with Library(data_dir) as lib:
            entries = {h.entry.link.rsplit("/", 1)[1]: h.entry for h in lib.headlines()}
            with pytest.raises(FetchError) as first:  # nothing to compare it with yet
                await lib.article(entries["ferry.html"])
            assert first.value.kind == ErrorKind.SIGN_IN
            assert first.value.message == (
                "the site asks you to accept its terms (Welcome to Harbourside Free WiFi)"
            )
            with pytest.raises(FetchError) as second:
                await lib.article(entries["school.html"])
            with pytest.raises(FetchError) as again:
                await lib.article(entries["ferry.html"])
            return (
                again.value.kind == ErrorKind.PORTAL,
                second.value,
                [h.entry.title for h in lib.headlines() if h.cached],
            )

    again, second, cached = asyncio.run(open_two())
    assert second.kind == ErrorKind.PORTAL and "Harbourside Free WiFi" in second.message
    assert again and cached == []


def test_links_that_lead_to_one_article_are_no_login_page(site: QuaySite, data_dir: Path) -> None:
    """Two feed items whose links (a tracker's, the site's own) end at one page: the same page
    twice is that article, cached for both."""

    async def both() -> list[str]:
        async with Library(data_dir) as lib:
            ferry = site.url("/ferry.html")
            first = await lib.article(ferry)
            second = await lib.article(site.url("/r/ferry"))
            return [first.title, second.title]

    assert asyncio.run(both()) == ["Ferry timetable cut for winter"] * 2


def test_the_readers_prefetch_behind_a_login_page_caches_none_of_it(
    site: QuaySite, data_dir: Path
) -> None:
    """The reader opened on the headlines, no key pressed: its prefetch of the uncached
    articles meets the login page, marks none of them cached, and says why."""
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0
    site.portal = "page"

    async def opened() -> tuple[str, list[bool]]:
        async with running(data_dir, (100, 20)) as (app, pilot):
            await until(pilot, lambda: "login page" in app.status, "the prefetch's end")
            return app.status, [h.cached for h in table(app).rows]

    status, marks = asyncio.run(opened())
    assert status.startswith("The network answered with a login page (Welcome to Harbourside")
    assert marks == [False] * 4
    assert set(asyncio.run(_cached(data_dir)).values()) == {""}
    assert len(site.asked) >= 2  # it did ask


def test_one_story_at_two_addresses_is_no_login_page(site: QuaySite, data_dir: Path) -> None:
    """The same page, byte for byte, at two addresses, titled as the headlines: that story."""

    async def synced() -> tuple[str, int, list[bool]]:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url("/twice.xml"))
            report = await lib.sync()
            return report.portal, report.articles_fetched, [h.cached for h in lib.headlines()]

    assert asyncio.run(synced()) == ("", 2, [True, True])


def test_a_live_blogs_entries_at_one_page_are_no_login_page(site: QuaySite, data_dir: Path) -> None:
    """A live blog's feed: each entry links to the blog's one page with a query of its own
    ("live.html?block=1"), its headline the entry's, not the page's title. The same page for
    each is the blog, cached for every entry; it was taken for a login page, nothing cached."""

    async def synced() -> tuple[str, int, list[bool]]:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url("/live.xml"))
            report = await lib.sync()
            return report.portal, report.articles_fetched, [h.cached for h in lib.headlines()]

    assert asyncio.run(synced()) == ("", 3, [True, True, True])


def test_a_login_page_a_sync_found_is_named_so_by_show_add_and_a_refresh_after(
    site: QuaySite, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A portal answering in place (same address): the sync tells it by every page being one;
    `reader show`, `reader add` and the reader's refresh, run minutes later, see one page
    alone, and name it as the sync did rather than blaming the site, or calling it no feed."""
    _cache_ferry_only(site, data_dir)
    site.portal = "page"
    assert _run(data_dir, "sync") == 1
    capsys.readouterr()
    said = "the network answered with a login page (Welcome to Harbourside Free WiFi)"

    school = site.url("/school.html")
    assert _run(data_dir, "show", school) == 1
    err = capsys.readouterr().err
    assert said in err and "terms" not in err, err

    asked = len(site.asked)
    assert _run(data_dir, "add", site.url("/new/feed.xml")) == 1
    err = capsys.readouterr().err
    assert said in err and "not a feed" not in err, err
    assert len(site.asked) == asked + 1  # no well-known address looked for through it

    async def opened() -> str:
        from reader.ui.app import ReaderApp

        app = ReaderApp(data_dir)  # refreshes on opening: the hotel guest's first line
        app.prefetch_limit = 0
        async with app.run_test(size=(160, 20)) as pilot:
            await until(pilot, lambda: app.status.startswith("The network"), "the refresh's end")
            return app.status

    assert asyncio.run(opened()).startswith(said[0].upper() + said[1:])


@pytest.fixture
def other_site() -> Iterator[QuaySite]:
    """A second site (another port: another host to the reader), as a hotel guest follows."""
    yield from _quay_site()


@pytest.mark.parametrize("command", ["refresh", "sync"])
def test_feeds_a_login_page_answered_for_are_not_marked_failing(
    site: QuaySite, other_site: QuaySite, data_dir: Path, command: str
) -> None:
    """A hotel's login page answering both sites' feeds: the refresh says so in its line, and
    no feed is marked failing (`!`) for it, the first one's "not a feed" included, which came
    before the page was known for a login page. Back on the real network, they refresh."""

    async def refreshed() -> tuple[list[FeedResult], dict[str, str | None]]:
        async with Library(data_dir) as lib:
            if command == "sync":
                results = list((await lib.sync(articles=False)).feeds)
            else:
                results = await lib.refresh()
            return results, {f.url: f.last_error for f in lib.feeds()}

    for each in (site, other_site):
        assert _run(data_dir, "add", each.url("/feed.xml")) == 0
    site.portal = other_site.portal = "page"
    results, errors = asyncio.run(refreshed())
    assert all(r.error is not None for r in results)
    assert any(r.error and r.error.kind == ErrorKind.PORTAL for r in results)
    assert errors == {site.url("/feed.xml"): None, other_site.url("/feed.xml"): None}
    site.portal = other_site.portal = ""
    results, errors = asyncio.run(refreshed())
    assert [r.error for r in results] == [None, None]


def test_a_web_page_in_one_feeds_place_is_still_its_failure(
    site: QuaySite, other_site: QuaySite, data_dir: Path
) -> None:
    """One site answering its feed's address with a web page (its own, not the others'):
    held until the refresh knows no login page answered for every site, then kept on it."""

    async def refreshed() -> dict[str, str | None]:
        async with Library(data_dir) as lib:
            await lib.refresh()
            return {f.url: f.last_error for f in lib.feeds()}

    for each in (site, other_site):
        assert _run(data_dir, "add", each.url("/feed.xml")) == 0
    site.portal = "page"  # one site's own page, answered only for its own feed
    errors = asyncio.run(refreshed())
    assert errors[other_site.url("/feed.xml")] is None
    assert errors[site.url("/feed.xml")], errors
