"""Figures and units as wires and reports write them (acc35b F6): a figure typed with its unit
on finds it written with a space or a degree sign ("12.5m" finds "12.5 m", "38C" "38°C"), one
typed without its thousands' separators finds them ("3500" finds "3,500", "3 500", "3.500"),
and a tag typed without accents finds the tag written with them ("tag:uberwachung"); through the
search index as a sync leaves it, and in an article's own `/`, which matches as the search does."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.search_index import trigrams
from reader.search_query import Query
from reader.ui.widgets.article.find_in_article import LineMap, find
from reader.ui.widgets.article.paragraph import TextRun
from reader.ui.widgets.main.headline_search import matching_names
from tests.cli_run import run_reader
from tests.served_feed import serve_one_item

TEXT = (
    "The new channel is 4.2 km long and 12.5 m deep, for ships of up to 3,500 tonnes. Crews"
    " stopped work when the quay reached 38°C. The fee, £4.2bn over 14.2 years, rose to"
    " 1.500 Euro a berth in the German paper and 12 500 in the French one; 12.5 metres is"
    " a ship's draught, 3.5 its speed."
)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("12.5m", ["12.5 m"]),
        ("4.2km", ["4.2 km"]),
        ("38C", ["38°C"]),
        ("3500", ["3,500"]),
        ("1500", ["1.500"]),
        ("12500", ["12 500"]),
        ("4.2", ["4.2", "4.2"]),  # "4.2 km" and "£4.2bn", not "14.2"
        ("14.2", ["14.2"]),
        ('"12.5 m"', ["12.5 m"]),  # typed with its space: as before
        ("3,500", ["3,500"]),
        # Not the tail of "3,500", nor of French's "12 500" (acc36 S1): typed in groups, found.
        ("500", []),
        ("12", []),
        ("12 500", ["12 500"]),
        ("12.5me", []),  # "12.5 metres" is no "12.5me"
        ("35", []),
    ],
)
def test_a_figure_is_found_as_it_is_written(typed: str, found: list[str]) -> None:
    (word,) = Query(typed).words
    assert [match.group() for match in word.found.finditer(TEXT)] == found


GROUPED = (
    "Fees: 500 a berth, 12 500 a year in Le Monde, 12,500 and 12.500 elsewhere, 12\u202f500 in"
    " Libération; 500 000 visitors, or 500,000; 1 234 500 tonnes; in 2019 500 people."
)


def _found_by_slash(query: str, text: str = GROUPED) -> list[str]:
    """What an article's `/` finds of `query` in `text`, one paragraph."""
    spans = find(LineMap([TextRun(text, ((0, 0, len(text), 0),))]), query)
    assert spans is not None
    return [text[s:e] for s, e in zip(spans.starts[0], spans.ends[0], strict=True)]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        # A figure typed alone is none of a longer figure's groups, its tail or its head.
        ("500", ["500", "500"]),  # "500 a berth", "in 2019 500 people"
        ("12", []),
        ("2019", ["2019"]),  # "2019 500": a year's four digits are no group
        ("234", []),
        # Typed with its groups, or without them, the whole figure is found however written.
        ("12 500", ["12 500", "12,500", "12.500", "12\u202f500"]),
        ("12500", ["12 500", "12,500", "12.500", "12\u202f500"]),
        ("500 000", ["500 000", "500,000"]),
        ("1 234 500", ["1 234 500"]),
    ],
)
def test_a_figure_typed_alone_is_no_piece_of_a_grouped_one(typed: str, found: list[str]) -> None:
    assert [m.group() for word in Query(typed).words for m in word.found.finditer(GROUPED)] == found
    assert _found_by_slash(typed) == found


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("12,500", ["12 500", "12,500", "12.500", "12\u202f500"]),
        ("500,000", ["500 000", "500,000"]),
        ("1,234,500", ["1 234 500"]),
    ],
)
def test_a_figure_typed_with_thousands_commas_is_the_figure_however_written(
    typed: str, found: list[str]
) -> None:
    """As with spaces between its groups: "12,500" pasted from an English wire finds French's
    "12 500" and "12500" too (acc50d D5), where it found its own spelling alone."""
    assert [m.group() for word in Query(typed).words for m in word.found.finditer(GROUPED)] == found


