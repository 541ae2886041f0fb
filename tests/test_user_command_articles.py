"""What a command of the user's own (`[[command]]`) is given of the article: its feed by the
name the reader shows, an article not cached fetched first (offline, the feed's text marked as
such), its `{file}` in a folder of the user's own, kept for a program still running when the
reader ends and removed once it ends. Real programs from PATH: scripts the tests write."""

from __future__ import annotations

import asyncio
import os
import stat
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import sync_into
from tests.pty_reader import reader_in_pty
from tests.test_cli import reader
from tests.test_user_commands import (  # noqa: F401 (fixtures)
    _until,
    command,
    commanded,
    ended,
    hostile_dir,
    recorder,
    runs,
)
from tests.tui_pilot import table, until

PAGE = (
    "<html><head><title>Silt</title></head><body><article><h1>Silt in the channel</h1>"
    + "<p>The dredger worked through the night to clear the silt from the channel. </p>" * 6
    + "</article></body></html>"
)


def _feed(link: str, summary: str) -> str:
    described = f"<description>{summary}</description>" if summary else ""
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Bulletin</title>'
        f"<item><title>Silt in the channel</title><link>{link}</link><guid>silt</guid>"
        f"{described}</item></channel></rss>"
    )


def _uncached(tmp_path: Path, summary: str = "", page: bool = True) -> tuple[Path, HTTPServer]:
    """A library with one headline whose article is not cached, its site still serving it
    (`page`) or down since the headlines came."""
    server = HTTPServer(host="127.0.0.1")
    server.start()
    link = server.url_for("/silt.html")
    server.expect_request("/feed.xml").respond_with_data(
        _feed(link, summary), content_type="application/rss+xml"
    )
    server.expect_request("/silt.html").respond_with_data(PAGE, content_type="text/html")
    directory = tmp_path / "uncached"
    sync_into(directory, [server.url_for("/feed.xml")], articles=False)
    if not page:
        server.clear()
        server.stop()
    return directory, server


def _said(said: list[str], start: str) -> str:
    return next((line for line in said if line.startswith(start)), "")


def test_feed_is_the_name_the_reader_shows(
    hostile_dir: Path,  # noqa: F811 — the fixtures imported above
    recorder: Path,  # noqa: F811
) -> None:
    """A feed renamed with `R` (or `reader rename`) is named so to the program, as the list
    names it: its own title was given."""
    assert reader(hostile_dir, "rename", "Port News", "Harbour desk").returncode == 0

    async def check() -> None:
        async with commanded(hostile_dir, command(run=["record-args", "--", "{feed}"])) as (
            _app,
            pilot,
            said,
        ):
            await pilot.press("M")
            await ended(pilot, said)
            assert runs(recorder)[0]["argv"] == ["--", "Harbour desk"]

    asyncio.run(check())


