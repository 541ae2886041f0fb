"""The text of inline runs: whitespace folded and trimmed, raised and lowered figures, the marks
round a `<q>`, and where two phrases or a label and its words touch and need a space."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lxml.html import HtmlElement

from ..models import Inline
from .math import LOWERED_DIGITS, RAISED_DIGITS

_WS = re.compile(r"[ \t\n\r\f]+")


# The same folding, by `_collapsed`: a single space is left as it is, so most runs of a page's
# text (words and single spaces) need no replacing at all.
_BLANKS = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


# Figures set above or below the line: "10<sup>6</sup>" is a million, not 106, and a footnote's
# number "year<sup>1</sup>" is not part of the word. Unicode has raised and lowered digits and
# signs; anything else (a footnote's "[2]", an "st" of "1st") stays as written.
# Of letters, only "n" and "i" (the exponents and indices of "x<sup>n+1</sup>", "a<sub>i</sub>")
# are raised or lowered: "1<sup>st</sup>" and a footnote's "a" stay as written.
_SCRIPTS = {
    "sup": RAISED_DIGITS | {ord("n"): "ⁿ", ord("i"): "ⁱ"},
    "sub": LOWERED_DIGITS | {ord("n"): "ₙ", ord("i"): "ᵢ"},
}


_SCRIPT_TEXT = re.compile(r"[0-9+\-−=()ni]+(?:[, ]+[0-9+\-−=()ni]+)*")


# An exponent Unicode has no raised form for: a decimal ("t<sup>0.5</sup>"), or a sum of terms
# one of whose characters has none ("x<sup>k+1</sup>", "x<sup>2/3</sup>"). Written as a
# calculator would, "t^0.5", "x^(k+1)": run together, "t0.5" and "xk+1" mean something else.
_DECIMAL = re.compile(r"[-−+]?\d*\.\d+")


_TERMS = re.compile(r"[-−+]?[\w.]{1,3}(?:[-−+=/*×·][\w.]{1,3})+")


# The link at the end of a footnote back to where it is cited: an arrow, no words.
_BACK_ARROWS = frozenset("↩↑^⤴↵⮌\ufe0e\ufe0f ")


def _phrases_touching(el: HtmlElement) -> bool:
    """`el`, a `<span>` of words, follows another with nothing between them: "<span>Kate
    Morrow</span><span>BBC News, Cornwall</span>", two lines the page's style sets apart,
    not "Kate MorrowBBC News". A word split by styling ("<span>T</span><span>he</span>", a
    drop cap) is one word, and a phrase of one word may be a word's end."""
    before = el.getprevious()
    if el.tag != "span" or before is None or before.tag != "span" or before.tail:
        return False
    said, next_words = before.text_content(), el.text_content()
    if _score_beside_a_name(said, next_words) or _score_beside_a_name(next_words, said):
        return True
    return (
        len(said.split()) > 1
        and len(next_words.split()) > 1
        and not said[-1:].isspace()
        and next_words[:1].isupper()
    )


# A score in a span of its own: a match header's "<span>Plymouth Argyle</span><span
# class="score">2</span>", shown apart, not "Plymouth Argyle2".
_SCORE = re.compile(r"\d{1,3}")


_NAME_LETTERS = 4


def _score_beside_a_name(score: str, name: str) -> bool:
    """`score` is a number alone, and `name` a name (letters: not a unit's "km" or a
    chemical's "H") whatever side of it `name` is on."""
    words = name.split()
    return (
        bool(_SCORE.fullmatch(score))
        and bool(words)
        and words[0][:1].isupper()
        and sum(c.isalpha() for c in name) >= _NAME_LETTERS
    )


# A label the page sets in an element of its own: "Abstract:", "Authors:", "Note:".
_LABEL = re.compile(r"^\s*[^\W\d_]+(?:\s[^\W\d_]+){0,2}:$")


# A span's label is set apart by the page's style (arXiv's `.descriptor`); a bold one the
# writer glued to the next word ("<b>Note:</b>the") is shown glued by a browser too.
_LABEL_TAGS = frozenset({"span", "label"})


