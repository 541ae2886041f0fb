"""The reading view for Chinese, Japanese and Korean readers: lines broken by their rules.

Driven with Pilot on a data directory synced from the demo site, an article of our own shown in
place of the council budget's.
"""

from __future__ import annotations

import asyncio
from itertools import accumulate, pairwise
from pathlib import Path

from reader.models import Article, Block, BlockKind, Inline
from tests.test_reading_view import terminal_cells
from tests.tui_pilot import marked, reading, resize, view_lines

CHINESE = (
    "“你去吗？”他问。港口管理局周二表示，由于强风持续，所有渡轮将停航至周四。“我们不能冒险。”"
    "港务长说道：“风速超过四十节时，任何船只都不得出港！”据气象台预报，风力将在周三晚间减弱……"
    "沿海居民（尤其是低洼地区的）被要求留在室内，学校停课一天；超市里的面包和饮用水已经售罄。"
    "市长在记者会上说：“我们已经准备好了。”随后，她前往《海港日报》的编辑部接受采访【记者：林小雨】。"
)
TRADITIONAL = (
    "「你們明天還開船嗎？」碼頭工人問。「不開了。」船長搖頭說：「海浪太高，連引航船都回港了！」"
    "據氣象局說，颱風將在今晚登陸，屆時全市停班停課；市府已在各區開設避難所，並呼籲民眾儲備飲水。"
)
JAPANESE = (
    "「行くの？」と彼は聞いた。港湾局は火曜日、強風が続くため、すべてのフェリーを木曜日まで"
    "運休すると発表した。「危険は冒せない。」港長はそう語った。ちょっとしたトラブルがあったが、"
    "ファイルのコピーは既に完了しており、ユーザーへのメッセージ（『ご迷惑をおかけします』）も"
    "ウェブサイトに掲載された。人々は次々と避難所へ向かい、ボランティアがパンやミルクを配った。"
)
MIXED = (
    "新しいPython 3.13のリリースでは、JITコンパイラ（実験的）が導入された。開発チームは"
    "「GitHub上のissueは既に1,200件を超えた」と説明し、Textualの作者もSNSで「素晴らしい！」"
    "とコメントした。ベンチマークの結果、処理速度は平均で15％向上したという。"
)
KOREAN = (
    "항만청은 화요일 강풍이 계속되어 목요일까지 모든 여객선 운항을 중단한다고 밝혔다. "
    "항만장은 “바람이 40노트 아래로 떨어지기 전에는 어떤 배도 출항하지 않는다”고 말했다. "
    "해안 주민들은 실내에 머물라는 권고를 받았고, 학교는 하루 휴교했다."
)
# A line starts with none of these, and ends with none of those (JIS X 4051's line-breaking
# rules, and Chinese typesetting's).
NO_START = "。、，．？！」』）】〉》”’ーぁぃぅぇぉっゃゅょァィゥェォッャュョ々…‥：；)％"
NO_END = "「『（【〈《“‘("


def lines_of(lines: list[str], paragraph: str) -> list[str]:
    """The screen lines a paragraph was wrapped onto, found by its first words."""
    first = next(n for n, line in enumerate(lines) if line and paragraph.startswith(line))
    out: list[str] = []
    for line in lines[first:]:
        if not line:
            break
        out.append(line)
    return out


def test_chinese_and_japanese_lines_start_with_no_closing_mark_and_end_with_no_opening_one(
    synced_dir: Path,
) -> None:
    """Folded at the column's last cell, a line of Chinese or Japanese began with "。" or "」"
    and ended with "「". The character before such a mark goes onto the next line with it, so a
    line is a cell or two short, never past the column; Korean still breaks at its spaces, and
    a Latin word in Japanese is not cut."""
    paragraphs = (CHINESE, TRADITIONAL, JAPANESE, MIXED, KOREAN)
    article = Article(
        "https://news.example/typhoon.html",
        title="Typhoon",
        blocks=tuple(Block(BlockKind.PARAGRAPH, (Inline(text),)) for text in paragraphs),
    )

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (60, 30)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            for width in (60, 71, 84, 100):
                await resize(pilot, width, 30)
                column = body._width
                lines = [line.rstrip() for line in body.lines]
                assert max(terminal_cells(line) for line in lines) <= column
                for paragraph in paragraphs:
                    korean = paragraph is KOREAN
                    wrapped = lines_of(lines, paragraph)
                    assert (" " if korean else "").join(wrapped) == paragraph, (width, wrapped)
                    assert len(wrapped) > 2
                    for line in wrapped[:-1] if not korean else ():
                        # Full but for what was carried over: a Latin word at most.
                        assert terminal_cells(line) > column - 8, (width, line)
                    for before, after in pairwise(wrapped):
                        assert after[0] not in NO_START, (width, before, after)
                        assert before[-1] not in NO_END, (width, before, after)
                    if paragraph is MIXED:
                        for word in ("Python", "JIT", "GitHub", "issue", "Textual", "1,200"):
                            assert any(word in line for line in wrapped), (width, word)

    asyncio.run(run())


