"""How likely a decoding of a page's stray bytes is as text of one Latin-script language: what
tells windows-1250 paragraphs (Polish, Czech, Slovak, Hungarian, Croatian) pasted into a UTF-8
page from a Western page's stray "é" in windows-1252 (`mixed_charset`). Each charset reads the
other's bytes without an error, and most of them alike ("é", "ö", "š"); the rest give it away:
"Poci¹g" and "by³" are symbols inside words, "crčme brűlée" no one language's letters."""

from __future__ import annotations

import math
import re
from collections import Counter

# Central European single-byte charsets, likeliest first.
CENTRAL_EUROPEAN = ("cp1250", "iso8859-2")


def _logs(percent: dict[str, float]) -> dict[str, float]:
    return {letter: math.log(share / 100) for letter, share in percent.items()}


# Each language's letters outside ASCII, as a percentage of all its letters (published letter
# counts, rounded; the rarest floored at 0.04, as short texts hold them more often than counts
# of whole books).
_WESTERN = [
    _logs(letters)
    for letters in (
        {"à": 0.49, "â": 0.05, "ç": 0.09, "è": 0.27, "é": 1.5, "ê": 0.22, "ë": 0.04, "î": 0.05,
         "ï": 0.04, "ô": 0.04, "ù": 0.06, "û": 0.06, "œ": 0.04, "ÿ": 0.04, "æ": 0.04},  # French
        {"ä": 0.58, "ö": 0.44, "ü": 1.0, "ß": 0.31, "é": 0.04},  # German
        {"á": 0.5, "é": 0.43, "í": 0.73, "ñ": 0.31, "ó": 0.83, "ú": 0.17, "ü": 0.04},  # Spanish
        {"á": 0.12, "à": 0.07, "â": 0.3, "ã": 0.73, "ç": 0.53, "é": 0.34, "ê": 0.45,
         "í": 0.13, "ó": 0.3, "ô": 0.3, "õ": 0.04, "ú": 0.21},  # Portuguese
        {"à": 0.64, "è": 0.26, "é": 0.1, "ì": 0.04, "ò": 0.1, "ó": 0.04, "ù": 0.17},  # Italian
        {"à": 0.5, "ç": 0.2, "è": 0.4, "é": 0.3, "í": 0.3, "ï": 0.05, "ò": 0.2, "ó": 0.3,
         "ú": 0.1, "ü": 0.04},  # Catalan
        {"é": 0.04, "ë": 0.05, "ï": 0.04, "ö": 0.04, "ü": 0.04},  # Dutch
        {"æ": 0.87, "ø": 0.94, "å": 1.19, "é": 0.04},  # Danish, Norwegian
        {"å": 1.34, "ä": 1.8, "ö": 1.31, "é": 0.04},  # Swedish, Finnish
    )
]  # fmt: skip
_CENTRAL = [
    _logs(letters)
    for letters in (
        {"ą": 0.7, "ć": 0.74, "ę": 1.04, "ł": 2.11, "ń": 0.36, "ó": 1.14, "ś": 0.81,
         "ź": 0.08, "ż": 0.71},  # Polish
        {"á": 0.87, "č": 0.46, "ď": 0.04, "é": 0.63, "ě": 1.22, "í": 1.64, "ň": 0.08,
         "ó": 0.04, "ř": 0.38, "š": 0.69, "ť": 0.04, "ú": 0.05, "ů": 0.2, "ý": 1.0,
         "ž": 0.72},  # Czech
        {"á": 2.1, "ä": 0.1, "č": 0.9, "ď": 0.2, "é": 0.7, "í": 1.5, "ĺ": 0.04, "ľ": 0.4,
         "ň": 0.1, "ó": 0.2, "ô": 0.2, "ŕ": 0.04, "š": 0.6, "ť": 0.4, "ú": 0.7, "ý": 1.3,
         "ž": 0.8},  # Slovak
        {"á": 3.4, "é": 4.0, "í": 0.6, "ó": 1.0, "ö": 1.0, "ő": 0.9, "ú": 0.3, "ü": 0.6,
         "ű": 0.1},  # Hungarian
        {"č": 1.1, "ć": 0.9, "đ": 0.2, "š": 1.0, "ž": 0.8},  # Croatian, Bosnian, Slovene
    )
]  # fmt: skip
WESTERN_LANGUAGES = tuple(_WESTERN)
CENTRAL_EUROPEAN_LANGUAGES = tuple(_CENTRAL)

# Punctuation that stands before a word (« „ “ ¿) or after one (» ” …), or between words.
_OPENING = frozenset("«„“‘‚¿¡‹")
_CLOSING = frozenset("»”’…›")
_BETWEEN = frozenset("–—•·°§€£¥©®™±×÷¢¤¦¬µ¶½¼¾¹²³ªº†‡‰\xa0")
_PUNCTUATION_LOG = math.log(0.05)
_STRANGE_LOG = math.log(0.0001)  # a control, U+FFFD, "¹" inside a word
# A letter of another language: a name ("Škoda" on a French page), or a misread letter.
_FOREIGN_LOG = math.log(0.001)
# A capital after a small letter in one word ("żDónde" for "¿Dónde"); a non-ASCII letter
# standing alone ("Ł5" for "£5"), which only a few languages' words are ("à", "è", "é").
_CASE_BREAK_LOG = math.log(0.01)
_ALONE_LOG = math.log(0.01)
_WORDS_OF_ONE_LETTER = frozenset("àèéòóùő")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def latin_likelihood(
    text: str, languages: tuple[dict[str, float], ...], positions: list[int]
) -> float:
    """How likely the characters of `text` at `positions` are as writing in the one of
    `languages` that its letters fit best, as a log-probability: each a letter of that language
    by its frequency, or punctuation where punctuation stands; no symbol inside a word, no
    capital after a small letter. The language is told by all the letters, the likelihood
    only by those at `positions` (the ones two readings differ in): the letters both read alike
    would weigh each language's own frequencies ("é" is a tenth as common in French as in
    Hungarian) and say nothing of the charset."""
    letters = Counter(char.lower() for char in _NON_ASCII.findall(text) if char.isalpha())
    language = max(
        languages,
        key=lambda language: sum(
            language.get(letter, _FOREIGN_LOG) * count for letter, count in letters.items()
        ),
    )
    total = 0.0
    for at in positions:
        char = text[at]
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if char.isalpha():
            total += language.get(char.lower(), _FOREIGN_LOG)
            if before.isalpha() and before.islower() and char.isupper():
                total += _CASE_BREAK_LOG
            elif (
                not before.isalpha()
                and not after.isalpha()
                and char.lower() not in _WORDS_OF_ONE_LETTER
            ):
                total += _ALONE_LOG
        elif before.isalpha() and after.isalpha():
            total += _STRANGE_LOG  # "Poci¹g", "by³o"
        else:
            total += (
                _PUNCTUATION_LOG if _stands_as_punctuation(char, before, after) else _STRANGE_LOG
            )
    return total


def _stands_as_punctuation(char: str, before: str, after: str) -> bool:
    """`char`, no letter, stands where punctuation does: « and ¿ before a word (a question
    opens with a capital: "¿Dónde", not the "¿e" of Polish "że"), » and … after one, a dash or
    "£" between words."""
    if char in _OPENING:
        return not before.isalpha() and not (char in "¿¡" and after.islower())
    if char in _CLOSING:
        return not after.isalpha()
    return char in _BETWEEN and not before.isalpha() and not after.isalpha()
