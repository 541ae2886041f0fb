"""The network dropping mid-sync, said and handled as it happens (`library.network_hold`): the
articles still to come held while no host takes a connection, not failed, and fetched when the
network comes back; left for the next sync, what came kept, when it does not within
`network_wait`; one host down among live ones failing alone as before. Real sites on several
ports of 127.0.0.1 (tests/dropping_network.py), stopped and started again on the same ports;
each test waits on the sync's own word that the network went, never on a pause."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.cli import main
from reader.config import Config, FetchLimits, load_config
from reader.errors import FetchError
from reader.library import Library
from reader.reports import SyncProgress, SyncReport
from reader.ui.app import ReaderApp
from tests.dropping_network import DroppingNetwork
from tests.tui_pilot import WAIT, running, until

LIMITS = FetchLimits(retries=1, backoff=0.01, network_wait=WAIT)


def _subscribe(data: Path, net: DroppingNetwork) -> None:
    async def go() -> None:
        async with Library(data, limits=LIMITS) as lib:
            for url in net.feed_urls():
                lib.add_feed(url)

    asyncio.run(go())


def _sync(
    data: Path,
    limits: FetchLimits,
    heard: list[SyncProgress],
    went: Callable[[], None],
    feeds_in: tuple[int, Callable[[], None]] = (0, lambda: None),
) -> tuple[SyncReport, set[str]]:
    """A sync of `data`, its progress kept in `heard`, `went` called the first time it says
    the network went, and `feeds_in`'s call once so many feeds are in; the report, and the
    keys cached after it."""

    async def go() -> tuple[SyncReport, set[str]]:
        said = False

        def progress(p: SyncProgress) -> None:
            nonlocal said
            heard.append(p)
            if feeds_in[0] and p.feeds_done == feeds_in[0] and not said:
                feeds_in[1]()
            if p.network_went is not None and not said:
                said = True
                went()

        async with Library(data, limits=limits) as lib:
            report = await lib.sync(progress=progress)
            return report, lib.store.article_keys()

    return asyncio.run(go())


def _synced_across(
    tmp_path: Path, drop: Callable[[DroppingNetwork], None], feeds_in: int = 0
) -> tuple[DroppingNetwork, list[SyncProgress], SyncReport, set[str]]:
    """A sync of three sites' six feeds (30 articles) whose network `drop` drops, back as
    soon as the sync says it went: the sites, the progress heard, the report, the keys
    cached. With `feeds_in`, the network dropped once so many feeds are in."""
    net = DroppingNetwork(hosts=3, feeds=2, stories=5)
    try:
        data = tmp_path / "data"
        _subscribe(data, net)
        drop(net)
        heard: list[SyncProgress] = []
        report, cached = _sync(data, LIMITS, heard, net.back, (feeds_in, net.drop))
    finally:
        net.close()
    return net, heard, report, cached


def test_a_network_drop_then_return_mid_sync_finishes_every_article(tmp_path: Path) -> None:
    """Every site stops after 8 pages (connections refused, those under way cut) and starts
    again on its port once the sync says the network went: every article comes, none was
    ever counted failed, and the live line said the network went, not "N failed"."""
    net, heard, report, cached = _synced_across(tmp_path, lambda net: net.drop_after(8))
    gone = [p for p in heard if p.network_went is not None]
    assert gone, "the live line never said the network went"
    assert re.match(
        r"the network went at \d\d:\d\d: \d+ articles? held until it is back",
        (gone[0].network_line()),
    )
    assert all(p.failures == 0 for p in heard), [p.failures_line() for p in heard if p.failures]
    assert report.article_failures == []
    assert report.articles_fetched == net.articles == len(cached) == 30
    assert report.network_went is None


def test_a_network_drop_amid_the_feeds_holds_them_too(tmp_path: Path) -> None:
    """The sites stop once two feeds of six are in (the others held unanswered till then),
    and start again once the sync says the network went: the feeds still out are asked again
    then (not left "not tried" with their articles never listed), and every article comes."""
    _, heard, report, cached = _synced_across(
        tmp_path, lambda net: net.drop_after_feeds(2), feeds_in=2
    )
    lines = [(p.phase, p.feeds_done, p.articles_done, p.network_line()) for p in heard]
    assert any(p.network_went is not None for p in heard), lines
    assert [(r.feed.url, r.error.message) for r in report.feeds if r.error] == [], lines
    assert report.article_failures == [], lines
    assert len(cached) == 30


def told_anew_across(
    tmp_path: Path, limits: FetchLimits, stall: bool
) -> tuple[list[SyncProgress], SyncReport, set[str], int]:
    """A second sync of three sites' 30 cached stories, each told anew by its feed (updated
    since), the network dropping (`stall`: stalling) 4 pages into asking them again and back
    once the sync says it went: the progress heard, the report, the keys cached after, and the
    pages the second sync was served."""
    net = DroppingNetwork(hosts=3, feeds=2, stories=5)
    try:
        data = tmp_path / "data"
        _subscribe(data, net)
        first, cached = _sync(data, limits, [], lambda: None)
        assert first.articles_fetched == len(cached) == 30
        served = net.pages
        net.revised = datetime.now(UTC) + timedelta(hours=1)
        net.drop_after(served + 4, stall=stall)
        heard: list[SyncProgress] = []
        report, cached = _sync(data, limits, heard, net.back)
    finally:
        net.close()
    return heard, report, cached, net.pages - served


def test_a_network_drop_amid_the_stories_told_anew_holds_them_too(tmp_path: Path) -> None:
    """The sites stop (connections refused) 4 pages into asking again for the stories their
    feeds tell anew, and start again once the sync says the network went. The re-fetches are
    held as first downloads are: none fails, and each is asked again once it is back (the old
    code failed every one refused, "cannot connect to …; the next sync asks again", and never
    said the network went)."""
    heard, report, cached, served = told_anew_across(tmp_path, LIMITS, stall=False)
    failed = [e.message for _, e in report.article_failures]
    assert any(p.network_went is not None for p in heard), failed
    assert failed == []
    assert report.network_went is None
    assert served >= 30  # every story asked again (an answer lost as it went, twice)
    assert len(cached) == 30


def test_a_network_gone_for_good_leaves_the_rest_for_the_next_sync(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sites stop after 8 pages and never come back: `reader sync` waits its
    `network_wait`, then says when the network went and how many articles are left for the
    next sync; what came stays cached, and reading one left offline says why."""
    net = DroppingNetwork(hosts=3, feeds=2, stories=5)
    try:
        data = tmp_path / "data"
        _subscribe(data, net)
        config = tmp_path / "config.toml"
        config.write_text("[network]\nretries = 1\nbackoff = 0.01\nnetwork_wait = 1\n")
        net.drop_after(8)
        args = ["--data-dir", str(data), "--config", str(config)]
        main([*args, "sync"])
        said = capsys.readouterr().err
        served = net.pages
    finally:
        net.close()
    went = re.search(
        r"the network went at \d\d:\d\d \(cannot connect to .*? and 2 more hosts\): "
        r"(\d+) articles left for the next sync; `reader sync` carries on",
        said,
    ) or re.search(
        r"the network went at \d\d:\d\d \(no connection to .*? and 2 more hosts\): "
        r"(\d+) articles left for the next sync; `reader sync` carries on",
        said,
    )
    assert went, said
    assert int(went.group(1)) == 30 - served
    assert " failed (e.g." not in said, said
    cached, why = _kept_and_why_left(data)
    assert cached == served  # every page that came is kept
    assert re.search(r"the network went at \d\d:\d\d: left for the next sync", why), why


