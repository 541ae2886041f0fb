"""What a page says of itself, read before cleanup drops the parts that say it: its metadata
(JSON-LD, `<meta>`), the body its JSON-LD declares, the outlet its header box names, the lines its
style sets right, a match's scoreboard, its authors' roles, the paywall it declares. The first
stage of `extract_page`, which also tidies the headline and the boxes beside it before they are
read (permalinks, labels, a layout in `<font>`), and drops an endless-scroll page's next story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lxml.html import HtmlElement

from ..models import Block
from .abstract_page import lay_out_abstract_page
from .author_roles import author_roles
from .credit_line import right_set_lines
from .date_agreement import dated_address
from .declared_body import declared_body_html
from .font_headline import mark_font_headline
from .heading_parts import spaced_heading_separators, subtitle_out_of_headline
from .info_lines import headline_info_source
from .json_ld import json_ld_objects
from .kickers import without_headline_labels
from .link_menus import without_link_columns
from .live_blog import declares_live_blog
from .metadata import Metadata, extract_metadata
from .next_story import without_next_stories
from .page_cleanup import without_heading_permalinks
from .paywall import Paywall, read_paywall
from .scoreboard import scoreboard_line
from .script_data import script_data
from .syndication import declared_outlet


@dataclass(frozen=True)
class Declarations:
    """The page's words about itself, read from its tree as parsed."""

    json_ld: list[dict[str, Any]]
    meta: Metadata
    declared: str
    """The `articleBody` its JSON-LD declares, as HTML; "" when none."""
    headline_source: str
    """The outlet its header box or JSON-LD names as the story's source."""
    live_blog: bool
    right_set: frozenset[str]
    """The lines its style sets right: a closing signature."""
    scoreboard: Block | None
    roles: list[tuple[str, str]]
    paywall: Paywall
    script_data: tuple[str, ...] = ()
    """The texts of its scripts' data (Next.js's `__NEXT_DATA__`…), read only when its HTML
    gives little (`script_data`)."""
    address_day: date | None = None
    """The day the page's address names ("/2026/11/23/…"), its date where it states none
    else (`date_agreement.dated_address`)."""


def read_declarations(doc: HtmlElement, url: str, fed: datetime | None = None) -> Declarations:
    """What `doc` (the page at `url`) declares, before anything cleans it; `fed`, the date the
    item's feed gives it, weighs its dates (`metadata.extract_metadata`)."""
    # Before the headline is read from the page's `h1`.
    without_heading_permalinks(doc)
    spaced_heading_separators(doc)
    subtitle_out_of_headline(doc)
    # Before the headline and byline are read: an old layout's are set in <font> and <i>.
    mark_font_headline(doc)
    without_headline_labels(doc)
    without_link_columns(doc)
    # Read before `prepare` removes the scripts that hold it.
    json_ld = json_ld_objects(doc)
    meta = extract_metadata(doc, url, json_ld, fed)
    # Before anything else reads the body: an endless-scroll page's next story is not this
    # page's (its byline, its wall, its body).
    without_next_stories(doc, (meta.title, doc.findtext(".//title") or ""), meta.canonical_url)
    declared = declared_body_html(json_ld)
    # Before cleanup, which may drop the header box that names it.
    headline_source = headline_info_source(doc) or declared_outlet(doc, json_ld, meta.site_name)
    live_blog = declares_live_blog(json_ld)
    # Before cleanup, which drops the styles that set a closing signature right.
    right_set = right_set_lines(doc)
    # Before cleanup, which drops the match's header box with the page's others.
    headline = doc.find(".//h1")
    scoreboard = scoreboard_line(
        doc,
        " ".join(
            (
                doc.findtext(".//title") or "",
                meta.title,
                headline.text_content() if headline is not None else "",
            )
        ),
    )
    # Before cleanup, which drops the particulars' table by its names ("metatable").
    lay_out_abstract_page(doc)
    # Before cleanup, which drops the byline box that gives them.
    roles = author_roles(doc, meta.author)
    # Before cleanup, which drops the paywalled part it names (a "paywall" box is furniture).
    paywall = read_paywall(json_ld, doc)
    return Declarations(
        json_ld,
        meta,
        declared,
        headline_source,
        live_blog,
        right_set,
        scoreboard,
        roles,
        paywall,
        # Before `prepare` removes the scripts that hold it.
        script_data(doc),
        dated_address((url, meta.canonical_url), fed),
    )
