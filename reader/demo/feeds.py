"""RSS 2.0 and Atom documents for the demo publications.

Built as text rather than with ElementTree so the output is byte-for-byte stable
(attribute order, namespaces, indentation), which keeps ETags and snapshots stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from .content import NON_ARTICLE_LINKS, articles_for_site
from .sites import SITES, SiteInfo


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: an article or a non-article link such as the PDF."""

    key: str  # stable id fragment (slug or path)
    title: str
    path: str
    author: str
    published: datetime
    updated: datetime | None
    summary: str
    tags: tuple[str, ...]
    enclosure_type: str | None = None
    enclosure_length: int = 0


def feed_entries(site_key: str, enclosure_sizes: dict[str, int] | None = None) -> list[FeedEntry]:
    """Everything a site's feed lists, newest first."""
    sizes = enclosure_sizes or {}
    entries = [
        FeedEntry(a.slug, a.title, a.path, a.author, a.published, a.updated, a.summary, a.tags)
        for a in articles_for_site(site_key)
    ]
    entries.extend(
        FeedEntry(
            link.path,
            link.title,
            link.path,
            link.author,
            link.published,
            None,
            link.summary,
            link.tags,
            enclosure_type=link.content_type,
            enclosure_length=sizes.get(link.path, 0),
        )
        for link in NON_ARTICLE_LINKS
        if link.site == site_key
    )
    entries.sort(key=lambda e: e.published, reverse=True)
    return entries


def last_modified(entries: Sequence[FeedEntry]) -> datetime:
    return max(e.updated or e.published for e in entries)


def build_feed(site_key: str, base_url: str, entries: Sequence[FeedEntry]) -> bytes:
    site = SITES[site_key]
    builder = _build_atom if site.feed_format == "atom" else _build_rss
    return builder(site, base_url.rstrip("/"), entries).encode("utf-8")


def _build_rss(site: SiteInfo, base: str, entries: Sequence[FeedEntry]) -> str:
    items = []
    for e in entries:
        link = base + e.path
        # The Gazette uses permalink GUIDs, the Vestnik opaque ones: both occur in the wild.
        if site.key == "gazette":
            guid = f'<guid isPermaLink="true">{escape(link)}</guid>'
        else:
            guid = f'<guid isPermaLink="false">vestnik-{escape(e.key)}</guid>'
        lines = [
            "    <item>",
            f"      <title>{escape(e.title)}</title>",
            f"      <link>{escape(link)}</link>",
            f"      {guid}",
            f"      <pubDate>{format_datetime(e.published)}</pubDate>",
            f"      <dc:creator>{escape(e.author)}</dc:creator>",
            f"      <description>{escape(e.summary)}</description>",
        ]
        lines.extend(f"      <category>{escape(tag)}</category>" for tag in e.tags)
        if e.enclosure_type:
            lines.append(
                f'      <enclosure url={quoteattr(link)} length="{e.enclosure_length}" '
                f"type={quoteattr(e.enclosure_type)}/>"
            )
        lines.append("    </item>")
        items.append("\n".join(lines))
    self_url = base + site.feed_path
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{escape(site.name)}</title>
    <link>{escape(base + site.front_path)}</link>
    <description>{escape(site.description)}</description>
    <language>{site.language.lower()}</language>
    <atom:link href={quoteattr(self_url)} rel="self" type="application/rss+xml"/>
    <lastBuildDate>{format_datetime(last_modified(entries))}</lastBuildDate>
    <ttl>30</ttl>
{chr(10).join(items)}
  </channel>
</rss>
"""


def _build_atom(site: SiteInfo, base: str, entries: Sequence[FeedEntry]) -> str:
    items = []
    for e in entries:
        link = base + e.path
        lines = [
            "  <entry>",
            f"    <id>tag:northwind.example,2026:article/{escape(e.key)}</id>",
            f'    <title type="text">{escape(e.title)}</title>',
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"    <published>{e.published.isoformat()}</published>",
            f"    <updated>{(e.updated or e.published).isoformat()}</updated>",
            f"    <author><name>{escape(e.author)}</name></author>",
            f'    <summary type="text">{escape(e.summary)}</summary>',
        ]
        lines.extend(f"    <category term={quoteattr(tag)}/>" for tag in e.tags)
        lines.append("  </entry>")
        items.append("\n".join(lines))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.language.lower()}">
  <title>{escape(site.name)}</title>
  <subtitle>{escape(site.description)}</subtitle>
  <link rel="alternate" type="text/html" href={quoteattr(base + site.front_path)}/>
  <link rel="self" type="application/atom+xml" href={quoteattr(base + site.feed_path)}/>
  <id>tag:northwind.example,2026:feed</id>
  <updated>{last_modified(entries).isoformat()}</updated>
  <generator>reader demo</generator>
{chr(10).join(items)}
</feed>
"""
