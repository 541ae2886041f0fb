"""Article metadata read the way publishers actually write it: wrapped JSON-LD, bylines with dates
and buttons around the name, site names on titles, RDFa property lists, parse.ly tags, pages
whose only image is the article's photo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.citation import header_lines
from reader.dates import date_only, stated_iso, zone_unstated
from reader.extract import extract_article
from reader.models import Article

URL = "https://news.example.org/2025/06/ferry.html"

STORY = """
<p>The island's only ferry will stop running at the end of the month, the operator said on Monday,
after the council declined to renew the subsidy that has kept the crossing open since 1994.</p>
<p>About four hundred people cross each day, most of them to work or to school on the mainland, and
the next nearest crossing is an hour and a half away by road along the coast.</p>
<p>The operator said it had offered to run a reduced timetable through the winter, but that the
council had not answered its letters. A council spokesman said talks were continuing.</p>
"""


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>"


def extract(head: str, body: str) -> Article:
    return extract_article(page(head, body), URL)


def dateline_published(text: str) -> str | None:
    """The publication time read from `text` as the line under an article's headline."""
    body = f'<article><h1>Ferry</h1><div class="meta">{text}</div>{STORY}</article>'
    found = extract("", body).published
    return stated_iso(found) if found is not None else None


def author_under_headline(byline: str) -> str:
    """The author of a story whose `byline` (an element, a line) stands under its headline."""
    return extract(
        "<title>Ferry</title>", f"<article><h1>Ferry</h1>{byline}{STORY}</article>"
    ).author


# 1. JSON-LD as CMSs print it: inside CDATA markers, after an HTML comment.


def test_json_ld_wrapped_in_cdata_and_comments_is_read() -> None:
    head = """<title>Island ferry to stop</title>
    <script type="application/ld+json">
    <!--//--><![CDATA[//><!--
    {"@context": "https://schema.org", "@type": "NewsArticle",
     "headline": "Island ferry to stop at the end of the month",
     "author": {"@type": "Person", "name": "Maren Holt"},
     "datePublished": "2025-06-02T07:30"}
    //--><!]]>
    </script>"""
    article = extract(head, f"<article><h1>Island ferry to stop</h1>{STORY}</article>")
    assert article.author == "Maren Holt"
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)


# 2. The byline element: the article's, reduced to the name.


def test_byline_skips_comment_authors_and_cuts_the_date() -> None:
    body = f"""
    <div class="main">
      <h1>Island ferry to stop</h1>
      <p class="byline">By Maren Holt - Jun 2, 2025 7:30 am UTC</p>
      {STORY}
    </div>
    <ul class="comments-list">
      <li class="comment"><div class="byline">K K</div><p>Shame.</p></li>
    </ul>"""
    assert extract("<title>Island ferry to stop</title>", body).author == "Maren Holt"


def test_byline_inside_the_article_beats_a_comment_byline_before_it() -> None:
    body = f"""
    <div id="aside-column"><div class="comment"><span class="author">rb_1977</span></div></div>
    <article>
      <h1>Island ferry to stop</h1>
      <div class="author"><a class="author__name" href="/people/holt">Maren Holt</a>
        <span class="author__date">před 2 hodinami</span></div>
      {STORY}
    </article>"""
    assert extract("<title>Island ferry to stop</title>", body).author == "Maren Holt"


def test_byline_with_job_title_and_count_glued_on_gives_only_the_name() -> None:
    body = f"""
    <article>
      <h1>Island ferry to stop</h1>
      <div class="author">Tom Berg<div class="author-title">Transport Editor</div></div>
      <p class="story-meta">2 Jun 2025 · 14 comments</p>
      {STORY}
    </article>"""
    assert extract("<title>Island ferry to stop</title>", body).author == "Tom Berg"
    glued = f"""<article><h1>Island ferry to stop</h1>
      <p class="byline">by Tom Berg2 Jun 2025651</p>{STORY}</article>"""
    assert extract("<title>Island ferry to stop</title>", glued).author == "Tom Berg"


def test_a_name_ending_in_a_months_or_a_weekdays_name_is_kept_whole() -> None:
    """ "Li Sun", "Theresa May", "Ana Le": only a date cut off after a name leaves its month or
    weekday behind ("GILLIAN MOHNEY March 11, 2015"); a name's own last word stays."""
    for byline, name in (
        ("By Li Sun", "Li Sun"),
        ("By Theresa May | 3 March 2026", "Theresa May"),
        ("By Theresa May, March 3, 2026", "Theresa May"),
        ("By Li Sun, May 4, 2026", "Li Sun"),
        ("By Ana Le", "Ana Le"),
        ("By Ana Ruiz March 3, 2026", "Ana Ruiz"),
        ("By Ana Ruiz, updated on", "Ana Ruiz"),
        # A weekday before the date is the date's when the date falls on it, else a name's.
        ("By Mary Sunday, 3 March 2026", "Mary Sunday"),
        ("By Joe Wee Monday, 14 March 2022", "Joe Wee"),
        ("By Joe Wee Monday, 14 March", "Joe Wee"),
    ):
        body = f'<article><h1>Ferry</h1><p class="byline">{byline}</p>{STORY}</article>'
        assert extract("<title>Ferry</title>", body).author == name, byline


@pytest.mark.parametrize(
    "credit",
    ["Photographs by Lena Moss", "Photos by Lena Moss", "Text and photos by Lena Moss"],
)
def test_a_photo_essays_credit_names_its_maker(credit: str) -> None:
    """A photo essay's `<meta name="author">` and byline say "Photographs by Lena Moss": the
    citation said "Author: Photographs by Lena Moss" ("By …" was cut, not this)."""
    head = f'<title>Ferry</title><meta name="author" content="{credit}">'
    body = f'<article><h1>Ferry</h1><p class="byline">{credit}</p>{STORY}</article>'
    assert extract(head, body).author == "Lena Moss"


def test_a_byline_element_holding_only_a_date_names_nobody() -> None:
    for dateline in ("March 3, 2026", "Tuesday, March 3, 2026", "Mar 3", "Yesterday"):
        body = f'<article><h1>Ferry</h1><p class="byline">{dateline}</p>{STORY}</article>'
        assert extract("<title>Ferry</title>", body).author == "", dateline


def test_a_byline_element_holding_only_a_job_names_nobody_but_a_newsroom_does() -> None:
    for byline, author in (
        ("Staff Writer", ""),
        ("By Senior Political Reporter", ""),
        ("Our Foreign Staff", "Our Foreign Staff"),
        ("Island Post Staff", "Island Post Staff"),
    ):
        body = f'<article><h1>Ferry</h1><p class="byline">{byline}</p>{STORY}</article>'
        assert extract("<title>Ferry</title>", body).author == author, byline


def test_a_byline_that_is_not_a_name_is_not_an_author() -> None:
    body = f"""<article><h1>Island ferry to stop</h1>
      <div class="author"><a href="/follow">Follow author</a></div>{STORY}</article>"""
    assert extract("<title>Island ferry to stop</title>", body).author == ""


def test_a_byline_written_as_a_line_of_the_text_is_the_author() -> None:
    """No declaration and no byline element: "By Ana Ruiz · <date>" under the headline is the
    page's text saying who wrote it. The line goes (the header says both) when its date is
    known or read from it, and stays for what it says when its digits are no date."""
    dated = '<p>By Ana Ruiz · <time datetime="2025-06-02T08:00:00Z">2 June 2025</time></p>'
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{dated}{STORY}</article>")
    assert article.author == "Ana Ruiz"
    assert article.blocks[0].text.startswith("The island's only ferry")
    undated = "<p>By Ana Ruiz · 2 June 2025</p>"
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{undated}{STORY}</article>")
    assert article.author == "Ana Ruiz" and article.published is not None
    assert article.published.date() == datetime(2025, 6, 2).date()
    assert article.blocks[0].text.startswith("The island's only ferry")
    counted = "<p>By Ana Ruiz · 5 min read · 12 comments</p>"
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{counted}{STORY}</article>")
    assert article.author == "Ana Ruiz" and article.published is None
    assert article.blocks[0].text == "By Ana Ruiz · 5 min read · 12 comments"
    # Lines that only look like one: a sentence opening with "By", a wire story's lede.
    for line in (
        "<p>By the harbour, boats wait for the tide.</p>",
        "<p>PORTREE (Reuters) - The ferry stops.</p>",
        "<p>Analysis | 5 min read</p>",
        "<p>Updated — 12 March 2024, 10:15</p>",
    ):
        article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{line}{STORY}</article>")
        assert article.author == ""


def test_a_writers_job_after_the_names_is_not_part_of_them() -> None:
    """ "By Ana Ruiz and Tom Berg, Reporters": the citation names the people, not their jobs,
    whether the byline is an element, a line of the text or a declared author."""
    byline = "By Ana Ruiz and Tom Berg, Reporters"
    for body in (f'<p class="byline">{byline}</p>', f"<p>{byline}</p>"):
        article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{body}{STORY}</article>")
        assert article.author == "Ana Ruiz, Tom Berg"
    declared = '<meta name="author" content="Ana Ruiz, Senior Political Correspondent">'
    assert extract(declared, f"<article>{STORY}</article>").author == "Ana Ruiz"
    # A list of names is no job, nor a credential after a name.
    for names in ("Ana Ruiz, Tom Berg", "Brenda Goodman, MA"):
        declared = f'<meta name="author" content="{names}">'
        assert extract(declared, f"<article>{STORY}</article>").author == names


def test_where_the_writers_filed_from_is_not_part_of_their_names() -> None:
    """ "By Ana Ruiz in Madrid and Tom Berg in Oslo": the places go, the people stay."""
    for byline, names in (
        ("By Ana Ruiz in Madrid", "Ana Ruiz"),
        ("By Ana Ruiz in Madrid and Tom Berg in New York", "Ana Ruiz, Tom Berg"),
    ):
        body = f'<article><h1>Ferry</h1><p class="byline">{byline}</p>{STORY}</article>'
        assert extract("<title>Ferry</title>", body).author == names


def test_the_place_after_a_comma_in_a_byline_is_not_part_of_the_name() -> None:
    """ "Von Jonas Weber, Berlin", "Par Léa Martin, à Paris", "di Marco Rossi, Roma": the place
    goes; a second name, a credential, an agency or a name written surname first stays."""
    for byline, name in (
        ("Von Jonas Weber, Berlin", "Jonas Weber"),
        ("Par Léa Martin, à Paris", "Léa Martin"),
        ("di Marco Rossi, Roma", "Marco Rossi"),
        ("By Ana Ruiz and Tom Berg, Brüssel", "Ana Ruiz, Tom Berg"),
        ("By Ana Ruiz, Tom Berg", "Ana Ruiz, Tom Berg"),
        ("By Ana Ruiz, AFP", "Ana Ruiz, AFP"),
        ("By Martin Lund, Jr", "Martin Lund, Jr"),
        # An agency a citation must name, in the case it writes itself in.
        ("By John Smith, Reuters", "John Smith, Reuters"),
        ("By Ana Lopez, Bloomberg", "Ana Lopez, Bloomberg"),
        ("Von Jonas Weber, dpa", "Jonas Weber, dpa"),
        ("By John Smith, Reuters, London", "John Smith, Reuters"),
    ):
        for body in (f'<p class="byline">{byline}</p>', f"<p>{byline}</p>"):
            assert author_under_headline(body) == name, body
    for declared, names in (
        ("Jonas Weber, Berlin", "Jonas Weber"),
        ("Weber, Jonas", "Weber, Jonas"),
    ):
        head = f'<meta name="author" content="{declared}">'
        assert extract(head, f"<article>{STORY}</article>").author == names


