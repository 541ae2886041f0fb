"""A story its outlet retracted, withdrew or cut on a lawyer's word (acc44c C1): the page, read
again, is a short notice in the story's place, which was refused as "a page to sign in or for
subscribers", the retracted text shown and cited as standing, with no note. Now the notice is
the latest copy, the story's text kept as copy 1, the headline marked Δ, and the header, the
citation and an export say it; a real paywall page in a story's place is still refused
(tests/test_short_renewal.py), and a story sent up its address to its site's front page is
taken down, as a 404 is.

A news site on 127.0.0.1 (an Atom feed of one story, its page, and redirects), the real store
in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.story_site import StorySite, ran, serving

SLUG = "/paper/a/riverside-tunnel-payments.html"
TITLE = "New documents on Riverside Tunnel payments"
ALLEGATION = "José María Núñez approved the payments without a tender"


def page(title: str, *paragraphs: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title} | The Civic Eye</title></head><body>"
        "<nav><a href='/paper/'>Home</a></nav><article>"
        f"<h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in paragraphs)}</article>"
        "<footer>© 2026 The Civic Eye</footer></body></html>"
    )


STORY = page(
    TITLE,
    f"Documents seen by The Civic Eye show that {ALLEGATION}, in a series of letters sent "
    "to the contractor during the spring.",
    *(
        f"The council's audit committee will meet on {day} to discuss the tunnel's rising "
        "costs, which have doubled since the first estimate was published two years ago."
        for day in ("Monday", "Tuesday", "Thursday", "Friday")
    ),
)


class Site(StorySite):
    """An Atom feed of one story (its headline and time of update what the test changes), the
    story's page."""

    title = TITLE
    body = STORY
    updated = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    feed_type = "application/atom+xml"

    def feed(self) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>The Civic Eye</title><id>{self.url('/paper/')}</id>"
            f"<updated>{self.updated.isoformat()}</updated>"
            f"<entry><title>{self.title}</title><id>tag:civic-eye,2026:4711</id>"
            f'<link href="{self.url(SLUG)}"/><published>2026-11-26T09:00:00+00:00</published>'
            f"<updated>{self.updated.isoformat()}</updated></entry></feed>"
        )


FRONT = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    "<title>The Civic Eye — News from Portmere</title></head><body><h1>The Civic Eye</h1><ul>"
    "<li><a href='a/ramp.html'>Engineer named in ramp emails</a></li>"
    "<li><a href='a/audit.html'>Questions over auditor's consultancy payments</a></li></ul>"
    "<p>Portmere's independent newsroom.</p></body></html>"
)


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        server.pages["/paper/"] = FRONT
        yield server


