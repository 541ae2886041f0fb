"""An article's pictures: a line naming each where it stands, linking to it, in every output."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import lxml.html
import pytest

from reader.codec import article_from_dict, article_to_dict
from reader.demo.server import DemoServer
from reader.extract import extract_article, feed_article, to_markdown, to_text
from reader.extract.blocks import html_to_blocks
from reader.models import Article, BlockKind, Entry
from tests.tui_pilot import view_lines

BASE = "https://news.example.com/2024/harbour.html"
TEXT = (
    "<p>Crane operators at the container port returned to work on Wednesday after a five-day "
    "strike over shift patterns ended with an agreement on rest breaks and overtime.</p>"
)


def pictures_of(html: str) -> list[tuple[str, str | None]]:
    """(alt, address) of each picture's line of an article fragment."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    blocks = html_to_blocks(root, BASE)
    return [(b.text, b.inlines[0].href) for b in blocks if b.kind == BlockKind.IMAGE]


def pictures(article: Article) -> list[tuple[str, str | None]]:
    return [(b.text, b.inlines[0].href) for b in article.blocks if b.kind == BlockKind.IMAGE]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A figure's picture, its alt saying what the caption doesn't.
        (
            '<figure><img src="/img/cranes.jpg" alt="Four cranes with raised booms">'
            "<figcaption>Cranes idle on Monday.</figcaption></figure>",
            [("Four cranes with raised booms", "https://news.example.com/img/cranes.jpg")],
        ),
        # An alt that says nothing: the line says "Image" alone.
        (
            '<figure><img src="a.jpg" alt="An image"><figcaption>Quay.</figcaption></figure>'
            '<figure><img src="c.jpg" alt="DSC_0042.JPG"></figure>'
            '<figure><img src="d.jpg" alt="0226-quay-strike-02"></figure>',
            [("", "https://news.example.com/2024/" + n) for n in ("a.jpg", "c.jpg", "d.jpg")],
        ),
        # Lazy loading: the real address is in data-src, the src a placeholder.
        (
            '<figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/lazy.jpg" alt="Quay">'
            '</figure><noscript><img src="/img/lazy.jpg" alt="Quay"></noscript>',
            [("Quay", "https://news.example.com/img/lazy.jpg")],
        ),
        # The widest of a srcset, the picture's <source>s included; a template is no address.
        (
            '<figure><picture><source srcset="/s.webp 480w, /l.webp 1600w">'
            '<img src="/m.jpg" srcset="/img/{width}/x.jpg 800w" alt="Gulls"></picture></figure>',
            [("Gulls", "https://news.example.com/l.webp")],
        ),
        # A bigger copy it links to is the address to open.
        (
            '<p><a href="/img/full.jpg"><img src="/img/small.jpg" alt="The quay"></a></p>',
            [("The quay", "https://news.example.com/img/full.jpg")],
        ),
        # lynx's brackets and a label of the alt's own are not repeated.
        (
            '<p><img src="/q.png" alt="[QGIS main interface]"></p>'
            '<p><img src="/r.png" alt="Image: Storm clouds over the pier"></p>',
            [
                ("QGIS main interface", "https://news.example.com/q.png"),
                ("Storm clouds over the pier", "https://news.example.com/r.png"),
            ],
        ),
        # Decoration (alt="" outside a figure), icons, a small picture linking to a page, and a
        # picture with no address of its own: no line.
        (
            '<p><img src="/deco.png" alt=""></p><p><img src="/icon.png" alt="RSS" width="16"></p>'
            '<p><a href="/next.html"><img src="/next.png" alt="Next page"></a></p>'
            '<figure><img src="data:image/png;base64,iVBOR" alt="Map"></figure>',
            [],
        ),
        # A photo declared photo-wide is one even with no alt, and even linking to its page;
        # so is one a CMS placed, or named by the camera's file. The same picture twice in one
        # box is one in two sizes; in two figures, two pictures.
        (
            '<p><a href="/photos/42"><img src="/p.jpg" width="640" height="480"></a></p>'
            '<p><a href="/photos/43"><img src="/q.jpg" class="aligncenter size-full"></a></p>'
            '<p><a href="/album/44"><img src="/r.jpg" alt="P1610088.JPG"></a></p>'
            '<div><img src="/s.jpg" alt="Pier" class="mobile"><img src="/s.jpg" alt="Pier"></div>'
            '<figure><img src="/t.jpg"></figure><figure><img src="/t.jpg"></figure>',
            [("", f"https://news.example.com/{n}.jpg") for n in "pqr"]
            + [("Pier", "https://news.example.com/s.jpg")]
            + [("", "https://news.example.com/t.jpg")] * 2,
        ),
        # A screen reader's label "Image" beside the picture is no text it stands in.
        (
            '<figure><div><span>Image</span><img src="/n.jpg" alt=""></div>'
            "<figcaption>Crews at work.</figcaption></figure>",
            [("", "https://news.example.com/n.jpg")],
        ),
        # Adverts: on an ad server, or in a folder of banners.
        (
            '<div><img src="https://ad.example.com/b/x.jpg" width="650"></div>'
            '<div><img src="/content_banner/qr.jpg" width="650"></div>',
            [],
        ),
        # A picture between a box's paragraphs, no words beside it in its line: its own line,
        # in its place; a slide's picture before the slide's text, in a box of any name.
        (
            '<div class="body"><p>The quay at six.</p><img src="/dawn.jpg" alt="Harbour at dawn">'
            '<p>By seven the cranes were moving.</p><div class="slide"><span><img src="/x.jpg" '
            'alt="The first stall"></span><div><p>Six stalls in 2016.</p></div></div></div>',
            [
                ("Harbour at dawn", "https://news.example.com/dawn.jpg"),
                ("The first stall", "https://news.example.com/x.jpg"),
            ],
        ),
        # A product's picture linking to its shop, a film's still to the film's page: on
        # another site, the alt naming the thing. A picture linking to a page of the site's
        # own (a teaser's thumbnail), a partner's logo and an app store's badge elsewhere, and
        # a picture whose file is a logo's: no line.
        (
            '<p><a href="https://shop.example.net/c1"><img src="https://img.example.net/c1.jpg" '
            'alt="The Neap tide clock on a kitchen wall"></a></p>'
            '<p><a href="https://films.example.org/t/4"><img src="/stills/4.jpg" alt="Two '
            'fishermen mending a net"></a></p>'
            '<p><a href="https://blog.news.example.com/2024/other.html"><img src="/t/o.jpg" '
            'alt="Lifeboat crew on the slipway"></a></p>'
            '<p><a href="https://partner.example.org/"><img src="/p.png" alt="Partner logo">'
            '</a></p><p><a href="https://apps.example.org/x"><img src="/b.png" alt="Download '
            'on the App Store"></a></p><p><a href="https://other.example.org/"><img '
            'src="/img/content_logo.png" alt="Back to the front page"></a></p>',
            [
                ("The Neap tide clock on a kitchen wall", "https://img.example.net/c1.jpg"),
                ("Two fishermen mending a net", "https://news.example.com/stills/4.jpg"),
            ],
        ),
        # A box named for its picture: the text after the picture is its caption.
        (
            '<div class="photobox_right"><img src="data:image/gif;base64,R0lGOD" '
            'data-src="/brain.jpg" alt="Hand holding a bulb"><br><em>A new study looks at the '
            "moment of insight.</em></div>",
            [("Hand holding a bulb", "https://news.example.com/brain.jpg")],
        ),
    ],
)
def test_pictures_standing_alone_become_lines(html: str, expected: list[tuple[str, str]]) -> None:
    assert pictures_of(html) == expected


