"""A site's notices and calls under an article go; an author's disclosure statement, set
beside the article, is kept with it."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

STORY = (
    "<p>The causeway to the island flooded twice this week, cutting off forty homes for hours"
    " at each high tide.</p>"
    "<p>Engineers said the road would be raised by a metre next spring, on new pilings.</p>"
    "<p>Islanders said they had waited ten years for the work to begin.</p>"
)


def _text(after: str, around: str = "{story}{after}") -> str:
    page = (
        "<html><head><title>Causeway floods again</title></head><body><main><article>"
        "<h1>Causeway floods again</h1>"
        f"{around.format(story=STORY, after=after)}</article></main></body></html>"
    )
    return to_text(extract_article(page, "https://radio.example/2026/12/03/causeway"))


@pytest.mark.parametrize(
    ("notice", "gone"),
    [
        # NPR's, under every transcript.
        (
            '<p class="disclaimer">Copyright © 2026 NPR. All rights reserved. Visit our website'
            " terms of use and permissions pages at www.npr.org for further information.</p>",
            "All rights reserved",
        ),
        (
            '<p class="disclaimer">Accuracy and availability of NPR transcripts may vary.'
            " Transcript text may be revised to correct errors or match updates to audio. The"
            " authoritative record of NPR’s programming is the audio record.</p>",
            "NPR transcripts",
        ),
        # The Guardian's call-out under an obituary.
        (
            "<p><em>Do you have a loved one who has died recently? <a href="
            '"https://www.theguardian.com/other-lives">Tell us about them</a> for our Other'
            " lives feature.</em></p>",
            "Other lives",
        ),
        # The Conversation's offer to republish.
        (
            '<div class="republish"><p>We believe in the free flow of information. Republish'
            " our articles for free, online or in print, under a Creative Commons license.</p>"
            "</div>",
            "Republish",
        ),
        # El País's under every story, and its siblings in German, French and English.
        (
            '<p>Puedes seguir a <a href="https://twitter.com/elpais_clima">EL PAÍS Clima y Medio'
            ' Ambiente</a> en <a href="https://x.com">X</a>, o apuntarte aquí para recibir <a'
            ' href="https://elpais.com/newsletter/">nuestra newsletter semanal</a>.</p>',
            "Puedes seguir",
        ),
        ("<p><em>Folgen Sie dem Inselboten auf WhatsApp und Instagram.</em></p>", "Folgen Sie"),
        ("<p>Suivez Le Courrier des îles sur Facebook et X.</p>", "Suivez"),
        ("<p>Follow Radio Causeway News on Facebook, X and Instagram.</p>", "Follow Radio"),
        # NDTV's and ABC's offers of their latest news, under every story.
        (
            "<p><b>Track Latest News Live on Causeway.com and get news updates from the islands"
            " and around the world</b></p>",
            "Track Latest",
        ),
        (
            "<p><strong>Get all the latest Radio Causeway news on Facebook, X and"
            " Instagram.</strong></p>",
            "latest Radio",
        ),
        ("<p>Listen to more stories on hark</p>", "Listen to more"),
        # The Atlantic's pointer to another story, named in camel case.
        (
            '<div class="ArticleRelatedContentModule_root"><p class="ArticleRelatedContentModule'
            '_title">Read: The causeway nobody on the island wanted</p></div>',
            "nobody on the island",
        ),
        # A call to pay for the site's journalism: Ghost's member card, Ukrainska Pravda's box.
        (
            '<div class="kg-card kg-callout-card"><div class="kg-callout-emoji">💡</div>'
            '<div class="kg-callout-text">Support independent journalism on the islands. <a'
            ' href="/membership">Become a member</a> of the Causeway Post.</div></div>',
            "Become a member",
        ),
        (
            '<div class="support-block"><h3>Підтримайте нас</h3><p>Шановні читачі, просимо вас'
            " підтримати нашу редакцію – це допоможе нам і надалі бути незалежними.</p>"
            "<a>Підтримати</a></div>",
            "Підтрима",
        ),
        # ProPublica's call-out in the middle of a story.
        (
            '<div class="bb-callout"><h3>Do You Have Information About Causeway Repairs?</h3>'
            '<p>We want to hear from islanders and council staff. <a href="/tips">Contact'
            " us</a>.</p></div>",
            "Causeway Repairs",
        ),
        # News24's line under every story.
        (
            '<div class="article__disclaimer"><p>We live in a world where facts and fiction get'
            " blurred. In times of uncertainty you need journalism you can trust.</p></div>",
            "facts and fiction",
        ),
        # GOV.UK's feedback box under every page, and a help centre's.
        (
            '<div class="gem-c-feedback"><h2>Is this page useful?</h2><button>Yes</button>'
            "<button>No</button><a>Report a problem with this page</a></div>",
            "useful",
        ),
        (
            '<div class="feedback"><p>Was this article helpful?</p><button>Yes</button>'
            "<button>No</button></div>",
            "helpful",
        ),
    ],
)
def test_a_sites_notice_under_the_article_goes(notice: str, gone: str) -> None:
    text = _text(notice + "<p>MARTÍNEZ: NPR's Kate Wells. Thank you, Kate, for that.</p>")
    assert gone not in text
    assert "Islanders said they had waited ten years" in text
    assert "Kate Wells" in text


@pytest.mark.parametrize(
    "sentence",
    [
        "<p>Do you have a plan for the next flood? Tell us, the councillor shouted at the"
        " engineers, and the meeting went quiet.</p>",
        "<p>Copyright © 2026 of the island's photographs stays with the museum, which holds"
        " every print and the negatives of the old causeway, the curator said.</p>",
        "<p>Anyone may republish our council minutes, the clerk said, but few people do.</p>",
        "<p>Follow the old causeway south on foot and on the next low tide the island is an"
        " hour's walk away.</p>",
        "<p>Was this page useful to the inquiry? The judge asked the engineers twice.</p>",
        "<p>Get the latest figures on the causeway from the council, islanders were told.</p>",
        "<p>Support for the causeway plan grew after the floods, and few islanders would"
        " join the protest against it.</p>",
        "<p>Do you have a boat? We want to hear how islanders crossed during the floods, the"
        " mayor said.</p>",
    ],
)
def test_sentences_of_the_story_like_them_stay(sentence: str) -> None:
    kept = sentence.removeprefix("<p>").removesuffix("</p>")
    assert kept in _text(sentence)


def test_the_authors_disclosure_statement_beside_the_article_is_kept() -> None:
    # The Conversation's: the statement in the sidebar, next to the article's body.
    around = (
        '<div class="content-body" itemprop="articleBody">{story}</div>'
        '<div class="content-sidebar"><div class="disclosure"><h3>Disclosure statement</h3>'
        "<p>Helen Tregarthen receives funding from the Natural Environment Research"
        ' Council.</p></div><div class="partners"><h3>Partners</h3><p><a href="/u">'
        "University of Exeter</a> provides funding as a member of The Conversation"
        " UK.</p></div></div>{after}"
    )
    lines = _text("", around).split("\n")
    assert (
        "Helen Tregarthen receives funding from the Natural Environment Research Council." in lines
    )
    assert "Disclosure statement" in lines
    assert not any("University of Exeter" in line for line in lines)


def test_a_disclosure_that_the_site_earns_from_links_is_not_moved_in() -> None:
    around = (
        '<div itemprop="articleBody">{story}</div>'
        '<aside class="sidebar"><div class="disclosure"><h3>Disclosure</h3><p>We may earn a'
        " commission when you buy through links on our site.</p></div></aside>{after}"
    )
    assert "commission" not in _text("", around)
