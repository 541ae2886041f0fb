"""The citation as one line (Chicago, APA) and as CSL-JSON, over articles as the cache holds
them: no author, no date, several authors, names in scripts that are not turned round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from reader.citation import copied_citation, header_lines, markdown_header
from reader.citation_styles import apa, authors, chicago, csl_item
from reader.cited_names import parsed_name
from reader.models import Article, Block, BlockKind, Inline

CET = timezone(timedelta(hours=1))
# Retrieved at noon UTC: the same day in every zone the tests may run in (UTC-11 to UTC+11).
RETRIEVED = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def story(**changes: object) -> Article:
    fields: dict[str, object] = {
        "url": "https://ledger.example/2026/11/20/harbour-contract-costs?utm_source=rss",
        "title": "Harbour Contract Costs Twice What Council Was Told",
        "author": "Maren Holt",
        "published": datetime(2026, 11, 20, 9, 30, tzinfo=CET),
        "site_name": "Harbour Ledger",
        "language": "en",
        "fetched_at": RETRIEVED,
    }
    return Article(**{**fields, **changes})  # type: ignore[arg-type]


URL = "https://ledger.example/2026/11/20/harbour-contract-costs"


def test_the_tester_s_article_in_chicago_and_apa() -> None:
    assert chicago(story()) == (
        'Holt, Maren. "Harbour Contract Costs Twice What Council Was Told." Harbour Ledger,'
        f" November 20, 2026. Accessed December 4, 2026. {URL}."
    )
    assert apa(story()) == (
        "Holt, M. (2026, November 20). Harbour contract costs twice what council was told."
        f" Harbour Ledger. {URL}"
    )


def test_a_title_in_sentence_case_is_set_in_headline_case_for_chicago_and_kept_for_apa() -> None:
    article = story(title="Timeline: how the harbour deal with NATO was done in Quayside")
    assert '"Timeline: How the Harbour Deal with NATO Was Done in Quayside."' in chicago(article)
    # APA keeps its proper nouns ("Quayside"), capitalising only the word after the colon.
    assert ". Timeline: How the harbour deal with NATO was done in Quayside. " in apa(article)


def test_a_headline_in_capitals_is_set_in_each_style_s_case() -> None:
    """acc47a A11: "PORT CLOSED AFTER FIRE" was kept in capitals by APA (sentence case) and
    Chicago (headline case); a short list of acronyms keeps its capitals, and the names the
    text writes capitalised theirs."""
    from reader.citation_mla import mla

    shouted = story(
        title="MAYOR OF QUAYSIDE RESIGNS OVER NHS BUDGET: UK'S MPS TO VOTE ON COVID-19 PLAN",
        blocks=_paragraphs("The mayor of Quayside resigned on Monday after the vote."),
    )
    assert (
        ". Mayor of Quayside resigns over NHS budget: UK's MPs to vote on COVID-19 plan. "
        in apa(shouted)
    )
    headline = '"Mayor of Quayside Resigns over NHS Budget: UK\'s MPs to Vote on COVID-19 Plan."'
    assert headline in chicago(shouted)
    assert headline in mla(shouted)
    # A headline in mixed case keeps its capitals as before; an acronym alone is no shouting.
    assert '"Harbour Audit Finds EU Funds Missing."' in chicago(
        story(title="Harbour audit finds EU funds missing")
    )
    assert ". NHS. " in apa(story(title="NHS"))


def _paragraphs(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(BlockKind.PARAGRAPH, (Inline(text),)) for text in texts)


GERMAN = "Hafenvertrag kostet die Stadt doppelt so viel, wie der Stadtrat erfuhr"
NOUNS = "Neue Kosten in Hamburg"
"""A German headline of nouns: its every word but "in" capitalised, as an English one in
headline case has them."""
GERMAN_TEXT = _paragraphs(
    "Der Vertrag mit der Baggerfirma kostet die Stadt 12 Millionen Euro, und nicht sechs, wie"
    " der Rat im Frühjahr erfuhr. Die Prüfer haben die Rechnungen auch für das Jahr 2025 gelesen."
)


def test_a_title_of_no_declared_language_is_recased_only_when_its_words_are_english() -> None:
    """A German title in ASCII letters on a page naming no language was taken for English:
    its nouns lower-cased for APA ("Neue kosten in hamburg"), its small words capitalised for
    Chicago ("Kostet Die Stadt Doppelt so Viel"), acc36 S4."""
    german = story(title=NOUNS, language="", blocks=GERMAN_TEXT)
    assert f". {NOUNS}. Harbour Ledger." in apa(german)
    assert f'"{NOUNS}."' in chicago(german)
    # Its title's words say it alone, with no text cached.
    assert f'"{GERMAN}."' in chicago(story(title=GERMAN, language=""))
    assert f". {GERMAN}. Harbour Ledger." in apa(story(title=GERMAN, language=""))
    # No word of the title says its language, and no text is cached: left as written.
    assert f". {NOUNS}. Harbour Ledger." in apa(story(title=NOUNS, language=""))
    # English with no language declared is recased as before, by its text's words or its own.
    text = _paragraphs("The council was told the contract would cost half of what it did.")
    english = story(language="", blocks=text)
    assert ". Harbour contract costs twice what council was told. " in apa(english)
    assert ". Harbour contract costs twice what council was told. " in apa(story(language=""))


def test_no_author_puts_the_title_first_and_no_date_says_n_d_with_the_day_retrieved() -> None:
    letter = story(author="", published=None, title="Letter: the harbour deal needs daylight?")
    assert chicago(letter) == (
        '"Letter: The Harbour Deal Needs Daylight?" Harbour Ledger.'
        f" Accessed December 4, 2026. {URL}."
    )
    assert apa(letter) == (
        "Letter: The harbour deal needs daylight? (n.d.). Harbour Ledger."
        f" Retrieved December 4, 2026, from {URL}"
    )


def test_several_authors_in_each_style() -> None:
    two = story(author="Maren Holt, Jonas Berg")
    assert chicago(two).startswith('Holt, Maren, and Jonas Berg. "Harbour')
    assert apa(two).startswith("Holt, M., & Berg, J. (2026")
    three = story(author="Maren Holt, Jean-Paul van der Berg, Ana Ruiz Jr.")
    assert chicago(three).startswith(
        'Holt, Maren, Jean-Paul van der Berg, and Ana Ruiz Jr. "Harbour'
    )
    # A Dutch particle after the given names (CSL's dropping particle): "Berg, J.-P. van der".
    assert apa(three).startswith("Holt, M., Berg, J.-P. van der, & Ruiz, A., Jr. (2026")
    assert authors(three) == ["Maren Holt", "Jean-Paul van der Berg", "Ana Ruiz Jr."]


def test_a_suffix_after_a_comma_is_part_of_the_name() -> None:
    """ "Martin Lund, Jr" was two authors, "Martin Lund" and "Jr" (in the JSON's authors and
    every citation); a name written surname first keeps its suffix at the end."""
    cached = story(author="Martin Lund, Jr., Reuters")
    assert authors(cached) == ["Martin Lund, Jr.", "Reuters"]
    assert apa(story(author="Martin Lund, Jr")).startswith("Lund, M., Jr. (2026")
    assert chicago(story(author="Lund, Martin, Jr.; Ann Baker")).startswith(
        'Lund, Martin, Jr., and Ann Baker. "Harbour'
    )
    assert csl_item(story(author="Martin Lund, Jr."), "x")["author"] == [
        {"family": "Lund", "given": "Martin", "suffix": "Jr."}
    ]


def test_an_ordinal_suffix_is_the_name_s_and_a_newsroom_s_number_its_own() -> None:
    """ "Henry Ford 2nd" was cited "2nd, Henry Ford": the ordinal is a suffix, as "III" is;
    "Reporter 5-0" is cited as written."""
    assert apa(story(author="Henry Ford 2nd")).startswith("Ford, H., 2nd. (2026")
    assert chicago(story(author="Henry Ford 2nd")).startswith('Ford, Henry, 2nd. "Harbour')
    assert apa(story(author="Reporter 5-0")).startswith("Reporter 5-0. (2026")


def test_gaelic_and_welsh_surnames_keep_their_particle() -> None:
    """ "Ní Bhriain" is the surname: cut before it, a bibliography misspelt the writer's name
    (acc27a A1); a capital "Van" inside a name is the surname's too, as "De La Hoya" is
    (acc47a A5: "Dyke, A. V." for "Van Dyke"), the first word a given name ("Van Morrison")."""
    irish = story(author="Siobhán Ní Bhriain, Seán Mac Giolla Phádraig, Dafydd ap Gwilym")
    assert chicago(irish).startswith(
        'Ní Bhriain, Siobhán, Seán Mac Giolla Phádraig, and Dafydd ap Gwilym. "Harbour'
    )
    assert apa(irish).startswith("Ní Bhriain, S., Mac Giolla Phádraig, S., & ap Gwilym, D. (2026")
    assert apa(story(author="Ciarán Ó Súilleabháin")).startswith("Ó Súilleabháin, C. (2026")
    assert apa(story(author="Mac Miller")).startswith("Miller, M. (2026")
    assert apa(story(author="Anna Van Dyke")).startswith("Van Dyke, A. (2026")
    assert apa(story(author="Van Morrison")).startswith("Morrison, V. (2026")


def test_a_title_before_a_name_is_left_out_of_the_citation() -> None:
    """ "Dr Samuel Nwosu" was cited "Nwosu, Dr Samuel" and "Nwosu, D. S." (acc27a A11); the
    block's Author line keeps the byline as written."""
    doctor = story(author="Dr Samuel Nwosu, Prof. Ana Ruiz")
    assert chicago(doctor).startswith('Nwosu, Samuel, and Ana Ruiz. "Harbour')
    assert apa(doctor).startswith("Nwosu, S., & Ruiz, A. (2026")
    assert "Author: Dr Samuel Nwosu, Prof. Ana Ruiz" in copied_citation(doctor, "block")


