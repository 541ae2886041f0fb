"""Tags a feed is filed under: newsboat's `urls` tags and an OPML file's folders and
categories kept at `reader import`, written back by `reader export` (a folder per first tag
when no file gave folders: test_opml_folders.py; every tag in `category`) and read again; `reader tag`, `untag`, `feeds` and `list --tag`; the
reader's tag rows. Real files in a temp directory, the real `reader` command."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path
from xml.etree.ElementTree import fromstring

from pytest_httpserver import HTTPServer
from test_cli import reader
from tui_pilot import running, screen_segments, screen_text, subscribe, table, until

from reader.library import Library
from reader.models import Feed
from reader.opml import read_opml, to_opml
from reader.store import Store
from reader.ui.widgets.main.feed_list import FeedList

URLS = """# newsboat's urls, tagged
http://127.0.0.1:9/quay.xml news local "~Quay (mine)"
http://127.0.0.1:9/tide.xml "Sport" news
http://127.0.0.1:9/wire.xml
http://127.0.0.1:9/hidden.xml "!" podcast
http://127.0.0.1:9/quay.xml sport
"""


def _tags(home: Path) -> dict[str, tuple[str, ...]]:
    lib = Library(home)
    try:
        return {feed.url.rsplit("/", 1)[1]: feed.tags for feed in lib.feeds()}
    finally:
        lib.close()


def test_a_urls_files_tags_are_kept_exported_and_read_back(tmp_path: Path) -> None:
    (tmp_path / "urls").write_text(URLS)
    home = tmp_path / "home"
    imported = reader(home, "import", str(tmp_path / "urls"))
    assert imported.returncode == 0, imported.stderr
    assert (
        imported.stdout.splitlines()[1] == "3 feeds filed under 4 tags: local, news, podcast, sport"
    )
    assert "tags" not in imported.stderr
    tags = {
        # Its line given twice: both lines' tags, as a feed subscribed already gets a file's
        # (acc43a A2; the second line's were dropped), "sport" one tag with tide's "Sport".
        "quay.xml": ("news", "local", "sport"),
        "tide.xml": ("Sport", "news"),
        "wire.xml": (),
        "hidden.xml": ("podcast",),  # listed, as every hidden feed is; "!" is no tag
    }
    assert _tags(home) == tags
    exported = reader(home, "export").stdout
    root = fromstring(exported)
    body = root.find("body")
    assert body is not None
    folders = [o for o in body if o.get("xmlUrl") is None]
    assert [f.get("text") for f in folders] == ["news", "Sport", "podcast"]  # first tags
    assert [o.get("xmlUrl") for o in folders[1]] == ["http://127.0.0.1:9/tide.xml"]
    assert folders[1][0].get("category") == "Sport,news"  # as newsboat reads them
    # Read back elsewhere: the same tags, in the same order.
    (tmp_path / "subs.opml").write_text(exported)
    again = tmp_path / "again"
    assert reader(again, "import", str(tmp_path / "subs.opml")).returncode == 0
    assert _tags(again) == tags


def test_a_second_import_adds_the_files_tags_to_a_feeds_own(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (tmp_path / "urls").write_text("http://127.0.0.1:9/quay.xml news\n")
    (tmp_path / "more").write_text("http://127.0.0.1:9/quay.xml NEWS local\n")
    reader(home, "import", str(tmp_path / "urls"))
    again = reader(home, "import", str(tmp_path / "more"))
    assert again.stdout.startswith("0 feeds added, 1 already subscribed")
    assert _tags(home) == {"quay.xml": ("news", "local")}
    # What it filed them under, not the file's tags they had: "NEWS" is "news".
    assert "1 feed filed under 1 tag: local\n" in again.stdout


def test_an_import_run_again_says_no_tag_the_first_filed_the_feeds_under(tmp_path: Path) -> None:
    """Run again as its hint gives it (`--saved-flags`), an import re-said "2 feeds filed under
    2 tags" of feeds the first had filed so (acc50b)."""
    home = tmp_path / "home"
    (tmp_path / "urls").write_text(URLS)
    assert "3 feeds filed under 4 tags" in reader(home, "import", str(tmp_path / "urls")).stdout
    again = reader(home, "import", str(tmp_path / "urls"))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 feeds added, 4 already subscribed")
    assert "filed under" not in again.stdout, again.stdout


