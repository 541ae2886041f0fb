"""Where data lives, the config file, and the limits the network layer obeys.

One place for each policy: the data directory (``--data-dir`` > ``READER_HOME`` > platformdirs),
the config file (``--config`` > ``READER_CONFIG`` > ``config.toml`` in a data directory that was
chosen explicitly > the platformdirs config directory), and the fetch limits (timeouts,
concurrency caps, retries, redirect and size caps).
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config_slips import toml_slip
from .config_trust import distrusted
from .data_path import check_data_path
from .feed_order import FEED_ORDERS
from .marks import said_path
from .models import SiteRule
from .own_folder import make_private_folder
from .safe import safe_line
from .sync_lock import SYNC_WAIT
from .whole_file import write_new_file

if TYPE_CHECKING:
    from .ignore_rules import IgnoreRule
    from .search_feeds import SearchFeed
    from .user_commands import UserCommand

APP_NAME = "reader-tui"
USER_AGENT = f"reader-tui/{__version__} (terminal news reader; offline cache)"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory that holds the feeds list and the article cache."""
    if override:
        return check_data_path(Path(override).expanduser())
    env = os.environ.get("READER_HOME")
    if env:
        return check_data_path(Path(env).expanduser())
    import platformdirs  # imported here: only needed when no directory was given

    return check_data_path(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


@dataclass(frozen=True)
class FetchLimits:
    """Caps that keep one slow or hostile server from stalling or flooding us."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0  # a whole request, body included, even if bytes trickle in
    # The longest any one answer may take, however steadily its body comes (`fetch_body`): a
    # 10 MB page (`max_bytes`) on a 1 Mbit/s link takes 84 s, so a slow but real site's biggest
    # page comes whole with room to spare, while a server dripping just over the steady rate
    # without end held a sync 35 minutes (acc50a A1). A PDF's grows with its larger cap.
    longest_answer: float = 120.0
    max_connections: int = 16  # in flight at once, all hosts together
    per_host: int = 4  # in flight at once to one host
    max_redirects: int = 5
    max_article_pages: int = 20  # pages fetched of one article split over several
    retries: int = 2  # extra attempts after a connect/read timeout, a reset or a 502/503/504/429
    backoff: float = 0.5  # seconds before the first retry; doubled each time, with jitter
    max_retry_after: float = 30.0  # a longer Retry-After is reported, not waited for
    # Seconds a sync holds its articles when the network goes mid-sync (no host connecting, or
    # none answering), probing for it, before leaving the rest for the next sync
    # (`library.network_hold`).
    network_wait: float = 60.0
    # Bytes one sync downloads at most, feeds, pages and pictures together (`download_cap`);
    # 0: no cap. Written "50MB" in the config ("" for none), `reader sync --max-download 50M`.
    max_download: int = 0
    max_bytes: int = 10 * 1024 * 1024  # decoded body; larger pages are refused
    # A PDF's: a council's report or a court's filing is 10-60 MB, mostly its photographs and
    # scans, of which only the text is read (`extract.pdf_document`).
    pdf_max_bytes: int = 60 * 1024 * 1024
    # CPU seconds a worker may spend reading one page (`time_limit.within_time`); past them the
    # page is not kept: a hostile one held a worker for hours, and the sync with it.
    extract_seconds: float = 30.0
    feed_max_bytes: int = 20 * 1024 * 1024
    max_title_length: int = 500
    max_feed_items: int = 2000  # per feed document, and per feed kept on disk (history included)
    ca_file: str = ""  # PEM certificates trusted besides the system's (a company's own CA)
    # The proxy every request goes through (`proxies`): "" none, "http://host:port",
    # "socks5h://host:port" (Tor's), or "env" for the environment's HTTPS_PROXY / HTTP_PROXY /
    # ALL_PROXY, NO_PROXY honoured.
    proxy: str = ""
    # Each site's requests handed to a SOCKS proxy under a user name of their own, the site's:
    # Tor gives each its own circuit (`proxies.Route.proxy_of_site`). "tor": through a proxy
    # on Tor's own ports only (`proxies.TOR_PORTS`), as a proxy taking no user name (`ssh -D`'s)
    # refuses the request; True through every SOCKS proxy, False none.
    isolate_sites: bool | str = "tor"
    # An onion service's article's pictures on a clearnet host fetched (`pictures.off_the_onion`).
    onion_clearnet_pictures: bool = False
    # The User-Agent every request sends; "": reader's own (USER_AGENT). Some sites and CDNs
    # turn away any agent that is not a browser's (HTTP 403), newsboat's `user-agent`.
    user_agent: str = ""
    # An article's pictures kept for reading offline (`[cache] keep_pictures`, `pictures`):
    # one picture, all of one article's, how many of one article's, and the whole store of
    # them (past it no more are fetched until eviction makes room).
    picture_max_bytes: int = 5 * 1024 * 1024
    article_pictures_max_bytes: int = 20 * 1024 * 1024
    article_max_pictures: int = 30
    pictures_max_bytes: int = 1024 * 1024 * 1024

    @property
    def agent(self) -> str:
        """The User-Agent header sent."""
        return self.user_agent or USER_AGENT

    def page_bytes(self, pdf: bool) -> int:
        """The most of a page read, in bytes once decoded: a PDF's (never less than any
        page's), or any other page's."""
        return max(self.pdf_max_bytes, self.max_bytes) if pdf else self.max_bytes


DEFAULT_LIMITS = FetchLimits()


class ConfigError(ValueError):
    """The config file can't be read; the message says where and why, in one line."""


@dataclass(frozen=True)
class Config:
    """Everything the user can set in config.toml."""

    path: Path
    limits: FetchLimits = field(default_factory=FetchLimits)
    cache_max_bytes: int = 0  # 0: no limit. Applied by each sync; saved articles are kept.
    # An article's pictures fetched after its text and kept with it, for reading offline
    # (`pictures`); within the `picture_*` limits of `FetchLimits`.
    keep_pictures: bool = True
    refresh_interval: float = 0.0  # seconds between feed refreshes while the TUI is open; 0: off
    # What the TUI fetches unasked: the feeds as it opens, and the first uncached articles of
    # the list shown. Off, it opens on what was synced without a byte of network (a metered
    # tether, a look at what is there); `r`, `S` and opening an article still fetch.
    refresh_on_open: bool = True
    fetch_ahead: int = 30
    # Seconds after which a read headline (not a saved one) is dropped by each sync; 0: never.
    drop_read_after: float = 0.0
    # The headlines a feed keeps, its newest (newsboat's max-items); 0: every item it carries,
    # up to `FetchLimits.max_feed_items`. Those past it go at each refresh, but saved ones.
    max_items: int = 0
    theme: str = "dark"  # one of THEMES: the reader's screen colours
    feed_order: str = "subscribed"  # one of FEED_ORDERS: the feed list's order
    oldest_first: bool = False  # each list of headlines oldest first (newsboat's date-asc)
    # The widest the reading view's text column gets, in columns (a narrower terminal: its
    # width). Long lines are hard to follow; some read best at 60 or 70.
    text_width: int = 80
    # No frames, scroll bars nor rules, and words or letters for the marks: a screen reader or
    # a braille display reads the screen a line at a time, and said each glyph (acc42a A8).
    plain: bool = False
    # Mouse reports asked of the terminal: True, False, or None ("auto"): on but under GNU
    # screen, which holds a lone Esc back until the next key while they are on (acc45b B1).
    mouse: bool | None = None
    # The lists show only unread headlines and the feeds with unread ones as the reader first
    # opens (`L` toggles it, and the reader opens as it was left: `reader.ui.unread_view`).
    unread_only: bool = False
    # One of CITATION_STYLES: what `y` copies and `reader show` heads an article with.
    citation_style: str = "block"
    # One of CITATION_COPIES: what `y` and Ctrl-C put on the clipboard, and `reader show
    # --format citation` prints: plain text to paste into a CMS, an e-mail or a word
    # processor, or Markdown for notes kept in it.
    citation_copy: str = "text"
    site_rules: dict[str, SiteRule] = field(default_factory=dict)  # by host name
    # `[keys]`: an action's keys as written ("?", "ctrl+q"), by the action's name; the TUI
    # checks the names and the keys (`reader.ui.keymap`), which this layer does not know.
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # `[[ignore]]`: the items a sync leaves out, newsboat's killfile (`ignore_rules`).
    ignore: tuple[IgnoreRule, ...] = ()
    # `[[search]]`: searches kept as rows of the feed list, newsboat's query feeds (`search_feeds`).
    searches: tuple[SearchFeed, ...] = ()
    # `[[command]]`: programs of the user's on a key, newsboat's macros (`user_commands`).
    commands: tuple[UserCommand, ...] = ()
    # `[system] workers`: the worker processes that parse feeds and read pages at most; 0 for
    # "auto" (`cpu_workers`: one a core, 4 at most).
    workers: int = 0
    # `[system] sync_wait`: seconds a `reader sync` waits for another one of the library running
    # before it exits 75 (`--wait` over it; 0: not at all).
    sync_wait: float = SYNC_WAIT
    # What is wrong with `sync_wait` as written ("" for nothing; `sync_wait` then the default):
    # only `reader sync` reads it, and refuses to run on it; a bad one stopped every command,
    # `reader list --ids` too (acc47e E13).
    sync_wait_fault: str = ""

    def rule_for(self, url: str) -> SiteRule | None:
        return site_rule_for(self.site_rules, url)

    @property
    def quiet_opening(self) -> bool:
        """No refresh on opening and no fetch ahead: a reader that opens on what was synced
        without touching the network, nor then for the pictures a cached article owes (its
        text and pictures come when asked: `r`, `S`, `R`, an uncached article opened)."""
        return not self.refresh_on_open and self.fetch_ahead == 0


THEMES = ("dark", "light", "terminal")
CITATION_STYLES = ("block", "chicago", "apa", "mla")
CITATION_COPIES = ("text", "markdown")
CITATION_RECORDS = ("csl-json", "bibtex", "ris")
"""What `reader show --format` writes for a citation manager (`citation_records`)."""
"""`[citation] style`: the metadata block `reader show` heads an article with, or one line in
Chicago's or APA's style (`citation_styles`)."""
"""The screen's colour schemes (`[ui] theme`, `--theme`): the reader's own on a dark
background or on a light one, or the terminal's own foreground and background with its
palette's colours, as newsboat draws. NO_COLOR, set and not empty, takes every colour away."""


def site_rule_for(rules: dict[str, SiteRule], url: str) -> SiteRule | None:
    """The rule of the host of `url`, or of its nearest parent domain (example.com covers www.)."""
    if not rules:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in rules:
            return rules[host]
        host = host.partition(".")[2]
    return None


# The defaults of `[network]` are FetchLimits' own, written out here (not a second copy of them).
_LIMITS = DEFAULT_LIMITS

DEFAULT_CONFIG_TEXT = f"""\
# reader's configuration. Every setting is optional; these are the defaults. Take the "# " off
# a setting's line to set it; one left commented out follows the defaults of the reader's next
# versions too.

[network]
# Requests in flight at once, all hosts together, and to any one host.
max_connections = {_LIMITS.max_connections}
per_host = {_LIMITS.per_host}
# Seconds: to connect, between two reads, and for a whole request (body included; from when
# it is sent, not while it waits its turn for the host). A body still coming at 4 KB/s or more
# on average is given another total_timeout for each 80 KB of it (at 20 s), up to its size cap:
# a slow link's download is not cut, a trickle is. None takes longer than longest_answer (a
# 10 MB page at 1 Mbit/s takes 84 s; a PDF's grows with pdf_max_bytes): a server sending
# without end is given up, said so ("sent only 600.0 KB in 120 s: given up").
connect_timeout = {_LIMITS.connect_timeout}
read_timeout = {_LIMITS.read_timeout}
total_timeout = {_LIMITS.total_timeout}
longest_answer = {_LIMITS.longest_answer}
# Extra attempts after a connect or read timeout (not the total one: a server that trickled
# past it would again), a dropped connection, or HTTP 429/502/503/504 (after as long as a
# Retry-After asks, up to 30 s); none for an address, or a host, that timed out on its last try
# (within a day) and answers nothing: it is asked once. A gateway's 502/504 still so after them
# leaves the article for the next sync.
retries = {_LIMITS.retries}
# The most of an article's page read, in bytes once decoded ({_LIMITS.max_bytes / 2**20:g} MB):
# a larger one is refused, and said to be (so is a saved page `reader extract` is given).
max_bytes = {_LIMITS.max_bytes}
# The most of a PDF read ({_LIMITS.pdf_max_bytes / 2**20:g} MB): a council's report or a court's
# filing is mostly photographs and scans; it is given more time as its bytes come, as any is.
pdf_max_bytes = {_LIMITS.pdf_max_bytes}
# CPU seconds of a worker reading one page: past them it is stopped and the page not kept,
# said in one line ("took longer than {_LIMITS.extract_seconds:g} s to extract: not kept"); a
# sync tries it again a day later. A page made to be slow held a worker, and a sync, for hours.
extract_seconds = {_LIMITS.extract_seconds}
# Seconds a sync waits for the network to come back when it goes mid-sync (no host taking
# connections, or none answering): its articles held, nothing failed, a host probed every few
# seconds; past them the rest is left for the next sync, what came kept. 0: leave them at once.
network_wait = {_LIMITS.network_wait}
# The most one sync downloads, feeds, pages and pictures together ("50MB", "2GB", "500KB"; ""
# for no cap): on a metered link. Once reached no article or picture is started (the feeds
# are still asked), those under way finish (cut when they would go 10 % past it), and the
# next sync carries on where it stopped; `reader sync --max-download 50M` for one sync.
max_download = ""
# A PEM file of certificate authorities to trust besides the system's (e.g. a company's).
ca_file = "{_LIMITS.ca_file}"
# The proxy every fetch goes through (feeds, articles, pictures): "" for none (the reader
# connects directly), "http://host:port" (HTTPS through it by CONNECT, the site's certificate
# checked as ever), "socks5h://host:port" for a SOCKS 5 proxy such as Tor's (127.0.0.1:9050;
# it resolves the names: no DNS lookup from here), or "env" for the one HTTPS_PROXY,
# HTTP_PROXY or ALL_PROXY names, NO_PROXY's hosts reached directly. The environment's is not
# used unless "env" (README, Safety).
proxy = "{_LIMITS.proxy}"
# Through a SOCKS proxy, each site's requests are handed to it under the site's name as a user
# name: Tor (IsolateSOCKSAuth, its default) gives each site a circuit of its own, as Tor
# Browser does, so no one exit sees all a reader reads. "tor": through a proxy on Tor's own
# ports (9050, Tor Browser's 9150) only; true: through every SOCKS proxy (Tor on another
# port); false: none. A SOCKS proxy that takes no user name (`ssh -D`'s) refuses the request.
isolate_sites = "{_LIMITS.isolate_sites}"
# The pictures of an onion service's article on a clearnet host (a CDN's, its og:image): not
# fetched (false), as asking for them tells that host when someone reads the onion service's
# article; true fetches them, through the proxy as ever.
onion_clearnet_pictures = {str(_LIMITS.onion_clearnet_pictures).lower()}
# The User-Agent sent with every request ("" for reader's own, "{USER_AGENT}").
# Some sites answer a feed with HTTP 403 to any agent that is not a browser's: give one here,
# e.g. "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0".
user_agent = "{_LIMITS.user_agent}"
# The pictures kept of an article ([cache] keep_pictures): the most of one picture
# ({_LIMITS.picture_max_bytes / 2**20:g} MB), of one article's together ({_LIMITS.article_pictures_max_bytes / 2**20:g} MB), how many of one
# article's, and of every article's ({_LIMITS.pictures_max_bytes / 2**30:g} GB: past it no more are kept till some go).
picture_max_bytes = {_LIMITS.picture_max_bytes}
article_pictures_max_bytes = {_LIMITS.article_pictures_max_bytes}
article_max_pictures = {_LIMITS.article_max_pictures}
pictures_max_bytes = {_LIMITS.pictures_max_bytes}

[cache]
# Size limit of the article cache, applied after each sync ("500MB", "2GB"; "" for none).
# The articles read go first (the least recently read first), then the unread, the oldest
# story first, but each feed keeps its share (the limit divided among the feeds with unread
# headlines) of its newest unread; saved articles are never evicted. It counts the articles
# (their text and page, both compressed): the files take about 30 % more, and the
# headlines, not counted, theirs (README: cache prune). A sync fetches no article the limit would evict, and what it
# left out is fetched once it fits (opening one fetches it). KB, MB, GB count in 1,024s; a
# number needs its unit, in quotes ("500MB"; "500B" for bytes; a bare 500 is refused).
max_size = ""
# Whether a sync (and opening an article) keeps the article's pictures (its figures and lead
# image, never an icon or an advert) after its text, to open offline: JPEG, PNG, GIF, WebP
# and AVIF only, within the picture limits above. They go with their article, and the size
# limit counts them. false: none kept, each an "Image: ..." line linking to the site.
keep_pictures = true

[feeds]
# How often the reader refreshes feeds while it is open ("30m", "2h"; "" for never).
refresh_interval = ""
# Whether the reader refreshes the feeds as it opens (false: it shows what was synced, and
# r refreshes), and how many uncached articles of the list shown it fetches ahead (0: none).
refresh_on_open = true
fetch_ahead = 30
# Read headlines older than this are dropped after each sync ("180d", "6mo", "1y"; "" keeps
# them all, up to 2,000 a feed): not unread ones, nor saved ones, and their cached articles
# stay (search finds them). The same as `reader cache prune --headlines-older-than`.
drop_read_after = ""
# The headlines each feed keeps, its newest (0: every item it carries, up to 2,000). Those past
# it go at each refresh, read or not, but saved ones; their cached articles stay (search finds
# them), and an item the feed still carries doesn't come back.
max_items = 0

[ui]
# The screen's colours: "dark" (the reader's own, on a dark background), "light" (on a light
# one), or "terminal" (the terminal's own text and background colours, and its palette).
# NO_COLOR set in the environment shows none at all.
theme = "dark"
# Whether the lists show only the unread headlines, and the feed list only the feeds with unread
# ones (Saved shows every saved article still). L in the reader shows all or only unread again,
# and the reader opens as it was left; this is how it opens at first, and once it is changed.
unread_only = false
# The feed list's order (J and K follow it): "subscribed" (as added or imported), "title" (by
# the name shown, case and accents aside), or "newest" (the feed with the newest story first).
feed_order = "subscribed"
# Each list of headlines oldest first, so that j and n read on in the order things happened;
# false (the default): the newest first.
oldest_first = false
# The widest an article's text gets, in columns (centred; a narrower terminal gives it all its
# width): 80 by default, 60 or 70 for shorter lines, more for a wide screen (30 at least).
text_width = 80
# true: the screen drawn for a screen reader or a braille display, which read it a line at a
# time: no frames, scroll bars nor rules; letters for the marks (N unread, d offline, as
# `reader list` has them); headings and quotations marked as in Markdown ("## ", "> ").
plain = false
# The mouse (clicks, the wheel): true, false, or "auto": on, but in GNU screen, which holds a
# lone Esc back until the next key while the mouse is on (Esc then did nothing until another
# key came). true there if you would rather have the mouse, and press Esc twice.
mouse = "auto"

[system]
# How many worker processes parse feeds and read pages during a refresh or a sync: "auto" (one
# a core, 4 at most), or a number. Each takes about 45 MB of memory while it works (they end
# when idle); on a machine with little memory, 1 keeps a sync's use lowest, and is slower only
# where there are cores to spare. Pages are always read in a worker process, never in the
# reader's own, so that a page that would take too long can be stopped.
workers = "auto"
# How long `reader sync` waits for another sync of the library still running before it gives up
# with exit 75 (try later), saying so even with -q: "10min", "90s", "2h"; 0: not at all.
# `reader sync --wait` for one sync.
sync_wait = "{SYNC_WAIT / 60:g}min"

[citation]
# How y in an article cites it, and `reader show` above the text: "block" (the title, then the
# source, author, dates, address and time retrieved, a line each), or one line to paste into a
# draft: "chicago" (Chicago's notes-bibliography entry for a web page), "apa" (APA 7) or "mla"
# (MLA 9).
style = "block"
# What y copies (and `reader show --format citation` prints): "text", to paste into a CMS, an
# e-mail or a word processor, or "markdown" (a selected passage a Markdown quote, its links kept).
copy = "text"

# Keys of your own for the reader's actions (README's Keys lists them); an action given keys
# loses its default ones. A key may not do two things in one screen.
# [keys]
# quit = ["Q", "ctrl+q"]
# open_in_browser = ["o", "O"]

# Rules for sites the generic extractor gets wrong: CSS selectors of the article body and of
# elements to remove first. The host covers its subdomains; quote it, as here. A site that
# turns readers away (HTTP 403) may be sent a User-Agent of its own.
# [sites."example.com"]
# body = "div.story-text"
# drop = [".promo", "#related"]
# user_agent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

# Items a sync leaves out (newsboat's ignore-article): never listed nor downloaded, and those
# kept before the rule go at the next sync, but saved ones. Each of title, author, link and
# text (what the feed says of the item) is a regular expression, case ignored, that must match;
# feed names the feeds it covers (an address, a name, or "#tag"), every feed's if left out.
# [[ignore]]
# title = "^sponsored|advertorial"
# [[ignore]]
# feed = "#sport"
# text = "betting odds"

# Programs of yours on a key (newsboat's macro, bookmark-cmd and pipe-to), never run by a shell:
# each {{url}}, {{title}}, {{feed}}, {{id}}, {{citation}} or {{file}} (the article's Markdown) one argument.
# where = "headlines", "article" or "both"; input = "text" or "markdown" pipes the article in;
# terminal = true gives the program the screen (less, vim) while the reader steps aside.
# value_options = ["-o"] names the options of run whose value is the argument after them.
# [[command]]
# key = "M"
# name = "mpv"
# run = ["mpv", "--no-terminal", "--", "{{url}}"]

# Searches kept as rows of the feed list (newsboat's query feeds, over the articles' text too):
# choosing one lists the headlines F would find with its words, and `reader list --feed NAME`
# prints them. The words are F's: "a phrase", OR, -word to leave out, tag:NAME for a tag's list.
# [[search]]
# name = "Harbour strike"
# words = 'harbour strike -football'
"""

_LIVE_SETTING = re.compile(r"^(?=\w+ = )", re.MULTILINE)


def commented_out(text: str) -> str:
    """`text`, a config file, with each setting's line commented out (its sections left)."""
    return _LIVE_SETTING.sub("# ", text)


WRITTEN_CONFIG_TEXT = commented_out(DEFAULT_CONFIG_TEXT)
"""What the reader writes as a new config file: the defaults and their comments, each setting
commented out. Written live, a file pinned the defaults of the version that wrote it (a limit
raised later never reached it) and one slip in any of its 40 lines stopped every command
(acc44a A7)."""
UNTOUCHED_CONFIGS = frozenset({DEFAULT_CONFIG_TEXT, WRITTEN_CONFIG_TEXT})
"""A config file as the reader wrote it, now or (every setting live) before: none of the
user's own settings."""

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
_DURATION_UNITS = {
    1: ("s", "sec", "secs", "second", "seconds"),
    60: ("min", "mins", "minute", "minutes"),
    3600: ("h", "hr", "hrs", "hour", "hours"),
    86400: ("d", "day", "days"),
    604800: ("w", "wk", "wks", "week", "weeks"),
    2592000: ("mo", "mos", "month", "months"),  # 30 days
    31536000: ("y", "yr", "yrs", "year", "years"),
}
_DURATION_SECONDS = {name: seconds for seconds, names in _DURATION_UNITS.items() for name in names}


def parse_size(text: str) -> int:
    """ "500MB" → bytes (a megabyte 1,048,576 of them, as `du -h` counts); raises ValueError.
    A number without its unit is refused: "500" meant bytes, and `prune --max-size 500`
    evicted every article where 500 MB was meant; "500B" says bytes."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (try 500MB or 2GB)")
    number, unit = float(match.group(1)), match.group(2).lower()
    if not unit and not text.strip().lower().endswith("b"):
        raise ValueError(
            f"{text.strip()!r} needs its unit: {text.strip()}MB? (or KB, GB; B for bytes)"
        )
    return int(number * 1024 ** " kmgt".index(unit or " "))


class UnitError(ValueError):
    """A number whose unit is missing or ambiguous ("30", "3m"): an age mistyped, where a
    date option would otherwise look for a date in it."""


def parse_duration(text: str, *, m_is_minutes: bool = False) -> float:
    """ "30d", "12h", "3mo", "90min" → seconds (a month 30 days, a year 365); raises ValueError.
    A number without its unit is refused, as a size's is: `prune --older-than 30` (30 days
    meant) read seconds and evicted every article. So is a bare "m" for an age: `--older-than
    3m` was 3 minutes where 3 months was meant, and evicted nearly everything (acc31a F13);
    only an interval (`m_is_minutes`: how often to refresh, never months) reads it as minutes."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r} (try 90min, 12h, 30d, 3mo or 1y)")
    number, unit = match.group(1), match.group(2).lower()
    if not unit:
        raise UnitError(
            f"{number!r} needs its unit: {number}d? (or min for minutes, h, w, mo, y; s for"
            " seconds)"
        )
    if unit == "m":
        if not m_is_minutes:
            raise UnitError(f"'{number}m' is minutes or months: say {number}min or {number}mo")
        unit = "min"
    if unit not in _DURATION_SECONDS:
        raise ValueError(f"not a duration: {text.strip()!r} (try 90min, 12h, 30d, 3mo or 1y)")
    return float(number) * _DURATION_SECONDS[unit]


