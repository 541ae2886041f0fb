"""Two kept copies of a story that differ only by noise: the page's typography (curly or
straight quotes, a dash for a hyphen, spaces, an ellipsis, invisible characters, a letter
composed or decomposed) or its clock at the newer copy's retrieval (`page_clock`). Every word
and figure the same, neither says anything the other does not.

The copies' cap (`Store.renew_article`) drops such a copy before the first copy of a change of
substance, whose retrieval dates the change (acc47b F6: the copy where a correction was first
seen went to make room for copies differing from it by noise). Not a case, an accent or a
figure: "US" for "us", "Zoe" for "Zoë", "m2" for "m²" may be corrections.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from .fold import PUNCTUATION

_TYPESET = str.maketrans({"\u2026": "..."})
"""An ellipsis typeset as one character, the three dots typed."""
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
"""A soft hyphen, zero-width spaces and joiners: nothing a reader sees."""


def noise_apart(old: str, new: str, made: Sequence[datetime], before: Sequence[datetime]) -> bool:
    """Whether the text `new`, made at one of the times `made` (its retrieval first), says what
    `old` (made at one of the times `before`) says but for its typography and its page's clock
    (`page_clock.only_clock_changed`); False for the same text, which is a copy repeated, not
    one differing by noise."""
    from .page_clock import only_clock_changed

    if old == new:
        return False
    old, new = _plain(old), _plain(new)
    return old == new or only_clock_changed(old, new, made, before)


def _plain(text: str) -> str:
    """`text` with its typography as typed: quotes, dashes and ellipses, each run of spaces
    one, invisible characters out, letters composed."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return " ".join(text.translate(PUNCTUATION).translate(_TYPESET).split())