def test_an_article_not_cached_is_fetched_first(
    tmp_path: Path,
    recorder: Path,  # noqa: F811
) -> None:
    """As opening it does: the live line says so, the program gets the page's text, and its row
    is then available offline. Its {file} is in the user's own folder, removed at its end."""
    directory, server = _uncached(tmp_path)
    mine = command(run=["record-args", "{file}"], input="text")
    try:

        async def check() -> None:
            async with commanded(directory, mine) as (app, pilot, said):
                said_while = app.say_while_shown

                def saying(line: str) -> None:
                    said.append(line)
                    said_while(line)

                app.say_while_shown = saying  # type: ignore[method-assign]
                entry = table(app).current.entry
                assert not table(app).current.cached
                await pilot.press("M")
                assert await ended(pilot, said) == "record ended (exit 0)"
                fetching = said.index("record: fetching the article first…")
                assert fetching < said.index("Running record…")
                (got,) = runs(recorder)
                assert "worked through the night" in got["stdin"]
                assert "# Silt in the channel" in got["file"]
                assert "feed carried" not in got["stdin"] + got["file"]
                file = Path(got["argv"][0])
                assert file.parent.name == f"reader-commands-{os.getuid()}"
                assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
                assert not file.exists()
                await until(pilot, lambda: app.index.get(entry.id).cached, "its row cached")
                assert not app.index.get(entry.id).read  # given to a program, not read

        asyncio.run(check())
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def test_offline_the_feeds_text_stands_in_marked(
    tmp_path: Path,
    recorder: Path,  # noqa: F811
) -> None:
    """The site down (or no network): the text the feed carried, its header saying so, and the
    status line too, as the reading view gives it; with no text in the feed, not run."""
    directory, _server = _uncached(tmp_path, "Dredging resumes at the quay tonight.", page=False)
    mine = command(run=["record-args"], input="text")

    async def check() -> None:
        async with commanded(directory, mine) as (_app, pilot, said):
            await pilot.press("M")
            assert await ended(pilot, said) == "record ended (exit 0)"
            running = _said(said, "Running record")
            assert running.startswith("Running record on the text the feed carried ("), said
            (got,) = runs(recorder)
            assert "Dredging resumes at the quay tonight." in got["stdin"]
            assert "Note: this is the text the feed carried, not the page's" in got["stdin"]

    asyncio.run(check())
    bare, _server = _uncached(tmp_path / "bare", page=False)

    async def refused() -> None:
        async with commanded(bare, mine) as (_app, pilot, said):
            await pilot.press("M")
            start = "record: not run, the article can't be had: "
            await until(pilot, lambda: bool(_said(said, start)), "the line")
            assert not _said(said, "Running")

    asyncio.run(refused())
    assert len(runs(recorder)) == 1


WAIT_THEN_COPY = """#!{python}
import os, shutil, sys, time
with open(os.environ["RECORD_TO"], "a", encoding="utf-8") as out:
    out.write(sys.argv[1] + "\\n")
while not os.path.exists(os.environ["GO"]):  # the reader ends meanwhile
    time.sleep(0.1)
shutil.copy(sys.argv[1], os.environ["COPIED"])
"""


