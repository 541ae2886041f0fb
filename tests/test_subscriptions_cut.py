"""A list of subscriptions damaged part way (a torn write, a bad sector) kept only the whole
addresses before the cut: the feeds after it went from every list, though each one's own
record, its headlines and marks were still kept, and `reader repair` then said "sound" (acc50b
B12). They come back from their own records, on the read that finds the damage and in `reader
repair`; a feed removed, its record deleted with it, does not. The real store on a temp dir
synced from the demo site, damaged in place; the reader run as a process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_data_dir_trust import reader

from reader.store import Store


def feed_urls(home: Path) -> list[str]:
    listed = reader(home, "feeds", "--json")
    assert listed.returncode == 0, listed.stderr
    return [feed["url"] for feed in json.loads(listed.stdout)]


def subscribed_two_of_three(home: Path) -> list[str]:
    """The first two of the demo's three feeds, the third removed as `reader remove` does."""
    urls = feed_urls(home)
    assert len(urls) == 3
    assert reader(home, "remove", urls[2]).returncode == 0
    assert feed_urls(home) == urls[:2]
    return urls


def set_list(home: Path, text: str) -> None:
    with sqlite3.connect(home / "state" / "cache.db") as con:
        con.execute("UPDATE Cache SET value = ? WHERE key = 'subscriptions'", (text,))
    con.close()


def test_the_feeds_after_a_cut_come_back_from_their_own_records(synced_dir: Path) -> None:
    urls = subscribed_two_of_three(synced_dir)
    set_list(synced_dir, json.dumps(urls[:2])[: len(urls[0]) + 8])  # cut in the second address
    shown = reader(synced_dir, "feeds", "--json")
    assert shown.returncode == 0, shown.stderr
    assert [feed["url"] for feed in json.loads(shown.stdout)] == urls[:2]  # not the one removed
    assert (
        "dropping damaged cache record subscriptions (cut short: the 1 whole item before the cut"
        " kept; 1 feed brought back from its own record); a copy is in "
    ) in shown.stderr
    again = reader(synced_dir, "feeds", "--json")
    assert again.stderr == "" and [feed["url"] for feed in json.loads(again.stdout)] == urls[:2]
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert "the list of subscriptions" not in done.stdout  # mended as it was read


def test_a_list_lost_whole_on_a_read_is_made_again_there(synced_dir: Path) -> None:
    urls = subscribed_two_of_three(synced_dir)
    set_list(synced_dir, '["htt')  # not one address whole
    shown = reader(synced_dir, "feeds", "--json")
    assert shown.returncode == 0, shown.stderr
    assert [feed["url"] for feed in json.loads(shown.stdout)] == urls[:2]
    assert "(2 feeds brought back from their own records); a copy is in " in shown.stderr


def test_repair_brings_back_the_feeds_a_list_cut_by_an_older_reader_lacks(
    synced_dir: Path,
) -> None:
    """An older reader wrote back the whole addresses before the cut: the list reads, short."""
    urls = subscribed_two_of_three(synced_dir)
    set_list(synced_dir, json.dumps(urls[:1]))
    assert feed_urls(synced_dir) == urls[:1]
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert (
        "the list of subscriptions was cut short: 1 feed brought back from its own record"
        f" ({urls[1]})\n"
    ) in done.stdout
    assert feed_urls(synced_dir) == urls[:2]
    assert "the list of subscriptions" not in reader(synced_dir, "repair").stdout


def test_repair_s_dry_run_says_the_feeds_a_cut_list_lacks_and_changes_nothing(
    synced_dir: Path,
) -> None:
    """The dry run said every file "sound" of a list the repair then mended (acc50b)."""
    urls = subscribed_two_of_three(synced_dir)
    set_list(synced_dir, json.dumps(urls[:1]))
    dry = reader(synced_dir, "repair", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "the list of subscriptions is cut short: 1 feed would be brought back from its own"
        f" record ({urls[1]})\n"
    ) in dry.stdout
    assert dry.stdout.endswith("nothing was changed (--dry-run)\n")
    assert feed_urls(synced_dir) == urls[:1]
    set_list(synced_dir, "[]")  # lost whole, its file sound
    dry = reader(synced_dir, "repair", "--dry-run")
    assert (
        "the list of subscriptions is lost: would be made again from each feed's own record"
        " (2 feeds)\n"
    ) in dry.stdout
    assert feed_urls(synced_dir) == []
    done = reader(synced_dir, "repair")
    assert "the list of subscriptions was lost: made again" in done.stdout
    assert feed_urls(synced_dir) == urls[:2]


def test_repair_of_a_list_whose_file_is_cut_short_brings_back_the_feeds_after_the_cut(
    synced_dir: Path,
) -> None:
    """Past ~32 KB the list is kept in a file of its own, which a copy half done cuts short."""
    subscribed_two_of_three(synced_dir)
    store = Store(synced_dir)
    try:
        many = [(f"http://127.0.0.1:9/{n:04}/{'x' * 60}.xml", "", "", (), ()) for n in range(600)]
        store.add_feeds(many)
    finally:
        store.close()
    urls = feed_urls(synced_dir)
    assert len(urls) == 602
    with sqlite3.connect(synced_dir / "state" / "cache.db") as con:
        ((name,),) = con.execute("SELECT filename FROM Cache WHERE key = 'subscriptions'")
    con.close()
    assert name, "a list this long is kept in a file of its own"
    path = synced_dir / "state" / name
    text = path.read_bytes()
    path.write_bytes(text[: len(text) // 2])
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if "(subscriptions)" in x)
    whole = int(line.split("dropped (", 1)[1].split(" whole items", 1)[0])
    assert 0 < whole < 602
    assert line.endswith(
        f"dropped ({whole} whole items of subscriptions kept and {602 - whole} feeds brought back"
        " from their own records)"
    )
    assert feed_urls(synced_dir) == urls


def test_a_dry_run_says_a_damaged_list_is_skipped_not_dropped(synced_dir: Path) -> None:
    """`repair --dry-run` logged "dropping damaged cache record" of what it left (search51)."""
    urls = subscribed_two_of_three(synced_dir)
    set_list(synced_dir, json.dumps(urls[:2])[: len(urls[0]) + 8])
    dry = reader(synced_dir, "repair", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dropping" not in dry.stderr
    assert "damaged cache record subscriptions (cut short: the 1 whole item before the cut" in (
        dry.stderr
    )
    assert "skipped, not dropped (a dry run (reader repair --dry-run)" in dry.stderr
    assert dry.stderr.count("damaged cache record") == 1
    shown = reader(synced_dir, "feeds", "--json")  # still there to be mended, and it is
    assert "dropping damaged cache record subscriptions" in shown.stderr
