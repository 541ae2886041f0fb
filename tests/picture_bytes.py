"""Real small pictures made with a few lines of zlib and struct, for the tests of the pictures
kept offline (`reader.pictures`): a PNG of one colour and a baseline JPEG of one grey 8×8 block."""

from __future__ import annotations

import hashlib
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(
    width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 40, 40), noise: bool = False
) -> bytes:
    """A PNG of `width` × `height` pixels of one colour, or of noise (`noise`: as large
    compressed as its pixels, a photograph's size)."""
    if noise:
        line = width * 3
        pixels = b"".join(
            hashlib.sha256(b"%d" % n).digest() for n in range(line * height // 32 + 1)
        )
        rows = b"".join(b"\x00" + pixels[y * line : (y + 1) * line] for y in range(height))
    else:
        rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    """A baseline JPEG of one 8×8 grey block (every coefficient 0: one DC code and an end of
    block), which viewers open."""
    quant = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes([1] * 64)
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\x00"
    # DC table: one code of length 1 for category 0; AC table: one code of length 1 for EOB.
    dc = b"\xff\xc4" + struct.pack(">H", 20) + b"\x00" + b"\x01" + bytes(15) + b"\x00"
    ac = b"\xff\xc4" + struct.pack(">H", 20) + b"\x10" + b"\x01" + bytes(15) + b"\x00"
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    return b"\xff\xd8" + quant + frame + dc + ac + scan + b"\x00" + b"\xff\xd9"


def webp() -> bytes:
    """A WebP's header (RIFF, WEBP, a lossless chunk of a 1×1 picture), as its bytes say."""
    chunk = b"\x2f\x00\x00\x00\x00\x00\x00\x00"
    return b"RIFF" + struct.pack("<I", 12 + len(chunk)) + b"WEBPVP8L" + struct.pack("<I", 5) + chunk


def avif() -> bytes:
    """An AVIF's header (an ISO box `ftyp` of the brand `avif`), as its bytes say."""
    return struct.pack(">I", 28) + b"ftypavif" + bytes(4) + b"avifmif1miaf" + bytes(36)
