"""newsboat's settings (its config's lines other than the killfile) read as the reader's, for
`reader config --from-newsboat` to print and the import to count (acc43a A6: a newsboat user's
habits, in a file the import had just read, were neither converted nor named).

Each line gives a `NewsboatSetting`: the reader's setting for it (a section, a name and a
value), or why there is none, in one line. A `bind-key` gives the `[keys]` action and the key;
whether it clashes with the reader's own keys is the keymap's to say (`reader/ui/keymap.py`),
which this layer does not import.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from .newsboat_rules import NotConverted, config_words, logical_lines
from .plural import plural

ELSEWHERE = frozenset({"ignore-article"})
"""Lines the killfile's conversion says (`newsboat_rules.killfile`), not these settings."""


@dataclass(frozen=True)
class NewsboatSetting:
    """One line of newsboat's config, as the reader has it."""

    line_number: int
    line: str
    command: str
    """newsboat's setting (`bind-key`, `article-sort-order`)."""
    section: str = ""
    """The reader's config section ("ui", "feeds", "network", "keys"); "" for none."""
    name: str = ""
    """The reader's setting, or for a `bind-key` the action."""
    value: bool | int | str = ""
    """Its value; for a `bind-key` the key, by the name `[keys]` takes."""
    why_not: str = ""
    """Why no setting stands for it; for one the reader has already, how ("its default")."""
    default: bool = False
    """The value is the reader's default already: nothing to set."""
    note: str = ""
    """What a reader of the printed setting should know ("newsboat's date-asc lists…")."""


# newsboat's operations (bind-key's second word) and the reader's `[keys]` action for each.
_ACTIONS = {
    "open": "open",
    "quit": "back",  # newsboat's quit goes back a level (and quits from the feed list)
    "hard-quit": "quit",
    "reload": "refresh_feed",
    "reload-all": "refresh",
    "mark-feed-read": "mark_list_read",
    "mark-all-feeds-read": "mark_all_read",
    "next-unread": "next_unread",
    "prev-unread": "previous_unread",
    "next": "next_article",
    "prev": "previous_article",
    "next-feed": "next_feed",
    "prev-feed": "previous_feed",
    "open-in-browser": "open_in_browser",
    "open-in-browser-and-mark-read": "open_in_browser",
    "help": "help",
    "toggle-article-read": "toggle_read",
    "toggle-show-read-feeds": "unread_only",
    "show-urls": "list_links",
    "select-tag": "next_tag",
    "set-tag": "next_tag",
    "open-search": "search_articles",
    "up": "up",
    "down": "down",
    "pageup": "page_up",
    "pagedown": "page_down",
    "halfpageup": "half_page_up",
    "halfpagedown": "half_page_down",
    "home": "top",
    "end": "bottom",
}
# Operations with no action, and what does their work here (a line each).
_NO_ACTION = {
    "save": "the reader writes an article to a file with `reader show ID > FILE` (its s saves one"
    " for good)",
    "bookmark": "a [[command]] runs your bookmark script on a key (README, Commands of your own)",
    "pipe-to": 'a [[command]] with input = "text" pipes the article to a program',
    "macro-prefix": "a [[command]] is a key of its own, with no prefix",
    "sort": "[ui] oldest_first orders the headlines, by date only",
    "rev-sort": "[ui] oldest_first orders the headlines, by date only",
    "set-filter": "a search feed ([[search]]) keeps the headlines some words find",
    "select-filter": "a search feed ([[search]]) keeps the headlines some words find",
    "clear-filter": "a search feed ([[search]]) keeps the headlines some words find",
    "delete-article": "the reader deletes no article (max_items and drop_read_after drop old ones)",
    "edit-flags": "the reader has no flags: s saves, and E files an article under tags",
}
_KEY_NAMES = {
    "ENTER": "enter",
    "SPACE": "space",
    "TAB": "tab",
    "ESC": "escape",
    "BACKSPACE": "backspace",
    "UP": "up",
    "DOWN": "down",
    "LEFT": "left",
    "RIGHT": "right",
    "PPAGE": "pageup",
    "NPAGE": "pagedown",
    "HOME": "home",
    "END": "end",
    "DEL": "delete",
}
"""newsboat's names of keys (its docs' "Key names") and the names `[keys]` takes."""