def test_a_byline_in_russian_or_italian_loses_its_label() -> None:
    """ "Автор: Анна Лебедева" and Italian's lower-case "di Marco Rossi" say "By" as "Von" and
    "Par" do; "Di" written as a name's own start stays ("Di Marco Rossi" is a surname)."""
    for byline, name in (
        ("Автор: Анна Лебедева", "Анна Лебедева"),
        ("di Marco Rossi", "Marco Rossi"),
    ):
        for body in (f'<div class="author">{byline}</div>', f"<p>{byline}</p>"):
            assert author_under_headline(body) == name, body
    assert author_under_headline('<div class="author">Di Marco Rossi</div>') == "Di Marco Rossi"
    # Declared, the name's line atop the text repeats the header and goes.
    head = '<title>Ferry</title><meta name="author" content="Анна Лебедева">'
    article = extract(head, f"<article><h1>Ferry</h1><p>Автор: Анна Лебедева</p>{STORY}</article>")
    assert article.blocks[0].text.startswith("The island's only ferry")


def test_a_byline_in_the_scripts_of_asia_and_the_middle_east_loses_its_label() -> None:
    """Arabic's "بقلم" ("by the pen of"), Hebrew's "מאת", Turkish's "Yazar:", Hindi's "लेखक:"
    open a byline; Japanese and Korean write "reporter" after the name, Chinese before it with
    no space. Korean sites call the byline's box the "writer"'s."""
    for byline, name in (
        ('<div class="article-author-name">بقلم: سامر الحداد</div>', "سامر الحداد"),
        ('<div class="author">מאת נועה לוי</div>', "נועה לוי"),
        ('<div class="author">Yazar: Elif Şahin</div>', "Elif Şahin"),
        ('<div class="author">लेखक: राहुल शर्मा</div>', "राहुल शर्मा"),
        ('<p class="author">山田太郎記者</p>', "山田太郎"),
        ('<span class="author">记者 张伟</span>', "张伟"),
        (
            '<div class="writer-zone01"><strong class="tit-name"><a href="/r/1">홍길동</a> 기자'
            "</strong></div>",
            "홍길동",
        ),
    ):
        article = extract(
            "<title>Ferry</title>", f"<article><h1>Ferry</h1>{byline}{STORY}</article>"
        )
        assert article.author == name, byline


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        # A Japanese paper's byline: the reporter's name in full-width brackets.
        ('<div class="byline">（山田太郎）</div>', "山田太郎"),
        ('<div class="byline">（山田太郎 記者）</div>', "山田太郎"),
        ('<div class="byline">【佐藤花子】</div>', "佐藤花子"),
        ('<div class="byline">(Maren Holt)</div>', "Maren Holt"),
        ('<div class="byline">By (Maren Holt)</div>', "Maren Holt"),
        # Brackets round a part of the line are the part's: the agency stays beside the name.
        ('<div class="byline">Maren Holt (Reuters)</div>', "Maren Holt (Reuters)"),
    ],
)
def test_brackets_round_the_whole_of_a_byline_are_not_the_name_s(byline: str, name: str) -> None:
    """ "（山田太郎）" was cited "Author: （山田太郎）", "(Maren Holt)" "Maren Holt)"."""
    assert author_under_headline(byline) == name


def test_a_declared_author_in_brackets_is_cited_without_them() -> None:
    head = '<title>Ferry</title><meta name="author" content="（山田太郎）">'
    assert extract(head, f"<article><h1>Ferry</h1>{STORY}</article>").author == "山田太郎"


@pytest.mark.parametrize(
    "lede",
    [
        "记者从市交通局获悉，渡轮航线将于月底停航，岛上居民须改乘公交前往码头。",
        "記者会見で町長は、フェリーの運航を月末で終えると述べた。",
        "लेखक ने कहा कि नौका सेवा महीने के अंत में बंद हो जाएगी।",
    ],
    ids=["chinese", "japanese", "hindi"],
)
def test_a_lede_opening_with_reporter_or_writer_is_no_byline(lede: str) -> None:
    """ "记者从…获悉" ("this reporter learned from…"), "記者会見で…" ("at a press conference"),
    "लेखक ने कहा" ("the writer said") open sentences: the lede stays and names no author."""
    article = extract(
        "<title>Ferry</title>", f"<article><h1>Ferry</h1><p>{lede}</p>{STORY}</article>"
    )
    assert article.author == ""
    assert article.blocks[0].text == lede


def test_a_posts_own_first_line_names_its_writer_over_the_account_in_its_footer() -> None:
    """A team blog on Blogger signs each post twice: its first line names the writer ("Posted
    by Ana Ruiz, Software Engineer on the Ferry app") and its footer the account that posted
    it ("Posted by Island Developers"). The citation names the writer."""
    body = f"""<div class="widget Blog"><div class="post hentry">
      <h3 class="post-title">Ferry app update</h3>
      <div class="post-body entry-content"><p><em>Posted by Ana Ruiz, Software Engineer on
      the Ferry app</em></p>{STORY}</div>
      <div class="post-footer"><span class="post-author vcard">Posted by
      <span class="fn"><a rel="author" href="/profile/1">Island Developers</a></span></span>
      </div></div></div>"""
    article = extract("<title>Ferry app update</title>", body)
    assert article.author == "Ana Ruiz"
    # With no such line, the footer's name is the author still.
    alone = body.replace("Posted by Ana Ruiz, Software Engineer on\n      the Ferry app", "")
    assert extract("<title>Ferry app update</title>", alone).author == "Island Developers"


def test_a_quotations_attribution_is_not_the_byline() -> None:
    body = f"""<div class="story"><h1>Island ferry to stop</h1>{STORY}
      <blockquote><p>We were never asked.</p>
        <footer>— <cite class="quote-author">Ines Varga, who runs the island shop</cite></footer>
      </blockquote></div>"""
    assert extract("<title>Island ferry to stop</title>", body).author == ""
    # Nor, outside a quotation, is a description of someone.
    described = body.replace("blockquote", "div")
    assert extract("<title>Island ferry to stop</title>", described).author == ""


# 3. Bylines the page does declare, in less common places.


def test_json_ld_author_list_of_people_gives_every_name() -> None:
    head = """<script type="application/ld+json">
    {"@context": {"@vocab": "http://schema.org"}, "@type": "NewsArticle",
     "headline": "Island ferry to stop",
     "author": [{"@type": "Person", "name": "Maren Holt"},
                {"@type": "Person", "name": "Tom Berg"}]}
    </script>"""
    assert extract(head, f"<h1>Island ferry to stop</h1>{STORY}").author == "Maren Holt, Tom Berg"


def test_itemprop_author_byline_without_an_author_class_is_found() -> None:
    body = f"""<main><article><h1>Island ferry to stop</h1>
      <p class="css-1x2y3z" itemprop="author creator">By Maren Holt</p>{STORY}</article></main>"""
    assert extract("<title>Island ferry to stop</title>", body).author == "Maren Holt"


def test_each_repeated_author_meta_is_an_author() -> None:
    head = """<meta name="author" content="Maren Holt"><meta name="author" content="Tom Berg">
    <meta name="author" content="Maren Holt">"""
    assert extract(head, f"<h1>Island ferry to stop</h1>{STORY}").author == "Maren Holt, Tom Berg"


def test_names_written_surname_first_are_kept_apart_by_semicolons() -> None:
    # "Holt, M., Berg, Tom" would read as four names. Dublin Core's are turned given name
    # first, as a paper's citation_author is; a name it can't turn stays surname first.
    head = """<meta name="DC.Creator" content="Holt, M."><meta name="DC.Creator" content="Berg, Tom">"""
    assert extract(head, STORY).author == "M. Holt, Tom Berg"
    head = """<meta name="author" content="Holt, M."><meta name="author" content="Berg, Tom">"""
    assert extract(head, STORY).author == "Holt, M.; Berg, Tom"


def test_an_author_address_is_skipped_for_the_next_declared_name() -> None:
    head = """<meta property="article:author" content="https://www.facebook.com/marenholt">
    <meta name="parsely-author" content="Maren Holt">"""
    assert extract(head, f"<p class='byline'>By Desk Staff</p>{STORY}").author == "Maren Holt"


def test_the_author_cxense_reads_is_the_pages() -> None:
    """Asahi declares its writer only for Cxense's analytics: `cXenseParse:author`."""
    head = '<meta name="cXenseParse:author" content="港一郎">'
    assert extract(head, f"<p><span>港一郎</span></p>{STORY}").author == "港一郎"


def test_a_cms_account_declared_as_the_author_names_nobody() -> None:
    """WordPress declares the account that posted ("admin") where a name belongs: the
    byline names the writer."""
    byline = "<p class='byline'>By Maren Holt</p>"
    for account in ("admin", "Administrator", "webmaster"):
        head = f'<meta name="author" content="{account}">'
        assert extract(head, f"<article>{byline}{STORY}</article>").author == "Maren Holt"
        ld = f"""<script type="application/ld+json">{{"@type": "BlogPosting", "headline": "Ferry",
          "author": {{"@type": "Person", "name": "{account}"}}}}</script>"""
        assert extract(ld, f"<article>{byline}{STORY}</article>").author == "Maren Holt"
    posted = "<p class='byline'>Posted by Admin</p>"
    assert extract("", f"<article>{posted}{STORY}</article>").author == ""


