"""A story one outlet wrote and a portal publishes is cited as the outlet's: Naver News's story of
a Korean wire names its reporter in the lede, and the wire is the source, not the author; Sohu
names the paper it republishes under the headline, "来源: 杭州日报", and the source reads "杭州日报
via 搜狐". Real parts: each page through the real extractor.
"""

from __future__ import annotations

from reader.citation import header_lines
from reader.extract import extract_article, to_markdown
from reader.models import Article

_NAVER_URL = "https://news.portal.example/mnews/article/001/0015099999"


def _naver(metas: str, lede: str, after: str = "") -> Article:
    """A story in Naver News's shape: the body is text split by `<br>`s, the reporter in the
    header's byline, the outlet's top stories in a box after the body."""
    html = (
        '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">'
        f"<title>부산 시내버스 노선 40개 개편</title>{metas}</head><body>"
        '<div id="ct" class="newsct"><div class="media_end_head">'
        '<h2 id="title_area"><span>부산 시내버스 노선 40개 개편</span></h2>'
        '<div class="media_end_head_journalist"><em class="media_end_head_journalist_name">'
        "박서준 기자</em></div></div>"
        '<div id="newsct_article"><article id="dic_area">'
        f"{lede}<br><br>시는 출퇴근 시간 배차 간격을 줄이는 데 중점을 뒀다고 설명했다.<br><br>"
        "개편 노선은 시 누리집에서 확인할 수 있다.<br><br>"
        "시 관계자는 시민 의견을 반영해 노선을 계속 다듬겠다고 말했다."
        f"</article></div>{after}</div></body></html>"
    )
    return extract_article(html, _NAVER_URL)


_WIRE_METAS = (
    '<meta property="og:article:author" content="한빛통신 | 포털">'
    '<meta name="twitter:creator" content="한빛통신">'
)
_WIRE_LEDE = "(부산=한빛통신) 박서준 기자 = 부산시는 내년 1월부터 시내버스 노선 40개를 개편한다고 5일 밝혔다."


def test_a_wire_declared_as_author_is_the_source_and_the_lede_names_the_author() -> None:
    """Naver declared "연합뉴스" (Yonhap) the author of "(서울=연합뉴스) 김하늘 기자 = …", and
    gave no source at all."""
    article = _naver(_WIRE_METAS, _WIRE_LEDE)
    assert (article.author, article.site_name) == ("박서준", "한빛통신")
    assert header_lines(article)[:2] == ["Source: 한빛통신", "Author: 박서준"]


def test_the_wire_is_cited_via_the_portal_that_names_itself() -> None:
    metas = f'{_WIRE_METAS}<meta property="og:site_name" content="포털뉴스">'
    article = _naver(metas, _WIRE_LEDE)
    assert (article.author, article.site_name) == ("박서준", "한빛통신 via 포털뉴스")


def test_a_wire_on_its_own_site_is_its_own_source() -> None:
    metas = f'{_WIRE_METAS}<meta property="og:site_name" content="한빛통신">'
    article = _naver(metas, _WIRE_LEDE)
    assert (article.author, article.site_name) == ("박서준", "한빛통신")


def test_a_declared_author_the_lede_does_not_name_as_its_agency_stays() -> None:
    """The lede's agency is another: the declared author is not the wire. The page names no
    site: the story is the agency's."""
    metas = '<meta name="author" content="최유진">'
    article = _naver(metas, _WIRE_LEDE)
    assert (article.author, article.site_name) == ("최유진", "한빛통신")


def test_a_page_declaring_nothing_has_the_ledes_agency_as_its_source() -> None:
    """naver-nometa.html: the reporter from the header's byline, and no source at all."""
    article = _naver("", _WIRE_LEDE)
    assert (article.author, article.site_name) == ("박서준", "한빛통신")


def test_a_site_naming_itself_keeps_its_name_beside_another_agencys_lede() -> None:
    metas = '<meta name="author" content="최유진"><meta property="og:site_name" content="부산일보">'
    article = _naver(metas, _WIRE_LEDE)
    assert (article.author, article.site_name) == ("최유진", "부산일보")


def test_the_outlets_top_news_box_after_the_story_is_left_out() -> None:
    """Naver's `div.media_end_linked` "연합뉴스 주요뉴스" (Yonhap's top news): a heading and
    links to the outlet's other stories, kept as the story's last section."""
    after = (
        '<div class="media_end_linked"><h4>한빛통신 주요뉴스</h4>'
        '<a href="https://news.portal.example/mnews/article/001/0015099990">'
        "코스피, 외국인 매수에 상승</a>"
        '<a href="https://news.portal.example/mnews/article/001/0015099991">'
        "서해안 대설 주의보</a></div>"
    )
    article = _naver(_WIRE_METAS, _WIRE_LEDE, after)
    text = to_markdown(article, header=False)
    assert "주요뉴스" not in text
    assert "코스피" not in text
    assert text.rstrip().endswith("노선을 계속 다듬겠다고 말했다.")


def _sohu(source: str) -> Article:
    """A story in Sohu's shape: the date and "来源" in the header box beside the `<h1>`, outside
    the story's `<article>`."""
    html = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>江城地铁5号线开通_线路_站点</title>"
        '<meta property="og:title" content="江城地铁5号线开通">'
        '<meta property="og:site_name" content="搜狐">'
        '<meta itemprop="datePublished" content="2026-12-03 10:20">'
        '</head><body><div class="nav"><a>新闻</a> <a>体育</a> <a>汽车</a></div>'
        '<div class="left main"><div class="text"><div class="text-title">'
        '<h1>江城地铁5号线开通</h1><div class="article-info">'
        '<span class="time">2026-12-03 10:20</span>'
        f'<span data-role="original-link">来源: <a>{source}</a></span></div></div>'
        '<article class="article" id="mp-editor">'
        "<p>记者今天从江城地铁集团获悉，江城地铁5号线于12月3日开通运营，全长28公里，共设19座车站。</p>"
        "<p>5号线串联起东湖、南岸等区域，开通后市民从东湖到火车站的时间将缩短至30分钟。</p>"
        "<p>据介绍，5号线高峰时段行车间隔为4分钟。</p>"
        "</article></div></div></body></html>"
    )
    return extract_article(html, "https://www.sohu.com/a/800000001_100000001")


def test_a_portal_republishing_a_paper_cites_the_paper_via_the_portal() -> None:
    """Sohu's story was cited "Source: 搜狐", though the page says it is the Hangzhou Daily's."""
    article = _sohu("江城日报")
    assert article.site_name == "江城日报 via 搜狐"
    assert "Source: 江城日报 via 搜狐" in header_lines(article)


def test_a_portal_naming_itself_the_source_is_cited_once() -> None:
    assert _sohu("搜狐新闻").site_name == "搜狐"
