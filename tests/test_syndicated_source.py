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


_WIRE_BODY = (
    "<p>TWIN FALLS, Idaho (AP) — A hay barn fire south of town burned through the night on"
    " Tuesday, and crews kept it from spreading to two nearby dairies, the fire district said.</p>"
    "<p>No one was hurt. About 900 tons of hay were lost, the owner told reporters.</p>"
    "<p>“We could see the glow from the highway,” said a neighbour, Dale Whitcomb.</p>"
)


def _yahoo(ld: str, logo: str) -> Article:
    """A wire story in Yahoo's shape: the agency's logo beside the byline under the `<h1>`, the
    agency as JSON-LD's `provider`, Yahoo as its publisher and og:site_name."""
    html = (
        '<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">'
        "<title>Hay barn fire burns through the night near Twin Falls</title>"
        '<meta property="og:site_name" content="Portal News">'
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Hay barn fire burns through the night near Twin Falls",'
        '"datePublished":"2026-12-02T17:45:12Z","author":{"@type":"Person","name":"Ruth Oyelaran"},'
        f'{ld}}}</script></head><body><div id="ybar"><a href="/">Portal</a><a href="/mail/">Mail'
        '</a></div><article><header class="caas-header"><h1>Hay barn fire burns through the night'
        ' near Twin Falls</h1></header><div class="caas-attr"><div class="caas-logo">'
        f'<a href="https://wire.example/">{logo}</a></div><div class="caas-attr-meta">'
        "<span>Ruth Oyelaran</span></div></div>"
        f'<div class="caas-body">{_WIRE_BODY}</div></article></body></html>'
    )
    return extract_article(html, "https://news.portal.example/hay-barn-fire-burns-174512345.html")


_PROVIDER = (
    '"provider":{"@type":"Organization","name":"Western Wire Service"},'
    '"publisher":{"@type":"Organization","name":"Portal News"}'
)


def test_a_wire_story_on_a_portal_is_cited_to_the_wire_via_the_portal() -> None:
    """Yahoo's AP story was cited "Source: Yahoo News": the agency named beside the headline
    and as the JSON-LD `provider` was nowhere in the citation."""
    article = _yahoo(_PROVIDER, '<img alt="Western Wire Service" src="/wire-logo.png">')
    assert article.site_name == "Western Wire Service via Portal News"
    assert "Source: Western Wire Service via Portal News" in header_lines(article)


def test_a_declared_provider_the_page_does_not_show_is_not_cited() -> None:
    """A declaration alone may be a leftover of the feed the story came through."""
    article = _yahoo(_PROVIDER, '<img alt="" src="/logo.png">')
    assert article.site_name == "Portal News"


def test_a_portal_declaring_the_wire_its_publisher_and_naming_it_over_the_headline() -> None:
    """MSN's shape: the JSON-LD publisher is the wire, og:site_name the portal, and the
    provider's logo and name stand over the `<h1>`."""
    html = (
        '<!DOCTYPE html><html lang="en-us"><head><meta charset="utf-8">'
        "<title>Port workers ratify contract</title>"
        '<meta property="og:site_name" content="Portal Start">'
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Port workers ratify contract",'
        '"datePublished":"2026-12-03T10:12:00Z","author":[{"@type":"Person","name":"Ines Varga"}],'
        '"publisher":{"@type":"Organization","name":"Harbor Wire"}}</script></head><body>'
        '<div class="article-page"><div class="viewsHeader"><div class="providerInfo">'
        '<img alt="Harbor Wire" src="/hw.png"><span class="providerName">Harbor Wire</span></div>'
        '<h1 class="viewsTitle">Port workers ratify contract</h1><div class="viewsInfo">'
        '<span class="authorName">Story by Ines Varga</span></div></div>'
        '<div class="articleBody"><p>(Harbor Wire) - Dock workers at the state\'s three largest'
        " ports voted on Wednesday to accept a five-year contract, ending months of talks.</p>"
        "<p>The deal raises wages by 19% over its term, the union said in a statement.</p>"
        "<p>Employers said the vote gave shippers certainty before the busy spring season.</p>"
        "</div></div></body></html>"
    )
    article = extract_article(html, "https://www.portal.example/en-us/news/ar-AA1bcd")
    assert (article.author, article.site_name) == ("Ines Varga", "Harbor Wire via Portal Start")


def test_a_sites_company_declared_its_publisher_is_not_an_outlet_it_carries() -> None:
    """The Guardian's publisher is "Guardian News & Media": not named beside the headline, the
    site is cited as itself."""
    article = _yahoo(
        '"publisher":{"@type":"Organization","name":"Portal Media Group"}',
        '<img alt="Portal News" src="/logo.png">',
    )
    assert article.site_name == "Portal News"
