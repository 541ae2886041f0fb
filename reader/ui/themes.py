"""The screen's colour schemes (`[ui] theme`): the Textual themes behind "dark", "light" and
"terminal", and NO_COLOR.

reader.tcss names colours by theme variables only: Textual's ($accent, $panel…) and the reader's
own below ($reader-heading…), which each theme sets to what reads on its background (Textual's
"lighten" shades, right for headings on a dark background, are pale on a white one). "terminal"
is an ANSI theme: the terminal's default foreground and background, and its own palette for the
few colours, so a light terminal stays light, as newsboat draws by default.

On the Linux console the scroll bars' thumbs are drawn in whole cells and the notices' edge in
full blocks (`fit_linux_console`): its fonts lack the eighth blocks Textual draws them with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.filter import ANSIToTruecolor, LineFilter, Monochrome, NoColor
from textual.renderables.background_screen import BackgroundScreen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.theme import BUILTIN_THEMES, Theme

from ..config import THEMES
from ..marks import CELLS_FILTERED, GLYPHS_REPLACED, cell_glyphs, on_linux_console
from ..terminfo import no_colour_asked

READER_VARIABLES = ("reader-heading", "reader-link", "reader-source")
"""The colours reader.tcss takes from the theme besides Textual's."""


def _shades(theme: Theme, **picks: str) -> Theme:
    """`theme`, named for the reader, with the reader's variables set to its own shades
    (`picks`: a reader variable, without its prefix, to a Textual colour name)."""
    colours = theme.to_color_system().generate()
    variables = {f"reader-{name}": colours[shade] for name, shade in picks.items()}
    return replace(theme, name=f"reader-{theme.name}", variables={**theme.variables, **variables})


_DARK = _shades(
    replace(BUILTIN_THEMES["textual-dark"], name="dark"),
    heading="primary-lighten-2",
    link="primary-lighten-3",
    source="secondary-lighten-3",
)
# Textual's light theme is a grey slab (#E0E0E0) with orange titles that fade into it: the
# reader's is paper white, with its orange and green darkened to read on it.
_LIGHT = _shades(
    replace(
        BUILTIN_THEMES["textual-light"],
        name="light",
        accent="#A65300",
        warning="#8A6100",
        success="#2E7D32",
        foreground="#1E1E1E",
        background="#FAFAF7",
        surface="#F0F0EB",
        panel="#E4E4DE",
    ),
    heading="primary-darken-1",
    link="primary",
    source="secondary-darken-2",
)
# The terminal's own colours. Its palette is the user's (Solarized, a white paper one…): blue,
# magenta and red read on light and dark backgrounds alike, where yellow, white and the bright
# colours vanish on one of them; the cursor is the terminal's reverse video, whatever its colours.
_TERMINAL = Theme(
    name="reader-terminal",
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_magenta",
    warning="ansi_red",
    error="ansi_red",
    success="ansi_green",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        "reader-heading": "ansi_blue",
        "reader-link": "ansi_blue",
        "reader-source": "ansi_default",
        "ansi-background": "ansi_default",  # Textual's own CSS asks for these two
        "ansi-foreground": "ansi_default",
        "border-blurred": "ansi_default",
        "block-cursor-foreground": "ansi_default",
        "block-cursor-background": "ansi_default",
        "block-cursor-text-style": "reverse",
        "block-cursor-blurred-foreground": "ansi_default",
        "block-cursor-blurred-background": "ansi_default",
        "block-cursor-blurred-text-style": "underline",
        # Textual's track is black: a black bar down a light terminal.
        "scrollbar-background": "ansi_default",
        "scrollbar-background-hover": "ansi_default",
        "scrollbar-background-active": "ansi_default",
        "scrollbar-corner-color": "ansi_default",
        "screen-selection-background": "ansi_default",
        "screen-selection-foreground": "ansi_default",
    },
)

TEXTUAL_THEMES = {"dark": _DARK, "light": _LIGHT, "terminal": _TERMINAL}
"""The Textual theme of each `[ui] theme` setting (config.THEMES)."""
assert set(TEXTUAL_THEMES) == set(THEMES)

