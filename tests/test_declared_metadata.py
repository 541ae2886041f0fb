"""The citation's metadata as news sites' markup declares it in the less common shapes an
acceptance test met: an article nested in a WebPage's JSON-LD, dates that disagree, a byline
declared in capitals with the writer's job, publishers named only in Dublin Core, author lists
written with semicolons or surname first. Real parts: each page through the real extractor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.dates import stated_iso
from reader.extract import extract_article
from reader.models import Article

URL = "https://www.harbourtimes.example/news/harbour-plan-vote"

STORY = """
<p>The council will vote on the harbour plan on Thursday, after two years of hearings and three
rewrites of the rules for the waterfront between the ferry terminal and the old cannery.</p>
<p>Supporters say the plan protects the fishing fleet's berths; opponents say it favours the
cruise ships that tie up at the north quay from May to September.</p>
<p>The meeting starts at 6 p.m. at City Hall, and the public may speak for three minutes each.</p>
"""


def _extract(head: str, body: str = "", url: str = URL) -> Article:
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Harbour plan goes to vote</title>{head}</head><body><article>"
        f"<h1>Harbour plan goes to vote</h1>{body}{STORY}</article></body></html>"
    )
    return extract_article(html, url)


def _published(article: Article) -> str | None:
    return stated_iso(article.published) if article.published is not None else None


def test_an_article_nested_as_a_webpages_main_entity_is_read() -> None:
    """Some SEO plugins describe the page first and the article as its `mainEntity`: its
    author and date were lost."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",'
        '"name":"Harbour plan goes to vote","mainEntity":{"@type":"NewsArticle",'
        '"headline":"Harbour plan goes to vote","datePublished":"2026-12-03T09:00:00-05:00",'
        '"author":{"@type":"Person","name":"Nadia Ferreira"}}}</script>'
    )
    article = _extract(ld)
    assert article.author == "Nadia Ferreira"
    assert _published(article) == "2026-12-03T09:00:00-05:00"


def test_a_question_a_webpage_is_about_is_no_article() -> None:
    """A QAPage's or a profile's `mainEntity` declares no article: the page's byline stands."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",'
        '"mainEntity":{"@type":"Person","name":"Harbour Master"}}</script>'
    )
    article = _extract(ld, '<p class="byline">By Tomas Eriksen</p>')
    assert article.author == "Tomas Eriksen"


_DATED_URL = "https://www.harbourtimes.example/news/2026/12/02/harbour-plan-vote/"


def _two_publications(meta_time: str, ld_time: str, modified: str = "") -> str:
    ld_modified = f',"dateModified":"{modified}"' if modified else ""
    return (
        f'<meta property="article:published_time" content="{meta_time}">'
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"NewsArticle","datePublished":"{ld_time}"{ld_modified}}}</script>'
    )


def test_a_stale_declared_date_the_pages_other_dates_disagree_with_is_not_cited() -> None:
    """JSON-LD's datePublished a week before the `<meta>`'s, the visible dateline's and the
    address's day (a draft's creation date left in by the CMS) was the one cited, as the
    earliest declared."""
    head = _two_publications(
        "2026-12-01T23:30:00-05:00", "2026-11-24T08:00:00-05:00", "2026-12-02T07:15:00-05:00"
    )
    dateline = '<div class="meta">By Nadia Ferreira · <span class="date">Dec. 2, 2026, 6:00 a.m.</span></div>'
    article = _extract(head, dateline, _DATED_URL)
    assert _published(article) == "2026-12-01T23:30:00-05:00"
    assert article.updated is not None
    assert stated_iso(article.updated) == "2026-12-02T07:15:00-05:00"


def test_declared_dates_days_apart_with_nothing_else_to_go_by_give_the_earliest() -> None:
    """No dated address, no dateline: the earlier declaration is the first publication (the
    later, often the latest revision, is the update)."""
    head = _two_publications("2026-12-01T23:30:00-05:00", "2026-11-24T08:00:00-05:00")
    article = _extract(head)
    assert _published(article) == "2026-11-24T08:00:00-05:00"


def test_a_declared_publication_that_is_the_latest_revision_is_not_preferred() -> None:
    """NBC's shape: article:published_time is its dateModified, which the dateline and the
    address may agree with; the earlier declaration stays the publication."""
    head = _two_publications(
        "2026-12-02T06:00:00-05:00", "2026-11-24T08:00:00-05:00", "2026-12-02T06:00:00-05:00"
    )
    dateline = '<div class="meta"><span class="date">Updated Dec. 2, 2026, 6:00 a.m.</span></div>'
    article = _extract(head, dateline, _DATED_URL)
    assert _published(article) == "2026-11-24T08:00:00-05:00"


def _blox(declared: str, printed: str) -> Article:
    """A story in the shape of Lee Enterprises' BLOX papers: the author declared in capitals
    with the paper's name and the job after it, in `<meta>` and JSON-LD alike."""
    head = (
        f'<meta name="author" content="{declared}">'
        '<meta property="og:site_name" content="Harbour Times">'
        '<script type="application/ld+json">[{"@context":"http://schema.org",'
        '"@type":"NewsArticle","headline":"Harbour plan goes to vote",'
        f'"author":{{"@type":"Person","name":"{declared}"}},'
        '"publisher":{"@type":"Organization","name":"Harbour Times"}}]</script>'
    )
    byline = (
        f'<ul class="list-inline asset-byline"><li><span itemprop="author" class="tnt-byline">'
        f"{printed}</span></li></ul>"
    )
    return _extract(head, byline)


