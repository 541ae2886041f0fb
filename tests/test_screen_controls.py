"""A row of links marked to stay off paper ("noprint") is the page's controls, not its text."""

from __future__ import annotations

from reader.extract import extract_article, to_markdown

URL = "https://drafts.example.org/id/draft-pentreath-harbour-tides-02"

DRAFT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>draft-pentreath-harbour-tides-02 - Tide Gauge Reporting Format</title></head><body>
<span class="pre noprint docinfo top">[<a href="../html/">Docs</a>] [<a href="/id/x.txt">txt</a>|<a
href="/pdf/x.pdf">pdf</a>] [<a href="https://tracker.example.org/doc/x">Tracker</a>] [<a
href="mailto:x@drafts.example.org">Email</a>] [<a href="/diff?x">Diff1</a>]</span><br>
<pre>INTERNET DRAFT                                        K. Pentreath
Intended Status: Informational                       Harbour Office
Expires: 3 June 2027                                 3 December 2026

                    Tide Gauge Reporting Format

Abstract

   This document describes a plain text format in which small harbours
   report the readings of their tide gauges to one another, once every
   ten minutes, so that a reading missing from one gauge can be filled
   in from its neighbours along the same stretch of coast.
</pre>
<p>The format was first used in Cornwall in 2019.<sup class="noprint Inline-Template"><i>[<a
href="/wiki/Help:Citation_needed">citation needed</a>]</i></sup> It has since spread to the
harbours of the Isles of Scilly, where the gauges were old enough to need it most.</p>
</body></html>"""


def test_a_marked_row_of_links_goes_and_a_marked_note_stays() -> None:
    markdown = to_markdown(extract_article(DRAFT, URL))
    assert "Tracker" not in markdown and "Diff1" not in markdown, markdown
    assert "Tide Gauge Reporting Format" in markdown
    # One marked link says something about its sentence ("this wants a source"): kept.
    assert "citation needed" in markdown
