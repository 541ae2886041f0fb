"""Pages of China's news agencies and portals, read as their readers see them.

Xinhua sets its story's paragraphs in a `<span id="detailContent">` (a browser shows a span
holding paragraphs as a box), splits its date over spans ("2026" / "12/03" / "14:20:45") and
declares no language at all. Real parts: the pages through the real extractor.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article

URL = "http://www.news.example.cn/local/20261203/c.html"
PARAGRAPHS = [
    "　　新华社厦门12月3日电（记者王海、陈静）记者3日从当地港口集团获悉，厦门港新建的海沧三号泊位"
    "正式投入使用，可停靠二十万吨级集装箱船。",
    "　　这是12月3日拍摄的海沧港区（无人机照片）。新华社记者 李明 摄",
    "　　据介绍，新泊位全长四百五十米，全部采用自动化装卸设备，每年可处理集装箱一百五十万标准箱。",
    "　　港口集团表示，新泊位投用后，厦门港至东南亚航线的船舶等候时间将缩短一半。",
]
TITLE = "厦门港新泊位投入使用"


def xinhua_page(container: str = "span", lang: str = "", date_line: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html_tag = f'<html lang="{lang}">' if lang else "<html>"
    return (
        f'<!DOCTYPE html>{html_tag}<head><meta charset="utf-8"><title>{TITLE}-新华网</title>'
        '<meta name="source" content="新华网"></head><body>'
        '<div class="header"><a href="/">新华网</a> <a>时政</a> <a>国际</a></div>'
        f'<div class="head-line"><h1><span class="title">{TITLE}</span></h1>'
        f'{date_line}</div><div class="main"><div class="main-left" id="detail">'
        f'<{container} id="detailContent">{body}</{container}></div>'
        '<div class="main-right"><h3>新华网评</h3><a>以高质量发展推动现代化建设</a></div></div>'
        '<div class="foot">Copyright © 2000-2026 XINHUANET.com All Rights Reserved.</div>'
        "</body></html>"
    )


@pytest.mark.parametrize("container", ["span", "font", "div"])
def test_paragraphs_in_a_span_are_paragraphs(container: str) -> None:
    """The span's four paragraphs came out as one, run together with their full-width
    indents ("…二十万吨级集装箱船。 　　这是12月3日…"); in a div they were right."""
    article = extract_article(xinhua_page(container), URL)
    texts = [b.text for b in article.blocks]
    assert texts == [p.strip("　") for p in PARAGRAPHS]


def test_a_date_split_over_spans_is_read_as_its_whole_text() -> None:
    split = (
        '<div class="header-time"><span class="year"><em> 2026</em></span>'
        '<span class="day"><em> 12</em>/<em>03</em></span>'
        '<span class="time"> 14:20:45</span></div>'
    )
    article = extract_article(xinhua_page(date_line=split), URL)
    assert article.published is not None
    assert article.published.strftime("%Y-%m-%d %H:%M") == "2026-12-03 14:20"


def test_a_page_declaring_no_language_is_chinese_by_its_script() -> None:
    assert extract_article(xinhua_page(), URL).language == "zh"
    # What a page declares stands.
    assert extract_article(xinhua_page(lang="zh-CN"), URL).language == "zh-CN"


JA = [
    "横浜港の新しい岸壁が３日、供用を開始した。大型のコンテナ船が着岸できるようになり、"
    "港湾局は取扱量が年間で二割ほど増えると見込んでいる。",
    "新しい岸壁は全長四百メートルで、荷役の機械はすべて自動で動く。",
]
KO = [
    "부산항 신항의 새 부두가 3일 문을 열었다. 이 부두에는 초대형 컨테이너선이 접안할 수 있어 "
    "항만공사는 연간 처리량이 20% 늘어날 것으로 내다봤다.",
    "새 부두의 길이는 400미터이며 하역 장비는 모두 자동으로 움직인다.",
]
EN = [
    "The new quay at the harbour opened on Thursday, and the port authority expects the "
    "container traffic to grow by a fifth within the year.",
    "The quay is four hundred metres long and its cranes are all automated.",
]


@pytest.mark.parametrize(
    ("paragraphs", "language"), [(JA, "ja"), (KO, "ko"), (EN, "")], ids=["ja", "ko", "en"]
)
def test_kana_say_japanese_hangul_korean_and_latin_letters_nothing(
    paragraphs: list[str], language: str
) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<html><head><title>{paragraphs[0][:12]}</title></head>"
        f"<body><article>{body}</article></body></html>"
    )
    assert extract_article(html, URL).language == language
