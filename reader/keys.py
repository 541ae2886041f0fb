"""Identity policy: how an entry gets its id and an article its cache key.

An entry's id includes its feed's URL, so a feed that reuses another feed's GUIDs can never
overwrite or hide that feed's entries.
"""

from __future__ import annotations

import hashlib

from .urls import CANONICAL_VERSION, canonical_url

ENTRY_ID_LENGTH = 12

ARTICLE_KEY_VERSION = CANONICAL_VERSION
"""The version of `article_key` a stored key was made by: the store keeps each entry's key with
it (12,000 headlines' addresses made canonical again at every read took seconds) and makes it
again when this is not the one it was written with. `article_key` is `canonical_url` alone:
were it ever to add to it, this would become a version of its own."""


def entry_id(feed_url: str, item_key: str) -> str:
    """A short stable id for one item of one feed (`item_key`: the GUID, else the link, else the title)."""
    digest = hashlib.sha256(f"{canonical_url(feed_url)}\0{item_key}".encode()).hexdigest()
    return digest[:ENTRY_ID_LENGTH]


def article_key(url: str) -> str:
    """The cache key of an article page: its canonical URL."""
    return canonical_url(url)


def link_key(link: str) -> str:
    """The cache key of the article an entry links to, "" when it links nowhere."""
    return article_key(link) if link else ""


def saved_article_id(key: str) -> str:
    """The id of a saved article no feed lists (saved by its address, its entry dropped by its
    feed or its feed removed), from its cache key: in an entry id's form, so `reader show` and
    `reader unsave` take it as they take an entry's, and the same for as long as it is saved."""
    digest = hashlib.sha256(f"saved\0{key}".encode()).hexdigest()
    return digest[:ENTRY_ID_LENGTH]


def looks_like_entry_id(text: str) -> bool:
    return len(text) == ENTRY_ID_LENGTH and all(c in "0123456789abcdef" for c in text)


def copy_id(entry_id: str, version: int) -> str:
    """An article's id naming one of its kept earlier copies ("2c62e4e2c688@1"), as `reader list
    --search … --ids` prints a hit found only in that copy: `reader show` reads it as `--version
    1`, and cites the copy the words are in, not the latest (acc47a A7); every other command
    taking ids reads it as the article (`copy_of`). The id alone for the latest copy (0)."""
    return f"{entry_id}@{version}" if version > 0 else entry_id


def copy_of(name: str) -> tuple[str, int | None]:
    """The article and the copy (None: no copy named) an id `copy_id` wrote names; any other
    name, an address ("https://example.org/@ana/2") among them, as given."""
    entry, mark, version = name.strip().partition("@")
    numbered = version.isascii() and version.isdigit() and int(version) > 0
    return (
        (entry, int(version)) if mark and numbered and looks_like_entry_id(entry) else (name, None)
    )


ITEM_ADDRESS = "feed-item:"
"""How the address an item with no link is known by begins (`item_address`)."""


def item_address(entry_id: str) -> str:
    """What an item with no link (a notes feed's, a micro-post) is known by where an article
    is by its address (its highlights and notes, an export's chapter): its entry id, made of
    its feed's address and its GUID (else its title), the identity its read and saved marks
    already have. Highlights kept under "" were every such item's at once."""
    return f"{ITEM_ADDRESS}{entry_id}"


def item_of_address(address: str) -> str:
    """The entry id an `item_address` names; "" for any other address (an article's)."""
    if not address.startswith(ITEM_ADDRESS):
        return ""
    entry_id = address[len(ITEM_ADDRESS) :]
    return entry_id if looks_like_entry_id(entry_id) else ""
