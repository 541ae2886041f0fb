"""The reader upgraded under it while it is open (`pip install -U`, a `git pull` of the editable
install): a module it imports on first use, or a worker process it starts, is the new code
against the old in memory. It said so in a traceback, or as every feed's and page's failure
(acc45a A5); now in one line, nothing lost. The real reader, run from a copy of its package in
a terminal of its own; the copy's files changed under it as an upgrade changes them."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from cli_run import run_reader
from hostile_site import rss
from pty_reader import PtyReader, reader_in_pty
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import reader

UPGRADED = b"reader was upgraded while open"


@pytest.fixture
def code(tmp_path: Path) -> Path:
    """A directory holding a copy of the reader's package, as an install holds it."""
    installed = tmp_path / "code"
    shutil.copytree(
        Path(reader.__file__).parent,
        installed / "reader",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return installed


def _upgrade(module: Path, old: str, new: str) -> None:
    """`module` as an upgrade leaves it: a name the old code imports from it renamed."""
    text = module.read_text(encoding="utf-8")
    assert old in text
    module.write_text(text.replace(old, new), encoding="utf-8")


def _shown(running: PtyReader, what: bytes, timeout: float = 60.0) -> bool:
    """Whether `what` comes on the reader's terminal within `timeout` seconds."""
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        if what in running.screen():
            return True
        if running.process.poll() is not None:
            return what in running.screen()
        time.sleep(0.1)
    return False


def _text(running: PtyReader) -> str:
    """What the terminal was sent, its escapes taken out: for an assertion's message."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]| +", " ", running.screen().decode(errors="replace"))


def _growing_feed(httpserver: HTTPServer, data_dir: Path) -> None:
    """A feed added to the library at `data_dir`, with a new story each time it is asked for:
    read again by each refresh (parsed by a worker), not passed over as the same bytes."""
    asked = []

    def answer(_request: Request) -> Response:
        asked.append(1)
        stories = [(f"Story {n}", httpserver.url_for(f"/{n}.html")) for n in range(len(asked) + 1)]
        return Response(rss("Upgraded Feed", stories), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(answer)
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0


def test_a_dialog_imported_after_an_upgrade_quits_in_a_line_keeping_the_place(
    code: Path, synced_dir: Path
) -> None:
    (synced_dir / "config.toml").write_text("[feeds]\nrefresh_on_open = false\n", "utf-8")
    with reader_in_pty(synced_dir, cwd=code) as running:
        assert _shown(running, b"Help"), _text(running)[-2000:]
        running.type(b"\r")  # the first headline's article
        assert _shown(running, b"Original"), _text(running)[-2000:]  # the reading view's keys
        running.type(b"  ")  # two pages down: kept as it quits, before its own timer's keeping
        _upgrade(code / "reader/ui/dialogs/help.py", "class HelpScreen", "class HelpPage")
        running.type(b"?")
        assert running.process.wait(timeout=60) == 1
        time.sleep(0.3)  # its last bytes read off the terminal
        screen = running.screen()
    assert b"Traceback" not in screen
    said = screen.replace(b"\r\n", b" ")  # broken at words to the terminal's width (`err`)
    assert b"reader: reader was upgraded while open (its files changed at " in said
    assert b"it has quit, its place and marks kept: start it again" in said
    from reader.store import Store

    links = [h["link"] for h in json.loads(run_reader(synced_dir, "list", "--json").stdout)]
    store = Store(synced_dir)
    try:
        assert any(store.reading_place(link) for link in links)
    finally:
        store.close()


def test_a_worker_started_after_an_upgrade_says_so_and_fails_no_feed(
    code: Path, data_dir: Path, httpserver: HTTPServer
) -> None:
    _growing_feed(httpserver, data_dir)
    # The workers' module: the worker the refresh starts imports the new one.
    upgrade = partial(
        _upgrade, code / "reader/feeds.py", "def parse_feed(", "def parse_feed_bytes("
    )
    _refresh_said_upgraded(code, data_dir, upgrade)


def _refresh_said_upgraded(
    code: Path,
    data_dir: Path,
    upgrade: Callable[[], object],
    environment: dict[str, str] | None = None,
) -> None:
    """The reader open on `data_dir`, run from `code`, upgraded (`upgrade`) before its feed is
    refreshed: the refresh says so in one line, and fails no feed."""
    (data_dir / "config.toml").write_text("[feeds]\nrefresh_on_open = false\n", encoding="utf-8")
    with reader_in_pty(data_dir, cwd=code, environment=environment) as running:
        assert _shown(running, b"Help"), _text(running)[-2000:]
        upgrade()
        running.type(b"r")
        assert _shown(running, UPGRADED), _text(running)[-3000:]
        assert b"Traceback" not in running.screen()
        running.type(b"q")
        assert running.process.wait(timeout=60) == 0
    feeds = run_reader(data_dir, "feeds")
    assert "did not foresee" not in feeds.stdout + feeds.stderr


_WORKER_CANT_START = """
import os as _os
if _os.getppid() != {test!r}:  # not the reader, the test's child: a worker, which can't start
    with open({noted!r}, "a", encoding="utf-8") as _noted:
        _noted.write("a worker\\n")
    raise ImportError("cannot import name 'time_limit_off'")
"""
"""What a worker process meets in `reader/time_limit.py` made so: an import that fails (each
worker's start noted in a file); the reader's own process imports it as it was."""


@pytest.mark.parametrize("changed", ["while open", "before the start"])
def test_a_worker_that_cannot_start_after_an_upgrade_says_so_at_its_first_try(
    code: Path, data_dir: Path, httpserver: HTTPServer, changed: str
) -> None:
    """A worker that can't start, its imports failing against the reader's new files, was
    started again twice before the line was said (three pools, each ~0.5 s of CPU and more of
    a loaded machine): an upgrade is told at the first failure now. A worker that can't start
    for a reason of its own (its files were so when the reader began) keeps its tries. Their
    tracebacks go to the data directory's errors.log, not over the screen."""
    _growing_feed(httpserver, data_dir)
    (data_dir / "config.toml").write_text(
        "[feeds]\nrefresh_on_open = false\nfetch_ahead = 0\n[system]\nworkers = 1\n",
        encoding="utf-8",
    )
    noted = code / "workers started"
    module = code / "reader/time_limit.py"
    broken = module.read_text(encoding="utf-8") + _WORKER_CANT_START.format(
        test=os.getpid(), noted=str(noted)
    )
    if changed == "before the start":
        module.write_text(broken, encoding="utf-8")
        past = time.time() - 60
        os.utime(module, (past, past))
    with reader_in_pty(data_dir, cwd=code) as running:
        assert _shown(running, b"Help"), _text(running)[-2000:]
        if changed == "while open":
            module.write_text(broken, encoding="utf-8")
        running.type(b"r")
        if changed == "while open":
            assert _shown(running, UPGRADED), _text(running)[-3000:]
            assert noted.read_text(encoding="utf-8").count("a worker") == 1
        else:
            assert _shown(running, b"did not foresee"), _text(running)[-3000:]
            assert noted.read_text(encoding="utf-8").count("a worker") == 3
            assert UPGRADED not in running.screen()
        running.type(b"q")
        assert running.process.wait(timeout=60) == 0
        time.sleep(0.3)  # its last bytes read off the terminal
        # Python's traceback of each worker that could not start, printed on its inherited
        # error output from its first line, was drawn over the screen: it is in the log.
        assert b"Traceback" not in running.screen()
    log = (data_dir / "errors.log").read_text(encoding="utf-8")
    assert log.count("ImportError: cannot import name 'time_limit_off'") == (
        1 if changed == "while open" else 3
    ), log


def _installed(site: Path, package: Path, version: str) -> Path:
    """`package` (a library's folder) installed into `site` as pip installs it, as `version`:
    its files and a metadata folder written now (`name-version.dist-info`); its folder."""
    metadata = next(package.parent.glob(f"{package.name}-*.dist-info"))
    made = site / f"{package.name}-{version}.dist-info"
    made.mkdir()
    for part in metadata.iterdir():
        if part.is_file():
            (made / part.name).write_bytes(part.read_bytes())
    shutil.copytree(package, site / package.name, ignore=shutil.ignore_patterns("__pycache__"))
    return site / package.name


def test_a_library_installed_anew_under_the_open_reader_is_said_as_an_upgrade(
    code: Path, data_dir: Path, httpserver: HTTPServer
) -> None:
    """feedparser upgraded (`pip install -U`) under the open reader, the worker the next
    refresh starts importing the new version against the reader's code: a private method the
    reader wraps gone. Said as every feed's "error the reader did not foresee"; as the upgrade
    now, in one line, as the reader's own files changed are."""
    import feedparser

    _growing_feed(httpserver, data_dir)
    site = code.parent / "site-packages"
    site.mkdir()
    package = Path(feedparser.__file__).parent
    _installed(site, package, "6.0.0")

    def upgrade() -> None:
        for old in site.iterdir():  # uninstalled, the new version installed
            shutil.rmtree(old)
        new = _installed(site, package, "6.1.0")
        _upgrade(new / "mixin.py", "def _sync_author_detail(", "def _sync_author_details(")

    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    _refresh_said_upgraded(code, data_dir, upgrade, {"PYTHONPATH": path})


def test_a_sync_running_as_the_reader_is_upgraded_ends_in_a_line(
    code: Path, data_dir: Path, httpserver: HTTPServer
) -> None:
    asked: list[int] = []
    upgraded = threading.Event()

    def answer(_request: Request) -> Response:
        asked.append(1)
        if len(asked) > 1:
            upgraded.wait(60)  # the sync's fetch answered once its code has changed under it
        stories = [(f"Story {n}", httpserver.url_for(f"/{n}.html")) for n in range(len(asked))]
        return Response(rss("Upgraded Feed", stories), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(answer)
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    sync = subprocess.Popen(
        [sys.executable, "-m", "reader", "sync", "--no-articles"],
        cwd=code,
        env={**os.environ, "READER_HOME": str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        give_up = time.monotonic() + 60
        while len(asked) < 2 and time.monotonic() < give_up:
            time.sleep(0.05)
        _upgrade(code / "reader/feeds.py", "def parse_feed(", "def parse_feed_bytes(")
        upgraded.set()
        out, errors = sync.communicate(timeout=120)
    finally:
        upgraded.set()
        if sync.poll() is None:
            sync.kill()
    assert "Traceback" not in errors, errors
    assert "reader: reader was upgraded while this command ran (its files changed at " in errors
    assert sync.returncode == 1, (out, errors)
    feeds = run_reader(data_dir, "feeds")
    assert "did not foresee" not in feeds.stdout + feeds.stderr


def test_only_a_file_changed_since_the_start_and_not_ahead_of_the_clock_is_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.upgraded as upgraded

    module = tmp_path / "module.py"
    module.write_text("", encoding="utf-8")
    monkeypatch.setattr(upgraded, "_PACKAGE", str(tmp_path))
    monkeypatch.setattr(upgraded, "_changed", None)
    monkeypatch.setattr(upgraded, "_looked_at", 0.0)
    monkeypatch.setattr(upgraded, "STARTED_AT", time.time() - 60)
    ahead = time.time() + 3600  # unpacked from a machine whose clock is an hour ahead
    os.utime(module, (ahead, ahead))
    assert upgraded.upgrade_in(ImportError("x")) is None
    monkeypatch.setattr(upgraded, "_looked_at", 0.0)
    os.utime(module)  # changed now, after the start
    said = upgraded.upgrade_in(ImportError("x"))
    assert said is not None and isinstance(said.__cause__, ImportError)
    # Raised in a worker process, it comes back whole.
    again = pickle.loads(pickle.dumps(said))
    assert str(again) == str(said) and again.changed == said.changed


def test_a_distribution_installed_since_the_start_is_an_upgrade_a_module_gone_elsewhere_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.upgraded as upgraded

    monkeypatch.setattr(upgraded, "_changed", None)
    monkeypatch.setattr(upgraded, "_looked_at", 0.0)
    (tmp_path / "left_here.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("left_here")
    try:
        (tmp_path / "left_here.py").unlink()  # a test's module, its folder holding no library
        assert upgraded.upgrade_in(ImportError("x")) is None
        monkeypatch.setattr(upgraded, "_looked_at", 0.0)
        (tmp_path / "textual-9.0.0.dist-info").mkdir()  # a library installed now
        said = upgraded.upgrade_in(ImportError("x"))
        assert said is not None and isinstance(said.__cause__, ImportError)
    finally:
        del sys.modules["left_here"]
