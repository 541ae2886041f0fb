"""A feed of more items than the reader keeps is cut to those it keeps before it is parsed
(`feed_items.first_items`): a 100,000-item feed took 340 MB and 16 s of CPU to parse, for 2,000
headlines kept (acc34b D5). What is kept is what a whole parse kept."""

from __future__ import annotations

import tracemalloc

from reader.config import DEFAULT_LIMITS
from reader.feed_items import first_items
from reader.feeds import parse_feed

MOST = DEFAULT_LIMITS.max_feed_items


def _rss(count: int, between: str = "") -> str:
    items = []
    for i in range(count):
        # Text that looks like an item's tags, where the XML says it is none.
        text = f"<![CDATA[<p>a </item><item> in a story {i}</p>]]>" if i % 7 == 0 else f"s{i}"
        remark = "<!-- </item> <entry> -->" if i % 11 == 0 else ""
        items.append(
            f"<item><title>Story {i}</title><link>https://news.example/{i}</link>"
            f"<guid>g{i}</guid><description>{text}</description>{remark}</item>\n"
        )
        if i == MOST + 100:
            items.append(between)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"{''.join(items)}<link>https://news.example/</link></channel></rss>"
    )


def test_items_past_those_kept_are_cut_out_whole() -> None:
    text = _rss(MOST + 500, between="<image><url>https://news.example/logo.png</url></image>")
    cut, count = first_items(text, MOST)
    assert count == MOST + 500
    assert f"Story {MOST - 1}<" in cut and f"Story {MOST}<" not in cut
    # The channel's own elements stay, wherever the feed put them, and its end.
    assert "logo.png</url></image>" in cut
    assert cut.endswith("<link>https://news.example/</link></channel></rss>")
    # CDATA and comments were not read as tags: the items kept are whole.
    assert cut.count("<item><title>") == MOST and cut.count("</item>\n") == MOST
    assert ">\n>" not in cut  # no piece of a tag cut out left behind


def test_atom_entries_with_a_prefix_and_empty_items() -> None:
    atom = (
        '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>A</a:title>'
        + "".join(f"<a:entry><a:id>e{i}</a:id></a:entry>" for i in range(5))
        + "<a:link href='https://news.example/'/></a:feed>"
    )
    cut, count = first_items(atom, 2)
    assert count == 5 and cut.count("<a:entry>") == 2 and "e1<" in cut and "e2<" not in cut
    assert cut.endswith("<a:link href='https://news.example/'/></a:feed>")
    rdf = "<rdf:RDF>" + '<item rdf:about="x"/>' * 4 + "</rdf:RDF>"
    assert first_items(rdf, 1) == ("<rdf:RDF>" + '<item rdf:about="x"/></rdf:RDF>', 4)


def test_a_feed_whose_items_dont_close_is_left_whole() -> None:
    text = "<rss><channel>" + "<item><title>t</title>" * 5 + "</channel></rss>"
    assert first_items(text, 2)[0] == text
    few = _rss(3)
    assert first_items(few, MOST) == (few, 0)
    as_many = _rss(MOST)  # scanned (its tags say "item" twice each), none cut
    assert first_items(as_many, MOST) == (as_many, 0)


def test_a_huge_feed_is_parsed_in_the_memory_of_the_items_kept() -> None:
    body = _rss(10 * MOST).encode()
    tracemalloc.start()
    try:
        parsed = parse_feed(body, "https://news.example/feed.xml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    titles = [entry.title for entry in parsed.entries]
    assert titles == [f"Story {i}" for i in range(MOST)]
    assert parsed.site_url == "https://news.example/"
    assert parsed.problem == f"only the newest {MOST} of {10 * MOST} items kept"
    assert "a </item><item> in a story 0" in parsed.entries[0].summary
    # A whole parse held every item: over 70 MB for these 20,000, against about 15 now
    # (a few copies of the text, the items kept).
    assert peak < 30 * 2**20, f"{peak / 2**20:.0f} MB"