# A terminal of 16 colours (TERM=xterm, TERM=linux) gets each colour as the nearest of its 16
# (Rich's VGA palette): light's dark orange came out yellow and its blue keys cyan, on white
# (1.7:1 and 2:1 in xterm's palette); dark's cursor white on cyan (1.9:1), its orange accent
# the bright red of a failing feed's `!` (acc35a E6). These take colours that are the 16
# themselves, chosen to read on the theme's background in xterm's palette and the console's.
_VGA_BLUE, _VGA_MAGENTA, _VGA_GREY, _VGA_DARK_GREY, _VGA_YELLOW = (
    "#0000AA",
    "#AA00AA",
    "#AAAAAA",
    "#555555",
    "#FFFF55",
)
_DARK_16 = replace(
    _DARK,
    name="reader-dark-16",
    accent=_VGA_YELLOW,
    warning=_VGA_YELLOW,
    variables={
        **_DARK.variables,
        "footer-key-foreground": _VGA_YELLOW,
        "block-cursor-background": _VGA_BLUE,
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": _VGA_DARK_GREY,
    },
)
_LIGHT_16 = replace(
    _LIGHT,
    name="reader-light-16",
    accent=_VGA_MAGENTA,
    warning=_VGA_MAGENTA,
    secondary=_VGA_BLUE,
    variables={
        **_LIGHT.variables,
        "footer-key-foreground": _VGA_BLUE,
        "block-cursor-background": _VGA_DARK_GREY,
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": _VGA_GREY,
        "panel-lighten-2": _VGA_GREY,  # the border of the pane not in use: white on white
        "scrollbar": _VGA_DARK_GREY,
        "scrollbar-hover": _VGA_DARK_GREY,
        "scrollbar-active": "#000000",
    },
)
SIXTEEN_COLOUR_THEMES = {"dark": _DARK_16, "light": _LIGHT_16, "terminal": _TERMINAL}
"""The theme of each setting on a terminal of 16 colours (or 8): `terminal` is its palette's
already."""
# The Linux console draws its 8 base colours alone as backgrounds (console_codes(4): "100..107
# set background, same as 40..47 (bright not supported)"): dark's grey cursor of the list not in
# use was black on black there, the feed shown not to be told from the others (acc45b B4).
# Magenta reads with white text, and apart from the blue cursor of the list in use.
_DARK_CONSOLE = replace(
    _DARK_16,
    name="reader-dark-console",
    variables={**_DARK_16.variables, "block-cursor-blurred-background": _VGA_MAGENTA},
)
_LIGHT_CONSOLE = replace(
    _LIGHT_16,
    name="reader-light-console",  # its paper white is the console's grey: so was the cursor
    variables={**_LIGHT_16.variables, "block-cursor-blurred-background": _VGA_MAGENTA},
)
CONSOLE_THEMES = {"dark": _DARK_CONSOLE, "light": _LIGHT_CONSOLE, "terminal": _TERMINAL}
"""The theme of each setting on the Linux console: with `line_filters`, base backgrounds only."""


def apply_theme(app: App[object], setting: str) -> None:
    """Give `app`, as it is made, the colours of `setting` (one of config.THEMES), or none at
    all under NO_COLOR or on a terminal that has none (with `line_filters`); on a terminal of 16 colours, its colours that
    read there (`SIXTEEN_COLOUR_THEMES`).

    Textual takes a NO_COLOR set even empty, and on a theme of its own colours turns them grey
    (its Monochrome filter: the dark slab stayed, in greys). Here it is the terminal theme with
    every colour taken out: the terminal's own foreground and background, as `ls` and `less`
    show under NO_COLOR, the cursor and the matches in reverse video (reader.tcss's `:ansi`)."""
    for theme in (*TEXTUAL_THEMES.values(), _DARK_16, _LIGHT_16, _DARK_CONSOLE, _LIGHT_CONSOLE):
        app.register_theme(theme)
    app.no_color = no_colour_asked()  # NO_COLOR, or a terminal without colours (vt100)
    few = app.console.color_system in ("standard", "windows")
    themes = SIXTEEN_COLOUR_THEMES if few else TEXTUAL_THEMES
    if few and on_linux_console():
        themes = CONSOLE_THEMES
    # Set as the app is made, before its stylesheet is read: `app.theme = …` runs a watcher
    # that reads the whole stylesheet again (40–150 ms of the start, before the first screen).
    # The stylesheet, made already, takes the theme's colours; its rules are not read yet.
    app.set_reactive(App.theme, themes["terminal" if app.no_color else setting].name)
    app.stylesheet.set_variables(app.get_css_variables())
    dark = app.current_theme.dark
    app.set_class(dark, "-dark-mode", update=False)
    app.set_class(not dark, "-light-mode", update=False)


