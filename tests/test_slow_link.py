"""A body still coming steadily on a slow link is not cut by the whole-request deadline
(`[network] total_timeout`): each `STEADY_RATE` × `total_timeout` bytes received gives it another
`total_timeout` (acc44b B5: an 800 KB feed at 40 KB/s cut at 20 s at every sync). A trickle
slower than that is still cut, the failure naming the setting and the rate it came at.

Served by an asyncio server on 127.0.0.1 sending its body a chunk at a time, in the test's loop."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from reader.config import FetchLimits
from reader.fetch import Fetcher
from reader.fetch_body import STEADY_RATE
from reader.models import ErrorKind, FetchError

# A deadline of 1 s: a step of `STEADY_RATE` bytes earns another second.
LIMITS = FetchLimits(total_timeout=1.0, read_timeout=5.0, retries=0)


@asynccontextmanager
async def paced(chunk: int, every: float, total: int, head: bytes = b"") -> AsyncIterator[str]:
    """A server answering any request with `total` bytes of a feed (its first `head`), `chunk`
    bytes every `every` seconds; its address."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            + f"Content-Length: {total}\r\nConnection: close\r\n\r\n".encode()
        )
        sent = 0
        while sent < total:
            piece = min(chunk, total - sent)
            writer.write((head if not sent else b"") + b"x" * (piece - (0 if sent else len(head))))
            await writer.drain()
            sent += piece
            await asyncio.sleep(every)
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/big/rss.xml"
    finally:
        server.close()


def test_a_pdf_past_a_pages_cap_is_given_as_much_longer_as_its_cap_is() -> None:
    """A report of 128 KB at 32 KB/s (4 s) past a page's 16 KB cap, `longest_answer` 2 s: a
    PDF's cap 32 times a page's makes its longest 64 s (`Allowance.widen`), so it comes whole."""
    limits = FetchLimits(
        total_timeout=1.0,
        longest_answer=2.0,
        read_timeout=5.0,
        retries=0,
        max_bytes=16 * 1024,
        pdf_max_bytes=512 * 1024,
    )

    assert len(fetched(8192, 0.25, 128 * 1024, limits, b"%PDF-1.7\n")) == 128 * 1024


def outcome(
    chunk: int, every: float, total: int, limits: FetchLimits, head: bytes = b""
) -> bytes | FetchError:
    """What a fetch of `paced`'s answer under `limits` gave: its body, or how it failed."""

    async def run() -> bytes | FetchError:
        async with paced(chunk, every, total, head) as url, Fetcher(limits) as fetcher:
            try:
                return (await fetcher.get(url)).body
            except FetchError as error:
                return error

    return asyncio.run(run())


def fetched(chunk: int, every: float, total: int, limits: FetchLimits, head: bytes = b"") -> bytes:
    body = outcome(chunk, every, total, limits, head)
    assert isinstance(body, bytes), body
    return body


def cut_short(chunk: int, every: float, total: int, limits: FetchLimits) -> FetchError:
    error = outcome(chunk, every, total, limits)
    assert isinstance(error, FetchError), "not cut"
    return error


def test_a_body_coming_steadily_goes_on_past_the_deadline() -> None:
    """32 KB at 16 KB/s, four times the steady rate: 2 s against a 1 s deadline."""

    assert len(fetched(4096, 0.25, 8 * STEADY_RATE, LIMITS)) == 8 * STEADY_RATE


def test_a_trickle_is_cut_naming_the_setting_and_its_rate() -> None:
    """1 KB/s, a quarter of the steady rate: cut, not given more time."""

    error = cut_short(256, 0.25, 8 * STEADY_RATE, LIMITS)
    assert error.kind == ErrorKind.TIMEOUT
    said = re.fullmatch(
        r"no complete answer within 1 s from 127\.0\.0\.1:\d+ \(\[network\] total_timeout\), "
        r"still receiving at ([\d.]+) (B|KB)/s \(under the 4\.0 KB/s given more time\)",
        error.message,
    )
    assert said is not None, error.message
    assert said[2] == "B" or float(said[1]) < 4.0


def test_a_body_coming_steadily_without_end_is_given_up_at_the_longest_answer() -> None:
    """8 KB/s, twice the steady rate, of a body that would take two minutes: cut at
    `longest_answer` (3 s here), said with what came by then (acc50a A1: a server dripping just
    over the steady rate held a sync 35 minutes, a page's size cap at a time)."""
    limits = FetchLimits(total_timeout=1.0, longest_answer=3.0, read_timeout=5.0, retries=0)

    error = cut_short(2048, 0.25, 256 * STEADY_RATE, limits)
    assert error.kind == ErrorKind.TIMEOUT
    said = re.fullmatch(
        r"127\.0\.0\.1:\d+ sent only ([\d.]+) KB in 3 s, still coming: given up "
        r"\(\[network\] longest_answer\)",
        error.message,
    )
    assert said is not None, error.message
    assert 8 < float(said[1]) < 4 * 8 * 3
