"""The article text a page declares for search engines: schema.org's `articleBody` in its JSON-LD.

A page built by scripts holds no article in its HTML until a browser runs them, and we run no
scripts. Many such pages still declare the whole text in their JSON-LD, for search engines. It is
the page's own text, so it comes before the feed's summary; but it has no links, headings or
pictures, and some sites put only the first sentence there. So the HTML's article comes first,
and the declared text replaces it only when it holds far more (see `extract_article`).

A page that marks its article as not free (`isAccessibleForFree: false`, on the article or on a
part of it) declares the text behind its paywall for search engines' eyes only: we don't read it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .json_ld import is_article
from .paywall import behind_paywall

# A body given as HTML (some CMSs put the rendered body there); anything else is plain text.
_HTML = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def declared_body_html(json_ld: list[dict[str, Any]]) -> str:
    """The longest `articleBody` of the page's free articles (`json_ld`: the page's
    `json_ld_objects`), as HTML ("" when none): a plain text's paragraphs (parted by blank lines,
    else by line breaks) each in a `<p>`."""
    bodies = [
        body
        for obj in json_ld
        if is_article(obj) and not behind_paywall(obj)
        if (body := _text(obj.get("articleBody")))
    ]
    if not bodies:
        return ""
    body = max(bodies, key=len)
    if _HTML.search(body):
        return body
    parts = _BLANK_LINE.split(body) if _BLANK_LINE.search(body) else body.splitlines()
    # Some sites escape the text twice ("That&#039;s"): unescaped once, then escaped for HTML.
    return "\n".join(f"<p>{html.escape(html.unescape(p.strip()))}</p>" for p in parts if p.strip())


def _text(value: Any) -> str:
    """A body's text: a string, or a list of strings (one per paragraph on some sites)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return "\n\n".join(v.strip() for v in value if isinstance(v, str) and v.strip())
    return ""
