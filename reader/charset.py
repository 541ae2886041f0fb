"""Bytes of an HTML page → text, the same way for a fetch and for `reader extract FILE`; and
the codec to read a feed's bytes with.

Order: byte-order mark (or UTF-16's zero bytes without one), then the HTTP header's charset,
then a `<meta charset>` or `http-equiv` declaration in the first bytes, then strict UTF-8, then
statistical detection.
A declaration the bytes plainly contradict (a legacy charset on valid multi-byte UTF-8, UTF-8 on
bytes that mostly aren't) is overruled: mojibake must never reach the cache. So is one that reads
them without an error but as the wrong letters of its script (KOI8-R labelled windows-1251).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator

from .cyrillic_text import CYRILLIC_FAMILY, NON_ASCII_PUNCTUATION, cyrillic_likelihood
from .japanese_text import reads_as_japanese
from .latin_alphabets import (
    ANY_WESTERN,
    WESTERN_ALPHABETS,
    central_european_charset,
    latin_9_labelled_latin_1,
    reads_as,
    western_page,
)
from .mixed_charset import (
    a_few_latin_letters,
    declared_language,
    decode_with_strays,
    mostly_not_utf8,
    utf8_words_and_legacy_text,
)
from .safe import without_escape_sequences
from .sniff import utf16_without_bom

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_PRESCAN_BYTES = 8192
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_UNPARSEABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Labels Python doesn't know, by the codec browsers decode them with (WHATWG encoding standard).
_ALIASES = {
    "x-cp1251": "cp1251",
    "win-1251": "cp1251",
    "unicode-1-1-utf-8": "utf-8",
    "iso-8859-8-i": "iso8859_8",
    "csiso88598i": "iso8859_8",
    "logical": "iso8859_8",
    "x-mac-cyrillic": "mac_cyrillic",
    "x-mac-ukrainian": "mac_cyrillic",
    "koi8-ru": "koi8_u",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "x-gbk": "gb18030",
    "x-euc-jp": "euc_jp",
}
# Codecs browsers replace with a superset, whatever the label: a page that says latin-1 or
# ASCII is decoded as windows-1252 (its curly quotes are 0x93/0x94), GB2312 as GB18030, Shift_JIS
# as Microsoft's (①, 髙), and so on. Decoded by the label's letter, those characters were lost.
_SUPERSETS = {
    codecs.lookup(name).name: superset
    for name, superset in {
        "latin_1": "cp1252",
        "ascii": "cp1252",
        "iso8859_9": "cp1254",
        "iso8859_11": "cp874",
        "tis_620": "cp874",
        "gb2312": "gb18030",
        "gbk": "gb18030",
        "shift_jis": "cp932",
        "euc_kr": "cp949",
        "big5": "big5hkscs",
    }.items()
}


# Charsets no browser decodes a page with: UTF-7 turns "+ADw-script+AD4-" into "<script>".
_NOT_FOR_PAGES = frozenset(
    {"utf-7", "unicode-1-1-utf-7", "csunicode11utf7", "x-imap4-modified-utf7"}
)


def normalise_charset(label: str | None) -> str | None:
    """The Python codec a browser's decoder for a charset label amounts to, or None when the
    label names nothing we know."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    if label.replace("_", "-") in _NOT_FOR_PAGES:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return normalise_charset(value)
    return None


def sniff_meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_PRESCAN_BYTES])
    if not match:
        return None
    found = normalise_charset(match.group(1).decode("ascii", "ignore"))
    # A page that is really UTF-16 can't declare it in ASCII-compatible bytes; browsers read it as UTF-8.
    return "utf-8" if found and found.startswith("utf-16") else found


