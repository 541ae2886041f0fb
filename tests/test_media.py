"""Recordings and videos in an article: a linked line where the player was, in every output."""

from __future__ import annotations

from pathlib import Path

from reader.extract import extract_article, feed_article, to_markdown, to_text
from reader.models import Article, BlockKind, Entry
from reader.store import Store

DATA = Path(__file__).parent / "data"
URL = "https://news.example.com/2024/media-recording.html"


def recording() -> Article:
    return extract_article((DATA / "media-recording.html").read_bytes(), URL)


def media(article: Article) -> list[tuple[str, str | None]]:
    return [(b.text, b.inlines[0].href) for b in article.blocks if b.kind == BlockKind.MEDIA]


def test_each_playable_recording_and_video_becomes_a_linked_line_in_its_place() -> None:
    article = recording()
    assert media(article) == [
        ("Audio (MP3)", "https://news.example.com/media/2026/linnet-crew.mp3"),
        # A <source> with an address of its own, past one streamed from a blob:.
        (
            "Video: The Linnet leaving harbour, 1988 archive film",
            "https://news.example.com/media/archive/linnet-1988.webm",
        ),
        # "YouTube video player" names the player, not the film; its link is the film's page.
        ("Video (youtube.com)", "https://www.youtube.com/watch?v=Xk3dLinnet"),
    ]
    texts = [b.text for b in article.blocks]
    # In the story's order, with the player's box: its label and its credit.
    at = texts.index("Audio (MP3)")
    assert texts[at - 1 : at + 2] == [
        "Listen to the interview",
        "Audio (MP3)",
        "Recorded by Mira Holt",
    ]
    assert texts.index("Video (youtube.com)") == len(texts) - 2


def test_players_with_nothing_to_open_stay_dropped() -> None:
    hrefs = {href for _, href in media(recording())}
    # a blob: stream, a looping silent clip standing for a picture, an ad frame, a script link
    assert not any(
        h and ("blob:" in h or "waves.mp4" in h or "ads.example" in h or "javascript" in h)
        for h in hrefs
    )
    assert len(hrefs) == 3


def test_markdown_links_the_recording_and_plain_text_gives_its_address() -> None:
    article = recording()
    markdown, text = to_markdown(article), to_text(article)
    assert "[Audio (MP3)](<https://news.example.com/media/2026/linnet-crew.mp3>)" in markdown
    assert "\nAudio (MP3) <https://news.example.com/media/2026/linnet-crew.mp3>\n" in text


def test_a_media_line_survives_the_cache(tmp_path: Path) -> None:
    store = Store(tmp_path)
    try:
        store.put_article(URL, recording())
        cached = store.article(URL)
        assert cached is not None and media(cached) == media(recording())
    finally:
        store.close()


def test_a_feeds_own_text_keeps_its_recording() -> None:
    entry = Entry(
        id="ep-12",
        feed_url="https://radio.example/podcast.xml",
        title="Episode 12: the harbour wall",
        link="https://radio.example/episodes/12",
    )
    html = (
        "<p>This week: who pays to rebuild the harbour wall.</p>"
        '<audio controls><source src="/audio/ep12.ogg" type="audio/ogg"></audio>'
    )
    article = feed_article(entry, html)
    assert article is not None
    assert media(article) == [("Audio (OGG)", "https://radio.example/audio/ep12.ogg")]


def test_the_demos_recording_is_a_media_line_whose_link_plays() -> None:
    import httpx

    from reader.demo.server import DemoServer

    with DemoServer() as server:
        url = server.base_url + "/gazette/2026/11/24/harbour-crane-strike.html"
        article = extract_article(httpx.get(url).content, url)
        [(label, href)] = media(article)
        assert label == "Audio (WAV)" and href is not None
        texts = [b.text for b in article.blocks]
        assert texts[texts.index(label) + 1].startswith("Listen: Dave Pringle")
        recording = httpx.get(href)
        assert recording.status_code == 200
        assert recording.headers["content-type"] == "audio/wav"
        assert recording.content.startswith(b"RIFF")


