"""Hostile inputs: each case timed at a size and at four times that size, side by side.

    uv run python benchmarks/hostile.py [--scale 1.0] [--only NAME ...] [--repeats 3] [--strict]

Each case is a page, a feed or a line built to make one of the extractor's patterns, or a walk
of its tree, take more than linear time: the reviewers found each of them and each was fixed
(the case's note says what it cost before). Work that grows linearly takes about 4× as long at
4× the size, quadratic work about 16×, and exponential work never ends: so the table prints
both times and their ratio, and marks a ratio over 8 "SUPERLINEAR". Each case also checks its
result (the article's text still there, no date read from the noise): a wrong result is an
error, and the script exits 1. With `--strict`, a SUPERLINEAR mark does too.

The case being run is printed before it runs: a regression to exponential time hangs on it, and
Ctrl-C then shows which it is. Times are the best of `--repeats` runs (this machine is shared);
`--scale` multiplies every size (the test of this script runs it small).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.charset import decode_html
from reader.dates import stated_iso
from reader.extract import extract_article, extract_file
from reader.extract.byline_names import clean_byline
from reader.feeds import parse_feed
from reader.render import to_text

SUPERLINEAR = 8.0
URL = "https://news.example.org/2026/03/ferry.html"
STORY = "".join(
    f"<p>Paragraph {i} of the ferry story: the crossing stops at the end of the month, the "
    "operator said, and islanders will drive round the bay instead.</p>"
    for i in range(4)
)


def _article_text(body: str, head: str = "") -> str:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return to_text(extract_article(page, URL), header=False)


def _story_kept(body: str) -> bool:
    return "Paragraph 3 of the ferry story" in _article_text(body)


def _dates(line: str) -> tuple[str | None, str | None]:
    """The dates the extractor reads from a dateline above the story."""
    body = f'<article><h1>Ferry</h1><div class="article-meta">{line}</div>{STORY}</article>'
    article = extract_article(f"<html><body>{body}</body></html>", URL)
    return (
        stated_iso(article.published) if article.published else None,
        stated_iso(article.updated) if article.updated else None,
    )


def _undated(line: str) -> bool:
    return _dates(line) == (None, None)


def _markdown_text(markdown: str) -> str:
    """A Markdown page's text (read as a `.md` link is), a sentence after the hostile part."""
    page = (markdown + "\n\nSaltmarsh won the final.\n").encode()
    return to_text(extract_file(page, URL.replace(".html", ".md")), header=False)


def _forum_thread_read(n: int) -> bool:
    """A thread of `n` replies nested each in the one before, marked in schema.org microdata:
    every reply's words are read, the deepest too."""
    reply = (
        '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="author">u{i}</span><div itemprop="text"><p>Reply {i} says so.</p></div>'
    )
    page = (
        '<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">'
        f'<div itemprop="text">{STORY}</div>'
        + "".join(reply.format(i=i) for i in range(n))
        + "</div>" * (n + 1)
        + "</body></html>"
    )
    text = to_text(extract_article(page, URL), header=False)
    return "Paragraph 3 of the ferry story" in text and f"Reply {n - 1} says so." in text


def _feed_with_author(n: int) -> bytes:
    author = "Ana " * n
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        "<link>https://news.example.org/</link><item><title>Ferry to stop</title>"
        f"<link>https://news.example.org/ferry</link><author>{author}</author></item>"
        "</channel></rss>"
    ).encode()


def _feed_read(n: int) -> bool:
    parsed = parse_feed(_feed_with_author(n), "https://news.example.org/rss")
    return [e.title for e in parsed.entries] == ["Ferry to stop"]


def _feed_with_categories_read(n: int) -> bool:
    categories = "".join(f"<category>c{i}</category>" for i in range(n))
    feed = _feed_with_author(1).replace(b"</item>", categories.encode() + b"</item>")
    parsed = parse_feed(feed, "https://news.example.org/rss")
    return [e.title for e in parsed.entries] == ["Ferry to stop"]


