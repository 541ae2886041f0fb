"""An article's pictures kept for reading offline: which of its pictures are kept, what a
picture's bytes must be to be kept, and where a kept one is copied to be opened.

A picture is kept only when its bytes are a raster image by their first bytes (JPEG, PNG, GIF,
WebP, AVIF), whatever its server calls it: an SVG is a program a viewer runs, an HTML page
answering for a picture is no picture. Its name on disk is never the address's (`Store`
keeps it; `opened_copy` names a copy by the hash of its bytes).
"""

from __future__ import annotations

import hashlib
import os
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .models import Article, BlockKind
from .own_folder import own_temp_folder
from .part_files import NAMED, PART_SUFFIX, sweep_own_folder
from .sniff import binary_type
from .urls import is_onion, is_web_url

KEPT_TYPES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
}
"""The pictures kept, by the type their bytes say, with the extension a copy is opened with."""

ACCEPT = "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5"
"""A picture's `Accept`: a browser's own for an <img> (Firefox's since 128, so Tor Browser's),
not the reader's of its own, one more sign in a watched site's log (acc50f A9). A CDN choosing
the format by it sends the AVIF or WebP a browser gets, which `KEPT_TYPES` keeps; none turns a
photograph into an SVG."""


@dataclass(frozen=True, slots=True)
class KeptPicture:
    """One picture of an article as the store has it: kept (`sha`, `media_type`, `size`), or
    not, and `why` in one line."""

    url: str
    sha: str = ""
    media_type: str = ""
    size: int = 0
    why: str = ""
    again: bool = False
    """Not kept for a reason that may pass (the network, a server busy): tried again by the
    article's next download, or its next opening online."""
    pages: int = 0
    """The tries a web page or a refusal answered in its place (`page_counted`)."""

    @property
    def kept(self) -> bool:
        return bool(self.sha)

    @property
    def settled(self) -> bool:
        """Kept, or refused for good (no picture, over a cap): not asked for again."""
        return self.kept or (bool(self.why) and not self.again)


def past_every_articles(most: int) -> str:
    """Why a picture is not kept when every article's pictures together have reached `most`
    bytes (`[network] pictures_max_bytes`): asked again once eviction makes room."""
    from .plural import size_text

    return f"past the {size_text(most)} kept of every article's pictures"


# What a web page is sent as: one answering where a picture was asked is a Wi-Fi login page (a
# hotel's session ended after the articles' text came, acc46b A1), a sign-in or an error page:
# the picture may come once it is gone, so it is owed to the next sync, not refused for good.
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def page_sent(content_type: str) -> bool:
    """A picture's answer sent as `content_type` is a web page (`_PAGE_TYPES`)."""
    return content_type.split(";")[0].strip().lower() in _PAGE_TYPES


def not_a_picture(content_type: str) -> str:
    """Why a picture is not kept whose bytes are none (sent as `content_type`, untrusted)."""
    from .safe import safe_line

    said = safe_line(content_type or "no type", 80)
    return f"its bytes are no JPEG, PNG, GIF, WebP or AVIF picture (sent as {said})"


def page_in_place(why: str) -> bool:
    """A picture was not kept for a web page answering in its place (`not_a_picture` of one
    `page_sent`): owed, as a failure that may pass, also when an older reader recorded it as
    refused for good (read back by its reason: such a library gets them at its next sync)."""
    said = why.rpartition("(sent as ")[2]
    return why.startswith("its bytes are no JPEG") and page_sent(said.rstrip(")"))


# How many syncs a picture a web page answered for is owed: a site's own "not found" page, sent
# as 200 (a soft 404, common), would be asked for at every sync and owed in every recap for ever.
# Counted by the syncs, not judged by the page's host: a hotel's portal answers at the picture's
# own address as often as by a redirect, and `PortalWatch` knows it for one only from its second
# host on. None is counted while a login page was met in the last minutes. Three: a soft 404 costs two
# syncs' asks, and a login page seen at one host alone (not known for one) outlasts two syncs.
PAGE_SYNCS = 3


