"""A query of the search of every cached article (`full_text`), read as a reporter types it
into a news database: words and "quoted phrases" an article must all hold (AND between them
is the default, and may be typed), `OR` between two for either, `-word` (or `NOT word`) for
one it must not hold (acc30a J12). Each word is matched whole, as the reading view's `/`
matches it (`text_find.pattern`): smartcase, quotes, dashes, widths and accents folded.

`AND`, `OR` and `NOT` are operators only in capitals, as the databases write them ("and",
"or", "Or" are words to look for); `-` is one only before a letter or a quoted phrase: "-3.2%"
is a figure to find, a lone "-" a dash.

`tag:NAME` (`tag:"long read"` for a tag of several words) narrows the search to the list of
that tag, as `--tag` and the feed list's tag row give it: the articles filed under it and the
headlines of the feeds filed under it; case and spaces aside, as tags are compared.
`tag:a,b` (or `tag:a OR tag:b`) is either tag's, `-tag:NAME` (`NOT tag:NAME`) leaves its
list out. A tag is no word: it is not looked for in the text.

`category:NAME` (`category:"long name"`) narrows it to the headlines its feed files under that
category (an item's `<category>`: Lobsters' tags, a subreddit, hashtags: `item_categories`),
case, a hashtag's "#" and a subreddit's "r/" aside; `-category:NAME` leaves them out. A category is no word either.

`by:NAME` and `title:WORD` (`FIELDS`) look for a word in a headline's bylines or titles only,
`-by:NAME` leaves out what NAME wrote. A plain word is looked for in all (text, titles,
bylines), the hits newest first: a byline-only hit says "by NAME" on its line, and `-by:`
takes those out; a relevance order would hide the newest story under older ones (acc40a M5).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .feed_names import folded, typed_key
from .feed_tags import hashed_tags, typed_tag
from .fold import MARKS, Folding, fold, skippable, unmarked
from .safe import safe_line
from .search_slips import either_slip, operator_slip, state_slip
from .text_find import (
    GROUPED_FIGURE,
    UNSPACED,
    blank,
    elided_apostrophe,
    elided_source,
    folding,
    joined_figure,
    pattern,
    typed,
    unspaced,
)
from .word_matches import first_from
from .word_prefixes import attached_prefix

if TYPE_CHECKING:
    from .reports import Headline
    from .search_index import KeySet

_QUOTES = '"“”„'
_TERM = re.compile(f"[{_QUOTES}]([^{_QUOTES}]*)[{_QUOTES}]?|{GROUPED_FIGURE}|[^\\s{_QUOTES}]+")
"""A word of a query, or the words between two double quotes (a closing one left out: to
the end), or a figure typed in groups of three ("12 500", "12,500"): one word, its groups put
together (`text_find.joined_figure`)."""

MOST_TERMS = 32
_LETTER_RUN = re.compile("[A-Za-z]+")
MOST_PHRASE_WORDS = 64
TAG_FIELD = "tag:"
"""What a term naming a tag starts with (`tag:strikes`)."""
CATEGORY_FIELD = "category:"
"""What a term naming an item's category starts with (`category:databases`)."""
STATE_FIELD = "is:"
"""What a term naming a state of an article starts with (`is:corrected`)."""
STATES = ("unread", "read", "saved", "corrected")
"""The states `is:` names: `unread` and `read` as the headline list marks them, `saved` (`s`),
`corrected`, an article whose text changed after it was first retrieved, earlier copies kept
(`Headline.corrected`, `reader list --corrected`, acc45). A state is no word: not looked for
in the text; `is:` naming another is refused (`search_slips`)."""
NOTE_FIELD = "note"
"""The part `note:WORD` looks in: the reader's own notes on an article (`searched_notes`)."""
FIELDS = {"by:": "by", "title:": "title", "note:": NOTE_FIELD}
"""What a term looked for in one part of a headline only starts with, and that part: `by:`
its bylines (the feed's author, the page's), `title:` its titles (the feed's headline, the
article's own). A name that is also a reporter's drowned its hits in bylines (acc40a M5):
`Müller -by:Müller` is the stories naming Müller that Müller didn't write. `note:` the
reader's own notes on the article (✎), which a plain word is looked for in too (acc45 C5)."""
_STATE_OF: dict[str, Callable[[Headline], bool]] = {
    "unread": lambda h: not h.read,
    "read": lambda h: h.read,
    "saved": lambda h: h.saved,
    "corrected": lambda h: h.corrected,
}
"""How each of `STATES` is told of a headline."""


