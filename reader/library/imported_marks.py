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

from ..errors import ErrorKind
from ..models import Entry, Feed
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
    taken_down: tuple[Feed, ...] = ()  # of `failed`, those answering 404 or 410: never will
    timed_out: tuple[Feed, ...] = ()  # of `failed`, those too slow to answer in time


@dataclass
class MarksUnderWay:
    """How far `apply_marks` has got: what an interrupted import says (acc43a A11)."""

    total: int = 0  # feeds to fetch
    fetched: int = 0  # fetched, their marks applied
    failed: int = 0  # could not be fetched
    marked: int = 0  # headlines marked read so far


async def apply_marks(
    lib: Library,
    urls: list[str],
    marks: ReadMarks,
    progress: Callable[[int, int], None] | None = None,
    fetching: Callable[[int, int], None] | None = None,
    state: MarksUnderWay | None = None,
) -> MarksApplied:
    """Fetch each feed of `urls`, mark read its headlines `marks` names, then save the articles
    `marks` stars (`progress`: told how many of them are saved of how many). Each feed's marks
    land as it comes, not once all have: stopped part way (Ctrl-C), the feeds fetched keep
    theirs (acc43a A11: every headline was left unread), `state` saying how far it got and
    `fetching` told how many feeds are in of how many."""
    state = state if state is not None else MarksUnderWay()
    state.total = len(urls)
    failed: list[Feed] = []
    taken_down: list[Feed] = []
    timed_out: list[Feed] = []
    fetched: list[str] = []
    total = marked = kept = 0

    async def one(url: str) -> None:
        nonlocal total, marked, kept
        result = await lib.refresh_feed(url)
        if result.error is not None:
            failed.append(result.feed)
            if result.error.taken_down:
                taken_down.append(result.feed)
            elif result.error.kind == ErrorKind.TIMEOUT:
                timed_out.append(result.feed)
            state.failed += 1
        else:
            fetched.append(url)
            headlines = lib.headlines(url)
            total += len(headlines)
            m, k = _mark_feed(lib, url, [h.entry for h in headlines if not h.read], marks)
            marked += m
            kept += k
            state.fetched += 1
            state.marked += m
        if fetching:
            fetching(state.fetched + state.failed, state.total)

    await asyncio.gather(*(one(url) for url in urls))
    failed_in_order = tuple(sorted(failed, key=lambda f: urls.index(f.url) if f.url in urls else 0))
    # Saved after the feeds came: a starred article a feed lists is saved as its headline.
    saved = await import_saved(lib, marks.starred, progress) if marks.starred else None
    return MarksApplied(
        len(fetched),
        total,
        marked,
        failed_in_order,
        saved,
        kept,
        tuple(taken_down),
        tuple(timed_out),
    )


def _mark_feed(lib: Library, url: str, unread: list[Entry], marks: ReadMarks) -> tuple[int, int]:
    """Mark read the `unread` headlines of the feed at `url` that `marks` names; how many, and
    how many it names that an import marked read before (`Store.imported_read`): those the
    user marked unread since, left unread (acc43a A4)."""
    before = lib.store.imported_read(url)
    named = marks.read_ones(unread)
    marked = [entry for entry in named if entry.id not in before]
    if marked:
        lib.mark_many_read(marked)
        lib.store.note_imported_read(url, (entry.id for entry in marked))
    return len(marked), len(named) - len(marked)
