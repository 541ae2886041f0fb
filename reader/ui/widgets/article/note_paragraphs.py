"""The reader's own notes in the reading view: the article's at the head of its text, each
highlight's under the paragraph its passage ends in, in the theme's style, the note's text made
display-safe as the page's is. Found by `/` (`TextRun.own`), never quoted as the article's."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text

from .... import marks
from ....highlights import Highlight, notes_after
from ....models import Article
from ...display import plain
from .paragraph import ArticleStyles, Paragraph

NOTE_MARK = f"{marks.NOTE_MARK} "
PLAIN_NOTE_MARK = f"{marks.PLAIN_NOTE_MARK} "


def note_paragraph(note: str, styles: ArticleStyles, gap: int = 1) -> Paragraph:
    """A note of the reader's, as the reading view draws it."""
    mark = PLAIN_NOTE_MARK if styles.plain else NOTE_MARK
    return Paragraph(
        plain(note, styles.caption, max_length=2000),
        first=Text(mark, styles.bullet),
        rest=Text(" " * len(mark)),
        gap=gap,
        searched=False,
        own=True,
    )


def is_note(paragraph: Paragraph) -> bool:
    """`paragraph` is a note of the reader's (`note_paragraph`), not the article's."""
    return paragraph.own


def with_notes(
    paragraphs: Iterator[Paragraph],
    article: Article,
    highlights: Sequence[Highlight],
    note: str,
    styles: ArticleStyles,
) -> Iterator[Paragraph]:
    """The article's `paragraphs`, its `note` before them and each highlight's note after
    the paragraph its passage ends in."""
    after = notes_after(article, highlights)
    ends = {id(article.blocks[block]): notes for block, notes in after.items()}
    if note:
        yield note_paragraph(note, styles)
    for paragraph in paragraphs:
        yield paragraph
        for block in paragraph.blocks:
            for text in ends.get(id(block), ()):
                yield note_paragraph(text, styles)
