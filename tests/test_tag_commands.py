"""A tag's feeds acted on together: `reader sync --tag`, `reader mark-read --tag` (and
`mark-unread`), `reader list --tag` given several, and `T` back to the previous tag's row. Each
tag's feed served on a server of its own on 127.0.0.1 (`served_feed`), the real `reader`
command, real syncs into a temp directory."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader
from test_feed_tags import STORIES, serve_three
from tui_pilot import running, screen_text, subscribe, table, until

from reader.library import Library

FEEDS = {
    "news": ("Quay", [("Ferry timetable changes", 8), ("Harbour wall mended", 9)]),
    "sport": ("Tide", [("Regatta postponed", 10)]),
    "podcast": ("Wire", [("Episode 12", 11)]),
}


@pytest.fixture
def servers() -> Iterator[dict[str, HTTPServer]]:
    """A server for each tag's feed, so that which were asked is each one's log."""
    started = {tag: HTTPServer(host="127.0.0.1", port=0) for tag in FEEDS}
    for server in started.values():
        server.start()
    yield started
    for server in started.values():
        server.clear()
        server.stop()


def _subscribed(tmp_path: Path, servers: dict[str, HTTPServer]) -> Path:
    """A data directory subscribed to the three feeds, each filed under its tag (none
    fetched yet: `import` fetches nothing)."""
    lines = [
        f"{serve_stories(servers[tag], channel, stories)} {tag}"
        for tag, (channel, stories) in FEEDS.items()
    ]
    (tmp_path / "urls").write_text("\n".join(lines) + "\n")
    home = tmp_path / "home"
    imported = reader(home, "import", str(tmp_path / "urls"))
    assert imported.returncode == 0, imported.stderr
    return home


def _asked(server: HTTPServer) -> list[str]:
    return [request.path for request, _response in server.log]


def _cached(home: Path) -> set[str]:
    lib = Library(home)
    try:
        return {h.entry.title for h in lib.headlines() if h.cached}
    finally:
        lib.close()


def test_sync_by_tag_fetches_only_its_feeds_and_their_articles(
    tmp_path: Path, servers: dict[str, HTTPServer]
) -> None:
    home = _subscribed(tmp_path, servers)
    synced = reader(home, "sync", "--tag", "NEWS")
    assert synced.returncode == 0, synced.stderr
    assert "synced 1 of 1 feed tagged news (2 new headlines); 2 articles cached" in synced.stderr
    assert sorted(_asked(servers["news"])) == ["/feed.xml", "/story-8.html", "/story-9.html"]
    assert _asked(servers["sport"]) == _asked(servers["podcast"]) == []
    assert _cached(home) == {"Ferry timetable changes", "Harbour wall mended"}
    # Several: given again, or in one with a comma; the feeds under any of them.
    for given in (("--tag", "sport", "--tag", "news"), ("--tag", "sport,news")):
        again = reader(home, "sync", "--no-articles", "-q", *given)
        assert again.returncode == 0, again.stderr
    assert _asked(servers["sport"]) == ["/feed.xml", "/feed.xml"]
    assert _asked(servers["podcast"]) == []
    # An unknown tag: one line naming the tags there are, and nothing asked for.
    for server in servers.values():
        server.clear_log()
    unknown = reader(home, "sync", "--tag", "news,sprot")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == "reader: nothing is tagged “sprot” (the tags: news, podcast, sport)\n"
    assert all(not server.log for server in servers.values())
    # Without --tag, every feed, as before.
    assert reader(home, "sync", "-q").returncode == 0
    assert _asked(servers["podcast"]) == ["/feed.xml", "/story-11.html"]


def test_a_tags_sync_says_its_recap_is_of_everything_and_a_tag_no_feed_has_why(
    tmp_path: Path, servers: dict[str, HTTPServer]
) -> None:
    """After `reader sync --tag news` the "not readable offline" line counted the whole
    cache's, as if of news's feeds; a tag only articles carry synced "0 of 0 feeds" and said
    no more (acc33a A16)."""
    home = _subscribed(tmp_path, servers)
    assert reader(home, "sync", "--no-articles", "-q", "--tag", "sport").returncode == 0
    synced = reader(home, "sync", "--tag", "news")
    assert synced.returncode == 0, synced.stderr
    recap = synced.stderr.splitlines()[-1]
    assert recap == (
        "not readable offline: 1 not fetched yet (of every feed and saved article);"
        " `reader list --not-offline` lists them"
    )
    regatta = next(
        line.split()[0]
        for line in reader(home, "list").stdout.splitlines()
        if "Regatta postponed" in line
    )
    assert reader(home, "tag", regatta, "rowing").returncode == 0
    for server in servers.values():
        server.clear_log()
    by_tag = reader(home, "sync", "--tag", "rowing")
    assert (by_tag.returncode, by_tag.stdout) == (1, "")
    assert by_tag.stderr == (
        "reader: no feed is tagged rowing: 1 article is, and a sync fetches feeds (`reader"
        " sync` syncs them all, the saved articles not cached yet with them)\n"
    )
    assert all(not server.log for server in servers.values())


def _stopped(home: Path) -> bool:
    lib = Library(home)
    try:
        return lib.sync_stopped()
    finally:
        lib.close()


def test_a_tags_sync_leaves_a_stopped_sync_said(
    tmp_path: Path, servers: dict[str, HTTPServer]
) -> None:
    """A sync stopped before its end is still said ("S carries on") after a tag's sync ran to
    its end: the other feeds' articles may be the ones it left; a whole sync's end clears it."""
    home = _subscribed(tmp_path, servers)
    lib = Library(home)
    lib.note_sync_stopped()  # as a Ctrl-C leaves it
    lib.close()
    assert reader(home, "sync", "-q", "--tag", "sport").returncode == 0
    assert _stopped(home)
    assert reader(home, "sync", "-q").returncode == 0
    assert not _stopped(home)


def test_mark_read_and_list_by_tag(
    tmp_path: Path, servers: dict[str, HTTPServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # --before's local time, as the stories' hours are
    home = _subscribed(tmp_path, servers)
    assert reader(home, "sync", "--no-articles", "-q").returncode == 0
    marked = reader(home, "mark-read", "--tag", "News")
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout == "Marked 2 headlines of the feeds tagged news read.\n"
    unread = reader(home, "list", "--unread").stdout
    assert "Regatta" in unread and "Episode 12" in unread and "Ferry" not in unread
    both = reader(home, "list", "--tag", "news", "--tag", "sport").stdout
    assert "Ferry" in both and "Regatta" in both and "Episode" not in both
    assert reader(home, "list", "--tag", "news,sport", "--ids").stdout.count("\n") == 3
    again = reader(home, "mark-unread", "--tag", "sport,news", "--before", "2026-11-24T08:30")
    assert again.stdout == "Marked 1 headline of the feeds tagged sport or news unread.\n"
    assert "Ferry" in reader(home, "list", "--unread").stdout
    unknown = reader(home, "mark-read", "--tag", "weather")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == (
        "reader: nothing is tagged “weather” (the tags: news, podcast, sport)\n"
    )
    assert "Regatta" in reader(home, "list", "--unread").stdout  # nothing marked
    assert reader(home, "mark-read", "--tag", "news", "--feed", "Quay").returncode == 2
    assert reader(home, "mark-read", "--tag", ",").returncode == 2


def test_capital_t_goes_to_the_previous_tag(tmp_path: Path, httpserver: HTTPServer) -> None:
    """`T`: the previous tag's row, round the start (from "All feeds", the last tag), as `t`
    goes to the next."""
    urls = serve_three(httpserver)
    subscribe(tmp_path, list(urls.values()))
    lib = Library(tmp_path)
    lib.tag_feed(urls["quay"], ["local"])
    lib.tag_feed(urls["tide"], ["news"])
    lib.tag_feed(urls["wire"], ["wires"])
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 3, "every headline")
            await pilot.press("T")  # from All feeds: the last tag
            await until(pilot, lambda: "#wires ·" in screen_text(app), "#wires")
            assert [h.entry.title for h in table(app).rows] == [STORIES["wire"]]
            await pilot.press("T")
            await until(pilot, lambda: "#news ·" in screen_text(app), "#news")
            await pilot.press("T", "T")  # #local, then round to #wires
            await until(pilot, lambda: "#wires ·" in screen_text(app), "round to #wires")
            await pilot.press("t")  # and t on from there, round to the first
            await until(pilot, lambda: "#local ·" in screen_text(app), "#local")

    asyncio.run(run())
