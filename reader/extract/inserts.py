"""What survives inside the article readability found, removed: the second cleanup pass.

`strip_inserts` works in place on readability's article container and drops "Read also" boxes,
link-dense lists, timestamped headline lists, tag and share rows, breadcrumb trails, cookie
notices, notes that the site earns from its links (`disclosures`), the box offering a
subscription in a paywalled article's place (`paywall`), and the site's own calls and notices
to its readers (`site_notices`). What counts as furniture, and the guard that keeps whatever
holds the article, are in `furniture`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..models import words_in
from ..urls import site_host
from .closing_rows import without_closing_field_rows
from .corrections import keeps_notes
from .disclosures import is_affiliate_disclosure
from .furniture import attached, drop, holds_article, is_furniture, link_density, text_length
from .next_page import is_pager_line, is_pager_link
from .print_page import is_print_controls
from .quotes import attribution_elements
from .site_notices import (
    AD_LABEL,
    STANDARDS,
    is_call_to_readers,
    is_feedback_prompt,
    is_transcript_notice,
)
from .wall_words import is_offer_box

# The heading or label of an insert that points elsewhere; or a linked line it opens ("Related:
# <another story's title>", The Hindu's and News24's "READ | <another story's title>").
_INSERT_LABEL = re.compile(
    r"^\s*(read also|read more|also read|see also|read(?=\s*[|:])"
    r"|related( stories| articles| posts| coverage)?"
    r"(\s*:|\s*$)|more on this|more from|recommended|you may also like|you might also like|latest news|"
    r"most read|most popular|читайте также|читайте еще|смотрите также|(?:также |еще )?по теме)",
    re.IGNORECASE,
)
# The same labels in the other languages of the news read here, whole words only. Only the
# label standing alone (a box's heading) or opening a line that is mostly a link counts: prose
# that opens with the same words ("Leer más libros…", "Mehr zum Thema sagte…") stays.
_INSERT_LABEL_ABROAD = re.compile(
    r"^\s*[【\[]?(?:à |a )?(?:lire aussi|lire également|voir aussi|sur le même sujet"  # French
    r"|lesen sie auch|lesen sie mehr|mehr zum thema|das könnte sie auch interessieren"  # German
    r"|auch interessant|ebenfalls interessant"
    r"|lee también|lea también|leer más|(?:te|le) puede interesar|ver también|más noticias"  # Spanish
    r"|seguir leyendo"
    r"|leggi anche|potrebbe interessarti"  # Italian
    r"|leia também|leia mais|veja também"  # Portuguese
    r"|lees ook|lees meer"  # Dutch
    r"|czytaj (?:też|także|również)|zobacz (?:też|także|również)"  # Polish
    r"|читайте також|дивіться також"  # Ukrainian
    r"|ayrıca okuyun|bunları da okuyun|bunu da okuyun|ilgili haber(?:ler)?"  # Turkish
    r"|baca juga|simak juga|lihat juga"  # Indonesian
    r"|xem thêm|đọc thêm|tin liên quan"  # Vietnamese
    r"|läs också|läs även|læs også|les også|lue myös"  # Swedish, Danish, Norwegian, Finnish
    r"|čtěte (?:také|též)|přečtěte si (?:také|též)|čítajte aj|prečítajte si aj"  # Czech, Slovak
    r"|cite[șşs]te [șşs]i|citi[țţt]i [șşs]i"  # Romanian, with either comma or cedilla
    r"|ezt is olvassa el"  # Hungarian
    r"|διαβ[άα]στε (?:επ[ίι]σης|ακ[όο]μη)"  # Greek
    r"|[اإ]قر[أا] [أا]يض[اً\u064b]{1,2}|مواضيع ذات صلة"  # Arabic
    r"|קראו גם|קרא גם|קראו עוד|עוד בנושא"  # Hebrew
    r"|(?:यह|ये|और) भी प(?:\u0922\u093c|\u095c)\u0947\u0902|और प(?:\u0922\u093c|\u095c)\u0947\u0902"  # Hindi
    r"|আরও পড়ুন|আরো পড়ুন"  # Bengali
    r"|関連記事|関連ニュース|あわせて読みたい|相关阅读|延伸阅读|相关新闻|相關新聞|延伸閱讀"  # CJK
    r"|관련\s?기사|관련\s?뉴스"  # Korean
    r")(?!\w)[】\]]?\s*[:：|»›→–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
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


def all_of_the_site(lst: HtmlElement, url: str) -> bool:
    """Every link of `lst` leads to a page of the site of `url` (or is relative)."""
    hrefs = [a.get("href", "").strip() for a in lst.iter("a")]
    try:
        host = site_host(url)
        return bool(hrefs) and all(
            not urlsplit(href).netloc or (bool(host) and site_host(href) == host) for href in hrefs
        )
    except ValueError:  # a malformed address ("http://[x"): not one of the site's pages
        return False


# A label that heads another story's linked headline in a box of its own: El País's
# "<div class="a_ei"><span>Más información</span><article><h2><a>…</a></h2>". In a line of
# its own the words lead to the story's sources ("Más información: <a>the council's site</a>").
_HEADLINE_BOX_LABEL = re.compile(
    r"^\s*(?:más información|mais informação|more on this story)\s*[:：]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _is_headline_box(el: HtmlElement, text: str) -> bool:
    """`el` is a box (readability may have made it a paragraph) of a label and one other
    story's headline, linked in a heading."""
    label = _HEADLINE_BOX_LABEL.match(text)
    if label is None or el.tag not in ("div", "section", "aside", "p"):
        return False
    link = el.find(".//a")
    return (
        link is not None
        and any(a.tag in _HEADINGS for a in link.iterancestors())
        and _all_linked(el, label["rest"])
    )


