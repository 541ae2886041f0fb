"""How many words a piece of text holds, in the scripts that write no spaces between words
too: Chinese and Japanese counted by the character (`IDEOGRAPHS`), Thai, Lao, Khmer and Burmese
estimated from their letters.

Stdlib only, as the models are; `reader.models` offers `words_in`, `count_unit` and `IDEOGRAPHS`
too.
"""

from __future__ import annotations

import re
from functools import cache

# Chinese and Japanese write no spaces between words: each ideograph or kana counts as one (as
# word processors count them; a reader takes in some 250 a minute, as many as English words), and
# their punctuation ("、", "。", "「") as none. Split on spaces, a 3,000-character story was "12
# words", a page that "gave little", and its AMP version was fetched for every article.
IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"


# Compiled when first needed: these classes of tens of thousands of characters take ~2-4 ms
# each to compile, at every start (`models` imports this module), for text that is mostly
# English.
@cache
def _word() -> re.Pattern[str]:
    return re.compile(f"[{IDEOGRAPHS}]|[^\\s{IDEOGRAPHS}{_CJK_PUNCTUATION}]+")


@cache
def _ideograph() -> re.Pattern[str]:
    return re.compile(f"[{IDEOGRAPHS}]")


# Thai, Lao, Khmer and Burmese write no spaces between words either (a space ends a phrase or a
# sentence), and no dictionary to cut them into words is at hand: their words are estimated from
# their letters, the vowel and tone marks written above and below them left out, at 3.7 letters a
# word (a Thai news paragraph cut into its 44 words by hand). Split on spaces, a Thai story of
# three paragraphs was "8 words", a page that gave little.
_UNSPACED_SCRIPTS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_UNSPACED_RUN = re.compile(f"[{_UNSPACED_SCRIPTS}]+")
_UNSPACED_MARKS = re.compile(
    "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074"
    "\u1082-\u108d\u108f\u109a-\u109d\u17b4-\u17d3\u17dd]"
)
_LETTERS_A_WORD = 3.7


def words_in(text: str) -> int:
    """The words of a piece of text, counted as an article's are (see `words_of`)."""
    if text.isascii() or max(text) < "\u0e00":  # isascii first: C speed, most text
        return len(text.split())
    words = 0
    if _UNSPACED_RUN.search(text):
        for run in _UNSPACED_RUN.findall(text):
            letters = len(run) - len(_UNSPACED_MARKS.findall(run))
            words += max(1, round(letters / _LETTERS_A_WORD))
        text = _UNSPACED_RUN.sub(" ", text)
    if not text or max(text) < "\u3000":
        return words + len(text.split())
    return words + len(_word().findall(text))


def count_unit(text: str) -> str:
    """What `words_in` counts of `text`, to say beside its number: "characters" when most of
    the count is Chinese or Japanese characters (a Japanese story's "104" is 104 characters,
    字数, and a translation's budget given in "words" is wrong), else "words"."""
    if text.isascii() or max(text) < "\u3040":
        return "words"
    return "characters" if 2 * len(_ideograph().findall(text)) > words_in(text) else "words"
