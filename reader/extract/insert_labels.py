"""The labels of inserts that point to other stories: "Read also", "Related stories", "Lire
aussi", "関連記事" and their kind, standing alone as a box's heading or opening a line that is
mostly a link, and a label heading another story's linked headline in a box of its own (El
País's "Más información").
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import link_density

# The heading or label of an insert that points elsewhere; or a linked line it opens ("Related:
# <another story's title>", The Hindu's and News24's "READ | <another story's title>").
_INSERT_LABEL = re.compile(
    r"^\s*(read also|read more|also read|see also|read(?=\s*[|:])|more(?=\s*:)"
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
    # Persian (BBC Persian, Radio Farda, ISNA), its "ی" typed as Arabic's "ي" too (acc41c C26).
    r"|(?:ب[یي]شتر|همچن[یي]ن) بخوان[یي]د|مطالب مرتبط|اخبار مرتبط"
    r"|קראו גם|קרא גם|קראו עוד|עוד בנושא|כתבות נוספות"  # Hebrew
    r"|(?:यह|ये|और) भी प(?:\u0922\u093c|\u095c)\u0947\u0902|और प(?:\u0922\u093c|\u095c)\u0947\u0902"  # Hindi
    r"|আরও পড়ুন|আরো পড়ুন"  # Bengali
    r"|อ่านเพิ่มเติม|อ่านต่อ|ข่าวที่เกี่ยวข้อง"  # Thai
    r"|関連記事|関連ニュース|あわせて読みたい|相关阅读|延伸阅读|相关新闻|相關新聞|延伸閱讀"  # CJK
    # Korean; "연합뉴스 주요뉴스", an outlet's top news, under Naver's story of the outlet's.
    r"|관련\s?기사|관련\s?뉴스|(?:[^\W\d_]{1,12}\s)?주요\s?뉴스|많이\s?본\s?뉴스"
    r")(?!\w)[】\]]?\s*[:：|»›→–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
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
