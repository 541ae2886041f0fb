"""A query as find-in-page matches it: literal text, smartcase (a capital typed finds only a
capital, a small letter either case: `_cased`), quotes, dashes, widths and accents folded (`fold`). The one rule for the reading view's `/`, the headline list's `/` and the
search of every cached article's text (`full_text`); no `textual` here, so the CLI uses it too.
"""

from __future__ import annotations

import re
from functools import cache

from .fold import UMLAUTS, ZERO_WIDTH, Folding, fold, has_accent, narrowed, skippable
from .word_prefixes import elided_article, elided_before


def blank(query: str) -> bool:
    """`query` finds nothing: what it has to compare is blank (`pattern` is None)."""
    return not typed(query).strip()


def pattern(query: str, open_end: bool = False, elided: bool = True) -> re.Pattern[str] | None:
    """The regular expression finding `query` literally in text folded as `folded_texts` folds
    it for the query (None for a blank query); a figure at its start or end not as a piece of a
    longer figure written in groups (`figure_edges`), at its start only when `open_end` (a
    search's `500*`, the words starting so). With `elided`, also where a preposition swallowed
    the Arabic or Hebrew article it starts with (`elided_source`): the headline list's `/` as
    `F` (whose whole words take it apart, `search_query.whole_words`)."""
    if blank(query):
        return None
    query = typed(query)
    # Between two letters (and after the last, so a match is lit with its marks) the text may
    # hold what the query doesn't type.
    skip = skippable(query)
    # Between two words a space, a line break or a hyphen (any dash, folded to one) finds any
    # run of what is no letter or digit: "gold plated" finds "gold-plated" and the other way
    # round, "truth she said" finds "truth,” she said", as a search engine finds them;
    # remembered, a quotation's punctuation and a phrase's hyphenation are not (acc27a A4, A29).
    # A query without accents has its ı as i too, as the text is folded for it (`has_accent`).
    folds = folding(query)
    parts = re.split(r"(\s+|(?<=\w)-(?=\w))", fold(query, accents=folds is not False))
    # The separators are the odd parts (a lone "-" typed between spaces is a word to find).
    umlauts = folds == "umlauts"
    smart = any(c.isupper() for c in query)
    source = "".join(
        (_between(parts[n - 1], parts[n + 1]) if n % 2 else _word(part, skip, umlauts, smart))
        for n, part in enumerate(parts)
        if part
    )
    if elided and (swallowed := elided_source(query, skip, open_end)) is not None:
        source = f"(?:{source}|{swallowed})"
    start, end = figure_edges(query)
    return re.compile(start + source + ("" if open_end else end), 0 if smart else re.IGNORECASE)


def elided_source(query: str, skip: str, open_end: bool = False) -> str | None:
    """The pattern of `query` (as typed, `skip` after each letter) where a preposition
    swallowed the article it starts with, the preposition with it: "الشباب" in "للشباب", "הנמל"
    in "לנמל" (`word_prefixes`, acc38a J10); None when it starts with no such article, or the
    text is folded otherwise for the rest of it (it is folded for the query)."""
    rest = elided_article(query)
    if rest is None or folding(rest) != folding(query):
        return None
    found = pattern(rest, open_end=open_end, elided=False)
    return None if found is None else f"{elided_before(query, skip)}(?:{found.pattern})"


_UMLAUT_TYPED = re.compile("[aou]e", re.IGNORECASE)


def folding(query: str) -> Folding:
    """How the text is folded for `query` (`fold`, the text `pattern(query)` is matched in): its
    accents as typed when it has one (`has_accent`), else folded; but German's ä ö ü when it
    types "ae", "oe" or "ue", which find them ("mueller" finds "Müller" and "Mueller", not
    "Muller": `_word`)."""
    query = typed(query)
    if has_accent(query):
        return False
    return "umlauts" if _UMLAUT_TYPED.search(query) else True


UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
)
"""Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, Japanese's kana,
Chinese characters), as a character class's ranges."""


