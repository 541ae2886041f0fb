"""`reader repair` on a disk failing under one folder of value files (acc49a A9): it stopped
there with a bare errno ("reader: Bad message: …/articles/93"), the other files never checked.
Now it names the folder, leaves its files as they are, and checks the rest. A real ext4 on a
loop device, one directory block of it overwritten so that it fails its checksum."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_data_dir_trust import reader
from test_full_disk_repair import pictured_site
from test_log_index import small_ext4  # noqa: F401  (a fixture)


def _failing(image: Path, mount: Path, folder: Path) -> None:
    """The directory block of `folder` (under `mount`) overwritten in the middle, past its
    entries' start: the file system's checksum of it fails, and reading it gives EBADMSG."""
    inside = "/" + folder.relative_to(mount).as_posix()
    subprocess.run(["umount", str(mount)], check=True)
    found = subprocess.run(
        ["debugfs", "-R", f"blocks {inside}", str(image)], capture_output=True, text=True
    )
    block = int(found.stdout.split()[0])
    with open(image, "r+b") as disk:
        disk.seek(block * 1024 + 40)
        disk.write(b"X" * 8)
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)


def test_repair_names_a_folder_it_cant_read_and_checks_the_rest(
    small_ext4: Path,  # noqa: F811
    httpserver: HTTPServer,
    tmp_path: Path,
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    assert reader(made, "add", pictured_site(httpserver)).returncode == 0
    assert reader(made, "sync").returncode == 0
    home = small_ext4 / "home"
    shutil.copytree(made, home)
    folder = sorted(p for p in (home / "articles").iterdir() if p.is_dir())[0]
    _failing(tmp_path / "disk.img", small_ext4, folder)
    for dry in ([], ["--dry-run"]):
        repair = reader(home, "repair", *dry)
        said = repair.stdout + repair.stderr
        assert repair.returncode == 1, said
        assert f"{folder}: can't be read (Bad message)" in repair.stderr
        assert "Traceback" not in said and "dropped" not in said and "would be" not in said
        assert said.count(": sound") == 3, said  # the other files checked all the same
    # The files elsewhere kept (os.walk passes the folder it can't read; a glob raises).
    assert any(name.endswith(".val") for *_, names in os.walk(home) for name in names)
