"""The data directory's format: what a reader of each writes, which an older reader refuses and a
newer one upgrades. Apart from the store (`store.directory` checks it), so that `reader
--version`, which says it, imports none of the store's modules (~10 ms of its start)."""

from __future__ import annotations

# The layout of a data directory. Raised when records change incompatibly; an older reader
# refuses a newer directory rather than misreading it, a newer one upgrades an older one.
# 2: raw pages may be kept as the server's own gzip stream. 3: articles may hold table rows,
# which a format-2 reader can't decode (it would drop those articles as damaged); format-2
# articles read as they are. 4: articles may hold media lines (a recording's or a video's link),
# which a format-3 reader can't decode either. 5: articles may hold pictures' lines. 6: an
# entry's record may hold only the start of a long summary, the whole kept apart
# (`codec.SUMMARY_APART`), which a format-5 reader would take for all of it (its offline view
# showing 3,000 characters, its refresh telling every such item anew). 7: a picture's bytes may
# be kept once for every article showing it (`pictures.PICTURE_BYTES`), which a format-6 reader
# finds in no article's own data: it showed them "✓ kept", left them out of its EPUB and opened
# their addresses, and its `forget` left them behind (acc46d D3); format-6 articles' own copies
# read as they are. 8: the articles showing a picture are a row each (`pictures.PICTURE_USER`),
# no longer one list, which a format-7 reader would make anew of its own articles only: its
# eviction of the last of those would drop the bytes every other article still shows "✓ kept";
# format-7 lists read as they are.
DATA_FORMAT = 8
