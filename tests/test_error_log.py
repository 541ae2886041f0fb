"""The data directory's errors.log (`ui/error_output`): what it holds, where it is written,
what the reader says of it (acc48d D5, D10)."""

from __future__ import annotations

import asyncio
import re
import stat
import webbrowser
from contextlib import nullcontext
from pathlib import Path

import pytest

from reader.store.format_upgrade import upgrade_said
from reader.url_display import shown_url
from tests.test_cited_links import cached
from tests.tui_pilot import notices_raised, reading, until


@pytest.mark.parametrize("case", ["upgraded", "n", "y under a sync"])
def test_a_library_read_as_it_is_gets_no_errors_log(synced_dir: Path, case: str) -> None:
    """A library of an older format read "as it is, keeping nothing" (the question's n, or its
    y while a sync holds it) had errors.log written into it all the same (acc48d D10): the log
    was made as the reader started, before it knew; its errors go to the terminal."""
    from reader.ui.app import ReaderApp
    from reader.ui.error_output import ErrorOutput
    from tests.test_scripting import _mark_format
    from tests.test_upgrade_moment import OLDER, _format_of, _held_open
    from tests.tui_pilot import started

    _mark_format(synced_dir, OLDER)

    async def run() -> bool:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.upgrade = case != "n"
        errors = app.error_output = ErrorOutput.opened(synced_dir)
        assert errors is not None
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await started(pilot)
                return errors.kept_in_log
        finally:
            errors.close()

    with _held_open(synced_dir, "SyncLock") if case == "y under a sync" else nullcontext():
        kept = asyncio.run(run())
    assert (_format_of(synced_dir) == OLDER) is (case != "upgraded")
    assert kept is (synced_dir / "errors.log").exists() is (case == "upgraded")


def test_the_notice_of_an_upgrade_done_gives_no_advice_to_copy_before_it(tmp_path: Path) -> None:
    """Said once the library was upgraded, "copy the directory before it is upgraded" was
    too late to follow (acc48d D10)."""
    said = upgrade_said(tmp_path, 7)
    assert "before it is upgraded" not in said and "cp -a" not in said
    assert said.endswith("can no longer open it, and there is no downgrade")


def test_a_browser_that_fails_is_said_to_with_its_first_line_and_the_log(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A browser that could not open the page ("cannot open display", exit 1) was reported
    "Opened in your browser", its error in errors.log alone, under no heading (acc48d D5)."""
    from reader.ui.error_output import ErrorOutput

    _, canonical = cached(data_dir)
    script = tmp_path / "gbrowser"
    script.write_text(
        "#!/bin/sh\n"
        'echo "Error: cannot open display: :99" >&2\n'
        'echo "(gbrowser:1234): Gtk-WARNING **: cannot open display" >&2\n'
        "exit 1\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    webbrowser.register_standard_browsers()
    # That browser alone: a text browser of this machine's (lynx) would be tried next.
    monkeypatch.setattr(webbrowser, "_tryorder", [str(script)])
    log_dir = tmp_path / "log"
    log_dir.mkdir()
    errors = ErrorOutput.opened(log_dir)
    assert errors is not None and errors.keep_log()  # as for a library written in

    async def run() -> list[str]:
        async with reading(data_dir, "Dredging", (100, 40), notifications=True) as (
            app,
            pilot,
            _body,
        ):
            raised = notices_raised(app)
            app.error_output = errors
            errors.to_log()  # as while the reader's screen is up
            try:
                await pilot.press("o")
                await until(pilot, lambda: any("browser" in n for n in raised), "the notice")
            finally:
                errors.close()
            return raised

    raised = asyncio.run(run())
    log = (log_dir / "errors.log").read_text(encoding="utf-8")
    said = [n for n in raised if "browser" in n]
    assert said == [
        f"No browser could open {shown_url(canonical)}: the browser said: Error: cannot open"
        f" display: :99; more in {log_dir / 'errors.log'}"
    ]
    heading, first, second = log.splitlines()
    assert re.fullmatch(
        rf"--- \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ browser, given {canonical}", heading
    )
    assert (first, second) == (
        "Error: cannot open display: :99",
        "(gbrowser:1234): Gtk-WARNING **: cannot open display",
    )
