"""Whether a config file is the user's alone to change, the one rule for every command: a config
runs programs as the user (`[[command]]`) and routes every request (`[network] proxy`,
`ca_file`), so one another account could write or put in place is never read. In a group's
shared folder another student replaced the config and her `[[command]]` ran as its owner, with
no word (acc52b-1); only a folder every user could write was warned of (acc51a A11).

The shape is ssh's StrictModes and git's safe.directory: the file and the folder holding it must
be the user's (or root's), and writable by no one else: not by others, nor by a group, but the
user's own private group (the one named as the user, with no other member: Debian's ssh allows
it too). A sticky folder's files (/tmp's) are renamed or removed by their owners alone, so a
sticky folder others may write is no danger to a file of the user's in it.

Also here, as the same matter of who else is let in: a data directory others may read (its
marks, notes, the feeds' passwords are theirs to read) is warned of."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .marks import said_path
from .safe import safe_line


def _name(uid: int) -> str:
    from .store.ownership import user_name

    return safe_line(user_name(uid), 64)


def _group_name(gid: int) -> str:
    import grp  # here: Unix only

    try:
        return safe_line(grp.getgrgid(gid).gr_name, 64)
    except KeyError:
        return f"gid {gid}"


def _private_group(gid: int, uid: int) -> bool:
    """`gid` is the user's own group: the user's primary one, with no member but the user."""
    import grp
    import pwd

    try:
        user, group = pwd.getpwuid(uid), grp.getgrgid(gid)
    except KeyError:
        return False
    return user.pw_gid == gid and set(group.gr_mem) <= {user.pw_name}


def _let_in(mode: int, gid: int, uid: int, bits: tuple[int, int]) -> str:
    """Who besides the user `mode` lets do what `bits` (group's, others') stand for: "every
    user", "the group NAME", or ""."""
    group_bit, other_bit = bits
    if mode & other_bit:
        return "every user"
    if mode & group_bit and not _private_group(gid, uid):
        return f"the group {_group_name(gid)}"
    return ""


def distrusted(path: Path, folder_only: bool = False) -> str:
    """Why the config file `path` is not read, or "" when it is trusted (or not there, or no
    plain file: /dev/null names no config): it, or the folder holding it (that alone with
    `folder_only`), is another user's (root's aside), or others may write it. The reason and
    the fix, naming the owner, after "the config PATH is not read: "."""
    if not hasattr(os, "geteuid"):
        return ""  # not Unix: no owners and modes of this kind
    me = os.geteuid()
    for place in (path.parent,) if folder_only else (path, path.parent):
        try:
            was = os.stat(place)  # a link's target: the file read, and a folder a link leads to
        except OSError:
            return ""
        if place == path and not stat.S_ISREG(was.st_mode):
            return ""
        where = "it" if place == path or folder_only else f"its folder {said_path(place)}"
        if was.st_uid not in (me, 0):
            fix = "keep your config, and library, in a folder of yours (--config, --data-dir)"
            if place == path:  # in a folder of the user's, which may remove it
                fix = f"see what it holds, then `rm {said_path(path)}`: one of yours is made"
            return (
                f"{where} is {_name(was.st_uid)}'s, not yours ({_name(me)}), and the reader runs"
                f" a config's [[command]]s as you: {fix}"
            )
        if place != path and was.st_mode & stat.S_ISVTX:
            continue  # a sticky folder: the file in it is the user's, renamed by no one else
        who = _let_in(was.st_mode, was.st_gid, me, (stat.S_IWGRP, stat.S_IWOTH))
        if not who:
            continue
        fix = f"`chmod {'o-w' if who == 'every user' else 'g-w,o-w'} {said_path(place)}`"
        if was.st_uid != me:
            fix = f"{_name(was.st_uid)} can close it ({fix}), or keep your config in a folder of yours"
        return (
            f"{where} can be changed by {who}, and the reader runs a config's [[command]]s as"
            f" you: {fix}"
        )
    return ""


def _reached_by(root: Path, me: int) -> str:
    """Who besides the user `me` may reach the folder `root` (search it: its files' names are
    known, so a folder others may search, if not list, lets them open those): "every user",
    "the group NAME" or "". Every folder on the way must let them through: a 0755 library in a
    home of 0700 is the user's alone."""
    was = os.stat(root)
    everyone = bool(was.st_mode & stat.S_IXOTH)
    group = bool(was.st_mode & stat.S_IXGRP) and not _private_group(was.st_gid, me)
    for folder in root.absolute().parents:
        mode, gid = (found := os.stat(folder)).st_mode, found.st_gid
        everyone = everyone and bool(mode & stat.S_IXOTH)
        group = group and bool(mode & stat.S_IXOTH or (mode & stat.S_IXGRP and gid == was.st_gid))
    if everyone:
        return "every user"
    return f"the group {_group_name(was.st_gid)}" if group else ""


def readable_said(root: Path) -> str:
    """What a data directory of the user's that others may reach says, or "": what is read,
    saved, highlighted and noted there, and the feeds' passwords, are theirs to read too."""
    if not hasattr(os, "geteuid"):
        return ""
    me = os.geteuid()
    try:
        if os.stat(root).st_uid != me:
            return ""  # another's (root's, restored): said where it is written
        who = _reached_by(root, me)
    except OSError:
        return ""
    if not who:
        return ""
    return (
        f"warning: the data directory {said_path(root)} can be read by {who}: what you read,"
        f" mark and note there, and the feeds' passwords, are theirs to read:"
        f" `chmod go-rwx {said_path(root)}`"
    )
