"""The command line: every command, its options and its help."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, NoReturn

from .. import __version__
from ..config import CITATION_RECORDS, CITATION_STYLES, THEMES
from ..keys import ENTRY_ID_LENGTH
from ..marks import (
    ARCHIVED_MARK,
    CORRECTED_MARK,
    NOT_ARTICLE_MARK,
    OFFLINE_MARK,
    PARTIAL_MARK,
    SAVED_MARK,
    TAKEN_DOWN_MARK,
    UPDATED_MARK,
)
from ..safe import safe_line
from ..search_syntax import SEARCH_RULES
from .date_args import DATE_FORMS, READ_SINCE_HELP, SAVED_SINCE_HELP
from .demo import cmd_demo


def _later(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """The command function `name` of `reader.cli.<module>`, its module imported when it is
    called: the reader's screen, the command given most often, needs none of them, and
    importing every command's module (citations, Markdown, the sync's report…) cost its start
    ~15 ms of CPU."""

    def run(args: argparse.Namespace) -> int:
        command = getattr(importlib.import_module(f"{__package__}.{module}"), name)
        return command(args)

    run.__name__ = run.__qualname__ = name
    return run


def _add_place_options(parser: argparse.ArgumentParser, default: Any, said: bool = True) -> None:
    """`--data-dir` and `--config`: where the reader's data and settings are. Their defaults
    are said once, in `reader --help` (`said`): each command's help repeated them in 8 lines
    before its own options, two minutes of speech for a screen reader's user (acc42a A18)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where feeds and the article cache live (default: $READER_HOME, else the user data"
        " directory: $XDG_DATA_HOME/reader-tui, else ~/.local/share/reader-tui on Linux)"
        if said
        else "the data directory (default: see `reader --help`)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="the config file (default: $READER_CONFIG, else config.toml in a --data-dir/$READER_HOME "
        "given, else in the user config directory: $XDG_CONFIG_HOME/reader-tui, else "
        "~/.config/reader-tui on Linux)"
        if said
        else "the config file (default: see `reader --help`)",
    )


def _add_theme_option(parser: argparse.ArgumentParser, default: Any) -> None:
    """`--theme`: the screen's colours for one run, over the config's [ui] theme."""
    parser.add_argument(
        "--theme",
        choices=THEMES,
        metavar="THEME",
        default=default,
        help="the screen's colours this time: dark, light (the reader's own) or terminal (the "
        "terminal's own text and background colours); default: the config's [ui] theme, else "
        "dark. NO_COLOR set in the environment shows no colour at all, as does a terminal "
        "with no colours in terminfo (TERM=vt100, vt220). The reader's and demo's"
        " alone: a command has no screen",
    )


def _add_tag_option(parser: argparse._ActionsContainer, does: str, more: str = "") -> None:
    """`--tag TAG`, given once or more or as "news,sport": the feeds filed under any of them."""
    parser.add_argument(
        "--tag",
        metavar="TAG",
        action="append",
        help=f'{does}, case aside (`reader tag`); again, or "news,sport": under any of them' + more,
    )


