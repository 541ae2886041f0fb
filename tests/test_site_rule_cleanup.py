"""A site rule's `body` says where the article is: the usual clean-up still runs inside it.

A rule written for a site's one broken layout (a "more from the harbour" box read into the
story) applies to all its articles: a newsletter box the generic extractor drops must not come
back as article text in the others (acc19b F8).
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.models import BlockKind, SiteRule

URL = "https://quayside.example/news/ferry-timetable.html"
RULE = SiteRule(body="div.story-text", drop=(".xtra-box",))

STORY = [
    "The winter timetable for the island ferry starts on Monday, with two crossings a day "
    "instead of four, the operator said.",
    "The early boat will leave at seven and the late one at five, and freight will travel on "
    "both of them.",
    "Islanders had asked for a third crossing on Fridays, which the operator said it would "
    "look at again in the spring.",
]
PROMO = (
    "Our morning letter brings the island's news to your inbox before the first boat leaves, "
    "with the tides, the timetable and the weather for the day ahead of you."
)
EXTRA = "Read more about the island's boats in our archive of ferry stories from the last decade."


def page(inside: str = "") -> str:
    story = "".join(f"<p>{text}</p>" for text in STORY[:1])
    rest = "".join(f"<p>{text}</p>" for text in STORY[1:])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Ferry moves to its winter timetable | Quayside News</title></head><body>"
        '<div class="page"><h1>Ferry moves to its winter timetable</h1>'
        f'<div class="story-text">{story}{inside}{rest}</div>'
        '<div class="more"><h3>More from the quay</h3><p>Another story teased here.</p></div>'
        "</div></body></html>"
    )


NEWSLETTER = f'<div class="promo"><h4>Sign up</h4><p>{PROMO}</p><p>{PROMO}</p><p>{PROMO}</p></div>'
SHARE = (
    '<div class="share-tools"><a href="https://facebook.example/share">Share on Facebook</a> '
    '<a href="https://x.example/intent">Share on X</a> <a href="mailto:?">Email</a></div>'
)


def texts(html: str, rule: SiteRule | None) -> list[str]:
    article = extract_article(html, URL, site_rule=rule)
    return [b.text for b in article.blocks if b.kind is not BlockKind.IMAGE]


def test_a_newsletter_box_inside_a_rules_body_goes_as_without_the_rule() -> None:
    html = page(NEWSLETTER)
    assert texts(html, None) == STORY  # the generic extractor drops it
    assert texts(html, RULE) == STORY


def test_a_share_row_inside_a_rules_body_goes() -> None:
    assert texts(page(SHARE), RULE) == STORY


def test_the_rules_drop_adds_to_the_usual_clean_up() -> None:
    extra = f'<div class="xtra-box"><p>{EXTRA}</p></div>'
    assert texts(page(NEWSLETTER + extra), RULE) == STORY
    # Without the rule's drop the box is prose, and the article's.
    assert EXTRA in texts(page(extra), SiteRule(body="div.story-text"))


def test_the_rules_body_is_kept_when_it_is_all_article() -> None:
    assert texts(page(), RULE) == STORY


# ext40: the user who names the body has said what the article is. Its paragraphs of text,
# headings, tables and figures stay whatever the page's names and tags round them guess
# ("related-", "sidebar", "social-", "promo-", `<header>`, `<footer>`); a box of links and a
# share row still go (the generic pass's, as above), and the rule's own `drop`.
BACKGROUND = (
    "The harbour board first proposed cutting the winter crossings in 2019, when fuel costs "
    "doubled and the older of its two boats failed its inspection."
)
CHOSEN = {
    "prose in a box named related": (
        f'<div class="related-context"><h3>How we got here</h3><p>{BACKGROUND}</p></div>',
        ["How we got here", BACKGROUND],
    ),
    "prose in a footer": (f"<footer><p>{BACKGROUND}</p></footer>", [BACKGROUND]),
    "a heading in a header": (
        f"<header><h2>What changes for freight</h2></header><p>{BACKGROUND}</p>",
        ["What changes for freight", BACKGROUND],
    ),
    "a heading named as a promotion": (
        f'<h2 class="promo-heading">What changes for freight</h2><p>{BACKGROUND}</p>',
        ["What changes for freight", BACKGROUND],
    ),
    "a table in a widget": (
        '<div class="widget sidebar"><table><tr><th>Day</th><th>Leaves</th></tr>'
        "<tr><td>Monday</td><td>07:00</td></tr><tr><td>Friday</td><td>17:00</td></tr></table></div>",
        ["Day | Leaves", "Monday | 07:00", "Friday | 17:00"],
    ),
    "a figure named for sharing": (
        '<figure class="social-image"><img src="/boat.jpg" alt="The ferry at the quay">'
        "<figcaption>The ferry at the quay on Monday morning.</figcaption></figure>",
        ["The ferry at the quay on Monday morning."],
    ),
    "a list of terms in a sidebar": (
        '<dl class="sidebar"><dt>Crossings</dt><dd>Two a day</dd><dt>From</dt><dd>Monday</dd></dl>',
        ["Crossings", "Two a day", "From", "Monday"],
    ),
}


@pytest.mark.parametrize("name", list(CHOSEN))
def test_what_the_rule_chose_stays_whatever_its_names(name: str) -> None:
    inside, kept = CHOSEN[name]
    assert texts(page(inside), SiteRule(body="div.story-text")) == STORY[:1] + kept + STORY[1:]


def test_links_and_share_rows_inside_the_chosen_body_still_go() -> None:
    links = (
        '<ul class="related-links"><li><a href="/strike">Ferry strike ends after three days'
        '</a></li><li><a href="/boat">A new boat is ordered for the island crossing</a></li></ul>'
    )
    rule = SiteRule(body="div.story-text")
    assert texts(page(links + SHARE + NEWSLETTER), rule) == STORY


def test_the_rules_drop_still_takes_what_it_names() -> None:
    inside = CHOSEN["prose in a box named related"][0]
    assert texts(page(inside), SiteRule(body="div.story-text", drop=(".related-context",))) == STORY
