"""The next story an endless-scroll page carries after its own: Hindustan Times, India Today,
News18 and many "infinite next post" themes serve the following story whole in the same HTML,
its own headline, byline and body, often after a "Next Story" label. Readability scores the two
against each other and may take the next one's body for the page's (under the page's own
headline, author and address), or the element holding both.

The page's story is the one holding the headline the page declares (its `<title>`, og:title or
JSON-LD headline, or a headline linking to its canonical address). Another `<h1>` opening a box
of its own beside that story's, with a body of its own and a byline or a "Next Story" label
before it, is another story: it goes before the page is scored, wherever it stands. A second
`<h1>` inside the story (a section's heading set as one), a header box over the body, a sidebar
with no byline or label: none of these is such a story, and all stay.

A page may set the next story's headline as an `<h2>`, with no label and no `<article>`: such a
headline opening a box of its own after the story's, signed and dated before its body begins
(its byline and its date line right under it, as the story's own are), is another story too. A
section's `<h2>` inside the story is followed by its text, not by a byline and a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml.html import HtmlElement

from .author_names import person_like
from .byline import is_byline_element
from .byline_names import without_label
from .furniture import drop
from .written_dates import line_dates

# The label an endless-scroll page sets between two stories.
_DIVIDER = re.compile(
    r"(?:next|following)\s+(?:story|article|post)|up\s+next|read\s+next"
    r"|nächster\s+artikel|article\s+suivant|siguiente\s+(?:noticia|artículo)|अगली\s+खबर",
    re.IGNORECASE,
)
# A story's body: a few sentences of paragraphs, on either side.
_STORY_WORDS = 40
# A story's headline opens its box: at most a kicker or a breadcrumb before it.
_BEFORE_HEADLINE = 200
# A byline is a short line: "By Megha Sood, Mumbai".
_BYLINE_WORDS = 12
# How many elements after an <h2> headline its byline and date are among, and how many
# elements a line holding them may hold (a link or two, a <time>).
_AFTER_HEADLINE = 12
_LINE_CHILDREN = 4
# A date line names its year (or is a `<time>`).
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A headline of a page's title: the title tag adds the site's name after it.
_TITLE_HEADLINE = 15


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def without_next_stories(doc: HtmlElement, titles: Iterable[str], canonical: str = "") -> None:
    """Drop from `doc` each other story set beside the page's own, the one whose `<h1>` is the
    page's headline (one of `titles`, or linking to `canonical`), and the label before it."""
    headlines = list(doc.iter("h1"))
    if not headlines:
        return
    keys = {_norm(t) for t in titles if t.strip()}
    own = next((h for h in headlines if _is_the_headline(h, keys, canonical)), None)
    if own is None:
        return
    own_path = {id(el): el for el in (own, *own.iterancestors())}
    for other in headlines:
        if other is own or _is_the_headline(other, keys, canonical):
            continue
        if not any(a is doc for a in other.iterancestors()):
            continue  # gone with a story dropped before
        boxes = _boxes(other, own_path)
        if boxes is None:
            continue
        own_box, other_box = boxes
        if _prose_words(own_box) < _STORY_WORDS or not _opens_a_story(other_box, other):
            continue
        divider = _divider_before(other_box)
        if divider is None and not _has_byline(other_box, other):
            continue
        if divider is not None:
            drop(divider)
        drop(other_box)
    for box in _h2_stories(doc, own, own_path, keys, canonical):
        drop(box)


def _h2_stories(
    doc: HtmlElement,
    own: HtmlElement,
    own_path: dict[int, HtmlElement],
    keys: set[str],
    canonical: str,
) -> list[HtmlElement]:
    """The boxes after the page's story each opened by an `<h2>` headline, signed and dated
    before its body (`_signed_and_dated`), beside a story box with a body of its own."""
    found: list[HtmlElement] = []
    # Each story box's words counted once: a page's many <h2>s share one.
    own_words: dict[HtmlElement, int] = {}
    for other in doc.iter("h2"):
        if _is_the_headline(other, keys, canonical) or any(
            a is box for box in found for a in other.iterancestors()
        ):
            continue
        boxes = _boxes(other, own_path)
        if boxes is None:
            continue
        own_box, other_box = boxes
        if (
            other_box is other
            or not _follows(other_box, own_box)
            or _in_an_article(other_box)
            or not _signed_and_dated(other_box, other)
        ):
            continue
        if own_box not in own_words:
            own_words[own_box] = _prose_words(own_box)
        if own_words[own_box] < _STORY_WORDS or not _opens_a_story(other_box, other):
            continue
        # More than one headline in it signed and dated: a live blog's entries, a list of
        # stories, not one story.
        entries = [
            h for h in other_box.iter("h2") if h is not other and _signed_and_dated(other_box, h)
        ]
        if not entries:
            found.append(other_box)
    return found


