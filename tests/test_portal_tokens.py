"""A network's login page as most networks really send it: a fresh token in it at every
answer, the address asked for echoed in its form and text (acc42c C11, C12), or under HTTP 511
(RFC 6585's "Network Authentication Required", acc42c C7). Never cached as an article, whatever
words the address asked holds; told for the network's page in one line, no feed marked
failing; the next sync on the real network as if nothing happened."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from reader.library import Library
from tests.test_portal import BIG_PORTALS, QuaySite, _cached, _quay_site, _run

_SAID = "the network answered with a login page (Welcome to Harbourside Free WiFi)"


@pytest.fixture
def site() -> QuaySite:
    yield from _quay_site()


@pytest.fixture
def other_site() -> QuaySite:
    yield from _quay_site()


@pytest.fixture
def login_host() -> QuaySite:
    """The network's own login server, answering every address with its page."""
    yield from _quay_site()


async def _article_count(directory: Path) -> int:
    async with Library(directory) as lib:
        return sum(1 for h in lib.headlines() if lib.cached_article(h.entry) is not None)


@pytest.mark.parametrize(
    "path", ["/r/harbour/comments/abc0/post_0/", "/a/newsletter-launch", "/search/ferry"]
)
def test_a_login_page_echoing_the_address_is_no_article_whatever_its_words(
    site: QuaySite, data_dir: Path, path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The words of the address the form echoes (a Reddit thread's "comments") are not the
    form's: it is a terms form all the same, and nothing is cached."""
    site.portal = "token"
    assert _run(data_dir, "show", site.url(path)) == 1
    assert (
        "asks you to accept its terms (Welcome to Harbourside Free WiFi)" in capsys.readouterr().err
    )
    assert _run(data_dir, "show", "--offline", site.url(path)) != 0


@pytest.mark.parametrize("shape", ["token", *BIG_PORTALS, "511", "path", "host-path"])
def test_a_sync_behind_a_changing_or_511_login_page_says_so_once_and_marks_no_feed(
    site: QuaySite,
    other_site: QuaySite,
    data_dir: Path,
    shape: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two sites' feeds and articles all answered by the network's page, a token and the
    address asked in it at each answer (past 32 KB with its styles, scripts and logo inline too,
    their tags in any case; its path alone, or after its host, acc46b A3), or
    under HTTP 511: one line, no feed marked failing,
    nothing cached; back on the real network, the next sync caches every story."""
    for each in (site, other_site):
        assert _run(data_dir, "add", each.url("/feed.xml")) == 0
    assert _run(data_dir, "sync", "--no-articles") == 0
    capsys.readouterr()

    site.portal = other_site.portal = shape
    assert _run(data_dir, "sync") == 1
    err = capsys.readouterr().err
    assert err.count(_SAID) == 1, err
    assert "feed failed" not in err and "article failed" not in err, err
    assert re.search(r", 0 failed$", err, re.MULTILINE), err
    assert asyncio.run(_article_count(data_dir)) == 0

    async def errors() -> list[str | None]:
        async with Library(data_dir) as lib:
            return [f.last_error for f in lib.feeds()]

    assert asyncio.run(errors()) == [None, None]

    site.portal = other_site.portal = ""
    assert _run(data_dir, "sync") == 0
    cached = asyncio.run(_cached(data_dir))
    assert cached["School roof repaired before term"].startswith("Builders finished the school")
    assert asyncio.run(_article_count(data_dir)) == 6  # three stories of each site, not "gone"


@pytest.mark.parametrize("shape", ["orig", "page-after-feeds"])
def test_a_login_page_redirected_to_after_the_feeds_is_one_line_not_each_articles_failure(
    shape: str,
    site: QuaySite,
    other_site: QuaySite,
    login_host: QuaySite,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The network's session ends once the feeds came: every article of two sites sent on to
    the network's own login server ("/login?orig=…"): that one page is the network's, said in
    one line, its articles not fetched, none failed (acc46b A4: an "article failed … asks you
    to accept its terms" each, "8 failed"); so with the page at each address ("page-after-
    feeds", acc46b A6: the first articles to meet it counted "failed" in the recap)."""
    login_host.portal = "page"
    for each in (site, other_site):
        assert _run(data_dir, "add", each.url("/feed.xml")) == 0
        each.portal, each.login = shape, login_host.url("/login")
    assert _run(data_dir, "sync") == 1
    err = capsys.readouterr().err
    assert err.count(_SAID) == 1, err
    assert "article failed" not in err and "feed failed" not in err, err
    assert re.search(r", 0 failed$", err, re.MULTILINE), err
    # Every article counted so, none "failed" (acc46b A6: the first to meet the page was).
    assert "not readable offline: 8 not fetched (a login page answered);" in err, err
    assert asyncio.run(_article_count(data_dir)) == 0
    site.portal = other_site.portal = ""
    assert _run(data_dir, "sync") == 0
    assert asyncio.run(_article_count(data_dir)) == 6


@pytest.mark.parametrize("slow", [0.0, 1.5], ids=["stories-first", "sign-in-first"])
def test_a_publisher_groups_sign_in_page_before_its_papers_walled_stories_is_no_network_login(
    slow: float,
    site: QuaySite,
    other_site: QuaySite,
    login_host: QuaySite,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two papers of one group send their walled stories on to the group's one sign-in page,
    on a host of its own, and give their free ones: that page was taken for the network's
    ("the network answered with a login page: log in and sync again", at every sync, each
    walled story owed for ever). A network's login page answers for every address of a host;
    so, once a paper has given a story of its own, the page is its, its stories each fail as a
    page to sign in does, the feed's text shown. So whichever comes first: the free stories
    held (`slow`), the page is first taken for the network's, then found to be the papers'."""
    login_host.portal = "sign-in"
    for each in (site, other_site):
        assert _run(data_dir, "add", each.url("/feed.xml")) == 0
        each.walled = frozenset({"/school.html", "/lifeboat.html"})
        each.login, each.slow = login_host.url("/authorize"), slow
    _run(data_dir, "sync")
    err = capsys.readouterr().err
    assert "login page" not in err, err
    assert err.count("asks you to sign in (Sign in to your Quay Media account)") == 4, err
    said = "2 articles cached for offline, 0 already cached, 4 failed, 2 taken down"
    assert said in err, err
    cached = asyncio.run(_article_count(data_dir))
    assert cached == 2
    _run(data_dir, "show", "--offline", site.url("/school.html"))  # 1: not the page's text
    shown = capsys.readouterr()
    assert "Builders finished the school roof, the feed says." in shown.out
    assert "asks you to sign in" in shown.err
    # The next syncs ask for the walled stories alone, the free ones cached: nothing of the
    # papers' own then, the page was the network's again at each (acc47e E1).
    for _ in range(2):
        _run(data_dir, "sync")
        err = capsys.readouterr().err
        assert "login page" not in err, err
        assert err.count("asks you to sign in (Sign in to your Quay Media account)") == 4, err


def test_one_sites_feed_is_not_marked_failing_once_the_sync_knows_the_login_page(
    site: QuaySite, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One site's reader: its feed's "not a feed" came before the articles showed the page for
    the network's (acc42c C8); once the sync says "login page", the feed is not marked."""
    assert _run(data_dir, "add", site.url("/feed.xml")) == 0
    assert _run(data_dir, "sync", "--no-articles") == 0
    capsys.readouterr()
    site.portal = "page"
    assert _run(data_dir, "sync") == 1
    assert _SAID in capsys.readouterr().err

    async def feed() -> tuple[str | None, object]:
        async with Library(data_dir) as lib:
            (only,) = lib.feeds()
            return only.last_error, only.failing_since

    assert asyncio.run(feed()) == (None, None)
