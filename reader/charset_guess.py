"""Statistical detection, for the rare page with no usable declaration that isn't UTF-8: the
page's Western or Central European language told by its words first (as a browser set to that
language would read it), Japanese by its kana, then charset_normalizer, its readings weighed by
the page's declared language and, among single-byte Latin charsets, by one alphabet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .charset_labels import guessed_codec
from .charset_sample import (
    _ALPHABETS,
    _SAMPLE_WORDS,
    _WORD_WITH_HIGH_BYTES,
    _without_markup,
    _words_to_judge,
)
from .japanese_text import japanese_charset, not_korean_letters
from .latin_alphabets import (
    ANY_WESTERN,
    WESTERN_ALPHABETS,
    central_european_charset,
    reads_as,
    western_page,
)
from .mixed_charset import declared_language

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

# Single-byte Latin charsets a detector confuses with one another: any of them reads most bytes
# of a French or a Czech page as plausible letters, and statistics alone picked Baltic cp1257 for
# French ("naļve", "crčme brūlée") and can't tell cp1250 from cp1252 on Czech. What tells them
# apart is whether the accented letters a decoding gives all belong to one language's alphabet:
# "přes" is Czech, "pøes" mixes Danish and Italian.
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp775", "cp850", "cp858",
        "latin_1", "mac_latin2", "mac_roman", "iso8859_2", "iso8859_3", "iso8859_4",
        "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    }
)  # fmt: skip
_CLOSE_CHAOS = 0.03


def _one_alphabet(text: str) -> float:
    """The share of `text`'s accented letters that the one best-fitting alphabet holds."""
    accented = [ch for ch in text.lower() if not ch.isascii() and ch.isalpha()]
    if not accented:
        return 1.0
    return max(sum(ch in alphabet for ch in accented) for alphabet in _ALPHABETS) / len(accented)


# The languages of the scripts legacy charsets are confused between, by the names
# charset_normalizer gives them.
_LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "el": "Greek", "fa": "Farsi", "he": "Hebrew",
    "iw": "Hebrew", "ja": "Japanese", "kk": "Kazakh", "ko": "Korean", "ru": "Russian",
    "sr": "Serbian", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
    "zh": "Chinese",
}  # fmt: skip


def _reads_as_its_western_language(body: bytes, language: str | None) -> bool:
    """The page names a Western language and its non-ASCII bytes, read in windows-1252, are
    that language's letters and punctuation where punctuation stands. A short page's few
    accented letters measured by statistics alone were read as Chinese in GB18030 ("ter蓷-feira"
    for "terça-feira") or as windows-1250 ("facturť 12 Ä" for "facturé 12 €"); the mojibake of
    a Chinese, Japanese or Central European page read in windows-1252 is symbols between
    letters, capitals inside words and letters no one language holds ("ÖÐ¹ú")."""
    if language is None or (language != "en" and language not in WESTERN_ALPHABETS):
        return False
    try:
        # Its five undefined bytes are no Western text.
        text = _words_to_judge(body).decode("cp1252")
    except UnicodeDecodeError:
        return False
    return reads_as(text, ANY_WESTERN if language == "en" else (WESTERN_ALPHABETS[language],))


_KOREAN_CODECS = frozenset({"cp949", "euc_kr", "johab"})
_SYLLABLE = re.compile("[\uac00-\ud7a3]")
# Of a long page, one vowel alone may be a slip; a Japanese text read as Korean gives one every
# few syllables.
_NOT_KOREAN_SHARE = 0.02


def _possible(match: CharsetMatch, sample: bytes) -> bool:
    """Whether a detector's reading of `sample` can be the page's text: not UTF-16 or UTF-32
    for bytes without a zero (their ASCII markup read as CJK characters: a short Korean title was
    "㹤戼摯"), not Korean where the reading writes what Korean doesn't."""
    encoding = match.encoding
    if encoding.startswith(("utf_16", "utf_32")):
        return b"\x00" in sample
    if encoding in _KOREAN_CODECS:
        # A vowel alone beside a syllable: a Japanese or Chinese text's hiragana read so,
        # "港の水位" as "뮐ㅞ욕겁" (`not_korean_letters`).
        text = str(match)
        odd = not_korean_letters(text)
        return odd == 0 or odd < _NOT_KOREAN_SHARE * len(_SYLLABLE.findall(text))
    return True


def _guess(body: bytes) -> str:
    """Statistical detection, for the rare page with no usable declaration that isn't UTF-8."""
    # Imported only when needed: it is slow to load.
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    code = declared_language(body)
    if _reads_as_its_western_language(body, code):
        # As a browser set to the page's language would: its default charset, where the page
        # reads in it as that language.
        return "cp1252"
    sample = _without_markup(body[:65536])
    if japanese := japanese_charset(sample):
        # Its kana tell it: statistics measured a short paragraph as no likelier Japanese in
        # EUC-JP than Korean in EUC-KR, and a Shift_JIS title as Korean too, and took the Korean.
        return japanese
    words = b" ".join(_WORD_WITH_HIGH_BYTES.findall(sample)[:_SAMPLE_WORDS])
    if central := central_european_charset(words, code, sample):
        # As for a Western page: a sentence's one "č" or "ł" is too little for statistics,
        # which read it as windows-1252, Japanese or Mac Icelandic ("Pristani¹èe").
        return central
    if code is None and western_page(words, sample):
        # And a Western one naming no language, told by its words: a French brief's "facturé
        # 12 €" was read as windows-1250's "facturť 12 Ä", a Dutch one's "één" as Chinese.
        return "cp1252"
    if sample.isascii():  # its only letters in attributes (a <meta content>, an alt text)
        sample = body[:65536]
    # Not "preemptive": that would trust the page's <meta>, the very declaration found wanting.
    matches = [m for m in from_bytes(sample, preemptive_behaviour=False) if _possible(m, sample)]
    if not matches:
        return "cp1252"
    best = matches[0]
    language = _LANGUAGE_NAMES.get(code) if code else None
    # As a browser falls back on its reader's language: among readings as clean as the best,
    # the one in the page's own language. A short Hebrew page in windows-1255 measured as
    # coherent Russian read as KOI8-R ("ТЯХИАЛ ДЮЕЬ"). A multi-byte reading's language is
    # the one of its charset (`language`): its `languages` measured are often none at all (a
    # short EUC-JP page tied with its EUC-KR reading, and neither named "Japanese"). Not a
    # single-byte one's: every Cyrillic charset's is "Russian", its mojibake's too.
    in_language = [
        m
        for m in matches
        if language is not None
        and (
            language in m.languages
            or (is_multi_byte_encoding(m.encoding) and m.language == language)
        )
        and m.chaos <= best.chaos + _CLOSE_CHAOS
    ]
    if in_language:
        best = in_language[0]
    if best.encoding in _LATIN_SINGLE_BYTE:
        close = [
            m
            for m in matches
            if m.encoding in _LATIN_SINGLE_BYTE and m.chaos <= best.chaos + _CLOSE_CHAOS
        ]
        # On a tie windows-1252: what browsers assume for an undeclared Western page, and the
        # most common of these on the web; then the detector's own order.
        best = max(
            close,
            key=lambda m: (
                _one_alphabet(sample.decode(m.encoding, "replace")),
                m.encoding == "cp1252",
            ),
        )
    return guessed_codec(best.encoding) or "cp1252"
