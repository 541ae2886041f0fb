"""A search's term written as an operator but naming none (search46): `is:foo` (a state the
search doesn't know) and `tga:budget` (an operator's name mistyped) were searched as words,
finding nothing and saying only that. `reader list --search` and `search-feed add` now stop
with one line naming what `is:` and the operators take (exit 2), and `F` says it in the status
line; a word with a colon that looks like none of ours (a time, "Re:Invent") is still found, and
`is:` takes `unread`, `read` and `saved` besides `corrected`.

The synced demo site's data directory (on 127.0.0.1), the CLI and the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import load_config
from reader.library import Library
from tests.cli_run import run_reader
from tests.tui_pilot import running, status, table, until


def _search(data: Path, capsys: pytest.CaptureFixture[str], *query: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), "list", "--search", *query])
    out, error = capsys.readouterr()
    return code, out, error


@pytest.mark.parametrize(
    ("query", "said"),
    [
        (("is:foo",), "is:foo: not a known state; is: takes unread, read, saved, corrected"),
        (("budget", "-is:archived"), "is:archived: not a known state"),
        (("tga:budget",), "tga: is no operator (did you mean tag:?"),
        (("notes:budget",), "did you mean note:?"),
        (("author:okonkwo",), "did you mean by:?"),
    ],
)
def test_an_operator_naming_none_is_told_in_one_line(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], query: tuple[str, ...], said: str
) -> None:
    code, out, error = _search(synced_dir, capsys, *query)
    assert code == 2 and out == ""
    assert error.count("\n") == 1 and said in error, error
    assert "in double quotes" in error  # how to look for it as words


def test_a_word_with_a_colon_is_still_a_word(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A time in the Vestnik's tram story; a name like "Re:Invent" is no slip of ours.
    code, out, _ = _search(synced_dir, capsys, "5:40")
    assert code == 0 and "трамвай" in out.lower(), out
    for query in ("Re:Invent", '"is:foo"', "https://example.org/x"):
        code, out, error = _search(synced_dir, capsys, query)
        assert code == 0 and "not a known" not in error and "no operator" not in error, error


def test_is_takes_read_unread_and_saved(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = _search(synced_dir, capsys, "council")[1].splitlines()
    assert everything
    lib = Library(synced_dir)
    try:
        first = next(h for h in lib.headlines() if h.entry.id in everything[0])
        lib.mark_read(first.entry)
        asyncio.run(lib.save(first.entry, offline=True))  # its cached copy
    finally:
        lib.close()
    read = _search(synced_dir, capsys, "council", "is:read")[1]
    assert first.entry.id in read
    assert first.entry.id in _search(synced_dir, capsys, "council", "is:saved")[1]
    assert first.entry.id not in _search(synced_dir, capsys, "council", "is:unread")[1]
    assert first.entry.id not in _search(synced_dir, capsys, "council", "-is:read")[1]


def test_a_search_feed_naming_no_state_is_refused(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["--data-dir", str(synced_dir), "search-feed", "add", "Odd", "is:foo"])
    assert code == 2
    assert "is:foo: not a known state" in capsys.readouterr().err


def test_a_search_feed_an_older_reader_kept_stays_after_the_upgrade(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Kept when `author:` was searched as a word: still a search feed, not dropped unsaid; it
    finds nothing, and `reader feeds` and `search-feed list` say why (acc46d D2)."""
    library = Library(synced_dir)
    try:
        library.store.change_search_feeds(
            lambda kept: [*kept, {"name": "Okonkwo", "words": "author:okonkwo"}]
        )
        assert [feed.name for feed in library.search_feeds()] == ["Okonkwo"]
    finally:
        library.close()
    capsys.readouterr()
    assert main(["--data-dir", str(synced_dir), "feeds", "--json"]) == 0
    (row,) = [f for f in json.loads(capsys.readouterr().out) if f["kind"] == "search"]
    assert (row["entries"], row["words"]) == (0, "author:okonkwo")
    assert "author: is no operator (did you mean by:?" in row["problem"]
    assert main(["--data-dir", str(synced_dir), "search-feed", "list"]) == 0
    assert "warning: author: is no operator" in capsys.readouterr().out


def test_a_search_feed_an_older_reader_took_in_the_config_stops_no_command(
    synced_dir: Path,
) -> None:
    """A `[[search]]` table an older reader took (its words a slip now) stopped every command,
    a cron's sync among them, with exit 78 at the upgrade (acc46d D1): it is listed, finding
    nothing, and said so where the search feeds are listed and opened."""
    (synced_dir / "config.toml").write_text(
        '[[search]]\nname = "Marta"\nwords = "tga:budget"\n', encoding="utf-8"
    )
    listed = run_reader(synced_dir, "feeds")
    assert listed.returncode == 0, listed.stderr
    assert "⌕ Marta  (0 unread of 0)" in listed.stdout
    assert "warning: search (1): tga: is no operator (did you mean tag:?" in listed.stdout
    assert run_reader(synced_dir, "list").returncode == 0

    async def run() -> None:
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            await pilot.press("tab", "j", "j")  # All feeds, Saved, then the search feed
            await until(pilot, lambda: "finds nothing" in str(table(app).empty_text), "said")
            assert "tga: is no operator" in str(table(app).empty_text)
            assert "tga: is no operator" in status(app)

    asyncio.run(run())


def test_f_says_so_in_the_status_line(synced_dir: Path) -> None:
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from tests.tui_pilot import keys_handled, running, status

    async def run() -> tuple[str, bool]:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"budget is:foo", "enter")
            await keys_handled(pilot)
            await pilot.pause()
            return status(app), app.screen.feed_url == SEARCH_VIEW

    line, searched = asyncio.run(run())
    assert "is:foo: not a known state; is: takes unread, read, saved, corrected" in line, line
    assert not searched


def _ids(data: Path, capsys: pytest.CaptureFixture[str], query: str) -> set[str]:
    code, out, error = _search(data, capsys, query, "--ids")
    assert code == 0, error
    return set(out.split())


def test_or_joins_two_states_and_two_categories(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read as AND, `is:unread OR is:saved` kept only what was both: the traveller's "what
    # is left to read and what I kept" took a shell union (acc50e A7).
    lib = Library(synced_dir)
    try:
        kept = next(h for h in lib.headlines() if h.cached)
        lib.mark_read(kept.entry)
        asyncio.run(lib.save(kept.entry, offline=True))
    finally:
        lib.close()
    unread = _ids(synced_dir, capsys, "is:unread")
    assert unread and kept.entry.id not in unread
    either = _ids(synced_dir, capsys, "is:unread OR is:saved")
    assert either == unread | {kept.entry.id}
    assert _ids(synced_dir, capsys, "is:read OR is:saved") == {kept.entry.id}
    # Two categories of the demo's: either one's items, where both are none's.
    weather, budget = (
        _ids(synced_dir, capsys, f"category:{name}") for name in ("weather", "budget")
    )
    assert weather and budget and not weather & budget
    assert _ids(synced_dir, capsys, "category:weather OR category:budget") == weather | budget


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("is:saved OR council", "is:saved OR council: OR joins two words, two tags"),
        ("council OR tag:ports", "not a word and a tag"),
        ("is:unread OR category:budget", "not a state and a category"),
    ],
)
def test_or_between_two_kinds_is_told_in_one_line(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], query: str, said: str
) -> None:
    code, out, error = _search(synced_dir, capsys, query)
    assert code == 2 and out == ""
    assert error.count("\n") == 1 and said in error, error
