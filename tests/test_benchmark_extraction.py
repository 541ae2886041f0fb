"""The extraction benchmark script runs on a corpus folder and prints its table with sane numbers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "extraction.py"

ARTICLE = """<html><head><title>Ferry back after fog</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="story">
<p>The harbour ferry returned to its timetable on Tuesday after two days of thick fog kept
every crossing in port, the operator said in a statement.</p>
<p>Passengers queued from six o'clock and the first boat left on time with more than two
hundred people aboard, many of them commuters who had driven around the bay.</p>
<p>The coastguard said visibility had risen above one nautical mile overnight, the threshold
at which the ferry may sail under its licence, and that it expected clear weather.</p>
</div></body></html>"""
EXPECTED = """<div><p>The harbour ferry returned to its timetable on Tuesday after two days of thick
fog kept every crossing in port, the operator said in a statement.</p>
<p>Passengers queued from six o'clock and the first boat left on time with more than two
hundred people aboard, many of them commuters who had driven around the bay.</p>
<p>The coastguard said visibility had risen above one nautical mile overnight, the threshold
at which the ferry may sail under its licence, and that it expected clear weather.</p></div>"""
# A page whose expected text is two thirds of what any extractor should return.
HALF = """<div><p>The harbour ferry returned to its timetable on Tuesday after two days of thick
fog kept every crossing in port, the operator said in a statement.</p>
<p>Passengers queued from six o'clock and the first boat left on time with more than two
hundred people aboard, many of them commuters who had driven around the bay.</p></div>"""

ROW = re.compile(
    r"^\| (?P<name>[\w-]+) \| (?P<p>[\d.]+) \| (?P<r>[\d.]+) \| (?P<f1>[\d.]+) \| (?P<mean>[\d.]+) "
    r"\| (?P<worst>[\d.]+) \| (?P<under>\d+) \| (?P<ms>[\d.]+) \|$",
    re.MULTILINE,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, expected in (("ferry", EXPECTED), ("ferry-half", HALF)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "source.html").write_text(ARTICLE, encoding="utf-8")
        (folder / "expected.html").write_text(expected, encoding="utf-8")
    (tmp_path / "not-a-page").mkdir()  # ignored: no source.html
    return tmp_path


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_benchmark_prints_table_with_numbers_in_range(corpus: Path) -> None:
    out = run(str(corpus), "--worst", "2")
    rows = {m["name"]: m for m in ROW.finditer(out)}
    assert set(rows) == {"ours"}
    ours = rows["ours"]
    for key in ("p", "r", "f1", "mean", "worst"):
        assert 0.0 <= float(ours[key]) <= 1.0
    assert float(ours["r"]) == pytest.approx(1.0)  # every expected word was found
    assert 0.3 < float(ours["p"]) < 0.95  # a third of one page's output isn't expected
    assert float(ours["ms"]) > 0
    assert int(ours["under"]) == 0
    assert "2 pages from" in out
    assert re.search(r"^ferry-half\s+0\.\d{3}\s+1\.000", out, re.MULTILINE)  # per-page line
    assert "pages with empty text: 0" in out
    assert "pages with exceptions: 0" in out
    assert "pages with body starting with navigation: 0" in out


def test_benchmark_compare_adds_readability_and_time_ratio(corpus: Path) -> None:
    out = run(str(corpus), "--compare", "--pages", "1", "--quiet")
    rows = {m["name"]: m for m in ROW.finditer(out)}
    assert {"ours", "readability-lxml"} <= set(rows)
    assert float(rows["readability-lxml"]["f1"]) > 0.9
    assert "1 pages from" in out
    assert re.search(r"time ours / readability-lxml: \d+\.\d\dx", out)


def test_benchmark_measures_the_demo_site_against_its_own_sources() -> None:
    out = run("demo", "--pages", "3", "--worst", "1")
    rows = {m["name"]: m for m in ROW.finditer(out)}
    assert "3 pages from the demo site" in out
    # The demo's boilerplate (menus, cookie banner, "Read also") is all around every body:
    # a precision of 1 means none of it came out, a recall of 1 that nothing was lost.
    assert float(rows["ours"]["p"]) > 0.99 and float(rows["ours"]["r"]) > 0.99
    assert re.search(r"^demo/\w+/[\w-]+\s+\d\.\d{3}", out, re.MULTILINE)


def test_benchmark_refuses_a_folder_without_pages(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "no page folders" in done.stderr


def _benchmark_module() -> ModuleType:  # the script is not a package module: load it by path
    import importlib.util

    spec = importlib.util.spec_from_file_location("extraction_benchmark", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_navigation_start_is_told_from_a_teaser_and_counted_in_characters() -> None:
    from reader.models import Article, Block, BlockKind, Inline

    starts_with_navigation = _benchmark_module().starts_with_navigation

    def article(*blocks: Block) -> Article:
        return Article(url="https://x/", title="t", blocks=blocks)

    story = Block(BlockKind.PARAGRAPH, (Inline("昔々、ある村に小さな渡し舟がありました。" * 3),))
    trail = Block(
        BlockKind.PARAGRAPH,
        (
            Inline("童話集", "https://x/"),
            Inline(" > "),
            Inline("きょうの童話", "https://x/t/"),
            Inline(" > "),
            Inline("一月の童話", "https://x/t/1"),
            Inline(" > 渡し舟"),
        ),
    )
    assert starts_with_navigation(article(trail, story))
    assert not starts_with_navigation(article(story))
    teaser = (
        Block(BlockKind.HEADING, (Inline("Ferry timetable ends early", "https://x/ferry"),), 2),
        Block(
            BlockKind.PARAGRAPH,
            (
                Inline(
                    "Extra crossings start in April after the operator"
                    " hired two more crews for the island routes."
                ),
            ),
        ),
    )
    assert not starts_with_navigation(article(*teaser))
    menu = Block(
        BlockKind.PARAGRAPH,
        tuple(Inline(w, f"https://x/{w}") for w in ("Home", "News", "Sport", "Weather")),
    )
    assert starts_with_navigation(article(menu, story))
