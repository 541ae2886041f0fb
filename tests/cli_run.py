"""The `reader` command run for a test as a shell runs it, its output and status back as
`subprocess.run` gives them: in this process where a process of its own would prove nothing
more, as a process of its own where it would.

A process costs ~0.2 s of CPU (Python, the reader's imports) and ~0.4 s on a busy machine: the
suite ran some hundreds. In this process the command is the same `main`, given the same
arguments, environment (`READER_HOME`), stdin and a stdout and stderr that are pipes as far as
it can tell (not terminals, UTF-8, their bytes read back with universal newlines as `text=True`
reads them). A command that starts worker processes or takes signals (`sync`, `reextract`, the
reader itself, `demo`), one run while an event loop runs here (inside a Pilot test), or one
given a time zone or locale of its own still runs as a process.
"""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from reader.cli import main
from reader.sync_lock import SyncLock

# What a process reads once as it starts (the time zone, the locale): a test that sets one
# runs the command as a process, which reads it as a user's would.
_READ_AT_START = ("TZ", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_TIME", "LC_MESSAGES")
_STARTED_WITH = {name: os.environ.get(name) for name in _READ_AT_START}

# Commands that start worker processes (fork is only safe in a process with no other thread,
# and spawning costs more than the process) or set signal handlers (`sync`'s SIGTERM).
_OWN_PROCESS = frozenset({"sync", "reextract", "demo"})


def run_reader(
    data_dir: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` with READER_HOME=`data_dir`, as `subprocess.run(…, text=True)` returns it.
    `data_dir`, a test's home for a library, is one (`library_home`)."""
    library_home(data_dir)
    if _needs_a_process(args):
        return _in_a_process(data_dir, args, stdin)
    return _in_this_process(data_dir, args, stdin)


def library_home(data_dir: Path) -> Path:
    """`data_dir` made a library where it isn't one yet (made, or empty: a `mktemp -d`), as
    `reader add` starts one: a command that reads one refuses a directory that isn't there or
    is empty (`library_missing`). A file's name is left to its own test."""
    if not data_dir.exists() and not data_dir.is_symlink():
        data_dir.mkdir(parents=True)
    if data_dir.is_dir() and not any(data_dir.iterdir()):
        from reader.store import Store

        Store(data_dir).close()
    return data_dir


def _needs_a_process(args: tuple[str, ...]) -> bool:
    command = next((a for a in args if not a.startswith("-")), None)
    if command is None or command in _OWN_PROCESS:
        return True  # the reader itself, or `--version`/`--help` (cheap either way)
    if any(os.environ.get(name) != value for name, value in _STARTED_WITH.items()):
        return True
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True  # the command's asyncio.run can't run inside a running loop


def started_reader(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """`reader ARGS` with READER_HOME=`data_dir` started as a process of its own and left to
    run (a sync a test searches or waits beside), its stderr a pipe, its stdout thrown away."""
    library_home(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(data_dir),
    )


def reader_process(
    data_dir: Path, *args: str, dropped: tuple[str, ...] = (), **env: str
) -> subprocess.CompletedProcess[str]:
    """`reader --data-dir DATA_DIR ARGS` as a process of its own, as a shell runs it: this
    environment but the variables whose names hold one of `dropped` (the tester's own
    `SSL_CERT_FILE`, `HTTPS_PROXY`), with `env` set."""
    kept = {k: v for k, v in os.environ.items() if not any(d in k for d in dropped)}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**kept, "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
    )


def sync_waits_for(data_dir: Path, held: SyncLock) -> None:
    """A `reader sync` started while `held` (taken here) is held says it waits, waits, and
    ends well once `held` is let go."""
    sync = started_reader(data_dir, "sync", "--no-articles")
    try:
        assert sync.stderr is not None
        said = sync.stderr.readline()
        assert said == (
            f"reader: another sync (pid {os.getpid()}) is running: waiting for it (10 min at"
            " most: --wait, [system] sync_wait)\n"
        )
        time.sleep(1)
        assert sync.poll() is None  # still waiting
        held.release()
        assert sync.wait(timeout=120) == 0
    finally:
        held.release()
        if sync.poll() is None:
            sync.kill()
            sync.wait()


def _environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}


def _in_a_process(
    data_dir: Path, args: tuple[str, ...], stdin: bytes | None
) -> subprocess.CompletedProcess[str]:
    env = _environment(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _in_this_process(
    data_dir: Path, args: tuple[str, ...], stdin: bytes | None
) -> subprocess.CompletedProcess[str]:
    out, err = _pipe(), _pipe()
    saved = sys.stdin, sys.stdout, sys.stderr, os.environ.get("READER_HOME")
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    os.environ["READER_HOME"] = str(data_dir)
    try:
        status = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors, as the process would end
        status = exit_.code if isinstance(exit_.code, int) else (exit_.code is not None)
        if isinstance(exit_.code, str):
            print(exit_.code, file=err)
    except BaseException:  # a traceback, as Python prints one and exits with 1
        traceback.print_exc(file=err)
        status = 1
    finally:
        sys.stdin, sys.stdout, sys.stderr, home = saved
        if home is None:
            os.environ.pop("READER_HOME", None)
        else:
            os.environ["READER_HOME"] = home
    return subprocess.CompletedProcess(
        ["reader", *args], int(status), _read_back(out), _read_back(err)
    )


def _pipe() -> io.TextIOWrapper:
    """A stream as a pipe is to a command: UTF-8, not a terminal, no file descriptor."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _read_back(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline=None).read()


def under_umask_000(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` in `env` in a process of its own under umask 000, a careless service's or
    shared account's: what it makes, its modes as that umask leaves them."""
    return subprocess.run(
        ["sh", "-c", 'umask 000 && exec "$0" -m reader "$@"', sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
