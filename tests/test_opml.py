"""OPML in and out, and the XML attacks an OPML file can carry."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import reader

from reader.library import Library
from reader.models import Feed, FetchError
from reader.opml import parse_opml, read_opml, to_opml

GOOD = b"""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline type="rss" text="Quay Daily" xmlUrl="http://127.0.0.1:9/quay.xml"/>
<outline type="rss" title="Tide \xe2\x80\xaeWatch" xmlUrl="https://127.0.0.1:9/tide.xml"/></outline>
<outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
<outline type="rss" text="Dupe" xmlUrl="http://127.0.0.1:9/quay.xml"/>
</body></opml>"""

ATTACKS = {
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b'<opml><body><outline text="&b;" xmlUrl="http://127.0.0.1/x"/></body></opml>',
    "xxe": b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    b'<opml><body><outline text="&x;" xmlUrl="http://127.0.0.1/x"/></body></opml>',
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "http://127.0.0.1:9/evil.dtd">'
    b'<opml><body><outline text="t" xmlUrl="http://127.0.0.1/x"/></body></opml>',
}


def test_parse_keeps_web_feeds_once_with_safe_titles() -> None:
    assert parse_opml(GOOD) == [
        ("http://127.0.0.1:9/quay.xml", "Quay Daily"),
        ("https://127.0.0.1:9/tide.xml", "Tide Watch"),
    ]


@pytest.mark.parametrize("name", ATTACKS)
def test_xml_attacks_are_refused(name: str) -> None:
    with pytest.raises(FetchError) as info:
        parse_opml(ATTACKS[name])
    assert info.value.message.startswith("refused")


def test_not_opml() -> None:
    with pytest.raises(FetchError):
        parse_opml(b"<html><body>hi</body></html>")
    with pytest.raises(FetchError):
        parse_opml(b"\x00\x01 not xml")


def test_a_web_page_given_for_opml_is_called_a_web_page() -> None:
    """A saved web page given to `reader import` was refused as "a DTD (not allowed: DTDs are
    how XML attacks start)": its `<!DOCTYPE html>`. An attack it was not."""
    for page in (
        b"<!DOCTYPE html>\n<html lang='en'><head><title>Feeds</title></head></html>",
        b"<!-- saved from url=(0020)https://example.org/ -->\n<!doctype HTML><html></html>",
    ):
        with pytest.raises(FetchError) as info:
            parse_opml(page)
        assert info.value.message == "not an OPML file: it is a web page (HTML)"
    # A real DTD in an OPML file is still refused as one.
    with pytest.raises(FetchError) as info:
        parse_opml(b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "b">]><opml></opml>')
    assert info.value.message.startswith("refused")


