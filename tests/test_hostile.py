"""Hostile and broken input from strangers: each case gets a clear answer and spoils nothing else."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from hostile_site import ESCAPES, MARKUP, install
from pytest_httpserver import HTTPServer

from reader.config import FetchLimits
from reader.extract import MAX_TAGS, extract_article
from reader.feeds import MAX_AUTHOR_CHARS, MAX_CATEGORIES, parse_feed
from reader.library import Library
from reader.models import ErrorKind, FetchError
from reader.render import to_text

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    install(server)
    yield server
    server.clear()
    server.stop()


def run(coro):
    return asyncio.run(coro)


async def _refresh(directory: Path, url: str, limits: FetchLimits | None = None):
    async with Library(directory, limits=limits or FetchLimits()) as lib:
        lib.add_feed(url)
        result = await lib.refresh_feed(url)
        return result, lib.headlines()


async def _article(directory: Path, url: str, limits: FetchLimits | None = None):
    async with Library(directory, limits=limits or FetchLimits()) as lib:
        return await lib.article(url)


def article_error(directory: Path, url: str, limits: FetchLimits | None = None) -> FetchError:
    with pytest.raises(FetchError) as info:
        run(_article(directory, url, limits))
    error = info.value
    assert error.message and "\n" not in error.message and not CONTROL.search(error.message)
    return error


# -- terminal escapes and markup ---------------------------------------------------------------
def test_escapes_never_reach_titles_or_text(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir, hostile.url_for("/escapes.xml")))
    assert result.feed.title == "Escape Gazette"
    titles = {h.entry.title for h in headlines}
    assert {"Window title", "Clipboard", "Hyperlink", "Red alert", "Invoice exe.pdf"} <= titles
    assert not any(CONTROL.search(t) for t in titles)
    for key in ESCAPES:
        article = run(_article(data_dir, hostile.url_for(f"/escapes/{key}.html")))
        assert not CONTROL.search(to_text(article)) and not CONTROL.search(article.title)


def test_markup_is_kept_literally(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir, hostile.url_for("/markup.xml")))
    assert result.feed.title == "[red]Markup[/red] Times"
    assert {h.entry.title for h in headlines} == set(MARKUP)


# -- XML attacks ---------------------------------------------------------------------------------
def test_billion_laughs_is_not_expanded(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir, hostile.url_for("/lol.xml")))
    assert len(result.feed.title) < 100  # "&lol9;" left as it was, never expanded
    assert all(len(h.entry.title) < 100 for h in headlines)
    assert result.feed.problem and "DOCTYPE" in result.feed.problem


def test_external_entities_and_dtds_are_never_resolved(hostile: HTTPServer, data_dir: Path) -> None:
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\0"
    result, headlines = run(_refresh(data_dir, hostile.url_for("/xxe.xml")))
    assert hostname not in result.feed.title and all(
        hostname not in h.entry.title for h in headlines
    )
    run(_refresh(data_dir, hostile.url_for("/dtd.xml")))
    assert not [r for r, _ in hostile.log if r.path == "/evil.dtd"]


ENTITY_FEED = (
    '<rss version="2.0"><channel><title>T &big;</title><item><title>A &big;</title>'
    "<link>https://t.example/a</link></item></channel></rss>"
)
DECLARATION = '<!DOCTYPE rss [<!ENTITY big "{}">]>'.format("x]>" * 30_000)


@pytest.mark.parametrize(
    "body",
    [
        # The DOCTYPE after a comment padding the prolog past any first-bytes scan.
        f'<?xml version="1.0"?><!--{" " * 200_000}-->{DECLARATION}{ENTITY_FEED}'.encode(),
        # In UTF-16 without a byte-order mark, where no byte pattern sees "<!DOCTYPE".
        f'<?xml version="1.0" encoding="utf-16"?>{DECLARATION}{ENTITY_FEED}'.encode("utf-16-le"),
        f'<?xml version="1.0" encoding="utf-16"?>{DECLARATION}{ENTITY_FEED}'.encode("utf-16-be"),
    ],
)
def test_a_doctype_anywhere_in_the_prolog_is_removed(body: bytes) -> None:
    parsed = parse_feed(body, "https://t.example/feed")
    assert "DOCTYPE" in parsed.problem
    assert len(parsed.title) < 100 and parsed.entries[0].title.startswith("A")
    assert all(len(entry.title) < 100 for entry in parsed.entries)


@pytest.mark.parametrize(
    ("body", "header"),
    [
        # A "]" in a comment of the subset, then a second DOCTYPE after a comment.
        (
            f'<?xml version="1.0"?><!DOCTYPE x [<!-- ] -->]><!-- c -->{DECLARATION}{ENTITY_FEED}',
            None,
        ),
        # A quote in a comment of the subset: the rest of the feed is no quoted value.
        (f"<!DOCTYPE x [<!-- it's -->]>{ENTITY_FEED}", None),
        # UTF-16 without a byte-order mark, opening with a comment, with and without a header.
        (f"<!-- c -->{DECLARATION}{ENTITY_FEED}".encode("utf-16-le"), "utf-16"),
        (f"<!-- c -->{DECLARATION}{ENTITY_FEED}".encode("utf-16-be"), None),
    ],
)
def test_no_doctype_of_the_prolog_gets_past(body: str | bytes, header: str | None) -> None:
    raw = body.encode() if isinstance(body, str) else body
    parsed = parse_feed(raw, "https://t.example/feed", header_charset=header)
    assert parsed.entries and parsed.entries[0].title.startswith("A")
    assert all(len(entry.title) < 100 for entry in parsed.entries) and len(parsed.title) < 100


def test_a_declaration_outside_a_doctype_is_refused() -> None:
    with pytest.raises(FetchError) as raised:
        parse_feed(f'<!ENTITY big "x">{ENTITY_FEED}'.encode(), "https://t.example/feed")
    assert raised.value.message == "not a readable feed (a declaration outside any element)"


def test_a_feed_in_ebcdic_or_utf_32_is_refused_not_parsed() -> None:
    feed = f'<?xml version="1.0"?>{DECLARATION}{ENTITY_FEED}'
    for body in (feed.encode("cp037"), feed.encode("utf-32-le"), feed.encode("utf-32")):
        with pytest.raises(FetchError) as raised:
            parse_feed(body, "https://t.example/feed")
        assert raised.value.kind == ErrorKind.BAD_FEED
        assert "EBCDIC or UTF-32" in raised.value.message


def test_an_author_field_is_cut_before_feedparser_searches_it() -> None:
    """feedparser's search for an e-mail address in an author takes time growing with the
    square of its length (hours for a megabyte): the field is cut first."""
    author = "Z" * 20_000
    feed = (
        f'<rss version="2.0"><channel><title>T</title><managingEditor>{author}</managingEditor>'
        f"<item><title>A</title><link>https://t.example/a</link><author>{author}</author>"
        f'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{author}</dc:creator></item>'
        "</channel></rss>"
    )
    parsed = feedparser.parse(feed.encode())
    assert len(parsed.entries[0].author) == MAX_AUTHOR_CHARS
    assert len(parsed.feed.author) == MAX_AUTHOR_CHARS
    assert parse_feed(feed.encode(), "https://t.example/feed").entries[0].author.startswith("ZZZ")


def test_an_items_categories_are_capped_before_feedparser_compares_them() -> None:
    """feedparser compares each category with every one kept before it: an item of 100,000
    held `reader add` for half an hour. The first MAX_CATEGORIES are kept, in order."""
    tags = "".join(f"<category>c{n}</category>" for n in range(3 * MAX_CATEGORIES))
    subjects = "".join(f"<dc:subject>s{n}</dc:subject>" for n in range(3 * MAX_CATEGORIES))
    feed = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T'
        f"</title><item><title>A</title><link>https://t.example/a</link>{tags}{subjects}</item>"
        "</channel></rss>"
    )
    entry = feedparser.parse(feed.encode()).entries[0]
    assert [t.term for t in entry.tags] == [f"c{n}" for n in range(MAX_CATEGORIES)]
    assert parse_feed(feed.encode(), "https://t.example/feed").entries[0].title == "A"


def test_a_page_of_too_many_tags_is_refused_before_it_is_parsed() -> None:
    """Under the 10 MB cap, a million one-word paragraphs took a worker 75 s and 1.4 GB."""
    page = "<html><body><article>" + "<p>w</p>" * (MAX_TAGS // 2 + 1) + "</article></body></html>"
    with pytest.raises(FetchError) as raised:
        extract_article(page, "https://t.example/a")
    assert raised.value.kind == ErrorKind.EXTRACTION
    assert raised.value.message == (
        "the page is too complex to read (over 400,000 tags); open it in a browser"
    )


# -- size and time -------------------------------------------------------------------------------
def test_an_answer_trickling_past_the_deadline_is_not_asked_for_again(
    hostile: HTTPServer, data_dir: Path
) -> None:
    """Each try waited the whole deadline again: `reader show` said "no complete answer within
    20 s" after 63 s."""
    limits = FetchLimits(read_timeout=2.0, total_timeout=1.0, retries=2, backoff=0.01)
    asked = sum(r.path == "/trickle.html" for r, _ in hostile.log)
    error = article_error(data_dir, hostile.url_for("/trickle.html"), limits)
    host = hostile.url_for("/")[7:-1]
    # The setting to raise named, and the trickle's rate (its bytes as they came: B/s).
    assert error.message.startswith(
        f"no complete answer within 1 s from {host} ([network] total_timeout), still receiving at "
    )
    assert error.message.endswith(" B/s (under the 4.0 KB/s given more time)")
    assert sum(r.path == "/trickle.html" for r, _ in hostile.log) == asked + 1


