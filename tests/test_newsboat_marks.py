"""newsboat's read marks come across with its urls file (acc27b B15): `reader import URLS
--read-from` its cache.db (built here with sqlite3 in the schema newsboat 2.21 wrote, copied
from a real run) or its `newsboat -E` list fetches each feed from a server on 127.0.0.1 and marks
read the headlines newsboat had read, by GUID, link or title as newsboat names an item."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.test_cli import reader

# As newsboat 2.21 made it (`sqlite3 cache.db .schema` after `newsboat -x reload`).
RSS_ITEM = """CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,
  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,
  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024),
  enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52),
  deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT "")"""


def ledger(base: str) -> str:
    """Four items: one with a GUID, one with only a link, one with only a title, and one
    newsboat never saw; their links on `base`."""
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
        f"<link>{base}</link>"
        f'<item><title>A</title><link>{base}a.html</link><guid isPermaLink="false">guid-a'
        "</guid></item>"
        f"<item><title>B</title><link>{base}b.html</link></item>"
        "<item><title>C only title</title><description>c</description></item>"
        f"<item><title>D</title><link>{base}d.html</link><guid>guid-d</guid></item>"
        "</channel></rss>"
    )


def serve_feed(server: HTTPServer) -> str:
    """The `ledger` feed served; its address."""
    server.expect_request("/feed.xml").respond_with_data(
        ledger(server.url_for("/")), content_type="application/rss+xml"
    )
    return server.url_for("/feed.xml")


def newsboat_cache(path: Path, feed: str, base: str) -> None:
    """newsboat's cache: A and C read (C flagged), B unread, one of another feed read."""
    with sqlite3.connect(path) as db:
        db.execute(RSS_ITEM)
        rows = [
            ("guid-a", "A", f"{base}a.html", feed, 0, "s"),
            (f"{base}b.html", "B", f"{base}b.html", feed, 1, ""),
            ("C only title", "C only title", "", feed, 0, "x"),
            ("guid-d", "D elsewhere", "", "http://other.example/feed", 0, None),
        ]
        db.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread,"
            " flags) VALUES (?, ?, '', ?, ?, 0, '', ?, ?)",
            rows,
        )
    db.close()


def newsboat_files(
    server: HTTPServer, tmp_path: Path, line: str = 'news "~Ledger"'
) -> tuple[Path, Path]:
    """The `ledger` feed served, newsboat's urls naming it (`line` after its address) and its
    cache.db (`newsboat_cache`): their paths."""
    feed = serve_feed(server)
    urls = tmp_path / "urls"
    urls.write_text(f"{feed} {line}\n", encoding="utf-8")
    cache = tmp_path / "cache.db"
    newsboat_cache(cache, feed, server.url_for("/"))
    return urls, cache


def unread_titles(data_dir: Path) -> list[str]:
    result = reader(data_dir, "list", "--unread")
    assert result.returncode == 0, result
    return sorted(line.split("Ledger: ", 1)[1] for line in result.stdout.splitlines())


