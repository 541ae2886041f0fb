"""What readability-lxml's final clean-up (`sanitize`) spares that it would remove, as
Readability.js spares it: prose lists, short statements, footnotes, notes, data tables, code,
formulas, the article's header, captions, quotes' attributions, figures and pictures' boxes; and
the headings it leaves over nothing, removed after it."""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement
from readability.readability import REGEXES

from .climb import clean_length
from .corrections import is_article_note
from .fact_boxes import FACT_BOX
from .furniture import is_furniture, names_of
from .heading_boxes import (
    box_heads_something,
    heading_boxes,
    headings_over_tabs,
    heads_something,
    tab_boxes,
)
from .images import worth_keeping
from .inserts import is_headed_list
from .math import MATH_CLASS
from .media import MEDIA_CLASS
from .quotes import is_attribution
from .readable_sanitize import _Sanitize
from .readable_siblings import _cited_ids
from .sentence_ends import ends_sentence
from .site_notices import is_call_to_readers

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# MediaWiki names its thumbnails' captions "thumbcaption".
_CAPTION = re.compile(r"(?:^|[\s_-])(?:thumb)?caption(?:$|[\s_-])")
# The most a media player's box says besides the player: a label and a credit line.
_MEDIA_CAPTION = 80
_FOOTNOTES = re.compile(r"\b(?:foot|end)notes?\b")
# What the site offers its readers (its newsletter, its app, its updates in their inbox), in
# a line opening with "Download" or "Subscribe": a line naming none of it is the writer's.
_SITES_OFFER = re.compile(
    r"\b(?:our|us|newsletters?|apps?|podcasts?|alerts?|updates|inbox|e-?mails?|free)\b",
    re.IGNORECASE,
)


