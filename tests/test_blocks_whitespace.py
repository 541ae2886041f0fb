"""HTML's whitespace in the blocks' text: each run of spaces, tabs, line breaks and form feeds
is one space, and other spaces (a no-break space, a vertical tab) are text. Folded by
`blocks._collapsed`, which leaves a run of words and single spaces untouched."""

from __future__ import annotations

import random

import lxml.html

from reader.extract.blocks import html_to_blocks
from reader.extract.run_text import _WS, _collapsed, _trim
from reader.models import Inline

ALPHABET = ["harbour", "a", " ", " ", "\t", "\n", "\r", "\x0c", "\x0b", "\xa0", "\u2003"]


def test_a_run_of_text_is_folded_as_by_the_whitespace_pattern() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16)))
        assert _collapsed(text) == _WS.sub(" ", text), repr(text)


def test_a_paragraphs_whitespace_is_one_space_and_its_no_break_spaces_stay() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><p>The  harbour\n\tboard\r\nmet on 3\xa0March,\x0c at  <b>ten</b>.</p>"
        "<p>One space each.</p></div>"
    )
    texts = [b.text for b in html_to_blocks(root, "https://news.example.com/")]
    assert texts == ["The harbour board met on 3\xa0March, at ten.", "One space each."]


def test_a_blocks_runs_lose_the_spaces_at_its_ends_and_are_copied_only_then() -> None:
    """`_trim`: the first run without its leading spaces, the last without its trailing ones,
    the blank runs at either end gone; a run with nothing to lose is kept as it is."""
    plain, bold = Inline("The harbour "), Inline("board", strong=True)
    assert _trim([Inline(" \n"), Inline("  The harbour "), bold, Inline(" ")]) == (
        Inline("The harbour "),
        bold,
    )
    assert _trim([Inline(" one run only \n")]) == (Inline("one run only"),)
    assert _trim([Inline(" "), Inline("\n")]) == ()
    kept = _trim([plain, bold])
    assert kept == (plain, bold) and kept[0] is plain and kept[1] is bold
