"""Subscriptions changed from the TUI's feed list, driven with Pilot against feeds and pages
served on 127.0.0.1 and a real data directory: `a` adds a feed by its address or a web page's
(its feed found as `reader add` finds it), says in one line why an address gave nothing (and
adds nothing), says a feed is subscribed already; `R` renames the feed shown and back to its own
title; `D` removes it on `y` and keeps it on `n` or Esc; `reader feeds` sees each change."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_choice import FeedChoiceScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.headlines import SAVED_VIEW
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.vim_list import VimOptionList
from tests.tui_pilot import notices_raised, on_top, running, screen_text, subscribe, table, until

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
    "<link>{site}</link>{items}</channel></rss>"
)
ITEM = "<item><title>{title}</title><link>{link}</link><guid>{link}</guid></item>"


def _serve_feed(server: HTTPServer, path: str, title: str, headlines: list[str]) -> str:
    site = server.url_for("/")
    items = ""
    for number, headline in enumerate(headlines):
        story = f"{path.rsplit('.', 1)[0]}-{number}.html"
        items += ITEM.format(title=headline, link=server.url_for(story))
        server.expect_request(story).respond_with_data(_story(headline), content_type="text/html")
    server.expect_request(path).respond_with_data(
        RSS.format(title=title, site=site, items=items), content_type="application/rss+xml"
    )
    return server.url_for(path)


def _story(headline: str) -> str:
    """A story's page: its headline and a few paragraphs of its own."""
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The harbour board met on Tuesday evening in the old customs house, where the "
            "question before it had waited since the spring storms took the outer pontoon.",
            "Members heard from the harbourmaster, who said the winter moorings were fully "
            "booked and that the fishing fleet had asked for an early decision on the dues.",
            "A decision on the lifeboat station's new slipway was put off until the next "
            "meeting, when the engineers' survey of the sea wall is expected to be ready.",
        )
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{headline}</title>"
        f"</head><body><article><h1>{headline}</h1>{paragraphs}</article></body></html>"
    )


def _serve_page(server: HTTPServer, path: str, title: str, *feed_paths: str) -> str:
    """A news site's front page, naming its feeds at `feed_paths` (none: no feed named)."""
    link = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{title}: {section}" '
        f'href="{feed}">'
        for section, feed in zip(("News", "Sport", "Arts"), feed_paths, strict=False)
    )
    server.expect_request(path).respond_with_data(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{link}</head><body><header><h1>{title}</h1></header><main><article><h2>"
        "<a href='/ferry.html'>Ferry timetable changes for the winter</a></h2><p>The morning "
        "crossing moves to seven from Monday.</p></article></main></body></html>",
        content_type="text/html; charset=utf-8",
    )
    return server.url_for(path)


def reader_feeds(data_dir: Path) -> list[dict[str, object]]:
    """`reader feeds --json` run as the user runs it."""
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "feeds", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    feeds: list[dict[str, object]] = json.loads(result.stdout)
    return feeds


async def type_in(pilot: Pilot[object], text: str) -> None:
    """`text` typed into the line of the dialog open, a key at a time."""
    await pilot.press(*(char if char.isalnum() else _character_to_key(char) for char in text))


async def ask(pilot: Pilot[object], key: str, text: str | None, clear: bool = False) -> None:
    """`key` opens the line; `text` is typed (after the line is emptied when `clear`), then
    Enter; None: Esc."""
    app = pilot.app
    await pilot.press(key)
    await on_top(pilot, FeedInputScreen, "the line")
    if clear:
        line = app.screen.query_one(Input)
        await pilot.press("end", *(["backspace"] * len(line.value)))
    if text is None:
        await pilot.press("escape")
    else:
        await type_in(pilot, text)
        await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, MainScreen), "the dialog closed")


async def ask_choosing(pilot: Pilot[object], page: str) -> None:
    """`a` with the address of a page naming several feeds: the list to choose one from (the
    line's dialog gives way to it at once: the main screen may never be on top between)."""
    await pilot.press("a")
    await on_top(pilot, FeedInputScreen, "the line")
    await type_in(pilot, page)
    await pilot.press("enter")
    await on_top(pilot, FeedChoiceScreen, "the feeds to choose from")


