"""Short pages in a legacy charset that declare none, read by their few letters: a Central
European sentence's one "č" or "ł" (statistics read it as windows-1252, Japanese or Mac
Icelandic), Romanian in windows-1250, ISO-8859-2 or ISO-8859-16, a Japanese paragraph in EUC-JP or
Shift_JIS (read as Korean)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.charset import decode_html, detect_charset


def brief(text: str, lang: str | None, title: str = "News", meta: str = "") -> str:
    """A news brief as a small site writes one: a title, a headline and one paragraph."""
    named = f' lang="{lang}"' if lang else ""
    return (
        f"<!doctype html><html{named}><head>{meta}<title>{title}</title></head><body>"
        f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )


# Each with few letters outside ASCII, some a single one; the mojibake they were read as.
CENTRAL = {
    "sl": "Pristanišče je bilo zaprto v torek.",  # ISO-8859-2: "Pristani¹èe", "Pristaniｹ鐺"
    "sl-name": "Trajekt danes ne vozi, je dejal kapitan Novak Kovač.",  # "Kovaè"
    "hr": "Luka je u utorak bila zatvorena zbog oluje, rekao je lučki kapetan.",  # "luèki"
    "pl": "Port był zamknięty we wtorek.",  # "by³ zamkniêty"
    "hu": "A kikötő kedden zárva volt a vihar miatt.",  # Mac Icelandic: "kikˆtı z·rva"
    "cs": "Přístav byl v úterý zavřen.",
    "sk": "Prístav bol v utorok zatvorený pre búrku.",
}


@pytest.mark.parametrize("named", [True, False], ids=["lang", "no-lang"])
@pytest.mark.parametrize("codec", ["cp1250", "iso8859_2"])
@pytest.mark.parametrize("case", CENTRAL)
def test_a_short_central_european_page_reads_in_its_charset(
    case: str, codec: str, named: bool
) -> None:
    text = CENTRAL[case]
    raw = brief(text, case[:2] if named else None).encode(codec)
    assert text in decode_html(raw)


def test_a_czech_page_naming_its_language_reads_its_one_iso_8859_2_letter() -> None:
    """ISO-8859-2's "až" is "aľ" in windows-1250, a Slovak letter; and was read as Japanese
    ("aｾ z咜ra"). Named Czech, it reads as Czech. (Unnamed, the two readings are as likely, and
    windows-1250's is taken.)"""
    text = "Vlak do Brna jede až zítra."
    assert text in decode_html(brief(text, "cs").encode("iso8859_2"))


ROMANIAN = "Portul din Constanța a fost închis marți din cauza furtunii, iar pescarii nu au ieșit."
ROMANIAN_CEDILLA = ROMANIAN.replace("ș", "ş").replace("ț", "ţ")


def as_comma_below(text: str) -> str:
    """Romanian's "ş" and "ţ" written with the comma below they stood in for."""
    return text.replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")


@pytest.mark.parametrize("named", [True, False], ids=["lang", "no-lang"])
@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1250", ROMANIAN_CEDILLA),
        ("iso8859_2", ROMANIAN_CEDILLA),
        ("iso8859_16", ROMANIAN),
    ],
)
def test_a_short_romanian_page_reads_as_romanian(codec: str, text: str, named: bool) -> None:
    """windows-1250's and ISO-8859-2's "ş" (cedilla) is ISO-8859-16's "ș" (comma below): the
    same bytes. A page in Romanian, named or told by its words, reads with the comma below,
    Romanian's own letters; before, ISO-8859-16's read as windows-1252 ("Constanþa") or, its
    "ț" alone, as windows-1250."""
    raw = brief(text, "ro" if named else None, title="Stiri").encode(codec)
    decoded = decode_html(raw)
    assert ROMANIAN in decoded
    assert "ş" not in decoded and "ţ" not in decoded


