"""The reader's own notes (✎: an article's note and its highlights' notes) as the search of
cached articles reads them (`full_text.search`'s `notes`): by the article's key, one text, each
note a line of it. A reporter's notes are what they look a story up by as often as its words
(acc45 C5). No index holds them: they are few, and read whole at each search."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .keys import article_key, item_address, item_of_address

if TYPE_CHECKING:
    from .reports import Headline
    from .search_query import Query
    from .store import Store


def notes_by_key(store: Store) -> dict[str, str]:
    """Every article's notes, by its key (an item with no link by its own address), those with
    a note only."""
    out: dict[str, str] = {}
    for kept in store.every_highlights():
        lines = [kept.note, *(item.note for item in kept.items)]
        text = "\n".join(line for line in lines if line)
        if text:
            key = kept.url if item_of_address(kept.url) else article_key(kept.url)
            out[key] = text
    return out


def note_of(notes: Mapping[str, str], headline: Headline, key: str) -> str:
    """The notes on `headline`'s article (`key`: its article's, "" for an item with no link)."""
    if not notes:
        return ""
    return notes.get(key or item_address(headline.entry.id), "")


def notes_may_hold(query: Query, notes: Mapping[str, str]) -> bool:
    """Whether a note may hold a word of `query` (told before an index says nothing holds it:
    the index doesn't hold the notes)."""
    from .full_text import noted_snippet

    return any(noted_snippet(query, note) for note in notes.values())