# A picture its site refuses (401, 403: hotlink protection, which answers a reader sending no
# Referer so every time) is as doubtful: a bot wall's 403 passes, a hotlink one never does. It
# was asked for at every sync and every opening of its article, for ever (acc48a A2): owed for
# `PAGE_SYNCS` tries as a web page's answer is, then refused for good.
_REFUSED = "refused ("
_REFUSING = frozenset({401, 403})


def refused_why(status: int | None, said: str) -> str | None:
    """Why a picture is not kept that its site answered `status` for (`said`, in words), when
    that is a refusal (`_REFUSING`); else None."""
    if status not in _REFUSING:
        return None
    return f"{_REFUSED}{said}): the site refuses its pictures to other sites"


def refused_picture(why: str) -> bool:
    """A picture was not kept, `why`, for its site refused it (`refused_why`)."""
    return why.startswith(_REFUSED)


def counted_tries(picture: KeptPicture) -> bool:
    """`picture` is owed for a few tries alone (`page_counted`): a web page answered in its
    place, or its site refused it."""
    return page_in_place(picture.why) or refused_picture(picture.why)


def page_counted(picture: KeptPicture, had: KeptPicture | None, counts: bool) -> KeptPicture:
    """`picture`, a web page's answer or a refusal this try (`counted_tries`), with the tries
    `had` (what the store had of it) counted, and this one when it `counts`: refused for good,
    its reason kept, at `PAGE_SYNCS`."""
    from dataclasses import replace

    pages = (had.pages if had is not None else 0) + counts
    return replace(picture, pages=pages, again=pages < PAGE_SYNCS)


def picture_type(body: bytes) -> str | None:
    """The media type of `body` when it is a picture to keep, by its first bytes; else None."""
    found = binary_type(body)
    return found if found in KEPT_TYPES else None


def off_the_onion(page: str, picture: str, sent_on: bool = False) -> str:
    """Why the picture at `picture` of the article at `page` is not fetched, "" when it is: a
    page of an onion service, its picture on a host none is (a CDN's, its `og:image` on the
    clearnet). Asked, that host learns, at the moment, that someone reads the onion service's
    article, which no visitor of the onion service otherwise tells the clearnet; the reader
    asks for an `og:image` no browser shows (acc50f A9). `[network] onion_clearnet_pictures`
    lets them come. `sent_on`: `picture` is where its address redirected, said so (acc51d D7:
    the onion's own address was shown, said on a clearnet host)."""
    from .safe import safe_line

    host = urlsplit(picture).hostname or ""
    if not is_onion(urlsplit(page).hostname or "") or is_onion(host):
        return ""
    where = "sent on to" if sent_on else "on"
    return (
        f"not fetched: {where} {safe_line(host, 80)}, a clearnet host, and the article is an"
        f" onion service's ({_ONION_SETTING})"
    )


_ONION_SETTING = "[network] onion_clearnet_pictures"


def off_the_onion_said(why: str) -> bool:
    """A picture's `why` is `off_the_onion`'s: left out while the setting was off, to be
    fetched once it is on (net52: it stayed left out, refused for good)."""
    return why.startswith("not fetched: ") and why.endswith(f"({_ONION_SETTING})")


def article_pictures(article: Article) -> list[str]:
    """The addresses of `article`'s pictures, in the order read: its lead image, then each
    figure of its text (`BlockKind.IMAGE`: the extractor left out icons, adverts and
    decorations); each once, web addresses only."""
    found: dict[str, None] = {}
    if article.image_url and is_web_url(article.image_url):
        found[article.image_url] = None
    for block in article.blocks:
        if block.kind != BlockKind.IMAGE:
            continue
        for inline in block.inlines:
            if inline.href and is_web_url(inline.href):
                found.setdefault(inline.href, None)
    return list(found)


