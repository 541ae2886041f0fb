"""Who the writers are, as the byline box says beside each name (The Conversation's "Senior
Lecturer in Coastal Geography, University of Exeter"): kept as the body's first lines, as the
page prints them, and never in the citation's "Author:", which names people."""

from __future__ import annotations

from reader.citation import header_lines
from reader.extract import extract_article, to_markdown
from reader.models import Article

STORY = (
    "<p>Britain has spent more than two billion pounds on sea defences in ten years, yet a "
    "wall only moves the problem further along the coast.</p>"
    "<p>When a wall stops erosion in one place, the beach in front of it often goes, and the "
    "next town along loses the sand that would have protected it.</p>"
    "<p>Letting the sea in, in a controlled way, is politically hard but often cheaper, and "
    "the salt marsh it makes protects the homes behind it.</p>"
)


def page(byline: str) -> str:
    """A page shaped as The Conversation's: the byline box in the article's header."""
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Sea walls alone won't save coastal towns</title>
<meta property="og:site_name" content="Coastal Review">
<meta name="author" content="Morwenna Pascoe, Tomasz Wrona">
<meta property="article:published_time" content="2026-11-26T12:30:12Z"></head><body>
<main><article><header><h1>Sea walls alone won't save coastal towns</h1>
<div class="content-authors-group"><ul>{byline}</ul></div></header>
<div class="content-body entry-content">{STORY}</div></article></main></body></html>"""


PASCOE = (
    '<li><span class="fn author-name">Morwenna Pascoe</span>, <span class="role">Senior '
    "Lecturer in Coastal Geography, University of Falmouth</span></li>"
)
WRONA = (
    '<li><span class="fn author-name">Tomasz Wrona</span>, <span class="role">Research '
    "Fellow, Institute of Marine Engineering</span></li>"
)


def test_each_writers_role_is_a_line_under_the_headline_not_in_the_citation() -> None:
    article = extract_article(page(PASCOE + WRONA), "https://review.example/sea-walls")
    paragraphs = to_markdown(article).split("\n\n")[1:4]
    assert paragraphs == [
        "Morwenna Pascoe, Senior Lecturer in Coastal Geography, University of Falmouth",
        "Tomasz Wrona, Research Fellow, Institute of Marine Engineering",
        STORY.split("</p>")[0].removeprefix("<p>"),
    ]
    assert article.author == "Morwenna Pascoe, Tomasz Wrona"
    assert "Author: Morwenna Pascoe, Tomasz Wrona" in header_lines(article)


def test_a_role_of_no_writer_or_a_biography_adds_nothing() -> None:
    """A name the metadata doesn't give as a writer (an editor's box, a source's) or a
    biography of many words beside it: the body as it was without."""
    editor = (
        '<li><span class="fn author-name">Jan Kowal</span>, <span class="role">Commissioning '
        "Editor</span></li>"
    )
    biography = (
        '<li><span class="fn author-name">Tomasz Wrona</span> <span class="role">'
        + "has studied harbours and their walls for twenty years, at three universities and "
        "for the port authorities of four countries, and writes on them for the press"
        + "</span></li>"
    )
    without: Article = extract_article(page(""), "https://review.example/sea-walls")
    for byline in (editor, biography):
        article = extract_article(page(byline), "https://review.example/sea-walls")
        assert article.blocks == without.blocks, byline
