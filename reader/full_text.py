"""Searching every cached article's text: the headlines whose title, byline or cleaned text
holds all the words of a query, in any order ("quoted words" a phrase, those words in that
order), each with a snippet of the text where the words are closest together.

The byline the article shows (the cached page's, "Maren Holt, Jonas Berg", else the feed's
author of the headline) is searched as the title is, so "holt harbour" finds what Maren Holt wrote about the
harbour, with no syntax to learn; the site's name is not: an outlet's name is made of common
words ("Harbour Ledger", "The Times", "News"), and "harbour" would find every article of the
Harbour Ledger. A search within one feed is `F` from its headlines, `--feed` on the command line.

Each word or phrase is matched as the reading view's `/` matches a query (`text_find.pattern`:
smartcase, quotes, dashes, widths and accents folded), so "lodz" finds "Łódź" here as it does
there; but as a whole word (`search_query.whole_words`): an archive's "port" finding every
"report" and "support" drowned the hits. `OR` and `-word` are read as news databases read them
(`search_query`). Only the cache is read, never the network: a headline with no text of it cached (a PDF, a
podcast's episode, a page that failed, one not fetched yet) is searched by its title and its
feed's text (acc30a J16). Given the `candidates` of an index (`search_index`), only the
articles that may hold every word are read and matched, by the same rule; without, every one
is (benchmarks/search.py measures both).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING

from .cells import terminal_cells
from .dates import in_local_time
from .entry_headings import ENTRY_HEADING_CHARS, is_entry_heading
from .feed_summary import summary_line
from .fold import TYPESET, Folding, as_folded, composed, fold
from .keys import link_key
from .models import Article, BlockKind, Entry, TextMarks
from .reports import Headline
from .safe import safe_line
from .search_bodies import Kept
from .search_headlines import SUMMARY_CHARACTERS
from .search_query import NOTE_FIELD, Query, _Word
from .searched_notes import note_of
from .syllables import syllable_start
from .word_matches import first_from, matches_within
from .writer_names import without_label

if TYPE_CHECKING:
    from .search_index import KeySet

_APART = "\x00"
"""Between two titles searched as one text, and between a title and its byline: what no title
shows nor any query types (a phrase doesn't run on from the title into the author's name)."""
_ANCHORS = 40
"""The matches of a query's longest word a snippet's place is chosen among."""
_WIDE = 80
"""How far before a match of the longest word the nearest of each other word is looked for."""
SNIPPET_CELLS = 110
"""The terminal cells of text a snippet shows round a match (one line of a wide terminal): a
line of Chinese or Japanese, two cells a character, holds half the characters of a French one."""
_BEFORE = 40
"""Of them, how many come before the match, so it reads in its sentence."""
_BREAK = re.compile(r"\s+|[，。、；：！？」』）]+|[,.;:!?)]+(?=[^\x00-\x7f\s])")
"""Where a snippet may start or end, so that it doesn't start or end in a word's middle: a
space, or after a punctuation mark of Chinese or Japanese, written without spaces ("，", "。",
"、"), or an ASCII one such a text uses ("2026年11月20日, 审计署…")."""
_LEAD_SOURCE = SUMMARY_CHARACTERS
"""Characters of a feed's summary (tags and all) a lead is made from, and searched: as many as
the index holds of it."""
_LAST_WORDS = 24
"""Characters at a line's end in which its last break is looked for first (`_last_break`)."""


