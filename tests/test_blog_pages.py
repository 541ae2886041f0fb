"""Blogs, forums and wikis: the post's own title, date and pictures as blog engines mark them
(hAtom's `entry-title`/`published`/`updated`, Blogger's `post-title`), a forum thread's posts
with their author lines, and a wiki's end matter left out."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article, to_markdown
from reader.models import Article

URL = "https://slipway.example/2026/11/new-planks.html"

POST = """The old gig came into the shed on Saturday with three planks on her port side gone soft
below the waterline.<br><br>We steamed the new elm for an hour each, and it bent round the frames
as if it had always meant to.<br><br>By Monday evening all three were fastened, and the club's
rowers came to look at her before training on the river."""


def blog_page(title: str, post: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
      </head><body><div id="header"><h1 class="site-title"><a href="/">Slipway Notes</a></h1>
      <p class="site-description">Boatbuilding on the Fal</p></div>
      <div id="content">{post}</div>
      <div id="sidebar"><h2>Archives</h2><ul><li><a href="/2026/10/">October 2026</a></li></ul>
      </div></body></html>"""


def extract(html: str, url: str = URL) -> Article:
    return extract_article(html, url)


def test_a_posts_marked_heading_is_the_title_not_the_blogs_name_in_its_h1() -> None:
    """Blogger's `h3.post-title` and a WordPress theme's `h2.entry-title` under the blog's
    name in `h1` ("Slipway Notes"): the post's heading is the title, as its `<title>` says."""
    for heading in (
        '<h3 class="post-title entry-title">New planks for the pilot gig</h3>',
        '<h2 class="entry-title"><a href="/new-planks/">New planks for the pilot gig</a></h2>',
    ):
        post = f'<div class="post hentry">{heading}<div class="entry-content">{POST}</div></div>'
        article = extract(blog_page("Slipway Notes: New planks for the pilot gig", post))
        assert article.title == "New planks for the pilot gig"
        # The blog's name is its Source, cited as the site, and nowhere in the text.
        assert article.site_name == "Slipway Notes"
        assert "Slipway Notes" not in to_markdown(article, header=False)


def test_an_archive_of_many_marked_posts_is_titled_by_its_h1() -> None:
    """A page of several posts each marked `entry-title` (a blog's front page) names none."""
    posts = "".join(
        f'<div class="post hentry"><h2 class="entry-title">Post number {n} of the week</h2>'
        f'<div class="entry-content">{POST}</div></div>'
        for n in (1, 2)
    )
    article = extract(blog_page("Slipway Notes", posts))
    assert article.title == "Slipway Notes"


def test_a_marked_heading_the_title_does_not_state_is_not_the_title() -> None:
    """A heading marked `entry-title` that is not what the `<title>` says (a widget's)."""
    post = (
        '<div class="post hentry"><h3 class="post-title">Elsewhere on the river</h3>'
        f'<div class="entry-content">{POST}</div></div>'
    )
    article = extract(blog_page("Slipway Notes", post))
    assert article.title == "Slipway Notes"


def test_hatom_published_abbr_dates_the_post_and_its_updated_abbr_the_revision() -> None:
    """Blogger's `<abbr class="published" title="…">19:05</abbr>` (the text the time of day
    alone) is the publication; an `abbr.updated` beside it (older WordPress themes) the
    revision; a date heading repeating the day leaves the body."""
    footer = (
        '<div class="post-footer"><span class="post-author vcard">Posted by '
        '<span class="fn">Jory Penhale</span></span> at <a class="timestamp-link" href="/p">'
        '<abbr class="published" title="2026-11-17T19:05:00Z">19:05</abbr></a>{updated}</div>'
    )
    post = (
        '<div class="date-outer"><h2 class="date-header"><span>Tuesday, 17 November 2026</span>'
        '</h2><div class="post hentry"><h3 class="post-title entry-title">New planks for the '
        f'pilot gig</h3><div class="post-body entry-content">{POST}</div>{footer}</div></div>'
    )
    html = blog_page("Slipway Notes: New planks for the pilot gig", post)
    article = extract(html.replace("{updated}", ""))
    assert article.published is not None and article.updated is None
    assert stated_iso(article.published) == "2026-11-17T19:05:00+00:00"
    assert article.author == "Jory Penhale"
    assert "17 November" not in to_markdown(article, header=False)
    revised = extract(
        html.replace(
            "{updated}", ', edited <abbr class="updated" title="2026-11-18T08:30:00Z">08:30</abbr>'
        )
    )
    assert revised.updated is not None
    assert stated_iso(revised.updated) == "2026-11-18T08:30:00+00:00"
    # One element of both classes is a post never revised.
    once = extract(html.replace('class="published"', 'class="published updated"'))
    assert once.updated is None


