"""How a search query is written (`search_query` reads it), as the help texts say it: one text
for `reader list --help` and the reader's help screen (`?`), so that neither leaves out a rule
the other gives."""

from __future__ import annotations

SEARCH_RULES = (
    '"words in double quotes": a phrase; port* the words starting so; A OR B either;'
    " -word or NOT word none holding it; tag:NAME only the articles and feeds filed under"
    " the tag, -tag:NAME none of them; by:NAME in a byline only, title:WORD in a title only"
    " (-by:NAME: not by NAME); category:NAME the items their feed files under it (Lobsters'"
    " tags, a subreddit), -category:NAME none of them; note:WORD in your own notes only (a"
    " plain word is looked for in them too); is:unread, is:read, is:saved, is:corrected (changed after first retrieved)"
    " only those (-is:read: none of them); another is: or a mistyped operator is refused;"
    ' "in double quotes" any term is words'
)
"""The rules of a query beyond its words, each whole, in any order."""