TITLE_ALONE = "(found by its title; no text of it is cached)"
"""The line under a hit with neither snippet, byline nor lead: a blank one looked broken."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A headline the search found. Slotted: one block of memory a hit, not two (its fields'
    dict), for a common word's 20,000 held by the reader (acc45c C2, search46)."""

    headline: Headline
    snippet: str
    """One line of the article's text round the first match, safe to show ("" when only the
    title holds every word)."""
    word: str = ""
    """The word of the query matched first in the text ("" when only the title holds them):
    the reading view opened from the hit opens at its match (its search is the `query`)."""
    byline: str = ""
    """The byline holding a word of the query the text doesn't ("" for none), safe to show:
    why an article found by its author's name was found."""
    near: str = ""
    """The text where the words are nearest each other (the snippet's), from the first of
    them, at most `NEAR_CHARACTERS`: where the reading view opens, the match of `word` there
    (the first one could be pages away, acc27a A16)."""
    entry: str = ""
    """The heading of the live blog's entry the snippet is in ("11:34 · Update 40: …"), safe to
    show; "" for a match in no entry, or in an article of no entries: which update of four
    hundred, of what time, the words are in."""
    lead: str = ""
    """For a hit found by its title alone (no `snippet`, no `byline`): the first words of the
    article's text, else of the feed's summary of it, safe to show ("" for neither): what it
    is about, in the blank its line was."""
    version: int = 0
    """The kept earlier version of the article the words were found in, numbered as
    `reader show --version` takes it (0: the latest copy): a quote taken from a copy a
    correction replaced is found again."""
    retrieved: datetime | None = None
    """When that version was retrieved."""
    headlined: str = ""
    """The article's own title (that version's, for a kept copy), safe to show, when it
    differs from the feed's headline and holds a word its text doesn't ("" otherwise): the
    story was found by the headline it had before the site changed it, or by the title it
    gives itself (a PDF's, acc36a G2)."""
    query: str = ""
    """The query it was found by, as typed: the reading view opened from the hit searches
    the article for every word of it, as the hit was found (acc30a J30)."""
    noted: str = ""
    """One line of the reader's own note on the article (`searched_notes`) round a word of the
    query it holds, safe to show ("" when no note holds one): a hit found by what the reader
    wrote says so, not only the article's words (acc45 C5)."""
    pending: bool = False
    """Found, its line not worked out yet (`search`'s `details`): no snippet, byline, place
    nor lead; `word` is the query's first found in the text. `library.text_search.detailed`
    works them out, for the hits shown."""

    @property
    def line(self) -> str:
        """The line shown under the hit: "by" its byline when that holds a word, the earlier
        copy the words are in, the live blog's entry they are in, and its snippet; for one
        found by its title alone, its lead;
        never blank (with no text to show, it says so)."""
        titled = f"titled “{self.headlined}”" if self.headlined and not self.version else ""
        text = self.snippet or (self.lead if titled else "")
        noted = f"in your note: {self.noted}" if self.noted else ""
        entry = self.entry if text == self.snippet else ""
        said = " · ".join(part for part in (self.copy_lead, titled, entry, text, noted) if part)
        return said or self.lead or TITLE_ALONE

    @property
    def copy_lead(self) -> str:
        """The start of `line` before its snippet: "by" its byline, and the earlier copy the
        words are in; a row too narrow for the match cuts the line after it, not through it
        (acc47e E7: the reader's hit line lost which copy it matched)."""
        by = f"by {self.byline}" if self.byline else ""
        copy = ""
        if self.version:
            when = (
                in_local_time(self.retrieved).strftime("%Y-%m-%d %H:%M")
                if self.retrieved
                else "at an unknown time"
            )
            copy = f"in the copy retrieved {when} (--version {self.version}, V)"
            if self.headlined:
                copy += f", headlined “{self.headlined}”"
        return " · ".join(part for part in (by, copy) if part)


