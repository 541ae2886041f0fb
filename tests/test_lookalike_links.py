"""A link's address is shown as where it goes, not as it looks (an acceptance tester's F13, F11).

"https://аpple.com/login" (a Cyrillic "а") was shown so in the status line, the link list, `c`
and `reader show`: the host it goes to is xn--pple-43d.com. As browsers do, a host that mixes
scripts, is made only of letters that look Latin, or holds a character like a slash (U+2044
"⁄") is shown as its punycode; a user name before the host ("paypal.com%2f@evil.example") is
left out, so evil.example is the first name read; a host in one script that passes for nothing
else (пример.рф, 例え.jp, bücher.de) stays readable. And a 5,000-character address takes three
lines of the link list, cut in its middle, not a screen; `c` copies it whole.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from reader.citation import header_lines
from reader.extract import extract_article, to_markdown, to_text
from reader.library import Library
from reader.lookalike_hosts import readable
from reader.models import Article
from reader.safe import safe_line
from reader.ui.app import ReaderApp
from reader.ui.dialogs.links import LinksScreen
from reader.ui.display import MiddleCut, middle_cut
from reader.url_display import shown_host, shown_url
from tests.test_cli import reader as run_reader
from tests.tui_pilot import (
    notices_raised,
    on_top,
    reading,
    screen_text,
    status,
    subscribe_to_page,
    until,
)

URL = "https://courier.example/2026/12/phishing.html"
# The tester's five links, and what each must show.
SPOOFS = [
    ("your bank", "https://аpple.com/login", "https://xn--pple-43d.com/login"),
    ("the same, as punycode", "https://www.xn--80ak6aa92e.com/", "https://www.xn--80ak6aa92e.com/"),
    ("the payments page", "https://paypal.com⁄evil.example/x", "https://paypal.xn--comevil-3d7c.example/x"),
    ("the payments help", "https://paypal.com%2f@evil.example/", "https://evil.example/"),
    ("the invoice", "https://evil.example/%E2%80%AEgpj.exe", "https://evil.example/%E2%80%AEgpj.exe"),
]  # fmt: skip
READABLE = [
    ("the ministry", "https://пример.рф/"),
    ("the Tokyo office", "https://例え.jp/"),
    ("the bookshop", "https://bücher.de/"),
]
LONG = (
    "https://courier.example/archive/" + "-".join(f"part{n:04d}" for n in range(560)) + "/end.html"
)


def _page(links: list[tuple[str, str]]) -> str:
    anchors = ", ".join(f'<a href="{href}">{text}</a>' for text, href in links)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Phishing wave hits savers | Coast Courier</title></head><body><article>"
        "<h1>Phishing wave hits savers</h1>"
        "<p>Savers along the coast have been sent e-mails this week that copy the look of their "
        "bank's letters and ask them to sign in again to keep their accounts open, the county's "
        "trading standards office said on Thursday.</p>"
        f"<p>The messages point to {anchors}, the office says, and anyone who followed one "
        "of them should change their password at once.</p>"
        "<p>Officers said the wave was the largest they had seen since the spring, when a similar "
        "run of messages copied the look of the council's tax letters.</p>"
        "</article></body></html>"
    )


PAGE = _page([(text, href) for text, href, _ in SPOOFS] + READABLE + [("the report", LONG)])


# -- the rule ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "shown"), [(href, shown) for _, href, shown in SPOOFS])
def test_each_spelling_of_the_tester_s_links_is_shown_as_where_it_goes(
    written: str, shown: str
) -> None:
    assert shown_url(written) == shown


@pytest.mark.parametrize("url", [href for _, href in READABLE])
def test_a_host_in_one_script_that_passes_for_nothing_else_stays_readable(url: str) -> None:
    assert shown_url(url) == url


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        # Punycode that names a readable host is shown as it reads, as browsers show it.
        ("https://xn--e1afmkfd.xn--p1ai/novosti", "https://пример.рф/novosti"),
        # Whole-script look-alikes: Cyrillic "аррӏе" under .com; the same word under .ru is Russian.
        ("https://www.аррӏе.com/", "https://www.xn--80ak6aa92e.com/"),
        ("https://аррӏе.ru/", "https://аррӏе.ru/"),
        ("https://αικ.com/", "https://xn--mxaqd.com/"),  # Greek letters that look Latin
        ("https://ελλάδα.gr/", "https://ελλάδα.gr/"),
        # Other slashes and a dash look-alike in a host.
        ("https://paypal.com∕evil.example/", "https://paypal.xn--comevil-ef0d.example/"),
        ("https://paypalーlogin.com/", "https://xn--paypallogin-zu5j.com/"),
        ("https://ṗaypal.com/", "https://xn--aypal-to1b.com/"),  # a rare Latin letter
        # Latin alone, but letters that pass for ASCII ones (acc41b B4): IPA's script g and
        # alpha, a small capital, a dotless i outside Turkish and Azerbaijani names.
        ("https://www.ɡoogle.com/", "https://www.xn--oogle-qmc.com/"),
        ("https://www.ɑpple.com/", "https://www.xn--pple-p5b.com/"),
        ("https://ᴘaypal.com/", "https://xn--aypal-439a.com/"),
        ("https://lınkedin.com/", "https://xn--lnkedin-rfb.com/"),
        ("https://ıspanak.com.tr/", "https://ıspanak.com.tr/"),
        ("https://ɛnɔ.gh/", "https://ɛnɔ.gh/"),  # Akan's open e and o stay readable
        # A host written with percent-escapes is read as the browser reads it.
        ("https://%D0%B0pple.com/", "https://xn--pple-43d.com/"),
        # A backslash ends the host in a browser: evil.example is where this goes.
        ("https://evil.example\\@paypal.com/", "https://evil.example\\@paypal.com/"),
        # The user name and password left out, the port kept; case folded as browsers fold it.
        ("https://user:pw@PayPal.COM:8443/a?b#c", "https://paypal.com:8443/a?b#c"),
        ("https://ドメイン名例.jp/", "https://ドメイン名例.jp/"),  # Japanese mixes three scripts
        ("https://한국.kr/", "https://한국.kr/"),
        ("https://straße.de/", "https://straße.de/"),
        ("mailto:editor@courier.example", "mailto:editor@courier.example"),
        ("https://[::1]:8080/x", "https://[::1]:8080/x"),
    ],
)
def test_the_rule_on_other_spellings(written: str, shown: str) -> None:
    assert shown_url(written) == shown


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_any_address_is_shown_as_one_line_without_control_characters(host: str, path: str) -> None:
    for url in (f"https://{host}/{path}", host):
        shown = shown_url(url)
        assert shown == safe_line(shown)


def test_mixed_scripts_are_refused_but_the_writing_systems_that_mix_them_are_not() -> None:
    assert not readable("pаypal", "com")  # Latin with a Cyrillic "а"
    assert not readable("αpple", "com")  # Latin with a Greek alpha
    assert readable("ソニーstore", "jp")  # Katakana and Latin, as Japanese writes them
    assert readable("中文abc", "cn")
    assert not readable("ab\u200dc", "com")  # a joiner draws nothing
    assert shown_host("EXAMPLE.org") == "example.org"


# -- show / extract ----------------------------------------------------------------------------
def test_markdown_and_plain_text_carry_the_address_as_it_goes() -> None:
    article = extract_article(PAGE, URL)
    markdown = to_markdown(article, header=False)
    assert "[your bank](<https://xn--pple-43d.com/login>)" in markdown
    assert "[the payments help](<https://evil.example/>)" in markdown
    assert "[the ministry](<https://пример.рф/>)" in markdown
    assert "аpple" not in markdown and "paypal.com⁄" not in markdown and "%2f@" not in markdown
    # The links themselves keep the address as the page wrote it, for the browser to open.
    hrefs = [run.href for block in article.blocks for run in block.inlines if run.href]
    assert hrefs[:2] == ["https://аpple.com/login", "https://www.xn--80ak6aa92e.com/"]
    assert "аpple" not in to_text(article)


def test_a_recording_at_a_look_alike_host_is_named_and_addressed_by_its_punycode() -> None:
    clip = '<video controls src="https://аpple.com/clip"></video>'
    page = PAGE.replace("<p>Officers said", f"{clip}<p>Officers said")
    text = to_text(extract_article(page, URL), header=False)
    assert "Video (xn--pple-43d.com) <https://xn--pple-43d.com/clip>" in text


def test_the_citation_names_an_article_at_a_look_alike_host_by_its_punycode() -> None:
    article = Article("https://аpple.com/news/story.html", title="Story", site_name="Apple")
    assert "URL: https://xn--pple-43d.com/news/story.html" in header_lines(article)
    assert "URL: <https://xn--pple-43d.com/news/story.html>" in header_lines(article, True)


def test_the_feeds_list_shows_a_look_alike_feed_by_its_punycode_and_removes_it_so(
    tmp_path: Path,
) -> None:
    async def run() -> None:
        async with Library(tmp_path) as lib:
            assert lib.add_feed("https://аpple.com/feed.xml")
            [feed] = lib.feeds()
            assert feed.display_title == "https://xn--pple-43d.com/feed.xml"
            assert lib.remove_feed("https://xn--pple-43d.com/feed.xml")
            assert lib.feeds() == []

    asyncio.run(run())


def test_reader_feeds_names_a_look_alike_feed_by_its_punycode(tmp_path: Path) -> None:
    async def subscribe() -> None:
        async with Library(tmp_path) as lib:
            assert lib.add_feed("https://user@аpple.com/feed.xml")

    asyncio.run(subscribe())
    listed = run_reader(tmp_path, "feeds").stdout
    assert "    https://xn--pple-43d.com/feed.xml" in listed
    assert "аpple" not in listed and "user@" not in listed
    removed = run_reader(tmp_path, "remove", "https://xn--pple-43d.com/feed.xml")
    assert removed.returncode == 0 and "unsubscribed" in removed.stdout


def test_add_names_a_look_alike_feed_by_its_punycode_as_reader_feeds_does(tmp_path: Path) -> None:
    # Its lines gave the address as typed, the look-alike form `reader feeds` never shows
    # (acc50a A10), and a password in it too (A2).
    async def subscribe() -> None:
        async with Library(tmp_path) as lib:
            assert lib.add_feed("https://me:s3cret@аpple.com/feed.xml")

    asyncio.run(subscribe())
    again = run_reader(tmp_path, "add", "https://me:s3cret@аpple.com/feed.xml")
    assert again.stdout + again.stderr == (
        "already subscribed: https://xn--pple-43d.com/feed.xml\n"
    )


# -- the long address (F11) --------------------------------------------------------------------
def test_middle_cut_keeps_the_host_and_the_end() -> None:
    cut = middle_cut(LONG, 200)
    assert len(cut) == 200 and cut.startswith("https://courier.example/archive/part0000")
    assert cut.endswith("part0559/end.html") and cut.count("…") == 1
    assert middle_cut("https://a.example/", 200) == "https://a.example/"
    wide = middle_cut("https://例え.jp/" + "記事" * 100, 40)  # two cells a character
    assert Console().measure(wide).maximum <= 40 and wide.endswith("記事")


def test_a_long_address_takes_at_most_three_lines_at_any_width() -> None:
    for width in (40, 80, 120):
        console = Console(width=width, color_system=None)
        with console.capture() as capture:
            console.print(MiddleCut(LONG, lines=3))
        lines = capture.get().splitlines()
        assert len(lines) == 3 and "…" in "".join(lines)
        assert lines[0].startswith("https://courier.example/") and lines[-1].endswith("end.html")


# -- the reading view ------------------------------------------------------------------------
def test_tab_and_the_link_list_show_each_address_as_where_it_goes(
    data_dir: Path, browser: list[str]
) -> None:
    subscribe_to_page(data_dir, PAGE, "Coast Courier", "Phishing wave hits savers")

    async def run() -> None:
        async with reading(data_dir, "Phishing wave", (120, 40), notifications=True) as (
            app,
            pilot,
            body,
        ):
            assert body.link_count == 9
            for n, (_, _, shown) in enumerate(SPOOFS, 1):
                await pilot.press("tab")
                assert status(app).startswith(f"Link {n} of 9: {shown}")
            await pilot.press("tab")
            assert status(app).startswith("Link 6 of 9: https://пример.рф/")
            # Enter hands the browser the address as the page wrote it: its own bar shows it.
            await pilot.press("enter")
            assert browser == ["https://пример.рф/"]

            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")  # composed a moment after
            shown = screen_text(app)
            for _, _, address in SPOOFS:
                assert address in shown
            assert "аpple" not in shown and "⁄" not in shown and "%2f@" not in shown
            assert "https://例え.jp/" in shown and "https://bücher.de/" in shown
            # The long address: three lines, cut in its middle, every other link on screen.
            lines = [line.strip(" │") for line in shown.splitlines()]
            start = next(i for i, line in enumerate(lines) if line.startswith(LONG[:40]))
            assert lines[start + 2].endswith("/end.html") and "…" in "".join(
                lines[start : start + 3]
            )
            assert "9. the report" in shown and len(lines[start:]) < 40
            copied = copies(app)
            await pilot.press("G", "c")
            assert copied == [LONG]  # whole
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("g", "c")
            assert copied[-1] == "https://xn--pple-43d.com/login"
            await until(pilot, lambda: any("xn--pple-43d.com/login" in n for n in raised), "notice")

    asyncio.run(run())


def copies(app: ReaderApp) -> list[str]:
    """What the app puts on the clipboard from now on (`copy_to_clipboard` still runs)."""
    copied: list[str] = []
    original = app.copy_to_clipboard

    def copy(text: str) -> None:
        copied.append(text)
        original(text)

    app.copy_to_clipboard = copy  # type: ignore[method-assign]
    return copied


def test_an_address_is_shown_and_copied_as_one_word() -> None:
    """A query's spaces were shown and copied as they were in the reader (the status line, the
    link list's `c`, an enclosure's line) while `reader show --format markdown` encoded them:
    pasted, the address broke at its first space, or read as an address and words (acc30c
    D4). One form everywhere: as a browser sends it."""
    address = "http://127.0.0.1:8937/a/link?T-markup [bold red]BOLD[/] <x>"
    assert shown_url(address) == (
        "http://127.0.0.1:8937/a/link?T-markup%20[bold%20red]BOLD[/]%20%3Cx%3E"
    )
    assert shown_url("http://example.org/ok?a=1") == "http://example.org/ok?a=1"
    assert shown_url("mailto:desk@example.org") == "mailto:desk@example.org"
