"""A podcast episode's page cites the podcast it is an episode of (acc21b F6): JSON-LD's
PodcastEpisode names its series (`partOfSeries`, or a PodcastSeries it `isPartOf`), and the
citation's Source gives it before the station, as Chicago cites an episode ("*High Country*
(podcast)") and APA names it ("In *High Country*"). Real parts: the page extracted as `reader
extract` reads it, and served, synced and shown in the reading view."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from reader.citation import cited_source, header_lines
from reader.codec import article_to_json
from reader.extract import extract_file
from tests.tui_pilot import reading, subscribe_to_page

URL = "https://radio.example.org/podcasts/tideline/2026-11-30/episode-41-the-lock-keeper"
TITLE = "Episode 41: The lock keeper"
SERIES = {"@type": "PodcastSeries", "name": "Tideline", "url": "https://radio.example.org/tideline"}


def episode_page(ld: Any, site: str = "Estuary Public Radio") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Tideline | {site}</title>
<meta property="og:site_name" content="{site}">
<script type="application/ld+json">{json.dumps(ld)}</script></head><body>
<header><a href="/">{site}</a><a href="/donate/">Donate</a></header>
<main><div class="episode"><p class="series"><a href="/tideline">Tideline</a></p>
<h1>{TITLE}</h1><p class="meta">Hosted by Ros Penhale · November 30, 2026 · 31 min</p>
<audio controls src="https://media.radio.example.org/tl/tl041.mp3"></audio>
<div class="episode-notes"><p>The canal trust will automate the last staffed lock on the
river next spring. Ros spends a morning with the keeper, who has worked the gates since 1989.</p>
</div><h2>Transcript</h2><div class="transcript">
<p><strong>ROS PENHALE:</strong> The gates at Polmear take four minutes to open by hand, and
Derek Vosper has opened them perhaps ninety thousand times.</p>
<p><strong>DEREK VOSPER:</strong> You feel the water through the beam. A sensor won't tell you
when a branch is caught under the sill.</p>
<p><strong>ROS PENHALE:</strong> From April, boaters will press a button on a post. I'm Ros
Penhale, and this is Tideline.</p></div></div></main></body></html>"""


def episode(**more: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": TITLE,
        "datePublished": "2026-11-30",
        "author": {"@type": "Person", "name": "Ros Penhale"},
        **more,
    }


def source_line(page: str) -> str:
    article = extract_file(page.encode(), URL)
    return next(line for line in header_lines(article) if line.startswith("Source: "))


@pytest.mark.parametrize(
    "ld",
    [
        episode(partOfSeries=SERIES),
        # The series by its `@id` in a graph, as Yoast and podcast hosts write it.
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@id": "#series", **SERIES},
                episode(partOfSeries={"@id": "#series"}),
            ],
        },
        episode(isPartOf=[{"@type": "WebPage", "name": "Episodes"}, SERIES]),
    ],
)
def test_an_episodes_citation_names_its_podcast_before_the_station(ld: Any) -> None:
    page = episode_page(ld)
    assert source_line(page) == "Source: Tideline (podcast), Estuary Public Radio"
    article = extract_file(page.encode(), URL)
    shown = article_to_json(article)
    assert shown["podcast"] == "Tideline" and shown["site_name"] == "Estuary Public Radio"


def test_a_podcasts_own_site_is_named_once() -> None:
    assert source_line(episode_page(episode(partOfSeries=SERIES), "Tideline")) == (
        "Source: Tideline (podcast)"
    )


@pytest.mark.parametrize(
    "ld",
    [
        episode(),
        # A season, or the page the episode is on, is no podcast.
        episode(isPartOf={"@type": "PodcastSeason", "name": "Season 3"}),
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE},
    ],
)
def test_a_page_naming_no_series_cites_its_site_alone(ld: Any) -> None:
    page = episode_page(ld)
    assert source_line(page) == "Source: Estuary Public Radio"
    assert extract_file(page.encode(), URL).podcast == ""


def test_the_reading_view_and_y_cite_the_podcast(data_dir: Path) -> None:
    from tests.test_quoted_markdown import copied_by, copies

    subscribe_to_page(data_dir, episode_page(episode(partOfSeries=SERIES)), "Tideline", TITLE)

    async def run() -> tuple[str, list[str]]:
        async with reading(data_dir, "lock keeper", (120, 40)) as (app, pilot, body):
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            return body.text.splitlines()[1], copied

    meta, copied = asyncio.run(run())
    assert meta.startswith("Tideline (podcast), Estuary Public Radio · Ros Penhale"), meta
    assert copied and "Source: Tideline (podcast), Estuary Public Radio" in copied[-1]


def test_cited_source_of_an_article_without_a_podcast_is_its_site() -> None:
    article = extract_file(episode_page(episode()).encode(), URL)
    assert cited_source(article) == article.site_name == "Estuary Public Radio"
