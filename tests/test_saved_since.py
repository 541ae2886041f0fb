"""`--saved-since WHEN` of `reader list` and `reader export`: the articles saved at WHEN or
after, whenever they were published: this morning's picks, not yesterday's (acc45a A7: `--tag
digest` brought every morning's back, `--since` went by publication, `--read-since` by
opening).

Three stories on 127.0.0.1 (`StorySite`), synced into the real store, saved with `reader save`
as a user saves them, a second apart."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli import main
from tests.story_site import StorySite, ran, serving

STORIES = {
    "/old-pick.html": ("Ferry fares frozen for the winter", "Mon, 30 Nov 2026 09:00:00 GMT"),
    "/today-pick.html": ("Lifeboat crew rescue two kayakers", "Tue, 01 Dec 2026 09:00:00 GMT"),
    "/unsaved.html": ("Harbour wall repairs begin", "Thu, 03 Dec 2026 09:00:00 GMT"),
}


class Site(StorySite):
    """An RSS feed of three stories; each page says the story it is."""

    def feed(self) -> str:
        items = "".join(self.item(t, p, d, guid=p) for p, (t, d) in STORIES.items())
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title>'
            f"<link>{self.url('/')}</link>{items}</channel></rss>"
        )


def page(title: str) -> str:
    said = "".join(
        f"<p>{title}: the harbour office said on {day} that the quay would stay open while the "
        "work went on, and that the ferry would keep to its winter timetable.</p>"
        for day in ("Monday", "Tuesday", "Wednesday")
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{said}</article></body></html>"
    )


@pytest.fixture
def picked(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[str, dict]]:
    """The library synced, the oldest story saved yesterday's way (before the moment), the
    next one after it: the moment (ISO, to the second) and the ids by path."""
    with serving(Site) as site:
        site.pages = {path: page(title) for path, (title, _) in STORIES.items()}
        ran(capsys, data_dir, "add", site.url("/feed.xml"))
        ran(capsys, data_dir, "sync")
        listed = json.loads(ran(capsys, data_dir, "list", "--json")[0])
        ids = {row["link"].removeprefix(site.url("")): row["id"] for row in listed}
        ran(capsys, data_dir, "save", ids["/old-pick.html"])
        time.sleep(1.1)  # the moment between the two saves, to the second
        moment = datetime.now(UTC).replace(microsecond=0).isoformat()
        ran(capsys, data_dir, "save", ids["/today-pick.html"])
        yield moment, ids


def test_list_saved_since_gives_the_picks_saved_then_whenever_published(
    picked: tuple[str, dict], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moment, ids = picked
    out = ran(capsys, data_dir, "list", "--saved-since", moment, "--ids")[0]
    assert out.split() == [ids["/today-pick.html"]]
    rows = json.loads(ran(capsys, data_dir, "list", "--saved-since", moment, "--json")[0])
    assert [r["id"] for r in rows] == [ids["/today-pick.html"]] and rows[0]["saved_at"]
    both = ran(capsys, data_dir, "list", "--saved-since", "1d", "--ids")[0].split()
    assert sorted(both) == sorted([ids["/today-pick.html"], ids["/old-pick.html"]])
    # Published before the moment, all three: `--since` finds none of them.
    assert ran(capsys, data_dir, "list", "--since", moment, "--ids")[0] == ""


def test_export_saved_since_writes_only_the_picks_saved_then(
    picked: tuple[str, dict], data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    moment, _ = picked
    book = tmp_path / "digest.md"
    ran(
        capsys, data_dir, "export", "--format", "markdown", "--saved-since", moment, "-o", str(book)
    )
    written = book.read_text(encoding="utf-8")
    assert "Lifeboat crew rescue two kayakers" in written
    assert "Ferry fares frozen" not in written and "Harbour wall repairs" not in written


def test_saved_since_a_wrong_date_says_so_in_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "list", "--saved-since", "yesterday"]) == 2
    err = capsys.readouterr().err
    assert "not a date or an age: 'yesterday'" in err and len(err.strip().splitlines()) == 1
