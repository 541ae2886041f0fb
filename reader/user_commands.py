"""Commands of the user's own on a key (config.toml's `[[command]]`, newsboat's `macro`,
`bookmark-cmd` and pipe-to): a program run on the article under the cursor or read, its
address, title, feed, id or citation put in its arguments, its text on its standard input or in
a file.

A program is never run by a shell: `run` is an argument list, and a string is split as a shell
would split it, once, when the config is read. Each placeholder ("{url}") is replaced inside
the one argument it is written in, whatever the value holds (spaces, quotes, `;`, `$(…)`): a
title from the web can't become a second argument, a command or a redirection. Its control
characters and line breaks are removed (`safe_line`), and a value that would start an argument
with "-" is refused unless "--" comes before it (the program's end of its options), or it is
the value of an option the command says takes one (`value_options`).

A program runs in the background, in a session of its own (the reader's Ctrl-C and its end
never reach it; one outliving the reader runs on), its output away from the screen and its
first line of errors kept to be said; one that needs the terminal (`terminal = true`: less,
vim) runs in the foreground while the reader steps aside (the TUI's part). No `textual` here.
"""

from __future__ import annotations

import os
import shlex
import shutil
import string
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from . import command_files
from .program_errors import SAID_AT_MOST, first_written
from .safe import safe_line

PLACEHOLDERS = ("url", "title", "feed", "id", "citation", "file")
"""What `{…}` in `run` may name: the article's address as read (a selected link's in an
article), its title, its feed's name, its id (as `reader show` takes it), its citation as `y`
copies it, and a temporary file holding its Markdown (removed once the program ends)."""
PLACES = ("both", "headlines", "article")
"""Where a command's key works (`where`)."""
INPUTS = ("", "text", "markdown")
"""What a command's standard input gets (`input`): nothing, or the article as plain text or as
Markdown (newsboat's pipe-to)."""
_SETTINGS = ("key", "name", "run", "where", "input", "terminal", "value_options")
_MOST_NAME = 40


@dataclass(frozen=True)
class UserCommand:
    """One `[[command]]` table."""

    key: str
    """As written (`[keys]`' spelling): the TUI reads it (`reader.ui.keymap`)."""
    name: str
    """What the help, the key bar and the status line call it."""
    run: tuple[str, ...]
    """The program and its arguments, placeholders and all."""
    where: str = "both"
    input: str = ""
    terminal: bool = False
    value_options: frozenset[str] = frozenset()
    """The options of `run` taking the argument after them as their value (grep's "-e"): a
    value starting with "-" there is that option's, never one of its own."""
    table: str = ""
    """How a fault names it: 'command (2) "mpv"'."""

    @property
    def program(self) -> str:
        return self.run[0]

    @property
    def uses(self) -> frozenset[str]:
        """The placeholders its `run` names."""
        return frozenset(name for element in self.run for name in _fields(element))

    def works_in(self, place: str) -> bool:
        """Whether its key works in `place`: "headlines" or "article"."""
        return self.where in ("both", place)

    @property
    def needs_article(self) -> bool:
        """Whether it needs the article's text (cached), not the headline's facts alone."""
        return bool(self.input) or "file" in self.uses


def user_commands(value: Any) -> tuple[UserCommand, ...]:
    """The config's `[[command]]` tables; ValueError with a line for each fault of each table
    (every one at once: one edit fixes them all), naming it by its number down the file."""
    if not isinstance(value, list) or not all(isinstance(table, dict) for table in value):
        raise ValueError("command: write each as a table, [[command]] then key, name and run = […]")
    found: list[UserCommand] = []
    faults: list[str] = []
    for number, table in enumerate(value, 1):
        name = table.get("name")
        where = f"command ({number})" + (
            f' "{safe_line(name, 40)}"' if isinstance(name, str) else ""
        )
        command, said = _command(where, table)
        faults += said
        if command is not None:
            found.append(command)
    if faults:
        raise ValueError("\n".join(faults))
    return tuple(found)


