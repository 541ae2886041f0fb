"""Datelines as the foreign press writes them, on pages that declare no date in their markup:
the months' names in each language (Russian's and Polish's genitives, Hebrew's "in March"),
Chinese, Japanese and Korean dates, other digits, and the labels "Published"/"Updated"."""

from __future__ import annotations

import pytest

from reader.dates import date_only, stated_iso
from reader.extract import extract_article
from reader.extract.written_dates import parse_text_date

STORY = """
<p>Die Fähre zur Insel wird Ende des Monats eingestellt, teilte der Betreiber am Montag mit,
nachdem der Gemeinderat die Förderung nicht verlängert hatte, die den Verkehr seit 1994 trägt.</p>
<p>Rund vierhundert Menschen setzen täglich über, die meisten auf dem Weg zur Arbeit oder zur
Schule auf dem Festland; die nächste Verbindung liegt anderthalb Stunden Fahrt entfernt.</p>
<p>Der Betreiber habe angeboten, im Winter einen verkürzten Fahrplan anzubieten, doch der Rat
habe seine Briefe nicht beantwortet. Ein Sprecher sagte, die Gespräche gingen weiter.</p>
"""


def dates(line: str) -> tuple[str | None, str | None]:
    body = f'<article><h1>Fähre</h1><div class="article-meta">{line}</div>{STORY}</article>'
    article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
    return (
        stated_iso(article.published) if article.published else None,
        stated_iso(article.updated) if article.updated else None,
    )


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("3 marzo 2026, ore 14:05", "2026-03-03T14:05:00"),  # Corriere
        ("Publicado em 3 de março de 2026 às 14h05", "2026-03-03T14:05:00"),
        ("3.mar.2026 às 14h05", "2026-03-03T14:05:00"),  # Folha
        ("3 maart 2026 om 14:05", "2026-03-03T14:05:00"),  # NOS
        ("3 października 2026, 14:05", "2026-10-03T14:05:00"),  # Wyborcza
        ("3 сентября 2026 г., 14:05 МСК", "2026-09-03T14:05:00+03:00"),  # RIA
        ("3 березня 2026, 14:05", "2026-03-03T14:05:00"),
        ("3 Mart 2026 14:05", "2026-03-03T14:05:00"),  # Hürriyet
        ("٣ مارس ٢٠٢٦", "2026-03-03"),  # Arabic-Indic digits
        ("3 تشرين الأول 2026", "2026-10-03"),  # the Levant's months
        ("3 במרץ 2026", "2026-03-03"),  # Haaretz: "in March"
        ("2026年3月3日 14時05分", "2026-03-03T14:05:00"),  # NHK
        ("２０２６年３月３日 午後２時５分", "2026-03-03T14:05:00"),  # full-width digits
        ("2026.03.03. 오후 2:05", "2026-03-03T14:05:00"),  # Korean portals
        ("송고2026-03-03 14:05", "2026-03-03T14:05:00"),  # Yonhap: no space after the label
        ("03 मार्च 2026", "2026-03-03"),  # Dainik Bhaskar
        # Japan's era years (Reiwa 1 is 2019, its first year "元年") and Chinese numerals.
        ("令和8年3月3日 14時05分", "2026-03-03T14:05:00"),
        ("令和 8 年 3 月 3 日（火）", "2026-03-03"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("令和八年三月三日", "2026-03-03"),
        ("二〇二六年三月三日", "2026-03-03"),  # People's Daily
        ("二〇二六年十一月二十三日 14:05", "2026-11-23T14:05:00"),
        ("二○二六年十月三十一日", "2026-10-31"),  # a circle for the zero
    ],
)
def test_a_dateline_in_another_language_dates_the_article(line: str, published: str) -> None:
    assert dates(line)[0] == published


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Opublikowano: 3 marca 2026, 14:05 Aktualizacja: 4 marca 2026, 09:30",
            ("2026-03-03T14:05:00", "2026-03-04T09:30:00"),
        ),
        (
            "Gepubliceerd: 3 maart 2026 om 14:05 | Bijgewerkt: 4 maart 2026",
            ("2026-03-03T14:05:00", "2026-03-04"),
        ),
        (
            "Опубликовано 3 марта 2026, 14:05 Обновлено 4 марта 2026, 09:30",
            ("2026-03-03T14:05:00", "2026-03-04T09:30:00"),
        ),
        (
            "Yayınlanma: 03.03.2026 - 14:05 Güncelleme: 04.03.2026 - 09:30",
            ("2026-03-03T14:05:00", "2026-03-04T09:30:00"),
        ),
        (
            "입력 2026.03.03 14:05 수정 2026.03.04 09:30",
            ("2026-03-03T14:05:00", "2026-03-04T09:30:00"),
        ),
        ("最終更新：2026年3月4日 9時30分", (None, "2026-03-04T09:30:00")),
        (
            "dinsdag 3 maart 2026, 14:05 Aangepast: woensdag 4 maart 2026, 09:30",  # NOS
            ("2026-03-03T14:05:00", "2026-03-04T09:30:00"),
        ),
        ("3 marzo 2026 (modifica il 4 marzo 2026 | 09:30)", ("2026-03-03", "2026-03-04T09:30:00")),
        ("Atualizado 4.mar.2026 às 9h30", (None, "2026-03-04T09:30:00")),
    ],
)
def test_a_datelines_labels_in_another_language_tell_publication_from_update(
    line: str, expected: tuple[str | None, str | None]
) -> None:
    assert dates(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Version 2026.1.2",  # a release, not 2 January
        "v2026.10.01.3",
        "3/4/2026",  # March 4th or 3 April: either order
        "Ocak 2026",  # a month, no day
        "平成31年",  # a year alone
        "令和元年5月",
        "三十年十月十日",  # no year of the Common Era nor of an era
        "二〇二六年十三月三日",
    ],
)
def test_a_dateline_that_states_no_whole_date_gives_none(line: str) -> None:
    assert dates(line) == (None, None)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("نشر في 25/03/2026 - 14:05", "2026-03-25T14:05:00"),  # Arab and British sites
        ("Published 03/25/2026 9:05 AM ET", "2026-03-25T09:05:00-04:00"),
        ("٠٣/٠٣/٢٠٢٦", "2026-03-03"),  # the same either way
    ],
)
def test_a_slashed_date_is_read_where_its_order_cannot_matter(line: str, published: str) -> None:
    """Day first or month first: a number over 12, or the two the same, tells which."""
    assert dates(line) == (published, None)


