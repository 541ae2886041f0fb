"""A correction that changed a story's headline and its slug (acc44c C14): the feed keeps the
item's guid with the new title and link, the old address answers 301 to the new one. It was
taken as a new article: the tagged copy left behind under an id of its own, uncorrected and
unlinked, and the sync said nothing was updated. The same guid with a new link is the same
story: the new page is a new copy of it (the old one kept as copy 1), its id, tags, save,
highlights and read mark kept, said as "updated".

A news site on 127.0.0.1 (an RSS 2.0 feed of one item with a guid, its page, the old address
moved), the real store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from reader.highlights import Highlight
from reader.library import Library
from tests.story_site import StorySite, ran, serving

OLD = "/a/obrien-paid-by-contractor.html"
NEW = "/a/auditor-consultancy-payments.html"
OLD_TITLE = "Auditor O'Brien paid by tunnel contractor"
NEW_TITLE = "Questions over auditor's consultancy payments"
CLAIM = "Auditor Declan O'Brien received payments from Zelbet-Port while reviewing its contract"
CORRECTION = (
    "Correction, 6 December 2026: An earlier version of this article said Declan O'Brien was "
    "paid by Zelbet-Port. Bank records show payments from a consultancy he advised."
)


def page(title: str, first: str) -> str:
    rest = "".join(
        f"<p>The tunnel's audit committee will meet on {day} to weigh the council's answers, "
        "which have been promised since the first estimate doubled two years ago.</p>"
        for day in ("Monday", "Tuesday", "Thursday")
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Slug Times</title></head><body>"
        f"<article><h1>{title}</h1><p>{first}.</p>{rest}</article></body></html>"
    )


class Site(StorySite):
    """An RSS 2.0 feed of one item, its guid kept whatever its title and link."""

    title, path = OLD_TITLE, OLD
    body = page(OLD_TITLE, CLAIM)

    def feed(self) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Slug Times</title><link>{self.url('/')}</link>"
            + self.item(self.title, self.path, "Sat, 05 Dec 2026 10:00:00 GMT", "slugtimes-4712")
            + "</channel></rss>"
        )


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def highlighted(data_dir: Path, url: str, words: str) -> None:
    """A passage highlighted with a note, as `h` and `a` in the reader keep it."""

    async def keep() -> None:
        async with Library(data_dir) as lib:
            article = lib.cached_article(url)
            assert article is not None
            lib.keep_highlight(url, article, Highlight(words, words, words, time.time(), 0, "law"))

    asyncio.run(keep())


def test_a_story_corrected_under_a_new_slug_is_the_same_article_its_copy_kept(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    ident = row["id"]
    ran(capsys, data_dir, "tag", ident, "dossier")
    ran(capsys, data_dir, "mark-read", ident)
    highlighted(data_dir, site.url(OLD), CLAIM)
    first = ran(capsys, data_dir, "show", ident, "--offline")[0]
    first_at = next(x for x in first.splitlines() if x.startswith("Retrieved: "))[11:]

    # The outlet's correction: new headline, new slug, the old address sent on to it.
    time.sleep(1.1)  # a retrieval time of its own, to the second
    site.title, site.path, site.body = NEW_TITLE, NEW, page(NEW_TITLE, CORRECTION)
    site.moved[OLD] = NEW
    site.asked.clear()
    err = ran(capsys, data_dir, "sync")[1]
    assert f"updated: {NEW_TITLE}" in err and "1 updated" in err
    assert OLD not in site.asked  # the old address not fetched again, as a new article's

    # One article, its id, its tag, save and read mark kept; marked changed.
    rows = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert [(r["id"], r["title"]) for r in rows] == [(ident, NEW_TITLE)]
    [row] = rows
    assert row["tags"] == ["dossier"] and row["saved"] and row["changed"]
    assert row["read"]
    tagged = json.loads(ran(capsys, data_dir, "list", "--tag", "dossier", "--json")[0])
    assert [r["id"] for r in tagged] == [ident]

    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert CORRECTION in shown and site.url(NEW) in shown
    assert f"the text changed since the copy retrieved {first_at}, which is kept" in shown
    earlier = ran(capsys, data_dir, "show", ident, "--version", "1")[0]
    assert CLAIM in earlier and site.url(OLD) in earlier
    # The highlight stays with the article, quoted from the copy it was taken on.
    said = ran(capsys, data_dir, "highlights", ident)[0]
    assert CLAIM in said and "copy 1 of 2" in said
    # The old address (a note's, a link elsewhere) still finds it.
    assert CORRECTION in ran(capsys, data_dir, "show", site.url(OLD), "--offline")[0]


def test_a_story_moved_under_its_own_title_seen_by_a_refresh_is_renewed_by_the_next_sync(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The move seen by a refresh (the reader's `r`, `sync --no-articles`), not by the sync
    after it, whose feed then told nothing anew: its headline unchanged, the new page waited
    for the feed's next change, the corrected text unread (left from evidence44)."""
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    time.sleep(1.1)
    site.path, site.body = NEW, page(OLD_TITLE, CORRECTION)
    site.moved[OLD] = NEW
    ran(capsys, data_dir, "sync", "--no-articles")
    site.asked.clear()
    err = ran(capsys, data_dir, "sync")[1]
    assert NEW in site.asked and f"updated: {OLD_TITLE}" in err, err
    shown = ran(capsys, data_dir, "show", row["id"], "--offline")[0]
    assert CORRECTION in shown and site.url(NEW) in shown
    assert CLAIM in ran(capsys, data_dir, "show", row["id"], "--version", "1")[0]
    # Judged: the sync after asks for it no more.
    site.asked.clear()
    ran(capsys, data_dir, "sync")
    assert NEW not in site.asked


def test_every_address_a_story_had_still_finds_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A live blog's slug follows its headline, every old slug answering 301 to the newest:
    `reader show OLD_URL` found the three latest addresses and not the first, the one its
    first copy cites (acc48c C10)."""
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    paths = [OLD, *(f"/a/port-fire-update-{n}.html" for n in range(1, 6))]
    for before, path in pairwise(paths):
        site.title, site.path = f"Port fire: {path[3:-5].replace('-', ' ')}", path
        site.body = page(site.title, f"{CLAIM} {path}")
        site.moved = {old: path for old in paths[: paths.index(path)]}
        assert "1 updated" in ran(capsys, data_dir, "sync")[1], before
    for path in paths:
        out = ran(capsys, data_dir, "show", "--offline", site.url(path))[0]
        assert f"{CLAIM} {paths[-1]}" in out, path