def test_a_blox_author_in_capitals_with_the_papers_staff_role_is_cited_by_name() -> None:
    """ "MARTA ELLISON Courier staff writer" was cited whole: capitals, paper and job."""
    article = _blox("NADIA FERREIRA Times staff writer", "Nadia Ferreira Times staff writer")
    assert article.author == "Nadia Ferreira"


def test_a_staff_role_after_a_one_word_name_is_left_as_declared() -> None:
    assert _blox("Ferreira Staff Writer", "Ferreira Staff Writer").author == "Ferreira Staff Writer"


def _date_only_declared(dateline: str) -> Article:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Harbour plan goes to vote",'
        '"datePublished":"2026-12-03"}</script>'
    )
    return _extract(ld, f'<p class="date">{dateline}</p>')


def test_a_declared_date_alone_takes_the_time_and_zone_its_dateline_gives_that_day() -> None:
    """A schema plugin writing dates alone beat the page's own "Dec. 3, 2026 at 9:05 a.m. EST":
    the citation said the day only, and the line went from the body with its time."""
    article = _date_only_declared("Dec. 3, 2026 at 9:05 a.m. EST")
    assert _published(article) == "2026-12-03T09:05:00-05:00"


def test_a_dateline_of_another_day_leaves_the_declared_date_alone() -> None:
    article = _date_only_declared("Dec. 4, 2026 at 9:05 a.m. EST")
    assert _published(article) == "2026-12-03"


def _release(title: str, head: str = "") -> Article:
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'{head}</head><body><div id="gov-header"><a href="/">Westmark</a></div>'
        '<div class="nr-left"><h3>News Releases</h3><ul><li><a href="/news/">All releases</a>'
        '</li></ul></div><div class="nr-main"><p class="nr-date">December 2, 2026</p>'
        f"<h1>Province Funds Ferry Terminal Repairs</h1>{STORY}</div></body></html>"
    )
    return extract_article(html, "https://gov.westmark.example/news/index.html?item=4410")


def test_a_releases_issuer_opening_its_title_before_the_section_is_its_source() -> None:
    """ "Province of Manitoba | News Releases | …": no og:site_name, and no Source at all."""
    title = "Province of Westmark | News Releases | Province Funds Ferry Terminal Repairs"
    assert _release(title).site_name == "Province of Westmark"


def test_dublin_cores_publisher_is_the_source_of_a_page_declaring_no_other() -> None:
    """A court's opinion declares `DC.publisher` (the README says Dublin Core is read)."""
    head = (
        '<meta name="DC.title" content="Province Funds Ferry Terminal Repairs">'
        '<meta name="DC.publisher" content="Westmark Ministry of Transport">'
    )
    article = _release("Province Funds Ferry Terminal Repairs", head)
    assert article.site_name == "Westmark Ministry of Transport"


def test_a_declared_author_string_naming_two_by_semicolons_is_two_authors() -> None:
    """JSON-LD's `"author": "Ann Lee; Bo Chen"` was cited as one author."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","author":"Nadia Ferreira; Tomas Eriksen"}</script>'
    )
    assert _extract(ld).author == "Nadia Ferreira, Tomas Eriksen"


def test_dublin_cores_creator_written_surname_first_is_cited_given_name_first() -> None:
    """`DC.creator` "Lee, Ann" (a library's or a repository's) was cited as written."""
    assert _extract('<meta name="DC.creator" content="Ferreira, Nadia">').author == (
        "Nadia Ferreira"
    )
    # A masthead after the comma is no given name: the site's, left out as it always was.
    head = '<meta name="DC.creator" content="Nadia Ferreira, HARBOUR TIMES">'
    assert _extract(head).author == "Nadia Ferreira"


def test_the_byline_meta_names_every_writer_without_its_by() -> None:
    """The New York Times' `<meta name="byl" content="By … and …">`, read nowhere."""
    head = '<meta name="byl" content="By Nadia Ferreira and Tomas Eriksen">'
    assert _extract(head).author == "Nadia Ferreira, Tomas Eriksen"


def test_a_json_ld_person_declared_by_given_and_family_name_is_named() -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","author":{"@type":"Person","givenName":"Nadia",'
        '"familyName":"Ferreira"}}</script>'
    )
    assert _extract(ld).author == "Nadia Ferreira"


