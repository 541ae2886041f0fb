"""A data directory opened as a `Store` uses it: its two caches (`state/` and `articles/`),
its format checked (a newer reader's refused, an older one's marked), every SQLite and OS error
of a public method made a `StoreError` that says what happened to the directory (its words in
`storage_errors`, the files' own troubles in `cache_files`, an upgrade's in `format_upgrade`),
and the JSON records the layers above read and write (a damaged one dropped and reported; their
text in `record_json`)."""

from __future__ import annotations

import functools
import json
import logging
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import diskcache
from diskcache.core import DBNAME

from ..data_format import DATA_FORMAT
from ..data_path import check_data_path
from ..log_index import room_for_log_index
from ..models import StoreError, Unwritable
from ..own_folder import make_private_folder
from ..plural import plural
from ..safe import safe_line
from ..sync_lock import InUseLock
from .cache_files import emptied_file_line
from .caches import ReadOnlyCache, open_cache, read_only
from .data_disk import MissingValueFile, RefusedRecord
from .format_upgrade import (
    UPGRADE_AT_FIRST_WRITE,
    UPGRADE_UNLESS_OPEN,
    upgrade_blocked,
    upgrade_put_off_said,
)
from .holder_waits import HolderWaits
from .ownership import disk_full, not_ours_said, refused_write, run_as_root_on_theirs
from .record_batches import clean_rows
from .record_json import ANY_SHAPE, record_text, whole_part
from .storage_errors import (
    busy_error,
    database_full,
    mending_error,
    os_error,
    refused_error,
    storage_error,
    write_refused,
)

# The name it had before the split into modules: a logging setup may name it.
log = logging.getLogger("reader.store")

_FORMAT = "format"


class _Calls(threading.local):
    """How deep in the store's public calls a thread is (`_reporting_storage_errors`)."""

    depth = 0


_UPGRADING = threading.Lock()


C = TypeVar("C", bound=type)

# What a copy of a damaged record is not named with (`_keep_aside`): a key's address's "/",
# and anything a shell or another system would read otherwise.
_NOT_IN_FILE_NAME = re.compile(r"[^\w.:,=+-]")


def _reporting_storage_errors(cls: C) -> C:
    """Every public method of `cls` turns SQLite and OS errors into a StoreError."""

    def wrap(method: Any) -> Any:
        @functools.wraps(method)
        def guarded(self: StoreDirectory, *args: Any, **kwargs: Any) -> Any:
            # Whether the article cache was set aside as the call began: a call begun on the
            # damaged file is retried once on the stand-in, one begun on the stand-in never.
            aside_before = bool(self.articles_damaged)
            # How deep in the store's own calls this one is, in this thread: a directory read
            # as it is is upgraded by the outermost, which is made again whole, never by one
            # inside another's transaction on the caches it replaces.
            outer = self._calls.depth == 0
            self._calls.depth += 1
            try:
                if self._waits.give_up_at is not None:  # each call waits what is left then
                    self._set_wait(self._waits.wait_now())
                return method(self, *args, **kwargs)
            except diskcache.Timeout:
                raise busy_error(self.root, self._waits.said()) from None
            except sqlite3.DatabaseError as error:
                if "database is locked" in str(error):
                    raise busy_error(self.root, self._waits.said()) from None
                if self.upgrades_at_write and write_refused(error):
                    if not outer:
                        raise  # for the outermost call to upgrade it
                    # Nothing written yet (every write refused): the call made again, whole.
                    self._calls.depth = 0
                    self._upgrade_now()
                    return guarded(self, *args, **kwargs)
                if self.articles_damaged and write_refused(error):
                    raise StoreError(self.articles_damaged) from None
                if self.read_only and write_refused(error):
                    raise StoreError(self.read_only, self.read_only_tag or None) from None
                if not aside_before and self._set_articles_aside(error):
                    return guarded(self, *args, **kwargs)  # once: they are set aside now
                raise storage_error(self.root, error) from None
            except OSError as error:
                raise os_error(self.root, error) from None
            finally:
                self._calls.depth = 0 if outer else self._calls.depth - 1

        return guarded

    for name, member in list(vars(cls).items()):
        if callable(member) and not name.startswith("_"):
            setattr(cls, name, wrap(member))
    return cls


