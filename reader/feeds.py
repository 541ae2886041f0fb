"""Feed bytes → a feed's title and its entries, via feedparser (RSS 0.9x/1.0/2.0, Atom, CDF).

Runs in a worker (thread or process) for large feeds: parsing is CPU work.
"""

from __future__ import annotations

import copy
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from html.entities import html5
from typing import Any

import feedparser
import feedparser.mixin

from .attached_pictures import described, picture_title, pictures_html
from .charset import decode_feed
from .config import DEFAULT_LIMITS
from .discovery import web_page_answer
from .discussion_links import comments_of
from .enclosures import enclosures_of
from .feed_dates import feed_time
from .feed_items import first_items
from .feed_summary import summary_line
from .item_categories import categories_of
from .json_feed import NotAJsonFeed, feedparser_shaped
from .keys import entry_id, link_key
from .models import Entry, ErrorKind, FetchError, ParsedFeed
from .named_references import numbered_references
from .platform_items import shared_story, source_of, without_platform_footer, without_source
from .post_titles import as_opening_words, opening_words
from .safe import safe_line
from .sitemap_feed import NotASitemap, is_sitemap
from .sitemap_feed import feedparser_shaped as sitemap_shaped
from .sniff import html_title, is_html_document, is_json_feed
from .start_tags import with_fewer_attributes
from .text_shape import text_as_html
from .urls import absolute_url, is_web_url, item_link
from .writer_names import is_account

# feedparser looks for an e-mail address in each author-like field (<author>, <dc:creator>,
# <managingEditor>…) with a regular expression whose time grows with the square of the field's
# length: a hostile feed's 100 KB author took 141 s, a 1 MB one hours, holding a worker (and a
# quit waiting on it) all that time. No name is this long: the field is cut before the search.
# A wrapper, not a copy, of feedparser's method (pinned in uv.lock), so its logic stays theirs.
MAX_AUTHOR_CHARS = 1000
_sync_author_detail = feedparser.mixin._FeedParserMixin._sync_author_detail


def _capped_author_detail(self: Any, key: str = "author") -> None:
    context = self._get_context()
    value = context.get(key)
    if isinstance(value, str) and len(value) > MAX_AUTHOR_CHARS:
        context[key] = value[:MAX_AUTHOR_CHARS]
    _sync_author_detail(self, key)


feedparser.mixin._FeedParserMixin._sync_author_detail = _capped_author_detail  # type: ignore[method-assign]

# And each category (<category>, <dc:subject>, Atom's <category term>) is compared with every one
# the item has before it is kept: a hostile item's 100,000 held `reader add` and every sync for
# half an hour. No item needs more than these; the rest are not read.
MAX_CATEGORIES = 100
_add_tag = feedparser.mixin._FeedParserMixin._add_tag


def _capped_add_tag(self: Any, term: Any, scheme: Any, label: Any) -> None:
    if len(self._get_context().get("tags") or ()) < MAX_CATEGORIES:
        _add_tag(self, term, scheme, label)


feedparser.mixin._FeedParserMixin._add_tag = _capped_add_tag  # type: ignore[method-assign]

# For each title, summary and content it reads, feedparser's mixin deep-copies the element's
# parameters (its type, language, base; a FeedParserDict of strings) through `copy.deepcopy`'s
# generic machinery: an eighth of a big feed's parse (acc40b P11, bigfeed41). A dictionary of
# strings, None and numbers is copied whole by copying its dictionary, the same class, keys and
# order; anything else goes to `copy.deepcopy` as before. The mixin's name `copy` is given
# this, the module itself is left alone.
_IMMUTABLE = (str, type(None), bool, int, float)


class _ParamsCopy:
    """What feedparser's mixin calls `copy`: its one use of it, `deepcopy`."""

    @staticmethod
    def deepcopy(value: Any) -> Any:
        if (
            type(value) is feedparser.FeedParserDict
            and not value.__dict__
            and all(type(item) in _IMMUTABLE for item in value.values())
        ):
            return feedparser.FeedParserDict(value)
        return copy.deepcopy(value)


feedparser.mixin.copy = _ParamsCopy  # type: ignore[assignment]


