"""The reader app's refresh (`r`) and sync (`S`): one at a time, the status line following it,
the headlines marked as articles arrive (a few screen updates a second, however fast they come),
and the line its end leaves."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Collection, Coroutine
from contextlib import nullcontext
from datetime import datetime
from typing import Any, TypeVar

from textual.reactive import var

from ..errors import NoAnswer
from ..models import ErrorKind
from ..plural import plural
from ..refused_writes import refused_feeds_said, unkept_feeds
from ..reports import (
    FeedResult,
    SyncProgress,
    gone_for_good,
    nothing_answered,
    still_readable,
    synced_feeds,
    trimmed_words,
    unanswered_at,
)
from ..sync_lock import SyncLock
from .app_fill import ReaderAppFill
from .app_headlines import SYNC_STOPPED
from .collector import collect_and_freeze, full_collections_deferred
from .display import when
from .headlines import view_folder, view_tag
from .job_ended import JobEnded
from .keymap import keymap_of
from .messages import HeadlinesChanged
from .sync_lines import finishing_line, refusal_words, sync_summary
from .timed_refresh import TimedRefresh
from .widgets.main.row_names import folder_name

SYNC_UPDATE_INTERVAL = 0.5
"""During a sync, how often (seconds) new offline markers and the progress line are shown."""
COLLECT_AFTER_JOB = 2.0
"""Seconds after a sync or refresh ends (its result on screen) before its garbage is collected."""


T = TypeVar("T")


def _brought(
    results: list[FeedResult],
    before: tuple[float, float],
    after: tuple[float, float],
    listed: Collection[str],
) -> bool:
    """A refresh's `results` changed a feed's headlines, or something else did meanwhile (the
    store's `changed_at`, `cached_at` moved from `before` to `after`: a sync in another window,
    a feed removed), or it ended early (no results: the list is read whole again), or it
    refreshed a feed whose headlines the list (`listed`: its feeds' addresses) never read."""
    if not results or before != after:
        return True
    if any(r.feed.url not in listed for r in results):
        return True
    return any(r.error is None and not r.not_modified and r.changed for r in results)


def _network_gone(failed: list[FeedResult]) -> list[FeedResult]:
    """Of a refresh's `failed` feeds, those the network's going mid-way left (some feeds in,
    the rest not waited for: `NetworkWatch.went_away`); none when it didn't go."""
    if not any(r.error and r.error.no_answer == NoAnswer.NOT_ASKED for r in failed):
        return []
    # Not one whose failure is its own (`kept`: a site down before the network went).
    return [r for r in failed if r.error and r.error.no_answer in _CUT and not r.kept]


_CUT = frozenset({NoAnswer.NOT_ASKED, NoAnswer.REFUSED, NoAnswer.NO_HOST, NoAnswer.BROKEN_OFF})


class ReaderAppSync(ReaderAppFill):
    """The reader app's refresh and sync (see `ReaderApp`)."""

    job_ended: var[JobEnded | None] = var(None)
    """The last refresh's or sync's summary and when it ended: the status lines, which say how
    long ago (`StatusBar`), watch it; one that ended as the one before did is a change too."""

    timed: TimedRefresh | None = None
    """Which of the interval's ticks refresh (`[feeds] refresh_interval`; None: no timed
    refresh): fewer while nothing answers."""
    timed_tick_at = 0.0
    """When the timed refresh's timer last ticked, or was started (epoch seconds)."""

    refreshed_seen: var[float] = var(0.0)
    """When a feed was last refreshed, here or by another process (a cron's `reader sync`), as
    the store last said it (`Store.refreshed_at`, epoch seconds; 0 for not known): the status
    lines' "refreshed 05:24" (`StatusBar`) watch it."""

    # -- refresh and sync ----------------------------------------------------------------------
    def action_refresh(self) -> None:
        self._run_alone(self._refresh, "refresh")

    def _run_alone(
        self, job: Callable[[], Coroutine[Any, Any, None]], group: str, timed: bool = False
    ) -> None:
        """Start a refresh or a sync, unless one is running already: a second would race the
        first for the status line and the list. One the user asks for (not `timed`) brings
        the timed refresh back to its interval, if nothing answered before."""
        if not timed and self.timed is not None:
            self.timed.asked()
        if self._busy == "refreshing" and group == "sync" and self._job_task is not None:
            # A sync refreshes every feed too: the refresh gives way to it at once (the one on
            # opening, say), rather than turning away the `S` pressed at the gate.
            self._sync_next = True
            # Its feeds asked, or being asked, are the sync's: not asked again (acc36a G1).
            self._taken_over = self.lib.hand_over_refresh() or 0
            self._job_task.cancel()
            self.status = finishing_line(self._taken_over)
            return
        if self._finishing == "refreshing" and group == "sync" and not self._busy:
            # Every feed in, the list being read in: the sync takes the refresh's feeds over
            # and starts once it is (`_job`), rather than asking every feed again.
            if not self._sync_next:
                self._sync_next = True
                self._taken_over = self.lib.hand_over_refresh() or 0
            self.status = finishing_line(self._taken_over)
            return
        if self._busy:
            self.notify(f"Already busy ({self._busy}); try again when it is done.")
            return
        # A disk that filled under the reader too (a mark refused says it): the sync ran on
        # and said "1 feed failed", no word of the disk, over the line of what waits (acc49c C2).
        if self.library is not None and (refusing := self.refusing_writes()):
            self.status = f"No {group}: {refusing}, so nothing new can be kept"
            # A refresh's feeds handed over for this sync: not for a later refresh to take.
            self.library.drop_handed_over()
            self._taken_over = 0
            return
        self._run(job(), group, exclusive=True)

    def _job_asked(self) -> bool:
        """A refresh or a sync runs, or is started and not yet running (its worker waiting
        for the loop's next turn, `_busy` not set yet)."""
        return bool(self._busy) or self._under_way("sync", "refresh")

    def refresh_view(self, view: str | None) -> None:
        """Refresh the feed of `view` alone, or the feeds filed under its tag (newsboat's `r`);
        a list of no feed ("All feeds", "Saved", a search's hits), every feed, as `r` does."""
        feeds: frozenset[str] | None = None
        name = ""
        if (folder := view_folder(view)) is not None:
            feeds, name = (
                self.index.folder_urls(folder),
                f"the feeds in {folder_name(folder).plain}",
            )
        elif (tag := view_tag(view)) is not None:
            feeds, name = self.index.tagged_urls(tag), f"the feeds under #{tag}"
        elif (feed := next((f for f in self.index.feeds if f.url == view), None)) is not None:
            feeds, name = frozenset({feed.url}), feed.display_title
        self._run_alone(lambda: self._refresh(feeds, name), "refresh")

    async def _refresh(self, feeds: frozenset[str] | None = None, name: str = "") -> None:
        """Every feed refreshed, or those of `feeds` (`name` says which, in the status line)."""
        if not name:
            name = plural(len(self.index.feeds) or len(self.lib.feeds()), "feed")
        await self._job(
            "refreshing",
            f"Refreshing {name}…",
            self.lib.refresh(
                progress=self._show_progress, feeds=feeds, kept_for_sync=True, hold_network=True
            ),
            self._refresh_summary,
            lambda results: results,
        )

    async def _job(
        self,
        busy: str,
        status: str,
        work: Awaitable[T],
        summary: Callable[[T], str],
        feeds: Callable[[T], list[FeedResult]],
    ) -> None:
        """Run a refresh or a sync: the status line follows it, the list fills in as its
        feeds come, and is read again whole after."""
        self._busy = busy
        self._progress_step = None  # its first step said at once
        self.sync_progress = None
        self._job_task = asyncio.current_task()
        # The workers, started on demand, start as the job's first request connects: their
        # imports overlap the rest of its network (the parser's, and the extractor's for the
        # pages a sync or the fetch ahead reads after: imported as the first page came, it
        # held them seconds on a busy machine). Not where nothing answers (the refresh on
        # opening on a plane connects nowhere), nor while the timed refresh backs off (a
        # portal may take connections): each start was ~0.5 s of CPU to learn the network
        # was still gone (acc48b B2). Started then when a feed comes.
        articles = busy == "syncing" or self.prefetch_limit > 0
        if self.timed is None or not self.timed.backing_off:
            workers_started = self.lib.workers_at_first_connection(articles=articles)
        else:
            workers_started = nullcontext()
        self.status = status
        self._filling_starts()
        results: list[FeedResult] = []
        store = self.lib.store
        # What the reader has read in, not the store's now: a change made elsewhere that the
        # look every few seconds had not yet read in (`reader mark-read` in a shell, then `r`
        # at once) is read in by the job's end too, not taken for the job's own and lost.
        seen = (
            min(self._changed_seen, store.changed_at()),
            min(self._cached_seen, store.cached_at()),
        )
        listed = frozenset(feed.url for feed in self.index.feeds)
        try:
            with full_collections_deferred(), workers_started:
                result = await work
            results = feeds(result)
        finally:
            self._busy = ""
            self._job_task = None
            if busy == "syncing":
                self._taken_over = 0
            self._filling_ends(results)
            if self._sync_next:
                self._sync_next = False
                self.call_later(self.action_sync)
        self._finishing = busy
        try:
            await self._read_in(busy, results, seen, listed)
        finally:
            self._finishing = ""
            sync_next, self._sync_next = self._sync_next, False
            if sync_next:
                self.call_later(self.action_sync)  # with this refresh's feeds (`_run_alone`)
            elif self.library is not None:
                self.library.drop_handed_over()  # read in: a sync from now on asks again
        if sync_next:
            return  # the sync's line is the status line's, not this refresh's summary
        line = summary(result) + self._next_try(results)
        # Its time said with it, and its age as it grows: after a night open or a suspend,
        # "Refreshed 3 of 3 feeds: 0 new headlines" read as now (acc43c C4).
        self.job_ended = JobEnded(line, time.time(), synced_feeds(results) > 0)
        if results:
            self.nothing_answers = nothing_answered(results)
        self.show_unasked(line)
        if busy == "syncing":
            self.check_open_articles()  # a changed copy of one open may have come
        # The garbage the job left waited for now (no full collection during it): one
        # collection (50–180 ms measured on a busy 2-core machine), once, after the result is
        # on screen.
        self.set_timer(COLLECT_AFTER_JOB, collect_and_freeze)

    def answered_elsewhere(self) -> None:
        """A refresh or sync in another process (cron's `reader sync`) reached a feed: the
        network is back, so the timed refresh's back-off ends (acc48b: it went on until one of
        the reader's own was answered), and its line saying when it tries again gives way to
        the counts, which say when the feeds were refreshed."""
        self.nothing_answers = False
        if self.timed is None or not self.timed.backing_off:
            return
        self.timed.ended(nothing_answered=False)
        if self.job_ended is not None and self.status == self.job_ended.line:
            self.status = self.summary()

    def _next_try(self, results: list[FeedResult]) -> str:
        """The timed refresh told how the job went (`TimedRefresh.ended`); while nothing
        answers, when it tries again, for the job's line ("" otherwise)."""
        if self.timed is None or not results:
            return ""
        self.timed.ended(nothing_answered(results))
        if not self.timed.backing_off:
            return ""
        now = time.time()
        then = datetime.fromtimestamp(self.timed.next_at(self.timed_tick_at, now)).astimezone()
        return f" · trying again at {when(then, datetime.now().astimezone())}"

    async def _read_in(
        self,
        busy: str,
        results: list[FeedResult],
        seen: tuple[float, float],
        listed: frozenset[str],
    ) -> None:
        """What a refresh or a sync brought read in: the list, or a refresh that brought no
        headline, the feeds' rows alone (`_reload_feeds`)."""
        # A reload the job started must not finish after this one: it would put the idle
        # counts over the job's result line.
        self.workers.cancel_group(self, "reload")
        if self.library is not None:  # its own changes are read in now, not again
            self._changed_seen = self.library.store.changed_at()
            self._cached_seen = self.library.store.cached_at()
        if busy == "refreshing" and not _brought(results, seen, self._changed_seen_pair(), listed):
            await self._reload_feeds()
        else:
            await self.reload(freeze=False)

    def _changed_seen_pair(self) -> tuple[float, float]:
        return self._changed_seen, self._cached_seen

    async def _reload_feeds(self) -> None:
        """After a refresh that brought no headline (every feed unchanged, or failed): the
        feeds' rows read again (a `!`, a last success), not the tens of thousands of headlines,
        which a reload read whole after every refresh on opening."""
        feeds = await asyncio.to_thread(self.lib.feeds)
        self.index = self.index.with_feeds(feeds, frozenset(), [], self.index.edits)
        self.main_screen.post_message(HeadlinesChanged())

    def _refresh_summary(self, results: list[FeedResult]) -> str:
        new = sum(r.new_entries for r in results)
        unkept = unkept_feeds(results)  # the store's refusal: said once, first
        failed = [r for r in results if r.failed and r not in unkept]
        if nothing_answered(results):
            return (
                f"{unanswered_at(results)}: nothing refreshed; {still_readable(self.index.cached)}"
            )
        # A login page answering for the feeds (a hotel's Wi-Fi): the network's, said once.
        portal = next(
            (e.message for r in results if (e := r.error) and e.kind == ErrorKind.PORTAL), ""
        )
        if portal:
            return portal[0].upper() + portal[1:]
        cut = _network_gone(failed)
        # The network's going is one thing, said once below; no "!" marks those feeds. Nor
        # does a proxy's failure (`feed_refresh`): said apart, not "failed (!)" with a "!" in
        # the feed list promised that no row showed (acc50f A8).
        proxied = [r for r in failed if (e := r.error) and e.kind == ErrorKind.PROXY]
        failed = [r for r in failed if r not in cut and r not in proxied]
        # How many failed comes before what is cut: at 45 columns the line ended at its
        # count of new headlines, and the failures were never seen (acc40c R4).
        some_failed = f", {len(failed)} failed (!)" if failed else ""
        line = (
            f"Refreshed {synced_feeds(results)} of {plural(len(results), 'feed')}{some_failed}: "
            f"{plural(new, 'new headline')}"
        )
        if trimmed := trimmed_words(results):
            line += f" · {trimmed}"
        if gone := gone_for_good(results):
            line += f" · {gone}"
        if cut:
            # The network went mid-way (the feeds still out not waited for): one thing, said
            # once; no "!" marks them (`offline`), which "! in the feed list" promised.
            tried = (e for r in cut if (e := r.error) and e.no_answer != NoAnswer.NOT_ASKED)
            why = next((e.message for e in tried), "")
            line += (
                f" · the network went away during the refresh{f' ({why})' if why else ''}: "
                f"{plural(len(cut), 'feed')} not refreshed"
            )
        if proxied and (said := proxied[0].error):
            line += f" · {plural(len(proxied), 'feed')} not reached: {said.message}"
        if failed:
            first = failed[0]
            line += f" · failed: {first.feed.display_title}: {first.error.message if first.error else ''}"
            if len(failed) > 1:
                line += f" (and {plural(len(failed) - 1, 'other feed')}: ! in the feed list)"
        if self._sync_stopped:  # the refresh on opening stood over the idle line saying it
            line += SYNC_STOPPED
        if refused := refused_feeds_said(results):
            return f"{refusal_words(refused[0])}: {refused[1]} · {line}"
        return line

    def action_sync(self) -> None:
        self._run_alone(self._sync, "sync")

    async def _sync(self) -> None:
        lock = SyncLock(self.lib.data_dir)
        if not lock.take():
            self.lib.drop_handed_over()  # the other sync asks those feeds
            self._taken_over = 0
            # A cron sync, or `reader sync` in another window: not a second download of it
            # all; what it caches is marked here as it comes (`headline_marks`).
            who = lock.holder_said()
            # Said for a while, not until its progress is read in: gone in 0.1 s, `S` seemed
            # to do nothing (acc29b T8).
            self.say_for_now(
                f"{who[0].upper()}{who[1:]} is running: what it caches shows here as it comes"
            )
            return
        try:
            await self._job(
                "syncing",
                finishing_line(self._taken_over) if self._taken_over else "Syncing: starting…",
                self.lib.sync(progress=self._show_progress),
                lambda report: sync_summary(report, self._browser_key()),
                lambda report: report.feeds,
            )
        finally:
            self.lib.drop_handed_over()  # taken over by now, unless the sync stopped before
            lock.release()

    def _browser_key(self) -> str | None:
        return keymap_of(self).key("open_in_browser", "the headlines")

    def _show_progress(self, progress: SyncProgress) -> None:
        """Progress from the Library (called on the event loop) → the status line."""
        if not self._busy:
            # A job that ended (failed) with feeds still coming in: their progress must not
            # cover the line it left, as if it were still running.
            return
        if progress.feed_in is not None:
            self._feed_in(progress.feed_in)
        if self._busy != "syncing":  # a refresh of the feeds alone
            quit_key = keymap_of(self).key_everywhere("quit") or ""
            if gone := progress.network_line(quit_key, "quits"):
                self.show_unasked(f"Refreshing: {gone}")
            elif waiting := progress.waiting_line():
                total = progress.feeds_total
                done = progress.feeds_done
                self.show_unasked(f"Refreshing {plural(total, 'feed')}… ({done} done) · {waiting}")
            elif progress.phase == "feeds" and self._progress_due(
                ("feeds", progress.feeds_total, _tenth(progress.feeds_done, progress.feeds_total))
            ):
                total = progress.feeds_total
                self.show_unasked(
                    f"Refreshing {plural(total, 'feed')}… ({progress.feeds_done} done)"
                )
            return
        self.sync_progress = progress  # what quitting leaves, said as the reader ends
        if progress.cached is not None:
            self._arrived[progress.cached.id] = progress.in_part
        if progress.phase == "feeds" and progress.feeds_done < self._taken_over:
            # The feeds a refresh brought are being counted in: its line stands, not a count
            # from 0 as if they were asked again.
            return
        if progress.phase == "indexing":
            # Shown at once, not batched: the sync's end pauses for it (seconds for thousands).
            self._pending_status = progress.indexing_line()
            self.show_unasked(self._pending_status)
            return
        line = f"Syncing: articles {progress.articles_done}/{progress.articles_total}"
        if not progress.feeds_finished:
            line = f"Syncing: feeds {progress.feeds_done}/{progress.feeds_total}, " + line[9:]
        if failed := progress.failures_line():
            line += f", {failed}"
        if progress.pictures_total:
            line += f", pictures {progress.pictures_done}/{progress.pictures_total}"
        # Quitting is what stops a sync here (the next `S` carries on): its key in force.
        quit_key = keymap_of(self).key_everywhere("quit") or ""
        if gone := progress.network_line(quit_key, "quits, keeping what came"):
            # First, and at once: the network's going is the one thing to know (acc38).
            self._pending_status = f"Syncing: {gone} · {line[9:]}"
            self.show_unasked(self._pending_status)
            return
        if waiting := progress.waiting_line(quit_key, "quits, keeping what came"):
            line += f" · {waiting}"
        if progress.feeds_finished:
            total = progress.articles_total
            step = ("articles", total, _tenth(progress.articles_done, total))
        else:
            step = (
                "feeds",
                progress.feeds_total,
                _tenth(progress.feeds_done, progress.feeds_total),
            )
        # Else the line shown stands: the marks in the list still follow each article.
        # What it waits for at its end joins the line at its next step (5 s at most).
        pictures = _tenth(progress.pictures_done, progress.pictures_total)
        due = self._progress_due((*step, failed, pictures))
        if due:
            self._pending_status = line
        if not self._flush_pending:
            # Show this now, then batch what arrives meanwhile: a few screen updates a
            # second, however fast articles come in.
            if due:
                self.show_unasked(line)
            self._flush_pending = True
            self.set_timer(SYNC_UPDATE_INTERVAL, self._flush_sync_progress)

    def _progress_due(self, step: tuple[object, ...]) -> bool:
        """Whether a job's progress is said anew: at its first step, at each tenth of its feeds
        or articles (a new failure, a phase: at once), else every `progress_every`
        seconds. Each article changed the line, twice a second for a whole sync, and a screen
        reader that speaks the screen's changes (Orca, speakup) read each over the headline
        the user was on (acc42a A16); the list's marks still show each article come."""
        now = time.monotonic()
        if step == self._progress_step and now - self._progress_at < self.progress_every:
            return False
        self._progress_step, self._progress_at = step, now
        return True

    def _flush_sync_progress(self) -> None:
        self._flush_pending = False
        arrived, self._arrived = self._arrived, {}
        changed = []
        for entry_id, part in arrived.items():
            headline = self.index.set_cached(entry_id, partial=part)
            if headline is None and self._busy == "syncing":
                self._arrived[entry_id] = part  # its feed's headlines are not in the list yet
            changed.append(headline)
        self._changed(changed)
        if self._busy == "syncing" and self._pending_status:
            self.show_unasked(self._pending_status)


def _tenth(done: int, total: int) -> int:
    """Which tenth of `total` `done` has reached (10: all of it)."""
    return done * 10 // total if total > 0 else 0
