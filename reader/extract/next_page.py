"""The next page of an article split over several ("Page 2 of 5", "Next page ›"), and the
article on one page when the site offers it.

Reviews, long reads and some news sites cut an article into pages; a reader that stopped at the
first would cache a third of it. Wallabag and Mercury follow such pages; Readability.js doesn't.

The danger is taking another article for the next page: WordPress puts the next *post* in
`<link rel="next">`, a sidebar lists "weekly-roundup-2". So a link is the next page only when
its address is this page's with a page number added (page 1 → 2: "/story/2/", "story-2.html",
"?page=2") or raised by one (k → k+1), the number standing where page numbers stand (last in
the path, or a `page=` parameter); and when the link says so: `rel="next"` or the text of a
pager ("Next page", "2", "Seite 2", "›"). A number glued to the slug ("story-2.html"), the
form WordPress gives two posts of one title, counts only from a pager's text, never from
`rel="next"`, and so does one raised there ("roundup-12" → "roundup-13"). The caller then
checks that the page fetched carries the same title, numbers and all (but a page's), or
names the first page as its canonical address (`continues`).

Many such sites also offer the article whole on one page ("View as a single page",
"?page=all"): `one_page_url` finds that link, its text saying so and its address this page's
with a page-like mark added, so one page can be read instead of every page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ..models import Article, BlockKind
from ..urls import absolute_url, canonical_url, site_host

_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+")
MAX_PAGE = 50  # a larger "page number" is an id (?p=122), not a page
# A page-number parameter's names; not "p" alone, which WordPress uses for a post's id.
_PARAM = r"(?:page|pg|paged|pagina|seite|strona|pag|pagenum|currentpage)"
_WORD = r"(?:page|seite|pagina|strona|pag)"
# What may stand before the page number that a link adds to this page's address.
_ADDED_SEGMENT = re.compile(rf"^/?(?:{_WORD}[-_/]?)?0*2/?$", re.IGNORECASE)  # /2/, /page/2
_ADDED_GLUED = re.compile(rf"^[-_,](?:{_WORD}[-_]?)?0*2$", re.IGNORECASE)  # -2, _seite-2
_ADDED_PARAM = re.compile(rf"^[?&]{_PARAM}=0*2$", re.IGNORECASE)
# Where a raised number (k → k+1) stands: after one of these...
_BEFORE_NUMBER = re.compile(rf"(?:[/_,-]|[?&;]{_PARAM}=|{_WORD}[-_/]?)$", re.IGNORECASE)
# A number after a page word in the slug ("story-page-3") is a page's whatever links to it.
_GLUED_WORD = re.compile(rf"{_WORD}[-_]$", re.IGNORECASE)
# ...and before the end of the path (a slash, an extension) or the next parameter.
_AFTER_NUMBER = re.compile(r"^(?:/?|\.[a-z0-9]{1,5})(?:[?&#].*)?$", re.IGNORECASE | re.DOTALL)
# A pager's link text: "Next", "Next page ›", "2", "Page 2", "Seite 2", "›".
_PAGER_TEXT = re.compile(
    r"^\W*(?:next(?: page)?|continue|weiter|nächste(?: seite)?|suivante?|page suivante|"
    r"siguiente|successiva|volgende|próxima|следующая(?: страница)?|далее|"
    rf"(?:{_WORD}\s*)?\d{{1,2}})\W*$|^\s*[›»→>]+\s*$"
    # A page's link named for its part too: "Page 2: Benchmarks", "Next page – Battery life".
    rf"|^\W*(?:next page|nächste seite|page suivante|{_WORD}\s*\d{{1,2}})\s*[:–—-]\s*.{{1,60}}$",
    re.IGNORECASE,
)


def next_page_url(doc: HtmlElement, url: str, base: str = "") -> str:
    """The address of the page after `url`'s in the article split over pages, or "".

    Read from the whole page (the pager is outside the article, and cleanup drops it), before
    anything is removed.
    """
    if not url:
        return ""
    base = base or url
    for element in doc.iter("link", "a"):
        href = element.get("href")
        if not href or _DIGIT.search(href) is None:
            continue
        rels = (element.get("rel") or "").lower().split()
        by_rel = "next" in rels
        by_text = element.tag == "a" and bool(
            _PAGER_TEXT.match(" ".join(element.text_content().split()))
        )
        if not (by_rel or by_text):
            continue
        target = absolute_url(base, href)
        if target and is_next_page(url, target, glued=by_text):
            return target
    return ""


# A link to the whole article on one page: its text...
_ONE_PAGE_TEXT = re.compile(
    r"^\W*(?:(?:view|show|read|see)\s+)?(?:(?:it|article|story|all)\s+)?(?:(?:as|on|in)\s+)?"
    r"(?:a\s+)?(?:single|one)[\s-]page(?:\s+view)?\W*$"
    r"|^\W*(?:view|show|see)\s+all(?:\s+pages)?\W*$|^\W*all\s+on\s+one\s+page\W*$"
    r"|^\W*(?:(?:artikel|alles)\s+)?auf\s+einer\s+seite(?:\s+(?:lesen|anzeigen))?\W*$"
    r"|^\W*(?:(?:lire|afficher)\s+)?sur\s+une\s+(?:seule\s+)?page\W*$"
    r"|^\W*(?:ver\s+)?en\s+una\s+(?:sola\s+)?página\W*$",
    re.IGNORECASE,
)
# ...and what its address adds to this page's: a parameter ("?page=all", "?showall=1",
# "?view=single") or a last part of the path ("/all/", "/komplettansicht").
_ONE_PAGE_PARAM = re.compile(
    r"^(?:page|pg|seite|view|mode|display|pagewanted|showall|single|singlepage|all|full)="
    r"(?:all|alle|single|full|1|true|yes|one|onepage)$",
    re.IGNORECASE,
)
_ONE_PAGE_PATH = re.compile(
    r"^[/_,.-](?:all|single|singlepage|onepage|one-page|full|komplettansicht|komplett|alle)$",
    re.IGNORECASE,
)


def is_pager_link(text: str) -> bool:
    """`text` is a pager's link's: "Next page ›", "Page 2: Benchmarks", "View as a single
    page". Not "2" alone, which a sentence's footnote or a list's number may be."""
    # "2", "[1]", "(3)", "12.": a number alone is a footnote's or a list's as often.
    return bool(
        (_PAGER_TEXT.match(text) and not re.fullmatch(r"\W*\d+\W*", text))
        or _ONE_PAGE_TEXT.match(text)
    )


