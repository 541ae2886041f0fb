"""Messages between the app and its screens and widgets: small dataclasses, one per event."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..reports import Headline


@dataclass
class FeedSelected(Message):
    """The user picked a feed in the feed list (None: all feeds)."""

    feed_url: str | None


@dataclass
class FoldersFolded(Message):
    """The user folded or unfolded a folder of the feed list: those folded now (`folder_key`)."""

    closed: frozenset[tuple[str, ...]]


@dataclass
class HeadlineChosen(Message):
    """The user opened the headline at `position` of the list shown (Enter or a click)."""

    position: int


@dataclass
class HeadlinesChanged(Message):
    """The app's headline index changed.

    `changed` names the only headlines that differ (a read flag, an article now cached), so a
    list can update those rows in place; None means reload everything (feeds, counts, lists).
    `filled` names instead the feeds a running refresh or sync has just brought in, whose
    headlines join the list (none: it has just started, and an empty list says so). `whole`:
    the rest of the headlines is in, the start having read only the newest: they join every
    list, as a refresh's do.
    """

    changed: tuple[Headline, ...] | None = None
    filled: frozenset[str] | None = None
    whole: bool = False


@dataclass
class SearchEdited(Message):
    """The query in the reading view's search line changed (a key typed or deleted)."""

    query: str


@dataclass
class SearchClosed(Message):
    """The search line closed: with Enter (`query` is what was typed), or with Esc (None)."""

    query: str | None


class ArticleClosed(Message):
    """The reading view has closed: the app has the collector free what it was made of.

    A message, not a call: a timer set from the closing screen's handler would run in its
    context, which refers to the screen and keeps it from being freed."""


@dataclass
class PassageChanged(Message):
    """The passage chosen by keyboard in the reading view is gone (a drag of the mouse chose
    another, the text was wrapped again), or a passage was selected or dropped by the mouse:
    the status line that counted it and the key bar's Esc are out of date."""


@dataclass
class NotesFolded(Message):
    """The reading view folded the notes at the head of its story, or showed them whole (a
    resize past the height where they fold, `z`): the key bar's `z` is out of date."""


@dataclass
class ColumnsHidden(Message):
    """What the headline list is too narrow to show of its selected headline: its feed and
    its date ("Harbour Daily · 2026-11-24"; "" when the row shows them), for the status line
    to say, as mutt's status line does (acc42a A14)."""

    line: str


class DayTurned(Message):
    """The headline list drew its rows again for a new day (`HeadlineTable._day_turned`): the
    list's title, whose "refreshed 19:42" was the day before's, is made again too."""
