"""`reader extract`: the article of a saved page or text file, read as a fetch would read it."""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from pathlib import Path

from ..models import FetchError
from ..safe import safe_line
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


def cmd_extract(args: argparse.Namespace) -> int:
    from ..extract import extract_file
    from ..time_limit import within_time
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
    limit = config.limits.max_bytes
    name = "the input" if args.file == "-" else args.file
    page = read_input(args.file, limit)  # no more than a fetch would take
    if len(page) > limit:
        raise CommandError(
            f"{safe_line(name, 200)} is over {limit / 1048576:g} MB: more than reader reads of a "
            "page (a fetch stops there too)"
        )
    url = args.url or ""
    rule = config.rule_for(url) if url else None
    seconds = config.limits.extract_seconds
    try:
        # A hostile page is given the time a sync gives it (`within_time`), not hours.
        article = within_time(seconds, extract_file, page, url, rule)
        declared = article.canonical_url if is_web_url(article.canonical_url) else ""
        if not url and (declared or (declared := _saved_from(page))):
            # A page saved from a browser: its relative links and pictures are relative to the
            # address it declares (or the one the browser noted it was saved from), and its
            # site's rule is that address's.
            url = declared
            rule = config.rule_for(url)
            article = within_time(seconds, extract_file, page, url, rule)
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
    from ..extract import body_rule_misses

    if rule is not None and body_rule_misses(page, rule):
        err(unmatched_body(rule.body))
    return EXIT_OK


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
