"""On a terminal of 16 colours (TERM=xterm or linux, no COLORTERM) each theme reads: Rich gives
every colour the nearest of the 16, and `light`'s dark orange came out yellow, its blue keys
cyan, on white (1.7:1, 2:1); `dark`'s cursor white on cyan (1.9:1), its accent the red of a
failing feed's `!` (acc35a E6). Pilot, the screen's colours taken to the 16 as Rich does, their
contrast measured in xterm's palette and the Linux console's (VGA)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.style import Style

from reader.ui.app import ReaderApp
from tests.tui_pilot import started

XTERM = [
    (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
    (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
    (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
    (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
]  # fmt: skip
VGA = [
    (0x00, 0x00, 0x00), (0xAA, 0x00, 0x00), (0x00, 0xAA, 0x00), (0xAA, 0x55, 0x00),
    (0x00, 0x00, 0xAA), (0xAA, 0x00, 0xAA), (0x00, 0xAA, 0xAA), (0xAA, 0xAA, 0xAA),
    (0x55, 0x55, 0x55), (0xFF, 0x55, 0x55), (0x55, 0xFF, 0x55), (0xFF, 0xFF, 0x55),
    (0x55, 0x55, 0xFF), (0xFF, 0x55, 0xFF), (0x55, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
]  # fmt: skip
LEAST = 3.0
"""WCAG's least contrast for large text and marks; the themes of a 16-colour terminal had 1.7."""


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(style: Style, palette: list[tuple[int, int, int]]) -> float:
    assert style.color is not None and style.bgcolor is not None, style

    def number(color: object) -> int:
        shown = color.downgrade(ColorSystem.STANDARD)  # type: ignore[attr-defined]
        assert shown.number is not None
        return int(shown.number)

    fg, bg = number(style.color), number(style.bgcolor)
    if style.reverse:
        fg, bg = bg, fg
    light, dark = sorted((_luminance(palette[fg]), _luminance(palette[bg])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_each_theme_reads_in_16_colours(
    synced_dir: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    config = synced_dir / "config.toml"
    config.write_text(f'[ui]\ntheme = "{theme}"\n')

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        assert app.console.color_system == "standard"
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            lines = list(app.screen._compositor.render_strips())
            checked: dict[str, list[Style]] = {"unread": [], "keys": [], "cursor": []}
            title = app.screen.query_one("#headlines").rows[0].entry.title[:12]  # type: ignore[attr-defined]
            for strip in lines:
                text = strip.text
                for segment in strip:
                    if segment.style is None or not segment.text.strip():
                        continue
                    if "●" in segment.text:
                        checked["unread"].append(segment.style)
                    elif strip is lines[-1] and segment.style.bold:
                        checked["keys"].append(segment.style)
                    elif title in text and title in segment.text:
                        checked["cursor"].append(segment.style)
            for what, styles in checked.items():
                assert styles, what
                for palette in (XTERM, VGA):
                    worst = min(_contrast(style, palette) for style in styles)
                    assert worst >= LEAST, (theme, what, round(worst, 2))

    asyncio.run(run())
