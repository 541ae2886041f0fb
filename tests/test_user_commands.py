"""Commands of the user's own on a key (config.toml's `[[command]]`, newsboat's `macro`,
`bookmark-cmd` and pipe-to): a real program on PATH, a small script that writes down the
arguments and the standard input it was given, run from the headlines and from an article."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import stat
import sys
import time
import tomllib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from textual.pilot import Pilot

from reader.config import Config, load_config
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.user_commands import UserCommand, argv_of, run_in_terminal, start, user_commands
from tests.conftest import sync_into
from tests.pty_reader import reader_in_pty
from tests.test_article_links import BUDGET
from tests.test_cli import reader
from tests.tui_pilot import (
    notices_raised,
    on_top,
    open_titled,
    screen_text,
    started,
    table,
    until,
)

HOSTILE_TITLE = '"$(touch pwned)" it\'s `id`; rm -rf ~ & x\n\x1b[31mred > out'
RECORDER = """#!{python}
import json, os, sys
record = {{"argv": sys.argv[1:], "stdin": "" if sys.stdin is None or sys.stdin.isatty()
           else sys.stdin.read()}}
for argument in sys.argv[1:]:
    if os.path.isfile(argument):  # {{file}}: read while it is there
        record["file"] = open(argument, encoding="utf-8").read()
with open(os.environ["RECORD_TO"], "a", encoding="utf-8") as out:
    out.write(json.dumps(record) + "\\n")
