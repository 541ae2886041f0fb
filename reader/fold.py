"""Text folded for find-in-page: the quotes, dashes and accents a keyboard doesn't type.

Articles are typeset with curly quotes (’ “ ”), dashes (– —) and accented names (café,
Zoë); a query is typed with ' " - and plain letters. As browsers' find does, the search
compares both folded: each of these characters replaced by the one a keyboard gives, and,
unless the query itself has an accent, each accented Latin letter by its plain one,
Russian's ё by е (which is how it is mostly typed and often printed; typed, it is no accent
either and finds both), and Arabic's alef with a
hamza or madda (أ إ آ) by the bare alef (ا), as most people type it. CJK text's full-width
Latin letters and digits (ＡＢＣ１２３) are their ASCII ones and half-width katakana (ﾃﾚﾋﾞ)
the full-width ones (テレビ), whichever of the two the query or the text has, and raised or
lowered figures and letters (CO₂, m², XIXᵉ) their own (CO2, m2, XIXe) (`WIDTH`). What one
keyboard types otherwise than another, whatever the query (`SCRIPTS`): Persian's ی ک as Arabic's
ي ك (and Egyptian spelling's ى and ة as ي and ه), the hamza's seats ؤ ئ as the bare ء, every script's digits as Latin ones (٢٠٢٧,
۱۴۰۵, २०२६: 2027, 1405, 2026), katakana as hiragana (ニュース: にゅーす), the commonest Traditional
Chinese characters as Simplified ones (臺北: 台北, `chinese_variants`); Turkish's ı as i (in the
query too: a key of its own, no accent); and unless the query has it, Hindi's chandrabindu as
the anusvara (ँ: ं), whether the query has a nukta or not (each mark typed or not apart). Arabic's harakat are left out of a query (`narrowed`) as of the index.

Every fold replaces one character by one, so a match in the folded text is at the same
indices in the text shown (its highlight lands on the right cells). Text written decomposed
(NFD: "Việt" as e + two combining marks, as macOS and some Vietnamese sites write it), and
half-width katakana with a separate voiced mark (ﾋﾞ, two characters for ビ) are `composed`
first, with the offsets of each character in the text shown kept beside it; so are the
typesetter's ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ: "certiﬁés", as text pasted from a PDF has it) and
French's œ and æ, each as the letters it joins ("certifiés", "oeuvre"), which is what is typed.

What a keyboard doesn't type at all is skipped rather than folded (`skippable`): zero-width
spaces and joiners inside a word ("Bundes\u200bregierung", Persian's ZWNJ), and, unless the
query has one, the vowel points of Arabic and Hebrew, Hindi's nukta and a decomposed accent,
as a browser's find skips them ("معرض" finds "مَعْرِض", "जिला" "ज़िला").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .ascii_spellings import JOINED, STROKED
from .chinese_variants import simplified
from .mark_runs import MOST_MARKS

_PUNCTUATION = {
    "'": "\u2018\u2019\u201a\u201b\u02bc\u2032",  # ‘ ’ ‚ ‛ ʼ ′
    '"': "\u201c\u201d\u201e\u201f\u2033",  # “ ” „ ‟ ″
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",  # ‐ ‑ ‒ – — ― −
}
PUNCTUATION = str.maketrans({c: plain for plain, cs in _PUNCTUATION.items() for c in cs})
"""Typographic quotes and dashes → the keyboard's."""

# Cyrillic letters typed without their marks: ё as е (not й as и: a letter of its own).
_CYRILLIC = {"ё": "е", "Ё": "Е"}
# Arabic's alef with a hamza or madda (أ إ آ) and alef wasla (ٱ), mostly typed as the bare alef
# (ا), as Arabic search engines fold them (ى and ة are `_ARABIC_SCRIPT`'s, and so are ؤ, ئ).
_ARABIC = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
# Hindi's chandrabindu (ँ) as the anusvara (ं) most writers now put for it ("आएंगी", "आएँगी").
_DEVANAGARI = {"\u0901": "\u0902"}


