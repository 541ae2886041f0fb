"""The rows of a damaged SQLite file's table read straight from its leaf pages, as SQLite's
recovery (`.recover`) finds them: every page of the file whose type byte says "table leaf",
its cells decoded by the file format's rules (sqlite.org/fileformat2.html), wherever the
tree above them lies damaged. A zeroed interior page hid every sound leaf below it from a
walk of the tree: 16 zeroed pages of 1,617 cost `reader repair` 65 % of an article cache's
records (acc42b B12).

Each page is read as SQLite reads it: its latest committed copy in the file's write-ahead log
(`-wal`) where there is one, else the file's. Read from the file alone, a copy taken with a
live log (a backup, a file sync, a reader killed) gave back each record as it was before the
log's changes: a feed's read marks as they were at the last checkpoint, a record deleted since
back again, one written since missing."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

_TABLE_LEAF = 0x0D
_HEADER = 100  # the file's header, on page 1 before its tree page
_WAL_HEADER = 32
_WAL_FRAME_HEADER = 24
_WAL_MAGIC = (0x377F0682, 0x377F0683)  # its checksums' words little-endian, big-endian


class _Pages:
    """The pages of a SQLite file and of its write-ahead log: each read from its latest
    committed frame in the log, else from the file."""

    def __init__(self, file: BinaryIO, size: int, pages: int, log: BinaryIO | None) -> None:
        self.file, self.size, self.count, self.log = file, size, pages, log
        self.logged: dict[int, int] = {}  # page number → where its latest copy lies in the log
        if log is not None:
            self.logged, last = _committed_frames(log, size)
            self.count = last or pages

    def read(self, number: int) -> bytes:
        at = self.logged.get(number)
        if at is not None and self.log is not None:
            self.log.seek(at)
            return self.log.read(self.size)
        self.file.seek((number - 1) * self.size)
        return self.file.read(self.size)


def leaf_rows(path: Path, columns: int) -> Iterator[tuple[Any, ...]]:
    """Every row of `columns` values (the first, the row number's alias, stored as NULL) on a
    table leaf page of the SQLite file at `path` (and of its `-wal`) that isn't on its free
    list: as (rowid, *the other values). A cell that doesn't decode is passed over; a page
    read once."""
    with path.open("rb") as file, ExitStack() as closing:
        log = _log_of(path)
        if log is not None:
            closing.enter_context(log)
        head = file.read(_HEADER)
        if len(head) < _HEADER or not head.startswith(b"SQLite format 3\x00"):
            return
        size = struct.unpack(">H", head[16:18])[0]
        size = 65536 if size == 1 else size
        if size < 512 or size & (size - 1):
            return
        usable = size - head[20]
        pages = _Pages(file, size, path.stat().st_size // size, log)
        head = pages.read(1)[:_HEADER] if 1 in pages.logged else head
        free = _free_pages(pages, head)
        for number in range(1, pages.count + 1):
            if number in free:
                continue
            page = pages.read(number)
            start = _HEADER if number == 1 else 0
            if len(page) < size or page[start] != _TABLE_LEAF:
                continue
            yield from _cells(pages, page, start, usable, columns)


def _log_of(path: Path) -> BinaryIO | None:
    """The write-ahead log beside the SQLite file at `path`, open to read; None for none."""
    try:
        return path.with_name(path.name + "-wal").open("rb")
    except OSError:
        return None


def _committed_frames(log: BinaryIO, size: int) -> tuple[dict[int, int], int]:
    """Where the latest copy of each page lies in the write-ahead log `log` (offsets of its
    frames' pages), of the frames up to its last commit whose salts and running checksums hold,
    as SQLite replays it; and the file's size in pages then (0: no commit). A log of another
    page size, or none, gives nothing."""
    head = log.read(_WAL_HEADER)
    if len(head) < _WAL_HEADER:
        return {}, 0
    magic, _version, logged_size, _sequence, *salts = struct.unpack(">IIIIII", head[:24])
    if magic not in _WAL_MAGIC or logged_size != size:
        return {}, 0
    order = ">" if magic & 1 else "<"
    sums = _checksum(head[:24], 0, 0, order)
    if sums != struct.unpack(">II", head[24:32]):
        return {}, 0
    frames: list[tuple[int, int]] = []  # page number, where its copy lies
    committed = pages = 0
    at = _WAL_HEADER
    while True:
        frame = log.read(_WAL_FRAME_HEADER + size)
        if len(frame) < _WAL_FRAME_HEADER + size:
            break
        number, after, salt1, salt2, sum1, sum2 = struct.unpack(">IIIIII", frame[:24])
        if [salt1, salt2] != salts or number == 0:
            break  # a frame of an earlier log's, written over no further
        sums = _checksum(frame[_WAL_FRAME_HEADER:], *_checksum(frame[:8], *sums, order), order)
        if sums != (sum1, sum2):
            break  # a frame cut short: nothing from it on was committed
        frames.append((number, at + _WAL_FRAME_HEADER))
        if after:  # a commit: what SQLite reads of the log ends at the last one
            committed, pages = len(frames), after
        at += _WAL_FRAME_HEADER + size
    return dict(frames[:committed]), pages


def _checksum(data: bytes, first: int, second: int, order: str) -> tuple[int, int]:
    """SQLite's running checksum of a write-ahead log over `data` (a multiple of 8 bytes),
    carried on from (`first`, `second`), its words read in the log's byte `order`."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for n in range(0, len(words), 2):
        first = (first + words[n] + second) & 0xFFFFFFFF
        second = (second + words[n + 1] + first) & 0xFFFFFFFF
    return first, second


def _free_pages(pages: _Pages, head: bytes) -> set[int]:
    """The pages on the file's free list (deleted rows lie there, not to come back), as far
    as its chain of trunk pages reads."""
    free: set[int] = set()
    trunk = struct.unpack(">I", head[32:36])[0]
    while 0 < trunk <= pages.count and trunk not in free:
        free.add(trunk)
        page = pages.read(trunk)
        if len(page) < 8:
            break
        following, count = struct.unpack(">II", page[:8])
        count = min(count, (pages.size - 8) // 4)
        free.update(struct.unpack(f">{count}I", page[8 : 8 + 4 * count]))
        trunk = following
    return free


def _cells(
    pages: _Pages, page: bytes, start: int, usable: int, columns: int
) -> Iterator[tuple[Any, ...]]:
    count = struct.unpack(">H", page[start + 3 : start + 5])[0]
    pointers = start + 8
    if pointers + 2 * count > pages.size:
        return
    for n in range(count):
        at = struct.unpack(">H", page[pointers + 2 * n : pointers + 2 * n + 2])[0]
        try:
            row = _cell(pages, page, at, usable, columns)
        except (IndexError, ValueError, UnicodeDecodeError, struct.error):
            continue
        if row is not None:
            yield row


def _cell(pages: _Pages, page: bytes, at: int, usable: int, columns: int) -> tuple[Any, ...] | None:
    if not 8 <= at < pages.size:
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
            if not 0 < following <= pages.count or following in visited:
                return None
            visited.add(following)
            overflow = pages.read(following)
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
