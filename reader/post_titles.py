"""A title-less post's title: its opening words, as the headline list shows it and a citation
gives it. APA 7 titles a post by its first 20 words (a link, a hashtag or an emoji one word
each); cut mid-word at a count of characters, a citation read "…Now I Want to Count Cr…."
(acc49b B4), a word no one wrote, to be mended by hand in every reference."""

from __future__ import annotations

from .safe import safe_line

OPENING_WORDS = 20
"""Words of a post's text its title holds: APA's "first 20 words of the post"."""
_MOST_CHARACTERS = 200
"""...and at most so many characters, cut at a word: twenty links are no headline."""


def opening_words(text: str) -> str:
    """`text` on one line as a post's title: its first `OPENING_WORDS` words, an ellipsis
    after them when the post goes on; cut at a word, never inside one ("" for no text)."""
    words = safe_line(text).split(" ")
    title = " ".join(words[:OPENING_WORDS])
    if len(title) > _MOST_CHARACTERS:
        kept = title[: _MOST_CHARACTERS + 1].rsplit(" ", 1)[0]
        title = kept if " " in title[: _MOST_CHARACTERS + 1] else title[:_MOST_CHARACTERS]
    return f"{title}…" if len(title) < len(" ".join(words)) else title
