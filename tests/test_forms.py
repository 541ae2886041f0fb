"""Text inside a `<form>`: a box of paragraphs with nothing to fill in is the page's text (old.reddit
sets every post and comment in a `<form class="usertext">`); a form a reader fills in or presses
(a search box, a sign-up, a comment box) is still furniture."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text
from reader.models import BlockKind, SiteRule

URL = "https://harbourforum.example/t/lifeboat-station-open-day"
INTRO = (
    "The lifeboat station on the quay opens its doors to visitors on Saturday, for the first time "
    "since the new all-weather boat arrived in the spring."
)
INSIDE = [
    "Volunteers will show the boat's wheelhouse and explain how a launch works, from the pager "
    "going off to the moment the boat leaves the slipway.",
    "Children can try on the crew's kit, and the station's shop will sell calendars to raise money "
    "for a new tractor to pull the inshore boat.",
]
CLOSING = (
    "The station's coxswain said the crew had been called out 31 times this year, more than in "
    "any year since the station was built in 1867."
)


def page(form: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Open day at the '
        'lifeboat station</title></head><body><div class="layout"><article><h1>Open day at the '
        f"lifeboat station</h1><p>{INTRO}</p>{form}<p>{CLOSING}</p></article></div>"
        "</body></html>"
    )


def text_box(attributes: str = 'class="usertext"', inside: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in INSIDE)
    return (
        f'<form {attributes}><input type="hidden" name="thing_id" value="t3_1h5">{inside}'
        f'<div class="md">{paragraphs}</div></form>'
    )


def paragraphs_of(html: str, rule: SiteRule | None = None) -> list[str]:
    article = extract_article(html, URL, site_rule=rule)
    return [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


@pytest.mark.parametrize(
    "form",
    [
        text_box(),
        text_box('action="#" method="post" class="usertext warn-on-unload" id="form-t3_1h5"'),
        # The writer's own editor, which the page hides until "edit" is pressed.
        text_box(
            inside='<div class="usertext-edit" style="display: none"><textarea name="text">'
            "draft</textarea><button>save</button></div>"
        ),
    ],
    ids=["usertext", "old-reddit-attributes", "hidden-editor"],
)
def test_paragraphs_in_a_form_with_nothing_to_fill_in_are_the_article(form: str) -> None:
    assert paragraphs_of(page(form)) == [INTRO, *INSIDE, CLOSING]


def test_a_site_rule_body_around_the_form_keeps_its_paragraphs_apart() -> None:
    html = page(text_box()).replace('<div class="layout">', '<div class="content">')
    assert paragraphs_of(html, SiteRule(body="div.content")) == [INTRO, *INSIDE, CLOSING]


def test_a_site_rule_body_that_is_the_form_is_read() -> None:
    assert paragraphs_of(page(text_box()), SiteRule(body="form.usertext")) == INSIDE


@pytest.mark.parametrize(
    "form",
    [
        '<form class="newsletter"><p>Get the harbour news in your inbox every Friday morning, '
        'free.</p><input type="email" name="email" placeholder="Your e-mail"><button>Sign up'
        "</button></form>",
        '<form role="search"><p>Search the forum</p><input name="q"></form>',
        '<form id="commentform"><p class="comment-notes">Your e-mail address will not be '
        'published.</p><p><label for="c">Comment</label><textarea id="c"></textarea></p></form>',
    ],
    ids=["sign-up", "search", "comment-box"],
)
def test_a_form_to_fill_in_is_still_dropped(form: str) -> None:
    text = to_text(extract_article(page(form), URL), header=False)
    assert INTRO in text and CLOSING in text
    for words in ("inbox", "Search the forum", "will not be published"):
        assert words not in text
