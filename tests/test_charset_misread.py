"""A declared charset that reads the bytes without an error, but as the wrong letters: KOI8-R
labelled windows-1251 and the reverse, ISO-8859-2 labelled windows-1250 and the reverse. The
page (or feed) is read by the charset of the same family its letters say, and a declaration
that is right stays."""

from __future__ import annotations

import asyncio

import pytest

from reader.charset import decode_html, detect_charset, detect_feed_charset, normalise_charset

FISHERMEN = "Рыбаки протестуют против новых квот"
FISHERMEN_BODY = (
    "Около трёхсот рыбаков вышли в понедельник на акцию протеста у здания администрации порта. "
    "Они требуют пересмотреть квоты на вылов трески, которые, по их словам, разорят небольшие "
    "хозяйства."
)
# A title and two sentences, among Latin words.
STORM = "Шторм закрыл паром"
STORM_BODY = "Паром в Выборг не ходит второй день. Компания Baltic Line вернёт деньги за билеты."
HEADLINE_CAPS = "СРОЧНО: МЭР ПОДАЛ В ОТСТАВКУ"
UKRAINIAN = "Міська рада затвердила бюджет. Їхні депутати голосували за ремонт доріг і мостів."
CZECH_TITLE = "Jízdné bude levnější"
CZECH = (
    "Dopravní podnik oznámil, že jízdenky budou od ledna levnější. Starosta řekl, že město "
    "neřeší jen ceny, ale i nové tramvaje na sídlišti."
)
POLISH_TITLE = "Mąż wrócił z Łodzi"
# No "ś", "ź", "ż" written as C1 controls by ISO-8859-2: only "ą" and "Ą" tell the labels apart.
POLISH = "Pociąg do Łodzi był opóźniony o godzinę. Podróżni dostaną zwrot pieniędzy za bilety."

SERBIAN_TITLE = "Ђорђе Ђоковић обећао нови мост"
SERBIAN = (
    "Градоначелник Ђорђе Ђоковић рекао је да ће љубав грађана према граду и њихов живот бити "
    "бољи кад џиновски мост буде завршен. Ћирилица, Љиљана и Њива су у граду."
)
MACEDONIAN = "Градоначалникот Ѓорѓи рече дека ќе дојде. Ѕвездата, Љубов и Њива се во Џамијата."