def test_the_reading_view_shows_the_address_to_copy() -> None:
    from tests.tui_pilot import view_lines

    lines = [line.rstrip() for line in view_lines(recording(), 60)]
    at = next(i for i, line in enumerate(lines) if "Audio (MP3)" in line)
    assert lines[at] == "▶ Audio (MP3)"
    # The address on its own line, under the label, not the marker.
    assert lines[at + 1] == "  https://news.example.com/media/2026/linnet-crew.mp3"


STORY = """
<p>The campaign to save the island ferry has spread online, with thousands sharing posts under
the same tag since the council's decision on Monday evening.</p>
<p>Residents gathered at the quay on Tuesday morning, and photographs and videos of the crowd
have been shared widely since, several of them by the campaign's own accounts.</p>
"""


def social(embeds: str) -> Article:
    page = (
        f"<html><body><article><h1>Ferry protest</h1>{STORY}{embeds}{STORY}</article></body></html>"
    )
    return extract_article(page, URL)


def test_embedded_posts_become_linked_lines_naming_who_posted_them() -> None:
    embeds = """
    <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Fr3y/"
      data-instgrm-version="14"><div><a href="https://www.instagram.com/p/Fr3y/">
      <div>View this post on Instagram</div></a>
      <p><a href="https://www.instagram.com/p/Fr3y/">A post shared by Save Our Ferry
      (@saveourferry)</a></p></div></blockquote>
    <blockquote class="tiktok-embed" cite="https://www.tiktok.com/@quayside/video/7301"
      data-video-id="7301"><section><a target="_blank" title="@quayside"
      href="https://www.tiktok.com/@quayside">@quayside</a> The crowd at the quay
      <a title="♬ original sound" href="https://www.tiktok.com/music/x">♬ original sound</a>
      </section></blockquote>
    <div class="fb-post" data-href="https://www.facebook.com/harbourferries/posts/991"></div>
    <iframe src="https://social.example/@harbourcouncil/1130/embed" class="mastodon-embed"
      width="400"></iframe>
    <iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fsaveourferry%2Fvideos%2F55&amp;show_text=false"
      title="Facebook video"></iframe>
    """
    assert media(social(embeds)) == [
        ("Instagram post: Save Our Ferry (@saveourferry)", "https://www.instagram.com/p/Fr3y/"),
        ("TikTok video: @quayside", "https://www.tiktok.com/@quayside/video/7301"),
        ("Facebook post (facebook.com)", "https://www.facebook.com/harbourferries/posts/991"),
        ("Mastodon post (social.example)", "https://social.example/@harbourcouncil/1130"),
        ("Facebook video (facebook.com)", "https://www.facebook.com/saveourferry/videos/55"),
    ]
    assert "View this post" not in to_text(social(embeds))


def test_an_embedded_tweet_stays_a_quotation() -> None:
    tweet = """<blockquote class="twitter-tweet"><p lang="en">We will run the ferry for as long
      as we are able to.</p>&mdash; Island Ferries (@islandferries)
      <a href="https://twitter.com/islandferries/status/123">June 2, 2025</a></blockquote>"""
    article = social(tweet)
    assert not media(article)
    quote = [b.text for b in article.blocks if b.kind == BlockKind.QUOTE]
    assert quote == [
        "We will run the ferry for as long as we are able to.",
        "— Island Ferries (@islandferries) June 2, 2025",
    ]


def test_control_characters_in_a_player_or_a_post_never_stop_extraction() -> None:
    # lxml refuses them in a tree: a page or a feed's text given as a string held them as they
    # were (a page's bytes are cleaned as they are decoded).
    embeds = (
        '<iframe src="https://www.youtube.com/embed/Xk3d" title="Linnet\x1b]0;pwned\x07 film">'
        '</iframe><blockquote class="instagram-media" data-instgrm-permalink='
        '"https://www.instagram.com/p/Fr3y/"><p>A post shared by Save\x1b[31m Our Ferry</p>'
        "</blockquote>"
    )
    assert [text for text, _ in media(social(embeds))] == [
        "Video: Linnet film",
        "Instagram post: Save Our Ferry",
    ]
    entry = Entry("e1", "https://news.example.com/feed", "Ferry protest", URL)
    from_feed = feed_article(entry, f"<p>Residents gathered at the quay.</p>{embeds}")
    assert from_feed is not None
    assert [b.text for b in from_feed.blocks if b.kind == BlockKind.MEDIA] == [
        "Video: Linnet film",
        "Instagram post: Save Our Ferry",
    ]