def test_bloggers_date_heading_over_the_post_dates_it_when_nothing_else_does() -> None:
    """A template without the `abbr.published` dates its posts only by the heading of the day
    over them: the day is the publication's (a date alone, as it says). The same heading over
    a box that is no post (a sidebar's) dates nothing."""
    post = (
        '<div class="date-outer"><h2 class="date-header"><span>Tuesday, 17 November 2026</span>'
        '</h2><div class="date-posts"><div class="post hentry"><h3 class="post-title '
        f'entry-title">New planks for the pilot gig</h3><div class="post-body entry-content">'
        f"{POST}</div></div></div></div>"
    )
    article = extract(blog_page("Slipway Notes: New planks for the pilot gig", post))
    assert article.published is not None
    assert stated_iso(article.published) == "2026-11-17"
    assert "17 November" not in to_markdown(article, header=False)
    elsewhere = post.replace("post hentry", "post")
    assert extract(blog_page("Slipway Notes: New planks", elsewhere)).published is None


def test_a_published_abbr_in_a_comment_does_not_date_the_post() -> None:
    comments = (
        '<div class="comments"><h4>2 comments</h4><dl><dt>Ana said...</dt><dd>Lovely work.'
        '<abbr class="published" title="2026-11-20T10:00:00Z">10:00</abbr></dd></dl></div>'
    )
    post = (
        '<div class="post hentry"><h3 class="post-title">New planks for the pilot gig</h3>'
        f'<div class="entry-content">{POST}</div>{comments}</div>'
    )
    article = extract(blog_page("Slipway Notes: New planks for the pilot gig", post))
    assert article.published is None


WIKI = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Trevanion Quay - Wikipedia</title></head><body>
<div id="mw-navigation"><a href="/wiki/Main_Page">Main page</a></div>
<div id="content"><h1 id="firstHeading" class="firstHeading">Trevanion Quay</h1>
<div id="mw-content-text"><div class="mw-parser-output">
<p><b>Trevanion Quay</b> is a stone quay on the River Fal in Cornwall, built in 1822 to ship
china clay from the pits above the village to the coasting schooners of the estuary.</p>
<h2><span class="mw-headline" id="History">History</span></h2>
<p>The quay was extended twice in the nineteenth century, and a crane that could lift four
tons was set on its end in 1868. Traffic ended when the railway reached the clay works.</p>
<p>It was restored by the parish in 1994 and is now used by rowing clubs and small boats
during the summer months, when the tide allows them to reach it.</p>
<div role="navigation" class="navbox"><table><tr><th><a href="/wiki/T:Quays">Quays of the
Fal</a></th></tr><tr><td><a href="/a">Malpas</a> · <a href="/b">Tolverne</a> · <a
href="/c">Devoran</a></td></tr></table></div>
<div class="printfooter">Retrieved from "https://en.wikipedia.org/w/index.php?title=Trevanion_Quay"</div>
<div id="catlinks" class="catlinks"><a href="/wiki/Special:Categories">Categories</a>:
<a href="/wiki/Category:Quays">Quays in Cornwall</a></div>
</div></div></div>
<div id="footer">This page was last edited on 3 May 2026, at 11:02 (UTC).</div>
</body></html>"""


def test_a_wikis_categories_series_box_and_print_footer_are_not_the_article() -> None:
    """MediaWiki puts its category box, its boxes of a series' articles and its "Retrieved
    from" line for print inside the article's content box: the article ends before them."""
    text = to_markdown(extract(WIKI, "https://en.wikipedia.org/wiki/Trevanion_Quay"))
    assert text.rstrip().endswith("when the tide allows them to reach it.")
    for gone in ("Categories", "Quays in Cornwall", "Retrieved from", "Devoran", "last edited"):
        assert gone not in text


@pytest.mark.parametrize("classes", ["hatnote", "hatnote navigation-not-searchable"])
def test_a_wikis_pointers_to_other_articles_are_not_the_article(classes: str) -> None:
    """MediaWiki's notes atop a section ("Main article: …", "See also: …") point to other
    articles, as a "Read also" line does; newer wikis also name them navigation."""
    note = (
        f'<div role="note" class="{classes}">Main article: <a href="/wiki/Clay_trade">'
        "China clay trade</a></div>"
    )
    page = WIKI.replace(
        'id="History">History</span></h2>\n', f'id="History">History</span></h2>{note}'
    )
    assert note in page
    text = to_markdown(extract(page, "https://en.wikipedia.org/wiki/Trevanion_Quay"))
    assert "The quay was extended twice" in text
    assert "Main article" not in text and "China clay trade" not in text


