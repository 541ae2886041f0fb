"""A feed's name of the user's own, kept over the title the feed gives itself: newsboat's
`"~Name"` at import, `reader add --title`, `reader rename`, and an OPML file's names (kept only
when they are not the feed's own title). The real `reader` command against feeds on loopback
whose titles change, as a site's do; the reader (Pilot) showing the name."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from xml.etree.ElementTree import fromstring

from pytest_httpserver import HTTPServer
from test_cli import reader
from tui_pilot import running, screen_segments, screen_text, table, until
from werkzeug import Request, Response

from reader.library import Library
from reader.models import Feed
from reader.opml import read_opml
from reader.store import Store

ITEMS = {
    "quay": ("Ferry timetable changes for winter", "ferry"),
    "tide": ("Spring tides expected this weekend", "spring-tides"),
}


def _serve(server: HTTPServer) -> tuple[dict[str, str], str, str]:
    """Two feeds of one item each at /quay.xml and /tide.xml, titled by the dict returned
    (change it and the next fetch reads the new title), and their addresses."""
    titles = {"quay": "Quay Daily Bulletin", "tide": "Tide Watch"}

    def answer(request: Request) -> Response:
        name = request.path.strip("/").removesuffix(".xml")
        headline, slug = ITEMS[name]
        link = server.url_for(f"/news/{slug}.html")
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{titles[name]}</title>'
            f"<link>{server.url_for('/')}</link><item><title>{headline}</title>"
            f"<link>{link}</link><guid>{slug}</guid>"
            "<pubDate>Thu, 03 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>"
        )
        return Response(body, content_type="application/rss+xml")

    for name in titles:
        server.expect_request(f"/{name}.xml").respond_with_handler(answer)
    return titles, server.url_for("/quay.xml"), server.url_for("/tide.xml")


def _sync(home: Path) -> None:
    synced = reader(home, "sync", "--no-articles", "-q")
    assert synced.returncode == 0 and synced.stdout == "", synced.stderr


def _feeds(home: Path) -> list[str]:
    """`reader feeds`, without its lines of last refreshes (their times) and offline counts."""
    lines = reader(home, "feeds").stdout.splitlines()
    return [line for line in lines if "refreshed" not in line and "offline" not in line]


def _outlines(home: Path) -> dict[str, dict[str, str]]:
    """`reader export`'s outlines by their address (not its folders: a tagged feed's)."""
    root = fromstring(reader(home, "export").stdout)
    return {o.attrib["xmlUrl"]: o.attrib for o in root.iter("outline") if "xmlUrl" in o.attrib}


def test_a_newsboat_name_is_the_feeds_name_before_and_after_sync(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The G9 finding: a `"~Name"` was shown until the first sync, then the feed's title
    replaced it for good. It stays, as newsboat keeps it, wherever the feed is named; the feed's
    own title is kept beside it, and names the feed too."""
    titles, quay, tide = _serve(httpserver)
    (tmp_path / "urls").write_text(f'{quay} news "~Harbour desk"\n{tide}\n')
    home = tmp_path / "home"
    assert reader(home, "import", str(tmp_path / "urls")).stdout.startswith("2 feeds added")
    assert _feeds(home) == [
        "Harbour desk  (0 unread of 0)",
        f"    {quay}",
        "    tags: news",
        f"{tide}  (0 unread of 0)",
        f"    {tide}",
    ]
    _sync(home)
    assert _feeds(home) == [
        "Harbour desk  (1 unread of 1)",
        f"    {quay}",
        "    tags: news",
        "    its own title: Quay Daily Bulletin",
        "Tide Watch  (1 unread of 1)",
        f"    {tide}",
    ]
    listed = reader(home, "list").stdout
    assert "Harbour desk: Ferry timetable changes" in listed
    assert "Tide Watch: Spring tides" in listed
    rows = {row["feed"]: row for row in json.loads(reader(home, "list", "--json").stdout)}
    # The entry's feed title stays the publication's (a citation names it): the name is apart.
    assert (rows[quay]["feed_name"], rows[quay]["feed_title"]) == (
        "Harbour desk",
        "Quay Daily Bulletin",
    )
    assert (rows[tide]["feed_name"], rows[tide]["feed_title"]) == ("", "Tide Watch")
    feeds = {f["url"]: f for f in json.loads(reader(home, "feeds", "--json").stdout)}
    assert (feeds[quay]["name"], feeds[quay]["title"]) == ("Harbour desk", "Quay Daily Bulletin")
    # Either name names the feed (case and spaces aside).
    by_name = reader(home, "list", "--feed", "harbour  DESK").stdout
    assert by_name == reader(home, "list", "--feed", "Quay Daily Bulletin").stdout
    assert "Ferry timetable" in by_name and "Spring tides" not in by_name
    assert _outlines(home)[quay]["text"] == "Harbour desk"
    assert _outlines(home)[quay]["title"] == "Quay Daily Bulletin"
    # The site retitles its feed: the user's name stays; the feed's own title follows it.
    titles["quay"] = "The Quay Bulletin"
    _sync(home)
    assert _feeds(home)[:4] == [
        "Harbour desk  (1 unread of 1)",
        f"    {quay}",
        "    tags: news",
        "    its own title: The Quay Bulletin",
    ]


