"""The start's first frame, as a phone over ssh and a keyboard user pay for it: the terminal is
written once the first screen is whole (the newest headlines listed, the feed list filled and
fitted), not five times on the way there (~18 KB each at 80x24, acc40c R6), and the updates
held meanwhile are not drawn either; a start slower than the hold shows what it has meanwhile;
the key bar's keys are each styled once; and what the first screen doesn't use (the search's
rules, the web browser's module, the page pipeline, the dialogs, the table of combining marks)
is not imported nor made for it."""

from __future__ import annotations

import asyncio
import io
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import sync_into
from rich.console import Console
from textual._compositor import Compositor, CompositorUpdate, LayoutUpdate
from textual._context import active_app
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.widgets._footer import FooterKey

import reader.ui.app as app_module
from reader.demo.server import DemoServer
from reader.library import Library
from reader.ui.headlines import HeadlineIndex
from tests.tui_pilot import WAIT, running, until

_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


def _text(update: CompositorUpdate, width: int) -> str:
    """What `update` writes to a terminal `width` wide, its control sequences taken out."""
    console = Console(
        file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor"
    )
    return _ESCAPES.sub("", update.render_segments(console))


def _newest(data_dir: Path) -> tuple[str, str]:
    """The name of the feed of `data_dir`'s newest headline, and that headline's title."""
    lib = Library(data_dir, workers="thread")
    try:
        headline = lib.headlines()[0]
    finally:
        lib.close()
    return headline.entry.feed_title, headline.entry.title


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[CompositorUpdate]:
    """What the app writes to its terminal, update by update, from its start."""
    frames: list[CompositorUpdate] = []
    real = App._display

    def recorded(self: App[Any], screen: Any, renderable: Any) -> None:
        if isinstance(renderable, CompositorUpdate):
            frames.append(renderable)
        real(self, screen, renderable)

    monkeypatch.setattr(App, "_display", recorded)
    return frames


