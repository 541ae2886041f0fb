"""The credit line a wire story closes with: "Reporting by Jane Smith in London; Additional
reporting by Tom Okafor; Editing by Mark Heinrich" (Reuters' form, which many papers reprint).

VnExpress and papers like it sign the story instead in its last paragraph, the writers' names
alone in bold, set right: "**Phạm Linh - Đắc Thành**", two writers joined by a dash.

A story with no byline is still someone's: the reporters this line names are its authors. The
editors are not, nor those who added reporting (Reuters' own byline leaves them out too). The
line stays in the text: it is the article's own words as printed, and names the editors, which
the citation does not.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from ..text_shape import one_line
from .byline_names import clean_byline, looks_like_name

# How far from the end the line is looked for: after it may come a correction or a note.
_LAST_BLOCKS = 3
# A credit line is a few clauses of names: longer is a paragraph that mentions reporting.
_MOST_WORDS = 40
# The clauses that name the story's writers, at the start of a clause: "Reporting by",
# "Reported by", "Writing by" (the one who wrote up others' reports); a local paper's "Report
# by".
_WRITERS = re.compile(r"^(?:reporting|reported|report|writing|written)\s+by\s+(?P<names>.+)$", re.I)
# Every clause of the line says who did what: "Editing by …", "Additional reporting by …",
# "Compiled by …", "Graphics by …".
_CLAUSE = re.compile(r"^(?:[A-Za-z]+\s+){0,2}by\s+\S", re.I)
_NAMES = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _writers(text: str) -> list[str]:
    """The names a credit line gives its writers, or [] when `text` is not such a line."""
    clauses = [c.strip(" .") for c in text.split(";") if c.strip(" .")]
    if not clauses or not all(_CLAUSE.match(c) for c in clauses):
        return []
    names: list[str] = []
    for clause in clauses:
        if (writers := _WRITERS.match(clause)) is None:
            continue
        for part in _NAMES.split(writers["names"]):
            name = clean_byline(part)
            if not looks_like_name(name):
                return []
            names.append(name)
    return names


# A signature: a name or a few, each of two to five words, joined by dashes.
_SIGNED_NAMES = re.compile(r"\s+[-–]\s+")
_SIGNATURE_LENGTH = 80
_NAME_WORDS = (2, 5)


def _signed(block: Block) -> list[str]:
    """The names of a closing signature paragraph, or [] when `block` is not one: all of it
    bold, names alone. A bold closing sentence, or a one-word label ("**Update**"), is none."""
    text = one_line(block.text)
    if block.kind != BlockKind.PARAGRAPH or not text or len(text) > _SIGNATURE_LENGTH:
        return []
    if not all(inline.strong for inline in block.inlines if inline.text.strip()):
        return []
    names = [part.strip() for part in _SIGNED_NAMES.split(text)]
    low, high = _NAME_WORDS
    if not all(low <= len(name.split()) <= high and looks_like_name(name) for name in names):
        return []
    return names


def credited_authors(blocks: tuple[Block, ...]) -> str:
    """The writers the story's closing credit line names ("Jane Smith, Tom Berg"), or ""."""
    for block in reversed(blocks[-_LAST_BLOCKS:]):
        # The paragraph's last line: an old layout's story is one block of `<br><br>` breaks.
        text = one_line(block.text.split("\n\n")[-1])
        if block.kind != BlockKind.PARAGRAPH or len(text.split()) > _MOST_WORDS:
            continue
        if names := _writers(text.strip("()")):
            return ", ".join(dict.fromkeys(names))
    return ""


def right_set_lines(doc: HtmlElement) -> frozenset[str]:
    """The short lines the page sets right (`style="text-align:right"`, `align="right"`):
    where a signature stands. Read before cleanup drops the styles."""
    lines = set()
    for el in doc.iter("p", "div"):
        style = (el.get("style") or "").replace(" ", "").lower()
        if "text-align:right" in style or (el.get("align") or "").lower() == "right":
            text = " ".join(el.text_content().split())
            if 0 < len(text) <= _SIGNATURE_LENGTH:
                lines.add(text)
    return frozenset(lines)


def signed_authors(blocks: tuple[Block, ...], right_set: frozenset[str]) -> str:
    """The writers the story's closing signature names ("Phạm Linh, Đắc Thành"), or "": its
    last paragraph, set right on the page. It stays in the text as the credit line does."""
    if not blocks or " ".join(blocks[-1].text.split()) not in right_set:
        return ""
    return ", ".join(dict.fromkeys(_signed(blocks[-1])))


# The line after the text naming who else reported the story: "Abigail Williams and Beomsu Jo
# contributed.", "Jo Park contributed reporting.", "Tom Berg contributed to this report." (NBC,
# the AP, the Times). It is the story's credit, as "Additional reporting by" is, whatever box the
# page sets it in (NBC's sits in its author box, after the writers' bios).
_CONTRIBUTED = re.compile(
    r"^(?P<names>\w[^.!?:;]{2,150}?)\s+contributed(?: reporting| research)?"
    r"(?: (?:to|for) this (?:report|story|article))?\.?$",
    re.IGNORECASE,
)
_LINE_LENGTH = 200


def _line_of(el: HtmlElement) -> str:
    """The one line of text `el` holds, through boxes holding one box each, or "" when it holds
    more (several paragraphs, a list) or is longer than a line."""
    while (
        len(children := [c for c in el if isinstance(c.tag, str)]) == 1
        and not (el.text or "").strip()
    ):
        if (children[0].tail or "").strip():
            break
        el = children[0]
    if el.tag not in ("p", "div", "span", "em", "i") or any(
        c.tag in ("p", "div", "ul", "ol", "table") for c in el.iterdescendants()
    ):
        return ""
    text = " ".join(el.text_content().split())
    return text if len(text) <= _LINE_LENGTH else ""


def is_contributors_line(el: HtmlElement | None) -> bool:
    """`el` is a box of one line crediting the story's contributors."""
    if el is None or not isinstance(el.tag, str):
        return False
    credit = _CONTRIBUTED.match(_line_of(el))
    return credit is not None and all(
        looks_like_name(name) for name in _NAMES.split(credit["names"])
    )


def holds_contributors_line(el: HtmlElement) -> bool:
    """`el` (a byline's box, say) is or holds a line crediting the story's contributors."""
    if "contributed" not in el.text_content().lower():
        return False
    return any(is_contributors_line(d) for d in el.iter())
