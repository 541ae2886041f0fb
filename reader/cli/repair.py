"""`reader repair`: a data directory's damaged cache files mended, what still reads copied out
(`store.salvage`), the damaged file kept beside it; the subscriptions made again from each
feed's record when their list is lost or cut short; a damaged search index deleted, to be made
again."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from ..config import data_dir
from ..file_sync import synced_by
from ..marks import said_address, said_path
from ..plural import listed, plural, size_text
from ..safe import safe_line
from ..search_index import INDEX_FILE, drop_index
from ..store.cache_files import CACHE_FILES, emptied_file_line
from ..store.caches import read_only, short_of_room
from ..store.directory import CACHE_SETTINGS
from ..store.feeds import feeds_brought_back
from ..store.format_upgrade import upgrade_said
from ..store.salvage import (
    OUTSIDE,
    broken_value_files,
    database_problem,
    disk_trouble,
    orphan_value_files,
    problem,
    salvage,
)
from ..store.unreadable import ValueFolders, unreadable_said
from ..sync_lock import InUseLock, SyncLock
from ..url_display import line_url
from .common import EXIT_OK, EXIT_TRY_AGAIN, empty_directory, err, out

EXIT_UNMENDED = 1


def cmd_repair(args: argparse.Namespace) -> int:
    root = data_dir(args.data_dir)
    if not root.is_dir() or empty_directory(root):  # an unmounted mount point's: left empty
        err(f"no data directory at {root}: nothing to repair")
        return EXIT_UNMENDED
    if emptied := emptied_file_line(root):  # nothing in it to copy out: the copy is elsewhere
        err(emptied)
        return EXIT_UNMENDED
    lock = SyncLock(root)
    if not lock.take():
        err(f"a sync is running in {root}: repair once it has ended (nothing was changed)")
        return EXIT_TRY_AGAIN
    in_use = InUseLock(root)
    if not in_use.take(alone=True):
        lock.release()
        err(
            f"the data directory {root} is open in a reader (or another reader command): close"
            " it, then repair (nothing was changed)"
        )
        return EXIT_TRY_AGAIN
    # A read-only directory (a read-only mount, a copy on a disc): checked, as --dry-run
    # checks it, nothing mended; what would be said so. A full disk likewise: mending writes.
    unwritable = read_only(root)
    full = not args.dry_run and short_of_room(root)
    dry_run = args.dry_run or unwritable or full
    older = _older_format(root)
    try:
        lost_feeds: list[str] = []
        damaged: list[Path] = []
        unmended = sum(
            not _mend(root / folder, holds, dry_run, lost_feeds, damaged)
            for folder, holds in CACHE_FILES
        )
        if not unmended and not (dry_run and damaged):  # else read once it is mended
            _recover_subscriptions(root, lost_feeds, dry_run)
            _drop_unshown_pictures(root, dry_run)
        _check_index(root, dry_run)
        if older is not None and not dry_run and _older_format(root) is None:
            # Said as every command that upgrades says it: repair is how a library is checked,
            # and left it unreadable to the older reader without a word (acc47d D4).
            err(upgrade_said(root, older))
    finally:
        in_use.release()
        lock.release()
    if unwritable:
        out(
            f"nothing was changed: the data directory {root} is read-only (a copy of it on a"
            " writable disk can be repaired)"
        )
        return EXIT_UNMENDED if damaged else EXIT_OK
    if full:
        err(
            f"nothing was changed: the disk holding {root} is full, and a repair writes: free"
            " some space on it (`reader cache prune` gives some back), then repair"
        )
        return EXIT_TRY_AGAIN
    if args.dry_run:
        out("nothing was changed (--dry-run)")
    return EXIT_UNMENDED if unmended else EXIT_OK


def _mend(
    folder: Path, holds: str, dry_run: bool, lost_feeds: list[str], damaged: list[Path]
) -> bool:
    """The cache file of `folder` checked, and salvaged when damaged: whether it is sound now
    (or, dry, could be made so); the feeds whose own records were lost added to `lost_feeds`,
    the folder to `damaged` when it was."""
    path = folder / "cache.db"
    if not path.exists():
        out(f"{said_path(path)} ({holds}): none yet")
        return True
    if path.stat().st_size == 0:  # no library beside it (`emptied_file_line`): nothing lost
        out(f"{said_path(path)} ({holds}): empty, nothing in it yet")
        return True
    found = problem(folder)
    if not found:
        unreadable = ValueFolders(folder)
        for _ in unreadable.files():
            pass
        for place, why in unreadable.unreadable.items():
            err(safe_line(unreadable_said(place, why)))
        if _mend_value_files(folder, holds, dry_run) or unreadable.unreadable:
            damaged.append(folder)
        return not unreadable.unreadable
    if disk_trouble(found):
        err(f"{said_path(path)} ({holds}) could not be checked: {_not_the_file(found)}")
        return False
    damaged.append(folder)
    why = found.strip().splitlines()[-1]
    try:
        done = salvage(folder, dict(CACHE_SETTINGS), dry_run)
    except OSError as error:  # a read-only or full disk: the mended file can't be written
        err(
            f"{said_path(path)} ({holds}) is damaged ({why}) and could not be mended here:"
            f" {error.strerror or error} (nothing was changed)"
        )
        return False
    except sqlite3.DatabaseError as error:
        err(
            f"{said_path(path)} ({holds}) is damaged ({why}) where not even its list of tables reads"
            f" ({error}): move it aside to start it afresh (nothing was changed)"
        )
        return False
    copied = "would be copied out" if dry_run else "copied out into a sound file"
    if done.uncounted:
        counted = (
            f"{plural(done.copied, 'record')} {copied}, some could not be read (how many is"
            " unknown: its indexes are damaged too)"
        )
    else:
        lost = f"{done.lost} could not be read" if done.lost else "none lost"
        counted = f"{done.copied} of {plural(done.copied + done.lost, 'record')} {copied}, {lost}"
    if done.lost_keys:
        counted = f"{counted} (lost: {_lost_records(done.lost_keys)})"
    if done.older_copies:
        # What a file mixing two databases' pages holds (another machine's log replayed over
        # it, the file replaced during a sync): said, and which copy was kept (acc42b B1).
        aside = "would be set aside" if dry_run else "set aside"
        counted = (
            f"{counted}; {plural(done.older_copies, 'record')} read twice (the file mixes pages"
            f" of two copies of it: another machine's, a file sync's?): of each the copy stored"
            f" last kept, the older {aside}"
        )
    if dry_run:
        out(f"{said_path(path)} ({holds}) is damaged ({why}): {counted}")
    else:
        kept = " (what could not be read is there only)" if done.lost or done.uncounted else ""
        out(
            f"{said_path(path)} ({holds}) was damaged ({why}): {counted}; the damaged one kept as"
            f" {said_path(done.aside)}{kept}"
        )
    if folder.name == "state":
        lost_feeds.extend(k.removeprefix("feed:") for k in done.lost_keys if k.startswith("feed:"))
    return True


_LOST_RECORDS = {
    "subscriptions": "the list of subscriptions",
    "saved": "the Saved list (its articles stay cached, no longer saved)",
}
"""What a record of the store holds, for those a lost one takes with it."""
_LOST_PREFIXES = {
    "feed:": "feeds' own records",
    "entries:": "feeds' headlines (back at the next sync)",
    "read:": "feeds' read marks",
    "opened:": "feeds' times of reading",
    "aliases:": "feeds' ids of republished items",
    "sitemap-reads:": "sitemap indexes' sitemaps read (read whole at the index's next change)",
    "read-where:": "notes of the feeds an article was read in",
    "article-keys:": "feeds' article keys (read again from their headlines)",
    "read-at:": "articles' times of reading (the size limit's order)",
    "seen-at:": "articles' times of opening (a change since is news)",
    "place:": "places the reader left articles at",
}


def _lost_records(keys: tuple[str, ...]) -> str:
    """The records lost, named: those of the user's own first, then those counted by kind."""
    named = [_LOST_RECORDS[key] for key in keys if key in _LOST_RECORDS]
    counts = {prefix: sum(key.startswith(prefix) for key in keys) for prefix in _LOST_PREFIXES}
    named += [f"{n} {_LOST_PREFIXES[prefix]}" for prefix, n in counts.items() if n]
    rest = len(keys) - sum(key in _LOST_RECORDS for key in keys) - sum(counts.values())
    others = [k for k in keys if k not in _LOST_RECORDS and not k.startswith(tuple(_LOST_PREFIXES))]
    if rest:
        shown = [safe_line(k, 80) for k in others[:_NAMED]]
        if rest > _NAMED:
            shown.append(f"{rest - _NAMED} more")
        named.append(listed(shown))
    return "; ".join(named)


