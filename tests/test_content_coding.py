"""Undoing Content-Encoding in a worker: every coding servers use, capped, and garbage refused."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from reader.content_coding import decode_body
from reader.models import ErrorKind, FetchError

PAGE = (
    b"<html><body><p>"
    + b"The harbour master published revised tide tables. " * 200
    + b"</p></body></html>"
)


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)),
        ("deflate", raw_deflate(PAGE)),
        ("br", brotli.compress(PAGE)),
        ("gzip, br", brotli.compress(gzip.compress(PAGE))),
        ("", PAGE),
        ("identity", PAGE),
    ],
)
def test_every_coding_comes_back(encoding: str, packed: bytes) -> None:
    assert decode_body(packed, encoding, 10 * len(PAGE)) == PAGE


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_bombs_stop_at_the_cap(encoding: str) -> None:
    zeros = b"\0" * (40 * 1024 * 1024)
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[encoding](
        zeros
    )
    assert len(packed) < 1024 * 1024
    with pytest.raises(FetchError) as info:
        decode_body(packed, encoding, 1024 * 1024)
    assert info.value.kind == ErrorKind.TOO_LARGE


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "compress"])
def test_garbage_is_one_clear_error(encoding: str) -> None:
    """The server's fault in an answer it gave (HTTP's kind: it answered), said in words."""
    with pytest.raises(FetchError) as info:
        decode_body(b"\x00\x01 definitely not compressed \xff" * 10, encoding, 1024 * 1024)
    assert info.value.kind == ErrorKind.HTTP and "\n" not in info.value.message
    assert "(error)" not in info.value.message


def test_a_brotli_bomb_never_holds_more_than_the_cap() -> None:
    """acc28a H4: 809 bytes of brotli inflate to 512 MB, and the cap was checked after each
    16 KB of input had inflated whole (4 GB held for a 3 KB answer)."""
    import tracemalloc

    packer = brotli.Compressor(quality=5)
    megabyte = b" " * 2**20
    bomb = b"".join([packer.process(megabyte) for _ in range(512)]) + packer.finish()
    assert len(bomb) < 4096
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as info:
            decode_body(bomb, "br", 4 * 2**20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.kind == ErrorKind.TOO_LARGE
    assert peak < 32 * 2**20


def test_a_coding_that_is_no_compression_is_read_past() -> None:
    assert decode_body(PAGE, "UTF-8", 10 * len(PAGE)) == PAGE
    with pytest.raises(FetchError) as info:
        decode_body(PAGE, "zstd", 10 * len(PAGE))
    assert "zstd" in info.value.message
