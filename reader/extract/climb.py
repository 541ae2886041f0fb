"""Where readability-lxml's best element is not the whole article: Readability.js's climb to the
element holding it, a table's holder, and the text measure both modules score with.

readability-lxml takes its highest-scored element and only adds that element's siblings; when an
article is split over nested wrappers the climb here finds the wrapper that holds all of it.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from .live_blog import ENTRIES

# Only runs of two or more change the length: a single whitespace character stays one
# character. Listing every run (one per word) made this the extractor's costliest regex.
_RUN = re.compile(r"\s{2,}")
_BLANKS = re.compile(r"\t|[ \t]{2,}")


def clean_length(text: str) -> int:
    """`len(readability.readability.clean(text))`, exactly, without its regex passes over the
    whole text (its first one, `\\s{255,}`, backtracks through every whitespace run: 30 ms on
    one large page, paid again for every ancestor measured)."""
    text = text.strip()
    length = len(text)
    for run in _RUN.findall(text):
        length -= len(run) - run_length(run)
    return length


def run_length(run: str) -> int:
    """How long a run of whitespace between words is in `clean`'s text."""
    if len(run) < 2:
        return len(run)  # a single whitespace character stays one character
    if len(run) >= 255 or "\n" in run or not run.strip(" "):
        return 1  # becomes one newline or one space
    return len(_BLANKS.sub(" ", run))  # tabs and blank runs become one space


def _score(candidates: dict[HtmlElement, dict[str, Any]], elem: HtmlElement) -> float | None:
    found = candidates.get(elem)
    return None if found is None else found["content_score"]


def _is_frame(elem: HtmlElement) -> bool:
    """An element that marks the whole article: climbing past it would take in the page."""
    return elem.tag in ("article", "main", "body", "html") or "articleBody" in (
        elem.get("itemprop") or ""
    )


def _table_holder(part: HtmlElement) -> HtmlElement:
    """The element around a table that readability chose: a table of entries (a list of films,
    of results) is the body of an article whose introduction and notes sit beside it."""
    table = part if part.tag == "table" else next(part.iterancestors("table"), part)
    holder = table.getparent()
    if holder is None or _is_frame(holder):
        return table
    prose = sum(
        len(p.text_content().strip())
        for p in holder.iter("p")
        if next(p.iterancestors("table"), None) is None
    )
    return holder if prose >= 100 else table


def promoted(best: HtmlElement, candidates: dict[HtmlElement, dict[str, Any]]) -> HtmlElement:
    """Readability.js's climb from the best-scored element to the one holding the whole article.

    readability-lxml takes the highest-scored element and only adds its siblings; when an article
    is split over nested wrappers (an intro beside a "read more" box, a table of entries inside
    the text) that loses whole parts. As Readability.js does: (1) when three of the five best
    candidates, each scoring at least 3/4 of the best, sit inside one ancestor, take it; (2) climb
    while the parent still scores at least a third of the best, taking the first that scores
    more than the element below it. (Its third rule, an only child stands for its parent, is left
    out: it moves readability-lxml's merged segments out of the article and loses them.)
    """
    # A live blog's entry: the article is all of them (see `live_blog`).
    entries = next(
        (el for el in (best, *best.iterancestors()) if el.get(ENTRIES) is not None), None
    )
    if entries is not None:
        return entries
    if _is_frame(best):
        return best
    top = _score(candidates, best) or 0.0
    ranked = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)
    rivals = [c["elem"] for c in ranked[1:5] if c["content_score"] >= top * 0.75]
    if len(rivals) >= 3:
        for ancestor in best.iterancestors():
            if _is_frame(ancestor):
                break
            inside = sum(1 for r in rivals if r is ancestor or ancestor in r.iterancestors())
            if inside >= 3:
                best = ancestor
                break
    if best.tag in ("table", "tbody", "thead", "tfoot", "tr"):
        best = _table_holder(best)
    last = _score(candidates, best) or top
    parent = best.getparent()
    # Never up to <body>, as in Readability.js: a small page's body scores from its logo and
    # footer lines and would bring them in.
    while parent is not None and parent.tag not in ("body", "html") and not _is_frame(best):
        score = _score(candidates, parent)
        if score is not None:
            if score < top / 3:
                break
            if score > last:
                best = parent
                break
            last = score
        if _is_frame(parent):
            break
        parent = parent.getparent()
    return best


def is_figure_holder(el: HtmlElement) -> bool:
    """A figure with a caption, alone in its wrappers (a photo viewer): nothing else of note."""
    figure = el if el.tag == "figure" else next(el.iter("figure"), None)
    if figure is None or figure.find(".//figcaption") is None:
        return False
    return clean_length(el.text_content()) <= clean_length(figure.text_content()) + 25
