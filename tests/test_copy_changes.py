"""What changed between two copies kept of an article: `reader diff ID [N [M]]` (text, colour,
JSON) and `d` in the reading view. A story served on 127.0.0.1 synced, then changed by its
newsroom (one figure, one sentence, and the headline, which tells the sync to fetch it again)
and synced again; the real store in tmp_path, the reader driven with Pilot."""

from __future__ import annotations

import asyncio
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.app import App
from werkzeug import Request, Response

from reader.cli import main
from reader.cli.changes import changes_text, marked
from reader.copy_changes import NO_TEXT_CHANGES, Span, changes_between, word_spans
from reader.library import Library
from reader.models import Article, Block, BlockKind, Inline
from reader.ui.dialogs.changes import ChangesScreen, ChangesText
from reader.ui.screens.main import MainScreen
from tests.cli_run import run_reader
from tests.tui_pilot import on_top, reading, screen_text, until

PATH = "/2026/12/04/harbour-dredging.html"
FIGURE = "The port authority paid the dredging firm £3m last spring, the accounts show."
NEW_FIGURE = "The port authority paid the dredging firm £4m last spring, the accounts show."
SENTENCE = "The harbour master said the channel would be clear by Easter."
NEW_SENTENCE = "The harbour master declined to say when the channel would be clear."
REST = (
    "Dredging of the inner harbour began in March and has gone on through the summer, "
    "with the firm's two barges working both tides.",
    "Fishermen say the silt has come back faster than the survey promised, and that the "
    "larger boats still wait for the flood to leave the quay.",
    "The council's transport committee will hear the authority's report in the new year.",
)


@dataclass
class Story:
    """The story's page and its feed item, as its newsroom has them now."""

    title: str = "Port paid dredger £3m"
    paragraphs: list[str] = field(default_factory=lambda: [FIGURE, REST[0], SENTENCE, *REST[1:]])
    byline: str = "Maren Holt"

    def page(self) -> str:
        text = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f"<html><head><title>{self.title}</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>{self.title}</h1><p class='byline'>By {self.byline}</p>{text}"
            "</article><footer>The Harbour Ledger</footer></body></html>"
        )


def serve(httpserver: HTTPServer, story: Story) -> str:
    link = httpserver.url_for(PATH)

    def feed(_request: Request) -> Response:
        return Response(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>'
            f"<item><title>{story.title}</title><link>{link}</link><guid>{link}</guid>"
            "<pubDate>Fri, 04 Dec 2026 09:00:00 GMT</pubDate></item></channel></rss>",
            content_type="application/rss+xml",
        )

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    httpserver.expect_request(PATH).respond_with_handler(
        lambda _request: Response(story.page(), content_type="text/html; charset=utf-8")
    )
    return httpserver.url_for("/feed.xml")


def sync(directory: Path, feed: str) -> str:
    """A sync of the feed: the story's id."""

    async def run() -> str:
        async with Library(directory, workers="thread") as lib:
            lib.add_feed(feed)
            await lib.sync()
            return lib.headlines()[0].entry.id

    return asyncio.run(run())


def edit(story: Story) -> None:
    """The newsroom's stealth edit: one figure, one sentence; the headline says the new figure."""
    story.title = "Port paid dredger £4m"
    story.paragraphs = [NEW_FIGURE, REST[0], NEW_SENTENCE, *REST[1:]]


