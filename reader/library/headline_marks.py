"""What the store says of the articles a list of headlines links to, read once for the whole
list: which are cached (whole or in part), saved, no article page or left out by the size
limit, and the date each cached one's page gives, which dates a headline its feed left
undated (many small outlets' and press offices' RSS items carry no pubDate) and zones one its
feed timed without a zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ..anchored_entries import item_changed, points_into
from ..dates import parse_datetime, zone_unstated, zoned_as
from ..feed_tags import saved_tags
from ..models import Entry, made
from ..reports import Headline, saved_time


@dataclass
class HeadlineMarks:
    """The marks of every article, and their pages' dates, read when a headline needs them."""

    saved: dict[str, Any]
    cached: set[str]
    partial: set[str]
    not_article: set[str]
    left_out: set[str]
    page_dates: Callable[[], dict[str, str]] = dict
    """`Store.listed_page_dates`: read once, at the first headline its feed left undated (a store
    whose feeds all date their items never reads them)."""
    page_date: Callable[[str], str] = lambda _key: ""
    """`Store.page_date`: the date read from one cached article's record."""
    updated: set[str] = field(default_factory=set)
    """The articles a sync found changed (a correction) since they were last read: marked Δ."""
    changed_entries: dict[str, list[str]] = field(default_factory=dict)
    """By article key, the entries syncs changed (`anchored_entries`): of the items pointing into
    a changed page, those pointing at one of them are marked Δ."""
    gone: set[str] = field(default_factory=set)
    """The articles whose pages were found taken down (`Store.gone_keys`)."""
    copied: set[str] = field(default_factory=set)
    """The articles with earlier copies kept whose text changed (`Store.corrected_keys`):
    corrected, for good."""
    corrected_entries: dict[str, list[str]] = field(default_factory=dict)
    """By article key, the entries any sync changed (`anchored_entries`): of the items pointing
    into a corrected page, those pointing at one of them are corrected (δ), not the others."""
    live: dict[str, tuple[float, str, float]] = field(default_factory=dict)
    """The live blogs still running, by key: when each last changed, its address and when
    lists date it (`live_blogs.live_running`)."""
    _live_links: frozenset[str] | None = None
    retraction: Callable[[str], tuple[str, bool]] = lambda _key: ("", False)
    """`Store.retraction`: what the latest copy cached under a key says became of its story,
    read for a `copied` one only (a retraction keeps the copy before)."""
    read_now: dict[str, str] = field(default_factory=dict)
    """The dates `page_date` read for this list, for the store to keep (`keep_page_dates`)."""
    _dated: dict[str, str] | None = None

    def live_links(self) -> frozenset[str]:
        """The addresses of the live blogs still running (`live`): a feed listing one is read
        whole and sorted, its place not its date's (`headline_runs`)."""
        if self._live_links is None:
            self._live_links = frozenset(url for _, url, _ in self.live.values())
        return self._live_links

    def headline(self, entry: Entry, key: str, read: bool) -> Headline:
        cached = bool(key) and key in self.cached
        record = self.saved.get(key) if key else None
        is_saved = record is not None
        partial = cached and key in self.partial
        # A podcast episode with no page of its own (its enclosure alone) is no article page,
        # as a link to its MP3 is, known without a fetch.
        not_article = not cached and (
            key in self.not_article if key else bool(entry.enclosures and not entry.link)
        )
        left_out = not cached and bool(key) and key in self.left_out
        updated = (
            cached
            and key in self.updated
            and item_changed(entry.link, self.changed_entries.get(key))
        )
        taken_down = cached and key in self.gone
        corrected = (
            cached
            and key in self.copied
            and item_changed(entry.link, self.corrected_entries.get(key))
        )
        retracted, by_feed = self.retraction(key) if corrected else ("", False)
        if cached and entry.published is None and entry.updated is None:
            entry = self._dated_by_page(entry, key)
        elif cached and entry.published is not None and zone_unstated(entry.published):
            entry = self._zoned_by_page(entry, key)
        # `made`: one headline for each of a library's tens of thousands, at every start.
        return made(
            Headline,
            {
                "entry": entry,
                "read": read,
                "cached": cached,
                "saved": is_saved,
                "partial": partial,
                "not_article": not_article,
                "left_out": left_out,
                "key": key,
                "updated": updated,
                "taken_down": taken_down,
                "corrected": corrected,
                "retracted": retracted,
                "retracted_by_feed": by_feed,
                "tags": saved_tags(record) if record else (),
                "archived": bool(record.get("archived")) if isinstance(record, dict) else False,
                "saved_at": saved_time(record),
                # The blog's item alone: one pointing into it is one entry, of its own time.
                "live_at": (
                    self.live[key][2]
                    if cached and key in self.live and not points_into(entry.link)
                    else 0.0
                ),
            },
        )

    def _dated_by_page(self, entry: Entry, key: str) -> Entry:
        """`entry`, which its feed left undated, dated by its cached page if that says when
        (the feed's own date, when it gives one, stays: the page's may be of a revision). An
        article cached before the pages' dates were kept is read once here."""
        moment = self._page_date(key)
        return replace(entry, published=moment) if moment else entry

    def _zoned_by_page(self, entry: Entry, key: str) -> Entry:
        """`entry`, which its feed timed without a zone, at its cached page's time when that is
        the same wall-clock time with its zone, as `reader show` gives it (`filled_from`): the
        list said "16:30" in one zone while the reader said "16:30 -05:00" (acc46a A6)."""
        moment = self._page_date(key)
        if not zoned_as(entry.published, moment):
            return entry
        # An Atom entry's update at the same time is the same moment.
        updated = moment if zoned_as(entry.updated, moment) else entry.updated
        return replace(entry, published=moment, updated=updated)

    def _page_date(self, key: str) -> datetime | None:
        """The date the article cached under `key` gives, from the dates read once for the
        list (`page_dates`), or from its record for one cached before they were kept."""
        if self._dated is None:
            self._dated = self.page_dates()
        stated = self._dated.get(key)
        if stated is None:
            stated = self._dated[key] = self.read_now[key] = self.page_date(key)
        return parse_datetime(stated) if stated else None
