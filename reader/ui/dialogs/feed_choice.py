"""The feeds a web page names, to choose from (`a` given a paper's home page that names its
sections' feeds): each its title and address, j / k (or the arrows) to move, space marks one (and
unmarks it), Enter subscribes to those marked, else to the one the cursor is on; Esc or q chooses
none. The notice that listed them left a keyboard user to copy a 40-character address by eye
into `a` again (acc34b D10); one at a time, a paper's five sections were five `a`s (acc45 A12)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...discovery import FeedLink
from ..display import plain
from ..widgets.key_bar import KeyBar
from ..widgets.vim_list import VimOptionList
from .modal import Dialog

MARKED = "✓ "
UNMARKED = "  "


def _option(feed: FeedLink, marked: bool = False) -> Option:
    # Both untrusted (the page's words): plain text, controls removed, never markup.
    row = Text(MARKED if marked else UNMARKED)
    if feed.title:
        row.append_text(plain(feed.title, max_length=120))
        row.append(f"\n{UNMARKED}")  # the address under the title, past the mark's column
    row.append_text(plain(feed.url, max_length=300))
    return Option(row)


class FeedChoiceScreen(Dialog[list[str] | None]):
    """Lists `feeds` (a page's); dismisses with the addresses of those chosen (the marked ones,
    in the page's order, else the one under the cursor), None for none."""

    BINDINGS = [
        Binding("escape,q", "choose_none", "Cancel"),
        # Over the list's own space (a page down): a list of a page's few feeds has no pages.
        Binding("space", "mark", "Mark", priority=True),
    ]

    def __init__(self, feeds: Sequence[FeedLink], page: str) -> None:
        super().__init__()
        self.feeds = list(feeds)
        self.page = page
        self.marked: set[int] = set()
        """The indexes of the feeds marked with space."""

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with Vertical(id="feed-choice-panel"):
            yield Static(
                Text.assemble(
                    f"That page names {len(self.feeds)} feeds. Space marks one, Enter "
                    "subscribes to those marked (else to the one chosen), Esc to none:\n",
                    plain(self.page, max_length=200),
                ),
                id="feed-choice-title",
            )
            yield VimOptionList(*(_option(feed) for feed in self.feeds), id="feed-choice-list")

    def on_mount(self) -> None:
        self.query_one(VimOptionList).focus()

    def action_mark(self) -> None:
        options = self.query_one(VimOptionList)
        index = options.highlighted
        if index is None:
            return
        self.marked ^= {index}
        options.replace_option_prompt_at_index(
            index, _option(self.feeds[index], index in self.marked).prompt
        )
        if index + 1 < len(self.feeds):
            options.highlighted = index + 1  # as a file manager's space: on to the next

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = sorted(self.marked) or [event.option_index]
        self.dismiss([self.feeds[index].url for index in chosen])

    def action_choose_none(self) -> None:
        self.dismiss(None)
