"""Decoding pages: BOM, header, <meta>, then detection — the same for fetches and local files."""

from __future__ import annotations

import codecs
import html
from pathlib import Path

import pytest

from reader.charset import clean_markup, decode_html, detect_charset
from reader.charset_labels import charset_from_content_type
from tests.cli_run import run_reader

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


JAPANESE = (
    "東京で桜の開花宣言、平年より五日早く咲きました。上野公園では早くも花見客の姿が見られました。"
)
HARBOUR_JA = "市議会は月曜日、港の防波堤を石で再建する計画を承認した。工事は五月に始まる。"
HEBREW = "פסטיבל האור ייפתח ביום שלישי בערב ויימשך שבוע, עם מיצגים חדשים."


@pytest.mark.parametrize(
    ("html", "codec", "text"),
    [
        # The few lines of Japanese among the tags measured as Korean as well (a tie).
        (
            f"<html><head><title>x</title></head><body><p>{JAPANESE}</p></body></html>",
            "euc-jp",
            JAPANESE,
        ),
        (
            f'<html><head><meta charset="iso-8859-1"></head><p>{JAPANESE}</p></html>',
            "euc-jp",
            JAPANESE,
        ),
        # Tied with its EUC-KR reading, neither measured as any language: the page says
        # Japanese, and EUC-JP is a Japanese charset.
        (
            f'<html lang="ja"><head><title>x</title></head><body><p>{HARBOUR_JA}</p></body></html>',
            "euc-jp",
            HARBOUR_JA,
        ),
        # Hebrew read as KOI8-R measures as coherent Russian: the page says it is Hebrew.
        (f'<html lang="he"><head><title>x</title></head><p>{HEBREW}</p></html>', "cp1255", HEBREW),
        (
            f'<html dir="rtl" lang="he-IL"><p>{HEBREW}</p><p>{HEBREW}</p></html>',
            "iso8859-8",
            HEBREW,
        ),
    ],
)
def test_a_short_undeclared_page_reads_by_its_text_and_its_language(
    html: str, codec: str, text: str
) -> None:
    assert text in decode_html(html.encode(codec))


def test_the_detector_measures_the_text_between_tags_scripts_and_comments() -> None:
    from reader.charset_sample import _without_markup

    sample = (
        b'<p>caf\xe9 <script>var a="<b>";</script> na\xefve <!-- <i> --> <STYLE>p{}</style >end'
    )
    assert _without_markup(sample).split() == [b"caf\xe9", b"na\xefve", b"end"]
    # What a page leaves open runs to its end, in one pass: no rescanning of the rest from
    # each opener (a regular expression took seconds on 64 KB of them).
    assert _without_markup(b"text <script>" * 5000).split() == [b"text"]
    assert _without_markup(b"<!-- a" * 5000 + b"-->after").split() == [b"after"]
    assert _without_markup(b"one <" * 5000).split() == [b"one"]


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


def test_a_utf8_header_on_a_windows_1251_page_is_overruled() -> None:
    # A server whose default header says UTF-8, serving an old page: its <meta> knows better…
    raw = page('<meta charset="windows-1251">', RUSSIAN).encode("cp1251")
    assert detect_charset(raw, "utf-8") == "cp1251"
    assert RUSSIAN in decode_html(raw, "utf-8")
    # …and with no <meta> the bytes do. Either way no U+FFFD reaches the text.
    bare = page("", RUSSIAN * 3).encode("cp1251")
    decoded = decode_html(bare, "utf-8")
    assert RUSSIAN in decoded and "\ufffd" not in decoded
    # A UTF-8 page with one stray byte stays UTF-8 (the byte alone is replaced).
    stray = page("", RUSSIAN).encode("utf-8").replace(b"</p>", b"\xff</p>")
    assert detect_charset(stray, "utf-8") == "utf-8"
    assert RUSSIAN in decode_html(stray, "utf-8")