# A document type declaration with its internal subset is where entity bombs ("billion
# laughs") and external entities (XXE) live. Feeds don't need one: every one is removed before
# parsing, so no entity is ever expanded or fetched whatever the XML parser would do. It can
# only stand in the prolog, before the root element, among comments and processing
# instructions. The prolog is read as text, decoded with the codec the feed will be parsed
# with, so no encoding (UTF-16 with or without a byte-order mark) hides a declaration.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_DOCTYPE_HEAD = re.compile(r"""<!DOCTYPE(?:[^"'\[>]|"[^"]*"|'[^']*')*""", re.IGNORECASE)
# What an internal subset holds: markup declarations (their quoted values may hold "]" and
# ">"), comments (which may too), processing instructions, parameter-entity references.
_SUBSET_ITEM = re.compile(
    r"""\s+|<!--.*?-->|<\?.*?\?>|<!(?:[^"'>]|"[^"]*"|'[^']*')*>|%[^;\s]*;""", re.DOTALL
)
_DOCTYPE_TAIL = re.compile(r"\s*>")
_XML_DECLARATION = re.compile(r"""^(\ufeff?<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")


def _doctype_end(text: str, start: int) -> int:
    """Where the DOCTYPE at `start` ends (the end of the text when it never closes: what is
    left is then no document, and the parser refuses it)."""
    at = _DOCTYPE_HEAD.match(text, start).end()  # type: ignore[union-attr]
    if text.startswith("[", at):
        at += 1
        while item := _SUBSET_ITEM.match(text, at):
            if item.end() == at:
                break
            at = item.end()
        if not text.startswith("]", at):
            return len(text)
        at += 1
    tail = _DOCTYPE_TAIL.match(text, at)
    return tail.end() if tail else len(text)


def without_dtd(text: str) -> tuple[str, bool]:
    """The feed's text with every DOCTYPE of its prolog removed, and whether one declared
    more than HTML's named references (`_declares_more`): what the feed meant may then be
    lost. Raises ValueError for a prolog holding another declaration (`<!ENTITY` outside a
    DOCTYPE): no parser should see it."""
    lost = False
    at = 1 if text.startswith("\ufeff") else 0
    while True:
        item = _PROLOG_ITEM.match(text, at)
        if item and item.end() > at:
            at = item.end()
        elif text.startswith("<!DOCTYPE", at) or text[at : at + 9].upper() == "<!DOCTYPE":
            end = _doctype_end(text, at)
            lost = lost or _declares_more(text[at:end])
            text = text[:at] + text[end:]
        elif text.startswith("<!", at):
            raise ValueError("a declaration outside any element")
        else:
            return text, lost  # the root element: no DOCTYPE can follow


# An entity's declaration in an internal subset: its name, "%" before it for a parameter one.
_ENTITY_NAME = re.compile(r"<!ENTITY\s+(%\s+)?([^\s\"'>]+)")


def _declares_more(doctype: str) -> bool:
    """Whether a DOCTYPE declares an entity other than one of HTML's named references, which
    `numbered_references` writes as XML reads them. An external DTD (RSS 0.91's Netscape
    one) is fetched by no feed reader: a name of its own a feed then uses is an undefined
    entity, said as the XML's error."""
    head = _DOCTYPE_HEAD.match(doctype).end()  # type: ignore[union-attr]
    if not doctype.startswith("[", head):
        return False
    at = head + 1
    while (item := _SUBSET_ITEM.match(doctype, at)) and item.end() > at:
        declared = _ENTITY_NAME.match(item[0])
        if item[0].startswith("%") or (
            declared and (declared[1] or f"{declared[2]};" not in html5)
        ):
            return True
        at = item.end()
    return False


# A character reference that may name no character XML allows: a surrogate (D800–DFFF, as
# JavaScript and Java write an emoji, "&#55357;&#56832;"), one past U+10FFFF, U+FFFE/U+FFFF.
# Common ones ("&#8217;", "&#x2019;") are left to the parser.
_ODD_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9A-Fa-f]{4,})|0*([0-9]{5,}));")