def test_a_chart_embedded_from_datawrapper_or_flourish_becomes_a_linked_line() -> None:
    charts = """
    <iframe title="Share of patients seen within four hours, July to October"
      src="https://datawrapper.dwcdn.net/Ab3xY/2/" width="600" height="400"></iframe>
    <iframe title="Interactive chart" src="https://flo.uri.sh/visualisation/1234567/embed"></iframe>
    <iframe title="Chart: Beds open, by ward" src="https://datawrapper.dwcdn.net/Cd4zW/1/"></iframe>
    <iframe src="https://tracker.example/pixel.html" width="1" height="1"></iframe>
    <div class="flourish-embed flourish-chart" data-src="visualisation/7654321"><script
      src="https://public.flourish.studio/resources/embed.js"></script><noscript><img
      src="https://public.flourish.studio/visualisation/7654321/thumbnail" width="100%"
      alt="chart visualization"></noscript></div>
    """
    assert media(social(charts)) == [
        (
            "Chart: Share of patients seen within four hours, July to October",
            "https://datawrapper.dwcdn.net/Ab3xY/2/",
        ),
        ("Chart (flo.uri.sh)", "https://flo.uri.sh/visualisation/1234567/embed"),
        # Datawrapper's own "Chart:" in its title is said once.
        ("Chart: Beds open, by ward", "https://datawrapper.dwcdn.net/Cd4zW/1/"),
        # Flourish's script embed: one line, not its thumbnail's as well.
        ("Chart (flourish.studio)", "https://public.flourish.studio/visualisation/7654321/"),
    ]
    assert not [b for b in social(charts).blocks if b.kind == BlockKind.IMAGE]


def story(embeds: str) -> Article:
    """A story with its players between two paragraphs each, in the shapes sites wrap them."""
    body = "".join(
        f"<p>Paragraph {n} of the harbour story, long enough to be read as the article's own "
        f"text by any measure the extractor has.</p>{embed}"
        for n, embed in enumerate([*embeds.split("<!-- -->"), ""])
    )
    return extract_article(f"<html><body><article><h1>Nets</h1>{body}</article></body></html>", URL)


def test_a_player_in_its_responsive_wrapper_keeps_its_line() -> None:
    embeds = "<!-- -->".join(
        [
            '<div class="wrapper"><iframe title="Mending nets" '
            'src="https://player.vimeo.com/video/123456"></iframe></div>',
            '<div class="video-container"><div class="inner"><iframe title="The quay at dawn" '
            'src="https://www.youtube.com/embed/abcdEFGhijk"></iframe><div class="play"></div>'
            "</div></div>",
            '<div class="ratio ratio-16x9"><iframe src="https://www.dailymotion.com/embed/video/x8a">'
            "</iframe></div>",
            '<div class="embed-responsive"><video controls src="/film/nets.mp4"></video></div>',
            '<div class="datawrapper-chart"><iframe title="Landings by year" aria-label="Bar Chart"'
            ' src="https://datawrapper.dwcdn.net/AbC12/3/"></iframe></div>',
        ]
    )
    assert media(story(embeds)) == [
        ("Video: Mending nets", "https://vimeo.com/123456"),
        ("Video: The quay at dawn", "https://www.youtube.com/watch?v=abcdEFGhijk"),
        ("Video (dailymotion.com)", "https://www.dailymotion.com/video/x8a"),
        ("Video (MP4)", "https://news.example.com/film/nets.mp4"),
        ("Chart: Landings by year", "https://datawrapper.dwcdn.net/AbC12/3/"),
    ]
    # Each in its place, between the paragraphs around it.
    kinds = [b.kind for b in story(embeds).blocks if b.kind != BlockKind.HEADING]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.MEDIA] * 5 + [BlockKind.PARAGRAPH]


