"""The feed list's rows of feeds grouped by folder (`folder_tree`): what each row shows, as the
list compares it with what it shows already, and a folder's row drawn: its fold mark (▾ open,
▸ folded), its name and its unread count, as a feed's row is (`FeedRow`), one step further in
for each folder it is in."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rich.text import Text

from ....failing_feeds import last_failed
from ....feed_names import folded
from ....feed_tags import Folder, folder_members
from ....marks import FOLDER_CLOSED_MARK, FOLDER_OPEN_MARK
from ....models import Feed
from ...display import plain
from ...folder_tree import (
    FolderPaths,
    FolderRow,
    Placed,
    folder_key,
    folder_names,
    grouped,
    has_folders,
)
from ...headlines import folder_view
from .feed_rows import INDENT

Row = tuple[str, str, int, bool, bool, int] | tuple[str, str, int, bool, bool, int, bool]
"""What a feed's or folder's row shows: its view, name, unread count, failing, short of
offline, then its depth (and a folder's folded): the list draws a row again when it changes."""


def grouped_section(
    feeds: Sequence[Feed],
    tags: Sequence[tuple[str, int]],
    closed: Collection[tuple[str, ...]],
    paths: FolderPaths,
    unread: Mapping[str, int],
    flat: bool = False,
    apart: Collection[str] = frozenset(),
) -> tuple[list[Placed], list[Feed], list[tuple[str, int]], dict[Folder, int]]:
    """The feeds' rows (grouped by folder when one is in a folder, else each in turn), the
    feeds in the rows' order (those of the folders folded too: `J`, `]` go to them), the tag
    rows left above them, and each folder's unread count (by `folder_key`): its feeds', those
    of the folders in it too, as its view (`folder_view`) shows them. A tag only folders give
    shows as their rows, not as a tag's too; one a feed in no folder of its name has too (`reader
    tag F news` beside a folder News) keeps its row, "#news": its feeds are no folder's (acc50c
    C6). So does one of `apart` (as compared): saved articles filed under it that no feed of
    the folder lists, which its row counts and its view lists, and the folder's neither.
    `flat`: each in turn all the same."""
    if flat or not has_folders(feeds, paths):
        return [Placed(feed, 0) for feed in feeds], list(feeds), list(tags), {}
    names = folder_names(feeds, paths)
    loose = {
        key
        for feed in feeds
        for tag in feed.tags
        if (key := folded(tag)) in names
        and all(key not in path for path in (paths(feed)[1] if feed.folders else ()))
    }
    kept = [t for t in tags if folded(t[0]) not in names - loose - set(apart)]
    members = folder_members((f.url, paths(f)[1]) for f in feeds if f.folders)
    counts = {key: sum(unread.get(url, 0) for url in urls) for key, urls in members.items()}
    rows, order = grouped(feeds, paths, closed)
    return rows, order, kept, counts


def section_row(
    placed: Placed,
    unread: Mapping[str, int],
    to_fetch: Collection[str],
    counts: Mapping[Folder, int],
) -> Row:
    row = placed.row
    if isinstance(row, FolderRow):
        return (
            folder_view(row.path),
            row.path[-1],
            counts.get(folder_key(row.path), 0),
            False,
            False,
            placed.depth,
            row.closed,
        )
    return (
        row.url,
        row.display_title,
        unread.get(row.url, 0),
        last_failed(row),
        row.url in to_fetch,
        placed.depth,
    )


def folder_title(row: FolderRow) -> Text:
    """A folder's name as its row shows it: safe, bold."""
    title = plain(row.path[-1], max_length=100)
    title.stylize("bold")
    return title


def folder_mark(row: FolderRow, plain_layout: bool) -> Text:
    """A folder row's mark, open or folded; "-" and "+" in the plain layout (`[ui] plain`),
    read aloud."""
    if plain_layout:
        return Text("+" if row.closed else "-", style="bold")
    return Text(FOLDER_CLOSED_MARK if row.closed else FOLDER_OPEN_MARK, style="bold")


def placed_cells(placed: Placed, title_cells: int) -> int:
    """Cells a row's indent and name (`title_cells`) take."""
    return INDENT * placed.depth + title_cells
