"""Decoding pages: BOM, header, <meta>, then detection — the same for fetches and local files."""

from __future__ import annotations

import codecs

from reader.charset import charset_from_content_type, decode_html, detect_charset

RUSSIAN = "Городской совет утвердил бюджет на следующий год после долгих споров о ремонте дорог."


def page(meta: str, body: str) -> str:
    return f"<html><head>{meta}<title>Новости</title></head><body><p>{body}</p></body></html>"


def test_windows_1251_from_meta_charset_only() -> None:
    raw = page('<meta charset="windows-1251">', RUSSIAN).encode("cp1251")
    assert detect_charset(raw, None) == "cp1251"
    assert RUSSIAN in decode_html(raw)


def test_koi8r_from_http_equiv_only() -> None:
    raw = page(
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', RUSSIAN
    ).encode("koi8_r")
    assert RUSSIAN in decode_html(raw)


def test_header_wins_over_meta_and_bom_wins_over_header() -> None:
    raw = page('<meta charset="koi8-r">', RUSSIAN).encode("cp1251")
    assert RUSSIAN in decode_html(raw, "windows-1251")
    utf8 = codecs.BOM_UTF8 + page("", RUSSIAN).encode("utf-8")
    decoded = decode_html(utf8, "windows-1251")
    assert RUSSIAN in decoded and not decoded.startswith("\ufeff")


def test_undeclared_cp1251_is_detected() -> None:
    raw = page("", RUSSIAN * 5).encode("cp1251")
    assert RUSSIAN in decode_html(raw)


def test_undeclared_utf8_and_invalid_bytes() -> None:
    assert RUSSIAN in decode_html(page("", RUSSIAN).encode())
    assert "\ufffd" in decode_html(b"<p>ok \xff\xfe broken</p>", "utf-8")


def test_content_type_parsing() -> None:
    assert charset_from_content_type("text/html; charset=UTF-8") == "utf-8"
    assert charset_from_content_type('text/html; charset="windows-1251"') == "cp1251"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type("text/html; charset=nonsense-42") is None


def test_stale_meta_on_a_utf8_page_is_overruled() -> None:
    raw = page('<meta charset="gb2312">', RUSSIAN).encode("utf-8")
    assert detect_charset(raw, None) == "utf-8"
    assert RUSSIAN in decode_html(raw)
    # …but a real legacy page that happens to be ASCII-only keeps its declaration.
    ascii_page = b'<html><head><meta charset="koi8-r"></head><body>plain</body></html>'
    assert detect_charset(ascii_page, None) == "koi8-r"


def test_legacy_header_on_a_utf8_page_is_overruled() -> None:
    # A server whose default header is ISO-8859-1 (or windows-1251) serving a UTF-8 page.
    french = "L'été dernier, la mairie a rénové le théâtre municipal."
    raw = page("", french).encode("utf-8")
    assert french in decode_html(raw, "iso-8859-1")
    assert "Ã" not in decode_html(raw, "iso-8859-1")
    assert RUSSIAN in decode_html(page("", RUSSIAN).encode("utf-8"), "windows-1251")
    # A real Latin-1 page (é is one byte, not valid UTF-8) keeps its header.
    latin = f"<html><body><p>{french}</p></body></html>".encode("latin-1")
    assert detect_charset(latin, "iso-8859-1") == "cp1252"
    assert french in decode_html(latin, "iso-8859-1")
