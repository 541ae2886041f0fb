"""A correction carried only in the feed's full text (RSS `content:encoded`), its title,
description and guid as before, is an update: the next sync fetches the page again and keeps
the copy it replaces, whether the reader's refresh on opening or the sync itself saw the
change first; a story whose copy is the feed's text (its page giving little) takes the new
text for its copy. A record written before full texts were told by their print is compared
by the text kept whole: no change for the print missing, and a change still told (acc45a A1).

A news site on 127.0.0.1 (`StorySite`: its feed and pages changed between syncs), the real
store in tmp_path, `reader` run as a user runs it."""

from __future__ import annotations

import asyncio
import html
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.codec import CONTENT_PRINT
from reader.library import Library
from reader.library.retold import retold
from reader.models import Entry
from reader.reports import SyncReport
from reader.store import Store
from tests.story_site import StorySite, ran, serving

SLUG = "/2026/12/mill-lane-bridge.html"
TITLE = "Council votes to replace Mill Lane footbridge"
SUMMARY = "The borough council voted to replace the Mill Lane footbridge."
CORRECTION = (
    "Correction: an earlier version of this article gave the cost of the replacement as "
    "£4.2m. It is £2.4m."
)
SHELL = (
    "<!doctype html><html><head><title>{title}</title></head><body><div id='app'>"
    "<p>Subscribe to keep reading.</p></div><script>window.__STATE__={{}}</script></body></html>"
)


def paragraphs(cost: str, correction: str = "") -> str:
    said = [
        "The borough council voted 9 to 4 on Thursday night to replace the Mill Lane "
        "footbridge, closing a two-year argument over whether the 1950s crossing could be "
        "patched once more.",
        f"The replacement will cost {cost}, drawn mostly from the regional transport grant, and "
        "work is expected to begin in April.",
        "Pedestrians will use a temporary crossing 200 metres downstream while the old bridge "
        "is taken down and the new span is lifted into place by crane.",
        *([correction] if correction else []),
    ]
    return "".join(f"<p>{html.escape(p)}</p>" for p in said)


def page(text: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Riverton Ledger</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{TITLE}</h1>{text}</article>"
        "<footer>© 2026 Riverton Ledger</footer></body></html>"
    )


class Site(StorySite):
    """An RSS 2.0 feed of one story, its description and its full text (`content`), and the
    story's page (`body`)."""

    content = paragraphs("£4.2m")
    body = page(content)
    ttl = 60

    def feed(self) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Riverton Ledger</title><link>{self.url('/')}</link><ttl>{self.ttl}</ttl>"
            f"<item><title>{TITLE}</title><link>{self.url(SLUG)}</link>"
            '<guid isPermaLink="false">ledger-mill-lane-bridge</guid>'
            "<pubDate>Fri, 04 Dec 2026 03:00:00 GMT</pubDate>"
            f"<description>{SUMMARY}</description>"
            f"<content:encoded><![CDATA[{self.content}]]></content:encoded></item>"
            "</channel></rss>"
        )


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def sync(data_dir: Path, site: Site) -> SyncReport:
    async def run() -> SyncReport:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url("/feed.xml"))
            return await lib.sync()

    return asyncio.run(run())


def refresh(data_dir: Path) -> None:
    """The refresh the reader runs on opening: the feeds alone, no article fetched."""

    async def run() -> None:
        async with Library(data_dir) as lib:
            await lib.refresh()

    asyncio.run(run())


def corrected(site: Site, page_too: bool = True) -> None:
    """The newsroom's correction, in the feed's full text alone (the description, title and
    guid as they were), and on the page unless `page_too` is False. A second after the copy:
    the one it replaces keeps a retrieval time of its own (to the second)."""
    time.sleep(1.1)
    site.content = paragraphs("£2.4m", CORRECTION)
    if page_too:
        site.body = page(site.content)


