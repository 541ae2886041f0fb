"""Subscriptions in and out as OPML, the format every feed reader exports (newsboat -e, …).

An OPML file is XML from wherever the user got it: it is parsed with defusedxml, which refuses
DTDs, entity declarations and external references outright (no "billion laughs", no XXE).
"""

from __future__ import annotations

import re
from codecs import BOM_UTF16_BE, BOM_UTF16_LE
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from .charset import decode, detect_feed_charset, without_xml_declaration, xml_declared_charset
from .feed_names import folded, undecided
from .feed_tags import Folder, feed_folders, with_folders, with_tags
from .models import ErrorKind, Feed, FetchError
from .safe import safe_line
from .url_display import wire_url
from .urls import (
    address_controls,
    canonical_url,
    from_feed_scheme,
    is_web_url,
    web_url_problem,
    without_credentials,
)

MAX_OPML_BYTES = 5 * 1024 * 1024
MAX_OUTLINES = 10_000
MAX_FOLDER_DEPTH = 50
"""Folders in folders an import reads: a feed in more is left out, said in a line. No export
nests more than a few; a hostile file nested 100,000 deep took 20 s, each level copying the
path above it (acc29c S2)."""
# The characters XML 1.0 has no place for (a regex class's body): an import stands in for them,
# an export leaves them out.
_NO_XML = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
# Raw or as a reference ("&#x1b;", "&#27;").
_NOT_XML = re.compile(
    rf"[{_NO_XML}]"
    r"|&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01])|x0*(?:[0-8bcef]|1[0-9a-f]));",
    re.IGNORECASE,
)


# A web page saved or exported by mistake: its doctype or root is HTML's, after comments.
_WEB_PAGE = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


class Found(NamedTuple):
    """A feed a subscription file names: its address, the user's name for it, its own title
    and its tags, as far as the file tells them ("" or () when it doesn't). A name the same as the title is
    one the file can't tell (`outline_names`): the feed's first fetch does
    (`feed_names.copies_own_title`)."""

    url: str
    name: str = ""
    title: str = ""
    tags: tuple[str, ...] = ()
    """The tags it is filed under: newsboat's, the folders an OPML file nests it in and the
    categories its outline names (`feed_tags`)."""
    folders: tuple[Folder, ...] = ()
    """The folder paths an OPML file files it in (`Feed.folders`): the nesting of each outline
    listing it, and each path its `category` names ("/Tech/Programming")."""
    site_url: str = ""
    """The site it belongs to, as an OPML outline's `htmlUrl` names it: kept as the feed's
    `site_url` until a fetch gives the feed's own link (acc49d D4: a dead feed's site is where
    its new home is looked for)."""


NEWSBOAT_OPML_TITLE = "newsboat - Exported Feeds"
"""The `<title>` newsboat gives the OPML it writes (`-e` and `--export-to-opml2`)."""


OWN_OPML_TITLE = "reader subscriptions"
"""The `<title>` `reader export` gives its OPML (`to_opml`)."""


class MarksElsewhere(NamedTuple):
    """The database where the reader a subscription file came from keeps its read marks."""

    source: str  # the reader: "newsraft"
    stars: str  # what it keeps besides: "important articles"
    database: str  # its path


@dataclass
class Subscriptions:
    """The feeds of a file, in order, and how many entries were left out, by why."""

    found: list[Found] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """The entries left out, by why (as `skipped`), each named as the file names it and its
    address: which ones to fix, in a 300-feed file (acc40b P8); those the file tells."""
    read_as: str = ""
    """What the file was read as when its shape alone told ("newsraft's feeds file"); "" for
    OPML and newsboat's urls, which say so themselves."""
    marks_in: MarksElsewhere | None = None
    """Where the reader the file came from keeps its read marks (newsraft, nom: a database),
    for `--read-from`; None when the file holds them or says nothing of them."""
    hidden: list[str] = field(default_factory=list)
    """The feeds newsboat's urls file hides (`"!tag"`), listed here: said (acc43a A15)."""
    repeated: list[str] = field(default_factory=list)
    """The addresses a list names more than once, their lines' tags merged (acc43a A2), or an
    OPML file in several outlines, their folders merged (acc49d D5)."""
    names_aside: list[tuple[str, str]] = field(default_factory=list)
    """The addresses and names an OPML file gives a feed again, in an outline after its
    first, that are not the first's name: the first's is taken, these said (acc49d D5)."""
    newsboat: str = ""
    """"urls" for a list of addresses (newsboat's urls file's shape), "opml" for the OPML
    newsboat writes (`NEWSBOAT_OPML_TITLE`): what it leaves behind is said
    (`newsboat_leftovers`); "" for any other file."""


