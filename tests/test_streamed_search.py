"""`reader list --search` prints its hits as the search finds them (`cli.streamed_hits`): the
first lines go out while the older articles are still to be read, so what is cached meanwhile
is read as it is then, and a pipe's reader that has seen enough (`| head`) ends the search.
A real library of 400 cached articles, the command in a process of its own writing into a
pipe the test reads."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from reader.library.text_search import index_cached
from reader.models import Article, Block, BlockKind, Inline
from reader.store import Store
from tests.test_search_index import _archive

ARTICLES = 400
"""Past the newest 100 searched first (`text_search.FIRST_ROWS`): the rest in later runs."""
_COMMAND = (sys.executable, "-m", "reader", "--data-dir")
_PIPE_BYTES = 4096
"""The pipe's room, the least Linux gives one: the first 100 hits' lines (~16 KB) fill it, and
the command waits for the test to read them before it searches on."""


def _library(data: Path) -> str:
    """The archive of `ARTICLES`, each holding "item", indexed; the oldest's address."""
    lib, entries = _archive(data, ARTICLES, listed=ARTICLES)
    try:
        index_cached(lib.store)
    finally:
        lib.close()
    return entries[-1].link


def _first_line(fd: int) -> bytes:
    line = b""
    while not line.endswith(b"\n"):
        got = os.read(fd, 1)
        assert got, "the command ended before its first line"
        line += got
    return line


def _lines_of_search_meanwhile(tmp_path: Path, data: Path, link: str, text: str) -> list[str]:
    """The lines `reader list --search item` prints, the article at `link` cached anew as one
    paragraph of `text` while the command waits for its first lines to be read."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    errors = tmp_path / "stderr"
    with errors.open("w") as stderr:
        command = subprocess.Popen(
            [*_COMMAND, str(data), "list", "--search", "item"],
            stdout=write_end,
            stderr=stderr,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    os.close(write_end)
    try:
        first = _first_line(read_end)
        store = Store(data)
        try:
            blocks = (Block(BlockKind.PARAGRAPH, (Inline(text),)),)
            store.put_article(link, Article(url=link, title="Story", blocks=blocks))
        finally:
            store.close()
        with os.fdopen(read_end, "rb") as rest:
            return (first + rest.read()).decode().splitlines()
    finally:
        assert command.wait(timeout=300) == 0, errors.read_text()


def test_the_first_hits_are_printed_before_the_older_articles_are_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    oldest = _library(data)
    # The oldest story corrected while the command waits for its first lines to be read.
    lines = _lines_of_search_meanwhile(tmp_path, data, oldest, "Item withdrawn: a correction.")
    assert len(lines) == 2 * ARTICLES  # each hit's headline, and its line under it
    assert "Story 0:" in lines[0] and "item 0." in lines[1]
    # Read after the first lines were out: as it is cached now, where main read it before.
    assert f"Story {ARTICLES - 1}:" in lines[-2]
    assert lines[-1].strip() == "Item withdrawn: a correction."


def test_a_search_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`reader list --search item | head -0`: status 141 as for `cat`, nothing on stderr."""
    data = tmp_path / "data"
    _library(data)
    for ids in ([], ["--ids"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # whoever read the output is gone before the first line is written
        try:
            result = subprocess.run(
                [*_COMMAND, str(data), "list", "--search", "item", *ids],
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                timeout=300,
            )
        finally:
            os.close(write_end)
        assert (result.returncode, result.stderr) == (141, ""), ids


def test_a_printed_hit_gone_from_the_next_page_leaves_none_of_its_hits_out(
    tmp_path: Path,
) -> None:
    """The newest story, printed, corrected to no longer hold the word while the command waits:
    the next page's list is one shorter at its head, and its first hit was left out, counted as
    printed (review41). Every story is printed, once."""
    data = tmp_path / "data"
    _library(data)
    newest = "http://127.0.0.1:9/2026/11/story-0.html"
    lines = _lines_of_search_meanwhile(tmp_path, data, newest, "Withdrawn: a correction.")
    titles = [line.split("Story ", 1)[1].split(":")[0] for line in lines if "Story " in line]
    assert titles == [str(n) for n in range(ARTICLES)]
