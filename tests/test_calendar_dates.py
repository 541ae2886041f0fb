"""Dates of non-English pages and feeds as their writers mean them (acc38a J14–J19): an Arabic,
Greek, Persian or Hindi afternoon's mark after (or before) the time, "بتوقيت القاهرة" (Cairo time),
Taiwan's Minguo years, a Solar Hijri or Buddhist Era year in a machine-readable field, a feed's
"2026年12月03日 10:00", and date lines read for the citation no longer left atop the text. Real
parts: pages through the real extractor, then pages and feeds served on 127.0.0.1 through the real
commands (`reader show --format json`, the citation, `reader list --json`) and a real store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.dates import stated_iso
from reader.extract import extract_article
from reader.models import Article, BlockKind

_LEDE = {
    "ar": "افتتحت البلدية اليوم جسراً جديداً فوق النهر بطول 400 متر، بحضور المحافظ وعدد من المسؤولين.",
    "el": "Η κυβέρνηση εγκαινίασε τη νέα γέφυρα στη Θεσσαλονίκη για να μειωθεί η κίνηση στο κέντρο.",
    "fa": "شهرداری تهران امروز پل جدیدی را افتتاح کرد که ترافیک مرکز شهر را کاهش می‌دهد.",
    "hi": "दिल्ली सरकार ने बुधवार को यमुना नदी पर नया पुल यातायात के लिए खोल दिया और मंत्री भी आए।",
    "zh-TW": "高雄市政府宣布，輕軌環狀線今日全線通車，市長出席典禮，並表示將持續改善大眾運輸。",
    "th": "กรุงเทพมหานครเปิดสะพานใหม่ข้ามแม่น้ำเจ้าพระยาเพื่อช่วยลดปัญหาการจราจรในเมืองหลวง",
    "he": "ראש הממשלה נפגש היום בפריז עם נשיא צרפת ושוחח עמו על המצב באזור ועל הסחר בין המדינות.",
    "en": "The council opened the new bridge over the river on Thursday, with the mayor there.",
}
_SECOND = "وقال المحافظ إن الجسر سيخفف الازدحام في وسط المدينة خلال ساعات الذروة كل يوم."


def _page(language: str, date_line: str = "", head: str = "") -> str:
    """A story as the tester's sites print it: headline, byline, a date line in a box of its own
    (no `<time>`, no declared date unless `head` declares one), the text."""
    lede = _LEDE[language]
    line = f'<div class="date">{date_line}</div>' if date_line else ""
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>Headline</title>{head}</head><body><main><article><h1>Headline</h1>"
        f'<div class="byline"><span class="author">Sami Khalil</span></div>{line}'
        f"<p>{lede}</p><p>{_SECOND}</p><p>{lede}</p></article></main></body></html>"
    )


def _first_paragraph(article: Article) -> str:
    return next(b for b in article.blocks if b.kind == BlockKind.PARAGRAPH).text


@pytest.mark.parametrize(
    ("language", "date_line", "cited"),
    [
        # J14: "مساءً" and "م" (p.m.) after the time: 22:30, not 10:30.
        ("ar", "الخميس 3 ديسمبر 2026 - 10:30 مساءً", "2026-12-03T22:30:00"),
        ("ar", "نشر في: 03/12/2026 10:30 م", "2026-12-03T22:30:00"),
        ("ar", "الخميس ٣ ديسمبر ٢٠٢٦ - ٠٢:١٥ م", "2026-12-03T14:15:00"),
        # "بتوقيت القاهرة" after the mark: Cairo's zone.
        ("ar", "03/12/2026 02:15 م بتوقيت القاهرة", "2026-12-03T14:15:00+02:00"),
        ("ar", "3 ديسمبر 2026 10:30 صباحاً", "2026-12-03T10:30:00"),
        ("ar", "03/12/2026 10:30 م بتوقيت مكة", "2026-12-03T22:30:00+03:00"),
        # A place of one zone, and "Greece time", "Israel time" in Greek and Hebrew.
        ("ar", "03/12/2026 10:30 بتوقيت القدس", "2026-12-03T10:30:00+02:00"),
        ("el", "5 Δεκεμβρίου 2026, 3:20 μ.μ. ώρα Ελλάδος", "2026-12-05T15:20:00+02:00"),
        ("he", "02.12.26, 18:40 שעון ישראל", "2026-12-02T18:40:00+02:00"),
        ("el", "5 Δεκεμβρίου 2026, 3:20 μ.μ.", "2026-12-05T15:20:00"),
        # Persian's "ب.ظ" (p.m.): the date was lost with it.
        ("fa", "۱۴ آذر ۱۴۰۵ - ۰۳:۲۰ ب.ظ", "2026-12-05T15:20:00+03:30"),
        ("hi", "5 दिसंबर 2026, अपराह्न 03:20", "2026-12-05T15:20:00"),
        # acc41c C1: Hindi's mark after the time, as "PM" is set: 02:20 a.m. was cited, and the
        # "IST" after it lost.
        ("hi", "05 दिसंबर 2026, 03:20 अपराह्न", "2026-12-05T15:20:00"),
        ("hi", "०५ दिसंबर २०२६, ०३:२० अपराह्न", "2026-12-05T15:20:00"),
        ("hi", "5 दिसंबर 2026 03:20 अपराह्न IST", "2026-12-05T15:20:00+05:30"),
        ("hi", "प्रकाशित: 5 दिसंबर 2026 03:20 अपराह्न (IST)", "2026-12-05T15:20:00+05:30"),
        ("hi", "5 दिसंबर 2026, 12:05 पूर्वाह्न IST", "2026-12-05T00:05:00+05:30"),
        # acc41c C24: the era's letter written onto the year, as Saudi papers print it.
        ("ar", "3 ديسمبر 2026م", "2026-12-03"),
        ("ar", "الخميس 3 ديسمبر 2026م", "2026-12-03"),
        ("ar", "22 جمادى الآخرة 1448هـ - 3 ديسمبر 2026م", "2026-12-03"),
        # acc41c C18: a Thai year of the Buddhist Era in two figures.
        ("th", "3 ธ.ค. 69 09:45 น.", "2026-12-03T09:45:00"),
        ("th", "3 ธ.ค. 69", "2026-12-03"),
        # acc41c C8: the Israeli short date alone, as "02.12.26, 18:40" is read.
        ("he", "01.12.26", "2026-12-01"),
        # J16: Taiwan's Minguo years, 1911 behind.
        ("zh-TW", "中華民國115年12月4日", "2026-12-04"),
        ("zh-TW", "115年12月4日 14時30分", "2026-12-04T14:30:00"),
        ("zh-TW", "115/12/04 14:30", "2026-12-04T14:30:00"),
        # J17: read before, but left atop the text.
        ("th", "วันพฤหัสบดีที่ 3 ธันวาคม 2569 เวลา 14:30 น.", "2026-12-03T14:30:00"),
    ],
)
def test_a_date_line_gives_the_time_its_writer_means_and_leaves_the_text(
    language: str, date_line: str, cited: str
) -> None:
    article = extract_article(_page(language, date_line), "https://news.example/story.html")
    assert article.published is not None and stated_iso(article.published) == cited
    assert _first_paragraph(article) == _LEDE[language]


def test_an_israeli_short_date_alone_is_read_on_a_page_of_israel_only() -> None:
    """acc41c C8: "01.12.26" with no time on a `.il` host was no date, the feed's cited; on a
    page of nowhere in particular it may be a version's or a section's number."""
    il = extract_article(_page("en", "01.12.26"), "https://news.example.co.il/story.html")
    assert il.published is not None and stated_iso(il.published) == "2026-12-01"
    elsewhere = extract_article(_page("en", "01.12.26"), "https://news.example/story.html")
    assert elsewhere.published is None


def test_a_slashed_minguo_date_is_read_on_taiwans_pages_only() -> None:
    """On a page of mainland Chinese "115/12/04" says nothing sure: no date, the line kept."""
    article = extract_article(
        _page("zh-TW", "115/12/04 14:30").replace("zh-TW", "zh-CN"), "https://a.example/"
    )
    assert article.published is None
    assert _first_paragraph(article) == "115/12/04 14:30"


def test_an_israeli_time_elements_short_date_leaves_the_text() -> None:
    """J17: `<time datetime="…">06.12.26</time>` between the byline and the lede."""
    html = _page("he").replace(
        "<p>", '<time datetime="2026-12-06T09:00:00+02:00">06.12.26</time><p>', 1
    )
    article = extract_article(html, "https://news.example/story.html")
    assert article.published is not None
    assert stated_iso(article.published) == "2026-12-06T09:00:00+02:00"
    assert _first_paragraph(article) == _LEDE["he"]


def test_a_short_date_of_another_day_stays() -> None:
    html = _page("he").replace(
        "<p>", '<time datetime="2026-12-06T09:00:00+02:00">06.11.26</time><p>', 1
    )
    article = extract_article(html, "https://news.example/story.html")
    assert _first_paragraph(article) == "06.11.26"


_META = '<meta property="article:published_time" content="{}">'
_LD = '<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{}"}}</script>'


@pytest.mark.parametrize(
    ("language", "head", "date_line", "url", "cited"),
    [
        # J19: a Solar Hijri year in the ISO field of a Persian page: converted, not 1405 AD.
        (
            "fa",
            _META.format("1405-09-14T10:30:00+03:30"),
            "",
            "https://news.example/a",
            "2026-12-05T10:30:00+03:30",
        ),
        (
            "fa",
            _LD.format("1405-09-14T10:30:00+03:30"),
            "۱۴ آذر ۱۴۰۵ - ۱۰:۳۰",
            "https://news.example/a",
            "2026-12-05T10:30:00+03:30",
        ),
        # The 31st of the second month, a day no Gregorian February has: no date before.
        (
            "fa",
            _META.format("1405-02-31T10:30:00+03:30"),
            "",
            "https://news.example/a",
            "2026-05-21T10:30:00+03:30",
        ),
        # An `.ir` host says it of a page that declares no language fit for it.
        ("en", _META.format("1405-09-14"), "", "https://www.example.ir/a", "2026-12-05"),
        # A Thai Buddhist Era year: 543 years ahead, no date at all before, and it hid the printed one.
        (
            "th",
            _META.format("2569-12-03T09:45:00+07:00"),
            "",
            "https://news.example/a",
            "2026-12-03T09:45:00+07:00",
        ),
        (
            "th",
            _LD.format("2569-12-03T09:45:00+07:00"),
            "3 ธ.ค. 2569 09:45 น.",
            "https://news.example/a",
            "2026-12-03T09:45:00+07:00",
        ),
        # A lunar Hijri year (no exact arithmetic): the printed date, not the year 1448.
        (
            "ar",
            _META.format("1448-06-23"),
            "الخميس 3 ديسمبر 2026",
            "https://news.example/a",
            "2026-12-03",
        ),
    ],
)
def test_another_calendars_year_in_a_declared_field_is_not_cited_as_the_common_eras(
    language: str, head: str, date_line: str, url: str, cited: str
) -> None:
    article = extract_article(_page(language, date_line, head), url)
    assert article.published is not None and stated_iso(article.published) == cited


def test_a_hijri_year_declared_on_a_page_that_prints_no_date_gives_no_date() -> None:
    """Neither Persian nor printed: no date rather than the year 1405 AD."""
    article = extract_article(
        _page("en", head=_META.format("1405-09-14T10:30:00+03:30")), "https://news.example/a"
    )
    assert article.published is None


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main([*args, "--data-dir", str(data)])
    return status, capsys.readouterr().out


def test_show_and_the_citation_give_the_evening_in_cairos_zone(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page("ar", "03/12/2026 02:15 م بتوقيت القاهرة")
    httpserver.expect_request("/story.html").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/story.html")
    status, out = run(tmp_path, capsys, "show", url, "--format", "json")
    assert status == 0
    shown = json.loads(out)
    assert shown["published"] == "2026-12-03T14:15:00+02:00"
    status, out = run(tmp_path, capsys, "show", url, "--offline", "--format", "citation")
    assert status == 0 and "14:15" in out


def test_show_cites_a_solar_hijri_declared_date_as_its_gregorian_day(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page("fa", "", _LD.format("1405-09-14T10:30:00+03:30"))
    httpserver.expect_request("/fa.html").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/fa.html")
    status, out = run(tmp_path, capsys, "show", url, "--format", "json")
    assert status == 0 and json.loads(out)["published"] == "2026-12-05T10:30:00+03:30"
    status, out = run(tmp_path, capsys, "show", url, "--offline", "--format", "citation")
    assert status == 0 and "1405" not in out and "2026" in out


def _feed(language: str, dates: dict[str, str], atom: bool = False) -> str:
    if atom:
        entries = "".join(
            f"<entry><title>{name}</title><link href='http://127.0.0.1:9/{name}'/><id>{name}</id>"
            f"<published>{written}</published><updated>{written}</updated></entry>"
            for name, written in dates.items()
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:lang="{language}"><title>Dates</title><id>f</id>'
            f"<updated>2026-12-01T00:00:00Z</updated>{entries}</feed>"
        )
    items = "".join(
        f"<item><title>{name}</title><link>http://127.0.0.1:9/{name}</link>"
        f"<guid>{name}</guid><pubDate>{written}</pubDate></item>"
        for name, written in dates.items()
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Dates</title>'
        f"{f'<language>{language}</language>' if language else ''}{items}</channel></rss>"
    )


def _listed(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], feed: str
) -> dict[str, str | None]:
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    status, out = run(tmp_path, capsys, "list", "--json")
    assert status == 0
    return {row["title"]: row["published"] for row in json.loads(out)}


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # J15: feedparser read "2026年12月03日 10:00" as the 1st of the month at midnight.
        (
            {
                "a": "2026年12月03日 10:00",
                "b": "2026年12月3日 10:00",
                "c": "2026년 12월 2일 09:30",
                "d": "2026年12月03日",
                "e": "Чт, 03 дек 2026 10:00:00 +0300",
            },
            {
                # No zone given, none made up; a date alone is that date (acc46a A3, A4).
                "a": "2026-12-03T10:00:00",
                "b": "2026-12-03T10:00:00",
                "c": "2026-12-02T09:30:00",
                "d": "2026-12-03",
                "e": "2026-12-03T10:00:00+03:00",
            },
        ),
        # RFC 822 as a CMS's localized strftime writes it: no date at all before (lang39).
        (
            {
                "tr": "Per, 03 Ara 2026 10:00:00 +0300",
                "tr2": "Sal, 01 Ağu 2026 08:15:00 +0300",
                "tr3": "Cum, 04 Eki 2026 10:00:00 TRT",
                "de": "Mi, 09 Mär 2026 10:00:00 +0100",
                "nl": "do, 03 dec 2026 10:00:00 +0100",
                "pl": "pon, 03 paź 2026 10:00:00 CEST",
                "ru": "Ср, 03 сент 2026 10:00:00 +0300",
                "ru2": "Sr, 03 noya 2026 10:00:00 +0300",
            },
            {
                "tr": "2026-12-03T10:00:00+03:00",
                "tr2": "2026-08-01T08:15:00+03:00",
                "tr3": "2026-10-04T10:00:00+03:00",
                "de": "2026-03-09T10:00:00+01:00",
                "nl": "2026-12-03T10:00:00+01:00",
                "pl": "2026-10-03T10:00:00+02:00",
                "ru": "2026-09-03T10:00:00+03:00",
                "ru2": "2026-11-03T10:00:00+03:00",
            },
        ),
    ],
    ids=["east-asian", "localized-rfc822"],
)
def test_a_feeds_dates_in_words_are_read_as_their_day_and_time(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    dates: dict[str, str],
    expected: dict[str, str],
) -> None:
    assert _listed(tmp_path, httpserver, capsys, _feed("", dates)) == expected
    earliest = min(moment[:10] for moment in expected.values())
    status, out = run(tmp_path, capsys, "list", "--since", earliest, "--json")
    assert status == 0 and len(json.loads(out)) == len(expected)


@pytest.mark.parametrize("atom", [False, True])
def test_a_persian_feeds_solar_hijri_year_is_its_gregorian_day(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], atom: bool
) -> None:
    """The page's rule for the feed's items (lang39): 1405 stayed the year 1405 AD."""
    dates = {
        "a": "1405-09-14T10:30:00+03:30",
        "b": "۱۴۰۵-۰۹-۱۴T۱۰:۳۰:۰۰+۰۳:۳۰",
        # Read into UTC first, the 1st of Mehr is Shahrivar's 30th, a day early.
        "c": "1405-07-01T01:00:00+03:30",
        "d": "1405-02-31T10:30:00+03:30",
    }
    if not atom:
        dates["e"] = "Sat, 14 Sep 1405 10:30:00 +0330"
    listed = _listed(tmp_path, httpserver, capsys, _feed("fa-IR", dates, atom))
    assert listed == {
        "a": "2026-12-05T10:30:00+03:30",
        "b": "2026-12-05T10:30:00+03:30",
        "c": "2026-09-23T01:00:00+03:30",
        "d": "2026-05-21T10:30:00+03:30",
        **({} if atom else {"e": "2026-12-05T10:30:00+03:30"}),
    }


def test_a_thai_feeds_buddhist_year_and_an_arabic_feeds_hijri_one(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Thai feed's 2569 is 2026; a Hijri year in a feed whose language has no such calendar
    of exact arithmetic is no date, not the year 1448 AD."""
    listed = _listed(
        tmp_path, httpserver, capsys, _feed("th", {"a": "Thu, 03 Dec 2569 09:45:00 +0700"})
    )
    assert listed == {"a": "2026-12-03T09:45:00+07:00"}
    httpserver.clear()
    listed = _listed(
        tmp_path / "ar", httpserver, capsys, _feed("ar", {"b": "1448-06-23T10:00:00+03:00"})
    )
    assert listed == {"b": None}