def _command(where: str, table: dict[str, Any]) -> tuple[UserCommand | None, list[str]]:
    faults = [
        f"{where}: unknown setting {key} (a command takes {', '.join(_SETTINGS)})"
        for key in table
        if key not in _SETTINGS
    ]
    key, name = table.get("key"), table.get("name")
    if not isinstance(key, str) or not key:
        faults.append(f'{where}: key is the key that runs it, as [keys] writes one: key = "M"')
    if not isinstance(name, str) or not safe_line(name) or len(name) > _MOST_NAME:
        faults.append(
            f"{where}: name is what the help and the status line call it, {_MOST_NAME}"
            ' characters at most: name = "mpv"'
        )
    run = _argv(where, table.get("run"), faults)
    place = table.get("where", "both")
    if place not in PLACES:
        faults.append(f"{where}: where is one of {', '.join(map(repr, PLACES))}, not {place!r}")
    given = table.get("input", "")
    if given not in INPUTS:
        faults.append(f'{where}: input is "text" or "markdown" (the article on its standard input)')
    terminal = table.get("terminal", False)
    if not isinstance(terminal, bool):
        faults.append(f"{where}: terminal is true (it needs the screen, as less does) or false")
    options = _value_options(where, table.get("value_options", []), run, faults)
    if faults:
        return None, faults
    command = UserCommand(
        key,
        safe_line(name),
        run,
        place,
        given,
        terminal,
        options,
        table=where,  # type: ignore[arg-type]
    )
    return command, []


def _argv(where: str, run: Any, faults: list[str]) -> tuple[str, ...]:
    """`run` as an argument list: a list of strings as it is, a string split as a shell splits
    it (quotes and backslashes; never run by one)."""
    if isinstance(run, str):
        try:
            argv = shlex.split(run)
        except ValueError as error:  # an unclosed quote
            faults.append(f"{where}: run can't be split into arguments ({error})")
            return ()
    elif isinstance(run, list) and all(isinstance(element, str) for element in run):
        argv = list(run)
    else:
        faults.append(f'{where}: run is the program and its arguments: run = ["mpv", "{{url}}"]')
        return ()
    if not argv or not argv[0].strip():
        faults.append(f'{where}: run is empty: give the program, run = ["mpv", "{{url}}"]')
        return ()
    for element in argv:
        try:
            names = list(_fields(element))
        except ValueError as error:  # a lone "{" or "}"
            faults.append(f"{where}: {element!r} in run: {error} (a brace itself is {{{{ or }}}})")
            continue
        for name in names:
            if name not in PLACEHOLDERS:
                known = ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)
                faults.append(f"{where}: run names {{{name}}}, no such placeholder ({known})")
    if "{" in argv[0] and not faults:
        faults.append(f"{where}: the program is named, not a placeholder: {argv[0]!r}")
    return tuple(argv)


def _value_options(
    where: str, given: Any, run: tuple[str, ...], faults: list[str]
) -> frozenset[str]:
    """`value_options` as written: options of `run` each with an argument after it."""
    if not isinstance(given, list) or not all(isinstance(option, str) for option in given):
        faults.append(
            f"{where}: value_options lists the options of run that take the argument after"
            ' them as their value: value_options = ["-e"]'
        )
        return frozenset()
    followed = {run[n] for n in range(1, len(run) - 1)}
    for option in given:
        if not option.startswith("-") or option == "--" or option not in followed:
            faults.append(
                f"{where}: value_options names {option!r}, not an option of run with an"
                " argument after it"
            )
    return frozenset(given)


def _fields(element: str) -> list[str]:
    """The placeholders named in one argument; ValueError for one that is not one's shape."""
    names = []
    for _text, name, spec, conversion in string.Formatter().parse(element):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a placeholder's shape, as {{url}}")
        names.append(name)
    return names


def missing_programs(commands: tuple[UserCommand, ...]) -> list[str]:
    """A line for each command whose program is not found here (`not_found`): no fault of
    the config, which may be another computer's too (a clipboard tool of one desktop, absent
    from a server): `reader config` says so, and its key says so when pressed."""
    return [
        f"{command.table}: {missing} here: its key says so when pressed"
        for command in commands
        if (missing := not_found(command))
    ]


def not_found(command: UserCommand) -> str:
    """ "no program 'wl-copy' on PATH" when `command`'s program is not found (on PATH, or at
    the path written); "" when it is."""
    program = os.path.expanduser(command.program)
    if os.sep in command.program:  # a path: one there that can't run says why as it starts
        if os.path.lexists(program):
            return ""
    elif shutil.which(program) is not None:
        return ""
    where = "on PATH" if os.sep not in command.program else "there"
    return f"no program {safe_line(command.program, 200)!r} {where}"


class NotRun(Exception):
    """A command that can't run on this article, the one line saying why."""