class _CleanUp(_Sanitize):
    """readability-lxml's `Document` with the clean-up that spares the article's parts."""

    _heading_boxes: list[HtmlElement]
    """The boxes holding a section's heading alone that the clean-up was told to spare (set by
    `get_preserved_elements`, which `sanitize` calls first)."""

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        """What sanitize() must not remove: readability-lxml's own (tables of contents, quote
        leads), plus lists whose items are sentences, figures with their captions, data tables, code blocks
        and the article's own header when it holds a standfirst."""
        allowed: dict[HtmlElement, bool] = super().get_preserved_elements(node)
        # Each box's text measured once for this pass (`_spare_wrappers`): 8,000 captioned
        # figures measured the whole article 8,000 times, 14 s (acc29c S11).
        lengths: dict[HtmlElement, int] = {}
        # A section's heading in a box of its own, which sanitize() removes as a box under 25
        # characters: kept here, and removed after it if what it heads went (`sanitize`). A
        # box its names score below zero ("promo-title") is judged as before.
        self._heading_boxes = []
        # So is a heading over tabs (`heads_tabs`), in the box it shares with them: short
        # once the tabs, links, are gone.
        over_tabs = [
            boxes
            for heading in headings_over_tabs(node.iter(*_HEADINGS), node)
            if (boxes := tab_boxes(heading, node))
        ]
        for wrappers in [*heading_boxes(node), *over_tabs]:
            box = wrappers[-1]
            long = clean_length(box.text_content()) >= self.min_text_length
            if (long and wrappers not in over_tabs) or any(
                self.class_weight(wrapper) < 0 for wrapper in wrappers
            ):
                continue
            self._heading_boxes.append(box)
            for wrapper in wrappers:
                allowed[wrapper] = True
        for lst in node.iter("ul", "ol"):
            if (
                self._is_list_between_prose(lst)
                or is_headed_list(lst, self.url or "")
                or self._is_short_statement(lst)
            ):
                allowed[lst] = True
                continue
            if not self._is_prose_list(lst):
                continue
            allowed[lst] = True
            if next(lst.iter("img", "figure", "picture", *_HEADINGS), None) is not None:
                continue  # slides or their titled legends: the wrapper is a gallery widget
            # Its wrappers too (a reference list's "reflist" divs), up to the first holding more
            # than a tenth of other text: Readability.js counts a block that is over 90% list
            # as a list, and a wrapper is otherwise removed for the very links spared above.
            size = clean_length(lst.text_content()) / 0.9
            for el in (lst, *lst.iterancestors()):
                if el is node or clean_length(el.text_content()) > size:
                    break
                allowed[el] = True
        for sub in node.iter("ul", "ol"):
            # A sub-list is its item's own words ("Top level one" • "Nested alpha"): sanitize()
            # removes any list under 25 characters, which Readability.js never does, and a short
            # sub-list always is. It stays or goes with its list; a menu's sub-menu of links is
            # judged as before.
            parent = sub.getparent()
            if parent is not None and parent.tag == "li" and self.get_link_density(sub) <= 0.5:
                allowed[sub] = True
        for el in node.iter("div", "section", "aside", "ol", "ul"):
            # Footnotes are the author's words: readability-lxml's negative pattern ("foot")
            # scores them below zero and removes them (Readability.js no longer does).
            names = names_of(el)
            if _FOOTNOTES.search(names) and self.get_link_density(el) < 0.5:
                allowed[el] = True
                for inner in el.iterdescendants("div", "section", "aside", "ol", "ul", "table"):
                    allowed[inner] = True
        _spare_cited_notes(node, allowed)
        for el in node.iter("div", "section", "aside"):
            # A correction or an editor's note in its box inside the body: an <aside> scores
            # below zero unless its sentence has a comma, and is removed for it.
            if el not in allowed and is_article_note(el):
                allowed[el] = True
                for inner in el.iterdescendants("div", "section", "aside"):
                    allowed[inner] = True
        for box in node.xpath(f".//*[@{FACT_BOX}]"):
            # A box of facts the page's clean-up kept ("sidebar factbox"): its names score it,
            # and its list, below zero.
            for el in box.iter("div", "section", "aside", "ul", "ol", "dl", "table"):
                allowed[el] = True
        for div in node.iter("div"):
            if self._is_short_paragraph(div):
                allowed[div] = True
        for table in node.iter("table"):
            # A data table (headed columns or a caption, as Readability.js tells one from a
            # layout table): a table of releases and dates is mostly links and still the text.
            if table.find(".//table") is None and (
                table.find(".//th") is not None or table.find("caption") is not None
            ):
                allowed[table] = True
                # Its cells' lists and boxes are its data (an infobox's "Divisions": a list
                # of two links), not menus for sanitize() to judge one by one.
                for inner in table.iterdescendants("ul", "ol", "div", "section", "aside"):
                    allowed[inner] = True
        for pre in node.iter("pre"):
            # A two-line config snippet is too short for sanitize()'s taste, and is the step
            # the sentence before it announces. Its highlighting wrappers go with it.
            _spare_wrappers(pre, node, 25, allowed, lengths)
        for formula in node.iter("code"):
            # A displayed formula's box ("A Hermitian ⟺ aᵢⱼ = a̅ⱼᵢ" in Wikipedia's equation
            # box) is under 25 characters too.
            if formula.get("class") == MATH_CLASS:
                _spare_wrappers(formula, node, 25, allowed, lengths)
        for header in node.iter("header"):
            # The article's own header, with its standfirst: readability-lxml scores a <header>
            # below zero as a candidate and then removes it for that score, lead and all.
            if self.get_link_density(header) < 0.25 and any(
                clean_length(p.text_content()) >= 40 for p in header.iter("p")
            ):
                allowed[header] = True
        for el in node.iter("div", "p", "span"):
            if self._is_photo_caption(el):
                # A photo's caption written as a <div class="caption">: sanitize() removes a
                # div under 25 characters, and a short caption ("Keep bags on the floor") is.
                for inner in (el, *el.iterdescendants("div", "p", "span")):
                    allowed[inner] = True
                # Its box and the box's wrappers go with it, as a figure's do.
                _spare_wrappers(el, node, 25, allowed, lengths)
        for el in node.iter("footer", "cite", "figcaption"):
            if is_attribution(el):
                # "— Ruth Adeyemi" is under sanitize()'s 25 characters; it is the quote's line.
                for inner in (el, *el.iterdescendants()):
                    allowed[inner] = True
        for figure in node.iter("figure"):
            caption = figure.find(".//figcaption")
            if caption is None or len(caption.text_content().split()) < 3:
                continue
            # The wrappers around a figure (a photo viewer's divs) go with it, up to the first
            # one holding anything else.
            allowed[figure] = True
            _spare_wrappers(figure, node, 25, allowed, lengths)
        texts: dict[HtmlElement, bool] = {}
        for picture in node.iter("img"):
            # A picture's boxes holding nothing else: sanitize() removes a box with no text
            # ("no content"), and the picture's line (`images`) with it.
            if not worth_keeping(picture, self.url or ""):
                continue
            for outer in picture.iterancestors():
                if outer is node:
                    break
                if outer not in texts:  # asked once a box, stopping at its first word
                    texts[outer] = any(t.strip() for t in outer.itertext())
                if texts[outer]:
                    break
                allowed[outer] = True
        for line in node.iter("p"):
            if line.get("class") != MEDIA_CLASS:
                continue
            # A recording's line and its box, with the box's label and credit ("Read by …"):
            # sanitize() removes a box under 25 characters with no picture in it.
            _spare_wrappers(line, node, _MEDIA_CAPTION, allowed, lengths)
        return allowed

    def _is_photo_caption(self, el: HtmlElement) -> bool:
        """An element named a caption, beside a photo in a box holding nothing else."""
        names = names_of(el)
        if "caption" not in names or not _CAPTION.search(names):
            return False
        box = el.getparent()
        if box is None or next(box.iter("img", "picture"), None) is None:
            return False
        return clean_length(box.text_content()) <= clean_length(el.text_content()) + 25

    def _is_short_paragraph(self, div: HtmlElement) -> bool:
        """A line of a story written as a <div> ("They both took one."): a sentence, without
        links, beside other paragraphs. sanitize() removes any div under 25 characters. A line
        alone in a box of its own (Medium's `<blockquote><div><p>Stay focused on the CPU!`)
        is beside the paragraphs around its box."""
        text = " ".join(div.text_content().split())
        # A sentence, with the quote or bracket closing it: "[Alden: Et tu, Lexi?]" is a line of
        # the story as much as "“Finally,” said Mira." is.
        if not text or len(text) >= self.min_text_length or not ends_sentence(text):
            return False
        if next(div.iter("a", "img", "table", "ul", "ol"), None) is not None:
            return False
        outer = div
        while (
            (parent := outer.getparent()) is not None
            and len(parent) == 1
            and not (parent.text or "").strip()
            and not (outer.tail or "").strip()
        ):
            outer = parent
        for sibling in (outer.getprevious(), outer.getnext()):
            if (
                sibling is not None
                and clean_length(sibling.text_content()) >= 80
                and self.get_link_density(sibling) < 0.25
            ):
                return True
        return False

    def _is_list_between_prose(self, lst: HtmlElement) -> bool:
        """A list the text runs through: a paragraph announces it and another follows it
        ("A body is one of the following types." • ArrayBuffer • Blob • string …). Its items
        may be single linked terms; a menu or a "read more" list is links from end to end."""
        around = (lst.getprevious(), lst.getnext())
        for p in around:
            if p is None or p.tag != "p" or clean_length(p.text_content()) < 40:
                return False
            if self.get_link_density(p) > 0.25:
                return False
        return self.get_link_density(lst) <= 0.5

    def _is_short_statement(self, lst: HtmlElement) -> bool:
        """A list of one short item of the writer's words, no link ("The scheme costs £4.2m"):
        sanitize() removes any list under 25 characters, which Readability.js never does to a
        list. A one-item list that is a link ("Related: <a>…</a>") is still judged as before,
        and so is one the page names as furniture (tags, share buttons). A list of no items,
        its text set in it to be indented (an old page's quotation, "<ul><i>You didn't try
        <a>vlc</a>!</i></ul>"), is its one item."""
        items = [li for li in lst if li.tag == "li"] or [lst]
        if len(items) != 1 or clean_length(lst.text_content()) >= self.min_text_length:
            return False  # longer, sanitize() doesn't find it short
        if len(items[0].text_content().split()) < 2 or self.get_link_density(lst) > 0.2:
            return False
        return not any(map(is_furniture, (lst, items[0])))

    def _is_prose_list(self, lst: HtmlElement) -> bool:
        """A list of sentences with links in them (release notes, steps), not a list of links.

        readability-lxml removes any list whose text is over a fifth links; Readability.js
        spares lists from that rule, and so do we when the items read as text.
        """
        items = [li for li in lst if li.tag == "li"]
        if len(items) < 1 or self.get_link_density(lst) > 0.5:
            return False
        words = sum(len(li.text_content().split()) for li in items)
        return words / len(items) >= 6

    def tags(self, node: HtmlElement, *tag_names: str) -> Any:
        found = super().tags(node, *tag_names)
        if tag_names != ("p",):
            return found
        # Only sanitize() asks for the paragraphs alone, to remove each opening with
        # "Download", "Subscribe", "Sign up" or "Get the latest" that is a fifth links (a rule
        # Readability.js has not): a how-to's step, "Download and install gp4par. You can get
        # it from <a>the Github repository</a>.", went with the site's calls. The writer's
        # lines are not offered to it; the site's calls are removed after it (`inserts`).
        return (p for p in found if not self._is_writers_instruction(p))

    def _is_writers_instruction(self, p: HtmlElement) -> bool:
        """A paragraph opening as readability-lxml's calls to action do, that is the writer's
        sentence: some words besides its links, offering nothing of the site's."""
        text = " ".join(p.text_content().split())
        if not REGEXES["callToActionRe"].search(text) or self.get_link_density(p) > 0.5:
            return False
        return not is_call_to_readers(text) and not _SITES_OFFER.search(text)

    def sanitize(self, node: HtmlElement, candidates: Any, keep_all_images: bool = False) -> str:
        """readability-lxml's final clean-up, then the headings whose section it emptied: a
        heading over the box of other stories' links it removed heads nothing, and would end the
        article. A heading with nothing under it on the page itself stays, as the page shows it."""
        heading_text = [h for h in node.iter(*_HEADINGS) if _section_has_text(h)]
        # A heading over the tabs of the panels after it heads those panels, the tabs gone.
        over_tabs = set(headings_over_tabs(heading_text, node))
        clean = super().sanitize(node, candidates, keep_all_images)
        emptied = [
            h
            for h in heading_text
            if any(a is node for a in h.iterancestors())
            and not _section_has_text(h)
            and not (h in over_tabs and box_heads_something(h, node))
        ]
        for heading in emptied:
            heading.drop_tree()
        for box in self._heading_boxes:
            if any(a is node for a in box.iterancestors()) and not heads_something(box):
                box.drop_tree()
                emptied.append(box)
        return self.get_clean_html() if emptied else clean


