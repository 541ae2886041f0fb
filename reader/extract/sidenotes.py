"""Notes set in the margin beside a sentence (Tufte CSS's sidenotes and margin notes), set
apart from the sentence.

The page writes each note inside the paragraph it annotates, `<span class="sidenote">`, with a
`<label class="margin-toggle">` (a number drawn by CSS, or "⊕") and a checkbox that opens it on
a phone. Read in line, the note ran into the sentence ("…the Skerry light.The ledger is held
by…") and the toggle's "⊕" with it. The note becomes a paragraph of its own after the one it
annotates, the sentence reads whole, and the toggle goes.
"""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

from .furniture import class_names, drop

_NOTE_CLASSES = frozenset({"sidenote", "marginnote"})
_TOGGLE_CLASS = "margin-toggle"


def set_sidenotes_apart(doc: HtmlElement) -> None:
    """Move each margin note after its paragraph, in the page's order; drop the toggles."""
    for toggle in [el for el in doc.iter("label", "input") if _TOGGLE_CLASS in class_names(el)]:
        drop(toggle)
    notes = [
        el for el in doc.iter("span", "small") if not _NOTE_CLASSES.isdisjoint(class_names(el))
    ]
    # After each paragraph, its notes in their order: each goes after the one moved before it.
    last_after: dict[HtmlElement, HtmlElement] = {}
    for note in notes:
        paragraph = next(note.iterancestors("p"), None)
        if paragraph is None or paragraph.getparent() is None:
            continue
        moved = lxml.html.Element("p")
        moved.text = note.text
        moved.extend(list(note))
        drop(note)
        anchor = last_after.get(paragraph, paragraph)
        moved.tail = anchor.tail
        anchor.tail = None
        anchor.addnext(moved)
        last_after[paragraph] = moved
