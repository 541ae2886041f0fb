"""A feed: address (what many sites' "subscribe" buttons give) is read as the web address it
stands for, by `add` and `import`; an import names the entries it leaves out, and says of a
feed's outline with no address that it left it out (acc40b P8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.store import Store

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>'
    "<link>http://127.0.0.1/</link><item><title>Tide tables for January</title>"
    "<link>http://127.0.0.1/tides.html</link></item></channel></rss>"
)


def _imported(
    data_dir: Path, capsys: pytest.CaptureFixture[str], file: Path, text: str
) -> pytest.CaptureResult[str]:
    """`reader import FILE` of `file` written with `text` (exit 0): what it said."""
    file.write_text(text, encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "import", str(file)]) == 0
    return capsys.readouterr()


def _subscribed(data_dir: Path) -> list[str]:
    store = Store(data_dir)
    try:
        return sorted(store.feed_urls())
    finally:
        store.close()


@pytest.mark.parametrize("scheme", ["feed://", "feed:http://"])
def test_add_reads_a_feed_address_as_the_web_one(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str], scheme: str
) -> None:
    httpserver.expect_request("/notes.xml").respond_with_data(
        FEED, content_type="application/rss+xml"
    )
    url = httpserver.url_for("/notes.xml")
    assert main(["--data-dir", str(data_dir), "add", scheme + url.removeprefix("http://")]) == 0
    assert "Harbour Notes" in capsys.readouterr().out
    assert _subscribed(data_dir) == [url]
    # The same address names it to the other commands, as to add (review40b's loose end).
    written = scheme + url.removeprefix("http://")
    assert main(["--data-dir", str(data_dir), "rename", written, "Notes"]) == 0
    assert main(["--data-dir", str(data_dir), "remove", written]) == 0
    assert _subscribed(data_dir) == []


def test_import_names_what_it_leaves_out(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _imported(
        data_dir,
        capsys,
        tmp_path / "feeds.opml",
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="News">'
        '<outline type="rss" text="Quay Gazette" xmlUrl="feed://quay.example/rss"/>'
        '<outline type="rss" text="Bad url" xmlUrl="ht!tp:/broken"/>'
        '<outline type="rss" text="Javascript url" xmlUrl="javascript:alert(1)"/>'
        '<outline type="rss" text="No url here"/>'
        "</outline></body></opml>",
    )
    assert "1 feed added" in said.out
    assert _subscribed(data_dir) == ["http://quay.example/rss"]
    lines = said.err.splitlines()
    assert "reader: left out 2 feeds whose address is not http(s):" in lines
    assert "reader: - Bad url <ht!tp:/broken>" in lines
    assert "reader: - Javascript url <javascript:alert(1)>" in lines
    assert "reader: left out 1 feed with no address (no xmlUrl):" in lines
    assert "reader: - No url here" in lines


def test_import_of_newsboats_urls_reads_a_feed_address_as_the_web_one(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """newsboat's urls file, and newsraft's feeds file, read feed: addresses as `add` and an
    OPML file do (loose41): they were left out as "not http(s)"."""
    said = _imported(
        data_dir,
        capsys,
        tmp_path / "urls",
        'feed://quay.example/rss news "~Quay"\n'
        "feed:https://tides.example/atom.xml\n"
        # The same feed as the first, written as the web address: one subscription.
        "http://quay.example/rss\n",
    )
    assert "2 feeds added, 0 already subscribed" in said.out, said
    assert "left out" not in said.err
    assert _subscribed(data_dir) == ["http://quay.example/rss", "https://tides.example/atom.xml"]
    store = Store(data_dir)
    try:
        quay = store.feed("http://quay.example/rss")
    finally:
        store.close()
    assert quay is not None and quay.name == "Quay" and quay.tags == ("news",)
    newsraft = '@ Harbour\nfeed://harbour.example/feed.xml "Harbour Notes"\n'
    assert "1 feed added" in _imported(data_dir, capsys, tmp_path / "feeds", newsraft).out
    assert "http://harbour.example/feed.xml" in _subscribed(data_dir)
