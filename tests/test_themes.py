"""The screen's colours (`[ui] theme`, `--theme`, NO_COLOR), driven with Pilot on the synced demo
data: each theme is the one drawn, "terminal" leaves the terminal's own background and text
colour alone, NO_COLOR leaves no colour at all with the cursor and the matches still seen, and
the reading view's text stands off its background in the reader's own light and dark."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.color import ColorType
from rich.style import Style
from test_cli import reader
from textual.color import Color
from textual.pilot import Pilot

from reader.cli.demo import tui_config
from reader.cli.parser import build_parser
from reader.config import THEMES, Config
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.themes import SIXTEEN_COLOUR_THEMES, TEXTUAL_THEMES
from reader.ui.widgets.main.feed_list import ERROR_MARK
from tests.tui_pilot import open_titled, started, table, until

STORM = "Storm Idris live"
CRANES = "Crane operators walk out"


@asynccontextmanager
async def themed(
    directory: Path, theme: str, size: tuple[int, int] = (100, 30)
) -> AsyncIterator[tuple[ReaderApp, Pilot[object]]]:
    app = ReaderApp(directory, refresh_on_start=False, config=Config(directory / "c", theme=theme))
    app.prefetch_limit = 0
    async with app.run_test(size=size) as pilot:
        await started(pilot)
        yield app, pilot


def styles_on_screen(app: ReaderApp) -> list[tuple[str, Style]]:
    """Every stretch of text on screen with its style, as the terminal is sent it (filters
    applied)."""
    return [
        (segment.text, segment.style or Style())
        for strip in app.screen._compositor.render_strips()
        for segment in strip
        if segment.text
    ]


def rows_in_reverse(app: ReaderApp) -> list[str]:
    """The lines on screen with words in reverse video."""
    return [
        strip.text
        for strip in app.screen._compositor.render_strips()
        if any(s.style and s.style.reverse and any(c.isalpha() for c in s.text) for s in strip)
    ]


def coloured(style: Style) -> list[RichColor]:
    """The colours a style sets itself: none is the terminal's own foreground and background."""
    return [c for c in (style.color, style.bgcolor) if c is not None and not c.is_default]


def background(app: ReaderApp) -> Color:
    """The colour most of the screen is painted on."""
    cells: dict[RichColor | None, int] = {}
    for text, style in styles_on_screen(app):
        cells[style.bgcolor] = cells.get(style.bgcolor, 0) + len(text)
    painted = max(cells, key=lambda colour: cells[colour])
    assert painted is not None
    return Color.from_rich_color(painted)


def contrast(one: Color, other: Color) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


# -- each theme ------------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_each_theme_is_the_one_drawn(synced_dir: Path, theme: str) -> None:
    async def run() -> None:
        async with themed(synced_dir, theme) as (app, _pilot):
            # A terminal of 16 colours (the tests' TERM=xterm with no COLORTERM) has its own.
            few = app.console.color_system == "standard"
            assert app.theme == (SIXTEEN_COLOUR_THEMES if few else TEXTUAL_THEMES)[theme].name
            assert app.native_ansi_color is (theme == "terminal")
            shown = styles_on_screen(app)
            if theme == "terminal":
                # The terminal's own background everywhere, and only its palette's colours:
                # the dark slab of 256-colour backgrounds was drawn over a light terminal.
                assert not [
                    t for t, s in shown if s.bgcolor is not None and not s.bgcolor.is_default
                ]
                assert all(
                    c.type in (ColorType.STANDARD, ColorType.DEFAULT)
                    for _t, s in shown
                    for c in coloured(s)
                )
                # The cursor is the terminal's reverse video.
                assert [t for t, s in shown if s.reverse and "Storm" in t]
            else:
                painted = background(app)
                assert (_luminance(painted) < 0.1) is (theme == "dark"), painted
                assert (_luminance(painted) > 0.8) is (theme == "light"), painted

    asyncio.run(run())


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_reading_view_s_headings_and_links_read_on_the_theme_s_background(
    synced_dir: Path, theme: str
) -> None:
    """Textual's light theme shades headings and links lighter, as its dark one does: pale blue
    on a white page. Each stands off the reader's own background by WCAG's 4.5:1 for text."""

    async def run() -> None:
        async with themed(synced_dir, theme) as (app, pilot):
            body = await open_titled(pilot, CRANES)
            painted = background(app)
            text = body.rich_style.color
            assert text is not None
            assert contrast(Color.from_rich_color(text), painted) >= 4.5
            for part in ("title", "heading", "subheading", "link", "quote", "bullet", "code"):
                colour = body.get_component_rich_style(f"article-body--{part}").color
                assert colour is not None
                ratio = contrast(Color.from_rich_color(colour), painted)
                assert ratio >= 4.5, (part, colour, painted, ratio)

    asyncio.run(run())