def test_an_author_address_in_json_ld_names_nobody() -> None:
    """JSON-LD may give an author as the address of their page, as a string or as a Person's
    "name": the citation gives the people named, else the page's byline, never an address."""
    ld = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
      "author": %s}</script>"""
    listed = (
        '["https://news.example.org/staff/maren-holt", {"@type": "Person", "name": "Tom Berg"}]'
    )
    assert extract(ld % listed, f"<article>{STORY}</article>").author == "Tom Berg"
    named = '{"@type": "Person", "name": "https://news.example.org/staff/maren-holt"}'
    byline = "<p class='byline'>By Maren Holt</p>"
    assert extract(ld % named, f"<article>{byline}{STORY}</article>").author == "Maren Holt"
    # A nameless author leaves the byline to say who wrote it; "Last Updated:" says nobody.
    nameless = '{"@type": "Person", "name": ""}'
    updated = '<div class="author-details"><em>Last Updated:</em> June 3, 2025</div>'
    assert extract(ld % nameless, f"<article>{updated}{STORY}</article>").author == ""
    assert extract(ld % nameless, f"<article>{byline}{STORY}</article>").author == "Maren Holt"


# 4. The site's name after (or before) the headline.


def test_site_name_suffix_is_cut_from_the_declared_title() -> None:
    head = """<title>Island ferry to stop - Coast News</title>
    <meta property="og:title" content="Island ferry to stop - Coast News">
    <meta property="og:site_name" content="Coast News">"""
    article = extract(head, f"<h2>Island ferry to stop</h2>{STORY}")
    assert article.title == "Island ferry to stop"


def test_site_suffix_is_cut_when_the_site_names_itself_longer() -> None:
    head = """<meta property="og:title" content="Island ferry to stop at month's end | Kyst.no">
    <meta property="og:site_name" content="Kyst.no - news from the coast">"""
    article = extract(head, STORY)
    assert article.title == "Island ferry to stop at month's end"


def test_the_sites_name_is_cited_without_its_slogan() -> None:
    """ "Aktuálně.cz - Víte, co se právě děje", "Yahoo News - Latest News & Headlines": the name
    is the part another statement of the page gives as such (the end of its titles, its
    Twitter account, its publisher), not the slogan after it."""
    head = """<title>Island ferry to stop | The Island Post</title>
    <meta property="og:site_name" content="The Island Post - News you can trust since 1921">"""
    assert extract(head, STORY).site_name == "The Island Post"
    head = """<title>Island ferry to stop</title>
    <meta name="application-name" content="Island Post - Latest News &amp; Headlines">
    <meta name="twitter:site" content="@islandnews"><meta name="twitter:site" content="@IslandPost">"""
    assert extract(head, STORY).site_name == "Island Post"
    # Nothing says which part is the name, or the title writes it whole: it stays as declared.
    head = '<meta property="og:site_name" content="Island Post - Latest News">'
    assert extract(head, STORY).site_name == "Island Post - Latest News"
    head = """<title>Island ferry to stop ✩ Island Post – the harbour's paper</title>
    <meta property="og:site_name" content="Island Post – the harbour's paper">"""
    assert extract(head, STORY).site_name == "Island Post – the harbour's paper"


def test_the_sites_name_is_cited_without_its_companys_legal_form() -> None:
    """og:site_name "Harbour Media Inc" on pages titled "… - Harbour Media": the site is cited
    as its titles name it. Nothing to say so, the name stays as declared."""
    head = """<title>Island ferry to stop at month's end - Harbour Media</title>
    <meta property="og:site_name" content="Harbour Media Inc">"""
    article = extract(head, STORY)
    assert (article.site_name, article.title) == (
        "Harbour Media",
        "Island ferry to stop at month's end",
    )
    head = """<title>Island ferry to stop at month's end</title>
    <meta property="og:site_name" content="Harbour Media Inc">"""
    assert extract(head, STORY).site_name == "Harbour Media Inc"


def test_a_site_that_declares_no_name_is_named_by_its_titles_end_that_its_host_spells() -> None:
    """No og:site_name, no publisher: "… | Harbour Times" on harbourtimes.example names the
    source; a last part the host does not spell ("… | Business") names nothing."""
    url = "https://www.harbourtimes.example/2025/06/ferry.html"
    for title in ("Island ferry to stop | Harbour Times", "Harbour Times – Island ferry to stop"):
        article = extract_article(page(f"<title>{title}</title>", STORY), url)
        assert (article.site_name, article.title) == ("Harbour Times", "Island ferry to stop")
    article = extract_article(page("<title>Island ferry to stop | Business</title>", STORY), url)
    assert article.site_name == ""


def test_a_site_name_with_a_dash_of_its_own_is_cut_whole_from_the_title() -> None:
    head = """<title>Island ferry to stop at month's end - Harbour - Times</title>
    <meta property="og:title" content="Island ferry to stop at month's end - Harbour - Times">
    <meta property="og:site_name" content="Harbour - Times">"""
    # On the site's own host, whose name is the first part alone.
    article = extract_article(page(head, STORY), "https://harbour.example/2025/06/ferry.html")
    assert article.title == "Island ferry to stop at month's end"
    assert article.site_name == "Harbour - Times"
    head = """<title>Island ferry to stop at month's end – Süd-Kurier</title>
    <meta property="og:site_name" content="Süd-Kurier">"""
    article = extract(head, STORY)
    assert (article.title, article.site_name) == (
        "Island ferry to stop at month's end",
        "Süd-Kurier",
    )


def test_the_sites_whole_name_is_cut_from_a_headline_shorter_than_it() -> None:
    """ "Q&A - Harbour - Times": the name as declared is the site's, however few words the
    headline before it has."""
    for name in ("Harbour - Times", "The Harbour Evening Times"):
        head = f"""<title>Q&amp;A - {name}</title>
        <meta property="og:title" content="Q&amp;A - {name}">
        <meta property="og:site_name" content="{name}">"""
        article = extract(head, f"<div>{STORY}</div>")
        assert (article.title, article.site_name) == ("Q&A", name)


def test_the_sites_name_after_marks_of_its_own_goes_when_a_heading_states_the_headline() -> None:
    """A blog platform's "Post @ Blog :: Platform ::" joins the name with marks no separator
    list has; the post's heading says where its title ends. A heading that states only the
    title's first words keeps it whole."""
    declared = "海岛客轮停航 (2) @ 阿明的家_海风 :: 博客平台 ::"
    head = f"""<title>{declared}</title><meta property="og:title" content="{declared}">
    <meta property="og:site_name" content="阿明的家_海风">"""
    body = f"<h1>博客平台</h1><h1>阿明的家_海风</h1><article><h2>海岛客轮停航 (2)</h2>{STORY}</article>"
    assert extract(head, body).title == "海岛客轮停航 (2)"
    head = """<meta property="og:title" content="Ferry: what next for the island?">
    <meta property="og:site_name" content="Harbour Times">"""
    body = f"<article><h2>Ferry</h2>{STORY}</article>"
    assert extract(head, body).title == "Ferry: what next for the island?"


def test_title_element_alone_loses_its_last_part() -> None:
    head = "<title>Island ferry to stop running – Harbour Notes</title>"
    assert extract(head, f"<div>{STORY}</div>").title == "Island ferry to stop running"


def test_a_title_element_alone_loses_the_sites_section_with_its_name() -> None:
    """ "Headline | Local News | Harbour Times": the citation names the piece and the site, not
    the site's section; so do "…--时政--人民网" and "…_教育频道_中国青年网". A part after the
    headline that is its own (a question, a part a different separator sets off) stays."""
    for title, headline in (
        ("Island ferry to stop at month's end | Local News | Harbour Times", None),
        ("Island ferry to stop at month's end - World - Europe - Harbour Times", None),
        ("海岛唯一客轮月底停航--时政--人民网", "海岛唯一客轮月底停航"),
        ("海岛唯一客轮月底停航_教育频道_中国青年网", "海岛唯一客轮月底停航"),
        ("Island ferry to stop - what next? - Harbour Times", "Island ferry to stop - what next?"),
        ("Ferry Facts #12 - 0.17 in sight | Harbour Times", "Ferry Facts #12 - 0.17 in sight"),
        ("Island ferry to stop - Part 2 - Harbour Times", "Island ferry to stop - Part 2"),
        ("Ferry to stop | Local News | Harbour Times", "Ferry to stop"),
    ):
        expected = headline or "Island ferry to stop at month's end"
        assert extract(f"<title>{title}</title>", f"<div>{STORY}</div>").title == expected
        head = f"""<title>{title}</title><meta property="og:site_name" content="Harbour Times">"""
        assert extract(head, f"<div>{STORY}</div>").title == expected


def test_a_title_with_a_dash_of_its_own_keeps_it_when_its_parts_are_short() -> None:
    # Two words before the separator are not a headline: the whole title stays.
    head = "<title>Ferry stops - what next?</title>"
    assert extract(head, f"<div>{STORY}</div>").title == "Ferry stops - what next?"


def test_a_chinese_or_japanese_title_loses_the_site_name_written_without_spaces() -> None:
    """Chinese sites join the site's name with no space: "…_财新网", "…|新浪新闻",
    "…--时政--人民网"; a <title> alone loses its last part as a spaced one does. Korean's
    "한-미" ("Korea–US") is no separator."""
    for declared in ("海岛唯一客轮月底停航_财新网", "海岛唯一客轮月底停航|新浪新闻"):
        head = f'<meta property="og:title" content="{declared}">'
        assert (
            extract(head, f"<h1>海岛唯一客轮月底停航</h1>{STORY}").title == "海岛唯一客轮月底停航"
        )
    head = "<title>海岛唯一客轮月底停航--时政--人民网</title>"
    assert extract(head, f"<h1>海岛唯一客轮月底停航</h1>{STORY}").title == "海岛唯一客轮月底停航"
    for title in ("海岛唯一客轮月底停航-新华网", "海岛唯一客轮月底停航_网易新闻"):
        head = f"<title>{title}</title>"
        assert extract(head, f"<div>{STORY}</div>").title == "海岛唯一客轮月底停航"
    head = "<title>한-미 정상회담 열려</title>"
    assert extract(head, f"<h1>한-미 정상회담 열려</h1>{STORY}").title == "한-미 정상회담 열려"


def test_the_title_part_a_heading_repeats_first_beats_the_sites_heading() -> None:
    head = "<title>Ferry timetable for the winter months — Harbour office handbook</title>"
    body = f"""<h1>Harbour office handbook</h1><h2>Ferry timetable for the winter months</h2>
    {STORY}"""
    assert extract(head, body).title == "Ferry timetable for the winter months"


def test_the_declared_title_the_page_prints_beats_one_written_for_sharing() -> None:
    head = """<title>Island ferry to stop at the end of June | Coast News</title>
    <meta property="og:title" content="You won't believe what the council did to this ferry">
    <meta name="twitter:title" content="Island ferry to stop at the end of June">"""
    body = f"<article><h1>Island ferry to stop at the end of June</h1>{STORY}</article>"
    assert extract(head, body).title == "Island ferry to stop at the end of June"


SHARED = '<meta property="og:title" content="Ferry cuts explained">'
PRINTED = "Island ferry to stop at the end of June, council confirms"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # The article's one headline, the <title> saying neither.
        (
            "Ferry: what you need to know | Coast News",
            f"<article><h1>{PRINTED}</h1>{STORY}</article>",
        ),
        # In the headline's box before the <article>.
        (
            "Ferry: what you need to know | Coast News",
            f'<header class="article-header"><h1>{PRINTED}</h1></header><article>{STORY}</article>',
        ),
        # The <title> agrees with the headline.
        (f"{PRINTED} | Coast News", f'<div class="top"><h1>{PRINTED}</h1></div><div>{STORY}</div>'),
    ],
)
def test_the_headline_the_page_prints_beats_an_og_title_written_for_sharing(
    title: str, body: str
) -> None:
    """og:title is often a headline for link previews ("Ferry cuts explained"); the page
    prints another above the story. The citation gives the printed one, and the body does not
    repeat it as a heading."""
    article = extract(f"<title>{title}</title>{SHARED}", body)
    assert article.title == PRINTED
    assert all(b.text not in (PRINTED, "Ferry cuts explained") for b in article.blocks)


def test_an_h1_that_is_not_plainly_the_articles_headline_leaves_og_title() -> None:
    """Guards: a site's logo in an `h1`, or one `h1` of several in the article (a listing's
    items), is no headline of this article; nor is an `h1` in a related box."""
    og = '<meta property="og:title" content="Island ferry to stop at the end of June">'
    logo = "<title>Island ferry | Coast News Online</title>" + og
    body = f"<h1 class='logo'>Coast News Online</h1><article>{STORY}</article>"
    assert extract(logo, body).title == "Island ferry to stop at the end of June"
    several = f"<article><h1>First of the three items</h1>{STORY}<h1>Second of the three items</h1>{STORY}</article>"
    assert extract(og, several).title == "Island ferry to stop at the end of June"
    related = f"<article>{STORY}<aside class='related'><h1>Harbour fees to rise next year</h1></aside></article>"
    assert extract(og, related).title == "Island ferry to stop at the end of June"
    # A title declared for citing, not for sharing, is the publisher's word on it.
    dc = '<meta name="DC.title" content="Island ferry to stop at the end of June">'
    assert extract(
        dc, f"<article><h1>Timetable of the island ferry</h1>{STORY}</article>"
    ).title == ("Island ferry to stop at the end of June")


