"""Whose a data directory is, and what a write refused by its owners' permissions says: a run
as root on another user's library left directories and files there that user could no longer
write (acc43b B1), and the user's own syncs then blamed "No such file or directory" and a full
disk; a library restored by root, its files root's, read as "read-only: reading works" and then
read nothing (B9)."""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

from ..marks import said_path
from ..safe import safe_line

_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_REFUSED = frozenset({errno.EACCES, errno.EPERM})


def disk_full(error: OSError) -> bool:
    """A write the disk (or the user's quota on it) had no room for."""
    return error.errno in _DISK_FULL


def user_name(uid: int) -> str:
    """The account's name, else its number (a uid with no passwd entry: a restored backup's)."""
    import pwd  # here: Unix only, and only when a directory is not ours

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _writable(path: Path) -> bool:
    # As the process's effective user: a set-uid program's, or one that took another's.
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def nearest_there(path: Path) -> Path:
    """`path`, or the nearest folder above it that is there (what a new one is made in)."""
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    return path


def run_as_root_on_theirs(root: Path, what: str = "the data directory") -> str:
    """Why a process run as root does not use `root`, another account's data directory, or "":
    what it made there (a cache's subdirectories, its files, the config) would be root's, which
    that user's own later runs could not write, as `git` refuses a repository of another's.
    One not there yet is the owner's of the folder it would be made in: `sudo -E reader add`
    with a user's HOME made root's ~/.config and ~/.local/share there (acc52b-3)."""
    if os.geteuid() != 0:
        return ""
    there = nearest_there(root)
    try:
        owner = there.stat().st_uid  # a link's target's owner: the library it leads to
    except OSError:
        return ""
    if owner == 0:
        return ""
    name = safe_line(user_name(owner), 64)
    whose = f"is {name}'s" if there == root else f"would be made in {said_path(there)}, {name}'s"
    return (
        f"{what} {said_path(root)} {whose}: what a run as root wrote"
        f" there would no longer be {name}'s to write: run the reader as {name}"
        f" (sudo -u {name} reader …); nothing was changed"
    )


def home_of_another(*paths: Path) -> str:
    """Why a run whose HOME is another account's (`su -m`, `sudo -E` as a user, which keep
    the caller's HOME) does not use the library and config there, or "": theirs would be
    refused in bare permission errors, or taken for the user's (acc52b-7). Root's run on a
    user's HOME is `run_as_root_on_theirs`'."""
    me = os.geteuid()
    home = os.environ.get("HOME", "")
    if me == 0 or not home:
        return ""
    try:
        owner = os.stat(home).st_uid
    except OSError:
        return ""
    if owner == me or not any(path.is_relative_to(home) for path in map(Path.absolute, paths)):
        return ""
    name, mine = safe_line(user_name(owner), 64), safe_line(user_name(me), 64)
    return (
        f"HOME is {said_path(Path(home))}, {name}'s, not yours ({mine}): `su -m` and `sudo -E`"
        f" keep the HOME of the account they were run from; run the reader with your own:"
        f" `su - {mine}`, `sudo -i -u {mine}`"
    )


def refused_write(root: Path, error: OSError, doing: str = "write in") -> str:
    """What a write under `root` refused by permissions says, naming the entry that is not the
    user's and the command that gives it back, or "" when `error` is no such refusal. A file
    whose folder could not be made (its parent another's) fails with "No such file or
    directory": the nearest folder that is there is the one named."""
    if error.errno not in _REFUSED and error.errno != errno.ENOENT:
        return ""
    path = nearest_there(Path(os.fsdecode(error.filename)) if error.filename else root)
    if error.errno == errno.ENOENT and _writable(path):
        return ""  # gone under us, not refused: said as any other error
    try:
        owner = path.lstat().st_uid
    except OSError:
        return ""
    me = os.geteuid()
    shown = said_path(path)
    if said := _anothers_library(root, me):
        return said
    if owner == me:
        verb = doing.split()[0]
        return f"cannot {verb} {shown} in the data directory {said_path(root)}: permission denied"
    name, mine = safe_line(user_name(owner), 64), safe_line(user_name(me), 64)
    return (
        f"cannot {doing} the data directory {said_path(root)}: {shown} is {name}'s,"
        f" not yours ({mine}): `sudo chown -R {mine}: {said_path(root)}` gives it back"
    )


def _anothers_library(root: Path, me: int) -> str:
    """What a data directory another user (not root) owns says to the user `me` who may not
    write it, or "": it is theirs, and no chown of it is the user's to run (s2 was told to
    `sudo chown -R s2:` s1's library in the group's folder, acc52b-1)."""
    try:
        owner = root.stat().st_uid
    except OSError:
        return ""
    if owner in (me, 0):
        return ""
    name, mine = safe_line(user_name(owner), 64), safe_line(user_name(me), 64)
    return (
        f"the data directory {said_path(root)} is {name}'s, not yours ({mine}): what is kept"
        f" there is {name}'s to change; keep a library of yours (--data-dir)"
    )


def not_ours_said(root: Path) -> str:
    """What a data directory whose files are another's says as it opens to read only (a
    library restored by root, its folder given back but not its files): which, whose, and the
    chown that gives them back; "" when every file is the user's."""
    me = os.geteuid()
    theirs: list[Path] = []
    for path in sorted(root.rglob("*")):
        with suppress(OSError):
            if path.lstat().st_uid != me:
                theirs.append(path)
    if not theirs:
        return ""
    if said := _anothers_library(root, me):
        return said
    first = theirs[0]
    others = len(theirs) - 1
    name = safe_line(user_name(first.lstat().st_uid), 64)
    mine = safe_line(user_name(me), 64)
    shown_root = said_path(root)
    also = f" and {others} more here" if others else ""
    return (
        f"{said_path(first)}{also} {'are' if others else 'is'} {name}'s, not yours"
        f" ({mine}): what is cached reads, nothing new is kept (marks, places, articles);"
        f" `sudo chown -R {mine}: {shown_root}` gives them back"
    )