def test_a_picture_inside_a_sentence_leaves_the_sentence_whole() -> None:
    root = lxml.html.fragment_fromstring(
        '<div><p>Prices rose <img src="/arrow-up.png" alt="up" width="200"> again in May, '
        "the third month running.</p></div>"
    )
    blocks = html_to_blocks(root, BASE)
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Prices rose again in May, the third month running.")
    ]


def test_a_picture_floated_at_the_start_of_a_paragraph_comes_before_its_text() -> None:
    # LWN's way: a screenshot set beside the paragraph it illustrates.
    root = lxml.html.fragment_fromstring(
        '<div><p>Before.</p><a href="/Articles/9/"><img src="/shot.png" align="right" '
        'width="350" alt="[The map window]"></a><p>QGIS is a Qt application.</p>'
        '<p><img src="/two.png" style="float: left" alt="Query builder">The builder helps.</p>'
        "</div>"
    )
    assert [(b.kind, b.text) for b in html_to_blocks(root, BASE)] == [
        (BlockKind.PARAGRAPH, "Before."),
        (BlockKind.IMAGE, "The map window"),
        (BlockKind.PARAGRAPH, "QGIS is a Qt application."),
        (BlockKind.IMAGE, "Query builder"),
        (BlockKind.PARAGRAPH, "The builder helps."),
    ]


