"""UTF-8 pages (and feeds, text pages, OPML files) some of whose bytes are no UTF-8: text an
old CMS's database or a copy and paste brought in from a single-byte charset. Those bytes are
read in the charset all of them together fit, windows-1252 ("habitu\xe9s"), one of the
Cyrillic family (a windows-1251 paragraph) or windows-1250 (a Polish or Czech one), and
everything else as the UTF-8 it is; and the pages whose bytes are a legacy charset
throughout, whatever they declare, told from them."""

from __future__ import annotations

import codecs
import itertools
import math
import re

from .cyrillic_text import CYRILLIC_FAMILY, cyrillic_likelihood, is_ascii_letter
from .latin_text import (
    CENTRAL_EUROPEAN,
    CENTRAL_EUROPEAN_LANGUAGES,
    WESTERN_LANGUAGES,
    latin_likelihood,
)


def mostly_not_utf8(body: bytes) -> bool:
    """More than a stray bad byte: a tenth or more of the non-ASCII text would be U+FFFD.
    Not a UTF-8 template whose later paragraphs are windows-1252 or windows-1251 (an old CMS's
    database): read as a legacy charset throughout, its UTF-8 half was mojibake ("cafÃ©",
    "РќРѕРІРѕСЃС‚Рё"); read as UTF-8, the other half's letters are read by
    `decode_with_strays`."""
    sample = body[:65536]
    try:
        sample.decode("utf-8")
        return False  # the common case, at C speed: every page that says UTF-8 and is
    except UnicodeDecodeError:
        pass
    # Not `final`: a character the sample's end cuts in two is no bad byte.
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample, final=False)
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if bad <= 8 or bad <= 0.1 * non_ascii:
        return False
    utf8_characters = non_ascii - bad
    escaped = sample.decode("utf-8", errors="surrogateescape")
    if utf8_characters < 8 or 4 * utf8_characters < bad:
        # Mostly legacy bytes: a legacy page whose few byte pairs happen to be UTF-8 ("«ТАСС»"
        # in windows-1251), unless some of it is UTF-8 words (a UTF-8 menu and footer around
        # an article in windows-1251, which read as windows-1251 were "Р“Р»Р°РІРЅР°СЏ"; a Polish
        # feed's "Wiadomości", whose one letter each is all its UTF-8) and the rest reads as
        # a Cyrillic or Central European charset.
        return (
            not _has_utf8_words(escaped)
            or _strays_charset(escaped, declared_language(body)) == "cp1252"
        )
    if _strays_charset(escaped, declared_language(body)) != "cp1252":
        return False  # paragraphs of Cyrillic text in windows-1251 or KOI8-R, read whole
    mended = codecs.getincrementaldecoder("utf-8")(errors=_BAD_UTF8_AS_WINDOWS_1252)
    return mended.decode(sample, final=False).count("\ufffd") > 8


# Two UTF-8 characters of two bytes in a row: every UTF-8 word of Cyrillic, Greek or
# accented Latin letters holds them ("Гл", "ół" written as "\xc3\xb3\xc5\x82" is one).
_TWO_BYTE_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf][\xc2-\xdf][\x80-\xbf]")
# Real UTF-8 words, enough to tell a page's UTF-8 frame (a menu of three) from a legacy page's
# words that are UTF-8 by chance ("Ні", two bytes of windows-1251, is UTF-8's "ͳ").
_FEWEST_UTF8_WORDS = 3
_WORD = re.compile(r"[^\s<>]+")
_STRAY = re.compile("[\udc80-\udcff]")
# The letters a UTF-8 word of a Cyrillic or Central European page holds: accented Latin ones
# and Russian, Ukrainian, Bulgarian and Serbian ones.
_UTF8_LETTER = re.compile("[\u00c0-\u017f\u0400-\u045f]")


def _has_utf8_words(text: str) -> bool:
    """`text` (decoded with "surrogateescape") holds UTF-8 words: a few with no stray byte and
    a Cyrillic or accented Latin letter, which a legacy charset's bytes make by chance only
    inside words of its own. Each word is looked at once (a regular expression matching such a
    word backtracked through a long one)."""
    found = 0
    for word in _WORD.finditer(text):
        found += not word.group().isascii() and (
            _STRAY.search(word.group()) is None and _UTF8_LETTER.search(word.group()) is not None
        )
        if found >= _FEWEST_UTF8_WORDS:
            return True
    return False


