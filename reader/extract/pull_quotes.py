"""Pull quotes: a line of the article set again in large type, as a quote, to catch the eye.

On paper it is design; read as text it says the same sentence twice, the second time out of
place ("That alone should have stopped the process." between two paragraphs that have moved
on). A quotation whose every word the article says elsewhere, in the same order, is dropped:
no word is lost. Wherever the template sets it: a `<blockquote>`, or a box named for what it
is ("pull-quote", "pullquote") round a plain paragraph, read as the quotation it is
(`mark_pull_quotes`).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from .furniture import names_of
from .quotes import DASHES

_WORD = re.compile(r"\w+")
# Fewer words than this are a phrase the article may well say twice for its own reasons.
_MIN_WORDS = 5


# A box's name saying it is a pull quote: "pull-quote", "pullquote", "article__pull_quote".
_PULL_QUOTE_NAME = re.compile(r"pull[-_ ]?quote")
# Boxes a template sets a pull quote in; a `<blockquote>` is a quotation already.
_BOXES = ("aside", "div", "figure", "section", "p")


def mark_pull_quotes(doc: HtmlElement) -> None:
    """Read each box named a pull quote that holds no `<blockquote>` as one: its paragraph is
    the article's line set again, and only a quotation is compared with the article's prose
    (`without_pull_quotes`), whatever marks it is set in."""
    for box in doc.iter(*_BOXES):
        if (
            _PULL_QUOTE_NAME.search(names_of(box))
            and next(box.iter("blockquote"), None) is None
            and next(box.iterancestors("blockquote"), None) is None
        ):
            box.tag = "blockquote"


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _said(quotation: tuple[Block, ...]) -> str:
    """The quotation's words without its attribution line ("— Ana Ruiz")."""
    text = "\n".join(b.text for b in quotation)
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1].lstrip().startswith(DASHES):
        lines.pop()
    return _words("\n".join(lines))


def _quotations(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """The blocks with each quotation's paragraphs (and the quotes inside it) as one group."""
    groups: list[list[Block]] = []
    for block in blocks:
        if groups and block.continues(groups[-1][-1]):
            groups[-1].append(block)
        else:
            groups.append([block])
    return [tuple(g) for g in groups]


def without_pull_quotes(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    if not any(b.kind == BlockKind.QUOTE for b in blocks):
        return blocks
    groups = _quotations(blocks)
    prose = f" {' '.join(_words(b.text) for b in blocks if b.kind != BlockKind.QUOTE)} "
    kept: list[Block] = []
    for group in groups:
        said = _said(group) if group[0].kind == BlockKind.QUOTE else ""
        if len(said.split()) >= _MIN_WORDS and f" {said} " in prose:
            continue
        kept.extend(group)
    return tuple(kept)
