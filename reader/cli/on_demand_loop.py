"""An event loop started when a command first needs one: `reader show --offline` of cached
articles needs none, and asyncio (ssl, subprocess and logging under it) and a loop's start are
a tenth of such a command's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Coroutine

    from ..library.stored import StoredLibrary

T = TypeVar("T")


class OnDemandLoop:
    """Runs a command's coroutines, one after another, on one event loop started at the first
    (`asyncio.Runner`); the library is closed on it at the end, or in this thread when no loop
    was started (nothing then ran that `aclose` awaits: no write in the background, no
    fetcher)."""

    def __init__(self, lib: StoredLibrary) -> None:
        self._lib = lib
        self._runner: asyncio.Runner | None = None

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._runner is None:
            import asyncio

            self._runner = asyncio.Runner()
        return self._runner.run(coro)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._runner is None:
            self._lib.close()
            return
        try:
            self._runner.run(self._lib.aclose())
        finally:
            self._runner.close()