def parse_opml(data: bytes) -> list[tuple[str, str]]:
    """The (feed URL, name) pairs of an OPML file, in order, the name as the reader it came
    from showed the feed; only http(s) feed URLs.

    Raises FetchError(BAD_FEED) for a file that is not OPML or that tries an XML attack.
    """
    return [(found.url, found.name or found.title) for found in read_opml(data).found]


def outline_names(outline: Element, version: str, own: bool = False) -> tuple[str, str]:
    """The user's name for an outline's feed and the feed's own title, as far as it tells.

    OPML 2.0 has the two apart: an outline's text is what a reader shows, its title the title
    of the feed (listparser reads them so, `reader export` writes them so): in an OPML 2.0
    file giving both, a text that is not the title is the user's name. One that is the title
    is no name in `reader export`'s own file (`own`: it writes a feed with none so), but
    another reader's (Inoreader's, Feedly's write the user's name as both) can't say: a name
    of the user's there ("Café Ünïcode 🎉", the feed's own title "Feed e1") was dropped
    (acc49d D3). Elsewhere (OPML 1.0, as newsboat exports it, its title a `~` name or the
    feed's; an outline giving one of the two) the one name given, its text else its title, is
    the feed's title or a name given in that reader, the file can't say which either: each is
    given as both, for the feed's first fetch to tell (`feed_names.copies_own_title`)."""
    text, title = (_outline_name(outline, key) for key in ("text", "title"))
    if version.startswith("2") and text and title:
        if folded(text) != folded(title):
            return text, title
        if own:
            return "", title
    named = text or title
    return named, named


def _names_no_address(names: tuple[str, str], url: str) -> tuple[str, str]:
    """`names` (an outline's name and title), none where one is the feed's own address, and
    another address without its name and password: what an export wrote of a feed that never
    answered (its old address, for one that moved), no name, and the address's password with
    it (acc51a A3: imported as the feed's name, `feeds` and every list gave it)."""
    own = canonical_url(without_credentials(url))

    def named(given: str) -> str:
        if not is_web_url(given):
            return given
        bare = without_credentials(given)
        return "" if canonical_url(bare) == own else bare

    name, title = (named(given) for given in names)
    return name, title


def _outline_name(outline: Element, key: str) -> str:
    """The outline's `key` attribute as a name: one line, its controls gone, and none at all
    when an escape sequence or controls leave no more than a letter of it ("N" of "N ESC]52;…"):
    four feeds named so were four rows "N" alike, where their titles tell them apart (acc50a
    A10)."""
    written = (outline.get(key) or "").translate(_CONTROLS_BACK)
    name = safe_line(written, 500)
    return "" if len(name) <= 1 and not written.isprintable() else name


# An "&" starting no reference: a name (or none) up to where expat stopped, without its ";".
_BARE_AMPERSAND = re.compile(r"&[\w.-]{0,40}$")


def _bare_ampersand(text: str, error: ParseError) -> str:
    """The parser's complaint as its cause, where it is an "&" written bare ("News & Politics",
    "?a=1&b=2": a hand-edited file, or an exporter that escapes nothing): expat says "invalid
    token" and a place alone. "" for any other error."""
    line, column = getattr(error, "position", (0, 0))
    if "invalid token" not in str(error) or not 0 < line <= text.count("\n") + 1:
        return ""
    written = text.split("\n", line)[line - 1]
    bare = _BARE_AMPERSAND.search(written[:column])
    if bare is None:
        return ""
    return f"a bare & at line {line}, column {bare.start() + 1}: write it &amp;"


_STAND_IN = 0xF0000  # a plane-15 private character for each control, which XML allows


def _stand_in(match: re.Match[str]) -> str:
    found = match.group()
    if not found.startswith("&"):
        return chr(_STAND_IN + ord(found)) if ord(found) < 0x20 else ""
    digits = found[2:-1]
    code = int(digits[1:], 16) if digits[:1].lower() == "x" else int(digits)
    return chr(_STAND_IN + code)


_CONTROLS_BACK = {_STAND_IN + code: code for code in range(0x20)}


