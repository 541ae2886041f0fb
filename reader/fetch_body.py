"""An answer's body read under what its request is allowed (`Allowance`): a page's size cap, or a
PDF's larger one, and the request's whole deadline, which a big PDF earns more of as it comes.

A council's report or a court's filing is often 10 to 60 MB, mostly photographs and scans: past
a page's cap (`FetchLimits.max_bytes`) a body is read on only when its first bytes say it is a
PDF (or, compressed on the wire, its Content-Type does: `content_coding.decode_page` checks it
once inflated), up to `FetchLimits.pdf_max_bytes`; each further page's cap of it gives the
request another `total_timeout` (10 MB for each 20 s: 4 Mbit/s), a trickle still stopped.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass

import httpx

from .content_coding import too_large
from .sniff import PDF, is_pdf


@dataclass
class Allowance:
    """What one request may take: `limit` bytes of body, `pdf_limit` of a PDF's (0: no more
    than `limit`, a feed's), and its whole deadline, `seconds` from when it is sent; `granted`
    is what the deadline came to (more for a big PDF)."""

    limit: int
    pdf_limit: int
    seconds: float
    deadline: asyncio.Timeout | None = None
    granted: float = 0.0

    def start(self) -> None:
        """The deadline runs from now, the request having its connection (once: not again at
        each redirect)."""
        if self.deadline is not None and self.deadline.when() is None:
            self.deadline.reschedule(asyncio.get_running_loop().time() + self.seconds)
            self.granted = self.seconds

    def more_time(self) -> None:
        """Another `seconds` for the body: one more page's cap of a PDF came."""
        when = self.deadline.when() if self.deadline is not None else None
        if self.deadline is not None and when is not None:
            self.deadline.reschedule(when + self.seconds)
            self.granted += self.seconds


async def read_body(
    response: httpx.Response, allowance: Allowance, url: str, content_type: str, encoding: str
) -> bytes:
    """The body of `response` as it came over the wire (still compressed when `encoding` says
    so), no more than `allowance` lets it be: FetchError(TOO_LARGE) past that."""
    limit = page_limit = allowance.limit
    larger = allowance.pdf_limit > limit
    said_pdf = content_type == PDF
    declared = response.headers.get("content-length", "")
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
    earned = page_limit  # the body read before the request earns more time
    async for chunk in response.aiter_raw():
        size += len(chunk)
        if len(head) < 8:
            head += chunk[: 8 - len(head)]
        if limit == page_limit and (size > limit or (over and len(head) >= 4)):
            pdf = said_pdf if encoding not in ("", "identity") else is_pdf(head)
            if not (larger and pdf):
                raise too_large(limit, url)
            limit = allowance.pdf_limit
        if size > limit:
            raise too_large(limit, url, pdf=True)
        while size > earned:
            allowance.more_time()
            earned += page_limit
        body.write(chunk)
    return body.getvalue()
