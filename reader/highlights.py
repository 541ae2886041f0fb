"""Highlights: passages of an article a reader kept (`h` in the reading view), each with a note
of its own, and a note on the article as a whole; what `reader highlights` writes out.

A highlight is kept as the words it quoted, not as a place in the layout: the lines change
with the terminal's width, and the paragraphs with a re-extraction. It is found again by its
words in whatever text is shown (`find_passage`), whatever the whitespace and punctuation
between them (a line break of the wrapping, a table's bars, a list's bullet); where they are
no longer in the text (the page corrected, read better), it is kept all the same and said to
be "no longer in the text".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .codec import article_from_dict, article_to_dict
from .commonmark import escape_markdown
from .models import Article

NO_LONGER_IN_TEXT = "no longer in the text"
"""Said of a highlight whose words the article's text no longer holds."""
MAX_NOTE = 2000
"""As long a note as is kept: a paragraph or two, not a draft."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Highlight:
    """A passage kept from an article."""

    words: str
    """The article's own words as the reading view selected them (no bullet, no quote bar):
    what it is found again by."""
    quote: str
    """The passage as `y` quotes it in Markdown ("> …"), when it was kept."""
    text: str
    """The passage as plain text, as `y` copies it with `[citation] copy = "plain"`."""
    at: float
    """When it was kept (epoch seconds)."""
    near: float = 0.0
    """How far into the text it was (0 to 1): of two places with the same words, the one
    found again."""
    note: str = ""
    cited: Article | None = None
    """The copy it was read in as a citation gives it (`cited_as`): what cites it once no copy
    is cached, a quote taken before a correction to the headline and retrieval it was read
    under (None: kept before this was)."""

    def record(self) -> dict[str, Any]:
        """The highlight as the store keeps it."""
        return {
            "words": self.words,
            "quote": self.quote,
            "text": self.text,
            "at": self.at,
            "near": self.near,
            "note": self.note,
            **({"cited": article_to_dict(self.cited)} if self.cited is not None else {}),
        }

    @classmethod
    def from_record(cls, record: object) -> Highlight | None:
        """The highlight a `record` keeps; None for no such record (a damaged one)."""
        if not isinstance(record, dict):
            return None
        texts = [record.get(name, "") for name in ("words", "quote", "text", "note")]
        at, near = record.get("at"), record.get("near", 0.0)
        if not all(isinstance(t, str) for t in texts) or not texts[0]:
            return None
        if not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in (at, near)):
            return None
        words, quote, text, note = texts
        cited = _cited_record(record.get("cited"))
        return cls(words, quote, text, float(at), float(near), note, cited)  # type: ignore[arg-type]


def _cited_record(record: object) -> Article | None:
    """The citation a record keeps (`cited_as`); None for none, or a damaged one (cited by
    what else is kept, the highlights kept all the same)."""
    if not isinstance(record, dict):
        return None
    try:
        return article_from_dict(record)
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def cited_as(article: Article) -> Article:
    """What of `article` a citation needs, kept with its highlights: its headline, byline,
    dates, addresses and retrieval, not its text."""
    return Article(
        article.url,
        title=article.title,
        author=article.author,
        published=article.published,
        updated=article.updated,
        site_name=article.site_name,
        podcast=article.podcast,
        corporate_author=article.corporate_author,
        language=article.language,
        canonical_url=article.canonical_url,
        fetched_at=article.fetched_at,
        page_url=article.page_url,
        published_by_feed=article.published_by_feed,
        updated_by_feed=article.updated_by_feed,
        # The text its feed carried (an item with no link's): its citation says so.
        partial=article.partial,
    )


@dataclass(frozen=True)
class ArticleHighlights:
    """An article's highlights and its note, with what it is cited as when it is no longer
    cached (its address and title as they were, and `cited`)."""

    url: str
    title: str = ""
    note: str = ""
    items: tuple[Highlight, ...] = field(default_factory=tuple)
    cited: Article | None = None
    """The article as it was cited when a highlight or note was last kept (`cited_as`): its
    byline, dates and retrieval outlive its cached copy (`reader forget`, the size limit),
    where the address and title alone were cited (acc33a A6). None in a record kept before."""
    feed: str = ""
    """Of an item with no link (`keys.item_address`), its feed's address: where its text is
    looked for, that feed's list alone read ("": an article's, or kept before this was)."""
    text: Article | None = None
    """Of an item with no link, the text its feed carried when a highlight or note was last
    kept: no cache holds it, and its feed removed (or no longer listing it) took it from the
    store, where its highlights outlive it (None: an article's, or kept before this was)."""

    def record(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "note": self.note,
            "items": [item.record() for item in self.items],
            **({"cited": article_to_dict(self.cited)} if self.cited is not None else {}),
            **({"feed": self.feed} if self.feed else {}),
            **({"text": article_to_dict(self.text)} if self.text is not None else {}),
        }

    @classmethod
    def from_record(cls, record: object) -> ArticleHighlights | None:
        if not isinstance(record, dict) or not isinstance(record.get("url"), str):
            return None
        items = record.get("items")
        kept = [Highlight.from_record(item) for item in items] if isinstance(items, list) else []
        title, note, feed = record.get("title"), record.get("note"), record.get("feed")
        cited = _cited_record(record.get("cited"))
        return cls(
            record["url"],
            title if isinstance(title, str) else "",
            note if isinstance(note, str) else "",
            tuple(item for item in kept if item is not None),
            cited,
            feed if isinstance(feed, str) else "",
            _cited_record(record.get("text")),
        )

    def same(self, words: str) -> Highlight | None:
        """The highlight of the same words as `words` (None: none)."""
        return kept_as(self.items, words)


def kept_as(highlights: Sequence[Highlight], words: str) -> Highlight | None:
    """The one of `highlights` of the same words as `words`, whatever lies between them
    (None: none)."""
    wanted = _WORD.findall(words)
    return next((h for h in highlights if _WORD.findall(h.words) == wanted), None)


def passage_pattern(words: str) -> re.Pattern[str] | None:
    """`words` as found in a text: each word as written, anything but a word between two
    (a line break, a bar, a bullet), the last whole; None when it has no word."""
    found = _WORD.findall(words)
    if not found:
        return None
    # No look-behind before the first word (`find_passage` checks it): one there kept the
    # engine from searching for the first word's letters, 650 ms over 5 MB instead of 2.
    return re.compile(r"\W+".join(map(re.escape, found)) + r"(?!\w)")


def find_passage(text: str, highlight: Highlight) -> tuple[int, int] | None:
    """Where `highlight`'s words are in `text` (start, end), the place nearest to where it
    was kept of several; None when they are no longer there."""
    wanted = highlight.near * len(text)
    best: tuple[int, int] | None = None
    for place in _places(text, highlight):
        if best is None or abs(place[0] - wanted) < abs(best[0] - wanted):
            best = place
        elif place[0] > wanted:
            break  # further from here on
    return best


def find_passage_after(text: str, highlight: Highlight, own: str) -> tuple[int, int] | None:
    """`find_passage` in `text`, which ends with the article's own text (`own`, as
    `article_text` gives it) after words of its own (a chapter's citation header: the
    title again, the source, the dates, the address): the place `find_passage` finds in
    `own`, told by how many places of the same words come after it. Its position,
    measured in `text`, would take the header's length for the text's: in a short article,
    the other place of words said twice."""
    found = find_passage(own, highlight)
    if found is None:
        return find_passage(text, highlight)
    after = sum(1 for place in _places(own, highlight) if place[0] > found[0])
    places = list(_places(text, highlight))
    if after >= len(places):  # `text` holds fewer: not `own` after all
        return find_passage(text, highlight)
    return places[len(places) - 1 - after]


def _places(text: str, highlight: Highlight) -> Iterator[tuple[int, int]]:
    """Every place of `highlight`'s words in `text`, in order."""
    pattern = passage_pattern(highlight.words)
    if pattern is None:
        return
    for match in pattern.finditer(text):
        if match.start() and _WORD.match(text, match.start() - 1):
            continue  # the end of a longer word: "passed" in "Bypassed"
        yield match.span()


def marked_elsewhere(words: str, note: str, at: float, text: str | None) -> Highlight:
    """A passage marked in another app (`words`, as it quotes them; a wallabag annotation) as a
    highlight with its `note`, kept at `at`: found in `text` (the article's, `article_text`),
    it is the article's own words there and where; not found (or no text yet: the article not
    cached), the words as given, "no longer in the text" until a copy holds them. Quoted as
    Markdown as `y` quotes a plain passage."""
    found = find_passage(text, Highlight(words, "", "", at)) if text else None
    near = 0.0
    if found is not None and text:
        start, end = with_edges(text, found, words)
        words, near = text[start:end], start / len(text)
    lines = [line.strip() for line in words.splitlines()]
    quote = "\n".join(f"> {escape_markdown(line)}" if line else ">" for line in lines)
    return Highlight(words, quote, "\n".join(lines), at, near, note)


_LEADING_MARKS = re.compile(r"^[^\w\s]+")
_TRAILING_MARKS = re.compile(r"[^\w\s]+$")


def with_edges(text: str, found: tuple[int, int], words: str) -> tuple[int, int]:
    """The span `found` of `text` (its words, as `find_passage` matches them) widened over
    the punctuation the passage as quoted starts or ends with, where the text has as many
    marks there: wallabag's quote of `… as "opaque, slow and unaccountable"` kept its closing
    quotation mark (acc35b F4), and its marks stay balanced."""
    start, end = found
    quoted = words.strip()
    if (lead := _LEADING_MARKS.search(quoted)) is not None:
        before = len(lead.group())
        while (
            before and start > 0 and not text[start - 1].isspace() and not text[start - 1].isalnum()
        ):
            start, before = start - 1, before - 1
    if (trail := _TRAILING_MARKS.search(quoted)) is not None:
        after = len(trail.group())
        while after and end < len(text) and not text[end].isspace() and not text[end].isalnum():
            end, after = end + 1, after - 1
    return start, end


def article_text(article: Article) -> str:
    """The article's words as a highlight is looked for in them: its title and its blocks."""
    return "\n".join([article.title, *(block.text for block in article.blocks)])


def found_in(article: Article, highlights: Sequence[Highlight]) -> tuple[bool, ...]:
    """Per highlight of `highlights`, whether the article's text still holds its words (the
    text joined once for all of them)."""
    text = article_text(article)
    return tuple(find_passage(text, h) is not None for h in highlights)


def notes_after(article: Article, highlights: Sequence[Highlight]) -> dict[int, list[str]]:
    """Per block of `article` (its index), the notes of the highlights ending in it, in
    order: what the reading view shows under it. A highlight no longer in the text has its
    note shown nowhere there (`reader highlights` still prints it)."""
    texts = [article.title, *(block.text for block in article.blocks)]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    joined = "\n".join(texts)
    after: dict[int, list[str]] = {}
    for highlight in highlights:
        found = find_passage(joined, highlight) if highlight.note else None
        if found is not None and (block := bisect_right(starts, found[1] - 1) - 2) >= 0:
            after.setdefault(block, []).append(highlight.note)
    return after


def merged_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans (start, end) in order, two overlapping made one: two highlights over the same
    words are one mark there, not one inside the other."""
    out: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(high, out[-1][1]))
        else:
            out.append((low, high))
    return out
