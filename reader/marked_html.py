"""Highlights marked in an article's HTML as `reader export` writes it (`article_books`): each
passage kept found again by its words in the text CommonMark parsed, and every piece of text
it covers wrapped in `<mark>` on its own. A passage crossing a link or a bold phrase is so
marked in several pieces, each inside the element it is in: the elements stay whole, and the
file well-formed (an XHTML chapter that is not is refused by an e-reader)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .highlights import (
    Highlight,
    find_passage,
    find_passage_after,
    merged_spans,
    with_edges,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

_LINE_BREAKS = ("softbreak", "hardbreak")


def mark_highlights(tokens: list[Token], highlights: Sequence[Highlight], own: str = "") -> None:
    """`tokens` (markdown-it's, of one article) with the text `highlights` cover put between
    `mark` tokens, which render as `<mark>` and `</mark>` (one not found: not marked); `own`:
    the article's own text (`article_text`), where a highlight's place was measured, the
    tokens holding a citation header before it (`find_passage_after`)."""
    if not highlights:
        return
    # Every piece of text in the order read: (its inline token, its child's index, its text);
    # a paragraph's or a cell's end a line break, as the reading view joins its blocks.
    pieces: list[tuple[Token | None, int, str]] = []
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        for index, child in enumerate(token.children):
            if child.type in ("text", "code_inline"):
                pieces.append((token, index, child.content))
            elif child.type in _LINE_BREAKS:
                pieces.append((None, index, "\n"))
        pieces.append((None, 0, "\n"))
    starts, at = [], 0
    for _, _, text in pieces:
        starts.append(at)
        at += len(text)
    joined = "".join(text for _, _, text in pieces)
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for highlight in highlights:
        found = (
            find_passage_after(joined, highlight, own) if own else find_passage(joined, highlight)
        )
        if found is None:
            continue
        # The marks the words kept start or end with too: a quote of a sentence was marked
        # up to its full stop, not over it (acc40a M6).
        a, b = with_edges(joined, found, highlight.words)
        for p in range(bisect_right(starts, a) - 1, bisect_right(starts, b - 1)):
            token, index, text = pieces[p]
            low, high = max(a - starts[p], 0), min(b - starts[p], len(text))
            if token is not None and low < high:
                spans.setdefault((id(token), index), []).append((low, high))
    for token in {id(t): t for t, _, _ in pieces if t is not None}.values():
        if any(key[0] == id(token) for key in spans):
            token.children = _marked(token, spans)


def _marked(token: Token, spans: dict[tuple[int, int], list[tuple[int, int]]]) -> list[Token]:
    """The children of the inline `token`, the spans of their text in `spans` marked."""
    from markdown_it.token import Token

    children: list[Token] = []
    for index, child in enumerate(token.children or ()):
        marked = merged_spans(spans.get((id(token), index), []))
        if not marked:
            children.append(child)
        elif child.type == "code_inline":  # code is one element: marked whole
            children += [Token("mark_open", "mark", 1), child, Token("mark_close", "mark", -1)]
        else:
            at, text = 0, child.content
            for low, high in marked:
                if low > at:
                    children.append(_text(child, text[at:low]))
                children.append(Token("mark_open", "mark", 1))
                children.append(_text(child, text[low:high]))
                children.append(Token("mark_close", "mark", -1))
                at = high
            if at < len(text):
                children.append(_text(child, text[at:]))
    return children


def _text(like: Token, content: str) -> Token:
    from markdown_it.token import Token

    return Token("text", "", 0, content=content, level=like.level)
