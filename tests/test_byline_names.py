"""A byline naming two writers or more in one text ("By Wang Xintong and Denise Jia") gives
each name apart, as JSON-LD declares them, so that the citation and the JSON list them as
"Wang Xintong, Denise Jia"; a name with a joining word of its own stays whole."""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.extract.author_names import split_names

STORY = """
<p>China's finance ministry is weighing an end to operating subsidies for new-energy buses by
2028, people familiar with the matter said, as local governments struggle with their budgets.</p>
<p>Local governments spent about 40 billion yuan on the subsidies last year, according to a
person close to the ministry, which declined to comment on the plans when asked on Tuesday.</p>
<p>Bus makers have been told to expect the change, two executives said, and some are already
cutting prices to keep their orders from cities that will pay the full cost themselves.</p>
"""


def author_of(byline: str, lang: str = "en") -> str:
    """The author of a page whose only byline is `byline`, under its headline (Caixin's shape:
    no meta, no JSON-LD)."""
    page = f"""<html lang="{lang}"><head><title>Bus subsidies - Ledger</title></head><body>
<div id="the_content" class="article"><h1>China weighs cutting bus subsidies</h1>
{byline}<div class="article-content">{STORY}</div></div></body></html>"""
    return extract_article(page, "https://ledger.example/2026-12-03/bus-subsidies").author


@pytest.mark.parametrize(
    ("byline", "lang", "author"),
    [
        ("By Wang Xintong and Denise Jia", "en", "Wang Xintong, Denise Jia"),  # Caixin
        ("By Olufemi Adewale and Tope Omogbolagun", "en", "Olufemi Adewale, Tope Omogbolagun"),
        ("By Ana Ruiz, Tom Berg &amp; Li Wei", "en", "Ana Ruiz, Tom Berg, Li Wei"),
        ("Von Anna Krüger und Jens Meyer", "de", "Anna Krüger, Jens Meyer"),
        ("Par Jean Dupont et Marie Curie", "fr", "Jean Dupont, Marie Curie"),
        ("Por Martina Ruiz y Pablo Gómez", "es", "Martina Ruiz, Pablo Gómez"),
    ],
)
def test_a_byline_of_several_writers_names_each(byline: str, lang: str, author: str) -> None:
    # Caixin's own: a span beside the date line.
    element = f'<div class="author-time"><span class="author">{byline}</span></div>'
    assert author_of(element, lang) == author
    # Punch's without its metas: a line of the text under the headline.
    assert author_of(f"<p>{byline}</p>", lang) == author


@pytest.mark.parametrize(
    "names",
    [
        "José Ortega y Gasset",  # one man: "Gasset" alone is no name
        "Weber, Jonas",  # written surname first
        "John Smith, Reuters",  # a writer and his agency
        "Tom and Jerry",
    ],
)
def test_a_name_with_a_joining_word_of_its_own_stays_whole(names: str) -> None:
    assert split_names(names) == [names]


ARABIYA = """<html lang="ar" dir="rtl"><head><title>مشروع لتحلية المياه | الخليج</title>
<meta property="og:site_name" content="الخليج"></head><body><main><article>
<div class="headingInfo"><h1>السعودية تطلق مشروعا لتحلية المياه بالطاقة الشمسية</h1>
<div class="source_author">{credit}</div><div class="timeDate">
<time class="timeDate_element" datetime="2026-12-03T10:15:00+04:00">نشر في: 03 ديسمبر 2026</time>
<time class="timeDate_element" datetime="2026-12-03T11:20:00+04:00">آخر تحديث: 03 ديسمبر
2026</time></div></div><div class="body-text">
<p>أعلنت المؤسسة العامة لتحلية المياه، اليوم الأربعاء، إطلاق مشروع جديد لتحلية المياه يعمل
بالطاقة الشمسية في المنطقة الشرقية من المملكة.</p>
<p>وقال محافظ المؤسسة إن المشروع سينتج مئات الآلاف من الأمتار المكعبة من المياه يومياً،
ويخدم نحو مليوني نسمة في المدن القريبة.</p>
<p>وأضاف أن المحطة تعتمد على تقنية التناضح العكسي، ما يقلل استهلاك الطاقة بنسبة كبيرة مقارنة
بالمحطات القديمة.</p></div></article></main></body></html>"""


def test_a_place_and_an_outlet_name_no_writer() -> None:
    """Al Arabiya's "دبي - العربية.نت" (Dubai - Al Arabiya.net) is where the story came from and
    who carries it: the city was cited as the author (acc19a F13). A writer before the outlet
    is still the author."""
    url = "https://alkhaleej.example/2026/12/03/desalination"
    article = extract_article(ARABIYA.format(credit="دبي - الخليج.نت"), url)
    assert article.author == ""
    article = extract_article(ARABIYA.format(credit="محمد العلي - الخليج.نت"), url)
    assert article.author == "محمد العلي"


