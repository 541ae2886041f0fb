"""The earlier versions of articles a sync fetched again and found changed (a correction, an
update): each kept with its own raw page and the time it was retrieved, so a quote read from
it stays checkable against the archive, and the mark of an article changed since it was last
read."""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

import diskcache

from ..anchored_entries import changed_entries
from ..codec import (
    article_fetched_at,
    article_from_dict,
    article_made_at,
    article_updated,
    marks_from_dict,
    text_from_dict,
)
from ..keys import article_key
from ..models import Article, TextMarks
from ..plural import plural
from ..raw_pages import CutShort, pack_page_list, unpack_pairs
from .articles import _article_record
from .directory import _reporting_storage_errors
from .key_ranges import rows_with_prefix
from .record_json import record_text
from .retractions_ended import StoreRetractionsEnded, first_saying, said_in

if TYPE_CHECKING:
    from ..search_bodies import Indexed

MAX_VERSIONS = 3
"""Earlier versions kept of one article: the first, as it was first cached (what was first
published, and "copy 1" in a journalist's notes, acc28c C14), and the newest; those between go
first, but a copy saying what an earlier one kept says goes before any. A live blog fetched
again at each sync would otherwise grow without end."""
MAX_SAVED_VERSIONS = 50
"""Earlier versions kept of an article saved for good (tagged, `s`): a dossier's chain of
corrections is evidence, the first correction often the one that matters, and three dropped
the middle ones of a story edited more than twice, silently (acc44c C12). A copy is its text
and its page compressed: fifty are a few megabytes at most."""
GROWN = "grown:"
"""Per article key, a live blog whose every change kept was entries added alone (`_grew`): its
copies "updated", not corrected (acc48c C8). Gone at its first change of text it had."""
FIRST_RETRIEVED = "first-retrieved:"
"""Per article key, the app whose copy of its text (`Article.kept_by`: wallabag's) is the only
earlier copy kept: the page's first retrieval took its place. Another program's extraction,
not an earlier version of the page: kept (`V` shows it), but no correction (acc51b B2: "δ
corrected" and "the text changed since" in a citation for a page that never changed). Gone
when a later fetch keeps another copy. Marked for a directory from before it at the first
reading (`first_retrievals`)."""
_FIRST_RETRIEVALS_MARKED = "first-retrievals-marked"
"""In the state cache: when the copies kept before `FIRST_RETRIEVED` was were marked."""
DROPPED = "copies-dropped:"
"""Per article key, the copies its versions' cap dropped (`renew_article`): each's number and
count as they were then, its retrieval time and when it went, for its notes to say."""


def _one_less(kept: list[tuple[bytes, bytes]]) -> tuple[int, str]:
    """Which of `kept` (compressed records and raw pages, oldest first) goes, one too many:
    the latest copy that says what an earlier one kept says (a page flipping back and forth,
    an A/B headline, an edit undone), else the latest that differs from the copy before it by
    noise alone (`copy_noise`), else the oldest but the first. The earliest sight of each text
    is what dates an edit (acc30a J20: a copy identical to copy 1 had pushed out the first
    sight of a changed figure; acc47b F6: copies differing by noise pushed out the first sight
    of a correction). With it, "repeat" when it says what one kept says (nothing of what the
    page said is lost), "noise" when it differs from the copy before by noise, else ""."""
    data: list[Any] = []
    for record, _ in kept:
        try:
            data.append(_parsed(record_text(record)))
        except (zlib.error, UnicodeDecodeError):
            data.append(None)
    said = [_said_by(one) for one in data]
    for n in range(len(kept) - 1, 0, -1):
        if said[n] is not None and said[n] in said[:n]:
            return n, "repeat"
    for n in range(len(kept) - 1, 0, -1):
        if _noise_apart(data[n - 1], said[n - 1], data[n], said[n]):
            return n, "noise"
    return 1, ""