def test_icons_in_a_data_table_stay_out_of_its_cells() -> None:
    rows = "".join(
        f'<tr><td><img src="/flag{i}.png" alt="Flag {i}"></td><td>Team {i}</td><td>{i}</td></tr>'
        for i in range(4)
    )
    root = lxml.html.fragment_fromstring(
        f"<div><table><thead><tr><th>Flag</th><th>Team</th>"
        f"<th>Points</th></tr></thead>{rows}</table></div>"
    )
    blocks = html_to_blocks(root, BASE)
    assert {b.kind for b in blocks} == {BlockKind.TABLE_ROW}
    assert blocks[1].text == "— | Team 0 | 0"  # the view's empty cell


def test_the_alt_is_untrusted_text_made_plain() -> None:
    hostile = (
        '<figure><img src="/x.jpg" alt="Harbour\x1b]0;pwned\x07 at [b]dusk[/b] '
        '<span style=x>&lt;script&gt;</span>"></figure>'
    )
    [(alt, _)] = pictures_of(hostile)
    assert "\x1b" not in alt and "\x07" not in alt
    assert alt.startswith("Harbour") and "[b]dusk[/b]" in alt and "<span" not in alt
    # Shown as written, never read as markup.
    article = Article(
        BASE,
        title="Harbour",
        blocks=html_to_blocks(lxml.html.fragment_fromstring(hostile, create_parent="div"), BASE),
    )
    assert any("[b]dusk[/b]" in line for line in view_lines(article, 60))
    # A book in an alt is cut short.
    [(alt, _)] = pictures_of(f'<figure><img src="/x.jpg" alt="{"Harbour " * 20_000}"></figure>')
    assert len(alt) == 500 and alt.endswith("…")


def page(body: str, title: str = "Cranes stand idle as the strike enters its third day") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{TEXT * 2}{body}{TEXT}</article></body></html>"
    )


def test_an_alt_saying_again_what_is_beside_it_is_left_out() -> None:
    title = "Cranes stand idle as the strike enters its third day"
    article = extract_article(
        page(
            f'<figure><img src="/a.jpg" alt="{title}"><figcaption>On Monday.</figcaption></figure>'
            f'<figure><img src="/b.jpg" alt="Illustration for article titled {title}"></figure>'
            # The caption again, in its figure or (eHow) in a figcaption after it.
            '<figure><img src="/c.jpg" alt="Cranes idle"><figcaption>Cranes  idle on Monday.'
            '</figcaption></figure><figure><img src="/d.jpg" alt="Dig a hole."></figure>'
            "<figcaption>Dig a hole. (Lucy Akins)</figcaption>"
            '<figure><img src="/e.jpg" alt="Quay at dusk"><figcaption>The quay on Monday.'
            "</figcaption></figure>"
            # Nearly: a full stop, a spelling.
            '<figure><img src="/f.jpg" alt="Nets drying on the wall at Maōri Bay.">'
            "<figcaption>Nets drying on the wall at Māori Bay</figcaption></figure>"
        ),
        BASE,
    )
    site = "https://news.example.com/"
    assert pictures(article) == [("", site + n) for n in ("a.jpg", "b.jpg", "c.jpg", "d.jpg")] + [
        ("Quay at dusk", site + "e.jpg"),
        ("", site + "f.jpg"),
    ]


