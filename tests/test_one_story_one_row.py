"""One story, one row (acc39b Q1, Q3): an item its feed republishes under another id (a new
GUID, its link tracked) is the headline it was, read if it was, under its id; an article two
feeds list, read in one, is read in the other, and "All feeds" lists it once. Real feeds on
127.0.0.1, the real CLI."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from cli_run import run_reader
from pytest_httpserver import HTTPServer
from served_feed import story_page
from silent_host import SilentHost
from tui_pilot import on_top, running, screen_text, subscribe, table, until
from werkzeug import Request, Response

from reader.config import Config, FetchLimits, load_config
from reader.keys import link_key
from reader.library import Library
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW

# Each feed's items as the server gives them now: (title, path of the link, guid or "", hour).
Items = list[tuple[str, str, str, int]]


def ok(data_dir: Path, *args: str) -> str:
    result = run_reader(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def listed(data_dir: Path, *args: str) -> list[dict[str, object]]:
    result = run_reader(data_dir, "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Site:
    """Feeds at /NAME.xml whose items a test changes between syncs, and their pages."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.feeds: dict[str, Items] = {}
        self.pages: list[str] = []  # the paths of the pages asked for, in order

        def answer(request: Request) -> Response:
            path = request.path
            if path.endswith(".xml") and path[1:-4] in self.feeds:
                return Response(self._feed(path[1:-4]), content_type="application/rss+xml")
            self.pages.append(request.full_path.rstrip("?"))
            return Response(story_page(path.strip("/")), content_type="text/html")

        server.expect_request(re.compile(r"/.*")).respond_with_handler(answer)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def _feed(self, name: str) -> str:
        items = "".join(
            f"<item><title>{title}</title><link>{self.url(link).replace('&', '&amp;')}</link>"
            + (f"<guid isPermaLink='false'>{guid}</guid>" if guid else "")
            + f"<pubDate>Tue, 24 Nov 2026 {hour:02d}:00:00 GMT</pubDate></item>"
            for title, link, guid, hour in self.feeds[name]
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()}</title>'
            f"{items}</channel></rss>"
        )


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    return Site(httpserver)


def serve_twins(site: Site) -> None:
    """An education and a culture feed, both listing the tariff story (one link)."""
    site.feeds["education"] = [
        ("Port authority suspends tariff", "/a/tariff.html", "urn:ed:10", 10),
        ("School opens", "/a/school.html", "urn:ed:9", 9),
    ]
    site.feeds["culture"] = [
        ("Port authority suspends tariff", "/a/tariff.html", "", 10),
        ("Concert", "/a/concert.html", "", 8),
    ]


