"""`reader import` of read-it-later exports that are hostile or merely large (acc32a, acc32b):
impossible dates, a bookmarks folder past libxml2's depth limit, an OPML backup whose titles
read like another format, nesting and fields past what the parsers take, other charsets. Real
files, a real store, the CLI's own `main`."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from reader.library import Library
from reader.saved_exports import ExportError, read_saved_export
from tests.test_saved_links import STORY, cli

FAR = "9999-12-31T23:59:59-23:59"  # past 9999-12-31 once in UTC


def test_an_impossible_date_in_an_export_is_read_as_none() -> None:
    for when in (FAR, "0001-01-01T00:00:00+23:59", "1970-01-01T00:00:00Z"):
        data = json.dumps([{"url": "https://a.example/d1", "title": "t", "created_at": when}])
        export = read_saved_export(data.encode())
        assert export is not None
        assert [link.added for link in export.links] == [None], when


def test_a_saved_time_out_of_range_on_disk_stops_no_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A data directory an older version filled so (acc32b B14: `list --saved`, `sync` and the
    reader's lists ended in "year 10000 is out of range" until the link was unsaved)."""
    data = tmp_path / "data"

    async def plant() -> None:
        async with Library(data, workers="thread") as lib:
            lib.set_saved("https://a.example/far", True, 253_402_387_139.0, "Far future")
            lib.set_saved("https://a.example/nan", True, float("nan"), "Not a number")
            lib.set_saved("https://a.example/fine", True, 1_764_568_800.0, "Fine")

    asyncio.run(plant())
    code, printed, said = cli(capsys, data, "list", "--saved")
    assert code == 0, said
    assert all(title in printed for title in ("Far future", "Not a number", "Fine")), printed
    code, _, said = cli(capsys, data, "sync", "--no-articles")
    assert code == 0, said


def test_an_impossible_date_is_said_at_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "wallabag.json"
    entry = {"url": "http://127.0.0.1:9/d1", "title": "far future", "created_at": FAR}
    export.write_text(json.dumps([entry]), encoding="utf-8")
    code, _, said = cli(capsys, tmp_path / "data", "import", str(export))
    assert code == 0, said
    assert (
        "1 date added that cannot be (before 1995 or past the year 3000): saved as added now"
        in said
    )
    code, printed, said = cli(capsys, tmp_path / "data", "list", "--saved")
    assert code == 0 and "far future" in printed, said


def _bookmarks(body: str) -> str:
    return (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
        f"<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n{body}</DL><p>\n"
    )


def test_every_bookmark_of_a_big_folder_is_read() -> None:
    """A folder's `<DT>`s are never closed: libxml2 nested each in the one before and kept 252
    (acc32b B2), silently; a folder of 255 folders lost the link inside it."""
    many = "".join(
        f'    <DT><A HREF="https://a.example/{n}" ADD_DATE="1764568800">Link {n}</A>\n'
        for n in range(3000)
    )
    export = read_saved_export(_bookmarks(many).encode())
    assert export is not None and len(export.links) == 3000
    assert export.links[-1].title == "Link 2999" and export.links[-1].added is not None
    deep = (
        "<DT><H3>Folder</H3>\n<DL><p>\n" * 255
        + '<DT><A HREF="https://a.example/deep">Deep</A>\n'
        + "</DL><p>\n" * 255
        + '<DT><A HREF="https://a.example/after">After</A>\n'
    )
    export = read_saved_export(_bookmarks(deep).encode())
    assert export is not None
    assert [link.title for link in export.links] == ["Deep", "After"]


def test_a_bookmarks_file_in_windows_1252_or_utf_16_is_read() -> None:
    """acc32b B11: refused as "not a readable OPML file" / "declares a DTD"."""
    text = _bookmarks('<DT><A HREF="https://a.example/c">Café crème</A>\n')
    old = text.replace("charset=UTF-8", "charset=windows-1252").encode("cp1252")
    for data in (old, text.encode("utf-16")):
        export = read_saved_export(data)
        assert export is not None and export.kind == "bookmarks"
        assert [link.title for link in export.links] == ["Café crème"]


