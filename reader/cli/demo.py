"""`reader demo` (the bundled news site, served on 127.0.0.1) and the TUI itself."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import data_dir
from ..marks import ASCII_ONLY
from ..own_folder import make_private_folder
from ..process_state import stopped
from ..sync_lock import ReaderLock
from .common import (
    EXIT_OK,
    EXIT_TRY_AGAIN,
    EXIT_USAGE,
    CommandError,
    check_keys,
    config_of,
    err,
    open_library,
    out,
    stdout_unicode,
)

if TYPE_CHECKING:
    from ..config import Config
    from ..library import Library


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo.server import DEMO_PORT, start_demo_server

    if args.serve and args.theme:
        # Said rather than ignored, as the other options that can't go together are.
        err("--serve only serves the site, and --theme is the reader's screen's: give one of them")
        return EXIT_USAGE
    if not args.serve:
        tui_config(args)  # a mistake in the config file is said first, terminal or not
    if not args.serve and (missing := _not_a_terminal()):
        err(f"the reader needs a terminal ({missing}); `reader demo --serve` serves the site alone")
        return EXIT_USAGE
    # The fixed port keeps a kept data directory's feed URLs the same from one demo to the next;
    # when it is taken (another demo, another program) a free one will do. A port asked for is
    # that port or an error.
    port = DEMO_PORT if args.port is None else args.port
    try:
        server = start_demo_server(port=port, fall_back=args.port is None)
    except OSError as error:
        raise CommandError(
            f"cannot serve the demo on 127.0.0.1:{port}: {error.strerror or error}"
        ) from None
    try:
        if args.serve:
            out(f"demo news site at {server.base_url}/ — feeds:")
            for url in server.feed_urls:
                out(url)
            out("serving until Ctrl-C")
            sys.stdout.flush()
            try:
                import threading

                threading.Event().wait()
            except KeyboardInterrupt:
                pass
            return EXIT_OK
        return _demo_tui(args, server.feed_urls)
    finally:
        server.stop()


def _demo_tui(args: argparse.Namespace, feed_urls: list[str]) -> int:
    import shutil
    import tempfile

    from ..held_signals import held_back
    from .stops import interrupted_within, stop_on_terminate, stopped_status

    # A SIGTERM or SIGHUP (a service stopped, `timeout`, a closed ssh session) before the
    # reader's screen takes them over, or after it gives them back, stops the demo as Ctrl-C
    # does: its throwaway directory went with a Ctrl-C only, and stayed in $TMPDIR otherwise.
    # Taken before the directory is made, so no moment of it is left uncovered.
    stopped_by = stop_on_terminate()
    throwaway: str | None = None
    try:
        # Throwaway unless a directory is named on the command line: a READER_HOME set in the
        # shell must not fill a real reading list with feeds on a port that is gone tomorrow.
        # Made and named with the stops held back: one between the two left it unnamed here.
        with held_back(signal.SIGINT, signal.SIGTERM, *_HANG_UP):
            if not args.data_dir:
                throwaway = args.data_dir = tempfile.mkdtemp(prefix="reader-demo-")
        lib = open_library(args)
        try:
            subscribe_to_demo(lib, feed_urls)
        finally:
            lib.close()
        return cmd_tui(args)
    except BaseException as error:
        if stopped_by and interrupted_within(error):
            return stopped_status(stopped_by[0])  # README, Exit status
        raise
    finally:
        if throwaway:
            shutil.rmtree(throwaway, ignore_errors=True)


_HANG_UP = (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()  # none on Windows


def subscribe_to_demo(lib: Library, feed_urls: list[str]) -> None:
    """Subscribe to the demo's feeds, dropping the copies an earlier demo on another port left.

    A kept data directory then lists the three demo feeds once, whatever port each run got. A
    demo still running beside this one on the same directory keeps its feeds.
    """
    from ..demo.server import earlier_demo_feeds, still_serving

    for url in earlier_demo_feeds((feed.url for feed in lib.feeds()), feed_urls):
        if not still_serving(url):
            lib.remove_feed(url)
    for url in feed_urls:
        lib.add_feed(url)


def _not_a_terminal() -> str:
    """Why the reader's screen can't be drawn here, or "". Started from cron, a script or with
    a redirection, it drew its screen into a file and read the end of its input over and over,
    a fifth of a core, until killed; in a terminal with no cursor addressing (TERM=dumb: an
    editor's shell) it sent its escapes as text; in a locale whose charset is not UTF-8
    (Latin-1) every line and mark came out as a "\\u2502" escape."""
    import os

    for stream, name in ((sys.stdin, "its input"), (sys.stdout, "its output")):
        if stream is None or not stream.isatty():
            return f"{name} is not one"
    term = os.environ.get("TERM")
    if term is None:
        return "TERM is not set: it names the terminal, and none named can't draw a screen"
    if term == "":  # `TERM= reader`: said "TERM=(unset)", set as it was (acc45b B8)
        return "TERM is empty: it names the terminal, and none named can't draw a screen"
    if term == "dumb":
        return f"TERM={term} is one that can't draw a screen"
    if not stdout_unicode() and not ASCII_ONLY:  # ASCII: drawn in ASCII (`marks.ASCII_ONLY`)
        return (
            f"this one's charset is {sys.stdout.encoding}, not UTF-8: run it with a UTF-8"
            " locale, e.g. LC_ALL=C.UTF-8"
        )
    if sys.stderr is None or not sys.stderr.isatty():
        # Textual draws on the errors' stream (its driver's `sys.__stderr__`): `reader 2>log`
        # drew the screen into the file, and an older library's upgrade question, asked
        # there too, held the reader on a blank terminal for an answer no one saw asked.
        return "its error output is not one: the screen is drawn there"
    return ""


def cmd_tui(args: argparse.Namespace) -> int:
    config = tui_config(args)  # a mistake in the config file is said first, terminal or not
    if missing := _not_a_terminal():
        err(
            f"the reader needs a terminal ({missing}); in a script: reader list, reader sync,"
            " reader show"
        )
        return EXIT_USAGE
    root = data_dir(args.data_dir)
    lock = ReaderLock(root)
    with contextlib.suppress(OSError):  # a directory that can't be made: the store says so
        make_private_folder(root)
    if not lock.take():
        holder = lock.holder()
        where = "read there"
        if holder and stopped(holder):  # its terminal's shell has it: the reader said nothing
            where = "stopped with Ctrl-Z in its terminal: fg there"
        err(
            f"the library in {root} is open in another reader{f' (pid {holder})' if holder else ''}:"
            f" {where}, or quit it first (reader list, show and sync work beside it)"
        )
        return EXIT_TRY_AGAIN  # locked: 75, as a store held by another program
    try:
        upgrade = _upgrade_agreed(root)
    except BaseException:
        lock.release()
        raise
    from ..ui.collector import pause_for_start

    pause_for_start()  # until the first screen is drawn: the imports make no garbage
    from ..ui.app import run_app

    try:
        return run_app(root, config, upgrade)
    finally:
        lock.release()


def _upgrade_agreed(root: Path) -> bool:
    """Whether the reader is to upgrade `root`, a data directory of an older format: asked on
    the terminal before it starts, as the reader keeps what is done in it (marks, places, its
    refresh) and an older reader sharing it (a synced folder, another machine) can't open it
    after; no, or no answer, reads it as it is, keeping nothing. True where there is nothing to
    ask (its format the reader's, or a read-only disk's: read as it is anyway)."""
    from ..models import StoreError
    from ..store import DATA_FORMAT, Store
    from ..store.format_upgrade import copy_first

    try:
        store = Store(root, upgrade=False)
    except StoreError:
        return True  # the reader says why it can't open it
    older = store.older_format
    store.close()
    if older is None:
        return True
    # Asked of a terminal alone: the reader starts on none (`_not_a_terminal`), so a pipe that
    # never closes never holds it here.
    # And what keeps a way back, before it is gone (acc47d D6: nothing said there was none).
    err(
        f"the data directory {root} is of an older format ({older}): the reader keeps marks,"
        f" places and its refresh in it once it is upgraded to format {DATA_FORMAT}, which"
        f" readers of format {DATA_FORMAT - 1} or older can no longer open, and there is no"
        f" downgrade; {copy_first(root, older)}: answer n, copy, start again"
    )
    err("upgrade it now? y: upgrade it; n (or Enter): read it as it is, keeping nothing")
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def tui_config(args: argparse.Namespace) -> Config:
    """The config the reader's screen runs on: the file's, its theme `--theme`'s if given."""
    config = config_of(args)
    check_keys(config)
    return replace(config, theme=args.theme) if args.theme else config
