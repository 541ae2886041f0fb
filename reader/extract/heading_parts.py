"""A headline set in parts: a label or kicker, a separator left to screen readers, the title.

FAZ writes `<h1><span>Kommentar zur Schuldenbremse</span><span class="visually-hidden">:</span>
<span>Ein Haushalt auf Pump</span></h1>`, Die Zeit the same with ": ". The page's style sets the
label on a line of its own; read as one line of text, the parts touch at the separator:
"Kommentar zur Schuldenbremse:Ein Haushalt auf Pump".

An older template sets the subtitle in the headline itself, under a line break:
`<h1>Harbour chief quits<br><small>Carvalho says she was never told</small></h1>`. The title
is the first line; the subtitle is the standfirst (`subtitle_out_of_headline`).
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


# The tags a subtitle set inside the headline is wrapped in.
_SUBTITLE_TAGS = ("small", "span", "em", "i")


def subtitle_out_of_headline(doc: HtmlElement) -> None:
    """Move the subtitle an `<h1>` sets under a line break (`<br><small>…</small>` closing it)
    out, as the standfirst after it: the body repeated the headline with the subtitle under it,
    as a heading the headline's cleanup didn't know (acc39a L11)."""
    for heading in doc.iter("h1"):
        if len(heading) < 2:
            continue
        subtitle, br = heading[-1], heading[-2]
        if (
            br.tag != "br"
            or subtitle.tag not in _SUBTITLE_TAGS
            or (subtitle.tail or "").strip()
            or (br.tail or "").strip()
        ):
            continue
        words = " ".join(subtitle.text_content().split())
        if not words or " ".join(heading.text_content().split()) == words:
            continue  # a headline all in <small> is the headline
        standfirst = heading.makeelement("p", {"class": "standfirst"})
        standfirst.text = words
        standfirst.tail = heading.tail
        heading.tail = None
        heading.remove(subtitle)
        heading.remove(br)
        heading.addnext(standfirst)
