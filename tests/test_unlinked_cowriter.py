"""A byline linking its first writer's page and printing the second without a link ("By <a
rel="author">Maren Holt</a> and Jonas Berg"), beside a `<meta name="author">` naming only the
first: both are cited, as the page prints them (acc35b F13: Jonas Berg was dropped). A link
with a place after it names one writer still ("Jasjeev Gandhiok, New Delhi")."""

from __future__ import annotations

import pytest

from reader.citation_styles import apa, chicago
from reader.extract import extract_article

BODY = """<p>The council awarded a ferry contract worth three million pounds to a dredging
company without a tender, documents seen by the Ledger show.</p>
<p>The award, signed on 28 November, was not reported to the audit committee, whose chair
called it a breach of standing orders.</p>
<p>A council spokesperson said the contract was an emergency measure after the storms.</p>"""


def page(byline: str, meta: str = "Maren Holt") -> str:
    head = f'<meta name="author" content="{meta}">' if meta else ""
    return f"""<html lang="en-GB"><head><title>Ferry contract awarded | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">{head}
<meta property="article:published_time" content="2026-11-30T08:00:00+00:00"></head><body>
<article><h1>Ferry contract awarded</h1><p class="byline">{byline}</p>{BODY}</article>
</body></html>"""


@pytest.mark.parametrize(
    "byline",
    [
        'By <a rel="author" href="/authors/holt">Maren Holt</a> and Jonas Berg',
        'By <a href="/authors/holt">Maren Holt</a> and Jonas Berg',
        'By <span itemprop="name">Maren Holt</span> &amp; Jonas Berg',
    ],
)
@pytest.mark.parametrize("meta", ["Maren Holt", ""])
def test_a_co_writer_printed_without_a_link_is_cited(byline: str, meta: str) -> None:
    article = extract_article(page(byline, meta), "https://ledger.example/ferry-contract")
    assert article.author == "Maren Holt, Jonas Berg"
    assert chicago(article).startswith("Holt, Maren, and Jonas Berg. ")
    assert apa(article).startswith("Holt, M., & Berg, J. (2026, November 30).")


def test_a_place_after_the_linked_writer_is_no_co_writer() -> None:
    byline = 'By <a href="/author/jasjeev-gandhiok">Jasjeev Gandhiok</a>, New Delhi'
    article = extract_article(page(byline, ""), "https://ledger.example/ferry-contract")
    assert article.author == "Jasjeev Gandhiok"
