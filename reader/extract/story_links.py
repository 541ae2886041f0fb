"""Links to the site's other stories that an article sets apart: a paragraph that is one
pointer to another story (">> Metro fares to go up", a linked headline in bold), a box between
two paragraphs holding one such link (the Washington Post's "interstitial"), a label's box with
its one link, and whether a list's links all lead to the site's own pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..urls import site_host
from .furniture import text_length
from .insert_labels import _is_insert_label


def all_of_the_site(lst: HtmlElement, url: str) -> bool:
    """Every link of `lst` leads to a page of the site of `url` (or is relative)."""
    hrefs = [a.get("href", "").strip() for a in lst.iter("a")]
    try:
        host = site_host(url)
        return bool(hrefs) and all(
            not urlsplit(href).netloc or (bool(host) and site_host(href) == host) for href in hrefs
        )
    except ValueError:  # a malformed address ("http://[x"): not one of the site's pages
        return False


# The marks that set a line apart as a pointer to another story: ">> Metro fares to go up".
_POINTER_MARKS = re.compile(r"^[>»›→▶►➤⇒▸]+$")
# A pointer's link reads as a headline: a few words, no sentence's full stop; "Read the full
# report here" points to the article's own source.
_HEADLINE_WORDS = (3, 16)
_SOURCE_WORDS = re.compile(r"\b(?:here|pdf|full (?:report|statement|text|letter|ruling))\b", re.I)
# A link to a file (a report, a ruling, the data) is the story's source, not another story.
_FILE_PATH = re.compile(r"\.(?:pdf|docx?|xlsx?|csv|pptx?|zip|jpe?g|png|mp3|mp4)$", re.I)


def _is_pointer_to_a_story(el: HtmlElement, text: str, links: list[HtmlElement], url: str) -> bool:
    """A paragraph that is one link to another of the site's stories, set apart as a pointer:
    after arrows (">> Metro fares to go up from next month") or all in bold. A link in a
    sentence, a plain linked line, a link to another site or to a file is the story's own."""
    if el.tag != "p" or len(links) != 1:
        return False
    title = " ".join(links[0].text_content().split())
    if not _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]:
        return False
    if title.endswith((".", ":", ";", ",")) or _SOURCE_WORDS.search(title):
        return False
    if not _links_to_a_page(links[0]) or not all_of_the_site(el, url):
        return False
    rest = text.replace(title, "", 1).strip()
    if rest:
        return bool(_POINTER_MARKS.match(rest.replace(" ", "")))
    bold = [
        b
        for b in el.iter("b", "strong")
        if not any(a.tag in ("b", "strong") for a in b.iterancestors())
    ]
    return sum(text_length(b) for b in bold) >= len(text)


# What a box holding only a link may wrap it in.
_INLINE = frozenset({"a", "i", "em", "b", "strong", "span"})


def story_link_boxes(body: HtmlElement, url: str = "") -> list[HtmlElement]:
    """Boxes between two paragraphs that hold nothing but one link to another of the site's
    stories (of the page at `url`, or relative), its headline: the Washington Post's
    `<div class="interstitial"><a>The Chesapeake's oysters are coming back. Crabs
    aren't.</a></div>`. A headline may end with a full stop here: the box, no paragraph, sets
    it apart. Looked for before readability, which makes such a box a paragraph; a paragraph
    that is a linked line is the story's own (`_is_pointer_to_a_story`)."""
    boxes: list[HtmlElement] = []
    for box in body.iter("div"):
        before, after = box.getprevious(), box.getnext()
        if before is None or after is None or before.tag != "p" or after.tag != "p":
            continue
        if (box.text or "").strip() or (box.tail or "").strip() or (before.tail or "").strip():
            continue
        if _labelled_link_box(box):
            boxes.append(box)
            continue
        if any(el.tag not in _INLINE for el in box.iterdescendants()):
            continue
        links = box.findall(".//a")
        if len(links) != 1:
            continue
        title = " ".join(links[0].text_content().split())
        if title != " ".join(box.text_content().split()):
            continue
        if not _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]:
            continue
        if _SOURCE_WORDS.search(title) or not _links_to_a_page(links[0]):
            continue
        if all_of_the_site(box, url):
            boxes.append(box)
    return boxes


def _labelled_link_box(box: HtmlElement) -> bool:
    """A box of an insert's label in an element of its own, then one link: NDTV's
    `<div class="ins_instory_dv"><div class="ins_instory_dv_header">Read Also</div><a>…</a>`,
    the SCMP's `<div data-qa="InlineRelated"><h3>Related</h3><a>…</a>`. The label says what
    the link is, wherever it leads; readability drops the short label and keeps the link as a
    paragraph of the story."""
    children = [c for c in box if isinstance(c.tag, str)]
    if len(children) < 2 or children[0].find(".//a") is not None:
        return False
    label = " ".join(children[0].text_content().split())
    if not label or not _is_insert_label(children[0], label):
        return False
    rest = children[1:]
    if any((c.tail or "").strip() for c in children[:-1]):
        return False
    if any(el.tag not in _INLINE for c in rest for el in c.iter()):
        return False
    links = [a for c in rest for a in c.iter("a")]
    text = " ".join(" ".join(c.text_content().split()) for c in rest)
    return len(links) == 1 and " ".join(links[0].text_content().split()) == text and bool(text)


def _is_link_line(el: HtmlElement | None) -> bool:
    """`el` is a paragraph of one link to another page and nothing else, a headline's words."""
    if el is None or el.tag != "p":
        return False
    links = el.findall(".//a")
    if len(links) != 1 or not _links_to_a_page(links[0]):
        return False
    title = " ".join(links[0].text_content().split())
    return (
        title == " ".join(el.text_content().split())
        and _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]
    )


def _links_to_a_page(link: HtmlElement) -> bool:
    """The link leads to another page, not within this one nor to a file (a report, the
    data: the story's source)."""
    href = (link.get("href") or "").strip()
    try:
        path = urlsplit(href).path
    except ValueError:
        return False
    return bool(href) and not href.startswith("#") and not _FILE_PATH.search(path)