def utf8_words_and_legacy_text(body: bytes) -> bool:
    """A page whose bytes are neither all UTF-8 nor all one legacy charset: UTF-8 words (a
    menu, a footer) and text in a Cyrillic or Central European charset (an article kept in
    windows-1251). Read as UTF-8, its strays are read in their own charset
    (`decode_with_strays`): each part reads right, where either charset throughout misread
    the other part."""
    sample = body[:65536]
    if _TWO_BYTE_PAIR.search(sample) is None:
        return False  # most legacy pages, at C speed
    text = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode(
        sample, final=False
    )
    return _has_utf8_words(text) and _strays_charset(text, declared_language(body)) != "cp1252"


# cp1252's € … ‘ ’ “ ” – —: a Latin page's punctuation, wherever it stands.
_CP1252_PUNCTUATION = frozenset(b"\x80\x85\x91\x92\x93\x94\x96\x97")
# cp1252's letters under 0xC0: Š Œ Ž š œ ž Ÿ ("œuvre", "Škoda").
_CP1252_LETTERS = frozenset(b"\x8a\x8c\x8e\x9a\x9c\x9e\x9f")


def _reads_as_latin_1(page: bytes, at: int) -> bool:
    """The byte at `at` is cp1252's punctuation, or a Latin-1 letter in a word ("caf\xe9") or
    a word of its own ("\xe0")."""
    byte = page[at]
    if byte in _CP1252_PUNCTUATION:
        return True
    if (byte < 0xC0 and byte not in _CP1252_LETTERS) or byte in (0xD7, 0xF7):
        return False  # × and ÷ are no letters
    before = page[at - 1] if at > 0 else 32
    after = page[at + 1] if at + 1 < len(page) else 32
    if is_ascii_letter(before) or is_ascii_letter(after):
        return True
    return before < 128 and after < 128


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _windows_1252_for_bad_utf8(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: a byte that is no UTF-8, read as the windows-1252 letter or
    punctuation it stands for (`_reads_as_latin_1`), else U+FFFD. A UTF-8 template whose
    later paragraphs come from an old windows-1252 database ("habitu\xe9s") is common, and its
    text must read right, not "habitu\ufffds". A character the page cuts short (its lead byte
    and some of its continuation bytes: one error of two bytes or more) was UTF-8, and stays
    U+FFFD, as does junk ("\xff\xfe").

    Unless each of those bytes reads as Latin-1 too: "caf\xe9\x85" is "café…" in windows-1252,
    and its "é" a three-byte lead, its "…" a continuation byte, so the decoder reports the two
    as one error. But not "\xe2\x80": the first two bytes of UTF-8's dashes, quotes and "…",
    the characters a page cut short most often, whose windows-1252 reading "â€" is mojibake."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    page = error.object  # not copied: a page may hold many such bytes
    start, end = error.start, error.end
    if page[start : start + 2] != _CUT_PUNCTUATION and all(
        _reads_as_latin_1_or_symbol(page, at) for at in range(start, end)
    ):
        return page[start:end].decode("cp1252", errors="replace"), end
    return "\ufffd", end


_CUT_PUNCTUATION = b"\xe2\x80"


def _reads_as_latin_1_or_symbol(page: bytes, at: int) -> bool:
    """`_reads_as_latin_1`, or Latin-1's punctuation and symbols standing between ASCII
    characters ("\xab Bonjour \xbb", "20\xb0C")."""
    if _reads_as_latin_1(page, at):
        return True
    before = page[at - 1] if at > 0 else 32
    after = page[at + 1] if at + 1 < len(page) else 32
    return 0xA0 <= page[at] < 0xC0 and before < 128 and after < 128


_BAD_UTF8_AS_WINDOWS_1252 = "reader.bad-utf8-as-windows-1252"
codecs.register_error(_BAD_UTF8_AS_WINDOWS_1252, _windows_1252_for_bad_utf8)


def a_few_latin_letters(body: bytes) -> bool:
    """Not UTF-8 at all, for all its declaration: none of its non-ASCII bytes, in the whole
    page, makes a UTF-8 character, and each reads as a Latin letter or cp1252's punctuation
    (`_reads_as_latin_1`). Bytes that don't ("\xff\xfe" between spaces) are a stray fault in a
    UTF-8 page, and are replaced; so is a stray byte in a page with UTF-8 text elsewhere."""
    try:
        body.decode("utf-8")
        return False  # the common case, at C speed (ASCII, or real UTF-8)
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="replace")
    if text.count("\ufffd") != len(text) - len(text.encode("ascii", "ignore")):
        return False  # some of it is UTF-8
    return all(_reads_as_latin_1(body, high.start()) for high in _HIGH_BYTE.finditer(body))


