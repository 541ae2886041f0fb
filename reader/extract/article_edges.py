"""The lines trimmed from the article's two ends: at its top a heading that repeats the headline
(kicker and all); at its bottom a rule that divides nothing, the site's copyright line, an
editor's credit, the heading of comments left out, a signature's e-mail address, a closing date
line or a portal's link back to its front page; at either a network's credit of its reporter. A
divider set as text ("___", "- - -", "###", "- 30 -") is a rule."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import (
    Block,
    BlockKind,
    Inline,
)
from .info_lines import is_editor_credit
from .picture_alts import without_repeated_alts
from .sentence_ends import ends_sentence
from .title import title_key
from .wire_ledes import closing_credit, lede_credit
from .written_dates import opens_with_date_label, states_only_dates

# A label before the headline in its own heading: arXiv's "<h1><span class="descriptor">Title:
# </span>Tidal resonance…</h1>".
_TITLE_LABEL = re.compile(r"^(?:title|titel|titre|título|titolo|tytuł|название)\s*:\s*", re.I)


# What sets a headline's kicker before its title: Die Zeit's "Bahnstreik: GDL kündigt Streik
# ab Donnerstag an", whose <h1> holds the kicker, a hidden ": " and the title.
# A dash as `title_key` writes every dash: "-", spaced ("Bahnstreik - "), not a word's hyphen.
_KICKER_END = re.compile(r"\S\s*(?:[:|–—]|\s-)\s*$")


def _is_title(heading: str, title: str, at: int) -> bool:
    """`heading` (folded) is the headline `title`, or, opening the body (`at` 0), the
    headline's title without the kicker before it that the cleanup took out of the heading.
    After a heading of the kicker's it is the page's own (Medium's "Open Journalism Project:"
    then "Better Student Journalism")."""
    if heading == title:
        return True
    if at:
        return False
    kicker = title[: -len(heading)] if heading and title.endswith(heading) else ""
    return len(kicker.split()) <= _KICKER_WORDS and _KICKER_END.search(kicker) is not None


_KICKER_WORDS = 6


def _without_title(blocks: tuple[Block, ...], title: str) -> tuple[Block, ...]:
    """Drop the leading headings that repeat the headline (the view shows the headline itself);
    a picture's `alt` repeating the headline or its caption says "Image" alone."""
    blocks = without_repeated_alts(blocks, title)
    key = title_key(title)
    # Each copy: a responsive template writes the headline twice, one for phones and one for
    # desks, and a style sheet shows one.
    repeats = {
        i
        for i, block in enumerate(blocks[:3])
        if block.kind == BlockKind.HEADING
        and _is_title(title_key(_TITLE_LABEL.sub("", block.text)), key, i)
    }
    return tuple(b for i, b in enumerate(blocks) if i not in repeats)


# The site's copyright line: "© 2026 The Dale Advertiser", "Copyright 2026 Harbour Media. All
# rights reserved.", "Copyright Harbour Media Ltd"; not a sentence opening with the word.
_COPYRIGHT = re.compile(r"^\W*(?:(?P<sign>©)|\(c\)|copyright\b)", re.IGNORECASE)


_COPYRIGHT_WORDS = 20


# After "Copyright" or "(c)", what tells the notice from a sentence opening with the word
# ("Copyright holders have until June…", a list's "(c) the council must…"): a year, or a name.
# (The run of signs after the mark inside its group: two adjacent `\W*` round an optional mark
# tried every split of "Copyright ------…x", quadratic: a 200 KB paragraph held a worker for
# minutes, acc29c S3.)
_NOTICE_YEAR = re.compile(r"^\W*(?:(?:©|\(c\))\W*)?(?:19|20)\d\d\b", re.IGNORECASE)


_RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)


# The notice that goes on to what may not be done with the text: Punch's "Copyright PUNCH. All
# rights reserved. This material, and other digital content on this website, may not be
# reproduced … without prior express written permission from PUNCH."
_RESERVED_NOTICE_WORDS = 60


_NOTICE_LENGTH = 1000
"""Characters of a notice at most: its words are few, but a run of signs is one word."""


def _is_copyright_line(block: Block) -> bool:
    if (
        block.kind != BlockKind.PARAGRAPH
        or len(block.text) > _NOTICE_LENGTH
        or len(block.text.split()) > _RESERVED_NOTICE_WORDS
    ):
        return False
    if _COPYRIGHT.match(block.text) and _RIGHTS_RESERVED.search(block.text):
        return True
    if len(block.text.split()) > _COPYRIGHT_WORDS:
        return False
    if _RIGHTS_RESERVED.search(block.text):
        return True  # "Harbour Media 2026. All rights reserved."
    mark = _COPYRIGHT.match(block.text)
    if mark is None:
        return False
    rest = block.text[mark.end() :]
    if mark["sign"] or _NOTICE_YEAR.match(rest):
        return True
    return not any(word[:1].islower() for word in _RIGHTS_RESERVED.sub("", rest).split())


# A reporter's e-mail address alone after the story ("kms@yna.co.kr", Korean wires' signature
# line), or the newsroom's under a label (Punch's "Contact: theeditor@punchng.com"): how to
# write to them, not a line of the story. An address in a sentence ("Write to
# tips@example.com") stays.
_ADDRESSES = re.compile(
    r"(?:(?:contact|e-?mail|mail)\s*:\s*)?"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,/;·]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*",
    re.IGNORECASE,
)


_ADDRESSES_LENGTH = 200


def _is_signature_address(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind == BlockKind.PARAGRAPH
        and len(text) <= _ADDRESSES_LENGTH
        and _ADDRESSES.fullmatch(text) is not None
    )


