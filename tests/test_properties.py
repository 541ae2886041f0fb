"""Property tests: random bytes and random mutations of real feeds and pages never crash parsing or
extraction, and never put a control character into text meant for display."""

from __future__ import annotations

import os
import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.demo.server import DemoServer
from reader.extract import extract_article, to_text
from reader.feeds import parse_feed
from reader.models import FetchError
from reader.safe import safe_line, safe_text

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NASTY = [
    "\x1b]0;t\x07",
    "\x1b[2J",
    "\x9b31m",
    "\u202e",
    "\x00",
    "&amp;",
    "&#27;",
    "&#x9b;",
    "<![CDATA[",
    "]]>",
    "<",
    "&",
    "\xff\xfe",
]


@cache
def seeds() -> tuple[list[bytes], list[bytes]]:
    """The demo site's real feeds and a few of its pages, rendered once."""
    import urllib.request

    from reader.demo.content import load_articles

    with DemoServer() as server:
        feeds = [urllib.request.urlopen(u).read() for u in server.feed_urls]
        pages = [
            urllib.request.urlopen(server.base_url + a.path).read() for a in load_articles()[::6]
        ]
    return feeds, pages


def mutate(data: bytes, cuts: list[tuple[int, int, int]]) -> bytes:
    out = bytearray(data)
    for position, length, choice in cuts:
        if not out:
            break
        at = position % len(out)
        junk = (
            NASTY[choice % len(NASTY)].encode("utf-8", "surrogatepass")
            if choice % 3
            else bytes([choice % 256])
        )
        out[at : at + (length % 64)] = junk
    return bytes(out)


MUTATIONS = st.lists(
    st.tuples(st.integers(0, 10**7), st.integers(0, 200), st.integers(0, 10**4)), max_size=12
)
# Random exploration on a developer's machine; a fixed sequence in CI, so a landing is repeatable.
IN_CI = bool(os.environ.get("CI"))
SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=IN_CI, suppress_health_check=[HealthCheck.too_slow]
)


def assert_displayable(*texts: str) -> None:
    for text in texts:
        assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), repr(text[:200])


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_feed_parsing(data: bytes) -> None:
    try:
        parsed = parse_feed(data, "http://127.0.0.1/feed.xml")
    except FetchError:
        return
    assert_displayable(
        parsed.title,
        parsed.problem,
        *(e.title for e in parsed.entries),
        *(e.author for e in parsed.entries),
    )


@SETTINGS
@given(st.integers(0, 2), MUTATIONS)
def test_mutated_real_feeds_never_crash(which: int, cuts: list[tuple[int, int, int]]) -> None:
    feed = seeds()[0][which]
    try:
        parsed = parse_feed(mutate(feed, cuts), "http://127.0.0.1/feed.xml")
    except FetchError:
        return
    assert_displayable(
        parsed.title, *(e.title for e in parsed.entries), *(e.feed_title for e in parsed.entries)
    )


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_extraction(data: bytes) -> None:
    try:
        article = extract_article(data, "http://127.0.0.1/a.html")
    except FetchError:
        return
    assert_displayable(to_text(article), article.title, article.author)


@SETTINGS
@given(st.integers(0, 4), MUTATIONS)
def test_mutated_real_pages_never_crash(which: int, cuts: list[tuple[int, int, int]]) -> None:
    pages = seeds()[1]
    try:
        article = extract_article(
            mutate(pages[which % len(pages)], cuts), "http://127.0.0.1/a.html"
        )
    except FetchError:
        return
    assert_displayable(to_text(article), article.title, article.author, article.site_name)


@settings(max_examples=300, deadline=None, derandomize=IN_CI)
@given(st.text())
def test_safe_helpers_leave_no_controls(text: str) -> None:
    assert_displayable(safe_line(text), safe_text(text))
    assert "\n" not in safe_line(text)
