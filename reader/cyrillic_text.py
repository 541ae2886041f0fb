"""How likely a decoding of a page's bytes is as Cyrillic writing, and the single-byte charsets
of that script: what tells KOI8-R labelled windows-1251 from the truth (`charset`), and
windows-1251 paragraphs pasted into a UTF-8 page from a Latin page's stray "é"
(`mixed_charset`). Each reads the others' bytes without an error; the letters give them away."""

from __future__ import annotations

import math

# Single-byte charsets of the Cyrillic script, each of which reads the others' bytes as letters.
CYRILLIC_FAMILY = ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866")
# How often each letter comes in Russian text, per ten thousand (the other Cyrillic languages'
# own letters given a share of their own): a reading in the wrong charset turns "о" and "е"
# into "п" and "ъ", and capitals into symbols.
_LETTERS = {
    "о": 1097, "е": 845, "а": 801, "и": 735, "н": 670, "т": 626, "с": 547, "р": 473,
    "в": 454, "л": 440, "к": 349, "м": 321, "д": 298, "п": 281, "у": 262, "я": 201,
    "ы": 190, "ь": 174, "г": 170, "з": 165, "б": 159, "ч": 144, "й": 121, "х": 97,
    "ж": 94, "ш": 73, "ю": 64, "ц": 48, "щ": 36, "э": 32, "ф": 26, "ъ": 4, "ё": 4,
    "і": 50, "ї": 10, "є": 10, "ґ": 2, "ў": 5, "ј": 5, "љ": 5, "њ": 5, "ћ": 5, "ђ": 2,
    "џ": 2, "ѓ": 2, "ќ": 2, "ѕ": 1,
}  # fmt: skip
_LETTER_LOG = {letter: math.log(n / 10_000) for letter, n in _LETTERS.items()}
# The punctuation of Cyrillic and Central European text outside ASCII.
NON_ASCII_PUNCTUATION = frozenset("«»„“”‘’‚–—…№•·°§\xa0")
# As likely as a common letter: an English page's dash read as cp866 is a lone "Ч".
_PUNCTUATION_LOG = math.log(0.05)
_STRANGE_LOG = math.log(0.0001)  # a symbol, a control, a letter of another script
# A capital after a small letter in one word ("тЩВБЛЙ"): mojibake of the other case; and so
# is a Cyrillic letter in a Latin word.
_CASE_BREAK_LOG = math.log(0.01)


def is_ascii_letter(byte: int) -> bool:
    return 65 <= byte <= 90 or 97 <= byte <= 122


def cyrillic_likelihood(text: str) -> float:
    """How likely `text` is as Cyrillic writing, as a log-probability of its non-ASCII
    characters: its letters' frequencies, its punctuation, no capital after a small letter,
    and no Cyrillic letter joined to a Latin one."""
    total = 0.0
    before = " "
    for at, char in enumerate(text):
        if not char.isascii():
            lower = char.lower()
            total += _LETTER_LOG.get(
                lower, _PUNCTUATION_LOG if char in NON_ASCII_PUNCTUATION else _STRANGE_LOG
            )
            if lower in _LETTER_LOG:
                if before != before.upper() and char != lower and before.lower() in _LETTER_LOG:
                    total += _CASE_BREAK_LOG
                after = text[at + 1] if at + 1 < len(text) else " "
                if is_ascii_letter(ord(before)) or is_ascii_letter(ord(after)):
                    # "Redirecting…" read as cp866 is "RedirectingЕ"
                    total += _CASE_BREAK_LOG
        before = char
    return total
