"""A tag's or a feed's name typed without its accents finds it, as a search's `tag:` does: a
reporter tags by a person's name ("Żółkiewski leads") and exports on an English keyboard
(acc44c C11). One typed with accents finds only the name so written."""

from __future__ import annotations

from pathlib import Path

from reader.feed_names import named_by
from tests.test_cli import reader


def test_a_name_typed_without_accents_finds_the_accented_one_and_not_the_other_way() -> None:
    names = ["Żółkiewski leads", "Überwachung", "Uberwachung", "dossier"]
    assert named_by("zolkiewski leads", names) == [0]
    assert named_by("ZOLKIEWSKI  LEADS", names) == [0]  # case and spaces aside, as before
    # Written as a name is, that one alone; with no accent typed, both are the same name.
    assert named_by("uberwachung", names) == [2]
    assert named_by("Überwachung", names) == [1]
    assert named_by("überwachung", names) == [1]
    assert named_by("Zółkiewski leads", names) == []  # an accent typed counts, as in a search


def test_tag_and_feed_options_take_a_name_without_its_accents(synced_dir: Path) -> None:
    listed = reader(synced_dir, "list", "--ids")
    assert listed.returncode == 0, listed.stderr
    first = listed.stdout.split()[0]
    assert reader(synced_dir, "tag", first, "Żółkiewski leads").returncode == 0
    assert (
        reader(synced_dir, "rename", "The Harbour Gazette", "La Crónica Municipal").returncode == 0
    )

    tagged = reader(synced_dir, "list", "--ids", "--tag", "zolkiewski leads")
    assert tagged.returncode == 0, tagged.stderr
    assert tagged.stdout.split() == [first]
    exported = reader(synced_dir, "export", "--tag", "zolkiewski leads", "--format", "text")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip()

    by_feed = reader(synced_dir, "list", "--feed", "la cronica municipal")
    assert by_feed.returncode == 0, by_feed.stderr
    assert "La Crónica Municipal" in by_feed.stdout
    written = reader(synced_dir, "list", "--feed", "La Crónica Municipal")
    assert written.stdout == by_feed.stdout
    # An accent typed counts: "Zółkiewski" is no name here.
    wrong = reader(synced_dir, "list", "--tag", "Zółkiewski leads")
    assert wrong.returncode == 1 and "nothing is tagged" in wrong.stderr
