"""Podcast enclosures: the file an item carries for a player (RSS `<enclosure>`, Atom's
`<link rel="enclosure">`, Media RSS's audio `media:content`), kept from the feed, checked as a
link is, and shown: in the reading view's header (a link Tab selects and `L` lists), by `o` on
an episode with no page of its own, and by `reader list --json` and `reader show`. Its audio is
never fetched. Real parts: feeds served on 127.0.0.1, the store on disk, the TUI under Pilot.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.codec import entry_from_dict, entry_to_dict
from reader.enclosures import enclosure_label, shown_enclosures
from reader.feeds import parse_feed
from reader.library import Library
from reader.models import Enclosure, ErrorKind, FetchError
from reader.render import to_text
from reader.store import Store
from reader.urls import LONGEST_ENCLOSURE
from tests.served_feed import serve_site

MP3 = 42_000_000
NOTES = "The harbour master on the dredging vote, and what the winter timetable means."


def podcast(base: str, extra: str = "") -> str:
    """A podcast's RSS: an episode whose link is its show notes, and one with no link at all
    (a GUID that is no address, as many podcast feeds have), its audio only."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Hour</title><link>{base}/</link>
<item><title>Episode 1: Dredging</title><link>{base}/notes/1.html</link>
<guid isPermaLink="false">hh-1</guid><pubDate>Thu, 03 Dec 2026 09:00:00 GMT</pubDate>
<description>Notes for the first.</description>
<enclosure url="{base}/audio/ep1.mp3" type="audio/mpeg" length="{MP3}"/></item>
<item><title>Episode 0: Pilot</title><guid isPermaLink="false">hh-0</guid>
<pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate><description>{NOTES}</description>
<enclosure url="/audio/ep0.mp3" type="audio/mpeg" length="{MP3}"/></item>{extra}
</channel></rss>"""


NOTES_PAGE = (
    "<!doctype html><html><head><title>Episode 1: Dredging</title></head><body><article>"
    "<h1>Episode 1: Dredging</h1>"
    + "".join(
        f"<p>Paragraph {n} of the show notes: the dredging contract, the council's vote and the "
        "ferry timetable, with the guests' names and the music used.</p>"
        for n in range(6)
    )
    + "</article></body></html>"
)


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    serve_site(own_server, podcast, {"/notes/1.html": NOTES_PAGE})
    return own_server


def served(site: HTTPServer, path: str) -> bool:
    return any(request.path == path for request, _ in site.log)


# -- the feed ----------------------------------------------------------------------------------
def test_rss_enclosures_are_kept_absolute_with_their_type_and_length() -> None:
    base = "https://hh.example"
    notes, pilot = parse_feed(podcast(base).encode(), f"{base}/feed.xml").entries
    assert notes.link == f"{base}/notes/1.html"
    assert notes.enclosures == (Enclosure(f"{base}/audio/ep1.mp3", "audio/mpeg", MP3),)
    assert pilot.link == "" and pilot.address == f"{base}/audio/ep0.mp3"
    assert pilot.enclosures == (Enclosure(f"{base}/audio/ep0.mp3", "audio/mpeg", MP3),)
    assert enclosure_label(pilot.enclosures[0]) == "Audio (MP3, 40.1 MB)"
    assert shown_enclosures(notes) == notes.enclosures
    # A link to the MP3 itself that is its enclosure too: the header's address says it once.
    mp3 = f"{base}/audio/ep1.mp3"
    assert shown_enclosures(replace(notes, link=mp3)) == ()


def test_atom_and_media_rss_enclosures_are_kept_and_a_news_picture_is_not() -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Tide talk</title>
<entry><id>urn:tide:7</id><title>Spring tides</title>
<link rel="enclosure" href="https://tide.example/7.ogg" type="audio/ogg" length="9"/></entry>
</feed>"""
    [entry] = parse_feed(atom.encode(), "https://tide.example/atom").entries
    # feedparser gives the id as the link of an entry with none: no web address, none kept.
    assert entry.link == ""
    assert entry.enclosures == (Enclosure("https://tide.example/7.ogg", "audio/ogg", 9),)
    media = """<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>C</title><item><title>Story</title><link>https://c.example/s</link>
<media:content url="https://c.example/s.jpg" medium="image" type="image/jpeg"/>
<media:content url="https://c.example/s.m4a" type="audio/mp4" fileSize="77"/></item>
</channel></rss>"""
    [story] = parse_feed(media.encode(), "https://c.example/feed").entries
    assert story.enclosures == (Enclosure("https://c.example/s.m4a", "audio/mp4", 77),)


