"""Failures as values: a cache write that fails, or an error no one foresaw while reading one page,
becomes that one item's `FetchError`; and which failures say nothing of the page (another try
may bring it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import PASSING_STATUSES
from ..models import UNREACHABLE, ErrorKind, FetchError, StoreError
from ..safe import safe_line
from ..upgraded import upgrade_in


def storage_failure(error: StoreError, url: str) -> FetchError:
    """A cache write that failed, as the failure of the item at `url`: the store's words, and
    why it took no writes when it knows."""
    return FetchError(ErrorKind.STORAGE, str(error), url, unwritable=error.unwritable)


@contextmanager
def _storage_as_fetch_error(url: str) -> Iterator[None]:
    """A cache write that fails (full disk, read-only) fails that one item, as a value."""
    try:
        yield
    except StoreError as error:
        raise storage_failure(error, url) from None


def _may_come_later(error: FetchError) -> bool:
    """The failure says nothing of the page itself (the network, a server busy or down, a
    rate limit): another try may bring it."""
    status = error.status or 0
    return (
        error.kind in UNREACHABLE or error.retryable or status >= 500 or status in PASSING_STATUSES
    )


@contextmanager
def _unexpected_as_fetch_error(url: str) -> Iterator[None]:
    """A failure we didn't foresee, reading one page (a parser's error on a hostile page),
    fails that one article, as a value: not a whole sync, not the reader."""
    try:
        yield
    except FetchError:
        raise
    except Exception as error:
        raise unforeseen_failure(error, "page", url) from error


def unforeseen_failure(error: Exception, what: str, url: str) -> FetchError:
    """A failure no one foresaw, reading a page or a feed, as its one line: in words, the
    Python exception's name kept in brackets for a report of it. Unless the reader's code
    changed under it (a worker started after an upgrade, a module imported on first use):
    then `Upgraded` is raised, ending the work, and nothing of it is kept as the page's or the
    feed's failure (every page of a sync was marked failed, each feed given an error)."""
    if (upgraded := upgrade_in(error)) is not None:
        raise upgraded from error
    detail = safe_line(str(error), 100)
    message = f"could not read the {what}: an error the reader did not foresee"
    message += f" ({type(error).__name__}: {detail})" if detail else f" ({type(error).__name__})"
    return FetchError(ErrorKind.EXTRACTION, message, url)


def passing_failure(error: FetchError) -> bool:
    """A failure another try may mend (the network, a busy server), not a page to sign in, a
    Wi-Fi login page answering in the story's place or a cache that takes no writes: what a
    cached article's renewal, or a link saved before its page came, leaves for the next sync."""
    return _may_come_later(error) and error.kind not in (
        ErrorKind.SIGN_IN,
        ErrorKind.PORTAL,
        ErrorKind.STORAGE,
    )