def test_rename_rename_back_and_an_export_read_back(tmp_path: Path, httpserver: HTTPServer) -> None:
    titles, quay, tide = _serve(httpserver)
    home = tmp_path / "home"
    for url in (quay, tide):
        assert reader(home, "add", url).returncode == 0
    # Named by its title, as the feed list shows it; a pasted escape sequence goes whole.
    renamed = reader(home, "rename", "quay daily bulletin", "Harbour \x1b]0;pwned\x07desk")
    assert (renamed.returncode, renamed.stdout) == (
        0,
        "renamed: Quay Daily Bulletin → Harbour desk\n",
    )
    assert _feeds(home)[:3] == [
        "Harbour desk  (1 unread of 1)",
        f"    {quay}",
        "    its own title: Quay Daily Bulletin",
    ]
    # A name another feed is shown by: renamed, and told that neither is named by it now.
    clash = reader(home, "rename", tide, "HARBOUR desk")
    assert clash.returncode == 0 and "another feed is shown by that name too" in clash.stderr
    assert reader(home, "rename", tide, "").stdout == (
        "renamed: HARBOUR desk → Tide Watch (its own title)\n"
    )
    missing = reader(home, "rename", "Evening Post", "Post")
    assert (missing.returncode, missing.stderr) == (1, "reader: not subscribed: Evening Post\n")

    # Exported, the name is the outline's text and the feed's own title its title (OPML 2.0).
    exported = reader(home, "export").stdout
    assert _outlines(home)[quay]["text"] == "Harbour desk"
    assert _outlines(home)[tide] == {
        "type": "rss",
        "text": "Tide Watch",
        "xmlUrl": tide,
        "title": "Tide Watch",
        "htmlUrl": httpserver.url_for("/"),
    }
    # Read back into another reader: the name kept through its first sync; the feed that had
    # none follows its title as it changes.
    (tmp_path / "subs.opml").write_text(exported)
    again = tmp_path / "again"
    assert reader(again, "import", str(tmp_path / "subs.opml")).returncode == 0
    assert [line for line in _feeds(again) if not line.startswith(" ")] == [
        "Harbour desk  (0 unread of 0)",
        "Tide Watch  (0 unread of 0)",
    ]
    titles["tide"] = "Tide Watch Weekly"
    _sync(again)
    assert [line for line in _feeds(again) if not line.startswith("    http")] == [
        "Harbour desk  (1 unread of 1)",
        "    its own title: Quay Daily Bulletin",
        "Tide Watch Weekly  (1 unread of 1)",
    ]

    # Back to its own title: shown by it, and exported so.
    back = reader(home, "rename", "Harbour desk")
    assert back.stdout == "renamed: Harbour desk → Quay Daily Bulletin (its own title)\n"
    assert _feeds(home)[0] == "Quay Daily Bulletin  (1 unread of 1)"
    assert _outlines(home)[quay]["text"] == "Quay Daily Bulletin"


def test_an_opml_name_that_is_the_feeds_own_title_is_not_frozen(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Another reader's export carries each feed's title (Feedly's text and title, newsboat's
    title alone): kept as a name, it would hide the title the site gives the feed from then on.
    An outline's name is the feed's title until its first sync, which keeps it as the user's
    name only when it is not the feed's own (a `~` name newsboat wrote where the title goes)."""
    titles, quay, tide = _serve(httpserver)
    (tmp_path / "other.opml").write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>Exported Feeds</title></head>'
        f'<body><outline type="rss" text="Quay Daily Bulletin" title="Quay Daily Bulletin"'
        f' xmlUrl="{quay}"/>'
        f'<outline type="rss" xmlUrl="{tide}" title="Tides, mine"/></body></opml>'
    )
    home = tmp_path / "home"
    assert reader(home, "import", str(tmp_path / "other.opml")).returncode == 0
    assert [line for line in _feeds(home) if not line.startswith(" ")] == [
        "Quay Daily Bulletin  (0 unread of 0)",
        "Tides, mine  (0 unread of 0)",
    ]
    _sync(home)
    assert _feeds(home) == [
        "Quay Daily Bulletin  (1 unread of 1)",
        f"    {quay}",
        "Tides, mine  (1 unread of 1)",
        f"    {tide}",
        "    its own title: Tide Watch",
    ]
    titles["quay"] = "The Quay Bulletin"
    titles["tide"] = "Tide Watch Weekly"
    _sync(home)
    assert _feeds(home) == [
        "The Quay Bulletin  (1 unread of 1)",
        f"    {quay}",
        "Tides, mine  (1 unread of 1)",
        f"    {tide}",
        "    its own title: Tide Watch Weekly",
    ]


