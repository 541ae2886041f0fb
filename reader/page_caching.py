"""Worker-side: a downloaded page made into its article and cached, page and article together.

Each function here runs in a worker (a process of the pool, or a thread for one-off commands),
reads the page (inflated once, by `read_page`), and writes the cache itself, so neither the page nor its article is pickled
back for the parent to write; what it returns (`Extracted`) tells `Library` what to do next.
Where an article was read from and what its feed filled in are told in `article_sources`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article_sources import dated_before, filled_from
from .dates import served_time, taken_at
from .models import (
    CONSENT_WALL,
    FEED_WHOLE,
    Article,
    Entry,
    ErrorKind,
    FetchError,
    Response,
    SiteRule,
    StoreError,
    Unwritable,
)
from .page_handover import HandedOver
from .safe import safe_line
from .sniff import PDF, UNSAID_TYPES, binary_type, feed_type, file_kind, kind_named, looks_like_html
from .store import Store
from .workers import store_in_worker, whole_write

if TYPE_CHECKING:
    from .config import FetchLimits

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a worker made of one download, for `Library._download` to go on with."""

    article: Article | None = None  # as now cached (None: nothing was)
    refresh: str = ""  # the page only sent the browser on, to this address (`meta_refresh`)
    next_page: str = ""  # the article goes on at this page (`extract.next_page`)
    one_page: str = ""  # ...and is offered whole on this one ("View as a single page")
    amp: str = ""  # the page gave little, and has an AMP version here (`extract.amp`)
    failed: FetchError | None = None  # it gave nothing: what to raise when the AMP one fails
    goes_on: bool = False  # the article goes on at this page, past the cap (`extend_for_cache`)
    login_page: bool = False  # a Wi-Fi login page (`login_page_elsewhere`): nothing cached
    sign_in: FetchError | None = None  # a page to sign in (`login_page`): nothing cached; raise it
    seen: tuple[bytes, str] | None = None  # the web page's fingerprint and title (`read_page`)
    # An article over several pages read again (`renew_for_cache`, `renewal_page`): the pages
    # so far, not cached until the last is in, and the raw page this one gave.
    staged: Article | None = None
    packed: bytes = b""
    # Why a page read again is not taken in place of the copy (`renew_for_cache`): a clause,
    # said by the sync and `reader show --refresh`; "" when nothing was judged so.
    refused: str = ""
    # The page answered 304 to "changed since?" (`Library._fetched`'s `validators`): unread.
    not_modified: bool = False


def _inflated(response: Response, limits: FetchLimits) -> tuple[Response, bytes | None]:
    """The response with its body decompressed (to a page's cap, or a PDF's: `decode_page`)
    and checked to be a page, and the body as the server sent it when that was gzip (kept as
    it came: see `pack_raw_page`)."""
    from .content_coding import decode_page

    wire_gzip = response.body if response.encoding.strip().lower() in ("gzip", "x-gzip") else None
    if response.encoding:
        body = decode_page(
            response.body, response.encoding, response.content_type, limits, response.url
        )
        response = replace(response, body=body, encoding="")
    check_is_page(response)
    return response, wire_gzip


def _packed(response: Response, wire_gzip: bytes | None) -> bytes:
    from .raw_pages import pack_raw_page

    content_type = response.content_type + (
        f"; charset={response.charset}" if response.charset else ""
    )
    return pack_raw_page(response.body, content_type, wire_gzip)


def read_page(
    step: Callable[..., Extracted],
    login_pages: frozenset[bytes],
    url: str,
    response: Response | HandedOver,
    limits: FetchLimits,
    *args: Any,
) -> Extracted:
    """Worker-side: the page `response` brought (still compressed, as it came) inflated and
    checked to be a page, once, then read by `step` (`extract_for_cache`…, given the page
    inflated, the body as it came when that was gzip, and `args`), which caches what it reads
    under `url`. What `step` made of it comes back with the page's fingerprint and title
    (`portal.page_print`), for `Library` to watch for a Wi-Fi login page with; a page of a
    fingerprint in `login_pages`, known for one, is not read. A page to sign in, refused by
    `step`, comes back as `sign_in`, with its fingerprint: one such page answering for others
    is a Wi-Fi login page too. A big page comes by a file (`page_handover.HandedOver`)."""
    from .portal import page_print

    if isinstance(response, HandedOver):  # a big page, by a file (`page_handover`)
        response = response.taken()
    response, wire_gzip = _inflated(response, limits)
    seen = page_print(response.body)
    if seen is not None and seen[0] in login_pages:
        return Extracted(seen=seen)
    try:
        made = step(url, response, wire_gzip, *args)
    except FetchError as error:
        if error.kind != ErrorKind.SIGN_IN:
            raise
        made = Extracted(sign_in=error)
    return replace(made, seen=seen)