def _without_closing_address(block: Block) -> Block | None:
    """`block` without the reporter's address on its last line, or None when it ends with
    none: Naver's story is one box of text parted by `<br><br>`, one paragraph here, whose last
    line is the wire's signature ("…조정하지 않는다.<br><br>sky@yna.co.kr"); the same line alone
    as a paragraph goes (`_is_signature_address`). Kept when the line before it ends no
    sentence: a contact's name or "Contact:" over their address is how to reach them."""
    if block.kind != BlockKind.PARAGRAPH:
        return None
    runs = block.inlines
    # The last `<br>`: a run of line breaks alone (runs of words hold no "\n": they are
    # collapsed as they are read).
    breaks = [i for i, run in enumerate(runs) if "\n" in run.text and not run.text.strip()]
    if not breaks:
        return None
    at = breaks[-1]
    before = "".join(run.text for run in runs[:at]).rstrip()
    line = Block(BlockKind.PARAGRAPH, runs[at + 1 :])
    # After a sentence's end the story's last line is done, and an address after it stands
    # alone, not the value a line such as "Contact:" or "Write to" leads to.
    if not ends_sentence(before) or not _is_signature_address(line):
        return None
    kept = list(runs[:at])
    while kept and not kept[-1].text.strip():
        kept.pop()
    kept[-1] = replace(kept[-1], text=kept[-1].text.rstrip())
    return replace(block, inlines=tuple(kept))


# The heading of a comment section whose comments the cleanup (or the page's scripts) left
# out: Substack's "Discussion about this post", "Comments", "12 comments", "Leave a reply".
_COMMENTS_HEADING = re.compile(
    r"(?:discussion about this (?:post|article)|\d* ?comments?|leave a (?:comment|reply)"
    r"|join the (?:discussion|conversation))",
    re.IGNORECASE,
)


def _is_comments_heading(block: Block) -> bool:
    """The article's last line heads the comments that were after it."""
    return block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and bool(
        _COMMENTS_HEADING.fullmatch(block.text.strip(" :"))
    )


# The story's date under a label closing it, as The Hindu prints it ("Published - December 02,
# 2026 08:15 pm IST"), given in the header already; or the portal's link back to its front
# page (Sohu's "返回搜狐，查看更多", "back to Sohu, see more").
_BACK_TO_THE_SITE = re.compile(r"返回\S{1,8}?[，,\s]*查看更多")


def _is_closing_furniture(block: Block) -> bool:
    if block.kind != BlockKind.PARAGRAPH:
        return False
    text = " ".join(block.text.split())
    if _BACK_TO_THE_SITE.fullmatch(text):
        return True
    return opens_with_date_label(text) and states_only_dates(text)


# A paragraph that is only a typographic divider or a release's end mark, set as text: AP's
# "___" before its credits, a release's "- - -", "* * *", and its "###" or "- 30 -" after the
# text. A rule, as the page means it: no words to find, quote or select as a sentence.
_DIVIDER = re.compile(
    r"^(?:_{3,}|(?:[-–—]\s*){3,}|(?:\*\s*){3,}|(?:•\s*){3,}|#{3,}|⁂|[-–—]\s*30\s*[-–—])$"
)


def _as_rule(block: Block) -> Block:
    if block.kind == BlockKind.PARAGRAPH and _DIVIDER.match(block.text.strip()):
        return Block(BlockKind.RULE, (Inline("---"),))
    return block


# How far into the text a reporter's credit over the lede is looked for: a picture, its
# caption or a standfirst may come first.
_CREDIT_AHEAD = 4


def _without_lede_credit(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """`blocks` without a line crediting the reporter over the lede (Tribun's "Laporan Reporter
    Tribunjogja.com, Andi Saputra", `wire_ledes.lede_credit`): the citation's author, no text."""
    return tuple(b for i, b in enumerate(blocks) if i >= _CREDIT_AHEAD or not lede_credit(b))


def _without_edge_rules(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """No horizontal rule before the text's first line or after its last: it divided the
    article from what the cleanup took away (a footer, comments), and divides nothing now; nor
    the heading of those comments. Nor the site's copyright line after the last: a footer the
    page's layout (a table's last row) left in the article's box; nor a Chinese portal's
    editor's credit ("责任编辑：王芳"), its publishing system's field; nor the reporter's e-mail
    address alone, a wire's signature line, a paragraph of its own or the last paragraph's
    last line (`_without_closing_address`); nor the date under a label or the portal's link
    back to its front page (`_is_closing_furniture`); nor a network's credit of its reporter,
    over the lede or under the story (`wire_ledes`: Tribun's "(Tribunjogja.com/Andi Saputra)")."""
    blocks = _without_lede_credit(tuple(map(_as_rule, blocks)))
    start, end = 0, len(blocks)
    while start < end and blocks[start].kind == BlockKind.RULE:
        start += 1
    last: Block | None = None
    while end > start:
        if (
            blocks[end - 1].kind == BlockKind.RULE
            or _is_copyright_line(blocks[end - 1])
            or is_editor_credit(blocks[end - 1])
            or _is_comments_heading(blocks[end - 1])
            or _is_signature_address(blocks[end - 1])
            or _is_closing_furniture(blocks[end - 1])
            or closing_credit(blocks[end - 1])
        ):
            end -= 1
            continue
        # The address may close the last paragraph itself, after a `<br>`.
        last = _without_closing_address(blocks[end - 1])
        break
    if last is not None:
        return (*blocks[start : end - 1], last)
    return blocks[start:end]
