"""The reading view's "✓ kept" after a picture kept offline is its own status (`o` there opens
the copy kept): no text that leaves the reader carries it. Not `reader show`'s text, Markdown
or JSON, not a user command's input or `{file}`, not a passage copied, quoted or kept as a
highlight; the view still draws it.

Served by real servers on 127.0.0.1 (pytest-httpserver), the pictures real PNG and JPEG bytes,
the reader driven by Textual's Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.geometry import Offset
from textual.selection import Selection

from reader.marks import KEPT_PICTURE
from tests.cli_run import run_reader
from tests.test_kept_pictures import server, synced
from tests.test_user_commands import command, commanded, ended, recorder, runs
from tests.tui_pilot import open_titled, reading, until

__all__ = ["recorder", "server"]  # fixtures


def test_show_leaves_the_kept_mark_out_of_every_format(data_dir: Path, server: HTTPServer) -> None:
    link = synced(data_dir, server)
    base = link.rsplit("/", 1)[0]
    text = run_reader(data_dir, "show", "--offline", link)
    assert text.returncode == 0, text.stderr
    assert f"Image: Idle cranes at Eastquay <{base}/crane.jpg>" in text.stdout.splitlines()
    markdown = run_reader(data_dir, "show", "--offline", "--format", "markdown", link)
    assert markdown.returncode == 0, markdown.stderr
    assert f"![Idle cranes at Eastquay](<{base}/crane.jpg>)" in markdown.stdout.splitlines()
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    for out in (text.stdout, markdown.stdout, data["markdown"], data["text"]):
        assert KEPT_PICTURE not in out and "Idle cranes at Eastquay" in out
    # Which are kept is said where it means something: the JSON's list of pictures.
    assert {p["url"]: p["kept"] for p in data["pictures"]}[f"{base}/crane.jpg"]


def test_a_user_commands_input_and_file_leave_the_kept_mark_out(
    data_dir: Path, server: HTTPServer, recorder: Path
) -> None:
    synced(data_dir, server)
    piped = command(key="M", run=["record-args", "{file}"], input="text")
    marked_down = command(key="ctrl+y", name="markdown", run=["record-args"], input="markdown")

    async def check() -> None:
        async with commanded(data_dir, piped, marked_down) as (_app, pilot, said):
            # Run on the article shown: the one that knows which of its pictures are kept.
            body = await open_titled(pilot, "Cranes")
            await until(pilot, lambda: KEPT_PICTURE in body.text, "the picture marked kept")
            await pilot.press("M")
            await ended(pilot, said)
            await pilot.press("ctrl+y")
            await ended(pilot, said, "markdown")

    asyncio.run(check())
    (first, second) = runs(recorder)
    for out in (first["stdin"], first["file"], second["stdin"]):
        assert "Idle cranes at Eastquay" in out and KEPT_PICTURE not in out


def test_a_passage_copied_quoted_or_kept_leaves_the_kept_mark_out(
    data_dir: Path, server: HTTPServer
) -> None:
    synced(data_dir, server)

    async def run() -> None:
        async with reading(data_dir, "Cranes", (100, 60)) as (app, pilot, body):
            await until(pilot, lambda: KEPT_PICTURE in body.text, "the picture marked kept")
            at = next(n for n, line in enumerate(body.lines) if "Idle cranes at" in line)
            assert body.lines[at].rstrip().endswith(KEPT_PICTURE)  # drawn in the view
            # From the paragraph above to the end of the picture's line, its mark too.
            app.screen.selections = {body: Selection(Offset(0, at - 2), Offset(99, at))}
            kept = body.passage_to_keep()
            assert kept is not None
            for out in (
                body.selected_text,  # Ctrl-C
                body.quotation(True),  # `y` in Markdown, a highlight's quotation
                body.quotation(False),  # `y` in plain text
                kept[0],  # a highlight's words
            ):
                assert "Idle cranes at Eastquay" in out and KEPT_PICTURE not in out

    asyncio.run(run())
