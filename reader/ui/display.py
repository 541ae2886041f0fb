"""Safe display of untrusted text: the one helper every widget uses to show a stranger's string.

Feed titles, headlines, authors, article text and server messages are turned into
`rich.text.Text` built from plain strings (never parsed as markup, so `[bold]` or
`[@click=app.quit]` show literally) after `reader.safe` has removed terminal escape sequences
and control characters. Widgets that need a `str` (notifications) use `plain(...).plain` and pass
`markup=False`. A text holding Hebrew, Arabic… letters is drawn in the reader's own bidi
isolates (`isolated`, from `reader.bidi_isolates`), put after `reader.safe` has removed the
page's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from datetime import datetime
from urllib.parse import unquote, urlsplit

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style, StyleType
from rich.text import Text

from ..bidi_isolates import isolated
from ..cells import middle_cut, rich_agreeing
from ..dates import date_only, in_local_time, zone_unstated
from ..english_dates import month_name, weekday_name
from ..marks import spelt_in_ascii
from ..models import Feed
from ..safe import safe_line, safe_text, without_terminal_escapes
from ..url_display import shown_url

__all__ = ["MiddleCut", "isolated", "long_date", "plain", "when"]


def notice_words(message: str, markup: bool) -> str:
    """A notice's words as they read: a notice raised with markup (Textual's own, never one
    the reader raises: every one of its passes markup=False) has its tags taken off, not
    interpreted; one without is its words as given, made safe where it is shown (`plain`)."""
    if not markup:
        return message
    from textual.content import Content  # here: only a notice of Textual's own has markup

    return Content.from_markup(message).plain


def plain(
    text: object,
    style: StyleType = "",
    *,
    max_length: int = 0,
    multiline: bool = False,
    laid_out: bool = False,
) -> Text:
    """Untrusted `text` as a literal, escape-free `Text` in `style`.

    One line (whitespace folded, cut to `max_length` with an ellipsis) unless `multiline`, which
    keeps newlines and tabs (preformatted text). One line on an ASCII terminal (`LANG=C`) has
    the letters ASCII writes as two so written (`marks.spelt_in_ascii`: "Strasse", not
    "Stra?e"), as the search takes them.

    `laid_out`: for text Rich wraps into lines (the reading view), measured as the terminal
    draws it by the rule the headline rows keep (`cells.rich_agreeing`): an emoji's selector
    that Rich counts a cell for and tmux doesn't ("❤️", "⚠️") is made the one for text, each
    such line had ended a cell short, the scroll bar drawn inside the text's column. As long
    as the text: the copy of a passage writes it back (`cells.as_written`).
    """
    clean = safe_text(text) if multiline else safe_line(text, max_length)
    if laid_out and not clean.isascii():
        clean = rich_agreeing(clean, keep_length=True)
    elif not multiline:
        # A name or a headline on an ASCII terminal: ß as ss, as it is typed back (a passage
        # keeps its length, its copy and its matches found by offset).
        clean = spelt_in_ascii(clean)
    return Text(clean, style=style or Style(), end="")


def accounts_apart(urls: Iterable[str]) -> frozenset[str]:
    """Of `urls` (the feeds'), those shown as another is (`shown_url`: no user name): one feed
    subscribed under two accounts, whose rows and titles name it with its user name
    (`feed_name`), as `reader feeds` shows its address (`shown_apart`)."""
    urls = list(urls)
    seen = Counter(shown_url(url) for url in urls)
    return frozenset(url for url in urls if seen[shown_url(url)] > 1)


def feed_name(feed: Feed, apart: Collection[str] = (), max_length: int | None = None) -> Text:
    """The feed's name as the reader calls it (`display_title`), shown safe, and its user name
    after it ("Staff feed (ed)") when its address is one of `apart` (`accounts_apart`): two
    subscriptions of one feed under two accounts were two rows alike."""
    name = feed.display_title
    if feed.url in apart and (user := urlsplit(feed.url).username):
        name = f"{name} ({unquote(user)})"
    return plain(name, max_length=max_length)


def when(moment: datetime | None, now: datetime | None = None, *, short: bool = False) -> str:
    """A headline's time in local time: `HH:MM` today, the date otherwise (or when only the
    date is known), "" when unknown.

    `short`: the date without its year (`MM-DD`, as wide as `HH:MM`), for a narrow column.
    """
    if moment is None:
        return ""
    local = in_local_time(moment)
    today = (now or datetime.now().astimezone()).astimezone().date()
    if local.date() == today and not date_only(moment):
        return local.strftime("%H:%M")
    return local.strftime("%m-%d" if short else "%Y-%m-%d")


def long_date(moment: datetime | None) -> str:
    """A date and time for the reading view's header, in local time with its zone: whoever
    quotes the article cites the time, and "09:40" alone is ambiguous across a border. A date
    alone is shown alone: a time would be made up; a time without its zone as the page gave
    it."""
    if moment is None:
        return ""
    if date_only(moment):
        return _day(moment)
    if zone_unstated(moment):
        # The page's own wall-clock time, said to be so rather than labelled with a zone.
        return f"{_day(moment)}, {moment:%H:%M} (zone not given)"
    local = in_local_time(moment)
    return f"{_day(local)}, {local:%H:%M %Z}".rstrip()


def _day(moment: datetime) -> str:
    """ "Monday 4 March 2024": the day of the month as a date is written, not zero-padded as
    `%d` pads it (`%-d` is glibc's alone)."""
    return f"{weekday_name(moment)} {moment.day} {month_name(moment)} {moment.year}"


class MiddleCut:
    """One line of text (an address) shown in at most `lines` lines of the width it is given: cut
    in its middle with "…" when longer, so its start (the host) and its end (the page) both show.
    A 5,000-character address in the link list took a screen of its own."""

    def __init__(self, text: str, style: StyleType = "", lines: int = 3) -> None:
        self.text = safe_line(text)
        self.style = style
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # A cell to spare on each line: a wide character that doesn't fit moves to the next.
        cells = max(options.max_width - 1, 1) * self.lines
        yield Text(middle_cut(self.text, cells), style=self.style or Style(), end="")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, min(cell_len(self.text), options.max_width))


def pasted_text(held: str) -> str:
    """A paste's characters with their escape sequences removed whole, and any ESC left (one
    with nothing a sequence takes after it): no ESC reaches Textual's parser inside a paste."""
    return without_terminal_escapes(held).replace("\x1b", "")
