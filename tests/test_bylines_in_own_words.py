"""Bylines in their own words: Greek's "Γράφει η …" ("writes"), Thai's "โดย" ("by"),
Indonesian's "Penulis:" credit line, Hebrew's "and" written as the letter ו before the second
name, and the Gulf papers' place of filing before the name ("الفجيرة: …"). The citation names
the writers and nothing else. Real parts: the pages through the real extractor."""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.extract.author_names import split_names

_STORY = (
    "<p>The council voted on Tuesday to rebuild the river footbridge before the spring floods,"
    " after two years of temporary repairs that residents called unsafe.</p>"
    "<p>Work starts next month and the crossing will stay open on one side while the other is"
    " replaced, the engineer in charge told the meeting.</p>"
    "<p>Shopkeepers on the east bank said they had lost custom while the bridge was closed.</p>"
)


def _authors(language: str, byline: str, names: str = "byline") -> list[str]:
    page = (
        f'<html lang="{language}"><body><article><h1>Footbridge</h1>'
        f'<div class="{names}">{byline}</div>{_STORY}</article></body></html>'
    )
    author = extract_article(page, "https://example.org/news/footbridge").author
    return author.split(", ") if author else []


@pytest.mark.parametrize(
    ("language", "byline", "names", "expected"),
    [
        ("el", "Γράφει η <a>Μαρία Παπαδοπούλου</a>", "byline", ["Μαρία Παπαδοπούλου"]),
        ("el", "Γράφει ο Νίκος Αθανασίου", "byline", ["Νίκος Αθανασίου"]),
        ("th", "โดย สมชาย ใจดี", "author", ["สมชาย ใจดี"]),
        (
            "id",
            "Penulis: <a>Andi Saputra</a> | Editor: <a>Sri Wahyuni</a>",
            "credit",
            ["Andi Saputra"],
        ),
        (
            "he",
            "מאת <a>נועה ברק</a> ו<a>אלון שמעוני</a>",
            "author-name",
            ["נועה ברק", "אלון שמעוני"],
        ),
        ("ar", "الفجيرة: سلمى الحمادي", "writer", ["سلمى الحمادي"]),
        ("ar", "رأس الخيمة: خالد المنصوري", "writer", ["خالد المنصوري"]),
    ],
)
def test_a_byline_in_its_own_words_names_the_writers(
    language: str, byline: str, names: str, expected: list[str]
) -> None:
    assert _authors(language, byline, names) == expected


def test_a_credit_line_that_names_no_writer_is_no_byline() -> None:
    assert _authors("en", "Photo: Harbour Trust", "credit") == []


def test_a_hebrew_name_that_opens_with_vav_stays_whole() -> None:
    assert split_names("ויקטור כהן") == ["ויקטור כהן"]
    assert split_names("דנה ויקטור") == ["דנה ויקטור"]
    assert split_names("נועה ברק ו-אלון שמעוני") == ["נועה ברק", "אלון שמעוני"]
