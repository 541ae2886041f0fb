"""The words datelines are written with, in the languages of the news read here: the months'
names (as a date writes them: Russian's "3 марта", Polish's "3 marca" are genitives, Hebrew's
"3 במרץ" is "in March") and the labels "Published"/"Updated".

A name listed here must be no common word that could stand between a day and a year in another
language, or a dateline would be given a date it does not state.
"""

from __future__ import annotations

import unicodedata

_NAMES = {
    1: [
        "january jan janvier janv januar jän jänner enero ene gennaio gen janeiro januari",
        "stycznia styczeń sty января январь янв січня січень ocak يناير كانون_الثاني",
        "ינואר जनवरी",
        "Ιανουαρίου Ιανουάριος Ιαν มกราคม ม.ค.",
    ],
    2: [
        "february feb février févr februar febrero febbraio fevereiro fev februari",
        "lutego luty lut февраля февраль фев лютого лютий şubat فبراير شباط פברואר",
        "फ़रवरी फरवरी",
        "Φεβρουαρίου Φεβρουάριος Φεβ กุมภาพันธ์ ก.พ.",
    ],
    3: [
        "march mar mars märz marzo março maart mrt marca marzec марта март березня березень",
        "mart مارس آذار מרץ मार्च",
        "Μαρτίου Μάρτιος Μαρ maret มีนาคม มี.ค.",
    ],
    4: [
        "april apr avril abril abr aprile kwietnia kwiecień kwi апреля апрель апр квітня",
        "квітень nisan أبريل ابريل إبريل نيسان אפריל अप्रैल",
        "Απριλίου Απρίλιος Απρ เมษายน เม.ย.",
    ],
    5: [
        "may mai mayo maggio mag maio mei maja maj мая май травня травень mayıs مايو أيار",
        "מאי मई",
        "Μαΐου Μάιος Μαΐ พฤษภาคม พ.ค.",
    ],
    6: [
        "june jun juin juni junio giugno giu junho czerwca czerwiec cze июня июнь червня",
        "червень haziran يونيو يونيه حزيران יוני जून",
        "Ιουνίου Ιούνιος Ιουν มิถุนายน มิ.ย.",
    ],
    7: [
        "july jul juillet juil juli julio luglio lug julho lipca lipiec lip июля июль липня",
        "липень temmuz يوليو يوليه تموز יולי जुलाई",
        "Ιουλίου Ιούλιος Ιουλ กรกฎาคม ก.ค.",
    ],
    8: [
        "august aug août agosto ago augustus augusti sierpnia sierpień августа август авг серпня",
        "серпень ağustos أغسطس اغسطس آب אוגוסט अगस्त",
        "Αυγούστου Αύγουστος Αυγ agustus agu agt สิงหาคม ส.ค.",
    ],
    9: [
        "september sep sept septembre septiembre setiembre settembre set setembro września",
        "wrzesień wrz сентября сентябрь сен сент вересня вересень eylül سبتمبر أيلول ספטמבר",
        "सितंबर सितम्बर",
        "Σεπτεμβρίου Σεπτέμβριος Σεπ Σεπτ กันยายน ก.ย.",
    ],
    10: [
        "october oct octobre oktober okt octubre ottobre ott outubro out października",
        "październik paź октября октябрь окт жовтня жовтень ekim أكتوبر اكتوبر",
        "تشرين_الأول אוקטובר अक्टूबर अक्तूबर",
        "Οκτωβρίου Οκτώβριος Οκτ ตุลาคม ต.ค.",
    ],
    11: [
        "november nov novembre noviembre novembro listopada listopad ноября ноябрь нояб",
        "листопада листопад kasım نوفمبر تشرين_الثاني נובמבר नवंबर नवम्बर",
        "Νοεμβρίου Νοέμβριος Νοε พฤศจิกายน พ.ย.",
    ],
    12: [
        "december dec décembre déc dezember dez diciembre dic dicembre dezembro grudnia",
        "grudzień gru декабря декабрь дек грудня грудень aralık ديسمبر كانون_الأول דצמבר",
        "दिसंबर दिसम्बर",
        "Δεκεμβρίου Δεκέμβριος Δεκ desember des ธันวาคม ธ.ค.",
    ],
}


