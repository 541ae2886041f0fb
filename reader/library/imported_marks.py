"""Another reader's read marks and stars (`read_marks.ReadMarks`) applied to a `Library` after
`reader import`: each imported feed fetched once (its headlines: a mark needs its headline in
the store to land on), its headlines the other reader had read marked read, and the articles it
had starred saved as `reader save` keeps one (`saved_imports.import_saved`). The one place
both newsboat's marks (`--read-from`) and a database's (newsraft, nom, lemon24's reader) go.

No sync lock taken, as `reader mark-read` takes none: the lock keeps two syncs from downloading
everything twice, and a sync beside this loses no mark, each write of a feed's marks (theirs, a
merge, a drop of old ones) being one store transaction that reads them afresh
(`set_read_many`)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Feed
from ..read_marks import ReadMarks
from .saved_imports import SavedImport, import_saved

if TYPE_CHECKING:
    from . import Library


@dataclass(frozen=True)
class MarksApplied:
    """What applying another reader's marks came to."""

    fetched: int  # feeds fetched
    headlines: int  # their headlines
    marked: int  # headlines marked read as the other reader had them
    failed: tuple[Feed, ...]  # feeds that could not be fetched: their marks not applied
    saved: SavedImport | None  # the starred articles saved, None when it had none
    kept_unread: int = 0  # read there, marked read by an import before, unread here since


async def apply_marks(
    lib: Library,
    urls: list[str],
    marks: ReadMarks,
    progress: Callable[[int, int], None] | None = None,
) -> MarksApplied:
    """Fetch each feed of `urls`, mark read its headlines `marks` names, then save the articles
    `marks` stars (`progress`: told how many of them are saved of how many)."""
    results = await asyncio.gather(*(lib.refresh_feed(url) for url in urls))
    failed = tuple(result.feed for result in results if result.error is not None)
    fetched = [url for url, result in zip(urls, results, strict=True) if result.error is None]
    # A headline an import marked read once is not marked again: one the user marked unread
    # since stays unread at the rerun that picks up the feeds down the first time (acc43a A4).
    before = {url: lib.store.imported_read(url) for url in fetched}
    unread = [h.entry for url in fetched for h in lib.headlines(url) if not h.read]
    marked = marks.read_ones(e for e in unread if e.id not in before[e.feed_url])
    kept = sum(e.id in before[e.feed_url] for e in marks.read_ones(unread))
    lib.mark_many_read(marked)
    by_feed: dict[str, list[str]] = {}
    for entry in marked:
        by_feed.setdefault(entry.feed_url, []).append(entry.id)
    for url, ids in by_feed.items():
        lib.store.note_imported_read(url, ids)
    total = sum(len(lib.headlines(url)) for url in fetched)
    # Saved after the feeds came: a starred article a feed lists is saved as its headline.
    saved = await import_saved(lib, marks.starred, progress) if marks.starred else None
    return MarksApplied(len(fetched), total, len(marked), failed, saved, kept)
