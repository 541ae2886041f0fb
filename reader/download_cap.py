"""A cap on what one sync downloads (`[network] max_download`, `reader sync --max-download`):
on a metered link ("at most 50 MB this sync") the sync starts no article, page or picture once
its bytes on the wire (feeds, pages and pictures alike, as its "downloaded …" line counts them)
reach the cap, lets those under way finish, and cuts one that would take it far past
(`FAR_PAST`); what it left is fetched by the next sync. The feeds are still refreshed: the
headlines are what says what there is to fetch.

The requests it holds are those made under `UNDER_CAP` (a sync's articles and their pictures):
the fetcher asks it before each try (`Fetcher`) and, as a body comes, whether to cut it
(`fetch_body.read_body`). Stdlib only."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from .errors import ErrorKind, FetchError
from .plural import plural, size_text

FAR_PAST = 0.1
"""How far past the cap (a share of it) downloads under way may take a sync before they are
cut: a 40 MB PDF begun at 49 MB of a 50 MB cap is cut at 55 MB, not let run to 89 MB."""

FAR_PAST_LEAST = 1024 * 1024
"""...but never less than this past it (bytes): a small cap's last pages come whole."""


class DownloadCap:
    """At most `cap` bytes downloaded by one sync, `counted()` being what it has downloaded so
    far (bodies under way included)."""

    def __init__(self, cap: int, counted: Callable[[], int]) -> None:
        self.cap = cap
        self._counted = counted
        self.stopped = 0
        """The requests it kept from starting or cut (articles' and pictures')."""

    def reached(self) -> bool:
        """The sync has downloaded as much as the cap: nothing more is started."""
        return self._counted() >= self.cap

    def far_past(self) -> bool:
        """Downloads under way have taken the sync far past the cap (`FAR_PAST`): cut them."""
        return self._counted() >= self.cap + max(int(self.cap * FAR_PAST), FAR_PAST_LEAST)

    def said(self) -> str:
        """The cap in words: "the 50 MB cap"."""
        return f"the {cap_size(self.cap)} cap"

    def failure(self, url: str, cut: bool = False) -> FetchError:
        """What a request of `url` the cap kept from starting (or `cut` under way) raises:
        left for the next sync, nothing of the page's (`FetchError.capped`)."""
        self.stopped += 1
        how = "cut" if cut else "not fetched"
        return FetchError(
            ErrorKind.NETWORK,
            f"{how}: this sync stopped at {self.said()} ([network] max_download)",
            url,
            capped=True,
        )


def cap_size(cap: int) -> str:
    """A cap's size as it was likely given: "50 MB", "1.5 GB" ("50.0 MB" reads as a figure
    measured)."""
    return size_text(cap).replace(".0 ", " ")


def stopped_words(cap: int, articles: int) -> str:
    """The line of a sync stopped at its cap: "stopped at the 50 MB cap ([network]
    max_download): 12 articles left for the next sync"."""
    left = f"{plural(articles, 'article')} left" if articles else "the rest of the pictures left"
    return f"stopped at the {cap_size(cap)} cap ([network] max_download): {left} for the next sync"


UNDER_CAP: ContextVar[DownloadCap | None] = ContextVar("reader_under_cap", default=None)
"""The cap a sync's article and picture requests are made under (None: no cap)."""
