"""Names kept folded by an earlier reader (a dash kept as it was typed, before names were
compared with a dash as "--": acc51a A9) are the same names when read back: a folder the reader
was left with folded (`z`) stays folded. The real store on a temp dir. (An import's record of
the tags it gave: tests/test_import_again.py.)"""

from __future__ import annotations

from pathlib import Path

from reader.feed_tags import folder_key
from reader.store import Store


def test_a_folder_folded_by_an_earlier_reader_with_its_em_dash_reads_folded(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path)
    try:
        older = ("work", "coast \u2014 ports")  # as an earlier reader kept the path
        store.set_folded_folders([older])
        assert store.folded_folders() == {folder_key(["Work", "Coast — Ports"])}
        assert folder_key(["Work", "Coast — Ports"]) == ("work", "coast -- ports")
    finally:
        store.close()