@cache
def unspaced() -> re.Pattern[str]:
    """A character of `UNSPACED`. Compiled at the first search, not at every start."""
    return re.compile(f"[{UNSPACED}]")


def _between(before: str, after: str) -> str:
    """What the space (or hyphen) typed between the words `before` and `after` matches:
    `_BETWEEN`, or nothing at all between two words of a script written without spaces ("北陸
    新幹線" finds "北陸新幹線": readers of search engines put one there, acc31b M22)."""
    if unspaced().match(before[-1:]) and unspaced().match(after[:1]):
        return r"[\W_]*"
    return _BETWEEN


HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Chinese characters and kana, as a character class's ranges: the scripts whose names are
written solid or with a space between family and given name."""
_SOLID = re.compile(f"[{HAN_KANA}](?=[{HAN_KANA}])")
_NAME_GAP = "[ \u3000]?"
_SIGMAS = "σς"
"""Greek's small sigma, in a word and at its end."""
_SELECTORS = "\ufe0e\ufe0f"
"""The variation selectors for text and for emoji."""
_BETWEEN = r"[\W_]+"
"""What a space, or a hyphen between two words, of a query matches: anything but letters and
digits, one character at least ("goldplated" is another word)."""


def _cased(text: str, smart: bool) -> str:
    """`text` literal as a pattern; with `smart` (the query has a capital), each small letter of
    it finding its capital too: a capital typed counts, a small letter typed doesn't ("Zoë"
    finds "ZOË" as "Zoë", not "zoë"; "EU" only "EU"), as a name is typed with its capital and
    wires write it in capitals in a headline (acc40a M4)."""
    if not smart:
        return re.escape(text)
    out = []
    for char in text:
        if char in _SIGMAS:
            # Greek's final ς and σ are one letter (a case-blind pattern takes them so): a
            # name typed with its capital and "σ" at the end finds "Αθήνας" (acc41c C9).
            out.append("[σςΣ]")
            continue
        upper = char.upper()
        loose = char.islower() and len(upper) == 1 and upper != char
        out.append(f"[{char}{upper}]" if loose else re.escape(char))
    return "".join(out)


_ELIDED_NAME = re.compile(r"[OoDd](?=[^\W\d_]{3})")
"""A word typed so that it may be a name whose apostrophe after its first letter is left out:
O' of Irish names, D' of Italian ones and their like ("obrien" for "O'Brien" and "O’Brien",
"dangelo" for "D'Angelo", "dsouza" for "D'Souza"), as a reporter types a name as it comes
(acc45 C4). Only there, and with three letters after it: "its" still doesn't find "it's", nor
"ill" "I'll"; nor French's article l', a word of its own ("lhotel" is not "l'hôtel")."""


def elided_apostrophe(word: str) -> bool:
    """`word` (a query's, folded) finds its first letter and the rest apart by an apostrophe
    too (`_ELIDED_NAME`): the one rule of `pattern`, the index's lookup
    (`search_index.trigrams`) and the fast path's runs (`search_query._Word.letters`)."""
    return _ELIDED_NAME.match(word) is not None


