"""An article's citation: title, source, author, dates, address and when it was retrieved, as
`reader show` prints them above the text and as `y` in the reading view copies them. Plain
functions over `Article`."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urldefrag, urlsplit

from .claimed_names import claimed_elsewhere
from .commonmark import autolink, escape_line_starts, escape_markdown
from .dates import retrieved_as_believed, stated_iso
from .models import CONSENT_WALL, VIDEO_PAGE, Article, Block, BlockKind, Entry, Inline
from .safe import safe_line
from .text_shape import one_line
from .url_display import cited_form, shown_url, site_named
from .urls import (
    host_named,
    is_web_url,
    off_amp_cache,
    page_opened,
    past_click_trackers,
    site_host,
    without_tracking,
)


def cited_url(article: Article) -> str:
    """The address a quote cites: the canonical one the page declares, when it is on the same
    site and is no home page (some sites declare theirs on every page); else the article's own
    without the tracking parameters feeds add ("?utm_source=rss&utm_medium=feed"), which the
    citation carried to every reader of the quote. A page read from Google's AMP cache is the
    publisher's page (`off_amp_cache`), whose canonical address on its own site is cited."""
    url, canonical = off_amp_cache(article.url), article.canonical_url
    if (
        url
        and is_web_url(canonical)
        and site_host(canonical) == site_host(url)
        and urlsplit(canonical).path.strip("/")
        and not _section_of(canonical, url)
    ):
        return without_tracking(canonical)
    return without_tracking(url)


def cited_address(link: str, article: Article | None) -> str:
    """The address a headline's page is cited and opened by, from the reading view or the
    list alike: its cached `article`'s (`cited_url`), else its `link` past its click tracker,
    without the tracking parameters feeds add (`urls.page_opened`)."""
    return cited_url(article) if article is not None and article.url else page_opened(link)


def cited_article(entry: Entry, article: Article | None, anchor: str = "") -> Article:
    """What `entry` is cited by: its `article`, else, while it isn't shown or cached, what its
    feed says of it (`y` in the reading view, a `[[command]]`'s {citation}). An item pointing
    into the page (`page#block-20`, one entry of a live blog) cites the page's address with
    that entry's anchor, when the text holds it (acc48c C3); a passage quoted from another
    entry, with that one's (`anchor`)."""
    if article is not None:
        fragment = urldefrag(entry.link).fragment
        own = fragment
        fragment = anchor if fragment and anchor else fragment
        if fragment and article.url and any(fragment in b.anchors for b in article.blocks):
            page = urldefrag(cited_url(article)).url  # read through the item: its anchor
            # Another entry's passage: whether that entry changed is not known here, so
            # its note is the page's.
            others = article.other_entries_corrected and fragment == own
            return replace(
                article,
                url=f"{page}#{fragment}",
                canonical_url="",
                other_entries_corrected=others,
            )
        return article
    return Article(
        page_opened(entry.link),  # not the click tracker's address (`cited_address`)
        title=entry.title,
        author=entry.author,
        published=entry.feeds_published,
        site_name=entry.source_name,
        published_by_feed=True,
    )


def shown_cited_url(article: Article) -> str:
    """The address a citation gives (`cited_url`) as every style shows it: as where it goes,
    and one word (`shown_url`), its path's letters percent-encoded (`cited_form`). APA's and
    Chicago's line gave a canonical address with a space as it was, and a pasted citation's
    address broke there."""
    return cited_form(cited_url(article))


def own_addresses(article: Article, link: str = "") -> set[str]:
    """The addresses a link within `article` starts with: its page's, the one it was read from,
    its canonical one, the one it is cited by (as the reading view hands links out), and `link`
    (the feed's to it)."""
    cited = cited_url(article) if article.url else ""
    addresses = (article.url, article.page_url, article.canonical_url, cited, link)
    return {urldefrag(address).url for address in addresses if address}