def by_title(rows: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        out.setdefault(str(row["title"]), []).append(row)
    return out


def test_a_republished_item_is_the_headline_it_was(site: Site, data_dir: Path) -> None:
    site.feeds["port"] = [
        ("Tariff suspended", "/a/tariff.html", "urn:port:1", 9),
        ("Lease doubled", "/a/lease.html", "", 8),
        ("Live: the storm", "/live.html", "urn:port:live:1", 7),
    ]
    feed = site.url("/port.xml")
    ok(data_dir, "add", feed)
    ok(data_dir, "sync")
    before = {str(r["title"]): r for r in listed(data_dir)}
    ok(data_dir, "mark-read", "--feed", feed)
    fetched = list(site.pages)

    # Republished: one under a new GUID, one with its link tracked; the live page's next
    # update is an item of its own at the same address.
    site.feeds["port"] = [
        ("Tariff suspended", "/a/tariff.html", "urn:port:1:republished", 9),
        ("Lease doubled", "/a/lease.html?utm_source=rss&utm_medium=feed", "", 8),
        ("Live: the storm passes", "/live.html", "urn:port:live:2", 10),
    ]
    out = ok(data_dir, "sync")
    assert "1 new headline" in out, out
    rows = by_title(listed(data_dir))
    for title in ("Tariff suspended", "Lease doubled"):
        assert len(rows[title]) == 1, rows[title]
        (row,) = rows[title]
        assert row["id"] == before[title]["id"]  # ids are stable
        assert row["read"] is True
    assert rows["Lease doubled"][0]["link"] == site.url(
        "/a/lease.html?utm_source=rss&utm_medium=feed"
    )  # the feed's newest item data
    # The live page: two items, the new one new and unread.
    assert rows["Live: the storm"][0]["read"] is True
    assert rows["Live: the storm passes"][0]["read"] is False
    assert site.pages[len(fetched) :] == []  # nothing downloaded again
    assert listed(data_dir, "--unread") == rows["Live: the storm passes"]

    # Its id opens it.
    result = run_reader(data_dir, "show", str(before["Tariff suspended"]["id"]), "--format", "json")
    shown = json.loads(result.stdout)
    assert shown["id"] == before["Tariff suspended"]["id"]


def test_an_article_two_feeds_list_is_read_in_both(site: Site, data_dir: Path) -> None:
    serve_twins(site)
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    ok(data_dir, "add", education)
    ok(data_dir, "add", culture)
    ok(data_dir, "sync")
    ok(data_dir, "mark-read", "--feed", education)

    of_culture = by_title(listed(data_dir, "--feed", culture))
    assert of_culture["Port authority suspends tariff"][0]["read"] is True
    assert of_culture["Concert"][0]["read"] is False
    assert {r["title"] for r in listed(data_dir, "--unread")} == {"Concert"}

    # "All feeds" lists it once, saying which other feed lists it; each feed's list has it.
    everything = by_title(listed(data_dir))
    (shared,) = everything["Port authority suspends tariff"]
    assert shared["also_in"] == [culture]
    assert len(listed(data_dir, "--feed", culture)) == 2
    assert "also in Culture" in ok(data_dir, "list")

    # Unread follows it too.
    ok(data_dir, "mark-unread", "--feed", education)
    of_culture = by_title(listed(data_dir, "--feed", culture))
    assert of_culture["Port authority suspends tariff"][0]["read"] is False

    # Every feed's, counted as listed: the article once.
    assert "Marked 3 headlines of every feed read." in ok(data_dir, "mark-read")
    ok(data_dir, "mark-unread", "--feed", education)
    ok(data_dir, "mark-unread", "--feed", culture)
    # Read again; a third feed listing it later has it read as it comes.
    ok(data_dir, "mark-read", "--feed", culture)
    site.feeds["wire"] = [("Tariff (wire)", "/a/tariff.html?utm_source=wire", "", 11)]
    ok(data_dir, "add", site.url("/wire.xml"))
    ok(data_dir, "sync", "--no-articles")
    (wire,) = listed(data_dir, "--feed", site.url("/wire.xml"))
    assert wire["read"] is True
    assert [r["title"] for r in listed(data_dir, "--unread")] == ["School opens"]


def test_reading_it_in_the_reader_reads_it_in_every_feed(site: Site, tmp_path: Path) -> None:
    """In the reader: "All feeds" lists the article two feeds list once, saying where else,
    and counts it once; opened in one feed's list, it is read in the other's too, its count
    and "All feeds"' one less, and so in the store."""
    serve_twins(site)
    subscribe(tmp_path, [site.url("/education.xml"), site.url("/culture.xml")])
    education, culture = site.url("/education.xml"), site.url("/culture.xml")

    def count_of(app: object, name: str) -> int | None:
        found = re.search(rf"{name}\s+(\d+)", screen_text(app))  # type: ignore[arg-type]
        return int(found[1]) if found else None

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 3, "every headline")
            assert "Port authority suspends tariff (also in Culture)" in screen_text(app)
            assert count_of(app, "All feeds") == 3
            assert app.index.unread_counts() == {education: 2, culture: 2}
            await pilot.press("tab")  # the feed list: All feeds, Saved, Education, Culture
            await pilot.press("j", "j", "enter")
            await until(pilot, lambda: len(table(app).rows) == 2, "Education's headlines")
            assert {h.entry.feed_url for h in table(app).rows} == {education}
            titles = [h.entry.title for h in table(app).rows]
            table(app).cursor = titles.index("Port authority suspends tariff")
            await pilot.press("enter")
            screen = await on_top(pilot, ArticleScreen, "the reading view")
            await until(pilot, lambda: screen.loaded, "the article")
            await pilot.press("escape")
            await until(pilot, lambda: count_of(app, "All feeds") == 2, "All feeds' count")
            assert app.index.unread_counts() == {education: 1, culture: 1}
            assert count_of(app, "Culture") == 1

    asyncio.run(run())
    lib = Library(tmp_path)
    try:
        read = {(h.entry.feed_url, h.entry.title): h.read for h in lib.headlines()}
    finally:
        lib.close()
    assert read == {
        (education, "Port authority suspends tariff"): True,
        (education, "School opens"): False,
        (culture, "Port authority suspends tariff"): True,
        (culture, "Concert"): False,
    }


