"""Bytes of an HTML page → text, the same way for a fetch and for `reader extract FILE`; and
the codec to read a feed's bytes with.

Order: byte-order mark (or UTF-16's zero bytes without one), then the HTTP header's charset,
then a `<meta charset>` or `http-equiv` declaration in the first bytes, then strict UTF-8, then
statistical detection.
A declaration the bytes plainly contradict (a legacy charset on valid multi-byte UTF-8, UTF-8 on
bytes that mostly aren't) is overruled: mojibake must never reach the cache. So is one that reads
them without an error but as the wrong letters of its script (KOI8-R labelled windows-1251).

The declared charset's labels are read in `charset_labels`, a contradicted or misread declaration
told in `charset_misread`, and a page declaring none guessed in `charset_guess` (the bytes they
judge by are `charset_sample`'s).
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

from .charset_guess import _guess
from .charset_labels import (
    is_text_codec,
    normalise_charset,
    sniff_meta_charset,
    xml_declared_charset,
)
from .charset_misread import _CLEAN, _alternatives, _contradicted, _mess, _misread_sibling
from .cyrillic_text import CYRILLIC_FAMILY
from .mark_runs import MOST_MARKS, capped_marks
from .mixed_charset import (
    a_few_latin_letters,
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
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_UNPARSEABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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


def detect_feed_charset(body: bytes, header_charset: str | None = None) -> str:
    """The codec to read a feed with: its BOM, else the encoding its XML declaration names, else
    the HTTP header's charset, else UTF-8 (XML's default); a declaration the bytes plainly
    contradict is overruled as for a page.

    The document's own declaration comes before the header, unlike a page's `<meta>`: a feed is
    written with its declaration by the program that wrote its bytes, while a server's charset
    is often its default for every file (and feeds were always read so here)."""
    declared = xml_declared_charset(body)
    return detect_charset(body, declared or normalise_charset(header_charset) or "utf-8")


# How EBCDIC and UTF-32 write "<?": no feed is written so, and they are not read.
_UNREAD_ENCODINGS = (b"\x4c\x6f\xa7\x94", b"<\x00\x00\x00", b"\x00\x00\x00<", b"\xff\xfe\x00\x00")


def decode_feed(body: bytes, header_charset: str | None = None) -> str:
    """A feed's XML (RSS, Atom, a sitemap) decoded as it will be parsed, by `detect_feed_charset`:
    expat, handed the bytes, reads no multi-byte legacy charset (Shift_JIS, GBK, Big5…) and
    raises on a label it doesn't know. UTF-16 without a byte-order mark is known by where its
    zero bytes fall, whatever it declares (or doesn't). ValueError for EBCDIC and UTF-32."""
    if body.startswith(_UNREAD_ENCODINGS):
        raise ValueError("written in EBCDIC or UTF-32, which feeds are not")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"  # the mark says which end comes first
    else:
        codec = detect_feed_charset(body, header_charset)
    return decode(body, codec)


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
    Valid UTF-8 is decoded at C speed, nothing else worked out. A codec that is no text
    encoding ("base64", or a name Python doesn't know) is never used: UTF-8 instead. A run of
    combining marks is cut to the 30 any writing needs (`mark_runs`), and the text composed
    (`in_nfc`)."""
    return capped_marks(_decoded(body, codec))


def in_nfc(text: str) -> str:
    """`text` composed (NFC). Windows-1258 spells most Vietnamese letters as a base and a
    combining tone mark, and Mac tools write UTF-8 decomposed (Korean as its jamo, "기자" six
    characters, Vietnamese's tones apart); a browser shows them composed, and a byline's rules,
    a date's month, a quote pasted elsewhere or a grep must meet the composed letters every
    other page gives ("số", not "so\u0301"; "김민수 기자" was cited whole, its "기자" unseen).
    Composing sorts a letter's marks, in time growing as their square: they are cut first."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", capped_marks(text))


def _decoded(body: bytes, codec: str) -> str:
    return in_nfc(_as_decoded(body, codec))


def _as_decoded(body: bytes, codec: str) -> str:
    name = codecs.lookup(codec).name if is_text_codec(codec) else "utf-8"
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
    if "&#" in text:
        # An escape sequence written with references ("&#x1b;]0;title&#x7;") goes whole too:
        # dropped alone, its ESC left "]0;title" and "[2J[31m" in the text.
        text = _ESCAPE_REFERENCE.sub(_raw_control, text)
        # Combining marks written as references are cut as written ones are (`decode`).
        text = _REFERENCE_RUN.sub(_capped_references, text)
    text = _windows_1252_c1(_UNPARSEABLE.sub("", without_escape_sequences(text)))
    return _CHAR_REFERENCE.sub(_drop_unparseable_reference, text)


_REFERENCE_RUN = re.compile(
    f"(?:&#(?:[xX][0-9a-fA-F]{{1,8}}|[0-9]{{1,10}});?){{{MOST_MARKS + 1},}}"
)
"""More references in a row than a run of marks may hold."""


def _capped_references(match: re.Match[str]) -> str:
    """A run of references as it was, unless it writes more marks in a row than `mark_runs`
    keeps: then the characters, the run cut, escaped as markup again."""
    written = html.unescape(match.group())
    capped = capped_marks(written)
    return match.group() if capped == written else html.escape(capped)


# References to ESC and to the BEL and ESC that end an operating-system command, whole: the
# start of another's ("&#7879;", Vietnamese's ệ; "&#769;", a combining acute) made a BEL.
_ESCAPE_REFERENCE = re.compile(r"&#(?:[xX]0*(?:1[bB]|7)(?![0-9a-fA-F])|0*(?:27|7)(?![0-9]));?")


def _raw_control(match: re.Match[str]) -> str:
    digits = match.group()[2:].rstrip(";")
    return chr(int(digits[1:], 16) if digits[:1] in "xX" else int(digits))


def _windows_1252_c1(text: str) -> str:
    return text.translate(_C1_AS_WINDOWS_1252) if _C1.search(text) else text
