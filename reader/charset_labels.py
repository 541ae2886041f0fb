"""The charset a page or a feed declares, as the Python codec a browser would read it with: a
label (aliases, supersets, labels no page may use), a Content-Type's charset, a `<meta>`'s, an
XML declaration's."""

from __future__ import annotations

import codecs
import re
from functools import cache

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_PRESCAN_BYTES = 8192
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
# Looked up on first use, as `_web_codecs` is: each lookup imports its codec's module, and the
# forty-odd of them were a share of every command's start-up.
@cache
def _supersets() -> dict[str, str]:
    return {
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


# The codecs of the WHATWG Encoding Standard's encodings, the only ones a browser decodes a page
# with (after `_supersets`). Python's codec registry also knows "base64", "zlib", "rot13" (bytes
# to bytes, which `bytes.decode` refuses with LookupError), and UTF-32 or EBCDIC (cp500, cp037),
# which no browser reads: a page or feed naming one is read as naming none, and its bytes decide.
@cache
def _web_codecs() -> frozenset[str]:
    return frozenset(
        codecs.lookup(name).name
        for name in (
            "utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp866", "iso8859_2", "iso8859_3",
            "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_10",
            "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
            "mac_roman", "mac_cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253",
            "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gb18030", "big5hkscs", "euc_jp",
            "iso2022_jp", "cp932", "cp949",
        )
    )  # fmt: skip


# Text codecs of Python's that read no charset: they raise on any byte ("undefined"), turn a
# text's "\\u001b" into a control ("unicode-escape"), or read host names ("idna", "punycode").
_NOT_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "charmap", "utf-7"}
)


def _codec_of(label: str) -> str | None:
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # `_is_text_encoding` is False for the bytes-to-bytes and str-to-str codecs (base64, rot13).
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return _supersets().get(info.name, info.name)


def normalise_charset(label: str | None) -> str | None:
    """The Python codec a browser's decoder for a charset label amounts to, or None when the
    label names no encoding a browser knows."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    if label.replace("_", "-") in _NOT_FOR_PAGES:
        return None
    name = _codec_of(label)
    return name if name in _web_codecs() else None


def guessed_codec(name: str) -> str | None:
    """The codec for a charset a statistical detector named: any real text encoding (it may
    rightly find a DOS or Mac page's), as its browser superset; never a bytes-to-bytes codec."""
    return _codec_of(name.strip().lower())


def is_text_codec(name: str) -> bool:
    """Whether `bytes.decode` with this codec gives text (not "base64", "zlib", "rot13")."""
    return _codec_of(name) is not None


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


_XML_ENCODING = re.compile(rb"""^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")


def xml_declared_charset(body: bytes) -> str | None:
    """The codec an XML document's declaration names (`<?xml … encoding="…"?>`), if any."""
    match = _XML_ENCODING.match(body[:1024])
    return normalise_charset(match.group(1).decode("ascii")) if match else None
