"""The authors a page declares outside JSON-LD: which `<meta>` tags name them and in what order
(Dublin Core's, OpenGraph's, the Times' `byl`, parse.ly's, a paper's `citation_author`s, a
profile's owner), what counts as a name (not an address or a CMS's account), one string naming
several, and the list written back as one line. Apart from `metadata`, which chooses among all
the page's declarations, because these are the rules of one of them, the byline's.
"""

from __future__ import annotations

import re

from ..text_shape import one_line
from ..writer_names import is_account
from .author_names import given_name_first, person_like
from .byline_names import clean_byline

# Where a page declares its authors, best first; parse.ly's JSON goes before the last.
_AUTHOR_METAS = (
    "dc:creator",
    "dcterms:creator",
    "author",
    "article:author",
    "og:article:author",
    # The New York Times' byline as printed: "By Ann Lee and Bo Chen".
    "byl",
    "parsely-author",
    "cxenseparse:author",  # Piano's Cxense analytics: Asahi's only author meta
    "sailthru:author",
    # Kompas's and other Indonesian portals' (their CMS's name for it).
    "content_author",
)


def _scholarly_authors(meta_values: dict[str, list[str]]) -> list[str]:
    """The authors Highwire's and Google Scholar's tags declare, in their order: one
    `citation_author` each ("Okafor, Adaeze"), or the older `citation_authors` listing them
    ("Okafor, A.; Lindqvist, P."), each written given name first as a citation shows it."""
    declared = meta_values.get("citation_author") or meta_values.get("citation_authors", [])
    return [given_name_first(n) for names in declared for n in names.split(";") if n.strip()]


# Dublin Core's creator, written as a library catalogue writes it: "Lee, Ann".
_DUBLIN_CORE_AUTHORS = frozenset({"dc:creator", "dcterms:creator"})


def _declared_names(names: str) -> list[str]:
    """The writers one declared string names: "Ann Lee; Bo Chen" is two when each part is a
    person's name, as "Ann Lee and Bo Chen" is (`split_declared_names`)."""
    parts = [one_line(p) for p in names.split(";") if p.strip()]
    # Names alone: "Texto: Ana Souza; Fotos: João Lima" credits a writer and a photographer.
    if len(parts) > 1 and all(person_like(p) and clean_byline(p) == p for p in parts):
        return parts
    return [names]


def _is_name(author: str) -> bool:
    """An author as declared names someone: not an address, not a CMS's account."""
    author = author.strip()
    return (
        bool(author)
        and not author.startswith(("http://", "https://", "mailto:"))
        and not _E_MAIL.fullmatch(author)  # "holt.maren@courier.example" (acc27a A27)
        and not _WEB_ADDRESS.fullmatch(author)  # "harbourledger.com": the site, no writer
        and not is_account(author)
    )


_E_MAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# A web address without its scheme: "harbourledger.com", "www.ledger.example/". Its last part
# a lower-case domain's, not "J.Smith" or "Dr.Ruiz".
_WEB_ADDRESS = re.compile(r"(?:www\.)?(?:[A-Za-z0-9-]+\.)+[a-z]{2,24}/?")


def _profile_owner(meta: dict[str, str]) -> list[str]:
    """The author of a post on a profile's page (a Mastodon toot, as its server sends it to
    what runs no script): its og:title is the account's name and handle, "Harbour Watch
    (@harbourwatch@mastodon.social)", and `profile:username` the handle it names."""
    handle = meta.get("profile:username", "").strip().lstrip("@")
    title = one_line(meta.get("og:title", ""))
    if handle and f"@{handle}".casefold() in title.casefold():
        return [title]
    return []


def _joined_names(authors: list[str]) -> str:
    """ "Ana Ruiz, Li Wei"; "Kooman, F.; Jong, Michiel de" when a name is written surname first,
    so the list still reads as two people."""
    names = list(dict.fromkeys(a.strip() for a in authors if a.strip()))
    return ("; " if any("," in name for name in names) else ", ").join(names)
