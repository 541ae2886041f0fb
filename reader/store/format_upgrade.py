"""How a data directory of an older format is upgraded as a `Store` opens it: the modes a command
or the reader asks for (`UPGRADE_AT_FIRST_WRITE`, `UPGRADE_UNLESS_OPEN`; `True` upgrades as it
opens, `False` never) and the lines said of it, done, put off or refused while another process
has it open. The upgrade itself is `StoreDirectory`'s (`directory`); what the faces name and say
of it is here, beside none of the caches' code.
"""

from __future__ import annotations

from pathlib import Path

from ..data_format import DATA_FORMAT
from ..models import StoreError, Unwritable

UPGRADE_AT_FIRST_WRITE = "at first write"
"""The `upgrade` of a store opened by a command that may write: a directory of an older format
read as it is until the command first writes (a dry run, a failure on its argument or nothing
to change leave it as it was, acc47d D5)."""

UPGRADE_UNLESS_OPEN = "unless open elsewhere"
"""The `upgrade` of the reader told to upgrade (its question's `y`): upgraded as it opens, or,
another process having it open, read as it is this time, as `n` reads it (`upgrade_put_off`
says why): the reader's `y` under a running sync ended in "cannot open DIR", exit 1."""


def upgrade_put_off_said(root: Path, older: int) -> str:
    """Why `root`, of format `older`, was read as it is though the reader was told to upgrade
    it (`UPGRADE_UNLESS_OPEN`)."""
    from ..sync_lock import open_elsewhere_said

    return (
        f"the data directory {root} was not upgraded to format {DATA_FORMAT}:"
        f" {open_elsewhere_said(root)}, then start the reader again to upgrade it; read as it"
        f" is (format {older}) this time, keeping nothing"
    )


def upgrade_said(root: Path, older: int) -> str:
    """What the first command (or the reader) to upgrade `root` from format `older` says, once."""
    # Named by the format, which `reader --version` says of a reader, not by the day it was
    # raised (acc38b K1 named a day): 7 and 8 were raised on one day, and "readers from before
    # 2026-12-07" left out the format-7 readers of that day it refuses too. No advice to copy
    # it before the upgrade here: said once upgraded, it is too late (acc48d D10); the question
    # before it (`reader` asks) gives it while it still helps.
    return (
        f"the data directory {root} was upgraded from format {older} to {DATA_FORMAT}: readers"
        f" of format {DATA_FORMAT - 1} or older (`reader --version` says) can no longer open it,"
        " and there is no downgrade"
    )


def copy_first(root: Path, older: int) -> str:
    """How to keep a data directory of format `older` readable by the older reader: a copy of
    it made before the upgrade."""
    return (
        "to keep a copy the older reader can open, copy the directory before it is upgraded"
        f" (`cp -a {root} {root}.format{older}`)"
    )


def upgrade_blocked(root: Path, older: int) -> StoreError:
    """The error of an upgrade from format `older` not made: another process has `root` open
    (an older reader would go on writing into a directory it can no longer read, acc47d D2,
    D3). Exit 75 (EX_TEMPFAIL): cron's next run tries again."""
    from ..sync_lock import open_elsewhere_said

    return StoreError(
        f"the data directory {root} is of format {older} and this command would upgrade it to"
        f" {DATA_FORMAT}, but {open_elsewhere_said(root)}, then try again (nothing was changed)",
        Unwritable.BUSY,
    )