# Settings the reader has none of, and what comes nearest (README's table "From newsboat").
_NEAREST = {
    "reload-threads": "[network] max_connections and per_host (all hosts together, and each)",
    "feed-sort-order": '[ui] feed_order: "subscribed", "title" or "newest"',
    "color": '[ui] theme: "dark", "light" or "terminal" (no colour of each element)',
    "bookmark-cmd": "a [[command]] on a key runs your script (README, Commands of your own)",
    "cache-file": "the data directory (--data-dir, READER_HOME)",
    "macro": "a [[command]] in config.toml runs one program on a key (README, Commands of your own)",
    "unbind-key": "an action given keys in [keys] loses its own: there is no unbinding",
    "download-path": "a podcast's audio is never downloaded, only its address kept",
    "ignore-mode": "an [[ignore]] rule leaves its items out at the download (its download)",
    "include": "not followed: give --from-newsboat the file it names",
    "proxy-auth": "the name and password in [network] proxy's address"
    ' ("http://name:password@host:port")',
}


def settings(text: str) -> Iterator[NewsboatSetting]:
    """The settings of newsboat's config `text`, a line each (blank lines, comments and the
    killfile's lines passed over), with `auto-reload` and `reload-time` read together."""
    lines = list(_lines(text))
    auto = next((words for _, _, words in reversed(lines) if words[0] == "auto-reload"), None)
    proxy = newsboat_proxy(text)
    for number, line, words in lines:
        command, values = words[0], words[1:]
        if command in ELSEWHERE:
            continue
        said = NewsboatSetting(number, line, command)
        if command in _PROXY_LINES and values:
            yield _proxy(said, proxy)
            continue
        yield _setting(said, values, auto_reload=bool(auto) and _yes(auto[1:]))


_PROXY_LINES = ("use-proxy", "proxy", "proxy-type")
"""newsboat's proxy, in three lines read together: the reader's one `[network] proxy`."""
_PROXY_TYPES = ("http", "socks5", "socks5h")
"""newsboat's proxy-types the reader speaks (not socks4, socks4a)."""


def newsboat_proxy(text: str) -> str:
    """The proxy newsboat's config `text` sends its fetches through, as `[network] proxy`
    writes it ("socks5h://127.0.0.1:9050"), the later of each line as newsboat reads them; ""
    when it uses none (no `use-proxy yes`); "socks4://…" for a type the reader can't speak,
    and "?" for `use-proxy yes` with no `proxy` line."""
    given = {
        words[0]: words[1] for _, _, words in _lines(text) if words[0] in _PROXY_LINES and words[1:]
    }
    if not _yes([given.get("use-proxy", "")]):
        return ""
    address = given.get("proxy", "")
    if not address:
        return "?"
    # curl's reading, as newsboat hands it on: a scheme in the address over proxy-type's.
    return address if "://" in address else f"{given.get('proxy-type', 'http')}://{address}"


def _proxy(said: NewsboatSetting, proxy: str) -> NewsboatSetting:
    """A line of newsboat's proxy: each of its lines as the one `[network] proxy` they give."""
    from .proxies import proxy_problem

    if proxy == "":
        if said.command == "use-proxy":
            return _is(said, "network", "proxy", "")
        return _not(said, "newsboat uses it only with use-proxy yes, which is not set")
    if proxy == "?":
        return _not(said, "no proxy line gives the proxy's address")
    if (scheme := proxy.partition("://")[0]) not in _PROXY_TYPES:
        return _not(
            said,
            f"the reader speaks no {scheme} proxy: a SOCKS 5 one ([network] proxy ="
            ' "socks5h://host:port", Tor\'s too) or an http one',
        )
    if problem := proxy_problem(proxy):
        return _not(said, problem)
    return _is(said, "network", "proxy", proxy)


def count(text: str) -> str:
    """The settings of `text` in a few words, as the import's line names them ("8 bind-keys,
    article-sort-order, browser"); "" for none."""
    found = list(settings(text))
    keys = sum(1 for setting in found if setting.command == "bind-key")
    names = list(dict.fromkeys(s.command for s in found if s.command not in {"bind-key", "macro"}))
    parts = [plural(keys, "bind-key")] if keys else []
    shown, rest = names[:6], len(names) - 6
    parts += shown
    if rest > 0:
        parts.append(f"{plural(rest, 'other')}")
    return ", ".join(parts)


