"""A declared charset the bytes contradict or misread: how unlike text a decoding is, the
declared legacy charset overruled when it reads the page as a mess, the charsets to try in its
place, and the sibling of its family that reads the page as real text where the declared one
reads mojibake (KOI8-R labelled windows-1251, ISO-8859-2 labelled windows-1250, windows-1253
labelled ISO-8859-7), and Korean
labelled with a Japanese charset on a page that names Korean."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .charset_guess import _guess
from .charset_labels import sniff_meta_charset
from .charset_sample import _ALPHABETS, _without_markup, _words_to_judge
from .cyrillic_text import CYRILLIC_FAMILY, NON_ASCII_PUNCTUATION, cyrillic_likelihood
from .japanese_text import korean_labelled_japanese
from .latin_alphabets import latin_9_labelled_latin_1, turkish_labelled_latin_1
from .mixed_charset import declared_language

# charset_normalizer's measure of how unlike text a decoding is (0 clean, 1 hopeless; it gives
# up on a decoding at 0.2). A legacy page read by its own charset measures 0–0.03, and by
# another one 0.1 and over (windows-1251 read as KOI8-R); a declaration is contradicted at
# _MESSY, and another charset reads the page right at _CLEAN or under.
_MESSY = 0.15
_CLEAN = 0.05


def _mess(body: bytes, codec: str) -> float:
    """How unlike text `body` decoded with `codec` is (1.0: not decodable, or a mess)."""
    from charset_normalizer import from_bytes  # imported only when needed: it is slow to load

    matches = from_bytes(body, cp_isolation=[codec], preemptive_behaviour=False)
    return matches[0].chaos if matches else 1.0


# A Windows charset written on pages as its ISO sibling (Czech and Polish windows-1250 labelled
# ISO-8859-2, and so on): the sibling reads the Windows charset's letters at 0x80–0x9F ("š",
# "ť", "ž", "ś", "ź") as C1 controls, which no text holds.
_WINDOWS_SIBLING = {
    "iso8859-2": "cp1250",
    "iso8859-4": "cp1257",
    "iso8859-5": "cp1251",
    "iso8859-6": "cp1256",
    "iso8859-7": "cp1253",
    "iso8859-8": "cp1255",
    "iso8859-13": "cp1257",
    "iso8859-15": "cp1252",
}
_C1_BYTE = re.compile(rb"[\x80-\x9f]")


def _alternatives(body: bytes, declared: str, family_sibling: str | None) -> Iterator[str]:
    """Charsets to try for a page its declaration misreads, likeliest first: the charset of
    the declared one's family that reads it as real text (`_misread_sibling`'s answer), the declared
    ISO charset's Windows sibling when the page holds the bytes only that one reads as
    letters, the page's own <meta>, then the bytes' statistics (only worked out when asked)."""
    if family_sibling:
        yield family_sibling
    if (sibling := _WINDOWS_SIBLING.get(declared)) and _C1_BYTE.search(body):
        yield sibling
    meta = sniff_meta_charset(body)
    if meta not in (None, declared):
        yield meta  # type: ignore[misc]
    yield _guess(body)


def _contradicted(body: bytes, declared: str) -> bool:
    """The declared legacy charset reads the page's non-ASCII bytes as a mess. Decoding first
    settles most pages at C speed: an ASCII page fits any charset, and bytes the codec
    can't decode at all contradict it; so do bytes an ISO charset reads as C1 controls (a
    statistical measure of a long page samples it, and may miss the few that give it away)."""
    if body.isascii():
        return False
    if declared.startswith("iso8859") and _C1_BYTE.search(body):
        return True
    try:
        body.decode(declared)
    except UnicodeDecodeError:
        return True
    except LookupError:
        return False
    return _mess(body, declared) >= _MESSY


# Single-byte charsets of one script, each of which reads the others' bytes without an error:
# KOI8-R bytes labelled windows-1251 come out as the other case of other letters ("тЩВБЛЙ
# РТПФЕУФХАФ" for "Рыбаки протестуют"), ISO-8859-2 labelled windows-1250 as a Czech page with a
# Polish "ą" for every "š". Nothing fails to decode, and charset_normalizer measured a short
# page's mojibake as clean; what gives it away is the letters themselves (the Cyrillic family's
# measured in `cyrillic_text`).
_LATIN_2_FAMILY = ("cp1250", "iso8859-2")
# The bytes ISO-8859-15 (and windows-1254) read as other letters than ISO-8859-1 does.
_LATIN_1_MISREAD_BYTES = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xd0\xdd\xde\xf0\xfd\xfe]")
# A reading taken over the declared one is likelier by this much (a log-probability) for each
# character the two read differently: Russian, Ukrainian, Bulgarian and Serbian text, short or
# in capitals, read by its own charset measured 0.57 and more over any other of the family.
_LIKELIER_BY = 0.3
_FEWEST_TO_TELL = 3  # characters read differently: one or two tell nothing
# Mac Cyrillic too: it writes the lower case as windows-1251 does but for "я" and "ё", and its
# capitals where windows-1251 has "Ђ", "ђ", "Ћ", "џ" and punctuation, so a Mac page labelled
# windows-1251 read "ђыбаки" and "трЮхсот"; a text without capitals, "ё" or "я" reads alike.
_CYRILLIC_LABELS = (*CYRILLIC_FAMILY, "mac-cyrillic")
# But Serbian and Macedonian text in windows-1251 holds "ђ", "џ", "љ", "њ", "ћ" where Mac
# Cyrillic has capitals, and read in it are as likely ("ЂорРе" for "Ђорђе"): the two are told
# apart only in text written with "й", "щ", "ъ", "ы", "ь", "э" or "ю", letters no Serbian or
# Macedonian word holds, written alike by both charsets.
_NOT_SERBIAN = re.compile(rb"[\xe9\xf9-\xfe]")
_FEWEST_NOT_SERBIAN = 3


def _not_serbian(sample: bytes) -> bool:
    return len(_NOT_SERBIAN.findall(sample)) >= _FEWEST_NOT_SERBIAN


def _latin_misfits(text: str) -> int:
    """How many of `text`'s non-ASCII characters don't belong in Central European text: a
    letter outside the one alphabet the others fit best (Czech "ą"), a symbol or control inside
    a word ("neře¶í"), a symbol that is no punctuation anywhere."""
    accented = [ch for ch in text.lower() if not ch.isascii() and ch.isalpha()]
    alphabet = max(_ALPHABETS, key=lambda letters: sum(ch in letters for ch in accented))
    misfits = 0
    for at, char in enumerate(text):
        if char.isascii():
            continue
        if char.isalpha():
            misfits += char.lower() not in alphabet
        elif char not in NON_ASCII_PUNCTUATION:
            misfits += 1
        elif 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha():
            misfits += 1  # "»" between two letters is a misread "ť"
    return misfits


# Greek's two: windows-1253 writes "Ά" as 0xA2, where ISO-8859-7 has "’", and ISO-8859-7 writes
# it as 0xB6, where windows-1253 has "¶". A Greek CMS writing windows-1253 under an ISO-8859-7
# label made "’ρειος Πάγος" of "Άρειος Πάγος" (acc41c C17), and nothing else told: the other
# bytes read alike. An apostrophe mostly ends an elided word ("απ’ όλους", "σ’αγαπώ"), after a
# letter; "’" or "¶" opening a word, before a Greek letter, is the other charset's "Ά" when the
# page writes no "Ά" of its declared charset's, twice at least. Greek elides a word's first
# vowel too ("τα ’χασε"), now and then: a page whose "’" also ends a word is ISO-8859-7's.
_GREEK_LETTER = rb"[\xb8-\xba\xbc\xbe-\xd1\xd3-\xfe]"
_WORD_START = rb"(?<![A-Za-z\xb6\xb8-\xba\xbc\xbe-\xd1\xd3-\xfe])"
_ELIDED = re.compile(rb"[\xb6\xb8-\xba\xbc\xbe-\xd1\xd3-\xfe]\xa2")
_OPENING = {
    code: re.compile(_WORD_START + byte + _GREEK_LETTER)
    for code, byte in ((b"cp1253", rb"\xa2"), (b"iso8859-7", rb"\xb6"))
}
_GREEK_FAMILY = ("cp1253", "iso8859-7")
_FEWEST_GREEK = 2


def _greek_sibling(body: bytes, declared: str) -> str | None:
    """The other of Greek's two charsets when the page writes "Ά" only as that one does."""
    (other,) = (codec for codec in _GREEK_FAMILY if codec != declared)
    theirs = len(_OPENING[other.encode()].findall(body))
    ours = len(_OPENING[declared.encode()].findall(body))
    if theirs < _FEWEST_GREEK or ours or (other == "cp1253" and _ELIDED.search(body)):
        return None
    return other


