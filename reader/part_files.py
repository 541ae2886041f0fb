"""The hidden part file an export writes before putting it in place (`.NAME.xxxxxxxx.part`,
`tempfile.mkstemp`'s name), held locked (`flock`) while it is written; and those an earlier
export to the same name left when it was killed (kill -9, a power cut: nothing of it runs to
remove its part), swept by the next one (acc33b B8: 2 MB of hidden book left for good).

A part is swept only when nothing writes it: no process holds its lock (the system's, gone
with the process however it ended). An export locks its part before its first byte, so a part
with something in it and no lock is a dead export's, swept however recently it was written
(one killed a moment before the next export was left for the export after it). An empty one
may be an export's that has just made it and not yet locked it: that one is swept once it is
`SETTLED` old only (nothing in it is lost meanwhile). The folder may be shared: a link under a
part's name is never followed, a file of another user's, or one with another name too, never
removed (acc32b B13). The `{file}`s handed to a user's programs (`command_files`) and the parts
of kept pictures' copies for a viewer (`pictures.opened_copy`) are held and swept by the same
rule, in the reader's own temporary folders (`sweep_own_folder`, at a reader's or a sync's start:
`left_files`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX: no lock tells a part being written, so none is swept
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".part"
NAMED = r"[a-z0-9_]{8}"
"""The characters `tempfile.mkstemp` names a file with, as many as it takes."""

SETTLED = 10.0
"""Seconds since an empty part was made before a later export takes it for one left by an
export killed between making its part and locking it (it may be locked a moment after)."""

_OPEN_AS_IS = os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK
"""A part opened itself, never what a link under its name leads to, and at once (a pipe
planted under its name would hold `open`)."""


def part_prefix(path: Path) -> str:
    """The start of the name of a part file written for `path` (`tempfile.mkstemp`'s prefix)."""
    return f".{path.name}."


def hold(fd: int) -> None:
    """Lock the part open as `fd` for as long as it is open: a later export leaves it."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a folder whose system has no locks: kept as it was
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def sweep_stale_parts(path: Path, own: Path) -> int:
    """Remove the part files earlier exports to `path` left, `own` (this export's, locked)
    aside; how many were removed. A folder that can't be read is left as it is."""
    named = re.compile(re.escape(part_prefix(path)) + NAMED + re.escape(PART_SUFFIX))
    try:
        before = os.stat(own).st_mtime - SETTLED
    except OSError:
        return 0
    return sweep_unheld(path.parent, named, before, own.name)


def sweep_own_folder(purpose: str, named: re.Pattern[str]) -> int:
    """Remove the files of the reader's own temporary folder for `purpose` (`own_folder`) that
    readers killed mid-write left: those whose whole name `named` matches and no process holds
    (`sweep_unheld`); how many. Nothing when the folder is not there, or not the user's alone."""
    import time

    from .own_folder import own_temp_folder

    try:
        folder = own_temp_folder(purpose, make=False)  # none yet: not made for this
    except OSError:
        return 0
    return sweep_unheld(folder, named, time.time() - SETTLED)


def sweep_unheld(folder: Path, named: re.Pattern[str], before: float, leave: str = "") -> int:
    """Remove the files of `folder` whose whole name `named` matches, `leave` aside, that no
    process holds (`hold`): something in them, or empty since before `before` (an epoch time);
    how many were removed. A folder that can't be read is left as it is."""
    if fcntl is None:
        return 0
    try:
        entries = [e.name for e in os.scandir(folder) if named.fullmatch(e.name)]
    except OSError:
        return 0
    swept = 0
    for name in entries:
        if name != leave:
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to open
                swept += _removed_if_stale(folder / name, before)
    return swept


def _removed_if_stale(part: Path, before: float) -> bool:
    """Remove `part` when it is a part left by a killed export: a regular file of this user's
    with no other name, its lock held by no process, and something in it or last written
    before `before` (see the module's docstring)."""
    assert fcntl is not None
    fd = os.open(part, _OPEN_AS_IS)
    try:
        found = os.fstat(fd)
        if (
            not stat.S_ISREG(found.st_mode)
            or found.st_uid != os.geteuid()
            or found.st_nlink != 1
            or (found.st_size == 0 and found.st_mtime > before)
        ):
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # an export writes it now
        # Still the file looked at under that name (not one put there since), then removed.
        named = os.lstat(part)
        if (named.st_dev, named.st_ino) != (found.st_dev, found.st_ino):
            return False
        part.unlink()
        return True
    finally:
        os.close(fd)
