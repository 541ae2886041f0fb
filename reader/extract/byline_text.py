"""A byline element's text as the page sets it on lines, and the writers a box of one writer a
line names.

A byline read as one run of text glued a line onto the name before it ("By Maren
Holt<br>Chief Reporter": "Maren HoltChief Reporter"), and a box of one writer a line
(`<p>Maren Holt, Political Editor</p><p>Jonas Berg, Reporter</p>`) was read as one writer and
her role, the co-writer lost (acc39a L1, L3).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..text_shape import one_line
from ..writer_names import BYLINE_LABEL as _PREFIX
from .author_names import is_newsroom
from .byline_names import (
    _AFFILIATION_SUP,
    clean_byline,
    job_byline,
    looks_like_name,
    names_a_job,
)

# Elements that set their text on lines of their own: a byline box's `<p>` or `<div>` for each
# line, as `<br>` breaks one.
_LINE_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "section", "header", "footer", "address", "dl", "dt", "dd"}
)


def byline_lines(el: HtmlElement) -> list[str]:
    """`el`'s text as the page sets it on lines: apart at a `<br>` and round each block, which
    read as one text glued the line after onto the name ("By Maren Holt<br>Published: …" was
    cited "Maren HoltPublished", acc39a L1). A label alone on its line ("<div>By</div><div>Ana
    Ruiz</div>") goes with the line after it."""
    if el.tag == "meta":
        return [one_line(el.get("content") or "")]
    parts: list[str] = []
    _parted_text(el, parts, top=True)
    lines: list[str] = []
    label = ""
    for line in "".join(parts).split("\n"):
        line = one_line(line)
        if not line:
            continue
        if label:
            line, label = f"{label} {line}", ""
        if _PREFIX.fullmatch(line + " "):
            label = line
            continue
        lines.append(line)
    return [*lines, label] if label else lines


def _parted_text(el: HtmlElement, parts: list[str], top: bool = False) -> None:
    """`el`'s text, with " · " between two of its parts that touch, nothing between them
    (`<span>Kate Morrow</span><span>BBC News, Cornwall</span>`): the page's style sets them on
    lines of their own, as the BBC does its writer's name and role, and the name is the part
    before the separator, not "Kate MorrowBBC News". A label before a name ("<span>By</span>
    <span>Ana Ruiz</span>") is only set apart from it. A line's end (`<br>`, a block's edges)
    is a "\n"."""
    block = not top and el.tag in _LINE_TAGS
    if block:
        parts.append("\n")
    parts.append(el.text or "")
    before: HtmlElement | None = None
    for child in el:
        if child.tag == "br":
            parts.append("\n")
            before = None
        elif child.tag == "sup" and _AFFILIATION_SUP.fullmatch(child.text_content()):
            before = child
        elif isinstance(child.tag, str):
            if before is not None and not (before.tail or "").strip():
                written = "".join(parts)
                if written.strip() and not written[-1].isspace():
                    label = _PREFIX.match(before.text_content().strip() + " ")
                    parts.append(" " if label else " · ")
            _parted_text(child, parts)
            before = child
        parts.append(child.tail or "")
    if block:
        parts.append("\n")


# A writer's line names one person: a name of two words or more ("Jonas Berg"). One word is as
# often a place ("Rotterdam"), "The …" the paper.
_PERSON_WORDS = 2


def writers_by_line(lines: list[str], title: str) -> list[str]:
    """`lines` of a byline box as one writer each, or [] when they are no such list: two lines
    or more that each name a writer, each with the role after a comma ("Maren Holt, Political
    Editor"), or each a name alone with no label before the first ("Maren Holt", "Jonas
    Berg"). A line of the role alone, or of the date, names none and is passed over: "By Maren
    Holt<br>Chief Reporter" is one writer. Of names alone, one holding a job's word or a
    newsroom's, opening with "The", or in the page's `title` (its "| Harbour Ledger") is the
    paper or the role, and the box is read as one line: the BBC's "Author, Kate Morrow" over
    "BBC News, Cornwall" is one writer and her desk."""
    named = [line for line in lines if looks_like_name(clean_byline(line))]
    if len(named) < 2:
        return []
    if all(job_byline(line) for line in named):
        return named
    folded_title = title.casefold()
    for line in named:
        name = clean_byline(line)
        if (
            name.casefold() != line.casefold()
            or len(name.split()) < _PERSON_WORDS
            or names_a_job(name)
            or is_newsroom(name)
            or re.match(r"the\b", name, re.IGNORECASE)
            or name.casefold() in folded_title
        ):
            return []
    return named