# A word holding bytes that are no UTF-8 (escaped as U+DC80–U+DCFF by "surrogateescape"), and a
# run of non-ASCII characters holding one. Each tried only where a word (a run) begins: tried at
# every character, a long one without a stray (a base64 `data:` address, a paragraph of Chinese)
# was scanned again from each, and 200 KB of it took minutes.
_STRAY_WORD = re.compile(r"(?<![^\s<>])[^\s<>]*[\udc80-\udcff][^\s<>]*")
_STRAY_RUN = re.compile(r"(?<![^\x00-\x7f])[^\x00-\x7f]*[\udc80-\udcff][^\x00-\x7f]*")
# Enough to judge by, however long the page: a pasted paragraph is a few dozen words.
_STRAY_WORDS_JUDGED = 400
# Characters of the strays' Cyrillic reading that differ from their windows-1252 one, needed
# before the page is believed to hold Cyrillic: a sentence's letters, not one "é" read as "й".
_FEWEST_CYRILLIC = 8
# The least mean log-probability of those characters as Cyrillic text: Russian letters average
# -3 (their entropy); Latin letters read as Cyrillic ("cafй", "naпve") -8 and less, each a
# Cyrillic letter joined to Latin ones.
_CYRILLIC_AT_LEAST = -5.0


# A page's (or a feed's) language, as it names it: `<html lang="he">`, `<language>ru</language>`.
_LANGUAGE = re.compile(
    rb"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]{2,3})\b|<language>\s*([A-Za-z]{2,3})\b""",
    re.IGNORECASE,
)
_LANGUAGE_BYTES = 8192


def declared_language(body: bytes) -> str | None:
    """The code of the language a page or feed says it is in ("ru", "pl"), in lower case."""
    found = _LANGUAGE.search(body[:_LANGUAGE_BYTES])
    if found is None:
        return None
    return (found.group(1) or found.group(2)).decode("ascii").lower()


def decode_with_strays(body: bytes) -> str:
    """A UTF-8 page some of whose bytes are no UTF-8: text pasted from an older page in a
    single-byte charset, by a CMS or into a feed's item. All of the page's stray words are judged
    together (`_strays_charset`): in windows-1252 (a Latin page's "é" and curly quotes) each
    byte is read by `_windows_1252_for_bad_utf8`; in a Cyrillic charset, each run of non-ASCII
    characters holding one is read whole with it. (A capital and "і" of windows-1251 is valid
    UTF-8, "Ві" read "³": only the run as a whole tells; and a word of its own whose bytes are
    all UTF-8 by chance, "Ні", is read in that charset when it reads there as Cyrillic.)"""
    text = body.decode("utf-8", errors="surrogateescape")
    charset = _strays_charset(text, declared_language(body))
    if charset == "cp1252":
        return body.decode("utf-8", errors=_BAD_UTF8_AS_WINDOWS_1252)
    if charset in CENTRAL_EUROPEAN:
        return _STRAY_WORD.sub(lambda word: _read_word(word.group(), charset), text)
    text = _STRAY_RUN.sub(
        lambda run: run.group().encode("utf-8", "surrogateescape").decode(charset, "replace"),
        text,
    )
    return _WORD_BY_CHANCE.sub(lambda word: _cyrillic_by_chance(word.group(), charset), text)


