"""Links of another read-it-later app's export (`saved_exports`) saved into a `Library`, as
`reader save` saves one, a few at a time, with when the file says each was added and its title.
One whose page can't be fetched now is saved as a link all the same, which the next sync
fetches, or cached as the copy of its text the file holds (wallabag's); those read or archived
there are archived here (and so read), each is filed under the tags it had there, and the
passages marked there are its highlights, with their notes. Once the network is found absent
(`NetworkWatch`, the refresh's rule), the links left are kept so without asking."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..address_class import host_reach, resolved_reach
from ..feed_names import folded
from ..keys import article_key, link_key
from ..models import Entry, FetchError, StoreError
from ..saved_exports import SavedLink, SavedNote
from ..store.saved import HELD, LOCAL, LOST
from .leads import FILE_LINK
from .offline import NetworkWatch
from .resources import _link
from .saved_batch import SavedBatch

if TYPE_CHECKING:
    from . import Library

AT_ONCE = 4
"""Links fetched at once: an export's links are on many sites, but a few hundred on one must
not all ask it together."""


@dataclass(frozen=True)
class SavedImport:
    """What an import of saved links came to."""

    total: int
    fetched: int = 0  # saved and cached for offline reading
    kept: int = 0  # saved as links, their page not to be had now: the next sync fetches them
    failed: tuple[tuple[str, str], ...] = ()  # saved as links, no article there now: why
    already: int = 0  # saved before
    read: int = 0  # archived (and read), read or archived in the app the file came from
    tags: tuple[str, ...] = ()  # the tags the file gave, each article filed under its own
    local: int = 0  # to this computer or its network: saved as links, not fetched
    copied: int = 0  # their page not coming now, saved and cached as the copy the app kept
    notes: int = 0  # passages marked there (wallabag's annotations), kept as highlights
    noted: int = 0  # the articles they are on
    notes_missing: int = 0  # of `notes`, those not in the article's copy cached
    local_copied: int = 0  # of `copied`, those to this computer or its network (not fetched)
    feeds: int = 0  # left out: their addresses answered with a feed, no article to read later
    unsaved_since: int = 0  # saved by an import before, unsaved here since: left so
    local_fetched: int = 0  # saved before as links to this computer, fetched now (fetch_local)
    local_not_fetched: tuple[tuple[str, str], ...] = ()  # of those, the ones that failed: why
    unasked: int = 0  # of `kept` and `copied`, those not asked: the network found absent
    tagged_now: tuple[str, ...] = ()  # of `tags`, those this import filed an article under
    notes_added: int = 0  # of `notes`, those this import added (or gave their note to)
    retitled: int = 0  # titles the user gave there, not the page's: kept as the article's note


def _target(lib: Library, listed: dict[str, Entry], url: str) -> Entry | str:
    """A feed's headline of `url` (or of the address it is cached under), else `url`: the
    story saved once, as the feed lists it (`Library.resolve`, without its headlines read
    again for every link)."""
    aliased = lib.store.aliased(url)
    for address in (url, aliased):
        if address and (entry := listed.get(link_key(address))) is not None:
            return entry
    return aliased or url


async def import_saved(
    lib: Library,
    links: tuple[SavedLink, ...],
    progress: Callable[[int, int], None] | None = None,
    fetch_local: bool = False,
) -> SavedImport:
    """Save every link of `links` (`progress` told how many are done of how many). A file is
    a list of leads from elsewhere, not addresses the user typed: a link to this computer or
    its network is saved as a link, not fetched (unless `fetch_local`), and a name and password
    in one are dropped by the export (`saved_exports`), never sent (acc32b B1)."""
    listed = lib.entries_by_key()
    # Every save, tag and archive mark of the import written a batch at a time: one write
    # each rewrote the whole Saved record, an import square in its links (acc32b B3).
    batch = SavedBatch(lib.store)
    # Each with what is to be done: saved ("new"), given the file's copy ("copy"), or, a link
    # to this computer saved before and not fetched, fetched now (`fetch_local`: "fetch").
    targets: list[tuple[SavedLink, Entry | str, str]] = []
    already = 0
    notes = noted = missing = notes_added = retitled = 0
    tagged_now: set[str] = set()  # the tags this import filed an article under
    # What imports did before, and what this one does: an import again (the README's way to
    # finish one stopped) undoes nothing done here since (acc43a A9, A10).
    before = lib.store.imported_saved()
    done_now: dict[str, dict[str, Any]] = {}
    unsaved_since = feeds = 0

    def given(key: str, tags: Iterable[str], record: dict[str, Any] | None) -> list[str]:
        """The file's `tags` for the link of `key`, but those an import gave it before that
        it lacks now (taken off by the user); noted as given."""
        earlier = before.get(key, {})
        had = set(done_now.get(key, {}).get("tags", ()))
        if earlier.get(LOST):  # with a damaged Saved record: its tags taken off by no one
            tags = [*tags, *earlier.get("tags", ())]
        else:
            # Folded again: one an earlier reader folded otherwise (an em dash) is the same.
            had |= {folded(t) for t in earlier.get("tags", ()) if isinstance(t, str)}
        has = {folded(t) for t in (record or {}).get("tags", ()) if isinstance(t, str)}
        kept = [t for t in tags if folded(t) in has or folded(t) not in had]
        done_now[key] = {"tags": sorted(had | {folded(t) for t in tags})}
        return kept

    def keep_notes(target: Entry | str, link: SavedLink) -> None:
        nonlocal notes, noted, missing, notes_added, retitled
        if own := _own_title(lib, target, link.title):
            # The page's title is the source's, shown and cited; the one the user gave it
            # there kept as the article's note, not lost (acc51b B6).
            retitled += lib.import_highlights(target, (SavedNote("", own),), link.title)[1]
        if link.notes:
            lost, added = lib.import_highlights(target, link.notes, link.title)
            missing += lost
            notes += len(link.notes)
            noted += 1
            notes_added += added

    def keep_saved_before(target: Entry | str, link: SavedLink) -> None:
        key = article_key(_link(target))
        record = batch.records.get(key)
        tags = given(key, link.tags, record)
        has = {folded(t) for t in (record or {}).get("tags", ()) if isinstance(t, str)}
        tagged_now.update(t for t in tags if folded(t) not in has)
        if tags:  # imported before tags were kept, or tagged here since: added to
            batch.save(target, tags=tags)
        keep_notes(target, link)  # imported before notes were kept: kept once

    for link in links:
        target = _target(lib, listed, link.url)
        key = article_key(_link(target))
        record = batch.records.get(key)
        earlier = before.get(key)
        if record is None and earlier is not None and not earlier.get(LOST):
            # Left out as a feed before: left out again, the same verdict (A9); saved by an
            # import and unsaved by the user since: left unsaved (A10).
            if earlier.get("feed"):
                feeds += 1
            else:
                unsaved_since += 1
            continue
        if record is None:
            targets.append((link, target, "new"))
        elif fetch_local and _held_unfetched(lib, record, target):
            # Left for the user to open by an import without --fetch-local: this one asks
            # for its page, as its line said (acc43a A12: it said "30 already saved").
            targets.append((link, target, "fetch"))
        elif link.kept_html and not lib.store.has_article(_saved_url(record, target)):
            # Saved before with no copy (its page did not come, a link to this computer):
            # given the file's copy, off the loop, before its notes are looked for in it.
            targets.append((link, target, "copy"))
        else:
            already += 1
            keep_saved_before(target, link)
    fetched = kept = done = local = copied = local_copied = local_fetched = unasked = 0
    # The network found absent as a refresh finds it, by the hosts of the links to ask: the
    # rest kept without asking, not each failing its DNS lookup and connection in turn (a
    # 1,500-link library imported offline took 274 s, acc51b B7). A few dead sites among
    # answering ones don't stop it: something answered.
    watch = NetworkWatch(
        _link(target)
        for _, target, mode in targets
        if mode == "new" and _asked(target, fetch_local)
    )
    failed: list[tuple[str, str]] = []
    local_failed: list[tuple[str, str]] = []
    read: list[str] = []  # the addresses saved of those read or archived there
    if progress:
        progress(0, len(targets))

    async def held_local(target: str, link: SavedLink, at: float | None) -> None:
        """Left for the user to open, and by syncs too (acc32b B1: each fetched it), with the
        copy the file holds meanwhile: the user's own export."""
        nonlocal local, copied, local_copied
        batch.save(target, at, link.title, held=LOCAL)
        if await _copy_kept(lib, target, link):
            copied += 1
            local_copied += 1
        else:
            local += 1

    async def fetch_held(link: SavedLink, target: Entry | str) -> None:
        """The page of a link to this computer saved before and left unfetched, asked for now:
        no longer held (a sync fetches it as any), cached in the place of the file's copy
        (kept as the earlier one, as `R` does) or as its first."""
        nonlocal local_fetched, copied
        record = batch.records.get(article_key(_link(target)))
        url = _saved_url(record, target) if isinstance(record, dict) else _link(target)
        FILE_LINK.set(False)
        try:
            if lib.store.is_kept_copy(url):
                await lib.refresh_article(url)
            else:
                await lib.article(url, waits=False)
        except FetchError as error:
            # Not coming now: given the file's copy when it has none, as a link saved before
            # with no page is.
            if not lib.store.has_article(url) and await _copy_kept(lib, url, link, error):
                copied += 1
            else:
                local_failed.append((url, error.message))
        else:
            local_fetched += 1
        batch.save(url, held="")
        keep_saved_before(target, link)

    async def one(link: SavedLink, target: Entry | str, mode: str) -> None:
        nonlocal done, already, copied
        if mode == "fetch":
            await fetch_held(link, target)
            done += 1
            if progress:
                progress(done, len(targets))
            return
        if mode == "copy":
            record = batch.records.get(article_key(_link(target)))
            url = _saved_url(record, target) if isinstance(record, dict) else _link(target)
            copied_now = await _copy_kept(lib, url, link)
            copied += copied_now
            already += not copied_now
            keep_saved_before(target, link)
            done += 1
            if progress:
                progress(done, len(targets))
            return
        at = link.added.timestamp() if link.added else None
        saved_as: str | None = _link(target)
        # A feed's headline is fetched as its feed's link, under its feed's ceiling; a link
        # of the file's own only from a public address, judged where the connection is made
        # (`leads.FILE_LINK`): a name's address now may not be the address it has at the fetch.
        FILE_LINK.set(isinstance(target, str) and not fetch_local)
        proxy = lib.fetcher.routes.proxy_for(_link(target))
        if watch.absent:  # not even its name looked up: a sync asks, from public addresses
            saved_as = await keep_unasked(link, target, at)
        elif isinstance(target, str) and not fetch_local and await resolved_reach(target, proxy):
            await held_local(target, link, at)
        else:
            saved_as = await save(link, target, at)
        done += 1
        if saved_as is not None:  # None: a feed, left out
            if isinstance(target, str) and not fetch_local:
                # Fetched by syncs from public addresses only, whatever its name resolves to.
                batch.save(saved_as, from_file=True)
            tags = given(article_key(saved_as), link.tags, None)
            done_now.setdefault(article_key(_link(target)), done_now[article_key(saved_as)])
            tagged_now.update(tags)
            if tags:
                batch.save(saved_as, tags=tags)
            keep_notes(saved_as, link)
            if link.read:
                read.append(saved_as)
            batch.write_if_due()
        if progress:
            progress(done, len(targets))

    async def keep_unasked(link: SavedLink, target: Entry | str, at: float | None) -> str:
        """Keep `link` as a link, or as the file's copy, its page not asked for: the next
        sync asks (the copy's too: no answer said the page has none)."""
        nonlocal unasked, kept, copied
        unasked += 1
        batch.save(target, at, link.title)
        if await _copy_kept(lib, target, link):
            copied += 1
        else:
            kept += 1
        return _link(target)

    async def save(link: SavedLink, target: Entry | str, at: float | None) -> str | None:
        """Fetch and save the article of `link`, else keep it as a link or as the file's
        copy: the address saved, None when left out (the address of a feed)."""
        nonlocal fetched, kept, already, copied, feeds
        try:
            result = await lib.save_or_keep(target, at, link.title, listed, batch)
        except (FetchError, StoreError) as error:
            answer = error if isinstance(error, FetchError) else None
            if answer is not None:
                watch.heard(_link(target), answer)
            if answer is not None and answer.refused and isinstance(target, str):
                await held_local(target, link, at)  # its name led to this computer now
            elif answer and answer.feed and isinstance(target, str) and not link.kept_html:
                # A feed at an address not shaped like one (`/?cat=metro`): no article to
                # read later, and kept it was a file link every sync counted (acc33a A9).
                feeds += 1
                done_now[article_key(target)] = {"feed": True}
                return None
            else:
                # Kept all the same, as the file had it: a sync tries it again.
                batch.save(target, at, link.title)
                if await _copy_kept(lib, target, link, answer):
                    copied += 1
                else:
                    failed.append((_link(target), answer.message if answer else str(error)))
            return _link(target)
        watch.heard(_link(target), result.failure)
        if result.already:  # the same story, saved by another address
            already += 1
        elif result.article is not None:
            fetched += 1
        elif await _copy_kept(lib, target, link, result.failure):
            copied += 1
        else:
            kept += 1
        return result.link or _link(target)  # a short link's story is where it led

    # A few workers taking the links in turn: a task made for each link up front held a
    # million-link export's every coroutine in memory before the first was saved (acc32b B3).
    pending = iter(targets)

    async def worker() -> None:
        for link, target, mode in pending:
            await one(link, target, mode)

    try:
        await asyncio.gather(*(worker() for _ in range(min(AT_ONCE, len(targets)))))
        marked = _mark_read(lib, read, listed, batch)
    finally:
        batch.flush()  # what was saved before a failure (a full disk, Ctrl-C) is kept
        lib.store.note_imported_saved(done_now)
    tags = sorted({tag for link in links for tag in link.tags}, key=str.casefold)
    return SavedImport(
        len(links),
        fetched,
        kept,
        tuple(failed),
        already,
        marked,
        tuple(tags),
        local,
        copied,
        notes,
        noted,
        missing,
        local_copied,
        feeds,
        unsaved_since,
        local_fetched,
        tuple(local_failed),
        unasked,
        tuple(sorted(tagged_now, key=str.casefold)),
        notes_added,
        retitled,
    )


