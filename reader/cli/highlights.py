"""`reader highlights [ID_OR_URL…] [--format markdown|json]`: the passages kept as highlights
(`h` in the reader), each with its note, under the citation `y` copies, to paste into a
draft."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..citation import cited_url, copied_citation, moment_text, retrieved
from ..commonmark import escape_markdown
from ..highlights import NO_LONGER_IN_TEXT, Highlight
from ..keys import item_of_address
from ..models import Article
from ..retraction_notes import later_note
from ..safe import safe_line, safe_text
from .common import (
    EXIT_OK,
    config_of,
    each_article_now,
    err,
    json_text,
    open_stored_library,
    out,
)

if TYPE_CHECKING:
    from ..library.highlights import KeptHighlights

_APART = "\n\n---\n\n"
"""Between two articles' highlights in Markdown: a rule, as `reader show` sets articles apart."""
NONE_KEPT = "no highlights kept yet: h in the reading view keeps the passage selected"


def _in_text_order(kept: KeptHighlights) -> list[tuple[Highlight, bool, Article | None]]:
    """Each highlight, whether its words are in the latest copy's text, and the earlier copy
    holding them (None: the latest, or none), in the text's order."""
    rows = [
        (h, found, kept.copy_of(n))
        for n, (h, found) in enumerate(zip(kept.kept.items, kept.found, strict=True))
    ]
    return sorted(rows, key=lambda row: row[0].near)


def _quoted(highlight: Highlight, standing: str, markdown: bool = True) -> str:
    """A highlight quoted ("> …", as `y` quotes a passage: in Markdown, or its plain text)
    with its note under it, and what is said of the copies holding it (`_standing`)."""
    quote = highlight.quote if markdown else quoted_text(highlight.text)
    part = safe_text(quote).rstrip("\n")
    if highlight.note:
        part += f"\n\nNote: {_note(highlight.note, markdown)}"
    if standing:
        part += f"\n\n({standing})"
    return part


def _standing(found: bool, held: Article | None, kept: KeptHighlights) -> str:
    """What a quote's reader must know of the copies of a corrected article: the earlier copy
    it was read in (`held`), and whether the latest's text still holds its words (`found`),
    which only `--format json` and the reading view told (acc40a M3: a quote the correction
    reworded and one it left alone were printed alike); "" for a quote of the latest copy."""
    if held is None:
        return "" if found else f"{NO_LONGER_IN_TEXT} of the copy cached"
    when = moment_text(retrieved(held))
    number = held.version
    copy = (
        f"copy {number} of {len(held.versions)}, retrieved {when}"
        if number and len(held.versions) >= 2
        else f"the copy retrieved {when}"
    )
    # A text retracted since is no quote to use as standing (acc47b F1).
    later = f"; {note}" if (note := later_note(held)) else ""
    if not kept.cached:  # no latest copy to look in
        return f"quoted from {copy}{later}"
    latest = f"the latest copy, retrieved {moment_text(retrieved(kept.article))}"
    return f"quoted from {copy}; {'still in' if found else 'not in'} the text of {latest}{later}"


def _cited(article: Article, style: str) -> str:
    return safe_text(copied_citation(article, style, under_markdown=True, markdown=True)).rstrip(
        "\n"
    )


def _copy_key(copy: Article) -> tuple[int, str, str]:
    # Of one copy, whichever highlight names it: those of one article forgotten each keep theirs.
    return copy.version, str(copy.fetched_at), copy.title


HEADING = "Highlights"
"""What the highlights are under after an article `reader show` and `reader export` write."""


def quotations(kept: KeptHighlights, markdown: bool = True) -> list[str]:
    """An article's highlights in the text's order, each quoted (`_quoted`), then the
    article's note."""
    parts = [
        _quoted(h, _standing(found, held, kept), markdown)
        for h, found, held in _in_text_order(kept)
    ]
    if kept.kept.note:
        parts.append(f"Note on the article: {_note(kept.kept.note, markdown)}")
    return parts


def _note(note: str, markdown: bool) -> str:
    """A note as typed (or as an import's file had it), one line: in Markdown, text as the
    article's is, never markup ("<b>13:02</b>" shown so, an imported `<script>` no tag; acc35b
    F16)."""
    line = safe_line(note)
    return escape_markdown(line) if markdown else line


