"""A Lobsters story's page (lobste.rs, and the sites running its code): the story (`.story`:
its title link, and its byline naming the submitter and the time) and its text when it has
one, then the comments of `ol.comments`, each a `div.comment` with its own `div.byline` (its
writer's link, and "3 hours ago" whose tooltip states the time) and `div.comment_text`, a
reply in an `ol.comments` inside the comment's item it answers."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..urls import absolute_url
from .discussion_markup import first, has_class, stated_time, text_of
from .discussions import Post, Thread, contents

# A user's page: Lobsters's "/~name" (and "/u/name" before it).
_USER = './/a[(starts-with(@href, "/~") or starts-with(@href, "/u/")) and normalize-space()]'


def _signed(byline: HtmlElement | None) -> tuple[str, datetime | None]:
    """Who a byline names (its `u-author` link, else its first user link with words) and the
    time it states (a time element's or a tooltip's; "3 hours ago" alone is no time)."""
    if byline is None:
        return "", None
    author = first(byline, f".//a[{has_class('u-author')}] | {_USER}")
    times = byline.xpath(".//time | .//*[@title]")
    return text_of(author), next((t for t in map(stated_time, times) if t is not None), None)


def lobsters(doc: HtmlElement, base: str) -> Thread | None:
    """A Lobsters story and its comments, when the page has both the story (a title link and
    a byline) and its comment list."""
    story = first(doc, f"//*[{has_class('story')}][.//div[{has_class('byline')}]]")
    area = first(doc, f"//ol[{has_class('comments')}]")
    if story is None or area is None:
        return None
    title = first(story, f".//*[{has_class('link')}]//a[@href] | .//a[{has_class('u-url')}]")
    if title is None:
        return None
    posts = []
    # How deep each comment is: one below the nearest comment's item round its own (a reply
    # is in a list in the item of the comment it answers), found by walking up from it.
    depths: dict[HtmlElement, int] = {}
    for comment in area.xpath(f".//div[{has_class('comment')}]"):
        item = comment.getparent()
        above = next((a for a in item.iterancestors() if a in depths), None)
        depths[item] = depths[above] + 1 if above is not None else 0
        # Its own text and byline come first: its replies are in a list after it.
        words = first(comment, f".//div[{has_class('comment_text')}]")
        if words is None:
            continue  # a reply form, or a deleted comment: no words
        writer, written = _signed(first(comment, f".//div[{has_class('byline')}]"))
        posts.append(Post(writer, words, depths[item], written))
    text = first(doc, f"//div[{has_class('story_text')}]")
    author, published = _signed(first(story, f".//div[{has_class('byline')}]"))
    link = absolute_url(base, title.get("href", ""))
    # A text story's title leads to its own page: no address of its own to follow.
    own = not urlsplit(link).netloc or urlsplit(link).netloc == urlsplit(base).netloc
    return Thread(
        title=text_of(title),
        author=author,
        published=published,
        opening=contents(text) if text is not None else [],
        posts=posts,
        link="" if own or title.get("href", "").startswith("/") else link,
        site_name="Lobsters",
    )
