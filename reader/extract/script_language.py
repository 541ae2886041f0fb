"""The language of an article that declares none, where its script says it alone: Chinese,
Japanese and Korean.

Xinhua's pages carry no `lang` and no language meta: the article was cited with no language,
and a reader's tools (the reading view's line breaking, a citation manager) had nothing to go
on. Text written overwhelmingly in Han characters, kana and Hangul is one of three languages,
and which one its letters tell: Japanese mixes kana into every sentence, Korean is written in
Hangul, Chinese in Han characters alone. Any other script is shared by many languages: no
guess.
"""

from __future__ import annotations

# The first characters read: a story's first paragraphs say its script.
_SAMPLE = 4000
# Fewer letters than this say too little (a headline of names).
_FEWEST_LETTERS = 20
# East Asian letters among all: Latin names and numbers ("CPU", "GDP") run through such text.
_EAST_ASIAN_SHARE = 0.8
# Japanese prose is a third or more kana; a Chinese text quoting a Japanese name, a few.
_KANA_SHARE = 0.1
# Korean is written in Hangul, with a Han word at times.
_HANGUL_SHARE = 0.5


def _kind(char: str) -> str:
    code = ord(char)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    ):
        return "han"
    return "other"


def script_language(text: str) -> str:
    """ "zh", "ja" or "ko" when `text` is written overwhelmingly in East Asian scripts, telling
    which by its kana and Hangul; else ""."""
    counts = {"kana": 0, "hangul": 0, "han": 0, "other": 0}
    for char in text[:_SAMPLE]:
        if char.isalpha():
            counts[_kind(char)] += 1
    east_asian = counts["kana"] + counts["hangul"] + counts["han"]
    letters = east_asian + counts["other"]
    if letters < _FEWEST_LETTERS or east_asian < _EAST_ASIAN_SHARE * letters:
        return ""
    if counts["kana"] >= _KANA_SHARE * east_asian:
        return "ja"
    if counts["hangul"] >= _HANGUL_SHARE * east_asian:
        return "ko"
    if counts["kana"] + counts["hangul"] == 0:
        return "zh"
    return ""
