"""The feed list grouped by folder: the folders an OPML file filed the feeds in (`Feed.folders`,
as `reader export` nests them: `feed_folders`), each a row above its feeds, a folder in a folder
one step further in, a feed in no folder where it stands among them; a folder folded hides what
is in it. Users coming from Inoreader, Feedly or newsboat's OPML found their 29 nested folders as
29 tag rows in one flat list above 595 feeds (acc49d D2).

Plain values, no widget: the feed list (`FeedList`) draws the rows, the store keeps which
folders are folded (`Store.folded_folders`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from ..feed_names import folded as folded_name
from ..feed_tags import Folder, feed_folders
from ..models import Feed
from .headlines import view_tag


class FolderRow(NamedTuple):
    """A folder's row: its path, outermost first (its name the last), and whether it is
    folded (its feeds and folders hidden)."""

    path: Folder
    closed: bool


class Placed(NamedTuple):
    """A row of the grouped list: a folder's or a feed's, and how many folders it is in (its
    indent)."""

    row: FolderRow | Feed
    depth: int


def folder_key(path: Iterable[str]) -> Folder:
    """A folder's path as compared (case and spaces aside, as a tag is): what the store keeps
    of a folder folded."""
    return tuple(folded_name(name) for name in path)


def has_folders(feeds: Iterable[Feed]) -> bool:
    """Whether any of `feeds` is in a folder: the list is grouped only then."""
    return any(feed_folders(feed) for feed in feeds if feed.folders)


def folder_names(feeds: Iterable[Feed]) -> frozenset[str]:
    """Every folder's name (compared) of `feeds`: a tag so named is shown as its folder's row,
    not again as a tag row."""
    return frozenset(folded_name(n) for f in feeds if f.folders for p in feed_folders(f) for n in p)


class _Node:
    """A folder, with what is in it in the order first met: its feeds and its folders."""

    __slots__ = ("children", "folders", "path")

    def __init__(self, path: Folder) -> None:
        self.path = path
        self.children: list[_Node | Feed] = []
        self.folders: dict[str, _Node] = {}

    def folder(self, name: str) -> _Node:
        key = folded_name(name)
        node = self.folders.get(key)
        if node is None:
            node = self.folders[key] = _Node((*self.path, name))
            self.children.append(node)
        return node


def grouped(feeds: Sequence[Feed], closed: Collection[Folder] = ()) -> list[Placed]:
    """The rows of `feeds` grouped by folder, in their order: a folder where its first feed
    stands, a feed in two folders under each. `closed`: the folders folded (`folder_key`),
    whose feeds and folders are left out."""
    top = _Node(())
    for feed in feeds:
        paths = feed_folders(feed) if feed.folders else ()
        if not paths:
            top.children.append(feed)
        for path in paths:
            node = top
            for name in path:
                node = node.folder(name)
            node.children.append(feed)
    rows: list[Placed] = []
    _place(top, 0, frozenset(closed), rows)
    return rows


def _place(node: _Node, depth: int, closed: frozenset[Folder], rows: list[Placed]) -> None:
    for child in node.children:
        if isinstance(child, Feed):
            rows.append(Placed(child, depth))
            continue
        shut = folder_key(child.path) in closed
        rows.append(Placed(FolderRow(child.path, shut), depth))
        if not shut:
            _place(child, depth + 1, closed, rows)


def folder_of(rows: Sequence[Placed], position: int) -> int | None:
    """The position of the folder row the row at `position` is in (its nearest one above it,
    a step out), None for a row in no folder."""
    depth = rows[position].depth
    for above in range(position - 1, -1, -1):
        if rows[above].depth < depth:
            return above if isinstance(rows[above].row, FolderRow) else None
    return None


def hidden_in(feeds: Sequence[Feed], view: str | None) -> set[Folder]:
    """The folders (`folder_key`) a row of `view` is in, to unfold for it to show: a feed's
    (`view` its address), or a folder's (its tag's view: `tag_view`), each of the way down."""
    tag = view_tag(view)
    wanted = folded_name(tag) if tag is not None else None
    keys: set[Folder] = set()
    for feed in feeds:
        for path in feed_folders(feed) if feed.folders else ():
            if wanted is None and feed.url == view:
                keys.update(folder_key(path[:n]) for n in range(1, len(path) + 1))
            elif wanted is not None:
                names = [folded_name(name) for name in path]
                keys.update(tuple(names[:n]) for n, name in enumerate(names) if name == wanted)
    return keys
