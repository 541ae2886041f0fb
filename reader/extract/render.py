"""Blocks → Markdown (links kept) or plain text, for `reader show`/`extract` and for export."""

from __future__ import annotations

import re

from ..models import Article, Block, BlockKind, Inline

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+\.)(\s)", re.MULTILINE)
# A line break inside a block; a blank line (two breaks) already separates without one.
_MD_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def _escape_md(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)


def _inline_md(i: Inline) -> str:
    if i.code:
        text = i.text.replace("`", "'")
        out = f"`{text}`" if "\n" not in text else _escape_md(text)
    else:
        out = _escape_md(i.text)
    if i.strong and out.strip():
        out = f"**{out}**"
    if i.emphasis and out.strip():
        out = f"*{out}*"
    if i.href:
        out = f"[{out}](<{i.href.replace('>', '%3E').replace(' ', '%20')}>)"
    return out


def _indent(level: int) -> str:
    return "   " * (level - 1)


def _row_as_item(block: Block) -> Block:
    """A table row as the list item it was before tables rendered as tables."""
    runs: list[Inline] = []
    for cell in block.cells:
        if runs:
            runs.append(Inline(" | "))
        runs.extend(cell or (Inline("—"),))
    return Block(BlockKind.LIST_ITEM, tuple(runs), block.level)


def block_to_markdown(block: Block) -> str:
    if block.kind == BlockKind.TABLE_ROW:
        block = _row_as_item(block)
    body = _MD_LINE_BREAK.sub("  \n", "".join(_inline_md(i) for i in block.inlines))
    match block.kind:
        case BlockKind.HEADING:
            return f"{'#' * block.level} {body}"
        case BlockKind.QUOTE:
            return "\n".join(f"> {line}" for line in body.split("\n"))
        case BlockKind.LIST_ITEM:
            marker = f"{block.ordinal}." if block.ordinal else "-"
            return f"{_indent(block.level)}{marker} {body}"
        case BlockKind.PREFORMATTED:
            return "```\n" + block.text.replace("```", "'''") + "\n```"
        case BlockKind.CAPTION:
            return f"*{body}*"
        case BlockKind.RULE:
            return "---"
    return body


_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


def _join(blocks: list[tuple[Block, str]]) -> str:
    out: list[str] = []
    previous: Block | None = None
    for block, text in blocks:
        if out:
            tight = previous is not None and previous.kind == block.kind in _TIGHT
            out.append("\n" if tight else "\n\n")
        out.append(text)
        previous = block
    return "".join(out)


def _header_lines(article: Article) -> list[str]:
    lines = []
    for label, value in (
        ("Source", article.site_name),
        ("Author", article.author),
        ("Published", article.published.isoformat() if article.published else ""),
        ("Updated", article.updated.isoformat() if article.updated else ""),
        ("URL", article.url),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if article.partial:
        lines.append("Note: partial text (the page gave little; this is the feed's summary)")
    return lines


def to_markdown(article: Article, header: bool = True) -> str:
    parts = []
    if header:
        parts.append(f"# {_escape_md(article.title or article.url)}\n")
        parts.append("\n".join(f"{line}  " for line in _header_lines(article)) + "\n\n")
    parts.append(_join([(b, block_to_markdown(b)) for b in article.blocks]))
    return "".join(parts).rstrip() + "\n"


def block_to_text(block: Block) -> str:
    if block.kind == BlockKind.TABLE_ROW:
        block = _row_as_item(block)
    text = block.text
    match block.kind:
        case BlockKind.QUOTE:
            return "\n".join(f"> {line}" for line in text.split("\n"))
        case BlockKind.LIST_ITEM:
            marker = f"{block.ordinal}." if block.ordinal else "•"
            return f"{_indent(block.level)}{marker} {text}"
        case BlockKind.RULE:
            return "* * *"
    return text


def to_text(article: Article, header: bool = True) -> str:
    parts = []
    if header:
        title = article.title or article.url
        parts.append(f"{title}\n{'=' * min(len(title), 78)}\n")
        parts.append("\n".join(_header_lines(article)) + "\n\n")
    parts.append(_join([(b, block_to_text(b)) for b in article.blocks]))
    return "".join(parts).rstrip() + "\n"
