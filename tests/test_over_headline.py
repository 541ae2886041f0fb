"""A date line right above the article's headline, outside any `<article>` (Xinhua's
"2026 12/03 14:20:45" in its `div.header-cont` before the `<h1>`), dates the article; a
masthead's date of the day, above the site's name or before the page's main box, does not."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article

URL = "http://www.news.example.cn/local/20261203/c.html"
TITLE = "海岛新码头投入使用"
PARAGRAPHS = [
    "　　新华社福州12月3日电（记者林海）记者3日从当地交通部门获悉，平潭岛北侧新建的客运码头"
    "正式投入使用，每天可接待旅客一万人次。",
    "　　据介绍，新码头设有四个泊位，候船大厅可容纳八百人，往返大陆的航班将由每天六班增至十班。",
    "　　交通部门表示，新码头投用后，旅客候船时间将缩短一半，台风季节的停航也将减少。",
]
XINHUA_TIME = (
    '<div class="header-time left"><span class="year"><em> 2026</em></span>'
    '<span class="day"><em> 12</em>/<em>03</em></span><span class="time"> 14:20:45</span></div>'
)


def xinhua_page(header: str, title: str = f"{TITLE}-新华网") -> str:
    """Xinhua's shape: the time and the source, then the headline's box, in a header box of
    their own before the story's box."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<div class="header"><a href="/">新华网</a> <a>时政</a> <a>国际</a></div>'
        f'<div class="header-cont clearfix">{header}</div>'
        f'<div class="main"><div class="main-left" id="detail"><span id="detailContent">{body}'
        "</span></div></div></body></html>"
    )


HEADLINE = f'<div class="head-line"><h1><span class="title">{TITLE}</span></h1></div>'
SOURCE = '<div class="source"> 来源：新华网</div>'


def published(html: str) -> str | None:
    article = extract_article(html, URL)
    return stated_iso(article.published) if article.published else None


@pytest.mark.parametrize(
    "header",
    [
        XINHUA_TIME + SOURCE + HEADLINE,
        # The headline right after it, not in a box of its own.
        XINHUA_TIME + f"<h1>{TITLE}</h1>",
        # The time in a box of its own with a share row.
        f'<div class="info">{XINHUA_TIME}<div class="share">微博 微信</div></div>' + HEADLINE,
    ],
)
def test_a_date_line_above_the_headline_dates_the_article(header: str) -> None:
    assert published(xinhua_page(header)) == "2026-12-03T14:20:00"


def test_a_mastheads_date_above_the_sites_name_is_no_articles() -> None:
    """The `<h1>` after the date is the site's name, not the headline the title gives."""
    header = XINHUA_TIME + '<h1 class="site">新华网</h1>' + SOURCE
    assert published(xinhua_page(header)) is None


def test_a_date_before_the_pages_main_box_is_no_articles() -> None:
    """Today's date in the top bar, the headline further down inside the story's long box."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f'<html><head><meta charset="utf-8"><title>{TITLE}-新华网</title></head><body>'
        f'<div class="topbar">{XINHUA_TIME}</div>'
        f'<div class="main"><div class="intro">{body}</div><h1>{TITLE}</h1>{body}</div>'
        "</body></html>"
    )
    assert published(html) is None


def test_an_english_page_s_date_over_its_headline() -> None:
    """Salon's header: "Sunday, Feb 1, 2015 11:57 AM UTC" in a span before the `<h1>`, the
    headline the `<title>` gives before the site's name."""
    story = " ".join(
        ["The ride-hailing firms speak of sharing, but their drivers share little of it."] * 6
    )
    html = (
        "<html><head><title>Sharing is not what it seems | Coast Courier</title></head><body>"
        '<div class="articleInner"><span class="dateline"><span class="local-time">Sunday, '
        "Feb 1, 2015 11:57 AM UTC</span></span><h1>Sharing is not what it seems</h1>"
        f'<span class="byline">Ana Ruiz</span></div><div class="story"><p>{story}</p>'
        f"<p>{story}</p></div></body></html>"
    )
    assert published(html) == "2015-02-01T11:57:00+00:00"