def _is_multibyte_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_charset(body: bytes, header_charset: str | None = None) -> str:
    """The codec to decode `body` with."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if utf16 := utf16_without_bom(body):
        # Before any declaration: a "utf-16" header doesn't say which end comes first, and an
        # ASCII <meta> can't be read in these bytes.
        return utf16
    declared = normalise_charset(header_charset) or sniff_meta_charset(body)
    if declared and declared.startswith("utf-16") and b"\x00" not in body[:1024]:
        # UTF-16 writes every ASCII character with a zero byte: a page without them isn't UTF-16
        # (read so, its every two letters would be one CJK character). With them, the header
        # is believed where the bytes alone didn't tell (`utf16_without_bom`).
        declared = sniff_meta_charset(body)
    if declared == "utf-8" and (mostly_not_utf8(body) or a_few_latin_letters(body)):
        # The other stale declaration: a server (or a <meta>) that says UTF-8 for every page,
        # serving an old windows-1251 one, or a Latin-1 one with its one "café". Decoding it as
        # UTF-8 would cache U+FFFD; the page's own <meta>, else the bytes themselves, know
        # better.
        meta = sniff_meta_charset(body)
        return meta if meta and meta != "utf-8" else _guess(body)
    if declared and declared != "utf-8" and _is_multibyte_utf8(body):
        # Declarations go stale: a CMS that moved to UTF-8 keeps <meta charset="gb2312">, a
        # server's default header says ISO-8859-1 for every page. Bytes that are valid UTF-8 with
        # multi-byte sequences are almost never text in a legacy charset, and reading them as
        # one is mojibake ("Ã©tÃ©") in the cache.
        return "utf-8"
    if declared in _SINGLE_BYTE_WITH_STRAYS and utf8_words_and_legacy_text(body):
        # Half stale: a windows-1251 page whose menu and footer a newer UTF-8 template wrote.
        # Read by its declaration, that UTF-8 was "Р“Р»Р°РІРЅР°СЏ"; as UTF-8, its article's
        # bytes are read in their own charset.
        return "utf-8"
    # Worked out once: the family's sibling is the first alternative to a contradicted
    # declaration, and overrules a clean-reading one too.
    sibling = _misread_sibling(body, declared) if declared else None
    if declared and declared != "utf-8" and _contradicted(body, declared):
        # A legacy declaration the bytes don't bear out: Apache's default "ISO-8859-1" header
        # on a windows-1251 page ("Ãîðîäñêîé"), Shift_JIS said of EUC-JP, a Czech windows-1250
        # page labelled ISO-8859-2 (its "ž" a C1 control). The page's own <meta>, when it
        # reads clean, else the bytes themselves; a browser shows such a page as mojibake, and
        # the cache must not keep it.
        # Accepted when it reads clean, or at least twice as clean as the declaration (a long
        # page measured by samples may score 0.05 by its right charset).
        bar = max(_CLEAN, _mess(body, declared) / 2)
        for other in _alternatives(body, declared, sibling):
            if other != declared and _mess(body, other) <= bar:
                return other
    if sibling:
        return sibling
    if declared:
        return declared
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if utf8_words_and_legacy_text(body):
        return "utf-8"  # a UTF-8 menu and footer, and an article in windows-1251
    return _guess(body)


# The legacy charsets whose text `decode_with_strays` reads in a UTF-8 page.
_SINGLE_BYTE_WITH_STRAYS = frozenset({*CYRILLIC_FAMILY, "cp1250", "iso8859-2", "cp1252"})


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
_LATIN_9_BYTES = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")
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


_SAMPLE_WORDS = 400
# Tried only where a word begins: tried at every byte, a long word without a high byte (30 KB
# of a token, in a hostile page) was scanned again from each, for 46 s.
_WORD_WITH_HIGH_BYTES = re.compile(rb"(?<![^\s<>])[^\s<>]*[\x80-\xff][^\s<>]*")


def _words_to_judge(body: bytes) -> bytes:
    """The page's first few hundred words written with bytes over 127, outside its markup:
    the only bytes a family's charsets read differently."""
    text = _without_markup(body[:65536])
    return b" ".join(_WORD_WITH_HIGH_BYTES.findall(text)[:_SAMPLE_WORDS])


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
        # ISO-8859-1 (read as windows-1252) said of an ISO-8859-15 page: "12 ¤", "¼uvre".
        words = _words_to_judge(body) if _LATIN_9_BYTES.search(body) else b""
        return "iso8859-15" if words and latin_9_labelled_latin_1(words) else None
    if declared in _LATIN_2_FAMILY:
        sample = _words_to_judge(body)
        (other,) = (codec for codec in _LATIN_2_FAMILY if codec != declared)
        ours, theirs = (
            _latin_misfits(sample.decode(codec, errors="replace")) for codec in (declared, other)
        )
        # Twice as clean: a foreign name's letter fits neither reading.
        return other if 2 * theirs < ours else None
    return None


_XML_ENCODING = re.compile(rb"""^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")


def detect_feed_charset(body: bytes, header_charset: str | None = None) -> str:
    """The codec to read a feed with: its BOM, else the encoding its XML declaration names, else
    the HTTP header's charset, else UTF-8 (XML's default); a declaration the bytes plainly
    contradict is overruled as for a page.

    The document's own declaration comes before the header, unlike a page's `<meta>`: a feed is
    written with its declaration by the program that wrote its bytes, while a server's charset
    is often its default for every file (and feeds were always read so here)."""
    declared = xml_declared_charset(body)
    return detect_charset(body, declared or normalise_charset(header_charset) or "utf-8")


def xml_declared_charset(body: bytes) -> str | None:
    """The codec an XML document's declaration names (`<?xml … encoding="…"?>`), if any."""
    match = _XML_ENCODING.match(body[:1024])
    return normalise_charset(match.group(1).decode("ascii")) if match else None


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
# The accented letters of the languages written in those charsets.
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíóúñü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíòóù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "éëïóöü",  # Dutch
    "æøåé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșşțţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Bosnian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
    "âçğıîöşü",  # Turkish
)


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
# Markup, script and style, left out of what the detector measures: a short page's few lines of
# Japanese among its ASCII tags measured no more Japanese in EUC-JP than in EUC-KR, and the tie
# went to the Korean mojibake. ("<" and ">" are no trail byte in any legacy multi-byte charset.)
_RAW_TEXT_OPEN = re.compile(rb"<(script|style)\b", re.IGNORECASE)
_RAW_TEXT_CLOSE = {
    name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in (b"script", b"style")
}


