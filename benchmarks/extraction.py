"""Extraction benchmark: our extractor against a corpus of pages with their expected article text.

    uv run python benchmarks/extraction.py CORPUS_DIR|demo [--compare] [--pages N] [--worst K] [--markers]
                                           [--script-built] [--time-limit]

CORPUS_DIR holds one folder per page with `source.html` (the page as served) and `expected.html`
(the article as it should be extracted), e.g. the shared copy of Mozilla Readability.js's test pages.

The measure is the one of the public article-extraction benchmarks: both texts lower-cased and
split into `\\w+` tokens, 4-word shingles, true/false positives and false negatives counted over the
two shingle multisets and normalised by their sum (so a long page weighs no more than a short one);
precision and recall averaged over pages, F1 of the two averages. Our text is the blocks' text
(`--markers`: the rendered plain text, list numbers included). `--compare` runs raw
readability-lxml (and trafilatura, when it can be imported) on the same pages in the same run.

`--time-limit` also runs ours under a page's time limit, as a worker reads a page
(`time_limit.within_time`, the default 30 s), page by page beside ours without: the cost of the limit.

`--script-built` measures the pages as a site built by scripts serves them: each page whose
JSON-LD declares an `articleBody` is rewritten with its `<head>` as it was and a `<body>` holding
only its scripts and the empty element they would fill, as a browser gets it before it runs them.
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import lxml.html

sys.path.insert(
    0, str(Path(__file__).resolve().parent.parent)
)  # run from a checkout, not installed

import contextlib

from reader.charset import decode_html
from reader.extract import extract_article, to_text
from reader.extract.declared_body import declared_body_html
from reader.extract.json_ld import json_ld_objects
from reader.extract.math import MATH_CLASS, mark_math
from reader.models import Article, Block, BlockKind, Inline

# The URL Readability.js's own test suite gives its pages; relative links resolve against it.
PAGE_URL = "http://fakehost/test/page.html"
SHINGLE = 4
_TOKEN = re.compile(r"\w+")
# Elements whose boundaries separate words even when the markup has no whitespace between them.
_BLOCK_TAGS = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "address",
]
# Labels that a page's navigation opens with; an article body starting with them kept the menu.
_NAV_WORDS = re.compile(r"^(skip to|home\b|menu\b|search\b|sign in|log in|subscribe\b)", re.I)


def html_text(html: str) -> str:
    """The text content of an HTML fragment or page, with block boundaries kept as line breaks."""
    if not html.strip():
        return ""
    root = lxml.html.document_fromstring(html)
    for el in root.iter("script", "style", "noscript", "template"):
        el.text = ""
    # Formulas count on neither side (see `article_text`): found as our extractor finds them.
    mark_math(root)
    for formula in root.xpath(f'//code[@class="{MATH_CLASS}"]'):
        formula.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles; a text shorter than n tokens is one shingle."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def score(expected: str, got: str) -> tuple[float, float, float]:
    """(precision, recall, f1) of `got` against `expected` over shingle multisets."""
    want, have = shingles(expected), shingles(got)
    tp = sum((want & have).values())
    fp = sum(have.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    if total == 0:  # both empty: nothing was asked, nothing was given
        return 1.0, 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _linked_share(inlines: tuple[Inline, ...]) -> tuple[int, int, int]:
    """(characters, linked characters, links) of a run of inlines, spaces not counted."""
    chars = linked = links = 0
    previous: str | None = None
    for inline in inlines:
        count = len("".join(inline.text.split()))
        chars += count
        if inline.href:
            linked += count
            links += inline.href != previous
        previous = inline.href
    return chars, linked, links


def starts_with_navigation(article: Article) -> bool:
    """True when the body opens with a menu or a breadcrumb trail: its first block (after
    leading headings) is three links or more and mostly links, most of its first 80 characters
    are links, or it opens with a navigation label. Characters, not words: a trail of Japanese
    words has no spaces to count words by. A picture's or a recording's line is a link by
    design, and no navigation: it is left out."""
    shown = without_media(article).blocks
    body = list(itertools.dropwhile(lambda b: b.kind == BlockKind.HEADING, shown))
    if body:
        chars, linked, links = _linked_share(body[0].inlines)
        if links >= 3 and linked > 0.6 * chars:
            return True
    chars = linked = 0
    for block in body:
        more, more_linked, _ = _linked_share(block.inlines)
        chars += more
        linked += more_linked
        if chars >= 80:
            break
    first = next((b.text for b in shown), "")
    return (chars > 0 and linked / chars > 0.6) or bool(_NAV_WORDS.match(first))


@dataclass
class Result:
    """One extractor's outcome on one page."""

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    ms: float = 0.0
    empty: bool = False
    error: str = ""
    nav_start: bool = False
    formulas: int = 0
    pictures: int = 0
    described: int = 0  # pictures whose line gives their alt text


