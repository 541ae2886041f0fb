"""A page to sign in or accept terms in the article's place is never cached as the article,
whatever address it came from (`login_page.refuse_sign_in_page`): the fetch fails saying who
asks what, the headline is not marked cached and shows what its feed carried, what was cached
before stays, and the next sync, the sign-in gone, caches the story. Pages that only carry a
form (a newsletter's, a header's log-in box, a wall under a story's start) stay articles."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.library import Library
from reader.models import ErrorKind, FetchError
from tests.sign_in_site import PARAGRAPHS, Site
from tests.tui_pilot import open_titled, running, table

SAID = {
    "/story3.html": "the site asks you to sign in (Sign in – Daily Example)",
    "/story6.html": "localhost asks you to sign in (Example ID – Log in)",
    "/members/story4.html": "the site asks you to sign in (Members only – Daily Example)",
    "/story5.html": "the site asks you to accept its terms (Before you continue)",
}


@pytest.fixture
def site() -> Iterator[Site]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield Site(server)
    server.clear()
    if server.is_running():
        server.stop()


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


async def _cached(data_dir: Path) -> dict[str, bool]:
    """Each headline's title, and whether its article is marked cached."""
    async with Library(data_dir) as lib:
        return {h.entry.title: h.cached for h in lib.headlines()}


