"""The rows of a damaged SQLite file's table read straight from its leaf pages, as SQLite's
recovery (`.recover`) finds them: every page of the file whose type byte says "table leaf",
its cells decoded by the file format's rules (sqlite.org/fileformat2.html), wherever the
tree above them lies damaged. A zeroed interior page hid every sound leaf below it from a
walk of the tree: 16 zeroed pages of 1,617 cost `reader repair` 65 % of an article cache's
records (acc42b B12)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

_TABLE_LEAF = 0x0D
_HEADER = 100  # the file's header, on page 1 before its tree page


def leaf_rows(path: Path, columns: int) -> Iterator[tuple[Any, ...]]:
    """Every row of `columns` values (the first, the row number's alias, stored as NULL) on a
    table leaf page of the SQLite file at `path` that isn't on its free list: as (rowid,
    *the other values). A cell that doesn't decode is passed over; a page read once."""
    with path.open("rb") as file:
        head = file.read(_HEADER)
        if len(head) < _HEADER or not head.startswith(b"SQLite format 3\x00"):
            return
        size = struct.unpack(">H", head[16:18])[0]
        size = 65536 if size == 1 else size
        if size < 512 or size & (size - 1):
            return
        usable = size - head[20]
        pages = path.stat().st_size // size
        free = _free_pages(file, head, size, pages)
        for number in range(1, pages + 1):
            if number in free:
                continue
            file.seek((number - 1) * size)
            page = file.read(size)
            start = _HEADER if number == 1 else 0
            if len(page) < size or page[start] != _TABLE_LEAF:
                continue
            yield from _cells(file, page, start, size, usable, pages, columns)


def _free_pages(file: BinaryIO, head: bytes, size: int, pages: int) -> set[int]:
    """The pages on the file's free list (deleted rows lie there, not to come back), as far
    as its chain of trunk pages reads."""
    free: set[int] = set()
    trunk = struct.unpack(">I", head[32:36])[0]
    while 0 < trunk <= pages and trunk not in free:
        free.add(trunk)
        file.seek((trunk - 1) * size)
        page = file.read(size)
        if len(page) < 8:
            break
        following, count = struct.unpack(">II", page[:8])
        count = min(count, (size - 8) // 4)
        free.update(struct.unpack(f">{count}I", page[8 : 8 + 4 * count]))
        trunk = following
    return free


def _cells(
    file: BinaryIO, page: bytes, start: int, size: int, usable: int, pages: int, columns: int
) -> Iterator[tuple[Any, ...]]:
    count = struct.unpack(">H", page[start + 3 : start + 5])[0]
    pointers = start + 8
    if pointers + 2 * count > size:
        return
    for n in range(count):
        at = struct.unpack(">H", page[pointers + 2 * n : pointers + 2 * n + 2])[0]
        try:
            row = _cell(file, page, at, size, usable, pages, columns)
        except (IndexError, ValueError, UnicodeDecodeError, struct.error):
            continue
        if row is not None:
            yield row


def _cell(
    file: BinaryIO, page: bytes, at: int, size: int, usable: int, pages: int, columns: int
) -> tuple[Any, ...] | None:
    if not 8 <= at < size:
        return None
    length, at = _varint(page, at)
    rowid, at = _varint(page, at)
    rowid = rowid - (1 << 64) if rowid >= 1 << 63 else rowid
    most = usable - 35
    if length <= most:
        payload = page[at : at + length]
    else:  # the rest on a chain of overflow pages
        least = (usable - 12) * 32 // 255 - 23
        local = least + (length - least) % (usable - 4)
        local = local if local <= most else least
        payload = page[at : at + local]
        following = struct.unpack(">I", page[at + local : at + local + 4])[0]
        parts, got, visited = [payload], local, set()
        while got < length:
            if not 0 < following <= pages or following in visited:
                return None
            visited.add(following)
            file.seek((following - 1) * size)
            overflow = file.read(size)
            following = struct.unpack(">I", overflow[:4])[0]
            part = overflow[4 : 4 + min(usable - 4, length - got)]
            parts.append(part)
            got += len(part)
        payload = b"".join(parts)
    if len(payload) != length:
        return None
    values = _record(payload)
    if len(values) != columns or values[0] is not None:
        return None
    return (rowid, *values[1:])


def _record(payload: bytes) -> list[Any]:
    header, at = _varint(payload, 0)
    if not 0 < header <= len(payload):
        raise ValueError("record header")
    types = []
    while at < header:
        kind, at = _varint(payload, at)
        types.append(kind)
    values: list[Any] = []
    at = header
    for kind in types:
        value, at = _value(payload, at, kind)
        values.append(value)
    if at != len(payload):
        raise ValueError("record length")
    return values


_INTS = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _value(payload: bytes, at: int, kind: int) -> tuple[Any, int]:
    if kind == 0:
        return None, at
    if kind in _INTS:
        width = _INTS[kind]
        if at + width > len(payload):
            raise ValueError("integer")
        return int.from_bytes(payload[at : at + width], "big", signed=True), at + width
    if kind == 7:
        return struct.unpack(">d", payload[at : at + 8])[0], at + 8
    if kind in (8, 9):
        return kind - 8, at
    if kind >= 12:
        width = (kind - 12) // 2
        if at + width > len(payload):
            raise ValueError("blob or text")
        raw = payload[at : at + width]
        return (bytes(raw) if kind % 2 == 0 else raw.decode("utf-8")), at + width
    raise ValueError("serial type")


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for n in range(9):
        byte = data[at + n]
        if n == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + n + 1
    raise ValueError("varint")
