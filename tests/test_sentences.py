"""Where a passage chosen by keyboard grows and shrinks: the sentences of a paragraph."""

from __future__ import annotations

from reader.ui.widgets.article.sentences import sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_sentences_end_at_their_marks_with_the_quotes_after_them() -> None:
    text = "  The ferry stops. “Why?” she asked! About 400 cross each day…  Then rain (again.) "
    assert split(text) == [
        "The ferry stops.",
        "“Why?” she asked!",
        "About 400 cross each day…",
        "Then rain (again.)",
    ]


def test_initials_abbreviations_and_numbers_end_no_sentence() -> None:
    text = (
        "J. R. Ruiz told the U.S. Senate on Jan. 5 that approx. five ships sank, said Mr. "
        "Holm. Prices rose 3.5 per cent. The end"
    )
    assert split(text) == [
        "J. R. Ruiz told the U.S. Senate on Jan. 5 that approx. five ships sank, said Mr. Holm.",
        "Prices rose 3.5 per cent.",
        "The end",
    ]


def test_a_heading_is_one_sentence_and_cjk_full_stops_end_one() -> None:
    assert split("Heading without a stop") == ["Heading without a stop"]
    assert split("港口今天关闭。渡轮停航！明天") == ["港口今天关闭。", "渡轮停航！", "明天"]
    assert split("   ") == []


def test_cjk_marks_in_a_row_end_one_sentence() -> None:
    """Marks in a row: "？！" ended a sentence at "？", and "！" was a sentence of its own."""
    assert split("什么？！他走了。真的吗？？是的。") == [
        "什么？！",
        "他走了。",
        "真的吗？？",
        "是的。",
    ]
    assert split("「本当？！」と聞いた。") == ["「本当？！」と聞いた。"]


def test_a_long_paragraph_is_split_without_copying_it_at_each_full_stop() -> None:
    """A plain-text page or a transcript is one run of tens of thousands of words: reading all
    the text before each full stop again (or all after it) made the first `v` take seconds.
    Each stop looks at the words beside it only, so nothing near the text's size is copied."""
    import tracemalloc

    text = "Mr. Holm met Dr. Ruiz at approx. ten, with J. Smith and " * 2_000 + "the rest."
    tracemalloc.start()
    try:
        found = sentences(text)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [(0, len(text))]
    assert peak < len(text) // 4


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    assert split("He lives at No. 10 Downing Street. The answer was no. Then we left.") == [
        "He lives at No. 10 Downing Street.",
        "The answer was no.",
        "Then we left.",
    ]


def test_arabic_urdu_and_devanagari_marks_end_a_sentence() -> None:
    assert split("عادت العبّارة اليوم. هل سيستمر الخط؟ قال القبطان نعم!") == [
        "عادت العبّارة اليوم.",
        "هل سيستمر الخط؟",
        "قال القبطان نعم!",
    ]
    assert split("नौका आज लौट आई। क्या सेवा जारी रहेगी? हाँ॥ अंत") == [
        "नौका आज लौट आई।",
        "क्या सेवा जारी रहेगी?",
        "हाँ॥",
        "अंत",
    ]
    assert split("کشتی آج واپس آئی۔ کل پھر") == ["کشتی آج واپس آئی۔", "کل پھر"]


def test_german_and_french_closing_quotes_stay_with_their_sentence() -> None:
    assert split("„Die Fähre fährt wieder.“ Das sagte er. »Neu!« Ja. Ende. »Zitat« hier.") == [
        "„Die Fähre fährt wieder.“",
        "Das sagte er.",
        "»Neu!«",
        "Ja.",
        "Ende.",
        "»Zitat« hier.",
    ]
    assert split("« Le bac reprend. » Le capitaine l’a dit.\u00a0« Vraiment ?\u202f» Oui.") == [
        "« Le bac reprend. »",
        "Le capitaine l’a dit.",
        "« Vraiment ?\u202f»",
        "Oui.",
    ]


def test_abbreviations_of_other_languages_end_no_sentence() -> None:
    """German nouns are capitalised, so "z. B. Fahrpläne" is not saved by the lower-case test."""
    text = (
        "Es gibt z. B. Fahrpläne, d. h. Abfahrten jede Stunde. Die Stadt zahlt ca. 40 "
        "Prozent, Nr. 5 der Liste. Т. е. всё хорошо, т. е. Москва рада. Mme Roux vient."
    )
    assert split(text) == [
        "Es gibt z. B. Fahrpläne, d. h. Abfahrten jede Stunde.",
        "Die Stadt zahlt ca. 40 Prozent, Nr. 5 der Liste.",
        "Т. е. всё хорошо, т. е. Москва рада.",
        "Mme Roux vient.",
    ]
    assert split("He said a. Then b. Stop.") == ["He said a.", "Then b.", "Stop."]