def _kept_and_why_left(data: Path) -> tuple[int, str]:
    """After a sync left articles for the next: the articles cached in `data`, and what
    reading the first one left offline says."""

    async def after() -> tuple[int, str]:
        async with Library(data, limits=LIMITS) as lib:
            keys = lib.store.article_keys()
            left = [h.entry for h in lib.headlines() if not lib.store.has_article(h.entry.link)]
            try:
                await lib.article(left[0], offline=True)
            except FetchError as error:
                return len(keys), str(error)
            return len(keys), ""

    return asyncio.run(after())


def test_one_host_down_among_live_ones_is_that_hosts_failure_not_the_networks(
    tmp_path: Path,
) -> None:
    """One site of three stops mid-sync, the others answering: no hold (the live line never
    says the network went), that host's articles fail as its own outage, the rest come."""
    net = DroppingNetwork(hosts=3, feeds=2, stories=5)
    try:
        data = tmp_path / "data"
        _subscribe(data, net)
        down = net.sites[0]
        net.drop_after(4, [down])
        heard: list[SyncProgress] = []
        report, cached = _sync(data, LIMITS, heard, lambda: None)
    finally:
        net.close()
    assert all(p.network_went is None for p in heard)
    told, _ = report.told_failures()
    assert [o.network for o in told] == [False], told
    assert told[0].hosts == (f"127.0.0.1:{down.port}",)
    assert {host for host in {f.url.split("/")[2] for _, f in report.article_failures}} == {
        f"127.0.0.1:{down.port}"
    }
    assert len(cached) == net.pages
    assert len(cached) + len(report.article_failures) == 30