def test_every_output_names_the_picture_and_keeps_its_address() -> None:
    article = extract_article(
        page(
            '<figure><img src="/img/q.jpg" alt="The quay [north]"><figcaption>The quay.'
            "</figcaption></figure>"
        ),
        BASE,
    )
    markdown, text = to_markdown(article), to_text(article)
    assert (
        "\n![The quay \\[north\\]](<https://news.example.com/img/q.jpg>)\n\n*The quay.*" in markdown
    )
    assert "\nImage: The quay [north] <https://news.example.com/img/q.jpg>\n\nThe quay.\n" in text
    lines = [line.rstrip() for line in view_lines(article, 60)]
    at = lines.index("▣ Image: The quay [north]")
    assert lines[at + 1] == "The quay."  # its caption right under it, as a page sets it
    # No address under it: the label is the link, and Tab reaches it (below).
    assert not any("q.jpg" in line for line in lines)
    # The cache keeps it as it is.
    assert article.blocks == article_from_dict(article_to_dict(article)).blocks


def test_an_alt_is_no_words_of_the_article() -> None:
    # Words counted for "3 min read", and for telling a short article from a fragment.
    def words(alt: str) -> int:
        figure = f'<figure><img src="/q.jpg" alt="{alt}"></figure>'
        return extract_article(page(figure), BASE).word_count

    assert words("A long description of the quay " * 5) == words("") > 0


def test_a_feeds_own_text_keeps_its_pictures() -> None:
    entry = Entry(
        id="p-1",
        feed_url="https://photo.example/feed.xml",
        title="Harbour at dawn",
        link="https://photo.example/posts/1",
    )
    html = (
        '<p>First light over the harbour wall.</p><p><img src="/full/dawn.jpg" '
        'alt="Fishing boats leaving the harbour at dawn" width="1200"></p>'
    )
    article = feed_article(entry, html)
    assert article is not None
    assert pictures(article) == [
        ("Fishing boats leaving the harbour at dawn", "https://photo.example/full/dawn.jpg")
    ]


def test_the_demos_pictures_are_named_and_their_links_open() -> None:
    with DemoServer() as server:
        url = server.base_url + "/gazette/2026/11/24/harbour-crane-strike.html"
        article = extract_article(httpx.get(url).content, url)
        [(alt, href)] = pictures(article)
        assert alt.startswith("Four tall cranes with their booms raised") and href is not None
        texts = [b.text for b in article.blocks]
        assert texts[texts.index(alt) + 1].startswith("Idle ship-to-shore cranes at Eastquay")
        picture = httpx.get(href)
        assert picture.status_code == 200
        # A raster picture, as a photo is: one a sync keeps for offline (`reader.pictures`).
        assert picture.headers["content-type"] == "image/png"
        assert picture.content.startswith(b"\x89PNG\r\n\x1a\n")

        url = server.base_url + "/gazette/2026/11/20/st-brigids-waiting-times.html"
        article = extract_article(httpx.get(url).content, url)
        [(alt, href)] = pictures(article)
        assert alt.startswith("Line chart: the share of patients seen within four hours")


def test_tab_reaches_the_picture_and_enter_opens_it(synced_dir: Path, browser: list[str]) -> None:
    from tests.tui_pilot import reading, status

    async def run() -> None:
        async with reading(synced_dir, "Crane operators", (100, 30)) as (app, pilot, body):
            for _ in range(body.link_count):
                await pilot.press("tab")
                if ".png" in status(app):
                    break
            assert status(app).split("  │  ")[0].endswith("/gazette/media/eastquay-cranes-idle.png")
            await pilot.press("enter")
            # Its address, or, kept by the sync (its pictures come after its text: kept or
            # not yet as the sync ended), a copy of it in the user's own folder.
            assert len(browser) == 1
            opened = browser[0]
            if opened.startswith("file://"):
                copy = Path(opened.removeprefix("file://"))
                assert copy.parent.name.startswith("reader-pictures-") and copy.suffix == ".png"
                assert copy.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
            else:
                assert opened.endswith("/gazette/media/eastquay-cranes-idle.png")

    asyncio.run(run())


def test_a_gallery_of_pictures_in_a_row_is_every_picture() -> None:
    # One box, the story's paragraphs, then its pictures floated one after the other.
    gallery = "".join(f'<img src="/g{i}.jpg" alt="Boat {i}" align="left">' for i in range(300))
    found = pictures_of(f"<div>{TEXT * 3}{gallery}<p>After the gallery.</p></div>")
    assert [alt for alt, _ in found] == [f"Boat {i}" for i in range(300)]


