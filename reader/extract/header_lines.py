"""The header's metadata repeated at the top of the body: a byline, a dateline, a category row,
a reading time, a read-aloud player's label.

The view's header shows the author, the date and the source; the page's own lines saying the
same ("Mike Conley", "December 18, 2020", "Categories: News", "Анна Лебедева | 24 ноября 2026,
12:15") are noise above the first paragraph. They are found by their words, not their class
names, which are in any language and any theme's vocabulary ("avtor", "vcard", "entry-info").
Which lines are the header's dates is header_dates.py's; which are the theme's own
(reading times, read-aloud players, category rows) header_labels.py's.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..models import Block, BlockKind, words_in
from .author_names import split_names
from .byline_names import job_byline, line_byline, without_label
from .header_dates import (
    _DATELINE_WORDS,
    _SENTENCE_WORDS,
    _SHORT_LINE_WORDS,
    LINE_ENDS,
    _is_bare_dateline,
    _is_date_heading,
    _is_date_line,
    _is_date_line_with_source,
    _is_labelled_date,
    _is_labelled_dateline,
    _is_solar_hijri_dateline,
)
from .header_labels import _is_label_row, _is_listen_line, _is_reading_time, _is_relative_dateline
from .info_lines import first_info_line, info_line
from .sentence_ends import ends_sentence
from .solar_hijri import solar_hijri_moment
from .wire_ledes import is_wire_lede
from .written_dates import (
    line_dates,
    on_the_day,
    opens_with_date_label,
    states_only_dates,
    update_clock,
)
from .zone_country import placed_language

# How far down the body such lines are looked for (headings and pictures are passed over).
_LOOK_AHEAD = 5
# The words that join two names: "Ana Ruiz and Tom Berg", "und", "et", "y", "e", "og", "och",
# "en", "и"; Hebrew's and Arabic's "and" is a letter written onto the next name ("נועה לוי
# ויוסי כהן"), left alone once the names are taken out.
_JOIN = r"\b(?:and|und|et|y|e|og|och|en|и|ו|و)\b"
_AUTHOR_SEPARATOR = re.compile(rf",|;|&|{_JOIN}")
_NOT_A_NAME = re.compile(rf"[\W_]|{_JOIN}")


def _names(author: str) -> list[str]:
    return [n.strip().casefold() for n in _AUTHOR_SEPARATOR.split(author) if len(n.strip()) > 2]


def _is_byline(text: str, names: list[str]) -> bool:
    """The line is the author's name (or names), with a "By" at most."""
    # Casefolded first too: at a line's start Italian's "di" is "Di", which `without_label`
    # leaves (it may start a surname) but the declared names tell apart.
    for words in {without_label(text).casefold(), without_label(text.casefold())}:
        rest = words
        for name in names:
            rest = rest.replace(name, " ")
        if rest != words and not _NOT_A_NAME.sub("", rest):
            return True
    return False


def _job_line_byline(text: str) -> str:
    """The name of a short line of a name and a job ("Jane Smith, Political Editor")."""
    return job_byline(text) if words_in(text) <= _SHORT_LINE_WORDS else ""


def _is_sentence(text: str) -> bool:
    return words_in(text) > _SENTENCE_WORDS and ends_sentence(text, also=LINE_ENDS)


def header_line_dates(
    blocks: tuple[Block, ...],
    author: str,
    published: datetime | None,
    updated: datetime | None,
    language: str = "",
) -> tuple[datetime | None, datetime | None]:
    """`published` and `updated`, each, when the page's markup declared none, as the byline or
    dateline at the body's top writes it ("By Ana Ruiz | Published: 27 November 2026 at 16:05
    | Updated: …", "Автор: Павел Орлов, 28.11.2026 14:35", a line that is the date alone:
    "March 5, 2026 10:01 AM ET", whatever element or class holds it): the text second, and once
    read, `without_header_lines` leaves the line out as it does any other repeating the
    header. `language`, the page's, says the order of "3/4/2026" (`text_dates.day_first`)."""
    if published is not None and updated is not None:
        return published, updated
    names = _names(author)
    clock = None
    dated = False
    for block in blocks[:_LOOK_AHEAD]:
        if block.kind != BlockKind.PARAGRAPH:
            continue
        text = block.text.strip()
        # "Updated 14:05", "آخر تحديث: 14:05 بتوقيت الإمارات": a revision on the day the line
        # above or the markup dates the publication (`on_the_day`).
        said_clock = update_clock(text, placed_language(language, text))
        if said_clock is not None:
            clock = clock or said_clock
            continue
        if dated:
            continue
        solar = solar_hijri_moment(text)
        if solar is None and (line_byline(text) or _is_dateline_with_author(text, names)):
            # "نویسنده: مریم احمدی ۱۴ آذر ۱۴۰۵": the date after the writer's name.
            solar = solar_hijri_moment(text, after_name=True)
        if solar is not None:
            # BBC Persian's "۱۲ آذر ۱۴۰۵", ISNA's "تاریخ انتشار: ۱۴ آذر ۱۴۰۵ - ۰۹:۰۰", Tasnim's
            # "۱۴۰۵/۰۹/۱۴ - ۰۹:۰۰": in the Gregorian calendar; a line after it may still say
            # when the story was updated.
            published = published or solar
            continue
        # A Chinese portal's info line counts each of its labels' characters as a word.
        info = info_line(text) is not None
        if not info and (
            words_in(text) > _DATELINE_WORDS or is_wire_lede(text) or _is_sentence(text)
        ):
            continue
        labelled = opens_with_date_label(text) and not ends_sentence(text, also=LINE_ENDS)
        if not (
            labelled
            or info
            or states_only_dates(text)
            or line_byline(text)
            or _is_dateline_with_author(text, names)
        ):
            continue
        said_published, said_updated = line_dates(text, placed_language(language, text))
        if said_published is None and said_updated is None:
            continue
        published = published or said_published
        # Later than the publication: the same time again ("Updated: … 10:21 IST" under a
        # publication at 10:21+05:30) is no revision.
        if updated is None and said_updated and (published is None or said_updated > published):
            updated = said_updated
        dated = True
    if updated is None and clock is not None:
        updated = on_the_day(published, clock)
    return published, updated