async def offered(pilot: Pilot[object], page: str) -> None:
    """`a` with the address of a page naming no feed: the question offering to keep it."""
    await pilot.press("a")
    await on_top(pilot, FeedInputScreen, "the line")
    await type_in(pilot, page)
    await pilot.press("enter")
    await on_top(pilot, ConfirmScreen, "the offer")  # its panel is queried next


def question(app: ReaderApp) -> str:
    screen = app.screen
    assert isinstance(screen, ConfirmScreen)
    return screen.question


def shown_urls(app: ReaderApp) -> list[str]:
    return [feed.url for feed in app.index.feeds]


def test_a_adds_a_feed_by_its_address_or_a_pages_and_says_why_one_gave_nothing(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    gazette = _serve_feed(
        httpserver,
        "/gazette/feed.xml",
        "The Harbour Gazette",
        ["Harbour dues rise for the winter moorings", "Lifeboat crew called out twice"],
    )
    quay = _serve_feed(httpserver, "/quay/rss.xml", "Quay Weekly", ["New pontoon for the quay"])
    quay_page = _serve_page(httpserver, "/quay/", "Quay Weekly", "/quay/rss.xml")
    bare_page = _serve_page(httpserver, "/bare/", "The Bare Page")
    both_page = _serve_page(
        httpserver, "/both/", "Two Papers", "/gazette/feed.xml", "/quay/rss.xml"
    )
    subscribe(data_dir, [town])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            # Not a web address: the command's own line, nothing added, nothing fetched.
            # Said under the line, which stays to be mended (acc44a A2); Esc leaves it.
            await pilot.press("a")
            line = await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, "harbour gazette")
            await pilot.press("enter")
            refusal = line.query_one("#feed-input-refusal", Static)
            await until(pilot, lambda: refusal.display, "the refusal")
            assert str(refusal.render()).startswith("Not a web address")
            assert line.query_one(Input).value == "harbour gazette"
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the dialog closed")
            assert shown_urls(app) == [town]
            # Esc: nothing asked of anyone.
            await ask(pilot, "a", None)
            assert shown_urls(app) == [town]
            # A page naming no feed, on a site with none at the well-known addresses: the
            # line `reader add` gives, and nothing added.
            await offered(pilot, bare_page)
            # Whole in the question that offers to keep its article (the status line cut it
            # before "not subscribed", acc27b B14); `n`: nothing kept.
            assert "no feed was found" in question(app)
            assert ": not subscribed." in question(app)
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the offer closed")
            assert "The Bare Page" in app.status and app.status.endswith(": not subscribed")
            assert shown_urls(app) == [town]
            # A page naming two feeds, neither plainly its main one: which, in a list to
            # choose from by keys (a notice listed them, to be typed in again: acc34b D10);
            # Esc chooses none.
            await ask_choosing(pilot, both_page)
            assert app.status.startswith('That address is a web page ("Two Papers") naming 2')
            assert app.status.endswith(
                "add the one you want with a and its address, or Enter on it here"
            )
            assert _choices(app) == [
                f"  Two Papers: News\n  {gazette}",
                f"  Two Papers: Sport\n  {quay}",
            ]
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the list closed")
            assert shown_urls(app) == [town]

            # The feed's own address: subscribed, its headlines fetched and shown.
            await ask(pilot, "a", gazette)
            await until(pilot, lambda: gazette in shown_urls(app), "the feed added")
            await until(pilot, lambda: app.status.startswith("Subscribed"), "its line")
            assert app.status == "Subscribed: The Harbour Gazette (2 headlines)"
            screen = app.screen
            assert isinstance(screen, MainScreen) and screen.feed_url == gazette
            assert screen.query_one(FeedList).selected_url == gazette
            titles = [h.entry.title for h in table(app).rows]
            assert titles == [
                "Harbour dues rise for the winter moorings",
                "Lifeboat crew called out twice",
            ]
            assert "The Harbour Gazette" in screen_text(app)

            # A page's address: the feed it names found and subscribed to.
            await ask(pilot, "a", quay_page)
            await until(pilot, lambda: quay in shown_urls(app), "the page's feed added")
            await until(pilot, lambda: "subscribed: Quay" in app.status, "its line")
            assert app.status == (
                f"Found the feed {quay} on that page · subscribed: Quay Weekly (1 headline)"
            )
            assert screen.feed_url == quay
            assert [h.entry.title for h in table(app).rows] == ["New pontoon for the quay"]

            # Subscribed already: said, and that feed shown; nothing added twice.
            await ask(pilot, "a", gazette)
            await until(pilot, lambda: "Already subscribed" in app.status, "the answer")
            assert app.status == f"Already subscribed: {gazette}"
            assert shown_urls(app) == [town, gazette, quay] and screen.feed_url == gazette
        assert [feed["url"] for feed in reader_feeds(data_dir)] == [town, gazette, quay]

    asyncio.run(run())


