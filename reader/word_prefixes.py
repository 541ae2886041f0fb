"""The prefixes Arabic and Hebrew write onto a word, which a whole-word search lets stand
before the word typed bare (acc30a J22): most Arabic nouns in running text carry the article
ال ("the"), and "and", "by", "for", "from", "that" are one letter joined to the next word in
both, so "تجريف" (dredging) must find "التجريف" and "وبالتجريف", "נמל" (port) "הנמל" and
"מהנמל", as a search engine of either language finds them.

Where a preposition swallows the article, a word typed with it finds it too (acc38a J10): Arabic
writes ل + ال as لل ("الشباب" finds "للشباب", "وللشباب"), Hebrew drops the article's ה after ב כ ל
("הנמל" finds "לנמל", "בנמל"; for a word of three letters or more after the ה).

A light rule, no stemming: only these letters, in the order the languages join them, before
a word of the query in the script, and only for one of two letters or more. A word of Latin,
Cyrillic or any other script is matched as before (no false hits there); nor is a word with a
letter only Persian or Urdu write (پ چ ژ گ ک ی), whose prefixes are others.
"""

from __future__ import annotations

import re

_ARABIC = re.compile("[\u0621-\u064a]")
_HEBREW = re.compile("[\u05d0-\u05ea]")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")


def attached_prefix(word: str, skip: str) -> str:
    """The pattern of what may be written onto `word` before it (a query's word, as typed),
    `skip` after each letter of it (the vowel points a query without them skips): "" when
    `word` is not an Arabic or Hebrew one."""
    if len(word) < 2:
        return ""
    if _ARABIC.match(word) and not _PERSIAN.search(word):
        # و or ف ("and"), then ب ك ل ("by", "as", "for"), then the article ال (لل after ل).
        return f"(?:[وف]{skip})?(?:[بكل]{skip})?(?:ا{skip}ل{skip}|ل{skip})?"
    if _HEBREW.match(word):
        # ו ("and"), then ש כש מש ("that", "when"), then ב כ ל מ ("in", "as", "to",
        # "from"), then ה ("the").
        return f"(?:ו{skip})?(?:[כמ]?{skip}ש{skip})?(?:[בכלמ]{skip})?(?:ה{skip})?"
    return ""


_ARTICLE_ALEF = "\u0627"  # ا
_HEBREW_ARTICLE = "\u05d4"  # ה


def elided_article(word: str) -> str | None:
    """`word` (a query's, as typed) without the letter of its article that a preposition
    before it swallows, when it starts with the article: "الشباب" as "لشباب" (found in
    "للشباب"), "הנמל" as "נמל" (in "לנמל"), the marks typed on that letter with it; None for
    any other word, and for a Hebrew one of under three letters after the ה (a ה of the word
    itself is likelier there)."""
    if len(word) < 2:
        return None
    if _ARABIC.match(word) and not _PERSIAN.search(word):
        # The article and two letters at least: "الف" is no "ال" + "ف".
        first = word.split()[0]
        if word[0] in _ARTICLE_ALEF and word[1:2] == "\u0644" and len(_ARABIC.findall(first)) >= 4:
            return word[1:]
        return None
    if word[0] == _HEBREW_ARTICLE:
        # The article's own points ("הַנָּמֵל") go with it.
        rest = _LEADING_POINTS.sub("", word[1:])
        if _HEBREW.match(rest) and len(_HEBREW.findall(rest.split()[0])) >= 3:
            return rest
    return None


_LEADING_POINTS = re.compile("^[\u0591-\u05c7]+")


def elided_before(word: str, skip: str) -> str:
    """The pattern of what swallows the article of `word` (one `elided_article` gives), `skip`
    after each letter: Arabic's ل (after و or ف, "and", "so"), Hebrew's ב כ ל (after ו, ש, כש,
    מש)."""
    if _ARABIC.match(word):
        return f"(?:[وف]{skip})?ل{skip}"
    return f"(?:ו{skip})?(?:[כמ]?{skip}ש{skip})?[בכל]{skip}"
