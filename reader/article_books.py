"""Cached articles written out as one file, to read on another device (`reader export --format
markdown|html|epub`): a traveller's e-reader, a browser with no network. Each article is the
Markdown `reader show --format markdown` prints (its citation first), as HTML by CommonMark's
own rules with raw HTML off: a page's text reaches the file escaped, never as markup. Pictures
are links to the site, but in a book those kept for offline (`reader.pictures`), which it
holds; and a file holds no script and loads nothing by itself."""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from html import escape
from typing import Any, BinaryIO

from .book_links import Anchors, anchors_of, chapter_targets, lead_inside, section_ids
from .extract.script_language import script_language
from .highlights import Highlight
from .markdown_contents import HeadingIds, aside, contents, copy_after
from .marked_html import mark_highlights
from .models import Article, Block, BlockKind, Inline, picture_label
from .plural import plural
from .render import article_of
from .retraction_notes import listed_title
from .safe import safe_line, safe_text
from .text_direction import opening, paragraph_right_to_left, text_right_to_left

# XML 1.0 has no place for these (a lone surrogate from a page decoded with errors, the C0
# controls `safe_text` keeps: tab and line breaks are allowed); an XHTML file holding one is
# refused whole by an e-reader's parser.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A language tag as BCP 47 writes one ("en", "pt-BR", "zh-Hant-TW"); a page's `lang` that is
# anything else is left out, not written into an attribute.
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")

# A quote's rule on the side its lines start from (left and right, not the logical properties
# older e-readers' engines ignore); a picture no wider than the page, the page's own width and
# height dropped (acc50e A8: a 1600-px photo left to the device to shrink).
_CSS = """\
body { font-family: serif; line-height: 1.5; margin: 0 auto; max-width: 40em; padding: 0 1em; }
h1 { font-size: 1.5em; line-height: 1.25; }
blockquote { border-left: 0.2em solid #999; margin-left: 0; padding-left: 1em; }
[dir="rtl"] blockquote, blockquote[dir="rtl"] { border-left: none; padding-left: 0;
  border-right: 0.2em solid #999; margin-right: 0; padding-right: 1em; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
pre { white-space: pre-wrap; }
a.picture { font-style: italic; }
nav li { margin: 0.2em 0; }
mark { background: #fe8; color: inherit; }
aside.highlights, section.earlier-copies { border-top: 1px solid #999; margin-top: 2em; }
"""


@dataclass(frozen=True, slots=True)
class ChapterText:
    """What a chapter holds once read: the article and your marks of it."""

    markdown: str
    """Its Markdown, its citation first (`reader show --format markdown`); its plain text in
    `reader export --format text`."""
    marked: tuple[Highlight, ...] = ()
    """Your highlights of it, marked in its text (`<mark>`) in HTML and EPUB."""
    highlights: str = ""
    """Your highlights and notes as Markdown, after its text (`reader show`'s "Highlights")."""
    own: str = ""
    """The article's own text, where the places of `marked` were measured (`article_text`):
    `markdown` has its citation before it."""
    pictures: dict[str, bytes] = field(default_factory=dict)
    """Its pictures kept for offline, by their file's name in a book (`book_pictures`): the
    Markdown's `![…](pictures/NAME)`, which a book shows and other files link."""
    right_to_left: bool = False
    """The article is written right to left, as the reading view decides (`text_direction`):
    its page's and chapter's `dir="rtl"`."""
    language: str = ""
    """The article's language: its page's, or told by its letters (Chinese, Japanese,
    Korean: `script_language`); "" for one neither tells."""
    items: str = ""
    """The feed's items pointing into the article (`page#block-20`, a live blog's entries),
    listed after its text: the page is written once for all of them."""
    earlier: str = ""
    """The earlier copies kept of the article (a correction's, a retraction's), each under a
    heading with its retrieval time, after your highlights: as Markdown (plain text in `reader
    export --format text`); "" unless `--earlier-copies` asks for them."""
    anchors: Anchors = field(default_factory=Anchors)
    """What its links within the article, or to another in the book, are led by there
    (`book_links`)."""


