"""The label a template sets above the headline, in the headline's box: GOV.UK's document type
(`<span class="govuk-caption-xl">Notice</span>` over the `h1`), a section's kicker
("Analysis", "Opinion"), an eyebrow, the section's name ("Transport", "A Reporter at Large"). It names the kind of page, not a word of the article, and
read as the body's first paragraph it stood above the text as a line of it ("Notice")."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import HEADING_TAGS, drop, names_of

# A fact check's "FACT CHECK" over its headline is named a label (`<p class="label">`).
_LABEL_NAME = re.compile(r"(?<![a-z])(?:kicker|eyebrow|overline|caption|label)(?![a-z])")
# The section's name over the headline, named as one: Condé Nast's "RubricWrapper" and
# "ContentHeaderRubric", the Nation's "article-topic", Ghost's "gh-article-tag", WordPress's
# post-terms block ("wp-block-tc23-post-relevant-terms"). Words of the names, camel case too.
_SECTION_NAME_WORDS = frozenset({"rubric", "topic", "tag", "category", "terms"})
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _names_a_section(el: HtmlElement) -> bool:
    names = " ".join(el.get(a, "") for a in ("class", "id", "data-component"))
    return not _SECTION_NAME_WORDS.isdisjoint(w.lower() for w in _NAME_WORD.findall(names))


# A label is a word or a few: "Notice", "Policy paper", "News story", "Corporate report".
_LABEL_WORDS = 4


def without_headline_labels(doc: HtmlElement) -> None:
    """Drop the labels named as such that come before the page's first `h1` in its box."""
    headline = next(doc.iter("h1"), None)
    if headline is None:
        return
    for el in list(headline.itersiblings(preceding=True)):
        if not isinstance(el.tag, str):
            continue  # a comment
        if _is_label(el) and next(el.iter("img"), None) is None:
            drop(el)


def _is_label(el: HtmlElement) -> bool:
    """A word or a few, named as a label or as the section's name."""
    text = el.text_content().split()
    return 0 < len(text) <= _LABEL_WORDS and bool(
        _LABEL_NAME.search(names_of(el)) or _names_a_section(el)
    )


def _next_element(el: HtmlElement) -> HtmlElement | None:
    after = el.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()  # a comment
    return after


def kicker_over(el: HtmlElement) -> str:
    """The address the linked headline right after `el` leads to, when `el` is a label named
    as such (a teaser's `<span class="kicker">Analysis</span>` over its `h3`); else "".

    A section front's teaser sets its kicker so; the cleanup drops it with the bylines, and the
    teaser list puts it back before its headline ("Analysis: **Headline**")."""
    if not _is_label(el):
        return ""
    words = el.text_content().split()
    box, after = el, _next_element(el)
    while after is None:
        # The label alone in a box of its own (`<div class="meta"><span class="kicker">`).
        parent = box.getparent()
        if parent is None or parent.text_content().split() != words:
            return ""
        box, after = parent, _next_element(parent)
    heading = after if after.tag in HEADING_TAGS else next(after.iter(*HEADING_TAGS), None)
    if heading is None or not " ".join(after.text_content().split()).startswith(
        " ".join(heading.text_content().split())
    ):
        return ""  # what comes next opens with no headline
    link = heading.find(".//a[@href]")
    return link.get("href", "") if link is not None else ""
