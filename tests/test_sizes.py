"""A size is given with its unit (acc28b D21): `reader cache prune --max-size 500` read 500 as
bytes and would have evicted every article where 500 MB was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import load_config, parse_size
from tests.test_cli import reader


def test_a_size_takes_its_unit_and_a_megabyte_is_a_mebibyte() -> None:
    assert parse_size("500MB") == parse_size("500 mb") == 500 * 2**20
    assert parse_size("1.5GiB") == int(1.5 * 2**30)
    assert parse_size("500B") == 500
    for bare in ("500", " 12 "):
        with pytest.raises(ValueError, match="needs its unit"):
            parse_size(bare)


def test_a_bare_number_is_refused_before_anything_is_evicted(tmp_path: Path) -> None:
    done = reader(tmp_path / "home", "cache", "prune", "--max-size", "500")
    assert done.returncode == 2
    assert done.stderr.startswith("reader: '500' needs its unit: 500MB?")


def test_the_configs_number_written_bare_in_toml_is_bytes(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[cache]\nmax_size = 500000000\n", encoding="utf-8")
    assert load_config(path).cache_max_bytes == 500_000_000
    path.write_text('[cache]\nmax_size = "500"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs its unit"):
        load_config(path)
