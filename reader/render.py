"""Blocks → Markdown (links kept) or plain text, for `reader show`/`extract` and for export.

Every text of an article that leaves the reader is written here: `reader show` (its JSON's too),
a user command's `{file}` and input, a passage `y` quotes or copies, a highlight's quotation.
None carries the reading view's own status marks (a picture's "✓ kept": `o` there opens the
copy kept, a meaning no editor, mail or pipe has); the view draws those itself
(`ui/widgets/article/block_paragraphs`), and `reader show --format json` says which pictures
are kept in its `pictures`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .cells import terminal_cells
from .citation import header_lines, markdown_header, with_cited_links
from .commonmark import (
    code_block,
    escape_line_starts,
    escape_markdown,
    heading_text,
    link_destination,
)
from .discussion_links import discussion_lines
from .enclosures import enclosure_lines
from .inline_markdown import runs_markdown
from .item_categories import category_lines
from .line_breaks import folded
from .link_numbers import links_list, numbered_links
from .markdown_lists import ListLayout
from .models import Article, Block, BlockKind, Enclosure, Inline, picture_label
from .tables import group_blocks, is_figure, row_spans, table_shape
from .text_shape import one_line
from .url_display import shown_url
from .urls import contact_address

# A line break inside a block; a blank line (two breaks) already separates without one.
_MD_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
# A "|" with no backslash of its own before it (an even number of backslashes, escaping
# each other).
_CELL_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def _runs_md(inlines: tuple[Inline, ...]) -> str:
    """The runs as Markdown, a run of runs under one address one link: "A. Berrow,
    *Working Lives on the Canals* (2004)" linked whole is one link with its title in italics,
    not three links side by side."""
    return runs_markdown(inlines, _link_md)


def _link_md(inlines: tuple[Inline, ...], href: str) -> str:
    return f"[{runs_markdown(inlines, _link_md, '[', ']')}]({link_destination(shown_url(href))})"


def _delimit(text: str, marker: str) -> str:
    """`text` between markers, its outer spaces outside them, as Markdown would have them."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core) :]}"


def _quoted(text: str, level: int) -> str:
    """Each line of a quotation's paragraph behind a ">" per level of quoting."""
    marker = "> " * max(1, level)
    # A blank line of the quote is its marker alone: no trailing space to paste into notes.
    return "\n".join(marker + line if line else marker.rstrip() for line in text.split("\n"))


def _indent(level: int) -> str:
    return "   " * (level - 1)


def _body_md(inlines: tuple[Inline, ...]) -> str:
    """A block's runs as Markdown lines: a line break ends a line with two spaces; a blank line
    (the page's "<br><br>") starts a new paragraph."""
    return _MD_LINE_BREAK.sub("  \n", escape_line_starts(_runs_md(inlines)))


def _hanging(lead: str, text: str) -> str:
    """`text` after a list item's marker, its later lines under its first line's text."""
    lines = text.split("\n")
    under = " " * len(lead.lstrip("\n"))
    return "\n".join([lead + lines[0], *(under + x if x else x for x in lines[1:])])


def block_to_markdown(block: Block, lists: ListLayout | None = None) -> str:
    """One block as Markdown; `lists` follows the lists written so far (none: a list item is
    the first of its list)."""
    lists = lists or ListLayout()
    if block.kind != BlockKind.LIST_ITEM:
        indent = lists.inside(block.level if block.kind == BlockKind.PARAGRAPH else 1)
        if indent:
            # A list item's second paragraph: under the item's text, so it stays in the item.
            body = block_to_markdown(block)
            return "\n".join(indent + x if x else x for x in body.split("\n"))
    body = _body_md(block.inlines)
    match block.kind:
        case BlockKind.HEADING:
            # A heading is one line in Markdown: the next would be a paragraph under it.
            one_line = tuple(
                Inline(" ") if i.text == "\n" else replace(i, text=i.text.replace("\n", " "))
                for i in block.inlines
            )
            return f"{'#' * block.level} {heading_text(_body_md(one_line))}"
        case BlockKind.QUOTE:
            return _quoted(body, block.level)
        case BlockKind.LIST_ITEM:
            # Lines after the first under the item's text, so its second paragraph stays in it.
            return _hanging(lists.item(block), body)
        case BlockKind.PREFORMATTED:
            return code_block(block.text)
        case BlockKind.CAPTION:
            return _body_md(tuple(replace(i, emphasis=True) for i in block.inlines))
        case BlockKind.RULE:
            return "---"
        case BlockKind.IMAGE:
            href = next((i.href for i in block.inlines if i.href), "")
            if not href:
                return body
            return f"![{escape_markdown(block.text)}]({link_destination(shown_url(href))})"
    return body


