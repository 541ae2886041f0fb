"""Article metadata from the page's own declarations: `<meta>`, OpenGraph, JSON-LD, `<time>`.

The declarations come first because they are what the publisher meant; the visible text (an
`h1`, a byline element) is the fallback.
The JSON-LD objects and their types are read in json_ld.py; the authors the `<meta>` tags
declare, in declared_authors.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from ..safe import safe_line
from ..text_shape import one_line
from ..urls import absolute_url, canonical_url
from .article_dates import article_dates
from .author_names import (
    chosen_authors,
    dublin_core_name,
    split_declared_names,
    without_staff_role,
)
from .byline import page_byline
from .byline_names import clean_byline
from .declared_authors import (
    _AUTHOR_METAS,
    _DUBLIN_CORE_AUTHORS,
    _declared_names,
    _is_name,
    _joined_names,
    _profile_owner,
    _scholarly_authors,
)
from .document import base_url
from .json_ld import (
    _dereferenced,
    _described,
    _names,
    _organizations,
    json_ld_objects,
    podcast_series,
    the_article,
    whole_characters,
)
from .lead_image import lead_image
from .marked_times import of_another_item
from .site_names import site_name_alone, site_name_of_title
from .title import article_title
from .zone_country import dates_language


def _no_elements() -> HtmlElement:
    """A page of no elements: what `article_dates` reads of one then is its declarations."""
    return lxml.html.fromstring("<html><body></body></html>")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    author: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    site_name: str = ""
    language: str = ""
    canonical_url: str = ""
    image_url: str = ""
    description: str = ""
    # The podcast the page is an episode of ("High Country"): the citation names it.
    podcast: str = ""
    # The page declares itself a video (`og:type` "video.other", "video.episode"…).
    video: bool = False
    # The author is an organisation or a channel (`Article.corporate_author`).
    corporate_author: bool = False
    # The page names the profile it is of (`profile:username`, a Mastodon post's).
    profile_named: bool = False
    # The language the article's datelines are read in: `language`, given the country the
    # page says it is of otherwise when it names none (`zone_country.dates_language`).
    dates_language: str = ""
    declared_dates: tuple[datetime | None, datetime | None] = (None, None)
    """The publication and update the page declares of itself (`<meta>`, JSON-LD), without the
    times its elements and lines mark: all a section front's own, whose `<time>`s are its
    teasers' stories'."""


# Past this many, a page's authors are cut to the first and the last (a citation names at
# most the first nineteen and the last, APA's rule): a physics paper's thousands, or a hostile
# page's 10,000, made each step over them slow.
_MOST_AUTHORS = 100


def _author_links(doc: HtmlElement) -> list[HtmlElement]:
    """The page's links marked as its writer's (`rel="author"`)."""
    return [a for a in doc.iter("a") if "author" in (a.get("rel") or "").lower().split()]


def _most_authors(names: list[str]) -> list[str]:
    return names if len(names) <= _MOST_AUTHORS else [*names[: _MOST_AUTHORS - 1], names[-1]]


def _meta_values(doc: HtmlElement) -> dict[str, list[str]]:
    """The page's `<meta>` values by lower-case name, in page order, "." read as ":"
    (`DC.creator` is `dc:creator`). A `property` lists names apart by spaces
    (`property="dc:creator og:title"`) and wins over a `name` or `itemprop` of the same name: it
    is the declaration RDFa and OpenGraph define. An element's `itemprop` counts too when it has
    a `property` (the New York Times' `property="article:published"
    itemprop="datePublished"`). A name may be repeated: one `dc:creator` per author."""
    by_property: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for el in doc.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        properties = el.get("property", "").split()
        # Beside a property, an itemprop is schema.org's name for the same value; a `name`
        # there is left unread, as it always was.
        named = el.get("itemprop") if properties else el.get("name") or el.get("itemprop")
        if not properties and not el.get("name") and of_another_item(el):
            # Microdata alone: a `datePublished` of the story's video is not the story's.
            named = ""
        for keys, found in ((properties, by_property), ([named or ""], by_name)):
            for key in keys:
                key = key.strip().lower().replace(".", ":")
                if key:
                    found.setdefault(key, []).append(content)
    return by_name | by_property


def _meta(values: dict[str, list[str]]) -> dict[str, str]:
    """The first value of each name: most names are declared once, and a repeat is a copy."""
    return {key: found[0] for key, found in values.items()}


def _image(value: Any) -> str:
    """A JSON-LD `image`: an address, an ImageObject, or a list of either."""
    if isinstance(value, list):
        return next((url for v in value if (url := _image(v))), "")
    if isinstance(value, dict):
        return _first(value.get("url"), value.get("contentUrl"))
    return _first(value)


def _first(*values: Any) -> str:
    for v in values:
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


def _ld_title(ld: dict[str, Any], page_title: str, doc: HtmlElement) -> str:
    """JSON-LD's `headline`, or its `name` when that is what the page's <title> or a heading
    says (Wikipedia's headline is "Wikimedia list article", its name the list's title)."""
    headline, name = _first(ld.get("headline")), _first(ld.get("name"))
    if name and headline and name != headline:
        said = " ".join(page_title.split()).casefold()
        headings = {" ".join(h.text_content().split()).casefold() for h in doc.iter("h1", "h2")}
        if name.casefold() in headings or said.startswith(name.casefold()):
            return name
    return headline


def _parsely_page(meta: dict[str, str]) -> dict[str, Any]:
    """parse.ly's `<meta name="parsely-page" content='{"title": …, "pub_date": …}'>`."""
    try:
        value = json.loads(whole_characters(meta.get("parsely-page", "")))
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _http_equiv_language(doc: HtmlElement) -> str:
    """The language `<meta http-equiv="content-language" content="de">` gives: the first of
    the list the header it stands for may give ("de, en")."""
    for el in doc.iter("meta"):
        if (el.get("http-equiv") or "").strip().casefold() == "content-language":
            return (el.get("content") or "").split(",")[0].strip()
    return ""


def _ld_address(ld: dict[str, Any]) -> str:
    """The address the JSON-LD article gives itself: its `mainEntityOfPage` (an address, or
    a WebPage's @id or url), else its `url`."""
    for value in (ld.get("mainEntityOfPage"), ld.get("url")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _canonical(doc: HtmlElement, url: str, meta: dict[str, str], ld: dict[str, Any]) -> str:
    """The page's canonical address; its og:url instead when the canonical link names the
    page's own AMP copy (the `rel=amphtml` address), as a misconfigured site does, or when
    there is no canonical link or, on a page read without its address, only a relative one.
    A canonical link the page's JSON-LD contradicts, giving as the story's own the address it
    was read at, is passed over for that address: a CMS's canonical naming the section front
    or another story, on every page, sent a citation's readers there (acc27a A30)."""
    hrefs = doc.xpath('//link[@rel="canonical"]/@href')
    canonical = absolute_url(url, hrefs[0]) if hrefs else ""
    og_url = absolute_url(url or canonical, meta["og:url"]) if meta.get("og:url") else ""
    if not canonical:
        return og_url
    declared = _ld_address(ld)
    if url and declared:
        own = canonical_url(absolute_url(url, declared))
        if own == canonical_url(url) != canonical_url(canonical):
            return absolute_url(url, declared)
    amp = {
        canonical_url(absolute_url(url or canonical, h))
        for h in doc.xpath('//link[@rel="amphtml"]/@href')
    }
    if canonical_url(canonical) in amp and og_url and canonical_url(og_url) not in amp:
        return og_url
    return canonical


def _site_named_as_author(
    doc: HtmlElement,
    titles: list[str],
    url: str,
    declared: list[str],
    byline: list[str],
    page_title: str,
) -> str:
    """The site's name a `<title>` ends with ("… | The Harbourton Courier") that the page's
    `<meta name="author">` declares too, beside a byline naming a writer: a CMS's author tag
    naming the paper, which `chosen_authors` leaves out for the byline's writer, is then the
    site's name, not a person's; read as a writer's, it took the citation's Source away
    (acc39a L5)."""
    if not declared or not byline:
        return ""
    cited = chosen_authors(declared, byline, [], page_title)
    if set(cited) == set(declared):
        return ""
    return site_name_of_title(doc, titles, url, [*cited, *byline])


def extract_metadata(
    doc: HtmlElement,
    url: str,
    json_ld: list[dict[str, Any]] | None = None,
    fed: datetime | None = None,
) -> Metadata:
    """Read the metadata of the page `doc` (the whole page, before any cleaning); `json_ld`,
    its `json_ld_objects` when they are already read; `fed`, the date the item's feed gives
    it, a witness between the page's dates when they disagree (`article_dates`)."""
    meta_values = _meta_values(doc)
    meta = _meta(meta_values)
    objects = json_ld_objects(doc) if json_ld is None else json_ld
    ld = the_article(objects)
    described = _described(objects)
    publisher = _dereferenced(ld.get("publisher"), described)
    # schema.org lets a publisher be named by its name alone ("publisher": "Harbour Times").
    publisher = {"name": publisher} if isinstance(publisher, str) else publisher
    publisher = publisher if isinstance(publisher, dict) else {}
    parsely = _parsely_page(meta)
    declared_site = _first(
        meta.get("og:site_name"),
        *_names(publisher),
        meta.get("application-name"),
        # Dublin Core's, which library, court and government pages declare alone.
        meta.get("dc:publisher"),
        meta.get("dcterms:publisher"),
    )
    title_el = doc.find(".//title")
    page_title = title_el.text_content() if title_el is not None else ""
    titles = [one_line(t) for t in (page_title, meta.get("og:title", "")) if t]
    # An address (a writer's page on the site) names nobody, in JSON-LD as in a `<meta>`; nor
    # does the site named as an Organization (the BBC's author is "BBC News"): the Source says
    # it, and a byline or a `<meta>` may name the writer.
    ld_authors = _dereferenced(ld.get("author"), described)
    the_site = {n.casefold() for n in (declared_site, *_names(publisher)) if n}
    organizations = set(_organizations(ld_authors))
    authors = [
        a
        for a in _most_authors(_names(ld_authors))
        if _is_name(a) and not (a in organizations and a.casefold() in the_site)
    ]
    # Each author may have a `<meta>` of their own; an address (Facebook's article:author) names
    # nobody.
    declared_authors = [
        [
            dublin_core_name(n) if key in _DUBLIN_CORE_AUTHORS else n
            for n in meta_values.get(key, [])
        ]
        for key in _AUTHOR_METAS
    ]
    # A paper's tags list all its authors in order, where an `author` meta often names one.
    declared_authors.insert(0, _scholarly_authors(meta_values))
    declared_authors.insert(-1, _names(parsely.get("author")))
    declared_authors.append(_profile_owner(meta))
    meta_authors = next(
        (named for names in declared_authors if (named := [a for a in names if _is_name(a)])), []
    )
    # The names the page gives besides JSON-LD's, to weigh those against the byline's
    # (`chosen_authors`): its `<meta>`'s, its links to a writer's page marked rel="author".
    seconded = (
        [*meta_authors, *(one_line(a.text_content()) for a in _author_links(doc))]
        if authors
        else []
    )
    authors = _most_authors(authors or meta_authors)
    byline = page_byline(doc)
    # A journal's (or a proceedings') name: the Source of a paper whose page names no site.
    journal = one_line(
        _first(meta.get("citation_journal_title"), meta.get("citation_conference_title"))
    )
    site_name = (
        site_name_alone(
            one_line(declared_site),
            [*_names(publisher), *(h.lstrip("@") for h in meta_values.get("twitter:site", []))],
            titles,
            url,
        )
        or journal
        or site_name_of_title(doc, titles, url, [*authors, *byline])
        or _site_named_as_author(doc, titles, url, authors, byline, page_title)
    )
    title = article_title(
        doc,
        [
            meta.get("dc:title"),
            meta.get("dcterms:title"),
            meta.get("citation_title"),
            meta.get("og:title"),
            _ld_title(ld, page_title, doc),
            meta.get("twitter:title"),
            meta.get("parsely-title"),
            _first(parsely.get("title")),
        ],
        page_title,
        # The name as declared, slogan and all, is the site's too: its titles may say it whole.
        [
            name
            for name in (
                site_name,
                declared_site,
                journal,
                meta.get("twitter:site", "").lstrip("@"),
            )
            if name
        ],
        url,
        frozenset(t for t in (meta.get("og:title"), meta.get("twitter:title")) if t),
    )

    # A declared name may still say "By Ana Ruiz"; the page's byline is the fallback, and more
    # than that where it names more writers, or a person where the declaration names the site.
    # A declared string naming two writers ("Anna Krüger und Jens Meyer") is split as a
    # byline's is; an Organization's name stays whole ("Department of Health and Social Care").
    organizations = set(_organizations(ld_authors))
    sites = [site_name, declared_site, *_names(publisher)]
    authors = [
        name
        for a in authors
        for name in ([a] if a in organizations else _declared_names(without_staff_role(a, sites)))
    ]
    authors = chosen_authors(
        [
            name
            for a in authors
            for name in (
                [clean_byline(a) or a]
                if a in organizations
                else split_declared_names(clean_byline(a) or a)
            )
        ],
        byline,
        [
            site_name,
            declared_site,
            *_names(publisher),
            *(h.lstrip("@") for h in meta_values.get("twitter:site", [])),
            *_organizations(ld_authors),
            journal,
        ],
        page_title,
        seconded,
    )

    # GOV.UK names the department or agency that issued the page, which no other tag names.
    issuer = one_line(meta.get("govuk:primary-publishing-organisation", ""))
    authors = authors or ([issuer] if issuer else [])
    # Cited as written: organisations only, or a video page's channel, which its feed names
    # (the page naming no one: the uploader is who a video is cited by, as its account is
    # called; acc49b B4).
    corporate = all(a in organizations or a == issuer for a in authors) if authors else False
    corporate = corporate or (not authors and meta.get("og:type", "").startswith("video"))

    html = doc if doc.tag == "html" else doc.find(".//html")
    language = _first(
        html.get("lang") if html is not None else None,
        html.get("xml:lang") if html is not None else None,  # XHTML 1.1 has no lang
        ld.get("inLanguage"),
        meta.get("citation_language"),
        meta.get("og:locale"),
        meta.get("content-language"),
        _http_equiv_language(doc),
        # Dublin Core's, the last resort: library and archive pages declare it on every page.
        meta.get("dc:language"),
        meta.get("dcterms:language"),
    ).replace("_", "-")
    canonical = _canonical(doc, url, meta, ld)
    # The language the datelines are read in: a bare "en" given the country the page says it
    # is of otherwise, which an "IST" or "GST" needs (The Hindu's lang="en").
    dates_in = dates_language(
        language,
        [meta.get("og:locale", ""), meta.get("content-language", ""), _http_equiv_language(doc)],
        [url, canonical],
        [site_name, declared_site],
        [
            *(str(v) for v in (ld.get("datePublished"), ld.get("dateModified")) if v),
            *(meta.get(k, "") for k in ("article:published_time", "article:modified_time")),
            *doc.xpath("//time/@datetime"),
        ],
    )
    addresses = (url, canonical)
    published, updated = article_dates(doc, meta, ld, parsely, dates_in, addresses, fed)
    declared_dates = article_dates(_no_elements(), meta, ld, parsely, dates_in, addresses, fed)
    page = base_url(doc, url or canonical)
    image = _first(
        meta.get("og:image"),
        meta.get("og:image:url"),
        meta.get("og:image:secure_url"),
        meta.get("twitter:image"),
        meta.get("twitter:image:src"),
        _image(ld.get("image")),
    )
    return Metadata(
        title=safe_line(title, 500),
        author=safe_line(_joined_names(authors), 300),
        published=published,
        updated=updated,
        site_name=safe_line(site_name, 200),
        podcast=safe_line(podcast_series(objects, described), 200),
        video=meta.get("og:type", "").strip().lower().startswith("video"),
        corporate_author=corporate,
        profile_named=bool(meta.get("profile:username", "").strip()),
        language=safe_line(language, 20),
        dates_language=dates_in,
        declared_dates=declared_dates,
        canonical_url=canonical,
        # Against the page's <base href> first, as a browser reads it and as the text's
        # pictures are: the lead picture fetched was another than the one shown (acc41b B5).
        image_url=absolute_url(page, image) if image else lead_image(doc, page),
        description=safe_line(
            _first(
                meta.get("og:description"), meta.get("description"), meta.get("twitter:description")
            ),
            1000,
        ),
    )
