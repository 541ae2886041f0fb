"""Models ↔ JSON-able dicts, for the cache on disk and for `--format json` output.

JSON rather than pickle: an entry written by an older or newer version, or damaged on disk,
fails to decode as a clear error instead of running code or crashing on load.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from dataclasses import replace
from datetime import datetime
from typing import Any

from .citation import date_source, shown_cited_url
from .dates import claim_not_ahead, precision, stated_iso, with_precision
from .feed_tags import kept_folders, kept_tags
from .list_numbering import NUMBERINGS
from .models import (
    CONSENT_WALL,
    FEED_WHOLE,
    VIDEO_PAGE,
    Article,
    Block,
    BlockKind,
    Enclosure,
    Entry,
    Feed,
    FeedFailure,
    Inline,
    Reach,
    TextMarks,
    made,
)
from .post_titles import as_opening_words

CODEC_VERSION = 1
# A block is [kind, level, ordinal, inlines], and a table row adds [cells, flags] to that.
# Records written before table rows existed decode as they are; a reader from before them
# can't decode a row, which is why the store's DATA_FORMAT rose to 3 with them (and to 4 with
# media lines, a kind it doesn't know, and to 5 with pictures' lines). `flags` has a bit for
# each of _BLOCK_FLAGS: a list's first item is written [kind, level, ordinal, inlines, [], 2],
# which a reader from before `starts_list` decodes as an item with no cells and a header mark
# it never looks at (only rows' are read), so no DATA_FORMAT rise was needed for it, nor for
# `counts_down` (a bit such a reader ignores: it reads a countdown as numbers starting again).
# Above those bits, `numbering` is written as its place in NUMBERINGS from 1 (0: digits), which
# such a reader ignores too: it shows a. b. c. as 1. 2. 3., as it did before.
# A note's mark (`Block.note`) is the bit above the numbering's three, which such a reader
# ignores too: it shows the note as the paragraph it is.
# Blocks' `anchors` are written beside the blocks, under the article's "anchors" (id → the
# block's index), which a reader from before them ignores: in a block's list they would have
# been a seventh item, where such a reader fails to decode the record. Table rows' `spans`
# are beside them the same way, under "spans" ([block index, spans] pairs): such a reader
# shows a spanning cell in its first column, as it did before.


def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _reach(value: Any) -> Reach | None:
    """A feed's `reach` as written ("public"); None when not known (a record from before it,
    or one this reader can't read: the next fetch writes it again)."""
    return Reach.__members__.get(value.upper()) if isinstance(value, str) else None


