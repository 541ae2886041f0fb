"""The command line as an archivist's cron jobs and shell scripts use it (acc38b): a data
directory that isn't there refused rather than made empty, exit statuses a wrapper can act on,
ids from stdin for every command taking articles, `show --format json` keyed by id, and no
progress drawn into a pipe. The real commands on the demo site's synced library."""

from __future__ import annotations

import asyncio
import io
import json
import os
import pty
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import common
from reader.store.format_upgrade import upgrade_said
from tests.cli_run import run_reader
from tests.pty_reader import sized


def _ids(home: Path, *options: str) -> list[str]:
    return run_reader(home, "list", "--ids", *options).stdout.split()


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--json"],
        ["sync", "-q"],
        ["feeds"],
        ["show", "abc123", "--offline"],
        ["mark-read"],
        ["export"],
        ["save", "abc123"],
        ["search-feed", "list"],
        ["cache"],
    ],
)
def test_a_data_directory_not_there_is_refused_not_made(tmp_path: Path, command: list[str]) -> None:
    """A typo or an archive disk not mounted: one line, exit 1, and nothing made (parents
    neither), where an empty library "synced" with exit 0 every cron run (acc38b K4)."""
    missing = tmp_path / "archive" / "reader"
    home = tmp_path / "home"
    done = run_reader(home, "--data-dir", str(missing), *command)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"reader: no library at {missing}: `reader add URL` or `reader import FILE` starts one"
        " (`reader --data-dir DIR demo`: one of a sample site's feeds)\n"
    )
    assert not (tmp_path / "archive").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--ids"],
        ["sync", "-q"],
        ["feeds", "--json"],
        ["show", "abc123", "--offline"],
        ["mark-read"],
        ["export"],
        ["cache"],
        ["highlights"],
    ],
)
def test_an_empty_directory_is_refused_as_one_not_there_is(
    tmp_path: Path, command: list[str]
) -> None:
    """An unmounted mount point (or a forgotten `mkdir`) is an empty directory: it was taken as
    a library and filled, an empty one every cron run "synced" with exit 0 (cli38's K4 left
    it). Refused, nothing written in it."""
    mount_point = tmp_path / "mnt" / "archive"
    mount_point.mkdir(parents=True)
    done = run_reader(tmp_path / "home", "--data-dir", str(mount_point), *command)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"reader: {mount_point} is empty: no library there (not mounted?); `reader add URL` or"
        " `reader import FILE` starts one (`reader --data-dir DIR demo`: one of a sample site's"
        " feeds)\n"
    )
    assert list(mount_point.iterdir()) == []


