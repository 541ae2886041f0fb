"""What a `Library` holds and starts: its data directory, store, `Fetcher` and workers for CPU
work (`CpuWorkers`), opened on first use and closed with it; and the two readings every layer above shares
(an entry's article address, the time now)."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, Self, TypeVar

from ..config import DEFAULT_LIMITS, Config, FetchLimits
from ..cpu_workers import CpuWorkers
from ..models import Article, Entry, Reach, SiteRule, StoreError
from ..portal import SITE_PAGE_KEPT, PortalWatch
from ..priority_gate import Urgency
from ..reports import PicturesTally
from ..store import Store
from ..workers import QUIT_GRACE

if TYPE_CHECKING:
    import asyncio

if (
    TYPE_CHECKING
):  # the network and parsing stacks are imported on first use: `reader list` starts fast
    from ..fetch import Fetcher
    from ..ignore_rules import IgnoreRule
    from ..models import Reach
    from ..pictures import KeptPicture
    from ..reports import FeedResult
    from ..search_feeds import SearchFeed
    from .feed_handover import FeedAsks

    PictureAsked = tuple[str, Reach | None]
    PictureFound = tuple[KeptPicture, bytes | None]

P = ParamSpec("P")
T = TypeVar("T")


HELD_WAIT = 2.0
"""Seconds a write in the background (`_in_background`'s, the reader's queued changes) waits
for another program holding the store, not SQLite's 30: one still waiting as the reader quit
held its end back that long, and the reader said nothing of it meanwhile (acc33b B6)."""


BackgroundKind = Literal["place", "opened"]
"""What a write in the background keeps: a reading place, or the note of an article opened
(when it was last read, for eviction; a change a sync found in it seen)."""


@dataclass(frozen=True)
class NotesNotKept:
    """The writes in the background the store still refused as the library closed
    (`keep_notes_before_close`): counted by what they kept, with the store's reason."""

    places: int = 0
    """Reading places (each shown this session only, not in the next)."""
    opened: int = 0
    """Notes of articles opened."""
    why: StoreError | None = None


def _link(target: Entry | str) -> str:
    """The article URL of an entry, or the URL itself."""
    return target.link if isinstance(target, Entry) else target


def _now() -> datetime:
    return datetime.now(UTC)


