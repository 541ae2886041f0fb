"""Datelines in their own words on pages that declare no date: Greek's genitive months, Thai's
Buddhist Era and cut-short months, Israeli sites' "02.12.26, 18:40", Indonesian months,
Vietnamese "2 tháng 12, 2026", and a Turkish weekday between the date and its time. Each is
read as the article's date, and its line leaves the text."""

from __future__ import annotations

import pytest

from reader.dates import stated_iso
from reader.extract import extract_article
from reader.extract.written_dates import line_dates, states_only_dates

# Three paragraphs of the article, in the page's language; the date line stands above them.
_BODIES = {
    "el": (
        "Το δημοτικό συμβούλιο ενέκρινε χθες το βράδυ το νέο σχέδιο για τις στάσεις των"
        " λεωφορείων στο κέντρο της πόλης, μετά από συζήτηση τριών ωρών.",
        "Οι κάτοικοι της συνοικίας ζητούσαν εδώ και χρόνια περισσότερα δρομολόγια τις"
        " πρωινές ώρες, όταν τα σχολεία και τα γραφεία ανοίγουν.",
        "Ο δήμαρχος είπε ότι οι πρώτες αλλαγές θα φανούν στις αρχές της άνοιξης.",
    ),
    "th": (
        "เทศบาลนครประชุมร่วมกับชาวบ้านเพื่อวางแผนปรับปรุงตลาดริมน้ำที่เปิดมานานกว่าห้าสิบปี",
        "พ่อค้าแม่ค้ากล่าวว่าต้องการหลังคาใหม่และทางเดินที่กว้างขึ้นก่อนถึงฤดูฝนปีหน้า",
        "นายกเทศมนตรีกล่าวว่าจะเริ่มงานในเดือนมีนาคมและจะไม่ปิดตลาดระหว่างก่อสร้าง",
    ),
    "he": (
        "מועצת העיר אישרה אמש את התוכנית להרחבת שביל האופניים לאורך החוף, לאחר דיון ארוך.",
        "תושבי השכונה ביקשו במשך שנים שביל בטוח יותר לילדים בדרך לבית הספר.",
        "ראש העיר אמר כי העבודות יחלו באביב ויימשכו כשנה.",
    ),
    "id": (
        "Pemerintah kota akan memperbaiki jembatan kayu di tepi sungai mulai pekan depan,"
        " setelah warga mengeluhkan papan yang lapuk.",
        "Menurut kepala dinas, perbaikan ditargetkan selesai sebelum musim hujan mencapai"
        " puncaknya pada bulan Januari.",
        "Warga diminta menggunakan jalan memutar selama pekerjaan berlangsung.",
    ),
    "vi": (
        "Ủy ban nhân dân thành phố vừa phê duyệt dự án mở rộng chợ nổi trên sông, dự kiến"
        " khởi công vào mùa khô năm sau.",
        "Các tiểu thương cho biết họ mong có thêm bến neo đậu và mái che cho khách.",
        "Lãnh đạo thành phố nói chợ vẫn hoạt động bình thường trong thời gian thi công.",
    ),
    "tr": (
        "Belediye meclisi dün akşam sahil yolundaki bisiklet şeridinin uzatılmasını oy"
        " birliğiyle kabul etti.",
        "Mahalle sakinleri yıllardır çocukların okula güvenle gidebileceği bir yol istiyordu.",
        "Belediye başkanı çalışmaların ilkbaharda başlayacağını ve bir yıl süreceğini söyledi.",
    ),
}


