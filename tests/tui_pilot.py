"""Driving the TUI with Textual's Pilot: start the reader on a data directory, open an article,
wait for a condition, read the screen as the terminal would show it. Shared by the TUI tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.screen import Screen

from reader.config import Config
from reader.library import Library
from reader.models import Article, Entry
from reader.ui.app import ReaderApp
from reader.ui.key_settling import unsettled
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.headline_table import HeadlineTable
from reader.ui.widgets.status_bar import StatusBar

OnTop = TypeVar("OnTop", bound=Screen[object])


def screen_text(app: App[object]) -> str:
    """Everything on screen, as the terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_segments(app: App[object]) -> str:
    """The raw text of every segment on screen, control characters included."""
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


# Guards against a hang, not measures of speed: wide enough that a shared machine at load 10-14
# (where 15 s was seen to run out) still passes, as benchmarks/ are where speed is measured.
WAIT = 40.0


async def until(
    pilot: Pilot[object],
    condition: Callable[[], bool],
    what: str,
    timeout: float = WAIT,
    detail: Callable[[], object] | None = None,
    progress: Callable[[], object] | None = None,
) -> None:
    """Wait for `condition`; past `timeout`, fail saying where the app was, and `detail`'s
    word on what the condition looks at. With `progress` (what a long job has done so far,
    which can change only so many times: counts that only grow), `timeout` runs from its last
    change: a sync of dozens of articles on a loaded machine is waited for while it goes on,
    one that stopped fails as before."""
    deadline = time.monotonic() + timeout
    done = None if progress is None else progress()
    while not condition():
        if progress is not None and (now := progress()) != done:
            done, deadline = now, time.monotonic() + timeout
        if time.monotonic() > deadline:
            app = pilot.app
            status = getattr(app, "status", "")
            # Where the keys went: a flake on a loaded machine is read from this line alone.
            held = [key.key for key in getattr(app, "_typed_ahead", ())]
            seen = "" if detail is None else f"; {detail()}"
            raise AssertionError(
                f"timed out waiting for {what} (status: {status!r}; screen {app.screen!r}, "
                f"focused {app.focused!r}, keys held {held}{seen})"
            )
        await pilot.pause(0.05)


async def keys_handled(pilot: Pilot[object]) -> None:
    """Every key pressed so far handled, then a pause: none held by the reader (waiting for a
    screen to show, a focus to move, an article to be drawn: handed on by a 20 ms poll) nor
    queued on its way. A pause alone returned with one still held on a starved machine
    (Textual's `wait_for_idle` takes a starved process for an idle one)."""
    app = pilot.app
    assert isinstance(app, ReaderApp)

    def handled() -> bool:
        at_the_app = (app._pending_message, *app._message_queue.values)
        return (
            not app._holding_keys
            and not any(isinstance(message, events.Key) for message in at_the_app)
            and unsettled(app, None, every_key=True) is None
        )

    await until(pilot, handled, "the keys pressed to be handled")
    await pilot.pause()


async def resize(pilot: Pilot[object], width: int, height: int) -> None:
    """The terminal made `width` x `height`, the screen laid out at that size, then a pause for
    the widgets' own resize events: Textual resizes at a timer after the event (1/120 s) and
    lays out at the refresh after it, later than `resize_terminal`'s pause on a busy machine
    (a note folded for a lower terminal was looked for before it was)."""
    await pilot.resize_terminal(width, height)
    compositor = pilot.app.screen._compositor
    await until(pilot, lambda: compositor.size == (width, height), f"{width}x{height} laid out")
    await pilot.pause()


async def started(pilot: Pilot[object]) -> ReaderApp:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await asyncio.wait_for(app.ready.wait(), WAIT)
    await pilot.pause()
    return app


def table(app: App[object]) -> HeadlineTable:
    return app.screen.query_one(HeadlineTable)