def _lines(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """The config's lines with words, split as newsboat splits them (`newsboat_rules`)."""
    for number, line in logical_lines(text):
        try:
            words = config_words(line)
        except NotConverted:  # a quote not closed, a command: its name is still its first word
            words = line.split()[:1]
        if words:
            yield number, line, words


def _yes(values: list[str]) -> bool:
    return bool(values) and values[0].lower() in {"yes", "true"}


def _setting(said: NewsboatSetting, values: list[str], auto_reload: bool) -> NewsboatSetting:
    command = said.command
    if not values:
        return _not(said, "it gives no value (or a quote in it is not closed)")
    if command == "bind-key":
        return _bind_key(said, values)
    if command in {"show-read-feeds", "show-read-articles"}:
        if _yes(values):
            return _is(said, "ui", "unread_only", False)
        return _is(
            said,
            "ui",
            "unread_only",
            True,
            "the reader hides the read feeds and headlines together",
        )
    if command == "article-sort-order":
        return _sort_order(said, values[0])
    if command == "auto-reload":
        if not _yes(values):
            return _is(said, "feeds", "refresh_interval", "")
        return _reload(said, "60", given=False)
    if command == "reload-time":
        if not auto_reload:
            return _not(said, "newsboat reloads by it only with auto-reload yes, which is not set")
        return _reload(said, values[0], given=True)
    if command == "max-items" and values[0].isdigit():
        return _is(said, "feeds", "max_items", int(values[0]))
    if command == "browser":
        return _not(said, _browser(values[0]))
    if command in _NEAREST:
        return _not(said, f"no such setting here; nearest: {_NEAREST[command]}")
    return _not(said, "no such setting in the reader")


def _is(
    said: NewsboatSetting, section: str, name: str, value: bool | int | str, note: str = ""
) -> NewsboatSetting:
    default = {
        "unread_only": False,
        "oldest_first": False,
        "refresh_interval": "",
        "max_items": 0,
        "proxy": "",
    }
    return NewsboatSetting(
        said.line_number,
        said.line,
        said.command,
        section,
        name,
        value,
        default=default.get(name) == value,
        note=note,
    )


def _not(said: NewsboatSetting, why: str) -> NewsboatSetting:
    return NewsboatSetting(said.line_number, said.line, said.command, why_not=why)


def _sort_order(said: NewsboatSetting, order: str) -> NewsboatSetting:
    """newsboat 2.x lists `date-asc`, its default, newest first, and `date` and `date-desc`
    oldest first: its directions are reversed for dates (newsboat issue #1560, to be set right
    in its 3.0 by #1566)."""
    field, _, direction = order.partition("-")
    if field != "date":
        return _not(said, "the reader orders headlines by date only ([ui] oldest_first)")
    if direction == "asc":
        return _is(said, "ui", "oldest_first", False, "newsboat's date-asc lists the newest first")
    return _is(said, "ui", "oldest_first", True, f"newsboat's {order} lists the oldest first")


def _reload(said: NewsboatSetting, minutes: str, given: bool) -> NewsboatSetting:
    if not minutes.isdigit() or int(minutes) == 0:
        return _not(said, f"{minutes!r} is no number of minutes")
    note = "" if given else "newsboat's reload-time, 60 minutes, unless one is given"
    return _is(said, "feeds", "refresh_interval", f"{int(minutes)}m", note)


def _browser(command: str) -> str:
    """The BROWSER the reader reads for newsboat's `browser` (its %u is Python's %s)."""
    shown = command.replace("%u", "%s")
    if "%s" not in shown:
        shown += " %s"
    return (
        "the reader has no setting: it opens the browser the BROWSER environment variable"
        f" names, `export BROWSER={shlex.quote(shown)}` in your shell's profile (a text"
        " browser runs in the reader's terminal)"
    )


_CTRL = re.compile(r"\^([A-Za-z])$")
_FUNCTION = re.compile(r"F([1-9]|1[0-2])$")


def _bind_key(said: NewsboatSetting, values: list[str]) -> NewsboatSetting:
    if len(values) < 2:
        return _not(said, "it takes a key and an operation")
    key, operation = values[0], values[1]
    action = _ACTIONS.get(operation)
    if action is None:
        why = _NO_ACTION.get(operation, f"the reader has no action for newsboat's {operation}")
        return _not(said, why)
    note = f"newsboat's in its {values[2]} only; here wherever {action} works" if values[2:] else ""
    return NewsboatSetting(
        said.line_number, said.line, said.command, "keys", action, key_of(key), note=note
    )


def key_of(key: str) -> str:
    """newsboat's name of a key as `[keys]` writes it ("SPACE": "space", "^D": "ctrl+d")."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if match := _CTRL.match(key):
        return f"ctrl+{match[1].lower()}"
    if match := _FUNCTION.match(key):
        return f"f{match[1]}"
    return key
