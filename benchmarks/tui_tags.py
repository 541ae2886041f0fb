"""A tag's row in the feed list against a feed's, on a year's index held in memory.

    uv run python benchmarks/tui_tags.py [--feeds 60] [--headlines 43000] [--runs 50]

The feed list counts each tag's unread headlines at every change it shows (a flag, an article
come in: `HeadlineIndex.tags`, on the event loop), beside the feeds' own counts
(`unread_counts`); a tag's list is made as a feed's is (`HeadlineIndex.view`). Both measured
side by side in one run, on an index built in memory (no store, no terminal): `--feeds` feeds
each under two of seven tags, `--headlines` headlines spread over them, one in 100 saved and
filed under a tag of its own too (`#`: "fishing"), whose headlines a tag's counts and list take
in; the articles' tags gathered again (`_tagged_articles`, after a load), and the counts after
`#` on one headline, against the feed rows' counts. Prints the times and their ratios.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from reader.models import Entry, Feed
from reader.reports import Headline
from reader.ui.headlines import HeadlineIndex, tag_view

TAGS = ["news", "local", "sport", "tech", "podcast", "wire", "broken"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=60)
    parser.add_argument("--headlines", type=int, default=43_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    feeds = [
        Feed(
            f"http://127.0.0.1:9/{n}.xml", title=f"Feed {n}", tags=(TAGS[n % 7], TAGS[(n + 3) % 7])
        )
        for n in range(args.feeds)
    ]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    headlines = [
        Headline(
            Entry(
                f"e{i}",
                feeds[i % args.feeds].url,
                f"t{i}",
                f"http://127.0.0.1:9/{i}.html",
                now - timedelta(minutes=i),
            ),
            read=i % 3 == 0,
            cached=False,
            saved=i % 100 == 0,
            tags=("fishing", TAGS[i % 7]) if i % 100 == 0 else (),
        )
        for i in range(args.headlines)
    ]
    index = HeadlineIndex(feeds, headlines)
    tagged = sum("news" in feed.tags for feed in feeds)

    def each(work: Callable[[], object]) -> float:
        return timeit.timeit(work, number=args.runs) / args.runs * 1e3

    feed_view = each(lambda: index.view(feeds[0].url))
    tag_list = each(lambda: index.view(tag_view("news")))
    counts = each(index.unread_counts)
    tag_counts = each(index.tags)

    def gathered() -> object:
        index._articles_of = None  # as a reload, or a sync's feed come in, leaves it
        return index.tags()

    def retagged() -> object:
        index.set_tags(headlines[100].entry.id, ("fishing", "sea"))  # `#` on one headline
        return index.tags()

    regathered = each(gathered)
    one = each(retagged)
    print(
        f"list of a feed {feed_view:.2f} ms, of a tag ({tagged} feeds) {tag_list:.2f} ms:"
        f" {tag_list / feed_view:.2f}x"
    )
    print(
        f"the feed rows' counts {counts:.3f} ms, the tag rows' {tag_counts:.3f} ms:"
        f" {tag_counts / counts:.2f}x"
    )
    print(
        f"the tag rows' counts with the articles' tags gathered again {regathered:.2f} ms:"
        f" {regathered / counts:.0f}x the feed rows'"
    )
    print(f"the tag rows' counts after `#` on one headline {one:.3f} ms: {one / counts:.0f}x")


if __name__ == "__main__":
    main()
