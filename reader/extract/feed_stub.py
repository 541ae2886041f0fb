"""A page that is a stub of the feed's whole text: the feed's content opens with the page's text
and goes on far past it, while the page, after that text, says little more.

A paywalled page's lead, then its wall's lines that no cleanup knows for offers ("Just £1 for your
first three months, then £6.99 a month"), counted as the article's words, made the stub look
long enough to keep (`body_blocks._replaces`: twice the page's words and 50) though its feed
carried four times the lead (acc44c C2). The page's words that the feed's text holds, from its
opening on, are the article's; what the page says after them, a few lines, is the wall's. A page
whose text goes on past the shared opening at length is a text of its own (an edited version, a
different story), and is measured whole, as before.

Only the feed's whole content (`FEED_CONTENT_MARK`) is measured so: a summary is not the article,
and a teaser for subscribers says so rather than stand behind a summary.
"""

from __future__ import annotations

import html
import re

from ..models import Block, BlockKind
from .body_blocks import _TAG, _fragment_blocks, _replaces
from .wall_words import says_wall

_OPENING_WORDS = 8
"""The feed's first words found in the page, in order: the page shows the feed's opening. Eight
words in a row are a sentence's worth, no chance likeness."""
_BEFORE_THE_LEAD = 80
"""The page's words that may come before the text it shares with the feed: its headline, byline,
standfirst and a picture's caption."""
_LEFTOVER_WORDS = 60
"""The words a wall leaves after the teaser when fewer than the teaser's own: a price line, a
line of what a subscription brings, a link to the offers."""
_WALL_WORDS = 150
"""The words of what the page says after the shared text when that says a wall's words ("This is
a subscriber-only story … Sign in to read the rest"): a wall written as a paragraph of prose,
longer than any box of offers the cleanup drops."""
_MORE_THAN_A_TEASER = 50
"""A page known to hide the rest of its article (`Paywall.hides_text`) gives way to the feed's
text opening as it does and this many words longer: no ratio is needed to tell a stub."""

_NOT_WORD = re.compile(r"[^\w\s]+")
_WORD_LETTER = re.compile(r"\w")


def _words(text: str) -> list[str]:
    """`text`'s words as compared: in lower case, without their punctuation ("“Council’s" and
    "\"council's" alike); a word of punctuation alone (a dash) none. One pass over the text:
    a long article's feed text is read so beside its page whatever the outcome."""
    return _NOT_WORD.sub("", text.lower()).split()


def _as_written(text: str) -> list[str]:
    """`text`'s words as written, each where `_words` has it."""
    return [word for word in text.split() if _WORD_LETTER.search(word)]


def _shared_opening(feed: list[str], page: list[str]) -> tuple[int, int] | None:
    """Where in `page` the `feed`'s opening starts, and how many words on from there the two
    hold alike; None when the page's first words don't show it."""
    opening = feed[:_OPENING_WORDS]
    if len(opening) < _OPENING_WORDS:
        return None
    for start in range(min(_BEFORE_THE_LEAD, len(page) - _OPENING_WORDS) + 1):
        if page[start : start + _OPENING_WORDS] == opening:
            run = _OPENING_WORDS
            while start + run < len(page) and run < len(feed) and page[start + run] == feed[run]:
                run += 1
            return start, run
    return None


def _stands_in(feed: list[str], page_text: str, compared: list[str], hidden: bool) -> bool:
    """The feed's words `feed` are the whole of the article the page's text `page_text`, its
    words `compared` (`_words`), is a stub of; `hidden`: the page is known to hide the rest
    (`Paywall.hides_text`)."""
    shared = _shared_opening(feed, compared)
    if shared is None:
        return False
    start, run = shared
    through = start + run  # the page's words up to the end of the text it shares
    after = len(compared) - through
    if after > max(run, _LEFTOVER_WORDS) and (
        after > _WALL_WORDS or not says_wall(" ".join(_as_written(page_text)[through:]))
    ):
        return False  # the page goes on: a text of its own, not a stub
    if hidden:
        return len(feed) >= through + _MORE_THAN_A_TEASER
    return _replaces(len(feed), through)


def whole_feed_text(
    feed_html: str, blocks: tuple[Block, ...], base: str, hidden: bool
) -> tuple[Block, ...]:
    """The feed's whole text `feed_html` as blocks when the page's `blocks` are a stub of it,
    else none; `hidden` as `_stands_in`'s. Compared first as the feed's HTML reads with its tags
    stripped, before it is parsed: most feeds' text is the page's, no longer."""
    page_text = _text(blocks)
    page = _words(page_text)
    if not _stands_in(_words(html.unescape(_TAG.sub(" ", feed_html))), page_text, page, hidden):
        return ()
    other = _fragment_blocks(feed_html, base)
    return other if _stands_in(_words(_text(other)), page_text, page, hidden) else ()


def _text(blocks: tuple[Block, ...]) -> str:
    """The words of `blocks` as `words_of` counts them: a picture's `alt` none."""
    return " ".join(b.text for b in blocks if b.kind != BlockKind.IMAGE)
