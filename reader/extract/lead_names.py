"""How a page names its lead (standfirst, dek): the class/id words ("standfirst", "dek", the foreign
press's "chapo", "sommario"…), the names written as one word ("leadtext"), the attributes besides
class and id that name a part (`data-gu-name`), and the test made of them. Apart from `lead`,
which finds where the lead is, because the key points' box (`key_points`) is named in the same
words."""

from __future__ import annotations

import re
from itertools import pairwise

from lxml.html import HtmlElement

from .furniture import names_of

_LEAD_TOKENS = frozenset(
    [
        "lead",
        "lede",
        "dek",
        "standfirst",
        "subhead",
        "subheadline",
        "summary",
        "intro",
        "excerpt",
        "subtitle",
        "deck",
        # The Indian Express's `<h2 class="synopsis">`.
        "synopsis",
        # The names the foreign press gives it: Turkish and Brazilian "spot", French "chapo",
        # Italian "sommario", Spanish "entradilla"/"subtitulo"/"bajada", Russian "announce",
        # German "vorspann".
        "spot",
        "chapo",
        "chapeau",
        "sommario",
        "entradilla",
        "subtitulo",
        "bajada",
        "announce",
        "vorspann",
        # NDTV's "sp-descp" (its story page's description).
        "descp",
        # Vietnamese and Portuguese newsrooms' "sapo" (VnExpress's, Dân trí's `h2.detail-sapo`).
        "sapo",
    ]
)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# A lead's name written as one word with what it is or whose: Der Spiegel's "leadtext",
# "articlelead", "storyintro" ("leader", a leaderboard advert, is not one).
# The short description, as the Hindustan Times spells it ("sortDec"), and the teaser's text in
# the article's own header (the Süddeutsche's `data-manual="teaserText"`: a bare "teaser" is as
# often another story's).
_LEAD_COMPOUND = re.compile(
    r"(?:article|story|post|entry)?(?:lead|lede|dek|standfirst|intro|summary|subtitle)"
    r"(?:text|para|paragraph)?|(?:short|sort)(?:desc|dec|description)|teaser(?:text|para)"
)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# Attributes besides class and id that name a page's parts: the Guardian's
# `data-gu-name="standfirst"`, test hooks (`data-testid="article-summary"`, the SCMP's
# `data-qa`), the Süddeutsche's `data-manual`.
_NAMING_ATTRIBUTES = ("data-gu-name", "data-testid", "data-test", "data-qa", "data-manual")


def _lead_names(el: HtmlElement) -> str:
    """`el`'s names, and those of the box that holds it alone: the Guardian's standfirst is a
    `<p>` in a `<div data-gu-name="standfirst">`."""
    names = [names_of(el), *(el.get(a, "") for a in _NAMING_ATTRIBUTES)]
    parent = el.getparent()
    # Alone in it, told by its neighbours: `len(parent)` counts the children, each time (a
    # box of 20,000 headings and paragraphs asked once of each: 9 s).
    alone = el.getprevious() is None and el.getnext() is None
    if parent is not None and alone and not (parent.text or "").strip():
        names += [names_of(parent), *(parent.get(a, "") for a in _NAMING_ATTRIBUTES)]
    return " ".join(names).lower()


def _is_lead_like(el: HtmlElement, description: str) -> bool:
    parts = _TOKEN_SPLIT.split(_lead_names(el))
    # "sub-title", "stand_first": a name written in two parts.
    tokens = {*parts, *(a + b for a, b in pairwise(parts))}
    if not _LEAD_TOKENS.isdisjoint(tokens) or any(map(_LEAD_COMPOUND.fullmatch, parts)):
        return True
    return bool(description) and _norm(el.text_content()) == description