def test_a_hostile_enclosure_is_dropped_or_made_safe() -> None:
    long = "https://hh.example/" + "a" * 10_000 + ".mp3"
    hostile = (
        "<item><title>Bad</title><guid isPermaLink='false'>bad</guid>"
        '<enclosure url="javascript:alert(1)" type="audio/mpeg"/>'
        f'<enclosure url="{long}" type="audio/mpeg"/>'
        # C1's CSI (U+009B) is a terminal's ESC [: the one control character XML lets through.
        '<enclosure url="https://hh.example/a&#x9b;31m&#x9b;8m.mp3" type="audio/&#x9b;31mpeg"'
        ' length="-5"/>'
        "</item>"
    )
    feed = podcast("https://hh.example", hostile).encode()
    bad = parse_feed(feed, "https://hh.example/feed.xml").entries[-1]
    assert len(long) > LONGEST_ENCLOSURE
    [kept] = bad.enclosures  # the javascript: one and the 10,000-character one are not
    assert kept.url == "https://hh.example/a%C2%9B31m%C2%9B8m.mp3"  # escaped, as a link's is
    assert (kept.type, kept.length) == ("audio/peg", 0)  # its escape sequence removed
    assert bad.address == kept.url


def test_old_stored_entries_without_enclosures_still_load() -> None:
    base = "https://hh.example"
    notes, _ = parse_feed(podcast(base).encode(), f"{base}/feed.xml").entries
    assert entry_from_dict(entry_to_dict(notes)) == notes
    record = entry_to_dict(notes)
    del record["enclosures"]  # as a reader from before enclosures wrote it
    assert entry_from_dict(record).enclosures == ()
    record["enclosures"] = [["x"], 7]  # damaged: read as none, the entry still there
    assert entry_from_dict(record).title == notes.title


# -- the library and the command line ----------------------------------------------------------
def test_a_sync_keeps_enclosures_and_never_fetches_the_audio(
    site: HTTPServer, data_dir: Path
) -> None:
    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 1 and not report.article_failures
            by_title = {h.entry.title: h for h in lib.headlines()}
            notes, pilot = by_title["Episode 1: Dredging"], by_title["Episode 0: Pilot"]
            assert notes.cached and not notes.not_article
            assert notes.entry.enclosures[0].url == site.url_for("/audio/ep1.mp3")
            assert pilot.not_article and not pilot.cached  # ↗, as a link to an MP3
            with pytest.raises(FetchError) as raised:
                await lib.article(pilot.entry)
            assert raised.value.kind == ErrorKind.NOT_HTML
            assert raised.value.message.startswith("no article page, only audio (MP3, 40.1 MB)")
            from_feed = await lib.feed_text(pilot.entry)
            assert from_feed is not None and "harbour master" in to_text(from_feed)

    asyncio.run(run())
    assert not served(site, "/audio/ep0.mp3") and not served(site, "/audio/ep1.mp3")


