"""What the lists show, held in memory: every headline, the feeds and their unread counts, and
the saved articles no feed lists (the "Saved" view shows them with the feeds' saved ones).

The app loads this snapshot from the `Library` in a thread (reading thousands of entries from the
store is disk work; at the start, the newest headlines first, `first`, then every one) and then
keeps it current with small in-memory edits (read flags, articles arriving in the cache), so
switching feeds or toggling a flag never waits on the disk.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from copy import copy
from dataclasses import dataclass, field, replace
from heapq import merge
from itertools import chain, filterfalse
from operator import attrgetter
from typing import Any

from ..collation import by_title
from ..feed_names import folded
from ..feed_order import ordered_feeds
from ..feed_tags import Folder, folder_key, folder_keys, folder_members, tag_members
from ..keys import article_key
from ..library import Library
from ..models import Feed
from ..plural import plural
from ..reports import (
    Headline,
    article_of,
    merged_newest_first,
    newest_first,
    newest_saved_first,
    one_each,
)
from ..search_feeds import SearchFeed

_is_read = attrgetter("read")
_is_saved = attrgetter("saved")

SAVED_VIEW = "reader:saved"
"""The view of every saved article not archived (the reading list), where a feed's address
names that feed's (no feed's address is this: a feed is subscribed at an http(s) address)."""
ARCHIVE_VIEW = "reader:archive"
"""The view of the saved articles archived: done with, kept (`Library.archive`)."""
LIBRARY_VIEWS = (SAVED_VIEW, ARCHIVE_VIEW)
"""The views of saved articles, a feed's or not: never shown unread only, each row naming its
source, a row that leaves the view kept in it until the view is left."""
TAG_VIEW = "reader:tag:"
"""What a tag's view is named by, the tag after it (`tag_view`): the headlines of every feed
filed under the tag together, and the saved articles filed under it."""


FOLDER_VIEW = "reader:folder:"
"""What a folder's view is named by, its path after it (`folder_view`): the headlines of the
feeds in it and in the folders in it (`feed_tags.folder_members`)."""
_FOLDER_STEP = "\x1f"
"""Between a folder path's names in its view: no name holds a control character (`clean_tag`)."""


SEARCH_FEED_VIEW = "reader:find:"
"""What a search feed's view is named by, its name after it (`search_feed_view`): the headlines
its words find (`search_feeds`), as `F` finds them."""


def to_fetch(headline: Headline) -> bool:
    """The headline's article is not available offline and a sync is to cache it: not one
    whose link is no article page (a PDF: never cached), nor one the cache's size limit left
    out (fetched when opened)."""
    return not headline.cached and not headline.not_article and not headline.left_out


def search_feed_view(name: str) -> str:
    return SEARCH_FEED_VIEW + name


def view_search_feed(view: str | None) -> str | None:
    """The name of the search feed `view` is of; None for any other view."""
    if view is not None and view.startswith(SEARCH_FEED_VIEW):
        return view[len(SEARCH_FEED_VIEW) :]
    return None


def tag_view(tag: str) -> str:
    """The view of the feeds filed under `tag`."""
    return TAG_VIEW + tag


def view_tag(view: str | None) -> str | None:
    """The tag `view` is of; None for a feed's view, "All feeds" or "Saved"."""
    return view[len(TAG_VIEW) :] if view is not None and view.startswith(TAG_VIEW) else None


def folder_view(path: Folder) -> str:
    """The view of the folder at `path` (outermost first)."""
    return FOLDER_VIEW + _FOLDER_STEP.join(path)


def view_folder(view: str | None) -> Folder | None:
    """The folder path `view` is of; None for any other view."""
    if view is not None and view.startswith(FOLDER_VIEW):
        return tuple(view[len(FOLDER_VIEW) :].split(_FOLDER_STEP))
    return None


def of_feeds(view: str | None) -> bool:
    """Whether `view` is a tag's or a folder's: the headlines of several feeds, each row
    naming its feed, no one feed's."""
    return view_tag(view) is not None or view_folder(view) is not None


