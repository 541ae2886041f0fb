"""The parsed tree nested as a browser shows the page, and never deeper than extraction reads.

libxml2's HTML parser lets a `<p>` close only a `<p>` it is directly in: an old page's
`<p><font face=…>text` with the `<font>` never closed puts each next paragraph inside the one
before, and the article reads as one paragraph. A browser ends the paragraph (HTML's "a `<p>`
closes an open `<p>`"); `without_nested_paragraphs` does the same to the tree.

Each unclosed tag is a level deeper. Parsed with `huge_tree` (libxml2's limit of 256 levels cut
the page there, silently), a page may be nested 2,048 deep, past what the extraction's recursive
passes (readability's among them) can read: `flattened` unwraps the wrappers below
`MAX_DEPTH`, so their text is read as running text rather than not at all. A page deeper
than libxml2 reads even so is read again without its wrapping tags (`without_wrappers`).
"""

from __future__ import annotations

import re

import lxml.etree
from lxml.html import HtmlElement

MAX_DEPTH = 250
"""The deepest an element is kept in its wrappers: the depth libxml2 cut pages at before, and
one the extraction's recursion reads well within Python's limit (400 levels exceeded it)."""

_NESTED_PARAGRAPHS = lxml.etree.XPath("//p[ancestor::p]")
# A `<span>` holding paragraphs, headings or lists is a box: Xinhua's `<span id="detailContent">`
# round its story's `<p>`s. Not one inside a paragraph, a heading, a link or an item, where the
# page's markup is broken otherwise and the words are a line's; nor a caption's part (CNET's
# `<span class="caption"><p>…</p></span>` before its credit), read as the caption's one line.
# A `<font>` round a story's paragraphs (an old template's "<font face=Arial size=2><p>…") is
# such a box too.
_BOX_SPANS = lxml.etree.XPath(
    "//*[self::span or self::font][p or div or ul or ol or table or blockquote or figure or pre or dl or section"
    " or h1 or h2 or h3 or h4 or h5 or h6]"
    "[not(ancestor::p or ancestor::a or ancestor::h1 or ancestor::h2 or ancestor::h3"
    " or ancestor::h4 or ancestor::h5 or ancestor::h6 or ancestor::li or ancestor::figcaption)]"
)
# The elements at `MAX_DEPTH` (a path of steps, each one level: libxml2 walks each level's
# elements once, in C, where a walk of the tree in Python would cost every page).
_TOO_DEEP = lxml.etree.XPath("/*" + "/*" * MAX_DEPTH)
PARSERS_DEPTH = 2048
"""Where libxml2 stops reading a page even with `huge_tree` (2.14: no error, no warning; 256
without it): the rest of the page is not in the tree."""
# An element this deep says the rest of the page was not read.
_PARSERS_LIMIT = lxml.etree.XPath("/*" * 2040)
# The tags a page that deep is read again without: the boxes and the inline formatting that
# nest (paragraphs close one another and need no end tag). Not the page's lists, tables,
# asides, forms and sections, which tell its furniture apart from its article.
_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|font|b|i|u|em|strong|small|big|center|nobr|tt|s|strike)(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
# The tags a page still too deep is read without at last (a thousand tables in tables, a
# blockquote in each, a made-up tag's): every tag but those of its text's paragraphs, links,
# pictures and breaks, which close one another, and those whose content is no text to read
# (its head's, its scripts' and styles'). Headings and `<pre>`s go too: each nests in the one
# before, and three thousand of them were too deep to read even so.
_ALL_BUT_TEXTS = re.compile(
    r"</?(?!(?:p|a|img|br|html|head|body|title|meta|link|base|script|style|noscript"
    r"|template|textarea|svg|math)(?=[\s/>]))[a-z][^>]*>",
    re.IGNORECASE,
)
# What stays of the markup below `MAX_DEPTH`: paragraphs, headings, links, pictures, breaks.
_KEPT_DEEP = frozenset(["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "br", "pre"])


def without_nested_paragraphs(doc: HtmlElement) -> None:
    """Each `<p>` inside another moved out to follow it, with what followed it there: the
    paragraphs a page meant, in their order."""
    for el in _NESTED_PARAGRAPHS(doc):
        # In document order: the paragraphs round `el` have been moved out of theirs already,
        # so the nearest is the only one.
        outer = next(el.iterancestors("p"), None)
        if outer is not None:
            _move_after(el, outer)


def spans_as_boxes(doc: HtmlElement) -> None:
    """Each `<span>` or `<font>` holding blocks (paragraphs, headings, lists) made the `<div>` a
    browser shows it as: read as a line of text, its paragraphs ran into one ("…开通运营。 　　这是12月3日
    拍摄的…")."""
    for span in _BOX_SPANS(doc):
        span.tag = "div"


def _move_after(el: HtmlElement, outer: HtmlElement) -> None:
    """`el`, its following siblings and those of each of its ancestors inside `outer`, moved
    out after `outer` in their order; `outer`'s tail after them, where it was."""
    moving = [el]
    node = el
    while node is not outer:
        moving.extend(node.itersiblings())
        parent = node.getparent()
        if parent is None:
            return
        node = parent
    tail, outer.tail = outer.tail, None
    anchor = outer
    for moved in moving:
        anchor.addnext(moved)
        anchor = moved
    anchor.tail = (anchor.tail or "") + (tail or "")


# What a chain of nesting keeps of the elements above `MAX_DEPTH` leading down to it: the
# page's article or main part, and the text's own elements; every other level is unwrapped,
# boxes and inline formatting, and blockquotes, lists and tables in one another too (300
# blockquotes: readability took the deepest 50 for the article, the rest of the story lost).
_CHAIN_KEPT = frozenset(["html", "body", "article", "main", *_KEPT_DEEP])


def flattened(doc: HtmlElement) -> None:
    """The wrappers below `MAX_DEPTH` unwrapped (their text and kept children in their
    place), and the wrappers of the chain leading down to them: unclosed `<div>`s each hold a
    paragraph and the next, and readability took the deepest for the article, a part of it;
    unwrapped, the paragraphs are siblings. Nothing done to a page that is not so deep,
    nearly all of them."""
    too_deep = _TOO_DEEP(doc)
    chain: dict[HtmlElement, None] = {}
    for deep in too_deep:
        for el in deep.iterancestors():
            if el in chain:
                break  # climbed from another deep element already
            if el.tag not in _CHAIN_KEPT:
                chain[el] = None
    for el in chain:
        el.drop_tag()
    for deep in too_deep:
        for el in list(deep.iterdescendants()):
            if isinstance(el.tag, str) and el.tag not in _KEPT_DEEP:
                el.drop_tag()
        if deep.tag not in _KEPT_DEEP and deep.getparent() is not None:
            deep.drop_tag()


def still_too_deep(doc: HtmlElement) -> bool:
    """Elements past `MAX_DEPTH` even `flattened`: the tags it keeps nest (headings in
    headings, `<pre>`s), and the extraction's recursion would fail on them."""
    return bool(_TOO_DEEP(doc))


def cut_by_the_parser(doc: HtmlElement) -> bool:
    """The parser stopped at its depth limit: the page's text after that point is missing."""
    return bool(_TOO_DEEP(doc)) and bool(_PARSERS_LIMIT(doc))


def without_wrappers(html: str) -> str:
    """The page's markup without its wrapping tags: its text, paragraphs, headings and links
    at a depth any parser reads whole."""
    return _WRAPPER_TAGS.sub(" ", html)


def read_flat(html: str) -> str:
    """The page's markup with no tag that nests but those of its text (`_ALL_BUT_TEXTS`): for a
    page still too deep without its wrappers, its words in paragraphs, the structure of its
    lists, quotes and tables given up to read them at all."""
    return _ALL_BUT_TEXTS.sub(" ", html)


def nesting_depth(doc: HtmlElement) -> int:
    """The levels of the deepest element in `doc`, walked once (no element's ancestors climbed
    for each: a page two thousand deep)."""
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(doc, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def too_deep(depth: int) -> str:
    """A page `depth` levels deep that even read flat could not be read, in words, its depth
    rounded down ("the page is nested too deeply to read (over 2,000 levels)"), but the
    parser's own limit, said whole."""
    levels = depth if depth == PARSERS_DEPTH else depth // 100 * 100 if depth >= 100 else depth - 1
    return f"the page is nested too deeply to read (over {levels:,} levels)"