def read_opml(data: bytes) -> Subscriptions:
    """`parse_opml`'s pairs, how many outlines were left out, by why (an address that is not
    http(s): file:, javascript:, a relative path; one holding control characters, which `reader
    add` refuses; a port out of range); each feed with the folders it is in and the categories
    it names, as its tags."""
    if len(data) > MAX_OPML_BYTES:
        raise FetchError(
            ErrorKind.TOO_LARGE, f"the OPML file is larger than {MAX_OPML_BYTES // 2**20} MB"
        )
    # Decoded by the encoding it declares (checked against its bytes, as a feed's is) and parsed
    # as text: expat reads no multi-byte legacy charset, and a Japanese reader's export in
    # Shift_JIS stopped the import with a traceback ("multi-byte encodings are not supported").
    # Undeclared, it is UTF-8 (or UTF-16 by its mark), as XML says: its few short titles are
    # too little to guess a charset from.
    if xml_declared_charset(data) or data.startswith((BOM_UTF16_LE, BOM_UTF16_BE)):
        text = decode(data, detect_feed_charset(data))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FetchError(
                ErrorKind.BAD_FEED,
                "not a readable OPML file (not UTF-8, and it declares no other encoding)",
            ) from None
    text = without_xml_declaration(text.removeprefix("\ufeff"))
    # A title holding a control character (an escape sequence from a feed's own title, which
    # feed readers export as they got it) is no XML, and one refused the whole file: the
    # characters are stood in for, and put back once it is parsed: a title is then cleaned as
    # any other (an escape sequence goes whole, `safe_line`), and an address holding one is
    # left out, as `add` refuses it, not subscribed with them silently dropped.
    text = _NOT_XML.sub(_stand_in, text)
    if _WEB_PAGE.match(text):
        # Its "<!DOCTYPE html>" was refused as a DTD, "how XML attacks start": true of XML,
        # but this is no XML at all.
        raise FetchError(ErrorKind.BAD_FEED, "not an OPML file: it is a web page (HTML)")
    try:
        root = fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise FetchError(
            ErrorKind.BAD_FEED, f"refused: the OPML file declares {_what(error)}"
        ) from None
    except ParseError as error:
        why = _bare_ampersand(text, error) or safe_line(error, 100)
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable OPML file ({why})") from None
    if root.tag.lower() != "opml":
        raise FetchError(
            ErrorKind.BAD_FEED, f"not an OPML file (its root is <{safe_line(root.tag, 40)}>)"
        )
    found: list[Found] = []
    version = root.get("version") or ""
    title = (root.findtext("head/title") or "").strip()
    own = title == OWN_OPML_TITLE  # `reader export`'s (`outline_names`)
    seen: dict[str, int] = {}  # an address found, and where in `found`
    repeated: list[str] = []
    names_aside: list[tuple[str, str]] = []
    skipped: Counter[str] = Counter()
    left_out: dict[str, list[tuple[str, str]]] = {}

    def leave_out(why: str, url: str, outline: Element) -> None:
        skipped[why] += 1
        named = outline.get("text") or outline.get("title") or ""
        left_out.setdefault(why, []).append((named.translate(_CONTROLS_BACK), url))

    for outline, folders in _outlines(root):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").translate(_CONTROLS_BACK)
        if (outline.get("type") or "").lower() in _SCRAPED_TYPES and not len(outline):
            # FreshRSS builds these from a page by its own rules: no feed to fetch, at the
            # address they name or any (acc43a A20: one vanished, one failed every sync).
            page = outline.get("htmlUrl") or outline.get("htmlurl") or url
            leave_out(_SCRAPED, page.translate(_CONTROLS_BACK), outline)
            continue
        url, why = feed_address(url)
        if not url:
            # A feed's outline (its type says so, and it holds none) with no address: said,
            # not dropped without a word as a folder's outline is passed by.
            if (outline.get("type") or "").lower() in _FEED_TYPES and not len(outline):
                leave_out("with no address (no xmlUrl)", "", outline)
            continue
        if folders is None:
            skipped[f"nested in more than {MAX_FOLDER_DEPTH} folders"] += 1
            continue
        if url in seen:
            # Listed again in another folder: how web readers write a feed of two labels
            # (acc28c C11). Its folder is one more tag of it.
            if (at := seen[url]) >= 0:
                more = with_tags(found[at].tags, (*folders, *_categories(outline)))
                paths = with_folders(found[at].folders, _folders(folders, outline))
                found[at] = found[at]._replace(
                    tags=more, folders=paths, site_url=found[at].site_url or _site(outline)
                )
                repeated.append(url)
                name = _names_no_address(outline_names(outline, version, own), url)[0]
                if name and folded(name) != folded(found[at].name):
                    names_aside.append((url, name))
            continue
        seen[url] = -1
        if why:
            leave_out(why, url, outline)
            continue
        seen[url] = len(found)
        tags = with_tags(folders, _categories(outline))
        paths = with_folders((), _folders(folders, outline))
        names = _names_no_address(outline_names(outline, version, own), url)
        found.append(Found(url, *names, tags, paths, _site(outline)))
        if len(found) >= MAX_OUTLINES:
            break
    newsboat = "opml" if title == NEWSBOAT_OPML_TITLE else ""
    return Subscriptions(
        found,
        dict(skipped),
        left_out,
        repeated=repeated,
        names_aside=names_aside,
        newsboat=newsboat,
    )