def test_extracts_json_gives_the_address_the_citation_cites(tmp_path: Path) -> None:
    """`--format json`'s "url" keeps the feed's tracking parameters the citation strips: a tool
    building a citation from the JSON had no field holding the cited address."""
    page = tmp_path / "story.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan goes'
        f" to vote</title></head><body><article><h1>Harbour plan goes to vote</h1>{STORY}"
        "</article></body></html>",
        encoding="utf-8",
    )
    tracked = f"{URL}?utm_source=rss&utm_campaign=feed&fbclid=abc"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "extract",
            str(page),
            "--format",
            "json",
            "--url",
            tracked,
        ],
        capture_output=True,
        env={**os.environ, "READER_HOME": str(tmp_path)},
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["cited_url"] == URL
    assert data["url"].startswith(f"{URL}?utm_source=rss")


def test_a_string_cut_mid_emoji_in_json_ld_reads_and_caches() -> None:
    """acc28a H11: a lone surrogate's escape in JSON-LD ("\\ud83d", a string cut mid-emoji)
    decoded to a character no text may hold: the article failed at every sync ("an error the
    reader did not foresee") and `reader extract` died with a traceback. It reads as U+FFFD; a
    whole pair is its emoji."""
    from reader.codec import article_to_dict

    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Harbour plan goes to vote \\ud83d", "author": {"@type": "Person", "name": '
        '"Ann \\ude00Lee \\ud83d\\ude00"}}</script>'
    )
    article = _extract(ld)
    assert article.author == "Ann \ufffdLee 😀"
    json.dumps(article_to_dict(article), ensure_ascii=False).encode("utf-8")  # caches


# acc34b's /cite/stale_ld.html and /cite/author_mismatch.html, in their shape: a template's
# JSON-LD beside what the page prints.
_UNDATED_URL = "https://ledger.example/news/ferry-operator-fined-48213"


def test_a_stale_json_ld_date_the_printed_dateline_and_meta_disagree_with_is_not_cited() -> None:
    """JSON-LD's datePublished of 2019 (a recycled block), the `<meta>` and the `<time>` under
    the byline 2026-11-02, an address with no day in it: cited as 2019, with the real date as
    an "Updated" the page never declared (acc34b D1)."""
    head = (
        '<meta property="article:published_time" content="2026-11-02T08:00:00+01:00">'
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","datePublished":"2019-03-03T08:00:00+01:00"}</script>'
    )
    byline = (
        '<p class="byline">By <span class="author">Anna Dvořák</span></p>'
        '<time datetime="2026-11-02T08:00:00+01:00">2026-11-02T08:00:00+01:00</time>'
    )
    article = _extract(head, byline, _UNDATED_URL)
    assert _published(article) == "2026-11-02T08:00:00+01:00"
    assert article.updated is None


def test_an_update_shown_under_the_byline_is_no_witness_of_the_publication() -> None:
    """The article's one `<time>` labelled "Updated" agrees with the later declaration: that
    one stays the update, the earlier the publication."""
    head = _two_publications("2026-12-02T06:00:00-05:00", "2026-11-24T08:00:00-05:00")
    dateline = 'Updated <time datetime="2026-12-02T06:00:00-05:00">Dec. 2, 2026</time>'
    article = _extract(head, f'<p class="meta">{dateline}</p>')
    assert _published(article) == "2026-11-24T08:00:00-05:00"


def _cms_user_in_json_ld(others: str, byline: str) -> Article:
    head = (
        f"{others}"
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","author":{"@type":"Person","name":"Petra Webeditor"}}</script>'
    )
    return _extract(head, f'<p class="byline">By {byline}</p>', _UNDATED_URL)


def test_the_printed_byline_the_meta_agrees_with_beats_the_json_ld_author() -> None:
    """JSON-LD names the CMS user who posted the story; the byline and `<meta name="author">`
    the writer: JSON-LD's was cited, and the byline, taken out of the text, shown nowhere
    (acc34b D2)."""
    article = _cms_user_in_json_ld(
        '<meta name="author" content="Tomas Novak">', '<span class="author">Tomas Novak</span>'
    )
    assert article.author == "Tomas Novak"


def test_a_byline_linked_as_the_author_beats_the_json_ld_author() -> None:
    article = _cms_user_in_json_ld(
        "", '<a rel="author" href="/authors/tomas-novak">Tomas Novak</a>, Industry Correspondent'
    )
    assert article.author == "Tomas Novak"


def test_the_json_ld_author_the_meta_agrees_with_stays() -> None:
    """The `<meta>` sides with JSON-LD: the byline found may be another story's."""
    article = _cms_user_in_json_ld(
        '<meta name="author" content="Petra Webeditor">', '<span class="author">Tomas Novak</span>'
    )
    assert article.author == "Petra Webeditor"