def without_header_lines(
    blocks: tuple[Block, ...],
    author: str,
    published: datetime | None,
    updated: datetime | None = None,
) -> tuple[tuple[Block, ...], str]:
    """The body without the lines at its top that repeat the header's metadata, and the
    author: `author`, else the name a byline line among them gives ("By Ana Ruiz · 21 Feb"),
    so that a line dropped for saying who wrote it never takes the name with it."""
    names = _names(author)
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if i >= _LOOK_AHEAD:
            return (*kept, *blocks[i:]), author
        # The headline's lead picture and its caption or credit come before the byline too.
        text = block.text.strip()
        if block.kind == BlockKind.HEADING and _is_date_heading(text, published):
            continue
        if block.kind in (BlockKind.HEADING, BlockKind.IMAGE, BlockKind.CAPTION):
            kept.append(block)
            continue
        # As an article's words are counted: Chinese and Japanese, written without spaces, would
        # have a whole lede ("2026年3月3日，市政府宣布…") be one word, as short as a date line.
        words = words_in(text)
        info = info_line(text) if block.kind == BlockKind.PARAGRAPH else None
        if info is not None and _says_the_headers_dates(text, published, updated):
            # "来源：新闻网 作者：李明 2024年7月30日 08:15": its author, when none is declared.
            author = author or ", ".join(info.authors)
            names = _names(author)
            continue
        if (
            not author
            and block.kind == BlockKind.PARAGRAPH
            and words <= _DATELINE_WORDS
            and not is_wire_lede(text)
            and (author := line_byline(text) or _job_line_byline(text))
        ):
            # "By Olufemi Adewale and Tope Omogbolagun": two writers, listed as JSON-LD's are.
            author = ", ".join(split_names(author))
            names = _names(author)
            if published is None and any(char.isdigit() for char in text):
                # Its date is said nowhere else: the line stays, for the date.
                return (*kept, *blocks[i:]), author
            continue
        if block.kind == BlockKind.PARAGRAPH and (
            (words <= _SHORT_LINE_WORDS and names and _is_byline(text, names))
            or (names and _is_byline(_job_line_byline(text), names))
            or (words <= _SHORT_LINE_WORDS and _is_date_line(text, published))
            or _is_date_line_with_source(text, published)
            or _is_bare_dateline(text, published, updated)
            or _is_solar_hijri_dateline(text, published, updated)
            or _is_labelled_dateline(text, published)
            or _is_labelled_date(text, published)
            or _is_label_row(block)
            or _is_reading_time(text)
            or _is_listen_line(text)
            or _is_dateline_with_author(text, names)
            or _is_relative_dateline(text)
            or update_clock(text) is not None
        ):
            continue
        return (*kept, *_without_datelines(blocks, i, published, updated, names)), author
    return tuple(kept), author


def _says_the_headers_dates(
    text: str, published: datetime | None, updated: datetime | None
) -> bool:
    """Each date the line states is the header's, a day either side for the time zone; a line
    stating none says nothing against them."""
    header = [d.date() for d in (published, updated) if d is not None]
    return all(
        any(abs(said.date() - day) <= timedelta(days=1) for day in header)
        for said in line_dates(text)
        if said is not None
    )


def header_source(blocks: tuple[Block, ...]) -> str:
    """The source a Chinese portal's info line at the body's top names ("来源：新闻网"), or ""."""
    info = first_info_line(blocks, _LOOK_AHEAD)
    return info.source if info is not None else ""


def _without_datelines(
    blocks: tuple[Block, ...],
    start: int,
    published: datetime | None,
    updated: datetime | None,
    names: list[str],
) -> tuple[Block, ...]:
    """`blocks` from `start` on, less a dateline or a byline among the first few, labelled or
    a date alone saying the header's, or the header's authors' names alone: Le Monde's "Publié
    le 3 mars 2026 à 14h05, modifié le 4 mars…" comes after the standfirst, where the byline
    and date lines above stop being looked for, and so may "5 March 2026, 09:30 · Updated
    14:12", or Haaretz's "נועה לוי ויוסי כהן"; they are no prose wherever they stand."""
    return tuple(
        block
        for i, block in enumerate(blocks[start:], start)
        if i >= _LOOK_AHEAD
        or block.kind != BlockKind.PARAGRAPH
        or not (
            _is_labelled_dateline(text := block.text.strip(), published)
            or _is_bare_dateline(text, published, updated)
            or update_clock(text) is not None
            or _is_date_line_with_source(text, published)
            or (names and words_in(text) <= _SHORT_LINE_WORDS and _is_byline(text, names))
        )
    )


def _is_dateline_with_author(text: str, names: list[str]) -> bool:
    """A short line naming the author and holding a digit: "Ana Ruiz | 24 November, 12:15";
    not a sentence that names them (a wire story's lede)."""
    if is_wire_lede(text) or _is_sentence(text):
        return False
    folded = text.casefold()
    return (
        words_in(text) <= _DATELINE_WORDS
        and any(char.isdigit() for char in text)
        and any(name in folded for name in names)
    )
