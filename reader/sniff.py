"""What a body of bytes really is, whatever its Content-Type or file name claims.

Servers label images and downloads "text/html" (a CMS's catch-all route, a misconfigured CDN),
and `reader extract` is handed whatever file the user names. Decoded as text, such bytes are
a screenful of mojibake, which must never be shown or cached as an article. The file formats
a news link leads to announce themselves in their first bytes; anything else that is mostly
control bytes is binary too.
"""

from __future__ import annotations

import codecs
import re

PDF = "application/pdf"
"""A PDF's media type: the one file a link may lead to that is read for its text."""
PDF_WITHOUT_TEXT = f"{PDF} with no text in it, pictures of its pages"
PDF_LOCKED = f"{PDF}, locked with a password"
PDF_UNREADABLE = f"{PDF}, which could not be read"
PDF_REFUSALS = (PDF_WITHOUT_TEXT, PDF_LOCKED, PDF_UNREADABLE)
"""What a PDF refused as no article page is named (`extract.pdf_document`); one named
otherwise was refused before PDFs were read (`Store.not_an_article`)."""


def is_pdf(body: bytes) -> bool:
    """Whether `body` (or its first bytes) is a PDF's, by its signature."""
    return body.startswith(b"%PDF")


# Leading bytes of the formats a link may lead to instead of a page, with their media type.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", PDF),  # `is_pdf`
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\xfd7zXZ\x00", "application/x-xz"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"\x7fELF", "application/x-executable"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
    (b"\x1aE\xdf\xa3", "video/webm"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    (b"wOFF", "font/woff"),
    (b"wOF2", "font/woff2"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3"),
)
# RIFF containers and ISO media name their kind a few bytes in.
_RIFF = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# UTF-16 without a byte-order mark writes every ASCII character, so all of a page's markup and
# its spaces, with a zero byte after it (little-endian) or before it (big-endian): a few in a
# hundred characters even where Chinese text fills the first kilobytes. Other characters have few
# zero bytes, and those on either side ("一", one in fifty Chinese characters, is 00 4E in
# little-endian), so a side with zeros and one with under half as many is UTF-16's mark.
_UTF16_ASCII_SHARE = 0.03
_UTF16_CONTROLS = 0.01
_UTF16_SAMPLE = 4096
# Bytes text never holds (tab, line breaks, form feed, ESC and BEL aside: a hostile page may be
# full of escape sequences, which display code removes; it is still text. An OSC 8 link ends
# each half with a BEL: a page of them was refused as binary, acc50a A10).
_CONTROL = bytes(sorted(set(range(0x20)) - {0x07, 0x09, 0x0A, 0x0C, 0x0D, 0x1B}))
_SAMPLE = 4096


def utf16_without_bom(body: bytes) -> str | None:
    """The codec of `body` when it is UTF-16 text with no byte-order mark ("utf-16-le" or
    "utf-16-be"), by where its zero bytes fall; None otherwise. Browsers decode such a page when its header says
    UTF-16, and a file saved by a Windows editor may be one: neither is binary, and "utf-16"
    alone would read a big-endian one as little-endian, every character a CJK one."""
    head = body[:_UTF16_SAMPLE]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if max(zeros_even, zeros_odd) < _UTF16_ASCII_SHARE * len(odd):
        return None
    if zeros_odd > 2 * zeros_even:
        codec = "utf-16-le"
    elif zeros_even > 2 * zeros_odd:
        codec = "utf-16-be"
    else:
        return None
    # Binary data may put its zeros so too; as text it is control characters. A page may hold
    # a stray one (a CMS's pasted form feed), not one in a hundred.
    text = head[: len(head) // 2 * 2].decode(codec, "ignore").encode("utf-8", "ignore")
    controls = len(text) - len(text.translate(None, _CONTROL))
    return codec if controls <= _UTF16_CONTROLS * len(head) // 2 else None


def binary_type(body: bytes) -> str | None:
    """The media type of `body` when it is not text ("image/png", "application/pdf", or
    "application/octet-stream" for unrecognised binary), None when it may be a page."""
    head = body[:_SAMPLE]
    if head.startswith(_UTF16_BOMS):
        return None  # UTF-16 text, marked
    # A file's signature first: an MP3's ID3 tag or a picture's header may be followed by
    # zeros at every other byte, which is also how UTF-16 text without a mark is told.
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "image/avif" if brand in (b"avif", b"avis") else "video/mp4"
    if utf16_without_bom(head):
        return None  # UTF-16 text: every other byte is zero
    control = len(head) - len(head.translate(None, _CONTROL))
    if control >= 4 and control > 0.02 * len(head):
        return "application/octet-stream"
    return None


# A feed's root element, after what may stand before it: the XML declaration, a stylesheet
# instruction, comments, an old RSS 0.91 DOCTYPE.
_FEED_ROOT = re.compile(
    rb"\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>\[]*>\s*)*<(rss|feed|rdf:rdf)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_FEED_TYPES = {
    b"rss": "application/rss+xml",
    b"feed": "application/atom+xml",
    b"rdf:rdf": "application/rdf+xml",
}


def feed_type(body: bytes) -> str | None:
    """The media type of `body` when it is an RSS, Atom or RSS 1.0 feed (saved to a file, or
    served as text/html), None otherwise. Its tags (<title>, <p> in a CDATA) look like HTML, and
    read as a page it comes out as the channel's title over its items run together."""
    found = _FEED_ROOT.match(body[:_SAMPLE].removeprefix(codecs.BOM_UTF8))
    return _FEED_TYPES[found.group(1).lower()] if found else None


# An element every saved page or fragment of one has, written as a tag: "<p>", "<div class=…>".
_HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|span|a|article|main|section|header|"
    rb"h[1-6]|br|ul|ol|li|table|img|figure|blockquote|pre)[\s/>]",
    re.IGNORECASE,
)


def looks_like_html(body: bytes) -> bool:
    """Whether a body said to be nothing in particular (`reader extract FILE`, a fetch answered
    as text/plain or octet-stream) holds HTML: one of the common tags in its first 64 KB. A
    plain-text file read as HTML would come out as one run-on paragraph, its line breaks lost.
    The one test for both, so a file is refused or read as a fetch of it would be."""
    head = body[:65536]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    elif codec := utf16_without_bom(head):
        head = head.decode(codec, "ignore").encode("utf-8")
    return bool(_HTML_TAG.search(head.removeprefix(codecs.BOM_UTF8)))


# An HTML document's start, after what may stand before it (a byte-order mark, comments).
_HTML_DOCUMENT = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def is_html_document(body: bytes) -> bool:
    """Whether `body` is a whole web page (it opens with its DOCTYPE or <html>), not a feed
    carrying HTML in its items: what a server answers at a feed's address when the feed has
    moved, or a Wi-Fi login page answers for every address."""
    return feed_type(body) is None and bool(
        _HTML_DOCUMENT.match(body[:_SAMPLE].removeprefix(codecs.BOM_UTF8))
    )


# A JSON Feed names its version first or among the first of its members: a JSON object.
_JSON_FEED = re.compile(rb'\A\s*\{.*?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.DOTALL)


def is_json_feed(body: bytes) -> bool:
    """Whether `body` is a JSON Feed (jsonfeed.org), by the version its first 64 KB name: a
    feed `reader` does not read, which the XML parser took for broken XML."""
    return bool(_JSON_FEED.match(body[:65536].removeprefix(codecs.BOM_UTF8)))


def html_title(body: bytes) -> str:
    """The <title> of a web page in `body`'s first 64 KB, entities read, as written (untrusted:
    pass it through `safe.safe_line` before showing it); "" when it has none."""
    import html

    found = _TITLE.search(body[:65536])
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""


# Content-Types that say nothing of what a body is: it is told by its bytes alone.
UNSAID_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
# What a server may call a file a link leads to instead of a page or a feed, when its bytes don't
# say (a picture in SVG, a video in a container not sniffed): a feed is sent as XML, text, JSON
# or nothing in particular, never as these.
_FILE_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


def kind_named(found: str, content_type: str) -> str:
    """The kind of a body its bytes showed (`found`: "image/png"), and what its server called
    it when that is another ("image/png, sent as text/html"): made safe to show."""
    from .safe import safe_line

    if content_type in (found, *UNSAID_TYPES):
        return found
    return f"{found}, sent as {safe_line(content_type, 60)}"


def file_kind(body: bytes, content_type: str) -> str:
    """What an answer (`body`, sent as `content_type`) is when it is a file and neither a web
    page nor a feed (a PDF, a picture, audio, video, a binary), named (`kind_named`): by its
    bytes, else by its Content-Type when that names a file and its bytes say nothing; "" for
    what may be a page or a feed. The one rule for a link that is no article page (`reader
    show`, a sync) and an address that is no feed (`reader add`): each says what follows."""
    from .safe import safe_line

    if feed_type(body) is not None:
        return ""
    if (found := binary_type(body)) is not None:
        return kind_named(found, content_type)
    return safe_line(content_type, 60) if content_type.startswith(_FILE_TYPES) else ""
