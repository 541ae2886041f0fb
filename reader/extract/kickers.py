"""The label a template sets above the headline, in the headline's box: GOV.UK's document type
(`<span class="govuk-caption-xl">Notice</span>` over the `h1`), a section's kicker
("Analysis", "Opinion"), an eyebrow. It names the kind of page, not a word of the article, and
read as the body's first paragraph it stood above the text as a line of it ("Notice")."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import drop, names_of

_LABEL_NAME = re.compile(r"(?<![a-z])(?:kicker|eyebrow|overline|caption)(?![a-z])")
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
        text = el.text_content().split()
        if (
            0 < len(text) <= _LABEL_WORDS
            and _LABEL_NAME.search(names_of(el))
            and next(el.iter("img"), None) is None
        ):
            drop(el)