def cited_link(
    article: Article, href: str, own: set[str] | None = None, *, past_trackers: bool = True
) -> str:
    """`href` as a copy of the article writes it: a link within the page (a note's "#fn1",
    resolved against the feed's address with its "?utm_source=rss") against the address the
    citation gives (`cited_url`), so that a quote names one address, untracked; a link to
    another page without its tracking parameters (`without_tracking`: an in-text link's
    "?utm_source=article&fbclid=…" went to the browser and into exports, acc48a A5), and at
    its destination when it goes through another host's click tracker (`past_click_trackers`,
    none of the article's hosts passed), but not `past_trackers`: a player's address (a
    recording, a video) carries what it plays the same way
    ("w.soundcloud.com/player/?url=https://api.soundcloud.com/tracks/…"), and its destination
    is no page to open."""
    own = own if own is not None else own_addresses(article)
    page, fragment = urldefrag(href)
    if not fragment or page not in own:
        if not is_web_url(href):
            return href
        hosts = {host_named(address) for address in own}
        return without_tracking(past_click_trackers(href, hosts) if past_trackers else href)
    return f"{cited_url(article)}#{fragment}"


def with_cited_links(article: Article) -> Article:
    """`article` with its links written as `cited_link` writes them."""
    if not article.url:
        return article
    own = own_addresses(article)

    def runs(inlines: tuple[Inline, ...], played: bool = False) -> tuple[Inline, ...]:
        return tuple(
            replace(run, href=cited_link(article, run.href, own, past_trackers=not played))
            if run.href
            else run
            for run in inlines
        )

    def cited(block: Block) -> Block:
        # A picture's address stays the one it is kept by (`pictures.article_pictures`).
        if block.kind == BlockKind.IMAGE:
            return block
        if not any(run.href for run in block.inlines) and not block.cells:
            return block
        return replace(
            block,
            inlines=runs(block.inlines, played=block.kind == BlockKind.MEDIA),
            cells=tuple(runs(cell) for cell in block.cells),
        )

    return replace(article, blocks=tuple(cited(block) for block in article.blocks))


def _section_of(canonical: str, url: str) -> bool:
    """`canonical` names a section the story at `url` is filed under, not the story: a folder
    of its address with two folders or a page's file name more after it ("/courier/" of
    "/courier/2026/11/27/eu-quotas.html"), as a CMS declaring its section on every page has it
    (acc27a A30). An AMP copy's "/story/123/amp" keeps its "/story/123"."""
    above = urlsplit(canonical).path.strip("/").split("/")
    below = urlsplit(url).path.strip("/").split("/")
    if len(below) <= len(above) or below[: len(above)] != above:
        return False
    rest = below[len(above) :]
    return len(rest) >= 2 or "." in rest[-1]


def cited_source(article: Article) -> str:
    """Where the article appeared, as a citation names it: the site (`cited_site`), and for a
    podcast's episode the podcast before it, as Chicago cites one ("High Country (podcast),
    Mountain Public Radio"); a podcast's own site named once."""
    podcast = one_line(article.podcast)
    site = cited_site(article)
    if not podcast:
        return site
    named = f"{podcast} (podcast)"
    return (
        f"{named}, {site}" if site and article.site_name.casefold() != podcast.casefold() else named
    )


def cited_site(article: Article) -> str:
    """The site's name as a citation gives it: the page's own (else the host it was read at,
    as the list names it: `site_named`), and where that name goes with
    the page's claim to be another site's (its canonical address there, which `cited_url`
    refuses: `claimed_names`), the host it was read at beside it ("BBC News (as the page names
    itself; read at 127.0.0.1:18738)"), so that a pasted Source does not vouch for what the
    address does not bear out."""
    site = site_named(article.site_name, article.url)
    if not claimed_elsewhere(site, article.url, article.canonical_url):
        return site
    host = urlsplit(shown_url(article.url)).netloc
    return f"{site} (as the page names itself; read at {host})"


# Said after a date the feed gave for the item, the page giving none: a journalist can't tell
# it from the page's own, which the page may print otherwise, and must know to check it.
FEEDS_DATE = "per the feed"
FEEDS_DATE_NOTE = "the page gives none, and may print another"