@dataclass
class Run:
    """One extractor over the whole corpus."""

    name: str
    pages: dict[str, Result] = field(default_factory=dict)

    def summary(self) -> dict[str, float]:
        results = list(self.pages.values())
        precision = statistics.fmean(r.precision for r in results)
        recall = statistics.fmean(r.recall for r in results)
        return {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "mean_f1": statistics.fmean(r.f1 for r in results),
            "min_f1": min(r.f1 for r in results),
            "under_half": sum(r.f1 < 0.5 for r in results),
            "ms": statistics.fmean(r.ms for r in results),
            "total_ms": sum(r.ms for r in results),
        }


def article_text(article: Article) -> str:
    """The text we extracted, block by block: what the page says, without the markers our
    plain-text rendering adds ("1. " before an ordered list's items, "> " before quotes).
    The reference is the text content of Readability.js's HTML, where a list's numbers are not
    text either (the browser draws them), so counting ours would charge each numbered item of a
    reference list with up to four false shingles and four missed ones.

    Media lines ("Video (youtube.com)") and pictures' lines ("Image: <alt>") stand where the
    page's player or picture was; the reference keeps that element, which has no text, so
    neither side counts words for it.

    Formulas don't count either. Ours are linear text ("ax² + bx + c"); the reference has an
    image with no text (Wikipedia) or MathML's leaves ("a x 2 + b x + c"), and word tokens
    can't compare them: counted, Wikipedia's Hermitian matrix page fell from 0.93 to 0.73 and
    MathJax's sample page from 1.00 to 0.46. `print_formulas` counts them apart."""
    return "\n\n".join(_prose(b).text for b in without_media(article).blocks)


def without_media(article: Article) -> Article:
    shown = tuple(b for b in article.blocks if b.kind not in (BlockKind.MEDIA, BlockKind.IMAGE))
    return replace(article, blocks=shown)


def _prose(block: Block) -> Block:
    """The block with each formula a space."""
    if not any(i.math for i in block.inlines):
        return block
    return replace(block, inlines=tuple(Inline(" ") if i.math else i for i in block.inlines))


def ours(html: str) -> tuple[str, Article]:
    article = extract_article(html, PAGE_URL)
    return article_text(article), article


def ours_rendered(html: str) -> tuple[str, Article]:
    """`--markers`: the plain text as `reader extract` prints it, list numbers included; media
    lines and formulas left out, as in `article_text`."""
    article = extract_article(html, PAGE_URL)
    prose = replace(article, blocks=tuple(map(_prose, without_media(article).blocks)))
    return to_text(prose, header=False), article


def raw_readability(html: str) -> tuple[str, None]:
    from readability import Document

    return html_text(Document(html, url=PAGE_URL).summary(html_partial=True)), None


def trafilatura_text(html: str) -> tuple[str, None]:
    import trafilatura

    return trafilatura.extract(html, url=PAGE_URL, favor_precision=False) or "", None


Extractor = Callable[[str], tuple[str, Article | None]]


def limited(extract: Extractor) -> Extractor:
    """`extract` under the time limit a worker gives one page (`time_limit.within_time`)."""
    from reader.config import DEFAULT_LIMITS
    from reader.time_limit import within_time

    return lambda html: within_time(DEFAULT_LIMITS.extract_seconds, extract, html)


def run_page(extract: Extractor, html: str, expected: str) -> Result:
    start = time.perf_counter()
    try:
        text, article = extract(html)
    except Exception as exc:  # a benchmark counts failures, it doesn't stop on them
        result = Result(error=f"{type(exc).__name__}: {exc}"[:120])
        result.ms = (time.perf_counter() - start) * 1000
        result.empty = True
        result.precision, result.recall, result.f1 = score(expected, "")
        return result
    ms = (time.perf_counter() - start) * 1000
    precision, recall, f1 = score(expected, text)
    blocks = article.blocks if article is not None else ()
    pictures = [b for b in blocks if b.kind == BlockKind.IMAGE]
    return Result(
        precision,
        recall,
        f1,
        ms,
        empty=not _TOKEN.search(text),
        nav_start=article is not None and starts_with_navigation(article),
        formulas=0 if article is None else sum(i.math for b in article.blocks for i in b.inlines),
        pictures=len(pictures),
        described=sum(bool(b.text) for b in pictures),
    )