def test_a_wordpress_or_ghost_embed_keeps_its_line_and_its_caption() -> None:
    embeds = "<!-- -->".join(
        [
            '<figure class="wp-block-embed is-type-video wp-block-embed-youtube"><div '
            'class="wp-block-embed__wrapper"><iframe title="Mending a trawl net by hand" '
            'src="https://www.youtube.com/embed/abcdEFGhijk?feature=oembed"></iframe></div>'
            "<figcaption>My cousin filmed him in 1998.</figcaption></figure>",
            '<figure class="kg-card kg-embed-card"><iframe '
            'src="https://www.youtube-nocookie.com/embed/zzzzEFGhijk?start=42"></iframe>'
            "<figcaption>The boats coming in, filmed from the pier.</figcaption></figure>",
        ]
    )
    blocks = [(b.kind, b.text) for b in story(embeds).blocks]
    at = blocks.index((BlockKind.MEDIA, "Video: Mending a trawl net by hand"))
    assert blocks[at + 1] == (BlockKind.CAPTION, "My cousin filmed him in 1998.")
    assert media(story(embeds))[1] == (
        "Video (youtube.com)",
        "https://www.youtube.com/watch?v=zzzzEFGhijk&t=42",
    )


def test_an_embedded_map_is_a_linked_line_and_a_wrapper_with_words_stays() -> None:
    embeds = "<!-- -->".join(
        [
            '<iframe src="https://www.google.com/maps/embed?pb=!1m18" '
            'title="Map of the Port of New Orleans"></iframe>',
            '<div class="map"><iframe src="https://www.openstreetmap.org/export/embed.html?bbox=1"'
            "></iframe></div>",
            # The wrapper holds a label of its own: the line takes the player's place only.
            '<div class="clip"><h4>Watch the vote</h4><iframe '
            'src="https://www.youtube.com/embed/videoseries?list=PL12"></iframe></div>',
        ]
    )
    article = story(embeds)
    assert media(article) == [
        ("Map: Map of the Port of New Orleans", "https://www.google.com/maps/embed?pb=!1m18"),
        ("Map (openstreetmap.org)", "https://www.openstreetmap.org/export/embed.html?bbox=1"),
        ("Video (youtube.com)", "https://www.youtube.com/embed/videoseries?list=PL12"),
    ]
    texts = [b.text for b in article.blocks]
    assert texts[texts.index("Video (youtube.com)") - 1] == "Watch the vote"


def test_facebooks_comment_box_and_page_box_are_no_post() -> None:
    """Its plugins for a post and a video are posts; its comments box and the site's page box,
    in their wrappers (whom a line would now keep), are the site's furniture."""
    embeds = (
        '<div class="fb-comments"><iframe src="https://www.facebook.com/plugins/comments.php?'
        'href=https%3A%2F%2Fnews.example.com%2F2024%2Fferry&amp;numposts=10"></iframe></div>'
        "<!-- -->"
        '<div class="fb-page"><iframe src="https://www.facebook.com/plugins/page.php?'
        'href=https%3A%2F%2Fwww.facebook.com%2Fharbourferries"></iframe></div>'
    )
    assert media(story(embeds)) == []


def test_a_player_links_to_the_page_of_what_it_plays() -> None:
    """Vimeo, Dailymotion, Spotify and SoundCloud link to the video's or the episode's page, as
    YouTube's player links to its watch page: the player alone shows no title and no channel."""
    embeds = "<!-- -->".join(
        [
            '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;color=fff">'
            "</iframe>",
            '<iframe src="//www.dailymotion.com/embed/video/x7tgad0?autoplay=0"></iframe>',
            '<iframe title="Spotify Embed: Tides and the people who read them" '
            'src="https://open.spotify.com/embed/episode/5Xt5DXGzch68nYYamXrNxZ?utm_source=generator">'
            "</iframe>",
            '<iframe src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/harbourradio'
            '/night-shift&amp;color=%23ff5500"></iframe>',
            # The API's address of a track opens no page: the player's own address stays.
            '<iframe title="Harbour radio" src="https://w.soundcloud.com/player/?url=https%3A//api.'
            'soundcloud.com/tracks/293"></iframe>',
            '<iframe src="https://www.youtube.com/embed/live_stream?channel=UCa1b2c3d4"></iframe>',
        ]
    )
    assert media(story(embeds)) == [
        ("Video (vimeo.com)", "https://vimeo.com/76979871/8272103f6e"),
        ("Video (dailymotion.com)", "https://www.dailymotion.com/video/x7tgad0"),
        (
            "Audio: Tides and the people who read them",
            "https://open.spotify.com/episode/5Xt5DXGzch68nYYamXrNxZ",
        ),
        ("Audio (soundcloud.com)", "https://soundcloud.com/harbourradio/night-shift"),
        (
            "Audio: Harbour radio",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293",
        ),
        ("Video (youtube.com)", "https://www.youtube.com/channel/UCa1b2c3d4/live"),
    ]


