"""What the reader prints in an ASCII locale (`LANG=C`, a cron job's, a rescue shell's) is
typed back: its words are transliterated, but a path or an address printed to be used again is
written as its bytes, as `readlink` writes them ("Büro" printed "Buro" named a folder that isn't
there, acc51a A1), and a feed's name as shown ("Strasse -- Fluss") names the feed (A9)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.pty_reader import reader_in_pty

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tagblatt für Straße — Fluß</title>
<link>http://example.org/</link>
<item><title>Ein Bericht</title><link>http://example.org/1</link><guid>g1</guid></item>
</channel></rss>"""


def reader(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`reader ARGS` under `LANG=C` alone, as a crontab runs it (Python coerces it to C.UTF-8
    for itself: PEP 538)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE")}
    env.update(LANG="C", READER_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], env=env, capture_output=True, timeout=120
    )


def test_a_path_printed_in_an_ascii_locale_is_the_path(tmp_path: Path) -> None:
    home = tmp_path / "Nachrichten-Büro" / "news"
    asked = reader(home, "config", "--path")
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == os.fsencode(home / "config.toml") + b"\n"
    missing = reader(home, "list")
    assert os.fsencode(home) in missing.stderr and missing.stderr.count(b"\n") == 1
    # The words around it are still transliterated: no other byte above ASCII.
    assert missing.stderr.replace(os.fsencode(home), b"").isascii(), missing.stderr
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[ui\n", encoding="utf-8")
    mended = reader(home, "config")
    assert mended.returncode == 78 and os.fsencode(home / "config.toml") in mended.stderr


def test_a_feed_s_address_printed_in_an_ascii_locale_is_taken_back(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/büro/feed.xml").respond_with_data(
        FEED, content_type="application/rss+xml"
    )
    address = httpserver.url_for("/büro/feed.xml")
    home = tmp_path / "lib"
    assert reader(home, "add", address).returncode == 0
    feeds = reader(home, "feeds")
    assert address.encode() in feeds.stdout.splitlines()[1], feeds.stdout
    assert feeds.stdout.startswith(b"Tagblatt fur Strasse -- Fluss  ("), feeds.stdout
    listed = reader(home, "list", "--feed", "Tagblatt fur Strasse -- Fluss")
    assert listed.returncode == 0 and b"Ein Bericht" in listed.stdout, listed.stderr
    shown = feeds.stdout.splitlines()[1].strip().decode("utf-8")
    removed = reader(home, "remove", shown)
    assert removed.returncode == 0, removed.stderr


NAMED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Straße &amp; Fluß</title>
<link>http://example.org/</link>
<item><title>Kıyı: Große Æbler på Ærø</title><link>http://example.org/1</link><guid>g1</guid></item>
</channel></rss>"""


def test_the_screen_in_an_ascii_locale_shows_letters_as_they_are_typed_back(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The screen is cell for cell: ß, æ and Æ were "?" there ("Stra?e & Flu?"), which typed
    back names nothing, where the command line's lines have "Strasse" and the search takes it
    for "Straße" (acc51a A9)."""
    httpserver.expect_request("/feed.xml").respond_with_data(
        NAMED, content_type="application/rss+xml"
    )
    home = tmp_path / "lib"
    assert reader(home, "add", httpserver.url_for("/feed.xml")).returncode == 0
    (home / "config.toml").write_text("[feeds]\nrefresh_on_open = false\n", "utf-8")
    ascii_terminal = {"LANG": "C", "LC_ALL": None, "LC_CTYPE": None}
    with reader_in_pty(home, rows=24, columns=100, environment=ascii_terminal) as shown:
        deadline = time.monotonic() + 120
        while b"Aebler" not in shown.screen() and time.monotonic() < deadline:
            time.sleep(0.2)
        shown.type(b"q")
        assert shown.process.wait(timeout=60) == 0
    drawn = shown.screen()
    assert b"Strasse & Fluss" in drawn and b"Kiyi: Grosse Aebler pa Aero" in drawn, drawn[-3000:]


def test_every_address_a_line_names_in_an_ascii_locale_is_its_bytes(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`unsubscribed: URL` and `not subscribed: URL` wrote "…/buro/feed.xml", an address that
    isn't the one given, where `reader feeds` wrote its bytes (acc51a A1): one policy for
    every address printed, the words around it still ASCII."""
    httpserver.expect_request("/büro/feed.xml").respond_with_data(
        FEED, content_type="application/rss+xml"
    )
    address = httpserver.url_for("/büro/feed.xml")
    home = tmp_path / "lib"
    assert reader(home, "add", address).returncode == 0
    missing = reader(home, "remove", address.replace("feed.xml", "über.xml"))
    assert missing.returncode == 1
    assert (
        missing.stderr
        == b"reader: not subscribed: " + address.replace("feed.xml", "über.xml").encode() + b"\n"
    ), missing.stderr
    removed = reader(home, "remove", address)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == b"unsubscribed: " + address.encode() + b"\n", removed.stdout
