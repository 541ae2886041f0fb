"""A picture's credit outside its caption, set under the picture with the caption.

The BBC writes a photo's credit over the photo, in a box of its own beside the `<figcaption>`
(`<figure><img><span role="text"><span class="visually-hidden">Image source, </span>RNLI</span>
<figcaption>…`), named only by the label a screen reader reads. Read as the page's text, the
credit was a paragraph of its own ("RNLI"), and it was text beside the picture, so the picture
was taken for one inside a sentence and left out.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import names_of
from .sentence_ends import ends_sentence

# What a screen reader is told a credit is: "Image source, ", "Photo credit:", "Copyright"; and
# the BBC World Service's words for its "Image source, " (each service's
# imageCopyrightOffscreenText), with a comma of the language's own before or after it.
_CREDIT_LABEL = re.compile(
    r"[\s,،]*(?:(?:(?:image|photo|picture|video|media)\s+)?(?:source|credit|copyright)s?"
    r"|fuente de la imagen|cr[ée]dito(?: de la (?:foto|imagen))?"  # Spanish
    r"|cr[ée]dito(?: da (?:foto|imagem))?|origem da imagem"  # Portuguese
    r"|cr[ée]dits? (?:photo|image)|source de l[’']image"  # French
    r"|bildquelle|bildnachweis"  # German
    r"|автор фото|источник изображения|джерело зображення"  # Russian, Ukrainian
    r"|сүрөттүн булагы"  # Kyrgyz
    r"|图像来源|圖像來源|图片来源|圖片來源|画像提供|写真提供|사진 출처"  # Chinese, Japanese, Korean
    # Indonesian, Vietnamese, Romanian, Uzbek, Hungarian, Welsh
    r"|sumber gambar|nguồn hình ảnh|sursă imagine|surat manbasi|kép forrás|ffynhonnell y llun"
    # Arabic, Persian, Thai, Hindi, Nepali
    r"|مصدر الصورة|منبع تصویر|ที่มาของภาพ|इमेज स्रोत|तस्बिर स्रोत)"
    r"[\s,:，、،]*",
    re.IGNORECASE,
)
_LABEL_PUNCTUATION = " ,:，、،"
# What a screen reader is told a caption is (the World Service's imageCaptionOffscreenText), in
# the languages of its services read here.
_CAPTION_LABEL = re.compile(
    r"[\s,،，]*(?:(?:image|media|video)\s+caption|توضیح تصویر|التعليق على الصورة|pie de foto"
    r"|legenda da foto|подпись к фото|підпис до фото|इमेज कैप्शन|图像加注文字|圖像加註文字"
    r"|fotoğraf altyazısı|keterangan gambar|画像説明)[\s,،，]*",
    re.IGNORECASE,
)
# The World Service ends each such label with its language's comma, for the screen reader's
# pause before the words: "Image source, ", "منبع تصویر، ", "图像来源，" (Arabic's stands first in
# the page's order: " ،مصدر الصورة").
_SPOKEN_COMMA = re.compile(r"[,،，]\s*$|^\s*[,،，]")
_CREDIT_NAME = re.compile(r"credit|copyright", re.IGNORECASE)
# A credit is a name or two, not a sentence.
_CREDIT_WORDS = 12
# The ideographs and kana of Chinese and Japanese, and their punctuation.
_WIDE_SCRIPT = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")


def label_credits(hidden: list[HtmlElement]) -> None:
    """Name as a credit the box whose screen reader's label (among `hidden`, the elements
    only a screen reader reads, before they go) says it is one, inside a figure; the label
    is kept, shown: "Image source: RNLI"."""
    for label in hidden:
        box = label.getparent()
        text = " ".join(label.text_content().split())
        if box is None or not _CREDIT_LABEL.fullmatch(text) or len(label):
            continue
        if next(box.iterancestors("figure"), None) is None:
            continue
        if any(el.tag == "figcaption" for el in (box, *box.iterancestors())):
            continue  # the caption's own credit ("Credit Harry Campbell"): in its place
        if len(box.text_content().split()) > _CREDIT_WORDS:
            continue
        box.set("class", f"{box.get('class', '')} credit".strip())
        del label.attrib["class"]  # shown now: no longer a screen reader's only
        label.text = text.strip(_LABEL_PUNCTUATION) + ": "


def unnamed_screen_reader_labels(doc: HtmlElement) -> list[HtmlElement]:
    """A figure's credit and caption labels for screen readers that no class names as such:
    the BBC World Service hides "منبع تصویر، " (Image source) and "توضیح تصویر، " (Image
    caption) in spans of generated classes ("bbc-m04vo2"), which read as the caption's first
    words. Told by their words, the spoken comma ending them, and their place: a span of its
    own opening its box, inside a `<figure>`."""
    found = []
    for figure in doc.iter("figure"):
        for span in figure.iter("span"):
            text = span.text or ""
            if len(span) or not _SPOKEN_COMMA.search(text):
                continue
            if not (_CREDIT_LABEL.fullmatch(text) or _CAPTION_LABEL.fullmatch(text)):
                continue
            box = span.getparent()
            if box is None or (box.text or "").strip() or span.getprevious() is not None:
                continue
            found.append(span)
    return found


def credits_into_captions(doc: HtmlElement) -> None:
    """Move a figure's credit that stands outside its `<figcaption>` to the caption's end, or
    make it the caption when the figure has none."""
    for figure in list(doc.iter("figure")):
        caption = next(figure.iter("figcaption"), None)
        if caption is not None:
            _credits_spaced(caption)
            _boxed_credit_joined(caption)
        for credit in [el for el in figure.iterdescendants() if _is_loose_credit(el)]:
            if any(a.tag == "figcaption" for a in credit.iterancestors()):
                continue  # inside a credit moved already
            _remove_keeping_tail(credit)
            if caption is None:
                credit.tag = "figcaption"
                figure.append(credit)
                caption = credit
                continue
            _append_credit(caption, credit)


def _append_credit(caption: HtmlElement, credit: HtmlElement) -> None:
    """`credit` after all `caption` holds, a sentence's end and a space between them."""
    written = caption.text_content().rstrip()
    # Chinese and Japanese end a sentence with their own full stop and no space after.
    wide = bool(written) and bool(_WIDE_SCRIPT.match(written[-1]))
    if written and not ends_sentence(written, also=":;"):
        # After its last word, not after the space the page left there: "the north ."
        last = caption[-1] if len(caption) else None
        if last is None:
            caption.text = (caption.text or "").rstrip()
        else:
            last.tail = (last.tail or "").rstrip() or None
        _append_text(caption, "。" if wide else ".")
    if not wide:
        _append_text(caption, " ")
    caption.append(credit)


