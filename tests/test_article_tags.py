"""Tags on articles (acc31c W2): `reader tag ARTICLE TAG…` files an article under tags (saving
it), `reader untag` takes them off, `reader list --tag` lists a tag's articles with its feeds'
headlines, each line showing its tags; a hostile tag is one plain line. Real feeds and pages on
127.0.0.1 (`served_feed`), the real commands in-process, a real store in a temp directory; the
reader's `#` driven by Pilot."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from textual.pilot import Pilot
from textual.widgets import Input
from tui_pilot import (
    notices_raised,
    on_top,
    open_titled,
    running,
    screen_text,
    subscribe,
    table,
    until,
)

from reader.cli import main
from reader.keys import article_key
from reader.library import Library
from reader.models import Entry, Feed
from reader.reports import Headline
from reader.ui.app import ReaderApp
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.headlines import ARCHIVE_VIEW, SAVED_VIEW, HeadlineIndex, tag_view
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList

STORIES = [("Pilchard boats laid up", 8), ("Lifeboat crew rescue three", 9)]


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([*args, "--data-dir", str(data)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _ids(data: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """The headlines' ids by title."""
    status, out, _ = run(data, capsys, "list", "--json")
    assert status == 0
    return {row["title"]: row["id"] for row in json.loads(out)}


