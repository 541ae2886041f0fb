"""Moving in from newsraft and nom with their read marks: `reader import` of newsraft's
newsraft.sqlite3 or nom's nom.db (built here with the tables as each program's source creates
them: newsraft's src/db.c, nom's internal/store/store.go with its migrations) subscribes their
feeds, marks read, once each is fetched from a server on 127.0.0.1, the headlines they had read,
and saves the articles newsraft marked important and nom favourite. Their feeds file and
config.yml say where that database is, and take it with --read-from (names and sections from
the file, marks from the database). A database locked by newsraft running is one line."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_cli import reader
from tests.test_newsboat_marks import serve_feed
from tests.test_saved_links import STORY

# newsraft 0.34's src/db.c, as it creates its tables.
NEWSRAFT_TABLES = (
    "CREATE TABLE IF NOT EXISTS feeds("
    "feed_url TEXT NOT NULL UNIQUE,"
    "title TEXT,"
    "link TEXT,"
    "content TEXT,"
    "attachments TEXT,"
    "persons TEXT,"
    "extras TEXT,"
    "download_date INTEGER NOT NULL DEFAULT 0,"
    "update_date INTEGER NOT NULL DEFAULT 0,"
    "time_to_live INTEGER NOT NULL DEFAULT 0,"
    "http_header_etag TEXT,"
    "http_header_last_modified INTEGER NOT NULL DEFAULT 0,"
    "http_header_expires INTEGER NOT NULL DEFAULT 0,"
    "user_data TEXT"
    ");"
    "CREATE TABLE IF NOT EXISTS items("
    "feed_url TEXT NOT NULL,"
    "guid TEXT NOT NULL,"
    "title TEXT,"
    "link TEXT,"
    "content TEXT,"
    "attachments TEXT,"
    "persons TEXT,"
    "extras TEXT,"
    "download_date INTEGER NOT NULL DEFAULT 0,"
    "publication_date INTEGER NOT NULL DEFAULT 0,"
    "update_date INTEGER NOT NULL DEFAULT 0,"
    "unread INTEGER NOT NULL DEFAULT 0,"
    "important INTEGER NOT NULL DEFAULT 0,"
    "user_data TEXT"
    ");"
    "CREATE INDEX IF NOT EXISTS idx_items_guid ON items("
    "feed_url,"
    "guid"
    ");"
    "CREATE INDEX IF NOT EXISTS idx_items_eight_way ON items("
    "feed_url,"
    "guid,"
    "title,"
    "link,"
    "publication_date,"
    "update_date,"
    "unread,"
    "important"
    ");"
)

# nom's internal/store/store.go: dbSetup's tables, then its migrations in order.
NOM_TABLES = """
    create table items (id integer primary key, feedurl text, link text, title text, content text, author text, readat datetime, publishedat datetime, updatedat datetime, createdat datetime);
    create table migrations (id integer not null, runat datetime);
    alter table items add favourite boolean not null default 0;
    alter table items add guid text;
    insert into migrations (id, runat) values (0, '2026-11-01 10:00:00'), (1, '2026-11-01 10:00:00');
