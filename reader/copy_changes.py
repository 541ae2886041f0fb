"""What changed between two copies kept of an article (a stealth edit, a correction): its
title, byline and dates, then its paragraphs, word by word within those that changed, as
`git diff --word-diff` shows lines; for `reader diff` and the reading view's `d`.

Paragraphs are compared by their words alone: a change of markup (a link, bold) or of
whitespace is no change. The comparing is CPU work (`difflib`), and its cost grows with the
product of the lengths compared: past `MAX_WORDS_COMPARED` words compared word by word, the
paragraphs that differ are given whole (`CopyChanges.compared_whole`), so a 500,000-word page
rewritten costs no more than a long article edited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Literal

from .dates import stated_iso
from .entry_headings import ENTRY_HEADING_CHARS, is_entry_heading
from .models import Article, BlockKind
from .text_shape import one_line
from .word_diff import Opcode, Span, Words, keys, spans_from, whole, word_and_space

MAX_WORDS_COMPARED = 60_000
"""Words (both copies') compared word by word in one diff, all changed paragraphs together:
past it, a changed paragraph is given whole, removed and added."""
MAX_RUN_COMPARED = 4_000
"""Words (both copies') of one run of changed paragraphs compared word by word together: the
matcher's time grows with the product of the two sides, and a run this long is a rewrite, no
edit, better read whole."""
MAX_PAIRINGS = 400
"""Paragraphs of one copy times those of the other in a run of changed ones, past which they
are not paired each with the one most like it (`_paired`)."""
UNLIKE = 0.3
"""A paragraph in the place of another sharing less than this share of its words is a new one:
given whole, rather than as the few words ("the", "of") the two happen to share."""


@dataclass(frozen=True)
class FieldChange:
    """A title, byline or date that differs between the copies: "" for one a copy lacks."""

    field: Literal["title", "author", "published", "updated"]
    old: str
    new: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Hunk:
    """A run of paragraphs that changed: their numbers in each copy (from 1; none in the older
    for paragraphs added, in the newer for those removed), and the text, the changes marked.
    Several paragraphs' text is one a line."""

    old_paragraphs: tuple[int, ...]
    new_paragraphs: tuple[int, ...]
    spans: tuple[Span, ...]

    @property
    def old(self) -> str:
        """The older copy's paragraphs, as they were."""
        return "".join(s.text for s in self.spans if s.kind != "added")

    @property
    def new(self) -> str:
        """The newer copy's paragraphs, as they are."""
        return "".join(s.text for s in self.spans if s.kind != "removed")


@dataclass(frozen=True)
class CopyChanges:
    """What changed from copy `old_version` of an article to copy `new_version` (each with its
    retrieval time; `latest`: the newer is the copy cached now)."""

    title: str
    """The newer copy's title."""
    url: str
    old_version: int
    new_version: int
    old_retrieved: datetime | None
    new_retrieved: datetime | None
    latest: bool
    fields: tuple[FieldChange, ...]
    hunks: tuple[Hunk, ...]
    compared_whole: bool
    """The work was capped (`MAX_WORDS_COMPARED`): some changed paragraphs are given whole."""
    old_entries: tuple[tuple[str, int], ...] = ()
    """Of each paragraph of the older copy, the live blog's entry it is in (its time heading)
    and its number there (0: the heading itself); none when the copy has no such headings."""
    new_entries: tuple[tuple[str, int], ...] = ()
    """The same of the newer copy."""

    @property
    def text_unchanged(self) -> bool:
        """Only markup or whitespace changed in the text (the title or a date may have)."""
        return not self.hunks


def changes_between(old: Article, new: Article) -> CopyChanges:
    """What changed from the copy `old` to the copy `new` of one article, each numbered among
    those kept (`Article.version`, `Article.versions`)."""
    latest = bool(new.versions) and new.version == len(new.versions)
    old_entries, new_entries = entry_places(old), entry_places(new)
    compared = _Comparer(_zones(old_entries), _zones(new_entries))
    return CopyChanges(
        title=new.title,
        url=new.url,
        old_version=old.version,
        new_version=new.version,
        old_retrieved=old.fetched_at,
        new_retrieved=new.fetched_at,
        latest=latest,
        fields=tuple(_field_changes(old, new)),
        hunks=tuple(compared.hunks(paragraphs(old), paragraphs(new))),
        compared_whole=compared.capped,
        old_entries=old_entries,
        new_entries=new_entries,
    )


def _units(article: Article) -> Iterable[tuple[str, bool]]:
    """The text of each unit compared (`paragraphs`), and whether it is a heading."""
    for block in article.blocks:
        if block.kind != BlockKind.IMAGE and (text := one_line(block.text)):
            yield text, block.kind == BlockKind.HEADING


def paragraphs(article: Article) -> list[str]:
    """The text of each block of `article` (a table's row a line of cells), its whitespace
    folded: the units compared. A picture's description is none of its text."""
    return [text for text, _heading in _units(article)]


def entry_places(article: Article) -> tuple[tuple[str, int], ...]:
    """Of each of `article`'s `paragraphs`, the live-blog entry it is in (its time heading,
    one line) and its number in it (0: the heading itself); () when the article has fewer than
    two timed headings: a diff of a 600-paragraph blog named a correction "Paragraph 412"
    alone (acc48c C9). Before the first entry (a summary), ("", n)."""
    units = list(_units(article))
    if sum(1 for text, heading in units if heading and is_entry_heading(text)) < 2:
        return ()
    places: list[tuple[str, int]] = []
    entry, number = "", 0
    for text, heading in units:
        if heading and is_entry_heading(text):
            entry, number = text[:ENTRY_HEADING_CHARS], 0
        elif heading and not entry:
            number = 0  # a heading before the entries ("Summary") starts no entry
        else:
            number += 1
        places.append((entry, number))
    return tuple(places)


def _field_changes(old: Article, new: Article) -> Iterable[FieldChange]:
    for field in ("title", "author"):
        before = one_line(getattr(old, field))
        after = one_line(getattr(new, field))
        if before != after:
            yield FieldChange(field, before, after, tuple(word_spans(before, after)))
    for field in ("published", "updated"):
        moments: tuple[datetime | None, datetime | None] = (
            getattr(old, field),
            getattr(new, field),
        )
        before, after = (stated_iso(m) if m else "" for m in moments)
        if before != after:
            yield FieldChange(field, before, after, tuple(whole(before, after)))


def word_spans(old: str, new: str) -> list[Span]:
    """`old` and `new` (one text each) as the spans they share and those only one has, word by
    word (a character at a time in Chinese and Japanese); whole when they share little."""
    return _Comparer()._spans(old, new)


def _zones(places: tuple[tuple[str, int], ...]) -> tuple[int, ...]:
    """Of each paragraph (`entry_places`), where it is in a live blog: 0 before its entries
    (the summary), 1 an entry's heading, 2 in an entry; () for an article of no entries."""
    return tuple(0 if not entry else 1 if number == 0 else 2 for entry, number in places)


class _Comparer:
    """One diff's paragraphs compared, its budget of words compared word by word spent as it
    goes (`MAX_WORDS_COMPARED`). Of a live blog (`zones`, each copy's), a paragraph is paired
    only with one in the same zone, and the summary's run of changes is apart from the
    entries': an old summary's bullet was shown "changed into" a new entry's heading, and 170
    new entries were one hunk with the summary's rewrite (acc48c C9)."""

    def __init__(self, old_zones: tuple[int, ...] = (), new_zones: tuple[int, ...] = ()) -> None:
        self.words_left = MAX_WORDS_COMPARED
        self.capped = False
        self.old_zones, self.new_zones = old_zones, new_zones

    def hunks(self, old: Sequence[str], new: Sequence[str]) -> Iterable[Hunk]:
        # The same start and end set aside first: an edit leaves most of a long article as it
        # was, and the matcher then sees only the middle.
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
        matcher = SequenceMatcher(None, middle_old, middle_new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            i1, i2, j1, j2 = i1 + start, i2 + start, j1 + start, j2 + start
            for a1, a2, b1, b2 in self._apart(i1, i2, j1, j2):
                yield from self._run(old, new, a1, a2, b1, b2)

    def _apart(self, i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int, int, int]]:
        """A run of changes, the summary's part (zone 0, which comes first) apart from the
        entries' when the copies are a live blog's."""
        if len(self.old_zones) <= i2 - 1 or len(self.new_zones) <= j2 - 1:
            return [(i1, i2, j1, j2)]
        a = i1 + sum(1 for i in range(i1, i2) if self.old_zones[i] == 0)
        b = j1 + sum(1 for j in range(j1, j2) if self.new_zones[j] == 0)
        runs = [(i1, a, j1, b), (a, i2, b, j2)]
        return [run for run in runs if run[1] > run[0] or run[3] > run[2]]

    def _run(
        self, old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int
    ) -> Iterable[Hunk]:
        if i1 == i2 or j1 == j2:
            yield self._hunk(old, new, i1, i2, j1, j2)
        elif (i2 - i1) * (j2 - j1) <= MAX_PAIRINGS:
            zoned = len(self.old_zones) >= i2 and len(self.new_zones) >= j2
            zones = (self.old_zones[i1:i2], self.new_zones[j1:j2]) if zoned else None
            for a1, a2, b1, b2 in _paired(old[i1:i2], new[j1:j2], zones):
                yield self._hunk(old, new, i1 + a1, i1 + a2, j1 + b1, j1 + b2)
        elif i2 - i1 == j2 - j1:  # paragraph for paragraph: each against its own
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                yield self._hunk(old, new, i, i + 1, j, j + 1)
        else:
            yield self._hunk(old, new, i1, i2, j1, j2)

    def _hunk(
        self, old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int
    ) -> Hunk:
        before, after = "\n".join(old[i1:i2]), "\n".join(new[j1:j2])
        spans = self._spans(before, after) if before and after else whole(before, after)
        return Hunk(tuple(range(i1 + 1, i2 + 1)), tuple(range(j1 + 1, j2 + 1)), tuple(spans))

    def _spans(self, old: str, new: str) -> list[Span]:
        old_words, new_words = Words.of(old), Words.of(new)
        old_keys, new_keys = old_words.keys, new_words.keys
        # The words the two start and end with set aside: a figure changed in a paragraph of
        # 100,000 words is compared as that figure, at no cost.
        start = 0
        most = min(len(old_keys), len(new_keys))
        while start < most and old_keys[start] == new_keys[start]:
            start += 1
        end = 0
        while end < most - start and old_keys[-1 - end] == new_keys[-1 - end]:
            end += 1
        old_end, new_end = len(old_keys) - end, len(new_keys) - end
        changed = old_end - start + new_end - start
        ends: list[Opcode] = [("equal", 0, start, 0, start)]
        if changed > MAX_RUN_COMPARED or changed > self.words_left:
            self.capped = True
            if not start and not end:
                return whole(old, new)
            middle: list[Opcode] = [("replace", start, old_end, start, new_end)]
        else:
            self.words_left -= changed
            matcher = SequenceMatcher(None, old_keys[start:old_end], new_keys[start:new_end], False)
            shared = start + end + sum(block.size for block in matcher.get_matching_blocks())
            if 2 * shared < UNLIKE * (len(old_keys) + len(new_keys)):
                return whole(old, new)
            middle = [
                (tag, i1 + start, i2 + start, j1 + start, j2 + start)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            ]
        ends.append(("equal", old_end, len(old_keys), new_end, len(new_keys)))
        return spans_from(old_words, new_words, [ends[0], *middle, ends[1]])


def _paired(
    old: Sequence[str],
    new: Sequence[str],
    zones: tuple[tuple[int, ...], tuple[int, ...]] | None = None,
) -> list[tuple[int, int, int, int]]:
    """A run of paragraphs changed, `old` for `new`, as the runs to show: each paragraph
    paired with the one most like it in order (a paragraph edited), the rest together as
    removed or added (`old[a1:a2]` for `new[b1:b2]`, one side empty). A sentence changed in
    one paragraph and another added after it are then "Paragraph 3" and "Paragraph 4,
    added", not "Paragraphs 3–4". With `zones` (a live blog's, `_zones`), two paragraphs
    of different zones are never paired."""
    old_zones, new_zones = zones or ((), ())

    def apart(i: int, j: int) -> bool:
        return bool(zones) and old_zones[i] != new_zones[j]

    if len(old) == len(new) == 1 and not apart(0, 0):
        return [(0, 1, 0, 1)]
    old_counts = [Counter(keys().findall(p)) for p in old]
    new_counts = [Counter(keys().findall(p)) for p in new]
    if len(old) == len(new) and all(
        _likeness(a, b) >= UNLIKE and not apart(i, i)
        for i, (a, b) in enumerate(zip(old_counts, new_counts, strict=True))
    ):
        return [(i, i + 1, i, i + 1) for i in range(len(old))]  # each edited where it stood
    like = [
        [0.0 if apart(i, j) else _likeness(a, b) for j, b in enumerate(new_counts)]
        for i, a in enumerate(old_counts)
    ]
    # The best pairing in order, as the longest common subsequence is found: best[i][j] for
    # old[i:] and new[j:].
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            paired = best[i + 1][j + 1] + like[i][j] if like[i][j] >= UNLIKE else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    runs: list[tuple[int, int, int, int]] = []
    i = j = 0
    last_i = last_j = 0
    while i < len(old) and j < len(new):
        if like[i][j] >= UNLIKE and best[i][j] == best[i + 1][j + 1] + like[i][j]:
            runs += _unpaired(last_i, i, last_j, j)
            runs.append((i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
            last_i, last_j = i, j
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return runs + _unpaired(last_i, len(old), last_j, len(new))


def _unpaired(i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int, int, int]]:
    """The paragraphs paired with none between two pairs: those removed, then those added."""
    return [
        run for run in ((i1, i2, j1, j1), (i2, i2, j1, j2)) if run[1] > run[0] or run[3] > run[2]
    ]


def _likeness(old: Counter[str], new: Counter[str]) -> float:
    """The share of words two paragraphs have in common, in any order: an upper bound of the
    matcher's ratio (`SequenceMatcher.quick_ratio`), at a fraction of its cost."""
    total = old.total() + new.total()
    return 2 * sum((old & new).values()) / total if total else 1.0


# -- how both faces word them -------------------------------------------------------------------
NO_TEXT_CHANGES = "No changes in the text (only its markup or spacing, if anything)."
MARKS = {"removed": ("[-", "-]"), "added": ("{+", "+}")}
"""What goes round the words removed and added, as `git diff --word-diff` marks them: in
colour too where there is colour, never colour alone. Told apart by strikethrough, underline
and red and green only, "9" changed to "12" read "912" on a terminal that draws no
strikethrough, under NO_COLOR, to a red-green colour-blind reader and in text copied from the
screen (acc47b F5)."""
FIELD_NAMES = {"title": "Title", "author": "Author", "published": "Published", "updated": "Updated"}
CONTEXT_WORDS = 12
"""Words kept on each side of a change in a long stretch the copies share; the rest "…"."""


def copy_heading(version: int, retrieved: datetime | None, latest: bool = False) -> str:
    """ "copy 1, retrieved 2026-12-04T21:34:21+00:00": what heads a copy's side of a diff."""
    when = retrieved.isoformat(timespec="seconds") if retrieved else "at an unknown time"
    return f"copy {version}{' (the latest)' if latest else ''}, retrieved {when}"


def hunk_heading(hunk: Hunk, changes: CopyChanges) -> str:
    """Where a change is: "Paragraph 4", "Paragraphs 4–6, added", "Paragraph 5 of copy 1,
    removed" (numbered in the newer copy, but for paragraphs it no longer has); in a live
    blog's entry, by its heading too: "11:33 · Update 38, paragraph 2 (paragraph 15)"."""
    if not hunk.new_paragraphs:
        where = _named(hunk.old_paragraphs, changes.old_entries)
        return f"{where} of copy {changes.old_version}, removed"
    if not hunk.old_paragraphs:
        return f"{_named(hunk.new_paragraphs, changes.new_entries)}, added"
    return _named(hunk.new_paragraphs, changes.new_entries)


def _named(numbers: tuple[int, ...], entries: tuple[tuple[str, int], ...]) -> str:
    """`_numbers`, after the entry they are in when they are all in one (`entry_places`)."""
    if not entries or numbers[-1] > len(entries):
        return _numbers(numbers)
    first, last = entries[numbers[0] - 1], entries[numbers[-1] - 1]
    if not first[0] or first[0] != last[0] or last[1] - first[1] != len(numbers) - 1:
        return _numbers(numbers)
    counted = _numbers(numbers).lower()
    if last[1] == 0:
        return f"{first[0]}, its heading ({counted})"
    after = max(first[1], 1)
    within = f"paragraph {after}" if after == last[1] else f"paragraphs {after}–{last[1]}"
    heading = "its heading and " if first[1] == 0 else ""
    return f"{first[0]}, {heading}{within} ({counted})"


def _numbers(numbers: tuple[int, ...]) -> str:
    if len(numbers) == 1:
        return f"Paragraph {numbers[0]}"
    return f"Paragraphs {numbers[0]}–{numbers[-1]}"


def shown_spans(
    spans: Sequence[Span], context: int = CONTEXT_WORDS, longest: int = 0
) -> list[Span]:
    """`spans` with each long stretch the copies share cut to the `context` words next to a
    change, "…" for the rest: a figure changed in a 200-word paragraph is seen at a glance.
    `longest`: a stretch removed or added cut to its first `longest` words too, saying how
    many more (a screen, which lays out all it is given, shows a page rewritten whole so)."""
    shown: list[Span] = []
    last = len(spans) - 1
    for n, span in enumerate(spans):
        lead = span.text[: len(span.text) - len(span.text.lstrip())]
        if span.kind != "same":
            if longest and len(words := word_and_space().findall(span.text)) > longest:
                more = len(words) - longest
                text = lead + "".join(words[:longest]).rstrip() + f" … ({more:,} words more)"
                span = Span(span.kind, text)
            shown.append(span)
            continue
        words = word_and_space().findall(span.text)
        if len(words) <= 2 * context + 4:
            shown.append(span)
            continue
        # The space a stretch starts with is no word: kept, or the change before it is glued
        # to the word after ("{+well below+}with", acc28c C12).
        head = lead + "".join(words[:context]) if n > 0 else ""
        tail = "".join(words[-context:]) if n < last else ""
        text = (head.rstrip() + " …" if head else "…") + (" " + tail if tail else "")
        shown.append(Span("same", text))
    return shown