def _choices(app: ReaderApp) -> list[str]:
    listed = app.screen.query_one(VimOptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


def test_a_page_naming_several_feeds_subscribes_to_the_one_chosen_by_keys(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """`a` and a paper's home page naming two feeds: `j` to the second, Enter: subscribed to
    it, shown, as `a` and its address would have (acc34b D10)."""
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    _serve_feed(httpserver, "/gazette/feed.xml", "The Harbour Gazette", ["Harbour dues rise"])
    quay = _serve_feed(httpserver, "/quay/rss.xml", "Quay Weekly", ["New pontoon for the quay"])
    both_page = _serve_page(
        httpserver, "/both/", "Two Papers", "/gazette/feed.xml", "/quay/rss.xml"
    )
    subscribe(data_dir, [town])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await ask_choosing(pilot, both_page)
            await pilot.press("j", "enter")
            await until(pilot, lambda: quay in shown_urls(app), "the feed chosen added")
            await until(pilot, lambda: app.status.startswith("Subscribed"), "its line")
            assert app.status == "Subscribed: Quay Weekly (1 headline)"
            assert shown_urls(app) == [town, quay]

    asyncio.run(run())


def test_a_with_an_articles_address_offers_to_save_it_and_read_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A link someone sent, to an article's page naming no feed: `a` says it is not a feed and
    offers to keep it; `y` saves it for good, in Saved, and opens it (acc30a J29)."""
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    httpserver.expect_request("/quay4.html").respond_with_data(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Quay 4 workers say safety warnings were ignored</title></head><body><article>"
        "<h1>Quay 4 workers say safety warnings were ignored</h1>"
        "<p>Three dockers who worked on Quay 4 say they warned managers about cracks in the "
        "crane rails months before the collapse, and were told to keep working.</p>"
        "<p>“We told them in June. We told them in July,” said one docker, who asked not to "
        "be named for fear of losing his job.</p></article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    page = httpserver.url_for("/quay4.html")
    subscribe(data_dir, [town])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            await offered(pilot, page)
            # The question first, whole, before the feeds looked for (acc31c W16).
            assert question(app).startswith(
                "Save the article of that page for good (in Saved), and read it?\n\n"
            )
            panel = app.screen.query_one("#confirm-panel", Static)
            assert "and read it?" in str(panel.render())
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: "warned managers" in body.text, "its text")
            said = "Saved for good (in Saved): Quay 4 workers say"
            await until(pilot, lambda: any(said in n for n in raised), "the saving said")
            saved = app.index.view(SAVED_VIEW)
            assert [h.entry.title for h in saved] == [
                "Quay 4 workers say safety warnings were ignored"
            ]
            assert shown_urls(app) == [town]  # nothing subscribed

    asyncio.run(run())


def test_a_with_an_article_naming_its_sites_feed_subscribes_and_offers_to_keep_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A link someone sent to an article whose page names its site's feed, as every WordPress
    post does: `a` subscribed to the feed, and the article itself was neither kept nor listed
    (acc31c W3). Now, subscribed, it is offered to be kept too; a page that is no article (a
    site's front) is not."""
    ledger = _serve_feed(httpserver, "/ledger.xml", "The Harbour Ledger", ["Ferry fares frozen"])
    head = '<link rel="alternate" type="application/rss+xml" href="/ledger.xml">'
    httpserver.expect_request("/gull-rock.html").respond_with_data(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}"
        "<meta property='og:type' content='article'>"
        "<title>The last keepers of Gull Rock</title></head><body><article>"
        "<h1>The last keepers of Gull Rock</h1>"
        "<p>For forty years two families kept the light on Gull Rock, rowing out in all "
        "weathers with oil, bread and the post.</p>"
        "<p>“You learned the sea's moods or you didn't last,” said the elder keeper.</p>"
        "</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/").respond_with_data(
        f"<!DOCTYPE html><html><head>{head}<title>The Harbour Ledger</title></head>"
        "<body><h1>The Harbour Ledger</h1></body></html>",
        content_type="text/html; charset=utf-8",
    )
    page = httpserver.url_for("/gull-rock.html")

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            await offered(pilot, page)
            assert shown_urls(app) == [ledger]  # subscribed, as before
            assert question(app).startswith("Save the article of that page for good")
            assert question(app).endswith("That page is itself an article.")
            await pilot.press("y")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: "rowing out in all" in body.text, "its text")
            saved = app.index.view(SAVED_VIEW)
            assert [h.entry.title for h in saved] == ["The last keepers of Gull Rock"]
            await pilot.press("q")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the lists")
            # A site's front page naming the same feed: subscribed already, nothing offered.
            await ask(pilot, "a", httpserver.url_for("/"))
            await until(pilot, lambda: "already subscribed" in app.status, "the answer")
            await pilot.pause(0.3)
            assert isinstance(app.screen, MainScreen)

    asyncio.run(run())