# A word of its own, between no letters or digits, whose characters are two-byte UTF-8 but no
# Russian or Ukrainian letter: a short word of the strays' charset whose bytes are UTF-8 by
# chance ("Ні" of windows-1251 is UTF-8's "ͳ", "Ві" is "³", "Мі" a combining line).
_WORD_BY_CHANCE = re.compile(r"(?<!\w)[\u0080-\u03ff\u0460-\u048f\u0492-\u07ff]+(?!\w)")
# The least mean log-probability (`cyrillic_likelihood`) of such a word's reading in the
# strays' charset: "Ні" measures -4.0, "Ві" -4.2; a UTF-8 "½" or "£" read so ("ВЅ", "ВЈ")
# -6 and -5.4, and stays.
_BY_CHANCE_AT_LEAST = -5.0


def _cyrillic_by_chance(word: str, charset: str) -> str:
    """`word`'s bytes read in the Cyrillic `charset`, if they read there as a word of Cyrillic
    letters; else `word` as it is (a UTF-8 "½" or "é" standing alone)."""
    reading = word.encode("utf-8").decode(charset, "replace")
    letters = all("\u0400" <= char <= "\u045f" or "\u0490" <= char <= "\u0491" for char in reading)
    if letters and cyrillic_likelihood(reading) >= _BY_CHANCE_AT_LEAST * len(reading):
        return reading
    return word


def _made_by_chance(char: str, codec: str) -> bool:
    """A UTF-8 character of a stray word that two letters of the Latin single-byte `codec` make
    by chance ("GĘŚ" of a headline in capitals is "Gʌ" in UTF-8); not one that reads in it as a
    letter and a symbol ("д" is "Đ´"): a UTF-8 word that a stray byte follows ("дорог.\xff")."""
    if char.isascii() or "\udc80" <= char <= "\udcff":
        return True
    try:
        return char.encode().decode(codec).isalpha()
    except UnicodeDecodeError:
        # A byte `codec` leaves undefined (0x88 in windows-1250): no text of it, by chance or not.
        return False


def _legacy_bytes(word: str, codec: str) -> bytes:
    """The bytes of a stray word (decoded with "surrogateescape") that are text in `codec`, a
    space for each UTF-8 character that is not (`_made_by_chance`)."""
    if _UTF8_CHARACTER.search(word) is None:
        return word.encode("utf-8", "surrogateescape")  # the common case: no UTF-8 in it
    return b"".join(
        char.encode("utf-8", "surrogateescape") if _made_by_chance(char, codec) else b" "
        for char in word
    )


def _read_word(word: str, codec: str) -> str:
    """A stray word read in the Latin single-byte `codec`: whole, but for the UTF-8 characters
    it holds that are not `_made_by_chance`, which stay as they are."""
    if _UTF8_CHARACTER.search(word) is None or all(_made_by_chance(ch, codec) for ch in word):
        return word.encode("utf-8", "surrogateescape").decode(codec, "replace")
    return _STRAY_BYTES.sub(
        lambda run: run.group().encode("utf-8", "surrogateescape").decode(codec, "replace"), word
    )


