"""The discussion sites whose markup says a page is a thread, and how each names its parts.

Each reader answers a `Thread` only when the page has the site's whole shape (the opening post
and the box its replies are in), so a news story that borrows a class name is read as a story:
an old.reddit thread (one `div.thing.link` and its `div.commentarea`) and a GitHub issue or pull
request (`.js-discussion` of `.js-comment-container`s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from lxml.html import HtmlElement

from ..safe import safe_line
from ..urls import absolute_url
from .discussions import Post, Thread, contents, when


def _has_class(name: str) -> str:
    """An XPath test that an element's class list holds `name`."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def _first(el: HtmlElement, path: str) -> HtmlElement | None:
    found = el.xpath(path)
    return found[0] if found else None


def _words(el: HtmlElement | None) -> str:
    return safe_line(" ".join(el.text_content().split())) if el is not None else ""


# Stack Overflow's tooltip times: "2026-11-30 12:01:02Z", a space where ISO puts its "T".
_SPACED_TIME = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d)")


def _time(value: str | None) -> datetime | None:
    """A post's time from its attribute. Hacker News's tooltip gives the time without its zone
    and then the Unix time ("2026-12-02T18:11:09 1796235069"): the latter says it whole."""
    parts = (value or "").split()
    if len(parts) == 2 and parts[1].isdigit():
        try:
            return datetime.fromtimestamp(int(parts[1]), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return when(_SPACED_TIME.sub(r"\1T\2", (value or "").strip()))


def old_reddit(doc: HtmlElement, base: str) -> Thread | None:
    """An old.reddit thread: the one post (`div.thing.link`) and the comments in its comment
    area, each nested as deep as the comments it sits in."""
    thing = f"div[{_has_class('thing')}]"
    links = doc.xpath(f"//{thing}[{_has_class('link')}]")
    area = _first(doc, f"//div[{_has_class('commentarea')}]")
    if len(links) != 1 or area is None:
        return None  # a subreddit's page of posts, not a thread
    post = links[0]
    title = _first(post, f".//a[{_has_class('title')}]")
    body = _first(post, f".//div[{_has_class('md')}]")
    posted = _first(post, ".//time[@datetime]")
    posts = []
    for comment in area.xpath(f".//{thing}[{_has_class('comment')}]"):
        entry = _first(comment, f"./div[{_has_class('entry')}]")
        words = _first(entry, f".//div[{_has_class('md')}]") if entry is not None else None
        if entry is None or words is None:
            continue  # deleted: no words
        author = comment.get("data-author") or _words(
            _first(entry, f".//a[{_has_class('author')}]")
        )
        depth = len(comment.xpath(f"ancestor::{thing}[{_has_class('comment')}]"))
        time = _first(entry, ".//time[@datetime]")
        posts.append(
            Post(
                safe_line(author),
                words,
                depth,
                _time(time.get("datetime") if time is not None else None),
            )
        )
    link = absolute_url(base, title.get("href", "")) if title is not None else ""
    self_post = "self" in post.get("class", "").split()
    return Thread(
        title=_words(title),
        author=safe_line(post.get("data-author", "")),
        published=_time(posted.get("datetime") if posted is not None else None),
        opening=contents(body) if body is not None else [],
        posts=posts,
        link="" if self_post else link,
    )


def github_issue(doc: HtmlElement, base: str) -> Thread | None:
    """A GitHub issue or pull request: its first comment is the issue's text, the others
    reply to it; the timeline's events (labels, references) are the repository's bookkeeping."""
    discussion = _first(doc, f"//div[{_has_class('js-discussion')}]")
    if discussion is None:
        return None
    posts = []
    for container in discussion.xpath(f".//div[{_has_class('js-comment-container')}]"):
        body = _first(container, f".//div[{_has_class('comment-body')}]")
        if body is None:
            continue
        header = _first(container, f".//*[{_has_class('timeline-comment-header')}]")
        where = header if header is not None else container
        time = _first(where, ".//relative-time[@datetime]")
        posts.append(
            Post(
                _words(_first(where, f".//a[{_has_class('author')}]")),
                body,
                when=_time(time.get("datetime") if time is not None else None),
            )
        )
    if not posts:
        return None
    issue, replies = posts[0], posts[1:]
    title = _first(doc, f"//*[{_has_class('js-issue-title')}]")
    return Thread(
        title=_words(title),
        author=issue.author,
        published=issue.when,
        opening=contents(issue.body),
        posts=replies,
    )


SITES: tuple[Callable[[HtmlElement, str], Thread | None], ...] = (
    old_reddit,
    github_issue,
)


def discussion_thread(doc: HtmlElement, base: str) -> Thread | None:
    """The page's thread when it is a discussion page of a known make, else None."""
    for read in SITES:
        thread = read(doc, base)
        if thread is not None and (thread.opening or thread.posts or thread.link):
            return thread
    return None