def _noise_apart(
    before: Any, said_before: tuple[str, ...] | None, copy: Any, said: tuple[str, ...] | None
) -> bool:
    """The copy `copy` (its record, and what it says: `_said_by`) says what the copy `before`
    it says but for noise in its text (`copy_noise`), and the same of the story's retraction."""
    from ..copy_noise import noise_apart

    if said is None or said_before is None or said[1:] != said_before[1:]:
        return False
    if said_in(before) != said_in(copy):
        return False
    return noise_apart(said_before[0], said[0], _made_times(copy), _made_times(before))


def _made_times(data: Any) -> tuple[datetime, ...]:
    """When the words of a copy's record (parsed) were made, as a clock in them reads: when
    they were last read off its page (when it was last checked the same, `Article.checked_at`:
    its text the page's then; else when it was retrieved), and when a cache on the way said it
    made that page (`Article.made_at`); () when that can't be read."""
    if not isinstance(data, dict):
        return ()
    with suppress(TypeError, ValueError, KeyError):
        checked = data.get("checked_at")
        if isinstance(checked, str) and checked:
            read = datetime.fromisoformat(checked)
        elif (fetched := article_fetched_at(data)) is not None:
            read = fetched
        else:
            return ()
        return (read, *article_made_at(data))
    return ()


def _said_in(record: Any) -> tuple[str, ...] | None:
    """What a copy says that a change of makes it another copy: its text, and its headline,
    byline and date of publication as the page gave them (acc28c C8: a headline or byline
    changed alone was "unchanged", the old one overwritten). Not its time of update, which
    many pages stamp anew at every request; not a date its feed gave (`published_by_feed`).
    None for a record that can't be read."""
    try:
        data = json.loads(record) if isinstance(record, str) else None
    except ValueError:
        return None
    return _said_by(data)


def _grew(said: tuple[str, ...], now: tuple[str, ...] | None, live: bool) -> bool:
    """What a live blog's copy says (`said`) is all still said, line for line, by its page
    fetched again (`now`), which adds lines of its own: entries added, none changed or taken
    out, the byline and the date of publication the same. Its headline may change: a live
    blog's follows the story ("Live: fire – three hurt"). A summary rewritten, an entry
    corrected or deleted is a change of what it said: a correction."""
    if not live or now is None or said[2:] != now[2:]:
        return False
    lines = set(now[0].splitlines())
    return len(now[0]) > len(said[0]) and all(line in lines for line in said[0].splitlines())


def _clock_alone(
    record: Any,
    said: tuple[str, ...],
    now: tuple[str, ...] | None,
    article: Article,
) -> bool:
    """What the copy `record` says (`said`) and what `article`, fetched again, says (`now`)
    differ only in the time its page stamps itself with at each request (`page_clock`), each
    stamp its copy's clock: no new copy."""
    # Here, not at the top: only a page fetched again and changed needs its pattern, and every
    # command imports the store.
    from ..page_clock import only_clock_changed

    return (
        now is not None
        and said[1:] == now[1:]
        and article.fetched_at is not None
        and only_clock_changed(
            said[0], now[0], (article.fetched_at, *article.made_at), _made_times(_parsed(record))
        )
    )


def _newly_retracted(record: Any, article: Article) -> bool:
    """`article` says the story was retracted (its page, or its feed's headline alone), the
    copy `record` said nothing of the kind: another copy however alike their words, retrieved
    when it was first said (acc47b F2: a feed's "Withdrawn:" over a page unchanged was no
    update, and cited at the time of the copy before)."""
    if not article.retracted:
        return False  # parsed again only then: seldom
    data = _parsed(record)
    return isinstance(data, dict) and not said_in(data)[0]


def _parsed(record: Any) -> Any:
    """A copy's record (its JSON text) parsed; None for one that doesn't read."""
    try:
        return json.loads(record) if isinstance(record, str) else None
    except ValueError:
        return None