def _port(text: str) -> int:
    """A TCP port, 0 (a free one) to 65535: one past it failed deep in `bind` with a traceback."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {text!r} (0 to 65535; 0 picks a free one)")
    return port


def _wait(text: str) -> float:
    """A time to wait: seconds ("90") or with a unit ("10min", "2h")."""
    from ..config import parse_duration

    try:
        seconds = float(text)
    except ValueError:
        try:
            seconds = parse_duration(text, m_is_minutes=True)
        except ValueError:
            seconds = -1
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"not a time to wait: {text!r} (90 seconds, 10min, 2h)")
    return seconds


_IDS_HELP = (
    "articles by their id (as `reader list` shows it) or address; `-` reads them from stdin, one"
    " a line, as `reader list --ids` prints them"
)

# What `reader list`'s marks say, for one who can't guess a glyph or hears it read out as
# "downwards arrow" (acc42a A4); the marks as the terminal shows them (`marks`).
_LIST_MARKS = (
    f"Each line: the id, the date and time (local), the marks (N unread; {OFFLINE_MARK} its"
    f" article cached for reading offline, {PARTIAL_MARK} part of it, {UPDATED_MARK} cached and"
    f" changed since it was read, {CORRECTED_MARK} changed after first retrieved and read since,"
    f" {TAKEN_DOWN_MARK} cached and its page taken down since,"
    f" {NOT_ARTICLE_MARK} no article page: a PDF, a picture, audio; {SAVED_MARK} saved,"
    f" {ARCHIVED_MARK} archived), the feed's name and the headline; a search's hit has its line"
    " under it. --json gives the same in words."
)

_SAID_IN_FULL = frozenset(
    (
        *("add", "rename", "tag", "import", "export", "feeds", "search-feed", "sync", "show"),
        *("highlights", "diff", "reextract", "mark-read", "mark-unread", "archive", "forget"),
        *("cache", "repair", "config", "extract"),
    )
)
"""The commands whose `--help` says in a few lines what README's "Commands in full" says at
length (acc42a A18: `import --help` was 47 lines of prose before its first option)."""

_NO_COMMAND = re.compile(r"argument COMMAND: invalid choice: '(.*)' \(choose from .*\)", re.S)
# What other readers (newsboat, lemon24/reader, a shell's habits) call a command, and where the
# reader has it: `reader search WORD` said only "invalid choice" and named 21 commands.
_OTHER_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ("search", "find", "grep", "query"),
        "`reader list --search WORDS` finds headlines and cached articles by their words",
    ),
    **dict.fromkeys(
        ("read", "open", "view", "cat", "article", "get"),
        "`reader show ID|URL` prints an article (`reader list` gives the ids)",
    ),
    **dict.fromkeys(("subscribe", "follow", "new"), "`reader add URL` subscribes to a feed"),
    **dict.fromkeys(
        ("unsubscribe", "unfollow", "rm", "delete", "del"),
        "`reader remove FEED` unsubscribes from one",
    ),
    **dict.fromkeys(
        ("update", "refresh", "reload", "fetch", "pull", "download"),
        "`reader sync` refreshes every feed and caches the new articles",
    ),
    **dict.fromkeys(("ls", "headlines", "items", "articles", "entries"), "`reader list`"),
    **dict.fromkeys(("subscriptions", "sources"), "`reader feeds` lists the feeds"),
    **dict.fromkeys(
        ("star", "bookmark", "flag", "keep", "pin"), "`reader save ID|URL` keeps one for good"
    ),
    **dict.fromkeys(
        ("prune", "vacuum", "clean", "cleanup", "gc"), "`reader cache prune` makes room"
    ),
    **dict.fromkeys(("opml",), "`reader import FILE` and `reader export`"),
    **dict.fromkeys(("tui", "ui", "run", "start"), "`reader` alone opens the reader"),
    "help": "`reader --help` lists the commands, `reader COMMAND --help` says what one does",
}


class _Parser(argparse.ArgumentParser):
    """The top-level parser: an option a command does not take is said with that command's
    usage line (`reader sync --feed x`: "usage: reader sync …"), not the top level's; a word
    that is no command is answered with the command that does it."""

    commands: dict[str, argparse.ArgumentParser]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A word that starts with a minus and a digit is a word, not an unknown option: argparse
        # takes only "-3" and "-3.2" so, and `reader list --search -3.2%` (a figure a reporter
        # looks for) was "expected at least one argument". No option of the reader's is so named.
        self._negative_number_matcher = re.compile(r"^-[\d.,]")

    def _parse_optional(self, arg_string: str) -> Any:
        # A word the parser reads as a word (a figure, and for `list` a word to leave out of a
        # search) is one even when its first letters are an option of one dash with its value
        # run on: argparse read `--search -hello` as -h given "ello", before asking. The option
        # itself, alone ("-h"), is still the option.
        if arg_string not in self._option_string_actions and (
            self._negative_number_matcher.match(arg_string)
        ):
            return None
        return super()._parse_optional(arg_string)

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # argparse drops a write that fails: `reader --help > /dev/full` lost the help, and 0.
        if message:
            from .common import out  # here: read when help or a usage line is printed

            out(message.removesuffix("\n"), file or sys.stderr)

    def error(self, message: str) -> NoReturn:
        if (found := _NO_COMMAND.fullmatch(message)) is not None and self.commands:
            from difflib import get_close_matches  # here: only a mistyped command needs it

            word = found.group(1)
            hint = _OTHER_NAMES.get(word.lower())
            if hint is None and word.lower().startswith(("http://", "https://")):
                hint = (
                    "`reader add URL` subscribes to its feed, `reader show URL` prints its article"
                )
            # The nearest of a command and another reader's name for one: "serch" is nearer
            # `search` (`list --search`) than `search-feed`.
            nearest = get_close_matches(word.lower(), [*self.commands, *_OTHER_NAMES], n=1)
            if hint is None and nearest and nearest[0] in self.commands:
                hint = f"did you mean `reader {nearest[0]}`?"
            elif hint is None and nearest:
                hint = _OTHER_NAMES[nearest[0]]  # "serch"
            # `word` as argparse quoted it: a control character typed comes written out, as \x1b.
            message = f"'{safe_line(word, 40)}' is not a command"
            message += f": {hint}" if hint else " (`reader --help` lists them)"
        super().error(message)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self.commands.get(getattr(parsed, "command", None) or "", self)
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


class _ArticlesThenCopies(argparse.Action):
    """`reader diff`'s words: the articles, then one or two copies' numbers (`ID… [N [M]]`),
    set apart into `copies` (older, newer; None: not given). A number is no article's id (12
    hex digits): one with no article before it, a third, or one among the articles is the
    command line's mistake, said with diff's usage line and exit 2, not looked up as an id
    ("no article with id '5'", exit 1)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        words = list(values or ())
        copies: list[int] = []
        while len(words) > 1 and len(copies) < 2 and _copy_number(words[-1]):
            copies.insert(0, int(words.pop()))
        if all(_copy_number(word) for word in words):
            parser.error("no article given: the article's id or address first, then the copies")
        if _copy_number(words[-1]):
            parser.error("at most two copies' numbers (N and M) after the articles")
        if stray := next((word for word in words if _copy_number(word)), None):
            parser.error(f"{stray} is a copy's number: copies come after the last article")
        setattr(namespace, self.dest, words)
        namespace.copies = (*copies, None, None)[:2]


def _copy_number(word: str) -> bool:
    return word.isascii() and word.isdigit() and len(word) < ENTRY_ID_LENGTH


