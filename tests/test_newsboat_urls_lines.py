"""Lines of newsboat's urls file that were lost or passed over without a word (acc43a A2, A3,
A15): an address listed twice has both lines' tags, a `filter:` line names the feed inside it,
a hidden (`"!"`) feed is listed here and said to be. No fetch: the file read, the store real."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import reader


def test_repeats_filters_and_hidden_feeds_are_said(tmp_path: Path, data_dir: Path) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        'http://127.0.0.1:9/f005.xml "business"\n'
        'http://127.0.0.1:9/f006.xml "sport"\n'
        'http://127.0.0.1:9/f005.xml "dup-tag"\n'
        "http://127.0.0.1:9/f006.xml\n"
        'filter:/bin/cat:http://127.0.0.1:9/f007.xml "filtered"\n'
        'http://127.0.0.1:9/f010.xml "science" "!hidden"\n',
        encoding="utf-8",
    )
    result = reader(data_dir, "import", str(urls))
    assert result.returncode == 0, result
    assert "3 feeds added" in result.stdout
    assert "2 addresses listed twice or more: their lines' tags merged" in result.stdout
    assert "- <http://127.0.0.1:9/f007.xml>" in result.stderr
    assert "can be subscribed unfiltered with `reader add`" in result.stderr
    assert '1 feed newsboat hid ("!") shown here' in result.stderr
    assert "http://127.0.0.1:9/f010.xml" in result.stderr
    shown = reader(data_dir, "feeds").stdout
    block = shown[shown.index("f005.xml") :].split("\n\n")[0]
    assert "business" in block and "dup-tag" in block


def test_names_not_applied_to_feeds_subscribed_already_are_said(
    tmp_path: Path, data_dir: Path
) -> None:
    """acc43a A17: another reader's names for feeds subscribed already were dropped without
    a word. The name a feed has here stays (yours, or none); those not applied are named."""
    urls = tmp_path / "urls"
    urls.write_text(
        'http://127.0.0.1:9/f000.xml\nhttp://127.0.0.1:9/f003.xml "~My name for 3"\n',
        encoding="utf-8",
    )
    assert reader(data_dir, "import", str(urls)).returncode == 0
    opml = tmp_path / "feedly.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>Feedly</title>'
        '</head><body><outline text="Desk" title="Desk">'
        '<outline type="rss" text="Harbour renamed in Feedly" xmlUrl="http://127.0.0.1:9/f000.xml"/>'
        '<outline type="rss" text="My name for 3" xmlUrl="http://127.0.0.1:9/f003.xml"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    result = reader(data_dir, "import", str(opml))
    assert result.returncode == 0, result
    assert "1 name the file gives not applied" in result.stderr
    assert "Harbour renamed in Feedly <http://127.0.0.1:9/f000.xml>" in result.stderr
    assert "`reader rename FEED NAME` gives one" in result.stderr


def test_a_name_the_feed_has_as_its_own_title_is_not_said_not_applied(
    tmp_path: Path, data_dir: Path
) -> None:
    """acc51d D4: an OPML file imported again after a sync said its names "not applied", though
    each was the feed's own title (the name an import gave dropped at the sync as a copy of
    it, `copies_own_title`). Only a name other than the one a feed shows is said."""
    from dataclasses import replace

    from reader.store import Store

    opml = tmp_path / "desk.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>Desk</title>'
        '</head><body><outline text="Work" title="Work">'
        '<outline type="rss" text="Harbour Watch" xmlUrl="http://127.0.0.1:9/h.xml"/>'
        '<outline type="rss" text="Courts" xmlUrl="http://127.0.0.1:9/c.xml"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    assert reader(data_dir, "import", str(opml)).returncode == 0
    store = Store(data_dir)
    try:  # as a sync leaves them: titled by the feeds, the names copying them dropped
        for url, title in (("h.xml", "Harbour Watch"), ("c.xml", "Court Reports")):
            feed = store.feed(f"http://127.0.0.1:9/{url}")
            assert feed is not None
            store.put_feed(replace(feed, title=title))
            store.name_feed(feed.url, "")
    finally:
        store.close()
    result = reader(data_dir, "import", str(opml))
    assert result.returncode == 0, result
    assert "1 name the file gives not applied" in result.stderr, result.stderr
    assert "Courts <http://127.0.0.1:9/c.xml>" in result.stderr
    assert "Harbour" not in result.stderr


def test_freshrss_scraped_feeds_are_left_out_and_named(tmp_path: Path, data_dir: Path) -> None:
    """acc43a A20: FreshRSS's HTML+XPath outline (no xmlUrl) vanished without a word and its
    JSON+DotNotation one (xmlUrl a page) was subscribed, failing every sync. Both are left
    out now, named with their page."""
    opml = tmp_path / "freshrss.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<opml version="2.0" xmlns:frss="https://freshrss.org/opml"><head><title>FreshRSS</title>'
        '</head><body><outline text="Courts">'
        '<outline text="Real feed" type="rss" xmlUrl="http://127.0.0.1:9/f1.xml"/>'
        '<outline text="Scraped court list" type="HTML+XPath" htmlUrl="http://127.0.0.1:9/site/"'
        ' frss:xPathItem="//li"/>'
        '<outline text="Court JSON" type="JSON+DotNotation" xmlUrl="http://127.0.0.1:9/api"'
        ' htmlUrl="http://127.0.0.1:9/api"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    result = reader(data_dir, "import", str(opml))
    assert result.returncode == 0, result
    assert result.stdout.startswith("1 feed added")
    assert "left out 2 feeds of FreshRSS's web-scraping kinds" in result.stderr
    assert "- Scraped court list <http://127.0.0.1:9/site/>" in result.stderr
    assert "- Court JSON <http://127.0.0.1:9/api>" in result.stderr
