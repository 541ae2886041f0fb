"""`reader show` of many articles in one run, its citation formats and styles, and the offline
path of a cached article, against the demo site's synced cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from served_feed import serve_one_item
from test_cli import reader


def cached_ids(data: Path) -> list[str]:
    listed = json.loads(reader(data, "list", "--json").stdout)
    return [item["id"] for item in listed if item["cached"]]


def test_list_ids_piped_into_show_prints_every_article_under_its_citation(
    synced_dir: Path,
) -> None:
    ids = reader(synced_dir, "list", "--ids").stdout.split()
    assert ids == [item["id"] for item in json.loads(reader(synced_dir, "list", "--json").stdout)]
    wanted = cached_ids(synced_dir)[:3]
    listed = json.loads(reader(synced_dir, "list", "--json").stdout)
    titles = [next(i["title"] for i in listed if i["id"] == n) for n in wanted]
    shown = reader(synced_dir, "show", *wanted, "--offline", "--format", "markdown")
    assert shown.returncode == 0, shown.stderr
    parts = shown.stdout.split("\n\n---\n\n")
    assert len(parts) == 3
    for part, title in zip(parts, titles, strict=True):
        assert part.startswith("# ") and "Source: " in part and "Retrieved: " in part
        assert title.split()[0] in part.splitlines()[0]
    # An id not found is said on stderr, the others printed, and the exit status says it.
    mixed = reader(synced_dir, "show", wanted[0], "0123456789ab", wanted[1], "--offline")
    assert mixed.returncode == 1 and "no article with id '0123456789ab'" in mixed.stderr
    assert mixed.stdout.count("Retrieved: ") == 2


def test_show_prints_the_citation_alone_in_the_style_asked_or_configured(
    synced_dir: Path,
) -> None:
    first, second = cached_ids(synced_dir)[:2]
    block = reader(synced_dir, "show", first, "--offline", "--format", "citation")
    assert block.returncode == 0, block.stderr
    # Plain text to paste into a CMS or an e-mail, unless `[citation] copy = "markdown"`.
    assert not block.stdout.startswith("# ") and "\nURL: http://127.0.0.1:" in block.stdout
    assert "  \n" not in block.stdout
    (synced_dir / "config.toml").write_text('[citation]\ncopy = "markdown"\n')
    marked = reader(synced_dir, "show", first, "--offline", "--format", "citation")
    assert marked.stdout.startswith("# ") and "\nURL: <" in marked.stdout
    apa = reader(
        synced_dir, "show", first, second, "--offline", "--format", "citation", "--style", "apa"
    )
    lines = apa.stdout.splitlines()
    assert len(lines) == 2, lines
    for line in lines:
        assert "). " in line and "http://127.0.0.1:" in line, line
    (synced_dir / "config.toml").write_text('[citation]\nstyle = "chicago"\n')
    chicago = reader(synced_dir, "show", first, "--offline", "--format", "citation")
    assert chicago.stdout.count("\n") == 1 and " Accessed " in chicago.stdout
    # The article's own header takes the configured line in the block's place.
    text = reader(synced_dir, "show", first, "--offline").stdout
    assert " Accessed " in text and "Retrieved: " not in text
    (synced_dir / "config.toml").write_text('[citation]\nstyle = "harvard"\n')
    bad = reader(synced_dir, "show", first, "--offline")
    assert (
        bad.returncode == 78
        and "citation.style must be one of 'block', 'chicago', 'apa', 'mla'" in bad.stderr
    )


def test_a_one_line_citation_says_its_notes_on_stderr(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A reference list is a line an article, the notes of a copy (only in part, dated by its
    feed) said apart, on stderr, each naming its article (acc27a A3)."""
    summary = "The council's harbour contract doubled in cost, auditors found. " * 12
    link = httpserver.url_for("/harbour-contract.html")
    feed = serve_one_item(httpserver, "Harbour Ledger", "Harbour contract doubled", link, summary)
    httpserver.expect_request("/harbour-contract.html").respond_with_data(
        "<html><head><title>Harbour contract doubled</title></head><body><article>"
        "<h1>Harbour contract doubled</h1><p>Subscribe to read the rest.</p></article></body></html>",
        content_type="text/html",
    )
    assert reader(tmp_path, "add", feed).returncode == 0
    reader(tmp_path, "sync")
    (entry,) = reader(tmp_path, "list", "--ids").stdout.split()
    block = reader(tmp_path, "show", entry, "--offline", "--format", "citation")
    assert "\nNote: " in block.stdout, block.stdout
    apa = reader(tmp_path, "show", entry, "--offline", "--format", "citation", "--style", "apa")
    assert apa.returncode == 0, apa.stderr
    assert len(apa.stdout.splitlines()) == 1 and "Note:" not in apa.stdout
    assert apa.stderr.startswith("reader: Harbour contract doubled: Note: "), apa.stderr


def test_json_lists_authors_and_csl_json_is_a_list_of_items(synced_dir: Path) -> None:
    first, second = cached_ids(synced_dir)[:2]
    one = json.loads(reader(synced_dir, "show", first, "--offline", "--format", "json").stdout)
    assert isinstance(one, dict) and isinstance(one["authors"], list)
    if one["author"]:
        assert ", ".join(one["authors"]) == one["author"]
    many = json.loads(
        reader(synced_dir, "show", first, second, "--offline", "--format", "json").stdout
    )
    assert many[0]["cited_url"] == one["cited_url"] and len(many) == 2
    items = json.loads(
        reader(synced_dir, "show", first, second, "--offline", "--format", "csl-json").stdout
    )
    assert [i["id"] for i in items] == [first, second]
    assert all(i["type"] == "article-newspaper" and i["URL"].startswith("http") for i in items)
    assert items[0]["title"] == one["title"] and items[0]["URL"] == one["cited_url"]


def test_show_offline_of_a_cached_article_does_not_load_the_extractor(synced_dir: Path) -> None:
    """Reading a cached article back needs no extraction: importing it cost more CPU than the
    rest of `reader show --offline` together, paid once per article of a bulk export."""
    first = cached_ids(synced_dir)[0]
    probe = (
        "import sys; from reader.cli import main; status = main(sys.argv[1:]);"
        " print('extract loaded' if 'reader.extract' in sys.modules else 'no extract',"
        " file=sys.stderr); sys.exit(status)"
    )
    env = {**os.environ, "READER_HOME": str(synced_dir), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-c", probe, "show", first, "--offline"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Retrieved: " in run.stdout and run.stderr.strip() == "no extract"