def date_source(moment: datetime | None, by_feed: bool) -> str | None:
    """Whose a date of the article is: "feed" (`FEEDS_DATE`), "page", or None when there is
    none."""
    if moment is None:
        return None
    return "feed" if by_feed else "page"


def _dated(moment: datetime | None, by_feed: bool) -> str:
    if moment is None:
        return ""
    return f"{stated_iso(moment)} ({FEEDS_DATE})" if by_feed else stated_iso(moment)


def header_lines(
    article: Article,
    markdown: bool = False,
    style: str = "block",
    copied: bool = False,
    away: bool = False,
) -> list[str]:
    """Source, author, dates, address and when the copy was retrieved: the citation a quote
    needs; a line each in the "block" style, else one line in `style` (`citation_styles`).
    `copied`: the notes say what a reader of the copy needs (`version_note`); `away`: as
    `copy_notes` takes it."""
    if style != "block":
        from .citation_styles import citation_line  # it cites with this module's functions
        from .retraction_notes import fate_words

        line = citation_line(article, style, markdown)
        if fate := fate_words(article):
            # In the line, not only the notes on stderr: a reference list's line of a text
            # retracted since is not cited as standing (acc47b F1).
            line += " " + (escape_markdown(fate) if markdown else fate)
        # The block says "(per the feed)" after such a date; a style's line has no room for it.
        fed = (
            [f"Note: the date is the feed's ({FEEDS_DATE_NOTE})"]
            if article.published and article.published_by_feed
            else []
        )
        return [
            escape_line_starts(line) if markdown else line,
            *fed,
            *copy_notes(article, markdown, copied, away),
        ]
    lines = []
    updated = article.updated if article.updated != article.published else None
    for label, value in (
        ("Source", cited_source(article)),
        ("Author", article.author),
        ("Published", _dated(article.published, article.published_by_feed)),
        ("Updated", _dated(updated, article.updated_by_feed)),
        ("URL", shown_cited_url(article)),
        # When this copy was taken: the page may have changed since, and a quote read offline
        # hours later cites the copy it was read from.
        ("Retrieved", at.isoformat(timespec="seconds") if (at := retrieved(article)) else ""),
        # Fetched again since and found saying the same: the words were on file since
        # "Retrieved", and are still the page's as of this.
        ("Checked", f"{moment_text(article.checked_at)}, unchanged" if article.checked_at else ""),
    ):
        # A record made before this was checked may hold a control character; an escape
        # sequence must go whole, before the Markdown escapes would break it into visible junk.
        value = safe_line(value)
        if not value:
            continue
        if markdown:
            # Names are the page's text like any other; an address stays one to copy, unescaped.
            value = autolink(value) if label == "URL" else escape_markdown(value)
        lines.append(f"{label}: {value}")
    return lines + copy_notes(article, markdown, copied, away)


VIDEO_NOTE = "Note: a video, no article: this is the description its feed carried"
"""The note of a video's copy (`copy_notes`): what stands in for its text."""


