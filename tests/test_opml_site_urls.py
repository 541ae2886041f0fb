"""An OPML outline's `htmlUrl` kept as the feed's site from `reader import` on, written again by
`reader export` before any sync and after one that failed, until a fetch gives the feed's own
link (acc49d D4: a dead feed's site, often the only way to find its new home, was gone from the
export). Real files, the real `reader` command, feeds on a 127.0.0.1 server."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree.ElementTree import fromstring

from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.opml import read_opml


def _opml(outlines: list[tuple[str, str, str]]) -> str:
    return (
        '<?xml version="1.0"?><opml version="1.0"><head><title>Feedly</title></head><body>'
        '<outline text="News" title="News">'
        + "".join(
            f'<outline type="rss" text="{text}" xmlUrl="{url}"'
            + (f' htmlUrl="{site}"' if site else "")
            + "/>"
            for text, url, site in outlines
        )
        + "</outline></body></opml>"
    )


def _exported_sites(home: Path) -> dict[str, str | None]:
    exported = reader(home, "export").stdout
    return {
        o.get("xmlUrl", ""): o.get("htmlUrl")
        for o in fromstring(exported.encode()).iter("outline")
        if o.get("xmlUrl")
    }


def test_an_outlines_site_is_kept_until_the_feed_gives_its_own(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/harbour.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
        "<link>https://harbour.example/own</link>"
        "<item><title>Dredging</title><link>http://127.0.0.1:9/d.html</link></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/broken.xml").respond_with_data("down", status=500)
    harbour, broken = httpserver.url_for("/harbour.xml"), httpserver.url_for("/broken.xml")
    never = "http://127.0.0.1:9/never.xml"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        _opml(
            [
                ("Harbour", harbour, "https://harbour.example/from-opml"),
                ("Server error 0", broken, "http://127.0.0.1:8781/broken/"),
                ("Never", never, "https://never.example/"),
                ("No site", "http://127.0.0.1:9/none.xml", "javascript:alert(1)"),
            ]
        )
    )
    home = tmp_path / "lib"
    assert reader(home, "import", str(opml)).returncode == 0

    # Imported, never fetched: the site of each is in the export and in `feeds --json`.
    sites = _exported_sites(home)
    assert sites[broken] == "http://127.0.0.1:8781/broken/"
    assert sites[never] == "https://never.example/"
    assert sites["http://127.0.0.1:9/none.xml"] is None  # no web address: none kept
    rows = {r["url"]: r for r in json.loads(reader(home, "feeds", "--json").stdout)}
    assert rows[broken]["site_url"] == "http://127.0.0.1:8781/broken/"

    # A sync: the feed that works gives its own link; the one failing keeps the file's.
    reader(home, "sync", "--no-articles")
    sites = _exported_sites(home)
    assert sites[harbour] == "https://harbour.example/own"
    assert sites[broken] == "http://127.0.0.1:8781/broken/"


def test_a_feed_subscribed_before_takes_the_files_site_when_it_has_none(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/quay.xml"
    home = tmp_path / "lib"
    reader(home, "add", "--keep", url)
    opml = tmp_path / "subs.opml"
    opml.write_text(_opml([("Quay", url, "https://quay.example/")]))
    assert reader(home, "import", str(opml)).returncode == 0
    assert _exported_sites(home)[url] == "https://quay.example/"


def test_a_feed_listed_twice_keeps_the_first_site_given() -> None:
    url = "https://quay.example/feed.xml"
    data = _opml([("Quay", url, ""), ("Quay again", url, "https://quay.example/")]).encode()
    assert [f.site_url for f in read_opml(data).found] == ["https://quay.example/"]
