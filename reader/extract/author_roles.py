"""Who the writers are, as the page's byline box says beside each name: The Conversation's
"Helen Tregarthen, Senior Lecturer in Coastal Geography, University of Exeter", a line the
page prints under its headline and cleanup dropped with the byline.

Kept as the body's first line, as the page prints it, not in the citation: "Author:" names
who wrote the piece, and a role in brackets after a name is no part of a name a reference
cites (nor of the metadata's `author`, which other readers and the search index take as
names). One line per writer whose role the box gives.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from ..safe import safe_text
from .furniture import class_names, names_of

# The role beside a name: The Conversation's `<span class="role">`, schema.org's `jobTitle`.
_ROLE_CLASSES = frozenset({"role", "author-role", "author-title", "job-title", "jobtitle"})
# The name it is beside: `<span class="fn author-name">`, `itemprop="name"`, a profile link.
_NAME_CLASSES = frozenset({"author-name", "fn", "name"})
# The box of bylines holding them: "content-authors-group", "byline", "contributors".
_BYLINE_BOX = re.compile(r"author|byline|contributor", re.IGNORECASE)
# A role is a job and a place: a longer text is a biography, which the page's own box shows.
_MOST_WORDS = 20
_MOST_WRITERS = 6
_CANDIDATES = "//*[@itemprop='jobTitle' or contains(@class, 'role') or contains(@class, 'itle')]"
# How far up the byline box may be from the name and its role's shared parent.
_BOX_LEVELS = 3


def _role(el: HtmlElement) -> bool:
    return not _ROLE_CLASSES.isdisjoint(class_names(el)) or el.get("itemprop") == "jobTitle"


def _name(el: HtmlElement) -> bool:
    return (
        not _NAME_CLASSES.isdisjoint(class_names(el))
        or el.get("itemprop") == "name"
        or (el.tag == "a" and "author" in (el.get("rel") or "").split())
    )


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _in_byline_box(el: HtmlElement) -> bool:
    for level, box in enumerate(el.iterancestors()):
        if level >= _BOX_LEVELS or box.tag in ("article", "main", "body"):
            return False
        if _BYLINE_BOX.search(names_of(box)):
            return True
    return False


def _named(author: str) -> set[str]:
    return {n.strip().casefold() for n in author.split(",") if n.strip()}


def author_roles(doc: HtmlElement, author: str) -> list[tuple[str, str]]:
    """The name and role of each writer of `author` (the metadata's names) whose byline box
    gives a role beside the name, in the page's order; none for a page that gives none. Read
    before cleanup, which drops the byline box."""
    named = _named(author)
    if not named:
        return []
    lines: list[tuple[str, str]] = []
    seen: set[str] = set()
    # Picked in C: a test of every element's classes in Python costs a page a millisecond.
    for role in doc.xpath(_CANDIDATES):
        if not isinstance(role.tag, str) or not _role(role):
            continue
        parent = role.getparent()
        if parent is None or not _in_byline_box(role):
            continue
        name = next((_words(el) for el in parent if el is not role and _name(el)), "")
        said = _words(role).strip(" ,;–—-")
        if name.casefold() not in named or name.casefold() in seen:
            continue
        if not said or len(said.split()) > _MOST_WORDS or said.casefold() == name.casefold():
            continue
        seen.add(name.casefold())
        lines.append((name, said))
        if len(lines) == _MOST_WRITERS:
            break
    return lines


def with_author_roles(
    blocks: tuple[Block, ...], roles: list[tuple[str, str]], author: str
) -> tuple[Block, ...]:
    """`blocks` opened by a line "Name, role" for each of `roles` whose name is still one of
    the article's writers (`author`, as finally read: a section front's byline was a teaser's),
    unless the text's first blocks say the role already."""
    named = _named(author)
    said = " ".join(" ".join(b.text.split()) for b in blocks[:4])
    lines = [
        Block(BlockKind.PARAGRAPH, (Inline(safe_text(f"{name}, {role}")),))
        for name, role in roles
        if name.casefold() in named and role not in said
    ]
    return (*lines, *blocks)
