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
from pathlib import Path

import pytest

from reader.highlights import Highlight
from reader.library import Library
from tests.story_site import serving, site_fixture
from tests.test_linkless_items import NOTE, ids, reader
from tests.test_linkless_items import Notes as LinklessNotes

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
        title, published = "Dredging of the channel resumes", "Fri, 04 Dec 2026 07:00:00 GMT"
        return self.item(title, "/dredge", published, guid="dredge-4")


notes = site_fixture(Notes, "notes")


def synced(notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert reader(data_dir, capsys, "add", notes.url("/feed.xml"))[0] == 0
    reader(data_dir, capsys, "sync")
    return ids(data_dir, capsys)


def keep_on_note(data_dir: Path, entry_id: str, words: str = QUOTE, read: bool = False) -> None:
    """A highlight of `words` kept on the item (the titled note) as `h` keeps one (the
    library's verb), the item marked `read` too as opening it marks it."""

    async def keep() -> None:
        async with Library(data_dir) as lib:
            entry = lib.entry(entry_id)
            assert entry is not None
            article = await lib.article(entry)
            lib.keep_highlight(entry, article, Highlight(words, f"> {words}", words, time.time()))
            if read:
                lib.mark_read(entry)

    asyncio.run(keep())


def test_h_keeps_a_highlight_on_an_item_with_no_link_by_its_own_identity(
    notes: Notes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.tui_pilot import open_titled, running, until

    listed = synced(notes, data_dir, capsys)
    note = listed["Titled note, no link"]
    post = next(i for t, i in listed.items() if t.startswith("Micro-post"))

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            body = await open_titled(pilot, "Titled note, no link")
            await until(pilot, lambda: body.article is not None, "the note's text")
            await pilot.press("slash", *"harbour lights", "enter", "v", "h")
            await until(pilot, lambda: bool(body.highlights), "the highlight kept")
            kept = app.lib.highlights(app.screen.headline.entry)
            assert kept is not None and kept.items[0].words.startswith("The body of a titled note")
        # Opened again in another run of the reader: marked again.
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            body = await open_titled(pilot, "Titled note, no link")
            await until(pilot, lambda: bool(body.highlights), "the highlight read again")

    asyncio.run(run())

    # Kept by the item, not under "" that every item with no link shares.
    async def marks() -> tuple[bool, bool]:
        async with Library(data_dir) as lib:
            of_note, of_post = lib.entry(note), lib.entry(post)
            assert of_note is not None and of_post is not None
            return lib.highlights(of_note) is not None, lib.highlights(of_post) is not None

    assert asyncio.run(marks()) == (True, False)

    status, out, _ = reader(data_dir, capsys, "highlights")
    assert status == 0 and "> The body of a titled note with no link" in out, out
    assert "Harbour Notes" in out and "Titled note, no link" in out
    assert "the item has no link to a page" in out
    (item,) = json.loads(reader(data_dir, capsys, "highlights", "--format", "json")[1])
    assert item["url"] is None and item["cached"] is True
    assert item["highlights"][0]["in_text"] is True
    status, out, _ = reader(data_dir, capsys, "highlights", note)
    assert status == 0 and "> The body of a titled note" in out
    status, out, _ = reader(data_dir, capsys, "show", note)
    assert status == 0 and "Highlights" in out and "> The body of a titled note" in out


def test_an_export_of_a_feed_holds_its_items_with_no_link(
    notes: Notes, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = synced(notes, data_dir, capsys)
    keep_on_note(data_dir, listed["Titled note, no link"])

    book = tmp_path / "notes.md"
    status, _, err = reader(
        data_dir,
        capsys,
        "export",
        "--format",
        "markdown",
        "--feed",
        "Harbour Notes",
        "-o",
        str(book),
    )
    text = book.read_text(encoding="utf-8")
    assert status == 0 and NOTE in text and "reads again after the storm." in text
    assert "Dredging of the channel resumes" in text  # the cached story, as before
    # Cited and dated as the others, saying what it is; its highlight listed after it.
    assert "# Titled note, no link" in text and "Source: Harbour Notes" in text
    assert "Published: 2026-12-05T09:00:00+00:00 (per the feed)" in text
    assert "Note: the item has no link to a page: this is the text its feed carried" in text
    assert f"> {QUOTE}" in text.split(NOTE, 1)[1]
    # Three exported; the one with a title alone, no text, said so: nothing else is missing.
    assert "3 articles exported" in err
    assert "1 article not cached left out: 1 with no link and no text from the feed" in err

    page = tmp_path / "notes.html"
    args = ("export", "--format", "html", "--highlighted", "-o", str(page))
    status, _, err = reader(data_dir, capsys, *args)
    html = page.read_text(encoding="utf-8")
    assert status == 0 and f"<mark>{QUOTE}</mark>" in html, html
    assert "1 article exported" in err and "left out" not in err

    epub = tmp_path / "notes.epub"
    assert reader(data_dir, capsys, "export", "--format", "epub", "-o", str(epub))[0] == 0
    import zipfile

    with zipfile.ZipFile(epub) as book_file:
        chapters = "".join(
            book_file.read(name).decode() for name in book_file.namelist() if name.endswith("html")
        )
    assert "reads again after the storm." in chapters and "Titled note, no link" in chapters


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


SHOW_NOTES = "Show notes: the pilots who bring the grain ships in after dark, and what they see."


class Episodes(Notes):
    """The notes feed with a podcast's episode that has no link, only its audio."""

    def more_items(self) -> str:
        return (
            '<item><title>Episode 12: Night pilots</title><guid isPermaLink="false">ep-12</guid>'
            f"<description>{SHOW_NOTES}</description>"
            f'<enclosure url="{self.url("/ep12.mp3")}" length="40000000" type="audio/mpeg"/>'
            "<pubDate>Thu, 03 Dec 2026 07:00:00 GMT</pubDate></item>"
        )


def test_an_episode_with_no_link_is_exported_with_its_show_notes(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving(Episodes) as site:
        synced(site, data_dir, capsys)
    book = tmp_path / "episodes.md"
    args = ("export", "--format", "markdown", "--feed", "Harbour Notes", "-o", str(book))
    status, _, err = reader(data_dir, capsys, *args)
    text = book.read_text(encoding="utf-8")
    assert status == 0 and SHOW_NOTES in text and "# Episode 12: Night pilots" in text
    assert "/ep12.mp3" in text.split(SHOW_NOTES, 1)[0]  # its audio, under its citation
    assert "3 articles exported" in err and "1 with no link and no text" in err
