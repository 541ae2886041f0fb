"""The subscription files of other terminal readers, for `reader import`: newsraft's `feeds`
file and nom's `config.yml` (newsboat's `urls` is `subscriptions.read_address_list`'s, OPML
`opml.read_opml`'s, the readers' databases `reader_databases`'s), and where newsraft and nom
keep their databases (their read marks), which those files don't name.

newsraft's `feeds` (its man page, FEEDS FILE): a feed line is an address, then its name in
double quotes, then an update period in minutes in square brackets and an item limit in curly
ones, each optional; `@ Section` lines file the feeds after them in that section (`@ Global`,
every feed's, files them in none); `$(command)` lines are a command's output, which the reader
never runs; `#` lines are comments. Its sections are the reader's folders (each a tag too, as
an OPML file's folders are), listed in the file's order; its names the feeds' names. Its "Name" is why it needs reading apart: in newsboat's `urls` a quoted word after the
address is a tag.

nom's `config.yml`: a `feeds:` list of `- url: …` items, each with an optional `name: …` and
`tags:` (a list under it, or `[a, b]`), its tags here too; the rest of the file (openers,
backends, colours) is nom's own. Read line by line, as the little YAML it writes: no YAML
library, and nothing of a file but those three keys reaches a feed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from .feed_tags import Folder, with_folders, with_tags
from .opml import MAX_OUTLINES, Found, Subscriptions, feed_address
from .safe import safe_line

_NEWSRAFT_FEED = re.compile(
    r'^(?P<url>\S+)(?:\s+"(?P<name>[^"]*)")?(?:\s+\[\d*\])?(?:\s+\{\d*\})?(?:\s+\[\d*\])?\s*$'
)
_NEWSRAFT_SECTION = re.compile(r"^@\s*(?P<name>.*?)(?:\s+\[\d*\])?(?:\s+\{\d*\})?\s*$")
_NEWSRAFT_ONLY = re.compile(r"^(?:@|\$\()|\s(?:\[\d+\]|\{\d+\})\s*$", re.MULTILINE)
"""What only a newsraft feeds file has: a section or a command line, a period or a limit."""
_GLOBAL = "global"
"""newsraft's section of every feed: a feed under it is in no section of its own."""


def is_newsraft_feeds(text: str, name: str) -> bool:
    """Whether `text` (the file named `name`) is newsraft's feeds file, not newsboat's urls:
    by a line only newsraft writes, or by its name ("feeds", newsraft's; newsboat's is "urls")."""
    return bool(_NEWSRAFT_ONLY.search(text)) or name.rsplit("/", 1)[-1] == "feeds"