AMP_STORY = """<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>Ferry protest</title></head><body><article><h1>Ferry protest</h1>{STORY}{embeds}{STORY}
</article></body></html>"""


def amp_story(embeds: str) -> Article:
    return extract_article(AMP_STORY.format(STORY=STORY, embeds=embeds), URL)


def test_an_amp_pages_players_are_linked_lines_as_a_plain_pages_are() -> None:
    """AMP's own elements for players (drawn by its runtime, which a reader runs none of) give
    the line the `<iframe>`, `<video>` or `<audio>` they stand for gives."""
    embeds = """
    <amp-youtube data-videoid="mGENRKrdoGY" layout="responsive" width="480" height="270"
      title="Waves over the wall"></amp-youtube>
    <amp-youtube data-live-channelid="UCa1b2c3d4" width="480" height="270"></amp-youtube>
    <amp-vimeo data-videoid="27246366" width="500" height="281"></amp-vimeo>
    <amp-dailymotion data-videoid="x2oikl3" width="480" height="270"></amp-dailymotion>
    <amp-soundcloud data-playlistid="16720" height="166" layout="fixed-height"></amp-soundcloud>
    <amp-iframe title="Map of the quay" src="https://www.openstreetmap.org/export/embed.html?bbox=1"
      width="600" height="400" sandbox="allow-scripts"><amp-img placeholder layout="fill"
      src="/img/map.png"></amp-img></amp-iframe>
    <amp-audio src="/media/quay-interview.mp3" title="The harbour master on the vote"><div
      fallback><p>Your browser doesn't support HTML5 audio</p></div></amp-audio>
    <amp-video controls width="640" height="360"><source src="/media/quay.webm"
      type="video/webm"></amp-video>
    <amp-video autoplay loop width="640" height="360" src="/media/loop.mp4"></amp-video>
    """
    assert media(amp_story(embeds)) == [
        ("Video: Waves over the wall", "https://www.youtube.com/watch?v=mGENRKrdoGY"),
        ("Video (youtube.com)", "https://www.youtube.com/channel/UCa1b2c3d4/live"),
        ("Video (vimeo.com)", "https://vimeo.com/27246366"),
        ("Video (dailymotion.com)", "https://www.dailymotion.com/video/x2oikl3"),
        (
            "Audio (soundcloud.com)",
            "https://w.soundcloud.com/player/?url=https://api.soundcloud.com/playlists/16720",
        ),
        ("Map: Map of the quay", "https://www.openstreetmap.org/export/embed.html?bbox=1"),
        (
            "Audio: The harbour master on the vote",
            "https://news.example.com/media/quay-interview.mp3",
        ),
        ("Video (WEBM)", "https://news.example.com/media/quay.webm"),
    ]
    # Their placeholders and fallbacks went with them; the looping clip is a picture's.
    text = to_text(amp_story(embeds))
    assert "support HTML5" not in text
    assert "map.png" not in to_markdown(amp_story(embeds))