SMALL = FetchLimits(max_bytes=2 * 1024 * 1024, read_timeout=2.0, total_timeout=3.0, retries=0)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        # A web page past the cap: a failure, asked again a day later (`too_large_links`).
        ("/gzip-bomb.html", ErrorKind.TOO_LARGE),
        ("/endless.html", ErrorKind.TOO_LARGE),
        ("/trickle.html", ErrorKind.TIMEOUT),
    ],
)
def test_caps_on_bytes_and_time(
    hostile: HTTPServer, data_dir: Path, path: str, kind: ErrorKind
) -> None:
    started = time.monotonic()
    error = article_error(data_dir, hostile.url_for(path), SMALL)
    assert error.kind == kind
    over = "inflates past 2 MB (" if "bomb" in path else "larger than 2 MB, not downloaded"
    assert kind != ErrorKind.TOO_LARGE or error.message.startswith(over), error.message
    assert time.monotonic() - started < 8


def test_huge_titles_are_cut(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir, hostile.url_for("/huge-title.xml")))
    assert len(result.feed.title) <= 500 and all(len(h.entry.title) <= 500 for h in headlines)


def test_feed_of_20000_items_is_capped(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir, hostile.url_for("/many.xml")))
    assert result.error is None and len(headlines) == 2000
    assert "2000 of 20000" in (result.feed.problem or "")


