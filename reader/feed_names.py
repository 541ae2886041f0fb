"""What a feed is called: the name the user gave it over the title the feed gives itself, and
when a name read from a subscription file is one the user gave.

A name (newsboat's `"~Name"`, `reader add --title`, `reader rename`) is kept in `Feed.name`,
apart from `Feed.title`, which a fetch sets to the feed's own title: no title from the web ever
replaces the user's. The lists of feeds and headlines, `reader feeds`, `reader list`, `export`
and the FEED of `--feed`, `remove` and `rename` go by the name; a citation, the article's header
and the site name an article is kept under go by the feed's own title, as they name the
publication for anyone, where "Tech (work)" means something only in this reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .models import Entry, Feed
from .safe import safe_line
from .url_display import shown_url

MAX_NAME_LENGTH = 500
"""As long as a title an OPML file gives is kept (`opml.read_opml`)."""


def clean_name(name: str) -> str:
    """A name as the user typed it, as it is kept: one line, no control characters (a pasted
    escape sequence goes whole, `safe_line`), "" for none."""
    return safe_line(name, MAX_NAME_LENGTH)


def typed_key(name: str) -> tuple[str, bool]:
    """A tag's or a feed's name as typed to find it, as it is compared: case and spaces aside
    (`folded`), and its accents too when it types none (True; `loose_key` then gives the key of
    each name to compare with): "tag:uberwachung" and `--tag uberwachung` find "Überwachung"
    (acc35b F6; acc44c C11, where `--tag` and `--feed` wanted the accents typed), as a word of a
    search does; "Überwachung" typed doesn't find "Uberwachung"."""
    from .fold import fold, has_accent

    key = folded(name)
    return (key, False) if has_accent(key) else (fold(key), True)


def loose_key(name: str) -> str:
    """`name` as a name typed without accents is compared with it (`typed_key`)."""
    from .fold import fold

    return fold(folded(name))


def named_by(typed: str, names: list[str]) -> list[int]:
    """The positions in `names` of those `typed` names: as written (case and spaces aside),
    else, when it types no accent, with theirs aside (`typed_key`)."""
    exact = folded(typed)
    found = [n for n, name in enumerate(names) if folded(name) == exact]
    key, loose = typed_key(typed)
    if found or not loose:
        return found
    return [n for n, name in enumerate(names) if loose_key(name) == key]


def folded(name: str) -> str:
    """A name as names are compared: case and runs of spaces aside ("quay  daily" is "Quay
    Daily"), as the FEED of a command is matched; Turkish's İ and ı as I and i, whose case
    Turkish pairs otherwise than `str.casefold` (which makes "İSTANBUL" "i̇stanbul", a
    combining dot after the i: `--tag istanbul` didn't find it, acc31b M12); Persian's ی ک
    as Arabic's ي ك (and ى as ي), and Persian's half-space (ZWNJ) as a space, as an Arabic
    keyboard types them and the search compares them ("ايران" is the tag "ایران", acc41c C23);
    a dash as "--" or "-"."""
    return " ".join(name.translate(_ALIKE).split()).casefold()


_ALIKE = str.maketrans(
    {"İ": "I", "ı": "i", "ی": "ي", "ى": "ي", "ک": "ك", "\u200c": " ", "—": "--", "–": "-"}
)
"""Letters typed otherwise on another keyboard: Turkish's, Persian's and Arabic's; and the
dashes as ASCII types them, as a name is shown in an ASCII locale ("Kiyi Haberleri --
Istanbul" named no feed: acc51a A9)."""


def copies_own_title(feed: Feed, own_title: str) -> bool:
    """Whether the name `feed` was imported under is a copy of `own_title`, the title it gave
    itself at its first fetch: dropped then, the feed followed by its own title as it changes.

    An OPML file that gives one name for a feed (`opml.outline_names`) can't say whether it is
    the feed's title or a name the user gave it in the reader it came from (newsboat's export
    writes a `~` name where the title goes): it is imported as both name and title, and shown
    until that first fetch; the same as the feed's own title (case and spaces aside), it was
    a copy of it; a different one is the user's, kept. A name given as one (newsboat's
    `"~Name"`, an OPML 2.0 text apart from its title, `add --title`, `rename`) is never
    dropped, whatever the feed's title."""
    return undecided(feed) and folded(feed.name) == folded(own_title)


def undecided(feed: Feed) -> bool:
    """Whether `feed`'s name and title are the one name an OPML file gave it, not yet told
    apart by its first fetch (`copies_own_title`)."""
    return feed.last_success is None and bool(feed.name) and folded(feed.name) == folded(feed.title)


def names_of(feeds: Iterable[Feed]) -> dict[str, str]:
    """Each named feed's address → the name the user gave it."""
    return {feed.url: feed.name for feed in feeds if feed.name}


def listed_names(feeds: Iterable[Feed]) -> dict[str, str]:
    """Each feed's address → the name the feed list shows it by now: the user's, else its own
    title as last read (none when the title shows nothing). What `source_name` names every
    headline of a subscribed feed by, not the feed's title as each was read: a feed that
    renamed itself was named both ways in "All feeds", the headlines it no longer carries by a
    name no feed had any more (acc43c C2)."""
    return {
        feed.url: feed.name or feed.title
        for feed in feeds
        if feed.name or (feed.title and safe_line(feed.title))
    }


def source_name(entry: Entry, names: Mapping[str, str]) -> str:
    """What a list of headlines names an entry's feed by: the name the feed list shows it by
    (from `listed_names`), else the title the feed gave when the entry was read (a saved article no
    feed lists: its site's), else the feed's address as the feed list shows it: a title that shows
    nothing (blank letters, kept before they were read as none) left the column empty."""
    if name := names.get(entry.feed_url):
        return name
    if entry.feed_title and safe_line(entry.feed_title):
        return entry.feed_title
    return shown_url(entry.feed_url) if entry.feed_url else entry.feed_title


def renamed(was: str, feed: Feed) -> str:
    """What a rename says: the feed's name before (`was`, as the list showed it) and now, with
    what it is shown by when no name of the user's is left."""
    now = safe_line(feed.display_title, 60)
    if not feed.name:
        own = "its own title" if feed.title else "its address, until a sync reads its own title"
        now = f"{now} ({own})"
    return f"renamed: {safe_line(was, 60)} → {now}"
