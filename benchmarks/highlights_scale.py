"""What `reader highlights` costs in a big library with a few highlights: `every_highlight`
(what `reader highlights`, `reader export --highlighted` and the reader's highlights read) and
the command whole, in a library of `--headlines` headlines (by default a year's 43,000; 20,000
asked: 10 feeds of 2,000, as many as a feed keeps, a sentence or two of prose each, every tenth
with no link), with highlights on 3 items with no link and 2 articles; this checkout against another side by side (`--against DIR`, a worktree
of main), the checkouts taking turns.

    uv run python benchmarks/highlights_scale.py [--headlines 20000] [--runs 5] [--against DIR]

Each child builds its library afresh in a temporary directory with its own checkout's store
(`merge_entries`, `keep_highlight`: the records as that checkout writes them), then times
`every_highlight()` (the mean of 10 calls), `reader highlights` (the mean of 3 runs in the
process, its output read) and, "legacy", `every_highlight()` again once the items' records
are as a reader from before session 42 wrote them (no feed named in them: looked for in every
feed). Nothing is fetched. Prints each checkout's medians in ms and the ratios against /
this. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from children import index_comparison

FEED_ITEMS = 2000
"""Headlines a feed of the library lists: as many as a feed keeps (`max_items`)."""
CALLS = 10
COMMANDS = 3
PROSE = (
    "The harbour board met on {n} to hear the dredging contractor's report, and the fishing"
    " co-operative asked again for the western lane to be marked before the spring tides."
)


def mean_ms(call: Callable[[], object], times: int) -> float:
    """The mean time of `call`, run `times` times in a row, in ms."""
    start = time.perf_counter()
    for _ in range(times):
        call()
    return (time.perf_counter() - start) * 1000 / times


def child(root: Path, items: int) -> None:
    sys.path.insert(0, str(root))
    from reader.cli import main
    from reader.highlights import Highlight
    from reader.library import Library
    from reader.models import Article, Entry

    took: dict[str, float] = {}
    feeds = max(3, -(-items // FEED_ITEMS))  # three at least: three items with no link kept
    per_feed = items // feeds
    start_day = datetime(2026, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="hl42-highlights-") as temporary:
        home = Path(temporary) / "home"
        lib = Library(home)
        try:
            linkless: list[Entry] = []
            linked: list[Entry] = []
            for f in range(feeds):
                url = f"http://127.0.0.1:9/desk-{f}.xml"
                lib.store.add_feed(url, f"Harbour desk {f}")
                entries = []
                for n in range(per_feed):
                    link = "" if n % 10 == 0 else f"http://127.0.0.1:9/desk-{f}/story-{n}"
                    entries.append(
                        Entry(
                            id=f"{f:04x}{n:08x}",
                            feed_url=url,
                            title=f"Desk {f} note {n}",
                            link=link,
                            published=start_day + timedelta(minutes=n),
                            summary=f"<p>{PROSE.format(n=n)}</p>",
                            feed_title=f"Harbour desk {f}",
                        )
                    )
                lib.store.merge_entries(url, entries)
                if f < 3:
                    linkless.append(entries[per_feed // 20 * 10])  # one with no link
                if f < 2:
                    linked.append(entries[per_feed // 3])
            words = "the fishing co-operative asked again"
            for entry in linkless:
                article = lib.linkless_text(entry)
                assert article is not None
                lib.keep_highlight(entry, article, Highlight(words, words, words, time.time()))
            for entry in linked:
                article = Article(entry.link, title=entry.title)
                lib.keep_highlight(entry, article, Highlight(words, words, words, time.time()))
            assert len(lib.every_highlight()) == len(linkless) + len(linked)
            took["every_highlight"] = mean_ms(lib.every_highlight, CALLS)
        finally:
            lib.close()

        def command() -> None:
            with contextlib.redirect_stdout(io.StringIO()) as out:
                assert main(["--data-dir", str(home), "highlights"]) == 0
            assert out.getvalue().count(words) == len(linkless) + len(linked)

        took["reader highlights"] = mean_ms(command, COMMANDS)

        lib = Library(home)
        try:
            # As a reader from before kept them: no feed named, the item's text not kept.
            for entry in linkless:
                address = f"feed-item:{entry.id}"
                lib.store.change_highlights(
                    address, lambda kept: type(kept)(kept.url, kept.title, kept.note, kept.items)
                )
            took["legacy every_highlight"] = mean_ms(lib.every_highlight, CALLS)
        finally:
            lib.close()
    print(json.dumps(took))


def main() -> int:
    return index_comparison(
        __file__, __doc__, child, "--headlines; 5 highlighted: 3 with no link", digits=1
    )


if __name__ == "__main__":
    raise SystemExit(main())
