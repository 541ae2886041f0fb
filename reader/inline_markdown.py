"""A block's runs of text as CommonMark inline Markdown, its bold, italics and struck text placed
where a parser reads them so.

CommonMark reads a "*" as emphasis only beside the right characters: "**Note:**this" or
"**注意：**这是" (bold ending in punctuation, a letter after it) is two asterisks and a word, and
"*a***b**" (italics, then bold, no space between) is a tangle. Each run's markers written
alone produced both; here the marked stretches are nested, their outer spaces left outside,
and a marker that would not be read is moved or dropped, never left for the reader to see.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from .commonmark import code_span, escape_inline
from .models import Inline

# Outermost first: a struck passage may hold bold words, bold words an italic one.
_MARKS = ("struck", "strong", "emphasis")
_DELIMITERS = {"struck": "~~", "strong": "**", "emphasis": "*"}
# A character of escaped text, a backslash escape counted as one.
_UNIT = re.compile(r"\\.|.", re.DOTALL)


def _kind(ch: str) -> str:
    """CommonMark's classes of the character beside a delimiter: " " Unicode whitespace (a line's
    start and end too), "p" punctuation or symbol, "a" anything else."""
    if not ch or ch in "\t\n\f\r" or unicodedata.category(ch) == "Zs":
        return " "
    return "p" if unicodedata.category(ch)[0] in "PS" else "a"


@dataclass(frozen=True)
class _Atom:
    """A character of text, or a code span or link whole, with the marks it carries."""

    md: str
    marks: frozenset[str]
    space: bool = False


@dataclass
class _Span:
    mark: str
    start: int  # first atom
    end: int  # last atom
    delimiter: str
    tried_underscore: bool = False


def _marks(i: Inline) -> frozenset[str]:
    return frozenset(m for m in _MARKS if getattr(i, m))


def _atoms(
    inlines: tuple[Inline, ...], link: Callable[[tuple[Inline, ...], str], str]
) -> list[_Atom]:
    """The runs as atoms; a run of runs under one address one atom, its marks those all its runs
    share (a link in bold is bold, "[**…**]" inside it the rest)."""
    atoms: list[_Atom] = []
    start = 0
    while start < len(inlines):
        run = inlines[start]
        end = start + 1
        while run.href and end < len(inlines) and inlines[end].href == run.href:
            end += 1
        if run.href:
            group = inlines[start:end]
            shared = frozenset.intersection(*(_marks(i) for i in group))
            inner = tuple(replace(i, href=None, **{m: False for m in shared}) for i in group)
            if atoms and atoms[-1].md.endswith("!"):
                # "![" would begin a picture.
                atoms[-1] = replace(atoms[-1], md=atoms[-1].md[:-1] + "\\!")
            atoms.append(_Atom(link(inner, run.href), shared))
        elif run.code and "\n" not in run.text:
            atoms.append(_Atom(code_span(run.text), _marks(run)))
        elif not (marks := _marks(run)):
            # Plain text is never inside a stretch, so never cut: one atom, not one a character
            # (most of an article's text; a character each took 50 times as long).
            atoms.append(_Atom(escape_inline(run.text), marks))
        else:
            for unit in _UNIT.findall(escape_inline(run.text)):
                # Bold or italics over a line break would be cut by a blank line after it.
                atoms.append(
                    _Atom(unit, frozenset() if unit == "\n" else marks, _kind(unit[-1]) == " ")
                )
        start = end
    return atoms


def _spans(atoms: list[_Atom]) -> list[_Span]:
    """Each mark's stretches of atoms, nested inside the stretches of the marks outside it and
    without spaces at their ends."""
    spans: list[_Span] = []
    for mark in _MARKS:
        # An outer stretch's ends cut this mark's stretches: Markdown nests, it doesn't overlap.
        cuts = {s.start for s in spans} | {s.end + 1 for s in spans}
        n = 0
        while n < len(atoms):
            if mark not in atoms[n].marks:
                n += 1
                continue
            end = n
            while end + 1 < len(atoms) and mark in atoms[end + 1].marks and end + 1 not in cuts:
                end += 1
            start = n
            n = end + 1
            while start <= end and atoms[start].space:
                start += 1
            while end >= start and atoms[end].space:
                end -= 1
            if start <= end:
                spans.append(_Span(mark, start, end, _DELIMITERS[mark]))
    return spans


def _emit(atoms: list[_Atom], spans: list[_Span]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The Markdown, and where each span's opening and closing delimiters start in it."""
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for n, span in enumerate(spans):
        opening.setdefault(span.start, []).append(n)
        closing.setdefault(span.end, []).append(n)
    out: list[str] = []
    size = 0
    where: dict[int, list[int]] = {n: [0, 0] for n in range(len(spans))}
    for k, atom in enumerate(atoms):
        # The span that closes last opens first.
        for n in sorted(opening.get(k, []), key=lambda n: (-spans[n].end, n)):
            where[n][0] = size
            out.append(spans[n].delimiter)
            size += len(spans[n].delimiter)
        out.append(atom.md)
        size += len(atom.md)
        for n in sorted(closing.get(k, []), key=lambda n: (-spans[n].start, -n)):
            where[n][1] = size
            out.append(spans[n].delimiter)
            size += len(spans[n].delimiter)
    return "".join(out), {n: (a, b) for n, (a, b) in where.items()}


