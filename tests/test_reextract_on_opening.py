"""An article cached by an older extractor is extracted again from its kept page as it is first
opened: in a worker, the extractor (lxml, readability: hundreds of milliseconds to import) never
imported on the reader's event loop, where it froze the keys. The reader runs under Pilot in a
Python of its own, which watches where `reader.extract` is imported."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

from reader.extractor_version import EXTRACTOR
from reader.library import Library
from tests.import_watch import WATCH_EXTRACTOR_IMPORT

_PROBE = (
    WATCH_EXTRACTOR_IMPORT
    + """
from pathlib import Path

from reader.extractor_version import EXTRACTOR
from reader.library import Library
from reader.ui.app import ReaderApp
from tests.tui_pilot import open_titled


async def run(directory, link, title):
    app = ReaderApp(directory, refresh_on_start=False)
    app.prefetch_limit = 0
    async with app.run_test(size=(120, 30)) as pilot:
        await open_titled(pilot, title)  # once it is shown
    lib = Library(directory, workers="thread")
    try:
        assert lib.store.article(link).extractor == EXTRACTOR, "not extracted again"
    finally:
        lib.close()


asyncio.run(run(Path(sys.argv[1]), *sys.argv[2:]))
print("imported in:", ",".join(imported) or "no thread of this process")
"""
)


def test_an_article_extracted_again_on_opening_loads_the_extractor_off_the_event_loop(
    synced_dir: Path,
) -> None:
    lib = Library(synced_dir, workers="thread")
    try:
        cached = next(h for h in lib.headlines() if h.cached and h.entry.title)
        link = cached.entry.link
        article = lib.store.article(link)
        assert article is not None and article.extractor == EXTRACTOR
        lib.store.put_article(link, dataclasses.replace(article, extractor=EXTRACTOR - 1))
    finally:
        lib.close()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, str(synced_dir), link, cached.entry.title[:30]],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    where = run.stdout.strip().splitlines()[-1]
    assert where.startswith("imported in:") and "MainThread" not in where, where
