"""An import's links after the import: the copy wallabag kept of a page that did not come is
replaced by the page at the next sync that reaches it (kept as the earlier copy), and left for
good when the page answered 404 or with no article; a link to this computer gets wallabag's copy
too; a link saved before with no copy gets the file's; and a file's link whose name leads to
this computer at the fetch (DNS rebinding, or an import made offline) is never asked there.
Real pages on 127.0.0.1 (pytest-httpserver), a real store on a temp dir, the CLI's own `main`;
names resolved through the system resolver's one function, answering as a rebinding DNS would."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.store.saved import HELD
from tests.test_saved_import_copies import KEPT, _entry
from tests.test_saved_links import STORY, cli

TITLE = "Harbour storm closes the ferry"


def _wallabag(tmp_path: Path, *entries: dict[str, object], name: str = "wallabag.json") -> Path:
    export = tmp_path / name
    export.write_text(json.dumps(list(entries)), encoding="utf-8")
    return export


def _asked(server: HTTPServer, path: str) -> int:
    return sum(request.path == path for request, _ in server.log)


def _import_list(
    capsys: pytest.CaptureFixture[str], data: Path, urls: list[str], *options: str
) -> str:
    """`reader import --saved` (with `options`) of a list of `urls` into `data`, which must
    end well: what it printed."""
    links = data.parent / f"links-{len(list(data.parent.iterdir()))}.txt"
    links.write_text("".join(f"{url}\n" for url in urls), encoding="utf-8")
    code, printed, said = cli(capsys, data, "import", "--saved", *options, str(links))
    assert code == 0, said
    return printed


def _saved_record(data: Path, url: str) -> dict[str, Any]:
    async def read() -> dict[str, Any]:
        async with Library(data, workers="thread") as lib:
            record = lib.saved_record(url)
            assert record is not None
            return record

    return asyncio.run(read())


def test_an_import_made_offline_ends_with_the_page_after_the_next_sync(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The traveller's case: every page failing at the import (here the server answering 503),
    each is saved as wallabag's copy; the next sync that reaches the page caches it in the
    copy's place, wallabag's kept as the earlier copy, and asks no more after that."""
    httpserver.expect_request("/story.html").respond_with_data("down", status=503)
    url = httpserver.url_for("/story.html")
    export = _wallabag(tmp_path, _entry(url, TITLE, KEPT.format(name="ferry story's")))
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "1 saved as the text wallabag kept" in printed
    code, shown, _ = cli(capsys, data, "show", "--offline", url)
    assert "Note: this is the text wallabag kept" in shown

    httpserver.clear()  # online now: the page comes
    httpserver.expect_request("/story.html").respond_with_data(STORY, content_type="text/html")
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert _asked(httpserver, "/story.html") == 1
    assert "the page in place of wallabag's copy: Harbour storm closes the ferry" in said, said
    assert "1 article cached for offline, 0 already cached" in said
    code, shown, said = cli(capsys, data, "show", "--offline", url)
    assert code == 0, said
    assert "The harbour ferry stayed tied up all of Saturday" in shown
    assert "text wallabag kept" not in shown and "ferry story's" not in shown
    code, shown, _ = cli(capsys, data, "show", "--offline", "--format", "json", url)
    assert json.loads(shown)["kept_by"] == ""
    # wallabag's text is the earlier copy, as a correction's is.
    code, shown, said = cli(capsys, data, "show", "--offline", "--version", "1", url)
    assert code == 0, said
    assert "ferry story's text wallabag kept" in shown

    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert _asked(httpserver, "/story.html") == 1  # the page's own now: cached, not asked