def config_path(
    override: str | os.PathLike[str] | None = None, data_override: str | None = None
) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("READER_CONFIG")
    if env:
        return Path(env).expanduser()
    chosen = data_override or os.environ.get("READER_HOME")
    if chosen:  # a data directory chosen for this run (tests, the demo) keeps its own config
        return Path(chosen).expanduser() / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def config_there(path: Path) -> bool:
    """Whether the config file `path` is there (a link to nothing is not). ConfigError when its
    folder can't be looked in (chmod 000, another user's): a bare "Permission denied" and exit
    1 sent a cron wrapper to try again, where the README's 78 says a config to mend (acc51a
    A8)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        if error.errno == errno.ELOOP:
            return False  # links in a loop: none there, as a link to nothing
        why = (error.strerror or str(error)).lower()
        raise ConfigError(
            f"cannot read config {said_path(path)}: its folder {said_path(path.parent)}"
            f" can't be looked in ({why}){_whose_folder(path.parent)}"
        ) from None
    return True


def _whose_folder(folder: Path) -> str:
    """What follows a config's folder that can't be looked in when another account owns it,
    or it is in one of another's: whose, and the chown that gives it back, as a data directory
    of root's says it (`store.ownership.refused_write`); root's run with the user's HOME left
    ~/.config root's (acc52b-3)."""
    from .store.ownership import user_name

    me = os.geteuid()
    for place in (folder, *folder.parents):
        try:
            owner = os.stat(place).st_uid
        except OSError:
            continue  # in a folder that can't be looked in: that one is named
        effective = os.access in os.supports_effective_ids  # a set-uid run's own user
        if owner != me and not os.access(place, os.X_OK, effective_ids=effective):
            name, mine = safe_line(user_name(owner), 64), safe_line(user_name(me), 64)
            return (
                f": {said_path(place)} is {name}'s, not yours ({mine}):"
                f" `sudo chown -R {mine}: {said_path(place)}` gives it back"
            )
    return ""


