"""What `reader import` of a newsboat user's files leaves behind is said, each with what does
its work here (acc37a H6): a `query:` feed names the search feed; newsboat's OPML (`newsboat
-e`) names its cache.db and `--read-from` for the read marks, and says the tags it left out;
the config's `ignore-article` rules and macros beside the file are counted and the reader's
`[[ignore]]` named. Real parts: the CLI through its entry point, a real data directory, a
sqlite cache.db where newsboat keeps one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_cli import reader

FEED = "http://127.0.0.1:9/harbour.xml"  # never fetched: an import without --read-from


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of the test's own, holding no newsboat, whatever the machine's has."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home


def newsboat_dir(tmp_path: Path) -> Path:
    """~/.newsboat as newsboat keeps it: urls (a feed, a query feed), config (two killfile
    rules, a macro, a key bound), cache.db."""
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "urls").write_text(
        f'{FEED} news "~Harbour"\n"query:Strikes:title =~ \\"strike\\""\n', encoding="utf-8"
    )
    (folder / "config").write_text(
        'ignore-article "*" "title =~ \\"Sponsored\\""\n'
        f'ignore-article "{FEED}" "author = \\"Bot\\""\n'
        'macro v set browser "mpv %u"; open-in-browser\n'
        "bind-key j down\n"
        "# ignore-article a comment\n",
        encoding="utf-8",
    )
    with sqlite3.connect(folder / "cache.db") as db:
        db.execute("CREATE TABLE rss_item (id INTEGER PRIMARY KEY, guid TEXT, unread INTEGER)")
    return folder


def test_a_newsboat_urls_import_names_what_it_leaves_behind(tmp_path: Path, data_dir: Path) -> None:
    folder = newsboat_dir(tmp_path)
    urls, cache, config = folder / "urls", folder / "cache.db", folder / "config"
    done = reader(data_dir, "import", str(urls))
    assert done.returncode == 0, done
    assert (
        f"newsboat keeps its read marks in its database, {cache}: `reader import {urls}"
        f" --read-from {cache}` brings them" in done.stdout
    )
    errors = done.stderr.splitlines()
    (query,) = [line for line in errors if "query:" in line]
    assert "`reader search-feed add NAME WORDS…`" in query
    assert "so none is made from it" in query
    (killfile,) = [line for line in errors if "ignore-article" in line]
    assert killfile.startswith(f"reader: not carried over from newsboat's config, {config}: ")
    assert (
        f"2 ignore-article rules, 1 bind-key (`reader config --from-newsboat {config}` prints"
        " them as the reader's settings, [keys] and [[ignore]] rules, to add to its own"
        " config.toml" in killfile
    )
    assert "and 1 macro (a [[command]] in config.toml runs a program on a key:" in killfile
    assert not any("newsboat -e" in line for line in errors)  # the urls file has the tags


def test_newsboat_s_opml_names_the_read_marks_and_the_tags_it_left_out(
    tmp_path: Path, data_dir: Path, own_home: Path
) -> None:
    opml = tmp_path / "subs.opml"  # as `newsboat -e > subs.opml` writes it: OPML 1.0, no tags
    opml.write_text(
        '<?xml version="1.0"?>\n<opml version="1.0">\n<head><title>newsboat - Exported Feeds'
        f'</title></head>\n<body>\n<outline type="rss" xmlUrl="{FEED}" htmlUrl="" title="Harbour"'
        " />\n</body>\n</opml>\n",
        encoding="utf-8",
    )
    done = reader(data_dir, "import", str(opml))
    assert done.returncode == 0, done
    default = own_home / ".newsboat" / "cache.db"
    assert (
        f"newsboat keeps its read marks in its database, {default} (none there now: where it"
        f" keeps one by default): `reader import {opml} --read-from {default}`" in done.stdout
    )
    assert "newsboat --export-to-opml2" in done.stderr
    # newsboat's own config, found where newsboat keeps it.
    (own_home / ".newsboat").mkdir()
    (own_home / ".newsboat" / "config").write_text('ignore-article "*" "title =~ \\"x\\""\n')
    again = reader(data_dir, "import", str(opml))
    assert "1 ignore-article rule (`reader config --from-newsboat" in again.stderr


def test_other_files_say_nothing_of_newsboat(tmp_path: Path, data_dir: Path) -> None:
    plain = tmp_path / "feeds.txt"  # a list of addresses, with no newsboat about it
    plain.write_text(f"{FEED}\n", encoding="utf-8")
    opml = tmp_path / "other.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        f'<outline text="Harbour" xmlUrl="{FEED}"/></body></opml>',
        encoding="utf-8",
    )
    for file in (plain, opml):
        done = reader(data_dir, "import", str(file))
        assert done.returncode == 0, done
        assert "newsboat" not in done.stdout + done.stderr