def _misread_sibling(body: bytes, declared: str) -> str | None:
    """The charset of the declared one's family that reads the page as real text where the
    declared one reads it as mojibake; None when the declared one reads it as well as any
    (ties keep the declaration). Only the page's non-ASCII words are decoded, once by each of
    a few charsets."""
    if declared in _CYRILLIC_LABELS:
        sample = _words_to_judge(body)
        family = _CYRILLIC_LABELS if _not_serbian(sample) else CYRILLIC_FAMILY
        if declared not in family:
            return None
        scores = {
            codec: cyrillic_likelihood(sample.decode(codec, errors="replace")) for codec in family
        }
        best = max(scores, key=scores.__getitem__)
        if best == declared:
            return None
        ours, theirs = (sample.decode(codec, errors="replace") for codec in (declared, best))
        differing = sum(a != b for a, b in zip(ours, theirs, strict=True))
        gain = scores[best] - scores[declared]
        return best if differing >= _FEWEST_TO_TELL and gain > _LIKELIER_BY * differing else None
    if declared == "cp1252":
        # ISO-8859-1 (read as windows-1252) said of an ISO-8859-15 page: "12 ¤", "¼uvre"; or
        # of a Turkish one in windows-1254 or ISO-8859-9: "Ýstanbul'da kýþ".
        words = _words_to_judge(body) if _LATIN_1_MISREAD_BYTES.search(body) else b""
        if words and latin_9_labelled_latin_1(words):
            return "iso8859-15"
        if words and turkish_labelled_latin_1(words, declared_language(body)):
            return "cp1254"
        return None
    if declared in _LATIN_2_FAMILY:
        sample = _words_to_judge(body)
        (other,) = (codec for codec in _LATIN_2_FAMILY if codec != declared)
        ours, theirs = (
            _latin_misfits(sample.decode(codec, errors="replace")) for codec in (declared, other)
        )
        # Twice as clean: a foreign name's letter fits neither reading.
        return other if 2 * theirs < ours else None
    if declared in _GREEK_FAMILY:
        return _greek_sibling(body, declared)
    if korean_labelled_japanese(_without_markup(body[:65536]), declared, declared_language(body)):
        # EUC-KR labelled EUC-JP: the same byte layout, read without an error as kanji.
        return "cp949"
    return None
