"""The reading view for right-to-left articles (Hebrew, Arabic, Persian, Urdu): paragraphs set
flush right, list bullets and quote bars at the right edge; left-to-right ones as before.

Driven with Pilot on a data directory synced from the demo site, a page of our own read by the
real extractor and shown in place of the council budget's.
"""

from __future__ import annotations

import asyncio
import sys
import unicodedata
from pathlib import Path

import pytest

from reader.bidi_isolates import without_isolates
from reader.extract import extract_article
from reader.models import Article, Block, BlockKind, Inline
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.article.direction import right_to_left
from tests.tui_pilot import reading

HEBREW_PAGE = """<!DOCTYPE html>
<html lang="he" dir="rtl"><head><meta charset="utf-8">
<title>מעבורות הכרמל מושבתות בשל הרוח - חדשות המפרץ</title>
<meta property="og:site_name" content="חדשות המפרץ">
</head><body>
<nav><a href="/">ראשי</a> <a href="/news">חדשות</a></nav>
<article>
<h1>מעבורות הכרמל מושבתות בשל הרוח</h1>
<p>רשות הנמלים הודיעה הבוקר כי כל המעבורות בין עכו לחיפה לא יפליגו עד יום חמישי, לאחר
שמהירות הרוח מול החוף עברה את הסף שנקבע לבטיחות הנוסעים והצוותים.</p>
<p>"אנחנו לא מוכנים לקחת סיכון כשהגלים בגובה כזה", אמרה מנהלת הנמל, רותי אלון, בשיחה עם
כתבנו. לדבריה, הנוסעים יקבלו החזר מלא על כרטיסים שכבר נקנו.</p>
<ul><li>המעבורת הראשונה תצא ביום חמישי בשבע בבוקר</li><li>הכרטיסים תקפים לשבוע</li></ul>
<blockquote><p>הים הזה לא סולח לאף אחד שממהר</p></blockquote>
<p>השירות המטאורולוגי צופה שהרוח תיחלש בהדרגה ביום רביעי בערב, ושהגשם יימשך עד סוף השבוע
בכל אזור הצפון.</p>
</article></body></html>"""

ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Carmel ferries halted by the wind - Bay News</title>
</head><body>
<article>
<h1>Carmel ferries halted by the wind</h1>
<p>The port authority said this morning that no ferry between Acre and Haifa will sail before
Thursday, the wind off the coast having passed the limit set for passengers and crews.</p>
<ul><li>The first ferry leaves on Thursday at seven</li><li>Tickets are good for a week</li></ul>
<blockquote><p>This sea forgives nobody in a hurry</p></blockquote>
</article></body></html>"""


def drawn(body: ArticleBody, words: str) -> list[str]:
    """The lines of the paragraph whose text holds `words`, as drawn in the column (its margin
    left out), each padded to the column's width; without the bidi isolates, which take no
    cell (`test_bidi_isolates` checks them)."""
    index = next(n for n, p in enumerate(body._paragraphs) if words in p.text.plain)
    width = body._width
    return [
        without_isolates(body._lines[number].text).ljust(width)[:width]
        for number in body._extents[index]
    ]


def test_a_hebrew_article_is_set_flush_right_with_its_bullets_and_bars_on_the_right(
    synced_dir: Path,
) -> None:
    """A Hebrew page was drawn flush left, its bullets and quote bars on the left, where a
    reader of Hebrew does not look for them. Its paragraphs now end at the column's right edge,
    a list item's bullet and a quote's bar after the text, at that edge; every line of a long
    paragraph ends there, its last one too. The title is set right as well, and the rest of the
    header with it (its address and length were left at the other edge)."""
    article = extract_article(HEBREW_PAGE, "https://bay.example/news/ferries.html")
    assert article.language == "he"

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (90, 40)) as (_app, pilot, body):
            body.show_article(None, article)
            await pilot.pause()
            column = body._width
            lines = drawn(body, "רשות הנמלים הודיעה")
            assert len(lines) >= 2
            for line in lines:
                assert line.rstrip() == line and len(line) == column, line
                assert not line.startswith("רשות")  # padded on the left, not set there
            assert lines[-1].startswith(" ")
            bullet = drawn(body, "המעבורת הראשונה")
            assert bullet[0].endswith(" •") and bullet[0].startswith(" ")
            assert bullet[0].rstrip(" •").endswith("בבוקר")
            bar = drawn(body, "הים הזה")
            assert bar[0].endswith(" ▐") and bar[0].rstrip(" ▐").endswith("שממהר")
            title = drawn(body, "מעבורות הכרמל")
            assert title[0].endswith("הרוח") and title[0].startswith(" ")
            # One alignment for the whole header: its address and length too.
            address = drawn(body, "bay.example/news/ferries.html")
            assert address[0].endswith("ferries.html") and address[0].startswith(" ")
            length = drawn(body, f"{article.word_count} words")
            assert length[0].endswith("words") and length[0].startswith(" ")
            # Found, selected and quoted as before: the words where they are drawn.
            assert body.search("החזר מלא", body.top_line) == 1
            assert body.choose_passage() is None
            assert body.selected_text == "לדבריה, הנוסעים יקבלו החזר מלא על כרטיסים שכבר נקנו."

    asyncio.run(run())


def test_an_english_article_is_set_as_before(synced_dir: Path) -> None:
    """An English article keeps its flush-left paragraphs, bullets and bars on the left."""
    article = extract_article(ENGLISH_PAGE, "https://bay.example/news/ferries-en.html")

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (90, 40)) as (_app, pilot, body):
            body.show_article(None, article)
            await pilot.pause()
            assert drawn(body, "The port authority")[0].startswith("The port authority said")
            assert drawn(body, "The first ferry")[0].startswith("• The first ferry leaves")
            assert drawn(body, "This sea")[0].startswith("▌ This sea forgives")
            assert drawn(body, "Carmel ferries")[0].startswith("Carmel ferries halted")

    asyncio.run(run())


ARABIC_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>أسعار الذهب تواصل الارتفاع في الأسواق</title>
</head><body><article>
<h1>أسعار الذهب تواصل الارتفاع في الأسواق</h1>
<p>واصلت أسعار الذهب ارتفاعها في أسواق المنطقة خلال الأسبوع الجاري، وسط إقبال كبير من المستثمرين
على المعدن الأصفر بوصفه ملاذاً آمناً في أوقات التقلبات الاقتصادية.</p>
<p>The traders' association said in a statement in English: "Demand from jewellers has not
been this strong in ten years, and we expect prices to stay high until the spring."</p>
<p>وأضاف التجار أن الطلب على السبائك الصغيرة ارتفع بشكل ملحوظ منذ بداية الشهر.</p>
</article></body></html>"""


