"""`Library`: `StoredLibrary` with the layers that use the network on top (`renewal`,
`feed_refresh`, `sync_start`, `sync`, `discovery`), what the reader and every command that
fetches open."""

from __future__ import annotations

from .discovery import LibraryDiscovery


class Library(LibraryDiscovery):
    """Subscriptions, headlines and articles of one data directory."""