_SCRAPED_TYPES = frozenset(
    {"html+xpath", "xml+xpath", "json+dotnotation", "html+xpath+json+dotnotation"}
)
"""FreshRSS's web-scraping feeds' outline types: a page it reads by rules of its own."""
_SCRAPED = (
    "of FreshRSS's web-scraping kinds (HTML+XPath, JSON+DotNotation: FreshRSS builds them"
    " from a page by its rules; the reader reads feeds only)"
)
_FEED_TYPES = frozenset({"rss", "atom", "feed"})
"""An outline's `type` that says it is a feed's (OPML 2.0's "rss", and what readers write)."""


def _outlines(root: Element) -> Iterator[tuple[Element, tuple[str, ...] | None]]:
    """Every outline of the file, in order, with the names of the folders it is in (outlines
    naming no feed that hold outlines), outermost first; None for those in more than
    `MAX_FOLDER_DEPTH`. A stack, not recursion: a hostile file nesting 100,000 deep is read
    as any other, in time linear in its size."""
    stack: list[tuple[Element, tuple[str, ...] | None]] = [(root, ())]
    while stack:
        element, folders = stack.pop()
        if element.tag == "outline":
            yield element, folders
            if folders is not None and not (element.get("xmlUrl") or element.get("xmlurl")):
                name = element.get("title") or element.get("text") or ""
                if len(folders) < MAX_FOLDER_DEPTH:
                    folders = (*folders, name.translate(_CONTROLS_BACK))
                else:
                    folders = None
        stack.extend((child, folders) for child in reversed(element))


def _site(outline: Element) -> str:
    """The site an outline's `htmlUrl` names, "" for none or one that is no web address (a
    `javascript:` link, control characters: never kept, as a feed's own is not)."""
    written = (outline.get("htmlUrl") or outline.get("htmlurl") or "").translate(_CONTROLS_BACK)
    written = written.strip()
    return written if is_web_url(written) else ""


def _categories(outline: Element) -> list[str]:
    """The tags OPML 2.0's `category` attribute names, comma-separated: a tag is a category
    without slashes ("news,local", as newsboat's `--export-to-opml2` and `reader export`
    write them), a path's each folder ("/Boston/Weather": "Boston" and "Weather", as a folder
    in a folder is read)."""
    return [name for path in _category_paths(outline) for name in path]


def _category_paths(outline: Element) -> list[list[str]]:
    """OPML 2.0's `category` attribute's comma-separated categories, each split at its
    slashes ("/Boston/Weather": Boston, Weather), its names stripped. Its controls go first,
    an escape sequence whole (`safe_line`), as an outline's text's do: split first, an OSC 8
    link's "ESC]8;;http://evil.example/BEL" was tags "8;;http:" and "evil.example" (acc50a A7)."""
    value = safe_line((outline.get("category") or "").translate(_CONTROLS_BACK))
    return [[name.strip() for name in part.split("/")] for part in value.split(",")]


def _folders(nested: tuple[str, ...], outline: Element) -> list[Iterable[str]]:
    """The folder paths of a feed's outline: the folders it is nested in, and each path its
    `category` names with slashes ("/Tech/Programming", OPML 2.0's form for one; "news", a
    tag, is none)."""
    named = [path for path in _category_paths(outline) if len(path) > 1]
    return [nested, *named]


