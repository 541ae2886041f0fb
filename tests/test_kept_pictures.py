"""An article's pictures kept for reading offline (`reader.pictures`, `[cache] keep_pictures`):
a sync keeps those whose bytes are a raster picture (never an SVG, nor an HTML page calling
itself a PNG, nor one past its cap), `reader show --format json` says which, they go with their
article and count in its size, a download stopped midway keeps none, and the reading view marks
a kept one and opens its copy offline.

Served by real servers on 127.0.0.1 (pytest-httpserver), the pictures real PNG and JPEG bytes
(`tests.picture_bytes`)."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import FetchLimits
from reader.library import Library
from tests.cli_run import run_reader
from tests.picture_bytes import jpeg, png
from tests.served_feed import serve_one_item
from tests.tui_pilot import notices_raised, reading, screen_text, until

if TYPE_CHECKING:
    from reader.pictures import KeptPicture

TITLE = "Cranes stand idle at Eastquay"
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BIG = png(40, 40, noise=True)  # 4.9 KB: over the cap the tests set
SMALL_CAP = 1500


def page(base: str) -> str:
    sentences = (
        "The council confirmed on Monday that the cranes at Eastquay would stand idle until the "
        "dispute over the new rosters is settled, after talks broke down late on Friday night.",
        "Dockers who spoke at the gate were divided: some welcomed the pause, others asked why "
        "the notice had been posted so late in the season and who would pay for the delay.",
        "A spokesperson for the port said the decision had not been taken lightly and that the "
        "figures would be published in full before the end of the month, as the law requires.",
        "The harbour committee will hear the matter again in the spring, when the tides and the "
        "budget are both better known and the consultation has been read by every member.",
    )
    figures = (
        '<figure><img src="/crane.jpg" alt="Idle cranes at Eastquay"><figcaption>The cranes, '
        "idle since Friday.</figcaption></figure>",
        '<figure><img src="/map.svg" alt="Map of the quay"><figcaption>The quay and its '
        "berths.</figcaption></figure>",
        '<figure><img src="/chart.png" alt="Chart of tonnage"><figcaption>Tonnage by '
        "month.</figcaption></figure>",
        '<figure><img src="/aerial.png" alt="The port from the air"><figcaption>The port from '
        "the air.</figcaption></figure>",
    )
    body = "".join(f"<p>{s}</p>{f}" for s, f in zip(sentences, figures, strict=True))
    return (
        f'<html><head><title>{TITLE}</title><meta property="og:image" content="{base}/lead.png">'
        f"</head><body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    )


def serve(server: HTTPServer) -> tuple[str, str]:
    """The feed of one story with five pictures: a PNG (its lead image), a JPEG, an SVG, an
    HTML page served as image/png and a PNG over `SMALL_CAP`. The feed's address and the
    story's."""
    base = server.url_for("").rstrip("/")
    link = f"{base}/story.html"
    feed = serve_one_item(server, "Port News", TITLE, link)
    server.expect_request("/story.html").respond_with_data(page(base), content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_data(jpeg(), content_type="image/jpeg")
    server.expect_request("/map.svg").respond_with_data(SVG, content_type="image/png")
    server.expect_request("/chart.png").respond_with_data(
        "<html><body>Not found</body></html>", content_type="image/png"
    )
    server.expect_request("/aerial.png").respond_with_data(BIG, content_type="image/png")
    return feed, link


def crane_while(busy: threading.Event) -> Callable[[Request], Response]:
    """The JPEG's answer: a 503 (a server busy, which may pass) while `busy` is set."""

    def crane(_request: Request) -> Response:
        if busy.is_set():
            return Response("busy", status=503, headers={"Retry-After": "0"})
        return Response(jpeg(), content_type="image/jpeg")

    return crane


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    if server.is_running():
        server.stop()


def synced(data_dir: Path, server: HTTPServer, keep: str = "") -> str:
    """`reader sync` into `data_dir` of the story of `serve`, its pictures capped at
    `SMALL_CAP` each; the server stopped after (offline from here). The story's address."""
    feed, link = serve(server)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(
        f"[network]\npicture_max_bytes = {SMALL_CAP}\n" + (f"[cache]\n{keep}\n" if keep else "")
    )
    assert run_reader(data_dir, "add", feed).returncode == 0
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    server.stop()
    return link


def test_a_sync_keeps_the_pictures_whose_bytes_are_pictures(
    data_dir: Path, server: HTTPServer
) -> None:
    link = synced(data_dir, server)
    base = link.rsplit("/", 1)[0]
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    pictures = {p["url"].rsplit("/", 1)[1]: p for p in json.loads(shown.stdout)["pictures"]}
    assert [p["url"] for p in json.loads(shown.stdout)["pictures"]][:2] == [
        f"{base}/lead.png",
        f"{base}/crane.jpg",
    ]
    assert pictures["lead.png"]["kept"] and pictures["crane.jpg"]["kept"]
    # Whatever they were served as: an SVG is a program, an HTML page no picture.
    for refused in ("map.svg", "chart.png"):
        assert not pictures[refused]["kept"]
        assert "no JPEG, PNG, GIF, WebP or AVIF picture" in pictures[refused]["why"]
    assert not pictures["aerial.png"]["kept"]
    assert pictures["aerial.png"]["why"].startswith("larger than")

    async def read() -> None:
        async with Library(data_dir) as lib:
            kept = lib.kept_picture(link, f"{base}/crane.jpg")
            assert kept is not None and kept[1] == jpeg() and kept[0].media_type == "image/jpeg"
            assert lib.kept_picture(link, f"{base}/map.svg") is None
            # The bytes are kept under names of the cache's own, never the address's.
            names = [p.name for p in data_dir.rglob("*")]
            assert not any("crane" in name or "lead" in name for name in names)

    asyncio.run(read())


def test_keep_pictures_false_keeps_none(data_dir: Path, server: HTTPServer) -> None:
    link = synced(data_dir, server, keep="keep_pictures = false")
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    assert not any(p["kept"] for p in json.loads(shown.stdout)["pictures"])
    assert not any(r.path.endswith((".png", ".jpg", ".svg")) for r, _ in server.log)


def test_pictures_count_in_their_article_and_go_with_it(data_dir: Path, server: HTTPServer) -> None:
    link = synced(data_dir, server)

    async def check() -> None:
        async with Library(data_dir) as lib:
            sizes = lib.store.article_size(link)
            assert lib.store.pictures_total() == len(png()) + len(jpeg())
            assert sizes > lib.store.pictures_total()
            stats = lib.cache_stats()
            assert stats.pictures_bytes == len(png()) + len(jpeg()) and stats.pictures_articles == 1
            report = lib.prune(max_bytes=0)
            assert report.removed == 1 and report.freed_bytes == sizes
            assert lib.store.pictures(link) == [] and lib.store.pictures_total() == 0

    asyncio.run(check())


def test_a_download_stopped_midway_keeps_no_picture(data_dir: Path, server: HTTPServer) -> None:
    """The library closed (the reader quit, a kill) while a picture is on its way: the pictures
    that came are not kept either, nor counted (written together, once all are in)."""
    _feed, link = serve(server)
    asked = threading.Event()
    answer = threading.Event()

    def slow(_request: Request) -> Response:
        asked.set()
        answer.wait(30)
        return Response(BIG, content_type="image/png")

    server.clear()
    base = server.url_for("").rstrip("/")
    server.expect_request("/story.html").respond_with_data(page(base), content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_handler(slow)

    async def run() -> None:
        lib = Library(data_dir, keep_pictures=True)
        try:
            await lib.article(link)
            await asyncio.to_thread(asked.wait, 30)
        finally:
            await lib.aclose()
            answer.set()
        async with Library(data_dir) as again:
            assert again.store.article(link) is not None  # the text is cached
            assert again.store.pictures(link) == []
            assert again.store.pictures_total() == 0

    asyncio.run(run())


def _browser_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """BROWSER set to a script that writes down what it is given to open; where it writes."""
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {record}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    # `webbrowser` reads BROWSER once, on its first use in the process.
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return record


def test_the_reading_view_marks_a_kept_picture_and_o_opens_it_offline(
    data_dir: Path, server: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = synced(data_dir, server)
    base = link.rsplit("/", 1)[0]
    record = _browser_script(tmp_path, monkeypatch)

    async def run() -> None:
        async with reading(data_dir, "Cranes", (100, 60), notifications=True) as (
            app,
            pilot,
            body,
        ):
            raised = notices_raised(app)
            text = screen_text(app)
            assert "Image: Idle cranes at Eastquay ✓ kept" in text
            assert "Image: Map of the quay ✓" not in text and "Image: Map of the quay" in text
            await pilot.press("tab")  # the first link: the crane's picture
            assert body.link_address == f"{base}/crane.jpg"
            await pilot.press("o")
            await until(pilot, record.exists, "the browser given the picture kept")
            opened = record.read_text().split()
            assert len(opened) == 1 and opened[0].startswith("file://")
            copy = Path(opened[0].removeprefix("file://"))
            assert copy.suffix == ".jpg" and copy.read_bytes() == jpeg()
            assert base not in opened[0]
            await until(
                pilot,
                lambda: any("Opened the picture kept" in n for n in raised),
                "the notice",
            )
            # One not kept: why, in one line, and its address to the browser as before.
            await pilot.press("tab")
            assert body.link_address == f"{base}/map.svg"
            await pilot.press("o")
            await until(pilot, lambda: len(record.read_text().split()) == 2, "the SVG's address")
            assert record.read_text().split()[1] == f"{base}/map.svg"
            said = [n for n in raised if n.startswith("Picture not kept:")]
            assert said and "no JPEG, PNG, GIF, WebP or AVIF picture" in said[-1]

    asyncio.run(run())
    assert os.environ.get("BROWSER") == str(tmp_path / "browser.sh")


def test_the_epub_export_holds_the_kept_pictures(data_dir: Path, server: HTTPServer) -> None:
    """A book to read on a flight shows the pictures kept (files of its own, in its manifest),
    and links those not kept, as before."""
    import zipfile

    link = synced(data_dir, server)
    base = link.rsplit("/", 1)[0]
    book = data_dir.parent / "trip.epub"
    made = run_reader(data_dir, "export", "--format", "epub", "-o", str(book))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(book) as opened:
        names = opened.namelist()
        files = sorted(n for n in names if n.startswith("OEBPS/pictures/"))
        # The crane's: the lead image (kept) is shown in no chapter, so not in the book.
        assert [n.rpartition(".")[2] for n in files] == ["jpg"]
        assert opened.read(files[0]) == jpeg()
        opf = opened.read("OEBPS/content.opf").decode()
        for name in files:
            assert f'href="{name.removeprefix("OEBPS/")}"' in opf
        assert 'media-type="image/jpeg"' in opf
        chapter = opened.read(next(n for n in names if n.endswith("a00001.xhtml"))).decode()
    crane = next(n for n in files if n.endswith(".jpg")).removeprefix("OEBPS/")
    assert f'<img class="picture" src="{crane}" alt="Idle cranes at Eastquay" />' in chapter
    assert f'href="{base}/map.svg">Image: Map of the quay</a>' in chapter
    assert "crane.jpg" not in chapter  # shown from the book, not linked to the site
    # Without them (`--no-pictures`: a book small enough to mail), each a link to the site.
    made = run_reader(data_dir, "export", "--format", "epub", "--no-pictures", "-o", str(book))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(book) as opened:
        assert not [n for n in opened.namelist() if n.startswith("OEBPS/pictures/")]
        assert "image/" not in opened.read("OEBPS/content.opf").decode()
        chapter = opened.read("OEBPS/a00001.xhtml").decode()
    assert f'href="{base}/crane.jpg">Image: Idle cranes at Eastquay</a>' in chapter


def test_a_picture_the_network_failed_is_fetched_when_the_article_is_next_opened(
    data_dir: Path, server: HTTPServer
) -> None:
    """A picture that failed for a reason that may pass (its server busy) is asked for again
    by the article's next opening online, behind it; one refused for good (an SVG) is not."""
    _feed, link = serve(server)
    busy = threading.Event()
    busy.set()
    crane = crane_while(busy)
    server.clear()
    base = server.url_for("").rstrip("/")
    server.expect_request("/story.html").respond_with_data(page(base), content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_handler(crane)
    server.expect_request("/map.svg").respond_with_data(SVG, content_type="image/png")

    async def run() -> None:
        async with Library(data_dir, keep_pictures=True) as lib:
            await lib.article(link)
            await lib.pictures_settled()
            first = {p.url.rsplit("/", 1)[1]: p for p in lib.pictures_of(link)}
            assert first["lead.png"].kept and not first["crane.jpg"].kept
            assert "503" in first["crane.jpg"].why and first["crane.jpg"].again
            svg_asked = sum(r.path == "/map.svg" for r, _ in server.log)
            busy.clear()
            opened = await lib.article(link)  # from the cache
            assert f"{base}/crane.jpg" not in opened.kept_pictures
            await lib.pictures_settled()
            assert lib.kept_picture(link, f"{base}/crane.jpg") is not None
            assert sum(r.path == "/map.svg" for r, _ in server.log) == svg_asked
            again = await lib.article(link, offline=True)
            assert {f"{base}/lead.png", f"{base}/crane.jpg"} == again.kept_pictures

    asyncio.run(run())


def test_the_pictures_kept_stay_within_their_limits(data_dir: Path, server: HTTPServer) -> None:
    """One article's pictures past its count, and every article's past their bytes, are not
    kept, each saying which limit; the latter asked again once there is room."""
    from dataclasses import replace

    from reader.config import DEFAULT_LIMITS

    _feed, link = serve(server)

    async def run(limits: FetchLimits) -> dict[str, KeptPicture]:
        async with Library(data_dir, limits=limits, keep_pictures=True) as lib:
            lib.store.forget_article(link)
            await lib.article(link)
            await lib.pictures_settled()
            return {p.url.rsplit("/", 1)[1]: p for p in lib.pictures_of(link)}

    two = asyncio.run(run(replace(DEFAULT_LIMITS, article_max_pictures=2)))
    assert two["lead.png"].kept and two["crane.jpg"].kept
    assert two["map.svg"].why == "past the 2 pictures kept of one article"
    assert not two["map.svg"].again
    room = len(png()) + 10
    full = asyncio.run(run(replace(DEFAULT_LIMITS, pictures_max_bytes=room)))
    assert full["lead.png"].kept and not full["crane.jpg"].kept
    assert (
        full["crane.jpg"].why.startswith("past the ") and "every article's" in full["crane.jpg"].why
    )
    assert full["crane.jpg"].again


def test_a_sync_killed_while_a_picture_comes_keeps_none_of_its_articles(
    data_dir: Path, tmp_path: Path
) -> None:
    """kill -9 of a sync with one of an article's pictures on its way: its text stays cached,
    none of its pictures is kept or counted, and `reader repair` finds nothing to mend."""
    import signal

    from tests.cli_run import started_reader

    asked, answer = threading.Event(), threading.Event()

    def slow(_request: Request) -> Response:
        asked.set()
        answer.wait(60)
        return Response(jpeg(), content_type="image/jpeg")

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        link = f"{base}/story.html"
        feed = serve_one_item(server, "Port News", TITLE, link)
        server.expect_request("/story.html").respond_with_data(page(base), content_type="text/html")
        server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
        server.expect_request("/crane.jpg").respond_with_handler(slow)
        assert run_reader(data_dir, "add", feed).returncode == 0
        sync = started_reader(data_dir, "sync")
        try:
            assert asked.wait(90), "the crane's picture was never asked for"
        finally:
            sync.send_signal(signal.SIGKILL)
            sync.wait(30)
            answer.set()
    finally:
        server.stop()
    stats = run_reader(data_dir, "cache", "--json")
    assert stats.returncode == 0, stats.stderr
    held = json.loads(stats.stdout)
    assert held["articles"] == 1 and held["pictures_bytes"] == 0
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    assert not any(p["kept"] for p in json.loads(shown.stdout)["pictures"])
    repair = run_reader(data_dir, "repair")
    assert repair.returncode == 0, repair.stderr + repair.stdout


@contextmanager
def public_and_loopback() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    """A server on the machine's network address (a page on the network) and one on
    loopback (this computer's), stopped after."""
    from tests.test_private_redirects import interface_address

    outer = HTTPServer(host=interface_address(), port=0)
    inner = HTTPServer(host="127.0.0.1", port=0)
    outer.start()
    inner.start()
    try:
        yield outer, inner
    finally:
        outer.stop()
        inner.stop()


def pictures_synced(data_dir: Path, server: HTTPServer, story: str) -> dict[str, KeptPicture]:
    """The pictures of `story`, served by `server` in a feed of its own, after a sync keeping
    pictures, by address."""
    feed = serve_one_item(server, "Port News", TITLE, story)

    async def run() -> dict[str, KeptPicture]:
        async with Library(data_dir, keep_pictures=True) as lib:
            lib.add_feed(feed)
            await lib.sync()
            return {p.url: p for p in lib.pictures_of(story)}

    return asyncio.run(run())


def test_a_page_on_the_network_may_not_lead_its_pictures_to_this_computer(
    data_dir: Path,
) -> None:
    """A page's pictures are led as its links are (`leads`): from a page on the machine's
    network address, a picture on loopback, or one redirected there, is refused and never
    asked for; one on the page's own server is kept."""
    with public_and_loopback() as (outer, inner):
        base = f"http://{outer.host}:{outer.port}"
        secret = f"http://127.0.0.1:{inner.port}/secret.png"
        inner.expect_request("/secret.png").respond_with_data(png(), content_type="image/png")
        html = page(base).replace("/map.svg", secret).replace("/chart.png", "/moved.png")
        outer.expect_request("/story.html").respond_with_data(html, content_type="text/html")
        outer.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
        outer.expect_request("/crane.jpg").respond_with_data(jpeg(), content_type="image/jpeg")
        outer.expect_request("/moved.png").respond_with_data(
            "", status=302, headers={"Location": secret}
        )
        pictures = pictures_synced(data_dir, outer, f"{base}/story.html")
    assert pictures[f"{base}/crane.jpg"].kept
    for refused in (secret, f"{base}/moved.png"):
        assert not pictures[refused].kept
        assert "to a loopback one" in pictures[refused].why, pictures[refused].why
    assert inner.log == []


def test_a_picture_is_fetched_at_the_address_shown_read_against_the_pages_base(
    data_dir: Path,
) -> None:
    """acc41b B5: with a `<base href>` and no og:image, the lead picture was read against the
    page's own address and fetched there, while the text showed the same picture read against
    the base: the one picture asked for was one never shown. Both are the base's (a browser's
    reading), and the guard applies to it: a base on loopback from a page on the network is
    refused and never asked for, nor is the page-relative address."""
    with public_and_loopback() as (outer, inner):
        base = f"http://{outer.host}:{outer.port}"
        elsewhere = f"http://127.0.0.1:{inner.port}/b/"
        html = page(base).replace(
            f'<meta property="og:image" content="{base}/lead.png">', f'<base href="{elsewhere}">'
        )
        html = html.replace('src="/crane.jpg"', 'src="crane.jpg"')
        outer.expect_request("/story.html").respond_with_data(html, content_type="text/html")
        for served in (outer, inner):
            for path in ("/crane.jpg", "/b/crane.jpg"):
                served.expect_request(path).respond_with_data(jpeg(), content_type="image/jpeg")
        pictures = pictures_synced(data_dir, outer, f"{base}/story.html")
    assert f"{base}/crane.jpg" not in pictures
    assert "to a loopback one" in pictures[f"{elsewhere}crane.jpg"].why
    asked = [request.path for request, _ in outer.log]
    assert "/crane.jpg" not in asked and "/story.html" in asked
    assert inner.log == []


def test_a_kept_pictures_copy_goes_only_in_a_folder_of_the_users_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copies went in a fixed-name folder of the shared temporary directory: one made there
    first by another user, or a link to theirs, had the viewer open their file, or the copy
    written through their link. Refused then, the viewer was off for good, another account's
    doing (acc43b B18): the copy goes in the user's cache directory instead."""
    import os
    import tempfile

    from reader.pictures import KeptPicture, digest, opened_copy

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cached = tmp_path / "cache" / "reader-tui" / "pictures"
    body = png()
    picture = KeptPicture("http://example.org/a.png", digest(body), "image/png", len(body))
    folder = tmp_path / f"reader-pictures-{os.getuid()}"
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    folder.symlink_to(theirs)  # a link to another's folder
    copy = opened_copy(picture, body)
    assert copy.parent == cached and copy.read_bytes() == body
    assert not any(theirs.iterdir())
    assert cached.stat().st_mode & 0o777 == 0o700
    copy.unlink()
    folder.unlink()
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)  # anyone may write in it
    assert opened_copy(picture, body).parent == cached
    assert not any(folder.iterdir())
    folder.rmdir()
    copy = opened_copy(picture, body)  # made afresh: the user's alone
    assert copy.parent == folder and copy.read_bytes() == body
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in folder.iterdir()] == [copy.name]  # its part in place, none left


def test_the_sessions_runtime_directory_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`$XDG_RUNTIME_DIR` (the user's alone by construction, emptied at log-out) before the
    shared temporary directory, where a name can be taken first."""
    import tempfile

    from reader.own_folder import own_temp_folder

    runtime = tmp_path / "run-user"
    runtime.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert own_temp_folder("commands") == runtime / "reader-commands"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/run")  # not absolute: ignored, as the spec says
    (tmp_path / "tmp").mkdir()
    assert own_temp_folder("commands").parent == tmp_path / "tmp"


@pytest.mark.parametrize("which", ["missing", "open to others"])
def test_a_runtime_directory_missing_or_not_private_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    """A stale `$XDG_RUNTIME_DIR` (after `su`, a session long gone) was made, parents and all;
    one open to others used: passed over for the temporary directory's, as the spec says to
    fall back (acc51a A14)."""
    import tempfile

    from reader.own_folder import own_temp_folder

    runtime = tmp_path / "no" / "such" / "dir"
    if which == "open to others":
        runtime.mkdir(parents=True)
        runtime.chmod(0o755)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert own_temp_folder("commands") == tmp_path / "tmp" / f"reader-commands-{os.getuid()}"
    assert (tmp_path / "no").exists() == (which == "open to others")
