"""The help screen: every key, grouped by where it works, and a key bar of the keys that work
while it is open (the screen's under it showed keys that did nothing there)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...marks import (
    ARCHIVED_MARK,
    CORRECTED_MARK,
    FOLDER_CLOSED_MARK,
    FOLDER_OPEN_MARK,
    NOT_ARTICLE_MARK,
    OFFLINE_MARK,
    PARTIAL_MARK,
    PLAIN_SEARCH_MARK,
    SAVED_MARK,
    SEARCH_MARK,
    TAKEN_DOWN_MARK,
    TO_FETCH_MARK,
    UNREAD_MARK,
    UPDATED_MARK,
    as_letter,
)
from ...search_syntax import SEARCH_RULES
from ..key_names import shown_key
from ..keymap import KeyMap, default_keys, keymap_of
from ..widgets.key_bar import KeyBar
from .scrolled import ScrolledDialog

KeyRows = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""Sections of rows: the keys, what they do."""

FOLDER_MARKS = f"{FOLDER_OPEN_MARK} / {FOLDER_CLOSED_MARK}"
"""The markers' row of a folder's marks ("- / +" in the plain layout, as its rows show them)."""

KEYS_OF_YOUR_OWN = "[keys]"
"""The help's row saying the keys can be changed (acc52c C6: it was said only in README)."""

