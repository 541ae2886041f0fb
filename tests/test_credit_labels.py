"""The BBC World Service's pictures in each of its languages: the credit, named only by the
screen reader's label in the service's language ("Fuente de la imagen, ", "图像来源，",
"Автор фото, "), joins the caption under the picture, as the English "Image source, " does;
the caption's own label ("Pie de foto, ") is a screen reader's and stays out."""

from __future__ import annotations

import pytest

from reader.extract import extract_article
from reader.models import BlockKind


def bbc_page(
    lang: str,
    title: str,
    source: str,
    caption_label: str,
    caption: str,
    hidden: str = "visually-hidden",
) -> str:
    """A World Service story in the shape the BBC serves: the picture's credit over it in a
    box of its own, its caption under it, both with a label only a screen reader reads (in
    spans of the class `hidden`)."""
    paragraphs = "".join(
        f'<div data-component="text-block"><p>{text}</p></div>' for text in PARAGRAPHS[lang]
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body><header><nav><ul><li><a href="/">BBC</a></li></ul></nav></header>'
        f'<main role="main"><article><header><h1>{title}</h1></header>'
        '<div data-component="image-block"><figure><img src="https://ichef.example/ws/976/'
        f'harbour.jpg" alt="{ALT}"><span role="text"><span class="{hidden}">{source}'
        f'</span>{CREDIT}</span><figcaption><span class="{hidden}">{caption_label}</span>'
        f"{caption}</figcaption></figure></div>{paragraphs}</article></main></body></html>"
    )


ALT = "Boats in the harbour"
CREDIT = "Harbour Trust"
PARAGRAPHS = {
    "es": [
        "El puerto cerrará el muelle norte durante un mes mientras se reconstruye el dique.",
        "Los pescadores amarrarán en el muelle sur, donde se han marcado doce nuevos atraques.",
    ],
    "pt-BR": [
        "O porto vai fechar o cais norte por um mês enquanto o paredão é reconstruído.",
        "Os pescadores vão atracar no cais sul, onde foram marcadas doze novas vagas.",
    ],
    "ru": [
        "Порт закроет северный причал на месяц, пока восстанавливают волнорез.",
        "Рыбаки будут швартоваться у южного причала, где разметили двенадцать новых мест.",
    ],
    "zh-hans": [
        "港口将关闭北码头一个月，以便重建防波堤。",
        "渔船将停靠在南码头，那里新划出了十二个泊位。",
    ],
    "ja": [
        "港は防波堤の再建のため、北側の岸壁を1か月間閉鎖する。",
        "漁船は南側の岸壁に係留し、新たに12の係留場所が設けられた。",
    ],
    "fa": [
        "بندر اسکله شمالی را به مدت یک ماه می‌بندد تا موج‌شکن بازسازی شود.",
        "قایق‌های ماهیگیری در اسکله جنوبی پهلو می‌گیرند که دوازده جای تازه در آن مشخص شده است.",
    ],
    "ar": [
        "سيغلق الميناء الرصيف الشمالي لمدة شهر بينما يعاد بناء حاجز الأمواج.",
        "سترسو قوارب الصيد في الرصيف الجنوبي حيث خصصت اثنا عشر مرسى جديدا.",
    ],
}
# Each service's words as the BBC's pages say them (its imageCopyrightOffscreenText and
# imageCaptionOffscreenText), the caption in the language, and the caption line read.
SERVICES = {
    "mundo": (
        "es",
        "Fuente de la imagen, ",
        "Pie de foto, ",
        "Las grietas aparecieron tras las tormentas de octubre",
        "Las grietas aparecieron tras las tormentas de octubre. Fuente de la imagen: Harbour Trust",
    ),
    "brasil": (
        "pt-BR",
        "Crédito, ",
        "Legenda da foto, ",
        "As rachaduras surgiram depois das tempestades de outubro",
        "As rachaduras surgiram depois das tempestades de outubro. Crédito: Harbour Trust",
    ),
    "russian": (
        "ru",
        "Автор фото, ",
        "Подпись к фото, ",
        "Трещины появились после октябрьских штормов",
        "Трещины появились после октябрьских штормов. Автор фото: Harbour Trust",
    ),
    "zhongwen": (
        "zh-hans",
        "图像来源，",
        "图像加注文字，",
        "十月的风暴过后，防波堤出现了裂缝。",
        "十月的风暴过后，防波堤出现了裂缝。图像来源: Harbour Trust",
    ),
    "japanese": (
        "ja",
        "画像提供, ",
        "画像説明, ",
        "10月の嵐の後、防波堤にひびが見つかった",
        "10月の嵐の後、防波堤にひびが見つかった。画像提供: Harbour Trust",
    ),
    "arabic": (
        "ar",
        " ،مصدر الصورة",
        " ،التعليق على الصورة",
        "ظهرت الشقوق بعد عواصف أكتوبر",
        "ظهرت الشقوق بعد عواصف أكتوبر. مصدر الصورة: Harbour Trust",
    ),
    "persian": (
        "fa",
        "منبع تصویر، ",
        "توضیح تصویر، ",
        "ترک‌ها پس از طوفان‌های مهر پیدا شد",
        "ترک‌ها پس از طوفان‌های مهر پیدا شد. منبع تصویر: Harbour Trust",
    ),
}
# The class the World Service's pages hide these labels with: generated, naming nothing.
HASHED = "bbc-m04vo2"


@pytest.mark.parametrize("hidden", ["visually-hidden", HASHED])
@pytest.mark.parametrize("service", sorted(SERVICES))
def test_a_credit_labelled_in_the_services_language_joins_the_caption(
    service: str, hidden: str
) -> None:
    """Also when the labels' class is a generated one: BBC Persian's "منبع تصویر، Getty Images"
    stayed a paragraph of its own, its label read out, and the caption began "توضیح تصویر، "
    ("Image caption, ")."""
    lang, source, caption_label, caption, line = SERVICES[service]
    html = bbc_page(lang, "Harbour", source, caption_label, caption, hidden)
    blocks = [(b.kind, b.text) for b in extract_article(html, "https://www.bbc.example/").blocks]
    at = [kind for kind, _ in blocks].index(BlockKind.IMAGE)
    assert blocks[at : at + 3] == [
        (BlockKind.IMAGE, ALT),
        (BlockKind.CAPTION, line),
        (BlockKind.PARAGRAPH, PARAGRAPHS[lang][0]),
    ], blocks
    assert all(text != CREDIT for _, text in blocks)  # no paragraph of its own