def _json_ld_authors_read(n: int) -> bool:
    import json

    def surname(i: int) -> str:  # "Ba", "Bb", …: a name's letters, no digits
        letters = ""
        while True:
            i, digit = divmod(i, 26)
            letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
            if not i:
                return "B" + letters

    people = [{"@type": "Person", "name": f"Ann {surname(i)}"} for i in range(n)]
    ld = json.dumps({"@type": "NewsArticle", "headline": "Ferry to stop", "author": people})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f"<article><h1>Ferry to stop</h1>{STORY}</article></body></html>"
    )
    article = extract_article(page, URL)
    return article.author.startswith("Ann Ba, Ann Bb, Ann Bc")


@dataclass(frozen=True)
class Case:
    name: str
    size: int  # n at scale 1; the case also runs at 4n
    note: str  # what it cost before its fix
    run: Callable[[int], bool]  # True when the result is right


CASES = (
    Case(
        "dateline-devanagari-signs",
        2_500,
        "22 avagraha signs after a day: 0.8 s, doubling with each one more",
        lambda n: _undated("3 " + "\u093d" * n + " x"),
    ),
    Case(
        "dateline-accented-word",
        2_500,
        "one word of 40,000 accented letters: 21 s",
        lambda n: _undated("a\u0301" * n),
    ),
    Case(
        "nested-signup-forms",
        60,
        "250 forms with an e-mail field nested in each other, four times: 2.6 s a nest",
        lambda n: _story_kept(
            f"<article>{STORY}</article>"
            + ("<div><form><input type='email'></form>" * n + "</div>" * n) * 4
        ),
    ),
    Case(
        "nested-forum-replies",
        50,
        "a forum's thread in microdata of 200 replies nested each in the last: 1.6 s, 15× 50's",
        lambda n: _forum_thread_read(n),
    ),
    Case(
        "table-of-wide-spans",
        1_000,
        "2,000 rows of one cell spanning 1,000 columns (85 KB): 8.1 s",
        lambda n: _story_kept(
            f"<article>{STORY}<table>"
            + "<tr><td colspan=1000>x</td><td>y</td></tr>" * n
            + "</table></article>"
        ),
    ),
    Case(
        "names-marked-author",
        750,
        "a paragraph marking 4,000 names as authors: 18 s",
        lambda n: (
            "said Mara Lund the engineer"
            in _article_text(
                f"<article>{STORY}<p>"
                + 'said <span class="author">Mara Lund</span> the engineer, ' * n
                + "and so on.</p></article>"
            )
        ),
    ),
    Case(
        "number-atop-the-text",
        2_500,
        "a 'word' of 20,000 digits before the story (read as minutes of reading time): 24 s",
        lambda n: _story_kept(f"<article><p>{'7' * n}</p>{STORY}</article>"),
    ),
    Case(
        "byline-of-commas",
        2_500,
        "a byline 'By Ana' and 40,000 ' ,': 21 s",
        lambda n: all(
            clean_byline(f"By Ana{tail}") == "Ana" for tail in (" ," * n, " ," * n + " 3")
        ),
    ),
    Case(
        "byline-of-month-names",
        2_000,
        "'By Ann Lee' and 8,000 'Mar ' before a digit: 35 s",
        lambda n: clean_byline("By Ann Lee " + "Mar " * n + "x 3").startswith("Ann Lee"),
    ),
    Case(
        "byline-of-labels",
        2_000,
        "'By Ann Lee' and 8,000 'on ': 7.8 s",
        lambda n: clean_byline("By Ann Lee " + "on " * n + "x").startswith("Ann Lee"),
    ),
    Case(
        "byline-of-hindi-role-words",
        2_000,
        "'By राकेश शर्मा, ' and 8,000 'विशेष ' (a role's word) before another: 2.4 s",
        lambda n: clean_byline("By राकेश शर्मा, " + "विशेष " * n + "x").startswith("राकेश शर्मा"),
    ),
    Case(
        "feed-author",
        25_000,
        "an <author> of 100 KB: 141 s",
        _feed_read,
    ),
    Case(
        "feed-categories",
        5_000,
        "100,000 <category> in one item (2 MB): half an hour; 20,000: 73 s",
        _feed_with_categories_read,
    ),
    Case(
        "markdown-emphasis",
        2_500,
        "none needed, linear: a Markdown page of 80,000 '_a_ **b ' runs (640 KB) takes 12.6 s",
        lambda n: "won the final" in _markdown_text("# Cup\n\n" + "_a_ **b " * n),
    ),
    Case(
        "json-ld-authors",
        2_500,
        "1,000 JSON-LD authors (53 KB): 12 s; 10,000 (550 KB): over 10 minutes",
        _json_ld_authors_read,
    ),
    Case(
        "link-farm-paragraphs",
        6_250,
        "50,000 paragraphs of a link and three words, a cookie banner's Accept (2.6 MB): 28 s",
        lambda n: _story_kept(
            f"<article>{STORY}</article><div>"
            + "".join(f'<p><a href="/l{i}">link {i}</a> word word word</p>' for i in range(n))
            + "</div><div class='cookie-banner'><button>Accept</button></div>"
        ),
    ),
    Case(
        "paragraph-of-inline-runs",
        6_250,
        "a paragraph of 25,000 '<b>w</b> <i>x</i>' (226 KB) third in the body: 8.0 s; 50,000: past"
        " the 30 s limit (acc41b B1)",
        lambda n: _story_kept(
            "<article><h1>Ferry</h1><p>The crossing, a first paragraph of the story.</p><p>"
            + "<b>w</b> <i>x</i> " * n
            + f"</p>{STORY}</article>"
        ),
    ),
    Case(
        "charset-sample-of-scripts",
        32_000,  # smaller, it takes under a millisecond: too little to time on a shared machine
        "64 KB of '<script>' sampled for the charset: 3.4 s",
        lambda n: decode_html(b"<script>" * n).startswith("<script>"),
    ),
    Case(
        "headed-sections",
        750,
        "3,000 headings in one box, each over a paragraph (250 KB): 12 s, 1,000: 0.7 s",
        lambda n: _story_kept(
            f"<article>{STORY}"
            + "".join(f"<h2>Crossing {i}</h2><p>It leaves at nine.</p>" for i in range(n))
            + "</article>"
        ),
    ),
)