_SETTING_ASIDE = threading.Lock()
"""Held while a damaged article cache is checked and set aside (`_set_articles_aside`)."""


CACHE_SETTINGS: dict[str, Any] = {
    "eviction_policy": "none",
    "size_limit": 2**62,
    "timeout": 30,
    # SQLite's page cache, per connection, and diskcache opens one per thread that reads (the
    # reader's worker threads, a search's, the sync's): at diskcache's 8,192 pages (32 MB)
    # each, the reader grew by ~18 MB a thread, 175 → 292 MB over 300 articles and 163 → 392
    # MB with two searches (acc30b P4, P2). Reads come through the memory map and the
    # system's file cache as fast (benchmarks/store_threads.py).
    "sqlite_cache_size": 2**9,
}
"""diskcache's settings for both caches (kept in each cache's Settings table)."""


@_reporting_storage_errors
class StoreDirectory:
    """The caches of one data directory, opened and closed (see `Store`)."""

    def __init__(self, root: Path, upgrade: bool | str = True) -> None:
        self.root = root
        self._upgrade = upgrade
        """Whether a directory of an older format is upgraded as it opens; not for a command
        that only reads (`reader list`), which reads it as it is, as on a read-only disk; at
        its first write for `UPGRADE_AT_FIRST_WRITE`."""
        self.upgraded_from: int | None = None
        """The older format this opening upgraded the directory from, for the caller to say
        once (`upgrade_said`): an older reader (another machine's, a cron box's) can no longer
        open it."""
        self.upgrades_at_write = False
        """Whether the directory, read as it is, is upgraded by the first write (`_upgrade_now`)."""
        self._calls = _Calls()
        self.on_upgrade: Callable[[int], None] | None = None
        """Told the older format when a write upgrades the directory, to say so at once."""
        self.older_format: int | None = None
        """The older format of a directory read as it is (not to `upgrade`)."""
        self.upgrade_put_off = ""
        """Why a directory of an older format was read as it is though the reader was told to
        upgrade it (`UPGRADE_UNLESS_OPEN`), "" when it was not."""
        self.problems: list[str] = []  # damaged records found (and dropped) since opening
        self.given_back: dict[str, int] = {}
        """Items of damaged records other records gave back (`_given_back`), by key."""
        self.articles_damaged = ""
        """The line saying the article cache is damaged, when it was found so with the
        subscriptions' sound: read as empty since (`_set_articles_aside`), a write to it
        refused with this line."""
        self._stand_in: Path | None = None
        self.not_here: set[str] = set()
        """Keys of state's records whose value file is not there (yet): kept, read as empty,
        said once: by the reader as its lists come in, else as the store closes
        (`not_here_said`). A file sync delivers `cache.db` and its `.val` files in any order,
        a backup may leave out the latest: dropped, every feed's headline list was gone for
        good when its file came (acc42b B7)."""
        self._not_here_told: set[str] = set()
        """Those of `not_here` a face has said (`tell_not_here`): not said again at close."""
        settings = dict(CACHE_SETTINGS)
        self._settings = settings
        self._waits = HolderWaits(settings["timeout"])
        """How long calls wait for another program holding the store (`waiting_at_most`,
        `give_up_waiting`), the writes under way too (the caches ask it: `WaitingCache`)."""
        if root.exists() and not root.is_dir():
            raise StoreError(f"the data directory {root} is a file, not a directory")
        check_data_path(root)
        if said := run_as_root_on_theirs(root):  # before anything of root's is made there
            raise StoreError(said)
        self.read_only = ""
        """Why the directory was opened to read only ("" when it takes writes): said in one
        line by whatever it refuses to keep."""
        self.read_only_tag: Unwritable | str = ""
        self.not_ours = ""
        """Why, when the directory's files are another user's (restored by root): a command
        that only reads says it, once, as it reads (acc43b B9)."""
        """The same in a few words, for a status line: "the disk is full"."""
        if emptied := emptied_file_line(root):
            raise StoreError(emptied)
        self._in_use = InUseLock(root)
        try:
            self._open(root, settings)
        except BaseException:
            self._in_use.release()
            raise

    def _open(self, root: Path, settings: dict[str, Any]) -> None:
        try:
            make_private_folder(root)
            if not self._in_use.held_alone_here() and not self._in_use.take():
                raise mending_error(root)
            self._state = open_cache(root / "state", waits=self._waits, **settings)
            try:
                self._articles = open_cache(root / "articles", waits=self._waits, **settings)
            except sqlite3.DatabaseError as error:  # its Settings on a damaged page
                if not self._set_articles_aside(error):
                    self._state.close()
                    raise
        except (sqlite3.DatabaseError, OSError) as error:
            if read_only(root):
                tag = Unwritable.READ_ONLY
                reason = (
                    f"the data directory {root} is read-only: what is cached reads, "
                    "nothing new is kept (marks, places, articles)"
                )
            elif isinstance(error, sqlite3.DatabaseError) and write_refused(error):
                # The directory ours, its files another's (restored by root, acc43b B9): read
                # as a read-only one is, the line naming whose they are and the fix.
                tag = Unwritable.READ_ONLY
                reason = self.not_ours = not_ours_said(root) or (
                    f"the cache files in {root} can't be written: what is cached reads, "
                    "nothing new is kept (marks, places, articles)"
                )
            elif (
                database_full(error)
                if isinstance(error, sqlite3.DatabaseError)
                else disk_full(error)
            ):
                tag = Unwritable.DISK_FULL
                reason = (
                    f"the disk holding {root} is full: what is cached reads, nothing new is kept "
                    "(marks, places, articles) until some space is freed on it"
                )
            else:
                tag = reason = ""
            if reason:
                # Opening writes (diskcache records its settings): a full disk or a read-only
                # one would keep the reader from what it has cached, offline, when it matters.
                self._open_to_read(reason, error)
                self.read_only_tag = tag
                return
            if isinstance(error, sqlite3.DatabaseError):
                raise storage_error(root, error) from None
            raise StoreError(
                refused_write(root, error, "open")
                or f"cannot open the data directory {root}: {error.strerror or error}"
            ) from None
        self._check_format()

    def _check_format(self) -> None:
        # Called as the directory opens, where no public method's guard turns a damaged page
        # into the line naming the file and `reader repair`: every command ended in a
        # traceback on a damaged index page of state's cache file (acc32b B7).
        try:
            self._read_format()
        except sqlite3.DatabaseError as error:
            self.close()
            raise storage_error(self.root, error) from None

    def _read_format(self) -> None:
        found = self._value(self._state, _FORMAT)
        if isinstance(found, int) and found > DATA_FORMAT:
            self.close()
            raise StoreError(
                f"the data directory {self.root} was written by a newer reader (format {found}, "
                f"this one reads {DATA_FORMAT}); upgrade reader-tui to read it (nothing was changed)"
            )
        if found != DATA_FORMAT and not self.read_only:
            if isinstance(found, int) and self._upgrade in (True, UPGRADE_UNLESS_OPEN):
                upgraded = self._marked_upgraded(found)
                self._still_held()
                if upgraded:
                    return
                if self._upgrade is True:
                    self.close()
                    raise upgrade_blocked(self.root, found)
                self.upgrade_put_off = upgrade_put_off_said(self.root, found)
            if isinstance(found, int):
                # Read as it is, as on a read-only disk: the older reader sharing it (a synced
                # folder, another machine) still opens it after a `reader list` here.
                self._state.close()
                self._articles.close()
                self.older_format = found
                self._open_to_read(
                    f"the data directory {self.root} is of an older format ({found}): read as it"
                    " is; a command that changes it upgrades it",
                    OSError(f"cannot open the data directory {self.root}"),
                )
                self.read_only_tag = Unwritable.OLDER_FORMAT
                self.upgrades_at_write = self._upgrade == UPGRADE_AT_FIRST_WRITE
                return
            # A directory from before the marker (or a new one): its records are checked one by
            # one as they are read, so marking it is all the upgrade there is to do.
            with suppress(sqlite3.DatabaseError, OSError):
                self._marked_new()
                self._state.set(_FORMAT, DATA_FORMAT)

    def _marked_upgraded(self, older: int) -> bool:
        """Whether the directory, of format `older`, was marked as this reader's: not while
        another process has it open, none opening it meanwhile. Its records are read as they
        are and written anew in this format, so marking it is all the upgrade there is."""
        with self._in_use.alone_for_now() as alone:
            if alone:
                with suppress(sqlite3.DatabaseError, OSError):
                    self._state.set(_FORMAT, DATA_FORMAT)
                    self.upgraded_from = older
        return alone

    def _upgrade_now(self) -> None:
        """The directory read as it is (`upgrades_at_write`) opened to write and upgraded: at
        the command's first write, or before a job that writes (`check_writable`). A
        StoreError when another process has it open (read as it is still)."""
        with _UPGRADING:  # once: the reader's threads may write at once
            if self.upgrades_at_write:
                self._upgraded_now()

    def _upgraded_now(self) -> None:
        older = self.older_format
        assert older is not None
        try:
            self._upgraded_alone(older)
        finally:
            self._still_held()  # said over the refusal: nothing more is read of it
        if self.on_upgrade is not None:
            self.on_upgrade(older)

    def _still_held(self) -> None:
        """Raises the StoreError of `reader repair` mending, the store closed, when the switch
        of an upgrade let the in-use lock go for good (`InUseLock.lost`: an older reader's
        repair took it in between): no file is read or written while repair mends it."""
        if self._in_use.lost:
            self.close()
            raise mending_error(self.root)

    def _upgraded_alone(self, older: int) -> None:
        with self._in_use.alone_for_now() as alone:
            if not alone:
                raise upgrade_blocked(self.root, older)
            state = open_cache(self.root / "state", waits=self._waits, **self._settings)
            try:
                articles = open_cache(self.root / "articles", waits=self._waits, **self._settings)
            except BaseException:
                state.close()
                raise
            self._state.close()
            self._articles.close()
            self._state, self._articles = state, articles
            self.read_only = self.read_only_tag = ""
            self.upgrades_at_write, self.older_format = False, None
            self._state.set(_FORMAT, DATA_FORMAT)
            self.upgraded_from = older

    def _marked_new(self) -> None:
        """A directory with no format marked (new, or from before the marker) as of this
        format where it holds nothing to upgrade (`StoreFeeds` says)."""

    def _open_to_read(self, reason: str, error: Exception) -> None:
        """The caches opened to read only, for `reason`; `error`'s message when they can't be."""
        try:
            self._state = ReadOnlyCache(self.root / "state")
            self._articles = ReadOnlyCache(self.root / "articles")
        except (sqlite3.DatabaseError, OSError):
            if isinstance(error, sqlite3.DatabaseError):
                raise storage_error(self.root, error) from None
            raise StoreError(
                refused_write(self.root, error, "open")
                or f"cannot open the data directory {self.root}: {error}"
            ) from None
        unread = [
            f"{folder}/{DBNAME}-wal"
            for folder, cache in (("state", self._state), ("articles", self._articles))
            if cache.log_unread
        ]
        if unread:
            # Its latest changes there, unread: "no feeds yet" was all a copy made while a
            # reader had it open showed, its -shm files left out, on a read-only disk.
            logs = " and ".join(unread)
            reason = (
                f"{reason}; its latest changes, in {logs}, can't be read here (no -shm file"
                " beside it, none can be made): a copy of the directory on a writable disk"
                " reads them"
            )
            log.warning(safe_line(reason))
        self.read_only = reason
        self._check_format()

    def read_only_for(self, reason: str) -> None:
        """Nothing kept from now on, `reason` said by what is refused: what a dry run reads is
        read as on a read-only disk, a damaged record not dropped (`_drop_damaged`)."""
        self.read_only = self.read_only or reason

    def writable_again(self) -> bool:
        """Whether the directory takes writes, opening its caches to write now when they were
        opened to read only for a full disk that has room again (space freed since): the
        reader open through it keeps marks again without being restarted (acc29b T13)."""
        if not self.read_only:
            return True
        if self.read_only_tag != Unwritable.DISK_FULL or read_only(self.root):
            return False
        if not all(room_for_log_index(self.root / f / DBNAME) for f in ("state", "articles")):
            return False
        # Closed first: SQLite gives a connection opened to write the index of the log the
        # read-only ones opened, read-only where the disk had no room for it (`read_only_uri`).
        for cache in (self._state, self._articles):
            if isinstance(cache, ReadOnlyCache) and cache.index_read_only:
                cache.close_everywhere()
        try:
            state = open_cache(self.root / "state", waits=self._waits, **self._settings)
        except (sqlite3.DatabaseError, OSError):
            self._open_to_read(self.read_only, sqlite3.OperationalError("database or disk is full"))
            return False
        try:
            articles = open_cache(self.root / "articles", waits=self._waits, **self._settings)
        except (sqlite3.DatabaseError, OSError):
            state.close()
            self._open_to_read(self.read_only, sqlite3.OperationalError("database or disk is full"))
            return False
        self._state.close()
        self._articles.close()
        self._state, self._articles = state, articles
        self.read_only = self.read_only_tag = ""
        return True

    def check_writable(self) -> None:
        """Raises StoreError, saying why, when the directory was opened to read only: before a
        job that would fetch only to find it can keep nothing. A directory read as it is until
        the first write (`upgrades_at_write`) is upgraded now: the job writes."""
        if self.upgrades_at_write:
            self._upgrade_now()
        if self.read_only:
            raise StoreError(self.read_only, self.read_only_tag or None)

    def refusal(self, why: str) -> StoreError:
        """The error of a write refused for `why` (`Unwritable.DISK_FULL` or `READ_ONLY`): in
        the words the directory was opened to read only with, when it was."""
        if self.read_only:
            return StoreError(self.read_only, self.read_only_tag or None)
        return refused_error(self.root, Unwritable(why))

    def not_here_said(self) -> str:
        """The line saying which records' files are not here yet ("" when none is missing)."""
        if not self.not_here:
            return ""
        lists = sum(key.startswith("entries:") for key in self.not_here)
        others = len(self.not_here) - lists
        parts = []
        if lists:
            parts.append(
                "1 feed's headline list" if lists == 1 else f"{lists} feeds' headline lists"
            )
        if others:
            parts.append(plural(others, "other record"))
        what = " and ".join(parts)
        verb = "is" if len(self.not_here) == 1 else "are"
        return (
            f"{what} {verb} not here yet: {self.root / 'state'} names files that are missing"
            " (a copy or a file sync not finished?); read as empty, nothing dropped: they are"
            " back when the files arrive"
        )

    def tell_not_here(self) -> str:
        """`not_here_said`, for a face to say now: the store says it again as it closes only
        when records have gone missing since (the reader's notice, then the same line on the
        terminal as it ended)."""
        self._not_here_told |= self.not_here
        return self.not_here_said()

    def let_go_of_maps(self) -> None:
        """Each thread's memory map of the two caches' files unmapped as the thread next reads
        them (`caches.remap`): what a read left mapped is not counted as the reader's memory
        for the rest of a session (acc48b B1)."""
        self._state.let_go_of_maps()
        self._articles.let_go_of_maps()

    def close(self) -> None:
        if not self.not_here <= self._not_here_told and (said := self.not_here_said()):
            log.warning(safe_line(said))
        self.not_here.clear()
        self._state.close()
        self._articles.close()
        if self._stand_in is not None:
            shutil.rmtree(self._stand_in, ignore_errors=True)
        self._in_use.release()

    def _set_articles_aside(self, error: sqlite3.DatabaseError) -> bool:
        """Whether `error` came of a damaged article cache beside sound subscriptions, now
        read as an empty one: every article "not offline", as when the file is moved aside,
        the damage said once. A damaged article cache hid every headline and mark, which
        live in `state/` (acc42b B11: `reader list` and the reader's screen showed nothing).
        True too when another thread set them aside while this one read the damaged file:
        its error came of the file set aside, not of the stand-in."""
        if "malformed" not in str(error):
            return False
        with _SETTING_ASIDE:  # the reader's threads meet the damage at once: one stand-in
            if self.articles_damaged:
                return True
            return self._articles_set_aside_now()

    def _articles_set_aside_now(self) -> bool:
        from .salvage import problem

        if problem(self.root / "state") or not (found := problem(self.root / "articles")):
            return False
        path = self.root / "articles" / DBNAME
        why = found.strip().splitlines()[-1]
        self.articles_damaged = (
            f"the cache file {path} (the cached articles) is damaged ({why}): no article reads"
            " offline, none is kept, until `reader repair` copies out every record that still"
            " reads (nothing was deleted)"
        )
        # An empty cache, read only: its writes refused, said with the line above.
        self._stand_in = Path(tempfile.mkdtemp(prefix="reader-articles-"))
        diskcache.Cache(str(self._stand_in)).close()
        damaged = getattr(self, "_articles", None)  # none yet: it failed to open
        self._articles = ReadOnlyCache(self._stand_in)
        if damaged is not None:
            damaged.close()
        log.warning(safe_line(self.articles_damaged))
        return True

    # -- waits for another program holding the store -----------------------------------------
    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """The calls made in this thread inside the block wait at most `seconds` (not the
        store's 30 s) for another program holding the store: then they raise
        StoreError(BUSY), having written nothing, for the caller to say so and try again
        later. For writes someone is shown waiting on: the reader's queued changes."""
        before = self._waits.bound
        self._waits.bound = seconds
        self._set_wait(self._waits.wait_now())
        try:
            yield
        finally:
            self._waits.bound = before
            self._set_wait(self._waits.wait_now())

    @property
    def give_up_left(self) -> float | None:
        """Seconds left until every wait ends (`give_up_waiting`), none below 0; None when
        no one gave up waiting."""
        at = self._waits.give_up_at
        return None if at is None else max(0.0, at - time.monotonic())

    def give_up_waiting(self, after: float) -> None:
        """From now on, no call in any thread waits for another program holding the store past
        `after` seconds from now (a refusal says `after`): the reader quitting, which would
        otherwise wait SQLite's 30 s for each write still to make. A write waiting already,
        begun before (a sync's, in its thread), ends its wait then too (`WaitingCache`)."""
        self._waits.give_up(after)

    def _set_wait(self, seconds: float) -> None:
        """This thread's connections wait `seconds` for a holder (diskcache opens one per
        thread and cache, each with the wait it was opened with)."""
        if self.read_only:
            return  # nothing to wait for: nothing is written
        # A connection that can't be opened is said by the call itself, which opens it too.
        with suppress(sqlite3.Error, OSError):
            for cache in (self._state, self._articles):
                cache._con.execute(f"PRAGMA busy_timeout = {round(seconds * 1000)}")

    # -- records -----------------------------------------------------------------------------
    def _value(self, cache: diskcache.Cache, key: str, default: Any = None) -> Any:
        """What `cache` holds under `key`, or `default`; a row the reader never writes (a
        pickle naming code, a file outside the cache: `DataDisk`) or whose file is gone is
        dropped as damaged."""
        try:
            return _get(cache, key, default)
        except RefusedRecord as refused:
            if isinstance(refused, MissingValueFile) and cache is self._state:
                self.not_here.add(key)  # kept for its file to arrive (`not_here`)
                return default
            self._drop_damaged(cache, key, why=str(refused))
            return default

    def _values(self, cache: diskcache.Cache, keys: Sequence[str]) -> dict[str, Any]:
        """`_value` of each of `keys` (those absent left out), read in a few statements
        (`record_batches`); one that doesn't read cleanly is read alone, by `_value`."""
        found: dict[str, Any] = {}
        unread = []
        for key, value, clean in clean_rows(cache, keys):
            if clean:
                found[key] = value
            else:
                unread.append(key)
        for key in unread:  # once the rows are read: it may write (a damaged one dropped)
            if (value := self._value(cache, key)) is not None:
                found[key] = value
        return found

    def _load(
        self,
        cache: diskcache.Cache,
        key: str,
        default: Any = None,
        keep_aside: bool = False,
        mending: bool = False,
    ) -> Any:
        """The JSON record under `key`, or `default`; a damaged one is dropped (a copy of it
        kept in the data directory first when `keep_aside`: the user's own, which no fetch
        gives back). Of a list or a map cut short (its file's end lost), the items that come
        whole before the cut are kept: a feed's headlines, its read marks, the Saved list. A
        `default` of `ANY_SHAPE` takes the record's own shape (`reader repair`, which knows
        only the key). A state record whose file is missing is kept and read as `default`
        (`not_here`), but by `reader repair` (`mending`), which drops it."""
        try:
            raw = _get(cache, key)
        except MissingValueFile as missing:
            if cache is self._state and not mending:
                # Kept for its file to arrive: a read never drops it (acc42b B7).
                self.not_here.add(key)
                return default
            return self._drop_damaged(cache, key, why=str(missing)) or default
        except RefusedRecord as refused:
            held = refused.held if keep_aside else None
            return self._drop_damaged(cache, key, held, str(refused)) or default
        if raw is None:
            return default
        try:
            text = record_text(raw)
        except (TypeError, ValueError, zlib.error):
            return self._drop_damaged(cache, key, raw if keep_aside else None) or default
        try:
            return json.loads(text)
        except (TypeError, ValueError):
            whole = whole_part(text, default)
            held = raw if keep_aside else None
            return self._drop_damaged(cache, key, held, whole=whole) or default

    def mend_record(self, folder: str, key: str) -> int:
        """A record of `folder`'s cache (`state` or `articles`) whose file `reader repair`
        found missing or cut short, read as every reading of it would: dropped and reported,
        the whole items of a list or a map kept (how many: the number returned), a copy of the
        user's own (state's) kept aside. Its shape is the record's own: the Saved list is a map,
        and was dropped whole where 124 of its 300 entries read (acc32a A18)."""
        cache = self._state if folder == "state" else self._articles
        self.given_back.pop(key, None)
        found = self._load(cache, key, ANY_SHAPE, keep_aside=folder == "state", mending=True)
        given = self.given_back.get(key, 0)  # not whole items of it: other records' (`_given_back`)
        return len(found) - given if isinstance(found, list | dict) else 0

    def _save(self, cache: diskcache.Cache, key: str, value: Any) -> None:
        if cache is self._state and key in self.not_here:
            # Written over, the record whose file is still to come would be lost when it came:
            # a feed answering anew made its list of what it carries now, the older headlines
            # (read, tagged, highlighted) gone for good. Refused until the file is here.
            raise StoreError(_not_here_yet(key))
        cache.set(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def _drop_damaged(
        self,
        cache: diskcache.Cache,
        key: str,
        held: Any = None,
        why: str = "",
        whole: list[Any] | dict[str, Any] | None = None,
    ) -> list[Any] | dict[str, Any] | None:
        """Drop the damaged record under `key`, saying so in one line; what it `held`, when
        given, is kept in a file of the data directory first (and the record kept if it can't
        be: nothing is lost without a copy). With `whole` (the items of a list that read),
        those take its place, with what state's other records give back of it
        (`_given_back`, said in the line); what is kept of it is returned (None: nothing)."""
        if whole:
            kept = f"cut short: the {plural(len(whole), 'whole item')} before the cut kept"
            why = f"{why}; {kept}" if why else kept
        if cache is self._state:
            whole, given = self._given_back(key, whole)
            why = f"{why}; {given}" if why and given else why or given
        said = f"damaged cache record {key}{f' ({why})' if why else ''}"
        if self.read_only:
            # Skipped, as it would be had it been read: "dropping" it said what a dry run or
            # a read-only disk never does (search51). Said once: it is found at each read.
            if key not in self.problems:
                log.warning(safe_line(f"{said}: skipped, not dropped ({self.read_only})"))
                self.problems.append(key)
            return whole
        copy = ""
        if held is not None:
            try:
                copy = f"; a copy is in {self._keep_aside(key, held)}"
            except OSError as error:
                # Dropped, the user's own would be gone with no copy to recover it from.
                log.warning(safe_line(f"{said}: left as it is (no copy could be kept: {error})"))
                self.problems.append(key)
                return whole
        log.warning(safe_line(f"dropping {said}{copy}"))
        self.problems.append(key)
        if whole:
            self._save(cache, key, whole)
        else:
            cache.delete(key)
        if cache is self._state:
            self._list_lost(key)
        return whole

    def _list_lost(self, key: str) -> None:
        """What goes with state's record `key`, dropped or written over unread: a feed's
        headline list takes the feed's ETag and Last-Modified with it (`StoreFeeds`), or the
        next sync's "not modified" brought nothing of it back (acc42b B7)."""

    def _given_back(
        self, key: str, whole: list[Any] | dict[str, Any] | None
    ) -> tuple[list[Any] | dict[str, Any] | None, str]:
        """State's damaged record `key` as kept (`whole`: the items that read) with what other
        records give back of it, and the words saying so ("" when nothing): the subscriptions
        from each feed's own record (`StoreFeeds`); how many counted in `given_back`."""
        return whole, ""

    def _keep_aside(self, key: str, held: Any) -> Path:
        """A new file in the data directory holding `held` (a damaged record of `key`)."""
        data = held.encode(errors="surrogateescape") if isinstance(held, str) else bytes(held)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        # A key may hold an address ("feed:https://…/../x"): its "/" would name folders, in
        # the data directory or out of it.
        name = _NOT_IN_FILE_NAME.sub("_", key)[:120]
        for n in range(1, 100):
            path = self.root / f"{name}.damaged-{stamp}{'' if n == 1 else f'-{n}'}"
            try:
                # "x": a new file, never one (or a link) planted under that name
                with path.open("xb") as file:
                    file.write(data)
                return path
            except FileExistsError:
                continue
        raise FileExistsError(f"{self.root / name}.damaged-{stamp}: too many copies")


def _not_here_yet(key: str) -> str:
    """Why the state record `key`, its file not here yet, is not written: said after the
    feed's address ("feed failed: URL: …") or in the reader beside the feed, so not named."""
    what = "the feed's headline list" if key.startswith("entries:") else f"the record {key}"
    return (
        f"{what} is not here yet (a copy or a file sync not finished?): not written over, so"
        " nothing of it is lost; `reader repair` drops it if it will not come"
    )


def _get(cache: diskcache.Cache, key: str, default: Any = None) -> Any:
    """`cache.get`, read again when the row's file is missing, with the cache's write lock
    held: another process may have replaced the value between the row and its file being
    read. diskcache deletes the old file when the write that replaced it is done, but within
    a transaction (`transact`: every read-modify-write of the store's) before that
    transaction commits, so for a moment the row others read still names it: read again
    once without the lock, a list rewritten at every save (an import saving 300 links, `m`
    after `m` in another reader) was taken for damaged and dropped, 300 saved links becoming
    27, 2,600 read marks 172 (acc32a A14). With the lock no write is half done: a row naming
    a missing file then is one whose file is gone. Where the lock can't be had (a read-only
    store, one held for long), read again after a moment, as before."""
    try:
        return cache.get(key, default)
    except MissingValueFile:
        pass
    try:
        with cache.transact():
            return cache.get(key, default)
    except (diskcache.Timeout, sqlite3.Error):
        time.sleep(_SETTLING)
        return cache.get(key, default)


# How long a read of a record whose file went missing waits for the write under way to
# commit, where it can't take the cache's lock to wait for it (`_get`).
_SETTLING = 0.1
