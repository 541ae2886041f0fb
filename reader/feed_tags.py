"""The tags a feed is filed under: newsboat's `urls` tags, an OPML file's folders, `reader tag`;
and those a saved article is filed under (`reader tag ARTICLE`, a wallabag or Pocket export's),
by the same rules, kept in its saved record (`saved_tags`).

A feed has none or several, in the order they were given (the first is the folder `reader
export` nests it in when no OPML file gave it folders: `Feed.folders`, `feed_folders`). A tag
keeps its case as first given and is compared case-folded, spaces aside ("Sport" is "sport"),
as a feed's name is (`feed_names.folded`). Tags come from files of the web as well as from the
user: each is one line, without control characters (`safe_line`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .collation import by_title
from .feed_names import folded
from .models import Feed
from .safe import safe_line

MAX_TAG_LENGTH = 100
"""Longer is no tag a list can show: cut, as a long name is."""
MAX_TAGS = 50
"""Tags kept per feed: a file giving a feed thousands makes no list of them to show."""


def clean_tag(tag: str) -> str:
    """A tag as it is kept: one line, no control characters, "" for none."""
    return safe_line(tag, MAX_TAG_LENGTH)


TAG_MARK = "#"
"""What every list writes before a tag ("#news"): typed before one, the mark, not its name."""


def typed_tag(tag: str) -> str:
    """A tag as the user gives it (`reader tag`, `untag`, `--tag`, `tag:` in a search, `#` in
    the reader), as it is kept: one leading "#" taken as the mark every list writes before a
    tag, not part of its name; `#urgent` was kept as "#urgent", listed "##urgent", and `--tag
    urgent` found nothing (acc33a A13)."""
    return clean_tag(clean_tag(tag).removeprefix(TAG_MARK))


def kept_tags(value: object) -> tuple[str, ...]:
    """The tags of a record as kept (a feed's, a saved article's): () for none, or for a value
    that is not a list of strings (a damaged or foreign record shows none, not an error). One
    kept with the mark before it (by a reader before `typed_tag`, or an imported folder's
    name) is read without it: "#urgent" was listed "##urgent" and could be named only so
    (acc34); with "urgent" kept too, it is that one. Written back so by the next change."""
    if not isinstance(value, list):
        return ()
    tags = tuple(tag for tag in value if isinstance(tag, str) and tag)
    if not any(tag.startswith(TAG_MARK) for tag in tags):
        return tags
    return with_tags((), (typed_tag(tag) for tag in tags))


def with_tags(tags: Iterable[str], more: Iterable[str]) -> tuple[str, ...]:
    """`tags`, then those of `more` they don't have yet (case and spaces aside), each cleaned;
    empty ones left out. A comma separates two tags wherever it is given (`reader tag F
    "a,b"`, a newsboat line's "a,b"), as OPML's `category` writes them: a tag holding one
    could not be exported (acc28c C2)."""
    kept: dict[str, str] = {}
    for given in (*tags, *more):
        for tag in given.split(","):
            if (clean := clean_tag(tag)) and folded(clean) not in kept and len(kept) < MAX_TAGS:
                kept[folded(clean)] = clean
    return tuple(kept.values())


def without_tags(tags: Iterable[str], gone: Iterable[str]) -> tuple[str, ...]:
    """`tags` but those of `gone` (case and spaces aside)."""
    dropped = {folded(tag) for given in gone for tag in given.split(",")}
    return tuple(tag for tag in tags if folded(tag) not in dropped)


Folder = tuple[str, ...]
"""A folder path an OPML file files a feed in, outermost first (`Feed.folders`)."""


def folder_path(names: Iterable[str]) -> Folder:
    """A folder path as it is kept: each name cleaned as a tag is, empty ones left out."""
    return tuple(clean for name in names if (clean := clean_tag(name)))


def with_folders(folders: Iterable[Folder], more: Iterable[Folder]) -> tuple[Folder, ...]:
    """`folders`, then the paths of `more` they don't have yet (case and spaces aside), each
    cleaned (`folder_path`); empty ones left out, `MAX_TAGS` at most (a feed listed in 50
    folders is in every one of them, as in its tags)."""
    kept: dict[Folder, Folder] = {}
    for given in (*folders, *more):
        path = folder_path(given)
        key = tuple(folded(name) for name in path)
        if path and key not in kept and len(kept) < MAX_TAGS:
            kept[key] = path
    return tuple(kept.values())


def kept_folders(value: object) -> tuple[Folder, ...]:
    """A feed record's folder paths as kept: () for none, or for a value that is not a list of
    lists of strings (a damaged or foreign record), as `kept_tags` reads tags."""
    if not isinstance(value, list):
        return ()
    paths = [path for path in value if isinstance(path, list)]
    return with_folders((), ([n for n in path if isinstance(n, str)] for path in paths))


def feed_folders(feed: Feed) -> tuple[Folder, ...]:
    """The folder paths `reader export` nests `feed` in: each the way down to the first folder
    that is no longer one of its tags (`reader untag` took it off: the folder and those in it
    are left, the ones above kept). A folder named with a comma was filed as a tag each side of
    it (`with_tags`): it stands while each is one."""
    has = {folded(tag) for tag in feed.tags}
    cut: list[Folder] = []
    for path in feed.folders:
        kept: list[str] = []
        for name in path:
            if not all(folded(part) in has for part in name.split(",") if clean_tag(part)):
                break
            kept.append(name)
        cut.append(tuple(kept))
    return with_folders((), cut)


def saved_tags(record: object) -> tuple[str, ...]:
    """The tags of a saved article's record (`Store.saved`), as `kept_tags` reads them."""
    return kept_tags(record.get("tags") if isinstance(record, dict) else None)


def hashed_tags(tags: Iterable[str]) -> str:
    """An article's tags as its line in a list shows them, each after a # as the feed list's
    tag rows are ("#fishing #long read"); "" for none."""
    return " ".join(f"#{safe_line(tag, 40)}" for tag in tags)


def has_tag(feed: Feed, tag: str) -> bool:
    wanted = folded(tag)
    return any(folded(own) == wanted for own in feed.tags)


def all_tags(feeds: Iterable[Feed]) -> list[str]:
    """Every tag of `feeds`, once each, as the first feed having it spells it, sorted as
    compared (the feed list's tag rows, `reader list --tag`'s choice)."""
    found: dict[str, str] = {}
    for feed in feeds:
        for tag in feed.tags:
            found.setdefault(folded(tag), tag)
    return by_title(found.values())


def tagged(feeds: Iterable[Feed], *tags: str) -> list[Feed]:
    """The feeds filed under one of `tags` or more, in their order (each once)."""
    wanted = {folded(tag) for tag in tags}
    return [feed for feed in feeds if any(folded(own) in wanted for own in feed.tags)]


def tag_members(feeds: Iterable[Feed]) -> dict[str, tuple[str, frozenset[str]]]:
    """Every tag of `feeds`, compared (`folded`) → as the first feed having it spells it, and
    the addresses of the feeds filed under it; ordered as `all_tags`. One pass over the feeds'
    tags: asked of each tag in turn (`tagged`), 9,550 feeds in 191 folders (an Inoreader
    export) folded 1.8 million names before the first screen, ~60% of its CPU (acc43a A19)."""
    spelled: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    for feed in feeds:
        for tag in feed.tags:
            key = folded(tag)
            spelled.setdefault(key, tag)
            members.setdefault(key, set()).add(feed.url)
    keys = {tag: key for key, tag in spelled.items()}
    return {keys[tag]: (tag, frozenset(members[keys[tag]])) for tag in by_title(spelled.values())}


def folder_key(path: Iterable[str]) -> Folder:
    """A folder's path as compared (case and spaces aside, as a tag is): what names a folder
    (its view's feeds, its row folded as the store keeps it)."""
    return tuple(folded(name) for name in path)


def folder_keys(feed: Feed) -> tuple[Folder, ...]:
    """The folder paths of `feed` (`feed_folders`) as compared (`folder_key`)."""
    return tuple(folder_key(path) for path in feed_folders(feed))


def folder_members(filed: Iterable[tuple[str, Iterable[Folder]]]) -> dict[Folder, frozenset[str]]:
    """Every folder of the feeds `filed` (each feed's address and `folder_keys`), by its key →
    the addresses of the feeds in it or in a folder in it: a folder's view, its row's count.
    Not its tag's feeds: two folders of one name (Work/News, Home/News) are two, and a tag
    given by hand with a folder's name puts no feed in the folder (acc50c C6)."""
    members: dict[Folder, set[str]] = {}
    for url, keys in filed:
        for key in keys:
            for depth in range(1, len(key) + 1):
                members.setdefault(key[:depth], set()).add(url)
    return {key: frozenset(urls) for key, urls in members.items()}