def test_a_utf8_declaration_on_a_page_with_one_latin_1_word_is_overruled() -> None:
    """Two bytes are few, but when every non-ASCII byte of a page is bad UTF-8, the page is
    not UTF-8: "caf\ufffd na\ufffdve" must not reach the cache."""
    words = "He said the café was naïve to open in January."
    html = '<html><head><meta charset="utf-8"></head><body><p>{}</p></body></html>'
    raw = html.format("The harbour. " * 40 + words).encode("cp1252")
    assert words in decode_html(raw) and words in decode_html(raw, "utf-8")
    # A UTF-8 page whose first 64 KiB (what is looked at) end inside a character stays UTF-8.
    head = html.split("{}")[0].encode()
    cut = head + b"a" * (65_535 - len(head)) + "é".encode() * 50 + b"</p></body></html>"
    assert cut[65_535:65_537] == "é".encode()
    assert detect_charset(cut, "utf-8") == "utf-8"


def test_other_latin_pages_declared_utf8_keep_their_own_letters() -> None:
    """Not every Latin page is Latin-1 (a review's cases): a page's own <meta> behind a UTF-8
    header is read, and without one the bytes tell Turkish from Western."""
    hungarian = "A kormány elfogadta: a fővárosi őrzők fizetése jövőre húsz százalékkal nő. "
    html = '<html><head><meta charset="{}"></head><body><p>{}</p></body></html>'
    raw = html.format("iso-8859-2", hungarian * 3).encode("iso8859_2")
    assert "fővárosi őrzők" in decode_html(raw, "utf-8")
    turkish = "Belediye meclisi çarşamba günü yeni tramvay hattını onayladı. "
    assert "çarşamba" in decode_html(html.format("utf-8", turkish * 8).encode("cp1254"))


def test_one_stray_byte_far_from_the_text_leaves_a_utf8_page_utf8() -> None:
    head = b'<html><head><meta charset="utf-8"><script>/* don\x92t */' + b"var a=1;\n" * 8000
    page = head + "</script></head><body><p>It’s the café’s first year.</p></body></html>".encode()
    assert "It’s the café’s first year." in decode_html(page)


def test_an_undeclared_western_page_reads_as_windows_1252() -> None:
    # A detector alone picked Baltic cp1257 for this French text ("naļve", "crčme brūlée").
    french = (
        "Café society: the naïve résumé of the crème brûlée débâcle. Über-chefs say the dish at "
        "the café on Rue Saint-Honoré is déjà vu; the maître d' said it was the best in Paris. "
    )
    raw = f"<html><head><title>Café</title></head><body><p>{french * 3}</p></body></html>"
    assert detect_charset(raw.encode("cp1252")) == "cp1252"
    assert french in decode_html(raw.encode("cp1252"))


# Undeclared pages in the single-byte charsets a detector confuses with one another.
LATIN_PAGES = {
    "cs": ("Přes řeku vede nový most; řidiči už nemusí objíždět město přes Žižkov.", "cp1250"),
    "pl": (
        "Właściciel sklepu oświadczył, że budżet zostanie zwiększony o dziesięć procent.",
        "cp1250",
    ),
    "hu": (
        "A polgármester bejelentette, hogy a hídfelújítás ősszel kezdődik a tűzoltósággal.",
        "cp1250",
    ),
    "tr": ("Belediye başkanı, şehrin güneyindeki köprünün yeniden açılacağını söyledi.", "cp1254"),
    "de": (
        "Die Bürgermeisterin ließ die Straßenbahn über die Brücke fahren; später äußerte sich",
        "cp1252",
    ),
    "es": (
        "El alcalde anunció que la señora Núñez dirigirá la comisión después de años.",
        "cp1252",
    ),
    "sv": ("Kommunfullmäktige beslöt på måndagen att bygga en ny bro över älven.", "cp1252"),
}


@pytest.mark.parametrize("language", LATIN_PAGES)
def test_undeclared_latin_pages_keep_their_letters(language: str) -> None:
    text, charset = LATIN_PAGES[language]
    for repeat in (1, 4):
        raw = f"<html><body><p>{text * repeat}</p></body></html>".encode(charset)
        assert text in decode_html(raw)