def test_a_japanese_quotation_followed_by_its_particle_is_one_sentence() -> None:
    assert split("港に戻った。「航路は続くのか？」と乗客は尋ねた。「はい！」彼は言った。") == [
        "港に戻った。",
        "「航路は続くのか？」と乗客は尋ねた。",
        "「はい！」",
        "彼は言った。",
    ]


def test_a_chinese_quotation_goes_on_with_whoever_asked_or_cried_it_out() -> None:
    """“你去吗？”他问。 is one sentence; a quotation after 说： ends its sentence, and one that
    ends with "。" ends its own (its speaker would follow a comma)."""
    text = (
        "“你去吗？”他问。“不去！”她笑了。港务长说道：“任何船只都不得出港！”据气象台预报，"
        "风力将减弱。「你們還開船嗎？」碼頭工人問。“我不去。”他说。“真的？”“真的！”"
    )
    assert split(text) == [
        "“你去吗？”他问。",
        "“不去！”她笑了。",
        "港务长说道：“任何船只都不得出港！”",
        "据气象台预报，风力将减弱。",
        "「你們還開船嗎？」碼頭工人問。",
        "“我不去。”",
        "他说。",
        "“真的？”",
        "“真的！”",
    ]
    assert split("「本当？」って聞いた。「はい！」彼は言った。") == [
        "「本当？」って聞いた。",
        "「はい！」",
        "彼は言った。",
    ]


def test_a_dash_and_lower_case_after_a_quotation_go_on_with_its_sentence() -> None:
    text = "«Когда?» — спросил он. — Завтра! — ответил капитан. Паром ушёл. Итог — ноль."
    assert split(text) == [
        "«Когда?» — спросил он.",
        "— Завтра! — ответил капитан.",
        "Паром ушёл.",
        "Итог — ноль.",
    ]


def test_a_german_date_and_hindi_and_german_abbreviations_end_no_sentence() -> None:
    assert split("Am 3. Oktober kam er. Er zahlte 3 Mio. Euro. Im Jahr 2020. Dann nicht.") == [
        "Am 3. Oktober kam er.",
        "Er zahlte 3 Mio. Euro.",
        "Im Jahr 2020.",
        "Dann nicht.",
    ]
    assert split("डॉ. शर्मा ने कहा कि नौका लौट आई। प्रो. वर्मा सहमत हैं।") == [
        "डॉ. शर्मा ने कहा कि नौका लौट आई।",
        "प्रो. वर्मा सहमत हैं।",
    ]


def test_a_note_mark_after_the_full_stop_stays_with_its_sentence() -> None:
    """ "…since 2019.¹ What brought…" was one sentence with the next: the stop was not before a
    space. Wikipedia's "[3]" and a superscript after a quote end the sentence too."""
    text = (
        "No gauge reported a reading since 2019.¹ What brought them back was a volunteer. "
        "The port opened in 1871.[3] Its quay was rebuilt twice.²³ “It held,” she said.”⁴ Then"
        " a note [a] inside a sentence.[b] End"
    )
    assert split(text) == [
        "No gauge reported a reading since 2019.¹",
        "What brought them back was a volunteer.",
        "The port opened in 1871.[3]",
        "Its quay was rebuilt twice.²³",
        "“It held,” she said.”⁴",
        "Then a note [a] inside a sentence.[b]",
        "End",
    ]


def test_a_quotation_stays_with_its_speaker_and_british_titles_end_nothing() -> None:
    """A step ended at "“It is safe." (the quotation open, its speaker cut off) and at "(led
    by Cllr." (acc27a A14); a quotation closed before the next sentence still ends one, and
    one running on into the next paragraph (never closed here) leaves its sentences apart."""
    assert split("“It is safe. For now, anyway,” said Dr. Amara Okonkwo. The board met.") == [
        "“It is safe. For now, anyway,” said Dr. Amara Okonkwo.",
        "The board met.",
    ]
    assert split("The panel (led by Cllr. Ann Lee) met. It voted.") == [
        "The panel (led by Cllr. Ann Lee) met.",
        "It voted.",
    ]
    assert split("“It is safe.” The board met.") == ["“It is safe.”", "The board met."]
    assert split("“We will go. We will see the rest") == ["“We will go.", "We will see the rest"]


def test_a_quotation_in_straight_marks_stays_with_its_speaker() -> None:
    """A straight `"` opens and closes alike: paired in turn, as curly marks are read; one after
    a figure is an inch mark, opening nothing."""
    assert split('"It is safe. For now, anyway," said Dr. Amara Okonkwo. The board met.') == [
        '"It is safe. For now, anyway," said Dr. Amara Okonkwo.',
        "The board met.",
    ]
    assert split('"It is safe." The board met. "It is not."') == [
        '"It is safe."',
        "The board met.",
        '"It is not."',
    ]
    assert split('The 12" pipe burst. "It held. Then it went," he said.') == [
        'The 12" pipe burst.',
        '"It held. Then it went," he said.',
    ]
    assert split('"We will go. We will see the rest') == ['"We will go.', "We will see the rest"]
