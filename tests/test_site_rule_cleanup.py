"""A site rule's `body` says where the article is: the usual clean-up still runs inside it.

A rule written for a site's one broken layout (a "more from the harbour" box read into the
story) applies to all its articles: a newsletter box the generic extractor drops must not come
back as article text in the others (acc19b F8).
"""

from __future__ import annotations

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
