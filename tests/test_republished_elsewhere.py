"""A story its feed republishes at a new address under a new GUID, the old item gone (acc47b
F7): it was two headlines, the old one read, the new one unread, even once the old address
sent on to the new one. Its headline, date and feed text the same, it is the headline it was:
one row, read if it was, its highlights, notes and copies moved with it, its new page read as
a copy of it; two stories of one headline and date whose texts differ stay two.

A news site on 127.0.0.1 whose feed and pages a test changes between syncs, the real store in
tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reader.highlights import Highlight
from reader.library import Library
from tests.story_site import StorySite, ran, site_fixture
from tests.test_retractions import page

TITLE = "Lifeboat rescues four from dismasted yacht"
OLD = "/courier/news/lifeboat-rescue-skellan.html"
NEW = "/courier/news/lifeboat-rescue-skellan-2.html"
WORDS = "the four sailors, from Liverpool, were cold but unhurt"


STORY = page(
    TITLE,
    "Skellan lifeboat rescued four people from a yacht that lost its mast in a gale off "
    "Skellan Point on Sunday afternoon, the coastguard said.",
    f'Coxswain Jenny Pike said {WORDS}. "They did everything right: life jackets on and a '
    'call made early," she said.',
    "It was the crew's forty-first call-out of the year, their busiest since the station "
    "moved to its new boathouse in 2019.",
)


class Site(StorySite):
    """An RSS feed of the items the test sets (`items`: title, path, guid, summary), every
    other address answered with the story's page."""

    body = STORY
    items = [(TITLE, OLD, "courier-lifeboat", "Four rescued off Skellan Point.")]

    def feed(self) -> str:
        listed = "".join(
            f"<item><title>{title}</title><link>{self.url(path)}</link><guid>{guid}</guid>"
            f"<description>{summary}</description>"
            "<pubDate>Sun, 06 Dec 2026 17:00:00 GMT</pubDate></item>"
            for title, path, guid, summary in self.items
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title>'
            f"<link>{self.url('/courier/')}</link>{listed}</channel></rss>"
        )


site = site_fixture(Site, "site")


def _rows(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, object]]:
    return json.loads(ran(capsys, data_dir, "list", "--json")[0])


def _read_and_highlighted(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, object]:
    """The story synced, read, a passage of it highlighted with a note: its row."""
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = _rows(capsys, data_dir)
    ran(capsys, data_dir, "mark-read", str(row["id"]))
    lib = Library(data_dir)
    try:
        entry = lib.headlines()[0].entry
        article = lib.cached_article_as_shown(entry)
        assert article is not None
        lib.keep_highlight(
            entry, article, Highlight(WORDS, f"> {WORDS}", WORDS, time.time(), note="check")
        )
    finally:
        lib.close()
    return row


def test_a_story_republished_at_a_new_address_is_the_headline_it_was(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = _read_and_highlighted(site, data_dir, capsys)
    site.items = [(TITLE, NEW, "courier-lifeboat-v2", "Four rescued off Skellan Point.")]
    asked = len(site.asked)
    out, err = ran(capsys, data_dir, "sync")
    assert "0 new headlines" in out + err
    [now] = _rows(capsys, data_dir)
    assert (now["id"], now["read"], now["link"]) == (row["id"], True, site.url(NEW))
    # The new page was read as a copy of the story: the same text, no second copy.
    assert site.asked[asked:].count(NEW) == 1
    shown = ran(capsys, data_dir, "show", str(row["id"]), "--offline")[0]
    assert f"URL: {site.url(NEW)}" in shown and "--version" not in shown
    assert WORDS in ran(capsys, data_dir, "highlights", str(row["id"]))[0]
    # The old address names it still; once it sends on to the new one, still one row.
    assert f"URL: {site.url(NEW)}" in ran(capsys, data_dir, "show", site.url(OLD), "--offline")[0]
    site.moved[OLD] = NEW
    ran(capsys, data_dir, "sync")
    assert [r["id"] for r in _rows(capsys, data_dir)] == [row["id"]]


@pytest.mark.parametrize(
    "summary",
    [
        "Four more rescued off Skellan Point in a second call-out.",  # another story's text
        "",  # no text in the feed: headline and date alone tell nothing
    ],
)
def test_another_story_of_the_same_headline_and_date_stays_its_own(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], summary: str
) -> None:
    row = _read_and_highlighted(site, data_dir, capsys)
    site.items = [(TITLE, NEW, "courier-lifeboat-v2", summary)]
    ran(capsys, data_dir, "sync")
    rows = _rows(capsys, data_dir)
    assert len(rows) == 2
    [new] = [r for r in rows if r["id"] != row["id"]]
    assert new["read"] is False and new["link"] == site.url(NEW)
    [old] = [r for r in rows if r["id"] == row["id"]]
    assert old["read"] is True and old["link"] == site.url(OLD)


def test_two_gone_items_of_one_headline_date_and_text_are_taken_for_neither() -> None:
    from datetime import UTC, datetime

    from reader.models import Entry
    from reader.store.story_rows import readdressed

    when = datetime(2026, 12, 6, 17, tzinfo=UTC)

    def item(ident: str, path: str) -> Entry:
        return Entry(ident, "f", TITLE, f"http://127.0.0.1{path}", when, summary="Four rescued.")

    known = {e.id: e for e in (item("a", OLD), item("b", OLD + "?page=2"))}
    fresh = [item("c", NEW)]
    assert readdressed(fresh, known, lambda e: e.summary) == {}  # nothing tells which it was
    assert readdressed(fresh, {"a": known["a"]}, lambda e: e.summary) == {"c": "a"}