def test_an_article_a_refresh_brings_to_a_second_feed_is_one_row_at_once(
    site: Site, tmp_path: Path
) -> None:
    """A refresh bringing the culture feed's copy of the tariff story, which education lists,
    while "All feeds" is shown (a third feed still on its way: the list filled feed by feed,
    not read again at its end): the story one row, saying where else, and counted once, as
    soon as culture's headlines join the list; before, it was listed twice until a mark or a
    reload."""
    serve_twins(site)
    site.feeds["culture"] = [("Concert", "/a/concert.html", "", 8)]
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    subscribe(tmp_path, [education, culture])
    silent = SilentHost()  # a feed that never answers: the refresh goes on till the test ends
    store = Store(tmp_path)
    try:
        store.add_feed(silent.url + "late.xml")
    finally:
        store.close()
    # Newer than education's row of it, and a story of its own beside it.
    site.feeds["culture"] = [
        ("Port authority suspends tariff", "/a/tariff.html", "", 11),
        ("Gallery reopens", "/a/gallery.html", "", 12),
        ("Concert", "/a/concert.html", "", 8),
    ]
    limits = FetchLimits(connect_timeout=120, read_timeout=120, total_timeout=240)
    config = Config(path=tmp_path / "config.toml", limits=limits)

    def titles(app: ReaderApp) -> list[str]:
        return [h.entry.title for h in table(app).rows]

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False, config=config) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 3, "every headline")
            await pilot.press("r")
            await until(pilot, lambda: "Gallery reopens" in titles(app), "culture's new rows")
            assert app._busy  # the silent feed still on its way: no reload since
            assert titles(app).count("Port authority suspends tariff") == 1, titles(app)
            (row,) = [h for h in table(app).rows if h.entry.title.startswith("Port authority")]
            assert row.entry.feed_url == culture  # its newest row's feed
            assert app.index.also_in(row.entry.id) == [education]
            assert app.index.unread_in(None) == 4
            assert app.index.count_in(None) == 4

    try:
        asyncio.run(run())
    finally:
        silent.close()


SEARCH = '[[search]]\nname = "Tariffs"\nwords = "tariff"\n'


def test_a_search_feed_lists_an_article_two_feeds_list_once(site: Site, data_dir: Path) -> None:
    """A search feed finding the tariff story two feeds list: one hit, counted once by
    `reader feeds` (text and JSON), listed once by `reader list --feed NAME`, saying the
    other feed, as "All feeds" lists it, and marked read once by `reader mark-read --feed
    NAME`; before, twice."""
    serve_twins(site)
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    (data_dir / "config.toml").write_text(SEARCH, encoding="utf-8")
    ok(data_dir, "add", education)
    ok(data_dir, "add", culture)
    ok(data_dir, "sync")
    (hit,) = listed(data_dir, "--feed", "Tariffs")
    assert hit["title"] == "Port authority suspends tariff"
    assert hit["feed"] == education and hit["also_in"] == [culture]  # the first subscribed
    rows = json.loads(ok(data_dir, "feeds", "--json"))
    (search,) = [row for row in rows if row["kind"] == "search"]
    assert (search["entries"], search["unread"]) == (1, 1)
    assert "⌕ Tariffs  (1 unread of 1)" in ok(data_dir, "feeds")
    # Marked read as its row counts it: once, read in both feeds.
    assert "Marked 1 headline of ⌕ Tariffs read." in ok(data_dir, "mark-read", "--feed", "Tariffs")
    assert {r["title"] for r in listed(data_dir, "--unread")} == {"School opens", "Concert"}


