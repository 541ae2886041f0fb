"""Every article's kept pictures together stay within `[network] pictures_max_bytes`, however
many articles' pictures come at once: each article's were counted against the store's total as
its download began, so four coming together each saw the same room, and passed the cap by up
to three articles' pictures (80 MB of 1 GB). Now counted as they are written, under the cache's
lock.

Served by a real server on 127.0.0.1 that holds every picture until all four are asked for, so
that the four downloads are under way together."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import DEFAULT_LIMITS
from reader.library import Library
from tests.picture_bytes import png

STORIES = 4
PICTURE = png(40, 40, noise=True) + b"000"  # 4.9 KB


def picture(path: str) -> bytes:
    """`PICTURE` made the picture of its own `path` ("/chart3.png"), as long: one picture's
    bytes are kept once, whichever articles show it, and counted once under the cap."""
    return PICTURE[:-3] + b"%03d" % int("0" + "".join(c for c in path if c.isdigit()))


CAP = len(PICTURE) * 5 // 2  # room for two of them, not three


def story(title: str, picture: str) -> str:
    sentences = (
        f"The council said on Monday that {title.lower()} would wait until the dispute over "
        "the new rosters is settled, after talks broke down late on Friday night.",
        "Dockers who spoke at the gate were divided: some welcomed the pause, others asked why "
        "the notice had been posted so late in the season and who would pay for the delay.",
        "A spokesperson for the port said the decision had not been taken lightly and that the "
        "figures would be published in full before the end of the month, as the law requires.",
    )
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    figure = (
        f'<figure><img src="{picture}" alt="The chart of {title}"><figcaption>Tonnage by '
        "month.</figcaption></figure>"
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}{figure}<p>{sentences[0]}</p></article></body></html>"
    )


def test_four_articles_pictures_at_once_stay_within_every_articles_cap(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    together = threading.Barrier(STORIES, timeout=60)
    broken: list[str] = []

    def held(request: Request) -> Response:
        try:
            together.wait()  # every article's download under way before any is kept
        except threading.BrokenBarrierError:
            broken.append(request.path)
        return Response(picture(request.path), content_type="image/png")

    base = server.url_for("").rstrip("/")
    links = []
    for n in range(STORIES):
        title = f"Berth {n} stands idle"
        server.expect_request(f"/story{n}.html").respond_with_data(
            story(title, f"/chart{n}.png"), content_type="text/html"
        )
        server.expect_request(f"/chart{n}.png").respond_with_handler(held)
        links.append(f"{base}/story{n}.html")
    limits = replace(DEFAULT_LIMITS, pictures_max_bytes=CAP)

    async def run() -> tuple[int, list[str]]:
        async with Library(data_dir, limits=limits, keep_pictures=True) as lib:
            await asyncio.gather(*(lib.article(link) for link in links))
            await lib.pictures_settled()
            whys = [p.why for link in links for p in lib.pictures_of(link) if not p.kept]
            return lib.store.pictures_total(), whys

    total, whys = asyncio.run(run())
    assert not broken, "the four pictures were not asked for together"
    assert sum(r.path.endswith(".png") for r, _ in server.log) == STORIES
    assert total <= CAP, f"{total} bytes of pictures kept under a cap of {CAP}"
    assert total == 2 * len(PICTURE)
    assert whys == [f"past the {CAP / 1024:.1f} KB kept of every article's pictures"] * 2


def test_a_put_counts_again_when_another_articles_came_after_its_count(
    data_dir: Path, threaded_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count made outside the cache's lock is taken as it is only while no article's
    pictures were written since: another article's kept between the two (another task's,
    another process's) has it counted again, under the lock. Ordered here by running the other
    article's put right after the first count."""
    from reader.pictures import KeptPicture, digest
    from reader.store import Store

    server = threaded_server
    base = server.url_for("").rstrip("/")
    for n in range(2):
        page = story(f"Berth {n} stands idle", f"/chart{n}.png")
        server.expect_request(f"/story{n}.html").respond_with_data(page, content_type="text/html")
    first, other = f"{base}/story0.html", f"{base}/story1.html"
    cap = len(PICTURE) * 3 // 2  # room for one
    ours, other_picture = picture("/chart0.png"), picture("/chart1.png")
    shown = KeptPicture(f"{base}/chart0.png", digest(ours), "image/png", len(ours))
    theirs = KeptPicture(f"{base}/chart1.png", digest(other_picture), "image/png", len(PICTURE))
    counted_first = Store._pictures_counted
    came: list[object] = []

    def counted_then_another(store: Store, but: str) -> tuple[int, int]:
        got = counted_first(store, but)
        if not came:
            came.append(None)  # once: the other's put counts too
            came[0] = store.put_pictures(other, [theirs], {theirs.url: other_picture}, cap)
        return got

    async def run() -> tuple[list[KeptPicture] | None, int]:
        async with Library(data_dir) as lib:  # the texts cached, no picture
            await lib.article(first)
            await lib.article(other)
            monkeypatch.setattr(Store, "_pictures_counted", counted_then_another)
            kept = lib.store.put_pictures(first, [shown], {shown.url: ours}, cap)
            return kept, lib.store.pictures_total()

    kept, total = asyncio.run(run())
    assert came and came[0] == [theirs]  # the other article's, kept between count and write
    assert kept is not None and not kept[0].kept and kept[0].again
    assert total == len(PICTURE) <= cap