def copy_notes(
    article: Article, markdown: bool = False, copied: bool = False, away: bool = False
) -> list[str]:
    """What a reader of the copy must know of it: no article but a list of others, not the
    page's text, or not all of it ("Note: …" lines, the block's; a CSL-JSON item's `note`).
    `away`: read away from the reader (an export's book, on an e-reader): what changed said
    as to a citation's reader, not which command or key shows it (acc50e A4)."""
    lines = [line] if (line := section_front_line(article)) else []
    if note := clock_note(article):
        lines.append(f"Note: {note}")
    # Here, not at the top: they are said with this module's times (`moment_text`).
    from .retraction_notes import (
        ended_retractions_note,
        ended_takedowns_note,
        gone_note,
        later_note,
        refused_note,
        retraction_note,
    )

    for note in (
        gone_note(article),
        ended_takedowns_note(article),
        retraction_note(article),
        ended_retractions_note(article),
        later_note(article),
        refused_note(article),
    ):
        if note:
            lines.append(f"Note: {escape_markdown(note) if markdown else note}")
    if note := kept_note(article):
        lines.append(f"Note: {escape_markdown(note) if markdown else note}")
    if not copied and (note := coverage_note(article)):
        lines.append(f"Note: {note}")
    if note := version_note(article, copied=copied or away):
        lines.append(f"Note: {escape_markdown(note) if markdown else note}")
    for note in article.copies_dropped if article.version == len(article.versions) else ():
        # Copies of the chain of corrections no longer kept: said in the header, not left
        # silent (C12); not in a citation, which cites a copy that is kept (acc48c C4).
        if not copied:
            lines.append(f"Note: {escape_markdown(note) if markdown else note}")
    if article.partial:
        # An item with no link has no page: its feed's text is all there is of it.
        lines.append(
            "Note: the item has no link to a page: this is the text its feed carried"
            if not article.url
            else "Note: this is the text the feed carried, not the page's: the site answered "
            "with a cookie-consent page"
            if article.stood_in_for == CONSENT_WALL
            else VIDEO_NOTE
            if article.stood_in_for == VIDEO_PAGE
            else "Note: this is the text the feed carried, not the page's"
        )
    if article.incomplete:
        why = safe_line(article.incomplete)
        lines.append(f"Note: not all of it: {escape_markdown(why) if markdown else why}")
    return lines


def coverage_note(article: Article) -> str:
    """What the header says of a live blog whose page says its coverage ended
    (`Article.coverage_ended`): "the live coverage ended 2026-12-07T10:30:00+00:00" (acc48c
    C13: a blog's closing left no mark); "" for one running, or no live blog."""
    if article.coverage_ended is None:
        return ""
    return f"the live coverage ended {moment_text(article.coverage_ended)}, as the page says"


def section_front_line(article: Article) -> str:
    """What a section front is, said once above its teasers ("A section front: 31 stories,
    each linked"); "" for an article."""
    if not article.section_front:
        return ""
    count = article.stories
    return f"A section front: {count} {'story' if count == 1 else 'stories'}, each linked"


def moment_text(moment: datetime | None) -> str:
    """A copy's retrieval time as its header gives it (to the second)."""
    return moment.isoformat(timespec="seconds") if moment else "an unknown time"


def retrieved(article: Article) -> datetime | None:
    """When the copy cited was retrieved, a clock that was wrong then mended
    (`dates.retrieved_as_believed`): "Retrieved" before the story existed is no citation."""
    if article.fetched_at is None:
        return None
    return retrieved_as_believed(
        article.fetched_at, article.published, datetime.now(UTC), article.served_at
    )


def clock_note(article: Article) -> str:
    """What a citation says of a retrieval time `retrieved` mended, the computer's clock wrong
    when the copy was taken (a laptop's reset to 2000 when its battery ran out): the time given
    is a bound, not the moment (acc31a F7: the story's own date was given as "Retrieved"
    without a word). "" for a time as the clock gave it."""
    taken = article.fetched_at
    if taken is None or (at := retrieved(article)) is None or at == taken:
        return ""
    said = f"the computer's clock was wrong when this copy was retrieved (it said {taken.date()})"
    if at == article.served_at:
        return f"{said}: the time given is the site's, as its server answered"
    bound = "the story's own, the earliest" if at > taken else "this moment, the latest"
    return f"{said}: the time given is {bound} it can have been"


def kept_note(article: Article) -> str:
    """What the header says of a copy of the text another app kept (`Article.kept_by`): the
    reader never read it from the page, whose address is cited. "" for the page's own text."""
    if not article.kept_by:
        return ""
    return (
        f"this is the text {article.kept_by} kept, retrieved {moment_text(retrieved(article))}:"
        " the page did not come when it was imported"
    )


def _keys_said(key: str | None, changes_key: str | None, copies: str) -> str:
    """ ": V shows it, d what changed", as far as the user's `[keys]` leave either key."""
    said = [f"{key} shows {copies}"] if key else []
    if changes_key:
        said.append(f"{changes_key} what changed" if said else f"{changes_key} shows what changed")
    return ": " + ", ".join(said) if said else ""