def test_list_json_and_show_give_the_enclosures(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def reader(*args: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    reader("add", site.url_for("/feed.xml"))
    assert reader("sync")[0] == 0
    listed = {item["title"]: item for item in json.loads(reader("list", "--json")[1])}
    pilot, notes = listed["Episode 0: Pilot"], listed["Episode 1: Dredging"]
    ep0, ep1 = site.url_for("/audio/ep0.mp3"), site.url_for("/audio/ep1.mp3")
    assert pilot["enclosures"] == [{"url": ep0, "type": "audio/mpeg", "length": MP3}]
    assert pilot["not_article"] and pilot["link"] == ""

    status, out, _ = reader("show", notes["id"], "--format", "json")
    shown = json.loads(out)
    assert status == 0 and shown["enclosures"] == [
        {"url": ep1, "type": "audio/mpeg", "length": MP3}
    ]
    status, text, _ = reader("show", notes["id"])
    head, _, body = text.partition("\n\n")
    assert f"Audio (MP3, 40.1 MB): {ep1}" in head.splitlines()
    assert "Paragraph 5 of the show notes" in body
    status, markdown, _ = reader("show", notes["id"], "--format", "markdown")
    assert f"Audio (MP3, 40.1 MB): <{ep1}>  " in markdown.split("\n\n")[0].splitlines()
    # The citation is the article's, as before.
    status, cited, _ = reader("show", notes["id"], "--format", "citation")
    assert "ep1.mp3" not in cited and "Audio" not in cited

    # The episode with no page: its feed's text, its audio named, as for a link to an MP3.
    status, text, err = reader("show", pilot["id"])
    assert NOTES in text and f"Audio (MP3, 40.1 MB): {ep0}" in text
    assert "no article page, only audio (MP3, 40.1 MB) to play" in err
    assert "no link" not in err and status == 1  # the article itself could not be had
    assert not served(site, "/audio/ep0.mp3")


# -- the reader --------------------------------------------------------------------------------
def test_the_reading_view_shows_lists_and_opens_an_episodes_audio(
    site: HTTPServer, data_dir: Path, browser: list[str]
) -> None:
    from reader.ui.dialogs.links import LinksScreen
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody
    from tests.tui_pilot import on_top, open_row, running, screen_text, table, until

    async def sync() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(site.url_for("/feed.xml"))
            await lib.sync()

    asyncio.run(sync())
    ep0, ep1 = site.url_for("/audio/ep0.mp3"), site.url_for("/audio/ep1.mp3")

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            rows = table(app).rows
            row = next(i for i, h in enumerate(rows) if h.entry.title == "Episode 0: Pilot")
            line = next(t for t in screen_text(app).splitlines() if "Episode 0: Pilot" in t)
            assert "↗" in line
            table(app).cursor = row
            await pilot.press("o")  # from the list: the episode's audio, its only address
            # Its address read off the event loop: waited for (at once was a race).
            await until(pilot, lambda: bool(browser), "the browser handed an address")
            assert browser == [ep0]

            screen = await open_row(pilot, row)
            shown = screen_text(app)
            assert "This item has no link" not in shown and NOTES in shown
            assert "▶ Audio (MP3, 40.1 MB)" in shown and f"  {ep0}" in shown
            await pilot.press("tab")
            assert screen.query_one(ArticleBody).link_address == ep0
            await pilot.press("enter")
            assert browser == [ep0, ep0]
            await pilot.press("o")
            assert browser == [ep0, ep0, ep0]
            await pilot.press("q")
            await until(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the list")

            notes = next(i for i, h in enumerate(rows) if h.entry.title == "Episode 1: Dredging")
            screen = await open_row(pilot, notes)
            assert isinstance(screen, ArticleScreen)
            shown = screen_text(app)
            assert "Paragraph 0 of the show notes" in shown and "▶ Audio (MP3, 40.1 MB)" in shown
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")  # composed a moment after
            assert ep1 in screen_text(app) and "Audio (MP3, 40.1 MB)" in screen_text(app)

    asyncio.run(run())
    assert not served(site, "/audio/ep0.mp3")


def test_episodes_kept_before_enclosures_were_read_get_them_though_their_feed_answers_304(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A podcast's headlines kept by a reader from before enclosures were read: its feed,
    unchanged since, answers 304 to every refresh, so it is asked for once without its ETag,
    and its episodes are shown with their audio; then asked as before."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")

        def answer(request: Request) -> Response:
            if request.headers.get("If-None-Match") == '"v1"':
                return Response(status=304, headers={"ETag": '"v1"'})
            return Response(
                podcast(base), content_type="application/rss+xml", headers={"ETag": '"v1"'}
            )

        server.expect_request("/feed.xml").respond_with_handler(answer)
        feed = server.url_for("/feed.xml")
        assert main(["--data-dir", str(data_dir), "add", feed]) == 0
        # As an earlier reader kept them: no enclosures, no version of what was read.
        store = Store(data_dir)
        try:
            records = store._load(store._state, f"entries:{feed}")
            for record in records:
                record.pop("enclosures", None)
            store._save(store._state, f"entries:{feed}", records)
            kept = store._load(store._state, f"feed:{feed}")
            assert kept["etag"] == '"v1"'
            kept.pop("read_with", None)
            store._save(store._state, f"feed:{feed}", kept)
        finally:
            store.close()
        capsys.readouterr()
        for _ in range(2):
            assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 0
        asked = [r.headers.get("If-None-Match") for r, _ in server.log]
        assert asked == [None, None, '"v1"']  # added, read again whole once, then as before
        assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
        listed = {h["title"]: h for h in json.loads(capsys.readouterr().out)}
        pilot = listed["Episode 0: Pilot"]
        status = main(["--data-dir", str(data_dir), "show", pilot["id"], "--offline"])
        assert status == 1  # no page of its own: the feed's text, and its audio named
        assert f"Audio (MP3, 40.1 MB): {base}/audio/ep0.mp3" in capsys.readouterr().out
    finally:
        server.clear()
        server.stop()
