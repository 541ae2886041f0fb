"""readability-lxml run on our own parsed tree, without its repeated parsing and serialising.

`readability.Document` parses its input string itself, cleans it with lxml's Cleaner, rewrites
every link, serialises the article it found and cleans attributes with a regex loop; we then had
to parse that string again. Here it works on a copy of the tree we already parsed and cleaned,
skips what our own code does anyway (scripts, comments, links are resolved when blocks are
built), and hands back the article element itself. Its text measures give the same numbers
without its slow regexes (`climb.clean_length`), each element's joined from its children's
(`text_measures`) while scoring and in its final clean-up (`readable_sanitize`).

Where the benchmark showed readability-lxml losing article text, a method is overridden, each
saying why: Readability.js's climb to the element holding the whole article, a table's holder,
its exceptions when removing "unlikely" elements, sparing prose lists, figures with captions,
quotes' attributions and linked headings from the final clean-up, and removing the headings it
leaves over nothing (those two in `readable_cleanup`; what joins the best element from beside
it, in `readable_siblings`; the "unlikely" parts removed first, in `readable_unlikely`; the
link density every step asks of an element, in `readable_links`)."""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml.etree import tostring, tounicode
from lxml.html import HtmlElement, fragment_fromstring
from readability.readability import REGEXES, Unparseable

from .climb import clean_length, is_figure_holder, promoted
from .corrections import is_article_note, notes_around
from .credit_line import is_contributors_line
from .heading_boxes import is_heading_box
from .readable_cleanup import _HEADINGS
from .readable_links import _LinkMeasures
from .readable_siblings import (
    _cited_ids,
    _holds_ids,
    _is_media_line,
    _media_lines_before,
    _paragraph_of,
    _pictures_after,
    is_source_line,
)
from .readable_unlikely import remove_unlikely
from .text_measures import TextMeasures

__all__ = ["Unparseable", "readable_article"]


# What readability-lxml gathers into a paragraph with the text around it.
_INLINE_TAGS = frozenset(
    ["a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"]
)


# A tag readability-lxml's `divToPElementsRe` finds in an element's markup ("<p", "<div",
# "<img"…): its names' starts, matched at the start of a tag.
_BLOCK_TAG = re.compile(r"(?:blockquote|dl|div|img|ol|p|pre|table|ul)", re.IGNORECASE)


def _holds_block(elem: HtmlElement, itself: bool = False) -> bool:
    """readability-lxml's test of `elem`'s children's markup (or, `itself`, its own) for a
    block's tag, asked first of the tags below it: one such tag found is the pattern's answer
    without the markup written out, which was each `<div>`'s whole subtree over again (a tenth
    of a long page's reading). Else the markup is read as readability-lxml reads it (a comment
    may hold a tag's text)."""
    for el in elem.iter() if itself else elem.iterdescendants():
        if isinstance(el.tag, str) and _BLOCK_TAG.match(el.tag):
            return True
    if itself:
        markup = tounicode(elem, method="html")
    else:
        markup = str(b"".join(tostring(child, encoding="utf-8") for child in elem))
    return REGEXES["divToPElementsRe"].search(markup) is not None


