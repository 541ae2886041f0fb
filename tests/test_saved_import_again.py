"""A read-it-later export imported again (the README's way to finish an import stopped midway)
undoes nothing done in the reader since and gives the same verdicts (acc43a A9, A10): a link
unsaved since stays unsaved, a tag taken off stays off, a feed's link left out is left out
again, never saved. Pocket's ril_export.html shape, pages and a feed on 127.0.0.1."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from tests.test_saved_import import ADDED, _saved, _serve, _story
from tests.test_saved_links import cli

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    "<link>http://127.0.0.1/</link><item><title>One</title><guid>w1</guid></item>"
    "</channel></rss>"
)


def _pocket(urls: dict[str, str]) -> str:
    rows = "".join(
        f'<li><a href="{url}" time_added="{ADDED}" tags="{tags}">{title}</a></li>\n'
        for url, title, tags in (
            (urls["season"], "The last season", "fishing,longread"),
            (urls["tide"], "Tide power", "energy"),
            (urls["wire"], "A feed saved by mistake", ""),
        )
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="UTF-8"><title>Pocket Export</title></head>'
        f"<body><h1>Unread</h1><ul>\n{rows}</ul></body></html>"
    )


def _exported(httpserver: HTTPServer, tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """The pages and the feed served, the Pocket export of them, and the data directory."""
    urls = _serve(httpserver)
    httpserver.expect_request("/wire/").respond_with_data(FEED, content_type="application/rss+xml")
    urls["wire"] = httpserver.url_for("/wire/")
    export = tmp_path / "ril_export.html"
    export.write_text(_pocket(urls), encoding="utf-8")
    return urls, export, tmp_path / "data"


def test_an_export_imported_again_leaves_the_user_s_changes_and_the_feed_out(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls, export, data = _exported(httpserver, tmp_path)
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "1 left out (a feed)" in printed
    assert cli(capsys, data, "unsave", urls["tide"])[0] == 0
    assert cli(capsys, data, "untag", urls["season"], "longread")[0] == 0
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "1 you unsaved since: left as you left them" in printed
    assert "1 left out (a feed)" in printed
    # What this import did: no tag filed anew (acc51b B10: "filed under 3 tags" of none).
    assert "filed under" not in printed
    assert "the file's 3 tags given before: none filed now" in printed
    records, rows, _ = _saved(data)
    assert rows == ["The last season"]  # the unsaved one and the feed not saved
    assert article_key(urls["wire"]) not in records
    assert records[article_key(urls["season"])]["tags"] == ["fishing"]


def test_a_link_saved_by_hand_again_is_the_user_s(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = _serve(httpserver)
    httpserver.expect_request("/wire/").respond_with_data(_story("Wire"), content_type="text/html")
    urls["wire"] = httpserver.url_for("/wire/")
    export = tmp_path / "ril_export.html"
    export.write_text(_pocket(urls), encoding="utf-8")
    data = tmp_path / "data"
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    assert cli(capsys, data, "unsave", urls["tide"])[0] == 0
    assert cli(capsys, data, "save", urls["tide"])[0] == 0
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "unsaved since" not in printed
    _, rows, _ = _saved(data)
    assert "Tide power" in " ".join(rows)


def test_links_an_import_saved_come_back_from_a_damaged_saved_list_s_copy(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Saved record damaged, its copy kept aside and its addresses imported again, the
    README's way back: the links an import had saved were taken for ones the user unsaved since,
    "1 you unsaved since: left as you left them", and nothing came back (acc50b B1). They come
    back with their tags; one the user did unsave stays unsaved."""
    urls, export, data = _exported(httpserver, tmp_path)
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    assert cli(capsys, data, "unsave", urls["tide"])[0] == 0
    with sqlite3.connect(data / "state" / "cache.db") as db:
        # Its end lost, as a cut write leaves it.
        db.execute(
            "UPDATE Cache SET value = substr(value, 1, length(value) - 2) || 'x' "
            "WHERE key = 'saved'"
        )
    cli(capsys, data, "list", "--saved")  # "dropping damaged cache record saved; a copy is in …"
    [copy] = data.glob("saved.damaged-*")
    # grep -o '"url":"[^"]*"' saved.damaged-… | cut -d'"' -f4 | reader import --saved -
    addresses = re.findall(r'"url":"([^"]*)"', copy.read_text(encoding="utf-8"))
    assert addresses == [urls["season"]]  # the cut took nothing whole but the first
    monkeypatch.setattr("sys.stdin", _stdin("\n".join(addresses)))
    code, printed, said = cli(capsys, data, "import", "--saved", "--fetch-local", "-")
    assert code == 0, said
    assert "unsaved since" not in printed and "1 saved for offline reading" in printed, printed
    records, rows, _ = _saved(data)
    assert rows == ["The last season"]
    assert records[article_key(urls["season"])]["tags"] == ["fishing", "longread"]
    # The one unsaved by the user, given again: still the user's choice.
    monkeypatch.setattr("sys.stdin", _stdin(urls["tide"]))
    printed = cli(capsys, data, "import", "--saved", "--fetch-local", "-")[1]
    assert "1 you unsaved since" in printed, printed


def _stdin(lines: str) -> io.TextIOWrapper:
    """Standard input holding `lines`, its bytes too, as `reader import -` reads them."""
    return io.TextIOWrapper(io.BytesIO(f"{lines}\n".encode()), encoding="utf-8")


def test_a_tag_an_earlier_reader_kept_with_its_em_dash_stays_off_at_the_import_again(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Names are compared with a dash as "--" since acc51a A9: an import's record of the tags
    it gave, kept by an earlier reader with the dash as typed, read as another tag, and the
    one taken off came back."""
    urls, export, data = _exported(httpserver, tmp_path)
    export.write_text(
        export.read_text(encoding="utf-8").replace("fishing,longread", "fishing,long — read"),
        encoding="utf-8",
    )
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    assert cli(capsys, data, "untag", urls["season"], "long — read")[0] == 0
    with sqlite3.connect(data / "state" / "cache.db") as con:
        ((kept,),) = con.execute("SELECT value FROM Cache WHERE key = 'imported-saved'")
        assert "long -- read" in kept
        con.execute(
            "UPDATE Cache SET value = ? WHERE key = 'imported-saved'",
            (kept.replace("long -- read", "long \u2014 read"),),
        )
    con.close()
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    records = _saved(data)[0]
    assert records[article_key(urls["season"])]["tags"] == ["fishing"]