def _in_an_article(box: HtmlElement) -> bool:
    """`box` is inside an `<article>` (or an article body) that holds the page's story too: its
    sections, whatever opens them."""
    return any(
        a.tag == "article" or a.get("itemprop") == "articleBody" for a in box.iterancestors()
    )


def _follows(box: HtmlElement, own_box: HtmlElement) -> bool:
    """`box` comes after `own_box`, its sibling: the next story, not a header before the body."""
    return any(previous is own_box for previous in box.itersiblings(preceding=True))


def _signed_and_dated(box: HtmlElement, headline: HtmlElement) -> bool:
    """Right after `headline`, before the first line of more words than a byline's (its body),
    `box` holds a byline and a date line: "By Tomas Berg, Harbourtown", "Updated on Dec 03,
    2026 10:05 AM IST" (or the one line holding both). Only the first few elements after it
    are looked at: a byline and a date are right under a headline."""
    signed = dated = False
    for seen, el in enumerate(_after(headline, box)):
        if seen >= _AFTER_HEADLINE:
            break
        if not isinstance(el.tag, str):  # a comment
            continue
        # A box round the byline and the body is named, not read: its lines come one by one.
        text = " ".join(el.text_content().split()) if len(el) <= _LINE_CHILDREN else ""
        if len(text.split()) > _BYLINE_WORDS:
            if el.tag in ("p", "li", "h2", "h3", "blockquote"):
                break  # the body has begun
            continue
        named = is_byline_element(el) or "/author/" in (el.get("href") or "")
        # A "By" line naming someone: "By Tomas Berg", not "By the north pier".
        names = without_label(text)
        by = bool(text) and names != text.lstrip("—–-•·|( ")
        if named or (by and person_like(re.split(r"[|,·•]", names)[0])):
            signed = True
        # A year first, before the dates' patterns run: most short lines hold none.
        if el.tag == "time" or (_A_YEAR.search(text) and any(line_dates(text))):
            dated = True
        if signed and dated:
            return True
    return False


def _after(headline: HtmlElement, box: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after `headline` in `box`, in the page's order (comments too)."""
    node = headline
    while node is not None and node is not box:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def _is_the_headline(h1: HtmlElement, keys: set[str], canonical: str) -> bool:
    text = _norm(h1.text_content())
    if not text:
        return False
    if text in keys:
        return True
    if len(text) >= _TITLE_HEADLINE and any(k.startswith(text) for k in keys):
        return True  # "Headline | Section - Site"
    return bool(canonical) and any(a.get("href") == canonical for a in h1.iter("a"))


def _boxes(
    other: HtmlElement, own_path: dict[int, HtmlElement]
) -> tuple[HtmlElement, HtmlElement] | None:
    """The two children of the nearest element holding both headlines: the one holding the
    page's, the one holding `other`."""
    child = other
    for parent in other.iterancestors():
        if id(parent) in own_path:
            own_box = next((c for c in parent if id(c) in own_path), None)
            return (own_box, child) if own_box is not None else None
        child = parent
    return None


def _prose_words(box: HtmlElement) -> int:
    return sum(len(p.text_content().split()) for p in box.iter("p"))


def _opens_a_story(box: HtmlElement, headline: HtmlElement) -> bool:
    """`headline` opens `box` (nothing but a kicker before it) and a body follows it."""
    around = {id(a) for a in headline.iterancestors()}
    before = 0
    for el in box.iter():
        if el is headline:
            break
        if el.text and isinstance(el.tag, str):
            before += len(el.text.strip())
        # The tail of a box round the headline follows it.
        if el.tail and id(el) not in around:
            before += len(el.tail.strip())
        if before > _BEFORE_HEADLINE:
            return False
    return _prose_words(box) >= _STORY_WORDS


def _divider_before(box: HtmlElement) -> HtmlElement | None:
    """The "Next Story" label just before `box`, if any."""
    previous = box.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None:
        return None
    text = " ".join(previous.text_content().split())
    return previous if text and _DIVIDER.fullmatch(text.strip(" :-–—»›>")) else None


def _has_byline(box: HtmlElement, headline: HtmlElement) -> bool:
    """A byline in `box` after its headline: an element named one, an author link, or a short
    line opening "By"."""
    after = False
    for el in box.iter():
        if el is headline:
            after = True
            continue
        if not after or not isinstance(el.tag, str):
            continue
        if is_byline_element(el) or "/author/" in (el.get("href") or ""):
            return True
        text = " ".join(el.text_content().split())
        if (
            text
            and len(text.split()) <= _BYLINE_WORDS
            and without_label(text) != text.lstrip("—–-•·|( ")
        ):
            return True
    return False
