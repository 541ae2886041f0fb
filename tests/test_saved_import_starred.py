"""FreshRSS's "export starred articles" and Inoreader's JSON (Google Reader's stream shape)
imported as saved links (acc43a A5: refused as "not an OPML file"): each link saved, its
title, labels as tags, read state and publication time kept. Pages on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from tests.test_saved_import import ADDED, _saved, _serve
from tests.test_saved_links import cli


def _item(url: str, title: str, categories: list[str], canonical: bool) -> dict[str, object]:
    ref = [{"href": url, "type": "text/html"}]
    return {
        "id": f"tag:google.com,2005:reader/item/{abs(hash(url)):016x}",
        "crawlTimeMsec": "1764568800000",
        "timestampUsec": "1764568800000000",
        "published": ADDED,
        "title": title,
        "author": "Kerensa Vosper",
        **({"canonical": ref} if canonical else {"alternate": ref}),
        "categories": ["user/-/state/com.google/starred", *categories],
        "origin": {"streamId": "feed/http://127.0.0.1/feed.xml", "title": "Harbour News"},
        "summary": {"content": "<p>The first boats left.</p>"},
    }


def test_freshrss_starred_articles_are_saved_with_labels_and_read_state(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = _serve(httpserver)
    export = tmp_path / "starred.json"
    export.write_text(
        json.dumps(
            {
                "id": "user/-/state/com.google/starred",
                "title": "Starred articles",
                "author": "researcher",
                "items": [
                    _item(
                        urls["season"],
                        "The last season (FreshRSS)",
                        ["user/-/state/com.google/read", "user/-/label/Research"],
                        True,
                    ),
                    _item(urls["tide"], "Tide power", [], False),
                    {"title": "no link", "categories": []},
                ],
            }
        ),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "2 links from an export of starred articles (FreshRSS, Inoreader)" in printed
    records, rows, feeds = _saved(data)
    assert feeds == []
    assert sorted(r.removeprefix("read: ") for r in rows) == ["The last season", "Tide power"]
    assert "read: The last season" in rows
    season = records[article_key(urls["season"])]
    assert season["tags"] == ["Research"]
    assert (
        "tags" not in records[article_key(urls["tide"])]
        or not records[article_key(urls["tide"])]["tags"]
    )