def formula_count(html: str) -> int:
    """The formulas of a reference: MathML, and Wikipedia's images of TeX."""
    root = lxml.html.document_fromstring(html)
    return len(root.xpath("//math")) + len(root.xpath('//img[contains(@alt, "\\displaystyle")]'))


def print_formulas(run: Run, corpus: Path, names: list[str]) -> None:
    """Formulas kept, beside those the references show: not in the F1 (see `article_text`)."""
    shown = {
        name: formula_count(decode_html((corpus / name / "expected.html").read_bytes()))
        for name in names
    }
    pages = [n for n in names if shown[n] or run.pages[n].formulas]
    counts = ", ".join(f"{n} {run.pages[n].formulas}/{shown[n]}" for n in pages)
    kept = sum(run.pages[n].formulas for n in pages)
    print(f"formulas kept as text: {kept}; the references show {sum(shown.values())} ({counts})")


def print_pictures(run: Run, corpus: Path, names: list[str]) -> None:
    """Pictures named by a line of their own, beside the pictures the references keep: not in
    the F1 (see `article_text`)."""
    kept = sum(
        len(
            lxml.html.document_fromstring(
                decode_html((corpus / n / "expected.html").read_bytes())
            ).xpath("//img")
        )
        for n in names
    )
    named = sum(run.pages[n].pictures for n in names)
    pages = sum(bool(run.pages[n].pictures) for n in names)
    described = sum(run.pages[n].described for n in names)
    print(
        f"pictures named: {named} on {pages} pages, {described} by their alt text; "
        f"the references keep {kept} <img>"
    )


