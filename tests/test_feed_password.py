"""A feed's password (https://me:s3cret@host/feed.xml) stays in its own record and in an OPML
export, which exist to move subscriptions, and out of every other output: JSON gives the
address as subscribed, with the user name alone, lines and failures without the name (acc50a
A2)."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.ui.widgets.main.feed_list import FeedList
from tests.cli_run import run_reader
from tests.served_feed import serve_stories
from tests.tui_pilot import running, screen_text, until


def test_the_json_outputs_write_a_feed_without_its_password(
    own_server: HTTPServer, data_dir: Path
) -> None:
    url = serve_stories(own_server, "Members", [("Harbour opens", 9)])
    url = url.replace("http://", "http://me:s3cret@")
    starred = url.replace("me:s3cret@", "me@")  # as subscribed: the password in its record alone
    assert run_reader(data_dir, "add", url).returncode == 0
    assert run_reader(data_dir, "sync", "--no-pictures").returncode == 0

    listed = run_reader(data_dir, "list", "--json")
    (headline,) = json.loads(listed.stdout)
    assert headline["feed"] == starred
    shown = run_reader(data_dir, "show", headline["id"], "--offline", "--format", "json")
    assert json.loads(shown.stdout)["feed"] == starred
    exported = run_reader(data_dir, "export", "--format", "json", "-q")
    assert exported.returncode == 0 and "s3cret" not in exported.stdout
    assert [item["feed"] for item in json.loads(exported.stdout)] == [starred]
    for args in (("list",), ("feeds",), ("export", "--format", "markdown", "-q")):
        assert "s3cret" not in run_reader(data_dir, *args).stdout, args
    # The address as JSON gives it names the feed, as a script pipes it back.
    again = run_reader(data_dir, "list", "--feed", starred, "--ids")
    assert again.stdout.split() == [headline["id"]]

    # The records that move subscriptions keep it: without it the feed can't be read.
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert feed["url"] == url
    assert f'xmlUrl="{url}"' in run_reader(data_dir, "export", "--format", "opml").stdout


def test_adds_lines_and_failures_name_a_feed_without_its_password(
    own_server: HTTPServer, data_dir: Path
) -> None:
    own_server.expect_request("/gone.xml").respond_with_data("gone", status=410)
    base = own_server.url_for("").rstrip("/").replace("http://", "http://me:s3cret@")
    gone = run_reader(data_dir, "add", f"{base}/gone.xml")
    assert gone.stderr.startswith(f"reader: {base.replace('me:s3cret@', '')}/gone.xml answered:")
    dead = run_reader(data_dir, "add", "http://me:s3cret@127.0.0.1:9/dead.xml", "--keep")
    assert dead.stderr.splitlines()[0] == (
        "reader: subscribed to http://127.0.0.1:9/dead.xml, but its first fetch failed:"
        " cannot connect to 127.0.0.1:9"
    )
    synced = run_reader(data_dir, "sync")
    for output in (synced, run_reader(data_dir, "feeds")):
        assert "s3cret" not in output.stdout + output.stderr


def test_an_imports_and_a_syncs_lines_name_a_feed_without_its_password(
    own_server: HTTPServer, data_dir: Path, tmp_path: Path
) -> None:
    own_server.expect_request("/private.xml").respond_with_data("no", status=401)
    own_server.expect_request("/other.xml").respond_with_data("no", status=401)
    wrong = own_server.url_for("/private.xml").replace("http://", "http://ops:wrongpw@")
    other = own_server.url_for("/other.xml").replace("http://", "http://me:pw2@")
    for url in (wrong, other):
        assert run_reader(data_dir, "add", url).returncode == 1  # 401: kept, failing
    # A feed that never answered has no name: an export names it by its address, not its password.
    exported = run_reader(data_dir, "export", "--format", "opml").stdout
    assert exported.count("wrongpw") == exported.count("pw2") == 1, exported
    # An older export's name for it was its address, password and all (another one here).
    named = wrong.replace("wrongpw", "s3cret")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>'
        f'<outline type="rss" text="{named}" xmlUrl="{wrong}"/>'
        f'<outline type="rss" text="Ops wire" xmlUrl="{wrong}"/>'
        f'<outline type="rss" text="Other wire" xmlUrl="{other}"/>'
        '<outline type="rss" text="Gopher" xmlUrl="gopher://ops:s3cret@127.0.0.1/1"/>'
        "</body></opml>"
    )
    imported = run_reader(data_dir, "import", str(opml))
    said = imported.stdout + imported.stderr
    assert "not applied" in said and "not taken" in said and "left out" in said, said
    assert "Ops wire <http://127.0.0.1:" in said and "Other wire <http://127.0.0.1:" in said
    assert "gopher://127.0.0.1/1" in said
    said_after = [imported, run_reader(data_dir, "sync"), run_reader(data_dir, "feeds")]
    # A feed named by its address as given, password and all, is named back without it.
    said_after += [run_reader(data_dir, "remove", wrong), run_reader(data_dir, "remove", wrong)]
    assert said_after[-1].stderr.startswith("reader: not subscribed: http://127.0.0.1:")
    for output in said_after:
        for password in ("s3cret", "wrongpw", "pw2"):
            assert password not in output.stdout + output.stderr, (password, output)


def test_add_with_another_password_changes_it_keeping_the_feeds_headlines_and_marks(
    own_server: HTTPServer, data_dir: Path
) -> None:
    base = own_server.url_for("").rstrip("/")
    password = ["0ld-pw"]  # the site's, as it is now

    def answer(request: Request) -> Response:
        wanted = "Basic " + base64.b64encode(f"me:{password[0]}".encode()).decode()
        if request.headers.get("Authorization") != wanted:
            return Response("who are you?", status=401)
        items = "".join(
            f"<item><title>Notice {n}</title><link>{base}/n{n}.html</link><guid>n{n}</guid></item>"
            for n in (1, 2)
        )
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Members</title>{items}'
        return Response(rss + "</channel></rss>", content_type="application/rss+xml")

    own_server.expect_request("/feed.xml").respond_with_handler(answer)
    old = own_server.url_for("/feed.xml").replace("http://", "http://me:0ld-pw@")
    assert run_reader(data_dir, "add", old).returncode == 0
    ids = run_reader(data_dir, "list", "--ids").stdout.split()
    assert len(ids) == 2 and run_reader(data_dir, "mark-read", ids[0]).returncode == 0

    password[0] = "n3w-pw"  # the site changed it: the old one is refused
    assert run_reader(data_dir, "sync", "-q", "--no-articles").returncode == 1
    new = old.replace("0ld-pw", "n3w-pw")
    changed = run_reader(data_dir, "add", new)
    assert changed.returncode == 0, changed.stderr
    shown = own_server.url_for("/feed.xml")
    assert changed.stdout == f"password changed for {shown}\n" and not changed.stderr
    synced = run_reader(data_dir, "sync", "-q", "--no-articles")
    assert synced.returncode == 0, synced.stderr
    # The same feed, its headlines and read mark kept, fetched and exported with the new one.
    assert run_reader(data_dir, "list", "--ids", "--unread").stdout.split() == [ids[1]]
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert feed["url"] == new and feed["entries"] == 2
    assert f'xmlUrl="{new}"' in run_reader(data_dir, "export", "--format", "opml").stdout
    # An import's other password (an old backup's) is not applied, said with how to.
    opml = data_dir.parent / "backup.opml"
    opml.write_text(run_reader(data_dir, "export", "--format", "opml").stdout.replace(new, old))
    imported = run_reader(data_dir, "import", str(opml))
    assert imported.stderr == (
        f"reader: 1 feed subscribed already kept the password it has, not the file's: {shown}"
        " (`reader add URL` with the new one changes it)\n"
    )
    assert json.loads(run_reader(data_dir, "feeds", "--json").stdout)[0]["url"] == new
    # The same password again is nothing new; a wrong one is kept and said to fail.
    again = run_reader(data_dir, "add", new)
    assert again.stdout.startswith("already subscribed:")
    wrong = run_reader(data_dir, "add", new.replace("n3w-pw", "typo"))
    assert wrong.returncode == 1 and "typo" not in wrong.stdout + wrong.stderr
    assert wrong.stderr.startswith(f"reader: password changed for {shown}, but the feed's fetch")


def test_one_feed_under_two_accounts_is_told_apart_by_its_user_name(
    own_server: HTTPServer, data_dir: Path
) -> None:
    """acc51d D3: one feed subscribed under two accounts was listed twice at one address,
    `remove NAME` gave that address twice, and `remove` of it took the first unasked. Each is
    shown with its user name (never its password), and an address that is both is refused."""
    url = serve_stories(own_server, "Courts", [("Appeal heard", 9)])
    plain = url.replace("http://", "")
    assert (
        run_reader(data_dir, "add", f"http://reporter%40paper.example:s3cret@{plain}").returncode
        == 0
    )
    assert run_reader(data_dir, "add", f"http://ed:pw2@{plain}").returncode == 0
    reporter, ed = f"http://reporter%40paper.example@{plain}", f"http://ed@{plain}"
    listed = run_reader(data_dir, "feeds").stdout
    assert f"    {reporter}\n" in listed and f"    {ed}\n" in listed, listed
    named = run_reader(data_dir, "remove", "Courts")
    assert named.returncode == 1 and f"{reporter}, {ed}" in named.stderr, named.stderr
    both = run_reader(data_dir, "remove", url)
    assert both.returncode == 1 and f"{reporter}, {ed}" in both.stderr, both.stderr
    assert "s3cret" not in named.stderr + both.stderr + listed
    gone = run_reader(data_dir, "remove", ed)
    assert (gone.returncode, gone.stdout) == (0, f"unsubscribed: {ed}\n")
    (kept,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert kept["url"] == f"http://reporter%40paper.example:s3cret@{plain}"


def test_add_with_a_user_name_reads_the_feed_subscribed_without_one_as_that_account(
    own_server: HTTPServer, data_dir: Path
) -> None:
    """`reader add https://me@host/feed.xml` of a feed subscribed as `https://host/feed.xml`:
    the same feed read as me from now on, its headlines and marks kept, not a second
    subscription listing each headline twice; another user name after it is another account."""
    url = serve_stories(own_server, "Members", [("Harbour opens", 9), ("Ferry late", 10)])
    assert run_reader(data_dir, "add", url).returncode == 0
    ids = run_reader(data_dir, "list", "--ids").stdout.split()
    assert run_reader(data_dir, "mark-read", ids[0]).returncode == 0

    as_me = url.replace("http://", "http://me@")
    given = run_reader(data_dir, "add", as_me)
    assert (given.returncode, given.stdout, given.stderr) == (
        0,
        f"{url} is read as me from now on\n",
        "",
    )
    asked, _answer = own_server.log[-1]
    assert asked.headers.get("Authorization") == "Basic " + base64.b64encode(b"me:").decode()
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert (feed["url"], feed["entries"]) == (as_me, 2)
    assert run_reader(data_dir, "list", "--ids", "--unread").stdout.split() == [ids[1]]
    assert run_reader(data_dir, "list", "--ids", "--feed", as_me).stdout.split() == ids
    # Its password given after it is that account's; said as any password changed.
    with_pw = url.replace("http://", "http://me:s3cret@")
    changed = run_reader(data_dir, "add", with_pw)
    assert changed.stdout == f"password changed for {url}\n", changed.stderr
    assert run_reader(data_dir, "add", as_me).stdout.startswith("already subscribed:")
    (feed,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert feed["url"] == with_pw
    assert f'xmlUrl="{with_pw}"' in run_reader(data_dir, "export", "--format", "opml").stdout

    # Another account of it is another subscription.
    other = run_reader(data_dir, "add", url.replace("http://", "http://ed@"))
    assert other.stdout.startswith("subscribed: Members"), other.stdout + other.stderr
    assert len(json.loads(run_reader(data_dir, "feeds", "--json").stdout)) == 2


def test_the_feed_list_and_the_headlines_title_name_each_account(
    own_server: HTTPServer, data_dir: Path
) -> None:
    """The same feed under two accounts: the feed list's rows and the headlines' title name
    each by its user name after the feed's ("Courts (ed)"), never its password; they were two
    rows "Courts" alike (tui52 3)."""
    url = serve_stories(own_server, "Courts", [("Appeal heard", 9)])
    plain = url.replace("http://", "")
    for account in ("reporter%40paper.example:s3cret", "ed:pw2"):
        assert run_reader(data_dir, "add", f"http://{account}@{plain}").returncode == 0

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            feed_list = app.main_screen.query_one(FeedList)
            await until(pilot, lambda: len(feed_list.feeds) == 2, "the feeds")
            names = feed_list.names
            assert {"Courts (reporter@paper.example)", "Courts (ed)"} <= set(names), names
            await pilot.press("h", "g", *["j"] * names.index("Courts (ed)"))
            await until(pilot, lambda: "Courts (ed) · 1 unread" in screen_text(app), "its title")
            assert "s3cret" not in screen_text(app) and "pw2" not in screen_text(app)

    asyncio.run(run())
