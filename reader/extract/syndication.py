"""A story one outlet wrote and another publishes, cited as the first's "via" the second:
"杭州日报 via 搜狐" (Sohu republishing the Hangzhou Daily), "연합뉴스 via 네이버 뉴스" (Naver News
carrying Yonhap's story). The outlet wrote it, and is the source a quote names; the site it was
read on is where the address leads, and stays in the citation after "via", as a journalist
writes "Reuters via Yahoo News"."""

from __future__ import annotations

from ..safe import safe_line


def syndicated(outlet: str, site_name: str) -> str:
    """The source of a story `outlet` wrote, read on the site named `site_name`: the outlet via
    the site, the outlet alone when the site names none, the site alone when the page names no
    outlet or names the site itself (a paper's story on the paper's own site)."""
    outlet, site_name = safe_line(outlet), safe_line(site_name)
    if not outlet:
        return site_name
    if not site_name:
        return outlet
    if outlet.casefold() in site_name.casefold() or site_name.casefold() in outlet.casefold():
        return site_name
    return f"{outlet} via {site_name}"