def pictures_json(article: Article) -> list[dict[str, object]]:
    """Each of `article`'s pictures as `reader show --format json` gives it: its address,
    whether it is kept for reading offline, and why not when a download tried it."""
    not_kept = dict(article.pictures_not_kept)
    shown: list[dict[str, object]] = []
    for address in article_pictures(article):
        item: dict[str, object] = {"url": address, "kept": address in article.kept_pictures}
        if address in not_kept:
            item["why"] = not_kept[address]
        shown.append(item)
    return shown


def pictures_to_fetch(article: Article, known: list[KeptPicture]) -> bool:
    """Whether some of `article`'s pictures are neither kept nor refused for good (`known`:
    the store's record of them): a download or an opening online fetches those."""
    settled = {p.url for p in known if p.settled}
    return any(address not in settled for address in article_pictures(article))


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


_FOLDER = "pictures"


def opened_copy(picture: KeptPicture, body: bytes) -> Path:
    """A copy of a kept picture in the temporary directory, named by its hash with its type's
    extension (a viewer goes by it), for a browser or viewer to open. OSError when the folder
    for them is not the user's own (`own_folder`).

    Written to a part of its own, held from before its first byte till it is in place: a
    reader killed meanwhile (kill -9) left "HASH.jpg.part" for good, and the next reader's or
    sync's start sweeps one that nothing holds (`sweep_left_copies`); two readers writing the
    same copy at once each write their own."""
    import tempfile

    from .part_files import hold, part_prefix

    folder = own_temp_folder(_FOLDER)
    path = folder / f"{picture.sha[:32]}{KEPT_TYPES.get(picture.media_type, '')}"
    if path.exists() and path.stat().st_size == len(body):
        with suppress(OSError):
            os.utime(path)  # opened now: a day from now before it is swept (`sweep_old_copies`)
        return path
    handle, part = tempfile.mkstemp(prefix=part_prefix(path), suffix=PART_SUFFIX, dir=folder)
    hold(handle)
    try:
        with os.fdopen(os.dup(handle), "wb") as file:
            file.write(body)
        os.replace(part, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(part)
        raise
    finally:
        os.close(handle)  # its lock with it, once it is in place
    return path


_COPY = r"[0-9a-f]{32}(?:" + "|".join(re.escape(e) for e in KEPT_TYPES.values()) + ")?"
_PART = re.escape(PART_SUFFIX)
_LEFT_PART = re.compile(rf"\.{_COPY}\.{NAMED}{_PART}|{_COPY}{_PART}")
"""The part of a copy (`opened_copy`), and "HASH.jpg.part" as older readers named theirs (never
held: one left so is no live reader's, but for the moment of an older reader's write)."""


def sweep_left_copies() -> int:
    """Remove the parts of copies readers killed as they wrote them left (see `opened_copy`):
    those no process holds; how many."""
    return sweep_own_folder(_FOLDER, _LEFT_PART)


COPIES_KEPT = 86400.0
"""Seconds a picture's copy opened for a viewer stays (`sweep_old_copies`)."""
_WHOLE_COPY = re.compile(_COPY)


def sweep_old_copies(now: float | None = None) -> int:
    """Remove the copies of pictures opened for a viewer (`opened_copy`) a day or more ago: a
    record of what was looked at, outside the data directory a wipe deletes (acc48a A6); how
    many. Not at the reader's quit: the viewer it started in the background may not have read
    its copy yet (`o` then `q`), or may still show it, and a reader running beside this one
    may have handed the same copy (named by its bytes) to its own viewer just now."""
    import time

    from .own_folder import own_temp_folder

    try:
        folder = own_temp_folder(_FOLDER, make=False)
        names = [e.name for e in os.scandir(folder) if _WHOLE_COPY.fullmatch(e.name)]
    except OSError:
        return 0
    before = (time.time() if now is None else now) - COPIES_KEPT
    swept = 0
    for name in names:
        path = folder / name
        with suppress(OSError):  # gone meanwhile
            found = path.lstat()
            if found.st_mtime < before and found.st_nlink == 1 and os.path.isfile(path):
                path.unlink()
                swept += 1
    return swept
