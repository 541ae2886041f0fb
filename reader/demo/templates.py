"""HTML page templates for the three demo publications, plus index, front and 404 pages.

The three article templates deliberately differ in markup and class names (an
``<article>``-based newspaper, a ``div.story-body`` tech site and an old-school layout of
nested ``div``s with ids), so an extractor cannot be tuned to a single layout.  Each one
carries the boilerplate a real news page has: navigation, cookie banner, share buttons,
an in-body "Read also" box, tags, a "latest news" sidebar, a newsletter box and a footer.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence

from .content import (
    NON_ARTICLE_LINKS,
    DemoArticle,
    articles_for_site,
    latest_headlines,
    read_also,
    tag_href,
)
from .markup import Block, block_html, inline_html, read_also_position
from .sites import SITE_ORDER, SITES, SiteInfo, format_byline_date


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


# --------------------------------------------------------------------------- The Harbour Gazette


def _gazette_page(article: DemoArticle, base_url: str) -> str:
    site = SITES["gazette"]
    url = article.url(base_url)
    nav = "\n".join(
        f'<li class="gz-nav__item"><a href="{attr(href)}">{esc(label)}</a></li>'
        for label, href in site.nav
    )
    related = "\n".join(
        f'<li><a href="{attr(a.path)}">{esc(a.title)}</a></li>' for a in read_also(article)
    )
    insert = (
        '<aside class="gz-read-also" aria-label="Related stories">\n'
        f'<h4 class="gz-read-also__title">{esc(site.read_also_heading)}</h4>\n'
        f"<ul>\n{related}\n</ul>\n</aside>"
    )
    share = "\n".join(
        f'<a class="gz-share__btn" href="#share-{i}" data-url="{attr(url)}">{esc(label)}</a>'
        for i, label in enumerate(site.share_labels)
    )
    tags = "\n".join(
        f'<li><a rel="tag" href="{attr(tag_href("gazette", t))}">{esc(t)}</a></li>'
        for t in article.tags
    )
    latest = "\n".join(
        f'<li class="gz-latest__item"><span class="gz-latest__time">{a.published:%H:%M}</span> '
        f"{_label(site, a, 'gz-latest__label')}"
        f'<a href="{attr(a.path)}">{esc(a.title)}</a></li>'
        for a in latest_headlines(article)
    )
    updated = (
        f'<span class="gz-byline__updated">Updated {_time(article, "updated")}</span>'
        if article.updated
        else ""
    )
    kicker = f'<p class="gz-kicker">{esc(article.section)}</p>' if article.section else ""
    footer_links = " | ".join(
        f'<a href="{attr(href)}">{esc(label)}</a>' for label, href in site.footer_links
    )
    return f"""<!DOCTYPE html>
