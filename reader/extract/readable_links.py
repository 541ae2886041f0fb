"""How readability measures an element's links, which decides what it keeps: link density over
the text's length, memoised while scoring, with a round-up's item links and shops' buttons not
counted as links off the article. Apart from `readable` because it is one measure that all of
readability's steps (scoring, gathering siblings, the final clean-up) ask of an element."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..urls import site_of
from .climb import clean_length
from .inserts import is_offer
from .readable_cleanup import _HEADINGS, _CleanUp
from .teasers import ITEM_NUMBER


class _LinkMeasures(_CleanUp):
    """readability-lxml's `Document` with its link density memoised, a round-up's item links and
    shops' buttons not counted as links."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        super().__init__(tree, url=url)
        self._link_lengths: dict[HtmlElement, int] = {}
        self._offer_boxes: dict[HtmlElement, bool] = {}
        self._text_measures = None

    def get_link_density(self, elem: HtmlElement) -> float:
        if elem.tag in _HEADINGS:
            # sanitize() drops headings over a third links; Readability.js keeps them, and a
            # linked section title is still the article's structure.
            return 0.0
        links = self._link_lengths
        link_length = 0
        for a in elem.iterdescendants("a"):
            length = links.get(a)
            if length is None:
                length = links[a] = 0 if self._names_an_item(a) else clean_length(a.text_content())
            link_length += length
        if self._text_measures is None:
            return link_length / max(clean_length(elem.text_content()), 1)
        return link_length / max(self._text_measures.length(elem), 1)

    def _names_an_item(self, a: HtmlElement) -> bool:
        """A link that is a round-up's item, not a way off the article: its numbered heading
        ("3. Slack water tide clock"), linked to the product's page on another site, or a
        shop's button under it ("$39 at Amazon"). Counted as links, they made each item's box
        (heading, picture, a line of description, the buttons) a box of links, and sanitize()
        dropped every item. An unnumbered heading linked elsewhere is a related story's as
        often (a sister site's teaser), unless a shop's button shares its box: a book
        round-up's "The Salt Road by Ines Harrow" over its cover, its line and "£9.99 at
        Harbour Books", linked to the shop's own page or another's, or to a file's with no
        address."""
        text = " ".join(a.text_content().split())
        if is_offer(text):
            return True
        heading = next(a.iterancestors(*_HEADINGS), None)
        if heading is None:
            return False
        if not ITEM_NUMBER.match(heading.text_content()):
            return self._beside_an_offer(heading)
        target = site_of(a.get("href", "").strip())
        return bool(target) and target != site_of(self.url or "")

    def _beside_an_offer(self, heading: HtmlElement) -> bool:
        """A shop's button in the heading's own box (its parent), after it."""
        box = heading.getparent()
        if box is None or box.tag in ("body", "html"):
            return False
        found = self._offer_boxes.get(box)
        if found is None:
            found = self._offer_boxes[box] = any(
                is_offer(" ".join(link.text_content().split())) for link in box.iter("a")
            )
        return found
