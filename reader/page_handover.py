"""A big page handed to a worker process by a file, not pickled: a 50 MB PDF sent through the
pool's queue was held twice in the event loop's process (the body and its pickle, which the
queue's feeder thread then kept until the next page was sent: 147 MB of RSS where 45 were
before opening it). Written off the loop to a hidden part file in the data directory (on disk,
where /tmp may be memory), locked while it lives (`part_files`): the worker reads it, the
loop removes it, and one a killed reader left is swept by the next handover.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

from .models import Response
from .part_files import PART_SUFFIX, hold, part_prefix, sweep_stale_parts

BY_FILE_FROM = 2 * 2**20
"""Bytes of body from which a page goes to a worker by a file: a PDF, a huge page. Below, a
copy in the pickle costs less than a file written and read."""

_NAME = "handed-page"
"""What the part files are named after (`part_files.part_prefix`) in the data directory."""


@dataclass(frozen=True)
class HandedOver:
    """A page for a worker whose body waits in the file at `path`: `response` is the rest of
    it, its body empty."""

    response: Response
    path: str

    def taken(self) -> Response:
        """Worker-side: the response with its body read back from the file."""
        return replace(self.response, body=Path(self.path).read_bytes())


_held: dict[str, int] = {}
"""The open, locked part file of each page handed over and not yet released, by path."""


async def hand_over(response: Response, folder: Path) -> tuple[Response, Response | HandedOver]:
    """`response` as the loop keeps it and as it is sent to a worker: a big one's body written
    to a file in `folder` (off the loop) and let go of, kept by neither; a small one, or one
    that can't be written (a full disk, a read-only directory), as it is, pickled with it.
    `release` what was sent once the worker is done with it."""
    import asyncio

    if len(response.body) < BY_FILE_FROM:
        return response, response
    try:
        path = await asyncio.to_thread(_written, response.body, folder)
    except OSError:
        return response, response
    bare = replace(response, body=b"")
    return bare, HandedOver(bare, path)


def release(sent: Response | HandedOver) -> None:
    """Remove the file a page was handed over in (nothing for one sent whole)."""
    if not isinstance(sent, HandedOver):
        return
    fd = _held.pop(sent.path, None)
    with suppress(OSError):
        os.unlink(sent.path)
    if fd is not None:
        with suppress(OSError):
            os.close(fd)


def _written(body: bytes, folder: Path) -> str:
    """`body` in a new part file in `folder`, held locked while it is open; its path."""
    named = folder / _NAME
    fd, name = tempfile.mkstemp(prefix=part_prefix(named), suffix=PART_SUFFIX, dir=folder)
    try:
        hold(fd)
        sweep_stale_parts(named, Path(name))
        with memoryview(body) as view:
            done = 0
            while done < len(view):
                done += os.write(fd, view[done:])
    except OSError:
        os.close(fd)
        with suppress(OSError):
            os.unlink(name)
        raise
    _held[name] = fd
    return name
