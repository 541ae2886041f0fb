"""The one service both faces (CLI and TUI) call: verbs in, values out.

`Library` owns the store, one `Fetcher` and the workers for CPU work (`CpuWorkers`: feed
parsing and extraction run off the event loop, in a process pool so a long sync can't starve
the UI, or in a thread for one-off commands where starting processes would cost more than it
saves; a page is read in a worker process all the same, where its time limit holds).

It is built in layers, a module each, every class adding to the one before it (each calls only
what is defined below it): `resources` (the store, the fetcher, the workers), `subscribed`
(the feeds subscribed to, named and found), `tags` (the feeds filed under each tag),
`headlines` (the headlines listed, marked as the store says), `lookup` (an entry by id or
address), `flags` (read and saved), `article_tags` (saved articles filed under tags),
`archiving` (saved articles done with, kept), `kept_articles` (cached articles read back),
`reader_state` (what the reader keeps between runs: its view, where it left each article),
`pruning` (the cache's size and limits),
`reextraction` (articles extracted again from the pages kept), `page_reads` (each page downloaded
and read, watched for a login page's), `downloads` (articles fetched and cached, page by page),
`saving` (articles saved for good, a link as the story it leads to),
`highlights` (passages kept of articles, and notes), `search_feeds` (the config's
searches and those kept in the data directory): so far `stored.StoredLibrary`, what a command
that reads the data directory alone opens. Then the network's, `networked.Library`:
`renewal` (a cached article's page fetched again: a sync's, or `refresh_article`'s on demand),
`feed_refresh` (feeds refreshed; `feed_handover`, a refresh's fetches of feeds a sync started
in its place takes over), `sync` (every feed refreshed, every article fetched),
`discovery` (`add`: a feed subscribed to, found first when the address is a web page's). `limit`
(what a sync leaves out for the size limit) and `limit_keeps` (the limit's order of eviction and
each feed's share of it) are a policy the layers use, no layer; so is `leads` (how private an
address a download may be led to, by its feed and its pages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .networked import Library as Library  # re-exported: `__getattr__` gives it


def __getattr__(name: str) -> object:
    """`Library`, imported when first named: importing a layer's module (`stored`, by the
    commands that read alone) imports no other layer's."""
    if name == "Library":
        from .networked import Library

        return Library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
