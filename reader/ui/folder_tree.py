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

from ..feed_tags import Folder, feed_folders, folder_key
from ..models import Feed
from .headlines import view_folder


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


class FolderPaths:
    """Each feed's folder paths (`feed_folders`) and their keys (`folder_key`), worked out
    once for its folders and tags: the feed list is drawn again at every count that changes
    (and a refresh reads every feed again as each comes in), and 600 feeds in 29 folders took
    ~25 ms of the event loop each time, their names compared (`folded`) again and again."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[object, tuple[Folder, ...], tuple[Folder, ...]]] = {}

    def __call__(self, feed: Feed) -> tuple[tuple[Folder, ...], tuple[Folder, ...]]:
        """The paths of `feed`, and the key of each."""
        kept = self._kept.get(feed.url)
        filed = (feed.folders, feed.tags)
        if kept is None or kept[0] != filed:
            paths = feed_folders(feed) if feed.folders else ()
            kept = self._kept[feed.url] = (filed, paths, tuple(folder_key(p) for p in paths))
        return kept[1], kept[2]


def has_folders(feeds: Iterable[Feed], paths: FolderPaths) -> bool:
    """Whether any of `feeds` is in a folder: the list is grouped only then."""
    return any(paths(feed)[0] for feed in feeds if feed.folders)


def folder_names(feeds: Iterable[Feed], paths: FolderPaths) -> frozenset[str]:
    """Every folder's name (compared) of `feeds`: a tag so named is shown as its folder's row,
    not again as a tag row."""
    return frozenset(name for f in feeds if f.folders for key in paths(f)[1] for name in key)


class _Node:
    """A folder, with what is in it in the order first met: its feeds and its folders."""

    __slots__ = ("children", "folders", "key", "path")

    def __init__(self, path: Folder, key: Folder) -> None:
        self.path, self.key = path, key
        self.children: list[_Node | Feed] = []
        self.folders: dict[str, _Node] = {}

    def folder(self, name: str, compared: str) -> _Node:
        node = self.folders.get(compared)
        if node is None:
            node = _Node((*self.path, name), (*self.key, compared))
            self.folders[compared] = node
            self.children.append(node)
        return node


def grouped(
    feeds: Sequence[Feed], paths: FolderPaths, closed: Collection[Folder] = ()
) -> tuple[list[Placed], list[Feed]]:
    """The rows of `feeds` grouped by folder, in their order: a folder where its first feed
    stands, a feed in two folders under each. `closed`: the folders folded (`folder_key`),
    whose feeds and folders are left out. And every feed in the order of the rows, those left
    out too (in their place: `J` and `]` go to them)."""
    top = _Node((), ())
    for feed in feeds:
        filed, keys = paths(feed) if feed.folders else ((), ())
        if not filed:
            top.children.append(feed)
        for path, key in zip(filed, keys, strict=True):
            node = top
            for name, compared in zip(path, key, strict=True):
                node = node.folder(name, compared)
            node.children.append(feed)
    rows: list[Placed] = []
    order: list[Feed] = []
    _place(top, 0, frozenset(closed), rows, order)
    return rows, order


def _place(
    node: _Node, depth: int, closed: frozenset[Folder], rows: list[Placed] | None, order: list[Feed]
) -> None:
    """The rows of what `node` holds (None: in a folder folded, none), and its feeds' order."""
    for child in node.children:
        if isinstance(child, Feed):
            order.append(child)
            if rows is not None:
                rows.append(Placed(child, depth))
            continue
        shut = child.key in closed
        if rows is not None:
            rows.append(Placed(FolderRow(child.path, shut), depth))
        _place(child, depth + 1, closed, None if shut else rows, order)


def row_keys(rows: Sequence[Placed]) -> list[tuple[Folder, str]]:
    """Each row's place: the path of the folder it is in, or its own for a folder's row, and
    a feed's address ("" for a folder): the same row's in two lists of the same feeds folded
    otherwise (a feed in two folders has one in each)."""
    keys: list[tuple[Folder, str]] = []
    parents: list[Folder] = []
    for placed in rows:
        del parents[placed.depth :]
        row = placed.row
        if isinstance(row, FolderRow):
            keys.append((row.path, ""))
            parents.append(row.path)
        else:  # its address a key, not shown
            keys += [(parents[-1] if parents else (), row.url)]
    return keys


def folder_of(rows: Sequence[Placed], position: int) -> int | None:
    """The position of the folder row the row at `position` is in (its nearest one above it,
    a step out), None for a row in no folder."""
    depth = rows[position].depth
    for above in range(position - 1, -1, -1):
        if rows[above].depth < depth:
            return above if isinstance(rows[above].row, FolderRow) else None
    return None


def hidden_in(feeds: Sequence[Feed], view: str | None, paths: FolderPaths) -> set[Folder]:
    """The folders (`folder_key`) a row of `view` is in, to unfold for it to show: a feed's
    (`view` its address), or a folder's (`folder_view`), each of the way down."""
    folder = view_folder(view)
    if folder is not None:
        key = folder_key(folder)
        return {key[:n] for n in range(1, len(key))}
    found: set[Folder] = set()
    for feed in feeds:
        for key in paths(feed)[1] if feed.folders and feed.url == view else ():
            found.update(key[:n] for n in range(1, len(key) + 1))
    return found
