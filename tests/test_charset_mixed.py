"""A UTF-8 page (or feed) some of whose text is windows-1252 bytes, as an old CMS's database
under a new template writes it: those letters are read as windows-1252, not U+FFFD."""

from __future__ import annotations

import re

import pytest

from reader.charset import decode_html, decode_text, detect_charset

TEMPLATE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Café du port fermé</title>'
    "</head><body><article><h1>Café du port fermé</h1>"
    "<p>Le célèbre café du port a fermé ses portes après quarante ans d’activité.</p>"
)
FROM_THE_DATABASE = [
    "Les habitués regrettent déjà l'ambiance chaleureuse et les crêpes du dimanche.",
    "Le propriétaire part à la retraite à soixante-dix ans.",
    "« C'était notre deuxième maison », dit une cliente, qui venait là depuis 1987.",
    "Le bâtiment sera vendu à la commune ; on parle d’un musée de la pêche.",
]


def mixed_page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs).encode("cp1252")
    return TEMPLATE.encode() + body + b"</article></body></html>"


@pytest.mark.parametrize("paragraphs", [2, 4], ids=["two-paragraphs", "more-bad-than-good"])
@pytest.mark.parametrize("header", [None, "utf-8"])
def test_windows_1252_paragraphs_in_a_utf8_page_read_right(
    paragraphs: int, header: str | None
) -> None:
    """Both halves read right: as windows-1252 throughout, the template's "café" was "cafÃ©";
    as UTF-8 with U+FFFD, the database's "habitués" was "habitu\ufffds"."""
    raw = mixed_page(FROM_THE_DATABASE[:paragraphs])
    assert detect_charset(raw, header) == "utf-8"
    text = decode_html(raw, header)
    assert "Le célèbre café du port a fermé ses portes après quarante ans d’activité." in text
    for paragraph in FROM_THE_DATABASE[:paragraphs]:
        assert paragraph in text
    assert "\ufffd" not in text and "Ã" not in text


def test_a_plain_text_page_in_mixed_encodings_reads_right() -> None:
    raw = "Café du port\n\n".encode() + FROM_THE_DATABASE[0].encode("cp1252")
    assert decode_text(raw, "utf-8") == "Café du port\n\n" + FROM_THE_DATABASE[0]


def test_a_feed_with_a_windows_1252_entry_in_utf8_reads_right() -> None:
    from reader.feeds import parse_feed

    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Journal du port — éditions</title>"
        "<item><title>Café du port fermé</title><link>http://127.0.0.1/1</link></item>"
    ).encode() + (
        "<item><title>Les crêpes du dimanche, déjà regrettées</title>"
        "<link>http://127.0.0.1/2</link></item></channel></rss>"
    ).encode("cp1252")
    parsed = parse_feed(feed, "http://127.0.0.1/f.xml", "", "text/xml", None)
    assert [entry.title for entry in parsed.entries] == [
        "Café du port fermé",
        "Les crêpes du dimanche, déjà regrettées",
    ]


def test_junk_bytes_controls_and_escapes_still_never_come_through() -> None:
    """Only bytes that read as windows-1252 letters or punctuation are read so: junk ("\xff\xfe"
    between spaces), a character cut short and the bytes windows-1252 leaves undefined stay
    U+FFFD, and no C1 control or escape sequence reaches the text."""
    raw = TEMPLATE.encode() + (
        b"<p>Junk \xff\xfe here, a cut \xe2\x80 dash, undefined \x81\x8d\x8f\x90\x9d, "
        b"\x1b]0;PWNED\x07\x1b[31mred\x1b[0m, caf\xe9 \x93quoted\x94.</p></article></body></html>"
    )
    text = decode_html(raw)
    assert "Junk \ufffd\ufffd here, a cut \ufffd dash" in text
    assert "red, café “quoted”." in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    plain = decode_text(b"caf\xc3\xa9 \x1b[31mred\x1b[0m \x81 na\xefve \x93ok\x94", "utf-8")
    assert "café" in plain and "naïve “ok”" in plain
    assert not re.search("[\x80-\x9f]", plain)


@pytest.mark.parametrize(
    ("written", "reads"),
    [
        ("Le menu du café… et ses prix.", "Le menu du café… et ses prix."),
        ("On dit ‘café’ et ‘thé’.", "On dit ‘café’ et ‘thé’."),
        ("Un thé—ou deux.", "Un thé—ou deux."),
    ],
    ids=["e-acute-before-ellipsis", "before-quote", "before-dash"],
)
def test_a_letter_before_windows_1252_punctuation_reads_right(written: str, reads: str) -> None:
    """ "é…" is 0xE9 0x85 in windows-1252: a three-byte UTF-8 lead and a continuation byte, which
    the decoder reports as one error of two bytes; both are read, not one U+FFFD for the pair."""
    raw = TEMPLATE.encode() + f"<p>{written}</p>".encode("cp1252") + b"</article></body></html>"
    text = decode_html(raw)
    assert f"<p>{reads}</p>" in text
    assert "\ufffd" not in text
