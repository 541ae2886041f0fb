"""An item with no link (a notes feed's, a micro-post, a changelog's; a JSON Feed item whose
address was refused): the text its feed carried is its article, read in the reader and by
`reader show`, quoted and cited without an address (acc40b P1: "This item has no link to an
article" was all there was, exit 1, the text thrown away). One with no text either says so."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from tests.story_site import StorySite, serving

NOTE = "The body of a titled note with no link, about the harbour lights being mended."
POST = "Micro-post: the tide gauge at the north pier reads again after the storm."


class Notes(StorySite):
    """An RSS feed of link-less items: a titled note, an untitled micro-post, a title alone."""

    def feed(self) -> str:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>'
            f"<link>{self.url('/')}</link><description>notes</description>"
            "<item><title>Titled note, no link</title>"
            f'<guid isPermaLink="false">note-1</guid><description>&lt;p&gt;{NOTE}&lt;/p&gt;'
            "</description><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate></item>"
            f'<item><guid isPermaLink="false">post-2</guid><description>{POST}</description>'
            "<pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate></item>"
            '<item><title>Only a title here</title><guid isPermaLink="false">t-3</guid>'
            "<pubDate>Sat, 05 Dec 2026 07:00:00 GMT</pubDate></item>"
            f"{self.more_items()}</channel></rss>"
        )

    def more_items(self) -> str:
        """Items after those: a module's own."""
        return ""


class JsonNotes(StorySite):
    feed_type = "application/feed+json"

    def feed(self) -> str:
        return json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Status page",
                "items": [
                    {
                        "id": "s1",
                        "url": "javascript:alert(1)",
                        "title": "Ferry booking system restored",
                        "content_text": "Bookings work again since 14:05; refunds follow.",
                    }
                ],
            }
        )


@pytest.fixture
def notes() -> Iterator[Notes]:
    with serving(Notes) as server:
        yield server


def reader(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return status, out, err


def ids(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    listed = json.loads(reader(data_dir, capsys, "list", "--json")[1])
    return {item["title"]: item["id"] for item in listed}


def test_a_linkless_item_is_shown_by_its_feeds_text(
    notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    listed = ids(data_dir, capsys)
    status, out, err = reader(data_dir, capsys, "show", listed["Titled note, no link"])
    assert status == 0 and NOTE in out and "no link" not in err
    post = next(i for t, i in listed.items() if t.startswith("Micro-post"))
    status, out, _ = reader(data_dir, capsys, "show", post)
    assert status == 0 and "reads again after the storm." in out  # not cut with "…"

    # Cited without an address: the feed's name, the title, the date.
    status, out, _ = reader(
        data_dir, capsys, "show", listed["Titled note, no link"], "--format", "citation"
    )
    assert status == 0 and "Titled note, no link" in out and "Harbour Notes" in out
    status, out, _ = reader(
        data_dir,
        capsys,
        "show",
        listed["Titled note, no link"],
        "--format",
        "citation",
        "--style",
        "block",
    )
    assert "Note: the item has no link to a page: this is the text its feed carried" in out
    status, out, _ = reader(
        data_dir, capsys, "show", listed["Titled note, no link"], "--format", "json"
    )
    assert status == 0 and NOTE in json.loads(out)["text"]

    # Found by its words.
    status, out, _ = reader(data_dir, capsys, "list", "--search", "mended", "--ids")
    assert out.split() == [listed["Titled note, no link"]]

    # No link and no text: one clear line.
    status, _, err = reader(data_dir, capsys, "show", listed["Only a title here"])
    assert status == 1 and "no link to an article, and its feed gave no text" in err


def test_a_json_feed_item_whose_address_was_refused_shows_its_text(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving(JsonNotes) as site:
        assert reader(data_dir, capsys, "add", site.url("/feed.xml"))[0] == 0
    listed = ids(data_dir, capsys)
    status, out, _ = reader(data_dir, capsys, "show", listed["Ferry booking system restored"])
    assert status == 0 and "Bookings work again since 14:05" in out


def test_the_reader_shows_a_linkless_items_text(notes: Notes, data_dir: Path) -> None:
    from tests.tui_pilot import open_row, running, screen_text, table, until

    async def add() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(notes.url("/feed.xml"))
            await lib.sync()

    asyncio.run(add())

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: bool(table(app).rows), "the headlines")
            rows = table(app).rows
            row = next(i for i, h in enumerate(rows) if h.entry.title == "Titled note, no link")
            await open_row(pilot, row)
            await until(pilot, lambda: "harbour lights" in screen_text(app), "the note's text")
            shown = screen_text(app)
            assert "This item has no link" not in shown and "the page gave little" not in shown
            assert "no link to an article page" in shown

    asyncio.run(run())