_NAMED = 5
"""Records a line names, of those whose files are broken: the rest counted."""


def _mend_value_files(folder: Path, holds: str, dry_run: bool) -> bool:
    """The records of a sound cache file whose value files are missing or cut short, read as
    the reader reads them (dropped, the whole items of a list or a map kept), counted and
    named; whether there were any."""
    from ..store import Store

    path = folder / "cache.db"
    _drop_orphans(folder, dry_run)
    broken = broken_value_files(folder)
    if not broken:
        out(f"{said_path(path)} ({holds}): sound")
        return False
    kinds = [kind for kind in _DAMAGES if kind in broken.values()]
    # Each key's damage said where the line names several.
    names = [
        key if len(kinds) == 1 else f"{key} ({damage})"
        for key, damage in list(broken.items())[:_NAMED]
    ]
    if len(broken) > _NAMED:
        names.append(f"{len(broken) - _NAMED} more")
    which = f"the file of {plural(len(broken), 'record')} is {' or '.join(kinds)} ({listed(names)})"
    if dry_run:
        out(
            f"{said_path(path)} ({holds}): {which}: {'it' if len(broken) == 1 else 'they'} would be dropped"
        )
        return True
    store = Store(folder.parent)
    try:
        kept = {key: store.mend_record(folder.name, key) for key in broken}
        given = dict(store.given_back)
    finally:
        store.close()
    # Said as it is: "the whole items of a list kept" was said of a Saved list (a map) of
    # which none were, though 124 of its 300 entries read whole (acc32a A18).
    whole = [f"{plural(n, 'whole item')} of {key} kept" for key, n in kept.items() if n]
    # The feeds of a list of subscriptions cut short, back from their own records (acc50b B12).
    whole += [feeds_brought_back(n) for n in given.values()]
    done = listed(whole) if whole else "nothing of it whole"
    if outside := sum(damage == OUTSIDE for damage in broken.values()):
        # A record naming someone's file (planted, or a copy's paths): it goes, the file stays.
        left = (
            "the file outside left as it is"
            if outside == 1
            else "the files outside left as they are"
        )
        done = f"{done}; {left}"
    out(f"{said_path(path)} ({holds}): {which}: dropped ({done})")
    return True


