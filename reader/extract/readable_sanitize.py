"""readability-lxml's final clean-up (`sanitize`), the same removals in the same order, with each
element's text measured once in the pass instead of four times over.

For each box it judges (tables, lists, divs, sections, innermost first) readability-lxml reads
the box's whole text four times: commas counted, `clean`'s regexes for its length, the link
density's length again, and `debug.text_content`'s regex for a debug line that is formatted
whether or not it is logged. Each is over everything below the box, so a page nested deep (a
fuzzer's 1,000 unclosed `<table>` in a long paragraph, an old layout's tables in tables) paid
it once per level: 15 s on a 1 MB page, most of it in those regexes. Here the text is read once
per box, its length is `clean_length` (the same number without the regexes), kept while nothing
below the box changes, and the debug lines are not written."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, is_video_url

from .text_measures import TextMeasures

_NO_TEXT = "no text"
# What sanitize() counts in a box to judge it: paragraphs against pictures, items, embeds and
# form fields.
_COUNTED = ("p", "img", "li", "a", "embed", "input")


class _Sanitize(Document):
    """readability-lxml's `Document` with its `sanitize` measuring each text once."""

    _text_measures: TextMeasures | None
    """Elements' text measures, kept while the tree is only read (scoring) or while the
    clean-up keeps them true (what it drops or rewrites forgotten); else None."""

    def sanitize(self, node: HtmlElement, candidates: Any, keep_all_images: bool = False) -> str:
        measures = self._text_measures = TextMeasures()
        try:
            self._remove_conditionally(node, candidates, keep_all_images, measures)
        finally:
            self._text_measures = None
        self.html = node
        return self.get_clean_html()

    def _remove_conditionally(
        self,
        node: HtmlElement,
        candidates: Any,
        keep_all_images: bool,
        measures: TextMeasures,
    ) -> None:
        """readability-lxml's `sanitize` up to its last line, step for step."""

        def drop(el: HtmlElement) -> None:
            measures.forget(el)
            el.drop_tree()

        min_len = self.min_text_length
        for header in self.tags(node, "h1", "h2", "h3", "h4", "h5", "h6"):
            if self.class_weight(header) < 0 or self.get_link_density(header) > 0.33:
                drop(header)
        for elem in self.tags(node, "p"):
            if (
                REGEXES["callToActionRe"].search(elem.text_content())
                and self.get_link_density(elem) > 0.2
            ):
                drop(elem)
        for elem in self.tags(node, "form", "textarea"):
            drop(elem)
        for elem in self.tags(node, "iframe"):
            if "src" in elem.attrib and is_video_url(elem.attrib["src"]):
                elem.attrib.pop("srcdoc", None)
                measures.forget(elem)
                elem.text = "VIDEO"
            else:
                drop(elem)

        allowed = self.get_preserved_elements(node)
        for el in self.reverse_tags(
            node, "table", "ul", "div", "aside", "header", "footer", "section"
        ):
            if el in allowed:
                continue
            weight = self.class_weight(el)
            content_score = candidates[el]["content_score"] if el in candidates else 0
            if weight + content_score < 0:
                drop(el)
                continue
            if measures.commas(el) >= 10:
                continue
            counts = {kind: len(el.findall(f".//{kind}")) for kind in _COUNTED}
            counts["li"] -= 100
            counts["input"] -= len(el.findall('.//input[@type="hidden"]'))
            content_length = measures.length(el)
            link_density = self.get_link_density(el)
            if keep_all_images and el.tag == "div" and counts["img"] >= 1:
                continue
            reason = _reason_to_remove(el, counts, content_length, link_density, weight, min_len)
            if reason:
                to_remove = True
                if reason == _NO_TEXT:
                    # Kept when the nearest non-empty sibling on each side holds more than
                    # 1,000 characters between them, and with it the boxes inside it.
                    siblings = [
                        length
                        for side in (el.itersiblings(), el.itersiblings(preceding=True))
                        if (length := _first_length(side, measures))
                    ]
                    if siblings and sum(siblings) > 1000:
                        to_remove = False
                        for inner in self.tags(el, "table", "ul", "div", "section"):
                            allowed[inner] = True
                if to_remove:
                    drop(el)


def _reason_to_remove(
    el: HtmlElement,
    counts: dict[str, int],
    content_length: int,
    link_density: float,
    weight: float,
    min_len: int,
) -> str:
    """The first of readability-lxml's reasons to remove a box, in its order, or "" (the last,
    `_NO_TEXT`, may be waived by the box's siblings)."""
    tag = el.tag
    if counts["p"] and counts["img"] > 1 + counts["p"] * 1.3:
        return "too many pictures"
    if counts["li"] > counts["p"] and tag not in ("ol", "ul"):
        return "more items than paragraphs"
    if counts["input"] > counts["p"] / 3:
        return "fields"
    if content_length < min_len and (counts["img"] == 0 or counts["img"] > 2):
        return "too short"
    if weight < 25:
        within = tag in ("ul", "section") and el.xpath("ancestor::main | ancestor::article")
        if link_density > (0.25 if within else 0.2):
            return "links"
    elif link_density > 0.5:
        return "links"
    if (counts["embed"] == 1 and content_length < 75) or counts["embed"] > 1:
        return "embeds"
    return "" if content_length else _NO_TEXT


def _first_length(siblings: Any, measures: TextMeasures) -> int:
    """The text length of the first of `siblings` holding any text, or 0."""
    return next((length for sib in siblings if (length := measures.length(sib))), 0)
