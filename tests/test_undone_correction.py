"""A correction undone: the page back word for word to its first text. Copy 1 and the latest
say the same, so neither the citations nor the header say the latest differs from it; only
the copy that differs (the corrected one) is named so (acc35b F14). A small news site on
127.0.0.1 (`test_versions.Site`), the real store in tmp_path."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.story_site import serving
from tests.test_highlight_copies import BOATS, FIGURE_4M, _keep
from tests.test_versions import FIRST, Site, entry_id, page, sync, sync_corrected


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def _undone(data_dir: Path, site: Site) -> str:
    """Synced as first published, corrected, then back as first published: the entry's id."""
    sync(data_dir, site)
    _keep(data_dir, FIGURE_4M)  # read in copy 1, while it was the latest
    _keep(data_dir, BOATS)
    sync_corrected(data_dir, site)
    time.sleep(1.1)
    site.title = FIRST[0]
    site.body = page(*FIRST)
    sync(data_dir, site)
    return entry_id(data_dir)


def _retrieved(printed: str) -> str:
    return next(x for x in printed.splitlines() if x.startswith("Retrieved: ")).split(": ")[1]


def test_a_copy_the_latest_says_again_is_not_said_to_differ(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = _undone(data_dir, site)
    home = ["--data-dir", str(data_dir), "show", "--offline", ident]
    assert main([*home, "--version", "1", "--format", "citation"]) == 0
    first = capsys.readouterr().out
    assert "Note: copy 1 of 3, retrieved" in first and "differs" not in first
    assert "says the same" in first
    assert main([*home, "--version", "2", "--format", "citation"]) == 0
    second = capsys.readouterr().out
    assert "Note: copy 2 of 3, retrieved" in second and ", differs" in second
    assert main([*home, "--version", "1"]) == 0
    assert "says the same" in capsys.readouterr().out

    assert main([*home, "--format", "citation"]) == 0
    latest = capsys.readouterr().out
    (note,) = [x for x in latest.splitlines() if x.startswith("Note: ")]
    assert "changed since" not in note
    assert note.index(f"differs from the copy retrieved {_retrieved(second)}") < note.index(
        f"the copy retrieved {_retrieved(first)} said the same"
    )
    assert main(home) == 0
    (note,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Note: ")]
    assert f"{_retrieved(second)} (2);" in note and f"{_retrieved(first)} (1) said the same" in note
    assert "reader show --version N" in note


def test_highlights_read_in_a_copy_the_latest_says_again_cite_the_latest(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = _undone(data_dir, site)
    assert main(["--data-dir", str(data_dir), "highlights", ident]) == 0
    printed = capsys.readouterr().out
    assert printed.count(f"# {FIRST[0]}") == 1  # both quotes under one citation, the latest's
    assert "copy 1 of 3" not in printed and ", differs" not in printed
    assert "said the same" in printed