def sent_on(response: Response) -> str | None:
    """Where a page that only sends the browser on sends it: a refresh (`meta_refresh`: a
    shortener's page), or a "you are leaving this site" page (`leaving_page`); None for any
    other page."""
    from .leaving_page import leaving_target
    from .meta_refresh import refresh_target

    target = refresh_target(response.body, response.url, response.charset, response.refresh)
    if target is None:
        target = leaving_target(response.body, response.url, response.charset)
    return target


def refresh_refused(url: str, response: Response) -> FetchError | None:
    """The refusal of the page `response` (fetched as `url`) when its quick refresh leads to
    no web page (`file:`, `data:`, `javascript:`: `meta_refresh.refresh_to_no_web_page`), said
    as the HTTP redirect there is (`Fetcher`); None for any other page. A sync's article and
    `add`'s page alike (acc50a A9)."""
    from .meta_refresh import refresh_to_no_web_page

    nowhere = refresh_to_no_web_page(response.body, response.charset, response.refresh)
    if nowhere is None:
        return None
    shown = safe_line(nowhere, 120)
    message = f"refused a redirect (a refresh) to a non-web link: {shown}"
    return FetchError(ErrorKind.BAD_URL, message, url, redirected=True)


def _not_the_page(url: str, response: Response) -> Extracted | None:
    """What to return in place of reading `response` as `url`'s article: where a page that
    only sends the browser on sends it (`meta_refresh`, `leaving_page`), or a Wi-Fi login page another site's
    address answered with (`login_page_elsewhere`); None for a page to read."""
    from .leaving_page import leaving_for_no_page
    from .login_page import login_page_elsewhere

    if (target := sent_on(response)) is not None:
        return Extracted(refresh=target)
    if (refused := refresh_refused(url, response)) is not None:
        raise refused  # nothing of the page kept
    if (nowhere := leaving_for_no_page(response.body, response.url, response.charset)) is not None:
        shown = safe_line(nowhere, 60)
        raise FetchError(
            ErrorKind.EXTRACTION,
            f"a “you are leaving this site” page leading to {shown}, not the article",
            url,
        )
    if login_page_elsewhere(url, response.url, response.body, response.charset):
        return Extracted(login_page=True)
    return None


def _article_read(
    url: str, response: Response, fallback_html: str, rule: SiteRule | None, entry: Entry | None
) -> tuple[Article, str]:
    """`response`'s page extracted as the article asked for at `url`, and the address of its
    next page: refused (FetchError(SIGN_IN), nothing read) when it is a page to sign in or
    accept terms (`login_page.refuse_sign_in_page`), told on extraction's own parse, and
    (FetchError(GONE)) when it is the site saying the story is not there
    (`soft_gone.refuse_gone_page`). The date
    its feed's `entry` gives is a witness between the page's own (`extract_page`'s `fed`)."""
    from .extract import extract_page
    from .login_page import refuse_sign_in_page
    from .sniff import html_title
    from .soft_gone import refuse_gone_page, sent_home

    status = response.redirected_with or response.status
    try:
        article, next_page = extract_page(
            response.body,
            response.url,
            response.charset,
            fallback_html,
            rule,
            check_page=partial(refuse_sign_in_page, url, response.url),
            fed=entry.published if entry else None,
        )
    except FetchError as error:
        # The story sent on to a home page with no text to read (one a script builds): taken
        # down all the same, not "no article text found" (acc47e E11).
        if error.kind == ErrorKind.EXTRACTION and (why := sent_home(url, response.url)):
            raise FetchError(ErrorKind.GONE, why, url, status=status or None) from error
        raise
    # A "not found" page answered 200, or the story sent on to the home page: a 404 (acc42c C1).
    headline = entry.title if entry else None
    refuse_gone_page(url, response.url, article, html_title(response.body), headline, status)
    if article.stood_in_for == CONSENT_WALL and response.url != url:
        # The story sent on to a wall ("/consent?return=…"): its feed's text stands in, cited,
        # opened and copied by the story's own address, not the wall's (acc44a A16: `y`
        # pasted a consent page's address into a draft), nor what the wall calls canonical.
        article = replace(article, url=url, canonical_url="", page_url="")
    return article, next_page


