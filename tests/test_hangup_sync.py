"""A sync's process group hung up (its ssh session dropped, `timeout -s HUP`): it ends as for
SIGTERM, in its one line, without the resource tracker's tracebacks (acc43b B10)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_stopped_sync import (
    sync_held_at_first_round,
    threaded_site,  # noqa: F401  (a fixture)
)


def test_a_hangup_to_a_syncs_group_ends_it_in_one_line(
    tmp_path: Path,
    threaded_site: HTTPServer,  # noqa: F811
) -> None:
    held = sync_held_at_first_round(tmp_path, threaded_site)
    sync = held.sync
    try:
        assert held.in_hand.wait(120), f"the sync asked for {held.asked} only"
        os.killpg(sync.pid, signal.SIGHUP)  # its workers and the tracker with it, as a terminal's
    finally:
        held.answer.set()
    _, err = sync.communicate(timeout=120)
    assert sync.returncode == 129, err
    assert "Traceback" not in err and "resource_tracker" not in err, err
    assert err.startswith("reader: interrupted: ") and err.count("\n") == 1, err