# 5. RDFa: one <meta property> may name several properties.


def test_space_separated_property_names_each_count() -> None:
    head = """<title>Page</title>
    <meta property="x:title dc:title" content="Island ferry to stop">
    <meta property="dc:creator twitter:site_name" content="Maren Holt">
    <meta name="author" content="Web Desk">"""
    article = extract(head, f"<div>{STORY}</div>")
    assert article.title == "Island ferry to stop"
    assert article.author == "Maren Holt"


# 6. parse.ly's tags.


def test_parsely_pub_date_and_page_json_give_the_date() -> None:
    head = """<meta name="parsely-title" content="Island ferry to stop">
    <meta name="parsely-pub-date" content="2025-06-02T07:30:00.000Z">"""
    article = extract(head, f"<div>{STORY}</div>")
    assert article.title == "Island ferry to stop"
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    page_json = (
        '<meta name="parsely-page" content="{&quot;title&quot;:&quot;Island ferry to stop&quot;,'
        "&quot;author&quot;:&quot;Maren Holt&quot;,"
        '&quot;pub_date&quot;:&quot;2025-06-03T08:00:00Z&quot;}">'
    )
    article = extract(page_json, f"<div>{STORY}</div>")
    assert article.published == datetime(2025, 6, 3, 8, 0, tzinfo=UTC)
    assert article.author == "Maren Holt"


def test_a_date_written_in_arabic_or_persian_digits_is_read() -> None:
    head = '<meta property="article:published_time" content="٢٠٢٥-٠٦-٠٢T٠٧:٣٠:٠٠+٠٣:٠٠">'
    article = extract(head, f"<article>{STORY}</article>")
    assert article.published == datetime(2025, 6, 2, 4, 30, tzinfo=UTC)
    article = extract('<meta name="date" content="۲۰۲۵-۰۶-۰۲">', f"<article>{STORY}</article>")
    assert article.published is not None and date_only(article.published)
    assert article.published.date().isoformat() == "2025-06-02"
    # A Solar Hijri date in Persian digits is no Gregorian date of the year 1404.
    article = extract('<meta name="date" content="۱۴۰۴-۰۳-۱۲">', f"<article>{STORY}</article>")
    assert article.published is None


def test_two_declared_publication_times_give_the_first_and_no_update() -> None:
    # NBC's article:published_time is its latest revision; JSON-LD says when it first ran.
    ld = """<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2024-12-06T22:00:40.000Z"}</script>"""
    revised = '<meta property="article:published_time" content="2024-12-07T12:43:39Z">'
    article = extract(revised + ld, f"<article>{STORY}</article>")
    assert article.published == datetime(2024, 12, 6, 22, 0, 40, tzinfo=UTC)
    # Two claims of publication are no revision the page states: no "Updated" invented
    # (acc39a L12), whichever of the two is the later.
    assert article.updated is None
    earlier_meta = '<meta property="article:published_time" content="2024-12-05T09:00:00Z">'
    article = extract(earlier_meta + ld, f"<article>{STORY}</article>")
    assert article.published == datetime(2024, 12, 5, 9, 0, tzinfo=UTC)
    assert article.updated is None
    # An update the page prints is one.
    printed = '<p class="meta">Updated Dec. 7, 2024, 12:43 PM GMT</p>'
    article = extract(revised + ld, f"<article><h1>Ferry</h1>{printed}{STORY}</article>")
    assert article.updated == datetime(2024, 12, 7, 12, 43, tzinfo=UTC)
    # A declared modification time stays the update.
    modified = '<meta property="article:modified_time" content="2024-12-08T09:00:00Z">'
    article = extract(revised + ld + modified, f"<article>{STORY}</article>")
    assert article.updated == datetime(2024, 12, 8, 9, 0, tzinfo=UTC)
    # Agreeing times are one publication, with no update.
    same = '<meta property="article:published_time" content="2024-12-06T22:00:40Z">'
    article = extract(same + ld, f"<article>{STORY}</article>")
    assert article.published == datetime(2024, 12, 6, 22, 0, 40, tzinfo=UTC)
    assert article.updated is None


def test_a_declared_full_time_wins_over_a_date_alone_for_the_same_publication() -> None:
    # The New York Times: schema.org's itemprop beside a property of its own, and a date alone
    # in the byline's <time>.
    head = """<meta property="article:published" itemprop="datePublished"
        content="2019-02-21T08:00:08.000Z">
    <meta property="article:modified" itemprop="dateModified" content="2019-02-22T12:17:45Z">"""
    byline = '<p class="byline"><time datetime="2019-02-21">Feb. 21, 2019</time></p>'
    article = extract(head, f"<article>{byline}{STORY}</article>")
    assert article.published == datetime(2019, 2, 21, 8, 0, 8, tzinfo=UTC)
    assert article.published is not None and not date_only(article.published)
    assert article.updated == datetime(2019, 2, 22, 12, 17, 45, tzinfo=UTC)
    # The date alone declared first, the time in the page's <time>: still the time, even when
    # UTC's date is the next day (21:28 in New York).
    ld = """<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2018-09-25"}</script>"""
    timed = '<time datetime="2018-09-26T01:28:31Z">Sept. 25, 2018</time>'
    article = extract(ld, f"<article>{timed}{STORY}</article>")
    assert article.published == datetime(2018, 9, 26, 1, 28, 31, tzinfo=UTC)
    assert article.updated is None
    # A time of another day is another moment: the date stays, alone.
    other = '<time datetime="2018-09-20T10:00:00Z">Sept. 20, 2018</time>'
    article = extract(ld, f"<article>{other}{STORY}</article>")
    assert article.published is not None and date_only(article.published)
    assert article.published.date().isoformat() == "2018-09-25"


def test_opengraphs_updated_time_is_the_revision_when_nothing_else_declares_one() -> None:
    """WordPress's SEO plugins write `og:updated_time`, often with no article:modified_time;
    its offset is kept as the page states it."""
    head = """<meta property="article:published_time" content="2025-06-02T07:30:00+05:30">
    <meta property="og:updated_time" content="2025-06-03T09:00:00-04:00">"""
    article = extract(head, f"<article>{STORY}</article>")
    assert (
        article.updated is not None and stated_iso(article.updated) == "2025-06-03T09:00:00-04:00"
    )
    assert article.published is not None
    assert stated_iso(article.published) == "2025-06-02T07:30:00+05:30"
    # The article's own modified time, when there is one, wins.
    head += '<meta property="article:modified_time" content="2025-06-02T12:00:00Z">'
    assert extract(head, f"<article>{STORY}</article>").updated == datetime(
        2025, 6, 2, 12, tzinfo=UTC
    )


def test_a_time_without_its_zone_keeps_none_unless_the_page_gives_it_elsewhere() -> None:
    naive = '<meta property="article:published_time" content="2024-03-05T09:30">'
    article = extract(naive, f"<article>{STORY}</article>")
    assert article.published is not None and zone_unstated(article.published)
    assert article.published.replace(tzinfo=None) == datetime(2024, 3, 5, 9, 30)
    # Folha: the same wall-clock time with its zone in JSON-LD.
    ld = """<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2024-03-05T09:30:00-03:00"}</script>"""
    article = extract(naive.replace("T09:30", " 09:30:00") + ld, f"<article>{STORY}</article>")
    assert article.published == datetime(2024, 3, 5, 12, 30, tzinfo=UTC)
    assert article.published is not None and not zone_unstated(article.published)


def test_a_declared_time_without_its_zone_takes_the_zone_its_dateline_gives_it() -> None:
    """CNN declares "2016-02-01 01:28:49" and prints "First published February 1, 2016: 1:28 AM
    ET": the same time, to the minute, with its zone. Another time the text gives says nothing
    of the declared one's zone."""
    naive = '<meta name="date" content="2026-02-03 01:28:49">'
    for dateline, zone in (
        ("First published February 3, 2026: 1:28 AM ET", "-05:00"),
        ("Published 3 February 2026, 01:28 GMT", "+00:00"),
        ("Published 3 February 2026, 14:05 GMT", ""),
    ):
        body = f'<article><p class="storytimestamp">{dateline}</p>{STORY}</article>'
        article = extract(naive, body)
        assert article.published is not None
        assert stated_iso(article.published) == f"2026-02-03T01:28:49{zone}", dateline


# 7. The lead image when none is declared.


def test_lead_image_falls_back_to_the_articles_first_photo() -> None:
    body = f"""
    <header><img src="/static/logo.png" alt="Coast News"></header>
    <article>
      <h1>Island ferry to stop</h1>
      <img src="/static/icons/share.svg" width="16" height="16" alt="">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/ferry-lazy.jpg">
      <img src="https://track.example.org/p.gif" width="1" height="1" alt="">
      <figure><img src="/photos/ferry.jpg" width="1200" height="800" alt="The ferry"></figure>
      {STORY}
    </article>"""
    article = extract("<title>Island ferry to stop</title>", body)
    assert article.image_url == "https://news.example.org/photos/ferry-lazy.jpg"
    without_lazy = body.replace(' data-src="/photos/ferry-lazy.jpg"', "")
    article = extract("<title>Island ferry to stop</title>", without_lazy)
    assert article.image_url == "https://news.example.org/photos/ferry.jpg"


def test_lead_image_skips_badges_and_buttons_and_takes_the_widest_of_a_srcset() -> None:
    body = f"""<article><h1>Island ferry to stop</h1>
      <img src="/img/share-button.gif" alt="Listen to this story">
      <img src="/img/88x31.png" alt="">
      <img src="/img/harbour-logo.jpg" alt="Harbour Gazette">
      <img src="/thumbs/110x70_ferry.jpg" alt="">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The ferry at the quay"
        data-srcset="/photos/ferry-80.jpg 80w, /photos/ferry-800.jpg 800w, /photos/ferry-320.jpg 320w">
      {STORY}</article>"""
    article = extract("<title>Island ferry to stop</title>", body)
    assert article.image_url == "https://news.example.org/photos/ferry-800.jpg"


def test_lead_image_is_not_the_writers_portrait_beside_the_byline() -> None:
    """Ghost's byline: the portrait's own class says only "author-profile-image"; the boxes
    around it say whose it is."""
    body = f"""<article><header><h1>Island ferry to stop</h1>
      <div class="article-byline"><a href="/author/ana/" class="author-avatar">
        <img class="author-profile-image" src="/content/images/ana.jpg" alt="Ana Ruiz"></a>
        <a href="/author/ana/">Ana Ruiz</a></div></header>
      <figure><img src="/photos/ferry.jpg" alt="The ferry at the quay"></figure>
      {STORY}</article>"""
    article = extract("<title>Island ferry to stop</title>", body)
    assert article.image_url == "https://news.example.org/photos/ferry.jpg"
    # A box whose name only holds the letters is the story's: the council's photo.
    council = '<figure class="local-authority-photo"><img src="/photos/council.jpg"></figure>'
    article = extract("", f"<article><h1>Council meets</h1>{council}{STORY}</article>")
    assert article.image_url == "https://news.example.org/photos/council.jpg"
    camel = '<div class="postAuthor"><img src="/people/ana.jpg"></div>'
    article = extract("", f"<article><h1>Council meets</h1>{camel}{council}{STORY}</article>")
    assert article.image_url == "https://news.example.org/photos/council.jpg"


