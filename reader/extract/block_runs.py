"""Runs of inline text, the part of the article's blocks every element kind writes: its words
with their links and formatting, line breaks, the pictures named where they stand, and the
anchors links of the text point at. `RunWriter` holds the state of the walk of `blocks`; the
element kinds' writers (`block_quotes`, `block_lists`, `block_tables`) build on it.
"""

from __future__ import annotations

from dataclasses import fields, replace
from operator import attrgetter

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from ..safe import safe_text
from ..urls import link_url
from .block_elements import _BLOCK_TAGS, _SKIP
from .images import Picture
from .math import MATH_CLASS
from .picture_alts import says_nothing
from .run_text import (
    _SCRIPTS,
    _as_script,
    _collapsed,
    _is_back_link,
    _label_touching,
    _phrases_touching,
    _starts_with_word,
    _trim,
    quotation_marks,
)

# Inline boxes a caption is built of: its text, its credit, the credit's label ("Credit",
# "Photo:"). The page's style sets them apart; without it their words run together.
_CAPTION_PARTS = frozenset({"span", "small", "cite"})
# A run's formatting: all it has but its text. Two runs side by side alike in it are one run;
# read field by field, as two copies of each run made to compare them cost a tenth of the walk.
_FORMATTING = attrgetter(*(f.name for f in fields(Inline) if f.name != "text"))


