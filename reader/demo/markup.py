"""The tiny markup language the demo articles are written in, and its renderers.

A source file is a block of ``key: value`` header lines, a ``---`` line, then the body.
Body blocks are separated by blank lines:

* ``## Heading`` / ``### Heading``: subheadings (``h2`` / ``h3``)
* ``> text`` lines: a ``blockquote``; a last line ``> — Name`` is the attribution
* ``- item`` lines: a bulleted list; ``1. item`` lines: a numbered list
* ``![caption](/site/media/name.svg)``: a ``figure`` with a ``figcaption``; the picture's
  ``alt`` is the caption's text, or what ``![caption](/site/media/name.svg "alt")`` gives
* ``!audio[caption](/site/media/name.wav)``: a recording, an ``audio`` player in a ``figure``
* ``$$ linear form`` then MathML lines: a displayed formula, ``<math>`` in a
  ``div.equation``; the linear form is the text the reader should show for it
* ``| a | b |`` lines: a ``table``, one row a line; a ``|---|---|`` line after the first
  makes that row the heading row; a first line ``Table: caption`` gives the ``caption``
* ``+++``: the article goes on on its next page (served at ``<path>2/``, ``<path>3/``…,
  each page with a pager under its text); only for paths ending in ``/``
* ``@ 2026-11-25T06:10:00+00:00 | 06.10 GMT | Title``: a live blog's entry starts (its time, as
  machine and as shown, and an optional title); the blocks after it, up to the next one, are
  its text. An article with entries is served as a live blog
* anything else: a paragraph (its lines are joined with spaces)

Inline: ``[text](href)``, ``**strong**`` and ``*em*``.

Each block renders both to HTML (for the pages) and to plain text (for the test
manifest), from the same parse, so the manifest always matches what is served.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_INLINE = re.compile(
    r"\[(?P<ltext>[^\]]+)\]\((?P<href>[^)\s]+)\)"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|\*(?P<em>[^*]+?)\*"
)
_FIGURE = re.compile(
    r'^!(?P<audio>audio)?\[(?P<caption>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<alt>[^"]*)")?\)$'
)
_ORDERED_ITEM = re.compile(r"^\d+\.\s+")
_ATTRIBUTION_PREFIXES = ("— ", "-- ", "- ")


@dataclass(frozen=True)
class Block:
    """One body block. ``lines`` holds raw inline markup (one entry per list item)."""

    kind: str  # "p" | "h2" | "h3" | "quote" | "ul" | "ol" | "figure" | "audio" | "table" | "math"
    # | "entry" | "page" (a page break)
    lines: tuple[str, ...]  # a table: one line per row, cells apart by "|"; an entry: its time
    # as shown, then its title if it has one
    src: str = ""  # figure image URL, recording URL, an entry's time (ISO 8601)
    cite: str = ""  # quote attribution, raw inline markup; a table's caption
    header: bool = False  # a table: its first row holds the column headings
    mathml: str = ""  # a formula's MathML; `lines` holds its linear form
    alt: str = ""  # a figure's picture described, when it says more than the caption

    def rows(self) -> list[list[str]]:
        """A table's cells, raw inline markup, row by row."""
        return [
            [cell.strip() for cell in line.strip().strip("|").split("|")] for line in self.lines
        ]

    def text_parts(self) -> list[str]:
        """Plain text of the block, one string per paragraph/item/caption/table row (its cells
        joined by " | ")."""
        if self.kind == "math":
            return []  # formulas count on neither side of the extraction benchmark
        if self.kind == "page":
            return []
        if self.kind == "entry":
            # As a reader shows an entry's heading: its time, then its title.
            return [" · ".join(inline_text(line) for line in self.lines)]
        if self.kind == "table":
            caption = [inline_text(self.cite)] if self.cite else []
            return caption + [" | ".join(inline_text(c) for c in row) for row in self.rows()]
        parts = [inline_text(line) for line in self.lines]
        if self.cite:
            parts.append("— " + inline_text(self.cite))
        return parts


