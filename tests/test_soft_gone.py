"""A story the site has pulled without answering 404 (acc42c C1): its "not found" template
answered 200, or its address sent on to the home page or a section front. Taken as the 404
the site means: nothing cached, the feed's text shown, the next day's sync asks again. Its
other side: an article about something not found, and links a site sends on to the story
itself (its canonical address, a trailing "/", its AMP version's canonical, a section front a
feed links to on purpose), are cached as before. Served by pytest-httpserver on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.library import Library

PROSE = (
    "<p>Volunteers from the moorland rescue team searched through the night on {day}, the "
    "police said, and a helicopter crew joined them at first light before the mist came down "
    "again over the high ground north of the reservoir and the search was called off.</p>"
)

NOT_FOUND = """<!doctype html><html><head><title>Page not found | The Harbour Post</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header><main>
<h1>Sorry, we couldn't find that article</h1><p>The article you are looking for may have been
moved or deleted. Try searching our site or browse the latest news below.</p><ul>
<li><a href="/news/a">Council tax to rise by 4.99 per cent</a></li>
<li><a href="/news/b">New bus timetable starts Monday</a></li>
<li><a href="/news/c">Quay Street closed for resurfacing</a></li></ul></main>
<footer>© 2026 The Harbour Post</footer></body></html>"""


def article(title: str) -> str:
    paragraphs = "".join(PROSE.format(day=d) for d in ("Monday", "Tuesday", "Wednesday", "Friday"))
    return (
        f'<!doctype html><html lang="en"><head><title>{title} | The Harbour Post</title>'
        '<meta property="og:type" content="article"></head><body><main><article>'
        f"<h1>{title}</h1>{paragraphs}</article></main></body></html>"
    )


def front(title: str) -> str:
    """A section front: teasers, each a headline linking to its story and a line under it."""
    teasers = "".join(
        f'<article class="teaser"><h3><a href="/news/t{n}">{headline}</a></h3>'
        f"<p>{line}</p></article>"
        for n, (headline, line) in enumerate(
            [
                ("Harbour board delays dredging contract", "A new survey of the inner basin."),
                ("Ferry operator fined over sailings", "A third of the winter timetable cut."),
                ("Brickworks housing plan approved", "Plans for 340 homes approved on Wednesday."),
                ("Porthcarn lifeboat station saved", "The RNLI reversed its decision."),
                ("Storm leaves homes without power", "Crews restore supply on the peninsula."),
            ]
        )
    )
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>'
        '<meta property="og:type" content="website"></head><body><main><section>'
        f"<h2>Top stories</h2>{teasers}</section></main></body></html>"
    )


GONE = {
    "Quay Street traders win rates appeal": "/news/rates-appeal",
    "Councillor cleared of misconduct after standards hearing": "/news/removed-story",
    "Marina berth fees frozen for members": "/news/berth-fees",
}
KEPT = {
    "Missing walker not found after two-day search on the moor": "/news/walker",
    "Ferry timetable cut for winter sailings": "/news/ferry",
    "Lifeboat crew rescues two stranded walkers": "/amp/news/lifeboat",
    "School roof repaired before spring term": "/s/123",
    "Sport": "/sport",
}


def _serve(server: HTTPServer) -> str:
    def moved(path: str, to: str) -> None:
        server.expect_request(path).respond_with_data(
            "", status=301, headers={"Location": server.url_for(to)}
        )

    def page(path: str, html: str) -> None:
        server.expect_request(path).respond_with_data(html, content_type="text/html")

    page("/news/rates-appeal", NOT_FOUND)
    moved("/news/removed-story", "/")
    page("/", front("The Harbour Post | Local news for Eastquay and the peninsula"))
    moved("/news/berth-fees", "/news/")
    page("/news/", front("News | The Harbour Post"))
    page("/news/walker", article("Missing walker not found after two-day search on the moor"))
    moved("/news/ferry", "/news/ferry/")  # a trailing "/"
    page("/news/ferry/", article("Ferry timetable cut for winter sailings"))
    moved("/amp/news/lifeboat", "/2026/12/lifeboat-crew-rescues-walkers")  # AMP to canonical
    page(
        "/2026/12/lifeboat-crew-rescues-walkers",
        article("Lifeboat crew rescues two stranded walkers"),
    )
    moved("/s/123", "/2026/12/school-roof")  # a short link to the canonical address
    page("/2026/12/school-roof", article("School roof repaired before spring term"))
    moved("/sport", "/sport/")  # a section front the feed links to on purpose
    page("/sport/", front("Sport | The Harbour Post"))
    items = "".join(
        f"<item><title>{title}</title><link>{server.url_for(path)}</link><guid>{path}</guid>"
        f"<description>What the feed said of {path}.</description></item>"
        for title, path in {**GONE, **KEPT}.items()
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Harbour Post</title>'
        f"{items}</channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(rss, content_type="application/rss+xml")
    return server.url_for("/feed.xml")


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


async def _state(data_dir: Path) -> tuple[dict[str, str], set[str]]:
    """Each headline's cached title ("" when not cached), and the headlines found taken down."""
    from reader.keys import article_key

    async with Library(data_dir) as lib:
        gone = lib.store.gone_keys()
        cached = {}
        taken = set()
        for h in lib.headlines():
            copy = lib.cached_article(h.entry)
            cached[h.entry.title] = copy.title if copy is not None else ""
            if article_key(h.entry.link) in gone:
                taken.add(h.entry.title)
        return cached, taken


def test_a_not_found_page_or_a_story_sent_home_is_taken_down_not_cached(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "add", _serve(httpserver)) == 0
    capsys.readouterr()
    _run(data_dir, "sync")
    err = capsys.readouterr().err
    cached, taken = asyncio.run(_state(data_dir))
    assert taken == set(GONE), err
    assert {t for t, title in cached.items() if title} == set(KEPT), cached
    assert "the page says it is not there (Page not found | The Harbour Post)" in err
    assert "sent on to its site's home page" in err and "sent on to a section front" in err
    assert "article failed" not in err, err


@pytest.mark.parametrize("command", ["show", "save"])
def test_a_not_found_page_opened_alone_is_not_kept(
    httpserver: HTTPServer, data_dir: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve(httpserver)
    for path in ("/news/rates-appeal", "/news/removed-story"):
        assert _run(data_dir, command, httpserver.url_for(path)) != 0
        assert "couldn't find" not in capsys.readouterr().out
        assert _run(data_dir, "show", "--offline", httpserver.url_for(path)) != 0
    assert _run(data_dir, command, httpserver.url_for("/news/walker")) == 0