class RunWriter:
    """The blocks written so far and the run of inline text being written, which the next
    block element ends (`flush`)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.inlines: list[Inline] = []
        # Pages repeat the same links (footnotes, tags); resolving a URL is the costly part.
        self._urls: dict[str, str | None] = {}
        self.in_caption = False
        self.struck = 0
        """How many struck-through elements (`<del>`, `<s>`) the text being added is inside."""
        self.pictures: dict[HtmlElement, Picture] = {}
        """The pictures to name, by the element the walk meets (`images.find_pictures`); a
        table's cells have none: a picture in a cell is an icon, and a cell is one line."""
        self.targets: frozenset[str] = frozenset()
        """The ids a link of the text names (`link_targets`): anchors to keep."""
        self.anchors: dict[str, int] = {}
        """Each target met, by the index of the block it is in: the block being written when
        the walk met it, or the next one (an empty `<a id>` before a note's text)."""

    def mark(self, el: HtmlElement) -> None:
        """Note `el`'s id when a link of the text names it (see `anchors`)."""
        name = el.get("id") or (el.get("name") if el.tag == "a" else None)
        if name and name in self.targets and name not in self.anchors:
            self.anchors[name] = len(self.blocks)

    def anchored(self) -> list[Block]:
        """The blocks written, each with the anchors met in it."""
        blocks = self.blocks
        for name, index in self.anchors.items():
            if index < len(blocks):
                blocks[index] = replace(blocks[index], anchors=(*blocks[index].anchors, name))
        return blocks

    def resolve(self, href: str) -> str | None:
        url = self._urls.get(href, "")
        if url == "":
            url = self._urls[href] = link_url(self.base_url, href) or None
        return url

    # -- inline runs -----------------------------------------------------------------------
    def add_text(
        self, text: str | None, href: str | None, strong: bool, em: bool, code: bool
    ) -> None:
        if not text:
            return
        text = safe_text(text)
        if not code:
            text = _collapsed(text)
            if text[:1] == " " and self._ends_with_space():
                # The indentation of the line after a <br>, or a space the run before already
                # ends with ("and <b> cracked</b>"): HTML collapses it, and so do we.
                text = text[1:]
        if not text:
            return
        run = Inline(text, href, strong, em, code, struck=self.struck > 0)
        last = self.inlines[-1] if self.inlines else None
        if last and not last.math and _FORMATTING(last) == _FORMATTING(run):
            self.inlines[-1] = replace(last, text=last.text + text)
        else:
            self.inlines.append(run)

    def _ends_with_space(self) -> bool:
        return bool(self.inlines) and self.inlines[-1].text.endswith(("\n", " "))

    def add_break(self) -> None:
        """A `<br>`: a new line, and at most one blank line however many follow one another
        (old pages space their paragraphs, or pad the page, with runs of them)."""
        tail = ""
        for run in reversed(self.inlines):
            tail = run.text + tail
            if run.text.strip():
                break
        if not tail.strip():
            return  # nothing written yet: _trim would drop it anyway
        if tail.rstrip(" ").endswith("\n\n"):
            return
        last = self.inlines[-1]
        if last.text.endswith(" ") and not last.code:
            # The space before the break ends no word: it would be a trailing space on the line.
            self.inlines[-1] = replace(last, text=last.text.rstrip(" "))
            if not self.inlines[-1].text:
                self.inlines.pop()
        self.add_text("\n", None, False, False, True)

    def flush(self, kind: BlockKind, level: int = 1, ordinal: int = 0) -> None:
        inlines = _trim(self.inlines)
        self.inlines = []
        if inlines:
            self.blocks.append(Block(kind, inlines, level, ordinal))

    def inline(self, el: HtmlElement, href: str | None, strong: bool, em: bool, code: bool) -> None:
        """Add an inline element's content; a nested block element ends the current run."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if self.targets:
            self.mark(el)
        if el in self.pictures:
            self.picture(self.pictures[el])
            return
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            self.add_break()
            return
        if self.in_caption and tag in _CAPTION_PARTS and self._caption_part(el):
            return
        if tag == "a":
            if _is_back_link(el):
                return
            href = self.resolve(el.get("href", ""))
        if tag == "code" and el.get("class") == MATH_CLASS:
            # A formula is one run of its own: the code beside it is not part of it.
            text = safe_text(el.text or "")
            if text:
                self.inlines.append(Inline(text, href, strong, em, code=True, math=True))
            return
        if tag in _SCRIPTS:
            script = _as_script(el.text_content(), _SCRIPTS[tag], tag == "sup")
            if script:
                link = el if tag == "a" else el.find(".//a[@href]")
                if link is not None and not _is_back_link(link):
                    href = self.resolve(link.get("href", ""))
                self.add_text(script, href, strong, em, code)
                return
        strong = strong or tag in ("strong", "b")
        em = em or tag in ("em", "i", "cite")
        code = code or tag in ("code", "kbd", "samp", "tt")
        marks = quotation_marks(el) if tag == "q" else ("", "")
        # Text struck through is the page saying it no longer holds ("Collabora <s>Multimedia
        # </s>", a corrected figure): it stays, marked, as a browser shows it.
        struck = tag in ("del", "s", "strike")
        self.struck += struck
        self.add_text(marks[0], href, strong, em, code)
        self.add_text(el.text, href, strong, em, code)
        for child in el:
            # A box inside a link or a span (a link card's title, then its summary) is a line
            # of its own to a browser: its words don't run into the words beside it.
            apart = isinstance(child.tag, str) and child.tag in _BLOCK_TAGS and not code
            if apart or (not code and _phrases_touching(child)):
                self._set_apart(href, strong, em)
            self.inline(child, href, strong, em, code)
            if apart and ((child.tail or "").strip() or child.getnext() is not None):
                self._set_apart(href, strong, em)
            if not code and _label_touching(child):
                self._set_apart(href, strong, em)
            self.add_text(child.tail, href if child.tag != "a" else None, strong, em, code)
        self.add_text(marks[1], href, strong, em, code)
        self.struck -= struck

    def _set_apart(self, href: str | None, strong: bool, em: bool) -> None:
        """A space after what is written, unless it ends with one (or nothing is written)."""
        if self.inlines and not self._ends_with_space():
            self.add_text(" ", href, strong, em, False)

    def picture(self, picture: Picture) -> None:
        """A line naming a picture, where it stands (its box has no other text, so no run of
        text is cut in two)."""
        pending = "".join(i.text for i in self.inlines)
        if pending.strip() and not says_nothing(pending):
            return
        self.inlines = []  # a screen reader's "Image" before it, or nothing
        self.blocks.append(Block(BlockKind.IMAGE, (Inline(picture.alt, picture.url),)))

    def _caption_part(self, el: HtmlElement) -> bool:
        """Set a part of a caption apart from the part before it ("…since December. Photo: Dana
        Kirk", not "December.Photo:"); True when the part only repeats the label just written
        (a visible "Credit" and a screen reader's copy of it) and is to be skipped."""
        written = self.inlines[-1].text if self.inlines else ""
        if not written:
            return False
        if not written[-1].isspace():
            previous = el.getprevious()
            if previous is None or previous.tail or not _starts_with_word(el):
                return False  # a word of the text split by styling ("Photo<b>graph</b>")
            self.add_text(" ", None, False, False, False)
        label = " ".join(el.text_content().split())
        if len(label.split()) > 2:
            return False
        before = " ".join(written.split())
        return before.endswith(label) and before[: -len(label)][-1:] in ("", " ")

    def _pending(self) -> bool:
        """Words of the current run are written and not yet flushed."""
        return any(i.text.strip() for i in self.inlines)

    # The walk of block elements is the builder's (`blocks._Builder`): the element kinds'
    # writers call it for what an element holds.
    def block(self, el: HtmlElement, kind: BlockKind, level: int = 1, ordinal: int = 0) -> None:
        raise NotImplementedError

    def element(self, el: HtmlElement, context: BlockKind, depth: int) -> None:
        raise NotImplementedError

    def in_bold(self, el: HtmlElement, level: int) -> None:
        """Walk `el` as paragraphs at `level`, all their words in bold."""
        start = len(self.blocks)
        self.block(el, BlockKind.PARAGRAPH, level)
        self.blocks[start:] = [
            replace(b, inlines=tuple(replace(i, strong=True) for i in b.inlines))
            for b in self.blocks[start:]
        ]