def _asked(target: Entry | str, fetch_local: bool) -> bool:
    """Whether the page of an import's new link may be asked for: not one to this computer
    known by its address (held, `held_local`), which weighs nothing for the network."""
    return (
        fetch_local
        or not isinstance(target, str)
        or not host_reach(urlsplit(target).hostname or "")
    )


RETITLED = "Titled in the app it was imported from: "
"""What the article's note says of a title the user gave it there (`_own_title`)."""


def _own_title(lib: Library, target: Entry | str, title: str) -> str:
    """The note keeping `title`, the one a link had in the app it came from (wallabag's, which
    a user may have retitled), where the page cached gives another; "" where they agree (one
    holding the other: a site's name after it) or the cached text is the app's own copy."""
    mine = " ".join(title.split()).casefold()
    if not mine:
        return ""
    try:
        article = lib.store.article(_link(target))
    except StoreError:
        return ""
    if article is None or article.kept_by:
        return ""
    page = " ".join(article.title.split()).casefold()
    if not page or mine in page or page in mine:
        return ""
    return RETITLED + title


def _held_unfetched(lib: Library, record: dict[str, Any], target: Entry | str) -> bool:
    """Whether a saved link is one an import left for the user to open (to this computer or
    its network) whose page has not come: not cached, or cached as the file's copy."""
    if record.get(HELD) != LOCAL:
        return False
    url = _saved_url(record, target)
    return not lib.store.has_article(url) or lib.store.is_kept_copy(url)


