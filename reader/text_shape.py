"""The shape of plain text: where its paragraphs part, and whether a paragraph's lines were
wrapped by hand (joined again) or are lines of their own (an address, a timetable, a video's
chapters). One rule for a text/plain page (`extract.plain_text`) and a feed's plain text."""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WRAPPED_SHARE = 0.6
"""A paragraph's lines were wrapped by hand when each, but its last, is at least this share of
the text's longest line (hand-wrapped text fills its lines to the margin, within a word's
length)..."""
_NARROWEST_MARGIN = 50
"""...and that line is this long at least: no one wraps prose narrower; a text of short lines
only (a notice, a timetable) keeps them."""


# A field's line, "Contact: press@…", "More: https://…", "Tel.: 01234": a label of a few words
# from a capital, a colon, its value.
_FIELD = re.compile(r"[^\W\d_][\w'’.&/-]*(?: [\w'’.&/-]+){0,2}:\s+\S")


def joined_lines(lines: list[str], margin: int) -> str:
    """The lines of one paragraph as its text: joined by spaces when wrapped by hand, else
    with their line breaks. Lines each opening with a label ("Contact: …" above "More: …")
    are fields one under the other, however long, never a sentence wrapped."""
    lines = [line.strip() for line in lines]
    fields = len(lines) > 1 and all(line[:1].isupper() and _FIELD.match(line) for line in lines)
    wrapped = (
        not fields
        and margin >= _NARROWEST_MARGIN
        and all(len(line) >= _WRAPPED_SHARE * margin for line in lines[:-1])
    )
    return (" " if wrapped else "\n").join(lines)


def text_as_html(text: str) -> str:
    """Plain text as HTML paragraphs of its shape (escaped: no "<" in it is read as a tag), for
    what reads HTML only (the extractor's fallback, a feed entry's text)."""
    # Here: `html` brings its table of entities (~5 ms), which the start doesn't use.
    import html

    chunks = [chunk.strip("\n") for chunk in PARAGRAPH_BREAK.split(text) if chunk.strip()]
    margin = max((len(line.rstrip()) for c in chunks for line in c.split("\n")), default=0)
    paragraphs = (joined_lines(chunk.split("\n"), margin) for chunk in chunks)
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


# Every space but the ideographic one (U+3000), which Japanese and Chinese headlines set between
# two phrases ("閣議決定　電気・ガス補助を延長") as a typesetter's space of a character's width,
# and Japanese names between the family and the given name ("山田　太郎"): written as an ASCII
# space it is a visible typo to a Japanese desk (acc38a J7). Nor the no-break spaces: the
# no-break (U+00A0), the narrow one (U+202F) and the figure space (U+2007) glue French's "Qui ?"
# and "« Non »", a figure's groups and its unit ("12 000 €"), a name's initials; as ASCII spaces
# a line could break there ("€" alone at a line's start) and a copy lost the typography.
_SPACES = re.compile(r"\s+")
_NO_BREAK_SPACES = "\u00a0\u202f\u2007"
_KEPT_SPACE = re.compile("[\u00a0\u202f\u2007\u3000]")


def _one_space(run: re.Match[str]) -> str:
    spaces = run.group()
    if "\u3000" in spaces:
        return "\u3000"
    # A run of no-break spaces only: the writer glued the words; one with a plain space or a
    # line break in it could break there already, as the page set it.
    return spaces[0] if not spaces.strip(_NO_BREAK_SPACES) else " "


def one_line(text: str) -> str:
    """`text` on one line: each run of spaces and line breaks one space, none at the ends, as
    `" ".join(text.split())` gives, but a run holding an ideographic space that space, and a
    run of no-break spaces only its first. The one way a line a reader sees (a title, a name,
    a site's, a caption, a cell) is folded; a key only compared or matched may fold these
    spaces too."""
    if text.isascii() or not _KEPT_SPACE.search(text):
        return " ".join(text.split())  # nearly every line, and the fastest
    return _SPACES.sub(_one_space, text).strip()
