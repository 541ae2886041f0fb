"""An export's links imported with no network (acc51b B7: 1,500 links took 274 s, each asking
and failing in turn): once enough of their hosts have failed to connect with nothing answering
(`NetworkWatch`, as a refresh judges it), the rest are kept without asking, with the file's
copy where it has one, for the next sync; a few dead sites among answering ones stop nothing.
Closed ports and `.invalid` names on this machine, a real server counting what it was asked,
a real store, the CLI's own `main`."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.no_network import dead_port, offline_machine
from tests.test_other_readers import LEMON24_TABLES
from tests.test_saved_import_copies import KEPT, _entry
from tests.test_saved_links import STORY, cli


def _export(tmp_path: Path, urls: list[str], copies: frozenset[str] = frozenset()) -> Path:
    entries = [
        _entry(url, f"Story {n}", KEPT.format(name=f"story {n}'s") if url in copies else "")
        for n, url in enumerate(urls)
    ]
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    return export


def _live(server: HTTPServer, count: int, first: int = 0) -> list[str]:
    paths = [f"/story-{n}.html" for n in range(first, first + count)]
    for path in paths:
        server.expect_request(path).respond_with_data(STORY, content_type="text/html")
    return [server.url_for(path) for path in paths]


def _asked(server: HTTPServer) -> set[str]:
    return {request.path for request, _ in server.log}


def test_offline_the_links_left_are_kept_without_asking(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ten sites with nothing listening first, then ten links on a site that would answer: the
    # ten hosts failing with nothing answered are the network absent (more than half of the
    # eleven), and no link after is asked for; the watch decides before the tenth is taken
    # (four at once: the tenth is taken as the sixth failure is heard).
    dead = [f"http://127.0.0.1:{dead_port()}/gone.html" for _ in range(10)]
    live = _live(httpserver, 10)
    copies = frozenset(live[:4])
    export = _export(tmp_path, dead + live, copies)
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert _asked(httpserver) == set()
    assert (
        "the network did not answer: 11 links kept without asking, the next sync fetches them"
        in printed
    )
    assert (
        "20 links from a wallabag export: 0 saved for offline reading, 4 saved as the text"
        " wallabag kept, 16 saved as links not fetched yet" in printed
    )
    lib = Library(data)
    try:
        saved = lib.store.saved()
        assert len(saved) == 20
        # The file's copy cached, marked as wallabag's, for the sync to replace.
        assert all(lib.store.is_kept_copy(url) for url in copies)
        assert not any(lib.store.has_article(url) for url in set(live) - copies)
    finally:
        lib.close()
    # The next sync, with the network there, asks for every page kept so (the copies' too).
    cli(capsys, data, "sync")
    assert _asked(httpserver) == {f"/story-{n}.html" for n in range(10)}


def test_dead_sites_among_answering_ones_stop_nothing(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # Six dead sites (closed ports, names that resolve nowhere) among links that answer: the
    # network answered first, so their failures are theirs, and every link after is asked.
    dead = [f"http://127.0.0.1:{dead_port()}/gone.html" for _ in range(3)]
    dead += [f"http://site-{n}.example.invalid/gone.html" for n in range(3)]
    before, after = _live(httpserver, 8), _live(httpserver, 8, first=8)
    export = _export(tmp_path, before + dead + after)
    code, printed, said = cli(capsys, tmp_path / "data", "import", "--fetch-local", str(export))
    assert code == 0, said
    assert _asked(httpserver) == {f"/story-{n}.html" for n in range(16)}
    assert "the network did not answer" not in printed
    assert "22 links from a wallabag export: 16 saved for offline reading" in printed


def test_another_reader_s_stars_saved_offline_say_those_not_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # lemon24's reader's important articles, on eight sites whose names resolve nowhere (as
    # with no DNS): saved by the same import, four failing of eight hosts the network absent.
    database = tmp_path / "db.sqlite"
    feed = "http://feeds.example.invalid/all.xml"
    with sqlite3.connect(database) as db:
        for table in LEMON24_TABLES:
            db.execute(table)
        db.execute("INSERT INTO feeds (url, added) VALUES (?, ?)", (feed, "2026-12-01 10:00:00"))
        db.executemany(
            "INSERT INTO entries (id, feed, link, read, important) VALUES (?, ?, ?, 0, 1)",
            [(f"id-{n}", feed, f"http://site-{n}.example.invalid/{n}.html") for n in range(8)],
        )
    code, printed, said = cli(capsys, tmp_path / "data", "import", str(database))
    assert code == 0, said
    assert (
        "saved 8 articles lemon24's reader marked important (`reader list --saved`): 8 as links"
        " the next `reader sync` fetches (1 not asked: the network did not answer)"
    ) in printed


def test_a_machine_with_no_network_stops_asking_at_its_first_failures(tmp_path: Path) -> None:
    # Thirty links on thirty public sites, imported where this machine has no network (a
    # namespace with no route and its name server unreachable, acc51b B7): the machine says
    # so at the first lookups, so the four asked at once are all that are asked. Half the
    # hosts (fifteen) asked before, as if each might be a dead site.
    urls = [f"http://www.news-site-{n}.example.org/story.html" for n in range(30)]
    export = _export(tmp_path, urls, copies=frozenset(urls))
    done = _offline(tmp_path / "data", "import", str(export))
    assert done.returncode == 0, done.stderr
    assert (
        "the network did not answer: 26 links kept without asking, the next sync fetches them"
        in done.stdout
    ), done.stdout
    assert "30 saved as the text wallabag kept" in done.stdout


def test_a_sync_with_no_network_from_the_start_says_no_network(tmp_path: Path) -> None:
    # A wallabag library synced where this machine has no network: the network did not "go
    # away during the sync", it was never there; and a lookup no name server answered is
    # said so, not as a name that does not exist (acc51b B7).
    urls = [f"http://www.news-site-{n}.example.org/story.html" for n in range(6)]
    data = tmp_path / "data"
    _offline(data, "import", str(_export(tmp_path, urls, copies=frozenset(urls))))
    done = _offline(data, "sync")
    assert "went away" not in done.stderr, done.stderr
    # The first host to fail is any of the six: the requests go out together.
    assert re.match(
        r"reader: no network \(the name www\.news-site-\d\.example\.org could not be looked up:"
        r" no name server answered and 5 more hosts\): 6 articles not fetched; `reader sync`"
        r" carries on",
        done.stderr,
    ), done.stderr


def _offline(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI run where this machine has no network (`offline_machine`)."""
    command = [sys.executable, "-m", "reader", "--data-dir", str(data), *args]
    return subprocess.run(
        [*offline_machine(), *command], capture_output=True, text=True, check=False
    )