def mended_references(text: str) -> str:
    """`text` with its character references to no character (a lone surrogate, a number past
    Unicode's) made U+FFFD's, and an emoji written as two surrogates' references made one:
    feedparser's lenient parser raised on them, and one such title lost every item of the
    feed."""
    if "&#" not in text:
        return text
    parts: list[str] = []
    at = 0
    high: re.Match[str] | None = None  # a high surrogate's, waiting for its low one
    for match in _ODD_REFERENCE.finditer(text):
        value = int(match[1], 16) if match[1] else int(match[2])
        if high is not None:
            first = int(high[1], 16) if high[1] else int(high[2])
            if high.end() == match.start() and 0xDC00 <= value <= 0xDFFF:
                parts.append(f"&#x{0x10000 + ((first - 0xD800) << 10) + (value - 0xDC00):X};")
                at, high = match.end(), None
                continue
            parts.append("&#xFFFD;")
            at, high = high.end(), None
        parts.append(text[at : match.start()])
        at = match.start()
        if 0xD800 <= value <= 0xDBFF:
            high = match
        elif 0xDC00 <= value <= 0xDFFF or value > 0x10FFFF or value in (0xFFFE, 0xFFFF):
            parts.append("&#xFFFD;")
            at = match.end()
    if high is not None:
        parts.append("&#xFFFD;")
        at = high.end()
    parts.append(text[at:])
    return "".join(parts)


def _strip_tags(html: Any) -> str:
    return re.sub(r"<[^>]*>", " ", html) if isinstance(html, str) else ""


# The feed's full text of an item is a fallback for a page that gives little (a paywall); a
# long read is well under this, a feed that sends more is not sending an article.
MAX_CONTENT_CHARS = 500_000


def _content(item: Any, summary: str) -> str:
    """The longest of the item's content values when it holds more words than the summary; a
    picture's description (`attached_pictures.described`) is none."""
    parts = item.get("content")
    if not parts:
        return ""  # most RSS items: no summary's words to count (a twelfth of `_feed_of`)
    best = ""
    pictures = described(item)
    for part in parts:
        value = part.get("value") if isinstance(part, dict) else None
        if not isinstance(value, str) or value in pictures:
            continue
        value = _as_html(value, part.get("type"))
        if len(value) > len(best):
            best = value
    if len(_strip_tags(best).split()) <= len(_strip_tags(summary).split()):
        return ""
    return best[:MAX_CONTENT_CHARS]


def _text(value: Any, limit: int) -> str:
    line = safe_line(value if isinstance(value, str) else "", limit)
    # A title of zero-width spaces or bidi marks alone showed as a blank headline: it is none.
    return line if any(unicodedata.category(c)[0] not in "CZ" for c in line) else ""


# A tag in a feed's text: its name, a space, "/" or ">" after "<" ("a < b" is no tag).
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# Markup a title written as HTML may hold: how it looks, never what it says.
_TITLE_MARKUP = re.compile(
    r"</?(?:a|abbr|b|bdi|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|small|span|strong"
    r"|sub|sup|time|u|var|wbr)\b[^<>]*>",
    re.IGNORECASE,
)


def _title(detail: Any, value: Any, limit: int) -> str:
    """A title as its reader sees it. Written as HTML (Atom's type="html" or "xhtml", and every
    RSS title, which may be), its markup is left out and its entities read: "AT&amp;amp;T" is "AT&T",
    "&lt;i&gt;" the text "<i>"; a tag that is no title markup ("The <title> tag") stays text."""
    if not isinstance(value, str):
        return ""
    kind = detail.get("type") if isinstance(detail, dict) else ""
    if kind in ("text/html", "application/xhtml+xml") and ("&" in value or "<" in value):
        value = html.unescape(_TITLE_MARKUP.sub("", value))
    return _text(value, limit)


def _as_html(value: str, kind: Any) -> str:
    """A feed's text as HTML for the extractor: plain text (and "HTML" with no tag at all, as
    a YouTube video's description is labelled) laid out by its shape, its paragraphs and the
    line breaks it means (`text_shape`); HTML as it is."""
    if kind == "text/plain":
        return text_as_html(value)
    if "\n" in value.strip() and not _TAG.search(value):
        return text_as_html(html.unescape(value))
    return value


# RSS 2.0's <author> is an address with the name after it in brackets ("news@x.org (Lena
# Holm)"); Atom's and many feeds' a name, sometimes with the address ("Lena Holm <l@x.org>").
# feedparser's own split of the first form cuts the name ("ple (Lena Holm").
_NAME_AFTER_ADDRESS = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]+)\)\s*$")
_ADDRESS_AFTER_NAME = re.compile(r"^\s*(?P<name>[^<>@]+?)\s*[<(]\s*\S+@[^<>()\s]+\s*[>)]\s*$")