def _as_retrieved(article: Article, response: Response, entry: Entry) -> Article:
    """`article`, read from `response`'s page, as retrieved now: its retrieval time, the
    clock's, and its server's where the clock is behind it (`Article.served_at`); when a cache
    on the way says it made the page (`Article.made_at`); without a
    date its page (or its feed) gives after that where the server's clock vouches for it
    (`dated_before`); what the page said nothing of taken from its feed's `entry`."""
    from .page_clock import made_by_cache  # here, as the store: every command imports this

    now = datetime.now(UTC)
    taken = taken_at(response.date, now, response.age)
    # Again once filled in: the feed's date may be as far ahead.
    article = dated_before(filled_from(dated_before(article, taken), entry), taken)
    served = served_time(response.date, now, response.age)
    made = made_by_cache(response.date, response.age, now)
    return replace(article, fetched_at=now, served_at=served, made_at=made)


def extract_for_cache(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    entry: Entry | None,
) -> Extracted:
    """Worker-side, through `read_page` (the page inflated): extract its article, and cache
    both under `url` (the link asked for; `response.url` is where redirects ended). A page that
    only sends the browser on (`meta_refresh`) is not cached: where it sends is returned, nor
    is a Wi-Fi login page another site's address answered with (`login_page_elsewhere`); one
    to sign in or accept terms raises FetchError(SIGN_IN) (`login_page`), nothing cached. A
    page that gives little or no text of its own (a script's shell, a consent wall) returns
    its AMP version's address, for `amp_for_cache` to read; one that gives none caches
    nothing and returns its error, raised when that version fails too.

    The feed's text of `entry` is extraction's fallback; an entry loaded from the store has its
    full content kept apart, and it is looked up here, a read the event loop is spared.

    All of it is CPU or disk work kept off the event loop; the worker writes the cache itself
    so the page and its article are not pickled back to the parent for it to write.
    """
    from .extract import gave_little
    from .extract.amp import amp_url_of

    if (elsewhere := _not_the_page(url, response)) is not None:
        return elsewhere
    writer = store_in_worker(store)
    fallback_html = writer.feed_html(entry) if entry else ""
    try:
        article, next_page = _article_read(url, response, fallback_html, rule, entry)
    except FetchError as error:
        # A page scripts fill, for a feed without text, or a consent wall its AMP version
        # doesn't put up: that version may hold the article.
        if error.kind not in (ErrorKind.EXTRACTION, ErrorKind.CONSENT_WALL):
            raise
        amp = amp_url_of(response.body, response.url, response.charset)
        if not amp:
            raise
        return Extracted(amp=amp, failed=error)
    # Until its last page is in, an article over several pages is incomplete: so it stays
    # when the sync is stopped halfway through them. A page that is all of it keeps what its
    # extraction found missing (a page for subscribers).
    article = _as_retrieved(article, response, entry)
    if next_page:
        article = replace(article, incomplete=_unread(1, next_page), incomplete_for_good=False)
    unkept = _put_unless_unwritable(
        writer, url, article, _packed(response, wire_gzip), fallback_html
    )
    if unkept:
        # Shown, not kept: its later pages are read and added to it, nothing written
        # (`extend_unkept`); its AMP version is not tried (read into the cache, which this one
        # never reached).
        return Extracted(replace(article, unkept=unkept), next_page=next_page)
    if not next_page:
        # An article's first page is not the article: its AMP one is only tried for a page
        # that is all of it, and gives little.
        little = gave_little(article)
        return Extracted(
            article, amp=amp_url_of(response.body, response.url, response.charset) if little else ""
        )
    from .extract.next_page import one_page_url_of

    one_page = one_page_url_of(response.body, response.url, response.charset)
    return Extracted(article, next_page=next_page, one_page=one_page)


_SHOWN_UNKEPT = frozenset(
    {
        Unwritable.READ_ONLY,
        Unwritable.FILE_READ_ONLY,
        Unwritable.DISK_FULL,
        Unwritable.OLDER_FORMAT,
    }
)
"""Why a store takes no writes for the rest of the session (not one held for a moment:
`Unwritable.BUSY` is waited for, the article then kept)."""