LISTED_COPIES = 3
"""Earlier copies a header names each by its time; past them, the first and the last."""


def version_note(
    article: Article,
    in_reader: bool = False,
    copied: bool = False,
    key: str | None = "V",
    changes_key: str | None = "d",
) -> str:
    """What the header says of the other copies kept of an article a sync found changed: the
    latest names the earlier ones, each with its retrieval time, and how to read them; an
    earlier one says it was replaced, and by the copy of when. "" while there is one copy.
    `in_reader`: the reading view's words (where its key goes: `key`, as the user's `[keys]`
    have it, None when no key does; `changes_key` the one showing what changed), else `reader
    show`'s; `copied`: a citation's, pasted into
    a draft, whose reader needs which copy is quoted and that the page said otherwise later,
    not how to run the tool."""
    times, number = article.versions, article.version
    if len(times) < 2 or not 1 <= number <= len(times):
        return ""
    if article.dropped:
        return _dropped_note(article, in_reader, copied, key)
    if article.first_retrieved_over or (article.kept_by and number < len(times)):
        return _other_app_note(article, in_reader, copied, key)
    if number == len(times):
        from .retraction_notes import feed_alone_changed  # it says it with this module's times

        if feed_alone_changed(article):
            return ""  # `retraction_note` says the text is the same as the copies' kept
        if article.other_entries_corrected and not article.retracted:
            return _other_entries_note(article, in_reader, copied, key, changes_key)
        if article.repeats & set(range(1, number)):
            return _repeated_note(article, in_reader, copied, key, changes_key)
        if article.first_copy_by and number > 2:
            return _since_own_copies(article, in_reader, copied, key, changes_key)
        # Those of a saved live blog run to fifty: the first and the last past a few, not a
        # line of times in every header and quote (acc48c C4).
        many = len(times) - 1 > LISTED_COPIES
        if copied:
            kept = " and ".join(moment_text(at) for at in times[:-1])
            if many:
                kept = f"{moment_text(times[0])} to {moment_text(times[-2])}"
            copies = f"{len(times) - 1} copies" if many else _copies(len(times) - 1)
            return f"the text changed since the {copies} retrieved {kept}"
        how = (
            _keys_said(key, changes_key, "it")
            if in_reader
            else ": reader show --version 1 prints it, reader diff what changed, V and d in the "
            "reader"
        )
        if number == 2:
            return f"the text changed since the copy retrieved {moment_text(times[0])}, which is kept{how}"
        kept = ", ".join(f"{moment_text(at)} ({n})" for n, at in enumerate(times[:-1], 1))
        if many:
            kept = f"{moment_text(times[0])} (1) to {moment_text(times[-2])} ({len(times) - 1})"
        if in_reader:
            how = _keys_said(key, changes_key, "them")
        else:
            how = ": reader show --version N prints one, reader diff what changed"
        copies = f"{len(times) - 1} copies" if many else "copies"
        return f"the text changed since the {copies} retrieved {kept}, which are kept{how}"
    latest = f"the latest, retrieved {moment_text(times[-1])}"
    if copied:
        said = "says the same" if number in article.repeats else "differs"
        return (
            f"copy {number} of {len(times)}, retrieved {moment_text(times[number - 1])}; "
            f"{latest}, {said}"
        )
    if not in_reader:
        how = " (reader show without --version prints it)"
    elif not key:
        how = ""
    elif number == 1:
        how = f" ({key} goes back to it)"
    else:
        # It steps to the copy before this one, to the latest only from the oldest.
        how = f" ({key} goes on to copy {number - 1}, retrieved {moment_text(times[number - 2])})"
    if number in article.repeats:
        return f"copy {number} of {len(times)}, kept: {latest}, says the same{how}"
    return (
        f"copy {number} of {len(times)}, kept: the text changed in the copy retrieved "
        f"{moment_text(times[-1])}{how}"
    )


