"""`reader list` and `reader show` typed at a prompt 40 or 20 columns wide: their lines broken
at words to the width, by the cells the terminal draws (a Japanese character, an emoji, two),
Japanese between characters but never before a "。", an address whole on a line of its own,
the rest of a headline's line under its id. The terminal had broken them at its edge mid-word
("Council approves t / he extraordinary", "afte / r winter", an address in three pieces:
acc45b B7). Piped, each line is as it was: a script reads it whole."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reader.cells import terminal_cells
from reader.cli import main
from tests.cli_run import run_reader
from tests.pty_reader import stderr_on_a_terminal
from tests.served_feed import own_http_server, serve_site

TITLES = {
    "/en.html": "Council approves the extraordinary reconstruction of the northern breakwater",
    "/ja.html": "東京の港湾局が北防波堤の大規模な再建計画を承認しました",
    "/emoji.html": "🎉🎉 Celebrations 🚢 as harbour ferries return 🌊 after winter",
}
ADDRESS = "https://example.org/news/2026/12/07/harbour-ferries-return-after-winter.html"
BODIES = {
    "/en.html": "The harbour authority announced that reconstruction of the northern "
    "breakwater will begin in spring, after a decade of storms eroded its foundations. " * 3,
    "/ja.html": "港湾局は昨日、北防波堤の再建を春に開始すると発表しました。"
    "十年にわたる嵐が基礎を侵食したためです。" * 3,
    "/emoji.html": "Ferries 🚢 return to the harbour 🌊 after winter, and crowds 🎉 "
    f"gathered on the quay to welcome them home. See {ADDRESS} for more. " * 2,
}
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _page(path: str) -> str:
    lang = "ja" if path == "/ja.html" else "en"
    title = TITLES[path]
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}'
        f"</title></head><body><article><h1>{title}</h1><p>By Ada Lovelace</p>"
        f"<p>{BODIES[path]}</p><p>{BODIES[path]}</p></article></body></html>"
    )


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>Mon, 07 Dec 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (path, title) in enumerate(TITLES.items(), 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harbour Gazette Weekly Digest</title>{items}</channel></rss>"
    )


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of the three headlines, their pages cached."""
    home = tmp_path_factory.mktemp("narrow") / "home"
    with own_http_server() as server:
        serve_site(server, _feed, {path: _page(path) for path in TITLES})
        assert main(["--data-dir", str(home), "add", server.url_for("/feed.xml")]) == 0
        assert main(["--data-dir", str(home), "sync"]) == 0
    return home


def _typed(home: Path, columns: int, *args: str, **env: str) -> list[str]:
    """The lines `reader ARGS` wrote to a terminal `columns` wide (its `env` too), escapes
    taken out."""
    drawn, _ = stderr_on_a_terminal(
        list(args), {**os.environ, "READER_HOME": str(home), **env}, columns, 60, stdout_too=True
    )
    text = ESCAPE.sub("", drawn.decode()).replace("\r", "")
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def _fits(lines: list[str], columns: int) -> None:
    for line in lines:  # a word wider than the line (an address, a moment) is one of its own
        assert terminal_cells(line) <= columns or " " not in line.strip(), (line, lines)
        assert not line.lstrip().startswith(("。", "、")), lines


def _words_whole(text: str, lines: list[str]) -> None:
    shown = {word for line in lines for word in line.split()}
    for word in text.split():
        if not re.search("[\u3040-\u30ff\u4e00-\u9fff]", word):
            assert word in shown, (word, lines)


@pytest.mark.parametrize("columns", [40, 20])
def test_list_on_a_narrow_terminal_breaks_at_words(synced: Path, columns: int) -> None:
    lines = _typed(synced, columns, "list")
    _fits(lines, columns)
    for title in TITLES.values():
        _words_whole(title, lines)
    joined = "".join(line.strip() for line in lines)
    assert TITLES["/ja.html"] in joined, lines  # broken between its characters only
    ids = [line for line in lines if re.match("[0-9a-f]{12}", line)]
    assert len(ids) == 3, lines
    rest = [line for line in lines if line not in ids]
    assert rest and all(line.startswith("  ") for line in rest), lines  # under the id


@pytest.mark.parametrize("columns", [40, 20])
def test_show_on_a_narrow_terminal_breaks_at_words(synced: Path, columns: int) -> None:
    ids = {
        line.split()[-1]: line.split()[0] for line in run_reader(synced, "list").stdout.splitlines()
    }
    for path in TITLES:
        ident = next(ident for word, ident in ids.items() if TITLES[path].endswith(word))
        lines = _typed(synced, columns, "show", ident)
        _fits(lines, columns)
        _words_whole(BODIES[path], lines)
        _words_whole(TITLES[path], lines)
        underline = next(line for line in lines if set(line) == {"="})
        assert len(underline) <= columns, lines
        if path == "/emoji.html":
            assert ADDRESS in lines, lines  # whole, on a line of its own
        if path == "/ja.html":
            joined = "".join(line.strip() for line in lines)
            assert BODIES[path] in joined, lines


def test_piped_lines_are_whole(synced: Path) -> None:
    listed = run_reader(synced, "list").stdout.splitlines()
    assert len(listed) == 3 and all(len(line) > 40 for line in listed), listed
    ident = next(line.split()[0] for line in listed if "Celebrations" in line)
    shown = run_reader(synced, "show", ident).stdout
    assert f"See {ADDRESS} for more." in shown


def test_an_error_line_on_a_narrow_terminal_breaks_at_words(synced: Path) -> None:
    """acc46d D9: "reader: tga: is no operator (did you mea / n tag:? …" at 40 columns."""
    piped = run_reader(synced, "list", "--search", "tga:budget")
    said = piped.stderr.strip()
    assert piped.returncode == 2 and said.startswith("reader: tga: ") and "\n" not in said, said
    assert len(said) > 80, said  # a line the terminal would break
    lines = _typed(synced, 40, "list", "--search", "tga:budget")
    _fits(lines, 40)
    _words_whole(said, lines)
    assert " ".join(lines) == said, lines  # its words in order, none lost


DASHED = "Ferries — at last — return … and the quay — rebuilt — waits … for them"


@pytest.mark.parametrize(
    "terminal",
    [{"TERM": "linux", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}, {"LANG": "C", "LC_ALL": "C"}],
    ids=["linux-console", "ascii-locale"],
)
def test_dashes_written_as_two_cells_are_broken_by_the_cells_written(
    tmp_path: Path, terminal: dict[str, str]
) -> None:
    """The Linux console and an ASCII locale are given "--" for "—" and "..." for "…": broken
    at words before the swap, a line of them went past the width (narrow46's leftover)."""
    home = tmp_path / "home"
    page = f"<html><head><title>{DASHED}</title></head><body><article><h1>{DASHED}</h1>"
    page += f"<p>{BODIES['/en.html']}</p><p>{DASHED} {DASHED}</p></article></body></html>"

    def feed(base: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quay'
            f"</title><item><title>{DASHED}</title><link>{base}/d.html</link></item>"
            "</channel></rss>"
        )

    with own_http_server() as server:
        serve_site(server, feed, {"/d.html": page})
        assert main(["--data-dir", str(home), "add", server.url_for("/feed.xml")]) == 0
        assert main(["--data-dir", str(home), "sync"]) == 0
    ident = run_reader(home, "list").stdout.split()[0]
    for args in (("list",), ("show", ident)):
        lines = _typed(home, 40, *args, **terminal)
        assert any("--" in line for line in lines), lines
        _fits(lines, 40)