KEYS: KeyRows = (
    (
        "Everywhere",
        (
            ("r", "refresh every feed"),
            ("S", "sync: refresh and save every article for offline reading"),
            ("?, F1", "this help"),
            ("P", "the last messages in full: the status line's and the notices', newest first"),
            ("Ctrl-Q, Q", "quit (from an article too: its place is kept)"),
            ("Ctrl-Z", "suspend to the shell; fg comes back"),
            ("Ctrl-L", "draw the whole screen again (another program wrote over it)"),
            (
                KEYS_OF_YOUR_OWN,
                "any key here can be changed: the config's [keys] (README's \"Keys of your "
                'own" names the actions)',
            ),
            (
                "5j, 10G",
                "a count first, as in vim: 5 down (in the feed list and an article too), the "
                "10th headline, feed or line; k, J / K, n / N, t / T, the pages, ] / [ too; Esc "
                "drops it",
            ),
        ),
    ),
    (
        "Headlines",
        (
            ("j / k / ↓ / ↑", "move down / up"),
            ("g / G, Home / End", "first / last headline"),
            ("Space, PgDn / b, PgUp", "a page down / up (feeds too)"),
            ("Ctrl-F / Ctrl-B", "a page down / up, as in less (feeds too)"),
            ("Ctrl-D / Ctrl-U", "half a page down / up (feeds too), as in vim"),
            ("Enter, click", "read the article"),
            (
                "/, n / N",
                "find a headline by its title or #tag, a feed by its name; next / previous",
            ),
            ("n / N, u", "no search: the next / previous unread one"),
            ("F", f"find articles by their text or byline: every word ({SEARCH_RULES})"),
            (
                "+",
                f"F's hits: keep their words as a search feed ({SEARCH_MARK}, a row of the feed list)",
            ),
            ("*", "F's hits: file every one under tags (saving them; many: asked first)"),
            ("m", "mark read / unread"),
            ("A / C, U", "mark this list / every feed read; U undoes"),
            ("L", "show only unread headlines and feeds / all"),
            ("s", "save for good (kept offline, never evicted) / unsave"),
            ("#", "tag the article, saving it (tags completed)"),
            ("E", "archive (saved, read: in Archive) / back"),
            ("o", "open the original page in the browser"),
            ("Tab, h / l", "switch between feeds and headlines"),
            ("J / K", "the next / previous feed's headlines, round the ends"),
            ("] / [", "the next / previous failing feed (marked !), round the ends"),
            ("!", "only the feeds marked ! / all; D on All feeds removes the failing ones"),
            ("t / T", "the next / previous tag's or folder's headlines (a tag's articles too)"),
            ("z", "feed list: fold / unfold the folder (on a feed: the one it is in)"),
            ("f", "put the feed list away (Tab brings it in) / show it"),
            ("a", "add a feed: its address, or a web page's (its feed found, or it saved)"),
            ("R", "rename the feed or search feed shown (a feed's emptied: its own title)"),
            ("Ctrl-R", "refresh the feed shown alone (a tag's or folder's row: its feeds)"),
            ("D, Del", "remove the feed or search feed shown (asks first; saved articles stay)"),
            ("q / Esc", "a feed's headlines: back to the feeds"),
            ("q", "quit (from the feeds, or All feeds)"),
        ),
    ),
    (
        "Reading",
        (
            ("j / k / ↓ / ↑", "scroll a line (Ctrl-E / Ctrl-Y too, as in vim)"),
            ("Space, PgDn / b, PgUp", "scroll a page down / up"),
            ("Ctrl-F / Ctrl-B", "a page down / up, as in less"),
            ("Ctrl-D / Ctrl-U", "half a page down / up"),
            ("g / G, Home / End", "top / bottom"),
            ("] / [", "next / previous heading (a live blog's update)"),
            (
                "n / p, Ctrl-N / Ctrl-P",
                "next / previous article of the list (in an article a link opened: after / "
                "before the one it was linked from)",
            ),
            ("u", "the next unread article (on into the next feed with unread ones)"),
            ("/", "find in the article (Enter: keep, Esc: drop)"),
            ("n / N", "after a search: next / previous match (cleared: it again)"),
            ("Esc", "after a search: clear it (again: back)"),
            ("Tab / Shift-Tab", "select the next / previous link (its address below)"),
            ("Enter", "open the selected link (a feed's article: here; a note's [1]: the note)"),
            ("Esc", "drop the selected link (before a search)"),
            ("Esc", "after Enter on a note's number: back to it (before a search)"),
            ("L", "list the links: 1…9 go to one, Enter opens it, c copies its address"),
            ("v", "select a sentence to quote (the match's, the link's, or in view)"),
            (") / (", "the passage a sentence longer / shorter"),
            ("y", "copy the citation as plain text (a passage selected: quoted above it)"),
            ("c", "copy the article's address (newsraft's c; a link selected: the link's)"),
            ("Ctrl-C", "copy the passage selected, alone"),
            ("h", "keep the passage selected as a highlight (on one: drop it; again: restore it)"),
            ("a", "a note on the passage selected (a highlight), else on the article"),
            ("+", "add this site's feed (the feed the page names; its address asked first)"),
            ("Esc", "drop the passage selected (before a link, a search)"),
            ("V", "of an article that changed: the copy kept before the one shown"),
            ("d", "of an article that changed: what changed since the copy before, word by word"),
            ("R", "fetch the page again now (changed: the copy before is kept)"),
            ("m", "mark read / unread"),
            ("s", "save for good / unsave"),
            ("#", "tag the article (saving it); an empty line: untagged"),
            ("E", "archive the article (saved, read: in Archive) / back in Saved"),
            ("o", "open the original page in the browser (a picture selected: its copy kept)"),
            ("z", "a low terminal: the editor's note folded atop the story, whole"),
            ("Esc / q", "back to the headlines (or to the article whose link was read)"),
        ),
    ),
    (
        "Markers",
        (
            (UNREAD_MARK, "unread"),
            (SAVED_MARK, "saved for good"),
            (ARCHIVED_MARK, "archived: saved, done with (E; in Archive, not Saved)"),
            (OFFLINE_MARK, "available offline (the article is cached)"),
            (PARTIAL_MARK, "cached only in part (the feed's text, or part of the page)"),
            (UPDATED_MARK, "changed since read: V shows the copy before"),
            (CORRECTED_MARK, "revised after first retrieved, read since: V shows earlier copies"),
            (NOT_ARTICLE_MARK, "no article page to cache (a picture, audio, a scan): o opens it"),
            (
                TAKEN_DOWN_MARK,
                "cached, its page since taken down (404, 410): the copy is what is left",
            ),
            ("!", "the feed's last fetch failed"),
            (TO_FETCH_MARK, "the feed has articles not available offline yet (S caches them)"),
            (FOLDER_MARKS, "a folder of the feed list, open / folded (z)"),
        ),
    ),
)

