"""What a newsboat user's subscriptions file does not bring, said where the import ends (acc37a
H6): the read marks, which newsboat keeps in its cache.db (`--read-from` brings them); the tags
`newsboat -e` leaves out of its OPML; and its config's killfile (`ignore-article`), settings
(`bind-key`, `article-sort-order`…) and macros, which no subscriptions file holds.

The killfile is not carried over: the reader's `[[ignore]]` rules live in the user's own
config.toml, which the reader never rewrites (its comments stay as written), so the lines are
counted and the rule that does their work named.
"""

from __future__ import annotations

import os
import re
import shlex
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .opml import MarksElsewhere
from .plural import plural
from .safe import safe_line

_CONFIG_LINE = re.compile(r"\s*(ignore-article|macro)\s")
MOST_CONFIG_BYTES = 4 * 2**20  # a config is a page of lines: larger is no newsboat config


def _homes() -> list[Path]:
    """newsboat's own directories, as it looks for them: ~/.newsboat, else the XDG ones."""
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "newsboat"
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "newsboat"
    return [home / ".newsboat", config, data]


def newsboat_marks(file: str, opml: bool) -> MarksElsewhere | None:
    """Where newsboat keeps the read marks of the subscriptions in `file`: its cache.db beside
    the file (~/.newsboat/urls), else where newsboat keeps one by default. For newsboat's OPML
    the default is named when there is none (`_say_where_marks_are` says so); for a list of
    addresses, which need not be newsboat's, None."""
    beside = Path(file).parent / "cache.db"
    places = [beside, *(home / "cache.db" for home in _homes())]
    found = next((place for place in places if place.is_file()), None)
    if found is None and not opml:
        return None
    return MarksElsewhere("newsboat", "", str(found or Path.home() / ".newsboat" / "cache.db"))


@dataclass(frozen=True)
class NewsboatConfig:
    """newsboat's config read for the subscriptions in `file`: `path` (None when there is
    none); `its_own`, whether it is the file's own (beside it, or the file is newsboat's own
    urls), else newsboat's own read in its place."""

    path: Path | None
    file: str
    its_own: bool

    @property
    def named(self) -> str:
        """The config as a line names it, said as newsboat's own when it is not the file's:
        a urls file from elsewhere (another machine's, one run with `newsboat -C`) has it
        read, which need not be the one its newsboat used (acc50f)."""
        where = safe_line(str(self.path), 300)
        if self.its_own:
            return f"newsboat's config, {where}"
        return f"newsboat's own config, {where} (none beside {safe_line(self.file, 300)})"


def newsboat_config(file: str) -> NewsboatConfig:
    """newsboat's config for the subscriptions in `file`: the one beside it (~/.newsboat/urls
    and ~/.newsboat/config), else newsboat's own, else none."""
    folder = Path(file).parent
    beside = folder / "config"
    if beside.is_file():
        return NewsboatConfig(beside, file, True)
    with suppress(OSError):
        folder = folder.resolve()
    homes = {home.resolve() for home in _homes()[:2]}
    return NewsboatConfig(own_newsboat_config(), file, folder in homes)


def own_newsboat_config() -> Path | None:
    """newsboat's own config (~/.newsboat/config, else ~/.config/newsboat/config); None when
    there is none."""
    return next((path for home in _homes()[:2] if (path := home / "config").is_file()), None)


def _config_text(config: Path) -> str | None:
    """newsboat's config `config`, read; None when it can't be or is no config's size."""
    try:
        if config.stat().st_size > MOST_CONFIG_BYTES:
            return None
        return config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def proxy_not_in_force(found: NewsboatConfig, own: str, again: str) -> str:
    """The line saying that newsboat's config (`found`) fetches through a proxy while the
    reader's own config sets none (`own`, its `[network] proxy`, is ""): the import fetches
    nothing then, as a Tor user's first command connected directly, every .onion name told to
    the local DNS (acc50f A3); `again`: the import's command bringing the read marks once it is
    set, or "". "" when newsboat's config uses no proxy or the reader's sets one."""
    from .fetch_messages import shown_proxy
    from .newsboat_settings import newsboat_proxy
    from .proxies import proxy_problem

    if own or (config := found.path) is None:
        return ""
    text = _config_text(config)
    if text is None or not (proxy := newsboat_proxy(text)):
        return ""
    shown = safe_line(shown_proxy(proxy), 100)
    given = "use-proxy yes" if proxy == "?" else f"the proxy {shown}"
    command = f"`reader config --from-newsboat {safe_line(shlex.quote(str(config)), 300)}`"
    setting = "[network] proxy" if proxy == "?" or proxy_problem(proxy) else f'proxy = "{shown}"'
    then = f", then `reader import {again}` again" if again else ""
    return (
        f"{found.named}, fetches through {given}, but the reader's sets no [network] proxy and"
        f" would connect directly: nothing fetched; set {setting} in its config first"
        f" ({command} says it){then}"
    )


def proxy_read_elsewhere(found: NewsboatConfig) -> str:
    """The line saying, of an import about to fetch directly, that no config of its file's own
    was read for a proxy (`found`: newsboat's own read in its place, or none): the file's own
    config, elsewhere, may send newsboat through Tor (acc50f). "" when its own was read."""
    if found.its_own:
        return ""
    read = (
        f"{found.named} sets none"
        if found.path
        else (f"no newsboat config beside {safe_line(found.file, 300)}, nor newsboat's own")
    )
    return (
        f"no proxy read of newsboat's: {read}; the feeds are fetched directly (the config of"
        " these subscriptions, elsewhere: `reader config --from-newsboat CONFIG` says its proxy)"
    )


def config_leftovers(found: NewsboatConfig) -> str:
    """The line saying what newsboat's config (`found`) holds that no import brings (its
    `ignore-article` rules and its macros); "" when it holds neither or can't be read."""
    if (config := found.path) is None or (text := _config_text(config)) is None:
        return ""
    from .newsboat_settings import count

    kinds = [m[1] for line in text.splitlines() if (m := _CONFIG_LINE.match(line))]
    rules, macros = kinds.count("ignore-article"), kinds.count("macro")
    settings = count(text)
    if not (rules or macros or settings):
        return ""
    command = f"`reader config --from-newsboat {safe_line(shlex.quote(str(config)), 300)}`"
    parts = []
    if settings:  # its bind-keys and the rest, printed with the killfile (acc43a A6)
        given = [plural(rules, "ignore-article rule")] if rules else []
        parts.append(
            f"{', '.join([*given, safe_line(settings, 300)])} ({command} prints them as the"
            " reader's settings, [keys] and [[ignore]] rules, to add to its own config.toml:"
            " README, From newsboat)"
        )
    elif rules:
        parts.append(
            f"{plural(rules, 'ignore-article rule')} ({command} prints them as the [[ignore]]"
            " rules of the reader's own config.toml, to add to it: README, Leaving items out)"
        )
    if macros:
        parts.append(
            f"{plural(macros, 'macro')} (a [[command]] in config.toml runs a program on a key:"
            " README, Commands of your own)"
        )
    return f"not carried over from {found.named}: " + " and ".join(parts)


NEWSBOAT_OPML_TAGS = (
    "newsboat -e leaves its tags out of the OPML it writes: import its urls file instead, or the"
    " OPML `newsboat --export-to-opml2` writes, and the feeds are filed under them"
)
