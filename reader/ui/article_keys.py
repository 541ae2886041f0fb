"""The reading view's keys: its screen's bindings and its body's, in a module of their own.

The keys set in the config (`[keys]`) are checked before the reader starts for one doing two
things in a screen (`keymap`), the reading view's among them: reading its bindings from
`ArticleScreen` and `ArticleBody` loaded the reading view whole (28 modules, ~20 ms of CPU
before the first screen, more on a busy machine). `ArticleScreenKeys` and
`ArticleBodyKeys` bind what those two bind, from the same lists, on the same Textual classes
below them, for the check (tests/test_keymap.py holds them equal).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from .widgets.article.scroll_keys import KeyScrolledView

# A key bound twice does the first of its actions `check_action` allows: `n` and Esc act on
# the search while there is one (with matches or not), Esc on the selected link before
# that, and on a selected passage before anything (a priority binding: Textual's own Esc
# would clear the selection first, and the Esc then go back). `/` has priority too: it is
# handled as it comes off the terminal, before the keys after it are given to a widget, so
# they go to the search line however fast they come (a paste, keys bunched over SSH); as an
# ordinary binding it ran only once they had gone to the text as commands.
SCREEN_BINDINGS = [
    Binding("escape", "clear_selection", "Drop passage", priority=True),
    Binding("escape", "clear_link", "Drop link"),
    Binding("escape", "go_back", "Back to link"),
    Binding("escape", "clear_search", "Clear search"),
    Binding("escape,q", "back", "Back"),
    Binding("z", "unfold_notes", "Whole note"),
    Binding("n", "next_match", "Next match"),
    Binding("N", "previous_match", "Prev match"),
    # With the search cleared, `n` / `N` bring this article's last one back (vim's habit:
    # `/word`, Enter, Esc by reflex, then `n`, which otherwise left for the next article).
    Binding("n", "repeat_search(1)", "Next match", show=False),
    Binding("N", "repeat_search(-1)", "Prev match", show=False),
    Binding("n", "next", "Next"),
    Binding("N", "no_search", "Prev match", show=False),
    Binding("p", "previous", "Previous"),
    Binding("ctrl+n", "next", "Next", show=False),  # newsboat's next / previous article
    Binding("ctrl+p", "previous", "Previous", show=False),
    # newsboat's `n`: the next unread article, on into the next feed with unread ones
    # (`n` here stays the next article of the list, as it always was).
    Binding("u", "next_unread", "Next unread", show=False),
    Binding("slash", "search", "Search", priority=True),
    Binding("o", "open_original", "Original"),
    Binding("enter", "open_link", "Open link"),
    Binding("tab", "next_link", "Links"),
    Binding("shift+tab", "previous_link", "Previous link", show=False),
    Binding("L", "list_links", "Link list"),
    Binding("y", "cite", "Cite"),
    # newsraft's copy-link key: free here (the link list's `c` copies the link it shows).
    Binding("c", "copy_article_address", "Copy address", show=False),
    Binding("v", "choose_passage", "Select sentence", show=False),
    Binding("right_parenthesis", "grow_passage(1)", "Longer passage", show=False),
    Binding("left_parenthesis", "grow_passage(-1)", "Shorter passage", show=False),
    Binding("h", "highlight", "Highlight", show=False),
    Binding("a", "note", "Note", show=False),
    # `a` adds a feed on the lists; here, `+` the site's (the lists' `+` keeps a search as a
    # feed: a row added to the feed list, both). An action of its own, not `add_feed`: a key a
    # user gave `add_feed` (free on the lists) may be one an article uses (`v`, `y`, `p`).
    Binding("plus", "site_feed", "Add site's feed", show=False),
    Binding("m", "toggle_read", "Read/unread"),
    Binding("s", "toggle_saved", "Save"),
    Binding("number_sign", "tag_article", "Tag", show=False),
    Binding("E", "toggle_archived", "Archive", show=False),
    Binding("V", "other_version", "Earlier version", show=False),
    Binding("d", "show_changes", "Changes", show=False),
    Binding("R", "refresh_article", "Fetch again", show=False),
    *(b for b in Screen.BINDINGS if isinstance(b, Binding) and "tab" not in b.key),
]

BODY_BINDINGS = [
    Binding("right_square_bracket", "heading(1)", "Next heading", show=False),
    Binding("left_square_bracket", "heading(-1)", "Previous heading", show=False),
]


class ArticleScreenKeys(Screen[None], inherit_bindings=False):
    """The reading view's screen as its keys go (`ArticleScreen` binds these, and no others)."""

    BINDINGS = SCREEN_BINDINGS


class ArticleBodyKeys(KeyScrolledView):
    """The article's body as its keys go (`ArticleBody` binds these over the scrolling keys)."""

    BINDINGS = BODY_BINDINGS
