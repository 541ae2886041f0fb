"""`reader import` of another read-it-later app's export (wallabag, Pocket, a bookmarks.html)
or, with `--saved`, of a list of addresses: every link saved to read later, fetched as
`reader save` fetches one, with a progress line and one summary."""

from __future__ import annotations

import argparse

from ..plural import plural
from ..safe import safe_line
from ..saved_exports import STARRED, SavedExport
from .common import EXIT_OK, counted_progress, err, open_library, out, run_until_done

_FROM = {
    "wallabag": "a wallabag export",
    "reader": "the reader's own export (`reader export --format json`)",
    "Pocket": "a Pocket export",
    "bookmarks": "a bookmarks file",
    "starred": "an export of starred articles (FreshRSS, Inoreader)",
    "list": "a list of addresses",
}
_KEPT_BY = {"reader": "the file"}
"""Whose text and notes an export's are, by its kind, said as the app's ("wallabag") else: the
reader's own export's are the file's, not wallabag's (acc52b-10)."""
_FAILURES_NAMED = 5


def _links(count: int) -> str:
    return "a link" if count == 1 else "links"


def import_saved_links(args: argparse.Namespace, export: SavedExport) -> int:
    from ..library.saved_imports import import_saved

    lib = open_library(args)
    show, finish = counted_progress("saving")

    async def run() -> int:
        try:
            done = await import_saved(lib, export.links, show, args.fetch_local)
        finally:
            finish()
        came = f"from {_FROM[export.kind]}"
        keeper = _KEPT_BY.get(export.kind, "wallabag")
        # Every link counted once on the first line: one kind left out read as none of
        # anything, the line after then contradicting it (acc33a A1).
        parts = [f"{done.fetched} saved for offline reading"]
        if done.copied:
            parts.append(f"{done.copied} saved as the text {keeper} kept")
        parts.append(f"{done.kept} saved as {_links(done.kept)} not fetched yet")
        if done.local:
            parts.append(
                f"{done.local} saved as {_links(done.local)} to this computer or its network,"
                " not fetched"
            )
        parts.append(
            f"{len(done.failed)} kept as {_links(len(done.failed))} with no article there now"
        )
        if done.local_fetched or done.local_not_fetched:
            missed = len(done.local_not_fetched)
            parts.append(
                f"{done.local_fetched + missed} saved before as"
                f" {_links(done.local_fetched + missed)} to this computer or its network,"
                " fetched now" + (f" ({missed} of them not: kept as they were)" if missed else "")
            )
        parts.append(f"{done.already} already saved")
        if done.unsaved_since:
            parts.append(f"{done.unsaved_since} you unsaved since: left as you left them")
        if done.feeds:
            parts.append(f"{done.feeds} left out (a feed)")
        out(
            f"{plural(done.total, 'link')} {came}: {', '.join(parts)}"
            + (f"; {done.read} archived (read or archived there)" if done.read else "")
        )
        if done.unasked:
            # One line for them all, not one failure each (acc51b B7: 274 s of DNS failures).
            out(
                f"the network did not answer: {plural(done.unasked, 'link')} kept without"
                " asking, the next sync fetches them"
            )
        if done.kept or done.failed:
            out(
                "the links not fetched stay in Saved: the next `reader sync` fetches them (one"
                " whose address answers with a feed is left out then)"
            )
        if done.copied:
            # Said apart: readable offline, though their pages did not come (acc32a A4).
            local = (
                f"; {done.local_copied} of them to this computer or its network, not fetched"
                # How to fetch them named (acc43a A12): an intranet page is daily material.
                " (by a sync either: `R` on one in the reader fetches its page, and this import"
                " again with --fetch-local fetches them all)"
                if done.local_copied
                else ""
            )
            out(
                f"{plural(done.copied, 'link')} whose page did not come (a 404, a PDF, the site"
                f" down) saved with the text {keeper} kept as the article: readable offline,"
                f" marked as {keeper}'s copy until a sync fetches the page in its place (not one"
                " that answered 404, 410 or with no article; `R` in it, or `reader show"
                f" --refresh`, asks now){local}"
            )
        if done.local:
            out(
                f"{'the link' if done.local == 1 else f'the {done.local} links'} to this computer"
                " or its network (localhost, 192.168.x, 169.254.x) not fetched, by a sync either:"
                " open one to fetch it, or run this import again with --fetch-local"
            )
        if export.credentials:
            err(
                f"dropped the name and password of {plural(export.credentials, 'link')}: never sent"
            )
        for url, why in done.failed[:_FAILURES_NAMED]:
            # Kept in Saved all the same (acc32a A3: "failed" read as dropped).
            err(
                f"kept as a link, no article there now: {safe_line(url, 200)}: {safe_line(why, 200)}"
            )
        for url, why in done.local_not_fetched[:_FAILURES_NAMED]:
            err(f"not fetched now: {safe_line(url, 200)}: {safe_line(why, 200)} (kept as it was)")
        if len(done.failed) > _FAILURES_NAMED:
            err(f"… and {len(done.failed) - _FAILURES_NAMED} more kept as links so")
        # What this import did, not what the file holds: imported again, it files nothing
        # anew (acc51b B10: "filed under 8 tags" when none was added).
        if done.tagged_now:
            named = ", ".join(safe_line(tag, 30) for tag in done.tagged_now[:8])
            more = f" and {len(done.tagged_now) - 8} more" if len(done.tagged_now) > 8 else ""
            out(
                f"filed under {plural(len(done.tagged_now), 'tag')} as there: {named}{more}"
                " (`reader list --tag TAG`)"
            )
        elif done.tags:
            out(
                f"the file's {plural(len(done.tags), 'tag')} given before: none filed now (one"
                " you took off since stays off)"
            )
        if export.starred:
            out(
                f"{export.starred} starred in wallabag: saved here as every link is, and filed"
                f" under the tag {STARRED} (`reader list --tag {STARRED}`)"
            )
        if export.bad_dates:
            err(
                f"{plural(export.bad_dates, 'date')} added that cannot be (before 1995 or past"
                " the year 3000): saved as added now"
            )
        if export.twice:
            out(f"{plural(export.twice, 'link')} given twice in the file: saved once")
        if done.notes:
            missing = (
                f"; {done.notes_missing} of them no longer in the text (kept, and said so)"
                if done.notes_missing
                else ""
            )
            if done.notes_added == done.notes:
                out(
                    f"kept {plural(done.notes, 'annotation')} ({keeper}'s notes and highlights)"
                    f" on {plural(done.noted, 'article')} as highlights with their notes"
                    f" (`reader highlights`){missing}"
                )
            else:
                out(
                    f"kept {done.notes_added} of the file's {plural(done.notes, 'annotation')}"
                    f" ({keeper}'s notes and highlights) on {plural(done.noted, 'article')}:"
                    " the others kept already (imported before, or the same passage twice)"
                    " (`reader highlights`)"
                )
        if done.retitled:
            out(
                f"{plural(done.retitled, 'title')} you gave an article there, not the page's,"
                " kept as its note (`reader highlights`): the page's own is its title"
            )
        if done.feeds:
            # Told by what its address answered (`/?cat=metro`), not by its shape (acc33a A9).
            err(
                f"left out {plural(done.feeds, 'link')} whose address answered with a feed: no"
                " article to read later (`reader add URL` subscribes to a feed)"
            )
        if export.sites and export.kind == "list":
            err(
                f"left out {plural(export.sites, 'address', 'addresses')} of a feed: no article"
                " to read later (`reader add URL` subscribes to a feed)"
            )
        elif export.sites:
            err(
                f"left out {plural(export.sites, 'bookmark')} of a site's home page or a feed:"
                " no article to read later (`reader add URL` follows a site or a feed)"
            )
        if export.skipped:
            err(
                f"left out {plural(export.skipped, 'entry', 'entries')} with no web address"
                " (none, or not http(s): javascript:, file:)"
            )
        return EXIT_OK

    return run_until_done(lib, run())