def test_names_in_scripts_not_turned_round_and_titles_in_their_own_language() -> None:
    for name, title, language in (
        ("李明", "港口合同审计：疏浚费用翻倍", "zh"),
        ("佐藤花子", "港湾契約、監査で費用倍増が判明", "ja"),
        ("ليلى حداد", "عقد الميناء: المدققون يكشفون عن تجاوز في التكاليف", "ar"),
        ("נועה לוי", "חוזה הנמל: המבקרים מצאו חריגה בעלויות", "he"),
    ):
        article = story(author=name, title=title, language=language)
        assert chicago(article).startswith(f'{name}. "{title}." Harbour Ledger, November 20')
        assert apa(article).startswith(f"{name}. (2026, November 20). {title}. Harbour Ledger.")
    # Cyrillic and Latin names are turned round and initialised; a French title keeps its case.
    french = story(
        author="Élodie Garçon", title="Le contrat du port : la société Élévation", language="fr"
    )
    assert chicago(french).startswith(
        'Garçon, Élodie. "Le contrat du port : la société Élévation."'
    )
    assert apa(story(author="Алексей Ёлкин")).startswith("Ёлкин, А. (2026")
    # A newsroom or a one-word name is cited as written.
    assert parsed_name("Reuters").literal == "Reuters"
    assert parsed_name("Ledger Staff Reporter").literal == "Ledger Staff Reporter"