def dangling_config(path: Path) -> str:
    """What a config file that is a link to nothing says ("dotfiles/notyet.toml" not made yet,
    a disk not mounted), or "": the reader ran on the defaults, silently (acc51a A13)."""
    if not path.is_symlink() or config_there(path):
        return ""
    try:
        target = os.readlink(path)
    except OSError:
        return ""
    return (
        f"the config {said_path(path)} is a link to {said_path(target)}, which isn't there:"
        " the defaults are in force"
    )


def open_config_said(path: Path) -> str:
    """What a config's folder others could put a config in says while there is none, or "":
    none is made there, and one put there later is not read (`config_trust`)."""
    if config_there(path) or path.is_symlink():
        return ""  # one there is read or refused by `load_config`
    if why := distrusted(path, folder_only=True):
        return f"warning: no config is made or read in {said_path(path.parent)}: {why}"
    return ""


def load_config(path: Path, create: bool = True) -> Config:
    """Read the config file, creating it with commented defaults the first time."""
    if not config_there(path):
        # A link under its name leading nowhere (a data directory copied from elsewhere) is
        # never written through: the defaults would be created wherever it names (acc31a F11).
        # None is made where it would not be read (`config_trust`): the defaults run.
        if create and not path.is_symlink() and not distrusted(path, folder_only=True):
            try:
                make_private_folder(path.parent)
                # Others' to read as the umask has it, never to write, whatever the umask: its
                # `[[command]]`s are run, and under umask 000 it was 0666, anyone's to put one
                # in (acc51a A11). Readable as the data's files are: a library restored by root
                # reads, its chown said (`store.ownership`).
                write_new_file(path, WRITTEN_CONFIG_TEXT, mode=0o644)
            except OSError:
                pass  # a read-only home, or a full disk, still runs on the defaults
        return Config(path)
    if why := distrusted(path):
        raise ConfigError(f"the config {said_path(path)} is not read: {why}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config {said_path(path)}: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's words name neither the setting nor the fix (acc44a A7).
        raise ConfigError(
            f"cannot read config {said_path(path)}: {toml_slip(text, error)}"
        ) from None
    try:
        return _from_toml(path, data)
    except (TypeError, ValueError) as error:
        # Every fault a line, each naming the file (`[[command]]` says all of its at once).
        lines = str(error).split("\n")
        raise ConfigError(
            "\n".join(f"bad setting in {said_path(path)}: {line}" for line in lines)
        ) from None


def _ca_file(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("network.ca_file must be the path of a PEM file, in quotes")
    if not value:
        return ""
    path = Path(value).expanduser()
    if not path.is_file():
        raise ValueError(f"network.ca_file: no such file {path}")
    # Read now, as a missing one is: a file holding no certificate (a key, a DER file, the
    # wrong file) passed, and failed every fetch instead, plain http too (acc43b B15). Here,
    # not at the top: ssl is ~5 ms of every command's start, and only this setting needs it.
    import ssl

    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=str(path))
    except (OSError, ssl.SSLError) as error:
        why = "it holds no PEM certificate" if isinstance(error, ssl.SSLError) else error.strerror
        raise ValueError(f"network.ca_file: {path} can't be used: {why}") from None
    return str(path)


def _proxy(value: Any) -> str:
    from .proxies import SHAPES, proxy_problem

    if not isinstance(value, str):
        raise ValueError(f"network.proxy must be {SHAPES}, in quotes")
    if problem := proxy_problem(value.strip()):
        raise ValueError(f"network.proxy: {problem}")
    return value.strip()


def _user_agent(value: Any, name: str = "network.user_agent") -> str:
    # A header value is one line of printable ASCII: anything else httpx refuses at each request,
    # which would fail every fetch with a message far from its cause.
    if not isinstance(value, str) or not all(" " <= c <= "~" for c in value):
        raise ValueError(f"{name} must be one line of plain ASCII text, in quotes")
    return value.strip()


_SECTIONS = {
    *("network", "cache", "feeds", "ui", "citation", "keys", "sites", "ignore", "search"),
    *("command", "system"),
}
# Limits under which nothing could be fetched at all (0 retries, 0 backoff are choices).
_NOT_ZERO = {
    *("connect_timeout", "read_timeout", "total_timeout", "longest_answer"),
    *("max_bytes", "pdf_max_bytes", "feed_max_bytes", "max_title_length", "max_feed_items"),
    "extract_seconds",
    *("picture_max_bytes", "article_pictures_max_bytes", "article_max_pictures"),
    "pictures_max_bytes",
}
_SITE_KEYS = {"body", "drop", "user_agent"}


def _site_rule(host: str, rule: Any) -> SiteRule:
    """One `[sites."host"]` table. A misspelt key or an unquoted host would otherwise leave the
    rule silently doing nothing, which is the hardest mistake for a user to see."""
    if not isinstance(rule, dict):
        raise ValueError(f'sites."{host}" must be a table with body and/or drop')
    nested = next((key for key, value in rule.items() if isinstance(value, dict)), None)
    if nested is not None and "." not in host:
        # TOML reads [sites.example.com] as the table "com" inside "example": a dotted host
        # must be quoted to stay one name.
        dotted = ".".join(_first_table_path([host], rule))
        raise ValueError(f'[sites.{dotted}]: quote the host name, as [sites."{dotted}"]')
    if (named := _host_named(host)) != host.lower():
        # Rules are looked up by a page's host name alone: this key would never match.
        raise ValueError(f'sites."{host}": a site is a host name, as [sites."{named}"]')
    for key in rule:
        if key not in _SITE_KEYS:
            raise ValueError(
                f'unknown setting sites."{host}".{key} (a site takes body, drop and user_agent)'
            )
    body, drop = rule.get("body", ""), rule.get("drop", [])
    if (
        not isinstance(body, str)
        or not isinstance(drop, list)
        or not all(isinstance(d, str) for d in drop)
    ):
        raise ValueError(f'sites."{host}": body is a CSS selector, drop a list of them')
    for key, selectors in (("body", [body] if body else []), ("drop", drop)):
        for selector in selectors:
            _check_selector(f'sites."{host}".{key}', selector)
    agent = _user_agent(rule.get("user_agent", ""), f'sites."{host}".user_agent')
    return SiteRule(body=body, drop=tuple(drop), user_agent=agent)


def _host_named(key: str) -> str:
    """The host name a `[sites."…"]` key was meant to name: itself, unless it was written as an
    address ("https://example.com/news") or with a port ("127.0.0.1:8000")."""
    from urllib.parse import urlsplit

    address = key if "//" in key else f"//{key}"
    try:
        return urlsplit(address).hostname or key.lower()
    except ValueError:
        return key.lower()


def _check_selector(setting: str, selector: str) -> None:
    """A selector lxml can't use would otherwise fail every article of the site, one line each,
    in the parser's words; here it is named once, where the mistake is."""
    from lxml.cssselect import CSSSelector, SelectorError

    try:
        CSSSelector(selector)
    except SelectorError as error:
        raise ValueError(
            f"{setting}: {selector!r} is not a CSS selector the reader can use ({error})"
        ) from None


def _first_table_path(parts: list[str], table: dict[str, Any]) -> list[str]:
    """The names down to the first table holding settings: ["example", "com"]."""
    for key, value in table.items():
        if isinstance(value, dict):
            return _first_table_path([*parts, key], value)
    return parts


def _check_keys(data: dict[str, Any]) -> None:
    """Unknown sections and keys are mistakes: say so rather than run on the defaults."""
    for section, value in data.items():
        if section not in _SECTIONS:
            raise ValueError(f"unknown section [{section}]")
        if section in ("ignore", "search", "command"):
            # each a table: [[ignore]] (`ignore_rules`), [[search]] (`search_feeds`),
            # [[command]] (`user_commands`)
            continue
        if not isinstance(value, dict):
            raise ValueError(f"{section} must be a table: [{section}]")
    for section, known in (
        ("cache", {"max_size", "keep_pictures"}),
        (
            "feeds",
            {"refresh_interval", "refresh_on_open", "fetch_ahead", "drop_read_after", "max_items"},
        ),
        (
            "ui",
            {"theme", "unread_only", "feed_order", "oldest_first", "text_width", "plain", "mouse"},
        ),
        ("citation", {"style", "copy"}),
        ("system", {"workers", "sync_wait"}),
    ):
        for key in data.get(section, {}):
            if key not in known:
                raise ValueError(_unknown(section, key, known))


def _unknown(section: str, key: str, known: Iterable[str]) -> str:
    """A setting the section has not, and the one it most likely meant ("sync-wait",
    "sync_wiat": sync_wait), if one is a slip away (`config_slips.near_name`, the one rule
    for a name mistyped)."""
    from .config_slips import near_name  # here: only a mistake needs it

    near = near_name(key, known)
    return f"unknown setting {section}.{key}" + (f" ({section}.{near}?)" if near else "")


def _from_toml(path: Path, data: dict[str, Any]) -> Config:
    _check_keys(data)
    network = data.get("network", {})
    known = {f.name: f.type for f in fields(FetchLimits)}
    changes: dict[str, Any] = {}
    for key, value in network.items():
        if key not in known:
            raise ValueError(_unknown("network", key, known))
        if key == "ca_file":
            changes[key] = _ca_file(value)
            continue
        if key == "user_agent":
            changes[key] = _user_agent(value)
            continue
        if key == "proxy":
            changes[key] = _proxy(value)
            continue
        if key == "max_download":
            changes[key] = _max_download(value)
            continue
        if key == "isolate_sites":
            if not isinstance(value, bool) and value != "tor":
                raise ValueError('network.isolate_sites must be "tor", true or false')
            changes[key] = value
            continue
        if known[key] == "bool":
            if not isinstance(value, bool):
                raise ValueError(f"network.{key} must be true or false")
            changes[key] = value
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"network.{key} must be a positive number")
        # TOML's nan and inf are floats: nan passed every check, and every fetch then "did
        # not answer in time" (acc38b K8).
        if not math.isfinite(value):
            raise ValueError(f"network.{key} must be a finite number, not {value}")
        if known[key] == "int" and value != int(value):
            raise ValueError(f"network.{key} must be a whole number, not {value}")
        if value == 0 and key in _NOT_ZERO:
            raise ValueError(f"network.{key} must be more than 0 (no fetch could finish)")
        changes[key] = int(value) if known[key] == "int" else float(value)
    limits = replace(FetchLimits(), **changes)
    if limits.max_connections < 1 or limits.per_host < 1:
        raise ValueError("network.max_connections and network.per_host must be at least 1")
    if limits.longest_answer < limits.total_timeout and "longest_answer" not in changes:
        # total_timeout raised past the default longest (slow Tor circuits): that one follows.
        limits = replace(limits, longest_answer=limits.total_timeout)
    if limits.longest_answer < limits.total_timeout:
        # Every answer is given total_timeout: a longest below it capped none (acc51d D5).
        raise ValueError(
            f"network.longest_answer ({limits.longest_answer:g} s) is below"
            f" network.total_timeout ({limits.total_timeout:g} s), which every answer is given:"
            " raise longest_answer or lower total_timeout"
        )
    max_size = str(_unit_given(data, "cache", "max_size", "MB", "B for bytes"))
    keep_pictures = data.get("cache", {}).get("keep_pictures", True)
    if not isinstance(keep_pictures, bool):
        raise ValueError("cache.keep_pictures must be true or false")
    feeds = data.get("feeds", {})
    interval = str(_unit_given(data, "feeds", "refresh_interval", "min", "s for seconds"))
    drop_after = str(feeds.get("drop_read_after", "") or "")
    refresh_on_open = feeds.get("refresh_on_open", True)
    if not isinstance(refresh_on_open, bool):
        raise ValueError("feeds.refresh_on_open must be true or false")
    fetch_ahead = feeds.get("fetch_ahead", 30)
    if isinstance(fetch_ahead, bool) or not isinstance(fetch_ahead, int) or fetch_ahead < 0:
        raise ValueError("feeds.fetch_ahead must be a whole number, 0 or more")
    max_items = _max_items(feeds.get("max_items", 0))
    theme = data.get("ui", {}).get("theme", "dark")
    if isinstance(theme, str):
        theme = theme.strip().lower()  # "Light" is the name said in any case (acc44a A7)
    if theme not in THEMES:
        raise ValueError(f"ui.theme must be one of {', '.join(map(repr, THEMES))}, not {theme!r}")
    unread_only = data.get("ui", {}).get("unread_only", False)
    if not isinstance(unread_only, bool):
        raise ValueError("ui.unread_only must be true or false")
    feed_order = data.get("ui", {}).get("feed_order", "subscribed")
    if feed_order not in FEED_ORDERS:
        names = ", ".join(map(repr, FEED_ORDERS))
        raise ValueError(f"ui.feed_order must be one of {names}, not {feed_order!r}")
    oldest_first = data.get("ui", {}).get("oldest_first", False)
    if not isinstance(oldest_first, bool):
        raise ValueError("ui.oldest_first must be true or false")
    text_width = data.get("ui", {}).get("text_width", 80)
    if isinstance(text_width, bool) or not isinstance(text_width, int) or text_width < 30:
        raise ValueError("ui.text_width must be a whole number of columns, 30 or more")
    plain = data.get("ui", {}).get("plain", False)
    if not isinstance(plain, bool):
        raise ValueError("ui.plain must be true or false")
    mouse = data.get("ui", {}).get("mouse", "auto")
    if isinstance(mouse, str) and mouse.strip().lower() == "auto":
        mouse = None
    elif not isinstance(mouse, bool):
        raise ValueError(f'ui.mouse must be true, false or "auto", not {mouse!r}')
    style = data.get("citation", {}).get("style", "block")
    if style not in CITATION_STYLES:
        names = ", ".join(map(repr, CITATION_STYLES))
        raise ValueError(f"citation.style must be one of {names}, not {style!r}")
    copy = data.get("citation", {}).get("copy", "text")
    if copy not in CITATION_COPIES:
        names = ", ".join(map(repr, CITATION_COPIES))
        raise ValueError(f"citation.copy must be one of {names}, not {copy!r}")
    workers = _workers(data.get("system", {}).get("workers", "auto"))
    sync_wait, sync_wait_fault = SYNC_WAIT, ""
    try:
        sync_wait = _sync_wait(data.get("system", {}).get("sync_wait"))
    except ValueError as error:
        sync_wait_fault = str(error)
    rules = {host.lower(): _site_rule(host, rule) for host, rule in data.get("sites", {}).items()}
    keys = {action: _keys(action, value) for action, value in data.get("keys", {}).items()}
    ignore = ()
    if "ignore" in data:  # here: most configs have none, and every command reads the config
        from .ignore_rules import ignore_rules

        ignore = ignore_rules(data["ignore"])
    searches = ()
    if "search" in data:
        from .search_feeds import search_feeds

        searches = search_feeds(data["search"])
    commands = ()
    if "command" in data:
        from .user_commands import user_commands

        commands = user_commands(data["command"])
    return Config(
        path=path,
        limits=limits,
        site_rules=rules,
        cache_max_bytes=parse_size(max_size) if max_size else 0,
        keep_pictures=keep_pictures,
        refresh_interval=_refresh_interval(interval),
        refresh_on_open=refresh_on_open,
        fetch_ahead=fetch_ahead,
        drop_read_after=_drop_read_after(drop_after),
        max_items=max_items,
        theme=theme,
        unread_only=unread_only,
        feed_order=feed_order,
        oldest_first=oldest_first,
        text_width=text_width,
        plain=plain,
        mouse=mouse,
        citation_style=style,
        citation_copy=copy,
        keys=keys,
        ignore=ignore,
        searches=searches,
        commands=commands,
        workers=workers,
        sync_wait=sync_wait,
        sync_wait_fault=sync_wait_fault,
    )


