"""An item with no link keeps its highlights whatever becomes of its headline: one with no
GUID, its id made of its title, keeps its id (and with it its highlights, read mark and tags)
when its feed corrects the title, or a micro-post's typo (`story_rows.retitled`); and one whose
feed was removed still has its text and highlights, which `reader highlights` and `reader
export` give (kept with its highlights). Real parts: a feed served on 127.0.0.1 and changed
between syncs, the store on disk, the commands as a shell runs them."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.highlights import ArticleHighlights, Highlight
from reader.keys import item_address
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
    # Found by its title as corrected, not by the typo.
    assert reader(data_dir, capsys, "list", "--search", "lights", "--ids")[1].split() == [note]
    assert reader(data_dir, capsys, "list", "--search", "lihgts", "--ids")[1].split() == []

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


def test_an_item_of_a_feed_removed_still_exports_its_text_and_highlights(
    notes: GuidlessNotes, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    note = ids(data_dir, capsys)["Harbour lihgts mended"]
    keep(data_dir, note, QUOTE)
    assert reader(data_dir, capsys, "remove", notes.url("/feed.xml"))[0] == 0

    book = tmp_path / "notes.md"
    args = ("export", "--format", "markdown", "--highlighted", "-o", str(book))
    status, _, err = reader(data_dir, capsys, *args)
    assert status == 0 and "1 article exported" in err and "left out" not in err, err
    text = book.read_text(encoding="utf-8")
    assert NOTE in text and "# Harbour lihgts mended" in text and "Source: Harbour Notes" in text
    assert f"> {QUOTE}" in text.split(NOTE, 1)[1]  # listed after it, found in it
    page = tmp_path / "notes.html"
    args = ("export", "--format", "html", "--highlighted", "-o", str(page))
    assert reader(data_dir, capsys, *args)[0] == 0
    assert f"<mark>{QUOTE}</mark>" in page.read_text(encoding="utf-8")

    (item,) = json.loads(reader(data_dir, capsys, "highlights", "--format", "json")[1])
    assert item["highlights"][0]["in_text"] is True and item["cached"] is True


def test_an_item_gone_with_no_text_kept_is_said_so_by_an_export(
    notes: GuidlessNotes, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Highlights kept before the item's text was kept with them (written here as such a
    reader wrote them), its feed removed since: the export says what is missing, and why."""
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    note = ids(data_dir, capsys)["Harbour lihgts mended"]

    async def kept_before() -> None:
        async with Library(data_dir) as lib:
            words = Highlight(QUOTE, f"> {QUOTE}", QUOTE, time.time())
            address = item_address(note)
            lib.store.change_highlights(
                address, lambda _: ArticleHighlights(address, "Harbour lihgts mended", "", (words,))
            )

    asyncio.run(kept_before())
    assert reader(data_dir, capsys, "remove", notes.url("/feed.xml"))[0] == 0
    args = ("export", "--format", "markdown", "--highlighted", "-o", str(tmp_path / "n.md"))
    status, _, err = reader(data_dir, capsys, *args)
    assert status == 1 and "no text from the feed" not in err, err
    assert "1 with no link that no feed lists now (its feed removed, or the item dropped)" in err
    assert "`reader highlights` lists them" in err
    status, out, _ = reader(data_dir, capsys, "highlights")
    assert status == 0 and f"> {QUOTE}" in out