def test_deeply_nested_page_is_read_flat(hostile: HTTPServer, data_dir: Path) -> None:
    """100,000 nested `<div>`s, past any parser's depth: the page is read again without its
    wrappers, and its text is there (it was lost, and then no text was an error)."""
    article = run(_article(data_dir, hostile.url_for("/deep.html")))
    assert [b.text for b in article.blocks] == ["deep"]


# -- redirects and schemes ----------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/loop", "/hop0", "/to-file", "/to-js", "/to-data"])
def test_bad_redirects_are_refused(hostile: HTTPServer, data_dir: Path, path: str) -> None:
    assert article_error(data_dir, hostile.url_for(path)).kind in (
        ErrorKind.HTTP,
        ErrorKind.BAD_URL,
    )


def test_items_with_non_web_links_keep_no_link(hostile: HTTPServer, data_dir: Path) -> None:
    _, headlines = run(_refresh(data_dir, hostile.url_for("/bad-links.xml")))
    links = {h.entry.title: h.entry.link for h in headlines}
    assert links["File"] == links["Script"] == links["Data"] == ""
    assert links["Fine"] == hostile.url_for("/a.html")


# -- HTTP failures --------------------------------------------------------------------------------
def test_http_failures(hostile: HTTPServer, data_dir: Path) -> None:
    assert "404" in article_error(data_dir, hostile.url_for("/404")).message
    assert "500" in article_error(data_dir, hostile.url_for("/500")).message
    result, _ = run(_refresh(data_dir, hostile.url_for("/410.xml")))
    assert result.error is not None and result.error.kind == ErrorKind.GONE
    assert "gone" in (result.feed.last_error or "")


# -- content --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("/pdf", "application/pdf"),
        ("/png", "image/png"),
        ("/binary", "application/octet-stream"),
        ("/png-as-html", "image/png, sent as text/html"),
        ("/binary-as-html", "application/octet-stream, sent as text/html"),
    ],
)
def test_non_pages_name_their_type(
    hostile: HTTPServer, data_dir: Path, path: str, what: str
) -> None:
    error = article_error(data_dir, hostile.url_for(path))
    assert error.kind == ErrorKind.NOT_HTML and what in error.message


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/cp1251.html", "Портовые краны"),
        ("/koi8.html", "Городской совет"),
        ("/bad-utf8.html", "Caf"),
        ("/cp1251-as-utf8.html", "Портовые краны"),
    ],
)
def test_charsets(hostile: HTTPServer, data_dir: Path, path: str, words: str) -> None:
    assert words in to_text(run(_article(data_dir, hostile.url_for(path))))


def test_malformed_truncated_empty_and_duplicate_feeds(hostile: HTTPServer, data_dir: Path) -> None:
    result, headlines = run(_refresh(data_dir / "m", hostile.url_for("/malformed.xml")))
    assert result.error is None and "XML has errors" in (result.feed.problem or "")
    assert [h.entry.title for h in headlines] == ["Fish & chips"]
    result, headlines = run(_refresh(data_dir / "t", hostile.url_for("/truncated.xml")))
    assert result.error is None and "One" in {h.entry.title for h in headlines}
    result, headlines = run(_refresh(data_dir / "e", hostile.url_for("/empty.xml")))
    assert result.error is None and headlines == [] and result.feed.title == "Empty"
    result, headlines = run(_refresh(data_dir / "d", hostile.url_for("/dupes.xml")))
    assert [h.entry.title for h in headlines if h.entry.link] == ["Copy 0"]
    untitled = [h.entry for h in headlines if not h.entry.link]
    assert [e.title for e in untitled] == ["no title, no link"]
    result, headlines = run(_refresh(data_dir / "r", hostile.url_for("/relative.xml")))
    assert headlines[0].entry.link == hostile.url_for("/a.html")


