"""Live blogs: a story told as timestamped entries, newest first, each with its own time.

readability scores each entry as a candidate of its own, and an entry is an `<article>` (a
"frame" the climb in `climb` never leaves), so a live blog came out as its longest entry alone:
one update of forty. And the entries' times were dropped as datelines, though on a live blog the
time is what orders and dates each update.

`mark_live_entries` runs on the page before its furniture is stripped. It finds the entries
(three or more siblings of one kind, each holding a time and prose), marks the element holding
them for the climb (`ENTRIES`), and turns each entry's time into a heading: the entry's own
heading with the time before it ("11.42 GMT · Harbour master: …"), or a heading of the time
alone. So the times survive as text, and a reader can go from update to update.

Timestamped siblings are also a list of related stories, a section front's teasers, comments,
or a timeline inside an article; so they are taken for entries only on a live blog: a page
that says so in its JSON-LD (`LiveBlogPosting`, as search engines ask of live coverage), or
entries held in an element named for it ("liveblog", "live-feed"). Comments never are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from lxml.html import HtmlElement

from ..dates import date_only, parse_datetime
from .furniture import (
    HEADING_TAGS,
    TOKEN_SPLIT,
    drop,
    element_names,
    link_density,
    text_length,
)
from .json_ld import types_of
from .written_dates import parse_text_date, states_only_dates

# The attribute marking the element that holds a live blog's entries.
ENTRIES = "data-reader-live-entries"
# The attribute marking a live blog's entry: its id is kept as an anchor of its text, as an id
# a link of the text names is, since a feed's item may point at it (`page#block-20`, acc48c C3).
ENTRY = "data-reader-live-entry"
# At least this many timestamped siblings before they are taken for a live blog's entries: two
# are as often a story and its "related" card. A page that declares itself a live blog may
# have just begun: two will do.
_MIN_ENTRIES = 3
_MIN_DECLARED_ENTRIES = 2
# The prose an entry holds besides its time and heading: a sentence at least.
_MIN_PROSE = 40
# An entry with more of its text in links is a headline list's item.
_MAX_LINKED = 0.5
# How far above a time its entry may be: a time sits in the entry's header, a few levels down.
_MAX_DEPTH = 6
# What may sit beside a time in its line ("Updated", a second form of it) and go with it.
_TIME_SLACK = 25
# Separates an entry's time from its heading's words.
_BETWEEN = " · "


def declares_live_blog(json_ld: list[dict[str, Any]]) -> bool:
    """The page's JSON-LD (its `json_ld_objects`) calls it a live blog."""
    return any("LiveBlogPosting" in types_of(obj) for obj in json_ld)


def coverage_end(json_ld: list[dict[str, Any]]) -> datetime | None:
    """When the page's live blog says its coverage ended (`coverageEndTime`, as search engines
    ask of a live blog closed), once that time has come; None while it runs, or for a page no
    live blog. A time ahead is the end the outlet plans: the blog runs till then."""
    for obj in json_ld:
        if "LiveBlogPosting" not in types_of(obj):
            continue
        said = obj.get("coverageEndTime")
        ended = parse_datetime(said) if isinstance(said, str) else None
        if ended is not None and ended.tzinfo is not None and ended <= datetime.now(UTC):
            return ended
    return None


def is_live(doc: HtmlElement, declared: bool, ended: datetime | None) -> bool:
    """The page (`doc`, its entries marked by `mark_live_entries`) is a live blog still running:
    declared one (`declared`) or holding entries named so, its coverage not ended (`ended`)."""
    return ended is None and (declared or doc.find(f".//*[@{ENTRIES}]") is not None)


def _named_live(holder: HtmlElement) -> bool:
    """The entries' holder, or an element around it, is named for live coverage."""
    return any(
        token.startswith("live")
        for el in (holder, *holder.iterancestors())
        for token in TOKEN_SPLIT.split(element_names(el))
    )


def _is_comment(el: HtmlElement) -> bool:
    return any(word in element_names(el) for word in ("comment", "reply"))


def _kind(el: HtmlElement) -> tuple[str, str]:
    """What makes siblings entries of one list: the tag and the first class ("block
    is-key-event" and "block" are both blocks)."""
    classes = (el.get("class") or "").lower().split()
    return el.tag, classes[0] if classes else ""


def _times(doc: HtmlElement) -> Iterator[HtmlElement]:
    return (t for t in doc.iter("time") if (t.text_content().strip() or t.get("datetime")))