def _put_unless_unwritable(
    writer: Store, url: str, article: Article, packed_page: bytes, fallback_html: str
) -> str:
    """`writer.put_article(...)`, or why the store can't keep it (a read-only directory, a
    full disk: `Unwritable`), for the article to be shown all the same (acc31a F18: the feed's
    text was all a traveller with a full disk got, the site answering). "" once kept."""
    if writer.read_only_tag and not writer.upgrades_at_write:
        # Opened so: nothing tried, so nothing half written (a value's file on a full disk).
        return str(writer.read_only_tag)
    try:
        with whole_write():
            writer.put_article(url, article, packed_page, fallback_html)
    except StoreError as error:
        if error.unwritable not in _SHOWN_UNKEPT:
            raise
        return str(error.unwritable)
    return ""


def renew_for_cache(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    entry: Entry,
) -> Extracted:
    """Worker-side, through `read_page` (the page inflated): the article cached under `url`
    read again, its feed saying `entry` was updated since, and cached in place of the copy
    there (kept as an earlier version when its text changed: `Store.renew_article`; only then
    is the article returned) when the page is still that story (its title shares a word with the headline:
    `portal.relates`; or, in place of another app's copy, its text is the copy's:
    `same_story`), whole and on one page; the first of several pages comes back
    `staged`, for `renewal_page` to add the others to. Anything else (a page that sends on, one that
    gives less than the copy: `_less_than_the_copy`, a login page, another page) leaves the copy
    as it is: Extracted() with no article, `refused` saying why when it was judged so. A page
    that gives nothing raises, as extraction does, and so does one to sign in
    (FetchError(SIGN_IN)): the copy stays then too."""
    from .anchored_entries import points_into
    from .portal import relates
    from .retraction import retraction_of

    if (elsewhere := _not_the_page(url, response)) is not None:
        return elsewhere
    writer = store_in_worker(store)
    fallback_html = writer.feed_html(entry)
    article, next_page = _article_read(url, response, fallback_html, rule, entry)
    cached = writer.article(url)
    if cached is None:
        return Extracted()
    # A page that now says the story was retracted, withdrawn or cut is a copy of it however
    # short: the notice in the story's place, not a page to sign in (acc44c C1).
    retracted, by_feed = retraction_of(cached, article, entry)
    if not retracted and (why := _less_than_the_copy(cached, article)):
        return Extracted(refused=why)
    article = replace(article, retracted=retracted, retracted_by_feed=by_feed)
    # An item pointing into the page (a live blog's entry, `page#block-3`) is headed by its
    # entry ("Update 3: crews on berth 3"), which need share no word with the page's title:
    # the page it was cached as is the one to weigh it by (acc49c C1).
    headline = cached.title if points_into(entry.link) and cached.title else entry.title
    if not relates(headline, article.title) and not _copy_of(cached, article):
        title = safe_line(article.title, 60)
        return Extracted(refused=f"its title, “{title}”, shares no word with the headline")
    article = _as_retrieved(article, response, entry)
    article = _first_issued(cached, article)
    if next_page:
        # Over several pages: the copy is replaced only once every page is in (a page that
        # fails to come leaves it whole); one still missing pages is read on by the sync.
        if cached.incomplete:
            return Extracted()
        return Extracted(next_page=next_page, staged=article, packed=_packed(response, wire_gzip))
    # The copy there is kept as an earlier version when the text changed; a page the same as
    # before only renews the copy, and is no "update" to tell of.
    with whole_write():
        renewed = writer.renew_article(url, article, _packed(response, wire_gzip), fallback_html)
    if not renewed:
        return Extracted()
    return Extracted(article)


# A page read again that gives fewer words than the extractor trusts (`gave_little`) is taken
# in place of a copy that was as short (a council's statement, a court list, a wire flash:
# acc40a M1, their corrections thrown away) when it keeps at least this share of its words; a
# page to sign in or for subscribers in a long story's place gives a fraction of them.
_SHORT_KEPT_RATIO = 0.75


def _less_than_the_copy(cached: Article, article: Article) -> str:
    """Why `article`, a page read again, gives less than the copy `cached` and is not taken
    for it: only part of it (the feed's text standing in, a teaser), or few words of its own
    where the copy had more. "" when it is taken: a short page about as long as a short copy
    is the story corrected, or the same (its title is judged after, as a long one's)."""
    from .extract import gave_little

    if article.stood_in_for == FEED_WHOLE and cached.stood_in_for == FEED_WHOLE:
        # The copy was the feed's full text, the page giving little then as now: the feed's
        # text now is the story as its site tells it, a correction there and all (acc45a A1).
        return ""
    if article.partial:
        return (
            "the page gave little of its own, the feed's text standing in (a page for "
            "subscribers, or one scripts fill?)"
        )
    if not gave_little(article):
        return ""
    words = article.word_count
    if words and not cached.partial and words >= cached.word_count * _SHORT_KEPT_RATIO:
        return ""
    return (
        f"the page gave {words} {article.count_unit} of its own, the copy cached "
        f"{cached.word_count} (a page to sign in or for subscribers in its place?)"
    )