def _checked(article: Article, record: Any, clock: bool) -> Article:
    """`article`, fetched again and saying what the copy `record` says, as the copy retrieved
    when that was (its `fetched_at`, and `served_at` with it) and found the same now
    (`checked_at`): a renewal moved the retrieval time, and "Retrieved" in a dossier's citation
    said when the words were last looked at, not since when they were on file (acc44c C8).
    `clock`: the words the same but for the page's clock (`_clock_alone`), whose time is no
    update's: the copy's time of update stays (acc48d D4: "Last updated 12:21", the clock, was
    cited as "Updated" after the copy's "Retrieved")."""
    try:
        data = json.loads(record)
        first = article_fetched_at(data)
        served = data.get("served_at")
        served_at = datetime.fromisoformat(served) if isinstance(served, str) and served else None
        updated, by_feed = article_updated(data) if clock else (article.updated, False)
    except (ValueError, TypeError, KeyError):  # read as the record is: it was, just above
        return article
    if first is None:
        return article
    if clock:
        article = replace(article, updated=updated, updated_by_feed=by_feed)
    return replace(article, fetched_at=first, served_at=served_at, checked_at=article.fetched_at)


def _own_words(article: Article, record: Any) -> Article:
    """`article` (`_checked`) with the blocks of the copy `record`, whose words it says but
    for the page's clock; as it is when the record does not read."""
    try:
        return replace(article, blocks=article_from_dict(json.loads(record)).blocks)
    except (ValueError, TypeError, KeyError, IndexError):
        return article


def _says_the_same(copy: Any, latest: Any) -> bool:
    """The records `copy` and `latest` say the same (`_said_in`): their headline, byline and
    date of publication, and their blocks alike, compared as read (a fifth of the time
    `_said_by`'s texts take on a 100,000-word article; blocks alike say the same text)."""
    if not isinstance(copy, dict) or not isinstance(latest, dict):
        return False
    said, now = _said_by({**copy, "blocks": []}), _said_by({**latest, "blocks": []})
    return said is not None and said == now and copy.get("blocks") == latest.get("blocks")


def _kept_by(data: Any) -> str:
    """The app whose copy of the text a copy's record (parsed) is (`Article.kept_by`), else ""."""
    app = data.get("kept_by") if isinstance(data, dict) else None
    return app if isinstance(app, str) else ""


def _first_record(kept: list[tuple[bytes, bytes]]) -> str | None:
    """The record (JSON text) of the first of the copies `kept`; None when it does not read."""
    with suppress(zlib.error, UnicodeDecodeError, IndexError):
        return zlib.decompress(kept[0][0]).decode()
    return None