def news_page(meta: str, title: str, body: str, lang: str) -> str:
    """A news page's shape: English site chrome around the story."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title} | Harbour Gazette</title>'
        '<meta property="og:site_name" content="Harbour Gazette"></head><body>'
        '<header><a href="/">Harbour Gazette</a><nav><a href="/news">News</a> '
        '<a href="/sport">Sport</a></nav></header><main><article>'
        f"<h1>{title}</h1><p>{body}</p></article></main>"
        "<footer><p>&copy; 2026 Harbour Gazette Ltd.</p></footer></body></html>"
    )


LIES = [
    # (title, body, lang, written in, declared)
    (FISHERMEN, FISHERMEN_BODY, "ru", "koi8_r", "windows-1251"),
    (FISHERMEN, FISHERMEN_BODY, "ru", "cp1251", "koi8-r"),
    (STORM, STORM_BODY, "ru", "koi8_r", "windows-1251"),
    (STORM, STORM_BODY, "ru", "cp1251", "koi8-r"),
    (STORM, STORM_BODY, "ru", "cp866", "windows-1251"),
    (STORM, STORM_BODY, "ru", "iso8859_5", "koi8-r"),
    (HEADLINE_CAPS, FISHERMEN_BODY, "ru", "koi8_r", "windows-1251"),
    ("Бюджет", UKRAINIAN, "uk", "koi8_u", "windows-1251"),
    (CZECH_TITLE, CZECH, "cs", "iso8859_2", "windows-1250"),
    (POLISH_TITLE, POLISH, "pl", "cp1250", "iso-8859-2"),
    # Mac Cyrillic writes the lower case as windows-1251 does but for "я" and "ё": labelled
    # windows-1251 its capitals were "ђыбаки", "Ћколо", "трЮхсот".
    (FISHERMEN, FISHERMEN_BODY, "ru", "mac_cyrillic", "windows-1251"),
    (STORM, STORM_BODY, "ru", "mac_cyrillic", "windows-1251"),
    (FISHERMEN, FISHERMEN_BODY, "ru", "cp1251", "x-mac-cyrillic"),
    ("Бюджет", UKRAINIAN, "uk", "mac_cyrillic", "windows-1251"),
]


@pytest.mark.parametrize("where", ["meta", "header"])
@pytest.mark.parametrize(
    ("title", "body", "lang", "written_in", "declared"),
    LIES,
    ids=[f"{lang}-{written}-as-{declared}" for _, _, lang, written, declared in LIES],
)
def test_a_declaration_that_reads_the_bytes_as_other_letters_is_overruled(
    title: str, body: str, lang: str, written_in: str, declared: str, where: str
) -> None:
    meta = f'<meta charset="{declared}">' if where == "meta" else ""
    raw = news_page(meta, title, body, lang).encode(written_in)
    text = decode_html(raw, declared if where == "header" else None)
    assert title in text and body in text


TRUTHS = [
    (FISHERMEN, FISHERMEN_BODY, "ru", "windows-1251"),
    (FISHERMEN, FISHERMEN_BODY, "ru", "koi8-r"),
    (STORM, STORM_BODY, "ru", "windows-1251"),
    (STORM, STORM_BODY, "ru", "koi8-r"),
    (STORM, STORM_BODY, "ru", "cp866"),
    (STORM, STORM_BODY, "ru", "iso-8859-5"),
    # Capitals are no mojibake: a headline in capitals over a story in windows-1251.
    (HEADLINE_CAPS, FISHERMEN_BODY, "ru", "windows-1251"),
    (HEADLINE_CAPS, HEADLINE_CAPS, "ru", "windows-1251"),
    (HEADLINE_CAPS, HEADLINE_CAPS, "ru", "koi8-r"),
    ("Бюджет", UKRAINIAN, "uk", "windows-1251"),
    ("Бюджет", UKRAINIAN, "uk", "koi8-u"),
    (CZECH_TITLE, CZECH, "cs", "windows-1250"),
    (CZECH_TITLE, CZECH, "cs", "iso-8859-2"),
    (POLISH_TITLE, POLISH, "pl", "windows-1250"),
    (POLISH_TITLE, POLISH, "pl", "iso-8859-2"),
    ("Šťastný Žižkov", "Řidiči už nemusí objíždět město přes Žižkov.", "cs", "windows-1250"),
    ("Śnieg na Śląsku", "Źródła w ratuszu podają, że jarmark ruszy w piątek.", "pl", "iso-8859-2"),
    # Serbian and Macedonian "ђ", "џ", "љ", "њ", "ћ", "ќ" are Mac Cyrillic's capitals: their
    # words tell nothing, and the declaration stays, either way.
    (SERBIAN_TITLE, SERBIAN, "sr", "windows-1251"),
    (SERBIAN_TITLE, SERBIAN, "sr", "mac-cyrillic"),
    ("Ќе дојде", MACEDONIAN, "mk", "windows-1251"),
    ("Ќе дојде", MACEDONIAN, "mk", "mac-cyrillic"),
    (FISHERMEN, FISHERMEN_BODY, "ru", "mac-cyrillic"),
]


@pytest.mark.parametrize("where", ["meta", "header"])
@pytest.mark.parametrize(
    ("title", "body", "lang", "declared"),
    TRUTHS,
    ids=[f"{n}-{lang}-{declared}" for n, (_, _, lang, declared) in enumerate(TRUTHS)],
)
def test_a_declaration_the_letters_bear_out_is_kept(
    title: str, body: str, lang: str, declared: str, where: str
) -> None:
    meta = f'<meta charset="{declared}">' if where == "meta" else ""
    raw = news_page(meta, title, body, lang).encode(declared)
    header = declared if where == "header" else None
    assert detect_charset(raw, header) == normalise_charset(declared)
    text = decode_html(raw, header)
    assert title in text and body in text


HEADLINES = [
    "Паром не ходит второй день",
    "Мэрия обещает ремонт моста",
    "Школы закрыты из-за шторма",
]


def test_a_feed_whose_xml_declaration_names_the_other_cyrillic_charset_reads_right() -> None:
    from reader.feeds import parse_feed

    items = "".join(
        f"<item><title>{headline}</title><link>http://127.0.0.1/{n}</link>"
        "<description>Коротко о событиях в порту.</description></item>"
        for n, headline in enumerate(HEADLINES)
    )
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        f"<title>Городские новости</title><description>Новости</description>{items}"
        "</channel></rss>"
    ).encode("koi8_r")
    assert detect_feed_charset(feed) == "koi8-r"
    parsed = parse_feed(feed, "http://127.0.0.1/f.xml", "", "text/xml", None)
    assert parsed.title == "Городские новости"
    assert [entry.title for entry in parsed.entries] == HEADLINES


def test_a_koi8_page_served_as_windows_1251_is_cached_in_russian(tmp_path, httpserver) -> None:
    """The whole way: a server's header names windows-1251, the bytes are KOI8-R. The article
    is cached with its Russian title and text, and reads so offline."""
    from reader.extract import to_text
    from reader.library import Library

    body = news_page("", FISHERMEN, FISHERMEN_BODY, "ru").encode("koi8_r")
    httpserver.expect_request("/fishermen.html").respond_with_data(
        body, content_type="text/html; charset=windows-1251"
    )
    url = httpserver.url_for("/fishermen.html")

    async def read(offline: bool) -> tuple[str, str]:
        async with Library(tmp_path) as lib:
            article = await lib.article(url, offline=offline)
            return article.title, to_text(article)

    title, text = asyncio.run(read(offline=False))
    assert title == FISHERMEN and FISHERMEN_BODY in text
    httpserver.clear()
    assert asyncio.run(read(offline=True)) == (title, text)


FRENCH_TITLE = "Le port du Havre"
FRENCH_LATIN_9 = "Le port a facturé 12 € par conteneur. Œuvre de la ville, le cœur du port."


@pytest.mark.parametrize("where", ["meta", "header"])
def test_an_iso_8859_15_page_labelled_iso_8859_1_reads_its_euro_and_oe(where: str) -> None:
    """Read by the label, it was "12 ¤", "¼uvre", "c½ur" (as browsers show it): "¼uvre" is no
    French, and ISO-8859-15 reads those bytes as "€", "Œ", "œ"."""
    meta = '<meta charset="iso-8859-1">' if where == "meta" else ""
    raw = news_page(meta, FRENCH_TITLE, FRENCH_LATIN_9, "fr").encode("iso8859_15")
    header = "iso-8859-1" if where == "header" else None
    assert detect_charset(raw, header) == "iso8859-15"
    assert FRENCH_LATIN_9 in decode_html(raw, header)


@pytest.mark.parametrize(
    "body",
    [
        "The recipe takes 1½ hours, ¼ cup of sugar and ½ lemon.",
        "We don´t sail today, said the harbour master.",
        "Le port a facturé 12 € par conteneur, « déjà » vu.",
        "Le port a facturé 12 ¤ par conteneur.",
    ],
)
def test_a_latin_1_page_whose_signs_stand_apart_keeps_its_label(body: str) -> None:
    """Fractions after numbers, an acute accent for an apostrophe ("donŽt" in ISO-8859-15),
    windows-1252's "€", a lone "¤" with no letter of ISO-8859-15's in a word: the label's
    reading is kept."""
    raw = news_page('<meta charset="iso-8859-1">', "Port", body, "en").encode("cp1252")
    assert detect_charset(raw) == "cp1252"
    assert body in decode_html(raw)


TURKISH_TITLE = "İzmir'de kış lastiği zorunlu oldu"
TURKISH = (
    "Ticari araçlar için kış lastiği uygulaması bugün başladı. Şoförler, Iğdır ve Erzurum "
    "yollarında ağır kar yağışı beklendiğini söyledi; denetimler İzmir'de de sürecek."
)
TURKISH_CAPS = "İZMİR'DE KIŞ LASTİĞİ ZORUNLU OLDU"


@pytest.mark.parametrize("where", ["meta", "header"])
@pytest.mark.parametrize("written_in", ["cp1254", "iso8859_9"])
@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252"])
@pytest.mark.parametrize("lang", ["tr", "en", None])
def test_a_turkish_page_labelled_latin_1_reads_in_turkish(
    where: str, written_in: str, declared: str, lang: str | None
) -> None:
    """Read by the label it was "Ýzmir'de kýþ lastiði" (as browsers show it): no Turkish word
    holds "Ý", "þ" or "ð", and "ç" and "ü" beside them are no Icelandic."""
    meta = f'<meta charset="{declared}">' if where == "meta" else ""
    page = news_page(meta, TURKISH_TITLE, TURKISH, lang or "")
    if lang is None:
        page = page.replace(' lang=""', "")
    raw = page.encode(written_in)
    header = declared if where == "header" else None
    assert detect_charset(raw, header) == "cp1254"
    assert TURKISH in decode_html(raw, header)


def test_a_turkish_headline_in_capitals_reads_in_turkish_when_the_page_says_turkish() -> None:
    """ "ÝZMÝR'DE KIÞ" holds only Icelandic's letters: the page's `lang` tells."""
    raw = news_page('<meta charset="iso-8859-1">', TURKISH_CAPS, TURKISH_CAPS, "tr")
    assert TURKISH_CAPS in decode_html(raw.encode("cp1254"))


def test_a_turkish_feed_whose_xml_declaration_says_latin_1_reads_in_turkish() -> None:
    raw = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
        f"<title>Gündem</title><item><title>{TURKISH_TITLE}</title>"
        f"<description>{TURKISH}</description></item></channel></rss>"
    ).encode("cp1254")
    assert detect_feed_charset(raw) == "cp1254"
    assert detect_feed_charset(raw, "iso-8859-1") == "cp1254"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Þjóðin kaus í dag. Guðrún Ýr sagði að fólkið væri ánægt með úrslitin.", "is"),
        ("Þjóðin kaus í dag. Guðrún Ýr sagði að fólkið væri ánægt með úrslitin.", "en"),
        ("Le maire a reçu Guðmundur Þórsson, élu à Reykjavík, à l'hôtel de ville.", "fr"),
        ("Der Bürgermeister traf Jón Þórðarson in München; beide sprachen über Fähren.", "de"),
    ],
)
def test_an_icelandic_name_or_page_labelled_latin_1_keeps_its_label(body: str, lang: str) -> None:
    raw = news_page('<meta charset="iso-8859-1">', "Port", body, lang).encode("cp1252")
    assert detect_charset(raw) == "cp1252"
    assert body in decode_html(raw)


KOREAN_TITLE = "부산시, 해운대 해수욕장 겨울 축제 개최"
KOREAN = "부산시는 이번 주말 해운대 해수욕장에서 겨울 빛 축제를 연다고 밝혔다. 축제는 내년 2월까지 이어진다."
JAPANESE_TITLE = "大阪で初雪、平年より１０日早く"
JAPANESE = "大阪管区気象台は４日、大阪市内で初雪を観測したと発表した。平年より１０日早い。"


def test_a_korean_page_labelled_euc_jp_is_cached_in_korean(tmp_path, httpserver) -> None:
    """EUC-KR bytes served as EUC-JP on a page naming Korean (acc38a J6): EUC-JP reads them
    without an error, as kanji and not one kana ("採至獣, 背錘企"); the page is read in Korean."""
    from reader.extract import to_text
    from reader.library import Library

    body = news_page("", KOREAN_TITLE, KOREAN, "ko").encode("euc_kr")
    httpserver.expect_request("/busan.html").respond_with_data(
        body, content_type="text/html; charset=euc-jp"
    )

    async def read() -> tuple[str, str]:
        async with Library(tmp_path) as lib:
            article = await lib.article(httpserver.url_for("/busan.html"))
            return article.title, to_text(article)

    title, text = asyncio.run(read())
    assert title == KOREAN_TITLE and KOREAN in text


@pytest.mark.parametrize("where", ["header", "meta"])
def test_a_korean_page_labelled_japanese_reads_in_korean(where: str) -> None:
    meta = '<meta charset="euc-jp">' if where == "meta" else ""
    raw = news_page(meta, KOREAN_TITLE, KOREAN, "ko").encode("euc_kr")
    assert KOREAN in decode_html(raw, "euc-jp" if where == "header" else None)


@pytest.mark.parametrize("lang", ["ja", "ko", "en"])
def test_a_japanese_page_in_euc_jp_keeps_its_label_whatever_language_it_names(lang: str) -> None:
    """Its kana tell it Japanese, even on a page that names Korean by mistake."""
    raw = news_page('<meta charset="euc-jp">', JAPANESE_TITLE, JAPANESE, lang).encode("euc_jp")
    assert detect_charset(raw) == "euc_jp"
    assert JAPANESE in decode_html(raw)


GREEK_TITLE = "Άρειος Πάγος: Άκυρη η Άδεια λειτουργίας"
GREEK = (
    "Ο Άρειος Πάγος αποφάσισε ότι η Άδεια λειτουργίας του λιμανιού είναι άκυρη. Οι κάτοικοι της "
    "Άνδρου περίμεναν την απόφαση από τον Μάρτιο."
)


def test_a_windows_1253_page_served_as_iso_8859_7_is_cached_in_greek(tmp_path, httpserver) -> None:
    """acc41c C17: windows-1253 writes "Ά" where ISO-8859-7 has "’": the article was cached as
    "’ρειος Πάγος: ’κυρη η ’δεια", and a search for "Άδεια" found nothing."""
    from reader.extract import to_text
    from reader.library import Library

    body = news_page("", GREEK_TITLE, GREEK, "el").encode("cp1253")
    httpserver.expect_request("/areios.html").respond_with_data(
        body, content_type="text/html; charset=ISO-8859-7"
    )
    url = httpserver.url_for("/areios.html")

    async def read() -> tuple[str, str]:
        async with Library(tmp_path) as lib:
            article = await lib.article(url)
            return article.title, to_text(article)

    title, text = asyncio.run(read())
    assert title == GREEK_TITLE and GREEK in text and "’" not in text


def test_a_greek_feed_in_windows_1253_declared_iso_8859_7_reads_right() -> None:
    from reader.feeds import parse_feed

    feed = (
        '<?xml version="1.0" encoding="iso-8859-7"?><rss version="2.0"><channel>'
        f"<title>Νέα</title><item><title>{GREEK_TITLE}</title><link>http://127.0.0.1/1</link>"
        "</item></channel></rss>"
    ).encode("cp1253")
    assert detect_feed_charset(feed) == "cp1253"
    parsed = parse_feed(feed, "http://127.0.0.1/f.xml", "", "text/xml", None)
    assert [entry.title for entry in parsed.entries] == [GREEK_TITLE]


@pytest.mark.parametrize(
    "body",
    [
        # Apostrophes after an elided word, and "Ά" as ISO-8859-7 writes it.
        "Ο Άρειος Πάγος είπε πως η απόφαση ισχύει απ’ όλους. Σ’ αυτό συμφώνησαν και οι δικηγόροι.",
        # No "Ά" at all, an apostrophe opening a word ("τα ’χασε") beside one ending one.
        "Η ομάδα τα ’χασε στο τέλος, είπε ο προπονητής, και θα ’ρθει η ώρα της απ’ την αρχή.",
    ],
)
def test_a_real_iso_8859_7_page_with_apostrophes_keeps_its_label(body: str) -> None:
    page = news_page("", "Νέα από το λιμάνι", body, "el").encode("iso8859-7")
    assert detect_charset(page, "ISO-8859-7") == "iso8859-7"
    assert body in decode_html(page, "ISO-8859-7")