def _read(text: str, at: int, delimiter: str, opens: bool, before: str, after: str) -> bool:
    """Whether CommonMark reads the delimiter at `at` as opening (or closing) emphasis: it is a
    delimiter run of its own (not merged with a neighbour's) and flanks the right side."""
    end = at + len(delimiter)
    ch = delimiter[0]
    if text[at - 1 : at] == ch or text[end : end + 1] == ch:
        return False
    prev = _kind(text[at - 1] if at else before)
    nxt = _kind(text[end] if end < len(text) else after)
    left = nxt != " " and (nxt != "p" or prev != "a")
    right = prev != " " and (prev != "p" or nxt != "a")
    if ch == "_":
        return left and (not right or prev == "p") if opens else right and (not left or nxt == "p")
    return left if opens else right


def runs_markdown(
    inlines: tuple[Inline, ...],
    link: Callable[[tuple[Inline, ...], str], str],
    before: str = "\n",
    after: str = "\n",
) -> str:
    """The runs as inline Markdown; `link` writes a link of runs to an address; `before` and
    `after` are the characters around it (a line's ends, a link's brackets)."""
    atoms = _atoms(inlines, link)
    spans = _spans(atoms)
    while True:
        text, where = _emit(atoms, spans)
        # Italics first: where a "*" would merge with a neighbouring "**", "_" is the fix.
        bad = next(
            (
                (n, opens)
                for n, span in reversed(list(enumerate(spans)))
                for opens in (True, False)
                if not _read(text, where[n][not opens], span.delimiter, opens, before, after)
            ),
            None,
        )
        if bad is None:
            return text
        n, opens = bad
        span = spans[n]
        edge = span.start if opens else span.end
        if span.mark == "emphasis" and not span.tried_underscore:
            # "_" is read where "*" would merge with a neighbouring "**".
            span.delimiter, span.tried_underscore = "_", True
        elif span.start < span.end and _kind(atoms[edge].md[-1]) == "p":
            # Punctuation at the end that keeps the marker from being read goes outside it:
            # "**注意**：这是" is read as bold, "**注意：**这是" is not.
            if opens:
                span.start += 1
                while atoms[span.start].space and span.start < span.end:
                    span.start += 1
            else:
                span.end -= 1
                while atoms[span.end].space and span.start < span.end:
                    span.end -= 1
            span.delimiter, span.tried_underscore = _DELIMITERS[span.mark], False
            _keep_nested(atoms, spans, span)
        else:
            del spans[n]  # the words stay; only their bold or italics is lost


def _keep_nested(atoms: list[_Atom], spans: list[_Span], moved: _Span) -> None:
    """The spans that an edge of `moved` now crosses cut back to inside it: its punctuation
    put outside ("~~*:9*9~~" read as "*:~~9*9~~" is a tangle) takes the inner marks with it."""
    for other in list(spans):
        if other is moved:
            continue
        if other.start < moved.start <= other.end < moved.end:
            other.start = moved.start
            while atoms[other.start].space and other.start < other.end:
                other.start += 1
        elif moved.start < other.start <= moved.end < other.end:
            other.end = moved.end
            while atoms[other.end].space and other.start < other.end:
                other.end -= 1
        else:
            continue
        if atoms[other.start].space:
            spans.remove(other)