def _word(word: str, skip: str, umlauts: bool = False, smart: bool = False) -> str:
    """The pattern of one word of a query: each character literal (`_cased`), `skip` after it; and
    German's ß and ss each finding the other ("strasse" finds "Straße", and "Straße" the Swiss
    "Strasse"), as a browser's find does. Capital ẞ and SS likewise; with smartcase's exact
    case, each finds its own case only. An ä ö ü typed finds ae oe ue too. With `umlauts`
    (the text folded but for ä ö ü,
    `folding`), "ae", "oe", "ue" find those too ("zuerich" finds "Zürich"); a lone a, o, u
    only itself, as a query typed so types ü as "ue" (and the index holds the word so spelt,
    `search_index.indexed_form`, not with some of its ü as u and others as ue)."""
    out: list[str] = []
    gaps = figure_gaps(word)
    at = 0
    while at < len(word):
        if at in gaps:
            out.append(gaps[at])
        if at == 1 and elided_apostrophe(word):
            # The quote is one as the text is folded (`fold.PUNCTUATION`: ’ ʼ as ').
            out.append(f"'?{skip}")
        pair = word[at : at + 2]
        if umlauts and pair[0] in UMLAUTS and pair[1:].lower() == "e":
            first, second = _cased(pair[0], smart), _cased(pair[1], smart)
            out.append(f"(?:{first}{skip}{second}|{_cased(UMLAUTS[pair[0]], smart)}){skip}")
            at += 2
            continue
        if word[at] in _SPELT:  # an umlaut typed: as typed, or spelt (the text's accents kept)
            spelt = _SPELT[word[at]]
            out.append(f"(?:{_cased(word[at], smart)}|{_cased(spelt, smart)}){skip}")
            at += 1
            continue
        if pair.lower() == "ss":
            sharp = "ẞ" if pair == "SS" else "ß"
            first, second = _cased(pair[0], smart), _cased(pair[1], smart)
            out.append(f"(?:{first}{skip}{second}|{_cased(sharp, smart)}){skip}")
            at += 2
            continue
        if word[at] in "ßẞ":
            spelt = "SS" if word[at] == "ẞ" else "ss"
            out.append(f"(?:{_cased(word[at], smart)}|{_cased(spelt, smart)}){skip}")
        elif word[at] in _YO:
            # In a query with an accent the text is compared as written: ё typed finds the е
            # most papers print for it all the same (`fold._NO_ACCENT`, acc41c C15).
            plain = _YO[word[at]]
            out.append(f"(?:{_cased(word[at], smart)}|{_cased(plain, smart)}){skip}")
        elif word[at] == _ZWNJ:
            # Persian's half-space, typed between two parts of a word ("نمی‌یابد"), is written
            # as a space or as nothing by many sites ("نمی یابد", acc31b M3).
            out.append(f"[^\\S\n]?{skip}")
        elif word[at] in _SELECTORS:
            # An emoji picker's "❤️" finds the heart however the text has it: the reading view
            # shows the sign for text ("❤︎", `cells.rich_agreeing`), a page may have neither.
            out.append(f"[{_SELECTORS}]?{skip}")
        else:
            out.append(_cased(word[at], smart) + skip)
        if _SOLID.match(word, at):
            # A CJK name typed solid finds it written with a space between family and given
            # name ("山田太郎": "山田　太郎", "山田 太郎", acc41c C14); the ideographic space is
            # one as the text is folded (`fold.WIDTH`).
            out.append(_NAME_GAP)
        at += 1
    return "".join(out)


_GROUP_MARK = "[,.\u00a0\u2009\u202f ]"
"""What stands between a long figure's groups of three: "3,500", "3.500" (German's), "3 500" and
"3\u202f500" (French's thin space) as wires write them."""
_THOUSANDS = f"{_GROUP_MARK}?"
"""What a figure typed without its thousands' separators finds between its groups: "3500" finds
"3,500", "3.500", "3 500"."""
# A group of one to three digits, the first of a figure written in groups or one after a mark:
# "12 " of "12 500", "234 " of "1 234 500"; not "2019 " of "in 2019 500 people" (no group).
_GROUP_BEFORE = "|".join(f"(?<=(?<!\\d)\\d{{{n}}}{_GROUP_MARK})" for n in (1, 2, 3))
_GROUP_ENDING = "|".join(f"(?<=(?<!\\d)\\d{{{n}}})" for n in (1, 2, 3))
_NOT_A_LATER_GROUP = f"(?!(?:{_GROUP_BEFORE})\\d{{3}}(?!\\d))"
_NOT_BEFORE_A_GROUP = f"(?!(?:{_GROUP_ENDING}){_GROUP_MARK}\\d{{3}}(?!\\d))"


