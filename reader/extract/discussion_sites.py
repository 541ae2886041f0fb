"""The discussion sites whose markup says a page is a thread, and how each names its parts.

Each reader answers a `Thread` only when the page has the site's whole shape (the opening post
and the box its replies are in), so a news story that borrows a class name is read as a story:
Hacker News's item page (`table.fatitem` + `tr.athing.comtr`), an old.reddit thread (one
`div.thing.link` and its `div.commentarea`), a GitHub issue or pull request (`.js-discussion`
of `.js-comment-container`s) and a Stack Overflow question (`#question` and `#answers`); and any
forum that marks its thread in schema.org microdata (`schema_thread`). Sites read in modules of
their own: new reddit (`new_reddit`), Lobsters (`lobsters`) and GitHub's React issue pages
(`github_react`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ..dates import zone_unstated
from ..safe import safe_line
from ..urls import absolute_url, page_address
from .discussion_json_ld import declared_thread
from .discussion_markup import first, has_class, post_time, stated_time, text_of
from .discussions import Post, Thread, contents
from .github_react import github_react_issue
from .lobsters import lobsters
from .new_reddit import new_reddit


def hacker_news(doc: HtmlElement, base: str) -> Thread | None:
    """A Hacker News item: the submission, its text, and the comment tree, each comment's
    depth in its indent cell."""
    item = first(doc, f"//table[{has_class('fatitem')}]")
    if item is None:
        return None
    comments = doc.xpath(f"//tr[{has_class('athing')} and {has_class('comtr')}]")
    title = first(item, f".//span[{has_class('titleline')}]/a")
    if title is None:
        return None
    link = absolute_url(base, title.get("href", ""))
    age = first(item, f".//span[{has_class('age')}]")
    text = first(item, f".//div[{has_class('toptext')}]")
    posts = []
    for comment in comments:
        body = first(comment, f".//div[{has_class('commtext')}]")
        if body is None:
            continue  # a deleted or flagged comment: no words
        indent = first(comment, f".//td[{has_class('ind')}]")
        depth = indent.get("indent", "0") if indent is not None else "0"
        comment_age = first(comment, f".//span[{has_class('age')}]")
        posts.append(
            Post(
                text_of(first(comment, f".//a[{has_class('hnuser')}]")),
                body,
                int(depth) if depth.isdigit() else 0,
                _utc(post_time(comment_age.get("title") if comment_age is not None else None)),
            )
        )
    return Thread(
        title=text_of(title),
        author=text_of(first(item, f".//a[{has_class('hnuser')}]")),
        published=_utc(post_time(age.get("title") if age is not None else None)),
        opening=contents(text) if text is not None else [],
        posts=posts,
        # An "Ask HN" links to itself: no address of its own to follow.
        link="" if not link or _hacker_news_item(link, base) else link,
        # The name its masthead prints: a site run on the same software calls itself its own.
        site_name=text_of(first(doc, f"//b[{has_class('hnname')}]")) or "Hacker News",
    )


def _utc(moment: datetime | None) -> datetime | None:
    """A Hacker News time, which its tooltip gives without a zone ("2026-12-05T09:00:00",
    without the Unix time after it on some pages): the site's times are UTC."""
    if moment is None or not (moment.tzinfo is None or zone_unstated(moment)):
        return moment
    return moment.replace(tzinfo=UTC)


def _hacker_news_item(link: str, page: str) -> bool:
    """`link` is Hacker News's page of an item (news.ycombinator.com/item?id=…), or the item
    page `page` itself wherever it is served ("item?id=42002" of an "Ask HN")."""
    return "news.ycombinator.com/item" in link or page_address(link) == page_address(page)


def old_reddit(doc: HtmlElement, base: str) -> Thread | None:
    """An old.reddit thread: the one post (`div.thing.link`) and the comments in its comment
    area, each nested as deep as the comments it sits in."""
    thing = f"div[{has_class('thing')}]"
    # A promoted post in the sidebar is a "thing link" too: the advertiser's, not the thread's.
    links = doc.xpath(
        f"//{thing}[{has_class('link')} and not({has_class('promoted')})]"
        f"[not(ancestor::div[{has_class('side')}])]"
    )
    area = first(doc, f"//div[{has_class('commentarea')}]")
    if len(links) != 1 or area is None:
        return None  # a subreddit's page of posts, not a thread
    post = links[0]
    title = first(post, f".//a[{has_class('title')}]")
    body = first(post, f".//div[{has_class('md')}]")
    # Its first time element: the submission's (an edit's comes after it).
    posted = first(post, ".//time")
    posts = []
    for comment in area.xpath(f".//{thing}[{has_class('comment')}]"):
        entry = first(comment, f"./div[{has_class('entry')}]")
        words = first(entry, f".//div[{has_class('md')}]") if entry is not None else None
        if entry is None or words is None:
            continue  # deleted: no words
        author = comment.get("data-author") or text_of(first(entry, f".//a[{has_class('author')}]"))
        depth = len(comment.xpath(f"ancestor::{thing}[{has_class('comment')}]"))
        time = first(entry, ".//time")
        posts.append(
            Post(
                safe_line(author),
                words,
                depth,
                stated_time(time),
            )
        )
    link = absolute_url(base, title.get("href", "")) if title is not None else ""
    self_post = "self" in post.get("class", "").split()
    return Thread(
        title=text_of(title),
        author=safe_line(post.get("data-author", "")),
        published=stated_time(posted),
        opening=contents(body) if body is not None else [],
        posts=posts,
        # A self-post's title links to its own thread, whatever its classes say (acc49b B7).
        link="" if self_post or page_address(link) == page_address(base) else link,
    )