<html lang="{site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{_head_meta(article, base_url)}
<link rel="stylesheet" href="/gazette/static/gazette.css">
</head>
<body class="gz-body gz-body--article">
<div id="gz-cookie-consent" class="gz-cookie-banner" role="dialog" aria-live="polite">
<p class="gz-cookie-banner__text">{esc(site.cookie_text)}</p>
<div class="gz-cookie-banner__actions">{_cookie_buttons(site, "gz-btn")}</div>
</div>
<header class="gz-masthead">
<a class="gz-masthead__logo" href="/gazette/">{esc(site.name)}</a>
<nav class="gz-nav" aria-label="Sections">
<ul class="gz-nav__list">
{nav}
</ul>
</nav>
</header>
<main class="gz-layout">
<article class="gz-article" itemscope itemtype="https://schema.org/NewsArticle">
<header class="gz-article__header">
{kicker}
<h1 class="gz-headline" itemprop="headline">{esc(article.title)}</h1>
<p class="gz-standfirst">{esc(article.summary)}</p>
<div class="gz-byline">
<span class="gz-byline__author">By <a rel="author" href="/gazette/info/about/">{esc(article.author)}</a></span>
<span class="gz-byline__date">{_time(article)}</span>
{updated}
</div>
<div class="gz-share" aria-label="Share this article">
{share}
</div>
</header>
<div class="gz-article__body" itemprop="articleBody">
{_body_with_insert(article, insert)}
</div>
<footer class="gz-article__footer">
<h3 class="gz-tags__title">{esc(site.tags_label)}</h3>
<ul class="gz-tags">
{tags}
</ul>
</footer>
</article>
<aside class="gz-sidebar">
<section class="gz-latest">
<h2 class="gz-latest__heading">{esc(site.latest_heading)}</h2>
<ol class="gz-latest__list">
{latest}
</ol>
</section>
<section class="gz-newsletter">
<h2>{esc(site.newsletter_heading)}</h2>
<p>{esc(site.newsletter_text)}</p>
<form action="/gazette/newsletter" method="post">
<input type="email" name="email" placeholder="Your email address">
<button type="submit">{esc(site.newsletter_button)}</button>
</form>
</section>
</aside>
</main>
<footer class="gz-site-footer">
<p class="gz-site-footer__links">{footer_links}</p>
<p class="gz-site-footer__legal">{esc(site.footer_text)}</p>
</footer>
</body>
</html>
"""


# --------------------------------------------------------------------------- Northwind Tech Review


def _northwind_page(article: DemoArticle, base_url: str) -> str:
    site = SITES["northwind"]
    url = article.url(base_url)
    nav = "\n".join(
        f'<a class="topbar-link" href="{attr(href)}">{esc(label)}</a>' for label, href in site.nav
    )
    related = "\n".join(
        f'<a class="related-card" href="{attr(base_url + a.path)}">'
        f'<span class="related-card-title">{esc(a.title)}</span></a>'
        for a in read_also(article)
    )
    insert = (
        '<div class="related-inline" data-component="related" role="complementary">\n'
        f'<div class="related-inline-label">{esc(site.read_also_heading)}</div>\n'
        f"{related}\n</div>"
    )
    share = "\n".join(
        f'<button class="share-button" data-network="{i}" data-share-url="{attr(url)}" '
        f'type="button">{esc(label)}</button>'
        for i, label in enumerate(site.share_labels)
    )
    tags = " ".join(
        f'<a class="tag-pill" href="{attr(tag_href("northwind", t))}">{esc(t)}</a>'
        for t in article.tags
    )
    latest = "\n".join(
        '<div class="stream-item">'
        f'<div class="stream-meta"><span class="stream-time">{a.published:%H:%M}</span> '
        f"{_label(site, a, 'stream-badge')}</div>"
        f'<a class="stream-headline" href="{attr(a.path)}">{esc(a.title)}</a></div>'
        for a in latest_headlines(article)
    )
    updated = (
        f'<span class="story-updated">Updated {_time(article, "updated")}</span>'
        if article.updated
        else ""
    )
    footer_links = "\n".join(
        f'<li><a href="{attr(href)}">{esc(label)}</a></li>' for label, href in site.footer_links
    )
    return f"""<!doctype html>
