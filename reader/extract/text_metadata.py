"""What the article's own lines say of it, where the page declares less: the dates of a line under
the headline or of a closing row, the outlet a portal's info line names, the byline in the text,
a wire story's reporters, a signature set right. The stage of `extract_page` after the body is
chosen: it reads these lines and takes the ones that only said so out of the text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..dates import on_date
from ..models import Block
from .article_dates import update_in_publications_zone
from .author_names import without_the_site
from .closing_rows import closing_line_dates
from .credit_line import credited_authors, signed_authors
from .header_lines import header_line_dates, header_source, without_header_lines
from .metadata import Metadata
from .page_declarations import Declarations
from .print_page import byline_lines_apart
from .syndication import syndicated
from .wire_ledes import wire_credit, wire_reporters


def _live_updated(
    published: datetime | None, updated: datetime | None, latest_entry: datetime | None
) -> datetime | None:
    """When a live blog was last updated: its latest entry's time, unless the page declares a
    later one (a correction to an entry) or the entry is older than the page's publication.
    Most declare only when the coverage began, and a citation without the time of the last
    entry read does not say which state of it is meant."""
    if latest_entry is None or any(
        known is not None and known >= latest_entry for known in (published, updated)
    ):
        return updated
    return latest_entry


def with_text_metadata(
    blocks: tuple[Block, ...],
    meta: Metadata,
    page: Declarations,
    latest_entry: datetime | None,
) -> tuple[tuple[Block, ...], Metadata]:
    """`blocks` without the lines that only gave the article's dates or byline, and `meta` with
    what the lines say that the page declared no better; `latest_entry` a live blog's."""
    blocks = byline_lines_apart(blocks)
    published, updated = header_line_dates(
        blocks, meta.author, meta.published, meta.updated, meta.dates_language
    )
    published, updated = closing_line_dates(blocks, published, updated, meta.dates_language)
    # Last, the address's day: the markup and the lines of the text date the story more fully,
    # to its time. An update before that day says the address is no publication's date.
    day = page.address_day
    if published is None and day is not None and (updated is None or updated.date() >= day):
        published = on_date(day)
    updated = update_in_publications_zone(published, updated)
    meta = replace(
        meta, published=published, updated=_live_updated(published, updated, latest_entry)
    )
    # A Chinese portal's info line names the source ("来源：新闻网") a page may declare nowhere;
    # a portal republishing another outlet's story names that outlet so (Sohu's "来源: 杭州日报"
    # under the headline), which wrote what the portal's own name alone would be cited for.
    outlet = header_source(blocks) or page.headline_source
    meta = replace(meta, site_name=syndicated(outlet, meta.site_name))
    blocks, author = without_header_lines(blocks, meta.author, meta.published, meta.updated)
    if author != meta.author:
        # A byline line of the text names the site's desk as a declared one does: g1's "Por
        # Pedro Ferreira, g1 Minas" is Pedro Ferreira's.
        author = without_the_site(author, [meta.site_name], "")
    # A wire story with no byline names its reporters in its lede ("(서울=연합뉴스) 이수진
    # 기자 = …") or at its end ("Reporting by …"); VnExpress signs its last line.
    meta = replace(
        meta,
        author=author
        or wire_reporters(blocks)
        or credited_authors(blocks)
        or signed_authors(blocks, page.right_set),
    )
    # A portal declaring the agency its author: the lede's reporters wrote it.
    author, source = wire_credit(blocks, meta.author, meta.site_name)
    return blocks, replace(meta, author=author, site_name=source)
