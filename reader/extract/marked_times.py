"""The article's times as the page's elements mark them up, outside `<meta>` and JSON-LD:
microdata's and RDFa's properties, hAtom's classes, its own `<time>` and the one its text labels
a revision, never a comment's, a related story's or a video's held as another item's property
(`of_another_item`). Apart from `article_dates`, which weighs these against the declared times
and the datelines, because finding them is reading the page's markup, element by element.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..dates import date_only, parse_datetime
from .byline import byline_place, elsewhere_in_article, in_article
from .month_names import UPDATED_WORDS, UPDATED_WORDS_CJK
from .written_dates import parse_text_date

# The label of a revision's `<time>`, just before it: "Last updated <time datetime=…>".
_UPDATED_LABEL = re.compile(
    rf"(?:\b{UPDATED_WORDS}|{UPDATED_WORDS_CJK})\W*(?:on|at|le|am|el|il|em|op)?\W*$",
    re.IGNORECASE,
)


_OPENS_UPDATED = re.compile(rf"\s*(?:{UPDATED_WORDS}\b|{UPDATED_WORDS_CJK})", re.IGNORECASE)


# The page's elements read for its times are picked by their tag (`iter`) or found from their
# attribute (`_holders`): an XPath testing every element for them cost a demo page 0.3 ms of
# its 15, on every page.


def _holders(doc: HtmlElement, attribute: str) -> list[HtmlElement]:
    """The elements with `attribute`, in the page's order."""
    return [value.getparent() for value in doc.xpath(f"//@{attribute}")]


def _datetimes(doc: HtmlElement) -> list[HtmlElement]:
    """The `<time>`s with a `datetime`, in the page's order."""
    return [el for el in doc.iter("time") if el.get("datetime") is not None]


def _itemprop_times(doc: HtmlElement) -> dict[str, str]:
    """The first microdata time of each name (`datePublished`, `dateModified`) on an element
    other than `<meta>` (which `_meta_values` reads): a `<time itemprop=…>`'s `datetime`, or the
    `content` CNET puts on its `<time>` where the standard wants `datetime`. Not a comment's."""
    times: dict[str, str] = {}
    # Elements with an itemprop are few; a test of every element's attribute by XPath string
    # functions cost a millisecond a page. One pass serves every name.
    for el in _holders(doc, "itemprop"):
        if el.tag == "meta" or (el.get("datetime") is None and el.get("content") is None):
            continue
        names = [n for n in el.get("itemprop", "").split() if n not in times]
        if not names or of_another_item(el):
            continue
        value = (el.get("datetime") or el.get("content") or "").strip()
        if value:
            times.update(dict.fromkeys(names, value))
    return times


def _rdfa_times(doc: HtmlElement) -> dict[str, str]:
    """The first RDFa time of each name (`dc:date`, `dc:created`) on an element other than
    `<meta>`: Drupal prints its node's `<span property="dc:date dc:created" content="…">` around
    "Submitted by … on Thu, 04/06/2026 - 09:12", the page's only date. Not a comment's (Drupal
    types each `sioct:Comment` and dates it the same way)."""
    times: dict[str, str] = {}
    for el in _holders(doc, "property"):
        if el.tag == "meta" or el.get("content") is None:
            continue
        names = [n.lower() for n in el.get("property", "").split()]
        names = [n for n in names if n in _RDFA_DATES and n not in times]
        if not names or of_another_item(el):
            continue
        value = el.get("content", "").strip()
        if value:
            times.update(dict.fromkeys(names, value))
    return times


_RDFA_DATES = frozenset({"dc:date", "dc:created", "dcterms:created"})


# The items on a page whose times are not the article's: a reader's comment, an answer
# (WordPress and Genesis mark each comment's time `itemprop="datePublished"` too), and a review
# or comment held as a property of the page's item. A review that is the page's own item (a film
# review typed `Review`) is the article.
_RESPONSE_TYPE = re.compile(r"comment|answer", re.IGNORECASE)
_RESPONSE_PROPERTY = re.compile(r"comment|review|answer", re.IGNORECASE)


# Items with times of their own (an upload, a recording) that a story holds as a property.
_MEDIA_TYPE = re.compile(r"(?:Video|Image|Audio|Media|Music|3DModel)Object|Clip\b|Photograph")


def of_another_item(el: HtmlElement) -> bool:
    """`el` is a property of an item other than the article: one in a place that holds other
    stories (a "related" box, a sidebar), a comment's (a review's, an answer's; a microdata
    item, or an RDFa one by its `typeof`), or a picture's or a video's held as a property of
    another item (Yahoo's `itemprop="video"` VideoObject, whose upload time comes before the
    story's own)."""
    if byline_place(el) == 2 or _of_a_response(el):  # a related story's, a sidebar's
        return True
    # A person or a publisher has no time of its own: a time in one is the article's, marked
    # up inside its author's item (CNET's byline).
    item = next((i for i in (el, *el.iterancestors()) if i.get("itemscope") is not None), None)
    return (
        item is not None
        and bool(item.get("itemprop"))
        and bool(_MEDIA_TYPE.search(item.get("itemtype") or ""))
    )