@pytest.mark.parametrize("path", list(SAID))
def test_reader_show_of_a_story_behind_a_sign_in_fails_and_caches_nothing(
    site: Site, data_dir: Path, path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    link = site.url(path)
    assert _run(data_dir, "show", link) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [f"reader: {SAID[path]}"]
    assert captured.out == ""
    assert _run(data_dir, "save", link) == 1
    assert SAID[path] in capsys.readouterr().err

    async def kept() -> tuple[bool, list[str]]:
        async with Library(data_dir) as lib:
            return lib.cached_article(link) is not None, [h.entry.link for h in lib.headlines()]

    assert asyncio.run(kept()) == (False, [])

    site.signing_in = False  # signed in, or the network's sign-in passed
    assert _run(data_dir, "show", link) == 0
    assert PARAGRAPHS[path][1][:40] in capsys.readouterr().out


def test_a_sync_counts_them_failed_with_why_and_the_next_one_caches_them(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0
    capsys.readouterr()
    assert _run(data_dir, "sync") == 1
    err = capsys.readouterr().err
    for path, said in SAID.items():
        title = PARAGRAPHS[path][0]
        assert f"article failed: {title} <{site.url(path)}>: {said}" in err
    assert "0 articles cached for offline, 0 already cached, 4 failed" in err
    assert "network" not in err  # one page for one story each: no Wi-Fi login page
    assert asyncio.run(_cached(data_dir)) == {PARAGRAPHS[p][0]: False for p in PARAGRAPHS}

    async def offline_reason() -> str:
        async with Library(data_dir) as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.link.endswith("story5.html"))
            with pytest.raises(FetchError) as caught:
                await lib.article(entry, offline=True)
            return caught.value.message

    assert SAID["/story5.html"] in asyncio.run(offline_reason())

    async def first_id() -> str:
        async with Library(data_dir) as lib:
            return next(h.entry.id for h in lib.headlines() if h.entry.link.endswith("story3.html"))

    assert _run(data_dir, "show", asyncio.run(first_id())) == 1
    shown = capsys.readouterr()
    assert f"{SAID['/story3.html']}; showing the text the feed carried" in shown.err
    assert PARAGRAPHS["/story3.html"][1] in shown.out

    site.signing_in = False
    assert _run(data_dir, "sync") == 0
    assert "4 articles cached for offline, 0 already cached, 0 failed" in capsys.readouterr().err
    assert asyncio.run(_cached(data_dir)) == {PARAGRAPHS[p][0]: True for p in PARAGRAPHS}


def test_what_was_cached_stays_when_a_sign_in_answers_later(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cached, then the sign-in stands in front: a story its feed says was updated is fetched
    again and the copy stays; re-extracted, opened, shown, it is the story still."""
    site.signing_in = False
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0
    assert _run(data_dir, "sync") == 0
    capsys.readouterr()

    site.signing_in = True
    site.updated = True
    asked = len(site.server.log)
    assert _run(data_dir, "sync") == 0
    err = capsys.readouterr().err
    assert "0 failed" in err and "updated" not in err  # none replaced
    again = {request.path for request, _ in site.server.log[asked:]}
    assert set(SAID) <= again  # each was asked for again
    assert _run(data_dir, "reextract", "--all") == 0
    for path in SAID:
        assert _run(data_dir, "show", site.url(path)) == 0
        assert PARAGRAPHS[path][2][:40] in capsys.readouterr().out
    assert asyncio.run(_cached(data_dir)) == {PARAGRAPHS[p][0]: True for p in PARAGRAPHS}


def test_opening_one_in_the_reader_shows_why_and_the_feeds_text(site: Site, data_dir: Path) -> None:
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0

    async def opened() -> tuple[str, bool]:
        async with running(data_dir, (110, 30), prefetch=False) as (app, pilot):
            body = await open_titled(pilot, "Harbour bridge reopens")
            shown = body.text
            await pilot.press("escape")
            row = next(h for h in table(app).rows if h.entry.link.endswith("/story3.html"))
            return shown, row.cached

    shown, cached = asyncio.run(opened())
    assert "The site asks you to sign in (Sign in – Daily Example)" in shown
    assert "this is the text the feed carried" in shown
    assert PARAGRAPHS["/story3.html"][1][:40] in shown  # the feed's description
    assert "Keep me signed in" not in shown
    assert not cached
    assert not asyncio.run(_cached(data_dir))["Harbour bridge reopens after repairs"]


def test_a_story_with_a_form_is_still_the_story(site: Site, data_dir: Path) -> None:
    """A short story with a newsletter's sign-up under it (a box to tick), a declared brief
    under the site's log-in box, a story for subscribers whose first paragraphs are there with
    the wall's sign-in form under them: each cached as itself."""

    async def read() -> list[tuple[str, bool, int]]:
        async with Library(data_dir) as lib:
            found = []
            for path in ("/pier.html", "/brief.html", "/shipyard.html"):
                article = await lib.article(site.url(path))
                found.append((article.title, article.in_part, article.word_count))
            return found

    (pier, brief, shipyard) = asyncio.run(read())
    assert pier[:2] == ("Pier lights switched on", False) and pier[2] > 30
    assert brief[:2] == ("Beach car park closed", False)
    assert shipyard[:2] == ("Shipyard wins order for two ferries", True) and shipyard[2] > 40


def test_the_paywalled_storys_feed_text_stands_in_as_before(tmp_path: Path) -> None:
    """Today's partial path: the feed carries more than the page's first paragraphs, and the
    story is cached from it, marked in part."""
    from tests.sign_in_site import PAYWALLED

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        link = server.url_for("/shipyard.html")
        server.expect_request("/shipyard.html").respond_with_data(
            PAYWALLED, content_type="text/html; charset=utf-8"
        )
        text = " ".join(["The yard will build both boats in its covered hall."] * 30)
        server.expect_request("/feed.xml").respond_with_data(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Example</title>'
            f"<item><title>Shipyard wins order for two ferries</title><link>{link}</link>"
            f"<description>{text}</description></item></channel></rss>",
            content_type="application/rss+xml",
        )

        async def synced() -> tuple[bool, bool, str]:
            async with Library(tmp_path / "data") as lib:
                lib.add_feed(server.url_for("/feed.xml"))
                await lib.sync()
                (headline,) = lib.headlines()
                article = lib.cached_article(headline.entry)
                assert article is not None
                return headline.cached, article.partial, article.title

        assert asyncio.run(synced()) == (True, True, "Shipyard wins order for two ferries")
    finally:
        server.clear()
        server.stop()


def test_a_sign_in_is_a_failure_a_later_try_may_mend() -> None:
    from reader.library.failures import _may_come_later
    from reader.models import FEED_TEXT_STANDS_IN

    error = FetchError(ErrorKind.SIGN_IN, "the site asks you to sign in")
    assert _may_come_later(error) and error.kind in FEED_TEXT_STANDS_IN


EMAIL_FIRST = """<!doctype html><html><head><title>Coastline Media Account</title></head><body>
<main><h1>Welcome back</h1><p>Use your Coastline Media account to continue to The Harbour Post.</p>
<form method="post" action="/sso/identifier"><label for="e">Email address</label>
<input id="e" type="email" name="username"><button type="submit">Continue</button></form>
<p><a href="/sso/google">Continue with Google</a> · <a href="/sso/apple">Continue with Apple</a></p>
</main></body></html>"""


def test_an_identity_providers_email_first_step_is_a_sign_in(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc42c C16: the story sent on to another site's sign-in step (OAuth's `authorize`, an
    address asked first, the password on the next page) was "no article text found"."""
    port = httpserver.port
    story = f"http://127.0.0.1:{port}/news/sso-story"
    back = f"redirect_uri={story}&client_id=harbourpost&response_type=code&state=xyz"
    httpserver.expect_request("/news/sso-story").respond_with_data(
        "", status=302, headers={"Location": f"http://localhost:{port}/sso/authorize?{back}"}
    )
    httpserver.expect_request("/sso/authorize").respond_with_data(
        EMAIL_FIRST, content_type="text/html; charset=utf-8"
    )
    assert _run(data_dir, "show", story) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "reader: localhost asks you to sign in (Coastline Media Account)"
    ]
