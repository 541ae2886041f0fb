"""A config written for a newer reader, read by an older one (acc46d D8): `[keys] site_feed`,
an action the readers before it have not, made them refuse the whole config (exit 78), the
reader not starting. This reader will be the older one once the next adds an action: an action
it has none of, mistyped or a newer reader's (a slip of typing can't tell them apart: acc47d
D8), is left out with a warning line naming it and the one it may mean, the rest applied."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.config import Config
from reader.ui.app import ReaderApp
from reader.ui.key_actions import ACTIONS
from reader.ui.keymap import KeyMap, left_out_said
from tests.test_cli import reader
from tests.tui_pilot import notices_raised, started, table, until

NEWER = "keys.feed_digest: no such action in this reader, left out (a newer reader may know it"


def test_an_action_a_newer_reader_has_is_said_and_left_out_the_rest_applied(
    data_dir: Path,
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "config.toml"
    path.write_text('[keys]\nfeed_digest = "W"\nquit = ["Q", "ctrl+q"]\n', encoding="utf-8")
    shown = reader(data_dir, "config")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == f"reader: warning: {path}: {NEWER}; README's Keys lists this one's)\n"
    assert 'feed_digest = "W"' in shown.stdout


def test_an_older_reader_takes_a_newer_ones_action_as_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader before `site_feed` (acc46d D8): its name two names from `add_feed` by
    difflib's measure, which offered it as the name meant and refused the map."""
    monkeypatch.delitem(ACTIONS, "site_feed")
    keys = KeyMap({"site_feed": ("W",), "quit": ("Q",)})
    assert keys.left_out == ("site_feed",)
    assert keys.keys == {"quit": ("Q",)}


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("next_unred", "did you mean next_unread? "),
        ("next-unread", "did you mean next_unread? "),
        ("Quit", "did you mean quit? "),
        ("unarchive", "did you mean archive? "),  # a newer reader's, or a slip: said so
        ("toggle_unread", "did you mean toggle_read? "),
    ],
)
def test_an_action_mistyped_or_newer_is_left_out_with_the_one_it_may_mean(
    written: str, meant: str
) -> None:
    """A slip of typing can't tell a name mistyped from a newer reader's (`unarchive`, a slip
    from `archive`, stopped the reader: acc47d D8): both left out, the near one named."""
    keys = KeyMap({written: ("n",), "quit": ("Q",)})
    assert keys.left_out == (written,)
    assert keys.keys == {"quit": ("Q",)}
    said = left_out_said(written)
    assert said == (
        f"keys.{written}: no such action in this reader, left out ({meant}a newer reader may"
        " know it; README's Keys lists this one's)"
    )


def test_the_reader_says_an_action_left_out_and_runs_with_the_other_keys(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        keys = {"feed_digest": ("W",), "toggle_read": ("x",)}
        app = ReaderApp(
            synced_dir, refresh_on_start=False, config=Config(synced_dir / "config.toml", keys=keys)
        )
        app.prefetch_limit = 0
        raised = notices_raised(app)
        async with app.run_test(size=(140, 30), notifications=True) as pilot:
            await started(pilot)
            await until(pilot, lambda: any(NEWER in notice for notice in raised), "its warning")
            rows = table(app)
            assert not rows.current.read
            await pilot.press("x")
            await until(pilot, lambda: rows.current.read, "x marks the headline read")

    asyncio.run(run())
