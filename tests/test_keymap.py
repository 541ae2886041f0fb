"""Keys of the user's own (acc22's G8, a newsboat user's `bind-key`): the config's `[keys]` gives
an action its keys in place of its defaults, in every screen; a key it names the reader doesn't
know, an action's name mistyped, or a key doing two things in one screen stops the reader (and
`reader config`) with one line, nothing applied (an action it has none of: test_newer_keys). The help, the key bar and the notice of a key
that does nothing show the keys as set. README's list of the actions is the code's."""

from __future__ import annotations

import asyncio
import re
import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.config import DEFAULT_CONFIG_TEXT, Config, ConfigError, load_config
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.key_actions import ACTIONS
from reader.ui.key_names import key_name, shown_key
from reader.ui.keymap import KeyMap
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.feed_list import FeedList
from tests.test_cli import reader
from tests.tui_pilot import notices_raised, open_row, screen_text, started, table, until

README = Path(__file__).parent.parent / "README.md"


@asynccontextmanager
async def keyed(
    directory: Path, keys: dict[str, tuple[str, ...]], size: tuple[int, int] = (140, 30)
) -> AsyncIterator[tuple[ReaderApp, Pilot[object]]]:
    """The reader on `directory` with `keys` set, started, fetching nothing."""
    config = Config(directory / "config.toml", keys=keys)
    app = ReaderApp(directory, refresh_on_start=False, config=config)
    app.prefetch_limit = 0
    async with app.run_test(size=size, notifications=True) as pilot:
        await started(pilot)
        yield app, pilot


def key_bar(app: ReaderApp) -> str:
    return screen_text(app).splitlines()[-1]


def test_a_key_set_does_the_action_and_its_old_key_does_nothing(synced_dir: Path) -> None:
    """`toggle_read = "x"`: x marks the headline (and the article) read, m does nothing and says
    so, the key bar offers x; an action not set keeps its keys."""

    async def run() -> None:
        async with keyed(synced_dir, {"toggle_read": ("x",)}) as (app, pilot):
            rows = table(app)
            assert not rows.current.read
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("m")
            await pilot.pause()
            assert not rows.current.read
            assert "m: no such key here — ? lists the keys" in raised
            await pilot.press("x")
            await until(pilot, lambda: rows.current.read, "x to mark the headline read")
            assert "x Read/unread" in key_bar(app) and "m Read/unread" not in key_bar(app)
            await pilot.press("j")  # the moving keys are the defaults still
            await pilot.pause()
            assert rows.cursor == 1 and not rows.current.read
            article = await open_row(pilot, 1)
            await until(pilot, lambda: rows.rows[1].read, "opening to mark it read")
            await pilot.press("x")  # the same action in an article
            await until(pilot, lambda: not app.index.view(None)[1].read, "x: unread")
            assert "x Read/unread" in key_bar(app)
            assert article.is_current

    asyncio.run(run())


def test_a_moving_key_set_moves_every_list_and_text(synced_dir: Path) -> None:
    """`down = ["e", "down"]`: e moves the headlines, the feed list (a Textual `OptionList`
    under it) and an article's text; j moves none of them."""

    async def run() -> None:
        async with keyed(synced_dir, {"down": ("e", "down")}) as (app, pilot):
            rows = table(app)
            await pilot.press("e", "e", "down")
            await pilot.pause()
            assert rows.cursor == 3
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("j")
            await pilot.pause()
            assert rows.cursor == 3 and "j: no such key here — ? lists the keys" in raised
            await pilot.press("tab")
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: app.screen.focused is feeds, "the feed list")
            start = feeds.highlighted or 0
            await pilot.press("e")
            await until(pilot, lambda: feeds.highlighted == start + 1, "e in the feed list")
            await pilot.press("j")
            await pilot.pause()
            assert feeds.highlighted == start + 1
            await pilot.press("k", "tab")  # back to every feed's headlines
            await until(pilot, lambda: app.screen.focused is rows, "the headlines")
            await until(pilot, lambda: len(rows.rows) > 3, "every feed's headlines")
            body = (await open_row(pilot, 0)).query_one(ArticleBody)
            await until(pilot, lambda: body.max_scroll_y > 0, "a text longer than the view")
            await pilot.press("j")
            await pilot.pause()
            assert body.scroll_y == 0
            await pilot.press("e")
            await until(pilot, lambda: body.scroll_y == 1, "e to scroll a line")

    asyncio.run(run())


