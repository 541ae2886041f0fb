"""The values that flow between layers: feeds, entries, articles and errors (errors.py holds
the errors, word_count.py how words are counted; both are offered here too). The extractor's
version, which an `Article` records, is in extractor_version.py.

Plain frozen dataclasses, stdlib only, so every layer (and a worker process) can use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum
from functools import cached_property
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlsplit

# Offered here too: every layer imports the errors and the word count from reader.models.
from .errors import FEED_TEXT_STANDS_IN as FEED_TEXT_STANDS_IN
from .errors import NO_CONNECTION as NO_CONNECTION
from .errors import UNREACHABLE as UNREACHABLE
from .errors import ErrorKind as ErrorKind
from .errors import FeedFailure as FeedFailure
from .errors import FetchError as FetchError
from .errors import StoreError as StoreError
from .errors import Unwritable as Unwritable
from .list_numbering import item_number
from .url_display import shown_url
from .urls import same_origin, with_password, with_user
from .word_count import IDEOGRAPHS as IDEOGRAPHS
from .word_count import count_unit as count_unit
from .word_count import words_in as words_in


class Reach(IntEnum):
    """How private an address is; a higher value is more private (`address_class` tells it
    of an address; here, with the models, so that they need none of its networking)."""

    PUBLIC = 0
    PRIVATE = 1  # a private network's: the LAN, a provider's CGNAT, link-local
    LOOPBACK = 2  # this computer's own

    @property
    def noun(self) -> str:
        return ("public", "private-network", "loopback")[self]


@dataclass(frozen=True)
class Response:
    """A completed download."""

    url: str  # after redirects
    status: int
    content_type: str  # the media type alone, lower-case ("text/html")
    charset: str | None  # from the Content-Type header only
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    encoding: str = ""  # Content-Encoding still on `body` (only with get(decode=False))
    refresh: str = ""  # a Refresh header, read as a page's meta refresh is (`meta_refresh`)
    date: str = ""  # the Date header: when the server says it answered (`dates.served_time`)
    age: str = ""  # the Age header: how long a cache on the way kept that answer
    # The most public class of address the request came through (`address_class`): how far
    # what the answer leads to (its links, its refresh) may go.
    reach: Reach = Reach.PUBLIC
    # Where the address asked for has moved for good: the last of the permanent redirects
    # (301, 308) it began with, "" when it began with none.
    moved: str = ""
    # The status the address asked for answered with as it sent the request on (301, 302:
    # its first redirect's), 0 when it answered itself: a story's page sent on to its site's
    # front page is said taken down with what it gave, not a 404 (acc47b F3).
    redirected_with: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


FEED_READING_VERSION = 6
"""The version of what a refresh reads of a feed's items (`Feed.read_with`): a feed whose
headlines an earlier one kept is asked for once without its ETag and Last-Modified, so that
the items it has not changed since (a 304 at every refresh) get what is read of them now.
1: enclosures, a podcast's audio (`enclosures`). 2: an item's discussion page (`comments`). 3: the
outlet an aggregator's item names (`source`), its name cut from the title's end, and a CMS's
account ("admin") left out of the author. 4: the date a feed claims for an item dated over an
hour ahead (`Entry.claimed`), kept apart from the date it is listed by. 5: a plain sitemap's
items headed by the titles of their pages cached (`Store.merge`'s `page_titles`) and its feed
marked to be so at each sync (acc46d D4: an older reader's stayed "P", a 304 reading none)."""


GONE_ASKED_EVERY = timedelta(days=7)
"""How long a feed whose address answered 410 Gone is left before it is asked again."""


@dataclass(frozen=True)
class Feed:
    """A subscription and what we last learned about it."""

    url: str
    title: str = ""
    site_url: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    problem: str | None = None  # what was odd about the last successful read (malformed XML…)
    # The class of address its last fetch came through (`address_class`): how far its links
    # may lead. None until fetched by a reader that kept it.
    reach: Reach | None = None
    name: str = ""
    """The name the user gave the feed (newsboat's `"~Name"`, `reader add --title`, `reader
    rename`), shown over its `title`, which stays the one the feed gives itself: a fetch never
    changes it (`feed_names`). "" for none, as in records from before names were kept."""
    moved_to: str = ""
    """Where the feed has moved for good (its address answered with a permanent redirect, 301
    or 308, to a feed that was read): fetched from there, one request and not two, and still
    read when the old address is turned off. Its subscription stays under `url` (its headlines'
    ids, marks and name are the same). "" when it has not moved."""
    password: str = ""
    """The password it is fetched and exported with (`fetched_url`): the one it was subscribed
    with, or the one `reader add` gave it since (the site's changed, or the first was
    mistyped). Never in `url`, the key every record of it is kept under (`Store.add_feed`,
    `urls.password_apart`): a password changed leaves no trace of the old. "" for none (a
    record an earlier reader wrote under an address holding it, read as it is)."""
    user: str = ""
    """The user name `reader add` gave it since it was subscribed without one (`reader add
    https://me@host/feed.xml` of `https://host/feed.xml`: the same feed, read with that account
    from now on): its subscription stays under `url` (its headlines' ids, marks and name are the
    same), and it is fetched and exported as this user at its own origin (`fetched_url`). ""
    when `url`'s own holds (or none)."""
    failing_since: datetime | None = None
    """When its fetches began failing (the first failure since it last worked), None while it
    works: "failing since March" tells a dead feed from a hiccup."""
    gone_at: datetime | None = None
    """When its address last answered 410 Gone (None when it did not): asked again only a week
    later (`GONE_ASKED_EVERY`), not at every sync."""
    failure: FeedFailure | None = None
    """What its last fetch failed on, in a word (`failing_feeds.kept_failure`); None while it
    works, and in a record from before it was kept, whose `last_error`'s words are read then."""
    failure_status: int = 0
    """The HTTP status its last fetch's failure answered with (404, 503); 0 for none (no
    answer, a web page answered 200) or not kept."""
    failures: int = 0
    """How many fetches in a row have failed since it last worked: a server error at one sync
    is a bad hour, at every sync for days a dead feed (`failing_feeds.failing`). 0 while it
    works, and in a record from before it was kept."""
    read_with: int = 0
    """The `FEED_READING_VERSION` its items were last read whole with (0: by a reader from
    before it was kept)."""
    ignored_by: str = ""
    """The mark of the `[[ignore]]` rules covering it when its items were last read whole
    (`ignore_rules.rules_mark`; "" when none did): rules changed since, its feed is asked for
    whole again, not "has it changed?", so that an item a rule no longer matches comes back."""
    body_print: str = ""
    """A digest of the body its items were last read whole from (with the address, type and
    charset it came with; `feed_refresh.body_print`): the same bytes again, from a server that
    sends no ETag or Last-Modified, are taken as "not modified", neither parsed nor merged
    (a 5 MB feed of 3,000 items cost more read again unchanged than at first, acc40b P11).
    "" for none, as in records from before it was kept."""
    tags: tuple[str, ...] = ()
    """The tags the user files it under (newsboat's tags, an OPML file's folders, `reader
    tag`), in their order, compared case-folded (`feed_tags`). () for none, as in records from
    before tags were kept."""
    folders: tuple[tuple[str, ...], ...] = ()
    """The folder paths an OPML file filed it in, outermost first (Tech › Programming › Rust:
    `("Tech", "Programming", "Rust")`), one a folder it was listed in: what `reader export`
    nests it in again, where its `tags` alone flattened a tree (acc49d D2). Each name is one of
    its tags too; () for none, as in records from before folders were kept."""

    def fetched_url(self, url: str = "") -> str:
        """`url` (its own `url` by default, or where it moved) with the user name and password
        given since (`user`, `password`; the user name at its own origin alone), as it is
        asked for and exported."""
        address = url or self.url
        if self.user and same_origin(address, self.url):
            address = with_user(address, self.user)
        return with_password(address, self.password)

    def new_password(self, url: str) -> str | None:
        """The password `url` (an address of this feed) gives, when it is not the one the feed
        is fetched with; None when it gives none, or the same."""
        given = urlsplit(url).password
        return (
            given if given is not None and given != urlsplit(self.fetched_url()).password else None
        )

    @property
    def display_title(self) -> str:
        """What the reader calls the feed: the user's name for it, else its own title, else its
        address as addresses are shown (`shown_url`)."""
        return self.name or self.title or shown_url(self.url)


_D = TypeVar("_D")
_new = object.__new__


def made(cls: type[_D], values: dict[str, Any]) -> _D:
    """An instance of the frozen dataclass `cls` (no `__post_init__`, no slots) from every
    one of its fields' `values`, without its `__init__`: a frozen dataclass sets each field
    through `object.__setattr__`, and a year's library makes 43,000 entries and as many
    headlines at every start and every `reader list` (a third of the time making them).
    `values` must name every field (tests/test_made.py checks the callers do).

    Not `__dict__.update(values)` on the empty `__dict__`: that copies the table of `values`,
    a dict of its own for each instance (~530 bytes an entry of 12 fields), where one field
    set first makes the update set each, into the keys the class's instances share (~250
    bytes): a year's 51,500 entries and headlines held 29 MB less (~190 ns more each, where a
    loop setting them took ~310)."""
    instance = _new(cls)
    fields = instance.__dict__
    for name in values:
        fields[name] = None
        break
    fields.update(values)
    return instance


@dataclass(frozen=True)
class Enclosure:
    """A file an item carries for a player rather than a browser (RSS `<enclosure>`, Atom's
    `<link rel="enclosure">`, Media RSS's audio and video `media:content`): a podcast's episode.
    Never fetched or cached by the reader: its address is shown, listed and opened."""

    url: str  # absolute http(s), checked as every address is (`urls.enclosure_url`)
    type: str = ""  # the media type the feed states ("audio/mpeg"), "" when it states none
    length: int = 0  # bytes, as the feed states them; 0 when it states none


@dataclass(frozen=True)
class Entry:
    """One item of a feed: a headline pointing at an article page."""

    id: str  # stable, derived from the feed URL and the item's identity (see store.entry_id)
    feed_url: str
    title: str
    link: str
    published: datetime | None = None
    updated: datetime | None = None
    author: str = ""
    summary: str = ""
    feed_title: str = ""
    content: str = ""
    """The item's full text as the feed carries it (HTML: RSS content:encoded, Atom content),
    when it holds more than the summary; a micro-post's (an item with no title: Mastodon's) its
    summary, which is all of it. Read from the feed and kept apart in the store (see
    `Store.entry_content`): entries loaded from the store have it empty."""
    enclosures: tuple[Enclosure, ...] = ()
    """The files it carries for a player (a podcast's audio), in the feed's order; none in
    records from before they were kept."""
    comments: str = ""
    """The address of the item's discussion page as its feed names it (RSS `<comments>`, Atom
    `rel="replies"`: Hacker News, WordPress), "" for none or in records from before it was kept."""
    categories: tuple[str, ...] = ()
    """The categories its feed files the item under (RSS `<category>`, Atom's label or term:
    Lobsters' tags, a subreddit, hashtags: `item_categories`), in the feed's order; none in
    records from before they were kept."""
    source: str = ""
    """The outlet an aggregator's item names as the story's (RSS `<source>`: Google News's "The
    Harbour Post"), "" for none or in records from before it was kept."""
    claimed: datetime | None = field(default=None, compare=False)
    """The date its feed gives the item when that was over an hour after the item was first
    read (`dates.CLAIM_AHEAD`: an embargo's date, a CMS's typo of a year): kept apart,
    said where the item is shown ("the feed dates it 2026-12-08"), while the list dates it as
    of when it was first read (`published`, `updated`), for good: no later refresh or clock
    moves it. None when the feed's date is the list's (and in records from before it was kept)."""
    first_seen: float | None = field(default=None, compare=False)
    """When this reader first kept the item (epoch seconds), as its record in the store says:
    None for one fresh from its feed, or kept by a reader from before this was noted of dated
    items. A feed can date its items as it likes (anew at every fetch); this it can't move.
    Not part of the item: the same item fresh from its feed and kept is equal."""
    summary_cut: bool = field(default=False, compare=False)
    """`summary` is only the start of the feed's: a headline listed holds its first
    `SUMMARY_HELD` characters, none of it when its article is cached (a search reads the
    article's text instead). What shows the feed's text reads it whole from the store
    (`Store.feed_html`, `Store.feed_summary`), where a longer one is kept apart from its
    record, which holds its start too (`codec.SUMMARY_APART`). False for one whole (fresh from
    its feed, or short)."""

    @property
    def address(self) -> str:
        """What opens it in a browser or player: its link, else its first enclosure's address
        (a podcast episode with no page of its own); "" when it has neither."""
        if self.link or not self.enclosures:
            return self.link
        return self.enclosures[0].url

    @property
    def feeds_published(self) -> datetime | None:
        """The date of publication its feed gives it that a citation may give: `published`;
        none for one whose feed's date was ahead of its first reading (`claimed`: an embargo's,
        a typo's, a broken "2026-13-45"), listed as of that reading, a time no feed gave: it
        was cited "(per the feed)" (acc46a A5)."""
        return None if self.claimed else self.published

    @property
    def feeds_updated(self) -> datetime | None:
        """Its time of update as `feeds_published` gives its publication."""
        return None if self.claimed else self.updated

    @property
    def source_name(self) -> str:
        """Whose story it is as far as its feed tells, cited while its page says none: the outlet
        an aggregator names (`source`), not the aggregator ("\"harbour\" - Google News"); else
        its feed's title."""
        return self.source or self.feed_title


SUMMARY_HELD = 3000
"""Characters of an item's summary that a headline of a list holds (`Entry.summary`), a
longer one cut there (`Entry.summary_cut`): as many as a search reads of it and its words
indexed (`search_headlines`), where a feed carrying its articles whole in their summaries
(Medium's `content:encoded` alone, Hugo's `description`: 5–20 KB each, kept to 20,000
characters) made a year's headlines hold hundreds of megabytes of them."""


@dataclass(frozen=True)
class ParsedFeed:
    """A downloaded feed as `feeds.parse_feed` read it: here, not in `feeds`, so that the
    process handed it by a worker unpickles it without importing feedparser."""

    title: str
    site_url: str
    entries: tuple[Entry, ...]
    problem: str = ""  # feedparser's complaint about a malformed feed it still read ("bozo")
    keys: dict[str, str] = field(default_factory=dict)
    """Each entry's article key by its id, made where the feed is parsed (a worker's CPU),
    not as the entries are merged on the event loop a TUI draws from (12,000 of them at a
    first sync)."""


@dataclass(frozen=True)
class SiteRule:
    """What the user told us about one site the generic extractor gets wrong (config.toml)."""

    body: str = ""  # CSS selector of the article body: used instead of the generic guess
    drop: tuple[str, ...] = ()  # CSS selectors of elements to remove first
    user_agent: str = ""  # the User-Agent sent to it ("": `[network] user_agent`'s)


@dataclass(frozen=True)
class Inline:
    """A run of text inside a block, with the formatting we keep."""

    text: str
    href: str | None = None
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    math: bool = False
    """A formula in its linear form ("x = (−b ± √(b² − 4ac))/(2a)"); `code` too, so a reader
    from before formulas shows it as code."""
    struck: bool = False
    """Struck through (`<del>`, `<s>`): text the page shows as no longer holding."""


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list-item"
    PREFORMATTED = "pre"
    CAPTION = "caption"
    RULE = "rule"
    TABLE_ROW = "table-row"
    MEDIA = "media"
    """A recording or video of the article, or a post embedded from a social network: one link,
    labelled "Audio (MP3)", by its title, or "Instagram post: Name (@handle)"."""
    IMAGE = "image"
    """A picture of the article: one inline, its `alt` text ("" when the page's says nothing)
    linking to the picture."""


def words_of(blocks: tuple[Block, ...]) -> int:
    """The words of an article's text: a picture's `alt` is not one of them (it says what the
    page shows, not what it says)."""
    return sum(words_in(b.text) for b in blocks if b.kind != BlockKind.IMAGE)


def picture_label(alt: str) -> str:
    """What a picture's line says: "Image: Idle cranes at Eastquay", or "Image" when the page's
    `alt` says nothing of it."""
    return f"Image: {alt}" if alt else "Image"


class TextMarks(NamedTuple):
    """What a search hit's line marks in an article's text as a search reads it (a block a
    line: `codec.text_from_dict`), worked out for a hit only (`codec.marks_from_dict`): its
    struck-through runs (start, end) and its headings (where each's line starts, its text)."""

    struck: list[tuple[int, int]]
    headings: list[tuple[int, str]]


@dataclass(frozen=True)
class Block:
    """One block of article text: a heading, a paragraph, a quote, a list item, a table row…

    `level` is the heading level (1–6), the list nesting depth (1 = top; a table in a list
    item is one deeper than the item), a quotation's (2: a quote inside a quote) or a
    paragraph's indentation (2: a definition list's `<dd>`, under its term); `ordinal`
    numbers the items of an ordered list (0 for a bullet).

    A table is a run of TABLE_ROW blocks with the same `ordinal`: the table's number in the
    article (from 1), so two tables one after the other stay two. The paragraphs of one
    quotation are QUOTE blocks sharing its number the same way (0 in records from before
    quotes were numbered: each block a quote of its own). A row's `cells` are its
    cells in order, each one line of inlines (a cell's paragraphs and list items are flattened
    into it; an empty cell is empty); `header` marks a row of column headings. A row has no
    `inlines` of its own.

    `starts_list` marks a list's first item, so a list right after another (two `<ul>`s one
    after the other) stays a list of its own. Records from before it was kept have it False:
    there only a change of bullet to number, or numbers starting again, begin a list.
    `counts_down` marks the items of a list numbered downwards (`<ol reversed>`: a countdown
    to its winner at 1), whose numbers going down go on, not start again; records from
    before it have it False, as no list counted down then.
    `numbering` is how a numbered item's number is written: "" in digits, or one of
    NUMBERINGS ("a" for a. b. c., "I" for I. II. III.: `<ol type>`); records from before it
    have "", digits, as every list was shown then.
    `anchors` are the ids in the block that a link of the article names (a note's `<li
    id="cite_note-1">` for the text's "[1]" linking to "#cite_note-1"): the reading view takes
    such a link there. Never shown; records from before them have none, and their notes' links
    lead nowhere, as before.
    `quoted` is the depth of the quotation a list item (or an item's paragraph) stands in, 0
    for none (a QUOTE block's own depth is its `level`), and `quote` that quotation's number
    (its QUOTE blocks' `ordinal`): "<blockquote><p>We ask:</p><ul><li>…" is one quote, its
    list quoted with its words. Records from before them have 0: the items stand outside the
    quote, as they were shown then.

    `spans` says, per cell of a table row, how many columns it covers: a cell with
    `colspan` ("Total" over three columns, a scorers' line across the whole scoreboard) is
    followed in `cells` by the empty places it spans into (none at the row's end: the row ends
    at it). () when no cell spans (and in records from before spans were kept: each cell then
    stands in its own column, as it was shown then).

    `note` marks a paragraph at the head of the story that is the newsroom's note about it,
    not its text: an editor's note, a correction, an update ("Editor's note: …", "This
    article has been updated…"). The reading view sets it dimmed, and on a low terminal folded
    to its first line; Markdown and text give it as the paragraph it is. Records from before
    it have False: shown as any paragraph, as before.
    """

    kind: BlockKind
    inlines: tuple[Inline, ...]
    level: int = 1
    ordinal: int = 0
    cells: tuple[tuple[Inline, ...], ...] = ()
    header: bool = False
    starts_list: bool = False
    counts_down: bool = False
    numbering: str = ""
    anchors: tuple[str, ...] = ()
    quoted: int = 0
    quote: int = 0
    note: bool = False
    spans: tuple[int, ...] = ()

    def span(self, cell: int) -> int:
        """The columns cell number `cell` of the row covers (1 but for a `colspan`)."""
        return self.spans[cell] if cell < len(self.spans) else 1

    @property
    def quote_depth(self) -> int:
        """How deep in quotations the block stands: a quote's level, a quoted item's `quoted`."""
        return self.level if self.kind == BlockKind.QUOTE else self.quoted

    def quoted_with(self, previous: Block | None) -> bool:
        """True when this block and `previous` stand in one quotation, or in two one level
        apart, one inside the other (`continues`, for a quote's list items too): its marks run
        on between them."""
        if previous is None or not self.quote_depth or not previous.quote_depth:
            return False
        if self.kind == previous.kind == BlockKind.QUOTE:
            return self.continues(previous)
        if self.quote_depth != previous.quote_depth:
            return abs(self.quote_depth - previous.quote_depth) == 1
        number = self.ordinal if self.kind == BlockKind.QUOTE else self.quote
        before = previous.ordinal if previous.kind == BlockKind.QUOTE else previous.quote
        return number != 0 and number == before

    def in_one_quote(self, previous: Block) -> bool:
        """True when this block and `previous` are both in no quotation, or both in one, at
        one depth: two items one after the other are of one list only so."""
        return self.quote_depth == previous.quote_depth and (
            not self.quote_depth or self.quoted_with(previous)
        )

    def continues(self, previous: Block | None) -> bool:
        """True when this block is the next paragraph of the same quotation as `previous`, or
        of a quotation it is nested in or holds (one level apart)."""
        if previous is None or not self.kind == previous.kind == BlockKind.QUOTE:
            return False
        if self.level != previous.level:
            return abs(self.level - previous.level) == 1
        return self.ordinal != 0 and self.ordinal == previous.ordinal

    def opens_list(self, previous: Block | None) -> bool:
        """True when this list item, right after list item `previous`, begins another list
        beside `previous`'s or one it is nested in (not a list nested in `previous`): the page
        began one there, or it is bullets after numbers, numbers after bullets, letters after
        digits, or numbers that start again (go up again, in a list counting down). Run
        together, two lists read as one."""
        if previous is None or not self.kind == previous.kind == BlockKind.LIST_ITEM:
            return False
        if self.level > previous.level:
            return False  # a list nested in `previous`'s item
        if self.starts_list:
            return True
        if self.level != previous.level:
            return False  # the item after a nested list: its list goes on
        if bool(self.ordinal) != bool(previous.ordinal):
            return True
        if not self.ordinal:
            return False
        if self.counts_down != previous.counts_down or self.numbering != previous.numbering:
            return True
        if self.counts_down:
            return self.ordinal >= previous.ordinal
        return self.ordinal <= previous.ordinal

    @property
    def number(self) -> str:
        """A numbered list item's number as the page shows it ("3", "c", "iii"), "" for a
        bullet."""
        return item_number(self.ordinal, self.numbering) if self.ordinal else ""

    @property
    def indent(self) -> int:
        """How many steps a paragraph is indented: a definition under its term (`level` 2),
        and a formula displayed on a line of its own at least one, as browsers set it off."""
        if self.kind != BlockKind.PARAGRAPH:
            return 0
        shown = [i for i in self.inlines if i.text.strip()]
        formula = bool(shown) and all(i.math for i in shown)
        return max(self.level - 1, 1 if formula else 0)

    @property
    def text(self) -> str:
        """The block's words; a table row's cells joined by " | " (an empty cell as "—"), as
        search and the extraction benchmark read them."""
        if self.cells:
            return " | ".join("".join(i.text for i in cell) or "—" for cell in self.cells)
        return "".join(i.text for i in self.inlines)


CONSENT_WALL = "consent"
"""`Article.stood_in_for` of the feed's text in a cookie-consent page's place."""
FEED_WHOLE = "whole"
"""`Article.stood_in_for` of the feed's text that is the article whole (its `content:encoded`,
Atom `content`: a newsletter's, a full-text feed's), longer than what the page gave: read offline
whole, it is not marked "½ only in part" nor counted as not readable offline (acc42c C5)."""
VIDEO_PAGE = "video"
"""`Article.stood_in_for` of the feed's text (a video's description) in the place of a page
that declares itself a video (`og:type` "video.other": YouTube's, Vimeo's) and gives no text of
its own: a video, no article, said so as a PDF or a podcast's audio is, not "a paywall, or a
page built by scripts"; its description is all the text there is, not "½" (acc49b B5)."""
FEED_CONTENT_MARK = "<!--reader: the feed's content-->"
"""What `Store.feed_html` puts before an item's full content (not its summary), so that the
extractor, handed the feed's text as its fallback (kept with the article, read again offline),
tells a whole text from a summary (`FEED_WHOLE`). A comment: parsed, it is nothing."""


@dataclass(frozen=True)
class Takedown:
    """A time a story's page was found taken down, that ended with the page giving the story
    again (`Store.takedowns_ended`): for its header to say it was down (acc47b F9)."""

    since: datetime
    """When it was first found taken down."""
    until: datetime
    """When the page gave the story again."""
    status: int
    """The status the page gave (404, 410, a redirect's; 0: not known)."""
    how: str = ""
    """How it said so when that was no 404 or 410 (`Article.gone_how`)."""


@dataclass(frozen=True)
class RefusedRead:
    """A time a cached story's page, fetched again, was not taken for its copy
    (`Store.refused_reads`): the copy stayed, the page having changed (copies48)."""

    at: datetime
    """When the page was fetched and refused."""
    why: str
    """Why, in a line: "the page gave 31 words of its own, the copy cached 96 …", "127.0.0.1
    asks you to sign in"."""


@dataclass(frozen=True)
class RetractionEnded:
    """A time a story was said retracted or withdrawn, by its page or its feed's headline
    alone, that ended with neither saying so (`Store.retractions_ended`): a feed's "Withdrawn:"
    dropped again over a page unchanged left no copy saying it, and its note went silently."""

    said: str
    """What was said of the story (`Article.retracted`): "withdrawn", "retracted", …"""
    by_feed: bool
    """Said by the feed's headline alone (`Article.retracted_by_feed`), not the page."""
    since: datetime
    """When the first copy saying it was retrieved."""
    until: datetime
    """When the page (and headline) were first found saying it no longer."""


@dataclass(frozen=True)
class Article:
    """The cleaned article: its metadata and its body as blocks."""

    url: str
    title: str = ""
    author: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    site_name: str = ""
    language: str = ""
    canonical_url: str = ""
    image_url: str = ""
    description: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    podcast: str = ""
    """The podcast the page is an episode of ("High Country"), which its citation names beside
    the site (`citation.cited_source`); "" for any other page."""
    fetched_at: datetime | None = None
    served_at: datetime | None = None
    """When the site's server said it answered (its Date header, and the Age a cache on the way
    kept it), kept only where it is later than the computer's clock said (`fetched_at`) by more
    than a day, that clock behind (a laptop's reset to 2000), or earlier by more than an hour
    and less than a month, that clock ahead; a citation's "Retrieved" is then the server's time
    (`dates.retrieved_as_believed`). None for a clock the server agreed with."""
    made_at: tuple[datetime, ...] = ()
    """When a cache on the way (a CDN) said the page of this copy's text was made, before it
    was retrieved (`page_clock.made_by_cache`: its Age, or the server's Date it kept): a clock
    the page stamps itself with is read as of then (`page_clock`). () for a page sent as made."""
    checked_at: datetime | None = None
    """When a fetch last found the page saying what this copy says (`Store.renew_article`):
    the copy's `fetched_at` stays when it was first had, the fact a citation gives as evidence
    (acc44c C8: each check moved "Retrieved", and the same words were cited at two times).
    None when it was not fetched again, or was changed when it was."""
    retracted: str = ""
    """What this copy's page says anew of the story, its copy before saying nothing of the
    kind (`retraction.retraction_of`): "retracted", "withdrawn", "removed", "amended to remove
    some of it"; "" for a page that says no such thing (acc44c C1: the notice was refused as a
    login page, the retracted text cited as standing)."""
    retracted_by_feed: bool = False
    """`retracted` is said by the item's headline in its feed alone, not by the page ("Withdrawn:
    …" over a page unchanged): the copy was retrieved when the feed was first seen saying it,
    and its notes name the feed (acc47b F2: "the page now says", at the time of a copy before)."""
    later_retracted: str = ""
    """Of an earlier copy: what the latest copy says of the story (its `retracted`, its source
    `later_by_feed`, retrieved at `versions[-1]`), for a quote of the text retracted since to
    say so (acc47b F1: "the latest … differs", as a one-figure correction's). Filled as
    `versions` is; "" for the latest copy, and while the story stands."""
    later_by_feed: bool = False
    """`later_retracted` is said by the feed's headline alone (`retracted_by_feed`)."""
    retracted_first: int = 0
    """Which of `versions` first said what the latest copy says of the story (`retracted`, an
    earlier copy's `later_retracted`), the copies after it saying it too: an edit of the notice
    kept as a copy was named as where it was first said. 0: the latest, or not known. Filled
    as `versions` is."""
    live: bool = False
    """The page is a live blog still running: it declares itself one (`LiveBlogPosting`) or
    holds entries named so ("live-feed"), with no end of its coverage declared. A sync asks
    for its page again while it runs (`live_blogs.LIVE_FOR`), its feed's item told anew or not
    (acc48c C1: the item's summary kept all day, the blog read stale)."""
    coverage_ended: datetime | None = None
    """When the page says its live coverage ended (`coverageEndTime`), None while it runs or
    for a page no live blog: said in its header and `--format json` (acc48c C13)."""
    partial: bool = False  # extraction found little; the body is the feed's own summary
    incomplete: str = ""
    """Why the article lacks some of its text: the later pages of one split over several ("page
    3 did not come: HTTP 503"), the AMP version of a page that gave little, or the rest of a
    page for subscribers (`extract.paywall`); "" when nothing is missing. A sync fetches such an
    article again..."""
    incomplete_for_good: bool = False
    """...unless it is missing text for good: it runs past the pages reader reads of one
    article (`FetchLimits.max_article_pages`), and `incomplete` says where it goes on; or its
    page is for subscribers."""
    page_url: str = ""
    """Where the text was read from when that is not `url`: the page offering the article
    whole ("View as a single page"), or its AMP version. Its kept raw page resolves links
    against this; a citation names `url`, the article's own (first) page."""
    extractor: int = 0
    """The `EXTRACTOR` version that made it (0: cached before versions were recorded)."""
    published_by_feed: bool = False
    """`published` is the feed's date for the item, not one the page gave (`filled_from`): a
    citation says so ("per the feed"), since the page may print another."""
    updated_by_feed: bool = False
    """`updated` is the feed's too."""
    feed_date: datetime | None = None
    """The date the item's feed gave it when the page was read (`Entry.published`), kept for
    extraction again to weigh the page's dates with as that read did (`extract_page`'s `fed`);
    no date of the article's, and cited only as `published` says (`published_by_feed`)."""
    versions: tuple[datetime | None, ...] = ()
    """When each copy kept of the article was retrieved, oldest first, this one among them: a
    sync that found its text changed keeps the one before (`Store.versions`). Filled when it
    is read from the cache, no part of its record; empty while there is one copy."""
    version: int = 0
    """Which of `versions` this copy is (1: the oldest); 0 while there is one copy."""
    repeats: frozenset[int] = frozenset()
    """The numbers of the earlier `versions` that say what the latest says, word for word (an
    edit undone): a citation names only the copies that differ. Filled as `versions` is."""
    dropped: bool = False
    """This copy, read while it was kept, is kept no longer (a later fetch dropped it, the
    copies' rule): `versions` are those kept and its own time where it falls among them,
    `version` its place there (`Library.superseded`)."""
    grown: bool = False
    """Every copy kept differs from the one before it by entries added alone (a live blog that
    grew: `Store.grown_keys`): its text "updated", new entries, not "corrected", a claim about
    the outlet (acc48c C8). Filled as `versions` is."""
    first_retrieved_over: str = ""
    """The app (wallabag) whose copy of the text is the only earlier copy kept, this one the
    page's first retrieval in its place (`Store.first_retrievals`): another extraction, not an
    earlier version of the page, so no correction (acc51b B2). Filled as `versions` is."""
    first_copy_by: str = ""
    """The app (wallabag) whose copy of the text is the first copy kept, however many the
    reader retrieved since (`Store.first_copy_by`): a correction is said since the reader's
    own copies, the app's named as its (acc51b). Filled as `versions` is."""
    other_entries_corrected: bool = False
    """Read through an item pointing into one entry of the page (`page#block-N`) that no sync
    changed: the corrections its copies hold are other entries' (`Store.corrected_entries`),
    and its byline says none, as its row's δ does not. Filled as `versions` is."""
    copies_dropped: tuple[str, ...] = ()
    """The copies of it the copies' cap dropped, said in one line ("2 earlier copies not kept
    (retrieved … to …): only 3 earlier copies are kept of an article not saved":
    `Store.copies_not_kept`), by the latest copy's header, not its citation (acc44c C12:
    dropped silently; acc48c C4: a line a copy piled up). Filled as `versions` is."""
    gone_at: datetime | None = None
    """When its page, asked for again after it was cached, last answered that the story is
    not there (404, 410): taken down, the copy kept (`Store.gone_at`); None while the page
    answers. Filled when it is read from the cache, as `versions` is."""
    gone_status: int = 0
    """The HTTP status that answer had (0: not known); of a page that said so otherwise
    (`gone_how`), the status it gave: its redirect's (301), or 200 for a "not found" page."""
    gone_how: str = ""
    """How the page said the story is not there when that was no 404 or 410 (`soft_gone`):
    "sent on to its site's front page (…), not the story"; "" for a 404 or 410 (acc47b F3: it
    was cited as "answered 404", a status never given)."""
    takedowns: tuple[Takedown, ...] = ()
    """The times its page was found taken down and then gave the story again, oldest first;
    filled as `gone_at` is."""
    retractions_ended: tuple[RetractionEnded, ...] = ()
    """The times the story was said retracted or withdrawn and then no longer, oldest first;
    filled as `gone_at` is."""
    refused_reads: tuple[RefusedRead, ...] = ()
    """The times its page was fetched again and not taken for the copy, oldest first; filled
    as `gone_at` is."""
    kept_pictures: frozenset[str] = frozenset()
    """The addresses of its pictures kept for reading offline (`reader.pictures`): filled
    when it is read from the cache, as `versions` is, no part of its record."""
    pictures_not_kept: tuple[tuple[str, str], ...] = ()
    """Those of its pictures a download tried and did not keep, each with why in one line
    ("larger than 5 MB, not downloaded"); filled as `kept_pictures` is."""
    unkept: str = ""
    """Why this copy, fetched now, is not in the cache (`Unwritable`: "the disk is full", "the
    data directory is read-only"): read and shown, kept nowhere; "" for one the cache holds.
    No part of its record."""
    stood_in_for: str = ""
    """Why the feed's text stands in (`partial`) when the page said it: `CONSENT_WALL` for a
    cookie-consent page in the article's place, which a browser gets past with a click (the
    reading view said "a paywall, or a page built by scripts": acc42c C6); `FEED_WHOLE` for the
    feed's full content, the article whole. "" for a page that gave little and a summary of it,
    and in records from before it was kept."""
    kept_by: str = ""
    """Whose copy of the text this is when the reader did not read it from the page: "wallabag"
    for the text a wallabag export carried, its page not coming when it was imported (a 404, a
    PDF, the site gone); `fetched_at` is then when wallabag retrieved it. "" for the page's."""
    corporate_author: bool = False
    """The author is an organisation or a channel, not a person: a schema.org Organization the
    page declares as its author, or the channel a video page was uploaded by (the name its feed
    gives, the page naming none). Cited as written ("Quay Crafts"), never turned round as a
    person's name ("Crafts, Q.": acc49b B4)."""
    document: bool = False
    """Read from a document file (a PDF: a council's report, a court's filing), not a web page:
    cited as a report, its site the publisher, not as a newspaper's article (acc35b F8)."""
    section_front: bool = False
    """The page is a section front, a list of teasers to other articles (a paper's "Opinion"
    page), not an article: its blocks are those teasers, each a list item whose headline links
    to its story (`stories`). All the page has: neither partial nor incomplete."""

    @cached_property
    def word_count(self) -> int:
        # Counted once: the reading view's header asks at each build and re-wrap, and on a
        # 120,000-word article each count took 60–250 ms of the event loop.
        return words_of(self.blocks)

    @property
    def count_unit(self) -> str:
        """What `word_count` counts: "characters" for a Chinese or Japanese text, else
        "words" (`word_count.count_unit`)."""
        return count_unit(" ".join(b.text for b in self.blocks if b.kind != BlockKind.IMAGE))

    @property
    def stories(self) -> int:
        """How many stories a section front's teasers link to (0 for an article)."""
        if not self.section_front:
            return 0
        return sum(
            b.kind == BlockKind.LIST_ITEM and any(i.href for i in b.inlines) for b in self.blocks
        )

    @property
    def in_part(self) -> bool:
        """Not all of the article: the feed's text stands in (`partial`), or some of it is
        missing (`incomplete`: a page for subscribers, later pages that did not come). What
        the lists mark "½" rather than "↓". The feed's text that is the article whole
        (`FEED_WHOLE`), or a video's description (`VIDEO_PAGE`), is all of it."""
        return (self.partial and self.stood_in_for not in (FEED_WHOLE, VIDEO_PAGE)) or bool(
            self.incomplete
        )
