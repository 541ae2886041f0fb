"""lemon24's `reader` library (the Python feed reader and its CLI, `python -m reader`), read for
`reader import` from its SQLite database (`reader_databases` tells it by its tables): its feeds,
with the title the user gave each (`user_title`) and its tags, the articles it had read, brought
across as newsboat's read marks are (`read_marks.ReadMarks`: found by the entry's id, which that
library takes from the item's GUID or link as this reader does, else by its link), and those it
had marked important, saved (when it marked it so, and its title and text, for one its feed
no longer lists: kept as a wallabag export's copy is, should the page not come), with the tags
it gave each entry; an entry it tagged and did not mark important is saved too, as `reader tag`
saves the article it files.

Its tags are key/value pairs, the key the tag's name; keys starting with "." are its plugins'
own records, not tags a user gave. A tag's value and a feed whose updates it disabled have no
counterpart here: said, a line each, when the import brought the tag or the feed (`left_out`):
an import again that changes nothing said them again (acc51b).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from .feed_names import folded
from .opml import Subscriptions
from .other_readers import add_found
from .plural import plural
from .read_marks import ReadMarks, starred_links
from .saved_exports import SavedLink
from .urls import without_credentials

SOURCE = "lemon24's reader"

_USER_TAG = "substr(key, 1, 1) != '.'"
"""A tag the user gave, not one of its plugins' records (`.reader.update`)."""


def read_lemon24(db: sqlite3.Connection) -> tuple[Subscriptions, ReadMarks]:
    """The feeds, read marks and important articles of lemon24's reader's database `db`."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    feeds = db.execute("SELECT url, user_title FROM feeds ORDER BY added, url").fetchall()
    tags: dict[str, list[str]] = {}
    valued: list[tuple[str, str]] = []
    if "feed_tags" in tables:
        for feed, key, value in db.execute(
            f"SELECT feed, key, value FROM feed_tags WHERE {_USER_TAG} ORDER BY key"
        ):
            if isinstance(key, str):
                tags.setdefault(str(feed), []).append(key)
                if _has_value(value):
                    valued.append((str(feed), key))
    entry_tags: dict[tuple[str, str], list[str]] = {}
    if "entry_tags" in tables:
        for ident, feed, key, value in db.execute(
            f"SELECT id, feed, key, value FROM entry_tags WHERE {_USER_TAG} ORDER BY key"
        ):
            if isinstance(key, str) and key:
                entry_tags.setdefault((str(feed), str(ident)), []).append(key)
                if _has_value(value):
                    valued.append(("", key))
    read = db.execute("SELECT feed, id, link FROM entries WHERE read = 1").fetchall()
    kept = _kept_entries(db, entry_tags)
    found = Subscriptions(read_as="lemon24's reader's database (its titles, tags, read marks)")
    seen: set[str] = set()
    for url, title in feeds:
        url = str(url)
        add_found(found, seen, url, title if isinstance(title, str) else "", tags.get(url, ()))
    marks = tuple((str(feed), str(ident), str(link or "")) for feed, ident, link in read)
    links, unlinked = starred_links((row[2], row[3]) for row in kept)
    links = _with_their_own(links, kept, entry_tags)
    tagged = sum(1 for row in kept if not row[4])
    return found, ReadMarks(
        marks,
        source=SOURCE,
        starred=links,
        unlinked_stars=unlinked,
        tagged_alone=tagged,
        valued_tags=tuple(valued),
        updates_disabled=tuple(_disabled(db)),
    )


def left_out(
    marks: ReadMarks,
    added: Collection[str],
    feed_tags_filed: Mapping[str, Iterable[str]],
    article_tags_filed: Iterable[str],
) -> list[str]:
    """What lemon24's reader held that has no counterpart here, a line each, of what this
    import brought: the tags with a value it filed a feed (`feed_tags_filed`, by the feed's
    address) or an article (`article_tags_filed`) under, the feeds it subscribed to (`added`)
    whose updates were disabled there."""
    filed = {url: {folded(t) for t in tags} for url, tags in feed_tags_filed.items()}
    on_articles = {folded(t) for t in article_tags_filed}
    valued = sum(
        folded(tag) in (filed.get(feed, set()) if feed else on_articles)
        for feed, tag in marks.valued_tags
    )
    lines = []
    if valued:
        lines.append(
            f'{plural(valued, "tag")} with a value in {SOURCE} (hobby = "weekly"): the tag'
            " kept, its value left out (a tag here has none)"
        )
    if disabled := [url for url in marks.updates_disabled if url in added]:
        lines.append(
            f"{plural(len(disabled), 'feed')} whose updates {SOURCE} had disabled, subscribed"
            f" as any (every sync fetches it): {', '.join(disabled[:3])}"
            f"{' and more' if len(disabled) > 3 else ''} (`reader remove` one you don't want)"
        )
    return lines


def _has_value(value: object) -> bool:
    """A tag's value (JSON text) says something: not none ("null")."""
    return isinstance(value, str) and value.strip() not in ("", "null")