def _section_has_text(heading: HtmlElement) -> bool:
    """Words or a picture under `heading` among its siblings, before the next heading of its
    rank or higher."""
    if (heading.tail or "").strip():
        return True
    rank = heading.tag
    for el in heading.itersiblings():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _HEADINGS and el.tag <= rank:
            return False
        if el.text_content().strip() or next(el.iter("img", "picture"), None) is not None:
            return True
        if (el.tail or "").strip():
            return True
    return False


def _spare_wrappers(
    el: HtmlElement,
    node: HtmlElement,
    slack: int,
    allowed: dict[HtmlElement, bool],
    lengths: dict[HtmlElement, int],
) -> None:
    """Spare `el`'s wrappers from sanitize(), up to the first holding more than `slack`
    characters of other text (or the article node). `lengths`: the boxes' text lengths known
    in this pass."""
    size = _length(el, lengths) + slack
    for outer in el.iterancestors():
        if outer is node or _length(outer, lengths) > size:
            break
        allowed[outer] = True


def _length(el: HtmlElement, lengths: dict[HtmlElement, int]) -> int:
    if (known := lengths.get(el)) is None:
        known = lengths[el] = clean_length(el.text_content())
    return known


# What a box of notes holds besides them: its heading ("References", "Notes").
_NOTES_HEADING = 40


