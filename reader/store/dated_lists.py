"""The lists a `Store` keeps per story of what happened to it and when (its takedowns that
ended, its retractions that ended, its page refused for the copy): the latest few kept, and
read back as values, a record that can't be read passed over. One way for all of them, where
each had its own loop."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any, TypeVar

_Value = TypeVar("_Value")

KEPT = 10
"""How many records of one story a list keeps: the latest."""


def with_record(listed: Any, record: dict[str, Any]) -> list[Any]:
    """`listed` (a list as loaded; anything else, damaged, taken for none) with `record` after
    it, the latest `KEPT` only: what is saved again."""
    records = listed if isinstance(listed, list) else []
    return [*records, record][-KEPT:]


def read_records(listed: Any, value: Callable[[Any], _Value]) -> list[_Value]:
    """`value` of each record of `listed` (a list as loaded; anything else, none), oldest
    first; a record it can't be read from (written by hand, cut short) is left out, not the
    others with it."""
    found = []
    for one in listed if isinstance(listed, list) else ():
        with suppress(KeyError, TypeError, ValueError, OverflowError, OSError):
            found.append(value(one))
    return found


def moment(epoch: Any) -> datetime:
    """A record's time (epoch seconds) as a moment in UTC."""
    return datetime.fromtimestamp(float(epoch), UTC)