def test_text_from_the_web_is_cited_without_its_control_characters() -> None:
    hostile = story(title="Bold\x1b]0;pwned\x07 claim", author="Maren\x1b[31m Holt")
    for line in (chicago(hostile), apa(hostile)):
        assert "\x1b" not in line and "\x07" not in line and "pwned" not in line


def test_csl_json_names_each_author_apart_and_dates_as_parts() -> None:
    item = csl_item(story(author="Maren Holt, 李明"), "1b6eb2abfa52")
    assert item == {
        "id": "1b6eb2abfa52",
        "type": "article-newspaper",
        "title": "Harbour Contract Costs Twice What Council Was Told",
        "container-title": "Harbour Ledger",
        "author": [{"family": "Holt", "given": "Maren"}, {"literal": "李明"}],
        "URL": URL,
        "language": "en",
        "issued": {"date-parts": [[2026, 11, 20]]},
        "accessed": {"date-parts": [[2026, 12, 4]]},
    }


def test_the_style_decides_what_y_copies_and_the_header_block_stays_the_default() -> None:
    article = story(partial=True)
    assert copied_citation(article) == markdown_header(article).rstrip() + "\n"
    assert header_lines(article)[0] == "Source: Harbour Ledger"
    line = copied_citation(article, "chicago")
    assert line == chicago(article) + "\nNote: this is the text the feed carried, not the page's\n"
    # A date the feed gave, the page giving none, is said to be the feed's, as the block says.
    fed = copied_citation(story(published_by_feed=True), "apa").splitlines()
    assert fed[1] == "Note: the date is the feed's (the page gives none, and may print another)"
    # Under a Markdown heading the line is escaped as any text of the page is.
    starred = story(title="Harbour *Contract*")
    assert "Harbour \\*Contract\\*" in markdown_header(starred, "apa")


