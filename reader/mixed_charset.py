"""UTF-8 pages (and feeds, text pages, OPML files) some of whose bytes are no UTF-8: text an
old CMS's database or a copy and paste brought in from a single-byte charset. Those bytes are
read in the charset all of them together fit, windows-1252 ("habitu\xe9s") or one of the
Cyrillic family (a windows-1251 paragraph), and everything else as the UTF-8 it is; and the
pages whose bytes are a legacy charset throughout, whatever they declare, told from them."""

from __future__ import annotations

import codecs
import itertools
import math
import re

from .cyrillic_text import CYRILLIC_FAMILY, cyrillic_likelihood, is_ascii_letter


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
    if utf8_characters < 8 or 4 * utf8_characters < bad:
        # A legacy page's few byte pairs that happen to be UTF-8 ("«ТАСС»" in windows-1251)
        return True
    if _strays_charset(sample.decode("utf-8", errors="surrogateescape")) != "cp1252":
        return False  # paragraphs of Cyrillic text in windows-1251 or KOI8-R, read whole
    mended = codecs.getincrementaldecoder("utf-8")(errors=_BAD_UTF8_AS_WINDOWS_1252)
    return mended.decode(sample, final=False).count("\ufffd") > 8


# cp1252's € … ‘ ’ “ ” – —: a Latin page's punctuation, wherever it stands.
_CP1252_PUNCTUATION = frozenset(b"\x80\x85\x91\x92\x93\x94\x96\x97")


def _reads_as_latin_1(page: bytes, at: int) -> bool:
    """The byte at `at` is cp1252's punctuation, or a Latin-1 letter in a word ("caf\xe9") or
    a word of its own ("\xe0")."""
    byte = page[at]
    if byte in _CP1252_PUNCTUATION:
        return True
    if byte < 0xC0 or byte in (0xD7, 0xF7):  # × and ÷ are no letters
        return False
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


def decode_with_strays(body: bytes) -> str:
    """A UTF-8 page some of whose bytes are no UTF-8: text pasted from an older page in a
    single-byte charset, by a CMS or into a feed's item. All of the page's stray words are judged
    together (`_strays_charset`): in windows-1252 (a Latin page's "é" and curly quotes) each
    byte is read by `_windows_1252_for_bad_utf8`; in a Cyrillic charset, each run of non-ASCII
    characters holding one is read whole with it. (A capital and "і" of windows-1251 is valid
    UTF-8, "Ві" read "³": only the run as a whole tells.)"""
    text = body.decode("utf-8", errors="surrogateescape")
    charset = _strays_charset(text)
    if charset == "cp1252":
        return body.decode("utf-8", errors=_BAD_UTF8_AS_WINDOWS_1252)
    return _STRAY_RUN.sub(
        lambda run: run.group().encode("utf-8", "surrogateescape").decode(charset, "replace"),
        text,
    )


def _strays_charset(text: str) -> str:
    """The single-byte charset the stray bytes of a UTF-8 page (`text` decoded with
    "surrogateescape") are written in: the charset of the Cyrillic family whose reading of the
    stray words is likeliest as Cyrillic text (`cyrillic_likelihood`), if that reading is as
    likely as text and differs from windows-1252's in enough letters; else windows-1252 — a
    Latin page's stray letters, and the thin evidence of a few bytes."""
    words = b" ".join(
        word.group().encode("utf-8", "surrogateescape")
        for word in itertools.islice(_STRAY_WORD.finditer(text), _STRAY_WORDS_JUDGED)
    )
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
    return best if best_score >= _CYRILLIC_AT_LEAST else "cp1252"
