"""`reader extract`: the article of a saved page or text file, read as a fetch would read it."""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import Article, FetchError, SiteRule
from ..safe import safe_line
from ..sniff import is_pdf
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    config_of,
    err,
    out,
    read_input,
    render,
    unmatched_body,
)

if TYPE_CHECKING:
    from ..config import Config


def cmd_extract(args: argparse.Namespace) -> int:
    from ..urls import is_web_url

    if args.url is not None and not is_web_url(args.url):
        # Links would resolve against it and site rules match its host: a typo would be silent.
        err(f"--url wants the page's http(s) address, not {args.url!r}")
        return EXIT_USAGE
    if is_web_url(args.file) and not Path(args.file).exists():
        # Read as a file name it was "No such file or directory", as if the page were missing.
        err(f"extract reads a saved page; to fetch {args.file} use: reader show {args.file}")
        return EXIT_USAGE
    config = config_of(args)
    name = "the input" if args.file == "-" else args.file
    # No more than a fetch would take: a page's cap, or a PDF's.
    limit = config.limits.max_bytes
    page = read_input(args.file, limit)
    pdf = is_pdf(page)
    if len(page) > limit and pdf:
        limit = config.limits.page_bytes(pdf=True)
        page = read_input(args.file, limit, page)
    if len(page) > limit:
        raise CommandError(
            f"{safe_line(name, 200)} is over {limit / 1048576:g} MB: more than reader reads of a "
            f"{'PDF' if pdf else 'page'} (a fetch stops there too)"
        )
    url = args.url or ""
    try:
        article, misses, url = _read_in_a_worker(page, url, config)
    except FetchError:
        raise
    except Exception as error:  # a parser's error on a hostile page: one line, as in a sync
        from ..library.failures import unforeseen_failure

        raise CommandError(unforeseen_failure(error, "page", url).message) from None
    if not url and _RELATIVE_ADDRESS.search(page) and not _ABSOLUTE_BASE.search(page):
        err("the page's relative links and pictures are left out: give its address with --url")
    # A file on disk: when its page was retrieved is not known, and the citation must not
    # claim that it was this moment.
    article = replace(article, fetched_at=None)
    out(render(article, args.format).rstrip("\n"))
    rule = config.rule_for(url) if url else None
    if rule is not None and misses:
        err(unmatched_body(rule.body))
    return EXIT_OK


def _read_in_a_worker(page: bytes, url: str, config: Config) -> tuple[Article, bool, str]:
    """The article of `page` (at `url`, or at the address it declares), whether its site
    rule's body was missed, and the address it was read at: read by a worker process, given
    the time a sync gives a page (`CpuWorkers.run`): a hostile page, stopped there, says so in
    the one line a sync says it in, not hours later (or, in a C library's loop, by the system
    ending the command without a word)."""
    import asyncio

    from ..cpu_workers import CpuWorkers
    from ..urls import is_web_url

    workers = CpuWorkers()
    seconds = config.limits.extract_seconds

    async def read() -> tuple[Article, bool, str]:
        rule = config.rule_for(url) if url else None
        article, misses = await workers.run(read_saved_page, page, url, rule, within=seconds)
        declared = article.canonical_url if is_web_url(article.canonical_url) else ""
        if url or not (declared or (declared := _saved_from(page))):
            return article, misses, url
        # A page saved from a browser: its relative links and pictures are relative to the
        # address it declares (or the one the browser noted it was saved from), and its site's
        # rule is that address's.
        rule = config.rule_for(declared)
        article, misses = await workers.run(read_saved_page, page, declared, rule, within=seconds)
        return article, misses, declared

    try:
        return asyncio.run(read())
    finally:
        workers.close()


def read_saved_page(page: bytes, url: str, rule: SiteRule | None) -> tuple[Article, bool]:
    """Worker-side: the article of `page` at `url`, and whether `rule` names a body that is
    not on it (`body_rule_misses`)."""
    from ..extract import body_rule_misses, extract_file

    return extract_file(page, url, rule), body_rule_misses(page, rule)


# A link or picture whose address needs the page's own to resolve ("../photos/a.jpg",
# "//cdn.example/a.jpg"): no scheme, and not a link within the page ("#notes"). A script's or
# a stylesheet's is none of the article's: a page built by scripts had the line for its
# "/app.js". Not read past a tag's end (a tag is at most this long here: no backtracking over
# a whole page).
_RELATIVE_ADDRESS = re.compile(
    rb"""<(?:a|img|source|video|audio|area)\b[^>]{0,2000}?\b(?:href|src)\s*=\s*["']?"""
    rb"""(?![a-z][a-z0-9+.-]*:|#|["'\s>])""",
    re.IGNORECASE,
)


# `<base href="https://…">`: the page's relative addresses resolve against it, as they are.
_ABSOLUTE_BASE = re.compile(rb"""<base\b[^>]{0,2000}?\bhref\s*=\s*["']?https?://""", re.I)


# What a browser writes atop a page it saved ("Mark of the Web"): the address it came from.
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)([^\s>]+?)\s*-->", re.IGNORECASE)


def _saved_from(page: bytes) -> str:
    """The address a browser noted a saved page came from, or ""."""
    from ..urls import is_web_url

    found = _SAVED_FROM.search(page[:4096])
    address = found[1].decode("ascii", "replace") if found else ""
    return address if is_web_url(address) else ""
