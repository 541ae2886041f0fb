"""Discussion pages: a thread whose posts are the page's content, read post by post.

A news story's readers' comments are furniture (`comment_threads`). On a discussion page (a
Hacker News item, an old.reddit thread, a GitHub issue, a Stack Overflow question) the thread is
the page: there is no story beside it. readability scored such a page's sidebar or header as its
article and dropped the posts, their authors and their nesting. A page is told as one by
its known markup (`discussion_sites`) or what its JSON-LD declares it (`discussion_json_ld`),
never by a comment box's name, so a story with comments is read as before.

The thread is read into a box of our own making: the opening post's words (and the submitted
link, when the post is a link), then each reply under a line naming its author and date, a
reply to a reply quoted one level deeper. The posts' elements are copied in, never their markup
as text: the page's words stay words.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime

import lxml.html
from lxml.html import HtmlElement

from ..dates import parse_datetime, stated_iso


@dataclass
class Post:
    """One reply of a thread: who wrote it, when, how deep it is nested (0: a reply to the
    opening post), its words' element, and a label before the author ("Answer by")."""

    author: str
    body: HtmlElement
    depth: int = 0
    when: datetime | None = None
    label: str = ""
    note: str = ""
    """A word after the author: "accepted" for the answer the asker took."""


@dataclass
class Thread:
    """A discussion page as read: its title, the opening post's author, time and words, the
    address it submits (a link post's), and the replies in the page's order."""

    title: str
    author: str
    published: datetime | None
    opening: list[HtmlElement]
    posts: list[Post] = field(default_factory=list)
    link: str = ""
    site_name: str = ""
    replies_heading: str = "Comments"
    """The heading over the replies: "Comments", or "Answers" on a question page."""

    def replies_within(self, box: HtmlElement) -> bool:
        """The thread has replies, all inside `box` (the body a site's rule names)."""
        return bool(self.posts) and all(
            post.body is box or any(a is box for a in post.body.iterancestors())
            for post in self.posts
        )


def when(value: str | None) -> datetime | None:
    """A post's time from its machine-readable attribute."""
    return parse_datetime((value or "").split(" ")[0] or None)


def paragraphs(text: str) -> HtmlElement | None:
    """Plain text as a box of paragraphs, one per run of lines between blank ones, each line
    kept (a line break inside a paragraph); None when there are no words."""
    box = lxml.html.Element("div")
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        p = lxml.html.Element("p")
        p.text = lines[0]
        for line in lines[1:]:
            br = lxml.html.Element("br")
            br.tail = line
            p.append(br)
        box.append(p)
    return box if len(box) else None


def _element(tag: str, text: str = "", **attributes: str) -> HtmlElement:
    el = lxml.html.Element(tag, **attributes)
    el.text = text or None
    return el


def _author_line(post: Post) -> HtmlElement:
    """Who speaks: "**fishwife** · 2026-12-03T07:40:00+00:00", "Answer by **anna** (accepted)"."""
    line = _element("p", f"{post.label} " if post.label else "")
    name = _element("strong", post.author or "(unknown)")
    line.append(name)
    after = [f" ({post.note})"] if post.note else []
    if post.when is not None:
        after.append(f" · {stated_iso(post.when)}")
    name.tail = "".join(after) or None
    return line


def contents(body: HtmlElement) -> list[HtmlElement]:
    """What `body` holds, copied into a plain box: its words with their own paragraphs, links and
    emphasis (a Hacker News comment's first paragraph is bare text, its others `<p>`s), without
    the names the page gave the box ("comment-body"), which are no part of the words."""
    box = copy.deepcopy(body)
    box.tag = "div"
    box.attrib.clear()
    box.tail = None
    return [box]


# Replies nest without end (Hacker News's run twenty deep); past this many quotation marks a
# narrow terminal has no room left for the words.
_DEEPEST = 4


def _in_quotes(elements: list[HtmlElement], depth: int) -> list[HtmlElement]:
    """`elements` quoted `depth` levels deep (at most `_DEEPEST`): a reply to a reply is set in
    its parent's quotation's place, one level further in."""
    for _ in range(min(depth, _DEEPEST)):
        quote = _element("blockquote")
        quote.extend(elements)
        elements = [quote]
    return elements


def thread_box(thread: Thread) -> HtmlElement:
    """The thread as one box of HTML the block reader reads: the link, the opening post, then
    a heading and each reply under its author's line."""
    box = _element("div")
    if thread.link:
        line = _element("p", "Link: ")
        line.append(_element("a", thread.link, href=thread.link))
        box.append(line)
    box.extend(copy.deepcopy(el) for el in thread.opening)
    if thread.posts:
        box.append(_element("h2", thread.replies_heading))
    for number, post in enumerate(thread.posts):
        if post.depth == 0 and number:
            # Where one reply and its answers end and the next begins.
            box.append(_element("hr"))
        box.extend(_in_quotes([_author_line(post), *contents(post.body)], post.depth))
    return box
