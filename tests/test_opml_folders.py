"""An OPML file's folder tree kept through `reader import` and written again by `reader export`
(acc49d D2: Tech › Programming › Rust came out as five one-level folders, each feed under its
first tag). Real files in a temp directory, the real `reader` command, and newsboat's own
import of the export where it is installed."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path
from xml.etree.ElementTree import Element, fromstring

import pytest
from test_cli import reader

from reader.feed_tags import feed_folders, kept_folders
from reader.models import Feed
from reader.opml import read_opml
from reader.store import Store

FEED = "http://127.0.0.1:9/{}.xml"

TREE = f"""<?xml version="1.0"?><opml version="1.0"><head><title>Inoreader</title></head><body>
<outline text="Tech" title="Tech">
  <outline text="Programming" title="Programming">
    <outline type="rss" text="Crab" xmlUrl="{FEED.format("crab")}"/>
    <outline text="Rust" title="Rust">
      <outline type="rss" text="Ferris" xmlUrl="{FEED.format("ferris")}"/>
      <outline type="rss" text="Borrow" xmlUrl="{FEED.format("borrow")}"/>
    </outline>
  </outline>
  <outline text="Hardware" title="Hardware">
    <outline type="rss" text="Chips" xmlUrl="{FEED.format("chips")}"/>
  </outline>
</outline>
<outline text="News" title="News">
  <outline text="World" title="World">
    <outline type="rss" text="Ferris" xmlUrl="{FEED.format("ferris")}"/>
  </outline>
</outline>
<outline type="rss" text="Loose" xmlUrl="{FEED.format("loose")}"/>
</body></opml>"""
"""Three levels deep, a feed listed in two folders (as web readers write two labels), and one
in none."""


def _tree(opml: str) -> set[tuple[tuple[str, ...], str]]:
    """Each feed's outline of an OPML file with the folders it is nested in: (path, address)."""
    placed: set[tuple[tuple[str, ...], str]] = set()

    def walk(element: Element, path: tuple[str, ...]) -> None:
        for outline in element:
            if url := outline.get("xmlUrl"):
                placed.add((path, url))
            else:
                walk(outline, (*path, outline.get("text") or ""))

    body = fromstring(opml.encode()).find("body")
    assert body is not None
    walk(body, ())
    return placed


def _imported(tmp_path: Path, opml: str = TREE) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "tree.opml").write_text(opml, encoding="utf-8")
    home = tmp_path / "home"
    done = reader(home, "import", str(tmp_path / "tree.opml"))
    assert done.returncode == 0, done.stderr
    return home


def test_an_opml_files_folder_tree_is_exported_as_it_was_imported(tmp_path: Path) -> None:
    """acc49d D2: the export nested each feed only under its first tag, one level deep."""
    home = _imported(tmp_path)
    exported = reader(home, "export").stdout
    assert _tree(exported) == _tree(TREE)
    # Read again elsewhere, and exported from there: the same tree, as a round trip keeps it.
    again = _imported(tmp_path / "again", exported)
    assert _tree(reader(again, "export").stdout) == _tree(TREE)
    # The tags are as they were: every folder a feed is in, and its category names them.
    ferris = next(o for o in fromstring(exported).iter("outline") if o.get("text") == "Ferris")
    assert ferris.get("category") == "Tech,Programming,Rust,News,World"
    listed = json.loads(reader(home, "feeds", "--json").stdout)
    folders = {row["url"]: row["folders"] for row in listed}
    assert folders[FEED.format("ferris")] == [["Tech", "Programming", "Rust"], ["News", "World"]]
    assert folders[FEED.format("loose")] == []