def read_newsraft_feeds(text: str) -> Subscriptions:
    """newsraft's feeds file: each feed with its name and its section as a folder (and so a
    tag): newsraft lists a section's feeds under it, in the file's order, as the feed list
    lists a folder's; as flat tag rows, alphabetical, they were not what newsraft showed
    (acc51b B9)."""
    section = ""
    read = Subscriptions(read_as="newsraft's feeds file (sections as folders)")
    seen: set[str] = set()
    for line in (line.strip() for line in text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            matched = _NEWSRAFT_SECTION.match(line)
            named = safe_line(matched["name"], 200) if matched else ""
            section = "" if named.casefold() == _GLOBAL else named
            continue
        if line.startswith("$("):
            _count(
                read,
                "of newsraft's $(command) kind (a command's output: the reader runs no commands)",
            )
            continue
        feed = _NEWSRAFT_FEED.match(line)
        if feed is None:
            # Named by its line, as an OPML import names an outline left out (acc51b B4).
            _count(read, "whose line could not be read", (line, ""))
            continue
        tags = (section,) if section else ()
        add_found(
            read, seen, feed["url"], feed["name"] or "", tags, folders=(tags,) if section else ()
        )
        if len(read.found) >= MAX_OUTLINES:
            break
    return read


_NOM_FEEDS = re.compile(r"^feeds\s*:\s*(?:#.*)?$", re.MULTILINE)
_NOM_ITEM = re.compile(r"^(?P<indent>\s*)-\s+(?P<rest>.*)$")
_NOM_KEY = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")


def is_nom_config(text: str) -> bool:
    """Whether `text` is nom's config.yml: a top-level `feeds:` list."""
    return bool(_NOM_FEEDS.search(text))


def read_nom_config(text: str) -> Subscriptions:
    """nom's config.yml: the `url`, `name` and `tags` of each item of its `feeds:` list."""
    items: list[tuple[dict[str, str], list[str]]] = []  # each feed's keys and its tags
    inside = False
    level: int | None = None  # the indentation of the list's dashes
    key = ""  # the item's key last given: a dash deeper than the list's is one of its values
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("-"):
            inside = bool(_NOM_FEEDS.match(line))  # another top-level key ends the list
            continue
        if not inside:
            continue
        item = _NOM_ITEM.match(line)
        if item is not None:
            indent = len(item["indent"])
            level = indent if level is None else level
            if indent > level:  # `tags:` given as a list under it
                if key == "tags" and items:
                    items[-1][1].append(_yaml_scalar(item["rest"]))
                continue
            items.append(({}, []))
            line = item["rest"]
        pair = _NOM_KEY.match(line.strip())
        if pair is None or not items:
            continue
        key = pair["key"]
        if key in ("url", "name"):
            items[-1][0][key] = _yaml_scalar(pair["value"])
        elif key == "tags" and pair["value"].startswith("["):  # `tags: [ai, tech]`
            listed = re.sub(r"\]\s*#.*$", "]", pair["value"]).strip("[] ").split(",")
            items[-1][1].extend(tag for tag in map(_yaml_scalar, map(str.strip, listed)) if tag)
    read = Subscriptions(read_as="nom's config.yml")
    seen: set[str] = set()
    for keys, tags in items:
        if url := keys.get("url"):
            add_found(read, seen, url, keys.get("name", ""), tags)
        if len(read.found) >= MAX_OUTLINES:
            break
    return read


_NOM_DATABASE = re.compile(r"^database\s*:\s*(?P<value>.*?)\s*$", re.MULTILINE)


def newsraft_database() -> Path:
    """Where newsraft keeps its database (its read marks): the first of its places there is
    one at (its src/path.c), else the first, where it makes one."""
    home = Path.home()
    data = os.environ.get("XDG_DATA_HOME")
    places = [Path(data)] if data else []
    places += [home / ".local" / "share"]
    found = [place / "newsraft" / "newsraft.sqlite3" for place in places]
    found.append(home / ".newsraft" / "newsraft.sqlite3")
    return next((path for path in found if path.is_file()), found[0])


def nom_database(config: str, text: str) -> Path:
    """Where nom keeps its database (its read marks) for its config.yml `config` (text
    `text`): beside it, named by its `database:` key, else nom.db."""
    named = _NOM_DATABASE.search(text)
    name = _yaml_scalar(named["value"]) if named else ""
    if config == "-":
        home = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
        folder = Path(home) / "nom"
    else:
        folder = Path(config).absolute().parent
    # nom joins the two as Go's filepath.Join does: a name starting with "/" is still inside.
    return folder / (name.lstrip("/") or "nom.db")


_QUOTED = re.compile(
    r"""^(?:'(?P<single>(?:[^']|'')*)'|"(?P<double>(?:[^"\\]|\\.)*)")\s*(?:#.*)?$"""
)
"""A single- or double-quoted YAML scalar, and a comment after it (acc51b B4: `'…'   # the
allotment` was taken whole for the address, the feed left out; `"Harbour" # …` kept its quotes)."""


def _yaml_scalar(value: str) -> str:
    """A plain, single- or double-quoted YAML scalar as its text, a comment after it left out."""
    value = value.strip()
    quoted = _QUOTED.match(value)
    if quoted is not None and quoted["single"] is not None:
        return quoted["single"].replace("''", "'")
    if quoted is not None:
        return quoted["double"].replace('\\"', '"').replace("\\\\", "\\")
    return re.sub(r"\s+#.*$", "", value)


def add_found(
    into: Subscriptions,
    seen: set[str],
    url: str,
    name: str,
    tags: Iterable[str],
    title: str = "",
    folders: Iterable[Folder] = (),
) -> None:
    """The feed at `url` named `name` (the user's) and filed under `tags` (and in `folders`,
    each of their names among `tags`) added to `into` (with `title`, its own as the other
    reader last had it), but an address given before (`seen`) or no http(s) one (counted, by
    why)."""
    url, why = feed_address(url)
    if url in seen:
        return
    seen.add(url)
    if why:
        _count(into, why, (name, url))
        return
    found = Found(
        url,
        safe_line(name, 500),
        safe_line(title, 500),
        with_tags((), tags),
        folders=with_folders((), folders),
    )
    into.found.append(found)


def _count(into: Subscriptions, why: str, named: tuple[str, str] | None = None) -> None:
    """One entry left out of `into` for `why`, with its name and address (`named`) to say."""
    into.skipped[why] = into.skipped.get(why, 0) + 1
    if named is not None:
        into.left_out.setdefault(why, []).append((safe_line(named[0], 200), named[1]))
