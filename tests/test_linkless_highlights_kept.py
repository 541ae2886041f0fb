"""An item with no link keeps its highlights whatever becomes of its headline: one with no
GUID, its id made of its title, keeps its id (and with it its highlights, read mark and tags)
when its feed corrects the title, or a micro-post's typo (`story_rows.retitled`); and one whose
feed was removed still has its text and highlights, which `reader highlights` and `reader
export` give (kept with its highlights). Real parts: a feed served on 127.0.0.1 and changed
between syncs, the store on disk, the commands as a shell runs them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from tests.story_site import StorySite, serving
from tests.test_linkless_items import ids, reader
from tests.test_linkless_kept import keep_on_note as keep

NOTE = "The harbour lights on the east pier were mended on Friday by the council's crew."
QUOTE = "mended on Friday"
POST = "Tide gauge at the north pier reads again after the storm, the harbour office says."


class GuidlessNotes(StorySite):
    """A notes feed whose items have neither link nor GUID: a titled note, known by its
    title, and a micro-post, known by its text's start; a test changes either."""

    title = "Harbour lihgts mended"
    note = NOTE
    post = POST
    more = ""

    def feed(self) -> str:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>'
            f"<link>{self.url('/')}</link><description>notes</description>"
            f"<item><title>{self.title}</title><description>&lt;p&gt;{self.note}&lt;/p&gt;"
            "</description><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate></item>"
            f"<item><description>{self.post}</description>"
            "<pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate></item>"
            f"{self.more}</channel></rss>"
        )


@pytest.fixture
def notes() -> Iterator[GuidlessNotes]:
    with serving(GuidlessNotes) as server:
        yield server


def highlighted(data_dir: Path, entry_id: str) -> list[str]:
    """The words of the highlights the item of `entry_id` has, as the reading view reads them."""

    async def run() -> list[str]:
        async with Library(data_dir) as lib:
            entry = lib.entry(entry_id)
            assert entry is not None, entry_id
            kept = lib.highlights(entry)
            return [h.words for h in kept.items] if kept is not None else []

    return asyncio.run(run())


def sync(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert reader(data_dir, capsys, "sync")[0] == 0
    return ids(data_dir, capsys)


def test_a_note_retitled_keeps_its_id_highlights_and_read_mark(
    notes: GuidlessNotes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    before = ids(data_dir, capsys)
    note = before["Harbour lihgts mended"]
    keep(data_dir, note, QUOTE, read=True)

    notes.title = "Harbour lights mended"  # the typo fixed: another id, made of the title
    after = sync(data_dir, capsys)
    assert after == {
        "Harbour lights mended": note,
        **{t: i for t, i in before.items() if i != note},
    }
    assert highlighted(data_dir, note) == [QUOTE]
    listed = json.loads(reader(data_dir, capsys, "list", "--json")[1])
    row = next(item for item in listed if item["id"] == note)
    assert row["title"] == "Harbour lights mended" and row["read"] is True
    status, out, _ = reader(data_dir, capsys, "highlights", note)
    assert status == 0 and f"> {QUOTE}" in out and "Harbour lights mended" in out, out

    # Fetched again, still one headline, under the id its highlight is kept by.
    assert sync(data_dir, capsys) == after


def test_a_micro_post_whose_typo_is_fixed_keeps_its_highlight(
    notes: GuidlessNotes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    (post,) = (i for t, i in ids(data_dir, capsys).items() if t.startswith("Tide gauge"))
    keep(data_dir, post, "after the storm")

    notes.post = POST.replace("north pier", "north jetty")  # its title, its text's start, too
    after = sync(data_dir, capsys)
    (title,) = (t for t, i in after.items() if i == post)
    assert "north jetty" in title
    assert highlighted(data_dir, post) == ["after the storm"]
    (item,) = json.loads(reader(data_dir, capsys, "highlights", post, "--format", "json")[1])
    assert item["highlights"][0]["in_text"] is True


def test_another_item_of_the_same_date_is_not_taken_for_a_gone_one(
    notes: GuidlessNotes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note taken down and another posted at its time, of other words: two items, the new
    one unread, with no highlight of the other's."""
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    note = ids(data_dir, capsys)["Harbour lihgts mended"]
    keep(data_dir, note, QUOTE, read=True)

    notes.title = "Ferry timetable for the winter"
    notes.note = "The winter timetable starts on Monday, with two crossings fewer a day."
    after = sync(data_dir, capsys)
    new = after["Ferry timetable for the winter"]
    assert new != note and highlighted(data_dir, new) == []
    listed = json.loads(reader(data_dir, capsys, "list", "--json")[1])
    assert next(item for item in listed if item["id"] == new)["read"] is False
    assert highlighted(data_dir, note) == [QUOTE]  # the gone one keeps its own