def chapter_text(markdown: str, article: Article, **more: Any) -> ChapterText:
    """The chapter of `article`, as `markdown`, its language and direction told as the reader
    tells them; `more` the rest of `ChapterText`."""
    declared = article.language.replace("_", "-")
    first = opening(article)
    language = declared if _LANGUAGE.fullmatch(declared) else script_language(first)
    rtl = text_right_to_left(article.language, first)
    more.setdefault("anchors", anchors_of(article))
    return ChapterText(markdown, right_to_left=rtl, language=language, **more)


@dataclass(frozen=True, slots=True)
class Chapter:
    """One article of a book, under the feed it came from. A year's book lists 50,000 of
    them: slots, and its text read only when it is written."""

    feed: str
    """The feed's name as the reader shows it; the site's for an article no feed lists."""
    title: str
    """Its title as the contents list it: one line."""
    text: Callable[[], ChapterText]
    """Its text and your marks of it, read from the cache as the chapter is written: the book
    never holds every chapter's text at once (756 MB for a year's 51,550 articles)."""
    address: str
    """The article's own address: a book of the same addresses is the same book."""
    language: str = ""
    title_right_to_left: bool = False
    """Its title, as the contents list it, is set right to left: its language is written so,
    or most of the title's letters are (the text is not read until the chapter is written)."""
    published: datetime | None = None
    """When it was published, as its heading says: the book says from when to when its
    articles are."""


def pictures_as_links(article: Article, kept: dict[str, str] | None = None) -> Article:
    """`article` with each picture a link to it ("Image: Idle cranes"), as a paragraph: a
    Markdown viewer loads a picture's `![…](…)` from the site, and the files load nothing. One
    `kept` in the book (by address, its file's name there: `book_pictures`) stays a picture,
    of that file."""
    if not any(block.kind == BlockKind.IMAGE for block in article.blocks):
        return article
    kept = kept or {}

    def shown(block: Block) -> Block:
        address = _picture_address(block)
        if address in kept:
            inlines = tuple(replace(i, href=f"{_PICTURES}{kept[address]}") for i in block.inlines)
            return replace(block, inlines=inlines)
        label = (Inline(picture_label(block.text), href=address),)
        return replace(block, kind=BlockKind.PARAGRAPH, inlines=label)

    blocks = tuple(
        shown(block) if block.kind == BlockKind.IMAGE else block for block in article.blocks
    )
    return replace(article, blocks=blocks)


_PICTURES = "pictures/"
"""Where a book keeps the pictures kept of its articles, beside their chapters."""


def book_pictures(kept: dict[str, bytes], article: Article) -> dict[str, tuple[str, bytes]]:
    """The kept pictures (by address: `Store.kept_picture_data`) of `article`'s text as files
    of a book: by address, each file's name (its hash and its type's extension, never the
    address's) and its bytes; one whose bytes are no picture kept is left a link, and its lead
    image, which no chapter shows, is left out."""
    from .picture_pixels import too_many_pixels
    from .pictures import KEPT_TYPES, digest, picture_type

    shown = {_picture_address(b) for b in article.blocks if b.kind == BlockKind.IMAGE}
    files: dict[str, tuple[str, bytes]] = {}
    for address, body in kept.items():
        if address not in shown:
            continue
        found = picture_type(body)
        # A WebP or AVIF kept (a page that offered no JPEG) stays a link with its caption:
        # EPUB's core types leave them out, e-readers show a blank and EPUBCheck fails the
        # book without a fallback (acc50e A2). One kept before its size was read and over
        # `MAX_PIXELS` is left a link too: the e-reader decodes it.
        if (
            found is not None
            and KEPT_TYPES[found][1:] in _PICTURE_TYPES
            and not too_many_pixels(body, found)
        ):
            files[address] = (f"{digest(body)[:32]}{KEPT_TYPES[found]}", body)
    return files


def _picture_address(block: Block) -> str | None:
    return next((i.href for i in block.inlines if i.href), None)


def chapter(feed: str, heading: Article, text: Callable[[], ChapterText]) -> Chapter:
    """The chapter of the article `heading` is of (its text need not be in it: the contents
    list its title), whose text (`cli.common.render`'s Markdown) and marks `text` reads."""
    title = listed_title(heading, safe_line(heading.title or heading.url, 300) or "Untitled")
    language = heading.language if _LANGUAGE.fullmatch(heading.language or "") else ""
    rtl = text_right_to_left(language, title)
    published = heading.published
    return Chapter(safe_line(feed, 200), title, text, heading.url, language, rtl, published)