def _saved_url(record: dict[str, object], target: Entry | str) -> str:
    """The address a saved article is cached under: the one first saved (its record's)."""
    url = record.get("url")
    return url if isinstance(url, str) and url else _link(target)


async def _copy_kept(
    lib: Library, target: Entry | str, link: SavedLink, answer: FetchError | None = None
) -> bool:
    """Cache the text the app kept of `link` (wallabag's) as its article, its page not coming
    now (a 404, a PDF, the site gone; `answer`: how it failed): a years-old library's dead
    links kept only their titles where the file held their text (acc32a A4). Whether there was
    one to keep."""
    if not link.kept_html:
        return False
    try:
        article = await lib.keep_copy(
            target,
            link.kept_text,
            link.title,
            link.author,
            link.added,
            answer=answer,
            kept_by=link.kept_by,
            published=link.published,
            language=link.language,
        )
    except StoreError:
        return False
    return article is not None


def _mark_read(
    lib: Library, addresses: list[str], listed: dict[str, Entry], batch: SavedBatch
) -> int:
    """Archive the articles saved at `addresses` and mark them read: a feed's headline as its
    feed keeps it, a link no feed lists as the Saved list shows it."""
    entries = []
    for address in addresses:
        key = article_key(address)
        if (entry := listed.get(key)) is not None:
            entries.append(entry)
        elif isinstance(record := batch.records.get(key), dict):
            entries.append(lib.unlisted_entry(key, record))
    lib.mark_many_read(entries)
    for address in addresses:
        batch.save(address, archived=True)
    return len(entries)
