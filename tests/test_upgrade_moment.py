"""When a data directory of an older format is upgraded (acc47d D2-D5): at a command's first
write, never by a dry run, a command that fails on its argument, one that finds nothing to
change or one that only reads; never while another process has it open (an older reader or
sync would go on writing into a directory it can no longer read), which is said, exit 75; and
said by `reader repair` too. Real parts: the CLI as a user runs it, a second process holding
the library open, the store on a temp dir."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.store import Store
from reader.store.directory import DATA_FORMAT
from tests.cli_run import run_reader, started_reader
from tests.test_scripting import _mark_format

OLDER = DATA_FORMAT - 1


def _format_of(home: Path) -> int:
    store = Store(home, upgrade=False)
    try:
        return store.older_format or DATA_FORMAT
    finally:
        store.close()


def _ids(home: Path, *options: str) -> list[str]:
    return run_reader(home, "list", "--ids", *options).stdout.split()


def _upgraded(home: Path) -> str:
    return f"reader: the data directory {home} was upgraded from format {OLDER} to {DATA_FORMAT}"


def test_nothing_written_leaves_an_older_library_as_it_is(synced_dir: Path) -> None:
    """Dry runs, an id not found, nothing to change and a citation of a cached article each
    upgraded a format-7 library for good (acc47d D5); the first command that writes does."""
    read, unread = _ids(synced_dir)[:2]
    assert run_reader(synced_dir, "mark-read", read).returncode == 0
    _mark_format(synced_dir, OLDER)
    for command in (
        ["cache", "prune", "--older-than", "30d", "--dry-run"],
        ["cache", "prune", "--headlines-older-than", "180d", "--dry-run"],
        ["tag", "000000000000", "foo"],
        ["unsave", "000000000000"],
        ["mark-read", read],
        ["show", read, "--format", "bibtex"],
        ["show", read],
    ):
        done = run_reader(synced_dir, *command)
        assert "upgraded" not in done.stderr, (command, done.stderr)
        assert _format_of(synced_dir) == OLDER, command
    wrote = run_reader(synced_dir, "mark-read", unread)
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stderr.startswith(_upgraded(synced_dir)), wrote.stderr
    # The copy to keep is advised before an upgrade (the reader's question, README), not in
    # the line said once it is done, too late (acc48d D10).
    assert "cp -a" not in wrote.stderr, wrote.stderr
    assert _format_of(synced_dir) == DATA_FORMAT
    assert unread not in _ids(synced_dir, "--unread")


def test_repair_says_it_upgrades_the_library(synced_dir: Path) -> None:
    """`reader repair` upgraded a format-7 library saying only "sound" (acc47d D4)."""
    _mark_format(synced_dir, OLDER)
    dry = run_reader(synced_dir, "repair", "--dry-run")
    assert dry.returncode == 0 and "upgraded" not in dry.stderr
    assert _format_of(synced_dir) == OLDER
    done = run_reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(_upgraded(synced_dir)), done.stderr
    assert _format_of(synced_dir) == DATA_FORMAT


# An older reader left open: its store open on the library and its reader lock held, until
# its stdin closes.
_HOLDER = """
import sys
from pathlib import Path
from reader.store import Store
from reader.sync_lock import {lock}
home = Path(sys.argv[1])
store = Store(home, upgrade=False)
lock = {lock}(home)
assert lock.take()
print("open", flush=True)
sys.stdin.read()
store.close()
"""


@contextmanager
def _held_open(home: Path, lock: str) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER.format(lock=lock), str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()


def test_no_upgrade_under_a_reader_left_open(synced_dir: Path) -> None:
    """A command upgraded a library an older reader had open, which went on writing into it
    (acc47d D3): it says which process holds it, exit 75 (cron tries again), nothing changed."""
    unread = _ids(synced_dir, "--unread")[0]
    _mark_format(synced_dir, OLDER)
    with _held_open(synced_dir, "ReaderLock") as holder:
        refused = run_reader(synced_dir, "mark-read", unread)
        assert refused.returncode == 75, refused.stderr
        assert refused.stderr == (
            f"reader: the data directory {synced_dir} is of format {OLDER} and this command"
            f" would upgrade it to {DATA_FORMAT}, but the reader (pid {holder.pid}) is open on"
            " it: quit it, then try again (nothing was changed)\n"
        )
        assert _format_of(synced_dir) == OLDER
        assert unread in _ids(synced_dir, "--unread")
    done = run_reader(synced_dir, "mark-read", unread)
    assert done.returncode == 0 and done.stderr.startswith(_upgraded(synced_dir)), done.stderr
    assert _format_of(synced_dir) == DATA_FORMAT


def test_a_sync_upgrades_only_once_the_older_sync_has_ended(synced_dir: Path) -> None:
    """A sync waiting for another upgraded the library first: the older sync running then had
    every article refused, "upgrade reader-tui" in cron's mail (acc47d D2)."""
    _mark_format(synced_dir, OLDER)
    with _held_open(synced_dir, "SyncLock") as holder:
        sync = started_reader(synced_dir, "sync", "--no-articles")
        try:
            assert sync.stderr is not None
            assert sync.stderr.readline().startswith(
                f"reader: another sync (pid {holder.pid}) is running: waiting for it"
            )
            assert _format_of(synced_dir) == OLDER
        except BaseException:
            sync.kill()
            sync.wait()
            raise
    assert sync.wait(timeout=120) == 0
    assert sync.stderr.read().startswith(_upgraded(synced_dir))
    assert _format_of(synced_dir) == DATA_FORMAT