def test_declared_image_wins_over_the_articles_photo() -> None:
    head = '<meta property="og:image" content="/cards/ferry-card.jpg">'
    body = f'<article><figure><img src="/photos/ferry.jpg"></figure>{STORY}</article>'
    assert extract(head, body).image_url == "https://news.example.org/cards/ferry-card.jpg"


def test_a_year_no_page_was_published_in_is_no_date() -> None:
    """A CMS's empty "0001-01-01" (which overflowed once a zone was added to it, and failed
    the page) is no date; the page's real one is taken."""
    head = (
        '<meta property="article:published_time" content="0001-01-01">'
        '<meta name="date" content="2019-02-21T08:00:00Z">'
    )
    article = extract(head, f"<article><h1>Ferry</h1>{STORY}</article>")
    assert article.published == datetime(2019, 2, 21, 8, 0, tzinfo=UTC)


def test_microdata_times_on_elements_other_than_meta_are_read() -> None:
    # CNET: the time in a `content` on its <time>, where the standard wants `datetime`.
    byline = """<p class="byline"><time class="timeStamp" itemprop="datePublished"
        content="2017-01-18T23:00:00-0800">January 18, 2017 11:00 PM PST</time></p>"""
    article = extract("", f"<article>{byline}{STORY}</article>")
    assert article.published == datetime(2017, 1, 19, 7, 0, tzinfo=UTC)
    # The standard form, and a revision on a <span>: both read, in the page's own words.
    standard = """<p><time itemprop="datePublished dateCreated" datetime="2024-05-02T10:00Z">May 2</time>
        <span itemprop="dateModified" content="2024-05-03T08:15:00Z">updated May 3</span></p>"""
    article = extract("", f"<article>{standard}{STORY}</article>")
    assert article.published == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)
    assert article.updated == datetime(2024, 5, 3, 8, 15, tzinfo=UTC)
    # A name that only contains the word is another property.
    other = '<span itemprop="datePublishedNote" content="2001-01-01T00:00Z">x</span>'
    assert extract("", f"<article>{other}{STORY}</article>").published is None


def test_a_comments_microdata_time_is_not_the_articles() -> None:
    """WordPress and Genesis mark each reader's comment's time `itemprop="datePublished"`: the
    article's own `<time>`, marked or not, dates it, not the first comment's."""
    own = '<p><time class="entry-date" datetime="2024-03-01T09:00:00Z">1 March</time></p>'
    comment = """<article itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <time itemprop="datePublished" datetime="2024-03-09T18:30:00Z">9 March</time>
        <p itemprop="text">About time.</p></article>"""
    article = extract("", f"<article>{own}{STORY}</article><section>{comment}</section>")
    assert article.published == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def test_another_storys_time_before_the_article_does_not_date_it() -> None:
    """A "related" box, a navigation bar or a ticker before the article shows other stories'
    `<time datetime>`s: the article's own `<time>` dates it."""
    own = '<p><time datetime="2026-03-03T14:05:00Z">3 March</time></p>'
    for before in (
        '<aside class="related"><a href="/a">Storm</a> <time datetime="2026-12-01T08:00Z">1 Dec</time></aside>',
        '<div class="ticker"><a href="/a">Storm</a> <time datetime="2026-12-01T08:00Z">08:00</time></div>',
        '<nav><time datetime="2026-12-02">Wednesday 2 December</time></nav>',
    ):
        article = extract("", f"{before}<article><h1>Ferry</h1>{own}{STORY}</article>")
        assert article.published == datetime(2026, 3, 3, 14, 5, tzinfo=UTC), before


def test_a_related_storys_microdata_before_the_article_does_not_date_it() -> None:
    related = """<aside class="related"><div itemscope itemtype="https://schema.org/NewsArticle">
        <a href="/storm" itemprop="url">Storm closes harbour</a>
        <meta itemprop="datePublished" content="2026-12-01T08:00:00Z"></div></aside>"""
    own = """<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Ferry</h1>
        <meta itemprop="datePublished" content="2026-03-03T14:05:00Z">"""
    article = extract("", f"{related}{own}{STORY}</article>")
    assert article.published == datetime(2026, 3, 3, 14, 5, tzinfo=UTC)


def test_a_review_pages_own_microdata_time_dates_it() -> None:
    """A film review typed `Review` is the article: its time is the article's (not the date the
    site's header shows), while a review held as a property of another item is not."""
    header = '<header><time datetime="2024-05-01">Wednesday 1 May</time></header>'
    own = """<article itemscope itemtype="https://schema.org/Review"><p>
        <span itemprop="datePublished" content="2024-04-12T07:00:00Z">12 April</span></p>"""
    article = extract("", f"{header}{own}{STORY}</article>")
    assert article.published == datetime(2024, 4, 12, 7, 0, tzinfo=UTC)
    readers = """<div itemprop="review" itemscope itemtype="https://schema.org/Review">
        <span itemprop="datePublished" content="2024-04-20T07:00:00Z">20 April</span></div>"""
    article = extract("", f"{header}<article>{STORY}{readers}</article>")
    assert article.published is not None and stated_iso(article.published) == "2024-05-01"


def test_an_embedded_videos_microdata_time_is_not_the_articles() -> None:
    """Yahoo puts the microdata of the story's video (a `VideoObject` held as the page's
    `video`) above the story's own item: the video's upload, a day later, is not when the
    story was published."""
    video = """<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject">
        <meta itemprop="name" content="The ferry's last crossing">
        <meta itemprop="datePublished" content="2025-06-03T13:11:07Z">
        <span itemprop="uploadDate" content="2025-06-03T12:21:24Z"></span>
        <time itemprop="dateModified" datetime="2025-06-04T09:00:00Z">4 June</time></div>"""
    own = """<div itemscope itemtype="https://schema.org/Article">
        <meta itemprop="datePublished" content="2025-06-02T19:46:14Z">"""
    article = extract("", f"<article>{video}{own}{STORY}</div></article>")
    assert article.published == datetime(2025, 6, 2, 19, 46, 14, tzinfo=UTC)
    assert article.updated is None
    # CNET marks the story's time inside its writer's item: a person has no time of its own.
    writer = """<div itemprop="author" itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">Maren Holt</span>
        <time itemprop="datePublished" content="2025-06-02T07:30:00Z">2 June</time></div>"""
    article = extract("", f"<article>{video}{writer}{STORY}</article>")
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)


def test_authors_and_publisher_given_by_reference_in_a_json_ld_graph() -> None:
    """Yoast's `@graph` (most WordPress news sites): the article names its authors and its
    publisher by `@id`, each described once elsewhere in the graph; its WebPage comes first."""
    head = """<title>Island ferry to stop - The Island Post</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "@id": "https://news.example.org/#organization",
       "name": "The Island Post", "url": "https://news.example.org/"},
      {"@type": "WebPage", "@id": "https://news.example.org/2025/06/ferry.html",
       "name": "Island ferry to stop - The Island Post",
       "datePublished": "2025-06-02T07:30:00+00:00"},
      {"@type": "NewsArticle", "@id": "https://news.example.org/2025/06/ferry.html#article",
       "headline": "Island ferry to stop at the end of the month",
       "author": [{"@id": "https://news.example.org/#/schema/person/a1"},
                  {"@id": "https://news.example.org/#/schema/person/b2"}],
       "publisher": {"@id": "https://news.example.org/#organization"},
       "datePublished": "2025-06-02T07:30:00+00:00"},
      {"@type": "Person", "@id": "https://news.example.org/#/schema/person/a1",
       "name": "Maren Holt"},
      {"@type": "Person", "@id": "https://news.example.org/#/schema/person/b2",
       "name": "Tomas Berg"}]}</script>"""
    printed = "<h1>Island ferry to stop at the end of the month</h1>"
    article = extract(head, f"<article>{printed}{STORY}</article>")
    assert article.author == "Maren Holt, Tomas Berg"
    assert article.site_name == "The Island Post"
    assert article.title == "Island ferry to stop at the end of the month"


def test_a_saved_pages_address_is_its_canonical_link_or_else_its_og_url() -> None:
    """A misconfigured site names its AMP copy as canonical (the same address as its
    `rel=amphtml`): a saved page read without its address is cited at its og:url, the
    article's own page, not at the stripped-down copy."""
    head = """<title>Island ferry to stop</title>
    <link rel="canonical" href="https://news.example.org/amp/2025/06/ferry.html">
    <link rel="amphtml" href="/amp/2025/06/ferry.html">
    <meta property="og:url" content="https://news.example.org/2025/06/ferry.html">
    <meta property="og:image" content="//cdn.example.org/ferry.jpg">"""
    article = extract_article(page(head, f"<article>{STORY}</article>"))
    assert article.canonical_url == article.url == URL
    # The image's protocol-relative address takes the page's scheme.
    assert article.image_url == "https://cdn.example.org/ferry.jpg"
    # A saved page whose canonical link is relative, or missing, has its og:url's address.
    for link in ('<link rel="canonical" href="/2025/06/ferry.html">', ""):
        saved = f'{link}<meta property="og:url" content="{URL}">'
        assert extract_article(page(saved, f"<article>{STORY}</article>")).url == URL
    # With no other address stated, the AMP copy is still better than none.
    head = head.replace('<meta property="og:url"', '<meta property="og:type"')
    assert (
        extract_article(page(head, STORY)).url == "https://news.example.org/amp/2025/06/ferry.html"
    )


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        (
            "<div class=info>By Ruth McAllister | Published: Friday 27 November 2025 at 16:05"
            " | Updated: Saturday 28 November 2025 at 09:12</div>",
            datetime(2025, 11, 27, 16, 5),
            datetime(2025, 11, 28, 9, 12),
        ),
        (
            '<p>Автор: <a href="/a/p">Павел Орлов</a>, 28.11.2025 14:35</p>',
            datetime(2025, 11, 28, 14, 35),
            None,
        ),
    ],
    ids=["english", "russian"],
)
def test_the_dates_in_a_byline_line_date_the_article_and_the_line_goes(
    line: str, published: datetime, updated: datetime | None
) -> None:
    """No date in the markup, and none in an element named for one: the byline line under the
    headline states them, and once they are in the header the line repeats it."""
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{line}{STORY}</article>")
    assert article.author in ("Ruth McAllister", "Павел Орлов")
    for found, expected in ((article.published, published), (article.updated, updated)):
        assert (found.replace(tzinfo=None) if found else None) == expected
    assert article.blocks[0].text.startswith("The island's only ferry")


def test_the_markups_date_beats_the_byline_lines() -> None:
    """Declared first, the text second: the byline line's date fills only what is missing."""
    head = '<meta property="article:published_time" content="2025-11-26T08:00:00Z">'
    line = "<p>By Ruth McAllister | 27 November 2025 | Updated: 28 November 2025 09:12</p>"
    article = extract(head, f"<article><h1>Ferry</h1>{line}{STORY}</article>")
    assert article.published == datetime(2025, 11, 26, 8, tzinfo=UTC)
    assert article.updated is not None and article.updated.day == 28


def test_a_time_labelled_last_updated_is_the_revision() -> None:
    """ "Published <time> · Last updated <time>": the second `<time>` is the revision's, and
    the line saying both leaves the text."""
    line = (
        '<p>Published <time datetime="2025-11-28T10:00:00Z">28 Nov</time> · Last updated'
        ' <time datetime="2025-11-29T08:00:00Z">29 Nov</time></p>'
    )
    article = extract("", f"<article><h1>Ferry</h1>{line}{STORY}</article>")
    assert article.published == datetime(2025, 11, 28, 10, tzinfo=UTC)
    assert article.updated == datetime(2025, 11, 29, 8, tzinfo=UTC)
    assert article.blocks[0].text.startswith("The island's only ferry")