def test_a_title_with_control_characters_does_not_refuse_the_file(tmp_path: Path) -> None:
    """A feed's title with an escape sequence, exported as it came (a reference or the raw
    character, neither of which XML allows): the feeds are imported, the title without the
    whole sequence (a reference's left "]0;PWN" before); the outlines left out for their
    address are counted on stderr, one holding control characters apart (it was subscribed
    with them dropped, a different address from the one `reader add` refuses)."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="Evil &#x1b;]0;PWN&#x7; feed" xmlUrl="http://127.0.0.1:9/evil.xml"/>'
        b'<outline text="Raw \x1b[31mred\x1b[0m" xmlUrl="http://127.0.0.1:9/red.xml"/>'
        b'<outline text="Tab&#9;kept &#38; fine" xmlUrl="http://127.0.0.1:9/tab.xml"/>'
        b'<outline text="Script" xmlUrl="javascript:alert(1)"/>'
        b'<outline text="Odd" xmlUrl="http://127.0.0.1:9/a&#x1b;]0;x&#x7;.xml"/>'
        b"</body></opml>"
    )
    assert parse_opml(opml) == [
        ("http://127.0.0.1:9/evil.xml", "Evil feed"),
        ("http://127.0.0.1:9/red.xml", "Raw red"),
        ("http://127.0.0.1:9/tab.xml", "Tab kept & fine"),
    ]
    (tmp_path / "subs.opml").write_bytes(opml + b"\n")
    imported = reader(tmp_path / "home", "import", str(tmp_path / "subs.opml"))
    assert imported.returncode == 0 and "3 feeds added" in imported.stdout
    assert imported.stderr == (
        "reader: left out 1 feed whose address is not http(s):\n"
        "reader: - Script <javascript:alert(1)>\n"
        "reader: left out 1 feed whose address holds control characters:\n"
        "reader: - Odd <http://127.0.0.1:9/a\\x1b]0;x\\x07.xml>\n"
    )


def test_a_name_an_escape_leaves_a_letter_of_gives_way_to_the_title() -> None:
    """ "N ESC]52;…BEL" was the name "N" of four feeds alike (OSC 52, OSC 0, DCS, CSI), shown
    as four rows "N": what an escape leaves a letter of is no name, the title is (acc50a A10);
    a name of one letter written so stays."""
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="N &#x1b;]52;c;cm0K&#x7;" title="Harbour Post" xmlUrl="http://127.0.0.1:9/a.xml"/>'
        b'<outline text="N &#x1b;]0;T&#x7;" title="Ferry News" xmlUrl="http://127.0.0.1:9/b.xml"/>'
        b'<outline text="X" title="Xylophone Weekly" xmlUrl="http://127.0.0.1:9/x.xml"/>'
        b"</body></opml>"
    )
    assert parse_opml(opml) == [
        ("http://127.0.0.1:9/a.xml", "Harbour Post"),
        ("http://127.0.0.1:9/b.xml", "Ferry News"),
        ("http://127.0.0.1:9/x.xml", "X"),
    ]


def test_import_and_export_round_trip(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (tmp_path / "subs.opml").write_bytes(GOOD)
    imported = reader(home, "import", str(tmp_path / "subs.opml"))
    assert imported.returncode == 0 and "2 feeds added" in imported.stdout
    again = reader(home, "import", str(tmp_path / "subs.opml"))
    assert "0 feeds added, 2 already subscribed" in again.stdout
    exported = reader(home, "export").stdout
    # The file's names are kept until the feeds, fetched, say their own.
    assert parse_opml(exported.encode()) == [
        ("http://127.0.0.1:9/quay.xml", "Quay Daily"),
        ("https://127.0.0.1:9/tide.xml", "Tide Watch"),
    ]
    assert "Quay Daily" in reader(home, "feeds").stdout
    (tmp_path / "evil.opml").write_bytes(ATTACKS["xxe"])
    refused = reader(home, "import", str(tmp_path / "evil.opml"))
    assert refused.returncode == 1 and "refused" in refused.stderr


def _opml(encoding: str | None, titles: tuple[str, str]) -> str:
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else ""
    return (
        f'{declaration}<opml version="1.0"><head><title>subscriptions</title></head><body>'
        f'<outline text="{titles[0]}" xmlUrl="http://127.0.0.1:9/a.xml"/>'
        f'<outline text="{titles[1]}" xmlUrl="http://127.0.0.1:9/b.xml"/></body></opml>'
    )


@pytest.mark.parametrize(
    ("encoding", "codec", "titles"),
    [
        # expat reads none of the multi-byte legacy charsets itself.
        ("Shift_JIS", "cp932", ("日本のニュース", "朝刊")),
        ("EUC-JP", "euc-jp", ("日本のニュース", "朝刊")),
        ("GB2312", "gb18030", ("中文新闻", "早报")),
        ("Big5", "big5", ("臺灣新聞", "早報")),
        ("EUC-KR", "euc-kr", ("한국 뉴스", "조간")),
        ("windows-1251", "cp1251", ("Новости Саратова", "Лента")),
        ("UTF-16", "utf-16", ("أخبار العالم", "日本のニュース")),
    ],
)
def test_an_opml_file_is_read_in_the_encoding_it_declares(
    encoding: str, codec: str, titles: tuple[str, str]
) -> None:
    found = parse_opml(_opml(encoding, titles).encode(codec))
    assert [title for _, title in found] == list(titles)


def test_an_undeclared_opml_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    (tmp_path / "subs.opml").write_bytes(_opml(None, ("Новости", "Лента")).encode("cp1251"))
    refused = reader(tmp_path / "home", "import", str(tmp_path / "subs.opml"))
    assert refused.returncode == 1
    assert "not UTF-8, and it declares no other encoding" in refused.stderr
    assert "Traceback" not in refused.stderr


NEWSBOAT_URLS = """# my feeds, as newsboat keeps them
http://127.0.0.1:9/quay.xml news local "~Quay (mine)"
https://127.0.0.1:9/tide.xml
http://127.0.0.1:9/quay.xml duplicate
"query:Unread Articles:unread = \\"yes\\""
"exec:~/bin/weather-feed"
"filter:~/bin/clean:http://127.0.0.1:9/raw.xml"
http://127.0.0.1:9/hidden.xml "!hidden" "~Hidden one"
file:///etc/passwd
http://127.0.0.1:99999/port.xml
"http://127.0.0.1:9/unclosed.xml ~Oops
"""


def test_a_newsboat_urls_file_is_imported_as_it_is(tmp_path: Path) -> None:
    """newsboat's `urls` file, the list a switcher has: each address once (a second line's
    tags merged), its `~` name kept,
    what the reader has no place for (query and command feeds, a bad address, an unclosed
    quote) left out and counted, and its tags kept (a `"!"` tag, newsboat's hiding, not)."""
    (tmp_path / "urls").write_text(NEWSBOAT_URLS)
    home = tmp_path / "home"
    imported = reader(home, "import", str(tmp_path / "urls"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("3 feeds added, 0 already subscribed")
    assert imported.stderr.splitlines() == [
        "reader: left out 1 feed of newsboat's query: kind (a search over other feeds, with no"
        " address): the reader's is a search feed (`reader search-feed add NAME WORDS…`, or `+`"
        " on `F`'s hits), which finds words in the articles' text, not newsboat's expressions"
        " over an item's fields, so none is made from it",
        "reader: left out 1 feed of newsboat's exec: kind (a command's output: the reader runs no commands)",
        "reader: left out 1 feed of newsboat's filter: kind (a command's output: the reader runs"
        " no commands); the feed it filters can be subscribed unfiltered with `reader add`, and"
        " its read marks then come with --read-from:",
        "reader: - <http://127.0.0.1:9/raw.xml>",
        "reader: left out 1 feed whose address is not http(s)",
        "reader: left out 1 feed whose address is invalid: port 99999 is out of range (0 to 65535)",
        "reader: left out 1 feed whose line could not be read (an unclosed quote)",
        'reader: 1 feed newsboat hid ("!") shown here, the reader hiding none:'
        " http://127.0.0.1:9/hidden.xml (`reader remove` one you don't want listed)",
    ]
    # Listed twice: both lines' tags, as a feed subscribed already gets the file's (acc43a A2).
    assert imported.stdout.splitlines()[1] == "1 feed filed under 3 tags: duplicate, local, news"
    assert "1 address listed twice or more: their lines' tags merged" in imported.stdout
    feeds = reader(home, "feeds").stdout
    assert "Quay (mine)" in feeds and "Hidden one" in feeds
    assert "https://127.0.0.1:9/tide.xml" in feeds
    exported = parse_opml(reader(home, "export").stdout.encode())
    assert [url for url, _ in exported] == [
        "http://127.0.0.1:9/quay.xml",
        "https://127.0.0.1:9/tide.xml",
        "http://127.0.0.1:9/hidden.xml",
    ]


def test_a_file_that_is_neither_opml_nor_addresses_is_refused_in_one_line(tmp_path: Path) -> None:
    for name, data in (
        ("notes.txt", b"eggs and milk\nbread\n"),
        ("binary", b"\xff\xfe\x00\x81\x92 junk"),
        ("empty", b"# nothing but a comment\n\n"),
    ):
        (tmp_path / name).write_bytes(data)
        refused = reader(tmp_path / "home", "import", str(tmp_path / name))
        assert refused.returncode == 1, name
        assert len(refused.stderr.splitlines()) == 1, refused.stderr
        assert "not an OPML file nor a list of feed addresses" in refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_file_import_cannot_read_is_refused_in_one_line(tmp_path: Path) -> None:
    """Read as `reader extract` reads its file (`read_input`): one line, nothing subscribed."""
    for given in (tmp_path / "nope.opml", tmp_path):
        refused = reader(tmp_path / "home", "import", str(given))
        assert refused.returncode == 1
        assert refused.stderr.startswith(f"reader: cannot read {given}: "), refused.stderr
        assert len(refused.stderr.splitlines()) == 1


def test_an_opml_files_folders_are_kept_as_tags_and_export_is_one_outline_a_line(
    tmp_path: Path,
) -> None:
    """Folders, nested or not, are the tags of the feeds in them (a folder in a folder: both);
    the export writes one outline a line, a feed in its folder path again."""
    nested = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline text="News"><outline text="Quay" xmlUrl="http://127.0.0.1:9/quay.xml"/>'
        b'<outline text="Deeper"><outline text="Tide" xmlUrl="http://127.0.0.1:9/tide.xml"/>'
        b"</outline></outline></body></opml>"
    )
    (tmp_path / "nested.opml").write_bytes(nested)
    home = tmp_path / "home"
    imported = reader(home, "import", str(tmp_path / "nested.opml"))
    assert imported.returncode == 0 and "2 feeds added" in imported.stdout
    assert "2 feeds filed under 2 tags: Deeper, News" in imported.stdout
    assert imported.stderr == ""
    exported = reader(home, "export").stdout.splitlines()
    outlines = [line for line in exported if "<outline" in line]
    assert len(outlines) == 4 and outlines[0].startswith('    <outline text="News"')
    assert all(line.startswith("      <outline ") for line in outlines[1:3])
    assert outlines[3].startswith('        <outline type="rss" text="Tide"')
    assert parse_opml("\n".join(exported).encode()) == [
        ("http://127.0.0.1:9/quay.xml", "Quay"),
        ("http://127.0.0.1:9/tide.xml", "Tide"),
    ]


def _nested(depth: int, distinct: bool = False) -> bytes:
    """An OPML file of one feed in `depth` folders (each named "f", or "f0", "f1"…)."""
    opened = "".join(f'<outline text="f{i if distinct else ""}">' for i in range(depth))
    feed = '<outline text="Quay" xmlUrl="http://127.0.0.1:9/quay.xml"/>'
    body = opened + feed + "</outline>" * depth
    return f'<?xml version="1.0"?><opml version="2.0"><body>{body}</body></opml>'.encode()


def test_a_feed_in_more_than_50_folders_is_left_out_in_one_line(tmp_path: Path) -> None:
    """acc29c S2: a file nested 100,000 folders deep took 20 s to import (each level copied the
    path above it), ~1 min at the 5 MB cap. Fifty folders are read; a feed in more is left out."""
    kept = read_opml(_nested(50, distinct=True))
    assert [found.tags for found in kept.found] == [tuple(f"f{i}" for i in range(50))]
    assert not kept.skipped
    for depth in (51, 100_000):
        deep = read_opml(_nested(depth))
        assert (deep.found, deep.skipped) == ([], {"nested in more than 50 folders": 1})
    (tmp_path / "deep.opml").write_bytes(_nested(100_000))
    imported = reader(tmp_path / "home", "import", str(tmp_path / "deep.opml"))
    assert imported.returncode == 1  # nothing else in it: a file naming no feed
    assert imported.stderr == (
        "reader: left out 1 feed nested in more than 50 folders\n"
        f"reader: {tmp_path / 'deep.opml'} names no feed to subscribe to\n"
    )


def _memory_capped() -> None:
    # The old reader read all of an endless input: capped, it fails at once, not the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


@pytest.mark.parametrize("given", ["/dev/zero", "an endless pipe"])
def test_an_endless_input_is_refused_at_the_cap_without_reading_it_all(
    tmp_path: Path, given: str
) -> None:
    """acc29c S8: `reader import` read the whole file or stdin before its 5 MB cap: a 4 GB file
    took 4.2 GB, /dev/zero or `yes URL | reader import -` a MemoryError traceback."""
    env = {**os.environ, "READER_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "reader", "import"]
    if given == "/dev/zero":
        done = subprocess.run(
            [*command, "/dev/zero"],
            capture_output=True,
            text=True,
            env=env,
            preexec_fn=_memory_capped,
            timeout=120,
        )
    else:
        with subprocess.Popen(
            ["yes", "http://127.0.0.1:9/quay.xml"], stdout=subprocess.PIPE
        ) as endless:
            done = subprocess.run(
                [*command, "-"],
                stdin=endless.stdout,
                capture_output=True,
                text=True,
                env=env,
                preexec_fn=_memory_capped,
                timeout=120,
            )
            endless.kill()
    assert done.returncode == 1
    assert done.stderr == "reader: the list of feeds is larger than 5 MB\n"


def test_an_import_writes_the_subscription_list_once(tmp_path: Path) -> None:
    """acc41b B3: each outline of an OPML file rewrote the whole subscription list (and read
    it again to file the feed under its folder's tag), so 8,000 feeds took 98 s. One import
    is one write of the list, whatever its length; feeds subscribed already, and a feed named
    twice in the file, are added once, and filed under the file's tags all the same."""
    data_dir = tmp_path / "data"
    first = tmp_path / "first.opml"
    first.write_text(_feeds_opml(["http://127.0.0.1:9/feed/1.xml"]), encoding="utf-8")
    assert reader(data_dir, "import", str(first)).returncode == 0
    db = sqlite3.connect(data_dir / "state" / "cache.db")
    with db:
        db.execute("CREATE TABLE written (key TEXT)")
        for event in ("INSERT", "UPDATE"):
            db.execute(
                f"CREATE TRIGGER written_{event} AFTER {event} ON Cache"
                " WHEN NEW.key = 'subscriptions' BEGIN INSERT INTO written VALUES (NEW.key); END"
            )
    urls = [f"http://127.0.0.1:9/feed/{n}.xml" for n in range(300)]
    many = tmp_path / "many.opml"
    many.write_text(_feeds_opml([*urls, urls[5]], folder="News"), encoding="utf-8")
    done = reader(data_dir, "import", str(many))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("299 feeds added, 1 already subscribed")  # the file's twice
    assert db.execute("SELECT count(*) FROM written").fetchone() == (1,)
    db.close()
    listed = json.loads(reader(data_dir, "feeds", "--json").stdout)
    assert [f["url"] for f in listed] == [urls[1], urls[0], *urls[2:]]
    assert all(f["tags"] == ["News"] for f in listed)  # the one subscribed already too


def _feeds_opml(urls: list[str], folder: str = "") -> str:
    outlines = "".join(f'<outline text="f{n}" xmlUrl="{url}"/>' for n, url in enumerate(urls))
    if folder:
        outlines = f'<outline text="{folder}">{outlines}</outline>'
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'


@pytest.mark.parametrize(
    ("outline", "place"),
    [
        ('<outline text="News & Politics">', "line 3, column 21"),
        ('<outline text="Gazette" xmlUrl="http://127.0.0.1/f?a=1&b=2"/>', "line 3, column 55"),
    ],
)
def test_an_opml_file_with_a_bare_ampersand_is_refused_naming_it_and_its_place(
    outline: str, place: str, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-edited file (acc47c C11): the cause in words, not "invalid token" and a place."""
    from reader.cli import main

    closing = "" if outline.endswith("/>") else "</outline>"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><body>\n'
        f"{outline}{closing}\n</body></opml>\n"
    )
    assert main(["--data-dir", str(data_dir), "import", str(opml)]) == 1
    assert capsys.readouterr().err == (
        f"reader: not a readable OPML file (a bare & at {place}: write it &amp;)\n"
    )


def test_a_feed_listed_in_several_folders_is_said_and_a_second_name_named(tmp_path: Path) -> None:
    """A web reader's export lists a feed of three labels three times: subscribed once under
    the three tags, as before, and now said so; a name a later outline gives it ("Other
    name") is not taken, and said so, not dropped without a word (acc49d D5)."""
    feed = "http://127.0.0.1:9/d1.xml"
    (tmp_path / "dup.opml").write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>'
        + "".join(
            f'<outline text="{folder}"><outline type="rss" text="{name}" title="{name}"'
            f' xmlUrl="{feed}"/></outline>'
            for folder, name in (("A", "Dup"), ("B", "Dup"), ("C", "Other name"))
        )
        + "</body></opml>"
    )
    imported = reader(tmp_path / "home", "import", str(tmp_path / "dup.opml"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        "1 feed added, 0 already subscribed; `reader sync` fetches them",
        "1 feed filed under 3 tags: A, B, C",
        "1 address listed twice or more: subscribed once, their folders merged",
    ]
    assert imported.stderr == (
        "reader: 1 name given again to a feed listed before not taken, its first kept:"
        f" Other name <{feed}> (`reader rename FEED NAME` gives one)\n"
    )


def test_an_international_host_is_exported_in_punycode_as_one_feed_again(tmp_path: Path) -> None:
    """The address as a request names its host (acc50a A10): a look-alike host ("раураl.com"
    in Cyrillic) was written in Unicode, where another reader, or the user reading the file,
    takes it for paypal.com; a readable one too, as the wire form is one for every host."""
    written = ("http://раураl.com/feed.xml", "https://me:pw@Bücher.example:8443/neu.xml")
    lib = Library(tmp_path / "data", workers="thread")
    try:
        for url in written:
            lib.add_feed(url)
        lib.store.put_feed(Feed(written[0], site_url="http://раураl.com/"))
        exported = to_opml(lib.feeds())
        assert exported.isascii(), exported
        assert [url for url, _ in parse_opml(exported.encode())] == [
            "http://xn--l-7sba6dbr.com/feed.xml",
            "https://me:pw@xn--bcher-kva.example:8443/neu.xml",
        ]
        assert 'htmlUrl="http://xn--l-7sba6dbr.com/"' in exported
        # Named by its address where it has no title: without the password.
        assert 'text="https://xn--bcher-kva.example:8443/neu.xml"' in exported
        # The same feeds, subscribed already, to a reader reading the file back.
        assert not any(lib.add_feed(url) for url, _ in parse_opml(exported.encode()))
    finally:
        lib.close()


def test_an_opml_export_says_the_passwords_it_holds_and_can_leave_them_out(
    tmp_path: Path,
) -> None:
    """The subscriptions given to a class carried the teacher's feed password, unsaid
    (acc52b-9): it is still written (OPML moves subscriptions), said on stderr, and
    `--no-passwords` leaves every account out; a query's token is left as it is."""
    home = tmp_path / "data"
    lib = Library(home, workers="thread")
    try:
        lib.add_feed("http://teach:s3cretPW@127.0.0.1:9/city/feed.xml?token=TOKEN123")
        lib.add_feed("http://127.0.0.1:9/open.xml")
    finally:
        lib.close()
    whole = reader(home, "export")
    assert whole.returncode == 0 and "teach:s3cretPW@" in whole.stdout
    said = whole.stderr.splitlines()
    assert len(said) == 1 and "1 feed's password is in this file" in said[0], whole.stderr
    assert "--no-passwords" in said[0] and "s3cretPW" not in said[0]
    given = reader(home, "export", "--no-passwords", "-o", str(tmp_path / "class.opml"))
    assert given.returncode == 0 and given.stderr == "", given.stderr
    written = (tmp_path / "class.opml").read_text(encoding="utf-8")
    assert "s3cretPW" not in written and "teach" not in written
    assert [url for url, _ in parse_opml(written.encode())] == [
        "http://127.0.0.1:9/city/feed.xml?token=TOKEN123",
        "http://127.0.0.1:9/open.xml",
    ]
    assert reader(home, "export", "--quiet").stderr == ""
    refused = reader(home, "export", "--format", "json", "--no-passwords")
    assert refused.returncode == 2 and "--no-passwords" in refused.stderr