def _entry_lists(
    doc: HtmlElement, fewest: int, declared: bool = False
) -> dict[HtmlElement, list[HtmlElement]]:
    """Elements holding `fewest` or more timestamped children of one kind, with those
    children. On a page `declared` a live blog, an update of a line ("The strike is off.") is
    an entry among the others, not the end of them all: it unmarked the whole blog, its
    headings read another way ("12:00 Update 4" for "12:00 · Update 4"), and a sync took the
    blog that only grew for corrected in every entry (acc50c C1)."""
    found: dict[tuple[HtmlElement, tuple[str, str]], list[HtmlElement]] = defaultdict(list)
    for time in _times(doc):
        child = time
        for _ in range(_MAX_DEPTH):
            parent = child.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            siblings = found[(parent, _kind(child))]
            if not siblings or siblings[-1] is not child:
                siblings.append(child)
            child = parent
    lists: dict[HtmlElement, list[HtmlElement]] = {}
    for (parent, _), children in found.items():
        if len(children) < fewest:
            continue
        whole = sum(_is_entry(c) for c in children)
        if whole == len(children) or (
            declared and whole >= fewest and all(_is_entry(c, short=True) for c in children)
        ):
            lists.setdefault(parent, children)
    # The outermost list wins: entries nested in an entry are its parts.
    return {p: c for p, c in lists.items() if not any(a in lists for a in p.iterancestors())}


def _is_entry(el: HtmlElement, short: bool = False) -> bool:
    """A time, a paragraph, and a sentence's worth of words besides the time and heading (any,
    when `short`), most of them not links."""
    times = list(el.iter("time"))
    if not times:
        return False
    heading = next(el.iter(*HEADING_TAGS), None)
    rest = text_length(el) - sum(text_length(t) for t in times)
    rest -= text_length(heading) if heading is not None else 0
    if rest < (1 if short else _MIN_PROSE) or next(el.iter("p"), None) is None:
        return False
    # A "latest news" list's item is a time and a linked headline: the site's, not an update.
    return link_density(el) < _MAX_LINKED


# "2 hours ago" in the languages of the sites that run live blogs: "vor 2 Stunden", "il y a 2
# heures", "hace 2 horas", "2 ore fa", "há 2 horas", "2 uur geleden", "2 часа назад", "2
# godziny temu", "för 2 timmar sedan".
_RELATIVE = re.compile(
    r"\b(ago|vor|il y a|hace|fa|há|geleden|назад|temu|sedan|just now|gerade eben)\b",
    re.IGNORECASE,
)


def _time_text(time: HtmlElement) -> str:
    """The time as the page shows it; its `datetime` when what it shows is relative ("2 hours
    ago": true only on the day it was read) or nothing."""
    shown = " ".join(time.text_content().split())
    if shown and any(c.isdigit() for c in shown) and not _RELATIVE.search(shown):
        return _clock_of_dateline(shown) or shown
    when = parse_datetime(time.get("datetime"))
    if when is None:
        return shown
    return f"{when:%Y-%m-%d}" if date_only(when) else f"{when:%Y-%m-%d %H:%M}"


def _level(entries: list[HtmlElement]) -> str:
    """The level of the entries' own headings (the most common), else `h2`."""
    levels: dict[str, int] = defaultdict(int)
    for entry in entries:
        heading = next(entry.iter(*HEADING_TAGS), None)
        if heading is not None:
            levels[heading.tag] += 1
    return max(levels, key=lambda tag: levels[tag]) if levels else "h2"


def _time_line(time: HtmlElement, entry: HtmlElement) -> HtmlElement:
    """The time with what only repeats it around it: the Guardian's "11.42 GMT" sits in a
    paragraph beside a hidden "11.42"; left, that would read as a line of the entry."""
    line = time
    most = text_length(time) + _TIME_SLACK
    for parent in time.iterancestors():
        if parent is entry or text_length(parent) > most:
            break
        if next(parent.iter(*HEADING_TAGS), None) is not None:
            break
        line = parent
    return line


def _with_time(entry: HtmlElement, level: str) -> None:
    time = next(entry.iter("time"))
    text = _time_text(time)
    heading = next(entry.iter(*HEADING_TAGS), None)
    drop(_time_line(time, entry))
    if not text:
        return
    if heading is not None:
        heading.text = f"{text}{_BETWEEN}{heading.text or ''}"
        if heading.getparent() is not entry:
            # Out of the template's wrapper: readability drops a "post-header" as unlikely
            # to be content, heading and all.
            drop(heading)
            heading.tail = None  # `drop` left it where it was; the heading keeps none
            entry.insert(0, heading)
        return
    new = entry.makeelement(level, {})
    new.text = text
    entry.insert(0, new)


