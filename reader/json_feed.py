"""JSON Feed (jsonfeed.org, versions 1 and 1.1) read into the shape feedparser gives RSS and Atom,
so that `feeds.parse_feed` makes its entries by the one set of rules (titles, links, authors,
dates, summaries, enclosures, limits) whatever the format. feedparser 6 reads XML only;
newsraft, nom and lemon24's reader read JSON Feeds, and a micro-blog or a podcast may publish
only one.

The document is a stranger's: every member is checked for its type (a number where a string
belongs is left out, not a crash), nesting is bounded by the JSON parser's recursion limit (a
RecursionError is a refusal like any other), and no member is ever evaluated.
"""

from __future__ import annotations

import codecs
import json
import re
import time
from datetime import UTC
from typing import Any

from .dates import parse_datetime

_TEXT = {"type": "text/plain"}
_HTML = {"type": "text/html"}
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotAJsonFeed(ValueError):
    """The bytes are no JSON Feed a reader can read: why, in words."""


_CONTROL_NAMES = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}


def _json_error(error: json.JSONDecodeError) -> str:
    """The parser's complaint, a control character written raw in a string named with whose
    fault it is: a feed templated by hand (a Jekyll or Hugo template without `jsonify`) writes
    its text's line breaks so. JSON forbids them, and other readers refuse the feed as this one
    does (lemon24's reader by Python's `json`, Miniflux by Go's, FreshRSS by PHP's): read
    leniently here, the generator's fault would go unseen by its one reader who could say so."""
    if not error.msg.startswith("Invalid control character"):
        return str(error)
    char = error.doc[error.pos] if error.pos < len(error.doc) else ""
    name = _CONTROL_NAMES.get(char, f"the control character U+{ord(char or chr(0)):04X}")
    return (
        f"{name} written raw inside a string at line {error.lineno}, column {error.colno}; "
        "its generator did not escape it"
    )


def feedparser_shaped(body: bytes, most: int) -> tuple[dict[str, Any], int]:
    """The JSON Feed in `body` as feedparser's result is shaped: {"feed": {...}, "entries":
    [...]}, each value of the type feedparser gives, its first `most` items alone made entries
    (a feed's newest come first), with how many items it has. NotAJsonFeed when it is no JSON
    object naming a JSON Feed's version, or holds no `items` list."""
    try:
        # RFC 8259: JSON is UTF-8; a byte-order mark is tolerated, a wrong byte replaced.
        document = json.loads(body.removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace"))
    except RecursionError:
        raise NotAJsonFeed("its JSON nests too deep") from None
    except json.JSONDecodeError as error:
        raise NotAJsonFeed(f"its JSON has errors: {_json_error(error)}") from None
    except ValueError as error:
        raise NotAJsonFeed(f"its JSON has errors: {error}") from None
    if not isinstance(document, dict) or not _string(document.get("version")).startswith(
        ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
    ):
        raise NotAJsonFeed("not a JSON Feed: no jsonfeed.org version")
    items = document.get("items")
    if not isinstance(items, list):
        raise NotAJsonFeed("a JSON Feed with no list of items")
    feed = {
        "title": _string(document.get("title")),
        "title_detail": _TEXT,
        "link": _string(document.get("home_page_url")),
        # Version 1.1: "if not specified in an item, then the top-level authors … are the
        # authors of the item" (`feeds` gives them to such an item, as Atom's feed author).
        **_people(document),
    }
    entries = [_entry(item) for item in items[:most] if isinstance(item, dict)]
    return {"feed": feed, "entries": entries, "version": "json1"}, len(items)


def _entry(item: dict[str, Any]) -> dict[str, Any]:
    html, text = _string(item.get("content_html")), _string(item.get("content_text"))
    summary = _string(item.get("summary"))
    # The content is the item's text; its summary, when it gives one, what a list shows.
    content = [{"value": html, **_HTML}] if html else []
    content += [{"value": text, **_TEXT}] if text else []
    if summary:
        summary_detail = _TEXT
    else:
        summary, summary_detail = (html, _HTML) if html else (text, _TEXT)
    # The spec has it a string; some publishers write a number, which is an id all the same.
    ident = _number(item.get("id")) or _string(item.get("id"))
    entry: dict[str, Any] = {
        "id": ident,
        "link": _string(item.get("url")) or _string(item.get("external_url")),
        "title": _string(item.get("title")),
        "title_detail": _TEXT,
        "summary": summary,
        "summary_detail": summary_detail,
        "content": content,
        "enclosures": [
            {
                "href": _string(attachment.get("url")) or None,
                "type": _string(attachment.get("mime_type")) or None,
                "length": _number(attachment.get("size_in_bytes")),
            }
            for attachment in _list(item.get("attachments"))
            if isinstance(attachment, dict)
        ],
        **_people(item),
    }
    for name, member in (("published", "date_published"), ("updated", "date_modified")):
        written = _string(item.get(member))
        moment = parse_datetime(written) if written else None
        if moment is not None:
            entry[name] = written
            entry[f"{name}_parsed"] = time.struct_time(moment.astimezone(UTC).timetuple())
    return entry


def _people(item: dict[str, Any]) -> dict[str, Any]:
    """feedparser's `authors` (each a {"name": …}) and `author` (the first's name) of an item:
    version 1.1's `authors` list, else version 1's `author` object."""
    people = [p for p in _list(item.get("authors")) if isinstance(p, dict)]
    if not people and isinstance(item.get("author"), dict):
        people = [item["author"]]
    names = [name for p in people if (name := _string(p.get("name")))]
    if not names:
        return {}
    return {"authors": [{"name": name} for name in names], "author": names[0]}


def _number(value: Any) -> str:
    """A whole number as feedparser gives one, its text ("" for anything else)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else ""


def _string(value: Any) -> str:
    """A member's text ("" for any other type), a lone surrogate in it (JSON's "\\ud800", a
    half of an emoji cut off: no character, which nothing can write) made U+FFFD, as the
    XML feeds' references to one are (`feeds.mended_references`): one such title failed every
    sync of the feed ("surrogates not allowed"). A pair `json` has already made one."""
    if not isinstance(value, str):
        return ""
    if _SURROGATE.search(value) is None:
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