def test_a_picture_with_no_alt_but_a_caption_after_it_is_the_articles() -> None:
    """`<div class="image"><img alt=""><p class="caption">`: a figure without `<figure>`. Its
    empty `alt` made it decoration, and the caption was left under no picture. Without a
    caption after it, an `alt=""` picture is still decoration."""
    captioned = (
        '<div class="image"><img src="/c.jpg" alt=""><p class="caption">Volunteers clearing '
        "mud</p></div>"
    )
    wrapped = (
        '<div class="pic"><span><img src="/d.jpg" alt=""></span></div>'
        '<div class="pic-caption">Sandbags at the door</div>'
    )
    bare = '<div class="image"><img src="/e.jpg" alt=""></div><p>The water rose again.</p>'
    found = pictures_of(TEXT + captioned + TEXT + wrapped + TEXT + bare + TEXT)
    assert found == [
        ("", "https://news.example.com/c.jpg"),
        ("", "https://news.example.com/d.jpg"),
    ]


def test_a_lazy_pages_real_picture_replaces_its_blurred_placeholder() -> None:
    # Medium's way: a blurred 60-pixel copy, an <img> with no address, the real one in <noscript>.
    figure = (
        '<figure><div><div><img src="https://cdn.example/max/60/pier.png?q=20" width="1894">'
        '</div><img width="1894"><noscript><img src="https://cdn.example/max/3788/pier.png" '
        'width="1894"></noscript></div><figcaption>The pier at low tide.</figcaption></figure>'
    )
    article = extract_article(page(figure), BASE)
    assert pictures(article) == [("", "https://cdn.example/max/3788/pier.png")]


_BLUR = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (
            f'<figure><img src="{_BLUR}" data-src="/img/b.webp" alt="Bridge scaffolding (lazy)">'
            "<figcaption>Scaffolding on the bridge.</figcaption></figure>"
            '<noscript><img src="/img/b.webp" alt="Bridge scaffolding (noscript)"></noscript>',
            ("Bridge scaffolding (lazy)", "https://news.example.com/img/b.webp"),
        ),
        (
            f'<figure><img src="{_BLUR}" alt="Harbour at first light">'
            "<figcaption>The quay at dawn.</figcaption></figure>"
            '<noscript><img src="/img/quay.jpg"></noscript>',
            ("Harbour at first light", "https://news.example.com/img/quay.jpg"),
        ),
    ],
)
def test_a_noscript_copy_after_its_figure_is_the_same_picture_once(
    figure: str, expected: tuple[str, str]
) -> None:
    """The `<noscript>` copy of a lazy picture sits after its `<figure>`, its alt another: it
    was a second picture, "(lazy)" then "(noscript)" (acc50e A8). A figure's placeholder with
    no address of its own (a `data:` blur) takes the real picture in its place, its caption
    after it."""
    article = extract_article(page(TEXT + figure + TEXT), BASE)
    assert pictures(article) == [expected]
    kinds = [block.kind for block in article.blocks]
    assert kinds[kinds.index(BlockKind.IMAGE) + 1] == BlockKind.CAPTION


def test_a_picture_alone_in_its_boxes_survives_readabilitys_clean_up() -> None:
    # sanitize() removes a box with no text ("no content"), picture and all; so do the page's
    # furniture rules a figure holding share buttons ("fig--has-shares"). A lightbox's link
    # within the page is no link to another page.
    boxes = (
        '<div class="inline-photo"><div><img src="/img/quay.jpg" alt="The quay at dawn"></div>'
        '</div><figure class="element-image fig--has-shares"><a href="#img-2">'
        '<img src="/img/nets.jpg" alt="Nets drying on the harbour wall"></a></figure>'
    )
    article = extract_article(page(boxes), BASE)
    assert pictures(article) == [
        ("The quay at dawn", "https://news.example.com/img/quay.jpg"),
        ("Nets drying on the harbour wall", "https://news.example.com/img/nets.jpg"),
    ]
    # No words came with them.
    assert article.word_count == extract_article(page(""), BASE).word_count


