"""A Chinese portal's info line under the headline ("来源：新闻网 作者：李明 2024年7月30日 08:15")
gives the article's source, author and date and leaves the text; its closing editor's credit
("责任编辑：王芳") leaves it too. Lines of the story that open with such a label stay."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article
from reader.models import Article

PARAGRAPHS = [
    "市气象台30日早晨发布暴雨橙色预警信号，预计当天白天到夜间，全市大部分地区将出现大到暴雨，"
    f"局部地区有大暴雨。市防汛办提醒市民减少外出，注意防范山洪等次生灾害。第{i}段。"
    for i in range(5)
]
STORY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def extract(header: str, closing: str = "", head: str = "") -> Article:
    """A portal's page: its headline, `header` under it, the story, `closing` after it, in a
    `<div class="article">` (no `<article>`, no date in the markup unless `head` declares it)."""
    body = (
        '<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>'
        f'<div class="article"><h1>暴雨橙色预警</h1>{header}{STORY}{closing}</div>'
        '<div class="footer">版权所有 新闻网</div>'
    )
    html = f'<html lang="zh-CN"><head><title>暴雨橙色预警</title>{head}</head><body>{body}</body></html>'
    return extract_article(html, "https://news.example.cn/2024/07/30/rain.html")


def texts(article: Article) -> list[str]:
    return [block.text for block in article.blocks]


@pytest.mark.parametrize(
    ("line", "author", "source", "published"),
    [
        ("来源：新闻网 作者：李明 2024年7月30日 08:15", "李明", "新闻网", "2024-07-30T08:15:00"),
        (
            "发布时间：2024-07-30 08:15 | 来源：新华社 | 记者：张伟 王芳",
            "张伟, 王芳",
            "新华社",
            "2024-07-30T08:15:00",
        ),
        ("2024年7月30日 08:15 來源：中央社 作者：陳明", "陳明", "中央社", "2024-07-30T08:15:00"),
        ("来源：新闻网 作者：张伟、王芳 2024年7月30日", "张伟, 王芳", "新闻网", "2024-07-30"),
        # No date in the line: the address's day ("/2024/07/30/") dates the page.
        ("来源：人民日报客户端 编辑：王芳 浏览：1024", "", "人民日报客户端", "2024-07-30"),
    ],
)
def test_an_info_line_gives_the_source_the_author_and_the_date_and_leaves_the_text(
    line: str, author: str, source: str, published: str | None
) -> None:
    article = extract(f'<div class="info">{line}</div>')
    assert (article.author, article.site_name) == (author, source)
    assert (stated_iso(article.published) if article.published else None) == published
    assert texts(article)[0] == PARAGRAPHS[0]


def test_the_declared_author_is_kept_the_source_cited_via_the_site_and_the_line_goes() -> None:
    """The line names another outlet than the site (Xinhua's story on 新闻网): the outlet wrote
    it, read via the site (`syndication`)."""
    head = '<meta name="author" content="李明"><meta property="og:site_name" content="新闻网">'
    article = extract(
        '<div class="info">来源：新华社 作者：张伟 2024年7月30日 08:15</div>', head=head
    )
    assert (article.author, article.site_name) == ("李明", "新华社 via 新闻网")
    assert texts(article)[0] == PARAGRAPHS[0]


def test_an_info_line_dated_otherwise_than_the_markup_stays() -> None:
    head = '<meta property="article:published_time" content="2024-01-10T08:00:00+08:00">'
    line = "来源：新闻网 作者：李明 2024年7月30日 08:15"
    article = extract(f'<div class="info">{line}</div>', head=head)
    assert texts(article)[0] == line


@pytest.mark.parametrize(
    "line",
    [
        "来源：新华社记者从市政府获悉，渡轮航线将于月底停航。",
        "作者：李明认为，这场暴雨是十年来最大的一次",
        "作者：李明认为这场暴雨是十年来最大的一次",
        "来源：新闻网 作者：李明 2024年7月30日 08:15 市气象台发布预警",
    ],
)
def test_a_line_of_the_story_opening_with_a_label_stays(line: str) -> None:
    article = extract(f"<p>{line}</p>")
    assert line in texts(article)
    assert article.author == ""


@pytest.mark.parametrize(
    "credit", ["责任编辑：王芳", "（责任编辑：王芳 SN123）", "編輯：陳明", "编辑：王芳 张伟"]
)
def test_the_editors_credit_closing_the_article_leaves_it(credit: str) -> None:
    article = extract('<div class="info">来源：新闻网 2024年7月30日</div>', f"<p>{credit}</p>")
    assert texts(article)[-1] == PARAGRAPHS[-1]


def test_an_editors_credit_in_the_story_or_a_sentence_after_it_stays() -> None:
    """Only the article's last line is its credit; "编辑部表示…" is the newsroom speaking."""
    middle = "<p>责任编辑：王芳</p>"
    html_closing = "<p>编辑部表示，将持续跟踪报道此次暴雨的后续情况。</p>"
    article = extract("", middle + html_closing)
    assert texts(article)[-2:] == [
        "责任编辑：王芳",
        "编辑部表示，将持续跟踪报道此次暴雨的后续情况。",
    ]


def test_a_byline_element_labelled_author_in_chinese_names_the_author() -> None:
    """ "作者：李明" in a box named for the author: the name, not the label with it; the label
    alone ("作者：", a portal's empty field) names nobody."""
    article = extract('<span class="author">作者：李明</span>')
    assert article.author == "李明"
    article = extract('<span class="author">作者：</span>')
    assert article.author == ""
