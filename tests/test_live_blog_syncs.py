"""A live blog followed by syncs (acc48c): its feed's item says the same all day, and each sync
asks for its page again while it runs ("changed since?": a 304 costs no page), no more once its
coverage ended. The blog of tests/live_blog_site.py on 127.0.0.1, the real store and the CLI."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.ui.screens.article import ArticleScreen
from tests.live_blog_site import DAY, PAGE, LiveBlog, at, entry, live_blog
from tests.story_site import ran
from tests.tui_pilot import open_row, running, screen_text, until


@pytest.fixture
def blog() -> Iterator[LiveBlog]:
    with live_blog(9) as server:
        yield server


def _page_asks(blog: LiveBlog) -> list[int]:
    return [status for path, status in blog.asked if path == PAGE]


def _id(capsys: pytest.CaptureFixture[str], data_dir: Path) -> str:
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    return str(row["id"])


def test_a_live_blog_is_asked_for_again_at_each_sync_while_it_runs(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200]
    blog.grow(12)  # three new entries; the feed's item as it was
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200]
    shown = ran(capsys, data_dir, "show", "--offline", _id(capsys, data_dir))[0]
    assert "10:12 · Entry 12" in shown, shown[:400]
    # Nothing new: asked with its ETag, answered 304, the copy as it was.
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200, 304]
    # Closed: the sync that reads the end is the last to ask.
    blog.ended = at("10:30")
    blog.grow(13)
    ran(capsys, data_dir, "sync")
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200, 304, 200]
    # The end said: in the header and in `--format json` (acc48c C13).
    ident = _id(capsys, data_dir)
    shown = ran(capsys, data_dir, "show", "--offline", ident)[0]
    assert f"Note: the live coverage ended {at('10:30')}, as the page says" in shown
    data = json.loads(ran(capsys, data_dir, "show", "--offline", ident, "--format", "json")[0])
    assert data["live"] is False and data["coverage_ended"] == at("10:30")
    cited = ran(capsys, data_dir, "show", "--offline", ident, "--format", "citation")[0]
    assert "coverage ended" not in cited


def test_a_live_blog_that_only_grew_is_updated_not_corrected(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    # Its item retold too (a reader before live blogs were asked for again fetched it then).
    blog.grow(11)
    blog.summary = "Latest: harbour master shuts berth eleven overnight"
    ran(capsys, data_dir, "sync")
    blog.grow(12)
    blog.summary = "Latest: crews reach berth twelve as second blaze spreads"
    ran(capsys, data_dir, "sync")
    ident = _id(capsys, data_dir)
    assert ran(capsys, data_dir, "list", "--corrected")[0] == ""
    assert ran(capsys, data_dir, "list", "--search", "is:corrected")[0] == ""
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["corrected"] is False

    async def run() -> str:
        async with running(data_dir, (110, 30)) as (app, pilot):
            await open_row(pilot, 0)
            await until(pilot, lambda: "new entries" in screen_text(app), "the byline")
            return screen_text(app)

    header = asyncio.run(run())
    assert "updated (new entries)" in header and "corrected" not in header
    # An entry's words changed: a correction, said from then on.
    at, heading, _ = blog.entries[-3]
    blog.entries[-3] = (at, heading, entry(3, "third")[2])
    ran(capsys, data_dir, "sync")
    assert ident in ran(capsys, data_dir, "list", "--corrected")[0]


def test_copies_a_live_blog_drops_are_said_once_and_never_in_a_citation(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    said = []
    for upto in range(10, 16):  # six syncs, each with a new entry: three copies dropped
        blog.grow(upto)
        # Its item retold (as above): a reader before live blogs were asked for fetched it.
        blog.summary = "Latest: " + " ".join(f"w{upto}x{n}" for n in range(4))
        said.append(ran(capsys, data_dir, "sync")[1])
    ident = _id(capsys, data_dir)
    # The sync: no line a copy, one count.
    assert not [line for out in said for line in out.splitlines() if "copy dropped" in line]
    assert "1 earlier copy of live blogs not kept" in said[-1]
    # The header: one line for all those dropped.
    shown = ran(capsys, data_dir, "show", "--offline", ident)[0]
    [note] = [line for line in shown.splitlines() if "not kept" in line]
    assert note.startswith("Note: 3 earlier copies not kept (retrieved "), note
    assert note.endswith(": only 3 earlier copies are kept of an article not saved"), note
    # A citation cites a copy kept: nothing of those dropped.
    for style in ("block", "apa"):
        out, err = ran(
            capsys, data_dir, "show", "--offline", ident, "--format", "citation", "--style", style
        )
        assert "not kept" not in out + err and "dropped" not in out + err


def test_a_saved_blogs_many_copies_are_named_by_the_first_and_the_last() -> None:
    """A saved live blog keeps fifty copies: its header and quotes name the first and the last
    of them, not a line of thirty times (acc48c C4)."""

    from reader.citation import version_note
    from reader.models import Article

    first = datetime(2026, 12, 7, 11, 30, tzinfo=UTC)
    times = tuple(first + timedelta(minutes=n) for n in range(31))
    latest = Article(url="http://127.0.0.1/live.html", versions=times, version=31)
    shown = version_note(latest)
    assert shown.startswith(
        "the text changed since the 30 copies retrieved 2026-12-07T11:30:00+00:00 (1) to "
        "2026-12-07T11:59:00+00:00 (30), which are kept"
    ), shown
    quoted = version_note(latest, copied=True)
    assert quoted == (
        "the text changed since the 30 copies retrieved 2026-12-07T11:30:00+00:00 to "
        "2026-12-07T11:59:00+00:00"
    )


def test_the_copy_read_stays_readable_once_syncs_drop_it(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The blog open in the reader while three syncs keep newer copies, the one shown dropped
    from those kept: `d` compares it with the latest, `V` goes to the kept copy nearest it in
    time, and a quote of words the latest holds unchanged cites the latest (acc48c C7)."""
    from reader.library import Library
    from reader.ui.app import ReaderApp
    from tests.test_quoted_markdown import copied_by, copies
    from tests.tui_pilot import open_titled, started, status

    def synced(upto: int) -> None:  # `reader sync` from cron, in another process
        blog.grow(upto)
        # Its item retold (as above): a reader before live blogs were asked for fetched it.
        blog.summary = "Latest: " + " ".join(f"w{upto}x{n}" for n in range(4))

        async def run() -> None:
            async with Library(data_dir) as lib:
                await lib.sync()

        asyncio.run(run())

    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    time.sleep(3)  # copy 1 well before the copy read, the copies after it close behind
    synced(10)

    async def run() -> tuple[str, str, str]:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            body = await open_titled(pilot, "berth fires")
            await until(pilot, lambda: "Entry 10" in screen_text(app), "copy 2, entry 10 on top")
            copied = copies(app)
            for upto in (11, 12, 13):
                await asyncio.to_thread(synced, upto)
            await until(
                pilot,
                lambda: "this copy is no longer kept" in status(app),
                "the word of the copy dropped by the syncs",
            )
            assert body.article is not None and body.article.dropped
            await copied_by(pilot, copied, "v", "y")  # the top entry's heading and sentence
            quoted = copied[-1]
            await pilot.press("escape", "d")
            await until(pilot, lambda: "added" in screen_text(app), "d from the copy shown")
            compared = screen_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "back")
            await pilot.press("V")
            await until(pilot, lambda: "Entry 11" in screen_text(app), "the copy after it")
            return quoted, compared, screen_text(app)

    quoted, compared, shown = asyncio.run(run())
    assert "Entry 10" in quoted and "no longer kept" not in quoted, quoted
    assert "Entry 13" in compared and "Entry 11" in compared
    assert "Entry 12" not in shown.split("Entry 11")[0]  # copy 3 (entries 1–11), not copy 1