def test_iso_8859_16_quotes_tell_it_from_windows_1250() -> None:
    """Its „ ” are windows-1250's "Ą" and "µ"; windows-1250's own are ISO-8859-16's controls."""
    quoted = "Căpitanul a spus: „Portul rămâne închis până marți”."
    assert quoted in decode_html(brief(quoted, None, title="Stiri").encode("iso8859_16"))
    cedilla = quoted.replace("ț", "ţ")
    decoded = decode_html(brief(cedilla, None, title="Stiri").encode("cp1250"))
    assert quoted in as_comma_below(decoded) and "Ą" not in decoded


@pytest.mark.parametrize(
    "text",
    [
        "港の水位が上がりました。",
        "漁船は出港しませんでした。",
        "東京の天気は晴れです。",
        "横浜港は台風のため閉鎖されました。",
        "台風で港が閉まった。",
    ],
)
def test_a_short_euc_jp_page_reads_as_japanese(text: str) -> None:
    """Read as Korean (EUC-KR: "港の水位" as Hangul and jamo), Chinese Big5 or Shift_JIS
    before; its kana tell it."""
    raw = brief(text, None).encode("euc_jp")
    assert detect_charset(raw) == "euc_jp"
    assert text in decode_html(raw)


@pytest.mark.parametrize(
    "title",
    [
        "東京で初雪",
        "東京で初雪を観測",
        "北海道で地震",
        "首相が辞任へ",
        "円安が進む",
        "ＪＲ北海道の新駅",
    ],
)
@pytest.mark.parametrize("shape", ["title-and-headline", "title-alone"])
def test_a_euc_jp_title_with_a_kana_or_two_reads_as_japanese(title: str, shape: str) -> None:
    """A page that is little more than its title: statistics read "東京で初雪" as Korean,
    "톺딸ㅗ썽잣" (acc31b M15); its particle, read in EUC-KR, is a vowel alone among
    syllables, which no Korean headline writes."""
    text = title if shape == "title-and-headline" else "Photo"
    raw = brief(text, None, title=title).encode("euc_jp")
    assert detect_charset(raw) == "euc_jp"
    assert title in decode_html(raw)


@pytest.mark.parametrize(("codec", "title"), [("euc_kr", "귀갓길"), ("big5", "天氣")])
def test_a_page_of_ascii_markup_and_a_word_is_no_utf_16(codec: str, title: str) -> None:
    """A title, a headline and a paragraph of one word, no doctype: read as UTF-16 before, its
    tags as CJK characters ("㹤戼摯㹹格"); UTF-16 writes its ASCII with zero bytes."""
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{title}</p>"
    raw = f"{page}</body></html>".encode(codec)
    assert title in decode_html(raw)


def test_a_short_euc_jp_feed_declaring_no_encoding_reads_as_japanese() -> None:
    from reader.feeds import parse_feed

    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>東京で初雪</title>'
        "<item><title>東京で初雪</title><link>http://127.0.0.1/1</link></item></channel></rss>"
    ).encode("euc_jp")
    parsed = parse_feed(body, "http://127.0.0.1/f.xml", "", "application/rss+xml", None)
    assert parsed.title == "東京で初雪" and parsed.entries[0].title == "東京で初雪"


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("euc_kr", "ㄱ자 모양 건물"),  # a consonant alone, as Korean writes shapes
        ("euc_kr", "美대통령 방한"),
        ("euc_kr", "항구는 화요일에 폐쇄"),
        ("gbk", "日本の新幹線が開業"),  # a Chinese page may quote Japanese kana
    ],
)
def test_a_short_page_whose_bytes_are_no_tell_keeps_its_reading(codec: str, text: str) -> None:
    raw = brief(text, None, title=text).encode(codec)
    assert text in decode_html(raw)


SHIFT_JIS_TITLES = [
    "大阪で初雪",  # one kana
    "札幌で大雪を観測した",
    "台風で港が閉まった。",
    "ﾆｭｰｽ速報：港が閉まった",  # half-width katakana, as old sites wrote them: statistics
]


