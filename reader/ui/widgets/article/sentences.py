"""Where a paragraph's sentences start and end: the steps of a passage chosen by keyboard.

A journalist quotes a sentence or two. With the keyboard there is no cursor to drag, so a
passage grows and shrinks by whole sentences (`v`, `)`, `(` in the reading view, as vim's
sentence motions). A sentence ends at `.`, `!`, `?` or `…` (or the Arabic `؟`, the Urdu `۔`,
the Devanagari danda `।` `॥`), with the closing quotes and brackets after it (German „…“ and
»…«, French « … » with its space) and a note's mark ("¹", "[1]"), before a space; or at a CJK full stop. Not at the full stop
of an initial ("J. Smith") or an abbreviation ("Mr.", "U.S.", "Jan.", "z. B.", "т. е."), nor
at a mark followed by a word in lower case ("“Why?” she asked", "approx. five"), or by a dash
and one ("«Когда?» — спросил он"), or a Japanese quotation's particle (「…？」と), or, in
Chinese, by the words of whoever asked or cried out what the sentence opens with
("“你去吗？”他问。"): a quotation would cut those in the middle.
"""

from __future__ import annotations

import re

from ....models import IDEOGRAPHS
from .quote_marks import straight_open_at

# A French closing guillemet stands after a (no-break) space: « Oui. » — but only when the
# space follows, so that German »…« opening the next sentence is not taken for it.
_CLOSING = "」』”’）》"
# A note's mark may follow the stop: "…since 2019.¹ What…", Wikipedia's "…in 1971.[3] The…".
_NOTE_MARK = r"(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[(?:\d{1,3}|[a-z])\])*"
_END = re.compile(
    r"""[.!?…؟۔।॥]+(?:["'”’“‘»«›‹)\]]|[ \u00a0\u202f]»(?=\s|$))*"""
    rf"{_NOTE_MARK}(?=\s|$)"
    f"|[。！？]+[{_CLOSING}]*"
)
_CJK_ENDS = "。！？"
# A quotation's particle after 「…」: 「行くの？」と聞いた is one sentence.
_QUOTATIVES = ("と", "って")
# A sentence that opens with a quotation goes on, in Chinese, after the quotation's "？" or
# "！" with whoever asked or cried it out: “你去吗？”他问。 Not after 说：“…！”, where the
# quotation ends the sentence; nor after "。”": a quotation followed by its speaker ends with
# a comma (“我不去，”他说。).
_OPENING_QUOTES = "“「『‘"
_ASKED = "！？"
# Words that go on after a quotation are Chinese when they have no kana: Japanese sets a
# sentence of its own after 「…！」 unless a particle ties it on.
_KANA = re.compile("[\u3041-\u30fa]")
_WORDS = re.compile(f"[{IDEOGRAPHS}][^。！？\\s]*")
# Abbreviations that end with a full stop in running English text, without the stop.
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g",
        "i.e", "cf", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "fig",
        "vol", "pp", "ch", "inc", "ltd", "co", "corp", "dept", "est", "ft", "mt",
        # German, French, Russian: their nouns are capitalised, so the lower-case test
        # after the stop does not save these.
        "ca", "bzw", "usw", "vgl", "evtl", "ggf", "inkl", "sog", "mme", "mlle", "mm", "env",
        "c.-à-d", "mio", "mrd", "проф", "акад", "ул", "им", "डॉ", "प्रो",
        # British titles: "led by Cllr. Ann Lee", "Det. Supt. Ross".
        "cllr", "cllrs", "hon", "rt", "rev", "revd", "fr", "supt", "insp", "det", "cpl", "pte",
        "maj", "brig", "adm", "cmdr",
    }
)  # fmt: skip
# Abbreviations only before a number: "No. 10 Downing Street", "nos. 4 and 5".
_NUMBER_SIGNS = frozenset({"no", "nos", "nr", "nº"})
# German writes a day of the month as an ordinal, with a full stop: "am 3. Oktober".
_MONTHS = frozenset(
    {
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember",
    }
)  # fmt: skip
_INITIALISM = re.compile(r"^(?:\w\.)+\w$")
_SPACE = re.compile(r"\s*")


