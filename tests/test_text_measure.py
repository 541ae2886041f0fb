"""The text measure readability scores with (`climb.clean_length`): the length of
readability-lxml's own cleaned text, exactly, for any mix of whitespace; the scores, and so
which element is the article, depend on it. Also the same measure (and the commas) of every
element of a tree, joined from its children's (`text_measures`)."""

from __future__ import annotations

import random

import lxml.html
import pytest
from readability.readability import clean

from reader.extract.climb import clean_length
from reader.extract.text_measures import TextMeasures

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


# What lxml takes in markup (no form feed), with commas and a run longer than readability cuts.
_IN_MARKUP = [*(c for c in ALPHABET if c != "\x0c"), ",", " " * 300]


def _random_tree(rng: random.Random, depth: int) -> str:
    """Markup of boxes, inline tags and comments round text with commas and whitespace runs."""

    def text() -> str:
        return "".join(rng.choice(_IN_MARKUP) for _ in range(rng.randint(0, 4)))

    if depth == 0 or rng.random() < 0.3:
        return text()
    tag = rng.choice(["div", "p", "span", "b", "table"])
    inner = "".join(
        _random_tree(rng, depth - 1) + (f"<!--{text()}-->" if rng.random() < 0.2 else "")
        for _ in range(rng.randint(0, 3))
    )
    return f"{text()}<{tag}>{inner}</{tag}>{text()}"


def test_each_elements_measures_joined_from_its_parts_are_its_whole_texts() -> None:
    """`TextMeasures` makes an element's measures from its children's: they are readability's
    length and comma count of the element's whole text, for every element in any order, and
    again after a box is dropped from the tree and forgotten."""
    rng = random.Random(20261207)
    for _ in range(600):
        doc = lxml.html.document_fromstring(f"<html><body><div>{_random_tree(rng, 5)}</div>")
        measures = TextMeasures()
        elements = [el for el in doc.iter() if isinstance(el.tag, str)]
        rng.shuffle(elements)
        boxes = [el for el in elements if el.tag in ("div", "p", "span", "b", "table")]
        for dropped in (None, *rng.sample(boxes, min(2, len(boxes)))):
            if dropped is not None and dropped.getparent() is not None:
                measures.forget(dropped)
                dropped.drop_tree()
            for el in elements:
                whole = el.text_content()
                assert measures.length(el) == len(clean(whole)), repr(whole)
                assert measures.commas(el) == whole.count(","), repr(whole)


def test_a_long_run_of_whitespace_across_elements_counts_once() -> None:
    """A run of spaces cut short where it is kept still counts as one character when the runs
    of the elements round it join it."""
    doc = lxml.html.fragment_fromstring(
        "<div>Harbour" + " " * 200 + "<b>" + " " * 200 + "</b>\t\t<i>\n</i>board</div>"
    )
    assert TextMeasures().length(doc) == len(clean(doc.text_content())) == len("Harbour\nboard")
