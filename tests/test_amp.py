"""A page that scripts fill, giving little or nothing without them, is read from its AMP version
(`<link rel="amphtml">`): the same article in plain HTML. The pages here are of our own
writing, in the shape of a news site's script shell and its AMP page."""

from __future__ import annotations

import asyncio
from pathlib import Path

import lxml.html
import pytest
from pytest_httpserver import HTTPServer

from reader.demo.content import load_articles
from reader.demo.server import DemoServer
from reader.extract import to_markdown, to_text
from reader.extract.amp import amp_url
from reader.library import Library
from reader.models import ErrorKind, FetchError, words_in

TITLE = "Night ferry to the islands returns after a winter in dry dock"
SUMMARY = "The Harbour Line's night ferry sails again on Friday."
PARAGRAPHS = [
    "The Harbour Line's night ferry to the outer islands sails again on Friday, after four "
    "months in dry dock at the north yard, where its hull was stripped and painted and both of "
    "its engines were rebuilt by the yard's own fitters.",
    "Islanders had relied on the day boat since November. Its last sailing leaves at four in the "
    "afternoon, which meant that anyone working a late shift in the city stayed the night, at "
    "their own expense, or did not take the job at all.",
    "The line's operations manager said the ferry would keep its old timetable for the winter, "
    "leaving the east quay at half past eleven, and that a second night sailing on Saturdays "
    "would be tried from March if the bookings justified it.",
]


def shell(amp: str = '<link rel="amphtml" href="/amp/ferry/">') -> str:
    """The page as the site serves it: a script builds the story in the browser."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Harbour Post</title>
<link rel="canonical" href="/news/ferry/">{amp}
<script src="/static/app.js" defer></script></head>
<body><div id="root"><div class="spinner">Loading…</div></div>
<footer><a href="/about">About us</a> <a href="/privacy">Privacy</a></footer></body></html>"""


def amp_page(title: str = TITLE, canonical: str = "/news/ferry/") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>{title} | Harbour Post</title>
<link rel="canonical" href="{canonical}">
<meta name="author" content="Ilse Varga">
<script async src="https://cdn.ampproject.org/v0.js"></script></head>
<body><header><a href="/">Harbour Post</a></header>
<article><h1>{title}</h1><p class="byline">By Ilse Varga</p>
<amp-img src="/img/ferry.jpg" width="800" height="450" alt="Welders on a gantry beside the stern">
</amp-img>{paragraphs}</article>
<aside><h2>Most read</h2><ul><li><a href="/news/tide/">Tide gauge fails again</a></li></ul>
</aside></body></html>"""


def feed(base: str, summary: str = SUMMARY) -> str:
    description = f"<description>{summary}</description>" if summary else ""
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>'
        f"<item><title>{TITLE}</title><link>{base}/news/ferry/</link><guid>f1</guid>"
        f"{description}</item></channel></rss>"
    )


def serve(httpserver: HTTPServer, amp: str | None, summary: str = SUMMARY) -> str:
    """The site, with `amp` as its AMP page (None: a 404). Returns the story's address."""
    base = httpserver.url_for("").rstrip("/")
    html = "text/html; charset=utf-8"
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed(base, summary), content_type="application/rss+xml"
    )
    httpserver.expect_request("/news/ferry/").respond_with_data(shell(), content_type=html)
    if amp is None:
        httpserver.expect_request("/amp/ferry/").respond_with_data("gone", status=404)
    else:
        httpserver.expect_request("/amp/ferry/").respond_with_data(amp, content_type=html)
    return f"{base}/news/ferry/"


def synced(data_dir: Path, httpserver: HTTPServer) -> tuple[str, list[str]]:
    """The story's text after a sync, and the paths the sync fetched."""

    async def run() -> tuple[str, list[str]]:
        async with Library(data_dir) as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            await lib.sync()
            link = httpserver.url_for("/news/ferry/")
            article = lib.cached_article(link)
            assert article is not None
            return to_text(article), [r.path for r, _ in httpserver.log]

    return asyncio.run(run())


def synced_without_its_amp_version(data_dir: Path, httpserver: HTTPServer, whole: str) -> str:
    """The text a sync caches of the page `whole`, which names an AMP version, checking that
    the AMP version was never asked for: the page was enough."""
    base = httpserver.url_for("").rstrip("/")
    for path, body in {"/feed.xml": feed(base), "/news/ferry/": whole}.items():
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html")
    httpserver.expect_request("/amp/ferry/").respond_with_data(amp_page(), content_type="text/html")
    text, fetched = synced(data_dir, httpserver)
    assert fetched == ["/feed.xml", "/news/ferry/"]
    return text