def table_to_markdown(rows: tuple[Block, ...], lists: ListLayout | None = None) -> str:
    """A GitHub-flavoured Markdown table. Its first row is the heading row when it is one, else
    the heading row is left empty (GFM has no table without one); figures are set right."""
    shape = table_shape(rows)
    indent = (lists or ListLayout()).inside(rows[0].level)

    def line(cells: list[str]) -> str:
        cells += [""] * (shape.columns - len(cells))
        return f"{indent}| {' | '.join(cells)} |"

    def md(cell: tuple[Inline, ...], strong: bool = True) -> str:
        # A line break in a cell is a space there (a cell is one line), not a code span of one.
        runs = tuple(
            replace(i, strong=i.strong and strong, code=i.code and bool(i.text.strip()))
            for i in cell
        )
        # Every "|" of the cell's text, in code and addresses too, or the row splits there.
        return _CELL_PIPE.sub(r"\1\\|", one_line(_runs_md(runs)))

    head, body = (rows[0], rows[1:]) if rows[0].header else (None, rows)
    # The heading row is bold in every renderer already: "**Votes**" there would be noise.
    out = [line([md(c, strong=False) for c in head.cells] if head else [])]
    out.append(line(["---:" if n else "---" for n in shape.numeric]))
    out += [line([md(c) for c in row.cells]) for row in body]
    return "\n".join(out)


def _join(
    blocks: tuple[Block, ...],
    block_text: Callable[[Block], str],
    table_text: Callable[[tuple[Block, ...]], str],
    lists_apart: bool = True,
    quote_marks: bool = True,
    fit: Callable[[str], str] | None = None,
) -> str:
    """The blocks rendered one group at a time: list items one to a line, a table as one piece,
    every other block a paragraph of its own. With `lists_apart`, a blank line sets a list
    apart from the list right before it (Markdown's `ListLayout` writes its own). Without
    `quote_marks`, a quotation's paragraphs and items are written without its ">". `fit`: what
    each group's lines are made, but a preformatted block's, whose lines are the page's."""
    out: list[str] = []
    previous: Block | None = None
    for group in group_blocks(blocks):
        first = group[0]
        if out:
            tight = (
                previous is not None
                and previous.kind == first.kind == BlockKind.LIST_ITEM
                and not (lists_apart and first.opens_list(previous))
                # A quoted list's items are one list only in one quote.
                and first.in_one_quote(previous)
            )
            if not tight and quote_marks and first.quoted_with(previous) and previous is not None:
                # A quotation's next paragraph, its list, or the quote nested in it: one quote
                # with a blank line inside it, not two.
                depth = min(first.quote_depth, previous.quote_depth)
                out.append("\n" + ("> " * depth).rstrip() + "\n")
            else:
                out.append("\n" if tight else "\n\n")
        if first.kind == BlockKind.TABLE_ROW:
            text = table_text(group)
        elif first.quoted and quote_marks:
            # A quotation's list item: the item as a list writes it, behind the quote's marks.
            text = _quoted(block_text(first), first.quoted)
        else:
            text = block_text(first)
        out.append(fit(text) if fit and first.kind != BlockKind.PREFORMATTED else text)
        previous = group[-1]
    return "".join(out)


def to_markdown(
    article: Article,
    header: bool = True,
    style: str = "block",
    enclosures: tuple[Enclosure, ...] = (),
    comments: str = "",
    notes: tuple[str, ...] = (),
    copied: bool = False,
    below: int = 0,
    categories: tuple[str, ...] = (),
    away: bool = False,
) -> str:
    """The article in Markdown, under its citation (`header`), and the files its item carries
    for a player (`enclosures`: a podcast's audio) a line each below it, then its discussion
    page (`comments`), its feed's `categories`, then its item's `notes` (`claimed_note`). Its links within the page (a
    note's "#fn1") name the address its citation gives. `copied`: its notes a reader of the
    file needs, not how to run the tool (`version_note`); `below`: its headings, the title's
    too, that many levels down (an earlier copy under its heading in an export, acc47e E8);
    `away`: read away from the reader (`citation.copy_notes`)."""
    article = with_cited_links(article)
    if below:
        article = replace(article, blocks=[_lowered(block, below) for block in article.blocks])
    parts = []
    if header:
        head = markdown_header(article, style, copied, level=1 + below, away=away)
        below = enclosure_lines(enclosures, markdown=True) + discussion_lines(comments, True)
        below += [escape_markdown(line) for line in category_lines(categories)]
        below += [f"Note: {escape_markdown(note)}" for note in notes]
        if below:  # under the citation, before the blank line that ends it
            head = head[:-1] + "".join(f"{line}  \n" for line in below) + "\n"
        parts.append(head)
    lists = ListLayout()
    written: list[Block] = []

    def block_md(block: Block) -> str:
        previous = written[-1] if written else None
        if (
            previous is not None
            and block.kind == previous.kind == BlockKind.LIST_ITEM
            and not block.in_one_quote(previous)
        ):
            # A list in another quotation (or out of one) is a list of its own: its marker
            # starts one in its own quote, not one that "changes" from the list before.
            lists.inside(1)
        written.append(block)
        return block_to_markdown(block, lists)

    parts.append(
        _join(
            article.blocks,
            block_md,
            lambda rows: table_to_markdown(rows, lists),
            lists_apart=False,
        )
    )
    return "".join(parts).rstrip() + "\n"