def test_an_opml_backup_whose_title_reads_like_pocket_is_feeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc32b B9: a feed titled "… time_added=…" made `reader export`'s own file a "Pocket
    export" that ended in a traceback, restoring nothing."""
    backup = tmp_path / "backup.opml"
    backup.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>reader'
        '</title></head><body>\n<outline type="rss" text="Harbour News time_added=1764000000"'
        ' title="Harbour News time_added=1764000000" xmlUrl="https://a.example/feed.xml"/>\n'
        "</body></opml>\n",
        encoding="utf-8",
    )
    assert read_saved_export(backup.read_bytes()) is None
    code, printed, said = cli(capsys, tmp_path / "data", "import", str(backup))
    assert code == 0, said
    assert printed.startswith("1 feed added")
    without = backup.read_text(encoding="utf-8").split("\n", 1)[1]
    assert read_saved_export(without.encode()) is None


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "deep.json",
            "[" * 200_000 + "]" * 200_000,
            "not a wallabag export (JSON): nested too deep",
        ),
        (
            "deep2.json",
            '[{"url": "https://a.example/x"}, ' + "[" * 200_000 + "]" * 200_000 + "]",
            "not a wallabag export (JSON): nested too deep",
        ),
        ("cut.json", '[{"url": "https://a.example/x"}, {"url": ', "not a readable wallabag export"),
        ("empty.json", "[]", "a wallabag export with no entries: nothing to import"),
        ("other.json", '[{"name": "x", "link": "https://a.example/"}]', "not a wallabag export"),
        (
            "big.csv",
            "title,url,time_added,cursor,tags,status\n"
            + "x" * 200_000
            + ",https://a.example/,1,,,\n",
            "not a readable Pocket export (CSV): field larger than field limit",
        ),
        (
            "quote.csv",
            'title,url,time_added,cursor,tags,status\n"' + "x" * 200_000 + "\n",
            "not a readable Pocket export (CSV)",
        ),
    ],
)
def test_an_export_past_what_is_read_is_refused_in_one_line(
    name: str, content: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc32b B4: a RecursionError or a csv.Error traceback; acc32a A17: `[]` refused as "not an
    OPML file nor a list of feed addresses"."""
    export = tmp_path / name
    export.write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, tmp_path / "data", "import", str(export))
    assert code == 1
    assert err.startswith(f"reader: {said}") and err.count("\n") == 1, err


