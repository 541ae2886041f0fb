"""A writer's name as a citation turns it round: the surname and the given names (Chicago's
"Holt, Maren", APA's "Holt, M."), or the name as written where it isn't one person's given
name first: a newsroom's, an outlet's, one in a script whose names are not initialised
(Chinese, Japanese, Korean, Arabic, Hebrew…), a string of several. Apart from the
styles, which list the names, as the rules of one field."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words a name's surname begins with, kept with it ("van der Berg, Pieter"), as written: a
# capital "Van" or "De" may be a given name. "ap" and "ferch" are Welsh ("Dafydd ap Gwilym").
_PARTICLES = {
    *("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du"),
    *("la", "le", "ter", "ten", "zu", "af", "bin", "ibn", "al", "el", "ap", "ab", "ferch"),
}
# The Irish and Scottish Gaelic ones are capitalised, never a given name after the first, and
# the surname runs from them to the end, words that are no particle included ("Mac Giolla
# Phádraig", "Ní Bhriain", "Ó Súilleabháin").
_GAELIC = {"Ó", "Ní", "Nic", "Mac", "Mhic", "Mhac", "Uí", "Ua"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A title before a name, which Chicago and APA leave out ("Dr Samuel Nwosu": "Nwosu, S.", not
# "Nwosu, D. S."); compared without its full stop and case.
_HONORIFICS = {
    *("dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "reverend"),
    *("mr", "mrs", "ms", "mx", "miss", "cllr", "fr", "sr", "hon", "rt", "dott", "herr", "frau"),
}
# Words that make a byline a newsroom's, not a person's: cited as written.
_NEWSROOM = re.compile(
    r"\b(?:staff|desk|newsroom|reporters?|editors?|editorial|agency|press|news|team|board"
    r"|bureau|correspondents?|service)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Name:
    """A writer's name as a citation needs it: the surname and the given names, or the name
    as written (`literal`) when it is not to be turned round."""

    literal: str = ""
    family: str = ""
    given: str = ""
    suffix: str = ""

    def inverted(self) -> str:
        """ "Holt, Maren" (Chicago's first author)."""
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" + (f", {self.suffix}" if self.suffix else "")

    def natural(self) -> str:
        """ "Jonas Berg" (Chicago's later authors)."""
        if self.literal:
            return self.literal
        return f"{self.given} {self.family}" + (f" {self.suffix}" if self.suffix else "")

    def initialled(self) -> str:
        """ "Holt, M." (APA): each given name cut to its initial, "Jean-Paul" to "J.-P."."""
        if self.literal:
            return self.literal
        initials = " ".join(
            "-".join(f"{part[0]}." for part in word.split("-") if part)
            for word in self.given.split()
            if not word.startswith("(") and not word.endswith(")")
        )
        return f"{self.family}, {initials}" + (f", {self.suffix}" if self.suffix else "")


def turnable(name: str) -> bool:
    """Written in a script whose names are given name first and may be initialised: Latin,
    Greek or Cyrillic letters only."""
    for char in name:
        if char.isalpha() and unicodedata.name(char, "").split(" ")[0] not in {
            "LATIN",
            "GREEK",
            "CYRILLIC",
        }:
            return False
    return True


def parsed_name(name: str, language: str = "") -> Name:
    """`name` as a citation turns it round ("Holt", "Maren"), or as written where it can't be
    read as one person's name given name first (`literal`). `language` is the article's."""
    nickname = _NICKNAME.fullmatch(" ".join(name.split()))
    if nickname is not None and not _NOT_ONE_NAME.search(f" {nickname['nickname'][1:-1]} "):
        # "Richard (R.J.) Eskow": the name in brackets goes with the given names it stands
        # among, "Eskow, Richard (R.J.)", and is no initial of APA's.
        turned = parsed_name(f"{nickname['before']} {nickname['after']}", language)
        if turned.literal or nickname["after"] != turned.family:
            return Name(literal=" ".join(name.split()))
        return Name(
            family=turned.family,
            given=f"{turned.given} {nickname['nickname']}",
            suffix=turned.suffix,
        )
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".").casefold() in _HONORIFICS:
        words = words[1:]
    name = " ".join(words)
    suffix = ""
    if len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if (
        len(words) < 2
        or not turnable(name)
        or _NEWSROOM.search(name)
        or _NOT_ONE_NAME.search(name)
        or name.isupper()
        or words[0] in _ARTICLES  # "The Lakeshore Ledger", "Le Monde": an outlet's name
    ):
        return Name(literal=name)
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    start = next((n for n in range(1, start) if words[n] in _GAELIC), start)
    return Name(family=" ".join(words[start:]), given=" ".join(words[:start]), suffix=suffix)


# A name in brackets among the given names: "Richard (R.J.) Eskow", "Bruno (Henrique Zecchin)
# Rodrigues".
_NICKNAME = re.compile(r"(?P<before>[^()]+?) (?P<nickname>\([^(),;&/]+\)) (?P<after>[^()]+)")
# What no one person's name holds: brackets, a list's comma or semicolon, a joining word
# ("Martin Untersinger (avec Damien Leloup et Morgane Tual)" was cited "Tual), Martin
# Untersinger (avec Damien Leloup et Morgane"). Such a string is cited as written.
_NOT_ONE_NAME = re.compile(
    r"[()\[\]（）{},;&/]|\s(?:and|with|avec|mit|und|et|for)\s", re.IGNORECASE
)
# The articles an outlet's name opens with: "The Lakeshore Ledger", "Le Monde", "Die Zeit".
_ARTICLES = frozenset(["The", "Le", "La", "Les", "Der", "Die", "Das", "El", "Il", "Los", "Las"])