def test_a_picture_linking_to_its_bigger_copy_gets_a_line_without_alt_or_size() -> None:
    """Blogger's editor sets a post's photo as `div.separator > a[href=…/s1600/…] > img
    [src=…/s320/…]`, often with no `alt` and no size: the photo the post is about. An icon
    linking to a page and a tracking pixel still get none."""
    photo = (
        '<div class="separator" style="clear: both;"><a href="https://bp.example/s1600/gig.jpg">'
        '<img border="0" src="https://bp.example/s320/gig.jpg"></a></div>'
    )
    furniture = (
        '<a href="/feeds/posts/default"><img src="https://slipway.example/img/feed.png"></a>'
        '<img src="https://stats.example/p.gif" width="1" height="1">'
    )
    body = POST.replace("<br><br>By Monday", f"<br><br>{photo}<br>{furniture}By Monday")
    post = (
        '<div class="post hentry"><h3 class="post-title">New planks for the pilot gig</h3>'
        f'<div class="post-body entry-content">{body}</div></div>'
    )
    text = to_markdown(extract(blog_page("Slipway Notes: New planks for the pilot gig", post)))
    assert "![](<https://bp.example/s1600/gig.jpg>)" in text
    assert text.index("as if it had always meant to.") < text.index("s1600/gig.jpg")
    assert text.index("s1600/gig.jpg") < text.index("By Monday evening")
    assert "feed.png" not in text and "p.gif" not in text


def test_a_short_post_of_two_linked_photos_is_not_a_row_of_share_buttons() -> None:
    """Two links holding only pictures, in a box of under 400 characters: a row of icon
    buttons when that is all the box says, a short post when sentences stand round them."""
    photos = "".join(
        f'<div class="separator"><a href="https://bp.example/s1600/{name}.jpg"><img '
        f'src="https://bp.example/s320/{name}.jpg" alt="The gig {name}"></a></div>'
        for name in ("before", "after")
    )
    body = POST.replace("<br><br>By Monday", f"<br><br>{photos}By Monday")
    post = (
        '<div class="post hentry"><h3 class="post-title">New planks for the pilot gig</h3>'
        f'<div class="post-body entry-content">{body}</div></div>'
    )
    text = to_markdown(extract(blog_page("Slipway Notes: New planks for the pilot gig", post)))
    for kept in ("The old gig came", "![The gig before]", "![The gig after]", "By Monday"):
        assert kept in text
    icons = "".join(
        f'<a href="https://{site}.example/share?u={URL}"><img src="/i/{site}.svg"></a>'
        for site in ("mastodon", "bluesky")
    )
    shared = post.replace("</div></div>", f'</div><div class="icons">{icons}</div></div>')
    assert "share?u=" not in to_markdown(extract(blog_page("Slipway Notes", shared)))


def forum_post(n: int, user: str, when: str, words: str, stats: str = "") -> str:
    return (
        f'<div class="post bg{n % 2 + 1}" id="p{n}"><div class="postprofile"><a class="username"'
        f' href="/u/{user}">{user}</a>{stats}</div><div class="postbody"><p class="author">by '
        f'<strong>{user}</strong> » {when}</p><div class="content">{words}</div>'
        '<div class="signature">Fair tides – Morwenna, Contessa 26</div></div></div>'
    )


THREAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Windlass slips under '
    'load - Estuary Sailing Forum</title></head><body><div class="nav"><a href="/">Board index'
    '</a></div><div class="topic"><h1>Windlass slips under load</h1>'
    + forum_post(
        1,
        "morwenna",
        "Sun Nov 29, 2026 6:12 pm",
        "The windlass on our ketch slips as soon as the chain takes any weight.<br><br>The "
        "clutch cone looks fine to me. Anyone had this?",
        "<br>Posts: 1,204<br>Joined: 2011",
    )
    + forum_post(
        2,
        "tideturner",
        "Sun Nov 29, 2026 7:40 pm",
        "<blockquote><cite>morwenna wrote:</cite>The clutch cone looks fine to me.</blockquote>"
        "Grease on the cone will do it. Clean it with solvent and it will grip again.",
    )
    + forum_post(
        3, "morwenna", "Mon Nov 30, 2026 9:02 am", "Solvent did it. Holds the anchor fine now."
    )
    + '</div><div class="footer">Powered by a forum package</div></body></html>'
)