sys.stderr.write(os.environ.get("SAY_ON_ERRORS", ""))
sys.exit(int(os.environ.get("EXIT_WITH", "0")))
"""


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`record-args` on PATH; the file its runs are written down in, a JSON line each."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "record-args"
    script.write_text(RECORDER.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    record = tmp_path / "record.jsonl"
    monkeypatch.setenv("RECORD_TO", str(record))
    monkeypatch.chdir(tmp_path)  # where a `$(touch pwned)` run by a shell would leave its file
    return record


def runs(record: Path) -> list[dict[str, Any]]:
    if not record.exists():
        return []
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def hostile_dir(tmp_path: Path, httpserver: HTTPServer) -> Path:
    """A data directory with one feed whose one item has a hostile title, its article cached."""
    page = (
        "<html><head><title>Harbour</title></head><body><article><h1>Harbour strike</h1>"
        + "<p>The dockers walked out at dawn; the cranes stood still all day long. </p>" * 6
        + "</article></body></html>"
    )
    httpserver.expect_request("/story.html").respond_with_data(page, content_type="text/html")
    title = HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>'
        f"<item><title><![CDATA[{HOSTILE_TITLE}]]></title>"
        f"<link>{httpserver.url_for('/story.html')}</link><guid>one</guid></item>"
        "</channel></rss>"
    )
    assert title  # the CDATA keeps the title as it is
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    directory = tmp_path / "hostile"
    sync_into(directory, [httpserver.url_for("/feed.xml")])
    return directory


def command(**settings: Any) -> UserCommand:
    table = {"key": "M", "name": "record", "run": ["record-args"], **settings}
    return user_commands([table])[0]


def said_lines(app: ReaderApp) -> list[str]:
    """Every line the status line is given for a while (`say_for_now`), kept in order."""
    said: list[str] = []
    say = app.say_for_now

    def saying(line: str) -> None:
        said.append(line)
        say(line)

    app.say_for_now = saying  # type: ignore[method-assign]
    return said


@asynccontextmanager
async def commanded(
    directory: Path, *commands: UserCommand, size: tuple[int, int] = (140, 30)
) -> AsyncIterator[tuple[ReaderApp, Pilot[object], list[str]]]:
    config = Config(directory / "config.toml", commands=commands)
    app = ReaderApp(directory, refresh_on_start=False, config=config)
    app.prefetch_limit = 0
    async with app.run_test(size=size, notifications=True) as pilot:
        await started(pilot)
        yield app, pilot, said_lines(app)


async def ended(pilot: Pilot[object], said: list[str], name: str = "record") -> str:
    await until(pilot, lambda: any(line.startswith(f"{name} ended") for line in said), "its end")
    return next(line for line in said if line.startswith(f"{name} ended"))


def test_placeholders_reach_the_program_each_one_argument(
    hostile_dir: Path, recorder: Path
) -> None:
    """A title with `$(…)`, quotes, `;`, a line break and an escape sequence is one argument,
    cleaned of its controls, never run by a shell; the article's text is piped in and its
    Markdown is in {file}, removed once the program ends."""
    run = ["record-args", "--", "{title}", "{url}", "{feed}", "{id}", "{file}", "t={title}"]
    run.append("{citation}")
    mine = command(run=run, input="text")

    async def check() -> None:
        async with commanded(hostile_dir, mine) as (app, pilot, said):
            entry = table(app).current.entry
            await pilot.press("M")
            assert await ended(pilot, said) == "record ended (exit 0)"
            assert "Running record…" in said
            (got,) = runs(recorder)
            title = '"$(touch pwned)" it\'s `id`; rm -rf ~ & x red > out'
            assert got["argv"][:5] == ["--", title, entry.link, "Port News", entry.id]
            assert got["argv"][6] == f"t={title}"
            citation = got["argv"][7]  # `y`'s, its lines one
            assert "Harbour" in citation and entry.link in citation and "\n" not in citation
            assert not Path(got["argv"][5]).exists()  # {file}, removed after
            assert "# Harbour strike" in got["file"] and "cranes stood still" in got["file"]
            assert "cranes stood still" in got["stdin"] and "# " not in got["stdin"]

    asyncio.run(check())
    assert not (recorder.parent / "pwned").exists()
    assert not (recorder.parent / "out").exists()


def test_a_value_starting_with_a_dash_is_no_option(tmp_path: Path, recorder: Path) -> None:
    """A title "-rf" before any "--" is refused, said in one line; after "--" it runs."""
    from reader.user_commands import NotRun, argv_of

    values = {"title": "--output=/etc/passwd", "url": "https://example.org/"}
    with pytest.raises(NotRun, match=re.escape('write "--" before {title}')):
        argv_of(command(run=["record-args", "{title}"]), values)
    assert argv_of(command(run=["record-args", "--", "{title}"]), values)[2] == values["title"]
    written = argv_of(command(run=["record-args", "--title={title}"]), values)
    assert written[1] == "--title=--output=/etc/passwd"  # an option's value, as written


def test_in_an_article_url_is_the_selected_links(synced_dir: Path, recorder: Path) -> None:
    """In an article {url} is its address, and the selected link's once Tab selects one; a
    command of the article alone says so in the headlines, and the help lists it."""
    mine = command(run="record-args {url} '{title}'", where="article")

    async def check() -> None:
        async with commanded(synced_dir, mine, size=(220, 80)) as (app, pilot, said):
            raised = notices_raised(app)
            await pilot.press("M")
            await until(
                pilot,
                lambda: any("record runs in an article only" in n for n in raised),
                "the notice",
            )
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            await pilot.press("end")  # the last section
            await until(pilot, lambda: "Your commands" in screen_text(app), "the help's section")
            assert "record: runs record-args (in an article)" in screen_text(app)
            await pilot.press("question_mark")
            body = await open_titled(pilot, BUDGET)  # an article with links
            await until(pilot, lambda: "record" in screen_text(app).splitlines()[-1], "the key bar")
            await pilot.press("M")
            await ended(pilot, said)
            address = runs(recorder)[0]["argv"][0]
            assert address.startswith("http://127.0.0.1")
            said.clear()
            await pilot.press("tab")
            await until(pilot, lambda: body.selected_link is not None, "a link selected")
            await pilot.press("M")
            await ended(pilot, said)
            link = runs(recorder)[1]["argv"][0]
            assert link != address and link.startswith("http")

    asyncio.run(check())


def test_a_failing_program_says_its_first_line_of_errors(
    synced_dir: Path, recorder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXIT_WITH", "3")
    monkeypatch.setenv("SAY_ON_ERRORS", "\n\x1b[31mno such playlist\x07\nsecond line\n")

    async def check() -> None:
        async with commanded(synced_dir, command()) as (_app, pilot, said):
            await pilot.press("M")
            assert await ended(pilot, said) == "record ended (exit 3): no such playlist"

    asyncio.run(check())


def test_a_failing_program_s_errors_past_the_first_line_are_kept_in_the_log(
    synced_dir: Path, recorder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `[[command]]`'s errors past the line said were kept nowhere, not even in errors.log
    (acc48d D5): there, under a line saying when and which command, and the line says so."""
    from reader.ui.error_output import ErrorOutput

    monkeypatch.setenv("EXIT_WITH", "2")
    monkeypatch.setenv("SAY_ON_ERRORS", "yt-dlp: ERROR: no video\n  at line 12\n  at line 40\n")
    errors = ErrorOutput.opened(tmp_path)
    assert errors is not None and errors.keep_log()  # as for a library written in

    async def check() -> str:
        async with commanded(synced_dir, command()) as (app, pilot, said):
            app.error_output = errors
            await pilot.press("M")
            return await ended(pilot, said)

    try:
        line = asyncio.run(check())
    finally:
        errors.close()
    log = tmp_path / "errors.log"
    assert line == f"record ended (exit 2): yt-dlp: ERROR: no video; more in {log}"
    heading, *rest = log.read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"--- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \[\[command\]\] record: .+", heading)
    assert rest == ["yt-dlp: ERROR: no video", "  at line 12", "  at line 40"]


