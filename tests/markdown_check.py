"""What a CommonMark parser reads in our Markdown, compared block by block with the blocks it was
written from: the same kinds of blocks (heading and its level, paragraph, list item and its
depth and number, quotation and its depth, code, table, rule, picture), the same words once the
parser has undone our escapes, and the same link targets.

A journalist pastes `reader show --format markdown` into notes and a CMS: what the parser reads
there is what the article says. Used by the tests and by a script run over a corpus of pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.models import Article, Block, BlockKind, Inline
from reader.render import to_markdown
from reader.tables import group_blocks

# CommonMark with GitHub's tables and strikethrough, both of which our Markdown writes.
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Read:
    """One leaf block as read: where it sits and what it says."""

    kind: str  # heading, paragraph, code, table, rule, image
    level: int = 0  # a heading's level
    quotes: int = 0  # how many quotations it is in
    item: tuple[int, bool, int] | None = None
    """For the first block of a list item: the list's depth, whether it is numbered, the
    number a renderer shows."""
    text: str = ""
    links: tuple[str, ...] = ()
    raw_html: bool = False


@dataclass
class _Walk:
    reads: list[Read] = field(default_factory=list)
    quotes: int = 0
    lists: list[list[int]] = field(default_factory=list)  # [numbered, next number] per list
    item_pending: bool = False


def _norm(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    return "\n".join(lines).strip("\n ")


def _links_of(reads: list[Read]) -> tuple[str, ...]:
    return tuple(h for r in reads for h in r.links)


def _inline_read(children: list[Token]) -> tuple[str, tuple[str, ...], bool, bool]:
    """Text (a hard break as a line break), link targets, whether raw HTML is in it, whether
    it is one picture alone."""
    text: list[str] = []
    links: list[str] = []
    raw = False
    pictures = 0
    for t in children:
        if t.type in ("text", "code_inline"):
            text.append(t.content)
        elif t.type == "softbreak":
            text.append(" ")
        elif t.type == "hardbreak":
            text.append("\n")
        elif t.type == "link_open":
            links.append(str(t.attrs.get("href", "")))
        elif t.type == "image":
            pictures += 1
            links.append(str(t.attrs.get("src", "")))
            text.append("".join(c.content for c in t.children or []))
        elif t.type in ("html_inline",):
            raw = True
            text.append(t.content)
    shown = [t for t in children if t.type != "text" or t.content.strip()]
    alone = pictures == 1 and len(shown) == 1
    return "".join(text), tuple(links), raw, alone


def read_markdown(markdown: str) -> list[Read]:
    tokens = PARSER.parse(markdown)
    walk = _Walk()
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "blockquote_open":
            walk.quotes += 1
        elif t.type == "blockquote_close":
            walk.quotes -= 1
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            numbered = t.type == "ordered_list_open"
            start = int(t.attrs.get("start", 1) or 1) if numbered else 0
            walk.lists.append([numbered, start])
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            walk.lists.pop()
        elif t.type == "list_item_open":
            walk.item_pending = True
        elif t.type in ("paragraph_open", "heading_open"):
            text, links, raw, alone = _inline_read(tokens[i + 1].children or [])
            kind = "heading" if t.type == "heading_open" else "image" if alone else "paragraph"
            level = int(t.tag[1]) if kind == "heading" else 0
            _add(walk, Read(kind, level, walk.quotes, None, _norm(text).strip(), links, raw))
            i += 2
        elif t.type in ("fence", "code_block"):
            _add(walk, Read("code", 0, walk.quotes, None, t.content.removesuffix("\n")))
        elif t.type == "hr":
            _add(walk, Read("rule", 0, walk.quotes))
        elif t.type == "html_block":
            _add(walk, Read("paragraph", 0, walk.quotes, None, _norm(t.content), (), True))
        elif t.type == "table_open":
            i = _table(tokens, i, walk)
        i += 1
    return walk.reads


def _add(walk: _Walk, read: Read) -> None:
    if walk.item_pending:
        walk.item_pending = False
        numbered, number = walk.lists[-1]
        walk.lists[-1][1] += 1 if numbered else 0
        read = Read(**{**read.__dict__, "item": (len(walk.lists), bool(numbered), number)})
    walk.reads.append(read)


def _table(tokens: list[Token], i: int, walk: _Walk) -> int:
    rows: list[str] = []
    links: list[str] = []
    raw = False
    cells: list[str] = []
    while tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "inline":
            text, found, html, _ = _inline_read(t.children or [])
            cells.append(_norm(text))
            links += found
            raw = raw or html
        elif t.type == "tr_close":
            rows.append(" | ".join(cells))
            cells = []
        i += 1
    _add(walk, Read("table", 0, walk.quotes, None, "\n".join(rows), tuple(links), raw))
    return i


def _runs_text(inlines: tuple[Inline, ...]) -> tuple[str, tuple[str, ...]]:
    links: list[str] = []
    for run in inlines:
        if run.href and (not links or links[-1] != run.href):
            links.append(run.href)
        elif not run.href and links and links[-1] != "":
            links.append("")  # a break between two links to one address
    targets = tuple(PARSER.normalizeLink(h) for h in links if h)
    return _norm("".join(i.text for i in inlines)), targets


def expected_reads(blocks: tuple[Block, ...]) -> list[Read]:
    """What a reader of the Markdown should find, block by block. A blank line inside a block
    (a page's "<br><br>") reads as the start of a paragraph in the same place; a heading is
    one line."""
    out: list[Read] = []
    for read in _expected_blocks(blocks):
        if read.kind == "heading":
            out.append(replace(read, text=_norm(read.text.replace("\n", " "))))
            continue
        if read.kind not in ("paragraph", "image"):
            out.append(read)
            continue
        # markdown-it trims a paragraph of Unicode spaces too (a Japanese paragraph's U+3000).
        parts = [_norm(p).strip() for p in read.text.split("\n\n")]
        out.append(replace(read, text=parts[0]))
        out += [Read("paragraph", 0, read.quotes, None, p) for p in parts[1:]]
    return out


def _expected_blocks(blocks: tuple[Block, ...]) -> list[Read]:
    out: list[Read] = []
    for group in group_blocks(blocks):
        block = group[0]
        text, links = _runs_text(block.inlines)
        match block.kind:
            case BlockKind.TABLE_ROW:
                out.append(_expected_table(group))
            case BlockKind.HEADING:
                out.append(Read("heading", block.level, 0, None, text, links))
            case BlockKind.QUOTE:
                out.append(Read("paragraph", 0, block.level, None, text, links))
            case BlockKind.LIST_ITEM:
                item = (block.level, block.ordinal > 0, block.ordinal)
                out.append(Read("paragraph", 0, block.quoted, item, text, links))
            case BlockKind.PREFORMATTED:
                out.append(Read("code", 0, 0, None, block.text))
            case BlockKind.RULE:
                out.append(Read("rule"))
            case BlockKind.IMAGE if links:
                out.append(Read("image", 0, 0, None, text, links))
            case _:
                out.append(Read("paragraph", 0, block.quoted, None, text, links))
    return out


def _expected_table(rows: tuple[Block, ...]) -> Read:
    lines: list[str] = []
    links: list[str] = []
    columns = max(len(r.cells) for r in rows)
    if not rows[0].header:
        lines.append(" | ".join([""] * columns))
    for row in rows:
        cells = [*row.cells, *[()] * (columns - len(row.cells))]
        texts = []
        for cell in cells:
            text, found = _runs_text(tuple(cell))
            texts.append(" ".join(text.split()))
            links += found
        lines.append(" | ".join(texts))
    return Read("table", 0, 0, None, "\n".join(lines), tuple(links))


def disagreements(blocks: tuple[Block, ...], markdown: str | None = None) -> list[str]:
    """Every way the Markdown of `blocks` reads otherwise than the blocks say, one line each."""
    if markdown is None:
        markdown = to_markdown(Article(url="", blocks=blocks), header=False)
    want = expected_reads(blocks)
    got = read_markdown(markdown)
    out = [f"raw HTML: {r.text[:60]!r}" for r in got if r.raw_html]
    if len(want) != len(got):
        out.append(f"{len(want)} blocks written, {len(got)} read")
    for n, (w, g) in enumerate(zip(want, got, strict=False)):
        for name in ("kind", "level", "quotes", "item", "text"):
            if getattr(w, name) != getattr(g, name):
                out.append(
                    f"block {n} {name}: {_short(getattr(w, name))} → {_short(getattr(g, name))}"
                )
        if any(line.startswith(f"block {n} ") for line in out):
            break  # the rest follows from the first difference
    if not out and _links_of(want) != _links_of(got):
        out.append(f"links: {_short(_links_of(want))} → {_short(_links_of(got))}")
    return out


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) < 160 else text[:157] + "…"
