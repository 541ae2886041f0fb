"""A science journal's news story (Nature's shape): the lead photo between the article's header
and its body is the story's, with its caption; the reference list the body's "¹" links to is
kept at its end, its DOI with it (a science journalist's source). A list of links no number
cites stays out. Real parts: the page through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown
from reader.models import BlockKind

URL = "https://www.journal.example/articles/d00000-026-00417-2"
DOI = "https://doi.org/10.5555/s00000-026-04417-9"


def _page(references: str, after_body: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Glacier fleas survive a winter frozen solid</title>"
        '<meta name="dc.title" content="Glacier fleas survive a winter frozen solid">'
        '<meta name="dc.creator" content="Priya Natarajan">'
        '<meta name="citation_journal_title" content="The Journal">'
        '<meta property="og:site_name" content="The Journal"></head><body>'
        '<header class="c-header"><a>View all journals</a> <a>Search</a> <a>Log in</a></header>'
        '<main><article class="article-item" data-article-type="news">'
        '<div class="c-article-header"><ul class="c-article-identifiers"><li>NEWS</li>'
        '<li><time datetime="2026-11-30">30 November 2026</time></li></ul>'
        '<h1 class="c-article-magazine-title">Glacier fleas survive a winter frozen solid</h1>'
        '<p class="c-article-teaser-text">Springtails on Alpine ice pump out a sugar that keeps'
        " their cells from bursting as they freeze and thaw.</p>"
        '<ul class="c-article-author-list"><li><a data-test="author-name">Priya Natarajan</a>'
        "</li></ul></div>"
        '<figure class="figure"><picture><img src="https://media.journal.example/lw767/flea.jpg"'
        ' alt="A dark springtail on glacier ice."></picture><figcaption><p class="figure__caption">'
        "A glacier flea on the Morteratsch glacier. Each is about two millimetres long.<span"
        ' class="figure__credit">Credit: Lena Graf/Alpine Images</span></p></figcaption></figure>'
        '<div class="c-article-body main-content">'
        "<p>Tiny insect-like animals that live on glaciers can spend months frozen in the ice and"
        " walk away when it thaws, a study of 3,000 specimens has found"
        f'<sup><a href="#ref-CR1" title="Li, J. et al.">1</a></sup>.</p>'
        "<p>The researchers kept glacier fleas at minus 20 °C for 180 days and revived nine in"
        " ten of them.</p>"
        "<p>“We did not expect so many to come back,” says Jonas Albrecht, an ecologist at the"
        " University of Innsbruck in Austria.</p>"
        "<h2>A sugar shield</h2><p>The animals fill their cells with trehalose, a sugar that"
        " replaces water as the ice forms, so that nothing inside them tears.</p>"
        f"</div>{references}{after_body}"
        '<div class="c-nature-briefing"><h3>Sign up for the Journal Briefing newsletter</h3>'
        "<p>What matters in science, free to your inbox daily.</p></div></article></main>"
        "</body></html>"
    )


REFERENCES = (
    '<div class="c-article-references"><h2 id="references">References</h2><ol class="c-article-'
    'references__list"><li class="c-article-references__item" id="ref-CR1"><p>Li, J.'
    f' <i>et al.</i> <i>Cell</i> <a href="{DOI}">{DOI}</a> (2026).</p></li></ol></div>'
)


def test_the_lead_photo_between_header_and_body_is_kept_with_its_caption() -> None:
    """Was lost: the figure, scored for its caption's paragraph but low, was no part of the
    article joined round it."""
    article = extract_article(_page(REFERENCES), URL)
    kinds = [b.kind for b in article.blocks]
    assert BlockKind.IMAGE in kinds
    text = to_markdown(article)
    assert "media.journal.example/lw767/flea.jpg" in text
    assert "A glacier flea on the Morteratsch glacier." in text
    # Before the body's first paragraph: the lead photo, under the standfirst.
    assert text.index("flea.jpg") < text.index("Tiny insect-like animals")
    assert text.index("Springtails on Alpine ice") < text.index("flea.jpg")


def test_the_reference_the_body_cites_is_kept_with_its_doi() -> None:
    """Was dropped: the reference list is mostly its DOI's link, and went as a box of links;
    the body's "¹" linked to nothing."""
    text = to_markdown(extract_article(_page(REFERENCES), URL))
    assert "## References" in text
    assert DOI in text
    assert text.index("A sugar shield") < text.index("## References")
    assert "Sign up" not in text


def test_the_reference_note_is_where_the_number_leads() -> None:
    article = extract_article(_page(REFERENCES), URL)
    noted = [b for b in article.blocks if "ref-CR1" in b.anchors]
    assert len(noted) == 1
    assert DOI in noted[0].text


def test_a_list_of_links_no_number_cites_stays_out() -> None:
    """A box of other papers' links that the text does not cite is judged as before."""
    further = (
        '<div class="c-article-further"><h3>Further reading</h3><ol><li><a href="https://doi.org/'
        '10.5555/j.2025.00112">https://doi.org/10.5555/j.2025.00112</a></li><li><a href="https://'
        'doi.org/10.5555/j.2024.00907">https://doi.org/10.5555/j.2024.00907</a></li></ol></div>'
    )
    text = to_markdown(extract_article(_page(REFERENCES, further), URL))
    assert DOI in text
    assert "j.2025.00112" not in text
    assert "j.2024.00907" not in text
