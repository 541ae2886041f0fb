"""`reader mark-read` / `mark-unread`: a feed's headlines, every feed's, or those before a date,
marked at once from the command line, as the reader's `A` and `C` do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.demo.server import DemoServer


def reader(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def listed(data_dir: Path, *args: str) -> list[dict[str, object]]:
    result = reader(data_dir, "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_mark_read_one_feed_then_every_feed_then_unread(
    synced_dir: Path, demo_server: DemoServer
) -> None:
    feed = demo_server.feed_urls[1]
    everything = listed(synced_dir)
    of_feed = [h for h in everything if h["feed"] == feed]
    assert of_feed and not any(h["read"] for h in everything)

    result = reader(synced_dir, "mark-read", "--feed", feed)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Marked {len(of_feed)} headlines of the feed read.\n"
    after = listed(synced_dir)
    assert {h["id"] for h in after if h["read"]} == {h["id"] for h in of_feed}

    # The feed again: none to mark, and said that they all were already (acc46c F4).
    result = reader(synced_dir, "mark-read", "--feed", feed)
    assert result.stdout == (
        f"Marked 0 headlines of the feed read ({len(of_feed)} were already).\n"
    )

    # Every feed: only those still unread are counted.
    result = reader(synced_dir, "mark-read")
    assert result.stdout == (
        f"Marked {len(everything) - len(of_feed)} headlines of every feed read"
        f" ({len(of_feed)} were already).\n"
    )
    assert listed(synced_dir, "--unread") == []

    result = reader(synced_dir, "mark-unread", "--feed", feed)
    assert result.stdout == f"Marked {len(of_feed)} headlines of the feed unread.\n"
    assert {h["id"] for h in listed(synced_dir, "--unread")} == {h["id"] for h in of_feed}


def test_mark_read_before_a_date(synced_dir: Path) -> None:
    everything = listed(synced_dir)
    dates = sorted({str(h["published"]) for h in everything if h["published"]})
    assert len(dates) > 2
    cut = dates[len(dates) // 2]  # the middle date: those before it, not it nor after
    older = {h["id"] for h in everything if h["published"] and str(h["published"]) < cut}
    assert older and len(older) < len(everything)
    result = reader(synced_dir, "mark-read", "--before", cut)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Marked {len(older)} headline")
    assert {h["id"] for h in listed(synced_dir) if h["read"]} == older


def test_mark_read_refuses_what_it_cannot_read(synced_dir: Path) -> None:
    bad = reader(synced_dir, "mark-read", "--before", "last tuesday")
    assert bad.returncode == 2 and "not a date or an age" in bad.stderr
    gone = reader(synced_dir, "mark-read", "--feed", "http://127.0.0.1:1/nope.xml")
    assert gone.returncode == 1 and "not subscribed" in gone.stderr
    assert not any(h["read"] for h in listed(synced_dir))
    help_text = reader(synced_dir, "mark-read", "--help").stdout
    assert "--before DATE" in help_text and "--feed FEED" in help_text


def test_articles_marked_by_id_or_address_one_at_a_time(synced_dir: Path) -> None:
    """acc42a A17: someone reading by `reader show` alone had no way to mark what they read."""
    everything = listed(synced_dir)
    first, second, third = everything[:3]
    nowhere = "http://127.0.0.1:1/never-listed.html"
    result = reader(
        synced_dir, "mark-read", str(first["id"]), str(second["link"]), str(first["id"]), nowhere
    )
    assert result.returncode == 1
    assert result.stdout == "Marked 2 headlines read (1 was already).\n"
    assert result.stderr.strip().endswith(f"{nowhere}: it has no read mark")
    assert {h["id"] for h in listed(synced_dir) if h["read"]} == {first["id"], second["id"]}

    # `-`: the ids as `reader list --ids` prints them, on stdin.
    ids = f"{first['id']}\n\n{third['id']}\n"
    env = {**os.environ, "READER_HOME": str(synced_dir), "PYTHONIOENCODING": "utf-8"}
    piped = subprocess.run(
        [sys.executable, "-m", "reader", "mark-unread", "-"],
        input=ids,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == "Marked 1 headline unread (1 was already).\n"
    assert {h["id"] for h in listed(synced_dir) if h["read"]} == {second["id"]}

    unknown = reader(synced_dir, "mark-read", "0123456789ab")
    assert unknown.returncode == 1 and "no article with id" in unknown.stderr
    both = reader(synced_dir, "mark-read", str(third["id"]), "--feed", str(third["feed"]))
    assert both.returncode == 2 and "not both" in both.stderr
    assert {h["id"] for h in listed(synced_dir) if h["read"]} == {second["id"]}


def test_list_help_says_what_each_mark_means(synced_dir: Path) -> None:
    """acc42a A4: `reader list`'s marks were glyphs only, their meaning in the README alone."""
    from reader.marks import NOT_ARTICLE_MARK, OFFLINE_MARK, SAVED_MARK, UPDATED_MARK

    help_text = " ".join(reader(synced_dir, "list", "--help").stdout.split())
    for said in (
        "N unread",
        f"{OFFLINE_MARK} its article cached for reading offline",
        f"{UPDATED_MARK} cached and changed since it was read",
        f"{NOT_ARTICLE_MARK} no article page",
        f"{SAVED_MARK} saved",
    ):
        assert said in help_text
