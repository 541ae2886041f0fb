"""The site's call to join its channel on a messaging app, closing the story (the Indian
Express's "Click here to join Express Pune on WhatsApp and get the latest news and updates
from the city", "Join us on Telegram"), is no paragraph of the story; a sentence of the story
about joining a group on one stays. Real parts: the page through the real extractor.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

PARAGRAPHS = [
    "Nagpur's municipal corporation will plant 4,000 saplings along the ring road this winter.",
    "The drive begins on Saturday at the Wardha Road junction, officials said on Tuesday.",
    "Each sapling will be watered by tanker for its first two summers under the contract.",
]


def _text(closing: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Ring road to get 4,000 saplings | Nagpur News - The Daily Ledger</title>"
        '<meta property="og:site_name" content="The Daily Ledger"></head><body>'
        '<div class="container"><div class="heading-part"><h1 itemprop="headline"'
        ' class="native_story_title">Ring road to get 4,000 saplings</h1></div>'
        f'<div class="story_details" id="pcl-full-content">{body}{closing}</div></div>'
        "</body></html>"
    )
    return to_text(extract_article(page, "https://www.ledger.example/cities/nagpur/saplings/"))


@pytest.mark.parametrize(
    "call",
    [
        "<p><em>Click here to join Ledger Nagpur on WhatsApp and get the latest news and updates"
        " from the city</em></p>",
        "<p><strong>Join us on Telegram</strong> for breaking news from Nagpur.</p>",
        "<p>Tap here to join our channel on WhatsApp.</p>",
        "<p>Click here to follow The Daily Ledger on Google News.</p>",
    ],
)
def test_a_call_to_join_the_sites_channel_goes(call: str) -> None:
    """The first was kept as the story's last paragraph."""
    text = _text(call)
    assert "join" not in text.casefold()
    assert "follow" not in text.casefold()
    assert text.rstrip().endswith(PARAGRAPHS[-1])


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents can join the ward committee's group on WhatsApp to hear where the next"
        " saplings go.",
        # A call, but to another's group, offering none of the site's news.
        "Join the ward committee on WhatsApp to hear where the next saplings go.",
    ],
)
def test_a_sentence_about_joining_a_group_stays(sentence: str) -> None:
    assert sentence in _text(f"<p>{sentence}</p>")
