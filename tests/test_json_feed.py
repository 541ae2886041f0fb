"""JSON Feed (jsonfeed.org 1 and 1.1) read as RSS and Atom are (`json_feed`, `feeds.parse_feed`):
its items' titles, links, text, authors, dates and attachments; a stranger's document checked
member by member; and a JSON Feed synced end to end from a real server on 127.0.0.1, its
articles fetched and cached for offline reading."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from reader.config import DEFAULT_LIMITS
from reader.feeds import parse_feed
from reader.library import Library
from reader.models import Enclosure, FetchError
from reader.render import to_text

URL = "https://gazette.example/feed.json"


def _feed(items: list[Any], **members: Any) -> bytes:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "The Harbour Gazette",
        "home_page_url": "https://gazette.example/",
        "feed_url": URL,
        **members,
        "items": items,
    }
    return json.dumps(document).encode()


def test_a_json_feeds_items_are_read_as_an_rss_feeds_are() -> None:
    body = _feed(
        [
            {
                "id": "https://gazette.example/2026/12/01/dredger",
                "url": "/2026/12/01/dredger.html",
                "title": "Port pays £4m for a second dredger",
                "content_html": "<p>The harbour board agreed on Tuesday to buy a second dredger"
                " after the autumn storms filled the channel.</p><p>More follows.</p>",
                "summary": "The board agreed to buy a second dredger.",
                "date_published": "2026-12-01T10:15:00+01:00",
                "date_modified": "2026-12-01T12:00:00Z",
                "authors": [{"name": "Maya Castellane"}, {"name": "Tom Reyes"}],
            },
            {
                "id": 42,  # a number, as some publishers write it
                "external_url": "https://elsewhere.example/ferry",
                "content_text": "Ferry crews voted to strike.\n\nThe vote closes on Friday.",
                "author": {"name": "Lena Holm"},  # version 1's one author
                "date_published": "2026-11-30",
            },
            {
                "id": "episode-3",
                "url": "https://gazette.example/podcast/3",
                "title": "Harbour Hour, episode 3",
                "content_text": "Tides and tariffs.",
                "attachments": [
                    {"url": "/audio/3.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1234},
                    {"url": "javascript:alert(1)", "mime_type": "audio/mpeg"},
                ],
            },
        ]
    )
    parsed = parse_feed(body, URL)
    assert (parsed.title, parsed.site_url, parsed.problem) == (
        "The Harbour Gazette",
        "https://gazette.example/",
        "",
    )
    first, second, third = parsed.entries
    assert first.link == "https://gazette.example/2026/12/01/dredger.html"  # made absolute
    assert first.title == "Port pays £4m for a second dredger"
    # Its summary, the text a list shows (plain text laid out as HTML, as RSS's is).
    assert first.summary == "<p>The board agreed to buy a second dredger.</p>"
    assert "filled the channel" in first.content  # the item's whole text, for the fallback
    assert first.author == "Maya Castellane, Tom Reyes"
    # The time as the feed wrote it, its offset kept; the correction's time apart.
    assert first.published == datetime(2026, 12, 1, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert first.updated == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    # No title: named by the start of its text, as an untitled RSS item is.
    assert second.title.startswith("Ferry crews voted to strike.")
    assert second.link == "https://elsewhere.example/ferry"
    assert second.author == "Lena Holm"
    assert second.published is not None and second.published.date().isoformat() == "2026-11-30"
    assert second.id != first.id != third.id
    # Its attachments are its enclosures, an address no player can open left out.
    assert third.enclosures == (
        Enclosure("https://gazette.example/audio/3.mp3", "audio/mpeg", 1234),
    )


def test_a_stranger_json_feed_is_read_member_by_member_or_refused_in_one_line() -> None:
    # Wrong types are left out, not a crash; control characters never reach a title.
    body = _feed(
        [
            "not an item",
            {"id": ["a"], "url": 7, "title": "\x1b]0;owned\x07Storm\u202e warning", "tags": 3},
            {"id": "b", "url": "https://gazette.example/b", "title": None, "content_html": 5},
            {"id": "c", "url": "https://gazette.example/c", "title": "C", "authors": "x"},
        ],
        title="\x1b[31mGazette",
    )
    parsed = parse_feed(body, URL)
    assert parsed.title == "Gazette"
    titles = [entry.title for entry in parsed.entries]
    assert titles[0] == "Storm warning"
    assert titles[1:] == ["(untitled)", "C"]
    for body, said in (
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "its JSON has errors"),
        (
            b'{"version": "https://jsonfeed.org/version/1", "items": ' + b"[" * 100_000,
            "its JSON",
        ),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {}}', "no list of items"),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "no list of items"),
    ):
        with pytest.raises(FetchError) as refused:
            parse_feed(body, URL)
        assert refused.value.message.startswith("not a readable feed (")
        assert said in refused.value.message
        assert "\n" not in refused.value.message


def test_a_json_feed_of_more_items_than_kept_keeps_its_newest_and_says_so() -> None:
    most = DEFAULT_LIMITS.max_feed_items
    items = [
        {"id": str(n), "url": f"https://gazette.example/{n}", "title": f"Story {n}"}
        for n in range(most + 500)
    ]
    parsed = parse_feed(_feed(items), URL)
    assert len(parsed.entries) == most
    assert parsed.entries[0].title == "Story 0"
    assert parsed.problem == f"only the newest {most} of {most + 500} items kept"


def test_a_json_feed_is_synced_and_its_articles_cached_for_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Crane operators"
        " walk out | Gazette</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Crane operators walk out</h1>"
        + "".join(
            f"<p>Paragraph {n} of the report: the operators at the container terminal stopped"
            " work at dawn over the new shift pattern, the union said.</p>"
            for n in range(6)
        )
        + "</article><footer>© Gazette</footer></body></html>"
    )
    httpserver.expect_request("/story.html").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    body = _feed(
        [{"id": "s1", "url": httpserver.url_for("/story.html"), "title": "Crane operators"}]
    )
    httpserver.expect_request("/feed.json").respond_with_data(
        body, content_type="application/feed+json"
    )
    feed_url = httpserver.url_for("/feed.json")

    async def run() -> None:
        async with Library(tmp_path / "data", workers="thread") as lib:
            lib.add_feed(feed_url)
            await lib.sync(articles=True)
            (headline,) = lib.headlines()
            assert headline.cached
            article = lib.cached_article(headline.entry)
            assert article is not None
            text = to_text(article)
            assert "Paragraph 5 of the report" in text
            assert "© Gazette" not in text

    asyncio.run(run())


def test_a_lone_surrogate_in_a_json_feed_is_a_replacement_character(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """JSON can write half an emoji ("\\ud83d" alone), no character: a title with one failed
    every sync of the feed ("surrogates not allowed"), its other items lost with it. Made
    U+FFFD, as an XML feed's reference to one is; a whole pair is the emoji."""
    body = _feed(
        [
            {"id": "1", "url": "https://gazette.example/1", "title": "Cut \ud83d off \ud83d\ude00"},
            {
                "id": "2\udc00",
                "url": "https://gazette.example/2",
                "content_text": "Tide \udc00 text",
                "authors": [{"name": "Ann\ud800"}],
                "attachments": [{"url": "https://gazette.example/a\ud800.mp3"}],
            },
        ],
        title="Gazette \ud800",
    )
    httpserver.expect_request("/feed.json").respond_with_data(
        body, content_type="application/feed+json"
    )

    async def run() -> None:
        async with Library(tmp_path / "data", workers="thread") as lib:
            lib.add_feed(httpserver.url_for("/feed.json"))
            await lib.sync(articles=False)
            (feed,) = lib.feeds()
            assert feed.title == "Gazette \ufffd" and not feed.last_error
            titles = sorted(h.entry.title for h in lib.headlines())
            assert titles == ["Cut \ufffd off \U0001f600", "Tide \ufffd text"]

    asyncio.run(run())


@pytest.mark.parametrize(
    ("raw", "named"), [("\n", "a line break"), ("\t", "a tab"), ("\x0b", "U+000B")]
)
def test_a_json_feed_with_a_raw_control_in_a_string_is_refused_naming_it_and_whose_fault(
    raw: str, named: str
) -> None:
    # A hand-templated feed (Jekyll, Hugo without `jsonify`): refused, as other readers do,
    # saying what and where rather than "Invalid control character at: …".
    text = _feed([{"id": "1", "url": "https://gazette.example/1", "content_text": "XX"}]).decode()
    body = text.replace("XX", f"Saturdays.{raw}It leaves at 09:00.").encode()
    with pytest.raises(FetchError) as refused:
        parse_feed(body, URL)
    said = refused.value.message
    assert f"{named} written raw inside a string at line 1, column " in said
    assert said.endswith("its generator did not escape it)")
    assert "\n" not in said and "\t" not in said