def test_quit_on_Q_and_ctrl_q_only(synced_dir: Path) -> None:
    """newsboat's habit the other way round: `quit = ["Q", "ctrl+q"]` leaves `q` to going
    back, so on "All feeds" it goes back to the feed list, as from a feed's headlines, where
    it quit (acc51b B9: it did nothing there); Q quits."""

    async def run() -> None:
        async with keyed(synced_dir, {"quit": ("Q", "ctrl+q")}) as (app, pilot):
            assert "Q Quit" in key_bar(app)
            await pilot.press("q")
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "q to the feeds")
            assert app.is_running
            await pilot.press("Q")
            await until(pilot, lambda: not app.is_running, "Q to quit")

    asyncio.run(run())


def test_the_key_bar_writes_a_ctrl_key_as_the_help_does(synced_dir: Path) -> None:
    """`quit = ["ctrl+q"]`: the key bar writes it "Ctrl-Q", as the help and the notices do
    (`shown_key`), not Textual's "^q" beside them (acc50b)."""

    async def run() -> None:
        async with keyed(synced_dir, {"quit": ("ctrl+q",)}, size=(120, 130)) as (app, pilot):
            await until(pilot, lambda: "Quit" in key_bar(app), "the key bar")
            assert "Ctrl-Q Quit" in key_bar(app) and "^q" not in key_bar(app)
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.pause()
            assert re.search(r"\bCtrl-Q +quit", screen_text(app))

    asyncio.run(run())


def test_quit_on_q_closes_the_help_there_and_quits_elsewhere(synced_dir: Path) -> None:
    """newsboat's `bind-key q quit`: `quit = "q"` was refused, "q would do both pop_screen (a
    key not set in [keys]) and quit in the help" (acc41a A5). The help's own q closes it, as
    newsboat's does; on the headlines q quits."""

    async def run() -> None:
        async with keyed(synced_dir, {"quit": ("q",)}) as (app, pilot):
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.press("q")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the help closed")
            assert app.is_running
            await pilot.press("q")
            await until(pilot, lambda: not app.is_running, "q to quit")

    asyncio.run(run())


def test_the_help_and_the_notice_show_the_keys_set(synced_dir: Path) -> None:
    """The help lists the keys set (the help's own key too), where the defaults were; the
    notice of a key doing nothing names the help's key."""
    keys = {"help": ("H",), "toggle_read": ("x",), "next_article": ("J", "ctrl+n")}

    async def run() -> None:
        # Tall enough for the help's Reading rows, below the fold at 100 rows since it grew.
        async with keyed(synced_dir, keys, size=(120, 130)) as (app, pilot):
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("question_mark")
            await pilot.pause()
            assert "?: no such key here — H lists the keys" in raised
            assert not isinstance(app.screen, HelpScreen)
            await pilot.press("H")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            await pilot.pause()
            text = screen_text(app)
            assert re.search(r"\bH +list the keys|\bH +this help", text)
            assert re.search(r"\bx +mark read / unread", text)
            assert not re.search(r"\bm +mark read / unread", text)
            assert re.search(r"J, Ctrl-N / p, Ctrl-P +next / previous article", text)
            assert "g / G, Home / End" in text  # a row of keys not set is as it was
            await pilot.press("H")  # the help's key closes it too
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the help closed")

    asyncio.run(run())


def test_with_no_keys_set_question_mark_opens_and_closes_the_help(synced_dir: Path) -> None:
    async def run() -> None:
        async with keyed(synced_dir, {}) as (app, pilot):
            assert not app.keymap
            for screen in (HelpScreen, MainScreen, HelpScreen):
                await pilot.press("question_mark")
                await until(pilot, lambda s=screen: isinstance(app.screen, s), screen.__name__)
            # The help's key bar is drawn a refresh after it shows: later on a busy machine.
            await until(pilot, lambda: "Close" in key_bar(app), "the help's keys")

    asyncio.run(run())