def test_opml_categories_and_folders_are_tags_made_safe() -> None:
    """The `category` attribute (newsboat's "a,b"; a path's leading slash left out) and the folders are read, a
    folder's name cleaned as any title (an escape sequence goes whole); a hostile file's deep
    nesting is no error: a feed 50 folders deep is read, one deeper left out and counted (a
    file nested 100,000 deep took 20 s, acc29c S2)."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="Tech &#x1b;]0;PWN&#x7;[b]x[/b]">'
        b'<outline text="Quay" category="/Linux, /tech,," xmlUrl="http://127.0.0.1:9/quay.xml"/>'
        b"</outline>"
        + b"<outline text='d'>" * 50
        + b'<outline text="Deep" xmlUrl="http://127.0.0.1:9/deep.xml"/>'
        + b"<outline text='e'>" * 4950
        + b'<outline text="Deeper" xmlUrl="http://127.0.0.1:9/deeper.xml"/>'
        + b"</outline>" * 5000
        + b"</body></opml>"
    )
    read = read_opml(opml)
    found = read.found
    assert found[0].tags == ("Tech [b]x[/b]", "Linux", "tech")
    assert found[1].tags == ("d",) and len(found) == 2
    assert read.skipped == {"nested in more than 50 folders": 1}


def test_a_feed_listed_in_two_folders_has_both_as_tags() -> None:
    """acc28c C11: web readers export a feed of two labels once in each folder; the second
    outline was dropped without a word, and its folder with it."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="news"><outline text="M" xmlUrl="http://127.0.0.1:9/metro.xml"/></outline>'
        b'<outline text="local"><outline text="M" xmlUrl="http://127.0.0.1:9/metro.xml"/>'
        b'<outline text="C" xmlUrl="http://127.0.0.1:9/council.xml"/></outline></body></opml>'
    )
    found = read_opml(opml).found
    assert [(f.url.rsplit("/", 1)[1], f.tags) for f in found] == [
        ("metro.xml", ("news", "local")),
        ("council.xml", ("local",)),
    ]


def test_export_of_untagged_feeds_is_as_before() -> None:
    exported = to_opml([Feed("http://127.0.0.1:9/a.xml", title="A")])
    assert "category" not in exported and exported.count("<outline") == 1


STORIES = {"quay": "Ferry timetable changes", "tide": "Spring tides this weekend", "wire": "Wire"}


def serve_three(server: HTTPServer) -> dict[str, str]:
    """Three feeds of one story each at /quay.xml, /tide.xml and /wire.xml; their addresses."""
    for name, story in STORIES.items():
        server.expect_request(f"/{name}.xml").respond_with_data(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()}</title>'
            f"<item><title>{story}</title><link>{server.url_for(f'/{name}.html')}</link>"
            f"<guid>{name}-1</guid><pubDate>Thu, 03 Dec 2026 08:00:00 GMT</pubDate></item>"
            "</channel></rss>",
            content_type="application/rss+xml",
        )
    return {name: server.url_for(f"/{name}.xml") for name in STORIES}


def subscribed(tmp_path: Path, server: HTTPServer) -> tuple[Path, dict[str, str]]:
    """A data directory subscribed to the three feeds, quay and tide tagged news, synced."""
    urls = serve_three(server)
    (tmp_path / "urls").write_text(
        f"{urls['quay']} news local\n{urls['tide']} News sport\n{urls['wire']}\n"
    )
    home = tmp_path / "home"
    assert reader(home, "import", str(tmp_path / "urls")).returncode == 0
    synced = reader(home, "sync", "--no-articles", "-q")
    assert synced.returncode == 0, synced.stderr
    return home, urls


def test_list_by_tag_and_tag_commands(tmp_path: Path, httpserver: HTTPServer) -> None:
    home, urls = subscribed(tmp_path, httpserver)
    for options in ((), ("--json",), ("--search", "tides")):
        listed = reader(home, "list", "--tag", "NEWS", *options)
        assert listed.returncode == 0, listed.stderr
        assert "Wire" not in listed.stdout and "Spring tides" in listed.stdout, options
    assert "Ferry" in reader(home, "list", "--tag", "news").stdout
    # An unknown tag: one line naming those there are, exit 1.
    unknown = reader(home, "list", "--tag", "sprot")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == ("reader: nothing is tagged “sprot” (the tags: local, news, sport)\n")
    assert reader(home, "list", "--tag", "x", "--feed", "Wire").returncode == 2
    # Tagged and untagged by name, case aside; `feeds` and its JSON show them.
    tagged = reader(home, "tag", "Wire", "sport", "Agency")
    assert tagged.stdout == "tagged: Wire: sport, Agency\n", tagged.stderr
    assert "Wire" in reader(home, "list", "--tag", "agency").stdout
    untagged = reader(home, "untag", urls["tide"], "NEWS", "weather")
    assert untagged.stdout == "untagged: Tide: News (its tags now: sport)\n"  # as it was spelt
    assert untagged.stderr == "reader: Tide had no tag “weather”\n"
    assert "Spring tides" not in reader(home, "list", "--tag", "news").stdout
    feeds = reader(home, "feeds").stdout
    assert "    tags: news, local\n" in feeds and "    tags: sport, Agency\n" in feeds
    shown = {f["title"]: f["tags"] for f in json.loads(reader(home, "feeds", "--json").stdout)}
    assert shown == {"Quay": ["news", "local"], "Tide": ["sport"], "Wire": ["sport", "Agency"]}
    # A comma separates two tags, as OPML's category writes them: none is lost at export
    # (acc28c C2).
    assert reader(home, "tag", "Tide", "storms,surge").stdout == (
        "tagged: Tide: sport, storms, surge\n"
    )
    assert 'category="sport,storms,surge"' in reader(home, "export").stdout
    reader(home, "untag", "Tide", "storms,surge")
    refused = reader(home, "tag", "Nowhere", "x")
    assert (refused.returncode, refused.stderr) == (1, "reader: not subscribed: Nowhere\n")
    empty = reader(home, "tag", "Wire", "\x1b[31m")
    assert empty.returncode == 2 and len(empty.stderr.splitlines()) == 1


