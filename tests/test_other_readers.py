"""Moving in from newsraft, nom and lemon24's reader (acc35a E1, E2, E4): `reader import` reads
newsraft's `feeds` file (its sections folders, in its order in the feed list; its quoted names the
feeds' names), nom's
`config.yml` (its feeds' urls and names) and lemon24's reader's database (its feeds, their
titles and tags, and its read marks, applied once each feed is fetched from a server on
127.0.0.1). A file naming no feed is one line and exit 1, not "0 feeds added"."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.ui.widgets.main.feed_list import FeedList
from tests.test_cli import reader
from tests.test_newsboat_marks import RSS_ITEM, serve_feed
from tests.test_saved_links import STORY
from tests.tui_pilot import running, screen_text, until

NEWSRAFT = """\
# newsraft feeds file
http://news.example/front.xml "Front page" [30]

@ Harbour [60]
http://news.example/harbour.xml "Harbour desk"
http://news.example/ferries.xml {100}
$(cat ~/local-feed.xml) "Local"

@ Long reads
http://news.example/essays.xml "Essays" [1440] {50}
not-an-address "Nothing"

@ Global
http://news.example/weather.xml "Weather warnings"
"""


def _feeds(data_dir: Path) -> list[dict[str, object]]:
    shown = reader(data_dir, "feeds", "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def test_newsraft_s_feeds_file_brings_its_sections_as_folders_and_its_names(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "my-feeds.txt"
    path.write_text(NEWSRAFT, encoding="utf-8")
    done = reader(data_dir, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "read as newsraft's feeds file (sections as folders)"
    assert "5 feeds added" in done.stdout
    assert "3 feeds filed under 2 tags: Harbour, Long reads" in done.stdout
    # Its command line is counted, not run, and a line that names no address said.
    assert "left out 1 feed of newsraft's $(command) kind" in done.stderr
    assert "left out 1 feed whose address is not http(s)" in done.stderr
    feeds = {str(f["url"]): (f["name"], f["tags"]) for f in _feeds(data_dir)}
    assert feeds == {
        "http://news.example/front.xml": ("Front page", []),
        "http://news.example/harbour.xml": ("Harbour desk", ["Harbour"]),
        "http://news.example/ferries.xml": ("", ["Harbour"]),
        "http://news.example/essays.xml": ("Essays", ["Long reads"]),
        "http://news.example/weather.xml": ("Weather warnings", []),  # "@ Global": no section
    }
    # Each section a folder, as an OPML file's (acc51b B9), its name a tag too.
    folders = {str(f["url"]): f["folders"] for f in _feeds(data_dir)}
    assert folders["http://news.example/harbour.xml"] == [["Harbour"]]
    assert folders["http://news.example/essays.xml"] == [["Long reads"]]
    assert folders["http://news.example/front.xml"] == []


def test_newsraft_s_sections_are_folders_of_the_feed_list_in_the_file_s_order(
    tmp_path: Path, data_dir: Path
) -> None:
    """The feed list shows newsraft's sections as it does an OPML file's folders, each above its
    feeds, in the file's order (Tech before Leisure), not as "#Leisure" and "#Tech" rows in
    alphabetical order above every feed (acc51b B9). Driven with Pilot; nothing fetched."""
    path = tmp_path / "feeds"
    path.write_text(
        'http://news.example/front.xml "Front page"\n\n@ Tech [30]\n'
        'http://news.example/tech.xml "Lantern"\n\n@ Leisure\n'
        'http://news.example/garden.xml "Garden"\n',
        encoding="utf-8",
    )
    assert reader(data_dir, "import", str(path)).returncode == 0

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            feeds = app.main_screen.query_one(FeedList)
            await until(pilot, lambda: "Garden" in feeds.names, "the feed list")
            assert feeds.names == [
                "All feeds",
                "Saved",
                "Front page",
                "Tech",
                "Lantern",
                "Leisure",
                "Garden",
            ], feeds.names
            assert "#Tech" not in screen_text(app)

    asyncio.run(run())


def test_a_file_named_feeds_is_newsraft_s_and_one_named_urls_newsboat_s(
    tmp_path: Path, data_dir: Path
) -> None:
    """Without a section, a quoted word after an address is a name in newsraft's `feeds` and
    a tag in newsboat's `urls`: the file's name tells them apart (each program's own)."""
    lines = 'http://news.example/a.xml "Crime desk"\n'
    (tmp_path / "feeds").write_text(lines, encoding="utf-8")
    (tmp_path / "urls").write_text(lines.replace("a.xml", "b.xml"), encoding="utf-8")
    assert reader(data_dir, "import", str(tmp_path / "feeds")).returncode == 0
    assert reader(data_dir, "import", str(tmp_path / "urls")).returncode == 0
    feeds = {str(f["url"]): (f["name"], f["tags"]) for f in _feeds(data_dir)}
    assert feeds == {
        "http://news.example/a.xml": ("Crime desk", []),
        "http://news.example/b.xml": ("", ["Crime desk"]),
    }


def test_nom_s_config_brings_its_feeds_their_names_and_tags(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "config.yml"
    path.write_text(
        "showread: false\n"
        "openers:\n"
        '  - regex: "youtube"\n'
        '    cmd: "mpv %s"\n'
        "feeds:\n"
        "  - url: https://news.example/a.xml\n"
        "    # the desk's own\n"
        "    tags:\n"  # as its README writes them, before the name here: a name kept all the same
        "      - harbour\n"
        "      - 'local news'\n"
        "    name: Harbour desk\n"
        "  - url: 'https://news.example/b.xml'\n"
        "    tags: [essays, long]\n"
        '  - name: "Essays, long"\n'
        '    url: "https://news.example/c.xml"  \n'
        "  - url: ftp://news.example/d.xml\n"
        "backends:\n"
        "  miniflux:\n"
        "    url: https://miniflux.example/\n",
        encoding="utf-8",
    )
    done = reader(data_dir, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "read as nom's config.yml"
    assert "left out 1 feed whose address is not http(s)" in done.stderr
    feeds = [(f["url"], f["name"], f["tags"]) for f in _feeds(data_dir)]
    assert feeds == [
        ("https://news.example/a.xml", "Harbour desk", ["harbour", "local news"]),
        ("https://news.example/b.xml", "", ["essays", "long"]),
        ("https://news.example/c.xml", "Essays, long", []),
    ]


def test_nom_s_quoted_values_with_a_comment_after_them_and_left_out_feeds_named(
    tmp_path: Path, data_dir: Path
) -> None:
    """A quoted scalar with `# comment` after it is its text, as YAML reads it (acc51b B4: the
    address taken with its quotes and comment, the feed left out unnamed; a name kept its
    quotes); a feed left out, of nom's file or newsraft's, is named by its address or line."""
    path = tmp_path / "config.yml"
    path.write_text(
        "feeds:\n"
        "  - url: 'https://news.example/garden.xml'   # the allotment\n"
        "    name: Garden # comment\n"
        "    tags: [home, 'weekend'] # two\n"
        "  - url: https://news.example/harbour.xml\n"
        '    name: "Harbour" # quoted, then a comment\n'
        '  - url: "ftp://news.example/old.xml" # not http\n',
        encoding="utf-8",
    )
    done = reader(data_dir, "import", str(path))
    assert done.returncode == 0, done.stderr
    feeds = [(f["url"], f["name"], f["tags"]) for f in _feeds(data_dir)]
    assert feeds == [
        ("https://news.example/garden.xml", "Garden", ["home", "weekend"]),
        ("https://news.example/harbour.xml", "Harbour", []),
    ]
    assert done.stderr == (
        "reader: left out 1 feed whose address is not http(s):\n"
        "reader: - <ftp://news.example/old.xml>\n"
    )
    newsraft = tmp_path / "feeds"
    newsraft.write_text(
        '@ News\nhttps://news.example/tech.xml "Tech"\n'
        'https://news.example/front.xml "Front page" < reload-period 30 >\n',
        encoding="utf-8",
    )
    done = reader(data_dir, "import", str(newsraft))
    assert done.returncode == 0, done.stderr
    assert (
        "left out 1 feed whose line could not be read:\n"
        'reader: - https://news.example/front.xml "Front page" < reload-period 30 >\n'
    ) in done.stderr


def test_a_file_naming_no_feed_is_one_line_and_exit_1(tmp_path: Path, data_dir: Path) -> None:
    empty = tmp_path / "empty.opml"
    empty.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head>'
        "<body></body></opml>",
        encoding="utf-8",
    )
    done = reader(data_dir, "import", str(empty))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"reader: {empty} names no feed to subscribe to\n"
    queries = tmp_path / "urls"
    queries.write_text('"query:Unread:unread = \\"yes\\""\n', encoding="utf-8")
    done = reader(data_dir, "import", str(queries))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "reader: left out 1 feed of newsboat's query: kind (a search over other feeds, with no"
        " address): the reader's is a search feed (`reader search-feed add NAME WORDS…`, or `+`"
        " on `F`'s hits), which finds words in the articles' text, not newsboat's expressions"
        " over an item's fields, so none is made from it",
        f"reader: {queries} names no feed to subscribe to",
    ]
    assert _feeds(data_dir) == []


# As lemon24's reader 3.26 wrote them (`SELECT sql FROM sqlite_master` of a database it made),
# the columns this import reads and those they can't be without.
LEMON24_TABLES = (
    "CREATE TABLE feeds (url TEXT PRIMARY KEY NOT NULL, title TEXT, link TEXT, updated"
    " TIMESTAMP, author TEXT, subtitle TEXT, version TEXT, user_title TEXT, caching_info TEXT,"
    " data_hash BLOB, stale INTEGER NOT NULL DEFAULT 0, updates_enabled INTEGER NOT NULL"
    " DEFAULT 1, update_after TIMESTAMP, last_retrieved TIMESTAMP, last_updated TIMESTAMP,"
    " added TIMESTAMP NOT NULL, last_exception TEXT)",
    "CREATE TABLE entries (id TEXT NOT NULL, feed TEXT NOT NULL, title TEXT, link TEXT, read"
    " INTEGER, important INTEGER, PRIMARY KEY (id, feed))",
    "CREATE TABLE feed_tags (feed TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " PRIMARY KEY (feed, key))",
)


