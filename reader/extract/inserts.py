"""What survives inside the article readability found, removed: the second cleanup pass.

`strip_inserts` works in place on readability's article container and drops "Read also" boxes,
link-dense lists, timestamped headline lists, tag and share rows, breadcrumb trails, cookie
notices, notes that the site earns from its links (`disclosures`), the box offering a
subscription in a paywalled article's place (`paywall`), and the site's own calls and notices
to its readers (`site_notices`). What counts as furniture, and the guard that keeps whatever
holds the article, are in `furniture`; the labels of "Read also" boxes in `insert_labels`, the
links to the site's other stories in `story_links`.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..models import words_in
from .article_guard import chosen_text, holds_article
from .block_elements import in_data_table
from .closing_rows import without_closing_field_rows
from .corrections import keeps_notes
from .disclosures import is_affiliate_disclosure
from .furniture import attached, drop, is_furniture, link_density, text_length
from .insert_labels import _HEADINGS, _all_linked, _is_insert_label
from .next_page import is_page_count, is_pager_line, is_pager_link
from .print_page import is_print_controls
from .quotes import attribution_elements
from .site_notices import (
    AD_LABEL,
    STANDARDS,
    is_call_to_readers,
    is_feedback_prompt,
    is_signatory_badge,
    is_transcript_notice,
)
from .story_links import _is_link_line, _is_pointer_to_a_story, all_of_the_site
from .wall_words import is_offer_box

_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
_TAG_LABEL = re.compile(
    r"^\s*(?:(tags|topics|tagged( with)?|filed under|теги|метки)\s*:?"
    # Other languages' labels, with their colon: "Themen" or "Tag" may open a sentence.
    r"|(?:schlagwörter|themen|mots-clés|etiquetas|argomenti|tagi|etiketler|мітки|теги"
    r"|الوسوم|وسوم|תגיות|タグ|标签|標籤|태그|टैग)\s*[:：])",
    re.I,
)
_COOKIE_NOTICE = re.compile(
    r"\bcookies?\b.*\b(accept|consent|agree|privacy|settings)\b", re.I | re.S
)
# The words of a share row's links, in the languages read here: "Teilen", "Partager",
# "Compartir", "Paylaş", "مشاركة", "分享到微博" (Chinese and Japanese run on into the next word).
_SHARE_LABEL = re.compile(
    r"^(?:(?:share|tweet|post|send|e-?mail|copy link|share on \w+|share via \w+|teilen"
    r"|partager|compartir|condividi|compartilhar|partilhar|delen|udostępnij|поделиться"
    r"|поширити|paylaş|مشاركة|شارك|שתפו|שתף|शेयर)\b|分享|シェア|공유)",
    re.I,
)
# The words a share row may hold besides its buttons': a label ("Diesen Artikel teilen").
_SHARE_ROW_LABEL = 4
# A link to the page's comments, with their count: "Comments (31)", "23 Kommentare", "Réagir
# (14)", "댓글 5", "12 תגובות".
_COMMENTS_LINK = re.compile(
    r"^\W*(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|réagir|comentarios?|comentários?"
    r"|commenti|reacties|reageer|komentarz[ey]?|комментари[йяев]*|коментар(?:і|ів|ям)?"
    r"|yorum(?:lar)?|تعليقات?|תגובות|コメント|评论|評論|댓글|टिप्पणी|टिप्पणियां|टिप्पणियाँ)"
    r"\s*[(\[]?\s*\d*\s*[)\]]?\W*$",
    re.IGNORECASE,
)
# A shop's button under a product a round-up names: "$39 at Amazon", "£42 from Argos", "Check
# price at Walmart", "Buy: Staithes print, £25". A line of such links and nothing else is the
# shops', not the article's: a sentence that names a price ("It costs $39 at Amazon, where…")
# holds more than its links.
_OFFER = re.compile(
    r"^(?:(?:US|A|C|NZ)?[$£€¥]\s?\d[\d,.]*\s*(?:at|from|on|@)\s+\S.{0,40}"
    r"|(?:buy|shop|see|check|view|get|compare)(?: it| now| this| one)?"
    r"(?: prices?| deals?)?\s+(?:at|from|on)\s+\S.{0,40}"
    r"|(?:buy|shop)\s*:.{0,80}(?:[$£€¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|eur|usd)))$",
    re.IGNORECASE,
)
# Between a row's buttons: spaces, bars, dots.
_ROW_SEPARATORS = re.compile(r"[\s|·•/,]*")


def is_offer(text: str) -> bool:
    """A shop's button: a price at a shop ("$39 at Amazon") or a call to buy there."""
    return bool(_OFFER.match(text))


def _is_shop_row(text: str, links: list[HtmlElement]) -> bool:
    """A line of shops' buttons, each a price at a shop or a call to buy there."""
    parts = [" ".join(a.text_content().split()) for a in links]
    if not parts or not all(_OFFER.match(p) for p in parts):
        return False
    rest = text
    for part in parts:
        rest = rest.replace(part, "", 1)
    return bool(_ROW_SEPARATORS.fullmatch(rest))