def _without_markup(sample: bytes) -> bytes:
    """`sample`'s text: each tag, comment, script and style a space. One pass, each byte
    looked at once: a regular expression's lazy `<script.*?</script>` rescanned the rest of
    the page from every unclosed opener (3.4 s for 64 KB of "<script>")."""
    out: list[bytes] = []
    at, end = 0, len(sample)
    while at < end:
        lt = sample.find(b"<", at)
        if lt < 0:
            out.append(sample[at:])
            break
        out.append(sample[at:lt])
        out.append(b" ")
        if sample.startswith(b"<!--", lt):
            close = sample.find(b"-->", lt + 4)
            at = end if close < 0 else close + 3
            continue
        gt = sample.find(b">", lt + 1)
        if gt < 0:
            break  # a tag left open to the end
        at = gt + 1
        raw = _RAW_TEXT_OPEN.match(sample, lt)
        if raw is not None:
            closing = _RAW_TEXT_CLOSE[raw.group(1).lower()].search(sample, at)
            at = end if closing is None else closing.end()
    return b"".join(out)


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
    if reads_as_japanese(sample):
        # Its kana tell it: statistics measured a short paragraph as no likelier Japanese in
        # EUC-JP than Korean in EUC-KR, and took the Korean.
        return "euc_jp"
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
    matches = list(from_bytes(sample, preemptive_behaviour=False))
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
    return normalise_charset(best.encoding) or "cp1252"


def _drop_unparseable_reference(match: re.Match[str]) -> str:
    """`&#27;` and friends would put the same characters into the tree: drop them too."""
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if code > 0x10FFFF or _UNPARSEABLE.match(
        chr(code) if code < 0xD800 or code > 0xDFFF else "\ud800"
    ):
        return ""
    return match.group(0)


def decode(body: bytes, codec: str) -> str:
    """`body` decoded with `codec`, never failing: bytes it can't decode become U+FFFD, but in
    UTF-8 a page's stray bytes of a single-byte charset are read with it (`decode_with_strays`).
    Valid UTF-8 is decoded at C speed, nothing else worked out."""
    name = codecs.lookup(codec).name
    if name == "cp1258":
        # Windows-1258 spells most Vietnamese letters as a base and a combining tone mark; a
        # browser shows them composed, and a quote pasted elsewhere or a grep must match the
        # composed letters every other page gives ("số", not "so\u0301").
        return unicodedata.normalize("NFC", body.decode(codec, errors="replace"))
    if name != "utf-8":
        return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return decode_with_strays(body)


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Decode a page; undecodable bytes become U+FFFD rather than failing the whole article."""
    text = clean_markup(decode(body, detect_charset(body, header_charset)))
    return text[1:] if text.startswith("\ufeff") else text


def decode_text(body: bytes, header_charset: str | None = None) -> str:
    """Decode a plain-text page as `decode_html` does a page, C1 controls read as the
    windows-1252 characters they stand for (controls and escapes are `safe`'s to remove)."""
    text = decode(body, detect_charset(body, header_charset))
    return _windows_1252_c1(text).removeprefix("\ufeff")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def without_xml_declaration(text: str) -> str:
    """A decoded page without the `<?xml … encoding=…?>` an XHTML page opens with: lxml
    refuses to parse text that still declares its encoding."""
    return _XML_DECLARATION.sub("", text, count=1)


# C1 controls (U+0080–U+009F) are never text in HTML; in a page they are windows-1252 bytes that
# a CMS stored as Latin-1 and served again as UTF-8: its quotes (“ ” U+0093/U+0094), dashes and
# "ž". A browser's parser reads the references &#147; and &#x9E; as those characters; the
# written characters are read the same way. The five bytes windows-1252 leaves undefined stay
# controls, for `safe` to remove.
_C1 = re.compile("[\x80-\x9f]")
_C1_AS_WINDOWS_1252 = {
    byte: char
    for byte in range(0x80, 0xA0)
    if (char := bytes([byte]).decode("cp1252", errors="ignore"))
}


def clean_markup(text: str) -> str:
    """HTML without the characters no HTML/XML tree may hold, written or as references (lxml
    refuses them when text is set or moved: a player's title holding one stopped the whole
    extraction). Escape sequences go whole first, so no "]0;title" is left of one; C1 controls
    become the windows-1252 characters they stand for."""
    text = _windows_1252_c1(_UNPARSEABLE.sub("", without_escape_sequences(text)))
    return _CHAR_REFERENCE.sub(_drop_unparseable_reference, text)


def _windows_1252_c1(text: str) -> str:
    return text.translate(_C1_AS_WINDOWS_1252) if _C1.search(text) else text
