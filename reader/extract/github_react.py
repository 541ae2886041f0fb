"""GitHub's newer issue pages, drawn by React: the issue and its comments in the markup the
server renders for it (`data-testid="issue-body"` with its header's author link and
`relative-time`, and its `markdown-body`; each comment a `react-issue-comment` box of the same
parts), or, on a page whose server rendered none of it, only in the JSON the app is started
with (`<script type="application/json" data-target="react-app.embeddedData">`), as the issue
object its query returned: `title`, `author.login`, `createdAt`, `bodyHTML` (or the Markdown
`body`), and its timeline's `IssueComment`s. Read as the older issue page is: the issue's text,
then each comment under "author · time"; labels and references are the timeline's events.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import clean_markup
from ..page_parsing import HTML_PARSER
from ..safe import safe_line, safe_text
from .discussion_markup import first, has_class, text_of
from .discussions import Post, Thread, contents, when
from .json_ld import whole_characters
from .markdown_page import markdown_html
from .page_cleanup import prepare

# An author's link in a post's header: GitHub names it by its test id, its hovercard or class.
_AUTHOR = (
    './/a[normalize-space() and (contains(@data-testid, "author") '
    'or @data-hovercard-type="user" or starts-with(@data-hovercard-url, "/users/") '
    'or contains(@class, "author"))]'
)
_WORDS = f'.//*[@data-testid="markdown-body" or {has_class("markdown-body")}]'
_COMMENT = (
    '//*[contains(@class, "react-issue-comment") '
    'or starts-with(@data-testid, "comment-viewer-outer-box")]'
)


def _post(box: HtmlElement) -> tuple[str, datetime | None, HtmlElement | None]:
    """A post box's writer, time and words: the time is its header's, not one its words
    quote."""
    words = first(box, _WORDS)
    times = [
        t
        for t in box.iterdescendants("relative-time")
        if words is None or not any(a is words for a in t.iterancestors())
    ]
    stamp = times[0].get("datetime") if times else None
    return text_of(first(box, _AUTHOR)), when(stamp), words


def github_react_issue(doc: HtmlElement, base: str) -> Thread | None:
    """An issue page whose server rendered the React issue viewer's markup."""
    issue = first(doc, '//*[@data-testid="issue-body"]')
    if issue is None:
        return None
    author, opened, words = _post(issue)
    if words is None:
        return None
    boxes = doc.xpath(_COMMENT)
    inner = set(boxes)
    posts = []
    for box in boxes:
        if any(a in inner for a in box.iterancestors()):
            continue  # a part of a comment's box (its header, its body), not another comment
        writer, written, said = _post(box)
        if said is not None:
            posts.append(Post(writer, said, when=written))
    return Thread(
        title=text_of(first(doc, '//*[@data-testid="issue-title"]')),
        author=author,
        published=opened,
        opening=contents(words),
        posts=posts,
    )


# The most of the app's JSON walked, and comments read from it: it is one script's, of any size.
_MOST_NODES = 200_000
_MOST_POSTS = 5_000


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in `value`, in the order the JSON writes them (depth first), up to
    `_MOST_NODES` values."""
    stack, seen = [value], 0
    while stack and seen < _MOST_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _login(item: dict[str, Any]) -> str:
    author = item.get("author")
    login = author.get("login") if isinstance(author, dict) else None
    return safe_line(login) if isinstance(login, str) else ""


def _is_post(item: dict[str, Any]) -> bool:
    """An issue or comment object: written by someone, with words."""
    return bool(_login(item)) and any(isinstance(item.get(k), str) for k in ("bodyHTML", "body"))


def _fragment(html: str) -> HtmlElement | None:
    """HTML as the page would show it: what a reader never sees (scripts, hidden text) is no
    word."""
    try:
        box = lxml.html.fragment_fromstring(
            clean_markup(html), create_parent="div", parser=HTML_PARSER
        )
    except (lxml.etree.ParserError, ValueError):
        return None
    prepare(box)
    return box


def _body(item: dict[str, Any]) -> HtmlElement | None:
    """A post's words: its rendered HTML, else its Markdown source rendered with raw HTML off
    (a `<script>` typed in it stays the text it is)."""
    rendered = item.get("bodyHTML")
    if isinstance(rendered, str) and rendered.strip():
        return _fragment(rendered)
    source = item.get("body")
    if isinstance(source, str) and source.strip():
        return _fragment(markdown_html(safe_text(source)))
    return None


def _created(item: dict[str, Any]) -> datetime | None:
    created = item.get("createdAt")
    return when(created) if isinstance(created, str) else None


_ISSUE_TYPES = ("Issue", "PullRequest")


def github_embedded_issue(doc: HtmlElement) -> Thread | None:
    """The issue the React app's embedded JSON holds, or None. Read before `prepare`, which
    drops the script holding it."""
    script = first(doc, '//script[@data-target="react-app.embeddedData"]')
    if script is None or not script.text:
        return None
    try:
        data = json.loads(whole_characters(script.text))
    except ValueError:
        return None
    found = [o for o in _objects(data) if isinstance(o.get("title"), str) and _is_post(o)]
    # The issue the page is of, as the JSON names its type; or, in the issues app's data that
    # names none, the first object of an issue's shape. Another app's data (a file's page, a
    # repository's) is no thread, whatever titled and signed objects it holds.
    app = next(script.iterancestors("react-app"), None)
    of_issues = app is not None and "issue" in (app.get("app-name") or "")
    issue = next(
        (o for o in found if o.get("__typename") in _ISSUE_TYPES),
        found[0] if found and of_issues else None,
    )
    if issue is None:
        return None
    posts, seen = [], set()
    for item in _objects({k: v for k, v in issue.items() if k not in ("author", "body")}):
        if len(posts) >= _MOST_POSTS:
            break
        if item.get("__typename") not in (None, "IssueComment") or not _is_post(item):
            continue
        key = item.get("id") or id(item)
        words = _body(item)
        if words is None or key in seen:
            continue  # no words, or the same comment twice (a query's two pages of them)
        seen.add(key)
        created = item.get("createdAt")
        posts.append(
            Post(_login(item), words, when=when(created if isinstance(created, str) else None))
        )
    opening = _body(issue)
    if opening is None and not posts:
        return None
    return Thread(
        title=safe_line(issue["title"]),
        author=_login(issue),
        published=_created(issue),
        opening=[opening] if opening is not None else [],
        posts=posts,
    )
