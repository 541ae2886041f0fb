"""A thread on new reddit (www.reddit.com), whose page is made of its own custom elements: one
`shreddit-post` (its author, `created-timestamp`, title and text body as attributes and slots)
and a `shreddit-comment-tree` of `shreddit-comment`s, each naming its author and depth, a reply
nested in the comment it answers. Read as an old.reddit thread is: the post, then each comment
under "author · time".

A comment's time is the one its element or its time element states (`created-timestamp`,
`datetime`, faceplate-timeago's `ts`, a tooltip's date): a comment showing only "3 hr. ago" is
left undated, since when that was depends on when the page was served.
"""

from __future__ import annotations

from datetime import datetime

import lxml.html
from lxml.html import HtmlElement

from ..safe import safe_line
from ..urls import absolute_url
from .discussion_markup import first, stated_time, text_of
from .discussions import Post, Thread, contents

_COMMENT = "shreddit-comment"


def _slot(host: HtmlElement, name: str) -> HtmlElement | None:
    """The element `host` shows in its slot `name`: a direct child of it, as a custom
    element's slotted content is (not one of a reply nested in it)."""
    return next((child for child in host.iterchildren() if child.get("slot") == name), None)


def _first_stated(times: list[HtmlElement]) -> datetime | None:
    """The first moment stated by any of `times` (faceplate-timeago's `ts`, or its <time>'s)."""
    return next((t for t in map(stated_time, times) if t is not None), None)


_TIMES = ".//*[self::time or self::faceplate-timeago]"


def new_reddit(doc: HtmlElement, base: str) -> Thread | None:
    """A new-reddit thread: the one `shreddit-post` and the comments of its comment tree."""
    found = doc.xpath("//shreddit-post")
    if len(found) != 1:
        return None  # a subreddit's page of posts, or no reddit page
    post = found[0]
    body = _slot(post, "text-body")
    posts = []
    depths: dict[HtmlElement, int] = {}
    for comment in doc.xpath(f"//{_COMMENT}"):
        above = next(comment.iterancestors(_COMMENT), None)
        depth = comment.get("depth", "")
        # One below the comment it sits in, when the element doesn't say.
        depths[comment] = int(depth) if depth.isdigit() else depths.get(above, -1) + 1
        words = _slot(comment, "comment")
        if words is None:
            if next(comment.iterchildren(_COMMENT), None) is None:
                continue  # deleted or removed: no words, and no replies to place
            # Its line alone, so that its replies are not read as the comment's before.
            words = lxml.html.Element("div")
        meta = _slot(comment, "commentMeta")
        author = comment.get("author") or text_of(
            first(meta, './/a[contains(@href, "/user/")]') if meta is not None else None
        )
        time = stated_time(comment) or _first_stated(meta.xpath(_TIMES) if meta is not None else [])
        posts.append(Post(safe_line(author), words, depths[comment], time))
    if body is None and not posts:
        return None
    title = post.get("post-title") or text_of(_slot(post, "title"))
    link = post.get("content-href", "") if post.get("post-type") == "link" else ""
    return Thread(
        title=safe_line(title),
        author=safe_line(post.get("author", "")),
        published=stated_time(post) or _first_stated(post.xpath(_TIMES)),
        opening=contents(body) if body is not None else [],
        posts=posts,
        link=absolute_url(base, link) if link else "",
    )
