"""The search's folding in many scripts, this checkout against another, side by side.

    uv run python benchmarks/fold_scripts.py --against /path/to/other/checkout [--runs 5]

For texts of ~60 KB in each of ten languages (Arabic, Persian, Hindi, Japanese, Chinese,
Korean, French, Turkish, Russian, English: news sentences of our own, repeated with their
figures changed), the time of what a search does to every article's text:
- **index**: `search_index.indexed_form` (what the index build does to an article's text);
- **scan**: the text composed and folded, then a word of it looked for as a whole word
  (`full_text._Folded.search`), what a search without the index does to each article.

Each run times both checkouts (the best of three calls each) in child processes, one after the other (this one, then the
other, alternately first), so a busy machine weighs on both alike; the median of `--runs` is
printed with the ratio this / other (under 1: this one is faster). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit
from pathlib import Path

_SENTENCES = {
    "ar": ("قال وزير الصحة إن المستشفى الجديد سيفتح في عام {n} بتكلفة {n} مليون.", "المستشفى"),
    "fa": ("شهرداری تهران اعلام کرد که خط {n} متروی تهران تا پایان سال افتتاح می‌شود.", "متروی"),
    "hi": ("ज़िला प्रशासन ने बताया कि {n} में बारिश का फ़ैसला आएगा और सड़कें खुलेंगी।", "बारिश"),
    "ja": ("ＪＲ北海道は{n}日、札幌で初雪を観測したとニュースで伝えた。", "札幌"),
    "zh": ("記者陳美玲／臺北報導：捷運{n}號線今日全線通車，地鐵票價不變。", "捷運"),
    "ko": ("서울시는 {n}일 귀갓길을 서두르는 시민들을 위해 심야 버스를 늘렸다.", "심야"),
    "fr": ("La Ville de Lyon a dévoilé les œuvres de l’édition {n}, place Bellecour.", "œuvres"),
    "tr": ("İstanbul'da {n} Aralık itibarıyla kış lastiği zorunluluğu başladı.", "lastiği"),
    "ru": ("Мэрия сообщила, что ёлку на площади установят {n} декабря.", "ёлку"),
    "en": ("The harbour board published its winter timetable on Monday, {n} crossings.", "winter"),
}
_CHARACTERS = 60_000


def _texts() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang, (sentence, _word) in _SENTENCES.items():
        parts: list[str] = []
        n = 0
        while sum(map(len, parts)) < _CHARACTERS:
            parts.append(sentence.format(n=n + 1))
            n += 1
        out[lang] = " ".join(parts)
    return out


def _child() -> None:
    """Time this interpreter's `reader` (the checkout first on sys.path) on each text; print
    milliseconds as JSON."""
    from reader.full_text import Query, _Folded
    from reader.search_index import indexed_form

    timings: dict[str, list[float]] = {}
    for lang, text in _texts().items():
        word = Query(_SENTENCES[lang][1]).words[0]
        assert _Folded(text).search(word) is not None, lang
        index = min(timeit.repeat(lambda text=text: indexed_form(text), number=1, repeat=3))
        scan = min(
            timeit.repeat(
                lambda text=text, word=word: _Folded(text).search(word), number=1, repeat=3
            )
        )
        timings[lang] = [index * 1000, scan * 1000]
    print(json.dumps(timings))


def _measured(root: Path) -> dict[str, list[float]]:
    result = subprocess.run(
        [sys.executable, __file__, "--child"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="the other checkout (required)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child()
        return
    if args.against is None:
        parser.error("--against: the checkout to compare with")
    here = Path(__file__).resolve().parent.parent
    runs: dict[Path, list[dict[str, list[float]]]] = {here: [], args.against: []}
    for run in range(args.runs):
        for root in (here, args.against) if run % 2 == 0 else (args.against, here):
            runs[root].append(_measured(root))
    print(f"{_CHARACTERS:,} characters a language; median of {args.runs} runs, ms")
    print(
        f"{'':4}{'index: this':>12}{'other':>8}{'ratio':>7}   {'scan: this':>11}{'other':>8}{'ratio':>7}"
    )
    for lang in _SENTENCES:
        row = f"{lang:4}"
        for part in (0, 1):
            this = statistics.median(r[lang][part] for r in runs[here])
            other = statistics.median(r[lang][part] for r in runs[args.against])
            row += f"{this:12.1f}{other:8.1f}{this / other:7.2f}   "
        print(row)


if __name__ == "__main__":
    main()
