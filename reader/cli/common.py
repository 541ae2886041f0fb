"""What every command shares: exit statuses, one-line failures, output made safe, the
config and the library a command opens."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeVar

from ..cells import middle_cut
from ..config import (
    ConfigError,
    config_path,
    config_there,
    dangling_config,
    data_dir,
    load_config,
    open_config_said,
)
from ..dates import stated_iso
from ..keys import copy_of
from ..marks import (
    ASCII_ERRORS,
    ASCII_ONLY,
    GLYPHS_REPLACED,
    ascii_replaced,
    children_in_own_locale,
    said_address,
    said_path,
    terminal_words,
)
from ..models import FetchError
from ..other_places import config_elsewhere_said, library_elsewhere_said
from ..safe import safe_line, safe_text
from ..url_display import LINE_URL_CELLS, line_url, shown_apart, shown_with_user
from ..urls import written_address
from ..word_wrap import said_on_stderr

if TYPE_CHECKING:
    from ..config import Config
    from ..library import Library
    from ..library.stored import StoredLibrary
    from ..models import Article, Entry
    from ..search_feeds import SearchFeed


EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# sysexits.h's, which cron wrappers and supervisors know: try again later (the library held by
# another program, a full disk), and a config file to mend, told from a command line's mistake.
EXIT_TRY_AGAIN = 75  # EX_TEMPFAIL
EXIT_CONFIG = 78  # EX_CONFIG
EXIT_PIPE_CLOSED = 128 + 13  # killed by SIGPIPE, as a shell reports it
EXIT_INTERRUPTED = 128 + 2  # Ctrl-C (SIGINT), as a shell reports it


class CommandError(Exception):
    """A failure to report in one line and exit 1."""


class ConfigFault(CommandError):
    """A config file the reader can't run on (a bad value, bad TOML, a missing file named):
    one line naming the file and the key, exit 78 (EX_CONFIG), so a cron wrapper tells the file
    to mend from its own command line (2) and from a failure (1)."""


class UsageError(CommandError):
    """An argument the command can't take (a date that is none, two that contradict): one
    line and exit 2, as argparse's own, so a script tells its own mistake from "nothing
    matched"."""


def failure_status(error: Exception) -> int:
    """The exit status of a command ended by `error` (README, Exit status): 75 for what a later
    try may do (the library held by another program, its disk full), 78 for a config to mend,
    2 for a command line's mistake, else 1."""
    if isinstance(error, UsageError):
        return EXIT_USAGE
    if isinstance(error, ConfigFault):
        return EXIT_CONFIG
    from ..errors import Unwritable

    if getattr(error, "unwritable", None) in (Unwritable.BUSY, Unwritable.DISK_FULL):
        return EXIT_TRY_AGAIN
    return EXIT_FAILED


def not_subscribed(lib: StoredLibrary, given: str) -> CommandError:
    """What to say of a feed `given` (an address, a name) that names no one feed: a name
    several feeds share is said to be, with their addresses to give instead."""
    shared = lib.feeds_titled(given)
    if len(shared) > 1:
        return CommandError(
            f"{len(shared)} feeds are named {safe_line(given, 80)}: give one's address: "
            + ", ".join(
                said_address(middle_cut(shown_apart(url, shared), LINE_URL_CELLS)) for url in shared
            )
        )
    if len(accounts := lib.feeds_shown_at(given)) > 1:
        return CommandError(
            f"{len(accounts)} subscriptions are at {said_address(line_url(given))}, each under its own user"
            " name: give one's address with it: "
            + ", ".join(
                said_address(middle_cut(shown_with_user(url), LINE_URL_CELLS)) for url in accounts
            )
        )
    search = search_feed_given(lib, given)
    if search is not None:  # `reader tag`, `rename`, `remove` of a search feed's name
        return CommandError(
            f"not subscribed: {safe_line(given, 200)} is a search feed"
            f" ({safe_line(search.words, 200)}): `reader search-feed` renames or removes it"
        )
    return CommandError(f"not subscribed: {said_address(written_address(given, 200))}")


