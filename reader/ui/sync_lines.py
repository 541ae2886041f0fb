"""The lines a sync leaves on the reader's status line: its summary (`sync_summary`), and what
`S` says when it takes over a refresh that is finishing (`finishing_line`)."""

from __future__ import annotations

from ..download_cap import stopped_words
from ..errors import gateway_failure
from ..failing_feeds import sync_failures
from ..marks import UPDATED_MARK
from ..models import ErrorKind, FetchError
from ..plural import plural, size_text
from ..refused_writes import refused_said
from ..reports import SyncReport, gone_for_good, synced_feeds, trimmed_words
from .display import plain


def sync_summary(report: SyncReport, browser_key: str | None = "o") -> str:
    """The status line a finished sync leaves: what came, what failed, what is missing (a link
    that is no article page: `browser_key`, the key in force, opens it; None: none does)."""
    if report.portal:
        return report.portal[0].upper() + report.portal[1:]
    if report.no_connection:
        return report.no_connection
    failed_feeds, unreached = sync_failures(report)
    line = (
        f"Synced {synced_feeds(report.feeds)} of {plural(len(report.feeds), 'feed')} · "
        f"{plural(report.articles_fetched, 'article')} cached for offline, "
        f"{report.articles_already_cached} already cached"
    )
    if kept := report.pictures_line(short=True):
        line += f" · {kept}"
    if report.downloaded:
        line += f" · downloaded {size_text(report.downloaded)}"
    if report.max_download:
        line += f" · {stopped_words(report.max_download, report.capped)}"
    if recap := report.offline_recap(short=True):
        # Of every headline (the marks in the list say which), before this sync's failures:
        # the line is cut at the screen's width, and this is what the traveller boards with.
        line += f" · {recap}"
    if report.updated:
        # Which: whoever quoted the copy before (kept; V shows it) must know it changed.
        first = plain(report.updated[0].title, max_length=80).plain
        more = f" and {len(report.updated) - 1} more" if len(report.updated) > 1 else ""
        line += f" · {len(report.updated)} updated ({UPDATED_MARK}): {first}{more}"
    if report.not_renewed:
        # A correction its feed told of, fetched and not taken: the copy read is not the latest
        # word (acc40a M1); R in it asks again and says why.
        first = plain(report.not_renewed[0][0].title, max_length=80).plain
        more = f" and {len(report.not_renewed) - 1} more" if len(report.not_renewed) > 1 else ""
        line += (
            f" · {len(report.not_renewed)} not updated (fetched again, not taken): {first}{more}"
        )
    if report.stands_again:
        # A retraction or takedown ended: whoever cited the story, or its withdrawal, must know.
        entry, head, _ = report.stands_again[0]
        more = len(report.stands_again) - 1
        line += f" · {head}: {plain(entry.title, max_length=80).plain}" + (
            f" and {more} more no longer retracted or taken down" if more else ""
        )
    outages, named = report.told_failures()
    cut_short = next((o for o in outages if o.cut_short), None)
    if outages and not cut_short:  # a site refusing: one thing, before any article's own failure
        line += f" · {outages[0].line('S')}"
    for held in report.asked_to_wait + report.waited_out:  # a host's "wait": said once
        line += f" · {held}"
    failures = [(e, f) for e, f in named if not f.asks_to_wait and f.kind != ErrorKind.STORAGE]
    gateways = [(e, f) for e, f in failures if gateway_failure(f)]
    for words, pairs in (
        ("failed", [pair for pair in failures if pair not in gateways]),
        ("left for the next sync", gateways),
    ):
        if pairs:
            entry, error = pairs[0]
            line += f" · {len(pairs)} {words} (e.g. {entry.title}: {error.message})"
    # Those the network's going cut off are counted in its line (`Outage.in_part`).
    if incomplete := report.incomplete_named(outages):
        missing = plural(len(incomplete), "article")
        reads_on = any(not a.incomplete_for_good for _, a in incomplete)
        line += f" · {missing} incomplete" + (" (the next sync reads on)" if reads_on else "")
    if report.gone:
        line += f" · {len(report.gone)} taken down (the feed's text stands in)"
    if report.gone_kept:
        line += f" · {len(report.gone_kept)} cached taken down (the copy is kept)"
    if report.full:
        line += f" · {report.full}"
    if report.not_articles:
        count = len(report.not_articles)
        what = plural(count, "link is not an article page", "links are not article pages")
        line += f" · {what}" + (f" ({browser_key} opens it in the browser)" if browser_key else "")
    if report.feeds_unsaved:
        count = len(report.feeds_unsaved)
        line += f" · {plural(count, 'saved link')} left out of Saved: a feed, no article"
    if failed_feeds:
        line += f" · {plural(len(failed_feeds), 'feed')} failed"
    if unreached:
        line += f" · {plural(len(unreached), 'feed')} not reached (the next sync asks again)"
    if trimmed := trimmed_words(report.feeds, "older headline"):
        line += f" · {trimmed}"
    if gone := gone_for_good(report.feeds):
        line += f" · {gone}"
    if refused := refused_said(report):
        # What stopped the sync, first and short: a line is cut at the screen's width, and
        # "the disk holding … is full" came past the 200th column (acc29b T18).
        return f"{refusal_words(refused[0])}: {refused[1]} · {line}"
    if cut_short:
        # What cut the sync short comes first, its words last: after the counts, at 220
        # columns, "S carries on" was past the screen's edge (acc34a C8).
        if not cut_short.network:  # a host given up: "HOST stopped answering (…): …" first
            return f"{cut_short.line('S')} · {line}"
        told = cut_short.line("S", why=False)
        return f"{told[0].upper()}{told[1:]} · {line} · {cut_short.reason}"
    return line


def finishing_line(taken_over: int) -> str:
    """What `S` says when pressed as a refresh is read in: the sync starts after it, its
    feeds in (`taken_over` of them) not asked again."""
    feeds = f" ({plural(taken_over, 'feed')} in, not asked again)" if taken_over else ""
    return f"Syncing: finishing the refresh{feeds}…"


def refusal_words(error: FetchError) -> str:
    """Why the store took no writes, in a few words: the store's own (`Unwritable`)."""
    return error.unwritable.capitalize() if error.unwritable else "The cache takes no writes"