class _Readability(_LinkMeasures):
    """A `Document` over an already parsed, already cleaned tree."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        super().__init__(tree, url)
        self.article: HtmlElement | None = None

    def _parse(self, input: Any) -> HtmlElement:
        # A fresh copy for each attempt: the ruthless first pass deletes parts of the tree, and
        # the lenient retry must start again from the whole page. Copying a tree is far cheaper
        # than parsing it again.
        self._link_lengths = {}
        self._offer_boxes = {}
        return copy.deepcopy(input)

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability-lxml's, but for where a `<br>`'s or a block's trailing text goes: it made
        that text a paragraph of its own, and the inline elements after it (`<i>`, `<a>`)
        another, so a blog post's "<br><br>On Tuesday the <i>Mary Jane</i> came in…" read as
        two paragraphs, "On Tuesday the" and "Mary Jane came in…". The text opens the
        paragraph the inline elements after it join, as a browser shows them."""
        for elem in self.tags(self.html, "div"):
            if not _holds_block(elem):
                elem.tag = "p"
        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph: HtmlElement | None = None
            if elem.text and elem.text.strip():
                paragraph = fragment_fromstring("<p/>")
                paragraph.text = elem.text
                elem.text = None
                elem.insert(0, paragraph)
            for child in children:
                if child.tag in _INLINE_TAGS and not _holds_block(child, itself=True):
                    if paragraph is None:
                        paragraph = fragment_fromstring("<p/>")
                        child.addprevious(paragraph)
                    paragraph.append(child)  # its trailing text with it
                    continue
                paragraph = None
                if child.tail and child.tail.strip():
                    paragraph = fragment_fromstring("<p/>")
                    paragraph.text = child.tail
                    child.tail = None
                    child.addnext(paragraph)
            for br in [child for child in elem if child.tag == "br"]:
                br.drop_tree()

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        """readability-lxml's scoring, unchanged in result: the text measures are computed with
        `clean_length` and a comma count instead of cleaning each paragraph's text with regexes,
        each element's from its children's while the tree is only read (`TextMeasures`)."""
        measures = self._text_measures = TextMeasures()
        try:
            candidates: dict[HtmlElement, dict[str, Any]] = {}
            ordered: list[HtmlElement] = []
            for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                parent = elem.getparent()
                if parent is None:
                    continue
                grand_parent = parent.getparent()
                length = measures.length(elem)
                if length < self.min_text_length:
                    continue
                for node in (parent, grand_parent):
                    if node is not None and node not in candidates:
                        candidates[node] = self.score_node(node)
                        ordered.append(node)
                score = 1 + (measures.commas(elem) + 1) + min(length / 100, 3)
                candidates[parent]["content_score"] += score
                if grand_parent is not None:
                    candidates[grand_parent]["content_score"] += score / 2.0
            for elem in ordered:
                candidates[elem]["content_score"] *= 1 - self.get_link_density(elem)
            return candidates
        finally:
            self._text_measures = None

    def select_best_candidate(
        self, candidates: dict[HtmlElement, dict[str, Any]]
    ) -> dict[str, Any] | None:
        best = super().select_best_candidate(candidates)
        if best is None:
            return best
        elem = promoted(best["elem"], candidates)
        if elem is best["elem"]:
            return best
        if elem not in candidates:
            candidates[elem] = self.score_node(elem)
        return candidates[elem]

    def get_article(
        self,
        candidates: dict[HtmlElement, dict[str, Any]],
        best_candidate: dict[str, Any],
        html_partial: bool = False,
    ) -> HtmlElement:
        """readability-lxml's gathering of the best element's siblings, with Readability.js's test
        for a sibling paragraph: it measures the paragraph's text up to its first child only
        (`p.text`), so a paragraph opening with a link ("As <a>Mashable</a> reports, …") is
        left out of the article. Such paragraphs are marked as candidates at the threshold, as are
        the captioned photos lying between two parts that are joined."""
        best = best_candidate["elem"]
        parent = best.getparent()
        threshold = max(10.0, best_candidate["content_score"] * 0.2)
        for sibling in parent if parent is not None else ():
            paragraph = _paragraph_of(sibling)
            if paragraph is None or sibling is best:
                continue
            if candidates.get(sibling, {}).get("content_score", 0.0) >= threshold:
                continue  # a box scored as part of the article already
            if next(sibling.iter("time"), None) is not None or sibling.xpath(".//@itemprop"):
                continue  # a dateline or byline ("Le Monde | <time>… | Par <author>")
            length = clean_length(paragraph.text_content())
            if length > 80 and self.get_link_density(paragraph) < 0.25:
                candidates[sibling] = {"content_score": threshold, "elem": sibling}
        cited = _cited_ids(best)
        for sibling in parent if parent is not None else ():
            # The article's correction, editor's note or update in a box of its own beside the
            # body: a line or two, under any score or length asked of the body's parts; and the
            # notes its numbers link to (pandoc's `<section class="footnotes">` beside the body
            # of one section), however short each note is.
            if sibling is not best and (is_article_note(sibling) or _holds_ids(sibling, cited)):
                candidates[sibling] = {"content_score": threshold, "elem": sibling}
        for sibling in parent if parent is not None else ():
            # An intro in its own wrappers beside the body (a review's opening paragraph in a
            # block of its own): its score stays three levels down, where readability-lxml's
            # sibling test doesn't look.
            if sibling is best or sibling.tag == "p" or sibling in candidates:
                continue
            if self._is_prose_wrapper(sibling):
                candidates[sibling] = {"content_score": threshold, "elem": sibling}
        for sibling in (best.getprevious(), best.getnext()):
            # The story's recording in its line right above or below the text (NPR's story
            # is its audio): one link, which readability-lxml's sibling test leaves out.
            if sibling is not None and _is_media_line(sibling):
                candidates.setdefault(sibling, {"content_score": threshold, "elem": sibling})
        after = best.getnext()
        if after is not None and is_source_line(after):
            # "Джерело: Львівська міська рада" after the text: where the news came from.
            candidates.setdefault(after, {"content_score": threshold, "elem": after})
        if is_contributors_line(after) and after is not None:
            # "Jo Park contributed reporting.": who else reported it, however low the box its
            # line stands in was scored (NBC's author box, its bios gone with the bylines).
            candidates[after] = {"content_score": threshold, "elem": after}
        # A photo with its caption between two parts that are joined (an article split in
        # columns around its pictures) belongs to the article as much as the parts do.
        row = list(parent) if parent is not None else [best]
        joined = [
            i
            for i, el in enumerate(row)
            if el is best or candidates.get(el, {}).get("content_score", 0.0) >= threshold
        ]
        for el in row[joined[0] + 1 : joined[-1]]:
            # A figure scored already (its caption is a paragraph) but under the threshold, as
            # Nature's lead photo between its header and body is, is the article's all the same;
            # so is a section's heading between two parts (a podcast's "Transcript" between its
            # notes and the transcript), or the recording's line between them. A heading may
            # be set in a box of its own (a page built of components).
            scored = candidates.get(el, {}).get("content_score", 0.0) >= threshold
            if not scored and (
                is_figure_holder(el)
                or self._is_between_box(el)
                or el.tag in _HEADINGS
                or is_heading_box(el)
                or _is_media_line(el)
            ):
                candidates[el] = {"content_score": threshold, "elem": el}
        for el in _media_lines_before(row, joined[0]):
            # A podcast's episode above its notes, past the row of "Apple Podcasts · Spotify"
            # links under the player.
            candidates.setdefault(el, {"content_score": threshold, "elem": el})
        # The photo right after the last part (a how-to's step, then its photo) is that part's.
        for el in _pictures_after(row[joined[-1]]):
            candidates.setdefault(el, {"content_score": threshold, "elem": el})
        leads = self._leads_with_what_follows(best)
        notes = notes_around(best)
        order = {el: i for i, el in enumerate(best.getroottree().iter())} if notes else {}
        article: HtmlElement = super().get_article(candidates, best_candidate, html_partial)
        # readability-lxml puts the standfirst at the top of the best element, after the
        # siblings it keeps before it: a live blog's pinned post, beside the entries, came out
        # above the standfirst that the page prints over it.
        for lead, following in leads:
            # A sibling kept was moved out of the page into the article.
            kept = next((el for el in following if el.getparent() is not parent), None)
            if kept is not None and lead.getparent() is best:
                kept.addprevious(lead)
        for note in notes:
            if any(a is article for a in note.iterancestors()):
                continue  # came with its header, gathered as the body's sibling
            # In the page's order among what was gathered: before the body or after it.
            at = sum(order.get(el, -1) < order[note] for el in article)
            article.insert(at, note)
        return article

    def _leads_with_what_follows(
        self, best: HtmlElement
    ) -> list[tuple[HtmlElement, list[HtmlElement]]]:
        """The standfirsts readability-lxml moves into `best` (`get_editorial_leads`), each with
        the siblings of `best` before it that come after the standfirst on the page."""
        leads = self.get_editorial_leads(best)
        parent = best.getparent()
        if not leads or parent is None:
            return []
        order = {el: i for i, el in enumerate(parent.getroottree().getroot().iter())}
        before = list(best.itersiblings(preceding=True))[::-1]
        return [
            (lead, [el for el in before if order.get(el, -1) > order.get(lead, len(order))])
            for lead in leads
        ]

    def _is_prose_wrapper(self, el: HtmlElement) -> bool:
        """Wrappers around paragraphs of prose, which make up most of its text."""
        if not isinstance(el.tag, str):
            return False
        for heading in el.iter(*_HEADINGS):
            linked = sum(clean_length(a.text_content()) for a in heading.iter("a"))
            if linked > 0.5 * clean_length(heading.text_content()):
                return False  # teasers: headlines linked to other articles, with their summaries
        prose = 0
        for p in el.iter("p"):
            length = clean_length(p.text_content())
            if length > 80 and self.get_link_density(p) < 0.25:
                prose += length
        return prose > 200 and prose >= 0.6 * clean_length(el.text_content())

    def _is_between_box(self, el: HtmlElement) -> bool:
        """A box of the article's own text between two of its parts (a review's verdict with
        its pros and cons): words, not a row of links."""
        if not isinstance(el.tag, str):
            return False
        length = clean_length(el.text_content())
        return length >= 100 and self.get_link_density(el) < 0.25

    def merge_article_segments(
        self,
        candidates: dict[HtmlElement, dict[str, Any]],
        best_candidate: dict[str, Any],
        score_threshold: float,
    ) -> None:
        """readability-lxml joins the segments of one `<article>` that share the best element's
        tag and classes (Medium splits a post into such sections at each rule), but only those
        scoring 5% of the best: beside a long segment, a short one of two paragraphs and a list
        falls under that and the article loses its middle. A segment with the same classes in
        the same article is part of it; the floor of 10 points (one real paragraph) remains."""
        capped = {**best_candidate, "content_score": min(best_candidate["content_score"], 200.0)}
        best = best_candidate["elem"]
        photos = {el: _pictures_after(el) for el in candidates}
        last = best[-1] if len(best) else None
        super().merge_article_segments(candidates, capped, score_threshold)
        # A segment's photo comes with it (each step of a how-to and the photo after it), and
        # the best element's own goes before the segments appended after it.
        for segment, after in photos.items():
            if segment is best and last is not None and after and best[-1] is not last:
                segment = last
            elif segment is best or segment.getparent() is not best:
                continue
            for photo in after:
                segment.addnext(photo)
                segment = photo

    def remove_unlikely_candidates(self) -> None:
        remove_unlikely(self.html)

    def class_weight(self, e: HtmlElement) -> float:
        if e.tag in _HEADINGS:
            # sanitize() drops a heading whose class or id scores negative, and a heading's id is
            # often its own text as a slug: "AI shines a light on toolchains" matched "tool".
            return 0
        weight: float = super().class_weight(e)
        return weight

    def is_quote_lead(self, elem: HtmlElement) -> bool:
        # readability-lxml's test, with `clean_length` for its regex clean (slow on <pre> text).
        for lead in (elem, *elem.iterancestors()):
            following = lead.getnext()
            if following is None or not following.findall(".//blockquote"):
                continue
            text = lead.text_content() or ""
            if clean_length(text) >= self.min_text_length and text.rstrip().endswith(":"):
                return True
        return False

    def get_clean_html(self) -> str:
        # Called last by summary() with self.html set to the article; summary() only measures the
        # string's length (to decide whether to retry), so no attribute-cleaning regex loop.
        self.article = self.html
        return tounicode(self.html, method="html")


def readable_article(tree: HtmlElement, url: str) -> HtmlElement:
    """readability-lxml's article element for `tree` (which is left unchanged).

    Raises `Unparseable` when readability fails on the page.
    """
    doc = _Readability(tree, url or None)
    doc.summary(html_partial=True)
    if doc.article is None:  # pragma: no cover - summary() always ends in get_clean_html()
        raise Unparseable("readability found no article")
    return doc.article
