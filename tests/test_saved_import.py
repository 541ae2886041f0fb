"""`reader import` of a read-it-later app's export: wallabag's JSON, Pocket's ril_export.html
and CSV, a browser's bookmarks.html (acc31c W1: each was refused as "not an OPML file", the
bookmarks one as "declares a DTD… XML attacks"), and with `--saved` a list of addresses. Every
link saved as `reader save` saves one, never subscribed to as a feed; the file's title and time
added kept, read or archived ones marked read, tags said dropped; a page that can't be had now
stays a saved link the next sync fetches. Real pages on 127.0.0.1, a real store, the CLI's
own `main`."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from reader.library import Library
from reader.saved_exports import read_saved_export
from tests.test_saved_links import STORY, cli

ADDED = 1764568800  # 2025-12-01 06:00 UTC


def _story(title: str) -> str:
    return STORY.replace("Harbour storm closes the ferry", title)


def _serve(server: HTTPServer) -> dict[str, str]:
    """Three stories, and one whose site is down (503); their addresses by name."""
    names = {"season": "The last season", "ferry": "Ferry timetable cut", "tide": "Tide power"}
    urls = {}
    for name, title in names.items():
        server.expect_request(f"/{name}.html").respond_with_data(
            _story(title), content_type="text/html"
        )
        urls[name] = server.url_for(f"/{name}.html")
    server.expect_request("/down.html").respond_with_data("down", status=503)
    urls["down"] = server.url_for("/down.html")
    return urls


def _wallabag(urls: dict[str, str]) -> str:
    def entry(
        n: int,
        url: str,
        title: str,
        archived: int,
        tags: list[str],
        content: str = "<p>The first boats left…</p>",
    ) -> dict[str, object]:
        return {
            "is_archived": archived,
            "is_starred": 0,
            "tags": tags,
            "is_public": False,
            "id": n,
            "title": title,
            "url": url,
            "given_url": url,
            "content": content,
            "created_at": "2025-12-01T07:00:00+01:00",
            "updated_at": "2025-12-02T21:03:10+01:00",
            "published_by": ["Kerensa Vosper"],
            "annotations": [],
            "mimetype": "text/html",
            "language": "en",
            "reading_time": 9,
            "domain_name": "127.0.0.1",
            "preview_picture": None,
            "http_status": "200",
            "headers": {},
        }

    return json.dumps(
        [
            entry(41, urls["season"], "The last season (wallabag)", 0, ["fishing", "longread"]),
            entry(42, urls["tide"], "Tide power", 1, ["energy"]),
            # No text kept (wallabag couldn't fetch it either): a link for the next sync.
            entry(43, urls["down"], "The site that is down", 0, [], ""),
        ]
    )


def _pocket_html(urls: dict[str, str]) -> str:
    return f"""<!DOCTYPE html>
<html>
\t<!--So long and thanks for all the fish--><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Pocket Export</title></head>
<body>
<h1>Unread</h1>
<ul>
<li><a href="{urls["season"]}" time_added="{ADDED}" tags="fishing,longread">The last season</a></li>
<li><a href="{urls["down"]}" time_added="{ADDED}" tags="">Down</a></li>
</ul>
<h1>Read Archive</h1>
<ul>
<li><a href="{urls["tide"]}" time_added="{ADDED}" tags="energy">Can the tide power a county?</a></li>
</ul>
</body></html>"""


def _pocket_csv(urls: dict[str, str]) -> str:
    return (
        "title,url,time_added,cursor,tags,status\n"
        f'"The last season, a fishing town",{urls["season"]},{ADDED},,fishing|longread,unread\n'
        f"Can the tide power a county?,{urls['tide']},{ADDED},,energy,archive\n"
        f"Down,{urls['down']},{ADDED},,,unread\n"
    )


def _bookmarks(urls: dict[str, str]) -> str:
    return f"""<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="{ADDED}">Reading</H3>
    <DL><p>
        <DT><A HREF="{urls["season"]}" ADD_DATE="{ADDED}" TAGS="fishing,longread">The last season</A>
        <DT><A HREF="{urls["tide"]}" ADD_DATE="{ADDED}">Tide</A>
        <DT><A HREF="{urls["down"]}" ADD_DATE="{ADDED}">Down</A>
        <DT><A HREF="javascript:alert(1)">A bookmarklet</A>
    </DL><p>