def test_a_table_cell_of_japanese_breaks_by_the_same_rules() -> None:
    """A cell is wrapped in its column: folded at the column's last cell, a line of a cell
    began with "。" or "ー"."""

    def row(*cells: str, header: bool = False) -> Block:
        return Block(
            BlockKind.TABLE_ROW,
            (),
            ordinal=1,
            cells=tuple((Inline(cell),) for cell in cells),
            header=header,
        )

    notes = (
        "強風のため終日運休。明日の始発は「午前六時」の予定です。",
        "フェリーは欠航、バスは三十分おきに運行中。ターミナルで案内があります。",
        "高速船のみ運行しています（ただし、波が高い場合は運休します）。",
    )
    article = Article(
        "https://news.example/routes.html",
        title="Routes",
        blocks=(
            row("路線", "状況", "備考", header=True),
            row("北航路", "運休", notes[0]),
            row("南航路", "一部運行", notes[1]),
            row("東航路", "運行", notes[2]),
        ),
    )
    for width in range(30, 61):
        lines = view_lines(article, width)
        assert max(terminal_cells(line) for line in lines) <= width
        cells = [line.split(" │ ")[-1].rstrip() for line in lines if " │ " in line]
        for note in notes:
            start = next(n for n, cell in enumerate(cells) if note.startswith(cell))
            wrapped = []
            while "".join(wrapped) != note:
                wrapped.append(cells[start + len(wrapped)])
            for before, after in pairwise(wrapped):
                assert after[0] not in NO_START, (width, before, after)
                assert before[-1] not in NO_END, (width, before, after)


# Ambiguous-width signs Chinese and Japanese papers use (one cell in Rich and in tmux), the two
# that wcwidth draws wide ("㉈", "㉉"), a skin tone (two cells there, none in Rich) and flags.
SIGNS = (
    "港口管理局周二表示，“由于强风持续”，所有渡轮将停航至周四①。各码头○号泊位已关闭──旅客"
    "请改乘巴士㉈㉉。法国🇫🇷、日本🇯🇵和德国🇩🇪的游客被安置在市中心的酒店里，👍🏽“我们会尽快恢复航班”，"
    "港务长说。「行くの？」🇯🇵🇫🇷🇩🇪🇬🇧🇺🇸🇨🇳🇰🇷🇮🇹🇪🇸🇧🇷🇨🇦🇦🇺の旗が港に並んでいた※。"
)
_REGIONAL = range(0x1F1E6, 0x1F200)


def _flag_split_at(text: str, at: int) -> bool:
    """`at` falls between the two regional indicators of one flag."""
    run = 0
    while at - run > 0 and ord(text[at - run - 1]) in _REGIONAL:
        run += 1
    return run % 2 == 1 and at < len(text) and ord(text[at]) in _REGIONAL


def test_ambiguous_width_signs_skin_tones_and_flags_stay_in_the_column(synced_dir: Path) -> None:
    """A line of Chinese with “quotes”, ①, ○, ─, ㉈, 👍🏽 and flags fits the column as tmux
    measures it (㉈ and a skin tone took a cell or two past it), and a flag's two regional
    indicators are never folded apart: a run of twelve flags wider than the column broke after
    "🇫", and every flag after it read as two other letters. A search still marks the words it
    found, after the flags and the skin tone."""
    article = Article(
        "https://news.example/ferries.html",
        title="Ferries",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(SIGNS),)),),
    )

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (60, 30)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            for width in (20, 23, 25, 31, 44, 57, 71, 84):
                await resize(pilot, width, 30)
                column = body._width
                lines = [line.rstrip() for line in body.lines]
                wrapped = lines_of(lines, SIGNS)
                assert "".join(wrapped) == SIGNS, (width, wrapped)
                assert max(terminal_cells(line) for line in wrapped) <= column, (width, wrapped)
                ends = list(accumulate(len(line) for line in wrapped))
                assert not any(_flag_split_at(SIGNS, at) for at in ends[:-1]), (width, wrapped)
            for query in ("游客", "の旗", "港务长"):
                await pilot.press("slash", *query, "enter")
                await pilot.pause()
                assert "".join(marked(app)) == query
                await pilot.press("escape")
                await pilot.pause()

    asyncio.run(run())
