"""Untrusted text → display-safe text: the one place that decides what a stranger's string may contain.

Everything shown or printed that came from the web (feed and item titles, article text, server
messages, URLs) goes through `safe_line` or `safe_text`. They remove whole terminal escape sequences
(CSI, OSC such as OSC 8 links and OSC 52 clipboard writes, DCS/APC/PM strings), then any remaining
C0/C1 control character (ESC, BEL, 0x80–0x9F) and soft hyphen, and neutralise bidirectional
overrides that could reorder what a reader sees. Markup is never interpreted: callers display the result as plain text.
The reader's own bidi isolates, which keep Hebrew or Arabic text in its column on a terminal
that orders letters, are put around the result where it is drawn (`reader.bidi_isolates`).
"""

from __future__ import annotations

import re
from functools import cache

from .mark_runs import capped_marks

# ESC [ … final byte  |  ESC ] … (BEL | ESC \)  |  ESC P/X/^/_ … ESC \  |  8-bit CSI.
# A string (OSC, DCS…) is taken whole only with its terminator: an ESC with none after it (one
# "&#27;" in a page's text, a stray byte) goes alone with the letter after it, and the text after
# that stays, inert without its ESC. Taken to the next ESC or the end, it cut up to 512 characters
# of the article out unmarked, across paragraphs and mid-word (acc30c D1).
# An 8-bit CSI is taken with its parameters only ("\x9b31m"): cp1250's "›" read as ISO-8859-2 is
# U+009B, and "›Zprávy" lost its "Z". The other 8-bit introducers (U+009D OSC, U+0090 DCS, U+009E PM…) are not taken as the start of
# a string to swallow: in real text they are letters read with the wrong charset (a Czech "ž"
# from windows-1250 read as ISO-8859-2 is U+009E), and swallowing up to a terminator cut the
# paragraph short. Each is removed alone by `_CONTROL`, which leaves what followed it inert.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~] | \x9b[0-?]+[ -/]*[@-~]  # CSI (8-bit: with a parameter, see above)
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)    # OSC, terminated by BEL or ST
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)       # DCS, SOS, PM, APC strings, terminated
    | \x1b[ -/]*[0-~]                             # other two-byte escapes (ESC c, ESC 7, …)
    """,
    re.VERBOSE,
)
# The 7-bit forms of the same sequences, for a whole page before it is parsed: a string sequence
# is taken only when terminated within 512 characters there, so the search for its end is
# bounded (and the C1 forms are left to `_CONTROL`, as a stray U+0090 would otherwise start one).
_DOCUMENT_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]
    | \x1b\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)
    | \x1b[PX^_][^\x1b]{0,512}\x1b\\
    | \x1b[ -%'-/]*[0-;=-~]
    """,
    re.VERBOSE,
)
# Its last form takes no "<" and no "&" after the ESC: in a page they begin a tag or a character
# reference, and "&#27;<b>" lost its tag's "<", the markup shown as text ("b>bold") and a link
# lost (acc30d N3). A lone ESC left there is dropped by the parser.
# All C0 except tab/newline, DEL, all C1; bidi embeddings, overrides and isolates; BOM/ZW no-break;
# the soft hyphen, which a browser shows only where it breaks a word: kept, it is a cell that
# Rich counts and many terminals don't draw (columns shift), and "Bundes&shy;regierung" is not
# found by a search for the word.
# Also the tag characters (U+E0000–E007F), which draw nothing and can hide a message in a
# title, and the interlinear annotation marks (U+FFF9–FFFB), which no text on the web means.
# And the noncharacters (U+FDD0–FDEF, U+FFFE, U+FFFF), which XML forbids: one in a feed's
# title made `reader export`'s OPML a file other readers refuse whole.
# And the format characters that draw nothing and mean nothing in news: the invisible operators
# of mathematics (U+2061–2064), the deprecated format characters (U+206A–206F), music's beam and
# phrase marks (U+1D173–1D17A). "Minister Sm\u2062ith" looked like Smith and was not found as
# one, in the list, the index, a citation and the clipboard (acc37b I4; `fold.ZERO_WIDTH`
# finds the ones already cached).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\u00ad"
    "\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"
    "\u2061-\u2064\u206a-\u206f\U0001d173-\U0001d17a]"
)
# A zero-width joiner between two letters of the Latin, Greek or Cyrillic alphabets joins
# nothing (their letters have no joined forms), yet terminals that cluster graphemes draw the
# two letters in one cell where Rich counts two, and the row came out a cell short, the last
# frame's border left on screen (acc37b I5). An emoji's and an Indic or Persian word's stay.
# Compiled when a joiner is first met, not at every start (tests/test_start_imports.py).
# The tag characters, each removed but in the one sequence that means something: a subdivision's
# flag, the black flag and its code's letters in tags, ended by CANCEL TAG ("🏴" + "gbsct" + end:
# Scotland's). Removed with the rest, it was a plain black flag (acc50a A10).
_TAGS = re.compile(
    "(\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f)"
    "|[\U000e0000-\U000e007f]"
)


