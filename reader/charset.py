"""Bytes of an HTML page → text, the same way for a fetch and for `reader extract FILE`.

Order: byte-order mark, then the HTTP header's charset, then a `<meta charset>` or
`http-equiv` declaration in the first bytes, then strict UTF-8, then statistical detection.
"""

from __future__ import annotations

import codecs
import re

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
# What browsers treat these labels as (WHATWG encoding standard): a page that says latin-1 is cp1252.
_ALIASES = {
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "x-cp1251": "cp1251",
    "win-1251": "cp1251",
    "utf8": "utf-8",
}


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label names nothing we know."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


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
    declared = normalise_charset(header_charset) or sniff_meta_charset(body)
    if declared and declared != "utf-8" and _is_multibyte_utf8(body):
        # Declarations go stale: a CMS that moved to UTF-8 keeps <meta charset="gb2312">, a
        # server's default header says ISO-8859-1 for every page. Bytes that are valid UTF-8 with
        # multi-byte sequences are almost never text in a legacy charset, and reading them as
        # one is mojibake ("Ã©tÃ©") in the cache.
        return "utf-8"
    if declared:
        return declared
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare undeclared, non-UTF-8 page

    best = from_bytes(body[:65536]).best()
    return (normalise_charset(best.encoding) if best else None) or "cp1252"


def _drop_unparseable_reference(match: re.Match[str]) -> str:
    """`&#27;` and friends would put the same characters into the tree: drop them too."""
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if code > 0x10FFFF or _UNPARSEABLE.match(
        chr(code) if code < 0xD800 or code > 0xDFFF else "\ud800"
    ):
        return ""
    return match.group(0)


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Decode a page; undecodable bytes become U+FFFD rather than failing the whole article."""
    codec = detect_charset(body, header_charset)
    text = body.decode(codec, errors="replace")
    # Characters no HTML/XML tree may hold (lxml refuses them when it moves text around).
    text = _UNPARSEABLE.sub("", text)
    text = _CHAR_REFERENCE.sub(_drop_unparseable_reference, text)
    return text[1:] if text.startswith("\ufeff") else text
