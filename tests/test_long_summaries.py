"""A feed carrying its articles whole in their summaries (Medium's `content:encoded` alone,
which feedparser takes for the summary; Hugo's whole `description`): the headlines listed hold
the start of each (`SUMMARY_HELD`: as much as a search reads; none of it when the article is
cached, whose text a search reads), and whatever shows the feed's text reads it whole from the
store (the article's fallback when its page gives nothing), while
a sync still compares them whole. Real parts: a loopback server of this test's own, the store
on disk, the worker processes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.codec import SUMMARY_APART
from reader.extract import to_text
from reader.feed_summary import summary_line
from reader.full_text import Query, snippet
from reader.library import Library
from reader.library.text_search import search_cached
from reader.models import SUMMARY_HELD, Entry
from reader.store import Store
from tests.cli_run import run_reader
from tests.served_feed import serve_site
from tests.test_feed_text import SCRIPT_BUILT
from tests.tui_pilot import running, until

PARAGRAPHS = [
    f"Paragraph {n} of the harbour inquiry: the board heard from the pilots, the dredging "
    f"contractor and the fishermen's association about the silting of berth {n}, and asked "
    "for the soundings of the last ten winters before it rules."
    for n in range(1, 41)
]
LAST = "The quillback survey closes the report: its count is the lowest since records began."
WHOLE = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, LAST])
SHORT = "High water at 06:10 and 18:32."


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Notes</title><link>{base}/</link>
<item><title>The harbour inquiry's report</title><link>{base}/inquiry.html</link>
<guid>inquiry</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[{WHOLE}]]></content:encoded></item>
<item><title>Tide times</title><link>{base}/tides.html</link><guid>tides</guid>
<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate><description>{SHORT}</description></item>
</channel></rss>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    # Built by scripts: only the feed's text to read. Two pages alike would be a portal's.
    pages = {
        page: SCRIPT_BUILT.replace("Tide app", page) for page in ("/inquiry.html", "/tides.html")
    }
    serve_site(own_server, rss, pages)
    return own_server


def _by_title(entries: list[Entry]) -> dict[str, Entry]:
    return {e.title: e for e in entries}


def _refreshed(data_dir: Path, url: str, then: Callable[[Library], Awaitable[None]]) -> None:
    """Subscribe `data_dir` to the feed at `url`, refresh it, and run `then` on the library."""

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(url)
            await lib.refresh()
            await then(lib)

    asyncio.run(run())


def test_headlines_listed_hold_a_long_summarys_start_and_its_article_has_it_whole(
    site: HTTPServer, data_dir: Path
) -> None:
    url = site.url_for("/feed.xml")

    async def check(lib: Library) -> None:
        kept = _by_title(lib.store.entries(url))["The harbour inquiry's report"]
        # Its record holds the start, the whole kept apart (`SUMMARY_APART`).
        assert kept.summary == WHOLE[:SUMMARY_HELD] and kept.summary_cut
        assert lib.store.feed_summary(kept) == WHOLE and len(WHOLE) > 2 * SUMMARY_HELD
        lists = {
            "headlines": lib.headlines(),
            "streamed": list(lib.streamed_headlines()),
            "first": lib.first_headlines(10)[0],
            "and unlisted": lib.headlines_and_unlisted()[0],
            "feeds'": lib.feeds_headlines([url]),
            "the feed's": lib.headlines(url),
        }
        for name, headlines in lists.items():
            listed = _by_title([h.entry for h in headlines])
            inquiry = listed["The harbour inquiry's report"]
            assert inquiry.summary == WHOLE[:SUMMARY_HELD], name
            assert listed["Tide times"].summary == SHORT, name
        # What shows the feed's text reads it whole: the offline view, and the article's
        # fallback when its page gives nothing (in a worker process).
        assert lib.store.feed_html(inquiry) == WHOLE
        offline = await lib.feed_text(inquiry)
        assert offline is not None and LAST in to_text(offline)
        article = await lib.article(inquiry)
        assert article.partial and LAST in to_text(article)
        assert PARAGRAPHS[0] in to_text(article)
        # Its article cached, its headline holds none of the summary: a search reads
        # the article's text; what shows the feed's text still reads it whole.
        listed = _by_title([h.entry for h in lib.headlines()])
        cached = listed["The harbour inquiry's report"]
        assert cached.summary == "" and cached.summary_cut
        assert lib.store.feed_html(cached) == WHOLE
        hits = search_cached(lib, lib.headlines(), Query("quillback")).hits
        assert [h.headline.entry.title for h in hits] == ["The harbour inquiry's report"]

    _refreshed(data_dir, url, check)


def test_a_headline_whose_article_goes_holds_the_start_a_search_reads_again(
    site: HTTPServer, data_dir: Path
) -> None:
    async def check(lib: Library) -> None:
        url = lib.store.feed_urls()[0]
        await lib.article(_by_title(lib.store.entries(url))["The harbour inquiry's report"])
        headlines = lib.headlines()
        (was,) = [h for h in headlines if h.entry.title == "The harbour inquiry's report"]
        assert was.cached and was.entry.summary == ""
        # Gone from the cache (the size limit, a prune) while the list stands: a search
        # reads the feed's text of it, as of a headline never cached, and its lead.
        assert lib.store.forget_article(was.entry.link)
        hits = search_cached(lib, headlines, Query("soundings"), use_index=False).hits
        assert [h.headline.entry.id for h in hits] == [was.entry.id]
        assert "silting of berth 1, and asked for the soundings" in hits[0].snippet
        titled = search_cached(lib, headlines, Query("report"), use_index=False).hits
        assert [h.lead for h in titled] == [snippet(summary_line(WHOLE), 0, 0)]
        # The list follows the cache: the headline holds the start again.
        (now,) = lib.recached(headlines)
        assert not now.cached and now.entry.summary == WHOLE[:SUMMARY_HELD]

    _refreshed(data_dir, site.url_for("/feed.xml"), check)


def test_a_sync_reads_the_summaries_of_what_it_may_fetch_whole(
    site: HTTPServer, data_dir: Path
) -> None:
    async def check(lib: Library) -> None:
        start = lib._sync_start()
        synced = _by_title([h.entry for h in start.headlines])
        # As its record holds it (the start), its feed's text whole where a page falls back.
        assert synced["The harbour inquiry's report"].summary == WHOLE[:SUMMARY_HELD]
        assert lib.store.feed_html(synced["The harbour inquiry's report"]) == WHOLE
        report = await lib.sync()
        assert report.ok
        cached = lib.cached_article(site.url_for("/inquiry.html"))
        assert cached is not None and cached.partial and LAST in to_text(cached)
        # Told as before at a refresh after: nothing kept to judge as told anew.
        await lib.refresh()
        assert lib.store.told() == {}

    _refreshed(data_dir, site.url_for("/feed.xml"), check)


def test_a_summary_is_read_whole_from_its_record_however_its_list_was_written(
    data_dir: Path,
) -> None:
    store = Store(data_dir)
    try:
        url = "https://notes.example/feed.xml"
        store.add_feed(url)
        items = [
            Entry(f"n{n}", url, f"Note {n}", f"https://notes.example/{n}", summary=f"{n} {WHOLE}")
            for n in range(3)
        ]
        store.merge_entries(url, items)
        cut = [entry for entry, _ in store.keyed_entries(url, SUMMARY_HELD)]
        assert all(e.summary_cut and len(e.summary) == SUMMARY_HELD for e in cut)
        assert [store.feed_summary(e) for e in cut] == [e.summary for e in items]
        # A list from before they were kept apart, each record holding its summary whole.
        key = as_written_before(store, url, items)
        assert [store.feed_summary(e) for e in cut] == [e.summary for e in items]
        # Written with other spacing (by hand, another program): read record by record.
        store._state.set(key, json.dumps(json.loads(store._state.get(key)), indent=1))
        assert [store.feed_summary(e) for e in cut] == [e.summary for e in items]
        # No longer listed: the start held is all there is.
        store._state.set(key, "[]")
        assert store.feed_summary(cut[0]) == cut[0].summary
    finally:
        store.close()


def as_written_before(store: Store, url: str, items: list[Entry]) -> str:
    """The feed's list in `store` as a reader from before long summaries were kept apart left
    it (data format 5): each record holding the summary of its item (`items`) whole, nothing
    kept apart, no list cut yet; the list's key."""
    key = f"entries:{url}"
    whole = {e.id: e.summary for e in items}
    records = json.loads(store._state.get(key))
    for record in records:
        record["summary"] = whole[record["id"]]
        record.pop(SUMMARY_APART, None)
        store._state.delete(f"summary:{record['id']}")
    store._state.set(key, json.dumps(records, ensure_ascii=False, separators=(",", ":")))
    store._state.delete("summaries_apart")
    store._state.set("format", 5)
    return key


