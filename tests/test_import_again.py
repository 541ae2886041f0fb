"""An import run again (as its own message asks, for the feeds that were down) adds what is
new and undoes nothing the user did in the reader since (acc43a A4): a headline an import
marked read and the user marked unread stays unread; a tag an import gave that the user took
off stays off. Real newsboat files (urls, cache.db in 2.21's schema) and a feed on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_cli import reader
from tests.test_newsboat_marks import newsboat_files, serve_feed, unread_titles


def _id_of(data_dir: Path, title: str) -> str:
    result = reader(data_dir, "list", "--json")
    assert result.returncode == 0, result
    rows = json.loads(result.stdout)
    return next(str(row["id"]) for row in rows if row["title"] == title)


def test_a_mark_undone_in_the_reader_holds_at_the_import_again(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    urls, cache = newsboat_files(httpserver, tmp_path)
    first = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert first.returncode == 0, first
    assert unread_titles(data_dir) == ["B", "D"]
    assert reader(data_dir, "mark-unread", _id_of(data_dir, "A")).returncode == 0
    again = reader(data_dir, "import", str(urls), "--read-from", str(cache))
    assert again.returncode == 0, again
    assert "0 marked read as newsboat had them" in again.stdout
    assert "1 headline an import marked read before and you marked unread since" in again.stdout
    assert unread_titles(data_dir) == ["A", "B", "D"]


def test_a_tag_taken_off_stays_off_at_the_import_again(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    feed = serve_feed(httpserver)
    urls = tmp_path / "urls"
    urls.write_text(f'{feed} news tech "~Ledger"\n', encoding="utf-8")
    assert reader(data_dir, "import", str(urls)).returncode == 0
    assert reader(data_dir, "untag", feed, "tech").returncode == 0
    urls.write_text(f'{feed} news tech science "~Ledger"\n', encoding="utf-8")
    assert reader(data_dir, "import", str(urls)).returncode == 0
    shown = reader(data_dir, "feeds").stdout
    assert "science" in shown and "news" in shown
    assert "tech" not in shown
    # Given back by hand, it is the user's again: an import leaves it.
    assert reader(data_dir, "tag", feed, "tech").returncode == 0
    assert reader(data_dir, "import", str(urls)).returncode == 0
    assert "tech" in reader(data_dir, "feeds").stdout


def test_a_tag_an_earlier_reader_folded_with_its_dash_stays_off_at_the_import_again(
    httpserver: HTTPServer, tmp_path: Path, data_dir: Path
) -> None:
    """Names are compared with a dash as "--" since env51 (acc51a A9): the record of the tags an
    import gave, kept by an earlier reader with its em dash, read as another tag, and the one
    the user took off came back at the next import."""
    feed = serve_feed(httpserver)
    urls = tmp_path / "urls"
    urls.write_text(f'{feed} "Coast — Ports" news "~Ledger"\n', encoding="utf-8")
    assert reader(data_dir, "import", str(urls)).returncode == 0
    assert reader(data_dir, "untag", feed, "Coast — Ports").returncode == 0
    with sqlite3.connect(data_dir / "state" / "cache.db") as con:
        ((kept,),) = con.execute(
            "SELECT value FROM Cache WHERE key = ?", (f"imported-tags:{feed}",)
        ).fetchall()
        assert "coast -- ports" in json.loads(kept)
        older = json.dumps([t.replace("--", "\u2014") for t in json.loads(kept)])
        con.execute("UPDATE Cache SET value = ? WHERE key = ?", (older, f"imported-tags:{feed}"))
    con.close()
    assert reader(data_dir, "import", str(urls)).returncode == 0
    shown = reader(data_dir, "feeds").stdout
    assert "news" in shown
    assert "Coast" not in shown