@pytest.mark.parametrize(
    "alt",
    ["Image for post", "Illustration for article titled The Spectacular Story Of emMetroid/em"],
)
def test_what_a_cms_writes_in_every_alt_says_nothing(alt: str) -> None:
    assert pictures_of(f'<figure><img src="/a.jpg" alt="{alt}"></figure>')[0][0] == ""


def test_each_part_of_a_how_to_keeps_the_photo_after_it_in_order() -> None:
    # eHow's steps: a part's text, then its photo and the photo's credit, each step in boxes of
    # its own. readability-lxml joins the parts' text and left every photo behind.
    words = (
        "Lay the nets out on the quay in long rows so that the wind can reach both sides of "
        "the mesh, and turn them every hour until the cotton is dry to the touch. "
    )
    steps = "".join(
        f'<div class="step"><div class="stepContent"><div class="content{" lead" * (n == 0)}">'
        f"<p>Step {n}. {words * 2}</p><p>{words}</p></div>"
        f'<figure class="stepThumb"><img src="/img/step{n}.jpg" alt="Nets drying, step {n}">'
        f'</figure><figcaption class="caption">Photo {n}: Ida Moss</figcaption></div></div>'
        for n in range(4)
    )
    article = extract_article(f"<html><body><article>{steps}</article></body></html>", BASE)
    texts = [(b.kind, b.text[:14]) for b in article.blocks]
    for n in range(4):
        at = texts.index((BlockKind.PARAGRAPH, f"Step {n}. Lay th"))
        assert texts[at + 2 : at + 4] == [
            (BlockKind.IMAGE, "Nets drying, s"),
            (BlockKind.CAPTION, f"Photo {n}: Ida M"),
        ]


def test_a_screen_readers_image_label_is_not_a_paragraph_over_the_picture() -> None:
    # The NYT's figures: readability makes the label a paragraph of its own.
    figure = (
        '<figure><div class="css-1xdhyk6"><span class="css-1ly73wi">Image</span>'
        '<img alt="" src="/img/mains.jpg"></div><figcaption>Crews at a burst main on Mill Lane.'
        "</figcaption></figure>"
    )
    blocks = [(b.kind, b.text) for b in extract_article(page(figure), BASE).blocks]
    at = blocks.index((BlockKind.IMAGE, ""))
    assert blocks[at - 1][1] != "Image" and blocks[at + 1][0] == BlockKind.CAPTION
    assert (BlockKind.PARAGRAPH, "Image") not in blocks


def test_the_link_list_names_a_picture_as_its_line_does() -> None:
    from reader.ui.dialogs.links import Link, article_links

    article = extract_article(
        page(
            '<figure><img src="/a.jpg" alt="Four cranes with raised booms"></figure>'
            '<figure><img src="/b.jpg" alt=""><figcaption>On Monday.</figcaption></figure>'
        ),
        BASE,
    )
    assert article_links(article) == [
        Link("Image: Four cranes with raised booms", "https://news.example.com/a.jpg"),
        Link("Image", "https://news.example.com/b.jpg"),
    ]


def test_a_graphic_drawn_by_a_script_is_named_by_its_noscript_picture() -> None:
    # Datawrapper's script embed: the chart as a PNG for readers without scripts. A tracking
    # pixel in a <noscript> stays out.
    embed = (
        '<div id="datawrapper-vis-Ab3xY"><script src="https://datawrapper.dwcdn.net/Ab3xY/'
        'embed.js"></script><noscript><img src="https://datawrapper.dwcdn.net/Ab3xY/full.png" '
        'alt="Waiting times at St Brigid\'s, July to October"></noscript></div>'
        '<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=1"></noscript>'
    )
    assert pictures(extract_article(page(embed), BASE)) == [
        (
            "Waiting times at St Brigid's, July to October",
            "https://datawrapper.dwcdn.net/Ab3xY/full.png",
        )
    ]