def _spare_cited_notes(node: HtmlElement, allowed: dict[HtmlElement, bool]) -> None:
    """The notes the text's numbers link to, their list and the box round it, spared from
    sanitize(): a journal's reference list is mostly its DOIs' links (Nature's "Wang, X. et al.
    Nature <a>https://doi.org/…</a> (2026)."), which it removes as a box of links. Only notes a
    number in the text links to: a list of further reading nobody cites is judged as before."""
    cited = _cited_ids(node)
    if not cited:
        return
    notes = [el for el in node.iter() if isinstance(el.tag, str) and el.get("id") in cited]
    # Each box round the notes: how much of its text is theirs, and all of it (measured once:
    # an encyclopedia's article cites hundreds).
    theirs: dict[HtmlElement, int] = {}
    for note in notes:
        length = clean_length(note.text_content())
        for outer in note.iterancestors():
            if outer is node:
                break
            theirs[outer] = theirs.get(outer, 0) + length
    whole: dict[HtmlElement, int] = {}
    for note in notes:
        allowed[note] = True
        for inner in note.iterdescendants("div", "section", "aside", "ol", "ul", "table"):
            allowed[inner] = True
        for outer in note.iterancestors():
            if outer is node:
                break
            if outer not in whole:
                whole[outer] = clean_length(outer.text_content())
            if whole[outer] > theirs[outer] + _NOTES_HEADING:
                break  # holds more than the notes and their heading: the body itself
            allowed[outer] = True