def test_a_failed_feed_s_mark_is_in_the_theme_s_colour(synced_dir: Path, httpserver) -> None:
    """The `!` was Rich's "bold red" whatever the theme; now it is the theme's error colour,
    the terminal's own red in "terminal"."""
    httpserver.expect_request("/down.xml").respond_with_data("gone for now", status=503)
    failing = httpserver.url_for("/down.xml")

    async def fail() -> None:
        async with Library(synced_dir, workers="thread") as lib:
            lib.add_feed(failing)
            await lib.refresh()

    asyncio.run(fail())

    async def run(theme: str) -> RichColor:
        async with themed(synced_dir, theme) as (app, _pilot):
            marks = [s for t, s in styles_on_screen(app) if t == ERROR_MARK]
            assert marks and marks[0].bold and marks[0].color is not None
            assert marks[0].color == Color.parse(app.theme_variables["error"]).rich_color
            return marks[0].color

    assert asyncio.run(run("terminal")).type == ColorType.STANDARD
    assert asyncio.run(run("dark")).type == ColorType.TRUECOLOR


# -- NO_COLOR ----------------------------------------------------------------------------------
def test_no_color_shows_no_colour_at_all_and_still_the_cursor_and_matches(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR=1 turned the dark theme grey (Textual's Monochrome): every cell still had a
    256-colour background. Now no cell has a colour; the cursor, a search's matches and the
    link selected are drawn in reverse video, bold or underlined."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def run() -> None:
        async with themed(synced_dir, "dark") as (app, pilot):
            assert app.no_color
            shown = styles_on_screen(app)
            assert not [(t, s) for t, s in shown if coloured(s)]
            cursor = table(app).rows[table(app).cursor].entry.title[:20]
            rows = rows_in_reverse(app)
            assert len(rows) == 1 and cursor in rows[0], rows
            # The feed list's cursor too (Textual drew an option list's without its reverse).
            await pilot.press("tab")
            await pilot.pause()
            rows = rows_in_reverse(app)
            assert len(rows) == 1 and "All feeds" in rows[0], rows
            await pilot.press("tab")

            body = await open_titled(pilot, CRANES)
            await pilot.press("slash", *"crane", "enter")
            await until(
                pilot,
                lambda: any(s.reverse and t.lower() == "crane" for t, s in styles_on_screen(app)),
                "the search's match",
            )
            shown = styles_on_screen(app)
            assert not [(t, s) for t, s in shown if coloured(s)]
            assert [t for t, s in shown if s.underline and t.lower() == "crane"]  # the others

            await pilot.press("escape", "tab")
            await pilot.pause()
            shown = styles_on_screen(app)
            assert not [(t, s) for t, s in shown if coloured(s)]
            assert body.selected_link is not None
            assert [t for t, s in shown if s.reverse and t.strip()]

    asyncio.run(run())


def test_an_empty_no_color_asks_nothing(synced_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """no-color.org: NO_COLOR set to an empty string is as if it were not set."""
    monkeypatch.setenv("NO_COLOR", "")

    async def run() -> None:
        async with themed(synced_dir, "dark") as (app, _pilot):
            assert not app.no_color
            assert _luminance(background(app)) < 0.1

    asyncio.run(run())


# -- dialogs -------------------------------------------------------------------------------------
DIALOGS = {
    # The key that opens it, from the headlines or an article; a line of its own text.
    "help": ("?", None, "refresh every feed"),
    "question": ("C", None, "of every feed read?"),
    "links": ("L", CRANES, "Links"),
}


async def behind_a_dialog(
    app: ReaderApp, pilot: Pilot[object], dialog: str
) -> tuple[list[tuple[str, Style]], str]:
    """The screen, with `dialog` open over the headlines (or an article); a line of the
    dialog's."""
    key, article, own = DIALOGS[dialog]
    if article:
        await open_titled(pilot, article)
    await pilot.press(key)
    await until(pilot, lambda: app.screen.is_modal, f"the {dialog} dialog")
    await pilot.pause()
    return styles_on_screen(app), own


@pytest.mark.parametrize("dialog", DIALOGS)
@pytest.mark.parametrize("mode", ["terminal", "NO_COLOR"])
def test_a_dialog_in_the_terminal_s_colours_leaves_the_screen_behind_seen_and_faint(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch, mode: str, dialog: str
) -> None:
    """Textual dims the screen behind a dialog with a translucent background; an ANSI colour
    can't be translucent, so in "terminal" and under NO_COLOR the help, the links and a
    question stood on a blank screen. Now the screen behind shows, in faint text, and the
    dialog in the terminal's full text."""
    if mode == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")

    async def run() -> None:
        async with themed(synced_dir, "dark" if mode == "NO_COLOR" else "terminal") as (
            app,
            pilot,
        ):
            shown, own = await behind_a_dialog(app, pilot, dialog)
            behind = "Feeds" if dialog != "links" else "Crane operators"
            seen = [s for t, s in shown if behind in t]
            assert seen and all(s.dim for s in seen), (behind, seen)
            mine = [s for t, s in shown if own in t]
            assert mine and not any(s.dim for s in mine), (own, mine)
            assert not [(t, s) for t, s in shown if s.bgcolor and not s.bgcolor.is_default]
            if mode == "NO_COLOR":
                assert not [(t, s) for t, s in shown if coloured(s)]

            await pilot.press("escape")
            await until(pilot, lambda: not app.screen.is_modal, "the dialog closed")
            await pilot.pause()
            assert not [t for t, s in styles_on_screen(app) if s.dim and behind in t]

    asyncio.run(run())


def test_a_dialog_in_the_reader_s_colours_still_tints_the_screen_behind(synced_dir: Path) -> None:
    """The faint text is for the terminal's colours only: "dark" keeps Textual's tint."""

    async def run() -> None:
        async with themed(synced_dir, "dark") as (app, pilot):
            before = [s for t, s in styles_on_screen(app) if "Feeds" in t]
            shown, _own = await behind_a_dialog(app, pilot, "help")
            seen = [s for t, s in shown if "Feeds" in t]
            assert seen and not any(s.dim for s in seen)
            assert [s.color for s in seen] != [s.color for s in before]

    asyncio.run(run())


# -- the setting -----------------------------------------------------------------------------------
def test_the_config_names_the_theme_and_a_wrong_one_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shown = reader(home, "config")
    assert shown.returncode == 0 and "[ui]\n" in shown.stdout
    assert 'theme = "dark"' in shown.stdout and "terminal" in shown.stdout

    for text, named in (
        ('[ui]\ntheme = "solarized"\n', "ui.theme must be one of 'dark', 'light', 'terminal'"),
        ("[ui]\ntheme = 2\n", "ui.theme must be one of"),
        ('[ui]\ncolours = "light"\n', "unknown setting ui.colours"),
    ):
        (home / "config.toml").write_text(text)
        result = reader(home, "list")
        assert result.returncode == 78 and result.stderr.count("\n") == 1, result.stderr
        assert named in result.stderr and "config.toml" in result.stderr


def test_theme_option_wins_over_the_config_for_one_run(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ui]\ntheme = "terminal"\n')
    parse = build_parser().parse_args
    assert tui_config(parse(["--config", str(config)])).theme == "terminal"
    assert tui_config(parse(["--config", str(config), "--theme", "light"])).theme == "light"
    demo = parse(["demo", "--config", str(config), "--theme", "dark"])
    assert tui_config(demo).theme == "dark"


def test_theme_option_is_refused_where_nothing_is_drawn(tmp_path: Path) -> None:
    result = reader(tmp_path / "home", "--theme", "light", "list")
    assert result.returncode == 2 and "--theme" in result.stderr.splitlines()[-1]
    result = reader(tmp_path / "home", "--theme", "sepia")
    assert result.returncode == 2 and "sepia" in result.stderr


@pytest.mark.parametrize(
    "args", [("demo", "--serve", "--theme", "light"), ("--theme", "terminal", "demo", "--serve")]
)
def test_theme_option_is_refused_with_demo_serve(tmp_path: Path, args: tuple[str, ...]) -> None:
    """`demo --serve` only serves the site: it took --theme and opened no reader to show it in.
    One line, and nothing served."""
    result = reader(tmp_path / "home", *args, "--port", "0")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--theme" in result.stderr
    assert "--serve" in result.stderr


@pytest.mark.parametrize("theme", THEMES)
def test_words_removed_and_added_side_by_side_differ_in_colour_too(
    tmp_path: Path, theme: str
) -> None:
    """`d`'s "£3m£4m": the removed struck through in the theme's red, the added underlined in
    its green, as `reader diff` colours them on a terminal, in every theme."""
    from reader.copy_changes import changes_between
    from reader.models import Article, Block, BlockKind, Inline
    from reader.ui.dialogs.changes import ChangesScreen, ChangesText

    def copy(version: int, text: str) -> Article:
        block = Block(BlockKind.PARAGRAPH, (Inline(text),))
        return Article(
            url="https://example.org/a", blocks=(block,), versions=(None, None), version=version
        )

    changes = changes_between(copy(1, "The firm was paid £3m."), copy(2, "The firm was paid £4m."))

    async def run() -> None:
        async with themed(tmp_path, theme) as (app, pilot):
            await app.push_screen(ChangesScreen(changes))
            await until(pilot, lambda: app.screen.query_one(ChangesText).shown, "the changes")
            await pilot.pause()
            shown = dict(styles_on_screen(app))
            removed, added = shown["£3m"], shown["£4m"]
            assert removed.strike and not removed.underline
            assert added.underline and not added.strike
            assert removed.color is not None and added.color is not None
            assert removed.color != added.color

    asyncio.run(run())