def test_a_labelled_dateline_longer_than_a_date_leaves_the_text_once_read() -> None:
    """Le Monde's "Publié le 3 mars 2026 à 14h05, modifié le 4 mars 2026 à 09h30" gives both
    dates to the header and leaves the body; a sentence opening with the label stays."""
    for line, updated in (
        ("Publié le 3 mars 2026 à 14h05, modifié le 4 mars 2026 à 09h30", "2026-03-04T09:30:00"),
        (
            "Опубликовано 3 марта 2026 в 14:05, обновлено 4 марта 2026 в 09:30",
            "2026-03-04T09:30:00",
        ),
        (
            "Published 3 March 2026, 14:05 GMT. Updated 4 March 2026, 09:30 GMT",
            "2026-03-04T09:30:00+00:00",
        ),
    ):
        body = f'<article><h1>Fähre</h1><p class="meta">{line}</p>{STORY}</article>'
        article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
        assert article.updated is not None and stated_iso(article.updated) == updated, line
        assert article.blocks[0].text.startswith("Die Fähre zur Insel"), line
    sentence = "Publié le 3 mars 2026 par le conseil, le rapport montre une hausse."
    body = f'<article><h1>Fähre</h1><p class="meta">Publié le 3 mars 2026</p><p>{sentence}</p>{STORY}</article>'
    article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
    assert article.blocks[0].text == sentence


