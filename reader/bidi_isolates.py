"""Right-to-left text kept in its column on a terminal that orders letters itself: the
reader's own bidirectional isolates, put around a stretch of Hebrew, Arabic, Persian… text
where it is drawn (a headline's title, a feed's name, a line of the reading view), never
around text without such letters.

A terminal that runs Unicode's bidirectional algorithm (GNOME Terminal and the other VTE
ones, Konsole, mlterm) reorders a whole screen line as one paragraph: an Arabic feed name, the
blanks that pad its column and an Arabic title after it made one right-to-left run, the title
drawn in the feed's column and the name where titles are; a list item's number and its
sentence's full stop changed sides (acc41c C12, C13). Inside an isolate (U+2067 RLI or U+2066
LRI … U+2069 PDI) a text is ordered alone, and from outside it is one neutral character that
moves nothing: the padding, bullets, numbers and quote bars the reader draws around it stay
where they are drawn.

Terminals without bidi give the isolates no cell (Rich's measure, wcwidth's: glibc, tmux,
xterm, VTE's GLib, kitty, Alacritty), joined to the character before them, as a Persian
word's non-joiner already is; Windows Terminal drew them as boxes until its 2025 releases
(microsoft/terminal#18942). So they are put only where a text holds right-to-left letters:
an English row's or line's bytes are the same as without them, and only a reader of those
scripts, for whom a terminal without bidi shows the words back to front anyway, sees them.

`reader.safe` removes a page's own isolates and overrides (they could reorder what a reader
sees); these are put after it, by the reader, where the view draws the text.
"""

from __future__ import annotations

LEFT_TO_RIGHT_ISOLATE = "\u2066"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
POP_DIRECTIONAL_ISOLATE = "\u2069"
ISOLATES = "\u2066\u2067\u2068\u2069"
"""Every isolate character: LRI, RLI, FSI and PDI."""
_WITHOUT_ISOLATES = str.maketrans(dict.fromkeys(ISOLATES))


def isolates_for(text: str, right_to_left: bool | None = None) -> tuple[str, str]:
    """The isolate to open before `text` and the one to close after it, ("", "") when it
    holds no right-to-left letter. Right to left when `right_to_left` says so, or (None) when
    most of its letters are (a Hebrew title opening on "Intel" is one, which Unicode's
    first-strong isolate would have set left to right)."""
    if text.isascii():
        return "", ""
    # Here, past most titles (ASCII): the first screen of an English library imports none of it.
    from .text_direction import RIGHT_TO_LEFT_BLOCKS, letters_right_to_left

    if not RIGHT_TO_LEFT_BLOCKS.search(text):
        return "", ""
    if right_to_left is None:
        right_to_left = letters_right_to_left(text)
    return (
        RIGHT_TO_LEFT_ISOLATE if right_to_left else LEFT_TO_RIGHT_ISOLATE,
        POP_DIRECTIONAL_ISOLATE,
    )


def isolated(text: str, right_to_left: bool | None = None) -> str:
    """`text` in its isolates (`isolates_for`), or as it is when it holds no right-to-left
    letter."""
    opening, closing = isolates_for(text, right_to_left)
    return f"{opening}{text}{closing}" if opening else text


def without_isolates(text: str) -> str:
    """`text` without isolate characters: a line drawn by the view as its words."""
    return text if text.isascii() else text.translate(_WITHOUT_ISOLATES)