def test_show_upgrades_it_to_keep_the_article_it_fetched(synced_dir: Path) -> None:
    """`show` of an article not cached fetches it and keeps it: that first write upgrades it
    (read as it is until then, the article was shown and not kept)."""
    import json

    gone = _ids(synced_dir)[0]
    assert run_reader(synced_dir, "forget", gone).returncode == 0
    _mark_format(synced_dir, OLDER)
    shown = run_reader(synced_dir, "show", gone)
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.startswith(_upgraded(synced_dir)), shown.stderr
    assert _format_of(synced_dir) == DATA_FORMAT
    rows = json.loads(run_reader(synced_dir, "list", "--json").stdout)
    assert [r["cached"] for r in rows if r["id"] == gone] == [True]


def test_the_readers_upgrade_waits_for_a_running_sync(synced_dir: Path) -> None:
    """The reader told to upgrade (`y`) opens its library with `upgrade=True`: under a running
    sync (an older one) it is refused in one line naming the sync, nothing changed, the lock
    of that sync as it was."""
    from reader.errors import Unwritable
    from reader.library import Library
    from reader.models import StoreError

    _mark_format(synced_dir, OLDER)
    with _held_open(synced_dir, "SyncLock") as holder:
        try:
            Library(synced_dir, upgrade=True)
        except StoreError as error:
            refused = error
        else:
            raise AssertionError("upgraded under a running sync")
        assert str(refused) == (
            f"the data directory {synced_dir} is of format {OLDER} and this command would"
            f" upgrade it to {DATA_FORMAT}, but a sync (pid {holder.pid}) is running: let it"
            " end, then try again (nothing was changed)"
        )
        assert refused.unwritable == Unwritable.BUSY
        assert _format_of(synced_dir) == OLDER
    opened = Library(synced_dir, upgrade=True)
    try:
        assert opened.store.upgraded_from == OLDER
    finally:
        opened.close()