_STRAY_BYTES = re.compile("[\udc80-\udcff]+")
_UTF8_CHARACTER = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _strays_charset(text: str, language: str | None) -> str:
    """The single-byte charset the stray bytes of a UTF-8 page (`text` decoded with
    "surrogateescape") are written in: the charset of the Cyrillic family whose reading of the
    stray words is likeliest as Cyrillic text (`cyrillic_likelihood`), if that reading is as
    likely as text and differs from windows-1252's in enough letters; else windows-1250 or
    ISO-8859-2 when the strays read in it as a Central European language
    (`_central_european_or_western`); else windows-1252 — a Western page's stray letters, and
    the thin evidence of a few bytes. `language` is the one the page names, if any."""
    stray_words = [
        word.group() for word in itertools.islice(_STRAY_WORD.finditer(text), _STRAY_WORDS_JUDGED)
    ]
    words = b" ".join(word.encode("utf-8", "surrogateescape") for word in stray_words)
    western = words.decode("cp1252", errors="replace")
    best, best_score = "cp1252", -math.inf
    for codec in CYRILLIC_FAMILY:
        reading = words.decode(codec, errors="replace")
        # Only what the readings tell apart: punctuation they share ("…", "«", "—") is no
        # evidence either way, and a Latin page's curly quotes would pad its score.
        differing = "".join(
            ours if ours.isascii() or ours != theirs else " "
            for ours, theirs in zip(reading, western, strict=True)
        )
        count = len(differing) - len(differing.encode("ascii", "ignore"))
        if count >= _FEWEST_CYRILLIC:
            score = cyrillic_likelihood(differing) / count
            if score > best_score:
                best, best_score = codec, score
    if best_score >= _CYRILLIC_AT_LEAST:
        return best
    # Judged by the strays and the UTF-8 characters they made by chance, not by the UTF-8 text
    # a stray byte follows ("дорог.\xff": "Đ´ĐžŃ€ĐžĐł" in windows-1250).
    legacy = b" ".join(_legacy_bytes(word, CENTRAL_EUROPEAN[0]) for word in stray_words)
    return _central_european_or_western(legacy, legacy.decode("cp1252", "replace"), language)


# Characters of a Central European reading of the strays that differ from windows-1252's,
# needed before it is believed: two ("Łódź"), not the one "è" of "crème".
_FEWEST_CENTRAL = 2
# How much likelier (a log-probability) the Central European reading must be, in all and for
# each such character. A page in another language, or none named, holds a few words of one by
# chance: an Italian page's "lunedì" and "martedì" read in Czech ("pondělí") are "lunedě" and
# "martedě", as likely as Czech as they are as Italian. On a page in one of them, paragraphs
# pasted from an older page of the site are the likeliest reason for the strays; a sentence of
# Croatian measured 0.8 a character, of Hungarian 2.2.
_CENTRAL_LIKELIER_BY = 6.0
_CENTRAL_LIKELIER_EACH_BY = 1.0
_CENTRAL_LIKELIER_BY_IN_ONE = 2.0
_CENTRAL_LIKELIER_EACH_BY_IN_ONE = 0.5
_CENTRAL_EUROPEAN_CODES = frozenset({"pl", "cs", "sk", "hu", "hr", "sl", "bs", "sr", "sh"})
# ISO-8859-2 is the rarer of the two on the web: it is taken only when likelier by this much
# (a Slovak "ľ" of windows-1250 read as ISO-8859-2's "ž" was likelier by 0.7).
_ISO_LIKELIER_BY = 1.5


def _central_european_or_western(words: bytes, western: str, language: str | None) -> str:
    """windows-1250 (or ISO-8859-2) when the strays `words` read in it as one Central European
    language's text likelier by far than as one Western language's in windows-1252; else
    windows-1252. Only the characters the two read differently tell anything: German strays
    read alike in both ("ä", "ö", "ü", "ß"), and so do "é", "á", "ó", "š"."""
    in_one = language in _CENTRAL_EUROPEAN_CODES
    bar = _CENTRAL_LIKELIER_BY_IN_ONE if in_one else _CENTRAL_LIKELIER_BY
    each = _CENTRAL_LIKELIER_EACH_BY_IN_ONE if in_one else _CENTRAL_LIKELIER_EACH_BY
    best, best_gain = "cp1252", bar
    for codec in CENTRAL_EUROPEAN:
        reading = words.decode(codec, errors="replace")
        differing = [
            at
            for at, (ours, theirs) in enumerate(zip(reading, western, strict=True))
            if ours != theirs
        ]
        if len(differing) < _FEWEST_CENTRAL:
            continue
        gain = latin_likelihood(reading, CENTRAL_EUROPEAN_LANGUAGES, differing) - latin_likelihood(
            western, WESTERN_LANGUAGES, differing
        )
        if codec != CENTRAL_EUROPEAN[0]:
            gain -= _ISO_LIKELIER_BY
        if gain > best_gain and gain >= each * len(differing):
            best, best_gain = codec, gain
    return best