def test_escape_sequences_go_whole_before_the_page_is_parsed() -> None:
    raw = (
        b"<title>\x1b]0;PWNED\x07Harbour news</title><p>\x1b[31mRed\x1b[0m alert and an "
        b"\x1b]8;;https://evil.example\x1b\\honest link\x1b]8;;\x1b\\ here.</p>"
    )
    text = decode_html(raw)
    assert text == "<title>Harbour news</title><p>Red alert and an honest link here.</p>"
    # An unterminated string sequence is cut short: it can't swallow the rest of the page.
    cut = decode_html(b"<p>\x1b]0;" + b"x" * 600 + b"</p><p>Still here.</p>")
    assert "Still here." in cut and "\x1b" not in cut


@pytest.mark.parametrize(
    ("label", "text", "written_in"),
    [
        # Curly quotes and the euro sign of a page that calls itself ISO-8859-1.
        ("iso-8859-1", "“Quoted,” he said — the café charged €5.", "cp1252"),
        ("iso-8859-9", "“Türkçe” karakterler: şı ğü", "cp1254"),
        # GBK's characters outside GB2312 (镕), Microsoft's circled figures and 髙 in Shift_JIS,
        # Korean syllables outside EUC-KR (똥).
        ("gb2312", "朱镕基在北京会见代表团", "gbk"),
        ("shift_jis", "①東京の髙島屋で", "cp932"),
        ("euc-kr", "똥 한국어 기사", "cp949"),
        ("tis-620", "ภาษาไทย “ข่าว”", "cp874"),
    ],
)
def test_a_label_is_read_as_browsers_read_it(label: str, text: str, written_in: str) -> None:
    def raw(meta: str) -> bytes:
        return f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode(written_in)

    assert text in decode_html(raw(f'<meta charset="{label}">'))
    assert text in decode_html(raw(""), label)  # from the header


def story(meta: str, text: str) -> str:
    """A page of `text` three times, under a title any charset can write."""
    return f"<html><head>{meta}<title>News</title></head><body><p>{text * 3}</p></body></html>"


CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl v úterý starosta při zahájení oprav nádraží."
JAPANESE = "市議会は来年度の予算を承認した。港の改修工事は春に始まり、三年間続く予定だという。"


@pytest.mark.parametrize(
    ("text", "written_in", "header", "meta"),
    [
        # Apache's default header on a windows-1251 page, whose own <meta> tells the truth…
        (RUSSIAN, "cp1251", "ISO-8859-1", '<meta charset="windows-1251">'),
        # …or says nothing: the bytes decide.
        (RUSSIAN, "cp1251", "ISO-8859-1", ""),
        (RUSSIAN, "koi8_r", "windows-1251", ""),
        (RUSSIAN, "cp1251", "koi8-r", ""),
        (JAPANESE, "euc_jp", "Shift_JIS", ""),
        # A Czech windows-1250 page labelled ISO-8859-2: "š", "ť", "ž" are C1 controls there.
        (CZECH, "cp1250", "ISO-8859-2", ""),
        (CZECH, "cp1250", None, '<meta charset="iso-8859-2">'),
    ],
)
def test_a_legacy_declaration_the_bytes_contradict_is_overruled(
    text: str, written_in: str, header: str | None, meta: str
) -> None:
    """A browser shows these as mojibake ("Ãîðîäñêîé"); the cache must not keep it."""
    raw = story(meta, text).encode(written_in)
    assert text in decode_html(raw, header)


@pytest.mark.parametrize(
    ("text", "written_in", "label"),
    [
        (RUSSIAN, "cp1251", "windows-1251"),
        (RUSSIAN, "koi8_r", "koi8-r"),
        (JAPANESE, "euc_jp", "EUC-JP"),
        (JAPANESE, "shift_jis", "Shift_JIS"),
        (CZECH, "iso8859_2", "ISO-8859-2"),
        (CZECH, "cp1250", "windows-1250"),
        ("Le café, la crème brûlée et les œufs à la coque du matin.", "cp1252", "ISO-8859-1"),
    ],
)
def test_a_legacy_declaration_the_bytes_bear_out_is_kept(
    text: str, written_in: str, label: str
) -> None:
    assert text in decode_html(story("", text).encode(written_in), label)
    assert text in decode_html(story(f'<meta charset="{label}">', text).encode(written_in))