def test_a_search_feed_row_in_the_reader_lists_and_counts_it_once(
    site: Site, tmp_path: Path
) -> None:
    """The search feed's row in the reader: its count, and its list of hits, the story two
    feeds list once, saying where else; `F` from "All feeds" finds it once too."""
    serve_twins(site)
    subscribe(tmp_path, [site.url("/education.xml"), site.url("/culture.xml")])
    (tmp_path / "config.toml").write_text(SEARCH, encoding="utf-8")
    config = load_config(tmp_path / "config.toml")

    def row_count(app: ReaderApp) -> str | None:
        found = re.search(r"⌕ Tariffs\s+(\d+)", screen_text(app))
        return found[1] if found else None

    def titles(app: ReaderApp) -> list[str]:
        return [h.entry.title for h in table(app).rows]

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False, config=config) as (app, pilot):
            await until(pilot, lambda: row_count(app) is not None, "the search feed's count")
            assert row_count(app) == "1"
            await pilot.press("tab", "j", "j")  # All feeds, Saved, then the search feed
            await until(pilot, lambda: titles(app) != [] and app.screen.showing_hits, "hits")
            assert titles(app) == ["Port authority suspends tariff"]
            assert "Port authority suspends tariff (also in Culture)" in screen_text(app)
            await pilot.press("k", "k", "enter")  # All feeds
            await until(pilot, lambda: len(table(app).rows) == 3, "All feeds")
            await pilot.press("F")
            await pilot.press(*"tariff", "enter")
            await until(pilot, lambda: app.screen.feed_url == SEARCH_VIEW, "F's hits")
            await until(pilot, lambda: bool(titles(app)), "F's hits shown")
            assert titles(app) == ["Port authority suspends tariff"]

    asyncio.run(run())


def test_a_tag_search_finds_the_row_of_the_feed_filed_under_it(site: Site, data_dir: Path) -> None:
    """`reader list --search 'tag:coast tariff'`: the tariff story two feeds list, culture
    filed under coast and education (the newer row, "All feeds"' one) not: found, under
    culture; the rows were made one an article before the search, and education's, outside
    the tag, was all there was to search."""
    serve_twins(site)
    site.feeds["culture"][0] = ("Port authority suspends tariff", "/a/tariff.html", "", 9)
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    ok(data_dir, "add", education)
    ok(data_dir, "add", culture)
    ok(data_dir, "tag", culture, "coast")
    ok(data_dir, "sync")
    (hit,) = listed(data_dir, "--search", "tag:coast", "tariff")
    assert hit["feed"] == culture
    (hit,) = listed(data_dir, "--search", "tariff")
    assert hit["feed"] == education and hit["also_in"] == [culture]


def test_a_mark_made_before_the_notes_of_where_is_carried_to_a_feed_listing_it_later(
    site: Site, data_dir: Path
) -> None:
    """The tariff story read in education by a reader from before the notes of where an
    article was read (its mark alone, as `set_read_many` made it then): culture, subscribed
    later, lists it read as it comes, its other stories unread; noted, so that the next feed
    listing it finds it read by the note."""
    serve_twins(site)
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    ok(data_dir, "add", education)
    ok(data_dir, "sync", "--no-articles")
    store = Store(data_dir)
    try:
        (tariff,) = [e for e in store.entries(education) if "tariff" in e.title]
        store.set_read_many(education, [tariff.id], True)  # no note of where, as before
        assert not any(store.read_where(k) for k in store.listed_keys(education))
    finally:
        store.close()
    ok(data_dir, "add", culture)
    ok(data_dir, "sync", "--no-articles")
    rows = by_title(listed(data_dir, "--feed", culture))
    assert rows["Port authority suspends tariff"][0]["read"] is True
    assert rows["Concert"][0]["read"] is False
    store = Store(data_dir)
    try:
        assert store.read_where(link_key(tariff.link)) == {education}
    finally:
        store.close()