def _quiet(count: int) -> None:
    """No one told how far a writer is."""


def write_markdown(
    chapters: Sequence[Chapter],
    title: str,
    into: BinaryIO,
    written: Callable[[int], None] = _quiet,
) -> None:
    """The contents under `title` (each feed, its articles' titles linking to their headings:
    `markdown_contents`), then every chapter's Markdown, a rule between two; `written` told
    how many are written, as each book's writer tells it."""
    ids = HeadingIds()
    ids.give(title)
    about = what_is_in(chapters)
    first: list[str] = []  # each chapter's first heading's id: its title's
    with aside() as body:
        for number, one in enumerate(_grouped(chapters)):
            apart = "\n---\n\n" if number else ""
            text = one.text()
            chapter = f"{text.markdown.rstrip()}{_after(text)}\n"
            first.append(next(iter(ids.of(chapter)), ""))
            body.write(f"{apart}{chapter}".encode())
            written(number + 1)
        numbered = iter(first)
        feeds = [
            (feed or "Other articles", [(one.title, next(numbered)) for _, one in listed])
            for feed, listed in _by_feed(chapters)
        ]
        copy_after(contents(title, feeds, about), body, into)


def _after(text: ChapterText) -> str:
    """What a chapter's Markdown or plain text is followed by: your highlights, then the
    earlier copies asked for."""
    parts = (text.items, text.highlights, text.earlier)
    return "".join(f"\n\n{part.rstrip()}" for part in parts if part)


def write_text(
    chapters: Sequence[Chapter], into: BinaryIO, written: Callable[[int], None] = _quiet
) -> None:
    """Every chapter's plain text (`reader show`'s, its links numbered and listed after it),
    each under its `article_of` line ("Article 2 of 5"), in the contents' order; `written`
    told how many are written."""
    grouped = _grouped(chapters)
    for number, one in enumerate(grouped, 1):
        apart = "\n\n" if number > 1 else ""
        text = one.text()
        head = article_of(number, len(grouped))
        into.write(f"{apart}{head}\n\n{text.markdown.rstrip()}{_after(text)}\n".encode())
        written(number)


def write_html(
    chapters: Sequence[Chapter],
    title: str,
    into: BinaryIO,
    written: Callable[[int], None] = _quiet,
) -> None:
    """One HTML page: the contents, with each article's sections as the book's have them, then
    every article. Its policy lets it load nothing and run nothing, should a browser open it
    from a disk next to other files."""
    chapters = _grouped(chapters)
    targets = chapter_targets([one.address for one in chapters], lambda n: f"#a{n}")
    sections: list[list[tuple[str, str]]] = []  # each chapter's, as it is written
    # The contents come first, and an article's sections are known once its text is read: the
    # articles are written to a spool (on disk past `_SPOOLED`) as each is read, then put after
    # the contents. Each read once, as the book's are, never all in memory.
    with tempfile.SpooledTemporaryFile(max_size=_SPOOLED) as spool:
        for number, one in enumerate(chapters, 1):
            text = one.text()
            inside = _Inside(targets, f"#a{number}", f"a{number}-")
            sections.append([])
            body = _chapter_body(text, xhtml=False, inside=inside, sections=sections[-1])
            # Its direction decided, not "auto": a container's `dir="auto"` takes its first
            # strong letter's, and an Arabic story opening on "Apple" was set left to right.
            article = (
                f'<hr>\n<article id="a{number}"{_lang(text.language or one.language)}'
                f"{_dir(text.right_to_left)}>\n{body}</article>\n"
            )
            spool.write(article.encode())
            written(number)
        head = (
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy"'
            " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{_text(title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
            f"<nav>\n<h1>{_text(title)}</h1>\n<p>{_text(what_is_in(chapters))}</p>\n"
            f"{_contents(chapters, _on_page, sections)}</nav>\n"
        )
        into.write(head.encode())
        spool.seek(0)
        shutil.copyfileobj(spool, into)
    into.write(b"</body>\n</html>\n")


def _on_page(number: int, own: str = "") -> str:
    """The link to the HTML page's article `number`, or to its section of id `own`."""
    return f"#{own}" if own else f"#a{number}"


