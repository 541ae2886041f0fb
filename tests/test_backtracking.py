"""A page or feed made to make the extractor's work grow past linear (regex denial of service,
acc29c S3, S5, S6, S7, S10; S9 and S11 in its own loops): each took minutes to days of a
worker's CPU, a few hundred bytes to a few hundred kilobytes of it. Each is read here in a process of its own,
which a pattern gone quadratic or exponential would hold far past the bound (a correctness
limit on a busy machine, not a speed measure: each takes well under a second)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

BOUND = 90.0
"""Seconds: the old patterns took hours on these inputs (S5's, 15 h; S3's and S6's minutes)."""

STORY = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "The harbour board voted on Tuesday to raise mooring fees for the first time in a decade.",
        "Fishermen said the rise would fall hardest on the small boats that land most of the catch.",
        "The board's chair said the money would pay for dredging the channel before next winter.",
    )
)

PAGES = {
    # S3: a run of dashes after "Copyright", one word to the guards that count words.
    "copyright-run": f"<article><h1>Mooring fees rise</h1>{STORY}<p>Copyright {'-' * 200_000}x</p></article>",
    # S5: an alt of parts joined by underscores, ending in a sign: `(a+)+` in disguise.
    "alt-parts": f'<article><h1>Mooring fees rise</h1>{STORY}<img src=p.jpg alt="1{"_a" * 40}!"></article>',
    # S6: "<a" and a run of letters with no ">", before any parser reads the page.
    "start-tag-run": f"<article><h1>Mooring fees rise</h1>{STORY}<p>x <a{'b' * 200_000}</p></article>",
    # S10: a line of a print page's controls but for its last word, each gap read two ways.
    "print-controls": f"<article><h1>Mooring fees rise</h1>{STORY}<p>{'print ' * 40}a</p></article>",
    # S11: thousands of captioned figures, each measuring the article round it.
    "figures": (
        f"<article><h1>Mooring fees rise</h1>{STORY}"
        + "<figure><img src=/i.jpg><figcaption>The quay at dawn, before the vote</figcaption></figure>"
        * 30000
        + "</article>"
    ),
    # S9: a title and a site's name of thousands of separators, compared part by part (a
    # name the address doesn't spell).
    "title-separators": (
        f"<head><title>Mooring fees rise{' | b' * 3000}</title>"
        f"<meta property=og:site_name content='Quay Post{' | c' * 3000}'></head>"
        f"<article><h1>Mooring fees rise</h1>{STORY}</article>"
    ),
    # S7: a declared author with a long run of spaces after a word a role opens with.
    "author-spaces": (
        f'<head><meta name="author" content="Ann staff{chr(0x2003) * 100_000}x"></head>'
        f"<article><h1>Mooring fees rise</h1>{STORY}</article>"
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_made_to_backtrack_is_read_in_linear_time(name: str) -> None:
    page = f"<!doctype html><html lang=en>{PAGES[name]}</html>"
    code = textwrap.dedent(
        """
        import sys
        from reader.extract import extract_article
        article = extract_article(sys.stdin.read(), "https://ledger.example/2026/12/fees")
        print(article.title, "|", "dredging the channel" in " ".join(b.text for b in article.blocks))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=page, capture_output=True, text=True, timeout=BOUND
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Mooring fees rise | True"


def test_a_feed_made_to_backtrack_is_read_in_linear_time() -> None:
    """S6 in a feed: an item's description of "<a" and a run of letters, before feedparser."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item>'
        "<title>Mooring fees rise</title><link>https://ledger.example/fees</link>"
        f"<description><![CDATA[<a{'b' * 200_000} <]]></description></item></channel></rss>"
    )
    assert _titles_read(feed) == "['Mooring fees rise']"


@pytest.mark.parametrize("opener", ["<!--", "<![CDATA["])
def test_a_feed_of_unclosed_comments_is_read_in_linear_time(opener: str) -> None:
    """A feed using an HTML named reference ("&eacute;", written as a numbered one before the
    parse: `named_references`) whose text opens a comment or a CDATA section over and over
    and never closes one: each opener was tried for its end to the end of the feed, 64 KB
    of them 8 s, these 1-1.8 MB hours."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item>'
        "<title>Caf&eacute; fees rise</title><link>https://ledger.example/fees</link>"
        f"<description>{opener * 200_000}</description></item></channel></rss>"
    )
    assert _titles_read(feed) == "['Café fees rise']"


def _titles_read(feed: str) -> str:
    """The titles of `feed`'s items as `parse_feed` reads them, in a process of its own held
    to `BOUND`."""
    code = textwrap.dedent(
        """
        import sys
        from reader.feeds import parse_feed
        parsed = parse_feed(sys.stdin.buffer.read(), "https://ledger.example/feed.xml")
        print([e.title for e in parsed.entries])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=feed.encode(), capture_output=True, timeout=BOUND
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode().strip()
