"""The folders of a cache's value files that the disk can't read (a directory block failing its
checksum, an I/O error): `reader repair` stopped at the first with a bare errno, "Bad message:
…/articles/93", the other cache files never checked (acc49a A9). Now each is named, its files
left as they are (neither orphans to delete nor records' files gone), and the rest checked."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

_LEVEL = re.compile(r"[0-9a-f]{2}")
"""The name of each of the two levels of folders diskcache keeps value files in (`ab/cd/`)."""


class ValueFolders:
    """The value files under a cache's folder, found as the disk lets them be."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.unreadable: dict[Path, str] = {}
        """The folders that could not be read, with why (the system's words)."""

    def files(self) -> Iterator[Path]:
        """The `.val` files of the cache's two levels of folders (through links, as a glob
        goes: the caller checks where they lead); a folder the disk fails to read is noted in
        `unreadable`, and passed."""
        for first in self._folders(self.folder):
            for second in self._folders(first):
                for entry in self._entries(second):
                    if entry.name.endswith(".val"):
                        yield Path(entry.path)

    def _folders(self, under: Path) -> Iterator[Path]:
        for entry in self._entries(under):
            try:
                if _LEVEL.fullmatch(entry.name) and entry.is_dir():
                    yield Path(entry.path)
            except OSError as error:  # a link into a failing folder
                self.unreadable[Path(entry.path)] = error.strerror or str(error)

    def _entries(self, folder: Path) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(folder) as entries:
                return list(entries)
        except FileNotFoundError:
            return []
        except OSError as error:
            self.unreadable[folder] = error.strerror or str(error)
            return []


def unreadable_said(path: Path, why: str) -> str:
    """The line naming a folder the disk can't read."""
    return (
        f"{path}: can't be read ({why}): the disk is failing there, its files were left as they"
        " are: copy off what reads, then check the disk (fsck)"
    )