def _other_app_note(article: Article, in_reader: bool, copied: bool, key: str | None) -> str:
    """`version_note` of a page whose only earlier copy kept is the text another app kept
    (wallabag's), the page's first retrieval in its place: another program's extraction, no
    earlier version of the page, so no "the text changed since" (acc51b B2), least of all in
    a citation, where it is nothing at all. Said of either copy, as the other is kept."""
    times = article.versions
    if copied:
        return ""
    if article.kept_by:  # the app's copy itself, read through `V` or `--version 1`
        how = " (reader show without --version prints it)" if not in_reader else ""
        if in_reader and key:
            how = f" ({key} goes back to it)"
        return (
            f"copy {article.version} of {len(times)}, kept: the page's own text, first "
            f"retrieved {moment_text(times[article.version])}, took the place of "
            f"{article.kept_by}'s{how}"
        )
    app = article.first_retrieved_over
    how = (
        _keys_said(key, None, "it")
        if in_reader
        else ": reader show --version 1 prints it, reader diff how they differ"
    )
    return f"{app}'s copy of the text, retrieved {moment_text(times[0])}, is kept too{how}"


def _since_own_copies(
    article: Article, in_reader: bool, copied: bool, key: str | None, changes_key: str | None
) -> str:
    """`version_note` of the latest copy of a page corrected since the reader first retrieved
    it over another app's copy (wallabag's text, copy 1): the text changed since the reader's
    own copies, the app's said as its, not named among "the copies retrieved" as if the page
    had said it (acc51b). A citation names the reader's own alone."""
    times, app = article.versions, article.first_copy_by
    own = times[1:-1]
    many = len(own) > LISTED_COPIES
    if copied:
        kept = " and ".join(moment_text(at) for at in own)
        if many:
            kept = f"{moment_text(own[0])} to {moment_text(own[-1])}"
        copies = f"{len(own)} copies" if many else _copies(len(own))
        return f"the text changed since the {copies} retrieved {kept}"
    apps = f"{app}'s copy of {moment_text(times[0])} is kept too"
    if len(own) == 1:
        how = (
            _keys_said(key, changes_key, "it")
            if in_reader
            else ": reader show --version 2 prints it, reader diff what changed, V and d in the "
            "reader"
        )
        return (
            f"the text changed since the copy retrieved {moment_text(own[0])}, which is kept"
            f" ({apps}){how}"
        )
    kept = ", ".join(f"{moment_text(at)} ({n})" for n, at in enumerate(own, 2))
    if many:
        kept = f"{moment_text(own[0])} (2) to {moment_text(own[-1])} ({len(times) - 1})"
    how = (
        _keys_said(key, changes_key, "them")
        if in_reader
        else ": reader show --version N prints one, reader diff what changed"
    )
    copies = f"{len(own)} copies" if many else "copies"
    return f"the text changed since the {copies} retrieved {kept}, which are kept ({apps}){how}"


def _other_entries_note(
    article: Article, in_reader: bool, copied: bool, key: str | None, changes_key: str | None
) -> str:
    """`version_note` of the latest copy read through an item pointing into one entry of the
    page that no sync changed (`Article.other_entries_corrected`): the changes the copies hold
    are other entries', not the text the item opens at. Its byline said no "δ corrected" and
    its header still "the text changed since" (acc49c)."""
    times = article.versions[:-1]
    many = len(times) > LISTED_COPIES
    kept = " and ".join(moment_text(at) for at in times)
    if many:
        kept = f"{moment_text(times[0])} to {moment_text(times[-1])}"
    copies = f"{len(times)} copies" if many else _copies(len(times))
    note = (
        f"this entry is unchanged since the {copies} retrieved {kept}; other entries of the "
        "page changed"
    )
    if copied:
        return note
    one = len(times) == 1
    if in_reader:
        how = _keys_said(key, changes_key, "it" if one else "them")
    else:
        how = (
            ": reader show --version 1 prints it, reader diff what changed"
            if one
            else ": reader show --version N prints one, reader diff what changed"
        )
    return f"{note}, and {'the earlier copy is' if one else 'the earlier copies are'} kept{how}"


