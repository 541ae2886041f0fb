"""What the store's reads leave mapped of its files into the process (acc48b B1).

SQLite reads a cache's file through a memory map of its own for each thread's connection, and
the pages a read touched stayed mapped for as long as the connection lived: 50 articles read
left 21 MB of a 47 MB file counted in the reader's memory, two `F` searches 40 MB. A search
unmaps its thread's map as it ends; the reader's settle has each thread unmap its own before
its next read (`StoreDirectory.let_go_of_maps`). Counted in the pages mapped (Linux's
/proc/self/smaps), not timed.
"""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

import pytest

from reader.full_text import Query
from reader.library import Library
from reader.library.text_search import search_cached

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/self/smaps"
)


def _mapped_kb(directory: Path) -> int:
    """KB of the articles' cache file of `directory` resident in this process's maps."""
    path = str(directory.resolve() / "articles" / "cache.db")
    kb, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            inside = line.endswith(path)
        elif inside and line.startswith("Rss:"):
            kb += int(line.split()[1])
    return kb


def test_a_search_leaves_none_of_the_articles_file_mapped(synced_dir: Path) -> None:
    lib = Library(synced_dir, workers="thread")
    try:
        headlines = lib.headlines()
        mapped: list[int] = []

        def search() -> None:
            found = search_cached(lib, headlines, Query("the"))
            assert found.hits  # every demo article read, each one's record through the map
            mapped.append(_mapped_kb(synced_dir))

        worker = threading.Thread(target=search)
        worker.start()
        worker.join()
        assert mapped == [0]
    finally:
        lib.close()


def test_a_thread_unmaps_what_it_read_at_its_next_read_once_asked(synced_dir: Path) -> None:
    lib = Library(synced_dir, workers="thread")
    try:
        entries = [headline.entry for headline in lib.headlines() if headline.key]
        assert len(entries) > 10
        mapped: list[int] = []
        asked = threading.Event()
        go_on = threading.Event()

        def read() -> None:
            for entry in entries:
                lib.store.article(entry.link)  # a PDF's is none
            mapped.append(_mapped_kb(synced_dir))
            asked.set()
            go_on.wait(30)
            lib.store.article(entries[0].link)  # the next read, after the settle's ask
            mapped.append(_mapped_kb(synced_dir))

        worker = threading.Thread(target=read)
        worker.start()
        asked.wait(30)
        lib.store.let_go_of_maps()  # in another thread, as the reader's settle does
        go_on.set()
        worker.join()
        every, one = mapped
        assert every > 0, "the articles were not read through the map"
        assert one < every, mapped
    finally:
        lib.close()