def _unaccented() -> dict[int, str]:
    """Each Latin letter with marks (é, Å, ŝ, ệ) → the letter without them."""
    folded = STROKED | _CYRILLIC | _ARABIC | _DEVANAGARI
    table: dict[int, str] = {ord(c): plain for c, plain in folded.items()}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = decomposed[0]
        if len(decomposed) > 1 and base.isascii() and base.isalpha():
            table[code] = base
    # Greek's tonos and dialytika ("οδός", "Ελλάδα"): typed or not, the same word.
    for code in (*range(0x380, 0x400), *range(0x1F00, 0x2000)):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = decomposed[0]
        if len(decomposed) > 1 and "\u0391" <= base <= "\u03c9":
            table[code] = base
    return table


ACCENTS = _unaccented()
"""Accented Latin and Greek letters, ё, ı, Arabic's hamza alefs and Hindi's chandrabindu →
plain ones."""

# The letters Arabic, Persian and Urdu write alike with characters of their own, and Egyptian
# spelling's final ى for ي, ه for ة: one word typed on any keyboard, as Arabic and Persian
# search engines fold them (acc31b M3, M21); the hamza on its seats, waw and yeh (ؤ ئ), as the
# bare hamza, which papers and keyboards write one for another ("مسؤول", "مسئول", acc41c C16:
# typed either way, whatever the query, as the alef's hamza is when the query has none); and
# the Arabic decimal and thousands separators.
_ARABIC_SCRIPT = {
    **{"ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ۀ": "ه", "ؤ": "ء", "ئ": "ء"},
    **{"\u066b": ".", "\u066c": ","},
}


def _digits() -> dict[int, str]:
    """Each decimal digit of another script (٢٠٢٧, ۱۴۰۵, २०२६, ๒๕๖๙) → its Latin one: a year
    or a figure typed on any keyboard (acc31b M21). Full-width ones are `_narrowed`'s."""
    table: dict[int, str] = {}
    for code in range(0x660, 0x1C60):  # Arabic-Indic to Ol Chiki: the scripts' own digits
        value = unicodedata.decimal(chr(code), None)
        if value is not None:
            table[code] = str(value)
    return table


def _hiragana() -> dict[int, str]:
    """Each katakana (ニュース) → its hiragana (にゅーす: the same sounds), as Japanese search
    engines fold them: a word written in either is typed in either (acc31b M7)."""
    table = {code: chr(code - 0x60) for code in range(0x30A1, 0x30F7)}  # ァ…ヶ → ぁ…ゖ
    table |= {0x30FD: "\u309d", 0x30FE: "\u309e"}  # ヽ ヾ: the iteration marks
    return table


SCRIPTS = {
    **{ord(c): to for c, to in _ARABIC_SCRIPT.items()},
    **_digits(),
    **_hiragana(),
    **simplified(),
}
"""Letters and digits of one value written apart by scripts or keyboards → one of them: folded
whatever the query (none is an accent)."""


def _narrowed() -> dict[int, str]:
    """Each full-width or half-width form (ＡＢＣ１２３, ｶﾀｶﾅ, the ideographic space) → the
    one character it stands for (ABC123, カタカナ, a space), as NFKC gives it. A half-width
    voiced mark ﾞ becomes the combining one (U+3099), which `composed` joins to its kana."""
    table: dict[int, str] = {}
    for code in (0x3000, *range(0xFF01, 0xFFEF)):
        # The form's own mapping, one character, not NFKC's whole way (￣ is ¯, not " ̄").
        kind, *mapped = unicodedata.decomposition(chr(code)).split(" ")
        if kind in ("<wide>", "<narrow>") and len(mapped) == 1:
            table[code] = chr(int(mapped[0], 16))
    return table


def _raised() -> dict[int, str]:
    """Each raised or lowered figure or letter (² ₂ ⁿ ᵉ º) → the one it is (2 2 n e o), as
    NFKC gives it: the extractor writes a page's `<sup>2</sup>` as "²" and `<sub>2</sub>` as
    "₂", and "CO2", "m2", "XIXe" are what is typed (acc30a J13)."""
    table: dict[int, str] = {}
    for code in (0xAA, 0xB2, 0xB3, 0xB9, 0xBA, *range(0x2B0, 0x2B9), *range(0x1D2C, 0x1DC0)):
        table |= _one_raised(code)
    for code in range(0x2070, 0x20A0):
        table |= _one_raised(code)
    return table


