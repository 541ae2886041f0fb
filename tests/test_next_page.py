"""An article split over several pages is read whole: each page found, fetched and added.

The pages are served by a loopback server of this test's own; the text is ours, in the shape of
a long review cut into pages with a pager ("1 2 3 Next page ›") under each.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import lxml.html
import pytest
from pytest_httpserver import HTTPServer

from reader.extract import to_text
from reader.extract.next_page import (
    is_next_page,
    is_pager_link,
    next_page_url,
    one_page_url,
    one_page_url_of,
    same_article,
)
from reader.keys import article_key
from reader.library import Library
from reader.library.reextraction import Reextracted
from reader.models import Article, FetchError
from reader.ui.widgets.article.article_body import ArticleBody

SITE = "https://quaytech.example"
BUSY = "HTTP 500 INTERNAL SERVER ERROR"


@pytest.mark.parametrize(
    ("here", "there"),
    [
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/2/"),
        ("/reviews/tide-gauge", "/reviews/tide-gauge/2"),
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/page/2/"),
        ("/reviews/tide-gauge.html", "/reviews/tide-gauge.html?page=2"),
        ("/reviews/tide-gauge.html?id=7", "/reviews/tide-gauge.html?id=7&seite=2"),
        ("/reviews/tide-gauge.html?page=2", "/reviews/tide-gauge.html?page=3"),
        ("/reviews/tide-gauge/9/", "/reviews/tide-gauge/10/"),
        # Written another way on either side.
        ("/reviews/%C3%BCber-die-flut/", "/reviews/über-die-flut/2/"),
        ("/reviews/tide-gauge/2", "/reviews/tide-gauge/3/"),
        ("/reviews/tide-gauge.html?id=5", "/reviews/tide-gauge.html?page=2&id=5"),
    ],
)
def test_the_next_page_is_this_page_with_a_page_number(here: str, there: str) -> None:
    assert is_next_page(SITE + here, SITE + there, glued=False)


@pytest.mark.parametrize(
    ("here", "there"),
    [
        # Another post: WordPress's rel="next", a day's archive, an id.
        ("/2026/11/harbour-plan/", "/2026/11/lifeboat-crew/"),
        ("/2026/11/30/harbour-plan", "/2026/11/31/harbour-plan"),
        ("/?p=12", "/?p=13"),
        ("/news/item.html?id=122", "/news/item.html?id=123"),
        # Not the next page of this one.
        ("/reviews/tide-gauge/3/", "/reviews/tide-gauge/2/"),
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/3/"),
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/comment-page-2/"),
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/2/photos"),
        ("/reviews/tide-gauge/", "/reviews/tide-gauge/#2"),
        ("/reviews/tide-gauge/50/", "/reviews/tide-gauge/51/"),
    ],
)
def test_what_is_not_the_next_page(here: str, there: str) -> None:
    assert not is_next_page(SITE + here, SITE + there)


def test_odd_numbers_in_a_link_are_no_page_numbers() -> None:
    assert not is_next_page(SITE + "/story/1", SITE + "/story/%C2%B2")
    assert not is_next_page(SITE + "/story/1", SITE + "/story/²")
    assert not is_next_page(SITE + "/story/1", SITE + "/story/" + "9" * 5000)


@pytest.mark.parametrize(
    "text",
    [
        "Next page ›",
        "2",
        "Page 2",
        "Seite 2",
        "»",
        "Page 2: Benchmarks",
        "Next page – Battery life",
    ],
)
def test_a_pagers_words(text: str) -> None:
    page = f'<html><body><p>Hi</p><a href="/review/2/">{text}</a></body></html>'
    doc = lxml.html.document_fromstring(page)
    assert next_page_url(doc, SITE + "/review/") == SITE + "/review/2/"


@pytest.mark.parametrize("text", ["Our other reviews", "2024 in review", "Pages: 1 2 3 4 5 6 7"])
def test_words_that_are_no_pagers(text: str) -> None:
    page = f'<html><body><p>Hi</p><a href="/review/2/">{text}</a></body></html>'
    doc = lxml.html.document_fromstring(page)
    assert next_page_url(doc, SITE + "/review/") == ""


def test_a_series_next_post_is_not_a_page() -> None:
    here, there = SITE + "/weekly-roundup-12/", SITE + "/weekly-roundup-13/"
    assert not is_next_page(here, there, glued=False)
    head = f'<html><head><link rel="next" href="{there}"></head><body><p>Hi</p></body></html>'
    assert next_page_url(lxml.html.document_fromstring(head), here) == ""
    # From a pager's text it is a page, as "story,2.html" → "story,3.html" is.
    assert is_next_page(SITE + "/tide-gauge,2.html", SITE + "/tide-gauge,3.html", glued=True)
    # After a page word, the number is a page's.
    assert is_next_page(SITE + "/story-page-2.html", SITE + "/story-page-3.html", glued=False)


def test_a_number_glued_to_the_slug_counts_only_from_a_pager() -> None:
    # "weekly-roundup-2" is how WordPress names a second post of the same title.
    here, there = SITE + "/weekly-roundup/", SITE + "/weekly-roundup-2/"
    assert is_next_page(here, there) and not is_next_page(here, there, glued=False)
    head = f'<html><head><link rel="next" href="{there}"></head><body><p>Hi</p></body></html>'
    assert next_page_url(lxml.html.document_fromstring(head), here) == ""
    pager = '<html><body><p>Hi</p><div class="pager"><a href="/weekly-roundup-2/">2</a></div>'
    assert next_page_url(lxml.html.document_fromstring(pager), here) == there
    # From another host, or a link that says nothing of pages, no.
    other = '<html><body><a href="https://elsewhere.example/weekly-roundup/2/">Next</a>'
    other += '<a href="/weekly-roundup/2/">Our other tide stories</a></body></html>'
    assert next_page_url(lxml.html.document_fromstring(other), here) == ""


def test_a_page_of_the_same_article_carries_its_title() -> None:
    title = "Tide gauge review: the Marram 4 reads the sea"
    assert same_article(title, title + " – Page 2")
    assert same_article(title, "Tide gauge review: the Marram 4 reads the sea (Seite 3 von 5)")
    assert not same_article(title, "Lifeboat crew honoured for winter rescue")
    assert not same_article(title, "")
    # A page named for its section too, as reviews' pages are.
    assert same_article("Marram 4 review", "Marram 4 review: page 2 - battery life")
    assert not same_article("Marram 4 review", "Lifeboat radio review")
    assert not same_article("Review", "Lifeboat radio review")
    # A series' posts differ by their number only.
    assert not same_article("Weekly roundup 12", "Weekly roundup 13")
    assert same_article("Weekly roundup 12", "Weekly roundup 12 (page 2 of 3)")
    assert same_article("Best laptops of 2024 (1/3)", "Best laptops of 2024 (2/3)")
    assert same_article("Best laptops of 2024", "Best laptops of 2024 – 2 of 5")


PARAGRAPHS = {
    1: [
        "The Marram 4 is the first tide gauge under a thousand pounds that a harbour office "
        "could install without a contractor, and after six weeks on the north quay it has "
        "earned its place beside the old float well.",
        "Setting it up took an afternoon: a bracket on the quay wall, a cable to the office and a "
        "radar head that needs no contact with the water.",
    ],
    2: [
        "Accuracy is where the Marram 4 surprised us. Against the float well it read within "
        "eight millimetres on every tide, and within three on calm days.",
        "Storm surge is the harder test. On the night of the November gale the gauge kept its "
        "readings through spray that blinded the old float well's camera.",
    ],
    3: [
        "Our verdict: for a small harbour the Marram 4 replaces the float well outright, and the "
        "harbour master now trusts it for the published tide tables.",
        "Its one weakness is the software, which exports only a spreadsheet each night.",
    ],
}
TITLE = "Tide gauge review: the Marram 4 reads the sea"
STANDFIRST = "Six weeks on the north quay with a radar tide gauge."


def review_page(n: int, last: int = 3, apart: bool = False) -> str:
    """Page `n` of the review, its pager in a box under the text ("Page 1 of 3: 1 2 3 Next
    page ›"); `apart`: its count in a paragraph of its own and its next page's link loose
    after it, in no box (acc29b T1's shape)."""
    if apart:
        loose = f'<a rel="next" href="/reviews/marram-4/{n + 1}/">Next page</a>' if n < last else ""
        pager = f"<p>Page {n} of {last}</p>{loose}"
    else:
        links = " ".join(
            f"<span>{k}</span>"
            if k == n
            else f'<a href="/reviews/marram-4/{"" if k == 1 else f"{k}/"}">{k}</a>'
            for k in range(1, last + 1)
        )
        if n < last:
            links += f' <a href="/reviews/marram-4/{n + 1}/">Next page ›</a>'
        pager = f'<div class="pagination">Page {n} of {last}: {links}</div>'
    suffix = "" if n == 1 else f" – Page {n}"
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[n])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE}{suffix} | Quay Tech</title>
<link rel="next" href="/reviews/lifeboat-radio/">
</head><body><nav><a href="/">Quay Tech</a> <a href="/reviews/">Reviews</a></nav>
<article><h1>{TITLE}</h1><p class="standfirst">{STANDFIRST}</p>{paragraphs}
{pager}</article>
<aside><h2>More reviews</h2><ul><li><a href="/reviews/lifeboat-radio/">Lifeboat radio</a></li>
<li><a href="/reviews/marram-4-2/">Marram 4 second look</a></li></ul></aside></body></html>"""


def other_article() -> str:
    return """<!doctype html><html><head><title>Lifeboat radio review | Quay Tech</title></head>