def _said_by(data: Any) -> tuple[str, ...] | None:
    """`_said_in` of a record already parsed."""
    try:
        if not isinstance(data, dict):
            return None
        published = "" if data.get("published_by_feed") else str(data.get("published") or "")
        return (
            text_from_dict(data),
            str(data.get("title") or ""),
            str(data.get("author") or ""),
            published,
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return None


CHANGED_ENTRIES = "changed-entries:"
"""Per article key, the anchors of the entries (`anchored_entries`) syncs changed since the page
was last opened: an item pointing into one of them is changed (Δ), the others not."""
CORRECTED_ENTRIES = "corrected-entries:"
"""Per article key, the anchors of the entries (`anchored_entries`) any sync changed, opened since
or not: of a corrected page (`corrected_keys`), an item pointing into one of them is corrected
(δ), the others not. None for a page corrected before they were kept: all its items are."""


@_reporting_storage_errors
class StoreVersions(StoreRetractionsEnded):
    """The kept earlier versions of a `Store`'s articles."""

    def renew_article(
        self,
        url: str,
        article: Article,
        packed_page: bytes,
        fallback_html: str = "",
        later_pages: list[tuple[str, bytes]] | None = None,
    ) -> bool:
        """Cache `article`, fetched again, in place of the copy there (with `later_pages`, the
        raw pages after its first, of one over several); True when its text, headline, byline
        or date of publication changed (`_said_in`): the copy
        then kept as its latest earlier version (record and first raw page, at most
        `MAX_VERSIONS`), and the article marked as changed since it was last read."""
        key = article_key(url)
        with self._articles.transact():
            record = None
            with suppress(zlib.error, UnicodeDecodeError):  # damaged: no copy to keep
                record = record_text(self._value(self._articles, f"article:{key}"))
            raw = self._value(self._articles, f"raw:{key}")
            said, now = _said_in(record), _said_in(_article_record(article))
            changed = said is not None and (
                (said != now and not _clock_alone(record, said, now, article))
                or _newly_retracted(record, article)
            )
            if said is not None and not changed:
                article = _checked(article, record, said != now)
                if said != now and isinstance(raw, bytes):
                    # The page's clock alone moved: the copy stays the one retrieved then, its
                    # words and the page they were read from, which `reader reextract` reads
                    # again; the later page's stamp under its Retrieved line was none of its
                    # own (acc49c C9).
                    article, packed_page = _own_words(article, record), raw
            if record is not None and not article.retracted and said_in(_parsed(record))[0]:
                # Said no longer, copy or none: kept as said, from when to when.
                records = [data for _, data in self._records_of(key)]
                self._note_retraction_ended(key, [*records, _parsed(record)], article)
            if changed and isinstance(record, str) and isinstance(raw, bytes):
                kept = self._version_list(key)
                # Another app's copy replaced by the page: its first retrieval, no change.
                other_app = "" if kept else _kept_by(_parsed(record))
                live = article.live or article.coverage_ended is not None
                assert said is not None
                if _grew(said, now, live or bool((_parsed(record) or {}).get("live"))) and (
                    not kept or GROWN + key in self._articles
                ):
                    self._articles.set(GROWN + key, 1)
                else:
                    self._articles.delete(GROWN + key)
                kept.append((zlib.compress(record.encode(), 6), raw))
                if len(kept) > (MAX_SAVED_VERSIONS if self._saved_key(key) else MAX_VERSIONS):
                    gone, how = _one_less(kept)
                    if how != "repeat":  # a text no copy kept says any more: said (acc44c C12)
                        number, count = gone + 1, len(kept) + 1
                        self._note_dropped(key, kept[gone][0], number, count, how == "noise")
                    kept = kept[:gone] + kept[gone + 1 :]
                self._articles.set(f"versions:{key}", _pack(kept))
                if other_app:
                    self._articles.set(FIRST_RETRIEVED + key, other_app)
                    self._articles.delete(GROWN + key)
                else:
                    self._articles.delete(FIRST_RETRIEVED + key)
                    self._note_changed_entries(key, record, article, self._renewed_unseen(key))
                    self._articles.set(f"renewed:{key}", time.time())
            self.put_article(url, article, packed_page, fallback_html)
            if later_pages:
                self._articles.set(f"pages:{key}", pack_page_list(later_pages))
        return changed

    def mark_checked(self, url: str, at: datetime) -> None:
        """The page of `url`'s cached article answered "not changed since" (a 304 to a live
        blog's "changed since?"): its copy checked at `at` (`Article.checked_at`), as a page
        fetched whole and found the same is (`_checked`)."""
        with self._articles.transact():
            article = self.article(url)
            if article is not None:
                self.put_article(url, replace(article, checked_at=at))

    def _note_changed_entries(self, key: str, record: str, article: Article, more: bool) -> None:
        """Keep which of the entries items point into (`anchored_entries`) the copy `record`
        had that `article` changed; `more`: added to those kept, the page not opened since."""
        data = _parsed(record)
        try:
            before = article_from_dict(data) if isinstance(data, dict) else None
        except (KeyError, TypeError, ValueError):
            before = None
        if before is None or not any(block.anchors for block in before.blocks):
            self._articles.delete(CHANGED_ENTRIES + key)
            return
        changed = changed_entries(before, article)
        for prefix, kept_too in ((CHANGED_ENTRIES, more), (CORRECTED_ENTRIES, True)):
            kept = self._load(self._articles, prefix + key, []) if kept_too else []
            kept = kept if isinstance(kept, list) else []
            self._save(self._articles, prefix + key, sorted({*map(str, kept), *changed}))

    def changed_entry_anchors(self) -> dict[str, list[str]]:
        """By article key, the entries items point into that a sync changed since the page was
        last opened (see `_note_changed_entries`)."""
        return self._entry_anchors(CHANGED_ENTRIES)

    def corrected_entry_anchors(self) -> dict[str, list[str]]:
        """By article key, the entries items point into that any sync changed (see
        `_note_changed_entries`)."""
        return self._entry_anchors(CORRECTED_ENTRIES)

    def corrected_entries(self, url: str) -> list[str] | None:
        """The entries items point into that any sync changed in `url`'s article (see
        `_note_changed_entries`); None when not known (a page corrected before they were kept,
        or of no entries items point into)."""
        kept = self._load(self._articles, CORRECTED_ENTRIES + article_key(url))
        return [str(anchor) for anchor in kept] if isinstance(kept, list) else None

    def _entry_anchors(self, prefix: str) -> dict[str, list[str]]:
        """By article key, the anchors kept under `prefix`, in one query."""
        found: dict[str, list[str]] = {}
        for key, raw in rows_with_prefix(self._articles, prefix):
            # A long list is kept in a file of its own, not in the row: read as any record.
            value = self._load(self._articles, prefix + key) if raw is None else raw
            with suppress(TypeError, ValueError):
                value = json.loads(value) if isinstance(value, str) else value
            if isinstance(value, list):
                found[key] = [str(anchor) for anchor in value]
        return found

    def _saved_key(self, key: str) -> bool:
        """The article cached under `key` is saved for good (`StoreSaved.saved`: its record,
        named so there, read here below it)."""
        saved = self._load(self._state, "saved", {})
        return isinstance(saved, dict) and key in saved

    def _note_dropped(
        self, key: str, record: bytes, number: int, count: int, noise: bool = False
    ) -> None:
        """Keep that copy `number` of `count` (its compressed `record`) of the article under
        `key` was dropped now, for its notes and the sync to say (`copies_dropped`); `noise`:
        it differed from the copy before it by noise alone (`copy_noise`)."""
        at = None
        with suppress(zlib.error, KeyError, TypeError, ValueError):
            at = article_fetched_at(json.loads(zlib.decompress(record)))
        noted = self._load(self._articles, DROPPED + key, [])
        noted = noted if isinstance(noted, list) else []
        retrieved = at.isoformat(timespec="seconds") if at else ""
        one = {"number": number, "of": count, "retrieved": retrieved, "at": time.time()}
        noted.append({**one, "noise": True} if noise else one)
        self._save(self._articles, DROPPED + key, noted)

    def copies_dropped(self, url: str, since: float = 0.0) -> list[str]:
        """What was dropped of the copies of `url`'s article (at or after `since`, epoch
        seconds), said a line each: "copy 2 of 5, retrieved …, dropped on 2026-12-06: only 3
        earlier copies are kept of an article not saved"."""
        noted = self._load(self._articles, DROPPED + article_key(url), [])
        said = []
        for one in noted if isinstance(noted, list) else ():
            with suppress(KeyError, TypeError, ValueError):
                at = float(one["at"])
                if at < since:
                    continue
                day = datetime.fromtimestamp(at).date().isoformat()
                retrieved = f", retrieved {one['retrieved']}" if one.get("retrieved") else ""
                cap = int(one["of"]) - 2  # the earlier copies kept, the latest aside
                why = (
                    f"only {cap} earlier copies are kept of an article not saved"
                    if cap < MAX_SAVED_VERSIONS
                    else f"only {cap} earlier copies are kept"
                )
                number = int(one["number"])
                if one.get("noise"):
                    why += (
                        f"; it differed from copy {number - 1} only in its typography or the "
                        "page's clock"
                    )
                said.append(
                    f"copy {number} of {int(one['of'])}{retrieved}, dropped on {day}: {why}"
                )
        return said

    def copies_not_kept(self, url: str) -> str:
        """What was dropped of the copies of `url`'s article, said in one line for its header
        and `reader show` (acc48c C4: a line per copy, "copy 2 of 5" each time, piled up one
        a sync): "12 earlier copies not kept (retrieved 2026-12-07T11:31:13+00:00 to …): only
        3 earlier copies are kept of an article not saved"; "" when none was."""
        noted = self._load(self._articles, DROPPED + article_key(url), [])
        times, cap = [], 0
        for one in noted if isinstance(noted, list) else ():
            with suppress(KeyError, TypeError, ValueError):
                cap = max(cap, int(one["of"]) - 2)  # the earlier copies kept, the latest aside
                times.append(str(one.get("retrieved") or ""))
        if not times:
            return ""
        dated = sorted(t for t in times if t)
        span = (
            ""
            if not dated
            else f" (retrieved {dated[0]})"
            if len(dated) == 1
            else f" (retrieved {dated[0]} to {dated[-1]})"
        )
        why = "" if cap >= MAX_SAVED_VERSIONS else " of an article not saved"
        copies = plural(len(times), "earlier copy", "earlier copies")
        return f"{copies} not kept{span}: only {cap} earlier copies are kept{why}"

    def _version_list(self, key: str) -> list[tuple[bytes, bytes]]:
        """The copies kept of the article under `key` (compressed records and raw pages,
        oldest first). Of a damaged record (its file cut short), the copies that come whole
        before the damage are kept, not all dropped with it: the earlier copies are a
        corrected story's evidence, which no fetch gives back (acc31a F14)."""
        name = f"versions:{key}"
        blob = self._value(self._articles, name)
        if not isinstance(blob, bytes):
            return []
        try:
            return _unpack(blob)
        except CutShort as cut:
            whole = [pair for pair in cut.whole if _reads(pair[0])]
            copies = plural(len(whole), "whole copy", "whole copies")
            why = f"cut short: the {copies} before the cut kept" if whole else "cut short"
            self._drop_damaged(self._articles, name, why=why)
            if whole and not self.read_only:
                self._articles.set(name, _pack(whole))
            return whole

    def mend_record(self, folder: str, key: str) -> int:
        # A record of copies is no JSON list: its whole copies kept as its readings keep them.
        if folder == "articles" and key.startswith("versions:"):
            return len(self._version_list(key.removeprefix("versions:")))
        return super().mend_record(folder, key)

    def versions(self, url: str) -> list[Article]:
        """The kept earlier versions of the article cached for `url`, oldest first, each as
        it was cached (its `fetched_at` its own retrieval)."""
        found: list[Article] = []
        for record, _ in self._version_list(article_key(url)):
            try:
                found.append(article_from_dict(json.loads(zlib.decompress(record))))
            except (zlib.error, KeyError, TypeError, ValueError, IndexError):
                continue  # one damaged version: the others are still worth showing
        return found

    def retraction_first_said(self, url: str) -> int:
        """Which copy of `url`'s article (1: the oldest kept, the latest last) first said what
        the latest says of the story, those after it saying it too (`first_saying`); 0 when
        the latest says nothing of the kind."""
        key = article_key(url)
        latest = self._load(self._articles, f"article:{key}")
        if not said_in(latest)[0]:
            return 0
        return first_saying([*(data for _, data in self._records_of(key)), latest])

    def _kept_records(self, url: str) -> Iterator[tuple[datetime | None, dict[str, Any]]]:
        """Each kept earlier version of `url`'s article, oldest first, as its retrieval time
        and its record, read once; a damaged one left out (and not numbered)."""
        return self._records_of(article_key(url))

    def _records_of(self, key: str) -> Iterator[tuple[datetime | None, dict[str, Any]]]:
        """`_kept_records` of the article under `key`."""
        for record, _ in self._version_list(key):
            try:
                data = json.loads(zlib.decompress(record))
                yield article_fetched_at(data), data
            except (zlib.error, KeyError, TypeError, ValueError, IndexError):
                continue  # one damaged version: the others are still worth showing

    def version_times(self, url: str) -> list[datetime | None]:
        """When each of `versions` was retrieved, oldest first, without rebuilding them: what
        opening an article tells of its copies kept."""
        return [at for at, _ in self._kept_records(url)]

    def version_times_and_repeats(self, url: str) -> tuple[list[datetime | None], frozenset[int]]:
        """`version_times(url)`, and the numbers of those copies that say what the latest
        says (`_said_in`): an edit undone, the page back to its first text word for word
        (acc35b F14: a citation of copy 1 said "the latest … differs" when it did not)."""
        _, times, repeats = self.version_times_repeats(url, 0)
        return times, repeats

    def version(self, url: str, number: int) -> Article | None:
        """Earlier version `number` (1: the oldest) of the article cached for `url`, numbered
        as `version_times` numbers them, the others not rebuilt (a page of 500,000 words took
        a second a copy: `V` rebuilt every one to show one); None when there is no such one."""
        return self.version_and_times(url, number)[0]

    def version_and_times(
        self, url: str, number: int
    ) -> tuple[Article | None, list[datetime | None]]:
        """`version(url, number)` and `version_times(url)` in one reading of the copies kept:
        asked one after the other, the copy shown was decompressed and parsed twice (~8 ms of
        ~35 for `V` on a 200,000-word article)."""
        chosen, times, _ = self.version_times_repeats(url, number, repeats=False)
        return chosen, times

    def version_times_repeats(
        self, url: str, number: int, repeats: bool = True
    ) -> tuple[Article | None, list[datetime | None], frozenset[int]]:
        """`version_and_times(url, number)` and, with `repeats`, the numbers of the copies
        `version_times_and_repeats` gives, in one reading of the copies kept."""
        chosen: Article | None = None
        times: list[datetime | None] = []
        same: set[int] = set()
        latest: Any = None
        for at, data in self._kept_records(url):
            if repeats and latest is None:  # read only where there are copies: most have none
                latest = self._load(self._articles, f"article:{article_key(url)}") or {}
            times.append(at)
            if len(times) == number:
                with suppress(KeyError, TypeError, ValueError, IndexError):
                    chosen = article_from_dict(data)
            if latest and _says_the_same(data, latest):
                same.add(len(times))
        return chosen, times, frozenset(same)

    def copied_keys(self) -> set[str]:
        """The keys of the articles with earlier versions kept, in one query."""
        return self._keys_with_prefix("versions:")

    def corrected_keys(self) -> set[str]:
        """Of `copied_keys`, those whose text was changed (corrected): not a live blog that only
        grew (`GROWN`), nor a page whose only earlier copy is another app's (`FIRST_RETRIEVED`)."""
        copied = self.copied_keys()
        return copied - self._keys_with_prefix(GROWN) - self.first_retrievals(copied)

    def first_retrievals(self, copied: set[str] | None = None) -> set[str]:
        """The keys of the articles whose only earlier copy kept is another app's
        (`FIRST_RETRIEVED`). Those a reader from before the mark kept (a wallabag copy taken
        for the first of a corrected page's copies) are found by reading each article's
        first copy once a directory, here: no migration, and a directory opened read-only is
        read right all the same. `copied`: `copied_keys`, when the caller has it."""
        found = {key for key, app in rows_with_prefix(self._articles, FIRST_RETRIEVED) if app}
        if self._value(self._state, _FIRST_RETRIEVALS_MARKED) is not None:
            return found
        marks: dict[str, str] = {}
        for key in (self.copied_keys() if copied is None else copied) - found:
            if app := self._only_copy_by(key):
                found.add(key)
                marks[key] = app
        if not self.read_only:
            # Kept when there is room: a read is no write, and a full disk failed the sync's
            # start with it (test_travel). Found again at the next read until kept.
            with suppress(sqlite3.DatabaseError, OSError, diskcache.Timeout):
                for key, app in marks.items():
                    self._articles.set(FIRST_RETRIEVED + key, app)
                self._state.set(_FIRST_RETRIEVALS_MARKED, time.time())
        return found

    def first_retrieved_over(self, url: str) -> str:
        """The app whose copy of `url`'s article is the only earlier copy kept, the page's
        first retrieval in its place (`first_retrievals`); "" for any other article."""
        key = article_key(url)
        app = self._value(self._articles, FIRST_RETRIEVED + key)
        if isinstance(app, str) and app:
            return app
        if self._value(self._state, _FIRST_RETRIEVALS_MARKED) is not None:
            return ""
        return self._only_copy_by(key)

    def first_copy_by(self, url: str) -> str:
        """The app whose copy of `url`'s article is the first copy kept (wallabag's text, the
        page retrieved here after it), however many copies there are since; "" when the
        first is the reader's own retrieval, or none is kept."""
        kept = self._version_list(article_key(url))
        return _kept_by(_parsed(_first_record(kept))) if kept else ""

    def _only_copy_by(self, key: str) -> str:
        """The app whose copy is the only earlier copy kept of the article under `key`, read
        from that copy's record; "" when there are more, or it is the reader's own."""
        kept = self._version_list(key)
        return _kept_by(_parsed(_first_record(kept))) if len(kept) == 1 else ""

    def grown(self, url: str) -> bool:
        """The copies of `url`'s article differ by entries added alone (`GROWN`)."""
        return GROWN + article_key(url) in self._articles

    def searched_copies(
        self, key: str
    ) -> list[tuple[datetime | None, str, str, str, Callable[[], TextMarks]]]:
        """The kept earlier versions of the article cached under `key`, oldest first, as a
        search reads them: each's retrieval time, title, byline and text
        (`codec.text_from_dict`) and where its struck-through runs and headings are, worked out
        when asked (`codec.marks_from_dict`), without rebuilding it; a damaged one left out."""
        found: list[tuple[datetime | None, str, str, str, Callable[[], TextMarks]]] = []
        for record, _ in self._version_list(key):
            try:
                data = json.loads(zlib.decompress(record))
                text = text_from_dict(data)
                retrieved = data.get("fetched_at")
                at = datetime.fromisoformat(retrieved) if isinstance(retrieved, str) else None
            except (zlib.error, KeyError, TypeError, ValueError, IndexError, AttributeError):
                continue
            title, author = data.get("title"), data.get("author")
            found.append(
                (
                    at,
                    title if isinstance(title, str) else "",
                    author if isinstance(author, str) else "",
                    text,
                    partial(marks_from_dict, data),
                )
            )
        return found

    def indexed(self, key: str) -> Indexed | None:
        """What the search index holds of the article cached under `key`: its title, byline
        and text (`searched_by_key`), and each kept earlier version's title, byline and text, a
        quote taken from one, or its first headline, found again (acc27a A21, acc30a J10);
        None when it isn't cached."""
        from ..search_bodies import Indexed  # a search's, not the start's

        found = self.searched_by_key(key)
        if found is None:
            return None
        title, author, text, _struck = found
        copies = ""
        if f"versions:{key}" in self._articles:
            kept = self.searched_copies(key)
            copies = "\n".join(f"{title}\n{by}\n{copy}" for _, title, by, copy, _ in kept)
        return Indexed(title, author, text, copies)

    def indexed_text(self, key: str) -> str | None:
        """Every word the search index holds of the article cached under `key` (`indexed`),
        None when it isn't cached."""
        found = self.indexed(key)
        return None if found is None else found.whole()


def _pack(versions: list[tuple[bytes, bytes]]) -> bytes:
    """The versions (a compressed article record, a raw page as `pack_raw_page` made it) as
    one blob: each field preceded by its length."""
    return b"".join(len(f).to_bytes(4, "big") + f for pair in versions for f in pair)


def _reads(record: bytes) -> bool:
    """Whether a copy's compressed record reads (the pair before a cut may be whole and its
    record still damaged)."""
    try:
        zlib.decompress(record)
    except zlib.error:
        return False
    return True


def _unpack(blob: bytes) -> list[tuple[bytes, bytes]]:
    """`_pack`'s versions; raises CutShort when the blob is damaged."""
    return unpack_pairs(blob, "a version list")