def test_a_page_gone_for_good_keeps_the_copy_and_is_not_asked_at_every_sync(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 404 or a PDF at the import, or a 410 at the first sync after an import made offline:
    wallabag's copy stays, and the syncs after leave the page alone (`R` asks)."""
    httpserver.expect_request("/gone.html").respond_with_data("Not found", status=404)
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 ...", content_type="application/pdf"
    )
    httpserver.expect_request("/later.html").respond_with_data("down", status=503)
    urls = {path: httpserver.url_for(path) for path in ("/gone.html", "/report.pdf", "/later.html")}
    export = _wallabag(
        tmp_path, *(_entry(url, TITLE, KEPT.format(name=path)) for path, url in urls.items())
    )
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "3 saved as the text wallabag kept" in printed
    httpserver.clear()
    httpserver.expect_request("/gone.html").respond_with_data("Not found", status=404)
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 ...", content_type="application/pdf"
    )
    httpserver.expect_request("/later.html").respond_with_data("Gone", status=410)
    for _ in range(2):
        code, _, said = cli(capsys, data, "sync")
        assert code == 0, said
    # Asked once, by the first sync: its 410 is the answer for good.
    assert _asked(httpserver, "/later.html") == 1, httpserver.log
    assert _asked(httpserver, "/gone.html") == 0 and _asked(httpserver, "/report.pdf") == 0
    for path, url in urls.items():
        code, shown, said = cli(capsys, data, "show", "--offline", url)
        assert code == 0, said
        assert f"The {path} text wallabag kept" in shown, shown


def test_a_link_to_this_computer_gets_the_copy_wallabag_kept(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not fetched (no --fetch-local): wallabag's copy read offline all the same, and no sync
    asks for the page."""
    httpserver.expect_request("/intranet.html").respond_with_data(STORY, content_type="text/html")
    url = httpserver.url_for("/intranet.html")
    export = _wallabag(tmp_path, _entry(url, TITLE, KEPT.format(name="intranet page's")))
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", str(export))
    assert code == 0, said
    assert "1 saved as the text wallabag kept" in printed, printed
    assert "1 of them to this computer or its network, not fetched" in printed, printed
    assert (
        "`R` on one in the reader fetches its page, and this import again with --fetch-local"
        in printed
    ), printed
    code, shown, said = cli(capsys, data, "show", "--offline", url)
    assert code == 0, said
    assert "intranet page's text wallabag kept" in shown
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert not httpserver.log  # neither the import nor the sync asked this computer
    assert _saved_record(data, url).get(HELD)


def test_a_link_saved_before_with_no_copy_gets_the_files_copy(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Imported a second time: a link saved before whose page did not come, or held as this
    computer's, gets the copy the file holds; one cached from its page keeps the page's."""
    httpserver.expect_request("/down.html").respond_with_data("down", status=503)
    httpserver.expect_request("/alive.html").respond_with_data(STORY, content_type="text/html")
    down, alive = httpserver.url_for("/down.html"), httpserver.url_for("/alive.html")
    local = httpserver.url_for("/local.html")
    data = tmp_path / "data"
    _import_list(capsys, data, [down, alive], "--fetch-local")
    printed = _import_list(capsys, data, [local])
    assert "1 saved as a link to this computer or its network" in printed, printed
    code, _, _ = cli(capsys, data, "show", "--offline", down)
    assert code != 0  # no copy yet

    export = _wallabag(
        tmp_path,
        _entry(down, TITLE, KEPT.format(name="down page's")),
        _entry(alive, TITLE, KEPT.format(name="alive page's")),
        _entry(local, TITLE, KEPT.format(name="local page's")),
    )
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "2 saved as the text wallabag kept" in printed and "1 already saved" in printed, printed
    for url, name in ((down, "down page's"), (local, "local page's")):
        code, shown, said = cli(capsys, data, "show", "--offline", url)
        assert code == 0, said
        assert f"{name} text wallabag kept" in shown
    code, shown, _ = cli(capsys, data, "show", "--offline", alive)
    assert "The harbour ferry stayed tied up" in shown and "wallabag" not in shown


class _Rebinding:
    """The system resolver, but `name` resolves to a public address at its first `lookups`
    lookups (the import's look at it) and to 127.0.0.1 after (the connection's): a DNS server
    rebinding it, as one a page's owner runs may."""

    def __init__(self, name: str, lookups: int) -> None:
        self.name, self.lookups = name, lookups
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (self.name, self.name.encode()):  # anyio asks by its IDNA bytes
            return self.real(host, port, *args, **kwargs)
        address = "93.184.215.14" if self.lookups > 0 else "127.0.0.1"
        self.lookups -= 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]


