"""An answer's body read under what its request is allowed (`Allowance`): a page's size cap, or a
PDF's larger one, and the request's whole deadline, which a body earns more of as it comes.

A council's report or a court's filing is often 10 to 60 MB, mostly photographs and scans: past
a page's cap (`FetchLimits.max_bytes`) a body is read on only when its first bytes say it is a
PDF (or, compressed on the wire, its Content-Type does: `content_coding.decode_page` checks it
once inflated), up to `FetchLimits.pdf_max_bytes`.

A body still coming steadily goes on past the deadline, a PDF's as a page's on a slow link: each
`STEADY_RATE` × `total_timeout` bytes received (80 KB at 20 s) gives it another `total_timeout`,
so a transfer averaging at least `STEADY_RATE` (4 KB/s) is never cut by it, up to its size cap
(acc44b B5: an 800 KB feed at 40 KB/s was cut at 20 s and fetched whole again at every sync to
be cut again). A trickle slower than that is still stopped, and a server that stops sending
is caught by `read_timeout` meanwhile. Whatever its rate, no answer takes longer than
`longest_answer` (`FetchLimits`; a PDF's grows with its larger cap): a server dripping just over
`STEADY_RATE` without end held a sync 35 minutes, a page's cap at a time (acc50a A1).
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from .content_coding import too_large
from .fetch_messages import SILENT_AFTER
from .plural import size_text
from .sniff import PDF, is_pdf

STEADY_RATE = 4096
"""Bytes a second a body must average to be given more time past `total_timeout`: 32 kbit/s,
below a satellite or a rural link's worst, far above a trickle meant to hold a reader."""


@dataclass
class Allowance:
    """What one request may take: `limit` bytes of body, `pdf_limit` of a PDF's (0: no more
    than `limit`, a feed's), and its whole deadline, `seconds` from when it is sent; `granted`
    is what the deadline came to (more for a big PDF)."""

    limit: int
    pdf_limit: int
    seconds: float
    longest: float = 0.0  # the most the deadline grows to, in seconds (0: `seconds`)
    deadline: asyncio.Timeout | None = None
    granted: float = 0.0
    started: float = 0.0  # the loop's time the deadline began at
    received: int = 0  # the body's bytes on the wire so far, for the rate said when cut
    announced: int = 0  # the body's Content-Length, for one that fell silent short of it
    sent_as: str = ""  # the body's media type, for its failure (`FetchError.sent_as`)
    # Whether a sync's download cap is now far past (`download_cap`): the body is cut.
    cut: Callable[[], bool] | None = None

    def start(self) -> None:
        """The deadline runs from now, the request having its connection (once: not again at
        each redirect)."""
        if self.deadline is not None and self.deadline.when() is None:
            self.started = asyncio.get_running_loop().time()
            self.deadline.reschedule(self.started + self.seconds)
            self.granted = self.seconds

    def rate(self) -> float:
        """The bytes a second the body came at since the deadline began (0 before)."""
        elapsed = asyncio.get_running_loop().time() - self.started if self.started else 0.0
        return self.received / elapsed if elapsed > 0 else 0.0

    def more_time(self) -> None:
        """Another `seconds` for the body: `STEADY_RATE` × `seconds` more bytes of it came; never
        past `longest` from the start."""
        when = self.deadline.when() if self.deadline is not None else None
        if self.deadline is not None and when is not None:
            granted = min(self.granted + self.seconds, max(self.longest, self.granted))
            self.deadline.reschedule(when + granted - self.granted)
            self.granted = granted

    def at_longest(self) -> bool:
        """Whether the deadline has grown as far as it may: a cut then is no trickle's."""
        return self.granted > self.seconds and self.granted >= self.longest

    def widen(self, limit: int) -> None:
        """The body read on to `limit` bytes (a PDF past a page's cap): its `longest` grows as
        its cap did, so a big report on a slow link takes the time a page's cap does there."""
        self.longest *= limit / self.limit


class CutAtCap(Exception):
    """A body cut as it came: a sync's download cap far past (`download_cap.far_past`)."""


async def read_body(
    response: httpx.Response, allowance: Allowance, url: str, content_type: str, encoding: str
) -> bytes:
    """The body of `response` as it came over the wire (still compressed when `encoding` says
    so), no more than `allowance` lets it be: FetchError(TOO_LARGE) past that."""
    limit = page_limit = allowance.limit
    larger = allowance.pdf_limit > limit
    said_pdf = content_type == PDF
    declared = response.headers.get("content-length", "")
    allowance.announced = int(declared) if declared.isdigit() else 0
    allowance.sent_as = content_type
    over = declared.isdigit() and int(declared) > limit  # judged on the body's first bytes
    if over and not larger:
        raise too_large(limit, url)
    if over and int(declared) > allowance.pdf_limit:
        raise too_large(allowance.pdf_limit, url, pdf=True) if said_pdf else too_large(limit, url)
    # Written into one buffer whose bytes are handed on as they are (`getvalue` copies nothing
    # when nothing else holds the buffer): chunks joined at the end held a 50 MB PDF twice.
    body = io.BytesIO()
    head = b""  # the first bytes, which say whether it is a PDF
    size = 0
    # Each step of the body read earns the request another `seconds` (`STEADY_RATE`); a PDF's
    # page cap at a time did, which a steady step of it is far below.
    step = max(1, int(STEADY_RATE * allowance.seconds))
    earned = step
    async for chunk in response.aiter_raw():
        size += len(chunk)
        allowance.received = size
        if len(head) < 8:
            head += chunk[: 8 - len(head)]
        if limit == page_limit and (size > limit or (over and len(head) >= 4)):
            pdf = said_pdf if encoding not in ("", "identity") else is_pdf(head)
            if not (larger and pdf):
                raise too_large(limit, url)
            limit = allowance.pdf_limit
            allowance.widen(limit)
        if size > limit:
            raise too_large(limit, url, pdf=True)
        while size > earned:
            allowance.more_time()
            earned += step
        if allowance.cut is not None and allowance.cut():
            raise CutAtCap
        body.write(chunk)
    return body.getvalue()


def silent_after(allowance: Allowance) -> str:
    """What came of a body before its server fell silent (a read timing out), said after
    "HOST timed out": ", silent after 514 of the 5,514 bytes it announced"; "" when none came.
    A Content-Length 5,000 bytes past the body was only "timed out" (acc50a A10)."""
    received, announced = allowance.received, allowance.announced
    if not received:
        return ""
    if announced > received:
        return f"{SILENT_AFTER}{received:,} of the {announced:,} bytes it announced"
    return f"{SILENT_AFTER}{received:,} bytes"


def deadline_passed(allowance: Allowance, host: str) -> str:
    """Why a request cut by its whole deadline failed, naming the setting to raise, and the
    rate its body was coming at when it was still coming (below `STEADY_RATE`); one cut at its
    `longest`, with what it sent by then."""
    if allowance.at_longest():
        sent = size_text(allowance.received)
        return f"{host} sent only {sent} in {allowance.granted:g} s, still coming: given up ([network] longest_answer)"
    said = (
        f"no complete answer within {allowance.granted:g} s from {host} ([network] total_timeout)"
    )
    if not allowance.received:
        return said
    steady = size_text(STEADY_RATE)
    return f"{said}, still receiving at {size_text(allowance.rate())}/s (under the {steady}/s given more time)"