def test_an_article_with_n_for_the_next_unread(synced_dir: Path) -> None:
    """newsboat's `n` in an article: `next_unread = ["n", "u"]` with the next article moved to
    `J` is the next unread one; `J` is the next of the list, read or not."""
    keys = {"next_unread": ("n", "u"), "next_article": ("J",)}

    async def run() -> None:
        async with keyed(synced_dir, keys) as (app, pilot):
            rows = table(app)
            rows.cursor = 1
            await pilot.press("m")  # the second headline read: n skips it, J does not
            await pilot.pause()
            first, second, third = (h.entry.id for h in rows.rows[:3])
            screen = await open_row(pilot, 0)
            assert screen.headline.entry.id == first
            await pilot.press("n")
            await until(pilot, lambda: screen.headline.entry.id == third, "n: the next unread")
            await pilot.press("ctrl+p")  # not set: still the previous article
            await until(pilot, lambda: screen.headline.entry.id == second, "Ctrl-P")
            await pilot.press("J")
            await until(pilot, lambda: screen.headline.entry.id == third, "J: the next one")
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        (
            'quit = ["Q", "ctl+q"]',
            "keys.quit: 'ctl+q' is not a key name",
        ),
        (
            'toggle_read = "j"',
            'keys: "j" would do both toggle_read and down in the headlines and an article: give'
            " one of them another key",
        ),
        (
            'next_unread = "n"',
            'keys: "n" would do both next_article and next_unread in an article',
        ),
        ('save = "escape"', "give save another key"),
        (
            'search = "ctrl+m"',
            "keys.search: 'ctrl+m' reaches the reader as Enter: a terminal sends the two as one byte",
        ),
        (
            'down = "ctrl+c"',
            'keys: "Ctrl-C" would do Ctrl-C\'s notice of the key that quits (a key not set in'
            " [keys]), down and copy in the headlines, an article, the help and the link list: give"
            " down another key",
        ),
        (
            'down = ["j", "1"]',
            'keys: "1" would do both the link list\'s digit going to its link (a key not set in'
            " [keys]) and down in the link list: give down another key",
        ),
        ("quit = []", "keys.quit must be a key or a list of keys"),
        ("quit = 7", "keys.quit must be a key or a list of keys"),
    ],
)
def test_a_bad_key_stops_the_reader_and_reader_config_in_one_line(
    data_dir: Path, keys: str, line: str
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(f"[keys]\n{keys}\n", encoding="utf-8")
    path = data_dir / "config.toml"
    for command in ((), ("config",)):
        result = reader(data_dir, *command)
        assert result.returncode == 78, result
        # `reader config` shows a file whose own value is wrong, to be seen and mended (acc44a
        # A7); a clash between keys is found past the file, which is then shown as nothing.
        if command and "must be" in line:
            heading = f"# {path} (it can't be read as it is: see below)\n"
            assert result.stdout == f"{heading}[keys]\n{keys}\n", result.stdout
        else:
            assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and line in result.stderr
        assert result.stderr.startswith(f"reader: bad setting in {data_dir / 'config.toml'}: ")


def test_a_clash_applies_nothing() -> None:
    """Nothing half-applied: a map with one bad key is refused whole, before the app is made."""
    with pytest.raises(ValueError, match="would do both"):
        KeyMap({"quit": ("Q",), "toggle_read": ("j",)})
    with pytest.raises(ValueError, match="would do both"):
        ReaderApp(Path("unused"), config=Config(Path("c.toml"), keys={"toggle_read": ("j",)}))


def test_a_key_add_feed_was_given_stays_good_where_an_article_uses_it() -> None:
    """`+` adds an article's site's feed as an action of its own: `add_feed`, a key of the
    lists, set to one an article uses (`v`, `y`, `p`) by a config an older reader took, is no
    clash, and leaves the article's key and `+` as they were."""
    for key in ("v", "y", "p"):
        keymap = KeyMap({"add_feed": (key,)})
        assert keymap.key("add_feed", "the headlines") == shown_key(key)
        assert keymap.key("site_feed", "an article") == "+"


def test_keys_shared_by_design_may_be_set_together() -> None:
    """`n` is the next match while a search is kept and else the next unread: both may be put on
    another key together, and the example of the config file is a good one."""
    keymap = KeyMap({"next_match": ("ctrl+j",), "next_unread": ("ctrl+j", "u")})
    screen = keymap.remap(MainScreen._merged_bindings)  # type: ignore[arg-type]
    assert screen is not None
    actions = [b.action for b in screen.key_to_bindings["ctrl+j"]]
    assert actions == ["step_match(1)", "next_unread(1)"]  # the search's first, as with n
    assert "n" not in screen.key_to_bindings
    example = re.search(r"^# \[keys\]\n((?:# \w+ = .*\n)+)", DEFAULT_CONFIG_TEXT, re.M)
    assert example is not None
    lines = "".join(line.removeprefix("# ") for line in example.group(1).splitlines(True))
    assert KeyMap(tomllib.loads(lines)).keys


def test_the_arrows_may_move_between_the_panes(synced_dir: Path) -> None:
    """A newsraft user's h and l are back and open, the pane moves ← and →: Textual's sideways
    scrolling, which the lists never do, held the arrows, and `[keys]` refused them as a clash
    with an action it can't name (acc35a E12). Set, ← goes to the feed list and → back."""
    keys = {
        "back": ("h", "q", "escape"),
        "open": ("l", "enter"),
        "highlight": ("H",),
        "feeds_pane": ("left",),
        "headlines_pane": ("right",),
    }
    assert KeyMap(keys).keys

    async def run() -> None:
        async with keyed(synced_dir, keys) as (app, pilot):
            rows = table(app)
            assert app.screen.focused is rows
            await pilot.press("left")
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "← to the feeds")
            await pilot.press("right")
            await until(pilot, lambda: app.screen.focused is rows, "→ to the headlines")

    asyncio.run(run())


