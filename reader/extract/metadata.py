"""Article metadata from the page's own declarations: `<meta>`, OpenGraph, JSON-LD, `<time>`.

The declarations come first because they are what the publisher meant; the visible text (an
`h1`, a byline element) is the fallback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml.html import HtmlElement

from ..dates import parse_datetime
from ..safe import safe_line
from ..urls import absolute_url


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


def _meta(doc: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def _json_ld(doc: HtmlElement) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for el in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                objects.append(item)
    return objects


_ARTICLE_TYPES = (
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "TechArticle",
    "WebPage",
    "Report",
)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str))


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _first(*values: Any) -> str:
    for v in values:
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


_WORD = re.compile(r"\w+")
# Between a headline and the site's name in a <title>: "Headline | Site", "Site - Headline".
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·»]\s+")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _headline(doc: HtmlElement, page_title: str) -> str:
    """The page's headline as its headings say it: a heading that is the <title> (or the part
    of it beside the site's name), else the first `h1` made of the <title>'s words, else the
    first `h1`. A heading that repeats the <title> beats an `h1` that names the site's section
    ("Allergies Health Center" over the story's "Babies Who Eat Peanuts…" in an `h2`)."""
    parts = {_norm(page_title)} | {
        _norm(part) for part in _TITLE_SEPARATOR.split(page_title) if len(part.split()) >= 3
    }
    parts.discard("")
    for heading in doc.iter("h1", "h2", "h3"):
        if _norm(heading.text_content()) in parts:
            return heading.text_content()
    title_words = set(_WORD.findall(page_title.casefold()))
    first = ""
    for h1 in doc.iter("h1"):
        text = h1.text_content()
        words = _WORD.findall(text.casefold())
        if not words:
            continue
        first = first or text
        if sum(w in title_words for w in words) >= 0.5 * len(words):
            return text
    return first


def extract_metadata(doc: HtmlElement, url: str) -> Metadata:
    """Read the metadata of the page `doc` (the whole page, before any cleaning)."""
    meta = _meta(doc)
    ld = next((o for o in _json_ld(doc) if _is_article(o)), {})
    publisher = ld.get("publisher") if isinstance(ld.get("publisher"), dict) else {}

    title_el = doc.find(".//title")
    page_title = title_el.text_content() if title_el is not None else ""
    title = _first(
        meta.get("og:title"),
        ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        meta.get("twitter:title"),
        _headline(doc, page_title),
        page_title,
    )

    authors = _names(ld.get("author"))
    meta_author = _first(
        meta.get("author"),
        meta.get("article:author"),
        meta.get("dc.creator"),
        meta.get("parsely-author"),
        meta.get("sailthru.author"),
    )
    if meta_author and not meta_author.startswith(("http://", "https://")):
        authors = authors or [meta_author]
    if not authors:
        byline = doc.xpath(
            '(//*[@rel="author"] | //*[contains(concat(" ", normalize-space(@class), " "), " author ")]'
            ' | //*[contains(concat(" ", normalize-space(@class), " "), " byline ")])[1]'
        )
        if byline:
            text = safe_line(byline[0].text_content(), 200)
            authors = [text[3:] if text.lower().startswith("by ") else text]

    time_el = doc.xpath("//time[@datetime]")
    published = (
        parse_datetime(meta.get("article:published_time"))
        or parse_datetime(
            ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None
        )
        or parse_datetime(
            _first(
                meta.get("date"),
                meta.get("pubdate"),
                meta.get("dc.date"),
                meta.get("dc.date.issued"),
                meta.get("datepublished"),
            )
        )
        or (parse_datetime(time_el[0].get("datetime")) if time_el else None)
    )
    updated = parse_datetime(meta.get("article:modified_time")) or parse_datetime(
        ld.get("dateModified") if isinstance(ld.get("dateModified"), str) else None
    )

    html = doc if doc.tag == "html" else doc.find(".//html")
    language = _first(
        html.get("lang") if html is not None else None,
        ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None,
        meta.get("og:locale"),
        meta.get("content-language"),
    ).replace("_", "-")

    canonical = doc.xpath('//link[@rel="canonical"]/@href')
    image = _first(
        meta.get("og:image"),
        meta.get("twitter:image"),
        ld.get("image") if isinstance(ld.get("image"), str) else None,
    )
    return Metadata(
        title=safe_line(title, 500),
        author=safe_line(", ".join(dict.fromkeys(a.strip() for a in authors if a.strip())), 300),
        published=published,
        updated=updated,
        site_name=safe_line(
            _first(meta.get("og:site_name"), *_names(publisher), meta.get("application-name")), 200
        ),
        language=safe_line(language, 20),
        canonical_url=absolute_url(url, canonical[0]) if canonical else "",
        image_url=absolute_url(url, image) if image else "",
        description=safe_line(
            _first(
                meta.get("og:description"), meta.get("description"), meta.get("twitter:description")
            ),
            1000,
        ),
    )
