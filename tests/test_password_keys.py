"""A feed's password is kept in its own record alone, never in the keys its records are kept
under: every key was made of the address as given, so a password `reader add` changed stayed in
them, old and all. A library an earlier reader wrote so has its feeds moved out of those keys as
it opens, its headlines, marks, names, tags, saved articles and notes kept. Real parts: the CLI,
the store's own files read with diskcache, a server of the test's own."""

from __future__ import annotations

import json
from pathlib import Path

import diskcache
from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.cli_run import run_reader
from tests.served_feed import serve_stories


def _state_text(data_dir: Path) -> str:
    """Every key of the library's state and every text record under it, one string."""
    with diskcache.Cache(str(data_dir / "state")) as state:
        return "\n".join(f"{key} {state.get(key)}" for key in state.iterkeys())


def _written_before(data_dir: Path, address: str, given: str) -> None:
    """The library as a reader from before kept a feed subscribed at `given` (with its
    password): every record under a key made of it, and naming it so, where this reader keeps
    it under `address` (with the user name alone)."""
    with diskcache.Cache(str(data_dir / "state")) as state:
        for key in list(state.iterkeys()):
            value = state.get(key)
            if isinstance(value, str) and address in value:
                value = value.replace(address, given)
            old = key.replace(address, given) if isinstance(key, str) else key
            if old != key:
                del state[key]
            state[old] = value


def test_a_changed_password_leaves_no_trace_in_the_feeds_keys(
    own_server: HTTPServer, data_dir: Path
) -> None:
    url = serve_stories(own_server, "Members", [("Harbour opens", 9), ("Ferry late", 10)])
    old = url.replace("http://", "http://me:0ld-pw@")
    assert run_reader(data_dir, "add", old).returncode == 0
    ids = run_reader(data_dir, "list", "--ids").stdout.split()
    assert run_reader(data_dir, "mark-read", ids[0]).returncode == 0
    new = old.replace("0ld-pw", "n3w-pw")
    assert run_reader(data_dir, "add", new).stdout == f"password changed for {url}\n"

    held = _state_text(data_dir)
    assert "0ld-pw" not in held and f"feed:{url.replace('http://', 'http://me@')}" in held
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert feed["url"] == new and feed["entries"] == 2
    assert run_reader(data_dir, "list", "--ids", "--unread").stdout.split() == [ids[1]]


def test_a_library_keeping_a_feed_under_its_password_moves_it_out_as_it_opens(
    own_server: HTTPServer, data_dir: Path
) -> None:
    url = serve_stories(own_server, "Members", [("Harbour opens", 9), ("Ferry late", 10)])
    address = url.replace("http://", "http://me@")
    given = url.replace("http://", "http://me:s3cret@")
    assert run_reader(data_dir, "add", address).returncode == 0
    ids = run_reader(data_dir, "list", "--ids").stdout.split()
    for args in (
        ("mark-read", ids[0]),
        ("save", ids[1]),
        ("rename", address, "Members' wire"),
        ("tag", address, "work"),
    ):
        assert run_reader(data_dir, *args).returncode == 0, args
    lib = Library(data_dir)
    try:
        entry = lib.entry(ids[1])
        article = lib.cached_article(entry) if entry else None
        assert entry is not None and article is not None
        lib.note_article(entry, article, "Ask the harbourmaster")
    finally:
        lib.close()
    before = run_reader(data_dir, "list").stdout
    _written_before(data_dir, address, given)
    assert f"feed:{given}" in _state_text(data_dir)

    listed = run_reader(data_dir, "list")
    assert (listed.stdout, listed.stderr) == (before, "")
    held = _state_text(data_dir)
    assert "s3cret" in held and f"feed:{address}" in held  # in the feed's record alone
    assert "s3cret" not in "\n".join(line for line in held.splitlines() if "password" not in line)
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert (feed["url"], feed["name"], feed["tags"]) == (given, "Members' wire", ["work"])
    assert run_reader(data_dir, "list", "--ids", "--unread").stdout.split() == [ids[1]]
    assert run_reader(data_dir, "list", "--ids", "--saved").stdout.split() == [ids[1]]
    assert "Ask the harbourmaster" in run_reader(data_dir, "highlights", ids[1]).stdout
    assert run_reader(data_dir, "list", "--ids", "--feed", address).stdout.split() == ids
    # Fetched with it still, and a sync writes nothing under the old key again.
    assert run_reader(data_dir, "sync", "-q", "--no-articles").returncode == 0
    assert f"feed:{given}" not in _state_text(data_dir)
