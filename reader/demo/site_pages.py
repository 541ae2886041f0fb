"""The article pages of the three demo publications.

The three article templates deliberately differ in markup and class names (an
``<article>``-based newspaper, a ``div.story-body`` tech site and an old-school layout of
nested ``div``s with ids), so an extractor cannot be tuned to a single layout.  Each one
carries the boilerplate a real news page has: navigation, cookie banner, share buttons,
an in-body "Read also" box, tags, a "latest news" sidebar, a newsletter box and a footer.
"""

from __future__ import annotations

from .content import DemoArticle, latest_headlines, read_also, tag_href
from .page_parts import (
    _body_with_insert,
    _cookie_buttons,
    _head_meta,
    _label,
    _time,
    attr,
    esc,
)
from .sites import SITES

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