def _in_book(names: Sequence[str], number: int, own: str = "") -> str:
    """The link to a book's chapter `number` (its file among `names`), or to its section of id
    `own` in it."""
    return f"{names[number - 1]}#{own}" if own else names[number - 1]


_SPOOLED = 8 * 2**20
"""The bytes of an HTML export's articles held in memory while its contents wait for their
sections; past it they go to a temporary file."""


def write_epub(
    chapters: Sequence[Chapter],
    title: str,
    made: datetime,
    into: BinaryIO,
    written: Callable[[int], None] = _quiet,
) -> None:
    """An EPUB 3 book (read by EPUB 2 readers too: it has their table of contents): a chapter
    an article, opening on the contents, which list the articles under their feeds. Its
    identifier is the same for the same articles (a reader's library takes a book made again
    for the same book). Each chapter is read and written as it is made: a year's articles are
    never all in memory, as Markdown or as XHTML (`into` may be a pipe)."""
    chapters = _grouped(chapters)
    names = [f"a{number:05d}.xhtml" for number in range(1, len(chapters) + 1)]
    book_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, ' '.join(c.address for c in chapters))}"
    languages: list[str] = []  # each chapter's, as it is written
    modified = made.strftime("%Y-%m-%dT%H:%M:%SZ")
    every_rtl = bool(chapters) and all(c.title_right_to_left for c in chapters)
    creator = _creator([feed for feed, _ in _by_feed(chapters)])
    about = what_is_in(chapters)
    sections: list[list[tuple[str, str]]] = []  # each chapter's, as it is written
    with zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED) as book:
        # First and stored as it is, as the format asks: a reader knows the file by it.
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", _CONTAINER)
        book.writestr("OEBPS/style.css", _CSS)
        pictures: dict[str, str] = {}  # each file's name in the book, and its media type
        right_to_left = bool(chapters)  # every article so: its pages turn leftwards
        targets = chapter_targets([one.address for one in chapters], lambda n: names[n - 1])
        for number, (name, one) in enumerate(zip(names, chapters, strict=True), 1):
            text = one.text()
            for picture, data in text.pictures.items():
                if picture not in pictures:  # one picture in two articles: one file
                    book.writestr(f"OEBPS/{_PICTURES}{picture}", data, zipfile.ZIP_STORED)
                    pictures[picture] = _PICTURE_TYPES[picture.rpartition(".")[2]]
            right_to_left = right_to_left and text.right_to_left
            sections.append([])
            inside = _Inside(targets, name)
            body = (
                f"<section{_dir(text.right_to_left)}>\n"
                f"{_chapter_body(text, xhtml=True, inside=inside, sections=sections[-1])}"
                "</section>\n"
            )
            # Its own language or none, never another article's: an Arabic story with no
            # `lang` of its page was stamped the book's "zh", and read in a Chinese font and
            # voice.
            languages.append(text.language or one.language)
            book.writestr(f"OEBPS/{name}", _xhtml(one.title, body, languages[-1]))
            written(number)
        language = book_language(languages)
        # Written last: the book's language is its chapters', its contents list their
        # sections, and its manifest lists the pictures they brought.
        nav = (
            # The book's first page, as an e-reader's library pictures it with no cover: its
            # title and what it holds above the contents (a toc nav holds a heading and a
            # list alone).
            f"<h1{_dir(every_rtl)}>{_text(title)}</h1>\n<p>{_text(about)}</p>\n"
            f'<nav epub:type="toc" id="toc"{_dir(every_rtl)}>\n<h2>Contents</h2>\n'
            f"{_contents(chapters, partial(_in_book, names), sections)}</nav>\n"
        )
        book.writestr("OEBPS/nav.xhtml", _xhtml(title, nav, language))
        book.writestr("OEBPS/toc.ncx", _ncx(chapters, names, title, book_id, sections))
        book.writestr(
            "OEBPS/content.opf",
            _opf(
                names, title, book_id, language, modified, pictures, right_to_left, creator, about
            ),
        )


_CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _text(text: str) -> str:
    """Untrusted text as element content or an attribute's value: escaped, and with nothing
    XML refuses."""
    return escape(_NOT_XML.sub("", safe_text(text)), quote=True)


