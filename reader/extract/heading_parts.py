"""A headline set in parts: a label or kicker, a separator left to screen readers, the title.

FAZ writes `<h1><span>Kommentar zur Schuldenbremse</span><span class="visually-hidden">:</span>
<span>Ein Haushalt auf Pump</span></h1>`, Die Zeit the same with ": ". The page's style sets the
label on a line of its own; read as one line of text, the parts touch at the separator:
"Kommentar zur Schuldenbremse:Ein Haushalt auf Pump".
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import HEADING_TAGS
from .screen_reader import is_screen_reader_only

# The separators a headline's hidden part says between its label and its title.
_SEPARATOR = re.compile(r"\s*[:.|–—-]\s*")


def spaced_heading_separators(doc: HtmlElement) -> None:
    """Give a heading's hidden separator a space after it: the title reads "Kommentar zur
    Schuldenbremse: Ein Haushalt auf Pump", and once the hidden part is gone (the cleanup drops
    what is a screen reader's only, keeping what follows it) the two parts are still apart."""
    for heading in doc.iter(*HEADING_TAGS):
        for el in heading.iterdescendants():
            if not isinstance(el.tag, str) or len(el) or not is_screen_reader_only(el):
                continue
            text = el.text or ""
            if not _SEPARATOR.fullmatch(text) or text.endswith((" ", "\u00a0")):
                continue
            if (el.tail or "")[:1].isspace():
                continue
            el.tail = " " + (el.tail or "")
