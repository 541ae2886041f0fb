"""A message that tells which key to press names the key in force: with `refresh` moved in the
config's `[keys]`, the empty list and a refresh that failed say to press the new key, not `r`,
which now does nothing; with `open_in_browser` moved, the note over the feed's text of an article
that could not be had names the new key. The key bar shows the same key, the first one set."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import load_config
from reader.demo.server import start_demo_server
from reader.library import Library
from reader.models import Entry, ErrorKind, Feed, FetchError
from reader.reports import FeedResult, SyncReport
from reader.ui.app import ReaderApp
from reader.ui.app_fill import nothing_came
from reader.ui.app_sync import sync_summary
from reader.ui.dialogs.help import KEYS_IN_TEXT, HelpScreen, keys_shown
from reader.ui.keymap import NO_KEYS, KeyMap, keymap_of
from reader.ui.screens import article as article_screen
from reader.ui.widgets.article.article_body import ArticleBody
from tests.no_network import feed_elsewhere
from tests.tui_pilot import (
    notices_raised,
    open_row,
    open_titled,
    screen_text,
    started,
    subscribe,
    table,
    until,
)

SIZE = (120, 30)


def _app(directory: Path, keys: str) -> ReaderApp:
    """The reader on `directory` with the config file's `[keys]` as `keys` says, fetching
    nothing until told."""
    path = directory / "config.toml"
    path.write_text(f"[keys]\n{keys}\n", encoding="utf-8")
    app = ReaderApp(directory, refresh_on_start=False, config=load_config(path))
    app.prefetch_limit = 0
    return app


def _subscribed(directory: Path, urls: list[str]) -> None:
    """Subscribed (as an OPML import leaves it), never fetched."""

    async def run() -> None:
        async with Library(directory) as lib:
            for url in urls:
                lib.add_feed(url)

    asyncio.run(run())


def key_bar(app: ReaderApp) -> str:
    return screen_text(app).splitlines()[-1]


def test_the_key_of_an_action_is_the_first_set_else_its_first_default() -> None:
    keys = KeyMap({"refresh": ("F5", "r"), "top": ("ctrl+home",), "cite": ("Y",)})
    assert keys.key("refresh", "the headlines") == "F5"
    assert keys.key("top", "an article") == "Ctrl-Home"
    assert keys.key("cite", "an article") == "Y"
    assert keys.key("cite", "the headlines") is None  # no key of it works there
    assert keys.key("sync", "the headlines") == "S"  # not set: its own
    assert NO_KEYS.key("top", "an article") == "g"  # g before Home, as the help lists them
    assert NO_KEYS.keys_of("an article", "next_match", "previous_match") == "n / N"
    assert keys.keys_of("the headlines", "cite", "refresh") == "F5"
    for _text, named in KEYS_IN_TEXT.values():  # every key the help names in a row is one
        assert all(NO_KEYS.key(action, place) for action, place in named)


def test_messages_built_with_a_key_or_none() -> None:
    feed = Feed(url="http://127.0.0.1:9/quay.xml")
    down = FetchError(ErrorKind.NETWORK, "Cannot connect to 127.0.0.1")
    elsewhere = Feed(url="http://localhost:9/cliff.xml")
    offline = [FeedResult(feed=feed, error=down), FeedResult(feed=elsewhere, error=down)]
    said = "No connection: none of the 2 feeds answered."
    assert nothing_came(offline) == f"{said} Press r to try again once online."
    assert nothing_came(offline, "F5") == f"{said} Press F5 to try again once online."
    assert nothing_came(offline, None) == said
    # Every feed on one host: that site down, not the network (named with its port when
    # they share it; two ports of one machine are one site).
    one_site = [FeedResult(feed=feed, error=down)]
    said = "Nothing answered at 127.0.0.1:9: none of the 1 feed came."
    assert nothing_came(one_site) == f"{said} Press r to try again."
    assert nothing_came(one_site, None) == said
    other_port = FeedResult(feed=Feed(url="http://127.0.0.1:10/cliff.xml"), error=down)
    assert nothing_came([*one_site, other_port]).startswith(
        "Nothing answered at 127.0.0.1: none of the 2 feeds came."
    )
    pdf = Entry("quay-1", feed.url, "Harbour report", "http://127.0.0.1:9/report.pdf")
    report = SyncReport(not_articles=[(pdf, FetchError(ErrorKind.NOT_HTML, "A PDF"))])
    assert sync_summary(report).endswith(
        " · 1 link is not an article page (o opens it in the browser)"
    )
    assert sync_summary(report, "w").endswith("(w opens it in the browser)")
    assert sync_summary(report, None).endswith(" · 1 link is not an article page")


def test_refresh_moved_the_empty_list_and_a_failed_refresh_name_its_key(tmp_path: Path) -> None:
    """`refresh = ["F5"]`: the empty list says to press F5 (r now does nothing, and says so);
    F5 refreshes, every feed fails (nothing listens at their server), and the line that says
    so names F5 again."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    urls = [server.url_for("/quay.xml"), feed_elsewhere()]
    server.stop()  # nothing listens on either host any more: the network is "down"
    _subscribed(tmp_path, urls)

    async def run() -> None:
        app = _app(tmp_path, 'refresh = ["F5"]')
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            empty = (
                "No headlines yet. Press F5 to refresh the feeds, S to sync everything for offline."
            )
            await until(pilot, lambda: empty in screen_text(app), "the empty list's line")
            assert "F5 Refresh" in key_bar(app) or "f5 Refresh" in key_bar(app)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("r")
            await pilot.pause()
            assert "r: no such key here — ? lists the keys" in raised
            assert not app._busy
            await pilot.press("f5")
            ended = ("Refreshed", "No connection")
            await until(pilot, lambda: app.status.startswith(ended), "the refresh")
            await pilot.pause()
            failed = (
                "No connection: none of the 2 feeds answered. Press F5 to try again once online."
            )
            await until(pilot, lambda: failed in screen_text(app), "the failure's line")
            assert "Press r" not in screen_text(app)

    asyncio.run(run())