def test_extract_makes_nothing_in_the_data_directory(tmp_path: Path) -> None:
    """`reader extract` reads a file: given a data directory that isn't there it made it, and
    wrote a config.toml of the defaults in it (and in an empty one): a library begun as a side
    effect. Where a config is, its site rules are read."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>Harbour</h1><p>The channel is clear again after a summer of"
        " dredging, the harbour master said on Friday.</p><p class='hours'>The harbour office"
        " is open on Saturdays from nine until noon for mooring permits.</p></article></body>"
        "</html>",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    missing, empty = tmp_path / "none", tmp_path / "empty"
    empty.mkdir()
    for data in (missing, empty):
        done = run_reader(home, "--data-dir", str(data), "extract", str(page))
        assert done.returncode == 0, done.stderr
        assert "The channel is clear" in done.stdout and "mooring permits" in done.stdout
    assert not missing.exists() and list(empty.iterdir()) == []
    (empty / "config.toml").write_text(
        '[sites."example.org"]\ndrop = [".hours"]\n', encoding="utf-8"
    )
    url = ("--url", "https://example.org/harbour")
    done = run_reader(home, "--data-dir", str(empty), "extract", str(page), *url)
    assert done.returncode == 0 and "mooring permits" not in done.stdout
    assert [p.name for p in empty.iterdir()] == ["config.toml"]


def test_import_and_config_start_a_library_where_none_is(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline type="rss" text="Harbour"'
        ' xmlUrl="http://127.0.0.1:9/feed.xml"/></body></opml>',
        encoding="utf-8",
    )
    made = tmp_path / "new" / "lib"
    done = run_reader(tmp_path / "home", "--data-dir", str(made), "import", str(opml))
    assert done.returncode == 0, done.stderr
    listed = run_reader(tmp_path / "home", "--data-dir", str(made), "feeds", "--json")
    assert [row["url"] for row in json.loads(listed.stdout)] == ["http://127.0.0.1:9/feed.xml"]
    shown = run_reader(tmp_path / "home", "--data-dir", str(tmp_path / "c"), "config")
    assert shown.returncode == 0 and (tmp_path / "c" / "config.toml").exists()
    # An empty directory (a new disk's mount point, mounted) is started as a library by them.
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_reader(tmp_path / "home", "--data-dir", str(empty), "import", str(opml))
    assert done.returncode == 0, done.stderr
    listed = run_reader(tmp_path / "home", "--data-dir", str(empty), "feeds", "--json")
    assert [row["url"] for row in json.loads(listed.stdout)] == ["http://127.0.0.1:9/feed.xml"]


def test_exit_statuses_a_cron_wrapper_acts_on(synced_dir: Path) -> None:
    """Nothing matched or nothing to do: 0, said on stderr; a config to mend: 78 (EX_CONFIG),
    told from a command line's mistake (2) and a failure (1) (acc38b K5)."""
    nothing = run_reader(synced_dir, "list", "--search", "zzqxnonword", "--ids")
    assert (nothing.returncode, nothing.stdout.strip()) == (0, "")
    assert "no headline or cached article holds" in nothing.stderr
    one = _ids(synced_dir)[0]
    assert run_reader(synced_dir, "unsave", one).returncode == 0
    assert run_reader(synced_dir, "highlights", one).returncode == 0
    (synced_dir / "config.toml").write_text('[ui]\ntheme = "solarized"\n', encoding="utf-8")
    bad = run_reader(synced_dir, "list")
    assert bad.returncode == 78 and bad.stderr.startswith("reader: bad setting in ")
    (synced_dir / "config.toml").write_text("[ui\n", encoding="utf-8")
    assert run_reader(synced_dir, "list").returncode == 78
    (synced_dir / "config.toml").unlink()
    assert run_reader(synced_dir, "show", "nosuchid", "--offline").returncode == 1
    assert run_reader(synced_dir, "list", "--since", "yesterday").returncode == 2


def test_show_json_objects_carry_their_id_and_feed(synced_dir: Path) -> None:
    """`list --ids | xargs show --format json`: each object keyed back to its id (acc38b K7);
    one id given, one object; several or `-`, a list."""
    first, second = _ids(synced_dir)[:2]
    feeds = {
        row["id"]: row["feed"]
        for row in json.loads(run_reader(synced_dir, "list", "--json").stdout)
    }
    one = json.loads(run_reader(synced_dir, "show", first, "--offline", "--format", "json").stdout)
    assert (one["id"], one["feed"]) == (first, feeds[first])
    both = run_reader(synced_dir, "show", first, second, "--offline", "--format", "json")
    assert [(o["id"], o["feed"]) for o in json.loads(both.stdout)] == [
        (first, feeds[first]),
        (second, feeds[second]),
    ]
    piped = run_reader(
        synced_dir, "show", "-", "--offline", "--format", "json", stdin=f"{first}\n".encode()
    )
    assert [o["id"] for o in json.loads(piped.stdout)] == [first]


def test_every_command_taking_articles_takes_them_from_stdin(synced_dir: Path) -> None:
    """`reader list --ids … | reader save -` as `| reader tag -` (acc38b K9), and `save`,
    `unsave`, `forget` take several as `archive` does."""
    first, second, third = _ids(synced_dir)[:3]
    piped = f"{first}\n\n{second}\n".encode()
    saved = run_reader(synced_dir, "save", "-", "--offline", stdin=piped)
    assert saved.returncode == 0, saved.stderr
    assert set(_ids(synced_dir, "--saved")) == {first, second}
    assert run_reader(synced_dir, "unsave", first, second).returncode == 0
    assert _ids(synced_dir, "--saved") == []
    assert run_reader(synced_dir, "save", first, third, "--offline").returncode == 0
    assert set(_ids(synced_dir, "--saved")) == {first, third}
    archived = run_reader(synced_dir, "archive", "-", stdin=f"{third}\n".encode())
    assert archived.returncode == 0, archived.stderr
    assert _ids(synced_dir, "--archived") == [third]
    shown = run_reader(synced_dir, "show", "-", "--offline", stdin=f"{first}\n{third}\n".encode())
    assert shown.returncode == 0 and shown.stdout.count("\n\n") > 2
    forgot = run_reader(synced_dir, "forget", "-", stdin=f"{second}\n".encode())
    assert forgot.returncode == 0 and forgot.stdout.startswith("forgotten: ")
    assert second in _ids(synced_dir, "--not-offline")
    # One of several naming nothing is said; the others still go; exit 1.
    mixed = run_reader(synced_dir, "unsave", "nosuchid", first)
    assert mixed.returncode == 1 and "nosuchid" in mixed.stderr
    assert _ids(synced_dir, "--saved") == [third]
    # An empty list piped in (a search that found none): nothing to do.
    assert run_reader(synced_dir, "save", "-", stdin=b"").returncode == 0
    assert run_reader(synced_dir, "tag", "-", "port", stdin=b"").returncode == 0


