"""A page written in Markdown (a `.md` link, text/markdown, a README or a post's source served
raw) read as the document its writer meant: headings, lists, quotes, code and links, not the
`#`, `**` and `[…](…)` it is typed with.

Which text is Markdown: its address says so, or its own marks do (a heading
line "## …" together with a link "[…](…)", emphasis or a code fence); a plain text page with
none of those is read by its shape (`plain_text`). The Markdown is rendered to HTML with raw
HTML off (a page's `<script>` in Markdown stays the text it is) and read as a feed's HTML is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_MARKS = re.compile(
    r"\[[^\]\n]+\]\([^)\s]+\)"  # a link
    r"|(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)"  # strong emphasis
    r"|^(?:```|~~~)",  # a code fence
    re.MULTILINE,
)


def is_markdown(text: str, url: str = "") -> bool:
    """Whether a page of text is Markdown: by its address, or its marks. (A text/markdown page
    with none of either reads the same as plain text.)"""
    if urlsplit(url).path.lower().endswith(_SUFFIXES):
        return True
    head = text[:65536]
    return bool(_HEADING.search(head) and _MARKS.search(head))


@cache
def _renderer() -> MarkdownIt:
    # Imported when a Markdown page is met: not at every command's start.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


def markdown_html(text: str) -> str:
    """The HTML the Markdown `text` stands for; raw HTML in it comes out as text."""
    return _renderer().render(text)
