"""An item its feed dates over an hour ahead of when it was first read (an embargo's date, a
story timed for later that evening, a typo's year): one stable rule (acc43c C3). It is listed
as of when it was first read, for good: neither a later refresh nor a clock a day fast, then
set right, moves it (the +2 days story wandered up the list at each); the 23:30 story no longer
sits above the evening's news for hours. The date the feed claims is kept apart and said
wherever the item is shown whole: `reader show` ("the feed dates it …"), its JSON and
`reader list --json` ("claimed"), the reading view's header. The syncs run as processes, one
under a real wrong clock (faketime), the feed served on 127.0.0.1 on the right one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from served_feed import story_page

NOW = datetime.now(UTC).replace(microsecond=0)
STORIES = {
    "Harbour board meets": NOW - timedelta(minutes=5),
    "Late edition: ferry strike called off": NOW + timedelta(hours=3, minutes=47),
    "Embargoed: budget figures": NOW + timedelta(days=2),
    "Typo of a year": NOW + timedelta(days=365),
    "A clock a few minutes apart": NOW + timedelta(minutes=20),
}


def serve(server: HTTPServer) -> str:
    for n, title in enumerate(STORIES):
        server.expect_request(f"/{n}").respond_with_data(
            story_page(title), content_type="text/html"
        )
    items = "".join(
        f"<item><title>{title}</title><link>{server.url_for(f'/{n}')}</link><guid>{n}</guid>"
        f"<description>The desk's words on it.</description>"
        f"<pubDate>{format_datetime(when)}</pubDate></item>"
        for n, (title, when) in enumerate(STORIES.items())
    )
    server.expect_request("/dated.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Dated Desk</title>'
        f"{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/dated.xml")


def reader(
    home: Path, *args: str, clock: str = "+0", status: int = 0
) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` on `home` as a process under faketime's `clock` (an offset), exiting with
    `status`."""
    done = subprocess.run(
        ["faketime", "-f", clock, sys.executable, "-m", "reader", *args],
        env={**os.environ, "READER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == status, done.stderr
    return done


def listed(home: Path) -> dict[str, dict[str, Any]]:
    return {row["title"]: row for row in json.loads(reader(home, "list", "--json").stdout)}


def test_an_item_dated_ahead_is_listed_as_first_read_for_good(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    home = tmp_path / "home"
    url = serve(httpserver)
    started = datetime.now(UTC).replace(microsecond=0)
    reader(home, "add", url)
    first = listed(home)
    for title in ("Late edition: ferry strike called off", "Embargoed: budget figures"):
        row = first[title]
        at = datetime.fromisoformat(row["published"])
        assert started - timedelta(seconds=1) <= at <= datetime.now(UTC), (title, at)
        assert datetime.fromisoformat(row["claimed"]) == STORIES[title], title
    assert datetime.fromisoformat(first["Typo of a year"]["claimed"]).year == NOW.year + 1
    # Within the hour, and behind: as the feed dates them, nothing claimed.
    for title in ("Harbour board meets", "A clock a few minutes apart"):
        assert datetime.fromisoformat(first[title]["published"]) == STORIES[title]
        assert first[title]["claimed"] is None
    # The newest first: the story dated 20 minutes on, not the 23:30 one above the news.
    order = list(json.loads(reader(home, "list", "--json").stdout))
    assert order[0]["title"] == "A clock a few minutes apart"

    # A clock a day fast, then set right, then refreshes as the claimed days come: never moved.
    for clock in ("+1d", "+0", "+3d", "+0"):
        reader(home, "sync", "--no-articles", clock=clock)
        assert listed(home) == first, clock


def test_show_and_its_json_say_the_date_the_feed_claims(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    home = tmp_path / "home"
    reader(home, "add", serve(httpserver))
    item = listed(home)["Embargoed: budget figures"]
    claimed = STORIES["Embargoed: budget figures"].isoformat(timespec="seconds")
    # Not cached (no sync yet): the feed's text shown, exit 1, the note under its header.
    shown = reader(home, "show", "--offline", item["id"], status=1).stdout
    assert (
        f"Note: the feed dates it {claimed}, over an hour after it was first read: listed as"
        " of then"
    ) in shown
    data = json.loads(
        reader(home, "show", "--offline", "--format", "json", item["id"], status=1).stdout
    )
    assert data["claimed"] == claimed
    other = listed(home)["Harbour board meets"]
    data = json.loads(
        reader(home, "show", "--offline", "--format", "json", other["id"], status=1).stdout
    )
    assert data["claimed"] is None


def test_the_reading_view_says_the_date_the_feed_claims(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    import asyncio

    from reader.ui.display import long_date
    from tests.tui_pilot import open_titled, running, screen_text

    home = tmp_path / "home"
    reader(home, "add", serve(httpserver))
    claimed = long_date(STORIES["Embargoed: budget figures"])

    async def read() -> None:
        async with running(home, (120, 30), prefetch=False) as (app, pilot):
            await open_titled(pilot, "Embargoed: budget figures")
            assert f"the feed dates it {claimed}" in screen_text(app)

    asyncio.run(read())