class LibraryResources:
    """The store, the fetcher and the workers of a `Library`, and their lifecycle."""

    def __init__(
        self,
        data_dir: Path,
        limits: FetchLimits = DEFAULT_LIMITS,
        workers: Literal["process", "thread"] = "thread",
        cache_max_bytes: int = 0,
        site_rules: dict[str, SiteRule] | None = None,
        drop_read_after: float = 0.0,
        ignore: Sequence[IgnoreRule] = (),
        max_items: int = 0,
        searches: Sequence[SearchFeed] = (),
        upgrade: bool | str = True,
        keep_pictures: bool = False,
        processes: int = 0,
        pictures_on_open: bool = True,
    ) -> None:
        self.data_dir = data_dir
        # Whether an article's download keeps its pictures (`pictures`): the config's
        # `[cache] keep_pictures`, which `configured` gives; off for a library made in code.
        self.keep_pictures = keep_pictures
        # Whether the config keeps them, though this sync doesn't (`--no-pictures`): the
        # articles owing theirs are counted in its recap for the next to fetch.
        self.pictures_wanted = keep_pictures
        # Whether opening a cached article fetches the pictures it owes: not when the config
        # asks for a reader that touches the network only when told (`Config.quiet_opening`),
        # which opened a hotlink-refused picture's article and asked its CDN (acc48a A2).
        self.pictures_on_open = pictures_on_open
        # The downloads of articles' pictures under way (`pictures`), and a turn for each of
        # a few articles at once: each holds its pictures (20 MB at most) till all are in.
        self._picture_tasks: dict[str, asyncio.Task[None]] = {}  # by the article's address
        self._picture_turns: asyncio.Semaphore | None = None  # made on the loop, when needed
        # The pictures being fetched, by address (and the reach it was led with), for another
        # article showing one to wait for (its bytes with it); and those kept since a sync's
        # start, the same address then asked of none (a site's lead image on each of its
        # articles), forgotten at its end (`pictures_settled`).
        self._picture_fetches: dict[PictureAsked, asyncio.Future[PictureFound]] = {}
        self._pictures_fetched: dict[PictureAsked, KeptPicture] = {}
        # The bytes of those fetched that no article's put has stored yet: another article
        # taking one (above) meanwhile, its put first, had nothing to keep (the store had no
        # bytes) and its article went without its pictures till the next sync.
        self._pictures_unput: dict[PictureAsked, bytes] = {}
        # The pictures begun, done and kept since it opened (a sync counts its own), and what a
        # sync hears as each is done (its progress), while one runs.
        self.picture_tally = PicturesTally()
        self._picture_heard: Callable[[], None] | None = None
        # Told, on the loop, of each article whose pictures were just kept: its address and
        # its pictures as the store now has them (the reader marks those of the one open).
        self.pictures_kept: Callable[[str, list[KeptPicture]], None] | None = None
        # The config's `[[search]]` tables (`LibrarySearchFeeds`: those kept here besides).
        self.configured_searches = tuple(searches)
        self.limits = limits
        # Bytes one sync downloads at most (`download_cap`; 0: no cap): the config's, or
        # `reader sync --max-download`'s.
        self.max_download = limits.max_download
        self.cache_max_bytes = cache_max_bytes  # applied after each sync; 0 for no limit
        # Seconds after which a read headline is dropped, after each sync (`retention`); 0: never
        self.drop_read_after = drop_read_after
        self.max_items = max_items  # the headlines a feed keeps, its newest; 0: all it carries
        self.site_rules = site_rules or {}
        self.ignore = tuple(ignore)  # the items a refresh leaves out (`ignore_rules`)
        self.store = Store(data_dir, upgrade)  # an older format upgraded, unless to read only
        with suppress(StoreError):  # a full disk, a store held: the next opening moves them
            self.store.passwords_out_of_keys()
        self.cpu = CpuWorkers(workers, processes)  # `processes`: `[system] workers`, 0 auto
        self._fetcher: Fetcher | None = None
        # Held while it is made: the reader makes it in a thread at its start (its TLS context
        # took ~0.4 s of a busy machine's event loop), while a key may ask for it on the loop.
        self._fetcher_made = threading.Lock()
        self._inflight: dict[str, asyncio.Future[Article]] = {}
        # Whether the user waits for each download under way (`priority_gate.Urgency`).
        self._urgencies: dict[str, Urgency] = {}
        # Those of the prefetch's articles, from when each is asked for (`article_ahead`): its
        # download may not have begun when the user opens it (`wait_for`).
        self._ahead: dict[str, Urgency] = {}
        # Writes nothing waits for, under way in threads (`_in_background`): `aclose` waits.
        self._notes: set[asyncio.Future[None]] = set()
        # Those the store refused, by what they keep and whose (an article's address), to try
        # again as the library closes, and why the last was refused: a refusal was dropped
        # without a word, a reading place lost as the reader quit (`keep_notes_before_close`).
        self._notes_refused: dict[tuple[BackgroundKind, str], Callable[[], object]] = {}
        self._notes_refusal: StoreError | None = None
        # Reading places given to such a write and not yet in the store, by article address
        # (a record, or None for "at its start"): an article reopened at once, or on a busy
        # machine, is opened where it was left, not where the store still says.
        self._places_pending: dict[str, dict[str, object] | None] = {}
        # Held by each place's write, so that two writes of one article's place, in two
        # threads, can't land the older last.
        self._places_written = threading.Lock()
        # Downloads of articles over several pages whose first page is in, and who waits to
        # hear of it (`hear_first_page`), by canonical address.
        self._first_pages: dict[str, Article] = {}
        self._first_page_hearers: defaultdict[str, list[Callable[[Article], None]]] = defaultdict(
            list
        )
        # How many wait for each download (`_fetch_once`), and the downloads whose page has come
        # (a worker reads and caches it however the download ends): a sync stops one only
        # when it alone waits and nothing came yet (`_give_up_download`).
        self._waiting: Counter[str] = Counter()
        self._pages_in: set[str] = set()
        self._portal = PortalWatch()  # a Wi-Fi login page answering in every page's place
        # One found by a run minutes ago (a sync's: every feed answered with it) is named so
        # by this one's first page (`reader show`, `add`, the reader's refresh on opening).
        with suppress(StoreError, ValueError):
            now = time.time()
            site_pages = {
                k for k, at in self.store.site_pages().items() if now - at < SITE_PAGE_KEPT
            }
            for print_hex in site_pages:
                self._portal.recall_site_page(bytes.fromhex(print_hex))
            for print_hex, (title, at) in self.store.portals().items():
                if print_hex not in site_pages:  # taken for one before it was found a site's
                    self._portal.recall(bytes.fromhex(print_hex), title, now - at)
        # The class of address each feed's fetch came through this run (`leads`), by its URL.
        self._feed_reaches: dict[str, Reach] = {}
        # The running refresh's fetch of each feed, by its URL; None for one stopped as it was
        # unsubscribed from meanwhile (`LibraryFeedRefresh.stop_refreshing`).
        self._refreshing: dict[str, asyncio.Task[FeedResult | None] | None] = {}
        # The running refresh's fetches of its feeds, and those of a refresh stopped for a
        # sync that takes them over (`hand_over_refresh`), until the sync's refresh does.
        self._feed_asks: FeedAsks | None = None
        self._handed_over: FeedAsks | None = None
        # The fetches of the refresh that ended last (`kept_for_sync`: the reader's), each
        # done, until its face has read it in (`drop_handed_over`): a sync asked for meanwhile
        # takes them over as it would a running refresh's.
        self._refreshed: FeedAsks | None = None
        # When each article (by canonical address) was last downloaded and cached whole here
        # (the reader's fetch ahead, an article opened): a sync that found it uncached at its
        # start counts it as already cached, not fetched again (acc36a G1).
        self._cached_lately: dict[str, float] = {}
        # Feeds' merges into the store, one at a time, in a thread (`_in_store_thread`), on
        # the loop that made the lock.
        self._merging: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    @classmethod
    def configured(
        cls,
        data_dir: Path,
        config: Config,
        workers: Literal["process", "thread"] = "thread",
        upgrade: bool | str = True,
    ) -> Self:
        """A library of `data_dir` as the user's `config` sets it up: the reader's and every
        command's."""
        return cls(
            data_dir,
            limits=config.limits,
            workers=workers,
            cache_max_bytes=config.cache_max_bytes,
            drop_read_after=config.drop_read_after,
            site_rules=config.site_rules,
            ignore=config.ignore,
            max_items=config.max_items,
            searches=config.searches,
            upgrade=upgrade,
            keep_pictures=config.keep_pictures,
            processes=config.workers,
            pictures_on_open=not config.quiet_opening,
        )

    @property
    def read_only(self) -> str:
        """Why nothing new can be kept (a full disk, a read-only directory), "" when it can:
        what is cached still reads."""
        return self.store.read_only

    def conflict_said(self) -> str:
        """The line a start says of a file sync's conflicting copies of the library beside
        it (`store.cache_files.conflict_copies`), "" when there is none."""
        from ..store.cache_files import conflict_copies, conflict_said

        return conflict_said(conflict_copies(self.data_dir))

    @property
    def read_only_tag(self) -> str:
        """`read_only` in a few words, for a status line."""
        return self.store.read_only_tag

    def articles_cached(self) -> int:
        """How many articles are cached (one query)."""
        return len(self.store.article_keys())

    def writable_again(self) -> bool:
        """Whether new things can be kept: after a full disk, once space was freed, they can
        again (`StoreDirectory.writable_again`)."""
        return self.store.writable_again()

    def write_waiting_at_most(self, seconds: float, write: Callable[[], T]) -> T:
        """`write()`, here, waiting at most `seconds` for another program holding the store
        (`StoreDirectory.waiting_at_most`): past them, StoreError(BUSY), nothing written."""
        with self.store.waiting_at_most(seconds):
            return write()

    def give_up_waiting(self, after: float) -> None:
        """No store call waits for another program holding it past `after` seconds from now
        (`StoreDirectory.give_up_waiting`): the reader quitting."""
        self.store.give_up_waiting(after)

    # -- lifecycle -----------------------------------------------------------------------------
    def _in_background(
        self, kind: BackgroundKind, url: str, write: Callable[..., object], *args: Any
    ) -> None:
        """`write(*args)`, a store write no one waits for (the `kind` of note of the article
        at `url`), run in a thread: another program holding the store (a `reader sync`
        writing, a backup tool) held the reader's event loop for SQLite's 30 s wait. One the
        store refuses (held past `HELD_WAIT`, a full disk) is tried again as the library
        closes, and counted if it is still refused then (`keep_notes_before_close`); a later
        one of the same kind and article, written, stands for it. Called on the event loop.
        Not on a directory of an older format read until a write upgrades it: a note of
        reading is no write of the command's (acc47d D5: `show` of a cached article upgraded
        it, the older reader locked out)."""
        import asyncio

        if self.store.upgrades_at_write:
            return

        written = partial(write, *args)

        async def write_it() -> None:
            try:
                await asyncio.to_thread(self.write_waiting_at_most, HELD_WAIT, written)
            except StoreError as error:
                self._note_refused(kind, url, written, error)
            else:
                self._notes_refused.pop((kind, url), None)

        task = asyncio.ensure_future(write_it())
        self._notes.add(task)
        task.add_done_callback(self._notes.discard)

    def _noted_here(self, write: Callable[..., object], *args: Any) -> None:
        """`_in_background`'s write made in this thread, for a command with no event loop
        (`offline_article`): one the store refuses is dropped, as a command's close drops
        those refused in the background."""
        if not self.store.upgrades_at_write:
            with suppress(StoreError):
                self.write_waiting_at_most(HELD_WAIT, partial(write, *args))

    def _note_refused(
        self, kind: BackgroundKind, url: str, write: Callable[[], object], error: StoreError
    ) -> None:
        # A store opened to read only was said as the reader opened ("nothing new is kept
        # (marks, places, articles)"): not again for each article read.
        if not self.store.read_only:
            self._notes_refused[kind, url] = write
            self._notes_refusal = error

    @property
    def notes_refused(self) -> bool:
        """Whether writes in the background were refused and wait to be tried again."""
        return bool(self._notes_refused)

    async def write_refused_notes(self) -> None:
        """The writes in the background the store refused, tried again in turn until it
        refuses one (held still, each would wait in turn): a reading place refused while
        another program held the store is kept once it lets go, not only shown this session.
        Called on the event loop."""
        import asyncio

        for key, write in list(self._notes_refused.items()):
            try:
                await asyncio.to_thread(self.write_waiting_at_most, HELD_WAIT, write)
            except StoreError as error:
                self._notes_refusal = error
                return
            self._notes_refused.pop(key, None)

    async def keep_notes_before_close(self) -> NotesNotKept:
        """The writes in the background awaited, and those the store refused tried once more
        (`write_refused_notes`); what is still not written then, counted. Called on the event
        loop, before `aclose`."""
        import asyncio

        if self._notes:
            await asyncio.gather(*self._notes, return_exceptions=True)
        await self.write_refused_notes()
        kinds = [kind for kind, _ in self._notes_refused]
        if not kinds:
            return NotesNotKept()
        return NotesNotKept(kinds.count("place"), kinds.count("opened"), self._notes_refusal)

    async def aclose(self) -> None:
        import asyncio

        if self._notes:
            await asyncio.gather(*self._notes, return_exceptions=True)
        if self._fetcher is not None:
            # What timed out on its last try is asked once by the next run too (`unanswered`).
            unanswered = self._fetcher.retries.unanswered
            with suppress(StoreError):  # a full disk: the next run tries it as before
                if unanswered.changed:
                    self.store.set_unanswered(unanswered.record())
                # A host's 429 wait outlasts the run that was told it (acc40b P3).
                if self._fetcher.retries.held_changed:
                    self.store.set_held_hosts(self._fetcher.retries.held_record())
            await self._fetcher.aclose()
            self._fetcher = None
        self.close()

    def close(self) -> None:
        # Quitting on a held store, its wait over: a worker's write still waiting on the holder
        # has begun nothing, and its grace held the reader's end 2 s past the quit's 5.
        left = self.store.give_up_left
        self.cpu.close(None if left is None else max(QUIT_GRACE, left))
        self.store.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def fetcher(self) -> Fetcher:
        with self._fetcher_made:
            if self._fetcher is None:
                from ..fetch import Fetcher

                fetcher = Fetcher(self.limits, self.site_rules)
                with suppress(StoreError):
                    fetcher.retries.unanswered.remember(self.store.unanswered())
                    fetcher.retries.remember_held(self.store.held_hosts())
                self._fetcher = fetcher
        return self._fetcher

    def start_workers(self, articles: bool = True) -> None:
        """Start the pool for CPU work now, so its start-up overlaps the network
        (`CpuWorkers.start`)."""
        self.cpu.start(articles)

    def workers_when_needed(self, articles: bool = True) -> None:
        """Start the pool for CPU work when work first comes, not before: a sync whose feeds
        all answer "not modified" has none (`CpuWorkers.when_needed`)."""
        self.cpu.when_needed(articles)

    def workers_on_demand(self, idle_end: float) -> None:
        """Start the pool for CPU work when work first comes or is on its way, and end it
        after `idle_end` seconds without work (`CpuWorkers.on_demand`): a reader left open."""
        self.cpu.on_demand(idle_end)

    def start_workers_soon(self, feeds: bool = True, articles: bool = True) -> None:
        """Start the workers asked for `workers_when_needed` now, in a thread: a sync's first
        page is on its way (`CpuWorkers.start_soon`; a refresh's `feeds`, or pages'
        `articles`, what the first worker started on demand is warmed with)."""
        self.cpu.start_soon(feeds, articles)

    @contextmanager
    def workers_at_first_connection(
        self, feeds: bool = True, articles: bool = True
    ) -> Iterator[None]:
        """Within: the workers asked for `workers_when_needed` start (`start_workers_soon`)
        as the first request made in it connects, the network found there, and no sooner:
        a refresh where nothing answers (refused, unreachable, no name found: a reader
        opened on a plane) connects nowhere, and started them for nothing (~0.5 s of CPU).
        A connection comes a round trip after the request goes, well before its answer to
        parse; work that comes with none made (a pooled connection's) starts them itself."""
        from ..connection_watch import CONNECTED  # asyncio under it: a job's, not `list`'s

        token = CONNECTED.set(partial(self.start_workers_soon, feeds, articles))
        try:
            yield
        finally:
            CONNECTED.reset(token)

    def start_page_workers(self) -> None:
        """Start the workers that read pages now, at a command's start: forked, before any
        thread (`CpuWorkers.start_pages`)."""
        self.cpu.start_pages()

    @property
    def _pool(self) -> Executor | None:
        """The pool the library's CPU work goes to now (started, or None)."""
        return self.cpu.pool

    async def _cpu(self, fn: Callable[P, T], *args: Any) -> T:
        """Run CPU work off the event loop (`CpuWorkers.run`)."""
        return await self.cpu.run(fn, *args)

    async def _cpu_within_time(self, fn: Callable[P, T], *args: Any) -> T:
        """`_cpu` for reading one page, given `FetchLimits.extract_seconds` of the worker's
        time (`within_time`): past them, FetchError(TOO_SLOW), and the worker takes the next."""
        return await self.cpu.run(fn, *args, within=self.limits.extract_seconds)

    @property
    def _worker_store(self) -> Store | Path:
        """The store as a worker reaches it: by its directory from another process."""
        return self.data_dir if self.cpu.pages_in_processes else self.store
