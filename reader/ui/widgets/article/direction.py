"""A line's prefix (a bullet, a quote's bar) turned to face text set from the right; which way
an article runs is decided in `reader.text_direction`, for the reading view and the exports alike.

The terminal puts a line's right-to-left letters in their order (its bidi); the reading view
sets such a text flush right, its bullets and bars at the right edge (`typeset`).
"""

from __future__ import annotations

import re

from rich.text import Text

from ....marks import QUOTE_BAR, QUOTE_BAR_RIGHT
from ....text_direction import RIGHT_TO_LEFT_BLOCKS, paragraph_right_to_left, right_to_left

__all__ = ["RIGHT_TO_LEFT_BLOCKS", "mirrored", "paragraph_right_to_left", "right_to_left"]

_MIRRORED = str.maketrans(f"{QUOTE_BAR}▶", f"{QUOTE_BAR_RIGHT}◀")
"""A prefix's marks, pointing at the text from its right."""


def mirrored(prefix: Text) -> Text:
    """`prefix`'s words and spaces in the other order, each as written ("3." stays "3.")."""
    if not prefix.plain:
        return prefix
    parts = [match.span() for match in re.finditer(r"\s+|\S+", prefix.plain)]
    out = Text(end="")
    for start, end in reversed(parts):
        piece = prefix[start:end]
        piece.plain = piece.plain.translate(_MIRRORED)
        out.append_text(piece)
    return out