# A pager's link back: "‹ Previous page", "« Prev", "Vorherige Seite".
_PREVIOUS_TEXT = re.compile(
    r"^\W*(?:previous(?: page)?|prev|vorherige(?: seite)?|zurück|page précédente|précédente?"
    r"|anterior|precedente|vorige|предыдущая(?: страница)?|назад)\W*$",
    re.IGNORECASE,
)
# The pager's count of pages beside its links: "Page 1 of 3", "Seite 2 von 5", "2 / 3".
_PAGE_COUNT = re.compile(
    rf"(?:{_WORD}\s*)?\d{{1,2}}\s*(?:of|von|de|sur|di|из|/)\s*\d{{1,2}}", re.IGNORECASE
)
_PAGER_LINE = 120  # letters: a pager is its links and a count, never a sentence
_COUNT_ALONE = re.compile(
    rf"\W*{_WORD}\s*\d{{1,2}}\s*(?:of|von|de|sur|di|из|/)\s*\d{{1,2}}\W*"
    r"|\W*\d{1,2}\s*(?:of|von|de|sur|di|из)\s*\d{1,2}\W*",
    re.IGNORECASE,
)


def is_page_count(text: str) -> bool:
    """`text` is a pager's count of pages alone, in a paragraph of its own beside the pager's
    links ("Page 1 of 3", "Seite 2 von 5"; "2 / 3" only with its word, which a date or a
    score may be)."""
    return len(text) < 40 and bool(_COUNT_ALONE.fullmatch(text))


def is_pager_line(text: str, link_texts: list[str]) -> bool:
    """`text` is a pager's line: its links to the next or previous page (and page numbers) and
    nothing else but a count of pages: "Page 1 of 3 Next page ›", "‹ Previous page Page 3 of
    3". When the pages are read as one article, it points to what is already there."""
    if not link_texts or len(text) > _PAGER_LINE:
        return False
    if not any(is_pager_link(t) or _PREVIOUS_TEXT.match(t) for t in link_texts):
        return False  # numbers alone are a footnote's as often
    rest = text
    for link in link_texts:
        if not (is_pager_link(link) or _PREVIOUS_TEXT.match(link) or link.isdigit()):
            return False
        rest = rest.replace(link, " ", 1)
    return not re.search(r"\w", _PAGE_COUNT.sub(" ", rest))


