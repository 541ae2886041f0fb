"""The user's `[[command]]`s run from their keys (`reader.user_commands`): on the headline under
the cursor or the article read, what they name read from the cache off the event loop, the
status line saying "Running mpv…" and then how it ended.

A command given the article's text (`{file}`, `input`) on one not cached fetches it first, as
opening it does; offline, or its site down, the text the feed carried stands in, marked so in
its header ("Note: this is the text the feed carried, not the page's") as the reading view
and `reader show` give it, and the status line says so; with neither, it is not run, and the
line says why. A command of its address, title or feed alone never waits for the network.

A background program is waited for by a daemon thread of its own, never the event loop nor
asyncio's executor (whose threads the reader's end waits for: quitting would wait on mpv), and
one still running when the reader ends is left running. One that needs the terminal runs while
the reader steps aside (`stepped_aside`: its loop goes on, a sync too), and the reader comes
back as it was when it ends.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import dataclass
from threading import Thread
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from ..citation import cited_address, cited_article, copied_citation
from ..command_files import markdown_file, remove
from ..feed_names import listed_names, source_name
from ..models import FEED_TEXT_STANDS_IN, Article, Entry, FetchError, StoreError
from ..program_errors import lines_written
from ..render import to_markdown, to_text
from ..user_commands import (
    NotRun,
    Started,
    UserCommand,
    argv_of,
    not_found,
    not_started,
    run_in_terminal,
    start,
)
from .display import plain
from .stepped_aside import stepped_aside

if TYPE_CHECKING:
    from .app import ReaderApp


@dataclass(frozen=True)
class RunOn:
    """What a command runs on: a headline's entry, the article shown (None in the headlines:
    read from the cache), and the link selected in it ("" for none), as it is cited."""

    entry: Entry
    article: Article | None = None
    link: str = ""


@dataclass
class _Made:
    """A command's arguments and input, made off the event loop, and the file to remove."""

    argv: list[str]
    data: bytes | None
    file: str


def run_user_command(app: ReaderApp, number: int, on: RunOn) -> None:
    """Run the user's command `number` (its key's action parameter) on `on`."""
    command = app.keymap.commands[number][0]
    app._run(_run(app, command, on), "user-command")


async def _run(app: ReaderApp, command: UserCommand, on: RunOn) -> None:
    # Before any fetch or stepping aside: the config may be another computer's too.
    if missing := not_found(command):
        app.say_for_now(f"{command.name}: {missing}, not run")
        return
    article = on.article
    if article is None and (command.uses & {"url", "citation", "file"} or command.input):
        article = await asyncio.to_thread(app.lib.cached_article, on.entry)
    fed = ""  # why the feed's text stands in for the article's
    if command.needs_article and article is None:
        article, fed = await _fetched(app, command, on.entry)
        if article is None:
            return
    # The name the reader shows the feed by (the user's, given with `R`), as the list does.
    feed = source_name(on.entry, listed_names(app.index.feeds))
    try:
        made = await asyncio.to_thread(_made, app, command, on, article, feed)
    except NotRun as refused:
        app.say_for_now(str(refused))
        return
    except OSError as error:  # no room for {file}, or its folder not the user's alone
        app.say_for_now(f"{command.name}: its file could not be written: {_why(error)}")
        return
    if command.terminal:
        await _in_terminal(app, command, made)
        return
    try:
        started = start(made.argv, made.data, made.file)
    except OSError as error:
        remove(made.file)
        app.say_for_now(not_started(command, error))
        return
    on_what = ""
    if fed or (command.needs_article and article is not None and article.partial):
        on_what = " on the text the feed carried" + (f" ({fed})" if fed else "")
    app.say_for_now(f"Running {command.name}{on_what}…")
    loop = asyncio.get_running_loop()
    Thread(
        target=_wait,
        args=(loop, app, command, started),
        name="reader-command",
        daemon=True,
    ).start()


async def _fetched(
    app: ReaderApp, command: UserCommand, entry: Entry
) -> tuple[Article | None, str]:
    """The article of `entry`, not cached, fetched as opening it would; else the text its
    feed carried, with why the page could not be had; (None, "") when neither can be had,
    said in the status line."""
    # Until its answer replaces it: a slow site takes longer than a line's `notice_seconds`.
    app.say_while_shown(f"{command.name}: fetching the article first…")
    try:
        return await app.fetched_article(entry), ""
    except FetchError as error:
        reason = plain(error.message, max_length=200).plain.split("; open the original", 1)[0]
        if error.kind in FEED_TEXT_STANDS_IN:
            with suppress(FetchError, StoreError):  # its text too slow to read: not run
                if (from_feed := await app.read_feed_text(entry)) is not None:
                    return from_feed, reason
    app.say_for_now(f"{command.name}: not run, the article can't be had: {reason}")
    return None, ""


def _why(error: OSError) -> str:
    return plain(error.strerror or str(error), max_length=200).plain


def _made(
    app: ReaderApp, command: UserCommand, on: RunOn, article: Article | None, feed: str
) -> _Made:
    """The arguments with the article's facts in place, its input, and its {file}."""
    entry, uses = on.entry, command.uses
    values = {
        "url": on.link or cited_address(entry.address, article),
        "title": entry.title or (article.title if article is not None else ""),
        "feed": feed,
        "id": entry.id,
    }
    style = app.config.citation_style
    if "citation" in uses:
        values["citation"] = copied_citation(
            cited_article(entry, article), style, markdown=app.config.citation_copy == "markdown"
        )
    file = ""
    if "file" in uses and article is not None:
        values["file"] = file = markdown_file(to_markdown(article, style=style))
    try:
        argv = argv_of(command, values)
    except NotRun:
        remove(file)
        raise
    data = None
    if command.input and article is not None:
        text = to_text(article, style=style) if command.input == "text" else None
        data = (text or to_markdown(article, style=style)).encode("utf-8")
    return _Made(argv, data, file)


async def _in_terminal(app: ReaderApp, command: UserCommand, made: _Made) -> None:
    """`command` in the foreground, the reader stepped aside until it ends, its loop going on
    (`stepped_aside`)."""
    try:
        code = await stepped_aside(app, run_in_terminal, made.argv, made.data, made.file)
    except SuspendNotSupported:
        app.say_for_now(f"{command.name} needs the terminal, which the reader can't give up here")
        return
    except OSError as error:
        app.say_for_now(not_started(command, error))
        return
    finally:
        remove(made.file)
    app.say_for_now(f"{command.name} ended (exit {code})" if code >= 0 else f"{command.name} ended")


def _wait(
    loop: asyncio.AbstractEventLoop, app: ReaderApp, command: UserCommand, started: Started
) -> None:
    """In a daemon thread: the program's end said in the status line (its {file} removed)."""
    line = started.wait(command.name)
    errors = app.error_output
    if errors is not None and errors.kept_in_log and lines_written(started.written) > 1:
        # Past the line said, kept nowhere before (acc48d D5): in the log, under its name.
        errors.kept(f"[[command]] {command.name}: {command.program}", started.written)
        line += f"; more in {errors.path}"
    # Not `call_from_thread`, which waits for the answer: the reader may have ended meanwhile.
    with suppress(RuntimeError):  # its loop closed: nobody to tell
        loop.call_soon_threadsafe(app.say_for_now, line)
