"""The head of the reading view's text as paragraphs: the title, the byline (source · author ·
date), the address, the length and the notes on a partial text; one line of byline for a view
too low for all of it (`compact_byline`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ....citation import (
    FEEDS_DATE,
    cited_source,
    cited_url,
    coverage_note,
    kept_note,
    section_front_line,
    version_note,
)
from ....discussion_links import LABEL
from ....enclosures import enclosure_label, shown_enclosures
from ....feed_tags import hashed_tags
from ....item_categories import category_lines
from ....marks import CORRECTED_MARK
from ....models import CONSENT_WALL, FEED_WHOLE, VIDEO_PAGE, Article, Enclosure, Entry
from ....retraction_notes import (
    corrected_word,
    ended_retractions_note,
    ended_takedowns_note,
    gone_note,
    later_note,
    refused_note,
    retraction_note,
)
from ....url_display import shown_url
from ....urls import page_opened
from ...display import long_date, plain, when
from .direction import right_to_left
from .paragraph import ArticleStyles, Paragraph

_UPDATED = "updated "
_SEPARATOR = " · "


def header(
    entry: Entry | None,
    article: Article | None,
    styles: ArticleStyles,
    partial_note: str = "",
    compact: int = 0,
    copies_key: str | None = "V",
    changes_key: str | None = "d",
    tags: tuple[str, ...] = (),
) -> list[Paragraph]:
    """Title, source · author · date, the original URL, and a partial-text notice
    (`partial_note`, else the usual one); the copies kept, and `copies_key`, the key in force
    that shows them (None: none does), `changes_key` the one that shows what changed; the
    `tags` the article is filed under, after the date ("#fishing #long read").

    `compact`: the column's width, for a view too low for all of it (see `compact_byline`): the
    title, one line of source, author and date, and the notes; the address and the length are
    left out, on no line (the same paragraphs, so a reading place is the same in both)."""
    title = (article.title if article else "") or (entry.title if entry else "")
    # The site `y` cites (`cited_source`: a page naming no site by its host, as `reader list`
    # names it): the header named the feed's instead, and a quote pasted under it named
    # another source than the one read. The feed's name (an aggregator's outlet) only until
    # the article is in.
    source = (cited_source(article) if article else "") or (entry.source_name if entry else "")
    author = (article.author if article else "") or (entry.author if entry else "")
    published = (article.published if article else None) or (entry.published if entry else None)
    updated = (article.updated if article else None) or (entry.updated if entry else None)
    claimed = entry.claimed if entry is not None else None
    # The feed's date, when the page gives none, is said to be so, as the citation says it.
    feeds_date = published is not None and (
        article is None or not article.published or article.published_by_feed
    )
    if article is not None and article.published:
        # The page's dates go together: under the date a page gives, the feed's date for the
        # item (an RSS pubDate, which feedparser gives as its update too) read as a revision
        # the page never made, and the citation (`y`) said no such thing.
        updated = article.updated
    feeds_update = updated is not None and (
        article is None or not article.updated or article.updated_by_feed
    )
    # A correction or a developing story: when it was last changed matters to whoever quotes it.
    revised = (
        f"{_UPDATED}{long_date(updated)}" + (f" ({FEEDS_DATE})" if feeds_update else "")
        if updated and published and updated - published >= timedelta(minutes=1)
        else ""
    )
    # The address `y` cites (where a redirect or a shortener led, or the canonical one): the
    # feed's link showed a tracker's or a shortener's, which may expire, beside a citation
    # giving another. Not cached, its link past its click tracker, as `o` opens it.
    link = page_opened(entry.link) if entry and entry.link else ""
    url = shown_url((cited_url(article) if article else "") or link)
    rtl = article is not None and right_to_left(article)
    out = [
        Paragraph(
            plain(title or url or "(untitled)", styles.title, max_length=1000, laid_out=True),
            gap=0,
            rtl=rtl,
        )
    ]
    parts = [
        part
        for part in (
            plain(source, max_length=200, laid_out=True),
            plain(author, max_length=200, laid_out=True),
            Text(f"{long_date(published)} ({FEEDS_DATE})" if feeds_date else long_date(published)),
            # An item its feed dates ahead, listed as of when it was first read: the feed's
            # date said too, not hidden behind the list's (acc43c C3).
            Text(f"the feed dates it {long_date(claimed)}" if claimed else ""),
            Text(revised),
            Text(corrected_mark(article, styles.plain) if article else ""),
            plain(hashed_tags(tags), max_length=400, laid_out=True),
        )
        if part.plain
    ]
    meta = Text(style=styles.meta, end="")
    # Each part whole on a line when it fits: a line broke in the middle of a date.
    keep: list[tuple[int, int]] = []
    for number, part in enumerate(parts):
        if number:
            meta.append(_SEPARATOR)
        keep += _parts(part.plain, len(meta), number < len(parts) - 1)
        meta.append_text(part)
    if meta.plain and compact:
        byline = compact_byline(source, author, published, compact)
        out.append(Paragraph(Text(byline, styles.meta, end=""), gap=0, rtl=rtl))
    elif meta.plain:
        out.append(Paragraph(meta, keep=tuple(keep), rtl=rtl))
    if url:
        # Not searched: "storm" found in ".../storm-idris-live.html" counted as a match of
        # the article's, and the view went to the address line.
        # Set as the title and the byline are: one alignment for the header of an Arabic or a
        # Hebrew article (flush right), as a browser's reader view sets it.
        out.append(
            Paragraph(plain(url, styles.url, max_length=2000), gap=0, searched=False, rtl=rtl)
            if not compact
            else _LEFT_OUT
        )
    out += [enclosure_line(e, styles) for e in shown_enclosures(entry)] if entry else []
    if entry is not None and entry.comments:
        out.append(discussion_line(entry.comments, styles))
    for line in category_lines(entry.categories) if entry is not None else ():
        # The feed's words for the item (Lobsters' tags, a subreddit), as `reader show` says
        # them; found by `category:NAME` in `F`. Left out of a compact header, as its length is.
        shown = Paragraph(plain(line, styles.meta, max_length=2000), gap=0, searched=False)
        out.append(_LEFT_OUT if compact else shown)
    if article is not None:
        length = Paragraph(
            Text(reading_length(article.word_count, article.count_unit), styles.meta),
            gap=0,
            rtl=rtl,
        )
        out.append(_LEFT_OUT if compact else length)
        if front := section_front_line(article):
            # Said before the list: what follows is other stories' teasers, not this page's text.
            out.append(Paragraph(Text(front + ".", styles.meta), gap=0, rtl=rtl))
        # What became of the story and of this copy, each a sentence of its own: the address
        # above no longer gives it (gone); down a while, and back (F9); the text below is the
        # outlet's notice, the story's a copy kept (acc44c C1); said withdrawn, and taken back;
        # an earlier copy of a story retracted since (acc47b F1); the page fetched again and
        # not taken for this copy; another app's copy, and of when.
        for said, most in (
            (gone_note(article), 400),
            (ended_takedowns_note(article), 600),
            (retraction_note(article), 400),
            (ended_retractions_note(article), 600),
            (later_note(article), 400),
            (refused_note(article), 600),
            (kept_note(article), 400),
            (coverage_note(article), 200),
        ):
            if said:
                note = said[0].upper() + said[1:] + "."
                out.append(Paragraph(plain(note, styles.notice, max_length=most)))
        if article.partial:
            note = partial_note or feed_text_note(article, "o")
            # The note may quote a server's error message: untrusted.
            out.append(Paragraph(plain(note, styles.notice, max_length=400)))
        if article.incomplete:
            note = f"Not all of it: {article.incomplete}."
            out.append(Paragraph(plain(note, styles.notice, max_length=400)))
        if versions := version_note(
            article, in_reader=True, key=copies_key, changes_key=changes_key
        ):
            # A quote read from one copy must be checked against that copy: which one this is.
            note = versions[0].upper() + versions[1:] + "."
            out.append(Paragraph(plain(note, styles.notice, max_length=600)))
    # The plain layout's: a blank line, not a rule a screen reader reads out glyph by glyph.
    fill = "" if styles.plain else "─"
    out.append(Paragraph(Text("", styles.rule), fill=fill, gap=0 if compact else 1))
    return out


def corrected_mark(article: Article, plain_layout: bool = False) -> str:
    """What the byline says of the latest copy of an article whose text changed after it was
    first retrieved (earlier copies kept): "δ corrected", as the headline list marks it
    (`marks.CORRECTED_MARK`), for as long as the copies are kept, read or not (Δ goes once
    read, acc45); the word alone in the plain layout. "" for one copy, or an earlier one
    (whose note says it was replaced), or one read through an item pointing into an entry no
    sync changed (`Article.other_entries_corrected`: the page's δ was shown of every entry);
    "updated (new entries)" for a live blog that only grew (`Article.grown`, acc48c C8)."""
    times = article.versions
    if len(times) < 2 or article.version != len(times):
        return ""
    if article.other_entries_corrected and not article.retracted:
        return ""
    if article.first_retrieved_over:  # another app's copy before it: no correction
        return ""
    if article.grown and not article.retracted:  # a live blog's entries added: no correction
        return "updated (new entries)"
    word = corrected_word(article.retracted)  # "δ retracted": not told from a correction before
    return word if plain_layout else f"{CORRECTED_MARK} {word}"


def enclosure_line(enclosure: Enclosure, styles: ArticleStyles) -> Paragraph:
    """A file the item carries for a player (a podcast's audio), as an article's media line is
    shown: "▶ Audio (MP3, 40.1 MB)", a link (Tab selects it, Enter opens it, `L` lists it), and
    its address on the line below, to copy. In the compact header too: for an episode with no
    page of its own it is what there is to open."""
    label = plain(enclosure_label(enclosure), styles.caption + styles.link, max_length=100)
    text = Text(end="").append_text(label)
    text.append("\n")
    text.append_text(plain(shown_url(enclosure.url), styles.url, max_length=2000))
    links = ((0, len(label), enclosure.url),)
    return Paragraph(text, Text("▶ ", styles.bullet), Text("  "), gap=0, links=links)


def discussion_line(comments: str, styles: ArticleStyles) -> Paragraph:
    """The item's discussion page as its feed names it (Hacker News's, WordPress's comments):
    "Discussion: news.ycombinator.com/item?id=…", a link (Tab selects it, Enter reads it here
    as a discussion page is read, `L` lists it first). In the compact header too: the cached
    page never names it."""
    label = plain(LABEL, styles.caption + styles.link, max_length=100)
    text = Text(end="").append_text(label)
    text.append(": ", styles.meta)
    text.append_text(plain(shown_url(comments), styles.url, max_length=2000))
    links = ((0, len(label), comments),)
    return Paragraph(text, gap=0, links=links)


def little_given(browser_key: str | None, why: str = "") -> str:
    """The header's note over the feed's text of a page that gave little, which names
    `browser_key`, the key in force that opens the original (None: none does); `why` the
    reason the page gave (`Article.stood_in_for`): a consent wall's is said, since one click
    in a browser gets past it, where "a paywall" told the reader not to bother."""
    if why == CONSENT_WALL:
        note = (
            "From the feed: the site answered with a cookie-consent page, not the article, "
            "so this is the text the feed carried."
        )
        return f"{note} Press {browser_key} to read it in a browser." if browser_key else note
    if why == VIDEO_PAGE:
        note = "A video, no article: this is the description its feed carried."
        return f"{note} Press {browser_key} to watch it." if browser_key else note
    if why == FEED_WHOLE:
        note = (
            "From the feed: the whole text as the feed carried it "
            "(the page gave less: one for subscribers, or built by scripts)."
        )
        return f"{note} Press {browser_key} for the original." if browser_key else note
    note = (
        "From the feed: the page gave little (a paywall, or a page built by scripts), "
        "so this is the text the feed carried."
    )
    return f"{note} Press {browser_key} for the original." if browser_key else note


NO_LINK = (
    "From the feed: this item has no link to an article page, so this is the text its feed "
    "carried, all there is of it."
)
"""The header's note over an item with no link (a notes feed's, a micro-post): its feed's
text is its article, not a stand-in for a page that gave little."""


def feed_text_note(article: Article, browser_key: str | None) -> str:
    """The header's note over the feed's text shown as `article`, with no reason given for it:
    an item with no link's (`NO_LINK`), else a page that gave little's (`little_given`)."""
    return little_given(browser_key, article.stood_in_for) if article.url else NO_LINK


_LEFT_OUT = Paragraph(Text(""), gap=0, searched=False, drawn=False)
"""A part of the header a compact one leaves out."""


def compact_byline(source: str, author: str, moment: datetime | None, width: int) -> str:
    """One line of at most `width` cells for a compact header: source · author · date as the
    headline list writes it ("2026-11-24", "17:30" today). Too wide, the source is cut with
    "…", then the authors after the first; then the source goes, then the authors; the date
    alone cut with an ellipsis (plain text). The byline matters more to whoever quotes the
    article than the site's name, which the feed list shows too."""
    source, author = (plain(part, max_length=200).plain for part in (source, author))
    date = when(moment)
    first_author = _FURTHER_AUTHORS.split(author, maxsplit=1)[0]
    shortest = _cut(source, _SHORTEST_CUT) or ""
    candidates = [
        [source, author, date],
        [_cut(source, width - _line_cells([author, date], source)), author, date],
        [
            shortest,
            _cut_after(author, first_author, width - _line_cells([shortest, date], "x")),
            date,
        ],
        [author, date],
        [_cut_after(author, first_author, width - _line_cells([date], author)), date],
        [source, date],
    ]
    line = Text()
    for parts in candidates:
        if None in parts:
            continue  # a cut that would leave too little
        line = Text(_SEPARATOR.join(part for part in parts if part))
        if line.cell_len <= width:
            return line.plain
    line = Text(date or source or author)
    line.truncate(width, overflow="ellipsis")
    return line.plain


# Between two writers of a byline ("Priya Raman, Dov Ashkenazi", "A and B").
_FURTHER_AUTHORS = re.compile(r",\s+|\s+(?:and|&)\s+")
_SHORTEST_CUT = 4
"""Cells a cut source keeps, its "…" included: fewer say nothing of the site."""


def _line_cells(parts: list[str], other: str) -> int:
    """The cells `parts` take on the line, with the separator before them when `other` (a part
    that comes first) is there too."""
    shown = [part for part in parts if part]
    return cell_len(_SEPARATOR.join(shown)) + (len(_SEPARATOR) if other and shown else 0)


def _cut(text: str, room: int) -> str | None:
    """`text` cut to `room` cells with "…" (None: it would keep under `_SHORTEST_CUT`)."""
    if cell_len(text) <= room:
        return text
    if room < _SHORTEST_CUT:
        return None
    return set_cell_size(text, room - 1).rstrip() + "…"  # "Acc…", not "Acc19b …"


def _cut_after(author: str, first: str, room: int) -> str | None:
    """The authors cut to `room` cells with "…", the first one whole (None: it doesn't fit)."""
    if first == author or cell_len(first) + 1 > room:
        return None
    return _cut(author, room)


READING_SPEED = 230
"""Words a minute, an adult's silent reading of prose."""


def reading_length(words: int, unit: str = "words") -> str:
    """ "1,840 words · 8 min read"; no minutes for a text read in less than one: a feed's
    three-word summary said "1 min read". `unit`: what was counted, "characters" for Chinese
    and Japanese (`Article.count_unit`), read at about the same rate."""
    counted = f"{words:,} {unit[:-1] if words == 1 else unit}"
    minutes = round(words / READING_SPEED)
    return f"{counted} · {minutes} min read" if minutes else counted


def how_far_in(seen: float, words: int) -> str:
    """ "42% · 4 min left": how far the view is into a text of `words`, and what is left of it
    to read at `READING_SPEED` (the header's "8 min read" counted down); no minutes under one."""
    minutes = round(words * (1 - seen) / READING_SPEED)
    percent = f"{int(seen * 100)}%"
    return f"{percent} · {minutes} min left" if minutes else percent


def _parts(part: str, at: int, separated: bool) -> list[tuple[int, int]]:
    """Where `part` of the header's line, set at `at`, is to be kept whole: all of it, with the
    "·" after it when another part follows (no line starts with it); and, for a narrower
    column, a date apart from "updated", and the day apart from the time."""
    spans = [(at, at + len(part) + (len(_SEPARATOR.rstrip()) if separated else 0))]
    if part.startswith(_UPDATED):
        at += len(_UPDATED)
        part = part[len(_UPDATED) :]
        spans.append((at, at + len(part)))
    day, comma, _time = part.partition(", ")
    if comma:
        spans += [(at, at + len(day) + 1), (at + len(day) + 2, at + len(part))]
    return spans