</DL><p>
"""


FORMATS = {
    "wallabag": (_wallabag, "from a wallabag export", True),
    "pocket-html": (_pocket_html, "from a Pocket export", True),
    "pocket-csv": (_pocket_csv, "from a Pocket export", True),
    "bookmarks": (_bookmarks, "from a bookmarks file", False),
}


def _saved(data: Path) -> tuple[dict[str, dict[str, object]], list[str], list[str]]:
    """The saved records, the titles Saved lists (read ones marked "read: "), and the feeds."""

    async def read() -> tuple[dict[str, dict[str, object]], list[str], list[str]]:
        async with Library(data, workers="thread") as lib:
            rows = sorted(
                ("read: " if h.read else "") + h.entry.title for h in lib.headlines(saved_only=True)
            )
            return lib.store.saved(), rows, [f.url for f in lib.feeds()]

    return asyncio.run(read())


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_is_saved_link_by_link_never_subscribed_to(
    kind: str, httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, came, read_kept = FORMATS[kind]
    urls = _serve(httpserver)
    export = tmp_path / "export"
    export.write_text(make(urls), encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    lines = printed.splitlines()
    read = "; 1 archived (read or archived there)" if read_kept else ""
    assert lines[0] == (
        f"3 links {came}: 2 saved for offline reading, 1 saved as a link not fetched yet,"
        f" 0 kept as links with no article there now, 0 already saved{read}"
    )
    assert lines[1] == (
        "the links not fetched stay in Saved: the next `reader sync` fetches them (one whose"
        " address answers with a feed is left out then)"
    )
    tags = (
        "3 tags (energy, fishing, longread)"
        if kind != "bookmarks"
        else "2 tags (fishing, longread)"
    )
    assert (
        lines[2]
        == f"filed under {tags.replace(' (', ' as there: ')[:-1]} (`reader list --tag TAG`)"
    )
    saved, rows, feeds = _saved(data)
    assert feeds == []
    assert set(saved) == {article_key(urls[n]) for n in ("season", "tide", "down")}
    # When the file says each was added, not now.
    assert all(record["at"] == ADDED for record in saved.values()) or kind == "wallabag"
    if kind == "wallabag":
        when = datetime(2025, 12, 1, 6, tzinfo=UTC).timestamp()
        assert {record["at"] for record in saved.values()} == {when}
    # The fetched ones by their page's title, the one not fetched by the file's.
    down = {"wallabag": "The site that is down", "bookmarks": "Down"}.get(kind, "Down")
    tide = "read: Tide power" if read_kept else "Tide power"
    assert rows == sorted([down, "The last season", tide])
    if kind == "bookmarks":
        assert "left out 1 entry with no web address" in said  # the bookmarklet
    # Each filed under its own tags, as the app had it (acc31c W2): the one not fetched too.
    by_key = {key: record.get("tags") for key, record in saved.items()}
    assert by_key[article_key(urls["season"])] == ["fishing", "longread"]
    assert by_key[article_key(urls["down"])] is None
    energy = None if kind == "bookmarks" else ["energy"]
    assert by_key[article_key(urls["tide"])] == energy
    # Archived there: archived here (wallabag's and Pocket's archive, acc31c W5), and read.
    archived = [key for key, record in saved.items() if record.get("archived")]
    assert archived == ([article_key(urls["tide"])] if read_kept else [])
    code, printed, _ = cli(capsys, data, "list", "--tag", "LongRead")
    assert code == 0 and [line.split("  ")[-1] for line in printed.splitlines()] == [
        "#fishing #longread"
    ]

    # Imported again: nothing saved twice.
    code, printed, _ = cli(capsys, data, "import", "--fetch-local", str(export))
    assert printed.splitlines()[0].endswith(
        "0 kept as links with no article there now, 3 already saved"
    )


def test_the_link_not_fetched_is_fetched_by_the_next_sync(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = _serve(httpserver)
    export = tmp_path / "ril_export.html"
    export.write_text(_pocket_html(urls), encoding="utf-8")
    data = tmp_path / "data"
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    httpserver.clear_all_handlers()
    httpserver.expect_request("/down.html").respond_with_data(
        _story("Back up again"), content_type="text/html"
    )
    assert cli(capsys, data, "sync")[0] == 0
    _, rows, _ = _saved(data)
    assert "Back up again" in rows
    _, printed, _ = cli(capsys, data, "list", "--saved", "--not-offline", "--ids")
    assert printed.strip() == ""


def test_a_list_of_addresses_is_saved_with_saved_and_subscribed_without(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = _serve(httpserver)
    # A feed's address among them is left out, as a bookmarks file's is: kept, it was a
    # "file" link (↗) in Saved every sync counted (acc33a A9).
    httpserver.expect_request("/metro/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Metro</title></channel></rss>',
        content_type="application/rss+xml",
    )
    feed = httpserver.url_for("/metro/feed.xml")
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# to read\n{urls['season']}\n{feed}\n{urls['tide']}\n", encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", "--saved", str(listed))
    assert code == 0
    assert printed.startswith("2 links from a list of addresses: 2 saved for offline reading")
    assert said == (
        "reader: left out 1 address of a feed: no article to read later (`reader add URL`"
        " subscribes to a feed)\n"
    )
    saved, _, feeds = _saved(data)
    assert len(saved) == 2 and feeds == []
    assert [r for r, _ in httpserver.log if r.path == "/metro/feed.xml"] == []  # not asked


def test_an_export_that_is_none_of_them_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("shopping: milk, eggs\n", encoding="utf-8")
    code, _, said = cli(capsys, tmp_path / "data", "import", "--saved", str(odd))
    assert code != 0
    assert said == (
        "reader: not a wallabag (JSON), Pocket (HTML or CSV), starred-articles (JSON) or"
        " bookmarks.html export, nor a"
        " list of addresses one a line\n"
    )


def test_an_opml_file_is_still_feeds() -> None:
    opml = b'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://a.example/f.xml"/></body></opml>'
    assert read_saved_export(opml) is None


def test_a_hostile_bookmarks_file_declares_entities_that_are_never_expanded() -> None:
    """Read as HTML: an entity a DTD declares (the start of a billion laughs, an external file)
    is text, never loaded."""
    hostile = (
        b'<!DOCTYPE NETSCAPE-Bookmark-file-1 [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b'<!ENTITY lol "lollollollol">]>\n<DL><p><DT><A HREF="https://a.example/story"'
        b' ADD_DATE="1764568800">&x;&lol;\x1b[31m</A></DL>'
    )
    export = read_saved_export(hostile)
    assert export is not None and export.kind == "bookmarks"
    (link,) = export.links
    assert link.url == "https://a.example/story"
    assert "root:" not in link.title and "lollol" not in link.title and "\x1b" not in link.title


def test_an_archived_short_link_is_read_as_the_story_it_led_to(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved as the story it leads to (acc31c W4), it is that story that is marked read."""
    httpserver.expect_request("/s/k3bX9").respond_with_data(
        "", status=301, headers={"Location": "/2026/storm.html?utm_source=share"}
    )
    httpserver.expect_request("/2026/storm.html").respond_with_data(STORY, content_type="text/html")
    export = tmp_path / "part_000000.csv"
    export.write_text(
        "title,url,time_added,cursor,tags,status\n"
        f"Storm,{httpserver.url_for('/s/k3bX9')},{ADDED},,,archive\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    code, printed, _ = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0 and printed.startswith("1 link from a Pocket export: 1 saved")
    saved, rows, _ = _saved(data)
    assert rows == ["read: Harbour storm closes the ferry"]
    assert [record["url"] for record in saved.values()] == [httpserver.url_for("/2026/storm.html")]


def test_a_wallabag_export_over_the_opml_cap_is_read_whole(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """wallabag's JSON holds every article's HTML: past 5 MB (the cap of a list of feeds), it
    is read on, up to its own cap; anything else stops at 5 MB, as before."""
    urls = _serve(httpserver)
    entries = json.loads(_wallabag(urls))
    entries[0]["content"] = "<p>" + "The first boats left the inner basin. " * 160_000 + "</p>"
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    assert export.stat().st_size > 5 * 2**20
    code, printed, said = cli(capsys, tmp_path / "data", "import", "--fetch-local", str(export))
    assert code == 0, said
    assert printed.startswith("3 links from a wallabag export: 2 saved for offline reading")
    big = tmp_path / "feeds.txt"
    big.write_text("https://a.example/feed.xml\n" * 250_000, encoding="utf-8")
    code, _, said = cli(capsys, tmp_path / "data", "import", str(big))
    assert code != 0 and "larger than 5 MB" in said