def _plain(inlines: tuple[Inline, ...]) -> str:
    """The runs' text; struck-through text, which the page says no longer holds, marked as
    Markdown marks it. A link to write or call to shows its address after its words, as a
    picture's does (`_with_contacts`): "Write to the editor <mailto:editor@example.org>"."""
    return "".join(_delimit(i.text, "~~") if i.struck else i.text for i in _with_contacts(inlines))


def _with_contacts(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The runs, each e-mail or telephone link's address written after its last run, unless its
    words say it already ("editor@example.org" linked to itself). Plain text keeps no link's
    address; a web page's is the page's to find again, but "the editor" alone names no one to
    write to."""
    out: list[Inline] = []
    for n, run in enumerate(inlines):
        out.append(run)
        href = run.href or ""
        address = contact_address(href)
        if not address or (n + 1 < len(inlines) and inlines[n + 1].href == href):
            continue
        start = n
        while start and inlines[start - 1].href == href:
            start -= 1
        words = "".join(i.text for i in inlines[start : n + 1])
        if "".join(address.split()).casefold() in "".join(words.split()).casefold():
            continue
        text = run.text.rstrip()
        out[-1] = replace(run, text=text)
        out.append(Inline(f" <{href}>{run.text[len(text) :]}"))
    return tuple(out)


def block_to_text(block: Block, marks: bool = True, rule: int = 78) -> str:
    """One block as plain text ("Image: The quay <https://…>"). Without `marks`, a
    quotation without its ">" and a heading without its underline: the words alone, as a
    passage is pasted into a CMS or a draft. A heading's underline is `rule` cells at most."""
    text = _plain(block.inlines) if block.inlines else block.text
    match block.kind:
        case BlockKind.QUOTE if marks:
            return _quoted(text, block.level)
        case BlockKind.LIST_ITEM:
            lead = f"{_indent(block.level)}{f'{block.number}.' if block.ordinal else '•'} "
            return _hanging(lead, text)
        case BlockKind.RULE:
            return "* * *"
        case BlockKind.MEDIA | BlockKind.IMAGE:
            # The address is what there is to keep of a recording or a picture in plain text.
            href = next((i.href for i in block.inlines if i.href), "")
            if block.kind == BlockKind.IMAGE:
                text = picture_label(text)
            return f"{text} <{shown_url(href)}>" if href else text
        case BlockKind.HEADING if marks:
            # Underlined as the title is, so a heading reads as one without markup.
            return f"{text}\n{'-' * min(terminal_cells(text), rule)}"
        case BlockKind.PARAGRAPH if block.indent:
            # A definition under its term, a displayed formula. (Markdown has no indented
            # paragraph: four spaces would make it code.)
            return "\n".join(_indent(block.indent + 1) + line for line in text.split("\n"))
    return text


def table_to_text(rows: tuple[Block, ...]) -> str:
    """Each row a record of "heading: value" lines, a blank line between two, as the reading
    view stacks a table too wide for its column: decided so (acc42a A12) because plain text is
    what a screen reader speaks and a terminal wraps. Spoken, an aligned grid is its values
    one after another with nothing to say which column one is in, and its "│" bars are read
    out; a record says each value's heading with it ("Change: -5%"), and its short lines wrap
    at any width where a grid's wrapped rows lose their columns. A cell across columns is led
    by their headings when it is a figure ("2023 / 2024: 30"), by none when it is words (a note
    across the row); a row none of whose cells has a heading (a table with no heading row, a
    scoreboard's) is one line, its cells apart by "; "."""
    shape = table_shape(rows)
    indent = _indent(rows[0].level)
    records = []
    for n, row in enumerate(rows):
        if n == 0 and row.header and len(rows) > 1:
            continue  # its cells are every record's headings
        cells = [one_line(_plain(c)).strip() for c in row.cells]
        spans = row_spans(row, shape.columns)
        named: list[tuple[str, str]] = []
        for c, value in enumerate(cells[: shape.columns]):
            if not spans[c] or not value:
                continue
            heading = shape.headings[c]
            if spans[c] > 1:
                across = [h for h in shape.headings[c : c + spans[c]] if h]
                heading = " / ".join(across) if is_figure(value) else ""
            named.append(("" if row.header else heading, value))
        if not named:
            continue
        if any(heading for heading, _ in named):
            lines = [f"{heading}: {value}" if heading else value for heading, value in named]
        else:
            lines = ["; ".join(value for _, value in named)]
        records.append("\n".join(indent + line for line in lines))
    return "\n\n".join(records)


def _lowered(block: Block, levels: int) -> Block:
    """`block`, a heading `levels` down (Markdown has six); any other as it is."""
    if block.kind != BlockKind.HEADING:
        return block
    return replace(block, level=min(block.level + levels, 6))


def to_text(
    article: Article,
    header: bool = True,
    style: str = "block",
    enclosures: tuple[Enclosure, ...] = (),
    marks: bool = True,
    comments: str = "",
    links: bool = False,
    notes: tuple[str, ...] = (),
    width: int | None = None,
    copied: bool = False,
    categories: tuple[str, ...] = (),
    away: bool = False,
) -> str:
    """The article as plain text, under its citation (`header`), and the files its item
    carries for a player (`enclosures`) a line each below it, then its discussion page
    (`comments`) and its feed's `categories`. `reader show` marks a quotation
    with ">" and underlines a heading, as a plain-text e-mail does, so that the page's voices
    and sections are told apart in a terminal or a text file; without `marks` (a passage `y`
    copies to paste into a CMS, which sets quotes and headings its own way) the words alone.
    With `links` (`reader show`, `export --format text`), each link to another page numbered
    after its words and the addresses listed after the text (`link_numbers`). `width`: its
    lines broken at words to that many cells (a terminal's: `line_breaks.folded`; the
    terminal broke them mid-word), but a preformatted block's; an address stays whole.
    `copied`: its notes a reader of the file needs, not how to run the tool (`version_note`);
    `away`: read away from the reader (`citation.copy_notes`)."""

    def fit(text: str) -> str:
        return text if width is None else folded(text, width)

    addresses: tuple[str, ...] = ()
    if links:
        article, addresses = numbered_links(article)
    parts = []
    if header:
        title = article.title or article.url  # neither: a file of text read without --url
        if title:
            title = fit(title)
            rule = min(max(map(terminal_cells, title.split("\n"))), 78)
            parts.append(f"{title}\n{'=' * rule}\n")
        lines = header_lines(article, style=style, copied=copied, away=away)
        lines += enclosure_lines(enclosures)
        lines += discussion_lines(comments) + category_lines(categories)
        lines += [f"Note: {note}" for note in notes]
        parts.append(fit("\n".join(lines)) + "\n\n" if lines else "\n")
    blocks = article.blocks
    if article.section_front and not links:  # numbered, a teaser's address is listed
        blocks = tuple(_with_story_address(b) for b in blocks)
    parts.append(
        _join(
            blocks,
            lambda block: block_to_text(block, marks, min(width or 78, 78)),
            table_to_text,
            quote_marks=marks,
            fit=fit if width is not None else None,
        )
    )
    if listed := links_list(addresses):
        parts.append(f"\n\n{fit(listed)}")
    return "".join(parts).rstrip() + "\n"


def _with_story_address(block: Block) -> Block:
    """A section front's teaser with its story's address after its headline: in plain text,
    which keeps no link's, it is what the teaser is there to give."""
    href = next((i.href for i in block.inlines if i.href), "")
    if block.kind != BlockKind.LIST_ITEM or not href:
        return block
    end = max(n for n, i in enumerate(block.inlines) if i.href == href) + 1
    address = Inline(f" <{shown_url(href)}>")
    return replace(block, inlines=(*block.inlines[:end], address, *block.inlines[end:]))


def article_of(number: int, count: int) -> str:
    """The line over each of several articles in one plain text (`reader show ID ID`,
    `reader export --format text`), a blank line before the next: a screen reader says where
    one starts and how many there are, where the rule of 40 "─" between two was read out as
    that many "box drawings light horizontal" (acc42a A12)."""
    return f"Article {number} of {count}"
