"""A raw page as the cache keeps it: compressed, with the Content-Type it came with.

Kept beside each cleaned article so extraction can run again offline (`reader reextract`),
decoding the page exactly as the fetch did. Plain functions: the extraction worker packs the
page it has just read, the store unpacks it.
"""

from __future__ import annotations

import struct
import zlib

from .sniff import is_pdf

_GZIP_PAGE = b"gzip\n"  # never the first bytes of a zlib stream (0x78…)


def pack_raw_page(body: bytes, content_type: str, wire_gzip: bytes | None = None) -> bytes:
    """A raw page as the cache keeps it: compressed, with its Content-Type, so re-extraction
    decodes it as the fetch did. A plain function: the worker that extracted the page runs it.

    `wire_gzip` is the page as the server sent it gzipped, when it did: kept as it came, since
    compressing the page again cost more CPU per page of a sync than inflating it.
    """
    header = content_type.replace("\n", " ").encode("latin-1", "replace") + b"\n"
    if wire_gzip is not None:
        return _GZIP_PAGE + header + wire_gzip
    if is_pdf(body):
        return _stored(header, body)
    # Level 1: a third of level 6's CPU for pages a few percent larger; a sync packs thousands.
    return zlib.compress(header + body, 1)


_STORED_BLOCK = 65535


def _stored(header: bytes, body: bytes) -> bytes:
    """`header + body` as a zlib stream of stored (uncompressed) blocks, which
    `unpack_raw_page` reads as any other: a PDF's text and pictures are compressed inside it
    already. zlib at level 1 spent 1.1 s on a 50 MB report of photographs to save nothing, and
    held it four times over (the page joined to its header, zlib's output in pieces and
    joined); here the pieces are views of the body, joined once."""
    view = memoryview(body)
    parts: list[bytes | memoryview] = [b"\x78\x01"]
    pieces = [header] + [view[at : at + _STORED_BLOCK] for at in range(0, len(body), _STORED_BLOCK)]
    for number, piece in enumerate(pieces):
        final = number == len(pieces) - 1
        size = len(piece)
        parts += [bytes([final]) + struct.pack("<HH", size, size ^ 0xFFFF), piece]
    parts.append(struct.pack(">I", zlib.adler32(body, zlib.adler32(header))))
    return b"".join(parts)


def unpack_raw_page(blob: bytes) -> tuple[bytes, str]:
    """The page and its Content-Type from `pack_raw_page`'s blob; raises zlib.error or
    TypeError when the blob is damaged."""
    if blob.startswith(_GZIP_PAGE):
        header, _, wire = blob[len(_GZIP_PAGE) :].partition(b"\n")
        body = zlib.decompress(wire, 16 + zlib.MAX_WBITS)
    else:
        header, _, body = zlib.decompress(blob).partition(b"\n")
    return body, header.decode("latin-1")


def pack_page_list(pages: list[tuple[str, bytes]]) -> bytes:
    """An article's later pages (its address and `pack_raw_page`'s blob, for each) as one
    blob: each field preceded by its length."""
    parts: list[bytes] = []
    for url, blob in pages:
        for field in (url.encode(), blob):
            parts += [len(field).to_bytes(4, "big"), field]
    return b"".join(parts)


class CutShort(ValueError):
    """A blob of pairs damaged (its end lost, or a length in it): `whole` holds the pairs that
    came whole before the damage."""

    def __init__(self, message: str, whole: list[tuple[bytes, bytes]]) -> None:
        super().__init__(message)
        self.whole = whole


def unpack_pairs(blob: bytes, what: str) -> list[tuple[bytes, bytes]]:
    """The pairs of fields of a blob of fields each preceded by its length (4 bytes, big-endian),
    as `pack_page_list` and the store's kept versions write them; raises CutShort naming
    `what` when the blob is damaged."""
    fields: list[bytes] = []
    at = 0
    while at < len(blob):
        size = int.from_bytes(blob[at : at + 4], "big")
        field = blob[at + 4 : at + 4 + size]
        if at + 4 > len(blob) or len(field) != size:
            break
        fields.append(field)
        at += 4 + size
    pairs = [(fields[i], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]
    if at < len(blob) or len(fields) % 2:
        raise CutShort(f"{what} cut short", pairs)
    return pairs


def unpack_page_list(blob: bytes) -> list[tuple[str, bytes]]:
    """`pack_page_list`'s pages; raises ValueError when the blob is damaged."""
    return [(url.decode(), page) for url, page in unpack_pairs(blob, "a page list")]