def test_a_time_whose_own_words_say_last_updated_dates_the_update() -> None:
    """Al Arabiya's second `<time>` reads "آخر تحديث: …" (last updated): its revision."""
    article = extract_article(ARABIYA.format(credit="دبي - الخليج.نت"), "https://a.example/x")
    assert article.published is not None and article.updated is not None
    assert article.published.isoformat() == "2026-12-03T10:15:00+04:00"
    assert article.updated.isoformat() == "2026-12-03T11:20:00+04:00"


def test_a_time_saying_another_moment_than_its_datetime_dates_the_update_by_its_words() -> None:
    """FAZ's `<time datetime="…T07:25…">Aktualisiert am 03.12.2026 - 08:02</time>`: its
    `datetime` is the publication's, its words the update's."""
    faz = ARABIYA.replace(
        '<time class="timeDate_element" datetime="2026-12-03T11:20:00+04:00">آخر تحديث: 03 ديسمبر\n2026</time>',
        '<time datetime="2026-12-03T10:15:00+04:00">آخر تحديث: 03.12.2026 - 11:40 GST</time>',
    )
    assert "11:40" in faz
    article = extract_article(faz.format(credit="دبي - الخليج.نت"), "https://a.example/x")
    assert article.updated is not None
    assert article.updated.isoformat() == "2026-12-03T11:40:00+04:00"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<p class="byline">By Channel 4 News</p>', "Channel 4 News"),
        ('<p class="byline">By Studio 54 Staff, 12 Dec 2026</p>', "Studio 54 Staff"),
        ('<p class="byline">By Reporter 7</p>', "Reporter 7"),
        # One word and two digits: a name, no day cut short (acc46c F5).
        ('<p class="byline">By Reporter 20</p>', "Reporter 20"),
        ('<p class="byline">By Agent 47</p>', "Agent 47"),
        ('<p class="byline">By Ann Lee 22</p>', "Ann Lee"),
        ('<p class="byline">By December 22</p>', ""),
        ('<p class="byline">By 9 News</p>', "9 News"),
        # A number that is a date's or a count's still ends the name.
        ('<p class="byline">By Ann Lee 12 Dec 2026</p>', "Ann Lee"),
        ('<p class="byline">By Ana Lima 12 Dezembro 2026</p>', "Ana Lima"),
        ('<p class="byline">By Ann Lee 3 Comments</p>', "Ann Lee"),
    ],
)
def test_a_newsroom_named_with_a_number_keeps_it(byline: str, author: str) -> None:
    """Cut at its first digit, "Channel 4 News" was cited as "Channel" (tester K16)."""
    assert author_of(byline) == author


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<p class="byline">By Reporter 5-0</p>', "Reporter 5-0"),
        ('<p class="byline">By Reporter 12-0 | Staff</p>', "Reporter 12-0"),
        ('<p class="byline">By Reporter 5-0, Dec. 3, 2026</p>', "Reporter 5-0"),
        ('<p class="byline">By Reporter 5-0 10:05 AM</p>', "Reporter 5-0"),
        ('<p class="byline">By Henry Ford 2nd</p>', "Henry Ford 2nd"),
        ('<meta name="author" content="Reporter 5-0">', "Reporter 5-0"),
        # What stays cut: a pair a date may write, a date, a count, a job, "By".
        ('<p class="byline">By Ann Lee 3-12</p>', "Ann Lee"),
        ('<p class="byline">By Ann Lee 3rd December 2026</p>', "Ann Lee"),
        ('<p class="byline">By Ann Lee 5 min read</p>', "Ann Lee"),
        ('<p class="byline">By Ann Lee, Staff Writer</p>', "Ann Lee"),
        ('<p class="byline">By Ann Lee | Staff</p>', "Ann Lee"),
        # Names whole: suffixes, particles, hyphens, initials, CJK.
        ('<p class="byline">By Martin Luther King Jr.</p>', "Martin Luther King Jr."),
        ('<p class="byline">By Henry Ford III</p>', "Henry Ford III"),
        ('<p class="byline">By Pieter van der Berg</p>', "Pieter van der Berg"),
        ('<p class="byline">By Jean-Paul Sartre, Correspondent</p>', "Jean-Paul Sartre"),
        ('<p class="byline">Jane Smith, Correspondent, London</p>', "Jane Smith"),
        ('<p class="byline">By Ann Lee, Political Editor, Brussels</p>', "Ann Lee"),
        ('<p class="byline">By J. R. R. Tolkien</p>', "J. R. R. Tolkien"),
        ('<p class="byline">By 王小明</p>', "王小明"),
        ('<p class="byline">By Ann Lee and Tom Berg</p>', "Ann Lee, Tom Berg"),
    ],
)
def test_a_name_s_own_number_stays_and_a_date_s_goes(byline: str, author: str) -> None:
    """Cut at its first digit, the byline "By Reporter 5-0" was cited "Reporter" (acc34a), a
    job no one is; a pair no date writes ("5-0") and a generational ordinal ("2nd") end a name
    as its own. Placed in the head, a `<meta>` is read as the page's declaration."""
    if byline.startswith("<meta"):
        page = f"""<html><head><title>Bus subsidies - Ledger</title>{byline}</head><body>
<div id="the_content" class="article"><h1>China weighs cutting bus subsidies</h1>
<div class="article-content">{STORY}</div></div></body></html>"""
        got = extract_article(page, "https://ledger.example/2026-12-03/bus-subsidies").author
    else:
        got = author_of(byline)
    assert got == author


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By bell hooks", "bell hooks"),
        ("By danah boyd", "danah boyd"),
        ("Written by ana ruiz", "ana ruiz"),
    ],
)
def test_a_byline_in_lower_case_on_purpose_names_its_writer(byline: str, name: str) -> None:
    """acc47a A1: "By bell hooks" gave no author, a name's words read only when capitalised."""
    assert author_of(f'<p class="byline">{byline}</p>') == name
    assert author_of(f'<div class="author-time"><span class="author">{byline}</span></div>') == name