@dataclass(frozen=True)
class _Word:
    typed: str
    prefix: bool
    """It ends in `*`: the words starting so are found (`whole_words`)."""
    accents: Folding
    """How the text is folded for it (`text_find.folding`): its accents folded when it has
    none, but ä ö ü when it types ae, oe, ue."""
    field: str = ""
    """Where it is looked for: "" anywhere (the text, titles, bylines), else one of `FIELDS`'
    parts ("by", "title") only."""

    @property
    def shown(self) -> str:
        """As typed, with its field's prefix (`by:Anna`) and its `*` (`port*`): without it,
        "nothing holds “dont”" read as if the words starting so were not looked for (acc50d)."""
        typed = f"{self.typed}*" if self.prefix else self.typed
        return f"{self.field}:{typed}" if self.field else typed

    @cached_property
    def found(self) -> re.Pattern[str]:
        """The word's pattern, made when first matched (`whole_words`): its edges' classes of
        every script take tens of ms to compile, which a search the index answers at once
        (`indexed_search.holds_nothing`), or one of a list with no rows, never needs."""
        found = pattern(self.typed, open_end=self.prefix, elided=False)
        assert found is not None  # a blank word is no `_Word` (`_word`)
        return whole_words(found, self.typed, self.prefix)

    @cached_property
    def letters(self) -> tuple[tuple[str, ...], bool]:
        """The runs of ASCII letters of the word as its pattern is made of them (`pattern`),
        in lower case when case doesn't count, and whether the first starts it: in a text
        folded for it that is all ASCII, each run of every match stands whole, as typed (the
        marks and zero-width characters the pattern skips between two letters, German's ß
        for "ss", an umlaut for "ae", an Arabic or Hebrew prefix aren't ASCII; a figure's
        gaps are between digits, or a digit and a letter). A word with a small letter has its
        runs in lower case, "Zoe" finding "ZOE" too; one all in capitals, as typed."""
        query = typed(self.typed)
        query = fold(query, accents=folding(query) is not False)
        runs = _LETTER_RUN.findall(query)
        leading = bool(runs) and query.startswith(runs[0])
        # "obrien" finds "O'Brien": a name's first letter a run of its own where the pattern
        # takes an apostrophe after it (`text_find.elided_apostrophe`; split where it doesn't,
        # a run only finds more texts to try).
        runs = [piece for run in runs for piece in _apart(run)]
        if self.caseless:
            runs = [run.lower() for run in runs]
        return tuple(runs), leading

    @cached_property
    def caseless(self) -> bool:
        """A letter of it finds either case: it has a small letter, which finds its capital too
        (`text_find._cased`; all of them in lower case: case ignored). Told once, not at every
        text matched."""
        return any(char.islower() for char in self.typed)

    def search_ascii(self, text: str, lowered: str) -> re.Match[str] | None:
        """The word's first match in `text`, folded for it and all ASCII (`lowered`: it in
        lower case), as `found.search` gives it: None at once when a run of its `letters` is
        missing, else tried only where its first run stands when that starts it. The pattern
        run at every place of the text, its edges' lookbehinds and the marks it may skip
        between each two letters, took 0.12 ms an article for a phrase no article held: most
        of `F "senate treaty harbour"` over 29,000 articles holding each word (acc37a H4)."""
        runs = self.letters[0]
        within = lowered if self.caseless else text
        if any(run not in within for run in runs):
            return None
        # Every match starts where its first run does (its lookbehinds read the text before).
        return first_from(self, text, lowered)