def test_a_threads_posts_keep_their_author_lines_not_profiles_or_signatures() -> None:
    """A forum thread is its posts: each keeps its line saying who wrote it and when (the
    cleanup dropped it as the page's byline), and loses the poster's profile ("Posts: 1,204",
    "Joined: 2011", the name again) and signature."""
    text = to_markdown(extract(THREAD, "https://forum.example/t/windlass"), header=False)
    lines = [line for line in text.splitlines() if line.strip()]
    starts = [
        "by **morwenna** » Sun Nov 29, 2026 6:12 pm",
        "The windlass on our ketch",
        "by **tideturner** » Sun Nov 29, 2026 7:40 pm",
        "by **morwenna** » Mon Nov 30, 2026 9:02 am",
        "Solvent did it.",
    ]
    found = [next(i for i, line in enumerate(lines) if line.startswith(s)) for s in starts]
    assert found == sorted(found), lines
    for gone in ("Posts:", "Joined:", "Fair tides", "Board index", "Powered by"):
        assert gone not in text
    assert "morwenna" not in [line.strip() for line in lines]  # the profile's name alone


def test_a_quotes_opening_cite_is_a_line_of_its_own() -> None:
    """ "<blockquote><cite>morwenna wrote:</cite>The clutch…" read "morwenna wrote:The
    clutch…": a cite before the quoted words names who is quoted, on the quote's first line.
    A cite after them, in their line, stays there."""
    quote = "<blockquote><cite>morwenna wrote:</cite>The clutch cone looks fine to me.</blockquote>"
    post = (
        '<div class="post hentry"><h3 class="post-title">New planks for the pilot gig</h3>'
        f'<div class="entry-content">{POST}{quote}Grease on the cone will do it.</div></div>'
    )
    html = blog_page("Slipway Notes: New planks for the pilot gig", post)
    text = to_markdown(extract(html), header=False)
    assert "> *morwenna wrote:*  \n> The clutch cone looks fine to me." in text
    after = html.replace(
        "<cite>morwenna wrote:</cite>The clutch cone looks fine to me.",
        "The clutch cone looks fine to me. <cite>Morwenna</cite>",
    )
    assert "> The clutch cone looks fine to me. *Morwenna*" in to_markdown(
        extract(after), header=False
    )


def test_readers_comments_under_a_post_are_no_thread() -> None:
    """Comments shaped as posts (a name and a time over each) under a blog's post are the
    comments, dropped, not a thread that would stand for the post."""
    comments = "".join(
        f'<div class="comment-body"><div class="comment-author vcard">{name} · March {day}, '
        f"2026 at 2:56 AM</div><p>I feel the same about the new planks, well done on the "
        f"steaming.</p></div>"
        for name, day in (("Ana", 10), ("Ben", 11), ("Cy", 12))
    )
    post = (
        '<div class="post hentry"><h3 class="post-title">New planks for the pilot gig</h3>'
        f'<div class="entry-content">{POST}</div></div>'
        f'<div class="comments-area"><h3>3 thoughts</h3>{comments}</div>'
    )
    text = to_markdown(extract(blog_page("Slipway Notes: New planks for the pilot gig", post)))
    assert "The old gig came into the shed" in text
    assert "well done on the steaming" not in text


ESSAY = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>What a year of council minutes taught me</title></head><body>
<article><div><section><div>
<h1>What a year of council minutes taught me</h1>
<p>Last winter I read every set of minutes the Eastmoor parish council had published since 2020.
I expected scandal. What I found was quieter than that, and harder to fix.</p>
<p>Roughly one meeting in six approved spending that no later meeting ever mentioned again.</p>
<h2>The missing follow-up</h2>
<p>The clerk kept the actions in a notebook that nobody else could read. When she retired, the
notebook went with her, and so did the list of who had promised what.</p>
<blockquote class="{quote_class}"><p>If you want to know what a council forgot, read what it
agreed.</p></blockquote>
<p>I will post the full table of approvals next week.</p>
</div></section></div></article></body></html>"""


def test_a_heading_between_paragraphs_stays_whatever_class_a_quotation_carries() -> None:
    """A blockquote classed like the body's own blocks ("body-text", Medium's
    "pw-post-body-paragraph") made the paragraphs around it the article's parts, and the
    section's heading between them was dropped: its words no longer found, its structure gone."""
    for quote_class in ("body-text", "pw-post-body-paragraph", "article-text", "quote"):
        article = extract(ESSAY.replace("{quote_class}", quote_class))
        headings = [b.text for b in article.blocks if b.kind.value == "heading"]
        assert headings == ["The missing follow-up"], quote_class
        texts = [b.text for b in article.blocks]
        assert texts.index("The missing follow-up") == 2, quote_class
        assert "## The missing follow-up" in to_markdown(article)
