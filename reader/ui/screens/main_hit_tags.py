"""`*` on `F`'s hits: every hit filed under a tag at once (the tag asked in a dialog, those in
use completed; past `CONFIRM_FROM` hits, a yes asked first), as `reader list --ids --search
WORDS | reader tag - TAG` does on the command line. A reporter who searched a name tagged the
story a row at a time with `#` (acc45 C16). A tag saves an article, as `#` does."""

from __future__ import annotations

from textual.binding import Binding

from ...feed_tags import typed_tag, with_tags
from ...models import Entry
from ...plural import plural
from ..display import plain
from ..store_changes import TAGS
from ..widgets.status_bar import StatusBar
from .main_full_text import SEARCH_VIEW, MainFullText

CONFIRM_FROM = 20
"""The hits from which a yes is asked before they are tagged: a common word's hundreds filed by
a slip of the key would take as long to untag."""
NO_HITS = "No hits to tag: F finds articles by their words, then * files every hit under a tag."


class MainHitTags(MainFullText):
    """`*`: `F`'s hits tagged at once (see `MainScreen`)."""

    BINDINGS = [Binding("asterisk", "tag_hits", "Tag every hit", show=False)]

    def action_tag_hits(self) -> None:
        """Ask the tags to file every hit of `F` shown under."""
        if self.feed_url != SEARCH_VIEW or not self.text_hits:
            self.notify(NO_HITS, timeout=4, markup=False)
            return
        from ..dialogs.feed_input import FeedInputScreen
        from ..tag_completion import TagCompletion

        entries = [hit.headline.entry for hit in self.text_hits if hit.headline.entry.link]
        if not entries:
            self.notify("No article to tag: these hits link nowhere.", severity="warning")
            return
        words = plain(self.text_query, max_length=60).plain
        count = plural(len(entries), "hit")

        def answered(line: str | None) -> None:
            tags = with_tags((), [typed_tag(tag) for tag in (line or "").split(",")])
            if not tags:
                return
            if len(entries) < CONFIRM_FROM:
                self._tag_hits(entries, tags)
                return
            from ..dialogs.confirm import ConfirmScreen

            shown = plain(" ".join(f"#{tag}" for tag in tags), max_length=100).plain
            question = f"File all {count} of “{words}” under {shown} (saving them for good)?"
            self.app.push_screen(
                ConfirmScreen(question),
                lambda yes: self._tag_hits(entries, tags) if yes else None,
            )

        in_use = [tag for tag, _count in self.reader.index.tags()]
        self.app.push_screen(
            FeedInputScreen(
                f"File the {count} of “{words}” under the tags:",
                "",
                "A comma between two; → takes the tag offered · Enter files every hit (saved)"
                " under them · Esc: none tagged",
                TagCompletion(in_use),
                # Asked all the same, Enter refusing: the tags typed are not taken for keys.
                refused=self.reader.refusal("hits tagged"),
            ),
            answered,
        )

    def _tag_hits(self, entries: list[Entry], tags: tuple[str, ...]) -> None:
        """`entries` filed under `tags`: shown at once, written in the store's turn (a thread)."""
        reader = self.reader
        changed = []
        for entry in entries:
            now = reader.index.get(entry.id)
            had = now.tags if now is not None else ()
            changed += reader.index.set_tags(entry.id, with_tags(had, tags), saved=True)

        def write() -> int:
            for entry in entries:
                reader.lib.tag_article(entry, tags)
            return len(entries)

        def written(done: object) -> None:
            shown = " ".join(f"#{tag}" for tag in tags)
            line = f"Filed {plural(len(entries), 'hit')} under {shown} (saved for good)"
            self.query_one(StatusBar).show_note(plain(line, max_length=200).plain)

        reader.keep_saved(write, written, kind=TAGS)
        reader._changed(changed)
