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
_CUT_BEFORE = 80
"""Characters a title-less post's title was cut at, mid-word, before it was its opening words."""


def opening_words(text: str) -> str:
    """`text` on one line as a post's title: its first `OPENING_WORDS` words, an ellipsis
    after them when the post goes on; cut at a word, never inside one ("" for no text)."""
    words = safe_line(text).split(" ")
    title = " ".join(words[:OPENING_WORDS])
    if len(title) > _MOST_CHARACTERS:
        kept = title[: _MOST_CHARACTERS + 1].rsplit(" ", 1)[0]
        title = kept if " " in title[: _MOST_CHARACTERS + 1] else title[:_MOST_CHARACTERS]
    return f"{title}…" if len(title) < len(" ".join(words)) else title


def as_opening_words(title: str, summary: str) -> str:
    """`title` as its post's opening words (`opening_words`) when it is the start of its text
    (`summary`, the item's HTML) cut at `_CUT_BEFORE` characters with "…", as a reader before
    them titled a title-less post (and a few feeds title their items): a headline kept so is
    shown and cited as a new one is, at once, not once its feed changes; any other title as it
    is. Asked of every headline read and every item parsed, so the two never differ (a refresh
    would take the difference for a headline changed); cheap but for a title so cut."""
    # 79 or 80 characters: `safe_line` cut at 79, a space before the cut stripped (one at most).
    if not title.endswith("…") or not _CUT_BEFORE - 1 <= len(title) <= _CUT_BEFORE or not summary:
        return title
    from .feed_summary import summary_line  # here: `html`'s import is not the screen start's

    line = summary_line(summary)
    return opening_words(line) if safe_line(line, _CUT_BEFORE) == title else title
