"""Where data lives and the limits the network layer obeys.

One place for each policy: the data directory (``--data-dir`` > ``READER_HOME`` > platformdirs),
and the fetch limits (timeouts, concurrency caps, redirect and size caps).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__

APP_NAME = "reader-tui"
USER_AGENT = f"reader-tui/{__version__} (terminal news reader; offline cache)"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory that holds the feeds list and the article cache."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("READER_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # imported here: only needed when no directory was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class FetchLimits:
    """Caps that keep one slow or hostile server from stalling or flooding us."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0  # a whole request, body included, even if bytes trickle in
    max_connections: int = 16  # in flight at once, all hosts together
    per_host: int = 4  # in flight at once to one host
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024  # decoded body; larger pages are refused
    feed_max_bytes: int = 20 * 1024 * 1024
    max_title_length: int = 500
    max_feed_items: int = 2000  # per feed document, and per feed kept on disk (history included)


DEFAULT_LIMITS = FetchLimits()