ROW_ACTIONS: dict[str, tuple[str, ...]] = {
    "r": ("refresh",),
    "S": ("sync",),
    "?, F1": ("help",),
    "P": ("messages",),
    "Ctrl-Q, Q": ("quit",),
    "q": ("quit",),
    "j / k / ↓ / ↑": ("down", "up"),
    "g / G, Home / End": ("top", "bottom"),
    "Space, PgDn / b, PgUp": ("page_down", "page_up"),
    "Ctrl-F / Ctrl-B": ("page_down", "page_up"),
    "Ctrl-D / Ctrl-U": ("half_page_down", "half_page_up"),
    "Enter, click": ("open",),
    "Enter": ("open",),
    "/, n / N": ("search", "next_match", "previous_match"),
    "n / N, u": ("next_unread", "previous_unread"),
    "F": ("search_articles",),
    "+": ("keep_search",),
    "*": ("tag_hits",),
    "m": ("toggle_read",),
    "A / C, U": ("mark_list_read", "mark_all_read", "undo_marking"),
    "s": ("save",),
    "#": ("tag",),
    "E": ("archive",),
    "o": ("open_in_browser",),
    "Tab, h / l": ("switch_pane", "feeds_pane", "headlines_pane"),
    "a": ("add_feed",),
    "R": ("rename_feed",),
    "Ctrl-R": ("refresh_feed",),
    "D, Del": ("remove_feed",),
    "q / Esc": ("back",),
    "Esc / q": ("back",),
    "] / [": ("next_heading", "previous_heading"),
    "n / p, Ctrl-N / Ctrl-P": ("next_article", "previous_article"),
    "u": ("next_unread",),
    "J / K": ("next_feed", "previous_feed"),
    "!": ("failing_only",),
    "t / T": ("next_tag", "previous_tag"),
    "f": ("feed_list",),
    "/": ("search",),
    "n / N": ("next_match", "previous_match"),
    "Tab / Shift-Tab": ("next_link", "previous_link"),
    "L": ("list_links",),
    "v": ("select_sentence",),
    ") / (": ("longer_passage", "shorter_passage"),
    "y": ("cite",),
    "c": ("copy_article_address",),
    "Ctrl-C": ("copy",),
    "h": ("highlight",),
    "z": ("whole_note",),
    "V": ("earlier_version",),
    "d": ("show_changes",),
}
"""The actions (`key_actions.ACTIONS`) whose keys a row of `KEYS` lists, by the keys it lists
(a row of none, Esc's, lists keys of their own)."""
SECTION_ROW_ACTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Headlines", "L"): ("unread_only",),
    ("Headlines", "] / ["): ("next_failing_feed", "previous_failing_feed"),
    ("Headlines", "z"): ("fold_folder",),
    ("Reading", "R"): ("refresh_article",),
    ("Reading", "a"): ("note",),
    ("Reading", "+"): ("site_feed",),
}
"""The same for a row whose keys another section's row lists for other actions (`L`: the
headlines' unread only, an article's links), by its section and keys."""


def row_actions(section: str, key: str) -> tuple[str, ...]:
    """The actions whose keys the row `key` of `section` lists."""
    return SECTION_ROW_ACTIONS.get((section, key)) or ROW_ACTIONS.get(key, ())