@dataclass
class HeadlineIndex:
    """Headlines of every feed, newest first, with per-feed views and counts."""

    feeds: list[Feed] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    unlisted: list[Headline] = field(default_factory=list)
    """Saved articles no feed lists (`Library.headlines_and_unlisted`), newest first: in the
    saved view only, and kept there (marked unsaved) until the next load."""
    whole: bool = True
    """False while it holds only the newest headlines (`first`), the rest being read: every
    view a prefix of its whole list, every count short."""
    feed_order: str = "subscribed"
    """The order of `feeds` (`[ui] feed_order`): they are kept in it, as they come in too."""
    search_feeds: tuple[SearchFeed, ...] = ()
    """The search feeds (`Library.search_feeds`: the config's and those kept in the data
    directory), read with the headlines; the reader's own `S` and removal change them here."""
    stories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """An article's key → the keys of the same story at other addresses, as the headlines
    were read (`Library.one_story_keys`: a Google News link that ended at the outlet's story
    the outlet's feed lists): rows of their own, each "also in" the other's feed."""
    _position_index: dict[str, int] | None = field(init=False, repr=False)
    """Entry id → position in `headlines`, for the in-place edits below (`_positions`); None
    until asked for, in an index `with_feeds` made (feeds coming in one after another)."""
    _unlisted_positions: dict[str, int] = field(init=False, repr=False)
    """The same for `unlisted`."""
    _found: dict[str, Headline] = field(init=False, repr=False)
    """By entry id, the hits of a search that no headline is (`hold_found`): cached articles
    whose feed dropped them or was removed, which `F` and a search feed find. Held so that a
    read mark of one (`m`, `A`) is kept and shown, and counted in its search feed's row, as a
    headline's is; in no view, and in no count of a feed or of Saved."""
    _unread: Counter[str] = field(init=False, repr=False)
    """Unread headlines per feed URL, kept current by the edits (not recounted per key)."""
    _cached_in: Counter[str] = field(init=False, repr=False)
    """Headlines whose article is available offline, per feed URL, kept current the same way."""
    _listed_in: Counter[str] = field(init=False, repr=False)
    """Headlines per feed URL (a list shown unread only says how many it has in all)."""
    _to_fetch_in: Counter[str] = field(init=False, repr=False)
    """Headlines whose article a sync is to cache (`to_fetch`), per feed URL, kept current as
    `_cached_in` is."""
    _by_link: dict[str, str] | None = field(init=False, repr=False)
    """Canonical link → entry id (`by_link`); made again by `with_feeds` for the feeds it
    brings (`_relinked`), None until asked for where it could not be."""
    _shared: dict[str, tuple[str, ...]] | None = field(init=False, repr=False, default=None)
    """Canonical link → the ids of every headline of it, for the links several list (two
    feeds, or one under two ids): made with `_by_link`, None with it (`same_article`)."""
    _hidden: tuple[dict[str, tuple[str, ...]] | None, frozenset[str]] | None = field(
        init=False, repr=False, default=None
    )
    """`_listed_first_elsewhere`, with the `_shared` it was made from."""
    _tags_of: tuple[list[Feed], dict[str, tuple[str, frozenset[str]]]] | None = field(
        init=False, repr=False, default=None
    )
    """The feeds' tags (`_tag_feeds`), with the list of feeds they were read from."""
    _folders_of: tuple[list[Feed], dict[Folder, frozenset[str]]] | None = field(
        init=False, repr=False, default=None
    )
    """The feeds' folders (`folder_urls`), with the list of feeds they were read from."""
    _articles_of: dict[str, tuple[str, tuple[str, ...]]] | None = field(
        init=False, repr=False, default=None
    )
    """Each tag of the saved articles, compared (`folded`) → as spelled, and the ids of the
    headlines filed under it (`_tagged_articles`); None until asked for, and after an edit of
    an article's tags."""
    _apart_of: (
        tuple[dict[str, tuple[str, tuple[str, ...]]], list[Feed], dict[str, tuple[str, ...]]] | None
    ) = field(init=False, repr=False, default=None)
    """`_apart_ids` of each tag, with the `_tagged_articles` and the feeds they were found
    for (held, so that neither is taken for another made since)."""
    _saved_rows: Counter[str] = field(init=False, repr=False)
    """Each saved article's key (`article_of`) → its rows (two feeds may list it): `saved`
    is how many keys, kept current by the edits as `_unread` is."""
    _archived_rows: Counter[str] = field(init=False, repr=False)
    """The same for the articles archived."""
    _newest_in: dict[str, float] = field(init=False, repr=False)
    """Each feed's newest headline's time (epoch seconds), for `feed_order` "newest"."""
    edits: int = field(init=False, repr=False, default=0)
    """How many in-place edits (`set_read`…) this index has had."""
    _edited: dict[str, int] = field(init=False, repr=False)
    """Entry id → the number of its last edit (`edits` then), for `with_feeds`."""
    _edit_log: list[str] = field(init=False, repr=False)
    """The entry id of each edit, in turn (`edited_since`): what a count kept beside the index
    (a search feed's unread hits) looks at again, not every id it counts."""

    def __post_init__(self) -> None:
        self._position_index = {h.entry.id: i for i, h in enumerate(self.headlines)}
        self._unlisted_positions = {h.entry.id: i for i, h in enumerate(self.unlisted)}
        self._found = {}
        self._edited = {}
        self._edit_log = []
        # Here, in the thread that loads the index, not on the event loop at the first Tab on
        # a link; each headline's key as the store keeps it (made canonical again, 12,000
        # links took half a second before the first paint).
        self._by_link, self._shared = self._links()
        self._tagged_articles()  # here too: ~5 ms of the 40,000 at the first count of a row
        self._unread = Counter(h.entry.feed_url for h in self.headlines if not h.read)
        self._cached_in = Counter(h.entry.feed_url for h in self.headlines if h.cached)
        # Readable offline too ("the 2 cached articles stay readable" with 9 cached: acc31c W7).
        self._cached_in[""] = sum(h.cached for h in self.unlisted)
        self._listed_in = Counter(h.entry.feed_url for h in self.headlines)
        # `to_fetch` written out: a call per headline took a third longer to make the index.
        self._to_fetch_in = Counter(
            h.entry.feed_url
            for h in self.headlines
            if not (h.cached or h.not_article or h.left_out)
        )
        self._saved_rows, self._archived_rows = Counter(), Counter()
        library = (self._saved_rows, self._archived_rows)
        _count_rows(library, filter(_is_saved, chain(self.headlines, self.unlisted)), 1)
        self._newest_in = _newest_of(self.headlines) if self.feed_order == "newest" else {}
        self.feeds = ordered_feeds(self.feeds, self.feed_order, self._newest_in)

    @property
    def cached(self) -> int:
        """Headlines whose article is available offline, an article several feeds list once
        (as "All feeds" lists it and `unread_in` counts it: "14 unread of 15 · 20 available
        offline" with 5 in two feeds, acc51a A12), and saved articles no feed lists."""
        hidden = self._listed_first_elsewhere()
        twice = sum(1 for i in hidden if (h := self.get(i)) is not None and h.cached)
        return self._cached_in.total() - twice

    def offline_in(self, feed_url: str) -> tuple[int, int]:
        """Of a feed's headlines, how many have their article available offline, and how
        many there are: "12 of 40 offline" under its list (acc45 A6)."""
        return self._cached_in[feed_url], self._listed_in[feed_url]

    def short_of_offline(self) -> frozenset[str]:
        """The feeds with articles a sync is to cache (`to_fetch`): the feed list's mark
        (`TO_FETCH_MARK`). From the counts kept as headlines change, no headline read: 200
        feeds' at each change a sync makes (benchmarks/feed_list_marks.py)."""
        return frozenset(url for url, count in self._to_fetch_in.items() if count > 0)

    @property
    def saved(self) -> int:
        """Saved articles, a feed's or not, archived or not: each once, however many feeds
        list it (`one_each`)."""
        return len(self._saved_rows)

    @property
    def archived(self) -> int:
        """Saved articles archived (the archive's count; its row is shown when there is one),
        each once as `saved` counts them."""
        return len(self._archived_rows)

    def saved_note(self, line: str) -> str:
        """`line`, saying there is no feed yet, after where the saved articles are (when one
        is): six saved were one row away, unsaid (acc31c W7); after the line, they were what a
        pane of 120 columns cut (acc32a A16)."""
        saved = self.saved
        if not saved:
            return line
        are = "is" if saved == 1 else "are"
        return f"Your {plural(saved, 'saved article')} {are} in Saved. {line}"

    @property
    def _positions(self) -> dict[str, int]:
        if self._position_index is None:
            self._position_index = {h.entry.id: i for i, h in enumerate(self.headlines)}
        return self._position_index

    def _links(self) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """`_by_link` and `_shared`, in one pass."""
        by_link: dict[str, str] = {}
        shared: dict[str, tuple[str, ...]] = {}
        for headline in (*self.headlines, *self.unlisted):  # newest first: the first stays
            if key := article_of(headline):
                first = by_link.setdefault(key, headline.entry.id)
                if first != headline.entry.id:
                    shared[key] = (*shared.get(key, (first,)), headline.entry.id)
        return by_link, shared

    def same_article(self, entry_id: str) -> list[str]:
        """`entry_id`, then the ids of the other headlines of its article (its link listed by
        another feed too): its saved mark, tags and archive mark are theirs (the store keeps
        them by the article), and its read mark the other feeds' (`set_read_everywhere`)."""
        headline = self.get(entry_id)
        if headline is None or not headline.entry.link:
            return [entry_id]
        if self._shared is None:
            self._by_link, self._shared = self._links()
        others = self._shared.get(article_of(headline), ())
        return [entry_id, *(i for i in others if i != entry_id)]

    def _ids_of(self, key: str) -> tuple[str, ...]:
        """The ids of the headlines of the article of `key` (none when no feed lists it)."""
        if self._shared is None or self._by_link is None:
            self._by_link, self._shared = self._links()
        if (ids := self._shared.get(key)) is not None:
            return ids
        return (self._by_link[key],) if key in self._by_link else ()

    def _listed_first_elsewhere(self) -> frozenset[str]:
        """The ids of the rows "All feeds" leaves out: of an article several feeds list, the
        rows of the feeds other than its newest row's (`reports.across_feeds`); a feed's own
        rows of one page (a live page) all stay."""
        if self._hidden is not None and self._hidden[0] is self._shared:
            # Made again with the links, for a refresh's feeds by `with_feeds` (`_relinked`),
            # not after each feed it brings from the 40,000 (~50 ms of the event loop).
            return self._hidden[1]
        if self._shared is None:
            self._by_link, self._shared = self._links()
        hidden: set[str] = set()
        for ids in self._shared.values():
            hidden.update(_left_out([h for i in ids if (h := self.get(i)) is not None]))
        self._hidden = (self._shared, frozenset(hidden))
        return self._hidden[1]

    def _relinked(
        self, urls: Collection[str], fresh: list[Headline]
    ) -> tuple[dict[str, str], dict[str, tuple[str, ...]], frozenset[str]] | None:
        """`_by_link`, `_shared` and `_listed_first_elsewhere` with the headlines of the feeds
        at `urls` replaced by `fresh` (`with_feeds`): the articles of those feeds' rows looked
        at again, not the 40,000. Held as they were over a refresh's fill, an article a feed
        brought that another lists was listed twice in "All feeds" until the next reload.
        None: this index has them to make (`_links`)."""
        if self._by_link is None or self._shared is None:
            return None
        hidden = set(self._listed_first_elsewhere())
        by_link, shared = dict(self._by_link), dict(self._shared)
        coming: dict[str, list[Headline]] = {}
        for headline in fresh:
            if key := article_of(headline):
                coming.setdefault(key, []).append(headline)
        fresh_ids = {h.entry.id for h in fresh}
        # A shared article one of these feeds listed and no longer does: looked at again too.
        for key, ids in self._shared.items():
            if key not in coming and any(
                i not in fresh_ids and (h := self.get(i)) is not None and h.entry.feed_url in urls
                for i in ids
            ):
                coming[key] = []
        for key, rows in coming.items():
            was = shared.get(key)
            if was is None and by_link.get(key) in (None, *(h.entry.id for h in rows)):
                ids: tuple[str, ...] = tuple(h.entry.id for h in rows)  # these feeds' alone
            else:
                hidden.difference_update(was or ())
                old = (self.get(i) for i in (was or (by_link[key],)))
                kept = [h for h in old if h is not None and h.entry.feed_url not in urls]
                # As `_links` orders them: the feeds' rows newest first (the earlier among
                # equals, as `merged_newest_first`), then those no feed lists.
                kept += rows
                kept.sort(key=self._link_order)
                hidden.update(_left_out(kept))
                ids = tuple(h.entry.id for h in kept)
            if ids:
                by_link[key] = ids[0]
            else:
                by_link.pop(key, None)
            if len(ids) > 1:
                shared[key] = ids
            else:
                shared.pop(key, None)
        return by_link, shared, frozenset(hidden)

    def _link_order(self, headline: Headline) -> tuple[bool, float]:
        return headline.entry.id in self._unlisted_positions, newest_first(headline)

    def also_in(self, entry_id: str) -> list[str]:
        """The addresses of the other feeds listing the article of the headline `entry_id`."""
        headline = self.get(entry_id)
        if headline is None:
            return []
        rows = [self.get(i) for i in self.same_article(entry_id)[1:]]
        for key in self.stories.get(article_of(headline), ()):
            rows += (self.get(i) for i in self._ids_of(key))
        own = headline.entry.feed_url
        urls = (h.entry.feed_url for h in rows if h is not None)
        return list(dict.fromkeys(u for u in urls if u not in (own, "")))

    def unread_in(self, feed_url: str | None) -> int:
        """Unread headlines of one feed, of all when `feed_url` is None (an article several
        feeds list once), of a tag's view or of the saved view."""
        if feed_url is None and (hidden := self._listed_first_elsewhere()):
            twice = sum(1 for i in hidden if (h := self.get(i)) is not None and not h.read)
            return self._unread.total() - twice
        if feed_url in LIBRARY_VIEWS:
            return sum(not h.read for h in self.view(feed_url))
        if (folder := view_folder(feed_url)) is not None:
            return sum(self._unread[url] for url in self.folder_urls(folder))
        if (tag := view_tag(feed_url)) is not None:
            apart = (self.get(entry_id) for entry_id in self._apart_ids(tag))
            return sum(self._unread[url] for url in self.tagged_urls(tag)) + sum(
                h is not None and not h.read for h in apart
            )
        return self._unread.total() if feed_url is None else self._unread[feed_url]

    def tagged_urls(self, tag: str) -> frozenset[str]:
        """The addresses of the feeds filed under `tag`."""
        return self._tag_feeds().get(folded(tag), ("", frozenset()))[1]

    def folder_urls(self, path: Folder) -> frozenset[str]:
        """The addresses of the feeds in the folder at `path`, and in the folders in it."""
        if self._folders_of is None or self._folders_of[0] is not self.feeds:
            filed = ((feed.url, folder_keys(feed)) for feed in self.feeds if feed.folders)
            self._folders_of = (self.feeds, folder_members(filed))
        return self._folders_of[1].get(folder_key(path), frozenset())

    def tags(self) -> list[tuple[str, int]]:
        """Every tag of the feeds and of the saved articles, ordered as the feed list by name
        (`collation.by_title`; a feed's spelling first), with the unread headlines of its view."""
        spelled = {key: tag for key, (tag, _ids) in self._tagged_articles().items()}
        spelled.update((key, tag) for key, (tag, _urls) in self._tag_feeds().items())
        return [(tag, self.unread_in(tag_view(tag))) for tag in by_title(spelled.values())]

    def _tagged_articles(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Each tag of the saved articles, compared → as spelled, and the ids of the headlines
        filed under it, newest first: made once, not at each count of the feed list's rows."""
        if self._articles_of is None:
            found: dict[str, tuple[str, list[str]]] = {}
            for headline in (*self.headlines, *self.unlisted):
                for tag in headline.tags:
                    found.setdefault(folded(tag), (tag, []))[1].append(headline.entry.id)
            self._articles_of = {key: (tag, tuple(ids)) for key, (tag, ids) in found.items()}
        return self._articles_of

    def _retagged(
        self, urls: Collection[str], fresh: list[Headline]
    ) -> dict[str, tuple[str, tuple[str, ...]]]:
        """`_tagged_articles` with the headlines of the feeds at `urls` replaced by `fresh`."""
        found: dict[str, tuple[str, list[str]]] = {}
        for key, (tag, ids) in self._tagged_articles().items():
            kept = [
                i for i in ids if (h := self.get(i)) is not None and h.entry.feed_url not in urls
            ]
            if kept:
                found[key] = (tag, kept)
        for headline in fresh:
            for tag in headline.tags:
                found.setdefault(folded(tag), (tag, []))[1].append(headline.entry.id)
        return {key: (tag, tuple(ids)) for key, (tag, ids) in found.items()}

    def _articles_apart(self, tag: str) -> list[Headline]:
        """The headlines of the articles filed under `tag` that no feed filed under it lists,
        newest first: its view's besides its feeds'."""
        found = (self.get(entry_id) for entry_id in self._apart_ids(tag))
        # The feeds' and the unlisted ones, each newest first: one list newest first.
        return sorted((h for h in found if h is not None), key=newest_first)

    def _apart_ids(self, tag: str) -> tuple[str, ...]:
        """The ids of `_articles_apart`, found once for the articles' tags and the feeds as
        they are (the tag rows' counts take them in at every change the feed list shows)."""
        tagged = self._tagged_articles()
        if (
            self._apart_of is None
            or self._apart_of[0] is not tagged
            or self._apart_of[1] is not self.feeds
        ):
            self._apart_of = (tagged, self.feeds, {})
        key = folded(tag)
        ids = self._apart_of[2].get(key)
        if ids is None:
            urls = self.tagged_urls(tag)
            found = [h for i in tagged.get(key, ("", ()))[1] if (h := self.get(i)) is not None]
            # Every row of an article has its tags: one a feed of the tag lists is among
            # them, and is no row apart, nor are its other feeds' (`one_each`).
            listed = {article_of(h) for h in found if h.entry.feed_url in urls}
            rows = one_each(
                h for h in found if h.entry.feed_url not in urls and article_of(h) not in listed
            )
            ids = self._apart_of[2][key] = tuple(h.entry.id for h in rows)
        return ids

    def tags_apart(self) -> frozenset[str]:
        """The tags (as compared, `folded`) whose views list saved articles no feed of theirs
        lists: a folder of one of their names lists its feeds alone, so these keep a tag's row
        beside it (`folder_rows.grouped_section`)."""
        return frozenset(
            key for key, (tag, _ids) in self._tagged_articles().items() if self._apart_ids(tag)
        )

    def _tag_feeds(self) -> dict[str, tuple[str, frozenset[str]]]:
        """Each tag, compared (`folded`) → as spelled, and the addresses of its feeds: made
        once for a list of feeds, not at every count of the feed list's rows (each change
        of a flag: ~2 ms of the event loop for 60 feeds under 7 tags)."""
        if self._tags_of is None or self._tags_of[0] is not self.feeds:
            self._tags_of = (self.feeds, tag_members(self.feeds))
        return self._tags_of[1]

    def lists_feed(self, view: str | None, feed_url: str) -> bool:
        """Whether the list of `view` holds the headlines of the feed at `feed_url` (every
        list but "Saved" and a search's hits: those of its feeds)."""
        if view is None or view == feed_url:
            return True
        if (folder := view_folder(view)) is not None:
            return feed_url in self.folder_urls(folder)
        tag = view_tag(view)
        return tag is not None and feed_url in self.tagged_urls(tag)

    def has_headlines_of(self, feed_url: str) -> bool:
        """The index holds headlines of the feed at `feed_url` (a feed added in another window
        meanwhile, or one that has none, holds none)."""
        return self._listed_in[feed_url] > 0

    def count_in(self, feed_url: str | None) -> int:
        """Headlines of one feed, read or not; of all when `feed_url` is None, of a tag's
        feeds for its view."""
        if (folder := view_folder(feed_url)) is not None:
            return sum(self._listed_in[url] for url in self.folder_urls(folder))
        if (tag := view_tag(feed_url)) is not None:
            listed = sum(self._listed_in[url] for url in self.tagged_urls(tag))
            return listed + len(self._apart_ids(tag))
        if feed_url is None:
            hidden = self._listed_first_elsewhere()
            return len(self.headlines) - sum(self.get(i) is not None for i in hidden)
        return self._listed_in[feed_url]

    @classmethod
    def load(
        cls, library: Library, feed_order: str = "subscribed", kept: Collection[Headline] = ()
    ) -> HeadlineIndex:
        """Read everything from the store (blocking: call it from a thread), with the rows of
        `kept` the store no longer lists (unsaved in "Saved", shown till it is left) among the
        unlisted: read again without them, "Saved" drew itself short of the row under the
        cursor, and `s` again unsaved another article (acc32a A20)."""
        headlines, unlisted = library.headlines_and_unlisted()
        if kept:
            listed = {h.entry.id for h in headlines} | {h.entry.id for h in unlisted}
            if gone := [h for h in kept if h.entry.id not in listed]:
                gone.sort(key=newest_first)
                unlisted = list(merge(unlisted, gone, key=newest_first))
        searches = library.search_feeds()
        return cls(
            library.feeds(),
            headlines,
            unlisted,
            feed_order=feed_order,
            search_feeds=searches,
            stories=library.one_story_keys(),
        )

    @classmethod
    def first(
        cls, library: Library, count: int, unread_only: bool, feed_order: str = "subscribed"
    ) -> HeadlineIndex:
        """The newest `count` headlines of every feed's list (of its unread ones: `unread_only`),
        to draw before the rest is read (`whole` when they were all there is; blocking)."""
        headlines, unlisted = library.first_headlines(count, unread_only)
        whole = unlisted is not None
        searches = library.search_feeds()
        # The first screen of a big library goes without `stories`: `load` reads them with
        # every headline; one whose headlines are all here has no `load` after it.
        stories = library.one_story_keys() if whole else {}
        return cls(library.feeds(), headlines, unlisted or [], whole, feed_order, searches, stories)

    def take_edits(self, first: HeadlineIndex, since: int = 0) -> None:
        """Keep the flags edited in `first` (read, saved, cached while the rest was read) in
        this index of every headline: the edit may be newer than the store this was read from.
        Only those after its `since`th edit: the store this was read from had those before."""
        for entry_id, number in first._edited.items():
            if number <= since:
                continue
            if (edited := first.get(entry_id)) is not None:
                self._edit(
                    entry_id,
                    read=edited.read,
                    saved=edited.saved,
                    cached=edited.cached,
                    partial=edited.partial,
                    not_article=edited.not_article,
                    left_out=edited.left_out,
                    updated=edited.updated,
                    tags=edited.tags,
                    archived=edited.archived,
                    saved_at=edited.saved_at,
                )

    def with_feeds(
        self, feeds: list[Feed], urls: Collection[str], fresh: list[Headline], since: int
    ) -> HeadlineIndex:
        """This index with the headlines of the feeds at `urls` replaced by `fresh` (read
        from the store, newest first) and the feeds by `feeds`: a list filled in feed by feed
        as a refresh brings them. On the event loop, so in steps that cost little at 12,000
        headlines: the counts and forms of the others are kept, not worked out again.

        An entry edited here after the `since`th edit (the store was read meanwhile) keeps
        its flags from here: the edit is newer than the read."""
        edited = {i for i, n in self._edited.items() if n > since}

        def flagged(headline: Headline) -> Headline:
            now = self.get(headline.entry.id) if headline.entry.id in edited else None
            return headline if now is None else replace(now, entry=headline.entry)

        if edited:
            fresh = [flagged(h) for h in fresh]
        # Only rows read again (feeds unchanged, failed): the 40,000 headlines not sifted.
        kept = (
            [h for h in self.headlines if h.entry.feed_url not in urls] if urls else self.headlines
        )
        index = copy(self)
        if self.feed_order == "newest":
            index._newest_in = {u: t for u, t in self._newest_in.items() if u not in urls}
            index._newest_in.update(_newest_of(fresh))
        index.feeds = ordered_feeds(feeds, self.feed_order, index._newest_in)
        index.headlines = merged_newest_first(kept, fresh)
        index.unlisted = list(self.unlisted)
        index._unlisted_positions = dict(self._unlisted_positions)
        index._found = dict(self._found)
        counts = (self._unread, self._cached_in)
        index._unread, index._cached_in = (Counter(c) for c in counts)
        index._listed_in = Counter(self._listed_in)
        index._to_fetch_in = Counter(self._to_fetch_in)
        for url in urls:  # these feeds' counts: of their fresh headlines only
            del index._unread[url], index._cached_in[url]
            del index._listed_in[url], index._to_fetch_in[url]
        index._listed_in.update(h.entry.feed_url for h in fresh)
        index._to_fetch_in.update(h.entry.feed_url for h in fresh if to_fetch(h))
        index._unread.update(h.entry.feed_url for h in fresh if not h.read)
        index._cached_in.update(h.entry.feed_url for h in fresh if h.cached)
        # Only rows read again: every headline where it was (the list a copy, not re-made).
        index._position_index = None if urls else self._position_index
        relinked = self._relinked(urls, fresh) if urls else None
        if relinked is not None:  # made for these feeds' rows only, not the 40,000
            index._by_link, index._shared, hidden = relinked
            index._hidden = (index._shared, hidden)
        elif urls:
            index._by_link = index._shared = index._hidden = None
        # The rows of these feeds' saved articles replaced by those of `fresh`: the saved
        # few sifted in C, not the 40,000 in a loop.
        gone = (h for h in filter(_is_saved, self.headlines) if h.entry.feed_url in urls)
        library = index._saved_rows, index._archived_rows = (
            Counter(self._saved_rows),
            Counter(self._archived_rows),
        )
        _count_rows(library, gone, -1)
        _count_rows(library, filter(_is_saved, fresh), 1)
        # Its feeds' articles' tags replaced by those of `fresh`, not gathered again from the
        # 40,000: a refresh brings feed after feed (~10 ms each on a loaded machine).
        index._articles_of = self._retagged(urls, fresh) if self._articles_of is not None else None
        index.edits, index._edited, index._edit_log = 0, {}, []
        return index

    def view(self, feed_url: str | None) -> list[Headline]:
        """The headlines of one feed, of all when `feed_url` is None, of the feeds filed under
        a tag (`tag_view`), or every saved article (`SAVED_VIEW`), newest first."""
        if feed_url is None:
            if hidden := self._listed_first_elsewhere():
                return [h for h in self.headlines if h.entry.id not in hidden]
            return list(self.headlines)
        if feed_url == SAVED_VIEW:
            return self.saved_view()
        if feed_url == ARCHIVE_VIEW:
            return self.archive_view()
        if (folder := view_folder(feed_url)) is not None:
            urls = self.folder_urls(folder)
            return [h for h in self.headlines if h.entry.feed_url in urls]
        if (tag := view_tag(feed_url)) is not None:
            urls = self.tagged_urls(tag)
            feeds = [h for h in self.headlines if h.entry.feed_url in urls]
            return merged_newest_first(feeds, self._articles_apart(tag))
        return [h for h in self.headlines if h.entry.feed_url == feed_url]

    def saved_view(self, keep: Collection[str] = ()) -> list[Headline]:
        """Every saved article not archived, and those of `keep` (entry ids) saved or not,
        the last saved first: the saved view as shown, which keeps the rows unsaved (or
        archived) while it is shown (`s` again saves one back)."""

        def listed(headline: Headline) -> bool:
            return (headline.saved and not headline.archived) or headline.entry.id in keep

        return _by_saving(filter(listed, chain(self.headlines, self.unlisted)))

    def archive_view(self, keep: Collection[str] = ()) -> list[Headline]:
        """Every saved article archived, and those of `keep` (entry ids), the last saved
        first: the archive as shown, which keeps the rows taken out of it while it is shown."""

        def listed(headline: Headline) -> bool:
            return (headline.saved and headline.archived) or headline.entry.id in keep

        return _by_saving(filter(listed, chain(self.headlines, self.unlisted)))

    def unread_view(self, feed_url: str | None, keep: Collection[str] = ()) -> list[Headline]:
        """The unread headlines of one feed (of all when `feed_url` is None), and those of
        `keep` (entry ids) read or not, newest first: a list shown unread only, which keeps
        the rows read while it is shown (they don't vanish under the reader's eyes)."""
        if feed_url is not None:  # a thousand or two: as `view` costs
            return [h for h in self.view(feed_url) if not h.read or h.entry.id in keep]
        # Every feed's 40,000 on the event loop at each reload: filtered in C, the few kept put
        # back where they stand (a comprehension took ~10 ms, ~50 ms on a loaded machine).
        headlines, rows, start = self.headlines, [], 0
        for at in sorted(p for i in keep if (p := self._positions.get(i)) is not None):
            rows += filterfalse(_is_read, headlines[start:at])
            rows.append(headlines[at])
            start = at + 1
        rows += filterfalse(_is_read, headlines[start:])
        if hidden := self._listed_first_elsewhere():  # an article several feeds list, once
            return [h for h in rows if h.entry.id not in hidden]
        return rows

    def edited_since(self, edits: int) -> list[str]:
        """The ids of the headlines edited since this index had `edits` edits (one edited
        twice: twice)."""
        return self._edit_log[edits:]

    def unread_counts(self) -> Counter[str]:
        """Unread headlines per feed URL."""
        return Counter(self._unread)

    def get(self, entry_id: str) -> Headline | None:
        position = self._positions.get(entry_id)
        if position is not None:
            return self.headlines[position]
        position = self._unlisted_positions.get(entry_id)
        return self._found.get(entry_id) if position is None else self.unlisted[position]

    def hold_found(self, hits: Iterable[Headline]) -> None:
        """Hold the hits of a search that no headline of the index is (`_found`), each as the
        search found it unless held already (a mark made since is newer than the search's
        read of the store)."""
        for headline in hits:
            if self.get(headline.entry.id) is None:
                self._found[headline.entry.id] = headline

    def by_link(self, url: str) -> Headline | None:
        """The headline whose article is at `url` (its canonical form), if any feed has it:
        the newest, when several do."""
        if self._by_link is None:
            self._by_link, self._shared = self._links()
        entry_id = self._by_link.get(article_key(url)) if url else None
        return None if entry_id is None else self.get(entry_id)

    def set_read(self, entry_id: str, read: bool) -> Headline | None:
        """Record a read flag; returns the updated headline (None if unknown)."""
        return self._edit(entry_id, read=read)

    def set_read_everywhere(self, entry_id: str, read: bool) -> list[Headline]:
        """Record a read flag of a headline and of the other feeds' headlines of its article
        (as the store marks them: `Store.mark_elsewhere`); the headlines changed. Not its
        feed's other rows of one page (a live page): each its own."""
        headline = self.get(entry_id)
        if headline is None:
            return []
        ids = [entry_id, *self._elsewhere(headline)]
        edited = (self._edit(i, read=read) for i in ids)
        return [h for h in edited if h is not None]

    def _elsewhere(self, headline: Headline) -> list[str]:
        """The ids of the other feeds' headlines of the article of `headline`."""
        own = headline.entry.feed_url
        if not own or not headline.entry.link:
            return []
        rows = (self.get(i) for i in self.same_article(headline.entry.id)[1:])
        return [h.entry.id for h in rows if h is not None and h.entry.feed_url not in (own, "")]

    def with_elsewhere(self, headlines: Iterable[Headline]) -> list[Headline]:
        """`headlines` and the other feeds' headlines of their articles, each once."""
        out = {h.entry.id: h for h in headlines}
        for headline in list(out.values()):
            for entry_id in self._elsewhere(headline):
                if entry_id not in out and (other := self.get(entry_id)) is not None:
                    out[entry_id] = other
        return list(out.values())

    def set_saved(self, entry_id: str, saved: bool) -> list[Headline]:
        """Record that an article is kept for good (or no longer: its tags went with it): the
        headlines changed, each of it (`same_article`)."""
        if saved:
            return self._edit_article(entry_id, saved=True)
        return self._edit_article(entry_id, saved=False, tags=(), archived=False)

    def set_archived(self, entry_id: str, archived: bool) -> list[Headline]:
        """Record that an article is archived (saved, the headline acted on read) or no
        longer (still saved): the headlines changed, each of it (`same_article`)."""
        if not archived:
            return self._edit_article(entry_id, archived=False)
        self._edit_article(entry_id, saved=True, archived=True)
        # Read as the store marks it (`Library.archive`): its article, in every feed.
        self.set_read_everywhere(entry_id, True)
        return [h for i in self.same_article(entry_id) if (h := self.get(i)) is not None]

    def set_tags(
        self, entry_id: str, tags: tuple[str, ...], saved: bool = True, at: float = 0.0
    ) -> list[Headline]:
        """Record the tags an article is filed under now (saved: a tag saves it, at `at`
        when given, else now, when it was not): the headlines changed, each of it
        (`same_article`)."""
        if at and saved:
            return self._edit_article(entry_id, saved=True, tags=tags, saved_at=at)
        return self._edit_article(entry_id, saved=saved, tags=tags)

    def _edit_article(
        self, entry_id: str, **changes: bool | tuple[str, ...] | float
    ) -> list[Headline]:
        """`_edit` of every headline of the article of `entry_id` (`same_article`)."""
        edited = (self._edit(i, **changes) for i in self.same_article(entry_id))
        return [headline for headline in edited if headline is not None]

    def set_cached(
        self, entry_id: str, cached: bool = True, partial: bool = False, taken_down: bool = False
    ) -> Headline | None:
        """Record that an article is now available offline (or, found gone, no longer), and
        whether only `partial`ly, and whether its page was since `taken_down` (the copy opened
        says so); opened so, a change a sync found in it is no news now."""
        return self._edit(
            entry_id,
            cached=cached,
            partial=partial and cached,
            updated=False,
            taken_down=taken_down and cached,
        )

    def recached(self, fresh: list[Headline]) -> tuple[list[Headline], bool]:
        """Record the articles cached (or no longer) as `Library.recached` read them: the
        headlines changed, and whether any moved (dated by its page now: the lists are to be
        drawn again, not only those rows). A headline gone meanwhile is passed over."""
        changed: list[Headline] = []
        moved = False
        for headline in fresh:
            entry_id = headline.entry.id
            now = self._edit(entry_id, cached=headline.cached, partial=headline.partial)
            if now is None:
                continue
            if now.entry.published != headline.entry.published:
                now = replace(now, entry=headline.entry)
                position = self._positions.get(entry_id)
                if position is not None:
                    self.headlines[position] = now
                    moved = True
            changed.append(now)
        if moved:
            self.headlines.sort(key=newest_first)  # nearly in order: a few ms at 10,000
            self._position_index = None
        return changed, moved

    def set_not_article(self, entry_id: str) -> Headline | None:
        """Record that an entry's link turned out to be no article page (a PDF, audio)."""
        return self._edit(entry_id, not_article=True)

    def _edit(self, entry_id: str, **changes: bool | tuple[str, ...] | float) -> Headline | None:
        if "tags" in changes and self._articles_of is not None:
            tags = changes["tags"]
            assert isinstance(tags, tuple)
            self._articles_of = _filed(self._articles_of, entry_id, tags)
        self.edits += 1
        self._edited[entry_id] = self.edits
        self._edit_log.append(entry_id)
        position = self._positions.get(entry_id)
        if position is None:
            return self._edit_unlisted(entry_id, **changes)
        old = self.headlines[position]
        headline = replace(old, **_saved_now(old, changes))
        self.headlines[position] = headline
        self._count_library(old, headline)
        feed_url = old.entry.feed_url
        self._unread[feed_url] += int(old.read) - int(headline.read)
        self._cached_in[feed_url] += int(headline.cached) - int(old.cached)
        self._to_fetch_in[feed_url] += int(to_fetch(headline)) - int(to_fetch(old))
        return headline

    def _count_library(self, old: Headline, new: Headline) -> None:
        """`saved` and `archived` counted again for a row edited from `old` to `new`."""
        if (old.saved, old.archived) != (new.saved, new.archived):
            library = (self._saved_rows, self._archived_rows)
            _count_rows(library, (old,), -1)
            _count_rows(library, (new,), 1)

    def _edit_unlisted(
        self, entry_id: str, **changes: bool | tuple[str, ...] | float
    ) -> Headline | None:
        # No feed's: in no feed's counts; among those available offline, under no feed ("").
        position = self._unlisted_positions.get(entry_id)
        if position is None:
            found = self._found.get(entry_id)
            if found is not None:  # in no count: its mark kept as shown
                self._found[entry_id] = found = replace(found, **_saved_now(found, changes))
            return found
        old = self.unlisted[position]
        headline = replace(old, **_saved_now(old, changes))
        self.unlisted[position] = headline
        self._count_library(old, headline)
        self._cached_in[""] += int(headline.cached) - int(old.cached)
        return headline


def _left_out(rows: list[Headline]) -> list[str]:
    """Of the rows of one article (newest first), the ids of those "All feeds" leaves out: the
    other feeds' than its first row's (`reports.across_feeds`); a feed's own rows of one page
    (a live page) all stay, as do those of no feed."""
    if not rows:
        return []
    first = rows[0].entry.feed_url
    return [h.entry.id for h in rows[1:] if h.entry.feed_url not in (first, "")]


def _filed(
    tagged: dict[str, tuple[str, tuple[str, ...]]], entry_id: str, tags: tuple[str, ...]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """`tagged` (`HeadlineIndex._tagged_articles`) with the headline `entry_id` filed under
    `tags` alone: one `#` edits it, not the 40,000 gathered again."""
    found = {
        key: (tag, tuple(i for i in ids if i != entry_id)) for key, (tag, ids) in tagged.items()
    }
    for tag in tags:
        spelled, ids = found.get(folded(tag), (tag, ()))
        found[folded(tag)] = (spelled, (*ids, entry_id))
    return {key: pair for key, pair in found.items() if pair[1]}


def _newest_of(headlines: Collection[Headline]) -> dict[str, float]:
    """Each feed's newest headline's time (epoch seconds) among `headlines`, newest first: its
    first, undated ones not counted."""
    newest: dict[str, float] = {}
    for headline in headlines:
        url = headline.entry.feed_url
        if url not in newest and (when := headline.entry.published or headline.entry.updated):
            newest[url] = when.timestamp()
    return newest


def _count_rows(
    counts: tuple[Counter[str], Counter[str]], rows: Iterable[Headline], step: int
) -> None:
    """Count `rows` in (`step` 1) or out (-1) of `counts`: per saved article (`article_of`)
    its rows saved, per archived one its rows archived (`HeadlineIndex._saved_rows`,
    `_archived_rows`); an article of no row left is taken out."""
    saved, archived = counts
    for headline in rows:
        key = article_of(headline) or headline.entry.id
        for counted, held in ((saved, headline.saved), (archived, headline.archived)):
            if held:
                counted[key] += step
                if counted[key] <= 0:
                    del counted[key]


def _by_saving(headlines: Iterable[Headline]) -> list[Headline]:
    """The saved articles of `headlines`, one row each, the last saved first: "Saved" is a
    queue, worked in the order things were put in it (acc43a A14: it was ordered by the
    pages' dates, those an import could not fetch by their time added, two clocks mixed).
    Sorted whole: a library's saved articles are a few thousand at most."""
    return one_each(sorted(headlines, key=newest_saved_first))


def _saved_now(old: Headline, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` to `old`, with when it was saved when they save it now (`s`, a tag), as the
    store records it. Saved before, it keeps its time; unsaved too, its row staying where it
    stood in the list shown (which keeps it till it is left)."""
    if "saved_at" in changes or not changes.get("saved") or old.saved:
        return changes
    return {**changes, "saved_at": time.time()}