class _Folded:
    """A text as the words are compared with it: composed, then folded with or without its
    accents, each worked out once."""

    def __init__(self, text: str) -> None:
        whole = composed(text)
        self.given = text
        """The text as written: what a snippet quotes."""
        self.text = text if whole is None else whole[0]
        self.starts = None if whole is None else whole[1]
        """Per character of `text`, where its cluster starts in the text given (None: the
        same text)."""
        self.ends = None if whole is None else whole[2]
        """Per character of `text`, where its cluster ends in the text given."""
        self._folded: dict[Folding, str] = {}
        self._lowered: dict[Folding, str | None] = {}
        self._kept = False

    @classmethod
    def kept(cls, folded: str) -> _Folded:
        """A text as the search index keeps it (`fold.kept_folded`), for a bare match alone
        (`_found`'s `bare`): no span of it is given back to the text as written."""
        body = cls("")
        body.given = body.text = folded
        body._kept = True
        return body

    def given_span(self, at: int, end: int) -> tuple[int, int]:
        """The span `at`..`end` of `text` as offsets into the text given: a French one's
        "soeurs Duboeuf" there is "sœurs Dubœuf" (acc32a A8)."""
        if self.starts is None or self.ends is None or at >= len(self.starts):
            return at, end
        return self.starts[at], self.ends[end - 1] if end > at else self.starts[at]

    def folded(self, word: _Word) -> str:
        if word.accents not in self._folded:
            folding = as_folded if self._kept else fold
            self._folded[word.accents] = folding(self.text, word.accents)
        return self._folded[word.accents]

    def search(self, word: _Word) -> re.Match[str] | None:
        text = self.folded(word)
        lowered = self._ascii_lowered(word)
        if lowered is not None:  # as most news text is once folded: its letters looked for first
            return word.search_ascii(text, lowered)
        return word.found.search(text)

    def _ascii_lowered(self, word: _Word) -> str | None:
        """The text folded for `word` in lower case when it is all ASCII, else None."""
        if word.accents not in self._lowered:
            text = self.folded(word)
            self._lowered[word.accents] = text.lower() if text.isascii() else None
        return self._lowered[word.accents]

    def matches(
        self, word: _Word, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """`word`'s matches in the text folded for it, from `pos` to `endpos`, as its pattern's
        `finditer` gives them."""
        text = self.folded(word)
        end = len(text) if endpos is None else endpos
        lowered = self._ascii_lowered(word)
        if lowered is None:
            return word.found.finditer(text, pos, end)
        return matches_within(word, text, lowered, pos, end)

    def search_from(self, word: _Word, pos: int = 0) -> re.Match[str] | None:
        """`word`'s first match in the text folded for it from `pos`, as its pattern's
        `search` gives it."""
        text = self.folded(word)
        lowered = self._ascii_lowered(word)
        if lowered is None:
            return word.found.search(text, pos)
        return first_from(word, text, lowered, pos)


def article_text(article: Article) -> str:
    """The text searched: the article's blocks, a line each (a table row's text is its cells'),
    without its pictures' descriptions, as the words an article counts leave them out; what
    `Library.cached_text` reads from the cache without rebuilding the article."""
    return "\n".join(block.text for block in article.blocks if block.kind != BlockKind.IMAGE)


MarksOf = Callable[[], TextMarks]
"""Where a text's struck-through runs and headings are (`codec.marks_from_dict`), worked out
when called: for a hit's line only, most texts a search reads being no hit."""


def _no_marks() -> TextMarks:
    """The marks of a text with none (a feed's summary, searched in place of an article)."""
    return TextMarks([], [])


def snippet(text: str, at: int, end: int, struck: Sequence[tuple[int, int]] = ()) -> str:
    """One line of `text` round the match at `at`..`end`, `SNIPPET_CELLS` cells wide as a
    terminal draws it (`terminal_cells`), `_BEFORE` of them before the match; cut where a word
    ends (`_BREAK`: a space, or a Chinese or Japanese punctuation mark), "…" where it goes on.
    The `struck` runs in it between "~~", as the article's text marks them: a figure the page
    withdrew ("paid ~~€9.4m~~ €6.1m") is not read as standing (acc30a J31)."""
    start = at
    room = _BEFORE
    while start > 0 and room > 0:
        start -= 1
        room -= _cells(text[start])
    if start:  # from the first word that starts whole before the match
        cut = _BREAK.search(text, start, at)
        # In a run of Thai, from a syllable's start (a few characters more), not inside one
        # ("…พมหานคร" of "กรุงเทพมหานคร", acc41c C11).
        start = cut.end() if cut else syllable_start(text, start)
    stop, room = start, SNIPPET_CELLS
    ahead = text[start : start + room]
    if ahead.isascii():  # a cell a character (a line break too): the line's run at once
        stop, room = start + len(ahead), room - len(ahead)
    while stop < len(text) and (room > 0 or stop < end):
        room -= _cells(text[stop])
        stop += 1
    if room < 0 and stop - 1 >= end:  # a wide character that took a cell past the line's
        stop -= 1
    if stop < len(text):  # to the end of the last word that ends whole
        last = _last_break(text, end, stop + 1)
        if last is not None:
            stop = last.start() if text[last.start()].isspace() else min(last.end(), stop)
        else:
            stop = syllable_start(text, stop, floor=end - 1)
    line = safe_line(_marked(text, start, stop, struck))
    return ("…" if start else "") + line + ("…" if stop < len(text) else "")


def _marked(text: str, start: int, stop: int, struck: Sequence[tuple[int, int]]) -> str:
    """`text[start:stop]`, the parts of the `struck` runs in it between "~~"."""
    parts: list[str] = []
    at = start
    for run_start, run_end in struck:
        if run_end <= start or run_start >= stop:
            continue
        run_start, run_end = max(run_start, start), min(run_end, stop)
        parts += [text[at:run_start], "~~", text[run_start:run_end], "~~"]
        at = run_end
    parts.append(text[at:stop])
    return "".join(parts)


def _last_break(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """The last of `_BREAK`'s matches in `text[pos:endpos]`, looked for in its last
    `_LAST_WORDS` characters first: every break of a line cost most of a snippet's time. (A run
    of spaces there may be found from the stretch's start, not its own: the line it ends is
    the same, stripped.)"""
    for begin in dict.fromkeys((max(pos, endpos - _LAST_WORDS), pos)):
        last = deque(_BREAK.finditer(text, begin, endpos), maxlen=1)
        if last:
            return last[0]
    return None


def _cells(char: str) -> int:
    """The cells `char` takes in a snippet: a space, a line break alike, takes one (a run of
    them is one space there)."""
    if char.isascii() or char.isspace():
        return 1
    return terminal_cells(char)


def matches(query: Query, title: str, text: str) -> str | None:
    """The snippet of `text` when every word is in `title` (a `heading`) or `text` ("" when
    `text` holds none of them), else None."""
    found = _found(query, title, text)
    return None if found is None else found[0]


NEAR_CHARACTERS = 80


def _found(
    query: Query,
    title: str,
    text: str,
    marks: MarksOf = _no_marks,
    unheld: Container[int] = (),
    bare: bool = False,
    kept: bool = False,
    note: str = "",
) -> tuple[str, str, str, str, str] | None:
    """The snippet of `text` (the struck-through runs `marks` gives marked), the word matched
    first in it ("", "" when `text` holds none of them), the byline holding a word `text`
    doesn't (`Hit.byline`), where in `text` the words are nearest (`Hit.near`) and the live
    blog's entry they are in (`Hit.entry`, by the headings `marks` gives) when a word of each
    of the query's groups is in `title` (a `heading`) or `text` and none it excludes, else
    None. `unheld`: the words it excludes (by their place in `query.excluded`) that the index
    tells `text` can't hold, not looked for in it. `bare`: whether it matches, alone (no
    snippet, byline nor place; the first word found in `text` as the word matched): a
    common word's thousands of hits, most never shown, cost twice as much with theirs. `kept`:
    `text` is as the index keeps it (`fold.kept_folded`), for a `bare` match. `note`: the
    reader's own notes on the article, where a word is looked for after its text and headline,
    and a `note:` word alone (`noted_snippet` quotes it)."""
    head = _Folded(title)
    noted = _Folded(note) if note else None  # nearly every article has none
    body = _Folded.kept(text) if kept else _Folded(text)
    parts = _Parts(title)
    in_text: list[_Word] = []
    in_head: list[_Word] = []
    for group in query.groups:
        held = False
        for word in (query.words[n] for n in group):
            if word.field == NOTE_FIELD or (
                not word.field and note and body.search(word) is None and head.search(word) is None
            ):
                if noted is None or noted.search(word) is None:
                    continue
            elif word.field:
                if not parts.holds(word):
                    continue
                in_head.append(word)
            elif body.search(word) is not None:
                in_text.append(word)
            elif head.search(word) is not None:
                in_head.append(word)
            else:
                continue
            held = True
        if not held:
            return None
    # An excluded word absent is looked for through the whole text (a year's `harbour -sofia`:
    # a third of the search's time), unless the index tells it is absent.
    if any(
        (noted is not None and noted.search(w) is not None)
        if w.field == NOTE_FIELD
        else parts.holds(w)
        if w.field
        else head.search(w) is not None
        or (n not in unheld and body.search(w) is not None)
        or (noted is not None and noted.search(w) is not None)
        for n, w in enumerate(query.excluded)
    ):
        return None
    if bare:
        return ("", in_text[0].typed if in_text else "", "", "", "")
    byline = ""
    if in_head and _APART in title:
        named = [word for word in in_head if word.field != "title"]
        byline = _byline_holding(title.split(_APART)[1:], named) if named else ""
    if not in_text:
        return ("", "", byline, "", "")
    # Quoted as written, where the words were found in the text composed (`_Folded`: a
    # French one's "œuvre" as "oeuvre"): the snippet misspelt "sœurs Dubœuf" (acc32a A8).
    at, end, word = _closest(body, in_text)
    at, end = body.given_span(at, end)
    # The first words from there, in their paragraph (the view finds a query in one), tell
    # the place apart; with one word, its first match is the place already.
    near = text[at : at + NEAR_CHARACTERS].split("\n")[0] if len(in_text) > 1 else ""
    struck, headings = marks()
    return (
        snippet(text, at, end, struck).translate(TYPESET),
        word,
        byline,
        near,
        _entry_at(headings, at),
    )


def _entry_at(headings: Sequence[tuple[int, str]], at: int) -> str:
    """The heading, safe to show, of the live blog's entry holding the place `at` of a text
    whose `headings` (where each's line starts, its text) are given: the last entry heading
    before it (`is_entry_heading`); "" for a place before any, or a text of fewer than two (a
    story with one heading that starts with a year is no live blog)."""
    timed = [(start, heading) for start, heading in headings if is_entry_heading(heading)]
    if len(timed) < 2:
        return ""
    n = bisect_right(timed, at, key=lambda timed_heading: timed_heading[0])
    return safe_line(timed[n - 1][1], ENTRY_HEADING_CHARS) if n else ""


def noted_snippet(query: Query, note: str) -> str:
    """The line of `note` (the reader's notes on an article) round the words of `query` it
    holds, "" when it holds none (a `by:` or `title:` word is none of a note's)."""
    if not note:
        return ""
    body = _Folded(note)
    words = [w for w in query.words if w.field in ("", NOTE_FIELD) and body.search(w)]
    if not words:
        return ""
    at, end, _word = _closest(body, words)
    at, end = body.given_span(at, end)
    return snippet(note, at, end)


class _Parts:
    """A `heading`'s titles and bylines apart, each folded when a word of a field (`by:`,
    `title:`) is first looked for in it."""

    def __init__(self, heading: str) -> None:
        self._heading = heading
        self._folded: dict[str, _Folded] = {}

    def holds(self, word: _Word) -> bool:
        """Whether the part `word.field` names holds `word`."""
        part = self._folded.get(word.field)
        if part is None:
            titles, *bylines = self._heading.split(_APART)
            text = titles if word.field == "title" else _APART.join(map(without_label, bylines))
            part = self._folded[word.field] = _Folded(text)
        return part.search(word) is not None


def _byline_holding(bylines: list[str], words: list[_Word]) -> str:
    """What a hit says it was found "by": the page's byline as it is cited, else the feed's
    (of a headline's `bylines`, the feed's and the page's) holding every one of `words` they
    hold, safe to show, without its own word for "by" ("by Von Jürgen Weiß", "by โดย สมชาย"
    said it twice); the feed's "A and B" and the page's "A, B" name the same writers, and one
    is enough. "" when none holds any."""
    folded = [_Folded(without_label(byline)) for byline in bylines]
    held = [w for w in words if any(b.search(w) is not None for b in folded)]
    if not held:
        return ""
    holders = [b for b in folded if any(b.search(w) is not None for w in held)]
    whole = next((b for b in reversed(holders) if all(b.search(w) is not None for w in held)), None)
    text = whole.given if whole is not None else ", ".join(b.given for b in holders)
    return safe_line(text, 120)


def _closest(body: _Folded, words: list[_Word]) -> tuple[int, int, str]:
    """Where in `body` the matches of `words` (each found in it) are nearest each other: from
    each of the first matches of the longest word (the rarest, as a rule: what a reader looks
    for by it), the nearest match of each other word within a snippet's width of it (else its
    next, else its first); the start of the shortest stretch so made, its end (the end of its first match when the stretch
    is longer than a snippet), and the word matched at its start."""
    anchor = max(range(len(words)), key=lambda n: len(words[n].typed))
    best: tuple[int, int, int, int, int] | None = None  # length, start, end, word, its end
    for match in islice(body.matches(words[anchor]), _ANCHORS):
        at, end = match.span()
        first, first_end, word, stop = at, end, anchor, end
        matched = end - at
        for n, other in enumerate(words):
            if n == anchor:
                continue
            spans = [m.span() for m in body.matches(other, max(0, at - _WIDE), end + _WIDE)]
            if not spans:  # none near: the next one, else the first
                found = body.search_from(other, end) or body.search_from(other)
                spans = [found.span()] if found else []
            if not spans:
                continue
            start, finish = min(spans, key=lambda s: max(end, s[1]) - min(at, s[0]))
            if start < first:
                first, first_end, word = start, finish, n
            stop = max(stop, finish)
            matched += finish - start
        if best is None or stop - first < best[0]:
            best = (stop - first, first, stop, word, first_end)
        if stop - first <= matched + 2 * len(words):  # side by side: none is nearer
            break
    assert best is not None  # each word is found in the text
    length, at, stop, word, first_end = best
    return at, (stop if length <= SNIPPET_CELLS - _BEFORE else first_end), words[word].typed


def shown_byline(headline: Headline, page: str) -> str:
    """The byline a hit is found by: the one its article shows, the page's (`page`), else the
    feed's. A council's PDF "by Portmouth Council" was listed "by Anna Müller", its feed's
    dc:creator, which `reader show` and the citation never name (acc40a M2)."""
    return page or headline.entry.author


def heading(title: str, *bylines: str) -> str:
    """What a headline's words are looked for in besides its article's text: its title and its
    bylines (the feed's, the page's, each once), apart."""
    parts = [title.replace(_APART, "")]
    for byline in bylines:
        byline = byline.replace(_APART, "")
        if byline and byline not in parts:
            parts.append(byline)
    return _APART.join(parts)


def titles_holding(titles: list[str], word: _Word) -> set[int]:
    """The indices of the `titles` (`heading`s) holding `word`: all of them searched as one
    text (a character no title has and no word matches between two), each composed and folded as
    `_Folded` does one, at a small part of the cost of one at a time."""
    starts: list[int] = []
    joined = _APART.join(titles)
    if composed(joined) is None:
        # Nearly always: every title in NFC already, and folding keeps each character where
        # it is, so the titles are folded as one text (a year's 51,550 one by one: 0.4 s).
        folded = fold(joined, word.accents)
        at = 0
        for title in titles:
            starts.append(at)
            at += len(title) + 1
    else:
        parts: list[str] = []
        at = 0
        for title in titles:
            whole = composed(title)
            text = fold(title if whole is None else whole[0], word.accents)
            starts.append(at)
            parts.append(text)
            at += len(text) + 1
        folded = _APART.join(parts)
    return {bisect_right(starts, match.start()) - 1 for match in word.found.finditer(folded)}


def search(
    headlines: Iterable[Headline],
    query: Query,
    cached_text: Callable[[Headline], tuple[str, str, MarksOf, str] | None],
    stopped: Callable[[], bool] = lambda: False,
    candidates: Sequence[KeySet | None] | None = None,
    copies: Callable[[Headline], Sequence[KeptCopy]] = lambda headline: (),
    unheld: Callable[[str], Container[int]] = lambda key: (),
    summary_of: Callable[[Entry], str] = lambda entry: entry.summary,
    details: int | None = None,
    kept: Callable[[Headline], Kept | None] | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[Hit]:
    """The headlines `query` finds, in the order given, their cached articles' texts, bylines
    and own titles read by `cached_text` (`Library.searched`: only for those the list marks
    cached; an article's title is searched beside its headline's, acc36a G2);
    `stopped` is asked between two (a search the reader replaced by another ends early); with
    each text, where its struck-through runs are, for the snippet.

    `candidates`, per word of the query, the keys of the articles that may hold it (None: any
    may), from an index: a headline whose article is in none of the words' of a group (every
    one of a group typed with OR between them), and whose title or feed's byline holds none of
    them, is passed over unread; one in them is read even when the
    list doesn't mark it cached (a sync in another process cached it since).

    `copies` gives the kept earlier versions of a cached article (oldest first): one whose
    latest copy doesn't hold every word is found by the newest of them that does.

    `unheld`, by an article's key, the words `query` excludes (by their place in
    `query.excluded`) that the index tells its cached text can't hold (`_found`).

    `summary_of` gives an entry's summary whole (`Store.feed_summary`), asked only of one
    whose list held less of it than a search reads (`Entry.summary_cut`: its article was
    cached, and its text unread or empty).

    `details`: how many hits (the first found) are given their line (snippet, byline, place,
    lead), the rest `Hit.pending` (None: every one).

    `kept` gives a cached article's title, byline and text as the search index keeps them
    (`search_bodies`; None: not kept as cached now): matched as they are, its record unread,
    unless a word is typed with an accent (the text kept has none); the record is read for a
    hit given its line (the `details` first), whose snippet quotes the text as written.

    `notes`, by an article's key, the reader's own notes on it (`searched_notes`): a word is
    found in them too (a `note:` word only there), and a hit says what its note holds."""
    notes = notes or {}
    hits: list[Hit] = []
    if not query.finds:  # a tag's list alone (`tag:NAME`) is narrowed to by the caller
        return hits
    if any(word.accents is False for word in (*query.words, *query.excluded)):
        kept = None
    rows = list(headlines)
    keys_of: list[str] = []
    if candidates is not None:
        keys_of = [h.key or link_key(h.entry.link) for h in rows]
        maybe = _rows_that_may(rows, keys_of, query, candidates, summary_of, notes)
        # A pair made as each row is read, not a list of them all (a common word's 20,000).
        rows_read: Iterable[tuple[int, Headline]] = ((n, rows[n]) for n in sorted(maybe))
    else:
        rows_read = enumerate(rows)
    for n, headline in rows_read:
        if stopped():
            break
        key = keys_of[n] if keys_of else headline.key or link_key(headline.entry.link)
        cached = headline.cached
        if candidates is not None:
            cached = cached or any(keys is not None and key in keys for keys in candidates)
        bare = details is not None and len(hits) >= details
        note = note_of(notes, headline, key)
        found = None
        known = kept(headline) if cached and kept is not None else None
        if known is not None:  # matched as the index keeps it: found or not, alone
            title = heading(_titles(headline, known.title), shown_byline(headline, known.byline))
            found = _found(query, title, known.folded, _no_marks, unheld(key), True, True, note)
        if known is None or (found is not None and not bare):  # a hit's line is the record's
            got = cached_text(headline) if cached else None
            # With no text of it cached (a PDF's, a podcast's, a page that failed: all there
            # is), its feed's text is searched as an article's is, and is what its hit shows.
            text, byline, marks, own = got or (_feed_text(headline, summary_of), "", _no_marks, "")
            title = heading(_titles(headline, own), shown_byline(headline, byline))
            # Of its cached text only: a feed's, searched in its place, is in no article's row.
            absent = unheld(key) if got else ()
            found = _found(query, title, text, marks, absent, bare, note=note)
        if found is not None and bare:
            hits.append(Hit(headline, *found, query=query.text, pending=True))
        elif found is not None:
            lead = "" if found[0] or found[2] else _lead(text, headline, summary_of)
            titled = (
                _title_holding(query, own) if not found[0] and own != headline.entry.title else ""
            )
            said = noted_snippet(query, note)
            hits.append(
                Hit(headline, *found, lead=lead, headlined=titled, query=query.text, noted=said)
            )
        elif cached and (earlier := copies(headline)):
            hits.extend(_in_copies(query, headline, earlier)[:1])
    return hits


def _rows_that_may(
    rows: list[Headline],
    keys_of: list[str],
    query: Query,
    candidates: Sequence[KeySet | None],
    summary_of: Callable[[Entry], str],
    notes: Mapping[str, str],
) -> set[int]:
    """The indices of the `rows` whose article (by `keys_of`) the index names for a word of
    every group of `query`, or whose title, bylines or (uncached) feed text holds one, and
    whose title holds no word it leaves out (`-word`): the only ones worth
    reading. Worked out from the index's keys, not row by row: a word nobody holds reads none
    of a year's 51,550 (acc33b B9). A row with a note of the reader's (`notes`, by key) is read
    whatever the index says: no index holds the notes, and they are few."""
    noted = {n for n, key in enumerate(keys_of) if note_of(notes, rows[n], key)} if notes else set()
    titles: dict[int, str] = {}

    def title(n: int) -> str:
        if n not in titles:
            # An uncached one's feed text, which no index holds, is looked in as its title is.
            h = rows[n]
            feed_text = "" if h.cached else f"\n{_feed_text(h, summary_of)}"
            titles[n] = heading(h.entry.title, h.entry.author) + feed_text
        return titles[n]

    maybe: set[int] | None = None  # None: every row
    for group in query.groups:
        if any(candidates[w] is None for w in group):
            continue  # a word too short to narrow: every row may hold one of the group's
        in_group = set(noted)
        for w in group:
            keys = candidates[w]
            if keys:
                in_group.update(n for n, key in enumerate(keys_of) if key in keys)
        # The others' titles alone looked in: a common word's 20,000, each named, were all
        # made and folded while the search went on (3 MB, acc45c C2).
        rest = [n for n in (range(len(rows)) if maybe is None else maybe) if n not in in_group]
        heads = [title(n) for n in rest]
        for w in group if heads else ():
            in_group.update(rest[i] for i in titles_holding(heads, query.words[w]))
        maybe = in_group if maybe is None else maybe & in_group
        if not maybe:
            return maybe  # a group no row may hold: none is read
    kept = set(range(len(rows))) if maybe is None else maybe
    if query.excluded:
        # A row whose title holds a word left out is no hit, whatever its text (`_found` and
        # `_in_copies` look in it): dropped unread. Not by its feed's byline: the one looked
        # in is the page's where it gives one (`shown_byline`). Its article can't be, by the
        # index: trigrams tell what an article may hold, never what it holds.
        order = sorted(kept)
        heads = [rows[n].entry.title for n in order]
        for word in query.excluded:
            if word.field == NOTE_FIELD:  # in the notes alone, read with the row
                continue
            # A field's word, in its part alone: `-by:Anna` keeps a headline naming Anna.
            parts = heads
            if word.field == "title":
                parts = [rows[n].entry.title.replace(_APART, "") for n in order]
            elif word.field == "by":
                # The feed's byline is the one looked in only while no page gives its own
                # (`shown_byline`): a cached article's is known once its record is read.
                parts = [
                    "" if rows[n].cached else rows[n].entry.author.replace(_APART, "")
                    for n in order
                ]
            kept.difference_update(order[i] for i in titles_holding(parts, word))
    return kept


def _summary(headline: Headline, summary_of: Callable[[Entry], str]) -> str:
    """As much of a headline's feed text (its summary, HTML) as a lead is made from: its
    entry's, unless its list held less of it (`Entry.summary_cut`), then `summary_of`'s."""
    entry = headline.entry
    if entry.summary_cut and len(entry.summary) < _LEAD_SOURCE:
        return summary_of(entry)[:_LEAD_SOURCE]
    return entry.summary[:_LEAD_SOURCE]


def _feed_text(headline: Headline, summary_of: Callable[[Entry], str]) -> str:
    """The words of a headline's feed text (its summary), one line, as much as a lead is
    made from."""
    return summary_line(_summary(headline, summary_of))


def _lead(text: str, headline: Headline, summary_of: Callable[[Entry], str]) -> str:
    """The first words of `text`, else of the headline's feed text, a snippet's width."""
    if not text or text.isspace():
        text = _feed_text(headline, summary_of)
    return snippet(text, 0, 0) if text else ""


KeptCopy = tuple[datetime | None, str, str, str, MarksOf]
"""A kept earlier version of an article as a search reads it: when it was retrieved, its
title, byline and text, and where its struck-through runs and headings are."""


def _headline_holding(query: Query, title: str, text: str) -> str:
    """A copy's `title`, safe to show, when it holds a word of `query` its `text` doesn't
    (what the copy was found by), else ""."""
    head, body = _Folded(title), _Folded(text)
    held = any(
        body.search(w) is None and head.search(w) is not None
        for w in query.words
        if w.field != "by"
    )
    return safe_line(title, 200) if held else ""


def _title_holding(query: Query, own: str) -> str:
    """An article's own title, safe to show, when it holds a word of `query` (a hit with no
    snippet, its text holding none: what it was found by), else ""."""
    head = _Folded(own.replace(_APART, ""))
    held = any(head.search(w) is not None for w in query.words if w.field != "by")
    return safe_line(own.replace(_APART, ""), 200) if held else ""


def _titles(headline: Headline, own: str) -> str:
    """The titles a headline is searched by: its feed's, and its article's own when that is
    another (a PDF's title, a page's heading reworded from the feed's, a kept copy's)."""
    own = own.replace(_APART, "")
    if own and own != headline.entry.title:
        return f"{headline.entry.title}\n{own}"
    return headline.entry.title


def _in_copies(query: Query, headline: Headline, kept: Sequence[KeptCopy]) -> list[Hit]:
    """The hit in the newest of the `kept` versions (oldest first) holding every word in its
    title, byline or text, or in the headline's: a story is found by the headline it had
    before the site changed it (what other outlets quoted, acc30a J10) as by its text then."""
    for version in range(len(kept), 0, -1):
        retrieved, copy_title, byline, text, marks = kept[version - 1]
        own = copy_title.replace(_APART, "")
        title = heading(_titles(headline, own), shown_byline(headline, byline))
        if (found := _found(query, title, text, marks)) is not None:
            then = _headline_holding(query, own, text) if own != headline.entry.title else ""
            return [
                Hit(
                    headline,
                    *found,
                    version=version,
                    retrieved=retrieved,
                    headlined=then,
                    query=query.text,
                )
            ]
    return []