async def on_top(pilot: Pilot[object], kind: type[OnTop], what: str) -> OnTop:
    """The screen of `kind` once it is on top with its widgets: pushed, a screen is composed
    a moment later, and a query at once found none of them on a busy machine (NoMatches)."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.is_mounted, what)
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


async def open_row(pilot: Pilot[object], position: int) -> ArticleScreen:
    table(pilot.app).cursor = position
    await pilot.press("enter")
    screen = await on_top(pilot, ArticleScreen, "the reading view")
    await until(pilot, lambda: screen.loaded, "the article")
    return screen


async def open_titled(pilot: Pilot[object], words: str) -> ArticleBody:
    """Open the first headline whose title (or link) holds `words`; its article's body."""
    await started(pilot)
    rows = table(pilot.app).rows
    position = next(
        i for i, h in enumerate(rows) if words in h.entry.title or words in h.entry.link
    )
    screen = await open_row(pilot, position)
    await pilot.pause()
    return screen.query_one(ArticleBody)


@asynccontextmanager
async def running(
    directory: Path,
    size: tuple[int, int],
    *,
    prefetch: bool = True,
    notifications: bool = False,
    config: Config | None = None,
) -> AsyncIterator[tuple[ReaderApp, Pilot[object]]]:
    """The app on `directory` at `size`, started; without `prefetch`, no article is fetched
    to change the rows. `notifications` as Textual's `run_test` has it; `config`, the app's
    (else the directory's config.toml, as the reader reads it)."""
    app = ReaderApp(directory, refresh_on_start=False, config=config)
    if not prefetch:
        app.prefetch_limit = 0
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await started(pilot)
        yield app, pilot


@asynccontextmanager
async def reading(
    data_dir: Path, words: str, size: tuple[int, int] = (100, 30), notifications: bool = False
) -> AsyncIterator[tuple[ReaderApp, Pilot[object], ArticleBody]]:
    """The reader on `data_dir` with the article titled `words` open: the app, its pilot and
    the article's body (see `open_titled`)."""
    async with running(data_dir, size, notifications=notifications) as (app, pilot):
        yield app, pilot, await open_titled(pilot, words)


@asynccontextmanager
async def showing(
    data_dir: Path, words: str, article: Article, size: tuple[int, int] = (100, 30)
) -> AsyncIterator[tuple[ReaderApp, Pilot[object], ArticleBody]]:
    """`reading` the article titled `words`, with `article` (a page a test made) shown in its
    place, laid out."""
    async with reading(data_dir, words, size) as (app, pilot, body):
        body.show_article(app.screen.headline.entry, article)
        await pilot.pause()
        yield app, pilot, body


def paragraph_lines(
    data_dir: Path,
    article: Article,
    openings: Sequence[str],
    sizes: Sequence[tuple[int, int]] = ((80, 24), (120, 40)),
) -> list[tuple[int, list[list[str]]]]:
    """`article` shown in the reader in place of the demo's council budget, at each of `sizes`
    in turn: the body's width and the lines drawn of each paragraph opening with one of
    `openings` (a script's paragraph typeset in the reading view, as a terminal shows it)."""

    async def run() -> list[tuple[int, list[list[str]]]]:
        found = []
        async with reading(data_dir, "£412m budget", sizes[0]) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            for size in sizes:
                await resize(pilot, *size)
                lines = [line.rstrip() for line in body.lines]
                paragraphs = []
                for opening in openings:
                    first = next(n for n, line in enumerate(lines) if line.startswith(opening))
                    end = next(n for n in range(first, len(lines)) if not lines[n])
                    paragraphs.append(lines[first:end])
                found.append((body._width, paragraphs))
        return found

    return asyncio.run(run())


def subscribe(directory: Path, feed_urls: list[str], fetch_articles: int = 0) -> list[Entry]:
    """Subscribe `directory` to feeds and fetch their headlines (and the first few articles)."""

    async def run() -> list[Entry]:
        async with Library(directory) as lib:
            for url in feed_urls:
                lib.add_feed(url)
            await lib.refresh()
            entries = [h.entry for h in lib.headlines() if not h.entry.link.endswith(".pdf")]
            for entry in entries[:fetch_articles]:
                await lib.article(entry)
            return entries[:fetch_articles]

    return asyncio.run(run())


def subscribe_to_page(
    directory: Path, page: str, channel: str, title: str, path: str = "/story.html"
) -> None:
    """Subscribe `directory` to a feed of one item, `page` served at `path` on 127.0.0.1, its
    article fetched and cached; the server stopped after (the network gone)."""
    from pytest_httpserver import HTTPServer

    from tests.served_feed import serve_one_item

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for(path)
    server.expect_request(path).respond_with_data(page, content_type="text/html; charset=utf-8")
    try:
        subscribe(directory, [serve_one_item(server, channel, title, link)], 1)
    finally:
        server.stop()


