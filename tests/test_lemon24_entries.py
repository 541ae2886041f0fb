"""What lemon24's reader held of its entries, brought across by `reader import` of its database
(acc51b B3): the tags it gave an entry as the article's tags (an entry tagged and not important
saved to carry them, as `reader tag` saves one); an important entry its feed no longer lists
saved with lemon24's title and text, as a wallabag export's copy is, when its page does not
come, and saved at the time it was marked important; a tag's value and a feed whose updates it
disabled said left out, a line each; and an import again says what it did, not "saved 2" when
one was left unsaved (acc51b B10). A feed served on 127.0.0.1, the CLI as a user runs it."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_cli import reader
from tests.test_newsboat_marks import serve_feed
from tests.test_saved_links import STORY

# As lemon24's reader 3.26 wrote them (`SELECT sql FROM sqlite_master`), the columns read.
TABLES = (
    "CREATE TABLE feeds (url TEXT PRIMARY KEY NOT NULL, title TEXT, user_title TEXT,"
    " updates_enabled INTEGER NOT NULL DEFAULT 1, added TIMESTAMP NOT NULL)",
    "CREATE TABLE entries (id TEXT NOT NULL, feed TEXT NOT NULL, title TEXT, link TEXT,"
    " summary TEXT, content TEXT, read INTEGER, important INTEGER, important_modified"
    " TIMESTAMP, PRIMARY KEY (id, feed))",
    "CREATE TABLE feed_tags (feed TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " PRIMARY KEY (feed, key))",
    "CREATE TABLE entry_tags (id TEXT NOT NULL, feed TEXT NOT NULL, key TEXT NOT NULL, value"
    " TEXT NOT NULL, PRIMARY KEY (id, feed, key))",
)
BRIDGE = (
    "<p>Plans for a bridge to the island were drawn up three times, and three times the"
    " council found the money went to the ferry instead, its minutes say.</p>"
)


def _database(path: Path, feed: str, base: str) -> None:
    with sqlite3.connect(path) as db:
        for table in TABLES:
            db.execute(table)
        db.executemany(
            "INSERT INTO feeds (url, updates_enabled, added) VALUES (?, ?, ?)",
            [(feed, 1, "2026-12-01 10:00:00"), ("http://news.example/quiet.xml", 0, "2026")],
        )
        db.execute("INSERT INTO feed_tags VALUES (?, 'hobby', '\"weekly\"')", (feed,))
        content = json.dumps([{"type": "text/html", "value": BRIDGE}])
        db.executemany(
            "INSERT INTO entries (id, feed, title, link, summary, content, read, important,"
            " important_modified) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            [
                # A, listed by the feed: tagged there, not important.
                ("guid-a", feed, "A", f"{base}a.html", None, None, 0, None),
                # An important entry the feed no longer lists, its page gone.
                (
                    "old-bridge",
                    feed,
                    "The bridge that never was",
                    f"{base}bridge.html",
                    "Plans for a bridge.",
                    content,
                    1,
                    "2025-03-04 05:06:07.123456",
                ),
            ],
        )
        db.executemany(
            "INSERT INTO entry_tags VALUES (?, ?, ?, 'null')",
            [("guid-a", feed, "keyboards"), ("old-bridge", feed, "history")],
        )
    db.close()


def _served(httpserver: HTTPServer, database: Path) -> Path:
    """The feed and A's page served, the bridge's gone (404), and lemon24's database of them
    written at `database`."""
    feed = serve_feed(httpserver)
    base = httpserver.url_for("/")
    httpserver.expect_request("/a.html").respond_with_data(STORY, content_type="text/html")
    httpserver.expect_request("/bridge.html").respond_with_data("Not found", status=404)
    _database(database, feed, base)
    return database


def test_lemon24_s_entry_tags_important_times_and_texts_come_across(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    database = _served(httpserver, tmp_path / "lemon.sqlite")
    done = reader(data_dir, "import", str(database))
    assert done.returncode == 0, done.stderr
    assert "saved 2 articles lemon24's reader marked important or tagged (1 tagged alone)" in (
        done.stdout
    )
    assert "filed under 2 tags it gave them: history, keyboards" in done.stdout
    # What has no counterpart here is said, a line each.
    assert "left out: 1 tag with a value in lemon24's reader" in done.stderr
    assert "1 feed whose updates lemon24's reader had disabled" in done.stderr
    assert "http://news.example/quiet.xml" in done.stderr
    listed = json.loads(reader(data_dir, "list", "--saved", "--json").stdout)
    by_title = {h["title"]: h for h in listed}
    assert by_title["A"]["tags"] == ["keyboards"]
    bridge = by_title["The bridge that never was"]
    assert bridge["tags"] == ["history"]
    assert bridge["saved_at"].startswith("2025-03-04T05:06:07")  # marked important then
    shown = reader(data_dir, "show", "--offline", "--format", "json", bridge["link"])
    assert shown.returncode == 0, shown.stderr
    article = json.loads(shown.stdout)
    assert article["kept_by"] == "lemon24's reader"
    assert "three times the council found the money went to the ferry" in article["text"]

    # Unsaved here since: an import again leaves it so and says so, not "saved 2".
    assert reader(data_dir, "unsave", by_title["A"]["id"]).returncode == 0
    again = reader(data_dir, "import", str(database))
    assert again.returncode == 0, again.stderr
    assert (
        "saved 0 of the 2 articles lemon24's reader marked important or tagged (1 tagged alone)"
        " (`reader list --saved`): 1 saved before, 1 you unsaved since: left as you left them"
    ) in again.stdout
    assert "tags it gave them" not in again.stdout


def test_lemon24_s_database_imported_again_says_only_what_it_did(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """An import again of the same database changes nothing: it files no tag and subscribes
    to no feed, so it says no "tag kept, its value left out" nor "subscribed as any", which
    the first said of what it did (acc51b: both said again)."""
    database = _served(httpserver, tmp_path / "lemon.sqlite")
    first = reader(data_dir, "import", str(database))
    assert first.returncode == 0, first.stderr
    assert "left out: 1 tag with a value" in first.stderr
    assert "left out: 1 feed whose updates lemon24's reader had disabled" in first.stderr
    again = reader(data_dir, "import", str(database))
    assert again.returncode == 0, again.stderr
    assert "left out:" not in again.stderr, again.stderr
    assert "0 feeds added, 2 already subscribed" in again.stdout
    assert "filed under" not in again.stdout, again.stdout
    assert "2 saved before" in again.stdout


def test_lemon24_s_gzipped_export_is_read_and_another_gzip_said(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """lemon24's reader's only export (`python -m reader export`: a `.sqlite.gz`) is its
    database gzipped: read as it is (acc51b B8: refused as "not UTF-8 text"); another gzipped
    file is one line saying to unzip it, exit 1."""
    database = _served(httpserver, tmp_path / "reader.2026-12-07-21-09-19.sqlite")
    packed = tmp_path / f"{database.name}.gz"
    packed.write_bytes(gzip.compress(database.read_bytes()))
    done = reader(data_dir, "import", str(packed))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("read as lemon24's reader's database")
    assert "saved 2 articles lemon24's reader marked important or tagged" in done.stdout
    other = tmp_path / "feeds.opml.gz"
    other.write_bytes(gzip.compress(b"<opml version='2.0'><body/></opml>"))
    refused = reader(data_dir, "import", str(other))
    assert refused.returncode == 1
    assert refused.stderr == (
        f"reader: {other} is gzipped: unzip it first (gunzip -k FILE), then import what it holds\n"
    )
