"""A match report's scoreboard: the final score, the scorers, the venue and kick-off.

Sports sites set the match's header box above the report, apart from its `<article>` (Sky
Sports' `sdc-site-match-header`: "Plymouth Argyle 2 - 1 Exeter City", "Whittaker (23')
Hardie (88')" / "Nombe (61')", "FT", "Home Park, 2 Dec 2026, 19:45"), so readability leaves
it out with the page's other boxes and the report loses the facts a sports desk quotes. It is
read before the page is cleaned and becomes the report's first line:
"Plymouth Argyle 2–1 Exeter City (FT) · Whittaker 23', Hardie 88'; Nombe 61' · Home Park, 2
Dec 2026, 19:45".

Only a box named as a match's header that reads "team score – score team", both teams named
in the page's title or headline: the scoreboard of this match, not a ticker of other games.
"""

from __future__ import annotations

import itertools
import re

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from ..safe import safe_text
from .furniture import names_of
from .screen_reader import is_screen_reader_only

_SCOREBOARD_NAME = re.compile(
    r"match[-_]?(?:header|hero|score|summary)|score[-_]?(?:board|box)|scoreboard"
    r"|fixture[-_]?header|game[-_]?header|gamestrip"
)
# The box is a few lines: a page-wide wrapper named so holds the article too.
_MOST_CHARS = 600
_MOST_BOXES = 12
_SCORE = re.compile(r"^\d{1,3}$")
_BETWEEN_SCORES = re.compile(r"^[-–—:v]$")
_STATUS = re.compile(
    r"^(?:FT|HT|AET|Full[- ]time|Half[- ]time|Final|After extra time|Postponed|Abandoned"
    r"|FT \([^)]{1,20}\))$",
    re.IGNORECASE,
)
# A scorer's minutes in brackets: "Whittaker (23')", "Hardie (45+2', 88' pen)".
_MINUTES = re.compile(r"\s*\((?P<minutes>[^()]*\d[^()]*)\)")
# A line of the box read as venue and date: a few words, holding the day or the time.
_DETAIL_WORDS = 15
_NOT_TEXT = frozenset({"a", "button", "script", "style", "noscript", "template"})


def _pieces(box: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """The box's text in the order it shows, a piece per text node, with its element; not
    what is only for screen readers, nor a link's or button's words."""
    pieces: list[tuple[str, HtmlElement]] = []
    for el in box.iter():
        if not isinstance(el.tag, str):
            continue
        if any(a.tag in _NOT_TEXT or is_screen_reader_only(a) for a in (el, *el.iterancestors())):
            continue
        for text, owner in ((el.text, el), *((child.tail, el) for child in el)):
            if text and text.strip():
                pieces.append((" ".join(text.split()), owner))
    return pieces


def _scoreline(texts: list[str]) -> tuple[int, int, str, str, str, str] | None:
    """Where the box reads "home, score, [–], score, away": the span and its four parts."""
    for i in range(len(texts) - 3):
        home, first = texts[i], texts[i + 1]
        after = i + 3 if _BETWEEN_SCORES.match(texts[i + 2]) else i + 2
        if after + 1 >= len(texts):
            continue
        second, away = texts[after], texts[after + 1]
        if (
            _SCORE.match(first)
            and _SCORE.match(second)
            and not any(c.isdigit() for c in home + away)
        ):
            return i, after + 1, home, first, second, away
    return None


def _in_title(team: str, titles: str) -> bool:
    return len(team) > 1 and team.casefold() in titles


def _scorers(box: HtmlElement) -> str:
    """Each side's scorers, home first: "Whittaker 23', Hardie 88'; Nombe 61'"."""
    sides = []
    for lst in box.iter("ul", "ol"):
        names = [
            _MINUTES.sub(lambda m: " " + m["minutes"].strip(), " ".join(li.text_content().split()))
            for li in lst.iter("li")
            if not is_screen_reader_only(li)
        ]
        if names := [n for n in names if n]:
            sides.append(", ".join(names))
    if len(sides) > 2:
        return ""  # not two teams' scorers: a list of something else
    return "; ".join(sides) if any(sides) else ""


def scoreboard_line(doc: HtmlElement, titles: str) -> Block | None:
    """The line of the match's scoreboard on the page, or None. `titles` holds the page's
    title and headline, which must name both teams."""
    titles = " ".join(titles.split()).casefold()
    named = (
        box
        for box in doc.iter("div", "section", "header", "aside")
        if _SCOREBOARD_NAME.search(names_of(box) + " " + (box.get("data-testid") or ""))
    )
    # A match page has one header (and a box or two inside it named alike); a page of
    # thousands of boxes named so, each read whole, would take the square of its size.
    for box in itertools.islice(named, _MOST_BOXES):
        if len(box.text_content()) > _MOST_CHARS or box.find(".//article") is not None:
            continue
        if any(a.tag == "article" for a in box.iterancestors()):
            continue  # inside the article: readability reads it with the report
        pieces = [
            (t, el)
            for t, el in _pieces(box)
            if not any(a.tag in ("ul", "ol") for a in (el, *el.iterancestors()))
        ]
        texts = [t for t, _ in pieces]
        found = _scoreline(texts)
        if found is None:
            continue
        start, end, home, first, second, away = found
        if not (_in_title(home, titles) and _in_title(away, titles)):
            continue
        line = f"{home} {first}–{second} {away}"
        rest = texts[:start] + texts[end + 1 :]
        if status := next((t for t in rest if _STATUS.match(t)), ""):
            line += f" ({status})"
        parts = [line]
        if scorers := _scorers(box):
            parts.append(scorers)
        parts += [
            t
            for t in rest
            if t != status and any(c.isdigit() for c in t) and len(t.split()) <= _DETAIL_WORDS
        ]
        return Block(BlockKind.PARAGRAPH, (Inline(safe_text(" · ".join(parts))),))
    return None


def with_scoreboard(blocks: tuple[Block, ...], line: Block | None) -> tuple[Block, ...]:
    """`blocks` opened by the scoreboard's line, unless the text says the score already."""
    if line is None:
        return blocks
    said = " ".join(" ".join(b.text.split()) for b in blocks[:3])
    if line.text.split(" · ")[0] in said:
        return blocks
    return (line, *blocks)
