"""A Wi-Fi login page told from one answer: an article's address sent on to another site's
login form, with nothing else fetched to compare it with (`reader show URL`, the first article
opened), is not cached. Two hosts: the news site on 127.0.0.1, the other site on localhost."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.models import ErrorKind, FetchError

LOGIN = """<!DOCTYPE html><html><head><title>Marina Guest Internet</title></head><body>
<div class="splash"><img src="/logo.png" alt="Marina Guest Internet">
<h2>Welcome aboard</h2><p>Enjoy two hours of free internet on the quay. Please read and accept
the terms of use to continue; access is for guests of the marina only, and a day pass for more
can be bought at the harbour office during its opening hours.</p>
<p>By connecting you agree that the marina may record the address of your device to run the
service, and that streaming video may be slowed at busy times so every berth gets a fair share.</p>
<form method="post" action="/auth"><label><input type="checkbox" name="tos"> I accept the terms
of use</label><input type="text" name="email" placeholder="E-mail"><input type="submit"
value="Connect"></form></div></body></html>"""

# The publisher's own sign-in page, which keeps the story's address to come back to.
SIGN_IN = """<!DOCTYPE html><html><head><title>Sign in | Quay Gazette</title></head><body>
<h1>Sign in to keep reading</h1><form action="/account/session" method="post">
<input type="email" name="email"><input type="password" name="password">
<button>Sign in</button></form></body></html>"""

PARAGRAPH = (
    "<p>The island ferry will sail twice a day from the first of the month, the harbour office "
    "said on {day}, after a winter of cancelled crossings and a shortage of deck crew that left "
    "the afternoon boat tied up at the quay for most of November.</p>"
)


def story(title: str, days: tuple[str, ...] = ("Monday", "Tuesday", "Friday")) -> str:
    paragraphs = "".join(PARAGRAPH.format(day=day) for day in days)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Quay Gazette</title></head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


# A short story sent on to the publisher's other domain, with a newsletter form under it.
BRIEF = (
    '<!DOCTYPE html><html><head><title>Slipway closed | Quay Gazette</title><meta property="og:type"'
    ' content="article"></head><body><article><h1>Slipway closed</h1><p>The east slipway is closed '
    "until Friday for repairs.</p></article><form action=/subscribe><label><input type=checkbox "
    "name=ok> I agree to receive the morning newsletter</label><input type=email name=e>"
    "<button>Sign up</button></form></body></html>"
)


class Hosts:
    """The news site (127.0.0.1) and another site (localhost): `portal` sends every address
    of the news site but its feed to the other site's login page, as a hotel network does."""

    def __init__(self) -> None:
        self.portal: bool | str = False  # "everything": the feed too
        self.news = self._serve(self._news)
        self.other = self._serve(self._other)

    def news_url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.news.server_address[1]}{path}"

    def other_url(self, path: str) -> str:
        return f"http://localhost:{self.other.server_address[1]}{path}"

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{title}</title><link>{self.news_url(path)}</link><guid>{path}</guid>"
            "</item>"
            for path, title in (
                ("/2026/12/ferry-timetable.html", "Ferry timetable cut for winter"),
                ("/2026/12/school-roof.html", "School roof repaired before term"),
            )
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>{items}</channel></rss>'

    def _news(self, path: str) -> tuple[int, str, str]:
        if path == "/feed.xml" and self.portal != "everything":
            return 200, "application/rss+xml", self.feed()
        if self.portal:
            return 302, self.other_url("/login?session=8f3a2c&zone=quay"), ""
        redirects = {
            "/r/ferry": "/2026/12/ferry-timetable.html",  # a tracker's link to the article
            "/members/ferry": "/account/login?return=%2F2026%2F12%2Fferry-timetable.html",
            "/brief": "/brief/slipway.html",
        }
        if path in redirects:
            return 302, self.other_url(redirects[path]), ""
        if path == "/2026/12/ferry-timetable.html":
            return 200, "text/html; charset=utf-8", story("Ferry timetable cut for winter")
        if path == "/2026/12/school-roof.html":
            return 200, "text/html; charset=utf-8", story("School roof repaired before term")
        return 404, "text/html", "<html><body>Not found</body></html>"

    def _other(self, path: str) -> tuple[int, str, str]:
        pages = {
            "/login": LOGIN,
            "/2026/12/ferry-timetable.html": story("Ferry timetable cut for winter"),
            "/account/login": SIGN_IN,
            "/brief/slipway.html": BRIEF,
        }
        page = pages.get(path.split("?", 1)[0])
        if page is None:
            return 404, "text/html", "<html><body>Not found</body></html>"
        return 200, "text/html; charset=utf-8", page

    def _serve(self, answer: object) -> http.server.ThreadingHTTPServer:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, content_type, text = answer(self.path)  # type: ignore[operator]
                body = text.encode()
                self.send_response(status)
                if status == 302:
                    self.send_header("Location", content_type)
                else:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def close(self) -> None:
        for server in (self.news, self.other):
            server.shutdown()
            server.server_close()


