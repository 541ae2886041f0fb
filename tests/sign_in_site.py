"""A news site on 127.0.0.1 whose stories a sign-in stands in front of, in the shapes sites and
networks put one there, and a sign-in host beside it (the same server, addressed as localhost:
another site). `Site.signing_in` on, each story's link is answered so; off, with the story.
The pages are written for these tests, in the shape of real ones."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

PARAGRAPHS = {
    "/story3.html": (
        "Harbour bridge reopens after repairs",
        "The harbour bridge reopened to traffic on Monday after eleven weeks of repairs to its "
        "lifting span, the port authority said, two weeks later than first promised.",
        "Engineers replaced the worn bearings under the span and repainted the towers; buses "
        "that had been sent the long way round the basin went back to their old route at noon.",
        "Shopkeepers on the quay, who said trade had fallen by a third while the bridge was shut, "
        "asked the authority to carry out the next repairs in winter.",
    ),
    "/members/story4.html": (
        "Council sets next year's budget",
        "The town council set its budget for next year on Tuesday night, with more for the "
        "library and less for the car parks than officers had proposed in the autumn.",
        "Councillors voted twenty-two to nine for the plan after four hours of debate, and agreed "
        "to look again in spring at the charge for collecting garden waste.",
        "The leader of the council said the budget kept council tax below the cap for a third "
        "year running.",
    ),
    "/story5.html": (
        "Lifeboat station gets a new boat",
        "The lifeboat station on the point took delivery of its new all-weather boat on "
        "Wednesday, the first new boat there in twenty-five years.",
        "The crew will train on it for six weeks before it goes on service; the old boat will "
        "move to a station further up the coast.",
        "Volunteers raised a fifth of its cost with a sponsored swim across the bay last summer.",
    ),
    "/story6.html": (
        "Ferry fares held for winter",
        "The ferry company will not raise its fares this winter, its managing director said on "
        "Thursday, after a summer in which more passengers travelled than in any year before.",
        "Season tickets for islanders will also stay at last year's price, and the early "
        "morning crossing will run on Sundays too from December.",
        "The company said it would set next summer's fares in March.",
    ),
}


def story(path: str) -> str:
    title, *paragraphs = PARAGRAPHS[path]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} – Daily "
        f"Example</title></head><body><header><a href='/'>Daily Example</a></header><main>"
        f"<article><h1>{title}</h1><p class='byline'>By Ada Quarry</p>{body}</article></main>"
        "</body></html>"
    )


# The site's own sign-in page, the story's address kept to come back to.
SIGN_IN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Sign in – Daily Example</title></head><body>
<header><a href="/">Daily Example</a></header>
<main class="account"><h1>Sign in to Daily Example</h1>
<p>Sign in to keep reading. New here? <a href="/register">Create an account</a>.</p>
<form method="post" action="/signin"><input type="hidden" name="next" value="{next}">
<label for="email">Email address</label><input id="email" type="email" name="email">
<label for="password">Password</label><input id="password" type="password" name="password">
<label><input type="checkbox" name="remember"> Keep me signed in</label>
<button type="submit">Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p></main>
<footer><p>© Daily Example. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>"""

# Another site's (a group's single sign-on, or a network passing the address on).
ELSEWHERE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Example ID – Log in</title></head><body><div class="card">
<img src="/logo.svg" alt="Example ID"><h2>Log in with your Example ID</h2>
<p>One account for all the group's newspapers.</p>
<form method="post" action="/session"><input type="hidden" name="return" value="{back}">
<input type="email" name="user" placeholder="Email"><input type="password" name="pass"
placeholder="Password"><button>Log in</button></form></div></body></html>"""

# A page for members, at the story's own address.
MEMBERS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Members only – Daily Example</title></head><body>
<header><a href="/">Daily Example</a></header><main><h1>This page is for members</h1>
<form action="/members/login" method="post"><label>Member number <input name="member"></label>
<label>Password <input type="password" name="pw"></label><input type="submit" value="Log in">
</form></main></body></html>"""

# Terms to accept before anything is shown, at the story's own address.
TERMS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Before you continue</title></head><body><div class="gate">
<h1>Before you continue</h1><p>Please read and accept our terms of use to go on to the site.
They have changed since your last visit.</p>
<form method="post" action="/gate"><label><input type="checkbox" name="ok" required> I have
read and accept the terms of use</label><button type="submit">Continue</button></form>
</div></body></html>"""

# A short story, undeclared, with a newsletter's sign-up form under it (a box to tick).
SHORT_STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Pier lights switched on – Daily Example</title></head><body>
<header><a href="/">Daily Example</a></header><main><article><h1>Pier lights switched on</h1>
<p>The lights along the pier were switched on on Friday evening by the oldest member of the
sailing club, who has crossed the bay every summer since 1961.</p>
<p>The string of two hundred bulbs will stay lit every evening until the New Year.</p></article>
<form class="newsletter" action="/newsletter/join" method="post"><h3>The morning briefing</h3>
<input type="email" name="email" placeholder="Your email"><label><input type="checkbox"
name="consent"> I agree to receive the morning briefing by email</label>
<button>Sign up</button></form></main></body></html>"""