# A blog's link to the post before or after this one: "← Previous: Chasing quick fixes",
# "Next post: …", "Older posts »". (The article's own next page is `is_pager_link`'s.)
_POST_NAV = re.compile(
    r"^\W*(previous|next|older|newer)( post| entry| article| story)?s?\s*[:»›→]", re.I
)
# "Home > News > Local > Headline": the trail of links to the page, its site's navigation.
_CRUMB_SEPARATOR = re.compile(r"\s*[>›»→]\s*")


def _is_list_of_links(el: HtmlElement) -> bool:
    items = [li for li in el if li.tag == "li"]
    if not items:
        return False
    if link_density(el) > 0.8:
        # Menus and "more stories" lists have short items; a list of long linked titles (bug
        # reports, references) is the article's own.
        words = sum(len(li.text_content().split()) for li in items)
        return words / len(items) < 10
    # "12:05 Headline", "09.30 Headline": a news ticker, whatever its links; not a recording's
    # chapters ("05:12 Life on the Longships rock"), each time a link within the page
    # ("#t=312"), where a ticker's headlines lead to other stories.
    if all(_is_chapter(li) for li in items):
        return False
    return sum(bool(_CLOCK.match(li.text_content())) for li in items) * 2 > len(items)


_CHAPTER_TIME = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")


def _is_chapter(item: HtmlElement) -> bool:
    """A recording's chapter: its time, linked within the page, then its title unlinked."""
    links = item.findall(".//a")
    return (
        len(links) == 1
        and (links[0].get("href") or "").strip().startswith("#")
        and bool(_CHAPTER_TIME.match(links[0].text_content()))
    )


def is_headed_list(lst: HtmlElement, url: str = "") -> bool:
    """A list of links under a heading of its own that names no insert ("Sources & links",
    "Further reading", "Mac Apps"): a part of the article the writer titled, as its
    sections are; a "Related stories" or "Most read" list is named so. Not a list of the
    site's own pages (those of the page at `url`, or relative), whatever its heading says
    ("Read next", "Top Stories", "Latest"): the site's other stories."""
    heading = lst.getprevious()
    if heading is None or heading.tag not in _HEADINGS or (heading.tail or "").strip():
        return False
    text = " ".join(heading.text_content().split())
    if not text or heading.find(".//a") is not None or is_furniture(heading):
        return False
    return not _is_insert_label(heading, text) and not all_of_the_site(lst, url)


def _is_breadcrumb(links: list[HtmlElement], text: str) -> bool:
    """A trail of links separated by arrows, the last part (this page) maybe unlinked."""
    if len(text) > 200 or len(links) < 2:
        return False
    parts = [part for part in _CRUMB_SEPARATOR.split(text) if part]
    if len(parts) < 3:
        return False
    linked = {" ".join(a.text_content().split()) for a in links}
    return sum(part in linked for part in parts) >= len(parts) - 1


def _names_cookies(text: str) -> bool:
    """ "cookie" is in `text` in any case, or may be as `_COOKIE_NOTICE` reads it: a dotless
    "ı" or the dot "İ" leaves in lower case are an "i" to it. The notice's pattern looks for
    the word at every character of every short box (0.2 ms a demo page): the plain search
    rules out nearly all of them first."""
    lowered = text.lower()
    return "cookie" in lowered or "ı" in lowered or "\u0307" in lowered


def _is_insert(el: HtmlElement, text: str, url: str = "") -> bool:
    """A short block the article doesn't need: a tag row, a share row, a row of shops' buttons
    under a product, a cookie notice, a note
    that the site earns from its links, a breadcrumb trail, a link to the blog's previous or next post or to the comments, a call to
    sign up for the newsletter or to send the newsroom a story, a line pointing to another of
    the site's stories."""
    if len(text) > 400:
        return False
    links = el.findall(".//a")
    if _is_breadcrumb(links, text):
        return True
    if links and _TAG_LABEL.match(text):
        return True
    if links and all(a.get("rel") == "tag" or "/tag" in a.get("href", "") for a in links):
        return link_density(el) > 0.5
    if len(text) < 300 and _names_cookies(text) and _COOKIE_NOTICE.search(text):
        return True
    if is_affiliate_disclosure(el, text):
        return True
    if is_call_to_readers(text) or is_signatory_badge(text):
        return True
    if AD_LABEL.match(text) or is_transcript_notice(text):
        return True
    if is_print_controls(text):
        return True  # "Print this page | Close window": a print page's buttons
    if (standards := STANDARDS.match(text)) and _all_linked(el, standards["rest"]):
        return True
    if _is_pointer_to_a_story(el, text, links, url):
        return True
    if _is_shop_row(text, links):
        return True
    parts = [" ".join(a.text_content().split()) for a in links]
    if len(links) == 1 and _POST_NAV.match(text) and link_density(el) > 0.8:
        return True
    if len(links) == 1 and _COMMENTS_LINK.match(text) and link_density(el) > 0.8:
        return True
    if len(links) == 1 and is_pager_link(text) and link_density(el) > 0.8:
        # "Next page ›", "View as a single page": the pages are read already. Not a link
        # within the page ("Next" in a carousel of the article's own sections).
        return not (links[0].get("href") or "").startswith("#")
    if is_pager_line(text, parts) and not any((a.get("href") or "").startswith("#") for a in links):
        # "Page 1 of 3 Next page ›", "‹ Previous page Page 3 of 3": the pager, with its count.
        return True
    if not links and is_page_count(text):
        return True  # the pager's count in a paragraph apart from its links: "Page 1 of 3"
    if len(parts) < 2 or not all(_SHARE_LABEL.match(p) for p in parts if p):
        return False
    # A share row is its buttons, with a label at most ("Share this article"): "in Teilen
    # Bayerns und Teilen Hessens gilt…" or "the Post reported…" is a sentence round links that
    # open with a button's word ("Teilen" is also "parts").
    # Links of pictures alone (icons) are a row of buttons only with no more words beside them:
    # a short blog post holding two linked photos is a post.
    return words_in(text) - sum(map(words_in, parts)) <= _SHARE_ROW_LABEL


