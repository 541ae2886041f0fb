"""How a store's records are kept as JSON text and read back whole or in part: an article's
compressed (`packed_record`, `record_text`), and of a list or a map cut short (its file's end
lost), the items that come whole before the cut (`whole_part`), or the first few of a long list
decoded without the rest (`json_items`). Text in, values out: no cache here
(`StoreDirectory._load` reads and drops records)."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any

decode_one = json.JSONDecoder().raw_decode
"""One JSON value decoded at a place in a text, and where it ends."""
_SPACE = re.compile(r"[ \t\n\r]*")


def packed_record(record: str) -> bytes:
    """A JSON record as the cache keeps an article's: compressed, as its raw page is (the
    text a third of the size on disk and under the size limit, unpacked in well under a
    millisecond)."""
    return zlib.compress(record.encode(), 1)


def record_text(value: Any) -> Any:
    """The JSON text of a record as `packed_record` keeps it, or as it is: a record kept
    before they were compressed is text, and reads as ever."""
    return zlib.decompress(value).decode() if isinstance(value, bytes) else value


ANY_SHAPE: Any = object()
"""The `default` of a record read whatever its shape (`StoreDirectory._load`)."""


def whole_part(text: Any, default: Any) -> list[Any] | dict[str, Any]:
    """What comes whole before the damage in the JSON `text` of a record whose reading gives
    `default` when absent: a list's items, a map's entries; nothing of anything else."""
    if not isinstance(text, str) or not text:
        return []
    shape = text.lstrip()[:1] if default is ANY_SHAPE else None
    if isinstance(default, list) or shape == "[":
        return list(json_items(text))
    if isinstance(default, dict) or shape == "{":
        return dict(json_members(text))
    return []


def json_members(raw: str) -> Iterator[tuple[str, Any]]:
    """The entries of the JSON object `raw` that come whole before its damage (`json_items`'
    counterpart for a map: the Saved list)."""
    return _json_entries(raw, "{}", _member)


def json_items(raw: str) -> Iterator[Any]:
    """The items of the JSON list `raw`, each decoded as it is asked for (the first few of a
    list of thousands without decoding the rest); nothing for text that is no list, what
    comes before the damage for a damaged one (not dropped here: read whole by `_load`, it
    is)."""
    return _json_entries(raw, "[]", decode_one)


def _json_entries(
    raw: str, brackets: str, entry: Callable[[str, int], tuple[Any, int]]
) -> Iterator[Any]:
    """The entries of the JSON list or object `raw` (`brackets`: "[]" or "{}") that come whole
    before its damage, each as `entry` reads it at its place (with where it ends; ValueError or
    IndexError where none comes whole): one walk for both."""
    skip = _SPACE.match
    try:
        at = skip(raw, 0).end()
        if raw[at] != brackets[0]:
            return
        at = skip(raw, at + 1).end()
        if raw[at] == brackets[1]:
            return
        while True:
            found, at = entry(raw, at)
            yield found
            at = skip(raw, at).end()
            if raw[at] != ",":
                return  # the closing bracket, the end, or damage
            at = skip(raw, at + 1).end()
    except (IndexError, ValueError):
        return


def _member(raw: str, at: int) -> tuple[tuple[str, Any], int]:
    """The object's entry at `at` (its key and value) and where it ends. Not one whose value
    the text ends right after (IndexError): the value may be cut short, a number's digits."""
    key, at = decode_one(raw, at)
    at = _SPACE.match(raw, at).end()
    if not isinstance(key, str) or raw[at] != ":":
        raise ValueError("no entry of an object")
    value, at = decode_one(raw, _SPACE.match(raw, at + 1).end())
    at = _SPACE.match(raw, at).end()
    if at >= len(raw):
        raise IndexError("cut short after the value")
    return (key, value), at