def _failure(value: Any) -> FeedFailure | None:
    """A feed's `failure` as written ("dns"); None when not kept (a record from before it, or
    a word a newer reader wrote: its `last_error`'s words are read then)."""
    try:
        return FeedFailure(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value: Any) -> str:
    """A text field that records from before it lack (and a reader from before it ignores)."""
    return value if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    """A list of texts that records from before it lack: its strings, in order."""
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _count(value: Any) -> int:
    """A whole number field that records from before it lack: 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


_from_iso = datetime.fromisoformat
_intern = sys.intern


def _parse_dt(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value)


def _witness_date(value: Any) -> datetime | None:
    """A record's `Article.feed_date`, None when it is not one: a witness the article can do
    without, so a damaged one costs no article."""
    try:
        return _parse_dt(value) if isinstance(value, str) else None
    except ValueError:
        return None


def feed_to_dict(feed: Feed) -> dict[str, Any]:
    return {
        "url": feed.url,
        "title": feed.title,
        "site_url": feed.site_url,
        "etag": feed.etag,
        "last_modified": feed.last_modified,
        "last_success": _dt(feed.last_success),
        "last_error": feed.last_error,
        "last_error_at": _dt(feed.last_error_at),
        "problem": feed.problem,
        "reach": None if feed.reach is None else feed.reach.name.lower(),
        "name": feed.name,
        "moved_to": feed.moved_to,
        "failing_since": _dt(feed.failing_since),
        "gone_at": _dt(feed.gone_at),
        "read_with": feed.read_with,
        "ignored_by": feed.ignored_by,
        "body_print": feed.body_print,
        "tags": list(feed.tags),
        # Only for a failing feed: a reader from before them ignores them (and writes none).
        **(
            {
                "failure": feed.failure.value,
                "failure_status": feed.failure_status,
                "failures": feed.failures,
            }
            if feed.failure is not None
            else {}
        ),
        # Only for a feed whose password was changed: a reader from before ignores it.
        **({"password": feed.password} if feed.password else {}),
        # Only for a feed an OPML file filed in folders: a reader from before them ignores it.
        **({"folders": [list(path) for path in feed.folders]} if feed.folders else {}),
    }


def feed_from_dict(d: dict[str, Any]) -> Feed:
    return Feed(
        url=d["url"],
        title=d.get("title") or "",
        site_url=d.get("site_url") or "",
        etag=d.get("etag"),
        last_modified=d.get("last_modified"),
        last_success=_parse_dt(d.get("last_success")),
        last_error=d.get("last_error"),
        last_error_at=_parse_dt(d.get("last_error_at")),
        problem=d.get("problem"),
        reach=_reach(d.get("reach")),
        name=_text(d.get("name")),
        moved_to=_text(d.get("moved_to")),
        password=_text(d.get("password")),
        failing_since=_parse_dt(d.get("failing_since")),
        gone_at=_parse_dt(d.get("gone_at")),
        read_with=_count(d.get("read_with")),
        ignored_by=_text(d.get("ignored_by")),
        body_print=_text(d.get("body_print")),
        failure=_failure(d.get("failure")),
        failure_status=_count(d.get("failure_status")),
        failures=_count(d.get("failures")),
        tags=kept_tags(d.get("tags")),  # records from before tags have none
        folders=kept_folders(d.get("folders")),
    )


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "feed_url": entry.feed_url,
        "title": entry.title,
        "link": entry.link,
        "published": _dt(entry.published),
        "updated": _dt(entry.updated),
        "author": entry.author,
        "summary": entry.summary,
        "feed_title": entry.feed_title,
        # Only when there are some (most items have none): [[url, type, length], …], which a
        # reader from before them ignores.
        **(
            {"enclosures": [[e.url, e.type, e.length] for e in entry.enclosures]}
            if entry.enclosures
            else {}
        ),
        **({"comments": entry.comments} if entry.comments else {}),
        **({"categories": list(entry.categories)} if entry.categories else {}),
        **({"source": entry.source} if entry.source else {}),
        # Only for an item its feed dates ahead (`Entry.claimed`): a reader from before it
        # ignores it, and a record without it reads as one dated as its feed dates it.
        **({"claimed": _dt(entry.claimed)} if entry.claimed else {}),
        # Only for a date alone or a time without its zone (`dates.precision`): a reader from
        # before them reads the date as UTC, as it always did.
        **({"published_precision": p} if (p := precision(entry.published)) else {}),
        **({"updated_precision": p} if (p := precision(entry.updated)) else {}),
    }


def _enclosures(value: Any) -> tuple[Enclosure, ...]:
    """An entry's enclosures as its record keeps them; none from a record from before them, or
    from a damaged one."""
    if not value:
        return ()
    try:
        return tuple(
            Enclosure(url, kind, length)
            for url, kind, length in value
            if isinstance(url, str) and url and isinstance(kind, str) and isinstance(length, int)
        )
    except (TypeError, ValueError):
        return ()


def enclosures_json(entry: Entry) -> list[dict[str, Any]]:
    """An entry's enclosures as `reader list --json` and `reader show --format json` give them:
    [{"url", "type", "length"}], a type or a length the feed didn't state null."""
    return [
        {"url": e.url, "type": e.type or None, "length": e.length or None} for e in entry.enclosures
    ]