def _author(value: Any) -> str:
    """The author's name, without the e-mail address a feed wrote with it; an address alone
    stays (it is all the feed says of who wrote it)."""
    text = _text(value, 400)
    match = _NAME_AFTER_ADDRESS.match(text) or _ADDRESS_AFTER_NAME.match(text)
    return safe_line(match["name"], 200) if match else _text(value, 200)


def _feed_authors(parsed: Any) -> Callable[[Any], str]:
    """Who wrote an item naming no author, as its format says: in Atom (RFC 4287 4.2.1) its
    `<source>`'s author, else the feed's; in a JSON Feed the top-level authors (`json_feed`
    gives them as the feed's). RSS says nothing of the kind: a channel's `managingEditor`,
    which feedparser gives as the feed's author, is an editor, not every item's writer."""
    if not str(parsed.get("version") or "").startswith(("atom", "json")):
        return lambda item: ""
    whole = _authors(parsed.get("feed") or {})
    return lambda item: _authors(item.get("source") or {}) or whole


def _authors(item: Any) -> str:
    """Every author an item names, in its order: feedparser's `author` is the last of several
    `<author>`s or `<dc:creator>`s, and the story's lead writer was dropped from its citation.
    Its list splits an RSS "address (Name)" badly ("ple (Mairi Boyd"): a list with such a
    name in it is left for the one `author`, read as written."""
    people = [p for p in item.get("authors") or () if isinstance(p, dict)]
    names = [str(p.get("name") or "") for p in people]
    if len(names) < 2 or not all(names) or any(set(n) & set("()<>@") for n in names):
        return _author(item.get("author"))
    return safe_line(", ".join(dict.fromkeys(_author(n) for n in names)), 200)


def _reused_guids(items: list[Any], links: list[str]) -> set[str]:
    """The GUIDs a feed gives to items with different links (`links`: the items')."""
    found: dict[str, set[str]] = {}
    for item, link in zip(items, links, strict=True):
        if guid := item.get("id"):
            found.setdefault(guid, set()).add(link)
    return {guid for guid, seen in found.items() if len(seen) > 1}


_PARSER_PLACE = re.compile(r"^<unknown>:(\d+):(\d+):\s*")


def _xml_errors(complaint: str, read: bool = True) -> str:
    """The feed's XML errors in words first (a feed list's border shows only its start), the
    parser's place as a line and column: not "<unknown>:2:133: not well-formed". "Read
    anyway" only when something was (`read`): said of a feed refused, it contradicted itself
    ("not a readable feed (the feed's XML has errors, read anyway (…))")."""
    said = safe_line(complaint, 160)
    place = _PARSER_PLACE.match(said)
    if place is not None:
        said = f"{said[place.end() :]} at line {place[1]}, column {place[2]}"
    # expat's words for a document that stops before its elements close: a feed cut short (a
    # server's Content-Length too small, a generator that died), said so.
    cut = said.startswith(("no element found", "unclosed token"))
    errors = "is cut short (it ends before its elements close)" if cut else "has errors"
    if not read:
        return f"its XML {errors}" + (f": {said}" if said else "")
    return f"the feed's XML {errors}, read anyway" + (f" ({said})" if said else "")


def parse_feed(
    body: bytes,
    url: str,
    base_url: str = "",
    content_type: str = "",
    header_charset: str | None = None,
    sitemaps: Sequence[bytes] = (),
) -> ParsedFeed:
    """Parse a downloaded feed; raises FetchError(BAD_FEED) when the bytes are not a feed at all.

    `url` is the subscription's URL (entries belong to it); `base_url`, where the bytes came
    from after redirects, resolves relative links; `content_type` is the media type alone and
    `header_charset` the charset the header gave with it. Of a sitemap index, `sitemaps` are
    the sitemaps of it fetched (`sitemap_feed.index_sitemaps`); of a sitemap, those read with it
    (the sitemaps of an unchanged index that changed, `library.sitemap_index`).
    """
    if is_html_document(body):
        # A moved feed's site, an error page sent with 200, a Wi-Fi login page: what it is
        # says more than the XML parser's complaints about it.
        raise FetchError(ErrorKind.BAD_FEED, web_page_answer(html_title(body)), url)
    limits = DEFAULT_LIMITS
    base = base_url or url
    if is_json_feed(body):
        try:
            parsed, count = feedparser_shaped(body, limits.max_feed_items)
        except NotAJsonFeed as error:
            raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({error})", url) from None
        return _feed_of(parsed, count, [], url, base)
    if is_sitemap(body):
        try:
            parsed, _ = sitemap_shaped(body, base, sitemaps)
        except NotASitemap as error:
            raise FetchError(ErrorKind.BAD_FEED, f"not a readable sitemap ({error})", url) from None
        # Its newest pages are all it is read for: the rest are no problem of the feed's.
        return _feed_of(parsed, len(parsed["entries"]), [], url, base)
    parsed, count, problems = _parsed_xml(body, url, content_type, header_charset)
    return _feed_of(parsed, count, problems, url, base)