class _WholeCells(ScrollBarRender):
    """A scroll bar whose thumb starts and ends at a cell's edge: no ▁▂▃▄▅▆▇ (nor ▉▊▋▌▍▎▏
    across), which the Linux console's fonts don't have."""

    VERTICAL_BARS = [" "] * len(ScrollBarRender.VERTICAL_BARS)
    HORIZONTAL_BARS = [" "] * len(ScrollBarRender.HORIZONTAL_BARS)


def fit_linux_console(app: App[object]) -> None:
    """On the Linux console (`marks.LINUX_CONSOLE`) and in an ASCII locale: scroll bars in
    whole cells, and the class `-linux-console` for reader.tcss (the notices' edge). Elsewhere
    Textual's own scroll bars (set back: every app of a test run shares the class)."""
    ScrollBar.renderer = _WholeCells if GLYPHS_REPLACED else ScrollBarRender
    app.set_class(GLYPHS_REPLACED, "-linux-console", update=False)


class _TerminalGlyphs(LineFilter):
    """Every character drawn as the terminal can draw it (`marks.cell_glyphs`): on the Linux
    console the glyphs of its font (square corners for Textual's rounded ones, • for ●, "-"
    for a headline's "—"), in an ASCII locale ASCII. The last filter: Textual's frames, its
    notices and Rich's "…" go through it as the reader's own marks do (acc42a A2, A3)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(cell_glyphs(text), style, control)
            if not control
            else Segment(text, style, control)
            for text, style, control in segments
        ]


_GLYPHS = _TerminalGlyphs()


class _NoColourCodes(NoColor):
    """Every colour taken out. Textual's `NoColor` sets each to the terminal's default instead,
    which still wrote `39;49` (default colours) into every cell's escape: colour codes, to a
    VT100 that has none (acc42a A9). The terminal's own colours are what shows either way."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else style.without_color, control)
            for text, style, control in segments
        ]


_NO_COLOR = _NoColourCodes()


class _BaseBackgrounds(LineFilter):
    """Each background as one of the 8 base colours, the bright ones as their base (the grey
    of the bars as black): the Linux console shows no other (`CONSOLE_THEMES`). What the
    console showed already; what the theme must not count on is said in its colours."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, _base_background(style), control)
            if style is not None and not control
            else Segment(text, style, control)
            for text, style, control in segments
        ]


def _base_background(style: Style) -> Style:
    if style.bgcolor is None or style.bgcolor.is_default:
        return style
    number = style.bgcolor.downgrade(ColorSystem.STANDARD).number
    if number is None or number < 8:
        return style
    return style + Style(bgcolor=f"color({number - 8})")  # 0-7: written as 40-47


_BASE_BACKGROUNDS = _BaseBackgrounds()


def line_filters(
    textual_filters: Sequence[LineFilter], *, no_color: bool, ansi: bool, console: bool = False
) -> list[LineFilter]:
    """The filters every line drawn goes through: Textual's, with its NO_COLOR one (chosen as
    the app was made, before its theme) replaced by one taking every colour out when asked,
    and its ANSI colours left to the terminal's palette in an ANSI theme (Textual's filter
    was made for the theme the app had before the reader's). `console`: the Linux console's
    theme, its backgrounds the 8 base colours (`_BaseBackgrounds`)."""
    kept = [
        f
        for f in textual_filters
        if not isinstance(f, Monochrome | NoColor | _TerminalGlyphs)
        and not (ansi and isinstance(f, ANSIToTruecolor))
        and not isinstance(f, _BaseBackgrounds)
    ]
    if console:
        kept.append(_BASE_BACKGROUNDS)
    if no_color:
        kept.append(_NO_COLOR)
    if CELLS_FILTERED:  # the Linux console's glyphs, ASCII, or GNU screen's lack of isolates
        kept.append(_GLYPHS)
    return kept


_DIM = Style(dim=True)


class DimmedScreen(BackgroundScreen):
    """The screen behind a dialog in the terminal's own colours: as it is, in faint text
    (no colour to blend it into the background with), without its links and click targets."""

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        for text, style, control in segments:
            if control:
                yield Segment(text, style, control)
            else:
                kept = style.clear_meta_and_links() if style is not None else Style()
                yield Segment(text, kept + _DIM)
