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
    with pytest.raises(FetchError) as info:
        decode_body(b"\x00\x01 definitely not compressed \xff" * 10, encoding, 1024 * 1024)
    assert info.value.kind == ErrorKind.NETWORK and "\n" not in info.value.message
