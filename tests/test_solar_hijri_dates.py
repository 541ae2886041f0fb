"""A Solar Hijri date line under the byline (BBC Persian's "۱۲ آذر ۱۴۰۵" in a `<time>`) repeats the
header's date: it goes from the text, and gives the date when the page declares none. Real
parts: the page through the real extractor; the calendar against known Nowruz days.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from reader.dates import date_only, stated_iso
from reader.extract import extract_article
from reader.extract.solar_hijri import gregorian, solar_hijri_date, solar_hijri_moment
from reader.models import Article, BlockKind

_PARAGRAPHS = (
    "شورای شهر شیراز روز چهارشنبه طرح تازه‌ای برای کاهش ترافیک مرکز شهر تصویب کرد.",
    "بر اساس این طرح، از اول دی ماه ورود خودروهای شخصی به بافت تاریخی محدود می‌شود.",
    "مخالفان می‌گویند کسب‌وکارهای کوچک بازار وکیل از این تصمیم زیان می‌بینند.",
)


def _page(date_line: str, declared: str = "") -> Article:
    """A story in the World Service's shape: the headline, the byline, the date line, the body."""
    ld = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"ترافیک شیراز",'
        f'"datePublished":"{declared}"}}</script>'
        if declared
        else ""
    )
    body = "".join(f'<div dir="rtl"><p>{p}</p></div>' for p in _PARAGRAPHS)
    html = (
        '<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">'
        f"<title>ترافیک شیراز</title>{ld}</head><body><main>"
        '<div dir="rtl"><h1 id="content">ترافیک شیراز</h1>'
        '<div class="bbc-byline"><ul><li><span>نوشته</span><span>سارا نیکو</span></li></ul></div>'
        f'<time datetime="2026-12-03" class="bbc-1dafq0j">{date_line}</time>'
        f"{body}</div></main></body></html>"
    )
    return extract_article(html, "https://www.bbc.com/persian/articles/c0x0x0x0x0xo")


def test_a_solar_hijri_date_line_repeating_the_declared_date_goes() -> None:
    """bbcpersian.html's first paragraph was "۱۲ آذر ۱۴۰۵"."""
    article = _page("۱۲ آذر ۱۴۰۵", declared="2026-12-03T09:41:12Z")
    first = next(b for b in article.blocks if b.kind == BlockKind.PARAGRAPH)
    assert first.text == _PARAGRAPHS[0]
    assert stated_iso(article.published) == "2026-12-03T09:41:12+00:00"


def test_a_solar_hijri_date_line_gives_the_date_when_none_is_declared() -> None:
    article = _page("۱۲ آذر ۱۴۰۵")
    assert article.published is not None and date_only(article.published)
    assert article.published.date() == date(2026, 12, 3)
    first = next(b for b in article.blocks if b.kind == BlockKind.PARAGRAPH)
    assert first.text == _PARAGRAPHS[0]


def test_a_solar_hijri_date_of_another_day_stays() -> None:
    """Not the header's date: the page's to say."""
    article = _page("۲۰ آبان ۱۴۰۵", declared="2026-12-03T09:41:12Z")
    first = next(b for b in article.blocks if b.kind == BlockKind.PARAGRAPH)
    assert first.text == "۲۰ آبان ۱۴۰۵"


@pytest.mark.parametrize(
    ("solar", "day"),
    [
        ((1300, 1, 1), date(1921, 3, 21)),
        ((1399, 12, 30), date(2021, 3, 20)),  # Esfand's 30th, of a leap year
        ((1403, 1, 1), date(2024, 3, 20)),
        ((1403, 12, 30), date(2025, 3, 20)),
        ((1404, 1, 1), date(2025, 3, 21)),
        ((1405, 9, 12), date(2026, 12, 3)),
    ],
)
def test_the_calendar_meets_known_days(solar: tuple[int, int, int], day: date) -> None:
    assert gregorian(*solar) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("۱۲ آذر ۱۴۰۵", date(2026, 12, 3)),
        ("چهارشنبه ۱۲ آذر ۱۴۰۵", date(2026, 12, 3)),
        ("۱۲ آذر ۱۴۰۵، ساعت ۱۳:۴۵", date(2026, 12, 3)),
        ("12 قوس 1405", date(2026, 12, 3)),  # Dari's name of the month
        ("۱۲ آذر", None),  # no year: no day to read
        ("زاینده‌رود ۱۲ آذر ۱۴۰۵ خشک ماند", None),  # a sentence naming the day
        ("۳۲ آذر ۱۴۰۵", None),
    ],
)
def test_a_line_is_a_solar_hijri_date_alone(text: str, day: date | None) -> None:
    assert solar_hijri_date(text) == day


_TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        # ISNA's and Hamshahri's label, Tasnim's figures, a time after a dash or "ساعت" (acc31b
        # M14: none of these was read, and the line stayed in the text).
        ("تاریخ انتشار: ۱۴ آذر ۱۴۰۵ - ۱۰:۳۰", datetime(2026, 12, 5, 10, 30, tzinfo=_TEHRAN)),
        ("۱۴۰۵/۰۹/۱۴ - ۱۰:۳۰", datetime(2026, 12, 5, 10, 30, tzinfo=_TEHRAN)),
        ("شنبه ۱۴ آذر ۱۴۰۵ ساعت ۰۹:۰۰", datetime(2026, 12, 5, 9, tzinfo=_TEHRAN)),
        ("12 قوس 1405 - 08:15", datetime(2026, 12, 3, 8, 15, tzinfo=ZoneInfo("Asia/Kabul"))),
        ("۱۴۰۵/۱۳/۱۴", None),
        ("1448/06/23", None),  # the lunar Hijri calendar's year, as Saudi pages write it
        ("کد خبر: ۱۴۰۵۰۹۱۴", None),
    ],
)
def test_a_solar_hijri_line_gives_its_time_in_irans_zone(
    text: str, moment: datetime | None
) -> None:
    assert solar_hijri_moment(text) == moment


def test_a_solar_hijri_date_after_the_writers_name() -> None:
    """A byline and its date on one line (acc31b M14's "نویسنده: مریم احمدی ۱۴ آذر ۱۴۰۵")."""
    line = "نویسنده: سارا کریمی ۱۴ آذر ۱۴۰۵"
    assert solar_hijri_moment(line) is None  # not a date alone
    found = solar_hijri_moment(line, after_name=True)
    assert found is not None and date_only(found) and found.date() == date(2026, 12, 5)


def test_a_byline_line_ending_in_a_solar_hijri_date_gives_the_writer_and_the_date() -> None:
    """ "نویسنده: … ۱۴ آذر ۱۴۰۵ - ۱۰:۳۰" at the body's top: no date was read, the line stayed as
    the first paragraph (acc31b M14)."""
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    html = (
        '<html lang="fa"><head><meta charset="utf-8"><title>ترافیک شیراز</title></head><body>'
        "<article><h1>ترافیک شیراز</h1><p>نویسنده: سارا نیکو ۱۴ آذر ۱۴۰۵ - ۱۰:۳۰</p>"
        f"{body}</article></body></html>"
    )
    article = extract_article(html, "https://shiraz.example/traffic")
    assert article.author == "سارا نیکو"
    assert stated_iso(article.published) == "2026-12-05T10:30:00+03:30"
    assert article.blocks[0].text == _PARAGRAPHS[0]
