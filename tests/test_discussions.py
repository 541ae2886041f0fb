"""Discussion pages: the thread is the page's content. A Hacker News item, an old.reddit thread, a
GitHub issue and a Stack Overflow question give the opening post, then every reply under a line
naming its writer (and date), replies to replies quoted one level deeper; the post's writer and
time are the article's. The fixture pairs `tests/data/discussion-*` show each whole; a news
story's readers' comments are still dropped (`test_extraction_rules`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.extract import extract_article, to_text
from reader.models import Article, BlockKind, SiteRule

DATA = Path(__file__).parent / "data"


def read(case: str, url: str = "") -> Article:
    return extract_article((DATA / f"discussion-{case}.html").read_bytes(), url)


def lines(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


@pytest.mark.parametrize(
    ("case", "title", "author", "published", "site"),
    [
        (
            "hacker-news-item",
            "Tide tables as a plain-text API",
            "harbourdev",
            datetime(2026, 11, 20, 7, 30, tzinfo=UTC),
            "Hacker News",
        ),
        (
            "old-reddit-thread",
            "Seals hauled out on the slipway this morning",
            "tidepool_amy",
            datetime(2026, 11, 20, 7, 5, tzinfo=UTC),
            "reddit",
        ),
        (
            "github-issue",
            "Tide chart shows yesterday's heights after midnight",
            "penwith",
            datetime(2026, 11, 18, 21, 14, tzinfo=UTC),
            "GitHub",
        ),
        (
            "stack-overflow-question",
            "Why does my tide time parse as the wrong day?",
            "lowtide",
            datetime(2026, 11, 17, 16, 20, tzinfo=UTC),
            "Stack Overflow",
        ),
    ],
)
def test_the_opening_post_signs_the_article(
    case: str, title: str, author: str, published: datetime, site: str
) -> None:
    article = read(case)
    assert (article.title, article.author, article.published, article.site_name) == (
        title,
        author,
        published,
        site,
    )


def test_a_hacker_news_item_gives_its_link_its_text_and_its_comments_nested() -> None:
    article = read("hacker-news-item")
    text = lines(article)
    assert text[0] == "Link: https://tides.example.org/api"
    assert text[1].startswith("We publish the harbour's tide predictions")
    assert "skipper · 2026-11-20T08:02:00+00:00" in text
    reply = [b for b in article.blocks if b.kind is BlockKind.QUOTE]
    assert [b.text for b in reply][:2] == [
        "harbourdev · 2026-11-20T08:10:00+00:00",
        "Metres, to the centimetre. Add ?units=ft for feet.",
    ]
    # The third comment answers the post, not the second: it is no quote.
    assert "gullwing · 2026-11-20T09:00:00+00:00" in [
        b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH
    ]
    for chrome in ("upvote", "login", "Guidelines", "96 points", "reply", "Search"):
        assert chrome not in to_text(article, header=False)


def test_an_old_reddit_thread_is_its_post_and_comments_not_its_sidebar() -> None:
    article = read("old-reddit-thread")
    text = to_text(article, header=False)
    assert text.index("Three grey seals") < text.index("quaywarden") < text.index("Rang them")
    assert "They were on the beach by the fish market" in text
    for sidebar in ("8,310 readers", "No selling", "Be kind to each other", "sorted by"):
        assert sidebar not in text
    reply = next(
        b for b in article.blocks if b.text == "Rang them, they're on their way. Thank you!"
    )
    assert reply.kind is BlockKind.QUOTE


def test_a_github_issue_keeps_its_steps_and_every_comment_not_its_events() -> None:
    article = read("github-issue")
    text = lines(article)
    assert text.index("What happens") < text.index("morvah · 2026-11-19T08:05:00+00:00")
    assert text[-2:] == [
        "out in the next release",  # a reply quoting the comment it answers keeps the quote
        "Tried the release candidate, the chart is right now.",
    ]
    for chrome in ("added the", "Public", "Pull requests", "No one assigned", "opened this issue"):
        assert not any(chrome in line for line in text)


def test_stack_overflow_answers_are_marked_off_each_with_its_writer() -> None:
    article = read("stack-overflow-question")
    text = lines(article)
    first = text.index("Answer by brine (accepted) · 2026-11-17T17:02:00+00:00")
    second = text.index("Answer by kelp · 2026-11-18T09:45:00+00:00")
    assert first < second
    assert article.blocks[second - 1].kind is BlockKind.RULE
    assert not any("Not the answer" in line or "Hot Network" in line for line in text)


def test_names_from_the_page_are_text_not_control_sequences() -> None:
    html = (DATA / "discussion-old-reddit-thread.html").read_text(encoding="utf-8")
    html = html.replace('data-author="quaywarden"', 'data-author="quay\x1b[31mwarden"')
    article = extract_article(html, "https://old.reddit.com/r/Harbourtown/comments/9zq1/x/")
    assert "\x1b" not in to_text(article)
    line = next(line for line in lines(article) if line.startswith("quay"))
    assert line.endswith("warden · 2026-11-20T07:40:00+00:00")


def test_a_link_post_gives_the_address_it_submits() -> None:
    html = (DATA / "discussion-old-reddit-thread.html").read_text(encoding="utf-8")
    html = html.replace("odd link self", "odd link").replace(
        'href="/r/Harbourtown/comments/9zq1/seals_hauled_out/"',
        'href="https://coastnews.example/seals-slipway"',
    )
    article = extract_article(html, "https://old.reddit.com/r/Harbourtown/comments/9zq1/x/")
    assert lines(article)[0] == "Link: https://coastnews.example/seals-slipway"


def test_a_deep_reply_is_quoted_no_deeper_than_a_terminal_can_show() -> None:
    html = (DATA / "discussion-hacker-news-item.html").read_text(encoding="utf-8")
    article = extract_article(html.replace('indent="1"', 'indent="7"'), "")
    reply = next(b for b in article.blocks if b.text.startswith("harbourdev · "))
    assert (reply.kind, reply.level) == (BlockKind.QUOTE, 4)


def test_a_forum_thread_marked_in_microdata_is_read_post_by_post() -> None:
    article = read("forum-microdata")
    assert (article.title, article.author) == ("Best tide app for kayakers?", "sea_otter")
    text = lines(article)
    assert text.index("What do you all use on the water?") < text.index(
        "pilot_gig · 2026-11-14T19:02:00+00:00"
    )
    assert text[-2:] == [
        "sea_otter · 2026-11-15T08:45:00+00:00",
        "Good point about the atlas. Ordered one this morning.",
    ]
    for chrome in ("4 Likes", "Related topics", "Launching at the old quay", "Powered by"):
        assert not any(chrome in line for line in text)


STORY = [
    "The harbour commissioners voted on Tuesday to dredge the inner basin for the first time "
    "in eleven years, after fishing boats grounded twice at low water this autumn.",
    "The work will cost about £400,000 and is due to start in February, when fewer visiting "
    "yachts use the moorings, the harbour master told the meeting.",
    "Spoil from the basin will be tested for heavy metals before it is taken out to sea, as "
    "the marine licence requires, and the results published.",
]


def story_with_comments(kind: str) -> str:
    comments = "".join(
        f'<li itemprop="comment" itemscope itemtype="http://schema.org/Comment">'
        f'<span itemprop="author">{name}</span> <time itemprop="datePublished" '
        f'datetime="2026-11-19T1{n}:00:00Z">19 Nov</time><div itemprop="text"><p>{words}</p>'
        "</div></li>"
        for n, (name, words) in enumerate(
            [
                ("old_salt", "About time too, my boat sat on the mud for a whole tide in October."),
                ("visitor22", "Will the visitors' pontoon stay open while they dredge it?"),
                ("quaysider", "Who pays for this? The mooring fees went up again this year."),
            ]
        )
    )
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour basin to be '
        "dredged</title></head><body><main>"
        f'<article itemscope itemtype="http://schema.org/{kind}"><h1 itemprop="headline">'
        'Harbour basin to be dredged</h1><div itemprop="articleBody">'
        f'{body}</div><section class="talk"><h2>3 Comments</h2><ol class="talk-list">{comments}'
        "</ol></section></article></main></body></html>"
    )


@pytest.mark.parametrize("kind", ["NewsArticle", "BlogPosting"])
def test_a_storys_comments_marked_in_microdata_are_still_no_part_of_it(kind: str) -> None:
    article = extract_article(story_with_comments(kind), "https://harbour.example/dredging")
    assert lines(article) == STORY


def test_a_question_marked_in_microdata_marks_off_its_answers() -> None:
    html = (DATA / "discussion-forum-microdata.html").read_text(encoding="utf-8")
    html = html.replace("schema.org/DiscussionForumPosting", "schema.org/Question").replace(
        'itemprop="comment" itemscope itemtype="http://schema.org/Comment"',
        'itemprop="suggestedAnswer" itemscope itemtype="http://schema.org/Answer"',
    )
    html = html.replace('itemprop="suggestedAnswer"', 'itemprop="acceptedAnswer"', 1)
    text = lines(extract_article(html, "https://forum.example/t/482"))
    assert "Answers" in text
    assert "Answer by pilot_gig (accepted) · 2026-11-14T19:02:00+00:00" in text
    assert "Answer by sea_otter · 2026-11-15T08:45:00+00:00" in text


def test_a_site_rules_body_around_the_thread_is_read_as_the_thread() -> None:
    html = (DATA / "discussion-old-reddit-thread.html").read_bytes()
    url = "https://old.reddit.com/r/Harbourtown/comments/9zq1/x/"
    around = extract_article(html, url, site_rule=SiteRule(body="div.content", drop=(".side",)))
    assert lines(around) == lines(read("old-reddit-thread"))
    # A body holding the post alone is what the rule's writer asked for: no replies.
    post = extract_article(html, url, site_rule=SiteRule(body="div.expando"))
    assert lines(post) == lines(read("old-reddit-thread"))[:2]


def test_a_promoted_post_in_the_sidebar_is_not_the_threads() -> None:
    html = (DATA / "discussion-old-reddit-thread.html").read_text(encoding="utf-8")
    promoted = (
        '<div class="thing id-t3_ad1 link promoted" data-author="harbourboats"><div class="entry">'
        '<p class="title"><a class="title" href="https://boats.example/sale">Winter boat sale: '
        "20% off all kayaks</a></p></div></div>"
    )
    html = html.replace('<div class="side">', f'<div class="side">{promoted}')
    article = extract_article(html, "https://old.reddit.com/r/Harbourtown/comments/9zq1/x/")
    assert lines(article) == lines(read("old-reddit-thread"))


def test_a_thread_declared_in_json_ld_is_read_where_scripts_draw_the_posts() -> None:
    article = read("declared-in-json-ld")
    assert (article.title, article.author) == ("Mooring fees for winter 2027?", "longliner")
    text = lines(article)
    assert text[:2] == [
        "Has anyone had the letter about next winter's mooring fees yet?",
        "Last year the notice came in October and this year nothing so far. I'd like to know "
        "before I decide whether to haul out.",
    ]
    reply = next(b for b in article.blocks if b.text.startswith("longliner · "))
    assert (reply.kind, reply.level) == (BlockKind.QUOTE, 1)
    assert "crabber · 2026-11-13T07:45:00+00:00" in text
    assert not any("Loading" in line or "JavaScript" in line for line in text)


def declaring(ld: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tides</title>'
        f'<script type="application/ld+json">{ld}</script></head><body><div id="app"></div>'
        "</body></html>"
    )


def test_a_question_declared_in_json_ld_gives_its_answers_accepted_first() -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "QAPage", "mainEntity": {"@type": '
        '"Question", "name": "Why are spring tides higher?", "text": "Is it the moon or the '
        'sun that makes spring tides so high?", "author": {"name": "ebb"}, "dateCreated": '
        '"2026-10-01T08:00:00Z", "suggestedAnswer": [{"@type": "Answer", "text": "Only the '
        'moon.", "author": {"name": "flood"}}], "acceptedAnswer": {"@type": "Answer", "text": '
        '"<p>Both: when the sun and moon <b>line up</b>, their pulls add.</p>", "author": '
        '{"name": "neap"}, "dateCreated": "2026-10-01T09:00:00Z"}}}'
    )
    article = extract_article(declaring(ld), "https://qa.example/q/1")
    assert (article.title, article.author) == ("Why are spring tides higher?", "ebb")
    assert lines(article) == [
        "Is it the moon or the sun that makes spring tides so high?",
        "Answers",
        "Answer by neap (accepted) · 2026-10-01T09:00:00+00:00",
        "Both: when the sun and moon line up, their pulls add.",
        "---",
        "Answer by flood",
        "Only the moon.",
    ]


def test_a_story_declaring_its_comments_in_json_ld_is_still_the_story() -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour basin '
        'to be dredged", "comment": [{"@type": "Comment", "text": "About time too.", '
        '"author": "old_salt"}]}'
    )
    page = declaring(ld).replace(
        '<div id="app"></div>', "<article>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>"
    )
    assert lines(extract_article(page, "https://harbour.example/dredging")) == STORY


def test_declared_html_is_read_as_a_page_shows_it() -> None:
    answer = (
        "<p>Both pull.</p><script>steal()<\\/script><p hidden>Hidden from readers.</p>"
        "<p style='display:none'>Nor this.</p><p>\\u001b[31mNo colour codes.</p>"
    )
    ld = (
        '{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Spring tides?", '
        '"text": "Why are they high?", "acceptedAnswer": {"@type": "Answer", "author": "neap", '
        f'"text": "{answer}"}}}}}}'
    )
    article = extract_article(declaring(ld), "https://qa.example/q/2")
    assert lines(article)[-2:] == ["Both pull.", "No colour codes."]
    assert "\x1b" not in to_text(article)


def test_a_site_on_a_discussion_sites_software_is_named_as_it_names_itself() -> None:
    """A site run on Hacker News's software prints its own name in the masthead ("Quayside
    News"); one on Lobsters' declares it (og:site_name): each is cited by that name, not by
    the software's (acc49b B4: "Hacker News" for every page of that shape)."""
    html = (DATA / "discussion-hacker-news-item.html").read_text(encoding="utf-8")
    article = extract_article(html.replace("Hacker News", "Quayside News").encode(), "")
    assert article.site_name == "Quayside News"
    html = (DATA / "discussion-lobsters-story.html").read_text(encoding="utf-8")
    declared = '<meta property="og:site_name" content="Pebbles">\n<title>'
    article = extract_article(html.replace("<title>", declared, 1).encode(), "")
    assert article.site_name == "Pebbles"
