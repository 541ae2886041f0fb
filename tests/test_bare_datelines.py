"""A line under the headline that is the date and nothing else ("March 5, 2024 10:01 AM ET",
"5 марта 2024, 09:30", "Updated 3:42 PM EST, Tue March 5, 2024"), whatever element or class
holds it: read as the article's date when the markup declares none, and left out of the text
when it says the header's date. A line holding other words stays."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article
from reader.models import Article

STORY = """
<p>The transport committee heard from residents on Tuesday about the plan to merge the two
night bus routes that serve the estates east of the river, which the operator says lose money.</p>
<p>Several speakers said the merged route would add forty minutes to journeys home from the
hospital, where many of them work late shifts, and asked the council to keep both routes.</p>
<p>The operator's regional manager told the committee that no decision had been taken and that
the consultation would stay open until the end of the month, with a report due in April.</p>
"""
RUSSIAN_STORY = """
<p>Комиссия по транспорту во вторник выслушала жителей, которые выступили против объединения
двух ночных автобусных маршрутов, обслуживающих районы на восточном берегу реки.</p>
<p>Перевозчик заявил, что решение ещё не принято и что обсуждение продлится до конца месяца,
а доклад комиссии ожидается в апреле.</p>
"""
FIRST_WORDS = ("The transport committee", "Комиссия по транспорту")


def extract(header: str, head: str = "", story: str = STORY, box: str = "article") -> Article:
    """The page with `header` between its headline and its story, in a `<box>` (an
    `<article>`, or a `div` named so)."""
    opening = f"<{box}>" if box == "article" else f'<div class="{box}">'
    closing = f"</{box}>" if box == "article" else "</div>"
    body = f"{opening}<h1>Night buses to merge</h1>{header}{story}{closing}"
    html = f"<html><head><title>Night buses</title>{head}</head><body>{body}</body></html>"
    return extract_article(html, "https://news.example.org/2024/03/night-buses")


def iso(article: Article) -> tuple[str | None, str | None]:
    return (
        stated_iso(article.published) if article.published else None,
        stated_iso(article.updated) if article.updated else None,
    )


def opens_the_story(article: Article) -> bool:
    return article.blocks[0].text.startswith(FIRST_WORDS)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("March 5, 2024 10:01 AM ET", "2024-03-05T10:01:00-05:00"),
        ("Mar. 5, 2024 10:01 a.m. ET", "2024-03-05T10:01:00-05:00"),
        ("5 mar 2024 - 09:30 CET", "2024-03-05T09:30:00+01:00"),
        ("Tuesday, 5 March 2024", "2024-03-05"),
        ("2024年7月30日 08:15", "2024-07-30T08:15:00"),
        # The Atlantic's, the hour alone before its "AM".
        ("March 5, 2024, 7 AM ET", "2024-03-05T07:00:00-05:00"),
        ("March 5, 2024, 7 p.m. ET", "2024-03-05T19:00:00-05:00"),
    ],
)
def test_a_paragraph_that_is_the_date_alone_dates_the_article_and_leaves_the_text(
    line: str, published: str
) -> None:
    """A `<p>` with no class under the headline, the page's only date."""
    article = extract(f"<p>{line}</p>")
    assert iso(article) == (published, None)
    assert opens_the_story(article)


def test_a_line_of_a_date_and_an_hour_that_is_no_time_stays() -> None:
    """An hour is a time only before its "AM"/"PM": "7 amendments" is seven of something."""
    line = "March 5, 2024: 7 amendments tabled"
    article = extract(f"<p>{line}</p>")
    assert any(block.text == line for block in article.blocks)


def test_a_russian_date_line_dates_the_article_and_leaves_the_text() -> None:
    article = extract("<p>5 марта 2024, 09:30</p>", story=RUSSIAN_STORY)
    assert iso(article) == ("2024-03-05T09:30:00", None)
    assert opens_the_story(article)