# A timestamp's name: BBC Sport's "qa-post-time", "timestamp", "post-time", NDTV's "lb-time".
_STAMP_NAME = re.compile(
    r"(?:^|[\s_-])(?:(?:post|entry|update|lb|live)-?time|timestamp)(?:$|[\s_-])"
)
# A minute or a clock's time as written: "90+4'", "88'", "14:05", "2.15pm".
_STAMP_TEXT = re.compile(r"\d{1,3}(?:\+\d{1,2})?['’′]|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?", re.I)


def _stamps_as_times(doc: HtmlElement) -> None:
    """A live blog's entry stamped in a `<span>` named for its time, not a `<time>` (BBC
    Sport's match reports: "<span class="qa-post-time">90+4'</span>", the minute of the
    match), is stamped as with a `<time>`: it orders and names the entry. So is one in a
    paragraph (`<p class="timestamp">11:35</p>`, `<p class="time">`), which was dropped as a
    dateline, the entry left with no time and no heading (acc48c C5)."""
    for span in list(doc.iter("span", "div", "p")):
        names = f"{span.get('class', '')} {span.get('data-testid', '')}".lower()
        named = _STAMP_NAME.search(names) or "time" in names.split()
        if not named or next(span.iter("time"), None) is not None:
            continue
        shown = " ".join(span.text_content().split())
        if _STAMP_TEXT.fullmatch(shown) or _clock_of_dateline(shown):
            span.tag = "time"


# The time of day at a date line's end, and the zone after it: NDTV's "Dec 03, 2026 11:05
# (IST)".
_CLOCK_AT_END = re.compile(
    r"(?<![\d:.])(?P<clock>\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?)\s*\(?(?P<zone>[A-Z]{2,5})?\)?$",
    re.IGNORECASE,
)


def _clock_of_dateline(shown: str) -> str:
    """ "11:05 IST" for an entry's stamp that is a date line ending in its time ("Dec 03, 2026
    11:05 (IST)"), as the heading names an update by: its day is the live blog's; else ""."""
    clock = _CLOCK_AT_END.search(shown)
    if clock is None or not states_only_dates(shown) or parse_text_date(shown) is None:
        return ""
    return " ".join(part for part in (clock["clock"], clock["zone"]) if part)


def _entry_time(entry: HtmlElement) -> datetime | None:
    """The moment the entry's `<time>` states in its `datetime`: a whole one, not a date alone
    (the day's first entry is not its last)."""
    when = parse_datetime(next(entry.iter("time")).get("datetime"))
    return when if when is not None and not date_only(when) else None


# What an entry's share row says, and nothing else: NDTV's `<div class="lb-shr"><a>Share</a>`
# under each update, a name the furniture's patterns don't know.
_SHARE_WORDS = frozenset(
    [
        *("share", "share this", "share this post", "share update", "teilen", "partager"),
        *("compartir", "condividi", "compartilhar", "delen", "udostępnij", "поделиться"),
        *("поділитися", "paylaş", "شارك", "शेयर करें", "शेयर", "分享", "共有", "공유"),
    ]
)


def _without_share_rows(entry: HtmlElement) -> None:
    """`entry` without a row or link that only says "Share": left, it read as the update's
    last line, after each one."""
    for el in entry.iter("div", "p", "ul", "a", "button"):
        if " ".join(el.text_content().split()).casefold() not in _SHARE_WORDS:
            continue
        # A control: a link or a button, or a row holding one; a paragraph saying "Share" is
        # the update's word.
        if el.tag in ("a", "button") or next(el.iter("a", "button"), None) is not None:
            drop(el)
            return


def mark_live_entries(doc: HtmlElement, live_blog: bool) -> datetime | None:
    """Mark each list of live-blog entries (`ENTRIES`) and put each entry's time in a heading.
    `live_blog`: the page declares itself one (`declares_live_blog`). The latest entry's time
    is returned (None when there are no entries or none states one): a live blog is updated
    with each entry, and a citation of it needs the time of the last it read."""
    fewest = _MIN_DECLARED_ENTRIES if live_blog else _MIN_ENTRIES
    if live_blog:
        _stamps_as_times(doc)
    times: list[datetime] = []
    for holder, entries in _entry_lists(doc, fewest, live_blog).items():
        if not (live_blog or _named_live(holder)) or any(_is_comment(e) for e in entries):
            continue
        level = _level(entries)
        for entry in entries:
            if (when := _entry_time(entry)) is not None:
                times.append(when)
            _with_time(entry, level)
            _without_share_rows(entry)
            if entry.get("id"):
                entry.set(ENTRY, "")
        holder.set(ENTRIES, "")
    return max(times, default=None)
