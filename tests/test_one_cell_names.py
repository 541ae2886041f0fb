"""Names measured by their length where each of their characters takes one cell
(`cells.ONE_CELL_EACH`): a feed list of 9,550 names such as "Big blog 200 – Städte & Dörfer"
measured each by halves before the first screen (acc43a A19). The characters it holds are
checked one by one against the measures it stands for."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from rich.cells import cell_len

from reader.cells import ONE_CELL_EACH, cluster_starts, cut_to_cells, terminal_cells


def test_one_cell_each_holds_only_characters_of_one_cell_that_start_a_cluster() -> None:
    held = [chr(c) for c in range(sys.maxunicode + 1) if ONE_CELL_EACH.fullmatch(chr(c))]
    assert len(held) > 1000  # Latin, Cyrillic, the dashes and quotes
    for char in held:
        # Measured as the slow path measures it, and as Rich does: one cell.
        assert (cell_len(char), len(char.encode("utf-32-le")) // 4) == (1, 1), hex(ord(char))
        assert unicodedata.combining(char) == 0 and unicodedata.category(char) not in (
            "Mn",
            "Me",
            "Cc",
        ), hex(ord(char))
        assert cluster_starts(f"a{char}b") == [0, 1, 2], hex(ord(char))
        assert terminal_cells(f"{char}\u4e00") == 3  # beside a wide one: still one


@pytest.mark.parametrize(
    "name", ["Big blog 200 – Städte & Dörfer", "Новости «Гавань» — город", "Łódź — ‘Kraków’"]
)
def test_a_name_of_one_cell_characters_is_cut_where_its_cells_are(name: str) -> None:
    assert ONE_CELL_EACH.fullmatch(name)
    assert terminal_cells(name) == len(name)
    for cells in range(-1, len(name) + 2):
        assert cut_to_cells(name, cells) == name[: max(cells, 0)]
