"""What the feed list and the headlines' title call a row that is no one feed's: a tag's
("#news"), a folder's (its path: "Work / News"), a search feed's ("⌕ Harbour strike"); each
safe (`plain`), as the names come from files and feeds."""

from __future__ import annotations

from rich.text import Text

from ....feed_tags import TAG_MARK, Folder
from ....marks import PLAIN_SEARCH_MARK
from ....search_feeds import SEARCH_MARK
from ...display import plain
from ...headlines import view_folder, view_tag


def search_name(name: str, plain_layout: bool = False) -> Text:
    """What the feed list and the headlines' title call a search feed's row ("⌕ Harbour
    strike"; "Search: Harbour strike" in the plain layout), safe."""
    return plain(f"{PLAIN_SEARCH_MARK if plain_layout else SEARCH_MARK} {name}", max_length=100)


FOLDER_STEP = " / "
"""Between the names of a folder's path in a title ("Work / News"), as an OPML category writes
its path ("/Work/News")."""


def folder_name(path: Folder) -> Text:
    """What the headlines' title and the notices call a folder's view: its path, safe ("Work /
    News"); a folder is no tag to its user, "#News" said of two folders so named."""
    return plain(FOLDER_STEP.join(path), max_length=100)


def group_name(view: str | None) -> Text | None:
    """What a tag's view ("#news") or a folder's (`folder_name`) is called; None for any
    other."""
    if (folder := view_folder(view)) is not None:
        return folder_name(folder)
    return tag_name(tag) if (tag := view_tag(view)) is not None else None


def tag_name(tag: str) -> Text:
    """What the feed list and the headlines' title call a tag's row ("#news"), safe."""
    return plain(f"{TAG_MARK}{tag}", max_length=100)