def test_a_fetch_keeps_the_tags_given_meanwhile(tmp_path: Path) -> None:
    """A refresh writing what it read of a feed (read before a `reader tag` in another
    process) leaves the tags stored as they are."""
    url = "http://127.0.0.1:9/quay.xml"
    store = Store(tmp_path / "data")
    try:
        store.add_feed(url, title="Quay")
        record = json.loads(store._state.get(f"feed:{url}"))
        record.pop("tags")
        store._state.set(f"feed:{url}", json.dumps(record))  # as an earlier version wrote it
        assert store.feed(url) == Feed(url, title="Quay")
        read_before = store.feed(url)
        assert read_before is not None
        assert store.tag_feed(url, add=["news"]) is not None
        kept = store.put_feed(dataclasses.replace(read_before, title="The Quay"))
        assert (kept.title, kept.tags) == ("The Quay", ("news",))
        assert store.tag_feed("http://127.0.0.1:9/other.xml", add=["x"]) is None
    finally:
        store.close()


HOSTILE = "\x1b]0;pwned\x07[b]Desk[/b]"


def test_a_tags_row_lists_its_feeds_headlines_together(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The feed list has a row for each tag above the feeds, with its feeds' unread count;
    chosen, the headlines are those of every feed under it, each naming its feed; a hostile
    tag is shown as plain text."""
    urls = serve_three(httpserver)
    subscribe(tmp_path, list(urls.values()))
    lib = Library(tmp_path)
    lib.tag_feed(urls["quay"], ["news"])
    lib.tag_feed(urls["tide"], ["News", HOSTILE])
    lib.close()

    async def run() -> None:
        async with running(tmp_path, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 3, "every headline")
            feeds = app.screen.query_one(FeedList)
            assert feeds.names[2:5] == ["#[b]Desk[/b]", "#news", "Quay"]
            await pilot.press("t")  # newsboat's t: the first tag's headlines
            await until(pilot, lambda: len(table(app).rows) == 1, "the first tag's")
            assert table(app).rows[0].entry.title == STORIES["tide"]
            await pilot.press("t")
            await until(pilot, lambda: len(table(app).rows) == 2, "the next tag's")
            assert {h.entry.title for h in table(app).rows} == {STORIES["quay"], STORIES["tide"]}
            text = screen_text(app)
            assert "#news · 2 unread of 2" in text and "#[b]Desk[/b]" in text
            line = next(line for line in text.splitlines() if STORIES["tide"] in line)
            assert "Tide" in line.replace(STORIES["tide"], "")  # its feed named
            raw = screen_segments(app)
            assert "\x1b" not in raw and "pwned" not in raw
            # The rows of the feed list choose them too.
            await pilot.press("tab", "k")
            await until(pilot, lambda: len(table(app).rows) == 1, "the row above's")
            await pilot.press("k")  # Saved
            await until(pilot, lambda: len(table(app).rows) == 0, "no saved article")
            await pilot.press("j", "j")
            await until(pilot, lambda: len(table(app).rows) == 2, "#news again")

    asyncio.run(run())


def test_unread_only_passes_over_a_tag_read_to_its_end(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc28c C4: under `L`, a tag row with nothing unread stayed in the feed list and `t`
    stopped on it, where `J` passes over a feed read to its end and the feed leaves the list."""
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
            feeds = app.screen.query_one(FeedList)
            await pilot.press("t")  # #local
            await until(pilot, lambda: len(table(app).rows) == 1, "#local's")
            await pilot.press("A")  # its one headline read
            await pilot.press("L")  # unread only
            await pilot.press("t")  # on to #news
            await until(pilot, lambda: "#news" in screen_text(app), "#news")
            await pilot.pause()
            assert "#local" not in feeds.names  # gone once left, as a read feed goes
            await pilot.press("t", "t")  # #wires, then round past #local to #news
            await until(pilot, lambda: "#news ·" in screen_text(app), "round to #news")

    asyncio.run(run())