def test_newsrafts_back_goes_from_all_feeds_to_the_feed_list(synced_dir: Path) -> None:
    """README's newsraft block (`back = ["h", "q", "escape"]`): `h` in "All feeds"' headlines
    goes back to the feed list, as from a feed's; it said "h: no such key here" (acc51b B9).
    `q`, which quits there, still does."""
    keys = {
        "back": ("h", "q", "escape"),
        "highlight": ("H",),
        "feeds_pane": ("left",),
        "headlines_pane": ("right",),
    }

    async def run() -> None:
        async with keyed(synced_dir, keys) as (app, pilot):
            rows = table(app)
            assert app.screen.focused is rows and app.main_screen.feed_url is None
            raised = notices_raised(app)
            await pilot.press("h")
            await until(pilot, lambda: isinstance(app.screen.focused, FeedList), "h to the feeds")
            assert not any("no such key" in notice for notice in raised), raised
            await pilot.press("right")
            await until(pilot, lambda: app.screen.focused is rows, "→ to the headlines")
            await pilot.press("q")
            await until(pilot, lambda: app.return_code is not None, "q quitting")

    asyncio.run(run())


def test_keys_are_read_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nquit = ["Q", "ctrl+q"]\nhelp = "?"\n', encoding="utf-8")
    assert load_config(path).keys == {"quit": ("Q", "ctrl+q"), "help": ("?",)}
    path.write_text("[keys]\nquit = [1]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"keys\.quit must be a key"):
        load_config(path)


@pytest.mark.parametrize(
    ("written", "name", "shown"),
    [
        ("?", "question_mark", "?"),
        ("question_mark", "question_mark", "?"),
        ("Q", "Q", "Q"),
        ("shift+q", "Q", "Q"),
        ("ctrl+q", "ctrl+q", "Ctrl-Q"),
        ("Ctrl-Q", "ctrl+q", "Ctrl-Q"),
        ("Esc", "escape", "Esc"),
        ("PgDn", "pagedown", "PgDn"),
        ("f5", "f5", "F5"),
        ("shift+tab", "shift+tab", "Shift-Tab"),
        (" ", "space", "Space"),
        ("]", "right_square_bracket", "]"),
        ("down", "down", "↓"),
        ("/", "slash", "/"),  # it was shown "Slash" (acc27b B6)
        (".", "full_stop", "."),
        ("ctrl+/", "ctrl+slash", "Ctrl-/"),
        # newsboat's bind-key, tmux's and Emacs's ways (acc41a A5): refused as no key name.
        ("^D", "ctrl+d", "Ctrl-D"),
        ("C-d", "ctrl+d", "Ctrl-D"),
        ("M-x", "alt+x", "Alt-X"),
        ("S-Tab", "shift+tab", "Shift-Tab"),
        ("^", "circumflex_accent", "^"),
    ],
)
def test_key_names_as_written_and_as_shown(written: str, name: str, shown: str) -> None:
    assert key_name(written) == name
    assert shown_key(name) == shown


@pytest.mark.parametrize(
    "written", ["ctl+q", "ctrl+", "hyper+x", "pagedwn", "\x1b", "ctrl+ctrl+q", "^^", "c-d"]
)
def test_key_names_textual_does_not_know(written: str) -> None:
    assert key_name(written) is None


def test_readme_lists_the_actions_of_the_code() -> None:
    """README's table of the actions `[keys]` takes is the code's, name for name and word for
    word, so it stays true."""
    text = README.read_text(encoding="utf-8")
    section = text.split("<!-- actions: from reader/ui/key_actions.py -->", 1)[1]
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", section.split("\n\n", 1)[0], re.M)
    assert rows == [(name, action.does) for name, action in ACTIONS.items()]


def test_the_readmes_examples_are_good_keys() -> None:
    text = README.read_text(encoding="utf-8")
    examples = re.findall(r"```toml\n(.*?)```", text, re.S)
    keys = [tomllib.loads(example).get("keys") for example in examples]
    assert len([k for k in keys if k]) == 5
    for example in filter(None, keys):
        assert KeyMap(example).keys


def test_the_readmes_newsboat_keys_pass_reader_config(data_dir: Path) -> None:
    """The `[keys]` blocks README gives newsboat's users load with no clash, each alone and
    both together: `reader config` on a data directory whose config is the block, as
    README.md holds it (acc27b B16; its r / R, pasted as README said them, made the reader
    refuse to start: `R` was an article's fetch again too, acc41a A1)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### From newsboat", 1)[1].split("\n## ", 1)[0].split("\n### ")[0]
    refreshes, in_article = re.findall(r"```toml\n(.*?)```", section, re.S)
    assert tomllib.loads(refreshes)["keys"]["refresh"] == ["R"]
    keys = tomllib.loads(in_article)["keys"]
    assert {"next_unread", "previous_unread", "next_article"} <= set(keys)
    assert keys["list_links"] == ["L", "u"]  # newsboat's show-urls (acc41a A6)
    both = refreshes + in_article.removeprefix("[keys]\n")
    data_dir.mkdir(parents=True, exist_ok=True)
    for block in (refreshes, in_article, both):
        (data_dir / "config.toml").write_text(block, encoding="utf-8")
        result = reader(data_dir, "config")
        assert result.returncode == 0, result
        assert result.stderr == ""
    assert 'previous_unread = ["N", "p"]' in result.stdout
    assert 'refresh = ["R"]' in result.stdout


def test_the_readmes_newsraft_keys_pass_reader_config(data_dir: Path) -> None:
    """The `[keys]` block README gives newsraft's and nom's users loads with no clash, the
    arrows moving between the panes (acc35a E12)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Keys from newsraft or nom", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    keys = tomllib.loads(block)["keys"]
    assert keys["feeds_pane"] == ["left"] and keys["back"][0] == "h"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(block, encoding="utf-8")
    result = reader(data_dir, "config")
    assert result.returncode == 0, result
    assert result.stderr == ""


def test_every_row_of_the_help_names_its_actions() -> None:
    """A row added to the help without its actions would go on showing the default keys of an
    action the user moved; Esc's rows, Ctrl-Z's and the markers are the only ones of no
    action."""
    from reader.ui.dialogs.help import (
        FIXED_KEY_ROWS,
        KEYS,
        ROW_ACTIONS,
        SECTION_ROW_ACTIONS,
        row_actions,
    )

    for section, rows in KEYS:
        for key, _what in rows:
            if section != "Markers" and not key.startswith("Esc") and key not in FIXED_KEY_ROWS:
                assert row_actions(section, key), key
    named = [*ROW_ACTIONS.values(), *SECTION_ROW_ACTIONS.values()]
    assert {a for actions in named for a in actions} <= set(ACTIONS)
    assert row_actions("Headlines", "L") == ("unread_only",)
    assert row_actions("Reading", "L") == ("list_links",)


def _bound(kind: type) -> list[tuple[str, str, bool, bool]]:
    merged = kind._merged_bindings
    assert merged is not None
    return [
        (key, binding.action, binding.priority, binding.show)
        for key, bindings in merged.key_to_bindings.items()
        for binding in bindings
    ]


def test_the_checks_stand_ins_bind_what_the_reading_view_binds() -> None:
    from reader.ui.article_keys import ArticleBodyKeys, ArticleScreenKeys

    assert _bound(ArticleScreenKeys) == _bound(ArticleScreen)
    assert _bound(ArticleBodyKeys) == _bound(ArticleBody)


def test_checking_keys_loads_no_reading_view(tmp_path: Path) -> None:
    """The check of `[keys]` before the reader's first screen reads the reading view's keys
    without loading the view itself (~40 ms of CPU at every start with keys set)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from reader.ui.keymap import KeyMap\n"
        "KeyMap({'quit': ('Q',), 'next_heading': ('}',)})\n"
        "print('reader.ui.screens.article' in sys.modules,"
        " 'reader.ui.widgets.article.article_body' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]