<body><article><h1>Lifeboat radio review</h1><p>A different review altogether, about a radio
for lifeboat crews, which must not be taken for a page of the tide gauge review.</p>
<p>It has nothing to do with tides.</p></article></body></html>"""


def serve(server: HTTPServer, pages: dict[str, str]) -> None:
    for path, html in pages.items():
        server.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")


def review_feed(base: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Tech</title>'
        f"<item><title>{TITLE}</title><link>{base}/reviews/marram-4/</link><guid>r1</guid>"
        "</item></channel></rss>"
    )


@contextmanager
def review_with_page_two_held() -> Iterator[tuple[HTTPServer, threading.Event]]:
    """A server of the review and its feed, whose page 2 waits until the event is set."""
    from werkzeug import Request, Response

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    held = threading.Event()

    def second_page(_request: Request) -> Response:
        held.wait(20)  # until the test has looked at what came before it
        return Response(review_page(2), content_type="text/html; charset=utf-8")

    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(
        review_feed(base), content_type="application/rss+xml"
    )
    serve(server, {"/reviews/marram-4/": review_page(1), "/reviews/marram-4/3/": review_page(3)})
    server.expect_request("/reviews/marram-4/2/").respond_with_handler(second_page)
    try:
        yield server, held
    finally:
        held.set()
        server.stop()


@pytest.mark.parametrize("apart", [False, True], ids=["pager-in-a-box", "pager-apart"])
def test_a_review_over_three_pages_is_cached_whole_and_reextracts_offline(
    data_dir: Path, apart: bool
) -> None:
    """Read whole, without its pager: "Page 1 of 3" and "Next page" between its pages point
    to what is already there (acc29b T1: the pager in no box of its own stayed)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    serve(
        server,
        {
            "/reviews/marram-4/": review_page(1, apart=apart),
            "/reviews/marram-4/2/": review_page(2, apart=apart),
            "/reviews/marram-4/3/": review_page(3, apart=apart),
            "/reviews/lifeboat-radio/": other_article(),
        },
    )
    link = server.url_for("/reviews/marram-4/")

    async def fetch() -> str:
        async with Library(data_dir, workers="process") as lib:
            article = await lib.article(link)
            assert [u for u, _, _ in lib.store.later_pages(link)] == [
                server.url_for("/reviews/marram-4/2/"),
                server.url_for("/reviews/marram-4/3/"),
            ]
            return to_text(article)

    text = asyncio.run(fetch())
    server.stop()
    everything = [p for n in (1, 2, 3) for p in PARAGRAPHS[n]]
    positions = [text.find(p) for p in everything]
    assert -1 not in positions and positions == sorted(positions), text
    assert text.count(STANDFIRST) == 1 and "Next page" not in text
    assert " of 3" not in text
    assert "nothing to do with tides" not in text
    paths = [r.path for r, _ in server.log]
    assert "/reviews/lifeboat-radio/" not in paths and paths.count("/reviews/marram-4/2/") == 1

    async def offline() -> None:
        async with Library(data_dir) as lib:
            done, failures = _counts(await lib.reextract([link]))
            assert (done, failures) == (1, [])
            again = await lib.article(link, offline=True)
            assert to_text(again) == text

    asyncio.run(offline())


