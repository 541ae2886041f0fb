"""Work a test hands a worker process of the reader's pool, told apart by files in `work`:
"started" (holding the worker's pid) when it begins, "go" for it to carry on, which the test
makes. Module-level, so a spawned worker can import it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reader.models import Article
from reader.workers import store_in_worker, whole_write

KEPT = "https://example.org/kept-while-quitting"


def _started(work: Path) -> None:
    (work / "started").write_text(str(os.getpid()))


def until_go(work: Path) -> None:
    while not (work / "go").exists():
        time.sleep(0.01)


def busy(work: str) -> None:
    """CPU work whose result nobody reads once the reader quits: "done" only if let finish."""
    _started(Path(work))
    until_go(Path(work))
    (Path(work) / "done").touch()


def writing(work: str, home: str) -> None:
    """An article cached, the write begun before "go" and finished after it. "started" is
    written once the write holds the pool's SIGTERM back: written before, a stop sent between
    the two ended the worker outside its write, as it should, and the test saw no write."""
    with whole_write():
        _started(Path(work))
        until_go(Path(work))
        store_in_worker(Path(home)).put_article(KEPT, Article(url=KEPT, title="Kept"))