def test_an_amp_pages_tweet_is_a_quotation_linked_to_the_tweet() -> None:
    """`<amp-twitter>`'s placeholder is the tweet's words, as a plain page's `<blockquote
    class="twitter-tweet">`: a quotation, its author linking to the tweet as the date does
    there. With no placeholder, a line; an Instagram post's is one as on a plain page."""
    embeds = """
    <amp-twitter width="375" height="472" layout="responsive" data-tweetid="885634330868850689">
      <blockquote placeholder class="twitter-tweet"><p>Huge seas at the harbour this
      morning</p>&mdash; Coast Watch (@coastwatch)</blockquote></amp-twitter>
    <amp-twitter data-tweetid="885634330868850690" width="375" height="472"><blockquote
      placeholder><p>Ferries cancelled until Friday</p>&mdash; Island Ferries (@islandferries)
      <a href="https://twitter.com/islandferries/status/885634330868850690">December 1,
      2026</a></blockquote></amp-twitter>
    <amp-twitter data-tweetid="885634330868850691" width="375" height="472"></amp-twitter>
    <amp-instagram data-shortcode="B8QaZW4AQY_" width="400" height="400"></amp-instagram>
    <amp-facebook data-href="https://www.facebook.com/harbourferries/posts/991" width="552"
      height="310"></amp-facebook>
    """
    article = amp_story(embeds)
    quotes = [b for b in article.blocks if b.kind == BlockKind.QUOTE]
    assert [b.text for b in quotes] == [
        "Huge seas at the harbour this morning",
        "— Coast Watch (@coastwatch)",
        "Ferries cancelled until Friday",
        "— Island Ferries (@islandferries) December 1, 2026",
    ]
    assert [i.href for i in quotes[1].inlines if i.href] == [
        "https://twitter.com/i/status/885634330868850689"
    ]
    # A link of its own to the tweet is kept as it is.
    assert [i.href for i in quotes[3].inlines if i.href] == [
        "https://twitter.com/islandferries/status/885634330868850690"
    ]
    assert media(article) == [
        ("Tweet (twitter.com)", "https://twitter.com/i/status/885634330868850691"),
        ("Instagram post (instagram.com)", "https://www.instagram.com/p/B8QaZW4AQY_/"),
        ("Facebook post (facebook.com)", "https://www.facebook.com/harbourferries/posts/991"),
    ]
    assert "> — [Coast Watch (@coastwatch)](<https://twitter.com/i/status/885634330868850689>)" in (
        to_markdown(article)
    )


def test_a_music_sites_button_or_widget_is_no_recording() -> None:
    embeds = (
        '<iframe src="https://open.spotify.com/follow/1/?uri=spotify:artist:6sFIWsNpZYqfjUpaCgueju"'
        ' width="300" height="56"></iframe>'
    )
    assert media(story(embeds)) == []


def test_a_players_page_taken_from_its_query_is_a_web_address_of_its_site() -> None:
    """A SoundCloud player names its track's page in its query, as Facebook's plugin its post,
    decoded there: an ESC written "%1B" is encoded again, never a control character in the
    link (lxml refused it, and the page's extraction stopped). An AMP Facebook post
    names its address: one of another site is no Facebook post."""
    embeds = (
        '<iframe src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/harbour'
        '%1B%5D0%3Bpwned%07/night"></iframe><!-- --><iframe src="https://w.soundcloud.com/'
        'player/?url=https%3A//tracker.example/soundcloud.com/x"></iframe><!-- --><iframe '
        'src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com'
        '%2Fferry%1B%5B31m%2Fposts%2F7"></iframe>'
    )
    assert media(story(embeds)) == [
        ("Audio (soundcloud.com)", "https://soundcloud.com/harbour%1B]0;pwned%07/night"),
        (
            "Audio (soundcloud.com)",
            "https://w.soundcloud.com/player/?url=https%3A//tracker.example/soundcloud.com/x",
        ),
        ("Facebook post (facebook.com)", "https://www.facebook.com/ferry%1B[31m/posts/7"),
    ]
    facebook = (
        '<amp-facebook data-href="https://tracker.example/?u=https://www.facebook.com/x/posts/1"'
        ' width="552" height="310"></amp-facebook>'
    )
    assert media(amp_story(facebook)) == []


def test_an_amp_tweet_with_no_signature_is_linked_after_its_words() -> None:
    embeds = """<amp-twitter data-tweetid="885634330868850692" width="375" height="472">
      <blockquote placeholder><p>Harbour closed again today</p></blockquote></amp-twitter>"""
    quotes = [b for b in amp_story(embeds).blocks if b.kind == BlockKind.QUOTE]
    assert [b.text for b in quotes] == ["Harbour closed again today", "— Tweet"]
    assert [i.href for i in quotes[1].inlines if i.href] == [
        "https://twitter.com/i/status/885634330868850692"
    ]


