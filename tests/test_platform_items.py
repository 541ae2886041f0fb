"""Aggregators' and platforms' feeds, read and cited as their stories are (acc42c C9, C10 and
C5's Mastodon posts): a Google News item cited to the outlet its RSS `<source>` names, its
" - The Harbour Post" cut from the headline; a Mastodon post's mention "@tom" in the headline
list and the post read offline whole (no "½"); a Reddit self-post without the feed's
"submitted by … [link] [comments]"; an "Ask HN" with no "Link:" to itself and its times in UTC;
WordPress's "admin" no author. Real parts: the feeds and pages served on 127.0.0.1 in the
platforms' shapes, the store on disk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.feed_summary import summary_line

OUTLET = "The Harbour Post"
WALLED = "Harbour board delays dredging contract over silt costs"
READABLE = "The ledger of the harbour's spending"

WALL = """<!doctype html><html><head><title>Before you continue | The Harbour Post</title></head>
<body><div class="consent"><h1>We value your privacy</h1><p>The Harbour Post is part of the Coast
family of brands. We and our 847 partners store and access information on your device, such as
cookies, to personalise ads and content.</p><button>Accept all</button> <button>Reject all</button>
<a href="/manage">Manage options</a></div></body></html>"""


def story(title: str, site: str) -> str:
    paragraphs = "".join(
        f"<p>{title}, part {n}: the board met on Monday and heard from the harbour master, who "
        "said the silt had risen faster than any survey had predicted.</p>"
        for n in range(6)
    )
    return (
        f"<!doctype html><html><head><title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}"></head><body><article><h1>{title}</h1>'
        f"{paragraphs}</article></body></html>"
    )


def google_news(base: str) -> str:
    """Google News's RSS: the outlet after each title and in grey after the headline in the
    description, named in `<source>`; links through Google's host, which redirects here."""

    def item(code: str, title: str, outlet: str) -> str:
        link = f"{base}/rss/articles/{code}?oc=5"
        return (
            f"<item><title>{title} - {outlet}</title><link>{link}</link>"
            f"<guid isPermaLink='false'>{code}</guid>"
            "<pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate>"
            f"<description>&lt;a href=&quot;{link}&quot;&gt;{title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;"
            f"&lt;font color=&quot;#6f6f6f&quot;&gt;{outlet}&lt;/font&gt;</description>"
            f"<source url='{base}/'>{outlet}</source></item>"
        )

    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f'<title>"harbour" - Google News</title><link>{base}/</link>'
        f"{item('CBMi1', WALLED, OUTLET)}{item('CBMi2', READABLE.replace(chr(39), '&apos;'), 'Field Notes')}"
        "</channel></rss>"
    )


MENTION = (
    '&lt;p&gt;&lt;span class="h-card"&gt;&lt;a href="https://social.example/@tom" '
    'class="u-url mention"&gt;@&lt;span&gt;tom&lt;/span&gt;&lt;/a&gt;&lt;/span&gt; yes — the FOI '
    "came back with 212 cancelled sailings over the winter, more than the operator told the "
    "council it had cancelled in the whole year.&lt;/p&gt;"
)


def mastodon(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lena Morgan'
        f"</title><link>{base}/@lena</link><generator>Mastodon v4.2.0</generator>"
        f"<item><guid isPermaLink='true'>{base}/@lena/1135</guid><link>{base}/@lena/1135</link>"
        "<pubDate>Sat, 05 Dec 2026 10:00:00 +0000</pubDate>"
        f"<description>{MENTION}</description></item></channel></rss>"
    )


# A post's page as Mastodon serves it to a reader without scripts: the account as its title,
# the post's start in og:description, an app's shell.
POST_PAGE = """<!doctype html><html><head><title>Lena Morgan (@lena@social.example)</title>
<meta property="og:title" content="Lena Morgan (@lena@social.example)">
<meta property="og:description" content="@tom yes — the FOI came back with 212 cancelled sailings">
<meta property="profile:username" content="lena@social.example"></head><body>
<div id="mastodon"></div><noscript>To use the Mastodon web application, please enable
JavaScript.</noscript></body></html>"""

SELF_POST = "Does anyone know why the 7:40 ferry has been cancelled every Tuesday since October?"


