"""The id of a headline retention dropped (`reader cache prune --headlines-older-than`, `[feeds]
drop_read_after`), asked for again (`reader show ID`, `save`, `reextract`): its cached article,
which stays, else one line saying the headline was dropped, never "no article with id"."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from ..keys import link_key
from ..models import Entry, ErrorKind, FetchError
from ..url_display import shown_url

if TYPE_CHECKING:
    from .headlines import LibraryHeadlines


def dropped_entry(lib: LibraryHeadlines, entry_id: str) -> Entry | None:
    """The cached article of the dropped headline `entry_id`, as an entry of no feed keeping
    that id (so a save records it, and the id finds the saved article after); None when the id
    is of no dropped headline. Raises FetchError(NOT_FOUND) saying it was dropped when its
    article is not cached, or its link was not kept."""
    dropped = lib.store.dropped_headline(entry_id)
    if dropped is None:
        return None
    key = link_key(dropped.link)
    if key and lib.store.has_article(key):
        return dataclasses.replace(lib.unlisted_entry(key, {"url": key}), id=entry_id)
    day = datetime.fromtimestamp(dropped.dropped_at).astimezone().strftime("%Y-%m-%d")
    said = f"headline {entry_id} was dropped as old and read on {day}"
    if key:
        raise FetchError(
            ErrorKind.NOT_FOUND,
            f"{said}, and its article is not cached: reader show {shown_url(dropped.link)} "
            "fetches it",
        )
    raise FetchError(
        ErrorKind.NOT_FOUND, f"{said}; reader list --search finds its article if it is cached"
    )
