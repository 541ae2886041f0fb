"""Subscriptions read from a file for `reader import`: an OPML file (`opml.py`), or a plain list
of feed addresses, one a line, which is what a newsboat user keeps (`~/.newsboat/urls`: an
address, then its tags, a quoted `"~Name"` naming the feed, `#` comments, `"query:…"` lines).
"""

from __future__ import annotations

import re
import shlex
from collections import Counter

from .feed_tags import with_tags
from .models import ErrorKind, FetchError
from .opml import (
    MAX_OPML_BYTES,
    MAX_OUTLINES,
    Found,
    MarksElsewhere,
    Subscriptions,
    feed_address,
    read_opml,
)
from .safe import safe_line
from .urls import is_web_url

# What comes first on a line of a list of addresses: a scheme ("https:", newsboat's "query:").
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# newsboat's own kinds of feed, which are no address to fetch.
_NEWSBOAT_KINDS = {
    "query": (
        "of newsboat's query: kind (a search over other feeds, with no address): the reader's"
        " is a search feed (`reader search-feed add NAME WORDS…`, or `+` on `F`'s hits), which"
        " finds words in the articles' text, not newsboat's expressions over an item's fields,"
        " so none is made from it"
    ),
    "exec": "of newsboat's exec: kind (a command's output: the reader runs no commands)",
    "filter": (
        "of newsboat's filter: kind (a command's output: the reader runs no commands); the"
        " feed it filters can be subscribed unfiltered with `reader add`, and its read marks"
        " then come with --read-from"
    ),
}


def read_subscriptions(data: bytes, name: str = "") -> Subscriptions:
    """The subscriptions of an OPML file, of a list of addresses (newsboat's urls), of
    newsraft's feeds file or of nom's config.yml (`other_readers`), told apart by their shape
    (and `name`, the file's: newsraft's is "feeds"). Raises FetchError(BAD_FEED) for a file that
    is none of them."""
    if data.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith((b"<", b"\x00<", b"<\x00")):
        return read_opml(data)
    if len(data) <= MAX_OPML_BYTES:
        from .other_readers import (
            is_newsraft_feeds,
            is_nom_config,
            newsraft_database,
            nom_database,
            read_newsraft_feeds,
            read_nom_config,
        )

        text = data.decode("utf-8-sig", errors="replace")
        if is_nom_config(text):
            read = read_nom_config(text)
            database = str(nom_database(name or "-", text))
            read.marks_in = MarksElsewhere("nom", "favourites", database)
            return read
        if is_newsraft_feeds(text, name) and "\ufffd" not in text:
            read = read_newsraft_feeds(text)
            database = str(newsraft_database())
            read.marks_in = MarksElsewhere("newsraft", "important articles", database)
            return read
    return read_address_list(data)


def _filtered(line: str) -> str:
    """The feed address in newsboat's `filter:SCRIPT:URL`, "" when there is none."""
    found = re.search(r"https?://\S+", line.partition(":")[2])
    return found.group() if found and is_web_url(found.group()) else ""


def read_address_list(data: bytes) -> Subscriptions:
    """A list of feed addresses, one a line, as newsboat's `urls` file writes them: after the
    address its tags (kept, `feed_tags`), `"~Name"` the name the user gave the feed (kept over
    its title, as newsboat keeps it), `"!tag"` a hidden feed (kept, its `!` tag not: hiding is
    a newsboat view)."""
    if len(data) > MAX_OPML_BYTES:
        raise FetchError(
            ErrorKind.TOO_LARGE, f"the list of feeds is larger than {MAX_OPML_BYTES // 2**20} MB"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FetchError(
            ErrorKind.BAD_FEED, "not an OPML file nor a list of feed addresses (not UTF-8 text)"
        ) from None
    result = Subscriptions(newsboat="urls")
    skipped: Counter[str] = Counter()
    seen: dict[str, int] = {}  # each address's place in `found`
    lines = [line.strip() for line in text.splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    if not entries or not any(_SCHEME.match(line.lstrip('"')) for line in entries):
        raise FetchError(
            ErrorKind.BAD_FEED,
            "not an OPML file nor a list of feed addresses (one address a line, as newsboat's "
            "urls file)",
        )
    for line in entries:
        try:
            words = shlex.split(line, comments=True)
        except ValueError:  # an unclosed quote
            skipped["whose line could not be read (an unclosed quote)"] += 1
            continue
        if not words:
            continue
        (url, why), tags = feed_address(words[0]), words[1:]
        names = [name for tag in tags if tag.startswith("~") and (name := safe_line(tag[1:], 500))]
        kept = with_tags((), (tag for tag in tags if not tag.startswith(("~", "!"))))
        if (at := seen.get(url)) is not None:
            # Listed again (a file edited by hand for years): its tags merged into the first
            # line's, as an import merges them into a feed subscribed already (acc43a A2).
            if at >= 0:
                first = result.found[at]
                more = with_tags(first.tags, kept)
                result.found[at] = first._replace(
                    tags=more, name=first.name or next(iter(names), "")
                )
                result.repeated.append(url)
            continue
        seen[url] = -1
        if (kind := url.partition(":")[0].lower()) in _NEWSBOAT_KINDS:
            skipped[_NEWSBOAT_KINDS[kind]] += 1
            if kind == "filter" and (inner := _filtered(url)):
                result.left_out.setdefault(_NEWSBOAT_KINDS[kind], []).append(("", inner))
            continue
        if why:
            skipped[why] += 1
            continue
        if any(tag.startswith("!") for tag in tags):
            result.hidden.append(url)
        seen[url] = len(result.found)
        result.found.append(Found(url, names[0] if names else "", tags=kept))
        if len(result.found) >= MAX_OUTLINES:
            break
    result.skipped = dict(skipped)
    return result