def test_import_takes_newsboat_s_read_marks_from_its_cache(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    urls, cache = newsboat_files(httpserver, tmp_path)
    before = cache.read_bytes()
    result = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert result.returncode == 0, result
    assert "fetched 1 feed (4 headlines): 2 marked read as newsboat had them" in result.stdout
    assert "flags on 2 articles are not carried over" in result.stderr
    assert unread_titles(data_dir) == ["B", "D"]
    assert cache.read_bytes() == before  # opened read-only


def test_import_takes_the_list_newsboat_exports(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed = serve_feed(httpserver)
    urls = tmp_path / "urls"
    urls.write_text(f"{feed}\n", encoding="utf-8")
    exported = tmp_path / "read.txt"  # `newsboat -E read.txt`: a read GUID a line
    exported.write_text("C only title\nguid-a\n", encoding="utf-8")
    result = reader(data_dir, "import", str(urls), "--read-from", str(exported))
    assert result.returncode == 0, result
    assert "2 marked read as newsboat had them (2 read in newsboat's list)" in result.stdout
    assert unread_titles(data_dir) == ["B", "D"]


def test_a_file_that_is_no_newsboat_cache_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    urls = tmp_path / "urls"
    urls.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    result = reader(data_dir, "import", str(urls), "--read-from", str(other))
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and "nor newsboat's cache.db" in result.stderr
    assert "no feeds yet" in reader(data_dir, "feeds").stdout


def test_marks_imported_while_a_sync_runs_stay(tmp_path: Path, data_dir: Path) -> None:
    """The import takes no sync lock, and needs none: a sync in flight beside it (here, its
    feed's answer held until the import is done) merges the same feed after the marks landed,
    and they stay. Every write of the read marks is one store transaction that reads them
    afresh (`set_read_many`, a merge, retention), as for `reader mark-read` beside a sync."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    asked = threading.Semaphore(0)
    let_go = threading.Event()
    answers = iter(range(1_000))
    try:
        feed_xml = ledger(server.url_for("/"))

        def answer(_request: Request) -> Response:
            if next(answers) == 1:  # the sync's request (the first is `add`'s): held
                asked.release()
                let_go.wait(60)
            return Response(feed_xml, content_type="application/rss+xml")

        server.expect_request("/feed.xml").respond_with_handler(answer)
        feed = server.url_for("/feed.xml")
        assert reader(data_dir, "add", feed).returncode == 0
        env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
        sync = subprocess.Popen(
            [sys.executable, "-m", "reader", "sync", "--no-articles"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert asked.acquire(timeout=60)  # the sync holds the lock, its feed in flight
            urls = tmp_path / "urls"
            urls.write_text(f"{feed}\n", encoding="utf-8")
            cache = tmp_path / "cache.db"
            newsboat_cache(cache, feed, server.url_for("/"))
            result = reader(data_dir, "import", str(urls), "--read-from", str(cache))
            assert result.returncode == 0, result
            assert "2 marked read as newsboat had them" in result.stdout
        finally:
            let_go.set()
            _, said = sync.communicate(timeout=120)
        assert sync.returncode == 0, said
        assert unread_titles(data_dir) == ["B", "D"]
    finally:
        let_go.set()
        server.stop()


def test_newsboat_s_flagged_articles_are_saved_when_their_letter_is_named(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """acc43a A1: `s`-flagged items were counted and dropped, unnamed; the count now names the
    letters and the option, and `--saved-flags s` saves those items (A, flagged `s`; C's `x`
    stays a count)."""
    feed = serve_feed(httpserver)
    base = httpserver.url_for("/")
    httpserver.expect_request("/a.html").respond_with_data(
        "<html><head><title>A</title></head><body><article><h1>A</h1>"
        + "<p>The harbour wall was raised again this spring, and the council says more.</p>" * 20
        + "</article></body></html>",
        content_type="text/html",
    )
    urls = tmp_path / "urls"
    urls.write_text(f'{feed} news "~Ledger"\n', encoding="utf-8")
    cache = tmp_path / "cache.db"
    newsboat_cache(cache, feed, base)
    told = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert told.returncode == 0, told
    assert "(flags mean what each user gives them; theirs: sx)" in told.stderr
    assert f"--read-from {cache} --saved-flags s`" in told.stderr
    assert reader(data_dir, "list", "--saved").stdout.strip() == ""
    result = reader(
        data_dir,
        "import",
        "--fetch-local",
        str(urls),
        "--read-from",
        str(cache),
        "--saved-flags",
        "s",
    )
    assert result.returncode == 0, result
    assert "saved 1 article newsboat marked flagged" in result.stdout
    assert "flags on 1 article are not carried over" in result.stderr
    saved = reader(data_dir, "list", "--saved").stdout
    assert "A" in saved and saved.count("\n") == 1


def test_saved_flags_without_read_from_is_refused(tmp_path: Path, data_dir: Path) -> None:
    urls = tmp_path / "urls"
    urls.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    result = reader(data_dir, "import", str(urls), "--saved-flags", "s")
    assert result.returncode == 2, result
    assert "--saved-flags" in result.stderr and "--read-from" in result.stderr
    assert "no feeds yet" in reader(data_dir, "feeds").stdout


def test_ctrl_c_keeps_the_marks_of_the_feeds_fetched_and_says_so(
    tmp_path: Path, data_dir: Path
) -> None:
    """acc43a A11: Ctrl-C while the feeds were fetched for their marks left every headline
    unread and said only "interrupted". Each feed's marks now land as it comes: stopped while
    a second feed is still out, the first one's stay, and the line says how far it got."""
    import signal
    import time

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    asked = threading.Semaphore(0)
    let_go = threading.Event()
    try:
        feed = server.url_for("/feed.xml")
        server.expect_request("/feed.xml").respond_with_data(
            ledger(server.url_for("/")), content_type="application/rss+xml"
        )

        def held(_request: Request) -> Response:
            asked.release()
            let_go.wait(120)
            return Response("", status=503)

        server.expect_request("/slow.xml").respond_with_handler(held)
        urls = tmp_path / "urls"
        urls.write_text(f'{feed} "~Ledger"\n{server.url_for("/slow.xml")}\n', encoding="utf-8")
        cache = tmp_path / "cache.db"
        newsboat_cache(cache, feed, server.url_for("/"))
        env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
        config = tmp_path / "config.toml"  # the held feed out till Ctrl-C, on a busy machine
        config.write_text("[network]\nread_timeout = 300.0\ntotal_timeout = 300.0\n")
        run = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reader",
                "--config",
                str(config),
                "import",
                str(urls),
                "--read-from",
                str(cache),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert asked.acquire(timeout=120)  # the slow feed is out
            # The fast one's marks landed (before: none until every feed came), waited for.
            until = time.monotonic() + 90
            while unread_titles(data_dir) != ["B", "D"] and time.monotonic() < until:
                time.sleep(0.2)
            run.send_signal(signal.SIGINT)
            _, said = run.communicate(timeout=120)
        finally:
            let_go.set()
        assert run.returncode == 130, said
        assert "interrupted: 1 of 2 feeds fetched, their read marks applied (2 marked read)" in said
        assert f"`reader import {urls} --read-from {cache}` again brings the rest" in said
        assert unread_titles(data_dir) == ["B", "D"]
    finally:
        let_go.set()
        server.stop()


def test_articles_deleted_in_newsboat_come_across_read(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """acc43a A18: newsboat's `D` sets `deleted` and leaves `unread` as it was; those items
    came back unread. Done with there, they are read here, and counted."""
    urls, cache = newsboat_files(httpserver, tmp_path, '"~Ledger"')
    with sqlite3.connect(cache) as db:  # B, unread, deleted with `D`
        db.execute("UPDATE rss_item SET deleted = 1 WHERE title = 'B'")
    db.close()
    result = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert result.returncode == 0, result
    assert "1 article deleted unread in newsboat: marked read here" in result.stdout
    assert unread_titles(data_dir) == ["D"]


def test_a_feed_at_another_address_gets_its_marks_by_link(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """acc43a A16: a web reader's OPML names the feed `…/feed.xml?format=rss`, newsboat's
    cache.db `…/feed.xml`; its items (the same links) got no mark. Found by their links now."""
    httpserver.expect_request("/feed.xml").respond_with_data(
        ledger(httpserver.url_for("/")), content_type="application/rss+xml"
    )
    feed = httpserver.url_for("/feed.xml")
    urls = tmp_path / "urls"
    urls.write_text(f'{feed}?format=rss "~Ledger"\n', encoding="utf-8")
    cache = tmp_path / "cache.db"
    newsboat_cache(cache, feed, httpserver.url_for("/"))
    result = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert result.returncode == 0, result
    assert "1 marked read as newsboat had them" in result.stdout
    assert unread_titles(data_dir) == ["B", "C only title", "D"]


def test_feeds_not_fetched_are_told_apart_by_why(tmp_path: Path, data_dir: Path) -> None:
    """acc43a A8: "could not be fetched … again applies them once they answer" lumped a 404,
    a 410 (which never will) and a feed too slow for the timeout (a setting away)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    let_go = threading.Event()
    try:
        server.expect_request("/missing.xml").respond_with_data("no", status=404)
        server.expect_request("/gone.xml").respond_with_data("gone", status=410)

        def slow(_request: Request) -> Response:
            let_go.wait(30)  # past the read timeout the config below sets
            return Response("", status=503)

        server.expect_request("/slow.xml").respond_with_handler(slow)
        urls = tmp_path / "urls"
        urls.write_text(
            "".join(f"{server.url_for(p)}\n" for p in ("/missing.xml", "/gone.xml", "/slow.xml")),
            encoding="utf-8",
        )
        exported = tmp_path / "read.txt"
        exported.write_text("guid-a\n", encoding="utf-8")
        config = tmp_path / "config.toml"
        config.write_text("[network]\nread_timeout = 1.0\ntotal_timeout = 2.0\n")
        result = reader(
            data_dir, "--config", str(config), "import", str(urls), "--read-from", str(exported)
        )
        assert result.returncode == 0, result
        assert "3 feeds could not be fetched" in result.stderr
        assert "2 answered 404 or 410 (`reader remove` one gone)" in result.stderr
        assert "1 timed out (a slow site: `[network] read_timeout`, 1 s now)" in result.stderr
    finally:
        let_go.set()
        server.stop()


def test_an_import_from_a_proxied_newsboat_fetches_nothing_till_the_reader_has_its_proxy(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """newsboat's config sends its fetches through Tor, the reader's sets no proxy: the import
    with --read-from fetched every feed directly, each .onion name told to the local DNS
    (acc50f A3). It subscribes, fetches nothing, and says the setting; set, the same command
    brings the marks (the feed is on 127.0.0.1, reached directly through any proxy)."""
    urls, cache = newsboat_files(httpserver, tmp_path)
    (tmp_path / "config").write_text(
        "use-proxy yes\nproxy 127.0.0.1:9050\nproxy-type socks5h\n", encoding="utf-8"
    )
    held = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert held.returncode == 1, held
    assert "Traceback" not in held.stderr
    (line,) = [line for line in held.stderr.splitlines() if "nothing fetched" in line]
    assert 'set proxy = "socks5h://127.0.0.1:9050" in its config first' in line, line
    assert f"`reader import {urls} --read-from {cache}` again" in line, line
    assert httpserver.log == []
    assert serve_feed(httpserver) in reader(data_dir, "feeds").stdout
    (data_dir / "config.toml").write_text(
        '[network]\nproxy = "socks5h://127.0.0.1:9050"\n', encoding="utf-8"
    )
    again = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert again.returncode == 0, again
    assert "nothing fetched" not in again.stderr
    assert unread_titles(data_dir) == ["B", "D"]