<html lang="{site.language}" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="twitter:card" content="summary_large_image">
{_head_meta(article, base_url)}
<script src="/northwind/static/app.js" defer></script>
</head>
<body>
<div class="nw-app" id="app">
<div class="topbar">
<a class="brand" href="/northwind/"><span class="brand-mark">NW</span> {esc(site.name)}</a>
<div class="topbar-nav" role="navigation">
{nav}
</div>
<a class="topbar-cta" href="#signup">Subscribe</a>
</div>
<div class="page-grid">
<div class="story-column">
<div class="story-header">
<div class="story-section">{esc(article.section)}</div>
<h1 class="story-title">{esc(article.title)}</h1>
<div class="story-dek">{esc(article.summary)}</div>
<div class="story-meta">
<span class="author-name">{esc(article.author)}</span>
<span class="story-date">{_time(article)}</span>
{updated}
</div>
</div>
<div class="share-rail">
{share}
</div>
<div class="story-body" data-article-body="true">
{_body_with_insert(article, insert)}
</div>
<div class="story-tags"><span class="story-tags-label">{esc(site.tags_label)}</span> {tags}</div>
</div>
<div class="rail">
<div class="latest-stream">
<div class="rail-heading">{esc(site.latest_heading)}</div>
{latest}
</div>
<div class="signup-card" id="signup">
<div class="signup-title">{esc(site.newsletter_heading)}</div>
<div class="signup-copy">{esc(site.newsletter_text)}</div>
<input class="signup-input" type="email" aria-label="Email address">
<button class="signup-button" type="button">{esc(site.newsletter_button)}</button>
</div>
</div>
</div>
<div class="site-foot">
<ul class="site-foot-links">
{footer_links}
</ul>
<div class="site-foot-legal">{esc(site.footer_text)}</div>
</div>
<div class="consent-overlay" data-component="consent">
<div class="consent-copy">{esc(site.cookie_text)}</div>
<div class="consent-actions">{_cookie_buttons(site, "consent-button")}</div>
</div>
</div>
</body>
</html>
"""


# --------------------------------------------------------------------------- Вечерний Вестник


def _vestnik_page(article: DemoArticle, base_url: str) -> str:
    site = SITES["vestnik"]
    url = article.url(base_url)
    if article.meta_charset_style == "http-equiv":
        charset_meta = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={article.charset}">'
        )
    else:
        charset_meta = f'<meta charset="{article.charset}">'
    menu = "\n".join(
        f'<li><a href="{attr(href)}">{esc(label)}</a></li>' for label, href in site.nav
    )
    related = "<br>\n".join(
        f'<a href="{attr(a.path)}">{esc(a.title)}</a>' for a in read_also(article)
    )
    insert = (
        '<div id="read-also" class="vrezka">\n'
        f'<div class="vrezka-title">{esc(site.read_also_heading)}</div>\n'
        f'<div class="vrezka-links">\n{related}\n</div>\n</div>'
    )
    share = "\n".join(
        f'<a class="share-{i}" href="#" data-url="{attr(url)}" rel="nofollow">{esc(label)}</a>'
        for i, label in enumerate(site.share_labels)
    )
    tags = ", ".join(f'<a href="{attr(tag_href("vestnik", t))}">{esc(t)}</a>' for t in article.tags)
    lenta = "\n".join(
        '<div class="lenta-item">'
        f'<span class="lenta-time">{a.published:%H:%M}</span> '
        f"{_label(site, a, 'lenta-mark')}"
        f'<a href="{attr(a.path)}">{esc(a.title)}</a></div>'
        for a in latest_headlines(article)
    )
    updated = f'<span class="obnovleno">обновлено: {_time(article, "updated")}</span>'
    footer_links = " · ".join(
        f'<a href="{attr(href)}">{esc(label)}</a>' for label, href in site.footer_links
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ru">
<head>
{charset_meta}
{_head_meta(article, base_url)}
<link rel="stylesheet" type="text/css" href="/vestnik/css/main.css">
</head>
<body>
<div id="wrapper">
<div id="top">
<div id="logo"><a href="/vestnik/">{esc(site.name)}</a></div>
<div id="top-date">Городская газета</div>
<div id="menu">
<ul>
{menu}
</ul>
</div>
</div>
<div id="container">
<div id="content">
<div id="news-item">
<div id="news-rubric">{esc(article.section)}</div>
<h1 id="news-title">{esc(article.title)}</h1>
<div id="news-info">
<span class="avtor">{esc(article.author)}</span> |
<span class="data">{_time(article)}</span>
{updated if article.updated else ""}
</div>
<div id="news-lead"><b>{esc(article.summary)}</b></div>
<div id="news-text">
{_body_with_insert(article, insert)}
</div>
<div id="news-tags">{esc(site.tags_label)} {tags}</div>
<div id="share-block">
{share}
</div>
</div>
</div>
<div id="right-column">
<div id="lenta">
<div class="lenta-title">{esc(site.latest_heading)}</div>
{lenta}
</div>
<div id="subscribe">
<div class="subscribe-title">{esc(site.newsletter_heading)}</div>
<p>{esc(site.newsletter_text)}</p>
<form action="/vestnik/subscribe" method="post"><input type="text" name="email">
<button type="submit">{esc(site.newsletter_button)}</button></form>
</div>
</div>
</div>
<div id="bottom">
<div id="bottom-links">{footer_links}</div>
<div id="copyright">{esc(site.footer_text)}</div>
</div>
<div id="cookie-warning">
<span>{esc(site.cookie_text)}</span>
{_cookie_buttons(site, "cookie-btn")}
</div>
</div>
</body>
</html>
"""


def _script_built_page(article: DemoArticle, base_url: str) -> str:
    """The shell a site built by scripts serves: the story is drawn by its script, and its text
    is only in the JSON-LD for search engines, or only in its AMP version (`_amp_page`)."""
    site = SITES[article.site]
    amp = (
        f'<link rel="amphtml" href="{attr(base_url + article.amp_path)}">\n'
        if article.amp_only
        else ""
    )
    return f"""<!doctype html>
<html lang="{site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
{_head_meta(article, base_url)}
{amp}<script src="/{article.site}/static/app.js" defer></script>
</head>
<body>
<div class="nw-app" id="app"><div class="app-loading">Loading…</div></div>
</body>
</html>
"""


def _amp_page(article: DemoArticle, base_url: str) -> str:
    """The article's AMP version, as a site built by scripts still serves one: plain HTML, its
    pictures in `<amp-img>`, its canonical link back to the article's page."""
    site = SITES[article.site]
    url = article.url(base_url)
    body = "\n".join(block_html(block) for block in article.blocks)
    # AMP draws pictures with its own element; the `<img>` would be refused by its validator.
    body = body.replace("<img ", '<amp-img layout="responsive" ').replace(
        ' loading="lazy">', "></amp-img>"
    )
    return f"""<!doctype html>
<html amp lang="{site.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} | {esc(site.name)}</title>
<link rel="canonical" href="{attr(url)}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="author" content="{attr(article.author)}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(site.name)}">
<meta property="article:published_time" content="{article.published.isoformat()}">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{{visibility:hidden}}</style>
<style amp-custom>.amp-story{{max-width:42rem;margin:auto}}</style>
</head>
<body>
<header class="amp-header"><a href="{attr(site.front_path)}">{esc(site.name)}</a></header>
<article class="amp-story">
<h1>{esc(article.title)}</h1>
<p class="amp-byline">By <span class="author">{esc(article.author)}</span> · {_time(article)}</p>
<p class="amp-standfirst">{esc(article.summary)}</p>
{body}
</article>
<footer class="amp-footer"><a href="{attr(url)}">{esc(AMP_FULL_SITE)}</a></footer>
</body>
</html>
"""