def test_the_first_key_set_is_the_one_the_key_bar_shows(tmp_path: Path) -> None:
    """The key bar shows one key an action: with a key added before the default one, the new
    key (which the messages name); with one added after it, the default."""

    async def run(keys: str) -> str:
        app = _app(tmp_path, keys)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            await pilot.pause()
            return key_bar(app)

    _subscribed(tmp_path, [])
    before = asyncio.run(run('refresh = ["ctrl+g", "r"]'))
    assert "Ctrl-G Refresh" in before and " r Refresh" not in before
    after = asyncio.run(run('refresh = ["r", "ctrl+g"]'))
    assert " r Refresh" in after and "Ctrl-G Refresh" not in after


def test_open_in_browser_moved_the_note_over_the_feeds_text_names_it(
    data_dir: Path, browser: list[str]
) -> None:
    """`open_in_browser = ["w"]`: offline, an article never synced shows the feed's text under
    a note saying to press w for the original (not o, which now does nothing), and w opens it;
    the help's rows that name the key inside name w."""
    server = start_demo_server()
    try:
        subscribe(data_dir, server.feed_urls)
    finally:
        server.stop()  # the site is gone: its articles can't be had

    async def run() -> None:
        app = _app(data_dir, 'open_in_browser = ["w"]')
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            rows = table(app).rows
            position = next(i for i, h in enumerate(rows) if not h.entry.link.endswith(".pdf"))
            screen = await open_row(pilot, position)
            body = screen.query_one(ArticleBody)
            await until(pilot, lambda: "the feed carried" in body.text, "the feed's text")
            note = next(line for line in body.text.splitlines() if "the feed carried" in line)
            assert note.endswith("this is the text the feed carried. Press w for the original.")
            assert "w Original" in key_bar(app)
            await pilot.press("o")
            await pilot.pause()
            assert browser == []
            await pilot.press("w")
            await until(pilot, lambda: browser == [rows[position].entry.link], "the browser")
            await pilot.press("escape")  # to the headlines
            await until(pilot, lambda: not screen.is_current, "the headlines")
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.press("G")  # its end, the markers
            marker = "a scan): w opens it"  # the marker ↗'s row, its second line
            await until(pilot, lambda: marker in screen_text(app), "the help's markers")

    asyncio.run(run())