def month_key(word: str) -> str:
    """`word` as the months are looked up: case and the way its letters are composed set
    aside ("MÄRZ", "फ़रवरी" either way, Turkish "NİSAN"), words of a name joined by "_"."""
    folded = unicodedata.normalize("NFC", word).casefold().replace("\u0307", "")
    if any("\u0370" <= c <= "\u03ff" for c in folded):
        # Greek in capitals drops its accents ("ΔΕΚΕΜΒΡΙΟΥ"), and "Μαΐου" is as often "Μαϊου".
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "_".join(folded.split())


def _with_hebrew_in(names: list[str]) -> list[str]:
    # Hebrew writes "on 3 March" as "3 במרץ": "in" is the name's first letter.
    return [*names, *("ב" + name for name in names if "\u05d0" <= name[0] <= "\u05ea")]


MONTHS = {
    month_key(name): number
    for number, lines in _NAMES.items()
    for name in _with_hebrew_in(" ".join(lines).split())
}
# Turkish's dotless "ı" and "ğ" as sites write them in addresses and in capitals ("KASIM").
MONTHS |= {"mayis": 5, "agustos": 8, "kasim": 11, "aralik": 12, "subat": 2, "eylul": 9}

# The words a dateline labels its dates with. The languages written without spaces between
# words (Chinese, Japanese, Korean) are matched without word boundaries: "最終更新".
UPDATED_WORDS = (
    r"(?:last\s+)?(?:updated|modified|revised|aktualisiert|mis à jour|mise à jour|modifié"
    r"|actualizado|actualización|aggiornato|aggiornamento|modificato|modifica"
    r"|atualizado|atualização|bijgewerkt|aangepast|gewijzigd|laatste update|zaktualizowano"
    r"|aktualizacja|uppdaterad|oppdatert|opdateret"
    r"|обновлено|обновлен|оновлено|güncellenme|güncelleme|güncellendi|آخر تحديث|تحديث"
    r"|עודכן|अपडेट|अपडेटेड|ενημερώθηκε|ενημέρωση|diperbarui|diperbaharui|cập nhật"
    r"|อัปเดต|อัพเดต|อัพเดท)"
)
UPDATED_WORDS_CJK = r"(?:更新|수정)"
PUBLISHED_WORDS = (
    r"(?:first\s+)?(?:published|posted|publié|veröffentlicht|publicado|pubblicato|publicerad"
    r"|publisert|publiceret"
    r"|gepubliceerd|opublikowano|publikacja|опубликовано|опубликован|опубліковано"
    r"|yayınlanma|yayın tarihi|giriş tarihi|نشر في|نُشر في|نشر|نُشر|פורסם|प्रकाशित"
    r"|δημοσιεύθηκε|δημοσίευση|diterbitkan|dipublikasikan|เผยแพร่)"
)
PUBLISHED_WORDS_CJK = r"(?:公開|配信|发布时间|發佈時間|发布|發布|입력|등록|송고)"
# The days of the week as a dateline names them beside its date ("3:42 PM EST, Tue March 5,
# 2024", "Dienstag, 5. März 2024"), whole or cut short; to be matched as whole words. Not
# German's two-letter "Di", "Do", "So": words of other languages.
WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|понедельник|вторник"
    r"|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п['’]ятниця"
    r"|субота|неділя|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
    # Turkish, Greek, Indonesian, Vietnamese ("Thứ tư": "the fourth"), Thai ("วันพุธ") and
    # Arabic ("الأربعاء").
    r"|pazartesi|salı|çarşamba|perşembe|cumartesi|cuma|pazar|δευτέρα|τρίτη|τετάρτη|πέμπτη"
    r"|παρασκευή|σάββατο|κυριακή|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu"
    r"|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|ศุกร์|เสาร์|อาทิตย์))\.?"
)
