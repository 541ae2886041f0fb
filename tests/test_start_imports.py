"""What the reader's start imports and compiles: a command's module only when that command runs,
so the screen (the command given most often) loads none of theirs, and no pattern over a whole
script until one is needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import sync_into
from pytest_httpserver import HTTPServer

from reader.data_format import DATA_FORMAT
from reader.demo.server import DemoServer

_LOADED = """
import sys
from reader.cli.parser import build_parser
args = build_parser().parse_args(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name.startswith("reader.cli."))
print(" ".join(loaded))
print(args.func.__name__ if hasattr(args, "func") else "-")
"""


def _loaded(*argv: str) -> tuple[set[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *argv], capture_output=True, text=True, check=True
    )
    modules, func = done.stdout.splitlines()
    return set(modules.split()), func


def _printed(script: str) -> str:
    """What a Python of its own running `script` prints (stripped)."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_screen_loads_no_commands_module() -> None:
    modules, func = _loaded("--data-dir", "/nowhere")
    assert func == "-"
    assert modules <= {
        "reader.cli.common",
        "reader.cli.date_args",
        "reader.cli.demo",
        "reader.cli.parser",
        # No command's: `main`'s own look for a stop another exception wrapped, imported
        # at the start, not at the failure, when the reader's files may have changed under it.
        "reader.cli.stops",
    }


def test_a_command_is_found_by_its_name_and_loaded_when_run() -> None:
    modules, func = _loaded("list", "--unread")
    assert func == "cmd_list" and "reader.cli.articles" not in modules


def test_the_screens_imports_compile_no_pattern_of_a_whole_script() -> None:
    """Patterns over Chinese and Japanese (tens of thousands of characters: 2-4 ms each to
    compile) or the rare Latin and Greek letters of look-alike hosts are compiled when first
    needed, not at every start, by the modules the screen imports."""
    script = (
        "import re, reader.cli, reader.ui.app\n"
        "print(sum(isinstance(key[1], str) and ('\\u4e00' in key[1] or '\\u1e00' in key[1])"
        " for key in re._cache))\n"
    )
    assert _printed(script) == "0"


def test_a_command_run_without_worker_processes_imports_no_multiprocessing(tmp_path: Path) -> None:
    """`reader list` (and the screen, until its workers start) runs no process pool: its
    modules (multiprocessing, concurrent.futures.process: ~3 ms) are imported with the first."""
    script = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--data-dir', {str(tmp_path)!r}, 'list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('multiprocessing', "
        "'concurrent.futures.process'))))\n"
    )
    assert _printed(script) == "[]"


def test_the_models_and_reports_import_no_network_client_nor_asyncio() -> None:
    """What every command reads its records into (`models`, `reports`) needs neither httpx nor
    asyncio (~0.1 s of a start, on `reader list --search`'s way to its answer): an address's
    reach, and whether a failure is a network's still rejoining, are plain values."""
    script = (
        "import sys, reader.models, reader.reports, reader.search_query\n"
        "print(sorted(m for m in ('httpx', 'asyncio', 'ssl') if m in sys.modules))\n"
    )
    assert _printed(script) == "[]"


# Runs the CLI in this process and prints which of the given modules it imported.
_IMPORTED_BY_COMMAND = """
import contextlib, io, json, sys
from reader.cli import main
watched, argv = json.loads(sys.argv[1]), json.loads(sys.argv[2])
with contextlib.redirect_stdout(io.StringIO()):
    code = main(argv)
print(code, json.dumps(sorted(m for m in watched if m in sys.modules)))
"""


def _imported_by(argv: list[str], watched: list[str]) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED_BY_COMMAND, json.dumps(watched), json.dumps(argv)],
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = done.stdout.split(" ", 1)
    return int(code), json.loads(modules)


