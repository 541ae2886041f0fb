"""The `{file}` of a user's command (`user_commands`): the article's Markdown in a file of the
user's own folder (`own_folder`), removed once the program given it ends, even when the
reader ends first.

A program still running when the reader ends (a background one: the reader never waits for
it) keeps its file until it ends too: removing it then would cut off a program that opens or
reads it later (a viewer still starting, a script that sleeps first). The reader hands each
such file to a small watcher process of its own session, which waits for the program's end
(a pidfd on Linux, never a guess by its pid's number being reused) and removes it then.

A reader killed (kill -9, a power cut) removes nothing and hands nothing over: its files were
left in the folder for good. Each file is held locked (`part_files.hold`) from before its
first byte by the reader, and by the program given it and its watcher, which inherit the lock;
the next reader to start sweeps those no live process holds (`sweep_left_files`), and never
one of a reader running beside it, nor of a program still running.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from contextlib import suppress

from .own_folder import own_temp_folder
from .part_files import NAMED, hold, sweep_own_folder

_PREFIX, _SUFFIX = "article-", ".md"
_FOLDER = "commands"

_WATCHER = """
import os, select, sys, time
fd, pid, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
if fd >= 0:
    select.select([fd], [], [])  # readable once the process has ended
else:
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        except OSError:
            pass
        time.sleep(1)
try:
    os.unlink(path)
except OSError:
    pass
"""
"""Run by `sys.executable -c`: nothing of the reader imported (quick to start, and the same
whatever the reader's version)."""

_lock = threading.Lock()
_in_use: dict[subprocess.Popen[bytes], str] = {}
"""The files of the programs running in the background, by their process."""
_held: dict[str, int] = {}
"""The descriptor holding each file's lock, by its path, until it is removed or handed over."""


def markdown_file(markdown: str) -> str:
    """A file holding `markdown` ({file}) in the user's own folder, its path: removed by
    `remove` (a program in the foreground, or one that could not start) or `ended`. OSError
    when it can't be written, or the folder is not the user's alone."""
    handle, path = tempfile.mkstemp(prefix=_PREFIX, suffix=_SUFFIX, dir=own_temp_folder(_FOLDER))
    hold(handle)  # before its first byte: a reader starting beside this one leaves it
    try:
        with os.fdopen(os.dup(handle), "w", encoding="utf-8") as file:
            file.write(markdown)
    except BaseException:
        os.close(handle)
        with suppress(OSError):
            os.unlink(path)
        raise
    with _lock:
        _held[path] = handle
    return path


def holding(path: str) -> tuple[int, ...]:
    """The descriptor holding `path`'s lock, for the program given it to inherit (`pass_fds`):
    held while it runs, even after the reader is killed; none for no file."""
    with _lock:
        fd = _held.get(path)
    return () if fd is None else (fd,)


def remove(path: str) -> None:
    if path:
        with suppress(OSError):
            os.unlink(path)
        _release(path)


def _release(path: str) -> None:
    with _lock:
        fd = _held.pop(path, None)
    if fd is not None:
        os.close(fd)


def sweep_left_files() -> int:
    """Remove the files readers killed left (see the module's docstring): those no process
    holds; how many. Nothing when the folder is not there, or not the user's alone."""
    return sweep_own_folder(_FOLDER, re.compile(re.escape(_PREFIX) + NAMED + re.escape(_SUFFIX)))


def in_use(process: subprocess.Popen[bytes], path: str) -> None:
    """`path` is read by `process`, running in the background: removed at its end (`ended`),
    or handed to a watcher when the reader ends first (`hand_over`)."""
    if path:
        with _lock:
            _in_use[process] = path


def ended(process: subprocess.Popen[bytes]) -> None:
    """`process` has ended (waited for): its file is removed."""
    with _lock:
        path = _in_use.pop(process, "")
    remove(path)


def hand_over() -> None:
    """As the reader ends: the file of each program still running left to a watcher that
    removes it once the program ends; those of programs ended removed now."""
    with _lock:
        files = list(_in_use.items())
        _in_use.clear()
    for process, path in files:
        try:
            watched = _pidfd(process)
        except ProcessLookupError:  # ended meanwhile
            remove(path)
            continue
        try:
            subprocess.Popen(
                [sys.executable, "-c", _WATCHER, str(watched), str(process.pid), path],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Its lock too: held until the watcher removes it, by a program that closed
                # the copy it was given as well.
                pass_fds=((watched,) if watched >= 0 else ()) + holding(path),
                start_new_session=True,  # the terminal's hang-up as the reader ends
            )
        except OSError:  # no process to be had: left to the next reader's sweep
            pass
        finally:
            if watched >= 0:
                os.close(watched)
            _release(path)  # the program's and the watcher's hold it now


def _pidfd(process: subprocess.Popen[bytes]) -> int:
    """A pidfd of `process` (-1 where there are none: the watcher then looks for its pid);
    ProcessLookupError once it has ended."""
    if process.returncode is not None:
        raise ProcessLookupError(process.pid)
    opening = getattr(os, "pidfd_open", None)
    if opening is None:
        return -1
    try:
        return opening(process.pid)
    except ProcessLookupError:
        raise
    except OSError:  # a kernel without pidfds
        return -1