# A brief, declared a NewsArticle, under the site's header and its log-in box.
BRIEF = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Beach car park closed – Daily Example</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Beach car park closed", "datePublished": "2026-12-03T09:00:00Z"}</script>
</head><body><div class="top"><form action="/signin" method="post"><input type="email"
name="email"><input type="password" name="password"><button>Sign in</button></form></div>
<main><article><h1>Beach car park closed</h1><p>The beach car park is closed until Sunday while
its barrier is mended.</p></article></main></body></html>"""

# A story for subscribers: its first paragraphs, then the wall, with a form to sign in in it.
PAYWALLED = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Shipyard wins order for two ferries – Daily Example</title></head><body>
<header><a href="/">Daily Example</a></header><main><article>
<h1>Shipyard wins order for two ferries</h1>
<p>The shipyard on the east bank has won an order for two ferries for the island routes, its
owners said on Friday, the yard's largest order in a decade.</p>
<p>Work on the first hull will start in the spring and keep some three hundred people in work
until the second boat is handed over.</p>
<div class="paywall"><h2>This article is for subscribers only</h2>
<p>Subscribe to keep reading, from £1 a week.</p><a class="button" href="/subscribe">Subscribe</a>
<p>Already a subscriber? Sign in</p>
<form action="/signin" method="post"><input type="email" name="email"><input type="password"
name="password"><button>Sign in</button></form></div></article></main></body></html>"""


class Site:
    """The news site and its sign-in host, on one server. With `signing_in`, a story's link is
    answered as `SHAPES` says; otherwise with the story."""

    SHAPES = {
        "/story3.html": "the site's sign-in page, the story's address kept (?next=)",
        "/story6.html": "another site's sign-in page, the story's address kept (?return=)",
        "/members/story4.html": "a page to sign in at the story's own address",
        "/story5.html": "terms to accept at the story's own address",
    }

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.signing_in = True
        self.updated = False
        server.expect_request(re.compile(".*")).respond_with_handler(self._answer)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.port}{path}"

    def other_url(self, path: str) -> str:
        return f"http://localhost:{self.server.port}{path}"

    def feed(self) -> str:
        """An Atom feed of the stories, each updated after its publication when `updated`
        (then a sync fetches each again: `LibrarySync._renew`), each a minute apart, in the
        hour to come: after the copy cached, and not so far ahead as to be a wrong date,
        which is no update (`retold.updated_since`)."""
        entries = "".join(
            f"<entry><title>{title}</title><id>tag:example,2026:{path}</id>"
            f'<link href="{self.url(path)}"/><summary>{lede}</summary>'
            "<published>2026-11-30T08:00:00Z</published>"
            f"<updated>{_soon(n) if self.updated else '2026-11-30T08:00:00Z'}"
            "</updated></entry>"
            for n, (path, (title, lede, *_)) in enumerate(PARAGRAPHS.items())
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Daily Example</title><id>{self.url('/')}</id>"
            f"<updated>2026-11-30T08:00:00Z</updated>{entries}</feed>"
        )

    def _answer(self, request: Request) -> Response:
        path, host = request.path, request.host.split(":", 1)[0]
        if host == "localhost":
            if path == "/":
                back = request.args.get("return", "")
                return _page(ELSEWHERE.replace("{back}", back))
            return Response("Not found", 404)
        pages = {
            "/feed.xml": None,
            "/pier.html": SHORT_STORY,
            "/brief.html": BRIEF,
            "/shipyard.html": PAYWALLED,
        }
        if path == "/feed.xml":
            return Response(self.feed(), 200, content_type="application/atom+xml")
        if path in pages:
            return _page(pages[path] or "")
        if path == "/signin":
            return _page(SIGN_IN.replace("{next}", request.args.get("next", "")))
        if path not in PARAGRAPHS:
            return Response("Not found", 404)
        if not self.signing_in:
            return _page(story(path))
        if path == "/story3.html":
            return _to(f"/signin?next={quote(path, safe='')}")
        if path == "/story6.html":
            return _to(self.other_url(f"/?return={quote(self.url(path), safe='')}"))
        return _page(MEMBERS if path.startswith("/members/") else TERMS)


def _page(html: str) -> Response:
    return Response(html, 200, content_type="text/html; charset=utf-8")


def _to(location: str) -> Response:
    return Response("", 302, headers={"Location": location})


def _soon(minutes: int) -> str:
    """An update time `minutes` past the hour to come, as Atom writes it."""
    moment = datetime.now(UTC) + timedelta(hours=1, minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