def test_a_live_blog_is_listed_by_its_last_update_and_marked_live(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Begun at 10:00, updated since: above a story of 10:05, "(live)" after its headline
    (acc48c C11: under dozens of newer headlines, at its start time)."""
    blog.other = "10:05"
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    first, second = ran(capsys, data_dir, "list")[0].splitlines()
    assert "Live: berth fires  (live)" in first and "Harbour roadworks" in second
    assert "(live)" not in second
    # Its coverage ended: listed by its start again, no mark.
    blog.ended = at("10:30")
    ran(capsys, data_dir, "sync")
    first, second = ran(capsys, data_dir, "list")[0].splitlines()
    assert "Harbour roadworks" in first and "(live)" not in first + second


def test_a_304_for_a_live_blogs_page_is_a_check_of_its_copy(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sync asking a live blog's page "changed since?" and answered 304 checked the copy: its
    "Checked:" says so, as a page fetched whole and found the same does; the copy was shown as
    last checked at its retrieval, hours before."""
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    ident = _id(capsys, data_dir)
    first = ran(capsys, data_dir, "show", "--offline", ident)[0]
    retrieved = next(x for x in first.splitlines() if x.startswith("Retrieved: "))
    assert "Checked: " not in first
    time.sleep(1.1)  # a check a second later: a time of its own, to the second
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 304]
    shown = ran(capsys, data_dir, "show", "--offline", ident)[0]
    assert retrieved in shown.splitlines()  # the copy as retrieved then
    check = next(x for x in shown.splitlines() if x.startswith("Checked: "))
    assert check.endswith(", unchanged") and check[9:-11] > retrieved[11:], (retrieved, check)


