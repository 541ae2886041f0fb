"""A picture in a box named for it, with its caption after it and nothing else, read as the
`<figure>` it is.

Many templates write a photo and its caption without `<figure>`: Naver News's `<span
class="end_photo_org"><img alt=""><em class="img_desc">서울 지하철 [연합뉴스 자료사진]</em></span>`
inside the story's text, Caixin's `<div class="cons-photo"><img alt=""><p>Electric buses in
Shenzhen. Photo: VCG</p></div>`, Ukrainska Pravda's `<div class="post_photo"><img><div
class="post_photo_text">Фото: КМВА</div></div>`. Read as text, the picture (its `alt` empty) was
taken for decoration and lost, and its caption became the story's first paragraph, or was run
into the lede. As a figure the picture gets its line and the caption stays a caption.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .images import is_picture_box, opens_page, worth_keeping

# A caption is a line or two; a box holding more under its picture holds more than a caption
# (a teaser's summary, a gallery's text).
_CAPTION_WORDS = 60
_CAPTION_CHARACTERS = 400
# What a caption may be written in: one element of these, holding all the box's words.
_CAPTION_TAGS = frozenset({"p", "div", "span", "em", "i", "small", "cite"})
# A box holding any of these holds more than a picture and its caption.
_OTHER_CONTENT = ("figure", "figcaption", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5")
_OTHER_CONTENT += ("h6", "blockquote", "video", "iframe", "form", "button")


def _caption_of(box: HtmlElement, img: HtmlElement) -> HtmlElement | None:
    """The one element after the picture holding all of the box's words, when the words are
    a caption's few and none of them is a link (a teaser card's headline)."""
    words = " ".join(box.text_content().split())
    if not words or len(words) > _CAPTION_CHARACTERS or len(words.split()) > _CAPTION_WORDS:
        return None
    # A link round the picture to its bigger copy is a photo's; one to another page, round the
    # picture or the words, a teaser's.
    if any(opens_page(a) for a in box.iter("a")):
        return None
    holders = [
        el
        for el in box.iterdescendants()
        if isinstance(el.tag, str)
        and el.tag in _CAPTION_TAGS
        and img not in el.iter()
        and " ".join(el.text_content().split()) == words
    ]
    if not holders:
        return None
    caption = holders[0]  # the outermost: iterdescendants goes down from the box
    # After the picture, in the page's order (it does not hold the picture): a line over a
    # picture is a heading's kin, not its caption.
    order = {el: i for i, el in enumerate(box.iter())}
    return caption if order[caption] > order[img] else None


def captioned_picture_boxes(doc: HtmlElement) -> None:
    """Make each box named for a picture (`images.is_picture_box`), holding one picture worth a
    line and, after it, one element of a caption's few words, a `<figure>` whose
    `<figcaption>` that element is. A box with more (a list, a heading, a second picture, a
    link to another page) is left as it is."""
    for box in list(doc.iter("div", "span", "p")):
        if not is_picture_box(box) or box.getparent() is None:
            continue
        if next(box.iterancestors("figure", "a"), None) is not None:
            continue
        pictures = list(box.iter("img"))
        if len(pictures) != 1 or not worth_keeping(pictures[0]):
            continue
        if next(box.iter(*_OTHER_CONTENT), None) is not None:
            continue
        caption = _caption_of(box, pictures[0])
        if caption is None:
            continue
        box.tag = "figure"
        caption.tag = "figcaption"
