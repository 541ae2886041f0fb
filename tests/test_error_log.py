"""The data directory's errors.log (`ui/error_output`): what it holds, where it is written,
what the reader says of it (acc48d D5, D10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store.directory import upgrade_said


@pytest.mark.parametrize("upgrade", [True, False])
def test_a_library_read_as_it_is_gets_no_errors_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upgrade: bool
) -> None:
    """A library of an older format opened "as it is, keeping nothing" (the question's n) had
    errors.log written into it all the same (acc48d D10): its errors go to the terminal."""
    from reader.ui import app as app_module

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    monkeypatch.setattr(app_module.ReaderApp, "run", lambda self, **_: None)
    app_module.run_app(data_dir, upgrade=upgrade)
    assert (data_dir / "errors.log").exists() is upgrade


def test_the_notice_of_an_upgrade_done_gives_no_advice_to_copy_before_it(tmp_path: Path) -> None:
    """Said once the library was upgraded, "copy the directory before it is upgraded" was
    too late to follow (acc48d D10)."""
    said = upgrade_said(tmp_path, 7)
    assert "before it is upgraded" not in said and "cp -a" not in said
    assert said.endswith("can no longer open it, and there is no downgrade")