def test_list_json_says_which_headline_is_a_live_blog(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader list --json` has `live`, the row's "(live)", for a script as for the eye."""
    blog.other = "10:05"
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")

    def live() -> dict[str, bool]:
        rows = json.loads(ran(capsys, data_dir, "list", "--json")[0])
        return {row["title"]: row["live"] for row in rows}

    assert live() == {"Live: berth fires": True, "Harbour roadworks": False}
    blog.ended = at("10:30")
    ran(capsys, data_dir, "sync")
    assert live() == {"Live: berth fires": False, "Harbour roadworks": False}


def test_a_live_blog_is_dated_by_its_last_update_as_it_is_ordered(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Listed above a story of 10:05 by its last update (its page's dateModified, 10:09), a blog
    begun at 10:00 is dated by that update too, in `reader list`: it said "10:00" over "10:05",
    then the time of the sync that first cached it."""
    blog.other = "10:05"
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    first, second = ran(capsys, data_dir, "list")[0].splitlines()
    assert "berth fires  (live)" in first and "Harbour roadworks" in second
    live_when, other_when = first.split("  ")[1], second.split("  ")[1]
    assert (live_when, other_when) == (f"{DAY} 10:09", f"{DAY} 10:05"), (first, second)


def test_the_readers_row_dates_a_live_blog_as_reader_list_does(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Begun the day before its last update: the reader's row gave its start, the day before,
    where `reader list` gives its last update; both give that update, with "(live)"."""
    blog.began = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [listed] = ran(capsys, data_dir, "list")[0].splitlines()
    assert listed.split("  ")[1] == f"{DAY} 10:09" and "(live)" in listed, listed

    async def run() -> str:
        async with running(data_dir, (120, 30), prefetch=False) as (app, _pilot):
            return screen_text(app)

    [row] = [line for line in asyncio.run(run()).splitlines() if "berth fires" in line]
    assert DAY in row and blog.began not in row and "berth fires (live)" in row, row


def test_a_live_blog_its_publisher_left_is_dated_by_its_page_not_its_retrieval(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A blog never declared ended, its page last updated three days before a sync first
    cached it: its last change was that sync's retrieval, so each sync asked for it again for
    two days, `reader list` dated it by that retrieval and said "(live)"."""
    blog.day = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200]  # its feed's item the same: not asked again
    [line] = ran(capsys, data_dir, "list")[0].splitlines()
    assert line.split("  ")[1] == f"{blog.day} 10:00" and "(live)" not in line, line


def test_a_live_blog_dated_by_its_feed_alone_runs_from_its_retrieval(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page that gives no date of its own, its feed's item dated when the blog began three
    days ago: its last change is its retrieval (the date its feed gives is the blog's start,
    no update of it), and each sync asks for it again."""
    blog.day = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    blog.undated = True
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 304]
    [line] = ran(capsys, data_dir, "list")[0].splitlines()
    assert "(live)" in line and line.split("  ")[1] > f"{blog.day} 10:00", line


def test_a_live_blog_a_sync_found_changed_is_dated_by_its_page_s_update(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc49c C4: a blog a sync found changed was dated by that sync, not by the time of update
    its page gives: a morning's sync listed last night's blog above the morning's stories. Still
    asked for again at the next sync, as a blog found changed is."""
    blog.other = "10:30"
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    blog.grow(12)  # updated at 10:12, found so by a sync hours later
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200]
    first, second = ran(capsys, data_dir, "list")[0].splitlines()
    assert "Harbour roadworks" in first and "berth fires  (live)" in second, (first, second)
    assert second.split("  ")[1] == f"{DAY} 10:12", second
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200, 304]


def test_a_blog_found_changed_runs_from_the_sync_but_is_listed_by_its_page(
    blog: LiveBlog, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its page's time of update days old, a blog a sync found changed (its item retold) is
    asked for again from then on, as one changed at that sync; listed by its page's time."""
    blog.day = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    ran(capsys, data_dir, "add", blog.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    blog.grow(12)
    blog.summary = "Latest: crews reach berth twelve"
    ran(capsys, data_dir, "sync")
    ran(capsys, data_dir, "sync")
    assert _page_asks(blog) == [200, 200, 304]
    [line] = ran(capsys, data_dir, "list")[0].splitlines()
    assert line.split("  ")[1] == f"{blog.day} 10:12" and "(live)" in line, line