@pytest.mark.parametrize("text", SHIFT_JIS_TITLES)
def test_a_short_shift_jis_page_reads_as_japanese(text: str) -> None:
    """Read as Korean in Windows' cp949 before ("大阪で初雪" as "묈띲궳룊먤", rare syllables
    EUC-KR lacks); its kana, written with Shift_JIS's own lead bytes, tell it."""
    raw = brief(text, None).encode("cp932")
    assert detect_charset(raw) == "cp932"
    assert text in decode_html(raw)


@pytest.mark.parametrize("text", SHIFT_JIS_TITLES[:3])
def test_a_short_shift_jis_feed_declaring_no_encoding_reads_as_japanese(text: str) -> None:
    from reader.feeds import parse_feed

    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{text}</title>'
        f"<item><title>{text}</title><link>http://127.0.0.1/1</link></item></channel></rss>"
    ).encode("cp932")
    parsed = parse_feed(body, "http://127.0.0.1/f.xml", "", "application/rss+xml", None)
    assert parsed.title == text and parsed.entries[0].title == text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("euc_kr", "항구는 화요일에 폭풍으로 폐쇄되었다. 어부들은 바다에 나가지 않았다."),
        ("gbk", "他們說港口週二關閉，漁民們沒有出海。"),
        ("gb18030", "港口周二因风暴关闭，渔民没有出海。"),
        ("big5", "港口週二因風暴關閉，漁民沒有出海。"),
    ],
)
def test_korean_and_chinese_pages_are_no_japanese(codec: str, text: str) -> None:
    assert text in decode_html(brief(text, None, title="2026").encode(codec))


@pytest.mark.parametrize(
    "text",
    [
        "La criée a facturé 12 € la caisse. Œuvre du port, le cœur — « déjà » vu.",
        "De veerboot naar Texel voer één keer, zei de coördinator.",
        "Il porto di Livorno è chiuso per la tempesta.",
        "Le père du capitaine a vu la mer monter.",
        "The café on the quay sold crème brûlée.",
        "Die Fähre fällt aus, sagte die Behörde.",
    ],
)
def test_a_short_western_page_without_a_language_stays_windows_1252(text: str) -> None:
    """Read by statistics, the French brief was windows-1250's "facturť 12 Ä … Ćuvre", the Dutch
    one's "één" Chinese; "è" is windows-1250's "č". Their words keep them Western. (German's
    letters are the same bytes in both.)"""
    assert text in decode_html(brief(text, None).encode("cp1252"))


SLOVENE_TITLE = "Trajekt ne vozi"
SLOVENE = "Trajekt v Koper danes ne vozi, je dejal kapitan Novak Kovač."  # "Kovaè" before
JAPANESE_TITLE = "港の水位"
JAPANESE = "港の水位が上がりました。漁船は出港しませんでした。"


@pytest.mark.parametrize(
    ("title", "text", "codec"),
    [(SLOVENE_TITLE, SLOVENE, "cp1250"), (JAPANESE_TITLE, JAPANESE, "euc_jp")],
    ids=["slovene-windows-1250", "japanese-euc-jp"],
)
def test_a_sync_caches_a_short_undeclared_page_in_its_own_letters(
    data_dir: Path, title: str, text: str, codec: str
) -> None:
    """The whole way: a feed's item links to a page served as text/html with no charset, its
    bytes in a legacy one; the sync caches its title and text as written."""
    from reader.extract import to_text
    from reader.library import Library

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Port</title>'
        f"<link>{base}/</link><item><title>{title}</title><link>{base}/brief.html</link>"
        "</item></channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(feed, content_type="application/xml")
    server.expect_request("/brief.html").respond_with_data(
        brief(text, None, title=title).encode(codec), content_type="text/html"
    )

    async def run() -> tuple[str, str]:
        async with Library(data_dir) as lib:
            lib.add_feed(server.url_for("/feed.xml"))
            assert (await lib.sync()).articles_fetched == 1
            article = lib.cached_article(f"{base}/brief.html")
            assert article is not None
            return article.title, to_text(article)

    try:
        cached_title, cached_text = asyncio.run(run())
    finally:
        server.stop()
    assert cached_title == title
    assert text in cached_text
