"""A picture in a box named for it, with its caption after it, is a figure: the picture gets its
line and the caption stays a caption, whether the box stands inside the story's text (Naver's
shape), at the head of the article box (Caixin's) or between the header and the body (Ukrainska
Pravda's). Real parts: each page through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown
from reader.models import BlockKind

_HEAD = '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'


def test_an_inline_photo_box_in_a_portals_text_is_a_figure() -> None:
    """Naver News's story is text split by `<br>`s; its photo a `span.end_photo_org` with the
    caption in `em.img_desc`. The caption was run into the lede, one paragraph with it."""
    html = (
        _HEAD.format(lang="ko", title="부산 시내버스 노선 개편")
        + '</head><body><div id="ct"><h2 id="title_area"><span>부산 시내버스 노선 개편</span>'
        '</h2><div id="newsct_article"><article id="dic_area">'
        '<span class="end_photo_org"><img src="https://img.example/001/bus.jpg" alt="">'
        '<em class="img_desc">부산 시내버스 [자료사진]</em></span><br>'
        "(부산=한빛통신) 박서준 기자 = 부산시는 내년 1월부터 시내버스 노선 40개를 개편한다고 "
        "5일 밝혔다.<br><br>시는 출퇴근 시간 배차 간격을 줄이는 데 중점을 뒀다고 설명했다.<br><br>"
        "개편 노선은 시 누리집에서 확인할 수 있다.<br><br>"
        "시 관계자는 시민 의견을 반영해 노선을 계속 다듬겠다고 말했다."
        "</article></div></div></body></html>"
    )
    article = extract_article(html, "https://news.portal.example/article/001/123")
    kinds = [b.kind for b in article.blocks[:3]]
    assert kinds == [BlockKind.IMAGE, BlockKind.CAPTION, BlockKind.PARAGRAPH]
    assert article.blocks[1].text == "부산 시내버스 [자료사진]"
    assert article.blocks[2].text.startswith("(부산=한빛통신) 박서준 기자 = ")


def test_a_photo_box_at_the_head_of_the_article_keeps_its_photo() -> None:
    """Caixin's `div.cons-photo`: a picture with no `alt`, its caption a `<p>`. The picture was
    taken for decoration and its caption left as the first paragraph."""
    html = (
        _HEAD.format(lang="en", title="Port Fees to Rise")
        + '</head><body><div class="main"><div id="the_content" class="article">'
        "<h1>Port Fees to Rise</h1>"
        '<div class="cons-photo"><img src="https://img.example/2026/cranes.jpg" alt="">'
        "<p>Cranes at the Yantian terminal. Photo: Visual Agency</p></div>"
        '<div class="article-content">'
        "<p>The port authority plans to raise berthing fees by a tenth next year, three people "
        "familiar with the plan said on Wednesday.</p>"
        "<p>The authority said higher costs for dredging and new cranes left it no choice, "
        "according to a draft seen by reporters.</p>"
        "<p>Shipping lines have asked for the rise to be phased in over two years.</p>"
        "</div></div></div></body></html>"
    )
    article = extract_article(html, "https://global.example/2026-12-03/port-fees.html")
    markdown = to_markdown(article, header=False)
    assert markdown.startswith(
        "![](<https://img.example/2026/cranes.jpg>)\n\n"
        "*Cranes at the Yantian terminal. Photo: Visual Agency*\n\n"
        "The port authority plans"
    )


def test_a_lead_photo_box_credited_only_keeps_its_photo() -> None:
    """Ukrainska Pravda's `div.post_photo` between the byline and `div.post_text`: its caption
    "Фото: КМВА" only credits it. Left out, with no line for the picture either."""
    html = (
        _HEAD.format(lang="uk", title="У Львові відкрили новий міст")
        + '</head><body><div class="container_main"><article class="post">'
        '<h1 class="post_title">У Львові відкрили новий міст</h1>'
        '<div class="post_author"><span class="post_author_name">Ірина Коваль</span></div>'
        '<div class="post_photo"><img src="https://img.example/doc/bridge.jpg" '
        'alt="Фото: ЛМР"><div class="post_photo_text">Фото: ЛМР</div></div>'
        '<div class="post_text">'
        "<p>У середу у Львові відкрили пішохідний міст через залізничні колії біля вокзалу, "
        "повідомили у міській раді.</p>"
        "<p>Будівництво тривало півтора року і коштувало 48 мільйонів гривень.</p>"
        "<p>Міст має два ліфти для людей з інвалідністю та велосипедну доріжку.</p>"
        "</div></article></div></body></html>"
    )
    article = extract_article(html, "https://www.news.example/news/2026/12/3/1/")
    kinds = [b.kind for b in article.blocks[:3]]
    assert kinds == [BlockKind.IMAGE, BlockKind.CAPTION, BlockKind.PARAGRAPH]
    assert article.blocks[0].inlines[0].href == "https://img.example/doc/bridge.jpg"
    assert article.blocks[1].text == "Фото: ЛМР"


def test_a_teaser_card_named_for_its_picture_stays_a_teaser() -> None:
    """A card of another story (`div.image-box`: its picture and its linked headline) is no
    figure: its words are a link to another page."""
    html = (
        _HEAD.format(lang="en", title="Ferry") + "</head><body><article><h1>Ferry</h1>"
        "<p>The ferry to the island will run twice a day from Monday, the operator said, after "
        "a month of repairs to the slipway.</p>"
        '<div class="image-box"><img src="https://img.example/slip.jpg" alt="">'
        '<p><a href="https://news.example/other-story">Slipway repairs run late</a></p></div>'
        "<p>Tickets bought for the cancelled crossings will be refunded in full, it said.</p>"
        "<p>The operator added a third crossing on Saturdays in the summer.</p>"
        "</article></body></html>"
    )
    article = extract_article(html, "https://news.example/ferry")
    assert BlockKind.CAPTION not in [b.kind for b in article.blocks]


def test_a_photo_box_linking_to_its_bigger_copy_is_a_figure() -> None:
    """A lightbox's link round the picture is the photo's own."""
    html = (
        _HEAD.format(lang="en", title="Ferry") + "</head><body><article><h1>Ferry</h1>"
        "<p>The ferry to the island will run twice a day from Monday, the operator said, after "
        "a month of repairs to the slipway.</p>"
        '<div class="photo"><a href="https://img.example/slip-large.jpg">'
        '<img src="https://img.example/slip.jpg" alt=""></a>'
        "<p>The repaired slipway at low tide.</p></div>"
        "<p>Tickets bought for the cancelled crossings will be refunded in full, it said.</p>"
        "<p>The operator added a third crossing on Saturdays in the summer.</p>"
        "</article></body></html>"
    )
    article = extract_article(html, "https://news.example/ferry")
    kinds = [b.kind for b in article.blocks]
    at = kinds.index(BlockKind.CAPTION)
    assert kinds[at - 1] == BlockKind.IMAGE
    assert article.blocks[at].text == "The repaired slipway at low tide."


def test_a_teasers_picture_linking_to_another_story_is_no_figure() -> None:
    html = (
        _HEAD.format(lang="en", title="Ferry") + "</head><body><article><h1>Ferry</h1>"
        "<p>The ferry to the island will run twice a day from Monday, the operator said, after "
        "a month of repairs to the slipway.</p>"
        '<div class="image-box"><a href="https://news.example/other-story">'
        '<img src="https://img.example/slip.jpg" alt="" width="600"></a>'
        "<p>Slipway repairs run late</p></div>"
        "<p>Tickets bought for the cancelled crossings will be refunded in full, it said.</p>"
        "<p>The operator added a third crossing on Saturdays in the summer.</p>"
        "</article></body></html>"
    )
    article = extract_article(html, "https://news.example/ferry")
    assert BlockKind.CAPTION not in [b.kind for b in article.blocks]