def test_a_labelled_dateline_after_the_standfirst_leaves_the_text_too() -> None:
    """Le Monde sets its dateline under the standfirst: the standfirst stays, the line goes."""
    standfirst = "Le conseil régional a voté mardi un plan de sauvetage pour la ligne de ferry."
    line = "Publié le 3 mars 2026 à 14h05, modifié le 4 mars 2026 à 09h30"
    body = (
        f'<article><h1>Fähre</h1><p class="article__desc">{standfirst}</p>'
        f'<p class="meta__date">{line}</p>{STORY}</article>'
    )
    article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
    text = [block.text for block in article.blocks]
    assert standfirst in text and line not in text
    assert article.published is not None and stated_iso(article.published) == "2026-03-03T14:05:00"


def test_a_date_line_in_the_sites_own_digits_leaves_the_text() -> None:
    """The header shows the declared date; the body's line repeating it in Arabic-Indic or
    full-width digits goes as one in ASCII digits does."""
    head = '<meta property="article:published_time" content="2026-03-03T14:05:00+03:00">'
    for line in ("٣ مارس ٢٠٢٦", "２０２６年３月３日", "令和8年3月3日", "二〇二六年三月三日"):
        body = f"<article><h1>Fähre</h1><p>{line}</p>{STORY}</article>"
        article = extract_article(
            f"<html><head>{head}</head><body>{body}</body></html>", "https://example.org/a"
        )
        assert article.blocks[0].text.startswith("Die Fähre zur Insel"), line


@pytest.mark.parametrize("said", ["令和8年3月3日", "二〇二六年三月三日"])
def test_a_time_element_saying_an_era_or_numerals_date_dates_the_article(said: str) -> None:
    """Its text alone (no `datetime`): was no date at all, the citation "(n.d.)" (acc31b M14:
    "令和8年12月5日", M16: "二〇二六年十二月五日")."""
    body = f"<article><h1>Fähre</h1><p>Von Anna Berg, <time>{said}</time></p>{STORY}</article>"
    article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
    assert article.published is not None and stated_iso(article.published) == "2026-03-03"


def test_a_dateline_of_devanagari_signs_is_read_in_time() -> None:
    """A hostile dateline writes a run of the Devanagari avagraha ("ऽ") after a day: a letter
    and a sign both, it once made the month's pattern try every way to split the run (seconds
    for 25 of them, doubling with each one more: benchmarks/hostile.py times it)."""
    assert dates("3 " + "\u093d" * 25 + " x") == (None, None)


@pytest.mark.parametrize(
    "lede",
    [
        "2026年3月3日，市政府宣布渡轮航线将于月底停航，岛上居民须改乘公交前往码头。",
        "二〇二六年三月三日，市政府宣布渡轮航线将于月底停航，岛上居民须改乘公交前往码头。",
        "记者王小明3日从市交通局获悉，渡轮航线将于月底停航，岛上居民须改乘公交前往码头。",
    ],
    ids=["date-first", "numerals-first", "reporter-named"],
)
def test_a_chinese_lede_stating_the_date_or_its_reporter_stays(lede: str) -> None:
    """Chinese writes no spaces: a lede opening with the day it tells of, or naming its
    reporter, is one "word" split on spaces, but a sentence of dozens, not a date line."""
    head = (
        '<meta property="article:published_time" content="2026-03-03T14:05:00+08:00">'
        '<meta name="author" content="王小明">'
    )
    body = f"<article><h1>渡轮停航</h1><p>{lede}</p>{STORY}</article>"
    article = extract_article(
        f"<html><head>{head}</head><body>{body}</body></html>", "https://example.cn/a"
    )
    assert article.blocks[0].text == lede