def entry_from_dict(d: dict[str, Any], held: int | None = None) -> Entry:
    """The entry of record `d`; `held`: its summary cut to that many characters when longer
    (`Entry.summary_cut`: a headline listed), None for all the record holds (of a long one,
    its start: `SUMMARY_APART`)."""
    # `made`, the dates read inline: every feed's entries are decoded at every start.
    # The feed's address and title and the author are those of many entries: one string each
    # (JSON makes a string per record; a year's 51,500 held 12 MB of copies), and an entry
    # updated when it was published one date.
    published, updated = d.get("published"), d.get("updated")
    summary = d.get("summary") or ""
    cut = held is not None and len(summary) > held
    if cut:
        # A copy of its start: the record's string, the whole, is let go with the record.
        summary = summary[:held]
    seen = d.get(SEEN)
    when = _from_iso(published) if published else None
    claimed = _witness_date(d["claimed"]) if "claimed" in d else None
    if "published_precision" in d:  # a date alone, a time without its zone: said so
        when = with_precision(when, _text(d["published_precision"]))
    if claimed is not None and type(seen) in _NUMBERS and claim_not_ahead(claimed, seen):
        # Dated by a wrong clock, not by a claim: the feed's date (its update's too, when the
        # record gives the two as one).
        when, claimed = claimed, None
    later = (when if updated == published else _from_iso(updated)) if updated else None
    if "updated_precision" in d:  # as its publication's, only where written: most have none
        later = with_precision(later, _text(d["updated_precision"]))
    feed_url, author, feed_title = d["feed_url"], d.get("author") or "", d.get("feed_title") or ""
    title = d.get("title") or ""
    if title[-1:] == "…":  # kept cut at 80 characters by an older reader: its opening words
        title = as_opening_words(title, d.get("summary") or "")
    return made(
        Entry,
        {
            "id": d["id"],
            "feed_url": _intern(feed_url) if type(feed_url) is str else feed_url,
            "title": title,
            "link": d.get("link") or "",
            "published": when,
            "updated": later,
            "author": _intern(author) if type(author) is str else author,
            "summary": summary,
            "feed_title": _intern(feed_title) if type(feed_title) is str else feed_title,
            "content": "",
            "enclosures": _enclosures(d.get("enclosures")),
            "comments": _text(d.get("comments")),
            "categories": _texts(d.get("categories")),
            "source": _text(d.get("source")),
            "claimed": claimed,
            # `seen_at`'s test inline (43,000 records at a start): a number, not a bool.
            "first_seen": seen if type(seen) in _NUMBERS else None,
            # A record's start of a long summary is cut too: the whole is kept apart.
            "summary_cut": cut or SUMMARY_APART in d,
        },
    )


_NUMBERS = frozenset((int, float))
SEEN = "seen_at"
"""The key of an entry's record that says when the item was first kept (`Entry.first_seen`):
written by the store, not by `entry_to_dict` (a fresh entry has none)."""


SUMMARY_APART = "summary_apart"
"""The key of an entry's record whose summary is only the start of the feed's (its first
`SUMMARY_HELD` characters), the whole kept apart (`Store.feed_summary`): a fingerprint of the
whole (`summary_print`), what a refresh tells a changed one by. Written by the store."""


CONTENT_PRINT = "content_print"
"""The key of an entry's record holding a fingerprint (`content_print`) of the item's full
text (`Entry.content`, kept whole apart: `Store.entry_content`), what a refresh tells a
changed one by (a correction carried only in `content:encoded`: acc45a A1). Written by the
store; a record from before it has none, and its item is not told anew for that."""


def summary_print(summary: str) -> str:
    """A fingerprint of a summary kept apart (`SUMMARY_APART`)."""
    return hashlib.blake2b(summary.encode(), digest_size=12).hexdigest()


def content_print(content: str) -> str:
    """A fingerprint of an item's full text (`CONTENT_PRINT`): its length and CRC-32, a
    quarter of `summary_print`'s cost. Every item of a feed read again is printed (2,000 of
    10-20 KB each), and a print only tells a text changed: no adversary to withstand."""
    data = content.encode()
    return f"{len(data)}:{zlib.crc32(data):08x}"


def seen_at(d: dict[str, Any]) -> float | None:
    """When the entry of record `d` was first kept (None when unknown: kept by a reader from
    before this was noted, of every item or of dated ones)."""
    seen = d.get(SEEN)
    return float(seen) if type(seen) in _NUMBERS else None


# An inline's flags, one bit each in this order: a reader that predates a flag ignores its bit
# (a formula, `math`, is `code` too, so it still shows as code there).
_INLINE_FLAGS = ("strong", "emphasis", "code", "math", "struck")


def _inline_to_list(i: Inline) -> list[Any]:
    flags = sum(1 << bit for bit, name in enumerate(_INLINE_FLAGS) if getattr(i, name))
    return [i.text, i.href, flags] if (i.href or flags) else [i.text]


def _inline_from_list(v: list[Any]) -> Inline:
    text = v[0]
    href = v[1] if len(v) > 1 else None
    flags = v[2] if len(v) > 2 else 0
    return Inline(
        text, href, **{name: bool(flags >> bit & 1) for bit, name in enumerate(_INLINE_FLAGS)}
    )