def _is_insert_label(el: HtmlElement, text: str) -> bool:
    """`el` is a "Read also" label, or a line it opens that is mostly a link elsewhere."""
    if _is_headline_box(el, text):
        return True
    if _INSERT_LABEL.match(text):
        return len(text) < 40 or link_density(el) > 0.5
    abroad = _INSERT_LABEL_ABROAD.match(text)
    return abroad is not None and (
        not abroad["rest"] or link_density(el) > 0.5 or _all_linked(el, abroad["rest"])
    )


def _all_linked(el: HtmlElement, rest: str) -> bool:
    """What follows the label is all one link's words: "Te puede interesar: <a>El puerto de
    Vigo</a>", whose long label leaves the link under half the line."""
    links = el.findall(".//a")
    return len(links) == 1 and " ".join(links[0].text_content().split()) == rest.strip()


def _is_breadcrumb(links: list[HtmlElement], text: str) -> bool:
    """A trail of links separated by arrows, the last part (this page) maybe unlinked."""
    if len(text) > 200 or len(links) < 2:
        return False
    parts = [part for part in _CRUMB_SEPARATOR.split(text) if part]
    if len(parts) < 3:
        return False
    linked = {" ".join(a.text_content().split()) for a in links}
    return sum(part in linked for part in parts) >= len(parts) - 1


# The marks that set a line apart as a pointer to another story: ">> Metro fares to go up".
_POINTER_MARKS = re.compile(r"^[>»›→▶►➤⇒▸]+$")
# A pointer's link reads as a headline: a few words, no sentence's full stop; "Read the full
# report here" points to the article's own source.
_HEADLINE_WORDS = (3, 16)
_SOURCE_WORDS = re.compile(r"\b(?:here|pdf|full (?:report|statement|text|letter|ruling))\b", re.I)
# A link to a file (a report, a ruling, the data) is the story's source, not another story.
_FILE_PATH = re.compile(r"\.(?:pdf|docx?|xlsx?|csv|pptx?|zip|jpe?g|png|mp3|mp4)$", re.I)


def _is_pointer_to_a_story(el: HtmlElement, text: str, links: list[HtmlElement], url: str) -> bool:
    """A paragraph that is one link to another of the site's stories, set apart as a pointer:
    after arrows (">> Metro fares to go up from next month") or all in bold. A link in a
    sentence, a plain linked line, a link to another site or to a file is the story's own."""
    if el.tag != "p" or len(links) != 1:
        return False
    title = " ".join(links[0].text_content().split())
    if not _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]:
        return False
    if title.endswith((".", ":", ";", ",")) or _SOURCE_WORDS.search(title):
        return False
    if not _links_to_a_page(links[0]) or not all_of_the_site(el, url):
        return False
    rest = text.replace(title, "", 1).strip()
    if rest:
        return bool(_POINTER_MARKS.match(rest.replace(" ", "")))
    bold = [
        b
        for b in el.iter("b", "strong")
        if not any(a.tag in ("b", "strong") for a in b.iterancestors())
    ]
    return sum(text_length(b) for b in bold) >= len(text)


def _names_cookies(text: str) -> bool:
    """ "cookie" is in `text` in any case, or may be as `_COOKIE_NOTICE` reads it: a dotless
    "ı" or the dot "İ" leaves in lower case are an "i" to it. The notice's pattern looks for
    the word at every character of every short box (0.2 ms a demo page): the plain search
    rules out nearly all of them first."""
    lowered = text.lower()
    return "cookie" in lowered or "ı" in lowered or "\u0307" in lowered


