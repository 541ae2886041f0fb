"""A social post's title: its opening words, not the account's name its page gives as its title.

Mastodon's page of a post (and other fediverse servers') gives the account, "Lena Morgan
(@lena@social.example)", as its `og:title` and `<title>`, the same for every post: cited and
exported under it, two posts could not be told apart (acc42c C4). A post is cited as style guides
cite one, by its author and its opening words (APA: "Morgan, L. [@lena@social.example]. (2026).
*yes — the FOI came back…* [Post]"), the words the headline list already shows for it.
"""

from __future__ import annotations

import re

from .. import post_titles
from ..models import Block, BlockKind, picture_label

# "Name (@user@host.tld)": a fediverse account as its server names it. The handle's two "@"
# parts tell it from a story's title that ends on a Twitter handle in brackets.
_ACCOUNT = re.compile(r"[^()\n]{1,200}\(@[\w.-]{1,64}@[\w-]+(?:\.[\w-]+)+\)")


def is_account_title(title: str) -> bool:
    """`title` names an account ("Lena Morgan (@lena@social.example)"), not a post."""
    return _ACCOUNT.fullmatch(title.strip()) is not None


def opening_words(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The post's opening words on one line, as the headline list's (`post_titles`; "" for
    none): the words of its paragraphs, not a picture's description; of a post that is only
    pictures, its first one's line ("Image: Chart of…"), as its headline (`feeds`) is (acc49b
    B3)."""
    text = " ".join(block.text for block in blocks if block.kind != BlockKind.IMAGE)
    if not text.strip():
        pictures = [block.text for block in blocks if block.kind == BlockKind.IMAGE]
        text = picture_label(pictures[0]) if pictures else ""
    return post_titles.opening_words(text)