def test_a_date_the_text_alone_states_is_the_publication_date() -> None:
    """No date in the markup: the dateline's "Published 3 March 2026, 14:05 GMT" dates the
    article, with its zone, and the citation gives it; the line leaves the text."""
    dateline = '<p class="dateline">Published 3 March 2026, 14:05 GMT</p>'
    article = extract("", f"<article><h1>Ferry</h1>{dateline}{STORY}</article>")
    assert article.published == datetime(2026, 3, 3, 14, 5, tzinfo=UTC)
    assert "Published: 2026-03-03T14:05:00+00:00" in header_lines(article)
    assert article.blocks[0].text.startswith("The island's only ferry")
    # An American dateline: "ET" is EST in March, EDT in July; a date alone stays one.
    for text, stated in (
        ("March 3, 2026 9:05 a.m. ET", "2026-03-03T09:05:00-05:00"),
        ("First published March 3, 2026: 9:05 AM ET", "2026-03-03T09:05:00-05:00"),
        ("Posted July 3, 2026 at 9:05 PM ET", "2026-07-03T21:05:00-04:00"),
        ("<time>3 March 2026</time>", "2026-03-03"),
        ("3 March 2026, 14:05", "2026-03-03T14:05:00"),
        ("3 March 2026, 14:05 · 12 comments", "2026-03-03T14:05:00"),
        ("3 March 2026, 14:05 GMT+5:30", "2026-03-03T14:05:00+05:30"),
    ):
        assert dateline_published(text) == stated, text


def test_a_relative_time_in_the_text_is_no_date() -> None:
    """ "Updated 2 hours ago" is true only on the day the page was read: it gives no date,
    and the site's header's date of today (unlabelled, outside the article) is no publication
    date either; a date declared in the markup wins over the text's."""
    header = '<header class="masthead"><span class="date">Wednesday 2 December 2026</span></header>'
    ago = '<p class="updated">Updated 2 hours ago</p>'
    # Nor is a photo's date, in its caption.
    photo = '<figure><img src="/p.jpg"><figcaption class="image-meta">3 March 1998</figcaption></figure>'
    article = extract("", f"{header}<article><h1>Ferry</h1>{ago}{photo}{STORY}</article>")
    assert (article.published, article.updated) == (None, None)
    dateline = '<p class="date">Published 3 March 2026, 14:05 GMT. Updated 2 hours ago</p>'
    article = extract("", f"{header}<article><h1>Ferry</h1>{dateline}{STORY}</article>")
    assert (article.published, article.updated) == (datetime(2026, 3, 3, 14, 5, tzinfo=UTC), None)
    declared = '<meta property="article:published_time" content="2026-03-02T08:00:00Z">'
    dateline = '<p class="date">3 March 2026, 14:05 GMT, updated 4 March 2026, 09:30 GMT</p>'
    article = extract(declared, f"<article><h1>Ferry</h1>{dateline}{STORY}</article>")
    assert article.published == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert article.updated == datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


def test_drupals_rdfa_date_around_its_submitted_line_dates_the_node_not_its_comments() -> None:
    """Drupal 7 dates its node with RDFa on a `<span>` in the body ("Submitted by editor on
    Thu, 04/06/2026 - 09:12"), the page's only date, and each comment the same way."""
    submitted = """<div class="submitted"><span property="dc:date dc:created"
        content="2026-04-06T09:12:00+01:00" datatype="xsd:dateTime" rel="sioc:has_creator">
        Submitted by <span class="username" property="foaf:name">editor</span> on
        Thu, 04/06/2026 - 09:12</span></div>"""
    comment = """<div class="comment" typeof="sioc:Post sioct:Comment"><div class="submitted">
        <span property="dc:date dc:created" content="2026-04-07T18:00:00+01:00">Submitted by
        reader</span></div><p>Well said.</p></div>"""
    body = f'<div class="node" typeof="sioc:Item foaf:Document">{submitted}{STORY}</div>'
    article = extract("", f"{body}<div id='comments'>{comment}</div>")
    assert article.published == datetime(2026, 4, 6, 8, 12, tzinfo=UTC)
    article = extract("", f"<div class='node'>{STORY}</div><div id='comments'>{comment}</div>")
    assert article.published is None


def test_a_comments_or_sidebars_time_does_not_date_an_undated_article() -> None:
    """WordPress themes date each reader's comment with a `<time>`, and a sidebar lists its
    latest posts with theirs; on a page that dates its article nowhere, the first of those is
    not the article's date. The article's own `<time>`, after a sidebar's, still is."""
    comment = """<div id="comments" class="comments-area"><ol class="comment-list"><li>
        <footer class="comment-meta"><b>Reader</b> <time datetime="2026-05-03T18:30:00Z">3 May
        </time></footer><div class="comment-content"><p>Same every spring.</p></div></li></ol></div>"""
    article = extract("", f"<article>{STORY}</article>{comment}")
    assert article.published is None
    sidebar = """<div class="sidebar"><h3>Latest</h3><ul><li><a href="/x">Bins</a>
        <time datetime="2026-05-04T08:00:00Z">4 May</time></li></ul></div>"""
    own = '<p><time datetime="2026-05-01T09:00:00Z">1 May</time></p>'
    article = extract("", f"{sidebar}<article>{own}{STORY}</article>")
    assert article.published == datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def test_a_dateline_with_an_offset_no_zone_has_is_read_without_it() -> None:
    """A hostile or mistyped offset ("+25", "AEDT+13": a day or more) is no zone: the article
    is still read, its time with its zone unstated, not a crash."""
    for text in ("3 March 2026, 14:05 +25", "3 March 2026, 14:05 AEDT+13"):
        assert dateline_published(text) == "2026-03-03T14:05:00", text


def test_a_count_after_a_datelines_dash_is_not_its_zone() -> None:
    """ "14:05 - 12 comments", "9:05 AM - 3 min read": the dash is a separator and the number
    a count, not an offset of UTC-12 or UTC-3; an offset alone is written "+05:30", "-0500"."""
    for text, stated in (
        ("3 March 2026, 14:05 - 12 comments", "2026-03-03T14:05:00"),
        ("March 3, 2026 9:05 AM - 3 min read", "2026-03-03T09:05:00"),
        ("March 3, 2026 9:05 AM -0500", "2026-03-03T09:05:00-05:00"),
        ("3 March 2026, 14:05 +05:30", "2026-03-03T14:05:00+05:30"),
        ("3 March 2026, 14:05 GMT -5", "2026-03-03T14:05:00-05:00"),
    ):
        assert dateline_published(text) == stated, text


def test_a_candidates_box_or_a_timeline_in_the_article_does_not_date_it() -> None:
    """ "candidate" holds "date" and "timeline" "time", but neither names a dateline: a
    candidate's birthday and a timeline's first entry are not when the article was published."""
    for box in (
        '<div class="candidate-card">Mara Lund, born 4 May 1971, runs for mayor.</div>',
        '<ul class="timeline"><li>12 June 1994: the crossing opens</li>'
        "<li>2 June 2025: the subsidy ends</li></ul>",
    ):
        article = extract("", f"<article><h1>Ferry</h1>{STORY}{box}</article>")
        assert article.published is None, box


def test_an_italian_byline_line_opening_with_a_capital_di_repeats_the_author() -> None:
    """At a line's start Italian writes "Di Marco Rossi": with "Marco Rossi" declared, that
    line atop the text repeats the header and goes; a declared "Di Marco Rossi" is still one
    name, and his line goes too."""
    for declared, line in (("Marco Rossi", "Di Marco Rossi"), ("Di Marco Rossi", "Di Marco Rossi")):
        head = f'<title>Ferry</title><meta name="author" content="{declared}">'
        article = extract(head, f"<article><h1>Ferry</h1><p>{line}</p>{STORY}</article>")
        assert article.author == declared
        assert article.blocks[0].text.startswith("The island's only ferry"), declared


def test_a_layout_named_for_its_sidebar_round_main_still_holds_the_articles_date() -> None:
    """WordPress's Genesis themes wrap `<main>` in "content-sidebar-wrap": a name of the layout
    round the page's main part, not a sidebar. The article's own `<time itemprop=
    "datePublished">` dates it and its byline names its writer; the sidebar's list doesn't."""
    body = f"""<div class="site-inner"><div class="content-sidebar-wrap"><main class="content">
      <article class="post entry" itemscope itemtype="https://schema.org/CreativeWork">
      <header class="entry-header"><h1 class="entry-title" itemprop="headline">Ferry</h1>
      <p class="entry-meta"><time class="entry-time" itemprop="datePublished"
      datetime="2025-06-02T07:30:00+00:00">June 2, 2025</time> by <span class="entry-author"
      itemprop="author" itemscope itemtype="https://schema.org/Person"><span
      class="entry-author-name" itemprop="name">Maren Holt</span></span></p></header>
      <div class="entry-content" itemprop="text">{STORY}</div></article></main>
      <aside class="sidebar sidebar-primary widget-area"><section class="widget"><h3>Recent</h3>
      <ul><li><a href="/x">Harbour fees</a> <time datetime="2024-01-01">Jan 1</time></li></ul>
      </section></aside></div></div>"""
    article = extract("<title>Ferry</title>", body)
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    assert article.author == "Maren Holt"


def test_a_headline_opening_with_by_is_no_line_signing_the_post() -> None:
    """A WordPress theme puts the byline in the post's footer; the post's headline "By The
    Numbers: Harbour Costs" above it is no "By …" line naming its writer."""
    body = f"""<article class="post"><header class="entry-header"><h1 class="entry-title"><a
      href="/numbers">By The Numbers: Harbour Costs</a></h1></header>
      <div class="entry-content">{STORY}</div>
      <footer class="entry-footer"><span class="byline"><span class="author vcard"><a
      class="url fn n" href="/author/maren">Maren Holt</a></span></span></footer></article>"""
    for h in ("<h1 class", "<h2 class"):
        page = body.replace("<h1 class", h).replace("</h1>", f"</{h[1:3]}>")
        assert extract("<title>Harbour Costs</title>", page).author == "Maren Holt"


def test_a_page_wrapped_in_one_form_keeps_its_articles_date() -> None:
    """ASP.NET WebForms wraps the whole page in one `<form>` (with its `__VIEWSTATE`): the
    page's layout, not a form of its own like a search box. The article's `<time>` and
    microdata inside it date the article."""
    viewstate = '<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" value="x"></div>'
    for time in (
        '<time datetime="2025-06-02T07:30:00Z">2 June 2025</time>',
        '<span itemprop="datePublished" content="2025-06-02T07:30:00Z">2 June 2025</span>',
    ):
        story = f'<div class="story"><h1>Ferry</h1>{time}{STORY}</div>'
        for body in (
            f'<form id="aspnetForm" method="post" action="./ferry.aspx">{story}</form>',
            f'<div id="wrap"><form id="form1" method="post">{viewstate}{story}</form></div>',
        ):
            article = extract("<title>Ferry</title>", body)
            assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC), body


