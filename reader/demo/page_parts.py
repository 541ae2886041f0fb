"""What every demo page is made with: text and attributes escaped, a page encoded in its
charset, and the parts the article templates share (the head's metadata, the body with its "Read
also" box and a live blog's entries, the pager, the times, labels and cookie buttons)."""

from __future__ import annotations

import html
import json

from .content import DemoArticle
from .markup import Block, block_html, inline_html, read_also_position
from .sites import SITES, SiteInfo, format_byline_date


def esc(text: str) -> str:
    """Escape text content (quotes stay literal, as most CMSs leave them)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def encode_page(page: str, charset: str) -> bytes:
    # Characters the legacy code page lacks (e.g. « » in KOI8-R) become numeric
    # character references, which is what old CMSs did and what browsers decode.
    return page.encode(charset, errors="xmlcharrefreplace")


# --------------------------------------------------------------------------- shared parts


def _head_meta(article: DemoArticle, base_url: str) -> str:
    """<title>, description, Open Graph, canonical, feed link and optional JSON-LD."""
    site = SITES[article.site]
    url = article.url(base_url)
    published = article.published.isoformat()
    lines = [
        f"<title>{esc(article.title)}{_page_suffix(article)} | {esc(site.name)}</title>",
        f'<meta name="description" content="{attr(article.summary)}">',
        f'<meta name="author" content="{attr(article.author)}">',
        f'<link rel="canonical" href="{attr(url)}">',
        f'<link rel="alternate" type="application/{site.feed_format}+xml" '
        f'title="{attr(site.name)}" href="{attr(base_url + site.feed_path)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{attr(article.title)}">',
        f'<meta property="og:site_name" content="{attr(site.name)}">',
        f'<meta property="og:url" content="{attr(url)}">',
        f'<meta property="og:description" content="{attr(article.summary)}">',
        f'<meta property="article:published_time" content="{published}">',
    ]
    if article.updated:
        lines.append(
            f'<meta property="article:modified_time" content="{article.updated.isoformat()}">'
        )
    lines.extend(f'<meta property="article:tag" content="{attr(tag)}">' for tag in article.tags)
    if article.json_ld or article.built_by_script:
        data = {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting" if article.live else "NewsArticle",
            "headline": article.title,
            "description": article.summary,
            "url": url,
            "mainEntityOfPage": url,
            "author": [{"@type": "Person", "name": article.author}],
            "publisher": {"@type": "Organization", "name": site.name},
            "datePublished": published,
            "dateModified": (article.updated or article.published).isoformat(),
            "keywords": list(article.tags),
            "wordCount": article.word_count,
        }
        if article.built_by_script:
            data["articleBody"] = article.body_text
        if article.live:
            data["coverageStartTime"] = published
        # "</" would end the <script> element early; JSON allows escaping the slash.
        payload = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
        lines.append(f'<script type="application/ld+json">\n{payload}\n</script>')
    return "\n".join(lines)


def _body_with_insert(article: DemoArticle, insert_html: str) -> str:
    """The article body with the "Read also" box dropped between two middle paragraphs; a live
    blog's entries each in an `<article>` of its own, its time and title in a header."""
    after = read_also_position(article.blocks)
    parts: list[str] = []
    in_entry = False
    for i, block in enumerate(article.blocks):
        if block.kind == "entry":
            parts.append("</article>" if in_entry else "")
            parts.append(_entry_start(block, i))
            in_entry = True
        else:
            parts.append(block_html(block))
        if i == after:
            parts.append(insert_html)
    parts.append("</article>" if in_entry else "")
    parts.append(_pager(article))
    return "\n".join(part for part in parts if part)


def _page_suffix(article: DemoArticle) -> str:
    return f" – Page {article.page}" if article.page > 1 else ""


def _pager(article: DemoArticle) -> str:
    """Under a page of an article over several: "Page 2 of 3: 1 2 3 Next page ›"."""
    if not article.page:
        return ""
    count = len(article.pages)
    numbers = " ".join(
        f'<span class="pager-current">{n}</span>'
        if n == article.page
        else f'<a class="pager-page" href="{attr(article.page_path(n))}">{n}</a>'
        for n in range(1, count + 1)
    )
    following = (
        f' <a class="pager-next" href="{attr(article.page_path(article.page + 1))}">Next page ›</a>'
        if article.page < count
        else ""
    )
    return (
        f'<nav class="pager" aria-label="Pages">Page {article.page} of {count}: '
        f"{numbers}{following}</nav>"
    )


def _entry_start(block: Block, number: int) -> str:
    shown, *title = block.lines
    heading = f'<h2 class="live-entry__title">{inline_html(title[0])}</h2>' if title else ""
    return (
        f'<article class="live-entry" id="entry-{number}"><header class="live-entry__header">'
        f'<time class="live-entry__time" datetime="{attr(block.src)}">{esc(shown)}</time>'
        f"{heading}</header>"
    )


def _time(article: DemoArticle, which: str = "published") -> str:
    when = article.updated if which == "updated" and article.updated else article.published
    return (
        f'<time datetime="{when.isoformat()}">{esc(format_byline_date(article.site, when))}</time>'
    )


def _label(site: SiteInfo, article: DemoArticle, css: str) -> str:
    key = article.display_label
    return f'<span class="{css}">{esc(site.label_text(key))}</span> ' if key else ""


def _cookie_buttons(site: SiteInfo, css: str) -> str:
    return "".join(
        f'<button type="button" class="{css}">{esc(label)}</button>'
        for label in site.cookie_buttons
    )
