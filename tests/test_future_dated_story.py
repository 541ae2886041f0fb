"""A story its feed dates years ahead (a CMS's wrong clock or typo: "2031") is fetched once,
not at every sync: the date, put back to when the item was first seen, is not a time of update
later than the copy (acc40b P4: `/a/fut1` asked again at each of four syncs)."""

from __future__ import annotations

from pathlib import Path

from tests.story_site import StorySite, site_fixture
from tests.test_renewal import page, sync

FAR_AHEAD = "Mon, 01 Dec 2031 09:00:00 GMT"


class YearsAhead(StorySite):
    body = page("twice a day")

    def feed(self) -> str:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title>'
            f"<link>{self.url('/')}</link>"
            f"{self.item('Ferry timetable cut for winter', '/2031/ferry.html', FAR_AHEAD)}"
            "</channel></rss>"
        )


site = site_fixture(YearsAhead, "site")


def test_a_story_dated_years_ahead_is_fetched_once(site: YearsAhead, data_dir: Path) -> None:
    feed = site.url("/feed.xml")
    report, text = sync(data_dir, feed)
    assert report.articles_fetched == 1 and "sail twice a day" in text
    for _ in range(2):
        site.asked.clear()
        report, _ = sync(data_dir, feed)
        assert site.asked == ["/feed.xml"]
        assert report.articles_fetched == 0 and report.articles_updated == 0
