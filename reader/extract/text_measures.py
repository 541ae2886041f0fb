"""readability's two measures of an element's text, its `clean_length` and its commas, made for
each element from its children's, so that measuring every box of a nest costs the text once.

readability scores and cleans by the whole text below each box, and a box inside another is
measured again as part of it: on a page nested deep (an old layout's tables in tables, a
fuzzer's 1,000 unclosed `<table>` in a long paragraph) the text was read and its whitespace
runs listed once per level. Here each text node is read once, and a box's measures are joined
from its parts: the whitespace at each part's edges is kept so that a run across two parts
counts as `clean_length` counts it in the whole.

The measures hold while the tree does not change; `forget` an element whose text changes
(dropped from the tree, its text rewritten): its ancestors are measured again from their parts."""

from __future__ import annotations

from typing import NamedTuple

from lxml.html import HtmlElement

from .climb import clean_length, run_length

# A whitespace run this long counts as one character however long it is: kept at this length,
# the runs joined up the tree stay short.
_LONG_RUN = 255


class _Measure(NamedTuple):
    """A text's measures: its leading whitespace, `clean_length` of what lies between its first
    and last other characters, its trailing whitespace (None: the text is all whitespace, all
    of it in `lead`), and its commas."""

    lead: str
    core: int
    trail: str | None
    commas: int


_EMPTY = _Measure("", 0, None, 0)


def _capped(run: str) -> str:
    return run if len(run) < _LONG_RUN else " " * _LONG_RUN


def _of_text(text: str | None) -> _Measure:
    if not text:
        return _EMPTY
    core = text.strip()
    if not core:
        return _Measure(_capped(text), 0, None, 0)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return _Measure(_capped(text[:start]), clean_length(core), _capped(text[end:]), core.count(","))


def _joined(a: _Measure, b: _Measure) -> _Measure:
    commas = a.commas + b.commas
    if a.trail is None:
        return _Measure(_capped(a.lead + b.lead), b.core, b.trail, commas)
    if b.trail is None:
        return _Measure(a.lead, a.core, _capped(a.trail + b.lead), commas)
    return _Measure(a.lead, a.core + run_length(a.trail + b.lead) + b.core, b.trail, commas)


class TextMeasures:
    """Elements' `clean_length(el.text_content())` and `el.text_content().count(",")`, each
    element's made from its children's and kept."""

    def __init__(self) -> None:
        self._known: dict[HtmlElement, _Measure] = {}

    def length(self, el: HtmlElement) -> int:
        return self._measure(el).core

    def commas(self, el: HtmlElement) -> int:
        return self._measure(el).commas

    def forget(self, el: HtmlElement) -> None:
        """`el`'s text is about to change: its measures and its ancestors' are not known."""
        self._known.pop(el, None)
        for outer in el.iterancestors():
            self._known.pop(outer, None)

    def _measure(self, el: HtmlElement) -> _Measure:
        known = self._known
        if (found := known.get(el)) is not None:
            return found
        # Children before their parent, without recursion: a page may be nested deep.
        stack: list[tuple[HtmlElement, bool]] = [(el, False)]
        while stack:
            node, ready = stack.pop()
            if node in known:
                continue
            if not ready:
                stack.append((node, True))
                stack.extend(
                    (child, False)
                    for child in node
                    if isinstance(child.tag, str) and child not in known
                )
                continue
            measure = _of_text(node.text)
            for child in node:
                if isinstance(child.tag, str):  # a comment's text is not the element's
                    measure = _joined(measure, known[child])
                measure = _joined(measure, _of_text(child.tail))
            known[node] = measure
        return known[el]