@dataclass(frozen=True)
class _Term:
    """A word or phrase of a query as typed, and how it counts."""

    text: str
    either: bool = False
    """`OR` stood before it: the term before it or this one."""
    without: bool = False
    """`-` or `NOT` stood before it: an article holding it is not found."""
    tag: bool = False
    """It names a tag (`tag:NAME`, the name its `text`): a list narrowed to, not a word."""
    field: str = ""
    """The part of a headline only it is looked for in (`FIELDS`: `by:NAME`, `title:WORD`)."""
    state: bool = False
    """It names a state of the article (`is:corrected`, the state its `text`): a narrowing,
    not a word."""
    category: bool = False
    """It names a category its feed files the item under (`category:NAME`, the name its
    `text`): a narrowing, not a word."""
    slip: str = ""
    """Written as an operator but naming none (`is:foo`, `tga:strikes`): what the search says
    instead of searching (`search_slips`); "" for a term that is what it looks like."""

    @property
    def kind(self) -> str:
        """What it is, as `OR` pairs them: a "word" (a phrase, `by:NAME` too), a "tag", a
        "state" or a "category"."""
        return (
            "state"
            if self.state
            else "category"
            if self.category
            else "tag"
            if self.tag
            else "word"
        )

    @property
    def typed(self) -> str:
        """The term as a message shows it: `is:saved`, `tag:ports`, "a phrase"."""
        prefix = {"state": STATE_FIELD, "category": CATEGORY_FIELD, "tag": TAG_FIELD}.get(
            self.kind, next((named for named, field in FIELDS.items() if field == self.field), "")
        )
        return prefix + (f'"{self.text}"' if " " in self.text else self.text)


def _parsed(query: str) -> list[_Term]:
    """A query's words and quoted phrases, in order, each with the operator before it: blank
    ones and repeats dropped, at most `MOST_TERMS` of them, a phrase cut to its first
    `MOST_PHRASE_WORDS` words (a query pasted by mistake, of thousands of words, took minutes
    and hundreds of megabytes), controls removed as the query is shown."""
    query = safe_line(query)
    out: list[_Term] = []
    seen: set[tuple[str, bool, bool, str]] = set()
    either = without = tag = category = False
    field = ""
    for match in _TERM.finditer(query):
        quoted = match.group(1) is not None
        term = match.group(1) if quoted else match.group(0)
        if match.group(2):
            term = joined_figure(term)
        if not quoted and term in ("AND", "OR", "NOT"):
            either = either or (term == "OR" and bool(out))
            without = without or term == "NOT"
            continue
        quote_next = query[match.end() : match.end() + 1] in _QUOTES
        if not quoted and term == "-" and quote_next:
            without = True  # -"a phrase"
            continue
        if not quoted and term[:1] == "-" and term[1:2].isalpha():
            without, term = True, term[1:]
        if not quoted and term[: len(STATE_FIELD)].casefold() == STATE_FIELD:
            state = term[len(STATE_FIELD) :].casefold()
            slip = "" if state in STATES else state_slip(term, state, STATES)
            if (state, without, True, "is") not in seen:
                seen.add((state, without, True, "is"))
                out.append(_Term(state, either and not without, without, state=True, slip=slip))
            either = without = tag = False
            field = ""
            continue
        if not quoted and term[: len(CATEGORY_FIELD)].casefold() == CATEGORY_FIELD:
            term, category = term[len(CATEGORY_FIELD) :], True
            if not term and quote_next:
                continue  # category:"long name": the name is the phrase next
        if category:
            name = " ".join(term.split())
            if name and (name, without, False, "category") not in seen:
                seen.add((name, without, False, "category"))
                out.append(_Term(name, either and not without, without, category=True))
            either = without = tag = category = False
            field = ""
            continue
        if not quoted and (slip := operator_slip(term)):
            out.append(_Term(term, slip=slip))
            either = without = tag = False
            field = ""
            continue
        if not quoted and term[: len(TAG_FIELD)].casefold() == TAG_FIELD:
            term, tag = term[len(TAG_FIELD) :], True
            if not term and quote_next:
                continue  # tag:"long read": the name is the phrase next
        if not quoted and (named := _field(term)):
            term, field = term[len(named) :], FIELDS[named]
            if not term and quote_next:
                continue  # by:"Anna Müller": the name is the phrase next
        words = term.split()
        if not words or (tag and not term.strip(",")):
            tag, field = False, ""
            continue
        text = " ".join(words[:MOST_PHRASE_WORDS])
        if (text, without, tag, field) not in seen:
            seen.add((text, without, tag, field))
            out.append(_Term(text, either and not without, without, tag, "" if tag else field))
            if len(out) == MOST_TERMS:
                break
        either = without = tag = False
        field = ""
    return out