@pytest.mark.parametrize(
    "sentence",
    [
        "发布会于2026年3月3日上午在市政府举行，市长宣布渡轮航线将于月底停航。",
        "公開された資料によると、フェリーは2026年3月3日に運航を終えた。",
        "Published on 3 March 2026, the council's report on the ferry makes three findings:",
    ],
    ids=["chinese", "japanese", "introducing-a-list"],
)
def test_a_sentence_opening_with_a_label_and_the_date_stays(sentence: str) -> None:
    """A press conference ("发布会…") or published papers ("公開された資料…") open with the
    labels "发布" and "公開" and end as sentences do in Chinese and Japanese; a line ending
    with a colon introduces what follows. None is a dateline."""
    body = f'<article><h1>Fähre</h1><p class="meta">Publié le 3 mars 2026</p><p>{sentence}</p>{STORY}</article>'
    article = extract_article(f"<html><body>{body}</body></html>", "https://example.org/a")
    assert article.blocks[0].text == sentence


def test_a_dateline_of_accented_letters_is_read_in_linear_time() -> None:
    """A hostile dateline is one word of 10,000 letters, each with a combining accent: every
    letter starts a word by `\\b` (an accent is no word character), and each was read as a
    month's name to the word's end (seconds; minutes for a longer one: benchmarks/hostile.py
    times it)."""
    assert dates("a\u0301" * 10_000) == (None, None)


# -- the page's language: the order of a slashed date, the country of a zone's name -----------
def dated_in(language: str, line: str, where: str = "div") -> tuple[str | None, str | None]:
    """The dates of a page in `language` (none when "") whose only date is `line`, in a box
    named a dateline (`where` "div") or as the body's first paragraph ("p")."""
    lang = f' lang="{language}"' if language else ""
    dateline = f'<div class="article-meta">{line}</div>' if where == "div" else f"<p>{line}</p>"
    page = f"<html{lang}><body><article><h1>Fähre</h1>{dateline}{STORY}</article></body></html>"
    article = extract_article(page, "https://example.org/a")
    return (
        stated_iso(article.published) if article.published else None,
        stated_iso(article.updated) if article.updated else None,
    )


@pytest.mark.parametrize(
    ("language", "line", "published"),
    [
        ("en-US", "3/4/2026", "2026-03-04"),  # March 4th
        ("en-US", "Updated 3/4/2026 9:05 AM ET", None),  # labelled an update: no publication
        ("en-GB", "3/4/2026", "2026-04-03"),  # 3 April
        ("en-IN", "3/4/2026, 14:05 IST", "2026-04-03T14:05:00+05:30"),
        ("fr", "Publié le 3/4/2026 à 14h05", "2026-04-03T14:05:00"),
        ("de-DE", "3/4/2026", "2026-04-03"),
        ("es", "3/4/2026", "2026-04-03"),
        ("id", "03/11/2026, 10:15 WIB", "2026-11-03T10:15:00+07:00"),
        ("en_US", "3/4/2026", "2026-03-04"),  # as og:locale writes it
        ("en-GB", "03/25/2026", "2026-03-25"),  # a number over 12 tells, whatever the language
    ],
)
def test_a_slashed_date_is_read_in_the_order_of_the_pages_language(
    language: str, line: str, published: str | None
) -> None:
    assert dated_in(language, line)[0] == published
    if published is not None:
        assert dated_in(language, line, "p")[0] == published  # the body's first line too


@pytest.mark.parametrize("language", ["", "en", "en-CA", "ja", "zh-CN"])
def test_a_slashed_date_whose_language_does_not_tell_the_order_stays_unread(
    language: str,
) -> None:
    """No language, bare English (either side of the Atlantic), Canada's English (both orders),
    or a language that writes the year first: "3/4/2026" is not guessed."""
    assert dated_in(language, "3/4/2026") == (None, None)
    assert dated_in(language, "3/4/2026", "p") == (None, None)


