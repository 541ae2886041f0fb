"""The lines a site's theme puts at the top of the body that are none of the writer's words: a
category row ("Categories: News"), a reading time ("7 min read", "Lesezeit: 4 Min."), a
read-aloud player's label ("Listen to this article · 7:32 min"), a date told by its distance
from now ("Published 3 hours ago"). header_lines.py leaves them out.
"""

from __future__ import annotations

import re

from ..models import Block
from .header_dates import _DATELINE_WORDS, _SHORT_LINE_WORDS
from .month_names import PUBLISHED_WORDS, PUBLISHED_WORDS_CJK, UPDATED_WORDS, UPDATED_WORDS_CJK
from .written_dates import opens_with_date_label

# "Categories: News", "Tags: council, budget", "Filed under: Politics".
_LABEL_ROW = re.compile(
    r"^\s*(categories|category|tags|tagged|filed under|posted in|topics|kategorien|kategorie|"
    r"schlagw(ö|oe)rter|themen|cat(é|e)gories|rubriques?|mots-cl(é|e)s|categor(í|i)as?|etiquetas|"
    r"categorie|рубрик[аи]|теги|метки)\s*:",
    re.IGNORECASE,
)
# A reading time ("Reading Time: 3 minutes", "7 min read", "Lesezeit: 4 Min.", "Lecture 3 min.",
# "5 минут чтения", "وقت القراءة: 3 دقائق", "この記事は約3分で読めます"), which a theme or a
# plugin ("Reading Time WP") puts at the top of the body: the site's estimate, not the writer's
# words. The line is its number of minutes and words saying reading, nothing else.
# The number starts where no digit precedes: looked for from each digit of a long one, it
# took quadratic time.
_READING_MINUTES = re.compile(
    r"(?:about|ca\.|~|約|约|약)?\s*(?<!\d)\d+(?:\s*[-–]\s*\d+)?\s*"
    r"(?:(?:minutes?|mins?|minuten|minutos|minuti|minuut|min|минут[аы]?|мин|хвилин[аи]?|хв"
    r"|dakika(?:da)?|dk|دقائق|دقيقة|דקות|דקה|मिनट)(?!\w)\.?"
    # Chinese, Japanese and Korean run the unit into the next word: "3分で読めます".
    r"|分钟|分鐘|分|분)",
    re.IGNORECASE,
)
_READING_WORDS = re.compile(
    r"(?<!\w)(?:estimated|reading|read|time|lesezeit|lesedauer|temps|de|lecture|tiempo|lectura"
    r"|tempo|di|lettura|leestijd|leitura|время|чтения|czas|czytania|час|читання|okuma|süresi"
    r"|okunur|وقت|القراءة|قراءة|זמן|קריאה|पढ़ने|पढ़ने|का|समय)(?!\w)"
    r"|阅读时间|阅读|閱讀時間|閱讀|読了時間|この記事は|で読めます|で読了|읽는\s*시간|읽기",
    re.IGNORECASE,
)
_READING_SAYS = re.compile(
    r"\b(?:read|reading|lese|lecture|lectura|lettura|lees|leitura|чтени|czytani|читанн|okum"
    r"|okun|קריא)|قراء|पढ़|पढ़|阅读|閱讀|読|읽",
    re.I,
)


def _is_reading_time(text: str) -> bool:
    """The line says how long the article takes to read, and nothing else."""
    if len(text.split()) > _SHORT_LINE_WORDS or len(_READING_MINUTES.findall(text)) != 1:
        return False
    rest = _READING_MINUTES.sub(" ", text)
    if not _READING_SAYS.search(rest):
        return False
    return _nothing_but_punctuation(_READING_WORDS.sub(" ", rest))


def _nothing_but_punctuation(text: str) -> bool:
    """What is left of a line once its expected words are taken out says nothing more."""
    return not re.sub(r"[\W_]", "", text)


