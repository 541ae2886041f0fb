"""A box of facts inside the article stays in its place, whatever the site names it (acc39a L2).

A long read's `<aside class="sidebar factbox">` (a heading over "Built: 1887", "Length: 1.4 km")
went for the word "sidebar", with or without a site rule's `body`; a box of links so named, or a
newsletter box, still goes.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.models import SiteRule
from reader.render import to_text

URL = "https://harbourton.example/features/sea-wall.html"
RULE = SiteRule(body="article.story")
PROSE = (
    "Officials in Harbourton confirmed on Tuesday that the sea wall had been under review since "
    "the spring, when residents first raised concerns at a packed council meeting ({})."
)
FACTS = (
    '<{tag} class="{names}"><h3>The sea wall in numbers</h3><ul><li>Built: 1887</li>'
    "<li>Length: 1.4 km</li><li>Last repaired: 1998</li></ul></{tag}>"
)
LINKS = (
    '<aside class="sidebar"><h3>Read also</h3><ul><li><a href="/a.html">Ferry fares to rise by 8% '
    'in January</a></li><li><a href="/b.html">Lighthouse sold at auction</a></li></ul></aside>'
)
NEWSLETTER = (
    '<aside class="sidebar newsletter"><h3>The Morning Briefing</h3><ul><li>Daily at 7am</li>'
    "<li>Free</li></ul></aside>"
)


def page(box: str) -> str:
    paragraphs = [f"<p>{PROSE.format(n)}</p>" for n in range(1, 7)]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>The sea wall is failing | The Harbourton Courier</title></head><body>"
        '<article class="story"><h1>The sea wall is failing</h1>'
        f"{''.join(paragraphs[:3])}{box}{''.join(paragraphs[3:])}</article>"
        "</body></html>"
    )


def text(html: str, rule: SiteRule | None) -> str:
    return to_text(extract_article(html, URL, site_rule=rule))


@pytest.mark.parametrize("rule", [None, RULE], ids=["generic", "body rule"])
@pytest.mark.parametrize(
    ("tag", "names"), [("aside", "sidebar factbox"), ("div", "sidebar"), ("aside", "factbox")]
)
def test_a_box_of_facts_named_sidebar_stays_in_its_place(
    tag: str, names: str, rule: SiteRule | None
) -> None:
    shown = text(page(FACTS.format(tag=tag, names=names)), rule)
    assert "The sea wall in numbers" in shown
    assert "Length: 1.4 km" in shown
    # Between the paragraphs it was set between.
    assert shown.index("(3)") < shown.index("Built: 1887") < shown.index("(4)")


@pytest.mark.parametrize("rule", [None, RULE], ids=["generic", "body rule"])
@pytest.mark.parametrize("box", [LINKS, NEWSLETTER], ids=["links", "newsletter"])
def test_a_box_of_links_or_a_newsletter_box_still_goes(box: str, rule: SiteRule | None) -> None:
    shown = text(page(box), rule)
    assert "(6)" in shown
    assert "Read also" not in shown and "Lighthouse" not in shown
    assert "Morning Briefing" not in shown