@pytest.mark.parametrize(
    ("header", "box"),
    [
        ('<div class="info">March 5, 2024 10:01 AM ET</div>', "article"),
        ('<div class="info">2024年7月30日 08:15</div>', "article"),
        ('<div class="article-meta">2024年7月30日 08:15</div>', "article"),
        ('<div class="article-meta">2024年7月30日 08:15</div>', "article-body"),
        ('<div class="info">March 5, 2024 10:01 AM ET</div>', "article-body"),
    ],
)
def test_a_date_line_dates_the_article_whatever_box_or_class_holds_it(
    header: str, box: str
) -> None:
    """Its class ("info") names no date, and the box round the story may be a `<div
    class="article">`, not an `<article>`: the line under the headline is the article's."""
    article = extract(header, box=box)
    assert article.published is not None
    assert stated_iso(article.published) in ("2024-03-05T10:01:00-05:00", "2024-07-30T08:15:00")
    assert opens_the_story(article)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # CNN writes the time before the date, the weekday between.
        ("Updated 3:42 PM EST, Tue March 5, 2024", (None, "2024-03-05T15:42:00-05:00")),
        ("Published 3:42 PM EST, Tue March 5, 2024", ("2024-03-05T15:42:00-05:00", None)),
        ("Published 3:42 PM EST, Tuesday, March 5, 2024", ("2024-03-05T15:42:00-05:00", None)),
        ("5 March 2024 • 9:30am", ("2024-03-05T09:30:00", None)),
        ("5 March 2024 · 09:30", ("2024-03-05T09:30:00", None)),
    ],
)
@pytest.mark.parametrize("holder", ["p", 'div class="article-meta"'])
def test_a_time_before_its_date_or_after_a_dot_is_read_and_the_line_goes(
    line: str, expected: tuple[str | None, str | None], holder: str
) -> None:
    tag = holder.split()[0]
    article = extract(f"<{holder}>{line}</{tag}>")
    assert iso(article) == expected
    assert opens_the_story(article)


def test_a_japanese_date_line_read_as_the_date_leaves_the_text() -> None:
    story = "".join(
        f"<p>東京都心では5日午後から雪が強まり、気象庁は大雪警報を発表しました。第{i}段落。</p>"
        for i in range(6)
    )
    article = extract('<p class="date">2024年2月5日 18時30分</p>', story=story)
    assert iso(article) == ("2024-02-05T18:30:00", None)
    assert article.blocks[0].text.startswith("東京都心では")


def test_the_lines_repeating_the_declared_dates_under_the_headline_go() -> None:
    """The `<time>`s declare the dates; the lines that show them ("March 5", "Updated March
    6") say nothing more, and leave the text as a byline repeating the author does."""
    header = (
        "<p>By Sam Lee</p>"
        '<time datetime="2024-03-05T09:30:00-05:00" pubdate>March 5</time>'
        '<p>Updated <time datetime="2024-03-06T10:00:00-05:00">March 6</time></p>'
    )
    article = extract(header)
    assert iso(article) == ("2024-03-05T09:30:00-05:00", "2024-03-06T10:00:00-05:00")
    assert article.author == "Sam Lee"
    assert opens_the_story(article)


DECLARED = '<meta property="article:published_time" content="2024-01-10T08:00:00Z">'


@pytest.mark.parametrize(
    ("header", "head"),
    [
        # Other words beside the date: the story's.
        ("<p>March 5, 2024: the council met</p>", ""),
        ("<p>March 5, 2024 | London</p>", ""),
        ("<p>Closing date: March 5, 2024</p>", ""),
        # A date the markup does not declare: the page's to say, not a repetition.
        ("<p>March 5, 2024 10:01 AM ET</p>", DECLARED),
        ("<p>Updated March 6</p>", DECLARED),
    ],
)
def test_a_line_holding_more_than_the_header_says_stays(header: str, head: str) -> None:
    article = extract(header, head)
    line = header.removeprefix("<p>").removesuffix("</p>")
    assert article.blocks[0].text == line
    if head:
        assert iso(article)[0] == "2024-01-10T08:00:00+00:00"


def test_a_date_ahead_alone_on_its_line_dates_nothing() -> None:
    """A date yet to come is an event's (a deadline, a concert), never the article's: no date,
    and the line stays."""
    article = extract("<p>June 12, 2091</p>")
    assert iso(article) == (None, None)
    assert article.blocks[0].text == "June 12, 2091"