def _one_raised(code: int) -> dict[int, str]:
    kind, *mapped = unicodedata.decomposition(chr(code)).split(" ")
    if kind not in ("<super>", "<sub>") or len(mapped) != 1:
        return {}
    plain = chr(int(mapped[0], 16))
    return {code: plain} if plain.isascii() and plain.isalnum() else {}


WIDTH = str.maketrans(_narrowed() | _raised())
"""Full-width and half-width forms → the usual width, raised and lowered figures and letters →
the line's: not an accent, folded whatever the query (as browsers' find folds widths)."""
_HALF_WIDTH_MARKS = "\uff9e\uff9f"
"""Half-width katakana's voiced and semi-voiced marks, each a character after its kana."""
TYPESET = str.maketrans(
    {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
)
"""The typesetter's ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) → the letters they join: a way of printing,
not of spelling, shown as the letters in a snippet (French's œ is spelling, and stays)."""
LIGATURES = str.maketrans({code: letters for code, letters in TYPESET.items()} | JOINED)
"""The Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) → the letters they join (ff fi fl ffi ffl st st),
as NFKC gives them, and French's œ and æ (and Danish's æ) as the two letters typed for them
("oeuvre", acc31b M8; Œ as "Oe", the capital of a word): one character for two or three, so
`composed` makes them."""
_LIGATURE = re.compile("[\ufb00-\ufb06œŒæÆ]")
_LETTERS = {chr(code): letters for code, letters in LIGATURES.items()}
_HALF_WIDTH_MARK = re.compile(f"[{_HALF_WIDTH_MARKS}]")
_UNCOMPOSED = re.compile(f"[{_HALF_WIDTH_MARKS}\ufb00-\ufb06œŒæÆ]")


# A half-width ｶ is カ, then か: the widths' forms folded on as the scripts' letters.
_WIDE = {code: SCRIPTS.get(ord(to), to) if len(to) == 1 else to for code, to in WIDTH.items()}
ALL = str.maketrans({**SCRIPTS, **PUNCTUATION, **ACCENTS, **_WIDE})
"""Quotes, dashes, accents, widths and scripts' letters and digits folded."""
_PLAIN = str.maketrans({**SCRIPTS, **PUNCTUATION, **_WIDE})
UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
"""German's umlauts by the vowel they mark: written "ae", "oe", "ue" wherever they can't be
typed (wires, addresses, English papers: "Mueller" for "Müller"), and so typed."""
_UMLAUTS_KEPT = ALL | {ord(c): c for c in UMLAUTS.values()}
Folding = bool | Literal["umlauts"]
"""How a text is folded for a query (`fold`): its accents folded (True) or kept (False), or
folded but for German's umlauts ("umlauts"), which a query's "ae", "oe", "ue" find."""


ZERO_WIDTH = (
    "\u200b\u200c\u200d\u2060\u034f"
    "\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f\u17b4\u17b5"
    "\U0001d173\U0001d174\U0001d175\U0001d176\U0001d177\U0001d178\U0001d179\U0001d17a"
)
"""Zero-width space, non-joiner, joiner, word joiner, grapheme joiner: nothing a query types.
Nor the other characters that draw nothing and mean nothing in a news text, which a hostile
page puts inside a name to hide it from a search ("Sm\u2062ith", acc37b I4): the invisible
operators of mathematics (U+2061–2064), the deprecated format characters (U+206A–206F), the
Khmer inherent vowels Unicode says not to use (U+17B4–17B5) and music's beam and phrase marks
(U+1D173–1D17A). An article cached before `safe` removed them is found all the same."""
ARABIC_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640"
)
"""Arabic's harakat, Quranic marks, and the tatweel that only stretches a word: optional signs
most text leaves out, ignored in a query as in the text (`narrowed`)."""
NUKTA = "\u093c"
"""Hindi's nukta, left out by most typists: "जिला" for "ज़िला" (acc31b M4)."""
MARKS = (
    "\u0300-\u036f"  # combining accents (a decomposed é, ệ, ό)
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew points and cantillation
    f"{ARABIC_MARKS}"
    f"{NUKTA}"
)
"""Marks a query without them need not match: accents and vowel points, not the vowel signs
of Indic scripts (letters there: "कल" is not "कुल")."""
_MARK = re.compile(f"[{MARKS}]")
_POINT = re.compile(f"[{MARKS.replace(NUKTA, '')}]")


