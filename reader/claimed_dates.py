"""What is said of an item its feed dates over an hour ahead of when it was first read (an
embargo's date, a typo's year: `Entry.claimed`): the list dates it as of when it was first
read, and wherever the item is shown whole (`reader show`, its JSON, the reading view's
header) the date its feed claims is said beside it, so that nothing the feed said is hidden
(acc43c C3: the +2 days story showed as "19:43", nothing telling that the feed said 8 December)."""

from __future__ import annotations

from .dates import stated_iso
from .models import Entry


def claimed_note(entry: Entry | None) -> str:
    """The note `reader show` prints under an article's header for an item its feed dates
    ahead ("the feed dates it 2026-12-08T19:43:00+00:00, over an hour after it was first read:
    listed as of then"), "" for any other."""
    if entry is None or entry.claimed is None:
        return ""
    return (
        f"the feed dates it {stated_iso(entry.claimed)}, over an hour after it was first read:"
        " listed as of then"
    )


def claimed_json(entry: Entry | None) -> str | None:
    """The date the feed claims, as `reader list --json` and `reader show --format json` give
    it ("claimed"): ISO 8601, null for an item listed by its feed's date."""
    if entry is None or entry.claimed is None:
        return None
    return stated_iso(entry.claimed)