def test_an_article_counted_far_from_the_cap_is_counted_again_when_others_filled_it(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """An article whose pictures took long to come counted every article's far from the cap as
    its download began; many other articles' pictures, kept one after another meanwhile
    (through the other turns), filled the cache up to the cap. Its put must not take its count
    for the truth: what came since is not bounded by the articles under way at once."""
    server = threaded_server
    asked, let_go = threading.Event(), threading.Event()

    def held(request: Request) -> Response:
        asked.set()
        let_go.wait(timeout=120)
        return Response(picture(request.path), content_type="image/png")

    others = 21
    cap = 20 * len(PICTURE) + len(PICTURE) // 2  # room for twenty
    base = server.url_for("").rstrip("/")
    links = []
    for n in range(others + 1):
        title = f"Berth {n} stands idle"
        server.expect_request(f"/story{n}.html").respond_with_data(
            story(title, f"/chart{n}.png"), content_type="text/html"
        )
        if n == 0:
            server.expect_request("/chart0.png").respond_with_handler(held)
        else:
            server.expect_request(f"/chart{n}.png").respond_with_data(
                picture(f"/chart{n}.png"), content_type="image/png"
            )
        links.append(f"{base}/story{n}.html")
    # Far from the cap, as the first article's download begins, by more than eight articles'.
    limits = replace(
        DEFAULT_LIMITS, pictures_max_bytes=cap, article_pictures_max_bytes=2 * len(PICTURE)
    )

    async def run() -> tuple[int, int]:
        async with Library(data_dir, limits=limits, keep_pictures=True) as lib:
            kept: dict[str, asyncio.Event] = {link: asyncio.Event() for link in links}
            lib.pictures_kept = lambda url, _pictures: kept[url].set()
            try:
                await lib.article(links[0])
                await asyncio.to_thread(asked.wait, 60)  # its count made, its picture held
                assert asked.is_set()
                for link in links[1:]:  # one after another, each kept before the next
                    await lib.article(link)
                    await kept[link].wait()
                filled = lib.store.pictures_total()
            finally:
                let_go.set()
            await lib.pictures_settled()
            return filled, lib.store.pictures_total()

    filled, total = asyncio.run(run())
    assert filled == 20 * len(PICTURE)  # the others up to the cap, the last refused
    assert total <= cap, f"{total} bytes of pictures kept under a cap of {cap}"