_NO_ACCENT = "ıёЁ"
"""Turkish's dotless ı is a key of its own on a Turkish keyboard, no accent: typed, it finds its
word however the rest of it is typed ("ıgdır" finds "Iğdır", acc32a A22). So is Russian's ё,
which most Russian papers print as е: typed, it finds both ("Горбачёв" finds "Горбачев",
acc41c C15), as е typed does."""


def has_accent(query: str) -> bool:
    """The query holds an accented letter or a vowel point: then they are matched as typed (as
    a capital makes the case count). Hindi's nukta is not one here: typed, it counts
    (`skippable`), but the chandrabindu is still folded for it, as each of the two marks is
    typed or not apart ("गाड़ियां" finds "गाड़ियाँ", acc38a J13)."""
    return any(ord(c) in ACCENTS and c not in _NO_ACCENT for c in query) or (
        _POINT.search(query) is not None
    )


def skippable(query: str) -> str:
    """The pattern of what may stand between two letters of `query` in the text: zero-width
    characters, and the marks unless the query has one (a hamza typed is no vowel point:
    "أبلغ" still finds "أُبلغ"; nor is a chandrabindu a nukta: "गाडियाँ" finds "गाड़ियाँ")."""
    marked = any(
        ord(c) in ACCENTS and c not in _ARABIC and c not in _DEVANAGARI and c not in _NO_ACCENT
        for c in query
    )
    if marked or _MARK.search(query) is not None:
        return f"[{ZERO_WIDTH}]*"
    return f"[{ZERO_WIDTH}{MARKS}]*"


_UNMARKED = {code: plain for code, plain in ACCENTS.items() if chr(code) not in _NO_ACCENT}


def unmarked(query: str) -> str:
    """`query` without its accents and marks (as a query typed without them, which finds them
    too): what an empty search's hint offers (`search_query.Query.loosened`, acc38a J5)."""
    return _MARK.sub("", query.translate(_UNMARKED))