@pytest.mark.parametrize(
    "byline",
    [
        "By s sai",  # a commenter's handle: a word of one letter
        "By jsmith42",
        "By john_doe and more",
        "By @bellhooks",
        "By bell hooks @bellhooks https://example.com/bell",
        "By the way",
        "By wire reports",
        "By press association",
        # acc48d D3: an agency, a desk, in lower case, were cited as people ("france-presse, a.")
        "By agence france-presse",
        "By afp staff",
        "By reuters reporters",
        "By united press international",
        "By editorial board",
        "By news desk",
        "By web team",
        "By eastquay gazette",  # an outlet's words
        "Posted by bell hooks",  # a forum's account
        "bell hooks",  # no "By"
    ],
)
def test_lower_case_words_that_are_no_byline_name_no_one(byline: str) -> None:
    assert author_of(f'<p class="byline">{byline}</p>') == ""


@pytest.mark.parametrize(
    "site",
    [
        '<meta property="og:site_name" content="The Quayside Clarion">',
        "<title>Bus subsidies | Quayside Clarion</title>",
        '<link rel="canonical" href="https://www.quaysideclarion.example/2026/bus">',
        '<meta property="og:url" content="https://quayside-clarion.example/2026/bus">',
    ],
)
def test_a_lower_case_byline_naming_the_site_names_no_writer(site: str) -> None:
    """acc48d D3: "By eastquay gazette", the paper's own name, was cited "gazette, e."."""
    page = f"""<html lang="en"><head>{site}</head><body>
<div id="the_content" class="article"><h1>China weighs cutting bus subsidies</h1>
<p class="byline">By quayside clarion</p><div class="article-content">{STORY}</div></div>
</body></html>"""
    assert extract_article(page, "https://ledger.example/2026-12-03/bus").author == ""
    # A writer's name in lower case on the same page is still theirs.
    writer = page.replace("By quayside clarion", "By bell hooks")
    assert extract_article(writer, "https://ledger.example/2026-12-03/bus").author == "bell hooks"


def test_a_commenter_s_lower_case_byline_names_no_writer() -> None:
    """The comments under a story, each "By" its writer's handle, are not the story's byline."""
    comments = (
        '<div class="comments"><p class="byline">By john doe</p><p>Great piece.</p></div>'
        '<ol class="replies"><li><p class="byline">By mary jones</p><p>Agreed.</p></li></ol>'
    )
    page = f"""<html lang="en"><head><title>Bus subsidies - Ledger</title></head><body>
<div id="the_content" class="article"><h1>China weighs cutting bus subsidies</h1>
<div class="article-content">{STORY}</div></div>{comments}</body></html>"""
    assert extract_article(page, "https://ledger.example/2026-12-03/bus").author == ""
    # Nor a lower-case line of the text with no byline's mark.
    assert author_of("<p>By midnight tonight</p>") == ""