def first_article_row(app: App[object]) -> int:
    """The first headline that links to an article page (the demo also lists a PDF)."""
    return next(i for i, h in enumerate(table(app).rows) if not h.entry.link.endswith(".pdf"))


def view_lines(article: Article, width: int) -> list[str]:
    """The reading view's body typeset at `width`, line by line, without styles."""
    from rich.console import Console
    from rich.style import Style

    from reader.ui.widgets.article import block_paragraphs, paragraph, typeset

    styles = paragraph.ArticleStyles(
        **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
    )
    console = Console(width=200, color_system=None)
    strips = typeset.typeset(block_paragraphs.body(article, styles), width, console)
    return [strip.text for strip in strips]


def marked(app: App[object], component: str = "article-body--match-current") -> list[str]:
    """The text on screen drawn in a match's style (or another of the article's, or of the
    screen's: "screen--selection"), one string per stretch of cells."""
    return [text for text, _colours in _marked(app, component)]


def _marked(app: App[object], component: str) -> list[tuple[str, set[tuple[object, object]]]]:
    """`marked`'s stretches, each with the (foreground, background) pairs its cells have."""
    body = app.screen.query_one(ArticleBody)
    if component == "screen--selection":  # drawn over the text's own colours
        background = body._selection_style().bgcolor
    else:
        background = body.get_component_rich_style(component).bgcolor
    assert background is not None
    out: list[tuple[str, set[tuple[object, object]]]] = []
    for strip in app.screen._compositor.render_strips():
        run = ""
        colours: set[tuple[object, object]] = set()
        for segment in strip:
            if segment.style is not None and segment.style.bgcolor == background:
                colours.add((segment.style.color, segment.style.bgcolor))
                run += segment.text
            elif run:
                out.append((run, colours))
                run, colours = "", set()
        if run:
            out.append((run, colours))
    return out


def selection_readable(app: App[object]) -> bool:
    """Every selected word is drawn in a colour of its own, not its background's."""
    return all(
        fg is not None and fg != bg
        for text, colours in _marked(app, "screen--selection")
        if text.strip()
        for fg, bg in colours
    )


def status(app: App[object]) -> str:
    """The status line as one line: what its rows say, wrapped at a narrow width."""
    return app.screen.query_one(StatusBar).line


def line_of(body: ArticleBody, words: str) -> int:
    return next(i for i, line in enumerate(body.lines) if words in line)


def notices(app: App[object]) -> list[str]:
    """The notices (toasts) raised so far and not yet gone."""
    return [notification.message for notification in app._notifications]


def notices_raised(app: App[object], timeout: float | None = None) -> list[str]:
    """Every notice raised from now on, kept in order: one toast's own timeout (2 s) took it
    off the screen before a loaded machine's next keys had raised the one after it. With
    `timeout`, each is shown that long in place of its own (an hour: off the screen only when
    the reader takes it back, so that a check of its absence tests that)."""
    raised: list[str] = []
    notify = app.notify

    def noting(message: str, *args: Any, **kwargs: Any) -> Notification:
        raised.append(str(message))
        if timeout is not None:
            kwargs["timeout"] = timeout
        return notify(message, *args, **kwargs)

    app.notify = noting  # type: ignore[method-assign]
    return raised


def burst(app: App[object], keys: str) -> None:
    """`keys` arriving at once, as a paste, a macro or keys bunched over SSH bring them: every
    one is queued before the first is handled ("\r" is Enter, "\x1b" Esc, "\x15" Ctrl-U)."""
    assert app._driver is not None
    named = {"\r": "enter", "\x1b": "escape", "\x15": "ctrl+u"}
    for char in keys:
        key = named.get(char) or (_character_to_key(char) if not char.isalnum() else char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


def script_output(script: str, data_dir: Path, environment: dict[str, str]) -> str:
    """What a Pilot `script` prints, run in a process of its own on `data_dir` (argv[1]) with
    `environment` over this one's, without NO_COLOR: for what the reader reads once as it starts
    (TERM=linux's marks, an ASCII locale's)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), **environment}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout
