"""The reader's own code changed under it while it runs (`pip install -U`, a `git pull` of the
editable install): how a failure that comes of that is told from a bug, and said in one line.

The reader imports many of its modules on first use (dialogs, commands, exporters, the
workers' modules), to start fast. One imported after the files changed is the new code
against the old already in memory, and fails as no test could foresee: an ImportError, an
AttributeError, a TypeError of a changed signature; so does a worker process started then,
all new code handed the old one's work. Told by the package's `.py` files: one changed, or
gone, since this process started. The stamp taken at the start is the clock's time alone, no
file read (the start pays nothing for it); the files are looked at only once something has
failed (`upgrade_in`), at most once a second while they are as they were.
"""

from __future__ import annotations

import os
import sys
import time

STARTED_AT = time.time()
"""When this process's reader began: taken as the package is first imported (`reader/__init__`
imports this module), before any of its other modules."""

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
"""The package's directory; by `os.path`, not `pathlib`: this module is imported before any
other of the reader's, by every process, and takes nothing in but the clock."""
_LOOKED_AGAIN_AFTER = 1.0
"""Seconds a look that found the files as they were holds: a refresh whose hundreds of feeds
each fail (a hostile parser's error) walks the package's ~500 files once a second, not 500 times."""

_CLOCKS_APART = 2.0
"""Seconds a file's time may be ahead of this clock and still be a change made now (a network
file system's clock a little ahead)."""

_changed: float | None = None
"""When the files were found changed (their newest time), once they were: they stay changed."""
_looked_at = 0.0


class Upgraded(Exception):
    """A failure of code that changed under the reader while it ran: said as that, in one line
    (`str`), not as the error it met. The user quits and starts the reader again."""

    def __init__(self, changed: float) -> None:
        self.changed = changed
        super().__init__(
            f"reader was upgraded while open (its files changed at {self._at}): quit and start "
            "it again; nothing is lost"
        )

    def __reduce__(self) -> tuple[type[Upgraded], tuple[float]]:
        # Made again from its time, as a worker process raised it hands it back (a worker
        # started before the change, importing a module on first use after it).
        return (Upgraded, (self.changed,))

    @property
    def _at(self) -> str:
        return time.strftime("%H:%M", time.localtime(self.changed))

    def quit_said(self) -> str:
        """The line on the terminal once the reader has quit for it (a key's action failed)."""
        return (
            f"reader was upgraded while open (its files changed at {self._at}); it has quit, "
            "its place and marks kept: start it again"
        )

    def command_said(self) -> str:
        """The line a command (`reader sync`…) says: it ends, and is run again."""
        return (
            f"reader was upgraded while this command ran (its files changed at {self._at}): "
            "run it again"
        )


def changed_at() -> float | None:
    """When the package's files changed, if one did after this process began (or one its
    modules were loaded from is gone: an upgrade removed it); else None."""
    global _changed, _looked_at
    if _changed is not None:
        return _changed
    now = time.time()
    if now - _looked_at < _LOOKED_AGAIN_AFTER:
        return None
    _looked_at = now
    newest = 0.0
    for folder, _, names in os.walk(_PACKAGE):
        for name in names:
            if name.endswith(".py"):
                try:
                    changed = os.stat(os.path.join(folder, name)).st_mtime
                except OSError:  # removed as it is being looked at: an upgrade under way
                    changed = now
                # Not a time still to come: a checkout whose clock ran ahead of this one's
                # (unpacked from elsewhere), changed before the start all the same.
                if changed <= now + _CLOCKS_APART:
                    newest = max(newest, changed)
    if newest <= STARTED_AT:
        newest = now if _loaded_gone() else 0.0
    if newest > STARTED_AT:
        _changed = newest
    return _changed


def _loaded_gone() -> bool:
    """Whether a module this process loaded from the package has no file any more."""
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if origin and origin.startswith(_PACKAGE + os.sep) and not os.path.exists(origin):
            return True
    return False


def upgrade_in(error: BaseException) -> Upgraded | None:
    """`error` said as the upgrade it comes of (`Upgraded`, from `error`), when the reader's
    files changed since it started; None when they did not (a bug, a hostile page's error)."""
    if isinstance(error, Upgraded):
        return error
    changed = changed_at()
    if changed is None:
        return None
    upgraded = Upgraded(changed)
    upgraded.__cause__ = error
    return upgraded