_BOXES = ("div", "p")
"""What a caption's parts stand in when each is a block of its own."""


def _boxed_credit_joined(caption: HtmlElement) -> None:
    """A credit in a box of its own at the caption's end ("<figcaption><div
    class="caption-text">The east pier gauge…</div><div class="caption-credit">Photo: …</div>"):
    read as a second caption, under the first, where a credit in its span ends the caption's
    line. Joined to the caption's words as such a credit is: "…rebuilt in 2025. Photo: …"."""
    for credit in list(caption.iter(*_BOXES)):
        if not _CREDIT_NAME.search(names_of(credit)) or len(credit.xpath(".//div | .//p")):
            continue
        words = " ".join(credit.text_content().split())
        whole = " ".join(caption.text_content().split())
        if not 0 < len(words.split()) <= _CREDIT_WORDS or not whole.endswith(words):
            continue  # a sentence, or words after it: not a credit standing at the end
        if (
            not whole[: -len(words)].strip()
            or next(credit.iter("img", "picture"), None) is not None
        ):
            continue  # the caption is the credit alone: nothing to join it to
        _remove_keeping_tail(credit)
        credit.tag = "span"
        # Into the last box of the caption's words, else the caption: one block, one line.
        boxes = [box for box in caption.iter(*_BOXES) if box.text_content().strip()]
        _append_credit(boxes[-1] if boxes else caption, credit)


def _credits_spaced(caption: HtmlElement) -> None:
    """A credit in its span at the caption's end, touching the caption's last word: Nature's
    "…about 4,500 years ago.<span class="figure__credit">Credit: …</span>" read "years
    ago.Credit:". A space before it, as the page's style sets it apart."""
    for credit in caption.iterdescendants():
        if not isinstance(credit.tag, str) or not _CREDIT_NAME.search(names_of(credit)):
            continue
        previous = credit.getprevious()
        before = (previous.tail if previous is not None else credit.getparent().text) or ""
        if not (before and not before[-1].isspace() and (credit.text or "")[:1].isalnum()):
            continue
        if previous is not None:
            previous.tail = before + " "
        else:
            credit.getparent().text = before + " "


def _is_loose_credit(el: HtmlElement) -> bool:
    """A box named a credit, of a few words and no picture, outside any caption."""
    return (
        isinstance(el.tag, str)
        and el.tag != "figcaption"
        and bool(_CREDIT_NAME.search(names_of(el)))
        and not any(a.tag == "figcaption" for a in el.iterancestors())
        and next(el.iter("img", "picture", "video", "figcaption"), None) is None
        and 0 < len(el.text_content().split()) <= _CREDIT_WORDS
    )


def _remove_keeping_tail(el: HtmlElement) -> None:
    """Take `el` out of its place, leaving the text after it there."""
    parent = el.getparent()
    previous = el.getprevious()
    if el.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    el.tail = None
    parent.remove(el)


def _append_text(el: HtmlElement, text: str) -> None:
    """`text` after all `el` holds."""
    last = el[-1] if len(el) else None
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text