def test_the_start_writes_its_first_screen_once_and_whole(
    data_dir: Path,
    demo_server: DemoServer,
    written: list[CompositorUpdate],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sync_into(data_dir, demo_server.feed_urls[:2], articles=False)
    feed, title = _newest(data_dir)
    # Held until the first screen is whole however loaded the machine running the test.
    monkeypatch.setattr(app_module, "FIRST_FRAME_HELD_AT_MOST", WAIT, raising=False)

    async def go() -> None:
        async with running(data_dir, (80, 24)) as (app, pilot):
            await until(pilot, app.shown.is_set, "the start's work done")
            await pilot.pause()

    asyncio.run(go())
    assert written
    first = _text(written[0], 80)
    # The first frame the terminal gets is the whole screen, the feed named and its newest
    # headline listed: before, the screen was written as it was composed ("Reading the
    # headlines…"), again with the headlines, again for the feed list's width…
    assert isinstance(written[0], LayoutUpdate)
    assert feed[:12] in first and title[:20] in first, first
    assert sum(isinstance(update, LayoutUpdate) for update in written) == 1


def test_the_updates_held_before_the_first_screen_are_not_drawn(
    data_dir: Path,
    demo_server: DemoServer,
    written: list[CompositorUpdate],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing made while the first frame is held is written, so it is not drawn either: the
    screen as composed, with the headlines in, with the feed list fitted, with the key bar
    made were each drawn (their changed lines rendered, ~40-60 ms of CPU together) and
    dropped. The first screen written is still the whole screen, drawn once it is whole."""
    sync_into(data_dir, demo_server.feed_urls[:2], articles=False)
    feed, title = _newest(data_dir)
    monkeypatch.setattr(app_module, "FIRST_FRAME_HELD_AT_MOST", WAIT, raising=False)
    held_then: list[bool] = []  # for each update drawn: whether the first frame was held
    real = Compositor.render_update

    def drawn(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        held_then.append(getattr(active_app.get(), "_first_frame_held", False))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", drawn)

    async def go() -> None:
        async with running(data_dir, (80, 24)) as (app, pilot):
            await until(pilot, app.shown.is_set, "the start's work done")
            await pilot.pause()

    asyncio.run(go())
    assert held_then and not any(held_then), held_then
    first = _text(written[0], 80)
    assert isinstance(written[0], LayoutUpdate)
    assert feed[:12] in first and title[:20] in first, first


def test_the_key_bar_is_made_once_and_each_key_styled_once(
    data_dir: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main screen's key bar is made once at the start, and each of its keys has its
    style worked out once, as it is mounted: its class was added before it was (a style
    worked out for a widget not on screen), and each key, made compact, was made like the
    bar once mounted (its class added, then taken away): four times each, nine keys."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)
    made: list[FooterKey] = []
    styled: Counter[int] = Counter()
    real_init, real_apply = FooterKey.__init__, Stylesheet.apply

    def init(self: FooterKey, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        real_init(self, *args, **kwargs)

    def apply(self: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(node, FooterKey):
            styled[id(node)] += 1
        real_apply(self, node, *args, **kwargs)

    monkeypatch.setattr(FooterKey, "__init__", init)
    monkeypatch.setattr(Stylesheet, "apply", apply)

    async def go() -> list[str]:
        async with running(data_dir, (120, 30)) as (app, pilot):
            await until(pilot, app.shown.is_set, "the start's work done")
            await pilot.pause()
            keys = list(app.screen.query(FooterKey))
            return [f"{key.key} {' '.join(sorted(key.classes))}" for key in keys]

    shown = asyncio.run(go())
    assert "question_mark -key-help" in shown, shown  # its class, for the stylesheet's rules
    assert len(made) == len(shown), (len(made), shown)
    assert sorted(styled.values()) == [1] * len(made), styled


def test_the_main_screen_is_styled_again_once_as_the_start_shows_it(
    data_dir: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its widgets are styled as they are mounted, then all of them again once as Textual
    shows the screen, with the class of the terminal's width (`-medium` at 100 columns)
    already given: it came with the first Resize after, and styled them all a third time."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)
    restyled: list[str] = []
    real = App.update_styles

    def update_styles(self: App[Any], node: Any, animate: bool = True) -> None:
        restyled.append(type(node).__name__)
        real(self, node, animate)

    monkeypatch.setattr(App, "update_styles", update_styles)

    async def go() -> set[str]:
        async with running(data_dir, (100, 30)) as (app, pilot):
            await until(pilot, app.shown.is_set, "the start's work done")
            await pilot.pause()
            return set(app.main_screen.classes)

    classes = asyncio.run(go())
    assert "-medium" in classes and not {"-narrow", "-wide"} & classes, classes
    assert restyled.count("MainScreen") == 1, restyled


def test_a_start_slower_than_the_hold_shows_the_screen_before_its_headlines(
    data_dir: Path,
    demo_server: DemoServer,
    written: list[CompositorUpdate],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Never held for good: a store read slowly (a busy machine, a slow disk) still shows the
    screen as it is once the hold's time is up, and the headlines when they come."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)
    _feed, title = _newest(data_dir)
    monkeypatch.setattr(app_module, "FIRST_FRAME_HELD_AT_MOST", 0.05, raising=False)
    go_on = threading.Event()
    real_first = HeadlineIndex.first

    def slow_first(*args: Any, **kwargs: Any) -> HeadlineIndex:
        go_on.wait(WAIT)  # in the start's thread: until the test has seen a frame written
        return real_first(*args, **kwargs)

    monkeypatch.setattr(HeadlineIndex, "first", staticmethod(slow_first))

    async def go() -> None:
        app = app_module.ReaderApp(data_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: bool(written), "a frame written while the store is read")
            assert title[:20] not in _text(written[0], 80)
            go_on.set()
            await until(pilot, app.shown.is_set, "the start's work done")
            await pilot.pause()

    try:
        asyncio.run(go())
    finally:
        go_on.set()
    assert any(title[:20] in _text(update, 80) for update in written)


_IMPORTED_BY_THE_START = """
import asyncio, sys
from pathlib import Path
from reader.ui.app import ReaderApp

WATCHED = (
    "reader.search_query",
    "reader.fold",
    "reader.text_find",
    "webbrowser",
    "reader.page_caching",
    "reader.page_handover",
    "html",
    "reader.add_answers",
    "reader.ui.dialogs.help",
    "reader.ui.dialogs.confirm",
    "reader.ui.dialogs.feed_choice",
    # A refresh's (a sitemap's, the `[[ignore]]` rules', a refresh's fetches handed over), the
    # reading view's place, a search's copies, an item's text read, a look-alike host, a Thai
    # title cut: each with its first use, not the first screen's.
    "reader.library.sitemap_index",
    "reader.ignore_rules",
    "reader.library.feed_handover",
    "reader.ui.widgets.article.reading_place",
    "reader.search_bodies",
    "reader.aggregator_chrome",
    "reader.lookalike_hosts",
    "reader.syllables",
)


async def main() -> None:
    app = ReaderApp(Path(sys.argv[1]), refresh_on_start=False)
    # No article fetched ahead: that is the page pipeline's first use, which may come before
    # the first frame on a loaded machine (the fresh-clone CI of 4ce6f2eb).
    app.prefetch_limit = 0
    async with app.run_test(size=(100, 30)) as pilot:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + float(sys.argv[2])
        while not app.shown.is_set() and loop.time() < deadline:
            await pilot.pause(0.05)
        print(app.shown.is_set(), app.index.whole if app.index else None)
        print(sorted(name for name in WATCHED if name in sys.modules))
        from reader.mark_runs import _run

        print(_run.cache_info().currsize)


asyncio.run(main())
"""


def test_the_start_imports_nothing_it_does_not_use_and_makes_no_mark_table(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """Through its first frame and the rest of its start, the screen imports neither the
    search's rules (`search_query` and the fold tables under it, ~15 ms of CPU) nor
    `webbrowser`, nor the page pipeline (`page_caching`, `page_handover`: a page read), `html`
    and its table of entities, what `a` answers, the help and the dialogs: each comes with its
    first use (`F`, `o`, an article fetched, `a`, `?`). Its feeds' names beyond ASCII ("·")
    make no table of combining marks (~4 ms): no run of them could be there."""
    sync_into(data_dir, demo_server.feed_urls[:2], articles=False)
    lib = Library(data_dir, workers="thread")
    try:
        shown = [f"{h.entry.feed_title} {h.entry.title}" for h in lib.headlines()]
    finally:
        lib.close()
    assert not all(text.isascii() for text in shown)  # what made the table before
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED_BY_THE_START, str(data_dir), str(WAIT)],
        capture_output=True,
        text=True,
        check=True,
        timeout=WAIT * 2,
    )
    started, imported, marks = done.stdout.strip().splitlines()
    assert started.split()[0] == "True"
    assert imported == "[]"
    assert marks == "0"
