"""A saved (tagged) article corrected again and again keeps every copy: a dossier's chain of
corrections is evidence, and the cap of three earlier copies dropped the middle ones, the
first correction among them, without a word (acc44c C12). An article not saved keeps three,
and a copy dropped is said: by the sync ("copy dropped: …") and in the article's notes.

The small news site of tests/test_versions.py on 127.0.0.1, the real store, the CLI."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.story_site import ran, serving
from tests.test_versions import FIRST, Site, page


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def edited(site: Site, n: int) -> None:
    """The newsroom's edit `n`, a second after the last copy: a figure and the headline."""
    time.sleep(1.1)  # a retrieval time of its own, to the second
    site.title = f"Council to spend {n + 4}m on bridge repairs"
    site.body = page(site.title, f"{n + 4} million pounds", FIRST[2])


@pytest.mark.parametrize("saved", [True, False])
def test_a_saved_article_keeps_every_copy_and_a_copy_dropped_is_said(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], saved: bool
) -> None:
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    ident = row["id"]
    if saved:
        ran(capsys, data_dir, "tag", ident, "dossier")
    for n in range(1, 4):
        edited(site, n)
        ran(capsys, data_dir, "show", ident, "--refresh")
    times = [
        v["retrieved"]
        for v in json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])["versions"]
    ]
    assert len(times) == 4
    # A fourth correction, by the sync (the feed's headline changed): five copies.
    edited(site, 4)
    err = ran(capsys, data_dir, "sync")[1]
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    kept = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])["versions"]
    if saved:
        assert [v["retrieved"] for v in kept[:4]] == times and len(kept) == 5
        assert "dropped" not in err and "dropped" not in shown
        assert "5 million pounds" in ran(capsys, data_dir, "show", ident, "--version", "2")[0]
        return
    # Not saved: three earlier copies kept, the first among them; the one dropped said.
    assert len(kept) == 4 and kept[0]["retrieved"] == times[0]
    dropped = f"copy 2 of 5, retrieved {times[1]}, dropped on "
    assert f"copy dropped: {site.title} <{site.url('/2026/11/21/bridge-repairs.html')}>: " in err
    assert dropped in err and "only 3 earlier copies are kept of an article not saved" in err
    # The header: one line for those dropped (acc48c C4), not one a copy.
    assert f"Note: 1 earlier copy not kept (retrieved {times[1]}): only 3 earlier" in shown


def test_a_corrected_article_stays_listed_as_corrected_once_read(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Δ goes once the article is opened; that the outlet changed it is a lasting fact, listed,
    in `--json` with the copies kept, and a filter (acc44c C7: "what did the outlets quietly
    change in my dossier" took a jq pipeline over `reader show`)."""
    from reader.store import Store

    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["corrected"] is False and row["versions"] is None
    assert ran(capsys, data_dir, "list", "--corrected", "--json")[0].strip() == "[]"
    # A plain list and `--ids` sift too, as `--json` does (acc45a A3: every line printed).
    assert ran(capsys, data_dir, "list", "--corrected") == (
        "",
        "reader: no headline corrected since first retrieved to list\n",
    )
    assert ran(capsys, data_dir, "list", "--corrected", "--ids")[0] == ""
    edited(site, 1)
    ran(capsys, data_dir, "sync")
    store = Store(data_dir)
    try:  # opened in the reader: the change no longer news
        store.touch_article(site.url("/2026/11/21/bridge-repairs.html"))
    finally:
        store.close()
    [row] = json.loads(ran(capsys, data_dir, "list", "--corrected", "--json")[0])
    assert row["changed"] is False and row["corrected"] is True and row["versions"] == 2
    line = ran(capsys, data_dir, "list", "--corrected")[0]
    assert row["id"] in line and "(corrected)" in line
    assert ran(capsys, data_dir, "list", "--corrected", "--ids")[0] == f"{row['id']}\n"
