"""The feed's own text of an entry: kept from the feed, and read when the page gives little.

A paywalled page shows a paragraph and a "subscribe" box while the feed's content:encoded
carries the whole story; a page built by scripts shows nothing while the feed has a summary.
Real parts: a loopback server of this test's own (stopped to take the network away), the
store on disk.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.extract import extract_page, to_text
from reader.feeds import parse_feed
from reader.library import Library
from reader.library.reextraction import Reextracted
from reader.models import Article, Entry, FetchError
from reader.store import Store
from reader.store import feeds as store_feeds
from tests.served_feed import serve_one_item, serve_site

STORY = [
    "The ferry company confirmed on Thursday that the Marram Point crossing will run a reduced "
    "timetable through the winter, with two sailings a day instead of five from December.",
    "Managers blamed the cost of fuel and a shortage of qualified deckhands, three of whom left "
    "for the offshore wind farms in the autumn. Islanders were told at a meeting in the school "
    "hall that the cuts would be reviewed in March.",
    "Parents said the early sailing, which carries about forty pupils to the secondary school on "
    "the mainland, had been kept only after a petition signed by more than half the island.",
    "The council's transport committee will discuss a subsidy at its next meeting. Its chair said "
    "the crossing was a lifeline, not a luxury, and that the authority would look at every option "
    "before the reduced timetable begins, including a bid to the national islands fund.",
    "A spokesman for the company said the vessel itself would use the quiet months for its "
    "five-yearly refit in the dry dock at Eastquay, which had been due next summer.",
]
SUMMARY = "Two sailings a day instead of five from December."
FULL_TEXT = "".join(f"<p>{p}</p>" for p in STORY)

PAYWALL = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry cuts winter timetable | Island Times</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>Ferry cuts winter timetable</h1>
<p>{STORY[0]}</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>Get unlimited access to the Island Times from £1 a week. Already a subscriber? <a href="/login">Log in</a>.</p></div>
</article></main><footer><p>© Island Times</p></footer></body></html>"""

SCRIPT_BUILT = (
    "<!doctype html><html><head><title>Tide app</title></head><body><div id='app'></div>"
    "<script>render()</script></body></html>"
)


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Island Times</title><link>{base}/</link>
<item><title>Ferry cuts winter timetable</title><link>{base}/ferry.html</link><guid>ferry</guid>
<pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>{SUMMARY}</description>
<content:encoded><![CDATA[{FULL_TEXT}]]></content:encoded></item>
<item><title>Tide times</title><link>{base}/tides.html</link><guid>tides</guid>
<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
<description>High water at 06:10 and 18:32; the evening tide is the highest of the month.</description></item>
</channel></rss>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    serve_site(own_server, rss, {"/ferry.html": PAYWALL, "/tides.html": SCRIPT_BUILT})
    return own_server


