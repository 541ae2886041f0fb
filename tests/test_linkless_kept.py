"""Items with no link are first-class: a highlight (`h`) is kept on one by the item's own
identity (its entry id: its feed's address and GUID), listed by `reader highlights` and
`reader show`; an export of its feed or tag holds it (its feed's text, cited and dated as the
rest, its highlights marked); `reader list --not-offline` leaves it out, as a sync's count
does (nothing to fetch). And the reading view's header names the site `y` cites: a page
naming no site by its host, not by its feed's name. Real parts: a feed and pages served on
127.0.0.1, the store on disk, the commands as a shell runs them, the reader by Pilot."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.highlights import Highlight
from reader.library import Library
from tests.story_site import serving
from tests.test_linkless_items import Notes as LinklessNotes
from tests.test_linkless_items import ids, reader

QUOTE = "about the harbour lights being mended"
PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    "<title>Dredging of the channel resumes</title></head><body><div class='post'>"
    "<h2>Dredging of the channel resumes</h2>"
    "<p>The dredger returned to the outer channel on Monday after a fortnight in dry dock,"
    " and the harbour master expects the work to be finished before the spring tides.</p>"
    "<p>Fishing boats are asked to keep to the marked lane on the western side while it"
    " works, and to call the harbour office on channel twelve before leaving the basin.</p>"
    "<p>The council said the silt will go to the reclamation site north of the marina, as"
    " it did last winter, and that no road will be closed for the lorries.</p>"
    "</div></body></html>"
)


class Notes(LinklessNotes):
    """The notes feed (two items with no link and a text each, one with a title alone) and a
    story linking its page, which names no site."""

    body = PAGE

    def more_items(self) -> str:
        return (
            f"<item><title>Dredging of the channel resumes</title><link>{self.url('/dredge')}"
            "</link><guid>dredge-4</guid><pubDate>Fri, 04 Dec 2026 07:00:00 GMT</pubDate></item>"
        )


@pytest.fixture
def notes() -> Iterator[Notes]:
    with serving(Notes) as server:
        yield server


def synced(notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    reader(data_dir, capsys, "sync")
    return ids(data_dir, capsys)


def keep_on_note(data_dir: Path, entry_id: str) -> None:
    """A highlight kept on the titled note as `h` keeps one (the library's verb)."""

    async def keep() -> None:
        async with Library(data_dir) as lib:
            entry = lib.entry(entry_id)
            assert entry is not None
            article = await lib.article(entry)
            lib.keep_highlight(entry, article, Highlight(QUOTE, f"> {QUOTE}", QUOTE, time.time()))

    asyncio.run(keep())


def test_items_with_no_link_are_readable_offline_as_a_sync_counts_them(
    notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes.status = 500  # the story's page fails: the one article not readable offline
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    _, _, err = reader(data_dir, capsys, "sync")
    listed = ids(data_dir, capsys)
    assert "not readable offline: 1 failed" in err, err
    status, out, _ = reader(data_dir, capsys, "list", "--not-offline", "--ids")
    assert status == 0 and out.split() == [listed["Dredging of the channel resumes"]]
    status, out, _ = reader(data_dir, capsys, "list", "--not-offline", "--json")
    assert [item["title"] for item in json.loads(out)] == ["Dredging of the channel resumes"]


def test_the_header_names_the_site_the_citation_does(
    notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page naming no site, cached by its address before its feed listed it: `y` cites it
    by its host; the header named the feed ("Harbour Notes") above that citation."""
    from tests.tui_pilot import open_titled, running, screen_text, until

    assert reader(data_dir, capsys, "save", notes.url("/dredge"))[0] == 0
    listed = synced(notes, data_dir, capsys)
    story = listed["Dredging of the channel resumes"]
    status, out, _ = reader(data_dir, capsys, "show", story, "--format", "citation")
    assert status == 0 and "Source: 127.0.0.1\n" in out, out

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            body = await open_titled(pilot, "Dredging of the channel")
            await until(pilot, lambda: body.article is not None, "the story")
            await until(pilot, lambda: "(per the feed)" in screen_text(app), "its byline")
            byline = next(line for line in screen_text(app).splitlines() if "per the feed" in line)
            assert "127.0.0.1" in byline and "Harbour Notes" not in byline, byline

    asyncio.run(run())
