"""A preprint server's abstract page: its labels ("Title:", "Authors:", "Abstract:") set apart
from what they label, and the title not repeated in the body under the header's."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_markdown, to_text

ABSTRACT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>[2611.04321] Sediment budgets of small tidal inlets</title>
<meta name="citation_title" content="Sediment budgets of small tidal inlets">
<meta name="citation_author" content="Pascoe, Elowen">
<meta name="citation_author" content="Mbeki, Thandi">
<meta name="citation_date" content="2026/11/18">
<meta property="og:site_name" content="arXiv.org">
<link rel="canonical" href="https://arxiv.org/abs/2611.04321"></head><body>
<div id="abs"><div class="dateline">[Submitted on 18 Nov 2026]</div>
<h1 class="title mathjax"><span class="descriptor">Title:</span>Sediment budgets of small tidal
inlets</h1>
<div class="authors"><span class="descriptor">Authors:</span><a href="/a/pascoe_e_1">Elowen
Pascoe</a>, <a href="/a/mbeki_t_1">Thandi Mbeki</a></div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>We measure the
sediment carried through nine small tidal inlets over two years and find that storms, not tides,
move most of it. Three of the inlets lost more sand in one February storm than in the rest of
the record together, which a budget built on mean conditions misses entirely.</blockquote>
</div></body></html>"""


def test_the_labels_are_set_apart_and_the_title_is_not_repeated() -> None:
    article = extract_article(ABSTRACT, "https://arxiv.org/abs/2611.04321")
    assert article.title == "Sediment budgets of small tidal inlets"
    markdown = to_markdown(article)
    body = markdown.split("\n\n", 1)[1]
    assert "Title:" not in body and "Sediment budgets of small tidal inlets" not in body
    text = to_text(article)
    assert "Abstract: We measure the sediment" in text
    assert "Authors: Elowen Pascoe, Thandi Mbeki" in text
    assert "Abstract:We" not in markdown and "Authors:[" not in markdown


@pytest.mark.parametrize(
    ("html", "written"),
    [
        ("<p>The tide turned at 10:<span>30</span> on Friday, the log says.</p>", "10:30"),
        ("<p>See https:<span>//tides.example/log</span> for the log.</p>", "https://tides"),
        ("<p>The <span>ratio</span>:1 held all week on the gauge at the quay.</p>", "ratio:1"),
    ],
)
def test_a_colon_inside_a_time_or_an_address_joins_what_follows(html: str, written: str) -> None:
    body = "<p>The harbour gauge was read every hour through the week of the storm.</p>" * 3
    page = f"<html><body><article><h1>Gauge</h1>{body}{html}</article></body></html>"
    assert written in to_text(extract_article(page, "https://tides.example/gauge"))


PARTICULARS = """<div class="metatable"><table summary="Additional metadata">
<tr><td class="tablecell label">Comments:</td><td class="tablecell comments mathjax">14 pages,
6 figures; data at the authors' site</td></tr>
<tr><td class="tablecell label">Subjects:</td><td class="tablecell subjects"><span
class="primary-subject">Geomorphology (physics.geo-ph)</span>; Fluid Dynamics
(physics.flu-dyn)</td></tr>
<tr><td class="tablecell label">Cite as:</td><td class="tablecell arxivid"><span
class="arxivid"><a href="https://arxiv.org/abs/2611.04321">arXiv:2611.04321</a>
[physics.geo-ph]</span></td></tr></table></div>"""
WITH_PARTICULARS = ABSTRACT.replace("</div></body>", f"{PARTICULARS}</div></body>")


def test_the_abstract_is_a_paragraph_and_the_particulars_are_kept() -> None:
    """arXiv's abstract, a `<blockquote>`, read as a quotation ("> Abstract: …"), and its table
    of particulars went whole (its box named "metatable", its comments cell "comments"): the
    "Cite as:" a reader copies was lost. Now the abstract is the article's paragraph and each
    row a line "Label: value", the identifier's link kept."""
    article = extract_article(WITH_PARTICULARS, "https://arxiv.org/abs/2611.04321")
    markdown = to_markdown(article)
    body = markdown.split("\n\n", 1)[1]
    assert "> " not in body
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0] == "Authors: [Elowen Pascoe](<https://arxiv.org/a/pascoe_e_1>), " + (
        "[Thandi Mbeki](<https://arxiv.org/a/mbeki_t_1>)"
    )
    assert paragraphs[1].startswith("Abstract: We measure the sediment carried")
    assert paragraphs[2:5] == [
        "Comments: 14 pages, 6 figures; data at the authors' site",
        "Subjects: Geomorphology (physics.geo-ph); Fluid Dynamics (physics.flu-dyn)",
        "Cite as: [arXiv:2611.04321](<https://arxiv.org/abs/2611.04321>) \\[physics.geo-ph\\]",
    ]
    assert article.title == "Sediment budgets of small tidal inlets"
    assert "Sediment budgets of small tidal inlets" not in body


def test_a_quoted_abstract_on_another_page_stays_a_quotation() -> None:
    """A `<blockquote class="abstract">` with no screen reader's label is some page's quotation
    of an abstract: it is left to read as one, and a box named "metatable" as before."""
    story = "<p>The survey boat crossed the bar at every low water for two winters.</p>" * 3
    page = (
        "<html><body><article><h1>Inlets</h1>"
        f"{story}<blockquote class='abstract'>Storms, not tides, move most of the sand in "
        "small tidal inlets, the paper finds.</blockquote>"
        f"{story}</article></body></html>"
    )
    markdown = to_markdown(extract_article(page, "https://tides.example/inlets"))
    assert "> Storms, not tides, move most of the sand" in markdown