# A block's flags, one bit each in this order (bit 0 was the row's `header` alone before).
_BLOCK_FLAGS = ("header", "starts_list", "counts_down")
_NUMBERING_SHIFT = len(_BLOCK_FLAGS)
# Above the numbering's three bits, a head note's bit, then a quoted item's depth (four bits) and
# its quotation's number (the rest): a reader from before them reads the bits it knows and shows
# the note as a paragraph, the item unquoted.
_NOTE_BIT = _NUMBERING_SHIFT + 3
_QUOTED_SHIFT = _NOTE_BIT + 1
_QUOTED_MAX = 15
_QUOTE_SHIFT = _QUOTED_SHIFT + 4


def _block_to_list(b: Block) -> list[Any]:
    out = [b.kind.value, b.level, b.ordinal, [_inline_to_list(i) for i in b.inlines]]
    flags = sum(1 << bit for bit, name in enumerate(_BLOCK_FLAGS) if getattr(b, name))
    if b.numbering:
        flags |= (NUMBERINGS.index(b.numbering) + 1) << _NUMBERING_SHIFT
    if b.quoted:
        flags |= min(b.quoted, _QUOTED_MAX) << _QUOTED_SHIFT | b.quote << _QUOTE_SHIFT
    if b.note:
        flags |= 1 << _NOTE_BIT
    if b.cells or flags:
        out += [[[_inline_to_list(i) for i in cell] for cell in b.cells], flags]
    return out


def _block_from_list(v: list[Any]) -> Block:
    kind, level, ordinal, inlines, *row = v
    cells: tuple[tuple[Inline, ...], ...] = ()
    flags = 0
    if row:
        encoded, flags = row
        cells = tuple(tuple(_inline_from_list(i) for i in cell) for cell in encoded)
    flags = int(flags)
    numbering = flags >> _NUMBERING_SHIFT & 7  # three bits: bits above them are free
    return Block(
        BlockKind(kind),
        tuple(_inline_from_list(i) for i in inlines),
        level,
        ordinal,
        cells,
        **{name: bool(flags >> bit & 1) for bit, name in enumerate(_BLOCK_FLAGS)},
        # One a newer reader knows and this one doesn't is shown in digits.
        numbering=NUMBERINGS[numbering - 1] if 0 < numbering <= len(NUMBERINGS) else "",
        quoted=flags >> _QUOTED_SHIFT & _QUOTED_MAX,
        quote=flags >> _QUOTE_SHIFT if flags >> _QUOTED_SHIFT & _QUOTED_MAX else 0,
        note=bool(flags >> _NOTE_BIT & 1),
    )


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "v": CODEC_VERSION,
        "url": article.url,
        "title": article.title,
        "author": article.author,
        "published": _dt(article.published),
        "updated": _dt(article.updated),
        # A date stated alone is written as its midnight UTC (a time without its zone as if in
        # UTC) beside what says how much was stated: a reader from before this reads the value
        # it made itself (never a naive one it would compare with an aware one), and ignores
        # the key.
        "published_precision": precision(article.published),
        "updated_precision": precision(article.updated),
        "site_name": article.site_name,
        "podcast": article.podcast,
        "language": article.language,
        "canonical_url": article.canonical_url,
        "image_url": article.image_url,
        "description": article.description,
        # Only when true: a record without it (and one from before) is a web page's.
        **({"document": True} if article.document else {}),
        **({"corporate_author": True} if article.corporate_author else {}),
        "fetched_at": _dt(article.fetched_at),
        # Only when kept (the clock was behind): a record without it is the clock's alone.
        **({"served_at": _dt(article.served_at)} if article.served_at else {}),
        # Only when a cache said it kept the page: a record without it was sent as made.
        **({"made_at": [_dt(at) for at in article.made_at]} if article.made_at else {}),
        # Only when fetched again and found the same: a record without it was not.
        **({"checked_at": _dt(article.checked_at)} if article.checked_at else {}),
        # Only when the page said so anew: a record without it said nothing of the kind. One
        # the feed's headline alone said under a key of its own: a reader from before it took
        # "retracted" for the page's word, and says nothing of one it doesn't know.
        **(
            {"feed_retracted" if article.retracted_by_feed else "retracted": article.retracted}
            if article.retracted
            else {}
        ),
        # Only when so: a record without them (and one from before) is no live blog's.
        **({"live": True} if article.live else {}),
        **({"coverage_ended": _dt(article.coverage_ended)} if article.coverage_ended else {}),
        "partial": article.partial,
        "incomplete": article.incomplete,
        "incomplete_for_good": article.incomplete_for_good,
        "page_url": article.page_url,
        "extractor": article.extractor,
        # Only when true: a record without it (and one from before) has the page's dates.
        **({"published_by_feed": True} if article.published_by_feed else {}),
        **({"updated_by_feed": True} if article.updated_by_feed else {}),
        # Only when known: a record without it was read with no feed's date to weigh.
        **({"feed_date": _dt(article.feed_date)} if article.feed_date else {}),
        # Only when true, as the dates' sources: a record from before it is an article's.
        **({"section_front": True} if article.section_front else {}),
        # Only when set: a record without it (and one from before) is the page's own text.
        **({"kept_by": article.kept_by} if article.kept_by else {}),
        # Only when said: a record without it (and one from before) gave no reason.
        **({"stood_in_for": article.stood_in_for} if article.stood_in_for else {}),
        "blocks": [_block_to_list(b) for b in article.blocks],
        **_anchors_of(article.blocks),
        **_spans_of(article.blocks),
    }