def test_a_directory_from_before_has_its_lists_cut_once_nothing_lost(data_dir: Path) -> None:
    """A data directory whose lists hold long summaries whole (format 5) upgraded (by any
    command that writes: `reader tag` here; one that only reads leaves it) has each list
    written again once, by the next opening to write (`reader list` here), each record holding the
    start, the whole kept apart; the items, their order, marks and feed's texts as they were;
    the same items fetched again are not told anew, one changed past its start is."""
    url = "https://notes.example/feed.xml"
    items = [
        Entry(f"n{n}", url, f"Note {n}", f"https://notes.example/{n}", summary=f"{n} {WHOLE}")
        for n in range(3)
    ] + [Entry("tides", url, "Tide times", "https://notes.example/tides", summary=SHORT)]
    store = Store(data_dir)
    try:
        store.add_feed(url)
        store.merge_entries(url, items)
        store.set_read(items[1], True)
        key = as_written_before(store, url, items)
        before = store._state.get(key)
        listed = store.keyed_entries(url)
    finally:
        store.close()
    done = run_reader(data_dir, "tag", url, "notes")  # one that writes
    assert done.returncode == 0, done.stderr
    assert run_reader(data_dir, "list").returncode == 0
    store = Store(data_dir)
    try:
        after = store._state.get(key)
        assert len(after) < len(before) / 2
        records = json.loads(after)
        assert all(len(r["summary"]) <= SUMMARY_HELD for r in records)
        assert [SUMMARY_APART in r for r in records] == [True, True, True, False]
        # As listed before, in order, keys, first sight and all, their summaries read whole.
        now = [(replace(e, summary=store.feed_summary(e)), k) for e, k in store.keyed_entries(url)]
        assert now == listed
        assert [e.first_seen for e, _ in now] == [e.first_seen for e, _ in listed]
        assert store.read_ids(url) == {items[1].id}
        entries = store.entries(url)
        assert [store.feed_summary(e) for e in entries] == [e.summary for e in items]
        assert [store.feed_html(e) for e in entries] == [e.summary for e in items]
        assert not store.summaries_to_cut()
        # The items as the feed gives them again: nothing changed, none told anew.
        _, changed, told, _, _ = store.merge(url, items)
        assert not changed and told == ()
        # One changed past the start its record holds: told anew, as it said before whole.
        retold = replace(items[0], summary=items[0].summary.replace("lowest", "highest"))
        assert retold.summary[:SUMMARY_HELD] == items[0].summary[:SUMMARY_HELD]
        _, changed, told, _, _ = store.merge(url, [retold, *items[1:]])
        assert changed and [(e.id, e.summary) for e in told] == [(items[0].id, items[0].summary)]
        assert store.feed_summary(store.entries(url)[0]) == retold.summary
    finally:
        store.close()


def test_the_reader_cuts_a_directory_from_before_once_its_start_is_done(data_dir: Path) -> None:
    """The reader started on a directory whose lists hold long summaries whole lists them as
    they are, and cuts them once its start is done, in a thread (its loop draws meanwhile)."""
    url = "https://notes.example/feed.xml"
    items = [
        Entry(f"n{n}", url, f"Note {n}", f"https://notes.example/{n}", summary=f"{n} {WHOLE}")
        for n in range(3)
    ]
    store = Store(data_dir)
    try:
        store.add_feed(url)
        store.merge_entries(url, items)
        key = as_written_before(store, url, items)
        before = len(store._state.get(key))
    finally:
        store.close()

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            assert [h.entry.title for h in app.index.headlines] == ["Note 0", "Note 1", "Note 2"]
            await until(pilot, lambda: len(app.lib.store._state.get(key)) < before / 2, "cut")
            entries = app.lib.store.entries(url)
            assert [app.lib.store.feed_html(e) for e in entries] == [e.summary for e in items]

    asyncio.run(run())
