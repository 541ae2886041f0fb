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
