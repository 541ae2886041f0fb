"""The list of an article's links (`L` in the reading view), to follow its sources: each address
once, numbered in the order it first appears, with the text it was linked from. A digit goes to
the link of that number (`1`…`9`, `0` the tenth), digits in a row to the one they name (`12`),
Enter opens the chosen one (here when a feed has
its article, so marked; else in the browser), `c` copies its address. The key bar under it shows
those keys while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, cast

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...discussion_links import LABEL
from ...enclosures import enclosure_label, shown_enclosures
from ...models import Article, BlockKind, Entry, picture_label
from ...url_display import shown_url
from ..display import MiddleCut, plain
from ..keymap import keymap_of
from ..unknown_keys import say_if_unbound
from ..widgets.key_bar import KeyBar
from ..widgets.vim_list import VimOptionList
from .modal import SLIM, Dialog

if TYPE_CHECKING:
    from ..app import ReaderApp

NO_LINKS = "This article has no links."
ADDRESS_LINES = 3
"""An address longer than this many lines is cut in its middle in the list; `c` copies it whole."""
MAX_SHOWN = 1000
"""Links listed at most: each is a row laid out on the event loop, and a page of 50,000 (a
sitemap, a hostile page) froze the reader for half a minute at every `L` (acc28a H9)."""
LONG = 12
"""More links than this (two lines each, at least) rarely fit: the panel takes its full height
instead of being measured to fit them (see `reader.tcss`)."""


@dataclass(frozen=True)
class Link:
    """One address of an article and the text that links to it (both untrusted)."""

    text: str
    address: str


def article_links(article: Article | None, entry: Entry | None = None) -> list[Link]:
    """Every link of the article, tables' included: each address once, in the order it first
    appears, with the first text (not blank) linked to it. A run of inlines with one address
    (`<a>` round bold and plain words) is one link. First, as the header shows them, the files
    the `entry`'s discussion page ("Discussion") and the files it carries for a player ("Audio
    (MP3, 40.1 MB)"), which no page links to."""
    texts: dict[str, str] = {}
    if entry is not None and entry.comments:
        # First: the one link a discussion site's reader opens `L` for (acc42c C2).
        texts[entry.comments] = LABEL
    for enclosure in shown_enclosures(entry) if entry is not None else ():
        texts.setdefault(enclosure.url, enclosure_label(enclosure))
    for block in article.blocks if article is not None else ():
        if block.kind == BlockKind.IMAGE and block.inlines:
            # Named as its line in the text names it: "Image: <alt>", or "Image".
            href = block.inlines[0].href
            if href and not texts.get(href, "").strip():
                texts[href] = picture_label(block.text)
            continue
        for inlines in (block.inlines, *block.cells):
            for address, run in groupby(inlines, key=lambda inline: inline.href):
                if address and not texts.get(address, "").strip():
                    texts[address] = "".join(inline.text for inline in run)
    return [Link(text, address) for address, text in texts.items()]


