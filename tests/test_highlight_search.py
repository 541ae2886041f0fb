"""`GrowingSearch`: highlights found in a text given a part at a time (a huge article laid out
in slices) at the places `find_passage` finds in the whole text so far, each part searched
once."""

from __future__ import annotations

import random
import re

from reader.highlight_search import GrowingSearch
from reader.highlights import Highlight, find_passage

WORDS = ["the", "vote", "passed", "narrowly", "It", "bypassed", "For", "31", "a"]
BETWEEN = [" ", " ", ", ", ". ", " | ", "\n• ", " — "]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 8))]
    return "".join(w + rng.choice(BETWEEN) for w in words).strip()


def test_a_text_given_in_parts_has_the_places_the_whole_has() -> None:
    rng = random.Random(33)
    for _ in range(300):
        parts = [_paragraph(rng) for _ in range(rng.randint(1, 12))]
        # Words running on in the text (over parts, often), or any.
        every = re.findall(r"\w+", "\n".join(parts)) or ["the"]
        at, count = rng.randrange(len(every)), rng.randint(1, 5)
        words = " ".join(every[at : at + count] if rng.random() < 0.8 else WORDS[:count])
        highlights = [Highlight(words, "", "", 0.0, rng.random()), Highlight("a", "", "", 0.0, 0.5)]
        search = GrowingSearch(highlights)
        given = 0
        while given < len(parts):
            more = rng.randint(1, 3)
            search.extend(parts[given : given + more])
            given += more
            text = "\n".join(parts[:given])
            assert search.places() == [find_passage(text, h) for h in highlights], (parts, words)


def test_a_passage_over_the_parts_given_apart_is_found() -> None:
    highlight = Highlight("passed, narrowly. It was", "", "", 0.0, 0.9)
    first = Highlight("passed, narrowly. It was", "", "", 0.0, 0.0)
    search = GrowingSearch([highlight, first])
    search.extend(["Intro: it passed, narrowly."])
    search.extend(["It"])
    assert search.places() == [None, None]
    search.extend(["was late.", "It passed, narrowly. It was"])
    text = "\n".join(search.texts)
    # The first place begun in one part and ended two parts on.
    begun = (text.index("passed"), text.index(" late"))
    assert search.places() == [(text.rindex("passed"), len(text)), begun]
    assert search.places() == [find_passage(text, highlight), find_passage(text, first)]