@pytest.mark.parametrize(
    ("retry_after", "said"),
    [
        ("Wed, 21 Oct 2099 07:28:00 GMT", "try again later (the site asks to wait "),
        ("7200", "try again in 2 hours"),
        ("45", "try again in 45 seconds"),
    ],
)
def test_a_long_retry_after_is_said_in_words(
    httpserver: HTTPServer, data_dir: Path, retry_after: str, said: str
) -> None:
    """A date in 2099 was "try again in 2299918820 s"."""
    httpserver.expect_request("/busy.html").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": retry_after}
    )
    limits = FetchLimits(max_retry_after=30.0)
    message = article_error(data_dir, httpserver.url_for("/busy.html"), limits).message
    assert message.startswith(f"rate-limited (HTTP 429): {said}")


def test_items_sharing_one_guid_with_different_links_are_kept_apart() -> None:
    """A misconfigured CMS giving every item one GUID: five stories were one headline. Copies
    with the same link are still one (the first, the newest)."""
    items = "".join(
        f"<item><title>Story {n}</title><link>https://t.example/s{n}</link><guid>same</guid></item>"
        for n in range(5)
    )
    copy = "<item><title>Story 0 again</title><link>https://t.example/s0</link><guid>same</guid></item>"
    other = "<item><title>Alone</title><link>https://t.example/a</link><guid>alone</guid></item>"
    feed = f'<rss version="2.0"><channel><title>T</title>{items}{copy}{other}</channel></rss>'
    entries = parse_feed(feed.encode(), "https://t.example/feed").entries
    assert [e.title for e in entries] == [*(f"Story {n}" for n in range(5)), "Alone"]
    assert len({e.id for e in entries}) == 6
    # An item whose GUID no other item shares keeps the id it always had.
    alone = parse_feed(
        f'<rss version="2.0"><channel><title>T</title>{other}</channel></rss>'.encode(),
        "https://t.example/feed",
    ).entries[0]
    assert entries[-1].id == alone.id


def test_an_atom_xhtml_title_is_shown_as_its_text() -> None:
    """It was shown with its tags: "XHTML <b>[bold red]RICH</b> …"."""
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title type="xhtml">'
        '<div xmlns="http://www.w3.org/1999/xhtml">Harbour <b>[bold red]works</b> &amp; '
        '<i>tides</i></div></title><link href="https://t.example/a"/><id>a</id></entry></feed>'
    )
    entry = parse_feed(feed.encode(), "https://t.example/feed").entries[0]
    assert entry.title == "Harbour [bold red]works & tides"


def test_a_title_of_invisible_characters_alone_is_no_title() -> None:
    """Two zero-width spaces showed as a blank headline, and an escape sequence alone as a
    blank feed name."""
    feed = (
        '<rss version="2.0"><channel><title>&#x1b;[2J&#x200b;</title>'
        "<item><title>&#x200b;&#x200b;</title><link>https://t.example/a</link></item>"
        "<item><title>&#x202e;&#x2066;</title><link>https://t.example/b</link>"
        "<description>Ferry times change on Monday.</description></item>"
        "</channel></rss>"
    )
    parsed = parse_feed(feed.encode(), "https://t.example/feed")
    assert parsed.title == ""  # the feed is then named by its address
    assert [e.title for e in parsed.entries] == ["(untitled)", "Ferry times change on Monday."]


def test_an_escape_sequence_written_as_references_goes_whole() -> None:
    """Its ESC dropped alone left "]0;PWNED-TITLE" and "[2J[31m" in the text."""
    payload = "&#x1b;]0;PWNED-TITLE&#x7; &#x1b;[2J&#x1b;[31mHarbour&#27;[0m &#x1b;]52;c;cm0=&#7;"
    paragraph = "The quay reopens on Monday after a month of repairs to its stone steps. " * 4
    page = (
        f"<html><head><title>Quay {payload} reopens</title></head><body><article>"
        f"<h1>Quay {payload} reopens</h1><p>{payload} {paragraph}</p><p>{paragraph}</p>"
        "</article></body></html>"
    )
    text = to_text(extract_article(page, "https://t.example/quay"))
    assert "Harbour" in text
    for junk in ("]0;", "[2J", "[31m", "[0m", "]52;", "PWNED"):
        assert junk not in text