def _flag_or_nothing(match: re.Match[str]) -> str:
    return match.group(1) or ""


_ALPHABET_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1fff"


@cache
def _idle_joiner() -> re.Pattern[str]:
    return re.compile(f"(?<=[{_ALPHABET_LETTER}])\u200d(?=[{_ALPHABET_LETTER}])")


# A zero-width space in a text of spaced words ("and that\u200b the", "Bundes\u200bregierung")
# marks only where a line may break: kept, a pasted quote carried an invisible character and a
# search for "that the" in a CMS failed on it (acc39a L13). Between two letters of a script
# written without spaces (Thai, Lao, Tibetan, Myanmar, Khmer, Japanese, Chinese) it is where
# one word ends, and stays. Compiled when one is first met.
_UNSPACED_LETTER = "\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff"


@cache
def _idle_space() -> re.Pattern[str]:
    return re.compile(f"(?<![{_UNSPACED_LETTER}])\u200b|\u200b(?![{_UNSPACED_LETTER}])")


# In one line (a title, a name), the zero-width space, the word joiner and the Mongolian vowel
# separator (a format character since Unicode 6.3, drawn as nothing): two titles or names that
# look the same would differ. Text keeps the word joiner and the separator (Mongolian marks its
# vowels' forms with the last) and the space where it parts unspaced words (above); the joiners
# of an emoji or a Persian word stay everywhere.
_LINE_INVISIBLE = re.compile("[\u200b\u2060\u180e]")
# And the letters that are blank: the Hangul fillers (U+3164 "ㅤ", the well-known way to an
# invisible name in chat apps, and its half-width and jamo kin) draw nothing, yet terminals give
# U+3164 two cells and Rich none, which broke the row of a feed named with it; the Braille blank
# (U+2800) draws a space's nothing and is read as one. Only Python calls them printable.
_LINE_BLANK_LETTERS = re.compile("[\u115f\u1160\u3164\uffa0]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x85\x0b\x0c]+")
_SPACES = re.compile(r"[ \u00a0]{2,}")


def safe_text(text: object) -> str:
    """Multi-line untrusted text with escapes and controls removed; newlines and tabs are kept."""
    if text is None:
        return ""
    s = str(text)
    # A letter's marks past 30 ("Zalgo": thousands on a letter) draw nothing more, and laying
    # one letter's marks out cost their square (Rich's cell splitting: 6,000 marks, 9 s each
    # time the line was drawn, the reader deaf to keys and signals meanwhile: acc30c D7).
    s = capped_marks(s)
    # Every character the rest removes or changes is one Python calls unprintable (escapes
    # start with ESC or CSI, controls, format characters, line separators): a printable text,
    # nearly every title and line of a list, is safe as it is (12,000 headlines' lines).
    if s.isprintable():
        return s
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", s))
    s = _TAGS.sub(_flag_or_nothing, s)
    if "\u200b" in s:
        s = _idle_space().sub("", s)
    return _idle_joiner().sub("", s) if "\u200d" in s else s


def safe_line(text: object, max_length: int = 0) -> str:
    """One line of untrusted text (a title, a name, an error): whitespace folded, controls removed.

    `max_length` > 0 cuts the result with an ellipsis, so a 1 MB title can't flood a screen.
    """
    s = safe_text(text)
    if not s.isprintable():  # a line break, a no-break space (see `safe_text`)
        s = _LINE_INVISIBLE.sub("", _LINE_BREAKS.sub(" ", s))
    if not s.isascii() and (_LINE_BLANK_LETTERS.search(s) or "\u2800" in s):
        s = _LINE_BLANK_LETTERS.sub("", s).replace("\u2800", " ")
    if "  " in s or "\u00a0" in s:
        s = _SPACES.sub(" ", s)
    s = s.strip()
    if max_length and len(s) > max_length:
        s = s[: max_length - 1].rstrip() + "…"
    return s


def without_terminal_escapes(text: str) -> str:
    """`text` with its terminal escape sequences removed whole (an OSC title, a CSI colour), its
    other characters as they are: a link written with one is the address around it
    (`urls.item_link`)."""
    return _ESCAPE_SEQUENCE.sub("", text) if "\x1b" in text or "\x9b" in text else text


def without_escape_sequences(document: str) -> str:
    """A whole page with its terminal escape sequences removed, before the parser sees it: the
    parser drops a lone ESC, and the rest of a sequence ("]0;title") would show as text."""
    return _DOCUMENT_ESCAPE_SEQUENCE.sub("", document) if "\x1b" in document else document