def _is_lone_pager_link(link: HtmlElement) -> bool:
    """A pager's link standing alone among the article's blocks, in no paragraph of its own
    ("…</p><a rel="next">Next page</a></article>"): no text before or after it in its box."""
    text = " ".join(link.text_content().split())
    if not is_pager_link(text) or (link.get("href") or "").startswith("#"):
        return False
    parent, before = link.getparent(), link.getprevious()
    if parent is None or parent.tag in ("p", "li", "td", "span", "em", "strong", "b", "i"):
        return False  # in a sentence, a list, a table: the paragraph rules' to judge
    around = (parent.text if before is None else before.tail) or ""
    return not around.strip() and not (link.tail or "").strip()


def strip_inserts(article: HtmlElement, url: str = "", rule_body: bool = False) -> None:
    """Second pass, on readability's article container (of the page at `url`). `rule_body`:
    `article` is the body a site rule names, whose text, tables and figures no name takes
    (`chosen_text`)."""
    around = text_length(article)
    quoted = attribution_elements(article)
    for el in list(
        article.iter("div", "section", "aside", "ul", "ol", "p", "h2", "h3", "h4", "h5", "h6")
    ):
        if el.getparent() is None or el is article:
            continue
        if not attached(el, article):
            continue  # already removed with an ancestor
        if el in quoted:
            continue
        text = " ".join(el.text_content().split())
        if el.tag in ("ul", "ol"):
            if (
                _is_list_of_links(el)
                and not is_headed_list(el, url)
                and not holds_article(el, around)
                and not in_data_table(el)
            ):
                drop(el)
            continue
        if (
            is_furniture(el)
            and not holds_article(el, around)
            and not keeps_notes(el, in_article=True)
            and not (rule_body and chosen_text(el))
        ):
            drop(el)
            continue
        if is_offer_box(text) and not holds_article(el, around):
            # Named for its vendor ("piano-offer", "tp-container"), not as furniture: told by
            # what it says.
            drop(el)
            continue
        if is_feedback_prompt(text):
            # The site asks whether the page served ("Is this page useful?"), heading or box.
            drop(el)
            continue
        if _is_insert_label(el, text):
            # The label itself, or the box it heads when the box is mostly links.
            box = el
            parent = el.getparent()
            # A "p" parent is a box readability made a paragraph (its heading no parser puts
            # in one): El Tiempo's "<div class="mas-noticias"><h3>Más noticias</h3><a>…</a>".
            if (
                el.tag in ("h2", "h3", "h4", "h5", "h6", "p")
                and parent is not article
                and parent.tag in ("div", "section", "aside", "p")
                and link_density(parent) > 0.4
                and not holds_article(parent, around)
            ):
                box = parent
            elif (
                el.tag == "p"
                and el.find(".//a") is None
                and _is_link_line(el.getnext())
                and not _is_link_line(el.getnext().getnext())
            ):
                # The label in a paragraph of its own, the one story it points to in the next:
                # Prothom Alo's "<p><strong>আরও পড়ুন</strong></p><p><a>…</a></p>". (A list of
                # such lines under "Read more:" closing a story is left as it was.)
                drop(el.getnext())
            drop(box)
            continue
        if el.tag in ("div", "section", "aside", "p") and _is_insert(el, text, url):
            drop(el)
            continue
        if (
            el.tag in ("div", "section", "aside")
            and len(text) < 400
            and link_density(el) > 0.6
            and not in_data_table(el)
        ):
            drop(el)
    for link in list(article.iter("a")):
        if _is_lone_pager_link(link):
            drop(link)
    without_closing_field_rows(article)