def _spans_of(blocks: tuple[Block, ...]) -> dict[str, Any]:
    """Table rows' spans as the record keeps them: {"spans": [[block index, spans], …]}, or
    nothing when no cell spans columns (most articles)."""
    spans = [[index, list(b.spans)] for index, b in enumerate(blocks) if b.spans]
    return {"spans": spans} if spans else {}


def _with_spans(blocks: tuple[Block, ...], spans: Any) -> tuple[Block, ...]:
    """`blocks` with the spans a record keeps for their rows (see `_spans_of`)."""
    if not spans:
        return blocks
    out = list(blocks)
    for index, widths in spans:
        if isinstance(index, int) and 0 <= index < len(out) and isinstance(widths, list):
            out[index] = replace(out[index], spans=tuple(max(1, int(w)) for w in widths))
    return tuple(out)


def _anchors_of(blocks: tuple[Block, ...]) -> dict[str, Any]:
    """The blocks' anchors as the record keeps them: {"anchors": {id: block index}}, or nothing
    when there are none (most articles)."""
    anchors = {anchor: index for index, b in enumerate(blocks) for anchor in b.anchors}
    return {"anchors": anchors} if anchors else {}


def _with_anchors(blocks: tuple[Block, ...], anchors: Any) -> tuple[Block, ...]:
    """`blocks` with the anchors a record keeps for them (see `_anchors_of`)."""
    if not anchors:
        return blocks
    by_block: dict[int, list[str]] = {}
    for anchor, index in dict(anchors).items():
        if isinstance(anchor, str) and isinstance(index, int) and 0 <= index < len(blocks):
            by_block.setdefault(index, []).append(anchor)
    out = list(blocks)
    for index, names in by_block.items():
        out[index] = replace(out[index], anchors=tuple(names))
    return tuple(out)


def article_date(d: dict[str, Any]) -> datetime | None:
    """When an article's record says it was published, without rebuilding the article, as the
    page said it: never put back to when it was fetched, the computer's clock then, which may
    have been wrong (acc31a F7: "the page: 2000-01-01"); a list puts one still ahead back as it
    reads it (`Store.listed_page_dates`). Raises as `article_from_dict` does on a damaged one."""
    if d.get("v") != CODEC_VERSION:
        raise ValueError(f"unknown article record version {d.get('v')!r}")
    return with_precision(_parse_dt(d.get("published")), d.get("published_precision") or "")


def article_fetched_at(d: dict[str, Any]) -> datetime | None:
    """When an article's record says it was retrieved, without rebuilding the article (a
    120,000-word one took 140–380 ms); raises as `article_from_dict` does on a record of
    another version, or without its address or blocks."""
    if d.get("v") != CODEC_VERSION:
        raise ValueError(f"unknown article record version {d.get('v')!r}")
    if not isinstance(d["url"], str) or not isinstance(d["blocks"], list):
        raise TypeError("an article record without its address or blocks")
    return _parse_dt(d.get("fetched_at"))


def article_updated(d: dict[str, Any]) -> tuple[datetime | None, bool]:
    """When an article's record says it was updated, as much as was stated, and whether its
    feed alone said so (`Article.updated_by_feed`), without rebuilding the article."""
    updated = with_precision(_parse_dt(d.get("updated")), d.get("updated_precision") or "")
    return updated, bool(d.get("updated_by_feed"))