def _of_a_response(el: HtmlElement) -> bool:
    """`el` is in a comment's (a review's, an answer's) item: a microdata item by its type or
    the property it is of the page's item, or an RDFa one by its `typeof`."""
    for node in (el, *el.iterancestors()):
        if _RESPONSE_TYPE.search(node.get("typeof") or ""):
            return True
        if node.get("itemscope") is not None and (
            _RESPONSE_TYPE.search(node.get("itemtype") or "")
            or _RESPONSE_PROPERTY.search(node.get("itemprop") or "")
        ):
            return True
    return False


def _own_time(doc: HtmlElement) -> str | None:
    """The `datetime` of the article's own `<time>`: the first inside the article, else the
    first not in a place that holds other stories' (a related box, a navigation bar). When
    every one is in such a place by its names, the first inside the article: a layout without
    `<main>` may name the box round the whole article for its sidebar ("container
    has-sidebar"), and the page's first `<time>` was its date before places were told apart;
    not one in such a place inside the article (a related box's, a quotation's)."""
    found = _datetimes(doc)
    times = [el for el in found if byline_place(el) < 2]
    own = next((el for el in times if in_article(el)), times[0] if times else None)
    if own is None:
        own = next(
            (
                el
                for el in found
                if in_article(el) and not elsewhere_in_article(el) and not _of_a_response(el)
            ),
            None,
        )
    return own.get("datetime") if own is not None else None


def _labelled_update_time(doc: HtmlElement) -> str | None:
    """The `datetime` of the article's `<time>` its text labels a revision ("Published <time>
    · Last updated <time datetime=…>", or "<time datetime=…>Last updated: …</time>"): a page
    that declares no `dateModified` says it so."""
    for el in _datetimes(doc):
        before = el.getprevious()
        label = before.tail if before is not None else el.getparent().text  # type: ignore[union-attr]
        # The label's end only: a `<time>` inside a paragraph follows its whole text. Or the
        # label opens the `<time>`'s own words: Al Arabiya's "آخر تحديث: 03 ديسمبر ,2026…".
        labelled = (label and _UPDATED_LABEL.search(label[-40:])) or _says_its_update(el)
        if labelled and not of_another_item(el):
            return el.get("datetime")
    return None


def _says_its_update(time: HtmlElement) -> bool:
    """The `<time>`'s own words open with "Updated" and state no other moment than its
    `datetime` (or none that reads): FAZ's `<time datetime="…07:25…">Aktualisiert am
    03.12.2026 - 08:02</time>` declares the publication and says the update."""
    shown = time.text_content()
    if not _OPENS_UPDATED.match(shown):
        return False
    said, declared = parse_text_date(shown), parse_datetime(time.get("datetime") or "")
    if said is None or declared is None:
        return True
    if said.date() != declared.date():
        return False
    return date_only(said) or (said.hour, said.minute) == (declared.hour, declared.minute)


# hAtom's time of a post: a `<time datetime>`, or the `<abbr title>` of the microformat's
# older pattern (Blogger's `<abbr class="published" title="2026-11-30T18:22:00Z">18:22</abbr>`,
# whose text is the time of day alone).
def _hatom_times(doc: HtmlElement, name: str) -> list[HtmlElement]:
    """The `<time datetime>`s and `<abbr title>`s of the class `name`, in the page's order."""
    return [
        el
        for el in doc.iter("time", "abbr")
        if el.get("datetime" if el.tag == "time" else "title") is not None
        and f" {name} " in f" {el.get('class', '')} "
    ]


def _hatom_value(el: HtmlElement) -> str:
    return (el.get("datetime") if el.tag == "time" else el.get("title")) or ""


def _hentry_published_time(doc: HtmlElement) -> str | None:
    """The time of the article's hAtom `published` element, not a comment's nor another post's
    (a sidebar's list of recent posts)."""
    for el in _hatom_times(doc, "published"):
        if not of_another_item(el):
            return _hatom_value(el)
    return None


def _hentry_update_time(doc: HtmlElement) -> str | None:
    """The time of the article's hAtom `updated` element beside its publication's (WordPress
    themes' `time.entry-date.published` then `time.updated`, an `<abbr>` in older ones). A post
    never revised has one element of both classes: its publication, no revision. One alone
    (a sidebar's list of recent posts) dates another post."""
    for el in _hatom_times(doc, "updated"):
        parent = el.getparent()
        if "published" in (el.get("class") or "").split() or parent is None:
            continue
        beside = [t for t in parent.iter("time", "abbr") if t is not el]
        if any("published" in (t.get("class") or "").split() for t in beside) and not (
            of_another_item(el)
        ):
            return _hatom_value(el)
    return None
