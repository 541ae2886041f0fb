"""The commands in a terminal whose locale is not UTF-8 (Latin-1, ASCII): a character its
charset lacks is "?" in what a person reads, and escaped in JSON and OPML, which read the same;
never a traceback half-way through the output. Over the demo site's synced feeds (the Vestnik's
are in Russian; every list marks a headline available offline with "↓")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest


def reader(data_dir: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    # PYTHONIOENCODING stands in for LC_ALL=en_US.ISO-8859-1: Python takes stdout's charset
    # from either, and a test machine may have no such locale.
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, env=env, timeout=120
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_locale_that_is_not_utf8_reads_every_command(synced_dir: Path, encoding: str) -> None:
    rows = json.loads(reader(synced_dir, "utf-8", "list", "--json").stdout)
    russian = next(r for r in rows if any("а" <= c <= "я" for c in r["title"]))
    for command in (
        ["list"],
        ["feeds"],
        ["show", russian["id"]],
        ["show", russian["id"], "--format", "citation"],
    ):
        result = reader(synced_dir, encoding, *command)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (
            command,
            result.stderr,
        )
        text = result.stdout.decode(encoding)
        assert "?" in text and len(text.splitlines()) > 1, command
    # JSON: the same values, escaped.
    listed = reader(synced_dir, encoding, "list", "--json")
    assert listed.returncode == 0
    assert json.loads(listed.stdout.decode("ascii")) == rows
    # OPML: the same titles, as character references.
    exported = reader(synced_dir, encoding, "export")
    assert exported.returncode == 0
    whole = reader(synced_dir, "utf-8", "export").stdout

    def titles(opml: bytes) -> list[str]:
        return [o.get("text", "") for o in ElementTree.fromstring(opml).iter("outline")]

    assert titles(exported.stdout) == titles(whole) and any(not t.isascii() for t in titles(whole))


def test_a_latin1_locale_gets_ascii_for_what_latin1_lacks(synced_dir: Path) -> None:
    """The marks and the reader's words Latin-1 lacks as the ASCII locale writes them, not "?":
    the offline mark ↓ was lost where ASCII's `d` kept it (acc51a A9)."""
    listed = reader(synced_dir, "latin-1", "list")
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout.decode("latin-1")
    assert "Nd " in text and "N? " not in text, text[:300]
    missing = reader(synced_dir, "latin-1", "list", "--search", "zzzqqq")
    said = missing.stderr.decode("latin-1")
    assert '"zzzqqq"' in said and "?zzzqqq" not in said, said
