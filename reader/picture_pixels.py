"""A picture's size in pixels as its header declares it, read without decoding a pixel: PNG's
IHDR, GIF's logical screen, WebP's VP8/VP8L/VP8X frame, JPEG's SOF, AVIF's `ispe` box.

The reader never decodes a picture it keeps, but whatever shows it does: the viewer `Enter`
opens, an e-reader or Calibre given the EPUB. A 116 KB PNG declaring 60,000 × 60,000 pixels
asks any of them for gigabytes (acc50a A8), so one over `MAX_PIXELS` is not kept, as
decompression-bomb guards refuse it (Pillow's `Image.MAX_IMAGE_PIXELS`, the same figure).
"""

from __future__ import annotations

import struct

MAX_PIXELS = 1024 * 1024 * 1024 // 4 // 3
"""Pillow's own limit (89,478,485 pixels: a quarter GiB at 3 bytes a pixel), past which it
calls a picture a decompression bomb; a news photograph is a few megapixels, a panorama 30."""

# JPEG's start-of-frame markers, which carry the frame's size: every SOFn but DHT (C4), JPG
# (C8) and DAC (CC), which share their range.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers with no length after them: TEM, RST0-7, SOI.
_JPEG_BARE = frozenset({0x01, *range(0xD0, 0xD9)})
# How far into an AVIF file its `ispe` boxes are looked for: its `meta` box comes first.
_AVIF_HEAD = 65536


def declared_pixels(body: bytes, media_type: str) -> tuple[int, int] | None:
    """The width and height `body`'s header declares, for a picture of `media_type` (as
    `pictures.picture_type` names it); None when its header can't be read (cut short)."""
    try:
        if media_type == "image/png":
            return struct.unpack(">II", body[16:24])
        if media_type == "image/gif":
            return struct.unpack("<HH", body[6:10])
        if media_type == "image/webp":
            return _webp(body)
        if media_type == "image/jpeg":
            return _jpeg(body)
        if media_type == "image/avif":
            return _avif(body)
    except struct.error:
        return None
    return None


def too_many_pixels(body: bytes, media_type: str) -> str:
    """Why `body` is not kept, in one line, when its header declares more than `MAX_PIXELS`;
    "" when it doesn't (or can't be read, for the viewer to refuse as it would)."""
    size = declared_pixels(body, media_type)
    if size is None or size[0] * size[1] <= MAX_PIXELS:
        return ""
    width, height = size
    return (
        f"{width:,} × {height:,} pixels by its header: over {MAX_PIXELS // 1_000_000}"
        " megapixels, a picture no viewer could open without gigabytes (a decompression bomb)"
    )


def _webp(body: bytes) -> tuple[int, int] | None:
    chunk = body[12:16]
    if chunk == b"VP8X":  # the canvas, 24 bits each, less one
        width = int.from_bytes(body[24:27], "little") + 1
        return width, int.from_bytes(body[27:30], "little") + 1
    if chunk == b"VP8L":  # after its 0x2f signature: 14 bits each, less one
        (bits,) = struct.unpack("<I", body[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and body[23:26] == b"\x9d\x01\x2a":  # a key frame: 14 bits each
        width, height = struct.unpack("<HH", body[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _jpeg(body: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(body):
        if body[at] != 0xFF:
            return None
        marker = body[at + 1]
        if marker == 0xFF:  # fill before a marker
            at += 1
        elif marker in _JPEG_BARE:
            at += 2
        elif marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", body[at + 5 : at + 9])
            return width, height
        else:
            (length,) = struct.unpack(">H", body[at + 2 : at + 4])
            at += 2 + length
    return None


def _avif(body: bytes) -> tuple[int, int] | None:
    """The largest `ispe` (image spatial extents) box: a grid's whole, beside its tiles'."""
    head, found, at = body[:_AVIF_HEAD], None, 0
    while (at := head.find(b"ispe", at) + 1) > 0:
        width, height = struct.unpack(">II", head[at + 7 : at + 15])
        if found is None or width * height > found[0] * found[1]:
            found = (width, height)
    return found