def test_apa_keeps_the_names_the_article_writes_with_a_capital_inside_its_sentences() -> None:
    body = (
        Block(
            BlockKind.PARAGRAPH,
            (
                Inline(
                    "Auditors in Oslo found the Quayside dredging cost twice "
                    "what the council was told. Harbour officials declined to comment."
                ),
            ),
        ),
        Block(
            BlockKind.PARAGRAPH,
            (Inline("The harbour's budget went to the Eastquay Port Authority."),),
        ),
    )
    article = story(title="Oslo Auditors Say Quayside Harbour Dredging Cost Twice", blocks=body)
    # "Oslo" opens the title; "Quayside" is written with a capital mid-sentence and never
    # lowered; "Harbour" opens a sentence only and is lowered elsewhere; "Auditors" opens one.
    assert ". Oslo auditors say Quayside harbour dredging cost twice. " in apa(article)
    assert ". Oslo auditors say quayside harbour dredging cost twice. " in apa(
        story(title="Oslo Auditors Say Quayside Harbour Dredging Cost Twice")
    )


def test_a_name_seen_only_in_a_heading_or_at_a_sentence_start_is_lowered() -> None:
    body = (
        Block(BlockKind.HEADING, (Inline("Dredging Costs Explained"),)),
        Block(
            BlockKind.PARAGRAPH, (Inline("Dredging began in May. “Costs rose,” an auditor said."),)
        ),
    )
    article = story(title="Harbour Dredging Costs Rose Again", blocks=body)
    assert ". Harbour dredging costs rose again. " in apa(article)


def test_the_site_a_byline_names_beside_its_writer_is_no_second_author() -> None:
    byline = story(author="Mark Sullivan, Harbour Ledger")
    assert apa(byline).startswith("Sullivan, M. (2026, November 20).")
    assert chicago(byline).startswith('Sullivan, Mark. "Harbour')
    # Another outlet named so is kept, as written, not turned round as a person's name.
    other = story(author="Mark Sullivan, The Lakeshore Ledger")
    assert apa(other).startswith("Sullivan, M., & The Lakeshore Ledger. (2026")
    assert authors(story(author="Harbour Ledger")) == []


def test_a_line_under_a_quoted_passage_is_escaped_as_the_passage_is() -> None:
    """`v` then `y`: the passage is Markdown, and so the line under it; a page's title must
    not become a live link or code in the notes it is pasted into."""
    hostile = story(title="Quay *bold* [x](http://evil.example/) `code`")
    for style in ("chicago", "apa"):
        plain = copied_citation(hostile, style)
        assert "[X](http://evil.example/)" in plain or "[x](http://evil.example/)" in plain
        under = copied_citation(hostile, style, under_markdown=True)
        assert "](http://evil.example/)" not in under.replace("\\]", "")
        assert "\\*" in under and "\\`" in under


def test_a_name_written_surname_first_is_one_writer() -> None:
    """A page's `<meta name="author" content="Holt, Maren">` was cited as two writers, "Holt,
    and Maren." (acc27a A27); several so are kept apart by semicolons."""
    assert chicago(story(author="Holt, Maren")).startswith('Holt, Maren. "Harbour')
    assert apa(story(author="Kooman, F.")).startswith("Kooman, F. (2026")
    assert apa(story(author="Holt, M.; Berg, Tom")).startswith("Holt, M., & Berg, T. (2026")
    assert authors(story(author="Maren Holt, Jonas Berg")) == ["Maren Holt", "Jonas Berg"]


def test_the_publication_is_in_italics_in_markdown_and_plain_in_text() -> None:
    """Chicago and APA set the newspaper's name in italics: in Markdown (`reader show --format
    markdown`, a quote's `y`) `*Coastal Courier*`, its own "*" or "_" escaped (acc27a A15)."""
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark").render
    for style in ("chicago", "apa"):
        article = story(site_name="Coastal Courier")
        assert "Coastal Courier" in copied_citation(article, style)
        assert "*Coastal Courier*" not in copied_citation(article, style)
        under = copied_citation(article, style, under_markdown=True)
        assert "*Coastal Courier*" in under
        assert "<em>Coastal Courier</em>" in render(markdown_header(article, style))
        odd = story(site_name="The *Star*_Gazette Inc.")
        html = render(copied_citation(odd, style, under_markdown=True))
        assert "<em>The *Star*_Gazette Inc.</em>" in html, html
        assert "Inc.*." not in copied_citation(odd, style, under_markdown=True)