# The AMP page's one link of its own, which is not the article's text.
AMP_FULL_SITE = "View this story on the full site"


def render_amp(article: DemoArticle, base_url: str) -> bytes:
    """The AMP version of an `amp_only` article."""
    return encode_page(_amp_page(article, base_url.rstrip("/")), article.charset)


_ARTICLE_TEMPLATES = {
    "gazette": _gazette_page,
    "northwind": _northwind_page,
    "vestnik": _vestnik_page,
}


def render_article(article: DemoArticle, base_url: str) -> bytes:
    """The full article page, encoded in the article's own charset: its first page, or the
    page `article.on_page` chose, when the article is over several."""
    if article.pages and not article.page:
        article = article.on_page(1)
    shell = article.built_by_script or article.amp_only
    template = _script_built_page if shell else _ARTICLE_TEMPLATES[article.site]
    page = template(article, base_url.rstrip("/"))
    return encode_page(page, article.charset)


# --------------------------------------------------------------------------- other pages


def _simple_page(title: str, body: str, lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def _article_list(articles: Iterable[DemoArticle]) -> str:
    items = "\n".join(
        f'<li><a href="{attr(a.path)}">{esc(a.title)}</a> '
        f'<small>{esc(a.author)}, <time datetime="{a.published.isoformat()}">'
        f"{a.published:%Y-%m-%d %H:%M}</time></small></li>"
        for a in articles
    )
    return f"<ul>\n{items}\n</ul>"


def render_index(base_url: str, feed_urls: Sequence[str]) -> bytes:
    """``/``: what the demo is, its feeds and every article."""
    feeds = "\n".join(
        f'<li><a href="{attr(url)}">{esc(SITES[key].name)}</a>: <code>{esc(url)}</code></li>'
        for key, url in zip(SITE_ORDER, feed_urls, strict=True)
    )
    sections = []
    for key in SITE_ORDER:
        site = SITES[key]
        extras = "".join(
            f'<p>Also in the feed: <a href="{attr(link.path)}">{esc(link.title)}</a></p>'
            for link in NON_ARTICLE_LINKS
            if link.site == key
        )
        sections.append(
            f'<h2><a href="{attr(site.front_path)}">{esc(site.name)}</a></h2>\n'
            f"{_article_list(articles_for_site(key))}\n{extras}"
        )
    body = (
        "<h1>reader demo news sites</h1>\n"
        "<p>Three made-up publications served from your own machine, so you can try "
        "<code>reader</code> without an internet connection. Every story is fiction.</p>\n"
        f"<p>Base URL: <code>{esc(base_url)}</code></p>\n"
        f"<h2>Feeds</h2>\n<ul>\n{feeds}\n</ul>\n" + "\n".join(sections)
    )
    return _simple_page("reader demo news sites", body)


def render_site_front(site_key: str, heading: str | None = None) -> bytes:
    """A publication's front page (also served for its section and tag links)."""
    site = SITES[site_key]
    title = f"{heading} | {site.name}" if heading else site.name
    body = (
        f"<h1>{esc(site.name)}</h1>\n<p>{esc(site.description)}</p>\n"
        f'<p><a href="{attr(site.feed_path)}">Feed</a></p>\n'
        f"{_article_list(articles_for_site(site_key))}"
    )
    return _simple_page(title, body, site.language)


def render_info_page(site_key: str, label: str) -> bytes:
    site = SITES[site_key]
    body = (
        f"<h1>{esc(label)}</h1>\n<p>{esc(site.name)} is a fictional publication bundled "
        f'with the reader demo.</p>\n<p><a href="{attr(site.front_path)}">Back</a></p>'
    )
    return _simple_page(f"{label} | {site.name}", body, site.language)


def render_not_found(path: str) -> bytes:
    body = (
        "<h1>404 Not Found</h1>\n"
        f"<p>There is no page at <code>{esc(path)}</code> on the demo sites.</p>\n"
        '<p><a href="/">All demo feeds and articles</a></p>'
    )
    return _simple_page("404 Not Found", body)
