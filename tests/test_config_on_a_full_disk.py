"""`reader config` making its file on a full disk: it left an empty file and said nothing, and
every later run took the empty file for the user's config, the commented defaults never coming
back (acc49a A8). Written whole or not at all, said as for a read-only folder. A real full disk
(a small tmpfs, filled)."""

from __future__ import annotations

from pathlib import Path

from test_cli import reader
from test_travel import fill, tiny_disk  # noqa: F401  (a fixture)


def test_config_on_a_full_disk_is_not_left_empty(tiny_disk: Path, tmp_path: Path) -> None:  # noqa: F811
    config = tiny_disk / "reader" / "config.toml"
    config.parent.mkdir()
    filler = fill(tiny_disk)
    result = reader(tmp_path / "home", "--config", str(config), "config")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith(
        f"# {config}: none (it could not be written); the defaults in force:\n"
    ), result.stdout
    assert list(config.parent.iterdir()) == []  # no empty file, no part of one
    filler.unlink()  # room again: the next run makes it, whole
    again = reader(tmp_path / "home", "--config", str(config), "config")
    assert again.stdout.startswith(f"# {config}\n")
    assert config.read_text(encoding="utf-8").startswith("#")
    assert list(config.parent.iterdir()) == [config]
