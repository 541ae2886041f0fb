"""A failing fetch's kind and status kept on the feed (`Feed.failure`, `failure_status`,
`failures`), not read back from its error's words; and "failing" (`reader feeds --failing`,
`reader remove --failing`) the site's answer that no feed is there, or a failure another try
may mend once it has lasted (`failing_feeds.LASTED`, `LASTED_FETCHES`): a 503 at one sync, a
refused connection once, is no dead feed to drop (acc49d). Real parts: feeds on a 127.0.0.1
server, the CLI's entry point, a real data directory; a record from before the kind was kept
read through the store's own codec."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.codec import feed_from_dict, feed_to_dict
from reader.failing_feeds import failing, failing_lately, failure_of, gone
from reader.library import Library
from reader.models import Feed, FeedFailure


def _rss(title: str) -> str:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<item><title>{title} one</title><link>http://127.0.0.1:9/{title}.html</link></item>"
        "</channel></rss>"
    )


def _imported(home: Path, urls: list[str]) -> None:
    """`urls` subscribed to from an OPML file: as an import of hundreds, none fetched first."""
    opml = home.parent / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>s</title></head><body>'
        + "".join(f'<outline type="rss" text="desk {n}" xmlUrl="{u}"/>' for n, u in enumerate(urls))
        + "</body></opml>"
    )
    assert reader(home, "import", str(opml)).returncode == 0


def _rows(home: Path) -> dict[str, dict[str, object]]:
    return {row["url"]: row for row in json.loads(reader(home, "feeds", "--json").stdout)}


def test_a_server_error_once_is_kept_as_such_and_not_failing_until_it_lasts(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/quay.xml").respond_with_data(
        _rss("Quay"), content_type="application/rss+xml"
    )
    httpserver.expect_request("/busy.xml").respond_with_data("busy", status=503)
    httpserver.expect_request("/missing.xml").respond_with_data("no", status=404)
    urls = {n: httpserver.url_for(f"/{n}.xml") for n in ("quay", "busy", "missing")}
    refused = "http://127.0.0.1:9/closed.xml"  # nothing listens on the discard port
    home = tmp_path / "lib"
    _imported(home, [*urls.values(), refused])
    reader(home, "sync", "--no-articles")

    rows = _rows(home)
    busy, missing, closed = rows[urls["busy"]], rows[urls["missing"]], rows[refused]
    assert (busy["failure"], busy["failure_status"], busy["failures"]) == ("http", 503, 1)
    assert (missing["failure"], missing["failure_status"]) == ("http", 404)
    assert (closed["failure"], closed["failure_status"]) == ("refused", None)
    assert rows[urls["quay"]]["failure"] is None and rows[urls["quay"]]["failures"] == 0
    assert [u for u, row in rows.items() if row["failing"]] == [urls["missing"]]

    # `feeds --failing` and `remove --failing` say the same: the 404 alone; the 503 and the
    # refused connection are said to have failed lately, and stay.
    listed = reader(home, "feeds", "--failing")
    assert urls["missing"] in listed.stdout
    assert urls["busy"] not in listed.stdout and "127.0.0.1:9" not in listed.stdout
    assert "2 feeds failed lately" in listed.stderr
    dry = reader(home, "remove", "--failing", "--dry-run")
    assert [line.split(" (")[0] for line in dry.stdout.splitlines()] == [
        f"would unsubscribe: {urls['missing']}"
    ]
    assert "2 feeds failed lately" in dry.stderr and "left subscribed" in dry.stderr
    plain = reader(home, "feeds").stdout
    assert "counted failing once it has failed for 3 days" in plain

    # Three syncs failing, and for more than three days: the 503 is failing now, as is the
    # refused connection; the count of fetches failed in a row grew with each sync.
    reader(home, "sync", "--no-articles")
    reader(home, "sync", "--no-articles")
    lib = Library(home)
    for url in (urls["busy"], refused):
        feed = lib.store.feed(url)
        assert feed is not None and feed.failures == 3
        lib.store.put_feed(
            dataclasses.replace(feed, failing_since=datetime.now(UTC) - timedelta(days=4))
        )
    lib.close()
    assert {u for u, row in _rows(home).items() if row["failing"]} == {
        urls["missing"],
        urls["busy"],
        refused,
    }
    removed = reader(home, "remove", "--failing")
    assert removed.stderr == "unsubscribed from 3 feeds\n"
    assert set(_rows(home)) == {urls["quay"]}


def test_working_again_clears_the_kept_failure(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/busy.xml").respond_with_data("busy", status=502)
    httpserver.expect_request("/busy.xml").respond_with_data(
        _rss("Busy"), content_type="application/rss+xml"
    )
    home = tmp_path / "lib"
    url = httpserver.url_for("/busy.xml")
    _imported(home, [url])
    reader(home, "sync", "--no-articles")
    row = _rows(home)[url]
    assert row["failure"] is None and row["failures"] == 0 and row["last_error"] is None


def _old_record(error: str, since: timedelta, **more: object) -> Feed:
    """A failing feed's record as a reader from before the kind was kept wrote it."""
    at = datetime.now(UTC) - since
    record = {
        "url": "https://harbour.example/feed.xml",
        "last_error": error,
        "last_error_at": at.isoformat(),
        "failing_since": at.isoformat(),
        **more,
    }
    return feed_from_dict(record)


def test_a_record_from_before_the_kind_was_kept_is_read_from_its_words() -> None:
    lately = _old_record("HTTP 503 Service Unavailable", timedelta(hours=2))
    assert failure_of(lately) == (FeedFailure.HTTP, 503)
    assert not failing(lately) and failing_lately(lately)
    # No count of fetches kept: its days alone tell.
    assert failing(_old_record("HTTP 503 Service Unavailable", timedelta(days=4)))
    not_found = _old_record("HTTP 404 Not Found", timedelta(hours=2))
    assert failing(not_found) and gone(not_found)
    gone_410 = _old_record(
        "gone for good (HTTP 410)", timedelta(hours=2), gone_at=datetime.now(UTC).isoformat()
    )
    assert failing(gone_410) and gone(gone_410)
    page = _old_record('the server answered with a web page ("Welcome"), not a feed', timedelta())
    assert failure_of(page) == (FeedFailure.NOT_A_FEED, 0) and failing(page) and not gone(page)
    dns = _old_record("cannot find the host a.invalid (DNS lookup failed)", timedelta(hours=1))
    assert failure_of(dns) == (FeedFailure.DNS, 0) and not failing(dns)


def test_the_kept_failure_goes_through_the_record_and_outweighs_the_words() -> None:
    at = datetime.now(UTC) - timedelta(days=5)
    feed = Feed(
        "https://harbour.example/feed.xml",
        last_error="HTTP 404 Not Found",  # words a newer reader wrote otherwise: its kind counts
        last_error_at=at,
        failing_since=at,
        failure=FeedFailure.TIMEOUT,
        failures=2,
    )
    read = feed_from_dict(feed_to_dict(feed))
    assert read == feed
    assert not gone(read) and not failing(read)  # 2 fetches: not lasted yet, however long
    assert failing(dataclasses.replace(read, failures=3))