def _first_issued(cached: Article, article: Article) -> Article:
    """`article`, a document read again, dated as first issued: a council's PDF exported again
    with a correction carries a new creation date, which is when it was corrected, not when it
    was published (acc35b F8: the corrected copy was cited as published then). The copy's date
    stays its publication, the new one its update."""
    was, now = cached.published, article.published
    if (
        not article.document  # the copy cached before documents were told may not say so
        or was is None
        or now is None
        or cached.published_by_feed
        or article.published_by_feed
        or now <= was
    ):
        return article
    updated = article.updated if article.updated is not None and article.updated > now else now
    return replace(article, published=was, updated=updated, updated_by_feed=False)


def _copy_of(cached: Article, article: Article) -> bool:
    """`cached` is the copy another app kept (wallabag's) of the story `article` is: by their
    texts, the titles being the app's and the site's, maybe retitled since."""
    from .full_text import article_text
    from .same_story import same_text

    return bool(cached.kept_by) and same_text(article_text(cached), article_text(article))


# Another version of the article (on one page, AMP) is taken for the whole of it only when it
# holds the page read and at least half as much again.
_WHOLE_RATIO = 1.5


def whole_for_cache(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
) -> Extracted:
    """Worker-side: the article cached under `url` (its first page) read instead from the page
    offering it whole, and cached so, when that page is the same article and longer."""
    from .extract import extract_page
    from .extract.next_page import continues

    writer = store_in_worker(store)
    cached = writer.article(url)
    fed = cached.feed_date if cached else None
    page, next_page = extract_page(response.body, response.url, response.charset, "", rule, fed=fed)
    if cached is None or page.partial or not continues(cached, page):
        return Extracted()
    # A site that ignores the request answers with the first page again (its pager and all),
    # or a little more: then the pages are read one by one.
    if next_page or page.word_count < cached.word_count * _WHOLE_RATIO:
        return Extracted()
    article = _read_from_version(page, cached, cached.fetched_at)
    with whole_write():
        writer.put_article(url, article, _packed(response, wire_gzip), writer.fallback_html(url))
    return Extracted(article)


def amp_for_cache(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    entry: Entry | None,
    page_url: str,
) -> Extracted:
    """Worker-side: the article read from the AMP version of its page (at `page_url`), which
    gave little or nothing; cached under `url` in place of what that page gave, when the AMP
    one is the same article, whole, and holds more of its own text (than the feed's, or half
    as much again as the page's)."""
    from .extract import extract_page, gave_little
    from .extract.next_page import continues

    writer = store_in_worker(store)
    fallback_html = writer.feed_html(entry) if entry else writer.fallback_html(url)
    cached = writer.article(url)
    fed = entry.published if entry else cached.feed_date if cached else None
    page, next_page = extract_page(
        response.body, response.url, response.charset, fallback_html, rule, fed=fed
    )
    # What its feed says, for a page that gave nothing to cache: a date the AMP one states
    # none of is the feed's, said so, as for any page.
    known = cached or filled_from(Article(url=page_url), entry)
    # An AMP page with pages of its own is not the article whole: the page's text stays.
    if gave_little(page) or next_page or not continues(known, page):
        return Extracted()
    # A short story's AMP version is that story again, maybe with a "related" box more.
    if (
        cached is not None
        and not cached.partial
        and page.word_count < _WHOLE_RATIO * cached.word_count
    ):
        return Extracted()
    article = _read_from_version(page, known, datetime.now(UTC))
    with whole_write():
        writer.put_article(url, article, _packed(response, wire_gzip), fallback_html)
    return Extracted(article)


def _unread(page: int, next_page: str) -> str:
    """`Article.incomplete` of an article read up to `page`, with `next_page` still to come."""
    return (
        f"the pages after page {page} have not been read yet; the next sync reads on"
        if next_page
        else ""
    )


