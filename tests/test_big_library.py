"""A big imported library opens as fast per feed as a small one (acc43a A19: an Inoreader
export of 9,550 feeds in 191 folders took ~40 s to the first screen, `reader list` 4-10 s and
printed nothing at all). Counted, not timed: the store's statements for what the first screen
reads (SQLite's own trace of the real store on a temp dir) do not grow with the feeds; the tag
rows' counts fold each feed's tags once, not once for every tag (the interpreter's profile
hook counting the calls); `reader list` of a library never synced says why it lists nothing.
The library is made as a user makes it: `reader import` of an OPML file of feeds in folders."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from pytest_httpserver import HTTPServer

from reader import feed_names
from reader.config import load_config
from reader.feed_tags import all_tags
from reader.library import Library
from reader.ui.headlines import HeadlineIndex
from tests.cli_run import run_reader
from tests.conftest import sync_into


def _opml(feeds: int, folders: int) -> str:
    """An Inoreader-like export: `feeds` feeds (at a closed port: an import fetches nothing)
    spread over `folders` folders, each a tag once imported; feed 0 in a second folder too,
    spelt in another case ("folder 1"), as two readers' folders merged give."""
    per = -(-feeds // folders)
    body = []
    for folder in range(folders):
        body.append(f'<outline text="Folder {folder}" title="Folder {folder}">')
        for n in range(folder * per, min(feeds, (folder + 1) * per)):
            body.append(
                f'<outline type="rss" text="Blog {n} – Städte" '
                f'xmlUrl="http://127.0.0.1:9/feeds/{n}.xml"/>'
            )
        body.append("</outline>")
    body.append('<outline text="folder 1"><outline type="rss" text="Blog 0 – Städte" ')
    body.append('xmlUrl="http://127.0.0.1:9/feeds/0.xml"/></outline>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><body>'
        + "\n".join(body)
        + "</body></opml>"
    )


def _imported(tmp_path: Path, feeds: int, folders: int) -> Path:
    home = tmp_path / f"lib-{feeds}-{folders}"
    opml = tmp_path / f"export-{feeds}.opml"
    opml.write_text(_opml(feeds, folders), encoding="utf-8")
    done = run_reader(home, "import", str(opml))
    assert done.returncode == 0, done.stderr
    assert f"{feeds} feeds added" in done.stdout
    return home


def _library(home: Path) -> Library:
    return Library.configured(home, load_config(Path("/dev/null"), create=False), workers="thread")


@contextmanager
def _statements(lib: Library) -> Iterator[list[str]]:
    """The statements this thread's connections to the store's caches run meanwhile."""
    run: list[str] = []
    connections = [lib.store._state._con, lib.store._articles._con]
    for con in connections:
        con.set_trace_callback(run.append)
    try:
        yield run
    finally:
        for con in connections:
            con.set_trace_callback(None)


def _first_screen_reads(home: Path) -> int:
    """The store's reads of rows for what the reader's first screen shows: the newest
    headlines with the feeds and their tags' counts (`HeadlineIndex.first`, as the start
    reads them, and `tags`, the tag rows)."""
    lib = _library(home)
    try:
        with _statements(lib) as run:
            index = HeadlineIndex.first(lib, 200, unread_only=False)
            tags = index.tags()
        assert len(index.feeds) > 0 and tags
        return sum(1 for statement in run if "FROM Cache" in statement)
    finally:
        lib.close()


def test_the_first_screen_reads_as_many_rows_for_80_feeds_as_for_20(tmp_path: Path) -> None:
    # Three statements a feed before (its record, its headlines, its read marks): 60 more for
    # 20 feeds more. Now each kind is read for every feed in a few statements.
    small = _first_screen_reads(_imported(tmp_path, 20, 4))
    big = _first_screen_reads(_imported(tmp_path, 80, 8))
    assert big == small


@contextmanager
def _calls_of(function: Any) -> Iterator[list[None]]:
    """One item for each call of `function` meanwhile, in this thread (the profile hook)."""
    calls: list[None] = []
    code = function.__code__

    def hook(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code is code:
            calls.append(None)

    sys.setprofile(hook)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def test_the_tag_rows_fold_each_feeds_tags_once_not_once_a_tag(tmp_path: Path) -> None:
    lib = _library(_imported(tmp_path, 120, 30))
    try:
        index = HeadlineIndex.first(lib, 200, unread_only=False)
        with _calls_of(feed_names.folded) as folded:
            tags = index.tags()
    finally:
        lib.close()
    feeds_tags = sum(len(feed.tags) for feed in index.feeds)  # 121: feed 0 has two
    assert feeds_tags == 121
    # Each feed's tags folded once, each tag's name a few times (its count, its lookups): the
    # old count asked every feed of every tag, twice (7,260 calls).
    assert len(folded) <= feeds_tags + 6 * len(tags)
    # The same rows, spelt as the first feed having the tag spells it ("folder 1": feed 0's
    # second), ordered as the feed list orders names.
    assert [tag for tag, _ in tags] == all_tags(index.feeds)
    assert "folder 1" in all_tags(index.feeds) and len(tags) == 30
    assert index.tagged_urls("FOLDER 1") == frozenset(
        [f"http://127.0.0.1:9/feeds/{n}.xml" for n in (0, 4, 5, 6, 7)]
    )


def test_list_of_a_library_never_synced_says_why_it_lists_nothing(tmp_path: Path) -> None:
    home = _imported(tmp_path, 12, 3)
    listed = run_reader(home, "list")
    assert (listed.returncode, listed.stdout) == (0, "")  # nothing to do: 0, as README says
    assert listed.stderr == (
        "reader: no headline to list: none of the 12 feeds has been synced yet"
        " (`reader sync` fetches the headlines)\n"
    )
    ids = run_reader(home, "list", "--ids", "--tag", "folder 2")
    assert (ids.returncode, ids.stdout) == (0, "")
    assert ids.stderr.startswith("reader: no headline to list filed under #Folder 2: none of")
    saved = run_reader(home, "list", "--saved")
    assert (saved.returncode, saved.stdout, saved.stderr) == (
        0,
        "",
        "reader: no saved article to list\n",
    )


def test_list_with_every_headline_read_says_none_is_unread(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    items = "".join(
        f"<item><title>Ferry {n}</title><link>{httpserver.url_for(f'/{n}')}</link>"
        f"<guid>f-{n}</guid></item>"
        for n in range(3)
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    sync_into(data_dir, [httpserver.url_for("/feed.xml")], articles=False)
    assert run_reader(data_dir, "mark-read").returncode == 0
    unread = run_reader(data_dir, "list", "--unread")
    assert (unread.returncode, unread.stdout) == (0, "")
    assert unread.stderr == "reader: no unread headline to list\n"  # synced: no reason to give
    assert len(run_reader(data_dir, "list").stdout.splitlines()) == 3  # and nothing said
    assert run_reader(data_dir, "list").stderr == ""
