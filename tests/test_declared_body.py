"""A page built by scripts is read from the `articleBody` its JSON-LD declares: the whole text,
as the page's own (not partial), when the HTML gives little; never behind a paywall's mark."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import reader

from reader.extract import ONLY_ITS_SUMMARY, extract_article, to_markdown, to_text
from reader.models import BlockKind, FetchError

URL = "https://news.example.com/2026/11/ferry.html"
PARAGRAPHS = [
    "The harbour ferry ran again on Tuesday after two days in which fog kept every boat at "
    "its mooring and left commuters on the islands to work from home or not at all.",
    "The operator said the new radar fitted to its two older boats had made the difference, "
    "letting crews see the channel markers that the fog had hidden from the bridge.",
    "Passengers queued from six in the morning, and the first crossing left eleven minutes "
    "late with every seat taken and bicycles stacked along the rail.",
]
SHELL = '<div id="app"><div class="loading">Loading…</div></div>'


def page(*objects: dict[str, Any], body: str = SHELL) -> bytes:
    # "</" would end the script early; JSON allows the slash escaped.
    payloads = (json.dumps(o).replace("</", "<\\/") for o in objects)
    scripts = "".join(f'<script type="application/ld+json">{p}</script>' for p in payloads)
    return (
        f"<!doctype html><html><head><title>Ferry runs again</title>{scripts}</head>"
        f"<body>{body}<script src='/app.js'></script></body></html>"
    ).encode()


def news(article_body: Any, **more: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry runs again after two days of fog",
        "author": {"@type": "Person", "name": "Ana Ruiz"},
        "articleBody": article_body,
        **more,
    }


def paragraphs(article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == BlockKind.PARAGRAPH]


def test_a_script_built_page_is_read_from_its_declared_body() -> None:
    article = extract_article(page(news("\n\n".join(PARAGRAPHS))), URL)
    assert paragraphs(article) == PARAGRAPHS
    assert not article.partial  # the page's own text, all of it
    assert "Loading" not in to_text(article)
    assert article.author == "Ana Ruiz"


def test_paragraphs_parted_by_line_breaks_and_given_as_a_list() -> None:
    by_lines = extract_article(page(news("\n".join(PARAGRAPHS))), URL)
    assert paragraphs(by_lines) == PARAGRAPHS
    as_list = extract_article(page(news(PARAGRAPHS)), URL)
    assert paragraphs(as_list) == PARAGRAPHS


def test_a_body_declared_as_html_keeps_its_structure_and_links() -> None:
    body = (
        f"<p>{PARAGRAPHS[0]}</p><h2>What changed</h2><p>{PARAGRAPHS[1]} "
        '<a href="/radar.html">The radar</a> cost £40,000.</p>'
        "<ul><li>Two boats refitted</li><li>One still waiting</li></ul>"
        f"<script>steal()</script><p>{PARAGRAPHS[2]}</p>"
    )
    article = extract_article(page(news(body)), URL)
    kinds = [b.kind for b in article.blocks]
    assert BlockKind.HEADING in kinds and BlockKind.LIST_ITEM in kinds
    markdown = to_markdown(article)
    assert "[The radar](<https://news.example.com/radar.html>)" in markdown
    assert "steal" not in markdown


def test_text_escaped_twice_reads_right_and_markup_stays_text() -> None:
    text = (
        "That&#039;s the first crossing since Sunday, and the operator&rsquo;s crews "
        "worked through the night on both older boats. "
        "[bold]Not markup[/bold] and <b>not a tag</b> either, says the harbour master, "
        "who watched every boat leave from the pier at the end of the quay."
    )
    article = extract_article(page(news(text)), URL)
    shown = to_text(article, header=False)
    assert "That's the first crossing" in shown and "operator’s crews" in shown
    assert "[bold]Not markup[/bold]" in shown and "<b>not a tag</b>" in shown


def test_control_characters_in_the_declared_body_are_removed() -> None:
    hostile = PARAGRAPHS[0] + "\x1b]0;owned\x07\x1b[31m red\u202e"
    article = extract_article(page(news([hostile, *PARAGRAPHS[1:]])), URL)
    shown = to_text(article)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "owned" not in shown  # the whole sequence went, not only its ESC
    assert "not at all. red" in shown


def test_a_paywalled_body_is_not_read_and_the_feed_is_the_fallback() -> None:
    summary = "<p>The ferry runs again after two days of fog.</p>"
    for marked in (
        news(PARAGRAPHS, isAccessibleForFree=False),
        news(PARAGRAPHS, isAccessibleForFree="False"),
        news(
            PARAGRAPHS,
            hasPart={"@type": "WebPageElement", "isAccessibleForFree": "false"},
        ),
    ):
        article = extract_article(page(marked), URL, fallback_html=summary)
        assert article.partial
        assert (
            to_text(article, header=False).strip() == "The ferry runs again after two days of fog."
        )


def test_a_short_declared_body_does_not_replace_the_page_article() -> None:
    """Some sites declare only the first sentence: the page's HTML article, with its links,
    stays."""
    html_body = "<article>" + "".join(
        f'<p>{p} <a href="/more-{i}.html">More</a></p>' for i, p in enumerate(PARAGRAPHS)
    )
    html_body += "</article>"
    article = extract_article(page(news(PARAGRAPHS[0]), body=html_body), URL)
    assert "https://news.example.com/more-2.html" in to_markdown(article)


def test_a_declared_body_far_longer_than_the_page_teaser_replaces_it() -> None:
    """The page shows a first paragraph and a "Read more" button its script expands; the
    declared text is the whole story."""
    long = [f"{p} Paragraph {i} of the story goes on." for i in range(8) for p in PARAGRAPHS]
    teaser = f"<article><p>{PARAGRAPHS[0]}</p><button>Read more</button></article>"
    article = extract_article(page(news(long), body=teaser), URL)
    assert paragraphs(article) == long
    assert not article.partial


def test_a_declared_body_in_a_graph_is_found() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour Gazette"},
            news("\n\n".join(PARAGRAPHS)),
        ],
    }
    assert paragraphs(extract_article(page(graph), URL)) == PARAGRAPHS


def test_a_site_rule_body_is_not_replaced() -> None:
    from reader.models import SiteRule

    rule = SiteRule(body="#app")
    article = extract_article(page(news(PARAGRAPHS)), URL, site_rule=rule)
    assert to_text(article, header=False).strip() == "Loading…"


def test_the_demos_script_built_story_reads_whole_in_the_reader(synced_dir: Path) -> None:
    """Synced from the demo server, where one Northwind story is a script's empty shell: the
    reader shows the whole story from the cache, not the feed's one-line summary."""
    from tests.tui_pilot import reading, screen_text

    async def run() -> None:
        async with reading(synced_dir, "Stratus Cloud restores", (100, 40)) as (app, _, body):
            assert body.article is not None and not body.article.partial
            shown = screen_text(app)
            assert "Hundreds of apps that keep images" in shown
            assert "Update, 1:05 p.m. ET: Stratus has promised" in shown
            assert "From the feed" not in shown and "Loading" not in shown

    asyncio.run(run())