def zoned_page(language: str, declared: str, dateline: str) -> str:
    """A page shaped as Kompas's: a CMS's time with no zone in a `<meta>`, and a dateline in the
    header box beside the headline, outside any `<article>`."""
    return f"""<!doctype html><html lang="{language}"><head><meta charset="utf-8">
<title>Banjir rob di pelabuhan - Harian Pesisir</title>
<meta name="content_PublishedDate" content="{declared}">
</head><body><div class="nav"><a href="/">Beranda</a> <a href="/kota">Kota</a></div>
<div class="read__header"><h1 class="read__title">Banjir rob di pelabuhan</h1>
<div class="read__time">{dateline}</div></div>
<div class="read__content"><p>Air laut pasang menggenangi dermaga timur sejak pagi, sehingga
truk kontainer harus memutar lewat gerbang utara dan antrean mengular hingga dua kilometer.</p>
<p>Petugas pelabuhan menyiagakan enam pompa air dan menutup dua ruas jalan di dekat gudang,
sementara kapal penumpang tetap berlayar sesuai jadwal meski penumpang diminta datang lebih
awal.</p><p>Menurut perkiraan cuaca, pasang maksimum masih akan berlangsung hingga akhir pekan,
dan warga di kampung nelayan diminta memindahkan barang ke tempat yang lebih tinggi.</p></div>
</body></html>"""


@pytest.mark.parametrize(
    ("language", "dateline", "published"),
    [
        ("id", "Harian Pesisir - 26/11/2026, 10:15 WIB", "2026-11-26T10:15:00+07:00"),
        ("id", "Harian Pesisir - 26/11/2026, 10:15 WITA", "2026-11-26T10:15:00+08:00"),
        ("id", "Harian Pesisir - 26/11/2026, 10:15 WIT", "2026-11-26T10:15:00+09:00"),
        ("id", "Harian Pesisir - 03/11/2026, 10:15 WIB", "2026-11-03T10:15:00+07:00"),
        ("en-IN", "Nov 26, 2026, 10:15 IST", "2026-11-26T10:15:00+05:30"),
        ("he", "26/11/2026 10:15 IST", "2026-11-26T10:15:00+02:00"),
        ("ja", "2026年11月26日 10時15分 JST", "2026-11-26T10:15:00+09:00"),
        ("de", "26.11.2026, 10:15 Uhr MEZ", "2026-11-26T10:15:00+01:00"),
        ("en-GB", "26 November 2026, 10:15 GMT", "2026-11-26T10:15:00+00:00"),
        ("en-US", "November 26, 2026 10:15 AM EST", "2026-11-26T10:15:00-05:00"),
        # The clock or the day disagrees: another time, whose zone is not the declared one's.
        ("id", "Harian Pesisir - 26/11/2026, 10:20 WIB", "2026-11-26T10:15:00"),
        ("id", "Harian Pesisir - 25/11/2026, 10:15 WIB", "2026-11-26T10:15:00"),
        # IST of no country the page's language names: India's, Ireland's or Israel's.
        ("en", "Nov 26, 2026, 10:15 IST", "2026-11-26T10:15:00"),
        # A page of no language: "03/11" may be 11 March.
        ("", "Harian Pesisir - 03/11/2026, 10:15 WIB", "2026-11-03T10:15:00"),
    ],
)
def test_a_time_declared_without_its_zone_takes_the_zone_its_dateline_names(
    language: str, dateline: str, published: str
) -> None:
    """Kompas's `content_PublishedDate` "2026-12-03 10:15:00" beside "Kompas.com - 03/12/2026,
    10:15 WIB": the citation gave the time with no zone; the page's text says which, for the
    same day and minute."""
    declared = f"{published[:10]} 10:15:00"
    page = zoned_page(language, declared, dateline)
    article = extract_article(page, "https://pesisir.example/read/2026/11/banjir-rob")
    assert article.published is not None
    assert stated_iso(article.published) == published


