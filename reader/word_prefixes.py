"""The prefixes Arabic and Hebrew write onto a word, which a whole-word search lets stand
before the word typed bare (acc30a J22): most Arabic nouns in running text carry the article
ال ("the"), and "and", "by", "for", "from", "that" are one letter joined to the next word in
both, so "تجريف" (dredging) must find "التجريف" and "وبالتجريف", "נמל" (port) "הנמל" and
"מהנמל", as a search engine of either language finds them.

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
