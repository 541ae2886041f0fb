"""The other stories a page preloads beside its own: an endless-scroll news site sends the next
story (and the one after) in the same page, each its own `<article>` with its own headline, and
readability takes the element holding them all.

Only a page whose article element holds several `<article>`s, one of which alone carries the
page's headline, is cut down to that one: a live blog's updates and a section front's teasers
are `<article>`s too, but none of them carries the page's headline. And only the stories made
by the same template as the page's own (an `<article>` of the same class): a page whose
headline sits in an `<article>` of its own, a header above the body's (`article-header`,
`article-body`) or above a live blog's updates, keeps the body and the updates.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import class_names, drop

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
    template = class_names(own[0])
    for story in stories:
        if story is own[0] or next(story.iter(*_HEADLINES), None) is None:
            continue
        classes = class_names(story)
        if classes & template or not (classes or template):
            drop(story)


def _outermost(article: HtmlElement, root: HtmlElement) -> bool:
    """No `<article>` holds it between it and `root`."""
    for parent in article.iterancestors():
        if parent is root:
            return True
        if parent.tag == "article":
            return False
    return False
