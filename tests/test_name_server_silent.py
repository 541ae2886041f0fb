"""A name server that takes every lookup and answers none (a slow or cut-off one): a connection
whose timeout ran out in its lookup is said as the lookup's, "the name X could not be looked
up", not as "X timed out" (acc51b B7: a DNS failure said as a timeout). A network namespace of
its own where the address /etc/resolv.conf names reads and answers nothing (`no_network`), the
CLI as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.no_network import silent_name_server


def test_a_timeout_spent_in_the_lookup_is_said_as_the_lookup_s(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[network]\nconnect_timeout = 1.0\nretries = 0\n", encoding="utf-8")
    prefix, env = silent_name_server(tmp_path / "ready")
    command = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")]
    url = "http://www.news-site-3.example.org/story.html"
    done = subprocess.run(
        [*prefix, *command, "--config", str(config), "save", url],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    said = done.stdout + done.stderr
    assert "timed out" not in said, said
    assert (
        "the name www.news-site-3.example.org could not be looked up: no name server answered"
    ) in said, said
