"""`z` in the feed list: a folder folded or unfolded (`folder_tree`), and the folders of a row
a move goes to opened; the folders folded kept by the store for the next start
(`FoldersFolded`)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from textual.binding import Binding

from ....feed_tags import Folder
from ...folder_tree import (
    FolderPaths,
    FolderRow,
    Placed,
    folder_key,
    folder_of,
    grouped,
    row_keys,
)
from ...messages import FoldersFolded
from ..vim_list import VimOptionList


class FolderFolding(VimOptionList):
    """A list whose last rows are feeds grouped by folder (`FeedList`), its folders folded by
    `z`."""

    BINDINGS = [Binding("z", "toggle_folder", "Fold folder", show=False)]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.closed: frozenset[Folder] = frozenset()
        """The folders folded (`folder_key`), their feeds hidden (`z`); kept by the store."""
        self._folder_at: dict[int, FolderRow] = {}
        """The folder rows, by position (the feeds grouped by folder: `folder_tree`)."""
        self._section: list[Placed] = []
        """The rows of the feeds and folders, the list's last (`folder_rows.grouped_section`)."""
        self._given: tuple[Any, ...] | None = None
        """What `set_feeds` was last given, to draw the list again as a folder folds."""
        self._paths = FolderPaths()
        """Each feed's folder paths, worked out once for it."""

    def set_feeds(self, *given: Any) -> None:
        raise NotImplementedError  # `FeedList`'s

    def action_toggle_folder(self) -> None:
        """`z` (vim's `za`): fold the folder under the cursor, or unfold it; on a feed in a
        folder, fold that one, the cursor on its row (vim's `zc` in a fold). Kept for the
        next start (`FoldersFolded`)."""
        at = self.highlighted
        if not self._folder_at or at is None:
            self.notify("No feed is in a folder here (an OPML file's folders are).", timeout=3)
            return
        if (folder := self._folder_at.get(at)) is None:
            start = self.option_count - len(self._section)
            above = folder_of(self._section, at - start) if at >= start else None
            if above is None:
                self.notify("This row is in no folder.", timeout=3, markup=False)
                return
            folder = self._folder_at[start + above]
        self._refold(self.closed ^ {folder_key(folder.path)})
        for position, row in self._folder_at.items():
            if row.path == folder.path:
                self.highlighted = position  # its headlines shown, as the cursor moves to it
                break

    def open_section(self) -> list[Placed]:
        """The rows of the feeds and folders as if every folder were open: what `/` looks
        through (`searched_at`), as a file tree's search finds a file in a folder folded."""
        if not (self.closed and self._folder_at) or self._given is None:
            return self._section
        return grouped(self._given[0], self._paths)[0]

    def searched_at(self) -> int:
        """The row under the cursor, counted in the rows of `open_section` (those above the
        feeds' the same)."""
        at = self.highlighted or 0
        start = self.option_count - len(self._section)
        shown = self.open_section()
        if at < start or shown is self._section:
            return at
        return start + row_keys(shown).index(row_keys(self._section)[at - start])

    def highlight_searched(self, position: int) -> None:
        """The cursor to the row at `position` of the rows `searched_at` counts in, the
        folders it is in unfolded (kept so, as `J` to a feed in them keeps them)."""
        start = self.option_count - len(self._section)
        shown = self.open_section()
        if position < start or shown is self._section:
            self.highlighted = position
            return
        key = row_keys(shown)[position - start]
        path = key[0] if key[1] else key[0][:-1]  # a feed's folder and those above, a folder's
        self._unfold({folder_key(path[:n]) for n in range(1, len(path) + 1)})
        self.highlighted = start + row_keys(self._section).index(key)

    def _unfold(self, keys: Collection[Folder]) -> None:
        """Open the folders of `keys` (a move to a row in them: `J`, `]`, `t`)."""
        if self.closed & set(keys):
            self._refold(self.closed - keys)

    def _refold(self, closed: frozenset[Folder]) -> None:
        self.closed = closed
        if self._given is not None:
            self.set_feeds(*self._given)
        self.post_message(FoldersFolded(closed))