def test_progress_is_drawn_only_where_the_output_is_the_terminal_or_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader export --format markdown | less`: the bar was drawn on the terminal less owns
    (acc38b K11); from cron, its lines were mailed every run (K6)."""
    terminal, other_end = pty.openpty()
    reading, writing = os.pipe()
    as_file = (tmp_path / "out.md").open("w")
    tty_err = os.fdopen(os.dup(terminal), "w")
    piped_out = os.fdopen(writing, "w")
    try:
        tty_out = os.fdopen(os.dup(terminal), "w")
        monkeypatch.setattr(sys, "stderr", tty_err)
        monkeypatch.setattr(sys, "stdout", tty_out)
        assert common.progress_shown()
        monkeypatch.setattr(sys, "stdout", as_file)
        assert common.progress_shown()  # `reader export > book.md`
        monkeypatch.setattr(sys, "stdout", piped_out)
        assert not common.progress_shown()  # `| less`
        monkeypatch.setattr(sys, "stdout", tty_out)
        monkeypatch.setattr(sys, "stderr", as_file)
        assert not common.progress_shown()  # `2>>log`
        monkeypatch.undo()
        tty_out.close()
    finally:
        for stream in (as_file, tty_err, piped_out):
            stream.close()
        for fd in (terminal, other_end, reading):
            os.close(fd)


def _mark_format(home: Path, format_number: int) -> None:
    """`home` marked as written by a reader of `format_number`, as an older reader leaves it."""
    from reader.store import Store

    store = Store(home)
    try:
        store._state.set("format", format_number)
    finally:
        store.close()


def test_an_older_library_is_read_as_it_is_and_its_upgrade_said_once(synced_dir: Path) -> None:
    """`reader list` upgraded a library an older reader shares (a synced folder, another
    machine) without a word, locking that reader out (acc38b K1): the commands that only read
    leave it as it is; the first that writes upgrades it and says so, once."""
    _mark_format(synced_dir, 5)
    one = _ids(synced_dir)[0]
    for command in (
        ["list", "--json"],
        ["feeds"],
        ["show", one, "--offline"],
        ["export", "--format", "markdown"],
        ["cache"],
    ):
        done = run_reader(synced_dir, *command)
        assert done.returncode == 0 and "upgraded" not in done.stderr, (command, done.stderr)
    unread = _ids(synced_dir, "--unread")
    upgraded = run_reader(synced_dir, "mark-read", unread[0])
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stderr == f"reader: {upgrade_said(synced_dir, 5)}\n"
    again = run_reader(synced_dir, "mark-read", unread[1])
    assert (again.returncode, again.stderr) == (0, "")


def _format_of(home: Path) -> int | None:
    from reader.store import Store

    store = Store(home, upgrade=False)
    try:
        return store.older_format
    finally:
        store.close()


def test_the_reader_asks_before_it_upgrades_an_older_library(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader upgraded an older library without a word, as `reader list` did (acc38b K1):
    it asks before it starts, and no (or no answer) reads it as it is."""
    from reader.cli.demo import _upgrade_agreed

    assert _upgrade_agreed(synced_dir) is True  # of the reader's own format: nothing to ask
    assert capsys.readouterr().err == ""
    _mark_format(synced_dir, 5)
    for answer, agreed in (("\n", False), ("", False), ("n\n", False), ("y\n", True)):
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        assert _upgrade_agreed(synced_dir) is agreed
        assert capsys.readouterr().err == (
            f"reader: the data directory {synced_dir} is of an older format (5): the reader keeps"
            " marks, places and its refresh in it once it is upgraded to format 8, which"
            " readers of format 7 or older can no longer open, and there is no downgrade; to"
            " keep a copy the older reader can open, copy the directory before it is upgraded"
            f" (`cp -a {synced_dir} {synced_dir}.format5`): answer n, copy, start again\n"
            "reader: upgrade it now? y: upgrade it; n (or Enter): read it as it is, keeping"
            " nothing\n"
        )
    assert _format_of(synced_dir) == 5  # asking changed nothing


def test_the_reader_with_its_errors_to_a_file_asks_nothing_and_says_why(
    synced_dir: Path, tmp_path: Path
) -> None:
    """`reader 2>log` on an older library wrote the upgrade question into the file and waited
    on a blank terminal for its answer (and on any library drew its screen into the file: the
    screen is drawn on the errors' stream): one line in the file, exit 2, nothing asked."""
    import time

    from tests.pty_reader import reader_in_pty

    _mark_format(synced_dir, 5)
    log = tmp_path / "errors.log"
    with reader_in_pty(synced_dir, errors_to=log) as shown:
        deadline = time.monotonic() + 60
        while shown.process.poll() is None:
            assert time.monotonic() < deadline, f"it waits: {log.read_text()[:300]!r}"
            time.sleep(0.2)
        assert shown.process.returncode == 2
    assert log.read_text().splitlines() == [
        "reader: the reader needs a terminal (its error output is not one: the screen is drawn"
        " there); in a script: reader list, reader sync, reader show"
    ]
    assert _format_of(synced_dir) == 5


def test_the_reader_on_a_pipe_never_closed_asks_nothing(synced_dir: Path) -> None:
    """Its input a pipe that never closes (a wrapper's): no question read from it, nor a wait,
    but one line and exit 2, the usage's (README, Exit status), an older library or not."""
    import subprocess

    _mark_format(synced_dir, 5)
    main, secondary = pty.openpty()
    sized(secondary, 24, 80)
    env = {**os.environ, "READER_HOME": str(synced_dir), "TERM": "xterm-256color"}
    with subprocess.Popen(
        [sys.executable, "-m", "reader"],
        stdin=subprocess.PIPE,
        stdout=secondary,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        os.close(secondary)
        try:
            code = process.wait(timeout=60)
            said = process.stderr.read().decode() if process.stderr else ""
        finally:
            if process.poll() is None:
                process.kill()
            os.close(main)
    assert code == 2
    assert said.splitlines() == [
        "reader: the reader needs a terminal (its input is not one); in a script: reader list,"
        " reader sync, reader show"
    ]
    assert _format_of(synced_dir) == 5


def test_the_reader_reads_an_older_library_as_it_is_or_says_its_upgrade(synced_dir: Path) -> None:
    """Opened not to upgrade it, the reader reads it as it is, as on a read-only disk: browsing
    (an article opened, fetched and shown though not cached; a mark) leaves it of its format
    and unchanged, said in a notice and the status line; opened to upgrade it, the notice says
    so, as every command's first write does."""
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article.article_body import ArticleBody
    from tests.tui_pilot import notices_raised, open_titled, started, status, until

    first = json.loads(run_reader(synced_dir, "list", "--json").stdout)[0]
    assert run_reader(synced_dir, "forget", first["id"]).returncode == 0  # for the reader to fetch
    _mark_format(synced_dir, 5)

    async def run(upgrade: bool) -> list[str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.upgrade = upgrade
        app.prefetch_limit = 0
        raised = notices_raised(app)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            if not upgrade:  # said for as long as it is open, as a read-only disk is
                said = "the data directory is of an older format: nothing new is kept"
                await until(pilot, lambda: said in status(app), "the status line")
            body = await open_titled(pilot, first["title"])
            assert isinstance(body, ArticleBody) and len(body.lines) > 5  # its text, fetched
            await pilot.press("escape", "m")
        return raised

    said = asyncio.run(run(False))
    assert said[0] == (
        f"the data directory {synced_dir} is of an older format (5): read as it is; a command"
        " that changes it upgrades it"
    )
    assert _format_of(synced_dir) == 5
    (row,) = [
        r
        for r in json.loads(run_reader(synced_dir, "list", "--json").stdout)
        if r["id"] == first["id"]
    ]
    assert (row["cached"], row["read"]) == (False, False)  # shown, nothing kept
    said = asyncio.run(run(True))
    assert said[0] == upgrade_said(synced_dir, 5)[:1].upper() + upgrade_said(synced_dir, 5)[1:]
    assert _format_of(synced_dir) is None
    assert not [n for n in asyncio.run(run(True)) if "upgraded" in n]  # said once


def _documented_fields() -> dict[str, tuple[set[str], set[str]]]:
    """README's JSON output section: each table's fields by the line heading it, those a row
    says are given "only" for some apart; `a.b` the field `b` of the object `a`, or of each
    object in the list `a`."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### JSON output\n", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, tuple[set[str], set[str]]] = {}
    heading = ""
    for line in section.splitlines():
        if line.startswith("`reader "):
            heading = line.split("`")[1]
            tables[heading] = (set(), set())
        elif line.startswith("| `") and heading:
            cell, _, said = [*line.split(" | "), "", ""][:3]
            names = set(re.findall(r"`([a-z_.]+)`", cell))
            tables[heading][1 if said.startswith("only") else 0].update(names)
    return tables