# A read-aloud player's label ("Listen to this article · 7:32 min", "Artikel anhören",
# "Écouter cet article"): the site's button above the body, with its duration at most.
_LISTEN = re.compile(
    r"(?<!\w)(?:listen(?:\s+to)?(?:\s+(?:this|the))?(?:\s+(?:article|story))?"
    r"|(?:hören\s+sie\s+(?:diesen|den)\s+)?artikel\s+(?:an)?hören|vorlesen(?:\s+lassen)?"
    r"|écouter\s+(?:cet\s+|l['’]\s*)?article|escuchar(?:\s+(?:este|el))?\s+(?:artículo|noticia)"
    r"|ascolta(?:\s+l['’]\s*)?(?:\s*articolo)?|ouvir(?:\s+(?:esta|a))?\s+(?:matéria|notícia)"
    r"|luister(?:\s+naar\s+dit\s+artikel)?|слушать(?:\s+статью)?|posłuchaj(?:\s+artykułu)?)"
    r"(?!\w)",
    re.IGNORECASE,
)
# What such a label may hold besides: a duration ("7:32", "5 min") and the player's words.
_PLAYER_WORDS = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|(?<!\w)\d+\s*(?:min(?:ute)?s?|minuten|sec(?:ond)?s?)\.?(?!\w)"
    r"|(?<!\w)(?:play|pause|audio|now|learn\s+more|beta|min)(?!\w)",
    re.IGNORECASE,
)


def _is_listen_line(text: str) -> bool:
    """The line is a read-aloud player's label, with its duration at most: no words of the
    story ("Listen to the mayor's speech below" says what to listen to)."""
    if len(text.split()) > _DATELINE_WORDS or not _LISTEN.search(text):
        return False
    return _nothing_but_punctuation(_PLAYER_WORDS.sub(" ", _LISTEN.sub(" ", text)))