def test_c1_controls_in_a_page_are_the_windows_1252_characters_they_stand_for() -> None:
    """A CMS that stored windows-1252 as Latin-1 and serves it as UTF-8: its quotes, dashes and
    "ž" arrive as C1 controls, which a browser's parser reads as windows-1252 when written as
    references (&#147;). Written, they are read the same way, never dropped with what follows."""
    raw = "<p>\u0093Fair\u0094 \u0096 said Slavoj \u008e\u0069\u009eek.</p>".encode()
    assert "“Fair” – said Slavoj Žižek." in decode_html(raw)


@pytest.mark.parametrize("where", ["header", "meta"])
def test_utf_7_is_no_charset_for_a_page(where: str) -> None:
    """No browser decodes a page as UTF-7, where "+ADw-script+AD4-" is "<script>"."""
    meta = '<meta charset="utf-7">' if where == "meta" else ""
    raw = story(meta, "+ADw-b+AD4-bold+ADw-/b+AD4-").encode("ascii")
    assert "+ADw-b+AD4-" in decode_html(raw, "utf-7" if where == "header" else None)


def test_a_utf_16_header_on_a_page_with_no_zero_byte_is_wrong() -> None:
    raw = story('<meta charset="windows-1251">', RUSSIAN).encode("cp1251")
    assert RUSSIAN in decode_html(raw, "utf-16")
    assert "The council met" in decode_html(story("", "The council met.").encode(), "utf-16")


CHINESE = "市议会通过了明年的预算，议员说这是十年来第一次没有争议的预算。"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [RUSSIAN, CHINESE], ids=["russian", "chinese"])
@pytest.mark.parametrize("header", [None, "utf-16", "utf-16le", "utf-16be"])
def test_utf_16_without_a_byte_order_mark_reads_by_its_zero_bytes(
    codec: str, text: str, header: str | None
) -> None:
    """A page saved so by a Windows editor, or served with a "utf-16" header: not binary, and
    read the right way round whatever the header says ("utf-16" alone is little-endian)."""
    from reader.sniff import binary_type, looks_like_html

    raw = story("", text * 3).encode(codec)
    assert binary_type(raw) is None and looks_like_html(raw)
    assert text in decode_html(raw, header)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf_16_without_a_mark_holding_a_stray_control_character_is_still_utf_16(
    codec: str,
) -> None:
    """A form feed or a vertical tab pasted into a page by its CMS is one character in
    thousands: still text, still UTF-16."""
    from reader.sniff import binary_type

    raw = story("", "The council met.\x0b" + RUSSIAN).encode(codec)
    assert binary_type(raw) is None and RUSSIAN in decode_html(raw)


def test_a_page_full_of_osc_8_links_is_text(tmp_path: Path) -> None:
    """An OSC 8 link is two escape sequences, each ended by a BEL: a page holding them in its
    title, byline and paragraphs was refused as "not an article page (application/octet-stream,
    sent as text/html)" where pages of other escapes were read and cleaned (acc50a A10)."""
    from reader.sniff import binary_type

    link = "\x1b]8;;http://evil.example/\x07CLICK\x1b]8;;\x07"
    paragraph = f"<p>The harbour board met {link} on Monday about the ferry timetable.</p>"
    raw = (
        f"<html><head><title>Ferry {link}</title><meta name='author' content='By {link}'>"
        f"</head><body><article><h1>Ferry {link}</h1>{paragraph * 6}</article></body></html>"
    ).encode()
    assert binary_type(raw) is None
    page = tmp_path / "osc8.html"
    page.write_bytes(raw)
    shown = run_reader(tmp_path / "home", "extract", str(page), "--format", "text")
    assert shown.returncode == 0, shown.stderr
    assert "The harbour board met CLICK on Monday" in shown.stdout
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout


