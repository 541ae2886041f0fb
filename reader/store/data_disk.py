"""How a data directory's cache rows are read: as data, never as code or as a path out of it.

A data directory may come from elsewhere (synced between machines, copied, unpacked from an
archive), and diskcache trusts its rows: one in its pickle mode runs whatever the pickle calls
when it is read, and one in a file mode opens, and deletes with the row, whatever file its
filename names, `/home/me/thesis.odt` or `../../x` as well as its own `ab/cd/….val` (acc29c
S4). `DataDisk` reads rows as the reader writes them: values kept in the row (text, numbers,
bytes) and in files diskcache named inside the cache's directory. A pickle is read only when it
is plain data (numbers, text, tuples: an older reader kept a story's "gone" mark as a tuple) —
it may name no class or function, so nothing in it can run — and never from a file. Anything
else raises `RefusedRecord`, which the store drops as the damaged record it is.
"""

from __future__ import annotations

import io
import os
import pickle
import re
from typing import Any

import diskcache
from diskcache.core import MODE_BINARY, MODE_PICKLE, MODE_RAW, MODE_TEXT

_FILE_NAME = re.compile(r"[0-9a-f]{2}[/\\][0-9a-f]{2}[/\\][0-9a-f]{28}\.val")
"""The names `diskcache.Disk.filename` gives the files of values too large for their row."""


class RefusedRecord(ValueError):
    """A cache row the reader never writes: a pickle that names code, or a file outside the
    cache's directory. `held` is what the row itself holds (for keeping a copy aside)."""

    def __init__(self, reason: str, held: bytes | str | None = None) -> None:
        super().__init__(reason)
        self.held = held


class MissingValueFile(RefusedRecord):
    """A row whose value's file is gone (a lost write, a backup that skipped it, fsck):
    diskcache reads it as no row at all, so a feed's headlines vanished without a word
    (acc31a F16). Or, read once, a value another process replaced between the row and its
    file being read (`directory._get` reads it again)."""


class _PlainData(pickle.Unpickler):
    """Reads a pickle made only of data: a class or a function (what runs code) is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"names {module}.{name}")


def plain_data(pickled: bytes) -> Any:
    """The value of a pickle of plain data; RefusedRecord for any other pickle."""
    try:
        return _PlainData(io.BytesIO(pickled)).load()
    except Exception:  # a damaged pickle fails in many ways, each a damaged record
        # Its words are the pickle's (the names it gives): not for a terminal.
        raise RefusedRecord("a pickle that is not plain data", pickled) from None


class DataDisk(diskcache.Disk):
    """diskcache's `Disk`, reading rows only as data (see the module's docstring)."""

    def __init__(self, directory: str, **settings: Any) -> None:
        super().__init__(directory, **settings)
        self._inside = os.path.realpath(directory) + os.sep

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode == MODE_RAW:
            return super().fetch(mode, filename, value, read)
        if mode == MODE_PICKLE:
            if filename is not None or value is None:
                raise RefusedRecord("a pickle kept in a file")
            return plain_data(bytes(value))
        if mode in (MODE_BINARY, MODE_TEXT):
            if not self.holds(filename):
                raise RefusedRecord("a file outside the cache's directory", filename)
            try:
                return super().fetch(mode, filename, value, read)
            except FileNotFoundError:
                raise MissingValueFile(f"its file {filename} is missing") from None
        raise RefusedRecord("a record of no mode diskcache writes")

    def get(self, key: Any, raw: bool) -> Any:
        # Keys are read back only when a cache is iterated; the reader's are all text.
        return super().get(key, raw) if raw else plain_data(bytes(key))

    def remove(self, file_path: str) -> None:
        # A row naming a file outside the cache goes without the file.
        if self.holds(file_path):
            super().remove(file_path)

    def holds(self, filename: object) -> bool:
        """Whether `filename` is a file name diskcache gives, inside this cache's directory
        (through no link that leads out of it)."""
        if not isinstance(filename, str) or not _FILE_NAME.fullmatch(filename):
            return False
        full = os.path.realpath(os.path.join(self._directory, filename))
        return full.startswith(self._inside)