def figure_edges(query: str) -> tuple[str, str]:
    """What must hold before and after a match of `query` (patterns matching no text) when it
    starts or ends with a figure: that figure is no piece of a longer one written in groups of
    three. "500" is not found in "12 500", "12,500", "12.500" nor in "500 000", "500,000", as a
    reporter checking an amount means no such figure (acc36 S1); "500" in "500", "500.5" or
    "in 2019 500 people" is. Typed with its groups ("12 500"), the figure is found whole. French's
    "12 500" and a list's "12 500" can't be told apart: taken for the figure, as papers write it."""
    query = query.strip()
    start = _NOT_A_LATER_GROUP if query[:1].isdigit() else ""
    end = _NOT_BEFORE_A_GROUP if query[-1:].isdigit() else ""
    return start, end


_UNIT_GAP = "[ \u00a0\u2009\u202f]?°?"
"""What a unit typed onto its figure finds between them: "12.5m" finds "12.5 m", "38C" "38°C"
and "38 °C" (acc35b F6); typed with the space, only so."""
_FIGURE = re.compile(r"(?<![\d.,])\d{4,}")
"""The whole-number part of a figure long enough to have thousands (not digits after a point)."""


def figure_gaps(word: str) -> dict[int, str]:
    """By place in `word`, what the text may hold before that character that the query doesn't
    type: a thousands' separator between a long figure's groups, counted from its right, and a
    space or a degree sign between a figure and the unit typed onto it."""
    gaps: dict[int, str] = {}
    for run in _FIGURE.finditer(word):
        for at in range(run.end() - 3, run.start(), -3):
            gaps[at] = _THOUSANDS
    for at in range(1, len(word)):
        if word[at - 1].isdigit() and word[at].isalpha():
            gaps[at] = _UNIT_GAP
    return gaps


_SPELT = {umlaut: f"{vowel}{'E' if vowel.isupper() else 'e'}" for vowel, umlaut in UMLAUTS.items()}
"""An umlaut typed → how it is spelt where it can't be written: "Müller" finds "Mueller" (as
"Straße" finds "Strasse"), "MÜLLER" "MUELLER"."""
_YO = {"ё": "е", "Ё": "Е"}
"""Russian's ё → the е printed for it."""
_ZWNJ = "\u200c"
_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)
_HALF_SPACE = re.compile(rf"(?<=[^\W\d_]){_ZWNJ}(?=[^\W\d_])")


def typed(query: str) -> str:
    """The query as it is compared: composed and in the usual width as the text is
    (`composed`), without the zero-width characters a paste may bring along (the text may or
    may not have them), but for a non-joiner between two letters: Persian's half-space; each
    figure typed in groups of three as one (`figures_joined`)."""
    query = figures_joined(narrowed(query))
    if _ZWNJ not in query:
        return query.translate(_ZERO_WIDTH)
    return _ZWNJ.join(part.translate(_ZERO_WIDTH) for part in _HALF_SPACE.split(query))


GROUPED_FIGURE = "(?<!\\S)(\\d{1,3}(?:[ \u00a0\u2009\u202f]\\d{3})+|\\d{1,3}(?:,\\d{3})+)(?!\\S)"
"""A figure typed in groups of three as French papers write it ("12 500") or English ones
("12,500", pasted from a wire, acc50d D5), a word of its own (its one group the pattern's
first): one figure, as its groups alone are no figure of it (`figure_edges`). Not with points
between them: "12.500" may be a decimal."""
_GROUPED = re.compile(GROUPED_FIGURE)


def joined_figure(figure: str) -> str:
    """A `GROUPED_FIGURE` as one word, its groups put together: "12500", which finds "12 500",
    "12,500", "12.500" and "12500" (`figure_gaps`)."""
    return "".join(figure.split()).replace(",", "")


def figures_joined(query: str) -> str:
    """`query` with each figure typed in groups of three put together (`joined_figure`): the
    one rule of a search's words and phrases, of its index's lookup and of `/` (an article's
    `/` found "12,500" as typed only, where the search found it however written, acc50d)."""
    if not _GROUPED.search(query):
        return query
    return _GROUPED.sub(lambda match: joined_figure(match.group()), query)
