"""A page built by scripts whose article is only in its script data is read from that data
(acc39a L4: Next.js's `__NEXT_DATA__`, five paragraphs lost to the feed's one-line summary)."""

from __future__ import annotations

import json

import pytest

from reader.errors import FetchError
from reader.extract import extract_article
from reader.extract.nuxt_state import nuxt_function_state
from reader.extract.script_data import script_data_article

URL = "https://harbourton.example/news/bus-depot.html"
TITLE = "Bus depot plan approved despite objections"
PARAGRAPHS = [
    f"Councillors approved the bus depot plan on Tuesday by seven votes to four, after a debate "
    f"in which residents of Quay Street set out their objections once more (p{n})."
    for n in range(1, 6)
]
OTHERS = [
    f"Another story of the harbour, told at length to fill a list of teasers beside this one, "
    f"with many more words than the article itself has in any of its paragraphs (t{n})."
    for n in range(1, 12)
]


def page(script: str, body: str = '<div id="__next"></div>') -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | The '
        f'Harbourton Courier</title><meta property="og:title" content="{TITLE}">'
        '<meta property="og:description" content="Councillors voted 7-4 in favour.">'
        f"</head><body>{body}{script}</body></html>"
    )


def next_data(data: object) -> str:
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


NEXT = {
    "props": {
        "pageProps": {
            "article": {
                "headline": TITLE,
                "byline": "Ana Silva",
                "blocks": [{"type": "paragraph", "text": text} for text in PARAGRAPHS],
            },
            "related": [{"headline": "Other", "summary": text} for text in OTHERS],
        }
    }
}


def texts(html: str) -> list[str]:
    return [block.text for block in extract_article(html, URL).blocks]


def test_an_article_only_in_next_data_is_read_from_it_not_the_teasers_beside_it() -> None:
    article = extract_article(page(next_data(NEXT)), URL)
    assert [block.text for block in article.blocks] == PARAGRAPHS
    assert article.author == "Ana Silva"  # its object's "byline"


def test_the_writers_an_article_object_names_as_objects_are_its_authors() -> None:
    story = {"title": TITLE, "author": [{"name": "Ana Silva"}, {"name": "Tom Averill"}]}
    story["body"] = [{"text": text} for text in PARAGRAPHS]
    article = extract_article(page(next_data({"props": {"story": story}})), URL)
    assert article.author == "Ana Silva, Tom Averill"


def test_a_state_variable_holding_the_body_as_html_is_read() -> None:
    state = {"Article:1": {"title": TITLE, "body": "".join(f"<p>{t}</p>" for t in PARAGRAPHS)}}
    script = f"<script>window.__PRELOADED_STATE__ = {json.dumps(state)};</script>"
    assert texts(page(script)) == PARAGRAPHS


# Nuxt 2 writes its state as a function call (devalue's): the values it holds more than once
# are parameters, the call's arguments their values (ext40).
def nuxt2(body: str, arguments: list[object]) -> str:
    params = ",".join("abcdefgh"[: len(arguments)])
    values = ",".join("void 0" if a is None else json.dumps(a) for a in arguments)
    return f"<script>window.__NUXT__=(function({params}){{{body}}}({values}));</script>"


NUXT_BODY = (
    'return {layout:"default",data:[{article:{title:a,byline:b,section:c,'
    + "blocks:["
    + ",".join(f'{{type:"paragraph",text:{json.dumps(text)}}}' for text in PARAGRAPHS)
    + "]},related:["
    + ",".join(f'{{title:"Other",section:c,summary:{json.dumps(t)}}}' for t in OTHERS[:3])
    + ']}],fetch:{},error:null,state:{"route:path":"\\u002Fnews\\u002Fbus-depot",seen:d,'
    + "count:-1.5e3,draft:e},serverRendered:true}"
)


def test_nuxt_2s_state_is_read_as_data_without_running_it() -> None:
    script = nuxt2(NUXT_BODY, [TITLE, "Ana Silva", "news", True, None])
    article = extract_article(page(script, '<div id="__nuxt"></div>'), URL)
    assert [block.text for block in article.blocks] == PARAGRAPHS
    assert article.author == "Ana Silva"


@pytest.mark.parametrize(
    "body",
    [
        # Statements before the object: devalue's for a value held twice that is an object.
        "a.seen=true;" + NUXT_BODY,
        # A value computed by a call, a member, a variable of the page's.
        NUXT_BODY.replace("section:c,", "section:String(c),", 1),
        NUXT_BODY.replace("section:c,", "section:c.name,", 1),
        NUXT_BODY.replace("section:c,", "section:window.name,", 1),
        NUXT_BODY.replace("section:c,", "section:new Date(0),", 1),
    ],
)
def test_a_nuxt_2_script_that_does_more_than_return_its_data_is_not_read(body: str) -> None:
    with pytest.raises(FetchError):
        extract_article(page(nuxt2(body, [TITLE, "Ana Silva", "news", True, None])), URL)


def test_a_nuxt_2_argument_that_is_no_literal_is_not_read() -> None:
    script = nuxt2(NUXT_BODY, [TITLE, "Ana Silva", {"name": "news"}, True, None])
    with pytest.raises(FetchError):
        extract_article(page(script), URL)


def test_a_nuxt_2_parameter_written_out_past_the_limit_is_not_read() -> None:
    blob = (
        "(function(a){return {body:[" + ",".join(["a"] * 50) + "]}}(" + json.dumps("x" * 100) + "))"
    )
    assert nuxt_function_state(blob, 10_000) == {"body": ["x" * 100] * 50}
    assert nuxt_function_state(blob, 4_000) is None
    deep = "(function(a){return " + "{b:" * 100_000 + "a" + "}" * 100_000 + "}(1))"
    assert nuxt_function_state(deep, 4_000_000) is None


def test_the_pages_own_html_comes_first() -> None:
    shown = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:4])
    data = next_data({"props": {"related": OTHERS}})
    assert texts(page(data, f"<article><h1>{TITLE}</h1>{shown}</article>")) == PARAGRAPHS[:4]


def test_strings_that_speak_of_another_story_are_not_the_article() -> None:
    assert script_data_article((json.dumps({"related": OTHERS}),), TITLE, "") == ("", [])


def test_data_nested_past_the_parsers_depth_is_not_read_and_fails_nothing() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    script = f'<script id="__NEXT_DATA__" type="application/json">{deep}</script>'
    shown = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:1])
    article = extract_article(page(script, f"<article><h1>{TITLE}</h1>{shown}</article>"), URL)
    assert [block.text for block in article.blocks] == PARAGRAPHS[:1]
