"""A link whose PDF is larger than the reader reads (`[network] pdf_max_bytes`): kept as a link
to open (↗, `o`), as a file that is no article is, not an article failing. A council's 75 MB
accounts failed every sync for ever, each cron run exiting 1 and `-q` printing it, and the
export said "`reader sync` first" of it (acc35b F5).

A web page larger than `max_bytes` is no such file: a server streaming an endless body once, a
flood, a CDN's error page looping. Kept as a link, a 20 KB story that misbehaved once was never
asked for again, by no sync, nor by `reader show --refresh` or Enter (acc37b I6). It fails, and
a sync asks for it again a day later, as one too slow to read (`mark_slow`).

Asked again once the limit it was over is raised (`outgrown`): the user who raises
`pdf_max_bytes` for it means it to come.
"""

from __future__ import annotations

import re

from .config import FetchLimits
from .models import ErrorKind, FetchError

# `content_coding.too_large`'s and `inflates_too_large`'s words (a server's headers too large
# are no file to open).
_OVER = re.compile(r"^(a PDF )?(?:larger than|inflates past) ([0-9.]+) MB\b")


def as_link(error: FetchError) -> FetchError | None:
    """The failure of a PDF too large to read as a link to open (NOT_HTML, its reason naming
    the setting), or None when `error` is no such failure."""
    found = _OVER.match(error.message) if error.kind == ErrorKind.TOO_LARGE else None
    if found is None or not found.group(1):
        return None
    reason = f"{error.message} (over [network] pdf_max_bytes): o opens it"
    return FetchError(ErrorKind.NOT_HTML, reason, error.url)


def outgrown(reason: object, limits: FetchLimits) -> bool:
    """`reason` (why a link was kept as one) is a body larger than a limit since raised: the
    link is to be fetched again."""
    found = _OVER.match(reason) if isinstance(reason, str) else None
    if found is None:
        return False
    was = float(found.group(2)) * 1024 * 1024
    return limits.page_bytes(pdf=bool(found.group(1))) > was
