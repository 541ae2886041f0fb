"""A name two feeds share names neither: the commands that take a feed by its name say so and
give the addresses to use instead (acc28b D10: "not subscribed: Slow Times", while `reader
feeds` listed two of them)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_cli import reader


def test_a_shared_name_is_said_to_be_two_feeds_with_their_addresses(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    for path in ("/world.xml", "/business.xml"):
        httpserver.expect_request(path).respond_with_data(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Times</title>'
            f"<item><title>Story of {path}</title><link>http://s.example{path}.html</link></item>"
            "</channel></rss>",
            content_type="application/rss+xml",
        )
    data = tmp_path / "home"
    world, business = httpserver.url_for("/world.xml"), httpserver.url_for("/business.xml")
    for url in (world, business):
        assert reader(data, "add", url).returncode == 0
    for command in (
        ["remove", "slow times"],
        ["rename", "Slow Times", "World"],
        ["list", "--feed", "Slow Times"],
        ["mark-read", "--feed", "Slow Times"],
    ):
        done = reader(data, *command)
        assert done.returncode == 1, command
        assert done.stderr == (
            f"reader: 2 feeds are named slow times: give one's address: {world}, {business}\n"
            if command[0] == "remove"
            else f"reader: 2 feeds are named Slow Times: give one's address: {world}, {business}\n"
        ), command
    assert (
        reader(data, "remove", "Nowhere Herald").stderr
        == "reader: not subscribed: Nowhere Herald\n"
    )
    # By its address, either goes.
    assert reader(data, "remove", world).returncode == 0
    assert reader(data, "list", "--feed", "Slow Times").returncode == 0
