"""Every script in benchmarks/ runs in its cheapest mode and prints something: the project's
evidence for its speed claims must not rot unseen (a private function it calls renamed, a
checkout's `.venv` it assumed, a size it can't go down to).

Nothing is timed: each script is run with its smallest sizes (1 run, a few items) and must exit
0 having printed. A new script must be given its smallest arguments in `SMALLEST` (the test of
the listing fails until it is), or the test that already runs it in `RUN_ELSEWHERE`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"

DATA = "{data}"  # a copy of the synced demo directory (3 feeds, every article cached)
TMP = "{tmp}"  # an empty directory of the test's own
THIS = "{root}"  # this checkout, as the "other" one of a script comparing two

SMALLEST: dict[str, tuple[str, ...]] = {
    "article_during_refresh": (
        *("--against", THIS, "--runs", "1", "--feeds", "6", "--items", "3", "--after", "1"),
    ),
    "article_records": (DATA, "--sample", "3", "--repeats", "1"),
    "cli_against_newsboat": (
        *("--runs", "1", "--feeds", "1", "--items", "2", "--latency", "0", "--hosts", "1"),
    ),
    "bidi_typeset": ("--runs", "1", "--before", THIS),
    "big_library": (f"{TMP}/library", "--feeds", "10", "--folders", "2"),
    "copy_changes": ("--words", "300", "--runs", "1"),
    "data_dir_size": (DATA, "--work", TMP),
    "descriptors": ("--cycles", "1"),
    "deep_pages": ("--against", THIS, "--words", "2000", "--runs", "1"),
    "dripping_host": ("--articles", "4", "--longest", "1", "--per-host", "2"),
    "exit_crashes": ("--runs", "1", "--copies", "1"),
    "export_memory": (DATA, "--formats", "markdown", "--year-formats"),
    "farm": ("--feeds", "1", "--items", "1", "--lifetime", "0.5"),
    "highlights_scale": ("--against", THIS, "--headlines", "200", "--runs", "1"),
    "feed_list_marks": ("--feeds", "8", "--runs", "1", "--against", THIS),
    "feed_list_rows": ("--feeds", "3", "--runs", "1"),
    "feed_lookups": ("--feeds", "6", "--runs", "1", "--against", THIS),
    "feed_stub": ("--against", THIS, "--rounds", "1", "--repeats", "1", "--sizes", "100"),
    "fold_scripts": ("--against", THIS, "--runs", "1"),
    "held_store_keys": ("--hold", "0.2", "--runs", "1"),
    "huge_feed": ("--items", "20", "--runs", "1"),
    "idle_wakeups": ("--seconds", "0.5", "--feeds", "1", "--items", "2"),
    "ignore_rules": ("--items", "1", "--letters", "2000"),
    "import_memory": ("--mb", "1", "--runs", "1"),
    "timed_refresh_memory": ("--against", THIS, "--interval", "1", "--refreshes", "1"),
    "import_read_marks": ("--marks", "50", "--feeds", "2"),
    "import_scale": ("--links", "5"),
    "offline_import": ("--links", "8", "--hosts", "4", "--delay", "0.1"),
    "opml_import_scale": ("--feeds", "5"),
    "limit_room": ("--articles", "20", "--feeds", "2", "--new", "3", "--runs", "1"),
    "list_memory": (DATA, "--runs", "1"),
    "missing_files": (DATA, "--runs", "1"),
    "network_drop": (
        *("--against", THIS, "--runs", "1", "--hosts", "2", "--feeds", "1", "--stories", "2"),
        *("--after", "1", "--drop", "0.2"),
    ),
    "parse_big_feed": ("--items", "20", "--summary", "100", "--runs", "1", "--repeats", "1"),
    "pdf_layout_speed": ("--pages", "2", "--runs", "1"),
    "pdf_memory": ("--mb", "1", "--runs", "1"),
    "portal_print": ("--against", THIS, "--repeats", "1", "--rounds", "2"),
    "reextract_freeze": ("--runs", "1"),
    "repair_memory": ("--rows", "20"),
    "pictures_put": ("--held", "20", "--puts", "3", "--runs", "1", "--users", "1,3"),
    "pictures_fold": ("--articles", "6", "--runs", "1"),
    "discovery_memory": ("--items", "2000", "--runs", "1"),
    "read_marks": (DATA, "--runs", "1"),
    "reading_writes": (DATA, "--before", THIS, "--articles", "2"),
    "saved_sync_start": ("--saved", "5", "--uncached", "2", "--repeats", "1"),
    "same_feed_items": ("--against", THIS),  # no calls recorded: both checkouts' start
    "search_after_sync": ("--articles", "5", "--sample", "2"),
    "search_common_words": ("--articles", "30", "--runs", "1", "--against", THIS),
    "search_fixed_work": ("--data-dir", DATA, "--runs", "1"),
    "search_nothing": ("--data-dir", DATA, "--runs", "1"),
    "search_pages": ("--articles", "5", "--sample", "2"),
    "search_tag": ("--data-dir", DATA, "--runs", "1"),
    "show_page": ("--runs", "1"),
    "stalling_host": ("--stories", "2", "--read-timeout", "0.1"),
    "start_summaries": ("--against", THIS, "--feeds", "2", "--items", "3", "--runs", "1"),
    "startup": ("--runs", "1", "--feeds", "1", "--items", "2", "--before", THIS),
    "too_deep_pages": ("--words", "2000", "--runs", "1"),
    "store_threads": ("--articles", "5", "--threads", "2", "--runs", "1", "--sample", "2"),
    "sync_bookkeeping": (DATA, "--runs", "1"),
    "sync_index_said": ("--articles", "5", "--sample", "2"),
    "sync_limit": (
        *("--cases", "2x2", "--latency", "0", "--hosts", "1", "--syncs", "1", "--runs", "1"),
    ),
    "sync_prefetch": (
        *("--feeds", "1", "--items", "2", "--latency", "0", "--hosts", "1", "--sample", "2"),
    ),
    "sync_pictures": ("--runs", "1"),
    "sync_unchanged": (DATA, "--runs", "1"),
    "sync_wal": ("--feeds", "1", "--before", "1", "--after", "2", "--readers", "1"),
    "sync_memory_library": ("--feeds", "1", "--sizes", "1", "--more", "1"),
    "sync_redraws": ("--against", THIS, "--stories", "2", "--read-timeout", "0.5"),
    "sync_workers_memory": ("--rounds", "1"),
    "table_typeset": ("--against", THIS, "--rows", "20", "--runs", "1"),
    "tui_burst": ("--runs", "1", "--keys", "3"),
    "tui_bytes": ("--before", THIS, "--runs", "1", "--feeds", "2", "--size", "45x15"),
    "tui_far_place": ("--words", "500", "--repeats", "1"),
    "tui_fill_shared": ("--headlines", "200", "--runs", "1"),
    "tui_feed_burst": ("--runs", "1", "--feeds", "3", "--hold", "0.2"),
    "tui_find_in_article": ("--words", "500"),
    "tui_full_text": ("--data-dir", DATA),
    "tui_highlight_slices": ("--words", "2000", "--repeats", "1"),
    "tui_huge": ("--words", "5000", "--repeats", "1"),
    "tui_indexing_keys": ("--data-dir", DATA, "--keys", "2"),
    "tui_library_counts": ("--headlines", "200", "--runs", "1"),
    "tui_loop_stalls": ("--data-dir", DATA, "--opens", "1", "--after", "0.2"),
    "tui_memory": ("--opens", "2", "--every", "1"),
    "tui_next_burst": ("--runs", "1", "--keys", "2", "--sample", "2"),
    "tui_quit": ("--runs", "1", "--feeds", "1", "--items", "2", "--settle", "0.2"),
    "search_year": ("--data-dir", DATA, "--runs", "1", "--against", THIS, "--query", "the"),
    "tui_reading_on": ("--articles", "2", "--every", "1", "--sample", "2", "--search", "harbour"),
    "tui_search_feed_counts": ("--headlines", "200", "--runs", "1"),
    "tui_search_hits_memory": ("--articles", "30", "--against", THIS),
    "tui_f_typing": ("--data-dir", DATA, "--runs", "1"),
    "tui_slash": ("--runs", "1", "--feeds", "1", "--items", "3"),
    "tui_tags": ("--feeds", "2", "--headlines", "200", "--runs", "1"),
    "tui_year_memory": ("--data-dir", DATA, "--opens", "1"),
    "version_repeats": ("--words", "300", "--runs", "1"),
    "upgrade_check": ("--runs", "1"),
    "wrap_clusters": ("--runs", "1"),
    "story_keys": (DATA, "--against", THIS, "--rounds", "1"),
    "year_library": (
        *(f"{TMP}/year", "--feeds", "1", "--items", "2", "--shapes", "1", "--hosts", "1"),
        *("--processes", "1"),
    ),
}

RUN_ELSEWHERE = {
    "extraction": "test_benchmark_extraction.py",
    "hostile": "test_benchmark_hostile.py",
    "scale": "test_benchmark_tui.py",
    "search": "test_benchmark_search.py",
    "sync_refresh": "test_benchmark_farm.py",
    "tui_headlines": "test_benchmark_tui.py",
    "tui_reading": "test_benchmark_tui.py",
    "tui_startup": "test_benchmark_tui.py",
    "tui_sync_stall": "test_benchmark_tui.py",
    "zalgo_search": "test_benchmark_search.py",
}


def _scripts() -> set[str]:
    """The scripts of benchmarks/ (a module of helpers, run by none, is no script)."""
    return {
        path.stem
        for path in BENCHMARKS.glob("*.py")
        if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
    }


def test_every_benchmark_script_is_run_by_a_test() -> None:
    scripts = _scripts()
    assert scripts - SMALLEST.keys() - RUN_ELSEWHERE.keys() == set()
    assert (SMALLEST.keys() | RUN_ELSEWHERE.keys()) - scripts == set()
    for test in RUN_ELSEWHERE.values():
        assert (ROOT / "tests" / test).is_file()


@pytest.mark.parametrize("script", sorted(SMALLEST))
def test_benchmark_runs_in_its_smallest_mode(
    script: str, synced_master: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(synced_master, data)  # some scripts mark, index or write it
    work = tmp_path / "work"
    work.mkdir()
    args = [a.format(data=data, tmp=work, root=ROOT) for a in SMALLEST[script]]
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{script}.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    assert done.stdout.strip(), done.stderr[-2000:]