_DAMAGES = ("missing", "cut short", "longer than its record says", OUTSIDE)
"""What `broken_value_files` finds, in the order a line names them."""


def _drop_orphans(folder: Path, dry_run: bool) -> None:
    """The value files no record names (a write cut short left them) deleted, counted."""
    orphans = orphan_value_files(folder)
    if not orphans:
        return
    size = size_text(sum(p.stat().st_size for p in orphans))
    files = plural(len(orphans), "file")
    if tool := synced_by(folder.parent):
        they = "it is" if len(orphans) == 1 else "they are"
        out(
            f"{folder}: {files} no record names ({size}) left as {they}: the directory is"
            f" synced by {tool}, and they may be another machine's, their records on the way"
        )
        return
    if dry_run:
        out(
            f"{folder}: {files} no record names ({size}, left by writes cut short) would be deleted"
        )
        return
    for orphan in orphans:
        orphan.unlink(missing_ok=True)
    out(f"{folder}: {files} no record names ({size}, left by writes cut short) deleted")


def _recover_subscriptions(root: Path, lost_feeds: list[str], dry_run: bool) -> None:
    """The list of subscriptions made again when lost or cut short: from each feed's own record
    (a list cut by a reader from before it was mended as read), and, lost, the feeds whose
    records were lost too, as the damaged file's key index names them (acc32a A12: two of four
    subscriptions went without a word). `dry_run`: what would be, said, nothing written (the
    dry run said nothing of a list cut short that the repair then mended, acc50b)."""
    from ..store import Store

    store = Store(root, upgrade=not dry_run)  # dry, an older format's read as it is
    try:
        if dry_run:
            store.read_only_for("a dry run (reader repair --dry-run): nothing is changed")
        listed_before = bool(store.feed_urls())  # a list cut short is mended as it is read
        if not (urls := store.recover_subscriptions(lost_feeds)):
            return
        was = "is" if dry_run else "was"
        if listed_before:
            # Cut short by a reader from before cut lists were mended (acc50b B12): the feeds
            # after the cut, kept with their headlines, were gone from every list.
            shown = [said_address(line_url(u)) for u in urls[:_NAMED]]
            if len(urls) > _NAMED:
                shown.append(f"{len(urls) - _NAMED} more")
            out(
                f"the list of subscriptions {was} cut short:"
                f" {feeds_brought_back(len(urls), would=dry_run)} ({listed(shown)})"
            )
            return
        named = [said_address(line_url(u)) for u in urls if u in lost_feeds]
        also = f", of them from the damaged file's index: {listed(named)}" if named else ""
        made = "would be made" if dry_run else "made"
        out(
            f"the list of subscriptions {was} lost: {made} again from each feed's own record"
            f" ({plural(len(urls), 'feed')}{also})"
        )
    finally:
        store.close()


