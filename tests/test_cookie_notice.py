"""A cookie notice left in the article's box is dropped (`inserts._is_insert`); the plain search
for "cookie" that runs before its pattern (`_names_cookies`) rules out no box the pattern would
find, in whatever case it is written."""

from __future__ import annotations

import re

from reader.extract import extract_article, to_text
from reader.extract.inserts import _COOKIE_NOTICE, _names_cookies

STORY = (
    "<p>The harbour board has put off its vote on dredging the inner basin until the spring, "
    "after the survey it commissioned found old munitions in the silt off the north quay.</p>"
    "<p>Board members were told on Tuesday that a specialist diving team would need six weeks "
    "to map the area before any dredger could work there safely.</p>"
    "<p>Fishing crews who moor in the basin said the delay would cost them another winter of "
    "grounding at low water, and asked the board to open the outer berths to them.</p>"
)


def test_every_letter_the_notices_pattern_takes_for_cookies_passes_the_plain_search() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for at, letter in enumerate("cookie"):
        for same in re.findall(re.escape(letter), everything, re.IGNORECASE):
            text = f"We use {'cookie'[:at]}{same}{'cookie'[at + 1 :]}s. Accept?"
            assert _names_cookies(text), repr(same)
            assert _COOKIE_NOTICE.search(text)


def test_a_cookie_notice_in_the_article_goes_and_a_sentence_about_cookies_stays() -> None:
    notice = "<div><p>We use COOKİES to improve the site. <a href='/ok'>Accept</a></p></div>"
    bakery = "<p>The bakery on the quay sold out of its ginger cookies by noon.</p>"
    html = f"<html><body><article><h1>Dredging put off</h1>{STORY}{notice}{bakery}</article></body></html>"
    text = to_text(extract_article(html, "https://quay.example/dredging.html"))
    assert "improve the site" not in text and "ginger cookies" in text
    assert not _names_cookies("The board met on Tuesday.")
