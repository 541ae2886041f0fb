"""Shared fixtures: the real demo news site on loopback, and data directories synced from it."""

from __future__ import annotations

import asyncio
import compileall
import gc
import os
import shutil
import sys
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

# Headline times are shown in local time; pin it so text and snapshots don't depend on the machine.
# Before tests.cli_run is imported: it takes the time zone it finds as the one commands run with in
# this process, and one pinned after it (a library_home import put it first) ran every command
# of the suite as a process of its own (~0.2-0.4 s each).
os.environ["TZ"] = "UTC"
time.tzset()  # and in this process, where the commands run too (tests/cli_run.py)

import pytest  # noqa: E402
from pytest_httpserver import HTTPServer  # noqa: E402

from reader.demo.server import DemoServer, start_demo_server  # noqa: E402
from reader.library import Library  # noqa: E402
from tests.cli_run import library_home  # noqa: E402
from tests.failing_site import FailingSite  # noqa: E402
from tests.served_feed import own_http_server  # noqa: E402
from tests.silent_host import SilentHost  # noqa: E402

# No test copies to the clipboard of whoever runs it (X, Wayland, or the tmux it runs in): the
# clipboard tests put tools of their own on the PATH and set these themselves.
for _name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
    os.environ.pop(_name, None)
# The reader's own folders for a viewer's or a command's files in the temporary directory, as
# the tests look for them there, not in a desktop session's runtime directory (`own_folder`).
os.environ.pop("XDG_RUNTIME_DIR", None)
# Drawn as on a terminal of millions of colours, whatever the one running the tests (TERM=xterm
# with no COLORTERM has 16, and the reader's themes for 16 are others: `themes`), so that
# snapshots and colours don't depend on it; tests of 16 colours set TERM and COLORTERM themselves.
os.environ["COLORTERM"] = "truecolor"
# The reader's own modules compiled once, as uv compiles the dependencies (`compile-bytecode` in
# pyproject.toml): where PYTHONDONTWRITEBYTECODE is set each `reader` command, extraction worker
# and xdist worker the tests start would compile them again (half test_cli.py's CPU, measured).
# By the first process only; later ones find them up to date.
if "PYTEST_XDIST_WORKER" not in os.environ:
    _here = Path(__file__).parent
    for _tree in (_here.parent / "reader", _here):
        compileall.compile_dir(_tree, quiet=1)


@pytest.fixture(autouse=True)
def _thawed_after() -> Iterator[None]:
    """What a reader run in the test froze out of the collector's way (`reader.ui.collector`)
    given back to it after the test: a reader runs one app a process, which never thaws, and
    frozen, each in-process reader's screens, headlines and store outlived it for the rest of
    the test process (20,000-27,000 objects, ~4 MB a reader: benchmarks/descriptors.py)."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
    # And the collector's own record of them, as a fresh process has it: an earlier reader's
    # count of what it froze (~150,000-350,000 here) kept the next one from ever thawing, and
    # its article screens were frozen after Esc (test_memory, in a full run only).
    collector = sys.modules.get("reader.ui.collector")
    if collector is not None:
        collector.forget_earlier_readers()


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    server = start_demo_server()
    yield server
    server.stop()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty library, as `reader add` starts one: the commands refuse a directory that isn't
    there or is empty (`reader.cli.common.library_missing`)."""
    return library_home(tmp_path / "data")


def sync_into(directory: Path, feed_urls: list[str], articles: bool = True) -> None:
    async def run() -> None:
        async with Library(directory, workers="thread") as lib:
            for url in feed_urls:
                lib.add_feed(url)
            await lib.sync(articles=articles)

    asyncio.run(run())


@pytest.fixture(scope="session")
def synced_master(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> Path:
    """A data directory subscribed to every demo feed with every article cached. Read-only: copy it."""
    directory = tmp_path_factory.mktemp("synced") / "data"
    sync_into(directory, demo_server.feed_urls)
    return directory


@pytest.fixture
def synced_dir(synced_master: Path, tmp_path: Path) -> Path:
    """A private copy of the synced data directory, free to change."""
    target = tmp_path / "synced"
    shutil.copytree(synced_master, target)
    return target


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses given to the web browser (`webbrowser.open`, the one call a test can't make)."""
    opened: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return opened


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers: a host that holds a request until its timeout."""
    host = SilentHost()
    yield host.url
    host.close()


@pytest.fixture
def sites() -> Iterator[list[FailingSite]]:
    """The `FailingSite`s a test starts, appended here, closed after it."""
    made: list[FailingSite] = []
    yield made
    for site in made:
        site.close()


@pytest.fixture
def own_server() -> Iterator[HTTPServer]:
    """A pytest-httpserver on 127.0.0.1 of this test's own (`own_http_server`): the test may
    stop it to take the network away. A test file's `site` serves its feed and pages on it."""
    with own_http_server() as server:
        yield server


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    """`own_server` answering each request in a thread of its own: one handler may hold its
    answer (till the test lets it go) while others are answered."""
    with own_http_server(threaded=True) as server:
        yield server