def _reader_sites(
    tmp_path: Path, wait: float = WAIT, network: str = ""
) -> tuple[DroppingNetwork, Path]:
    """Three sites of two feeds of five articles, subscribed to in a data directory whose
    config waits `wait` seconds for the network (and has `network`'s lines in its [network]):
    the sites, and the directory."""
    net = DroppingNetwork(hosts=3, feeds=2, stories=5)
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(
        f"[network]\nbackoff = 0.01\nnetwork_wait = {wait:g}\n{network}"
    )
    _subscribe(data, net)
    return net, data


def _config(data: Path) -> Config:
    return load_config(data / "config.toml")


async def _synced_into_a_drop(pilot: Pilot[object], app: ReaderApp) -> None:
    """`S` pressed, the network dropping mid-way (`drop_after`): once the status says so."""
    await pilot.press("S")
    await until(pilot, lambda: "the network went at" in app.status, "the network gone")


@pytest.mark.parametrize("stall", [False, True], ids=["drop", "stall"])
def test_the_reader_s_sync_says_the_network_went_and_carries_on_when_it_is_back(
    tmp_path: Path, stall: bool
) -> None:
    """`S` in the reader: the status line says at once that the network went (not a count of
    failures), and once the sites are back the sync ends with every article cached. So too
    when they stall (connections taken, nothing answered: tests/test_network_stall.py), where
    the old code gave every host up one by one ("N left for the next sync")."""
    # Timeouts short enough that a stall is seen soon.
    timeouts = "retries = 1\nread_timeout = 2\ntotal_timeout = 8\n"
    net, data = _reader_sites(tmp_path, network=timeouts if stall else "")
    net.drop_after(8, stall=stall)

    async def run() -> None:
        async with running(data, (200, 20), prefetch=False, config=_config(data)) as (app, pilot):
            await _synced_into_a_drop(pilot, app)
            assert re.match(
                r"Syncing: the network went at \d\d:\d\d: \d+ articles? held until it is back "
                rf"\({WAIT:g} s at most\); Q quits, keeping what came",
                app.status,
            ), app.status
            assert "failed" not in app.status
            net.back()
            await until(pilot, lambda: app.status.startswith("Synced"), "the sync's end")
            assert "30 articles cached for offline" in app.status, app.status
            assert "failed" not in app.status and "went" not in app.status, app.status
            assert "left" not in app.status, app.status

    try:
        asyncio.run(run())
    finally:
        net.close()


def test_q_quits_the_reader_while_its_sync_waits_for_the_network(tmp_path: Path) -> None:
    """`Q` while `S` holds its articles for the network (its wait far longer than the test's):
    the reader quits, not waiting out the hold, and every article cached before stays."""
    net, data = _reader_sites(tmp_path, wait=3 * WAIT)
    net.drop_after(8)
    before: set[str] = set()

    async def run() -> None:
        async with running(data, (200, 20), prefetch=False, config=_config(data)) as (app, pilot):
            await _synced_into_a_drop(pilot, app)
            before.update(app.lib.store.article_keys())
            await pilot.press("Q")
            await until(pilot, lambda: not app.is_running, "the reader to quit")

    async def cached() -> set[str]:
        async with Library(data, limits=LIMITS) as lib:
            return lib.store.article_keys()

    try:
        asyncio.run(run())
        assert before <= asyncio.run(cached())
    finally:
        net.close()


def test_the_refresh_on_opening_holds_its_feeds_while_the_network_is_gone(tmp_path: Path) -> None:
    """The reader opens on a network that drops once two feeds of six are in (the others
    held unanswered till then): the status line says the network went, the feeds still out
    held (not "the network went away during the refresh: 4 feeds not refreshed", or a "!" on
    each), and once it is back every feed comes in."""
    net, data = _reader_sites(tmp_path)
    net.drop_after_feeds(2)

    async def run() -> None:
        app = ReaderApp(data, config=_config(data))
        app.prefetch_limit = 0
        async with app.run_test(size=(200, 20)) as pilot:
            await until(pilot, lambda: "(2 done)" in app.status, "two feeds in")
            net.drop()
            await until(pilot, lambda: "the network went at" in app.status, "the network gone")
            assert re.match(
                r"Refreshing: the network went at \d\d:\d\d: \d feeds? held until it is back",
                app.status,
            ), app.status
            net.back()
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            assert app.status.startswith("Refreshed 6 of 6 feeds"), app.status
            assert "went" not in app.status and "failed" not in app.status, app.status

    try:
        asyncio.run(run())
    finally:
        net.close()