# When the page was made, not a date: "3 hours ago", "vor 2 Stunden", "il y a 3 heures",
# "hace 2 horas", "2 ore fa", "há 3 horas", "3 часа назад", and so on in each language whose dates
# are read ("3 години тому", "2 godziny temu", "2 saat önce", "2 giờ trước", "2 uur geleden",
# "منذ ساعتين", "לפני שעתיים", "۲ ساعت پیش", "2 घंटे पहले", "2 ชั่วโมงที่แล้ว", "2시간 전",
# "3小时前", "2時間前"). The digits are any script's: "۲", "२".
_AGO = re.compile(
    r"(?<!\w)(?:(?:\d+|an?|one|a few)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?"
    r"|weeks?|months?)\s+ago"
    r"|vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?)"
    r"|il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?)"
    r"|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?)"
    r"|\d+\s+(?:secondi|minuti|ore|giorni|settimane)\s+fa"
    r"|h[áa]\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?)"
    r"|\d+\s+(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[ьюи])\s+назад"
    r"|(?:\d+\s+)?(?:секунд[уи]?|хвилин[уи]?|годин[уи]?|дн(?:і|ів)|день|тижн(?:і|ів)|тиждень)"
    r"\s+тому"
    r"|(?:\d+\s+)?(?:sekund[ęy]?|minut[ęy]?|godzin[ęy]?|dni|dzień|tygodni[e]?|tydzień)\s+temu"
    r"|\d+\s+(?:saniye|dakika|saat|gün|hafta|ay)\s+önce"
    r"|\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng)\s+trước"
    r"|\d+\s+(?:seconden|minuten|minuut|uur|dagen|dag|weken|week)\s+geleden"
    r"|منذ\s+(?:\d+\s+)?(?:ثوان|ثانية|ثواني|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام"
    r"|يومين|أسبوع|أسابيع|أسبوعين)"
    r"|לפני\s+(?:\d+\s+)?(?:שניות|דקה|דקות|שעה|שעות|שעתיים|יום|יומיים|ימים|שבוע|שבועיים"
    r"|שבועות)"
    r"|\d+\s+(?:ثانیه|دقیقه|ساعت|روز|هفته)\s+(?:پیش|قبل)"
    r"|\d+\s+(?:सेकंड|मिनट|घंटे|घंटा|दिन|हफ्ते|हफ़्ते|सप्ताह)\s+पहले"
    r"|\d+\s*(?:วินาที|นาที|ชั่วโมง|วัน|สัปดาห์)\s*(?:ที่แล้ว|ที่ผ่านมา)"
    r"|\d+\s*(?:초|분|시간|일|주)\s*전"
    r"|\d+\s*(?:秒|秒钟|秒鐘|分钟|分鐘|分|小时|小時|時間|天|日|周|週|週間)\s*前)"
    r"(?!\w)",
    re.IGNORECASE,
)
# A day named by its distance from today, which a label makes a dateline ("Updated yesterday"),
# and so does the time of day after it ("Вчера, 18:40", "Heute, 07:45 Uhr", "昨天 18:40").
_DAY_WORD = re.compile(
    r"(?<!\w)(?:yesterday|today|just now|gestern|heute|hier|aujourd['’]hui|ayer|hoy|ieri|oggi"
    r"|ontem|hoje|вчера|сегодня|вчора|сьогодні|wczoraj|dzisiaj|dziś|dün|bugün|hôm qua|hôm nay"
    r"|gisteren|vandaag|أمس|امس|اليوم|אתמול|היום|دیروز|امروز|कल|आज|เมื่อวานนี้|เมื่อวาน"
    r"|วันนี้|어제|오늘|昨天|今天|昨日|今日|刚刚|剛剛)(?!\w)",
    re.IGNORECASE,
)
# The time of day after such a word, and the words that set it: "at", "à", "um … Uhr", "в",
# "o", "lúc", "saat", "الساعة", "बजे", Thai's "น.", "오후", "午後", "下午".
_TIME_OF_DAY = re.compile(
    r"(?<!\d)\d{1,2}(?:[:.h]\d{2}|\s*h)(?!\d)"
    r"|(?<!\w)(?:at|à|a las|alle|um|uhr|в|о|o|godz|lúc|saat|às|om|kl|am|pm|a\.m|p\.m|น"
    r"|बजे|الساعة|ساعت)(?!\w)|오전|오후|午前|午後|上午|下午",
    re.IGNORECASE,
)
_HAS_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
_DATE_LABEL = re.compile(
    rf"(?<!\w)(?:{PUBLISHED_WORDS}|{UPDATED_WORDS}|last|on|at)(?!\w)"
    rf"|{PUBLISHED_WORDS_CJK}|{UPDATED_WORDS_CJK}",
    re.IGNORECASE,
)


def _is_relative_dateline(text: str) -> bool:
    """A line that dates the article by the time the page was made ("Published 3 hours ago",
    "Updated yesterday", "Aktualisiert vor 2 Stunden", "Вчера, 18:40") and says nothing else: read later it is
    false, and it can't be cited; the header dates the article when the page does."""
    if len(text.split()) > _SHORT_LINE_WORDS:
        return False
    rest = _AGO.sub(" ", text)
    if rest == text:
        rest = _DAY_WORD.sub(" ", text)
        if rest == text:
            return False
        if not opens_with_date_label(text):
            # "Yesterday" alone may be a section's name; with the time of day, a dateline.
            if not _HAS_CLOCK.search(rest):
                return False
            rest = _TIME_OF_DAY.sub(" ", rest)
    return _nothing_but_punctuation(_DATE_LABEL.sub(" ", rest))


def _is_label_row(block: Block) -> bool:
    """A "Categories: News" row: a label, then links."""
    if not _LABEL_ROW.match(block.text):
        return False
    linked = sum(len(i.text.strip()) for i in block.inlines if i.href)
    label = len(_LABEL_ROW.match(block.text).group(0))  # type: ignore[union-attr]
    return linked >= 0.6 * (len(block.text.strip()) - label)