def test_reader_feeds_json_sums_to_what_all_feeds_counts(site: Site, data_dir: Path) -> None:
    """`reader feeds --json`: each feed's `entries` and `unread` its own list's, the tariff
    story in both; `entries_once` and `unread_once` leave it out of culture's, whose row
    "All feeds" leaves out: summed, what `reader list` lists (and the reader's status line
    counts), where the sum of `unread` counted the story twice."""
    serve_twins(site)
    education, culture = site.url("/education.xml"), site.url("/culture.xml")
    ok(data_dir, "add", education)
    ok(data_dir, "add", culture)
    ok(data_dir, "sync", "--no-articles")

    def counts() -> dict[str, tuple[object, ...]]:
        rows = json.loads(ok(data_dir, "feeds", "--json"))
        keys = ("entries", "unread", "entries_once", "unread_once")
        return {row["url"]: tuple(row[k] for k in keys) for row in rows}

    assert counts() == {education: (2, 2, 2, 2), culture: (2, 2, 1, 1)}
    assert len(listed(data_dir)) == 3 and len(listed(data_dir, "--unread")) == 3
    ok(data_dir, "mark-read", "--feed", culture)  # the tariff story read in both
    assert counts() == {education: (2, 1, 2, 1), culture: (2, 0, 1, 0)}
    assert len(listed(data_dir, "--unread")) == 1


def test_a_saved_article_read_before_its_feed_is_added_stays_read(
    site: Site, data_dir: Path
) -> None:
    """acc51b B0 (high): an article saved by its address (`reader save URL`, a wallabag
    import), read, then listed by a feed subscribed after came unread: its mark was kept
    under no feed, and the feed's headline took its place unread (an archived one "unread
    and archived"). It comes read, and one saved unread stays unread."""
    serve_twins(site)
    ok(data_dir, "save", site.url("/a/tariff.html"), site.url("/a/concert.html"))
    (tariff,) = [r for r in listed(data_dir, "--saved") if "tariff" in str(r["link"])]
    ok(data_dir, "mark-read", str(tariff["id"]))
    ok(data_dir, "add", site.url("/culture.xml"))
    rows = by_title(listed(data_dir, "--saved"))
    assert rows["Port authority suspends tariff"][0]["feed"] == site.url("/culture.xml")
    assert rows["Port authority suspends tariff"][0]["read"] is True
    assert rows["Concert"][0]["read"] is False
    # Unread again under its feed, it is unread for the next feed listing it too.
    ok(data_dir, "mark-unread", str(rows["Port authority suspends tariff"][0]["id"]))
    ok(data_dir, "add", site.url("/education.xml"))
    education = by_title(listed(data_dir, "--feed", site.url("/education.xml")))
    assert education["Port authority suspends tariff"][0]["read"] is False


def test_a_saved_article_an_import_marked_read_stays_read_under_its_feed(
    site: Site, data_dir: Path
) -> None:
    """The same, its mark made as an import makes it (`set_read_many` under no feed: a
    wallabag entry archived there) and as an older reader left it: nothing noted of where,
    the feed subscribed later finds it read under no feed."""
    serve_twins(site)
    ok(data_dir, "save", site.url("/a/tariff.html"))
    (tariff,) = listed(data_dir, "--saved")
    store = Store(data_dir)
    try:
        store.set_read_many("", [str(tariff["id"])], True)  # no note of where
        assert not store.read_where(link_key(site.url("/a/tariff.html")))
    finally:
        store.close()
    ok(data_dir, "add", site.url("/culture.xml"))
    rows = by_title(listed(data_dir, "--saved"))
    assert rows["Port authority suspends tariff"][0]["read"] is True