def feed_address(written: str) -> tuple[str, str]:
    """The address an entry of a subscriptions file subscribes to, and why the import leaves it
    out ("" when it doesn't): the one reading of an address for every file and database
    `reader import` takes (OPML, newsboat's urls, newsraft's and nom's), a feed: one
    ("feed://host/x", "feed:https://host/x", what some sites' subscribe buttons give) read as
    the web address it stands for, as `reader add` reads it."""
    url = from_feed_scheme(written)
    return url, "" if is_web_url(url) else why_left_out(url)


def why_left_out(url: str) -> str:
    """Why a feed's address is left out of an import, in the words its count is said in."""
    if address_controls(url):
        return "whose address holds control characters"
    if problem := web_url_problem(url):
        return f"whose address is invalid: {problem}"
    return "whose address is not http(s)"


def _what(error: DefusedXmlException) -> str:
    name = type(error).__name__
    if "DTD" in name:
        return "a DTD (not allowed: DTDs are how XML attacks start)"
    if "Entities" in name:
        return "XML entities (not allowed: entity expansion is an attack)"
    return "an external reference (not allowed)"


# What XML 1.0 allows in no document: ElementTree writes it, and every other reader refuses
# the file whole (one feed's title holding U+FFFE lost a newsboat import all its feeds).
_NO_XML_CHARACTER = re.compile(rf"[{_NO_XML}\ud800-\udfff]")


def _xml_chars(text: str) -> str:
    return _NO_XML_CHARACTER.sub("", text)


def exported_url(feed: Feed, passwords: bool = True) -> str:
    """The address an OPML export gives `feed`: where it is fetched from now, with the account
    (user name and password) it is fetched with, unless not `passwords` (`--no-passwords`: a
    list to give away); in its wire form."""
    # A feed that moved for good is exported at its new address, with the password it is
    # fetched with (`Feed.fetched_url`): another machine's reader subscribes where it is read
    # from. Each address in its wire form, a look-alike host in the punycode that names where
    # it goes, never in Unicode (acc50a A10).
    url = wire_url(feed.fetched_url(feed.moved_to))
    return url if passwords else without_credentials(url)


def to_opml(feeds: Iterable[Feed], passwords: bool = True) -> str:
    """The subscriptions as OPML 2.0. A feed an OPML file filed in folders is nested in each
    folder path again (`feed_folders`: Tech › Programming › Rust, and a feed listed in two
    folders under both, as the file had it); another tagged feed in a folder named by its first
    tag. Folders are what every reader reading folders reads; every tag is in the feed's
    `category` attribute too ("news,local", as OPML 2.0 writes tags and newsboat reads them; a
    tag holding a comma, which it can't hold, in its folder only), which those filing a feed
    under several read. A feed's account is in its address, unless not `passwords`."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = OWN_OPML_TITLE
    body = SubElement(root, "body")
    folders: dict[tuple[str, ...], Element] = {}  # by their paths, folded

    def folder(path: Folder) -> Element:
        """The outline of the folder path `path`, made (with those above it) when new."""
        key = tuple(folded(name) for name in path)
        if key not in folders:
            parent = folder(path[:-1]) if len(path) > 1 else body
            name = _xml_chars(path[-1])
            folders[key] = SubElement(parent, "outline", {"text": name, "title": name})
        return folders[key]

    for feed in feeds:
        # OPML 2.0's text is what a reader shows, its title the feed's own (listparser reads
        # them so): the user's name, where there is one, and the title a sync will find again.
        url = exported_url(feed, passwords)
        # No name: its address without its password (`xmlUrl` carries that).
        text = feed.name or feed.title or without_credentials(url)
        attributes = {"type": "rss", "text": text, "xmlUrl": url}
        if feed.title and not undecided(feed):  # an import's one name, not told apart yet
            attributes["title"] = feed.title
        if feed.site_url:
            attributes["htmlUrl"] = wire_url(feed.site_url)
        if categories := [tag for tag in feed.tags if "," not in tag]:
            attributes["category"] = ",".join(categories)
        paths = feed_folders(feed) or (((feed.tags[0],),) if feed.tags else ())
        written = {key: _xml_chars(value) for key, value in attributes.items()}
        for parent in [folder(path) for path in paths] or [body]:
            SubElement(parent, "outline", written)
    # One outline a line, as newsboat writes it: people keep their subscriptions in a dotfiles
    # repository and read their diffs.
    indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode") + "\n"