def inline_html(raw: str) -> str:
    """Render inline markup to HTML, escaping everything else."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(raw):
        out.append(html.escape(raw[pos : match.start()], quote=False))
        if match["href"] is not None:
            href = html.escape(match["href"], quote=True)
            out.append(f'<a href="{href}">{inline_html(match["ltext"])}</a>')
        elif match["strong"] is not None:
            out.append(f"<strong>{inline_html(match['strong'])}</strong>")
        else:
            out.append(f"<em>{inline_html(match['em'])}</em>")
        pos = match.end()
    out.append(html.escape(raw[pos:], quote=False))
    return "".join(out)


def inline_text(raw: str) -> str:
    """The text a reader sees for some inline markup (link targets dropped)."""
    return _INLINE.sub(
        lambda m: inline_text(m["ltext"] or m["strong"] or m["em"] or ""),
        raw,
    )


def parse_source(source: str) -> tuple[dict[str, str], list[Block]]:
    """Split an article source file into its header fields and body blocks."""
    head, sep, body = source.partition("\n---\n")
    if not sep:
        raise ValueError("article source has no '---' line between header and body")
    headers: dict[str, str] = {}
    for line in head.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line: {line!r}")
        headers[key.strip().lower()] = value.strip()
    return headers, parse_body(body)


def parse_body(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.rstrip() for line in chunk.strip().splitlines()]
        if lines:
            blocks.append(_parse_block(lines))
    return blocks


def _parse_block(lines: list[str]) -> Block:
    first = lines[0]
    if lines == ["+++"]:
        return Block("page", ())
    if first.startswith("@ "):
        when, *shown = (part.strip() for part in first[2:].split("|"))
        return Block("entry", tuple(part for part in shown if part), src=when)
    if first.startswith("### "):
        return Block("h3", (first[4:].strip(),))
    if first.startswith("## "):
        return Block("h2", (first[3:].strip(),))
    if figure := _FIGURE.match(first):
        kind = "audio" if figure["audio"] else "figure"
        return Block(kind, (figure["caption"],), src=figure["src"], alt=figure["alt"] or "")
    if first.startswith("$$ "):
        return Block("math", (first[3:].strip(),), mathml=" ".join(lines[1:]))
    if first.startswith(">"):
        texts = [line.lstrip(">").strip() for line in lines]
        cite = ""
        if len(texts) > 1 and texts[-1].startswith(_ATTRIBUTION_PREFIXES):
            cite = texts.pop()[2:].strip()
        return Block("quote", (" ".join(texts),), cite=cite)
    if first.startswith(("|", "Table: ")):
        caption = lines.pop(0)[len("Table: ") :].strip() if first.startswith("Table: ") else ""
        header = len(lines) > 1 and set(lines[1]) <= set("|-: ")
        if header:
            del lines[1]
        return Block("table", tuple(lines), cite=caption, header=header)
    if first.startswith("- "):
        return Block("ul", tuple(line[2:].strip() for line in lines))
    if _ORDERED_ITEM.match(first):
        return Block("ol", tuple(_ORDERED_ITEM.sub("", line, count=1).strip() for line in lines))
    return Block("p", (" ".join(line.strip() for line in lines),))


def block_html(block: Block) -> str:
    """Render one block as plain, semantic HTML (templates add their own wrappers)."""
    if block.kind in ("h2", "h3", "p"):
        return f"<{block.kind}>{inline_html(block.lines[0])}</{block.kind}>"
    if block.kind == "quote":
        cite = f"<footer>— <cite>{inline_html(block.cite)}</cite></footer>" if block.cite else ""
        return f"<blockquote><p>{inline_html(block.lines[0])}</p>{cite}</blockquote>"
    if block.kind in ("ul", "ol"):
        items = "".join(f"<li>{inline_html(item)}</li>" for item in block.lines)
        return f"<{block.kind}>{items}</{block.kind}>"
    if block.kind == "figure":
        caption = block.lines[0]
        alt = html.escape(block.alt or inline_text(caption), quote=True)
        src = html.escape(block.src, quote=True)
        return (
            f'<figure><img src="{src}" alt="{alt}" width="800" height="450" loading="lazy">'
            f"<figcaption>{inline_html(caption)}</figcaption></figure>"
        )
    if block.kind == "audio":
        src = html.escape(block.src, quote=True)
        return (
            f'<figure class="recording"><audio controls preload="none" src="{src}"></audio>'
            f"<figcaption>{inline_html(block.lines[0])}</figcaption></figure>"
        )
    if block.kind == "math":
        return f'<div class="equation">{block.mathml}</div>'
    if block.kind == "table":
        caption = f"<caption>{inline_html(block.cite)}</caption>" if block.cite else ""
        rows = block.rows()
        head = ""
        if block.header:
            cells = "".join(f'<th scope="col">{inline_html(c)}</th>' for c in rows.pop(0))
            head = f"<thead><tr>{cells}</tr></thead>"
        body = "".join(
            "<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        return f'<table class="data-table">{caption}{head}<tbody>{body}</tbody></table>'
    raise ValueError(f"unknown block kind {block.kind!r}")


def read_also_position(blocks: list[Block] | tuple[Block, ...]) -> int:
    """Index of the block after which the "Read also" box goes: a paragraph near the middle.

    Real sites drop the box between two paragraphs mid-article, which is exactly what
    makes it hard to strip, so we do the same.
    """
    candidates = [i for i, block in enumerate(blocks[:-1]) if block.kind == "p"]
    if not candidates:
        return max(len(blocks) // 2 - 1, 0)
    middle = (len(blocks) - 1) / 2
    return min(candidates, key=lambda i: (abs(i - middle), i))
