"""What changed between two copies kept of an article (`d` in the reading view), as `reader
diff` prints it: the title, byline and dates changed, then each paragraph changed, the removed
words marked `[-…-]` and struck through, the added `{+…+}` and underlined, in the theme's
colours. The page's words are plain text in Rich `Text`, styled by us, never markup
(`display.plain`)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...copy_changes import (
    FIELD_NAMES,
    MARKS,
    NO_TEXT_CHANGES,
    CopyChanges,
    Span,
    copy_heading,
    hunk_heading,
    shown_spans,
)
from ...plural import plural
from ..display import plain
from ..widgets.key_bar import KeyBar
from .scrolled import ScrolledDialog

MAX_SHOWN_WORDS = 4_000
"""Words shown at most (a page rewritten whole would be a book here, laid out on the event
loop at each width: 10,000 words took 130 ms a layout at load 14): the changes past them are
counted in a line, and `reader diff` prints them all."""
LONGEST_SHOWN = 300
"""Words shown at most of one stretch removed or added (a page rewritten whole is one): the
rest is counted, and `reader diff` prints it."""


class ChangesText(Static):
    """The changes, styled by the theme (reader.tcss): removed, added, and the headings."""

    COMPONENT_CLASSES = {"changes-text--removed", "changes-text--added", "changes-text--heading"}

    def __init__(self, changes: CopyChanges, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.changes = changes

    shown = False
    """The changes are drawn (they are set out in a thread first)."""

    async def on_mount(self) -> None:
        get = self.get_component_rich_style
        styles = {
            "removed": get("changes-text--removed"),
            "added": get("changes-text--added"),
            "heading": get("changes-text--heading"),
        }
        # A thread's work: long stretches cut and counted, word by word.
        self.update(await asyncio.to_thread(changes_text, self.changes, styles))
        self.shown = True


def changes_text(changes: CopyChanges, styles: dict[str, Style]) -> Text:
    """`changes` as one `Text`, at most `MAX_SHOWN_WORDS` of its paragraphs' words."""
    text = Text(end="")
    heading = styles["heading"]
    old = copy_heading(changes.old_version, changes.old_retrieved)
    new = copy_heading(changes.new_version, changes.new_retrieved, changes.latest)
    # In the colours of the words each copy alone has, neither struck through nor underlined.
    for sign, copy, kind in (("−", old, "removed"), ("+", new, "added")):
        colour = Style(color=styles[kind].color)
        text.append(f"{sign} {copy[:1].upper()}{copy[1:]}\n", heading + colour)
    for change in changes.fields:
        text.append(f"\n{FIELD_NAMES[change.field]}: ", heading)
        _append(text, change.spans, styles)
    text.append("\n")
    if changes.text_unchanged:
        text.append("\n" + NO_TEXT_CHANGES)
    words = 0
    for number, hunk in enumerate(changes.hunks):
        if words > MAX_SHOWN_WORDS:
            left = len(changes.hunks) - number
            text.append(f"\n… and {plural(left, 'more change')}: reader diff prints them all.\n")
            break
        text.append(f"\n{hunk_heading(hunk, changes)}\n", heading)
        spans = shown_spans(hunk.spans, longest=LONGEST_SHOWN)
        words += sum(len(span.text.split()) for span in spans)
        _append(text, spans, styles)
        text.append("\n")
    if changes.compared_whole:
        text.append(
            "\nToo much changed to compare it all word by word: some paragraphs are given "
            "whole, the old removed and the new added.\n"
        )
    return text


def _append(text: Text, spans: Iterable[Span], styles: dict[str, Style]) -> None:
    for span in spans:
        style = styles.get(span.kind, Style())
        # The marks as `reader diff` prints them: the words apart without the styles, which a
        # terminal may not draw, a reader may not see and a copy does not take (acc47b F5).
        opening, closing = MARKS.get(span.kind, ("", ""))
        text.append(opening)
        # Line breaks kept: a run of paragraphs is one a line.
        text.append_text(plain(span.text, style, multiline=True))
        text.append(closing)


class ChangesScreen(ScrolledDialog):
    """A panel over the reading view showing `changes`; Esc or q goes back to the article."""

    PANEL = "changes-panel"

    def __init__(self, changes: CopyChanges) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with VerticalScroll(id="changes-panel") as panel:
            changes = self.changes
            panel.border_title = f"Changes: copy {changes.old_version} → copy {changes.new_version}"
            # A Text, not a str: a str is read as markup, and the title is the page's.
            panel.border_subtitle = plain(changes.title, max_length=60)
            yield ChangesText(changes, id="changes-text")
