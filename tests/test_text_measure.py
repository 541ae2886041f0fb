"""The text measure readability scores with (`climb.clean_length`): the length of
readability-lxml's own cleaned text, exactly, for any mix of whitespace; the scores, and so
which element is the article, depend on it."""

from __future__ import annotations

import random

import pytest
from readability.readability import clean

from reader.extract.climb import clean_length

# Words, and every kind of whitespace run readability's regexes treat apart: spaces, tabs,
# newlines, a carriage return, a form feed, and Unicode spaces that only `\s` knows.
ALPHABET = ["word", "a", " ", " ", "\t", "\n", "\r", "\x0c", "\xa0", "\u2003"]


def test_the_measure_is_the_length_of_readabilitys_cleaned_text() -> None:
    rng = random.Random(20261203)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        assert clean_length(text) == len(clean(text)), repr(text)


@pytest.mark.parametrize("run", [" ", "\t", " \t", "\xa0", "\n "])
@pytest.mark.parametrize("count", [1, 2, 254, 255, 256, 600])
def test_a_long_run_of_whitespace_counts_as_readability_counts_it(run: str, count: int) -> None:
    """Runs of 255 and more are cut by readability's first regex, then folded by its others."""
    text = f" Harbour{run * count}board \n"
    assert clean_length(text) == len(clean(text))
