"""An article opened on a data directory that takes no writes (a read-only mount, a full disk):
fetched, read and shown, not kept, the reader saying so; it showed only the text the feed
carried, though the site answered (acc31a F18). The real store on a small real disk, mounted
read-only, and the demo site on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from conftest import sync_into
from test_cli import reader
from test_travel import fill, listed, tiny_disk  # noqa: F401  (a fixture)

from reader.demo.server import DemoServer


@contextmanager
def read_only(disk: Path) -> Iterator[None]:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    try:
        yield
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)


def files_of(home: Path) -> list[tuple[str, bytes]]:
    """The data directory's files, but SQLite's own beside a database (its shared memory, left
    behind by any reading on a full disk)."""
    kept = (p for p in home.rglob("*") if p.is_file() and not p.name.endswith(("-shm", "-wal")))
    return sorted((str(p), p.read_bytes()) for p in kept)


def unsynced(disk: Path, tmp_path: Path, demo_server: DemoServer) -> Path:
    """A data directory on `disk` with one demo feed's headlines, none of its articles."""
    made = tmp_path / "made"
    sync_into(made, demo_server.feed_urls[:1], articles=False)
    home = disk / "home"
    shutil.copytree(made, home)
    return home


@contextmanager
def full(disk: Path) -> Iterator[None]:
    filler = fill(disk)
    try:
        yield
    finally:
        filler.unlink()


@pytest.mark.parametrize(
    ("unwritable", "why"),
    [(read_only, "the data directory is read-only"), (full, "the disk is full")],
    ids=["read-only", "full"],
)
def test_reader_show_fetches_and_shows_an_article_the_store_cant_keep(
    tiny_disk: Path,  # noqa: F811
    tmp_path: Path,
    demo_server: DemoServer,
    unwritable: Callable[[Path], AbstractContextManager[None]],
    why: str,
) -> None:
    home = unsynced(tiny_disk, tmp_path, demo_server)
    first = listed(home)[0]
    assert not first["cached"]
    before = files_of(home)
    with unwritable(tiny_disk):
        shown = reader(home, "show", first["id"])
    assert shown.returncode == 0, shown.stderr
    assert "the text the feed carried" not in shown.stdout + shown.stderr
    assert len(shown.stdout.splitlines()) > 10  # the article, not the feed's few words
    assert shown.stderr == f"reader: shown, not kept: {why}\n"
    assert files_of(home) == before
    assert not listed(home)[0]["cached"]


def test_the_reader_shows_an_article_a_read_only_dir_cant_keep_and_says_so(
    tiny_disk: Path,  # noqa: F811
    tmp_path: Path,
    demo_server: DemoServer,
) -> None:
    from tui_pilot import open_row, screen_text, started, status

    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article.article_body import ArticleBody

    home = unsynced(tiny_disk, tmp_path, demo_server)
    before = files_of(home)

    async def run() -> tuple[str, str, int]:
        app = ReaderApp(home, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            await open_row(pilot, 0)
            body = app.screen.query_one(ArticleBody)
            return screen_text(app), status(app), len(body.lines)

    with read_only(tiny_disk):
        shown, line, lines = asyncio.run(run())
    assert "the text the feed carried" not in shown
    assert lines > 20
    assert "not kept: the data directory is read-only" in line
    assert files_of(home) == before


@pytest.mark.parametrize("unwritable", [read_only, full], ids=["read-only", "full"])
def test_an_article_over_several_pages_the_store_cant_keep_is_shown_whole(
    tiny_disk: Path,  # noqa: F811
    tmp_path: Path,
    demo_server: DemoServer,
    unwritable: Callable[[Path], AbstractContextManager[None]],
) -> None:
    """Its first page alone was shown, its note saying "the pages after page 1 have not been
    read yet; the next sync reads on" (no sync had, or could, keep it). Now every page is
    read and shown, nothing written, and nothing said missing."""
    from reader.demo.content import load_articles
    from reader.extract import to_text
    from reader.library import Library

    home = unsynced(tiny_disk, tmp_path, demo_server)
    review = next(a for a in load_articles() if a.pages)
    link = demo_server.base_url + review.path
    before = files_of(home)

    async def run() -> tuple[str, str, str]:
        async with Library(home, workers="thread") as lib:
            article = await lib.article(link)
            return " ".join(to_text(article).split()), article.incomplete, article.unkept

    with unwritable(tiny_disk):
        text, incomplete, unkept = asyncio.run(run())
    assert unkept  # shown, not kept
    missing = [p for p in review.paragraphs if " ".join(p.split()) not in text]
    assert not missing
    assert incomplete == ""
    assert files_of(home) == before
