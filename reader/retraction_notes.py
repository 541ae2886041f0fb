"""What a copy of a story retracted, withdrawn or taken down says of it, in one place for the
header, `reader show`'s notes and citations in every style, `y`, `reader highlights` and
exports alike: the latest copy says what the page (or the feed's headline) now says, or how
the page was found gone; an earlier copy, whose text a quote may be taken from, says what
became of the story after it, when, and how that is known (acc47b F1: it said only "the
latest … differs", as a one-figure correction's did, and APA's line nothing at all). And the
latest copy says when its page, fetched again, was not taken for it (`refused_note`).
"""

from __future__ import annotations

from datetime import datetime

from .citation import moment_text, retrieved
from .marks import TAKEN_DOWN
from .models import Article, RetractionEnded, Takedown
from .retraction import CUT, said_of

# Whose word a retraction is, as a note names it.
_PAGE = "the page"
_FEED = "the feed's headline"


def corrected_word(retracted: str) -> str:
    """What a list, and the header's byline, call a story with earlier copies kept: what its
    latest copy says became of it (`Article.retracted`, `Headline.retracted`: "retracted",
    "withdrawn", "removed", "amended" for one amended to remove some of it), else "corrected"
    (acc47e E3: a retraction was listed as any correction, and could not be told apart)."""
    return retracted.split()[0] if retracted else "corrected"


def gone_note(article: Article) -> str:
    """What the header says of an article whose page was found taken down after it was
    cached (`Article.gone_at`): the address cited no longer gives it, this copy is what is
    left; how it was found so, a page sending the story on as it was (`gone_how`), never a
    status it did not give (acc47b F3). "" while the page answers."""
    if article.gone_at is None:
        return ""
    day = article.gone_at.date().isoformat()
    copy = f"this is the copy retrieved {moment_text(retrieved(article))}"
    if article.gone_how:
        how = _answer(article.gone_how, article.gone_status)
        return f"the page was found {TAKEN_DOWN} on {day}: {how}; {copy}"
    answered = f"answered {article.gone_status}" if article.gone_status else "was gone"
    return f"the page {answered} on {day}: {TAKEN_DOWN}; {copy}"


def _answer(how: str, status: int) -> str:
    """How a page said its story is not there: `how` (`Article.gone_how`) with the status it
    gave, or the status itself ("answered 404")."""
    if how:
        return f"{how} (HTTP {status})" if status else how
    return f"answered {status}" if status else "gone"


def ended_takedowns_note(article: Article) -> str:
    """What the header says of the times the page was found taken down and then gave the
    story again (`Article.takedowns`): "the page was found taken down from … (answered 404)
    until …, when it gave the story again" (acc47b F9: forgotten once it came back). "" for
    none."""
    said = [_takedown_span(down) for down in article.takedowns]
    if not said:
        return ""
    return f"the page was found {TAKEN_DOWN} {' and '.join(said)}, when it gave the story again"


def _takedown_span(down: Takedown) -> str:
    """When a takedown that ended was, and how the page said it: "from … (answered 404) until
    …"."""
    return (
        f"from {moment_text(down.since)} ({_answer(down.how, down.status)}) until "
        f"{moment_text(down.until)}"
    )


def takedown_ended_line(down: Takedown) -> str:
    """What the sync says of a takedown it found ended, the page giving the story again: "the
    page gives the story again, found taken down from … (answered 404) until …"."""
    return f"the page gives the story again, found {TAKEN_DOWN} {_takedown_span(down)}"


