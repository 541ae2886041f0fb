"""Readers' comments, told by their shape rather than by their name.

A thread named "comments", "disqus_thread" or "commentlist" is furniture by name (`furniture`);
one named "thread", "discussion" or nothing at all is not, and its posts, each a user name and a
paragraph, outweigh a short story: readability took the page for the thread and read every
comment into the article. A thread is a heading saying so ("Join the conversation", "25
Comments", "Kommentare", "Réactions") over posts of one make: three or more elements alike, each
opening with a short name line (the user's name, a time, a "Reply" link beside it) before its
words. An article quoting people sets their words in its paragraphs ("<p><b>Ana Ruiz:</b> …"),
not in such boxes under such a heading, and stays.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

from .furniture import HEADING_TAGS

# The whole heading: "Comments", "25 Comments", "Comments (25)", "Join the conversation",
# "Leave a reply", "What readers say", in the languages of the news read here.
_THREAD_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:"
    r"(?:readers['’]?\s+|reader\s+|your\s+|user\s+)?comments?|discussion|responses|replies"
    r"|(?:join|start)\s+the\s+(?:conversation|discussion|debate)|leave\s+a\s+(?:comment|reply)"
    r"|kommentare?|leserkommentare|diskussion|diskutieren\s+sie\s+mit"  # German
    r"|commentaires?|réactions|réagissez"  # French
    r"|comentarios?|comentários?|commenti|reacties|komentarze?"  # Spanish … Polish
    r"|комментари[йяи]\w*|обсуждение|коментар\w*|yorumlar"  # Russian, Ukrainian, Turkish
    r"|تعليقات|תגובות|コメント|评论|評論|댓글"
    r")\s*(?:[(\[]\s*\d+\s*[)\]]|\d+)?\W*$",
    re.IGNORECASE,
)
# A post's name line: a user's name, or a name and a time ("reader12 · 2 h ago").
_NAME_WORDS = 6
_NAME_LENGTH = 60
# Fewer posts are a reply or two the page quotes, or a box of the article's own.
_MIN_POSTS = 3
# Posts are boxes; a paragraph opening with a name in bold is the article quoting someone.
_POST_TAGS = frozenset({"div", "li", "article", "section"})


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _opens_with_a_name(post: HtmlElement) -> bool:
    """The post's first line with words is a short one of its own, and its words follow."""
    for child in post:
        if not isinstance(child.tag, str) or child.tag in ("img", "picture", "figure"):
            continue
        if (post.text or "").strip():
            return False
        line = _words(child)
        if not line:
            continue
        short = len(line.split()) <= _NAME_WORDS and len(line) <= _NAME_LENGTH
        return short and len(_words(post)) > len(line) + 20
    return False


def _posts(holder: HtmlElement) -> list[HtmlElement]:
    """The largest run of alike boxes in `holder` (its own children or a list's inside it)
    that open with a name line, or none."""
    best: list[HtmlElement] = []
    for parent in holder.iter():
        kinds: defaultdict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _POST_TAGS:
                kinds[(child.tag, child.get("class", ""))].append(child)
        for alike in kinds.values():
            named = [p for p in alike if _opens_with_a_name(p)]
            if len(named) >= _MIN_POSTS and 3 * len(named) >= 2 * len(alike) > len(best):
                best = alike
    return best


# Besides its heading and posts a thread's box says a line or two: "Load more", "Sign in to
# comment", the rules of the house. More is the story the thread sits beside.
_BESIDE_POSTS = 200


def _thread_box(box: HtmlElement, heading: HtmlElement) -> list[HtmlElement]:
    """The posts of `box` when it is a thread's box: posts, its heading and a line or two."""
    if next(box.iter("article", "main", "h1"), None) is not None or box.xpath(
        'descendant-or-self::*[contains(@itemprop, "articleBody")]'
    ):
        return []
    posts = _posts(box)
    beside = len(_words(box)) - sum(len(_words(p)) for p in posts) - len(_words(heading))
    return posts if posts and beside <= _BESIDE_POSTS else []


def comment_threads(body: HtmlElement) -> list[HtmlElement]:
    """What to drop for each thread in `body`: the heading and the box of posts under it (or
    the box holding both)."""
    found: list[HtmlElement] = []
    for heading in body.iter(*HEADING_TAGS):
        if not _THREAD_HEADING.match(_words(heading)):
            continue
        parent = heading.getparent()
        after = heading.getnext()
        if parent is not None and parent is not body and _thread_box(parent, heading):
            found.append(parent)
        elif after is not None and _thread_box(after, heading):
            found.extend((heading, after))
    return found
