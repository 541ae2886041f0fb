"""Charset labels from strangers: only an encoding a browser knows is honoured. Python's codec
registry also names "base64", "zlib" or "rot13" (which `bytes.decode` refuses with LookupError)
and UTF-32 or EBCDIC (which no browser reads); a feed or page naming one is read as naming
nothing, and its bytes decide."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.charset import decode, detect_charset, detect_feed_charset
from reader.charset_labels import normalise_charset
from reader.library import Library
from reader.render import to_text

NOT_TEXT_ENCODINGS = ["base64", "zlib", "bz2", "hex", "uu", "rot13", "quopri"]
NO_BROWSER_READS = ["utf-32", "utf_32", "cp500", "cp037", "unicode_escape", "undefined", "idna"]

FEED = """<?xml version="1.0" encoding="{label}"?>
<rss version="2.0"><channel><title>Quayside Weekly</title><link>{site}</link>
<item><title>Ferry timetable changes from Monday</title><link>{site}/ferry.html</link>
<guid>ferry-2026</guid><description>The early crossing moves to 06:40.</description></item>
</channel></rss>"""

PAGE = """<!doctype html><html><head><meta charset="{label}"><title>Café opens on the pier</title>
</head><body><article><h1>Café opens on the pier</h1>
<p>The new café on the north pier opened its doors on Saturday, serving crêpes and coffee to
the first walkers of the morning. Its owner, who ran a stall at the market for nine years,
said the lease was signed in the spring after a long wait for the council's decision.</p>
<p>Opening hours are from seven until dusk through the winter, and the terrace will stay open
when the weather allows it; the harbour master welcomed a place to shelter from the rain.</p>
</article></body></html>"""


@pytest.mark.parametrize("label", [*NOT_TEXT_ENCODINGS, *NO_BROWSER_READS])
def test_a_label_no_browser_knows_names_no_charset(label: str) -> None:
    assert normalise_charset(label) is None
    body = PAGE.format(label=label).encode("utf-8")
    assert detect_charset(body, label) == "utf-8"
    assert detect_feed_charset(FEED.format(label=label, site="").encode(), label) == "utf-8"


def test_the_labels_browsers_know_are_still_read() -> None:
    assert normalise_charset("ISO-8859-1") == "cp1252"  # as browsers read it
    assert normalise_charset("x-mac-cyrillic") == "mac-cyrillic"
    assert normalise_charset("Shift_JIS") == "cp932"
    assert normalise_charset("windows-1251") == "cp1251"
    assert normalise_charset("utf-16le") == "utf-16-le"


def test_decode_never_uses_a_codec_that_is_no_text_encoding() -> None:
    assert decode(b"Harbour news", "base64") == "Harbour news"
    assert decode("café".encode(), "rot13") == "café"


async def _refresh(directory: Path, url: str):
    async with Library(directory, workers="thread") as lib:
        lib.add_feed(url)
        result = await lib.refresh_feed(url)
        return result, lib.headlines()


@pytest.mark.parametrize("label", ["base64", "zlib", "rot13", "utf-32", "cp500"])
@pytest.mark.parametrize("where", ["declaration", "header"])
def test_a_feed_naming_such_a_label_is_read(
    httpserver: HTTPServer, tmp_path: Path, label: str, where: str
) -> None:
    """Before, `reader add` and every later sync died with "LookupError: 'base64' is not a text
    encoding" (no feed synced any more); UTF-32 read the feed as a screen of U+FFFD."""
    site = httpserver.url_for("/")
    declared = label if where == "declaration" else "utf-8"
    body = FEED.format(label=declared, site=site).replace(' encoding="utf-8"', "")
    content_type = "application/rss+xml" + (f"; charset={label}" if where == "header" else "")
    httpserver.expect_request("/feed.xml").respond_with_data(
        body.encode(), content_type=content_type
    )
    result, headlines = asyncio.run(_refresh(tmp_path / "data", httpserver.url_for("/feed.xml")))
    assert result.error is None
    assert result.feed.title == "Quayside Weekly"
    assert [h.entry.title for h in headlines] == ["Ferry timetable changes from Monday"]


@pytest.mark.parametrize("label", ["utf-32", "cp500", "cp037", "base64", "zlib", "undefined"])
@pytest.mark.parametrize("where", ["meta", "header"])
def test_a_page_naming_such_a_label_is_read_by_its_bytes(
    httpserver: HTTPServer, tmp_path: Path, label: str, where: str
) -> None:
    """Before, a UTF-8 page labelled utf-32 was cached as a screen of U+FFFD, one labelled cp500
    as EBCDIC mojibake, and one labelled base64 failed with "could not read the page
    (LookupError)"."""
    body = PAGE.format(label=label if where == "meta" else "utf-8")
    content_type = "text/html" + (f"; charset={label}" if where == "header" else "")
    httpserver.expect_request("/cafe.html").respond_with_data(
        body.encode("utf-8"), content_type=content_type
    )

    async def go():
        async with Library(tmp_path / "data", workers="thread") as lib:
            return await lib.article(httpserver.url_for("/cafe.html"))

    article = asyncio.run(go())
    assert article.title == "Café opens on the pier"
    text = to_text(article)
    assert "serving crêpes and coffee" in text
    assert "\ufffd" not in text