class _Version(argparse.Action):
    """`--version`: the release, and the data format the reader writes and its extractor's
    version, which change between releases (two builds 2,600 commits and formats 2 and 6
    apart both said "reader 0.1.0", and a newer library's refusal names its format: acc38b
    K2). Read when asked, not at every command's start."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from ..data_format import DATA_FORMAT
        from ..extractor_version import EXTRACTOR
        from .common import out

        out(f"reader {__version__} (data format {DATA_FORMAT}, extractor {EXTRACTOR})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal news reader that keeps the full, cleaned text of articles readable offline. "
        "With no command, opens the reader (TUI).",
        epilog="Exit status: 0 success, or nothing to do or nothing matched (a search with no hit:"
        " said on stderr), 1 something failed (named on stderr; a data directory that isn't there:"
        " only add, import, demo, config (its file in it), save URL, show URL and the reader make one), 2"
        " bad usage, 75 try again"
        " later (the data directory held by another program, its disk full), 78 a config file"
        " to mend, 130 stopped by Ctrl-C (what was cached stays), "
        "141 output cut short by a closed pipe (`reader list | head`), "
        "143 stopped by SIGTERM (`timeout`, a service stopped), as Ctrl-C, "
        "129 stopped by SIGHUP (its terminal closed).",
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help="show the version, the data format it writes and its extractor's, and exit",
    )
    _add_place_options(parser, None)
    _add_theme_option(parser, None)
    # Each command takes them too, after its name ("reader list --data-dir DIR"); given there,
    # they win over those before it.
    place = argparse.ArgumentParser(add_help=False)
    _add_place_options(place, argparse.SUPPRESS, said=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.commands = sub.choices

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        # A command's own --help opens with what it does, its line in `reader --help` when it
        # says no more (save, unsave and config opened with nothing).
        if "description" not in kwargs and (line := kwargs.get("help")):
            kwargs["description"] = f"{line[0].upper()}{line[1:]}."
        if name in _SAID_IN_FULL:  # after its options: the long text a listener may skip
            kwargs.setdefault("epilog", 'In full: README.md, "Commands in full".')
        return sub.add_parser(name, parents=[place], **kwargs)

    def taking_articles(name: str, module: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A command acting on the articles given (several, or `-`: `given_ids`)."""
        q = command(name, **kwargs)
        q.add_argument("targets", metavar="ID_OR_URL", nargs="+", help=_IDS_HELP)
        q.set_defaults(func=_later(module, f"cmd_{name}"))
        return q

    p = command(
        "add",
        help="subscribe to a feed (RSS, Atom or JSON Feed URL, or a web page naming one) and"
        " fetch its headlines",
        description=(
            "Subscribe to a feed (RSS, Atom or JSON Feed) and fetch its headlines. "
            "Given a web page instead (a site's home page, an article), the feed it "
            "names is found and subscribed to; several are listed to choose from "
            "(exit 1). A web page itself is never subscribed to, nor an address where "
            "nothing answers (no such host, no server, no https: exit 1) but with --keep."
        ),
    )
    p.add_argument(
        "url",
        metavar="URL",
        help="the feed's or the site's address; example.com is taken as https://example.com"
        " (said so)",
    )
    p.add_argument(
        "--title",
        metavar="NAME",
        default="",
        help="show the feed by NAME, kept over the title the feed gives itself (`reader rename` "
        "changes it); a feed subscribed already is renamed so",
    )
    p.add_argument(
        "--keep",
        action="store_true",
        help="subscribe even when nothing answers at the address (no such host, no server at"
        " its port, no https there: most often a typo), to be retried at each sync; one that"
        " times out or answers with a server error is kept without it",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="a web page naming several feeds (a paper's sections): subscribe to every one it"
        " names, comment feeds aside, not only to its main one",
    )
    p.set_defaults(func=_later("subscribing", "cmd_add"))

    p = command(
        "remove",
        help="unsubscribe from feeds",
        description="Unsubscribe from feeds, each named by its address as `reader feeds` shows it,"
        " or by the name (yours, else its title) the feed list shows when no other feed has it;"
        " `-` reads them from stdin, one a line. --failing and --gone pick them for you: a line"
        " for each feed unsubscribed, then how many.",
    )
    p.add_argument("urls", metavar="FEED", nargs="*")
    p.add_argument(
        "--failing",
        action="store_true",
        help="every failing feed, as `reader feeds --failing` lists them (a server error, a"
        " timeout once it has lasted 3 days)",
    )
    p.add_argument(
        "--gone",
        action="store_true",
        help="every feed whose site answered its last fetch that it is not there (HTTP 404 or 410)",
    )
    p.add_argument("--dry-run", action="store_true", help="say what it would do, change nothing")
    p.set_defaults(func=_later("subscribing", "cmd_remove"))

    p = command(
        "rename",
        help="show a feed by a name of your own, over the title it gives itself",
        description=(
            "Give a feed a name of your own, shown by the reader, `reader feeds`, "
            "`reader list` and `reader export` over the title it gives itself. "
            "FEED: its address as `reader feeds` shows it, or the name the feed "
            "list shows. An empty NAME ('') goes back to its own title."
        ),
    )
    p.add_argument("url", metavar="FEED")
    p.add_argument("name", metavar="NAME", nargs="?", default="")
    p.set_defaults(func=_later("subscribing", "cmd_rename"))

    p = command(
        "tag",
        help="file a feed, or an article, under tags",
        description=(
            "File a feed under one tag or more (`reader list --tag`, `sync --tag` "
            "and `mark-read --tag` then take its headlines), or an article, saved "
            "for good if it wasn't. FEED as `rename` takes it; ARTICLE an id or "
            "address, several ids before the tags, `-` reads them from stdin "
            "(`reader list --ids --search harbour | reader tag - harbour`)."
        ),
    )
    p.add_argument("url", metavar="FEED|ARTICLE")
    p.add_argument("tags", metavar="TAG", nargs="+")
    p.set_defaults(func=_later("tags", "cmd_tag"))

    p = command(
        "untag",
        help="take tags off a feed, or an article",
        description="Take one tag or more off a feed (case aside); FEED as `rename` takes it."
        " An article (as `reader tag` takes it, `-` too) stays saved.",
    )
    p.add_argument("url", metavar="FEED|ARTICLE")
    p.add_argument("tags", metavar="TAG", nargs="+")
    p.set_defaults(func=_later("tags", "cmd_untag"))

    p = command(
        "import",
        help="subscribe to every feed of an OPML file, a list of addresses one a line "
        "(newsboat's urls file), newsraft's feeds file or database, nom's config.yml or database, "
        "or lemon24's reader's database; save every link of a wallabag, Pocket or bookmarks "
        "export; '-' for stdin",
        description=(
            "Subscribe to the feeds of an OPML file or of a list of addresses one a"
            " line ('-': stdin), with their names and tags; `reader sync` fetches them."
            " newsboat's, newsraft's and nom's files are read too, and the databases of"
            " newsraft, nom and lemon24's reader, their feeds fetched now for their read"
            " marks; a wallabag, Pocket, FreshRSS or Inoreader starred (JSON) or"
            " bookmarks.html export has its links saved to read later."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--read-from",
        metavar="DATABASE",
        help="the read marks of the reader the file came from: newsboat's cache.db"
        " (~/.newsboat/cache.db, or ~/.local/share/newsboat/cache.db) or the list `newsboat -E"
        " FILE` exports, newsraft's database (~/.local/share/newsraft/newsraft.sqlite3), nom's"
        " (~/.config/nom/nom.db) or lemon24's reader's, read only; the file's feeds are fetched"
        " (their headlines) and those it had read marked read, its important or favourite"
        " articles saved. newsboat's flags are not carried over but with --saved-flags",
    )
    p.add_argument(
        "--saved-flags",
        metavar="LETTERS",
        default="",
        help="with newsboat's cache.db as --read-from: its articles flagged with any of"
        " LETTERS (`s`, the letter most give their saved-for-later pile) are saved, as `reader"
        " save` saves one (newsboat's flags mean what each user gives them: none is unless"
        " named)",
    )
    p.add_argument(
        "--saved",
        action="store_true",
        help="the file's links are articles to save to read later, not feeds (a list of"
        " addresses one a line, a feed's left out: `reader add` it; an export of wallabag,"
        " Pocket or bookmarks is saved without it)",
    )
    p.add_argument(
        "--fetch-local",
        action="store_true",
        help="fetch now the saved links to this computer or its network too (your own intranet's"
        " bookmarks): a file from elsewhere could make them ask your router or a cloud's"
        " metadata address",
    )
    p.set_defaults(func=_later("feed_files", "cmd_import"))

    p = command(
        "export",
        help="print the subscriptions as OPML, or write cached articles to Markdown, HTML, EPUB"
        " or JSON",
        description=(
            "Print the subscriptions as OPML 2.0 (a feed in the folders an OPML "
            "import found it in, else in its first tag's), or with --format markdown, text, html, epub or json write cached "
            "articles to one file, to read elsewhere: those given as IDs (or `-`), "
            "else those the options choose, else every cached one. The cache alone "
            "is read: an article not cached is left out and counted."
        ),
    )
    p.add_argument(
        "--format",
        choices=("opml", "markdown", "text", "html", "epub", "json"),
        default="opml",
        help="opml (the default): the subscriptions; markdown, text (as `reader show` prints"
        " it: links numbered, listed after each article), html (one page), epub (a book,"
        " EPUB 3) or json (a list of the objects `reader show --format json` prints): cached"
        " articles",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (written whole, then put in place) rather than to stdout",
    )
    p.add_argument("ids", metavar="ID", nargs="*", help="the articles to export, by id or address")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--feed", metavar="FEED", help="only this feed's articles")
    _add_tag_option(which, "only the articles of the feeds filed under TAG, and those tagged TAG")
    p.add_argument("--saved", action="store_true", help="only the articles saved for good")
    p.add_argument("--unread", action="store_true", help="only unread articles")
    p.add_argument(
        "--highlighted",
        action="store_true",
        help="only the articles you kept highlights or a note of (h and a in the reader): every"
        " one `reader highlights` lists, or, with another choice, those of it",
    )
    p.add_argument(
        "--since", metavar="DATE", help=f"only those published at DATE or after: {DATE_FORMS}"
    )
    p.add_argument("--before", metavar="DATE", help="only those published before DATE")
    p.add_argument("--read-since", metavar="WHEN", help=READ_SINCE_HELP)
    p.add_argument("--saved-since", metavar="WHEN", help=SAVED_SINCE_HELP)
    p.add_argument(
        "--search",
        metavar="WORD",
        nargs="+",
        help="only those whose title, byline or text holds every word, as `reader list --search`"
        " finds them with the same choices (every cached article no feed lists too, with no"
        " --feed, --tag or --saved); the book's title says the words",
    )
    p.add_argument(
        "--not-exported",
        action="store_true",
        help="only those no earlier export took (markdown, text, html or epub: each is noted"
        " once its file is written): each week's book holds the new ones alone",
    )
    p.add_argument(
        "--no-notes",
        action="store_true",
        help="the articles without your highlights and notes (JSON: without read_at, saved,"
        " tags, archived, highlights and highlights_note): a pack to give away",
    )
    p.add_argument(
        "--no-passwords",
        action="store_true",
        help="OPML without the feeds' accounts (a user name and password in an address, which"
        " it carries to move subscriptions): a list to give away. A token in the query stays",
    )
    p.add_argument("--title", help="the book's title (else what was chosen and the day)")
    p.add_argument(
        "--no-pictures",
        action="store_true",
        help="a book without the pictures kept for offline, each a link to the site as in"
        " the other formats: a small file to mail to an e-reader",
    )
    p.add_argument(
        "--earlier-copies",
        action="store_true",
        help="each earlier copy kept of an article a sync found changed (a correction, a"
        " retraction) after it, under a heading with its retrieval time (JSON: its"
        " earlier_copies); else the latest copy alone",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar (drawn on stderr only when stdout is the terminal or a file, never"
        " into a pipe or a log), no summary line (of what was exported and left out): for cron",
    )
    p.set_defaults(func=_later("feed_files", "cmd_export"))

    p = command(
        "feeds",
        help="list subscribed feeds with their last sync or error",
        description=(
            "List the subscribed feeds by the name the reader shows (yours, else "
            "their title), each with its address and its last sync or error (a "
            "failing feed since when, a moved one where it is fetched from now), "
            "then the search feeds with their unread hits and words."
        ),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print JSON: a row per feed ("kind": "feed"; name: yours, "" for none), then one per'
        ' search feed ("kind": "search", with its "words"; its "url" "")',
    )
    p.add_argument(
        "--failing",
        action="store_true",
        help="only the failing feeds, the longest failing first: answered 404, 410 or a web page,"
        " or failing at every sync for 3 days (a server error, a timeout)",
    )
    p.set_defaults(func=_later("feed_list", "cmd_feeds"))

    p = command(
        "search-feed",
        help="keep a search as a row of the feed list (add, remove, rename, list)",
        description=(
            "Keep a search as a search feed: a row of the reader's feed list (⌕ "
            "NAME) listing what its words find in the articles' text, as F does. "
            "`reader list --feed NAME` lists its hits, `reader feeds` counts them; "
            "in the reader, + on F's hits keeps their search."
        ),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, line: str, description: str) -> argparse.ArgumentParser:
        q = actions.add_parser(name, parents=[place], help=line, description=description)
        q.set_defaults(func=_later("search_feeds", f"cmd_search_feed_{name}"))
        return q

    q = action(
        "add",
        "keep a search feed (one of that name gets these words)",
        'Keep WORDS (as F takes them: words, "phrases", OR, -word, tag:NAME) as the search feed'
        " NAME; one kept by that name already gets these words.",
    )
    q.add_argument("name", metavar="NAME")
    q.add_argument("words", metavar="WORDS", nargs="+")
    q._negative_number_matcher = re.compile(r"^-[\d.,]|^-[^\W\d_]")  # -word: as `list --search`
    q = action(
        "remove",
        "take a search feed away",
        "Take the search feed NAME away (case and spaces aside); the config's are taken away in"
        " its file.",
    )
    q.add_argument("name", metavar="NAME")
    q = action(
        "rename",
        "name a search feed otherwise",
        "Name the search feed NAME (case and spaces aside) NEW_NAME, its words kept; the"
        " config's are renamed in its file.",
    )
    q.add_argument("name", metavar="NAME")
    q.add_argument("new_name", metavar="NEW_NAME")
    action(
        "list",
        "list the search feeds, the config's and those kept here",
        "List the search feeds with their words: the config's, then those kept in the data"
        " directory.",
    )

    p = command(
        "sync",
        help="refresh every feed and cache every new article's cleaned text for offline reading",
        description=(
            "Refresh every feed (with --tag, those filed under it) and fetch every "
            "new or updated article into the cache for reading offline. Exit 0 when "
            "all came, 1 when a feed or an article failed (named on stderr; a story "
            "taken down is none), 75 (try later) when only a full disk or a gateway's "
            "502/504 stood in the way, or another sync ran past --wait. Ctrl-C keeps "
            "what came (exit 130); the next sync carries on."
        ),
    )
    p.add_argument("--no-articles", action="store_true", help="refresh headlines only")
    p.add_argument(
        "--no-pictures",
        action="store_true",
        help="keep no article's pictures this time (the next sync fetches them), whatever the"
        " config's [cache] keep_pictures"
        " (on by default: each article's pictures, JPEG, PNG, GIF, WebP and AVIF only, are kept"
        " after its text for reading offline, within [network] picture_max_bytes and its kin)",
    )
    p.add_argument(
        "--max-download",
        metavar="SIZE",
        help="download at most SIZE this sync (50M, 2G, 500k: in 1,024s), feeds, pages and"
        " pictures together, whatever the config's [network] max_download: once reached no"
        " article or picture is started, those under way finish, and the next sync carries on"
        " (exit 0)",
    )
    p.add_argument(
        "--wait",
        type=_wait,
        metavar="SECONDS",
        help="wait at most this long (10min, 2h too) for another sync of the library running"
        " (default: the config's [system] sync_wait, 10 min; 0: not at all), then exit 75"
        " (try later) saying so, even with -q;"
        " the feeds it refreshed meanwhile are not asked again",
    )
    _add_tag_option(
        p,
        "only the feeds filed under TAG and their articles",
        ". The size limit, the prune and drop_read_after are the whole cache's all the same",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only what failed (for cron: nothing when everything came through); without"
        " it, off a terminal or with TERM=dumb (a screen reader's way: nothing drawn again):"
        " the summary and what failed, no progress; on a terminal each line is wrapped at"
        " words to its width",
    )
    p.set_defaults(func=_later("sync", "cmd_sync"))

    p = command(
        "list",
        help="list headlines, newest first",
        description="List the feeds' headlines, newest first, each with the id `reader show` "
        "takes: the story's for as long as it is listed or its article cached (its headline "
        "dropped or its feed removed, a search and --saved list it under that id). With --saved, every article saved for good: those no feed lists too (saved by "
        "their address, dropped by their feed or their feed removed), under their site's name.",
        epilog=_LIST_MARKS,
    )
    # `--search harbour -ferry`: a word after a minus is a word to leave out, not an unknown
    # option (`list` has no option of one dash but -h, which is still read as one).
    p._negative_number_matcher = re.compile(r"^-[\d.,]|^-[^\W\d_]")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--feed",
        metavar="FEED",
        help="only this feed's headlines (its address as `reader feeds` shows it, or its name);"
        " or a search feed's hits (its name: [[search]] in the config)",
    )
    _add_tag_option(
        which, "only the headlines of the feeds filed under TAG, and the articles tagged TAG"
    )
    p.add_argument("--unread", action="store_true", help="only unread headlines")
    p.add_argument(
        "--saved",
        action="store_true",
        help="every article saved for good, listed by a feed or not (✓: archived)",
    )
    p.add_argument(
        "--archived",
        action="store_true",
        help="only the saved articles archived (`reader archive`; with --saved too: the same)",
    )
    p.add_argument(
        "--corrected",
        action="store_true",
        help="only the articles whose text changed since first had, earlier copies kept (a"
        " correction, a retraction, a stealth edit), read or not: `reader diff ID` shows what",
    )
    p.add_argument(
        "--not-offline",
        action="store_true",
        help="only headlines whose article is not all readable offline: not cached (not synced"
        " yet, failed, left out by the size limit, or a link to no article page: ↗) or cached"
        " only in part (½); what a sync's 'not readable offline' and 'left out' lines count"
        " (not an item with no link nor audio: its feed's text is all of it, read offline)",
    )
    p.add_argument(
        "--since",
        metavar="DATE",
        help=f"only headlines published at DATE or after: {DATE_FORMS} (that long ago); one "
        "its feed left undated is dated by its cached page, else left out",
    )
    p.add_argument(
        "--before",
        metavar="DATE",
        help="only headlines published before DATE (the same forms; none undated)",
    )
    p.add_argument("--read-since", metavar="WHEN", help=READ_SINCE_HELP)
    p.add_argument("--saved-since", metavar="WHEN", help=SAVED_SINCE_HELP)
    p.add_argument(
        "--search",
        metavar="WORD",
        nargs="+",  # the words as typed, quoted or not: `--search ferry strike`
        help="only headlines whose title, byline (the author's name, not the site's) or cached"
        " article text (else the feed's text of it) holds every word, whole, in any"
        f" order ({SEARCH_RULES}; a small letter finds either case, a capital typed only a"
        " capital: Zoë finds ZOË, EU not eu; accents ignored unless a word has one), each with a line of the text where the words are nearest; every"
        " cached article no feed lists any more too (not with --feed or --saved), and the"
        " earlier copies kept of a corrected one (the line says which); reads the cache"
        " only, through its search index; none holding them is said on stderr, exit 0 (nothing"
        " matched is no failure), with what the words find as prefixes (bin* for bin) when"
        " that finds some, and so, after the hits, how many more the words find with case and"
        " accents ignored",
    )
    shape = p.add_mutually_exclusive_group()
    shape.add_argument(
        "--json",
        action="store_true",
        help="print JSON (id, feed, title, link, published, read, read_at: when you last opened"
        " it, cached, enclosures…; snippet and version with --search)",
    )
    shape.add_argument(
        "--ids",
        action="store_true",
        help="print only the ids, one a line, for `xargs reader show --offline --format markdown`"
        " (a search's hit only in an earlier copy as ID@N: `show` prints that copy)",
    )
    p.set_defaults(func=_later("articles", "cmd_list"))

    formats = ("text", "markdown", "json")
    p = command(
        "show",
        help="print articles' cleaned text (fetched and cached when missing), or their citations",
        description=(
            "Print the cleaned article of a headline (its id from `reader list`) or "
            "of any URL, under its citation, fetched and cached when missing; "
            "several, one after the other. One whose article can't be had prints "
            "the text its feed carried and says why on stderr (exit 1); of several, "
            "one not found is said on stderr, the others printed (exit 1)."
        ),
    )
    p.add_argument("targets", metavar="ID_OR_URL", nargs="+", help=_IDS_HELP)
    p.add_argument(
        "--offline", action="store_true", help="never touch the network; exit 1 if not cached"
    )
    p.add_argument(
        "--format",
        choices=(*formats, "citation", *CITATION_RECORDS),
        default="text",
        help="text (each link's number after its words, the addresses listed after the"
        " article; a table as heading: value records; several each under an 'Article 2 of 3'"
        " line), markdown or json (one id given: one object; several, or `-`: a JSON list;"
        " each with its `id` and `feed` as `reader list --json` gives them, every field in"
        " README's JSON output; `authors` a list; a "
        "podcast's audio under the header, `enclosures` in json; your highlights after the "
        "text under Highlights, each quoted with its note, `highlights` in json; when you"
        " last opened it in the reader, `read_at` in json); "
        "citation: the citation alone, as y in the reader copies it (plain text, or Markdown "
        "with the config's [citation] copy = markdown); csl-json: CSL-JSON items, "
        "which Zotero (File → Import, or from the clipboard), Mendeley and Pandoc read; "
        "bibtex: BibTeX entries (BibTeX, biblatex); ris: RIS records (EndNote, Zotero)",
    )
    p.add_argument(
        "--style",
        choices=CITATION_STYLES,
        help="the citation's style: block (a line for each of source, author, dates, address, "
        "time retrieved), or one line in chicago, apa or mla style (with --format citation, a "
        "copy's "
        "notes on stderr); the config's [citation] style "
        "when not given (block, unless set)",
    )
    p.add_argument(
        "--version",
        type=int,
        metavar="N",
        help="a copy kept of an article a sync found changed (a correction): 1 the oldest, "
        "each with its own Retrieved time; its header names those kept (offline)",
    )
    p.add_argument(
        "--refresh",
        action="store_true",
        help="fetch a cached article's page again now (a correction its feed did not tell), "
        "saying on stderr whether it changed since the copy it had (then kept as an earlier "
        "copy, for --version), or was taken down (404, 410: the copy kept, its header noting "
        "it), or why the page that came is not taken for it (a few words in a longer copy's "
        "place); R in the reader does the same",
    )
    p.set_defaults(func=_later("articles", "cmd_show"))

    p = command(
        "highlights",
        help="print the passages kept as highlights (h in the reader), each with its note, "
        "under the article's citation",
        description=(
            "Print the passages kept as highlights (h in the reader) of the "
            "articles named, or of every article with some, each with its note, "
            "then the article's note and its citation as y copies it, to paste into "
            "a draft. It reads the store only; several articles may be named (or "
            "`-`)."
        ),
    )
    p.add_argument(
        "targets", metavar="ID_OR_URL", nargs="*", help=f"{_IDS_HELP}; none: every article's"
    )
    p.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: each passage quoted (> …), its note under it, the citation after them, "
        "articles apart by a rule (---); json: a list, an object an article (url, title, "
        "cached, note, citation, highlights: quote, text, note, kept_at, in_text)",
    )
    p.add_argument(
        "--style",
        choices=CITATION_STYLES,
        help="the citation's style (block, chicago, apa or mla); the config's [citation] style "
        "when not given",
    )
    p.set_defaults(func=_later("highlights", "cmd_highlights"))

    p = command(
        "diff",
        help="what changed between two copies kept of an article a sync found changed",
        description=(
            "Print what changed between two copies kept of an article (a "
            "correction, a stealth edit): by default the one before the latest and "
            "the latest, word by word as `git diff --word-diff` shows it "
            "([-removed-]{+added+}). It reads the cache only; an article with one "
            "copy kept says so (exit 1)."
        ),
    )
    p.add_argument(
        "targets", metavar="ID_OR_URL", nargs="+", help=_IDS_HELP, action=_ArticlesThenCopies
    )
    # Read off the end of the articles (`_ArticlesThenCopies`, into `copies`): argparse gives
    # the articles every word; these two are here for the usage line and --help.
    p.add_argument(
        "older",
        metavar="N",
        nargs="?",
        help="the older copy (1 the oldest, as `reader show --version` numbers them), of each "
        "article given; default: the one before M",
    )
    p.add_argument("newer", metavar="M", nargs="?", help="the newer copy; default: the latest")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or json: the copies, the fields changed and each changed run of paragraphs "
        "(`hunks`: their numbers in each copy, their old and new text, and its `spans`, each "
        "`same`, `removed` or `added`); one object for one article given, a list for several "
        "or `-`",
    )
    p.set_defaults(func=_later("changes", "cmd_diff"))

    p = command(
        "reextract",
        help="re-run extraction on the raw pages kept in the cache (offline)",
        description=(
            "Re-run the extractor on the raw pages kept beside cached articles, "
            "without the network: after an upgrade improved extraction "
            "(--outdated), or a site rule was set in the config (--all, or the "
            "articles named). An article that comes out with under half its words "
            "is named; its page is kept whole."
        ),
    )
    p.add_argument("targets", nargs="*", metavar="ID_OR_URL", help=_IDS_HELP)
    p.add_argument("--all", action="store_true", help="every cached article")
    p.add_argument(
        "--outdated",
        action="store_true",
        help="every cached article an older extractor made (after an upgrade; run again after a"
        " Ctrl-C, it carries on with the rest)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar (drawn on stderr only when stdout is the terminal or a file, never"
        " into a pipe or a log), no summary: only what failed and what came out much shorter",
    )
    p.set_defaults(func=_later("articles", "cmd_reextract"))

    for name, state, func in (
        ("mark-read", "read", _later("marks", "cmd_mark_read")),
        ("mark-unread", "unread", _later("marks", "cmd_mark_unread")),
    ):
        p = command(
            name,
            help=f"mark articles, or every headline (a feed's, a tag's, those before a date) {state}",
            description=(
                f"Mark headlines {state}: the articles given, or every feed's, one "
                f"feed's (--feed) or a tag's feeds' (--tag), only those published "
                f"before a date with --before (one without a date is left as it is). "
                f"In the reader, m marks one, A the list shown, C every feed."
            ),
        )
        p.add_argument("targets", nargs="*", metavar="ID_OR_URL", help=_IDS_HELP)
        which = p.add_mutually_exclusive_group()
        which.add_argument(
            "--feed",
            metavar="FEED",
            help="only this feed's headlines (its address as `reader feeds` shows it, or its"
            " name), or a search feed's hits (its name)",
        )
        _add_tag_option(
            which, "only the headlines of the feeds filed under TAG, and the articles tagged TAG"
        )
        p.add_argument(
            "--before",
            metavar="DATE",
            help=f"only those published before DATE: {DATE_FORMS} (older than that)",
        )
        p.set_defaults(func=func)

    p = taking_articles(
        "save", "articles", help="keep articles for good (cached now, never evicted)"
    )
    p.add_argument("--offline", action="store_true", help="only if already cached")

    taking_articles(
        "unsave",
        "articles",
        help="let saved articles be evicted again",
        description="Let saved articles be evicted again. One not saved is said to be, exit 0:"
        " nothing to do is no failure.",
    )
    taking_articles(
        "archive",
        "archive",
        help="archive saved articles: done with, kept (saved if not, marked read)",
        description=(
            "Archive articles, as wallabag and Pocket archive: done with, and kept. "
            "One not saved is saved for good; each is marked read and leaves the "
            'reader\'s "Saved" for its "Archive" (E there). `reader list --archived` '
            "lists the archive."
        ),
    )
    taking_articles(
        "unarchive",
        "archive",
        help="take articles out of the archive: back in Saved, still saved",
        description='Take archived articles out of the archive, back in the reader\'s "Saved"'
        " (still saved, still read: `reader mark-unread` or m marks one unread).",
    )

    taking_articles(
        "forget",
        "articles",
        help="drop an article from the cache: its text, page and copies (and its save)",
        description=(
            "Drop all that is kept of one article: its cached text, its page, its "
            "earlier copies, where you left it, and its save. A feed's headline of "
            "it stays, not cached (a sync fetches it again); your highlights and "
            "notes on it stay."
        ),
    )

    p = command(
        "cache",
        help="show what the cache holds, or prune it: articles evicted, old read headlines dropped",
        description=(
            "Without an action: what the cache holds (articles, feeds, headlines, "
            "size, oldest and newest, those the size limit left out). `prune` "
            "evicts articles (the read and the oldest first, saved ones never) and "
            "drops old read headlines: by its options, else as the config's "
            "[cache] max_size, [feeds] drop_read_after and max_items say."
        ),
    )
    p.add_argument("action", nargs="?", choices=["prune"], help="evict articles, drop headlines")
    p.add_argument(
        "--older-than",
        metavar="AGE",
        help="with prune: evict the articles not opened for AGE (30d, 12h, 3mo, 1y; a number needs"
        " its unit, and 3m is refused: 3min or 3mo): since last read, else since cached; read or"
        " unread, saved ones aside",
    )
    p.add_argument(
        "--max-size",
        metavar="SIZE",
        help="with prune: evict until the cache is at most SIZE (500MB, 2GB: in 1,024s; a number"
        " needs its unit, 500B for bytes)",
    )
    p.add_argument(
        "--headlines-older-than",
        metavar="AGE|DATE",
        help="with prune: drop the read headlines, saved ones aside, from before AGE|DATE: an"
        " age (180d, 26w, 6mo, 1y) or a date (2026-06-01); an undated one by when it was first synced",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="with prune: say what would go (headlines by feed), change nothing",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON: what the cache holds (articles, headlines, disk_bytes…), or with prune"
        " what it evicted and dropped (or would: dry_run), the headlines' ids and the articles'"
        " urls too",
    )
    p.set_defaults(func=_later("cache", "cmd_cache"))

    p = command(
        "repair",
        help="mend damaged cache files: every record that still reads copied out, the damaged"
        " file kept beside it",
        description=(
            "Check the data directory's two cache files (SQLite's own check) and "
            "mend a damaged one: the records that still read are copied into a "
            "sound file that takes its place, those lost counted and named, the "
            "damaged file kept beside it. A reader or a sync running on the "
            "directory stops it; exit 1 when a file could not be mended."
        ),
    )
    p.add_argument("--dry-run", action="store_true", help="say what it would do, change nothing")
    p.set_defaults(func=_later("repair", "cmd_repair"))

    p = command(
        "config",
        help="print the config file (created with commented defaults), then the defaults in force"
        " of the settings it leaves out",
        description=(
            "Print the config file (created with commented defaults), then the "
            "defaults in force of the settings it leaves out. A setting it can't "
            "read stops it with one line (exit 78, as every command), naming the "
            "line, the setting and the fix; a file that isn't TOML is printed first, "
            "to be mended. Rules and commands that name nothing here "
            "are named on stderr."
        ),
    )
    p.add_argument(
        "--path",
        action="store_true",
        help="print only its path (where it will be, if it is not yet: nothing is written)",
    )
    p.add_argument(
        "--from-newsboat",
        nargs="?",
        const="",
        metavar="CONFIG",
        help="print the ignore-article rules (killfile) of newsboat's config (~/.newsboat/config"
        " or ~/.config/newsboat/config, else CONFIG) as [[ignore]] tables and its settings and"
        " bind-keys as [ui], [feeds], [network] and [keys] lines, each under its line, to add to"
        ' this config: `reader config --from-newsboat >> "$(reader config --path)"`; a line they'
        " can't say (an age, a browser, a key doing two things) is a comment saying why, what"
        " this config has already left out; nothing is written",
    )
    p.set_defaults(func=_later("articles", "cmd_config"))

    p = command(
        "extract",
        help="extract the article from a local HTML, text or PDF file ('-' for stdin)",
        description=(
            "Extract the article of a saved web page (or a plain-text file, or a "
            "PDF's text), decoding it as a fetch would; an image or a feed is "
            "refused. A web address is not fetched: `reader show URL` fetches, "
            "caches and prints its article."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--url",
        help="the page's http(s) address, to resolve relative links and pick site rules "
        "(default: the canonical address the page declares, else the one a browser noted saving it)",
    )
    p.add_argument("--format", choices=formats, default="text")
    p.set_defaults(func=_later("extract_file", "cmd_extract"))

    p = command(
        "demo",
        help="serve the bundled demo news site on 127.0.0.1 and open the reader on it",
        description="Start the bundled demo news site on 127.0.0.1 (port 8650, or a free one when "
        "8650 is taken), subscribe a throwaway data directory to its feeds and open the reader. "
        "Needs no internet. With --data-dir, that directory is kept: it is subscribed to the demo "
        "feeds once, and copies an earlier demo left on another port are removed.",
    )
    p.add_argument(
        "--serve",
        action="store_true",
        help="only serve the site and print its feed URLs (no reader is opened: not with --theme)",
    )
    p.add_argument(
        "--port",
        type=_port,
        metavar="N",
        help="port to serve on; 0 picks a free one (default: 8650, or a free one when it is taken)",
    )
    _add_theme_option(p, argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
    return parser
