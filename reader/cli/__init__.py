"""The `reader` command: subcommands over the `Library` service, and the TUI when given none.

Start-up matters (`reader list` in a shell loop): heavy modules (httpx, lxml, textual) are
imported inside the commands that need them, never at module level here.

The commands live by what they act on: `subscribing` (add, remove, rename), `feed_files`
(import, export's OPML; `import_marks`, what an import brings besides), `feed_list` (feeds),
`sync`, `articles` (list, show, save, reextract, the cache, the config), `extract_file` (a saved
page), `demo` (and the TUI); `parser` names them all, `common` is what they share.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..models import FetchError, StoreError
from ..upgraded import upgrade_in
from ..word_wrap import size_from_the_terminal
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_PIPE_CLOSED,
    CommandError,
    err,
    failure_status,
    fit_output_to_locale,
    to_nowhere,
)
from .demo import cmd_demo, cmd_tui
from .parser import build_parser
from .stops import interrupted_within  # at the start: a failure may come of files changed since


def main(argv: Sequence[str] | None = None) -> int:
    _closed_streams_to_devnull()
    fit_output_to_locale()
    size_from_the_terminal()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        if done.code not in (0, None):
            raise  # bad usage: argparse's own line said it
        # `--help`, `--version`: their output fails as a command's does (`> /dev/full` ended
        # in a traceback, or in nothing and 0 with the help lost).
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            return _stdout_closed()
        except OSError as error:
            to_nowhere(sys.stdout)  # the text still held would fail again at exit, in a traceback
            return _os_failure(error)
        raise
    except BrokenPipeError:
        return _stdout_closed()
    except OSError as error:
        to_nowhere(sys.stdout)
        return _os_failure(error)
    func = getattr(args, "func", cmd_tui)
    if args.theme and func not in (cmd_tui, cmd_demo):
        # Said rather than ignored: the commands print plain text, in no colour of the reader's.
        parser.error("--theme is the reader's screen's: give it with no command, or to demo")
    try:
        status = func(args)
        sys.stdout.flush()  # here, so that a closed pipe is caught below rather than at exit
        return status
    except BrokenPipeError:
        return _stdout_closed()
    except (CommandError, StoreError, FetchError) as error:
        # Failures are values with a one-line message: the faces never show a traceback.
        err(str(error))
        return failure_status(error)
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except OSError as error:
        return _os_failure(error)
    except Exception as error:
        if interrupted_within(error):  # a Ctrl-C another exception wrapped
            err("interrupted")
            return EXIT_INTERRUPTED
        # A module imported on first use after the reader's files changed under the command
        # (`upgraded`): said in a line. Anything else is a bug, and its traceback says where.
        if (upgraded := upgrade_in(error)) is None:
            raise
        err(upgraded.command_said())
        return EXIT_FAILED


def _os_failure(error: OSError) -> int:
    """An error of the system's (a full disk under the output, a file refused) in one line."""
    err(f"{error.strerror or error}" + (f": {error.filename}" if error.filename else ""))
    return EXIT_FAILED


def _closed_streams_to_devnull() -> None:
    """A command started with its output or its errors closed (`>&-`, a daemonising wrapper,
    an old cron set-up) writes them to nothing, as to /dev/null: Python leaves such a stream
    None, and the first write or flush ended the command in a traceback, however well it went.
    Its input closed (`<&-`, a supervisor's job), `-` reads nothing, as from /dev/null: an
    empty list, said so (acc51a A2: a traceback in every command taking `-`)."""
    import os

    for name, mode in (("stdout", "w"), ("stderr", "w"), ("stdin", "r")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def _stdout_closed() -> int:
    """Quietly end a command whose reader went away (`reader list | head -1`), as `cat` would.

    No message: the reader of the pipe closed it on purpose. The status is 141 (128 + SIGPIPE),
    what a shell reports for `cat`, `grep` or `ls` in the same place, so a script sees the output
    was cut short rather than a success.
    """
    to_nowhere(sys.stdout)
    return EXIT_PIPE_CLOSED