def extend_for_cache(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    number: int,
    keep: bool = True,
) -> Extracted:
    """Worker-side: page `number` of the article cached under `url`, split over several pages:
    its text added to the article's and its raw page kept after the others. Nothing is added
    when the page turns out to be another article's (another title) or repeats the article.
    Not `keep`: nothing is added either, and `goes_on` says whether it would have been."""
    writer = store_in_worker(store)
    cached = writer.article(url)
    if cached is None:
        return Extracted(cached)
    article, next_page = _page_added(cached, response, rule)
    if article is None:
        return Extracted(cached)
    if not keep:
        return Extracted(cached, goes_on=True)
    article = replace(article, incomplete=_unread(number, next_page))
    with whole_write():
        writer.add_article_page(url, article, response.url, _packed(response, wire_gzip))
    return Extracted(article, next_page=next_page)


def extend_unkept(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    number: int,
    shown: Article,
) -> Extracted:
    """Worker-side: page `number` of an article over several pages that the store can't keep
    (`Article.unkept`: a full disk, a read-only directory), its text added to `shown`, the
    pages read so far; nothing written (`extend_for_cache` adds to the cached copy). Nothing
    is added when the page is another article's or repeats it; `goes_on` when it added."""
    article, next_page = _page_added(shown, response, rule)
    if article is None:
        return Extracted(shown)
    return Extracted(article, next_page=next_page, goes_on=True)


def _page_added(
    article: Article, response: Response, rule: SiteRule | None
) -> tuple[Article | None, str]:
    """`article` with the page `response` holds added after its text, and that page's own
    next page; None for the article when the page is another article's (another title) or
    repeats it."""
    from .extract import extract_page
    from .extract.next_page import append_page, continues

    page, next_page = extract_page(response.body, response.url, response.charset, "", rule)
    if not continues(article, page):
        return None, next_page
    added = append_page(article, page)
    return (None if added is article else added), next_page


def renewal_page(
    url: str,
    response: Response,
    wire_gzip: bytes | None,
    rule: SiteRule | None,
    store: Store | Path,
    staged: Article,
) -> Extracted:
    """Worker-side: a later page of an article over several read again (`renew_for_cache`),
    added to `staged`, the pages before it; nothing is cached until the last is in. A page
    that is another article's, or repeats this one, ends it: Extracted(staged) with no next
    page."""
    from .extract import extract_page
    from .extract.next_page import append_page, continues

    page, next_page = extract_page(response.body, response.url, response.charset, "", rule)
    if not continues(staged, page):
        return Extracted(staged=staged)
    article = append_page(staged, page)
    if article is staged:
        return Extracted(staged=staged)
    return Extracted(next_page=next_page, staged=article, packed=_packed(response, wire_gzip))


def next_page_of(body: bytes, page_url: str, charset: str | None, rule: SiteRule | None) -> str:
    """Worker-side: the address of the page after a kept page, "" when it was the last."""
    from .extract import extract_page

    try:
        return extract_page(body, page_url, charset, "", rule)[1]
    except FetchError:
        return ""


def _read_from_version(page: Article, known: Article, fetched_at: datetime | None) -> Article:
    """`page`, read from another version of the article `known` (the one offering it whole,
    its AMP one), as the article: cited by the article's own address, since "?view=all" or
    "/amp/" is a way of reading it, not its address; `page_url` says where its text came from
    (`read_from`)."""
    return replace(
        filled_from(page, known), url=known.url, page_url=page.url, fetched_at=fetched_at
    )


def check_is_page(response: Response) -> None:
    """Refuse a file (an image, a binary: `sniff.file_kind`; a PDF is read) or a feed where an
    article page was expected, also when the server calls it text/html: decoded as text it would be
    mojibake in the cache (a feed, its items run together under the channel's title)."""
    ctype, body = response.content_type, response.body
    if binary_type(body) == PDF:
        return  # read for its text (`extract.pdf_document`)
    what = file_kind(body, ctype)
    is_feed = False
    if not what and (feed := feed_type(body)) is not None:
        what, is_feed = kind_named(feed, ctype), True
    if not what:
        if ctype in _HTML_TYPES or ctype in _TEXT_TYPES:
            return  # a text one read as text (`extract.plain_text`): a press release, a transcript
        if ctype in UNSAID_TYPES and looks_like_html(body):
            return
        what = safe_line(ctype, 60) or "unknown content"
    raise FetchError(
        ErrorKind.NOT_HTML,
        f"not an article page ({what}); open the original link in a browser",
        response.url,
        feed=is_feed,
    )