COUNT_ROW = "5j, 10G"
FIXED_KEY_ROWS = frozenset({"Ctrl-Z", "Ctrl-L", COUNT_ROW, KEYS_OF_YOUR_OWN})
"""Rows of a key no action of `[keys]` stands for: the terminal's job control, as in every
curses program, its repaint, a count's digits, and the row saying keys can be changed (`counts`) (Esc's rows and the markers are the others of
no action)."""
_SHARED_KEY_ROWS = frozenset({"q"})
"""Rows of a key doing two things (`q`: back, else quit): once an action of it has keys of its
own, the row of that action's keys says them."""
_PLACES = {"Everywhere": "the headlines", "Headlines": "the headlines", "Reading": "an article"}
"""Where each section's keys are (`keymap.default_keys`)."""
KEYS_IN_TEXT: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "mark this list / every feed read; U undoes": (
        "mark this list / every feed read; {} undoes",
        (("undo_marking", "the headlines"),),
    ),
    "after Enter on a note's number: back to it (before a search)": (
        "after {} on a note's number: back to it (before a search)",
        (("open", "an article"),),
    ),
    "list the links: 1…9 go to one, Enter opens it, c copies its address": (
        "list the links: 1…9 go to one, {} opens it, {} copies its address",
        (("open", "the link list"), ("copy_address", "the link list")),
    ),
    "changed since read: V shows the copy before": (
        "changed since read: {} shows the copy before",
        (("earlier_version", "an article"),),
    ),
    "no article page to cache (a picture, audio, a scan): o opens it": (
        "no article page to cache (a picture, audio, a scan): {} opens it",
        (("open_in_browser", "the headlines"),),
    ),
    "archived: saved, done with (E; in Archive, not Saved)": (
        "archived: saved, done with ({}; in Archive, not Saved)",
        (("archive", "the headlines"),),
    ),
    "revised after first retrieved, read since: V shows earlier copies": (
        "revised after first retrieved, read since: {} shows earlier copies",
        (("earlier_version", "an article"),),
    ),
    "the feed has articles not available offline yet (S caches them)": (
        "the feed has articles not available offline yet ({} caches them)",
        (("sync", "the headlines"),),
    ),
    "put the feed list away (Tab brings it in) / show it": (
        "put the feed list away ({} brings it in) / show it",
        (("switch_pane", "the headlines"),),
    ),
    f"F's hits: keep their words as a search feed ({SEARCH_MARK}, a row of the feed list)": (
        f"{{}}'s hits: keep their words as a search feed ({SEARCH_MARK}, a row of the feed list)",
        (("search_articles", "the headlines"),),
    ),
    "F's hits: file every one under tags (saving them; many: asked first)": (
        "{}'s hits: file every one under tags (saving them; many: asked first)",
        (("search_articles", "the headlines"),),
    ),
}
"""What a row of `KEYS` says that names a key inside it: with a blank for each key, and the
action and the place (`KeyMap.key`) of each."""


def keys_shown(keymap: KeyMap) -> KeyRows:
    """`KEYS` with the keys the user set: a row of an action given keys lists its actions'
    keys, those set and the others' own (a second row of the same actions is left out)."""
    if not keymap:
        return KEYS
    return _with_commands(_keys_set(keymap), keymap)


_WHERE = {"both": "", "headlines": " (in the headlines)", "article": " (in an article)"}


def _with_commands(sections: KeyRows, keymap: KeyMap) -> KeyRows:
    """`sections` and a section of the user's `[[command]]`s, each by its name and program."""
    if not keymap.commands:
        return sections
    rows = tuple(
        (
            shown_key(key),
            f"{command.name}: runs {command.program}{_WHERE[command.where]}"
            + (", in the terminal" if command.terminal else ""),
        )
        for command, key in keymap.commands
    )
    # Before the markers, which stay last: where a newcomer looks for a legend (acc45 A14).
    *keys, markers = sections
    return (*keys, ("Your commands", rows), markers)


def _keys_set(keymap: KeyMap) -> KeyRows:
    if not keymap.keys:
        return KEYS
    sections: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for section, rows in KEYS:
        shown: list[tuple[str, str]] = []
        done: set[tuple[str, ...]] = set()
        for key, what in rows:
            if key == COUNT_ROW:
                # A count goes before the user's keys: "5j" with j rebound does nothing.
                down, bottom = (keymap.key(a, "the headlines") for a in ("down", "bottom"))
                key = f"5{down}, 10{bottom}"
            if what in KEYS_IN_TEXT:
                text, named = KEYS_IN_TEXT[what]
                what = text.format(*(keymap.key(a, place) or a for a, place in named))
            actions = row_actions(section, key) if section in _PLACES else ()
            if not any(action in keymap.keys for action in actions):
                shown.append((key, what))
            elif key in _SHARED_KEY_ROWS:
                continue
            elif actions not in done:
                done.add(actions)
                place = _PLACES[section]
                keys = (keymap.shown(a, ", ".join(default_keys(place, a))) for a in actions)
                shown.append((" / ".join(keys), what))
        sections.append((section, tuple(shown)))
    return tuple(sections)


