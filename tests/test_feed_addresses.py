"""A feed's address as the user types it and as `reader feeds` shows it: one holding control
characters is refused at `add`, and one stored by an earlier version is removed by what is
shown of it. The real `reader` command against a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.models import Entry

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
    "<item><title>Ferry timetable changes</title><link>{link}</link>"
    "<guid>ferry-1</guid></item></channel></rss>"
)


def reader(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _subscribe_as_before(data: Path, url: str) -> None:
    """Subscribe to `url` as an earlier version's `add` did: stored as typed."""
    lib = Library(data, workers="thread")
    try:
        lib.store.add_feed(url)
    finally:
        lib.close()


def test_add_refuses_an_address_holding_control_characters(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/x.xml").respond_with_data(
        RSS.format(link=httpserver.url_for("/ferry.html")), content_type="application/rss+xml"
    )
    data = tmp_path / "home"
    # A title-setting escape pasted into the address: shown by a terminal, it is invisible,
    # and the address looks like /x.xml, which is a real feed here.
    typed = httpserver.url_for("/x") + "\x1b]0;PWNADD\x07.xml"
    result = reader(data, "add", typed)
    assert result.returncode == 2
    assert result.stderr == (
        "reader: not a web address: it holds control characters (\\x1b, \\x07): "
        f"{httpserver.url_for('/x')}\\x1b]0;PWNADD\\x07.xml\n"
    )
    # Nothing subscribed, nor a library started for it (a data directory no command made
    # is refused by the others: cli38's K4).
    assert not data.exists() or json.loads(reader(data, "feeds", "--json").stdout) == []
    assert not httpserver.log  # nothing asked of the server in its name
    # The address without them is a feed like any other.
    assert reader(data, "add", httpserver.url_for("/x.xml")).returncode == 0


def test_a_feed_stored_with_control_characters_is_removed_by_what_feeds_shows(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "home"
    stored = httpserver.url_for("/x") + "\x1b]0;PWNADD\x07.xml"
    # As an earlier version subscribed it (`add` stored what was typed).
    _subscribe_as_before(data, stored)
    shown = httpserver.url_for("/x.xml")
    assert f"    {shown}\n" in reader(data, "feeds").stdout
    # Its sync says what is wrong with it, not that the server sent a bad link.
    synced = reader(data, "sync")
    assert synced.returncode == 1
    assert f"feed failed: {shown}: not a web address: it holds control characters" in (
        synced.stderr
    )
    assert "sent an invalid" not in synced.stderr and "\x1b" not in synced.stderr
    removed = reader(data, "remove", shown)
    assert (removed.returncode, removed.stdout) == (0, f"unsubscribed: {shown}\n")
    assert json.loads(reader(data, "feeds", "--json").stdout) == []


def test_remove_by_the_shown_form_leaves_the_real_feed_of_that_address(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/x.xml").respond_with_data(
        RSS.format(link=httpserver.url_for("/ferry.html")), content_type="application/rss+xml"
    )
    data = tmp_path / "home"
    _subscribe_as_before(data, httpserver.url_for("/x") + "\x07.xml")
    assert reader(data, "add", httpserver.url_for("/x.xml")).returncode == 0
    # The address as written names the feed subscribed under it, first.
    assert reader(data, "remove", httpserver.url_for("/x.xml")).returncode == 0
    left = [feed["url"] for feed in json.loads(reader(data, "feeds", "--json").stdout)]
    assert left == [httpserver.url_for("/x") + "\x07.xml"]


def test_list_of_a_feed_stored_with_control_characters_takes_what_feeds_shows(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "home"
    _subscribe_as_before(data, httpserver.url_for("/x") + "\x1b]0;PWNADD\x07.xml")
    lib = Library(data, workers="thread")
    try:
        stored = lib.store.feed_urls()[0]
        entry = Entry(id="ferry-1", feed_url=stored, title="Ferry timetable changes", link="")
        lib.store.merge_entries(stored, [entry])
    finally:
        lib.close()
    shown = httpserver.url_for("/x.xml")
    listed = reader(data, "list", "--feed", shown, "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert [h["title"] for h in json.loads(listed.stdout)] == ["Ferry timetable changes"]
    # An address nobody subscribed to is still told apart.
    other = reader(data, "list", "--feed", httpserver.url_for("/y.xml"))
    assert other.returncode != 0 and "not subscribed" in other.stderr