def _repeated_note(
    article: Article, in_reader: bool, copied: bool, key: str | None, changes_key: str | None
) -> str:
    """`version_note` of the latest copy when an earlier one says what it says (an edit
    undone, acc35b F14): the copies that differ named apart from those that say the same,
    not "the text changed since" a copy it is word for word."""
    times = article.versions[:-1]
    numbered = not copied and len(times) > 1

    def said(numbers: list[int]) -> str:
        moments = (moment_text(times[n - 1]) + (f" ({n})" if numbered else "") for n in numbers)
        return f"the {_copies(len(numbers))} retrieved {' and '.join(moments)}"

    differ = [n for n in range(1, len(times) + 1) if n not in article.repeats]
    same = [n for n in range(1, len(times) + 1) if n in article.repeats]
    note = f"{said(same)} said the same as this one"
    if differ:
        note = f"the text differs from {said(differ)}; {note}"
    if copied:
        return note
    if in_reader:
        how = _keys_said(key, changes_key, "them" if len(times) > 1 else "it")
    else:
        how = ": reader show --version N prints one, reader diff what changed"
    return f"{note}; {'they are' if len(times) > 1 else 'it is'} kept{how}"


def _dropped_note(article: Article, in_reader: bool, copied: bool, key: str | None) -> str:
    """`version_note` of a copy read while it was kept and dropped since (a page flipping
    back, the copies' rule): it said "copy 4 of 5, kept", a number no copy kept has."""
    times, number = article.versions, article.version
    retrieved = moment_text(times[number - 1])
    if copied:
        return (
            f"a copy retrieved {retrieved}, no longer kept; the latest, retrieved "
            f"{moment_text(times[-1])}, differs"
        )
    how = f" ({key} shows those kept)" if in_reader and key else ""
    return (
        f"this copy, retrieved {retrieved}, is no longer kept: the text changed in the copy "
        f"retrieved {moment_text(times[-1])}{how}"
    )


def _copies(count: int) -> str:
    return "copy" if count == 1 else "copies"


def markdown_header(
    article: Article,
    style: str = "block",
    copied: bool = False,
    level: int = 1,
    away: bool = False,
) -> str:
    """The title as a heading (of `level`: an earlier copy's, under its own heading in an
    export, is below it) and the `header_lines` below it (`copied`, `away` as they take
    them), each ending in a Markdown line break: what `reader show --format markdown` prints
    before the text."""
    said = header_lines(article, True, style, copied, away)
    lines = "".join(f"{line}  \n" for line in said)
    # A page with no address, date or author read from disk has no lines: the title, a blank
    # line, then the text, as plain text has it.
    title = safe_line(article.title or article.url)
    return (f"{'#' * level} {escape_markdown(title)}\n" if title else "") + f"{lines}\n"


def copied_citation(
    article: Article, style: str = "block", under_markdown: bool = False, markdown: bool = True
) -> str:
    """What `y` in the reading view copies and `reader show --format citation` prints: in the
    "block" style the title and `header_lines` in Markdown, as `reader show --format markdown`
    heads the article, or as plain text (not `markdown`: no "# ", no line breaks' two spaces,
    no <…> round the address, for a CMS, an e-mail or a word processor); in a line style the
    line as plain text, to paste into a draft or an e-mail as it is, or escaped as Markdown
    `under_markdown` (a quoted passage): a page's title must not become a link or code in the
    notes it is pasted into. Its notes are for the reader of the draft it is pasted into
    (`version_note`'s `copied`)."""
    if style == "block" and markdown:
        return markdown_header(article, copied=True).rstrip() + "\n"
    if style == "block":
        title = safe_line(article.title or article.url)
        lines = [title] if title else []
        return "\n".join([*lines, *header_lines(article, False, style, copied=True)]) + "\n"
    return "\n".join(header_lines(article, under_markdown, style, copied=True)) + "\n"