def _kept_entries(
    db: sqlite3.Connection, entry_tags: dict[tuple[str, str], list[str]]
) -> list[tuple[object, ...]]:
    """The entries to save: those marked important, and those tagged; each as (feed, id,
    link, title, important, when marked so, content, summary)."""
    have = {row[1] for row in db.execute("PRAGMA table_info(entries)")}
    # A column an older version lacks read as none (`important_modified` came in 2.x).
    wanted = ("important_modified", "content", "summary")
    picked = ", ".join(name if name in have else "NULL" for name in wanted)
    select = f"SELECT feed, id, link, title, important, {picked} FROM entries"
    rows = db.execute(f"{select} WHERE important = 1 ORDER BY feed, id").fetchall()
    important = {(str(row[0]), str(row[1])) for row in rows}
    for feed, ident in entry_tags:
        if (feed, ident) not in important:
            rows += db.execute(f"{select} WHERE feed = ? AND id = ?", (feed, ident)).fetchall()
    return rows


def _with_their_own(
    links: tuple[SavedLink, ...],
    rows: list[tuple[object, ...]],
    entry_tags: dict[tuple[str, str], list[str]],
) -> tuple[SavedLink, ...]:
    """`links` each with what lemon24's reader held of it: the tags it gave the entry, when it
    marked it important (the time saved), and its text (content, else summary), the copy kept
    should its page not come (as wallabag's `content` is: an entry its feed no longer lists)."""
    by_link: dict[str, tuple[object, ...]] = {}
    for row in rows:
        if isinstance(row[2], str):
            by_link.setdefault(without_credentials(row[2]), row)
    out = []
    for link in links:
        row = by_link.get(link.url)
        if row is None:
            out.append(link)
            continue
        feed, ident, _, _, important, marked, content, summary = row
        html = _text_of(content) or (summary if isinstance(summary, str) else "")
        out.append(
            replace(
                link,
                tags=tuple(entry_tags.get((str(feed), str(ident)), ())),
                added=_utc(marked) if important else None,
                kept_html=zlib.compress(html.encode(), 6) if html.strip() else b"",
                kept_by="lemon24's reader",
            )
        )
    return tuple(out)


def _text_of(content: object) -> str:
    """The HTML of an entry's content as lemon24's reader keeps it (a JSON list of
    {"value", "type"}): the longest of its HTML ones, else of any; "" for none."""
    try:
        parts = json.loads(content) if isinstance(content, str) else []
    except ValueError:
        return ""
    values = [
        (str(part.get("type") or "") == "text/html", part["value"])
        for part in parts
        if isinstance(parts, list)
        if isinstance(part, dict) and isinstance(part.get("value"), str)
    ]
    return max(values, key=lambda one: (one[0], len(one[1])))[1] if values else ""


def _utc(value: object) -> datetime | None:
    """A time lemon24's reader keeps ("2026-12-07 21:09:15.970291", UTC, no zone)."""
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=UTC) if value else None
    except ValueError:
        return None


def _disabled(db: sqlite3.Connection) -> list[str]:
    """The feeds whose updates lemon24's reader had disabled, by their address."""
    try:
        rows = db.execute("SELECT url FROM feeds WHERE updates_enabled = 0 ORDER BY url")
    except sqlite3.Error:  # a database from before the column
        return []
    return [str(url) for (url,) in rows]