def book_language(languages: Sequence[str]) -> str:
    """The language of a book of chapters in `languages` ("" one not known): that of more than
    half of them; else "mul" (many), "und" for none known. Two Chinese stories of ten, the
    others Arabic, Hebrew, Thai… pages declaring none, do not make a Chinese book."""
    known = [language for language in languages if language]
    if not known:
        return "und"
    most = max(set(known), key=known.count)
    return most if 2 * known.count(most) > len(languages) else "mul"


def _lang(language: str) -> str:
    return f' lang="{language}"' if language else ""


def _dir(right_to_left: bool) -> str:
    """A right-to-left element's `dir`; one left to right is so unsaid."""
    return ' dir="rtl"' if right_to_left else ""


def _grouped(chapters: Sequence[Chapter]) -> list[Chapter]:
    """The chapters under their feeds, each feed where its first (newest) article was: the
    order the contents list them in, which an e-reader's pages must follow."""
    return [one for _, numbered in _by_feed(chapters) for _, one in numbered]


def _by_feed(chapters: Sequence[Chapter]) -> list[tuple[str, list[tuple[int, Chapter]]]]:
    """The chapters numbered from 1, under their feeds in the order each first comes."""
    feeds: dict[str, list[tuple[int, Chapter]]] = {}
    for number, one in enumerate(chapters, 1):
        feeds.setdefault(one.feed, []).append((number, one))
    return list(feeds.items())


def _contents(
    chapters: Sequence[Chapter],
    target: Any,
    sections: Sequence[Sequence[tuple[str, str]]] = (),
) -> str:
    """The contents as nested lists (the book's and the HTML page's): each feed, its articles'
    titles linking to them, and under each its `sections` (by chapter, in the contents' order:
    `book_links.section_ids`) linking to theirs; `target(n)` the link to chapter `n`,
    `target(n, own)` to its section of id `own`."""
    lines = ["<ol>"]
    for feed, numbered in _by_feed(chapters):
        # Each entry its own title's direction: a contents of Arabic titles set left to right
        # put their full stops and Latin names at the wrong end.
        feed_rtl = all(one.title_right_to_left for _, one in numbered)
        lines.append(f"<li{_dir(feed_rtl)}><span>{_text(feed or 'Other articles')}</span>\n<ol>")
        for n, one in numbered:
            parts = sections[n - 1] if n <= len(sections) else ()
            inner = "".join(
                f'\n<li><a href="{target(n, own)}">{_text(words)}</a></li>' for words, own in parts
            )
            lines.append(
                f'<li{_dir(one.title_right_to_left)}><a href="{target(n)}">{_text(one.title)}</a>'
                + (f"\n<ol>{inner}\n</ol>" if inner else "")
                + "</li>"
            )
        lines.append("</ol></li>")
    lines.append("</ol>\n")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Inside:
    """Where a chapter's links inside the book lead (`book_links.lead_inside`): each chapter's
    target by its article's key, this one's, and the prefix of the ids given in it."""

    targets: Mapping[str, str]
    here: str
    prefix: str = ""


def _chapter_body(
    text: ChapterText,
    xhtml: bool,
    inside: _Inside | None = None,
    sections: list[tuple[str, str]] | None = None,
) -> str:
    """A chapter's article as HTML (XHTML for a book), your highlights marked in it and
    listed with their notes after it, aside from its text; its kept pictures shown in a book
    (`ChapterText.pictures`), its links to what the book holds led there (`inside`), and
    the article's sections added to `sections`."""
    pictures = text.pictures if xhtml else {}
    body = _body(
        text.markdown,
        xhtml,
        text.marked,
        text.own,
        pictures,
        text.right_to_left,
        text,
        inside,
        sections,
    )
    if text.items:
        items = _body(text.items, xhtml, right_to_left=text.right_to_left)
        body += f'<section class="pointing-items">\n{items}</section>\n'
    if text.highlights:
        notes = _body(text.highlights, xhtml, right_to_left=text.right_to_left)
        body += f'<aside class="highlights">\n{notes}</aside>\n'
    if text.earlier:
        copies = _body(text.earlier, xhtml, right_to_left=text.right_to_left)
        body += f'<section class="earlier-copies">\n{copies}</section>\n'
    return body


