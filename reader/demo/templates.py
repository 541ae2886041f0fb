"""HTML page templates for the three demo publications, plus index, front and 404 pages.

The publications' article pages, each of its own layout, are `site_pages`', made of
`page_parts`; this module renders them, the shell a site built by scripts serves and its AMP
version, and the other pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .content import NON_ARTICLE_LINKS, DemoArticle, articles_for_site
from .markup import block_html
from .page_parts import _head_meta, _time, attr, encode_page, esc
from .site_pages import _gazette_page, _northwind_page, _vestnik_page
from .sites import SITE_ORDER, SITES


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


def _simple_page(title: str, body: str, lang: str = "en", head: str = "") -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def _feed_link(site_key: str, href: str) -> str:
    """The `<link rel="alternate">` a publication's pages name its feed with (feed discovery:
    `reader add` of the page's address finds it)."""
    site = SITES[site_key]
    kind = "application/atom+xml" if site.feed_format == "atom" else "application/rss+xml"
    return f'<link rel="alternate" type="{kind}" title="{attr(site.name)}" href="{attr(href)}">\n'


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
    # All three feeds: `reader add` of this page lists them to choose from.
    head = "".join(_feed_link(key, url) for key, url in zip(SITE_ORDER, feed_urls, strict=True))
    return _simple_page("reader demo news sites", body, head=head)


def render_site_front(site_key: str, heading: str | None = None) -> bytes:
    """A publication's front page (also served for its section and tag links)."""
    site = SITES[site_key]
    title = f"{heading} | {site.name}" if heading else site.name
    body = (
        f"<h1>{esc(site.name)}</h1>\n<p>{esc(site.description)}</p>\n"
        f'<p><a href="{attr(site.feed_path)}">Feed</a></p>\n'
        f"{_article_list(articles_for_site(site_key))}"
    )
    return _simple_page(title, body, site.language, _feed_link(site_key, site.feed_path))


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
