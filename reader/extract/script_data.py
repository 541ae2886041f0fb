"""The article a page built by scripts carries only in its script data: Next.js's `__NEXT_DATA__`,
Nuxt's `__NUXT_DATA__` or `window.__NUXT__`, an Apollo or Redux state (`__APOLLO_STATE__`,
`__PRELOADED_STATE__`, `__INITIAL_STATE__`).

Such a page's HTML is an empty `<div id="__next">` until a browser runs its scripts, and we run
none; the JSON the scripts would render holds the paragraphs (acc39a L4: a story of five
paragraphs read as the feed's one-line summary). The data is read as data, never run: only a
JSON object (or array) is parsed, or Nuxt 2's function call whose body is one object literal of
its parameters (`nuxt_state`), a blob past `MAX_DATA` is not, and the walk stops after
`_MOST_VALUES` values. Of its strings, the prose is grouped by the list that holds it (an
article's paragraphs are one list's items; a body given as one HTML string is a group of its
own), and the longest group that speaks of the page's own title or description is the text:
not a teaser list's summaries, nor every string of the blob.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lxml.html import HtmlElement

from .nuxt_state import nuxt_function_state

MAX_DATA = 4_000_000
"""The most characters of one script's data read: a news page's runs to a few hundred KB."""
_MOST_VALUES = 200_000
"""The most values of the data walked: each is cheap, a hostile blob's millions are not."""
_NAMED = re.compile(
    r"^\s*(?:window\.|self\.|var\s+|let\s+|const\s+)?"
    r"(__NUXT__|__APOLLO_STATE__|__PRELOADED_STATE__|__INITIAL_STATE__)\s*=\s*"
)
_DATA_IDS = frozenset({"__NEXT_DATA__", "__NUXT_DATA__"})
# A string of prose: words and spaces, a sentence's length; not a name, an address or a key.
_PROSE_CHARS = 40
_PROSE_WORDS = 6
_HTML = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w{4,}")


def script_data(doc: HtmlElement) -> tuple[str, ...]:
    """The texts of the page's script data blobs (before cleanup drops the scripts): a JSON
    script named as a framework's data, or a script setting a framework's state variable."""
    found: list[str] = []
    for script in doc.iter("script"):
        text = script.text or ""
        if not text or len(text) > MAX_DATA:
            continue
        if script.get("id") in _DATA_IDS:
            found.append(text)
        elif (named := _NAMED.match(text[:200])) is not None:
            found.append(text[named.end() :])
    return tuple(found)


def script_data_article(
    blobs: tuple[str, ...], title: str, description: str
) -> tuple[str, list[str]]:
    """The article's paragraphs in the page's script data, as HTML ("" when none speaks of
    `title` or `description`): each string of plain text a `<p>`, a string of HTML as it is;
    and the names of its writers the object holding them gives ("byline", "author")."""
    topic = {w.lower() for w in _WORD.findall(f"{title} {description}")}
    if not topic:
        return "", []
    best: list[str] = []
    best_owner: dict[str, Any] | None = None
    best_length = 0
    for blob in blobs:
        data = _parsed(blob)
        if data is None:
            continue
        for group, owner in _prose_groups(data):
            length = sum(len(text) for text in group)
            if length > best_length and _speaks_of(group, topic):
                best, best_owner, best_length = group, owner, length
    body = "\n".join(text if _HTML.search(text) else f"<p>{html.escape(text)}</p>" for text in best)
    return body, _writers(best_owner) if isinstance(best_owner, dict) else []


_WRITER_KEYS = ("byline", "author", "authors", "authorName", "writer", "writers")
_NAME_CHARS = 80
_NAME_WORDS = 6


def _writers(owner: dict[str, Any]) -> list[str]:
    """The names the article's object gives its writers: a name, an object with a "name", or
    a list of either; nothing longer than a name."""
    for key in _WRITER_KEYS:
        value = owner.get(key)
        names = []
        for item in (value if isinstance(value, list) else [value])[:20]:
            name = item.get("name") if isinstance(item, dict) else item
            if (
                isinstance(name, str)
                and 0 < len(name.strip()) <= _NAME_CHARS
                and len(name.split()) <= _NAME_WORDS
            ):
                names.append(" ".join(name.split()))
        if names:
            return names
    return []


def _parsed(blob: str) -> Any:
    """The JSON value at the start of `blob` (a state variable's object, its `;` after it), or
    Nuxt 2's function call returning an object literal of its parameters (`nuxt_state`), or
    None: a script that is not plain data is not read, nor data nested past the parser's depth
    (which would have failed the whole page)."""
    if blob.lstrip().startswith(("(function", "function")):
        value = nuxt_function_state(blob, MAX_DATA)
        return value if isinstance(value, (dict, list)) else None
    try:
        value, _ = json.JSONDecoder().raw_decode(blob.lstrip())
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, (dict, list)) else None


def _prose_groups(data: Any) -> list[tuple[list[str], dict[str, Any] | None]]:
    """The data's strings of prose, grouped by the list holding them (a string outside any list
    a group of its own), in the data's order; each with the object holding that list (or that
    string), where the article's writers are named."""
    groups: dict[int, tuple[list[str], dict[str, Any] | None]] = {}
    # (value, the id of the nearest list holding it or None, the object holding that list, the
    # object holding the value itself)
    stack: list[tuple[Any, int | None, Any, Any]] = [(data, None, None, None)]
    seen = 0
    lone = -1
    while stack and seen < _MOST_VALUES:
        value, holder, owner, parent = stack.pop()
        seen += 1
        if isinstance(value, str):
            if not _is_prose(value):
                continue
            if holder is None:
                key, lone, owner = lone, lone - 1, parent
            else:
                key = holder
            groups.setdefault(key, ([], owner))[0].append(value.strip())
        elif isinstance(value, dict):
            stack.extend((v, holder, owner, value) for v in reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend((v, id(value), parent, None) for v in reversed(value))
    return list(groups.values())


def _is_prose(text: str) -> bool:
    if len(text) < _PROSE_CHARS or text.lstrip().startswith(("http://", "https://", "{", "[")):
        return False
    plain = _TAG.sub(" ", text) if "<" in text else text
    return len(plain.split()) >= _PROSE_WORDS


def _speaks_of(group: list[str], topic: set[str]) -> bool:
    """The group's words include some of the title's or description's: it is this page's story,
    not a list of others'."""
    words = {w.lower() for text in group for w in _WORD.findall(_TAG.sub(" ", text))}
    return len(words & topic) >= min(2, len(topic))
