"""A damaged record of an article's kept earlier copies (a file cut short by a full disk or a
crash): the copies that still read whole are kept, not all of them dropped with it (acc31a
F14: the corrected story's evidence, gone for good, not fetchable again). The real store on a
temp dir, its copies made by real syncs of a story corrected on a site on 127.0.0.1."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import pytest
from test_versions import SLUG, Site, page, site, sync  # noqa: F401  (a fixture)

from reader.cli import main
from reader.keys import article_key
from reader.store import Store


def three_copies(site: Site, data_dir: Path) -> str:  # noqa: F811
    """The story fetched four times, each time changed: three earlier copies kept. Its key."""
    sync(data_dir, site)
    for n in range(3):
        site.title = f"Council to spend {n + 5}m on bridge repairs"
        # The page as it came is kept with each copy: a big one puts them in a file.
        site.body = page(site.title, f"{n + 5} million pounds", "Ruth Ellis")
        site.body += f"<!-- {secrets.token_hex(16000)} -->"
        assert sync(data_dir, site).articles_updated == 1
    return article_key(site.url(SLUG))


def cut_short(data_dir: Path, key: str, by: int) -> None:
    """The kept copies' file cut `by` bytes short, in the last copy's page."""
    store = Store(data_dir)
    try:
        rows = store._articles._sql(
            "SELECT filename FROM Cache WHERE key = ?", (f"versions:{key}",)
        ).fetchall()
    finally:
        store.close()
    (filename,) = rows[0]
    assert filename, "a record this size is kept in a file of its own"
    path = data_dir / "articles" / filename
    path.write_bytes(path.read_bytes()[:-by])


def copies(data_dir: Path, url: str) -> list[str]:
    store = Store(data_dir)
    try:
        return [a.title for a in store.versions(url)]
    finally:
        store.close()


def test_the_whole_copies_before_the_damage_are_kept(
    site: Site,  # noqa: F811
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = three_copies(site, data_dir)
    url = site.url(SLUG)
    titles = copies(data_dir, url)
    assert len(titles) == 3
    cut_short(data_dir, key, 40)
    with caplog.at_level(logging.WARNING, "reader.store"):
        assert copies(data_dir, url) == titles[:2]
    assert any(
        f"versions:{key}" in r.message and "the 2 whole copies before the cut kept" in r.message
        for r in caplog.records
    ), caplog.text
    assert copies(data_dir, url) == titles[:2]  # kept so: said once


def test_repair_keeps_the_copies_a_record_cut_short_still_holds(
    site: Site,  # noqa: F811
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = three_copies(site, data_dir)
    url = site.url(SLUG)
    titles = copies(data_dir, url)
    cut_short(data_dir, key, 40)
    assert main(["--data-dir", str(data_dir), "repair"]) == 0
    assert f"versions:{key}" in capsys.readouterr().out
    assert copies(data_dir, url) == titles[:2]