@pytest.fixture
def hosts() -> Iterator[Hosts]:
    both = Hosts()
    yield both
    both.close()


def test_an_article_sent_to_another_sites_login_page_is_not_cached(
    hosts: Hosts, data_dir: Path
) -> None:
    """The first article opened, its feed known from before: the login page is refused at
    once, and the next article the same page answers for is too."""

    async def opened() -> tuple[list[FetchError], list[bool]]:
        async with Library(data_dir) as lib:
            lib.add_feed(hosts.news_url("/feed.xml"))
            await lib.refresh()
            hosts.portal = True
            errors = []
            for headline in lib.headlines():
                with pytest.raises(FetchError) as caught:
                    await lib.article(headline.entry)
                errors.append(caught.value)
            return errors, [h.cached for h in lib.headlines()]

    errors, cached = asyncio.run(opened())
    assert [e.kind for e in errors] == [ErrorKind.PORTAL, ErrorKind.PORTAL]
    assert "login page (Marina Guest Internet)" in errors[0].message
    assert cached == [False, False]

    hosts.portal = False  # logged in: the articles come

    async def again() -> list[str]:
        async with Library(data_dir) as lib:
            return [(await lib.article(h.entry)).title for h in lib.headlines()]

    assert sorted(asyncio.run(again())) == [
        "Ferry timetable cut for winter",
        "School roof repaired before term",
    ]


def test_reader_show_of_an_address_no_feed_has_behind_a_login_page(
    hosts: Hosts, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hosts.portal = True
    link = hosts.news_url("/2026/12/ferry-timetable.html")
    assert main(["--data-dir", str(data_dir), "show", link]) == 1
    err = capsys.readouterr().err
    assert "the network answered with a login page (Marina Guest Internet)" in err

    async def cached() -> bool:
        async with Library(data_dir) as lib:
            return lib.cached_article(link) is not None

    assert not asyncio.run(cached())


def test_other_sites_a_link_is_sent_to_are_no_login_page(hosts: Hosts, data_dir: Path) -> None:
    """A tracker's link to the article on another host, a publisher's sign-in page that keeps
    the story's address, a short story with a newsletter form: none is the network's login
    page (the sign-in page is no article either: `login_page.refuse_sign_in_page`)."""

    async def read() -> tuple[str, ErrorKind | None, str]:
        async with Library(data_dir) as lib:
            tracked = await lib.article(hosts.news_url("/r/ferry"))
            try:
                await lib.article(hosts.news_url("/members/ferry"))
                signed = None
            except FetchError as error:
                signed = error.kind
            brief = await lib.article(hosts.news_url("/brief"))
            return tracked.title, signed, brief.title

    tracked, signed, brief = asyncio.run(read())
    assert tracked == "Ferry timetable cut for winter"
    assert signed == ErrorKind.SIGN_IN
    assert brief == "Slipway closed"


def test_a_feed_sent_to_another_sites_login_page_says_so(
    hosts: Hosts, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One feed, no article to compare it with (`reader add`, `reader sync --no-articles`)."""
    hosts.portal = "everything"
    said = "the network answered with a login page (Marina Guest Internet)"
    assert main(["--data-dir", str(data_dir), "add", hosts.news_url("/feed.xml")]) == 1
    assert said in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 1
    assert said in capsys.readouterr().err