def test_a_folder_untagged_is_left_out_of_the_path_exported(tmp_path: Path) -> None:
    """`reader untag` takes a folder off: the feed is exported in the folder above it (not the
    tree the file had, nor its first tag's alone)."""
    home = _imported(tmp_path)
    assert reader(home, "untag", FEED.format("borrow"), "Rust").returncode == 0
    assert reader(home, "untag", FEED.format("chips"), "Tech").returncode == 0
    tree = _tree(reader(home, "export").stdout)
    assert (("Tech", "Programming"), FEED.format("borrow")) in tree
    # Its path's top untagged, the folder its first tag left names it, as for any tagged feed.
    assert (("Hardware",), FEED.format("chips")) in tree


def test_a_category_path_is_a_folder_path_and_its_folders_tags() -> None:
    """OPML 2.0's `category` "/Tech/Programming" is a path (its spec's form for one); "news",
    without slashes, a tag only. It was read as one tag, "Tech/Programming"."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body><outline text="Q" '
        b'category="/Tech/Programming,news" xmlUrl="http://127.0.0.1:9/q.xml"/></body></opml>'
    )
    [found] = read_opml(opml).found
    assert found.tags == ("Tech", "Programming", "news")
    assert found.folders == (("Tech", "Programming"),)


def test_a_category_holding_an_escape_loses_it_whole_before_it_is_split() -> None:
    """An OSC 8 link in a `category` was split at its slashes first: tags "8;;http:" and
    "evil.example", the attacker's domain one of the user's (acc50a A7)."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body><outline text="Q" '
        b'category="\x1b]8;;http://evil.example/\x07CLICK\x1b]8;;\x07,news/local" '
        b'xmlUrl="http://127.0.0.1:9/q.xml"/></body></opml>'
    )
    [found] = read_opml(opml).found
    assert found.tags == ("CLICK", "news", "local")
    assert found.folders == (("news", "local"),)


def test_a_damaged_records_folders_are_none() -> None:
    assert kept_folders({"a": 1}) == () and kept_folders(["Tech"]) == ()
    assert kept_folders([["Tech", 3, "Rust"], [], ["tech", "rust"]]) == (("Tech", "Rust"),)
    feed = Feed("http://127.0.0.1:9/q.xml", tags=("tech",), folders=(("Tech", "Rust"),))
    assert feed_folders(feed) == (("Tech",),)


def test_a_fetch_keeps_the_folders_an_import_gave_meanwhile(tmp_path: Path) -> None:
    """A refresh writing what it read of a feed (read before an import in another process
    filed it in folders) leaves the folders stored, as it leaves the tags."""
    url = FEED.format("quay")
    store = Store(tmp_path / "data")
    try:
        store.add_feed(url, title="Quay")
        read_before = store.feed(url)
        assert read_before is not None
        store.add_feeds([(url, "", "", ["Tech", "Rust"], [("Tech", "Rust")])])
        kept = store.put_feed(dataclasses.replace(read_before, title="The Quay"))
        assert (kept.title, kept.folders) == ("The Quay", (("Tech", "Rust"),))
        assert store.feed(url) == kept
    finally:
        store.close()


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat is not installed")
def test_newsboat_reads_the_exports_folder_paths(tmp_path: Path) -> None:
    """newsboat's `-i` files a feed under its folder path ("Tech/Programming/Rust"), from
    folders alone: it got "Tech" for every feed of the tree."""
    home = _imported(tmp_path)
    (tmp_path / "export.opml").write_text(reader(home, "export").stdout, encoding="utf-8")
    (tmp_path / "config").write_text("")
    files = {"-i": "export.opml", "-u": "urls", "-C": "config", "-c": "cache.db"}
    done = subprocess.run(
        [
            "newsboat",
            *(part for flag, name in files.items() for part in (flag, str(tmp_path / name))),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = set((tmp_path / "urls").read_text().splitlines())
    assert f'{FEED.format("borrow")} "Tech/Programming/Rust"' in lines
    assert f'{FEED.format("crab")} "Tech/Programming"' in lines
    assert f'{FEED.format("chips")} "Tech/Hardware"' in lines
    assert f"{FEED.format('loose')}" in lines
