"""The dates the commands take (`--since`, `--before`, `--read-since`, `--saved-since`): one
parser for every one of them, and the headlines between two such moments, or read or saved
since one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..config import UnitError, parse_duration
from ..dates import as_local_moment
from .common import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from ..models import Entry
    from ..reports import Headline

DATE_FORMS = (
    "2026-11-30 (local midnight), 2026-11-30T08:00, 2026-11 (its first day), 2025, or an age:"
    " 7d, 12h, 3mo, 90min (a number needs its unit)"
)
"""What a date option takes, for its help."""


def moment(text: str, *, end: bool = False) -> datetime:
    """A date option's moment: a date (2026-11-30, local midnight), a date and time
    (2026-11-30T08:00), a month (2026-11: its first day), a year (2025: its first day), or an
    age (7d, 12h, 3mo: that long ago; a bare number needs its unit, and "3m" says which);
    raises UsageError. `end`: the bound is an end (`--before`): a local time the clock shows
    twice (the hour a fall-back repeats) is its later one, as a start's is its earlier, so a
    headline listed at the second 03:30 is both since 03:30 and before 03:31 (acc46a A8)."""
    now = datetime.now().astimezone()
    bare = text.strip().isdigit()
    try:
        age = parse_duration(text)
    except UnitError as error:
        # `--before 7`, a week meant, marked every headline read (7 seconds); "3m" is an age
        # mistyped, not a date; "2025" alone is a year: below
        if not (bare and len(text.strip()) == 4):
            raise UsageError(f"{error}; or a date: 2026-11-30" if bare else str(error)) from None
    except ValueError:
        pass
    else:
        try:
            return now - timedelta(seconds=age)
        except OverflowError:  # further back than the calendar goes: from its start
            return datetime.min.replace(tzinfo=UTC)
    for written in (text, f"{text}-01", f"{text}-01-01"):  # "2026-03": since spring; "2025"
        try:
            found = datetime.fromisoformat(written)
        except ValueError:
            continue
        if found.tzinfo:
            return found
        try:
            return found.replace(fold=int(end)).astimezone()  # a local time as written
        except (ValueError, OverflowError):  # the system's clock goes back to 1900 at most
            return found.replace(tzinfo=now.tzinfo)
    raise UsageError(
        f"not a date or an age: {text!r} (try 2026-11-30, 2026-11-30T08:00, 2026-11 or 7d)"
    )


def dates_named(since: str | None, before: str | None) -> str:
    """The bounds of `--since` and `--before` as a message names them: "since 2026-12-01",
    "before 7d", "between 2026-11 and 2026-12-01" (as typed: a date as the user wrote it)."""
    if since is not None and before is not None:
        return f"between {since} and {before}"
    if since is not None:
        return f"since {since}"
    return f"before {before}" if before is not None else ""


def between(
    headlines: Iterable[Headline], since: datetime | None, before: datetime | None
) -> list[Headline]:
    """The headlines published at `since` or after and before `before` (either None: no
    bound); with a bound, none without a date (its feed's, or its cached page's) is in."""
    return list(within(headlines, since, before))


def within(
    headlines: Iterable[Headline], since: datetime | None, before: datetime | None
) -> Iterator[Headline]:
    """`between`, each headline given on as it comes (a list printed as it is read)."""
    if since is None and before is None:
        yield from headlines
        return
    for headline in headlines:
        when = headline.entry.published or headline.entry.updated
        if when is None:
            continue
        # A date alone is a day of the local calendar, as the list shows it.
        when = as_local_moment(when)
        if since is not None and when < since:
            continue
        if before is None or when < before:
            yield headline


READ_SINCE_HELP = (
    "only the articles you opened in the reader at WHEN or after (the same forms: 2h, today's"
    " date); not those marked read unopened (A, C, an import's marks)"
)


SAVED_SINCE_HELP = (
    "only the articles you saved (s) at WHEN or after, whenever they were published (the same"
    " forms: 12h, today's date): this morning's picks; implies --saved"
)


def saved_since(headlines: Iterable[Headline], since: datetime | None) -> Iterator[Headline]:
    """`--saved-since`'s: those of `headlines` saved at `since` or after (`Headline.saved_at`:
    the user's `s`, or when a read-it-later app says it was added); all when `since` is None."""
    if since is None:
        yield from headlines
        return
    from ..reports import saved_moment  # not at every command's start: the parser's import

    for headline in headlines:
        at = saved_moment(headline)
        if at is not None and at >= since:
            yield headline


def read_since(
    headlines: Iterable[Headline],
    read_at: Callable[[Entry], datetime | None] | None,
    since: datetime | None,
) -> Iterator[Headline]:
    """`--read-since`'s: those of `headlines` whose article was last opened in the reader
    (`read_at`, `Library.reading_times`) at `since` or after; all of them when `since` is None."""
    if since is None or read_at is None:
        yield from headlines
        return
    for headline in headlines:
        at = read_at(headline.entry)
        if at is not None and at >= since:
            yield headline