def test_top_and_undo_moved_their_messages_name_them(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`undo_marking = ["Z"]`, `top = ["H"]`: the line after marking a list read says Z takes
    it back (and Z does), and an article opened again where it was left says H goes to its
    top (H does, g no longer)."""
    monkeypatch.setattr(article_screen, "BACK_AT_PLACE_SECONDS", 120.0)  # a loaded machine

    async def run() -> None:
        app = _app(synced_dir, 'undo_marking = ["Z"]\ntop = ["H"]')
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            unread = app.index.unread_in(None)
            await pilot.press("A", "y")  # "All feeds": asked first, as C
            await until(pilot, lambda: app.status.startswith("Marked"), "the marking")
            assert app.status.endswith(" read · Z marks them unread again")
            await pilot.press("Z")
            await until(pilot, lambda: app.index.unread_in(None) == unread, "the undoing")
            body = await open_titled(pilot, "Silt Ledger")
            await pilot.press(*["right_square_bracket"] * 3, "j", "j")
            left_at = body.top_line
            await pilot.press("escape")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            body = await open_titled(pilot, "Silt Ledger")
            await until(pilot, lambda: body.article is not None, "the article")
            back = "Back where you left off (H for the top)."
            await until(pilot, lambda: raised[-1:] == [back], "the place said")
            await pilot.pause()
            assert body.top_line == left_at > 0
            await pilot.press("g")
            await pilot.pause()
            assert body.top_line == left_at
            await pilot.press("H")
            await until(pilot, lambda: body.top_line == 0, "H to the top")

    asyncio.run(run())


def test_the_help_names_the_keys_set_in_its_rows_and_on_its_border(tmp_path: Path) -> None:
    """acc50b B8: with G, E, V, S and F moved, the help's border names the key to its end as
    set (G did nothing there), and the markers' rows the keys that archive, show the earlier
    copies and sync; F's hits, the feed list's Tab, the same."""
    _subscribed(tmp_path, [])
    keys = (
        'bottom = ["ctrl+e"]\nhelp = ["f2"]\narchive = ["ctrl+a"]\nearlier_version = ["ctrl+v"]\n'
        'sync = ["f6"]\nsearch_articles = ["ctrl+s"]\nswitch_pane = ["ctrl+t"]'
    )

    async def run() -> None:
        app = _app(tmp_path, keys)
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            await pilot.press("f2")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            assert "the marks' meanings: Markers, at the end (Ctrl-E)" in screen_text(app)
            await pilot.press("ctrl+e")  # its end: the markers
            await until(pilot, lambda: "available offline" in screen_text(app), "the markers")
            shown = screen_text(app)  # each row's words as far as they fit a line
            assert "archived: saved, done with (Ctrl-A; in" in shown
            assert "Ctrl-V shows earlier copies" in shown
            assert "changed since read: Ctrl-V shows the copy" in shown
            assert "yet (F6 caches them)" in shown
            for default in ("(G)", "(E;", " V shows", "(S caches"):
                assert default not in shown, default
        rows = " ".join(
            what for _name, section in keys_shown(keymap_of(app)) for _k, what in section
        )
        assert "Ctrl-S's hits: keep their words" in rows and "Ctrl-S's hits: file every" in rows
        assert "(Ctrl-T brings it in)" in rows and "F's hits" not in rows
        # A count goes before the keys set: "10G" with G moved did nothing.
        counts = [k for _name, section in keys_shown(keymap_of(app)) for k, _w in section]
        assert "5j, 10Ctrl-E" in counts, counts

    asyncio.run(run())