def test_a_file_of_none_of_the_formats_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc32a A17: JSON of one object or a page of links named OPML alone."""
    for name, content in (
        ("single.json", '{"title": "x", "url": "https://a.example/"}'),
        (
            "links.html",
            '<!DOCTYPE html><html><body><a href="https://a.example/">x</a></body></html>',
        ),
    ):
        export = tmp_path / name
        export.write_text(content, encoding="utf-8")
        code, _, err = cli(capsys, tmp_path / "data", "import", str(export))
        assert code == 1 and err.count("\n") == 1
        assert "wallabag (JSON), Pocket (HTML or CSV), FreshRSS's or Inoreader's starred" in err


def test_a_million_empty_entries_take_no_more_than_the_file() -> None:
    """acc32b B4: `[{},{},…]` made an object of each before a link was looked for: 25 MB of it
    took 705 MB. Read an entry at a time, only the links are kept."""
    import tracemalloc

    data = ("[" + "{}," * 1_000_000 + '{"url": "https://a.example/a"}]').encode()
    tracemalloc.start()
    export = read_saved_export(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert export is not None and len(export.links) == 1 and export.skipped == 1_000_000
    assert peak < 4 * len(data), peak


def test_what_is_not_kept_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """acc32a A19: wallabag's annotations dropped without a word (now kept, and said); A3: a
    link given twice counted nowhere; A13: a bookmarked home page or feed saved as an article,
    failing each sync."""
    wallabag = tmp_path / "notes.json"
    note = {"text": "my important note", "quote": "ferry timetable"}
    wallabag.write_text(
        json.dumps(
            [
                {"url": "http://127.0.0.1:9/a", "title": "A", "annotations": [note, note]},
                {"url": "http://127.0.0.1:9/a", "title": "A again", "annotations": []},
            ]
        ),
        encoding="utf-8",
    )
    code, printed, err = cli(capsys, tmp_path / "data", "import", str(wallabag))
    assert code == 0, err
    assert printed.startswith("1 link from a wallabag export")
    assert "1 link given twice in the file: saved once" in printed
    # Kept now, as highlights (their own test: test_saved_import_notes).
    # The same passage twice is one highlight: said so, not "kept 2" (acc51b B10).
    assert (
        "kept 1 of the file's 2 annotations (wallabag's notes and highlights) on 1 article: the"
        " others kept already (imported before, or the same passage twice)" in printed
    )
    bookmarks = tmp_path / "bookmarks.html"
    bookmarks.write_text(
        _bookmarks(
            '<DT><A HREF="https://a.example/">Home</A>\n'
            '<DT><A HREF="https://a.example/world/feed.xml">Live bookmark</A>\n'
            '<DT><A HREF="https://a.example/feed/">Feed</A>\n'
            '<DT><A HREF="https://a.example/2026/story.html">Story</A>\n'
            '<DT><A HREF="https://a.example/?p=12">A post</A>\n'
        ),
        encoding="utf-8",
    )
    export = read_saved_export(bookmarks.read_bytes())
    assert export is not None and export.sites == 3
    assert [link.title for link in export.links] == ["Story", "A post"]


def test_links_to_this_computer_in_a_file_are_saved_not_fetched(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc32b B1: an import fetched the loopback, LAN and cloud-metadata addresses a file
    named at once, `user:pw@` sent as Basic auth. Saved as links, fetched when the user opens
    one (acc32a A2: then refused "from a public address", which there was none of)."""
    httpserver.expect_request("/secret").respond_with_data(STORY, content_type="text/html")
    secret = httpserver.url_for("/secret")
    with_password = secret.replace("http://", "http://user:pw@")
    export = tmp_path / "wallabag.json"
    export.write_text(
        json.dumps(
            [
                {"url": secret, "title": "Internal admin"},
                {"url": with_password},
                {"url": "http://169.254.169.254/latest/meta-data/"},
                {"url": "http://admin:admin@192.168.1.1/cgi?action=reboot"},
            ]
        ),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", str(export))
    assert code == 0, said
    assert httpserver.log == []  # nothing asked, with or without a password
    # The first line counts all 3, not "0 saved as links not fetched yet" (acc33a A1).
    assert printed.startswith(
        "3 links from a wallabag export: 0 saved for offline reading, 0 saved as links not"
        " fetched yet, 3 saved as links to this computer or its network, not fetched, 0 kept"
        " as links with no article there now, 0 already saved\n"
    )
    assert "1 link given twice in the file: saved once" in printed
    assert (
        "the 3 links to this computer or its network (localhost, 192.168.x, 169.254.x) not"
        " fetched, by a sync either: open one to fetch it, or run this import again with --fetch-local"
    ) in printed
    assert "dropped the name and password of 2 links: never sent" in said
    (shown,) = [
        line.split()[0]
        for line in cli(capsys, data, "list", "--saved")[1].splitlines()
        if "Internal admin" in line
    ]
    code, printed, said = cli(capsys, data, "show", shown)
    assert code == 0, said
    assert "Harbour storm closes the ferry" in printed
    assert len(httpserver.log) == 1
    assert "Authorization" not in httpserver.log[0][0].headers


def test_the_reader_opens_on_a_saved_time_out_of_range(tmp_path: Path) -> None:
    """acc32b B14: the reader stayed on "Loading headlines…", "Error: ValueError: year 10000 is
    out of range" in its status line, for good."""
    from tests.tui_pilot import running, screen_text

    data = tmp_path / "data"

    async def plant() -> None:
        async with Library(data, workers="thread") as lib:
            lib.set_saved("https://a.example/far", True, 253_402_387_139.0, "Far future")

    asyncio.run(plant())

    async def look() -> str:
        async with running(data, (100, 30), prefetch=False) as (app, pilot):
            await pilot.pause()
            return screen_text(app)

    shown = asyncio.run(look())
    assert "Loading headlines" not in shown and "Error" not in shown, shown
    assert "Saved" in shown


def test_a_link_an_import_left_unfetched_is_left_by_syncs_and_the_prefetch_too(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc32b B1's leftover: every `reader sync` (and the reader's fetching ahead in Saved)
    fetched the link to this computer the import had left for the user to open. Opened, it is
    fetched; saved again by the user's own asking, it is a saved link as any other."""
    from reader.ui.headlines import SAVED_VIEW
    from tests.tui_pilot import running, table, until

    httpserver.expect_request("/secret").respond_with_data(STORY, content_type="text/html")
    httpserver.expect_request("/mine").respond_with_data(STORY, content_type="text/html")
    secret, mine = httpserver.url_for("/secret"), httpserver.url_for("/mine")
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps([{"url": secret, "title": "Internal admin"}]), encoding="utf-8")
    data = tmp_path / "data"
    assert cli(capsys, data, "import", str(export))[0] == 0
    code, printed, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert httpserver.log == []
    # Not promised to the next sync ("not fetched yet"), as a sync left it.
    assert "1 saved link to this computer or its network, fetched when opened" in printed + said
    assert "not fetched yet" not in printed + said

    async def saved_by_hand() -> None:  # a link of the user's own, saved unfetched
        async with Library(data, workers="thread") as lib:
            lib.set_saved(mine, True, title="Mine")

    asyncio.run(saved_by_hand())

    def asked(path: str) -> bool:
        return any(request.path == path for request, _ in httpserver.log)

    async def look() -> None:
        async with running(data, (120, 40)) as (app, pilot):
            app.main_screen.show_feed(SAVED_VIEW)
            await until(pilot, lambda: asked("/mine"), "the fetch ahead of the user's own")
            await until(
                pilot, lambda: not any(w.group == "prefetch" for w in app.workers), "its end"
            )
            assert not asked("/secret")
            rows = table(app).rows
            assert [r.entry.title for r in rows if r.cached] == ["Mine"]

    asyncio.run(look())

    code, printed, said = cli(capsys, data, "show", secret)  # opened: fetched
    assert code == 0 and "Harbour storm closes the ferry" in printed, said
    assert asked("/secret")

    async def saved_again() -> tuple[object, object]:
        async with Library(data, workers="thread") as lib:
            lib.store.forget_article(secret)
            before = lib.store.saved()[article_key(secret)].get("held")
            lib.set_saved(secret, True)  # `s`, `reader save`: the user's own asking
            return before, lib.store.saved()[article_key(secret)].get("held")

    assert asyncio.run(saved_again()) == ("local", None)


