"""What changed between two copies of a huge article: how long the comparing takes.

    uv run python benchmarks/copy_changes.py [--words 100000] [--runs 3]

`reader diff` and `d` in the reading view compare two copies kept of an article
(`copy_changes.changes_between`), paragraph by paragraph, then word by word within those that
changed, with `difflib`: CPU work, in a thread in the reader, capped on huge texts
(`MAX_WORDS_COMPARED`, `MAX_RUN_COMPARED`). This times it on a generated article of `--words`
words (`tui_reading.generated_article`: paragraphs of 60–140 words, a vocabulary of a few
dozen words, so many repeats, the matcher's worst) against copies of it edited:

- **figure**: one word changed in one paragraph (a stealth edit);
- **figure + sentence + paragraph**: one word, one sentence rewritten, one paragraph added;
- **every paragraph**: a word changed in each (a search-and-replace across the page);
- **rewritten**: every paragraph new (another text);
- **one paragraph**: the article as one paragraph of `--words` words, one word changed.

Side by side in the same run, for scale: the line diff one would run by hand
(`difflib.unified_diff` of the two copies' paragraphs, as `diff <(reader show …) <(reader
show …)`), and a copy's text rebuilt from the cache's record (`codec.article_from_dict`, as
`reader show --version` does). Ratios are to the line diff.

`--tui`: in the reader (headless, `App.run_test`), an article of `--words` words with an
earlier copy kept, opened and laid out; then `d` → the changes drawn, and the longest the
event loop went without running meanwhile (a 5 ms timer's longest gap), against the same gap
while nothing is asked of it (the floor). For the two copies of the `figure` case, and of
`tui_huge.py`'s (another text of the same length: a page rewritten whole). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_reading.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import load_average
from tui_reading import generated_article

from reader.codec import article_from_dict, article_to_dict
from reader.copy_changes import changes_between, paragraphs
from reader.extractor_version import EXTRACTOR
from reader.models import Article, Block, BlockKind, Inline


def edited(article: Article, case: str) -> Article:
    blocks = list(article.blocks)
    texts = [i for i, b in enumerate(blocks) if b.kind == BlockKind.PARAGRAPH]

    def with_text(index: int, text: str) -> None:
        blocks[index] = Block(BlockKind.PARAGRAPH, (Inline(text),))

    middle = texts[len(texts) // 2]
    if case in ("figure", "figure + sentence + paragraph"):
        words = blocks[middle].text.split()
        words[len(words) // 2] = "£4m"
        with_text(middle, " ".join(words))
    if case == "figure + sentence + paragraph":
        other = texts[len(texts) // 3]
        with_text(other, blocks[other].text + " A spokesman declined to comment on Friday.")
        blocks.insert(texts[-1], Block(BlockKind.PARAGRAPH, (Inline("Amended on 5 December."),)))
    if case == "every paragraph":
        for index in texts:
            words = blocks[index].text.split()
            words[3] = "amended"
            with_text(index, " ".join(words))
    if case == "rewritten":
        for n, index in enumerate(texts):
            with_text(index, f"Paragraph {n} written anew " + "lorem ipsum dolor " * 20)
    return replace(article, blocks=tuple(blocks), version=2)


def timed(work: Callable[[], object], runs: int) -> float:
    """The median of `runs` timings of `work`, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tui", action="store_true", help="d in the reader, its loop's gaps")
    args = parser.parse_args()
    if args.tui:
        for case in ("figure", "rewritten whole"):
            asyncio.run(in_the_reader(args.words, case))
        return
    _, article = generated_article(args.words)
    times = (None, None)
    old = replace(article, versions=times, version=1)
    whole = " ".join(paragraphs(old))
    one = replace(old, blocks=(Block(BlockKind.PARAGRAPH, (Inline(whole),)),))
    words = whole.split()
    words[len(words) // 2] = "£4m"
    one_edited = replace(one, blocks=(Block(BlockKind.PARAGRAPH, (Inline(" ".join(words)),)),))
    record = article_to_dict(old)
    print(
        f"{args.words:,} words, {len(paragraphs(old)):,} paragraphs; median of {args.runs} runs;"
        f" load {load_average()}"
    )
    print(f"{'case':<32}{'changes':>10}{'line diff':>12}{'ratio':>8}{'hunks':>7}  capped")
    cases = ["figure", "figure + sentence + paragraph", "every paragraph", "rewritten"]
    pairs = [(case, old, edited(old, case)) for case in cases]
    pairs.append(("one paragraph", one, replace(one_edited, version=2)))
    for case, before, after in pairs:
        result = changes_between(before, after)
        ours = timed(lambda b=before, a=after: changes_between(b, a), args.runs)

        def by_hand(b: Article = before, a: Article = after) -> None:
            list(difflib.unified_diff(paragraphs(b), paragraphs(a), lineterm=""))

        lines = timed(by_hand, args.runs)
        print(
            f"{case:<32}{ours:>8.1f}ms{lines:>10.1f}ms{ours / lines:>7.1f}×"
            f"{len(result.hunks):>7}  {'yes' if result.compared_whole else 'no'}"
        )
    rebuilt = timed(lambda: article_from_dict(record), args.runs)
    print(f"{'(a copy rebuilt from its record)':<32}{rebuilt:>8.1f}ms")


async def in_the_reader(words: int, case: str) -> None:
    import tempfile

    from tui_reading import build_data_dir

    from reader.library import Library
    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.changes import ChangesScreen, ChangesText
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody

    entry, article = generated_article(words, seed=7)
    article = replace(article, extractor=EXTRACTOR)
    if case == "figure":
        earlier = replace(edited(article, "figure"), version=0)
    else:
        earlier = replace(generated_article(words, seed=8)[1], title=article.title)
    with tempfile.TemporaryDirectory(prefix="bench-changes-") as tmp:
        build_data_dir(Path(tmp), entry, earlier)
        lib = Library(Path(tmp), workers="thread")
        try:
            lib.store.put_article(entry.link, earlier, b"kept page")
            lib.store.renew_article(entry.link, article, b"kept page")
        finally:
            lib.close()
        app = ReaderApp(Path(tmp), refresh_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.ready.wait()
            await pilot.press("enter")
            while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
                await asyncio.sleep(0.05)
            body = app.screen.query_one(ArticleBody)
            while body._unfinished:  # the rest laid out: the loop is free
                await asyncio.sleep(0.05)
            gaps: list[float] = []
            ticking = True

            async def tick() -> None:
                last = time.perf_counter()
                while ticking:
                    await asyncio.sleep(0.005)
                    now = time.perf_counter()
                    gaps.append((now - last) * 1000)
                    last = now

            ticker = asyncio.ensure_future(tick())
            await asyncio.sleep(1.0)
            floor, gaps[:] = max(gaps), []
            sent = time.perf_counter()
            await pilot.press("d")
            while not isinstance(app.screen, ChangesScreen):
                await asyncio.sleep(0.005)
            while not app.screen.query_one(ChangesText).shown:
                await asyncio.sleep(0.005)
            await pilot.pause()
            drawn = (time.perf_counter() - sent) * 1000
            ticking = False
            await ticker
            print(
                f"{words:,} words, {case}: d → drawn {drawn:,.0f} ms; the loop's longest gap "
                f"{max(gaps):.0f} ms (idle: {floor:.0f} ms); load {load_average()}"
            )


if __name__ == "__main__":
    main()
