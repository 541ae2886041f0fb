"""`reader export --format json` (acc44c C9: a dossier's articles for a script took a
`reader list --ids | reader show - --format json` pipe): one JSON list of the objects `reader
show --format json` prints, chosen as every export chooses them, the uncached counted. The demo
site synced into a real store, the CLI as a user runs it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reader.cli import main
from reader.highlights import Highlight
from reader.library import Library

PASSAGE = "The council approved the budget"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_export_as_json_is_the_list_show_prints(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = ["--data-dir", str(synced_dir)]
    listed = json.loads(run(capsys, *home, "list", "--json")[1])
    cached = [row for row in listed if row["cached"]]
    assert len(cached) >= 3
    chosen = cached[0]
    lib = Library(synced_dir)
    try:
        entry = lib.entry(chosen["id"])
        assert entry is not None
        article = lib.cached_article(entry)
        assert article is not None
        words = next(b.text for b in article.blocks if len(b.text.split()) > 8)
        words = " ".join(words.split()[:6])
        lib.keep_highlight(entry, article, Highlight(words, words, words, time.time(), 0, "why"))
    finally:
        lib.close()

    output = tmp_path / "dossier.json"
    code, out, err = run(capsys, *home, "export", "--format", "json", "-o", str(output))
    assert code == 0 and out == ""
    exported = json.loads(output.read_text(encoding="utf-8"))
    assert f"{len(exported)} articles exported to {output} (json)" in err
    assert sorted(item["id"] for item in exported) == sorted(row["id"] for row in cached)
    # Each object is `show --format json`'s of it: text, marks, highlights.
    item = next(item for item in exported if item["id"] == chosen["id"])
    shown = json.loads(run(capsys, *home, "show", chosen["id"], "--format", "json")[1])
    assert item == shown
    assert item["feed"] == chosen["feed"] and item["text"] and item["markdown"]
    assert [h["quote"].strip("> ") for h in item["highlights"]] == [words]

    # Chosen as every export chooses: by id (one not cached counted), or none said.
    uncached = next((row for row in listed if not row["cached"]), None)
    ids = [chosen["id"]] + ([uncached["id"]] if uncached else [])
    code, out, err = run(capsys, *home, "export", "--format", "json", *ids)
    assert code == 0 and [i["id"] for i in json.loads(out)] == [chosen["id"]]
    if uncached:
        assert "1 article not cached left out" in err
    code, out, err = run(capsys, *home, "export", "--format", "json", "--tag", "nosuchtag")
    assert code != 0 and out == "" and err.startswith("reader: ")


def test_a_json_export_writes_each_article_as_it_is_read(
    synced_dir: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Streamed as the other formats are: the file being written holds the objects made so far
    each time the next article is read (the whole list made first took 894 MB of 15,000
    articles, acc50d D1), and it ends as the whole list dumped at once, byte for byte."""
    from reader.cli.common import json_text
    from reader.library.kept_articles import LibraryKeptArticles

    output = tmp_path / "out" / "all.json"
    output.parent.mkdir()
    written: list[int] = []
    shown = LibraryKeptArticles.cached_article_as_shown

    def read(self: LibraryKeptArticles, target: object) -> object:
        written.append(sum(part.stat().st_size for part in output.parent.glob(".all.json.*")))
        return shown(self, target)  # type: ignore[arg-type]

    monkeypatch.setattr(LibraryKeptArticles, "cached_article_as_shown", read)
    home = ["--data-dir", str(synced_dir)]
    code, _, err = run(capsys, *home, "export", "--format", "json", "-o", str(output))
    assert code == 0, err
    text = output.read_text(encoding="utf-8")
    exported = json.loads(text)
    assert len(exported) >= 3 and len(written) >= len(exported)
    assert written[0] == 0 and written[-1] > 0  # the first read before any was written
    assert text == json_text(exported) + "\n"
