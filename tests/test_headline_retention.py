"""Old read headlines dropped for good (`reader cache prune --headlines-older-than`, `[feeds]
drop_read_after`): never an unread or a saved one, their cached articles kept, and one its feed
still carries not taken back as new and unread at the next sync."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.keys import article_key
from reader.library import Library
from reader.models import StoreError
from reader.store import Store
from reader.store.feeds import DROPPED_KEPT_AT_LEAST
from reader.store.retention import StoreRetention

NOW = datetime.now(UTC)
# The Valley Courier's stories: (slug, title, age in days; None: undated).
STORIES = [
    ("depot", "Bus depot plans go back to the drawing board", 2),
    ("orchard", "Community orchard opens its first harvest day", 20),
    ("flood", "Flood barrier trial holds through the spring tides", 200),
    ("choir", "Town choir wins the regional cup for a third year", 260),
    ("bridge", "Footbridge reopens after a winter of repairs", 300),
    ("library", "Library extends its evening hours for exam season", 400),
    ("notice", "Notice: the market moves to the square on Saturdays", None),
]


def rss(base: str, stories: list[tuple[str, str, int | None]]) -> str:
    items = []
    for slug, title, age in stories:
        date = f"<pubDate>{format_datetime(NOW - timedelta(days=age))}</pubDate>" if age else ""
        items.append(
            f"<item><title>{title}</title><link>{base}/news/{slug}.html</link>"
            f"<guid>{base}/news/{slug}.html</guid>{date}"
            f"<description>{title}, the Courier reports.</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Valley Courier</title>'
        f"<link>{base}/</link>{''.join(items)}</channel></rss>"
    )


def article_page(title: str) -> str:
    paragraphs = "".join(
        f"<p>{title} was the talk of the valley this week, as residents, traders and the"
        f" council's officers weighed what it means for the town over the coming months"
        f" (part {n}). Several readers wrote in to say how the change touched them.</p>"
        for n in range(1, 7)
    )
    return (
        f"<!doctype html><html><head><title>{title} | The Valley Courier</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>By Ailsa Brennan</p>{paragraphs}"
        "</article><footer>The Valley Courier, 3 Mill Lane</footer></body></html>"
    )


def serve(server: HTTPServer, stories: list[tuple[str, str, int | None]], tail: str = "") -> str:
    """The Courier's feed carrying `stories` (its text ending in `tail`), and every story's
    page; the feed's address."""
    server.clear()
    base = server.url_for("").rstrip("/")
    server.expect_request("/feed.xml").respond_with_data(
        rss(base, stories) + tail, content_type="application/rss+xml"
    )
    for slug, title, _ in STORIES:
        server.expect_request(f"/news/{slug}.html").respond_with_data(
            article_page(title), content_type="text/html; charset=utf-8"
        )
    return server.url_for("/feed.xml")


def run(directory: Path, *argv: str) -> int:
    return main(["--data-dir", str(directory), *argv])


