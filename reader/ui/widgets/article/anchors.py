"""Links within the article: a note's number ("[1]", "¹") linking to the note ("#cite_note-1").

The extractor keeps, on the block of each note, the id its links name (`Block.anchors`); the
reading view takes Enter on such a link to that block, and Esc back to where the link was, as a
browser's Back does. A link whose id the article doesn't hold (a record from before anchors
were kept, a note left out of the text) is still "this very article" and leads nowhere.
"""

from __future__ import annotations

from urllib.parse import unquote, urldefrag

from ....citation import own_addresses
from ....models import Article, Entry
from .paragraph import Paragraph

MAX_JUMPS = 100
"""How many places Esc can go back through: links followed from note to note, round and round,
don't pile up for good."""


def target(
    address: str, article: Article | None, entry: Entry | None, paragraphs: list[Paragraph]
) -> int | None:
    """The paragraph a link to `address` leads to within `article`, typeset as `paragraphs`
    (None: the link leads elsewhere, or to an id the text doesn't hold)."""
    if article is None or "#" not in address:
        return None
    page, fragment = urldefrag(address)
    if not fragment or page not in own_addresses(article, entry.link if entry else ""):
        return None
    name = unquote(fragment)
    return next((n for n, p in enumerate(paragraphs) if name in p.anchors), None)


def drawn_span(text: str) -> tuple[int, int]:
    """The characters of a line of the note jumped to that are marked: all but its trailing
    padding (a code block's, a centred line's)."""
    return 0, len(text.rstrip())
