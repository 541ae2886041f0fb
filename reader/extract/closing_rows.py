"""The rows a publishing system closes an article with, each a field's label in an element of
its own and its value (justice.gov's `<div class="field_component"><span class="field-label">
Component</span> <a>USAO - Ohio, Northern</a></div>`, "Press Release Number: 26-412"): the
record's fields, not the release's words. A closing "Updated December 3, 2026" among them is
the article's revision date, read as such (`closing_line_dates`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from lxml.html import HtmlElement

from ..dates import date_only, falls_on, whole, zone_unstated
from ..models import Block, BlockKind, words_in
from .furniture import class_names, drop
from .sentence_ends import ends_sentence
from .written_dates import line_dates, opens_with_date_label, states_only_dates
from .zone_country import placed_language

# A class naming a field's label: Drupal's "field-label", "field__label", BEM's "meta__label",
# a plain "label".
_LABEL_CLASS = re.compile(r"(?:^|[-_])label$")
# A field's label and value are short; a row holding more is a sentence under a label.
_LABEL_WORDS = 4
_VALUE_WORDS = 8
# What a field row may hold besides its label: its value's words and links.
_INLINE = frozenset({"a", "span", "b", "strong", "em", "i", "time", "abbr"})


def _is_date_line(text: str) -> bool:
    """ "Updated December 3, 2026": a date under its label and nothing else."""
    return opens_with_date_label(text) and states_only_dates(text)


def _field_row(el: HtmlElement) -> bool:
    """`el` is a row of a label, in an element named a label, then a short value."""
    if el.tag not in ("p", "div", "li") or (el.text or "").strip():
        return False
    children = [c for c in el if isinstance(c.tag, str)]
    if not children or not any(_LABEL_CLASS.search(name) for name in class_names(children[0])):
        return False
    if any(d.tag not in _INLINE for d in el.iterdescendants() if isinstance(d.tag, str)):
        return False
    label = " ".join(children[0].text_content().split())
    text = " ".join(el.text_content().split())
    value = text[len(label) :].strip()
    return (
        bool(label)
        and bool(value)
        and len(label.split()) <= _LABEL_WORDS
        and words_in(value) <= _VALUE_WORDS
        and not ends_sentence(value)
    )


def _row_of(node: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    """The field row holding `node` (an element or a text's parent), if any, below `root`."""
    for el in (node, *node.iterancestors()):
        if el is root:
            return None
        if _field_row(el):
            return el
    return None


def without_closing_field_rows(article: HtmlElement) -> None:
    """Drop the field rows that end `article`, with nothing of the article's after them but
    more such rows. A date line among them ("Updated December 3, 2026") stays, for
    `closing_line_dates` to read (the block pass then leaves it out as the closing date line
    it is). A row of the same shape before the article's last words is the article's (a fact
    box's "Population: 4,200")."""
    rows: list[HtmlElement] = []
    for holder in _text_holders_backwards(article):
        row = _row_of(holder, article)
        if row is None:
            break
        if not rows or rows[-1] is not row:
            rows.append(row)
    for row in rows:
        if not _is_date_line(" ".join(row.text_content().split())):
            drop(row)


# What XPath's normalize-space() takes for blank: a no-break space is a word's, as before.
_XML_SPACE = " \t\r\n"


def _text_holders_backwards(root: HtmlElement) -> Iterator[HtmlElement]:
    """The element holding each non-blank text below `root`, from the last text back, lazily:
    the rows are found among the article's last few texts, and collecting every text first took
    seconds on a page of 100,000 (a text after an element is its parent's)."""
    # Popped from the end: a child's tail before its content, the last child first, and an
    # element's own text after all of its children.
    stack: list[tuple[HtmlElement, HtmlElement | None]] = [(root, None)]
    while stack:
        holder, child = stack.pop()
        if child is not None:
            yield holder  # a tail pushed only when it holds words
            continue
        expanded: list[tuple[HtmlElement, HtmlElement | None]] = []
        for node in holder:
            if isinstance(node.tag, str):
                expanded.append((node, None))
            if node.tail and node.tail.strip(_XML_SPACE):
                expanded.append((holder, node))
        if holder.text and holder.text.strip(_XML_SPACE):
            stack.append((holder, holder))
        stack.extend(expanded)


# How many of the last paragraphs may hold the closing date line: a copyright line or a rule
# may follow it.
_LAST = 3


def closing_line_dates(
    blocks: tuple[Block, ...],
    published: datetime | None,
    updated: datetime | None,
    language: str = "",
) -> tuple[datetime | None, datetime | None]:
    """`published` and `updated`, each, when the markup declared none, as a date line closing
    the article states it (justice.gov's "Updated December 3, 2026", The Hindu's "Published -
    December 02, 2026 08:15 pm IST"): a label and the date, nothing else. An update on the day
    of the publication, as a date alone, is that day's (it says no earlier time)."""
    if published is not None and updated is not None:
        return published, updated
    for block in blocks[-_LAST:]:
        text = " ".join(block.text.split())
        if block.kind != BlockKind.PARAGRAPH or not _is_date_line(text):
            continue
        said_published, said_updated = line_dates(text, placed_language(language, text))
        if said_published is not None and updated is not None:
            said_published = _in_the_zone_of(said_published, updated)
        published = published or said_published
        if updated is None and said_updated is not None and _not_before(said_updated, published):
            updated = said_updated
    return published, updated


def _in_the_zone_of(moment: datetime, other: datetime) -> datetime:
    """`moment`, a time stated without its zone, in the zone of the page's `other` time, stated
    whole: a site writes its times in one zone (The Hindu's closing "Published - … 08:15 pm
    IST", which names no city to place IST by, under the header's "Updated - … 10:40 pm IST -
    CHENNAI", read as India's)."""
    if zone_unstated(moment) and whole(other):
        return moment.replace(tzinfo=other.tzinfo)
    return moment


def _not_before(update: datetime, published: datetime | None) -> bool:
    if published is None:
        return True
    if date_only(update):
        return falls_on(published, update) or update > published
    return update >= published