def test_R_renames_the_feed_shown_and_back_to_its_own_title(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    gazette = _serve_feed(
        httpserver, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise", "Lifeboat out"]
    )
    subscribe(data_dir, [town, gazette])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            # On "All feeds" no feed is shown: said, and no line opened.
            await pilot.press("R")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            await pilot.press("tab", "j", "j", "j")  # "All feeds", "Saved", Town Crier, Gazette
            await until(pilot, lambda: screen.feed_url == gazette, "the Gazette shown")
            await pilot.press("R")
            await on_top(pilot, FeedInputScreen, "the line")
            line = app.screen.query_one(Input)
            assert line.value == "The Harbour Gazette"  # its name now, to change
            assert "Rename “The Harbour Gazette”" in screen_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the line closed")

            # Enter on the name as it was: no name of the user's made of the feed's title.
            await ask(pilot, "R", "")
            await pilot.pause()
            assert not app.status.startswith("Renamed")
            assert [f.name for f in app.lib.feeds()] == ["", ""]

            await ask(pilot, "R", "Harbour news", clear=True)
            await until(pilot, lambda: app.status.startswith("Renamed"), "the rename")
            assert app.status == "Renamed: The Harbour Gazette → Harbour news"
            feed_list = screen.query_one(FeedList)
            assert feed_list.feeds[gazette].display_title == "Harbour news"
            assert "Harbour news" in screen_text(app)
            # The headlines' feed column ("All feeds") names it so too.
            await pilot.press("g", "enter")
            await until(pilot, lambda: screen.feed_url is None, "all feeds")
            assert {h.entry.feed_url for h in table(app).rows} == {town, gazette}
            assert "Harbour news" in screen_text(app)
            # (but in the status line's "Renamed: The Harbour Gazette → Harbour news")
            assert "The Harbour Gazette" not in screen_text(app).replace(app.status, "")
        assert [(f["url"], f["name"]) for f in reader_feeds(data_dir)] == [
            (town, ""),
            (gazette, "Harbour news"),
        ]

        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("tab", "j", "j", "j")
            await until(pilot, lambda: screen.feed_url == gazette, "the feed shown")
            await ask(pilot, "R", "", clear=True)  # empty: its own title again
            await until(pilot, lambda: app.status.startswith("Renamed"), "the rename")
            assert app.status == "Renamed: Harbour news → The Harbour Gazette (its own title)"
            assert screen.query_one(FeedList).feeds[gazette].display_title == (
                "The Harbour Gazette"
            )
        assert [f["name"] for f in reader_feeds(data_dir)] == ["", ""]

    asyncio.run(run())


def test_D_removes_the_feed_shown_on_yes_only(httpserver: HTTPServer, data_dir: Path) -> None:
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    gazette = _serve_feed(
        httpserver, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise", "Lifeboat out"]
    )
    subscribe(data_dir, [town, gazette])

    async def saved_one() -> None:
        async with Library(data_dir, workers="thread") as lib:
            entry = next(h.entry for h in lib.headlines() if h.entry.title == "Harbour dues rise")
            await lib.save(entry)  # as `s` saves it: its article cached for good

    asyncio.run(saved_one())

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("tab", "j", "j", "j")
            await until(pilot, lambda: screen.feed_url == gazette, "the Gazette shown")
            asked = "Remove “The Harbour Gazette”? Its 2 headlines and their read"
            for no in ("n", "escape"):
                await pilot.press("D")
                await on_top(pilot, ConfirmScreen, "the question")
                # Drawn a refresh after it is mounted: later on a busy machine.
                await until(pilot, lambda: asked in screen_text(app), "the question drawn")
                question = screen_text(app)
                assert "1 saved article stays in Saved" in question
                await pilot.press("enter")  # no answer: typed ahead, it removes nothing
                await pilot.pause()
                assert isinstance(app.screen, ConfirmScreen)
                await pilot.press(no)
                await until(pilot, lambda: isinstance(app.screen, MainScreen), "the answer")
                await pilot.pause()
                assert shown_urls(app) == [town, gazette] and screen.feed_url == gazette
            await pilot.press("delete")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            await pilot.press("y")
            await until(pilot, lambda: shown_urls(app) == [town], "the feed removed")
            await until(pilot, lambda: app.status.startswith("Unsubscribed"), "its line")
            assert app.status == (
                "Unsubscribed: The Harbour Gazette (1 saved article kept in Saved)"
            )
            # The feed before it is shown now; the saved article is still in "Saved".
            await until(pilot, lambda: screen.feed_url == town, "the next feed shown")
            assert [h.entry.title for h in app.index.view(None)] == ["Market square reopens"]
            assert app.index.saved == 1
        assert [feed["url"] for feed in reader_feeds(data_dir)] == [town]
        async with Library(data_dir, workers="thread") as lib:
            assert [h.entry.title for h in lib.headlines(saved_only=True)] == ["Harbour dues rise"]

    asyncio.run(run())


def test_a_key_typed_in_the_line_is_the_lines(httpserver: HTTPServer, data_dir: Path) -> None:
    """`q`, `r`, `D` typed in an address are letters of it, not the reader's keys."""
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    subscribe(data_dir, [town])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("a")
            await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, "qrD?")
            assert app.screen.query_one(Input).value == "qrD?"
            assert isinstance(app.screen, FeedInputScreen) and app.is_running
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "Esc")
            assert shown_urls(app) == [town]

    asyncio.run(run())


def test_a_feeds_title_from_the_web_is_shown_as_plain_text_in_the_line_and_the_question(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Markup in a feed's title is its text: in the rename line and in the question, as in the
    list (no click on it quits the reader, nothing is bold)."""
    hostile = "[@click=app.quit]Quay[/] [b]News[/b]"
    quay = _serve_feed(httpserver, "/quay.xml", hostile, ["New pontoon for the quay"])
    subscribe(data_dir, [quay])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("tab", "j", "j")
            await until(pilot, lambda: screen.feed_url == quay, "the feed shown")
            await pilot.press("R")
            await on_top(pilot, FeedInputScreen, "the line")
            assert app.screen.query_one(Input).value == hostile
            assert f"Rename “{hostile}”" in screen_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the line closed")
            await pilot.press("D")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            assert f"Remove “{hostile}”? Its 1 headline" in screen_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "no")
            assert app.is_running and shown_urls(app) == [quay]

    asyncio.run(run())