def reddit(base: str) -> str:
    thread = f"{base}/r/harbour/comments/abc1/why_ferry/"
    content = (
        f'<!-- SC_OFF --><div class="md"><p>{SELF_POST} The operator says staffing.</p> '
        "<p>Asking for the whole island.</p> </div><!-- SC_ON --> &#32; submitted by &#32; "
        f'<a href="{base}/user/islander22"> /u/islander22 </a> <br/> <span><a href="{thread}">'
        f'[link]</a></span> &#32; <span><a href="{thread}">[comments]</a></span>'
    )
    escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>/r/harbour/.rss</id><title>harbour</title><updated>2026-12-05T10:00:00+00:00</updated>"
        f"<entry><author><name>/u/islander22</name></author><id>t3_abc1</id>"
        f'<content type="html">{escaped}</content><link href="{thread}"/>'
        "<updated>2026-12-05T10:00:00+00:00</updated><title>Why is the 7:40 ferry cancelled every "
        "Tuesday?</title></entry></feed>"
    )


def wordpress(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Society</title>'
        f"<link>{base}/wp/</link><item><title>Harbour open day draws record crowd</title>"
        f"<link>{base}/wp/123/open-day/</link><dc:creator><![CDATA[admin]]></dc:creator>"
        f"<guid isPermaLink='false'>{base}/wp/?p=123</guid>"
        "<pubDate>Sat, 05 Dec 2026 09:00:00 +0000</pubDate>"
        "<description>Over 2,000 visitors came to the harbour on Saturday.</description>"
        "</item></channel></rss>"
    )


def ask_hn(title: str) -> str:
    """Hacker News's page of an "Ask HN": its link is its own page, its times' tooltips carry
    no zone."""
    return f"""<html lang="en" op="item"><head><title>{title} | Hacker News</title></head><body>
<table id="hnmain"><tr><td><table class="fatitem"><tr class="athing submission" id="42002">
<td class="title"><span class="titleline"><a href="item?id=42002">{title}</a></span></td></tr>
<tr><td class="subtext"><span class="subline">by <a href="user?id=ledgerfan" class="hnuser">
ledgerfan</a> <span class="age" title="2026-12-05T09:00:00"><a href="item?id=42002">1 day ago
</a></span></span></td></tr><tr><td><div class="toptext">Our local paper wants to publish every
council payment over 500 pounds. How do you scrape, store and check them?</div></td></tr></table>
<table class="comment-tree"><tr class="athing comtr" id="42003"><td><table><tr>
<td class="ind" indent="0"></td><td class="default"><div><span class="comhead">
<a href="user?id=csvwrangler" class="hnuser">csvwrangler</a> <span class="age"
title="2026-12-05T09:30:00"><a href="item?id=42003">1 day ago</a></span></span></div>
<div class="comment"><div class="commtext c00">We load each month into SQLite with a mapping of
the column names per year.</div></div></td></tr></table></td></tr></table></td></tr></table>
</body></html>"""


@pytest.fixture
def platforms() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    feeds = {
        "/gnews/rss": google_news,
        "/@lena.rss": mastodon,
        "/r/harbour/.rss": reddit,
        "/wp/feed": wordpress,
    }
    for path, feed in feeds.items():
        server.expect_request(path).respond_with_data(
            feed(base), content_type="application/rss+xml"
        )
    for code, to in (("CBMi1", "/news/dredging"), ("CBMi2", "/fn/ledger")):
        server.expect_request(f"/rss/articles/{code}").respond_with_data(
            "", status=302, headers={"Location": f"{base}{to}"}
        )
    pages = {
        "/news/dredging": WALL,
        "/fn/ledger": story(READABLE, "Field Notes"),
        "/@lena/1135": POST_PAGE,
        "/wp/123/open-day/": story("Harbour open day draws record crowd", "Harbour Society"),
        "/hn/item": ask_hn("Ask HN: How do you track council spending?"),
    }
    for path, page in pages.items():
        server.expect_request(path).respond_with_data(page, content_type="text/html")
    server.expect_request("/r/harbour/comments/abc1/why_ferry/").respond_with_data(
        "Blocked", status=403
    )
    yield server
    server.clear()
    server.stop()


Reader = Callable[..., tuple[int, str]]


