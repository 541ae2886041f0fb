"""Opening an article's original page in the user's web browser, without wrecking the screen.

A graphical browser starts in the background. Without a display, `webbrowser` falls back to
a text browser (lynx, w3m…) that runs in this very terminal: the app steps aside for it
(`App.suspend`) and comes back when it exits.
"""

from __future__ import annotations

import os
import sys
import webbrowser

from textual.app import App, SuspendNotSupported

NO_BROWSER_HINT = "Name one in the BROWSER environment variable (w3m or lynx run in this terminal)."
"""Said when no browser took a link: `webbrowser` reads BROWSER, and a text browser runs here."""


def _text_browser_likely() -> bool:
    """True when the browser `webbrowser` picks would need this terminal."""
    if sys.platform in ("darwin", "win32"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False  # no browser at all: `open` will just say so
    return True


def open_in_browser(app: App[object], url: str) -> bool:
    """Open `url` (already checked to be http or https); True when a browser took it."""
    try:
        if _text_browser_likely():
            try:
                with app.suspend():
                    return webbrowser.open(url)
            except SuspendNotSupported:
                pass
        return webbrowser.open(url)
    except Exception:  # a broken browser setup must not take the reader down
        return False
