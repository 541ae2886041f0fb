"""The reading view's own line breaking for text that breaks at spaces is Rich's, found faster:
the same lines, the same styles on them, for any text and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.console import Console
from rich.text import Text

from reader.ui.widgets.article.line_breaks import _space_breaks, wrap

# Letters, spaces of several kinds, characters of two cells (Korean's: it breaks at spaces,
# unlike Chinese) and of none, tabs and line breaks: the fast path must hand back to Rich
# whatever it can't measure by length.
PIECES = st.sampled_from(
    [*"abcdefghij", " ", "  ", "é", "’", "—", "Ж", "\u2009", "\u3000", "한", "\u0301", "\t", "\n"]
)
TEXTS = st.lists(PIECES, max_size=80).map("".join)
CONSOLE = Console(width=100, color_system="truecolor", force_terminal=True)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=24))
def test_breaks_are_richs(text: str, width: int) -> None:
    line = text.replace("\n", " ").expandtabs(8)
    assert _space_breaks(line, width) == divide_line(line, width, fold=True)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=24), st.sampled_from(["default", "center"]))
def test_wrapped_lines_are_richs(text: str, width: int, justify: str) -> None:
    styled = Text(text)
    if len(text) > 4:
        styled.stylize("bold", 2, len(text) - 2)
    ours = wrap(styled, CONSOLE, width, justify)  # type: ignore[arg-type]
    richs = styled.wrap(CONSOLE, width, justify=justify, overflow="fold")  # type: ignore[arg-type]
    assert [(line.plain, line.spans) for line in ours] == [
        (line.plain, line.spans) for line in richs
    ]


def test_a_long_paragraph_breaks_where_rich_does() -> None:
    paragraph = (
        " ".join(f"word{n} — l’été, “quoted”, Ж{'x' * (n % 13)}" for n in range(400))
        + " https://example.org/"
        + "a" * 150
        + " after the address"
    )
    for width in (20, 61, 80):
        breaks = _space_breaks(paragraph, width)
        assert breaks == divide_line(paragraph, width, fold=True)
        assert len(breaks) > 100  # it really was broken, the long address folded too