def quoted_text(text: str) -> str:
    """Plain text quoted as e-mail quotes it, a "> " before each line."""
    return "\n".join(f"> {line}".rstrip() for line in text.strip("\n").split("\n"))


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


def markdown(kept: KeptHighlights, style: str) -> str:
    """An article's highlights as Markdown quotations ("> …", as `y` quotes a passage), each
    with its note under it, then the article's note and its citation. A quotation only an
    earlier copy kept of a corrected article holds comes under that copy's citation ("copy 1
    of 2, retrieved …"), as `y` cites it on that copy: under the latest's, its words were
    cited to a page and a time that never had them (acc33a A5). The article's note goes with
    the latest copy's quotations, or, when there are none, above the last citation: a note
    alone under a citation of its own cited the article twice (acc45a A8)."""
    rows = _in_text_order(kept)
    groups: list[list[str]] = []
    earlier = {_copy_key(copy): copy for _, _, copy in rows if copy is not None}
    for key, copy in sorted(earlier.items(), key=lambda pair: pair[1].version):
        quoted = [
            _quoted(h, _standing(found, held, kept))
            for h, found, held in rows
            if held and _copy_key(held) == key
        ]
        groups.append([*quoted, _cited(copy, style)])
    parts = [_quoted(h, _standing(found, None, kept)) for h, found, held in rows if held is None]
    if parts or not groups:
        groups.append([*parts, _cited(kept.article, style)])
    if kept.kept.note:
        groups[-1].insert(-1, f"Note on the article: {_note(kept.kept.note, True)}")
    return "\n\n".join("\n\n".join(group) for group in groups)


def item(kept: KeptHighlights, style: str) -> dict[str, Any]:
    """An article's highlights as `--format json` gives them: each with the citation of the
    copy holding its words (`copy`: its number among those kept, for an earlier one)."""
    article = kept.article
    return {
        # An item with no link has no address: null, not the one its highlights are kept by.
        "url": cited_url(article) or (None if item_of_address(kept.kept.url) else kept.kept.url),
        "title": safe_line(article.title),
        "cached": kept.cached,
        "note": safe_line(kept.kept.note),
        "citation": _plain_citation(article, style),
        "highlights": highlight_items(kept, style),
    }


def _plain_citation(article: Article, style: str) -> str:
    return safe_text(copied_citation(article, style, markdown=False)).rstrip("\n")


def highlight_items(kept: KeptHighlights | None, style: str | None = None) -> list[dict[str, Any]]:
    """Each highlight as JSON gives it (`reader highlights`, `reader show`), in the text's
    order: its quotation, text, note, when it was kept, whether its words are in the latest
    copy's text, the number of the earlier copy holding them (else null) and, given a
    `style`, the citation of the copy holding them."""
    if kept is None:
        return []
    items = []
    for h, found, held in _in_text_order(kept):
        one: dict[str, Any] = {
            "quote": safe_text(h.quote),
            "text": safe_text(h.text),
            "note": safe_line(h.note),
            "kept_at": datetime.fromtimestamp(h.at, UTC).isoformat(timespec="seconds"),
            "in_text": found,
            "copy": (held.version or None) if held is not None else None,
        }
        if style is not None:
            one["citation"] = _plain_citation(held or kept.article, style)
        items.append(one)
    return items


def cmd_highlights(args: argparse.Namespace) -> int:
    style = args.style or config_of(args).citation_style
    lib = open_stored_library(args)
    many = len(args.targets) > 1 or "-" in args.targets
    resolve = lib.resolver() if many else lib.resolve
    every: list[KeptHighlights] = []

    def kept_of(name: str) -> None:
        kept = lib.every_highlight(resolve(name))
        if not kept:
            err(f"no highlights kept of {safe_line(name, 120)}")  # nothing matched: exit 0
        every.extend(kept)

    try:
        if args.targets:
            # The store read alone: no event loop (asyncio's import and a loop's start were
            # most of such a command's time), as for `show --offline`.
            status = each_article_now(args.targets, kept_of)
        else:
            status, every = EXIT_OK, lib.every_highlight(None)
    finally:
        lib.close()
    if args.format == "json":
        out(json_text([item(kept, style) for kept in every]))
    elif every:
        out(_APART.join(markdown(kept, style) for kept in every))
    if not args.targets and not every:
        err(NONE_KEPT)
    return status
