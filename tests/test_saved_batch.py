"""An import's saves written a batch at a time (acc32b B3: each link's save read and rewrote the
whole Saved record, its tags and its archive mark, an import square in its links: 2,000 links
29 s). A real store on a temp dir; a second `Store` on it stands for another process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.keys import article_key
from reader.library import Library
from reader.library.saved_batch import SavedBatch
from reader.library.saved_imports import import_saved
from reader.saved_exports import read_saved_export
from reader.store import Store


def _pocket_csv(links: int) -> bytes:
    """Links to a closed port of this computer (saved as links, never fetched), one in three
    tagged, one in two archived there."""
    rows = "".join(
        f"Link {n},http://127.0.0.1:9/x{n},1764568800,,{'sea' if n % 3 == 0 else ''},"
        f"{'archive' if n % 2 else 'unread'}\n"
        for n in range(links)
    )
    return f"title,url,time_added,cursor,tags,status\n{rows}".encode()


def test_an_import_writes_the_saved_record_a_batch_at_a_time(tmp_path: Path) -> None:
    export = read_saved_export(_pocket_csv(600))
    assert export is not None

    async def run() -> tuple[int, dict[str, dict[str, object]]]:
        async with Library(tmp_path, workers="thread") as lib:
            state = lib.store._state._con  # the state cache's connection in this thread
            before = state.total_changes
            done = await import_saved(lib, export.links)
            assert done.local == 600 and done.read == 300
            return state.total_changes - before, lib.store.saved()

    writes, saved = asyncio.run(run())
    # One write a link for its save, one for its tags, one for its archive mark: 1,100 before.
    # The record of what imports saved (`imported-saved`, acc43a A9) is kept a batch at a time
    # too: 41 with it.
    assert writes < 60, writes
    assert len(saved) == 600
    first, second, third = (saved[article_key(f"http://127.0.0.1:9/x{n}")] for n in range(3))
    assert first["tags"] == ["sea"] and "archived" not in first
    assert second["archived"] and "tags" not in second
    assert third["title"] == "Link 2" and third["at"] == 1764568800


def test_a_batch_keeps_what_another_process_saved_meanwhile(tmp_path: Path) -> None:
    """The record is read again within the batch's transaction, not written as the batch
    first read it: a link saved in another window during an import stays saved."""
    lib = Library(tmp_path, workers="thread")
    other = Store(tmp_path)
    try:
        lib.set_saved("https://a.example/kept", True)
        batch = SavedBatch(lib.store)
        batch.save("https://a.example/imported", title="Imported", tags=("sea",))
        other.set_saved("https://a.example/meanwhile", True)
        other.set_saved("https://a.example/kept", False)
        assert "https://a.example/imported" not in str(other.saved())  # not written yet
        batch.flush()
        saved = other.saved()
    finally:
        other.close()
        lib.close()
    assert set(saved) == {
        article_key("https://a.example/meanwhile"),
        article_key("https://a.example/imported"),
    }
    assert saved[article_key("https://a.example/imported")]["tags"] == ["sea"]


def test_an_import_stopped_midway_keeps_the_links_it_saved(tmp_path: Path) -> None:
    """What the batch held when the import was stopped (Ctrl-C cancels it) is written, not
    lost with it. Fetched (`fetch_local`), each link waits on its refused connection, where
    the import can be stopped."""
    export = read_saved_export(_pocket_csv(300))
    assert export is not None

    async def run() -> None:
        async with Library(tmp_path, workers="thread") as lib:
            task: asyncio.Task[object] | None = None

            def stop_at(done: int, total: int) -> None:
                if done == 60 and task is not None:
                    task.cancel()

            task = asyncio.ensure_future(import_saved(lib, export.links, stop_at, True))
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(run())
    store = Store(tmp_path)
    try:
        assert 60 <= len(store.saved()) < 300
    finally:
        store.close()