"""

ELSEWHERE = "http://news.example/never.xml"  # no such site here: a feed that can't be fetched


def _serve(server: HTTPServer) -> tuple[str, str]:
    """The ledger feed (items A, B, C only title, D) and the pages of D and of E, an item its
    feed no longer lists; the feed's address and the pages' base."""
    feed = serve_feed(server)
    for name, title in (("d", "D"), ("e", "Essay gone from the feed")):
        page = STORY.replace("Harbour storm closes the ferry", title)
        server.expect_request(f"/{name}.html").respond_with_data(page, content_type="text/html")
    return feed, server.url_for("/")


def _newsraft_db(path: Path, feed: str, base: str) -> None:
    """A, B (its GUID its link, as newsraft makes one) and C (its title) read; D unread and
    important; E important, no longer in its feed; one important with no link."""
    with sqlite3.connect(path) as db:
        db.executescript(NEWSRAFT_TABLES)
        db.executemany(
            "INSERT INTO feeds (feed_url, title) VALUES (?, ?)",
            [(feed, "Ledger"), (ELSEWHERE, "Never here")],
        )
        db.executemany(
            "INSERT INTO items (feed_url, guid, title, link, unread, important)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (feed, "guid-a", "A", f"{base}a.html", 0, 0),
                (feed, f"{base}b.html", "B", f"{base}b.html", 0, 0),
                (feed, "C only title", "C only title", "", 0, 0),
                (feed, "guid-d", "D", f"{base}d.html", 1, 1),
                (feed, "guid-e", "Essay gone from the feed", f"{base}e.html", 0, 1),
                (feed, "no link", "No link", "", 1, 1),
            ],
        )
    db.close()


def _nom_db(path: Path, feed: str, base: str) -> None:
    """A read (its GUID), B read (from before nom kept GUIDs: its link), D a favourite, and
    the favourite E of a feed taken out of its config since (nom keeps favourites)."""
    with sqlite3.connect(path) as db:
        db.executescript(NOM_TABLES)
        db.executemany(
            "INSERT INTO items (feedurl, guid, link, title, readat, favourite, createdat)"
            " VALUES (?, ?, ?, ?, ?, ?, '2026-11-01 10:00:00')",
            [
                (feed, "guid-a", f"{base}a.html", "A", "2026-11-02 08:00:00", 0),
                (feed, None, f"{base}b.html", "B", "2026-11-02 08:01:00", 0),
                (feed, "guid-d", f"{base}d.html", "D", None, 1),
                (ELSEWHERE, "e", f"{base}e.html", "Essay gone from the feed", None, 1),
            ],
        )
    db.close()


def _unread(data_dir: Path) -> list[str]:
    listed = json.loads(reader(data_dir, "list", "--unread", "--json").stdout)
    return sorted(str(h["title"]) for h in listed)


def _saved(data_dir: Path) -> list[str]:
    listed = json.loads(reader(data_dir, "list", "--saved", "--json").stdout)
    return sorted(str(h["title"]) for h in listed)


def _feeds(data_dir: Path) -> dict[str, tuple[object, object]]:
    shown = json.loads(reader(data_dir, "feeds", "--json").stdout)
    return {str(f["url"]): (f["name"], f["tags"]) for f in shown}


def test_newsraft_s_database_brings_its_feeds_read_marks_and_important_articles(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed, base = _serve(httpserver)
    database = tmp_path / "newsraft.sqlite3"
    _newsraft_db(database, feed, base)
    before = database.read_bytes()
    done = reader(data_dir, "import", str(database))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "read as newsraft's database (its read marks and important articles; its feeds file"
        " names its feeds, their names and sections: import that with --read-from this database"
        " to keep them)"
    )
    assert "2 feeds added" in lines[1]
    assert (
        "fetched 1 feed (4 headlines): 3 marked read as newsraft had them (4 read in newsraft's"
        " list)" in lines
    )
    assert (
        # E is a link of the database's own to this computer: saved, not fetched, as an
        # export's links are (`saved_imports`); D is its feed's headline.
        "saved 2 articles newsraft marked important (`reader list --saved`): 1 for offline"
        " reading, 1 as a link to this computer or its network, not fetched (open one to fetch"
        " it)" in lines
    )
    assert "1 feed could not be fetched (Never here)" in done.stderr
    assert "left out 1 article newsraft marked important with no web address" in done.stderr
    assert _unread(data_dir) == ["D"]
    assert _saved(data_dir) == ["D", "Essay gone from the feed"]
    assert database.read_bytes() == before  # opened read-only


def test_nom_s_config_says_where_its_database_is_and_takes_it_with_read_from(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed, base = _serve(httpserver)
    config = tmp_path / "config.yml"
    config.write_text(
        f"database: mine.db\nfeeds:\n  - url: {feed}\n    name: Harbour ledger\n",
        encoding="utf-8",
    )
    _nom_db(tmp_path / "mine.db", feed, base)
    done = reader(data_dir, "import", str(config))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        f"nom keeps its read marks and favourites in its database, {tmp_path / 'mine.db'}:"
        f" `reader import {config} --read-from {tmp_path / 'mine.db'}` brings them (the feeds"
        " fetched then)"
    )
    assert _unread(data_dir) == []  # nothing fetched yet
    done = reader(data_dir, "import", str(config), "--read-from", str(tmp_path / "mine.db"))
    assert done.returncode == 0, done.stderr
    assert "fetched 1 feed (4 headlines): 2 marked read as nom had them" in done.stdout
    assert (
        "saved 2 articles nom marked favourite (`reader list --saved`): 1 for offline"
        in done.stdout
    )
    assert _feeds(data_dir) == {feed: ("Harbour ledger", [])}  # the config's feeds alone
    assert _unread(data_dir) == ["C only title", "D"]
    assert _saved(data_dir) == ["D", "Essay gone from the feed"]


def test_nom_s_database_alone_subscribes_the_feeds_its_items_are_of(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed, base = _serve(httpserver)
    database = tmp_path / "nom.db"
    _nom_db(database, feed, base)
    done = reader(data_dir, "import", str(database))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith(
        "read as nom's database (its read marks and favourites; its config.yml names its feeds,"
        " their names and tags:"
    )
    assert set(_feeds(data_dir)) == {feed, ELSEWHERE}
    assert _unread(data_dir) == ["C only title", "D"]


def test_newsraft_s_feeds_file_names_its_database_and_takes_its_marks(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed, base = _serve(httpserver)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    database = tmp_path / "data" / "newsraft" / "newsraft.sqlite3"
    feeds = tmp_path / "feeds"
    feeds.write_text(f'@ Money\n{feed} "My ledger"\n', encoding="utf-8")
    done = reader(data_dir, "import", str(feeds))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith(
        f"newsraft keeps its read marks and important articles in its database, {database}"
        " (none there now: where it keeps one by default): `reader import"
    )
    database.parent.mkdir(parents=True)
    _newsraft_db(database, feed, base)
    done = reader(data_dir, "import", str(feeds), "--read-from", str(database))
    assert done.returncode == 0, done.stderr
    assert "3 marked read as newsraft had them" in done.stdout
    assert _feeds(data_dir) == {feed: ("My ledger", ["Money"])}
    assert _unread(data_dir) == ["D"]


def test_a_database_newsraft_holds_locked_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    database = tmp_path / "newsraft.sqlite3"
    _newsraft_db(database, "http://127.0.0.1:9/feed.xml", "http://127.0.0.1:9/")
    running = sqlite3.connect(database)
    try:
        # As newsraft holds it while it runs: its locking mode exclusive, after a write.
        running.execute("PRAGMA locking_mode = EXCLUSIVE")
        running.execute("UPDATE items SET unread = unread")
        running.commit()
        done = reader(data_dir, "import", str(database))
    finally:
        running.close()
    assert done.returncode == 1
    assert done.stderr == (
        f"reader: {database} is locked by the reader using it (newsraft locks its database"
        " while it runs): quit it, then import again\n"
    )
    assert _feeds(data_dir) == {}


# newsraft's items of no GUID, link nor title: their content as its database keeps it, and
# the GUID newsraft gave each, its src/string.c's `newsraft_simple_hash` of that content (the
# function compiled from newsraft 0.34's source with gcc on x86-64, where C's char is signed).
_MICRO_POSTS = [
    (
        "<p>Low tide at noon.</p>",
        r".6kqo:)pfLW|pIP5Ke16\ r`%_~?aV><fqUbYWl4c\e<P>:!_E|k63:NC#e#RzDk",
        0,
    ),
    (
        "Ferry café: ça marche",
        'qN_?Za*iLH{*GKm@YXH$;A>2Eoszu>"tZ_[z2=#JtZ3aRhnXcjMz"G%,Trny"uFc',
        0,
    ),
    (
        "<p>Storm warning lifted.</p>",
        'sD~XB"l>o7V1UosiWJA5O@pYZR;4Jd*1-FIM@8v;Q^XS&+-5#h&Cs[Z:0 ki){CA',
        1,
    ),
]


def test_newsraft_s_items_named_by_a_hash_of_their_text_are_found_by_it(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """A feed of micro-posts (no title, no link, no GUID): newsraft names each by a hash of its
    content, the reader by the start of its text; its read marks found them by neither."""
    items = "".join(
        f"<item><description>{html.escape(text)}</description></item>"
        for text, _, _ in _MICRO_POSTS
    )
    httpserver.expect_request("/posts.xml").respond_with_data(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Posts</title>'
        f"<link>{httpserver.url_for('/')}</link>{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    feed = httpserver.url_for("/posts.xml")
    database = tmp_path / "newsraft.sqlite3"
    with sqlite3.connect(database) as db:
        db.executescript(NEWSRAFT_TABLES)
        db.execute("INSERT INTO feeds (feed_url, title) VALUES (?, 'Posts')", (feed,))
        db.executemany(
            "INSERT INTO items (feed_url, guid, content, unread) VALUES (?, ?, ?, ?)",
            [
                (feed, guid, f"\x1f^\x1ftype=text/html\x1ftext={text}", unread)
                for text, guid, unread in _MICRO_POSTS
            ],
        )
    db.close()
    done = reader(data_dir, "import", str(database))
    assert done.returncode == 0, done.stderr
    assert "fetched 1 feed (3 headlines): 2 marked read as newsraft had them" in done.stdout
    assert _unread(data_dir) == ["Storm warning lifted."]