def first_synced(site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The story subscribed to and cached: its id, and when its copy was retrieved."""
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    return row["id"]


def retrieved(shown: str) -> str:
    return next(x for x in shown.splitlines() if x.startswith("Retrieved: "))[11:]


def changed_after(site: Site, body: str, title: str = TITLE) -> None:
    """The outlet's change a second after our copy (a retrieval time of its own): the page,
    the feed's headline, and its time of update."""
    time.sleep(1.1)
    site.body, site.title = body, title
    site.updated = datetime.now(UTC).replace(microsecond=0)


NOTICE = (
    "Editor's note: This article, first published on 26 November 2026, has been retracted. "
    "The Civic Eye could not verify the documents it relied on concerning José María Núñez, "
    "and we apologise to Mr Núñez."
)
CUT = (
    "Editor's note, 6 December 2026: This article has been amended to remove allegations "
    "that could not be substantiated."
)


@pytest.mark.parametrize(
    ("title", "notice", "said"),
    [
        (f"Retracted: {TITLE}", NOTICE, "retracted"),
        # Only the feed's headline says so; the page's notice in other words.
        (f"Retracted: {TITLE}", "The Civic Eye regrets the errors in this report.", "retracted"),
        # The page's word alone, a comma's aside before it: refused as a page to sign in.
        (TITLE, NOTICE, "retracted"),
        (TITLE, CUT, "amended to remove some of it"),
        (TITLE, "This story was withdrawn at the request of our lawyers.", "withdrawn"),
        (TITLE, "Este artículo ha sido retirado por la redacción.", "withdrawn"),
        (TITLE, "Dieser Artikel wurde von der Redaktion zurückgezogen.", "withdrawn"),
        (TITLE, "Cet article a été retiré à la demande de la rédaction.", "withdrawn"),
    ],
)
def test_a_story_replaced_by_its_retraction_is_a_copy_of_it_the_story_kept_before(
    site: Site,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    title: str,
    notice: str,
    said: str,
) -> None:
    ident = first_synced(site, data_dir, capsys)
    first = ran(capsys, data_dir, "show", ident, "--offline")[0]
    story_at = retrieved(first)
    assert ALLEGATION in first and "Note:" not in first
    # The page now the notice (with the story's first paragraph, as a legal cut leaves it).
    changed_after(site, page(title, notice), title=title)
    err = ran(capsys, data_dir, "sync")[1]
    assert "1 updated" in err and "not updated" not in err

    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert notice in shown and ALLEGATION not in shown
    note = (
        f"Note: the page now says the story was {said} (retrieved {retrieved(shown)}); the copy "
        f"retrieved {story_at} is kept"
    )
    assert note in shown
    # The story's text kept as copy 1, as a correction's is; the headline marked Δ.
    assert ALLEGATION in ran(capsys, data_dir, "show", ident, "--version", "1")[0]
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["changed"] is True
    assert (
        json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])["retracted"] == said
    )
    # Cited and exported with it: the dossier's lawyer sees it.
    assert note in ran(capsys, data_dir, "show", ident, "--format", "citation")[0]
    out = tmp_path / "dossier.md"
    ran(capsys, data_dir, "export", ident, "--format", "markdown", "-o", str(out))
    assert note.replace("'", "\\'") in out.read_text() or note in out.read_text()
    # A book's contents say it before the headline, as the reader's list does, once
    # (acc50e A4: listed under the old headline, a false claim read as a headline).
    book = tmp_path / "dossier.epub"
    ran(capsys, data_dir, "export", ident, "--format", "epub", "-o", str(book))
    with zipfile.ZipFile(book) as opened:
        nav = opened.read("OEBPS/nav.xhtml").decode()
    word = {"amended to remove some of it": "Partly removed"}.get(said, said.capitalize())
    assert f">{word}: {TITLE}</a>" in nav
    # Read again and still the notice: still said so.
    changed_after(site, site.body, title=title)
    ran(capsys, data_dir, "show", ident, "--refresh")
    assert note.split(" (retrieved")[0] in ran(capsys, data_dir, "show", ident, "--offline")[0]


