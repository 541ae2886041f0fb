"""The two cache files of a data directory (`state/` and `articles/`), what each holds, and what
can be wrong with them as files, found before or after SQLite is asked: a header no
database's, a damage SQLite's own check finds, one emptied or missing though a library was
there, a file-sync tool's conflicting copy beside them. Said in the words that name the file
and what to do.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from ..plural import plural

_SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_FILES = (
    ("state", "subscriptions, headlines and read marks"),
    ("articles", "the cached articles"),
)


def damaged_file(root: Path) -> tuple[Path, str] | None:
    """The cache file of `root` whose first bytes are no SQLite database's, and what it
    holds: which to move aside (acc28b D18: "a cache file under …" left the reader to guess,
    and moving the articles' aside hides the whole archive). None when neither's header is
    damaged (a page inside is: no quick way to tell which)."""
    for folder, holds in CACHE_FILES:
        path = root / folder / "cache.db"
        try:
            with path.open("rb") as file:
                if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                    return path, holds
        except OSError:
            continue
    return None


def unwritable_file(root: Path) -> tuple[Path, str] | None:
    """The cache file of `root` (or its log, its log's index) that can't be written, and what
    it holds: made immutable (`chattr +i`, which refuses even root) or read-only to everyone.
    None when each can be, or none is there."""
    for folder, holds in CACHE_FILES:
        for name in ("cache.db", "cache.db-wal", "cache.db-shm"):
            path = root / folder / name
            if path.exists() and not os.access(path, os.W_OK):
                return path, holds
    return None


def failing_check(root: Path) -> tuple[Path, str] | None:
    """The cache file of `root` that SQLite's own check finds damaged inside, and what it
    holds (acc31a F4, F5: which of the two, when their headers are sound)."""
    from .salvage import problem

    for folder, holds in CACHE_FILES:
        if problem(root / folder):
            return root / folder / "cache.db", holds
    return None


def _emptied_file(root: Path) -> tuple[Path, str, str] | None:
    """The cache file of `root` that is empty (0 bytes) while the other one is not, and what
    it holds. SQLite would take it as a new database and diskcache write a fresh one over it:
    subscriptions, saved and read marks gone without a word (acc31a F10), the evidence too.
    A library's first opening writes both at once, so one alone empty was cut short since."""
    sizes: list[int | None] = []
    for folder, _ in CACHE_FILES:
        try:
            sizes.append((root / folder / "cache.db").stat().st_size)
        except OSError:
            sizes.append(None)
    for (folder, holds), size, other in zip(CACHE_FILES, sizes, sizes[::-1], strict=True):
        if size == 0 and other:
            return root / folder / "cache.db", holds, "the other one holds a library"
    # The subscriptions' file not there at all, a library's articles or its headline lists
    # beside it: a file sync's first pass not done, or the file being swapped. Taken for a new
    # library, an empty one was written, for the sync tool to spread (acc42b B9). (The
    # articles' file missing is a cache moved aside: fetched again, nothing lost.)
    state, _ = CACHE_FILES[0]
    articles, _ = CACHE_FILES[1]
    if sizes[0] is None and (
        (sizes[1] and _holds_records(root / articles / "cache.db")) or _holds_values(root / state)
    ):
        return root / state / "cache.db", CACHE_FILES[0][1], "a library is here"
    # Both cut to nothing: a library was there if a sync left its lock or its search index.
    if sizes == [0, 0] and any((root / name).exists() for name in _LEFT_BY_A_LIBRARY):
        folder, holds = CACHE_FILES[0]
        held = "a library was here (its sync lock, its search index)"
        return root / folder / "cache.db", holds, held
    return None


def _holds_records(path: Path) -> bool:
    """Whether the cache file `path` holds a record (a damaged one is taken to): one made and
    left empty, its settings alone, is no library's."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return db.execute("SELECT 1 FROM Cache LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return True


def _holds_values(folder: Path) -> bool:
    """Whether a cache's folder holds value files (diskcache's `xx/yy/….val`, a feed's
    headline list each): a store was there."""
    try:
        return any(part.is_dir() and len(part.name) == 2 for part in folder.iterdir())
    except OSError:
        return False


def emptied_file_line(root: Path) -> str:
    """The line saying a cache file of `root` is empty or missing though a library was there
    (`_emptied_file`), "" when none is: every command's, `reader repair`'s too (acc42b B5: a
    traceback)."""
    if not (emptied := _emptied_file(root)):
        return ""
    path, holds, held = emptied
    if not path.exists():
        return (
            f"the cache file {path} ({holds}) is missing, though {held} (a copy or a file sync"
            " not finished?): put it back, or move the data directory aside to start afresh"
            " (nothing was changed)"
        )
    return (
        f"the cache file {path} ({holds}) is empty, 0 bytes (a copy or a write cut short),"
        f" though {held}: put back a copy of it, or move it aside to start it afresh"
        " (nothing was changed)"
    )


_CONFLICT_COPIES = ("cache.sync-conflict-*", "cache*conflicted copy*")
"""The names a file-sync tool gives the copy of a cache file it lost a conflict over: the
other machine's, with its read marks and saves (Syncthing's `cache.sync-conflict-…db`,
Dropbox's and Nextcloud's `cache (… conflicted copy …).db`)."""


def conflict_copies(root: Path) -> list[Path]:
    """The conflicting copies of `root`'s cache files a file-sync tool left beside them."""
    found: set[Path] = set()
    for folder, _ in CACHE_FILES:
        for pattern in _CONFLICT_COPIES:
            with suppress(OSError):
                found.update((root / folder).glob(pattern))
    return sorted(found)


def conflict_said(copies: list[Path]) -> str:
    """The line a start says of `copies` (`conflict_copies`); "" for none. Never read, one
    machine's marks, saves and tags were gone without a word (acc42b B2)."""
    if not copies:
        return ""
    more = f" and {plural(len(copies) - 1, 'more')}" if len(copies) > 1 else ""
    return (
        f"another copy of the library is beside it: {copies[0]}{more} (a file sync's"
        " conflicting copy, another machine's read marks, saves and tags: not read here;"
        " move it out of the data directory once you have what you need of it)"
    )


_LEFT_BY_A_LIBRARY = ("sync.lock", "search-index.sqlite")
"""Files a library's syncs and searches leave in its directory (`sync_lock.LOCK_NAME`,
`search_index.INDEX_FILE`: named here, the store imports neither)."""