# -- datelines of more regions: their zones, their words between the date and the time --------
@pytest.mark.parametrize(
    ("language", "line", "published"),
    [
        ("sv", "Publicerad 3 december 2026 kl. 10.15", "2026-12-03T10:15:00"),  # DN, SvD
        ("sv", "3 december 2026 kl 10:15", "2026-12-03T10:15:00"),  # Aftonbladet
        ("es-AR", "3 de diciembre de 2026, 06:30 hs", "2026-12-03T06:30:00"),  # Argentina
        ("uk", "Середа, 3 грудня 2026, 07:42", "2026-12-03T07:42:00"),  # Ukrainska Pravda
        ("en-ZA", "03 Dec 2026 06:30 SAST", "2026-12-03T06:30:00+02:00"),  # News24
        ("ar", "3 ديسمبر 2026 10:15 GST", "2026-12-03T10:15:00+04:00"),  # the Gulf's
        ("en-IN", "Dec 03, 2026 11:05 (IST)", "2026-12-03T11:05:00+05:30"),  # NDTV
        # A page in no language of the Gulf: GST may be Georgia's or a sales tax.
        ("en", "3 Dec 2026 10:15 GST", "2026-12-03T10:15:00"),
        # A North American zone tells the order of a page in bare English: Politico's.
        ("en", "12/03/2026 02:12 PM EST", "2026-12-03T14:12:00-05:00"),
    ],
)
def test_a_regional_dateline_dates_the_article_and_leaves_the_text(
    language: str, line: str, published: str
) -> None:
    """The tester's date lines (acc19a F21, F28), each as the body's first paragraph: read, and
    then left out as a line repeating the header."""
    assert dated_in(language, line)[0] == published
    page = f'<html lang="{language}"><body><article><h1>Fähre</h1><p>{line}</p>{STORY}</article>'
    article = extract_article(page, "https://example.org/a")
    assert article.published is not None
    assert stated_iso(article.published) == published
    assert line not in "\n".join(block.text for block in article.blocks)


POLITICO = """<html lang="en"><head><title>Senate moves to block pay raise - POLITICO</title>
</head><body><article><h1>Senate moves to block pay raise for members of Congress</h1>
<div class="story-meta"><p class="story-meta__authors">By <a class="fn">Ada Quill</a></p>
<p class="story-meta__timestamp"><time datetime="2026-12-03 14:12:33">12/03/2026 02:12 PM EST
</time></p><p class="story-meta__updated">Updated: 12/03/2026 04:40 PM EST</p></div>
<div class="story-text">{story}</div></article></body></html>"""


def test_a_zoneless_time_takes_the_zone_its_own_text_states() -> None:
    """Politico's `<time datetime="2026-12-03 14:12:33">` states no zone, the words it holds
    ("12/03/2026 02:12 PM EST") do; its "Updated: … EST" line is the revision's (acc19a F15)."""
    article = extract_article(POLITICO.format(story=STORY), "https://www.politico.example/a")
    assert article.published is not None and article.updated is not None
    assert stated_iso(article.published) == "2026-12-03T14:12:33-05:00"
    assert stated_iso(article.updated) == "2026-12-03T16:40:00-05:00"


@pytest.mark.parametrize(
    ("text", "language", "hour", "minute"),
    [
        # The time after a word for "at" or "year" was dropped, the date alone read (acc31b
        # M11, M14, M16).
        ("4 грудня 2026 року, 18:40", "uk", 18, 40),
        ("5 декабря 2026 года, 10:00", "ru", 10, 0),
        ("نشر في: 5 ديسمبر 2026 الساعة 11:00", "ar", 11, 0),
        ("วันเสาร์ที่ 5 ธันวาคม 2569 เวลา 09.45 น.", "th", 9, 45),
    ],
)
def test_a_time_after_its_dates_year_or_at_word_is_read(
    text: str, language: str, hour: int, minute: int
) -> None:
    moment = parse_text_date(text, language)
    assert moment is not None and not date_only(moment)
    assert (moment.hour, moment.minute) == (hour, minute)
