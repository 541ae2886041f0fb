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
`reader show --version` does). Ratios are to the line diff. Nothing is asserted.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