def test_an_amp_pages_pictures_are_named() -> None:
    """AMP's `<amp-img>` is its page's `<img>`; a fallback inside it is not a second picture."""
    article = extract_article(
        page(
            '<figure><amp-img src="/img/quay.jpg" width="1200" height="800" layout="responsive" '
            'alt="Four cranes with their booms raised over an empty quay">'
            '<amp-img fallback src="/img/quay-small.jpg" width="600" height="400"></amp-img>'
            "</amp-img><figcaption>Eastquay on Monday.</figcaption></figure>"
            '<p><amp-anim src="/img/spinner.gif" width="16" height="16" alt="x"></amp-anim></p>'
        ),
        BASE,
    )
    assert pictures(article) == [
        (
            "Four cranes with their booms raised over an empty quay",
            "https://news.example.com/img/quay.jpg",
        )
    ]
    texts = [b.text for b in article.blocks]
    assert texts[texts.index(pictures(article)[0][0]) + 1] == "Eastquay on Monday."


def test_control_characters_in_addresses_are_percent_encoded() -> None:
    """A picture's or a link's address holding a control character (DEL, a bidi override)
    prints as plain text, percent-encoded as a browser sends it; one holding line breaks is read
    without them, as a browser reads it, and a "javascript:" so hidden stays refused."""
    article = extract_article(
        page(
            '<figure><img src="/\x7f31m/cranes.jpg" alt="Cranes"><figcaption>Idle.</figcaption>'
            '</figure><p>Read <a href="/quay\u202e.html">the quay report</a> and '
            '<a href="java\nscript:alert(1)">this</a> for the whole story of the strike.</p>'
        ),
        BASE,
    )
    assert pictures(article) == [("Cranes", "https://news.example.com/%7F31m/cranes.jpg")]
    for output in (to_text(article), to_markdown(article)):
        assert "\x7f" not in output and "\u202e" not in output
        assert "javascript" not in output
    assert "(<https://news.example.com/quay%E2%80%AE.html>)" in to_markdown(article)


def test_a_line_named_a_caption_under_its_picture_is_the_pictures_caption() -> None:
    """WordPress's classic caption, `div.wp-caption > img + p.wp-caption-text`, is the picture's
    caption as a `<figcaption>` is (in italics in Markdown), not a paragraph of the story; a
    line so named under no picture, or a paragraph under one, is still text."""
    wordpress = (
        '<div id="attachment_55" style="width: 810px" class="wp-caption aligncenter"><img '
        'aria-describedby="caption-attachment-55" src="/loft-800x600.jpg" alt="" width="800" '
        'class="size-large wp-image-55"><p id="caption-attachment-55" class="wp-caption-text">'
        "The loft in 1974.</p></div>"
    )
    linked = (
        '<div class="image"><a href="/c-large.jpg"><img src="/c.jpg" alt="Mud on the quay"></a>'
        '</div><div class="caption">Volunteers clearing mud</div>'
    )
    unnamed = '<div><img src="/e.jpg" alt="The harbour"><p>The water rose again.</p></div>'
    named_alone = '<p class="caption">Photographs by the harbour trust.</p>'
    root = lxml.html.fragment_fromstring(
        TEXT + wordpress + TEXT + linked + TEXT + unnamed + TEXT + named_alone, create_parent="div"
    )
    blocks = [(b.kind, b.text) for b in html_to_blocks(root, BASE)]
    assert (BlockKind.CAPTION, "The loft in 1974.") in blocks
    assert (BlockKind.CAPTION, "Volunteers clearing mud") in blocks
    assert (BlockKind.PARAGRAPH, "The water rose again.") in blocks
    assert (BlockKind.PARAGRAPH, "Photographs by the harbour trust.") in blocks
    page = f"<html><body><article><h1>Loft</h1>{TEXT}{wordpress}{TEXT}</article></body></html>"
    assert "\n\n*The loft in 1974.*\n\n" in to_markdown(extract_article(page, BASE))


def test_a_saved_round_up_keeps_its_products_pictures() -> None:
    # Read from a file, without its address: the shops' links are taken for other sites'.
    item = (
        '<h2>{n}. Harbour barometer {n}</h2><p><a href="https://shop.example.net/b{n}"><img '
        'src="https://img.example.net/b{n}.jpg" alt="Barometer {n} in its brass case"></a></p>'
        "<p>Barometer {n} reads true within a millibar and hangs flat against a plaster wall.</p>"
    )
    items = "".join(item.format(n=n) for n in range(1, 6))
    page = (
        "<html><head><title>The best barometers</title></head><body><article><h1>The best "
        f"barometers</h1>{TEXT}{items}</article></body></html>"
    )
    assert [alt for alt, _ in pictures(extract_article(page, ""))] == [
        f"Barometer {n} in its brass case" for n in range(1, 6)
    ]


