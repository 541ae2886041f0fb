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


@pytest.mark.parametrize("cut", [b"a word\xe2\x80 cut", b"cut at the end\xe2\x80"])
def test_a_utf8_dash_cut_short_after_a_word_is_no_windows_1252(cut: bytes) -> None:
    """The first two bytes of a UTF-8 dash or quote, after a letter, read as windows-1252 are
    "â€", mojibake: they stay U+FFFD."""
    text = decode_html(TEMPLATE.encode() + b"<p>" + cut + b"</p>")
    assert "\ufffd" in text and "â€" not in text


# A Russian news site's UTF-8 template, and paragraphs its CMS pasted from older pages in a
# single-byte Cyrillic charset.
CYRILLIC_TEMPLATE = (
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
    "<title>Городские новости — Рыбаки протестуют против новых квот</title></head><body>"
    "<nav><a href='/'>Главная</a> <a href='/news'>Новости</a> <a href='/sport'>Спорт</a></nav>"
    "<article><h1>Рыбаки протестуют против новых квот</h1>"
    "<p>Новый порядок распределения квот вступает в силу с первого января.</p>"
)
RUSSIAN = [
    "Около трёхсот рыбаков вышли в понедельник на акцию протеста у здания администрации порта.",
    "«Мы не против правил, но эти квоты разорят небольшие хозяйства», — сказал председатель "
    "артели Виктор Семёнов.",
]
UKRAINIAN = [
    "Міська рада затвердила бюджет на наступний рік. Їхні депутати голосували за ремонт доріг.",
    "Вікторія Ткаченко, мешканка Вінниці, каже: «Ні, про це ніхто не питав». Сесія триває.",
]
# KOI8 has no «» or dashes: its writers typed ASCII ones.
RUSSIAN_KOI8 = [
    RUSSIAN[0],
    'Председатель артели Виктор Семёнов сказал: "Эти квоты разорят небольшие хозяйства".',
]
UKRAINIAN_KOI8 = [
    UKRAINIAN[0],
    "Вікторія Ткаченко, мешканка Вінниці, каже, що про це ніхто не питав. Сесія триває.",
]
BULGARIAN = ["Кметът обяви, че новият мост ще бъде открит през пролетта. Жителите са доволни."]
# What a Cyrillic paragraph read as windows-1252, or as UTF-8 where its bytes happen to be UTF-8,
# gives: Latin-1 letters ("Ïðèâåò", "Ð¿Ñ€"), U+FFFD, "³" or a Greek or combining character
# for "Ві".
MOJIBAKE = re.compile("[\ufffd\u00b3\u00c0-\u00ff\u0300-\u03ff\u0530-\u07ff]")


def cyrillic_page(paragraphs: list[str], codec: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs).encode(codec)
    return CYRILLIC_TEMPLATE.encode() + body + b"</article></body></html>"


MIXES = [
    ("ru-windows-1251", RUSSIAN, "cp1251"),
    ("ru-koi8-r", RUSSIAN_KOI8, "koi8_r"),
    ("uk-windows-1251", UKRAINIAN, "cp1251"),
    ("uk-koi8-u", UKRAINIAN_KOI8, "koi8_u"),
    ("bg-windows-1251", BULGARIAN, "cp1251"),
    ("one-short-paragraph", ["Шторм закрыл паром"], "cp1251"),
    ("more-bad-than-good", RUSSIAN + RUSSIAN[:1], "cp1251"),
]


@pytest.mark.parametrize("header", [None, "utf-8"])
@pytest.mark.parametrize(("paragraphs", "codec"), [m[1:] for m in MIXES], ids=[m[0] for m in MIXES])
def test_cyrillic_paragraphs_in_a_utf8_page_read_right(
    paragraphs: list[str], codec: str, header: str | None
) -> None:
    """The template stays UTF-8 and the pasted paragraphs read in their own charset, judged on
    all of them together; a word that is valid UTF-8 by chance inside one ("Ві" of "Вінниці",
    UTF-8's "³") reads with the rest of its word."""
    raw = cyrillic_page(paragraphs, codec)
    assert detect_charset(raw, header) == "utf-8"
    text = decode_html(raw, header)
    assert "<h1>Рыбаки протестуют против новых квот</h1>" in text
    for paragraph in paragraphs:
        assert f"<p>{paragraph}</p>" in text
    assert not MOJIBAKE.search(text), MOJIBAKE.findall(text)