def one_page_url(doc: HtmlElement, url: str, base: str = "") -> str:
    """The address of the whole article on one page ("View as a single page", "Auf einer
    Seite lesen") when this page offers it, else "": one page to fetch instead of every page,
    laid out as the site means the article to be read whole."""
    if not url:
        return ""
    for link in doc.iter("a"):
        href = link.get("href")
        if not href or not _ONE_PAGE_TEXT.match(" ".join(link.text_content().split())):
            continue
        target = absolute_url(base or url, href)
        if target and site_host(target) == site_host(url) and _whole_of(url, target):
            return target
    return ""


def _whole_of(url: str, target: str) -> bool:
    """`target` is `url` with a mark of the whole article added: one parameter, or one last
    part of the path (the scheme aside: an http link on an https page)."""
    here, there = urlsplit(_comparable(url)), urlsplit(_comparable(target))
    if here.netloc != there.netloc:
        return False
    here_query, there_query = set(_params(here.query)), set(_params(there.query))
    if here.path == there.path:
        added = there_query - here_query
        return (
            here_query <= there_query
            and len(added) == 1
            and bool(_ONE_PAGE_PARAM.match(next(iter(added))))
        )
    return (
        here_query == there_query
        and there.path.startswith(here.path)
        and bool(_ONE_PAGE_PATH.match(there.path[len(here.path) :]))
    )


def _params(query: str) -> list[str]:
    return [p for p in query.split("&") if p]


def one_page_url_of(page: bytes, url: str, header_charset: str | None = None) -> str:
    """`one_page_url` of a page not parsed yet; "" when it doesn't parse."""
    from ..page_parsing import parsed_page
    from .document import base_url

    doc = parsed_page(page, header_charset)
    return one_page_url(doc, url, base_url(doc, url)) if doc is not None else ""


def is_next_page(url: str, target: str, glued: bool = True) -> bool:
    """`target` is the address of the page after `url`'s: a page number added or raised by one,
    where page numbers stand. `glued`: a number added to the slug ("story-2") counts."""
    if site_host(url) != site_host(target):
        return False
    here, there = _comparable(url), _comparable(target)
    if here == there:
        return False
    start = _common_prefix(here, there)
    end = _common_suffix(here[start:], there[start:])
    old, new = here[start : len(here) - end], there[start : len(there) - end]
    # Whole numbers: "page-12" → "page-13" differs in its last digit only. ASCII digits only:
    # str.isdigit() takes "²", which int() refuses.
    while start and _ascii_digits(here[start - 1] + old[:1] + new[:1]):
        start -= 1
        old, new = here[start] + old, here[start] + new
    while end and _ascii_digits(here[len(here) - end] + old[-1:] + new[-1:]):
        old, new = old + here[len(here) - end], new + here[len(here) - end]
        end -= 1
    before, after = here[:start], here[len(here) - end :] if end else ""
    if not old:  # page 1 → 2: something added
        if not _AFTER_NUMBER.match(after):
            return False
        if _ADDED_PARAM.match(new):
            return True
        if _ADDED_SEGMENT.match(new) and (new.startswith("/") or before.endswith("/")):
            return True
        return glued and bool(_ADDED_GLUED.match(new))
    if _ascii_digits(old) and _ascii_digits(new) and len(new) <= 4:  # page k → k+1
        # "weekly-roundup-12" → "-13" is WordPress's next post of a series as much as a page.
        in_slug = before[-1:] in ("-", "_", ",") and not _GLUED_WORD.search(before)
        return (
            1 <= int(old) < MAX_PAGE
            and int(new) == int(old) + 1
            and bool(_BEFORE_NUMBER.search(before))
            and bool(_AFTER_NUMBER.match(after))
            and (glued or not in_slug)
        )
    return False


def _ascii_digits(text: str) -> bool:
    return bool(_DIGITS.fullmatch(text))


def _comparable(url: str) -> str:
    """`url` written one way whatever way a page wrote it: escapes decoded ("/%C3%BCber" and
    "/über"), no "www.", no trailing slash, its parameters in order."""
    parts = urlsplit(canonical_url(url))
    host = parts.netloc.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    query = "&".join(sorted(unquote(p) for p in parts.query.split("&") if p))
    return f"{parts.scheme}://{host}{path}" + (f"?{query}" if query else "")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


# Words a page's title adds to the article's: "… – Page 2", "(Seite 2 von 5)", "continued".
_PAGE_WORDS = frozenset(
    [
        "page",
        "pages",
        "seite",
        "pagina",
        "página",
        "strona",
        "страница",
        "of",
        "von",
        "de",
        "sur",
        "di",
        "continued",
    ]
)
_SAME_TITLE = 0.8  # share of the shorter title's words the other has too


