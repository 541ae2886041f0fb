"""A credit in its own span at a caption's end, touching the caption's last word, is set apart
from it by a space. Real parts: the page through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown

PARAGRAPHS = [
    "An analysis of ancient genomes from people who lived thousands of years ago has traced how "
    "rice farming reached the region, researchers reported this week.",
    "The study finds two waves of migration from the river valley, each bringing new crops, "
    "new pottery and, in the second wave, bronze tools.",
    "The first wave carried rice and pottery; the second, a thousand years later, brought "
    "bronze and a new way of building houses on stilts.",
]


def test_a_credit_span_after_the_caption_is_spaced() -> None:
    """Nature's caption read "…about 4,500 years ago.Credit: Frank Bienewald"."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rice</title></head>'
        '<body><article><h1>Rice</h1><div class="c-article-body">'
        f"<p>{PARAGRAPHS[0]}</p>"
        '<figure class="figure"><picture><img src="https://media.example/rice.jpg" '
        'alt="Rice terraces."></picture><figcaption><p class="figure__caption">Rice terraces in '
        'the north. The crop reached the region long ago.<span class="figure__credit">Credit: '
        "Ann Lee/Agency</span></p></figcaption></figure>"
        f"{body}</div></article></body></html>"
    )
    text = to_markdown(extract_article(html, "https://science.example/rice"))
    assert "long ago. Credit: Ann Lee/Agency" in text


def _page(caption: str, lead: bool = False) -> str:
    """A story with a picture captioned `caption` (a `<figcaption>`'s inside), at its head
    (`lead`: over the headline's standfirst, as a lead photo) or between its paragraphs."""
    figure = (
        '<figure class="image"><img src="https://media.example/quay.jpg" width="640" '
        f'height="360" alt="The quay"><figcaption class="caption">{caption}</figcaption></figure>'
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rice</title></head>'
        f'<body><article><h1>Rice</h1>{figure if lead else ""}<div class="article-body">'
        f"<p>{PARAGRAPHS[0]}</p>{'' if lead else figure}{body}</div></article></body></html>"
    )


def _captions(html: str) -> list[str]:
    """The article's captions, in Markdown (italics), one a paragraph."""
    text = to_markdown(extract_article(html, "https://science.example/rice"), header=False)
    return [p for p in text.split("\n\n") if p.startswith("*") and not p.startswith("**")]


def test_a_credit_in_a_box_of_its_own_ends_the_captions_line() -> None:
    """acc19b F15, rich.html: the lead photo's `<div class="caption-credit">` came out as a
    second caption under the caption ("*The east pier gauge, rebuilt in 2025.*" then "*Photo:
    Priya Raman*"), where a `<span class="credit">` was joined to its caption."""
    boxed = (
        '<div class="caption-text">Rice terraces in the north.</div>'
        '<div class="caption-credit">Photo: Ann Lee</div>'
    )
    joined = ["*Rice terraces in the north. Photo: Ann Lee*"]
    assert _captions(_page(boxed, lead=True)) == joined
    assert _captions(_page(boxed)) == joined
    # Caption words with no box of their own, a paragraph for the credit; no full stop after
    # them: one is set, as for a credit moved into a caption.
    loose = 'Rice terraces in the north <p class="credit">Photo: Ann Lee</p>'
    assert _captions(_page(loose)) == joined
    # A span already joined stays so.
    spanned = 'Rice terraces in the north. <span class="credit">Photo: Ann Lee</span>'
    assert _captions(_page(spanned)) == joined


def test_a_box_named_a_credit_that_is_no_credit_at_the_end_stays_apart() -> None:
    # The credit first, the caption's words after it: no credit at the caption's end.
    first = (
        '<div class="caption-credit">Photo: Ann Lee</div>'
        '<div class="caption-text">Rice terraces in the north.</div>'
    )
    assert _captions(_page(first)) == ["*Photo: Ann Lee*", "*Rice terraces in the north.*"]
    # A sentence, however its box is named, is the caption's own paragraph.
    said = (
        '<div class="caption-text">Rice terraces in the north.</div><div class="credits-note">'
        "The photographs in this story were taken over three summers by a team of researchers "
        "working with the farmers of the valley.</div>"
    )
    assert len(_captions(_page(said))) == 2
    # A caption that is its credit alone: kept as it was.
    alone = '<div class="caption-credit">Photo: Ann Lee</div>'
    assert _captions(_page(alone)) == ["*Photo: Ann Lee*"]