def test_a_sync_with_nothing_new_imports_no_parser_nor_search_nor_comparison(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """`reader sync` whose feeds all answer "not modified" parses no feed (feedparser and chardet
    under it), indexes nothing (the search's modules) and compares no copies (`word_diff`'s
    patterns): each imported at its first use, they were a third of such a sync's start-up."""
    sync_into(data_dir, demo_server.feed_urls[:2], articles=False)
    code, imported = _imported_by(
        ["--data-dir", str(data_dir), "sync", "-q", "--no-articles"],
        ["httpx", "feedparser", "reader.feeds", "reader.full_text", "reader.copy_changes"],
    )
    assert code == 0
    assert imported == ["httpx"]  # it fetched: the check sees what it imported


def test_listing_the_feeds_imports_no_network_client_nor_asyncio(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """`reader feeds` and `reader list` read the store alone: httpx (~40 ms of a start, with
    http.client and ssl under it) comes with the first fetch, asyncio (a third of `reader
    list`'s CPU, ssl, subprocess and logging under it) with the first event loop: the
    library's modules import it in the functions that use it; `email.utils` (socket, calendar
    and the mail's charsets under it: a tenth of `reader --help`) with the first HTTP date."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)
    for command in ("feeds", "list"):
        code, imported = _imported_by(
            ["--data-dir", str(data_dir), command],
            ["httpx", "feedparser", "reader.fetch", "asyncio", "ssl", "email.utils"],
        )
        assert (code, imported) == (0, []), command


def test_the_charset_rules_look_up_no_codec_until_asked() -> None:
    """The charset rules name forty-odd codecs; each lookup imports that codec's module (the
    CJK ones are the costliest), so they are looked up when a charset is first read."""
    script = (
        "import sys, reader.charset_labels as c\n"
        "print('encodings.cp932' in sys.modules, end=' ')\n"
        "print(c.normalise_charset('shift_jis'), c.normalise_charset('latin-1'))\n"
    )
    assert _printed(script).split() == ["False", "cp932", "cp1252"]


def test_listing_headlines_imports_no_citation_nor_highlight_rules(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """Citations (their styles, the rules for writers' names) and highlights are `show`'s: the
    other article commands (`list` in a shell loop above all) don't import them."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)
    code, imported = _imported_by(
        ["--data-dir", str(data_dir), "list"],
        ["reader.citation_styles", "reader.cited_names", "reader.writer_names"],
    )
    assert (code, imported) == (0, [])


def test_the_screen_imports_the_article_search_when_first_searching() -> None:
    """`F`'s search of the cached text (`full_text`, `library.text_search` and the name rules
    under them) is imported in the search's thread when first asked, not at every start."""
    script = (
        "import sys, reader.cli, reader.ui.app\n"
        "print(sorted(m for m in ('reader.full_text', 'reader.library.text_search',"
        " 'reader.writer_names') if m in sys.modules))\n"
    )
    assert _printed(script) == "[]"


def test_the_screen_imports_no_text_area(data_dir: Path, demo_server: DemoServer) -> None:
    """Textual's `TextArea` (its document, edit history and syntax themes: ~15 ms of a start's
    CPU) is in none of the reader's screens: neither importing them nor a first screen of
    headlines and an article opened from it imports it."""
    sync_into(data_dir, demo_server.feed_urls[:1])
    script = (
        "import asyncio, sys\n"
        "import reader.cli, reader.ui.app\n"
        "from tests.tui_pilot import open_row, running\n"
        "imported = ['textual.widgets._text_area' in sys.modules]\n"
        "async def run():\n"
        f"    async with running(__import__('pathlib').Path({str(data_dir)!r}), (100, 30))"
        " as (app, pilot):\n"
        "        await open_row(pilot, 0)\n"
        "        await pilot.pause()\n"
        "        imported.append('textual.widgets._text_area' in sys.modules)\n"
        "asyncio.run(run())\n"
        "print(imported)\n"
    )
    assert _printed(script) == "[False, False]"


def test_the_version_imports_no_store() -> None:
    """`reader --version` says the data format without the store's modules (diskcache and the
    store's layers: ~10 ms of its start) being imported for the number."""
    script = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "said = io.StringIO()\n"
        "with contextlib.redirect_stdout(said), contextlib.suppress(SystemExit):\n"
        "    main(['--version'])\n"
        "print(said.getvalue().split('(')[1].split(',')[0],"
        " sorted(m for m in ('diskcache', 'reader.store') if m in sys.modules))\n"
    )
    assert _printed(script) == f"data format {DATA_FORMAT} []"


def test_the_screen_imports_the_commands_and_typed_addresses_when_used() -> None:
    """The user's `[[command]]`s (subprocess, shlex, their files) are imported when one runs,
    and the rules for an address typed to add a feed when one is typed: the keys' check
    names the commands' type alone, and the first screen adds no feed."""
    script = (
        "import sys, reader.cli, reader.ui.app\n"
        "print(sorted(m for m in ('reader.user_commands', 'reader.command_files',"
        " 'reader.typed_address') if m in sys.modules))\n"
    )
    assert _printed(script) == "[]"


# The library's layers that use the network (`library.networked`) and what they alone import.
_NETWORK_LAYERS = [
    "reader.library.discovery",
    "reader.library.feed_refresh",
    "reader.library.network_hold",
    "reader.library.renewal",
    "reader.library.sitemap_index",
    "reader.library.sync",
    "reader.library.sync_start",
]


def test_listing_and_showing_offline_import_none_of_the_librarys_network(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """`reader list` and `reader show ID --offline` read the data directory alone: the layers
    of the library that renew, refresh, sync and add (~27 modules, a tenth of the library's
    import) are not imported, nor, for `show --offline` of a cached article, asyncio (~40
    modules, ssl among them) and an event loop's start; `reader show ID` imports them."""
    sync_into(data_dir, demo_server.feed_urls[:1])
    listed = _printed(
        "import contextlib, io\n"
        "from reader.cli import main\n"
        "said = io.StringIO()\n"
        "with contextlib.redirect_stdout(said):\n"
        f"    main(['--data-dir', {str(data_dir)!r}, 'list', '--ids'])\n"
        "print(said.getvalue().split()[0])\n"
    )
    watched = [*_NETWORK_LAYERS, "asyncio"]
    shown = ["--data-dir", str(data_dir), "show", listed]
    assert _imported_by(["--data-dir", str(data_dir), "list"], watched) == (0, [])
    assert _imported_by([*shown, "--offline"], watched) == (0, [])
    # All of them but a sitemap index's reading, which its first sitemap read imports.
    networked = sorted(set(watched) - {"reader.library.sitemap_index"})
    assert _imported_by(shown, watched) == (0, networked)


def test_the_highlights_of_articles_named_start_no_event_loop(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """`reader highlights ID…` reads the store alone, as `show --offline` does: it imported
    asyncio (~40 modules, ssl among them) and started an event loop for none of its work."""
    from reader.library import Library
    from tests.cli_run import run_reader
    from tests.test_highlights import highlight

    sync_into(data_dir, demo_server.feed_urls[:1])
    rows = json.loads(
        _printed(
            "import contextlib, io\n"
            "from reader.cli import main\n"
            "said = io.StringIO()\n"
            "with contextlib.redirect_stdout(said):\n"
            f"    main(['--data-dir', {str(data_dir)!r}, 'list', '--json'])\n"
            "print(said.getvalue())\n"
        )
    )
    lib = Library(data_dir)
    ids: list[str] = []
    quoted: list[str] = []
    try:
        for row in rows:
            article = lib.store.article(row["link"])
            if article is None or len(ids) == 2:
                continue
            words = " ".join(" ".join(b.text for b in article.blocks).split()[:6])
            lib.keep_highlight(row["link"], article, highlight(words))
            ids.append(row["id"])
            quoted.append(f"> {words}")
    finally:
        lib.close()
    assert len(ids) == 2
    watched = ["asyncio", "ssl"]
    named = ["--data-dir", str(data_dir), "highlights"]
    assert _imported_by([*named, ids[0]], watched) == (0, [])
    assert _imported_by([*named, *ids, "--format", "json"], watched) == (0, [])
    printed = run_reader(data_dir, "highlights", *ids).stdout
    assert all(quote in printed for quote in quoted), printed


def _ids(data_dir: Path) -> list[str]:
    """The ids `reader list --ids` gives of `data_dir`'s headlines, newest first."""
    return _printed(
        "import contextlib, io\n"
        "from reader.cli import main\n"
        "said = io.StringIO()\n"
        "with contextlib.redirect_stdout(said):\n"
        f"    main(['--data-dir', {str(data_dir)!r}, 'list', '--ids'])\n"
        "print(said.getvalue())\n"
    ).split()


def test_unsaving_and_forgetting_start_no_event_loop(
    data_dir: Path, demo_server: DemoServer
) -> None:
    """`reader unsave ID…` and `reader forget ID…` mark and drop in the store alone, as
    `reader highlights ID` reads it: each imported asyncio (~40 modules, ssl among them) and
    started an event loop for none of its work."""
    from reader.library import Library
    from tests.cli_run import run_reader

    sync_into(data_dir, demo_server.feed_urls[:1])
    ids = _ids(data_dir)
    home = ["--data-dir", str(data_dir)]
    for ident in ids[:3]:
        run_reader(data_dir, "save", ident, "--offline")
    watched = ["asyncio", "ssl"]
    assert _imported_by([*home, "unsave", ids[0]], watched) == (0, [])
    assert _imported_by([*home, "unsave", ids[1], ids[3]], watched) == (0, [])
    assert _imported_by([*home, "forget", ids[2], ids[4]], watched) == (0, [])
    lib = Library(data_dir, workers="thread")
    try:
        entries = {h.entry.id: h.entry for h in lib.headlines()}
        assert not any(lib.is_saved(entries[ident]) for ident in ids[:3])
        assert lib.store.article(entries[ids[2]].link) is None
        assert lib.store.article(entries[ids[0]].link) is not None  # unsaved, still cached
    finally:
        lib.close()


def test_comparing_copies_starts_no_event_loop(data_dir: Path, httpserver: HTTPServer) -> None:
    """`reader diff ID` compares two copies the store keeps: it imported asyncio and started
    an event loop for none of its work, as `highlights` did."""
    from tests.test_copy_changes import Story, edit, serve
    from tests.test_copy_changes import sync as sync_story

    story = Story()
    feed = serve(httpserver, story)
    ident = sync_story(data_dir, feed)
    edit(story)
    sync_story(data_dir, feed)
    home = ["--data-dir", str(data_dir)]
    assert _imported_by([*home, "diff", ident], ["asyncio", "ssl"]) == (0, [])
    assert _imported_by([*home, "diff", ident, "--format", "json"], ["asyncio"]) == (0, [])
    printed = _printed(
        "import contextlib, io\n"
        "from reader.cli import main\n"
        "said = io.StringIO()\n"
        "with contextlib.redirect_stdout(said):\n"
        f"    main([*{home!r}, 'diff', {ident!r}])\n"
        "print(said.getvalue())\n"
    )
    assert "{+£4m+}" in printed, printed
