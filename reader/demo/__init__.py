"""The bundled demo news sites: three fictional publications served on loopback.

``reader demo`` serves them to new users (no internet needed) and the test-suite
fetches from them.  Stdlib only; nothing else from :mod:`reader` is imported, so the
demo works even if the rest of the package is broken.

Typical use::

    from reader.demo import start_demo_server

    demo = start_demo_server()      # a free port on 127.0.0.1
    demo.feed_urls                  # gazette (RSS 2.0), northwind (Atom), vestnik (RSS 2.0)
    demo.stop()                     # afterwards connections are refused

The articles themselves (the manifest tests compare against) come from
:func:`load_articles`; :func:`boilerplate_phrases` lists what must *not* be extracted.
"""

from .content import NON_ARTICLE_PATHS, DemoArticle, boilerplate_phrases, load_articles
from .server import DEMO_PORT, DemoServer, earlier_demo_feeds, start_demo_server

__all__ = [
    "DEMO_PORT",
    "NON_ARTICLE_PATHS",
    "DemoArticle",
    "DemoServer",
    "boilerplate_phrases",
    "earlier_demo_feeds",
    "load_articles",
    "start_demo_server",
]
