"""The contents of an exported Markdown file (`reader export --format markdown`), as the HTML page
and the book have theirs (acc50e A8): each feed, its articles' titles linking to their headings.

A Markdown file has no ids of its own: a viewer gives each heading one made of its words, as
GitHub does it (and GitLab, pandoc's `gfm`, VS Code's preview): the heading's text lowercased,
spaces made hyphens, punctuation dropped, and a heading's id already given followed by "-1",
"-2"… in the file's order. The contents are written first, before the articles whose headings
they name: the articles are written aside first (`SpooledTemporaryFile`, a year's on disk),
their headings' ids counted as they go, then the contents and they are copied after.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from tempfile import SpooledTemporaryFile
from typing import Any, BinaryIO

from .commonmark import escape_inline

_DROPPED = re.compile(r"[^\w\- ]")
"""What a heading's id leaves out of its text: all but letters, digits, "_", "-" and spaces."""
_ASIDE = 8 << 20
"""How much of the articles is held in memory before the rest is written to a file aside."""


def heading_id(text: str) -> str:
    """The id a viewer gives a heading of `text`, as GitHub makes it, before it is made unique."""
    return _DROPPED.sub("", text.strip().lower()).replace(" ", "-")


class HeadingIds:
    """The ids a file's headings are given, in its order: each unique (`heading_id`, then
    "-1", "-2"… for one given already)."""

    def __init__(self) -> None:
        self._given: set[str] = set()

    def give(self, text: str) -> str:
        made = heading_id(text)
        own, count = made, 0
        while own in self._given:
            count += 1
            own = f"{made}-{count}"
        self._given.add(own)
        return own

    def of(self, markdown: str) -> list[str]:
        """The ids of the headings of `markdown` (the next part of the file), in its order."""
        blocks, words = _parsers()
        tokens = blocks.parse(markdown)
        return [
            self.give(_words(words.parseInline(tokens[at + 1].content)))
            for at, token in enumerate(tokens[:-1])
            if token.type == "heading_open"
        ]


def _words(tokens: list[Any]) -> str:
    """The words of a heading as a viewer shows them: its text and code, without the marks."""
    return "".join(
        child.content
        for token in tokens
        for child in token.children or ()
        if child.type in ("text", "code_inline", "html_inline")
    )


_made: list[Any] = []


def _parsers() -> tuple[Any, Any]:
    """CommonMark's block rules alone, for the headings (every article of a year's file is
    parsed once more for them), and its inline rules, for a heading's words."""
    if not _made:
        from markdown_it import MarkdownIt  # loaded for an export only

        for inline in (False, True):
            made = MarkdownIt("commonmark", {"html": False})
            made.enable(["table", "strikethrough"])
            if not inline:
                made.core.ruler.disable(["inline"])
            _made.append(made)
    return _made[0], _made[1]


def contents(
    title: str, feeds: Iterable[tuple[str, list[tuple[str, str]]]], about: str = ""
) -> str:
    """The opening of the file: its `title` as a heading, what it holds (`about`), then each
    feed (its name), its articles' (title, heading id) linked."""
    lines = [f"# {escape_inline(title)}", ""]
    if about:
        lines += [escape_inline(about), ""]
    for feed, articles in feeds:
        lines.append(f"- {escape_inline(feed)}")
        lines += [f"  - [{escape_inline(name)}](#{target})" for name, target in articles]
    return "\n".join(lines) + "\n\n---\n\n"


def aside() -> Any:
    """Where the articles are written before the contents that name them."""
    return SpooledTemporaryFile(max_size=_ASIDE)


def copy_after(head: str, body: Any, into: BinaryIO) -> None:
    """`head`, then what was written `aside`, into `into`."""
    into.write(head.encode())
    body.seek(0)
    shutil.copyfileobj(body, into)
