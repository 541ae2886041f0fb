"""Opening an article's original page in the user's web browser, without wrecking the screen.

A graphical browser starts in the background. Without a display, `webbrowser` falls back to
a text browser (lynx, w3m…) that runs in this very terminal: the app steps aside for it
(`stepped_aside`: its loop goes on, a sync too) and comes back when it exits.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from .stepped_aside import stepped_aside

if TYPE_CHECKING:
    from .app import ReaderApp
    from .error_output import ErrorOutput

NO_BROWSER_HINT = "Name one in the BROWSER environment variable (w3m or lynx run in this terminal)."
"""Said when no browser took a link: `webbrowser` reads BROWSER, and a text browser runs here."""


def opens_in_terminal(app: App[object]) -> bool:
    """Whether a link would open in a text browser in the reader's terminal
    (`open_in_text_browser`), not in the background (`open_in_browser`)."""
    return not app.is_headless and _text_browser_likely()


def _text_browser_likely() -> bool:
    """True when the browser `webbrowser` picks would need this terminal."""
    if sys.platform in ("darwin", "win32"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    import webbrowser  # with the first link opened, not at every start

    try:
        webbrowser.get()
    except webbrowser.Error:
        return False  # no browser at all: `open` will just say so
    return True


async def open_in_text_browser(app: ReaderApp, url: str) -> bool:
    """`open_in_browser` where the browser is a text one (`opens_in_terminal`): run in the
    terminal while the reader steps aside, its loop going on."""
    try:
        return await stepped_aside(app, _opened, url)
    except SuspendNotSupported:
        return _opened(url)


def open_in_browser(url: str) -> bool:
    """Open `url` (already checked to be http or https) in a browser that starts in the
    background, or where the reader can't step aside (a test's headless app); True when one
    took it. A text browser in the reader's terminal is `open_in_text_browser`'s."""
    return _opened(url)


def open_in_browser_heard(url: str, errors: ErrorOutput | None) -> tuple[bool, str]:
    """`open_in_browser`, and what the browser wrote on its error output meanwhile, which
    goes to `errors` (the log, while the screen is up): "the browser said: <its first line>"
    ("; more in <the log>" where it wrote more), "" where it wrote nothing. A browser that
    could not start ("cannot open display") said nothing on the screen before (acc48d D5)."""
    from ..program_errors import lines_written
    from .error_output import first_line

    if errors is None:
        return open_in_browser(url), ""
    mark = errors.headed(f"browser, given {url}")
    opened = open_in_browser(url)
    written = errors.written_since(mark)
    if not (first := first_line(written)):
        return opened, ""
    more = f"; more in {errors.path}" if lines_written(written) > 1 else ""
    return opened, f"the browser said: {first}{more}"


def _opened(url: str) -> bool:
    import webbrowser  # with the first link opened, not at every start

    try:
        return webbrowser.open(url)
    except Exception:  # a broken browser setup must not take the reader down
        return False