def test_a_wrapper_named_for_its_sidebar_round_the_article_does_not_hide_its_date() -> None:
    """A layout with no `<main>` that names the box round the whole article for its sidebar
    ("container has-sidebar"): every `<time>` is in a "sidebar" by its names, and the article's
    own is still its date; a reader's comment's is not."""
    comment = (
        '<div class="comment"><time datetime="2025-06-03T19:00:00Z">3 June</time>'
        "<p>Good to hear.</p></div>"
    )
    body = (
        '<div class="container has-sidebar"><article><h1>Ferry</h1>'
        f'<time datetime="2025-06-02T07:30:00Z">2 June</time>{STORY}</article></div>'
    )
    article = extract("", body)
    assert article.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    only_a_comment = f'<div class="container has-sidebar"><article>{STORY}{comment}</article></div>'
    assert extract("", only_a_comment).published is None


def test_an_event_ahead_in_an_undated_article_does_not_date_it() -> None:
    """A date the text states that has not come yet is an event's, not the article's."""
    event = '<div class="event-date">Concert: 12 June 2031</div>'
    assert extract("", f"<article>{event}{STORY}</article>").published is None
    past = '<div class="event-date">Published 12 June 2024</div>'
    published = extract("", f"<article>{past}{STORY}</article>").published
    assert published is not None and published.date().isoformat() == "2024-06-12"


@pytest.mark.parametrize(
    "box",
    [
        '<div class="related-stories"><h3>Related</h3><ul><li><a href="/fares">Ferry fares'
        ' rise</a> <time datetime="2019-04-01T08:00:00Z">1 April 2019</time></li></ul></div>',
        '<blockquote><p>The ferry is late again.</p>— Ana Ruiz, <time datetime="2019-04-01T08:00:00Z">'
        "1 April 2019</time></blockquote>",
    ],
    ids=["related", "quotation"],
)
def test_a_time_of_a_box_inside_the_article_does_not_date_it(box: str) -> None:
    """An undated article holding a related story's or a quotation's `<time>`: that is
    another item's date, not the article's, even with no `<time>` of its own."""
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{STORY}{box}</article>")
    assert article.published is None


def test_a_byline_of_thousands_of_commas_is_read_in_time() -> None:
    """A hostile byline follows the name with 10,000 " ," : the date or label it might end
    with ("Ann Lee, updated on") was looked for from each of them to the line's end
    (benchmarks/hostile.py times it)."""
    for tail in (" ," * 10_000, " ," * 10_000 + " 3"):
        article = extract("<title>Ferry</title>", f'<div class="byline">By Ana{tail}</div>{STORY}')
        assert article.author == "Ana"


@pytest.mark.parametrize(
    "line",
    [
        '<h2 class="typewriter">Ferry Service Ends Today</h2>',
        '<div class="ghostwriter-note">Island Ferry Timetable</div>',
    ],
    ids=["typewriter", "ghostwriter"],
)
def test_a_class_ending_in_writer_names_no_byline(line: str) -> None:
    """Korean sites name the byline's box "writer" ("writer-zone01"); a "typewriter" effect
    on a heading, or any other word ending so, is no byline."""
    article = extract("<title>Ferry</title>", f"<article><h1>Ferry</h1>{line}{STORY}</article>")
    assert article.author == ""


def test_an_xhtml_page_names_its_language_with_xml_lang() -> None:
    """XHTML 1.1 has no `lang` attribute: a page served as application/xhtml+xml names its
    language in `xml:lang` alone, and its citation lost it."""
    xhtml = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>Fähre</title></head>
<body><div id="story"><h1>Die Fähre fährt wieder</h1>{STORY}</div></body></html>"""
    article = extract_article(xhtml.encode(), URL, "utf-8")
    assert article.language == "de"


# 8. The byline beside a declared author: every writer it names, a person over the site.


def test_a_byline_naming_the_declared_author_and_others_gives_them_all() -> None:
    """A `<meta name="author">` (or JSON-LD) naming one writer of two leaves the other out of
    the citation: the byline that names both says more."""
    byline = """<div class="byline">By <a rel="author" href="/a/holt">Maren Holt</a> and
      <a rel="author" href="/a/berg">Tom Berg</a>, Local Democracy Reporters</div>"""
    body = f"<article><h1>Island ferry to stop</h1>{byline}{STORY}</article>"
    assert extract('<meta name="author" content="Maren Holt">', body).author == (
        "Maren Holt, Tom Berg"
    )
    ld = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
      "author": {"@type": "Person", "name": "Maren Holt"}}</script>"""
    assert extract(ld, body).author == "Maren Holt, Tom Berg"


def test_a_declared_author_the_byline_does_not_contain_stays_the_author() -> None:
    """Guards: the declaration comes first where the byline names the same writers, fewer, or
    someone else (a byline the page's layout gave to a photographer or a related story)."""
    one = "<div class='byline'>By Maren Holt</div>"
    other = "<div class='byline'>By Tom Berg</div>"
    meta = '<meta name="author" content="Maren Holt">'
    assert extract(meta, f"<article><h1>Ferry</h1>{one}{STORY}</article>").author == "Maren Holt"
    assert extract(meta, f"<article><h1>Ferry</h1>{other}{STORY}</article>").author == "Maren Holt"
    both = '<meta name="author" content="Maren Holt"><meta name="author" content="Tom Berg">'
    assert extract(both, f"<article><h1>Ferry</h1>{one}{STORY}</article>").author == (
        "Maren Holt, Tom Berg"
    )


def test_a_declared_author_that_is_the_site_yields_to_the_persons_byline() -> None:
    """A `<meta name="author">` naming the site (its og:site_name, its JSON-LD publisher, the
    end of its `<title>`) or a newsroom ("Coast News") names nobody who wrote the piece: the
    byline's person is the author."""
    body = f"<article><h1>Island ferry to stop</h1><div class='byline'>By Maren Holt</div>{STORY}</article>"
    for head in (
        '<meta name="author" content="Harbour Gazette">'
        '<meta property="og:site_name" content="Harbour Gazette">',
        '<meta name="author" content="Coast News">',
        '<title>Island ferry to stop | The Islander</title><meta name="author" content="The Islander">',
        """<meta name="author" content="Harbour Media">
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
          "publisher": {"@type": "Organization", "name": "Harbour Media"}}</script>""",
        """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
          "author": {"@type": "Organization", "name": "Harbour Media Group"}}</script>""",
    ):
        assert extract(head, body).author == "Maren Holt", head


def test_a_declared_newsroom_stays_the_author_without_a_persons_byline() -> None:
    """Guards: the site as the author when no byline names a person, or the byline names the
    newsroom too."""
    head = '<meta name="author" content="Coast News">'
    assert extract(head, f"<article><h1>Ferry</h1>{STORY}</article>").author == "Coast News"
    staff = "<div class='byline'>By Coast News Staff</div>"
    assert extract(head, f"<article><h1>Ferry</h1>{staff}{STORY}</article>").author == (
        "Coast News"
    )


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<p>By MAREN HOLT in Berlin</p>", "Maren Holt"),
        ("<div class='byline'>By JAN VAN DER BERG</div>", "Jan van der Berg"),
        ("<div class='byline'>By SEÁN O'BRIEN-SMITH</div>", "Seán O'Brien-Smith"),
        ("<div class='byline'>By BBC NEWS</div>", "BBC News"),
        # Guards: one word in capitals is an agency; a name with lower-case letters is as the
        # writer writes it.
        ("<div class='byline'>By AFP</div>", "AFP"),
        ("<div class='byline'>By Maren HOLT</div>", "Maren HOLT"),
    ],
)
def test_a_name_written_all_in_capitals_is_cited_as_a_name_is_written(
    byline: str, author: str
) -> None:
    assert author_under_headline(byline) == author


# 9. Declared dates as some CMSs write them; the language an http-equiv gives.


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("June 2, 2025", "2025-06-02"),
        ("2 June 2025", "2025-06-02"),
        ("1748853000", "2025-06-02T08:30:00+00:00"),
        ("1748853000000", "2025-06-02T08:30:00+00:00"),
        # Guards: the standards' forms as before; a number that is no time of the web's is none.
        ("2025-06-02T08:30:00+00:00", "2025-06-02T08:30:00+00:00"),
        ("Mon, 02 Jun 2025 08:30:00 GMT", "2025-06-02T08:30:00+00:00"),
        ("20250602", "2025-06-02"),
        ("123456789", None),
        ("9999999999", None),
    ],
)
def test_a_declared_date_in_words_or_as_a_unix_time_is_read(
    value: str, published: str | None
) -> None:
    ld = f"""<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Ferry",
      "datePublished": "{value}"}}</script>"""
    og = f'<meta property="article:published_time" content="{value}">'
    for head in (ld, og):
        found = extract(head, f"<article><h1>Ferry</h1>{STORY}</article>").published
        assert (stated_iso(found) if found is not None else None) == published, head


def test_the_language_of_an_http_equiv_content_language_is_the_pages() -> None:
    body = f"<article><h1>Fähre</h1>{STORY}</article>"
    head = '<meta http-equiv="Content-Language" content="de, en">'
    html = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    assert extract_article(html, URL).language == "de"
    # Guard: the page's own lang comes first.
    assert extract(head, body).language == "en"


def _declared(kind: str, author: str = "Kim Ode", published: str = "2026-02-03T04:05:06Z") -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "{kind}", "headline": "Tide clocks, reviewed", "datePublished": "{published}", '
        f'"author": {{"@type": "Person", "name": "{author}"}}, '
        '"publisher": {"@type": "Organization", "name": "Sea Post"}}</script>'
    )


@pytest.mark.parametrize(
    "kind",
    ["Review", "CriticReview", "Recipe", "VideoObject", "PodcastEpisode", "schema:NewsArticle"],
)
def test_a_review_a_recipe_or_a_recordings_page_is_declared_as_an_article_is(kind: str) -> None:
    """A film review, a recipe, a video's or a podcast episode's page declares its author,
    date and publisher as an article does: they were read from article types only (and a
    type written "schema:NewsArticle" was none of them)."""
    body = "<article><h1>Tide clocks, reviewed</h1>" + "<p>A paragraph of the review.</p>" * 3
    article = extract(_declared(kind), body + "</article>")
    assert article.author == "Kim Ode"
    assert article.published == datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert article.site_name == "Sea Post"


def test_a_clip_embedded_in_a_story_does_not_stand_for_the_story() -> None:
    """A news story declares the clip it embeds too, first: the story's author and date."""
    head = _declared("VideoObject", "Video Desk", "2020-01-01T00:00:00Z") + _declared("NewsArticle")
    body = "<article><h1>Tide clocks, reviewed</h1>" + "<p>A paragraph of the story.</p>" * 3
    article = extract(head, body + "</article>")
    assert article.author == "Kim Ode"
    assert article.published == datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_a_wordpress_posts_updated_time_is_the_revision() -> None:
    """The hAtom markup of WordPress themes: `time.entry-date.published` then `time.updated`.
    A post never revised has one `<time>` of both classes; a sidebar's list of recent posts,
    their times."""

    def dates(times: str, sidebar: str = "") -> tuple[datetime | None, datetime | None]:
        meta = (
            '<header class="entry-header"><h1 class="entry-title">Ferry</h1><div class="entry-meta">'
            f'<span class="posted-on">Posted on <a href="/2025/11/28/">{times}</a></span>'
            '<span class="byline"> by <span class="author vcard"><a class="url fn n" '
            'href="/author/ruth/">Ruth McAllister</a></span></span></div></header>'
        )
        body = (
            f'<article class="post hentry">{meta}<div class="entry-content">{STORY}</div></article>'
        )
        article = extract("", f"<main>{body}</main>{sidebar}")
        return article.published, article.updated

    published = (
        '<time class="entry-date published" datetime="2025-11-28T10:00:00+00:00">28 Nov</time>'
    )
    updated = '<time class="updated" datetime="2025-11-30T09:15:00+00:00">30 Nov</time>'
    assert dates(published + updated) == (
        datetime(2025, 11, 28, 10, tzinfo=UTC),
        datetime(2025, 11, 30, 9, 15, tzinfo=UTC),
    )
    once = '<time class="entry-date published updated" datetime="2025-11-28T10:00:00+00:00">'
    recent = (
        '<aside class="widget widget_recent_entries"><h2>Recent posts</h2><ul><li><a href="/x">'
        'Salting pilchards</a><time class="updated" datetime="2025-12-02T08:00:00+00:00">2 Dec'
        "</time></li></ul></aside>"
    )
    assert dates(f"{once}28 Nov</time>", recent) == (datetime(2025, 11, 28, 10, tzinfo=UTC), None)
    alone = recent.replace("Dec</time>", "Dec</time></li><li>" + published)
    assert dates(f"{once}28 Nov</time>", alone)[1] is None