def load_corpus(corpus: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """(name, decoded page, expected text) for each page folder, in name order."""
    folders = sorted(d for d in corpus.iterdir() if (d / "source.html").is_file())
    folders = [d for d in folders if (d / "expected.html").is_file()][:limit]
    pages = []
    for folder in folders:
        html = decode_html((folder / "source.html").read_bytes())
        expected = html_text(decode_html((folder / "expected.html").read_bytes()))
        pages.append((folder.name, html, expected))
    return pages


def load_demo_corpus(limit: int | None) -> list[tuple[str, str, str]]:
    """The bundled demo site's article pages as a corpus: each page as the demo server renders
    it, and as expected text what its source file says the article is (the standfirst the
    page shows under the headline, then every body block; a page built by script shows no
    standfirst, and one whose text is only in its AMP version is read from that); the site's
    menus, cookie banner, share row, "Read also" box and sidebars are what must not come
    out."""
    from reader.demo.content import load_articles
    from reader.demo.templates import render_amp, render_article

    pages = []
    for whole in load_articles()[:limit]:
        # An article over several pages is benchmarked page by page, each with its own text
        # (every page shows the standfirst).
        numbered = [whole.on_page(n) for n in range(1, len(whole.pages) + 1)] or [whole]
        for article in numbered:
            # A page whose text is only in its AMP version is read from that, as the reader does.
            render = render_amp if article.amp_only else render_article
            html = decode_html(render(article, "http://127.0.0.1:8650"))
            # A page built by script shows no standfirst: its shell declares only the body.
            shown = (
                [article.body_text]
                if article.built_by_script
                else [article.summary, article.body_text]
            )
            name = f"demo/{article.site}/{article.slug}" + (
                f"/{article.page}" if article.page > 1 else ""
            )
            pages.append((name, html, "\n\n".join(shown)))
    return pages


def script_built(html: str) -> str | None:
    """The page as a site built by scripts serves it (see `--script-built`), or None when its
    JSON-LD declares no article text."""
    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    if body is None or not declared_body_html(json_ld_objects(root)):
        return None
    scripts = body.findall(".//script")
    for child in list(body):
        body.remove(child)
    body.text = None
    body.append(lxml.html.fragment_fromstring('<div id="root"></div>'))
    for script in scripts:
        script.tail = None
        body.append(script)
    return lxml.html.tostring(root, encoding="unicode")


def as_script_built(pages: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    built = ((name, script_built(html), expected) for name, html, expected in pages)
    return [(name, html, expected) for name, html, expected in built if html is not None]


def print_table(runs: list[Run]) -> None:
    print(
        "| extractor | precision | recall | F1 | mean page F1 | worst F1 | pages < 0.5 | ms/page |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        s = run.summary()
        print(
            f"| {run.name} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} "
            f"| {s['mean_f1']:.4f} | {s['min_f1']:.3f} | {s['under_half']} | {s['ms']:.1f} |"
        )


def print_pages(runs: list[Run], names: list[str]) -> None:
    heads = " ".join(f"{run.name[:10]:>10}" for run in runs[1:])
    print(f"{'page':<44} {'P':>6} {'R':>6} {'F1':>6} {'ms':>7}  {heads}")
    for name in names:
        r = runs[0].pages[name]
        others = " ".join(f"{run.pages[name].f1:>10.3f}" for run in runs[1:])
        flag = " ERROR" if r.error else " EMPTY" if r.empty else " NAV" if r.nav_start else ""
        print(
            f"{name[:44]:<44} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.ms:7.1f}  {others}{flag}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus",
        type=Path,
        help="folder of page folders (source.html + expected.html), or 'demo' for the bundled demo site",
    )
    parser.add_argument(
        "--compare", action="store_true", help="also run raw readability-lxml (and trafilatura)"
    )
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=10, help="how many worst pages to list")
    parser.add_argument("--quiet", action="store_true", help="no per-page lines")
    parser.add_argument(
        "--markers",
        action="store_true",
        help="measure our rendered plain text (with list numbers) instead of the blocks' text",
    )
    parser.add_argument(
        "--script-built",
        action="store_true",
        help="the pages that declare an articleBody, with the body a script would fill emptied",
    )
    parser.add_argument(
        "--time-limit",
        action="store_true",
        help="also run ours under a page's time limit, as a worker does: what the limit costs",
    )
    args = parser.parse_args(argv)

    demo = str(args.corpus) == "demo"
    pages = load_demo_corpus(args.pages) if demo else load_corpus(args.corpus, args.pages)
    if not pages:
        print(
            f"no page folders with source.html and expected.html in {args.corpus}", file=sys.stderr
        )
        return 2
    if args.script_built:
        found = len(pages)
        pages = as_script_built(pages)
        print(f"{len(pages)} of {found} pages declare an articleBody: their script-built copies")
    extractors: list[tuple[str, Extractor]] = [("ours", ours_rendered if args.markers else ours)]
    if args.compare:
        extractors.append(("readability-lxml", raw_readability))
        try:
            import trafilatura  # noqa: F401

            extractors.append(("trafilatura", trafilatura_text))
        except ImportError:
            print("(trafilatura is not importable: not compared)")
    if args.time_limit:
        extractors.append(("ours, time limit", limited(extractors[0][1])))
    runs = [Run(name) for name, _ in extractors]
    for _, html, _ in pages[:3]:  # warm up imports and caches so the first page isn't timed cold
        for _, extract in extractors:
            with contextlib.suppress(Exception):
                extract(html)
    for name, html, expected in pages:
        # Extractors alternate page by page so a slow moment of the machine hits them all alike.
        for run, (_, extract) in zip(runs, extractors, strict=True):
            run.pages[name] = run_page(extract, html, expected)

    names = [name for name, _, _ in pages]
    if not args.quiet:
        print_pages(runs, names)
        print()
    print(f"{len(pages)} pages from {'the demo site' if demo else args.corpus.name}")
    print_table(runs)
    if args.compare:
        ratio = runs[0].summary()["total_ms"] / max(runs[1].summary()["total_ms"], 1e-9)
        print(f"\ntime ours / readability-lxml: {ratio:.2f}x")
    if args.time_limit:
        ratio = runs[-1].summary()["total_ms"] / max(runs[0].summary()["total_ms"], 1e-9)
        print(f"\ntime ours under the time limit / ours: {ratio:.3f}x")
    ours_run = runs[0]
    print(f"\nworst {args.worst} pages (ours):")
    worst = sorted(names, key=lambda n: ours_run.pages[n].f1)[: args.worst]
    print_pages(runs, worst)
    problems = {
        "empty text": [n for n in names if ours_run.pages[n].empty and not ours_run.pages[n].error],
        "exceptions": [n for n in names if ours_run.pages[n].error],
        "body starting with navigation": [n for n in names if ours_run.pages[n].nav_start],
    }
    print()
    if not demo:
        print_formulas(ours_run, args.corpus, names)
        print_pictures(ours_run, args.corpus, names)
    for label, found in problems.items():
        print(f"pages with {label}: {len(found)}" + (f" ({', '.join(found)})" if found else ""))
        if label == "exceptions":
            for n in found:
                print(f"    {n}: {ours_run.pages[n].error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