@pytest.fixture
def edited(httpserver: HTTPServer, data_dir: Path) -> str:
    """The story synced, edited, synced again: its id."""
    story = Story()
    feed = serve(httpserver, story)
    ident = sync(data_dir, feed)
    edit(story)
    assert sync(data_dir, feed) == ident
    return ident


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_reader_diff_shows_the_figure_and_the_sentence_changed_word_by_word(
    edited: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, _ = cli(capsys, "--data-dir", str(data_dir), "diff", edited)
    assert code == 0
    lines = printed.splitlines()
    assert lines[0] == "Changes to “Port paid dredger £4m”"
    assert lines[1].startswith("--- copy 1, retrieved 20")
    assert lines[2].startswith("+++ copy 2 (the latest), retrieved 20")
    # The headline first, then the two paragraphs, each change as the words it is.
    assert "Title: Port paid dredger [-£3m-]{+£4m+}" in lines
    assert "The port authority paid the dredging firm [-£3m-]{+£4m+} last spring" in printed
    assert (
        "The harbour master [-said-]{+declined to say when+} the channel would be "
        "clear[- by Easter-]." in printed
    )
    headings = [line for line in lines if line.startswith("Paragraph")]
    assert headings == ["Paragraph 1:", "Paragraph 3:"]  # nothing else changed
    assert "\x1b" not in printed  # not a terminal: marks, no colour
    # The latest copy's note names the command.
    shown = cli(capsys, "--data-dir", str(data_dir), "show", edited, "--offline")[1]
    assert "reader diff what changed" in " ".join(shown.split())


def test_copies_named_by_number_and_in_json(
    edited: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ("--data-dir", str(data_dir))
    code, printed, _ = cli(capsys, *home, "diff", edited, "1", "2", "--format", "json")
    assert code == 0
    data = json.loads(printed)
    assert (data["id"], data["old"]["version"], data["new"]["version"]) == (edited, 1, 2)
    assert data["new"]["latest"] is True and data["text_unchanged"] is False
    assert data["fields"] == [
        {"field": "title", "old": "Port paid dredger £3m", "new": "Port paid dredger £4m"}
    ]
    first, second = data["hunks"]
    assert (first["old_paragraphs"], first["new_paragraphs"]) == ([1], [1])
    assert (first["old"], first["new"]) == (FIGURE, NEW_FIGURE)
    assert {"kind": "removed", "text": "£3m"} in first["spans"]
    assert {"kind": "added", "text": "£4m"} in first["spans"]
    assert (second["old"], second["new"]) == (SENTENCE, NEW_SENTENCE)
    # Backwards, from the latest to the first: what the edit took out is what comes back.
    _, back, _ = cli(capsys, *home, "diff", edited, "2", "1", "--format", "json")
    assert json.loads(back)["hunks"][0]["new"] == FIGURE
    code, _, said = cli(capsys, *home, "diff", edited, "3")
    assert code == 1 and "no version 3: copies 1 to 2 are kept" in said
    # The latest's number alone: what changed in it, from the copy before (acc28c C6).
    code, alone, _ = cli(capsys, *home, "diff", edited, "2", "--format", "json")
    assert code == 0 and json.loads(alone)["old"]["version"] == 1


def test_several_articles_and_stdin_each_compared_apart_and_in_a_json_list(
    edited: str,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`reader diff` took one id and no `-` where every other command taking articles takes
    several (cli38's `given_ids`): each given is compared, set apart as `show` sets articles
    apart; one that names nothing is said on stderr and the others still printed, exit 1."""
    home = ("--data-dir", str(data_dir))
    code, printed, said = cli(capsys, *home, "diff", edited, "nosuchid", edited, "1", "2")
    assert code == 1
    assert said == "reader: no article with id 'nosuchid' (see `reader list`)\n"
    one, two = printed.split("\n\n" + "─" * 40 + "\n\n")
    assert one.rstrip("\n") == two.rstrip("\n") and one.startswith(
        "Changes to “Port paid dredger £4m”\n"
    )
    assert "--- copy 1, retrieved" in one  # the copies named after the articles: 1 and 2
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{edited}\n\n{edited}\n"))
    code, printed, said = cli(capsys, *home, "diff", "-", "2", "--format", "json")
    assert (code, said) == (0, "")
    listed = json.loads(printed)  # a list for `-`, however many it reads
    assert [(item["id"], item["old"]["version"]) for item in listed] == [(edited, 1), (edited, 1)]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(capsys, *home, "diff", "-", "--format", "json") == (0, "[]\n", "")


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["5"], "no article given"),
        (["1", "2"], "no article given"),
        (["abcdef123456", "1", "2", "3"], "at most two copies' numbers"),
        (["abcdef123456", "3", "abcdef123457"], "3 is a copy's number"),
    ],
)
def test_copies_numbers_out_of_place_are_a_usage_error(
    words: list[str], said: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader diff 5` said "no article with id '5'" (exit 1), as if a copy's number could be
    an id: a command line of the wrong shape is said with diff's usage line, exit 2."""
    with pytest.raises(SystemExit) as ended:
        main(["--data-dir", str(data_dir), "diff", *words])
    assert ended.value.code == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith("usage: reader diff ")
    assert "ID_OR_URL [ID_OR_URL ...] [N] [M]" in printed.err
    assert printed.err.splitlines()[-1].startswith(f"reader diff: error: {said}")


def test_an_id_of_no_article_is_said_as_before(
    edited: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, said = cli(capsys, "--data-dir", str(data_dir), "diff", "abcdef123456", "1")
    assert (code, printed) == (1, "")
    assert said == "reader: no article with id 'abcdef123456' (see `reader list`)\n"


def test_the_json_fields_readme_lists_for_diff_are_those_printed(
    edited: str, data_dir: Path
) -> None:
    """`reader diff --format json` was described beside the command, held by no test to what
    it prints: now a table of README's JSON output, held to it here (cli38's test)."""
    from tests.test_scripting import _documented_fields, _printed_fields

    always, _ = _documented_fields()["reader diff --format json"]
    printed = run_reader(data_dir, "diff", edited, "--format", "json").stdout
    assert _printed_fields(json.loads(printed), always) == always
    listed = run_reader(data_dir, "diff", edited, edited, "--format", "json").stdout
    assert _printed_fields(json.loads(listed), always) == always


def test_one_copy_kept_is_said_in_a_line(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = sync(data_dir, serve(httpserver, Story()))
    code, printed, said = cli(capsys, "--data-dir", str(data_dir), "diff", ident)
    assert (code, printed) == (1, "")
    assert said.startswith("reader: only one copy of this article is kept (retrieved 20")
    assert len(said.splitlines()) == 1


def test_a_hostile_copy_is_printed_as_plain_text(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = Story()
    feed = serve(httpserver, story)
    ident = sync(data_dir, feed)
    story.title = "Port paid dredger £4m"
    story.paragraphs = [
        "The firm was paid \x1b]52;c;cm0gLXJmIH4=\x07 [bold red]£4m[/] \x1b[2J last spring.",
        *story.paragraphs[1:],
    ]
    sync(data_dir, feed)
    _, printed, _ = cli(capsys, "--data-dir", str(data_dir), "diff", ident)
    assert "\x1b" not in printed and "\x07" not in printed
    assert "{+firm was paid [bold red]£4m[/] last spring+}." in printed


def test_colour_on_a_terminal_keeps_the_page_s_escapes_out_and_the_marks_in() -> None:
    """Struck red and underlined green inside the marks: the colours and attributes alone ran
    "9" changed to "12" together as "912" wherever they are not seen (acc47b F5)."""
    old = _article("The firm was paid £3m.", version=1)
    new = _article("The firm was paid \x1b[2J£4m.", version=2)
    coloured = changes_text(changes_between(old, new), coloured=True)
    assert "[-\x1b[9;31m£3m\x1b[m-]{+\x1b[4;32m£4m\x1b[m+}." in coloured
    assert "\x1b[2J" not in coloured
    # Copied from the terminal (the escapes gone): the two figures still apart.
    assert "paid [-£3m-]{+£4m+}." in re.sub("\x1b\\[[0-9;]*m", "", coloured)


def test_only_markup_or_spacing_changed_is_no_change_in_the_text() -> None:
    old = _article("The firm was  paid £3m.", version=1)
    new = _article("The firm was paid\n£3m. ", version=2)
    text = changes_text(changes_between(old, new))
    assert text.splitlines()[-1] == NO_TEXT_CHANGES


def test_a_rewritten_sentence_reads_whole_and_a_figure_as_its_word() -> None:
    assert word_spans("He said on Monday it was fine.", "She told us on Tuesday it was fine.") == [
        Span("removed", "He said on Monday"),
        Span("added", "She told us on Tuesday"),
        Span("same", " it was fine."),
    ]
    assert word_spans("会社は3億円を払った。", "会社は4億円を払った。")[1:3] == [
        Span("removed", "3"),
        Span("added", "4"),
    ]


def test_punctuation_after_a_word_is_compared_apart_from_it() -> None:
    """A name with a comma after it is the same name ("Ana [-Ruiz-]{+Ruiz, Tom Keane+}" read as
    Ruiz removed); a sentence's full stop changed is that mark alone."""
    assert marked(word_spans("Ana Ruiz", "Ana Ruiz, Tom Keane"), False) == (
        "Ana Ruiz{+, Tom Keane+}"
    )
    assert marked(word_spans("began in March.", "began in March, minutes now show it"), False) == (
        "began in March[-.-]{+, minutes now show it+}"
    )
    assert marked(word_spans("(“Yes,” he said.)", "(“No,” he said.)"), False) == (
        "(“[-Yes-]{+No+},” he said.)"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("£3m", "£4m"),
        ("3.5%", "3.6%"),
        ("1,200", "1,300"),
        ("12:30", "12:45"),
        ("U.S.", "U.K."),
        ("e-mail", "e-post"),
        ("https://example.org/a?page=1", "https://example.org/a?page=2"),
    ],
)
def test_a_figure_stays_one_word_with_punctuation_round_it(old: str, new: str) -> None:
    """A figure, abbreviation or address changed is that whole word, the comma or full stop
    after it (or bracket before) the same."""
    spans = word_spans(f"It was ({old}), then {old}. Later", f"It was ({new}), then {new}. Later")
    assert [s for s in spans if s.kind != "same"] == [
        Span("removed", old),
        Span("added", new),
        Span("removed", old),
        Span("added", new),
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a b c", "a c"),
        ("a c", "a b c"),
        ("one two three four", "one two three"),
        ("b c", "a b c"),
        ("He said .", "He said."),
        ("p1 words\np2 words\np3", "p1 words\np3"),
        ("a b", "a\nx\nb"),
        ("The harbour master said the channel would be clear by Easter.", NEW_SENTENCE),
    ],
)
def test_each_copy_s_spacing_is_given_back_exactly(old: str, new: str) -> None:
    """What is the same and removed is the older copy, what is the same and added the newer,
    no space invented or lost (a word removed left two spaces in the newer; one at the end
    glued it to the word before, "threefour")."""
    spans = word_spans(old, new)
    assert "".join(s.text for s in spans if s.kind != "added") == old
    assert "".join(s.text for s in spans if s.kind != "removed") == new


def _article(text: str, version: int) -> Article:
    times = (None, None)
    block = Block(BlockKind.PARAGRAPH, (Inline(text),))
    return Article(url="https://example.org/a", blocks=(block,), versions=times, version=version)


def test_d_in_the_reading_view_shows_the_changes_styled_and_esc_goes_back(
    edited: str, data_dir: Path
) -> None:
    async def run() -> None:
        async with reading(data_dir, "dredger", size=(110, 40)) as (app, pilot, _body):
            # The header tells of the key, as of V.
            assert "which is kept: V shows it, d what changed" in " ".join(screen_text(app).split())
            await pilot.press("d")
            await on_top(pilot, ChangesScreen, "the changes")
            await until(pilot, lambda: app.screen.query_one(ChangesText).shown, "them drawn")
            await pilot.pause()
            shown = screen_text(app)
            assert "Changes: copy 1 → copy 2" in shown
            assert "− Copy 1, retrieved 20" in shown and "+ Copy 2 (the latest), retrieved" in shown
            headings = [line.strip("│ ") for line in shown.splitlines() if "Paragraph" in line]
            assert headings == ["Paragraph 1", "Paragraph 3"]
            # Marked as `reader diff` marks them: apart without the styles (acc47b F5).
            assert "The port authority paid the dredging firm [-£3m-]{+£4m+} last spring" in shown
            removed, added = styled(app, "removed"), styled(app, "added")
            assert removed == ["£3m", "£3m", "said", "by Easter"]
            assert added == ["£4m", "£4m", "declined to say when"]
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, ChangesScreen), "back")
            # Esc and a key together (one Alt+key): closed, then the key acts on the article
            # (acc34a C4): q, back to the headlines.
            await pilot.press("d")
            await on_top(pilot, ChangesScreen, "the changes again")
            await pilot.press("alt+q")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the headlines")

    asyncio.run(run())


def test_d_under_no_color_keeps_a_figure_changed_apart_from_the_one_before(
    edited: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: no colour, and the removed and the added words ran together ("912 per cent"
    for 9 changed to 12) wherever strikethrough and underline are not drawn or not copied
    (acc47b F5); the marks keep them apart, as `reader diff` piped prints them."""
    from rich.style import Style

    from reader.ui.dialogs.changes import changes_text as view_text

    monkeypatch.setenv("NO_COLOR", "1")

    async def run() -> None:
        async with reading(data_dir, "dredger", size=(110, 40)) as (app, pilot, _body):
            await pilot.press("d")
            await on_top(pilot, ChangesScreen, "the changes")
            await until(pilot, lambda: app.screen.query_one(ChangesText).shown, "them drawn")
            await pilot.pause()
            assert "Title: Port paid dredger [-£3m-]{+£4m+}" in screen_text(app)

    asyncio.run(run())
    old = _article("Ferry fares to rise by 9 per cent in January.", version=1)
    new = _article("Ferry fares to rise by 12 per cent in January.", version=2)
    styles = {kind: Style() for kind in ("removed", "added", "heading")}
    shown = view_text(changes_between(old, new), styles).plain  # what a copy of it takes
    assert "rise by [-9-]{+12+} per cent" in shown and "912" not in shown


def styled(app: App[object], kind: str) -> list[str]:
    """The runs of text on screen drawn in the changes' style for `kind` (its colour, its
    strike or underline), the first words of each."""
    style = app.screen.query_one(ChangesText).get_component_rich_style(f"changes-text--{kind}")
    runs: list[str] = []
    for strip in app.screen._compositor.render_strips():
        run = ""
        for segment in strip:
            drawn = segment.style
            if (
                drawn
                and drawn.color == style.color
                and drawn.strike == style.strike
                and (drawn.underline == style.underline)
            ):
                run += segment.text
            elif run:
                runs.append(run.strip())
                run = ""
        if run:
            runs.append(run.strip())
    return [" ".join(run.split()[:4]) for run in runs]


@pytest.mark.parametrize("key", ["d", "V"])
def test_d_or_v_on_an_article_of_one_copy_says_so(
    httpserver: HTTPServer, data_dir: Path, key: str
) -> None:
    """In one sentence for both (`V` said "One copy …", `d` "Only one copy …")."""
    sync(data_dir, serve(httpserver, Story()))

    async def run() -> None:
        async with reading(data_dir, "dredger", notifications=True) as (app, pilot, _body):
            await pilot.press(key)
            await until(pilot, lambda: bool(app._notifications), "the notice")
            said = [n.message for n in app._notifications]
            assert said == ["Only one copy of this article is kept: it has not changed since."]
            assert not isinstance(app.screen, ChangesScreen)

    asyncio.run(run())


def test_the_reading_view_s_changes_show_a_hostile_copy_as_plain_text() -> None:
    from rich.style import Style

    from reader.ui.dialogs.changes import changes_text as view_text

    old = _article("The firm was paid £3m.", version=1)
    new = _article(
        "The firm was paid \x1b]0;owned\x07[bold red]£4m[/] \x1b[2J[@click=app.quit]x", 2
    )
    styles = {kind: Style(bold=True) for kind in ("removed", "added", "heading")}
    shown = view_text(changes_between(old, new), styles)
    assert "[bold red]£4m[/]" in shown.plain and "[@click=app.quit]x" in shown.plain
    assert "\x1b" not in shown.plain and "\x07" not in shown.plain


def test_a_huge_change_is_given_whole_between_the_words_it_keeps() -> None:
    """Past `MAX_RUN_COMPARED` words changed in one paragraph, no word-by-word matching (its
    time grows with the product of the two sides): the words the two copies start and end with
    stay the same, the rest removed and added whole, and the diff says it was capped."""
    from reader.copy_changes import MAX_RUN_COMPARED

    middle = MAX_RUN_COMPARED // 2 + 1
    old = _article("Opening words. " + " ".join(f"a{n}" for n in range(middle)) + " Last.", 1)
    new = _article("Opening words. " + " ".join(f"b{n}" for n in range(middle)) + " Last.", 2)
    changes = changes_between(old, new)
    assert changes.compared_whole
    (hunk,) = changes.hunks
    assert [span.kind for span in hunk.spans] == ["same", "removed", "added", "same"]
    assert hunk.spans[0].text == "Opening words. " and hunk.spans[-1].text == " Last."
    assert (hunk.old, hunk.new) == (old.blocks[0].text, new.blocks[0].text)


def test_the_reading_view_shows_a_page_rewritten_whole_in_part_and_counts_the_rest() -> None:
    """What the screen lays out (on the event loop, at each width) is bounded: a stretch
    removed or added cut to `LONGEST_SHOWN` words, the changes past `MAX_SHOWN_WORDS` counted."""
    from rich.style import Style

    from reader.ui.dialogs.changes import LONGEST_SHOWN, MAX_SHOWN_WORDS
    from reader.ui.dialogs.changes import changes_text as view_text

    def copy(version: int, texts: list[str]) -> Article:
        blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(t),)) for t in texts)
        return replace(_article("", version), blocks=blocks)

    styles = {kind: Style() for kind in ("removed", "added", "heading")}
    long_old = " ".join(f"old{n}" for n in range(1000))
    long_new = " ".join(f"new{n}" for n in range(1000))
    shown = view_text(changes_between(copy(1, [long_old]), copy(2, [long_new])), styles).plain
    assert f"old{LONGEST_SHOWN - 1} … ({1000 - LONGEST_SHOWN:,} words more)" in shown
    assert f"old{LONGEST_SHOWN}" not in shown

    words = [f"w{n}" for n in range(60)]
    edited = [" ".join([f"p{p}", *words, f"p{p}"]) for p in range(2000)]
    again = [" ".join([f"q{p}", *words, f"q{p}"]) for p in range(2000)]
    changes = changes_between(copy(1, edited), copy(2, again))
    assert len(changes.hunks) == 2000
    shown = view_text(changes, styles).plain
    assert len(shown.split()) < MAX_SHOWN_WORDS * 1.2
    assert re.search(r"\n… and \d+ more changes: reader diff prints them all\.\n", shown)


def test_a_long_stretch_after_a_change_keeps_its_first_space() -> None:
    """acc28c C12: "{+well below+}with forecasts" — the space a cut stretch started with was no
    word, and went."""
    from reader.copy_changes import Span, shown_spans

    rest = " with forecasts" + " and more words" * 40 + " to the end."
    spans = [
        Span("same", "the figures were "),
        Span("removed", "in line"),
        Span("added", "well below"),
        Span("same", rest),
    ]
    shown = shown_spans(spans)
    assert shown[-1].text.startswith(" with forecasts") and "…" in shown[-1].text
