"""The `{file}` of a user's command (`user_commands`): the article's Markdown in a file of the
user's own folder (`own_folder`), removed once the program given it ends, even when the
reader ends first.

A program still running when the reader ends (a background one: the reader never waits for
it) keeps its file until it ends too: removing it then would cut off a program that opens or
reads it later (a viewer still starting, a script that sleeps first). The reader hands each
such file to a small watcher process of its own session, which waits for the program's end
(a pidfd on Linux, never a guess by its pid's number being reused) and removes it then.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from contextlib import suppress

from .own_folder import own_temp_folder

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


def markdown_file(markdown: str) -> str:
    """A file holding `markdown` ({file}) in the user's own folder, its path: removed by
    `remove` (a program in the foreground, or one that could not start) or `ended`. OSError
    when it can't be written, or the folder is not the user's alone."""
    handle, path = tempfile.mkstemp(
        prefix="article-", suffix=".md", dir=own_temp_folder("commands")
    )
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(markdown)
    return path


def remove(path: str) -> None:
    if path:
        with suppress(OSError):
            os.unlink(path)


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
                pass_fds=(watched,) if watched >= 0 else (),
                start_new_session=True,  # the terminal's hang-up as the reader ends
            )
        except OSError:  # no process to be had: left in the user's own folder
            pass
        finally:
            if watched >= 0:
                os.close(watched)


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
