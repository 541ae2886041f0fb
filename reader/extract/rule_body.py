"""The clean-up inside the body a site rule names.

A rule's `body` says where the article is on the site's pages, not that everything in it is
the article's: the newsletter, sign-up, share and promotion boxes a site sets between the
paragraphs go as they go without the rule (acc19b F8: a rule written for one layout of a site
brought a "Sign up" box back, as three paragraphs, into every other article of the site). What
the generic passes take by a name or a tag alone ("related-", "sidebar", `<footer>`) stays when
it is text, a heading, a table or a figure (`article_guard.chosen_text`): the user said the body
is the article; its boxes of links and share rows go, as the sign-up boxes do (ext40).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .article_guard import ARTICLE_TEXT
from .furniture import BOX_WORDS, TOKEN_SPLIT, attached, drop, element_names, text_length
from .page_cleanup import strip_page_furniture

_BOX_STEMS = ("sign-up", "share-", "newsletter")
# A heading, a table or a figure is no box, whatever it is named: "social-image" names the
# picture a share shows, "promo-heading" a style (ext40). A paragraph named "newsletter" or
# "subscribe" is the site's appeal, as a box so named is.
_NO_BOX = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "table", "figure", "img", "picture"})
_KEPT = 100
"""Characters of the body that must stay without a box for the box to go: a body that is
nothing but the box (a rule naming the newsletter page's text) is kept as the user named it."""


def without_furniture_in(body: HtmlElement) -> None:
    """Drop the page's furniture inside a rule's `body`: the generic pass (share rows, forms
    asking for an e-mail address, bylines, controls), then the boxes named as newsletters,
    sign-ups, promotions or share tools, which the generic pass leaves to readability's
    scoring (a box of three paragraphs of prose could be the article) and a rule skips."""
    strip_page_furniture(body, rule_body=True)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or not attached(el, body):
            continue
        if el.tag in _NO_BOX or not _names_a_box(el):
            continue
        if el.xpath(f"descendant-or-self::*[@{ARTICLE_TEXT}]"):
            continue
        if el.xpath('descendant-or-self::*[contains(@itemprop, "articleBody")]'):
            continue
        if text_length(body) - text_length(el) >= _KEPT:
            drop(el)


def _names_a_box(el: HtmlElement) -> bool:
    names = element_names(el)
    if not names.strip():
        return False
    return any(stem in names for stem in _BOX_STEMS) or not BOX_WORDS.isdisjoint(
        TOKEN_SPLIT.split(names)
    )