def listed(directory: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    """Every headline `reader list` gives, by its link's last part (`bridge`)."""
    capsys.readouterr()
    assert run(directory, "list", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    return {str(h["link"]).rsplit("/", 1)[1].removesuffix(".html"): h for h in found}


def mark_read(directory: Path, capsys: pytest.CaptureFixture[str], *slugs: str) -> None:
    ids = {listed(directory, capsys)[slug]["id"] for slug in slugs}
    store = Store(directory)
    try:
        url = store.feed_urls()[0]
        store.set_read_many(url, {str(i) for i in ids}, True)
    finally:
        store.close()


def test_old_read_headlines_go_and_do_not_come_back(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync") == 0  # every article cached
    mark_read(data_dir, capsys, "depot", "flood", "choir", "bridge", "notice")
    # Saved: the choir story by its headline, the flood one by its address alone.
    before = listed(data_dir, capsys)
    assert run(data_dir, "save", str(before["choir"]["id"])) == 0
    assert run(data_dir, "save", str(before["flood"]["link"])) == 0

    # The dry run names what would go and changes nothing.
    capsys.readouterr()
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "180d", "--dry-run") == 0
    said = capsys.readouterr().out
    assert "would drop 1 read headline from before" in said
    assert "       1  The Valley Courier" in said
    assert "kept though as old: 1 unread, 2 saved" in said
    assert "nothing was changed (--dry-run)" in said
    assert listed(data_dir, capsys).keys() == before.keys()

    # Read and old: the footbridge story goes; the library one (unread), the choir and flood
    # ones (saved), the recent ones and the undated notice (first seen now) stay.
    capsys.readouterr()
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "180d") == 0
    said = capsys.readouterr().out
    assert "dropped 1 read headline from before" in said
    assert "6 headlines left" in said
    after = listed(data_dir, capsys)
    assert set(after) == set(before) - {"bridge"}
    assert [s for s, h in after.items() if h["read"]] == ["depot", "flood", "choir", "notice"]

    # Its article stays cached: shown offline, and found by search as no feed lists it.
    assert run(data_dir, "show", "--offline", str(before["bridge"]["link"])) == 0
    assert "Footbridge reopens" in capsys.readouterr().out
    assert run(data_dir, "list", "--search", "footbridge", "--json") == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == [
        "Footbridge reopens after a winter of repairs"
    ]

    # The feed still carries it: the next sync doesn't take it back as a new, unread headline.
    capsys.readouterr()
    assert run(data_dir, "sync", "--no-articles") == 0
    assert "(0 new headlines)" in capsys.readouterr().err
    assert set(listed(data_dir, capsys)) == set(before) - {"bridge"}
    store = Store(data_dir)
    try:
        assert list(store.dropped(url)) == [before["bridge"]["id"]]
    finally:
        store.close()

    # The feed no longer carries it: its id is kept a month all the same (a feed that
    # flickers would bring it back), then let go, nothing being left to keep out.
    serve(httpserver, [s for s in STORIES if s[0] != "bridge"])
    assert run(data_dir, "sync", "--no-articles") == 0
    store = Store(data_dir)
    try:
        assert list(store.dropped(url)) == [before["bridge"]["id"]]
        assert store.dropped_links(url) == {before["bridge"]["id"]: before["bridge"]["link"]}
        month_ago = time.time() - DROPPED_KEPT_AT_LEAST - 60
        store._save(store._state, f"dropped:{url}", {before["bridge"]["id"]: month_ago})
    finally:
        store.close()
    # At its next read whole: the same bytes again are not read (`Feed.body_print`).
    serve(httpserver, [s for s in STORIES if s[0] != "bridge"], tail="\n")
    assert run(data_dir, "sync", "--no-articles") == 0
    store = Store(data_dir)
    try:
        assert store.dropped(url) == {}
        assert store.dropped_links(url) == {}  # its link goes with its id
    finally:
        store.close()


def test_a_dropped_headline_s_id_shows_its_cached_article_or_says_it_was_dropped(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader show ID` of a headline dropped as old and read: its article, which stays
    cached; once that is gone too, one line saying the headline was dropped, and when."""
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync") == 0
    mark_read(data_dir, capsys, "bridge", "library", "choir")
    before = listed(data_dir, capsys)
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "180d") == 0
    bridge, library, choir = (str(before[s]["id"]) for s in ("bridge", "library", "choir"))

    capsys.readouterr()
    assert run(data_dir, "show", "--offline", bridge) == 0
    assert "Footbridge reopens after a winter of repairs" in capsys.readouterr().out
    assert run(data_dir, "show", "--offline", "--format", "json", bridge) == 0
    assert json.loads(capsys.readouterr().out)["url"] == before["bridge"]["link"]
    # Saved by that id, it is listed and shown by it as any saved article no feed lists.
    assert run(data_dir, "save", "--offline", bridge) == 0
    assert "saved for good: Footbridge reopens" in capsys.readouterr().out
    assert run(data_dir, "list", "--saved", "--json") == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == [
        "Footbridge reopens after a winter of repairs"
    ]
    assert run(data_dir, "unsave", bridge) == 0

    # Its article evicted since: said in one line, with the day it went and its address.
    store = Store(data_dir)
    try:
        store.delete_article(article_key(str(before["library"]["link"])))
        # One dropped before links and ids were kept with articles (`shown_ids`): the day
        # alone, and where to look.
        store._state.delete(f"dropped-links:{url}")
        store._articles.delete(f"shown-as:{article_key(str(before['choir']['link']))}")
    finally:
        store.close()
    today = datetime.now().strftime("%Y-%m-%d")
    capsys.readouterr()
    for argv in (["show", library], ["show", "--offline", choir], ["save", choir]):
        assert run(data_dir, *argv) == 1
        said = capsys.readouterr().err
        assert said.count("\n") == 1, said
        assert f"was dropped as old and read on {today}" in said
        assert "reader list --search finds its article if it is cached" in said
    store = Store(data_dir)
    try:
        store._save(store._state, f"dropped-links:{url}", {library: before["library"]["link"]})
    finally:
        store.close()
    for argv in (["show", library], ["save", "--offline", library], ["reextract", library]):
        assert run(data_dir, *argv) == 1
        said = capsys.readouterr().err
        assert said == (
            f"reader: headline {library} was dropped as old and read on {today}, and its article"
            f" is not cached: reader show {before['library']['link']} fetches it\n"
        )


def test_undated_headlines_age_from_when_first_seen(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "add", serve(httpserver, STORIES)) == 0
    mark_read(data_dir, capsys, "notice", "orchard")
    # First seen moments ago: a day's retention keeps it, a cutoff after now drops it.
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "1d") == 0
    assert "notice" in listed(data_dir, capsys)
    tomorrow = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    assert run(data_dir, "cache", "prune", "--headlines-older-than", tomorrow) == 0
    left = listed(data_dir, capsys)
    assert "notice" not in left and "orchard" not in left
    assert len(left) == len(STORIES) - 2


def test_each_sync_drops_them_with_the_setting(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "add", serve(httpserver, STORIES)) == 0
    mark_read(data_dir, capsys, "library", "depot")
    assert run(data_dir, "sync", "--no-articles") == 0
    assert "library" in listed(data_dir, capsys)  # off unless set
    config = data_dir / "config.toml"
    config.write_text('[feeds]\ndrop_read_after = "1y"\n', encoding="utf-8")
    capsys.readouterr()
    assert run(data_dir, "sync", "--no-articles") == 0
    said = capsys.readouterr().err
    assert "dropped 1 read headline older than the config's [feeds] drop_read_after" in said
    assert set(listed(data_dir, capsys)) == {s for s, _, _ in STORIES} - {"library"}
    assert run(data_dir, "cache") == 0
    assert "(6 headlines; read ones dropped after 365 days, by each sync)" in (
        capsys.readouterr().out
    )
    # `reader cache prune` alone applies it too; a quiet cron sync says nothing of it.
    mark_read(data_dir, capsys, "bridge")
    assert run(data_dir, "cache", "prune") == 0
    assert "dropped 0 read headlines" in capsys.readouterr().out
    config.write_text('[feeds]\ndrop_read_after = "200d"\n', encoding="utf-8")
    assert run(data_dir, "sync", "-q", "--no-articles") == 0
    assert capsys.readouterr().err == ""
    assert "bridge" not in listed(data_dir, capsys)


def test_a_setting_that_would_drop_everything_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = data_dir / "config.toml"
    data_dir.mkdir(parents=True, exist_ok=True)
    for value, said in (
        ("180", "feeds.drop_read_after: '180' needs its unit: 180d?"),
        ('"3h"', "feeds.drop_read_after must be a day or more"),
        ('"six months"', "feeds.drop_read_after: not a duration"),
    ):
        config.write_text(f"[feeds]\ndrop_read_after = {value}\n", encoding="utf-8")
        assert run(data_dir, "feeds") == 78
        assert said in capsys.readouterr().err
    config.write_text('[feeds]\nrefresh_interval = ""\n', encoding="utf-8")
    assert run(data_dir, "config") == 0
    assert 'drop_read_after = ""' in capsys.readouterr().out  # shown, to be found
    assert run(data_dir, "cache", "--headlines-older-than", "180d") == 2
    assert "go with prune" in capsys.readouterr().err
    assert run(data_dir, "cache", "prune", "--headlines-older-than", "last spring") == 2
    assert "not a date or an age" in capsys.readouterr().err


def test_a_refresh_in_another_process_keeps_them_out(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cron's sync beside the reader: the reader's refresh fetched the feed before the drop
    and merges after it, through its own connection; it takes nothing back."""
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    mark_read(data_dir, capsys, "bridge", "library")
    reader_open = Library(data_dir)
    try:
        fetched = list(reader_open.store.entries(url))
        cron = Store(data_dir)
        try:
            assert cron.drop_read_before(NOW.timestamp() - 180 * 86400).dropped == 2
        finally:
            cron.close()
        new = reader_open.store.merge_entries(url, fetched, whole=True)
        assert new == []
        assert len(reader_open.store.entries(url)) == len(STORIES) - 2
        assert len(reader_open.store.dropped(url)) == 2
        # Removing the feed forgets them with it.
        assert len(reader_open.store.dropped_links(url)) == 2
        assert reader_open.store.remove_feed(url)
        assert reader_open.store.dropped(url) == {}
        assert reader_open.store.dropped_links(url) == {}
    finally:
        reader_open.close()


def test_a_drop_cut_short_leaves_the_feed_as_it_was(
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failure between the headlines going and their ids being kept (the disk full, the
    process killed) undoes the feed's whole drop: none gone without its id kept."""
    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    mark_read(data_dir, capsys, "bridge", "library")
    save = StoreRetention._save

    def failing(self: StoreRetention, cache: object, key: str, value: object) -> None:
        if key.startswith("dropped:"):
            raise OSError(28, "No space left on device")
        save(self, cache, key, value)  # type: ignore[arg-type]

    monkeypatch.setattr(StoreRetention, "_save", failing)
    store = Store(data_dir)
    try:
        with pytest.raises(StoreError, match="is full"):
            store.drop_read_before(NOW.timestamp() - 180 * 86400)
    finally:
        store.close()
    monkeypatch.undo()
    left = listed(data_dir, capsys)
    assert set(left) == {s for s, _, _ in STORIES}
    assert left["bridge"]["read"] and left["library"]["read"]


def test_the_reader_left_open_follows_a_drop_elsewhere_and_its_refresh_keeps_them_out(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cron's `reader cache prune` (or sync) while the reader is open: the list reads in the
    drop within seconds, and the reader's own refresh, fetching the feed that still carries
    them, takes none back."""
    from reader.ui.app import ReaderApp
    from tests.tui_pilot import until

    url = serve(httpserver, STORIES)
    assert run(data_dir, "add", url) == 0
    mark_read(data_dir, capsys, "bridge", "library", "depot")

    def cron() -> int:
        store = Store(data_dir)  # its own connections to the same directory
        try:
            return store.drop_read_before(NOW.timestamp() - 180 * 86400).dropped
        finally:
            store.close()

    async def left_open() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 20)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 30)
            assert len(app.index.headlines) == len(STORIES)
            assert await asyncio.to_thread(cron) == 2
            await until(pilot, lambda: len(app.index.headlines) == 5, "the drop read in")
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            assert app.status == "Refreshed 1 of 1 feed: 0 new headlines"
            titles = {h.entry.title for h in app.index.headlines}
            assert len(titles) == 5 and not any("Footbridge" in t for t in titles)

    asyncio.run(left_open())