def test_a_date_line_under_the_standfirst_repeating_the_declared_dates_goes() -> None:
    """The standfirst comes first and the byline box is furniture: the `<time>` and its
    revision's "Updated 14:12" under them say the header's dates again. The standfirst stays."""
    head = (
        '<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">'
        '<meta property="article:modified_time" content="2024-03-05T14:12:00+00:00">'
    )
    standfirst = "The operator says the merged route would save money; riders say it costs them."
    header = (
        f'<p class="standfirst">{standfirst}</p>'
        '<div class="byline">By <a rel="author" href="/a/jane">Jane Smith</a></div>'
        '<time datetime="2024-03-05T09:30:00+00:00">5 March 2024, 09:30</time> · '
        "<span>Updated 14:12</span>"
    )
    article = extract(header, head)
    texts = [block.text for block in article.blocks]
    assert texts[0] == standfirst
    assert not any("Updated 14:12" in text or "5 March 2024" in text for text in texts)
    assert iso(article) == ("2024-03-05T09:30:00+00:00", "2024-03-05T14:12:00+00:00")
    # A date the header does not give stays where it stands.
    article = extract(header.replace("5 March", "1 March"), head)
    assert any("1 March 2024" in block.text for block in article.blocks)


def portal(header: str) -> Article:
    """A portal's page: the headline and the line under it in the page's frame, the story in a
    box of its own beside them, no `<article>` or `<main>` round either."""
    body = (
        '<div class="nav"><a href="/">Home</a> <a href="/city">City</a></div>'
        f'<div id="wrapper">{header}<div id="contentMain">{STORY}</div></div>'
    )
    html = f"<html><head><title>Night buses</title></head><body>{body}</body></html>"
    return extract_article(html, "https://news.example.org/2024/03/night-buses")


def test_a_date_right_under_the_headline_outside_any_article_dates_it() -> None:
    """Named for a time ("pubTime") but in no `<article>`: right under the page's `<h1>`, the
    headline's, it is the article's date, not the day's a masthead shows."""
    header = (
        '<h1 id="articleTitle">Night buses to merge</h1>'
        '<div id="contentMsg"><span id="pubTime">2024-03-05 09:58</span> Source: City Desk</div>'
    )
    assert iso(portal(header)) == ("2024-03-05T09:58:00", None)


@pytest.mark.parametrize(
    "masthead",
    [
        '<div class="site-header"><h1>The Valley Courier</h1><span class="date">2 March 2024</span></div>',
        '<header><h1>The Valley Courier</h1><span class="date">2 March 2024</span></header>',
        '<h1 class="logo">The Valley Courier</h1><span class="date">2 March 2024</span>',
    ],
)
def test_a_mastheads_date_beside_the_sites_name_dates_nothing(masthead: str) -> None:
    assert iso(portal(masthead)) == (None, None)


@pytest.mark.parametrize(
    ("names", "line"),
    [
        ("Jane Smith, Tom Berg", "Jane Smith and Tom Berg"),
        ("Ana Ruiz, Tom Berg", "Ana Ruiz y Tom Berg"),
        # Hebrew writes its "and" onto the next name.
        ("נועה לוי, יוסי כהן", '<a href="/w/noa">נועה לוי</a> ו<a href="/w/yossi">יוסי כהן</a>'),
    ],
)
def test_the_authors_names_under_the_standfirst_leave_the_text(names: str, line: str) -> None:
    """Haaretz's `<address>` of its writers comes after the standfirst, where bylines were not
    looked for: the names were the article's first paragraph, under the Author line."""
    head = f'<meta name="author" content="{names}">'
    standfirst = "The operator says the merged route would save money; riders say it costs them."
    article = extract(f'<p class="standfirst">{standfirst}</p><address>{line}</address>', head)
    texts = [block.text for block in article.blocks]
    assert texts[0] == standfirst and texts[1].startswith(FIRST_WORDS)
    # Names the header does not give are the text's: the line stays.
    article = extract(f'<p class="standfirst">{standfirst}</p><p>{line}</p>', "")
    assert len(article.blocks) == len(texts) + 1