def test_the_json_fields_readme_lists_are_those_printed(synced_dir: Path) -> None:
    """README's JSON output lists every field of every command's JSON, and no other (acc38b
    K14): a field added to one without a word there fails this."""
    documented = _documented_fields()
    listed = json.loads(run_reader(synced_dir, "list", "--json").stdout)
    always, _ = documented["reader list --json"]
    assert {key for row in listed for key in row} == always
    word = listed[0]["title"].split()[0]
    found = json.loads(run_reader(synced_dir, "list", "--search", word, "--json").stdout)
    extra, _ = documented["reader list --search WORDS --json"]
    assert found and set(found[0]) == always | extra
    shown = run_reader(synced_dir, "show", listed[0]["id"], "--offline", "--format", "json")
    always, sometimes = documented["reader show --format json"]
    assert always <= set(json.loads(shown.stdout)) <= always | sometimes
    assert run_reader(synced_dir, "search-feed", "add", "Storms", "storm").returncode == 0
    rows = json.loads(run_reader(synced_dir, "feeds", "--json").stdout)
    always, _ = documented["reader feeds --json"]
    search_only = {"words", "kept"}
    assert {key for row in rows if row["kind"] == "feed" for key in row} == always - search_only
    assert {key for row in rows if row["kind"] == "search" for key in row} == always