def github_issue(doc: HtmlElement, base: str) -> Thread | None:
    """A GitHub issue or pull request: its first comment is the issue's text, the others
    reply to it; the timeline's events (labels, references) are the repository's bookkeeping."""
    discussion = first(doc, f"//div[{has_class('js-discussion')}]")
    if discussion is None:
        return None
    posts = []
    for container in discussion.xpath(f".//div[{has_class('js-comment-container')}]"):
        body = first(container, f".//div[{has_class('comment-body')}]")
        if body is None:
            continue
        header = first(container, f".//*[{has_class('timeline-comment-header')}]")
        where = header if header is not None else container
        time = first(where, ".//relative-time[@datetime]")
        posts.append(
            Post(
                text_of(first(where, f".//a[{has_class('author')}]")),
                body,
                when=post_time(time.get("datetime") if time is not None else None),
            )
        )
    if not posts:
        return None
    issue, replies = posts[0], posts[1:]
    title = first(doc, f"//*[{has_class('js-issue-title')}]")
    return Thread(
        title=text_of(title),
        author=issue.author,
        published=issue.when,
        opening=contents(issue.body),
        posts=replies,
    )


def stack_exchange(doc: HtmlElement, base: str) -> Thread | None:
    """A Stack Overflow (Stack Exchange) question: the question, then each answer under a
    line naming its writer, the accepted one said so."""
    question = first(doc, '//*[@id="question"]')
    answers = first(doc, '//*[@id="answers"]')
    if question is None or answers is None:
        return None
    body = first(question, f".//div[{has_class('js-post-body')}]")
    if body is None:
        return None
    author, asked = _signature(question, owner=True)
    posts = []
    for answer in answers.xpath(f".//div[{has_class('answer')}]"):
        words = first(answer, f".//div[{has_class('js-post-body')}]")
        if words is None:
            continue
        writer, answered = _signature(answer)
        accepted = "accepted-answer" in answer.get("class", "").split() or (
            answer.get("itemprop") == "acceptedAnswer"
        )
        posts.append(
            Post(writer, words, when=answered, label="Answer by", note="accepted" * accepted)
        )
    title = first(doc, f'//*[@id="question-header"]//a[{has_class("question-hyperlink")}]')
    created = first(doc, '//*[@itemprop="dateCreated"]')
    return Thread(
        title=text_of(title),
        author=author,
        published=asked or post_time(created.get("datetime") if created is not None else None),
        opening=contents(body),
        posts=posts,
        replies_heading="Answers",
    )


def _signature(post: HtmlElement, owner: bool = False) -> tuple[str, datetime | None]:
    """Who wrote a question or answer, and when: its signature's user link and tooltip time.
    An edited post signs twice, the editor first: the owner's (or the last) is the writer's."""
    signatures = post.xpath(f".//div[{has_class('post-signature')}]")
    owners = [s for s in signatures if owner and "owner" in s.get("class", "").split()]
    signature = (owners or signatures or [None])[-1]
    if signature is None:
        return "", None
    user = first(signature, './/a[contains(@href, "/users/")]')
    time = first(signature, ".//span[@title]")
    return text_of(user), post_time(time.get("title") if time is not None else None)


# schema.org's types of a thread's opening post, and of its replies, in microdata.
_OPENING_TYPES = ("DiscussionForumPosting", "Question")
_REPLY_TYPES = ("Comment", "Answer")


def _typed(names: tuple[str, ...]) -> str:
    """An XPath test that an element's `itemtype` is one of `names` (any vocabulary's address:
    "http://schema.org/Comment", "https://schema.org/Comment")."""
    return " or ".join(
        f"substring(normalize-space(@itemtype), string-length(normalize-space(@itemtype)) - "
        f'{len(name)}) = "/{name}"'
        for name in names
    )


Props = dict[str, HtmlElement]
"""A post's own microdata properties: the first element of each `itemprop` name."""


def _owned_props(doc: HtmlElement, posts: list[HtmlElement]) -> dict[HtmlElement, Props]:
    """Each post's own properties, not those of a reply nested in it: each property's owner is
    the nearest post around it. Read in one pass over the page's properties: asked post by post,
    a thread of replies nested two hundred deep took half a minute."""
    owners = set(posts)
    owned: dict[HtmlElement, Props] = {post: {} for post in posts}
    for el in doc.iter():
        names = el.get("itemprop") if isinstance(el.tag, str) else None
        if not names:
            continue
        owner = next((a for a in el.iterancestors() if a in owners), None)
        if owner is not None:
            for name in names.split():
                owned[owner].setdefault(name, el)
    return owned


