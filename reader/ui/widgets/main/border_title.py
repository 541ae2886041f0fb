"""A border title in a script Rich measures narrower than a terminal draws it (Devanagari's
vowel signs take a cell each in tmux, xterm, VTE's: none by Rich's measure), fitted to the
border as the terminal draws it.

Textual cuts a border title by Rich's measure, and Textual's terminal doesn't wrap (it turns
autowrap off): what passes the screen's last column is written over it. At 40 columns in tmux a
feed titled "दैनिक समाचार: तटीय जिलों की खबरें" showed "╭─ दैनिक समाचार: तटीय जिलों की खबरें ·
2 un╮", its count cut mid-word and no "…". The title can't take the blank-and-backspace cells a
headline row begins with (`cell_width.rich_only_cells`): Textual drops control characters from
it. So it is cut by the terminal's measure before Textual sees it; Textual's fill after it,
still counted by Rich's measure, then runs past the corner, and the terminal writes the corner
last in the last column: "╭─ दैनिक समाचार: तटीय… · 2 unread of 2 ─╮".
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ....bidi_isolates import isolates_for
from ...cell_width import cut_to_cells, rich_agreeing, terminal_cells


def fit_title(name: Text, tail: str, cells: int) -> Text:
    """`name` then `tail` in at most `cells` terminal cells (`terminal_cells`): the name cut
    with "…" first, so the count after it stays; the whole cut when even that doesn't fit.
    Without the emoji selectors Rich counts a cell for and the terminal doesn't
    (`rich_agreeing`): the fill after the name, counted by Rich, would end short of the corner."""
    if (agreeing := rich_agreeing(name.plain)) != name.plain:
        name = Text(agreeing, name.style, end="")
    whole = name + tail
    if cells < 1 or terminal_cells(whole.plain) <= cells:
        return _isolated(name, tail)
    room = cells - 1 - terminal_cells(tail)
    if room >= 1:
        kept = name[: len(cut_to_cells(name.plain, room))]
        return _isolated(kept + "…", tail)
    return whole[: len(cut_to_cells(whole.plain, cells - 1))] + "…"


def _isolated(name: Text, tail: str) -> Text:
    """`name` in the reader's bidi isolates when it holds Hebrew, Arabic… letters
    (`bidi_isolates`), then `tail`: in a terminal with bidi, " · 2 unread" after a Persian
    feed's name had its count drawn left of the name."""
    opening, closing = isolates_for(name.plain)
    if not opening:
        return name + tail
    return Text(opening, end="") + name + closing + tail


def set_border_title(widget: Widget, title: Text | str, *, subtitle: bool = False) -> None:
    """`widget`'s border title (or subtitle) made `title`, unless it is that already: Textual
    repaints the whole widget at each assignment, and a refresh bringing nothing new put the
    same titles up again, a repaint of the feed list and the headlines (~12 KB at 80x24 to a
    phone over ssh, acc40c R2). Every assignment to these widgets' titles comes through here,
    so the one last set is the one shown."""
    slot = "_border_subtitle_set" if subtitle else "_border_title_set"
    # Text's == leaves out its style: a subtitle in the failed colour of another theme differs.
    shown = (title.plain, title.style, title.spans) if isinstance(title, Text) else title
    if getattr(widget, slot, None) == shown:
        return
    setattr(widget, slot, shown)
    if subtitle:
        widget.border_subtitle = title
    else:
        widget.border_title = title