def test_a_program_that_cant_start_says_so(synced_dir: Path, tmp_path: Path) -> None:
    not_executable = tmp_path / "plain-file"
    not_executable.write_text("", encoding="utf-8")

    async def check() -> None:
        async with commanded(synced_dir, command(run=[str(not_executable)])) as (_app, pilot, said):
            await pilot.press("M")
            await until(pilot, lambda: any("could not start" in line for line in said), "the line")
            assert said[-1] == "record: plain-file could not start: Permission denied"

    asyncio.run(check())


def test_a_background_program_outlives_the_reader(synced_dir: Path, tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    sleeper = ["sh", "-c", f'echo $$ > "{pid_file}"; exec sleep 60']
    pid = 0
    try:

        async def check() -> None:
            async with commanded(synced_dir, command(run=sleeper)) as (_app, pilot, _said):
                await pilot.press("M")
                await until(pilot, lambda: pid_file.exists() and pid_file.read_text(), "its pid")
                await pilot.press("Q")

        asyncio.run(check())
        pid = int(pid_file.read_text())
        os.kill(pid, 0)  # still running: ProcessLookupError otherwise
        assert os.getsid(pid) == pid  # a session of its own: the reader's hang-up never reaches it
    finally:
        if pid:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


def test_a_terminal_command_under_pilot_says_it_cant_have_the_terminal(
    synced_dir: Path, recorder: Path
) -> None:
    """Pilot's headless driver can't step aside (the real terminal's is tested below)."""

    async def check() -> None:
        async with commanded(synced_dir, command(terminal=True)) as (_app, pilot, said):
            await pilot.press("M")
            await until(pilot, lambda: any("needs the terminal" in line for line in said), "it")
            assert runs(recorder) == []

    asyncio.run(check())


def test_the_terminal_runner_pipes_the_input(recorder: Path) -> None:
    assert run_in_terminal(["record-args", "a b"], b"the text\n") == 0
    assert runs(recorder) == [{"argv": ["a b"], "stdin": "the text\n"}]


def _until(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def terminal_program(directory: Path, tmp_path: Path, name: str, source: str) -> None:
    """`source` (a Python script's) the program `name` on PATH, run by `M` with the terminal
    (`terminal = true`) in the reader on `directory`."""
    script = tmp_path / "bin" / name
    script.write_text(f"#!{sys.executable}\n{source}", encoding="utf-8")
    script.chmod(0o755)
    (directory / "config.toml").write_text(
        f'[[command]]\nkey = "M"\nname = "{name}"\nrun = ["{name}"]\nterminal = true\n',
        encoding="utf-8",
    )


def test_a_terminal_command_has_the_screen_and_the_reader_comes_back(
    synced_dir: Path, tmp_path: Path, recorder: Path
) -> None:
    """In a real terminal: the reader steps aside, the program reads the keyboard (a line typed),
    and the reader comes back, saying how it ended."""
    terminal_program(
        synced_dir,
        tmp_path,
        "ask",
        "import os\nprint('ASKING-A-LINE', flush=True)\n"
        "line = input()\nopen(os.environ['RECORD_TO'], 'a').write(line)\n",
    )
    with reader_in_pty(synced_dir) as shown:
        _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
        shown.type(b"M")
        _until(lambda: b"ASKING-A-LINE" in shown.screen(), "the program on the screen")
        shown.type(b"typed here\r")
        _until(lambda: recorder.exists() and recorder.read_text() == "typed here", "its line")
        _until(lambda: b"ask ended (exit 0)" in shown.screen(), "the reader back")
        shown.type(b"Q")
        assert shown.process.wait(timeout=30) == 0


def test_a_program_started_has_the_locale_the_reader_was_started_with(
    synced_dir: Path, tmp_path: Path, recorder: Path
) -> None:
    """Under `LANG=C` the program gets no LC_CTYPE=C.UTF-8, Python's coercion of its own (PEP
    538): lynx wrote UTF-8 to the ASCII terminal the reader draws ASCII on (acc51a A7)."""
    script = tmp_path / "bin" / "locale-env"
    script.write_text('#!/bin/sh\nenv | grep -E "^(LANG|LC_)" | sort > "$RECORD_TO"\n')
    script.chmod(0o755)
    (synced_dir / "config.toml").write_text(
        '[[command]]\nkey = "M"\nname = "locale-env"\nrun = ["locale-env"]\nterminal = true\n',
        encoding="utf-8",
    )
    as_given = {"LANG": "C", "LC_ALL": None, "LC_CTYPE": None}
    with reader_in_pty(synced_dir, environment=as_given) as shown:
        _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
        shown.type(b"M")
        _until(lambda: b"locale-env ended (exit 0)" in shown.screen(), "the reader back")
        shown.type(b"Q")
        assert shown.process.wait(timeout=30) == 0
    assert recorder.read_text().splitlines() == ["LANG=C"]


HOLD_TERMINAL = """
import os, time
open(os.environ["RECORD_TO"], "a").write("STARTED")
while not os.path.exists(os.environ["GO"]):  # the terminal held, as `less` left open
    time.sleep(0.1)
"""


def test_a_sync_goes_on_while_a_terminal_command_has_the_screen(
    threaded_server: HTTPServer, tmp_path: Path, recorder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program ran on the reader's event loop: a sync stopped while `less` was open (its
    downloads, the clock's refresh with it). A sync started, its first page held until the
    program has the terminal: the pages after it are asked for while the program still runs,
    and the reader comes back once it ends."""
    import threading

    from werkzeug import Request, Response

    server, base = threaded_server, threaded_server.url_for("").rstrip("/")
    released, asked = threading.Event(), []
    paragraph = "<p>The tide came in over the quay wall and stayed until the evening. </p>" * 8

    def page(request: Request) -> Response:
        asked.append(request.path)
        released.wait(60)
        html = f"<html><head><title>Tide</title></head><body><article><h1>Tide</h1>{paragraph}"
        return Response(html + "</article></body></html>", content_type="text/html")

    items = "".join(
        f"<item><title>Tide {n}</title><link>{base}/tide{n}.html</link><guid>t{n}</guid></item>"
        for n in range(12)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tides</title>{items}'
    server.expect_request("/feed.xml").respond_with_data(
        feed + "</channel></rss>", content_type="application/rss+xml"
    )
    for n in range(12):
        server.expect_request(f"/tide{n}.html").respond_with_handler(page)
    directory = tmp_path / "tides"
    sync_into(directory, [f"{base}/feed.xml"], articles=False)
    terminal_program(directory, tmp_path, "hold", HOLD_TERMINAL)
    with (directory / "config.toml").open("a", encoding="utf-8") as config:
        config.write("[network]\nper_host = 1\n")  # one page at a time, each asked by the loop
    go = tmp_path / "go"
    monkeypatch.setenv("GO", str(go))
    try:
        with reader_in_pty(directory) as shown:
            _until(lambda: b"Tides" in shown.screen(), "the headlines on screen")
            shown.type(b"S")
            _until(lambda: asked, "the sync's first page asked for")
            shown.type(b"M")
            _until(lambda: recorder.exists() and recorder.read_text() == "STARTED", "it runs")
            before = len(asked)
            released.set()
            _until(lambda: len(asked) >= before + 3, "the sync going on meanwhile")
            assert not go.exists() and shown.process.poll() is None
            go.touch()
            _until(lambda: b"hold ended (exit 0)" in shown.screen(), "the reader back")
            shown.type(b"Q")
            assert shown.process.wait(timeout=60) == 0
    finally:
        released.set()
        go.touch()


NAP = """
import os
open(os.environ["RECORD_TO"], "a").write("STARTED")
os.execvp("sleep", ["sleep", "60"])  # ended by Ctrl-C's SIGINT, as most programs are
"""


def test_ctrl_c_in_a_terminal_command_is_the_programs_not_the_readers(
    synced_dir: Path, tmp_path: Path, recorder: Path
) -> None:
    """Ctrl-C typed while a `terminal = true` program ran ended the reader with it (the
    terminal sends it to both, as they are one job): the program's alone, as `system()`
    leaves it, and the reader comes back saying it ended."""
    terminal_program(synced_dir, tmp_path, "nap", NAP)
    with reader_in_pty(synced_dir) as shown:
        _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
        shown.type(b"M")
        _until(lambda: recorder.exists() and recorder.read_text() == "STARTED", "it runs")
        # The terminal's Ctrl-C: a SIGINT to its foreground job, the reader's process group.
        os.killpg(shown.process.pid, signal.SIGINT)
        _until(lambda: b"nap ended" in shown.screen(), "the reader back")
        assert shown.process.poll() is None
        shown.type(b"Q")
        assert shown.process.wait(timeout=60) == 0


def test_faults_are_said_a_line_each_all_at_once(data_dir: Path, recorder: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "config.toml"
    config.write_text(
        '[[command]]\nkey = "M"\nname = "player"\nrun = ["no-such-player-here", "{url}"]\n'
        '[[command]]\nkey = "j"\nname = "clash"\nrun = "record-args"\n'
        '[[command]]\nkey = "X"\nname = "shelf"\nrun = "record-args {nope}"\n'
        '[[command]]\nkey = "Y"\nname = "nothing"\nrun = []\n',
        encoding="utf-8",
    )
    for args in ((), ("config",)):
        result = reader(data_dir, *args)
        assert result.returncode == 78, result
        lines = result.stderr.splitlines()
        assert all(line.startswith(f"reader: bad setting in {config}: command (") for line in lines)
        assert 'command (3) "shelf": run names {nope}, no such placeholder' in lines[0]
        assert 'command (4) "nothing": run is empty' in lines[1]
        assert len(lines) == 2  # the rest once these are fixed
    config.write_text(
        config.read_text().replace("{nope}", "{url}").replace("run = []", 'run = "true"')
    )
    for args in ((), ("config",)):
        result = reader(data_dir, *args)
        assert result.returncode == 78, result
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines  # a program not found is no fault of the file (below)
        assert 'command (2) "clash": key "j" is down\'s in the headlines and an article' in lines[0]
    config.write_text(config.read_text().replace('"j"', '"J"'))
    result = reader(data_dir, "config")
    assert result.returncode == 78 and 'key "J" is next_feed\'s in the headlines' in result.stderr
    config.write_text(config.read_text().replace('"J"', '"ctrl+y"'))
    result = reader(data_dir, "config")
    assert result.returncode == 0, result
    assert result.stderr.splitlines() == [
        "reader: command (1) \"player\": no program 'no-such-player-here' on PATH here: its key"
        " says so when pressed"
    ]
    assert [c.name for c in load_config(config).commands] == ["player", "clash", "shelf", "nothing"]


def test_the_readmes_commands_are_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README's example of Commands of your own reads, and its keys are free where they work;
    the one on the article's {file} leaves what the README says it does (acc50b B7: "words",
    `wc -w {file}`, counted into nothing, its output never shown)."""
    from reader.ui.keymap import KeyMap

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Commands of your own", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    commands = user_commands(tomllib.loads(example)["command"])
    assert [c.name for c in commands] == ["mpv", "bookmark", "less", "keep"]
    assert KeyMap({}, commands).commands  # no clash: ValueError otherwise
    default = load_config(Path("unused"), create=False)
    assert default.commands == ()
    # Run as the key runs it, on an article's Markdown: a copy in ~/notes, named by its id.
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "notes").mkdir()
    article = tmp_path / "article-1.md"
    article.write_text("# Valley bridge reopens\n", encoding="utf-8")
    argv = argv_of(commands[3], {"file": str(article), "id": "b0412ab20729"})
    assert start(argv, None).wait("keep") == "keep ended (exit 0)"
    kept = tmp_path / "notes" / "b0412ab20729.md"
    assert kept.read_text(encoding="utf-8") == "# Valley bridge reopens\n"


def test_not_from_the_feed_list_nor_typed_in_a_search(synced_dir: Path, recorder: Path) -> None:
    """As `o`: the headline under the cursor is out of mind in the feed list, and an M typed
    into a search is a letter of it."""

    async def check() -> None:
        async with commanded(synced_dir, command()) as (app, pilot, said):
            raised = notices_raised(app)
            await pilot.press("slash", "M")
            await until(pilot, lambda: getattr(app.focused, "value", "") == "M", "M typed")
            await pilot.press("escape", "escape")
            await pilot.press("tab")
            await until(pilot, lambda: isinstance(app.focused, FeedList), "the feed list")
            await pilot.press("M")
            line = "M: record runs on a headline or an article, not here"
            await until(pilot, lambda: any(line in notice for notice in raised), "the notice")
            assert runs(recorder) == [] and not said

    asyncio.run(check())
