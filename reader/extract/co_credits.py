"""What a byline credits beside its writers' names, read before the names are split apart: a
co-writer or a news agency named with "with", "avec", "mit" (Le Monde's "Martin Untersinger
(avec Damien Leloup et Morgane Tual)", "Maren Holt with Reuters", "Von Jürgen Weiß mit dpa"),
the agencies credited as a whole ("with agencies"), and the outlet a writer is named by ("CNN’s
Jane Doe").

A news agency a byline names beside a writer with "and" or "with" is a co-author: its copy is
in the story, and Chicago and APA both cite an organisation as an author, as written. The
agencies credited as a whole name no one to cite, and an outlet's possessive is the writer's
employer, not a co-author.
"""

from __future__ import annotations

import re

from ..writer_names import ACRONYMS, AGENCIES

CO_WRITER_WORDS = r"(?-i:with|avec|mit|con|com|met)"
"""The words a byline names a co-writer or an agency with, lower case only: "Con Coughlin" is
a name."""
# A co-credit in brackets closing the byline: "(avec Damien Leloup et Morgane Tual)", "(with
# AFP)". Other words in brackets are the writer's own: "(Marseille, correspondant)".
_BRACKETED = re.compile(rf"\s*[(（]\s*({CO_WRITER_WORDS}\s+[^()（）]+?)\s*[)）]\s*$")
# The agencies credited as a whole, after the names: "with agencies", "avec agences", "mit
# Agenturen", "and wires".
_AGENCIES_AT_LARGE = re.compile(
    r"\s*[(（]?\s*(?:with|and|avec|et|mit|und|con|y|com|e|met|en)\s+(?:the\s+)?"
    r"(?:agencies|agences|agenturen|agencias|agências|agenzie|persbureaus|wires?"
    r"|wire services|news agencies)\s*[)）]?\s*$",
    re.IGNORECASE,
)
# An outlet's possessive before a writer's name: "CNN’s Jane Doe", "Reuters' Ann Lee".
_OUTLET_POSSESSIVE = re.compile(r"(?P<outlet>[^\W\d_]+)(?:['’]s|(?<=s)['’])\s+(?=\S+\s+\S)")
# "the Associated Press" after a writer's "and": the agency, cited by its name.
_THE = re.compile(r"the\s+(?=[A-Z])")


def credited(names: str) -> str:
    """`names` with a bracketed co-credit opened ("Martin Untersinger avec Damien Leloup et
    Morgane Tual") and the agencies credited as a whole left out ("Maren Holt")."""
    names = _AGENCIES_AT_LARGE.sub("", names)
    return _BRACKETED.sub(lambda m: f" {m[1]}", names)


def is_agency(name: str) -> bool:
    """`name` is a news agency's or a newsroom's own one word: "Reuters", "AFP", "dpa"."""
    return name.casefold() in AGENCIES | ACRONYMS


def co_credited(name: str) -> str:
    """A name as a byline lists it, without the outlet's possessive before a writer's name
    ("Jane Doe" of "CNN’s Jane Doe") or the article before an agency's ("Associated Press" of
    "the Associated Press")."""
    outlet = _OUTLET_POSSESSIVE.match(name)
    if outlet is not None and (
        is_agency(outlet["outlet"]) or (outlet["outlet"].isupper() and len(outlet["outlet"]) > 1)
    ):
        return name[outlet.end() :]
    the = _THE.match(name)
    return name[the.end() :] if the is not None else name