def _body(
    markdown: str,
    xhtml: bool,
    marked: Sequence[Highlight] = (),
    own: str = "",
    pictures: Mapping[str, bytes] | None = None,
    right_to_left: bool = False,
    chapter: ChapterText | None = None,
    inside: _Inside | None = None,
    sections: list[tuple[str, str]] | None = None,
) -> str:
    """An article's Markdown as HTML (XHTML for a book), the passages `marked` in `<mark>`
    (their places measured in `own`: `ChapterText.own`), the `pictures` the book holds
    shown, each paragraph running the other way than the article (`right_to_left`) its
    `dir`, the links of the article of `chapter` to what the book holds led there as
    `inside` says, and its sections given ids and added to `sections`."""
    converter = _converter(xhtml)
    tokens = converter.parse(safe_text(markdown))
    _paragraph_directions(tokens, right_to_left)
    if chapter is not None and inside is not None:
        lead_inside(tokens, chapter.anchors, inside.targets, inside.here, inside.prefix)
    if sections is not None:
        sections += section_ids(tokens, inside.prefix if inside else "")
    mark_highlights(tokens, marked, own)
    env = {"pictures": pictures or {}}
    return _NOT_XML.sub("", converter.renderer.render(tokens, converter.options, env))


def _paragraph_directions(tokens: list[Any], right_to_left: bool) -> None:
    """A `dir` on each paragraph, heading and list item whose own letters run the other way
    than the article's, as the reading view sets it: the English "Source:" line of an Arabic
    story's citation flush left, an Arabic notice in an English story flush right."""
    item: Any = None  # the list item a tight list's hidden paragraph is in
    for at, token in enumerate(tokens[:-1]):
        if token.type == "list_item_open":
            item = token
        if token.type not in ("paragraph_open", "heading_open"):
            continue
        inline = tokens[at + 1]
        if inline.type != "inline" or not inline.content.strip():
            continue
        own = paragraph_right_to_left(inline.content, right_to_left)
        if own == right_to_left:
            continue
        target = item if token.hidden and item is not None else token
        target.attrSet("dir", "rtl" if own else "ltr")


_converters: dict[bool, Any] = {}


def _converter(xhtml: bool) -> Any:
    """CommonMark with GitHub's tables and strike-through, raw HTML off (the text's `<` is a
    character), links only to what CommonMark deems safe (no `javascript:`), and a picture
    written as a link to it: the file loads nothing."""
    made = _converters.get(xhtml)
    if made is None:
        from markdown_it import MarkdownIt  # loaded for an export only

        made = MarkdownIt("commonmark", {"html": False, "xhtmlOut": xhtml})
        made.enable(["table", "strikethrough"])

        def picture(renderer: Any, tokens: Any, at: int, options: Any, env: Any) -> str:
            token = tokens[at]
            alt = "".join(child.content for child in token.children or ())
            src = str(token.attrGet("src") or "")
            if src.startswith(_PICTURES) and src.removeprefix(_PICTURES) in env["pictures"]:
                # A picture the book holds (`book_pictures`: our own file name), shown.
                end = " />" if options.get("xhtmlOut") else ">"
                return f'<img class="picture" src="{escape(src)}" alt="{escape(alt)}"{end}'
            source = escape(src, quote=True)
            label = f"Image: {escape(alt)}" if alt else "Image"
            return f'<a class="picture" href="{source}">{label}</a>'

        made.add_render_rule("image", picture)
        _converters[xhtml] = made
    return made


def markdown_html(markdown: str) -> str:
    """`markdown` (an article as `reader show --format markdown` writes it) as an HTML page's
    body, as an export's HTML page writes a chapter: raw HTML in it text, pictures links."""
    return _converter(False).render(markdown, {"pictures": {}})