def _entry(number: int, link: Link, digits: int, here: str) -> Table:
    """`number`. text (and `here`, that Enter reads it here), and the address on the line below, cut in
    its middle past `ADDRESS_LINES` lines: plain text, never markup. A grid, so that what wraps
    on a narrow terminal stays in the column after the number."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=digits + 1, no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(
        f"{number:>{digits}}.",
        Group(
            Text.assemble(
                plain(link.text or "(no text)", max_length=300),
                (here, Style(italic=True)),
            ),
            MiddleCut(shown_url(link.address), Style(dim=True), ADDRESS_LINES),
        ),
    )
    return grid


class LinkList(VimOptionList):
    """The links, moved through with the arrows or j / k; Enter opens the one chosen. The key
    bar shows the arrows for every moving key (one item for both), Enter as "Open"."""

    BINDINGS = [
        Binding("down", "cursor_down", "Move", key_display="↑↓"),
        Binding("enter", "select", "Open"),
    ]


class LinksScreen(Dialog[str | None]):
    """A panel over the reading view listing the article's links, with a key bar of its own
    (the reading view's, under it, showed `n Next`, `p Previous`… while none of them worked);
    Esc closes it. Enter on a link within the article (a note's number, one of `within`)
    closes it with the link's address, for the reading view to go to the note."""

    # Width classes for the key bar's rules in reader.tcss (as on the other screens); under
    # `SLIM`, every dialog's (`Dialog.HORIZONTAL_BREAKPOINTS`), the key bar's as `-narrow`.
    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (SLIM, "-narrow"), (60, "-medium")]

    BINDINGS = [
        Binding("c", "copy_address", "Copy address"),
        Binding("escape,q", "app.pop_screen", "Close"),
        # The help over the list, as from the other panels (`?` did nothing here: acc52c C6).
        Binding("question_mark,f1", "app.help", show=False),
        # The numbers shown invite them: as in newsboat's URL view, a number goes to its link
        # (Enter opens it), so a digit mistyped opens nothing.
        *(Binding(str(n % 10), f"go_to({n})", f"Link {n}", show=False) for n in range(1, 11)),
    ]

    def __init__(
        self, links: list[Link], reading: Entry, within: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self.links = links
        self.reading = reading
        """The entry of the article the links are in."""
        self.within = within
        """The addresses of links within the article the reading view can go to."""

    async def on_key(self, event: events.Key) -> None:
        # A key that does nothing here says so, as in the lists and an article ("x" was
        # silent: acc52c C6); Esc and a key together are the two keys there too.
        await say_if_unbound(self, event)

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with Vertical(id="links-panel", classes="-long" if len(self.links) > LONG else "") as panel:
            panel.border_title = f"Links ({len(self.links):,})" if self.links else "Links"
            if not self.links:
                yield Static(NO_LINKS, id="links-none")
                return
            shown = self.links[:MAX_SHOWN]
            if len(shown) < len(self.links):
                panel.border_title = f"Links (the first {len(shown):,} of {len(self.links):,})"
            digits = len(str(len(shown)))
            app = cast("ReaderApp", self.app)
            # After the text of a link to one of the feeds' articles: the key opening it reads
            # it in the reader, not the browser (as the status line says of a link selected).
            key = keymap_of(app).key("open", "the link list")
            here = f" ({key} reads it here)" if key else ""
            yield LinkList(
                *(
                    Option(
                        _entry(
                            n,
                            link,
                            digits,
                            here if app.opens_another_here(link.address, self.reading) else "",
                        )
                    )
                    for n, link in enumerate(shown, 1)
                ),
                id="links-list",
            )
            if len(shown) < len(self.links):
                more = len(self.links) - len(shown)
                yield Static(
                    f"{more:,} more not listed: reader show --format markdown gives every link",
                    id="links-more",
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No `c` to offer (in the key bar) where there is no link to copy."""
        return bool(self.links) if action == "copy_address" else True

    @property
    def chosen(self) -> Link | None:
        """The link the cursor is on (None: there are none)."""
        lists = self.query(OptionList)
        index = lists.first().highlighted if lists else None
        return None if index is None else self.links[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click): the link read here when a feed has its article, else in the
        browser, by the rule of `o` (http and https)."""
        address = self.links[event.option_index].address
        if address in self.within:
            self.dismiss(address)
            return
        app = cast("ReaderApp", self.app)
        if app.opens_another_here(address, self.reading):
            self.dismiss()  # the article opens over the one the list was of, not over the list
        app.open_link(address, self.reading)

    _typed = ""
    """The digits typed in a row (`action_go_to`): the number of the link gone to."""
    _typed_on: int | None = None
    """The entry they went to: the cursor moved off it since, the next digit starts anew."""

    def action_go_to(self, number: int) -> None:
        """The cursor to the link numbered `number` (a digit's: `0` is 10), or to the one the
        digits typed in a row name while the list has that many: `1` `2` link 12, as `12G`
        is the twelfth headline (it went to link 2: acc41a A8). A number no longer than the
        list allows starts anew, so a digit alone still goes at once to its link."""
        if not self.links:
            return
        shown = self.query_one(LinkList)
        most = min(len(self.links), MAX_SHOWN)
        if self._typed and shown.highlighted == self._typed_on:
            longer = int(self._typed + str(number % 10))
            if longer <= most:
                number = longer
        self._typed, self._typed_on = "", None
        if number > most:
            self.notify(f"No link {number}: the list has {len(self.links)}.", timeout=2.5)
            return
        shown.highlighted = number - 1
        self._typed, self._typed_on = str(number), number - 1

    def action_copy_address(self) -> None:
        if (link := self.chosen) is None:
            return
        address = shown_url(link.address)  # whole, as the list shows it (one line, no controls)
        cast("ReaderApp", self.app).copy_text(address, "Address", address)