def retraction_note(article: Article) -> str:
    """What the header says of the latest copy of a story whose page now says it was
    retracted, withdrawn or cut (`Article.retracted`), or whose feed's headline alone says so
    (`retracted_by_feed`: since the copy retrieved when it first did, acc47b F2), and of the
    copy before kept: the text shown is the notice, the story's text a copy kept (acc44c C1: the
    retracted text was cited as standing). "" for any other copy."""
    times, number = article.versions, article.version
    if not article.retracted or (len(times) > 1 and number != len(times)):
        return ""
    at = moment_text(retrieved(article))
    first, since = _first_said(article)
    if article.retracted_by_feed:
        note = (
            f"{_FEED} says the story was {article.retracted} (since {moment_text(since)}; the "
            "page does not say so)"
        )
    else:
        note = f"{_PAGE} now says the story was {article.retracted} (retrieved {at}"
        if first < len(times):
            note += f"; first said in copy {first}, retrieved {moment_text(since)}"
        note += ")"
    if len(times) > 1:
        kept = " and ".join(moment_text(at) for at in times[:-1])
        copies, are = ("copy", "is") if len(times) == 2 else ("copies", "are")
        if feed_alone_changed(article):
            # The words are those kept since: said so here, not "said the same as this one"
            # under a moved retrieval time with `reader diff` to see nothing (acc47e E9).
            note = note.removesuffix(")") + (
                f": its text is the same as in the {copies} retrieved {kept}, which {are} kept)"
            )
        else:
            note += f"; the {copies} retrieved {kept} {are} kept"
    return note


def feed_alone_changed(article: Article) -> bool:
    """The latest copy of a story whose feed's headline alone says it was withdrawn
    (`retracted_by_feed`), the page's words the same as in every copy kept before it
    (`Article.repeats`): what is new is the feed's word, which `retraction_note` says, and
    no text for `reader diff`, nor copies to tell apart, so `version_note` says nothing."""
    times, number = article.versions, article.version
    return (
        bool(article.retracted)
        and article.retracted_by_feed
        and number == len(times) > 1
        and set(range(1, number)) <= article.repeats
    )


def later_note(article: Article) -> str:
    """What an earlier copy of a story retracted since says of it (`later_retracted`), and of
    when and whose word it is, in which copy it was first said: "the story was later
    retracted: the page first said so in copy 3, retrieved …" (a copy after it, an edit of the
    notice, was named). "" for the latest copy, and while the story stands."""
    if not article.later_retracted or not article.versions:
        return ""
    first, at = _first_said(article)
    said = f"the story was later {article.later_retracted}"
    if article.later_by_feed:
        return (
            f"{said}: {_FEED} said so from copy {first}, retrieved {moment_text(at)} (the page "
            "did not)"
        )
    return f"{said}: {_PAGE} first said so in copy {first}, retrieved {moment_text(at)}"


def _first_said(article: Article) -> tuple[int, datetime | None]:
    """The copy of `article`'s story that first said what the latest says of it, those after it
    saying so too (`retracted_first`; the latest when not known), and when it was retrieved."""
    times = article.versions
    if not times:
        return 1, retrieved(article)
    first = article.retracted_first if 0 < article.retracted_first <= len(times) else len(times)
    return first, retrieved(article) if first == article.version else times[first - 1]


def ended_retractions_note(article: Article) -> str:
    """What the header says of the times the story was said retracted or withdrawn and then
    no longer (`Article.retractions_ended`): "the feed's headline said the story was withdrawn
    from … until … (the page did not)". "" for none."""
    said = [retraction_ended_words(one) for one in article.retractions_ended]
    return "; ".join(said) + (", and no longer does" if said else "")


def retraction_ended_words(one: RetractionEnded) -> str:
    """Whose word a retraction that ended was, and from when until when: "the feed's headline
    said the story was withdrawn from … until … (the page did not)"; said by the header's note
    and by the sync that found it ended."""
    span = f"from {moment_text(one.since)} until {moment_text(one.until)}"
    if one.by_feed:
        return f"{_FEED} said the story was {one.said} {span} (the page did not)"
    return f"{_PAGE} said the story was {one.said} {span}"