def same_article(first_title: str, title: str) -> bool:
    """A page titled `title` goes on with the article titled `first_title`: the same words,
    but for a page number and maybe the page's own section ("… Review: Page 2 - Battery
    Life"). Without a title on either side there is nothing to go by, and one word in common
    ("Review") is not enough."""
    a, b = _title_words(first_title), _title_words(title)
    if not a or not b or _title_numbers(first_title) != _title_numbers(title):
        return False  # "Weekly roundup 12" and "13" are two posts
    shared = len(a & b)
    return a == b or (shared >= 2 and shared / min(len(a), len(b)) >= _SAME_TITLE)


def continues(article: Article, page: Article) -> bool:
    """`page`, extracted from the page after the last of `article`'s, goes on with it: it
    carries the same title, or names the article's first page as its canonical address (as
    many sites have every page of an article do)."""
    if same_article(article.title, page.title):
        return True
    first = canonical_url(article.url) if article.url else ""
    return bool(first and page.canonical_url and canonical_url(page.canonical_url) == first)


def append_page(article: Article, page: Article) -> Article:
    """`article` with the text of its next page after its own, less what it repeats (the
    standfirst, a table of contents of the pages, a picture shown on every page)."""
    seen = set(article.blocks)
    headline = _folded_words(article.title)
    added = tuple(
        block
        for block in page.blocks
        if block not in seen
        # The headline again over the page (its `<title>` says "(page 2)", so its reading kept
        # its `<h1>`): shown mid-text as a section's heading (acc34a C5).
        and not (block.kind == BlockKind.HEADING and _folded_words(block.text) == headline)
    )
    return replace(article, blocks=article.blocks + added) if added else article


def _title_numbers(title: str) -> set[str]:
    """The numbers of a title but a page's: "Page 2", "2 of 5", "(2/3)", "Seite 3 von 5"."""
    tokens = re.findall(r"\w+|/", title.lower())
    after_page = {*_PAGE_WORDS, "/"}  # "page 2", "of 5", "/3"
    before_count = {"of", "von", "de", "sur", "di", "/"}  # "2 of", "2/"
    return {
        w
        for i, w in enumerate(tokens)
        if w.isdigit()
        and (i == 0 or tokens[i - 1] not in after_page)
        and (i + 1 == len(tokens) or tokens[i + 1] not in before_count)
    }


def _folded_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _title_words(title: str) -> set[str]:
    words = re.findall(r"\w+", title.lower())
    return {w for w in words if w not in _PAGE_WORDS and not w.isdigit()}


# A box holding the pages' contents besides its list: its label ("Inhalt", "Contents") and
# the link to the whole article on one page, a few words.
_CONTENTS_BOX_WORDS = 6


def without_page_contents(doc: HtmlElement) -> None:
    """Drop the table of contents of an article's pages: Die Zeit's "Inhalt" over "Seite 1 —
    GDL kündigt Streik…" and a link "Seite 2 — Was Pendler jetzt erwartet". It points to the
    pages the article is read from, and is on the first page only, so not taken out as a
    repeat when the next is added. A list whose every item (two or more) is a page's name,
    one at least a link; and the box holding it when that holds only its label and pager
    links. Asked after the next page is found: it may be the link to it."""
    for contents in list(doc.iter("ol", "ul")):
        items = [li for li in contents if isinstance(li.tag, str)]
        if len(items) < 2 or any(li.tag != "li" for li in items):
            continue
        if not all(_PAGE_NAME.match(_words(li)) for li in items):
            continue
        if all(li.find(".//a") is None for li in items):
            continue
        holder = contents.getparent()
        if holder is not None and holder.tag not in ("body", "article", "main"):
            rest = _words(holder).replace(_words(contents), " ", 1)
            for link in holder.iter("a"):
                if is_pager_link(_words(link)):
                    rest = rest.replace(_words(link), " ", 1)
            lists = sum(1 for _ in holder.iter("ol", "ul"))
            if lists == 1 and len(rest.split()) <= _CONTENTS_BOX_WORDS:
                contents = holder
        contents.drop_tree()


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


# A page's name in the table: "Seite 2 — Was Pendler jetzt erwartet", "Page 3: Battery life".
_PAGE_NAME = re.compile(rf"^\W*{_WORD}\s*\d{{1,2}}\s*[:–—-]\s*\S", re.IGNORECASE)
