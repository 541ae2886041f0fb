"""The desktop's clipboard, where this session can reach one, beside the terminal's.

Textual copies with OSC 52, an escape sequence asking the terminal to set its clipboard. Many
terminals ignore it (GNOME Terminal; tmux unless `set-clipboard on`), and nothing tells the app
that it was ignored: a journalist pressing `y` would paste nothing, or an older quote. So, as
Neovim's clipboard provider does, the desktop's own tool is used too: pbcopy on macOS,
wl-copy under Wayland, xclip or xsel under X. Inside tmux, tmux's paste buffer gets the text as
well (`prefix ]` pastes it, and `-w` hands it on to the outer terminal).

Only what the text says is sent: each tool reads it on stdin, never as an argument.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Mapping
from subprocess import DEVNULL, PIPE

TOOL_TIMEOUT = 2.0
"""Seconds a clipboard tool may take; one that hangs (an X server gone away) is given up."""


def clipboard_commands(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> list[list[str]]:
    """The commands that copy stdin to a clipboard in this session, best first: at most one
    desktop tool, then tmux's buffer when inside tmux. Empty: only OSC 52 is left."""
    env = os.environ if environ is None else environ
    path = env.get("PATH")
    desktop: list[list[str]] = []
    if platform == "darwin":
        desktop.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        desktop.append(["wl-copy", "--type", "text/plain;charset=utf-8"])
    if env.get("DISPLAY"):
        # Both fork a child that serves the selection once the command has exited.
        desktop.append(["xclip", "-selection", "clipboard"])
        desktop.append(["xsel", "--clipboard", "--input"])
    commands = [c for c in desktop if shutil.which(c[0], path=path)][:1]
    if env.get("TMUX") and shutil.which("tmux", path=path):
        commands.append(["tmux", "load-buffer", "-w", "-"])
    return commands


async def copy_with_tools(text: str, commands: list[list[str]]) -> list[str]:
    """Give `text` to each command; the names of those that took it."""
    took = []
    data = text.encode("utf-8")
    for command in commands:
        if await _run(command, data):
            took.append(command[0])
    return took


async def _run(command: list[str], data: bytes) -> bool:
    try:
        # A session of its own: the tool must not read the reader's terminal, nor get its
        # Ctrl-C. No pipe but stdin: xclip and wl-copy fork a child that keeps serving the
        # selection after the command exits, and a pipe it inherited would never close.
        process = await asyncio.create_subprocess_exec(
            *command, stdin=PIPE, stdout=DEVNULL, stderr=DEVNULL, start_new_session=True
        )
    except OSError:
        return False
    try:
        await asyncio.wait_for(process.communicate(data), TOOL_TIMEOUT)
    except (TimeoutError, OSError):
        if process.returncode is None:
            process.kill()
            await process.wait()
        return False
    return process.returncode == 0
