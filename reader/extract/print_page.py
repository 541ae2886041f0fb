"""A page's print version, and the like: its controls, its masthead picture, its byline block.

A print page ("/print/", "Print this article", what people save to read offline) is the
article without the site's furniture, but with furniture of its own: a row of controls for the
browser ("Print this page | Close window", links to scripts), the paper's logo as a picture
above the headline, and the byline and date set as one paragraph under it ("<b>By Jack
Tonkin</b><br>Published: 09:30, 1 December 2026"), which the header's lines
(`header_lines`) read only when each is a paragraph of its own. Other pages share each shape.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..models import Block, BlockKind, Inline
from .byline_names import line_byline
from .picture_alts import says_nothing
from .written_dates import opens_with_date_label, states_only_dates

# One control of a print page: "Print", "Print this page", "Close window", "Back to article".
_CONTROL = (
    r"(?:print(?: this)?(?: page| article| story| version)?|close(?: this)?(?: window| page)?"
    r"|back to (?:the )?(?:article|story|page)|return to (?:the )?(?:article|story))"
)
# (A gap read one way: with the separator optional, the space between two controls went to
# either `\s*`, 2ⁿ ways tried on "print print … print a", a 241-character line for days, S10.)
_PRINT_CONTROLS = re.compile(
    rf"^\W*{_CONTROL}(?:(?:\s*[|·•/,]\s*|\s+){_CONTROL})*\W*$", re.IGNORECASE
)


def is_print_controls(text: str) -> bool:
    """`text` is a row of a print page's controls and nothing else: "Print this page | Close
    window". Not a sentence that opens with one ("Print editions will close on Friday")."""
    return bool(_PRINT_CONTROLS.match(text))


# How far down the body a byline block or a masthead is looked for (the headline, a picture).
_LOOK_AHEAD = 4
# A byline block's lines: the name, the date, maybe an update.
_HEADER_LINES = 3
_LOGO_FILE = re.compile(r"(?:^|[^a-z])(?:logo|masthead)(?:$|[^a-z])", re.IGNORECASE)


def _lines(block: Block) -> list[tuple[Inline, ...]]:
    """A paragraph's lines: its inlines split at its line breaks."""
    # Lists grown in place: a tuple made again at each inline cost a paragraph of n runs n²/2
    # copies (a 450 KB paragraph of 50,000 bold words near the top: past the 30 s limit, B1).
    lines: list[list[Inline]] = [[]]
    for inline in block.inlines:
        if inline.text == "\n":
            lines.append([])
        else:
            lines[-1].append(inline)
    return [tuple(line) for line in lines if "".join(i.text for i in line).strip()]


def _is_header_line(text: str) -> bool:
    return bool(line_byline(text) or opens_with_date_label(text) or states_only_dates(text))


def byline_lines_apart(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A paragraph near the top whose lines are a byline and a date ("By Jack Tonkin" / "Published:
    09:30, 1 December 2026") as one paragraph a line, as `header_lines` reads them: the author
    and the date, and the lines left out as any that repeat the header. A paragraph with any
    other line (an address, a verse) is left as it is."""
    for i, block in enumerate(blocks[:_LOOK_AHEAD]):
        if block.kind != BlockKind.PARAGRAPH:
            continue
        lines = _lines(block)
        texts = [" ".join("".join(i.text for i in line).split()) for line in lines]
        if not 2 <= len(lines) <= _HEADER_LINES or not all(map(_is_header_line, texts)):
            continue
        if not any(map(line_byline, texts)) or all(map(line_byline, texts)):
            continue  # a name and a date: two names are a byline the header reads already
        apart = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines)
        return (*blocks[:i], *apart, *blocks[i + 1 :])
    return blocks


def without_masthead(blocks: tuple[Block, ...], site_name: str) -> tuple[Block, ...]:
    """The body without the site's logo above its text: a picture, before any paragraph, whose
    `alt` is the site's name, or whose file is named a logo and whose `alt` says nothing ("The
    Cornishman", ".../cornishman-print-logo.gif"). A photo with its own words stays."""
    site = " ".join(site_name.split()).casefold()
    for i, block in enumerate(blocks[:_LOOK_AHEAD]):
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE):
            break
        if block.kind != BlockKind.IMAGE or not block.inlines:
            continue
        alt = " ".join(block.text.split())
        try:
            path = urlsplit(block.inlines[0].href or "").path
        except ValueError:
            continue
        named_so = bool(site) and alt.casefold() == site
        if named_so or (_LOGO_FILE.search(path) and says_nothing(alt)):
            return (*blocks[:i], *blocks[i + 1 :])
    return blocks