def test_a_page_scripts_fill_is_read_from_its_amp_version(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    link = serve(httpserver, amp_page())

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            report = await lib.sync()
            assert report.articles_fetched == 1 and not report.article_failures
            article = lib.cached_article(link)
            assert article is not None and not article.partial
            text = to_text(article)
            assert all(p in text for p in PARAGRAPHS) and "Most read" not in text
            assert article.author == "Ilse Varga"
            # Cited by the story's own address; the AMP page is where its text came from.
            assert article.url == link and f"URL: {link}" in text
            assert article.page_url == httpserver.url_for("/amp/ferry/")
            assert "Image: Welders on a gantry beside the stern" in text
            httpserver.clear_log()
            await lib.reextract([link])
            assert not httpserver.log  # offline, from the AMP page kept
            again = lib.cached_article(link)
            assert again is not None and to_text(again) == text and again.url == link

    asyncio.run(run())


def test_without_feed_text_the_amp_version_is_read_too(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The shell gives nothing at all, and the feed carries no text to stand in."""
    link = serve(httpserver, amp_page(), summary="")

    async def run() -> None:
        async with Library(data_dir) as lib:
            article = await lib.article(link)
            assert all(p in to_text(article) for p in PARAGRAPHS) and not article.partial

    asyncio.run(run())


@pytest.mark.parametrize(
    "amp",
    [
        None,  # the AMP page is gone
        amp_page("Tide gauge fails again", canonical="/news/tide/"),  # another story's
        "<!doctype html><html amp><head><title>x</title></head><body><p>Loading</p></body></html>",
    ],
)
def test_an_amp_version_that_is_not_the_article_changes_nothing(
    httpserver: HTTPServer, data_dir: Path, amp: str | None
) -> None:
    serve(httpserver, amp)
    text, fetched = synced(data_dir, httpserver)
    assert fetched == ["/feed.xml", "/news/ferry/", "/amp/ferry/"]
    # The feed's text, marked as such, as without an AMP version.
    assert SUMMARY in text and "the text the feed carried" in text
    assert "Tide gauge" not in text


def test_without_feed_text_a_failed_amp_version_says_why_the_page_failed(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    link = serve(httpserver, None, summary="")

    async def run() -> None:
        async with Library(data_dir) as lib:
            with pytest.raises(FetchError) as failed:
                await lib.article(link)
            assert failed.value.kind == ErrorKind.EXTRACTION
            assert "no article text" in failed.value.message

    asyncio.run(run())


def test_a_page_that_reads_whole_is_not_read_again_from_its_amp_version(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    whole = amp_page().replace("<html amp", "<html")
    whole = whole.replace("<head>", '<head><link rel="amphtml" href="/amp/ferry/">')
    text = synced_without_its_amp_version(data_dir, httpserver, whole)
    assert all(p in text for p in PARAGRAPHS)


JAPANESE = [
    "気象庁は十四日、東京都心で桜が開花したと発表しました。平年より五日早く、去年より三日早い開花です。",
    "上野公園では早くも花見客の姿が見られ、「今年も綺麗に咲いてくれて嬉しい」と話していました。",
    "気象庁によりますと、都心では来週にも満開を迎える見込みで、週末は多くの人出が予想されます。",
]


def test_a_whole_story_in_japanese_is_not_read_again_from_its_amp_version(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Japanese writes no spaces: its words are not counted by them, or every story of some
    sixty words looked like a page that gave little and had its AMP version fetched."""
    paragraphs = "".join(f"<p>{p}</p>" for p in JAPANESE)
    whole = f"""<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>東京で桜の開花宣言</title><link rel="amphtml" href="/amp/ferry/"></head>
<body><article><h1>東京で桜の開花宣言</h1>{paragraphs}</article></body></html>"""
    text = synced_without_its_amp_version(data_dir, httpserver, whole)
    assert all(p in text for p in JAPANESE)


THAI = [
    "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทยและเป็นเมืองที่มีประชากรมากที่สุดในประเทศ "
    "การจราจรในช่วงเช้าติดขัดอย่างหนักเนื่องจากฝนตกตั้งแต่เมื่อคืน",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่าทางเมืองจะเร่งระบายน้ำออกจากถนนสายหลักให้เร็วที่สุด "
    "และขอให้ประชาชนหลีกเลี่ยงการเดินทางในช่วงเวลาเร่งด่วน",
    "กรมอุตุนิยมวิทยาคาดการณ์ว่าฝนจะตกต่อเนื่องไปอีกสองถึงสามวัน โดยเฉพาะในพื้นที่ภาคกลางและภาคตะวันออก",
]


def test_a_whole_story_in_thai_is_not_read_again_from_its_amp_version(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Thai puts a space between phrases, not words: three paragraphs (some ninety words) were
    "8 words", a page that gave little, and its AMP version was fetched."""
    paragraphs = "".join(f"<p>{p}</p>" for p in THAI)
    whole = f"""<!doctype html><html lang="th"><head><meta charset="utf-8">
<title>ฝนตกหนักในกรุงเทพ</title><link rel="amphtml" href="/amp/ferry/"></head>
<body><article><h1>ฝนตกหนักในกรุงเทพ</h1>{paragraphs}</article></body></html>"""
    text = synced_without_its_amp_version(data_dir, httpserver, whole)
    assert all(p in text for p in THAI)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ประเทศไทย", 2),  # ประเทศ ไทย
        ("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย", 9),  # 8 cut by hand: an estimate
        ("ข่าว The Nation ๒๕๖๗", 4),
        ("ສະບາຍດີ", 2),  # Lao: ສະບາຍ ດີ
        ("“Quoted” — words, and ‘more’", 5),  # quotes and dashes past U+0E00: still split
        ("東京で桜", 4),
    ],
)
def test_words_of_scripts_written_without_spaces(text: str, words: int) -> None:
    assert words_in(text) == words


@pytest.mark.parametrize(
    ("link", "found"),
    [
        ('<link rel="amphtml" href="/amp/ferry/">', "https://post.example/amp/ferry/"),
        ('<link rel="AmpHTML alternate" href="amp/">', "https://post.example/news/ferry/amp/"),
        ('<link rel="amphtml" href="https://amp.post.example/f">', "https://amp.post.example/f"),
        ('<link rel="amphtml" href="/news/ferry/">', ""),  # itself
        ('<link rel="amphtml" href="javascript:go()">', ""),
        ('<link rel="alternate" href="/amp/ferry/">', ""),
    ],
)
def test_the_amp_version_a_page_names(link: str, found: str) -> None:
    doc = lxml.html.document_fromstring(shell(link))
    url = "https://post.example/news/ferry/"
    assert amp_url(doc, url, url) == found


def test_an_article_over_several_pages_is_read_page_by_page_not_from_amp(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A gallery's first page is a caption or two: its AMP version is that page again, not
    the article, which goes on at page 2."""
    html = "text/html; charset=utf-8"
    first = (
        amp_page()
        .replace("<html amp", "<html")
        .replace(
            "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
            f'<p>{SUMMARY}</p><p class="pager"><a href="/news/ferry/2/">Next page</a></p>',
        )
    )
    first = first.replace("<head>", '<head><link rel="amphtml" href="/amp/ferry/">')
    second = amp_page().replace("<html amp", "<html")
    httpserver.expect_request("/news/ferry/").respond_with_data(first, content_type=html)
    httpserver.expect_request("/news/ferry/2/").respond_with_data(second, content_type=html)
    httpserver.expect_request("/amp/ferry/").respond_with_data(amp_page(), content_type=html)

    async def run() -> None:
        async with Library(data_dir) as lib:
            article = await lib.article(httpserver.url_for("/news/ferry/"))
            assert SUMMARY in to_text(article) and PARAGRAPHS[2] in to_text(article)
            assert [r.path for r, _ in httpserver.log] == ["/news/ferry/", "/news/ferry/2/"]

    asyncio.run(run())


def test_an_amp_version_elsewhere_resolves_its_links_against_itself(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """On another host, reached by a redirect: its relative links are its own, when read and
    when read again offline; the citation is the page's."""
    port = httpserver.port
    html = "text/html; charset=utf-8"
    elsewhere = f"http://127.0.0.1:{port}"
    page = shell(f'<link rel="amphtml" href="{elsewhere}/amp/ferry/">')
    amp = amp_page(canonical=f"http://localhost:{port}/news/ferry/").replace(
        "</article>", '<p>See <a href="timetable/">the winter timetable</a>.</p></article>'
    )
    httpserver.expect_request("/news/ferry/").respond_with_data(page, content_type=html)
    httpserver.expect_request("/amp/ferry/").respond_with_data(
        "", status=302, headers={"Location": "/amp/v2/ferry/"}
    )
    httpserver.expect_request("/amp/v2/ferry/").respond_with_data(amp, content_type=html)
    link = f"http://localhost:{port}/news/ferry/"

    async def run() -> None:
        async with Library(data_dir) as lib:
            read = await lib.article(link)
            await lib.reextract([link])
            again = lib.cached_article(link)
            assert again is not None
            for article in (read, again):
                assert article.url == link and article.page_url == f"{elsewhere}/amp/v2/ferry/"
                assert f"{elsewhere}/amp/v2/ferry/timetable/" in to_markdown(article)

    asyncio.run(run())


def test_a_consent_wall_with_an_amp_version_is_read_from_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The wall is the site's page; its AMP version, served without one, is the story."""
    from tests.test_consent_wall import GERMAN_WALL

    wall = GERMAN_WALL.replace("</head>", '<link rel="amphtml" href="/amp/ferry/"></head>')
    html = "text/html; charset=utf-8"
    httpserver.expect_request("/news/ferry/").respond_with_data(wall, content_type=html)
    httpserver.expect_request("/amp/ferry/").respond_with_data(amp_page(), content_type=html)

    async def run() -> None:
        async with Library(data_dir) as lib:
            article = await lib.article(httpserver.url_for("/news/ferry/"))
            assert PARAGRAPHS[0] in to_text(article) and "Werbung" not in to_text(article)

    asyncio.run(run())


@pytest.mark.parametrize("summary", [SUMMARY, ""])
def test_an_amp_version_that_does_not_come_is_tried_again_by_the_next_sync(
    httpserver: HTTPServer, data_dir: Path, summary: str
) -> None:
    """A busy server is a reason that may pass: the feed's text is cached, marked, and the
    next sync reads the AMP version; without feed text the article fails, saying why."""
    from werkzeug import Request, Response

    busy = [True]

    def amp(_request: Request) -> Response:
        if busy[0]:
            return Response("busy", status=503)
        return Response(amp_page(), content_type="text/html; charset=utf-8")

    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed(base, summary), content_type="application/rss+xml"
    )
    httpserver.expect_request("/news/ferry/").respond_with_data(shell(), content_type="text/html")
    httpserver.expect_request("/amp/ferry/").respond_with_handler(amp)
    link = httpserver.url_for("/news/ferry/")

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            report = await lib.sync()
            cached = lib.cached_article(link)
            if summary:
                assert cached is not None and cached.partial
                assert "its AMP version did not come (HTTP 503" in cached.incomplete
                assert [a.incomplete for _, a in report.incomplete] == [cached.incomplete]
            else:
                assert cached is None
                [(_, error)] = report.article_failures
                assert "the page gave no text, and its AMP version did not come" in error.message
            busy[0] = False
            report = await lib.sync()
            cached = lib.cached_article(link)
            assert cached is not None and not cached.partial and not cached.incomplete
            assert PARAGRAPHS[0] in to_text(cached) and not report.incomplete
            assert not lib.store.is_incomplete(link)

    asyncio.run(run())


def test_a_short_story_is_not_swapped_for_its_amp_version(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A brief of 35 words is all of it: its AMP version, the brief again with a line of
    the site's more, doesn't replace it."""
    brief = (
        "The night ferry is cancelled tonight because of fog in the outer channel, the Harbour "
        "Line said at six. Passengers holding tickets may travel on the first morning sailing, "
        "at seven, from the east quay."
    )
    page = (
        amp_page()
        .replace("<html amp", "<html")
        .replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<p>{brief}</p>")
    )
    page = page.replace("<head>", '<head><link rel="amphtml" href="/amp/ferry/">')
    amp = page.replace(
        "</article>",
        "<p>Read more about the night ferry and its winter timetable in our archive of stories.</p></article>",
    )
    html = "text/html; charset=utf-8"
    httpserver.expect_request("/news/ferry/").respond_with_data(page, content_type=html)
    httpserver.expect_request("/amp/ferry/").respond_with_data(amp, content_type=html)

    async def run() -> None:
        async with Library(data_dir) as lib:
            article = await lib.article(httpserver.url_for("/news/ferry/"))
            assert brief in to_text(article) and "archive" not in to_text(article)
            assert not article.page_url
            assert "/amp/ferry/" in [r.path for r, _ in httpserver.log]  # looked at, not taken

    asyncio.run(run())


def test_the_demos_script_built_story_reads_whole_from_its_amp_version(
    synced_dir: Path, demo_server: DemoServer
) -> None:
    """`reader demo`'s Northwind serves one story as a script's shell naming its AMP version:
    the sync caches the story whole, cited by its own address."""
    story = next(a for a in load_articles() if a.amp_only)
    link = demo_server.base_url + story.path

    async def run() -> None:
        async with Library(synced_dir) as lib:
            article = lib.cached_article(link)
            assert article is not None and not article.partial and not article.incomplete
            assert article.url == link and article.page_url == demo_server.base_url + story.amp_path
            text = " ".join(to_text(article).split())
            assert all(" ".join(p.split()) in text for p in story.paragraphs)
            assert article.author == story.author and article.published == story.published

    asyncio.run(run())