def best_time(case: Case, n: int, repeats: int) -> tuple[float, bool]:
    best, right = float("inf"), True
    for _ in range(repeats):
        started = time.perf_counter()
        right = case.run(n) and right
        best = min(best, time.perf_counter() - started)
    return best, right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these cases")
    parser.add_argument("--strict", action="store_true", help="exit 1 on a SUPERLINEAR mark")
    args = parser.parse_args(argv)
    known = {case.name for case in CASES}
    unknown = set(args.only or ()) - known
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))} (cases: {', '.join(known)})")
    cases = [case for case in CASES if not args.only or case.name in args.only]
    rows, wrong, flagged = [], 0, 0
    for case in cases:
        n = max(1, round(case.size * args.scale))
        print(f"running {case.name} (n={n:,} and {4 * n:,})", file=sys.stderr, flush=True)
        small, right_small = best_time(case, n, args.repeats)
        large, right_large = best_time(case, 4 * n, args.repeats)
        ratio = large / small if small > 0 else float("inf")
        verdict = "ok" if ratio <= SUPERLINEAR else "SUPERLINEAR"
        if not (right_small and right_large):
            verdict, wrong = "WRONG RESULT", wrong + 1
        flagged += ratio > SUPERLINEAR
        rows.append(
            f"| {case.name} | {n:,} | {small * 1000:.1f} | {large * 1000:.1f} | {ratio:.1f} "
            f"| {verdict} | {case.note} |"
        )
    print("| case | n | ms at n | ms at 4n | ratio | verdict | before its fix |")
    print("|---|---:|---:|---:|---:|---|---|")
    print("\n".join(rows))
    print(f"\nlinear work: ratio ~4; quadratic ~16; marked over {SUPERLINEAR:.0f}")
    return 1 if wrong or (args.strict and flagged) else 0


if __name__ == "__main__":
    sys.exit(main())
