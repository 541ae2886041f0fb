"""A picture its site refuses (403: hotlink protection answers a reader that sends no Referer so,
every time) is asked for a few tries alone, then refused for good and said so; and a reader set
to touch the network only when told (`refresh_on_open = false`, `fetch_ahead = 0`) asks for no
picture as a cached article opens (acc48a A2: the CDN asked at every sync and every opening, for
ever, and the recap calling the article not readable offline for good).

Served by a real server on 127.0.0.1 (pytest-httpserver), the pictures real PNG bytes."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import load_config
from reader.library import Library
from reader.pictures import PAGE_SYNCS
from tests.cli_run import run_reader
from tests.test_owed_pictures import asked, kept, serve_crane, subscribed

REFUSES = "the site refuses its pictures to other sites"


def hotlink(request: Request) -> Response:
    """A CDN's hotlink protection: no picture without another site's page as the Referer."""
    return Response("Forbidden", status=403, content_type="text/plain")


def hotlinked(data_dir: Path, server: HTTPServer) -> str:
    """`data_dir` subscribed to a story whose JPEG the site refuses (`hotlink`): its link."""
    feed, link = serve_crane(server, hotlink)
    subscribed(data_dir, feed)
    return link


def test_a_picture_its_site_refuses_is_asked_for_a_few_syncs_alone(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    link = hotlinked(data_dir, server)
    for number in range(1, PAGE_SYNCS + 3):
        synced = run_reader(data_dir, "sync")
        assert synced.returncode == 0, synced.stderr
        said = synced.stdout + synced.stderr
        refused = "1 article without pictures their sites refuse to other sites"
        assert (refused in said) == (number < PAGE_SYNCS), (number, said)
        assert "the next sync fetches them" not in said
        assert asked(server, "/crane.jpg") == min(number, PAGE_SYNCS)
    assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": False}
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    (crane,) = (p for p in json.loads(shown.stdout)["pictures"] if not p["kept"])
    assert REFUSES in crane["why"] and "403" in crane["why"], crane
    listed = run_reader(data_dir, "list", "--not-offline", "--ids")
    assert listed.stdout.split() == []  # readable offline, as much as it will ever be


def test_a_quiet_reader_opens_a_cached_article_without_asking_for_its_pictures(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    link = hotlinked(data_dir, server)
    assert run_reader(data_dir, "sync").returncode == 0
    assert asked(server, "/crane.jpg") == 1
    config = data_dir / "config.toml"
    config.write_text(config.read_text() + "[feeds]\nrefresh_on_open = false\nfetch_ahead = 0\n")
    before = len(server.log)

    async def run() -> None:
        async with Library.configured(data_dir, load_config(config)) as lib:
            for _ in range(3):
                opened = await lib.article(link)
                assert opened.blocks
                await lib.pictures_settled()

    asyncio.run(run())
    assert server.log[before:] == []
