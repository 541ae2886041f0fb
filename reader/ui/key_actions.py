"""The actions a key can be given in the config's `[keys]` section, by the names the user writes
there, each with what it does and the bindings' actions it stands for in the screens and widgets
(`ArticleScreen`'s `next_match`, `MainScreen`'s `step_match(1)`: one "next_match" to the user).

A binding whose action is in none of these keeps its key: Esc's many uses (clearing a search, a
selected link, a passage), the yes / no of a question, the search line's own keys.
"""

from __future__ import annotations

from typing import NamedTuple


class KeyAction(NamedTuple):
    does: str
    """What it does, as README's list of actions says it."""
    bindings: tuple[str, ...]
    """The actions of the bindings it names, as the BINDINGS of the reader's screens and
    widgets (and Textual's, whose classes they extend) write them."""


ACTIONS: dict[str, KeyAction] = {
    "refresh": KeyAction("refresh every feed", ("refresh", "app.refresh")),
    "refresh_feed": KeyAction(
        "refresh the feed shown alone (a tag's: its feeds; else every feed)", ("refresh_shown",)
    ),
    "sync": KeyAction("sync: refresh and save every article for offline", ("sync", "app.sync")),
    "help": KeyAction("list the keys (again: close the list)", ("help", "app.help")),
    "messages": KeyAction(
        "list the last messages in full, newest first (again: close the list)",
        ("show_messages", "app.show_messages"),
    ),
    "quit": KeyAction("quit (from an article too: its place is kept)", ("quit", "app.quit")),
    "down": KeyAction("move down a line", ("cursor_down", "scroll_down", "scroll(1)")),
    "up": KeyAction("move up a line", ("cursor_up", "scroll_up", "scroll(-1)")),
    "page_down": KeyAction("a page down", ("page_down", "page(1)")),
    "page_up": KeyAction("a page up", ("page_up", "page(-1)")),
    "half_page_down": KeyAction("half a page down", ("half_page(1)", "page(0.5)")),
    "half_page_up": KeyAction("half a page up", ("half_page(-1)", "page(-0.5)")),
    "top": KeyAction("the first headline, the top", ("first", "scroll_home", "end(0)")),
    "bottom": KeyAction("the last headline, the bottom", ("last", "scroll_end", "end(1)")),
    "open": KeyAction(
        "read the article; show the feed; open the link selected", ("choose", "select", "open_link")
    ),
    "back": KeyAction(
        "back: from an article to the headlines, from a feed's headlines to the feeds",
        ("back", "back_to_feeds", "back_to_feeds(True)"),
    ),
    "switch_pane": KeyAction("switch between the feeds and the headlines", ("switch_pane",)),
    "feeds_pane": KeyAction("to the feed list", ("to_pane(True)",)),
    "headlines_pane": KeyAction("to the headlines", ("to_pane(False)",)),
    "search": KeyAction(
        "find a headline by its title, a feed by its name, a word in the article", ("search",)
    ),
    "search_articles": KeyAction("find articles by their cached text too", ("search_text",)),
    "keep_search": KeyAction(
        "keep the words of F's hits as a search feed, a row of the feed list", ("keep_search",)
    ),
    "tag_hits": KeyAction(
        "file every one of F's hits under tags (saving them), once you say yes to many",
        ("tag_hits",),
    ),
    "next_match": KeyAction(
        "the next headline or match found", ("step_match(1)", "next_match", "repeat_search(1)")
    ),
    "previous_match": KeyAction(
        "the previous headline or match found",
        ("step_match(-1)", "previous_match", "repeat_search(-1)", "no_search"),
    ),
    "next_unread": KeyAction(
        "the next unread headline or article, on into the next feed with unread ones",
        ("next_unread(1)", "next_unread"),
    ),
    "previous_unread": KeyAction("the previous unread headline", ("next_unread(-1)",)),
    "next_article": KeyAction("the next article of the list", ("next",)),
    "previous_article": KeyAction("the previous article of the list", ("previous",)),
    "next_feed": KeyAction(
        "the next feed's headlines, round the end",
        ("step_feed(1)",),
    ),
    "previous_feed": KeyAction(
        "the previous feed's headlines, round the end",
        ("step_feed(-1)",),
    ),
    "next_failing_feed": KeyAction(
        "the next feed whose last fetch failed (marked !), round the end",
        ("step_failing(1)",),
    ),
    "previous_failing_feed": KeyAction(
        "the previous feed whose last fetch failed, round the start",
        ("step_failing(-1)",),
    ),
    "failing_only": KeyAction(
        "show only the feeds marked ! (D on All feeds removes the failing ones) / every feed",
        ("toggle_failing_only",),
    ),
    "next_tag": KeyAction(
        "the next tag's headlines (its feeds' and articles'), round the end",
        ("step_tag(1)",),
    ),
    "previous_tag": KeyAction(
        "the previous tag's headlines, round the start",
        ("step_tag(-1)",),
    ),
    "fold_folder": KeyAction(
        "fold / unfold the feed list's folder under the cursor (on a feed: the one it is in)",
        ("toggle_folder",),
    ),
    "toggle_read": KeyAction("mark read / unread", ("toggle_read",)),
    "save": KeyAction("save for good (kept offline, never evicted) / unsave", ("toggle_saved",)),
    "archive": KeyAction(
        "archive the article (done with, kept: saved, read) / back in Saved",
        ("toggle_archived",),
    ),
    "tag": KeyAction(
        "file the article under tags (saving it), those in use completed; none: untagged",
        ("tag_article",),
    ),
    "open_in_browser": KeyAction("open the original page in the browser", ("open_original",)),
    "mark_list_read": KeyAction("mark every headline of the list read", ("mark_list_read",)),
    "mark_all_read": KeyAction("mark every feed's headlines read", ("mark_everything_read",)),
    "undo_marking": KeyAction("undo the last marking of a list or every feed", ("undo_marking",)),
    "unread_only": KeyAction(
        "show only unread headlines and the feeds with unread ones / all again",
        ("toggle_unread_only",),
    ),
    "feed_list": KeyAction(
        "put the feed list away, the headlines the whole width / show it again",
        ("toggle_feed_list",),
    ),
    "add_feed": KeyAction("add a feed by its address, or a web page's", ("add_feed",)),
    "site_feed": KeyAction(
        "in an article: add its site's feed (the one its page names)", ("site_feed",)
    ),
    "rename_feed": KeyAction(
        "rename the feed or search feed shown (a feed's emptied: its own title)", ("rename_feed",)
    ),
    "remove_feed": KeyAction(
        "remove the feed (or search feed) shown, once you say yes", ("remove_feed",)
    ),
    "next_heading": KeyAction("the next heading (a live blog's update)", ("heading(1)",)),
    "previous_heading": KeyAction("the previous heading", ("heading(-1)",)),
    "next_link": KeyAction("select the next link of the article", ("next_link",)),
    "previous_link": KeyAction("select the previous link of the article", ("previous_link",)),
    "list_links": KeyAction("list the article's links", ("list_links",)),
    "copy_address": KeyAction("copy the address of the link chosen in the list", ("copy_address",)),
    "select_sentence": KeyAction("select a sentence to quote", ("choose_passage",)),
    "longer_passage": KeyAction("the passage selected a sentence longer", ("grow_passage(1)",)),
    "shorter_passage": KeyAction("the passage selected a sentence shorter", ("grow_passage(-1)",)),
    "copy_article_address": KeyAction(
        "copy the article's address (with a link selected: the link's)", ("copy_article_address",)
    ),
    "cite": KeyAction("copy the citation (with the passage selected)", ("cite",)),
    "copy": KeyAction("copy the passage selected, alone", ("screen.copy_text",)),
    "highlight": KeyAction(
        "keep the passage selected as a highlight (on one kept: drop it)", ("highlight",)
    ),
    "note": KeyAction(
        "a note on the passage selected (kept as a highlight), else on the article", ("note",)
    ),
    "whole_note": KeyAction(
        "show whole the editor's note folded atop the story", ("unfold_notes",)
    ),
    "earlier_version": KeyAction(
        "the copy kept before the one shown of an article that changed", ("other_version",)
    ),
    "show_changes": KeyAction(
        "what changed between the copy shown and the one kept before it", ("show_changes",)
    ),
    "refresh_article": KeyAction(
        "fetch the article's page again now, the copy before kept if it changed",
        ("refresh_article",),
    ),
}

ACTION_OF: dict[str, str] = {
    binding: name for name, action in ACTIONS.items() for binding in action.bindings
}
"""The user's name of each binding's action."""