OTHER_LATIN = [
    "Die Bürger müssen größere Straßen überqueren, sagte der Bürgermeister in München.",
    "El señor alcalde anunció que la próxima reunión será mañana en el ayuntamiento.",
    "O prefeito é o responsável pela decisão e não há ninguém à frente dele. É a situação.",
    "À la mer, à la plage, à côté. Où ? Là.",
    "“Quoted” – a dash — and ‘single’ quotes… and “more”, “again”.",
]


def test_windows_1252_paragraphs_of_other_languages_stay_windows_1252() -> None:
    """Latin letters read as Cyrillic are Cyrillic letters inside Latin words ("Bьrger",
    "seсor"), unlike text: a Western page's strays keep reading as windows-1252. (These read
    right before Cyrillic was considered; they guard that it changes nothing for them.)"""
    raw = mixed_page(OTHER_LATIN)
    text = decode_html(raw)
    for paragraph in OTHER_LATIN:
        assert paragraph in text
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    "stray",
    [b"caf\xe9", b"\xe0 la page", b"\x93Bonjour\x94 \x96 caf\xe9 cr\xe8me"],
    ids=["one-e-acute", "one-a-grave", "a-few"],
)
def test_a_few_stray_bytes_in_a_russian_page_stay_windows_1252(stray: bytes) -> None:
    """Thin evidence keeps windows-1252: a Russian page's one "café" is not "cafй"."""
    raw = CYRILLIC_TEMPLATE.encode() + b"<p>" + stray + b"</p></article></body></html>"
    assert decode_html(raw).endswith(f"<p>{stray.decode('cp1252')}</p></article></body></html>")


def test_a_plain_text_page_with_a_windows_1251_paragraph_reads_right() -> None:
    raw = "Рыбаки протестуют против новых квот\n\n".encode() + RUSSIAN[0].encode("cp1251")
    assert decode_text(raw, "utf-8") == "Рыбаки протестуют против новых квот\n\n" + RUSSIAN[0]


def mixed_feed(title: str, items: list[tuple[str, str, str]], channel: str = "") -> bytes:
    """A UTF-8 RSS feed whose items are each written in the charset given with it, as an
    aggregator copies them from their sources; `channel`: more of the channel's elements."""
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title>{channel}<link>http://127.0.0.1/</link>"
    ).encode()
    for n, (item_title, description, codec) in enumerate(items):
        feed += (
            f"<item><title>{item_title}</title><link>http://127.0.0.1/{n}</link>"
            f"<description>{description}</description></item>"
        ).encode(codec)
    return feed + b"</channel></rss>"


def test_a_feed_whose_descriptions_mix_utf8_and_windows_1251_reads_right() -> None:
    """Through the feed parser: an aggregator's UTF-8 feed, two of whose items were copied from
    a windows-1251 source."""
    from reader.feeds import parse_feed

    items = [
        ("Паром не ходит второй день", "Компания вернёт деньги за билеты.", "utf-8"),
        ("Рыбаки протестуют", RUSSIAN[0], "cp1251"),
        ("Бюджет на наступний рік", UKRAINIAN[0], "cp1251"),
    ]
    feed = mixed_feed("Городские новости", items)
    parsed = parse_feed(feed, "http://127.0.0.1/f.xml", "", "text/xml", None)
    assert parsed.title == "Городские новости"
    assert [(e.title, e.summary) for e in parsed.entries] == [(t, d) for t, d, _ in items]