def composed(text: str) -> tuple[str, list[int], list[int]] | None:
    """`text` in NFC (a half-width kana and its voiced mark as the one full-width kana, a
    ligature as its letters), and per character of it the offsets in `text` where the cluster
    it came from starts and ends (None when `text` is in NFC already with no voiced mark apart
    nor ligature, as nearly all text is)."""
    if unicodedata.is_normalized("NFC", text):
        if _UNCOMPOSED.search(text) is None:
            return None
        if _HALF_WIDTH_MARK.search(text) is None:
            return _ligatures_apart(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    for end in range(1, len(text) + 1):
        # A cluster ends before the next character that starts one: a mark (or a Hangul vowel
        # or final jamo) composes with what precedes it.
        if end < len(text) and (
            unicodedata.combining(text[end])
            or "\u1160" <= text[end] <= "\u11ff"
            or text[end] in _HALF_WIDTH_MARKS
        ):
            continue
        # Composing sorts a cluster's marks in time growing as their square: a letter with
        # 60,000 (cached before pages' were cut, `mark_runs`) took 6 s a search. Past the
        # 30 any writing needs, the rest is left out of the text compared, its characters
        # still the cluster's, so a match there lights the whole of it.
        whole = text[start : min(end, start + MOST_MARKS + 1)]
        cluster = unicodedata.normalize("NFC", whole.translate(WIDTH))
        cluster = cluster.translate(LIGATURES)
        out.append(cluster)
        starts += [start] * len(cluster)
        ends += [end] * len(cluster)
        start = end
    return "".join(out), starts, ends


def _ligatures_apart(text: str) -> tuple[str, list[int], list[int]]:
    """`composed` for a text in NFC whose only characters to make are ligatures (a French
    article's "œuvre", "cœur"): each other character its own, a ligature's letters its. In
    runs, not a character at a time: 60,000 characters took 110 ms so, a tenth of it this way."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for match in _LIGATURE.finditer(text):
        where = match.start()
        letters = _LETTERS[match.group()]
        parts += (text[at:where], letters)
        starts += range(at, where)
        ends += range(at + 1, where + 1)
        starts += [where] * len(letters)
        ends += [where + 1] * len(letters)
        at = where + 1
    parts.append(text[at:])
    starts += range(at, len(text))
    ends += range(at + 1, len(text) + 1)
    return "".join(parts), starts, ends


def fold(text: str, accents: Folding = True) -> str:
    """`text` with quotes, dashes and widths folded, and accents unless `accents` is False
    (all but ä ö ü with "umlauts"); as long as `text`, each character where it was."""
    if text.isascii():  # nothing to fold (a tenth of the time a translation takes)
        return text
    table = _UMLAUTS_KEPT if accents == "umlauts" else ALL if accents else _PLAIN
    # A news text is ASCII but for a few characters met again and again (curly quotes, a
    # dash, a name's accents): each replaced throughout, a tenth of the time a translation
    # takes, character by character (a search of 29,000 articles spent 7 s so, acc37a H4).
    present = set(_NOT_ASCII.findall(text))
    pairs = _PAIRS[id(table)]
    if len(present) > _FEW or not present.isdisjoint(pairs.chained):
        return text.translate(table)
    for char in present:
        if (to := pairs.to.get(char)) is not None:
            text = text.replace(char, to)
    return text


def kept_folded(text: str) -> str:
    """`text` composed (`composed`) and folded as for a query with no accent, but for German's
    ä ö ü (`fold(…, "umlauts")`): the one form the search index keeps of an article's text
    (`search_bodies`), from which `as_folded` gives it as `fold` folds it for any query typing
    no accent."""
    whole = composed(text)
    return fold(text if whole is None else whole[0], "umlauts")


def as_folded(kept: str, accents: Folding) -> str:
    """A text as `kept_folded` keeps it, as the text composed is folded for a query
    (`accents`: True or "umlauts"; a query typing an accent, False, compares the text as
    written, which the kept one is not): the same, as the tables fold every other character
    alike and none into an umlaut (tests/test_search_bodies.py checks both)."""
    assert accents is not False, "a kept text has no accents to compare"
    if accents == "umlauts" or kept.isascii():
        return kept
    for umlaut, plain in _UMLAUTS_FOLDED.items():
        if umlaut in kept:
            kept = kept.replace(umlaut, plain)
    return kept


_UMLAUTS_FOLDED = {umlaut: str(ALL[ord(umlaut)]) for umlaut in UMLAUTS.values()}


class _Pairs:
    """A fold's table as characters: what each becomes (itself left out), and those that
    become a character the table folds again, which replacing one after another would fold
    twice where a translation folds once."""

    def __init__(self, table: dict[int, str | int | None]) -> None:
        to = {
            chr(code): into if isinstance(into, str) else chr(into)
            for code, into in table.items()
            if into is not None
        }
        self.to = {char: into for char, into in to.items() if into != char}
        self.chained = frozenset(
            char for char, into in self.to.items() if any(c in self.to for c in into)
        )
        if len(to) != len(table):  # a character dropped: not as long as the text
            self.chained = frozenset(chr(code) for code in table)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_FEW = 40
"""The most distinct characters to fold one after another; a text of more (Chinese, Russian)
is translated, each character in turn."""
_PAIRS = {id(table): _Pairs(table) for table in (ALL, _PLAIN, _UMLAUTS_KEPT)}


_ARABIC_MARK = re.compile(f"[{ARABIC_MARKS}]")


def narrowed(query: str) -> str:
    """A query in the usual width, composed as `composed` composes text: "ﾃﾚﾋﾞ" as "テレビ",
    "ﬁ" as "fi"; without Arabic's harakat, which the text may have or not, as the index has
    none ("القَاهِرَة" finds "القاهرة", acc32a A22)."""
    query = unicodedata.normalize("NFC", query.translate(WIDTH)).translate(LIGATURES)
    return _ARABIC_MARK.sub("", query) if _ARABIC_MARK.search(query) else query
