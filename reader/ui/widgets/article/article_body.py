"""The reading view's text: an article drawn with the Line API in a centred, readable column.

The article's paragraphs are wrapped once per width (a 10,000-word article in well under
100 ms) and only the lines on screen are drawn, so long articles open and scroll instantly.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ....models import Article, Entry
from . import typeset
from .typeset import ArticleStyles, Paragraph


def _component(field_name: str) -> str:
    """The CSS component class of an `ArticleStyles` field (`quote_bar` → `article-body--quote-bar`)."""
    return "article-body--" + field_name.replace("_", "-")


class ArticleBody(ScrollView, can_focus=True):
    """Header and body of one article (or a notice while it loads or when it failed)."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {_component(name) for name in ArticleStyles.__dataclass_fields__}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content: tuple[Entry | None, Article | None, str, str, bool] = (
            None,
            None,
            "",
            "",
            False,
        )
        """What to show: entry, article, notice message (with an article: the note replacing
        its partial-text line), notice hint, notice is an error."""
        self._paragraphs: list[Paragraph] = []
        self._built_with: ArticleStyles | None = None
        self._lines: list[Strip] = []
        self._width = 0
        """The column width `_lines` were wrapped for (0: not wrapped yet)."""

    @property
    def lines(self) -> list[str]:
        """The screen lines as wrapped for the current width, as plain text (for tests and to
        find a place to scroll to)."""
        return [strip.text for strip in self._lines]

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and copy)."""
        return "\n".join(p.text.plain for p in self._paragraphs)

    # -- what to show --------------------------------------------------------------------------
    def show_article(self, entry: Entry | None, article: Article, notice: str = "") -> None:
        """The article; `notice` replaces the partial-text line of its header (why the text
        is the feed's, when a fetch failed)."""
        self._set(entry, article, notice, "", False)

    def show_notice(
        self, entry: Entry | None, message: str, hint: str = "", error: bool = False
    ) -> None:
        """The entry's header and one line instead of the body ("Fetching article…", a failure)."""
        self._set(entry, None, message, hint, error)

    def _set(
        self, entry: Entry | None, article: Article | None, message: str, hint: str, error: bool
    ) -> None:
        self._content = (entry, article, message, hint, error)
        self._build()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _build(self) -> None:
        entry, article, message, hint, error = self._content
        styles = self._built_with = self._styles()
        paragraphs = typeset.header(entry, article, styles, message if article else "")
        if article is not None:
            paragraphs += typeset.body(article, styles)
        elif message:
            paragraphs += typeset.notice(
                message, hint, styles.error if error else styles.notice, styles
            )
        self._paragraphs = paragraphs
        self._width = 0
        self._layout()

    def _styles(self) -> ArticleStyles:
        get = self.get_component_rich_style
        return ArticleStyles(
            **{name: get(_component(name)) for name in ArticleStyles.__dataclass_fields__}
        )

    def action_half_page(self, direction: int) -> None:
        """Ctrl-D / Ctrl-U as in vim and less: half a screen, so the eye keeps its place."""
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)

    # -- layout and drawing --------------------------------------------------------------------
    def _available(self) -> int:
        """The width lines may take: the content region less the vertical scrollbar's, whether
        or not it is shown yet. The scrollbar appears only once the lines are wrapped (they
        decide the height), without a resize: lines wrapped for the width without it were cut
        off at the right."""
        return max(0, self.content_region.width - self.styles.scrollbar_size_vertical)

    def _column(self) -> tuple[int, int]:
        """Width of the text column and the left margin that centres it."""
        available = self._available()
        column = max(20, min(typeset.MAX_COLUMN, available - 2))
        return column, max(0, (available - column) // 2)

    def _layout(self) -> None:
        column, _margin = self._column()
        if self._available() <= 0 or column == self._width:
            return
        self._lines = typeset.typeset(self._paragraphs, column, self.app.console)
        self._width = column
        # A blank line at the end so the last line isn't glued to the status bar.
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines) + 1)
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Styles are baked into the paragraphs: rebuild when the theme really changed them
        # (not on every focus change, which also lands here).
        if self.is_mounted and self._paragraphs and self._styles() != self._built_with:
            self._build()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = y + round(self.scroll_y)
        if number >= len(self._lines):
            return Strip.blank(width, base)
        _column, margin = self._column()
        line = self._lines[number]
        return Strip.join([Strip.blank(margin), line]).apply_style(base).crop_extend(0, width, base)