def test_an_article_with_windows_1251_paragraphs_is_extracted_in_cyrillic() -> None:
    """The whole extraction, as a fetch's bytes and Content-Type give it (and as the cache's raw
    page is extracted again): the article's text holds the paragraphs, not mojibake."""
    from reader.extract import extract_article, to_text

    story = [
        "Около трёхсот рыбаков вышли в понедельник на акцию протеста у здания администрации "
        "порта. Они требуют пересмотреть квоты на вылов трески.",
        "«Мы не против правил, но эти квоты разорят небольшие хозяйства», — сказал председатель "
        "артели Виктор Семёнов. По его словам, в посёлке без работы останутся сотни семей.",
        "В администрации порта ответили, что квоты утверждены министерством и изменить их "
        "местные власти не могут. Следующая встреча назначена на пятницу.",
    ]
    raw = cyrillic_page(story, "cp1251")
    article = extract_article(raw, "http://127.0.0.1/fishermen.html", "utf-8")
    text = to_text(article)
    assert article.title == "Рыбаки протестуют против новых квот"
    for paragraph in story:
        assert paragraph in text
    assert not MOJIBAKE.search(text)


@pytest.mark.parametrize("declared", ["utf-8", "windows-1251", "iso-8859-2"])
def test_a_long_unbroken_token_beside_the_letters_is_read_at_once(declared: str) -> None:
    """A base64 `data:` address, or 60 KB of a token in a hostile page, beside text with bytes
    that are no UTF-8 (or a legacy page's letters): the words with those bytes were looked for
    from every character of the token, again and again (minutes for this page); now from
    where each word begins, and the text reads as ever."""
    token = "QUJD" * 15_000
    paragraph = RUSSIAN[0] if declared != "iso-8859-2" else "Jízdné bude levnější."
    legacy = "cp1251" if declared != "iso-8859-2" else "iso8859_2"
    raw = (
        f'<html><head><meta charset="{declared}"></head><body>'
        f'<p>{token}</p><img src="data:image/png;base64,{token}">'
    ).encode()
    if declared == "utf-8":  # a template in UTF-8, a paragraph pasted in windows-1251
        raw += "<p>Новости дня</p>".encode()
    raw += f"<p>{paragraph}</p></body></html>".encode(legacy)
    text = decode_html(raw)
    assert text.endswith(f"<p>{paragraph}</p></body></html>")


POLISH = [
    "Rada miasta przyjęła w środę budżet na przyszły rok. Radni opozycji skrytykowali "
    "podwyżkę podatków, a prezydent bronił inwestycji w szkoły.",
    "Mieszkańcy Łodzi są rozczarowani: liczyli na remont drogi nad zalewem, zamkniętej od "
    "zimy. Rybacy wciąż czekają na naprawę dźwigu w porcie.",
]
# A newer UTF-8 template's menu and footer around an article an older CMS keeps in a single-byte
# charset: the page is mostly that charset, and says so, or UTF-8, or nothing.
FRAMED = [
    ("ru-windows-1251", "Главная Новости Спорт Погода", RUSSIAN, "cp1251", "ru"),
    ("ru-koi8-r", "Главная Новости Спорт Погода", RUSSIAN_KOI8, "koi8_r", "ru"),
    ("uk-windows-1251", "Головна Новини Спорт Погода", UKRAINIAN, "cp1251", "uk"),
    ("pl-windows-1250", "Główna Wiadomości Świat Pogoda", POLISH, "cp1250", "pl"),
]