# The site named as the author: the BBC's JSON-LD says `"author": {"@type":
# "NewsMediaOrganization", "name": "BBC News"}` and prints the writer in its byline block.

SITE_AS_AUTHOR = """<meta property="og:site_name" content="Coast News">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
  "author": {"@type": "NewsMediaOrganization", "name": "%s"},
  "publisher": {"@type": "NewsMediaOrganization", "name": "Coast News"}}</script>"""


def test_the_site_declared_as_the_author_gives_way_to_the_writer_or_names_nobody() -> None:
    byline = (
        '<div data-component="byline-block"><div><span>Owen Tregarthen</span>'
        "<span>Coast News, Penzance</span></div></div>"
    )
    assert author_under_headline_of(SITE_AS_AUTHOR % "Coast News", byline) == "Owen Tregarthen"
    # No person anywhere: the site is the Source, not the author.
    assert author_under_headline_of(SITE_AS_AUTHOR % "Coast News", "") == ""
    # A `<meta>` naming the writer is read past the organisation.
    meta = '<meta name="author" content="Owen Tregarthen">'
    assert author_under_headline_of(SITE_AS_AUTHOR % "Coast News" + meta, "") == "Owen Tregarthen"
    # Guard: an agency declared as the author of a story the site runs is its author.
    assert author_under_headline_of(SITE_AS_AUTHOR % "Associated Press", "") == "Associated Press"


def author_under_headline_of(head: str, byline: str) -> str:
    return extract(head, f"<article><h1>Ferry</h1>{byline}{STORY}</article>").author


def test_a_byline_of_touching_parts_names_the_writer_not_the_parts_run_together() -> None:
    """The BBC's byline is two spans the page's style sets on two lines: the writer, and the
    writer's newsroom and place. Read as one text they ran together, "Kate MorrowBBC News"."""
    spans = "<span>Kate Morrow</span><span>BBC News, Cornwall</span>"
    assert author_under_headline(f'<div class="byline">{spans}</div>') == "Kate Morrow"
    # Guard: a label in a span of its own before the name is only set apart from it.
    label = "<span>By</span><span>Kate Morrow</span>"
    assert author_under_headline(f'<div class="byline">{label}</div>') == "Kate Morrow"


# The site's name after the writer's, a role in brackets, a last-modified <meta>: Der
# Spiegel's and Le Monde's declarations.


@pytest.mark.parametrize(
    ("declared", "author"),
    [
        # The site's name, as og:site_name or the <title>'s end gives it, or a masthead in
        # capitals: the Source says it, and after a comma it read as a second author.
        ("Anna Krüger, DER SPIEGEL", "Anna Krüger"),
        ("Anna Krüger, Wattenpost", "Anna Krüger"),
        ("Anna Krüger, Harbour Gazette", "Anna Krüger"),
        ("Anna Krüger, DIE ZEIT", "Anna Krüger"),
        # A role in brackets after the name.
        ("Gilles Rof (Marseille, correspondant)", "Gilles Rof"),
        ("Léa Martin (envoyée spéciale)", "Léa Martin"),
        # Guards: an agency, a second writer, a name written surname first, two names in
        # capitals, stay.
        ("Ann Lee, Reuters", "Ann Lee, Reuters"),
        ("Ann Lee, AFP", "Ann Lee, AFP"),
        ("Ana Ruiz, Tom Berg", "Ana Ruiz, Tom Berg"),
        ("Kooman, F.", "Kooman, F."),
        ("JANE SMITH, TOM BERG", "Jane Smith, Tom Berg"),
    ],
)
def test_the_sites_name_or_a_role_after_the_writers_is_not_an_author(
    declared: str, author: str
) -> None:
    head = (
        "<title>Ferry - Harbour Gazette</title>"
        '<meta property="og:site_name" content="WATTENPOST">'
        f'<meta name="author" content="{declared}">'
    )
    assert extract(head, f"<article><h1>Ferry</h1>{STORY}</article>").author == author


def test_a_last_modified_meta_is_the_update() -> None:
    """Der Spiegel declares `<meta name="date">` and `<meta name="last-modified">`; Dublin
    Core's `dcterms.modified` says the same."""
    body = f"<article><h1>Ferry</h1>{STORY}</article>"
    published = '<meta name="date" content="2026-09-22T17:35:00+02:00">'
    for name in ("last-modified", "dcterms.modified", "DC.date.modified"):
        head = f'{published}<meta name="{name}" content="2026-09-22T19:10:00+02:00">'
        article = extract(head, body)
        assert article.published is not None and stated_iso(article.published) == (
            "2026-09-22T17:35:00+02:00"
        )
        assert article.updated is not None and stated_iso(article.updated) == (
            "2026-09-22T19:10:00+02:00"
        ), name
    # Guard: a build time before the publication is no revision of the article.
    head = f'{published}<meta name="last-modified" content="2026-01-02T03:04:05+00:00">'
    assert extract(head, body).updated is None
    # Guard: a formal declaration wins over it.
    formal = '<meta property="article:modified_time" content="2026-09-23T08:00:00+02:00">'
    head = f'{published}{formal}<meta name="last-modified" content="2026-09-22T19:10:00+02:00">'
    updated = extract(head, body).updated
    assert updated is not None and stated_iso(updated) == "2026-09-23T08:00:00+02:00"


def test_a_publisher_named_by_its_name_alone_is_the_source() -> None:
    """schema.org allows `"publisher": "Harbour Times"`: it gave no Source."""
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Ferry", "publisher": "Harbour Times"}</script>'
    )
    article = extract(ld, f"<article><h1>Ferry</h1>{STORY}</article>")
    assert article.site_name == "Harbour Times"


def test_a_mastodon_posts_owner_and_time_are_its_author_and_date() -> None:
    """What a Mastodon server sends to a reader that runs no script: the post in its
    description, the account as og:title, the time in og:published_time."""
    head = (
        '<meta property="og:site_name" content="Mastodon Social">'
        '<meta property="og:title" content="Harbour Watch (@harbourwatch@mastodon.social)">'
        '<meta property="og:published_time" content="2026-12-03T06:12:44Z">'
        '<meta property="profile:username" content="harbourwatch@mastodon.social">'
    )
    article = extract(head, f"<article><h1>Ferry</h1>{STORY}</article>")
    assert article.author == "Harbour Watch (@harbourwatch@mastodon.social)"
    assert article.published == datetime(2026, 12, 3, 6, 12, 44, tzinfo=UTC)
    # A profile's name that is not the title's handle is no author of the page.
    other = head.replace('content="harbourwatch@mastodon.social"', 'content="someone@else.social"')
    assert extract(other, f"<article><h1>Ferry</h1>{STORY}</article>").author == ""


@pytest.mark.parametrize(
    ("head", "author", "published"),
    [
        # Kompas's CMS, and Indonesian portals built on it.
        (
            '<meta name="content_author" content="Rahmat Hidayat">'
            '<meta name="content_PublishedDate" content="2026-12-03 10:15:00">',
            "Rahmat Hidayat",
            "2026-12-03T10:15:00",
        ),
        # cXense's, which Japanese papers fill.
        (
            '<meta name="cXenseParse:author" content="山田太郎">'
            '<meta name="cXenseParse:publishtime" content="2026-12-03T18:00:00+09:00">',
            "山田太郎",
            "2026-12-03T18:00:00+09:00",
        ),
    ],
)
def test_a_portals_own_author_and_date_tags_are_read(
    head: str, author: str, published: str
) -> None:
    """A Kompas story was cited with no author and no date, though its tags say both."""
    article = extract(head, f"<article><h1>Ferry</h1>{STORY}</article>")
    assert article.author == author
    assert article.published is not None and stated_iso(article.published) == published


@pytest.mark.parametrize(
    "canonical",
    ["https://news.example.org/2025/", "https://news.example.org/2025/06/other-story.html"],
    ids=["section-front", "another-story"],
)
def test_a_canonical_link_the_json_ld_contradicts_is_passed_over(canonical: str) -> None:
    """A CMS names the section front (or another story) as every page's canonical; the
    story's JSON-LD gives its own address, the one it was read at: that is what is cited, not
    the front (acc27a A30)."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Ferry to stop","mainEntityOfPage":'
        f'{{"@type":"WebPage","@id":"{URL}"}}}}</script>'
    )
    head = f'<title>Ferry to stop</title><link rel="canonical" href="{canonical}">{ld}'
    article = extract_article(page(head, f"<article><h1>Ferry to stop</h1>{STORY}</article>"), URL)
    assert article.canonical_url == URL
    assert f"URL: {URL}" in header_lines(article)
    # Without the JSON-LD, a section above the story's address is not cited either; the
    # other story is (nothing on the page contradicts it).
    bare = extract_article(page(head.split("<script")[0], f"<h1>Ferry to stop</h1>{STORY}"), URL)
    cited = URL if canonical.endswith("/2025/") else canonical
    assert f"URL: {cited}" in header_lines(bare)


def test_an_amp_copys_canonical_above_it_is_still_cited() -> None:
    """ "/story/123/amp" names "/story/123": the story, cited as such."""
    article = Article(
        url="https://news.example.org/story/123/amp",
        title="Ferry to stop",
        canonical_url="https://news.example.org/story/123",
    )
    assert "URL: https://news.example.org/story/123" in header_lines(article)


@pytest.mark.parametrize(
    "h1",
    [
        "Ferry to stop<br><small>Crossing ends after thirty years</small>",
        '<span class="kicker">Exclusive</span> Ferry to stop',
        'Ferry to stop <span class="badge">Updated</span>',
    ],
    ids=["br-subtitle", "kicker", "badge"],
)
def test_a_headline_with_a_line_break_or_a_label_is_cited_by_its_words(h1: str) -> None:
    """ "Ferry to stop<br>Crossing…" was cited "Ferry to stopCrossing…", a kicker or badge in
    the `h1` as part of the title (acc27a A31)."""
    head = "<title>Ferry to stop | Island Times</title>"
    article = extract_article(page(head, f"<article><h1>{h1}</h1>{STORY}</article>"), URL)
    assert article.title == "Ferry to stop"
    two_lines = page(
        "<title>Island Times</title>", f"<article><h1>Ferry<br>to stop</h1>{STORY}</article>"
    )
    assert extract_article(two_lines, URL).title == "Ferry to stop"