def search_feed_given(lib: StoredLibrary, name: str) -> SearchFeed | None:
    """The search feed `--feed` names, unless a subscribed feed has that name too (its own: a
    search feed is chosen by a name alone, a feed by its address too)."""
    from ..search_feeds import search_feed_named

    found = search_feed_named(lib.search_feeds(), name)
    return found if found is None or lib.feed_named(name) not in lib.store.feed_urls() else None


def out(text: str = "", stream: TextIO | None = None, styled: bool = False) -> None:
    """`text` on stdout (or `stream`), made safe. `styled`: as it is, colours and all, from a
    caller that made every stranger's text in it safe before adding escapes of its own
    (`reader diff` on a terminal)."""
    text = text if styled else safe_text(text)
    stream = stream or sys.stdout
    if GLYPHS_REPLACED and stream.isatty():  # the Linux console's glyphs: `marks.terminal_words`
        text = terminal_words(text)
    print(text, file=stream)


def stdout_unicode() -> bool:
    """stdout takes every character: UTF-8 (or UTF-16/32), not a locale's Latin-1 or ASCII
    (an ASCII locale's, which Python takes for UTF-8: `marks.ascii_locale`)."""
    return not ASCII_ONLY and _unicode(sys.stdout)


def _unicode(stream: TextIO | None) -> bool:
    """Whether `stream`'s charset has every character (UTF-8, UTF-16 or 32)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def json_text(value: Any) -> str:
    """`value` as JSON for stdout: non-ASCII characters as they are, or, in a locale whose
    charset lacks them, escaped (`\\u2193`), which every JSON reader reads the same."""
    text = json.dumps(value, ensure_ascii=not stdout_unicode(), indent=2)
    # A path's bytes that are no UTF-8 (`os.fsdecode`'s lone surrogates) escaped as `\udce9`:
    # written as they were, the document was no UTF-8 and no JSON reader took it (acc43b B16).
    return _LONE_SURROGATE.sub(lambda lone: f"\\u{ord(lone[0]):04x}", text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def xml_text(text: str) -> str:
    """A UTF-8 XML document for stdout: in a locale whose charset lacks some of its characters,
    those written as character references (`&#8595;`), which read the same."""
    if stdout_unicode():
        return text
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def fit_output_to_locale() -> None:
    """In a locale that is not UTF-8 (Latin-1), a character its charset lacks is written as
    ASCII writes it ("—" "--", "↓" a mark's letter, "?" for a letter with no ASCII one) rather
    than failing the command with a traceback half-way through its output. In an
    ASCII one (C, POSIX), which Python writes UTF-8 in all the same (PEP 538, 540), the output
    and the screen (drawn on stderr) are ASCII, each other character as newsboat's iconv
    transliterates it ("—" "--", "é" "e", `marks.ascii_replaced`; acc42a A2), but for a path's
    or an address's, written as their bytes to be used again (`said_path`, `marks.verbatim`)."""
    children_in_own_locale()  # the locale's variables as given, for the programs it starts
    if stdout_unicode():
        return
    codecs.register_error(ASCII_ERRORS, ascii_replaced)
    for stream in (sys.stdout, sys.stderr):
        if not hasattr(stream, "reconfigure"):
            continue
        if ASCII_ONLY:
            stream.reconfigure(encoding="ascii", errors=ASCII_ERRORS)
        elif not _unicode(stream):  # Latin-1: its own letters as they are, the rest as ASCII's
            stream.reconfigure(errors=ASCII_ERRORS)


def err(text: str) -> None:
    """`text` on stderr after "reader: ", made safe; on a terminal broken at words to its width
    (`said_on_stderr`)."""
    try:
        # The reader's own words: "--" for "—" where it can't be drawn (`terminal_words`).
        line = f"reader: {terminal_words(safe_line(text))}"
        said_on_stderr(line)
    except OSError:  # the terminal gone (a closed window, a dropped ssh: EIO), a closed pipe
        to_nowhere(sys.stderr)  # no one left to tell: the exit status says it


def to_nowhere(stream: TextIO) -> None:
    """Point `stream` at /dev/null, once what it wrote to has gone: Python flushes it once more
    on the way out, and that flush failing printed "Exception ignored" and made the exit status
    120, the signal's or the pipe's lost."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stream without a file descriptor (io.UnsupportedOperation)
        pass


STARTS_A_LIBRARY = frozenset({"add", "import", "demo", "config", None})
"""The commands that make a data directory that isn't there, or start a library in an empty one
(None: the reader itself, whose first start on a new machine is a new user's)."""

TAKES_NO_LIBRARY = frozenset({"extract"})
"""The commands that read no library: `extract` reads a file, with the config's site rules where
a config is, the defaults where none is; it makes nothing in the data directory (acc38b)."""


def library_missing(args: argparse.Namespace) -> CommandError | None:
    """What a command that reads or syncs a library says of a data directory that isn't there,
    or is empty, None when a library is there (or the command starts one): making it afresh,
    parents and all, turned a typo or an archive disk not mounted into an empty library that
    every cron run "synced" with exit 0 (acc38b K4); an existing empty directory, an unmounted
    mount point's or a forgotten `mkdir`'s, was taken and filled the same way."""
    if args.command in TAKES_NO_LIBRARY:
        return None
    if dangling := dangling_link(data_dir(args.data_dir)):
        return CommandError(dangling)  # for `add` too: a library made there would be lost
    if too_long := path_too_long(data_dir(args.data_dir)):
        return CommandError(too_long)  # before anything is made there
    if args.command in STARTS_A_LIBRARY:
        return None
    if (
        args.command in ("save", "show")
        and not args.offline
        and all(target.startswith(("http://", "https://")) for target in args.targets)
    ):
        return None  # a page to fetch and keep: read-later's first step, as `add` a feed's
    root = data_dir(args.data_dir)
    shown = said_path(root)
    starts = library_starters(bool(args.data_dir))
    if not root.exists() and not root.is_symlink():
        starts = library_elsewhere_said(root) or starts  # the full one left behind, first
        return CommandError(f"no library at {shown}: {starts}")
    if empty_directory(root):
        starts = library_elsewhere_said(root) or starts
        return CommandError(f"{shown} is empty: no library there (not mounted?); {starts}")
    return None


def library_starters(named: bool) -> str:
    """What starts a library where none is. `reader demo` keeps one only in a directory named
    by --data-dir (`named`): without it, it runs in a throwaway one, and "`reader demo` starts
    one" sent a newcomer there and back to the same line (acc44a A17)."""
    if named:
        return (
            "`reader add URL` or `reader import FILE` starts one"
            " (`reader --data-dir DIR demo`: one of a sample site's feeds)"
        )
    return (
        "`reader add URL` or `reader import FILE` starts one; `reader demo` tries the reader"
        " on a sample site, in a throwaway directory"
    )


def dangling_link(root: Path) -> str:
    """What a data directory that is a link leading nowhere says (its disk not mounted, as a
    link into /mnt is on a shared host), or "": it said "File exists" (acc43b B4)."""
    if not root.is_symlink() or root.exists():
        return ""
    try:
        target = os.readlink(root)
    except OSError:
        return ""
    return (
        f"the data directory {said_path(root)} is a link to"
        f" {said_path(target)}, which isn't there (a disk not mounted?)"
    )


_SQLITE_PATH_MAX = 512
"""The bytes of a file's whole path SQLite's Unix VFS opens at most (SQLITE_MAX_PATHNAME)."""
_LONGEST_UNDER = len("/articles/cache.db-journal")
"""The longest name SQLite opens under a data directory."""


def path_too_long(root: Path) -> str:
    """What a data directory whose path is too long for SQLite's files under it says, or "": it
    said "cache error … unable to open database file", leaving part of a library behind
    (acc43b B5)."""
    whole = len(os.fsencode(os.path.abspath(root)))
    most = _SQLITE_PATH_MAX - _LONGEST_UNDER
    if whole <= most:
        return ""
    return (
        f"the data directory's path is {whole} bytes, too long: SQLite opens files whose path"
        f" is {_SQLITE_PATH_MAX} bytes at most, which leaves {most} for the directory's:"
        " choose a shorter one"
    )


def empty_directory(root: Path) -> bool:
    """`root` is a directory with nothing in it (a file, or one that can't be listed, is for
    the store to say)."""
    try:
        with os.scandir(root) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def config_of(args: argparse.Namespace, create_named: bool = False) -> Config:
    """The config the command runs on. One named by `--config` or READER_CONFIG that isn't
    there is a mistake said in one line (a typo ran on the defaults, silently, and left a file
    of them under the mistaken name; acc35a E11), but for `reader config` (`create_named`),
    which makes it; the default place's is made with commented defaults the first time."""
    path = config_path(args.config, args.data_dir)
    from ..store.ownership import home_of_another

    if said := home_of_another(path, data_dir(args.data_dir)):
        raise CommandError(said)
    named = bool(args.config or os.environ.get("READER_CONFIG"))
    if named and not create_named and not config_there(path) and not path.is_symlink():
        raise ConfigFault(
            f"no config file at {said_path(path)}: `reader --config"
            f" {said_path(path)} config` makes one with the defaults"
        )
    from ..store.ownership import run_as_root_on_theirs

    missing = library_missing(args)

    # Before the config is made there: root's own would be one more file not the user's.
    if (
        args.command not in TAKES_NO_LIBRARY
        and args.command != "config"
        and (said := run_as_root_on_theirs(data_dir(args.data_dir)))
    ):
        raise CommandError(said)
    # Nor a config of root's made in another user's home (`reader config` too); one there is
    # read or refused by `load_config` (`config_trust`).
    if not os.path.lexists(path) and (
        said := run_as_root_on_theirs(path.parent, "the config's folder")
    ):
        raise CommandError(said)
    try:
        # Read, not made, where no library is or none is wanted (`extract`): a config's fault
        # is said first.
        config = load_config(path, create=missing is None and args.command not in TAKES_NO_LIBRARY)
    except ConfigError as error:
        *before, last = str(error).split("\n")  # `[[command]]`'s faults, every one a line
        for line in before:
            err(line)
        raise ConfigFault(last) from None
    if missing is not None:
        raise missing
    if config.sync_wait_fault:
        said = f"bad setting in {said_path(path)}: {config.sync_wait_fault}"
        if args.command == "sync":  # the one command that reads it
            raise ConfigFault(said)
        if path not in _WAITS_SAID:
            _WAITS_SAID.add(path)
            err(f"{said} (only `reader sync` reads it, and refuses to run till it is mended)")
    if path not in _CONFIGS_SAID:
        _CONFIGS_SAID.add(path)  # a command reads its config more than once
        # Even with -q: settings not in force are news to cron's mail too.
        if said := dangling_config(path):
            if args.command != "config":  # which says it on its output
                err(said)
        elif not named and (said := config_elsewhere_said(path)):
            err(said)
        if said := open_config_said(path):
            err(said)
        if args.command not in TAKES_NO_LIBRARY and not getattr(args, "quiet", False):
            from ..config_trust import readable_said

            if said := readable_said(data_dir(args.data_dir)):
                err(said)
    return config


_CONFIGS_SAID: set[Path] = set()
"""The config files this command said were a link to nothing (`dangling_config`) or whose other
place (`config_elsewhere_said`) it looked at."""
_WAITS_SAID: set[Path] = set()
"""The config files whose bad `sync_wait` this command warned of (it reads its config more
than once)."""


def check_keys(config: Config) -> None:
    """The config's `[keys]` checked as the TUI puts them in place (the names of the actions and
    the keys, no key doing two things in one screen), and its `[[command]]`s' keys: a line a
    fault, before anything starts; a warning a line for an action this reader has not, left
    out (`newer_actions`). (A command's program not found is no fault of the file:
    `reader config` says so, `user_commands.missing_programs`.)"""
    if not config.keys and not config.commands:
        return
    # Here: the other commands never load the TUI.
    from ..ui.keymap import KeyMap, left_out_said, newer_actions

    for action in newer_actions(config.keys):
        err(f"warning: {config.path}: {left_out_said(action)}")
    faults: list[str] = []
    try:
        KeyMap(config.keys, config.commands)
    except ValueError as error:
        faults += [f"bad setting in {config.path}: {line}" for line in str(error).split("\n")]
    if faults:
        *before, last = faults  # every fault, a line each
        for line in before:
            err(line)
        raise ConfigFault(last)


ARTICLES_APART = {"markdown": "\n\n---\n\n", "text": "\n\n" + "─" * 40 + "\n\n", "citation": "\n"}
"""Between two articles a command given several prints (`show`, `diff`): a Markdown rule, a line
of plain text, a blank line between citations in blocks (one-line citations one under the
other, a list)."""


def given_ids(names: Sequence[str]) -> list[str]:
    """The articles a command is given, by id or address: `-` among them reads more from stdin,
    one a line, as `reader list --ids` prints them (blank lines passed over). The one reading
    of them for every command that takes articles (acc38b K9: `save -` was "no article with
    id '-'" where `tag -` took the ids). An id naming a kept copy ("2c62e4e2c688@1", a search's
    hit in it) names its article: `tag -`, `save -`, `mark-read -` act on the article."""
    return [name for name, _copy in given_copies(names)]


def given_copies(names: Sequence[str]) -> list[tuple[str, int | None]]:
    """`given_ids`, each with the kept copy its id names (`keys.copy_of`; None for none), as
    `reader show` reads them: the copy a search's words were found in is the one cited."""
    return [copy_of(name) for name in given_names(names)]


def given_names(names: Sequence[str]) -> list[str]:
    """`names` as given, `-` among them read from stdin, one a line (blank lines passed over):
    articles' ids (`given_ids`), feeds' addresses (`reader remove -`)."""
    found: list[str] = []
    for name in names:
        if name == "-":
            found.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            found.append(name)
    return found


async def each_article(given: list[str], act: Callable[[str], Awaitable[None]]) -> int:
    """`act` on each article given (`-`: those stdin names), as `archive` takes several: one
    that fails is said in its line and the others still go; exit 1 when one failed. One given
    alone fails the command as its own error. Every command taking several articles: `save`,
    `unsave`, `forget`, `diff`, `highlights` (the last four `each_article_now`)."""
    done = _EachDone(given)
    for name in given_ids(given):
        with done.one():
            await act(name)
    return done.status


def each_article_now(given: list[str], act: Callable[[str], None]) -> int:
    """`each_article` for an `act` that awaits nothing (`reader highlights` reads the store
    alone): no event loop is started, nor asyncio imported (~40 modules, ssl among them)."""
    done = _EachDone(given)
    for name in given_ids(given):
        with done.one():
            act(name)
    return done.status


class _EachDone:
    """How `each_article` went so far: exit 1 once one failed (said in its line)."""

    def __init__(self, given: list[str]) -> None:
        self._given = given
        self.status = EXIT_OK

    @contextmanager
    def one(self) -> Iterator[None]:
        """One article acted on: its failure said, the others still to go; raised when it is
        the only one given."""
        try:
            yield
        except (FetchError, CommandError) as error:
            if len(self._given) == 1 and self._given != ["-"]:
                raise
            err(error.message if isinstance(error, FetchError) else str(error))
            self.status = EXIT_FAILED


def read_input(name: str, most: int, start: bytes = b"") -> bytes:
    """The bytes of the file `name` (standard input for "-"), no more than `most` and one past
    it, which tells the caller it was over: never the whole of a 4 GB file, /dev/zero or an
    endless pipe in memory (acc29c S8). `start`: what an earlier call read of it, a smaller
    cap's worth (standard input can't be read again). A CommandError when it can't be read."""
    try:
        if name == "-":
            return start + sys.stdin.buffer.read(most + 1 - len(start))
        with Path(name).open("rb") as file:
            return file.read(most + 1)
    except OSError as error:
        raise CommandError(f"cannot read {name}: {error.strerror or error}") from None


def open_library(
    args: argparse.Namespace,
    workers: Literal["process", "thread"] = "thread",
    upgrade: bool = True,
) -> Library:
    """The library the command runs on. `upgrade`: False for a command that only reads, which
    reads a directory of an older format as it is rather than lock an older reader out of it
    (acc38b K1); one that may write upgrades it at its first write (acc47d D5: a dry run, an id
    not found, nothing to change did), and says so then, once."""
    from ..library import Library

    return _opened(Library, args, workers, upgrade)


def open_stored_library(args: argparse.Namespace) -> StoredLibrary:
    """The library of a command that reads the data directory and never the network (`reader
    list`, `show --offline`): its network's layers are not imported (`library.stored`). It
    reads, as `open_library`'s `upgrade=False` does."""
    from ..library.stored import StoredLibrary

    return _opened(StoredLibrary, args, "thread", upgrade=False)


_Opened = TypeVar("_Opened", bound="StoredLibrary")


def _opened(
    kind: type[_Opened],
    args: argparse.Namespace,
    workers: Literal["process", "thread"],
    upgrade: bool,
) -> _Opened:
    """`kind` of library opened on the command's data directory, its first words said."""
    from ..store.format_upgrade import UPGRADE_AT_FIRST_WRITE, upgrade_said

    config = config_of(args)
    root = data_dir(args.data_dir)
    lib = kind.configured(root, config, workers, UPGRADE_AT_FIRST_WRITE if upgrade else False)
    lib.store.on_upgrade = lambda older: err(upgrade_said(lib.data_dir, older))
    if said := lib.conflict_said():
        err(said)
    if not upgrade and lib.store.not_ours:  # a change refused says it as its failure
        err(lib.store.not_ours)
    lib.keep_summaries_apart(starting=err)  # once for a directory from before they were
    return lib


def iso_time(value: Any) -> str | None:
    return stated_iso(value) if value else None


def run_until_done(lib: StoredLibrary, coro: Any) -> int:
    import asyncio  # here: `reader list` and `--help` don't need it

    async def wrapped() -> int:
        try:
            return await coro
        finally:
            await lib.aclose()

    return asyncio.run(wrapped())


def render(
    article: Article,
    fmt: str,
    style: str = "block",
    entry: Entry | None = None,
    copy: str = "text",
    width: int | None = None,
    copied: bool = False,
    below: int = 0,
    away: bool = False,
) -> str:
    """The article as `reader show --format` prints it: text or Markdown under its citation in
    `style` and the enclosures (a podcast's audio) and discussion page of its `entry`, the citation alone
    ("citation", as `y` copies it, in `[citation] copy`'s `copy`), or JSON (`render_item`).
    `width`: the text's lines broken at words to a terminal's width (`to_text`). `copied`,
    `below`: an export's with the earlier copies in it (`to_markdown`); `away`: an export's,
    read away from the reader (`citation.copy_notes`)."""
    from ..claimed_dates import claimed_note
    from ..discussion_links import discussion
    from ..enclosures import shown_enclosures
    from ..render import to_markdown, to_text

    enclosures = shown_enclosures(entry) if entry is not None else ()
    comments = discussion(entry)
    notes = (note,) if (note := claimed_note(entry)) else ()
    categories = entry.categories if entry is not None else ()
    if fmt == "citation":
        from ..citation import copied_citation

        return safe_text(copied_citation(article, style, markdown=copy == "markdown"))
    if fmt == "markdown":
        return safe_text(
            to_markdown(
                article,
                style=style,
                enclosures=enclosures,
                comments=comments,
                notes=notes,
                copied=copied,
                below=below,
                categories=categories,
                away=away,
            )
        )
    if fmt == "json":
        return json_text(render_item(article, fmt, article.url, entry))
    # Its links numbered and listed after it, as lynx -dump writes them (acc42a A12).
    shown = to_text(
        article,
        style=style,
        enclosures=enclosures,
        comments=comments,
        links=True,
        notes=notes,
        width=width,
        copied=copied,
        categories=categories,
        away=away,
    )
    return safe_text(shown)


def render_item(
    article: Article, fmt: str, item_id: str, entry: Entry | None = None
) -> dict[str, Any]:
    """The article as an object of `reader show --format json` (its metadata, authors listed
    apart, its text, and its `entry`'s enclosures), or of `--format csl-json` (a citation
    manager's item)."""
    from ..citation_styles import authors, csl_item

    if fmt == "csl-json":
        return csl_item(article, item_id)
    from ..claimed_dates import claimed_json
    from ..codec import article_to_json, enclosures_json
    from ..pictures import pictures_json
    from ..render import to_markdown, to_text

    data = article_to_json(article)
    data["authors"] = authors(article)  # "author" stays the one string, as before
    data["markdown"] = to_markdown(article, header=False)
    data["text"] = to_text(article, header=False)
    data["word_count"] = article.word_count
    data["word_count_unit"] = article.count_unit  # "characters" for Chinese and Japanese
    data["enclosures"] = enclosures_json(entry) if entry is not None else []
    data["comments"] = entry.comments or None if entry is not None else None  # its discussion
    data["categories"] = list(entry.categories) if entry is not None else []  # its feed's
    data["claimed"] = claimed_json(entry)  # the date its feed gives, when over an hour ahead
    data["pictures"] = pictures_json(article)
    if article.versions:  # the copies kept of an article a sync found changed
        data["version"] = article.version
        data["versions"] = [
            {"version": n, "retrieved": at.isoformat(timespec="seconds") if at else None}
            for n, at in enumerate(article.versions, 1)
        ]
    if article.gone_at is not None:  # its page found taken down since: the copy is all left
        data["gone_at"] = article.gone_at.isoformat(timespec="seconds")
        data["gone_status"] = article.gone_status or None
        if article.gone_how:  # no 404 or 410: how the page said so (acc47b F3)
            data["gone_how"] = article.gone_how
    if article.takedowns:  # found taken down, and back since (acc47b F9)
        data["taken_down_before"] = [
            {
                "since": down.since.isoformat(timespec="seconds"),
                "until": down.until.isoformat(timespec="seconds"),
                "status": down.status or None,
                **({"how": down.how} if down.how else {}),
            }
            for down in article.takedowns
        ]
    if article.retractions_ended:  # said retracted or withdrawn, and no longer
        data["retracted_before"] = [
            {
                "said": one.said,
                "by": "feed" if one.by_feed else "page",
                "since": one.since.isoformat(timespec="seconds"),
                "until": one.until.isoformat(timespec="seconds"),
            }
            for one in article.retractions_ended
        ]
    if article.refused_reads:  # its page fetched again and not taken for the copy
        data["refused_reads"] = [
            {"at": one.at.isoformat(timespec="seconds"), "why": one.why}
            for one in article.refused_reads
        ]
    if article.later_retracted:  # an earlier copy of a story retracted since (acc47b F1)
        data["later_retracted"] = article.later_retracted
        data["later_retracted_by"] = "feed" if article.later_by_feed else "page"
        # The copy that first said it, those after it saying it too.
        data["later_retracted_in"] = article.retracted_first or len(article.versions)
    return data


def unmatched_body(selector: str) -> str:
    return (
        f"the site rule's body selector {safe_line(selector, 80)!r} matches nothing on this "
        "page: it was read as any other page"
    )


def progress_shown() -> bool:
    """Whether a long run draws its progress bar: on a terminal's stderr, and only when its
    output goes to that terminal or to a file. Piped (`| less`) the bar was drawn into the
    pager's screen (acc38b K11); from cron or into a log, its lines were mailed every run
    and `2>/dev/null` threw the errors away with them (K6): the summary line says it all."""
    if not sys.stderr.isatty():
        return False
    if sys.stdout.isatty():
        return True
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError):  # no file descriptor (a test's capture)
        return False


def counted_progress(
    doing: str, quiet: bool = False
) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """How far a run over many items is (told `seen` of `total`): a progress bar ("re-
    extracting") where `progress_shown`, unless `quiet` (`-q`); and what ends it."""
    if quiet or not progress_shown():
        return (lambda seen, total: None), lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..terminfo import no_colour_asked

    bar = Progress(
        TextColumn(doing),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True, no_color=no_colour_asked()),  # vt100: no colours
        transient=True,
    )
    task: list[Any] = []

    def update(seen: int, total: int) -> None:
        if not task:
            bar.start()
            task.append(bar.add_task(doing, total=total))
        bar.update(task[0], completed=seen)

    def finish() -> None:
        if task:
            bar.stop()

    return update, finish
