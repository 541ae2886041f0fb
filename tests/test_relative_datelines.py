"""A line under the headline that dates the story by how long ago the page was made ("منذ
ساعتين", "3小时前", "2시간 전", "Вчера, 18:40") is no text of the article, in each language whose
dates are read: read later it is false, and a page that says "3 hours" an hour on is the same
story, no correction to keep a copy of (acc31b M20). Real parts: the real extractor; the page
served on 127.0.0.1 and fetched again by `reader show --refresh` into a real store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from reader.cli import main
from reader.extract import extract_article
from reader.render import to_text

PARAGRAPHS = (
    "<p>The harbour will close its north quay for a month while the breakwater is rebuilt, the "
    "port authority said on Friday, and the ferries will berth at the south quay.</p>"
    "<p>Fishing boats keep their moorings, and twelve new berths have been marked out for "
    "them beside the fish market, which opens as usual on Saturday.</p>"
)


def page(lang: str, line: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Harbour</title>'
        f'</head><body><article><h1>Harbour</h1><div class="date">{line}</div>{PARAGRAPHS}'
        "</article></body></html>"
    )


def text_of(lang: str, line: str) -> str:
    article = extract_article(page(lang, line), "https://news.example/2026/12/05/harbour.html")
    return to_text(article, header=False)


AGO = [
    ("ar", "منذ ساعتين"),
    ("ar", "منذ 5 دقائق"),
    ("zh-CN", "5小时前"),
    ("zh-TW", "5小時前"),
    ("ja", "5時間前"),
    ("ko", "5시간 전"),
    ("th", "5 ชั่วโมงที่แล้ว"),
    ("vi", "5 giờ trước"),
    ("tr", "5 saat önce"),
    ("pl", "5 godzin temu"),
    ("uk", "5 годин тому"),
    ("he", "לפני שעתיים"),
    ("fa", "۵ ساعت پیش"),
    ("hi", "5 घंटे पहले"),
    ("nl", "5 uur geleden"),
    ("ru", "Вчера, 09:15"),
    ("uk", "Вчора, 09:15"),
    ("zh-CN", "昨天 09:15"),
    ("ko", "어제 09:15"),
    ("ko", "오늘 오후 3:15"),
    ("de", "Heute, 09:15 Uhr"),
    ("fr", "Aujourd'hui à 9h15"),
    ("pl", "Dzisiaj, 09:15"),
    ("tr", "Bugün 09:15"),
]


@pytest.mark.parametrize(("lang", "line"), AGO, ids=[line for _, line in AGO])
def test_a_line_saying_how_long_ago_is_no_text_of_the_article(lang: str, line: str) -> None:
    """Left as the article's first paragraph before, but in Russian, German and French."""
    text = text_of(lang, line)
    assert "The harbour will close" in text and line not in text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # A lone day word may be a section's name; a sentence of the story stays.
        ("ru", "Вчера"),
        ("zh-CN", "昨天"),
        ("ar", "منذ ساعتين أعلنت الهيئة إغلاق الرصيف الشمالي للميناء حتى نهاية الشهر"),
        ("de", "Heute um 09:15 Uhr schloss der Hafen den Nordkai"),
    ],
)
def test_a_day_word_alone_or_in_a_sentence_stays(lang: str, line: str) -> None:
    assert line in text_of(lang, line)


def test_a_page_whose_how_long_ago_line_moved_on_is_unchanged_on_refresh(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An hour on, "منذ ساعتين" reads "منذ 3 ساعات": before, the refresh said the text changed
    and kept a copy, whose only "correction" was the clock."""
    served = {"body": page("ar", "منذ ساعتين")}
    httpserver.expect_request("/2026/12/05/harbour.html").respond_with_handler(
        lambda _request: Response(served["body"], content_type="text/html; charset=utf-8")
    )
    story = httpserver.url_for("/2026/12/05/harbour.html")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "show", story]) == 0
    served["body"] = page("ar", "منذ 3 ساعات")
    capsys.readouterr()
    assert main(["--data-dir", data, "show", story, "--refresh"]) == 0
    out, err = capsys.readouterr()
    assert "unchanged since the copy retrieved" in err and "kept as copy" not in err
    assert "ساعات" not in out
