"""A press release closed by its publishing system's field rows (justice.gov's "Component …",
"Press Release Number: …", "Updated …", each a label in a `span.field-label` and its value):
the rows are the record's, not the release's text, and the "Updated" row is the release's
revision date. Real parts: the page through the real extractor.
"""

from __future__ import annotations

from reader.dates import date_only
from reader.extract import extract_article, to_markdown

PARAGRAPHS = [
    "TOLEDO – A former harbor district clerk was sentenced today to 41 months in federal prison"
    " for diverting dock fees into accounts she controlled.",
    "Dana Whitcombe, 54, of Maumee, Ohio, pleaded guilty in August to wire fraud.",
    "According to court records, the scheme ran for six years before an audit found it.",
    "The IRS Criminal Investigation office investigated the case.",
]


def _page(closing: str, published: str = "2026-11-18T11:00:00-05:00") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Former Harbor Clerk Sentenced for Fraud | Justice Office</title>"
        '<meta property="og:title" content="Former Harbor Clerk Sentenced for Fraud">'
        f'<meta property="og:site_name" content="Justice Office">{meta}</head><body>'
        '<header class="usa-header"><a>U.S. Attorneys</a> <a>News</a> <a>Contact</a></header>'
        '<main id="main-content"><article class="node node--type-press-release">'
        '<div class="page-title"><h1><span class="field-formatter--string">Former Harbor Clerk'
        ' Sentenced for Fraud</span></h1></div><div class="node__content">'
        '<div class="node-date"><span class="field-label">Wednesday, November 18, 2026</span>'
        '</div><div class="field_location"><p>For Immediate Release</p>'
        "<p>U.S. Attorney's Office, Northern District of Ohio</p></div>"
        f'<div class="field_body">{body}</div>{closing}</div></article></main>'
        '<footer class="usa-footer"><a>Accessibility</a> <a>FOIA</a></footer></body></html>'
    )


ROWS = (
    '<div class="field_topics"><span class="field-label">Topic</span> <a>Financial Fraud</a>'
    '</div><div class="field_component"><span class="field-label">Component</span> '
    '<a>USAO - Ohio, Northern</a></div><div class="field_press-release-number"><span '
    'class="field-label">Press Release Number:</span> 26-377</div><div class="node-updated">'
    '<span class="field-label">Updated</span> November 20, 2026</div>'
)
URL = "https://www.justice.example/usao/pr/harbor-clerk-sentenced"


def test_the_closing_field_rows_are_left_out() -> None:
    """Was "Component USAO - Ohio, Northern" and "Press Release Number: 26-377" as the
    release's last two paragraphs."""
    text = to_markdown(extract_article(_page(ROWS), URL))
    assert "Component" not in text
    assert "Press Release Number" not in text
    assert "Updated November 20" not in text
    assert text.rstrip().endswith(PARAGRAPHS[-1])
    assert all(p in text for p in PARAGRAPHS)


def test_the_closing_updated_row_is_the_revision_date() -> None:
    """Was `updated` None: the row was dropped as a closing date line, its date unread."""
    article = extract_article(_page(ROWS), URL)
    assert article.updated is not None
    assert date_only(article.updated)
    assert article.updated.date().isoformat() == "2026-11-20"


def test_an_update_the_same_day_as_the_publication_is_read() -> None:
    article = extract_article(_page(ROWS.replace("November 20", "November 18")), URL)
    assert article.updated is not None
    assert article.updated.date().isoformat() == "2026-11-18"


def test_an_update_dated_before_the_publication_is_not_read() -> None:
    article = extract_article(_page(ROWS.replace("November 20", "November 2")), URL)
    assert article.updated is None


def test_a_labelled_row_before_the_last_paragraph_stays() -> None:
    """The same shape among the release's text is its own: a fact box's rows."""
    facts = (
        '<div class="field_body"><div class="facts"><div><span class="field-label">Case'
        ' number:</span> 3:26-cr-00412</div><div><span class="field-label">Judge:</span>'
        " Hon. Ruth Calloway</div></div><p>Sentencing records are public at the clerk's"
        " office.</p></div>"
    )
    text = to_markdown(extract_article(_page(facts + ROWS), URL))
    assert "3:26-cr-00412" in text
    assert "Ruth Calloway" in text
    assert "Press Release Number" not in text


def test_words_after_the_rows_keep_them() -> None:
    """Rows followed by more of the article's words (loose text after the last) are not its
    end: the text after a row is its box's, not the row's."""
    closing = f"<section>{ROWS} Media contact: the press office, 419-555-0142.</section>"
    text = to_markdown(extract_article(_page(closing), URL))
    assert "419-555-0142" in text
    assert "Press Release Number: 26-377" in text


def _dated_story(closing: str) -> str:
    """An Indian daily's shape with no date in its markup: the header's "Updated - … IST -
    CITY" line, the story, then a closing "Published - …" line."""
    more = [
        "The audit began after a dock operator queried a receipt for fees he had paid in cash.",
        "Her lawyer told the court she had repaid part of the money from the sale of her house.",
        "The judge said the scheme had been planned with care and hidden for years.",
        "The district has since moved all fee payments to its online system.",
    ]
    body = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS[1:], *more])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Harbour clerk jailed for fraud - The Daily Ledger</title>"
        '<meta property="og:site_name" content="The Daily Ledger"></head><body><div class="article">'
        '<h1 class="title">Harbour clerk jailed for fraud</h1>'
        '<div class="author-name">Anita Menon</div>'
        '<p class="publish-time-new">Updated - November 18, 2026 10:40 pm IST - CHENNAI</p>'
        f'<div class="articlebodycontent">{body}{closing}</div></div></body></html>'
    )


def test_a_closing_published_line_is_the_publication_in_the_pages_zone() -> None:
    """The closing line names no city to place "IST" by; the header's line does (India's), and a
    site writes its times in one zone. Was no publication date at all."""
    article = extract_article(
        _dated_story("<p>Published - November 18, 2026 08:15 pm IST</p>"),
        "https://www.ledger.example/news/cities/chennai/harbour-clerk-jailed/article1.ece",
    )
    assert article.published is not None
    assert article.published.isoformat() == "2026-11-18T20:15:00+05:30"
    assert article.updated is not None
    assert article.updated.isoformat() == "2026-11-18T22:40:00+05:30"
    assert "Published -" not in to_markdown(article)
