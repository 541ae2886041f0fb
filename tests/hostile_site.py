"""A loopback site of hostile and broken feeds and pages, one route per case (issue: hostile input).

Built on pytest-httpserver's real HTTP server (threaded), so the reader's real client talks to it.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ESCAPES = {
    "osc-title": "\x1b]0;pwned\x07Window title",
    "osc52": "\x1b]52;c;cm0gLXJmIH4=\x07Clipboard",
    "osc8": "\x1b]8;;http://evil.invalid/\x1b\\Hyperlink\x1b]8;;\x1b\\",
    "csi": "\x1b[2J\x1b[31mRed alert",
    "bel-c1": "Bell\x07 and C1\x9b31m csi",
    "bidi": "Invoice \u202eexe.pdf",
}
MARKUP = [
    "[bold]Bold[/bold] claim",
    "[link=https://evil.invalid]Click[/link]",
    "[@click=app.quit]Quit[/]",
]


def rss(title: str, items: list[tuple[str, str]], extra: str = "") -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>g{i}</guid></item>"
        for i, (t, link) in enumerate(items)
    )
    return f'<?xml version="1.0"?>{extra}<rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def page(title: str, text: str) -> str:
    para = (
        f"<p>{text} "
        + "The rest of this paragraph is ordinary reporting about the harbour. " * 4
        + "</p>"
    )
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{para * 3}</article></body></html>"


LOL = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _trickle(_request: Request) -> Response:
    def body() -> Iterator[bytes]:
        for _ in range(30):  # bounded: the client gives up long before
            yield b"<"
            time.sleep(1)

    return Response(body(), content_type="text/html")


def _endless(_request: Request) -> Response:
    def body() -> Iterator[bytes]:
        for _ in range(100_000):  # ~6.5 GB if nobody stopped reading
            yield b"<p>" + b"x" * 65530 + b"</p>"

    return Response(body(), content_type="text/html")


def install(server: HTTPServer) -> None:
    """Register every hostile route on `server`."""
    url = server.url_for
    ok = server.expect_request

    ok("/escapes.xml").respond_with_data(
        rss(
            "\x1b]0;feed pwned\x07Escape Gazette",
            [(t, url(f"/escapes/{k}.html")) for k, t in ESCAPES.items()],
        ),
        content_type="application/rss+xml",
    )
    for key, title in ESCAPES.items():
        ok(f"/escapes/{key}.html").respond_with_data(page(title, title), content_type="text/html")
    ok("/markup.xml").respond_with_data(
        rss(
            "[red]Markup[/red] Times", [(t, url(f"/markup/{i}.html")) for i, t in enumerate(MARKUP)]
        )
    )
    for i, title in enumerate(MARKUP):
        ok(f"/markup/{i}.html").respond_with_data(page(title, title), content_type="text/html")

    ok("/lol.xml").respond_with_data(rss("Laughs &lol9;", [("&lol9;", url("/a.html"))], LOL))
    ok("/xxe.xml").respond_with_data(
        rss(
            "XXE &xxe;",
            [("Secret &xxe;", url("/a.html"))],
            '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>',
        )
    )
    ok("/dtd.xml").respond_with_data(
        rss(
            "External DTD",
            [("Item", url("/a.html"))],
            f'<!DOCTYPE rss SYSTEM "{url("/evil.dtd")}">',
        )
    )
    ok("/evil.dtd").respond_with_data('<!ENTITY x "fetched">')

    ok("/gzip-bomb.html").respond_with_data(
        gzip.compress(b"\0" * (64 * 1024 * 1024)),
        headers={"Content-Encoding": "gzip"},
        content_type="text/html",
    )
    ok("/endless.html").respond_with_handler(_endless)
    ok("/trickle.html").respond_with_handler(_trickle)
    ok("/50mb.html").respond_with_data(
        b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p>", content_type="text/html"
    )
    ok("/huge-title.xml").respond_with_data(
        rss("Big " + "T" * 1_000_000, [("Huge " + "x" * 1_000_000, url("/a.html"))])
    )
    ok("/many.xml").respond_with_data(
        rss("Many", [(f"Item {i}", url(f"/m/{i}.html")) for i in range(20_000)])
    )
    ok("/deep.html").respond_with_data(
        "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>",
        content_type="text/html",
    )

    ok("/loop").respond_with_data("", status=302, headers={"Location": url("/loop")})
    for i in range(10):
        ok(f"/hop{i}").respond_with_data("", status=302, headers={"Location": url(f"/hop{i + 1}")})
    for name, target in (
        ("file", "file:///etc/passwd"),
        ("js", "javascript:alert(1)"),
        ("data", "data:text/html,x"),
    ):
        ok(f"/to-{name}").respond_with_data("", status=302, headers={"Location": target})
    ok("/bad-links.xml").respond_with_data(
        rss(
            "Bad links",
            [
                ("File", "file:///etc/passwd"),
                ("Script", "javascript:alert(1)"),
                ("Data", "data:text/html,hi"),
                ("Fine", url("/a.html")),
            ],
        )
    )

    ok("/404").respond_with_data("no", status=404)
    ok("/410.xml").respond_with_data("gone", status=410)
    ok("/500").respond_with_data("boom", status=500, headers={"X-Reason": "\x1b]0;x\x07"})
    ok("/pdf").respond_with_data(b"%PDF-1.7\n" + bytes(range(256)), content_type="application/pdf")
    ok("/png").respond_with_data(b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    ok("/binary").respond_with_data(bytes(range(256)) * 8, content_type="application/octet-stream")
    # A catch-all route that labels everything a page.
    ok("/png-as-html").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, content_type="text/html; charset=utf-8"
    )
    ok("/binary-as-html").respond_with_data(
        bytes((i * 7919) % 251 for i in range(4000)), content_type="text/html"
    )
    # A server whose default header says UTF-8, serving an old windows-1251 page without <meta>.
    ok("/cp1251-as-utf8.html").respond_with_data(
        page("Новости порта", "Портовые краны остановились в понедельник утром. " * 4).encode(
            "cp1251"
        ),
        content_type="text/html; charset=utf-8",
    )
    ok("/bad-utf8.html").respond_with_data(
        page("Broken bytes", "Caf\xe9 au lait").encode("latin-1"),
        content_type="text/html; charset=utf-8",
    )
    ok("/cp1251.html").respond_with_data(
        (
            '<meta charset="windows-1251">'
            + page("Новости порта", "Портовые краны остановились в понедельник")
        ).encode("cp1251"),
        content_type="text/html",
    )
    ok("/koi8.html").respond_with_data(
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
            + page("Вести", "Городской совет утвердил бюджет")
        ).encode("koi8_r"),
        content_type="text/html",
    )
    ok("/malformed.xml").respond_with_data(
        rss("Bare & ampersand", [("Fish & chips", url("/a.html"))])
    )
    ok("/truncated.xml").respond_with_data(
        rss("Cut", [("One", url("/a.html")), ("Two", url("/b.html"))])[:-40]
    )
    ok("/empty.xml").respond_with_data(rss("Empty", []))
    ok("/dupes.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Dupes</title>'
        + "".join(
            f"<item><title>Copy {i}</title><link>{url('/a.html')}</link><guid>same</guid></item>"
            for i in range(3)
        )
        + "<item><description>no title, no link</description></item></channel></rss>"
    )
    ok("/relative.xml").respond_with_data(rss("Relative", [("Rel", "/a.html")]))
    ok("/a.html").respond_with_data(
        page("Plain story", "An ordinary article about tides."), content_type="text/html"
    )
