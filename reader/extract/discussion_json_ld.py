"""A thread the page declares in JSON-LD: a `DiscussionForumPosting` with its `comment`s, or a
`QAPage`'s `Question` with its answers, as search engines ask forums and Q&A sites to declare
them. Read when the page's markup is of no make `discussion_sites` knows: a forum whose posts
a script draws still declares their words here.

The declared words are text (an answer's may be HTML, read as a fragment of the page); a
paragraph is a run of lines between blank ones.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import clean_markup
from ..page_parsing import HTML_PARSER
from ..safe import safe_line
from .discussions import Post, Thread, paragraphs, when
from .json_ld import types_of
from .page_cleanup import prepare

# Most replies read from a declaration: it is one script's JSON, and a page may declare any
# number, nested any depth.
_MOST_POSTS = 5_000
_DEEPEST = 50
_MARKUP = re.compile(r"</?(?:p|br|div|a|code|pre|ul|ol|li|blockquote|em|strong|b|i)\b", re.I)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _name(value: Any) -> str:
    """An author's name: a string, a Person's `name`, or the first of a list's."""
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    return safe_line(_text(value))


def _words(text: str) -> HtmlElement | None:
    """Declared words as a box of paragraphs: HTML read as a fragment, plain text by its blank
    lines, each line kept (a line break inside a paragraph)."""
    if not text:
        return None
    if _MARKUP.search(text):
        try:
            box = lxml.html.fragment_fromstring(
                clean_markup(text), create_parent="div", parser=HTML_PARSER
            )
        except (lxml.etree.ParserError, ValueError):
            pass
        else:
            prepare(box)  # what a page's reader never sees (scripts, hidden text) is no word
            return box
    return paragraphs(text)


def _listed(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


def _replies(item: dict[str, Any], depth: int, posts: list[Post]) -> None:
    """`item`'s comments, and theirs nested one deeper, into `posts` in the declared order."""
    for comment in _listed(item.get("comment")):
        if len(posts) >= _MOST_POSTS:
            return
        words = _words(_text(comment.get("text")))
        if words is not None:
            published = when(_text(comment.get("datePublished")) or None)
            posts.append(Post(_name(comment.get("author")), words, depth, published))
        if depth < _DEEPEST:
            _replies(comment, depth + 1, posts)


def _answers(question: dict[str, Any]) -> list[Post]:
    posts: list[Post] = []
    accepted = _listed(question.get("acceptedAnswer"))
    for answer in [*accepted, *_listed(question.get("suggestedAnswer"))][:_MOST_POSTS]:
        words = _words(_text(answer.get("text")))
        if words is None:
            continue
        published = when(_text(answer.get("dateCreated") or answer.get("datePublished")) or None)
        note = "accepted" if any(answer is a for a in accepted) else ""
        posts.append(Post(_name(answer.get("author")), words, 0, published, "Answer by", note))
    return posts


def declared_thread(objects: list[dict[str, Any]]) -> Thread | None:
    """The thread the page's JSON-LD `objects` declare, or None."""
    for item in objects:
        types = types_of(item)
        if "QAPage" in types:
            question = next(iter(_listed(item.get("mainEntity"))), None)
            if question is None:
                continue
            item, posts, heading = question, _answers(question), "Answers"
        elif "DiscussionForumPosting" in types:
            posts, heading = [], "Comments"
            _replies(item, 0, posts)
            if not posts:
                continue  # the post alone: the page shows it as well as this says it
        else:
            continue
        words = _words(_text(item.get("text")) or _text(item.get("articleBody")))
        if words is None and not posts:
            continue
        published = _text(item.get("datePublished")) or _text(item.get("dateCreated"))
        return Thread(
            title=safe_line(_text(item.get("headline")) or _text(item.get("name"))),
            author=_name(item.get("author")),
            published=when(published or None),
            opening=[words] if words is not None else [],
            posts=posts,
            replies_heading=heading,
        )
    return None
