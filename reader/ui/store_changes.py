"""The changes a key makes that wait their turn to be written to the store (`app_marks`), and
how those not kept are counted in what the reader says of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..plural import listed, plural


class ChangeKind(NamedTuple):
    """What a change is called where those not kept are counted."""

    noun: str
    nouns: str
    in_status: str = ""
    """The noun in the status line once kept, when shorter ("1 mark kept"), and its plural
    an "s" on: "" for `noun` there too."""


MARK = ChangeKind("read mark", "read marks", "mark")
SAVED = ChangeKind("change to Saved", "changes to Saved")
"""An article saved or unsaved."""
ARCHIVE = ChangeKind("change to the Archive", "changes to the Archive")
"""An article archived (`E`) or put back in Saved: said as what `E` did, not as a save."""
TAGS = ChangeKind("change of tags", "changes of tags")
"""Tags given or taken (an article tagged is saved too): named apart, a tag not kept was said
"1 change to Saved not kept", and the tag looked for in vain (acc49a A4)."""
VIEW = ChangeKind("view setting", "view settings")
"""Unread only, the feed list put away, the list left on: how the next start opens."""
PLACE = ChangeKind("reading place", "reading places")
"""Where an article was left (written in the background: `Library.remember_place_soon`)."""
OPENED = ChangeKind("note of an article opened", "notes of articles opened")
"""When an article was last read (the cache's eviction goes by it), a change a sync found in it
seen: written in the background as it opens."""


@dataclass(frozen=True)
class Unkept:
    """A change for the store to keep, waiting its turn (`ReaderAppMarks.keep`)."""

    write: Callable[[], object]
    """Run in a thread; raises StoreError when the store refuses it."""
    kind: ChangeKind
    count: int = 1
    """How many of `kind` it is (a feed's headlines marked read at once: each); 0 for one not
    worth a word when it is not kept (the list the reader was left on)."""
    then: Callable[[Any], None] | None = None
    """Run on the event loop with what `write` returned, once it is kept."""

    @classmethod
    def of_none(cls, kind: ChangeKind, count: int) -> Unkept:
        """`count` changes of `kind` that were not written elsewhere (the library's in the
        background), to count with these."""
        return cls(_write_nothing, kind, count)


def _write_nothing() -> None:
    """What a change counted only (`Unkept.of_none`) writes."""


def counted(unkept: Iterable[Unkept], short: bool = False) -> str:
    """The changes of `unkept`, counted by kind: "1 read mark and 2 changes to Saved" ("1
    mark and …" `short`, for the status line)."""
    totals: dict[ChangeKind, int] = {}
    for change in unkept:
        totals[change.kind] = totals.get(change.kind, 0) + change.count
    words = []
    for kind, total in totals.items():
        if not total:
            continue
        noun, nouns = kind.noun, kind.nouns
        if short and kind.in_status:
            noun, nouns = kind.in_status, kind.in_status + "s"
        words.append(plural(total, noun, nouns))
    return listed(words)
