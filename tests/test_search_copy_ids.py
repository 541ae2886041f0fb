"""`reader list --search WORDS --ids | reader show - --format citation`: a hit found only in a
copy a correction replaced is printed as "ID@N", and `show` cites that copy, the one the words
are in, not the latest (acc47a A7: the pipe cited the corrected headline and text, the TUI the
right copy); `tag -`, `mark-read -`, `save -` and the others read it as the article, so scripts
piping `--ids` into them keep working. A real feed and page on 127.0.0.1 corrected between two
syncs, the reader's own command and store."""

from __future__ import annotations

import json
from pathlib import Path

from reader.keys import copy_id, copy_of
from tests.cli_run import run_reader
from tests.test_versions import Site, entry_id, site, sync, sync_corrected  # noqa: F401  (a fixture)


def test_a_hit_in_a_kept_copy_is_piped_as_that_copy(site: Site, data_dir: Path) -> None:  # noqa: F811
    sync(data_dir, site)
    ident = entry_id(data_dir)
    sync_corrected(data_dir, site)
    found = run_reader(data_dir, "list", "--search", '"4 million pounds"', "--ids")
    assert (found.returncode, found.stdout) == (0, f"{ident}@1\n"), found.stderr
    latest = run_reader(data_dir, "list", "--search", '"2 million pounds"', "--ids")
    assert latest.stdout == f"{ident}\n"  # in the latest copy: the id alone, as before

    piped = found.stdout.encode()
    cited = run_reader(
        data_dir, "show", "-", "--offline", "--format", "citation", "--style", "apa", stdin=piped
    )
    assert cited.returncode == 0, cited.stderr
    assert "Council to spend 4m on bridge repairs." in cited.stdout, cited.stdout
    assert "2m" not in cited.stdout
    # Its CSL-JSON item too, its note saying which copy of the two it is.
    csl = run_reader(data_dir, "show", "-", "--offline", "--format", "csl-json", stdin=piped)
    (item,) = json.loads(csl.stdout)
    assert item["title"] == "Council to spend 4m on bridge repairs"
    assert item["note"].startswith("copy 1 of 2, retrieved "), item["note"]
    assert item["id"] == f"{ident}@1"  # not the latest copy's id (acc47e E2)
    # Named two ways, two copies: said, not copy 1 printed in silence (acc47e E10).
    both = run_reader(data_dir, "show", f"{ident}@1", "--version", "2", "--offline")
    assert both.returncode == 2, both.stdout
    assert f"{ident}@1 names copy 1: not --version 2" in both.stderr
    # As `xargs reader show` gives it: the copy's text, its header saying which copy.
    shown = run_reader(data_dir, "show", f"{ident}@1", "--offline")
    assert "4 million pounds" in shown.stdout and "copy 1 of 2" in shown.stdout

    # Every other command taking ids reads it as the article.
    tagged = run_reader(data_dir, "tag", "-", "quotes", stdin=piped)
    assert tagged.returncode == 0 and "tagged: " in tagged.stdout, tagged.stderr
    assert run_reader(data_dir, "mark-read", "-", stdin=piped).returncode == 0
    assert run_reader(data_dir, "save", "-", "--offline", stdin=piped).returncode == 0
    # Given before the tags, as `reader tag $(reader list … --ids) paper1` gives it: an id,
    # not a tag named "…@1" (acc47a A12's silent filing).
    both = run_reader(data_dir, "tag", f"{ident}@1", ident, "paper1")
    assert both.returncode == 0 and "paper1" in both.stdout, both.stderr
    assert f"{ident}@1" not in both.stdout
    # Any other command given it alone: what changed in the article, as `reader diff ID`.
    changed = run_reader(data_dir, "diff", f"{ident}@1")
    assert changed.returncode == 0 and "2 million pounds" in changed.stdout, changed.stderr
    listed = run_reader(data_dir, "list", "--saved", "--ids").stdout
    assert listed == f"{ident}\n"


def test_only_an_id_and_a_copy_s_number_are_read_as_a_copy() -> None:
    assert copy_of(copy_id("2c62e4e2c688", 1)) == ("2c62e4e2c688", 1)
    assert copy_id("2c62e4e2c688", 0) == "2c62e4e2c688"
    for name in ("https://example.org/@ana/2", "2c62e4e2c688@0", "2c62e4e2c688@x", "harbour@1"):
        assert copy_of(name) == (name, None)