def test_an_opml_2_name_given_as_text_and_title_is_kept_unless_the_feeds_own(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Inoreader's and Feedly's OPML 2.0 give the name the user sees as its text and its title
    both: one that is not the feed's own title is the user's, kept through the first sync ("Café
    Ünïcode 🎉" became "Feed e1": acc49d D3); one that is follows the feed's title after."""
    titles, quay, tide = _serve(httpserver)
    (tmp_path / "web.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head>'
        f'<body><outline type="rss" text="Café Ünïcode 🎉" title="Café Ünïcode 🎉" xmlUrl="{quay}"/>'
        f'<outline type="rss" text="Tide Watch" title="Tide Watch" xmlUrl="{tide}"/></body></opml>'
    )
    home = tmp_path / "home"
    assert reader(home, "import", str(tmp_path / "web.opml")).returncode == 0
    _sync(home)
    assert _feeds(home) == [
        "Café Ünïcode 🎉  (1 unread of 1)",
        f"    {quay}",
        "    its own title: Quay Daily Bulletin",
        "Tide Watch  (1 unread of 1)",
        f"    {tide}",
    ]
    titles["tide"] = "Tide Watch Weekly"
    _sync(home)
    assert _feeds(home)[3] == "Tide Watch Weekly  (1 unread of 1)"


def test_add_with_a_title_names_the_feed(tmp_path: Path, httpserver: HTTPServer) -> None:
    _, quay, _ = _serve(httpserver)
    home = tmp_path / "home"
    added = reader(home, "add", quay, "--title", "Harbour desk")
    assert added.stdout == "subscribed: Harbour desk (1 headline)\n"
    again = reader(home, "add", quay, "--title", "Ferries")
    assert again.stdout == f"already subscribed: {quay}, now shown as Ferries\n"
    assert _feeds(home)[:3] == [
        "Ferries  (1 unread of 1)",
        f"    {quay}",
        "    its own title: Quay Daily Bulletin",
    ]


def test_what_an_opml_outline_tells_of_a_name() -> None:
    """OPML 2.0 keeps the name shown (text) apart from the feed's title (title), as `reader
    export` writes them (a text that is the title: no name, in its file; another reader's
    can't tell); an outline of OPML 1.0 (newsboat's export: a title alone, a `~` name or the
    feed's own) or with one of the two gives one name, as both, for the first fetch to tell
    apart."""
    outlines = (
        '<outline text="Harbour desk" title="Quay Daily Bulletin" xmlUrl="http://127.0.0.1:9/a"/>'
        '<outline text="Tide Watch" title="tide  watch" xmlUrl="http://127.0.0.1:9/b"/>'
        '<outline text="Ferries" xmlUrl="http://127.0.0.1:9/c"/>'
        '<outline title="Tides, mine" xmlUrl="http://127.0.0.1:9/d"/>'
    )
    for version, head, told in (
        (
            "2.0",
            "reader subscriptions",
            [("Harbour desk", "Quay Daily Bulletin"), ("", "tide watch")],
        ),
        (
            "2.0",
            "Inoreader",
            [("Harbour desk", "Quay Daily Bulletin"), ("Tide Watch", "Tide Watch")],
        ),
        ("1.0", "", [("Harbour desk", "Harbour desk"), ("Tide Watch", "Tide Watch")]),
    ):
        opml = (
            f'<opml version="{version}"><head><title>{head}</title></head>'
            f"<body>{outlines}</body></opml>"
        ).encode()
        found = [(f.name, f.title) for f in read_opml(opml).found]
        assert found == [*told, ("Ferries", "Ferries"), ("Tides, mine", "Tides, mine")]


def test_a_name_is_kept_apart_in_the_store(tmp_path: Path) -> None:
    """A record from before names decodes with none; a fetch's write keeps the name stored (a
    rename in another process while the feed was fetched stands); an address not subscribed
    is named nothing."""
    url = "http://127.0.0.1:9/quay.xml"
    store = Store(tmp_path / "data")
    try:
        store.add_feed(url, title="Quay Daily Bulletin")
        record = json.loads(store._state.get(f"feed:{url}"))
        assert record.pop("name") == ""
        store._state.set(f"feed:{url}", json.dumps(record))  # as an earlier version wrote it
        fetched = store.feed(url)
        assert fetched == Feed(url, title="Quay Daily Bulletin")
        assert store.name_feed(url, "Harbour desk") is not None
        kept = store.put_feed(Feed(url, title="The Quay Bulletin"))  # read before the rename
        assert (kept.name, kept.title) == ("Harbour desk", "The Quay Bulletin")
        assert store.feed(url) == kept
        assert store.name_feed("http://127.0.0.1:9/other.xml", "Other") is None
    finally:
        store.close()


def test_the_reader_shows_a_feed_by_its_name(tmp_path: Path, httpserver: HTTPServer) -> None:
    """The feed list and the headlines' feed column name the feed by the user's name, made
    safe as any text is (one written to the store by hand, escapes and markup in it)."""
    _, quay, tide = _serve(httpserver)
    data = tmp_path / "data"

    async def subscribe() -> None:
        async with Library(data, workers="thread") as lib:
            lib.add_feed(quay, name="Harbour desk")
            lib.add_feed(tide)
            await lib.refresh()
            lib.store.name_feed(tide, "Tides \x1b]0;pwned\x07[b]mine[/b]")

    asyncio.run(subscribe())

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 2, "the headlines")
            await pilot.pause()
            text = screen_text(app)
            lines = text.splitlines()
            assert sum("Harbour desk" in line for line in lines) == 2  # feed list, headline
            assert sum("Tides [b]mine[/b]" in line for line in lines) == 2
            assert "Quay Daily Bulletin" not in text and "Tide Watch" not in text
            raw = screen_segments(app)
            assert "\x1b" not in raw and "pwned" not in raw

    asyncio.run(run())


def test_feeds_never_fetched_are_told_apart_by_their_paths(tmp_path: Path) -> None:
    """Three feeds of one site that never answered were listed as "http://127.0.0.1:8761/er…",
    "…/go…", "…/no…", cut where they differ (acc27b B3): their paths come first now."""
    lib = Library(tmp_path)
    paths = ("error500/feed.xml", "gone404/feed.xml", "notxml/feed.xml")
    for path in paths:
        lib.add_feed(f"http://127.0.0.1:9/{path}")
    lib.close()

    async def run() -> str:
        async with running(tmp_path, (100, 24), prefetch=False) as (app, _pilot):
            return screen_text(app)

    shown = asyncio.run(run())
    for path in paths:
        assert path[:14] in shown, shown


def test_a_feed_that_renames_itself_names_every_headline_of_it_so(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The feed drops an item and changes its title in one answer: the headline it no longer
    carries kept the old title, read as the name of a feed that was no longer there, beside
    the others under the new one (acc43c C2). Every headline of a subscribed feed is named as
    the feed list names the feed."""
    carried = {"title": "Night Desk Wire", "items": [19, 20]}

    def answer(_request: Request) -> Response:
        items = "".join(
            f"<item><title>Update {n}: council weighs harbour plan</title>"
            f"<link>{httpserver.url_for(f'/update-{n}.html')}</link><guid>u{n}</guid></item>"
            for n in carried["items"]  # type: ignore[attr-defined]
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{carried["title"]}'
            f"</title>{items}</channel></rss>"
        )
        return Response(body, content_type="application/rss+xml")

    httpserver.expect_request("/wire.xml").respond_with_handler(answer)
    data = tmp_path / "data"
    assert reader(data, "add", httpserver.url_for("/wire.xml")).returncode == 0
    carried.update(title="Night Desk Wire (Overnight)", items=[20])
    assert reader(data, "sync", "--no-articles").returncode == 0
    rows = reader(data, "list").stdout.splitlines()
    assert len(rows) == 2
    assert all("Night Desk Wire (Overn" in row for row in rows), rows
    found = reader(data, "list", "--search", "council")
    assert found.returncode == 0, found.stderr
    hits = [line for line in found.stdout.splitlines() if "Update" in line]
    assert len(hits) == 2
    assert all("Night Desk Wire (Overn" in hit for hit in hits), hits