# A podcast site's episode page: the player's widget (the file and a "Download" link to it),
# and chapters whose times link within the page.
EPISODE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Episode 31: The ferrymen of Fowey — Estuary Hour</title></head><body>
<header><a href="/">Estuary Hour</a> <a href="/episodes">Episodes</a></header>
<main>
<h1>Episode 31: The ferrymen of Fowey</h1>
<div class="episode-player"><audio controls preload="none" src="https://cdn.estuary.example/31.mp3">
</audio><a href="https://cdn.estuary.example/31.mp3" download>Download MP3 (38 MB)</a></div>
<section class="notes">
<h2>About this episode</h2>
<p>Three generations of one family have rowed passengers across the river at Fowey. We spent
a week on the crossing with the youngest of them, who took over the oars last spring.</p>
<h3>Chapters</h3>
<ul>
<li><a href="#t=0">00:00</a> Welcome</li>
<li><a href="#t=251">04:11</a> The first crossing of the day</li>
<li><a href="#t=1204">20:04</a> Fog on the river</li>
<li><a href="#t=2570">42:50</a> Handing over the oars</li>
</ul>
<h3>Credits</h3>
<p>Presented by Tamsin Hocking. Produced by Joe Pascoe for Estuary Hour.</p>
</section>
</main>
</body></html>"""


def test_a_podcast_players_widget_becomes_its_line_and_its_chapters_stay() -> None:
    article = extract_article(EPISODE, "https://estuary.example/episodes/31")
    # One line for the recording, not lost with its "Download" link's row of controls.
    assert media(article) == [("Audio (MP3)", "https://cdn.estuary.example/31.mp3")]
    texts = [b.text for b in article.blocks]
    assert "Download MP3 (38 MB)" not in " ".join(texts)
    # The chapters are the episode's contents, not a ticker of other stories.
    at = texts.index("Chapters")
    assert texts[at + 1 : at + 6] == [
        "00:00 Welcome",
        "04:11 The first crossing of the day",
        "20:04 Fog on the river",
        "42:50 Handing over the oars",
        "Credits",
    ]
    assert {b.kind for b in article.blocks[at + 1 : at + 5]} == {BlockKind.LIST_ITEM}


# A public broadcaster's story: its audio in a widget of controls above the text, beside it.
BROADCAST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>A river town moves its school uphill : Coast Radio</title></head><body><main>
<article class="story">
<div class="storytitle"><h1>A river town moves its school uphill</h1></div>
<div class="dateblock"><time datetime="2026-11-30T06:00:00-05:00">November 30, 2026</time></div>
<div class="audio-module"><div class="audio-module-controls"><button>Listen</button>
<span>· 3:48</span></div><div class="audio-module-title"><p>3-Minute Listen</p></div>
<ul class="audio-module-more-tools"><li><a>Playlist</a></li><li><a>Download</a></li>
<li><a href="/transcripts/river-school">Transcript</a></li></ul>
<audio src="https://media.coastradio.example/2026/11/river-school.mp3"></audio></div>
<div id="storytext" class="storytext">
<p>The primary school in Lower Ferry has flooded four times since 2019. This winter the
pupils will start the term in a new building on the hill above the town.</p>
<p>"We stopped counting the sandbags," said head teacher Ruth Penrose. "Moving was the only
answer the children could live with."</p>
<p>The county paid $12 million for the new site, which stands forty feet above the river at
its highest recorded flood.</p>
</div>
</article></main></body></html>"""


def test_a_recording_in_a_widget_beside_the_story_keeps_its_line() -> None:
    article = extract_article(BROADCAST, "https://www.coastradio.example/2026/11/30/river-school")
    assert media(article) == [
        ("Audio (MP3)", "https://media.coastradio.example/2026/11/river-school.mp3")
    ]
    texts = [b.text for b in article.blocks]
    # Above the text, where the page has it; its controls ("Playlist", "3-Minute Listen") gone.
    assert texts.index("Audio (MP3)") < texts.index(next(t for t in texts if "Lower Ferry" in t))
    assert not any("Playlist" in t or "Listen" in t for t in texts)


