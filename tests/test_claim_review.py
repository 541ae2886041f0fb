"""A fact check opens with what it concludes: the claim, the verdict and the rating, which its
page sets in a box beside the body and declares in a JSON-LD ClaimReview."""

from __future__ import annotations

import json

from reader.extract import extract_article, to_text
from reader.models import Article

URL = "https://checks.example.org/harbour-dredging-claim/"
_BODY = (
    "<p>A post shared thousands of times says the council “spent £5 million dredging the "
    "harbour last winter”.</p>"
    "<p>The council’s accounts show the dredging contract cost £480,000, and the harbour "
    "board confirmed the figure to us.</p>"
    "<p>The £5 million figure appears to be the cost of the whole ten-year harbour plan.</p>"
)
_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "datePublished": "2026-12-01",
    "claimReviewed": "The council spent £5 million dredging the harbour last winter.",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
}


def _check(review: dict[str, object] | None, boxes: str = "") -> Article:
    ld = f'<script type="application/ld+json">{json.dumps(review)}</script>' if review else ""
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>No, the council did not spend £5m on dredging</title>{ld}</head><body>"
        "<main><article><h1>No, the council did not spend £5m on dredging</h1>"
        f"{boxes}<div class='article-body'>{_BODY}</div></article></main></body></html>"
    )
    return extract_article(html, URL)


_BOXES = (
    "<div class='verdict-card'><div class='claim-box'><h5>What was claimed</h5>"
    "<p>The council spent £5 million dredging the harbour last winter.</p></div>"
    "<div class='conclusion-box'><h5>Our verdict</h5><p>Incorrect. The dredging cost "
    "£480,000; £5 million is the whole ten-year plan.</p></div></div>"
    "<div class='rating'><span>Rating:</span> <strong>FALSE</strong></div>"
)


def test_a_fact_check_opens_with_its_claim_verdict_and_rating() -> None:
    text = to_text(_check(_REVIEW, _BOXES), header=False)
    assert text.startswith(
        "Claim: The council spent £5 million dredging the harbour last winter.\n\n"
        "Verdict: Incorrect. The dredging cost £480,000; £5 million is the whole ten-year "
        "plan.\n\nRating: False\n\nA post shared thousands of times"
    )


def test_without_a_verdict_box_the_declared_claim_and_rating_still_open_it() -> None:
    text = to_text(_check(_REVIEW), header=False)
    assert text.startswith(
        "Claim: The council spent £5 million dredging the harbour last winter.\n\n"
        "Rating: False\n\nA post shared"
    )


def test_a_page_declaring_no_claim_review_is_read_as_before() -> None:
    text = to_text(_check(None, _BOXES), header=False)
    assert "Claim:" not in text and "Rating: False" not in text
    # A review without the claim it rates says nothing of what it rates.
    without_claim = {k: v for k, v in _REVIEW.items() if k != "claimReviewed"}
    assert "Rating:" not in to_text(_check(without_claim), header=False)
