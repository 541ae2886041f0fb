"""Undo a response's Content-Encoding (gzip, deflate, br) in a worker, under a size cap.

The fetch layer can hand a page over still compressed; inflating it is CPU work that belongs
beside extraction, off the event loop. The cap applies to what comes out, so a small
"gzip bomb" stops at the limit instead of filling memory.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .models import ErrorKind, FetchError
from .sniff import PDF, is_pdf

if TYPE_CHECKING:
    from .config import FetchLimits

_CHUNK = 16 * 1024


def too_large(limit: int, url: str, pdf: bool = False) -> FetchError:
    """The error of a body past `limit` bytes (a PDF's larger limit when `pdf`), not read."""
    what = "a PDF larger" if pdf else "larger"
    return FetchError(
        ErrorKind.TOO_LARGE, f"{what} than {limit / (1024 * 1024):g} MB, not downloaded", url
    )


def inflates_too_large(limit: int, sent: int, url: str) -> FetchError:
    """The error of a compressed body that inflates past `limit` bytes from the `sent` that
    came: its own words, as "larger than 20 MB, not downloaded" said of a 1 MB gzip bomb that
    was downloaded, whole (acc50a A10)."""
    from .plural import size_text

    message = (
        f"inflates past {limit / (1024 * 1024):g} MB ({size_text(sent)} sent compressed), not read"
    )
    return FetchError(ErrorKind.TOO_LARGE, message, url)


def decode_page(
    body: bytes, encoding: str, content_type: str, limits: FetchLimits, url: str = ""
) -> bytes:
    """A page's body with its Content-Encoding undone (`decode_body`), to the most a page is
    read: a PDF's more when the server calls it one (the body then checked to be one)."""
    said_pdf = content_type == PDF
    most = limits.page_bytes(pdf=said_pdf)
    try:
        body = decode_body(body, encoding, most, url)
    except FetchError as error:
        if error.kind is ErrorKind.TOO_LARGE and most > limits.max_bytes:
            raise too_large(most, url, pdf=True) from None
        raise
    if len(body) > limits.max_bytes and not is_pdf(body):
        raise too_large(limits.max_bytes, url)
    return body


def _inflate(body: bytes, wbits: int, limit: int, url: str) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = [inflater.decompress(body, limit + 1)]
    size = len(out[0])
    while inflater.unconsumed_tail and size <= limit:
        piece = inflater.decompress(inflater.unconsumed_tail, limit + 1 - size)
        out.append(piece)
        size += len(piece)
    if size > limit:
        raise inflates_too_large(limit, len(body), url)
    return b"".join(out)


def _unbrotli(body: bytes, limit: int, url: str) -> bytes:
    import brotli

    decompressor = brotli.Decompressor()
    out: list[bytes] = []
    size = 0
    # Each call's output is held to what is left under the cap: a 3 KB stream inflates to
    # gigabytes, and checking after a piece came let one piece take 4 GB.
    for start in range(0, len(body), _CHUNK):
        data = body[start : start + _CHUNK]
        while True:
            piece = decompressor.process(data, output_buffer_limit=limit + 1 - size)
            size += len(piece)
            if size > limit:
                raise inflates_too_large(limit, len(body), url)
            out.append(piece)
            data = b""  # the rest of the output is asked for with no more input
            if decompressor.can_accept_more_data() or not piece:
                break
    return b"".join(out)


# Real codings reader never asks for (its Accept-Encoding names gzip, deflate and br).
_UNREADABLE = frozenset({"compress", "x-compress", "zstd", "pack200-gzip", "dcb", "dcz"})
_NAMES = {"x-gzip": "gzip", "br": "Brotli"}
"""The names of codings as a message says them."""


def decode_body(body: bytes, encoding: str, limit: int, url: str = "") -> bytes:
    """`body` with its Content-Encoding undone (codings applied in order, undone in reverse),
    none of them inflating past `limit` bytes (FetchError(TOO_LARGE)); a coding it doesn't
    know of is left as it is."""
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
            elif coding in _UNREADABLE:
                raise FetchError(
                    ErrorKind.HTTP,
                    f"the server used a compression reader can't undo ({coding})",
                    url,
                )
            # Any other is no compression at all, read past as browsers and httpx do: servers
            # send "UTF-8" and "none" there.
        except FetchError:
            raise
        except Exception:  # zlib.error, brotli.error: a body that doesn't decompress
            # The server's fault, in an answer it gave whole: HTTP's kind, not the network's
            # (a feed failing so was "Nothing answered at HOST", the offline wording: acc40b
            # P10), said in words, not as the decompressor's exception's name ("(error)").
            raise FetchError(
                ErrorKind.HTTP,
                f"the server says its answer is {_NAMES.get(coding, coding)}-compressed"
                " but it isn't",
                url,
            ) from None
    return body