def _parsed_xml(
    body: bytes, url: str, content_type: str, header_charset: str | None
) -> tuple[Any, int, list[str]]:
    """feedparser's reading of an RSS or Atom feed, its count of items (before those past the
    limit were cut), and the problems met on the way (a DOCTYPE left out)."""
    limits = DEFAULT_LIMITS
    # No content-location, no sanitising and no relative-URI pass: they were a third of the
    # parse time (an urljoin per element), and nothing here needs them. Links are made absolute
    # below; feed HTML is never rendered as markup (titles go through safe_line, a summary
    # through the extractor's own cleaning when it is shown).
    try:
        text = decode_feed(body, header_charset)
        text, lost_dtd = without_dtd(text)
        # Cut before the parse, which held every item (`feed_items`); after the DTD is gone,
        # whose declarations may hold anything.
        text, count = first_items(text, limits.max_feed_items)
        text = with_fewer_attributes(numbered_references(mended_references(text)))
    except ValueError as error:
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({error})", url) from None
    # Decoded once, by our one charset policy, and handed on as UTF-8 saying so. feedparser
    # follows RFC 3023 to the letter (the header's charset, else US-ASCII for text/xml) and
    # calls any other codec a "CharacterEncodingOverride" problem.
    body = _XML_DECLARATION.sub(r'\1"utf-8"', text, count=1).encode("utf-8")
    headers = {"content-type": f"{content_type or 'application/xml'}; charset=utf-8"}
    try:
        parsed = feedparser.parse(
            body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as error:  # hostile bytes reach corners of feedparser that raise anything
        raise FetchError(
            ErrorKind.BAD_FEED,
            f"not a readable feed ({type(error).__name__}: {safe_line(error, 120)})",
            url,
        ) from None
    problems = ["its DOCTYPE was ignored (no entities expanded)"] if lost_dtd else []
    return parsed, count, problems


def _original_link(item: Any, base: str) -> str:
    """The story's own address a FeedBurner-proxied feed states beside its `~r/` tracking link
    (`feedburner:origLink`), or "": the tracker's redirects are dead for many feeds since
    FeedBurner's shutdown of item tracking, and a citation must never name them (acc42c C13)."""
    original = item.get("feedburner_origlink")
    if not isinstance(original, str) or not original.strip():
        return ""
    link = item_link(base, original.strip())
    return link if is_web_url(link) else ""


_CUT_SHORT = ("…", "...", "[…]", "[...]", "[&hellip;]")
"""How an excerpt ends, where the text goes on at its page."""


def _feed_of(parsed: Any, count: int, problems: list[str], url: str, base: str) -> ParsedFeed:
    """The feed `parsed` (feedparser's result, or a JSON Feed shaped as one) as the reader keeps
    it; `count` is how many items it had before the cut to the limit."""
    limits = DEFAULT_LIMITS
    meta = parsed.get("feed", {})
    items = parsed.get("entries", [])
    complaint = parsed.get("bozo_exception", "")
    # A feed served as application/octet-stream or text/plain is well-formed XML all the same,
    # read as such: no problem of its own for `reader feeds` to show.
    bad_xml = parsed.get("bozo") and not isinstance(complaint, feedparser.NonXMLContentType)
    if not items and not meta.get("title"):
        if bad_xml:
            problems.append(_xml_errors(str(complaint), read=False))
        what = "; ".join(problems) or "no items and no title"
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({what})", url)
    if bad_xml:
        problems.append(_xml_errors(str(complaint)))
    # The items counted before the cut; feedparser's count where it read more (tags it mended).
    count = max(count, len(items))
    if count > limits.max_feed_items:
        problems.append(f"only the newest {limits.max_feed_items} of {count} items kept")
    problem = "; ".join(problems)
    feed_title = _title(meta.get("title_detail"), meta.get("title"), limits.max_title_length)
    site_url = absolute_url(base, meta.get("link", "") or "")
    entries: list[Entry] = []
    seen: set[str] = set()
    kept = items[: limits.max_feed_items]
    links = [item_link(base, item.get("link", "") or "") for item in kept]
    reused = _reused_guids(kept, links)
    feed_authors = _feed_authors(parsed)
    for item, given in zip(kept, links, strict=True):
        link = _original_link(item, base) or given
        summary = item.get("summary", "") or ""
        if isinstance(summary, str):
            summary = _as_html(summary, (item.get("summary_detail") or {}).get("type"))
        # Its content is told from its summary as the feed sent both, before either's footer
        # goes (Reddit's Atom: one text twice).
        content = _content(item, summary if isinstance(summary, str) else "")
        # An aggregator's item names its outlet, whose name it adds to the title too: cited
        # as the story's source, the title as the outlet wrote it.
        source = source_of(item)
        if isinstance(summary, str):
            summary = without_platform_footer(summary, source)
        # An item with no title (a micro-post) is named by the start of its text.
        named = _title(item.get("title_detail"), item.get("title"), limits.max_title_length)
        title = without_source(named, source)
        if title and isinstance(summary, str):
            title = as_opening_words(title, summary)  # as a headline kept so is read
        if not title and isinstance(summary, str):
            line = summary_line(summary)
            # A post that is only a picture is named by its description, as its line is.
            title = _text(opening_words(line), limits.max_title_length) or picture_title(item, 80)
            # Its pictures after its text: a post's page is scripts, its feed's text all of it,
            # its content (read offline whole, not "½ only in part"); not an excerpt ending
            # "[…]", a summary whatever its title.
            summary += pictures_html(item, base)
            if not line.endswith(_CUT_SHORT):
                content = content or summary
        # A Reddit link post's article is the story it shares, its thread the discussion.
        story = shared_story(summary, base, link) if isinstance(summary, str) else ""
        thread, link = (link, story) if story else ("", link)
        # By the link as the feed gives it: an item's id stays what it was before its
        # `feedburner:origLink` was read, and by its title as the feed gave it.
        key = item.get("id") or given or named or title
        if key in reused and given:
            # One GUID for several stories (a CMS misconfigured): each is told by its link too,
            # as feed readers do; by the GUID alone, five stories were one headline.
            key = f"{key} {given}"
        if not key:
            continue
        eid = entry_id(url, key)
        if eid in seen:  # duplicate GUIDs inside one feed: the first (newest) wins
            continue
        seen.add(eid)
        author = _authors(item) or feed_authors(item)
        # A CMS's account ("admin", WordPress's default) is no writer, as on its pages.
        author = "" if is_account(author) else author
        # The calendar a year is of is told by the feed's language, or its item's address.
        language = (item.get("title_detail") or {}).get("language") or meta.get("language") or ""
        where = link or url
        updated_at = item.get("updated_parsed"), item.get("updated")
        published_at = item.get("published_parsed"), item.get("published")
        updated = feed_time(*updated_at, language, where)
        # An RSS item's one date is both (feedparser's `updated` falls back on `published`):
        # read once, not twice (a tenth of `_feed_of`).
        if published_at != updated_at:
            published = feed_time(*published_at, language, where) or updated
        else:
            published = updated
        entries.append(
            Entry(
                id=eid,
                feed_url=url,
                title=title or "(untitled)",
                link=link,
                published=published,
                updated=updated,
                author=author,
                summary=summary[:20000] if isinstance(summary, str) else "",
                feed_title=feed_title,
                content=without_platform_footer(content, source),
                enclosures=enclosures_of(item, base),
                comments=comments_of(item, base, link) or thread,
                categories=categories_of(item),
                source=source,
            )
        )
    keys = {entry.id: link_key(entry.link) for entry in entries}
    return ParsedFeed(feed_title, site_url, tuple(entries), problem, keys)
