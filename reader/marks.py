"""The marks a headline carries in a list, the reader's and `reader list`'s alike: one place,
so the two never say different things (the CLI doesn't import the UI, for its start-up). And
the one place that knows which glyphs the terminal can draw: all of Unicode, the Linux
console's (TERM=linux), or ASCII (an ASCII locale), for the marks and every character drawn."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .ascii_spellings import JOINED, SHARP_S, STROKED
from .process_state import stat_fields

if TYPE_CHECKING:
    from .reports import Headline


def on_linux_console() -> bool:
    """Whether the terminal is the Linux console (TERM=linux): its fonts hold a few hundred
    glyphs, not ↗ ★ ✓ Δ ⏎ ▌ ↪ nor the scroll bars' ▁▄▅▇, which it shows as its one replacement
    glyph: saved, archived and audio headlines looked alike (acc35a E13, from the fonts' Unicode
    tables). The kernel's own font (a rescue shell, a VM's console, a minimal install) has only
    cp437's: not the rounded corners ╭╮╰╯, ● ⊘ … nor — “ ” either (acc42a A3)."""
    return os.environ.get("TERM") == "linux"


def in_gnu_screen(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal the reader draws on is a GNU screen window: STY set (screen sets it
    in each window), and no tmux between (TMUX unset). Both are set in tmux run inside screen
    and in screen run inside tmux, each inheriting the other's: then the nearer of the two
    processes they name (STY "pid.tty.host", TMUX "socket,pid,session") among the reader's
    ancestors is the terminal. Screen holds back a lone Esc while mouse reports are on
    (acc45b B1: `ui.terminal.mouse_reports`) and leaves a row's end undrawn after the bidi
    isolates in a partial redraw (B3: `cell_glyphs`)."""
    environ = os.environ if environ is None else environ
    sty, tmux = environ.get("STY", ""), environ.get("TMUX", "")
    if not sty:
        return False
    if not tmux:
        return True
    screen_pid, tmux_pid = _leading_number(sty.partition(".")[0]), None
    fields = tmux.split(",")
    if len(fields) > 1:
        tmux_pid = _leading_number(fields[1])
    for pid in _ancestors():
        if pid == screen_pid:
            return True
        if pid == tmux_pid:
            return False
    return False  # neither is ours (a variable carried over sudo, ssh): tmux's set last


def _leading_number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _ancestors() -> list[int]:
    """The reader's parent, its parent and so on up to init, read from /proc (none elsewhere)."""
    found: list[int] = []
    pid = os.getppid()
    while pid > 1 and pid not in found:
        found.append(pid)
        fields = stat_fields(pid)
        if fields is None or len(fields) < 2 or not fields[1].isdigit():
            break
        pid = int(fields[1])
    return found


ASCII_CODESETS = frozenset({"ANSI_X3.4-1968", "ASCII", "US-ASCII", "646", "ISO646-US"})
"""The names a locale gives the ASCII charset (`locale -k charmap`: "ANSI_X3.4-1968")."""


def ascii_locale(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the locale's charset is ASCII: the first of LC_ALL, LC_CTYPE, LANG set (as
    setlocale reads them) is C or POSIX, or names an ASCII codeset ("en_US.ANSI_X3.4-1968").
    Read from the variables as newsboat's iconv does: Python takes the C locale for UTF-8
    (PEP 538, 540), so its own encodings say UTF-8 there, where the terminal is ASCII."""
    environ = _as_started() if environ is None else environ
    # None set at all is the C locale too, by POSIX, but it is how a container or a service
    # runs, on a terminal that is UTF-8 as often as not: only a C asked for is taken as one.
    value = next((environ[n] for n in ("LC_ALL", "LC_CTYPE", "LANG") if environ.get(n)), "")
    if value in ("C", "POSIX"):
        return True
    codeset = value.partition(".")[2].partition("@")[0]
    return codeset.upper() in ASCII_CODESETS


def _as_started() -> Mapping[str, str]:
    """The locale's variables as the process was started with them: Python's C-locale coercion
    (PEP 538) sets LC_CTYPE=C.UTF-8 in `os.environ` before any of the reader runs, which hid a
    `LANG=C` (a rescue shell's, a serial console's) behind it (acc43b B3). On Linux the
    environment the process was started with is in /proc/self/environ, which `setenv` leaves;
    elsewhere a coerced LC_CTYPE is told by its value and LANG's (one set so by hand, beside a
    LANG=C, is read as coerced too)."""
    try:
        with open("/proc/self/environ", "rb") as file:
            pairs = [entry.partition(b"=") for entry in file.read().split(b"\0") if entry]
    except OSError:
        environ = dict(os.environ)
        coerced = environ.get("LC_CTYPE") in ("C.UTF-8", "C.utf8", "UTF-8")
        if coerced and not environ.get("LC_ALL") and environ.get("LANG", "C") in ("C", "POSIX"):
            environ.pop("LC_CTYPE")
        return environ
    return {os.fsdecode(name): os.fsdecode(value) for name, _, value in pairs}


def children_in_own_locale() -> None:
    """Give the programs the reader starts (`o`'s text browser, a `[[command]]`, a pager) the
    locale the reader was started with: Python's coercion (PEP 538) set LC_CTYPE=C.UTF-8 in
    the environment they inherit, and under `LANG=C` lynx wrote UTF-8 to the ASCII terminal the
    reader itself draws ASCII on (acc51a A7). Python read its own charset from it already."""
    started = _as_started()
    for name in ("LC_CTYPE",):  # the one variable the coercion sets
        if name in started:
            os.environ[name] = started[name]
        else:
            os.environ.pop(name, None)


LINUX_CONSOLE = on_linux_console()
"""Read once, as the marks below are."""
IN_GNU_SCREEN = in_gnu_screen()
"""Read once: GNU screen draws every glyph, but not the bidi isolates (`cell_glyphs`)."""
ASCII_ONLY = ascii_locale()
"""Read once: in an ASCII locale the reader draws and prints ASCII alone (`ascii_text`), as
newsboat transliterates there: a terminal set to ASCII shows UTF-8's bytes as litter."""


def _writable(text: str) -> bool:
    """Whether the command line's output charset (stdout's: the locale's) has `text`'s
    characters: a Latin-1 locale's lacks ↓ … — and ★."""
    try:
        text.encode(_OUTPUT_CHARSET)
    except UnicodeEncodeError:
        return False
    except LookupError:  # a charset Python doesn't know: it is written as it is
        pass
    return True


_OUTPUT_CHARSET = getattr(sys.stdout, "encoding", None) or "utf-8"


def _mark(drawn: str, console: str, ascii: str = "") -> str:
    """`drawn`, or on the Linux console `console` (a mark in every one of its fonts: ASCII or
    one of cp437's few others: → • ■ »), or in an ASCII locale `ascii` (else `console`,
    which must then be ASCII); in a locale whose charset lacks the mark (Latin-1: ↓ was "?",
    the offline mark lost where ASCII's `d` kept it, acc51a A9), the first it has."""
    if ASCII_ONLY:
        return ascii or console
    mark = console if LINUX_CONSOLE else drawn
    if _writable(mark):
        return mark
    return next((m for m in (console, ascii or console) if _writable(m)), mark)


UNREAD_MARK = _mark("●", "•", "N")
"""Unread: `N` in ASCII, as `reader list` and newsboat mark it."""
OFFLINE_MARK = _mark("↓", "↓", "d")
"""Available offline: `d`, downloaded, in ASCII."""
TO_FETCH_MARK = _mark("⇣", "·", "-")
"""In the feed list, before a feed some of whose headlines' articles are not available offline
yet (a refresh brought them, a sync has not cached them): the offline mark's arrow, dashed. Which
feeds to sync before a flight, at a glance over 40 (`f` in the plain layout: to fetch)."""
PARTIAL_MARK = _mark("½", "½", "p")
"""Cached, but only part of the article: the feed's text stands in, or the page gave part."""
NOT_ARTICLE_MARK = _mark("↗", "→", ">")
"""No article page to cache (a PDF, an image, audio): the link opens in a browser or player."""
UPDATED_MARK = _mark("Δ", "~")
"""Cached, and changed since last read: a sync found a new text (a correction); the copy
read before is kept as an earlier version."""
CORRECTED_MARK = _mark("δ", "δ", "r")
"""Cached, and its text changed after it was first retrieved (a correction, a retraction: earlier
copies kept, `Headline.corrected`), read since: Δ's lasting trace once read (acc45). δ is in the
console's cp437."""
SAVED_MARK = _mark("★", "*")
ARCHIVED_MARK = _mark("✓", "+")
"""Saved, and archived: done with, kept (wallabag's and Pocket's archive), in the saved
mark's place."""
QUOTE_BAR = _mark("▌", "|")
"""Down the left of a quotation in the reading view (`QUOTE_BAR_RIGHT` of one set right to
left)."""
QUOTE_BAR_RIGHT = _mark("▐", "|")
FOLD_MARK = _mark("↪", "»", ">")
"""Before the rest of a line of code folded at the column's edge, as editors mark it."""
PICTURE_MARK = _mark("▣", "■", "#")
"""Before a picture's label in the reading view."""
KEPT_PICTURE = _mark("✓ kept", "(kept)")
"""After the label of a picture kept for reading offline (`reader.pictures`): `o` on it opens
the copy kept."""
NOTE_MARK = _mark("✎", "»", ">")
"""Before a note of the reader's in the reading view: not the article's words."""
PLAIN_NOTE_MARK = "Note:"
"""`NOTE_MARK` in the plain layout (`[ui] plain`): a screen reader said "lower right pencil"."""
FOLDER_OPEN_MARK = _mark("▾", "-")
FOLDER_CLOSED_MARK = _mark("▸", "+")
"""Before a folder's name in the feed list, open or folded (`z`), as a tree view marks them;
"-" and "+" where the terminal lacks the triangles, and in the plain layout."""
SEARCH_MARK = _mark("⌕", "/")
"""What the feed list shows before a search feed's name ("⌕ Harbour strike")."""
PLAIN_SEARCH_MARK = "Search:"
"""`SEARCH_MARK` in the plain layout: "telephone recorder", a screen reader's name for ⌕."""
ENTER_KEY = _mark("⏎", "Enter")
"""The Enter key as the key bar names it (Textual's ⏎)."""
TAKEN_DOWN_MARK = _mark("⊘", "x")
"""Cached, and its page since taken down (404, 410): the copy is all that is left of it."""
TAKEN_DOWN = "taken down"
"""The word for a story whose page its site has since taken down (404, 410): `reader list`
ends a cached one's line with it, the article's header note says it (`citation.gone_note`)."""


_LETTERS = {
    UNREAD_MARK: "N",
    OFFLINE_MARK: "d",
    TO_FETCH_MARK: "f",
    PARTIAL_MARK: "p",
    NOT_ARTICLE_MARK: "l",
    UPDATED_MARK: "c",
    CORRECTED_MARK: "r",
    SAVED_MARK: "s",
    ARCHIVED_MARK: "a",
    TAKEN_DOWN_MARK: "x",
}
"""Each mark as the plain layout (`[ui] plain`) shows it: a letter a screen reader says as one,
where it said "black circle", "downwards arrow" (acc42a A8). N and d as `reader list` and
newsboat have them; the rest the first letter of the help's word (link only, changed, revised)."""


def as_letter(mark: str) -> str:
    """`mark` as a letter (`_LETTERS`): the same mark in every glyph set, mapped by its glyph."""
    return _LETTERS.get(mark, mark)


def saved_mark(headline: Headline) -> str:
    """What the saved column shows of a headline: archived, saved, or neither (a space)."""
    if not headline.saved:
        return " "
    return ARCHIVED_MARK if headline.archived else SAVED_MARK


def offline_mark(headline: Headline) -> str:
    """What the offline column shows of a headline: all of its article cached, part, none,
    changed since it was read (cached too: the change is the news), changed after it was first
    retrieved and read since (δ: a correction stays said, over ↓ and ½), or that its link is no
    article page (so "not synced yet" is never what a PDF seems)."""
    if not headline.cached:
        return NOT_ARTICLE_MARK if headline.not_article else " "
    if headline.taken_down:  # the reader's list marked it as `reader list` did (acc28c C10)
        return TAKEN_DOWN_MARK
    if headline.updated:
        return UPDATED_MARK
    if headline.corrected:  # changed once, read since: it stays said (acc45)
        return CORRECTED_MARK
    return PARTIAL_MARK if headline.partial else OFFLINE_MARK


# -- what the terminal can draw ----------------------------------------------------------------
# Every character drawn on the Linux console or in an ASCII locale goes through `cell_glyphs`
# (the TUI's last line filter) or `terminal_words` (the reader's own lines: its status line, its
# notices, its messages on the command line): the one place that knows what those can show.

CUT_MARK = _mark("…", "...")
"""After a headline cut short (`cell_width.fit_to_cells`): newsboat's "..." where "…" can't be
drawn. One cell where only one is left: `CUT_CELL`."""
CUT_CELL = _mark("…", "~")

_PUNCTUATION = {
    "⊘": "x",
    "…": CUT_CELL,
    **{c: "-" for c in "—–‒"},
    **{c: '"' for c in "“”„"},
    **{c: "'" for c in "‘’‚"},
}
"""A dash, quotes, "…" and ⊘ in one cell, on the Linux console and in ASCII alike."""

_CONSOLE_CELLS = {
    # cp437 has square corners only; Textual's frames are rounded.
    "╭": "┌",
    "╮": "┐",
    "╰": "└",
    "╯": "┘",
    "●": "•",
    **_PUNCTUATION,
    "▌": "█",
    "▐": "█",
    "⏎": "→",
    # The reader's bidi isolates (`bidi_isolates`): the console orders no letters, and a kernel
    # may draw a character it has no glyph for in a cell, shifting the row (review42).
    **{c: "" for c in "\u2066\u2067\u2068\u2069"},
}
"""One cell for one cell: what the kernel's console font (cp437) lacks, as one it has."""

_SCREEN_CELLS = dict.fromkeys("\u2066\u2067\u2068\u2069", "")
"""GNU screen's: no bidi isolates. It orders no letters either, and a row redrawn in part (the
cursor moved off a Hebrew or Arabic headline) lost its padding and right border after them
(acc45b B3); a whole redraw (a resize) drew it right again."""

_ASCII_CELLS = {
    **{c: "-" for c in "─━═┄┈╌▔▁‐‑−"},
    **{c: "|" for c in "│┃║┆┊╎▏▕▌▐"},
    **{c: "+" for c in "┌┐└┘╭╮╰╯├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋"},
    **{c: "#" for c in "█▀▄▆▇▅▃▂■▣░▒▓"},
    **{c: "*" for c in "●•★☆◆♦"},
    **{c: ">" for c in "→↗»›▶►"},
    **{c: "<" for c in "←«‹◀◄"},
    "↓": "v",
    "↑": "^",
    "·": "-",
    "✓": "+",
    "✔": "+",
    "Δ": "~",
    "½": "p",
    **_PUNCTUATION,
    "×": "x",
    "\u00a0": " ",
    # Letters with no accent to lose (no decomposition): the letter the search takes for them
    # (ı as i), and, for the few it doesn't fold, their base letter as iconv writes it.
    **STROKED,
    **dict(zip("ŧŦðÐ", "tTdD", strict=True)),
}
"""One cell for one cell in ASCII; other letters lose their accents, or are "?"."""

_WORDS = {"—": "--", "–": "-", "…": "...", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"}
"""In the reader's own lines, where the line is text, not cells of a table: newsboat's `--`."""
# Letters written as two, as the search folds them ("Strasse" finds "Straße"): "Stra?e" was
# typed back and named no feed (acc51a A9). Þ as iconv writes it (no search folds it).
_TWO_LETTERS = {**JOINED, **SHARP_S, "þ": "th", "Þ": "Th"}
_ASCII_WORDS = {
    **{"£": "GBP", "€": "EUR", "¥": "JPY", "©": "(c)", "®": "(R)", "™": "(TM)", "½": "1/2"},
    **_TWO_LETTERS,
}
"""What ASCII lacks, in words where a line is text (the command line's output), as iconv's
transliteration writes them."""


_SPELT = str.maketrans(_TWO_LETTERS)


def spelt_in_ascii(text: str) -> str:
    """A stranger's text for the screen in an ASCII locale, each letter ASCII writes as two (ß,
    æ, œ, þ) so written, as the command line's lines have them: the screen's last filter is
    cell for cell (`cell_glyphs`) and drew "Stra?e", which typed back finds nothing. Before
    the screen measures it. As it is elsewhere."""
    if not ASCII_ONLY or text.isascii():
        return text
    return text.translate(_SPELT)


def _ascii_cell(char: str) -> str:
    """`char` in ASCII, as many cells wide: its letter without accents ("é" "e"), a mark for a
    mark, else "?" for each cell (a Chinese character: "??"); nothing for a combining one."""
    if char.isascii():
        return char
    if char in _ASCII_CELLS:
        return _ASCII_CELLS[char]
    from rich.cells import cell_len  # the CLI's start doesn't load it for ASCII lines

    width = cell_len(char)
    if width == 0:
        return ""
    import unicodedata

    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return base if len(base) == width else "?" * width


def verbatim(text: str) -> str:
    """A path or an address printed to be used again (`config --path`, a data directory named
    in a message, a feed's address): in an ASCII locale its other characters as the bytes the
    file system holds (its UTF-8, as `readlink` writes them), where the text around it is
    transliterated: "Büro" printed "Buro" named a folder that isn't there (acc51a A1). They are
    carried as `surrogateescape`'s lone surrogates, which `ascii_replaced` writes as bytes and
    `cell_glyphs` leaves. As it is elsewhere (a UTF-8 or Latin-1 locale writes it whole)."""
    if not ASCII_ONLY or text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("ascii", "surrogateescape")


def said_address(shown: str) -> str:
    """An address in a line of the command line, as the line shows it (`url_display.line_url`,
    `urls.written_address`: safe, perhaps cut in its middle), to be typed back: in an ASCII
    locale its bytes as they are, as `reader feeds` prints it and `remove` takes it, where they
    were transliterated ("unsubscribed: …/buro/feed.xml", acc51a A1); a cut's "…" is words,
    written as ASCII writes them. One policy for every address printed."""
    head, cut, tail = shown.partition("…")
    return f"{verbatim(head)}{cut}{verbatim(tail)}"


def said_path(path: object) -> str:
    """A path in a line, to be used again: made safe (`safe_line`), and in an ASCII locale its
    bytes as they are where the words around it are transliterated (`verbatim`)."""
    from .safe import safe_line

    return verbatim(safe_line(str(path), 300))


def _escaped_byte(char: str) -> bool:
    """Whether `char` is a byte `verbatim` (or `os.fsdecode`) carried: U+DC80-U+DCFF."""
    return "\udc80" <= char <= "\udcff"


class _Cells(dict[str, str]):
    """Character → what is drawn for it (`str.translate`'s table): filled as characters come."""

    def __init__(self, ascii_only: bool, others: dict[str, str]) -> None:
        super().__init__()
        self.ascii_only = ascii_only
        self.others = others  # what each character not ASCII is drawn as, unless ASCII only

    def __missing__(self, key: str) -> str:
        char = chr(key) if isinstance(key, int) else key  # str.translate asks by ordinal
        if _escaped_byte(char):  # a path's byte (`verbatim`): written as it is
            return char
        drawn = _ascii_cell(char) if self.ascii_only else self.others.get(char, char)
        self[key] = drawn
        return drawn


GLYPHS_REPLACED = ASCII_ONLY or LINUX_CONSOLE
"""Whether the terminal draws fewer glyphs than Unicode has (the Linux console, ASCII)."""
_CELLS: _Cells | None = None
if GLYPHS_REPLACED:
    _CELLS = _Cells(ASCII_ONLY, _CONSOLE_CELLS)
elif IN_GNU_SCREEN:
    _CELLS = _Cells(False, _SCREEN_CELLS)
CELLS_FILTERED = _CELLS is not None
"""Whether `cell_glyphs` changes anything: the TUI's last line filter is needed."""


def cell_glyphs(text: str) -> str:
    """`text` as the terminal can draw it, cell for cell (as wide on the screen): the Linux
    console's glyphs for those its font lacks, or ASCII in an ASCII locale; in GNU screen, no
    bidi isolates. As it is elsewhere."""
    if _CELLS is None or text.isascii():
        return text
    return text.translate(_CELLS)


def terminal_words(text: str) -> str:
    """The reader's own line (a message, a notice) as the terminal can show it: newsboat's
    `--` for a dash and "..." for "…", straight quotes, then `cell_glyphs`."""
    if _CELLS is None or text.isascii():
        return text
    if not GLYPHS_REPLACED:  # GNU screen: its dashes and quotes are drawn
        return cell_glyphs(text)
    for char, words in _WORDS.items():
        text = text.replace(char, words)
    return cell_glyphs(text)


ASCII_ERRORS = "reader-ascii"
"""The name the command line's output in a locale that is not UTF-8 (ASCII, Latin-1) encodes
the characters its charset lacks by."""


ASCII_NOTED = "reader-ascii-noted"
"""The error handler of output that is not a terminal (a file, a pipe): as `ASCII_ERRORS`, the
first letter it spells in ASCII kept (`letters_spelt`) for the command to say once."""

_LETTER_SPELT: list[str] = []
"""The first letter output off a terminal spelt in ASCII, as "U+015E written S" (Ş); none yet,
empty."""


def ascii_noted(error: UnicodeError) -> tuple[str | bytes, int]:
    """`ascii_replaced`, keeping the first letter it spells in ASCII: a quote saved to a file
    under LANG=C read "Sule Yilmaz" for "Şule Yılmaz", silently (acc52b-8). Marks and
    punctuation (`--` for a dash) lose nothing of the text's words: not kept."""
    replaced, end = ascii_replaced(error)
    if not _LETTER_SPELT and isinstance(replaced, str):
        lacking = error.object[error.start : end]
        if letter := next((c for c in lacking if unicodedata.category(c)[0] == "L"), None):
            # By its number: the letter itself, lacking in the charset, is not writable on stderr.
            _LETTER_SPELT.append(f"U+{ord(letter):04X} written {_ascii_cell(letter) or '?'}")
    return replaced, end


def letters_spelt() -> str:
    """The first letter output off a terminal spelt in ASCII ("U+015E written S"), "" when none
    was."""
    return _LETTER_SPELT[0] if _LETTER_SPELT else ""


def ascii_replaced(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec's error handler: the characters ASCII lacks, as `terminal_words` writes them;
    the bytes of a path or an address (`verbatim`) as they are."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    lacking = error.object[error.start : error.end]
    bytes_end = next((i for i, c in enumerate(lacking) if not _escaped_byte(c)), len(lacking))
    if bytes_end:
        return bytes(ord(c) - 0xDC00 for c in lacking[:bytes_end]), error.start + bytes_end
    if (text_end := next((i for i, c in enumerate(lacking) if _escaped_byte(c)), 0)) > 0:
        lacking = lacking[:text_end]  # the text before a path's bytes, alone
    words = lacking
    for char, said in {**_WORDS, **_ASCII_WORDS}.items():
        words = words.replace(char, said)
    return "".join(_ascii_cell(char) for char in words), error.start + len(lacking)