def _label_touching(el: HtmlElement) -> bool:
    """`el` is a label ending with its colon, and the words after it touch it: arXiv's
    "<span class="descriptor">Abstract:</span>We derive…", which its style sets apart; not
    "Abstract:We". A time or an address ("10:<b>30</b>", "https:<b>//…</b>") goes on with no
    letter after the colon."""
    if el.tag not in _LABEL_TAGS or not _LABEL.match(el.text_content()):
        return False
    if el.tail:
        after = el.tail
    else:
        following = el.getnext()
        after = following.text_content() if following is not None else ""
    return after[:1].isalpha()


def _starts_with_word(el: HtmlElement) -> bool:
    text = el.text_content()
    return bool(text) and not text[0].isspace()


def _as_script(text: str, table: dict[int, str], raised: bool) -> str:
    """The raised or lowered form of a `<sup>`/`<sub>`'s text: in raised or lowered characters
    when each has one, an exponent without them after a caret ("^0.5", "^(k+1)"); "" for
    anything else (an ordinal's "st", a footnote's "[2]"), which stays as written."""
    text = " ".join(text.split())
    if _SCRIPT_TEXT.fullmatch(text) and (any(c.isdigit() for c in text) or text == "n"):
        return text.replace(" ", "").translate(table)
    if raised and _DECIMAL.fullmatch(text):
        return f"^{text}"
    if raised and _TERMS.fullmatch(text) and not text.isdigit():
        return f"^({text})"
    return ""


# The marks browsers put round a `<q>`, by language: outer pair, then the pair inside it.
_QUOTATION_MARKS = {
    "en": (("“", "”"), ("‘", "’")),
    "fr": (("«\u202f", "\u202f»"), ("“", "”")),
    "de": (("„", "“"), ("‚", "‘")),
    "ru": (("«", "»"), ("„", "“")),
    "uk": (("«", "»"), ("„", "“")),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "pt": (("«", "»"), ("“", "”")),
    "pl": (("„", "”"), ("«", "»")),
    "cs": (("„", "“"), ("‚", "‘")),
    "ja": (("「", "」"), ("『", "』")),
    "zh": (("“", "”"), ("‘", "’")),
}


def quotation_marks(q: HtmlElement) -> tuple[str, str]:
    """The marks round an inline quotation `<q>`: a browser draws them, the text has none, and
    without them "The mayor said we will not close the crossing" reads as the writer's words.
    By the quotation's language (its own `lang` or the nearest one above), the inner pair
    inside another `<q>`."""
    lang = q.xpath("string(ancestor-or-self::*[@lang][1]/@lang)").strip().lower()
    outer, inner = _QUOTATION_MARKS.get(lang.split("-")[0], _QUOTATION_MARKS["en"])
    nested = any(True for _ in q.iterancestors("q"))
    return inner if nested else outer


def _is_back_link(a: HtmlElement) -> bool:
    text = a.text_content().strip()
    return bool(text) and a.get("href", "").startswith("#") and all(c in _BACK_ARROWS for c in text)


def _collapsed(text: str) -> str:
    """`_WS.sub(" ", text)`: each run of HTML's whitespace as one space. A run of text with no
    line break, tab or double space is left as it is, without the regex (half the runs of a
    demo page, which took it 8 µs each)."""
    if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
        return _BLANKS.sub(" ", text)
    return text


def _trim(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Strip leading/trailing whitespace of a run; drop it if nothing but whitespace is left."""
    runs = [i for i in inlines if i.text]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if not runs:
        return ()
    runs[0] = _stripped(runs[0], str.lstrip)
    runs[-1] = _stripped(runs[-1], str.rstrip)
    return tuple(runs)


def _stripped(run: Inline, strip: Callable[[str], str]) -> Inline:
    """`run` with its text stripped: copied only when a space goes (most runs have none to
    lose, and the copy cost more than the rest of the trim)."""
    text = strip(run.text)
    return run if text == run.text else replace(run, text=text)


def _words_follow(el: HtmlElement) -> bool:
    """Words come after `el` in its parent: its tail's or a following sibling's."""
    return bool((el.tail or "").strip()) or any(
        s.text_content().strip() or (s.tail or "").strip() for s in el.itersiblings()
    )
