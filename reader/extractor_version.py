"""The extractor's version, with what each raise of it brought: an article cached by an older one
is extracted again from its kept page. Apart from `models`, whose values every layer shares,
because it is the history of the extraction, and grows with each raise.
"""

from __future__ import annotations

EXTRACTOR = 87
"""The extractor's version. Raise it when extraction gets better in a way cached articles should get
too (tables, media lines, a cleanup rule): an article cached by an older version is extracted again
from its kept raw page, offline, the next time it is opened. 1: tables as rows, recordings and
videos as media lines, section fronts' bylines, raised and lowered figures, bold definition terms,
quotes nested in quotes, the first of two declared publication times. 2: every author a page
declares in `<meta>`, the declared title the page prints in its `h1`. 3: formulas (MathML, MathJax,
KaTeX, Wikipedia's) as linear text. 4: code listings without line numbers, a gist's rows one code
block. 5: formulas in boxes of their own kept, definitions indented, pull quotes dropped. 6: posts
embedded from social networks as media lines. 7: an inline quotation's marks, no-break spaces kept.
8: text struck through marked as such. 9: pictures as lines naming them, charts embedded from
Datawrapper or Flourish as media lines. 10: a page built by scripts read from its declared
`articleBody`. 11: sections folded shut (`hidden="until-found"`) kept. 12, 13: a live blog's
updates, each under a heading with its time. 14: AMP pages' pictures. 15: control characters in
addresses percent-encoded. 16: a cookie-consent wall is no article (the feed's text is read in its
place, or nothing is cached). 17: a page built by scripts read from its `<noscript>`, as a browser
without scripts shows it. 18: a live blog's relative times ("vor 2 Stunden") in nine more
languages. 19: newsletter opt-in boxes, "Related: <title>" lines, a blog's previous/next-post link
and rules at the text's edges dropped; a byline under the lead photo; a declared live blog's first
two updates; "Chart: " said once. 20: short sub-lists kept. 21: legacy charset declarations the
bytes contradict overruled, C1 controls as windows-1252. 22: a byline written as a line of the text
gives the author. 23: a date stated alone kept as a date, not as midnight UTC. 24: a declared full
time over a date alone, itemprop dates read. 25: a time stated without its zone keeps none. 26: a
page for subscribers marked incomplete, its subscription offer dropped. 27: "Read also" inserts in
seven more languages. 28: an ISO label on C1 bytes read as its Windows sibling, byline lines only
with "By", a year outside 1000–2999 no date. 29: microdata times on a `<time>` or any element, not
only on `<meta>`; a loose list's items keep their bullets and numbers, a heading's "¶" link
dropped, a correction or update box beside the body kept, a dateline opening the lede kept, the
lead photo after a standfirst kept, a preloaded next story dropped, a link card's words set apart,
an "Upgrade to read the rest" card dropped; an undeclared legacy page detected by its text in its
language, Chinese and Japanese words counted by the character, dates in Arabic-Indic or Persian
digits. 30: UTF-16 without a byte-order mark read; a paywall declared in microdata; authors and
sites from a JSON-LD graph by @id, bylines without a job, a place or a CMS account, site names
without a slogan, dates a dateline's text states, no date from another story's or a video's
item, Drupal's RDFa date; reading-time lines, polls, Drupal's "Submitted by" line, donation and
sign-up boxes, one-word menus, a closing copyright line and headlines written twice dropped; a
standfirst set as a heading read as a paragraph, a headed list of links kept, a table's footer
note under it, a lone picture between paragraphs kept, margin notes set apart, a dateline in the
lede kept; datelines, bylines, "Read also" inserts, reading-time lines, tag rows and subscription
boxes in more languages, standfirsts by their foreign names, a "Comments (31)" line dropped; a
page wrapped in one <form> read whole, a "Read next" list of the site's own stories dropped; a
CJK or Hindi lede opening with "reporter" or stating the date kept, a paragraph whose links say
"Teilen" or "Post" kept. 31: a title without its site's section ("Headline | Section | Site")
or a blog platform's name, a short headline without the site's whole name; the place a writer
filed from not in the byline ("Von Jonas Weber, Berlin"); a declared time without a zone given
the zone a dateline states for the same minute; a company's legal form off a site name; an
XHTML page's xml:lang; a read-aloud player's label dropped; a feed is no article page. 33: a
list right after another stays a list of its own; an `<ol start>` and an `<li value>` number
the items as the page does; a weekday before a byline's date is a name's when the date falls on
another day; "Published 3 hours ago" atop the body dropped. 34: a UTF-8 page's paragraphs pasted
in windows-1251 or KOI8-R read as Cyrillic, not mojibake or U+FFFD; a windows-1252 "é" right
before "…" or a curly quote read, not U+FFFD; tables' spanning cells set on their grid;
`<ol reversed>`; teaser-card strips, comment threads, pull-quote boxes, app and newsletter
pitches, pointers to other stories dropped; text folded behind "Continue reading" kept; a
subscription wall the page shows marks a teaser; the printed headline over a sharing title; the
byline's authors over a one-name or newsroom declaration; declared dates in words or Unix time;
a captioned picture with an empty alt kept. 35: a date-only line under the headline (any box,
a time before its date, a Chinese portal's 来源/作者 line) dates the article and leaves the text,
an editor's credit at its end too; the site's name cut from a title and cited as the source; a
live blog's latest post its update; bylines as lines ("Jane Smith, Political Editor", "Reporting
by"), an old table page's bold headline; a newsroom declared as author gives way to the byline,
", DER SPIEGEL" and "(correspondant)" cut; review, recipe and episode pages' declarations; a
standfirst in the header kept; corrections and editor's notes in boxes of their own kept; a
short story's text only, beside sponsored, "More news" or consent boxes; a listicle of linked
headings read whole, shop buttons dropped; `<ol type>` letters and numerals; a one-item list
kept; affiliate notes, ad labels, "Te puede interesar", comment headings, lone story links
dropped; players and charts in wrapper boxes, maps; picture credits in captions; raised
exponents; ruby readings left out; task-list boxes as ☑/☐; a sentence no longer cut at a `<br>`
before an `<i>`; Thai words counted; short windows-1252 pages in their named language,
windows-1250 paragraphs in UTF-8 pages, mac-cyrillic; "Article réservé aux abonnés" no wall.
36: scholarly (citation_*) and Dublin Core metadata, every author of a paper; "Site: Headline" titles; a blog's post title and
hAtom dates; a forum thread's posts with their authors; discussion pages (Hacker News, old
Reddit, GitHub issues, Stack Overflow, schema.org threads) read as their posts; text inside a
form of prose kept; notes a body's numbers link to kept beside it, and the ids they point to
recorded for the reading view; AMP players and posts, players linked by their pages; wire ledes
kept, Korean bylines read; standfirsts under the headline, kickers dropped; GOV.UK's dates and
publisher; fact checks' claim, verdict and rating; print pages, pager lines of joined pages,
timelines, FAQ questions, podcast chapters and audio players; paragraphs named "paywall" kept,
offer boxes cut, Japanese, Korean and Chinese walls seen; key points kept; visually-hidden
labels dropped; "Read also" in twelve more languages; site notices and feedback boxes dropped;
match scoreboards; correction notes in Chinese, Japanese, Korean and Russian; BBC World
Service credit labels; short Central European, Romanian, EUC-JP, ISO-8859-15 and windows-1258
pages. 39: which dates are the feed's said so ("per the feed"); a podcast episode's series in its
source; a time-only "Updated 14:05" under the day's date line; Tribun's reporter credits. 40: a
job among a byline's several names no author, "with additional reporting by" and a credit line's
"Photos:" ending the authors; a canonical link the JSON-LD contradicts (a section front, another
story) passed over for the address read; a `<br>` in a headline a space, a kicker or badge in it
no part of the title when the `<title>` says the headline without it; a bare `lang="en"` page on a
.co.uk, .com.au or .nz host (or declaring `og:locale` en_GB) reading "02/12/2026" day first.
41: a section's heading in a box of its own, a short line alone in its quote box or closed by a
bracket, a short quotation indented by a bare `<ul>`, a how-to's step opening with "Download", a
wiki photo's linked caption kept; an ai2html chart's labels read from its first artboard, a
wiki's "Main article: …" notes dropped. 42: a section front said to be one, its teasers a linked
list item each, a section's heading linking to its page no story; a "… contributed." credit line
kept from the author box it stands in; a heading over the tabs of the panels after it kept; a data table's cell listing links kept; a note the text's numbers link to kept whatever its id
says ("cite_note-FOOTNOTE…"). 43: a run of combining marks past the 30 any writing needs cut
(`mark_runs`: a "Zalgo" letter of 60,000 flooded the screen and slowed every search); a
character reference starting as ESC's or BEL's does ("&#7879;", Vietnamese's ệ) read whole. 44:
bylines naming a co-writer or an agency ("X (avec Y et Z)", "X and Reuters") as its people, an
outlet the writer works for and a handle or address after the name left out, two writers in Arabic,
Japanese and Chinese bylines apart, a date only "Updated" gives the story's date. 45: a section
front's kicker set as a label (`<span class="kicker">`), not a heading, kept before its teaser's
headline; a section front dated only by the date it declares of itself, never by its first teaser's
`<time>`; a "By" line naming the newsroom by a job ("By Staff Reporter") the byline, out of the
text, an old table page's headline over it too. 46: Turkish pages labelled ISO-8859-1 or
windows-1252 read in windows-1254, short Shift_JIS ones in Japanese; East Asian papers' and wires'
bylines ("本报记者 A 通讯员 B", "新华社…电（记者A）", "記者A／臺北報導", "【ワシントン＝A】", "[서울=뉴시스]A 기자 =") their reporters, a
byline's label, role or place in more languages (a Hindi paper's city) no author, two Vietnamese
writers apart by a dash and an agency after a slash ("A / PAP") its authors; "how long ago" lines in
each language read ("منذ ساعتين", "3小时前", "Вчера, 18:40") left out. 47: Persian dates labelled
("تاریخ انتشار: …"), in figures ("۱۴۰۵/۰۹/۱۴") or after the byline's name read, with their time
in Iran's zone; Korean "2026. 12. 5.", Thai "05/12/2569", Saudi "… هـ - 3 ديسمبر 2026 م" read and
their lines left out; a time after "الساعة", "เวลา", "року," kept with its date; a page written decomposed (NFD) read
composed, its byline's and date's words known ("김민수 기자" is 김민수). 48: Japanese era dates
("令和6年5月3日", "平成31年", "元年") and dates in Chinese numerals ("二〇二四年五月三日") read, their
lines left out; a suffix after a byline's comma ("Martin Lund, Jr") the end of one name; a short
undeclared EUC-JP title by its one particle, no page of ASCII markup as UTF-16. 49: a consent
wall whose box cleanup drops told by the text it showed (its <title> no longer the feed's text's). 50:
the headline the page prints, which its `<title>` states too, over a JSON-LD headline it never
prints (a search engine's). 51: of declared publication dates days apart, the one the printed
date agrees with (a stale JSON-LD date no "Updated"); the byline over a JSON-LD author its
`<meta>` or rel="author" link disowns; a next page's repeated headline not between the pages.
52: a PDF's link annotations its links, on the words they cover (`extract.pdf_links`), its
columns given interleaved read one after the other (`extract.pdf_lines`). 53: of declared
publication dates days apart, the one the item's feed dates it by agrees with (that date kept
with the article, `Article.feed_date`, for extraction again); a byline's number no date writes
("Reporter 5-0") and an ordinal suffix ("Henry Ford 2nd") kept in the name. 54: a PDF's pieces on
one baseline one row (`extract.pdf_rows`): a statement's label and amount across dot leaders and
aligned cells a table, a bullet or number set apart its item's, pleading paper's margin line
numbers left out; a compound's hyphen at a line's end kept (`extract.pdf_hyphens`); a raised
note mark raised; a PDF of a line or two of text read. 55: a byline's co-writer printed without
the link its first writer has ("By <a>Maren Holt</a> and Jonas Berg") among its writers; a PDF
a document (`Article.document`, cited as a report), a tool's "anonymous" no author. 56: a court
filing's caption its parties, then its case number, the column of ")" between them left out
(`extract.pdf_captions`); a list set in two columns (a council's attendance) one name a block,
where it stands on its page; a table's last row with fewer cells (a total) its row; a judgment's heading's lines set apart by their alignment, its
rules of dashes left out, "- and -" no list item, short centred lines and an attorney's block
of short lines kept as lines; a running
foot of four lines, or one the file gives before the page's text, left out. 57: a caption
typed with its ")" in the parties' runs, padded to its column with spaces, taken apart as one
set in pieces; a judgment's bold short lines in the run of its text ("Held:", a party's name)
no headings. 58: an afternoon's mark after the time in Arabic ("10:30 م", "مساءً"), Greek ("μ.μ.")
and Persian ("ب.ظ", which lost the date) and Hindi's "अपराह्न" before it read (an evening story was
cited 12 hours early), and the zone named after the mark ("بتوقيت القاهرة"); a Solar Hijri year
in a declared field ("1405-09-14" in article:published_time, JSON-LD, `<time datetime>`) of a
Persian page or an `.ir`/`.af` address its Gregorian day, a Buddhist Era one ("2569-…") of a Thai
page its Common Era's, a Hijri year elsewhere no date (the printed one cited); Taiwan's Minguo
years ("中華民國115年12月4日", "115年12月4日", on a zh-TW page "115/12/04") read; a Thai date line opening "วันพฤหัสบดีที่" and an
Israeli `<time>`'s "06.12.26" saying the header's day left out of the text; "بتوقيت القدس" and five more
Arab capitals, Greek's "ώρα Ελλάδος" and Hebrew's "שעון ישראל" their zones (`extract
.declared_calendars`, acc38a J14, J16, J17, J19). 59: a Japanese or Chinese byline's reporter where the byline names the paper or the agency
too ("関西日報 記者 A", "共同通信 A"), holds the date after a separator ("【東京＝A】 · date"), or
opens the lede ("【東京＝A】東京都は…"); a Korean page labelled EUC-JP read in Korean; a title's
ideographic space kept (acc38a J1, J2, J3, J6, J7). 60: an author's, the site's, a table cell's
and a PDF line's ideographic space kept ("山田　太郎", `text_shape.one_line`); a Solar Hijri day no
Gregorian month has in a declared field ("1405-02-31") read (lang39). 61: a box of facts named "sidebar" inside the
article kept; a page built by scripts read from its script data (`__NEXT_DATA__`…); no "not all
of it" under a paywall's paragraphs read whole; a layout table's column of headlines dropped; an
`<h1>`'s subtitle the standfirst; zero-width spaces and a carousel's "1 / 2" gone (acc39a L2, L4,
L6, L8, L11, L13, L14; ext39b). 62: a byline's lines read apart at a
`<br>` or a block ("Maren HoltPublished" was the author), a box of one writer a line, sibling
author boxes and author spans naming each writer; a `<meta name="author">` naming the paper
its source; a wire `provider` the text credits "Reuters via" the paper; two declared
publication times no "Updated"; an address's day the date of a page dated nowhere else; an
obituary's "born …" no dateline (acc39a L1, L3, L5, L7, L12, L15, L16). 63: how many columns a
table's cell spans kept (`Block.spans`), so a scorers' line or a "Total" is laid across them
(acc39a L10); a row of column headings over an empty corner cell read as the heading row. 64: a title's, an author's and a site's no-break spaces kept
("Qui\u202f?", "12\u00a0000\u00a0€", `text_shape.one_line`); a Japanese
dateline's reporter written with a space ("【東京＝山田　太郎】") or two of them, its agency
("【ワシントン＝共同】", "【ソウル時事】": 共同通信, 時事通信); in a site rule's `body`, the
text, headings, tables and figures a name or tag ("related-", `<footer>`) took kept; Nuxt 2's
`window.__NUXT__=(function(a,…){return {…}}(…))` read as data (`nuxt_state`) (ext40). 65: a Hindi
byline's role and city no part of its writer ("राकेश शर्मा, जागरण संवाददाता, पटना", "संवाददाता —
राकेश शर्मा"), a role and a city alone no writer; Hindi's "रिपोर्ट:", "द्वारा:", "और" and
Hebrew's "כתב:" read (acc41c C2); Egyptian papers' "بقلم/" and "كتب/", Persian's "خبرنگار:" and
"تهیه و تنظیم:" (C3); Hindi's "अपराह्न"/"पूर्वाह्न" after the time ("02:20 अपराह्न IST": 14:20+05:30,
was 02:20 with no zone; C1); the Israeli "01.12.26" alone on a page in Hebrew or of a `.il` host
(C8); a Greek windows-1253 page labelled ISO-8859-7 read in Greek, "Άρειος", not "’ρειος" (C17); an Arabic date with the era's letter written onto its year, "3 ديسمبر 2026م"
(C24); Chinese bylines' closing "报道", a portal's "来源：… 作者：A", an editor's "编辑：" and an
outlet's "央视网消息" (C20); Korea's "[paper A 기자]" and "A·B 기자" (C22); Greek's "Του"/"Της"/"Των" before the name and "Συντάκτης:" (C21); Persian's "بیشتر بخوانید:", "همچنین بخوانید:", "مطالب مرتبط:" and Hebrew's
"כתבות נוספות:" inserts dropped (C26); a Thai year in two figures, "3 ธ.ค. 69" (C18); the time after a Japanese or Korean weekday in
brackets, "2026年12月5日（土） 18:30" (C25). 66: a job between the name and the place filed from
("Jane Smith, Correspondent, London") no second writer; a Japanese or Korean revision's month and
day without the year ("2026/12/5 18:30（最終更新 12/5 19:10）") read in the publication's year. 67: a
picture with no `alt` at all standing on its own line gets its "Image" line (acc42a A10); a line
("Images") over a row of pictures kept as the text's own. 68: the platforms' own blocks round a
post dropped (acc42c C3): a WordPress "Share this:" row named `sharedaddy` no box of facts, a
button-styled "Share" or "Subscribe" link, Medium's "Member-only story" and its "Written by … ·
1.2K Followers" card. 69: a
Mastodon post's page, titled by its account ("Lena Morgan (@lena@social.example)") as every post
of it is, titled by the post's opening words, the account its author (acc42c C4); the feed's text in a
cookie-consent wall's place says so (`Article.stood_in_for`), not "a paywall" (C6); the feed's
whole content standing in for a page that gave less is the article whole, no "½" (C5); Google
News's page sending on by scripts alone no article, "Google News" no title (C14). 70: Hacker News's
times, which its tooltips give without a zone, read as UTC, and an "Ask HN" item's link to its own
page no "Link:" line wherever the page is served (acc42c C10). 71: the feed's whole text
opening with a paywalled page's and going on far past it stands in for the page, the wall's lines
no cleanup drops (a price line) no longer counted as the article's; a teaser ending on "This
article continues for subscribers", "The full story is available to subscribers" or "To continue
reading, subscribe" is marked for subscribers, and so is one whose wall's own lines (its price,
what a subscription brings) follow "Subscribe to read the rest" (acc44c C2). 72: a teaser for
subscribers read with no feed text to stand in keeps none of its wall's loose lines at its end
("£1 for 3 months", "Unlimited access to our journalism", "Cancel anytime": `offer_lines`). 73: a
byline of one word and two digits ("Agent 47", "Reporter 20") keeps its number, not cited
"Reporter" (acc46c F5). 74: Nepal's "NPT" read as +05:45 in a date line (acc46a A2). 75: "WET",
"WEST" (in capitals) and Turkey's "TRT" read in a date line, from the zone table the feeds' dates
share (`zone_names`). 76: a byline's surname with a lower-case hyphened particle ("Ahmed
al-Omran", "el-Sisi") read as a name, not dropped with its co-writer, nor one with a lower-case
"ben", "bint" or "abu" ("Sami ben Ali") (acc47a A1). 77: a byline element's name written in lower
case on purpose ("By bell hooks", "By danah boyd") read as its writer's (acc47a A1). 78: a page
nested past the parser's depth even without its wrappers (tables in tables) or too deep for the
extraction's recursion read with no tag that nests, to its end; a chain of hundreds of
blockquotes, lists or tables unwrapped, not its deepest part read for the article (acc47c). 79: a
live blog's entry keeps its id as its heading's anchor, for a feed item pointing into the page
(`#block-20`), and an entry's time written in a paragraph (`<p class="timestamp">`) is its heading
(acc48c C3, C5). 80: a live blog still running is marked so (`Article.live`), and the end of its
coverage kept (`coverage_ended`): a sync asks for its page while it runs (acc48c C1, C13). 81: a
lower-case byline naming an agency, a desk or the site itself is no writer ("By agence
france-presse", "By editorial board": acc48d D3). 82: an old.reddit self-post whose title links to
its own thread has no "Link:" to itself (acc49b B7); a page with no words (a post's script shell)
gives way to the feed's pictures alone, a post that is only a picture titled by its line
("Image: …", acc49b B3); a page declaring itself a video (`og:type` "video.*"), its feed's
description standing in, said to be a video, not "½" (acc49b B5). 83: a post titled by its first
20 words, cut at a word, also on a page declaring no username; a site on a discussion site's
software named as it names itself; an author declared an Organization, or a video page's channel,
cited as written (`Article.corporate_author`; acc49b B4, B10). 84: a post's page naming
another profile than its title's account (`profile:username`) is not that account's. 85: a
`<picture>`'s JPEG or PNG, not its AVIF or WebP source (acc50e A2: a book can hold it). 86: a
declared live blog's update of a line is an entry among the others, not the end of them all
(acc50c C1: one short update read the blog's headings another way). 87: a lazy picture's
`<noscript>` copy after its `<figure>`, another alt, the same picture once; a figure's `data:`
placeholder takes the `<noscript>`'s picture in its place, beside its caption (acc50e A8)."""

FEEDS_DATES_SAID = 39
"""The first `EXTRACTOR` whose records say which dates are the feed's (`Article.published_by_feed`):
a date an older record carries for a page that states none now was the feed's."""
