"""A cached article's page asked for again on demand (`reader show --refresh`), and a cached
story its site has since taken down (404, 410): the copy kept, and said to be all that is left,
by the sync that found it, the article's notes and its JSON, until the page answers again."""

from __future__ import annotations

import asyncio
import json
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from tests.test_renewal import TITLE, Site, corrected_now, page, sync
from tests.test_renewal import site as site  # the fixture, by name
from tests.tui_pilot import notices_raised, open_titled, reading, screen_text, until


def reader(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def story_id(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert reader(data_dir, "list", "--ids") == 0
    return capsys.readouterr().out.split()[0]


def test_refresh_fetches_a_correction_the_feed_did_not_tell(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    # Corrected on the page only: the feed says nothing, so a sync leaves the copy.
    site.body = page("three times a day")
    site.asked.clear()
    sync(data_dir, site.url("/feed.xml"))
    assert site.asked == ["/feed.xml"]
    capsys.readouterr()

    assert reader(data_dir, "show", story, "--refresh") == 0
    out, err = capsys.readouterr()
    assert "sail three times a day" in out and "twice a day" not in out
    assert "changed since the copy retrieved 20" in err and "kept as copy 1" in err
    assert reader(data_dir, "show", story, "--version", "1", "--offline") == 0
    assert "sail twice a day" in capsys.readouterr().out

    # Asked again, the same page: said so, no copy more.
    assert reader(data_dir, "show", story, "--refresh", "--format", "json") == 0
    out, err = capsys.readouterr()
    assert "unchanged since the copy retrieved" in err
    assert len(json.loads(out)["versions"]) == 2


def test_refresh_of_an_address_read_with_no_feed(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = site.url("/2026/12/ferry.html")
    assert reader(data_dir, "show", story) == 0
    site.body = page("three times a day")
    capsys.readouterr()
    assert reader(data_dir, "show", story, "--refresh", "--format", "citation") == 0
    out, err = capsys.readouterr()
    assert "changed since the copy retrieved" in err and "kept as copy 1" in err
    assert "Note: the text changed since the copy retrieved" in out


def test_refresh_of_a_page_taken_down_keeps_the_copy_and_notes_it_until_it_answers(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    site.status, site.body = 404, "<html><body>Not found</body></html>"

    assert reader(data_dir, "show", story, "--refresh") == 0
    out, err = capsys.readouterr()
    assert "taken down: HTTP 404" in err and "is kept" in err
    assert "sail twice a day" in out
    assert "Note: the page answered 404 on 20" in out and "taken down; this is the copy" in out

    # Offline too, and in JSON, and the citation's notes (on stderr for a one-line style).
    assert reader(data_dir, "show", story, "--offline", "--format", "json") == 0
    item = json.loads(capsys.readouterr().out)
    assert item["gone_at"].startswith("20") and item["gone_status"] == 404
    assert reader(data_dir, "show", story, "--format", "citation", "--style", "apa") == 0
    assert "the page answered 404" in capsys.readouterr().err

    # The page back: the note goes, the time it was down said (acc47b F9).
    site.status, site.body = 200, page("twice a day")
    assert reader(data_dir, "show", story, "--refresh") == 0
    out, err = capsys.readouterr()
    assert "unchanged since" in err and "Note: the page answered 404" not in out
    assert "(answered 404) until 20" in out and "when it gave the story again" in out
    assert reader(data_dir, "show", story, "--offline", "--format", "json") == 0
    assert "gone_at" not in json.loads(capsys.readouterr().out)


def test_an_export_notes_a_story_taken_down_as_show_does(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc33a A3: `show --format markdown` headed the copy "Note: the page answered 404 …";
    the same article exported (markdown, html, epub) said nothing of it."""
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    site.status, site.body = 404, "<html><body>Not found</body></html>"
    assert reader(data_dir, "show", story, "--refresh") == 0
    capsys.readouterr()
    assert reader(data_dir, "show", story, "--offline", "--format", "markdown") == 0
    (note,) = [
        line for line in capsys.readouterr().out.splitlines() if "the page answered 404" in line
    ]
    for form in ("markdown", "html", "epub"):
        book = tmp_path / f"all.{form}"
        assert reader(data_dir, "export", "--format", form, "-o", str(book)) == 0
        if form == "epub":
            with zipfile.ZipFile(book) as epub:
                text = epub.read("OEBPS/a00001.xhtml").decode()
        else:
            text = book.read_text(encoding="utf-8")
        assert "sail twice a day" in text
        if form == "markdown":
            assert note in text
        else:
            assert "the page answered 404 on 20" in text and "taken down; this is the copy" in text


def test_reader_list_marks_a_cached_story_taken_down_as_show_does(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    site.status, site.body = 404, "<html><body>Not found</body></html>"
    assert reader(data_dir, "show", story, "--refresh") == 0
    capsys.readouterr()

    assert reader(data_dir, "list") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(story) and line.endswith(f"{TITLE}  (taken down)")
    assert " N⊘ " in line  # the mark the reader's list shows too (acc28c C10)
    assert reader(data_dir, "list", "--search", "ferry", "--json") == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["taken_down"] and item["cached"]

    # The page back: the mark goes.
    site.status, site.body = 200, page("twice a day")
    assert reader(data_dir, "show", story, "--refresh") == 0
    capsys.readouterr()
    assert reader(data_dir, "list") == 0
    assert "taken down" not in capsys.readouterr().out


def test_a_sync_asking_again_for_a_cached_story_taken_down_says_so(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    site.updated = corrected_now()  # the feed tells it anew: the sync asks for the page
    site.status, site.body = 410, "<html><body>Gone</body></html>"

    assert reader(data_dir, "sync") == 0
    err = capsys.readouterr().err
    assert f"taken down: Ferry timetable cut for winter <{site.url('/2026/12/ferry.html')}>" in err
    assert "gone for good (HTTP 410): the copy retrieved 20" in err and "is kept" in err
    assert "1 taken down" in err and "0 failed" in err
    assert reader(data_dir, "show", story, "--offline") == 0
    out = capsys.readouterr().out
    assert "sail twice a day" in out and "Note: the page answered 410 on" in out


def test_refresh_with_the_site_unreachable_says_so_in_a_line_and_shows_the_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    story = story_id(data_dir, capsys)
    site.shutdown()
    site.server_close()

    assert reader(data_dir, "show", story, "--refresh") == 1
    out, err = capsys.readouterr()
    assert "sail twice a day" in out
    (line,) = err.strip().splitlines()
    assert line.startswith("reader: not fetched again: ") or line.startswith("not fetched again")
    assert "the copy retrieved 20" in line and "is shown" in line
    assert reader(data_dir, "show", story, "--refresh", "--offline") == 2


def test_r_in_the_article_fetches_its_page_again_and_shows_the_new_copy_in_place(
    site: Site, data_dir: Path
) -> None:
    sync(data_dir, site.url("/feed.xml"))
    site.body = page("three times a day")  # corrected on the page; the feed says nothing

    async def run() -> None:
        async with reading(data_dir, TITLE, (120, 40), notifications=True) as (app, pilot, body):
            await until(pilot, lambda: "sail twice a day" in screen_text(app), "the copy")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("R")
            await until(pilot, lambda: "three times a day" in screen_text(app), "the new copy")
            await until(pilot, lambda: any("changed since" in n for n in raised), "said")
            said = next(n for n in raised if "changed since" in n)
            assert "kept as copy 1 (V shows it)" in said
            assert body.article is not None and body.article.version == 2
            await pilot.press("V")
            await until(pilot, lambda: "sail twice a day" in screen_text(app), "the copy before")

            # Taken down: the copy stays, its header says so.
            site.status, site.body = 404, "<html><body>Not found</body></html>"
            await pilot.press("V", "R")
            await until(pilot, lambda: "answered 404" in screen_text(app), "the note")
            assert "three times a day" in screen_text(app)
            down = f"{TITLE}: taken down: HTTP 404"
            await until(pilot, lambda: any(n.startswith(down) for n in raised), "taken down said")
            # Back in the list, its row is marked so, as `reader list` marks it (acc28c C10).
            await pilot.press("escape")
            await until(pilot, lambda: "⊘" in screen_text(app), "the taken-down mark")
            await pilot.press("enter")
            await until(pilot, lambda: "answered 404" in screen_text(app), "the article again")

            # The site unreachable: one line, the copy shown stays.
            site.shutdown()
            site.server_close()
            await pilot.press("R")
            await until(pilot, lambda: any("Not fetched again" in n for n in raised), "said")
            assert "three times a day" in screen_text(app)

    asyncio.run(run())


def test_r_names_the_key_the_user_gave_the_copies_kept(site: Site, data_dir: Path) -> None:
    """With `V` moved in `[keys]`, `R`'s notice and the header said "V shows it" of a key that
    did nothing. (A key bound to nothing else: `E` archives since tags32.)"""
    from reader.config import load_config
    from reader.ui.app import ReaderApp

    sync(data_dir, site.url("/feed.xml"))
    path = data_dir / "config.toml"
    path.write_text('[keys]\nearlier_version = ["W"]\n')
    site.body = page("three times a day")

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False, config=load_config(path))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await open_titled(pilot, TITLE)
            await until(pilot, lambda: "sail twice a day" in screen_text(app), "the copy")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("R")
            await until(pilot, lambda: any("changed since" in n for n in raised), "said")
            said = next(n for n in raised if "changed since" in n)
            assert "kept as copy 1 (W shows it)" in said
            shown = " ".join(screen_text(app).split())
            assert "which is kept: W shows it" in shown and "V shows" not in shown
            await pilot.press("W")
            await until(pilot, lambda: "sail twice a day" in screen_text(app), "the copy before")
            assert "W goes back to it" in " ".join(screen_text(app).split())

    asyncio.run(run())
