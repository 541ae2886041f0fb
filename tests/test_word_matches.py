"""A query word's matches tried only where its letters stand (`word_matches`) are the ones its
pattern gives run at every place, from every start and to every end: a snippet's place
(`full_text._closest`) is chosen among them."""

from __future__ import annotations

import pytest

from reader.fold import fold
from reader.search_query import Query
from reader.word_matches import first_from, matches_within

TEXT = (
    "The council's tunnel: councils met; a Council-tunnel vote. COUNCIL TUNNEL wanted, "
    "tunnel wanted tunnel wanted! Report: the port reports a co-op porter, the co-op's "
    "ports. tunnel  wanted (tunnel\nwanted) unc council"
)
QUERIES = ["council", "Council", "COUNCIL", '"tunnel wanted"', "port*", "co-op", "porter"]


@pytest.mark.parametrize("typed", QUERIES)
def test_matches_within_every_window_as_the_pattern(typed: str) -> None:
    (word,) = Query(typed).words
    text = fold(TEXT, word.accents)
    assert text.isascii()
    lowered = text.lower()
    found = 0
    for pos in range(len(text) + 1):
        for endpos in range(pos, len(text) + 1, 4):
            expected = [m.span() for m in word.found.finditer(text, pos, endpos)]
            got = [m.span() for m in matches_within(word, text, lowered, pos, endpos)]
            assert got == expected, (pos, endpos)
            found += len(got)
        expected_first = word.found.search(text, pos)
        got_first = first_from(word, text, lowered, pos)
        assert (got_first and got_first.span()) == (expected_first and expected_first.span())
    assert found  # each is found somewhere