def test_a_story_about_a_retraction_is_no_retraction_of_its_own(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article reporting another's retraction says so in its first copy: corrected, it is
    a correction, not a notice."""
    about = "The journal said the study has been retracted. This article was published first."
    site.body = page(TITLE, about, *(f"Paragraph {n} of the story, at length." for n in range(9)))
    ident = first_synced(site, data_dir, capsys)
    changed_after(site, page(TITLE, about, "Corrected: the study's authors were named wrongly."))
    err = ran(capsys, data_dir, "sync")[1]
    # Much shorter and no notice of its own: refused as before, the copy kept.
    assert "not updated" in err and "a page to sign in or for subscribers" in err
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert "the page now says" not in shown


def test_a_story_sent_up_its_address_to_the_sites_front_page_is_taken_down(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The usual soft 404 of a pulled story: 301 to the front page of a site living under a
    path of its own ("/paper/"). It was read as a login page, "5 words of its own"."""
    ident = first_synced(site, data_dir, capsys)
    site.moved[SLUG] = "/paper/"
    err = ran(capsys, data_dir, "show", ident, "--refresh")[1]
    assert f"taken down: sent on to its site's front page ({site.url('/paper/')})" in err
    assert "sign in" not in err
    cited = ran(capsys, data_dir, "show", ident, "--format", "citation")[0]
    assert "Note: the page was found taken down on " in cited and ALLEGATION not in cited
    assert "(HTTP 301); this is the copy retrieved" in cited and "404" not in cited
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["taken_down"] is True


def test_a_story_sent_on_to_a_bare_home_page_is_taken_down(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc47e E11: 301 to "/", a front page a script builds (its name and a feed link, no
    text to read), said "no article text found"; the redirect to the site's root alone says
    the story is not there."""
    ident = first_synced(site, data_dir, capsys)
    site.pages["/"] = (
        "<!doctype html><html><head><title>The Civic Eye</title>"
        f"<link rel='alternate' type='application/atom+xml' href='{site.url('/feed.xml')}'>"
        "</head><body><h1>The Civic Eye</h1><div id='app'></div></body></html>"
    )
    site.moved[SLUG] = "/"
    err = ran(capsys, data_dir, "show", ident, "--refresh")[1]
    assert f"taken down: sent on to its site's home page ({site.url('/')})" in err, err
    assert "no article text" not in err
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["taken_down"] is True


TRACKED = "?utm_source=rss&utm_medium=feed&utm_campaign=daily"


class TrackedSite(Site):
    """The feed's link to the story carries tracking parameters, as many feeds' do."""

    def feed(self) -> str:
        return (
            super()
            .feed()
            .replace(
                f'href="{self.url(SLUG)}"',
                f'href="{self.url(SLUG)}{TRACKED.replace("&", "&amp;")}"',
            )
        )


def test_the_sync_s_lines_give_the_address_without_its_tracking_parameters(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc47e E12: "updated: … <…?utm_source=rss…>" and "taken down: …", the address a
    journalist copies from the log, kept the parameters citations drop."""
    with serving(TrackedSite) as site:
        first_synced(site, data_dir, capsys)
        changed_after(site, page(f"Retracted: {TITLE}", NOTICE), title=f"Retracted: {TITLE}")
        err = ran(capsys, data_dir, "sync")[1]
        assert f"updated: Retracted: {TITLE} <{site.url(SLUG)}>" in err, err
        changed_after(site, STORY)
        site.status = 410
        err = ran(capsys, data_dir, "sync")[1]
        assert f"<{site.url(SLUG)}>" in err and "utm_" not in err, err
        assert "taken down: " in err, err


@pytest.mark.parametrize(
    ("title", "notice", "said"),
    [
        (TITLE, "This story was withdrawn at the request of our lawyers.", "withdrawn"),
        # Only the feed's headline says so; the page's notice in other words.
        (f"Retracted: {TITLE}", "The Civic Eye regrets the errors in this report.", "retracted"),
    ],
)
def test_extraction_again_keeps_what_the_page_was_found_saying_of_the_story(
    site: Site,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    title: str,
    notice: str,
    said: str,
) -> None:
    """What a fetch found by comparing the page with the copy before (the story withdrawn, by
    the page or the feed's headline) is no extraction's to say again: `reader reextract` (a
    new extractor reading the kept pages) dropped it, the note gone from the header."""
    ident = first_synced(site, data_dir, capsys)
    changed_after(site, page(title, notice), title=title)
    ran(capsys, data_dir, "sync")
    before = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert f"the story was {said}" in " ".join(before.split())
    ran(capsys, data_dir, "reextract", "--all")
    assert ran(capsys, data_dir, "show", ident, "--offline")[0] == before
    shown = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert shown["retracted"] == said


def test_a_story_withdrawn_after_it_was_amended_is_said_withdrawn_from_the_copy_saying_so(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc49c C8: a later, stronger notice replaces a weaker one: the header, citation and
    JSON kept "amended to remove some of it" while the page said the story was withdrawn."""
    ident = first_synced(site, data_dir, capsys)
    changed_after(site, page(TITLE, CUT))
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    withdrawn = "This article has been withdrawn. The Civic Eye could not verify the account."
    changed_after(site, page(TITLE, withdrawn))
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert withdrawn in shown
    # Said from copy 3, the first saying it, not from copy 2's amendment.
    assert f"Note: the page now says the story was withdrawn (retrieved {retrieved(shown)})" in (
        shown
    )
    assert "amended to remove" not in shown
    assert (
        "the story was withdrawn" in ran(capsys, data_dir, "show", ident, "--format", "citation")[0]
    )
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert item["retracted"] == "withdrawn"