def _unit_given(data: dict[str, Any], section: str, key: str, unit: str, other: str) -> Any:
    """`[section] key` as written, refused when it is a bare number: its unit is missing
    whichever unit a reader of the code might think the type implies. `max_size = 500` was
    500 bytes and the next cron `sync -q` evicted 158 of 160 cached articles without a word,
    though `"500"` was refused (acc38b K3); `refresh_interval = 30`, 30 seconds."""
    value = data.get(section, {}).get(key, "") or ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = str(int(value)) if value == int(value) else str(value)
        raise ValueError(
            f'{section}.{key} = {number} needs its unit, in quotes: {key} = "{number}{unit}"?'
            f" ({other})"
        )
    return value


def _max_download(value: Any) -> int:
    """`[network] max_download` in bytes (0: no cap), a size with its unit, as `max_size`'s:
    a bare 50 read as bytes would stop every sync at its first page."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = str(int(value)) if value == int(value) else str(value)
        raise ValueError(
            f"network.max_download = {number} needs its unit, in quotes: max_download ="
            f' "{number}MB"? (B for bytes)'
        )
    if not isinstance(value, str):
        raise ValueError('network.max_download must be a size in quotes ("50MB"), or ""')
    try:
        return parse_size(value) if value.strip() else 0
    except ValueError as error:
        raise ValueError(f"network.max_download: {error}") from None


def _refresh_interval(text: str) -> float:
    """`[feeds] refresh_interval` in seconds (0: off). Its error names it, and offers a bare
    number as minutes, how often a refresh is written: "'30' needs its unit: 30d?" named no
    setting and the least likely reading (acc32a A10)."""
    if not text:
        return 0.0
    try:
        return parse_duration(text, m_is_minutes=True)
    except UnitError:
        number = text.strip()
        raise ValueError(
            f"feeds.refresh_interval: {number!r} needs its unit: {number}min? (or s for"
            " seconds, h for hours)"
        ) from None
    except ValueError as error:
        raise ValueError(f"feeds.refresh_interval: {error}") from None


def _drop_read_after(text: str) -> float:
    """`[feeds] drop_read_after` in seconds (0: never); a day at least, as a slip ("180" for
    180 days, read as seconds) would drop every read headline at the next sync."""
    if not text:
        return 0.0
    try:
        seconds = parse_duration(text)
    except ValueError as error:
        raise ValueError(f"feeds.drop_read_after: {error}") from None
    if seconds < 86400:
        raise ValueError(f'feeds.drop_read_after must be a day or more ("180d"), not {text!r}')
    return seconds


_MOST_WORKERS = 32


def _workers(value: Any) -> int:
    """`[system] workers`: "auto" (0) or 1 up to `_MOST_WORKERS`. Not 0: a page read in the
    reader's own process could not be stopped past its time limit (`time_limit.cpu_limit`
    holds only in a worker's main thread), and a hostile one would hold the reader for good."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MOST_WORKERS:
        raise ValueError(
            f'system.workers must be "auto" or a whole number from 1 to {_MOST_WORKERS},'
            f" not {value!r}"
        )
    return value