def test_an_english_paragraph_in_an_arabic_article_is_set_flush_left(synced_dir: Path) -> None:
    """An Arabic story (no language declared) quoting a statement in English set the English
    flush right too, ragged on the left (acc31b M17): each paragraph is set by its own letters,
    the English one flush left, the Arabic around it flush right."""
    article = extract_article(ARABIC_PAGE, "https://gold.example/news/prices.html")
    assert right_to_left(article)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (90, 40)) as (_app, pilot, body):
            body.show_article(None, article)
            await pilot.pause()
            english = drawn(body, "The traders' association")
            assert len(english) >= 2
            assert english[0].startswith("The traders' association said")
            assert english[-1].rstrip() != english[-1]  # ragged on the right
            for words in ("واصلت أسعار الذهب", "وأضاف التجار"):
                arabic = drawn(body, words)
                assert arabic[-1].startswith(" ") and arabic[-1].rstrip() == arabic[-1]

    asyncio.run(run())


def test_an_article_mostly_in_arabic_letters_is_right_to_left_without_a_language() -> None:
    """No language declared (a bare page, a feed's text): the letters decide."""

    def article(text: str, language: str = "") -> Article:
        block = Block(BlockKind.PARAGRAPH, (Inline(text),))
        return Article("https://x.example/a", language=language, blocks=(block,))

    assert right_to_left(article("قالت هيئة الموانئ إن العبارات لن تبحر حتى يوم الخميس (AFP)"))
    assert right_to_left(article("Port news", language="fa-IR"))
    assert not right_to_left(article("The port said (هيئة الموانئ) no ferry will sail"))
    # A template's "en" over a page written in Hebrew: the letters still tell.
    assert right_to_left(article("הנמל נסגר הבוקר לתנועת אוניות", language="en"))


def test_the_direction_asks_few_letters_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each open read the first 4,000 characters' classes one by one, three times (the header,
    the compact header's test, the body: 3 ms of an English article's open). Now a text with
    no letter of a right-to-left script asks none, and one with some asks each distinct
    character once, weighed by how often it occurs: the same answers."""
    real = unicodedata.bidirectional
    asked: list[str] = []

    def counted(char: str) -> str:
        asked.append(char)
        return real(char)

    monkeypatch.setattr(unicodedata, "bidirectional", counted)
    english = "The ferries between Acre and Haifa will not sail until Thursday, the port said. "
    hebrew = "רשות הנמלים הודיעה הבוקר כי כל המעבורות לא יפליגו עד יום חמישי. "

    def article(*texts: str, language: str = "en") -> Article:
        blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(text),)) for text in texts)
        return Article("https://x.example/a", language=language, blocks=blocks)

    assert not right_to_left(article(english * 120))
    assert asked == []
    # The first 4,000 characters tell, across blocks: English first, then mostly Hebrew…
    assert right_to_left(article(english * 10, hebrew * 60))
    assert len(asked) == len(set(english + hebrew)) < 60
    # …and Hebrew after them counts for nothing.
    assert not right_to_left(article(english * 50, hebrew * 200))
    # More Hebrew than English letters within them: right to left.
    assert right_to_left(article(english * 20, hebrew * 40))
    assert not right_to_left(article(english * 40, hebrew * 40))


def test_every_right_to_left_character_is_where_the_quick_test_looks() -> None:
    """The quick test (no character of these blocks: left to right) holds for every character
    of class R or AL that this Python's Unicode knows."""
    from reader.ui.widgets.article.direction import RIGHT_TO_LEFT_BLOCKS

    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.bidirectional(chr(code)) in ("R", "AL")
        and not RIGHT_TO_LEFT_BLOCKS.match(chr(code))
    ]
    assert missed == []
