"""A name typed without the apostrophe after its first letter (acc45 C4): "obrien" finds
"O'Brien" and "O’Brien", as "o'brien" does, in the reading view's `/`, the headline list's `/`,
the search of every cached article (`F`, `reader list --search`) and the index's prefilter;
and finds nothing it didn't find before ("its" is not "it's")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.full_text import Query, matches
from reader.search_index import indexed_form, trigrams
from reader.ui.widgets.main.headline_search import matching_names
from tests.test_find_in_article import found_in
from tests.test_search_scripts import searches_find, serve_pages

_FOUND = [
    ("obrien", "said Sean O'Brien on Monday", "O'Brien"),
    ("obrien", "said Sean O’Brien on Monday", "O’Brien"),
    ("OBrien", "SEAN O’BRIEN", "O’BRIEN"),
    ("Obrien", "Sean O’Brien", "O’Brien"),
    ("oneill", "Mary O’Neill’s office", "O’Neill"),
    ("dangelo", "Luca D’Angelo wrote", "D’Angelo"),
    ("dsouza", "Priya D’Souza said", "D’Souza"),
    ('"sean obrien"', "said Sean O’Brien on Monday", "Sean O’Brien"),
    ("obrien*", "the O’Briens came", "O’Briens"),
    ("obrien", "obrien wrote", "obrien"),  # typed as the text has it, as before
    ("o'brien", "said Sean O’Brien", "O’Brien"),
]


@pytest.mark.parametrize(("query", "text", "found"), _FOUND)
def test_a_name_typed_without_its_apostrophe_finds_it(query: str, text: str, found: str) -> None:
    assert found_in(text, query.strip('"').rstrip("*")) == [found.rstrip("s")]
    hit = matches(Query(query), "", text)
    assert hit is not None and found in hit
    form = indexed_form(text)
    assert all(piece in form for piece in trigrams(Query(query).words[0].typed)), form
    assert matching_names(["Weather", text], query.strip('"').rstrip("*")) == [1]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("its", "it's raining"),  # a contraction is no name
        ("ill", "I'll go"),
        ("obrien", "O Brien"),  # a space is no apostrophe
        ("obrien", "Ob'rien"),
        ("obrien", "robrien"),
        ("oneill", "O'Neil"),
        ("loreal", "L’Oréal"),  # French's article l' is a word of its own
        ("lhotel", "l'hotel"),
    ],
)
def test_nothing_else_is_found(query: str, text: str) -> None:
    assert matches(Query(query), "", text) is None
    # `/` finds a stretch anywhere in a word, the search whole words only.
    assert found_in(text, query) == [] or query in text.lower()


def test_list_search_finds_the_name_through_the_index(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    pages = {
        "/ie.html": ("en", "Harbour inquiry", "Councillor Sean O’Brien said the harbour shut."),
        "/it.html": ("en", "Port deal", "The minister, Luca D’Angelo, signed the port deal."),
        "/no.html": ("en", "Weather", "It’s raining over the harbour again today."),
    }
    serve_pages(httpserver, pages, name="Wire")
    searches_find(
        tmp_path / "home",
        httpserver.url_for("/feed.xml"),
        [("obrien", "/ie.html"), ("o'brien", "/ie.html"), ("dangelo", "/it.html")],
    )
