"""A byline's label ("Author", "By", "Written by", "نوشته", "Автор", "作者") is never a name: the
name is the part after it. The BBC World Service sets the label and the name in spans of their
own (`<li><span>نوشته</span><span>مریم افشار</span></li>`), as it sets the name and the role.
Real parts: the pages through the real extractor.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article

PARAGRAPHS = [
    "The port will close the north quay for a month while the breakwater is rebuilt, the "
    "harbour trust said on Tuesday.",
    "Fishing boats will moor at the south quay, where twelve new berths have been marked out "
    "for them, and the ferry keeps its slot.",
]


def world_service_page(lang: str, label: str, name: str, role: str) -> str:
    """A World Service story's byline as the BBC serves it: the label, the name and the
    role each in a span, in a list, under classes of its own; the JSON-LD names only the
    service as the author's organisation."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Harbour</title>'
        '<script type="application/ld+json">{"@context":"http://schema.org",'
        '"@type":"ReportageNewsArticle","headline":"Harbour",'
        '"publisher":{"@type":"NewsMediaOrganization","name":"BBC News"}}</script>'
        '</head><body><main role="main"><article><header><h1>Harbour</h1></header>'
        '<div class="bbc-1fxtbkn"><div class="bbc-byline"><ul><li>'
        f'<span class="bbc-1oewbma">{label}</span><span>{name}</span></li>'
        f"<li><span>{role}</span></li></ul></div></div>"
        f"{body}</article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "label", "name", "role"),
    [
        ("fa", "نوشته", "مریم افشار", "بی‌بی‌سی فارسی"),
        ("fa", "Author,", "مریم افشار", "بی‌بی‌سی فارسی"),
        ("en", "Author,", "Kate Morrow", "BBC News, Cornwall"),
        ("ru", "Автор", "Анна Лебедева", "Би-би-си"),
        ("zh", "作者", "李明", "BBC中文"),
        ("es", "Por", "Ana Ruiz", "BBC News Mundo"),
        ("en", "Written by", "Kate Morrow", "BBC News"),
    ],
    ids=["persian", "persian-en-label", "english", "russian", "chinese", "spanish", "written-by"],
)
def test_a_bylines_label_in_a_span_of_its_own_is_no_name(
    lang: str, label: str, name: str, role: str
) -> None:
    """BBC Persian's byline was cited "Author: نوشته" ("Written by"), with the English label
    "Author: Author", the reporter's name lost."""
    article = extract_article(world_service_page(lang, label, name, role), "https://bbc.example/")
    assert article.author == name


@pytest.mark.parametrize("label", ["Author", "نوشته", "Written by", "作者"])
def test_a_byline_holding_only_its_label_names_nobody(label: str) -> None:
    html = world_service_page("en", label, "", "").replace("<li><span></span></li>", "")
    assert extract_article(html, "https://bbc.example/").author == ""


def photo_essay(meta_author: str, byline: str) -> str:
    """A newspaper's photo essay: its byline credits the photographer first, then the writer;
    each photo's caption credits the photographer again."""
    photos = "".join(
        f'<figure class="gallery-item"><img src="/photos/harbour{i}.jpg" alt="">'
        f'<figcaption><span class="caption">{caption}</span> '
        '<span class="credit">Lena Okafor / Coast Ledger</span></figcaption></figure>'
        for i, caption in enumerate(
            ["Divers check the old breakwater at low tide.", "A crane lifts the first block."]
        )
    )
    meta = f'<meta name="author" content="{meta_author}">' if meta_author else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Photos: Rebuilding the breakwater | Coast Ledger</title>{meta}</head><body>"
        "<main><article><h1>Photos: Rebuilding the breakwater</h1>"
        f'<p class="byline">{byline}</p><div class="gallery">'
        f"<p>{PARAGRAPHS[0]}</p>{photos}<p>{PARAGRAPHS[1]}</p></div></article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("meta_author", "byline"),
    [
        (
            "Photos by Lena Okafor; text by Piet de Wit",
            "Photos by Lena Okafor · Text by Piet de Wit",
        ),
        (
            "",
            'Photos by <a href="/staff/lo">Lena Okafor</a> · Text by <a href="/pw">Piet de Wit</a>',
        ),
        ("", "Photos: Lena Okafor | Text: Piet de Wit"),
    ],
    ids=["declared", "visible", "colons"],
)
def test_a_photo_essays_writer_is_its_author_not_its_photographer(
    meta_author: str, byline: str
) -> None:
    """ "Photos by A · Text by B" cited A alone: quoting the essay's words, a journalist cites
    B, who wrote them. The photographer stays credited under each photo."""
    article = extract_article(photo_essay(meta_author, byline), "https://ledger.example/p/1")
    assert article.author == "Piet de Wit"
    credits = [b.text for b in article.blocks if "Lena Okafor" in b.text]
    assert len(credits) == 2


def test_a_photographers_byline_alone_still_names_them() -> None:
    article = extract_article(photo_essay("", "Photos by Lena Okafor"), "https://ledger.example/")
    assert article.author == "Lena Okafor"
