"""`reader highlights [ID_OR_URL] [--format markdown|json]`: the passages kept as highlights
(`h` in the reader), each with its note, under the citation `y` copies, to paste into a
draft."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from ..citation import cited_url, copied_citation
from ..highlights import NO_LONGER_IN_TEXT, Highlight
from ..library.highlights import KeptHighlights
from ..safe import safe_line, safe_text
from .common import EXIT_FAILED, EXIT_OK, config_of, err, json_text, open_library, out

_APART = "\n\n---\n\n"
"""Between two articles' highlights in Markdown: a rule, as `reader show` sets articles apart."""
NONE_KEPT = "no highlights kept yet: h in the reading view keeps the passage selected"


def _in_text_order(kept: KeptHighlights) -> list[tuple[Highlight, bool]]:
    pairs = zip(kept.kept.items, kept.found, strict=True)
    return sorted(pairs, key=lambda pair: pair[0].near)


HEADING = "Highlights"
"""What the highlights are under after an article `reader show` and `reader export` write."""


def quotations(kept: KeptHighlights, markdown: bool = True) -> list[str]:
    """An article's highlights in the text's order, each quoted ("> …", as `y` quotes a
    passage: in Markdown, or its plain text) with its note under it, then the article's
    note."""
    parts = []
    for highlight, found in _in_text_order(kept):
        quote = highlight.quote if markdown else quoted_text(highlight.text)
        part = safe_text(quote).rstrip("\n")
        if highlight.note:
            part += f"\n\nNote: {safe_line(highlight.note)}"
        if not found:
            part += f"\n\n({NO_LONGER_IN_TEXT} of the copy cached)"
        parts.append(part)
    if kept.kept.note:
        parts.append(f"Note on the article: {safe_line(kept.kept.note)}")
    return parts


def quoted_text(text: str) -> str:
    """Plain text quoted as e-mail quotes it, a "> " before each line."""
    return "\n".join(f"> {line}".rstrip() for line in text.strip("\n").split("\n"))


def markdown(kept: KeptHighlights, style: str) -> str:
    """An article's highlights as Markdown quotations (`quotations`), then its citation."""
    citation = copied_citation(kept.article, style, under_markdown=True, markdown=True)
    return "\n\n".join([*quotations(kept), safe_text(citation).rstrip("\n")])


def after_article(kept: KeptHighlights | None, markdown: bool = True) -> str:
    """The article's highlights under a heading, as `reader show` and `reader export` write
    them after its text ("": none kept). CommonMark has no mark for a passage in the text
    (`==…==` is an extension most viewers print as it is), and a quotation says what was
    kept in any viewer, the note under it."""
    parts = quotations(kept, markdown) if kept else []
    if not parts:
        return ""
    heading = f"## {HEADING}" if markdown else f"{HEADING}\n{'-' * len(HEADING)}"
    return "\n\n".join([heading, *parts])


def item(kept: KeptHighlights, style: str) -> dict[str, Any]:
    """An article's highlights as `--format json` gives them."""
    article = kept.article
    return {
        "url": cited_url(article) or kept.kept.url,
        "title": safe_line(article.title),
        "cached": kept.cached,
        "note": safe_line(kept.kept.note),
        "citation": safe_text(copied_citation(article, style, markdown=False)).rstrip("\n"),
        "highlights": highlight_items(kept),
    }


def highlight_items(kept: KeptHighlights | None) -> list[dict[str, Any]]:
    """Each highlight as JSON gives it (`reader highlights`, `reader show`), in the text's
    order: its quotation, text, note, when it was kept and whether its words are still in the
    article's text."""
    if kept is None:
        return []
    return [
        {
            "quote": safe_text(h.quote),
            "text": safe_text(h.text),
            "note": safe_line(h.note),
            "kept_at": datetime.fromtimestamp(h.at, UTC).isoformat(timespec="seconds"),
            "in_text": found,
        }
        for h, found in _in_text_order(kept)
    ]


def cmd_highlights(args: argparse.Namespace) -> int:
    style = args.style or config_of(args).citation_style
    lib = open_library(args)
    try:
        target = lib.resolve(args.target) if args.target else None
        every = lib.every_highlight(target)
    finally:
        lib.close()
    if args.format == "json":
        out(json_text([item(kept, style) for kept in every]))
    elif every:
        out(_APART.join(markdown(kept, style) for kept in every))
    if every:
        return EXIT_OK
    if target is not None:
        err(f"no highlights kept of {safe_line(args.target, 120)}")
        return EXIT_FAILED
    err(NONE_KEPT)
    return EXIT_OK
