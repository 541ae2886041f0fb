"""newsboat's next-feed / prev-feed (acc27b B7): `J` / `K` in the headlines or the feed list show
the next / previous feed's headlines, round the ends, on the synced demo data with Pilot; they
can be moved in `[keys]`, and every fault of a `[keys]` section is told in one run."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.keymap import KeyMap
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.test_catch_up_keys import choose_feed
from tests.test_cli import reader
from tests.tui_pilot import notices_raised, running, table


def test_J_and_K_step_through_the_feeds_round_the_ends(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            urls = [feed.url for feed in app.index.feeds]
            assert len(urls) == 3
            await pilot.press("J")  # from "All feeds": the first feed
            await pilot.pause()
            assert screen.feed_url == urls[0] == screen.query_one(FeedList).selected_url
            assert {h.entry.feed_url for h in table(app).rows} == {urls[0]}
            await pilot.press("J", "J")
            await pilot.pause()
            assert screen.feed_url == urls[2]
            raised = notices_raised(app)  # kept past the toast's own 2 s, at any load
            await pilot.press("J")  # round the end
            await pilot.pause()
            assert screen.feed_url == urls[0]
            assert any("Round to the first feed" in note for note in raised)
            await pilot.press("K")
            await pilot.pause()
            assert screen.feed_url == urls[2]
            assert isinstance(screen.focused, HeadlineTable)
            # The cursor on the first unread headline of the feed shown.
            first = table(app).rows[0]
            app.toggle_read(first.entry)
            await pilot.press("K", "J")
            await pilot.pause()
            assert screen.feed_url == urls[2]
            assert table(app).current is not None and table(app).current.entry.id != first.entry.id
            # From the feed list too.
            await choose_feed(pilot, 0)
            await pilot.press("tab", "J")
            await pilot.pause()
            assert isinstance(screen.focused, FeedList)
            assert screen.feed_url == urls[1] == screen.query_one(FeedList).selected_url

    asyncio.run(run())


def test_next_feed_takes_keys_of_ones_own(synced_dir: Path) -> None:
    keymap = KeyMap({"next_feed": ("ctrl+j",), "previous_feed": ("ctrl+k",)})
    bindings = keymap.remap(MainScreen._merged_bindings)  # type: ignore[arg-type]
    assert bindings is not None
    assert [b.action for b in bindings.key_to_bindings["ctrl+j"]] == ["step_feed(1)"]
    assert [b.action for b in bindings.key_to_bindings["ctrl+k"]] == ["step_feed(-1)"]
    assert "J" not in bindings.key_to_bindings


def test_every_fault_of_keys_is_told_in_one_run(data_dir: Path) -> None:
    """A newsboat user's `[keys]` met its clashes one run at a time (N, then Ctrl-B…): each is
    a line now, and still nothing is applied."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(
        '[keys]\ntoggle_read = ["N"]\nbookmark = "b"\npage_up = "pageup"\nsave = "ctrl+b"\n'
        'open_in_browser = "ctrl+q"\n',
        encoding="utf-8",
    )
    for command in ((), ("config",)):
        result = reader(data_dir, *command)
        assert result.returncode == 78, result
        assert result.stdout == ""
        warning, *lines = result.stderr.splitlines()
        assert len(lines) == 2, result.stderr
        where = f"reader: bad setting in {data_dir / 'config.toml'}: "
        assert all(line.startswith(where) for line in lines)
        # An action of newsboat's, not this reader's: left out with a warning (test_newer_keys).
        assert (
            warning.startswith("reader: warning: ") and "keys.bookmark: no such action" in warning
        )
        (n_line,) = [line for line in lines if '"N"' in line]
        assert "would do toggle_read, previous_match and previous_unread" in n_line
        assert n_line.endswith("give toggle_read another key")
        assert "Ctrl-B" not in result.stderr  # page_up moved off it: no clash
        assert any('"Ctrl-Q" would do both quit and open_in_browser' in line for line in lines)
