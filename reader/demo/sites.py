"""Per-publication settings for the three demo news sites.

Everything a page template prints *around* an article (navigation, cookie banner,
share buttons, newsletter box, footer...) lives here, so that the templates and
the test manifest (:func:`reader.demo.content.boilerplate_phrases`) read the very
same strings and can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..english_dates import month_name, weekday_name


@dataclass(frozen=True)
class SiteInfo:
    """Identity and boilerplate of one demo publication."""

    key: str  # "gazette" | "northwind" | "vestnik": URL prefix and data directory
    name: str
    language: str  # BCP 47, used for <html lang> and the feed
    description: str
    feed_path: str
    feed_format: str  # "rss" | "atom"
    nav: tuple[tuple[str, str], ...]  # (label, href); hrefs are served as section fronts
    cookie_text: str
    cookie_buttons: tuple[str, ...]
    share_labels: tuple[str, ...]
    read_also_heading: str
    latest_heading: str
    newsletter_heading: str
    newsletter_text: str
    newsletter_button: str
    footer_text: str
    footer_links: tuple[tuple[str, str], ...]  # (label, href); served as tiny info pages
    tags_label: str
    labels: dict[str, str]  # label key -> text shown in the "latest news" list

    @property
    def front_path(self) -> str:
        return f"/{self.key}/"

    def label_text(self, key: str) -> str:
        return self.labels.get(key, key)


GAZETTE = SiteInfo(
    key="gazette",
    name="The Harbour Gazette",
    language="en-GB",
    description="News from Harbour City, its port and the wider world, since 1887.",
    feed_path="/gazette/rss.xml",
    feed_format="rss",
    nav=(
        ("Harbour & City", "/gazette/section/city/"),
        ("Quayside Business", "/gazette/section/business/"),
        ("Harbour Sports Desk", "/gazette/section/sport/"),
        ("Tides & Weather", "/gazette/section/weather/"),
        ("World Dispatches", "/gazette/section/world/"),
        ("Letters to the Editor", "/gazette/section/letters/"),
    ),
    cookie_text=(
        "We and our 143 advertising partners use cookies to personalise content "
        "and to measure audiences across the Harbour Gazette."
    ),
    cookie_buttons=("Accept all cookies", "Manage my choices"),
    share_labels=("Share on Facebook", "Share on Bluesky", "Share via WhatsApp", "Copy link"),
    read_also_heading="Read also",
    latest_heading="Latest news",
    newsletter_heading="The Morning Tide newsletter",
    newsletter_text=(
        "Get the day's harbour headlines in your inbox at 7am, every weekday, free of charge."
    ),
    newsletter_button="Sign me up",
    footer_text="© 2026 Harbour Gazette Media Ltd. Registered in Harbour City, company no. 0481516.",
    footer_links=(
        ("About the Gazette", "/gazette/info/about/"),
        ("Contact the newsroom", "/gazette/info/contact/"),
        ("Corrections and clarifications", "/gazette/info/corrections/"),
        ("Advertise with us", "/gazette/info/advertise/"),
    ),
    tags_label="More on these topics",
    labels={"exclusive": "Exclusive", "opinion": "Opinion", "updated": "Updated"},
)

NORTHWIND = SiteInfo(
    key="northwind",
    name="Northwind Tech Review",
    language="en-US",
    description="Reviews, analysis and reporting on the technology that runs everything else.",
    feed_path="/northwind/atom.xml",
    feed_format="atom",
    nav=(
        ("Gadget Lab", "/northwind/topics/gadgets/"),
        ("Dev & Ops Notebook", "/northwind/topics/dev/"),
        ("Policy Wire", "/northwind/topics/policy/"),
        ("Science Sidebar", "/northwind/topics/science/"),
        ("Deals We Actually Like", "/northwind/topics/deals/"),
        ("The Northwind Podcast", "/northwind/topics/podcast/"),
    ),
    cookie_text=(
        "Northwind uses cookies and similar technologies to keep you signed in, "
        "remember your theme and understand which stories get read."
    ),
    cookie_buttons=("Accept", "Reject non-essential", "Cookie settings"),
    share_labels=("Share on Mastodon", "Share on LinkedIn", "Email this story", "Copy link"),
    read_also_heading="Related coverage",
    latest_heading="Latest news",
    newsletter_heading="The Daily Diff",
    newsletter_text=(
        "One email every weekday: the five tech stories worth your time, minus the hype."
    ),
    newsletter_button="Subscribe for free",
    footer_text=(
        "© 2026 Northwind Media Group. Northwind Tech Review may earn a commission "
        "when you buy through links on our site."
    ),
    footer_links=(
        ("About Northwind", "/northwind/info/about/"),
        ("Our ethics policy", "/northwind/info/ethics/"),
        ("Send us a tip", "/northwind/info/tips/"),
        ("Careers at Northwind", "/northwind/info/careers/"),
    ),
    tags_label="Filed under",
    labels={"exclusive": "Exclusive", "opinion": "Opinion", "updated": "Updated"},
)

VESTNIK = SiteInfo(
    key="vestnik",
    name="Вечерний Вестник",
    language="ru",
    description="Городская газета: новости, происшествия, спорт и культура.",
    feed_path="/vestnik/rss.xml",
    feed_format="rss",
    nav=(
        ("Городские новости", "/vestnik/rubric/gorod/"),
        ("Происшествия", "/vestnik/rubric/incidents/"),
        ("Спорт и отдых", "/vestnik/rubric/sport/"),
        ("Культура и афиша", "/vestnik/rubric/culture/"),
        ("Погода на неделю", "/vestnik/rubric/weather/"),
        ("Народный корреспондент", "/vestnik/rubric/readers/"),
    ),
    cookie_text=(
        "Продолжая пользоваться сайтом «Вечернего Вестника», вы соглашаетесь "
        "на обработку файлов cookie и пользовательских данных."
    ),
    cookie_buttons=("Принять", "Подробнее о cookie"),
    share_labels=(
        "Поделиться во ВКонтакте",
        "Отправить в Telegram",
        "Поделиться в Одноклассниках",
        "Скопировать ссылку",
    ),
    read_also_heading="Читайте также",
    latest_heading="Лента новостей",
    newsletter_heading="Вечерняя рассылка",
    newsletter_text="Подпишитесь, и главные новости города будут приходить вам каждый день в 19:00.",
    newsletter_button="Подписаться",
    footer_text=(
        "© 2026 ООО «Издательский дом Вестник». "
        "При перепечатке материалов ссылка на сайт обязательна."
    ),
    footer_links=(
        ("О редакции", "/vestnik/info/about/"),
        ("Контакты редакции", "/vestnik/info/contacts/"),
        ("Реклама на сайте", "/vestnik/info/ads/"),
        ("Правила использования материалов", "/vestnik/info/rules/"),
    ),
    tags_label="Теги:",
    labels={"exclusive": "Эксклюзив", "opinion": "Мнение", "updated": "Обновлено"},
)

SITES: dict[str, SiteInfo] = {site.key: site for site in (GAZETTE, NORTHWIND, VESTNIK)}
SITE_ORDER: tuple[str, ...] = ("gazette", "northwind", "vestnik")

_RU_MONTHS_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def format_byline_date(site: str, when: datetime) -> str:
    """Human date in each site's own house style (so extractors meet several formats).

    Implemented by hand rather than with ``strftime`` so the output never depends on
    the process locale.
    """
    if site == "gazette":
        zone = "GMT" if when.utcoffset() is not None and not when.utcoffset() else "local time"
        return f"{weekday_name(when)} {when.day} {month_name(when)} {when.year} {when:%H.%M} {zone}"
    if site == "northwind":
        hour = when.hour % 12 or 12
        meridiem = "a.m." if when.hour < 12 else "p.m."
        return f"{month_name(when)} {when.day}, {when.year}, {hour}:{when:%M} {meridiem} ET"
    return f"{when.day} {_RU_MONTHS_GENITIVE[when.month - 1]} {when.year}, {when:%H:%M}"