def test_binary_with_zero_bytes_on_one_side_stays_binary() -> None:
    """Sixteen-bit samples or a table of small numbers put zeros where UTF-16 does; as text
    they would be control characters."""
    from reader.sniff import binary_type

    samples = bytes(b for n in range(600) for b in (n % 31 + 1, 0))
    assert binary_type(samples) == "application/octet-stream"


def test_a_file_signature_comes_before_the_utf_16_guess() -> None:
    """An MP3's ID3 tag holds its title in UTF-16, and a picture's header may be followed by
    small numbers: zeros at every other byte, as in UTF-16 text without a mark. The file's
    signature says what it is first."""
    from reader.sniff import binary_type

    title = "Harbour podcast, episode 12: the ferry vote".encode("utf-16-le") * 20
    assert binary_type(b"ID3\x03\x00\x00\x00\x00\x1f\x76TIT2" + title) == "audio/mpeg"
    assert binary_type(b"GIF89a" + title) == "image/gif"
    assert binary_type(title) is None  # the same bytes alone are text


# -- feeds ---------------------------------------------------------------------------------------
def rss(declaration: str, title: str = RUSSIAN[:40]) -> str:
    return (
        f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>{title}</title>'
        f"<item><title>{RUSSIAN}</title><link>http://127.0.0.1/a.html</link></item>"
        "</channel></rss>"
    )


@pytest.mark.parametrize(
    ("declaration", "codec", "content_type", "header_charset"),
    [
        # The header names the charset of a document that names none: no complaint.
        ("", "koi8_r", "application/rss+xml", "koi8-r"),
        ("", "cp1251", "text/xml", "windows-1251"),
        # The document names its own: read by it, whatever a server's default header says, and
        # text/xml is no reason to call it US-ASCII (RFC 7303 dropped that rule).
        (' encoding="koi8-r"', "koi8_r", "text/xml", "windows-1251"),
        (' encoding="windows-1251"', "cp1251", "text/xml", "utf-8"),
        (' encoding="windows-1251"', "cp1251", "text/xml", None),
        ("", "utf-8", "text/xml", None),
    ],
)
def test_a_feed_read_by_its_rightful_charset_is_no_malformed_xml(
    declaration: str, codec: str, content_type: str, header_charset: str | None
) -> None:
    from reader.feeds import parse_feed

    body = rss(declaration).encode(codec)
    parsed = parse_feed(body, "http://127.0.0.1/f.xml", "", content_type, header_charset)
    assert parsed.title == RUSSIAN[:40] and parsed.entries[0].title == RUSSIAN
    assert parsed.problem == ""


@pytest.mark.parametrize("header_charset", [None, "utf-8"])
def test_a_feed_its_declaration_misnames_reads_by_its_bytes_as_a_page_does(
    header_charset: str | None,
) -> None:
    """Undeclared (so UTF-8 by XML's rule) or a server's UTF-8, on windows-1251 bytes: the bytes
    plainly contradict it, and the feed is read as they say, as a page would be."""
    from reader.feeds import parse_feed

    body = rss("").encode("cp1251")
    parsed = parse_feed(body, "http://127.0.0.1/f.xml", "", "text/xml", header_charset)
    assert parsed.entries[0].title == RUSSIAN and parsed.problem == ""


def test_reader_feeds_has_no_warning_for_a_koi8_feed_served_with_its_charset(
    tmp_path, httpserver
) -> None:
    import json
    import os
    import subprocess
    import sys

    httpserver.expect_request("/koi8.xml").respond_with_data(
        rss("").encode("koi8_r"), content_type="application/rss+xml; charset=koi8-r"
    )
    env = {**os.environ, "READER_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        run = [sys.executable, "-m", "reader", *args]
        return subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)

    assert reader("add", httpserver.url_for("/koi8.xml")).returncode == 0
    (feed,) = json.loads(reader("feeds", "--json").stdout)
    assert feed["title"] == RUSSIAN[:40] and feed["problem"] is None


POLISH = (
    "Na Śląsku od rana pada śnieg. Służby drogowe ostrzegają kierowców przed śliską "
    "nawierzchnią, a w kilku miejscowościach doszło do kolizji. Źródła w ratuszu podają, że "
    "świąteczny jarmark zostanie otwarty w piątek. Władze miasta zapowiadają więcej atrakcji "
    "niż w zeszłym roku, a mieszkańcy pytają o ceny biletów i godziny otwarcia lodowiska. "
)


