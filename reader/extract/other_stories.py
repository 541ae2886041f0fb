"""The other stories a page preloads beside its own: an endless-scroll news site sends the next
story (and the one after) in the same page, each its own `<article>` with its own headline, and
readability takes the element holding them all.

Only a page whose article element holds several `<article>`s, one of which alone carries the
page's headline, is cut down to that one: a live blog's updates and a section front's teasers
are `<article>`s too, but none of them carries the page's headline.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import drop

_HEADLINES = ("h1", "h2")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def without_other_stories(root: HtmlElement, title: str) -> None:
    """Drop from `root` (readability's article element) each outermost `<article>` with a
    headline of its own, when another one alone carries the page's headline `title`."""
    key = _norm(title)
    if not key:
        return
    stories = [a for a in root.iterdescendants("article") if _outermost(a, root)]
    if len(stories) < 2:
        return
    own = [s for s in stories if any(_norm(h.text_content()) == key for h in s.iter(*_HEADLINES))]
    if len(own) != 1:
        return
    for story in stories:
        if story is not own[0] and next(story.iter(*_HEADLINES), None) is not None:
            drop(story)


def _outermost(article: HtmlElement, root: HtmlElement) -> bool:
    """No `<article>` holds it between it and `root`."""
    for parent in article.iterancestors():
        if parent is root:
            return True
        if parent.tag == "article":
            return False
    return False