def _field(term: str) -> str:
    """The prefix of `FIELDS` `term` starts with, any case ("" for none)."""
    start = term[: term.find(":") + 1].casefold()
    return start if start in FIELDS else ""


def terms(query: str) -> list[str]:
    """A query's words and quoted phrases, in order, as `_parsed` reads them, operators and
    the words they exclude left out."""
    return list(
        dict.fromkeys(
            term.text
            for term in _parsed(query)
            if not term.without
            and not term.tag
            and not term.state
            and not term.category
            and not term.slip
        )
    )


_HANGUL = "\uac00-\ud7a3"
"""Korean's syllables: a word of them is a noun with its particles written onto its end ("서울시는",
"귀갓길을"), and a Latin word or a figure is written onto them ("KTX를", "2026년")."""
_ONTO = f"{UNSPACED}{_HANGUL}"
"""The scripts a word of another (Latin letters, figures) is written onto with no space: "JR" is
a word in "ＪＲ北海道", "2026" in "2026年" (acc31b M7)."""


def _edge(char: str) -> str:
    """The pattern of a character that continues the word ending (or starting) with `char`: a
    letter or digit, but for one of the scripts `_ONTO` when `char` is of none of them."""
    if re.match(f"[{_ONTO}]", char):
        return r"\w"
    return rf"[^\W{_ONTO}]"


def whole_words(found: re.Pattern[str], word: str, prefix: bool = False) -> re.Pattern[str]:
    """`found` (the pattern of `word`) matching only at a word's edges, as a search engine
    matches: "port" finds "port" and "port's", not "report" or "important"; a `prefix` at its
    start only ("port*": "ports", "Portugal"). A word in a script without spaces, anywhere;
    one of Arabic or Hebrew with the prefixes those write onto a word (`word_prefixes`)."""
    if unspaced().search(word):
        return found
    # A figure is one word with its decimal point or thousands' comma: "9m" is not in
    # "€0.9m", nor "500" in "1,500" (a reported amount checked against the archive). Its unit
    # written onto it is not: "4.2" finds "£4.2bn", "12" "12m", "40" "40km" (acc34b D7).
    # A mark is part of the word before it ("بالتَّجريف", a decomposed "répart"), though no
    # \w: "جريف" and "part" are not found there.
    start = rf"(?<!{_edge(word[:1])})(?<![{MARKS}])"
    start += r"(?<!\d[.,])" if word[:1].isdigit() else ""
    end = rf"(?!{_edge(word[-1:])})"
    end = r"(?![.,]?\d)" if word[-1:].isdigit() else end
    # Korean writes a noun's particles onto its end: the noun typed bare finds "서울시는"
    # (acc31b M2), as Korean search engines find it.
    end = "" if prefix or re.match(f"[{_HANGUL}]", word[-1:]) else end
    # Arabic's article and Hebrew's one-letter words are written onto the word: "تجريف"
    # finds "التجريف", "נמל" "הנמל".
    as_typed = typed(word)
    skip = skippable(as_typed)
    body = rf"{attached_prefix(as_typed, skip)}(?:{found.pattern})"
    # A word typed with its article finds it where a preposition swallowed it: "الشباب"
    # "للشباب", "הנמל" "לנמל" (acc38a J10), as `/` finds it.
    if (swallowed := elided_source(as_typed, skip, prefix)) is not None:
        body = rf"(?:{body}|{swallowed})"
    return re.compile(rf"{start}{body}{end}", found.flags)