def test_a_players_caption_stays_with_its_line() -> None:
    # A player named so, with a caption saying what it plays: the caption is the article's.
    player = (
        '<figure class="audio-player"><audio controls src="/audio/penrose.mp3"></audio>'
        "<figcaption>Listen: Ruth Penrose on the move</figcaption></figure>"
    )
    page = BROADCAST.replace("<p>The county paid", f"{player}<p>The county paid")
    article = extract_article(page, "https://www.coastradio.example/2026/11/30/river-school")
    texts = [b.text for b in article.blocks]
    assert "Listen: Ruth Penrose on the move" in texts
    assert ("Audio (MP3)", "https://www.coastradio.example/audio/penrose.mp3") in media(article)


TIDELINE = """<!DOCTYPE html><html lang="en"><head><title>Episode 48: The ferry that
stayed | Tideline | Harbour Public Radio</title></head><body>
<header><a href="/">Harbour Public Radio</a><a href="/donate/">Donate</a></header>
<main><div class="episode">
<p class="series"><a href="/podcasts/tideline">Tideline</a></p>
<h1>Episode 48: The ferry that stayed</h1>
<p class="meta">Hosted by Ines Varga · November 3, 2026 · 31 min</p>
<audio controls src="https://media.harbourradio.example/tl/tl048.mp3"></audio>
<div class="subscribe-links"><a>Apple Podcasts</a><a>Spotify</a><a>RSS</a></div>
<div class="episode-notes"><p>The county wanted to retire the Gull Point ferry in 2019. Seven years on
it still runs, and Ines spends a day on board to find out why.</p></div>
<h2>Transcript</h2>
<div class="transcript">
<p><strong>INES VARGA:</strong> The first crossing leaves at 6:10, and the deckhand already knows
everyone's coffee order by name.</p>
<p><strong>TOMAS REYES:</strong> You learn the regulars in a week. You learn the tides in ten
years, if you are lucky and listen to the older hands.</p>
<p><strong>INES VARGA:</strong> The county's last report called the boat a liability. The riders
call it the only bus that never leaves without them.</p>
<p><strong>TOMAS REYES:</strong> Forty minutes across, forty minutes back. Nobody has found a
cheaper bridge yet, and believe me, they have looked.</p>
</div>
<p class="transcript-note">This transcript was made with software and checked by a producer.
Please check the audio before quoting.</p>
</div>
<section class="more-episodes"><h2>More episodes</h2><ul><li><a href="/e47">Episode 47</a></li>
</ul></section></main></body></html>"""


def test_a_podcast_episode_keeps_its_recording_and_its_transcript_heading() -> None:
    # The player above the notes, past its row of "Apple Podcasts · Spotify" links, and the
    # "Transcript" heading between the notes and the transcript: the episode's, as they are.
    url = "https://www.harbourradio.example/podcasts/tideline/episode-48"
    article = extract_article(TIDELINE, url)
    assert media(article) == [("Audio (MP3)", "https://media.harbourradio.example/tl/tl048.mp3")]
    texts = [b.text for b in article.blocks]
    notes = next(t for t in texts if t.startswith("The county wanted"))
    assert texts.index("Audio (MP3)") < texts.index(notes) < texts.index("Transcript")
    heading = next(b for b in article.blocks if b.text == "Transcript")
    assert heading.kind == BlockKind.HEADING
    assert texts.index("Transcript") + 1 == texts.index(
        next(t for t in texts if t.startswith("INES VARGA: The first"))
    )
    assert not any("Spotify" in t or "Episode 47" in t for t in texts)
    # The player inside the notes' box: the notes stay, with the line above them.
    inside = TIDELINE.replace(
        '<audio controls src="https://media.harbourradio.example/tl/tl048.mp3"></audio>', ""
    ).replace(
        '<div class="episode-notes">',
        '<div class="episode-notes"><audio controls src="/tl/tl048.mp3"></audio>',
    )
    texts = [b.text for b in extract_article(inside, url).blocks]
    assert texts.index("Audio (MP3)") + 1 == texts.index(notes)
    assert "Transcript" in texts
