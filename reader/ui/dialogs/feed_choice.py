"""The feeds a web page names, to choose one (`a` given a paper's home page that names its
sections' feeds): each its title and address, j / k (or the arrows) to move, Enter subscribes to
the one chosen, Esc or q chooses none. The notice that listed them left a keyboard user to copy
a 40-character address by eye into `a` again (acc34b D10)."""

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


def _option(feed: FeedLink) -> Option:
    # Both untrusted (the page's words): plain text, controls removed, never markup.
    row = Text()
    if feed.title:
        row.append_text(plain(feed.title, max_length=120))
        row.append("\n")
    row.append_text(plain(feed.url, max_length=300))
    return Option(row)


class FeedChoiceScreen(Dialog[str | None]):
    """Lists `feeds` (a page's); dismisses with the address of the one chosen, None for none."""

    BINDINGS = [
        Binding("escape,q", "choose_none", "Cancel"),
    ]

    def __init__(self, feeds: Sequence[FeedLink], page: str) -> None:
        super().__init__()
        self.feeds = list(feeds)
        self.page = page

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with Vertical(id="feed-choice-panel"):
            yield Static(
                Text.assemble(
                    f"That page names {len(self.feeds)} feeds. Enter subscribes to the one "
                    "chosen, Esc to none:\n",
                    plain(self.page, max_length=200),
                ),
                id="feed-choice-title",
            )
            yield VimOptionList(*(_option(feed) for feed in self.feeds), id="feed-choice-list")

    def on_mount(self) -> None:
        self.query_one(VimOptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.feeds[event.option_index].url)

    def action_choose_none(self) -> None:
        self.dismiss(None)
