"""Exports keep each article's direction and language (acc41c C4, C5, C10): an Arabic or Hebrew
story is right to left in an HTML page and a book however its first word is written, a page
that declares no language is not given another article's, and a book of right-to-left stories
turns its pages leftwards. Feeds served on 127.0.0.1, exported by `reader export`, the files
read back; a book checked by epubcheck."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import lxml.etree as ET
import lxml.html
import pytest
from pytest_httpserver import HTTPServer

from reader.article_books import book_language
from tests.cli_run import run_reader
from tests.conftest import sync_into

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPUBCHECK = "/usr/bin/epubcheck"

ARABIC_TITLE = "Apple تفتتح أول متجر لها في الرياض"
ARABIC = (
    "افتتحت الشركة الأمريكية متجرها الأول في العاصمة السعودية صباح اليوم وسط حضور كبير.",
    "وقال مدير المتجر إن الافتتاح يأتي ضمن خطة للتوسع في المنطقة خلال العامين المقبلين.",
    "ويضم المتجر قاعة للتدريب ومساحة لخدمة العملاء تعمل طوال أيام الأسبوع دون انقطاع.",
    "The company said in English that the store would open at ten in the morning every day.",
)
HEBREW_TITLE = "מחירי הדירות עלו שוב בחודש האחרון"
HEBREW = (
    "מחירי הדירות בישראל עלו בחודש האחרון בשיעור של אחוז אחד לפי נתוני הלשכה המרכזית.",
    "העלייה החדה ביותר נרשמה באזור הצפון ובערים הגדולות שבמרכז הארץ לאורך כל השנה.",
    "מומחים מעריכים כי המגמה תימשך גם בחודשים הקרובים בשל מחסור בדירות חדשות בשוק.",
)


def _page(title: str, paragraphs: tuple[str, ...], lang: str = "") -> str:
    declared = f' lang="{lang}"' if lang else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs * 2)
    return (
        f'<html{declared}><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<nav><a href='/'>/</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _serve(server: HTTPServer, channel: str, stories: list[tuple[str, str, str]]) -> str:
    """A feed `channel` of `stories` (path, title, page), each page served: its address."""
    items = ""
    for path, title, page in stories:
        link = server.url_for(path)
        items += f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid></item>"
        server.expect_request(path).respond_with_data(
            page.encode(), content_type="text/html; charset=utf-8"
        )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{channel}'
        f"</title>{items}</channel></rss>".encode(),
        content_type="application/rss+xml; charset=utf-8",
    )
    return server.url_for("/feed.xml")


@pytest.fixture
def right_to_left(httpserver: HTTPServer, tmp_path: Path) -> Path:
    """A data dir of one feed: an Arabic story declared `ar` whose title opens on "Apple",
    with an English paragraph; a Hebrew one declaring no language."""
    feed = _serve(
        httpserver,
        "الأهرام الرقمي",
        [
            ("/ar.html", ARABIC_TITLE, _page(ARABIC_TITLE, ARABIC, "ar")),
            ("/he.html", HEBREW_TITLE, _page(HEBREW_TITLE, HEBREW)),
        ],
    )
    data = tmp_path / "data"
    sync_into(data, [feed])
    return data


def _book(data: Path, book: Path, *choice: str) -> tuple[Any, Any, list[Any]]:
    """`reader export --format epub` of `data`'s articles (`choice` the options choosing
    them) into `book`: its package, contents and chapters, parsed."""
    done = run_reader(data, "export", "--format", "epub", *choice, "-o", str(book))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(book) as epub:
        opf = ET.fromstring(epub.read("OEBPS/content.opf"))
        nav = ET.fromstring(epub.read("OEBPS/nav.xhtml"))
        names = sorted(n for n in epub.namelist() if n.startswith("OEBPS/a0"))
        pages = [ET.fromstring(epub.read(name)) for name in names]
    return opf, nav, pages


def _epubcheck(book: Path) -> None:
    if shutil.which("java") and Path(EPUBCHECK).exists():
        checked = subprocess.run(
            ["java", "-jar", EPUBCHECK, str(book)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "No errors or warnings detected" in checked.stdout + checked.stderr


def test_a_right_to_left_story_is_so_in_an_html_page(right_to_left: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    done = run_reader(right_to_left, "export", "--format", "html", "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = lxml.html.fromstring(out.read_text())
    assert not page.xpath("//*[@dir='auto']")  # a first Latin word set the story LTR
    articles = page.xpath("//article")
    assert len(articles) == 2
    for article in articles:
        assert article.get("dir") == "rtl"
    arabic = next(a for a in articles if ARABIC_TITLE in a.text_content())
    assert arabic.get("lang") == "ar"
    # The English paragraph, and no Arabic one, runs left to right inside it.
    ltr = [p.text_content() for p in arabic.xpath(".//*[@dir='ltr']")]
    assert ARABIC[3] in ltr
    assert not any(sentence in text for text in ltr for sentence in ARABIC[:3])
    assert ARABIC_TITLE not in ltr
    # The contents list each story's title right to left.
    entries = page.xpath("//nav//li[a]")
    assert [entry.get("dir") for entry in entries] == ["rtl", "rtl"]


def test_a_book_of_right_to_left_stories_turns_leftwards(
    right_to_left: Path, tmp_path: Path
) -> None:
    book = tmp_path / "ar.epub"
    opf, nav, pages = _book(right_to_left, book)
    assert opf.find(f"{OPF}spine").get("page-progression-direction") == "rtl"
    assert nav.find(f".//{XHTML}nav").get("dir") == "rtl"
    assert {li.get("dir") for li in nav.iter(f"{XHTML}li")} == {"rtl"}
    for page in pages:
        assert not page.xpath("//*[@dir='auto']")
        assert page.find(f".//{XHTML}section").get("dir") == "rtl"
    _epubcheck(book)


def test_a_book_of_stories_both_ways_turns_as_books_do(
    right_to_left: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    english = "Harbour cranes idle as the port strike enters its second week"
    paragraphs = tuple(f"{english}, the union said on day {n} of the walkout." for n in range(4))
    httpserver.expect_request("/en.html").respond_with_data(
        _page(english, paragraphs, "en"), content_type="text/html; charset=utf-8"
    )
    link = httpserver.url_for("/en.html")
    httpserver.expect_request("/en.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item>'
        f"<title>{english}</title><link>{link}</link><guid>{link}</guid></item></channel></rss>",
        content_type="application/rss+xml",
    )
    sync_into(right_to_left, [httpserver.url_for("/en.xml")])
    book = tmp_path / "both.epub"
    opf, nav, pages = _book(right_to_left, book)
    sections = {
        "".join(page.itertext()): page.find(f".//{XHTML}section").get("dir") for page in pages
    }
    assert opf.find(f"{OPF}spine").get("page-progression-direction") is None
    assert nav.find(f".//{XHTML}nav").get("dir") is None
    assert sorted(str(d) for d in sections.values()) == ["None", "rtl", "rtl"]
    assert next(d for text, d in sections.items() if english in text) is None
    _epubcheck(book)


UNDECLARED = {
    "/ar.html": ("انخفاض أسعار الذهب في الأسواق العربية", ARABIC[:3]),
    "/he.html": (HEBREW_TITLE, HEBREW),
    "/el.html": (
        "Νέο πρόγραμμα για την Αθήνα",
        (
            "Ο δήμος της Αθήνας ανακοίνωσε σήμερα ένα νέο πρόγραμμα για τις συγκοινωνίες της πόλης.",
            "Το πρόγραμμα θα ξεκινήσει τον Ιανουάριο και θα διαρκέσει τουλάχιστον δύο χρόνια.",
            "Οι κάτοικοι θα μπορούν να υποβάλουν τις προτάσεις τους μέσω της ιστοσελίδας του δήμου.",
        ),
    ),
    "/ru.html": (
        "Главная ёлка страны появится в декабре",
        (
            "Главную новогоднюю ёлку страны установят на площади в середине декабря этого года.",
            "Дерево высотой двадцать пять метров привезут из лесов Подмосковья на специальной машине.",
            "Украшать ёлку будут несколько дней, а огни зажгут в последнюю неделю перед праздником.",
        ),
    ),
    "/zh1.html": (
        "国家统计局公布十一月份居民消费价格",
        (
            "国家统计局今天发布数据显示，十一月份全国居民消费价格同比上涨，涨幅比上月有所扩大。",
            "其中城市上涨幅度略高于农村，食品价格上涨明显，非食品价格总体保持稳定运行的态势。",
            "专家表示，随着节日临近，消费需求逐步回升，预计物价将在合理区间内保持温和上涨。",
        ),
    ),
    "/zh2.html": (
        "北京地铁新线路年底开通运营",
        (
            "北京市交通委员会宣布，新建地铁线路将于年底前开通运营，全长约三十公里，共设车站二十座。",
            "新线路开通后，沿线居民出行时间将大大缩短，并与多条既有线路实现换乘，方便市民出行。",
            "有关部门表示，将继续加快轨道交通建设，进一步完善城市公共交通网络，提升服务水平。",
        ),
    ),
}


def test_a_page_of_no_language_is_not_given_another_articles(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    stories = [(path, title, _page(title, text)) for path, (title, text) in UNDECLARED.items()]
    data = tmp_path / "data"
    sync_into(data, [_serve(httpserver, "همشهری", stories)])
    book = tmp_path / "nl.epub"
    opf, nav, pages = _book(data, book)
    # Two Chinese stories of six in five languages: not a Chinese book.
    assert opf.findtext(f".//{DC}language") == "mul"
    assert nav.get("lang") == "mul"
    told = {"".join(page.itertext()): page.get("lang") for page in pages}
    for path, (title, _) in UNDECLARED.items():
        language = next(lang for text, lang in told.items() if title in text)
        # The Chinese told by their letters, the others none: never the book's or another's.
        assert language == ("zh" if path.startswith("/zh") else ""), path
    assert {page.get("{http://www.w3.org/XML/1998/namespace}lang") for page in pages} == {
        "zh",
        "",
    }
    _epubcheck(book)


@pytest.mark.parametrize(
    ("languages", "book"),
    [
        (["zh", "zh", "ja", "ko", "", "", "", "", "", ""], "mul"),
        (["en", "en", "en", "fr"], "en"),
        (["en", "fr"], "mul"),
        (["ar", "ar", ""], "ar"),
        (["zh", "zh", "", "", ""], "mul"),  # the others' letters told no language
        (["", ""], "und"),
    ],
)
def test_a_books_language_is_its_articles(languages: list[str], book: str) -> None:
    assert book_language(languages) == book


def test_a_feed_named_by_its_address_titles_the_book_with_its_name(
    right_to_left: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    address = httpserver.url_for("/feed.xml")
    titles = []
    for named in (address, "الأهرام الرقمي"):
        opf, nav, _ = _book(right_to_left, tmp_path / "feed.epub", "--feed", named)
        title, heading = opf.findtext(f".//{DC}title"), nav.findtext(f".//{XHTML}h1")
        assert title == heading
        titles.append(title.rpartition(", ")[0])  # the day after it
    assert titles == ["الأهرام الرقمي", "الأهرام الرقمي"]
    # Renamed, by the name you gave it, however it is named.
    assert run_reader(right_to_left, "rename", address, "Al-Ahram").returncode == 0
    opf, _, _ = _book(right_to_left, tmp_path / "named.epub", "--feed", address)
    assert opf.findtext(f".//{DC}title").startswith("Al-Ahram, ")