def article_made_at(d: dict[str, Any]) -> tuple[datetime, ...]:
    """When a cache on the way said it made the page of an article's record (`Article.made_at`),
    without rebuilding the article; () for none."""
    made = d.get("made_at")
    return (
        tuple(datetime.fromisoformat(at) for at in made if isinstance(at, str) and at)
        if isinstance(made, list)
        else ()
    )


KEPT_BY = ("wallabag", "lemon24's reader", "a reader export")
"""The apps whose copy of an article's text an article may be (`Article.kept_by`)."""
STOOD_IN_FOR = frozenset({CONSENT_WALL, FEED_WHOLE, VIDEO_PAGE})
"""The reasons a record may give for the feed's text standing in (`Article.stood_in_for`)."""


def article_from_dict(d: dict[str, Any]) -> Article:
    """Rebuild an article; raises KeyError/ValueError/TypeError on a damaged or foreign record."""
    if d.get("v") != CODEC_VERSION:
        raise ValueError(f"unknown article record version {d.get('v')!r}")
    blocks = _with_anchors(tuple(_block_from_list(b) for b in d["blocks"]), d.get("anchors"))
    blocks = _with_spans(blocks, d.get("spans"))
    updated, updated_by_feed = article_updated(d)
    return Article(
        url=d["url"],
        title=d.get("title") or "",
        author=d.get("author") or "",
        # A record from before precisions were kept has none: its dates are taken as whole.
        published=with_precision(_parse_dt(d.get("published")), d.get("published_precision") or ""),
        updated=updated,
        site_name=d.get("site_name") or "",
        podcast=str(d.get("podcast") or ""),
        language=d.get("language") or "",
        canonical_url=d.get("canonical_url") or "",
        image_url=d.get("image_url") or "",
        description=d.get("description") or "",
        document=bool(d.get("document")),
        corporate_author=bool(d.get("corporate_author")),
        fetched_at=_parse_dt(d.get("fetched_at")),
        served_at=_parse_dt(d.get("served_at")),
        made_at=article_made_at(d),
        checked_at=_parse_dt(d.get("checked_at")),
        retracted=str(d.get("retracted") or d.get("feed_retracted") or ""),
        retracted_by_feed=not d.get("retracted") and bool(d.get("feed_retracted")),
        live=bool(d.get("live")),
        coverage_ended=_parse_dt(d.get("coverage_ended")),
        partial=bool(d.get("partial")),
        incomplete=str(d.get("incomplete") or ""),
        incomplete_for_good=bool(d.get("incomplete_for_good")),
        page_url=str(d.get("page_url") or ""),
        extractor=int(d.get("extractor") or 0),
        published_by_feed=bool(d.get("published_by_feed")),
        updated_by_feed=updated_by_feed,
        feed_date=_witness_date(d.get("feed_date")),
        section_front=bool(d.get("section_front")),
        # Said in the article's header and citation: one of the apps known, nothing a record
        # from elsewhere makes up.
        kept_by=d["kept_by"] if d.get("kept_by") in KEPT_BY else "",
        stood_in_for=d["stood_in_for"] if d.get("stood_in_for") in STOOD_IN_FOR else "",
        blocks=blocks,
    )


_IMAGE = BlockKind.IMAGE.value
"""A picture's kind in a record (an enum's `.value` costs a lookup each time it is read)."""


def text_from_dict(d: dict[str, Any]) -> str:
    """The text a search reads in an article's record, without rebuilding it: its blocks' texts
    a line each, as `Block.text` gives them (a row's cells joined by " | "), but a picture's
    description; the same text as from `article_from_dict`'s blocks, at a fifth of the cost.
    Raises as `article_from_dict` does on a damaged or foreign record."""
    return "\n".join(_text_lines(d))


def _text_lines(d: dict[str, Any]) -> list[str]:
    if d.get("v") != CODEC_VERSION:
        raise ValueError(f"unknown article record version {d.get('v')!r}")
    lines = []
    image = _IMAGE
    for kind, _level, _ordinal, inlines, *row in d["blocks"]:
        if kind == image:
            continue
        if row and row[0]:
            cells = (("".join(i[0] for i in cell) or "—") for cell in row[0])
            lines.append(" | ".join(cells))
        else:
            lines.append("".join(i[0] for i in inlines))
    return lines


_STRUCK = 1 << _INLINE_FLAGS.index("struck")


