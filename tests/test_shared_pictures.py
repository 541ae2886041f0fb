"""One picture shown by many articles (a site's lead image on each of its stories, a map reused
across a series) is asked of its server once in a sync and kept once, whichever articles show
it; and pictures kept by an older reader, each article's bytes of its own, are shown and put in
a book as ever (acc45c C5). The two articles of two sites sharing their pictures, one removed,
then the other evicted: `test_pictures_eviction`.

Served by a real server on 127.0.0.1 (pytest-httpserver); the cache a real diskcache in a
temporary data directory, read as it is on disk."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from functools import partial
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.keys import article_key
from reader.library import Library
from reader.models import StoreError
from reader.plural import size_text
from reader.store import Store
from reader.store.articles import StoreArticles
from tests.cli_run import run_reader
from tests.picture_bytes import png
from tests.served_feed import serve_site, story_page
from tests.test_pictures_eviction import kept_offline, pictures_on_disk

LOGO = png(60, 60, noise=True)  # 11 KB: the site's lead image on each story
STORIES = 3


def figure(n: int) -> bytes:
    """The picture of story `n`, its own."""
    return png(8 + n, 8, (10 * n, 90, 200))


def page(base: str, n: int) -> str:
    """Story `n`: the site's lead image, and a figure of its own."""
    html = story_page(f"Berth {n} stands idle")
    head = f'<meta property="og:image" content="{base}/logo.png"></head>'
    picture = (
        f'<figure><img src="/figure{n}.png" alt="Berth {n} from the quay"><figcaption>Berth '
        f"{n}.</figcaption></figure></article>"
    )
    return html.replace("</head>", head).replace("</article>", picture)