def test_headline_case_keeps_a_compound_s_minor_word_and_a_dash_s_lower_case() -> None:
    """acc27a A12/A23: Chicago lowers a preposition inside a compound ("Speech-to-Text", CMOS
    8.161) and a minor word after a dash, which goes on with the sentence (a subtitle comes
    after a colon); a compound's last part stays an adverb ("Built-In")."""
    cited = chicago(story(title="Newsrooms Use Speech-To-Text and Built-In Up-To-Date Tools"))
    assert '"Newsrooms Use Speech-to-Text and Built-In Up-to-Date Tools."' in cited
    dashed = chicago(story(title="Why the UK's Ports Are Sinking — And What to Do About It"))
    assert '"Why the UK\'s Ports Are Sinking — and What to Do about It."' in dashed
    assert '"COVID-19 Funds Used to Pay Dredgers, Audit Finds."' in chicago(
        story(title="COVID-19 Funds Used to Pay Dredgers, Audit Finds")
    )


def test_headline_case_lowers_a_preposition_of_any_length() -> None:
    """acc30a J26: CMOS 8.159 lowers prepositions "regardless of length"; "over" was, "about",
    "between", "during" were not. "After", "before", "since" and "until", as often conjunctions
    opening a clause, and "through", as often a verb's adverb, stay capitalised."""
    for title, cased in (
        ("Ferry runs between islands", "Ferry Runs between Islands"),
        ("Mayor acts against advice", "Mayor Acts against Advice"),
        ("Port closes during storm", "Port Closes during Storm"),
        ("Life without a harbour", "Life without a Harbour"),
        ("Talks continue despite row", "Talks Continue despite Row"),
        ("Ships pass under the bridge", "Ships Pass under the Bridge"),
        ("A look inside the audit", "A Look inside the Audit"),
        ("The road toward recovery", "The Road toward Recovery"),
        (
            "The $9.4m question — and what to do about it",
            "The $9.4m Question — and What to Do about It",
        ),
        ("What lies beneath", "What Lies Beneath"),
        ("Town celebrates after team wins", "Town Celebrates After Team Wins"),
        ("Council votes through budget", "Council Votes Through Budget"),
        # Before a figure "up" and "off" are adverbs of the change (acc39a L14), capitalised
        # as "Out" is; "up to" and "off the" are prepositions still.
        (
            "Harbour spending up 30% as libraries lose out, figures show",
            "Harbour Spending Up 30% as Libraries Lose Out, Figures Show",
        ),
        ("Shares off 5% on profit warning", "Shares Off 5% on Profit Warning"),
        ("Fares up £1.20 from Monday", "Fares Up £1.20 from Monday"),
        ("Fares rise by up to 30%", "Fares Rise by up to 30%"),
        ("Boat towed off the rocks", "Boat Towed off the Rocks"),
    ):
        assert f'"{cased}."' in chicago(story(title=title))


def test_apa_recases_a_headline_holding_a_word_of_its_own_case_or_a_dash() -> None:
    """acc27a A23: "iPhone" (a lower-case first letter) or a dash in a headline-case title
    took it for sentence case, and APA printed it as written."""
    for title, recased in (
        (
            "MPs Demand NHS Inquiry After EU Report on iPhone Data",
            "MPs demand NHS inquiry after EU report on iPhone data.",
        ),
        (
            "Why the UK's Ports Are Sinking — and What to Do About It",
            "Why the UK's ports are sinking — and what to do about it.",
        ),
        (
            "How Small Newsrooms Use Speech-To-Text Without Trusting It",
            "How small newsrooms use speech-to-text without trusting it.",
        ),
    ):
        assert f" {recased} Harbour Ledger." in apa(story(title=title))
    # One already in sentence case is left as written, its names with it.
    kept = "Dredging firm says Quayside work is on time"
    assert f" {kept}. Harbour Ledger." in apa(story(title=kept))