def _printed_fields(printed: Any, documented: set[str]) -> set[str]:
    """The fields of the JSON `printed` (an object, or a list of them) by README's names: `a.b`
    for each field `b` of the object `a`, or of each object in the list `a`, where README names
    the fields of `a` (an object keyed by addresses, `by_feed`, is one field)."""
    parents = {name.rsplit(".", 1)[0] for name in documented if "." in name}
    found: set[str] = set()

    def walk(value: Any, path: str) -> None:
        for one in value if isinstance(value, list) else [value]:
            if not isinstance(one, dict):
                continue
            for key, inner in one.items():
                found.add(path + key)
                if path + key in parents:
                    walk(inner, f"{path}{key}.")

    walk(printed, "")
    return found


def test_the_json_fields_readme_lists_for_cache_prune_and_highlights_are_those_printed(
    synced_dir: Path,
) -> None:
    """`reader cache --json`, `cache prune --json` and `highlights --format json` were described
    beside their commands, held by no test to what they print (README had no word of the
    pictures' fields): now each is a table of README's JSON output, and held to it here."""
    from tests.test_highlights_out import SENTENCE, TITLE, keep

    documented = _documented_fields()
    held = json.loads(run_reader(synced_dir, "cache", "--json").stdout)
    always, _ = documented["reader cache --json"]
    assert _printed_fields(held, always) == always
    keep(synced_dir, TITLE, (SENTENCE, "check the abstention"))
    kept = json.loads(run_reader(synced_dir, "highlights", "--format", "json").stdout)
    always, _ = documented["reader highlights --format json"]
    assert kept and _printed_fields(kept, always) == always
    # Every part of a prune given, as the config's limits give them all (dry: nothing goes).
    (synced_dir / "config.toml").write_text(
        '[cache]\nmax_size = "1KB"\n[feeds]\ndrop_read_after = "1d"\nmax_items = 2\n',
        encoding="utf-8",
    )
    assert run_reader(synced_dir, "mark-read").returncode == 0
    pruned = run_reader(synced_dir, "cache", "prune", "--dry-run", "--json")
    assert pruned.returncode == 0, pruned.stderr
    always, _ = documented["reader cache prune --json"]
    assert _printed_fields(json.loads(pruned.stdout), always) == always