def _page(language: str, line: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in _BODIES[language])
    return (
        f'<html lang="{language}"><body><article><h1>Ο δήμος</h1>'
        f'<div class="date">{line}</div>{paragraphs}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("language", "line", "published", "updated"),
    [
        (
            "el",
            "Τετάρτη, 2 Δεκεμβρίου 2026 | 13:50 · Ενημερώθηκε: 2 Δεκεμβρίου 2026 | 17:05",
            "2026-12-02T13:50:00",
            "2026-12-02T17:05:00",
        ),
        ("el", "2 ΔΕΚΕΜΒΡΙΟΥ 2026, 13:50", "2026-12-02T13:50:00", None),
        ("th", "3 ธ.ค. 2569 09:45 น.", "2026-12-03T09:45:00", None),
        ("th", "3 ธันวาคม 2569", "2026-12-03", None),
        (
            "he",
            "פורסם: 02.12.26, 18:40 | עודכן: 03.12.26, 07:12",
            "2026-12-02T18:40:00",
            "2026-12-03T07:12:00",
        ),
        ("id", "Kamis, 3 Desember 2026 14:20 WIB", "2026-12-03T14:20:00+07:00", None),
        ("id", "3 Agustus 2026", "2026-08-03", None),
        ("vi", "2 tháng 12, 2026", "2026-12-02", None),
        (
            "tr",
            "Yayınlanma: 2 Aralık 2026 Çarşamba 11:45 Güncelleme: 2 Aralık 2026 Çarşamba 16:20",
            "2026-12-02T11:45:00",
            "2026-12-02T16:20:00",
        ),
    ],
)
def test_a_dateline_in_its_own_words_dates_the_article_and_leaves_the_text(
    language: str, line: str, published: str, updated: str | None
) -> None:
    article = extract_article(_page(language, line), "https://example.org/news/1")
    assert article.published is not None and stated_iso(article.published) == published
    assert (stated_iso(article.updated) if article.updated else None) == updated
    text = [block.text for block in article.blocks]
    assert text[0] == _BODIES[language][0]
    assert not any(line.split()[1] in block for block in text)


def test_a_two_digit_year_is_read_only_before_a_time() -> None:
    assert line_dates("Chapter 02.12.26 of the code", "he") == (None, None)
    assert not states_only_dates("Chapter 02.12.26 of the code")


def test_a_writers_line_gives_its_labelled_dates_but_not_an_unlabelled_one() -> None:
    story = "".join(f"<p>{text}</p>" for text in _BODIES["he"])
    line = "מאת <a>נועה ברק</a> | פורסם: 02.12.26, 18:40"
    page = f'<html lang="he"><body><article><h1>שביל</h1><div class="author-line">{line}</div>'
    article = extract_article(f"{page}{story}</article></body></html>", "https://example.org/b")
    assert article.published is not None
    assert stated_iso(article.published) == "2026-12-02T18:40:00"
    bio = '<div class="author-box">נועה ברק, 2 בדצמבר 2026</div>'
    page = f'<html lang="he"><body><article><h1>שביל</h1>{story}{bio}</article></body></html>'
    assert extract_article(page, "https://example.org/c").published is None


@pytest.mark.parametrize(
    ("line", "language", "cited"),
    [
        ("2026年12月5日（土） 18:30", "ja", "2026-12-05T18:30:00"),
        ("2026年12月5日(土) 18:30", "ja", "2026-12-05T18:30:00"),
        ("2026年12月5日（土）18時30分", "ja", "2026-12-05T18:30:00"),
        ("2026년 12월 5일(토) 오후 2:05", "ko", "2026-12-05T14:05:00"),
    ],
)
def test_a_weekday_in_brackets_between_the_date_and_its_time_keeps_the_time(
    line: str, language: str, cited: str
) -> None:
    """acc41c C25: the time after a Japanese or Korean weekday in brackets was lost."""
    published, _ = line_dates(line, language)
    assert published is not None and stated_iso(published) == cited
    assert states_only_dates(line)


@pytest.mark.parametrize(
    ("line", "language", "updated"),
    [
        # Mainichi's form: the revision's month and day, no year.
        ("2026/12/5 18:30（最終更新 12/5 19:10）", "ja", "2026-12-05T19:10:00"),
        ("2026年12月5日 18時30分（更新 12月5日 19時10分）", "ja", "2026-12-05T19:10:00"),
        # A December story revised on New Year's Day: the next year's.
        ("2025/12/31 23:30（最終更新 1/1 09:10）", "ja", "2026-01-01T09:10:00"),
        ("2026년 12월 5일 14:05 (수정 12/5 15:10)", "ko", "2026-12-05T15:10:00"),
        # A "revision" before the publication is no revision of it.
        ("2026/12/5 18:30（最終更新 12/4 19:10）", "ja", None),
    ],
)
def test_a_revision_without_its_year_is_in_the_publications_year(
    line: str, language: str, updated: str | None
) -> None:
    """acc41c C25: "最終更新 12/5 19:10" gave no Updated time."""
    published, revised = line_dates(line, language)
    assert published is not None
    assert (stated_iso(revised) if revised else None) == updated
