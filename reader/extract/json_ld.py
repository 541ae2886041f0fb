"""The page's JSON-LD as values: every object of its scripts (read past the CDATA and comments
that wrap them, `@graph` members and list items too), their schema.org types (an article and its
kinds, a review, a recording), the objects a reference by `@id` stands for, and the names an
`author` or `publisher` gives (a Person's, an Organization's).
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

from ..text_shape import one_line

# What wraps JSON-LD on real pages: `<![CDATA[ … ]]>`, `<!-- … -->`, a `//` before either.
_JSON_START = re.compile(r"[\[{]")
# Where the value may start: after "<![CDATA[", the next bracket; a few, not every bracket of a
# broken script (each try reads up to its error).
_JSON_TRIES = 3


# A surrogate's escape with no partner: a string cut mid-emoji ("\ud83d" alone). Decoded, it
# is a character no text may hold, and caching the article raised on it at every sync.
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def whole_characters(text: str) -> str:
    """JSON `text` with each lone surrogate's escape made U+FFFD's (acc28a H11)."""
    return _LONE_SURROGATE.sub(r"\\ufffd", text) if "\\u" in text else text


def _parse_json_ld(text: str) -> Any:
    """The JSON value in a JSON-LD script, read past what wraps it; None when there is none."""
    text = whole_characters(text)
    decoder = json.JSONDecoder()
    for tries, start in enumerate(_JSON_START.finditer(text)):
        if tries == _JSON_TRIES:
            break
        try:
            return decoder.raw_decode(text, start.start())[0]
        except (ValueError, RecursionError):
            # "<![CDATA[" opens with a "[" that is not JSON; the next bracket may be.
            continue
    return None


def json_ld_objects(doc: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD scripts, `@graph` members and list items too, in
    page order."""
    objects: list[dict[str, Any]] = []
    for el in doc.xpath('//script[@type="application/ld+json"]'):
        stack = [_parse_json_ld(el.text or "")]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                objects.append(item)
                # A page described first, its article nested as what it is about: some SEO
                # plugins' WebPage → mainEntity → NewsArticle. Only an article or a recording:
                # a QAPage's Question or a profile's Person is read where it is.
                stack.extend(
                    nested
                    for nested in _as_list(item.get("mainEntity"))
                    if isinstance(nested, dict)
                    and (is_article(nested) or not types_of(nested).isdisjoint(_RECORDING_TYPES))
                )
    return objects


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# schema.org's Article and its kinds (as Readability.js lists them), and WebPage.
_ARTICLE_TYPES = frozenset(
    [
        "Article",
        "AdvertiserContentArticle",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "SocialMediaPosting",
        "BlogPosting",
        "LiveBlogPosting",
        "DiscussionForumPosting",
        "TechArticle",
        "APIReference",
        "WebPage",
    ]
)


# What else a page may be about, declared as an article is (its author, its date, its
# publisher): a film or book review, a recipe, first; a video's or a podcast episode's page only
# where nothing else is declared (a news story embeds a clip with a declaration of its own).
_REVIEW_TYPES = frozenset(["Review", "CriticReview", "Recipe", "HowTo"])
_RECORDING_TYPES = frozenset(["VideoObject", "PodcastEpisode", "AudioObject", "Episode"])
# "https://schema.org/NewsArticle", "schema:NewsArticle": the type after its vocabulary.
_VOCABULARY = re.compile(r".*[/:#]")


def types_of(obj: dict[str, Any]) -> set[str]:
    """A JSON-LD object's types, without their vocabulary ("https://schema.org/NewsArticle" and
    "schema:NewsArticle" are "NewsArticle")."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {_VOCABULARY.sub("", k) for k in kinds if isinstance(k, str)}


def is_article(obj: dict[str, Any]) -> bool:
    return not types_of(obj).isdisjoint(_ARTICLE_TYPES)


def _described(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The JSON-LD objects by their `@id`: what a reference (`{"@id": …}`) to one stands for."""
    return {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}


def _dereferenced(value: Any, described: dict[str, dict[str, Any]]) -> Any:
    """`value` with each reference to an object of the page replaced by that object: Yoast's
    `@graph` names an article's authors and publisher by `@id` and describes each once."""
    if isinstance(value, list):
        return [_dereferenced(v, described) for v in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return described.get(value["@id"], value)
    return value


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "name" not in value:
            # A Person declared by its parts alone: {"givenName": "Ann", "familyName": "Lee"}.
            parts = [value.get(k) for k in ("givenName", "additionalName", "familyName")]
            named = " ".join(one_line(p) for p in parts if isinstance(p, str) and p.strip())
            return [named] if named else []
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _organizations(value: Any) -> list[str]:
    """The names of the organisations among JSON-LD's `author`s: a publisher named as one."""
    if isinstance(value, list):
        return [n for v in value for n in _organizations(v)]
    if isinstance(value, dict) and "Organization" in "".join(types_of(value)):
        return _names(value)
    return []


def the_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The object declaring the page's article: the article itself before the WebPage that
    holds it, whichever the graph lists first; a review or a recipe; a recording's page last.
    {} when the page declares none."""
    ld = next((o for o in objects if is_article(o) and "WebPage" not in types_of(o)), None)
    ld = ld or next((o for o in objects if not types_of(o).isdisjoint(_REVIEW_TYPES)), None)
    ld = ld or next((o for o in objects if is_article(o)), None)
    return ld or next((o for o in objects if not types_of(o).isdisjoint(_RECORDING_TYPES)), {})


def podcast_series(objects: list[dict[str, Any]], described: dict[str, dict[str, Any]]) -> str:
    """The name of the podcast the page is an episode of: a PodcastEpisode's `partOfSeries`, or
    the PodcastSeries it `isPartOf` ("High Country"), which a citation of an episode names as
    APA's "In *High Country*" and Chicago's "*High Country* (podcast)" do. "" when none."""
    for obj in objects:
        if "PodcastEpisode" not in types_of(obj):
            continue
        for key in ("partOfSeries", "isPartOf"):
            found = _dereferenced(obj.get(key), described)
            for series in found if isinstance(found, list) else [found]:
                if key == "isPartOf" and (
                    not isinstance(series, dict) or "PodcastSeries" not in types_of(series)
                ):
                    continue  # a season, or the page: not the podcast
                name = next((one_line(n) for n in _names(series) if n.strip()), "")
                if name:
                    return name
    return ""