def test_a_name_rebound_to_this_computer_at_the_fetch_is_not_asked(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Public when the import looks at it, 127.0.0.1 when the connection is made: refused on
    the address the connection reached, before the request is sent; saved as a link to this
    computer (with wallabag's copy), which no sync fetches."""
    httpserver.expect_request("/admin").respond_with_data(STORY, content_type="text/html")
    url = f"http://rebind.example:{httpserver.port}/admin"
    monkeypatch.setattr(socket, "getaddrinfo", _Rebinding("rebind.example", 1))
    export = _wallabag(tmp_path, _entry(url, TITLE, KEPT.format(name="router page's")))
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", str(export))
    assert code == 0, said
    assert not httpserver.log  # the request never went out
    assert "1 of them to this computer or its network, not fetched" in printed, printed
    assert _saved_record(data, url).get(HELD)
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert not httpserver.log


def _imported_offline(
    tmp_path: Path,
    server: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, Path]:
    """A list of one link, offline.example's /admin (a page on `server`), imported while the
    name resolves to nothing (offline: taken as public); the link and the data directory."""
    server.expect_request("/admin").respond_with_data(STORY, content_type="text/html")
    url = f"http://offline.example:{server.port}/admin"
    real = socket.getaddrinfo

    def offline(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("offline.example", b"offline.example"):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    links = tmp_path / "links.txt"
    links.write_text(f"{url}\n", encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--saved", str(links))
    assert code == 0, said
    assert "1 saved as a link not fetched yet" in printed, printed
    return url, data


def test_a_files_link_that_leads_to_this_computer_at_the_sync_is_not_asked(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Imported offline (its name resolving to nothing: taken as public), then resolving to
    127.0.0.1 at the sync: the sync's request is refused before it is sent, and the link is
    left for the user to open from then on; opening it (the user's own request) fetches it."""
    url, data = _imported_offline(tmp_path, httpserver, capsys, monkeypatch)
    monkeypatch.setattr(socket, "getaddrinfo", _Rebinding("offline.example", 0))
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert not httpserver.log, httpserver.log
    assert "refused an imported file's link from a public address to a loopback one" in said
    assert "(it resolved to 127.0.0.1): fetched when you open it" in said, said
    assert _saved_record(data, url).get(HELD)
    code, shown, said = cli(capsys, data, "show", url)
    assert code == 0, said
    assert "The harbour ferry stayed tied up" in shown
    assert len(httpserver.log) == 1


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Metro</title>
<link>http://example.com/</link><item><title>Tram lines reopen</title>
<link>http://example.com/trams</link></item></channel></rss>"""


def test_a_feed_at_an_address_not_shaped_like_one_is_told_by_what_it_answers(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/?cat=metro` answering with RSS (also when the server calls it text/html): left out
    as a feed's address is, not saved as a link to a file every sync counts."""
    httpserver.expect_request("/", query_string="cat=metro").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    httpserver.expect_request("/", query_string="cat=sport").respond_with_data(
        RSS, content_type="text/html"
    )
    httpserver.expect_request("/story.html").respond_with_data(STORY, content_type="text/html")
    metro, sport = httpserver.url_for("/?cat=metro"), httpserver.url_for("/?cat=sport")
    links = tmp_path / "links.txt"
    links.write_text(f"{metro}\n{sport}\n{httpserver.url_for('/story.html')}\n", encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--saved", "--fetch-local", str(links))
    assert code == 0, said
    assert "3 links from a list of addresses: 1 saved for offline reading" in printed, printed
    assert "2 left out (a feed)" in printed
    assert "left out 2 links whose address answered with a feed" in said, said
    code, listed, said = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0, said
    assert [item["title"] for item in json.loads(listed)] == [TITLE]


def test_the_readers_fetch_ahead_keeps_a_files_link_off_this_computer_too(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader fetching ahead in Saved asks for a link of the user's own on this computer,
    not for a file's whose name leads there now."""
    from reader.ui.headlines import SAVED_VIEW
    from tests.tui_pilot import running, until

    httpserver.expect_request("/mine").respond_with_data(STORY, content_type="text/html")
    _, data = _imported_offline(tmp_path, httpserver, capsys, monkeypatch)

    async def saved_by_hand() -> None:
        async with Library(data, workers="thread") as lib:
            lib.set_saved(httpserver.url_for("/mine"), True, title="Mine")

    asyncio.run(saved_by_hand())
    monkeypatch.setattr(socket, "getaddrinfo", _Rebinding("offline.example", 0))

    async def look() -> None:
        async with running(data, (120, 40)) as (app, pilot):
            app.main_screen.show_feed(SAVED_VIEW)
            await until(pilot, lambda: _asked(httpserver, "/mine") > 0, "the user's own")
            await until(
                pilot, lambda: not any(w.group == "prefetch" for w in app.workers), "its end"
            )

    asyncio.run(look())
    assert _asked(httpserver, "/admin") == 0, httpserver.log


def test_a_copy_an_import_kept_before_the_marks_is_replaced_too(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy a reader from before the marks cached (the 33rd session's: no `kept-by:` beside
    it) is found by the first sync, once, and its page asked for as any other's."""
    from reader.keys import article_key
    from reader.store.articles import _COPIES_MARKED, KEPT_BY

    httpserver.expect_request("/story.html").respond_with_data("down", status=503)
    url = httpserver.url_for("/story.html")
    export = _wallabag(tmp_path, _entry(url, TITLE, KEPT.format(name="ferry story's")))
    data = tmp_path / "data"
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0

    async def as_before() -> None:
        async with Library(data, workers="thread") as lib:
            lib.store._articles.delete(KEPT_BY + article_key(url))
            lib.store._state.delete(_COPIES_MARKED)

    asyncio.run(as_before())
    httpserver.clear()
    httpserver.expect_request("/story.html").respond_with_data(STORY, content_type="text/html")
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert "the page in place of wallabag's copy" in said, said
    code, shown, _ = cli(capsys, data, "show", "--offline", url)
    assert "The harbour ferry stayed tied up" in shown and "text wallabag kept" not in shown


def test_a_files_link_saved_by_a_reader_from_before_the_mark_is_guarded_too(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file's link as a reader from before `FROM_FILE` saved it (no mark in its record) is
    a file's link to the first sync all the same: its name resolving to 127.0.0.1 then, the
    request is refused before it is sent. That sync fetched it wherever its name led. A link
    the user saved whose page came (cached whole: no sync fetches it) is left as it was."""
    from reader.keys import article_key
    from reader.store.saved import _FILE_LINKS_MARKED, FROM_FILE

    url, data = _imported_offline(tmp_path, httpserver, capsys, monkeypatch)
    httpserver.expect_request("/own.html").respond_with_data(STORY, content_type="text/html")
    own = httpserver.url_for("/own.html")
    assert cli(capsys, data, "save", own)[0] == 0

    async def as_before() -> None:
        async with Library(data, workers="thread") as lib:
            record = lib.store.saved()[article_key(url)]
            record.pop(FROM_FILE, None)
            lib.store.restore_saved(url, record)
            lib.store._state.delete(_FILE_LINKS_MARKED)

    asyncio.run(as_before())
    assert FROM_FILE not in _saved_record(data, url)
    monkeypatch.setattr(socket, "getaddrinfo", _Rebinding("offline.example", 0))
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert _asked(httpserver, "/admin") == 0, httpserver.log
    assert "(it resolved to 127.0.0.1): fetched when you open it" in said, said
    assert _saved_record(data, url).get(HELD)
    assert FROM_FILE not in _saved_record(data, own)


def test_a_link_saved_by_hand_on_a_new_directory_is_never_taken_for_a_files(
    tmp_path: Path,
) -> None:
    """Marking a reader from before the mark's links is done before this reader's first
    change to Saved: a link the user saves with its page not coming (not cached) is theirs."""
    from reader.store import Store
    from reader.store.saved import FROM_FILE

    store = Store(tmp_path / "data")
    try:
        store.set_saved("http://intranet.example/wiki/page", True)
        assert not store.mark_file_links_saved_before()
        assert [FROM_FILE in r for r in store.saved().values()] == [False]
    finally:
        store.close()


_STORY_TEXT = (
    "<p>The harbour ferry stayed tied up all of Saturday as a storm drove waves over the"
    " breakwater, and the crossing will not run again before Sunday evening, its operator"
    " said.</p><p>Passengers were told to take the long road round the estuary, a drive of an"
    " hour and a half.</p>"
)
_OTHER_TEXT = (
    "<p>The council approved next year's budget on Thursday night after a four-hour debate,"
    " with the library's opening hours cut and the swimming pool's roof to be mended.</p>"
)


def test_a_retitled_page_whose_text_is_the_copys_takes_its_place(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """wallabag's title and the page's share no word (the site retitled the story): the
    page, whose text is the copy's but for a correction, is the story, and takes the copy's
    place; it was taken for another page, and the copy kept for good. A page whose text is
    another story's still leaves the copy."""
    for path in ("/story.html", "/other.html"):
        httpserver.expect_request(path).respond_with_data("down", status=503)
    story, other = httpserver.url_for("/story.html"), httpserver.url_for("/other.html")
    export = _wallabag(
        tmp_path,
        {**_entry(story, "Crossing cancelled as gale hits estuary", _STORY_TEXT), "id": 1},
        {**_entry(other, "Council budget approved", _OTHER_TEXT), "id": 2},
    )
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "2 saved as the text wallabag kept" in printed, printed

    httpserver.clear()
    for path in ("/story.html", "/other.html"):
        httpserver.expect_request(path).respond_with_data(STORY, content_type="text/html")
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    replaced = [line for line in said.splitlines() if "in place of wallabag's copy" in line]
    assert len(replaced) == 1 and "Crossing cancelled as gale hits estuary" in replaced[0], said
    code, shown, _ = cli(capsys, data, "show", "--offline", story)
    assert "before Monday morning" in shown and "text wallabag kept" not in shown, shown
    code, shown, _ = cli(capsys, data, "show", "--offline", other)
    assert "Note: this is the text wallabag kept" in shown and "budget" in shown, shown


def test_a_feed_the_import_could_not_reach_is_left_out_at_the_sync(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/?cat=metro` down at the import (503: saved as a link, as any page may be) and
    answering with RSS at the sync: left out of Saved then and said, as the import leaves out
    one it reaches; it stayed in Saved as "not an article page" for good, every recap
    counting it."""
    httpserver.expect_request("/", query_string="cat=metro").respond_with_data("down", status=503)
    metro = httpserver.url_for("/?cat=metro")
    data = tmp_path / "data"
    printed = _import_list(capsys, data, [metro], "--fetch-local")
    assert "1 saved as a link not fetched yet" in printed, printed
    assert "(one whose address answers with a feed is left out then)" in printed, printed

    httpserver.clear()
    httpserver.expect_request("/", query_string="cat=metro").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    code, _, said = cli(capsys, data, "sync")
    assert code == 0, said
    assert [line for line in said.splitlines() if "left out of Saved" in line] == [
        f"reader: left out of Saved: {metro} <{metro}>: its address answers with a feed, no"
        " article to read later (`reader add URL` subscribes)"
    ], said
    assert "0 articles cached for offline, 0 already cached, 0 failed" in said, said
    assert "not an article" not in said, said
    code, listed, said = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0, said
    assert json.loads(listed) == []


def test_the_S_line_counts_the_feeds_left_out_of_saved() -> None:
    from reader.errors import ErrorKind, FetchError
    from reader.models import Entry
    from reader.reports import SyncReport
    from reader.ui.app_sync import sync_summary

    link = "http://news.example/?cat=metro"
    error = FetchError(ErrorKind.NOT_HTML, "not an article page (RSS)", link, feed=True)
    report = SyncReport(feeds_unsaved=[(Entry("e1", "", "", link), error)])
    assert "1 saved link left out of Saved: a feed, no article" in sync_summary(report)