def _wallabag_entries(count: int, words: int, seed: int = 7) -> bytes:
    """A wallabag export of `count` entries of `words` words of text each, accents, curly
    quotes and, in one, an emoji among them, as articles have them."""
    import json
    import random

    rng = random.Random(seed)
    vocabulary = ["harbour’s", "café", "quay", "ferry", "“storm”", "night", "crew", "—", "dawn"]
    vocabulary += [f"w{n}" for n in range(400)]
    entries = []
    for n in range(count):
        text = " ".join(rng.choice(vocabulary) for _ in range(words))
        if n == count // 2:
            text += " 🌊"
        entries.append(
            {"url": f"https://a.example/{n}", "title": f"Story {n} ’", "content": f"<p>{text}</p>"}
        )
    return json.dumps(entries, ensure_ascii=False).encode()


def test_the_texts_of_an_export_are_not_held_as_text_whole() -> None:
    """wall34: the file decoded whole (four bytes a letter for one emoji in it), then every
    entry's text held through the import: four to eight times the file. Read a chunk at a
    time, each text kept compressed: less than the file."""
    import tracemalloc

    data = _wallabag_entries(800, 3_000)
    tracemalloc.start()
    export = read_saved_export(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert export is not None and len(export.links) == 800
    assert "🌊" in export.links[400].kept_text and "’" in export.links[0].title
    assert peak < 0.75 * len(data), (peak, len(data))


def test_an_export_read_a_chunk_at_a_time_reads_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of a few bytes split letters, numbers and entries: the same links, and a fault
    said at the same line."""
    from reader import saved_exports

    data = b"\xef\xbb\xbf" + _wallabag_entries(12, 30).replace(b"}, {", b"},\n 12345, {")
    whole = read_saved_export(data)
    monkeypatch.setattr(saved_exports, "_CHUNK", 5)
    chunked = read_saved_export(data)
    assert whole is not None and chunked == whole
    assert len(whole.links) == 12 and whole.skipped == 11
    bad = data[:-1] + b",\n\n{oops}]"
    with pytest.raises(ExportError) as small:
        read_saved_export(bad)
    monkeypatch.setattr(saved_exports, "_CHUNK", 1 << 20)
    with pytest.raises(ExportError) as large:
        read_saved_export(bad)
    assert str(small.value) == str(large.value)
    assert str(large.value).endswith("something else than an entry at line 14"), large.value
