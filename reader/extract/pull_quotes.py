"""Pull quotes: a line of the article set again in large type, as a quote, to catch the eye.

On paper it is design; read as text it says the same sentence twice, the second time out of
place ("That alone should have stopped the process." between two paragraphs that have moved
on). A quotation whose every word the article says elsewhere, in the same order, is dropped:
no word is lost.
"""

from __future__ import annotations

import re

from ..models import Block, BlockKind
from .quotes import DASHES

_WORD = re.compile(r"\w+")
# Fewer words than this are a phrase the article may well say twice for its own reasons.
_MIN_WORDS = 5


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
