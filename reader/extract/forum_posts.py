"""A forum thread's posts, told by their shape: each post's author and time line stays, its
poster's profile box and signature go.

A thread page (phpBB, vBulletin, SMF and the like) is its posts. The cleanup drops an element
named "author" as the article's byline, which on a thread is each post's "by saltydave » Sun
Nov 29, 2026 6:12 pm": who wrote which post, and when, the one thing that tells the posts
apart. Beside it each post carries the poster's profile ("saltydave", "Posts: 1,204",
"Joined: 2011") and a signature ("Fair winds – Dave"), which are the site's, not the post's.

Posts are two or more boxes alike (a tag and a first class: phpBB alternates "post bg1" and
"post bg2") under one parent, each holding an element named for its author whose line states a
time, and words besides. A section front's teasers, each a heading linking to another page
with its byline, are not posts; a thread's headings link to the post itself ("#p1").
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from .furniture import (
    HEADING_TAGS,
    TOKEN_SPLIT,
    attached,
    element_names,
    is_furniture,
    text_length,
)

# The posts hold most of what the cleanup left of a thread's page: a blog post's readers'
# comments, shaped as posts, hold less than its article does (or are dropped already).
_THREAD_SHARE = 0.5

_POST_TAGS = frozenset({"div", "article", "li", "section"})
_MIN_POSTS = 2
# The element naming a post's writer: phpBB's `p.author`, a `span.username`, SMF's `.poster`.
_AUTHOR_TOKENS = frozenset({"author", "byline", "username", "poster", "postauthor"})
# What a post's line says of its time: a year, a time of day, or a `<time>` holds it.
_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
# An author line: "by saltydave » Sun Nov 29, 2026 6:12 pm", "Posted by Ana · 3 May 2026".
_LINE_WORDS = 16
# A post's own words besides its line, at least: "Thanks!" is a post.
_POST_WORDS = 1
# The poster's profile: statistics the forum keeps of them.
_PROFILE_STAT = re.compile(
    r"\b(?:posts|joined|messages|reaction score|reputation|location|member since|registered"
    r"|points|karma|likes(?: received)?|trophy points)\s*:",
    re.IGNORECASE,
)
# A profile box is a few lines; more is the post.
_PROFILE_LENGTH = 300
# Its names: phpBB's "postprofile", vBulletin's "userinfo", XenForo's "message-user", SMF's
# "poster".
_PROFILE_NAME = re.compile(r"profile|user|poster|author", re.IGNORECASE)
# Statistics enough to tell a profile unnamed from a post saying "Location: by the slip."
_UNNAMED_STATS = 2
_SIGNATURE = re.compile(r"signature", re.IGNORECASE)
# A reply's heading: "Re: Windlass slips under load", "RE: Re: …".
_REPLY = re.compile(r"^(?:re\s*:\s*)+", re.IGNORECASE)


@dataclass
class ThreadPosts:
    """What the cleanup does with a thread's posts: the author lines it keeps, the profile
    boxes and signatures it drops."""

    posts: list[HtmlElement] = field(default_factory=list)
    keep: set[HtmlElement] = field(default_factory=set)
    drop: list[HtmlElement] = field(default_factory=list)


# Elements whose class or id may name an author, told by one search of both: most pages have a
# handful, and a page with fewer than two lines is no thread, told before any box is grouped.
# The page's class and id values, picked in C, each searched by one pattern: asked element by
# element (in Python, or by XPath tests of each element's names) this was a third of the time
# a thread took to find on a page that is none.
_NAMED_AUTHOR = re.compile(r"author|byline|username|poster", re.IGNORECASE)
_NAMES = etree.XPath(".//@class | .//@id")


def _named_an_author(body: HtmlElement) -> list[HtmlElement]:
    """The elements whose class or id says author, byline, username or poster, in the page's
    order, each once."""
    found = (name.getparent() for name in _NAMES(body) if _NAMED_AUTHOR.search(name))
    return list(dict.fromkeys(found))


def _author_lines(body: HtmlElement) -> list[HtmlElement]:
    """The page's lines naming a writer and a time, in the page's order: elements named for
    an author (by a whole token: "author", not "authority") that are a line, not an author's
    box of a few sentences about them ("…joined in 2012")."""
    lines = []
    for el in _named_an_author(body):
        if _AUTHOR_TOKENS.isdisjoint(TOKEN_SPLIT.split(element_names(el))):
            continue
        text = el.text_content()
        if len(text.split()) > _LINE_WORDS:
            continue
        if _TIME.search(text) or next(el.iter("time"), None) is not None:
            lines.append(el)
    return lines


def _links_elsewhere(post: HtmlElement) -> bool:
    """A heading of the box links to another page: a teaser, not a post."""
    for heading in post.iter(*HEADING_TAGS):
        for a in heading.iter("a"):
            if "#" not in a.get("href", "#"):
                return True
    return False


def _is_post(box: HtmlElement, line: HtmlElement | None) -> bool:
    """A box with its author `line` and words besides; not one holding the page's headline
    (an article's top, its byline under the `h1`)."""
    if line is None or _links_elsewhere(box) or next(box.iter("h1"), None) is not None:
        return False
    words = len(box.text_content().split()) - len(line.text_content().split())
    return words >= _POST_WORDS


def _posts(body: HtmlElement) -> dict[HtmlElement, HtmlElement]:
    """The largest run of alike boxes under one parent that are all posts, each with its
    author line; or none."""
    lines = _author_lines(body)
    if len(lines) < _MIN_POSTS:
        return {}
    # Each box holding a line, by its outermost (first) line: the boxes that may be posts.
    line_of: dict[HtmlElement, HtmlElement] = {}
    for line in lines:
        for box in line.iterancestors():
            if box is body:
                break
            line_of.setdefault(box, line)
    best: dict[HtmlElement, HtmlElement] = {}
    # In the page's order (inner boxes first), so that of two runs as long the same is taken.
    parents = dict.fromkeys(box.getparent() for box in line_of)
    for parent in parents:
        if parent is None:
            continue
        kinds: defaultdict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _POST_TAGS:
                first = (child.get("class") or "").split()[:1]
                kinds[(child.tag, first[0] if first else "")].append(child)
        for (_, name), alike in kinds.items():
            # Not readers' comments under an article, in a box named for them ("comments-area").
            if (
                name
                and len(alike) >= max(_MIN_POSTS, len(best) + 1)
                and all(_is_post(box, line_of.get(box)) for box in alike)
                and not any(map(is_furniture, (parent, *parent.iterancestors())))
            ):
                best = {box: line_of[box] for box in alike}
    return best


def _furniture_of(post: HtmlElement, line: HtmlElement) -> list[HtmlElement]:
    """The post's profile box (its statistics, or the writer's name alone that the line
    gives) and its signature: outermost, never the line nor a box holding it."""
    found: list[HtmlElement] = []
    holding_line = set(line.iterancestors())
    said = " ".join(line.text_content().split())
    for el in post.iterdescendants():
        if not isinstance(el.tag, str) or el in holding_line or el is line:
            continue
        if any(a is f for f in found for a in el.iterancestors()) or line in el.iterancestors():
            continue
        if _SIGNATURE.search(element_names(el)):
            found.append(el)
            continue
        # Its parts apart: "saltydave<br>Posts: 1,204" runs into "saltydavePosts: 1,204".
        text = " ".join(" ".join(el.itertext()).split())
        if not text or text_length(el) > _PROFILE_LENGTH:
            continue
        stats = len(_PROFILE_STAT.findall(text))
        named = bool(_PROFILE_NAME.search(element_names(el)))
        if stats >= _UNNAMED_STATS or (named and (stats or text in said.split())):
            found.append(el)
    return found


def thread_posts(doc: HtmlElement) -> ThreadPosts:
    """The thread's posts on the page `doc`, if it is a thread, with the author lines to keep
    and the profiles and signatures to drop. Asked before the cleanup, which drops the lines."""
    body = doc.find("body") if doc.tag == "html" else doc
    posts = ThreadPosts()
    if body is None:
        return posts
    for post, line in _posts(body).items():
        posts.posts.append(post)
        posts.keep.add(line)
        posts.drop.extend(_furniture_of(post, line))
    return posts


def thread(doc: HtmlElement, found: ThreadPosts) -> HtmlElement | None:
    """The thread's posts `found` in a box of their own (copies: the page is read further),
    when the cleaned page `doc` is a thread: its posts hold most of its text, and no `<article>`
    or declared article body stands outside them. readability takes the best post's words for
    the article (its posts are each wrapped deep, and it gathers one box's siblings only), where
    the thread is the whole of them."""
    body = doc.find("body") if doc.tag == "html" else doc
    posts = [post for post in found.posts if body is not None and attached(post, body)]
    if not posts or body is None:
        return None
    if sum(map(text_length, posts)) < _THREAD_SHARE * text_length(body):
        return None
    inside = {el for post in posts for el in post.iter()}
    if any(
        el not in inside
        for el in body.xpath('.//article | .//*[contains(@itemprop, "articleBody")]')
    ):
        return None
    box = body.makeelement("div", {})
    box.extend(copy.deepcopy(post) for post in posts)
    _without_reply_headings(box)
    return box


def _without_reply_headings(posts: HtmlElement) -> None:
    """A reply's heading repeating the thread's ("Re: Bilge pump runs dry every night" under
    phpBB's every post) says nothing its author line doesn't."""
    headings = list(posts.iter(*HEADING_TAGS))
    if not headings:
        return
    topic = _REPLY.sub("", " ".join(headings[0].text_content().split())).casefold()
    for heading in headings[1:]:
        said = " ".join(heading.text_content().split())
        if _REPLY.match(said) and _REPLY.sub("", said).casefold() == topic:
            heading.drop_tree()
