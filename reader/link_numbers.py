"""An article's links numbered for plain text, as lynx -dump and w3m -dump write them.

Plain text has no link: "See the full budget document" lost the address a journalist follows
a story up by (acc42a A12). Each web link's words are followed by its number ("the full budget
document[1]") and the addresses are listed after the text ("Links:" / "1. https://…"), where a
screen reader reads them once, not in the middle of a sentence. One address linked twice is one
number. Left as they were: a link within the page itself (a note's "#fn1", the page's own
address), a picture's or a recording's address (written after its label already), and an
e-mail or telephone link (its address written after its words, `render._with_contacts`).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urldefrag

from .citation import cited_link, own_addresses
from .models import Article, Block, BlockKind, Inline
from .url_display import shown_url

_ADDRESS_SHOWN = frozenset((BlockKind.IMAGE, BlockKind.MEDIA))
"""Blocks that write their link's address after their label themselves."""
_CONTACT_SCHEMES = frozenset(("mailto", "tel"))


def numbered_links(article: Article) -> tuple[Article, tuple[str, ...]]:
    """`article` with "[n]" after the words of each link to another page, and the addresses in
    the order of their numbers, as the "Links:" list after the text gives them."""
    own = own_addresses(article)
    numbers: dict[str, int] = {}

    def number_of(href: str) -> int:
        # Listed as every copy writes it: no tracking parameters, past a click tracker.
        address = shown_url(cited_link(article, href, own))
        return numbers.setdefault(address, len(numbers) + 1)

    def runs(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for n, run in enumerate(inlines):
            out.append(run)
            href = run.href or ""
            if not _numbered(href, own) or (n + 1 < len(inlines) and inlines[n + 1].href == href):
                continue  # no link, or not its last run (one link over bold and plain words)
            start = n
            while start and inlines[start - 1].href == href:
                start -= 1
            if not "".join(i.text for i in inlines[start : n + 1]).strip():
                continue  # a link with no words (an icon's): nothing to put its number after
            # After its last word, before the space that follows it ("document[1] and").
            words = run.text.rstrip()
            out[-1] = replace(run, text=words)
            out.append(Inline(f"[{number_of(href)}]{run.text[len(words) :]}"))
        return tuple(out)

    def block(one: Block) -> Block:
        if one.kind in _ADDRESS_SHOWN:
            return one
        if not any(i.href for i in one.inlines) and not one.cells:
            return one
        return replace(
            one, inlines=runs(one.inlines), cells=tuple(runs(cell) for cell in one.cells)
        )

    numbered = replace(article, blocks=tuple(block(one) for one in article.blocks))
    return numbered, tuple(numbers)


def links_list(addresses: tuple[str, ...]) -> str:
    """The "Links:" list after an article's text ("" for none), one numbered address a line."""
    if not addresses:
        return ""
    return "\n".join(["Links:", *(f"{n}. {a}" for n, a in enumerate(addresses, 1))])


def _numbered(href: str, own: set[str]) -> bool:
    """`href` is an address to list: a link to another page (not a contact's address, not this
    page or a place in it)."""
    if not href or href.startswith("#") or href.partition(":")[0] in _CONTACT_SCHEMES:
        return False
    return urldefrag(href).url not in own
