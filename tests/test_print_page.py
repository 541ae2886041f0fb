"""A page's print version: its controls and logo left out, its byline block read as the header."""

from __future__ import annotations

from reader.extract import extract_article, to_markdown
from reader.models import BlockKind

URL = "https://www.quaypost.example/print/lifeboat-station-reopens-4411"

PRINT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Print: Lifeboat station reopens after repairs - The Quay Post</title>
<link rel="canonical" href="https://www.quaypost.example/news/lifeboat-station-reopens-4411">
</head><body onload="window.print()">
<div class="noprint"><a href="javascript:window.print()">Print this article</a> |
<a href="javascript:window.close()">Close window</a></div>
<img src="/img/quaypost-print-logo.gif" alt="The Quay Post">
<h1>Lifeboat station reopens after repairs</h1>
<p><b>By Morwenna Trewin</b><br>Published: 14:10, 28 November 2026</p>
<p>The lifeboat station at Polkerris reopened on Friday after eight months of repairs to its
slipway, which was cracked by the storms of last winter.</p>
<p>The crew had launched from the beach at Par while the work went on.</p>
<p>"It is good to be home," said coxswain Danny Rowe.</p>
<hr><p class="print-footer">© The Quay Post 2026. Printed from
https://www.quaypost.example/news/lifeboat-station-reopens-4411</p>
</body></html>"""


def test_a_print_page_is_its_article_with_its_byline_and_date_read() -> None:
    article = extract_article(PRINT, URL)
    texts = [b.text for b in article.blocks]
    assert texts[0].startswith("The lifeboat station at Polkerris reopened"), texts
    assert not any(b.kind == BlockKind.IMAGE for b in article.blocks)
    assert article.author == "Morwenna Trewin"
    assert article.published is not None
    assert article.published.isoformat().startswith("2026-11-28T14:10")
    markdown = to_markdown(article)
    assert "Close window" not in markdown and "Print this" not in markdown
    assert "Published: 14:10" not in markdown


STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Print works to close - The Quay Post</title>
<meta property="og:site_name" content="The Quay Post">
<meta property="article:published_time" content="2026-11-28T09:00:00+00:00"></head><body>
<article><h1>Print works to close</h1>
<figure><img src="/img/2026/press-hall.jpg" alt="The press hall at Bodmin, 1974"></figure>
<p>Harbour Office<br>Quay Street<br>Fowey</p>
<p>Print editions will close on Friday, the owners said, after the works at Bodmin lost its
last contract. Forty people work there, most of them for over twenty years.</p>
<p>Close this page, the union told members, and the town loses its last factory.</p>
<p>The works printed the paper for ninety years, from its first press in 1936 to this week.</p>
</article></body></html>"""


def test_lines_and_pictures_that_only_look_like_a_print_pages_stay() -> None:
    article = extract_article(STORY, "https://www.quaypost.example/news/print-works-4412")
    texts = [b.text for b in article.blocks]
    # A photo with its own words, an address set in lines, sentences opening with a control's
    # words: the article's.
    assert article.blocks[0].kind == BlockKind.IMAGE
    assert any("Quay Street" in t for t in texts)
    assert any(t.startswith("Print editions will close") for t in texts)
    assert any(t.startswith("Close this page, the union told") for t in texts)