def test_the_readers_yes_under_a_running_sync_reads_it_as_it_is_saying_why(
    synced_dir: Path,
) -> None:
    """The reader's `y` under a running sync (an older one) ended in "cannot open DIR: …", exit
    1: it says which process has it open, and reads it as it is this time, as `n` does."""
    import asyncio

    from reader.ui.app import ReaderApp
    from tests.tui_pilot import notices_raised, started, status, until

    _mark_format(synced_dir, OLDER)

    async def run() -> list[str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.upgrade = True  # the question's `y`
        raised = notices_raised(app)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            said = "the data directory is of an older format: nothing new is kept"
            await until(pilot, lambda: said in status(app), "the status line")
            await pilot.press("m")  # a mark, not kept: the library is read as it is
            await pilot.pause()
        return raised

    with _held_open(synced_dir, "SyncLock") as holder:
        raised = asyncio.run(run())
        assert _format_of(synced_dir) == OLDER
    assert raised[0] == (
        f"the data directory {synced_dir} was not upgraded to format {DATA_FORMAT}: a sync (pid"
        f" {holder.pid}) is running: let it end, then start the reader again to upgrade it;"
        f" read as it is (format {OLDER}) this time, keeping nothing"
    )
    assert not [said for said in raised if "read as it is; a command" in said]  # one line
    assert _format_of(synced_dir) == OLDER


def test_the_readers_yes_typed_under_a_running_sync(synced_dir: Path) -> None:
    """The question answered `y` on the terminal, a sync (an older one) running on the library:
    the reader starts, reading it as it is, and quits as ever."""
    import re
    import time

    from tests.pty_reader import reader_in_pty

    _mark_format(synced_dir, OLDER)
    (synced_dir / "config.toml").write_text("[feeds]\nrefresh_on_open = false\n", "utf-8")

    def shown(running: object, what: str) -> bool:
        give_up = time.monotonic() + 60
        while time.monotonic() < give_up:
            text = running.screen().decode(errors="replace")  # type: ignore[attr-defined]
            # Its words as read across the rows they wrap over (the path's length decides
            # where): each escape and each run of spaces and borders between them one space.
            words = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", text)
            if what in re.sub(r"[\s│▎▊]+", " ", words):
                return True
            if running.process.poll() is not None:  # type: ignore[attr-defined]
                return False
            time.sleep(0.1)
        return False

    with _held_open(synced_dir, "SyncLock"), reader_in_pty(synced_dir) as running:
        assert shown(running, "upgrade it now?"), running.screen()[-2000:]
        running.type(b"y\r")
        assert shown(running, "was not upgraded to format"), running.screen()[-3000:]
        assert running.process.poll() is None
        running.type(b"q")
        assert running.process.wait(timeout=60) == 0
        assert _format_of(synced_dir) == OLDER
    # Read as it is, keeping nothing: no file made in it either (acc48d D10).
    assert not (synced_dir / "errors.log").exists()


# A reader command started and held at its first line until the test's cue (a line on its
# stdin): its start (Python, the reader's imports) made before the moment it is cued at.
_ON_CUE = """
import sys
from reader.cli import main
sys.stdin.readline()
raise SystemExit(main(sys.argv[1:]))
"""


def _on_cue(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _ON_CUE, "--data-dir", str(home), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _cue(command: subprocess.Popen[str]) -> None:
    assert command.stdin is not None
    command.stdin.write("go\n")
    command.stdin.flush()


def _holds_alone(pid: int, lock: Path) -> bool:
    """Whether the process `pid` holds an exclusive `flock` on `lock` (the system's table of
    locks, /proc/locks: "1: FLOCK  ADVISORY  WRITE 4242 00:2f:1234 0 EOF")."""
    inode = f":{lock.stat().st_ino}"
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        mine = fields[1:5] == ["FLOCK", "ADVISORY", "WRITE", str(pid)]
        if mine and "->" not in fields and fields[5].endswith(inode):
            return True
    return False


def _has_open(pid: int, path: Path) -> bool:
    """Whether the process `pid` has the file `path` open."""
    with contextlib.suppress(OSError):
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                if os.readlink(fd) == str(path):
                    return True
    return False


def _until(condition: Callable[[], bool], what: str) -> None:
    give_up = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < give_up, what
        time.sleep(0.02)


# A reader's store opened on an older library, upgraded by its first write, and left open
# until its stdin closes.
_UPGRADER = """
import sys
from pathlib import Path
from reader.store import Store
from reader.store.format_upgrade import UPGRADE_AT_FIRST_WRITE
store = Store(Path(sys.argv[1]), upgrade=UPGRADE_AT_FIRST_WRITE)
store.check_writable()  # a job that writes: upgraded now
print(store.upgraded_from, flush=True)
sys.stdin.read()
store.close()
"""


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the system's table of locks")
def test_no_store_opens_nor_repair_mends_in_the_upgrades_moment_alone(synced_dir: Path) -> None:
    """The upgrade holds the in-use lock alone for its write: a command opening the library
    then was refused, "`reader repair` is mending …", exit 75; and the switch there and back
    let the lock go in between (flock(2)), where `reader repair` could take it. The upgrade
    held at that very moment (its write waiting on the state file's SQLite lock, held here):
    the command waits for it and runs; repair waits for it, and is refused then, the library
    open in the upgrading process."""
    _mark_format(synced_dir, OLDER)
    lister = _on_cue(synced_dir, "list", "--ids")
    mender = _on_cue(synced_dir, "repair")
    commands = [lister, mender]
    switch, in_use = synced_dir / "upgrade.lock", synced_dir / "in-use.lock"
    held = sqlite3.connect(synced_dir / "state" / "cache.db", isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # the upgrade's write waits here, its lock alone held
    upgrader = subprocess.Popen(
        [sys.executable, "-c", _UPGRADER, str(synced_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    commands.append(upgrader)
    try:
        _until(lambda: _holds_alone(upgrader.pid, in_use), "the upgrade's moment alone")
        for command in (lister, mender):
            _cue(command)
            # Waiting for the moment to end (the lock of its switch open), or ended (refused).
            _until(
                lambda c=command: c.poll() is not None or _has_open(c.pid, switch),
                "the command at the moment's lock",
            )
        held.execute("COMMIT")
        assert upgrader.stdout is not None
        assert upgrader.stdout.readline() == f"{OLDER}\n"
        listed, list_errors = lister.communicate(timeout=120)
        _, mend_errors = mender.communicate(timeout=120)
    except BaseException:
        for command in commands:
            command.kill()
            command.wait()
        raise
    finally:
        held.close()
        if upgrader.stdin is not None:
            upgrader.stdin.close()
        upgrader.wait(timeout=60)
    assert (lister.returncode, list_errors) == (0, ""), list_errors
    assert listed.split() == _ids(synced_dir)
    assert mender.returncode == 75, mend_errors
    assert "is open in a reader (or another reader command)" in mend_errors
    assert _format_of(synced_dir) == DATA_FORMAT


def test_an_upgrade_refused_keeps_the_library_held_open(synced_dir: Path) -> None:
    """The switch to the lock alone, refused (another process has the library open), lets the
    shared hold go first (flock(2)): taken back, `reader repair` is still refused once that
    other process has ended, the store being open here."""
    from reader.errors import Unwritable
    from reader.models import StoreError
    from reader.store.format_upgrade import UPGRADE_AT_FIRST_WRITE

    _mark_format(synced_dir, OLDER)
    store = Store(synced_dir, upgrade=UPGRADE_AT_FIRST_WRITE)
    try:
        with _held_open(synced_dir, "InUseLock"):
            try:
                store.check_writable()
            except StoreError as error:
                assert error.unwritable == Unwritable.BUSY
            else:
                raise AssertionError("upgraded under another process")
        refused = run_reader(synced_dir, "repair")
        assert refused.returncode == 75, refused.stderr
        assert "is open in a reader (or another reader command)" in refused.stderr
        assert store.feeds()  # read as it is still
    finally:
        store.close()
    assert _format_of(synced_dir) == OLDER