def test_a_page_that_fails_or_is_another_article_ends_the_article_there(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    serve(
        httpserver,
        {
            "/reviews/marram-4/": review_page(1),
            "/reviews/marram-4/2/": review_page(2),
            # Page 3 is gone; a second review's "page 2" is another article.
            "/second/": review_page(1).replace("/reviews/marram-4/", "/second/"),
            "/second/2/": other_article().replace("/reviews/", "/second/"),
        },
    )
    httpserver.expect_request("/reviews/marram-4/3/").respond_with_data("gone", status=404)

    async def run() -> None:
        async with Library(data_dir) as lib:
            two = await lib.article(httpserver.url_for("/reviews/marram-4/"))
            assert PARAGRAPHS[2][1] in to_text(two) and PARAGRAPHS[3][0] not in to_text(two)
            # A page the site's pager links to but doesn't have: the article ends there, for
            # good (no sync asks again).
            assert not two.incomplete and lib.store.incomplete_keys() == set()
            one = to_text(await lib.article(httpserver.url_for("/second/")))
            assert PARAGRAPHS[1][1] in one and "A different review" not in one
            assert lib.store.later_pages(httpserver.url_for("/second/")) == []

    asyncio.run(run())


def test_a_page_that_declares_the_whole_article_is_not_followed_to_its_next() -> None:
    """Its JSON-LD's `articleBody` is every page's text: the next page would repeat it."""
    import json

    from reader.extract import extract_page

    everything = "\n\n".join(p for n in (1, 2, 3) for p in PARAGRAPHS[n] * 2)
    declared = json.dumps({"@type": "NewsArticle", "headline": TITLE, "articleBody": everything})
    page = review_page(1).replace(
        "</head>", f'<script type="application/ld+json">{declared}</script></head>'
    )
    article, next_page = extract_page(page, SITE + "/reviews/marram-4/")
    assert next_page == "" and PARAGRAPHS[3][1] in to_text(article)
    article, next_page = extract_page(review_page(1), SITE + "/reviews/marram-4/")
    assert next_page == SITE + "/reviews/marram-4/2/" and PARAGRAPHS[3][1] not in to_text(article)


def test_the_demo_review_over_three_pages_reads_whole(demo_server, data_dir: Path) -> None:
    from reader.demo.content import load_articles

    review = next(a for a in load_articles() if a.pages)
    link = demo_server.base_url + review.path

    async def run() -> None:
        async with Library(data_dir) as lib:
            text = " ".join(to_text(await lib.article(link)).split())
            missing = [p for p in review.paragraphs if " ".join(p.split()) not in text]
            assert not missing
            assert text.count(" ".join(review.summary.split())) == 1
            assert len(lib.store.later_pages(link)) == len(review.pages) - 1

    asyncio.run(run())


def test_a_page_that_did_not_come_is_read_at_the_next_sync_and_nothing_is_lost(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Page 3 fails: pages 1 and 2 are cached and read, the article says what is missing, and
    the next sync reads on from page 2 without fetching the pages it has again."""
    base = httpserver.url_for("").rstrip("/")
    feed = review_feed(base)
    pages = {"/reviews/marram-4/": review_page(1), "/reviews/marram-4/2/": review_page(2)}

    def routes(third_page: bool) -> None:
        httpserver.clear_all_handlers()
        serve(httpserver, pages | ({"/reviews/marram-4/3/": review_page(3)} if third_page else {}))
        httpserver.expect_request("/feed.xml").respond_with_data(
            feed, content_type="application/rss+xml"
        )
        httpserver.expect_request("/reviews/marram-4/3/").respond_with_data("busy", status=500)

    link = f"{base}/reviews/marram-4/"

    async def sync() -> tuple[Article | None, set[str]]:
        async with Library(data_dir) as lib:
            if not lib.feeds():
                lib.add_feed(f"{base}/feed.xml")
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 1
            missing = lib.store.incomplete_keys()
            assert [article.incomplete for _, article in report.incomplete] == (
                [f"page 3 did not come ({BUSY}); the next sync reads on"] if missing else []
            )
            return lib.cached_article(link), missing

    routes(third_page=False)
    article, incomplete = asyncio.run(sync())
    assert article is not None and PARAGRAPHS[2][1] in to_text(article)
    assert article.incomplete == f"page 3 did not come ({BUSY}); the next sync reads on"
    assert "Note: not all of it: page 3 did not come" in to_text(article)
    assert len(incomplete) == 1

    async def read_it() -> None:
        from tests.tui_pilot import reading, screen_text

        async with reading(data_dir, "Tide gauge review", (100, 40)) as (app, _, _body):
            shown = " ".join(screen_text(app).split())
            assert f"Not all of it: page 3 did not come ({BUSY}); the next sync reads on." in shown
            assert PARAGRAPHS[1][0][:60] in shown

    asyncio.run(read_it())

    routes(third_page=True)
    httpserver.clear_log()
    article, incomplete = asyncio.run(sync())
    assert article is not None and not article.incomplete and incomplete == set()
    text = to_text(article)
    assert all(p in text for n in (1, 2, 3) for p in PARAGRAPHS[n]) and "Note" not in text
    fetched = [r.path for r, _ in httpserver.log]
    assert fetched == ["/feed.xml", "/reviews/marram-4/3/"]


def test_until_its_last_page_is_in_an_article_is_incomplete(data_dir: Path) -> None:
    """A sync stopped between two pages leaves the article marked, so the next one reads on."""
    from reader.models import Response
    from reader.page_caching import extract_for_cache
    from reader.store import Store

    link = SITE + "/reviews/marram-4/"
    store = Store(data_dir)
    try:
        page = Response(link, 200, "text/html", "utf-8", review_page(1).encode())
        result = extract_for_cache(link, page, None, None, store, None)
        assert result.next_page == SITE + "/reviews/marram-4/2/"
        assert store.article(link).incomplete == (
            "the pages after page 1 have not been read yet; the next sync reads on"
        )
        assert store.is_incomplete(link)
        single = Response(SITE + "/x", 200, "text/html", "utf-8", other_article().encode())
        extract_for_cache(SITE + "/x", single, None, None, store, None)
        assert not store.article(SITE + "/x").incomplete and not store.is_incomplete(SITE + "/x")
    finally:
        store.close()


def numbered_page(path: str, n: int) -> str:
    """Page `n` of an article at `/path/`, saying which it is, with a "Next page" to `n + 1`."""
    return (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>Paragraph of page {n}, long enough to be read as the text of an article "
        f"page, with words enough to count as one on its own.</p></article>"
        f'<a href="/{path}/{n + 1}/">Next page</a></body></html>'
    )


def test_an_endless_pager_stops_at_the_cap(httpserver: HTTPServer, tmp_path: Path) -> None:
    """A site whose every page links a next one: `max_article_pages` pages, then the end,
    said once, with where it goes on; no sync reads on for ever."""
    import re
    import subprocess
    import sys

    from werkzeug import Request, Response

    def endless(request: Request) -> Response:
        number = re.search(r"/endless/(\d+)/", request.path)
        n = int(number.group(1)) if number else 1
        return Response(numbered_page("endless", n), content_type="text/html")

    httpserver.expect_request(re.compile(r"^/endless/(\d+/)?$")).respond_with_handler(endless)
    link = httpserver.url_for("/endless/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
        f"<item><title>{TITLE}</title><link>{link}</link><guid>e1</guid></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    page_21 = httpserver.url_for("/endless/21/")

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert reader("add", httpserver.url_for("/feed.xml")).returncode == 0
    httpserver.clear_log()
    first = reader("sync")
    assert len(httpserver.log) == 22  # the feed, 20 pages, and page 21 looked at
    cut = f"it runs past 20 pages, and page 21 ({page_21}) and those after it are not read"
    assert cut in first.stderr
    assert "1 article incomplete" in first.stderr and page_21 in first.stderr
    httpserver.clear_log()
    again = reader("sync")
    assert [r.path for r, _ in httpserver.log] == ["/feed.xml"]
    assert "1 already cached" in again.stderr and "missing" not in again.stderr

    async def run() -> None:
        async with Library(tmp_path) as lib:
            article = lib.cached_article(link)
            assert article is not None
            text = to_text(article)
            assert "page 20," in text and "page 21," not in text
            assert article.incomplete_for_good and not lib.store.is_incomplete(link)
            assert "Note: not all of it: it runs past 20 pages" in text and page_21 in text
            await lib.reextract([link])
            again = lib.store.article(link)
            assert again is not None and again.incomplete == article.incomplete
            assert again.incomplete_for_good and not lib.store.is_incomplete(link)

    asyncio.run(run())


@pytest.mark.parametrize("past_the_end", ["the last page again", "404"])
def test_an_article_of_exactly_as_many_pages_as_the_cap_is_whole(
    httpserver: HTTPServer, data_dir: Path, past_the_end: str
) -> None:
    """Its last page still links a "Next page": the site serves the last page again, or
    nothing. Page 21 is looked at before the note says the article runs past 20 pages."""
    import re

    from werkzeug import Request, Response

    def clamped(request: Request) -> Response:
        number = re.search(r"/story/(\d+)/", request.path)
        n = int(number.group(1)) if number else 1
        if n > 20 and past_the_end == "404":
            return Response("not found", status=404)
        n = min(n, 20)
        return Response(numbered_page("story", n), content_type="text/html")

    httpserver.expect_request(re.compile(r"^/story/(\d+/)?$")).respond_with_handler(clamped)

    async def run() -> None:
        async with Library(data_dir) as lib:
            article = await lib.article(httpserver.url_for("/story/"))
            assert "page 20," in to_text(article)
            assert not article.incomplete and not article.incomplete_for_good
            assert len(httpserver.log) == 21

    asyncio.run(run())


def test_a_page_naming_the_first_as_canonical_goes_on_with_it_whatever_its_title() -> None:
    from reader.extract import extract_article
    from reader.extract.next_page import continues

    first = extract_article(review_page(1), SITE + "/reviews/marram-4/")
    renamed = review_page(2).replace(f"<h1>{TITLE}</h1>", "<h1>Accuracy and storms</h1>")
    renamed = renamed.replace(f"<title>{TITLE} – Page 2", "<title>Accuracy and storms")
    page = extract_article(renamed, SITE + "/reviews/marram-4/2/")
    assert not continues(first, page)
    canonical = f'<link rel="canonical" href="{SITE}/reviews/marram-4/"></head>'
    page = extract_article(renamed.replace("</head>", canonical), SITE + "/reviews/marram-4/2/")
    assert continues(first, page)


@pytest.mark.parametrize("prefetch", [False, True])
def test_the_view_starts_on_the_first_page_while_the_others_come(
    data_dir: Path, prefetch: bool
) -> None:
    """Opened unsynced, a three-page review shows its first page at once, says the rest is on
    its way, and takes the rest in where the reader has got to, without a jump; also when the
    list's prefetch had started the download before the reader opened it."""
    from tests.tui_pilot import running, screen_text, subscribe, table, until

    with review_with_page_two_held() as (server, slow):
        base = server.url_for("").rstrip("/")
        subscribe(data_dir, [f"{base}/feed.xml"])

        async def run() -> None:
            async with running(data_dir, (90, 10), prefetch=prefetch) as (app, pilot):
                if prefetch:
                    # The feed, then the first page served; the second is held back.
                    await until(pilot, lambda: len(server.log) >= 2, "the prefetch's first page")
                    await pilot.pause(0.5)
                table(app).cursor = 0
                await pilot.press("enter")
                await until(pilot, lambda: hasattr(app.screen, "loaded"), "the reading view")
                body = app.screen.query_one(ArticleBody)
                await until(pilot, lambda: body.article is not None, "the first page")
                assert "its next pages are on their way" in body.text
                assert PARAGRAPHS[1][0] in body.text and PARAGRAPHS[2][0] not in body.text
                for _ in range(12):  # into the text, past the header
                    await pilot.press("j")

                def top() -> list[str]:  # the text at the top of the view, not the scroll bar
                    return [line[:84].rstrip() for line in screen_text(app).splitlines()[:3]]

                def in_the_text() -> bool:
                    return any(words in " ".join(top()) for words in ("harbour", "quay", "radar"))

                # Drawn scrolled once a busy machine gets to it (a fixed 0.3 s was a race).
                await until(pilot, in_the_text, "the text at the top of the view")
                before = top()
                # Read and cached as far as it goes: the first page counts.
                assert app.lib.is_read(app.screen.headline.entry)
                await pilot.press("slash", *"float", "enter")
                # Searched once the text is laid out: waited for, not a fixed 0.2 s.
                await until(pilot, lambda: body.query == "float", "the search")
                on_first_page = body.match_count
                assert body.query == "float" and on_first_page >= 1
                before = top()
                slow.set()
                await until(pilot, lambda: app.screen.loaded, "the whole article")
                assert PARAGRAPHS[3][1] in body.text and "on their way" not in body.text
                # The header's note has gone from above; the text in view stays in view.
                await pilot.pause()
                assert top() == before
                # The search goes on over the whole article.
                assert body.query == "float" and body.match_count > on_first_page

        asyncio.run(run())


def test_opened_while_a_sync_reads_its_later_pages_it_waits_for_them(data_dir: Path) -> None:
    """The sync has cached the first page and is fetching the second: opening the article
    hears of the first page at once and gets the whole article, not the first page alone."""
    with review_with_page_two_held() as (server, held):
        base = server.url_for("").rstrip("/")
        link = f"{base}/reviews/marram-4/"

        async def run() -> None:
            async with Library(data_dir) as lib:
                lib.add_feed(f"{base}/feed.xml")
                sync = asyncio.ensure_future(lib.sync())
                while lib.cached_article(link) is None:
                    await asyncio.sleep(0.05)
                heard: list[Article] = []
                opening = asyncio.ensure_future(lib.article(link, first_page=heard.append))
                await asyncio.sleep(0.2)
                assert len(heard) == 1 and PARAGRAPHS[2][0] not in to_text(heard[0])
                assert not opening.done()
                held.set()
                whole = await opening
                assert PARAGRAPHS[3][1] in to_text(whole) and not whole.incomplete
                await sync

        asyncio.run(run())


def one_page_offer(page: str) -> str:
    return page.replace(
        '<div class="pagination">',
        '<p class="view-all"><a href="/reviews/marram-4/?view=all">View as a single page</a></p>'
        '<div class="pagination">',
    )


@pytest.mark.parametrize(
    ("here", "there"),
    [
        ("/story.html", "/story.html?page=all"),
        ("/story.html?id=5", "/story.html?id=5&all=1"),
        ("/story.html", "/story.html?showall=1"),
        ("/2026/story/", "/2026/story/komplettansicht"),
        ("/2026/story/", "/2026/story/all/"),
    ],
)
def test_the_whole_article_on_one_page_is_this_page_with_a_mark(here: str, there: str) -> None:
    page = f'<html><body><p>Hi</p><a href="{there}">View as a single page</a></body></html>'
    doc = lxml.html.document_fromstring(page)
    assert one_page_url(doc, SITE + here) == SITE + there
    # Linked as http from an https page, or from an XHTML page.
    assert one_page_url(doc, SITE + here) == one_page_url(
        doc, SITE.replace("https:", "http:") + here
    ).replace("http:", "https:")
    xhtml = b'<?xml version="1.0" encoding="utf-8"?>' + page.encode()
    assert one_page_url_of(xhtml, SITE + here) == SITE + there


@pytest.mark.parametrize(
    "there",
    ["/story.html?comments=all", "/story.html?tab=all", "/?login=all", "/other.html?page=all"],
)
def test_what_is_not_the_whole_article_on_one_page(there: str) -> None:
    page = f'<html><body><p>Hi</p><a href="{there}">Show all</a></body></html>'
    assert one_page_url(lxml.html.document_fromstring(page), SITE + "/story.html") == ""


def test_a_number_alone_is_no_pager_link() -> None:
    assert not any(is_pager_link(t) for t in ("2", "[1]", "(3)", "12."))
    assert all(is_pager_link(t) for t in ("Next page ›", "Page 2: Benchmarks", "Single page"))


def whole_review() -> str:
    everything = "".join(f"<p>{p}</p>" for n in (1, 2, 3) for p in PARAGRAPHS[n])
    return (
        f"<!doctype html><html><head><title>{TITLE} | Quay Tech</title></head><body>"
        f'<article><h1>{TITLE}</h1><p class="standfirst">{STANDFIRST}</p>{everything}'
        "</article></body></html>"
    )


def test_an_article_offered_on_one_page_is_read_from_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """One page to fetch instead of three; the pages one by one when that page fails or is
    not the article."""
    from werkzeug import Request, Response

    answers = iter(["whole", "missing", "other", "first page again"])

    def whole(_request: Request) -> Response:
        answer = next(answers)
        if answer == "missing":
            return Response("gone", status=404)
        body = {
            "whole": whole_review(),
            "other": other_article(),
            # A site that ignores the request: page 1 again, pager and all, a line longer.
            "first page again": one_page_offer(review_page(1)).replace(
                "</article>", "<p>Updated three minutes ago with the price in euros.</p></article>"
            ),
        }[answer]
        return Response(body, content_type="text/html; charset=utf-8")

    httpserver.expect_request("/reviews/marram-4/", query_string="view=all").respond_with_handler(
        whole
    )
    serve(
        httpserver,
        {
            "/reviews/marram-4/": one_page_offer(review_page(1)),
            "/reviews/marram-4/2/": one_page_offer(review_page(2)),
            "/reviews/marram-4/3/": one_page_offer(review_page(3)),
        },
    )
    link = httpserver.url_for("/reviews/marram-4/")

    async def read() -> tuple[Article, list[str], int, Article]:
        async with Library(data_dir) as lib:
            httpserver.clear_log()
            article = await lib.article(link)
            fetched = [
                r.path + ("?" + r.query_string.decode() if r.query_string else "")
                for r, _ in httpserver.log
            ]
            kept = len(lib.store.later_pages(link))
            httpserver.clear_log()
            await lib.reextract([link])
            assert not httpserver.log  # offline, from the pages kept
            again = lib.store.article(link)
            assert again is not None
            lib.store.delete_article(article_key(link))
            return article, fetched, kept, again

    for answer in ("whole", "missing", "other", "first page again"):
        article, fetched, kept, again = asyncio.run(read())
        text = to_text(article)
        assert all(p in text for n in (1, 2, 3) for p in PARAGRAPHS[n]), answer
        assert text.count(STANDFIRST) == 1 and "single page" not in text
        # Cited by the article's own address, however it was read; so after a re-extraction.
        assert article.url == again.url == link, answer
        assert f"URL: {link}" in text
        assert to_text(again) == text, answer
        if answer == "whole":
            assert fetched == ["/reviews/marram-4/", "/reviews/marram-4/?view=all"]
            assert kept == 0
            assert article.page_url == again.page_url == link + "?view=all"
        else:
            assert fetched[2:] == ["/reviews/marram-4/2/", "/reviews/marram-4/3/"], answer
            assert kept == 2


def test_the_sync_line_says_the_next_sync_reads_on_only_when_it_does() -> None:
    from reader.models import Entry
    from reader.reports import SyncReport
    from reader.ui.app_sync import sync_summary

    entry = Entry("e1", SITE + "/feed.xml", TITLE, SITE + "/reviews/marram-4/")
    busy = Article(entry.link, incomplete=f"page 3 did not come ({BUSY}); the next sync reads on")
    cut = Article(entry.link, incomplete="it runs past 20 pages", incomplete_for_good=True)
    assert sync_summary(SyncReport(incomplete=[(entry, busy), (entry, cut)])).endswith(
        " · 2 articles incomplete (the next sync reads on)"
    )
    assert sync_summary(SyncReport(incomplete=[(entry, cut)])).endswith(" · 1 article incomplete")


# A blog's article over three pages, its pager a count of pages beside one link on the first
# and the last page ("Page 1 of 3 Next page ›"), both links on the middle one.
HISTORY = {
    1: [
        "The first quay at Porthgwidden was a line of boulders dragged into place in 1602.",
        "For two centuries boats were hauled up the sand behind it every winter night.",
    ],
    2: ["A stone pier was finished in 1831, paid for by the pilchard merchants of the town."],
    3: ["Today the harbour shelters forty boats, most of them crabbers and pleasure craft."],
}


def history_page(n: int) -> str:
    previous = (
        ""
        if n == 1
        else f'<a href="/history{"" if n == 2 else f"-{n - 1}"}.html">‹ Previous page</a> '
    )
    following = "" if n == 3 else f' <a href="/history-{n + 1}.html" rel="next">Next page ›</a>'
    paragraphs = "".join(f"<p>{p}</p>" for p in HISTORY[n])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A short history of Porthgwidden quay | Tidelines</title>
<link rel="canonical" href="/history.html"></head><body><nav><a href="/">Tidelines</a></nav>
<article><h1>A short history of Porthgwidden quay</h1><div class="entry-content">{paragraphs}</div>
<div class="pagination">{previous}<span>Page {n} of 3</span>{following}</div>
</article></body></html>"""


def test_the_pagers_count_and_links_are_left_out_of_the_joined_pages(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    serve(
        httpserver,
        {
            "/history.html": history_page(1),
            **{f"/history-{n}.html": history_page(n) for n in (2, 3)},
        },
    )

    async def read() -> str:
        async with Library(data_dir, workers="thread") as lib:
            return to_text(await lib.article(httpserver.url_for("/history.html")))

    text = asyncio.run(read())
    everything = [p for n in (1, 2, 3) for p in HISTORY[n]]
    positions = [text.find(p) for p in everything]
    assert -1 not in positions and positions == sorted(positions), text
    assert "Page 1 of 3" not in text and "Previous page" not in text and "Next page" not in text


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Page one of the report: <a href='/r.pdf'>Next page</a> shows the figures.", "figures"),
        ("<a href='/a/2'>Previous</a> owners said it flooded in 1 of 3 winters.", "owners said"),
        ("Tables <a href='#t2'>1</a> and <a href='#t3'>2</a>.", "Tables"),
    ],
)
def test_a_sentence_round_a_pagers_words_stays(line: str, words: str) -> None:
    from reader.extract import extract_article

    body = "<p>The harbour board met on Tuesday to decide the fate of the old fish market.</p>" * 4
    page = f"<html><body><article><h1>Market</h1>{body}<p>{line}</p>{body}</article></body></html>"
    text = to_text(extract_article(page, SITE + "/market/"))
    assert words in text


def _counts(result: Reextracted) -> tuple[int, list[tuple[str, FetchError]]]:
    return result.done, result.failures


def _story_page(title: str, paragraphs: list[str], after: str = "") -> str:
    """acc34a's 2-page story: each page repeats the `<h1>`, the second's `<title>` says
    "(page 2)"."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Feed 5 Daily</title><link rel="canonical" href="/a/00.html"></head><body><header><h1 class="logo">Feed 5 Daily</h1>
</header><main><article><h1>Markets: story 0 on the dredging audit</h1>
<p class="byline">By Ana Ruiz</p>{text}{after}</article></main></body></html>"""


def test_a_next_pages_headline_is_not_kept_as_a_heading_between_the_pages(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The second page's `<h1>`, the headline again, stood between the pages as a section's
    heading (acc34a C5)."""
    headline = "Markets: story 0 on the dredging audit"
    serve(
        httpserver,
        {
            "/a/00.html": _story_page(
                headline, PARAGRAPHS[1], '<a rel="next" href="/a/00-2.html">Next page</a>'
            ),
            "/a/00-2.html": _story_page(f"{headline} (page 2)", PARAGRAPHS[2]),
        },
    )

    async def run() -> Article:
        async with Library(data_dir) as lib:
            return await lib.article(httpserver.url_for("/a/00.html"))

    article = asyncio.run(run())
    assert PARAGRAPHS[2][0] in to_text(article)
    assert [b.text for b in article.blocks if b.text == headline] == []
