"""A teaser's end without the wall's loose lines: a page that hides the rest of its article
(`Paywall.hides_text`), read with no feed text to stand in, kept its wall's price and what a
subscription brings ("£1 for 3 months", "Unlimited access to our journalism", "Cancel anytime")
as the article's last paragraphs, once the cleanup had dropped the lines saying a wall's words
("Subscribe to read the rest", "Already a subscriber?") that `before_the_wall` cuts at. Only at
a teaser's end, and only lines as short as an offer's: a story's paragraph naming a fare or a
price ("a £1-a-week rise for the winter moorings, the board said on Tuesday…") is longer, and
one before the teaser's end is the story going on.
"""

from __future__ import annotations

import re

from ..models import Block, BlockKind
from .wall_words import OFFER_CHARS

OFFER_LINE_CHARS = 160
"""The longest line read as an offer's (a price, a promise): "Just £1 for your first three
months, then £6.99 a month. Cancel any time online." is 82."""

# A price by the period it buys ("£1 for 3 months", "$4.99/month", "€9,99 pro Monat", "£1 a
# week"), or what an offer promises ("Unlimited access to…", "Cancel anytime", "No commitment").
_PERIOD = (
    r"(?:days?|weeks?|months?|years?|yr|mo|semaines?|mois|ans?|wochen?|monate?|monat|jahre?"
    r"|semanas?|mes(?:es)?|años?|settimane?|mes[ei]|anni|anno)"
)
_OFFER_LINE = re.compile(
    # An amount alone, not "£4m" nor "£5bn": a contract's, a budget's.
    r"(?:[£$€]\s?\d+(?:[.,]\d{1,2})?(?![\w.,])|\b\d+(?:[.,]\d{1,2})?\s?(?:€|£|\$|eur\b|kr\b|zł))"
    r"\s*(?:\ba\b|\bper\b|/|\bfor\b|\bpro\b|\bpar\b|\bal\b|\bau\b)\s*"
    rf"(?:(?:the|your|its|first|premier|ersten?|primer)\s+)*(?:\d+\s+|\w+\s+)?{_PERIOD}\b"
    r"|\bunlimited (?:digital )?access\b|\bcancel (?:at )?any ?time\b|\bno commitment\b"
    r"|\bjederzeit kündbar\b|\bsans engagement\b|\bsin permanencia\b|\bdisdici quando vuoi\b",
    re.IGNORECASE,
)


def offer_line(text: str) -> bool:
    """`text` (one block's) reads as a line of a wall's offer: short, a price by its period or
    an offer's promise."""
    return len(text) <= OFFER_LINE_CHARS and _OFFER_LINE.search(text) is not None


def without_offer_lines(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A teaser's `blocks` without the wall's lines at its end: from the first offer line
    (`offer_line`) after a paragraph of the teaser, when every block from it on is as short as
    an offer box's (`OFFER_CHARS`): what a subscription brings follows its price ("Every story,
    the e-edition, the puzzles"), in no words of its own."""
    teaser = False
    for at, block in enumerate(blocks):
        if teaser and offer_line(block.text):
            if all(len(b.text) <= OFFER_CHARS for b in blocks[at:]):
                return blocks[:at]
            return blocks
        if block.kind == BlockKind.PARAGRAPH and block.text.strip():
            teaser = True
    return blocks