def story(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[str, str, list[str]]:
    """The story's id, its cached text as `reader show --offline` prints it, and the ids
    `reader list --corrected --ids` gives."""
    listed = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert len(listed) == 1
    shown = ran(capsys, data_dir, "show", "--offline", listed[0]["id"])[0]
    ids = ran(capsys, data_dir, "list", "--corrected", "--ids")[0].split()
    return listed[0]["id"], " ".join(shown.split()), ids


def test_a_correction_in_the_feeds_full_text_alone_is_fetched_by_the_next_sync(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sync(data_dir, site).articles_fetched == 1
    corrected(site)
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 1
    assert site.asked.count(SLUG) == 1
    entry_id, text, ids = story(capsys, data_dir)
    assert "£2.4m" in text and "£4.2m, drawn" not in text and "Correction:" in text
    assert ids == [entry_id]
    shown = ran(capsys, data_dir, "show", "--offline", "--version", "1", entry_id)[0]
    assert "£4.2m, drawn" in shown  # the copy it replaced, kept
    # Judged once: the next sync asks for the feed alone.
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 0
    assert site.asked == ["/feed.xml"]


def test_a_full_text_changed_at_the_refresh_on_opening_still_counts_at_the_sync(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site)
    corrected(site)
    refresh(data_dir)  # the reader opened: it took the new full text in, fetching no page
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 1
    assert site.asked.count(SLUG) == 1
    assert "£2.4m" in story(capsys, data_dir)[1]


def test_a_full_text_ticking_by_a_figure_is_no_update_at_once(site: Site, data_dir: Path) -> None:
    """A number alone in the full text (a view counter) costs no fetch until the copy is a
    day old, as a summary's does; the words of the correction count at once."""
    site.content = paragraphs("£4.2m") + "<p>Read by 120 people.</p>"
    sync(data_dir, site)
    site.content = paragraphs("£4.2m") + "<p>Read by 348 people.</p>"
    site.asked.clear()
    sync(data_dir, site)
    assert site.asked == ["/feed.xml"]


def test_records_from_before_the_full_texts_print_tell_no_change(
    site: Site, data_dir: Path
) -> None:
    """The first syncs after an upgrade fetch no page again for want of a print (the feed
    unchanged is not even read again: no print written), and a change is still told."""
    sync(data_dir, site)
    feed_url = site.url("/feed.xml")
    store = Store(data_dir)
    try:
        records = json.loads(store._state.get(f"entries:{feed_url}"))
        assert all(CONTENT_PRINT in r for r in records)
        older = [{k: v for k, v in r.items() if k != CONTENT_PRINT} for r in records]
        store._save(store._state, f"entries:{feed_url}", older)
    finally:
        store.close()
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 0
    assert site.asked == ["/feed.xml"]
    site.ttl = 30  # the feed read again (its bytes changed), the same story
    assert sync(data_dir, site).articles_updated == 0
    assert site.asked[1:] == ["/feed.xml"]
    corrected(site)
    assert sync(data_dir, site).articles_updated == 1


def test_a_copy_that_is_the_feeds_text_takes_the_corrected_text(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page gives little (a subscribers' page, one scripts fill), the same before and
    after: the feed's full text was the copy, and its corrected text is the new one."""
    site.body = SHELL.format(title=TITLE)
    sync(data_dir, site)
    assert "£4.2m" in story(capsys, data_dir)[1]
    corrected(site, page_too=False)
    assert sync(data_dir, site).articles_updated == 1
    entry_id, text, ids = story(capsys, data_dir)
    assert "£2.4m" in text and "£4.2m, drawn" not in text and "Correction:" in text
    assert ids == [entry_id]


def test_what_counts_as_a_full_text_told_anew() -> None:
    now = time.time()

    def told(content: str) -> Entry:
        return Entry(id="a", feed_url="f", title=TITLE, link="l", summary=SUMMARY, content=content)

    first = told(paragraphs("£4.2m"))
    assert retold(first, told(paragraphs("£2.4m", CORRECTION)), now)
    assert not retold(first, told(""), now)  # a full text no longer given: no news
    assert not retold(told(""), first, now)  # one only now given (kept before none)
    assert not retold(first, told(paragraphs("£4.2m").replace("<p>", "<p class='x'>")), now)
    # A figure alone: at once, no; a day after the copy, yes.
    assert not retold(first, told(paragraphs("£4.3m")), now)
    assert retold(first, told(paragraphs("£4.3m")), now - 25 * 3600)