def _xhtml(title: str, body: str, language: str) -> str:
    """A book's page; its language "" when not known, as HTML says so: not the book's."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' xml:lang="{language}" lang="{language}">\n<head>\n<meta charset="utf-8"/>\n'
        f'<title>{_text(title)}</title>\n<link rel="stylesheet" type="text/css" href="style.css"/>\n'
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


_PICTURE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}
"""The pictures a book holds, by their files' extension: EPUB 3's core image types."""


def what_is_in(chapters: Sequence[Chapter]) -> str:
    """What a book holds, said under its title and in its description: how many articles,
    from how many feeds, published from when to when ("27 articles from 5 feeds, published
    2026-11-30 to 2026-12-07"): its title says what was chosen and when it was made."""
    feeds = {one.feed for one in chapters}
    said = f"{plural(len(chapters), 'article')} from {plural(len(feeds), 'feed')}"
    days = sorted({one.published.date() for one in chapters if one.published is not None})
    if days:
        span = days[0].isoformat()
        if len(days) > 1:
            span += f" to {days[-1].isoformat()}"
        said += f", published {span}"
    return said


def _creator(feeds: Sequence[str]) -> str:
    """A book's author as its library lists it: its feeds, the first three named."""
    named = [feed for feed in feeds if feed]
    more = f" and {len(named) - 3} more" if len(named) > 3 else ""
    return ", ".join(named[:3]) + more


def _opf(
    names: list[str],
    title: str,
    book_id: str,
    language: str,
    modified: str,
    pictures: Mapping[str, str] | None = None,
    right_to_left: bool = False,
    creator: str = "",
    about: str = "",
) -> str:
    items = "\n".join(
        f'<item id="a{n}" href="{name}" media-type="application/xhtml+xml"/>'
        for n, name in enumerate(names, 1)
    )
    for n, (name, media_type) in enumerate((pictures or {}).items(), 1):
        items += f'\n<item id="p{n}" href="{_PICTURES}{name}" media-type="{media_type}"/>'
    spine = "\n".join(f'<itemref idref="a{n}"/>' for n in range(1, len(names) + 1))
    # A book of right-to-left articles only turns its pages leftwards, as one printed so.
    progression = ' page-progression-direction="rtl"' if right_to_left else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="id">{book_id}</dc:identifier>\n<dc:title>{_text(title)}</dc:title>\n'
        f'<dc:language>{language}</dc:language>\n<meta property="dcterms:modified">{modified}</meta>\n'
        # Who wrote it and when it was made, as an e-reader's library lists a book: its feeds
        # (it said "Unknown author", acc50e A6), and the day it was made.
        f"<dc:creator>{_text(creator or 'reader')}</dc:creator>\n<dc:date>{modified}</dc:date>\n"
        # What it holds, as a library's details show it (`what_is_in`).
        f"<dc:description>{_text(about)}</dc:description>\n"
        "</metadata>\n<manifest>\n"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n'
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>\n'
        '<item id="css" href="style.css" media-type="text/css"/>\n'
        f'{items}\n</manifest>\n<spine toc="ncx"{progression}>\n<itemref idref="nav"/>\n'
        f"{spine}\n</spine>\n"
        "</package>\n"
    )


def _ncx(
    chapters: Sequence[Chapter],
    names: list[str],
    title: str,
    book_id: str,
    sections: Sequence[Sequence[tuple[str, str]]] = (),
) -> str:
    """EPUB 2's table of contents, for readers from before EPUB 3's (`nav.xhtml`): each
    article's `sections` (as `_contents` takes them) under it."""
    # A feed's point leads where its first article's does: the same place, the same order.
    points: list[str] = []
    order = 0
    for feed, numbered in _by_feed(chapters):
        first = numbered[0][0]
        points.append(
            f'<navPoint id="f{first}" playOrder="{order + 1}"><navLabel><text>'
            f"{_text(feed or 'Other articles')}</text></navLabel>"
            f'<content src="{names[first - 1]}"/>'
        )
        for number, one in numbered:
            order += 1
            points.append(
                f'<navPoint id="p{number}" playOrder="{order}"><navLabel><text>'
                f'{_text(one.title)}</text></navLabel><content src="{names[number - 1]}"/>'
            )
            parts = sections[number - 1] if number <= len(sections) else ()
            for count, (words, own) in enumerate(parts, 1):
                order += 1
                points.append(
                    f'<navPoint id="p{number}s{count}" playOrder="{order}"><navLabel><text>'
                    f'{_text(words)}</text></navLabel><content src="{names[number - 1]}#{own}"/>'
                    "</navPoint>"
                )
            points.append("</navPoint>")
        points.append("</navPoint>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        f'<head><meta name="dtb:uid" content="{book_id}"/></head>\n'
        f"<docTitle><text>{_text(title)}</text></docTitle>\n<navMap>\n"
        + "\n".join(points)
        + "\n</navMap>\n</ncx>\n"
    )