def noscript_page(article_html: str, visible: str = "", head: str = "") -> str:
    return (
        f"{head}<!doctype html><html><head><title>Ferry timetable cut | Island Times</title>"
        f'</head><body><div id="app">{visible}</div><script src="/app.js"></script>'
        f"<noscript>{article_html}</noscript></body></html>"
    )


def test_a_page_built_by_scripts_reads_as_a_browser_without_scripts_shows_it() -> None:
    """Its article is in the `<noscript>` a browser with scripts off shows in their place."""
    article_html = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    for page in (
        noscript_page(article_html),
        noscript_page(article_html, head='<?xml version="1.0" encoding="utf-8"?>'),
    ):
        article = extract_article(page, URL)
        assert paragraphs(article) == PARAGRAPHS and not article.partial
    # Where the page shows its article, a <noscript> is what it always was: nothing to show.
    shown = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    twice = extract_article(noscript_page(article_html, visible=shown), URL)
    assert paragraphs(twice) == PARAGRAPHS
    nagging = noscript_page("<p>Please turn on JavaScript.</p><p>It is off.</p>", visible=shown)
    assert "JavaScript" not in to_text(extract_article(nagging, URL))


def test_a_turn_on_javascript_notice_is_no_article() -> None:
    """A script's shell whose <noscript> only asks for JavaScript: the feed's text, as before."""
    notice = (
        "<p>You need to enable JavaScript to run this app.</p>"
        "<p>Please enable JavaScript in your browser settings and reload the page.</p>"
    )
    summary = "<p>" + " ".join(PARAGRAPHS) + "</p>"
    article = extract_article(noscript_page(notice), URL, fallback_html=summary)
    assert article.partial and "JavaScript" not in to_text(article)
    # A long one, two paragraphs of reasons to turn scripts on: still no article.
    long_notice = notice + (
        "<p>We use JavaScript to load the stories, the pictures and the comments of this site, "
        "to keep you signed in and to show the live scores. Without it, the site cannot show "
        "you anything at all. Here is how to turn it on in the browser you are using.</p>"
    )
    article = extract_article(noscript_page(long_notice), URL, fallback_html=summary)
    assert article.partial and "JavaScript" not in to_text(article)
    # On a short story the page shows, the notice isn't added either.
    short = noscript_page(notice, visible="<article><p>Ferry cancelled today.</p></article>")
    assert "JavaScript" not in to_text(extract_article(short, URL))


def test_a_script_built_page_with_only_a_summary_reads_as_that_summary_and_says_so(
    httpserver, tmp_path: Path
) -> None:
    """Read where no feed gives its text (`reader show URL`), a page scripts build whose
    JSON-LD declares no body: the summary it declares for link previews, said to be only that
    (an article in part, not fetched again); a slogan-length one is no article."""
    summary = (
        "The harbour authority will stop printing its tide tables next year, moving them to "
        "an app that fishermen say fails at sea."
    )
    html = (
        "<html><head><title>Tide tables go digital | Harbour Gazette</title>"
        f'<meta property="og:description" content="{summary}">'
        '</head><body><div id="root"></div><script src="/app.js"></script></body></html>'
    )
    article = extract_article(html, "https://gazette.example/tides")
    assert to_text(article).strip().endswith(summary)
    assert article.incomplete == ONLY_ITS_SUMMARY and article.incomplete_for_good
    with pytest.raises(FetchError, match="no article text found"):
        extract_article(html.replace(summary, "News you can trust."), "https://x.example/a")

    httpserver.expect_request("/summary-only/tides").respond_with_data(
        html, content_type="text/html"
    )
    home, address = tmp_path / "home", httpserver.url_for("/summary-only/tides")
    shown = reader(home, "show", address)
    assert (shown.returncode, shown.stderr) == (0, "")
    assert summary in shown.stdout and ONLY_ITS_SUMMARY in shown.stdout
    offline = reader(home, "show", address, "--offline")
    assert offline.returncode == 0 and summary in offline.stdout