def feed(base: str, stories: int = STORIES) -> str:
    items = "".join(
        f"<item><title>Berth {n} stands idle</title><link>{base}/story{n}.html</link>"
        f"<guid>{base}/story{n}.html</guid></item>"
        for n in range(stories)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>{items}</channel></rss>'


def synced(
    data_dir: Path, server: HTTPServer, said: list[str] | None = None, stories: int = STORIES
) -> list[str]:
    """`reader sync` of the site's `stories`, their pictures kept; their links (and what the
    sync said added to `said`)."""
    base = server.url_for("").rstrip("/")
    pages = {f"/story{n}.html": page(base, n) for n in range(stories)}
    serve_site(server, partial(feed, stories=stories), pages)
    server.expect_request("/logo.png").respond_with_data(LOGO, content_type="image/png")
    for n in range(stories):
        server.expect_request(f"/figure{n}.png").respond_with_data(
            figure(n), content_type="image/png"
        )
    assert run_reader(data_dir, "add", server.url_for("/feed.xml")).returncode == 0
    done = run_reader(data_dir, "sync")
    assert done.returncode == 0, done.stderr
    if said is not None:
        said.append(done.stderr)  # its summary
    return [f"{base}/story{n}.html" for n in range(stories)]


def test_a_picture_every_story_shows_is_fetched_once_and_kept_once(
    data_dir: Path, own_server: HTTPServer
) -> None:
    said: list[str] = []
    links = synced(data_dir, own_server, said)
    asked = [request.path for request, _ in own_server.log]
    assert asked.count("/logo.png") == 1  # main: once a story
    mine = sum(len(figure(n)) for n in range(STORIES))
    # What was stored, not the logo counted once a story (lead: "6 pictures kept, 32.2 KB").
    stored = f"{2 * STORIES} pictures kept ({STORIES + 1} stored, {size_text(len(LOGO) + mine)})"
    assert stored in said[0], said[0]
    assert pictures_on_disk(data_dir) == len(LOGO) + mine  # main: the logo three times
    shown = run_reader(data_dir, "cache", "--json")
    held = json.loads(shown.stdout)
    assert (held["pictures_bytes"], held["pictures_articles"]) == (len(LOGO) + mine, STORIES)
    for n, link in enumerate(links):
        assert kept_offline(data_dir, link) == {LOGO: 1, figure(n): 1}

    # Evicted one by one: the logo stays till the last story showing it goes.
    own_server.stop()
    for n, link in enumerate(links):
        assert run_reader(data_dir, "forget", link).returncode == 0
        left = len(LOGO) if n < STORIES - 1 else 0
        assert pictures_on_disk(data_dir) == left + sum(
            len(figure(m)) for m in range(n + 1, STORIES)
        )


def test_a_story_taking_the_lead_image_before_the_story_that_fetched_it_has_kept_it(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """The lead image fetched by one story still waiting for its own figure, taken by the
    others meanwhile, whose pictures are kept first: main's kept them without it (the store
    had no bytes yet), "1 article without their pictures", till the next sync (a CI's
    failure of the test above)."""
    server = threaded_server
    base = server.url_for("").rstrip("/")
    figure_asked = threading.Event()

    def later_story(request: Request) -> Response:
        # Held till story 0 has the lead image and asks for its figure: the others find it fetched.
        figure_asked.wait(30)
        n = request.path.removeprefix("/story").removesuffix(".html")
        return Response(page(base, int(n)), content_type="text/html")

    def first_figure(request: Request) -> Response:
        figure_asked.set()
        time.sleep(4)  # while the other stories' pictures are kept
        return Response(figure(0), content_type="image/png")

    server.expect_request("/feed.xml").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    server.expect_request("/story0.html").respond_with_data(page(base, 0), content_type="text/html")
    for n in range(1, STORIES):
        server.expect_request(f"/story{n}.html").respond_with_handler(later_story)
        server.expect_request(f"/figure{n}.png").respond_with_data(
            figure(n), content_type="image/png"
        )
    server.expect_request("/figure0.png").respond_with_handler(first_figure)
    server.expect_request("/logo.png").respond_with_data(LOGO, content_type="image/png")
    assert run_reader(data_dir, "add", server.url_for("/feed.xml")).returncode == 0
    done = run_reader(data_dir, "sync")
    assert done.returncode == 0, done.stderr
    assert figure_asked.is_set()
    assert [request.path for request, _ in server.log].count("/logo.png") == 1
    assert f"{2 * STORIES} pictures kept ({STORIES + 1} stored" in done.stderr, done.stderr
    assert "not readable offline" not in done.stderr
    for n in range(STORIES):
        assert kept_offline(data_dir, f"{base}/story{n}.html") == {LOGO: 1, figure(n): 1}


def test_a_reader_of_format_6_refuses_a_library_holding_shared_pictures(
    data_dir: Path, own_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader from before the pictures' bytes were shared (data format 6) finds them in no
    article's own data: it refuses the directory in one line rather than showing them "✓ kept",
    leaving them out of its books and opening their addresses (acc46d D3)."""
    synced(data_dir, own_server)
    monkeypatch.setattr("reader.store.directory.DATA_FORMAT", 6)
    with pytest.raises(
        StoreError, match=r"written by a newer reader \(format 8, this one reads 6\)"
    ):
        Store(data_dir)


def as_older_reader_kept(data_dir: Path, *links: str) -> None:
    """The pictures of the articles at `links` kept as readers before this one kept them: each
    article's bytes one after another in its own `picture-data:KEY`, each record saying where
    its own begin ("at"), nothing shared."""
    lib = Library(data_dir)
    try:
        store = lib.store
        bodies = {link: store.kept_picture_data(link) for link in links}
        for link in links:
            record: dict[str, object] = {}
            data = b""
            for picture in store.pictures(link):
                if picture.kept:
                    size = len(bodies[link][picture.url])
                    record[picture.url] = {
                        "sha": picture.sha,
                        "type": picture.media_type,
                        "size": size,
                        "at": len(data),
                    }
                    data += bodies[link][picture.url]
            key = article_key(link)
            store._articles.set(f"picture-data:{key}", data)
            store._save(store._articles, f"pictures:{key}", record)
            for sha in {held["sha"] for held in record.values()}:  # type: ignore[index]
                store._articles.delete(f"picture-bytes:{sha}")
                store._articles.delete(f"picture-user:{sha}:{key}")
    finally:
        lib.close()


def test_an_older_readers_kept_pictures_are_shown_put_in_a_book_and_go_with_their_article(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """Guards the older reader's way of keeping them, which the new one reads as it is."""
    link, *others = synced(data_dir, own_server)
    own_server.stop()
    for other in others:
        assert run_reader(data_dir, "forget", other).returncode == 0
    as_older_reader_kept(data_dir, link)
    assert kept_offline(data_dir, link) == {LOGO: 1, figure(0): 1}
    store = Store(data_dir)
    store._state.set("format", 6)  # as the older reader left it: read as it is, then upgraded
    store.close()
    book = data_dir.parent / "port.epub"
    made = run_reader(data_dir, "export", "--format", "epub", "-o", str(book))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(book) as opened:
        files = [n for n in opened.namelist() if n.startswith("OEBPS/pictures/")]
        assert [opened.read(n) for n in files] == [figure(0)]  # the lead image is in no chapter
    held = json.loads(run_reader(data_dir, "cache", "--json").stdout)
    assert (held["pictures_bytes"], held["pictures_articles"]) == (len(LOGO) + len(figure(0)), 1)
    forgot = run_reader(data_dir, "forget", link)
    assert forgot.returncode == 0 and "upgraded from format 6 to 8" in forgot.stderr
    assert pictures_on_disk(data_dir) == 0


def test_an_older_readers_copies_are_kept_once_by_the_next_sync(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """Each article's own copy of the pictures an older reader kept moved to the bytes kept
    once by the next sync, offline too: an upgraded library shrinks (acc46d D5)."""
    links = synced(data_dir, own_server)
    own_server.stop()
    as_older_reader_kept(data_dir, *links)
    mine = sum(len(figure(n)) for n in range(STORIES))
    assert pictures_on_disk(data_dir) == STORIES * len(LOGO) + mine
    run_reader(data_dir, "sync")  # its feed unreachable: what it keeps is folded all the same
    assert pictures_on_disk(data_dir) == len(LOGO) + mine  # lead: the logo once a story still
    for n, link in enumerate(links):
        assert kept_offline(data_dir, link) == {LOGO: 1, figure(n): 1}
    for link in links:
        assert run_reader(data_dir, "forget", link).returncode == 0
    assert pictures_on_disk(data_dir) == 0  # each counted among the logo's stories


def test_repair_drops_the_pictures_an_older_readers_forget_left_and_none_shown(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """An older reader's `forget` takes the article's record of its pictures and leaves their
    shared bytes (acc46d D5): `reader repair` finds them (`--dry-run` says how many and how
    big), drops them and never one a story still shows, which then goes with its last story."""
    first, *others = synced(data_dir, own_server)
    own_server.stop()
    lib = Library(data_dir)
    try:
        for other in others:  # as the older reader forgot them: their bytes not its to drop
            StoreArticles.delete_article(lib.store, article_key(other))
        lib.store._state.set("format", 6)  # as that reader left it (this one's before 7)
    finally:
        lib.close()
    left = sum(len(figure(n)) for n in range(1, STORIES))
    kept = len(LOGO) + len(figure(0))
    assert pictures_on_disk(data_dir) == kept + left
    told = f"{STORIES - 1} pictures no article shows ({size_text(left)}, left by an older reader)"
    checked = run_reader(data_dir, "repair", "--dry-run")
    assert checked.returncode == 0 and f"{told} would be deleted" in checked.stdout, checked
    assert "upgraded" not in checked.stderr
    assert pictures_on_disk(data_dir) == kept + left
    mended = run_reader(data_dir, "repair")
    assert mended.returncode == 0 and f"{told} deleted" in mended.stdout, mended
    assert pictures_on_disk(data_dir) == kept
    assert kept_offline(data_dir, first) == {LOGO: 1, figure(0): 1}
    again = run_reader(data_dir, "repair")
    assert "no article shows" not in again.stdout
    assert run_reader(data_dir, "forget", first).returncode == 0
    assert (
        pictures_on_disk(data_dir) == 0
    )  # the logo's list of stories mended: it went with its last


def test_a_story_moved_to_another_address_keeps_the_pictures_it_shares(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """A story whose address moved (`Store.move_article`) still shows the pictures it shares
    once the other stories showing them are gone, and takes them with it when it goes."""
    first, *others = synced(data_dir, own_server)
    own_server.stop()
    moved = first.replace("story0", "moved0")
    lib = Library(data_dir)
    try:
        assert lib.store.move_article(first, moved)
    finally:
        lib.close()
    for other in others:
        assert run_reader(data_dir, "forget", other).returncode == 0
    assert kept_offline(data_dir, moved) == {LOGO: 1, figure(0): 1}
    assert pictures_on_disk(data_dir) == len(LOGO) + len(figure(0))
    assert run_reader(data_dir, "forget", moved).returncode == 0
    assert pictures_on_disk(data_dir) == 0
