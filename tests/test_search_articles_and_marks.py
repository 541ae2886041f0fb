"""A word found as its readers type it where the page's spelling drops or adds a letter or a
mark (acc38a): Arabic's ال and Hebrew's ה typed, swallowed by the preposition before the word
("الشباب" finds "للشباب", "הנמל" "לנמל", J10); Hindi's nukta and chandrabindu each typed or
not apart (J13); and a query whose accents or points find nothing says what it finds without
them, as one in capitals does (J5). Through `reader list --search` and the index, fresh and
caught up."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.fold import fold
from reader.full_text import Query
from reader.search_index import INDEX_FILE, indexed_form, trigrams
from tests.test_cli import reader
from tests.test_search_scripts import serve_pages


def _found(query: str, text: str) -> str:
    """What of `text` the search of cached articles finds by `query`'s first word, "" for
    nothing; checked against the index's prefilter too (its pieces all in the text's form)."""
    word = Query(query).words[0]
    match = word.found.search(fold(text, word.accents))
    if match is None:
        return ""
    form = indexed_form(text)
    assert all(piece in form for piece in trigrams(word.typed)), (query, text)
    return text[match.start() : match.end()]


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("الشباب", "فرص عمل للشباب في المدينة", "للشباب"),  # ل + الشباب
        ("الشباب", "دعم وللشباب أيضا", "وللشباب"),
        ("الشباب", "فللشباب حق", "فللشباب"),
        ("الشباب", "مركز الشباب", "الشباب"),  # as typed still
        ("الشباب", "بالشباب", "بالشباب"),
        ("المترو", "الدعم لِلمَتْرُو", "لِلمَتْرُو"),  # harakat in the text
        ('"الشباب العربي"', "فرص للشباب العربي", "للشباب العربي"),  # a phrase's first word
        ("הנמל", "הגיע לנמל חיפה", "לנמל"),  # ל + הנמל
        ("הנמל", "בנמל אשדוד", "בנמל"),
        ("הנמל", "כנמל גדול", "כנמל"),
        ("הנמל", "ולנמל", "ולנמל"),
        ("העירייה", "למשטרה ולעירייה", "ולעירייה"),
        ("הנמל", "מהנמל", "מהנמל"),  # the rule before: מ keeps the ה
        ("गाडियाँ", "250 गाड़ियाँ शामिल होंगी", "गाड़ियाँ"),  # ँ typed, no nukta
        ("गाड़ियां", "250 गाड़ियाँ शामिल होंगी", "गाड़ियाँ"),  # the nukta typed, ं for ँ
        ("गाड़ियाँ", "250 गाड़ियाँ शामिल होंगी", "गाड़ियाँ"),
        ("गाडियां", "250 गाड़ियाँ शामिल होंगी", "गाड़ियाँ"),
    ],
)
def test_a_word_is_found_with_its_article_or_marks_as_typed(
    query: str, text: str, found: str
) -> None:
    assert _found(query, text) == found


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("الشباب", "شباب كثيرون"),  # no article in the text: not "the youth"
        ("الشباب", "لشباب المدينة"),  # ل + شباب: "for youths", no article
        ("הנמל", "נמל חיפה"),
        ("הר", "בר"),  # under three letters after ה: a ה of the word
        ("הדג", "לדג"),
        ("هالشباب", "للشباب"),
        ("الپارک", "للپارک"),  # Persian: other prefixes
        ("lhotel", "l'hotel"),
        ("ज़िला", "जिला अस्पताल"),  # a nukta typed counts
        ("आएँगी", "बसें आएंगी"),  # and a chandrabindu
        ("गाड़ियाँ", "गाडियां"),
    ],
)
def test_no_other_word_is_found(query: str, text: str) -> None:
    assert _found(query, text) == ""


@pytest.mark.parametrize(
    ("query", "title", "found"),
    [
        ("الشباب", "فرص عمل للشباب في المدينة", True),
        ("الشباب", "دعم وللشباب أيضا", True),
        ('"الشباب العربي"', "فرص للشباب العربي", True),
        ("الشباب العربي", "فرص للشباب العربي", True),  # `/` takes no quotes: a phrase all the same
        ("הנמל", "הגיע לנמל חיפה", True),
        ("הנמל", "כנמל גדול", True),
        ("העירייה", "למשטרה ולעירייה", True),
        ("الشباب", "لشباب المدينة", False),  # ل + شباب: "for youths", no article
        ("الشباب", "شباب كثيرون", False),
        ("הנמל", "נמל חיפה", False),
        ("הר", "בר", False),
        ("هالشباب", "للشباب", False),
    ],
)
def test_slash_finds_a_word_whose_article_a_preposition_swallowed_as_f_does(
    query: str, title: str, found: bool
) -> None:
    """The headline list's `/` (and the feed list's, and an article's: one literal rule,
    `text_find.pattern`) finds "للشباب" by "الشباب" as `F` does (acc38a J10 was `F`'s alone)."""
    from reader.ui.widgets.main.headline_search import matching_names

    assert matching_names([title], query.strip('"')) == ([0] if found else [])
    if found:
        assert _found(query, title)


def test_a_mark_typed_gets_the_hint_a_capital_gets() -> None:
    assert Query("נָמֵל").case_note(1) == " (a mark typed makes marks count: נמל finds 1)"
    assert Query("Café").case_note(2) == (
        " (a capital and a mark typed make case and marks count: cafe finds 2)"
    )
    assert Query("OKONKWO").case_note(6) == " (a capital makes case count: okonkwo finds 6)"
    assert Query("İSTANBUL").case_note(1) == " (a capital makes case count: istanbul finds 1)"
    assert Query("गाड़ियाँ").case_note(1) == (" (a mark typed makes marks count: गाडियां finds 1)")
    assert Query("okonkwo").loosened() is None and Query("okonkwo").case_note(3) == ""


_FIRST = {
    "/ar.html": ("ar", "خبر العمل", "أعلنت الوزارة فرص عمل للشباب، والدعم لِلمَتْرُو."),
    "/hi.html": ("hi", "ख़बर", "परेड में 250 गाड़ियाँ शामिल होंगी।"),
}
_SECOND = {
    "/he.html": ("he", "חדשות", "הספינה הגיעה לנמל חיפה. הנהג נסע לעיר התחתית."),
}


def test_list_search_finds_them_through_a_caught_up_and_a_fresh_index(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "home"
    serve_pages(httpserver, _FIRST, "/one.xml", "one")
    serve_pages(httpserver, _SECOND, "/two.xml", "two")
    assert reader(data, "add", httpserver.url_for("/one.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0

    def finds(query: str, path: str) -> None:
        found = reader(data, "list", "--search", query)
        assert found.returncode == 0, (query, found.stderr)
        assert path in found.stdout, (query, found.stdout)

    searches = [
        ("الشباب", "/ar.html"),
        ("المترو", "/ar.html"),
        ("गाडियाँ", "/hi.html"),
        ("गाड़ियां", "/hi.html"),
    ]
    for query, path in searches:
        finds(query, path)
    # The index made by the first sync caught up with a second feed's articles.
    assert reader(data, "add", httpserver.url_for("/two.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0
    searches += [("הנמל", "/he.html"), ("העיר", "/he.html")]
    for query, path in searches[-2:]:
        finds(query, path)
    (data / INDEX_FILE).unlink()  # a fresh one, made by the search
    for query, path in searches:
        finds(query, path)
    pointed = reader(data, "list", "--search", "הַנָּמֵל")
    assert pointed.returncode == 0 and pointed.stdout == ""  # no hit: nothing to do, not a failure
    assert "holds “הַנָּמֵל” (a mark typed makes marks count: הנמל finds 1)" in pointed.stderr