def framed_page(menu: str, paragraphs: list[str], codec: str, lang: str, meta: str) -> bytes:
    frame = f"<nav>{' '.join(f'<a href=/{n}>{w}</a>' for n, w in enumerate(menu.split()))}</nav>"
    return (
        (
            (f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>Harbour</title></head><body>')
            + frame
            + "<article>"
        ).encode()
        + "".join(f"<p>{p}</p>" for p in paragraphs).encode(codec)
        + (f"</article><footer>© 2026 {menu} — ©</footer></body></html>").encode()
    )


@pytest.mark.parametrize(
    ("meta", "header"),
    [
        ("", None),
        ('<meta charset="utf-8">', None),
        ("", "utf-8"),
        ('<meta charset="windows-1251">', None),
        ("", "windows-1251"),
    ],
    ids=["undeclared", "meta-utf-8", "header-utf-8", "meta-windows-1251", "header-windows-1251"],
)
@pytest.mark.parametrize(
    ("menu", "paragraphs", "codec", "lang"), [f[1:] for f in FRAMED], ids=[f[0] for f in FRAMED]
)
def test_an_article_in_a_legacy_charset_in_a_utf8_frame_reads_right(
    menu: str, paragraphs: list[str], codec: str, lang: str, meta: str, header: str | None
) -> None:
    """Mostly legacy bytes, a few UTF-8 words: the page was read whole as a guess (windows-1252,
    the article "Îêîëî òð¸õñîò" and the menu "Ð“Ð»Ð°Ð²Ð½Ð°Ñ"), or as its windows-1251
    declaration (the menu "Р“Р»Р°РІРЅР°СЏ"). Now each part reads in its own charset."""
    raw = framed_page(menu, paragraphs, codec, lang, meta)
    text = decode_html(raw, header)
    for word in menu.split():
        assert f">{word}</a>" in text
    assert f"<footer>© 2026 {menu} — ©</footer>" in text
    for paragraph in paragraphs:
        assert f"<p>{paragraph}</p>" in text


@pytest.mark.parametrize("meta", ["", '<meta charset="windows-1251">'])
def test_a_windows_1251_page_whose_words_are_utf8_by_chance_stays_windows_1251(meta: str) -> None:
    """A Ukrainian page alone: "Ні", "Ві" and "Мі" are UTF-8 by chance ("ͳ", "³"), no UTF-8
    words of a frame, and the page is read as windows-1251 throughout."""
    story = [*UKRAINIAN, "Ні. Ві, Мі — так відповіли всі троє. Ні, ні і ні."] * 3
    raw = (
        f'<html lang="uk"><head>{meta}<title>Новини</title></head><body>'
        + "".join(f"<p>{p}</p>" for p in story)
        + "</body></html>"
    ).encode("cp1251")
    assert detect_charset(raw) == "cp1251"
    text = decode_html(raw)
    for paragraph in story:
        assert f"<p>{paragraph}</p>" in text


def test_a_short_windows_1251_word_that_is_utf8_by_chance_reads_in_cyrillic() -> None:
    """ "Ні" of windows-1251 (CD B3) is UTF-8's "ͳ", "Ві" is "³", "Мі" a combining line: a
    word of its own, no stray byte in it, it kept its UTF-8 reading in a page whose strays
    read as windows-1251. A UTF-8 "½", "£" or "é" standing alone is no Cyrillic word, and
    stays."""
    pasted = ["Ні. Ві, Мі — так відповіли всі троє на питання депутатів.", *UKRAINIAN]
    raw = cyrillic_page(pasted, "cp1251").replace(
        b"</article>", "<p>½ £ é ü</p></article>".encode()
    )
    text = decode_html(raw)
    for paragraph in pasted:
        assert f"<p>{paragraph}</p>" in text
    assert "<p>½ £ é ü</p>" in text


# "の一": the kana's second byte and the kanji's first (0xCC 0x88) make a UTF-8 letter, U+0308,
# whose bytes windows-1250 leaves partly undefined (0x88): the stray-word reading met it.
HARBOUR_GALE = (
    "港町では三日朝から風が強まり、気象台は波浪警報を出しました。"
    "漁船の一部は港に戻り、町の一番大きな市場も閉まり、午後の定期船は欠航となりました。"
)


def test_a_shift_jis_page_sent_as_utf8_is_read_as_japanese() -> None:
    html = (
        '<html lang="ja"><head><title>港町に強風 定期船が欠航</title></head><body><article>'
        "<h1>港町に強風 定期船が欠航</h1>"
        + "".join(f"<p>{HARBOUR_GALE}第{i}段落。</p>" for i in range(8))
        + "</article></body></html>"
    ).encode("shift_jis")
    assert detect_charset(html, "utf-8") == "cp932"
    assert "町の一番大きな市場" in decode_html(html, "utf-8")
