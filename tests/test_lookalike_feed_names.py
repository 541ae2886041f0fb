"""Feeds whose names read alike (acc52a A3): "Reuters", "Reu\u200bters" (a zero-width space),
"Rеuters" (a Cyrillic е) and a feed that renamed itself "Reuters" after it was subscribed are
shown with their addresses beside their names in the reader's feed list, not four "Reuters";
a name like no other's is shown as it is. Real feeds on 127.0.0.1, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from cli_run import run_reader
from pytest_httpserver import HTTPServer
from tui_pilot import running, screen_text, subscribe

from reader.name_skeleton import skeleton

TITLES = {
    "real": "Reuters",
    "zw": "Reu\u200bters",
    "cyrillic": "R\u0435uters",
    "imp": "Imp Daily",
    "harbour": "Harbour Times",
}


def _serve(server: HTTPServer, titles: dict[str, str]) -> None:
    server.clear()
    for name, title in titles.items():
        link = server.url_for(f"/{name}/1.html")
        server.expect_request(f"/{name}.xml").respond_with_data(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<item><title>Story of {name}</title><link>{link}</link></item></channel></rss>",
            content_type="application/rss+xml",
        )


def _feed_list_rows(data_dir: Path) -> list[str]:
    """The feed list's rows as the reader draws them at 200 columns."""

    async def run() -> list[str]:
        async with running(data_dir, (200, 30), prefetch=False) as (app, pilot):
            await pilot.pause()
            return screen_text(app).splitlines()

    return [line[: line.index("│", 2)] for line in asyncio.run(run()) if "│" in line[2:]]


def test_feeds_named_alike_are_shown_with_their_addresses(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    _serve(httpserver, TITLES)
    urls = [httpserver.url_for(f"/{name}.xml") for name in TITLES]
    subscribe(data_dir, urls)
    _serve(httpserver, {**TITLES, "imp": "Reuters"})  # renamed after it was subscribed
    subscribe(data_dir, [])
    lines = _feed_list_rows(data_dir)
    shown = [line for line in lines if skeleton("Reuters") in skeleton(line)]
    assert len(shown) == 4, lines
    for name in ("real", "zw", "cyrillic", "imp"):
        assert sum(f"/{name[:2]}" in row for row in shown) == 1, shown  # cut, a long one
    harbour = next(line for line in lines if "Harbour Times" in line)
    assert "/harbour.xml" not in harbour and "localhost:" not in harbour, harbour


def test_a_skeleton_folds_what_reads_alike() -> None:
    assert skeleton("Reu\u200bters") == skeleton("R\u0435uters") == skeleton("REUTERS")
    assert skeleton("\uff32euters") == skeleton("Reuters")  # full-width
    assert skeleton("rnedia") == skeleton("media")
    assert skeleton("Reuters") != skeleton("Routers")


def test_a_sync_says_a_feed_took_another_feeds_name(httpserver: HTTPServer, data_dir: Path) -> None:
    titles = {"real": "Reuters", "imp": "Imp Daily", "harbour": "Harbour Times"}
    _serve(httpserver, titles)
    for name in titles:
        assert run_reader(data_dir, "add", httpserver.url_for(f"/{name}.xml")).returncode == 0
    _serve(httpserver, {**titles, "imp": "R\u0435uters", "harbour": "Harbour Times Daily"})
    result = run_reader(data_dir, "sync", "--no-articles")
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert "Imp Daily now calls itself R\u0435uters, as another feed is named" in said, said
    assert "Harbour" not in said, said  # a rename like no other feed's name: nothing to say


def test_feeds_titled_as_the_lists_own_rows_are_shown_with_their_hosts(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Feeds titled "All feeds", "Saved" and "#news" beside a real tag "news": the feed list's
    own rows stay as they are, the feeds' are shown with their hosts (acc52a A4)."""
    titles = {"ui1": "All feeds", "ui2": "Saved", "ui3": "#news", "harbour": "Harbour Times"}
    _serve(httpserver, titles)
    subscribe(data_dir, [httpserver.url_for(f"/{name}.xml") for name in titles])
    assert run_reader(data_dir, "tag", httpserver.url_for("/harbour.xml"), "news").returncode == 0
    lines = _feed_list_rows(data_dir)
    for name in ("All feeds", "Saved", "#news"):
        rows = [line for line in lines if line[3:].startswith(name)]
        assert len(rows) == 2, lines
        own, feed = sorted(rows, key=lambda row: "localhost:" in row)
        assert "localhost:" not in own and "localhost:" in feed, rows
    assert not any("Harbour Times (" in line for line in lines), lines


def test_an_import_warns_of_tags_that_read_alike(tmp_path: Path, data_dir: Path) -> None:
    """An OPML file filing feeds under "news" and "nеws" (a Cyrillic е): two tags said as
    reading alike (acc52a A7); "News" beside "news" is one tag, said of nothing."""
    opml = tmp_path / "sub.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline type="rss" text="A" xmlUrl="http://127.0.0.1:9/a.xml" category="news"/>'
        '<outline type="rss" text="B" xmlUrl="http://127.0.0.1:9/b.xml"'
        ' category="n\u0435ws,Politics"/>'
        '<outline type="rss" text="C" xmlUrl="http://127.0.0.1:9/c.xml" category="News"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    result = run_reader(data_dir, "import", str(opml))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "read alike" in line]
    assert warnings == [
        "reader: warning: tags that read alike but are not one: news / n\u0435ws (a letter of"
        " another script, or an invisible one)"
    ], result.stderr


def test_reader_list_names_feeds_named_alike_apart(httpserver: HTTPServer, data_dir: Path) -> None:
    """`reader list`'s sources and "(also in …)" tell the four "Reuters" apart too."""
    _serve(httpserver, TITLES)
    subscribe(data_dir, [httpserver.url_for(f"/{name}.xml") for name in TITLES])
    result = run_reader(data_dir, "list")
    assert result.returncode == 0, result.stderr
    for name in ("real", "zw", "cyrillic"):
        assert f"/{name}.xml): Story of" in result.stdout, result.stdout
    assert "Harbour Times: Story of" in result.stdout, result.stdout