def _sync_wait(value: Any) -> float:
    """`[system] sync_wait` in seconds (None: not set, `SYNC_WAIT`): a time with its unit
    ("10min", "90s", "2h"), or 0 (not at all). Another bare number is refused, as an interval's
    is: 30 was seconds to one reader and minutes to another."""
    if value is None:
        return SYNC_WAIT
    bare = isinstance(value, int | float) and not isinstance(value, bool)
    if bare and value == 0:
        return 0.0
    seconds = -1.0
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            seconds = 0.0 if value.strip() == "0" else parse_duration(value, m_is_minutes=True)
        with contextlib.suppress(ValueError):
            bare = float(value) > 0
    if bare and 0 < float(value) < math.inf:
        number = str(value).strip()
        raise ValueError(
            f'system.sync_wait = {number} needs its unit, in quotes: sync_wait = "{number}min"?'
            " (s for seconds; 0: not at all)"
        )
    if not 0 <= seconds < math.inf:
        raise ValueError(
            'system.sync_wait must be a time to wait, in quotes ("10min", "90s", "2h"), or 0;'
            f" not {value!r:.40}"
        )
    return seconds


def _max_items(value: Any) -> int:
    """`[feeds] max_items`: 0 (every item) up to the most a feed keeps at all."""
    most = DEFAULT_LIMITS.max_feed_items
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise ValueError(
            f"feeds.max_items must be a whole number from 1 to {most:,}, or 0 for every item"
        )
    return value


def _keys(action: str, value: Any) -> tuple[str, ...]:
    """One `[keys]` line: a key, or a list of them, each a name in quotes."""
    keys = [value] if isinstance(value, str) else value
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
        raise ValueError(f'keys.{action} must be a key or a list of keys, as "n" or ["n", "u"]')
    return tuple(keys)
