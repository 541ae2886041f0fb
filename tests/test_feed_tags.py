"""Tags a feed is filed under: newsboat's `urls` tags and an OPML file's folders and
categories kept at `reader import`, written back by `reader export` (a folder per first tag,
every tag in `category`) and read again; `reader tag`, `untag`, `feeds` and `list --tag`; the
reader's tag rows. Real files in a temp directory, the real `reader` command."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import fromstring

from test_cli import reader

from reader.library import Library
from reader.models import Feed
from reader.opml import read_opml, to_opml

URLS = """# newsboat's urls, tagged
http://127.0.0.1:9/quay.xml news local "~Quay (mine)"
http://127.0.0.1:9/tide.xml "Sport" news
http://127.0.0.1:9/wire.xml
http://127.0.0.1:9/hidden.xml "!" podcast
http://127.0.0.1:9/quay.xml sport
"""


def _tags(home: Path) -> dict[str, tuple[str, ...]]:
    lib = Library(home)
    try:
        return {feed.url.rsplit("/", 1)[1]: feed.tags for feed in lib.feeds()}
    finally:
        lib.close()


def test_a_urls_files_tags_are_kept_exported_and_read_back(tmp_path: Path) -> None:
    (tmp_path / "urls").write_text(URLS)
    home = tmp_path / "home"
    imported = reader(home, "import", str(tmp_path / "urls"))
    assert imported.returncode == 0, imported.stderr
    assert (
        imported.stdout.splitlines()[1] == "3 feeds filed under 4 tags: local, news, podcast, Sport"
    )
    assert "tags" not in imported.stderr
    tags = {
        "quay.xml": ("news", "local"),  # its line given twice: the first, as the address is
        "tide.xml": ("Sport", "news"),
        "wire.xml": (),
        "hidden.xml": ("podcast",),  # listed, as every hidden feed is; "!" is no tag
    }
    assert _tags(home) == tags
    exported = reader(home, "export").stdout
    root = fromstring(exported)
    body = root.find("body")
    assert body is not None
    folders = [o for o in body if o.get("xmlUrl") is None]
    assert [f.get("text") for f in folders] == ["news", "Sport", "podcast"]  # first tags
    assert [o.get("xmlUrl") for o in folders[1]] == ["http://127.0.0.1:9/tide.xml"]
    assert folders[1][0].get("category") == "/Sport,/news"
    # Read back elsewhere: the same tags, in the same order.
    (tmp_path / "subs.opml").write_text(exported)
    again = tmp_path / "again"
    assert reader(again, "import", str(tmp_path / "subs.opml")).returncode == 0
    assert _tags(again) == tags


def test_a_second_import_adds_the_files_tags_to_a_feeds_own(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (tmp_path / "urls").write_text("http://127.0.0.1:9/quay.xml news\n")
    (tmp_path / "more").write_text("http://127.0.0.1:9/quay.xml NEWS local\n")
    reader(home, "import", str(tmp_path / "urls"))
    again = reader(home, "import", str(tmp_path / "more"))
    assert again.stdout.startswith("0 feeds added, 1 already subscribed")
    assert _tags(home) == {"quay.xml": ("news", "local")}


def test_opml_categories_and_folders_are_tags_made_safe() -> None:
    """The `category` attribute (FreshRSS's labels: "/a,/b") and the folders are read, a
    folder's name cleaned as any title (an escape sequence goes whole); a hostile file's deep
    nesting is no error."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="Tech &#x1b;]0;PWN&#x7;[b]x[/b]">'
        b'<outline text="Quay" category="/Linux, /tech,," xmlUrl="http://127.0.0.1:9/quay.xml"/>'
        b"</outline>"
        + b"<outline text='d'>" * 5000
        + b'<outline text="Deep" xmlUrl="http://127.0.0.1:9/deep.xml"/>'
        + b"</outline>" * 5000
        + b"</body></opml>"
    )
    found = read_opml(opml).found
    assert found[0].tags == ("Tech [b]x[/b]", "Linux", "tech")
    assert found[1].tags == ("d",)


def test_export_of_untagged_feeds_is_as_before() -> None:
    exported = to_opml([Feed("http://127.0.0.1:9/a.xml", title="A")])
    assert "category" not in exported and exported.count("<outline") == 1