def _older_format(root: Path) -> int | None:
    """The older format of the data directory `root`, read as it is; None when it is this
    reader's (or can't be read: said by what mends it)."""
    from ..models import StoreError
    from ..store import Store

    try:
        store = Store(root, upgrade=False)
    except StoreError:
        return None
    try:
        return store.older_format
    finally:
        store.close()


def _drop_unshown_pictures(root: Path, dry_run: bool) -> None:
    """The pictures' bytes kept once for several articles that no article shows any more (an
    older reader's `forget` left them) deleted, counted (`Store.unshown_pictures`)."""
    from ..store import Store

    articles = root / "articles" / "cache.db"
    if not articles.exists() or not articles.stat().st_size:
        return
    store = Store(root, upgrade=not dry_run)  # dry, an older format's read as it is
    try:
        count, size = store.unshown_pictures(drop=not dry_run and not store.read_only)
    finally:
        store.close()
    if count:
        pictures = plural(count, "picture")
        done = "would be deleted" if dry_run else "deleted"
        out(
            f"{root / 'articles'}: {pictures} no article shows ({size_text(size)}, left by an"
            f" older reader) {done}"
        )


def _check_index(root: Path, dry_run: bool) -> None:
    """A damaged search index deleted: the next search makes it again from the cache."""
    index = root / INDEX_FILE
    if not index.exists():
        return
    found = database_problem(index)
    if not found:
        out(f"{index} (the search index): sound")
        return
    if disk_trouble(found):
        err(f"{index} (the search index) could not be checked: {_not_the_file(found)}")
        return
    if dry_run:
        out(
            f"{index} (the search index) is damaged: it would be deleted, made again by the next search"
        )
        return
    drop_index(root)
    out(f"{index} (the search index) was damaged: deleted, made again by the next search")


def _not_the_file(found: str) -> str:
    """`found` (`disk_trouble`'s) said as the disk's, not the file's."""
    return (
        f"{safe_line(found)}: the disk (full, or failing), not the file, is at fault; nothing"
        " was changed"
    )
