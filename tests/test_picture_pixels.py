"""A picture whose header declares more pixels than a viewer can open safely (a 116 KB PNG of
60,000 × 60,000) is not kept, and not carried into an EPUB, said why in one line (acc50a A8).
Its size is read from the header of each kind kept, without decoding. Served by a real
server on 127.0.0.1 (pytest-httpserver), the pictures real bytes."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.picture_pixels import MAX_PIXELS, declared_pixels, too_many_pixels
from reader.pictures import picture_type
from tests.cli_run import run_reader
from tests.picture_bytes import _chunk, jpeg, png
from tests.test_owed_pictures import kept, serve_crane, subscribed


def bomb_png(width: int = 60_000, height: int = 60_000) -> bytes:
    """A PNG's header declaring `width` × `height`, a few rows of data after it: what a
    decompression bomb's first bytes are (its rows compress to almost nothing)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(bytes(3 * width + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)


def _riff(chunk: bytes, data: bytes) -> bytes:
    return (
        b"RIFF"
        + struct.pack("<I", len(data) + 12)
        + b"WEBP"
        + chunk
        + struct.pack("<I", len(data))
        + data
    )


def test_each_kinds_header_gives_its_size() -> None:
    gif = b"GIF89a" + struct.pack("<HH", 640, 480) + bytes(20)
    vp8 = b"\x10\x02\x00\x9d\x01\x2a" + struct.pack("<HH", 1200, 800) + bytes(10)
    vp8l = b"\x2f" + struct.pack("<I", (1199) | (799 << 14)) + bytes(10)
    vp8x = bytes(4) + (1199).to_bytes(3, "little") + (799).to_bytes(3, "little") + bytes(10)
    # A JPEG's frame comes after its tables: 8 × 8, then the same declaring 30,000 × 20,000.
    big_jpeg = jpeg().replace(
        b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 8, 8),
        b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 20_000, 30_000),
    )
    ispe = struct.pack(">I", 20) + b"ispe" + bytes(4) + struct.pack(">II", 4000, 3000)
    avif = struct.pack(">I", 24) + b"ftypavif" + bytes(12) + ispe
    for body, size in (
        (png(4, 3), (4, 3)),
        (gif, (640, 480)),
        (_riff(b"VP8 ", vp8), (1200, 800)),
        (_riff(b"VP8L", vp8l), (1200, 800)),
        (_riff(b"VP8X", vp8x), (1200, 800)),
        (jpeg(), (8, 8)),
        (big_jpeg, (30_000, 20_000)),
        (avif, (4000, 3000)),
        (bomb_png(), (60_000, 60_000)),
    ):
        kind = picture_type(body)
        assert kind is not None and declared_pixels(body, kind) == size, (kind, size)
    assert too_many_pixels(big_jpeg, "image/jpeg") and not too_many_pixels(jpeg(), "image/jpeg")
    assert not too_many_pixels(bomb_png(9000, 9000), "image/png")  # 81 megapixels
    assert 9000 * 9000 < MAX_PIXELS < 10_000 * 9000
    assert declared_pixels(b"\x89PNG\r\n\x1a\n", "image/png") is None  # cut short: unread


def test_a_picture_declaring_too_many_pixels_is_not_kept_nor_put_in_a_book(
    data_dir: Path, own_server: HTTPServer
) -> None:
    def crane(_request: Request) -> Response:
        return Response(bomb_png(), content_type="image/png")

    feed, link = serve_crane(own_server, crane)
    subscribed(data_dir, feed)
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": False}
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    (crane_said,) = (p for p in json.loads(shown.stdout)["pictures"] if not p["kept"])
    assert crane_said["why"].startswith("60,000 × 60,000 pixels by its header: over 89 megapixels")
    book = data_dir.parent / "port.epub"
    assert run_reader(data_dir, "export", "--format", "epub", "-o", str(book), "-q").returncode == 0
    with zipfile.ZipFile(book) as opened:
        pictures = [n for n in opened.namelist() if n.startswith("OEBPS/pictures/")]
    assert pictures == []  # the crane left a link (the lead picture is in no chapter)