HTTP_EQUIV = "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-2'>"


@pytest.mark.parametrize(("paragraphs", "meta"), [(4, HTTP_EQUIV), (12, HTTP_EQUIV), (4, "")])
def test_a_long_windows_1250_page_labelled_iso_8859_2_reads_right(
    paragraphs: int, meta: str
) -> None:
    """Pages of a few kilobytes, where a statistical measure samples the page and may miss the
    few bytes that give the label away (the first was read as ISO-8859-2 before): "ś", "ź"
    and "ť" are C1 controls there, which no text holds, so the Windows sibling is read."""
    body = "".join(f"<p>{POLISH}</p>" for _ in range(paragraphs))
    raw = f"<html><head>{meta}<title>Śnieg na Śląsku</title></head><body>{body}</body></html>"
    header = None if meta else "iso-8859-2"
    assert decode_html(raw.encode("cp1250"), header).count(POLISH.strip()) == paragraphs
    # A page really in ISO-8859-2 keeps its label.
    assert decode_html(raw.encode("iso8859_2"), header).count(POLISH.strip()) == paragraphs


def test_a_big_endian_page_served_as_utf_16_is_fetched_and_cached_right(
    tmp_path, httpserver
) -> None:
    """The whole way: a server's "utf-16" (no end named) on bytes with no mark. The article
    reads right from the cache, offline."""
    import asyncio

    from reader.extract import to_text
    from reader.library import Library

    body = (
        "<!doctype html><html lang='ru'><head><title>Совет</title></head><body><article>"
        f"<h1>Бюджет принят</h1><p>{RUSSIAN}</p><p>{RUSSIAN[::-1]}</p></article></body></html>"
    ).encode("utf-16-be")
    httpserver.expect_request("/budget.html").respond_with_data(
        body, content_type="text/html; charset=utf-16"
    )
    url = httpserver.url_for("/budget.html")

    async def read(offline: bool) -> str:
        async with Library(tmp_path) as lib:
            return to_text(await lib.article(url, offline=offline))

    assert RUSSIAN in asyncio.run(read(offline=False))
    httpserver.clear()
    assert RUSSIAN in asyncio.run(read(offline=True))


def _windows_1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: a letter the charset has whole, else its base
    letter and the tone mark after it (as Word and old sites saved it)."""
    import unicodedata

    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = next(mark for mark in parts if mark in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", parts.replace(tone, "", 1))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def test_windows_1258_vietnamese_reads_as_composed_letters() -> None:
    """Decoded as spelled, "số" was "so" and a combining acute: shown right, but a quote pasted
    elsewhere or a grep for "số" found nothing; every other page gives composed letters."""
    import unicodedata

    story = "Bão số 9 đổ bộ Quảng Ngãi. Hơn 30.000 người dân đã được sơ tán đến nơi an toàn."
    page = (
        b'<html lang="vi"><head><meta charset="windows-1258"><title>Tin</title></head><body><p>'
        + _windows_1258(story)
        + b"</p></body></html>"
    )
    assert _windows_1258(story).decode("cp1258") != story  # the bytes spell tone marks apart
    text = decode_html(page)
    assert story in text and unicodedata.is_normalized("NFC", text)


def test_a_reference_starting_as_escs_or_bels_does_is_the_character_it_writes() -> None:
    """ "&#7879;" (ệ, as Vietnamese pages write it), "&#700;" (ʼ), "&#769;" (a combining acute),
    "&#27700;" (水) begin as ESC's "&#27" or BEL's "&#7" do: each is its own character, not a
    control and the digits after it ("Vi879;t"); ESC's and BEL's own still go whole."""
    cleaned = clean_markup("Vi&#7879;t &#700;a e&#769; &#27700;&#x7F8E; &#x1b;]0;title&#7; x")
    assert html.unescape(cleaned) == "Việt ʼa e\u0301 水美  x"
