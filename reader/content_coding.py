"""Undo a response's Content-Encoding (gzip, deflate, br) in a worker, under a size cap.

The fetch layer can hand a page over still compressed; inflating it is CPU work that belongs
beside extraction, off the event loop. The cap applies to what comes out, so a small
"gzip bomb" stops at the limit instead of filling memory.
"""

from __future__ import annotations

import zlib

from .models import ErrorKind, FetchError

_CHUNK = 16 * 1024


def _too_large(limit: int, url: str) -> FetchError:
    return FetchError(
        ErrorKind.TOO_LARGE, f"larger than {limit / (1024 * 1024):g} MB, not downloaded", url
    )


def _inflate(body: bytes, wbits: int, limit: int, url: str) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = [inflater.decompress(body, limit + 1)]
    size = len(out[0])
    while inflater.unconsumed_tail and size <= limit:
        piece = inflater.decompress(inflater.unconsumed_tail, limit + 1 - size)
        out.append(piece)
        size += len(piece)
    if size > limit:
        raise _too_large(limit, url)
    return b"".join(out)


def _unbrotli(body: bytes, limit: int, url: str) -> bytes:
    import brotli

    decompressor = brotli.Decompressor()
    out: list[bytes] = []
    size = 0
    # brotli's binding has no output limit: feed small pieces and check after each.
    for start in range(0, len(body), _CHUNK):
        piece = decompressor.process(body[start : start + _CHUNK])
        size += len(piece)
        if size > limit:
            raise _too_large(limit, url)
        out.append(piece)
    return b"".join(out)


def decode_body(body: bytes, encoding: str, limit: int, url: str = "") -> bytes:
    """`body` with its Content-Encoding undone (codings applied in order, undone in reverse)."""
    for coding in reversed([c.strip() for c in encoding.lower().split(",") if c.strip()]):
        try:
            if coding in ("gzip", "x-gzip"):
                body = _inflate(body, 16 + zlib.MAX_WBITS, limit, url)
            elif coding == "deflate":
                try:
                    body = _inflate(body, zlib.MAX_WBITS, limit, url)
                except zlib.error:  # servers send raw deflate as often as zlib-wrapped
                    body = _inflate(body, -zlib.MAX_WBITS, limit, url)
            elif coding == "br":
                body = _unbrotli(body, limit, url)
            elif coding != "identity":
                raise FetchError(
                    ErrorKind.NETWORK,
                    f"the server used an unknown compression ({coding[:40]})",
                    url,
                )
        except FetchError:
            raise
        except Exception as error:  # zlib.error, brotli.error: a body that doesn't decompress
            raise FetchError(
                ErrorKind.NETWORK, f"the page does not decompress ({type(error).__name__})", url
            ) from None
    return body