def test_lemon24_s_database_brings_feeds_titles_tags_and_read_marks(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed = serve_feed(httpserver)
    base = httpserver.url_for("/")
    httpserver.expect_request("/d.html").respond_with_data(STORY, content_type="text/html")
    other = "http://news.example/never.xml"
    database = tmp_path / "db.sqlite"
    with sqlite3.connect(database) as db:
        for table in LEMON24_TABLES:
            db.execute(table)
        db.executemany(
            "INSERT INTO feeds (url, user_title, added) VALUES (?, ?, ?)",
            [(feed, "My ledger", "2026-12-01 10:00:00"), (other, None, "2026-12-02 10:00:00")],
        )
        db.executemany(
            "INSERT INTO feed_tags VALUES (?, ?, ?)",
            [(feed, "harbour", "null"), (feed, ".reader.plugin-state", "{}")],
        )
        # A read by its GUID, B by its link (the id lemon24 gave it), D unread and important.
        db.executemany(
            "INSERT INTO entries (id, feed, link, read, important) VALUES (?, ?, ?, ?, ?)",
            [
                ("guid-a", feed, f"{base}a.html", 1, 0),
                (f"{base}b.html", feed, f"{base}b.html", 1, 0),
                ("guid-d", feed, f"{base}d.html", 0, 1),
            ],
        )
    done = reader(data_dir, "import", str(database))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "read as lemon24's reader's database (its titles, tags, read marks)"
    assert "2 feeds added" in lines[1]
    assert lines[-2].startswith("fetched 1 feed (4 headlines): 2 marked read as lemon24's")
    # Its important mark, as newsraft's: an article to keep, saved here (`reader save`).
    assert lines[-1] == (
        "saved 1 article lemon24's reader marked important (`reader list --saved`): 1 for"
        " offline reading"
    )
    assert "1 feed could not be fetched" in done.stderr  # news.example: no such site here
    feeds = {str(f["url"]): (f["name"], f["tags"]) for f in _feeds(data_dir)}
    assert feeds[feed] == ("My ledger", ["harbour"])  # a plugin's record is no tag
    listed = json.loads(reader(data_dir, "list", "--json").stdout)
    assert [h["title"] for h in listed if h["saved"]] == ["D"]
    assert sorted((h["title"], h["read"]) for h in listed) == [
        ("A", True),
        ("B", True),
        ("C only title", False),
        ("D", False),
    ]


def test_another_sqlite_file_is_named_in_one_line(tmp_path: Path, data_dir: Path) -> None:
    cache = tmp_path / "cache.db"
    with sqlite3.connect(cache) as db:
        db.execute(RSS_ITEM)
    done = reader(data_dir, "import", str(cache))
    assert done.returncode == 1
    assert done.stderr == (
        f"reader: {cache} is newsboat's cache.db: import newsboat's urls file (or its OPML"
        " export) with --read-from for its read marks\n"
    )
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    done = reader(data_dir, "import", str(other))
    assert done.returncode == 1
    assert done.stderr == (
        f"reader: {other} is an SQLite database, but not newsraft's, nom's, lemon24's reader's"
        " nor newsboat's cache.db\n"
    )
    assert _feeds(data_dir) == []
