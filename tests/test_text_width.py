"""`[ui] text_width`: the widest the reading view's text column gets (80 by default), and how
far into an article the view is, at the status line's right end ("42% · 4 min left"). Driven
with Pilot on the synced demo data, its config file written as a user would."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App

from reader.config import ConfigError, load_config
from reader.extract import extract_article
from reader.models import Article
from reader.ui.app import ReaderApp
from tests.tui_pilot import notices, open_titled, reading, resize, screen_text, until

SENTENCE = (
    "The estuary trust counted the wading birds on the new marsh every week of the winter, "
    "and each count was higher than the one before it. "
)
LONG = (
    "<html lang='en'><head><title>Salt marsh</title></head><body><article><h1>Salt marsh</h1>"
    + "".join(f"<p>{SENTENCE * 4}</p>" for _ in range(60))
    + "</article></body></html>"
)


def _long() -> Article:
    return extract_article(LONG, "http://127.0.0.1:8/marsh.html")


def _right_end(app: App[object]) -> str:
    """What the status line (the screen's last line but the key bar) says at its right end."""
    status = screen_text(app).splitlines()[-2]
    return status.rstrip().rsplit("  ", 1)[-1].strip()


def _widest(lines: list[str]) -> int:
    return max(len(line.rstrip()) for line in lines)


@pytest.mark.parametrize(("setting", "widest"), [("", 80), ("text_width = 60\n", 60)])
def test_the_text_column_is_as_wide_as_the_config_says(
    synced_dir: Path, setting: str, widest: int
) -> None:
    path = synced_dir / "config.toml"
    path.write_text(f"[ui]\n{setting}")
    app = ReaderApp(synced_dir, refresh_on_start=False, config=load_config(path))

    async def run() -> None:
        async with app.run_test(size=(140, 30)) as pilot:
            body = await open_titled(pilot, "£412m budget")
            body.show_article(app.screen.headline.entry, _long())  # type: ignore[attr-defined]
            await pilot.pause()
            assert widest - 4 <= _widest(body.lines) <= widest
            # Centred on the screen: as much room on its left as on its right.
            shown = [line for line in screen_text(app).splitlines() if "wading" in line]
            margin = min(len(line) - len(line.lstrip()) for line in shown)
            assert abs(margin - (140 - margin - _widest(body.lines))) <= 6

    asyncio.run(run())


def test_how_far_in_an_article_the_view_is_is_at_the_status_lines_end(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30), notifications=True) as (
            app,
            pilot,
            body,
        ):
            article = _long()
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            app.screen._show_how_far()  # as the article's loading does
            await pilot.pause()
            minutes = round(article.word_count / 230)
            assert minutes >= 4
            # At its top, nothing read: the header's "N min read" all left (acc32a A7), in a
            # taller view too.
            first = _right_end(app)
            assert first == f"0% · {minutes} min left", first
            _percent, left = first.split(" · ")
            await resize(pilot, 100, 45)
            taller = _right_end(app)
            assert taller == first, taller
            await pilot.press("space", "space", "space")
            await pilot.pause()
            later = _right_end(app)
            assert int(later.split("%")[0]) > int(taller.split("%")[0])
            assert int(later.split(" · ")[1].split()[0]) < int(left.split()[0])
            await pilot.press("G")
            await pilot.pause()
            assert _right_end(app) == "100%"
            # A notice takes a row of its own above the line, the ruler whole under it: drawn
            # over the line's end, the ruler's last letters showed past it ("▌ Marked as
            # unread. t", acc32a A6), and a screen reader read both as one line (acc42a A6).
            # Shown till the picture is taken: its own 5 s ran out before it on a loaded machine.
            app.NOTIFICATION_TIMEOUT = 3600
            await pilot.press("m")
            await until(pilot, lambda: bool(notices(app)), "the notice")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert lines[-3].strip() == notices(app)[-1], lines[-3:]
            assert lines[-2].rstrip().endswith(" 100%"), lines[-2]

    asyncio.run(run())


def test_a_text_width_too_narrow_or_not_a_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    for value in ("20", '"wide"', "true"):
        path.write_text(f"[ui]\ntext_width = {value}\n")
        with pytest.raises(ConfigError, match=r"ui\.text_width must be a whole number"):
            load_config(path)
    path.write_text("[ui]\ntext_width = 66\n")
    assert load_config(path).text_width == 66