def _word(term: str, field: str = "") -> _Word | None:
    word, prefix = _bare(term)
    if blank(word):
        return None
    return _Word(word, prefix, folding(word), field)


def _bare(term: str) -> tuple[str, bool]:
    """A term's word, and whether it is a prefix (ends in `*`)."""
    prefix = len(term) > 1 and term.endswith("*")
    return (term.rstrip("*") if prefix else term), prefix


class Query:
    """A query's words and phrases, each a pattern of its own (blank ones dropped): whole
    words, or the words starting so for one ending in `*` (`whole_words`).

    `words` are those an article is found by, in `groups`: every group must have one of its
    words held (a group of several: words typed with `OR` between them); `excluded`, those
    it must hold none of. `tags`, the tags it narrows to (`tag:NAME`): a headline must be in
    the list of one tag of each group (`tagged_so`), and of none of `excluded_tags`."""

    def __init__(self, query: str) -> None:
        self.text = query
        words: list[_Word] = []
        groups: list[list[int]] = []
        excluded: list[_Word] = []
        tags: list[tuple[str, ...]] = []
        excluded_tags: list[str] = []
        states: list[list[str]] = []
        excluded_states: list[str] = []
        categories: list[list[str]] = []
        excluded_categories: list[str] = []
        after_tag = False
        before: _Term | None = None
        self.slip = ""
        """What the query writes as an operator that names none (`is:foo`), or an `OR` it
        can't read (`is:saved OR ferry`), said in one line instead of a search ("" for none:
        `search_slips`)."""
        for term in _parsed(query):
            if term.slip:
                self.slip = self.slip or term.slip
                continue
            if term.either and before is not None and before.kind != term.kind:
                # Read as AND, `is:unread OR is:saved` exported 5 of 40 articles (acc50e A7).
                self.slip = self.slip or either_slip(
                    before.typed, term.typed, before.kind, term.kind
                )
                continue
            joins = term.either and before is not None and not before.without
            before = term
            if term.state or term.category:
                left_out = excluded_states if term.state else excluded_categories
                of_kind = states if term.state else categories
                if term.without:
                    left_out.append(term.text)
                elif joins and of_kind:
                    of_kind[-1].append(term.text)
                else:
                    of_kind.append([term.text])
                continue
            if term.tag:
                names = tuple(tag for name in term.text.split(",") if (tag := typed_tag(name)))
                if not names:  # `tag:#`: the mark alone names no tag
                    continue
                if term.without:
                    excluded_tags += names
                elif term.either and after_tag:  # tag:a OR tag:b
                    tags[-1] += names
                else:
                    tags.append(names)
                after_tag = True
                continue
            after_tag = False
            word = _word(term.text, term.field)
            if word is None:
                continue
            if term.without:
                excluded.append(word)
                continue
            if not term.either or not groups:
                groups.append([])
            groups[-1].append(len(words))
            words.append(word)
        self.words: tuple[_Word, ...] = tuple(words)
        self.groups: tuple[tuple[int, ...], ...] = tuple(tuple(g) for g in groups)
        self.excluded: tuple[_Word, ...] = tuple(excluded)
        self.tags: tuple[tuple[str, ...], ...] = tuple(tags)
        self.excluded_tags: tuple[str, ...] = tuple(excluded_tags)
        self.states: tuple[tuple[str, ...], ...] = tuple(map(tuple, states))
        """The states a hit must be in (`is:corrected`), one of each group (`is:unread OR
        is:saved`), and `excluded_states` none of."""
        self.excluded_states: tuple[str, ...] = tuple(excluded_states)
        self.categories: tuple[tuple[str, ...], ...] = tuple(map(tuple, categories))
        """The categories a hit's feed must file it under (`category:NAME`), one of each
        group (`category:a OR category:b`), and `excluded_categories` none of."""
        self.excluded_categories: tuple[str, ...] = tuple(excluded_categories)
        self._categories = [frozenset(map(_category_key, group)) for group in categories]
        self._excluded_categories = frozenset(map(_category_key, excluded_categories))
        self._tag_sets = [frozenset(map(typed_key, group)) for group in tags]
        self._excluded_tag_set = frozenset(map(typed_key, excluded_tags))

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def finds(self) -> bool:
        """It finds something: a word to look for, or a tag's list (`tag:NAME` alone lists
        its articles)."""
        return bool(self.words or self.tags or self.states or self.categories)

    @property
    def narrowed(self) -> bool:
        """It names a tag (`tag:NAME`, `-tag:NAME`), a state or a category: only some lists,
        or some of their headlines, are searched."""
        return bool(
            self.tags
            or self.excluded_tags
            or self.states
            or self.excluded_states
            or self.categories
            or self.excluded_categories
        )

    def is_so(self, headline: Headline) -> bool:
        """Whether `headline` is in every state the query names (`is:corrected`) and in none
        it leaves out (`-is:corrected`), filed by its feed under every category it names
        (`category:databases`) and none it leaves out."""
        if self._categories or self._excluded_categories:
            filed = {_category_key(name) for name in headline.entry.categories}
            if not self._excluded_categories.isdisjoint(filed) or any(
                group.isdisjoint(filed) for group in self._categories
            ):
                return False
        return all(
            any(_STATE_OF[state](headline) for state in group) for group in self.states
        ) and not any(_STATE_OF[state](headline) for state in self.excluded_states)

    def tagged_so(self, tags: Iterable[str]) -> bool:
        """Whether a headline filed under `tags` (its article's and its feed's) is in a list
        of one tag of each of the query's groups, and in none of those it excludes."""
        names = [folded(tag) for tag in tags]
        held = {(name, False) for name in names} | {(fold(name), True) for name in names}
        return held.isdisjoint(self._excluded_tag_set) and all(
            not held.isdisjoint(group) for group in self._tag_sets
        )

    def per_group(self, per_word: list[KeySet | None]) -> list[KeySet | None]:
        """Given per word the keys of the articles that may hold it (None: any may), those
        per group that may hold one of its words."""
        out: list[KeySet | None] = []
        for group in self.groups:
            if len(group) == 1:  # its word's own set, not a copy of it (20,000 keys: 1 MB)
                out.append(per_word[group[0]])
                continue
            keys: KeySet | None = set()
            for n in group:
                found = per_word[n]
                keys = None if keys is None or found is None else keys | found
            out.append(keys)
        return out

    def described(self) -> str:
        """What was looked for, as a message names it: “word”, "every one of: a b", "a or b",
        "a and none of: b"; ", tagged #a" after it for a `tag:a` ("anything tagged #a" for a
        tag alone)."""
        return self._words_described() + self._tags_described()

    def _words_described(self) -> str:
        groups = [[_shown(self.words[n].shown) for n in group] for group in self.groups]
        if not groups:
            return "anything" if self.tags or self.states or self.categories else ""
        if not self.excluded and all(len(group) == 1 for group in groups):
            if len(groups) == 1:
                return f"“{safe_line(self.words[0].shown, 80)}”"
            return "every one of: " + " ".join(group[0] for group in groups)
        parts = [
            " or ".join(group) if len(group) == 1 or len(groups) == 1 else f"({' or '.join(group)})"
            for group in groups
        ]
        text = " and ".join(parts)
        if self.excluded:
            text += " and none of: " + " ".join(_shown(word.shown) for word in self.excluded)
        return text

    def _tags_described(self) -> str:
        parts = []
        if self.tags:
            parts.append(
                "tagged "
                + " and ".join(
                    " or ".join(hashed_tags((tag,)) for tag in group) for group in self.tags
                )
            )
        if self.excluded_tags:
            parts.append(
                "not tagged " + " or ".join(hashed_tags((tag,)) for tag in self.excluded_tags)
            )
        parts += [" or ".join(group) for group in self.states]
        parts += [f"not {state}" for state in self.excluded_states]
        parts += [
            "in category " + " or ".join(_shown(name) for name in group)
            for group in self.categories
        ]
        parts += [f"not in category {_shown(name)}" for name in self.excluded_categories]
        if not parts:
            return ""
        return (", " if self.words else " ") + ", ".join(parts)

    def loosened(self) -> Query | None:
        """The same query with case and marks ignored (its words in lower case, without their
        accents and vowel points, the operators kept), None when it is already (no capital nor
        mark in a word)."""
        parts = _OPERATOR_OR_OTHER.split(self.text)
        # Turkish's capital İ is i in lower case, not Python's "i" + a combining dot (which
        # found nothing, so `İSTANBUL` had no hint where `ISTANBUL` had one: acc38a J4).
        loose = "".join(p if p in _OPERATORS else unmarked(_lowered(p)) for p in parts)
        if loose == self.text:
            return None
        loosened = Query(loose)
        # A tag's capital ("tag:Strikes") makes no case count: tags are compared caseless.
        same = [w.shown for w in loosened.words] == [w.shown for w in self.words]
        return None if same else loosened

    def case_note(self, found: int) -> str:
        """What an empty search says of case and marks when the same query with them ignored
        (`loosened`) finds `found` headlines (acc30a J12: "OKONKWO" copied from wire copy found
        nothing; acc38a J5: nor did a pointed Hebrew word, "נָמֵל")."""
        loosened = self.loosened()
        if loosened is None or not found:
            return ""
        capital, marked = self._typed_so()
        if capital and marked:
            counts = "a capital and a mark typed make case and marks count"
        else:
            counts = "a capital makes case count" if capital else "a mark typed makes marks count"
        return f" ({counts}: {safe_line(loosened.text, 80)} finds {found:,})"

    def more_note(self, more: int) -> str:
        """What a search with hits says when the same query with case and marks ignored
        (`loosened`) finds `more` headlines besides: "Zoë Hartley" found "ZOË HARTLEY: …" but
        not "Zoe Hartley resigned" (acc40a M4). "" for none."""
        loosened = self.loosened()
        if loosened is None or not more:
            return ""
        capital, marked = self._typed_so()
        ignoring = " and ".join(
            what for what, typed in (("case", capital), ("accents", marked)) if typed
        )
        return f"{more:,} more ignoring {ignoring}: {safe_line(loosened.text, 80)}"

    def _typed_so(self) -> tuple[bool, bool]:
        """Whether a word of it has a capital, and a mark (an accent, a vowel point)."""
        words = [word.typed for word in (*self.words, *self.excluded)]
        capital = any(_lowered(word) != word for word in words)
        # Turkish's İ is a capital, no mark: its lower case has none.
        marked = any(unmarked(_lowered(word)) != _lowered(word) for word in words)
        return capital, marked


def _category_key(name: str) -> str:
    """A category as compared: caseless, a hashtag's "#" and a subreddit's "r/" aside, its
    spaces one: Reddit's feed files a post under "r/localnews", its label, and a reporter
    types the subreddit's name (acc50c C4)."""
    key = " ".join(name.casefold().lstrip("#").split())
    return key.removeprefix("r/") if len(key) > 2 else key


def _apart(run: str) -> tuple[str, ...]:
    """A run of letters, its first apart from the rest when it may be a name's elided one."""
    return (run[:1], run[1:]) if elided_apostrophe(run) else (run,)


def _lowered(text: str) -> str:
    return text.replace("İ", "i").lower()


_OPERATORS = ("AND", "OR", "NOT")
_OPERATOR_OR_OTHER = re.compile(r"(?<!\S)(AND|OR|NOT)(?!\S)")


def _shown(word: str) -> str:
    text = safe_line(word, 80)
    return f"“{text}”" if " " in text else text
