"""A revision's time written without its date, under the day's date line: a Gulf paper's "آخر
تحديث: 14:05 بتوقيت الإمارات" (last updated 14:05 UAE time) under "الأربعاء 2 ديسمبر 2026 - 11
جمادى الآخرة 1448 هـ" (acc21b F15), "Updated 14:05", "Aktualisiert um 14:05 Uhr". It is that
day's revision, in the zone the line names or the publication's; never one before the
publication (a later day's, which the time alone doesn't say, is left unread); and its line
leaves the text as other date lines do. Alone, with no day anywhere, it dates nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article, to_text
from reader.extract.written_dates import update_clock

URL = "https://www.gulfcoast.example.ae/local/2026-12-02-desalination"

AR_STORY = (
    "<p>افتتحت الهيئة الاتحادية للكهرباء والماء صباح اليوم محطة جديدة لتحلية مياه البحر في"
    " دبا الفجيرة بطاقة تبلغ 30 مليون جالون يومياً.</p>"
    "<p>وقالت مديرة المشروع إن المحطة تعمل بالطاقة الشمسية في ساعات النهار وتخدم القرى الجبلية.</p>"
    "<p>وأضافت أن المرحلة الثانية من المشروع ستبدأ في الربيع المقبل بعد اكتمال خطوط النقل.</p>"
)
EN_STORY = (
    "<p>The harbour board voted to close the old fish quay to lorries from January, after an"
    " engineer's report found cracks in two of the piers that carry it.</p>"
    "<p>Traders said the decision gave them too little time to find another place to land and"
    " load their catches, and asked the board to wait until the spring.</p>"
    "<p>The board's chair said safety came first and that a loading bay would be built on the"
    " east pier within a month.</p>"
)
DE_STORY = (
    "<p>Der Stadtrat hat am Mittwoch beschlossen, die alte Hafenmole ab Januar für Lastwagen zu"
    " sperren, nachdem ein Gutachten Risse in zwei Pfeilern gefunden hatte.</p>"
    "<p>Die Händler sagten, ihnen bleibe zu wenig Zeit, um einen anderen Platz zum Anlanden"
    " ihres Fangs zu finden, und baten um Aufschub bis zum Frühjahr.</p>"
    "<p>Der Vorsitzende sagte, die Sicherheit gehe vor; eine Ladezone entstehe binnen eines"
    " Monats an der Ostmole.</p>"
)


def _page(lang: str, header: str, story: str, head: str = "", in_body: bool = False) -> str:
    title = "افتتاح محطة تحلية جديدة" if lang == "ar" else "Fish quay closed to lorries"
    top = "" if in_body else header
    inner = header if in_body else ""
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><article><h1>{title}</h1>{top}"
        f"<div class='article-text'>{inner}{story}</div></article></body></html>"
    )


GULF_INFO = (
    '<div class="info"><span class="writer">دبا الفجيرة: مريم الكعبي</span>'
    '<span class="date">الأربعاء 2 ديسمبر 2026 - 11 جمادى الآخرة 1448 هـ</span>'
    '<span class="time">آخر تحديث: 14:05 بتوقيت الإمارات</span></div>'
)


def _dates(html: str) -> tuple[str, str, str]:
    article = extract_article(html, URL)
    published, updated = (stated_iso(d) if d else "" for d in (article.published, article.updated))
    return published, updated, to_text(article, header=False)


def test_a_gulf_papers_update_time_is_the_days_revision_in_the_zone_it_names() -> None:
    published, updated, text = _dates(_page("ar", GULF_INFO, AR_STORY))
    assert (published, updated) == ("2026-12-02", "2026-12-02T14:05:00+04:00")
    assert text.startswith("افتتحت الهيئة") and "آخر تحديث" not in text


def test_the_gulf_date_lines_in_the_text_are_read_and_leave_it() -> None:
    lines = (
        "<p>الأربعاء 2 ديسمبر 2026 - 11 جمادى الآخرة 1448 هـ</p>"
        "<p>آخر تحديث: 14:05 بتوقيت الإمارات</p>"
    )
    published, updated, text = _dates(_page("ar", lines, AR_STORY, in_body=True))
    assert (published, updated) == ("2026-12-02", "2026-12-02T14:05:00+04:00")
    assert text.startswith("افتتحت الهيئة"), text[:80]


@pytest.mark.parametrize(
    ("lang", "lines", "story", "head", "published", "updated"),
    [
        # The day in a line of its own, the revision's time in the next.
        (
            "en",
            '<p class="byline">By Ann Lee</p><p>December 2, 2026</p><p>Updated 14:05</p>',
            EN_STORY,
            "",
            "2026-12-02",
            "2026-12-02T14:05:00",
        ),
        (
            "de",
            '<p class="autor">Von Anna Berg</p><p>2. Dezember 2026, 09:30 Uhr</p>'
            "<p>Aktualisiert um 14:05 Uhr</p>",
            DE_STORY,
            "",
            "2026-12-02T09:30:00",
            "2026-12-02T14:05:00",
        ),
        # On the publication's line.
        (
            "de",
            '<p class="datum">2. Dezember 2026, 09:30 Uhr · Aktualisiert 14:05 Uhr</p>',
            DE_STORY,
            "",
            "2026-12-02T09:30:00",
            "2026-12-02T14:05:00",
        ),
        # The day declared in the markup, the time and its zone in the text.
        (
            "en",
            '<p class="updated">Updated 2:05 p.m. GMT</p>',
            EN_STORY,
            '<meta property="article:published_time" content="2026-12-02T09:00:00Z">',
            "2026-12-02T09:00:00+00:00",
            "2026-12-02T14:05:00+00:00",
        ),
        # No zone named: the publication's.
        (
            "en",
            '<p class="updated">Updated 14:05</p>',
            EN_STORY,
            '<meta property="article:published_time" content="2026-12-02T09:00:00+04:00">',
            "2026-12-02T09:00:00+04:00",
            "2026-12-02T14:05:00+04:00",
        ),
        # Before the publication's time: a later day's revision, which no line says; unread.
        (
            "en",
            '<p class="updated">Updated 14:05</p>',
            EN_STORY,
            '<meta property="article:published_time" content="2026-12-02T16:00:00Z">',
            "2026-12-02T16:00:00+00:00",
            "",
        ),
        # No day in the page: the time alone dates nothing (the address's day, "/2026-12-02-",
        # the publication's, is no date line a revision's time is of).
        (
            "en",
            '<p class="byline">By Ann Lee</p><p>Updated 14:05</p>',
            EN_STORY,
            "",
            "2026-12-02",
            "",
        ),
    ],
)
def test_an_update_time_alone_is_the_publications_days_revision(
    lang: str, lines: str, story: str, head: str, published: str, updated: str
) -> None:
    said_published, said_updated, text = _dates(_page(lang, lines, story, head, in_body=True))
    assert (said_published, said_updated) == (published, updated)
    assert text.startswith(("The harbour board", "Der Stadtrat")), text[:80]


@pytest.mark.parametrize(
    "line",
    [
        "Updated 2 hours ago",
        "Updated Tuesday 14:05",
        "Aktualisiert 03.12.",
        "Updated 14.05",  # a day and its month, or a time: unsaid
        "Updated at 14:05 to add the council's reply",
        "Updated 14:05 in Kyiv",
        "The vote was updated at 14:05",
    ],
)
def test_a_line_that_is_no_revisions_time_alone_gives_none(line: str) -> None:
    assert update_clock(line) is None


@pytest.mark.parametrize(
    ("line", "offset"),
    [
        ("آخر تحديث: 14:05 بتوقيت الإمارات", "+04:00"),
        ("آخر تحديث 09:40 بتوقيت مكة المكرمة", "+03:00"),
        ("Updated: 14.20 WIB", "+07:00"),
        ("Last updated 14:05 GMT", "+00:00"),
    ],
)
def test_a_revisions_time_keeps_the_zone_its_line_names(line: str, offset: str) -> None:
    clock = update_clock(line, "ar")
    assert clock is not None and clock.zone is not None
    moment = datetime(2026, 12, 2, clock.at.hour, clock.at.minute, tzinfo=clock.zone)
    assert moment.isoformat().endswith(offset)
