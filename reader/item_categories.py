"""The categories a feed files an item under: RSS `<category>`, Atom `<category term label>`
(Lobsters' tags "databases", a subreddit "r/marinebiology", a Mastodon post's hashtags). Kept
with the headline, as its discussion page is, and said where it is shown: `reader show`'s
"Categories: databases, mobile", the JSON's `categories` (acc49b B9). Not the user's tags
(`reader tag`): the feed's words, which a later refresh may change.
"""

from __future__ import annotations

from typing import Any

from .safe import safe_line

MAX_CATEGORIES = 20
"""Categories kept per item: a feed giving an item hundreds makes no line of them to read."""
_LONGEST = 100
"""Characters of one category: a longer one is cut, as a tag is (`feed_tags.MAX_TAG_LENGTH`)."""


def categories_of(item: Any) -> tuple[str, ...]:
    """The categories of one of feedparser's items, in its order, each once (case aside): an
    Atom category's label where it gives one ("r/marinebiology" over "marinebiology"), else its
    term."""
    kept: dict[str, str] = {}
    for tag in item.get("tags") or ():
        if not isinstance(tag, dict):
            continue
        name = next(
            (v for v in (tag.get("label"), tag.get("term")) if isinstance(v, str) and v.strip()),
            "",
        )
        name = safe_line(name, _LONGEST)
        if name and name.casefold() not in kept:
            kept[name.casefold()] = name
        if len(kept) == MAX_CATEGORIES:
            break
    return tuple(kept.values())


def category_lines(categories: tuple[str, ...]) -> list[str]:
    """The line `reader show` prints under an article's header for its item's categories,
    "Categories: databases, mobile", or none."""
    return [f"Categories: {', '.join(categories)}"] if categories else []
