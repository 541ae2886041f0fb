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
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from .byline import is_byline_element, without_label
from .furniture import drop

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
# A headline of a page's title: the title tag adds the site's name after it.
_TITLE_HEADLINE = 15


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def without_next_stories(doc: HtmlElement, titles: Iterable[str], canonical: str = "") -> None:
    """Drop from `doc` each other story set beside the page's own, the one whose `<h1>` is the
    page's headline (one of `titles`, or linking to `canonical`), and the label before it."""
    headlines = list(doc.iter("h1"))
    if len(headlines) < 2:
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
