"""Letters one for the search though written two ways (acc41c): Greek's σ and ς in every case
mode, Russian's ё typed and the е printed for it, Arabic's hamza on waw
and yeh and the bare one, a CJK name typed solid and printed with a space between family and
given name. Each in the reading view's `/`, the search of every cached article (`F`, `reader list
--search`) and the index's prefilter."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.fold import composed
from reader.full_text import Query
from reader.search_index import indexed_form, trigrams
from tests.test_cli import reader
from tests.test_find_in_article import found_in
from tests.test_search_scripts import _whole_word, searches_find, serve_pages

# Each query, a text, and what of the text it lights (as the page has it).
_FOUND = [
    ("Αθήνασ", "στην Αθήνας χθες", "Αθήνας"),  # a capital typed, "σ" at the end (C9)
    ("Αθηνασ", "στην Αθήνας χθες", "Αθήνας"),
    ("αθήνασ", "στην Αθήνας χθες", "Αθήνας"),
    ("Αθηνας", "ΣΤΗΝ ΑΘΗΝΑΣ", "ΑΘΗΝΑΣ"),
    ("Σύνταγμα", "στο Σύνταγμα", "Σύνταγμα"),
    ("Горбачёв", "Михаил Горбачев сказал", "Горбачев"),  # ё typed, е printed (C15)
    ("горбачёв", "Михаил Горбачев сказал", "Горбачев"),
    ("Горбачёв", "Михаил Горбачёв сказал", "Горбачёв"),
    ("Горбачев", "Михаил Горбачёв сказал", "Горбачёв"),  # and back, as before
    ("ЁЛКА", "НОВОГОДНЯЯ ЕЛКА", "ЕЛКА"),
    ("مسؤول", "قال مسئول في الوزارة", "مسئول"),  # the hamza on waw typed, on yeh printed (C16)
    ("مسئول", "قال مسؤول في الوزارة", "مسؤول"),  # and back
    ("مسؤولين", "أحد المسءولين", "مسءولين"),  # the bare hamza
    ("المسئولون", "قال المسؤولون", "المسؤولون"),
    ("山田太郎", "記者 山田\u3000太郎", "山田\u3000太郎"),  # a CJK name typed solid (C14)
    ("山田太郎", "記者 山田 太郎", "山田 太郎"),
    ("山田太郎", "記者 山田太郎", "山田太郎"),
    ("王明", "记者 王 明 报道", "王 明"),
    ("山田さくら", "文・山田　さくら", "山田　さくら"),
    ("对于", "對於工程噪音", "對於"),  # Simplified typed, Traditional printed (C19)
    ("减少", "減少市區道路壅塞", "減少"),
    ("决定", "政府決定", "決定"),
    ("加强", "加強管理", "加強"),
    ("亚洲", "亞洲盃", "亞洲"),
    ("關於", "关于此事", "关于"),  # and back
]


@pytest.mark.parametrize(("query", "text", "found"), _FOUND)
def test_a_letter_written_two_ways_is_one(query: str, text: str, found: str) -> None:
    assert found_in(text, query) == [found]
    whole = composed(found)
    assert _whole_word(query, text).endswith(found if whole is None else whole[0])
    form = indexed_form(text)
    assert all(piece in form for piece in trigrams(Query(query).words[0].typed)), form


def test_a_japanese_character_is_not_folded_into_another() -> None:
    """係 ("in charge") is Traditional Chinese for 系 too, but Japanese writes both, apart: a
    Japanese search for 係 must not find 系統 ("system"), as the table's rule keeps out."""
    assert found_in("鉄道の系統を見直す", "係") == []
    assert found_in("受付係が対応した", "係") == ["係"]


def test_yo_typed_with_an_accent_finds_e_too() -> None:
    """A query with an accent compares the text as written; its ё still finds е (C15)."""
    assert found_in("Горбачев в кафе café", "Горбачёв в кафе café") == ["Горбачев в кафе café"]


_PAGES = {
    "/el.html": ("el", "Ειδήσεις", "Συγκέντρωση στην Αθήνας πλατεία σήμερα."),
    "/ru.html": ("ru", "Новости", "Михаил Горбачев выступил в Москве."),
    "/ar.html": ("ar", "أخبار", "قال مسئول في الوزارة إن الطريق يفتح غدا."),
    "/ja.html": ("ja", "札幌で初雪", "札幌で初雪を観測した。"),  # its page below, with a byline
}
_SEARCHES = [
    ("Αθήνασ", "/el.html"),
    ("Горбачёв", "/ru.html"),
    ("مسؤول", "/ar.html"),
    ("山田太郎", "/ja.html"),
    ("by:山田太郎", "/ja.html"),
]


def test_list_search_finds_each_through_the_index(tmp_path: Path, httpserver: HTTPServer) -> None:
    # A Japanese page whose byline writes the name with an ideographic space.
    httpserver.expect_request("/ja.html").respond_with_data(
        "<!doctype html><html lang=ja><head><meta charset=utf-8><title>札幌で初雪</title>"
        '<meta name="author" content="山田\u3000太郎"></head><body><article><h1>札幌で初雪</h1>'
        + "<p>札幌管区気象台は札幌で初雪を観測したと発表した。平年より遅い観測となった。</p>" * 3
        + "</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    serve_pages(httpserver, _PAGES)  # the feed, and the other pages (this one answered first)
    searches_find(tmp_path / "home", httpserver.url_for("/feed.xml"), _SEARCHES)


def test_tag_and_feed_names_fold_persian_and_arabic_letters(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A tag or a feed named with Persian's ی ک is named by an Arabic keyboard's ي ك, and a
    half-space by a space, as the search's `tag:` compares them (acc41c C23)."""
    serve_pages(httpserver, {"/fa.html": _PAGES_FA}, name="خبرگزاری پایتخت")
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0
    assert reader(data, "tag", "خبرگزاری پایتخت", "ایران", "دی\u200cماه").returncode == 0
    for args in (
        ("--tag", "ايران"),
        ("--tag", "دی ماه"),
        ("--feed", "خبرگزاري پايتخت"),
        ("--feed", "خبرگزاری پایتخت"),
    ):
        listed = reader(data, "list", *args)
        assert listed.returncode == 0 and "/fa.html" in listed.stdout, (args, listed.stderr)


_PAGES_FA = ("fa", "خبر مترو", "مترو تهران از دی\u200cماه دو خط تازه خواهد داشت و کار ادامه دارد.")