def _waiting_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """`wait-then-copy` on PATH, the temporary directory one of the test's own: that directory,
    the file that lets the program go on, and where it copies its {file}."""
    script = tmp_path / "bin" / "wait-then-copy"
    script.write_text(WAIT_THEN_COPY.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    go, copied = tmp_path / "go", tmp_path / "copied.md"
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setenv("GO", str(go))
    monkeypatch.setenv("COPIED", str(copied))
    return temporary, go, copied


def test_a_programs_file_outlives_the_reader_until_it_ends(
    synced_dir: Path,
    tmp_path: Path,
    recorder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A program still running as the reader ends reads its {file} later all the same, and
    the file goes once the program ends (it was left in the temporary directory for good). A
    command's program not found here stops nothing: its key says so."""
    temporary, go, copied = _waiting_program(tmp_path, monkeypatch)
    (synced_dir / "config.toml").write_text(
        '[[command]]\nkey = "M"\nname = "later"\nrun = ["wait-then-copy", "{file}"]\n'
        # A program of another computer's (a clipboard tool of a desktop): the reader starts.
        '[[command]]\nkey = "ctrl+y"\nname = "copy"\nrun = ["wl-copy-absent", "{citation}"]\n',
        encoding="utf-8",
    )
    try:
        with reader_in_pty(synced_dir) as shown:
            _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
            shown.type(b"\x19")  # Ctrl-Y
            _until(lambda: b"no program 'wl-copy-absent' on PATH" in shown.screen(), "its line")
            shown.type(b"M")
            _until(lambda: recorder.exists() and recorder.read_text().strip(), "the program")
            shown.type(b"Q")
            assert shown.process.wait(timeout=60) == 0
        file = Path(recorder.read_text().strip())
        assert file.parent == temporary / f"reader-commands-{os.getuid()}"
        assert file.exists()  # not cut off: the program has yet to read it
        go.touch()
        _until(lambda: copied.exists() and "# " in copied.read_text(encoding="utf-8"), "the copy")
        _until(lambda: not file.exists(), "the file removed once the program ended")
    finally:
        go.touch()  # the program ends, whatever failed


def test_files_a_killed_reader_left_are_swept_at_the_next_start_but_not_those_held(
    synced_dir: Path,
    tmp_path: Path,
    recorder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader killed (-9) hands no {file} over: those of its programs stayed in the folder
    for good. The next reader's start removes those no process holds, and leaves the one its
    program, still running, reads later, and one a reader running beside it holds."""
    import signal

    from reader.part_files import hold

    temporary, go, copied = _waiting_program(tmp_path, monkeypatch)
    (synced_dir / "config.toml").write_text(
        '[[command]]\nkey = "M"\nname = "later"\nrun = ["wait-then-copy", "{file}"]\n',
        encoding="utf-8",
    )
    folder = temporary / f"reader-commands-{os.getuid()}"
    try:
        with reader_in_pty(synced_dir) as shown:
            _until(lambda: b"available offline" in shown.screen(), "the headlines on screen")
            shown.type(b"M")
            _until(lambda: recorder.exists() and recorder.read_text().strip(), "the program")
            shown.process.send_signal(signal.SIGKILL)
            shown.process.wait(timeout=60)
        running = Path(recorder.read_text().strip())
        assert running.parent == folder and running.exists()
        # Left by a reader killed after its program ended (nothing holds it), and one a reader
        # beside this one holds (its program yet to start).
        left = folder / "article-ab12cd34.md"
        left.write_text("# Left\n", encoding="utf-8")
        beside = folder / "article-ef56gh78.md"
        beside.write_text("# Beside\n", encoding="utf-8")
        held = os.open(beside, os.O_RDONLY)
        hold(held)
        try:
            with reader_in_pty(synced_dir) as shown:
                _until(lambda: b"available offline" in shown.screen(), "the headlines again")
                _until(lambda: not left.exists(), "the file no process holds swept")
                shown.type(b"Q")
                assert shown.process.wait(timeout=60) == 0
            assert beside.exists()
        finally:
            os.close(held)
        assert running.exists()  # its program still runs, and reads it now
        go.touch()
        _until(lambda: copied.exists() and "# " in copied.read_text(encoding="utf-8"), "the copy")
    finally:
        go.touch()  # the program ends, whatever failed


def test_a_value_after_an_option_named_taking_it_runs(recorder: Path) -> None:  # noqa: F811
    """grep's `-e {title}`: a title "-x" is the pattern, not an option, once value_options
    says so; an option not named so (a flag, then a title) is still refused."""
    from reader.user_commands import NotRun, argv_of, user_commands

    values = {"title": "-x", "feed": "-rf"}
    grep = command(run=["record-args", "-e", "{title}"], value_options=["-e"])
    assert argv_of(grep, values) == ["record-args", "-e", "-x"]
    with pytest.raises(NotRun, match=r"in run \(or see value_options\)"):
        argv_of(command(run=["record-args", "-e", "{title}"]), values)
    both = command(run=["record-args", "-e", "{title}", "-f", "{feed}"], value_options=["-e"])
    with pytest.raises(NotRun, match=r"the feed starts with “-”"):
        argv_of(both, values)
    ended_so = command(run=["record-args", "-e", "--", "{title}"], value_options=["-e"])
    with pytest.raises(NotRun):  # "--" is -e's pattern here, not the end of the options
        argv_of(ended_so, values)
    with pytest.raises(ValueError, match="value_options names '-o', not an option of run"):
        table = {"key": "M", "name": "g", "run": ["record-args", "{title}", "-o"]}
        user_commands([{**table, "value_options": ["-o"]}])


def test_an_argument_written_from_home_starts_there(
    recorder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`~/` written at an argument's start is the home directory, as a shell has it (a user's
    `cp {file} ~/saved/` made a folder named "~"); a "~" a title brings is a "~"."""
    from reader.user_commands import argv_of

    monkeypatch.setenv("HOME", "/home/ann")
    saving = command(run=["record-args", "~/saved/{title}.md", "--", "{title}", "x~/y", "~user"])
    argv = argv_of(saving, {"title": "~/evil"})
    assert argv[1:] == ["/home/ann/saved/~/evil.md", "--", "~/evil", "x~/y", "~user"]