def _after_space(text: str, at: int) -> int:
    """Where the whitespace at `at` ends (`at` when there is none)."""
    found = _SPACE.match(text, at)
    return found.end() if found else at


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, whitespace between them left out: a
    heading or a caption without a full stop is one sentence."""
    spans: list[tuple[int, int]] = []
    start = _after_space(text, 0)
    for end in _ends(text):
        if end > start:
            spans.append((start, end))
        start = _after_space(text, end)
    stop = len(text.rstrip())
    if stop > start:
        spans.append((start, stop))
    return spans


def _ends(text: str) -> list[int]:
    out: list[int] = []
    for mark in _END.finditer(text):
        if mark.group(0)[0] in _CJK_ENDS:
            if mark.group(0)[-1] not in _CJK_ENDS and _quotation_goes_on(
                text, _after_space(text, out[-1] if out else 0), mark
            ):
                continue
            out.append(mark.end())
        elif _lower_case_goes_on(text, after := _after_space(text, mark.end())):
            continue  # “Why?” she asked; approx. five; «Когда?» — спросил он
        elif _inside_quotation(text, out[-1] if out else 0, mark.end()):
            continue  # “It is safe. For now, anyway,” said Dr Okonkwo: with its speaker
        elif mark.group(0)[0] != "." or _full_stop(text, mark.start(), after):
            out.append(mark.end())
    return out


_QUOTATION_REACH = 400
"""How far back a quotation's opening mark, and on its closing mark, are looked for: a
quotation running over paragraphs (each opened, the last closed) leaves its first ones
unclosed, and their sentences apart."""


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """`at` (after a sentence's stop) is inside a quotation opened since `start` that closes
    further on in `text`: a passage stepped by sentences would end in it, cut from whoever
    said it (acc27a A14)."""
    # Looked at within its reach only, in place: a transcript is one run of 100,000 words.
    since = max(start, at - _QUOTATION_REACH)
    if text.count("“", since, at) > text.count("”", since, at):
        return text.find("”", at, at + _QUOTATION_REACH) != -1
    # "It is safe. For now, anyway," said Dr Okonkwo: straight marks, paired in turn.
    return straight_open_at(text, since, at) and text.find('"', at, at + _QUOTATION_REACH) != -1


def _quotation_goes_on(text: str, start: int, mark: re.Match[str]) -> bool:
    """The sentence that started at `start` goes on after the quotation `mark` closes: with
    a Japanese particle (「行くの？」と), or with the Chinese words of whoever asked or cried out
    the quotation it opened with (“你去吗？”他问)."""
    after = mark.end()
    if text.startswith(_QUOTATIVES, after):
        return True
    if text[start] not in _OPENING_QUOTES or mark.group(0).rstrip(_CLOSING)[-1] not in _ASKED:
        return False
    words = _WORDS.match(text, after)
    return words is not None and not _KANA.search(words.group(0))


def _lower_case_goes_on(text: str, at: int) -> bool:
    """The sentence goes on at `at`: a word in lower case, or a dash before one (Russian and
    French set the words after a quotation so: «Когда?» — спросил он)."""
    if at < len(text) and text[at] in "—–":
        at = _after_space(text, at + 1)
    return at < len(text) and text[at].islower()


def _full_stop(text: str, at: int, after: int) -> bool:
    """The `.` at `at` ends a sentence: not an initial's or an abbreviation's. `after`: where
    the next word starts."""
    # The word before it, read back from `at`: splitting all the text before it, for each
    # full stop, took seconds on a paragraph of a few thousand sentences (a plain-text page).
    end = at
    while end and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin and not text[begin - 1].isspace():
        begin -= 1
    before = text[begin:end].lstrip("\"'“‘(«[")
    if len(before) == 1 and before.isalpha() and before.isupper():
        return False  # "J. Smith"
    if (
        len(before) == 1
        and before.isalpha()
        and (_single_letter(text, after) or _single_letter_before(text, begin))
    ):
        return False  # "z. B.", "d. h.", "т. е.": an abbreviation spelt with spaces
    if before.isdigit() and len(before) <= 2 and _next_word(text, after).lower() in _MONTHS:
        return False  # "am 3. Oktober"
    if before.lower() in _NUMBER_SIGNS:  # "No. 10", but "The answer was no. Then…"
        return not (after < len(text) and text[after].isdigit())
    return before.lower() not in _ABBREVIATIONS and _INITIALISM.match(before) is None


def _single_letter(text: str, at: int) -> bool:
    """A one-letter word with its full stop starts at `at`: "B." of "z. B."."""
    return (
        at + 1 < len(text)
        and text[at].isalpha()
        and text[at + 1] == "."
        and (at + 2 == len(text) or text[at + 2].isspace())
    )


def _single_letter_before(text: str, begin: int) -> bool:
    """The word before the one that starts at `begin` is one letter with its full stop: "d."
    of "d. h."."""
    end = begin
    while end and text[end - 1].isspace():
        end -= 1
    return (
        end >= 2
        and text[end - 1] == "."
        and text[end - 2].isalpha()
        and (end == 2 or text[end - 3].isspace())
    )


def _next_word(text: str, at: int) -> str:
    """The letters of the word that starts at `at`."""
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[at:end]