def argv_of(command: UserCommand, values: Mapping[str, str]) -> list[str]:
    """`command`'s arguments with `values` in place, each one line without control characters;
    NotRun when a value would start an argument with "-" where the program could take it for
    an option: not after "--" (the end of the options), nor as the value of an option named in
    `value_options` (grep's "-e": "-x" after it is the pattern), nor inside an argument that
    starts with "-" as written ("--title={title}": the option's value). One written starting
    with "~/" starts in the user's home, as a shell has it (a value's "~" is a "~")."""
    argv = [os.path.expanduser(command.program)]
    ended = False
    previous = ""  # the argument before, as written
    for element in command.run[1:]:
        is_value = previous in command.value_options
        if element == "--" and not is_value:
            ended = True
        names = _fields(element)
        written = element.format_map({name: _value(values.get(name, "")) for name in names})
        if element.startswith("~/"):  # as written: a shell's home ("~/notes/{title}.md")
            written = os.path.expanduser("~") + written[1:]
        an_option = written.startswith("-") and not element.startswith("-")
        if names and an_option and not ended and not is_value:
            raise NotRun(
                f"{command.name}: the {names[0]} starts with “-”, which {_shown(command)}"
                f' would take for an option: write "--" before {{{names[0]}}} in run (or see'
                " value_options)"
            )
        argv.append(written)
        previous = element
    return argv


def _value(text: str) -> str:
    return safe_line(text)


def input_file(data: bytes | None) -> IO[bytes] | None:
    """A file holding `data`, read from its start, to be a program's standard input (no pipe
    to write it through: a program that never reads it holds nothing up), already unlinked."""
    if data is None:
        return None
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it once handed over)
    file.write(data)
    file.seek(0)
    return file


@dataclass
class Started:
    """A program started in the background (`start`)."""

    process: subprocess.Popen[bytes]
    errors: IO[bytes]
    written: str = ""
    """What it wrote on its errors (its first 64 KiB), once it ended (`wait`): the line says
    the first line of it, the rest is kept elsewhere (the TUI's errors.log)."""

    def wait(self, name: str) -> str:
        """Waits for its end (in a thread of the caller's: never the UI's loop), its {file}
        then removed, then the line saying it: "mpv ended (exit 0)", or its first line of
        errors on a failure."""
        try:
            code = self.process.wait()
        finally:
            command_files.ended(self.process)
        try:
            self.errors.seek(0)
            self.written = self.errors.read(64 * 1024).decode("utf-8", "replace")
        finally:
            self.errors.close()
        said = safe_line(first_written(self.written), SAID_AT_MOST)
        if code != 0 and said:
            return f"{name} ended (exit {_exit(code)}): {said}"
        return f"{name} ended (exit {_exit(code)})"


def _exit(code: int) -> str:
    return f"signal {-code}" if code < 0 else str(code)


def start(argv: list[str], data: bytes | None, file: str = "") -> Started:
    """`argv` started in a session of its own, its output away from the screen, `file` (its
    {file}) removed once it ends (`command_files`); OSError when it can't start."""
    stdin = input_file(data)
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `Started.wait`)
    try:
        process = subprocess.Popen(
            argv,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,  # the reader's Ctrl-C, its end, its terminal's hang-up
            close_fds=True,
            pass_fds=command_files.holding(file),  # its file's lock, held while it runs
        )
    except BaseException:
        errors.close()
        raise
    finally:
        if stdin is not None:
            stdin.close()  # the program has its own copy
    command_files.in_use(process, file)
    return Started(process, errors)


def run_in_terminal(argv: list[str], data: bytes | None, file: str = "") -> int:
    """`argv` run in the foreground on this terminal, waited for; its exit status. OSError when
    it can't start. It holds its `file`'s lock too, as one in the background does."""
    stdin = input_file(data)
    try:
        keep = command_files.holding(file)
        return subprocess.run(argv, stdin=stdin, check=False, pass_fds=keep).returncode
    finally:
        if stdin is not None:
            stdin.close()


def not_started(command: UserCommand, error: OSError) -> str:
    """The line saying `command` could not start."""
    why = error.strerror or str(error)
    return f"{command.name}: {_shown(command)} could not start: {safe_line(why, 200)}"


def _shown(command: UserCommand) -> str:
    """Its program as a line names it: by its file's name, not its path."""
    return safe_line(os.path.basename(command.program), 60)
