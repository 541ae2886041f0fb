"""A story taken down that the site doesn't answer 404 for: the page it answers says so.

Many sites (and the CDNs in front of them) answer a pulled story's address with 200 and their
"not found" template ("Page not found | Site", "Sorry, we couldn't find that article", a list of
other headlines), or send it on to the home page or a section front (301 to "/"). Read as the
story, that page was cached, listed readable offline, saved and cited under the story's
headline, in place of the text its feed carried (acc42c C1). Told here, it is what a 404 is:
the story taken down (`gone`), its feed's text shown, nothing cached.

What is told so, and what is not:
- a page titled (or headed) as not found, giving a few lines of its own, whose title shares
  no word with the story's headline (`portal.relates`): an article about something not found
  ("Missing hiker not found after two days") is titled as its headline, and has text;
- a story's address sent on to its site's home page ("/", "/en/", "/index.html"), asked for
  at an address that was not itself one;
- a story's address sent on to a section front (a list of teasers: `Article.section_front`)
  at another path, titled as no word of its headline;
- a story's address sent up its own path ("/paper/a/story.html" to "/paper/"), to a page
  titled as no word of its headline: a site's front under a path of its own.
A redirect that keeps the story is none of these: to its canonical address, from http to
https, with or without a trailing "/", from its AMP version, through a tracker to the story.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .models import Article, ErrorKind, FetchError
from .portal import relates
from .safe import safe_line
from .urls import page_address

# A page saying it is not there, in its title or heading, in the languages of most sites.
_NOT_FOUND = re.compile(
    r"\b(?:page|article|story|content|post|file|document)s?\s+(?:was\s+|is\s+)?not\s+found\b"
    r"|\bnot\s+found\s*[|:–—-]|^\s*not\s+found\b|\b404\b"
    r"|\b(?:could|can)(?:\s*not|n['’]?t)\s+(?:be\s+)?(?:find|found)\b|\bunable\s+to\s+find\b"
    r"|\b(?:page|article|story)\s+(?:is\s+)?no\s+longer\s+(?:available|exists)\b"
    r"|\b(?:page|article|story)\s+(?:does\s*not|doesn['’]?t)\s+exist\b"
    r"|seite\s+nicht\s+gefunden|page\s+introuvable|no\s+encontrad[ao]|non\s+trovat[ao]"
    r"|niet\s+gevonden|não\s+encontrad[ao]|nie\s+znaleziono",
    re.IGNORECASE,
)
# A not-found page is a sentence or two (and other stories' headlines): an article has text.
_FEW_WORDS = 120
# The home page of a site in one of its languages ("/en", "/pt-br").
_LANGUAGE_HOME = re.compile(r"/[a-z]{2}(?:[-_][a-z]{2,4})?")


def refuse_gone_page(
    asked: str,
    ended: str,
    article: Article,
    page_title: str,
    headline: str | None,
    status: int = 0,
) -> None:
    """Raise FetchError(GONE) when the page read as `article` (its HTML title `page_title`),
    which came for the address `asked` after redirects ending at `ended`, is the site saying
    the story headlined `headline` (None for an address opened alone) is not there. Its
    status is the one `asked` gave (`status`: its redirect's, or the page's 200), never a
    404 it did not give (acc47b F3: recorded and cited as "answered 404")."""
    if why := _why_gone(asked, ended, article, page_title, headline):
        raise FetchError(ErrorKind.GONE, why, asked, status=status or None)


def _why_gone(
    asked: str, ended: str, article: Article, page_title: str, headline: str | None
) -> str:
    for title in (page_title, article.title):
        if (
            _NOT_FOUND.search(title)
            and article.word_count < _FEW_WORDS
            and (not headline or not relates(headline, title))
        ):
            return f"the page says it is not there ({safe_line(title, 80)})"
    asked_path, ended_path = _path(asked), _path(ended)
    if asked_path == ended_path or _home(asked_path):
        return ""  # not sent on, or sent from one spelling of the story's address to another
    if why := sent_home(asked, ended):
        return why
    if article.section_front and (not headline or not relates(headline, article.title)):
        return f"sent on to a section front ({safe_line(ended, 80)}), not the story"
    if (
        headline
        and asked_path.startswith(ended_path + "/")
        and not relates(headline, article.title)
    ):
        # A site under a path of its own ("/o31/", a paper's "/edition/"), or a front too short
        # to be told as one: sent up its own address to a page titled as no word of the story
        # (acc44c C1, read as a login page).
        return f"sent on to its site's front page ({safe_line(ended, 80)}), not the story"
    return ""


def sent_home(asked: str, ended: str) -> str:
    """How the story asked for at `asked` was sent on to its site's home page (`ended`, "/"
    or a language's "/en"), which alone says it is not there, whatever that page gives: a
    front page built by scripts has no text to read (acc47e E11: "no article text found");
    "" for an address that was not sent there, or was itself one."""
    asked_path, ended_path = _path(asked), _path(ended)
    if asked_path == ended_path or _home(asked_path) or not _home(ended_path):
        return ""
    return f"sent on to its site's home page ({safe_line(ended, 80)}), not the story"


def _path(url: str) -> str:
    """The path of `url` as `page_address` reads it ("/news/" is "/news", "/index.html" "/")."""
    return urlsplit(page_address(url)).path


def _home(path: str) -> bool:
    return path in ("", "/") or bool(_LANGUAGE_HOME.fullmatch(path))
