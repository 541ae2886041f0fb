"""Whether a page read now is the story a copy of it holds (the text another app kept:
wallabag's, imported), told by their words rather than their titles alone: a site that
retitled the story, or an app that kept a title of its own, made a live page sharing no word
with the copy's title "another page", and the copy stayed for good in the page's place.

Runs of a few words in a row are compared, not words: two stories of one site share most of
their words ("the", the place's name) and few runs of four."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
RUN = 4
"""Words in a row compared as one."""
SAME_TEXT = 0.5
"""Share of the shorter text's runs the other holds too, from which they are one story: an
edit, a correction, a paragraph added or cut leave most of them; a home page showing the
story's first lines among others holds a few."""
FEWEST_RUNS = 8
"""Runs a text needs to tell anything by (a title, a line of teaser tells nothing)."""


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[n : n + RUN]) for n in range(len(words) - RUN + 1)}


def same_text(copy: str, page: str) -> bool:
    """`page`'s text is the story `copy`'s text is of: most runs of words of the shorter of
    the two are in the other. False when either is too short to tell (`FEWEST_RUNS`), or in a
    script written without spaces, whose "words" are whole sentences."""
    kept, read = _runs(copy), _runs(page)
    shorter = min(len(kept), len(read))
    return shorter >= FEWEST_RUNS and len(kept & read) >= SAME_TEXT * shorter