def run_reader(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader --data-dir data_dir ARGS` in a process of its own, with no config file."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_CONFIG": os.devnull},  # no settings
    )


# -- the feed ----------------------------------------------------------------------------------
def test_the_feed_keeps_an_items_fuller_content() -> None:
    parsed = parse_feed(
        rss("https://islandtimes.example").encode(), "https://islandtimes.example/f"
    )
    ferry, tides = parsed.entries
    assert ferry.summary == SUMMARY
    assert STORY[-1] in ferry.content and ferry.content.count("<p>") == len(STORY)
    assert tides.content == ""  # nothing beyond its summary


def test_atom_text_content_becomes_paragraphs_and_a_shorter_content_is_ignored() -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title><id>urn:n</id>
<updated>2026-11-26T09:00:00Z</updated>
<entry><title>Plain</title><id>urn:n:1</id><link href="https://n.example/1"/>
<updated>2026-11-26T09:00:00Z</updated><summary>Short.</summary>
<content type="text">{STORY[0]}

{STORY[1]} 3 &lt; 5</content></entry>
<entry><title>Less</title><id>urn:n:2</id><link href="https://n.example/2"/>
<updated>2026-11-26T08:00:00Z</updated><summary>{STORY[2]}</summary>
<content type="html">&lt;p&gt;Short.&lt;/p&gt;</content></entry></feed>"""
    plain, less = parse_feed(atom.encode(), "https://n.example/feed").entries
    assert plain.content.startswith(f"<p>{STORY[0]}</p><p>")
    assert plain.content.endswith("3 &lt; 5</p>")  # text, escaped: never read as a tag
    assert less.content == ""


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("AT&amp;amp;T buys Harbour Mobile", "AT&T buys Harbour Mobile"),  # escaped twice
        ("Tides &lt;i&gt;rise&lt;/i&gt; again", "Tides rise again"),  # markup, read as HTML
        ("<![CDATA[Q&amp;A: the <b>new</b> pier]]>", "Q&A: the new pier"),
        ("The &amp;lt;title&amp;gt; tag, and why 3 &lt; 5", "The <title> tag, and why 3 < 5"),
    ],
)
def test_an_rss_title_written_as_html_is_shown_as_its_text(written: str, shown: str) -> None:
    """Every RSS title may be HTML: entities read once, its markup left out ("AT&amp;T" and
    "<i>rise</i>" were listed and cited so)."""
    feed = f"""<rss version="2.0"><channel><title>Coast &amp;amp; Country</title><item>
<title>{written}</title><link>https://t.example/a</link></item></channel></rss>"""
    parsed = parse_feed(feed.encode(), "https://t.example/feed")
    assert parsed.title == "Coast & Country"
    assert parsed.entries[0].title == shown


def test_an_atom_title_of_type_html_shows_its_escaped_tags_as_text() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">A &amp;amp; B</title>
<entry><title type="html">Atom &amp;lt;i&amp;gt;xhtml&amp;lt;/i&amp;gt; story</title>
<id>a</id><link href="https://t.example/a"/></entry></feed>"""
    parsed = parse_feed(atom.encode(), "https://t.example/feed")
    assert parsed.entries[0].title == "Atom <i>xhtml</i> story"
    assert parsed.title == "A &amp; B"  # type="text": what it says, as it says it


def test_plain_text_in_a_feed_keeps_its_paragraphs_and_the_lines_it_means() -> None:
    """An Atom entry whose only text is plain (its content copied into its summary), and a
    YouTube-like description ("HTML" with no tag, its chapters one a line), ran together as
    one paragraph when a page gave nothing and the feed's text stood in."""
    description = (
        "Filmed from the clock tower at high tide. Waves reached ten metres.\n\n"
        "Chapters:\n0:00 The harbour\n1:12 The clock tower\n3:40 The pier\n\n"
        "Music: Quay Sessions &amp; friends."
    )
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>Harbour films</title><id>urn:h</id>
<entry><title>Plain</title><id>urn:h:1</id><link href="https://h.example/1"/>
<content type="text">{STORY[0]}

{STORY[1]}</content></entry>
<entry><title>Storm waves</title><id>urn:h:2</id><link href="https://h.example/2"/>
<media:group><media:description>{description}</media:description></media:group></entry>
</feed>"""
    plain, film = parse_feed(feed.encode(), "https://h.example/feed").entries
    shell = (
        b"<!doctype html><html><head><title>x</title></head><body><div id=app></div></body></html>"
    )
    texts = []
    for entry in (plain, film):
        article, _ = extract_page(shell, entry.link, None, entry.summary)
        texts.append(to_text(article, header=False))
    assert texts[0].strip().split("\n\n")[:2] == [STORY[0], STORY[1]]
    assert "Chapters:\n0:00 The harbour\n1:12 The clock tower\n3:40 The pier" in texts[1]
    assert "Music: Quay Sessions & friends." in texts[1]


# -- the library -------------------------------------------------------------------------------
def test_a_paywalled_page_reads_as_the_feeds_full_text(site: HTTPServer, data_dir: Path) -> None:
    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 2
            article = lib.cached_article(site.url_for("/ferry.html"))
            assert article is not None and article.partial
            text = to_text(article)
            assert all(paragraph in text for paragraph in STORY)
            assert "Subscribe to continue reading" not in text
            assert article.title == "Ferry cuts winter timetable"
            # The script-built page has the summary, which is all there is.
            tides = lib.cached_article(site.url_for("/tides.html"))
            assert tides is not None and tides.partial and "06:10" in to_text(tides)

    asyncio.run(run())


def test_an_entry_opened_later_finds_its_kept_text_and_reextract_keeps_it(
    site: HTTPServer, data_dir: Path
) -> None:
    async def refresh() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            await lib.refresh()

    async def open_later() -> None:
        # A new process: the entry comes from the store, without its content.
        async with Library(data_dir) as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.link.endswith("ferry.html"))
            assert entry.content == ""
            article = await lib.article(entry)
            assert article.partial and STORY[-1] in to_text(article)

    async def reextract_offline() -> None:
        async with Library(data_dir) as lib:
            done, failures = _counts(await lib.reextract())
            assert (done, failures) == (2, [])
            for page in ("/ferry.html", "/tides.html"):
                article = lib.cached_article(site.url_for(page))
                assert article is not None and article.partial
            assert STORY[-1] in to_text(lib.cached_article(site.url_for("/ferry.html")))

    asyncio.run(refresh())
    asyncio.run(open_later())
    tides = site.url_for("/tides.html")

    async def open_tides() -> None:
        async with Library(data_dir) as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.link == tides)
            await lib.article(entry)

    asyncio.run(open_tides())
    site.stop()  # from here on there is no network
    asyncio.run(reextract_offline())


def test_an_entrys_kept_text_goes_with_the_entry(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_feeds, "MAX_ENTRIES_PER_FEED", 2)
    store = Store(data_dir)
    try:
        feed = "https://islandtimes.example/feed.xml"
        store.add_feed(feed)

        def entry(n: int) -> Entry:
            return Entry(
                f"e{n}",
                feed,
                f"Story {n}",
                f"https://islandtimes.example/{n}",
                content=f"<p>{n}</p>",
            )

        store.merge_entries(feed, [entry(1), entry(2)])
        assert store.entry_content("e1") == "<p>1</p>"
        assert [e.content for e in store.entries(feed)] == ["", ""]  # kept apart from the list
        # Changed, an item's text is written again, its date moved or not (a correction
        # carried there alone, the feed dating it as before: acc45a A1).
        store.merge_entries(feed, [replace(entry(1), content="<p>edited</p>")])
        assert store.entry_content("e1") == "<p>edited</p>"
        later = datetime(2026, 11, 27, tzinfo=UTC)
        store.merge_entries(feed, [replace(entry(1), content="<p>again</p>", updated=later)])
        assert store.entry_content("e1") == "<p>again</p>"
        store.merge_entries(feed, [entry(3)])  # no dates: the newest is the one merged last…
        kept = {e.id for e in store.entries(feed)}
        assert len(kept) == 2
        for n in (1, 2, 3):
            assert bool(store.entry_content(f"e{n}")) == (f"e{n}" in kept)
        store.remove_feed(feed)
        assert not any(store.entry_content(f"e{n}") for n in (1, 2, 3))
    finally:
        store.close()


def test_reextract_drops_a_binary_page_cached_as_an_article(data_dir: Path) -> None:
    """Before bodies were sniffed, an image sent as text/html was cached as a short article of
    mojibake; re-extraction now finds it out, drops it and remembers the link."""
    from reader.keys import article_key
    from reader.models import Article, Block, BlockKind, Inline
    from reader.raw_pages import pack_raw_page

    url = "https://islandtimes.example/photo.html"
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    store = Store(data_dir)
    garbage = Article(url, "photo", blocks=(Block(BlockKind.PARAGRAPH, (Inline("‰PNG j£[¾"),)),))
    store.put_article(url, garbage, pack_raw_page(png, "text/html"))
    store.close()

    async def run() -> None:
        async with Library(data_dir) as lib:
            done, failures = _counts(await lib.reextract())
            assert done == 0 and [f[1].message for f in failures] == [
                "not an article page (image/png)"
            ]
            assert lib.cached_article(url) is None
            assert lib.store.raw_page(url) is None
            assert lib.store.not_an_article(url) == "not an article page (image/png)"
            assert article_key(url) not in lib.store.article_keys()

    asyncio.run(run())


def test_show_offline_gives_the_feeds_text_of_an_entry_never_synced(
    site: HTTPServer, data_dir: Path
) -> None:
    """`reader show ID --offline` on a headline never synced: the feed's text on stdout, the
    reason on stderr, and exit 1 (the article itself could not be had)."""

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return run_reader(data_dir, *args)

    assert reader("add", site.url_for("/feed.xml")).returncode == 0
    site.stop()
    headlines = json.loads(reader("list", "--json").stdout)
    ferry = next(h for h in headlines if h["link"].endswith("/ferry.html"))
    shown = reader("show", ferry["id"], "--offline")
    assert shown.returncode == 1
    assert shown.stderr.strip() == (
        "reader: not available offline: it is not in the cache (never synced, or pruned); "
        "showing the text the feed carried"
    )
    assert all(paragraph in shown.stdout for paragraph in STORY)
    assert "Note: this is the text the feed carried, not the page's" in shown.stdout
    # Its date is the feed's too, and said so.
    assert "Published: 2026-11-26T09:00:00+00:00 (per the feed)" in shown.stdout
    # A link that is no feed's entry has no feed text: only the reason.
    bare = reader("show", "https://islandtimes.example/nowhere.html", "--offline")
    assert bare.returncode == 1 and "showing" not in bare.stderr and bare.stdout == ""


# -- what the feed says of the article -------------------------------------------------------
BARE_PAGE = f"""<!doctype html><html><head><title>Harbour wall repaired</title></head><body>
<article><h1>Harbour wall repaired</h1>{FULL_TEXT}</article></body></html>"""


def synced_bare_page(data_dir: Path, feed: Callable[[str], str], content_type: str) -> Article:
    """The article a sync caches of the one item of `feed` (made for the server's address),
    whose page (`BARE_PAGE`) names no author, date or site."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(feed(base), content_type=content_type)
    server.expect_request("/wall.html").respond_with_data(BARE_PAGE, content_type="text/html")

    async def run() -> Article:
        async with Library(data_dir) as lib:
            lib.add_feed(server.url_for("/feed.xml"))
            assert (await lib.sync()).articles_fetched == 1
            article = lib.cached_article(f"{base}/wall.html")
            assert article is not None
            return article

    try:
        return asyncio.run(run())
    finally:
        server.stop()


def test_the_feeds_author_date_and_source_fill_what_the_page_does_not_say(
    data_dir: Path,
) -> None:
    """A page with no byline, date or site name: the cached article takes the feed's, so the
    citation (`reader show`, `y`) says what the reading view shows. RSS's author is an address
    with the name in brackets: the name is the author."""
    article = synced_bare_page(
        data_dir,
        lambda base: (
            f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Island Times</title><link>{base}/</link>
<item><title>Harbour wall repaired</title><link>{base}/wall.html</link><guid>wall</guid>
<pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><author>desk@islandtimes.example (Mairi Boyd)</author>
<description>{SUMMARY}</description></item></channel></rss>"""
        ),
        "application/rss+xml",
    )
    assert not article.partial
    assert article.author == "Mairi Boyd"
    assert article.published == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert article.site_name == "Island Times"
    header = to_text(article).split(STORY[0])[0]
    assert "Author: Mairi Boyd" in header and "Source: Island Times" in header
    assert "Published: 2026-11-26T09:00:00+00:00 (per the feed)" in header


def test_a_page_with_no_dates_takes_the_feeds_publication_and_revision_together(
    data_dir: Path,
) -> None:
    """An Atom entry published at 09:00 and updated at 11:30, for a page that states neither:
    the citation gave the publication alone, while the reading view said "updated"."""
    article = synced_bare_page(
        data_dir,
        lambda base: (
            f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Times</title><id>{base}/</id>
<updated>2026-11-26T11:30:00Z</updated><entry><title>Harbour wall repaired</title>
<link href="{base}/wall.html"/><id>wall</id><published>2026-11-26T09:00:00Z</published>
<updated>2026-11-26T11:30:00Z</updated><summary>{SUMMARY}</summary></entry></feed>"""
        ),
        "application/atom+xml",
    )
    header = to_text(article).split(STORY[0])[0]
    assert "Published: 2026-11-26T09:00:00+00:00 (per the feed)" in header
    assert "Updated: 2026-11-26T11:30:00+00:00 (per the feed)" in header


@pytest.mark.parametrize(
    ("written", "author"),
    [
        ("desk@islandtimes.example (Mairi Boyd)", "Mairi Boyd"),
        ("Mairi Boyd <desk@islandtimes.example>", "Mairi Boyd"),
        ("desk@islandtimes.example", "desk@islandtimes.example"),
        ("Boyd, Mairi (Reuters)", "Boyd, Mairi (Reuters)"),
    ],
)
def test_an_rss_author_is_the_name_without_its_address(written: str, author: str) -> None:
    feed = f"""<rss version="2.0"><channel><title>T</title><item><title>A</title>
<link>https://t.example/a</link><author>{html.escape(written)}</author></item></channel></rss>"""
    (entry,) = parse_feed(feed.encode(), "https://t.example/feed").entries
    assert entry.author == author


@pytest.mark.parametrize(
    "people",
    [
        "<author><name>Helen Tregarthen</name></author>"
        "<author><name>Sam Pike</name><email>sam@echo.example</email></author>",
        "<dc:creator>Helen Tregarthen</dc:creator><dc:creator>Sam Pike</dc:creator>",
    ],
)
def test_an_item_by_several_authors_names_them_all_in_order(people: str) -> None:
    """feedparser's `author` is the last of them: the story's lead writer was dropped."""
    atom = people.startswith("<author>")
    feed = (
        f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title>
<link href="https://t.example/a"/><id>a</id>{people}</entry></feed>"""
        if atom
        else f"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>T</title><item><title>A</title><link>https://t.example/a</link>{people}</item>
</channel></rss>"""
    )
    (entry,) = parse_feed(feed.encode(), "https://t.example/feed").entries
    assert entry.author == "Helen Tregarthen, Sam Pike"


_ATOM_BY_FEED = """<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>t</id>
<author><name>Helen Tregarthen</name></author>
<entry><title>A</title><link href="https://t.example/a"/><id>a</id></entry>
<entry><title>B</title><link href="https://t.example/b"/><id>b</id><source><title>Wire</title>
<author><name>Sam Pike</name></author></source></entry>
<entry><title>C</title><link href="https://t.example/c"/><id>c</id>
<author><name>Ola Berg</name></author></entry></feed>"""
_ATOM_03_BY_FEED = """<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>
<author><name>Helen Tregarthen</name></author><entry><title>A</title>
<link rel="alternate" type="text/html" href="https://t.example/a"/><id>a</id></entry></feed>"""
_JSON_BY_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "T",
    "authors": [{"name": "Helen Tregarthen"}],
    "items": [
        {"id": "a", "url": "https://t.example/a", "content_text": "A."},
        {
            "id": "b",
            "url": "https://t.example/b",
            "content_text": "B.",
            "authors": [{"name": "Sam Pike"}],
        },
    ],
}
_JSON_1_BY_FEED = {
    "version": "https://jsonfeed.org/version/1",
    "title": "T",
    "author": {"name": "Helen Tregarthen"},
    "items": [{"id": "a", "url": "https://t.example/a", "content_text": "A."}],
}


@pytest.mark.parametrize(
    ("feed", "authors"),
    [
        (_ATOM_BY_FEED, ["Helen Tregarthen", "Sam Pike", "Ola Berg"]),
        (_ATOM_03_BY_FEED, ["Helen Tregarthen"]),
        (json.dumps(_JSON_BY_FEED), ["Helen Tregarthen", "Sam Pike"]),
        (json.dumps(_JSON_1_BY_FEED), ["Helen Tregarthen"]),
    ],
    ids=["atom-1.0", "atom-0.3", "json-feed-1.1", "json-feed-1"],
)
def test_an_item_naming_no_author_is_by_its_sources_or_its_feeds(
    feed: str, authors: list[str]
) -> None:
    """RFC 4287 4.2.1: an Atom entry with no author has its `<source>`'s, else the feed's;
    JSON Feed 1.1: an item's authors, if not given, are the top-level ones. They were "" (no
    byline in the list, none to search by, none in the citation of a page that names none)."""
    entries = parse_feed(feed.encode(), "https://t.example/feed").entries
    assert [entry.author for entry in entries] == authors


def test_an_rss_channels_managing_editor_is_no_items_author() -> None:
    """feedparser gives a channel's `managingEditor` as the feed's author: an editor, not
    the writer of every item."""
    feed = """<rss version="2.0"><channel><title>T</title>
<managingEditor>desk@t.example (Mairi Boyd)</managingEditor><item><title>A</title>
<link>https://t.example/a</link></item></channel></rss>"""
    (entry,) = parse_feed(feed.encode(), "https://t.example/feed").entries
    assert entry.author == ""


def test_show_of_a_link_that_is_no_article_gives_the_feeds_text_and_names_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A headline linking to a PDF is unavailable as the others are: the feed's text on stdout,
    and on stderr the reason with the link itself, to open elsewhere; exit 1, online or not."""

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return run_reader(data_dir, *args)

    pdf = httpserver.url_for("/docs/report.pdf")
    feed = serve_one_item(httpserver, "Council", "Annual report", pdf, SUMMARY)
    httpserver.expect_request("/docs/report.pdf").respond_with_data(
        b"%PDF-1.4\n%binary", content_type="application/pdf"
    )
    assert reader("add", feed).returncode == 0
    (report,) = json.loads(reader("list", "--json").stdout)
    for offline in ([], ["--offline"]):  # the second from what the first remembered
        shown = reader("show", report["id"], *offline)
        assert shown.returncode == 1, offline
        assert shown.stderr.strip() == (
            f"reader: {pdf}: not an article page (application/pdf, which could not be read); "
            "open the original link in a browser; showing the text the feed carried"
        )
        assert SUMMARY in shown.stdout and "the text the feed carried" in shown.stdout
    # A link no feed carries: only the reason, naming it.
    bare = reader("show", httpserver.url_for("/docs/report.pdf?copy"))
    assert bare.returncode == 1 and bare.stdout == ""
    assert bare.stderr.startswith(f"reader: {pdf}?copy: not an article page")


@pytest.mark.parametrize("status", [403, 404, 410, 503])
def test_show_of_a_page_the_site_refuses_gives_the_feeds_text_online_as_offline(
    httpserver: HTTPServer, data_dir: Path, status: int
) -> None:
    """A story taken down (404, 410), a site that turns readers away (403) or is down (503):
    `--offline` printed the feed's text, with the reason the last try failed, and the same
    command online printed the reason alone, so asking the network gave less."""
    story = httpserver.url_for("/news/ferry-cuts.html")
    feed = serve_one_item(httpserver, "Coast News", "Ferry cuts", story, SUMMARY)
    httpserver.expect_request("/news/ferry-cuts.html").respond_with_data("no", status=status)
    assert run_reader(data_dir, "add", feed).returncode == 0
    (item,) = json.loads(run_reader(data_dir, "list", "--json").stdout)
    online = run_reader(data_dir, "show", item["id"])
    offline = run_reader(data_dir, "show", item["id"], "--offline")
    for shown in (online, offline):
        assert shown.returncode == 1
        assert SUMMARY in shown.stdout and "the text the feed carried" in shown.stdout
        assert shown.stderr.endswith("; showing the text the feed carried\n"), shown.stderr
    assert str(status) in online.stderr


def test_lists_mark_an_article_cached_only_in_part_apart_from_a_whole_one(
    site: HTTPServer, data_dir: Path
) -> None:
    """A traveller syncs before a flight: the list must say which articles are there whole
    (↓) and which only as the feed's text or the part a page showed (½), in `reader list`, its
    JSON and the reader's headline list, also for an article that arrives while it is open."""
    base = site.url_for("").rstrip("/")
    whole = f"<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>{FULL_TEXT}"
    site.expect_request("/whole.html").respond_with_data(
        whole + "</article></body></html>", content_type="text/html"
    )
    site.expect_request("/more.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>More</title><item>'
        f"<title>Harbour dues</title><link>{base}/whole.html</link><guid>whole</guid>"
        "<pubDate>Thu, 26 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        content_type="application/rss+xml",
    )
    assert run_reader(data_dir, "add", site.url_for("/feed.xml")).returncode == 0
    assert run_reader(data_dir, "add", site.url_for("/more.xml")).returncode == 0
    assert run_reader(data_dir, "sync").returncode == 0
    listed = {h["title"]: h for h in json.loads(run_reader(data_dir, "list", "--json").stdout)}
    # The ferry story's whole text is in its feed (content:encoded): read offline whole, it
    # is no "½" (acc42c C5); the tides' summary in a page's place is.
    assert {title: (h["cached"], h["partial"]) for title, h in listed.items()} == {
        "Harbour dues": (True, False),
        "Ferry cuts winter timetable": (True, False),
        "Tide times": (True, True),
    }
    lines = run_reader(data_dir, "list").stdout.splitlines()
    marks = {line.rsplit(": ", 1)[1]: line.split("  ")[2].strip() for line in lines}
    assert marks == {
        "Harbour dues": "N↓",
        "Ferry cuts winter timetable": "N↓",
        "Tide times": "N½",
    }

    from tests.tui_pilot import running

    async def tui() -> None:
        async with running(data_dir, (100, 20), prefetch=False) as (app, _pilot):
            from reader.ui.widgets.main.headline_table import HeadlineTable

            rows = app.screen.query_one(HeadlineTable).rows
            shown = {h.entry.title: h.partial for h in rows}
            assert shown == {
                "Harbour dues": False,
                "Ferry cuts winter timetable": False,
                "Tide times": True,
            }
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert "● ½" in screen and "● ↓" in screen
            # Marked as it is when it comes in anew (opened here: the cached one).
            tides = next(h for h in rows if h.entry.title.startswith("Tide"))
            app.index.set_cached(tides.entry.id, False)
            await app.read_article(tides.entry)
            tides_now = app.index.get(tides.entry.id)
            assert tides_now is not None and tides_now.cached and tides_now.partial

    asyncio.run(tui())


def test_a_sync_tells_of_each_article_it_caches_only_in_part(
    site: HTTPServer, data_dir: Path
) -> None:
    """The reader marks a sync's arrivals from its progress reports, without reading the store
    on its event loop: each report of an article cached says whether it is whole."""
    from reader.reports import SyncProgress

    heard: dict[str, bool] = {}

    def progress(report: SyncProgress) -> None:
        if report.cached is not None:
            heard[report.cached.title] = report.in_part

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            await lib.sync(progress=progress)

    asyncio.run(run())
    # The ferry story's whole text came in its feed: cached whole (acc42c C5).
    assert heard == {"Ferry cuts winter timetable": False, "Tide times": True}


def test_a_feed_served_with_a_type_not_of_xml_is_no_malformed_xml() -> None:
    """Served as application/octet-stream, a well-formed feed is read with no complaint; a
    feed whose XML is broken is still said to be."""
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title><item>'
        b"<title>Tides</title><link>https://quay.example/tides</link></item></channel></rss>"
    )
    for content_type in ("application/octet-stream", "text/plain", ""):
        parsed = parse_feed(rss, "https://quay.example/feed", content_type=content_type)
        assert (parsed.title, parsed.problem) == ("Quay", "")
    broken = parse_feed(
        rss.replace(b"</item>", b""), "https://quay.example/feed", content_type="text/plain"
    )
    assert broken.problem.startswith("the feed's XML has errors, read anyway (")
    assert "<unknown>" not in broken.problem  # the parser's name for its input (acc27b B13)
    assert "media type" not in broken.problem


# -- the feed's times --------------------------------------------------------------------------
def atom_at_an_offset(base: str) -> str:
    """One Atom entry, its times written an hour east of UTC, as a Paris newsroom's CMS writes
    them."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Times</title><id>{base}/</id>
<updated>2026-12-03T11:40:00+01:00</updated><entry><title>Harbour wall repaired</title>
<link href="{base}/wall.html"/><id>wall</id><published>2026-12-03T10:15:00+01:00</published>
<updated>2026-12-03T11:40:00+01:00</updated><summary>{SUMMARY}</summary></entry></feed>"""


def test_a_feeds_times_keep_the_offset_the_feed_wrote() -> None:
    """feedparser reads every time into UTC: the offset is the written string's. One that
    doesn't parse as the same moment leaves feedparser's reading; a time without a zone stays
    the UTC it always sorted as."""
    (entry,) = parse_feed(
        atom_at_an_offset("https://it.example").encode(), "https://it.example/f"
    ).entries
    assert entry.published is not None and entry.updated is not None
    assert entry.published.isoformat() == "2026-12-03T10:15:00+01:00"
    assert entry.updated.isoformat() == "2026-12-03T11:40:00+01:00"
    rss_feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>
<item><title>Ferry cuts</title><link>https://cn.example/a</link>
<pubDate>Thu, 03 Dec 2026 10:15:00 EST</pubDate></item>
<item><title>Tides</title><link>https://cn.example/b</link>
<pubDate>2026-12-03T10:15:00</pubDate></item></channel></rss>"""
    eastern, unzoned = parse_feed(rss_feed.encode(), "https://cn.example/f").entries
    assert eastern.published is not None and unzoned.published is not None
    assert eastern.published.isoformat() == "2026-12-03T10:15:00-05:00"
    assert unzoned.published.isoformat() == "2026-12-03T10:15:00+00:00"


def test_a_page_with_no_time_is_cited_at_the_feeds_own_offset(data_dir: Path) -> None:
    """The page states no time: the citation gives the feed's as the feed wrote it, not the
    same moment moved to UTC ("2026-12-03T09:15:00+00:00")."""
    article = synced_bare_page(data_dir, atom_at_an_offset, "application/atom+xml")
    header = to_text(article).split(STORY[0])[0]
    assert "Published: 2026-12-03T10:15:00+01:00" in header
    assert "Updated: 2026-12-03T11:40:00+01:00" in header


def test_a_story_taken_down_is_cited_at_the_feeds_own_offset(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A 404 for the story: `reader show` prints the feed's text under its citation, online and
    offline (from the cache), at the offset the feed wrote; `reader list --json` gives the same."""
    httpserver.expect_request("/feed.xml").respond_with_data(
        atom_at_an_offset(httpserver.url_for("").rstrip("/")),
        content_type="application/atom+xml",
    )
    httpserver.expect_request("/wall.html").respond_with_data("gone", status=404)
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    (item,) = json.loads(run_reader(data_dir, "list", "--json").stdout)
    assert item["published"] == "2026-12-03T10:15:00+01:00"
    for offline in ([], ["--offline"]):
        for form in ("text", "markdown"):
            shown = run_reader(data_dir, "show", item["id"], "--format", form, *offline)
            assert shown.returncode == 1, shown.stderr
            assert "Published: 2026-12-03T10:15:00+01:00" in shown.stdout, (form, offline)
        as_json = json.loads(
            run_reader(data_dir, "show", item["id"], "--format", "json", *offline).stdout
        )
        assert as_json["published"] == "2026-12-03T10:15:00+01:00"


def test_y_cites_a_story_taken_down_at_the_feeds_own_offset(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """The reading view shows the feed's text of a 404 story; `y` copies its citation with the
    time as the feed wrote it, as `reader show` prints it."""
    from tests.tui_pilot import reading

    httpserver.expect_request("/feed.xml").respond_with_data(
        atom_at_an_offset(httpserver.url_for("").rstrip("/")),
        content_type="application/atom+xml",
    )
    httpserver.expect_request("/wall.html").respond_with_data("gone", status=404)
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0

    async def run() -> None:
        async with reading(data_dir, "Harbour wall") as (app, pilot, _body):
            await pilot.pause()
            copied: list[str] = []
            app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
            await pilot.press("y")
            assert len(copied) == 1 and "Published: 2026-12-03T10:15:00+01:00" in copied[0]

    asyncio.run(run())


def _counts(result: Reextracted) -> tuple[int, list[tuple[str, FetchError]]]:
    return result.done, result.failures


def test_the_reader_does_not_ask_again_ahead_for_a_story_a_sync_found_taken_down(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A sync found the story gone (404): the reader's fetch-ahead, at every start and every
    refresh, asked the site for it again (acc27b B5); a day later a sync asks, or opening it."""
    from tests.tui_pilot import open_row, running, until

    httpserver.expect_request("/feed.xml").respond_with_data(
        atom_at_an_offset(httpserver.url_for("").rstrip("/")),
        content_type="application/atom+xml",
    )
    httpserver.expect_request("/wall.html").respond_with_data("gone", status=404)
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    run_reader(data_dir, "sync")

    def asked() -> int:
        return sum(request.path == "/wall.html" for request, _ in httpserver.log)

    assert asked() == 1

    async def run() -> None:
        async with running(data_dir, (100, 30)) as (app, pilot):
            await until(pilot, lambda: app.shown.is_set(), "the list shown")
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            assert asked() == 1
            await open_row(pilot, 0)  # opened, it is asked for at once
            assert asked() == 2

    asyncio.run(run())


def test_a_feed_refused_for_its_xml_is_not_said_read_anyway(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """`add` of an answer that is no XML at all: one line that doesn't contradict itself.
    It said "not a readable feed (the feed's XML has errors, read anyway (syntax error…))"
    (acc29c's note: a 200 whose Content-Type carried an escape, its body "xxx…")."""
    from tests.cli_run import run_reader

    httpserver.expect_request("/ctype").respond_with_data(
        "x" * 300, content_type="application/x-\x1b]0;title\x07"
    )
    added = run_reader(tmp_path / "home", "add", httpserver.url_for("/ctype"))
    line = next(line for line in added.stderr.splitlines() if "first fetch failed" in line)
    assert line.endswith(
        ": not a readable feed (its XML has errors: syntax error at line 2, column 0)"
    )
    assert "read anyway" not in line and "\x1b" not in line