def struck_from_dict(d: dict[str, Any]) -> list[tuple[int, int]]:
    """Where in `text_from_dict(d)` the struck-through runs of a paragraph are (start, end,
    without their outer spaces, as Markdown marks them): a hit's snippet marks them as the
    text does (`marks_from_dict`)."""
    return marks_from_dict(d).struck


_HEADING = BlockKind.HEADING.value


def marks_from_dict(d: dict[str, Any]) -> TextMarks:
    """What a hit's line marks in `text_from_dict(d)`, in one walk of the record: where its
    struck-through runs are (`struck_from_dict`), and where each heading's line starts, with
    its text (a hit's line names the live blog's entry its match is in). Asked for a hit only:
    most records read by a search are no hit."""
    runs: list[tuple[int, int]] = []
    headings: list[tuple[int, str]] = []
    at = 0  # where the line starts in the text
    for kind, _level, _ordinal, inlines, *row in d["blocks"]:
        if kind == _IMAGE:
            continue
        if row and row[0]:  # a table row's line: its cells', none struck through
            cells = (("".join(i[0] for i in cell) or "—") for cell in row[0])
            at += len(" | ".join(cells)) + 1
            continue
        if kind == _HEADING:
            headings.append((at, "".join(i[0] for i in inlines)))
        # A paragraph's line is its inlines' texts: measured as they are walked, not joined
        # again (the text was made already; a hit's runs took as long as its text).
        for i in inlines:
            text = i[0]
            if len(i) > 2 and i[2] & _STRUCK and text.strip():
                begin = at + len(text) - len(text.lstrip())
                end = at + len(text.rstrip())
                if runs and runs[-1][1] == begin:  # one run in two inlines: one pair of marks
                    begin = runs.pop()[0]
                runs.append((begin, end))
            at += len(text)
        at += 1
    return TextMarks(runs, headings)


def article_to_json(article: Article) -> dict[str, Any]:
    """An article's metadata as `reader show --format json` prints it: its dates as much as
    the page stated ("2019-02-21" for a date alone), the address its citation gives, with no
    record-keeping keys."""
    data = article_to_dict(article)
    for key in (
        "v",
        "blocks",
        "anchors",
        "spans",
        "published_precision",
        "updated_precision",
        "published_by_feed",
        "updated_by_feed",
        "feed_date",
        "made_at",
    ):
        data.pop(key, None)
    # Every object has the key: null for a copy never fetched again (`Article.checked_at`).
    # Its times to the second, as `versions`, `gone_at` and the header give them (acc47e E13:
    # "checked_at" had its microseconds).
    for key, at in (
        ("fetched_at", article.fetched_at),
        ("served_at", article.served_at),
        ("checked_at", article.checked_at),
    ):
        if key in data or key == "checked_at":
            data[key] = at.isoformat(timespec="seconds") if at else None
    # "" for a page that says nothing of the kind (`Article.retracted`), and whose word it is
    # (the page's notice, or the feed's headline alone: `retracted_by_feed`), null for none.
    data.pop("feed_retracted", None)
    data["retracted"] = article.retracted
    by = "feed" if article.retracted_by_feed else "page"
    data["retracted_by"] = by if article.retracted else None
    data["published"] = stated_iso(article.published) if article.published else None
    data["updated"] = stated_iso(article.updated) if article.updated else None
    # Whose each date is: the page's, or the feed's for the item when the page gave none.
    data["published_source"] = date_source(article.published, article.published_by_feed)
    data["updated_source"] = date_source(article.updated, article.updated_by_feed)
    # The address the citation gives, as it gives it ("url" is the one read, tracking
    # parameters and all, its letters as read).
    data["cited_url"] = shown_cited_url(article)
    # Said of every page, so a script tells a section front's teasers from an article's text.
    data["section_front"] = article.section_front
    # A live blog still running, and when one's coverage ended (null while it runs, or for no
    # live blog: acc48c C13).
    data["live"] = article.live
    ended = article.coverage_ended
    data["coverage_ended"] = ended.isoformat(timespec="seconds") if ended else None
    # Whose copy the text is ("wallabag"), "" for the page's own.
    data["kept_by"] = article.kept_by
    # A document file's (a PDF's) text, cited as a report, or a web page's.
    data["document"] = article.document
    # An author cited as written, an organisation or a video's channel, not a person's name.
    data["corporate_author"] = article.corporate_author
    return data
