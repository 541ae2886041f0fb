"""`reader remove` of many feeds at once (acc49d D1): several FEEDs, `-` (addresses on stdin,
one a line, as `show` and `tag` take them), `--failing` (those `reader feeds --failing` lists)
and `--gone` (answered 404 or 410), each said in a line, then how many; `--dry-run` changes
nothing; `reader sync`'s summary counts the failures and points at both (D6). Real parts: feeds on a 127.0.0.1 server, an OPML file imported, the CLI's entry
point, a real data directory."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_cli import reader


def _feed(title: str) -> str:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<item><title>{title} one</title><link>http://127.0.0.1:9/{title}.html</link></item>"
        "</channel></rss>"
    )


def _subscribed(home: Path) -> set[str]:
    return {row["url"] for row in json.loads(reader(home, "feeds", "--json").stdout)}


def test_remove_takes_several_stdin_failing_and_gone(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    for name in ("quay", "dunes", "fells"):
        httpserver.expect_request(f"/{name}.xml").respond_with_data(
            _feed(name.title()), content_type="application/rss+xml"
        )
    httpserver.expect_request("/missing.xml").respond_with_data("no", status=404)
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=410)
    httpserver.expect_request("/page.xml").respond_with_data(
        "<html><head><title>Our new site</title></head><body>Welcome</body></html>",
        content_type="text/html",
    )
    urls = {
        n: httpserver.url_for(f"/{n}.xml")
        for n in ("quay", "dunes", "fells", "missing", "gone", "page")
    }
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>s</title></head><body>'
        + "".join(f'<outline type="rss" text="{n} desk" xmlUrl="{u}"/>' for n, u in urls.items())
        + "</body></opml>"
    )
    home = tmp_path / "lib"
    assert reader(home, "import", str(opml)).returncode == 0
    synced = reader(home, "sync", "--no-articles")
    assert _subscribed(home) == set(urls.values())
    # The summary counts the failures, as the reader's line does, and says where they are
    # listed and how those not there go (acc49d D6).
    lines = synced.stderr.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("synced "))
    summary = lines[at : at + 2]
    assert re.fullmatch(
        r"synced 3 of 6 feeds \(3 new headlines; 2 failed; 1 gone for good, asked again"
        r" \d{4}-\d\d-\d\d\)",
        summary[0],
    ), synced.stderr
    assert summary[1] == (
        "`reader feeds --failing` lists the failing feeds (a server error or a timeout once it"
        " has lasted 3 days); 2 answered 404 or 410 (not there): `reader remove --gone`"
        " unsubscribes from them"
    )

    # --gone: the 404 and the 410, not the web page; --dry-run touches nothing.
    dry = reader(home, "remove", "--gone", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert sorted(line.split(" (")[0] for line in dry.stdout.splitlines()) == [
        f"would unsubscribe: {urls['gone']}",
        f"would unsubscribe: {urls['missing']}",
    ]
    assert "missing desk: HTTP 404" in dry.stdout
    assert dry.stderr == "would unsubscribe from 2 feeds (--dry-run: nothing changed)\n"
    assert _subscribed(home) == set(urls.values())
    gone = reader(home, "remove", "--gone")
    assert gone.returncode == 0 and gone.stderr == "unsubscribed from 2 feeds\n"
    assert _subscribed(home) == {urls[n] for n in ("quay", "dunes", "fells", "page")}
    none_gone = reader(home, "remove", "--gone")  # acc50b: "no gone for good feeds" was said
    assert none_gone.stderr == "no feed gone for good: nothing unsubscribed\n"

    # --failing: the web page now, the feeds that work stay.
    failing = reader(home, "remove", "--failing")
    assert failing.stdout.startswith(f"unsubscribed: {urls['page']} (page desk: ")
    assert _subscribed(home) == {urls[n] for n in ("quay", "dunes", "fells")}
    none_left = reader(home, "remove", "--failing")
    assert (none_left.returncode, none_left.stdout) == (0, "")
    assert none_left.stderr == "no failing feed: nothing unsubscribed\n"

    # Several given, `-` among them: one not subscribed is said, the rest still go, exit 1.
    stdin = f"{urls['dunes']}\n\nno such desk\n".encode()
    several = reader(home, "remove", urls["quay"], "-", stdin=stdin)
    assert several.returncode == 1
    assert several.stdout == f"unsubscribed: {urls['quay']}\nunsubscribed: {urls['dunes']}\n"
    assert several.stderr == "reader: not subscribed: no such desk\nunsubscribed from 2 feeds\n"
    assert _subscribed(home) == {urls["fells"]}

    # Nothing to remove named: a usage error.
    assert reader(home, "remove").returncode == 2


def test_a_sync_with_nothing_answering_counts_no_feed_failed(tmp_path: Path) -> None:
    """Nothing answered at all: the one line says it, and the summary counted every feed
    "failed" too, the network's going taken for the feeds' (feeds49's count, before it
    landed: a flight's cron sync said "40 failed" every hour)."""
    home = tmp_path / "home"
    for name in ("harbour", "council"):
        reader(home, "add", "--keep", f"http://127.0.0.1:9/{name}.xml")  # kept (said failing)
    synced = reader(home, "sync")
    assert "Nothing answered" in synced.stderr
    summary = next(line for line in synced.stderr.splitlines() if line.startswith("synced "))
    assert summary.startswith("synced 0 of 2 feeds (0 new headlines)"), summary
    assert "failed" not in summary.split(")")[0]


def test_an_article_failing_alone_names_no_failing_feeds(
    tmp_path: Path, own_server: HTTPServer
) -> None:
    # The articles' count of failures was taken for the feeds': "`reader feeds --failing`
    # lists the failing feeds", which then said "no failing feeds" (acc50a A6).
    from tests.served_feed import serve_site, story_page

    def feed(base: str) -> str:
        items = "".join(
            f"<item><title>{n}</title><link>{base}/{n}.html</link></item>" for n in ("good", "bad")
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>{items}</channel></rss>'

    serve_site(own_server, feed, {"/good.html": story_page("Harbour opens")})
    own_server.expect_request("/bad.html").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    home = tmp_path / "lib"
    assert reader(home, "add", own_server.url_for("/feed.xml")).returncode == 0
    synced = reader(home, "sync", "--no-pictures")
    assert "1 article cached for offline, 0 already cached, 1 failed" in synced.stderr
    assert "feeds --failing" not in synced.stderr
    assert "`reader list --not-offline`" in synced.stderr