# What a box holding only a link may wrap it in.
_INLINE = frozenset({"a", "i", "em", "b", "strong", "span"})


def story_link_boxes(body: HtmlElement, url: str = "") -> list[HtmlElement]:
    """Boxes between two paragraphs that hold nothing but one link to another of the site's
    stories (of the page at `url`, or relative), its headline: the Washington Post's
    `<div class="interstitial"><a>The Chesapeake's oysters are coming back. Crabs
    aren't.</a></div>`. A headline may end with a full stop here: the box, no paragraph, sets
    it apart. Looked for before readability, which makes such a box a paragraph; a paragraph
    that is a linked line is the story's own (`_is_pointer_to_a_story`)."""
    boxes: list[HtmlElement] = []
    for box in body.iter("div"):
        before, after = box.getprevious(), box.getnext()
        if before is None or after is None or before.tag != "p" or after.tag != "p":
            continue
        if (box.text or "").strip() or (box.tail or "").strip() or (before.tail or "").strip():
            continue
        if _labelled_link_box(box):
            boxes.append(box)
            continue
        if any(el.tag not in _INLINE for el in box.iterdescendants()):
            continue
        links = box.findall(".//a")
        if len(links) != 1:
            continue
        title = " ".join(links[0].text_content().split())
        if title != " ".join(box.text_content().split()):
            continue
        if not _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]:
            continue
        if _SOURCE_WORDS.search(title) or not _links_to_a_page(links[0]):
            continue
        if all_of_the_site(box, url):
            boxes.append(box)
    return boxes


def _labelled_link_box(box: HtmlElement) -> bool:
    """A box of an insert's label in an element of its own, then one link: NDTV's
    `<div class="ins_instory_dv"><div class="ins_instory_dv_header">Read Also</div><a>…</a>`,
    the SCMP's `<div data-qa="InlineRelated"><h3>Related</h3><a>…</a>`. The label says what
    the link is, wherever it leads; readability drops the short label and keeps the link as a
    paragraph of the story."""
    children = [c for c in box if isinstance(c.tag, str)]
    if len(children) < 2 or children[0].find(".//a") is not None:
        return False
    label = " ".join(children[0].text_content().split())
    if not label or not _is_insert_label(children[0], label):
        return False
    rest = children[1:]
    if any((c.tail or "").strip() for c in children[:-1]):
        return False
    if any(el.tag not in _INLINE for c in rest for el in c.iter()):
        return False
    links = [a for c in rest for a in c.iter("a")]
    text = " ".join(" ".join(c.text_content().split()) for c in rest)
    return len(links) == 1 and " ".join(links[0].text_content().split()) == text and bool(text)


def _is_link_line(el: HtmlElement | None) -> bool:
    """`el` is a paragraph of one link to another page and nothing else, a headline's words."""
    if el is None or el.tag != "p":
        return False
    links = el.findall(".//a")
    if len(links) != 1 or not _links_to_a_page(links[0]):
        return False
    title = " ".join(links[0].text_content().split())
    return (
        title == " ".join(el.text_content().split())
        and _HEADLINE_WORDS[0] <= len(title.split()) <= _HEADLINE_WORDS[1]
    )


def _links_to_a_page(link: HtmlElement) -> bool:
    """The link leads to another page, not within this one nor to a file (a report, the
    data: the story's source)."""
    href = (link.get("href") or "").strip()
    try:
        path = urlsplit(href).path
    except ValueError:
        return False
    return bool(href) and not href.startswith("#") and not _FILE_PATH.search(path)


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
    if is_call_to_readers(text):
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
    if len(parts) < 2 or not all(_SHARE_LABEL.match(p) for p in parts if p):
        return False
    # A share row is its buttons, with a label at most ("Share this article"): "in Teilen
    # Bayerns und Teilen Hessens gilt…" or "the Post reported…" is a sentence round links that
    # open with a button's word ("Teilen" is also "parts").
    # Links of pictures alone (icons) are a row of buttons only with no more words beside them:
    # a short blog post holding two linked photos is a post.
    return words_in(text) - sum(map(words_in, parts)) <= _SHARE_ROW_LABEL


def strip_inserts(article: HtmlElement, url: str = "") -> None:
    """Second pass, on readability's article container (of the page at `url`)."""
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
            ):
                drop(el)
            continue
        if (
            is_furniture(el)
            and not holds_article(el, around)
            and not keeps_notes(el, in_article=True)
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
        if el.tag in ("div", "section", "aside") and len(text) < 400 and link_density(el) > 0.6:
            drop(el)
    without_closing_field_rows(article)