@pytest.fixture
def reader(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Reader:
    def run(*args: str) -> tuple[int, str]:
        status = main(["--data-dir", str(data_dir), *args])
        return status, capsys.readouterr().out

    return run


def synced(reader: Reader, feed: str) -> dict[str, dict[str, object]]:
    """The headlines of `feed` once subscribed and synced, by title."""
    reader("add", feed)
    reader("sync")
    return {item["title"]: item for item in json.loads(reader("list", "--json")[1])}


def test_a_google_news_item_is_cited_to_its_outlet_under_the_outlets_headline(
    platforms: HTTPServer, reader: Reader
) -> None:
    listed = synced(reader, platforms.url_for("/gnews/rss"))
    assert set(listed) == {WALLED, READABLE}  # no " - The Harbour Post" after either
    _, citation = reader("show", str(listed[WALLED]["id"]), "--format", "citation", "--offline")
    lines = citation.splitlines()
    assert lines[0] == WALLED
    assert f"Source: {OUTLET}" in lines
    assert "cookie-consent page" in citation  # the page's own word on it, still said
    _, text = reader("show", str(listed[WALLED]["id"]), "--offline")
    assert OUTLET not in text.split("Note:", 1)[-1]  # nor in the feed's text after the headline
    # A page read keeps its own title and site.
    _, citation = reader("show", str(listed[READABLE]["id"]), "--format", "citation")
    assert citation.splitlines()[0] == READABLE and "Source: Field Notes" in citation


def test_an_outlets_name_is_cut_from_a_title_only_where_it_ends_it() -> None:
    from reader.platform_items import without_source

    assert without_source(f"{WALLED} - {OUTLET}", OUTLET) == WALLED
    assert without_source(f"{WALLED} - the harbour post", OUTLET) == WALLED
    assert without_source(f"{OUTLET} - {WALLED}", OUTLET) == f"{OUTLET} - {WALLED}"
    assert without_source(f"- {OUTLET}", OUTLET) == f"- {OUTLET}"  # nothing before it
    assert without_source(f"{WALLED} - Island Times", OUTLET) == f"{WALLED} - Island Times"
    assert without_source(f"{WALLED} - {OUTLET}", "") == f"{WALLED} - {OUTLET}"


def test_a_mastodon_post_is_headed_by_its_mention_as_written_and_read_whole(
    platforms: HTTPServer, reader: Reader
) -> None:
    (post,) = synced(reader, platforms.url_for("/@lena.rss")).values()
    assert str(post["title"]).startswith("@tom yes — the FOI came back")
    assert post["cached"] and not post["partial"]  # its feed carries all of it: ↓, not ½
    assert reader("list", "--not-offline", "--ids")[1].split() == []
    _, shown = reader("show", str(post["id"]), "--offline")
    assert "in the whole year." in shown
    # Inline tags part no words; blocks and breaks still do.
    assert summary_line("<p>a <b>bo</b>ld <a href='x'>li<span>nk</span></a></p><p>next</p>") == (
        "a bold link next"
    )
    assert summary_line("one<br>two") == "one two"
    # An excerpt with no title, ending "[…]", is a summary still: not the item whole.
    from reader.feeds import parse_feed

    excerpt = mastodon("https://social.example").replace(
        "whole year.&lt;/p&gt;", "whole year, and [&amp;#8230;]&lt;/p&gt;"
    )
    (cut,) = parse_feed(excerpt.encode(), "https://social.example/@lena.rss").entries
    assert cut.content == "" and cut.summary


def test_a_reddit_self_post_has_no_feed_footer(platforms: HTTPServer, reader: Reader) -> None:
    (post,) = synced(reader, platforms.url_for("/r/harbour/.rss")).values()
    _, shown = reader("show", str(post["id"]), "--offline")
    assert SELF_POST in shown and "Asking for the whole island." in shown
    for footer in ("submitted by", "[link]", "[comments]"):
        assert footer not in shown
    # A link post's "[link]" is to the story it shares: kept.
    from reader.platform_items import without_platform_footer

    linked = (
        '<div class="md"><p>x</p></div> &#32; submitted by &#32; <a href="/u"> /u/a </a> <br/> '
        '<span><a href="https://news.example/story">[link]</a></span> &#32; '
        '<span><a href="https://reddit.example/r/x/comments/1/">[comments]</a></span>'
    )
    assert without_platform_footer(linked) == linked


def test_wordpress_admin_is_no_author(platforms: HTTPServer, reader: Reader) -> None:
    (post,) = synced(reader, platforms.url_for("/wp/feed")).values()
    assert post["author"] == ""
    _, citation = reader("show", str(post["id"]), "--format", "citation", "--offline")
    assert "admin" not in citation and "Source: Harbour Society" in citation


def test_an_ask_hn_links_nowhere_and_is_dated_in_utc(platforms: HTTPServer, reader: Reader) -> None:
    status, shown = reader("show", platforms.url_for("/hn/item") + "?id=42002")
    assert status == 0
    assert "Link:" not in shown
    assert "Published: 2026-12-05T09:00:00+00:00" in shown.splitlines()
    assert "csvwrangler · 2026-12-05T09:30:00+00:00" in shown
