"""`reader diff`: what changed between two copies kept of an article (a stealth edit, a
correction), as `git diff --word-diff` shows it: the removed words `[-so-]`, the added `{+so+}`,
in red and green too on a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..copy_changes import (
    FIELD_NAMES,
    MARKS,
    NO_TEXT_CHANGES,
    CopyChanges,
    Span,
    copy_heading,
    hunk_heading,
    shown_spans,
)
from ..models import Entry, FetchError
from ..safe import safe_line, safe_text
from ..terminfo import no_colour_asked
from .common import (
    ARTICLES_APART,
    CommandError,
    each_article_now,
    json_text,
    open_library,
    out,
)

# git's colours for a word diff, the removed in red, the added in green, and struck through and
# underlined as `d` shows them, inside the marks (`MARKS`): red and green alone are one colour to
# many readers, and copied from the terminal they ran together ("dredger 6m9m euros", acc28c C5;
# "912 per cent" with the attributes too, acc47b F5).
_COLOURS = {"removed": "\x1b[9;31m", "added": "\x1b[4;32m", "heading": "\x1b[1m"}
_RESET = "\x1b[m"


def cmd_diff(args: argparse.Namespace) -> int:
    given, (older, newer) = args.targets, args.copies  # `parser._ArticlesThenCopies`
    # One object for the one article given; a list for several, or for `-` (however many it
    # reads), as `reader show` gives them.
    listed = len(given) > 1 or "-" in given
    coloured = args.format != "json" and _coloured()
    lib = open_library(args, upgrade=False)
    resolve = lib.resolver() if listed else lib.resolve
    items: list[dict[str, Any]] = []
    printed = 0

    def compare(name: str) -> None:
        nonlocal printed
        target = resolve(name)
        try:
            changes = lib.copy_changes(target, older, newer)
        except FetchError as error:  # one copy kept, no such copy: which article, if several
            if not listed:
                raise
            raise CommandError(f"{safe_line(name, 120)}: {error.message}") from None
        if args.format == "json":
            items.append(changes_json(changes, target.id if isinstance(target, Entry) else None))
            return
        # The page's text made safe in `changes_text`, before our colours go round it.
        text = changes_text(changes, coloured=coloured)
        out(ARTICLES_APART["text"] + text if printed else text, styled=coloured)
        printed += 1

    try:
        # Copies the store keeps compared: no event loop (asyncio's import and a loop's start
        # were most of the command's time), as for `reader highlights`.
        status = each_article_now(given, compare)
    finally:
        lib.close()
    if args.format == "json" and (listed or items):
        out(json_text(items if listed else items[0]))
    return status


def _coloured() -> bool:
    """Colour on a terminal, as git's `color.ui=auto`; never with NO_COLOR set (no-color.org)
    nor on a terminal that has none (TERM=dumb, vt100: `terminfo.colourless_terminal`)."""
    return sys.stdout.isatty() and not no_colour_asked() and os.environ.get("TERM") != "dumb"


def changes_text(changes: CopyChanges, coloured: bool = False) -> str:
    """`changes` as `reader diff` prints them: the article, the two copies, the title, byline and
    dates changed, then each paragraph changed, long stretches the copies share cut short. The
    page's text made safe (`safe_text`) before any colour of ours is put round it."""

    def heading(text: str) -> str:
        text = safe_line(text)
        return f"{_COLOURS['heading']}{text}{_RESET}" if coloured else text

    lines = [
        heading(f"Changes to “{changes.title or changes.url}”"),
        "--- " + copy_heading(changes.old_version, changes.old_retrieved),
        "+++ " + copy_heading(changes.new_version, changes.new_retrieved, changes.latest),
    ]
    if changes.fields:
        lines.append("")
        lines += [f"{FIELD_NAMES[f.field]}: {marked(f.spans, coloured)}" for f in changes.fields]
    lines.append("")
    if changes.text_unchanged:
        lines.append(NO_TEXT_CHANGES)
    for number, hunk in enumerate(changes.hunks):
        if number:
            lines.append("")
        lines.append(heading(hunk_heading(hunk, changes) + ":"))
        lines.append(marked(shown_spans(hunk.spans), coloured))
    if changes.compared_whole:
        lines += [
            "",
            "(Too much changed to compare it all word by word: some paragraphs are"
            " given whole, the old removed and the new added.)",
        ]
    return "\n".join(lines)


def marked(spans: list[Span] | tuple[Span, ...], coloured: bool) -> str:
    """Spans as one text, the removed and the added marked `[-…-]` `{+…+}` (and in colour)."""
    parts = []
    for span in spans:
        text = safe_text(span.text)
        if span.kind == "same":
            parts.append(text)
            continue
        opening, closing = MARKS[span.kind]
        if coloured:
            text = f"{_COLOURS[span.kind]}{text}{_RESET}"
        parts.append(f"{opening}{text}{closing}")
    return "".join(parts)


def changes_json(changes: CopyChanges, item_id: str | None) -> dict[str, Any]:
    """`changes` as `reader diff --format json` gives them: every span whole."""

    def copy(version: int, retrieved: Any) -> dict[str, Any]:
        at = retrieved.isoformat(timespec="seconds") if retrieved else None
        return {"version": version, "retrieved": at}

    return {
        "id": item_id,
        "url": changes.url,
        "title": changes.title,
        "old": copy(changes.old_version, changes.old_retrieved),
        "new": {**copy(changes.new_version, changes.new_retrieved), "latest": changes.latest},
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in changes.fields],
        "text_unchanged": changes.text_unchanged,
        "hunks": [
            {
                "old_paragraphs": list(h.old_paragraphs),
                "new_paragraphs": list(h.new_paragraphs),
                "old": h.old,
                "new": h.new,
                "spans": [{"kind": s.kind, "text": s.text} for s in h.spans],
            }
            for h in changes.hunks
        ],
        "compared_whole": changes.compared_whole,
    }