def lettered(sections: KeyRows) -> KeyRows:
    """`sections` with the markers as the plain layout shows them (`marks.as_letter`), and a
    search feed's mark in its words ("Search:")."""

    def row(section: str, key: str, what: str) -> tuple[str, str]:
        if section == "Markers":
            return ("- / +" if key == FOLDER_MARKS else as_letter(key)), what
        return key, what.replace(f"({SEARCH_MARK}, a row", f'(a "{PLAIN_SEARCH_MARK} …" row')

    return tuple((name, tuple(row(name, *r) for r in rows)) for name, rows in sections)


TABLE_WIDTH = 54
"""The narrowest the keys are set as a table: their widest ("Space, PgDn / b, PgUp") beside
a description of 30 cells. Narrower (a 40-column terminal), a description got 9 cells, a word
or two a line down the panel."""


WIDTHS_KEPT = 4
"""Widths the keys list is kept rendered at (`KeysList`): Textual renders it five times as
the help opens (its height measured, then drawn, at the panel's width and again two cells
narrower once the scrollbar shows), and each render of its 64 rows as a table took ~45 ms of
the event loop: `?` held the keys a quarter of a second, over a second on a busy machine."""
_rendered: dict[tuple[KeyRows, int], list[list[Segment]]] = {}


class KeysList:
    """Every key, grouped by where it works: a table of keys and what they do, or, in a
    narrower panel, each key on a line and what it does under it. Rendered once a width
    (`WIDTHS_KEPT`): the lines hold no colour of the theme's, only bold and underline."""

    def __init__(self, keys: KeyRows = KEYS) -> None:
        self.keys = keys

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = _rendered.get((self.keys, width))
        if lines is None:
            shown = _keys_table(self.keys) if width >= TABLE_WIDTH else _keys_stacked(self.keys)
            lines = console.render_lines(shown, options.update(height=None), pad=False)
            while _rendered and len(_rendered) >= WIDTHS_KEPT:
                del _rendered[next(iter(_rendered))]  # the first kept goes first
            if WIDTHS_KEPT:
                _rendered[self.keys, width] = lines
        newline = Segment.line()
        for line in lines:
            yield from line
            yield newline


def _keys_table(sections: KeyRows) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for number, (section, keys) in enumerate(sections):
        if number:
            table.add_row("", "")
        table.add_row(Text(section, style="bold underline"), "")
        for key, what in keys:
            table.add_row(Text(key, style="bold"), Text(what))
    return table


def _keys_stacked(sections: KeyRows) -> Group:
    lines: list[RenderableType] = []
    for number, (section, keys) in enumerate(sections):
        if number:
            lines.append(Text(""))
        lines.append(Text(section, style="bold underline"))
        for key, what in keys:
            lines += [Text(key, style="bold"), Padding(Text(what), (0, 0, 0, 2))]
    return Group(*lines)


MARKERS_HINT = "the marks' meanings: Markers, at the end ({})"
"""Said on the panel's lower border: the legend is the last section, 70 rows down (acc45
A14). On the border, not a first row of the keys: a 40x15 terminal's help had 10 rows."""


def markers_hint(keymap: KeyMap) -> str:
    """`MARKERS_HINT` with the key that goes to the help's end as set (G, or the user's)."""
    return MARKERS_HINT.format(keymap.key("bottom", "the help"))


class HelpScreen(ScrolledDialog):
    """A panel over the current screen listing every key; any of Esc, q or ? closes it."""

    PANEL = "help-panel"

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = "Keys"
            keymap = keymap_of(self.app)
            panel.border_subtitle = markers_hint(keymap)
            keys = keys_shown(keymap)
            if getattr(self.app, "plain", False):
                keys = lettered(keys)
            yield Static(KeysList(keys), id="help-keys")