def test_every_style_gives_a_hostile_canonical_address_as_one_word() -> None:
    """A canonical address with a space and angle brackets is one address in every style, as
    the block's Markdown gave it: APA's and Chicago's line gave it as it was, and a pasted
    citation's address broke at the space (acc29c's note)."""
    odd = "https://ledger.example/2026/11/20/harbour?a=>b)c](javascript:alert(1))<x> y"
    encoded = "https://ledger.example/2026/11/20/harbour?a=%3Eb)c](javascript:alert(1))%3Cx%3E%20y"
    article = story(canonical_url=odd)
    assert chicago(article).endswith(f" Accessed December 4, 2026. {encoded}.")
    assert apa(article).endswith(f" Harbour Ledger. {encoded}")
    assert f"URL: {encoded}" in header_lines(article)
    assert f"URL: <{encoded}>" in header_lines(article, markdown=True)
    assert csl_item(article, "x")["URL"] == encoded


def test_the_title_proper_after_a_bracketed_label_starts_with_a_capital() -> None:
    """acc47a A11: "[Interview] The mayor …" was cited "[Interview] the Mayor …" in Chicago
    and MLA, its first word lowered as a word inside the title; APA lowered it in a title set
    in headline case."""
    from reader.citation_mla import mla

    label = story(title="[Interview] The mayor on 10 years of the port")
    assert '"[Interview] The Mayor on 10 Years of the Port."' in chicago(label)
    assert '"[Interview] The Mayor on 10 Years of the Port."' in mla(label)
    headline = story(title="[Live Updates] The Storm Hits The Coast")
    assert "[Live updates] The storm hits the coast." in apa(headline)
    assert '"[Live Updates] The Storm Hits the Coast."' in chicago(headline)


def test_a_headline_in_capitals_keeps_the_acronyms_its_text_writes_in_capitals() -> None:
    """acc48d D2: "WHO WARNS…" was cited "Who warns…", and "RNLI … DUP AND SNP MPS" "Rnli …
    dup and snp MPs", though the text writes "The WHO said", "An RNLI crew", "DUP and SNP
    MPs"; the records froze the headline's capitals where the styles lowered them."""
    from reader.citation_mla import mla
    from reader.citation_records import bibtex, ris

    who = story(
        title="WHO WARNS OF EARLY FLU SEASON AS NHS PREPARES",
        blocks=_paragraphs("The WHO said on Monday that cases were rising early."),
    )
    assert ". WHO warns of early flu season as NHS prepares. " in apa(who)
    assert '"WHO Warns of Early Flu Season as NHS Prepares."' in chicago(who)
    rnli = story(
        title="RNLI CREW RESCUES THREE AS DUP AND SNP MPS CLASH OVER COASTGUARD CUTS",
        blocks=_paragraphs(
            "An RNLI crew rescued three people on Sunday, as DUP and SNP MPs clashed.",
            "A SENTENCE IN CAPITALS SAYS NOTHING OF CREW OR CLASH.",
        ),
    )
    assert ". RNLI crew rescues three as DUP and SNP MPs clash over coastguard cuts. " in apa(rnli)
    headline = '"RNLI Crew Rescues Three as DUP and SNP MPs Clash over Coastguard Cuts."'
    assert headline in chicago(rnli)
    assert headline in mla(rnli)
    # A possessive's "S" is lowered still, the text's capitals or not.
    possessive = story(
        title="COVID-19 CASES RISE IN THE UK'S NORTH AS RNLI'S CREWS WARN",
        blocks=_paragraphs("Cases in the UK rose, and the RNLI said its crews were tired."),
    )
    assert ". COVID-19 cases rise in the UK's north as RNLI's crews warn. " in apa(possessive)
    item = csl_item(rnli, "rnli")
    # CSL's mark for a word's own capitals, which citeproc-js and pandoc keep.
    assert item["title"] == (
        '<span class="nocase">RNLI</span> Crew Rescues Three as <span class="nocase">DUP</span>'
        ' and <span class="nocase">SNP</span> <span class="nocase">MPs</span> Clash over'
        " Coastguard Cuts"
    )
    assert f"TI  - {headline[1:-2]}\n" in ris([item])
    # BibTeX braces only the words whose capitals are their own: a style lowers the others.
    assert (
        "title = {{RNLI} Crew Rescues Three as {DUP} and {SNP} {MPs} Clash over Coastguard Cuts},"
        in bibtex([item])
    )
    # A headline in mixed case is held whole as before, the paper's capitals kept.
    assert "title = {{Harbour Contract Costs Twice What Council Was Told}}," in bibtex(
        [csl_item(story(), "story")]
    )