WRITTEN = ["12500", "12 500", "12,500", "12.500", "12\u202f500"]
"""The ways a figure is written, each a headline's title."""
WRITTEN_TEXT = "Fees of 12500, 12 500 in Le Monde, 12,500 on the wire, 12.500, 12\u202f500."


@pytest.mark.parametrize("typed", ["12500", "12 500", "12,500", "12\u202f500"])
def test_slash_finds_a_figure_however_typed_as_the_search_does(typed: str) -> None:
    """An article's `/` and the headlines' follow the search's rule (`text_find.typed`):
    `/12,500` found "12,500" alone, `/12 500` every writing but "12500", where `F` and
    `reader list --search` found them all (acc50d)."""
    assert [
        m.group() for word in Query(typed).words for m in word.found.finditer(WRITTEN_TEXT)
    ] == (WRITTEN)
    assert _found_by_slash(typed, WRITTEN_TEXT) == WRITTEN
    assert matching_names(WRITTEN, typed) == list(range(len(WRITTEN)))


def test_a_figure_in_groups_in_a_phrase_is_the_figure_however_written() -> None:
    """In a quoted phrase of the search too, and with words round it in `/`."""
    said = "fees of 12500, of 12,500 and of 12 500"
    (phrase,) = Query('"of 12,500"').words
    assert [m.group() for m in phrase.found.finditer(said)] == [
        "of 12500",
        "of 12,500",
        "of 12 500",
    ]
    assert _found_by_slash("of 12 500", said) == ["of 12500", "of 12,500", "of 12 500"]


def test_the_index_narrows_a_figure_by_what_every_writing_of_it_holds() -> None:
    assert trigrams("3500") == ["500"]  # "3,500", "3 500", "3500" each hold it
    assert trigrams("1234567") == ["234", "567"]
    # A decimal point is kept, as the pattern finds it literally: "4.2" narrowed nothing when
    # split into "4" and "2", and every article was read (acc50d D2).
    assert trigrams("4.2km") == trigrams("4.2") == ["4.2"]
    assert trigrams("12.5m") == ["12.", "2.5"]
    assert trigrams("3.14") == ["3.1", ".14"]
    # Letters and figures are apart only where a unit may be: "covid19" is one word, as its
    # pattern finds it.
    assert trigrams("covid19") == ["cov", "ovi", "vid", "id1", "d19"]


def test_reader_list_finds_figures_and_an_accented_tag_through_the_index(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    page = (
        "<html><head><title>Channel deepened</title></head><body><article><h1>Channel"
        f" deepened</h1><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
    )
    httpserver.expect_request("/channel.html").respond_with_data(page, content_type="text/html")
    link = httpserver.url_for("/channel.html")
    feed = serve_one_item(httpserver, "Port Notices", "Channel deepened", link)
    data = tmp_path / "data"

    async def sync() -> None:
        async with Library(data, workers="thread") as lib:
            lib.add_feed(feed)
            await lib.sync(articles=True)
            (headline,) = lib.headlines()
            lib.tag_article(headline.entry, ["Überwachung"])

    asyncio.run(sync())
    found = ("12.5m", "4.2km", "38C", "3500", "12 500", "12,500", "4.2", "14.2")
    found += ("tag:uberwachung", "tag:Überwachung 3500")
    for typed in found:
        listed = run_reader(data, "list", "--search", typed, "--json")
        assert listed.returncode == 0, (typed, listed.stderr)
        assert [h["title"] for h in json.loads(listed.stdout)] == ["Channel deepened"], typed
    for typed in ("12.5me", "3600", "500", "12", "tag:überwachungen", "tag:Überwachung -3500"):
        assert run_reader(data, "list", "--search", typed).returncode == 0, typed