def test_a_credit_beside_the_caption_joins_it_under_the_picture() -> None:
    """The BBC's credit stands in the figure beside its caption, named only by a screen
    reader's "Image source, ": it was a paragraph of its own ("Harbour Trust"), and the
    picture, taken for one inside a sentence, was left out."""
    bbc = (
        '<figure><img src="/img/quay.jpg" alt="Cracks along the harbour wall">'
        '<span role="text"><span class="visually-hidden">Image source, </span>Harbour Trust'
        '</span><figcaption><span class="visually-hidden">Image caption, </span>Engineers '
        "found cracks after the storms</figcaption></figure>"
    )
    named = bbc.replace(
        '<span role="text"><span class="visually-hidden">Image source, </span>',
        '<span class="photo-credit">',
    )
    for html, caption in (
        (bbc, "Engineers found cracks after the storms. Image source: Harbour Trust"),
        (named, "Engineers found cracks after the storms. Harbour Trust"),
    ):
        assert picture_and_after(html) == [
            (BlockKind.IMAGE, "Cracks along the harbour wall"),
            (BlockKind.CAPTION, caption),
            (BlockKind.PARAGRAPH, TEXT[3:-4]),
        ], html
    # A figure with no caption: the credit is its caption.
    alone = bbc.split("<figcaption>")[0] + "</figure>"
    assert picture_and_after(alone) == [
        (BlockKind.IMAGE, "Cracks along the harbour wall"),
        (BlockKind.CAPTION, "Image source: Harbour Trust"),
        (BlockKind.PARAGRAPH, TEXT[3:-4]),
    ]


def picture_and_after(figure: str) -> list[tuple[BlockKind, str]]:
    """The kind and text of an article's picture line and the two blocks after it."""
    blocks = [(b.kind, b.text) for b in extract_article(page(figure), BASE).blocks]
    at = [kind for kind, _ in blocks].index(BlockKind.IMAGE)
    return blocks[at : at + 3]


def test_two_touching_spans_of_words_are_set_apart() -> None:
    """Two spans of words with nothing between them are two lines the page's style sets
    apart; a word split into spans (a drop cap) stays one word."""
    root = lxml.html.fragment_fromstring(
        "<div><span>Kate Morrow</span><span>BBC News, Cornwall</span></div>"
        "<p><span>T</span><span>he</span> quay <span>re</span><span>opened</span> today.</p>",
        create_parent="div",
    )
    assert [b.text for b in html_to_blocks(root, BASE)] == [
        "Kate Morrow BBC News, Cornwall",
        "The quay reopened today.",
    ]


def test_a_picture_the_page_left_undescribed_still_gets_its_line() -> None:
    """acc42a A10: a map with no `alt` and no size between two paragraphs had no line, so a
    reader who can't see it never knew it was there. `alt=""` says a picture is decoration;
    a missing one says nothing. A spacer, a beacon or a logo stays out."""
    body = (
        '<img src="/img/map1.png"><p>The map shows the streets worst hit by the flood.</p>'
        '<img src="/img/divider.png"><p>Residents met at the hall.</p><img alt="" src="/a.png">'
        '<p>Pumps ran all night.</p><img src="/img/siteLogo_share.jpg"><p>More rain is due.</p>'
        '<img src="/t/p.gif"><p>The council meets on Friday.</p>'
    )
    assert pictures(extract_article(page(body), BASE)) == [
        ("", "https://news.example.com/img/map1.png")
    ]


def test_a_line_over_a_row_of_pictures_is_the_texts_own() -> None:
    """ "Image" over a picture is a screen reader's label, the picture's line saying it; a line
    over several pictures heads them, and stays."""
    row = "".join(f'<p><img src="/img/{n}.jpg"></p>' for n in range(3))
    blocks = [(b.kind, b.text) for b in extract_article(page(f"<p>Images</p>{row}"), BASE).blocks]
    at = blocks.index((BlockKind.PARAGRAPH, "Images"))
    assert [kind for kind, _ in blocks[at + 1 : at + 4]] == [BlockKind.IMAGE] * 3