def test_the_list_dates_synced_pages_as_they_are_cited(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A feed giving no dates: the list's dates are its pages', 1405 AD and 10:30 before."""
    pages = {
        "fa": _page("fa", "", _LD.format("1405-09-14T10:30:00+03:30")),
        "ar": _page("ar", "الخميس 3 ديسمبر 2026 - 10:30 مساءً"),
    }
    items = ""
    for name, page in pages.items():
        httpserver.expect_request(f"/{name}.html").respond_with_data(page, content_type="text/html")
        link = httpserver.url_for(f"/{name}.html")
        items += f"<item><title>{name}</title><link>{link}</link><guid>{name}</guid></item>"
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    assert run(tmp_path, capsys, "sync")[0] == 0
    status, out = run(tmp_path, capsys, "list", "--json")
    assert status == 0
    listed = {row["title"]: row["published"] for row in json.loads(out)}
    assert listed == {"fa": "2026-12-05T10:30:00+03:30", "ar": "2026-12-03T22:30:00"}


def test_a_persian_feeds_date_with_an_offset_past_a_day_costs_no_item(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """An offset of 99 hours (a hostile or broken feed) made Python's timezone raise while the
    Solar Hijri date was read from its figures: the feed's every item lost with the sync's
    'could not read the feed'. Now that zone is none: the items stand, dated as feedparser
    read them."""
    dates = {
        "a": "1405-09-14T10:30:00+03:30",
        "b": "1405-09-14T10:30:00+99:99",
        "c": "Sat, 14 Sep 1405 10:30:00 +9999",
    }
    listed = _listed(tmp_path, httpserver, capsys, _feed("fa-IR", dates))
    assert set(listed) == {"a", "b", "c"}
    assert listed["a"] == "2026-12-05T10:30:00+03:30"


def test_a_pages_declared_solar_hijri_date_with_an_offset_past_a_day_is_no_date() -> None:
    """The same date declared on a Persian page raised out of the extraction (lang39)."""
    head = _META.format("1405-09-14T10:30:00+99:99")
    article = extract_article(_page("fa", "", head), "https://www.example.ir/a")
    assert article.published is None
