"""The read marks and stars another reader had, brought across by `reader import` (newsboat's
cache.db or `-E` list: `newsboat_marks`; newsraft's, nom's and lemon24's reader's databases:
`reader_databases`), applied once each feed is fetched (`library.imported_marks`).

A mark names an item as the other reader did: by its GUID, else its link (newsboat and
newsraft then its title, as `feeds.parse_feed` keys an entry; lemon24's reader and nom by the
link), so it finds its headline by the entry id that key makes in its feed, else by the link
the other reader had (a GUID that changed since); newsraft's items of no GUID, link nor title,
which it names by a hash of their content, by their text (`newsraft_items`). A star (newsraft's and lemon24's reader's
"important", nom's "favourite": each keeps those past its limits and lists them apart) is an
article to keep: saved here, as `reader save` keeps one for good.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .keys import entry_id
from .models import Entry
from .newsraft_items import item_text
from .safe import safe_line
from .saved_exports import SavedLink
from .urls import canonical_url, is_web_url, without_credentials

SQLITE_MAGIC = b"SQLite format 3\x00"
_EVERY = "\x00every"  # `ReadMarks._by_feed`'s key for the links of every feed's items


def is_sqlite(path: Path) -> bool:
    """Whether the file at `path` is an SQLite database (by its first bytes)."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class ReadMarks:
    """The articles another reader (`source`) had read: (feed address, or "" for any feed;
    GUID; link); and those it had starred (`starred`), to save."""

    marks: tuple[tuple[str, str, str], ...]
    flagged: int = 0
    """How many items newsboat had flagged (its letters mean what each user gives them: not
    carried over)."""
    source: str = "newsboat"
    starred: tuple[SavedLink, ...] = ()
    """The articles it had starred, by their link and title, to save."""
    star: str = "important"
    """What `source` calls a star ("important", nom's "favourite")."""
    deleted: int = 0
    """Items newsboat's user deleted unread, among `marks`: marked read here."""
    flag_letters: str = ""
    """The letters of newsboat's flags on the items counted in `flagged`."""
    tagged_alone: int = 0
    """Of `starred`, those the reader tagged and did not star (lemon24's reader's entry tags):
    saved to carry their tags, as `reader tag` saves the article it files."""
    valued_tags: tuple[tuple[str, str], ...] = ()
    """Tags with a value (lemon24's reader's), which has no counterpart here: (the feed's
    address, or "" for an entry's tag; the tag). Said when this import filed one
    (`lemon24_library.left_out`)."""
    updates_disabled: tuple[str, ...] = ()
    """The feeds whose updates it had disabled, by address: every sync fetches them here.
    Said of those this import subscribed to."""
    unlinked_stars: int = 0
    """Starred items with no web address: nothing to save."""
    texts: tuple[tuple[str, str], ...] = ()
    """Read items it named by their text alone (newsraft's of no GUID, link nor title, named
    by a hash of their content): (feed address, the item's text as `item_text` makes it)."""
    _by_feed: dict[str, tuple[set[str], set[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _grouped: dict[str, list[tuple[str, str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _by_text: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _texts_grouped: dict[str, set[str]] = field(default_factory=dict, compare=False, repr=False)
    """`texts` by their feed's canonical address, and by each feed's address as asked, made
    once (as `_grouped`)."""
    """The (GUID, link) marks by their feed's canonical address ("" for any feed), made once:
    read again for each feed, a database of 100,000 read items and its 200 feeds canonicalised
    twenty million addresses."""

    def __len__(self) -> int:
        return len(self.marks)

    def read_ones(self, entries: Iterable[Entry]) -> list[Entry]:
        """The `entries` `source` had read: by their id, else by their link."""
        return [entry for entry in entries if self._matches(entry)]

    def _matches(self, entry: Entry) -> bool:
        ids, links = self._of(entry.feed_url)
        if entry.id in ids:
            return True
        if entry.link and canonical_url(entry.link) in links:
            return True
        texts = self._texts_of(entry.feed_url)
        return bool(texts) and any(
            item_text(text) in texts for text in (entry.summary, entry.content) if text
        )

    def _texts_of(self, feed_url: str) -> frozenset[str]:
        if not self.texts:
            return frozenset()
        if (known := self._by_text.get(feed_url)) is None:
            if not self._texts_grouped:  # each feed's address canonicalised once, as `_group`
                canonical: dict[str, str] = {}
                for feed, text in self.texts:
                    if feed not in canonical:
                        canonical[feed] = canonical_url(feed)
                    self._texts_grouped.setdefault(canonical[feed], set()).add(text)
            known = frozenset(self._texts_grouped.get(canonical_url(feed_url), ()))
            self._by_text[feed_url] = known
        return known

    def _of(self, feed_url: str) -> tuple[set[str], set[str]]:
        if (known := self._by_feed.get(feed_url)) is None:
            grouped = self._group()
            ids: set[str] = set()
            links: set[str] = set()
            own = grouped.get(canonical_url(feed_url))
            for guid, link in (own or []) + grouped.get("", []):
                ids.add(entry_id(feed_url, guid))
                links.update(canonical_url(url) for url in (link, guid) if "://" in url)
            if own is None and grouped:
                # A feed the other reader had at another address (`?format=rss`, http for
                # https, a feedburner one): its items found by their links among all it had
                # read, as the `-E` list's are (acc43a A16: none was marked).
                links |= self._every_link()
            known = self._by_feed[feed_url] = (ids, links)
        return known

    def _every_link(self) -> set[str]:
        """The links (and link-shaped GUIDs) of every read item, of any feed, made once."""
        if (every := self._by_feed.get(_EVERY)) is None:
            links = {
                canonical_url(url)
                for items in self._group().values()
                for guid, link in items
                for url in (link, guid)
                if "://" in url
            }
            every = self._by_feed[_EVERY] = (set(), links)
        return every[1]

    def _group(self) -> dict[str, list[tuple[str, str]]]:
        if not self._grouped and self.marks:
            canonical: dict[str, str] = {}  # each feed's address canonicalised once
            for feed, guid, link in self.marks:
                if feed not in canonical:
                    canonical[feed] = canonical_url(feed) if feed else ""
                self._grouped.setdefault(canonical[feed], []).append((guid, link))
        return self._grouped


def starred_links(
    rows: Iterable[tuple[object, object]],
) -> tuple[tuple[SavedLink, ...], int]:
    """The (link, title) rows of starred items as links to save, each once (a name and
    password in one dropped, as an export's are), and how many have no http(s) address."""
    links: dict[str, SavedLink] = {}
    unlinked = 0
    for link, title in rows:
        if not isinstance(link, str) or not is_web_url(link):
            unlinked += 1
            continue
        text = safe_line(title, 500) if isinstance(title, str) else ""
        link = without_credentials(link)
        links.setdefault(link, SavedLink(link, text))
    return tuple(links.values()), unlinked