def refused_note(article: Article) -> str:
    """What the header of the latest copy says of its page fetched again since it was
    retrieved and not taken for it (`Article.refused_reads`): "the page fetched again on … was
    not taken for the article: the page gave 31 words of its own…; this is the copy retrieved
    …": the page changed, and this is not what it says now (copies48: said once by the sync,
    then forgotten). "" for none, and for an earlier copy."""
    times, number = article.versions, article.version
    if len(times) > 1 and number != len(times):
        return ""
    since = article.fetched_at
    refused = [one for one in article.refused_reads if since is None or one.at >= since]
    if not refused:
        return ""
    last = refused[-1]
    copy = f"the copy retrieved {moment_text(retrieved(article))}"
    checked = article.checked_at
    if checked is not None and checked > last.at:
        # The page gave this copy's story again since: the refusal is over (acc48d D8: worded
        # as current after "Checked …, unchanged").
        note = (
            f"the page fetched again on {moment_text(last.at)} was not taken for the article:"
            f" {last.why}; on {moment_text(checked)} it gave the story of {copy} again"
        )
    else:
        note = (
            f"the page fetched again on {moment_text(last.at)} was not taken for the article: "
            f"{last.why}; this is {copy}"
        )
    if len(refused) > 1:
        note += f" (not taken {len(refused)} times since it was retrieved)"
    return note


def _days(since: datetime, until: datetime) -> str:
    """When something that ended was, by the day: "from 2026-12-07 until 2026-12-09", or
    "on 2026-12-07 (from 12:31 until 14:02)" within one day (acc48d D8: "from 2026-12-07 until
    2026-12-07")."""
    first, last = since.date().isoformat(), until.date().isoformat()
    if first != last:
        return f"from {first} until {last}"
    return f"on {first} (from {since:%H:%M} until {until:%H:%M})"


def _gone_how(how: str, status: int) -> str:
    """How a page was found taken down, as a line style's citation says it."""
    if how:
        return "the page sending the story elsewhere"
    return f"the page answering {status}" if status else "the page gone"


def fate_words(article: Article) -> str:
    """What became of the story, as a line style's citation ends with it ("[Retracted, as the
    page said on 2026-12-07; taken down, the page answering 410 on 2026-12-08]"), the notes
    going elsewhere (stderr, the reference list being a line each); "" while it stands."""
    said = []
    if article.later_retracted or article.retracted:
        later = bool(article.later_retracted)
        word = article.later_retracted or article.retracted
        by_feed = article.later_by_feed if later else article.retracted_by_feed
        when = _first_said(article)[1]
        day = when.date().isoformat() if when else "an unknown day"
        whose = _FEED if by_feed else _PAGE
        said.append(f"{'later ' if later else ''}{word}, as {whose} said on {day}")
    for one in article.retractions_ended:
        whose = _FEED if one.by_feed else _PAGE
        said.append(f"{one.said}, as {whose} said {_days(one.since, one.until)}")
    for down in article.takedowns:  # ended: bracketed as an ended withdrawal is (acc48d D8)
        said.append(
            f"{TAKEN_DOWN}, {_gone_how(down.how, down.status)} {_days(down.since, down.until)}"
        )
    if article.gone_at is not None:
        how = _gone_how(article.gone_how, article.gone_status)
        said.append(f"{TAKEN_DOWN}, {how} on {article.gone_at.date().isoformat()}")
    if not said:
        return ""
    line = "; ".join(said)
    # In brackets, as a description is (APA 7): apart from an address the line may end with.
    return f"[{line[0].upper()}{line[1:]}]"


_TITLED = {"retracted": "Retracted", "withdrawn": "Withdrawn", "removed": "Removed"}
_TITLED[CUT] = "Partly removed"


def listed_title(article: Article, title: str) -> str:
    """`title`, the story's as a book's contents list it, saying first what its latest copy
    says became of the story ("Retracted: …"), as the feed's headline says it in the reader's
    list; as it is when it says so already. A book's contents listed a retracted story under
    its old headline: a false claim read as a headline (acc50e A4)."""
    if not article.retracted or said_of(title, ""):
        return title
    return f"{_TITLED.get(article.retracted, corrected_word(article.retracted).title())}: {title}"
