"""The publishing platforms' own blocks round a post, which are no words of it (acc42c C3):
Jetpack's "Share this:" row under a WordPress post, Substack's "Share" button, Medium's
"Member-only story" badge and its writer card. Each was cached, exported and searched as the
article's text."""

from __future__ import annotations

from reader.extract import extract_article, to_text

PARAGRAPHS = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "For thirty years the county court had a reporter in the press bench every weekday "
        "morning, taking shorthand notes of every case that came before the bench.",
        "When the paper closed its district office last spring, the bench went empty, and the "
        "cases went unreported for the first time since the war.",
        "Lawyers say the change is already visible: fewer people know what happens in court, "
        "and fewer people trust what they hear about it from others.",
        "The council has proposed a shared reporter funded by three towns, but the plan needs "
        "a vote in January and nobody yet knows who would pay.",
    )
)
TITLE = "The quiet death of the local court reporter"


def text_of(body: str, around: str = "") -> str:
    page = (
        f"<!doctype html><html><head><title>{TITLE}</title></head><body><article>"
        f"<h1>{TITLE}</h1>{body}</article>{around}</body></html>"
    )
    return to_text(extract_article(page, "https://blog.example.org/2026/12/court"), header=False)


def test_a_wordpress_share_row_is_no_box_of_facts() -> None:
    # Its networks as plain items, with no links, read as a heading over a short list of facts.
    text = text_of(
        f'<div class="entry-content">{PARAGRAPHS}<div class="sharedaddy">'
        "<h3>Share this:</h3><ul><li>Facebook</li><li>X</li></ul></div></div>"
    )
    assert "shared reporter" in text
    assert "Share this" not in text and "Facebook" not in text


def test_a_box_of_facts_beside_the_text_stays() -> None:
    text = text_of(
        f'{PARAGRAPHS}<aside class="sidebar"><h3>The court in numbers</h3><ul>'
        "<li>Cases a year: 4,100</li><li>Reporters in 2016: 3</li></ul></aside>"
    )
    assert "The court in numbers" in text and "Cases a year: 4,100" in text


def test_a_share_button_ending_a_newsletter_goes_and_a_link_named_share_in_a_sentence_stays() -> (
    None
):
    text = text_of(
        f'{PARAGRAPHS}<p class="button-wrapper"><a class="button primary" '
        'href="https://blog.example.org/p/court?action=share"><span>Share</span></a></p>'
        '<p>Readers can <a href="/share">share</a> their own memories of the court.</p>'
    )
    assert "\nShare\n" not in f"\n{text}\n"
    assert "Readers can share their own memories of the court." in text


def test_mediums_badge_and_writer_card_go() -> None:
    text = text_of(
        PARAGRAPHS,
        around='<div class="meteredContent"><h2>Member-only story</h2></div><div>Written by Ali'
        " Rahman · 1.2K Followers · More from Ali Rahman · Recommended from Medium · Help Status"
        " About Careers Blog Privacy Terms</div>",
    )
    assert "shared reporter" in text
    assert "Member-only" not in text and "Followers" not in text
    # A sentence opening with the same words is the post's own.
    own = text_of(f"{PARAGRAPHS}<p>Written by hand in the margins, the notes ran to 40 pages.</p>")
    assert "Written by hand in the margins" in own