@pytest.fixture
def synced(tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "home"
    assert run(data, capsys, "add", serve_stories(httpserver, "Harbour Ledger", STORIES))[0] == 0
    assert run(data, capsys, "sync")[0] == 0
    return data


def test_an_article_tagged_is_saved_listed_by_its_tag_and_untagged(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(synced, capsys)
    pilchards = ids["Pilchard boats laid up"]
    status, out, err = run(synced, capsys, "tag", pilchards, "fishing", "Long read,fishing")
    assert (status, err) == (0, "")
    assert out == (
        "tagged: Pilchard boats laid up: fishing, Long read"
        " (saved for good: a tag files it in Saved)\n"
    )
    # Given again: nothing twice, the new one after.
    assert run(synced, capsys, "tag", pilchards, "LONG READ", "sea")[1] == (
        "tagged: Pilchard boats laid up: fishing, Long read, sea\n"
    )

    status, out, _ = run(synced, capsys, "list", "--tag", "long read")
    assert status == 0
    assert out.splitlines()[0].startswith(pilchards)
    assert out.splitlines()[0].endswith(
        "Harbour Ledger: Pilchard boats laid up  #fishing #Long read #sea"
    )
    assert len(out.splitlines()) == 1  # the feed isn't tagged: its other headline isn't listed
    rows = json.loads(run(synced, capsys, "list", "--saved", "--json")[1])
    assert [(row["title"], row["tags"]) for row in rows] == [
        ("Pilchard boats laid up", ["fishing", "Long read", "sea"])
    ]

    status, out, err = run(synced, capsys, "untag", pilchards, "Fishing", "sport")
    assert status == 0
    assert err == "reader: Pilchard boats laid up had no tag “sport”\n"
    assert out == (
        "untagged: Pilchard boats laid up: fishing (its tags now: Long read, sea; still saved)\n"
    )
    status, _, err = run(synced, capsys, "list", "--tag", "fishing")
    assert status == 1
    assert err == "reader: nothing is tagged “fishing” (the tags: Long read, sea)\n"
    # Still saved, as untag said.
    assert len(json.loads(run(synced, capsys, "list", "--saved", "--json")[1])) == 1


def test_many_articles_tagged_and_untagged_from_stdin(
    synced: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader list --ids … | reader tag - TAG`: each article given on stdin tagged in one
    process (thousands took a process each: acc33b B2); a line naming none said, the rest
    tagged all the same, and the exit status says one failed."""
    ids = _ids(synced, capsys)
    given = [ids["Pilchard boats laid up"], "ffffffffffff", ids["Lifeboat crew rescue three"]]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(given) + "\n\n"))
    status, out, err = run(synced, capsys, "tag", "-", "sea")
    assert status == 1
    assert out.splitlines() == [
        "tagged: Pilchard boats laid up: sea (saved for good: a tag files it in Saved)",
        "tagged: Lifeboat crew rescue three: sea (saved for good: a tag files it in Saved)",
    ]
    assert err.count("\n") == 1 and "ffffffffffff" in err
    rows = json.loads(run(synced, capsys, "list", "--tag", "sea", "--json")[1])
    assert sorted(row["title"] for row in rows) == sorted(ids)
    monkeypatch.setattr("sys.stdin", io.StringIO(given[0] + "\n"))
    status, out, _ = run(synced, capsys, "untag", "-", "sea")
    assert status == 0
    assert out == "untagged: Pilchard boats laid up: sea (its tags now: no tags; still saved)\n"
    rows = json.loads(run(synced, capsys, "list", "--tag", "sea", "--json")[1])
    assert [row["title"] for row in rows] == ["Lifeboat crew rescue three"]


def test_several_articles_ids_before_the_tags_are_each_tagged_and_untagged(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader tag ID ID paper1`, the obvious way to file several: the second id was a tag of
    the first article, unsaid (acc47a A12). Ids given with no tag after them: one line."""
    ids = _ids(synced, capsys)
    pilchards, lifeboat = ids["Pilchard boats laid up"], ids["Lifeboat crew rescue three"]
    status, out, err = run(synced, capsys, "tag", pilchards, lifeboat, "paper1", "sea")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "tagged: Pilchard boats laid up: paper1, sea (saved for good: a tag files it in Saved)",
        "tagged: Lifeboat crew rescue three: paper1, sea (saved for good: a tag files it in Saved)",
    ]
    rows = json.loads(run(synced, capsys, "list", "--tag", "paper1", "--json")[1])
    assert sorted(row["title"] for row in rows) == sorted(ids)
    assert all(row["tags"] == ["paper1", "sea"] for row in rows)
    status, out, _ = run(synced, capsys, "untag", lifeboat, pilchards, "sea")
    assert status == 0 and out.count("untagged: ") == 2, out
    status, _, err = run(synced, capsys, "tag", pilchards, lifeboat)
    assert status == 2
    assert err == (
        "reader: no tag after the 2 articles' ids: `reader tag ID… TAG…` (a tag spelled as an id"
        f" is written with its #: '#{lifeboat}')\n"
    )
    # So an article an older reader filed under an id (acc47d D9) has it taken off.
    status, out, _ = run(synced, capsys, "tag", pilchards, f"#{lifeboat}")
    assert status == 0 and lifeboat in out
    status, out, _ = run(synced, capsys, "untag", pilchards, f"#{lifeboat}")
    assert status == 0 and out.startswith(f"untagged: Pilchard boats laid up: {lifeboat}"), out


def test_ids_before_the_tags_one_unknown_change_nothing(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc47e E13: `reader tag ID deadbeef0000 sea` tagged the first, then failed on the
    unknown id: the change half made. Each id is looked up first; one unknown, none changed."""
    ids = _ids(synced, capsys)
    pilchards = ids["Pilchard boats laid up"]
    status, out, err = run(synced, capsys, "tag", pilchards, "deadbeef0000", "sea")
    assert status == 1 and out == "", out
    assert "deadbeef0000" in err and "nothing tagged" in err, err
    assert run(synced, capsys, "list", "--tag", "sea", "--ids")[1] == ""
    run(synced, capsys, "tag", pilchards, "sea")
    status, out, err = run(synced, capsys, "untag", pilchards, "deadbeef0000", "sea")
    assert status == 1 and out == "" and "nothing untagged" in err, err
    assert run(synced, capsys, "list", "--tag", "sea", "--ids")[1].split() == [pilchards]


def test_a_tag_lists_its_feeds_headlines_and_its_articles_together(
    synced: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = httpserver.url_for("/feed.xml")
    ids = _ids(synced, capsys)
    # A saved article by its address (no feed lists it) and a feed's headline, under one tag.
    assert run(synced, capsys, "tag", feed, "news")[0] == 0  # a feed still tags as before
    assert run(synced, capsys, "tag", ids["Lifeboat crew rescue three"], "rescue")[0] == 0
    status, out, _ = run(synced, capsys, "list", "--tag", "news,rescue", "--json")
    assert status == 0
    assert [(row["title"], row["tags"]) for row in json.loads(out)] == [
        ("Lifeboat crew rescue three", ["rescue"]),
        ("Pilchard boats laid up", []),
    ]
    # Marked read by the tag: its article too.
    assert run(synced, capsys, "mark-read", "--tag", "rescue")[0] == 0
    rows = json.loads(run(synced, capsys, "list", "--json")[1])
    assert {row["title"]: row["read"] for row in rows} == {
        "Lifeboat crew rescue three": True,
        "Pilchard boats laid up": False,
    }


def test_an_address_known_nowhere_is_not_tagged_nor_saved(
    synced: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # A feed's address mistyped must not be saved as an article.
    typo = httpserver.url_for("/fed.xml")
    status, _, err = run(synced, capsys, "tag", typo, "news")
    assert status == 1
    assert err == (
        f"reader: not subscribed, and no article at {typo} is listed, cached or saved:"
        " `reader save` it first\n"
    )
    assert json.loads(run(synced, capsys, "list", "--saved", "--json")[1]) == []
    assert run(synced, capsys, "tag", "Harbour Lodger", "news")[2] == (
        "reader: not subscribed: Harbour Lodger\n"
    )


def test_a_hostile_tag_is_kept_as_one_plain_line(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(synced, capsys)
    hostile = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\nme"
    status, out, _ = run(synced, capsys, "tag", ids["Pilchard boats laid up"], hostile)
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    rows = json.loads(run(synced, capsys, "list", "--saved", "--json")[1])
    (tag,) = rows[0]["tags"]
    assert "\x1b" not in tag and "\x07" not in tag and "\n" not in tag
    assert "click" in tag


def test_the_tag_key_files_a_headline_shows_it_and_its_tags_view(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`#` on a headline asks for its tags, completing those in use (a feed's here); Enter
    files it (saved) under them: its row and the article's byline show them, the feed list has
    the tag's row, which lists it with the tag's feeds' headlines. In the article, `#` again
    with the line emptied leaves it untagged, still saved."""
    feed = serve_stories(httpserver, "Harbour Ledger", STORIES)
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        _tag_in_the_reader(tmp_path, feed, serve_stories(other, "Quay", [("Regatta off", 10)]))
    finally:
        other.clear()
        other.stop()


async def _tags_asked(app: ReaderApp, pilot: Pilot[object], headlines: int) -> None:
    """Once the list has its `headlines`, `#` on "Pilchard boats laid up": its tags asked."""
    await until(pilot, lambda: len(table(app).rows) == headlines, "every headline")
    titles = [h.entry.title for h in table(app).rows]
    await pilot.press(*"j" * titles.index("Pilchard boats laid up"))
    await pilot.press("#")
    await on_top(pilot, FeedInputScreen, "the question")


def _tag_in_the_reader(tmp_path: Path, feed: str, quay: str) -> None:
    subscribe(tmp_path, [feed, quay])
    lib = Library(tmp_path)
    lib.tag_feed(quay, ["sea"])
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await _tags_asked(app, pilot, 3)
            line = app.screen.query_one(Input)
            await pilot.press("f", "i", "s", "h", "i", "n", "g", "comma", "space", "s")
            await until(pilot, lambda: line._suggestion == "fishing, sea", "sea offered")
            await pilot.press("right", "enter")
            await until(pilot, lambda: not isinstance(app.screen, FeedInputScreen), "answered")
            await until(pilot, lambda: "#fishing #sea" in screen_text(app), "the tags in the row")
            pilchards = next(h for h in table(app).rows if h.entry.title.startswith("Pilchard"))
            assert pilchards.saved and pilchards.tags == ("fishing", "sea")
            feeds = app.screen.query_one(FeedList)
            assert feeds.names[2:4] == ["#fishing", "#sea"]
            # The tag's row: its feed's headline and the article filed under it.
            await pilot.press("t", "t")
            await until(pilot, lambda: len(table(app).rows) == 2, "#sea's headlines")
            assert {h.entry.title for h in table(app).rows} == {
                "Pilchard boats laid up",
                "Regatta off",
            }
            assert "#sea · 2 unread of 2" in screen_text(app)

            body = await open_titled(pilot, "Pilchard boats")
            await until(pilot, lambda: "#fishing #sea" in screen_text(app), "the byline's tags")
            await pilot.press("#")
            await on_top(pilot, FeedInputScreen, "the question")
            assert app.screen.query_one(Input).value == "fishing, sea, "
            await pilot.press("ctrl+u", "enter")
            await until(pilot, lambda: "#fishing" not in screen_text(app), "the tags gone")
            assert body.tags == ()

    asyncio.run(run())
    lib = Library(tmp_path)
    try:
        (saved,) = lib.headlines(saved_only=True)
        assert saved.entry.title == "Pilchard boats laid up" and saved.tags == ()
        assert lib.tags() == ["sea"]
    finally:
        lib.close()


def test_s_twice_on_a_tagged_article_keeps_its_tags(tmp_path: Path, httpserver: HTTPServer) -> None:
    """Unsaving takes an article's tags with it; `s` again, the way back the status line
    offers, keeps them too."""
    subscribe(tmp_path, [serve_stories(httpserver, "Harbour Ledger", STORIES)], 2)
    lib = Library(tmp_path)
    pilchards = next(h.entry for h in lib.headlines() if h.entry.title.startswith("Pilchard"))
    lib.tag_article(pilchards, ["fishing"])
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            await until(pilot, lambda: len(table(app).rows) == 2, "every headline")
            titles = [h.entry.title for h in table(app).rows]
            await pilot.press(*"j" * titles.index("Pilchard boats laid up"))
            raised = notices_raised(app)  # its toast is drawn a refresh after it is raised
            await pilot.press("s")
            await until(pilot, lambda: "#fishing" not in screen_text(app), "unsaved")
            said = "s again keeps it and its tags"
            await until(pilot, lambda: any(said in notice for notice in raised), "the way back")
            await pilot.press("s")
            await until(pilot, lambda: "#fishing" in screen_text(app), "the tag back")

    asyncio.run(run())
    lib = Library(tmp_path)
    try:
        assert lib.tags_of(pilchards) == ("fishing",)
    finally:
        lib.close()


def test_unsave_says_the_tags_that_went(synced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pilchards = _ids(synced, capsys)["Pilchard boats laid up"]
    run(synced, capsys, "tag", pilchards, "fishing", "sea")
    assert run(synced, capsys, "unsave", pilchards)[1] == (
        "unsaved (the article stays cached until pruned; its tags went: fishing, sea)\n"
    )
    assert run(synced, capsys, "list", "--tag", "fishing")[0] == 1


def test_an_article_archived_is_kept_read_and_listed_apart(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader archive`: saved if it wasn't, marked read, listed by `--archived` and marked ✓
    by `--saved`; opening (reading) another leaves it in the reading list, unarchived."""
    ids = _ids(synced, capsys)
    pilchards, lifeboat = ids["Pilchard boats laid up"], ids["Lifeboat crew rescue three"]
    assert run(synced, capsys, "save", lifeboat)[0] == 0
    status, out, _ = run(synced, capsys, "archive", pilchards)
    assert (status, out) == (0, "archived: Pilchard boats laid up (read, saved for good)\n")
    assert run(synced, capsys, "archive", pilchards)[1] == (
        "already archived: Pilchard boats laid up\n"
    )
    rows = json.loads(run(synced, capsys, "list", "--saved", "--json")[1])
    assert {row["title"]: (row["archived"], row["read"]) for row in rows} == {
        "Pilchard boats laid up": (True, True),
        "Lifeboat crew rescue three": (False, False),
    }
    status, out, _ = run(synced, capsys, "list", "--archived")
    (line,) = out.splitlines()
    assert line.startswith(pilchards) and "  ↓✓  Harbour Ledger: Pilchard boats laid up" in line
    assert "★" in run(synced, capsys, "list", "--saved")[1]  # the one not archived

    status, out, _ = run(synced, capsys, "unarchive", pilchards, lifeboat)
    assert status == 0  # one not archived is nothing to do (README, Exit status)
    assert out == "unarchived: Pilchard boats laid up (back in Saved, still read)\n"
    assert run(synced, capsys, "list", "--archived")[1] == ""
    assert len(json.loads(run(synced, capsys, "list", "--saved", "--json")[1])) == 2


def test_show_json_gives_an_articles_tags_and_archive_mark(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader show --format json` carries the marks `list --json` gives: saved, its tags,
    archived; by its id or its address alike, one article or several."""
    ids = _ids(synced, capsys)
    pilchards, lifeboat = ids["Pilchard boats laid up"], ids["Lifeboat crew rescue three"]
    run(synced, capsys, "tag", pilchards, "fishing", "Long read")
    run(synced, capsys, "archive", pilchards)

    def marks(*targets: str) -> list[tuple[bool, list[str], bool]]:
        status, out, err = run(synced, capsys, "show", *targets, "--format", "json", "--offline")
        assert status == 0, err
        shown = json.loads(out)
        items = shown if isinstance(shown, list) else [shown]
        return [(item["saved"], item["tags"], item["archived"]) for item in items]

    assert marks(pilchards) == [(True, ["fishing", "Long read"], True)]
    assert marks(pilchards, lifeboat) == [
        (True, ["fishing", "Long read"], True),
        (False, [], False),
    ]
    link = json.loads(run(synced, capsys, "show", pilchards, "--format", "json")[1])["url"]
    assert marks(link) == [(True, ["fishing", "Long read"], True)]
    run(synced, capsys, "unarchive", pilchards)
    assert marks(pilchards) == [(True, ["fishing", "Long read"], False)]


TWINS = {"Pilchard boats laid up", "Pilchard fleet stays in port"}
"""The titles two feeds list one story under (`subscribe_twins`)."""


def subscribe_twins(data: Path, httpserver: HTTPServer) -> None:
    """Subscribe `data` to the Ledger and to a wire feed listing its 8 o'clock story too (the
    same link, another title, an hour earlier)."""
    feed = serve_stories(httpserver, "Harbour Ledger", STORIES)
    story = httpserver.url_for("/story-8.html")
    httpserver.expect_request("/wire.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title><item>'
        f"<title>Pilchard fleet stays in port</title><link>{story}</link>"
        "<guid>wire-1</guid><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    subscribe(data, [feed, httpserver.url_for("/wire.xml")])


def test_tagging_or_archiving_an_article_two_feeds_list_marks_each_of_its_rows(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A wire feed lists the Ledger's story too (the same link): "All feeds" lists it once,
    saying the wire lists it too; `#` on its row files the article, and both feeds' rows
    have its tags and star; `E` archives it in both, read in both (an article read is read
    wherever it is listed, as the store marks it); the tag's row lists it; a reload shows the
    same."""
    subscribe_twins(tmp_path, httpserver)

    def marks(rows: list[Headline]) -> dict[str, tuple[bool, tuple[str, ...], bool, bool]]:
        return {
            h.entry.title: (h.saved, h.tags, h.archived, h.read)
            for h in rows
            if h.entry.title in TWINS
        }

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 2, "every headline")
            titles = [h.entry.title for h in table(app).rows]
            assert "Pilchard fleet stays in port" not in titles
            assert "Pilchard boats laid up (also in Coast Wire)" in screen_text(app)
            assert "All feeds        2" in screen_text(app)
            await pilot.press(*"j" * titles.index("Pilchard boats laid up"))
            await pilot.press("#")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the question")
            await pilot.press(*"fishing", "enter")
            await until(pilot, lambda: screen_text(app).count("#fishing") == 2, "its row")
            tagged = (True, ("fishing",), False, False)
            assert marks(app.index.headlines) == dict.fromkeys(TWINS, tagged)
            await pilot.press("E")
            await until(
                pilot, lambda: all(m[2] for m in marks(app.index.headlines).values()), "archived"
            )
            assert marks(app.index.headlines) == dict.fromkeys(
                TWINS, (True, ("fishing",), True, True)
            )
            # The tag's row (under "Saved" and "Archive"): the article once, its marks the
            # same. `t`, the next tag's row: a tag of articles alone too.
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("t")
            await until(pilot, lambda: screen.feed_url == tag_view("fishing"), "#fishing")
            assert marks(table(app).rows) == {
                "Pilchard boats laid up": (True, ("fishing",), True, True),
            }
            shown = marks(app.index.headlines)

        lib = Library(tmp_path)
        try:
            assert marks(lib.headlines()) == shown  # as a reload reads the store
        finally:
            lib.close()

    asyncio.run(run())


def test_an_article_two_feeds_list_is_one_row_in_saved_the_archive_and_its_tag(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved, Archive and a tag's list are lists of articles: the story two feeds list (one
    link, `article_key`) is one row there, the newest, and one in their counts; so is it in
    "All feeds" (saying the wire lists it too), and each feed's list has it."""
    subscribe_twins(tmp_path, httpserver)
    lib = Library(tmp_path)
    try:
        twin = next(h.entry for h in lib.headlines() if h.entry.title in TWINS)
        lib.tag_article(twin, ["fishing"])
    finally:
        lib.close()
    newest = "Pilchard boats laid up"

    def titles(rows: list[Headline]) -> list[str]:
        return [h.entry.title for h in rows]

    async def run_reader() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 2, "every headline")
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert app.index.saved == 1
            assert app.index.count_in(None) == 2 and app.index.unread_in(None) == 2
            feeds = screen.query_one(FeedList)
            await pilot.press("tab", "j")  # Saved
            await until(pilot, lambda: screen.feed_url == SAVED_VIEW, "Saved")
            assert titles(table(app).rows) == [newest]
            assert "Saved · 1 unread of 1" in screen_text(app)
            await pilot.press("j")  # #fishing
            await until(pilot, lambda: screen.feed_url == tag_view("fishing"), "#fishing")
            assert titles(table(app).rows) == [newest]
            assert app.index.count_in(tag_view("fishing")) == 1
            assert ("fishing", 1) in app.index.tags()
            await pilot.press("tab", "E")
            await until(pilot, lambda: "Archive" in feeds.names, "the archive's row")
            assert app.index.archived == 1 and app.index.saved == 1
            await pilot.press("tab", "k")  # Archive, between Saved and #fishing now
            await until(pilot, lambda: screen.feed_url == ARCHIVE_VIEW, "Archive")
            assert titles(table(app).rows) == [newest]
            assert "Archive · 1 archived" in screen_text(app)

    asyncio.run(run_reader())
    for listed in (("--saved",), ("--archived",), ("--tag", "fishing")):
        status, out, _ = run(tmp_path, capsys, "list", *listed, "--json")
        assert status == 0 and titles_of(out) == [newest], listed
    status, out, _ = run(tmp_path, capsys, "list", "--json")
    assert sorted(titles_of(out)) == sorted([newest, "Lifeboat crew rescue three"])
    wire = next(row for row in json.loads(out) if row["title"] == newest)["also_in"]
    assert wire == [f"http://{httpserver.host}:{httpserver.port}/wire.xml"]
    for feed in ("feed.xml", "wire.xml"):
        status, out, _ = run(tmp_path, capsys, "list", "--feed", httpserver.url_for(feed))
        assert "Pilchard" in out, feed


def titles_of(listed: str) -> list[str]:
    """The titles of `reader list --json`'s rows."""
    return [row["title"] for row in json.loads(listed)]


def test_capital_e_archives_an_article_into_the_archive_row_and_back(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`E` on a headline archives it (saved, read, ✓): the feed list gets "Archive" under
    "Saved", which lists it while "Saved" no longer does; `E` there puts it back in Saved."""
    subscribe(tmp_path, [serve_stories(httpserver, "Harbour Ledger", STORIES)])
    lib = Library(tmp_path)
    lifeboat = next(h.entry for h in lib.headlines() if h.entry.title.startswith("Lifeboat"))
    lib.set_saved(lifeboat, True)
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 2, "every headline")
            feeds = app.screen.query_one(FeedList)
            assert "Archive" not in feeds.names
            titles = [h.entry.title for h in table(app).rows]
            await pilot.press(*"j" * titles.index("Pilchard boats laid up"))
            await pilot.press("E")
            await until(pilot, lambda: "Archive" in feeds.names, "the archive's row")
            pilchards = next(h for h in table(app).rows if h.entry.title.startswith("Pilchard"))
            assert pilchards.saved and pilchards.archived and pilchards.read
            assert feeds.names[:3] == ["All feeds", "Saved", "Archive"]
            line = next(line for line in screen_text(app).splitlines() if "Pilchard" in line)
            assert "✓" in line and "●" not in line
            await pilot.press("tab", "j")  # Saved: the one saved, not the one archived
            await until(pilot, lambda: len(table(app).rows) == 1, "Saved's")
            assert table(app).rows[0].entry.title == "Lifeboat crew rescue three"
            await pilot.press("j")
            await until(
                pilot,
                lambda: [h.entry.title for h in table(app).rows] == ["Pilchard boats laid up"],
                "Archive's",
            )
            assert "Archive · 1 archived" in screen_text(app)
            await pilot.press("tab", "E")  # back in Saved; the row stays till the list is left
            await until(pilot, lambda: not table(app).rows[0].archived, "unarchived")
            assert len(table(app).rows) == 1
            await pilot.press("tab", "k")
            await until(pilot, lambda: len(table(app).rows) == 2, "both in Saved")

    asyncio.run(run())
    lib = Library(tmp_path)
    try:
        saved = {h.entry.title: (h.archived, h.read) for h in lib.headlines(saved_only=True)}
        assert saved == {
            "Pilchard boats laid up": (False, True),
            "Lifeboat crew rescue three": (False, False),
        }
    finally:
        lib.close()


def test_a_tags_rows_follow_a_refresh_and_a_retag_without_a_reload() -> None:
    """The reader's index keeps a tag's articles as a refresh replaces a feed's headlines
    (`with_feeds`) and as `#` files one (`set_tags`), without gathering them again: its view
    and counts are those of an index read afresh."""
    feeds = [
        Feed("http://127.0.0.1:9/a.xml", title="A", tags=("sea",)),
        Feed("http://127.0.0.1:9/b.xml", title="B"),
    ]
    now = datetime(2026, 12, 1, tzinfo=UTC)

    def headline(n: int, feed: Feed, tags: tuple[str, ...] = (), read: bool = False) -> Headline:
        entry = Entry(
            f"e{n}", feed.url, f"t{n}", f"http://127.0.0.1:9/{n}.html", now - timedelta(hours=n)
        )
        return Headline(entry, read=read, cached=True, saved=bool(tags), tags=tags)

    index = HeadlineIndex(
        feeds,
        [headline(1, feeds[1], ("fishing",)), headline(2, feeds[0]), headline(3, feeds[1])],
    )
    assert index.tags() == [("fishing", 1), ("sea", 1)]
    # A refresh of B: its first headline filed under "sea" now, as the store says.
    fresh = [
        headline(1, feeds[1], ("sea",)),
        headline(3, feeds[1]),
        headline(4, feeds[1], ("sea",), True),
    ]
    fresh.sort(key=lambda h: h.entry.id)
    refreshed = index.with_feeds(feeds, {feeds[1].url}, fresh, index.edits)
    assert refreshed.tags() == [("sea", 2)]
    assert [h.entry.id for h in refreshed.view(tag_view("SEA"))] == ["e1", "e2", "e4"]
    assert refreshed.count_in(tag_view("sea")) == 3
    # `#` on e3: filed under "Fishing", read meanwhile.
    refreshed.set_read("e3", True)
    refreshed.set_tags("e3", ("Fishing",))
    assert refreshed.tags() == [("Fishing", 0), ("sea", 2)]
    afresh = HeadlineIndex(feeds, list(refreshed.headlines))
    assert afresh.tags() == refreshed.tags()
    assert (afresh.saved, afresh.archived) == (refreshed.saved, refreshed.archived) == (3, 0)
    for tag in ("sea", "fishing"):
        assert afresh.view(tag_view(tag)) == refreshed.view(tag_view(tag))


def test_an_article_two_feeds_list_is_one_row_of_its_tag_whichever_feeds_it_holds() -> None:
    """The index's tag view and counts: a story A (tagged "sea") and B both list, filed under
    "sea" and "fishing": in "#sea" once, A's row (with A's headlines); in "#fishing" once,
    the newest row; Saved once, Archive once."""
    feeds = [
        Feed("http://127.0.0.1:9/a.xml", title="A", tags=("sea",)),
        Feed("http://127.0.0.1:9/b.xml", title="B"),
    ]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    tags = ("sea", "fishing")

    def headline(entry_id: str, feed: Feed, hours: int, link: int) -> Headline:
        entry = Entry(
            entry_id,
            feed.url,
            entry_id,
            f"http://127.0.0.1:9/{link}.html",
            now - timedelta(hours=hours),
        )
        saved = link == 1
        return Headline(entry, False, True, saved, tags=tags if saved else (), archived=saved)

    index = HeadlineIndex(
        feeds,
        [
            headline("b1", feeds[1], 1, 1),
            headline("a1", feeds[0], 2, 1),
            headline("a2", feeds[0], 3, 2),
        ],
    )
    assert [h.entry.id for h in index.view(tag_view("sea"))] == ["a1", "a2"]
    assert [h.entry.id for h in index.view(tag_view("fishing"))] == ["b1"]
    assert index.tags() == [("fishing", 1), ("sea", 2)]
    assert (index.count_in(tag_view("sea")), index.count_in(tag_view("fishing"))) == (2, 1)
    assert [h.entry.id for h in index.archive_view()] == ["b1"]
    assert (index.saved, index.archived) == (1, 1)


def test_a_tag_typed_with_its_mark_is_kept_without_it(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every list writes a tag after a "#": typed so, the "#" is the mark, not the name
    (acc33a A13)."""
    pilchards = _ids(synced, capsys)["Pilchard boats laid up"]
    status, out, _ = run(synced, capsys, "tag", pilchards, "#urgent", "#fees, education")
    assert status == 0
    assert out.startswith("tagged: Pilchard boats laid up: urgent, fees, education")
    status, out, _ = run(synced, capsys, "list", "--saved")
    assert out.rstrip().endswith("#urgent #fees #education")
    for asked in ("urgent", "#urgent", "#Urgent"):
        status, out, _ = run(synced, capsys, "list", "--tag", asked)
        assert status == 0 and out.startswith(pilchards), asked
    status, out, _ = run(synced, capsys, "untag", pilchards, "#fees")
    assert status == 0 and "its tags now: urgent, education" in out
    assert run(synced, capsys, "tag", pilchards, "#")[0] == 2  # the mark alone: no tag


def test_a_tag_kept_with_its_mark_before_is_read_without_it(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tag a reader before acc33a A13 kept with the "#" typed ("#old": listed "##old",
    named only so) is the tag "old", an article's and a feed's alike: listed "#old", found
    by `--tag old` and `tag:old`, one with "old" where both are, kept so at the next change."""
    pilchards = _ids(synced, capsys)["Pilchard boats laid up"]
    lib = Library(synced)
    try:
        entry = lib.resolve(pilchards)
        assert isinstance(entry, Entry)
        # The records as that reader wrote them: the store keeps tags as it is given them.
        lib.store.restore_saved(entry.link, {"url": entry.link, "tags": ["#old", "Old", "#sea"]})
        lib.tag_feed(entry.feed_url, ["#harbour"])
    finally:
        lib.close()
    status, out, _ = run(synced, capsys, "list", "--saved")
    assert out.rstrip().endswith("Pilchard boats laid up  #old #sea")
    for asked in ("old", "#old"):
        status, out, _ = run(synced, capsys, "list", "--tag", asked)
        assert status == 0 and out.startswith(pilchards), asked
    for asked in ("harbour", "#Harbour"):  # the feed's: both its headlines
        status, out, _ = run(synced, capsys, "list", "--tag", asked)
        assert status == 0 and len(out.splitlines()) == 2, asked
    for asked in ("tag:old", "tag:#old", "tag:#OLD"):  # the mark taken as `--tag` takes it
        status, out, _ = run(synced, capsys, "list", "--search", asked, "--ids")
        assert (status, out) == (0, f"{pilchards}\n"), asked
    feeds = json.loads(run(synced, capsys, "feeds", "--json")[1])
    assert [feed["tags"] for feed in feeds] == [["harbour"]]
    status, out, _ = run(synced, capsys, "untag", pilchards, "#sea")
    assert status == 0 and "its tags now: old" in out
    lib = Library(synced)
    try:
        assert lib.store.saved()[article_key(entry.link)]["tags"] == ["old"]
    finally:
        lib.close()


def test_the_tag_key_takes_a_tag_typed_with_its_mark(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    feed = serve_stories(httpserver, "Harbour Ledger", STORIES)
    subscribe(tmp_path, [feed])
    lib = Library(tmp_path)
    lib.tag_feed(feed, ["sea"])
    lib.close()

    async def run_reader() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 2, "every headline")
            titles = [h.entry.title for h in table(app).rows]
            await pilot.press(*"j" * titles.index("Pilchard boats laid up"))
            await pilot.press("#")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the question")
            line = app.screen.query_one(Input)
            await pilot.press(*"#urgent", "comma", "space", "#", "s")
            await until(pilot, lambda: line._suggestion == "#urgent, #sea", "sea offered")
            await pilot.press("right", "enter")
            await until(pilot, lambda: "#urgent #sea" in screen_text(app), "the tags in the row")
            pilchards = next(h for h in table(app).rows if h.entry.title.startswith("Pilchard"))
            assert pilchards.tags == ("urgent", "sea")

    asyncio.run(run_reader())


def test_a_tag_typed_after_those_an_article_has_is_one_more(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`#` fills its line with the article's tags and a comma after them: typed on, a word is
    a tag of its own (the line ended in the last tag: "Überwachungweek49", acc35b F7)."""
    subscribe(tmp_path, [serve_stories(httpserver, "Harbour Ledger", STORIES)], 2)
    lib = Library(tmp_path)
    pilchards = next(h.entry for h in lib.headlines() if h.entry.title.startswith("Pilchard"))
    lib.tag_article(pilchards, ["Überwachung", "ferries"])
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await _tags_asked(app, pilot, 2)
            await pilot.press(*"week49", "enter")
            await until(pilot, lambda: "#week49" in screen_text(app), "the tag in the row")
            row = next(h for h in table(app).rows if h.entry.title.startswith("Pilchard"))
            assert row.tags == ("Überwachung", "ferries", "week49")
            # Enter on the line as it was filled: the same tags, none empty.
            await pilot.press("#")
            await on_top(pilot, FeedInputScreen, "the question again")
            await pilot.press("enter")
            await until(pilot, lambda: not isinstance(app.screen, FeedInputScreen), "answered")
            await pilot.pause()
            row = next(h for h in table(app).rows if h.entry.title.startswith("Pilchard"))
            assert row.tags == ("Überwachung", "ferries", "week49")

    asyncio.run(run())