def _own(props: Props, *names: str) -> HtmlElement | None:
    """The first of `names` (in their order of preference) the post has."""
    return next((props[name] for name in names if name in props), None)


def _signed(props: Props) -> tuple[str, datetime | None]:
    """A post's writer and time as its microdata names them."""
    author = _own(props, "author")
    name = first(author, './/*[@itemprop="name"]') if author is not None else None
    writer = (name.get("content") or text_of(name)) if name is not None else text_of(author)
    date = _own(props, "datePublished", "dateCreated")
    stamp = (date.get("datetime") or date.get("content")) if date is not None else None
    return safe_line(writer or ""), post_time(stamp)


def schema_thread(doc: HtmlElement, base: str) -> Thread | None:
    """A forum's thread marked in schema.org microdata (Discourse's page for readers without
    scripts, and forums like it): an opening `DiscussionForumPosting` (or `Question`) and its
    `Comment`s (or `Answer`s), each with its `text`. A news story's comments marked as
    `Comment`s sit under an `Article`: the opening post's type is what makes the page a thread."""
    opening = first(doc, f"//*[@itemscope][{_typed(_OPENING_TYPES)}]")
    if opening is None:
        return None
    replies = doc.xpath(f"//*[@itemscope][{_typed(_REPLY_TYPES)}]")
    owned = _owned_props(doc, [opening, *replies])
    text = _own(owned[opening], "text", "articleBody")
    posts = []
    # How deep each reply is: one below the nearest reply round it, found by walking up from
    # it (counting every reply round each, nested each in the last, was quadratic).
    depths: dict[HtmlElement, int] = {}
    is_reply = set(replies)
    for reply in replies:  # in the page's order: a reply round another comes first
        above = next((a for a in reply.iterancestors() if a in is_reply), None)
        depths[reply] = depths[above] + 1 if above is not None else 0
    for reply in replies:
        words = _own(owned[reply], "text")
        if words is None:
            continue
        writer, written = _signed(owned[reply])
        depth = depths[reply]
        answer = bool(reply.xpath(f"self::*[{_typed(('Answer',))}]"))
        accepted = "acceptedAnswer" in reply.get("itemprop", "").split()
        label = "Answer by" if answer else ""
        posts.append(Post(writer, words, depth, written, label, "accepted" * accepted))
    if text is None and not posts:
        return None
    author, published = _signed(owned[opening])
    headline = _own(owned[opening], "headline")
    title = (headline.get("content") or text_of(headline)) if headline is not None else ""
    return Thread(
        title=safe_line(title),
        author=author,
        published=published,
        opening=contents(text) if text is not None else [],
        posts=posts,
        replies_heading="Answers" if any(p.label for p in posts) else "Comments",
    )


SITES: tuple[Callable[[HtmlElement, str], Thread | None], ...] = (
    hacker_news,
    old_reddit,
    new_reddit,
    lobsters,
    github_issue,
    github_react_issue,
    stack_exchange,
    schema_thread,
)


# A word each site's markup cannot be without, in a class, an id or an itemtype: a page that
# names none of a site's is not its thread, told from the page's names read once, in C. Each
# reader's first XPath walks the whole page for its shape: five walks, half a millisecond of a
# small page's twenty, on every page read, which is almost never a thread. Lobsters' needs its
# comment list's class, and GitHub's React pages their issue's `data-testid` (read with the
# names for it: the two were two thirds of the pass on a news page). New reddit's, one XPath
# for its post's tag, reads every page.
_MARKS: dict[Callable[[HtmlElement, str], Thread | None], tuple[str, ...]] = {
    hacker_news: ("fatitem",),
    old_reddit: ("commentarea",),
    lobsters: ("comments",),
    github_issue: ("js-discussion",),
    github_react_issue: ("issue-body",),
    stack_exchange: ("question",),
    schema_thread: _OPENING_TYPES,
}
_NAMES = etree.XPath("//@class | //@id | //@itemtype | //@data-testid", smart_strings=False)


def discussion_thread(
    doc: HtmlElement,
    base: str,
    json_ld: list[dict[str, Any]] | None = None,
    scripted: Thread | None = None,
) -> Thread | None:
    """The page's thread when it is a discussion page of a known make, or one its JSON-LD
    declares (`discussion_json_ld`), else `scripted`: the thread a page's app holds in its
    scripts' data (`github_react.github_embedded_issue`), for when its markup holds none."""
    names = " ".join(_NAMES(doc))
    for read in SITES:
        marks = _MARKS.get(read)
        if marks is not None and not any(mark in names for mark in marks):
            continue
        thread = read(doc, base)
        if thread is not None and (thread.opening or thread.posts or thread.link):
            return thread
    return declared_thread(json_ld or []) or scripted
