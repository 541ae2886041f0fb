"""A Japanese (or Chinese) text is counted by the character, as its writers count it (字数):
the header, the passage's status line and `--format json` say so, "characters", not "words"
(acc27a A32). Real parts: the page served on 127.0.0.1, fetched, extracted and cached, read in
the app with Pilot and by the CLI as a subprocess."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.tui_pilot import reading, screen_text, status, subscribe_to_page

TITLE = "港の浚渫工事、費用が倍に"
PAGE = f"""<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>{TITLE} | 沿岸新聞</title></head><body><article><h1>{TITLE}</h1>
<p>港湾局は昨年春、理事会の議決を経ずに浚渫工事の契約を倍に増やしていたことが、本紙が入手した
資料で分かった。</p>
<p>会議に出席した議員によると、第二期工事について説明はなく、議事録にも記載はない。港湾局は
「通常の延長であり、年次報告で公表している」と説明している。</p>
<p>専門家は、議決を経ない契約の変更は規則に反する可能性があると指摘しており、監査委員会が
経緯を調べる方針だ。</p>
</article></body></html>"""


def test_a_japanese_article_s_length_is_said_in_characters(data_dir: Path) -> None:
    subscribe_to_page(data_dir, PAGE, "沿岸新聞", TITLE)

    async def run() -> tuple[str, str]:
        async with reading(data_dir, "浚渫", (100, 30)) as (app, pilot, _body):
            header = " ".join(screen_text(app).split())
            await pilot.press("v")
            await pilot.pause()
            return header, status(app)

    header, passage = asyncio.run(run())
    assert re.search(r"\b\d+ characters\b", header) and " words" not in header
    assert re.match(r"Passage of 1 sentence, \d+ characters", passage), passage

    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    listed = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--ids"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout.split()
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "show", listed[0], "--offline", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    data = json.loads(shown)
    assert data["word_count"] > 100 and data["word_count_unit"] == "characters"


def test_what_a_count_is_of() -> None:
    from reader.word_count import count_unit

    assert count_unit("The harbour board doubled the contract.") == "words"
    assert count_unit("港湾局は昨年春、契約を倍に増やした。") == "characters"
    # Korean writes spaces between its words; a Japanese name in an English text is a word.
    assert count_unit("항만청은 지난봄 계약을 두 배로 늘렸다.") == "words"
    assert count_unit("The minister, 山田太郎, said the port would reopen next month.") == "words"


def test_reextract_says_characters_of_a_japanese_article_it_cut_short(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site rule that drops too much: `reextract` names the article cut short, counted as
    its reading view counts it."""
    from reader.cli import main

    page = PAGE.replace("<p>", '<p class="lead">', 1)
    httpserver.expect_request("/story.html").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/story.html")
    home = tmp_path / "home"
    assert main(["--data-dir", str(home), "show", url]) == 0
    (home / "config.toml").write_text(
        '[sites."localhost"]\ndrop = ["article p:not(.lead)"]\n', encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["--data-dir", str(home), "reextract", "--all"]) == 0
    said = capsys.readouterr().err.splitlines()[0]
    assert re.fullmatch(rf"much shorter now: {re.escape(url)}: \d+ → \d+ characters", said), said
