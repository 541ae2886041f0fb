"""The reader's own code changed under it while it runs (`pip install -U`, a `git pull` of the
editable install): how a failure that comes of that is told from a bug, and said in one line.

The reader imports many of its modules on first use (dialogs, commands, exporters, the
workers' modules), to start fast. One imported after the files changed is the new code
against the old already in memory, and fails as no test could foresee: an ImportError, an
AttributeError, a TypeError of a changed signature; so does a worker process started then,
all new code handed the old one's work. So does a library the reader uses installed anew
under it (`pip install -U textual`, `uv sync`): its modules imported on first use (a Textual
widget's, lxml and readability-lxml in a worker) are the new version against the old one's
in memory. Told by the package's `.py` files, one changed since this process started; by a
distribution installed since then in a folder the reader imports from (its `.dist-info`
folder, made anew by each install); or by a module this process loaded whose file is gone (an
upgrade under way removed it). The stamp taken at the start is the clock's time alone, no file
read (the start pays nothing for it); the files are looked at only once something has failed
(`upgrade_in`), at most once a second while they are as they were.
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
    """When the package's files changed, or a distribution it imports from was installed, if
    one was after this process began (or a module it loaded has no file any more: an upgrade
    removed it); else None."""
    global _changed, _looked_at
    if _changed is not None:
        return _changed
    now = time.time()
    if now - _looked_at < _LOOKED_AGAIN_AFTER:
        return None
    _looked_at = now
    installs = installed()
    newest = max([package_changed(now), *(_changed_time(path, now) for path in installs)])
    if newest <= STARTED_AT:
        places = (_PACKAGE, *{os.path.dirname(path) for path in installs})
        newest = now if loaded_gone(places) else 0.0
    if newest > STARTED_AT:
        _changed = newest
    return _changed


def _changed_time(path: str, now: float) -> float:
    """When the file or folder `path` last changed; `now` for one gone as it is looked at (an
    upgrade under way), 0 for a time still to come: a checkout or a folder made by a machine
    whose clock ran ahead of this one's (unpacked from elsewhere), changed before the start
    all the same."""
    try:
        changed = os.stat(path).st_mtime
    except OSError:
        return now
    return changed if changed <= now + _CLOCKS_APART else 0.0


def package_changed(now: float) -> float:
    """When the newest of the package's `.py` files changed."""
    newest = 0.0
    for folder, _, names in os.walk(_PACKAGE):
        for name in names:
            if name.endswith(".py"):
                newest = max(newest, _changed_time(os.path.join(folder, name), now))
    return newest


_INSTALLED = (".dist-info", ".egg-info")
"""How the folder of an installed distribution's metadata is named: pip and uv make it anew at
each install, an upgrade's or a reinstall's (`textual-8.2.5.dist-info`). Not the packages' own
folders: Python writes their `__pycache__` as a module is first imported, which changes them."""


def installed() -> list[str]:
    """The metadata folders of the distributions in the folders the reader imports from
    (`sys.path`: its environment's site-packages, PYTHONPATH's), each made as it was installed
    (`_INSTALLED`)."""
    found: list[str] = []
    for folder in list(sys.path):
        try:
            with os.scandir(folder or ".") as entries:
                found += [entry.path for entry in entries if entry.name.endswith(_INSTALLED)]
        except OSError:  # not a folder (a zip of the standard library), or not there
            continue
    return found


def loaded_gone(places: tuple[str, ...]) -> bool:
    """Whether a module this process loaded from a file under `places` (the package's folder,
    those distributions are installed in) has no file any more: the reader or a library
    uninstalled or upgraded under it, its new files not all there yet, or a module the new
    version has not. Not a module of a folder of its own (a test's, gone with it)."""
    # Here: only a failure looks (the loaders are the interpreter's own, in memory already).
    from importlib.machinery import ExtensionFileLoader, SourceFileLoader, SourcelessFileLoader

    by_file = (SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader)

    under = tuple(os.path.join(place, "") for place in places)
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        # By a file loader alone: a module of a zip's origin is no file of its own.
        origin = getattr(spec, "origin", None)
        if not isinstance(getattr(spec, "loader", None), by_file) or not origin:
            continue
        if origin.startswith(under) and not os.path.exists(origin):
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
