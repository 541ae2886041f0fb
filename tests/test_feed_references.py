"""A feed's character references that name no character (acc28a H2): a lone surrogate, an
emoji written as two surrogates' references (as JavaScript and Java CMSs write it), a number
past Unicode's. feedparser raised on each, and one such title lost every item of the feed."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest
from pytest_httpserver import HTTPServer

from reader.feeds import mended_references, parse_feed
from tests.test_cli import reader


def rss(title: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>'
        f"<item><title>{title}</title><link>http://q.example/a</link></item>"
        "<item><title>Ferry back on time</title><link>http://q.example/b</link></item>"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    ("title", "read"),
    [
        ("Party &#55357;&#56832; time", "Party 😀 time"),
        ("Party &#xd83d;&#xDE00; time", "Party 😀 time"),
        ("sur &#xD800; here", "sur \ufffd here"),
        ("sur &#xDFFF;&#xD800; here", "sur \ufffd\ufffd here"),
        ("past &#x110000; &#99999999999; it", "past \ufffd \ufffd it"),
        ("quotes &#8217;&#x2019; stay", "quotes ’’ stay"),
    ],
)
def test_every_item_is_read_whatever_its_references(title: str, read: str) -> None:
    parsed = parse_feed(rss(title), "http://q.example/feed.xml")
    assert [entry.title for entry in parsed.entries] == [read, "Ferry back on time"]


def test_a_high_surrogate_waits_only_for_the_low_one_right_after_it() -> None:
    assert mended_references("&#xD83D; &#xDE00;") == "&#xFFFD; &#xFFFD;"
    assert mended_references("&#xD83D;&#xD83D;&#xDE00;x") == "&#xFFFD;&#x1F600;x"
    assert mended_references("no references") == "no references"


def test_a_hostile_title_leaves_export_a_file_other_readers_open(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc28a H3: a feed titled with U+FFFE made `reader export` write an OPML file every
    XML parser (newsboat's, ElementTree's) refused whole."""
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Quay &#xFFFE;").replace(
            b"<title>Quay Wire</title>", "<title>XB \ufffe\uffff &#xFFFE;</title>".encode()
        ),
        content_type="application/rss+xml",
    )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    exported = reader(data, "export")
    assert exported.returncode == 0, exported.stderr
    outline = fromstring(exported.stdout.encode()).find("body/outline")
    assert outline is not None and outline.get("text", "").startswith("XB")
    listed = reader(data, "feeds").stdout
    assert "XB" in listed and "\ufffe" not in listed and "\uffff" not in listed


def test_an_element_of_thousands_of_attributes_keeps_its_first_ones() -> None:
    """acc28a H6: feedparser looks each attribute up by scanning them all, so one element of
    200,000 attributes (a 3 MB feed) took minutes of CPU; it is cut to its first ones."""
    from reader.start_tags import MAX_ATTRIBUTES, with_fewer_attributes

    many = " ".join(f'a{n}="{n}"' for n in range(20_000))
    cut = with_fewer_attributes(f"<channel><category {many}>c</category><x {many}/></channel>")
    assert cut.count("=") == 2 * MAX_ATTRIBUTES
    assert cut.startswith('<channel><category a0="0" a1="1"') and "<x a0" in cut
    assert "/></channel>" in cut and ">c</category>" in cut
    # A few long attributes (a picture's data: address) are left as they are.
    picture = f'<img src="data:image/png;base64,{"A" * 9000}" alt="quay"/>'
    assert with_fewer_attributes(picture) == picture
    feed = rss("Attrs").replace(b"<item>", f"<item><category {many}>c</category>".encode(), 1)
    parsed = parse_feed(feed, "http://q.example/feed.xml")
    assert [entry.title for entry in parsed.entries] == ["Attrs", "Ferry back on time"]


def test_a_page_element_of_thousands_of_bare_attributes_is_cut_before_parsing() -> None:
    """acc28a H6, pages: libxml2's HTML parser checks each attribute against the others, and a
    1 MB page whose one element held 80,000 took 40 s of CPU to extract. HTML writes them
    bare and valueless too, which are counted as quoted ones are."""
    from reader.extract import extract_article
    from reader.start_tags import MAX_ATTRIBUTES, with_fewer_attributes

    bare = " ".join(f"a{n}={n} hidden{n}" for n in range(20_000))
    cut = with_fewer_attributes(f"<div {bare}>x</div>")
    assert cut.startswith("<div a0=0 hidden0 a1=1 hidden1") and cut.endswith(">x</div>")
    assert len(cut.split()) == MAX_ATTRIBUTES + 1
    story = "<p>The harbour board met on Monday to agree the winter timetable for the ferry.</p>"
    page = (
        f"<html><body><article><h1>Quay</h1><div {bare}>x</div>{story * 5}</article></body></html>"
    )
    article = extract_article(page, "http://q.example/quay")
    assert article.title == "Quay" and "winter timetable" in article.blocks[-1].text


NETSCAPE = (
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
    ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
)


@pytest.mark.parametrize(
    "doctype",
    [NETSCAPE, '<!DOCTYPE rss [<!ENTITY nbsp "&#160;"> <!-- HTML\'s -->]>', ""],
    ids=["rss-0.91-dtd", "html-names-declared", "undeclared"],
)
def test_htmls_named_references_are_read_with_no_complaint(doctype: str) -> None:
    """RSS 0.91's DTD (which no reader fetches) declares HTML's names, and many feeds use them
    undeclared: each read right, and the feed was said to have "XML errors" and an ignored
    DOCTYPE (acc40b P6). A CDATA section's text stays as written."""
    feed = (
        f'<?xml version="1.0" encoding="ISO-8859-1"?>{doctype}<rss version="0.91"><channel>'
        "<title>Caf&eacute; Netscape</title><item><title>L&eacute;t&eacute; &mdash;"
        " r&eacute;sum&eacute;&nbsp;&copy; &amp; more</title><link>http://q.example/a</link>"
        "<description><![CDATA[<p>&eacute; as &amp;eacute;</p>]]></description></item>"
        "</channel></rss>"
    )
    parsed = parse_feed(feed.encode("latin-1"), "http://q.example/feed")
    assert (parsed.title, parsed.problem) == ("Café Netscape", "")
    (entry,) = parsed.entries
    assert entry.title == "Lété — résumé\xa0© & more"
    assert "&eacute; as &amp;eacute;" in entry.summary


def test_a_doctype_declaring_a_name_of_its_own_is_still_said_to_be_ignored() -> None:
    feed = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY desk "News Desk">]>'
        "<rss version='2.0'><channel><title>Quay &desk;</title><item><title>A&nbsp;B</title>"
        "<link>http://q.example/a</link></item></channel></rss>"
    )
    parsed = parse_feed(feed.encode(), "http://q.example/feed")
    assert parsed.problem.startswith("its DOCTYPE was ignored (no entities expanded)")
    assert parsed.entries[0].title == "A\xa0B"
