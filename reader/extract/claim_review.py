"""A fact check's conclusion: the claim it checked, its verdict and its rating.

Fact checkers (Full Fact, PolitiFact, Snopes, AFP, Reuters) set them in a box above the body
("What was claimed … / Our verdict … / Rating: FALSE"), which readability leaves out as it
does any box beside the text; the discussion paragraphs alone remained. They are what a fact
check concludes, and what is quoted ("Full Fact rated the claim False"). The page declares
them for search engines in a JSON-LD ClaimReview (`claimReviewed`,
`reviewRating.alternateName`); the verdict's words, when the page writes them, are in a box
named so ("conclusion", "verdict").
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from ..safe import safe_text
from ..text_shape import one_line
from .furniture import names_of

_VERDICT_NAME = re.compile(r"(?<![a-z])(?:conclusion|verdict)(?![a-z])")
# A verdict is a sentence or a few, not the article.
_VERDICT_CHARS = 600
_LABEL_CHARS = 200


def _types(item: dict[str, Any]) -> set[str]:
    """The schema.org types `item` declares: one, or a list of them."""
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _text(value: Any, most: int) -> str:
    text = one_line(value) if isinstance(value, str) else ""
    return safe_text(text) if 0 < len(text) <= most else ""


def _verdict(doc: HtmlElement) -> str:
    """The words of the page's verdict box (the innermost named so): its paragraphs, without
    its label heading."""
    for el in doc.iter("div", "section", "p"):
        if not _VERDICT_NAME.search(names_of(el)) or any(
            _VERDICT_NAME.search(names_of(inner))
            for inner in el.iterdescendants()
            if isinstance(inner.tag, str)
        ):
            continue  # not the verdict's own box: one holding it and the claim's
        paragraphs = [one_line(p.text_content()) for p in el.iter("p")]
        text = " ".join(p for p in paragraphs if p)
        if text and len(text) <= _VERDICT_CHARS:
            return safe_text(text)
    return ""


def _line(label: str, text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, (Inline(f"{label}:", strong=True), Inline(f" {text}")))


def with_claim_review(
    blocks: tuple[Block, ...], json_ld: list[dict[str, Any]], doc: HtmlElement
) -> tuple[Block, ...]:
    """`blocks` opened by the claim, the verdict and the rating a ClaimReview declares, each
    that the text does not already say."""
    review = next((o for o in json_ld if "ClaimReview" in _types(o)), None)
    if review is None:
        return blocks
    rating = review.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    said = " ".join(" ".join(b.text.split()) for b in blocks).casefold()
    lines: list[Block] = []
    for label, text in (
        ("Claim", _text(review.get("claimReviewed"), _VERDICT_CHARS)),
        ("Verdict", _verdict(doc)),
        (
            "Rating",
            _text(rating.get("alternateName"), _LABEL_CHARS) if isinstance(rating, dict) else "",
        ),
    ):
        if text and (label == "Rating" or text.casefold() not in said):
            lines.append(_line(label, text))
    if not any(line.inlines[0].text == "Claim:" for line in lines):
        return blocks  # no claim: a rating alone says nothing of what it rates
    return (*lines, *blocks)
