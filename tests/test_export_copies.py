"""What an export carries of the earlier copies kept of a story (acc47b F8): a retracted story
was exported as the notice alone, its original text (copy 1) only in `reader show --version 1`,
useless to whoever got the file; `--format json` had the copies' retrieval times and no text.
`--earlier-copies` writes each under a heading with its retrieval time; without it an export is
as before, its summary line saying what it left out.

A news site on 127.0.0.1 changing its page and feed between syncs (`test_retractions.Site`),
the real store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.story_site import ran, site_fixture
from tests.test_retractions import (
    ALLEGATION,
    NOTICE,
    TITLE,
    Site,
    changed_after,
    first_synced,
    page,
    retrieved,
)

RETRACTED = f"Retracted: {TITLE}"
site = site_fixture(Site, "site")


def _retracted(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[str, str, str]:
    """The story cached, then replaced by the notice: its id, and when each copy was
    retrieved (the story's, the notice's)."""
    ident = first_synced(site, data_dir, capsys)
    first = retrieved(ran(capsys, data_dir, "show", ident, "--offline")[0])
    changed_after(site, page(RETRACTED, NOTICE), title=RETRACTED)
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    return ident, first, retrieved(ran(capsys, data_dir, "show", ident, "--offline")[0])


def test_json_export_carries_each_earlier_copy_s_text_when_asked(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, first, notice_at = _retracted(site, data_dir, capsys)
    [plain] = json.loads(ran(capsys, data_dir, "export", "--format", "json", ident)[0])
    assert ALLEGATION not in json.dumps(plain, ensure_ascii=False)  # the default stays small
    out = ran(capsys, data_dir, "export", "--format", "json", "--earlier-copies", ident)[0]
    [item] = json.loads(out)
    assert "Editor's note" in item["text"]  # the object's own text is still the latest
    [copy] = item["earlier_copies"]
    assert (copy["version"], copy["retrieved"], copy["title"]) == (1, first, TITLE)
    assert ALLEGATION in copy["text"] and ALLEGATION in copy["markdown"]
    assert copy["later_retracted"] == "retracted"
    assert [v["retrieved"] for v in item["versions"]] == [first, notice_at]


@pytest.mark.parametrize("fmt", ["markdown", "text", "html", "epub"])
def test_an_exported_file_carries_the_earlier_copies_under_a_heading_each(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    ident, first, _ = _retracted(site, data_dir, capsys)
    plain = tmp_path / f"plain.{fmt}"
    said = ran(capsys, data_dir, "export", "--format", fmt, ident, "-o", str(plain))[1]
    assert "1 with earlier copies kept, not exported (--earlier-copies adds them)" in said
    assert ALLEGATION.encode() not in _file_text(plain)
    both = tmp_path / f"both.{fmt}"
    said = ran(
        capsys, data_dir, "export", "--format", fmt, "--earlier-copies", ident, "-o", str(both)
    )[1]
    assert "not exported" not in said
    text = _file_text(both).decode()
    heading = f"Copy 1 of 2, retrieved {first}"
    assert heading in text
    # The notice first (the latest copy is the chapter), then the story under its heading.
    assert text.index("Editor's note") < text.index(heading) < text.index(ALLEGATION)
    assert "later retracted" in text[text.index(heading) :]


def _file_text(path: Path) -> bytes:
    """The file's bytes, an EPUB's chapters' unzipped."""
    if path.suffix != ".epub":
        return path.read_bytes()
    import zipfile

    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(n) for n in sorted(book.namelist()) if n.endswith(".xhtml"))


def test_earlier_copies_asked_of_an_opml_export_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    assert main(["--data-dir", str(data_dir), "export", "--earlier-copies"]) != 0
    said = capsys.readouterr().err
    assert "--earlier-copies writes articles' earlier copies: add --format markdown" in said
    assert len(said.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_an_export_with_the_copies_names_them_not_the_reader_s_commands(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """acc47e E8: the notes told the file's reader to run `reader show --version 1`, `V` and
    `d`, the copies being there; a copy's title was "# …" under "## Copy 1 …" (h1 under h2)."""
    import re

    ident, first, notice_at = _retracted(site, data_dir, capsys)
    text = ran(capsys, data_dir, "export", "--format", fmt, "--earlier-copies", ident)[0]
    for command in ("reader show", "--version", "reader diff", "V and d"):
        assert command not in text, command
    assert f"the text changed since the copy retrieved {first}" in text
    assert f"copy 1 of 2, retrieved {first}; the latest, retrieved {notice_at}, differs" in text
    if fmt == "markdown":
        levels = [len(m) for m in re.findall(r"^(#+) ", text, re.MULTILINE)]
    else:
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", text)]
    copy_at = levels.index(2)  # "## Copy 1 of 2": each heading after it under it
    assert levels[0] == 1 and all(level > 2 for level in levels[copy_at + 1 :]), levels


@pytest.mark.parametrize("fmt", ["markdown", "text", "epub"])
def test_a_book_without_the_copies_names_no_command_or_key_either(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """acc50e A4: without `--earlier-copies` a book's notes still said "reader show --version
    1 prints it, reader diff what changed, V and d in the reader", meaningless on an
    e-reader: they say what changed and when, as to a reader of the file."""
    ident, first, _ = _retracted(site, data_dir, capsys)
    out = tmp_path / f"book.{fmt}"
    ran(capsys, data_dir, "export", "--format", fmt, ident, "-o", str(out))
    text = " ".join(_file_text(out).decode().split())
    for command in ("reader show", "--version", "reader diff", "V and d", "in the reader"):
        assert command not in text, command
    assert f"the text changed since the copy retrieved {first}" in text
